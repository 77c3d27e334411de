#!/bin/sh
# soak.sh - `sitrep serve` held under attack (issue 19): SOAK_SECONDS (default 600) of four
# well-behaved clients (keep-alive, a request every 20 ms from 127.0.0.1: event pages,
# filters, search, dashboard files) among hostile ones from 127.0.0.2 (100 slowloris
# connections, requests of 700 empty parameters, 40 KB headers, wrong Host, duplicate
# Content-Length, bodies, TLS bytes, traversal, 750 parameters, clients that leave before
# their answer, bursts of 150 idle connections), on loopback only, against the million-event
# database of bench/bigdb.sh with the server's default limits. Reports the server's RSS at
# start, after the first minute (warm: caches filled) and at the end, the well-behaved
# clients' p50/p99 latency, and how many of their requests were refused. Gets $SITREP and
# $BENCH_TMP from bench/run.sh; tests/tools/httpprobe.c is the client.
set -e
sitrep=${SITREP:-build/sitrep}
build=$(dirname "$sitrep")
tmp=${BENCH_TMP:-build/bench-data}
here=$(cd "$(dirname "$0")" && pwd)
seconds=${SOAK_SECONDS:-600}
probe=$build/tests/httpprobe
mkdir -p "$tmp"
[ -x "$probe" ] || { echo "soak: SKIP: no $probe (make $probe)"; exit 0; }
db=$tmp/store-1m.db
. "$here/../bigdb.sh"
SITREP=$sitrep bigdb_ensure "$db" | sed 's/^bench: /soak: /'
ulimit -n 8192 2>/dev/null || ulimit -n "$(ulimit -H -n)" 2>/dev/null || true

SITREP=$sitrep bench_serve "$db" "$tmp/soak.err"
echo "soak: sitrep serve (default limits) on $db; ${seconds}s of 4 well-behaved clients among hostile ones"
"$probe" soak 127.0.0.1 "$port" "$seconds" "$pid" 127.0.0.2 >"$tmp/soak.out" 2>"$tmp/soak.probe.err"
line=$(cat "$tmp/soak.out")
echo "soak: $line"
value() { printf '%s\n' "$line" | sed -n "s/.*$1 \\([-0-9]*\\).*/\\1/p"; }
start=$(value rss_start_kb)
warm=$(value rss_warm_kb)
end=$(value rss_end_kb)
refused=$(value good_refused)
awk -v s="$start" -v w="$warm" -v e="$end" -v r="$refused" -v p="$(value p99_ms)" 'BEGIN {
    growth = (e - w) * 100.0 / w
    printf "soak: RSS %.1f MB at start, %.1f MB warm (1 min), %.1f MB at the end (%+.1f%% since warm: %s); well-behaved p99 %s ms; refused well-behaved requests: %d\n",
           s / 1024, w / 1024, e / 1024, growth, (growth < 10 && growth > -10) ? "flat" : "NOT FLAT", p, r }'
not_json=$(grep -c 'not a JSON error' "$tmp/soak.probe.err" || true)
echo "soak: answers to hostile requests that were not JSON errors: $not_json"
grep -m 3 'well-behaved request got' "$tmp/soak.probe.err" | sed 's/^httpprobe: /soak: /' || true
kill -TERM $pid
wait $pid || true
trap - EXIT
tail -1 "$tmp/soak.err" | sed 's/^sitrep: /soak: server: /'
