#!/bin/sh
# patterns.sh - bench part: verb-pattern matching throughput (lemmatise + match) on the
# bench corpus text, from bench/bench_patterns.c. Gets $SITREP and $CORPUS_TEXT from run.sh.
build=$(dirname "$SITREP")
here=$(cd "$(dirname "$0")/../.." && pwd)
if [ ! -x "$build/bench/bench_patterns" ]; then
    echo "SKIP patterns: $build/bench/bench_patterns not built"
    exit 0
fi
"$build/bench/bench_patterns" "$here/data" "$CORPUS_TEXT" 3
