#!/bin/sh
# tagger.sh - speed of the part-of-speech tagger alone (bench_tagger: text tokenised first,
# then tagged in process, CPU time of one thread) and its model load time.
build=$(dirname "${SITREP:-build/sitrep}")
here=$(cd "$(dirname "$0")" && pwd)
model="${SITREP_DATA:-$here/../../data}/models/tagger.bin"
"$build/bench/bench_tagger" "$model" "$CORPUS_TEXT" 5
