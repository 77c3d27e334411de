# test_extras.sh - quantities, dates and places through `sitrep code`, and the gazetteer's
# error messages. Sourced by tests/cli/run.sh ($SITREP, $JSONQ, $work, expect_* helpers).

printf 'Some 3,000 troops moved into the Kharkiv region last week, officials said on Friday.\n' \
    >"$work/extras.txt"
expect_exit 0 "extras: code" -- "$SITREP" code --published 2025-01-20 "$work/extras.txt"
printf '%s\n' "$out" >"$work/extras.json"
expect_eq "extras: quantity value" "$("$JSONQ" quantities.0.value <"$work/extras.json")" "3000"
expect_eq "extras: quantity qualifier" "$("$JSONQ" quantities.0.qualifier <"$work/extras.json")" \
    "approx"
expect_eq "extras: last week" "$("$JSONQ" dates.0.value <"$work/extras.json")" \
    "2025-01-13/2025-01-19"
expect_eq "extras: on Friday" "$("$JSONQ" dates.1.value <"$work/extras.json")" "2025-01-17"
expect_eq "extras: place" "$("$JSONQ" places.0.text <"$work/extras.json")" "Kharkiv region"
expect_eq "extras: place country" "$("$JSONQ" places.0.country <"$work/extras.json")" "UKR"
expect_eq "extras: no warning" "$("$JSONQ" warnings.length <"$work/extras.json")" "0"

# no publication date anywhere: relative dates stay unresolved (never today), with a warning
expect_exit 0 "extras: no date" -- "$SITREP" code "$work/extras.txt"
printf '%s\n' "$out" >"$work/extras-nodate.json"
expect_eq "extras: warning kind" "$("$JSONQ" warnings.0.kind <"$work/extras-nodate.json")" \
    "published"
expect_eq "extras: unresolved" "$("$JSONQ" dates.0.value <"$work/extras-nodate.json")" "null"

# a malformed gazetteer line stops with FILE:LINE: message (in a data directory of the
# shipped actors and nothing else)
mkdir -p "$work/data/places"
cp "$SITREP_DATA/sitrep-data.txt" "$work/data/"
ln -sfn "$SITREP_DATA/actors" "$work/data/actors" # -n: never a link inside an earlier link
printf 'country\tUKR\t-\t50.45\t30.52\tUkraine\ncity\tUKR\t-\t95\t30\tNowhere\n' \
    >"$work/data/places/bad.txt"
expect_exit 1 "extras: bad gazetteer" -- env SITREP_DATA="$work/data" "$SITREP" code "$work/extras.txt"
expect_match "extras: gazetteer diagnostic" "$err" "places/bad.txt:2: bad latitude '95'"
# no places directory: no places, no error, and a warning that says what is missing
rm -rf "$work/data/places"
expect_exit 0 "extras: no gazetteer" -- env SITREP_DATA="$work/data" "$SITREP" code "$work/extras.txt"
expect_match "extras: no gazetteer is warned" "$err" "warning: .*/data/places: missing: no gazetteer"
printf '%s\n' "$out" >"$work/extras-noplaces.json"
expect_eq "extras: no places" "$("$JSONQ" places.length <"$work/extras-noplaces.json")" "0"
rm -rf "$work/data"

# --no-extras (for measuring their cost): the same article without quantities, dates, places
# and attribution, while the rest of the pipeline still runs
expect_exit 0 "extras: --no-extras" -- "$SITREP" code --no-extras --published 2025-01-20 \
    "$work/extras.txt"
printf '%s\n' "$out" >"$work/extras-off.json"
expect_eq "extras: --no-extras quantities" "$("$JSONQ" quantities.length <"$work/extras-off.json")" "0"
expect_eq "extras: --no-extras dates" "$("$JSONQ" dates.length <"$work/extras-off.json")" "0"
expect_eq "extras: --no-extras places" "$("$JSONQ" places.length <"$work/extras-off.json")" "0"
expect_eq "extras: --no-extras attributions" \
    "$("$JSONQ" attributions.length <"$work/extras-off.json")" "0"
expect_eq "extras: --no-extras sentences" "$("$JSONQ" sentences.length <"$work/extras-off.json")" \
    "$("$JSONQ" sentences.length <"$work/extras.json")"
