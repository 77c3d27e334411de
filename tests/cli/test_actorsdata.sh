# test_actorsdata.sh - the actor data files pass tools/check-actors-data.sh, and the checker
# itself rejects malformed lines (bad code, bad date, FROM after TO, missing "=>").
# Sourced by tests/cli/run.sh ($work and the expect_* helpers are set).
checker=$here/../../tools/check-actors-data.sh

expect_exit 0 "actor data files are well-formed" -- "$checker"
expect_match "checker counts people" "$out" "people.txt: [0-9]+ entries, [0-9]+ with dated codes"
expect_no_match "no errors in actor data" "$out" "[1-9][0-9]* errors"

printf '%s\n' '# sample' 'Good Name | Good => USAGOV 2001-01-20..2009-01-20, USAELI' \
    'Bad Code => usagov' 'Bad Date => USAGOV 2001-02-30..' 'Backwards => USAGOV 2009..2001' \
    'No Arrow USAGOV' 'Twice | twice => USAELI' >"$work/actors-bad.txt"
expect_exit 1 "checker rejects malformed entries" -- "$checker" "$work/actors-bad.txt"
expect_match "bad code reported with line" "$out" "actors-bad.txt:3: bad code"
expect_match "bad date reported" "$out" "actors-bad.txt:4: bad date"
expect_match "FROM after TO reported" "$out" "actors-bad.txt:5: FROM after TO"
expect_match "missing arrow reported" "$out" "actors-bad.txt:6: expected exactly one"
expect_match "duplicate phrase warned" "$out" "actors-bad.txt:7: warning: phrase"
