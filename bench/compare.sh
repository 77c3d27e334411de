#!/bin/sh
# compare.sh - CPU time (user + system) of two builds of sitrep on the same inputs in the same
# run, as a ratio: each command runs ROUNDS times for each build, alternating, and the medians
# are compared. For "how much did this change cost": build the earlier commit elsewhere
# (git clone . /tmp/base && make -C /tmp/base build/sitrep) and compare.
# Usage: bench/compare.sh BASE_SITREP NEW_SITREP NAME -- ARGS... [--- NAME -- ARGS...]...
#        (ROUNDS=5 by default; each build codes with its own source tree's data/)
# Prints per NAME: base and new median CPU seconds and new/base.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
measure=${MEASURE:-$here/../build/bench/measure}
rounds=${ROUNDS:-5}
base=$1
new=$2
shift 2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
data_of() { echo "$(cd "$(dirname "$1")/.." && pwd)/data"; }
cpu_of() { # cpu_of SITREP ARGS...: the command's CPU seconds
    sitrep=$1
    shift
    SITREP_DATA=$(data_of "$sitrep") SITREP_TODAY=2026-11-26 "$measure" "$sitrep" "$@" \
        2>"$tmp/m.log" || true
    sed -n 's/.*cpu_s=\([0-9.]*\).*/\1/p' "$tmp/m.log" | tail -1
}
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
while [ $# -gt 0 ]; do
    name=$1
    shift
    [ "${1:-}" = "--" ] && shift
    : >"$tmp/args"
    while [ $# -gt 0 ] && [ "$1" != "---" ]; do
        printf '%s\n' "$1" >>"$tmp/args"
        shift
    done
    [ "${1:-}" = "---" ] && shift
    : >"$tmp/base"
    : >"$tmp/new"
    i=0
    while [ $i -lt "$rounds" ]; do
        # one argument per line of $tmp/args, so arguments may hold spaces
        IFS='
'
        set -f
        cpu_of "$base" $(cat "$tmp/args") >>"$tmp/base"
        cpu_of "$new" $(cat "$tmp/args") >>"$tmp/new"
        set +f
        unset IFS
        i=$((i + 1))
    done
    b=$(median <"$tmp/base")
    w=$(median <"$tmp/new")
    awk -v n="$name" -v b="$b" -v w="$w" -v r="$rounds" 'BEGIN {
        printf "compare: %-28s base %7.2f s CPU, new %7.2f s CPU, new/base %.3f (median of %d)\n", n, b, w, w / b, r }'
done
