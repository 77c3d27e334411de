#!/bin/sh
# parser.sh - dependency parsing accuracy on the UD English EWT test split with gold tokens:
# `sitrep parse --conllu` re-tags the test file with our tagger and parses it (the figure of
# issue 17), then parses it again from the treebank's gold tags for reference;
# score_parse.awk compares columns 7 and 8 over every word, punctuation included.
# Needs $SITREP and $PEERS (set by tools/accuracy.sh); prints SKIP when the treebank is absent.
here=$(cd "$(dirname "$0")" && pwd)
test_file="${PEERS:-$here/../../../shared/peers}/UD_English-EWT/en_ewt-ud-test.conllu"
if [ ! -f "$test_file" ]; then
    echo "SKIP parser: $test_file not found"
    exit 0
fi
tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT
for tags in ours gold; do
    option=""
    [ "$tags" = gold ] && option=--gold-tags
    # shellcheck disable=SC2086
    "${SITREP:-build/sitrep}" parse --conllu $option "$test_file" >"$tmp" || exit 1
    set -- $(awk -f "$here/score_parse.awk" "$tmp" "$test_file") || exit 1
    [ $# -eq 3 ] || exit 1
    echo "parser: UAS $1% LAS $2% on $3 tokens (EWT test, gold tokens, $tags tags, punctuation included)"
done
