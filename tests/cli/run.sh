#!/bin/sh
# run.sh - CLI tests: runs every tests/cli/test_*.sh against the binary given, as a user would.
# Usage: tests/cli/run.sh build/sitrep   (JSONQ names the jsonq test tool)
SITREP=${1:-build/sitrep}
JSONQ=${JSONQ:-build/tests/jsonq}
HTTPPROBE=${HTTPPROBE:-build/tests/httpprobe}
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'chmod -R u+rwx "$work" 2>/dev/null; rm -rf "$work"' EXIT
export SITREP_DATA=${SITREP_DATA:-$here/../../data}
export SITREP_TODAY=2026-11-26 # articles without a date code the same on any day
. "$here/lib.sh"
for t in "$here"/test_*.sh; do
    . "$t"
done
finish
