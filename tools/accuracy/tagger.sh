#!/bin/sh
# tagger.sh - part-of-speech accuracy on the UD English EWT test split with gold tokens:
# `sitrep tag --conllu` re-tags the test file and score_tags.awk compares columns 4 and 5.
# Needs $SITREP and $PEERS (set by tools/accuracy.sh); prints SKIP when the treebank is absent.
here=$(cd "$(dirname "$0")" && pwd)
test_file="${PEERS:-$here/../../../shared/peers}/UD_English-EWT/en_ewt-ud-test.conllu"
if [ ! -f "$test_file" ]; then
    echo "SKIP tagger: $test_file not found"
    exit 0
fi
tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT
"${SITREP:-build/sitrep}" tag --conllu "$test_file" >"$tmp" || exit 1
set -- $(awk -f "$here/score_tags.awk" "$tmp" "$test_file") || exit 1
[ $# -eq 3 ] || exit 1
echo "tagger: UPOS $1% XPOS $2% on $3 tokens (EWT test, gold tokens)"
