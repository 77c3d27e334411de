# test_code.sh - `sitrep code`, `sitrep sentences`, `version` and `help` as a user runs them.
# Sourced by tests/cli/run.sh ($SITREP, $JSONQ, $work and the expect_* helpers are set).
examples=$here/../../examples

# --- help, version, usage errors
expect_exit 0 "help" -- "$SITREP" help
expect_match "help lists code" "$out" "code"
expect_exit 0 "code --help" -- "$SITREP" code --help
expect_match "code --help" "$out" "usage: sitrep code"
expect_exit 0 "sentences --help" -- "$SITREP" sentences --help
expect_exit 0 "version" -- "$SITREP" version
expect_match "version" "$out" "^sitrep [0-9]+\.[0-9]+"
expect_exit 2 "no command" -- "$SITREP"
expect_exit 2 "unknown command" -- "$SITREP" frobnicate
expect_match "unknown command message" "$err" "sitrep: unknown command 'frobnicate'"
expect_exit 2 "unknown option" -- "$SITREP" code --bogus x
expect_exit 2 "bad format" -- "$SITREP" code --format yaml "$examples/batch.jsonl"
expect_exit 2 "bad jobs" -- "$SITREP" code --jobs 0 "$examples/batch.jsonl"
expect_exit 2 "bad date" -- "$SITREP" code --published 2025-13-45 "$examples/batch.jsonl"
expect_exit 2 "option without value" -- "$SITREP" code --jobs

# --- a plain-text article
expect_exit 0 "code wire example" -- "$SITREP" code "$examples/wire-ceasefire-talks.txt"
printf '%s\n' "$out" >"$work/wire.json"
expect_eq "one line per article" "$(wc -l <"$work/wire.json" | tr -d ' ')" "1"
expect_eq "headline" "$("$JSONQ" meta.headline <"$work/wire.json")" \
    "Russia and Ukraine agree to new round of prisoner-exchange talks in Istanbul"
expect_match "sentences found" "$("$JSONQ" sentences.length <"$work/wire.json")" "^(9|1[0-9])$"
expect_match "contract arrays: events are objects" "$("$JSONQ" events <"$work/wire.json")" "^\[\{\"id\":\"e1\""
expect_eq "the U.N. does not end a sentence" \
    "$("$SITREP" sentences "$examples/wire-ceasefire-talks.txt" | grep -c 'U.N. Security Council to press')" "1"
expect_eq "Gen. does not end a sentence" \
    "$("$SITREP" sentences "$examples/wire-ceasefire-talks.txt" | awk -F'\t' '$5 ~ /^Gen\. Oleksandr Syrskyi, Ukraine/' | wc -l | tr -d ' ')" "1"

# --- the scraped page: chrome goes to meta, the bio is not in the body
expect_exit 0 "code scraped example" -- "$SITREP" code "$examples/scraped-drone-strike.txt"
printf '%s\n' "$out" >"$work/scraped.json"
expect_eq "publisher" "$("$JSONQ" meta.publisher <"$work/scraped.json")" "The Frontline Ledger"
expect_eq "section" "$("$JSONQ" meta.section <"$work/scraped.json")" "Middle East"
expect_eq "byline from bio" "$("$JSONQ" meta.byline <"$work/scraped.json")" "Maya Okafor"
expect_eq "caption" "$("$JSONQ" meta.captions.0 <"$work/scraped.json")" \
    "A damaged tanker is towed near the port of Djibouti."
expect_no_match "bio not in body" "$("$JSONQ" sentences <"$work/scraped.json")" "correspondent for"
expect_no_match "tagline not in body" "$("$JSONQ" sentences <"$work/scraped.json")" "Independent reporting"

# --- the seed article from ../shared (skipped, visibly, when absent)
seed=$here/../../../shared/articles/north-korea-troops-ukraine.txt
if [ -f "$seed" ]; then
    "$SITREP" code "$seed" >"$work/seed.json" 2>/dev/null
    expect_eq "seed publisher" "$("$JSONQ" meta.publisher <"$work/seed.json")" "National Security News"
    expect_eq "seed section" "$("$JSONQ" meta.section <"$work/seed.json")" "North Korea"
    expect_eq "seed byline" "$("$JSONQ" meta.byline <"$work/seed.json")" "Sean Rayment"
    expect_match "seed headline" "$("$JSONQ" meta.headline <"$work/seed.json")" "^North Korea could be planning"
    expect_match "seed caption" "$("$JSONQ" meta.captions.0 <"$work/seed.json")" "^Kim Jong-un deploys"
    expect_no_match "seed: no bio in body" "$("$JSONQ" sentences <"$work/seed.json")" "Rayment|Parachute Regiment"
    expect_no_match "seed: no chrome in body" "$("$JSONQ" sentences <"$work/seed.json")" "Reporting the facts|EPA-EFE"
    expect_match "seed: first sentence" "$("$JSONQ" sentences.0.text <"$work/seed.json")" "^Intelligence officials have claimed"
else
    echo "cli: SKIP seed article checks: $seed is absent"
fi

# --- JSON lines: ids kept, order kept with --jobs
expect_exit 0 "code jsonl" -- "$SITREP" code "$examples/batch.jsonl"
expect_eq "jsonl ids in order" "$(printf '%s\n' "$out" | "$JSONQ" id | tr '\n' ' ')" "ex-1 ex-2 ex-3 "
i=0; : >"$work/many.jsonl"
while [ $i -lt 300 ]; do
    printf '{"id":"a%d","text":"Article number %d. Troops moved north on Monday."}\n' $i $i >>"$work/many.jsonl"
    i=$((i + 1))
done
expect_exit 0 "jobs 2" -- "$SITREP" code --jobs 2 "$work/many.jsonl"
printf '%s\n' "$out" | "$JSONQ" id >"$work/ids2"
"$SITREP" code --jobs 1 "$work/many.jsonl" | "$JSONQ" id >"$work/ids1"
expect_eq "jobs 2 keeps input order" "$(cmp -s "$work/ids1" "$work/ids2" && echo same)" "same"
expect_eq "jobs 2 codes all" "$(wc -l <"$work/ids2" | tr -d ' ')" "300"
"$SITREP" code --jobs 2 "$work/many.jsonl" >"$work/out2"
"$SITREP" code --jobs 1 "$work/many.jsonl" >"$work/out1"
expect_eq "jobs 2 output identical to jobs 1" "$(cmp -s "$work/out1" "$work/out2" && echo same)" "same"

# --- a batch with one malformed line: reported with its line number, the rest coded
cat >"$work/broken.jsonl" <<'JSONL'
{"id":"ok-1","text":"Russia shelled Kharkiv on Monday."}
{"id":"bad", "text": "unterminated
{"id":"ok-2","text":"Ukraine hit a Russian depot."}
[1,2,3]
{"id":"no-text"}
{"id":"ok-3","text":"Talks resumed in Doha."}
JSONL
expect_exit 1 "broken batch exits 1" -- "$SITREP" code "$work/broken.jsonl"
expect_eq "broken batch: good records coded" "$(printf '%s\n' "$out" | "$JSONQ" id | tr '\n' ' ')" "ok-1 ok-2 ok-3 "
expect_match "broken line reported with its number" "$err" "broken.jsonl:2: invalid JSON"
expect_match "non-object reported" "$err" "broken.jsonl:4: a record must be a JSON object"
expect_match "missing text reported" "$err" "broken.jsonl:5: .*\"text\" or \"html\""

# --- missing, unreadable, empty, junk, huge
expect_exit 1 "missing file" -- "$SITREP" code "$work/does-not-exist.txt"
expect_match "missing file message" "$err" "sitrep: .*does-not-exist.txt: cannot open"
expect_exit 1 "missing file does not stop the others" -- "$SITREP" code "$work/nope.txt" "$examples/batch.jsonl"
expect_eq "others still coded" "$(printf '%s\n' "$out" | "$JSONQ" id | wc -l | tr -d ' ')" "3"
cp "$examples/wire-ceasefire-talks.txt" "$work/unreadable.txt"
chmod 000 "$work/unreadable.txt"
if [ "$(id -u)" != 0 ]; then
    expect_exit 1 "unreadable file" -- "$SITREP" code "$work/unreadable.txt"
    expect_match "unreadable message" "$err" "Permission denied"
else
    echo "cli: SKIP unreadable-file check: running as root, which can read any file"
fi
mkdir -p "$work/adir"
expect_exit 1 "an empty directory" -- "$SITREP" code "$work/adir"
expect_match "an empty directory: message" "$err" "adir: no files in the directory"
: >"$work/empty.txt"
expect_exit 0 "empty file" -- "$SITREP" code "$work/empty.txt"
expect_eq "empty file gives no sentences" "$(printf '%s\n' "$out" | "$JSONQ" sentences.length)" "0"
expect_exit 0 "empty stdin" -- sh -c "\"$SITREP\" code </dev/null"
head -c 200000 /dev/urandom >"$work/junk.bin"
expect_exit 0 "binary junk" -- "$SITREP" code "$work/junk.bin"
printf '%s\n' "$out" >"$work/junk.json"
expect_exit 0 "binary junk gives valid JSON" -- "$JSONQ" id <"$work/junk.json"
expect_match "invalid UTF-8 warned" "$("$JSONQ" warnings <"$work/junk.json")" "invalid_utf8"
head -c 200000 /dev/urandom >"$work/junk.jsonl"
expect_exit 1 "binary junk as jsonl fails cleanly" -- "$SITREP" code "$work/junk.jsonl"
awk 'BEGIN { s = "Troops advanced near the town and shelled positions "; while (length(s) < 52428800) s = s s; print substr(s, 1, 52428800) }' >"$work/huge.txt"
expect_exit 0 "50 MB single line" -- "$SITREP" code "$work/huge.txt"
printf '%s\n' "$out" >"$work/huge.json"
expect_match "50 MB line: sentences cut and warned" "$("$JSONQ" warnings <"$work/huge.json")" "long_sentence|truncated"
rm -f "$work/huge.txt" "$work/huge.json"

# --- standard input is sniffed
expect_exit 0 "stdin jsonl" -- sh -c "\"$SITREP\" code - <\"$examples/batch.jsonl\""
expect_eq "stdin jsonl ids" "$(printf '%s\n' "$out" | "$JSONQ" id | tr '\n' ' ')" "ex-1 ex-2 ex-3 "
expect_exit 0 "stdin text" -- sh -c "\"$SITREP\" code <\"$examples/wire-ceasefire-talks.txt\""
expect_match "stdin text coded" "$(printf '%s\n' "$out" | "$JSONQ" meta.headline)" "prisoner-exchange"

# --- published dates
expect_exit 0 "published option" -- "$SITREP" code --published 2025-01-20 "$examples/wire-ceasefire-talks.txt"
expect_eq "published date set" "$(printf '%s\n' "$out" | "$JSONQ" published)" "2025-01-20"
expect_eq "record date wins" "$("$SITREP" code --published 2020-01-01 "$examples/batch.jsonl" | "$JSONQ" published | head -1)" "2025-06-12"

# --- pretty output is the same object
"$SITREP" code --format pretty "$examples/batch.jsonl" >"$work/pretty.json"
expect_match "pretty is indented" "$(head -3 "$work/pretty.json")" '^  "id"'
