# test_dates.sh - when: the publication date and where it came from (given, dateline, text,
# none), --published today, event dates and places with their sources, and (with the peer
# pages) the dates of the 181 benchmark pages. Sourced by tests/cli/run.sh.

# given by the record; a date written in words is read too
printf '%s\n' '{"id":"d1","published":"Wed, 20 Nov 2019 08:02:00 GMT","text":"Iranian police arrested dozens of protesters in Tehran on Monday."}' >"$work/dates.jsonl"
expect_exit 0 "dates: given" -- "$SITREP" code "$work/dates.jsonl"
printf '%s\n' "$out" >"$work/dates-given.json"
expect_eq "dates: given value" "$("$JSONQ" published <"$work/dates-given.json")" "2019-11-20"
expect_eq "dates: given source" "$("$JSONQ" meta.published_source <"$work/dates-given.json")" "given"
expect_eq "dates: clause date" "$("$JSONQ" events.0.date.value <"$work/dates-given.json")" "2019-11-18"
expect_eq "dates: clause source" "$("$JSONQ" events.0.date_source <"$work/dates-given.json")" "clause"
expect_eq "dates: clause place" "$("$JSONQ" events.0.place.name <"$work/dates-given.json")" "Tehran"
expect_eq "dates: place kind" "$("$JSONQ" events.0.place.kind <"$work/dates-given.json")" "city"
expect_eq "dates: place source" "$("$JSONQ" events.0.place_source <"$work/dates-given.json")" "clause"

# the dateline's day, its year from the text
printf 'ANKARA, March 4 (Wire) - Turkish artillery shelled Syrian army positions, the ministry said.\n\nThe clashes began on February 27, 2020.\n' >"$work/dateline.txt"
expect_exit 0 "dates: dateline" -- "$SITREP" code "$work/dateline.txt"
printf '%s\n' "$out" >"$work/dates-dateline.json"
expect_eq "dates: dateline value" "$("$JSONQ" published <"$work/dates-dateline.json")" "2020-03-04"
expect_eq "dates: dateline source" "$("$JSONQ" meta.published_source <"$work/dates-dateline.json")" "dateline"
expect_eq "dates: dateline text" "$("$JSONQ" meta.dateline <"$work/dates-dateline.json")" "ANKARA, March 4 (Wire)"
expect_eq "dates: dateline place" "$("$JSONQ" places.0.cue <"$work/dates-dateline.json")" "dateline"
expect_match "dates: dateline warning" "$("$JSONQ" warnings.0.message <"$work/dates-dateline.json")" \
    "dated 2020-03-04 by the dateline"
expect_eq "dates: published event" "$("$JSONQ" events.0.date_source <"$work/dates-dateline.json")" \
    "published"
expect_eq "dates: published value" "$("$JSONQ" events.0.date.value <"$work/dates-dateline.json")" \
    "2020-03-04"
expect_eq "dates: target place" "$("$JSONQ" events.0.place.name <"$work/dates-dateline.json")" "Syria"
expect_eq "dates: target source" "$("$JSONQ" events.0.place_source <"$work/dates-dateline.json")" "target"

# the text's latest full date that is not still to come
printf 'On November 20, 2019, Iranian police arrested dozens of protesters. Talks will resume on January 10, 2020.\n' >"$work/textdate.txt"
expect_exit 0 "dates: text" -- "$SITREP" code "$work/textdate.txt"
printf '%s\n' "$out" >"$work/dates-text.json"
expect_eq "dates: text value" "$("$JSONQ" published <"$work/dates-text.json")" "2019-11-20"
expect_eq "dates: text source" "$("$JSONQ" meta.published_source <"$work/dates-text.json")" "text"

# none: never today; events have no date
printf 'Iranian police arrested dozens of protesters on Monday.\n' >"$work/nodate.txt"
expect_exit 0 "dates: none" -- "$SITREP" code "$work/nodate.txt"
printf '%s\n' "$out" >"$work/dates-none.json"
expect_eq "dates: none value" "$("$JSONQ" published <"$work/dates-none.json")" "null"
expect_eq "dates: none source" "$("$JSONQ" meta.published_source <"$work/dates-none.json")" "none"
expect_eq "dates: none event" "$("$JSONQ" events.0.date <"$work/dates-none.json")" "null"
expect_eq "dates: none event source" "$("$JSONQ" events.0.date_source <"$work/dates-none.json")" "none"
expect_eq "dates: none warning" "$("$JSONQ" warnings.0.kind <"$work/dates-none.json")" "published"
# a live feed may ask for today
expect_exit 0 "dates: --published today" -- "$SITREP" code --published today "$work/nodate.txt"
printf '%s\n' "$out" >"$work/dates-today.json"
expect_eq "dates: today value" "$("$JSONQ" published <"$work/dates-today.json")" "$SITREP_TODAY"
expect_eq "dates: today event" "$("$JSONQ" events.0.date.value <"$work/dates-today.json")" "2026-11-23"
expect_exit 2 "dates: bad --published" -- "$SITREP" code --published yesterday "$work/nodate.txt"
expect_match "dates: bad --published message" "$err" "invalid publication date 'yesterday'"

# the benchmark pages (../shared): no event after its page's latest date, none from the future
result=$(PEERS=${PEERS:-$here/../../../shared/peers} sh "$here/../../tools/check-dates.sh" "$SITREP" 2>&1)
case $result in
SKIP*) echo "cli: $result" ;;
*) expect_match "dates: benchmark pages" "$result" "check-dates: 0 problems" ;;
esac
