#!/bin/sh
# train-tagger-model.sh - rebuilds the committed part-of-speech model (data/models/tagger.bin)
# from the training and development splits of UD English EWT (docs/tagger.md,
# data/models/README.md): `sitrep train-tagger` on train + dev, 8 epochs, seed 1, two passes.
# Deterministic: the same treebank gives the same bytes, so `cmp` with the committed file
# (or `git diff --stat data/models`) checks the recipe. About 70 s of CPU.
#
# usage: tools/train-tagger-model.sh OUT.bin   (needs build/sitrep or $SITREP; $PEERS is the
# folder holding UD_English-EWT, ../shared/peers by default)
set -e
if [ $# -ne 1 ]; then
    echo "usage: $0 OUT.bin" >&2
    exit 2
fi
here=$(cd "$(dirname "$0")" && pwd)
ewt="${PEERS:-$here/../../shared/peers}/UD_English-EWT"
if [ ! -f "$ewt/en_ewt-ud-train.reconstructed.conllu.gz" ] || [ ! -f "$ewt/en_ewt-ud-dev.conllu" ]; then
    echo "train-tagger-model: the UD English EWT train and dev files are not in $ewt" >&2
    exit 1
fi
sitrep=${SITREP:-build/sitrep}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(zcat "$ewt/en_ewt-ud-train.reconstructed.conllu.gz"; cat "$ewt/en_ewt-ud-dev.conllu") \
    >"$tmp/train-dev.conllu"
"$sitrep" train-tagger --train "$tmp/train-dev.conllu" --out "$1" --epochs 8 --seed 1 --passes 2
