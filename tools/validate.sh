#!/bin/sh
# validate.sh - `make validate`: the peers' functional validation suites, each coded from raw
# sentence text with its own TABARI or PETRARCH dictionaries (tools/validate.c); prints per
# category correct/missed/extra and one closing line per suite. A suite whose files are absent
# (../shared/peers) is skipped with a visible SKIP line. VALIDATE_VERBOSE=1 lists each miss.
build=$(dirname "${1:-build/sitrep}")
here=$(cd "$(dirname "$0")" && pwd)
PEERS="${PEERS:-$here/../../shared/peers}"
export SITREP_DATA="${SITREP_DATA:-$here/../data}"
flag=
[ -n "$VALIDATE_VERBOSE" ] && flag=-v
status=0
run() { # SUITE FORMAT FILE
    if [ ! -f "$3" ]; then
        echo "SKIP validate $1: $3 is absent"
        return
    fi
    echo "== validate: $1 ($3)"
    "$build/tools/validate" $flag "$1" "$2" "$3" || status=1
}
run petrarch2 petrarch "$PEERS/petrarch2/PETR.UnitTest.records.xml"
run universal-petrarch petrarch "$PEERS/UniversalPetrarch/PETR_Validate_records_2_02.xml"
run tabari tabari "$PEERS/TABARI-Code/Validate.project"
exit $status
