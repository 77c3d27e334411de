#!/bin/sh
# store_pg.sh - the PostgreSQL store's speed, against a server this script starts on loopback
# (tests/tools/pg.sh; default settings, fsync on): `ingest --coded` rate with 1, 2 and 4
# writers at once (wall, and per CPU-second of sitrep and the server together), then query
# latency on a million events in both back ends (the same queries as store.sh; the SQLite
# database is bench/bigdb.sh's). Gets $SITREP and $BENCH_TMP from bench/run.sh.
# PG_ARTICLES (default 20000) articles x 4 events for the ingest runs; STORE_ARTICLES as in
# bigdb.sh for the million events (PG_WRITERS writers build it, default 2).
set -e
sitrep=${SITREP:-build/sitrep}
tmp=${BENCH_TMP:-build/bench-data}
here=$(cd "$(dirname "$0")" && pwd)
gen=$(dirname "$sitrep")/bench/gen_coded
n=${PG_ARTICLES:-20000}
mkdir -p "$tmp"
. "$here/../../tests/tools/pg.sh"
if ! pg_start; then
    echo "store_pg: SKIP: $PG_WHY"
    exit 0
fi
trap 'pg_stop' EXIT INT TERM
pm=$(head -1 "$PG_DIR/data/postmaster.pid")
echo "store_pg: PostgreSQL $("$pg_bin/postgres" --version | awk '{ print $3 }') on 127.0.0.1:$PG_PORT, default settings"
# CPU seconds of the server so far (its own and its ended backends'), in clock ticks
server_ticks() { awk '{ print $14 + $15 + $16 + $17 }' "/proc/$pm/stat"; }
now() { date +%s%N; }

"$gen" "$n" 4 42 >"$tmp/pg-coded.jsonl"
for writers in 1 2 4; do
    db=$(pg_createdb "ingest$writers")
    for w in $(seq 0 $((writers - 1))); do
        awk -v w="$w" -v k="$writers" 'NR % k == w' "$tmp/pg-coded.jsonl" >"$tmp/pg-part-$w.jsonl"
    done
    s0=$(server_ticks)
    start=$(now)
    pids=
    for w in $(seq 0 $((writers - 1))); do
        /usr/bin/time -f '%U %S' -o "$tmp/pg-time-$w" "$sitrep" ingest --db "$db" --coded \
            "$tmp/pg-part-$w.jsonl" 2>/dev/null &
        pids="$pids $!"
    done
    for pid in $pids; do wait "$pid"; done
    end=$(now)
    s1=$(server_ticks)
    client=$(cat "$tmp"/pg-time-* | awk '{ s += $1 + $2 } END { print s }')
    "$sitrep" stats --db "$db" --check | tail -1 | grep -q 'check: ok' || echo "store_pg: CHECK FAILED ($writers writers)"
    awk -v k="$writers" -v a="$n" -v w="$(( (end - start) / 1000000 ))" -v c="$client" \
        -v s="$(( s1 - s0 ))" -v hz="$(getconf CLK_TCK)" 'BEGIN {
        cpu = c + s / hz
        printf "store_pg: ingest --coded, %d writer(s), %d articles x 4 events: %6.0f articles/s wall, %6.0f articles/s per CPU-second (%.2f s wall; CPU %.2f s sitrep + %.2f s server)\n",
               k, a, a / (w / 1000), a / cpu, w / 1000, c, s / hz }'
    rm -f "$tmp"/pg-part-*.jsonl "$tmp"/pg-time-*
done
rm -f "$tmp/pg-coded.jsonl"

# a million events: the same generated articles as the SQLite database of bigdb.sh
big=$(pg_createdb big)
big_n=${STORE_ARTICLES:-100100}
writers=${PG_WRITERS:-2}
start=$(now)
pids=
for w in $(seq 0 $((writers - 1))); do
    "$gen" "$big_n" 10 7 | awk -v w="$w" -v k="$writers" 'NR % k == w' |
        "$sitrep" ingest --db "$big" --coded - 2>/dev/null &
    pids="$pids $!"
done
for pid in $pids; do wait "$pid"; done
end=$(now)
echo "store_pg: built the million-event store with $writers writers in $(( (end - start) / 1000000000 )) s"
"$sitrep" stats --db "$big" --top 1 | head -1 | sed 's/^/store_pg: database: /'
"$pg_bin/psql" -At "$big" -c "SELECT pg_size_pretty(pg_database_size('big'))" | sed 's/^/store_pg: database size /'
sqlite_db=$tmp/store-1m.db
. "$here/../bigdb.sh"
SITREP=$sitrep bigdb_ensure "$sqlite_db" | sed 's/^bench: /store_pg: /'

# q DESCRIPTION OPTIONS...: best of three `sitrep query --limit 100`, process start included,
# SQLite then PostgreSQL
q() {
    what=$1; shift
    line=$(printf '%-44s' "$what")
    for db in "$sqlite_db" "$big"; do
        best=999999
        for _ in 1 2 3; do
            start=$(now)
            "$sitrep" query --db "$db" --format json --limit 100 "$@" >"$tmp/q.out"
            end=$(now)
            ms=$(( (end - start) / 1000000 ))
            [ "$ms" -lt "$best" ] && best=$ms
        done
        line="$line $(printf '%5d ms (%3d rows)' "$best" "$(wc -l <"$tmp/q.out")")"
    done
    echo "store_pg: query $line"
}
echo "store_pg: query (best of 3, process start included)           SQLite               PostgreSQL"
bigdb_queries q
