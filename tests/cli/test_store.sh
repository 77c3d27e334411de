# test_store.sh - the event store as a user drives it: ingest (raw and --coded), idempotence,
# event merging, malformed lines, a kill -9 in the middle of a batch, two writers at once,
# query filters and formats, exports (GDELT's 61 columns), stats and the default path.
# Sourced by tests/cli/run.sh ($SITREP, $JSONQ, $work and the expect_* helpers are set).
examples=$here/../../examples
db=$work/store.db

# ev SOURCE TARGET CAMEO PLOVER MODALITY ATTRIBUTION_KIND|null PLACE COUNTRY DATE SENTENCE
ev() {
    attribution=null
    [ "$6" != null ] && attribution="{\"text\":\"officials\",\"kind\":\"$6\",\"code\":null,\"cue\":\"said\"}"
    printf '{"id":"e","sentence":%s,"source":{"text":"%s side","code":"%s","country":"%.3s","role":null},' \
        "${10}" "$1" "$1" "$1"
    printf '"target":{"text":"%s side","code":"%s","country":"%.3s","role":null},' "$2" "$2" "$2"
    printf '"cameo":"%s","root":"%.2s","label":null,"plover":"%s","goldstein":-9.5,"quad_class":4,' \
        "$3" "$3" "$4"
    printf '"modality":"%s","attribution":%s,"quantities":[{"value":14000,"unit":"troops","text":"14,000 troops","qualifier":"approx"}],' \
        "$5" "$attribution"
    printf '"place":{"text":"in %s","name":"%s","country":"%s","lat":51.7,"lon":36.2},' "$7" "$7" "$8"
    printf '"date":{"text":"on Monday","value":"%s"},"evidence":{"start":0,"end":10,"verb":"hit","rule":"t:1"}}' "$9"
}
# art ID PUBLISHER PUBLISHED SENTENCE_TEXT EVENTS_JSON
art() {
    printf '{"id":"%s","url":"https://%s.example/%s","published":"%s","meta":{"publisher":"%s","section":null,"headline":"About %s","byline":null,"captions":[]},' \
        "$1" "$2" "$1" "$3" "$2" "$1"
    printf '"sentences":[{"n":0,"start":0,"end":10,"paragraph":0,"text":"%s"},{"n":1,"start":11,"end":20,"paragraph":0,"text":"Second sentence of %s."}],' \
        "$4" "$1"
    printf '"actors":[{"sentence":0,"start":0,"end":6,"text":"Russia","code":"RUS"}],"events":[%s],"quotes":[],"quantities":[],"dates":[],"places":[],"warnings":[]}\n' "$5"
}

strike=$(ev RUSMIL UKRMIL 190 ASSAULT asserted null Kharkiv UKR 2025-03-10 0)
strike2=$(ev RUSMIL UKRMIL 190 ASSAULT asserted null Kharkiv UKR 2025-03-11 0)
{
    art a1 wire 2025-03-10 "Russian forces shelled Kharkiv overnight." "$strike"
    art a2 ledger 2025-03-10 "Kharkiv came under Russian artillery fire." "$strike"
    art a3 wire 2025-03-11 "More shelling hit Kharkiv, the wire said." "$strike2,$strike2"
    art a4 ledger 2025-03-12 "Talks were not held in Istanbul." \
        "$(ev UKRGOV RUSGOV 043 CONSULT negated official Istanbul TUR 2025-03-12 0)"
    art a5 post 2025-04-02 "Pyongyang sent troops to Kursk, a report revealed." \
        "$(ev PRKGOV RUSMIL 072 AID asserted document Kursk RUS 2025-04-01 0)"
} >"$work/coded.jsonl"

# --- ingest coded JSON lines; the same event from several articles merges
expect_exit 0 "ingest --coded" -- "$SITREP" ingest --db "$db" --coded "$work/coded.jsonl"
expect_match "ingest summary" "$err" "5 stored, 0 already there, 0 failed"
expect_exit 0 "stats --check" -- "$SITREP" stats --db "$db" --check
expect_match "stats counts" "$out" "articles 5, sentences 10, actors 5, events 4 "
expect_match "stats check" "$out" "check: ok"
expect_match "stats by root" "$out" "19 +2"
expect_match "stats by dyad" "$out" "RUSMIL -> UKRMIL +2"
"$SITREP" query --db "$db" --cameo 190 --format json >"$work/q.json"
expect_eq "merged event: one row" "$(wc -l <"$work/q.json" | tr -d ' ')" "2"
# a1+a2 on 03-10 merge (2 publishers); a3 on 03-11 is another day (two mentions, one article)
expect_eq "merged mentions" "$(sed -n 2p "$work/q.json" | "$JSONQ" num_mentions)" "2"
expect_eq "merged articles" "$(sed -n 2p "$work/q.json" | "$JSONQ" num_articles)" "2"
expect_eq "merged sources" "$(sed -n 2p "$work/q.json" | "$JSONQ" num_sources)" "2"
expect_eq "first mention article" "$(sed -n 2p "$work/q.json" | "$JSONQ" article)" "a1"
expect_eq "repeat in one article" "$(sed -n 1p "$work/q.json" | "$JSONQ" num_mentions)" "2"
expect_eq "repeat in one article: articles" "$(sed -n 1p "$work/q.json" | "$JSONQ" num_articles)" "1"

# --dedup-days 1 merges the next day's report too, and the same publisher is one source
expect_exit 0 "ingest --dedup-days 1" -- "$SITREP" ingest --db "$work/window.db" --dedup-days 1 --coded "$work/coded.jsonl"
"$SITREP" query --db "$work/window.db" --cameo 190 --format json >"$work/w.json"
expect_eq "window: one event" "$(wc -l <"$work/w.json" | tr -d ' ')" "1"
expect_eq "window: mentions" "$("$JSONQ" num_mentions <"$work/w.json")" "4"
expect_eq "window: articles" "$("$JSONQ" num_articles <"$work/w.json")" "3"
expect_eq "window: sources" "$("$JSONQ" num_sources <"$work/w.json")" "2"

# --- idempotence: the same lines, or the same text under another id, change nothing
"$SITREP" export --db "$db" --format gdelt >"$work/before.tsv"
expect_exit 0 "re-ingest" -- "$SITREP" ingest --db "$db" --coded "$work/coded.jsonl"
expect_match "re-ingest summary" "$err" "0 stored, 5 already there"
sed 's/"id":"a1"/"id":"other-id"/' "$work/coded.jsonl" | head -1 >"$work/renamed.jsonl"
expect_exit 0 "same text, new id" -- "$SITREP" ingest --db "$db" --coded "$work/renamed.jsonl"
expect_match "same text: unchanged" "$err" "0 stored, 1 already there"
"$SITREP" export --db "$db" --format gdelt >"$work/after.tsv"
expect_eq "re-ingest changes nothing" "$(cmp -s "$work/before.tsv" "$work/after.tsv" && echo same)" "same"

# --- malformed records in the middle of a batch: reported with file:line, skipped
{
    head -2 "$work/coded.jsonl"
    echo '{"id": "broken", "sentences": [ '
    art bad1 wire 2025-01-01 "Wrong type." '"not an event"' | sed 's/"events":\[\("not an event"\)\]/"events":"x"/'
    printf '\n'
    art ok3 wire 2025-05-01 "Fine again." "$(ev USAGOV CHNGOV 036 CONSULT planned named Beijing CHN 2025-05-01 0)"
    echo '[1, 2, 3]'
    art ok4 wire 2025-05-02 "Fine too." ""
} >"$work/mixed.jsonl"
expect_exit 1 "malformed lines" -- "$SITREP" ingest --db "$work/mixed.db" --coded "$work/mixed.jsonl"
expect_match "bad JSON reported with line" "$err" "mixed.jsonl:3: "
expect_match "bad field reported with line" "$err" "mixed.jsonl:4: 'events' is not an array"
expect_match "non-object reported" "$err" "mixed.jsonl:7: "
expect_match "rest stored" "$err" "4 stored, 0 already there, 3 failed"
expect_exit 0 "mixed db is consistent" -- "$SITREP" stats --db "$work/mixed.db" --check
expect_match "mixed counts" "$out" "articles 4,"

# --- query filters (every value is a bound parameter)
q() { "$SITREP" query --db "$db" --format csv --limit 0 "$@" | tail -n +2 | cut -d, -f1 | tr '\n' ' '; }
expect_eq "--actor prefix" "$(q --actor RUS)" "4 3 2 1 "
expect_eq "--source prefix" "$(q --source UKR)" "3 "
expect_eq "--target prefix" "$(q --target RUSM)" "4 "
expect_eq "--cameo prefix" "$(q --cameo 04)" "3 "
expect_eq "--root" "$(q --root 07)" "4 "
expect_eq "--plover any case" "$(q --plover assault)" "2 1 "
expect_eq "--modality" "$(q --modality negated)" "3 "
expect_eq "--attribution" "$(q --attribution document)" "4 "
expect_eq "--attribution none" "$(q --attribution none)" "2 1 "
expect_eq "--since/--until month" "$(q --since 2025-03 --until 2025-03)" "3 2 1 "
expect_eq "--since day" "$(q --since 2025-03-11)" "4 3 2 "
expect_eq "--until year" "$(q --until 2024)" ""
expect_eq "--country" "$(q --country TUR)" "3 "
expect_eq "--text" "$(q --text 'report revealed')" "4 "
expect_eq "--text only in the event's own sentence" "$(q --text 'Second a4')" ""
expect_eq "--text with FTS syntax is plain words" "$(q --text 'NEAR( "Kursk* OR')" ""
expect_eq "combined filters" "$(q --actor RUS --plover ASSAULT --since 2025-03-11)" "2 "
expect_eq "--limit" "$("$SITREP" query --db "$db" --format csv --limit 2 | tail -n +2 | wc -l | tr -d ' ')" "2"
expect_exit 2 "an injection attempt is not a code" -- "$SITREP" query --db "$db" --actor "' OR 1=1 --"
expect_exit 2 "bad date" -- "$SITREP" query --db "$db" --since 2025-13
expect_exit 2 "bad format" -- "$SITREP" query --db "$db" --format yaml
# A filter that can never match is a usage error that names it (the API refuses the same).
expect_exit 2 "query --root of one digit" -- "$SITREP" query --db "$db" --root 1
expect_match "--root message" "$err" "--root wants two digits, not '1'"
expect_exit 2 "query --plover bogus" -- "$SITREP" query --db "$db" --plover bogus
expect_match "--plover message lists the types" "$err" "--plover wants a PLOVER type .*ASSAULT.*not 'bogus'"
expect_exit 0 "query --plover in any case" -- "$SITREP" query --db "$db" --plover assault
expect_exit 2 "query --modality maybe" -- "$SITREP" query --db "$db" --modality maybe
expect_exit 2 "query --attribution rumour" -- "$SITREP" query --db "$db" --attribution rumour
expect_exit 2 "query --cameo letters" -- "$SITREP" query --db "$db" --cameo 1a
expect_exit 2 "query --actor lower case" -- "$SITREP" query --db "$db" --actor rus
expect_exit 2 "query --until 30 February" -- "$SITREP" query --db "$db" --until 2025-02-30
expect_exit 1 "missing database" -- "$SITREP" query --db "$work/none.db"
expect_exit 0 "table" -- "$SITREP" query --db "$db" --format table
expect_match "table header" "$out" "^ *ID +DAY +SOURCE +TARGET +CAMEO"
expect_match "table row" "$out" "2025-04-01 +PRKGOV +RUSMIL +072 +AID"
expect_exit 0 "json" -- "$SITREP" query --db "$db" --format json --plover aid
expect_eq "json place" "$(printf '%s\n' "$out" | "$JSONQ" place.country)" "RUS"
expect_eq "json attribution" "$(printf '%s\n' "$out" | "$JSONQ" attribution.kind)" "document"
expect_eq "json sentence" "$(printf '%s\n' "$out" | "$JSONQ" sentence_text)" \
    "Pyongyang sent troops to Kursk, a report revealed."
expect_exit 0 "csv" -- "$SITREP" query --db "$db" --format csv --text Istanbul
expect_match "csv quoting" "$out" '"Talks were not held in Istanbul."|Talks were not held in Istanbul\.$'

# --- exports
expect_exit 0 "export gdelt" -- "$SITREP" export --db "$db" --format gdelt --header
printf '%s\n' "$out" >"$work/gdelt.tsv"
expect_eq "gdelt: 61 columns on every line" \
    "$(awk -F'\t' '{print NF}' "$work/gdelt.tsv" | sort -u | tr '\n' ' ')" "61 "
expect_eq "gdelt: header order" "$(head -1 "$work/gdelt.tsv" | cut -f1,2,5,6,26,27,30,31,32,33,34,35,52,57,60,61 | tr '\t' ' ')" \
    "GLOBALEVENTID SQLDATE FractionDate Actor1Code IsRootEvent EventCode QuadClass GoldsteinScale NumMentions NumSources NumArticles AvgTone ActionGeo_Type ActionGeo_Lat DATEADDED SOURCEURL"
expect_eq "gdelt: merged row" "$(sed -n 2p "$work/gdelt.tsv" | cut -f2,6,16,27,28,29,30,32,33,34 | tr '\t' ' ')" \
    "20250310 RUSMIL UKRMIL 190 190 19 4 2 2 2"
expect_eq "gdelt: unused columns empty" "$(sed -n 2p "$work/gdelt.tsv" | cut -f9-12,35,36-51 | tr -d '\t')" ""
expect_eq "gdelt: source url" "$(sed -n 2p "$work/gdelt.tsv" | cut -f61)" "https://wire.example/a1"
expect_exit 0 "export plover" -- "$SITREP" export --db "$db" --format plover
expect_eq "plover lines" "$(printf '%s\n' "$out" | wc -l | tr -d ' ')" "4"
expect_eq "plover type" "$(printf '%s\n' "$out" | tail -1 | "$JSONQ" event.0)" "AID"
expect_eq "plover recipient" "$(printf '%s\n' "$out" | tail -1 | "$JSONQ" recipient.0.actor_code)" "RUSMIL"
expect_exit 0 "export jsonl" -- "$SITREP" export --db "$db" --format jsonl
expect_eq "jsonl is the contract as stored" "$(printf '%s\n' "$out" | cmp -s - "$work/coded.jsonl" && echo same)" "same"
expect_exit 2 "export needs a format" -- "$SITREP" export --db "$db"

# --- raw articles, a directory, and the default path under XDG_DATA_HOME
mkdir -p "$work/xdg"
expect_exit 0 "ingest a directory to the default db" -- env XDG_DATA_HOME="$work/xdg" "$SITREP" ingest "$examples"
expect_match "directory: every example" "$err" "5 stored"
expect_eq "default path" "$([ -s "$work/xdg/sitrep/events.db" ] && echo yes)" "yes"
expect_match "ingest says where it stored" "$err" "5 stored, 0 already there, 0 failed \(in $work/xdg/sitrep/events.db\)"
expect_exit 0 "stats on the default db" -- env XDG_DATA_HOME="$work/xdg" "$SITREP" stats --check
expect_match "raw articles stored" "$out" "articles 5,"
expect_exit 0 "export from the default db" -- env XDG_DATA_HOME="$work/xdg" "$SITREP" export --format jsonl
expect_match "raw export keeps ids" "$out" '"id":"ex-2"'

expect_exit 0 "raw JSON lines on stdin, two jobs" -- sh -c "\"$SITREP\" ingest --db \"$work/stdin.db\" --jobs 2 - <\"$examples/batch.jsonl\""
expect_match "stdin: three stored" "$err" "3 stored"
expect_exit 0 "stdin db: stats" -- "$SITREP" stats --db "$work/stdin.db" --check
expect_match "stdin db: sentences indexed" "$out" "articles 3, sentences [1-9]"
expect_exit 1 "a missing input file" -- "$SITREP" ingest --db "$work/stdin.db" "$work/no-such-file.txt"
expect_match "missing file reported" "$err" "no-such-file.txt: cannot open"

# --- a kill -9 in the middle of a batch leaves whole batches only
awk 'BEGIN { for (i = 0; i < 20000; i++) {
    printf "{\"id\":\"k%d\",\"published\":\"2024-01-%02d\",\"meta\":{\"publisher\":\"p%d\"},", i, i % 28 + 1, i % 7
    printf "\"sentences\":[{\"n\":0,\"text\":\"Sentence %d about the front line.\"}],", i
    printf "\"events\":[{\"sentence\":0,\"source\":{\"code\":\"A%d\"},\"target\":{\"code\":\"B%d\"},\"cameo\":\"190\",\"modality\":\"asserted\"}]}\n", i % 50, i % 3 }
}' >"$work/many.jsonl"
"$SITREP" ingest --db "$work/crash.db" --coded --batch 100 "$work/many.jsonl" 2>/dev/null &
pid=$!
n=0
for _ in $(seq 1 600); do
    n=$("$SITREP" stats --db "$work/crash.db" 2>/dev/null | sed -n 's/^articles \([0-9]*\),.*/\1/p')
    [ "${n:-0}" -gt 0 ] && break
    sleep 0.05
done
kill -9 $pid 2>/dev/null
wait $pid 2>/dev/null
expect_exit 0 "after kill -9: consistent" -- "$SITREP" stats --db "$work/crash.db" --check
n=$(printf '%s\n' "$out" | sed -n 's/^articles \([0-9]*\),.*/\1/p')
expect_match "after kill -9: some batches stored" "${n:-0}" "^[1-9]"
expect_eq "after kill -9: whole batches only" "$(( ${n:-1} % 100 ))" "0"
if [ "${n:-0}" -ge 20000 ]; then echo "cli: note: the ingest finished before the kill"; fi
expect_exit 0 "resume after the kill" -- "$SITREP" ingest --db "$work/crash.db" --coded "$work/many.jsonl"
expect_exit 0 "resumed: consistent" -- "$SITREP" stats --db "$work/crash.db" --check
expect_match "resumed: all articles" "$out" "articles 20000,"

# --- two writers at once: both finish, nothing lost
head -3000 "$work/many.jsonl" | sed 's/"id":"k/"id":"x/; s/Sentence /Other sentence /' >"$work/x.jsonl"
head -3000 "$work/many.jsonl" | sed 's/"id":"k/"id":"y/; s/Sentence /Third sentence /' >"$work/y.jsonl"
"$SITREP" ingest --db "$work/two.db" --coded --batch 50 "$work/x.jsonl" 2>"$work/x.err" &
p1=$!
"$SITREP" ingest --db "$work/two.db" --coded --batch 50 "$work/y.jsonl" "$work/x.jsonl" 2>"$work/y.err" &
p2=$!
wait $p1
s1=$?
wait $p2
s2=$?
expect_eq "writer 1 finished" "$s1" "0"
expect_eq "writer 2 finished" "$s2" "0"
[ "$s1$s2" = "00" ] || { echo "cli: writer 1 said: $(cat "$work/x.err")"; echo "cli: writer 2 said: $(cat "$work/y.err")"; }
expect_exit 0 "two writers: consistent" -- "$SITREP" stats --db "$work/two.db" --check
expect_match "two writers: nothing lost" "$out" "articles 6000,"

# --- a file that is not a database is refused, and left alone
printf 'not a database, just text\n%.0s' $(seq 1 200) >"$work/garbage.db"
cp "$work/garbage.db" "$work/garbage.copy"
expect_exit 1 "not a database" -- "$SITREP" ingest --db "$work/garbage.db" --coded "$work/coded.jsonl"
expect_match "not a database: message" "$err" "garbage.db: .*not a database"
expect_eq "not a database: untouched" "$(cmp -s "$work/garbage.db" "$work/garbage.copy" && echo same)" "same"

# --- a read-only database (file and folder) is queried, exported, summed up and served,
# and nothing is written next to it (it was "attempt to write a readonly database")
rodir=$work/readonly
mkdir -p "$rodir"
"$SITREP" ingest --db "$rodir/ro.db" --coded "$work/coded.jsonl" 2>/dev/null
chmod 444 "$rodir/ro.db"
chmod 555 "$rodir"
work_mode=$(stat -c %a "$work")
chmod 755 "$work"
# root may write anything: read as "nobody" then
as_reader=
if [ "$(id -u)" = 0 ]; then
    as_reader="setpriv --reuid=nobody --regid=nogroup --clear-groups"
    $as_reader true 2>/dev/null || as_reader="runuser -u nobody --"
fi
# "nobody" may not be able to walk the absolute path to this tree (a clone in a private
# folder): the data and web folders are named relative to the current folder, as $SITREP is
ro_data=$(realpath --relative-to=. "${SITREP_DATA:-$here/../../data}")
ro_web=$(realpath --relative-to=. "$(dirname "$SITREP")/web")
[ -n "$as_reader" ] && as_reader="$as_reader env SITREP_DATA=$ro_data"
expect_exit 0 "read-only: query" -- $as_reader "$SITREP" query --db "$rodir/ro.db" --format json
expect_match "read-only: query answers" "$out" '"cameo":"190"'
expect_exit 0 "read-only: export" -- $as_reader "$SITREP" export --db "$rodir/ro.db" --format gdelt
expect_eq "read-only: export lines" "$(printf '%s\n' "$out" | wc -l)" "4"
expect_exit 0 "read-only: stats" -- $as_reader "$SITREP" stats --db "$rodir/ro.db"
expect_match "read-only: stats counts" "$out" "articles 5,"
if command -v curl >/dev/null 2>&1; then
    : >"$work/ro-serve.err"
    $as_reader "$SITREP" serve --db "$rodir/ro.db" --port 0 --threads 1 --web "$ro_web" \
        2>>"$work/ro-serve.err" &
    ro_pid=$!
    ro_port=$(serving_port "$work/ro-serve.err" "$ro_pid")
    expect_match "read-only: served" "$(curl -s "http://127.0.0.1:$ro_port/api/events?cameo=19")" '"cameo":"190"'
    kill -TERM "$ro_pid" 2>/dev/null
    wait "$ro_pid" 2>/dev/null
fi
expect_eq "read-only: nothing written beside it" "$(ls "$rodir")" "ro.db"
chmod 755 "$rodir"
chmod "$work_mode" "$work"

# --- a mistyped database name is an error, and no empty database is made (stats --check
# used to create one and say "check: ok")
expect_exit 1 "stats --check typo" -- "$SITREP" stats --check --db "$work/typo.db"
expect_match "stats --check typo: message" "$err" "typo.db: no database here"
expect_exit 1 "query typo" -- "$SITREP" query --db "$work/typo.db"
expect_exit 1 "export typo" -- "$SITREP" export --db "$work/typo.db" --format jsonl
expect_eq "typo: no file made" "$(ls "$work" | grep -c '^typo')" "0"

# --- the disk fills up mid-ingest (a file size limit here): the summary counts what was not
# stored, the exit status says so, and ingesting again stores the rest (it said "50 stored, 0
# failed" while the rest was never stored)
"$(dirname "$SITREP")/bench/gen_coded" 2000 4 5 >"$work/fill.jsonl"
expect_exit 1 "full disk: ingest fails" -- sh -c \
    "trap '' XFSZ; ulimit -f 2000; exec \"\$0\" ingest --db \"\$1\" --batch 50 --coded \"\$2\"" \
    "$SITREP" "$work/full.db" "$work/fill.jsonl"
stored=$(printf '%s' "$err" | sed -n 's/.*ingest: \([0-9]*\) stored, 0 already there, 0 failed, \([0-9]*\) not stored.*/\1 \2/p')
expect_match "full disk: counts what was not stored" "$stored" "^[0-9]+ [1-9][0-9]*$"
expect_eq "full disk: stored + not stored = all" "$(echo "$stored" | awk '{ print $1 + $2 }')" "2000"
expect_exit 0 "full disk: what was stored is whole" -- "$SITREP" stats --db "$work/full.db" --check
expect_match "full disk: stored as said" "$out" "articles ${stored%% *},"
expect_exit 0 "full disk: ingest again" -- "$SITREP" ingest --db "$work/full.db" --coded "$work/fill.jsonl"
expect_match "full disk: the rest stored" "$err" "${stored#* } stored, ${stored%% *} already there, 0 failed"

# --- make demo keeps its event store in the build tree (never the user's home unasked)
root=$(cd "$here/../.." && pwd)
demo_lines=$(make -s -C "$root" -n demo 2>/dev/null | grep -E "sitrep (ingest|stats|query|export)")
expect_match "make demo stores events" "$demo_lines" "sitrep ingest"
demo_cmds=$(printf '%s\n' "$demo_lines" | grep -oE "sitrep (ingest|stats|query|export)" | wc -l)
demo_dbs=$(printf '%s\n' "$demo_lines" | grep -oE "sitrep (ingest|stats|query|export) --db build/[^ ]*demo\.db" | wc -l)
expect_eq "make demo names a database in build/ every time" "$demo_dbs" "$demo_cmds"
expect_match "make demo says where" "$(make -s -C "$root" -n demo 2>/dev/null)" "demo: the examples' events are stored in build"
