# test_docs.sh - the command line a user reads: the man page renders cleanly and, like
# docs/cli.md and the bash completion, names every command of `sitrep help` and every option
# of each `sitrep COMMAND --help`; every golden file, the demo and the examples' output
# validate against docs/output.schema.json (and a broken object does not); the README's
# worked example is what tools/readme-example.sh makes of the real output.
# Sourced by tests/cli/run.sh ($SITREP, $JSONQ, $work and the expect_* helpers are set).
root=$(cd "$here/../.." && pwd)
python=${PYTHON:-/usr/bin/python3}
commands=$("$SITREP" help | sed -n 's/^  \([a-z][a-z-]*\)  .*/\1/p')
expect_match "help lists commands" "$commands" "code"

# --- the man page
if command -v groff >/dev/null 2>&1; then
    expect_eq "man page: no groff warnings" "$(groff -man -Tascii -ww -z "$root/sitrep.1" 2>&1)" ""
    man_text=$(groff -man -Tascii -P-cbou -rLL=200n "$root/sitrep.1" 2>/dev/null)
    expect_match "man page: renders" "$man_text" "^NAME"
else
    man_text=""
    echo "cli: SKIP man page checks: groff is missing (apt-get install groff-base)"
fi
if command -v man >/dev/null 2>&1; then
    expect_exit 0 "man ./sitrep.1" -- env MANPAGER=cat MANWIDTH=100 man "$root/sitrep.1"
    expect_match "man ./sitrep.1 shows the page" "$out" "code national-security news"
else
    echo "cli: SKIP man ./sitrep.1: man is missing (apt-get install man-db)"
fi

# --- every command and option in the man page, docs/cli.md and the completion
cli_md=$(cat "$root/docs/cli.md")
completion=$root/completion/sitrep.bash
complete_words() { # complete_words WORD...: what the completion offers for the last word
    bash -c '. "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$((${#COMP_WORDS[@]} - 1)); _sitrep
             printf "%s\n" "${COMPREPLY[@]}"' sh "$completion" "$@"
}
offered_commands=$(complete_words "$SITREP" "")
for c in $commands; do
    [ -z "$man_text" ] || expect_match "man page describes '$c'" "$man_text" "sitrep $c"
    expect_match "docs/cli.md describes '$c'" "$cli_md" "\`sitrep $c"
    expect_match "completion offers '$c'" "$offered_commands" "^$c\$"
    options=$("$SITREP" "$c" --help | grep -oE -- '--[a-z][a-z-]*' | sort -u)
    offered=$(complete_words "$SITREP" "$c" --)
    for o in $options; do
        [ "$o" = --help ] && continue
        [ -z "$man_text" ] || expect_match "man page names $c $o" "$man_text" "(^|[^a-z-])$o([^a-z-]|\$)"
        expect_match "docs/cli.md names $c $o" "$cli_md" "\`$o([ \`\\\\]|\$)"
        expect_match "completion offers $c $o" "$offered" "^$o\$"
    done
done
expect_eq "completion: --format values of query" "$(complete_words "$SITREP" query --format "" | tr '\n' ' ')" "table json csv "
expect_eq "completion: PLOVER types" "$(complete_words "$SITREP" query --plover A | tr '\n' ' ')" "AGREE AID ACCUSE ASSAULT "
expect_eq "completion: roots" "$(complete_words "$SITREP" query --root 2 | tr '\n' ' ')" "20 "
expect_match "completion: file names after code" "$(cd "$root" && complete_words "$SITREP" code exam)" "^examples\$"

# --- the output's JSON Schema
if "$python" -c 'import jsonschema' 2>/dev/null; then
    schema=$root/docs/output.schema.json
    check() { "$python" "$here/../tools/check_schema.py" "$schema" "$@"; }
    expect_exit 0 "schema: every golden file" -- check "$here"/../golden/*.expected.json
    expect_match "schema: golden objects counted" "$out" "schema: [0-9]+ objects valid"
    "$SITREP" code --format pretty --published 2025-03-04 "$root/examples/wire-ceasefire-talks.txt" >"$work/demo.json" 2>/dev/null
    expect_exit 0 "schema: the demo's output" -- check "$work/demo.json"
    "$SITREP" code --jobs 2 "$root/examples" >"$work/examples.jsonl" 2>/dev/null
    expect_exit 0 "schema: the examples' output" -- check "$work/examples.jsonl"
    printf 'Les forces russes ont bombard\303\251 la ville de Kharkiv pendant la nuit, a indiqu\303\251 lundi le gouverneur r\303\251gional, ajoutant que deux personnes avaient \303\251t\303\251 tu\303\251es.\n' >"$work/fr.txt"
    printf 'The caf\351 near the d\351p\364t was shelled on Friday, officials said in a statement.\n' >"$work/l1.txt"
    "$SITREP" code "$work/fr.txt" "$work/l1.txt" >"$work/warned.jsonl" 2>/dev/null
    expect_exit 0 "schema: articles with language and encoding warnings" -- check "$work/warned.jsonl"
    # the checker fails on what the schema forbids: a missing field, a bad modality, an extra field
    sed 's/"modality":"asserted"/"modality":"maybe"/' "$work/examples.jsonl" >"$work/bad1.jsonl"
    expect_exit 1 "schema: a modality outside the list fails" -- check "$work/bad1.jsonl"
    expect_match "schema: the failure names the field" "$out" "events/[0-9]+/modality"
    sed 's/"warnings":/"colour":"red","warnings":/' "$work/examples.jsonl" >"$work/bad2.jsonl"
    expect_exit 1 "schema: an undocumented field fails" -- check "$work/bad2.jsonl"
    sed 's/"sentences":\[[^]]*\],//' "$work/demo.json" | tr -d '\n' >"$work/bad3.json"
    printf '{"id":"x"}\n' >"$work/bad3.json"
    expect_exit 1 "schema: missing fields fail" -- check "$work/bad3.json"
else
    if [ -n "${SITREP_REQUIRE_E2E:-}" ]; then
        bad "schema checks cannot run: $python cannot import jsonschema (apt-get install python3-jsonschema)"
    else
        echo "cli: SKIP schema checks: $python cannot import jsonschema (apt-get install python3-jsonschema)"
    fi
fi

# --- the README's worked example is the real output
if "$python" -c 'import json' 2>/dev/null; then
    expect_exit 0 "readme-example.sh runs" -- "$root/tools/readme-example.sh" "$SITREP"
    printf '%s\n' "$out" >"$work/readme-example.txt"
    sed -n '/<!-- readme-example: begin/,/<!-- readme-example: end -->/p' "$root/README.md" >"$work/readme-block.txt"
    if cmp -s "$work/readme-example.txt" "$work/readme-block.txt"; then
        ok
    else
        bad "README.md's worked example differs from the real output: run tools/readme-example.sh --update ($(diff "$work/readme-block.txt" "$work/readme-example.txt" | head -5 | tr '\n' ' '))"
    fi
    expect_match "the README's example shows an event" "$(cat "$work/readme-block.txt")" '"cameo": "[0-9]+"'
fi
