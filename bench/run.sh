#!/bin/sh
# run.sh - `make bench`: builds a deterministic corpus (BENCH_MB megabytes, default 100) of
# news-like articles, then measures sitrep on it, then runs every bench/parts/*.sh.
# Figures go to stdout; copy them to bench/RESULTS.md with the machine description.
set -e
sitrep=${1:-build/sitrep}
build=$(dirname "$sitrep")
here=$(cd "$(dirname "$0")" && pwd)
mb=${BENCH_MB:-100}
tmp=${BENCH_TMP:-$build/bench-data}
mkdir -p "$tmp"
export SITREP="$sitrep" BENCH_TMP="$tmp"
export CORPUS_JSONL="$tmp/corpus-$mb.jsonl" CORPUS_TEXT="$tmp/corpus-$mb.txt"
if [ ! -s "$CORPUS_JSONL" ]; then
    echo "bench: generating a $mb MB corpus in $CORPUS_JSONL"
    "$build/bench/gencorpus" "$mb" "$CORPUS_JSONL" "$CORPUS_TEXT"
fi
bytes=$(wc -c <"$CORPUS_JSONL")
articles=$(wc -l <"$CORPUS_JSONL")
echo "bench: corpus $bytes bytes, $articles articles; machine: $(nproc) cores, $(uname -m)"

"$build/bench/bench_text" "$CORPUS_TEXT" 20

# run NAME COMMAND...: wall time, MB/s over the corpus, peak RSS
run() {
    name=$1; shift
    "$build/bench/measure" -o "$tmp/out" "$@" 2>"$tmp/measure.log" || true
    line=$(tail -1 "$tmp/measure.log")
    wall=$(echo "$line" | sed 's/.*wall_s=\([0-9.]*\).*/\1/')
    cpu=$(echo "$line" | sed 's/.*cpu_s=\([0-9.]*\).*/\1/')
    rss=$(echo "$line" | sed 's/.*max_rss_kb=\([0-9]*\).*/\1/')
    lines=$(wc -l <"$tmp/out")
    awk -v n="$name" -v b="$bytes" -v w="$wall" -v c="$cpu" -v r="$rss" -v a="$articles" \
        -v s="${sentences:-0}" 'BEGIN {
        printf "%-22s wall: %6.1f MB/s %8.0f sentences/s | per CPU-second: %6.1f MB/s %8.0f sentences/s %7.0f articles/s | peak RSS %5.1f MB (%.2f s wall, %.2f s CPU)\n",
               n, b / w / 1e6, s / w, b / c / 1e6, s / c, a / c, r / 1024, w, c }'
}
sentences=$("$sitrep" sentences --jobs 2 "$CORPUS_JSONL" | wc -l)
echo "bench: $sentences sentences"
run "sentences (1 thread)" "$sitrep" sentences "$CORPUS_JSONL"
run "code (1 thread)" "$sitrep" code "$CORPUS_JSONL"
run "code --jobs 2" "$sitrep" code --jobs 2 "$CORPUS_JSONL"

for part in "$here"/parts/*.sh; do
    [ -f "$part" ] || continue
    echo "== bench: $(basename "$part" .sh)"
    sh "$part"
done
