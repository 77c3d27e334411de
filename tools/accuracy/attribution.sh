#!/bin/sh
# attribution.sh - scores reporting frames (source, cue, content spans) on the PolNeAR test
# split: sitrep codes each article with --no-chrome, tools/score_attribution compares spans.
data=$PEERS/PolNeAR/data/test
if [ ! -d "$data/attributions" ]; then
    echo "SKIP attribution: $data is absent"
    exit 0
fi
build=$(dirname "$SITREP")
out=$build/accuracy/polnear
mkdir -p "$out"
for f in "$data"/attributions/*.ann; do
    name=$(basename "$f" .ann)
    article=${name%_*} # annotation files carry the annotator's id: NAME_ef2d.ann
    "$SITREP" code --no-chrome --input text "$data/text/$article.txt" >"$out/$name.json" 2>/dev/null
done
"$build/tools/score_attribution" "$data/text" "$data/attributions" "$out"
