# test_places_check.sh - tools/check-places.sh: the gazetteer in data/places is consistent, and
# a broken one is reported. Sourced by tests/cli/run.sh ($here, $work, expect_* helpers).
if command -v python3 >/dev/null 2>&1; then
    expect_exit 0 "places check: data/places" -- env PEERS="$work/no-peers" \
        sh "$here/../../tools/check-places.sh" "$here/../../data/places"
    expect_match "places check: figures" "$out" "regions complete for [0-9]+ of [0-9]+ countries"
    mkdir -p "$work/places-bad"
    printf 'country\tUKR\t-\t50.45\t30.52\tUkraine\ncapital\tUKR\t-\t50.45\t30.52\tKyiv\n' \
        >"$work/places-bad/a.txt"
    printf 'country\tUKR\t-\t50.45\t30.52\tUkraine\ncity\tUKR\tNowhere\t46.48\t30.72\tOdesa\n' \
        >"$work/places-bad/b.txt"
    expect_exit 1 "places check: broken" -- env PEERS="$work/no-peers" \
        sh "$here/../../tools/check-places.sh" "$work/places-bad"
    expect_match "places check: duplicate" "$out" "b.txt:1: country 'Ukraine' of UKR already at a.txt:1"
    expect_match "places check: unknown region" "$out" "city 'Odesa': no region 'Nowhere' in UKR"
    expect_match "places check: incomplete" "$out" "UKR has 0 first-level regions, expected 26"
else
    echo "cli: SKIP places check: python3 not installed"
fi
# One country code everywhere: every country code of the gazetteer is a country of the actor
# dictionary (Kosovo is KSV in both; ISO has no code for it).
unknown_codes=$(awk -F'\t' 'FNR == NR { if ($0 ~ /^[A-Z][A-Z][A-Z]:/) known[substr($0, 1, 3)] = 1; next }
    /^#/ || NF < 6 { next }
    $2 != "-" && !($2 in known) { print FILENAME ":" FNR ": " $2 }' \
    "$here/../../data/actors/countries.txt" "$here"/../../data/places/*.txt)
expect_eq "places: every country code is an actor-dictionary country" "$unknown_codes" ""
