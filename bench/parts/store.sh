#!/bin/sh
# store.sh - the event store's speed: storing coded articles (sitrep ingest --coded, one
# core) and indexed queries on a database of at least a million events.
# Gets $SITREP and $BENCH_TMP from bench/run.sh; uses bench/gen_coded (BENCH_TOOLS).
# STORE_ARTICLES (default 100000) x 10 events makes the big database; it is kept in
# $BENCH_TMP and reused while it has at least a million events.
set -e
sitrep=${SITREP:-build/sitrep}
tmp=${BENCH_TMP:-build/bench-data}
gen=$(dirname "$sitrep")/bench/gen_coded
mkdir -p "$tmp"

now() { date +%s%N; }
cpu() { awk '{ print $14 + $15 + $16 + $17 }' /proc/$1/stat 2>/dev/null; }

# ingest NAME ARTICLES EVENTS_PER_ARTICLE: wall and CPU articles/s into a fresh database
ingest() {
    "$gen" "$2" "$3" 42 >"$tmp/coded-$1.jsonl"
    rm -f "$tmp/store-$1.db" "$tmp/store-$1.db-wal" "$tmp/store-$1.db-shm"
    start=$(now)
    /usr/bin/time -f '%U %S' -o "$tmp/time-$1" "$sitrep" ingest --db "$tmp/store-$1.db" --coded \
        "$tmp/coded-$1.jsonl" 2>/dev/null
    end=$(now)
    awk -v n="$1" -v a="$2" -v e="$3" -v w="$(( (end - start) / 1000000 ))" \
        -v c="$(awk '{ print ($1 + $2) * 1000 }' "$tmp/time-$1")" \
        -v b="$(wc -c <"$tmp/coded-$1.jsonl")" 'BEGIN {
        printf "store: ingest --coded %-22s %6d articles (%d events each, %.0f MB): %6.0f articles/s wall, %6.0f articles/s CPU (%.2f s wall, %.2f s CPU)\n",
               n, a, e, b / 1e6, a / (w / 1000), a / (c / 1000), w / 1000, c / 1000 }'
    rm -f "$tmp/coded-$1.jsonl"
}
if [ -x /usr/bin/time ]; then
    ingest "small (4 events)" 20000 4
    ingest "dense (10 events)" 10000 10
else
    echo "store: SKIP ingest timings: /usr/bin/time is absent (apt-get install time)"
fi

db=$tmp/store-1m.db
. "$(dirname "$0")/../bigdb.sh"
SITREP=$sitrep bigdb_ensure "$db" | sed 's/^bench: /store: /'
"$sitrep" stats --db "$db" --top 1 | head -1 | sed 's/^/store: database: /'
ls -l "$db" | awk '{ printf "store: database size %.0f MB\n", $5 / 1e6 }'

# q DESCRIPTION OPTIONS...: best of three runs of `sitrep query --limit 100`, process start
# included
q() {
    what=$1; shift
    best=999999
    for _ in 1 2 3; do
        start=$(now)
        "$sitrep" query --db "$db" --format json --limit 100 "$@" >"$tmp/q.out"
        end=$(now)
        ms=$(( (end - start) / 1000000 ))
        [ "$ms" -lt "$best" ] && best=$ms
    done
    printf 'store: query %-44s %4d ms  (%d rows)\n' "$what" "$best" "$(wc -l <"$tmp/q.out")"
}
bigdb_queries q
