# test_seed_events.sh - the event coder's acceptance check on the seed article: every event a
# reader sees, with its source, target, code and modality, and nothing from the author's bio
# or the photo caption. Sourced by tests/cli/run.sh; skips visibly without ../shared (the
# features are also tested by tests/unit/test_events.c and the events-* goldens).
seed=$here/../../../shared/articles/north-korea-troops-ukraine.txt
if [ -f "$seed" ]; then
    "$SITREP" explain "$seed" >"$work/seed-explain.txt" 2>&1
    events=$(grep '^  event ' "$work/seed-explain.txt")
    expect_match "seed: munitions supplied by North Korea (military aid)" "$events" \
        "event 072 PRK -> RUSMIL \(asserted\)"
    expect_match "seed: troops sent to help the Russian army" "$events" \
        "event 072 PRKGOV -> RUSMIL \(asserted\)"
    expect_match "seed: planned deployment inside Ukraine" "$events" "event 154 PRK -> UKR \(planned\)"
    expect_match "seed: troops have yet to enter Ukraine" "$events" "event 190 PRKMIL -> UKR \(negated\)"
    expect_match "seed: defence pact, one way" "$events" "event 057 RUS -> PRK \(asserted\)"
    expect_match "seed: defence pact, the other way" "$events" "event 057 PRK -> RUS \(asserted\)"
    expect_match "seed: Putin's visit to Pyongyang" "$events" "event 042 RUSGOV -> PRKGOV \(asserted\)"
    expect_no_match "seed: the visit is one event, not also a hosting" "$events" "event 043 "
    expect_match "seed: annexation of Crimea" "$events" "event 192 RUS -> UKR \(asserted\)"
    expect_match "seed: the Russian army drives Kyiv's forces out of Kursk" "$events" \
        "event 190 RUSMIL -> UKRMIL \(asserted\)"
    expect_match "seed: one in every two shells originates from North Korea" "$events" \
        "event 072 PRK -> RUS \(asserted\)"
    "$SITREP" code "$seed" >"$work/seed-events.json" 2>/dev/null
    expect_match "seed: the one-in-two share rides on its event, attributed" \
        "$("$JSONQ" events <"$work/seed-events.json")" \
        "Ukrainian military intelligence[^]]*one in every two artillery shells"
    expect_no_match "seed: no event from the bio or the caption" \
        "$("$JSONQ" events <"$work/seed-events.json")" "Rayment|Parachute|EPA-EFE|Kona"
else
    echo "cli: SKIP seed article events: $seed is absent"
fi
