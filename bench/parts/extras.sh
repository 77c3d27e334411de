#!/bin/sh
# extras.sh - the share of quantities, dates, places and attribution in `sitrep code`: CPU
# seconds of `code --no-extras` and of `code` on the corpus, one thread, alternating, the
# median of RUNS (default 3) each, and what the extras add. CPU (user + system) rather than
# wall time, because the machine is shared.
build=$(dirname "$SITREP")
runs=${RUNS:-3}
cpu() { # ARGS...: CPU seconds of one run, from bench/measure
    "$build/bench/measure" -o "$BENCH_TMP/extras.out" "$SITREP" code "$@" "$CORPUS_JSONL" \
        2>"$BENCH_TMP/extras.log" || true
    tail -1 "$BENCH_TMP/extras.log" | sed 's/.*cpu_s=\([0-9.]*\).*/\1/'
}
off="" on=""
i=0
while [ "$i" -lt "$runs" ]; do
    off="$off $(cpu --no-extras)"
    on="$on $(cpu)"
    i=$((i + 1))
done
median() { printf '%s\n' $* | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
awk -v a="$(median $off)" -v b="$(median $on)" -v n="$runs" 'BEGIN {
    printf "code --no-extras: %.2f s CPU, code: %.2f s CPU (median of %d): extras add %.1f%%\n",
           a, b, n, 100 * (b - a) / a }'
