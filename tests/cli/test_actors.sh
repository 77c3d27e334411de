# test_actors.sh - actor recognition and `sitrep dict check|import` as a user runs them.
# Sourced by tests/cli/run.sh ($SITREP, $JSONQ, $work, $here and the expect_* helpers are set).

# actor "TEXT" CODE: the article in $work/actors.json has an actor TEXT coded CODE (or null)
actor() {
    if [ "$2" = null ]; then want="\"text\":\"$1\",\"code\":null"; else want="\"text\":\"$1\",\"code\":\"$2\""; fi
    expect_match "actor $1 -> $2" "$(cat "$work/actors.json")" "$want"
}

# --- dict check: the shipped dictionaries are clean; a broken set is reported file:line
expect_exit 0 "dict check data" -- "$SITREP" dict check "$here/../../data/actors"
expect_match "dict check says clean" "$out" "no problems"
mkdir -p "$work/baddict/actors"
cat >"$work/baddict/actors/people.txt" <<'X'
# a broken dictionary
Ann Lee => USAGOV
Bo Ray USAGOV
Cy Dee => USAGOV 2012..2008
Ann Lee => GBRGOV
Di Fo => ITAGOV 2000..2010, ITAMIL 2005..2012
X
printf 'troops => GOVT\n' >"$work/baddict/actors/agents.txt"
cp "$SITREP_DATA/sitrep-data.txt" "$work/baddict/"
expect_exit 1 "dict check broken" -- "$SITREP" dict check "$work/baddict/actors"
expect_match "missing arrow" "$err" "sitrep: .*/people.txt:3: missing '=>'"
expect_match "reversed range" "$err" "people.txt:4: date range '2012..2008' ends before it starts"
expect_match "conflict" "$err" "people.txt:5: conflicting codes: 'Ann Lee'"
expect_match "overlap" "$err" "people.txt:6: overlapping date ranges in 'Di Fo'"
expect_match "bad role" "$err" "agents.txt:1: invalid code 'GOVT'"
expect_match "count" "$err" "sitrep: 5 problems in"
expect_exit 2 "dict without subcommand" -- "$SITREP" dict
expect_exit 2 "dict unknown subcommand" -- "$SITREP" dict frob

# --- a malformed dictionary stops `sitrep code` with FILE:LINE: message
printf 'Some text about Russia.\n' >"$work/plain.txt"
expect_exit 1 "code with a broken dictionary" -- "$SITREP" code --dict "$work/baddict" "$work/plain.txt"
expect_match "context error names file and line" "$err" "sitrep: .*/actors/agents.txt:1: invalid code 'GOVT'"

# --- dict import: a PETRARCH snippet converts; what cannot be converted is listed
cat >"$work/petr.txt" <<'X'
VLADIMIR_PUTIN_
+PUTIN_
	[RUSGOV 120507-]
	[RUSELI]
!MINIST! = MINISTER, MINISTERS
SOLDIER [~MIL]
DEFENCE_!MINIST! [~GOV]
!UNDEFINED!_CHIEF [~GOV]
X
expect_exit 0 "dict import petrarch" -- "$SITREP" dict import --from petrarch "$work/petr.txt"
expect_match "import converts dates" "$out" "Vladimir Putin \| Putin => RUSGOV 2012-05-07.*, RUSELI"
expect_match "import converts agents with plurals" "$out" "Soldier \| Soldiers => MIL"
expect_match "import substitutes macros" "$out" "Defence Minister \| Defence Ministers => GOV"
expect_match "import reports unknown macros" "$err" "petr.txt:8: unknown macro"
expect_match "import counts" "$err" "1 construct not converted"
expect_exit 2 "dict import without --from" -- "$SITREP" dict import "$work/petr.txt"
peers=$here/../../../shared/peers
if [ -f "$peers/petrarch2/Phoenix.Countries.actors.txt" ]; then
    expect_exit 0 "import Phoenix countries" -- "$SITREP" dict import --from petrarch "$peers/petrarch2/Phoenix.Countries.actors.txt"
    expect_match "Phoenix: Putin converted" "$out" "Vladimir Putin \| Vladimir Vladimirovich Putin"
    mkdir -p "$work/imported"
    printf '%s\n' "$out" >"$work/imported/people.txt"
    "$SITREP" dict check "$work/imported" 2>"$work/check.err"
    expect_no_match "Phoenix conversion loads (no malformed lines)" "$(cat "$work/check.err")" "missing|invalid|longer than|ends before"
else
    echo "cli: SKIP Phoenix import: $peers/petrarch2 not found"
fi
if [ -f "$peers/TABARI-Code/TABARI.Demo.actors" ]; then
    expect_exit 0 "import TABARI demo" -- "$SITREP" dict import --from tabari "$peers/TABARI-Code/TABARI.Demo.actors"
    expect_match "TABARI dated codes" "$out" "Gollum\*? \| Smeagol\*? .*=> HOB \.\.1995-06-01, HOBGOV 1995-06-01\.\.1999-08-15"
    expect_match "TABARI blocks reported" "$err" "block skipped: <NOUN>"
else
    echo "cli: SKIP TABARI import: $peers/TABARI-Code not found"
fi

# --- actors in a plain article (no dependence on ../shared)
cat >"$work/actors.txt" <<'X'
North Korean troops and Ukrainian military intelligence were named by the Kremlin. Kim's regime denied it, and Downing Street said British intelligence officials agreed.
X
"$SITREP" code --published 2025-01-01 "$work/actors.txt" >"$work/actors.json"
actor "North Korean troops" PRKMIL
actor "Ukrainian military intelligence" UKRSPY
actor "the Kremlin" RUSGOV
actor "Kim's regime" PRKGOV
actor "Downing Street" GBRGOV
actor "British intelligence officials" GBRSPY
expect_match "country and role fields" "$(cat "$work/actors.json")" '"code":"PRKMIL","country":"PRK","role":"MIL","kind":"agent"'
"$SITREP" code "$work/actors.txt" >/dev/null 2>&1
printf '{"id":"a","text":"Putin spoke."}\n' >"$work/nodate.jsonl"
expect_exit 0 "no date" -- "$SITREP" code "$work/nodate.jsonl"
expect_match "warning when dated codes use today" "$out" '"kind":"no_published_date"'

# --- the seed article from ../shared (skipped, visibly, when absent)
seed=$here/../../../shared/articles/north-korea-troops-ukraine.txt
if [ -f "$seed" ]; then
    "$SITREP" code --published 2025-03-01 "$seed" >"$work/actors.json"
    actor "North Korea" PRK
    actor "Kim Jong-un" PRKGOV
    actor "Russia" RUS
    actor "the Kremlin" RUSGOV
    actor "Putin" RUSGOV
    actor "Ukraine" UKR
    actor "Kyiv’s forces" UKRMIL
    actor "Kim’s regime" PRKGOV
    actor "the Russian army" RUSMIL
    actor "North Korean troops" PRKMIL
    actor "British intelligence officials" GBRSPY
    actor "Ukrainian military intelligence" UKRSPY
    actor "Pyongyang" PRKGOV
    actor "Moscow" RUSGOV
    actor "President Vladimir Putin" RUSGOV
    expect_match "Andrii Kovalenko found (coded or not)" "$(cat "$work/actors.json")" '"text":"Andrii Kovalenko","code":'
    expect_match "his council (National Defence and Security Council)" "$(cat "$work/actors.json")" '"text":"National Defence and Security Council"'
    expect_match "United Nations found" "$(cat "$work/actors.json")" '"text":"United Nations","code":'
    expect_match "Washington found" "$(cat "$work/actors.json")" '"text":"Washington[^"]*","code":"USA'
    n=$("$JSONQ" actors.length <"$work/actors.json")
    i=0; he=""
    while [ "$i" -lt "$n" ]; do
        [ "$("$JSONQ" actors.$i.text <"$work/actors.json")" = "He" ] && { he=$i; break; }
        i=$((i + 1))
    done
    antecedent=$("$JSONQ" actors.${he:-0}.antecedent <"$work/actors.json")
    expect_eq "He -> Andrii Kovalenko" "$("$JSONQ" actors.$antecedent.text <"$work/actors.json")" "Andrii Kovalenko"
    expect_match "the two countries" "$(cat "$work/actors.json")" '"text":"the two countries","code":"PRK"'
    expect_match "the two nations" "$(cat "$work/actors.json")" '"text":"the two nations","code":"RUS"'
else
    echo "cli: SKIP seed article actors: $seed not found"
fi
