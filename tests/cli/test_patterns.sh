# test_patterns.sh - `sitrep patterns check` and `sitrep patterns match` as a user runs them.
# Sourced by tests/cli/run.sh ($SITREP, $work and the expect_* helpers are set).

expect_exit 0 "patterns --help" -- "$SITREP" patterns --help
expect_match "patterns --help" "$out" "usage: sitrep patterns check"
expect_exit 2 "patterns without subcommand" -- "$SITREP" patterns
expect_exit 2 "patterns unknown subcommand" -- "$SITREP" patterns frob

# --- the shipped dictionaries are clean and cover every root
expect_exit 0 "patterns check on data/verbs" -- "$SITREP" patterns check
expect_match "patterns counted" "$out" "^patterns [0-9]{4,} "
expect_match "root 19 counted" "$out" "root 19 +fight +[1-9][0-9]*"
expect_match "no problems" "$out" "problems 0"
expect_no_match "no root without patterns" "$out" "root [0-9]{2} .* 0$"

# --- problems are reported as FILE:LINE
mkdir -p "$work/verbs"
printf '@det a the\n' >"$work/verbs/classes.txt"
printf '190 attack $T\n1999 attack on $T\n190 attack $T\n190 frobnicatex\n' >"$work/verbs/19.txt"
expect_exit 1 "patterns check finds problems" -- "$SITREP" patterns check "$work/verbs"
expect_match "unknown code" "$err" "19.txt:2: unknown CAMEO code '1999'"
expect_match "duplicate" "$err" "19.txt:3: duplicate of 19.txt:1"
expect_match "unknown anchor" "$err" "19.txt:4: anchor 'frobnicatex' is not a WordNet verb"
expect_match "problem count" "$out" "problems 3"
printf '190 attack $X\n' >"$work/verbs/19.txt"
expect_exit 1 "patterns check stops at a parse error" -- "$SITREP" patterns check "$work/verbs"
expect_match "parse error located" "$err" "verbs/19.txt:1: unknown role"
expect_exit 1 "patterns check on a missing directory" -- "$SITREP" patterns check "$work/nope"
expect_exit 1 "missing WordNet" -- "$SITREP" patterns check --wordnet "$work/nope"
expect_match "missing WordNet names the package" "$err" "wordnet-base"

# --- match shows code, rule and roles
printf 'Russia annexed Crimea in 2014. The minister tried to strike a balance.\n' >"$work/s.txt"
expect_exit 0 "patterns match" -- "$SITREP" patterns match "$work/s.txt"
expect_match "annexation coded with its rule" "$out" "192 +19-fight.txt:[0-9]+ +'annexed'"
expect_match "discard shown" "$out" "DISCARD +discards.txt:[0-9]+ +'strike'"
