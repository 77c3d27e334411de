#!/bin/sh
# realnews.sh - scores the event coder on the real-news development set
# ($SHARED/realnews-dev: 300 national-security news sentences with gold CAMEO events, and its
# own scorer score.py). Each sentence is coded alone, with the record's date as the
# publication date (YYYY-MM -> day 15, none -> 2024-06-01, as the set's README prescribes);
# the events' source and target codes, CAMEO code and modality go to the scorer, whose own
# summary lines are printed (root level, 3-digit, full code, with --wildcard and
# --skip-unknown). Needs python3 (installed by `make accuracy`).
dev=${REALNEWS_DEV:-$PEERS/../realnews-dev}
if [ ! -f "$dev/sentences.jsonl" ] || [ ! -f "$dev/score.py" ]; then
    echo "SKIP realnews: $dev/sentences.jsonl or score.py is absent"
    exit 0
fi
if ! command -v python3 >/dev/null 2>&1; then
    echo "SKIP realnews: python3 is not installed (apt-get install python3)"
    exit 0
fi
build=$(dirname "$SITREP")
out=$build/accuracy/realnews
mkdir -p "$out"
python3 - "$dev/sentences.jsonl" >"$out/input.jsonl" <<'PY' || exit 1
import json, sys
for line in open(sys.argv[1], encoding="utf-8"):
    r = json.loads(line)
    d = r.get("date") or "2024-06-01"
    d = d + "-15" if len(d) == 7 else (d + "-06-01" if len(d) == 4 else d)
    print(json.dumps({"id": r["id"], "text": r["text"], "published": d}))
PY
"$SITREP" code --input jsonl "$out/input.jsonl" >"$out/output.jsonl" 2>"$out/stderr.txt" || exit 1
python3 - "$out/output.jsonl" >"$out/system.jsonl" <<'PY' || exit 1
import json, sys
for line in open(sys.argv[1], encoding="utf-8"):
    if not line.strip():
        continue
    a = json.loads(line)
    evs = []
    for e in a.get("events", []):
        s, t = e.get("source") or {}, e.get("target") or {}
        evs.append({"source": s.get("code") or s.get("country") or "?",
                    "target": t.get("code") or t.get("country") or "?",
                    "code": e.get("cameo") or "", "modality": e.get("modality") or "asserted"})
    print(json.dumps({"id": a.get("id"), "events": evs}))
PY
python3 "$dev/score.py" "$dev/sentences.jsonl" "$out/system.jsonl" >"$out/score.txt" || exit 1
python3 "$dev/score.py" "$dev/sentences.jsonl" "$out/system.jsonl" --per-sentence \
    >"$out/per-sentence.txt" || exit 1
grep -E '^(level|\(source|modality accuracy)' "$out/score.txt" | sed 's/^/realnews: /'
echo "realnews: $(tail -n 1 "$out/score.txt")"
for opt in --wildcard --skip-unknown; do
    line=$(python3 "$dev/score.py" "$dev/sentences.jsonl" "$out/system.jsonl" $opt | tail -n 1)
    echo "realnews ($opt): $line"
done
echo "realnews: per-sentence errors in $out/per-sentence.txt"
