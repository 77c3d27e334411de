# bigdb.sh - sourced by bench/parts/store.sh, serve.sh and soak.sh: bigdb_ensure DB makes sure DB holds
# at least a million events, else stores STORE_ARTICLES (default 100100) generated articles x
# 10 events (bench/gen_coded, seed 7) in it: a few of the 10 events per article merge, so
# 100,000 articles give 999,986. Articles already there are skipped (ingest is idempotent), so
# an older, smaller database is topped up rather than rebuilt. Needs $SITREP.
bigdb_ensure() {
    big_db=$1
    big_n=${STORE_ARTICLES:-100100}
    big_gen=$(dirname "$SITREP")/bench/gen_coded
    big_events=$("$SITREP" stats --db "$big_db" 2>/dev/null | sed -n 's/.*events \([0-9]*\) .*/\1/p' | head -1)
    if [ "${big_events:-0}" -lt 1000000 ]; then
        echo "bench: storing $big_n generated articles x 10 events in $big_db (${big_events:-0} events there)"
        big_start=$(date +%s%N)
        "$big_gen" "$big_n" 10 7 | "$SITREP" ingest --db "$big_db" --coded - 2>/dev/null
        big_end=$(date +%s%N)
        echo "bench: built in $(( (big_end - big_start) / 1000000 )) ms ($(( big_n * 1000000000 / (big_end - big_start) )) articles/s wall)"
    fi
}

# bigdb_queries FN: calls FN DESCRIPTION QUERY-OPTIONS... for each of the benchmark's 14
# queries on the big database (store.sh and store_pg.sh time them).
bigdb_queries() {
    "$1" "newest events (no filter)"
    "$1" "--actor RUS" --actor RUS
    "$1" "--source USAMIL --since 2020 --until 2020" --source USAMIL --since 2020 --until 2020
    "$1" "--target ISRGOV" --target ISRGOV
    "$1" "--cameo 19" --cameo 19
    "$1" "--root 14 --country UKR" --root 14 --country UKR
    "$1" "--plover assault" --plover assault
    "$1" "--modality negated" --modality negated
    "$1" "--attribution document" --attribution document
    "$1" "--since 2024-06-01 --until 2024-06-30" --since 2024-06-01 --until 2024-06-30
    "$1" "--text 'convoy drone' (in ~15% of sentences)" --text 'convoy drone'
    "$1" "--text 'article 4242' (one article)" --text 'article 4242'
    "$1" "--actor IRN --target ISR --cameo 19" --actor IRN --target ISR --cameo 19
    "$1" "--actor PRKGOV --since 2016 --until 2016 (rare)" --actor PRKGOV --since 2016 --until 2016

# bench_serve DB LOG OPTIONS...: starts `sitrep serve --db DB --port 0 OPTIONS...` in the
# background with its stderr in LOG, sets $pid and $port and a trap that stops it; exits with
# a message when it does not start.
bench_serve() {
    serve_db=$1
    serve_log=$2
    shift 2
    : >"$serve_log"
    "$SITREP" serve --db "$serve_db" --port 0 "$@" 2>>"$serve_log" &
    pid=$!
    trap 'kill -TERM $pid 2>/dev/null; wait $pid 2>/dev/null' EXIT
    port=""
    for _ in $(seq 1 100); do
        port=$(sed -n 's/^sitrep: serving http:\/\/127\.0\.0\.1:\([0-9]*\)\/.*/\1/p' "$serve_log")
        [ -n "$port" ] && break
        sleep 0.1
    done
    [ -n "$port" ] || { echo "bench: the server did not start: $(cat "$serve_log")"; exit 1; }
}
