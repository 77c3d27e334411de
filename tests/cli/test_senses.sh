# test_senses.sh - what `sitrep code` and `sitrep explain` make of an event's words, as a user
# sees them on the shipped dictionaries: violent or not (word senses), denials and disputed
# claims, background adjuncts. Sourced by tests/cli/run.sh ($SITREP, $JSONQ, $work and the
# expect_* helpers are set).
printf '%s\n\n%s\n\n%s\n\n%s\n\n%s\n' \
    'Hillary Clinton attacked Donald Trump over his tax plan.' \
    'Russian jets attacked a Ukrainian convoy with missiles.' \
    'Germany declined to send tanks to Ukraine.' \
    'The Pentagon rejected claims that American troops attacked Iraq.' \
    'Israel struck Gaza in response to a Hamas attack on Israel.' >"$work/senses.txt"

expect_exit 0 "senses: code" -- "$SITREP" code --no-chrome --published 2025-03-01 "$work/senses.txt"
printf '%s' "$out" >"$work/senses.json"
codes=""
i=0
n=$("$JSONQ" events.length <"$work/senses.json")
while [ "$i" -lt "$n" ]; do
    codes="$codes $("$JSONQ" events.$i.sentence <"$work/senses.json"):$("$JSONQ" events.$i.cameo <"$work/senses.json"):$("$JSONQ" events.$i.modality <"$work/senses.json")"
    i=$((i + 1))
done
expect_match "senses: a politician's attack is criticism" "$codes" " 0:111:asserted"
expect_no_match "senses: ... and no armed force" "$codes" " 0:19"
expect_match "senses: jets with missiles attack" "$codes" " 1:19[0-9]:asserted"
expect_match "senses: declined to send is negated" "$codes" " 2:07[0-9]:negated"
expect_no_match "senses: a disputed claim codes nothing" "$codes" " 3:"
expect_match "senses: the strike is coded" "$codes" " 4:19[0-9]:asserted"
expect_eq "senses: the attack in the adjunct is not" "$(printf '%s\n' $codes | grep -c '^4:')" "1"

expect_exit 0 "senses: explain" -- "$SITREP" explain --no-chrome --published 2025-03-01 "$work/senses.txt"
expect_match "senses: explain says why it is criticism" "$out" "sense: not violent .*coded as 111"
expect_match "senses: explain says why the claim is not coded" "$out" "not coded: a claim that is disputed"
expect_match "senses: explain names the background" "$out" "not coded: background"
