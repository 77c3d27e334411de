#!/bin/sh
# events.sh - the event coder's share of `sitrep code`: sentences/s of the whole pipeline with
# the event patterns (DATA/verbs) and without them (a data directory that links everything
# else), both on one thread, and the events coded per second.
build=$(dirname "$SITREP")
data=$(cd "$(dirname "$0")/../../data" && pwd)
nov=$BENCH_TMP/data-no-verbs
rm -rf "$nov" && mkdir -p "$nov"
for entry in "$data"/*; do
    [ "$(basename "$entry")" = verbs ] || ln -s "$entry" "$nov/$(basename "$entry")"
done
sentences=$("$SITREP" sentences --jobs 2 "$CORPUS_JSONL" | wc -l)
timed() { # LABEL ARGS...: one thread, wall seconds from bench/measure
    label=$1; shift
    "$build/bench/measure" -o "$BENCH_TMP/events.out" "$SITREP" code "$@" "$CORPUS_JSONL" \
        2>"$BENCH_TMP/events.log" || true
    wall=$(tail -1 "$BENCH_TMP/events.log" | sed 's/.*wall_s=\([0-9.]*\).*/\1/')
    awk -v n="$label" -v s="$sentences" -v w="$wall" 'BEGIN {
        printf "%-34s %10.0f sentences/s  (%.2f s)\n", n, s / w, w }'
}
timed "code, no event patterns (1 thread)" --dict "$nov"
timed "code with events (1 thread)"
events=$(grep -o '"cameo":' "$BENCH_TMP/events.out" | wc -l)
awk -v e="$events" -v s="$sentences" 'BEGIN { printf "events coded: %d (%.3f per sentence)\n", e, e / s }'
timed "code with events --jobs 2" --jobs 2
