# test_input.sh - reading input as a user gives it: endless streams (/dev/zero, pipes) stop at
# a limit that the message names, over-long JSON lines are skipped with their line number,
# gzip input (.jsonl.gz, .txt.gz, .html.gz, on standard input, for ingest) reads like the
# plain file, zip bombs and damaged gzip data are clear errors, many-line files read in
# linear time, results stream out before the input ends; and nothing is coded silently
# without its data: a folder that is not a data directory, or has no actors, is refused.
# Sourced by tests/cli/run.sh ($SITREP, $JSONQ, $work and the expect_* helpers are set).

examples=$here/../../examples

# --- endless and oversized streams: a limit, named, within bounded time
expect_exit 1 "/dev/zero as text stops" -- timeout 60 "$SITREP" code /dev/zero
expect_match "/dev/zero as text: the limit is named" "$err" "^sitrep: /dev/zero: larger than the limit of 256 MiB$"
expect_exit 1 "/dev/zero as JSON lines stops" -- timeout 60 "$SITREP" code --input jsonl /dev/zero
expect_match "/dev/zero as JSON lines: line and limits" "$err" \
    "^sitrep: /dev/zero:1: line is longer than the limit of 64 MiB and has no end within 1 GiB; the rest of the input is skipped$"
expect_exit 1 "a pipe without end stops" -- timeout 60 sh -c "head -c 300000000 /dev/zero | \"$SITREP\" code"
expect_match "a pipe: the limit is named" "$err" "<stdin>: larger than the limit of 256 MiB"

# a 70 MB JSON line between two good ones: skipped with its number and the line limit
{
    printf '%s\n' '{"id":"before","text":"Russia shelled Kharkiv."}'
    printf '{"id":"huge","text":"'
    head -c 70000000 /dev/zero | tr '\0' 'a'
    printf '"}\n'
    printf '%s\n' '{"id":"after","text":"Ukraine hit a depot."}'
} >"$work/long-line.jsonl"
expect_exit 1 "70 MB JSON line: exit 1" -- "$SITREP" code "$work/long-line.jsonl"
expect_match "70 MB JSON line: its number and the line limit" "$err" \
    "long-line.jsonl:2: line is longer than the limit of 64 MiB; skipped"
expect_eq "70 MB JSON line: the others coded" "$(printf '%s\n' "$out" | "$JSONQ" id | tr '\n' ' ')" "before after "
# the same 70 MB as one text line is one article (under 256 MiB): read, cut with a warning
head -c 70000000 /dev/zero | tr '\0' 'a' >"$work/long-line.txt"
expect_exit 0 "70 MB text line: read" -- "$SITREP" sentences "$work/long-line.txt"
rm -f "$work/long-line.jsonl" "$work/long-line.txt"

# many lines read in linear time (the reader grew one line at a time: 200 MB took minutes)
awk 'BEGIN { for (i = 0; i < 400000; i++) printf "Line %d of the report: troops moved.\n", i }' \
    >"$work/many-lines.txt"
expect_exit 0 "15 MB of short lines: read in time" -- timeout 120 "$SITREP" sentences "$work/many-lines.txt"
rm -f "$work/many-lines.txt"

# --- gzip: the same output as the plain file, whatever the extension says
cp "$examples/batch.jsonl" "$work/b.jsonl"
gzip -c "$work/b.jsonl" >"$work/b.jsonl.gz"
"$SITREP" code "$work/b.jsonl" >"$work/plain.out" 2>/dev/null
expect_exit 0 "code x.jsonl.gz" -- "$SITREP" code "$work/b.jsonl.gz"
expect_eq "x.jsonl.gz codes like x.jsonl" "$out" "$(cat "$work/plain.out")"
expect_exit 0 "code x.jsonl.gz --jobs 3" -- "$SITREP" code --jobs 3 "$work/b.jsonl.gz"
expect_eq "x.jsonl.gz with --jobs 3: same output" "$out" "$(cat "$work/plain.out")"
expect_exit 0 "gzip on standard input" -- sh -c "\"$SITREP\" code <\"$work/b.jsonl.gz\""
expect_eq "gzip on standard input is sniffed" "$out" "$(cat "$work/plain.out")"
gzip -c "$examples/wire-ceasefire-talks.txt" >"$work/wire.txt.gz"
expect_exit 0 "code x.txt.gz" -- "$SITREP" code --published 2025-03-04 "$work/wire.txt.gz"
expect_eq "x.txt.gz codes like x.txt" "$(printf '%s\n' "$out" | "$JSONQ" events.length)" \
    "$("$SITREP" code --published 2025-03-04 "$examples/wire-ceasefire-talks.txt" | "$JSONQ" events.length)"
page=$(ls "$here"/../golden/*.html | head -1)
gzip -c "$page" >"$work/page.html.gz"
expect_exit 0 "code x.html.gz" -- "$SITREP" code "$work/page.html.gz"
expect_eq "x.html.gz is read as HTML" "$(printf '%s\n' "$out" | "$JSONQ" meta.headline)" \
    "$("$SITREP" code "$page" | "$JSONQ" meta.headline)"
# two members (cat a.gz b.gz) are one stream
{ head -1 "$work/b.jsonl" | gzip -c; tail -n +2 "$work/b.jsonl" | gzip -c; } >"$work/two.jsonl.gz"
expect_exit 0 "two gzip members" -- "$SITREP" code "$work/two.jsonl.gz"
expect_eq "two gzip members: every record" "$(printf '%s\n' "$out" | "$JSONQ" id | tr '\n' ' ')" "ex-1 ex-2 ex-3 "
# ingest reads .gz files of a directory
mkdir -p "$work/gzdir"
cp "$work/b.jsonl.gz" "$work/wire.txt.gz" "$work/gzdir/"
expect_exit 0 "ingest a directory of .gz files" -- "$SITREP" ingest --db "$work/gz.db" "$work/gzdir"
expect_match "ingest .gz: all stored" "$err" "ingest: 4 stored, 0 already there, 0 failed"

# --- damaged gzip and zip bombs: errors that say what and where, the rest still read
head -c 300000000 /dev/zero | gzip -1 >"$work/bomb.txt.gz"
expect_exit 1 "zip bomb as text" -- timeout 60 "$SITREP" code "$work/bomb.txt.gz"
expect_match "zip bomb as text: the limit" "$err" "bomb.txt.gz: decompresses to more than the limit of 256 MiB"
cp "$work/bomb.txt.gz" "$work/bomb.jsonl.gz"
expect_exit 1 "zip bomb as JSON lines" -- timeout 60 "$SITREP" code "$work/bomb.jsonl.gz" "$work/b.jsonl"
expect_match "zip bomb as JSON lines: line and limit" "$err" "bomb.jsonl.gz:1: line is longer than the limit of 64 MiB"
expect_eq "zip bomb: the next file is still coded" "$(printf '%s\n' "$out" | "$JSONQ" id | wc -l | tr -d ' ')" 3
rm -f "$work/bomb.txt.gz" "$work/bomb.jsonl.gz"
size=$(wc -c <"$work/b.jsonl.gz")
head -c $((size - 12)) "$work/b.jsonl.gz" >"$work/cut.jsonl.gz"
expect_exit 1 "truncated gzip" -- "$SITREP" code "$work/cut.jsonl.gz"
expect_match "truncated gzip: said" "$err" "cut.jsonl.gz:[0-9]+: truncated gzip data: the compressed stream ends at byte"
{ cat "$work/b.jsonl.gz"; printf 'trailing junk'; } >"$work/junk.jsonl.gz"
expect_exit 1 "gzip with trailing junk" -- "$SITREP" code "$work/junk.jsonl.gz"
expect_match "trailing junk: said with its offset" "$err" "data after the end of the gzip stream at byte $size"
expect_eq "trailing junk: the records before it are coded" "$(printf '%s\n' "$out" | "$JSONQ" id | wc -l | tr -d ' ')" 3

# --- results stream out before the input ends (a map step, a pipe from a crawler)
rm -f "$work/feed"
mkfifo "$work/feed"
"$SITREP" code --input jsonl "$work/feed" >"$work/streamed" 2>"$work/streamed.err" &
stream_pid=$!
exec 3>"$work/feed"
printf '%s\n' '{"id":"first","text":"Russia shelled Kharkiv."}' >&3
waited=0
while [ "$(wc -l <"$work/streamed")" -lt 1 ] && [ $waited -lt 300 ]; do sleep 0.1; waited=$((waited + 1)); done
expect_eq "the first result comes while the input is still open" "$("$JSONQ" id <"$work/streamed")" "first"
printf '%s\n' '{"id":"second","text":"Ukraine hit a depot."}' >&3
exec 3>&-
wait $stream_pid
expect_eq "streaming: exit 0 at the end of the input" "$?" 0
expect_eq "streaming: both results" "$("$JSONQ" id <"$work/streamed" | tr '\n' ' ')" "first second "

# --- no silent loss of text: a NUL escape in a JSON string
printf '%s\n' '{"id":"nul","text":"Russian forces attacked Kharkiv.\u0000 Ukraine shelled a depot in Belgorod."}' >"$work/nul.jsonl"
expect_exit 0 "NUL escape in a JSON string" -- "$SITREP" code "$work/nul.jsonl"
expect_eq "NUL escape: the text after it is kept" "$(printf '%s\n' "$out" | "$JSONQ" sentences.length)" 2
expect_match "NUL escape: warned" "$(printf '%s\n' "$out" | "$JSONQ" warnings)" "nul_character"

# --- no coding without data: what is not a data directory, or lacks actors, is refused
mkdir -p "$work/notdata" "$work/noactors" "$work/emptyactors/actors"
cp "$SITREP_DATA/sitrep-data.txt" "$work/noactors/"
cp "$SITREP_DATA/sitrep-data.txt" "$work/emptyactors/"
printf '# nothing yet\n' >"$work/emptyactors/actors/countries.txt"
ln -s "$SITREP_DATA/actors" "$work/notdata/actors"
expect_exit 1 "--dict at a folder without sitrep-data.txt" -- "$SITREP" code --dict "$work/notdata" "$examples/batch.jsonl"
expect_match "--dict without marker: said" "$err" "notdata: not a sitrep data directory \\(it has no sitrep-data.txt\\)"
expect_eq "--dict without marker: nothing coded" "$out" ""
expect_exit 1 "--dict without actors/" -- "$SITREP" code --dict "$work/noactors" "$examples/batch.jsonl"
expect_match "--dict without actors/: said" "$err" "noactors/actors: missing: no actors can be recognised"
expect_exit 1 "--dict with an empty actors/" -- "$SITREP" code --dict "$work/emptyactors" "$examples/batch.jsonl"
expect_match "--dict with an empty actors/: said" "$err" "emptyactors/actors: no actor dictionary entries"
expect_exit 1 "ingest with a folder that is not a data directory" -- "$SITREP" ingest --db "$work/nd.db" --dict "$work/notdata" "$examples"
expect_exit 1 "dict check: not a data directory" -- "$SITREP" dict check "$work/notdata"
expect_no_match "dict check: not a data directory is no 'no problems'" "$out" "no problems"
expect_exit 1 "dict check: no actors" -- "$SITREP" dict check "$work/noactors"
expect_match "dict check: no actors said" "$err" "noactors/actors: missing"
expect_no_match "dict check: no actors is no 'no problems'" "$out" "no problems"
expect_exit 1 "dict check: empty actors" -- "$SITREP" dict check "$work/emptyactors"
expect_match "dict check: empty actors said" "$err" "no dictionary entries"
expect_exit 0 "dict check: the shipped data directory" -- "$SITREP" dict check "$SITREP_DATA"
expect_match "dict check: the shipped data directory is clean" "$out" "no problems$"
# a data directory without a model or verb patterns codes, with a warning for each
mkdir -p "$work/nomodel"
cp "$SITREP_DATA/sitrep-data.txt" "$work/nomodel/"
ln -s "$SITREP_DATA/actors" "$work/nomodel/actors"
expect_exit 0 "a data directory without a model codes" -- "$SITREP" code --dict "$work/nomodel" "$examples/batch.jsonl"
expect_match "missing model: warned" "$err" "warning: .*nomodel/models/tagger.bin: missing: parts of speech are not tagged"
expect_match "missing verb patterns: warned" "$err" "warning: .*nomodel/verbs: missing: no event patterns: no events are coded"
expect_exit 0 "dict check: a data directory without a model" -- "$SITREP" dict check "$work/nomodel"
expect_match "dict check: the warnings are counted" "$out" "no problems in the actor dictionaries; 4 warnings"
rm -rf "$work/notdata" "$work/noactors" "$work/emptyactors" "$work/nomodel" "$work/gzdir"
