#!/bin/sh
# run-unit.sh - runs every cmocka unit test binary given; fails when any fails.
status=0
for t in "$@"; do
    "$t" || status=1
done
exit $status
