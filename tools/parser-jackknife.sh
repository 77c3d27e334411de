#!/bin/sh
# parser-jackknife.sh - gives a treebank's training sentences the tags our tagger would
# predict, for training the dependency parser on realistic tags (docs/parser.md): the
# sentences are cut into FOLDS runs of consecutive sentences, a tagger is trained on all
# folds but one with the committed tagger's settings and re-tags the fold left out.
# Columns 4 and 5 (UPOS, XPOS) are replaced; the rest of every line, and the sentence order,
# are kept. Deterministic: the same input gives the same output bytes.
#
# usage: tools/parser-jackknife.sh [-j JOBS] IN.conllu[.gz] OUT.conllu [FOLDS]
# Needs build/sitrep (or $SITREP). FOLDS defaults to 10; about a minute of CPU per fold.
set -e
jobs=1
if [ "$1" = "-j" ]; then
    jobs=$2
    shift 2
fi
if [ $# -lt 2 ]; then
    echo "usage: $0 [-j JOBS] IN.conllu[.gz] OUT.conllu [FOLDS]" >&2
    exit 2
fi
in=$1
out=$2
folds=${3:-10}
sitrep=${SITREP:-build/sitrep}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
case $in in
*.gz) zcat "$in" >"$tmp/all.conllu" ;;
*) cat "$in" >"$tmp/all.conllu" ;;
esac
# Cut the sentences (blocks separated by blank lines) into FOLDS runs of consecutive
# sentences, so that a document's sentences mostly share a fold (sentences dealt round-robin
# let a fold's tagger learn the words of the very documents it tags: 96.8% UPOS on EWT train
# against 95.4% on dev); rest-K holds the other folds.
total=$(awk -v RS= 'END { print NR }' "$tmp/all.conllu")
awk -v RS= -v ORS='\n\n' -v n="$folds" -v total="$total" -v dir="$tmp" '{
    f = int((NR - 1) * n / total)
    print > (dir "/fold-" f ".conllu")
    for (k = 0; k < n; k++)
        if (k != f)
            print > (dir "/rest-" k ".conllu")
}' "$tmp/all.conllu"
# Train and tag the folds, JOBS at a time.
k=0
while [ "$k" -lt "$folds" ]; do
    (
        "$sitrep" train-tagger --train "$tmp/rest-$k.conllu" --out "$tmp/tagger-$k.bin" \
            --epochs 8 --seed 1 --passes 2 2>"$tmp/train-$k.log"
        "$sitrep" tag --conllu --model "$tmp/tagger-$k.bin" "$tmp/fold-$k.conllu" \
            >"$tmp/tagged-$k.conllu"
        echo "parser-jackknife: fold $((k + 1))/$folds tagged" >&2
    ) &
    k=$((k + 1))
    if [ $((k % jobs)) -eq 0 ]; then
        wait
    fi
done
wait
for k in $(seq 0 $((folds - 1))); do
    [ -s "$tmp/tagged-$k.conllu" ] || {
        echo "parser-jackknife: fold $k failed: $(tail -3 "$tmp/train-$k.log")" >&2
        exit 1
    }
done
# The folds in order are the sentences in their original order.
for k in $(seq 0 $((folds - 1))); do
    cat "$tmp/tagged-$k.conllu"
done >"$out"
