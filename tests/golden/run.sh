#!/bin/sh
# run.sh - golden tests: each tests/golden/NAME.{txt,jsonl,html} is coded with
# `sitrep code --format pretty` (plus the options in NAME.args, if present) and compared with
# NAME.expected.json; each NAME.parse.txt is parsed with `sitrep parse` (tokens, tags and
# dependency parse as CoNLL-U) and compared with NAME.parse.expected.conllu. Add a test by
# adding the two files; `make golden-update` (UPDATE=1)
# rewrites the expected files - review the diff before committing. "Today" is pinned
# (SITREP_TODAY) so that articles without a publication date code the same on any day.
sitrep=${1:-build/sitrep}
dir=$(dirname "$0")
pass=0
fail=0
tmp=$(mktemp)
trap 'rm -f "$tmp" "$tmp.err"' EXIT
for input in "$dir"/*.txt "$dir"/*.jsonl "$dir"/*.html; do
    [ -f "$input" ] || continue
    name=${input%.*}
    expected=$name.expected.json
    command="code --format pretty"
    case $input in
    *.parse.txt)
        expected=$name.expected.conllu
        command=parse
        ;;
    esac
    args=""
    [ -f "$name.args" ] && args=$(cat "$name.args")
    # shellcheck disable=SC2086
    # undated articles resolve against a fixed "today", so the expected files hold on any day
    SITREP_TODAY=${SITREP_TODAY:-2026-11-26} SITREP_DATA=${SITREP_DATA:-data} "$sitrep" $command $args "$input" >"$tmp" 2>"$tmp.err"
    rc=$?
    if [ "$rc" -ne 0 ]; then
        echo "golden: FAIL $(basename "$input"): sitrep exited $rc: $(head -c 300 "$tmp.err")"
        fail=$((fail + 1))
        continue
    fi
    if [ -n "$UPDATE" ]; then
        cp "$tmp" "$expected"
        echo "golden: updated $(basename "$expected")"
        continue
    fi
    if [ ! -f "$expected" ]; then
        echo "golden: FAIL $(basename "$input"): no $(basename "$expected")"
        fail=$((fail + 1))
    elif diff -u "$expected" "$tmp" >/dev/null; then
        pass=$((pass + 1))
    else
        echo "golden: FAIL $(basename "$input"):"
        diff -u "$expected" "$tmp" | head -40
        fail=$((fail + 1))
    fi
done
echo "golden: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
