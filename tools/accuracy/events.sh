#!/bin/sh
# events.sh - scores the event coder on PETRARCH-2's validation sentences
# ($PEERS/UniversalPetrarch/PETR2_GSR_validation.xml: real wire sentences with gold CAMEO
# events). Only each record's raw <Text> and date are given to sitrep (never the parse); our
# own dictionaries code them; tools/score_events compares (source country, target country,
# root) and (source country, target country, code) sets per sentence.
xml=$PEERS/UniversalPetrarch/PETR2_GSR_validation.xml
if [ ! -f "$xml" ]; then
    echo "SKIP events: $xml is absent"
    exit 0
fi
build=$(dirname "$SITREP")
out=$build/accuracy/events
mkdir -p "$out"
# one JSON line per sentence ({"id","published","text"}) and one gold line per event
# (ID<TAB>CODE<TAB>SOURCE<TAB>TARGET; "ID<TAB>-" for a sentence with no events)
awk -v jsonl="$out/input.jsonl" -v gold="$out/gold.tsv" '
function attr(s, name,   m) {
    if (match(s, name "=\"[^\"]*\"")) { m = substr(s, RSTART, RLENGTH); sub(/^[^"]*"/, "", m); sub(/"$/, "", m); return m }
    return ""
}
function esc(s) { gsub(/\\/, "\\\\", s); gsub(/"/, "\\\"", s); gsub(/\t/, " ", s); return s }
/<Sentence / { id = attr($0, "id"); date = attr($0, "date"); intext = 0; text = ""; n = 0; next }
/<EventCoding / {
    if ($0 ~ /noevents/) { print id "\t-" > gold; next }
    print id "\t" attr($0, "eventcode") "\t" attr($0, "sourcecode") "\t" attr($0, "targetcode") > gold
    next
}
/<Text>/ { intext = 1; next }
/<\/Text>/ {
    intext = 0
    gsub(/^[ \t]+|[ \t]+$/, "", text)
    pub = substr(date, 1, 4) "-" substr(date, 5, 2) "-" substr(date, 7, 2)
    printf "{\"id\":\"%s\",\"published\":\"%s\",\"text\":\"%s\"}\n", esc(id), pub, esc(text) > jsonl
    next
}
intext { line = $0; gsub(/^[ \t]+|[ \t]+$/, "", line); text = text (text == "" ? "" : " ") line }
' "$xml"
"$SITREP" code --input jsonl "$out/input.jsonl" >"$out/output.jsonl" 2>"$out/stderr.txt"
"$build/tools/score_events" "$out/gold.tsv" "$out/output.jsonl"
