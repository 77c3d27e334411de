# scale_dask.sh - part of test_scale.sh (sourced inside it, with a PostgreSQL server up): a Dask
# scheduler and two workers on loopback code generated articles in 8 shards with
# `sitrep code --shard I/N | sitrep ingest --db URL --coded -` (tools/sitrep_dask.py, the
# recipe of docs/scale.md), all writing to PostgreSQL at once. The store must equal one process
# coding and ingesting the same input into SQLite, also when a worker is killed with -9 in
# the middle of a shard and Dask runs that shard again on the other worker.
dask_sched=$(command -v dask-scheduler 2>/dev/null)
dask_worker=$(command -v dask-worker 2>/dev/null)
if [ -z "$dask_sched" ] || [ -z "$dask_worker" ] || ! "$python" -c 'import distributed' 2>/dev/null; then
    echo "cli: SKIP Dask tests: python3-distributed is not installed (apt-get install python3-distributed)"
else
    dask_dir=$work/dask
    mkdir -p "$dask_dir"
    dask_groups=
    # dask_up: a scheduler and two single-thread workers, each in its own process group
    dask_up() {
        rm -f "$dask_dir/scheduler.json"
        setsid "$dask_sched" --host 127.0.0.1 --port 0 --no-dashboard \
            --scheduler-file "$dask_dir/scheduler.json" >"$dask_dir/scheduler.log" 2>&1 &
        dask_groups="$!"
        for _ in $(seq 1 300); do [ -s "$dask_dir/scheduler.json" ] && break; sleep 0.1; done
        for n in 1 2; do
            setsid "$dask_worker" --scheduler-file "$dask_dir/scheduler.json" --nthreads 1 \
                --no-nanny --host 127.0.0.1 --no-dashboard --local-directory "$dask_dir/w$n" \
                >"$dask_dir/worker$n.log" 2>&1 &
            dask_groups="$dask_groups $!"
        done
        dask_worker1=$(echo "$dask_groups" | cut -d' ' -f2)
        scale_pids="$scale_pids $dask_groups"
    }
    dask_down() {
        for g in $dask_groups; do /bin/kill -s KILL -- "-$g" 2>/dev/null; kill -9 "$g" 2>/dev/null; done
        for g in $dask_groups; do wait "$g" 2>/dev/null; done
        dask_groups=
    }
    dask_run() { # dask_run DB: codes and stores news.jsonl in 8 shards
        "$python" "$here/../../tools/sitrep_dask.py" --scheduler-file "$dask_dir/scheduler.json" \
            --db "$1" --shards 8 --batch 20 --sitrep "$SITREP" --dict "$SITREP_DATA" \
            "$work/news.jsonl"
    }
    "$scale_corpus" ${DASK_MB:-3} "$work/news.jsonl" "$work/news.txt" >/dev/null
    "$SITREP" code "$work/news.jsonl" 2>/dev/null | "$SITREP" ingest --db "$work/news.db" --coded - 2>/dev/null
    expect_match "dask: reference events" "$("$SITREP" stats --db "$work/news.db" | head -1)" "events [1-9][0-9]{2,}"

    dask_up
    pgd=$(pg_createdb dask)
    expect_exit 0 "dask: 8 shards on two workers" -- dask_run "$pgd"
    expect_match "dask: every shard stored" "$out" "8 of 8 shards stored"
    same_keys "dask + PostgreSQL = one process + SQLite" "$work/news.db" "$pgd"
    expect_exit 0 "dask: check" -- "$SITREP" stats --db "$pgd" --check
    expect_eq "dask: totals" "$(printf '%s\n' "$out" | head -1)" "$("$SITREP" stats --db "$work/news.db" | head -1)"

    # kill -9 worker 1 (with the sitrep processes it runs) while it stores a shard
    pgk=$(pg_createdb daskkill)
    dask_run "$pgk" >"$dask_dir/run2.out" 2>"$dask_dir/run2.err" &
    client=$!
    killed=no
    for _ in $(seq 1 3000); do # 5 minutes at most
        if pgrep -g "$dask_worker1" -f "sitrep ingest" >/dev/null 2>&1; then
            # kill once both workers have committed some batches (of 20): wait for 100 of the
            # shards' ~270 articles each to be stored, by progress rather than by a timer (a
            # sanitizer build or a busy machine codes several times slower)
            for _ in $(seq 1 1200); do # 2 minutes at most
                stored=$("$SITREP" stats --db "$pgk" 2>/dev/null | sed -n 's/^articles \([0-9]*\),.*/\1/p')
                [ "${stored:-0}" -ge 100 ] && break
                kill -0 "$client" 2>/dev/null || break
                sleep 0.1
            done
            /bin/kill -s KILL -- "-$dask_worker1" 2>/dev/null && killed=yes
            break
        fi
        kill -0 "$client" 2>/dev/null || break
        sleep 0.1
    done
    wait "$client"
    client_rc=$?
    expect_eq "dask: a worker was killed mid-shard" "$killed" "yes"
    expect_eq "dask: the client finishes after the kill" "$client_rc" "0"
    expect_match "dask: the lost shard ran again" "$(cat "$dask_dir/run2.out")" "8 of 8 shards stored"
    # that the retry skips what the killed try committed can only be seen when the kill came
    # after a commit: a sanitizer build on a busy machine may not have committed any yet
    if [ -n "${SANITIZED:-}" ] &&
        ! grep -Eq "stored, [1-9][0-9]* already there" "$dask_dir/run2.out"; then
        echo "cli: SKIP dask: the killed try had committed nothing yet (sanitizer build, slow);" \
            "the plain run checks that a retry skips committed batches"
    else
        expect_match "dask: the killed try had stored batches" "$(cat "$dask_dir/run2.out")" \
            "stored, [1-9][0-9]* already there"
    fi
    same_keys "dask: killed worker, retried shard = one process + SQLite" "$work/news.db" "$pgk"
    expect_exit 0 "dask: check after the kill" -- "$SITREP" stats --db "$pgk" --check
    dask_down
fi
