#!/bin/sh
# attribution.sh - the CPU time of `sitrep code` on PolNeAR's news texts (every split, one
# article a line) and on one long article made of 400 of them joined (2 MB), where speaker
# and frame lookups that scan the whole article would show. With BASE=path/to/earlier/sitrep
# (built from an earlier commit, its data directory beside it) both run alternately and the
# ratio is printed. CPU (user + system), median of RUNS (default 3); SKIP without PolNeAR.
build=$(dirname "$SITREP")
runs=${RUNS:-3}
data=${PEERS:-$build/../../shared/peers}/PolNeAR/data
if [ ! -d "$data/test/text" ]; then
    echo "SKIP attribution bench: $data is absent"
    exit 0
fi
tmp=${BENCH_TMP:-$build/bench-data}
mkdir -p "$tmp"
python3 - "$data" "$tmp" <<'PY'
import json, os, sys
data, tmp = sys.argv[1], sys.argv[2]
texts = []
for split in ("train", "dev", "test"):
    d = os.path.join(data, split, "text")
    for name in sorted(os.listdir(d)):
        with open(os.path.join(d, name), encoding="utf-8") as f:
            texts.append((split, name, f.read()))
with open(os.path.join(tmp, "polnear.jsonl"), "w", encoding="utf-8") as out:
    for split, name, text in texts:
        out.write(json.dumps({"id": split + "/" + name, "text": text}) + "\n")
with open(os.path.join(tmp, "polnear-long.jsonl"), "w", encoding="utf-8") as out:
    joined = "\n\n".join(t for _, _, t in texts[:400])
    out.write(json.dumps({"id": "long", "text": joined}) + "\n")
PY
cpu() { # BINARY DATA FILE: CPU seconds of one run, from bench/measure
    SITREP_DATA=$2 "$build/bench/measure" -o "$tmp/attribution.out" "$1" code "$3" \
        2>"$tmp/attribution.log" || true
    tail -1 "$tmp/attribution.log" | sed 's/.*cpu_s=\([0-9.]*\).*/\1/'
}
median() { printf '%s\n' $* | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
here_data=$(cd "$(dirname "$0")/../.." && pwd)/data
for corpus in polnear polnear-long; do
    file=$tmp/$corpus.jsonl
    new="" old=""
    i=0
    while [ "$i" -lt "$runs" ]; do
        new="$new $(cpu "$SITREP" "$here_data" "$file")"
        [ -n "$BASE" ] && old="$old $(cpu "$BASE" "$(dirname "$BASE")/../data" "$file")"
        i=$((i + 1))
    done
    if [ -n "$BASE" ]; then
        awk -v c="$corpus" -v b="$(wc -c <"$file")" -v a="$(median $old)" -v n="$(median $new)" \
            -v r="$runs" 'BEGIN { printf "attribution: code on %s (%d bytes): %.2f s CPU, earlier build %.2f s (median of %d): ratio %.2f\n", c, b, n, a, r, n / a }'
    else
        awk -v c="$corpus" -v b="$(wc -c <"$file")" -v n="$(median $new)" -v r="$runs" \
            'BEGIN { printf "attribution: code on %s (%d bytes): %.2f s CPU (median of %d)\n", c, b, n, r }'
    fi
done
