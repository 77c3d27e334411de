# test_explain.sh - `sitrep explain` and the events of `sitrep code` as a user sees them.
# Sourced by tests/cli/run.sh ($SITREP, $JSONQ, $work and the expect_* helpers are set).
printf '%s\n\n%s\n\n%s\n' 'The weather was fine on Monday.' \
    'Russia and China signed a pact on Tuesday.' \
    'Poland said Russia did not attack Lithuania.' >"$work/events.txt"

expect_exit 0 "explain --help" -- "$SITREP" explain --help
expect_match "explain --help" "$out" "usage: sitrep explain"
expect_exit 2 "explain without a file" -- "$SITREP" explain
expect_exit 2 "explain with a bad --sentence" -- "$SITREP" explain --sentence x "$work/events.txt"
expect_exit 0 "explain an article" -- "$SITREP" explain --no-chrome "$work/events.txt"
expect_match "explain: every sentence" "$out" "sentence 2: Poland said"
expect_match "explain: why nothing was coded" "$out" "no pattern matched"
expect_match "explain: rule file and line" "$out" "rule [0-9a-z-]+\.txt:[0-9]+ verb 'signed'"
expect_match "explain: the statement is not the event" "$out" "a statement is a reporting frame"
expect_exit 0 "explain one sentence" -- "$SITREP" explain --no-chrome --sentence 1 "$work/events.txt"
expect_match "explain --sentence 1" "$out" "^sentence 1: Russia and China"
expect_no_match "explain --sentence 1 only" "$out" "sentence 0:"

expect_exit 0 "code events" -- "$SITREP" code --no-chrome "$work/events.txt"
printf '%s' "$out" >"$work/events.json"
expect_eq "pact: both directions" "$("$JSONQ" events.length <"$work/events.json")" "3"
pair="$("$JSONQ" events.0.source.code <"$work/events.json")>$("$JSONQ" events.0.target.code <"$work/events.json") $("$JSONQ" events.1.source.code <"$work/events.json")>$("$JSONQ" events.1.target.code <"$work/events.json")"
expect_match "pact: RUS>CHN and CHN>RUS" "$pair" "^(RUS>CHN CHN>RUS|CHN>RUS RUS>CHN)$"
expect_eq "reported event negated" "$("$JSONQ" events.2.modality <"$work/events.json")" "negated"
expect_eq "reported event attributed" "$("$JSONQ" events.2.attribution.text <"$work/events.json")" "Poland"
expect_match "evidence names the rule" "$("$JSONQ" events.2.evidence.rule <"$work/events.json")" "^data/verbs/[0-9a-z-]+\.txt:[0-9]+$"
