#!/bin/sh
# compare.sh - CPU time (user + system) of two builds of sitrep on the same inputs in the same
# run, as a ratio: each command runs ROUNDS times for each build, alternating, and the medians
# are compared (wall time and peak RSS beside; the machine is shared, so CPU time is the figure
# and the ratio is what carries from one day to the next). BASE is a sitrep binary or a git
# revision, built once in a cache folder (build/ref/REV, from `git archive`, with its own
# data/). Without commands, codes the real news of ../shared/peers/PolNeAR (1,012 articles)
# with --jobs 1 and --jobs 2 and checks that both builds write the same bytes.
# Usage: bench/compare.sh BASE [NEW_SITREP] [NAME -- ARGS... [--- NAME -- ARGS...]...]
#        (NEW_SITREP defaults to build/sitrep; ROUNDS=3 by default; each build codes with its
#        own source tree's data/; the output check is skipped with SAME_OUTPUT=0)
# Prints per NAME: base and new median CPU seconds, new/base, CPU per sentence, wall, RSS.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
measure=${MEASURE:-$root/build/bench/measure}
rounds=${ROUNDS:-3}
[ $# -ge 1 ] || {
    sed -n 's/^# \{0,1\}//; 2,12p' "$0" >&2
    exit 2
}
base=$1
shift
if [ ! -x "$base" ] || [ -d "$base" ]; then
    # a git revision: build it once in build/ref/REV (its own data/ comes with it)
    rev=$(git -C "$root" rev-parse --short "$base^{commit}") || {
        echo "compare: '$base' is neither a sitrep binary nor a git revision" >&2
        exit 2
    }
    ref=${COMPARE_CACHE:-$root/build/ref}/$rev
    if [ ! -x "$ref/build/sitrep" ]; then
        echo "compare: building $rev in $ref" >&2
        rm -rf "$ref"
        mkdir -p "$ref"
        git -C "$root" archive "$rev" | tar -x -C "$ref"
        nice make -C "$ref" -j2 build/sitrep >"$ref/build.log" 2>&1 || {
            echo "compare: building $rev failed (see $ref/build.log)" >&2
            exit 1
        }
    fi
    base=$ref/build/sitrep
fi
new=$root/build/sitrep
if [ $# -gt 0 ] && [ -x "$1" ] && [ ! -d "$1" ]; then
    new=$1
    shift
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
if [ $# -eq 0 ]; then
    polnear=${POLNEAR:-$root/../shared/peers/PolNeAR/data}
    if ! ls "$polnear"/*/text/*.txt >/dev/null 2>&1; then
        echo "compare: SKIP the real-news corpus: $polnear/*/text not found" >&2
        exit 0
    fi
    # file names sorted, one per argument; older builds read no directories
    ls "$polnear"/*/text/*.txt | LC_ALL=C sort >"$tmp/files"
    set -f
    IFS='
'
    # shellcheck disable=SC2046 # one argument per line of the list
    set -- polnear-code-jobs1 -- code --jobs 1 $(cat "$tmp/files") --- \
        polnear-code-jobs2 -- code --jobs 2 $(cat "$tmp/files")
    unset IFS
    set +f
    [ -n "${SENTENCES:-}" ] ||
        SENTENCES=$(SITREP_DATA="$root/data" "$new" sentences $(cat "$tmp/files") | wc -l)
    echo "compare: PolNeAR $(wc -l <"$tmp/files") articles, $SENTENCES sentences; base $base"
fi
data_of() { echo "$(cd "$(dirname "$1")/.." && pwd)/data"; }
run_of() { # run_of SITREP OUT ARGS...: appends "cpu wall rss_kb" of the command to OUT.runs
    sitrep=$1
    out=$2
    shift 2
    SITREP_DATA=$(data_of "$sitrep") SITREP_TODAY=2026-11-26 "$measure" -o "$out" "$sitrep" "$@" \
        2>"$tmp/m.log" || true
    sed -n 's/.*wall_s=\([0-9.]*\).*cpu_s=\([0-9.]*\).*max_rss_kb=\([0-9]*\).*/\2 \1 \3/p' \
        "$tmp/m.log" | tail -1 >>"$out.runs"
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
    : >"$tmp/base.runs"
    : >"$tmp/new.runs"
    i=0
    while [ $i -lt "$rounds" ]; do
        # one argument per line of $tmp/args, so arguments may hold spaces
        IFS='
'
        set -f
        run_of "$base" "$tmp/base" $(cat "$tmp/args")
        run_of "$new" "$tmp/new" $(cat "$tmp/args")
        set +f
        unset IFS
        i=$((i + 1))
    done
    same=""
    if [ "${SAME_OUTPUT:-1}" = 1 ]; then
        if cmp -s "$tmp/base" "$tmp/new"; then same=", same output"; else same=", output differs"; fi
    fi
    b=$(cut -d' ' -f1 "$tmp/base.runs" | median)
    w=$(cut -d' ' -f1 "$tmp/new.runs" | median)
    bw=$(cut -d' ' -f2 "$tmp/base.runs" | median)
    ww=$(cut -d' ' -f2 "$tmp/new.runs" | median)
    br=$(cut -d' ' -f3 "$tmp/base.runs" | sort -n | tail -1)
    wr=$(cut -d' ' -f3 "$tmp/new.runs" | sort -n | tail -1)
    awk -v n="$name" -v b="$b" -v w="$w" -v bw="$bw" -v ww="$ww" -v br="$br" -v wr="$wr" \
        -v r="$rounds" -v s="${SENTENCES:-0}" -v same="$same" 'BEGIN {
        printf "compare: %-22s new/base %.3f CPU | base %7.2f s CPU, new %7.2f s CPU (median of %d)", n, w / b, b, w, r
        if (s > 0)
            printf " | %.1f vs %.1f us CPU/sentence", b / s * 1e6, w / s * 1e6
        printf " | wall %.2f vs %.2f s | peak RSS %.1f vs %.1f MB%s\n", bw, ww, br / 1024, wr / 1024, same }'
done
