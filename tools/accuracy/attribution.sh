#!/bin/sh
# attribution.sh - scores reporting frames (source, cue, content spans) on the PolNeAR test
# split: sitrep codes the articles with --no-chrome in one run, tools/score_attribution
# compares spans. POLNEAR_SPLIT=train|dev scores another split (develop there, not on test).
split=${POLNEAR_SPLIT:-test}
data=$PEERS/PolNeAR/data/$split
if [ ! -d "$data/attributions" ]; then
    echo "SKIP attribution: $data is absent"
    exit 0
fi
build=$(dirname "$SITREP")
out=$build/accuracy/polnear-$split
rm -rf "$out"
mkdir -p "$out"
list=$out/list
for f in "$data"/attributions/*.ann; do
    name=$(basename "$f" .ann)
    echo "$name ${name%_*}" # annotation files carry the annotator's id: NAME_ef2d.ann
done >"$list"
# one process for all articles: one output line per input file, in order
cut -d' ' -f2 "$list" | sed "s|^|$data/text/|; s|\$|.txt|" | tr '\n' '\0' |
    xargs -0 "$SITREP" code --no-chrome --input text >"$out/all.jsonl" 2>"$out/stderr" || {
    echo "attribution: sitrep failed (see $out/stderr)"
    exit 1
}
if [ "$(wc -l <"$out/all.jsonl")" -ne "$(wc -l <"$list")" ]; then
    echo "attribution: expected $(wc -l <"$list") output lines, got $(wc -l <"$out/all.jsonl")"
    exit 1
fi
cut -d' ' -f1 "$list" | paste -d'\t' - "$out/all.jsonl" |
    awk -F'\t' -v dir="$out" '{ f = dir "/" $1 ".json"; print $2 > f; close(f) }'
"$build/tools/score_attribution" "$data/text" "$data/attributions" "$out" "$split"
