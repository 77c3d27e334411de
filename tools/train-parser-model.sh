#!/bin/sh
# train-parser-model.sh - rebuilds the committed parser model (data/models/parser.bin) from
# the UD English EWT training split (docs/parser.md): its sentences get the tags our tagger
# would predict (tools/parser-jackknife.sh, ten folds), then `sitrep train-parser` learns
# from them with a beam of 8, max-violation updates and moves and relations scored together
# (12 epochs, seed 1, features whose largest weight is below 400 of 32767 left out); dev is
# scored, never learnt from. Deterministic: the same treebank gives the same bytes, so `cmp`
# with the committed file checks the recipe. About 15 minutes of CPU the first time (the
# parser's part: about 6 minutes); the tagged treebanks are cached.
#
# usage: tools/train-parser-model.sh OUT.bin   (needs build/sitrep or $SITREP; $PEERS is the
# folder holding UD_English-EWT, ../shared/peers by default)
set -e
if [ $# -ne 1 ]; then
    echo "usage: $0 OUT.bin" >&2
    exit 2
fi
here=$(cd "$(dirname "$0")" && pwd)
ewt="${PEERS:-$here/../../shared/peers}/UD_English-EWT"
if [ ! -f "$ewt/en_ewt-ud-dev.conllu" ]; then
    echo "train-parser-model: $ewt/en_ewt-ud-dev.conllu not found" >&2
    exit 1
fi
sitrep=${SITREP:-build/sitrep}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# The tagged treebanks depend only on the treebank and the code that trains and runs the
# tagger: they are kept in $CACHE (build/parser-cache by default) under a key made of those
# files, and made again when any of them changes.
cache=${CACHE:-$here/../build/parser-cache}
key=$(cat "$ewt/en_ewt-ud-train.reconstructed.conllu.gz" "$ewt/en_ewt-ud-dev.conllu" \
    "$here/parser-jackknife.sh" "$here"/../src/syntax/tagger*.c "$here"/../src/syntax/perceptron.c \
    "$here"/../src/syntax/upos.c "$here"/../src/text/*.c | sha256sum | cut -c1-16)
train="$cache/train-$key.conllu"
dev="$cache/dev-$key.conllu"
if [ ! -s "$train" ] || [ ! -s "$dev" ]; then
    mkdir -p "$cache"
    SITREP=$sitrep "$here/parser-jackknife.sh" -j "${JOBS:-2}" \
        "$ewt/en_ewt-ud-train.reconstructed.conllu.gz" "$tmp/train.tagged.conllu"
    # Dev, for the printed score only, tagged by a tagger trained on train alone.
    "$sitrep" train-tagger --train "$ewt/en_ewt-ud-train.reconstructed.conllu.gz" \
        --out "$tmp/tagger.bin" --epochs 8 --seed 1 --passes 2 2>/dev/null
    "$sitrep" tag --conllu --model "$tmp/tagger.bin" "$ewt/en_ewt-ud-dev.conllu" >"$tmp/dev.conllu"
    mv "$tmp/train.tagged.conllu" "$train"
    mv "$tmp/dev.conllu" "$dev"
else
    echo "train-parser-model: tagged treebanks from $cache (key $key)" >&2
fi
"$sitrep" train-parser --train "$train" --dev "$dev" --out "$1" \
    --epochs 12 --seed 1 --beam 8 --max-violation --joint --prune 400
