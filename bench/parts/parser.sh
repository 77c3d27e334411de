#!/bin/sh
# parser.sh - speed of the dependency parser alone (bench_parser: text tokenised, split and
# tagged first, then parsed in process, CPU time of one thread) and its model load time, on
# real news (the PolNeAR article texts when ../shared/peers is present) and on the bench
# corpus. Gets $SITREP, $CORPUS_TEXT and $BENCH_TMP from bench/run.sh.
build=$(dirname "${SITREP:-build/sitrep}")
here=$(cd "$(dirname "$0")" && pwd)
data="${SITREP_DATA:-$here/../../data}"
polnear="$here/../../../shared/peers/PolNeAR/data"
if [ -d "$polnear" ]; then
    cat "$polnear"/*/text/*.txt >"$BENCH_TMP/polnear.txt"
    echo "real news (PolNeAR texts): $("$build/bench/bench_parser" "$data/models/parser.bin" "$data/models/tagger.bin" "$BENCH_TMP/polnear.txt" 5)"
else
    echo "SKIP parser on real news: $polnear not found"
fi
echo "bench corpus: $("$build/bench/bench_parser" "$data/models/parser.bin" "$data/models/tagger.bin" "$CORPUS_TEXT" 3)"
