#!/bin/sh
# run.sh - `make test-scaling`: no loop over a whole article per item (issue 20). Codes one
# article of about 50 sentences and one of about 5,000 (the same wire story repeated, so each
# sentence costs the same work) under callgrind, counting the instructions of
# sitrep_code_bytes only (not the loading of dictionaries), and fails when the cost per
# sentence of the long article exceeds the short one's by 10% or more. On failure it lists the
# functions whose cost grew most, so the loop that scans the whole article is named.
# Usage: tests/scaling/run.sh [SITREP]   (SCALING_COPIES=505 by default: about 5,000 sentences)
set -eu
sitrep=${1:-build/sitrep}
here=$(cd "$(dirname "$0")" && pwd)
story=$here/../../examples/wire-ceasefire-talks.txt
copies=${SCALING_COPIES:-505}
if ! command -v valgrind >/dev/null 2>&1; then
    echo "scaling: FAIL valgrind is not installed (make deps-test installs it)"
    exit 1
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export SITREP_TODAY=2026-11-26
article() { # article N FILE: the story N times, a blank line between copies
    i=0
    while [ "$i" -lt "$1" ]; do
        cat "$story"
        echo
        i=$((i + 1))
    done >"$2"
}
article 5 "$tmp/short.txt"
article "$copies" "$tmp/long.txt"
count() { # count NAME: instructions of sitrep_code_bytes on $tmp/NAME.txt
    valgrind --tool=callgrind --callgrind-out-file="$tmp/$1.cg" --collect-atstart=no \
        --toggle-collect=sitrep_code_bytes "$sitrep" code "$tmp/$1.txt" >/dev/null 2>"$tmp/$1.log"
    sed -n 's/.*Collected : \([0-9]*\).*/\1/p' "$tmp/$1.log"
}
s_short=$("$sitrep" sentences "$tmp/short.txt" | wc -l)
s_long=$("$sitrep" sentences "$tmp/long.txt" | wc -l)
i_short=$(count short)
i_long=$(count long)
growth=$(awk -v a="$i_short" -v sa="$s_short" -v b="$i_long" -v sb="$s_long" \
    'BEGIN { printf "%.3f", (b / sb) / (a / sa) }')
awk -v a="$i_short" -v sa="$s_short" -v b="$i_long" -v sb="$s_long" -v g="$growth" 'BEGIN {
    printf "scaling: %d sentences %.0f instructions each, %d sentences %.0f each: x%s per sentence\n",
        sa, a / sa, sb, b / sb, g }'
if awk -v g="$growth" 'BEGIN { exit !(g < 1.10) }'; then
    echo "scaling: ok (cost per sentence grows by less than 10%)"
    exit 0
fi
echo "scaling: FAIL cost per sentence grows by 10% or more; functions (self cost per sentence, short -> long):"
self() { # self NAME: "function instructions" per line
    callgrind_annotate --auto=no --threshold=100 "$tmp/$1.cg" 2>/dev/null |
        sed -n 's/^ *\([0-9,][0-9,]*\) ([ 0-9.]*%) *\([^ ]*:[^ ]*\).*/\1 \2/p' | tr -d ','
}
self short >"$tmp/short.fn"
self long >"$tmp/long.fn"
awk -v sa="$s_short" -v sb="$s_long" 'NR == FNR { a[$2] = $1; next }
    $2 in a { d = $1 / sb - a[$2] / sa; if (d > 0) printf "%12.0f %10.0f -> %10.0f  %s\n", d, a[$2] / sa, $1 / sb, $2 }
    !($2 in a) { printf "%12.0f %10.0f -> %10.0f  %s\n", $1 / sb, 0, $1 / sb, $2 }' \
    "$tmp/short.fn" "$tmp/long.fn" | sort -rn | head -8
exit 1
