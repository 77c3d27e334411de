/* test_clauses.c - unit tests for how the event coder reads an event across the parts of a
 * clause: a verb pattern whose target follows the verb holding in the passive ("was hit by"),
 * a participle after "and" sharing an earlier passive's voice and agent, the agent of a
 * passive that is no argument of an event noun before it, mediation whose parties the clause
 * does not name, nouns the tagger read after an article that anchor no verb pattern, attacks
 * made with aircraft, drones or missiles (195), victims of no state of an attack its subject
 * names, a relative clause on a noun after a gerund ("a fishing boat that was rammed"),
 * adjectives of states joined before one role ("the Greek and Turkish defence ministers"),
 * meetings in one party's own state (040, not 044), criticism of an act done to one actor
 * by another, aimed at the doer, participles of violence tagged as adjectives, a truce only
 * as real as the brokering of it, threats aimed at a condition's subject, and others a
 * possessor has ("Greece's allies") who are not the possessor, arrests at home, another
 * state's security boosted, a state's goods as a vessel's cargo, and verbs joined by "then".
 * Patterns and word classes are given inline; dictionaries and tagger come from the data
 * directory.
 */
#include "unit.h"

#include "events_util.h"

static const char patterns_text[] = "190  hit $T\n"
                                    "190  attack $T\n"
                                    "190  attack\n"
                                    "190  ram $T\n"
                                    "111  condemn $T\n"
                                    "190  prosecute ... war|campaign\n"
                                    "138  retaliate\n"
                                    "173  raid $T\n"
                                    "171  seize $T\n"
                                    "1823 kill $T\n"
                                    "145  storm $T\n"
                                    "150  boost ... security\n"
                                    "0871 agree ... truce\n"
                                    "072  send ... @weapon to $T\n"
                                    "190  wound|wounded ... in ... clashes|attack\n"
                                    "044  meet in $L\n"
                                    "044  meet ... in $L\n"
                                    "190  strike $T\n"
                                    "171  seize\n"
                                    "173  detain $T\n"
                                    "0841 release\n"
                                    "045  mediate\n"
                                    "045  broker\n"
                                    "045  broker ... between $T\n"
                                    "045  act as ... mediator\n"
                                    "141  protest ... over ... visit|law\n"
                                    "114  summon $T\n"
                                    "161  refuse to allow $T to return\n"
                                    "%noun\n"
                                    "046  talks\n"
                                    "190  strikes\n"
                                    "1823 killing\n"
                                    "0871 ceasefire\n";

static const char classes_text[] = "@weapon weapons missiles drones\n"
                                   "@sense_aerial drones jets missiles\n"
                                   "@sense_instrument missiles drones\n"
                                   "@sense_bomb suicide car\n"
                                   "@sense_commodity oil goods\n";

static events_fixture fx;

static int setup(void **state)
{
    (void)state;
    return events_fixture_load(&fx, patterns_text, classes_text) ? -1 : 0;
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

static void expect_none(const char *text)
{
    expect_no_events(&fx, text);
}

static void expect_one(const char *text, const char *cameo, const char *source, const char *target,
                       event_modality modality)
{
    expect_coded(&fx, text, cameo, source, target, modality);
}

/* "hit $T" in the passive: the subject is the target, "by" names the doer */
static void target_patterns_hold_in_the_passive(void **state)
{
    (void)state;
    expect_one("A Turkish frigate was hit by a Greek missile.", "190", "GRC", "TUR",
               MODALITY_ASSERTED);
    expect_one("The Polish convoy was reportedly struck by Belarusian drones.", "195", "BLR", "POL",
               MODALITY_ASSERTED);
    /* the active still needs its target after the verb */
    expect_one("Greek missiles hit a Turkish frigate.", "195", "GRC", "TUR", MODALITY_ASSERTED);
    /* a pattern's word read in a passive subject must head it ("prosecute ... campaign") */
    expect_none("The Turkish campaign manager will not be prosecuted.");
    /* a doer that is no actor or weapon: no event ("hit by a wave of selling") */
    expect_none("The Turkish lira was hit by a wave of selling.");
    expect_one("The Turkish frigate was hit by missiles.", "195", "-", "TUR", MODALITY_ASSERTED);
}

/* "was detained by X and later released": the second participle is passive too, and done by
 * the first one's agent */
static void conjoined_participles_share_voice_and_agent(void **state)
{
    (void)state;
    result r;
    code(&r, "The Greek tanker was detained by Turkish marines and later released.");
    expect_event(&r, "173", "TURMIL", "GRC", MODALITY_ASSERTED);
    expect_event(&r, "0841", "TURMIL", "GRC", MODALITY_ASSERTED);
    done(&r);
    /* no agent named: an unknown doer, not the ship */
    code(&r, "A Greek trawler was hit near the island and then seized.");
    assert_null(find_event(&r, "171", "GRC", "-"));
    expect_event(&r, "171", "-", "GRC", MODALITY_ASSERTED);
    done(&r);
    /* an object after the participle makes it active ("... and released its crew") */
    code(&r, "The Greek trawler was detained by Turkish marines and released its crew.");
    assert_null(find_event(&r, "0841", "TURMIL", "GRC"));
    done(&r);
}

/* "the talks were mediated by Qatar": the agent of the verb is no party to the talks; mediation
 * needs no party named, but a deal of business is no mediation */
static void mediators_are_not_parties_of_the_talks(void **state)
{
    (void)state;
    result r;
    code(&r, "The ceasefire talks were mediated by Greece and Turkey.");
    assert_null(find_event(&r, "046", "GRC", "TUR"));
    assert_null(find_event(&r, "046", "TUR", "GRC"));
    expect_event(&r, "045", "GRC", "-", MODALITY_ASSERTED);
    expect_event(&r, "045", "TUR", "-", MODALITY_ASSERTED);
    done(&r);
    expect_one("Greece acted as chief mediator.", "045", "GRC", "-", MODALITY_ASSERTED);
    expect_one("A truce brokered by Greece held overnight.", "045", "GRC", "-", MODALITY_ASSERTED);
    expect_none("Greece has brokered many property deals over the years.");
    /* the parties after the noun stay its parties */
    code(&r, "Talks between Greece and Turkey resumed.");
    expect_event(&r, "046", "GRC", "TUR", MODALITY_ASSERTED);
    done(&r);
}

/* "to lodge a protest over the visit": a noun after an article anchors no verb pattern, even
 * with the pattern's other words around it */
static void nouns_after_articles_anchor_no_verb_patterns(void **state)
{
    (void)state;
    result r;
    code(&r, "Greece summoned the Turkish ambassador to lodge a protest over the visit.");
    expect_event(&r, "114", "GRC", "TURGOV", MODALITY_ASSERTED);
    assert_null(find_event(&r, "141", "TURGOV", "-"));
    done(&r);
    /* the envoy in the pattern's slot is the target, not a place after it */
    expect_one("Greece refused to allow the Turkish envoy to return to Athens.", "161", "GRC",
               "TURGOV", MODALITY_ASSERTED);
}

/* aircraft, drones or missiles make an attack an air strike; a subject that names the attack
 * makes violence against people of no state an event */
static void aerial_weapons_and_attacks_named_by_their_subject(void **state)
{
    (void)state;
    expect_one("A Turkish base was attacked by drones on Monday.", "195", "-", "TUR",
               MODALITY_ASSERTED);
    expect_one("Greek jets attacked Turkish positions.", "195", "GRCMIL", "TUR", MODALITY_ASSERTED);
    expect_one("Greek troops attacked Turkish positions.", "190", "GRCMIL", "TUR",
               MODALITY_ASSERTED);
    expect_one("Greek strikes hit residential buildings near the border.", "195", "GRC", "-",
               MODALITY_ASSERTED);
    /* a car or suicide bomber's attack is no air strike */
    result r;
    code(&r, "A suicide bomber attacked a Turkish base with a car full of drones.");
    assert_null(find_event(&r, "195", "-", "TUR"));
    done(&r);
}

/* a gerund before a noun is its modifier, and a relative clause on the noun is the noun's */
static void relative_clauses_on_nouns_after_gerunds(void **state)
{
    (void)state;
    expect_one("Greece protested after the sinking of a Greek fishing boat that had been rammed "
               "by a Turkish patrol ship.",
               "190", "TUR", "GRC", MODALITY_ASSERTED);
}

/* "the Chinese and US defence ministers": each state's with the role; a meeting in one
 * party's state is no meeting at a third place */
static void joined_states_of_one_role_and_meetings_at_home(void **state)
{
    (void)state;
    result r;
    code(&r, "The Greek and Turkish defence ministers met in Brussels.");
    expect_event(&r, "044", "GRCMIL", "TURMIL", MODALITY_ASSERTED);
    expect_event(&r, "044", "TURMIL", "GRCMIL", MODALITY_ASSERTED);
    done(&r);
    code(&r, "Greek and Hamas negotiators met in Brussels.");
    expect_event(&r, "044", "GRCGOV", "PSEREBHMS", MODALITY_ASSERTED);
    done(&r);
    code(&r, "Greece and Turkey met in Ankara.");
    expect_event(&r, "040", "GRC", "TUR", MODALITY_ASSERTED);
    expect_event(&r, "040", "TUR", "GRC", MODALITY_ASSERTED);
    assert_null(find_event(&r, "044", "GRC", "TUR"));
    done(&r);
}

/* "condemned the killing of a Greek aid worker by Turkish forces": aimed at the doer */
static void criticism_of_an_act_is_aimed_at_its_doer(void **state)
{
    (void)state;
    result r;
    code(&r, "Greece condemned the killing of a Greek aid worker by Turkish forces.");
    expect_event(&r, "111", "GRC", "TURMIL", MODALITY_ASSERTED);
    done(&r);
    /* a participle of violence read as an adjective after "be" is passive ("were wounded") */
    expect_one("Five Greek soldiers were wounded in clashes near the border.", "190", "-", "GRCMIL",
               MODALITY_ASSERTED);
    /* no "by": the object is what is condemned */
    expect_one("Greece condemned the Turkish decision.", "111", "GRC", "TUR", MODALITY_ASSERTED);
}

/* a truce a verb brings about is as real as that act; a threat is aimed at the condition's
 * subject; "Greece's allies" are not Greece */
static void results_conditions_and_others_of_a_possessor(void **state)
{
    (void)state;
    result r;
    /* (the ceasefire's own modality under the brokering: golden events-round31) */
    code(&r, "Italy failed to broker a ceasefire between Greece and Turkey.");
    expect_event(&r, "045", "ITA", "GRC", MODALITY_NEGATED);
    assert_null(find_event(&r, "0871", "GRC", "TUR"));
    done(&r);
    expect_one("Greece warned it would retaliate if Turkey crossed the border.", "138", "GRC",
               "TUR", MODALITY_PLANNED);
    expect_none("Greece's allies will send missiles to Cyprus.");
    /* a state's police arresting at home act on no state; another state's security boosted
     * is no show of force */
    expect_none("Greek police raided dozens of homes in Greece.");
    expect_none("Greece pledged to help boost Cyprus's maritime security.");
    /* "then" after an object joins the next verb to the first one's subject */
    code(&r, "Greek gunmen killed a Turkish police officer then stormed a Turkish village.");
    assert_null(find_event(&r, "190", "TURCOP", "TUR"));
    expect_event(&r, "190", "GRCREB", "TUR", MODALITY_ASSERTED);
    done(&r);
    /* a state's goods a vessel carries are not the state seized */
    expect_none("Greece seized a tanker carrying Turkish oil.");
    expect_one("Greece seized a Turkish tanker carrying oil.", "171", "GRC", "TUR",
               MODALITY_ASSERTED);
    expect_one("Greece will send missiles to Cyprus.", "072", "GRC", "CYP", MODALITY_PLANNED);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(target_patterns_hold_in_the_passive),
        cmocka_unit_test(conjoined_participles_share_voice_and_agent),
        cmocka_unit_test(mediators_are_not_parties_of_the_talks),
        cmocka_unit_test(nouns_after_articles_anchor_no_verb_patterns),
        cmocka_unit_test(aerial_weapons_and_attacks_named_by_their_subject),
        cmocka_unit_test(relative_clauses_on_nouns_after_gerunds),
        cmocka_unit_test(joined_states_of_one_role_and_meetings_at_home),
        cmocka_unit_test(criticism_of_an_act_is_aimed_at_its_doer),
        cmocka_unit_test(results_conditions_and_others_of_a_possessor),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
