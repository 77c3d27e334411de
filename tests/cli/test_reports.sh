# test_reports.sh - short reports of armed clashes, air strikes, grenade and suicide attacks,
# abductions, arrests, protests and crackdowns (tests/data/reports/short-reports.txt, 50
# sentences of our own wording, one per line): a CAMEO coder should find in each at least one
# event of a fitting root (14 protest, 15 force posture, 17 coercion, 18 assault, 19 fight,
# 20 mass violence). Fails below 45 of 50 and names the ones missed. Sourced by
# tests/cli/run.sh.
reports=$here/../data/reports/short-reports.txt
awk '{ gsub(/\\/, "\\\\"); gsub(/"/, "\\\""); printf "{\"id\":\"r%02d\",\"text\":\"%s\",\"published\":\"2025-03-01\"}\n", NR, $0 }' \
    "$reports" >"$work/reports.jsonl"
expect_exit 0 "short reports: coded" -- "$SITREP" code "$work/reports.jsonl"
printf '%s\n' "$out" >"$work/reports-out.jsonl"
total=$(wc -l <"$reports")
found=$(grep -c '"root":"\(1[45789]\|20\)"' "$work/reports-out.jsonl")
missed=$(grep -v '"root":"\(1[45789]\|20\)"' "$work/reports-out.jsonl" | sed -n 's/^{"id":"\(r[0-9]*\)".*/\1/p' | tr '\n' ' ')
expect_eq "short reports: 50 sentences" "$total" "50"
expect_match "short reports: an event of a fitting root in at least 45 of 50 (missed: $missed)" \
    "$found" "^(4[5-9]|50)$"
