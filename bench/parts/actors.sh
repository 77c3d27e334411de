#!/bin/sh
# actors.sh - `make bench` part for the actor stage: actor dictionary load time, recognition
# throughput on already tokenized text, and `sitrep code` start-up (load) wall time and RSS.
# Gets $SITREP, $CORPUS_TEXT and $BENCH_TMP from bench/run.sh.
build=$(dirname "$SITREP")
here=$(cd "$(dirname "$0")/../.." && pwd)
data=${SITREP_DATA:-$here/data}
"$build/bench/bench_actors" "$data/actors" "$CORPUS_TEXT" 3 16
: >"$BENCH_TMP/empty.txt"
"$build/bench/measure" "$SITREP" code --dict "$data" "$BENCH_TMP/empty.txt" 2>"$BENCH_TMP/actors-load.log"
echo "sitrep code on an empty article (dictionary load): $(tail -1 "$BENCH_TMP/actors-load.log")"
