#!/bin/sh
# plover.sh - scores the event coder on the PLOVER gold-standard records
# ($PEERS/PLOVER/PLOVER_GSR_CAMEO.txt: 322 events marked up on the CAMEO manual's example
# sentences, wire text of many years and regions). A second, independent check of event coding
# beside events.sh: (source country, target country, PLOVER event type) per record, with our
# own dictionaries; the gold markup is never given to sitrep.
gsr=$PEERS/PLOVER/PLOVER_GSR_CAMEO.txt
if [ ! -f "$gsr" ]; then
    echo "SKIP plover: $gsr is absent"
    exit 0
fi
build=$(dirname "$SITREP")
out=$build/accuracy/plover
mkdir -p "$out"
"$build/tools/plover_gold" "$gsr" "$out/input.jsonl" "$out/gold.tsv" || exit 1
"$SITREP" code --input jsonl "$out/input.jsonl" >"$out/output.jsonl" 2>"$out/stderr.txt"
"$build/tools/score_events" --plover "$out/gold.tsv" "$out/output.jsonl" | sed 's/^events/plover/'
