# test_exports.sh - `sitrep export` as GDELT and PLOVER users load it: the 61 codebook columns
# read by name with types and ranges checked (tests/tools/gdelt_check.py), FIPS 10-4 codes,
# geography types by place kind, placed actors, ADM1 and known-group codes, resolved names,
# no undated rows, no internal ids as URLs; PLOVER records valid against our JSON Schema
# (tests/tools/plover_check.py), mode and context, statements left out; and export taking
# the same filters as query. Articles: tests/cli/exports.jsonl (our own wording).
# Sourced by tests/cli/run.sh ($SITREP, $JSONQ, $work and the expect_* helpers are set).
xdb=$work/exports.db
codes=$here/../../data/codes/countries.txt
schema=$here/../../docs/schema/plover-record.schema.json
expect_exit 0 "exports: ingest" -- "$SITREP" ingest --db "$xdb" "$here/exports.jsonl"
# a statement (root 01) as an older coder or another tool would have stored it
printf '%s\n' '{"id":"x5","url":"https://wire.example/x5","published":"2025-03-13","meta":{"publisher":"wire","section":null,"headline":"Statement","byline":null,"captions":[]},"sentences":[{"n":0,"start":0,"end":33,"paragraph":0,"text":"Iran made a statement on Ukraine."}],"actors":[{"sentence":0,"start":0,"end":4,"text":"Iran","code":"IRN"}],"events":[{"id":"e","sentence":0,"source":{"text":"Iran","name":"Iran","code":"IRN","country":"IRN","role":null,"place":null},"target":{"text":"Ukraine","name":"Ukraine","code":"UKR","country":"UKR","role":null,"place":null},"cameo":"010","root":"01","label":null,"plover":null,"goldstein":0,"quad_class":1,"modality":"asserted","attribution":null,"quantities":[],"place":null,"date":{"text":null,"value":"2025-03-13"},"evidence":{"start":5,"end":9,"verb":"made","rule":"t:1"}}],"quotes":[],"quantities":[],"dates":[],"places":[],"warnings":[]}' \
    >"$work/statement.jsonl"
expect_exit 0 "exports: ingest a statement" -- "$SITREP" ingest --db "$xdb" --coded "$work/statement.jsonl"

# --- GDELT 2.0
expect_exit 0 "gdelt export" -- "$SITREP" export --db "$xdb" --format gdelt --header
printf '%s\n' "$out" >"$work/x.tsv"
expect_match "gdelt: undated events counted" "$err" "1 event\(s\) without a date left out"
expect_no_match "gdelt: no undated row" "$out" "Goma|GOMA"
if command -v python3 >/dev/null 2>&1; then
    expect_exit 0 "gdelt: the codebook's 61 columns, types and ranges" -- python3 "$here/../tools/gdelt_check.py" "$work/x.tsv" "$codes"
    expect_match "gdelt: every row checked" "$out" "gdelt_check: 11 rows, 0 problems"
else
    echo "cli: SKIP gdelt_check.py: python3 is not installed"
fi
# gcol PATTERN COLUMNS: the columns (cut -f) of the row whose line matches PATTERN
gcol() { grep -E -- "$1" "$work/x.tsv" | head -1 | cut -f"$2" | tr '\t' '|'; }
# ActionGeo (52-58): a world city is 4 with the country's FIPS code (Ukraine: UP)
expect_eq "gdelt: world city" "$(gcol '	194	' 52-54)" "4|Kherson, Ukraine|UP"
expect_eq "gdelt: US city" "$(gcol 'PROTESTERS IN HOUSTON' 52-55)" "3|Houston, Texas, United States|US|USTX"
expect_eq "gdelt: US state" "$(gcol 'POLICE IN TEXAS' 52-55,59)" "2|Texas, United States|US|USTX|USTX"
expect_eq "gdelt: country in FIPS" "$(gcol 'GERMAN POLICE' 52-55)" "1|Germany|GM|GM"
expect_eq "gdelt: centroid, not capital" "$(gcol 'GERMAN POLICE' 57,58)" "51.0100|10.3500"
expect_eq "gdelt: a region of its own code" "$(gcol 'GAZA STRIP' 52-55)" "5|Gaza Strip, Palestine|GZ|GZ"
# Actor1Geo (36-43), Actor2Geo (44-51): where each actor is placed
expect_eq "gdelt: actor placed by its mention" "$(gcol 'PROTESTERS IN HOUSTON' 36,38,39)" "3|US|USTX"
expect_eq "gdelt: actor placed by its country" "$(gcol 'GERMAN POLICE' 44-46)" "1|Iran|IR"
# names resolved and upper-case ("He accused": Putin), known groups, no URL for no URL
expect_eq "gdelt: pronoun resolved" "$(gcol '	1121	' 6,7,16,17)" "RUSGOV|VLADIMIR PUTIN|UKR|UKRAINE"
expect_eq "gdelt: NATO's group code" "$(gcol 'IGOWSTNAT' 7,9)" "NATO|NAT"
expect_eq "gdelt: the UN's group code" "$(gcol 'IGOUNO' 7,9)" "UNITED NATIONS|UNO"
expect_eq "gdelt: the URL" "$(gcol '	194	' 61)" "https://wire.example/x1"
expect_eq "gdelt: no URL, no id" "$(gcol 'GERMAN POLICE' 61)" ""
expect_eq "gdelt: dates" "$(gcol '	194	' 2-5)" "20250309|202503|2025|2025.1836"

# --- PLOVER
expect_exit 0 "plover export" -- "$SITREP" export --db "$xdb" --format plover
printf '%s\n' "$out" >"$work/x.plover"
expect_match "plover: statements counted" "$err" "1 event\(s\) without a PLOVER type left out"
expect_match "plover: undated counted" "$err" "1 event\(s\) without a date left out"
expect_eq "plover: records" "$(wc -l <"$work/x.plover" | tr -d ' ')" "10"
if command -v python3 >/dev/null 2>&1 && python3 -c 'import jsonschema' 2>/dev/null; then
    expect_exit 0 "plover: every record valid against our schema" -- python3 "$here/../tools/plover_check.py" "$work/x.plover" "$schema"
    expect_match "plover: every record checked" "$out" "plover_check: 10 records, 0 problems"
else
    echo "cli: SKIP plover_check.py: python3-jsonschema is not installed"
fi
assault=$(grep '"cameo":"194"' "$work/x.plover")
expect_eq "plover: event list" "$(printf '%s' "$assault" | "$JSONQ" event.0)" "ASSAULT"
expect_eq "plover: mode from data/cameo" "$(printf '%s' "$assault" | "$JSONQ" mode)" "heavy-weapons"
expect_eq "plover: context from data/cameo" "$(printf '%s' "$assault" | "$JSONQ" context.0)" "military"
expect_eq "plover: actor code" "$(printf '%s' "$assault" | "$JSONQ" actor.0.code)" "RUS"
expect_eq "plover: actor sector" "$(printf '%s' "$assault" | "$JSONQ" actor.0.sector)" "MIL"
expect_eq "plover: recipient" "$(printf '%s' "$assault" | "$JSONQ" recipient.0.entity_text)" "Kherson"
expect_eq "plover: event location" "$(printf '%s' "$assault" | "$JSONQ" event_loc.name)" "Kherson"
expect_eq "plover: location country (ISO alpha-2)" "$(printf '%s' "$assault" | "$JSONQ" 'event_loc.country code')" "UA"
expect_eq "plover: quad" "$(printf '%s' "$assault" | "$JSONQ" quad_code)" "4"
expect_eq "plover: text" "$(printf '%s' "$assault" | "$JSONQ" event_text.0)" "Russian forces shelled Kherson on Sunday."
expect_match "plover: coder" "$(printf '%s' "$assault" | "$JSONQ" cite_info.coder)" "^sitrep [0-9]"
expect_match "plover: codebook" "$(printf '%s' "$assault" | "$JSONQ" cite_info.codebook)" "^plover-"
expect_eq "plover: pronoun resolved" \
    "$(grep '"cameo":"1121"' "$work/x.plover" | "$JSONQ" actor.0.entity_name)" "Vladimir Putin"
expect_no_match "plover: no statement" "$(cat "$work/x.plover")" '"cameo":"010"'

# --- export takes query's filters: the same events, whatever the format
# ids FORMAT FILTERS...: the GLOBALEVENTIDs (gdelt) or ids (plover) exported, sorted
export_ids() {
    fmt=$1; shift
    if [ "$fmt" = gdelt ]; then
        "$SITREP" export --db "$xdb" --format gdelt "$@" 2>/dev/null | cut -f1 | sort -n | tr '\n' ' '
    else
        "$SITREP" export --db "$xdb" --format plover "$@" 2>/dev/null | sed 's/^{"id":"sitrep-\([0-9]*\)".*/\1/' | sort -n | tr '\n' ' '
    fi
}
query_ids() {
    "$SITREP" query --db "$xdb" --format csv --limit 0 "$@" | tail -n +2 | cut -d, -f1 | sort -n | tr '\n' ' '
}
# the events a format leaves out: undated ones (both), statements (PLOVER)
undated=$("$SITREP" query --db "$xdb" --format csv --limit 0 | awk -F, 'NR > 1 && $2 == "" {print $1}')
statements=$(query_ids --root 01)
expect_eq "exports: one undated event" "$(echo $undated | wc -w | tr -d ' ')" "1"
expect_eq "exports: one statement" "$(echo $statements | wc -w | tr -d ' ')" "1"
# without ID...: the ids on stdin without those given
without() { tr ' ' '\n' | grep -v '^$' | grep -vxF "$(printf '%s\n' "$@")" | tr '\n' ' '; }
for filter in "--actor RUS" "--source USACOP" "--target ISR" "--cameo 17" "--root 19" \
    "--plover ASSAULT" "--modality asserted" "--country USA" "--since 2025-03-11" \
    "--until 2025-03-10" "--since 2025-03-11 --until 2025-03-11" "--text Houston"; do
    # shellcheck disable=SC2086
    want=$(query_ids $filter | without $undated)
    # shellcheck disable=SC2086
    expect_eq "export gdelt $filter as query" "$(export_ids gdelt $filter)" "$want"
    # shellcheck disable=SC2086
    expect_eq "export plover $filter as query" "$(export_ids plover $filter)" \
        "$(printf '%s' "$want" | without $statements)"
done
expect_eq "export: a filter selects" "$(export_ids gdelt --actor RUS | wc -w | tr -d ' ')" "5"
expect_eq "export: --limit" "$(export_ids gdelt --limit 2 | wc -w | tr -d ' ')" "2"
expect_exit 0 "export jsonl with a filter" -- "$SITREP" export --db "$xdb" --format jsonl --country USA
expect_eq "jsonl: the articles that reported the events" "$(printf '%s\n' "$out" | "$JSONQ" id | sort | tr '\n' ' ')" "x2 x3 "
expect_exit 2 "export: a bad filter value" -- "$SITREP" export --db "$xdb" --format gdelt --limit many
expect_match "export: says what is wrong" "$err" "--limit wants a number"
expect_exit 2 "export: an unknown option" -- "$SITREP" export --db "$xdb" --format gdelt --colour red
expect_exit 0 "export --help lists the filters" -- "$SITREP" export --help
expect_match "export --help: filters" "$out" "--plover T"

# the benchmark pages (../shared): every row and record of their exports checked
result=$(PEERS=${PEERS:-$here/../../../shared/peers} sh "$here/../../tools/check-exports.sh" "$SITREP" 2>&1)
case $result in
SKIP*) echo "cli: $result" ;;
*) expect_match "exports: benchmark pages" "$result" "check-exports: ok" ;;
esac

# a store from before the exports' columns (schema 1): read-only it asks to be upgraded, once
# opened for writing it exports what it has (names from the text, no actor geography)
if command -v python3 >/dev/null 2>&1; then
    cp "$xdb" "$work/old.db"
    python3 - "$work/old.db" <<'PY'
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
for col in ("source_name", "target_name", "source_place", "target_place", "place_kind", "place_admin1"):
    c.execute("ALTER TABLE events DROP COLUMN " + col)
c.execute("PRAGMA user_version = 1")
c.commit()
PY
    expect_exit 1 "exports: an old store read-only" -- "$SITREP" export --db "$work/old.db" --format gdelt
    expect_match "exports: says to upgrade" "$err" "needs upgrading \(schema 1 of 2\)"
    : >"$work/nothing.jsonl"
    expect_exit 0 "exports: upgrade by a writer" -- "$SITREP" ingest --db "$work/old.db" "$work/nothing.jsonl"
    expect_exit 0 "exports: the old store exports" -- "$SITREP" export --db "$work/old.db" --format gdelt --header
    printf '%s\n' "$out" >"$work/old.tsv"
    expect_exit 0 "exports: old rows check" -- python3 "$here/../tools/gdelt_check.py" "$work/old.tsv" "$codes"
    expect_eq "exports: old rows keep their text's names" "$(grep '	194	' "$work/old.tsv" | cut -f7,36)" "RUSSIAN FORCES	"
fi
