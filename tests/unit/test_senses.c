/* test_senses.c - unit tests for what the event coder makes of an event's words: word senses
 * (violent or not, readings that hang on the actor), negating verbs and denials, disputed
 * claims and allegations, conditions and open questions, background adjuncts, purposes of
 * diplomatic acts, direction through participles and "by" phrases, and verbs the tagger
 * misread. Patterns and word classes are given inline; dictionaries and tagger come from the
 * data directory.
 */
#include "unit.h"

#include "events_util.h"

static const char patterns_text[] = "112  accuse $T\n"
                                    "171  seize ... vessel|tanker|cargo\n"
                                    "171  seize $O\n"
                                    "173  detain $T\n"
                                    "181  kidnap $T\n"
                                    "161  evacuate ... embassy\n"
                                    "040  talk\n"
                                    "040  speak\n"
                                    "0256 call on $T to\n"
                                    "093  investigate ... explosion\n"
                                    "150  @weapon ... *cross ... border\n"
                                    "010  claim\n"
                                    "010  announce\n"
                                    "016  deny\n"
                                    "050  back $T\n"
                                    "042  visit $T\n"
                                    "175  open fire on ... worshippers\n"
                                    "020  seek\n"
                                    "072  arm $T\n"
                                    "020  ask for\n"
                                    "190  exchange ... fire\n"
                                    "0841 release $T\n"
                                    "120  reject\n"
                                    "190  shoot down ... drones\n"
                                    "050  support $T\n"
                                    "052  defend $T\n"
                                    "110  express ... concern\n"
                                    "033  promise ... aid to $T\n"
                                    "057:057 sign ... agreement with $T\n"
                                    "057  sign ... agreement\n"
                                    "020  ask $T\n"
                                    "070  rescue ... students\n"
                                    "145  set fire to\n"
                                    "051  welcome ... decision to\n"
                                    "043  welcome $T to\n"

                                    "192  capture ... town\n"
                                    "190  go after ... militants\n"
                                    "045  act as ... mediator\n"
                                    "129  veto ... in|at $T\n"
                                    "129  veto\n"
                                    "062  buy ... jets\n"
                                    "072  send ... to $T\n"
                                    "040  talk with $T\n"
                                    "072  provide ... to $T\n"
                                    "054  recognize $T\n"
                                    "040  contact $T\n"
                                    "111  condemn $T\n"
                                    "111  condemn\n"
                                    "074  lead ... force to $T\n"
                                    "046  involved in ... talks\n"
                                    "112  accuse\n"
                                    "072  send @weapon to $T\n"
                                    "072  supply @weapon to $T\n"
                                    "072  receive @weapon from $S\n"
                                    "190  attack $T\n"
                                    "191  surround $T\n"
                                    "190  attack\n"
                                    "190  fire back at $T\n"
                                    "190  fire ... at $T\n"
                                    "190  battle $T\n"
                                    "190  fight $T\n"
                                    "190  fight off $T\n"
                                    "190  cross into $T\n"
                                    "190  enter $T\n"
                                    "190  invade $T\n"
                                    "190  raid $T\n"
                                    "190  expel $T\n"
                                    "192  remain in $T\n"
                                    "042  arrive in $T\n"
                                    "173  charge $T with\n"
                                    "173  capture $T\n"
                                    "1823 kill $T\n"
                                    "143  launch ... strike\n"
                                    "145  storm $T\n"
                                    "183  bomb $T\n"
                                    "114  summon $T\n"
                                    "140  protest\n"
                                    "040  discuss\n"
                                    "170  pressure $T\n"
                                    "1312 threaten $T with\n"
                                    "183  explode\n"
                                    "046  hold talks\n"
                                    "162  withhold ... aid\n"
                                    "070  rescue $T\n"
                                    "070  help $T\n"
                                    "175  crush $T\n"
                                    "1822 mistreat $T\n"
                                    "186  eliminate $T\n"
                                    "020  call for\n"
                                    "100  order $T to\n"
                                    "186  eliminate\n"
                                    "190  roll into $T\n"
                                    "1823 kill\n"
                                    "192  secure $T\n"
                                    "190  come under ... fire\n"
                                    "%noun\n"
                                    "190  attack on $T\n"
                                    "190  attacks on $T\n"
                                    "190  attack|attacks|ambush by $S\n"
                                    "195  air *strikes\n"
                                    "192  invasion of $T\n"
                                    "163  sanctions on $T\n"
                                    "042  visit to $T\n"
                                    "195  drone *attack\n"
                                    "194  rocket *attack\n";

static const char classes_text[] =
    "@weapon weapons missiles drones tanks system\n"
    "@aid aid assistance\n"
    "@sense_criticise attack attacks fire hit strike\n"
    "@sense_contest battle fight war explode\n"
    "@sense_movement cross enter invade invasion remain surround\n"
    "@sense_instrument missiles artillery drones rockets knives\n"
    "@sense_target convoy base village town troops soldiers\n"
    "@sense_civil policy plan remarks budget extradition reform election system\n"
    "@sense_sport football tennis semifinal final\n"
    "@sense_armed troops soldiers forces gunmen militants jets\n"
    "@sense_collective coalition group government\n"
    "@sense_casualty killed wounded dead\n"
    "@sense_envoy ambassador envoy diplomats\n"
    "@sense_legal prosecutors court police\n"
    "@sense_warning warning flares\n"
    "@sense_bomb suicide bomber car\n"
    "@sense_territory town city base camp region\n"
    "@sense_strict eliminate roll kick\n"
    "@sense_civil_modifier personal negative\n"
    "@sense_accident crash accident floods\n"
    "@violence violence fighting bombing\n";

static events_fixture fx, plain; /* plain: the same patterns without the @sense_ tables */

static int setup(void **state)
{
    (void)state;
    static const char weapons[] = "@weapon weapons missiles drones tanks\n";
    return events_fixture_load(&fx, patterns_text, classes_text) ||
                   events_fixture_load(&plain, patterns_text, weapons)
               ? -1
               : 0;
}

static int teardown(void **state)
{
    (void)state;
    events_fixture_free(&fx);
    events_fixture_free(&plain);
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

/* ---- negation and denial ---- */

static void verbs_that_deny_their_complement_negate_it(void **state)
{
    (void)state;
    const char *sentences[] = {
        "Germany declined to send weapons to Ukraine.",
        "Germany refused to send weapons to Ukraine.",
        "Germany failed to send weapons to Ukraine.",
        "Germany has ruled out sending weapons to Ukraine.",
        "Germany stopped short of sending weapons to Ukraine.",
        "Germany refrained from sending weapons to Ukraine.",
        "Germany held off on sending weapons to Ukraine.",
        "Germany avoided sending weapons to Ukraine.",
        "Germany no longer sends weapons to Ukraine.",
        "Germany has yet to send weapons to Ukraine.",
    };
    for (size_t i = 0; i < ARRAY_LEN(sentences); i++)
        expect_one(sentences[i], "072", "DEU", "UKR", MODALITY_NEGATED);
    /* a verb alone is no negation: "ruled" without "out", "stopped" without "short of" */
    expect_one("Germany ruled out talks and sent weapons to Ukraine.", "072", "DEU", "UKR",
               MODALITY_ASSERTED);
}

static void denials_negate_and_are_attributed_to_the_denier(void **state)
{
    (void)state;
    result r;
    code(&r, "Moscow flatly denied that Russian troops entered Georgia.");
    expect_event(&r, "190", "RUSMIL", "GEO", MODALITY_NEGATED);
    const event *e = find_event(&r, "190", "RUSMIL", "GEO");
    assert_true(e->attribution >= 0);
    const attribution *f = &r.art.attributions[e->attribution];
    assert_true(f->cue.end - f->cue.start >= 6); /* the verb group: "(flatly) denied" */
    assert_memory_equal(r.art.text.text + f->cue.end - 6, "denied", 6);
    done(&r);
    expect_one("Iran denied its soldiers had attacked Iraq.", "190", "IRNMIL", "IRQ",
               MODALITY_NEGATED);
    /* a denial that is itself denied asserts */
    expect_one("Chile did not deny that its forces attacked Peru.", "190", "CHLMIL", "PER",
               MODALITY_ASSERTED);
}

static void disputed_claims_and_allegations_are_not_coded(void **state)
{
    (void)state;
    expect_none("The Pentagon rejected claims that American troops attacked Iraq.");
    expect_none("Kyiv dismissed reports that Ukrainian troops entered Russia.");
    expect_none("Syria called the reports that Turkey sent weapons to Kurdish rebels baseless.");
    expect_none("An official described the idea that Iran sends weapons to Syria as absurd.");
    expect_none("There is no evidence that China supplied weapons to Russia.");
    expect_none("Analysts found no evidence of a Russian attack on Kyiv.");
    /* the accusation is coded, not the act alleged */
    result r;
    code(&r, "Kenya accused Somalia of attacks on Kenyan villages.");
    expect_event(&r, "112", "KEN", "SOM", MODALITY_ASSERTED);
    assert_null(find_event(&r, "190", "SOM", "KEN"));
    assert_int_equal(r.art.nevents, 1);
    done(&r);
    /* a claim that nobody disputes stays an event */
    expect_one("Officials confirmed reports that Russian troops entered Georgia.", "190", "RUSMIL",
               "GEO", MODALITY_ASSERTED);
}

static void conditions_and_open_questions_are_hypothetical(void **state)
{
    (void)state;
    expect_one("Analysts asked whether Russia attacked Georgia.", "190", "RUS", "GEO",
               MODALITY_HYPOTHETICAL);
    expect_one("Congress will examine whether Trump sent weapons to Ukraine.", "072", "USAGOV",
               "UKR", MODALITY_HYPOTHETICAL);
    expect_one("Analysts asked if the Russian attack on Kyiv was planned.", "190", "RUS", "UKRGOV",
               MODALITY_HYPOTHETICAL);
    expect_one("Russia attacked Georgia, analysts said.", "190", "RUS", "GEO", MODALITY_ASSERTED);
    /* a present tense in an "until" or "before" clause has not happened yet */
    expect_one("Georgia will resist until Russia attacks Georgia.", "190", "RUS", "GEO",
               MODALITY_PLANNED);
    expect_one("Georgia resisted until Russia attacked Georgia.", "190", "RUS", "GEO",
               MODALITY_ASSERTED);
}

/* ---- background and purpose ---- */

static void event_nouns_in_adjuncts_are_background(void **state)
{
    (void)state;
    result r;
    code(&r, "Israel attacked Lebanon in response to a Hamas attack on Israel.");
    expect_event(&r, "190", "ISR", "LBN", MODALITY_ASSERTED);
    assert_null(find_event(&r, "190", "PSEREBHMS", "ISR"));
    done(&r);
    expect_none("Ten years after the Russian invasion of Georgia, the border is quiet.");
    expect_none("Tensions rose over Russian attacks on Georgia.");
    expect_none("It was the worst day since the Russian invasion of Ukraine.");
    expect_none("The fighting went on in retaliation for the Turkish attack on Syria.");
    expect_none("The United States acted to prevent Iranian attacks on Israel.");
    expect_none("Peace came in the wake of the Iraqi invasion of Kuwait.");
    /* the main assertion and what happens during a visit are coded */
    expect_one("The Russian invasion of Ukraine began in February.", "192", "RUS", "UKR",
               MODALITY_ASSERTED);
    expect_one("During Putin's visit to Pyongyang, crowds cheered.", "042", "RUSGOV", "PRKGOV",
               MODALITY_ASSERTED);
}

static void purposes_of_diplomatic_acts_are_no_second_event(void **state)
{
    (void)state;
    result r;
    code(&r, "France summoned the Italian ambassador to protest.");
    expect_event(&r, "114", "FRA", "ITAGOV", MODALITY_ASSERTED);
    assert_int_equal(r.art.nevents, 1);
    done(&r);
    code(&r, "France summoned the Italian ambassador and protested.");
    assert_non_null(find_event(&r, "140", "FRA", "-"));
    done(&r);
}

static void orders_to_own_forces_are_the_orderers_acts(void **state)
{
    (void)state;
    /* forces with no other country act for whoever ordered them */
    expect_one("The Malian junta ordered police to expel the French ambassador.", "161", "MLIGOV",
               "FRAGOV", MODALITY_ASSERTED);
    /* an order to another state is a demand: the act is not done */
    result r;
    code(&r, "Mali ordered Russia to expel the French ambassador.");
    assert_null(find_event(&r, "161", "RUS", "FRAGOV"));
    assert_null(find_event(&r, "161", "MLI", "FRAGOV"));
    done(&r);
}

static void visits_and_visitors_named_in_apposition(void **state)
{
    (void)state;
    expect_one("The Chinese president arrived in Belgrade for talks.", "042", "CHNGOV", "SRB",
               MODALITY_ASSERTED);
    /* a name we cannot code in apposition to a title we can is the title's actor */
    expect_one("Chile's foreign minister, Alberto Fuentes, who is also the deputy prime minister, "
               "began a visit to Peru.",
               "042", "CHLGOV", "PER", MODALITY_ASSERTED);
    /* a journey at home is no visit */
    result r;
    code(&r, "The Serbian president arrived in Belgrade for talks.");
    assert_null(find_event(&r, "042", "SRBGOV", "SRB"));
    done(&r);
    /* but not a phrase inside another ("the son of the president, X,") */
    code(&r, "The son of the Chilean president, Alberto Fuentes, attacked Peru.");
    assert_null(find_event(&r, "190", "CHLGOV", "PER"));
    done(&r);
}

static void opening_adjuncts_take_the_main_subject(void **state)
{
    (void)state;
    /* a gerund in an adjunct that opens the sentence has the main clause's subject */
    expect_one("After summoning the Peruvian ambassador on Monday, Chile held talks.", "114", "CHL",
               "PERGOV", MODALITY_ASSERTED);
}

static void reported_casualties_are_passive(void **state)
{
    (void)state;
    /* a passive verb of report before a participle passes its voice on: the soldiers suffered */
    expect_one("Twelve Peruvian soldiers have been reported killed.", "1823", "-", "PERMIL",
               MODALITY_ASSERTED);
    result r;
    code(&r, "Twelve Peruvian soldiers have been reported killed.");
    assert_null(find_event(&r, "1823", "PERMIL", "-"));
    done(&r);
}

/* ---- direction ---- */

static void direction_through_participles_and_by_phrases(void **state)
{
    (void)state;
    expect_one("Russia massed troops on the border, threatening Ukraine with an invasion.", "1312",
               "RUS", "UKR", MODALITY_ASSERTED);
    expect_one("China was accused by the United States of stealing secrets.", "112", "USA", "CHN",
               MODALITY_ASSERTED);
    expect_one("Iran, accused by Israel of arming Hezbollah, closed its embassy.", "112", "ISR",
               "IRN", MODALITY_ASSERTED);
    expect_one("The sanctions on Russia by the European Union hurt its economy.", "163",
               "IGOEUREEC", "RUS", MODALITY_ASSERTED);
    expect_one("Ukraine received missiles from Germany.", "072", "DEU", "UKR", MODALITY_ASSERTED);
    /* a gerund that is a subject is no adverbial participle */
    expect_none("Despite the talks, actually attacking Georgia has proved hard.");
}

static void relative_clauses_infinitive_subjects_and_aid_givers(void **state)
{
    (void)state;
    /* a relative clause acts through its antecedent, or codes nothing without an actor */
    expect_one("The rebels fled from Syrian forces, which attacked Turkey.", "190", "SYRMIL", "TUR",
               MODALITY_ASSERTED);
    expect_none("It was the explosion that attacked Turkey.");
    expect_none("Obama spoke of the raid in which a knifeman attacked Kenya.");
    expect_one("Obama spoke of the raid in which gunmen attacked Kenya.", "190", "REB", "KEN",
               MODALITY_ASSERTED);
    /* the subject of an infinitive after "for" is no target: the talks are mutual */
    result r;
    code(&r, "Washington and the Taliban held talks for American troops to leave.");
    expect_event(&r, "046", "USAGOV", "AFGGOV", MODALITY_ASSERTED); /* the Taliban govern */
    assert_null(find_event(&r, "046", "USAGOV", "USAMIL"));
    done(&r);
    /* the nation of aid gives it: the target follows "to" */
    expect_one("Trump withheld US military aid to Ukraine.", "162", "USAGOV", "UKR",
               MODALITY_ASSERTED);
    /* the infinitive of a relative clause's verb; a headline's killing without object */
    expect_one("Protesters faced Iranian police, which used force to crush the Iranian opposition.",
               "175", "IRNCOP", "IRNOPP", MODALITY_ASSERTED);
    expect_none("Eleven police killed, dozens wounded in Turkey.");
    /* no target: an ally, a hyphenated modifier, an actor of another clause */
    result q;
    code(&q, "Ethiopian rebels fought on the Eritrean side.");
    assert_null(find_event(&q, "190", "ETHREB", "ERI"));
    done(&q);
    /* the locators are no target actors ("it locates the object"); the sides stage may still
     * take the first place after the verb as the place acted on (sides.c, events_site) */
    code(&q, "Armenian troops captured seven districts between the rebels and the army.");
    assert_null(find_event(&q, "173", "ARMMIL", "REB"));
    assert_null(find_event(&q, "192", "ARMMIL", "REB"));
    done(&q);
    code(&q, "Russia's invasion of Crimea alarmed Turkey.");
    assert_null(find_event(&q, "192", "RUS", "TUR"));
    done(&q);
    /* the possessor in a "by" agent is not the doer; an owner of plans acts */
    expect_none("Putin was attacked by his own aides.");
    /* help by police, or between private people, is no aid between political actors */
    expect_none("Texas police rescued the students.");
    expect_none("The company helps people.");
}

/* ---- senses ---- */

static void violent_words_need_a_violent_object_instrument_or_actor(void **state)
{
    (void)state;
    /* criticism: a civil object, people on both sides, a civil reason */
    expect_one("Germany's chancellor attacked the French president's pension reform.", "111",
               "DEUGOV", "FRAGOV", MODALITY_ASSERTED);
    expect_one("The Kenyan opposition leader fired back at the Kenyan president over his budget.",
               "111", "KENOPP", "KENGOV", MODALITY_ASSERTED);
    expect_one("Hillary Clinton attacked Donald Trump.", "111", "USAELI", "USAGOV",
               MODALITY_ASSERTED);
    /* violence: an instrument, an armed actor, casualties, states */
    expect_one("Russian jets attacked a Ukrainian convoy with missiles.", "190", "RUSMIL", "UKR",
               MODALITY_ASSERTED);
    expect_one("Gunmen attacked Nigeria's president, killing two guards.", "190", "REB", "NGAGOV",
               MODALITY_ASSERTED);
    expect_one("Chile attacked Peru at dawn.", "190", "CHL", "PER", MODALITY_ASSERTED);
    /* a contest or a move without arms is nothing */
    expect_none("Julian Assange is battling extradition to the United States.");
    expect_none("Hundreds of migrants crossed into Hungary.");
    expect_none("Austria entered the European Union in 1995.");
    expect_none("Britain remained in the European Union.");
    expect_one("Serbian troops crossed into Kosovo.", "190", "SRBMIL", "KSV", MODALITY_ASSERTED);
    expect_one("Russia invaded Georgia in 2008.", "190", "RUS", "GEO", MODALITY_ASSERTED);
}

static void sports_participles_and_words_of_two_classes(void **state)
{
    (void)state;
    /* a contest in a sentence about sport is a game */
    expect_none("Spain beat Italy in the football semifinal and will fight France in the final.");
    expect_none("Serena Williams battled Venus Williams in the tennis final.");
    expect_one("Spain will fight France.", "190", "ESP", "FRA", MODALITY_PLANNED);
    /* a movement verb as a participle after a noun that is no armed actor describes it */
    expect_none("The dispute surrounding the Serbian town has lasted for decades.");
    expect_one("Serbian troops surrounded a Kosovar village.", "191", "SRBMIL", "KSV",
               MODALITY_ASSERTED);
    /* blamed for words, whoever the sides are */
    expect_one("Chile attacked Peru for suggesting a new border.", "111", "CHL", "PER",
               MODALITY_ASSERTED);
    expect_one("Chile attacked Peru for a new border.", "190", "CHL", "PER", MODALITY_ASSERTED);
    /* a word that is both a weapon and a civil object counts as civil */
    expect_none("The populist candidate promised to attack the system.");
}

/* ---- property by its flag, places captured, conjoined verbs, unnamed public actors ---- */

static void ships_places_and_unnamed_public_actors(void **state)
{
    (void)state;
    /* a ship flagged, registered or managed in a state is that state's */
    expect_one("Finnish authorities seized a Turkish-managed cargo vessel.", "171", "FINGOV", "TUR",
               MODALITY_ASSERTED);
    expect_one("Iranian forces seized a British-flagged tanker.", "171", "IRNMIL", "GBR",
               MODALITY_ASSERTED);
    /* water named after a state is no actor, and a ship taken there is no town captured */
    result r;
    code(&r, "Iran seized a Panama-registered tanker in the Gulf of Oman.");
    expect_event(&r, "171", "IRN", "PAN", MODALITY_ASSERTED);
    assert_null(find_event(&r, "192", "IRN", "OMN"));
    assert_null(find_event(&r, "171", "IRN", "OMN"));
    done(&r);
    /* a named region seized is occupation */
    expect_one("Russia seized Crimea in 2014.", "192", "RUS", "UKR", MODALITY_ASSERTED);
    /* a finite verb conjoined over participles that describe a noun keeps the first
     * verb's subject */
    code(&r, "Finnish police seized a Turkish-managed cargo vessel suspected of damaging an "
             "undersea cable and detained its 14 crew members.");
    expect_event(&r, "173", "FINCOP", "CVL", MODALITY_ASSERTED);
    assert_null(find_event(&r, "173", "TUR", "CVL"));
    done(&r);
    /* a public actor without its state still acts ("?" source); people and businesses do not */
    expect_one("Human rights groups have accused the Ethiopian authorities of mass arrests.", "112",
               "NGO", "ETHGOV", MODALITY_ASSERTED);
    expect_none("The doctors asked people to contact the company.");
    expect_one("Kenya recognized Kosovo in 2015.", "054", "KEN", "KSV", MODALITY_ASSERTED);
    /* a participle between a determiner and its noun is no clause */
    expect_none("The leaders of the partially recognized Kosovo met in Tirana.");
}

/* ---- subjects over brackets, relative clauses on acts, adjuncts; participles read as
 * adjectives ---- */

static void subjects_over_brackets_relatives_and_adjuncts(void **state)
{
    (void)state;
    /* an apposition with a bracket inside it is passed over to its actor */
    expect_one("Indonesia, current chair of the Association of Southeast Asian Nations (ASEAN), "
               "called for an immediate end to the violence.",
               "020", "IDN", "-", MODALITY_ASSERTED);
    /* a verb conjoined after a relative clause on an act continues the main clause */
    expect_one("France, the former colonial power in Niger, condemned the coup that ousted the "
               "president and called for an end to the fighting.",
               "020", "FRA", "-", MODALITY_ASSERTED);
    /* ... but after a relative clause on a group, the group (no actor) is not replaced */
    result r;
    code(&r, "The army said the group, which attacked the base and killed 10 soldiers, is "
             "linked to al-Qaeda.");
    assert_null(find_event(&r, "1823", "MIL", "MIL"));
    done(&r);
    /* "agreed in October to lead": the commitment over a short adjunct is an intent */
    expect_one("Kenya agreed in October to lead an international police force to Haiti.", "0334",
               "KEN", "HTI", MODALITY_ASSERTED);
    /* a participle read as an adjective after "been" still anchors its pattern */
    code(&r, "India and China have been involved in talks to ease the border tensions.");
    expect_event(&r, "046", "IND", "CHN", MODALITY_ASSERTED);
    expect_event(&r, "046", "CHN", "IND", MODALITY_ASSERTED);
    done(&r);
}

/* ---- doers and victims past appositions and participle phrases ---- */

static void doers_and_victims_past_appositions(void **state)
{
    (void)state;
    /* the victim of an event noun is found past its doer and the doer's apposition */
    expect_one("A drone attack carried out by Kataib Hezbollah militants, an Iran-backed group, "
               "wounded three U.S. service members.",
               "195", "IRQREBKTH", "USAMIL", MODALITY_ASSERTED);
    /* ... also when the noun is the subject of the harm and the doer has a participle phrase */
    expect_one("A rocket attack carried out by Houthi fighters, a group aligned with Iran, "
               "damaged a Greek-owned cargo ship.",
               "194", "YEMREBHTI", "GRC", MODALITY_ASSERTED);
    /* victims named by a role are of the state where it happens, past ", including ...," */
    expect_one("Gunmen kidnapped 30 people, including 24 students, in northern Iraq's Nineveh "
               "province.",
               "181", "REB", "IRQCVL", MODALITY_ASSERTED);
    /* a series of finite verbs shares its subject, and things seized after an attack are the
     * attacked side's */
    result r;
    code(&r, "Russian troops attacked Ukrainian positions, killed five soldiers and seized "
             "their weapons.");
    expect_event(&r, "190", "RUSMIL", "MIL", MODALITY_ASSERTED); /* killing soldiers: a fight */
    expect_event(&r, "171", "RUSMIL", "UKR", MODALITY_ASSERTED);
    done(&r);
    /* a participle conjoined with a passive one is passive too */
    expect_one("Two Malian soldiers were ambushed and killed by militants.", "190", "REB", "MLIMIL",
               MODALITY_ASSERTED);
    /* "were among those killed": the subject suffered it, by someone unnamed */
    expect_one("Two Americans were among those killed in the attack.", "1823", "-", "USA",
               MODALITY_ASSERTED);
    /* a subject before an apposition that opens with a participle */
    expect_one("Insurgents, believed to be from an ethnic minority, attacked Myanmar border posts.",
               "190", "REB", "MMR", MODALITY_ASSERTED);
    /* a subject described by a participle phrase before an apposition */
    expect_one("An armed group based in Tarhouna, some 70 kilometres from the capital, attacked "
               "Libyan troops.",
               "190", "REB", "LBYMIL", MODALITY_ASSERTED);
}

/* ---- missions abroad, deliberated measures, aid in the passive ---- */

/* Victims of an act a noun names, doers a role names, and objects past a time adjunct
 * (stop 29) */
static void victims_of_named_acts_and_objects_past_time(void **state)
{
    (void)state;
    /* the subject of a passive whose agent is the act is its victim */
    expect_one("Ukrainian positions were hit by Russian air strikes overnight.", "195", "RUS",
               "UKR", MODALITY_ASSERTED);
    /* and the subject of "be the target of" it; an armed role that the noun names as the doer
     * is an unnamed doer, as it is of a verb */
    expect_one("The Malian army base was the target of an attack by militants.", "190", "REB",
               "MLIMIL", MODALITY_ASSERTED);
    /* a state named only as the doer's own phrase is no victim */
    result r;
    code(&r, "Five soldiers died in an attack by militants of the Islamic State.");
    for (size_t i = 0; i < r.art.nevents; i++)
        assert_false(r.art.events[i].source.code && r.art.events[i].target.code &&
                     strcmp(r.art.events[i].source.code, r.art.events[i].target.code) == 0);
    done(&r);
    /* past a doer named after the noun, only a preposition of direction opens the victim */
    code(&r, "The bombing was an attack by Hamas, Iran's ally.");
    assert_null(find_event(&r, "190", "PSEREBHAM", "IRN"));
    done(&r);
    /* a support verb's object noun with an armed role as subject */
    expect_one("Gunmen initiated an attack on a Nigerian army patrol.", "190", "REB", "NGAMIL",
               MODALITY_ASSERTED);
    /* a time adjunct between the verb and its object does not end the pattern's gap */
    code(&r, "Poland and Ukraine signed on Monday a new security agreement.");
    expect_event(&r, "057", "POL", "UKR", MODALITY_ASSERTED);
    done(&r);
    code(&r, "Poland and Ukraine signed earlier this month a new security agreement.");
    expect_event(&r, "057", "UKR", "POL", MODALITY_ASSERTED);
    done(&r);
    /* a veto in the Security Council is cast against it */
    expect_one("Russia vetoed the resolution in the Security Council.", "129", "RUS", "IGOUNO",
               MODALITY_ASSERTED);
    /* what a body asks its own officials to deliberate is its own possible act, a date
     * between them and "to" included */
    expect_one("EU leaders asked their foreign ministers on Tuesday to consider new sanctions on "
               "Russia.",
               "163", "IGOEUREEC", "RUS", MODALITY_POSSIBLE);
    result r2;
    code(&r2, "EU leaders asked Japan to consider new sanctions on Russia.");
    expect_event(&r2, "020", "IGOEUREEC", "JPN", MODALITY_ASSERTED); /* an appeal to another */
    assert_null(find_event(&r2, "163", "IGOEUREEC", "RUS"));
    done(&r2);
    /* a name the tagger misread as an adverb is no part of the verb group */
    expect_one("Qatar acted as mediator between Israel and Hamas.", "045", "QAT", "ISR",
               MODALITY_ASSERTED);
    /* the object of a present participle describing the subject is not the subject */
    result r3;
    code(&r3, "Chadian rebels fighting the Sudanese army captured a border town.");
    assert_null(find_event(&r3, "192", "SDNMIL", "-"));
    assert_non_null(find_event(&r3, "192", "TCDREB", "-"));
    done(&r3);
    /* a conjunct opened by a number is a conjunct ("and 47 Malian soldiers") */
    code(&r3, "Rebels killed 80 Russian mercenaries and 47 Malian soldiers.");
    assert_non_null(find_event(&r3, "190", "REB", "RUS"));
    assert_non_null(find_event(&r3, "190", "REB", "MLIMIL"));
    done(&r3);
    expect_one("Iraq said its army will go after militants near the border.", "190", "IRQMIL", "-",
               MODALITY_PLANNED);
    /* who denies a part in an act named by a noun is its doer, negated, with no victim named */
    expect_one("Russia has denied any involvement in the attack on the pipeline.", "190", "RUS",
               "-", MODALITY_NEGATED);
    expect_none("Russia did not deny any involvement in the attack on the pipeline.");
    /* a present form the tagger read as a noun before the verb it governs */
    expect_one("Rwanda denies supporting the M23 rebels.", "050", "RWA", "CODREBMAR",
               MODALITY_NEGATED);
    /* a wh-word opens a clause, not a role's phrase */
    code(&r3, "Twenty people were killed when Russian missiles hit the city.");
    assert_null(find_event(&r3, "1823", "-", "RUS"));
    done(&r3);
    /* an infinitive after a noun of decision is done by the noun's owner, not by who
     * criticises or welcomes the decision */
    code(&r3, "China criticised Washington's decision to send weapons to Taiwan.");
    expect_event(&r3, "072", "USAGOV", "TWN", MODALITY_ASSERTED);
    assert_null(find_event(&r3, "072", "CHNGOV", "TWN"));
    done(&r3);
    expect_one("Ukraine welcomed the European Union's decision to open talks.", "051", "UKR",
               "IGOEUREEC", MODALITY_ASSERTED);
    /* a participle between a number and its noun describes the noun: the rescuers did not
     * kidnap */
    code(&r3, "Nigerian troops rescued 20 kidnapped students in Zamfara state.");
    assert_null(find_event(&r3, "181", "NGAMIL", "NGAEDU"));
    done(&r3);
    /* an attack named as the subject of "set fire" is the event, not a protest */
    code(&r3, "A Ukrainian drone attack set fire to an oil depot in Russia's Bryansk region.");
    for (size_t i = 0; i < r3.art.nevents; i++)
        assert_string_not_equal(r3.art.events[i].code, "145");
    done(&r3);
    /* people among those a violent act was done to, past an adverb */
    expect_one("Two Iranian reporters were among those reportedly killed by police.", "1823", "COP",
               "IRNMED", MODALITY_ASSERTED);
}

static void missions_deliberations_and_passive_aid(void **state)
{
    (void)state;
    /* a mission reduced in another state's capital is reduced towards that state */
    expect_one("In response, Cambodia evacuated its embassy in Bangkok.", "161", "KHM", "THA",
               MODALITY_ASSERTED);
    /* sanctions under discussion are possible, and the discussing impose them */
    expect_one("The European Union is discussing a new round of sanctions on Russia.", "163",
               "IGOEUREEC", "RUS", MODALITY_POSSIBLE);
    expect_none("The European Union did not discuss sanctions on Russia.");
    expect_none("Russia discussed the attack on the embassy.");
    /* what the sent are to do is the sending's purpose, not an act */
    result r;
    code(&r, "Russia has sent about 200 mercenaries to Libya to support the rebels.");
    assert_string_equal(r.art.nevents ? r.art.events[0].code : "", "074"); /* sent to help */
    assert_null(find_event(&r, "050", "RUS", "REB"));
    assert_int_equal(r.art.nevents, 1);
    done(&r);
    /* a state's sovereignty is what was violated, not whom a condemnation criticises */
    result r2;
    code(&r2, "Iraq condemned the strikes as a violation of Iraqi sovereignty.");
    assert_null(find_event(&r2, "111", "IRQ", "IRQ"));
    done(&r2);
    /* a region after "in" is where, not who ("it" is not Asia) */
    expect_none("Manila is its oldest treaty ally in Asia, and it is obligated to defend them.");
    /* an agreement signed to buy arms is the signing and the purchase from the partner */
    code(&r, "India signed an agreement with France to buy 36 fighter jets.");
    expect_event(&r, "057", "IND", "FRA", MODALITY_ASSERTED);
    expect_event(&r, "057", "FRA", "IND", MODALITY_ASSERTED);
    expect_event(&r, "062", "IND", "FRA", MODALITY_ASSERTED);
    done(&r);
    /* the subject of a that-clause of concern, past a hyphenated modifier, is its target */
    expect_one("Russia expressed concern that NATO-member Norway is militarizing the islands.",
               "110", "RUS", "NOR", MODALITY_ASSERTED);
    /* a noun phrase a speech verb takes is no reported clause: its actor stays the target */
    expect_one("Kenya condemned the attack and promised aid to Haiti.", "033", "KEN", "HTI",
               MODALITY_ASSERTED);
    /* what follows "about" is the topic of a talk, not its partner */
    expect_none("Trump talked about China and Mexico.");
    expect_one("France talked with Germany about Russia.", "040", "FRA", "DEU", MODALITY_ASSERTED);
    /* military aid in an agentless passive has an unknown giver */
    expect_one("The equipment was provided to the Philippines last year.", "072", "-", "PHL",
               MODALITY_ASSERTED);
}

static void readings_that_hang_on_the_actor(void **state)
{
    (void)state;
    expect_one("German police raided the homes of Syrian refugees.", "173", "DEUCOP", "SYRREF",
               MODALITY_ASSERTED);
    expect_one("Israeli troops raided a Palestinian refugee camp.", "190", "ISRMIL", "PSEREF",
               MODALITY_ASSERTED);
    expect_one("Sudan expelled the Chadian ambassador.", "161", "SDN", "TCDGOV", MODALITY_ASSERTED);
    expect_one("Egyptian troops arrived in Libya.", "154", "EGYMIL", "LBY", MODALITY_ASSERTED);
    expect_one("Putin arrived in Libya.", "042", "RUSGOV", "LBY", MODALITY_ASSERTED);
    expect_one("Brazilian prosecutors charged the former Bolivian president with corruption.",
               "173", "BRAJUD", "BOLGOV", MODALITY_ASSERTED);
    expect_one("Venezuela charged Colombia with plotting a coup.", "112", "VEN", "COL",
               MODALITY_ASSERTED);
    expect_one("North Korean soldiers fired warning shots at South Korea.", "150", "PRKMIL", "KOR",
               MODALITY_ASSERTED);
    expect_one("Malian rebels killed five Malian soldiers.", "190", "MLIREB", "MLIMIL",
               MODALITY_ASSERTED);
    expect_one("A suicide bomber killed five Somali soldiers.", "1823", "UAF", "SOMMIL",
               MODALITY_ASSERTED);
    expect_one("Russian troops captured the Ukrainian town of Bakhmut.", "192", "RUSMIL", "UKR",
               MODALITY_ASSERTED);
    expect_one("Russian troops captured the Ukrainian commander.", "173", "RUSMIL", "UKRMIL",
               MODALITY_ASSERTED);
    expect_one("The Israeli army launched a strike against Hezbollah.", "190", "ISRMIL",
               "LBNREBHEZ", MODALITY_ASSERTED);
    expect_one("Gunmen stormed a hotel in Somalia.", "190", "REB", "SOM", MODALITY_ASSERTED);
    expect_one("Argentine planes bombed the British fleet.", "195", "ARG", "GBR",
               MODALITY_ASSERTED);
}

static void speakers_documents_joined_acts_and_claims(void **state)
{
    (void)state;
    /* conjoined subjects who speak with no one else named speak with each other */
    result r;
    code(&r, "Poland and Ukraine spoke on Friday about grain exports.");
    expect_event(&r, "040", "POL", "UKR", MODALITY_ASSERTED);
    expect_event(&r, "040", "UKR", "POL", MODALITY_ASSERTED);
    done(&r);
    expect_none("Poland and Ukraine spoke to reporters in Brussels.");
    expect_none("Poland spoke about Ukraine.");
    /* a document with no author named acts as an unknown source */
    expect_one("The resolution calls on Russia to withdraw.", "0256", "-", "RUS",
               MODALITY_ASSERTED);
    expect_one("A statement from the ministry condemned Russia.", "111", "-", "RUS",
               MODALITY_ASSERTED);
    expect_none("The adoption of the resolution angered Russia.");
    /* "X joined Y in Ving": both do it */
    code(&r, "Canada joined Poland in condemning Russia.");
    expect_event(&r, "111", "CAN", "RUS", MODALITY_ASSERTED);
    expect_event(&r, "111", "POL", "RUS", MODALITY_ASSERTED);
    done(&r);
    /* an amount phrase between a verb and what it gives is skipped like a date */
    expect_one("Germany sent another $500 million in weapons to Ukraine.", "072", "DEU", "UKR",
               MODALITY_ASSERTED);
    /* a verb glued by a hyphen to the next word is part of a compound modifier */
    code(&r, "Polish tanks fired in a cross-border raid into Belarus.");
    assert_null(find_event(&r, "150", "POLMIL", "BLR"));
    done(&r);
    /* the object of a relative clause's verb is not the subject of the verb after it */
    expect_none("The man who insulted Russia was condemned.");
    /* an investigation of an incident needs no culprit */
    expect_one("Polish police are investigating the explosion.", "093", "POLCOP", "-",
               MODALITY_ASSERTED);
    /* "the group" refers to the armed group last named; a claimed attack is the claimer's */
    code(&r, "Poland accused Hamas of lying after the group attacked Ukraine.");
    expect_event(&r, "190", "PSEREBHMS", "UKR", MODALITY_ASSERTED);
    done(&r);
    expect_one("Hamas claimed responsibility for the bombing, which killed Ukrainian soldiers.",
               "190", "PSEREBHMS", "UKRMIL", MODALITY_ASSERTED);
    /* a particle and an object after a participle make it active, not a reduced relative */
    expect_one("Poland said its air defences shot down 40 Russian drones.", "190", "POL", "RUS",
               MODALITY_ASSERTED);
    /* an infinitive after a noun of intent is its owner's planned act */
    code(&r, "Russia rejected a proposal by Poland to send weapons to Ukraine.");
    expect_event(&r, "072", "POL", "UKR", MODALITY_PLANNED);
    assert_null(find_event(&r, "072", "RUS", "UKR"));
    done(&r);
    expect_one("Poland announced a plan to send weapons to Ukraine.", "072", "POL", "UKR",
               MODALITY_PLANNED);
    /* "It" opening a sentence with a verb continues the subject of the sentence before */
    expect_one("Hamas did not respond. It has accused Poland of lying.", "112", "PSEREBHMS", "POL",
               MODALITY_ASSERTED);
    expect_none("The report was written by Hamas. It accuses Poland of lying.");
    /* a visit to one's own state's people is no visit between states */
    expect_none("The Polish president visited Polish troops in Lviv.");
    expect_one("The Polish president visited Ukrainian troops in Lviv.", "042", "POLGOV", "UKRMIL",
               MODALITY_ASSERTED);
    /* a participle after "and" with an object is active ("concerned and urged Russia") */
    expect_one("Poland said it was concerned and asked Russia to leave.", "020", "POL", "RUS",
               MODALITY_ASSERTED);
    /* force not ruled out is threatened */
    expect_one("Poland has not ruled out attacking Belarus.", "138", "POL", "BLR",
               MODALITY_ASSERTED);
    expect_one("Poland has ruled out attacking Belarus.", "190", "POL", "BLR", MODALITY_NEGATED);
    /* an object after a participle makes it active, not a reduced relative */
    expect_one("Suspected militants killed at least 20 Polish soldiers, officials said.", "190",
               "REB", "POLMIL", MODALITY_ASSERTED);
    /* what happened after a demand is not what the demand asks for */
    code(&r, "Poland called for calm after Belarusian troops attacked Ukraine.");
    expect_event(&r, "190", "BLRMIL", "UKR", MODALITY_ASSERTED);
    done(&r);
    /* a past form after the object of a verb before it is a participle of that object */
    code(&r, "Poland released six Ukrainians detained in the country.");
    assert_null(find_event(&r, "173", "UKR", "POL"));
    done(&r);
    /* conjoined subjects exchanging fire fight each other */
    code(&r, "Poland and Belarus exchanged fire along the border.");
    expect_event(&r, "190", "POL", "BLR", MODALITY_ASSERTED);
    expect_event(&r, "190", "BLR", "POL", MODALITY_ASSERTED);
    done(&r);
    /* "four more" is skipped in a pattern's gap like an amount */
    expect_one("Poland will send four more modern air defence drones to Ukraine.", "072", "POL",
               "UKR", MODALITY_PLANNED);
    /* "it" in a clause a verb of saying reports is the sentence's subject */
    code(&r, "Poland, which backs Ukraine, denied that it had sent weapons to Belarus.");
    expect_event(&r, "072", "POL", "BLR", MODALITY_NEGATED);
    done(&r);
    /* a denied act of violence needs no victim named */
    expect_one("Poland denied that it had attacked the monastery.", "190", "POL", "-",
               MODALITY_NEGATED);
    /* peacekeepers with no state named are the UN mission's named before; a role's bases
     * stand for it */
    /* "the army said it had": a definite state body without its state is "it" too */
    code(&r, "The army said it had attacked Belarus.");
    expect_event(&r, "190", "MIL", "BLR", MODALITY_ASSERTED);
    done(&r);
    /* a visit in a time adjunct is the clause subject's; what happens during it is no demand */
    code(&r, "Poland asked for a ceasefire during a visit to Ukraine.");
    expect_event(&r, "042", "POL", "UKR", MODALITY_ASSERTED);
    done(&r);
    /* people named by a role as the object are the victims, not the place phrase's actor */
    code(&r, "Polish police detained dozens of protesters outside the Belarusian embassy.");
    assert_null(find_event(&r, "173", "POLCOP", "BLRGOV"));
    done(&r);
    /* a dual national is coded by the first state; "the country's east" is the state */
    expect_one("Belarus detained a Polish-Belarusian journalist.", "173", "BLR", "POLMED",
               MODALITY_ASSERTED);
    code(&r, "Poland's army said rebels attacked a town in the country's east.");
    expect_event(&r, "190", "REB", "POL", MODALITY_ASSERTED);
    done(&r);
    /* what a condemnation names is its object, not a new event */
    code(&r, "Poland condemned Russia's invasion of Ukraine.");
    expect_event(&r, "111", "POL", "RUS", MODALITY_ASSERTED);
    assert_null(find_event(&r, "192", "RUS", "UKR"));
    done(&r);
    /* a verb inside an actor's name is part of the name */
    code(&r, "Polish soldiers surrendered to the ethnic Belarusian armed group.");
    assert_null(find_event(&r, "072", "POLMIL", "BLRREB"));
    done(&r);
    /* a headline's "X to V" is planned */
    expect_one("Poland to send weapons to Ukraine", "072", "POL", "UKR", MODALITY_PLANNED);
    /* "we" in a speaker's words is the speaker's side */
    code(&r, "\"We will attack Belarus,\" the Polish defence minister said.");
    expect_event(&r, "190", "POLMIL", "BLR", MODALITY_PLANNED);
    done(&r);
    /* violence condemned in the passive by a named agent: target unknown */
    expect_one("The bombing was condemned by Poland.", "111", "POL", "-", MODALITY_ASSERTED);
    /* repression is a state's: gunmen firing on a crowd assault it */
    code(&r, "Gunmen opened fire on worshippers in Poland.");
    assert_null(find_event(&r, "175", "-", "POL"));
    done(&r);
    /* "a British national": a role the tagger read as an adjective, before no noun */
    expect_one("Belarus detained a Polish national in Minsk.", "173", "BLR", "POLCVL",
               MODALITY_ASSERTED);
    /* a denied act as the object of "deny", and "had nothing to do with" an attack */
    expect_one("Poland denied the attack on Belarus.", "190", "POL", "BLR", MODALITY_NEGATED);
    expect_one("Poland had nothing to do with the attack on Belarus.", "190", "POL", "BLR",
               MODALITY_NEGATED);
    /* an appeal verb alone before an infinitive is an attempt */
    expect_none("Poland sought to strike a balance.");
    code(&r, "UNIFIL said Polish tanks fired at peacekeeper bases.");
    expect_event(&r, "190", "POL", "IGOUNO", MODALITY_ASSERTED);
    done(&r);
}

static void without_sense_tables_codes_stay(void **state)
{
    (void)state;
    result r;
    code_with(&r, &plain, "Hillary Clinton attacked Donald Trump.", plain.model);
    expect_event(&r, "190", "USAELI", "USAGOV", MODALITY_ASSERTED);
    done(&r);
    code_with(&r, &plain, "Hundreds of migrants crossed into Hungary.", plain.model);
    expect_event(&r, "190", "HUNCVL", "HUN", MODALITY_ASSERTED);
    done(&r);
}

static void figures_pictures_comparisons_and_prospects_are_no_events(void **state)
{
    (void)state;
    /* the subject is a thing the actor only qualifies; a coalition is a group that acts */
    expect_none("U.S. deaths from cancer are exploding.");
    expect_one("A Saudi-led coalition is battling Houthi rebels.", "190", "SAUMIL", "YEMREBHTI",
               MODALITY_ASSERTED);
    expect_none("Friends shared a cartoon of Putin attacking Obama.");
    expect_none("Friends shared a cartoon on social media of Putin attacking Obama.");
    /* "the White House" names a government, not a house: no violent object */
    expect_none("Hillary Clinton would enter the White House in January.");
    expect_none("Analysts drew an equivalence between Russian attacks on Ukraine and American "
                "attacks on Iraq.");
    expect_none("The talks dimmed the prospects for a Russian attack on Ukraine.");
    expect_none("Obama spoke about attacking Syria.");
    expect_none("He called the plan tantamount to attacking Ukraine.");
    expect_none("It is time for Russia to attack Ukraine.");
    /* an act asked for in a coordination; a question */
    expect_none("Germany must act to protect Poland and attack Russia.");
    expect_one("Did Russia attack Ukraine?", "190", "RUS", "UKR", MODALITY_HYPOTHETICAL);
    expect_one("The United States bowed out of attacking Iran.", "190", "USA", "IRN",
               MODALITY_NEGATED);
}

/* ---- tags ---- */

static void verbs_the_tagger_misread_are_repaired(void **state)
{
    (void)state;
    /* the tagger reads "fought" as a noun, "pressured" and "imposing" as adjectives here */
    expect_one("Ukraine fought off a Russian attack.", "190", "UKR", "RUS", MODALITY_ASSERTED);
    expect_one("Erdogan pressured Sweden's government.", "170", "TURGOV", "SWEGOV",
               MODALITY_ASSERTED);
    /* "planes" is no "plan": the bombing is asserted, not planned */
    expect_one("Argentine planes bombed the British fleet.", "195", "ARG", "GBR",
               MODALITY_ASSERTED);
    /* "advanced" read as an adjective before the verb it is coordinated with: the subject
     * reaches the second verb through it */
    expect_one("The conflict escalated in January when the M23 militia advanced and captured the "
               "city of Goma.",
               "192", "CODREBMAR", "COD", MODALITY_ASSERTED);
    /* a base-form verb that modifies a noun is a noun: the fight is what is wanted */
    expect_none("Merkel did not want German combat troops in Mali to fight the Islamic State.");
    /* the article's own tags are left as the tagger gave them */
    result r;
    code(&r, "Ukraine fought off a Russian attack.");
    assert_int_equal(r.art.text.tokens[1].upos, UPOS_NOUN);
    done(&r);
}

/* ---- figurative words, accidents, ways and purposes ---- */

static void figurative_words_need_arms_and_accidents_are_no_attacks(void **state)
{
    (void)state;
    /* a strict word: violent only with a violent object, instrument, casualties or arms */
    expect_none("The Canadian governor would eliminate the taxes.");
    expect_one("Russian troops eliminated the Ukrainian soldiers.", "186", "RUSMIL", "UKRMIL",
               MODALITY_ASSERTED);
    expect_none("The Ohio senator rolled into Dayton for a rally.");
    expect_one("Russian tanks rolled into Kharkiv.", "190", "RUS", "UKR", MODALITY_ASSERTED);
    /* an accident or a disaster is no attack; weapons fire is */
    expect_none("Two Canadian soldiers were killed in a helicopter crash in Mali.");
    /* a way or a choice, what people are trained for, an allegation's content */
    expect_none("No Western government has figured out how to fight the militants.");
    expect_none("The Fijian navy has been training Tongan soldiers to fight the pirates.");
    expect_none("Critics made allegations that the Peruvian minister attacked Chile.");
    /* attacked for what one said: criticism; an attack qualified as words */
    expect_none("The debate was dominated by personal attacks on Bolivia.");
    /* the one a call is for is its target, unlike the subject after an arrangement's "for" */
    expect_one("The UN called for Russia to withdraw.", "020", "IGOUNO", "RUS", MODALITY_ASSERTED);
    /* police securing a place occupy nothing */
    expect_none("Police in Lagos moved to secure the city.");
    /* the subject that came under fire suffered it: never its source */
    result r;
    code(&r, "Chilean troops came under artillery fire.");
    for (size_t i = 0; i < r.art.nevents; i++)
        assert_true(!r.art.events[i].source.code ||
                    strcmp(r.art.events[i].source.code, "CHLMIL") != 0);
    done(&r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(verbs_that_deny_their_complement_negate_it),
        cmocka_unit_test(denials_negate_and_are_attributed_to_the_denier),
        cmocka_unit_test(disputed_claims_and_allegations_are_not_coded),
        cmocka_unit_test(conditions_and_open_questions_are_hypothetical),
        cmocka_unit_test(event_nouns_in_adjuncts_are_background),
        cmocka_unit_test(purposes_of_diplomatic_acts_are_no_second_event),
        cmocka_unit_test(orders_to_own_forces_are_the_orderers_acts),
        cmocka_unit_test(visits_and_visitors_named_in_apposition),
        cmocka_unit_test(reported_casualties_are_passive),
        cmocka_unit_test(opening_adjuncts_take_the_main_subject),
        cmocka_unit_test(direction_through_participles_and_by_phrases),
        cmocka_unit_test(relative_clauses_infinitive_subjects_and_aid_givers),
        cmocka_unit_test(violent_words_need_a_violent_object_instrument_or_actor),
        cmocka_unit_test(sports_participles_and_words_of_two_classes),
        cmocka_unit_test(readings_that_hang_on_the_actor),
        cmocka_unit_test(ships_places_and_unnamed_public_actors),
        cmocka_unit_test(subjects_over_brackets_relatives_and_adjuncts),
        cmocka_unit_test(doers_and_victims_past_appositions),
        cmocka_unit_test(missions_deliberations_and_passive_aid),
        cmocka_unit_test(victims_of_named_acts_and_objects_past_time),
        cmocka_unit_test(speakers_documents_joined_acts_and_claims),
        cmocka_unit_test(without_sense_tables_codes_stay),
        cmocka_unit_test(figures_pictures_comparisons_and_prospects_are_no_events),
        cmocka_unit_test(verbs_the_tagger_misread_are_repaired),
        cmocka_unit_test(figurative_words_need_arms_and_accidents_are_no_attacks),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
