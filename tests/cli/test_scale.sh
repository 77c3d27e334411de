# test_scale.sh - beyond one machine, against real servers this test starts and stops on
# loopback: the PostgreSQL store (the same events, counts, filters and full-text search as the
# SQLite store; four writers at once; a writer killed mid-batch; serve and the default
# $SITREP_DB), and `sitrep code --shard` as a map step under a Dask scheduler with two
# workers, one of them killed with -9 mid-run. Skips (visibly) only where PostgreSQL or Dask
# cannot be installed. Sourced by tests/cli/run.sh ($SITREP, $JSONQ, $work, expect_*).
. "$here/../tools/pg.sh"
scale_gen=$(dirname "$SITREP")/bench/gen_coded
scale_corpus=$(dirname "$SITREP")/bench/gencorpus
python=/usr/bin/python3

# keys DB: the stored events as a sorted set: day, source, target, CAMEO code, the three
# counts, place name and country (GDELT columns). Ids and what the first report gives
# (texts, Goldstein, URL) depend on which writer came first.
keys() {
    "$SITREP" export --db "$1" --format gdelt | cut -f2,6,16,27,32-34,53,54 | LC_ALL=C sort
}
# same_keys WHAT DB1 DB2
same_keys() {
    keys "$2" >"$work/keys1"
    keys "$3" >"$work/keys2"
    if [ -s "$work/keys1" ] && cmp -s "$work/keys1" "$work/keys2"; then ok; else
        bad "$1: the stored events differ ($(wc -l <"$work/keys1") vs $(wc -l <"$work/keys2") lines; first difference: $(diff "$work/keys1" "$work/keys2" | sed -n 2p))"
    fi
}
# rows DB QUERY-OPTIONS...: the matching events without their ids, sorted
rows() {
    db_=$1; shift
    "$SITREP" query --db "$db_" --format csv --limit 0 "$@" | cut -d, -f2- | LC_ALL=C sort
}

scale_stop() {
    for pid in ${scale_pids:-}; do
        /bin/kill -s KILL -- "-$pid" 2>/dev/null # a process group (dask), else the process
        kill -9 "$pid" 2>/dev/null
    done
    scale_pids=
    pg_stop
}
trap 'scale_stop; chmod -R u+rwx "$work" 2>/dev/null; rm -rf "$work"' EXIT INT TERM

if [ ! -x "$scale_gen" ]; then
    bad "scale: $scale_gen is missing (make test builds it)"
elif ! pg_start; then
    echo "cli: SKIP PostgreSQL and Dask tests: $PG_WHY"
else
    # --- one writer: the same store as SQLite
    "$scale_gen" 400 4 11 10 3 >"$work/scale.jsonl" # 10 days, few actors: many events merge
    pg1=$(pg_createdb one)
    expect_exit 0 "pg: ingest --coded" -- "$SITREP" ingest --db "$pg1" --coded "$work/scale.jsonl"
    expect_match "pg: ingest summary" "$err" "400 stored, 0 already there, 0 failed"
    "$SITREP" ingest --db "$work/scale.db" --coded "$work/scale.jsonl" 2>/dev/null
    same_keys "pg: events and counts as SQLite's" "$work/scale.db" "$pg1"
    expect_exit 0 "pg: stats --check" -- "$SITREP" stats --db "$pg1" --check
    expect_match "pg: check" "$out" "check: ok"
    expect_match "pg: events merged" "$out" "[1-9][0-9]* reported by more than one article"
    pg_totals=$(printf '%s\n' "$out" | head -1)
    expect_eq "pg: totals as SQLite's" "$pg_totals" "$("$SITREP" stats --db "$work/scale.db" | head -1)"
    expect_eq "pg: export jsonl as SQLite's" "$("$SITREP" export --db "$pg1" --format jsonl | cksum)" \
        "$("$SITREP" export --db "$work/scale.db" --format jsonl | cksum)"
    expect_eq "pg: export plover lines" "$("$SITREP" export --db "$pg1" --format plover | wc -l)" \
        "$("$SITREP" export --db "$work/scale.db" --format plover | wc -l)"
    for filter in "--actor RUS" "--source USAMIL" "--target ISR" "--cameo 19" "--root 14" \
        "--plover Assault" "--modality negated" "--attribution none" "--attribution document" \
        "--country UKR" "--since 2015-01-03 --until 2015-01-05" "--text convoy" \
        "--actor PRK --target RUS --cameo 0"; do
        # shellcheck disable=SC2086
        rows "$work/scale.db" $filter >"$work/rows1"
        # shellcheck disable=SC2086
        rows "$pg1" $filter >"$work/rows2"
        expect_match "pg: query $filter finds events" "$(wc -l <"$work/rows1")" "^[1-9]"
        expect_eq "pg: query $filter as SQLite's" "$(cksum <"$work/rows2")" "$(cksum <"$work/rows1")"
    done
    expect_eq "pg: --text with two words as SQLite's" "$(rows "$pg1" --text 'Drone CONVOY' | cksum)" \
        "$(rows "$work/scale.db" --text 'Drone CONVOY' | cksum)"
    expect_eq "pg: --text words, not syntax" "$(rows "$pg1" --text 'convoy OR "x' | cksum)" \
        "$(rows "$work/scale.db" --text 'convoy OR "x' | cksum)"
    expect_exit 2 "pg: bad date" -- "$SITREP" query --db "$pg1" --since 2020-13
    # the newest page in the same order (ids differ, so compare the rows' days)
    expect_eq "pg: newest first" \
        "$("$SITREP" query --db "$pg1" --format csv --limit 20 | cut -d, -f2 | tr '\n' ' ')" \
        "$("$SITREP" query --db "$work/scale.db" --format csv --limit 20 | cut -d, -f2 | tr '\n' ' ')"

    # idempotent, and the window of --dedup-days as SQLite's
    expect_exit 0 "pg: re-ingest" -- "$SITREP" ingest --db "$pg1" --coded "$work/scale.jsonl"
    expect_match "pg: re-ingest changes nothing" "$err" "0 stored, 400 already there"
    pgw=$(pg_createdb window)
    "$SITREP" ingest --db "$work/window2.db" --dedup-days 2 --coded "$work/scale.jsonl" 2>/dev/null
    expect_exit 0 "pg: --dedup-days 2" -- "$SITREP" ingest --db "$pgw" --dedup-days 2 --coded "$work/scale.jsonl"
    same_keys "pg: --dedup-days 2 as SQLite's" "$work/window2.db" "$pgw"
    expect_exit 0 "pg: window check" -- "$SITREP" stats --db "$pgw" --check

    # the database from $SITREP_DB; a password never shown; no store made by readers
    expect_exit 0 "pg: \$SITREP_DB" -- env SITREP_DB="$pg1" "$SITREP" stats
    expect_eq "pg: \$SITREP_DB totals" "$(printf '%s\n' "$out" | head -1)" "$pg_totals"
    empty=$(pg_createdb empty)
    expect_exit 1 "pg: query an empty database" -- "$SITREP" query --db "$empty"
    expect_match "pg: no store there" "$err" "no sitrep store in this database"
    expect_exit 1 "pg: stats --check an empty database" -- "$SITREP" stats --db "$empty" --check
    expect_exit 1 "pg: readers made no tables" -- "$SITREP" export --db "$empty" --format jsonl
    expect_exit 1 "pg: wrong password shown as ***" -- "$SITREP" stats \
        --db "postgresql://nobody:s3cret@127.0.0.1:$PG_PORT/nosuchdb"
    expect_no_match "pg: no password in messages" "$err" "s3cret"
    expect_match "pg: the URL without it" "$err" "nobody:\*\*\*@127.0.0.1"

    # --- the GDELT and PLOVER exports (sides' names and places, place kinds: migration 2) as
    # SQLite's, row for row but for what the writer fills in (ids and their order, the day
    # stored)
    pgx=$(pg_createdb exports)
    "$SITREP" ingest --db "$work/pgx.db" "$here/exports.jsonl" 2>/dev/null
    expect_exit 0 "pg: ingest the export articles" -- "$SITREP" ingest --db "$pgx" "$here/exports.jsonl"
    for fmt in gdelt plover; do
        "$SITREP" export --db "$pgx" --format $fmt 2>/dev/null |
            sed 's/^[0-9]*\t//; s/\t[0-9]\{14\}\t/\t/; s/"id":"sitrep-[0-9]*",//; s/"coded_date":"[-0-9]*"//' | LC_ALL=C sort >"$work/pgx.$fmt"
        "$SITREP" export --db "$work/pgx.db" --format $fmt 2>/dev/null |
            sed 's/^[0-9]*\t//; s/\t[0-9]\{14\}\t/\t/; s/"id":"sitrep-[0-9]*",//; s/"coded_date":"[-0-9]*"//' | LC_ALL=C sort >"$work/sqx.$fmt"
        expect_match "pg: $fmt export has rows" "$(wc -l <"$work/pgx.$fmt")" "^[1-9]"
        expect_eq "pg: $fmt export as SQLite's" "$(cksum <"$work/pgx.$fmt")" "$(cksum <"$work/sqx.$fmt")"
    done
    expect_match "pg: actor geography kept" "$(cat "$work/pgx.gdelt")" "	3	Houston, Texas, United States	US	USTX	"
    if python3 -c 'import jsonschema' 2>/dev/null; then
        "$SITREP" export --db "$pgx" --format plover >"$work/pgx.plover.jsonl" 2>/dev/null
        expect_exit 0 "pg: plover records valid" -- python3 "$here/../tools/plover_check.py" "$work/pgx.plover.jsonl" \
            "$here/../../docs/schema/plover-record.schema.json"
    fi

    # --- four writers at once, each article written by two of them, in small batches: the
    # same events and counts as one writer into SQLite
    "$scale_gen" 1200 4 5 10 3 >"$work/many.jsonl"
    for i in 0 1 2 3; do
        awk -v i=$i 'NR % 4 == i || NR % 4 == (i + 1) % 4' "$work/many.jsonl" >"$work/many-$i.jsonl"
    done
    pg4=$(pg_createdb four)
    scale_pids=
    for i in 0 1 2 3; do
        "$SITREP" ingest --db "$pg4" --batch 40 --coded "$work/many-$i.jsonl" \
            2>"$work/writer-$i.err" &
        scale_pids="$scale_pids $!"
    done
    writers_ok=0
    for pid in $scale_pids; do wait "$pid" && writers_ok=$((writers_ok + 1)); done
    scale_pids=
    expect_eq "pg: four writers succeed" "$writers_ok" "4"
    stored=$(cat "$work"/writer-*.err | sed -n 's/.*ingest: \([0-9]*\) stored.*/\1/p' | awk '{ s += $1 } END { print s }')
    expect_eq "pg: each article stored once" "$stored" "1200"
    "$SITREP" ingest --db "$work/many.db" --coded "$work/many.jsonl" 2>/dev/null
    same_keys "pg: four writers = one SQLite writer" "$work/many.db" "$pg4"
    expect_exit 0 "pg: four writers: check" -- "$SITREP" stats --db "$pg4" --check
    expect_eq "pg: four writers: totals" "$(printf '%s\n' "$out" | head -1)" \
        "$("$SITREP" stats --db "$work/many.db" | head -1)"

    # --- a writer killed with -9 mid-batch loses nothing it reported and leaves whole
    # batches; ingesting again completes the store
    pgk=$(pg_createdb killed)
    "$SITREP" ingest --db "$pgk" --batch 25 --coded "$work/many.jsonl" 2>/dev/null &
    kpid=$!
    scale_pids=$kpid
    sleep 1
    kill -9 "$kpid" 2>/dev/null
    wait "$kpid" 2>/dev/null
    scale_pids=
    expect_exit 0 "pg: killed writer leaves a consistent store" -- "$SITREP" stats --db "$pgk" --check
    expect_match "pg: killed writer: whole batches" "$(printf '%s\n' "$out" | head -1)" "^articles ([0-9]*(00|25|50|75)|1200),"
    expect_exit 0 "pg: after the kill, ingest again" -- "$SITREP" ingest --db "$pgk" --coded "$work/many.jsonl"
    same_keys "pg: killed and resumed = uninterrupted" "$work/many.db" "$pgk"

    # --- the dashboard's API served from PostgreSQL
    if command -v curl >/dev/null 2>&1; then
        "$SITREP" serve --db "$pg1" --port 0 --threads 2 2>"$work/pgserve.err" &
        spid=$!
        scale_pids=$spid
        sport=$(serving_port "$work/pgserve.err" "$spid")
        api=$(curl -s "http://127.0.0.1:$sport/api/events?cameo=02&limit=3")
        expect_match "pg serve: events" "$api" '"cameo":"02[0-9]"'
        api=$(curl -s "http://127.0.0.1:$sport/api/search?q=convoy&limit=2")
        expect_match "pg serve: search" "$api" 'convoy'
        api=$(curl -s "http://127.0.0.1:$sport/api/timeline?since=2015-01-01")
        expect_match "pg serve: timeline" "$api" '"2015-01-[0-9][0-9]"'
        kill -TERM "$spid" 2>/dev/null
        wait "$spid" 2>/dev/null
        scale_pids=
        expect_match "pg serve: stops cleanly" "$(cat "$work/pgserve.err")" "stopped on SIGTERM"
    fi

    . "$here/scale_dask.sh"
    scale_stop
fi
trap 'chmod -R u+rwx "$work" 2>/dev/null; rm -rf "$work"' EXIT
