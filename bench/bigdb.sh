# bigdb.sh - sourced by bench/parts/store.sh and serve.sh: bigdb_ensure DB makes sure DB holds
# at least a million events, else builds it from STORE_ARTICLES (default 100000) generated
# articles x 10 events (bench/gen_coded, seed 7). Needs $SITREP; prints what it did.
bigdb_ensure() {
    big_db=$1
    big_n=${STORE_ARTICLES:-100000}
    big_gen=$(dirname "$SITREP")/bench/gen_coded
    big_events=$("$SITREP" stats --db "$big_db" 2>/dev/null | sed -n 's/.*events \([0-9]*\) .*/\1/p' | head -1)
    if [ "${big_events:-0}" -lt 1000000 ]; then
        echo "bench: building $big_db from $big_n generated articles x 10 events"
        rm -f "$big_db" "$big_db-wal" "$big_db-shm"
        big_start=$(date +%s%N)
        "$big_gen" "$big_n" 10 7 | "$SITREP" ingest --db "$big_db" --coded - 2>/dev/null
        big_end=$(date +%s%N)
        echo "bench: built in $(( (big_end - big_start) / 1000000 )) ms ($(( big_n * 1000000000 / (big_end - big_start) )) articles/s wall)"
    fi
}
