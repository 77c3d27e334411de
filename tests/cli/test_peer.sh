# test_peer.sh - `sitrep code|explain --dict-format tabari|petrarch` with small dictionaries
# written here in each format (docs/peer-dictionaries.md). Sourced by tests/cli/run.sh.
cat >"$work/p.verbs" <<'X'
<!-- a PETRARCH verbs dictionary -->
&TIES_
+DIPLOMATIC TIES
+RELATIONS

--- RESTORE [064] ---
RESTORE
RENEW {RENEWS RENEWED}
- * &TIES (WITH +) [065]
--- VISIT [042:043] ---
VISIT
X
cat >"$work/p.actors" <<'X'
<!-- actors -->
ARNOR_ [ARN]
GONDOR_ [GON]
+MINAS_TIRITH
ROMENDACIL [ARNGOV 950101-991231] [ARN]
X
cat >"$work/p.agents" <<'X'
!PERSON! = MAN, MEN
AMBASSADOR [~GOV]
CONGRESS!PERSON! [~LEG]
X
printf 'SOCCER MATCH\n' >"$work/p.discards"
peer="--dict-format petrarch --verbs $work/p.verbs --actors $work/p.actors --agents $work/p.agents --discards $work/p.discards"
printf '%s\n\n%s\n\n%s\n' 'Arnor restored diplomatic ties with Gondor on Monday.' \
    'Romendacil visited Minas Tirith.' \
    'Arnor renewed relations with Gondor after the soccer match.' >"$work/peer.txt"
# shellcheck disable=SC2086
expect_exit 0 "peer: code with PETRARCH dictionaries" -- "$SITREP" code --no-chrome --published 1996-03-01 $peer "$work/peer.txt"
printf '%s' "$out" >"$work/peer.json"
expect_eq "peer: three events" "$("$JSONQ" events.length <"$work/peer.json")" "3"
expect_eq "peer: pattern code" "$("$JSONQ" events.0.cameo <"$work/peer.json")" "065"
expect_eq "peer: target from + slot" "$("$JSONQ" events.0.target.code <"$work/peer.json")" "GON"
expect_eq "peer: dated actor" "$("$JSONQ" events.1.source.code <"$work/peer.json")" "ARNGOV"
expect_eq "peer: paired code" "$("$JSONQ" events.2.cameo <"$work/peer.json")" "043"
expect_match "peer: rule names the peer file" "$("$JSONQ" events.0.evidence.rule <"$work/peer.json")" "p\.verbs:9$"
# shellcheck disable=SC2086
expect_exit 0 "peer: explain" -- "$SITREP" explain --no-chrome --published 1996-03-01 $peer "$work/peer.txt"
last=$(printf '%s\n' "$out" | sed -n '/^sentence 2:/,$p')
expect_match "peer: the discarded sentence is explained" "$last" "^sentence 2: Arnor renewed"
expect_match "peer: the discard silences its sentence" "$last" "nothing coded"
expect_no_match "peer: no event in the discarded sentence" "$last" "event "
expect_exit 2 "peer: files need --dict-format" -- "$SITREP" code --verbs "$work/p.verbs" "$work/peer.txt"
expect_exit 2 "peer: unknown format" -- "$SITREP" code --dict-format kedS "$work/peer.txt"
expect_exit 1 "peer: missing verbs file" -- "$SITREP" code --dict-format tabari --verbs "$work/none" "$work/peer.txt"
printf 'RESTORE [064]\n- * TIES [065\n' >"$work/t.verbs"
expect_exit 0 "peer: TABARI verbs" -- "$SITREP" code --no-chrome --dict-format tabari --verbs "$work/t.verbs" --actors "$work/p.actors" "$work/peer.txt"
