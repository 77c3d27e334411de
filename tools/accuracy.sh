#!/bin/sh
# accuracy.sh - `make accuracy`: runs every tools/accuracy/*.sh with the binary given.
# Each part scores one capability against the data in ../shared/peers and prints its figures;
# a part whose data is absent prints "SKIP ..." and succeeds.
sitrep=${1:-build/sitrep}
here=$(cd "$(dirname "$0")" && pwd)
export SITREP="$sitrep"
export PEERS="${PEERS:-$here/../../shared/peers}"
status=0
found=0
for part in "$here"/accuracy/*.sh; do
    [ -f "$part" ] || continue
    found=1
    echo "== accuracy: $(basename "$part" .sh)"
    sh "$part" || status=1
done
[ "$found" = 1 ] || echo "accuracy: nothing to score yet"
exit $status
