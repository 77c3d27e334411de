/* test_events.c - unit tests for the clause-level event coder (src/events/): roles,
 * passive voice, compound actors, modality, purpose infinitives, nominal events, reporting
 * verbs, discards and the explanation. Patterns are given inline so that the tests exercise
 * the coder, not the shipped pattern files; actors, CAMEO table, cues and tagger are loaded
 * from the data directory.
 */
#include "unit.h"

#include "events_util.h"

static const char patterns_text[] = "010  say\n"
                                    "112  accuse $T\n"
                                    "057  sign ... pact|agreement|treaty\n"
                                    "057  sign ... pact|agreement|treaty with $T\n"
                                    "042  visit $T\n"
                                    "070  help $T\n"
                                    "072  send $O to help $T\n"
                                    "072  send weapons|drones to $T\n"
                                    "154  deploy troops to $L\n"
                                    "190  attack $T\n"
                                    "190  attack\n"
                                    "190  drive $T out of $L\n"
                                    "190  push $T out of $L\n"
                                    "195  strike $T\n"
                                    "DISCARD strike ... balance\n"
                                    "085  lift ... sanctions\n"
                                    "140  protest\n"
                                    "172  ban ... transactions\n"
                                    "0874 withdraw ... troops from $L\n"
                                    "127  reject ... proposal\n"
                                    "100  demand that\n"
                                    "181  abduct $T\n"
                                    "173  arrest $T\n"
                                    "173  arrest\n"
                                    "111  condemn $T\n"
                                    "111  condemn\n"
                                    "040  meet $T\n"
                                    "045  mediate\n"
                                    "193  exchange ... fire\n"
                                    "190  conduct ... operations\n"
                                    "0232 seek ... military_assistance from $T\n"
                                    "114  summon ... ambassador|envoy\n"
                                    "173  capture $T\n"
                                    "190  engage ... troops|forces\n"
                                    "0874 withdraw from $L\n"
                                    "190  kill ... civilians\n"
                                    "%noun\n"
                                    "042  visit to $T\n"
                                    "072  supply of $O to $T\n"
                                    "192  invasion of $T\n"
                                    "195  air strikes on $T\n"
                                    "190  attack\n";

/* The word classes the coder's rules read (the shipped classes.txt has more words). */
static const char classes_text[] = "@attacknoun attack attacks\n";

static events_fixture fx;

static int setup(void **state)
{
    (void)state;
    return events_fixture_load(&fx, patterns_text, classes_text);
}

static int teardown(void **state)
{
    (void)state;
    events_fixture_free(&fx);
    return 0;
}

static void code(result *r, const char *text)
{
    code_with(r, &fx, text, fx.model);
}

static void active_clause_codes_subject_and_object(void **state)
{
    (void)state;
    result r;
    code(&r, "Russia attacked Ukraine on Monday.");
    expect_event(&r, "190", "RUS", "UKR", MODALITY_ASSERTED);
    assert_int_equal(r.art.nevents, 1);
    const event *e = &r.art.events[0];
    assert_string_equal(e->rule->file, "test.txt");
    assert_int_equal(e->rule->line, 10);
    assert_non_null(e->cameo);
    assert_int_equal(e->cameo->quad, 4);
    assert_int_equal(e->attribution, -1);
    done(&r);
}

static void passive_agent_is_source(void **state)
{
    (void)state;
    result r;
    code(&r, "Ukraine was attacked by Russia on Monday.");
    expect_event(&r, "190", "RUS", "UKR", MODALITY_ASSERTED);
    assert_null(find_event(&r, "190", "UKR", "RUS"));
    done(&r);
}

static void compound_subject_is_reciprocal(void **state)
{
    (void)state;
    result r;
    code(&r, "Russia and China signed a pact on Tuesday.");
    expect_event(&r, "057", "RUS", "CHN", MODALITY_ASSERTED);
    expect_event(&r, "057", "CHN", "RUS", MODALITY_ASSERTED);
    done(&r);
    /* not reciprocal: one event per pair */
    code(&r, "Russia and Iran attacked Ukraine.");
    expect_event(&r, "190", "RUS", "UKR", MODALITY_ASSERTED);
    expect_event(&r, "190", "IRN", "UKR", MODALITY_ASSERTED);
    assert_null(find_event(&r, "190", "UKR", "RUS"));
    done(&r);
}

static void negation_rules(void **state)
{
    (void)state;
    const char *sentences[] = {"Russia did not attack Ukraine.",
                               "Russia has yet to attack Ukraine.",
                               "Russia never attacked Ukraine.", "Russia denied attacking Ukraine.",
                               "Russia didn't attack Ukraine."};
    for (size_t i = 0; i < ARRAY_LEN(sentences); i++) {
        result r;
        code(&r, sentences[i]);
        expect_event(&r, "190", "RUS", "UKR", MODALITY_NEGATED);
        done(&r);
    }
}

static void planned_possible_hypothetical(void **state)
{
    (void)state;
    const struct {
        const char *text;
        event_modality modality;
    } cases[] = {
        {"Russia will attack Ukraine.", MODALITY_PLANNED},
        {"Russia is planning to attack Ukraine.", MODALITY_PLANNED},
        {"Russia intends to attack Ukraine.", MODALITY_PLANNED},
        {"Russia is expected to attack Ukraine.", MODALITY_PLANNED},
        {"Russia plans to attack Ukraine.", MODALITY_PLANNED},
        {"Russia could attack Ukraine.", MODALITY_POSSIBLE},
        {"Russia may attack Ukraine.", MODALITY_POSSIBLE},
        {"Russia might attack Ukraine.", MODALITY_POSSIBLE},
        {"Russia is unlikely to attack Ukraine.", MODALITY_POSSIBLE},
        {"If talks fail, Russia would attack Ukraine.", MODALITY_HYPOTHETICAL},
        {"Without weapons, Russia could not attack Ukraine.", MODALITY_HYPOTHETICAL},
    };
    for (size_t i = 0; i < ARRAY_LEN(cases); i++) {
        result r;
        code(&r, cases[i].text);
        expect_event(&r, "190", "RUS", "UKR", cases[i].modality);
        done(&r);
    }
}

static void purpose_infinitive_gives_two_events(void **state)
{
    (void)state;
    result r;
    code(&r, "Iran sent advisers to help Russian forces push Ukrainian troops out of the region.");
    expect_event(&r, "072", "IRN", "RUSMIL", MODALITY_ASSERTED);
    expect_event(&r, "190", "RUSMIL", "UKRMIL", MODALITY_ASSERTED);
    /* the help is the aid already coded, not a second event of the same root */
    assert_null(find_event(&r, "070", "IRN", "RUSMIL"));
    done(&r);
}

static void nominal_event_with_possessor(void **state)
{
    (void)state;
    result r;
    code(&r, "Putin's visit to Pyongyang lasted two days.");
    expect_event(&r, "042", "RUSGOV", "PRKGOV", MODALITY_ASSERTED);
    /* a visit is one event: no hosting by the visited unless the text says so */
    assert_null(find_event(&r, "043", "PRKGOV", "RUSGOV"));
    done(&r);
    code(&r, "North Korea's supply of munitions to Russia has grown.");
    expect_event(&r, "072", "PRK", "RUS", MODALITY_ASSERTED);
    done(&r);
}

static void reporting_verb_codes_the_content(void **state)
{
    (void)state;
    result r;
    code(&r, "Poland said Russia attacked Ukraine.");
    expect_event(&r, "190", "RUS", "UKR", MODALITY_ASSERTED);
    assert_null(find_event(&r, "010", "POL", "RUS"));
    const event *e = find_event(&r, "190", "RUS", "UKR");
    assert_true(e->attribution >= 0);
    done(&r);
    /* a statement with its own target is coded */
    code(&r, "The Kremlin accused Ukraine on Monday.");
    expect_event(&r, "112", "RUSGOV", "UKR", MODALITY_ASSERTED);
    done(&r);
}

static void apposition_is_skipped(void **state)
{
    (void)state;
    result r;
    code(&r, "Volodymyr Zelensky, the president of Ukraine, visited Turkey.");
    expect_event(&r, "042", "UKRGOV", "TUR", MODALITY_ASSERTED);
    assert_null(find_event(&r, "042", "UKR", "TUR"));
    done(&r);
}

static void discard_codes_nothing(void **state)
{
    (void)state;
    result r;
    code(&r, "Germany struck a balance with France.");
    assert_int_equal(r.art.nevents, 0);
    done(&r);
}

static void untagged_text_is_coded(void **state)
{
    (void)state;
    result r;
    code_with(&r, &fx, "Russia attacked Ukraine.", NULL);
    expect_event(&r, "190", "RUS", "UKR", MODALITY_ASSERTED);
    done(&r);
}

static void explain_says_why(void **state)
{
    (void)state;
    result r;
    code(&r, "The weather was fine. Germany struck a balance with France. Russia attacked "
             "Ukraine.");
    buf out;
    buf_init(&out, 1 << 20);
    assert_int_equal(events_explain(&r.a, &r.tables, &r.art, -1, &out), SITREP_OK);
    assert_int_equal(buf_append_char(&out, '\0'), SITREP_OK);
    const char *text = out.data;
    assert_non_null(strstr(text, "sentence 0: The weather was fine."));
    assert_non_null(strstr(text, "no pattern matched"));
    assert_non_null(strstr(text, "DISCARD"));
    assert_non_null(strstr(text, "event 190 RUS -> UKR (asserted) by test.txt:10"));
    buf_reset(&out);
    assert_int_equal(events_explain(&r.a, &r.tables, &r.art, 2, &out), SITREP_OK);
    assert_int_equal(buf_append_char(&out, '\0'), SITREP_OK);
    assert_null(strstr(out.data, "sentence 0"));
    assert_non_null(strstr(out.data, "sentence 2"));
    buf_release(&out);
    done(&r);
}

/* An actor's name longer than the explain line's label is cut at a whole character: the
 * explanation stays UTF-8 (a fuzzed input found a label cut inside a two-byte letter). */
static void explain_cuts_long_names_at_characters(void **state)
{
    (void)state;
    char text[512] = "Sudan attacked the Chadian amb";
    for (int i = 0; i < 100; i++)
        strcat(text, "\xc3\xbb");
    strcat(text, "assador.");
    result r;
    code(&r, text);
    buf out;
    buf_init(&out, 1 << 20);
    assert_int_equal(events_explain(&r.a, &r.tables, &r.art, -1, &out), SITREP_OK);
    assert_int_equal(utf8_valid_prefix(out.data, out.len), out.len);
    buf_release(&out);
    done(&r);
}

static void modality_names(void **state)
{
    (void)state;
    assert_string_equal(event_modality_name(MODALITY_ASSERTED), "asserted");
    assert_string_equal(event_modality_name(MODALITY_NEGATED), "negated");
    assert_string_equal(event_modality_name(MODALITY_PLANNED), "planned");
    assert_string_equal(event_modality_name(MODALITY_POSSIBLE), "possible");
    assert_string_equal(event_modality_name(MODALITY_HYPOTHETICAL), "hypothetical");
}

static void no_patterns_no_events(void **state)
{
    (void)state;
    result r;
    code(&r, "Russia attacked Ukraine.");
    event_tables none = {0};
    assert_int_equal(events_code(&r.a, &none, &r.art), SITREP_OK);
    assert_int_equal(r.art.nevents, 0);
    done(&r);
}

static void commitments_code_the_intent(void **state)
{
    (void)state;
    result r;
    /* a pledge to act is CAMEO's "express intent" (03x), a threat to attack its 13x */
    code(&r, "Britain pledged to send weapons to Ukraine.");
    expect_event(&r, "0332", "GBR", "UKR", MODALITY_ASSERTED);
    assert_null(find_event(&r, "072", "GBR", "UKR"));
    done(&r);
    code(&r, "Russia threatened to attack Ukraine.");
    expect_event(&r, "138", "RUS", "UKR", MODALITY_ASSERTED);
    done(&r);
    code(&r, "Iran is not willing to attack Israel.");
    expect_event(&r, "138", "IRN", "ISR", MODALITY_NEGATED);
    done(&r);
    /* the target after the complement: "lift sanctions on Iran" */
    code(&r, "The United States agreed to lift sanctions on Iran.");
    expect_event(&r, "0354", "USA", "IRN", MODALITY_ASSERTED);
    done(&r);
    /* a decision to act against someone is no threat: the act itself is coded */
    code(&r, "Britain agreed to ban transactions with Iran.");
    assert_null(find_event(&r, "132", "GBR", "IRN"));
    expect_event(&r, "172", "GBR", "IRN", MODALITY_ASSERTED);
    done(&r);
    /* "will" is a plan, not a commitment (the modality) */
    code(&r, "Britain will send weapons to Ukraine.");
    expect_event(&r, "072", "GBR", "UKR", MODALITY_PLANNED);
    done(&r);
}

static void protests_and_withdrawals(void **state)
{
    (void)state;
    result r;
    /* a protest needs no target */
    code(&r, "Serbian students protested on Monday.");
    expect_event(&r, "140", "SRBEDU", "-", MODALITY_ASSERTED);
    done(&r);
    /* a withdrawal's place is its target; out of a host state it reduces relations (166) */
    code(&r, "Syria withdrew its troops from Lebanon.");
    expect_event(&r, "166", "SYR", "LBN", MODALITY_ASSERTED);
    assert_int_equal(r.art.nevents, 1);
    done(&r);
    /* but other events are not coded without a target */
    code(&r, "Serbia attacked.");
    assert_int_equal(r.art.nevents, 0);
    done(&r);
}

static void nationality_adjectives_stand_for_countries(void **state)
{
    (void)state;
    result r;
    /* the owner of what is acted on is the target */
    code(&r, "Britain rejected a Chinese proposal on Monday.");
    expect_event(&r, "127", "GBR", "CHN", MODALITY_ASSERTED);
    done(&r);
    /* the adjective of an event noun is its source */
    code(&r, "The Russian invasion of Ukraine began in 2022.");
    expect_event(&r, "192", "RUS", "UKR", MODALITY_ASSERTED);
    done(&r);
    /* a hyphenated modifier is no actor and no clause: the target lies beyond it */
    code(&r, "Russia attacked a government-held part of Ukraine.");
    expect_event(&r, "190", "RUS", "UKR", MODALITY_ASSERTED);
    assert_int_equal(r.art.nevents, 1);
    done(&r);
    code(&r, "Troops withdrew from the Russian-attacked towns.");
    assert_int_equal(r.art.nevents, 0);
    done(&r);
}

static void subjects_stop_at_other_clauses(void **state)
{
    (void)state;
    result r;
    /* an actor before another finite verb is that verb's subject */
    code(&r, "The drones that Iran sent attacked Ukraine.");
    assert_null(find_event(&r, "190", "IRN", "UKR"));
    done(&r);
    /* but "X said (on Sunday) it ..." is X */
    code(&r, "Russia said on Sunday it attacked Ukraine.");
    expect_event(&r, "190", "RUS", "UKR", MODALITY_ASSERTED);
    done(&r);
    /* tourists visiting are no official visit */
    code(&r, "Chinese tourists visited Japan in May.");
    assert_int_equal(r.art.nevents, 0);
    done(&r);
    code(&r, "China's foreign minister visited Japan in May.");
    expect_event(&r, "042", "CHNGOV", "JPN", MODALITY_ASSERTED);
    done(&r);
    /* the place of the thing visited is not the one visited */
    code(&r, "China's foreign minister visited a factory in Japan.");
    assert_null(find_event(&r, "042", "CHNGOV", "JPN"));
    done(&r);
}

static void demands_and_support_verbs(void **state)
{
    (void)state;
    result r;
    /* the subject of a that-clause is the one asked */
    code(&r, "The United States demanded that North Korea abandon its nuclear program.");
    expect_event(&r, "100", "USA", "PRK", MODALITY_ASSERTED);
    done(&r);
    /* a support verb lends its subject to the event noun */
    code(&r, "Israel mounted its long-threatened invasion of Lebanon.");
    expect_event(&r, "192", "ISR", "LBN", MODALITY_ASSERTED);
    done(&r);
    code(&r, "Russia launched air strikes on Syria.");
    expect_event(&r, "195", "RUS", "SYR", MODALITY_ASSERTED);
    done(&r);
    /* an obligation in what someone says is that speaker's demand, not the act */
    code(&r, "Russia said that Ukraine must attack Iran.");
    expect_event(&r, "100", "RUS", "UKR", MODALITY_ASSERTED);
    assert_null(find_event(&r, "190", "UKR", "IRN"));
    done(&r);
    /* what is demanded is not done */
    code(&r, "Russia demanded that Ukraine attack Iran.");
    expect_event(&r, "100", "RUS", "UKR", MODALITY_ASSERTED);
    assert_null(find_event(&r, "190", "UKR", "IRN"));
    done(&r);
    code(&r, "Ukraine should attack Iran.");
    assert_int_equal(r.art.nevents, 0);
    done(&r);
    /* an event noun at the very start of a sentence */
    code(&r, "Invasion of Ukraine: the day after.");
    done(&r);
}

static void unknown_sides_follow_the_policy(void **state)
{
    (void)state;
    result r;
    /* a role without a state: unknown source, the victims placed where it happened */
    code(&r, "Gunmen abducted ten students in Zamfara state on Friday.");
    expect_event(&r, "181", "REB", "NGAEDU", MODALITY_ASSERTED);
    done(&r);
    /* an agentless arrest in a place: that state's police */
    code(&r, "More than 200 people were arrested in Lagos on Sunday.");
    expect_event(&r, "173", "NGACOP", "CVL", MODALITY_ASSERTED);
    done(&r);
    /* police named by where they act */
    code(&r, "Police in Lagos arrested two men.");
    expect_event(&r, "173", "NGACOP", "CVL", MODALITY_ASSERTED);
    done(&r);
    /* a condemnation of violence whose author the sentence does not name */
    code(&r, "The United Nations condemned the attack.");
    expect_event(&r, "111", "IGOUNO", "-", MODALITY_ASSERTED);
    done(&r);
    /* an unrecognised name or pronoun is not an unknown doer, and a generic attack by no
     * armed actor on no one is no event */
    code(&r, "Smithers attacked the new plan.");
    assert_int_equal(r.art.nevents, 0);
    done(&r);
    code(&r, "He attacked on Monday.");
    assert_int_equal(r.art.nevents, 0);
    done(&r);
    /* never both sides unknown */
    code(&r, "Two men were abducted.");
    assert_int_equal(r.art.nevents, 0);
    done(&r);
}

/* The code of the actor whose text is `text`, "-" for none, NULL when there is no such actor. */
static const char *actor_text_code(const result *r, const char *text)
{
    size_t len = strlen(text);
    for (size_t i = 0; i < r->art.nactors; i++) {
        const actor_mention *m = &r->art.actors[i];
        if (m->end - m->start == len && memcmp(r->art.text.text + m->start, text, len) == 0)
            return m->code ? m->code : "-";
    }
    return NULL;
}

/* Definite descriptions refer to the last actor of their kind; examples name the group. */
static void descriptions_refer_back(void **state)
{
    (void)state;
    result r;
    code(&r, "Sudan has been at war since April. The country's army attacked the RSF. NATO met "
             "in Vilnius. The alliance condemned Russia. Seoul said Pyongyang fired missiles. The "
             "North denied it. The army fought armed groups like Boko Haram.");
    assert_string_equal(actor_text_code(&r, "The country's army"), "SDNMIL");
    assert_string_equal(actor_text_code(&r, "The alliance"), "IGOWSTNAT");
    assert_string_equal(actor_text_code(&r, "The North"), "PRK");
    assert_string_equal(actor_text_code(&r, "armed groups like Boko Haram"), "NGAREBBKH");
    expect_event(&r, "190", "SDNMIL", "SDNREBRSF", MODALITY_ASSERTED);
    expect_event(&r, "111", "IGOWSTNAT", "RUS", MODALITY_ASSERTED);
    done(&r);
    /* nothing of the kind named before, or a direction: no reference */
    code(&r, "The country was calm. Troops returned to the North.");
    assert_null(actor_text_code(&r, "The country"));
    assert_null(actor_text_code(&r, "the North"));
    done(&r);
}

/* A state's forces or government named only by their role take the state of the rebel group
 * they deal with; a definite description of a group refers to the last group of its kind. */
static void civil_conflicts_and_descriptions(void **state)
{
    (void)state;
    result r;
    code(&r, "Army troops attacked the Arakan Army on Monday.");
    expect_event(&r, "190", "MMRMIL", "MMRREBARA", MODALITY_ASSERTED);
    done(&r);
    /* a foreign state's forces are named as such and keep their state */
    code(&r, "French troops attacked Boko Haram fighters near the border.");
    expect_event(&r, "190", "FRAMIL", "NGAREBBKH", MODALITY_ASSERTED);
    done(&r);
    /* the rebel group is the ELN of the sentence before, the government Colombia's */
    code(&r, "The ELN attacked a pipeline. The government accused the rebel group of the attack.");
    expect_event(&r, "112", "COLGOV", "COLREBELN", MODALITY_ASSERTED);
    done(&r);
    /* two mentions of one code fighting each other are two actors (a civil war); one actor
     * and the pronoun that refers to it are one */
    code(&r, "Serraj's forces attacked an LNA position.");
    expect_event(&r, "190", "LBYMIL", "LBYMIL", MODALITY_ASSERTED);
    done(&r);
    code(&r, "Russia said it attacked its own positions by mistake.");
    assert_int_equal(r.art.nevents, 0);
    done(&r);
    /* no group named before: the description stays a bare role */
    code(&r, "The rebel group attacked a village.");
    assert_true(r.art.nactors >= 1);
    assert_string_equal(r.art.actors[0].code, "REB");
    assert_int_equal(r.art.actors[0].antecedent, -1);
    done(&r);
}

static void places_and_peoples_give_states(void **state)
{
    (void)state;
    result r;
    /* a people within a state: its armed men are the state's rebels */
    code(&r, "Tuareg rebels attacked Malian troops.");
    expect_event(&r, "190", "MLIREB", "MLIMIL", MODALITY_ASSERTED);
    done(&r);
    /* members of a group are the group */
    code(&r, "Guerrillas of the National Liberation Army attacked Colombian soldiers.");
    expect_event(&r, "190", "COLREBELN", "COLMIL", MODALITY_ASSERTED);
    done(&r);
    /* the place attacked, own country included (a state fighting at home) */
    code(&r, "The Myanmar military attacked villages in the Sagaing region.");
    expect_event(&r, "190", "MMRMIL", "MMR", MODALITY_ASSERTED);
    done(&r);
    /* a country's name inside a longer place name is not the state */
    code(&r, "Rebels attacked a base in Puerto Jordan.");
    assert_null(find_event(&r, "190", "REB", "JOR"));
    done(&r);
}

static void mutual_acts_are_coded_both_ways(void **state)
{
    (void)state;
    result r;
    code(&r, "India met China in Moscow on Friday.");
    expect_event(&r, "040", "IND", "CHN", MODALITY_ASSERTED);
    expect_event(&r, "040", "CHN", "IND", MODALITY_ASSERTED);
    done(&r);
    /* an accusation is not mutual */
    code(&r, "India accused China on Friday.");
    expect_event(&r, "112", "IND", "CHN", MODALITY_ASSERTED);
    assert_null(find_event(&r, "112", "CHN", "IND"));
    done(&r);
}

/* The date of the event (value, or "published" / "none" when it takes no date of its own). */
static const char *date_of(const result *r, const char *cameo, const char *source,
                           const char *target)
{
    const event *e = find_event(r, cameo, source, target);
    char list[2048];
    describe(r, list, sizeof list);
    if (!e)
        fail_msg("no event %s %s -> %s; got %s", cameo, source, target, list);
    if (e->date >= 0)
        return r->art.dates[e->date].value;
    return event_date_source_name((event_date_source)e->date_source);
}

static void event_dates_from_their_clause(void **state)
{
    (void)state;
    result r;
    /* a date that modifies a noun dates that noun's event, not the accusation */
    code(&r, "Ukraine accused Russia of the March 1, 2024 attacks.");
    assert_string_equal(date_of(&r, "112", "UKR", "RUS"), "published");
    done(&r);
    /* a date in another clause ("after talks failed on Sunday") is that clause's */
    code(&r, "Ukraine accused Russia on Monday after talks failed on Sunday.");
    assert_string_equal(date_of(&r, "112", "UKR", "RUS"), "2025-02-24");
    done(&r);
    /* "in the wake of", "ahead of": the act is dated by the clause, not by what it follows */
    code(&r, "Russia attacked Ukraine in the wake of the February 20 vote.");
    assert_string_equal(date_of(&r, "190", "RUS", "UKR"), "published");
    done(&r);
    /* a fronted date holds for the clause */
    code(&r, "On Monday, Ukraine accused Russia of war crimes.");
    assert_string_equal(date_of(&r, "112", "UKR", "RUS"), "2025-02-24");
    done(&r);
    /* another event's date after its verb is that event's */
    code(&r, "Russia attacked Ukraine on Monday and Ukraine struck Russia.");
    assert_string_equal(date_of(&r, "190", "RUS", "UKR"), "2025-02-24");
    assert_string_equal(date_of(&r, "195", "UKR", "RUS"), "published");
    done(&r);
    /* the date of the statement that reports the event */
    code(&r, "Russia attacked Ukraine, Ukrainian officials said on Tuesday.");
    const event *e = find_event(&r, "190", "RUS", "UKR");
    assert_non_null(e);
    assert_int_equal(e->date_source, EVENT_DATE_REPORT);
    assert_string_equal(r.art.dates[e->date].value, "2025-02-25");
    done(&r);
    /* no publication date: no date, never today's */
    code_dated(&r, &fx, "Russia attacked Ukraine on Monday.", fx.model, NULL);
    assert_string_equal(date_of(&r, "190", "RUS", "UKR"), "none");
    done(&r);
    code_dated(&r, &fx, "Russia attacked Ukraine on February 24, 2022.", fx.model, NULL);
    assert_string_equal(date_of(&r, "190", "RUS", "UKR"), "2022-02-24");
    done(&r);
}

static void event_places_from_their_clause_or_target(void **state)
{
    (void)state;
    result r;
    code(&r, "Russia attacked Ukrainian troops in Kharkiv region.");
    const event *e = find_event(&r, "190", "RUS", "UKRMIL");
    assert_non_null(e);
    assert_int_equal(e->place_source, EVENT_PLACE_CLAUSE);
    assert_string_equal(e->location->name, "Kharkiv");
    assert_int_equal(e->location->kind, PLACE_ADMIN1);
    done(&r);
    /* no place in the clause: the target's country, at its centre (not its capital) */
    code(&r, "Ukraine accused Russia.");
    e = find_event(&r, "112", "UKR", "RUS");
    assert_non_null(e);
    assert_int_equal(e->place_source, EVENT_PLACE_TARGET);
    assert_int_equal(e->place, -1);
    assert_string_equal(e->location->country, "RUS");
    assert_int_equal(e->location->kind, PLACE_COUNTRY);
    assert_true(e->location->lon > 60); /* Moscow is at 37.6 */
    done(&r);
    /* a place in another clause is not the event's */
    code(&r, "Ukraine accused Russia after talks in Geneva failed.");
    e = find_event(&r, "112", "UKR", "RUS");
    assert_non_null(e);
    assert_int_equal(e->place_source, EVENT_PLACE_TARGET);
    done(&r);
}

/* Where each side is placed (the GDELT Actor1Geo/Actor2Geo): a place inside its mention, else
 * its country; and the JSON names a side as resolved, never as a pronoun. */
static void sides_are_placed_and_named(void **state)
{
    (void)state;
    result r;
    code(&r, "Police in Texas arrested two men.");
    const event *e = r.art.nevents ? &r.art.events[0] : NULL;
    assert_non_null(e);
    assert_non_null(e->source_geo);
    assert_string_equal(e->source_geo->name, "Texas");
    assert_int_equal(e->source_geo->kind, PLACE_ADMIN1);
    done(&r);
    code(&r, "German police arrested two Iranian diplomats.");
    e = find_event(&r, "173", "DEUCOP", "IRNGOV");
    char list[2048];
    describe(&r, list, sizeof list);
    if (!e)
        fail_msg("no event 173 DEUCOP -> IRNGOV; got %s", list);
    assert_non_null(e->source_geo);
    assert_non_null(e->target_geo);
    assert_string_equal(e->source_geo->country, "DEU");
    assert_int_equal(e->source_geo->kind, PLACE_COUNTRY);
    assert_string_equal(e->target_geo->country, "IRN");
    done(&r);
    code(&r, "Vladimir Putin met Recep Tayyip Erdogan in Moscow. He accused Ukraine of sabotage.");
    e = find_event(&r, "112", "RUSGOV", "UKR");
    assert_non_null(e);
    buf b;
    buf_init(&b, 0);
    json_writer w;
    json_init(&w, &b, false);
    json_object_begin(&w);
    export_events(&w, &r.art);
    json_object_end(&w);
    assert_int_equal(json_status(&w), SITREP_OK);
    const char *accuse = strstr(b.data, "\"text\":\"He\"");
    if (!accuse)
        fail_msg("no side written as 'He' in %s", b.data);
    assert_non_null(strstr(accuse, "\"name\":\"Vladimir Putin\""));
    assert_true(strstr(accuse, "\"name\":\"Vladimir Putin\"") < strstr(accuse, "\"code\""));
    done(&r);
    /* a possessive side takes its owner's name */
    code(&r, "Turkey said its troops attacked Syria.");
    buf_reset(&b);
    json_init(&w, &b, false);
    json_object_begin(&w);
    export_events(&w, &r.art);
    json_object_end(&w);
    assert_int_equal(json_status(&w), SITREP_OK);
    if (!strstr(b.data, "\"text\":\"its troops\",\"name\":\"Turkey's troops\""))
        fail_msg("'its troops' not named Turkey's troops in %s", b.data);
    buf_release(&b);
    done(&r);
}

/* Constructions found by probes of wire-style sentences: a request's "from $T" names the one
 * asked even when an infinitive follows; mediation between two parties is done to both, not
 * by one to the other; conjoined subjects exchanging fire act on each other, fighting against
 * a third party does not; a withdrawal from a town is from its country. */
static void probes_requests_mediation_and_exchanges(void **state)
{
    (void)state;
    result r;
    code(&r, "Nigeria is seeking military assistance from the United States to fight the "
             "insurgency.");
    expect_event(&r, "0232", "NGA", "USA", MODALITY_ASSERTED);
    done(&r);
    code(&r, "Qatar mediated between Israel and Iran.");
    expect_event(&r, "045", "QAT", "ISR", MODALITY_ASSERTED);
    expect_event(&r, "045", "QAT", "IRN", MODALITY_ASSERTED);
    assert_null(find_event(&r, "045", "ISR", "IRN"));
    assert_null(find_event(&r, "045", "IRN", "ISR"));
    done(&r);
    code(&r, "Thai and Cambodian troops exchanged fire along the border.");
    expect_event(&r, "193", "THAMIL", "KHMMIL", MODALITY_ASSERTED);
    expect_event(&r, "193", "KHMMIL", "THAMIL", MODALITY_ASSERTED);
    done(&r);
    code(&r, "French and Malian forces conducted operations against jihadists.");
    assert_null(find_event(&r, "190", "FRAMIL", "MLIMIL"));
    assert_null(find_event(&r, "190", "MLIMIL", "FRAMIL"));
    done(&r);
    /* people the pattern takes in are the object of conjoined fighters, not each other */
    code(&r, "Malian soldiers and Wagner fighters killed dozens of civilians in Moura.");
    assert_null(find_event(&r, "190", "MLIMIL", "RUSMILWAG"));
    assert_null(find_event(&r, "190", "RUSMILWAG", "MLIMIL"));
    done(&r);
    /* opposition arrested in a place are that place's, as protesters dispersed are */
    code(&r, "Hundreds of opposition supporters were arrested in Minsk.");
    expect_event(&r, "173", "BLRCOP", "BLROPP", MODALITY_ASSERTED);
    done(&r);
    /* a lower-case title before a name does not end the object ("arrested former prime
     * minister Imran Khan") */
    code(&r, "Pakistani authorities arrested former prime minister Imran Khan.");
    assert_int_equal(r.art.nevents, 1);
    assert_string_equal(r.art.events[0].code, "173");
    done(&r);
    /* a withdrawal from a town is from the town's country (recoded 166: forces leaving
     * another state's land) */
    code(&r, "Israeli forces withdrew from Jenin on Wednesday.");
    expect_event(&r, "166", "ISRMIL", "PSE", MODALITY_ASSERTED);
    done(&r);
}

/* Structure probes, stop 31: asides between the subject and its verb. */
static void structure_asides_between_subject_and_verb(void **state)
{
    (void)state;
    result r;
    /* a present participle's aside */
    code(&r, "Israel's prime minister, speaking in Jerusalem on Monday, condemned Iran.");
    expect_event(&r, "111", "ISRGOV", "IRN", MODALITY_ASSERTED);
    done(&r);
    /* a source cited */
    code(&r, "Iran, according to Western officials, accused Britain of spying.");
    expect_event(&r, "112", "IRN", "GBR", MODALITY_ASSERTED);
    done(&r);
    /* a verb glued by a hyphen is a modifier, not a clause */
    code(&r, "Hezbollah, the Iran-backed Lebanese movement, attacked Israel on Sunday.");
    expect_event(&r, "190", "LBNREBHEZ", "ISR", MODALITY_ASSERTED);
    done(&r);
    /* a clause of its own between commas still ends the scan */
    code(&r, "Officials said Britain, which backs the talks, condemned Iran.");
    expect_event(&r, "111", "GBR", "IRN", MODALITY_ASSERTED);
    done(&r);
}

/* Structure probes, stop 31: a pattern's object as the subject of a passive. */
static void structure_passive_readings_of_patterns(void **state)
{
    (void)state;
    result r;
    /* the object word the pattern wants stands in the subject */
    code(&r, "The Russian ambassador was summoned by the Lithuanian foreign ministry.");
    expect_event(&r, "114", "LTUGOV", "RUSGOV", MODALITY_ASSERTED);
    done(&r);
    /* a pattern that only wants a target reads a passive with its "by" agent ... */
    code(&r, "Three Ukrainian soldiers were captured by Russian troops near Bakhmut.");
    expect_event(&r, "173", "RUSMIL", "UKRMIL", MODALITY_ASSERTED);
    done(&r);
    /* ... and not without one */
    code(&r, "Three Ukrainian soldiers were captured near Bakhmut.");
    assert_int_equal(r.art.nevents, 0);
    done(&r);
    /* a participle of a state is no passive of the act ("were engaged in") */
    code(&r, "Serbian forces were engaged in heavy fighting near the border.");
    assert_int_equal(r.art.nevents, 0);
    done(&r);
}

/* Structure probes, stop 31: those who act or speak for an actor named after "to"/"for". */
static void structure_aides_speak_for_their_principal(void **state)
{
    (void)state;
    result r;
    code(&r, "A senior aide to the Ukrainian president accused Moscow of lying.");
    expect_event(&r, "112", "UKRGOV", "RUSGOV", MODALITY_ASSERTED);
    done(&r);
    /* an envoy to a body is not that body's */
    code(&r, "Russia's envoy to the United Nations accused Ukraine of lying.");
    expect_event(&r, "112", "RUSGOV", "UKR", MODALITY_ASSERTED);
    assert_null(find_event(&r, "112", "IGOUNO", "UKR"));
    done(&r);
}

/* Structure probes, stop 31: a criticism of an act named by a noun criticises its doer. */
static void structure_criticism_of_an_act_names_its_doer(void **state)
{
    (void)state;
    result r;
    code(&r, "Japan condemned the latest attack by North Korea.");
    expect_event(&r, "111", "JPN", "PRK", MODALITY_ASSERTED);
    done(&r);
    /* the noun heading a passive's subject */
    code(&r, "Russia's invasion of Ukraine was condemned by Japan.");
    expect_event(&r, "111", "JPN", "RUS", MODALITY_ASSERTED);
    assert_null(find_event(&r, "111", "JPN", "UKR"));
    done(&r);
    /* a target named after the verb stays */
    code(&r, "Japan condemned Russia over the attack by North Korea.");
    expect_event(&r, "111", "JPN", "RUS", MODALITY_ASSERTED);
    done(&r);
}

/* Structure probes, stop 31: ", and" before a subject and its verb opens a new clause. */
static void structure_comma_and_opens_a_clause(void **state)
{
    (void)state;
    result r;
    code(&r, "Russia attacked Georgia, and Ukraine condemned the attack.");
    expect_event(&r, "190", "RUS", "GEO", MODALITY_ASSERTED);
    assert_null(find_event(&r, "190", "RUS", "UKR"));
    done(&r);
    /* a list with a comma before its "and" stays one group */
    code(&r, "Russia, China, and Iran condemned Israel.");
    expect_event(&r, "111", "RUS", "ISR", MODALITY_ASSERTED);
    expect_event(&r, "111", "CHN", "ISR", MODALITY_ASSERTED);
    expect_event(&r, "111", "IRN", "ISR", MODALITY_ASSERTED);
    done(&r);
}

/* Structure probes, stop 31: a headline joins two subjects with a comma alone. */
static void structure_headline_comma_subjects(void **state)
{
    (void)state;
    result r;
    code(&r, "Armenia, Azerbaijan signed a peace treaty");
    expect_event(&r, "057", "ARM", "AZE", MODALITY_ASSERTED);
    expect_event(&r, "057", "AZE", "ARM", MODALITY_ASSERTED);
    done(&r);
    /* a role without its state before the comma is an apposition, not a subject */
    code(&r, "The militant group, Hamas attacked Israel");
    expect_event(&r, "190", "PSEREBHMS", "ISR", MODALITY_ASSERTED);
    assert_int_equal(r.art.nevents, 1);
    done(&r);
}

/* Structure probes, stop 31: a relative clause between an attack and its verb. */
static void structure_attack_blamed_in_a_relative_clause(void **state)
{
    (void)state;
    result r;
    /* the relative clause blames the attack on its doer */
    code(&r, "The attack, which Ukraine blamed on Russia, killed 14 civilians in Kharkiv.");
    expect_event(&r, "190", "RUS", "UKRCVL", MODALITY_ASSERTED);
    assert_null(find_event(&r, "190", "UKR", "UKRCVL"));
    done(&r);
    /* a relative clause that blames no one: its subject is not the killer */
    code(&r, "The attack, which Ukraine condemned, killed 14 civilians in Kharkiv.");
    assert_null(find_event(&r, "190", "UKR", "UKRCVL"));
    done(&r);
}

/* Structure probes, stop 31: partners set off by commas ("along with", "as well as"). */
static void structure_partners_along_with(void **state)
{
    (void)state;
    result r;
    code(&r, "Britain, along with France and Germany, condemned Iran.");
    expect_event(&r, "111", "GBR", "IRN", MODALITY_ASSERTED);
    expect_event(&r, "111", "FRA", "IRN", MODALITY_ASSERTED);
    expect_event(&r, "111", "DEU", "IRN", MODALITY_ASSERTED);
    done(&r);
    code(&r, "Japan, as well as South Korea, condemned North Korea.");
    expect_event(&r, "111", "JPN", "PRK", MODALITY_ASSERTED);
    expect_event(&r, "111", "KOR", "PRK", MODALITY_ASSERTED);
    done(&r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(active_clause_codes_subject_and_object),
        cmocka_unit_test(unknown_sides_follow_the_policy),
        cmocka_unit_test(places_and_peoples_give_states),
        cmocka_unit_test(civil_conflicts_and_descriptions),
        cmocka_unit_test(descriptions_refer_back),
        cmocka_unit_test(mutual_acts_are_coded_both_ways),
        cmocka_unit_test(event_dates_from_their_clause),
        cmocka_unit_test(event_places_from_their_clause_or_target),
        cmocka_unit_test(sides_are_placed_and_named),
        cmocka_unit_test(passive_agent_is_source),
        cmocka_unit_test(compound_subject_is_reciprocal),
        cmocka_unit_test(negation_rules),
        cmocka_unit_test(planned_possible_hypothetical),
        cmocka_unit_test(purpose_infinitive_gives_two_events),
        cmocka_unit_test(nominal_event_with_possessor),
        cmocka_unit_test(reporting_verb_codes_the_content),
        cmocka_unit_test(apposition_is_skipped),
        cmocka_unit_test(discard_codes_nothing),
        cmocka_unit_test(untagged_text_is_coded),
        cmocka_unit_test(explain_says_why),
        cmocka_unit_test(explain_cuts_long_names_at_characters),
        cmocka_unit_test(modality_names),
        cmocka_unit_test(no_patterns_no_events),
        cmocka_unit_test(commitments_code_the_intent),
        cmocka_unit_test(protests_and_withdrawals),
        cmocka_unit_test(nationality_adjectives_stand_for_countries),
        cmocka_unit_test(subjects_stop_at_other_clauses),
        cmocka_unit_test(demands_and_support_verbs),
        cmocka_unit_test(probes_requests_mediation_and_exchanges),
        cmocka_unit_test(structure_asides_between_subject_and_verb),
        cmocka_unit_test(structure_passive_readings_of_patterns),
        cmocka_unit_test(structure_aides_speak_for_their_principal),
        cmocka_unit_test(structure_criticism_of_an_act_names_its_doer),
        cmocka_unit_test(structure_comma_and_opens_a_clause),
        cmocka_unit_test(structure_headline_comma_subjects),
        cmocka_unit_test(structure_attack_blamed_in_a_relative_clause),
        cmocka_unit_test(structure_partners_along_with),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
