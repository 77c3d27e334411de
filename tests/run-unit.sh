#!/bin/sh
# run-unit.sh - runs every cmocka unit test binary given; fails when any fails. Starts a
# throwaway PostgreSQL server on loopback for the store's tests ($SITREP_TEST_PG), or says
# why those tests skip.
here=$(cd "$(dirname "$0")" && pwd)
. "$here/tools/pg.sh"
if [ -z "${SITREP_TEST_PG:-}" ]; then
    if pg_start; then
        export SITREP_TEST_PG="$PG_URL"
        trap 'pg_stop' EXIT INT TERM
    else
        echo "unit: SKIP the PostgreSQL store's unit tests: $PG_WHY"
    fi
fi
status=0
for t in "$@"; do
    "$t" || status=1
done
exit $status
