#!/bin/sh
# serve.sh - `sitrep serve` under load: wrk (Debian's, installed here when missing) on
# loopback against /api/events on the million-event database of store.sh (bench/bigdb.sh),
# 1,000 concurrent connections: requests/s, latency percentiles, errors, and the server's
# peak RSS against its --memory-limit. Gets $SITREP and $BENCH_TMP from bench/run.sh.
# SERVE_SECONDS (default 20) per run; SERVE_THREADS (default 4) server threads.
set -e
sitrep=${SITREP:-build/sitrep}
tmp=${BENCH_TMP:-build/bench-data}
here=$(cd "$(dirname "$0")" && pwd)
seconds=${SERVE_SECONDS:-20}
threads=${SERVE_THREADS:-4}
limit_mb=256
conns=1000
mkdir -p "$tmp"
if ! command -v wrk >/dev/null 2>&1; then
    "$here/../../tools/deps.sh" wrk >/dev/null 2>&1 || true
fi
if ! command -v wrk >/dev/null 2>&1; then
    echo "serve: SKIP load test: wrk is not installed (apt-get install wrk)"
    exit 0
fi
db=$tmp/store-1m.db
. "$here/../bigdb.sh"
SITREP=$sitrep bigdb_ensure "$db" | sed 's/^bench: /serve: /'
"$sitrep" stats --db "$db" --top 1 | head -1 | sed 's/^/serve: database: /'
# wrk and the server each hold 1,000 sockets
ulimit -n 8192 2>/dev/null || ulimit -n "$(ulimit -H -n)" 2>/dev/null || true

SITREP=$sitrep bench_serve "$db" "$tmp/serve.err" --threads "$threads" \
    --max-connections $((conns + 100)) --max-per-address $((conns + 100)) --memory-limit $limit_mb
echo "serve: sitrep serve --threads $threads --max-connections $((conns + 100)) --memory-limit $limit_mb; wrk 2 threads, ${seconds}s per run, /api/events"
base=http://127.0.0.1:$port
# warm the page cache the way a user's first look would
for _ in 1 2 3; do curl -s -o /dev/null "$base/api/events?limit=50" || true; done

# A mix of the dashboard's event queries: filters of each kind, pages 1-3.
cat >"$tmp/serve-mix.lua" <<'LUA'
local paths = {
  "/api/events?limit=50",
  "/api/events?limit=50&offset=50",
  "/api/events?actor=RUS&limit=50",
  "/api/events?target=ISRGOV&limit=50",
  "/api/events?cameo=19&limit=50",
  "/api/events?root=14&country=UKR&limit=50",
  "/api/events?plover=assault&limit=50",
  "/api/events?modality=negated&limit=50",
  "/api/events?attribution=document&limit=50",
  "/api/events?since=2024-06-01&until=2024-06-30&limit=50",
  "/api/events?source=USAMIL&since=2020&until=2020&limit=50&offset=100",
  "/api/events?actor=IRN&target=ISR&cameo=19&limit=50",
}
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", paths[(i % #paths) + 1])
end
LUA

# load NAME CONNECTIONS URL [SCRIPT]: one wrk run; prints requests/s, latencies, errors
load() {
    name=$1; c=$2; url=$3; script=$4
    # wait until the server is idle (requests of a previous run's clients are dropped)
    for _ in $(seq 1 60); do
        t=$(curl -s -o /dev/null -w '%{time_total}' "$base/api/events?limit=1" 2>/dev/null || echo 9)
        awk -v t="$t" 'BEGIN { exit !(t < 0.2) }' && break
        sleep 1
    done
    if [ -n "$script" ]; then
        wrk -t2 -c"$c" -d"${seconds}s" --timeout 30s --latency -s "$script" "$url" >"$tmp/wrk.out" 2>&1 || true
    else
        wrk -t2 -c"$c" -d"${seconds}s" --timeout 30s --latency "$url" >"$tmp/wrk.out" 2>&1 || true
    fi
    awk -v n="$name" '
        /Requests\/sec/ { rps = $2 }
        /^ +50%/ { p50 = $2 } /^ +90%/ { p90 = $2 } /^ +99%/ { p99 = $2 }
        /requests in/ { total = $1 }
        /Non-2xx/ { non2xx = $NF }
        /Socket errors/ { sock = $0; sub(/.*Socket errors: /, "", sock) }
        END {
            printf "serve: %-38s %8.0f requests/s  p50 %s  p90 %s  p99 %s  (%s requests, non-2xx %d, socket errors: %s)\n",
                   n, rps, p50, p90, p99, total, non2xx + 0, sock == "" ? "none" : sock }' "$tmp/wrk.out"
}
# few connections first: the latency of one request when little queues
load "newest 50, 8 connections" 8 "$base/api/events?limit=50"
load "12 filters in turn, 8 connections" 8 "$base/" "$tmp/serve-mix.lua"
load "newest 50, $conns connections" $conns "$base/api/events?limit=50"
load "12 filters in turn, $conns connections" $conns "$base/" "$tmp/serve-mix.lua"
hwm=$(awk '/VmHWM/ { print $2 }' /proc/$pid/status)
threads_now=$(awk '/Threads/ { print $2 }' /proc/$pid/status)
echo "serve: peak RSS $((hwm / 1024)) MB of the $limit_mb MB limit ($threads_now threads)"
kill -TERM $pid
wait $pid || true
trap - EXIT
tail -1 "$tmp/serve.err" | sed 's/^sitrep: /serve: server: /'
