/* test_events.c - unit tests for the clause-level event coder (src/events/): roles,
 * passive voice, compound actors, modality, purpose infinitives, nominal events, reporting
 * verbs, discards and the explanation. Patterns are given inline so that the tests exercise
 * the coder, not the shipped pattern files; actors, CAMEO table, cues and tagger are loaded
 * from the data directory.
 */
#include "unit.h"

#include "events/events.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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
                                    "%noun\n"
                                    "042  visit to $T\n"
                                    "072  supply of $O to $T\n"
                                    "192  invasion of $T\n"
                                    "195  air strikes on $T\n"
                                    "190  attack\n";

static struct fixture {
    cameo_table *cameo;
    lemma_table *lemmas;
    pattern_set *patterns;
    dict *actors;
    cue_lexicon *cues;
    tagger *model;
    gazetteer *places;
} fx;

static const char *data_dir(void)
{
    const char *dir = getenv("SITREP_DATA");
    return dir && *dir ? dir : "data";
}

static int setup(void **state)
{
    (void)state;
    char path[1024];
    diag d;
    snprintf(path, sizeof path, "%s/cameo", data_dir());
    if (cameo_load(path, &fx.cameo, &d) || lemma_load(NULL, &fx.lemmas, &d) ||
        pattern_set_parse("test.txt", patterns_text, strlen(patterns_text), NULL, 0, fx.cameo,
                          &fx.patterns, &d)) {
        fprintf(stderr, "setup: %s:%ld: %s\n", d.path, d.line, d.message);
        return -1;
    }
    snprintf(path, sizeof path, "%s/actors", data_dir());
    if (!(fx.actors = dict_load_dir(path, &d)))
        return -1;
    snprintf(path, sizeof path, "%s/cues/reporting.txt", data_dir());
    if (!(fx.cues = cues_load(path, &d)))
        return -1;
    snprintf(path, sizeof path, "%s/models/tagger.bin", data_dir());
    if (!(fx.model = tagger_load(path, &d)))
        return -1;
    snprintf(path, sizeof path, "%s/places", data_dir());
    if (!(fx.places = gazetteer_load(path, &d)))
        return -1;
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    pattern_set_free(fx.patterns);
    lemma_free(fx.lemmas);
    cameo_free(fx.cameo);
    dict_free(fx.actors);
    cues_free(fx.cues);
    tagger_free(fx.model);
    gazetteer_free(fx.places);
    return 0;
}

typedef struct result {
    arena a;
    document doc;
    article art;
    event_tables tables;
} result;

static void code_with(result *r, const char *text, const tagger *model)
{
    arena_init(&r->a, 1 << 26);
    ingest_options options = {.detect_chrome = false};
    assert_int_equal(ingest_text(&r->a, text, strlen(text), &options, &r->doc), SITREP_OK);
    r->doc.published = "2025-03-01";
    memset(&r->art, 0, sizeof r->art);
    r->art.doc = &r->doc;
    assert_int_equal(text_analyse(&r->a, &r->doc, &r->art.text), SITREP_OK);
    syntax_tag(model, &r->art.text);
    /* places, as the pipeline finds them before actors (sides take states from them) */
    assert_int_equal(place_find(&r->a, fx.places, &r->art.text, &r->art.places, &r->art.nplaces),
                     SITREP_OK);
    assert_int_equal(actors_extract(&r->a, fx.actors, &r->art), SITREP_OK);
    assert_int_equal(attribution_find(&r->a, fx.cues, &r->art), SITREP_OK);
    r->tables = (event_tables){
        .cameo = fx.cameo, .lemmas = fx.lemmas, .patterns = fx.patterns, .tagger = model};
    assert_int_equal(events_code(&r->a, &r->tables, &r->art), SITREP_OK);
}

static void code(result *r, const char *text)
{
    code_with(r, text, fx.model);
}

/* A side as the tests write it: its code, else the role the text gives ("REB"), else "-". */
static const char *actor_code(const result *r, event_side side)
{
    (void)r;
    return side.code ? side.code : side.role ? side.role : "-";
}

/* Lists the events for failure messages. */
static void describe(const result *r, char *out, size_t n)
{
    size_t used = 0;
    out[0] = '\0';
    for (size_t i = 0; i < r->art.nevents && used < n; i++) {
        const event *e = &r->art.events[i];
        int w =
            snprintf(out + used, n - used, "[%s %s->%s %s] ", e->code, actor_code(r, e->source),
                     actor_code(r, e->target), event_modality_name((event_modality)e->modality));
        if (w < 0)
            break;
        used += (size_t)w;
    }
}

static const event *find_event(const result *r, const char *cameo, const char *source,
                               const char *target)
{
    for (size_t i = 0; i < r->art.nevents; i++) {
        const event *e = &r->art.events[i];
        if (strcmp(e->code, cameo) == 0 && strcmp(actor_code(r, e->source), source) == 0 &&
            strcmp(actor_code(r, e->target), target) == 0)
            return e;
    }
    return NULL;
}

static void expect_event(const result *r, const char *cameo, const char *source, const char *target,
                         event_modality modality)
{
    const event *e = find_event(r, cameo, source, target);
    char list[2048];
    describe(r, list, sizeof list);
    if (!e)
        fail_msg("no event %s %s -> %s; got %s", cameo, source, target, list);
    if (e->modality != modality)
        fail_msg("event %s %s -> %s is %s, expected %s", cameo, source, target,
                 event_modality_name((event_modality)e->modality), event_modality_name(modality));
}

static void done(result *r)
{
    arena_release(&r->a);
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
    expect_event(&r, "043", "PRKGOV", "RUSGOV", MODALITY_ASSERTED);
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
    code_with(&r, "Russia attacked Ukraine.", NULL);
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

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(active_clause_codes_subject_and_object),
        cmocka_unit_test(unknown_sides_follow_the_policy),
        cmocka_unit_test(places_and_peoples_give_states),
        cmocka_unit_test(mutual_acts_are_coded_both_ways),
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
        cmocka_unit_test(modality_names),
        cmocka_unit_test(no_patterns_no_events),
        cmocka_unit_test(commitments_code_the_intent),
        cmocka_unit_test(protests_and_withdrawals),
        cmocka_unit_test(nationality_adjectives_stand_for_countries),
        cmocka_unit_test(subjects_stop_at_other_clauses),
        cmocka_unit_test(demands_and_support_verbs),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
