/* senses.c - word senses for the event coder: a word with a violent and a non-violent sense
 * ("attacked", "fired back at", "battling", "crossing into") codes the violent one (roots
 * 18-20) only with a violent object, instrument or actor; otherwise it is criticism (111) or
 * nothing. The tables are word classes of data/verbs/classes.txt (@sense_*); a pattern set
 * without them (peer dictionaries, tests) keeps every code. Also the readings that hang on the
 * actor: a police raid, a military strike, a diplomat expelled, troops arriving, charges.
 */
#include "events_internal.h"

/* The word classes the rule reads (classes.txt). Several classes may serve one table. */
static const char *const criticise_words[] = {"sense_criticise", NULL};
static const char *const contest_words[] = {"sense_contest", NULL};
static const char *const movement_words[] = {"sense_movement", NULL};
static const char *const muster_words[] = {"sense_muster", NULL};
static const char *const strict_words[] = {"sense_strict", NULL};
static const char *const civil_modifiers[] = {"sense_civil_modifier", NULL};
static const char *const accident_words[] = {"sense_accident", NULL};
/* weapons fire, not what carries it: a helicopter crash is no attack, a missile's is */
static const char *const fire_words[] = {"sense_instrument", "explosive", NULL};
static const char *const instruments[] = {"sense_instrument", "weapon",    "smallarms",
                                          "heavyweapon",      "explosive", NULL};
static const char *const violent_objects[] = {"sense_target", "combatant", "stronghold",
                                              "warship",      "vessel",    NULL};
static const char *const civil_objects[] = {"sense_civil", "nonmil", "sports", NULL};
static const char *const armed_words[] = {"sense_armed", NULL};
static const char *const sports_words[] = {"sense_sport", NULL};
static const char *const collective_words[] = {"sense_collective", NULL};
static const char *const casualty_words[] = {"sense_casualty", NULL};
static const char *const envoy_words[] = {"sense_envoy", "envoy", NULL};
static const char *const legal_words[] = {"sense_legal", NULL};
static const char *const warning_words[] = {"sense_warning", NULL};
static const char *const bomb_words[] = {"sense_bomb", NULL};
static const char *const aerial_words[] = {"sense_aerial", NULL};
static const char *const territory_words[] = {"sense_territory", "stronghold", NULL};

/* True when a token of [from, to) is a word of one of the classes; an instrument that
 * qualifies a civil noun ("gun control", "arms sales") does not count as one. */
static bool span_has(const clause_ctx *c, long from, long to, const char *const *classes)
{
    if (from < 0)
        from = 0;
    static const char *const armed_modifiers[] = {"border", "military",    "army",
                                                  "police", "observation", NULL};
    for (long i = from; i < to && i < (long)c->ntokens; i++)
        if (events_token_in_classes(c, i, classes) &&
            /* "border posts", "military post": a civil word in an armed compound is not */
            !(classes == civil_objects &&
              word_in(c, i, (const char *const[]){"post", "posts", NULL}) &&
              word_in(c, i - 1, armed_modifiers)) &&
            !(classes == instruments &&
              (events_token_in_classes(c, i, civil_objects) || /* "the system" */
               events_token_in_classes(c, i + 1, civil_objects) ||
               word_in(c, i + 1,
                       (const char *const[]){"control", "controls", "rights", "lobby", "owners",
                                             "ownership", "sales", "show", "shows", NULL}))))
            return true;
    return false;
}

/* Like span_has, over the words of an object phrase that name no actor ("the White House"
 * is a government, not a house). */
static bool object_has(const clause_ctx *c, long from, long to, const char *const *classes)
{
    for (long i = from < 0 ? 0 : from; i < to && i < (long)c->ntokens; i++)
        if (actor_covering(c, i) < 0 && events_token_in_classes(c, i, classes))
            return true;
    return false;
}

/* Armed actors: militaries, rebels, insurgents, unidentified gunmen, militant groups, police
 * (`police`: whether police count). */
static bool armed_code(const actor_mention *am, bool police)
{
    const char *code = am->code;
    return code && (strstr(code, "MIL") || strstr(code, "REB") || strstr(code, "INS") ||
                    strstr(code, "UAF") || strstr(code, "IMG") || (police && strstr(code, "COP")));
}

static bool police_actor(const clause_ctx *c, long k)
{
    if (k < 0)
        return false;
    const char *code = mention(c, k)->code;
    if (code && strstr(code, "COP"))
        return true;
    for (long i = c->afirst[k]; i <= (long)c->alast[k]; i++)
        if (word_in(c, i,
                    (const char *const[]){"police", "policemen", "gendarmes", "gendarmerie",
                                          "officers", NULL}))
            return true;
    return false;
}

/* An actor that bears arms: by its code, or by a word of @sense_armed in its phrase
 * ("Serb gunmen", "Russian jets"). */
static bool armed_actor(const clause_ctx *c, long k, bool police)
{
    if (k < 0)
        return false;
    if (armed_code(mention(c, k), police))
        return true;
    return span_has(c, c->afirst[k], c->alast[k] + 1, armed_words) &&
           (police || !police_actor(c, k));
}

/* A state as a whole (a country, its capital, a metonym or nationality, its government or
 * forces), not a person or a civil group. */
static bool state_actor(const clause_ctx *c, long k)
{
    if (k < 0)
        return false;
    const actor_mention *am = mention(c, k);
    const char *kind = am->kind ? am->kind : "";
    if (strcmp(kind, "person") == 0 || strcmp(kind, "title") == 0 || strcmp(kind, "pronoun") == 0 ||
        strcmp(kind, "demonym") == 0)
        return false;
    return am->country && (!am->role || strcmp(am->role, "GOV") == 0 ||
                           strcmp(am->role, "MIL") == 0 || strcmp(am->role, "SPY") == 0);
}

/* A person or a civil group: a named or titled person, a pronoun for one, or a role that
 * bears no arms (politicians, parties, media, courts, business, civilians ...). */
static bool civil_actor(const clause_ctx *c, long k)
{
    if (k < 0 || armed_actor(c, k, true))
        return false;
    const actor_mention *am = mention(c, k);
    const char *kind = am->kind ? am->kind : "";
    if (strcmp(kind, "person") == 0 || strcmp(kind, "title") == 0)
        return true;
    if (strcmp(kind, "pronoun") == 0 && am->antecedent >= 0) {
        const char *ak = c->art->actors[am->antecedent].kind;
        if (ak && (strcmp(ak, "person") == 0 || strcmp(ak, "title") == 0))
            return true;
    }
    static const char *const roles[] = {"ELI", "LEG", "PTY", "OPP", "MED", "JUD", "BUS", "EDU",
                                        "NGO", "CVL", "LAB", "HLH", "REL", "REF", "ACT", NULL};
    if (role_in(am, roles))
        return true;
    /* a role-only code without its role field ("they" for businesses: BUS) */
    return !am->role && am->code && strlen(am->code) == 3 && !am->country &&
           in_list(am->code, roles);
}

/* A named or titled person, or a pronoun that stands for one. */
static bool person(const clause_ctx *c, long k)
{
    if (k < 0 || armed_actor(c, k, true))
        return false;
    const actor_mention *am = mention(c, k);
    const char *kind = am->kind ? am->kind : "";
    if (strcmp(kind, "pronoun") == 0 && am->antecedent >= 0)
        kind = c->art->actors[am->antecedent].kind ? c->art->actors[am->antecedent].kind : "";
    return strcmp(kind, "person") == 0 || strcmp(kind, "title") == 0;
}

/* The verb's subject is a noun that is not the source actor but only qualified by it ("U.S.
 * deaths from Alzheimer's are exploding": the deaths explode, not the United States). */
static bool thing_subject(const clause_ctx *c, const verb_group *vg, long source)
{
    if (source < 0 || vg->infinitive || vg->passive || vg->first <= (long)c->alast[source] ||
        armed_actor(c, source, true)) /* "armed men in armored vehicles seized" */
        return false;
    /* a noun of its own between the actor and the verb, in one phrase */
    bool noun = false;
    for (long i = (long)c->alast[source] + 1; i < vg->first; i++) {
        if (is_punct(c, i) || is_verb_token(c, i) ||
            word_in(c, i, (const char *const[]){"that", "which", "who", NULL}))
            return false;
        noun |= upos(c, i) == UPOS_NOUN && actor_covering(c, i) < 0 &&
                !events_token_in_classes(c, i, instruments) &&
                !events_token_in_classes(c, i, armed_words) &&
                !events_token_in_classes(c, i, collective_words);
    }
    return noun;
}

/* Business, civilians, media, schools ... with no country: private people. */
static bool private_actor(const clause_ctx *c, long k)
{
    static const char *const roles[] = {"BUS", "CVL", "MED", "EDU", "LAB", "HLH", "REL", NULL};
    const actor_mention *am = mention(c, k);
    return !am->country && (role_in(am, roles) || (am->code && in_list(am->code, roles)));
}

/* A people named by nationality or a group of civilians ("Mexicans", "immigrants"). */
static bool people(const clause_ctx *c, long k)
{
    if (k < 0 || armed_actor(c, k, true))
        return false;
    const actor_mention *am = mention(c, k);
    return am->kind && strcmp(am->kind, "demonym") == 0;
}

/* The end (exclusive) of the clause material after the anchor where its object and
 * instruments stand: up to a ";", a finite verb of another clause or OBJECT_WINDOW tokens. */
static long clause_end_after(const clause_ctx *c, long anchor)
{
    long i = anchor + 1;
    for (; i < (long)c->ntokens && i < anchor + OBJECT_WINDOW; i++)
        if (word_is(c, i, ";") || word_is(c, i, ":") ||
            (i > anchor + 1 && events_finite_verb(c, i) && !word_is(c, i - 1, "and")))
            break;
    return i;
}

/* The object phrase right after the anchor (with skip_frame, after the pattern's own words:
 * "opened fire" has no object "fire"), over particles such as "back at", "out at", "against":
 * its tokens up to the first preposition other than "of" or a punctuation mark, at most 6
 * tokens: [*first, *last). */
static void object_phrase(const clause_ctx *c, const verbmatch *m, bool skip_frame, long *first,
                          long *last)
{
    /* after the pattern's own words ("opened fire"), up to its first role slot */
    long frame_end = (long)m->last;
    for (int r = 0; r < PATTERN_ROLES; r++)
        if (m->slot[r] > (long)m->anchor && m->slot[r] - 1 < frame_end)
            frame_end = m->slot[r] - 1;
    /* only a frame of bare words right after the anchor ("opened fire"; "waged an aggressive
     * campaign" has its object in the frame) */
    for (long k = (long)m->anchor + 1; skip_frame && k <= frame_end; k++)
        if (upos(c, k) == UPOS_DET || upos(c, k) == UPOS_ADJ || upos(c, k) == UPOS_NUM)
            skip_frame = false;
    long i = skip_frame && frame_end > (long)m->anchor ? frame_end + 1 : (long)m->anchor + 1;
    while (i < (long)c->ntokens &&
           word_in(c, i,
                   (const char *const[]){"back", "out", "at", "against", "on", "upon", "into",
                                         "off", "up", "down", NULL}))
        i++;
    *first = i;
    long k = i;
    for (; k < (long)c->ntokens && k < i + 6; k++) {
        /* "a junta-manned police station": a hyphenated modifier is part of the phrase */
        if (hyphen_glued(c, k + 1) || hyphen_glued(c, k))
            continue;
        if (is_punct(c, k) || (upos(c, k) == UPOS_ADP && !word_is(c, k, "of")) ||
            is_verb_token(c, k))
            break;
    }
    *last = k;
}

/* What one is attacked for saying or doing in words ("for suggesting", "for calling"). */
static const char *const speech_acts[] = {
    "say",   "suggest", "call",   "claim",    "compare", "praise",   "support", "back",
    "vote",  "write",   "tweet",  "describe", "refuse",  "question", "defend",  "endorse",
    "argue", "remark",  "insist", "propose",  "oppose",  "deny",     NULL};

/* A reason or topic given for the act ("attacked him over his remarks", "slammed the
 * government for its handling of"): a civil noun after "over", "for", "about" or "during"
 * in the clause after the anchor. */
static bool civil_reason(const clause_ctx *c, long from, long to)
{
    for (long i = from; i < to; i++) {
        if (!word_in(
                c, i,
                (const char *const[]){"over", "for", "about", "during", "in", "against", NULL}))
            continue;
        for (long k = i + 1; k < to && k <= i + 4; k++)
            if ((upos(c, k) == UPOS_NOUN || !upos(c, k)) &&
                events_token_in_classes(c, k, civil_objects))
                return true;
    }
    return false;
}

/* "attacked by her rival for suggesting ...", "hit China for calling ...": blamed for what
 * one said; words answer words, whoever the two sides are. Looks from token `from` to the
 * next comma or semicolon (a long "by" phrase may hold a conjunction or a hyphen). */
static bool blamed_for_words(const clause_ctx *c, long from)
{
    for (long i = from;
         i + 1 < (long)c->ntokens && !word_in(c, i, (const char *const[]){",", ";", ":", NULL});
         i++)
        if (word_is(c, i, "for") && verb_lemma_in(c, i + 1, speech_acts))
            return true;
    return false;
}

typedef enum reading { READ_VIOLENT, READ_CIVIL } reading;

/* True when the sentence from token `from` names its attacks as words: a civil modifier before
 * a civil noun ("running $22 million in negative ads against him"). */
static bool attack_ads(const clause_ctx *c, long from)
{
    for (long i = from; i + 1 < (long)c->ntokens; i++)
        if (events_token_in_classes(c, i, civil_modifiers) &&
            events_token_in_classes(c, i + 1, civil_objects))
            return true;
    return false;
}

static const char *const war_words[] = {"war", "wars", "warfare", NULL};

/* True when a token of [from, to) is one of the words. */
static bool span_has_word(const clause_ctx *c, long from, long to, const char *const *words)
{
    for (long i = from < 0 ? 0 : from; i < to && i < (long)c->ntokens; i++)
        if (word_in(c, i, words))
            return true;
    return false;
}

/* The rule, once for every ambiguity class: violent with an instrument or casualties in the
 * clause; civil with a civil object; violent with a violent object or an armed actor on
 * either side; civil between people and civil groups or with a civil reason; else violent
 * (movement words only between states: "China entered the WTO" is no incursion). */
static reading read_sense(const clause_ctx *c, const verbmatch *m, const verb_group *vg,
                          long source, long target, bool movement, bool criticise, bool strict,
                          const char **why)
{
    long from = source >= 0 ? (long)c->afirst[source] : (long)m->first;
    long end = clause_end_after(c, m->anchor);
    /* "the dispute surrounding the region", "questions surrounding the base": a participle
     * right after a noun that names nothing armed only describes that noun */
    long a = (long)m->anchor;
    if (movement && !m->rule->noun && a > 0 && c->tokens[a].xpos &&
        strcmp(tagger_xpos_name(c->tables->tagger, c->tokens[a].xpos), "VBG") == 0 &&
        c->tokens[a - 1].upos == UPOS_NOUN && !span_has(c, a - 1, a, armed_words) &&
        !span_has(c, a - 1, a, violent_objects) && !span_has(c, a - 1, a, instruments) &&
        !events_token_in_classes(c, a - 1, (const char *const[]){"protester", "civilian", NULL})) {
        *why = "a participle describing a noun (\"the dispute surrounding the region\")";
        return READ_CIVIL;
    }
    long ofirst, olast;
    object_phrase(c, m, true, &ofirst, &olast);
    if (span_has(c, m->first, m->anchor, instruments) ||
        span_has(c, m->anchor + 1, end, instruments) ||
        (source >= 0 && span_has(c, c->afirst[source], c->alast[source] + 1, instruments))) {
        *why = "an instrument of violence";
        return READ_VIOLENT;
    }
    if (span_has(c, from, (long)c->ntokens, casualty_words)) {
        *why = "casualties in the clause";
        return READ_VIOLENT;
    }
    /* "defeated the champions in the final": a contest in a sentence about sport */
    if (!criticise && !movement && span_has(c, 0, (long)c->ntokens, sports_words)) {
        *why = "a sports contest (\"in the final\", \"five matches\")";
        return READ_CIVIL;
    }
    if (span_has(c, ofirst, olast, civil_objects)) {
        *why = "a civil object (a policy, a ruling, a rival, a disease ...)";
        return READ_CIVIL;
    }
    if (blamed_for_words(c, (long)m->anchor + 1)) {
        *why = "blamed for words (\"for suggesting\")";
        return READ_CIVIL;
    }
    /* "personal attacks", "pressed about the personal attacks": an attack qualified as words */
    if ((m->rule->noun && events_token_in_classes(c, (long)m->anchor - 1, civil_modifiers)) ||
        span_has(c, (long)m->anchor + 1, (long)m->last + 1, civil_modifiers) ||
        (criticise && attack_ads(c, (long)m->anchor + 1))) {
        *why = "qualified as words (\"personal attacks\")";
        return READ_CIVIL;
    }
    if (!criticise && vg && thing_subject(c, vg, source)) {
        *why = "its subject is a thing the actor only qualifies (\"U.S. deaths are exploding\")";
        return READ_CIVIL;
    }
    /* a person moving into a building uses no force by itself ("remain in the hospital") */
    if (!(movement && civil_actor(c, source)) && object_has(c, ofirst, olast, violent_objects) &&
        !civil_actor(c, target)) {
        *why = "a violent object (a base, a convoy, a town, troops ...)";
        return READ_VIOLENT;
    }
    if (armed_actor(c, source, true) || armed_actor(c, target, true)) {
        *why = "an armed actor";
        return READ_VIOLENT;
    }
    /* "the issues are being fought", "candidates battled in Wisconsin" (no doer named, nothing
     * armed): a contest; "two villages were bombarded" names its violent object before */
    long subject_from = vg ? vg->first : (long)m->anchor;
    while (subject_from > 0 && vg && vg->first - subject_from < 8 && !is_punct(c, subject_from - 1))
        subject_from--;
    if (!criticise && !movement && source < 0 && !state_actor(c, target) &&
        !(vg && vg->passive && object_has(c, subject_from, vg->first, violent_objects))) {
        *why = "no doer and nothing armed";
        return READ_CIVIL;
    }
    if (strict) {
        *why = "no violent object, instrument, casualties or armed actor";
        return READ_CIVIL;
    }
    if (civil_actor(c, source) && (target < 0 || civil_actor(c, target) || people(c, target))) {
        *why = "people or civil groups on both sides";
        return READ_CIVIL;
    }
    /* "Trump attacked China over trade": a person's attack without arms is words; people
     * battling or toppled ("Sanders and Clinton battled", "Trump can't be toppled") contest */
    if ((criticise && person(c, source)) ||
        (!criticise && !movement && (person(c, source) || person(c, target)) &&
         !state_actor(c, target) && !span_has_word(c, ofirst, olast, war_words))) {
        *why = "a person attacking without arms";
        return READ_CIVIL;
    }
    if (civil_reason(c, m->anchor + 1, end)) {
        *why = "a civil reason (\"over his remarks\")";
        return READ_CIVIL;
    }
    /* "Russia invaded Crimea": a state moving into a place of another country */
    bool into_place = target < 0 && events_site(c, m) >= 0;
    bool leader = source >= 0 && mention(c, source)->country && mention(c, source)->role &&
                  strcmp(mention(c, source)->role, "GOV") == 0; /* "Putin invaded Ukraine" */
    if (movement &&
        !((state_actor(c, source) || leader) && (state_actor(c, target) || into_place))) {
        *why = "nothing armed moves, and not between states";
        return READ_CIVIL;
    }
    *why = "between states";
    return READ_VIOLENT;
}

/* True when a word of the match's frame (its anchor or another of its own words, "launched
 * an attack against"; not the words of its role slots) is a word of one of the classes. */
static bool span_in(const clause_ctx *c, const verbmatch *m, const char *const *classes)
{
    long end = (long)m->last + 1;
    for (int r = 0; r < PATTERN_ROLES; r++)
        if (m->slot[r] > (long)m->anchor && m->slot[r] < end)
            end = m->slot[r];
    return span_has(c, m->first, end, classes);
}

/* A target actor or a place acted on: without either, conjoined sources would code a recoded
 * act between themselves (190 is a joint code). */
static bool has_target(const clause_ctx *c, const verbmatch *m, long target)
{
    return target >= 0 || events_site(c, m) >= 0;
}

/* True when a token of [from, to) is part of a named place that no actor covers ("seized
 * Crimea", "captured Mocimboa da Praia"). */
static bool place_in(const clause_ctx *c, long from, long to)
{
    for (long i = from < 0 ? 0 : from; i < to && i < (long)c->ntokens; i++)
        if (place_covering_token(c, i) && actor_covering(c, i) < 0)
            return true;
    return false;
}

/* Readings that hang on the actor or the object, for the special cases news gets wrong. */
/* True when aerial weapons make the attack of match m: a word of @sense_aerial (or "air"
 * before an attack noun, or "strikes" after a state's name) ending the doer's phrase ("Greek
 * jets") or between it and the verb, or after "by" or "with" in the verb's clause. */
static bool aerial_means(const clause_ctx *c, const verbmatch *m, long source)
{
    static const char *const strikes[] = {"strike", "strikes", NULL};
    static const char *const sea_words[] = {"sea", "naval", "underwater", "maritime", NULL};
    static const char *const air_acts[] = {"strike", "strikes", "attack", "attacks",
                                           "raid",   "raids",   NULL};
    long end = clause_end_after(c, m->anchor);
    if (span_has(c, m->first, end, bomb_words))
        return false;
    for (long i = source >= 0 ? (long)c->afirst[source] : (long)m->first; i < (long)m->first; i++)
        if ((i - (long)m->first) > -4 &&
            (span_has(c, i, i + 1, aerial_words) ||
             (word_is(c, i, "air") && word_in(c, i + 1, air_acts)) ||
             (word_in(c, i, strikes) && state_actor(c, source) &&
              (i == (long)c->alast[source] || i == (long)c->alast[source] + 1))) &&
            !word_in(c, i - 1, sea_words))
            return true;
    for (long i = (long)m->anchor + 1; i < end; i++)
        if (word_in(c, i, (const char *const[]){"by", "with", NULL}) &&
            (span_has(c, i + 1, i + 4 < end ? i + 4 : end, aerial_words) ||
             (word_is(c, i + 1, "air") && word_in(c, i + 2, air_acts))))
            return true;
    return false;
}

static const char *special_reading(const clause_ctx *c, const verbmatch *m, long source,
                                   long target, const char *code, const char **why)
{
    long ofirst, olast;
    object_phrase(c, m, false, &ofirst, &olast);
    /* capturing or seizing a town, a base or a region is occupation (192); capturing people
     * is an arrest (173) */
    if (code_is(code, "17") && !civil_actor(c, source) &&
        verb_lemma_in(c, m->anchor,
                      (const char *const[]){"capture", "recapture", "seize", "take", "retake",
                                            "overrun", NULL}) &&
        (span_has(c, ofirst, olast, territory_words) || place_in(c, ofirst, olast) ||
         (target >= 0 && (long)c->afirst[target] > (long)m->anchor &&
          (long)c->afirst[target] < olast && mention(c, target)->kind &&
          (strcmp(mention(c, target)->kind, "country") == 0 ||
           strcmp(mention(c, target)->kind, "capital") == 0)))) {
        *why = "a town, base or region captured: occupation";
        return "192";
    }
    /* "Ukraine shot down 30 Russian drones": weapons of a named state downed or intercepted
     * are a military act against that state, not protection given to it (074) */
    if (code_is(code, "074") && target >= 0 &&
        verb_lemma_in(c, m->anchor, (const char *const[]){"shoot", "intercept", "down", NULL}) &&
        (long)c->afirst[target] > (long)m->anchor && (long)c->afirst[target] <= olast &&
        mention(c, target)->kind && strcmp(mention(c, target)->kind, "adjective") == 0) {
        *why = "the weapons of a named state downed: force against it";
        return "190";
    }
    /* "a drone attack set fire to a depot": the attack named as the subject is the event,
     * not a protest by someone unnamed */
    if (code_is(code, "145") && source < 0)
        for (size_t j = 0; j < c->nmatches; j++) {
            const verbmatch *o = &c->matches[j];
            if (o->rule->noun && !o->rule->discard && o->anchor < m->anchor &&
                m->anchor - o->anchor <= 2 &&
                (code_is(o->rule->code, "18") || code_is(o->rule->code, "19") ||
                 code_is(o->rule->code, "20"))) {
                *why = "an attack named as the subject: it is the event";
                return "";
            }
        }
    /* storming or burning by armed men is an attack, and violence by police repression; a
     * march or rally by soldiers is a show of force: none of them is a protest */
    if (code_is(code, "145") && armed_actor(c, source, false)) {
        *why = "armed men storming or burning: an attack";
        return "190";
    }
    if (code_is(code, "145") && police_actor(c, source)) {
        *why = "violence by police: repression";
        return "175";
    }
    /* "gunmen opened fire on worshippers": repression is a state's; rebels, gangs and
     * unidentified armed men firing on a crowd assault it */
    if (code_is(code, "175") && source >= 0 && mention(c, source)->role &&
        in_list(mention(c, source)->role,
                (const char *const[]){"REB", "UAF", "CRM", "INS", NULL})) {
        *why = "armed men who are no state's firing on people: an assault";
        return "180";
    }

    /* a raid by police is an arrest or a search; by an army an assault */
    if (lemma_is(c, m->anchor, "raid") || word_is(c, m->anchor, "raids")) {
        if ((code_is(code, "18") || code_is(code, "19")) && police_actor(c, source)) {
            *why = "a raid by police is a search or an arrest";
            return "173";
        }
        if (code_is(code, "17") && armed_actor(c, source, false)) {
            *why = "a raid by armed forces is an assault";
            return "190";
        }
    }
    /* a strike launched by a military or at a military object is an attack, not a walkout */
    bool strike = false;
    for (long i = m->first; i <= (long)m->last && !strike; i++)
        strike = lemma_is(c, i, "strike") || word_is(c, i, "strikes");
    if (code_is(code, "14") && strike) {
        const char *ignored;
        if (!civil_actor(c, source) &&
            (armed_actor(c, source, false) || armed_actor(c, target, false) ||
             object_has(c, ofirst, olast, violent_objects) ||
             span_has(c, m->first, c->ntokens, instruments) ||
             (state_actor(c, source) && state_actor(c, target))) &&
            read_sense(c, m, NULL, source, target, false, false, false, &ignored) == READ_VIOLENT) {
            *why = "a strike by or against armed forces is an attack";
            return "190";
        }
    }
    /* a rescue or help by police, or help between private people ("rescued by police",
     * "to help people contact them"), is no aid between political actors */
    if (code_is(code, "07") && strcmp(code, "074") != 0 && /* police sent abroad to keep order */
        (police_actor(c, source) ||
         (source >= 0 && target >= 0 && private_actor(c, source) && private_actor(c, target)))) {
        *why = "help by police or between private people";
        return "";
    }
    /* soldiers marching or taking to the streets: a show of force, not a protest */
    if (code_is(code, "14") && !code_is(code, "145") && upos(c, m->anchor) == UPOS_VERB &&
        source >= 0 && mention(c, source)->code && strstr(mention(c, source)->code, "MIL")) {
        *why = "soldiers taking to the streets: a show of force";
        return "150";
    }
    /* expelling envoys reduces relations (161); it is no fight */
    if ((code_is(code, "19") || code_is(code, "16") || code_is(code, "17")) &&
        strcmp(code, "161") != 0 &&
        verb_lemma_in(c, m->anchor,
                      (const char *const[]){"expel", "kick", "oust", "throw", NULL})) {
        bool envoy =
            span_has(c, ofirst, olast, envoy_words) ||
            (target >= 0 && span_has(c, c->afirst[target], c->alast[target] + 1, envoy_words));
        if (envoy) {
            *why = "envoys expelled: relations reduced";
            return "161";
        }
    }
    /* troops arriving in another country are deployed there; they pay no visit */
    if (code_is(code, "042") && target >= 0 && source >= 0 && mention(c, source)->code &&
        strstr(mention(c, source)->code, "MIL") &&
        verb_lemma_in(c, m->anchor,
                      (const char *const[]){"arrive", "reach", "land", "travel", "go", "come",
                                            "return", "fly", "sail", "head", "enter", "cross",
                                            NULL}) &&
        !(mention(c, source)->country && mention(c, target)->country &&
          strcmp(mention(c, source)->country, mention(c, target)->country) == 0)) {
        *why = "armed forces arriving are a deployment, not a visit";
        return "154";
    }
    /* "charged X with": a legal action by prosecutors, police or courts (173), else an
     * accusation (112) */
    if (lemma_is(c, m->anchor, "charge") && !m->rule->noun) {
        bool legal = police_actor(c, source) ||
                     (source >= 0 &&
                      ((mention(c, source)->code && strstr(mention(c, source)->code, "JUD")) ||
                       span_has(c, c->afirst[source], c->alast[source] + 1, legal_words)));
        if (code_is(code, "173") && !legal && source >= 0) {
            *why = "charged by no court, prosecutor or police: an accusation";
            return "112";
        }
        if (code_is(code, "112") && legal) {
            *why = "charged by prosecutors, police or a court: legal action";
            return "173";
        }
    }
    /* "police ... to secure the city": policing a place is no occupation */
    if (code_is(code, "192") && police_actor(c, source) &&
        verb_lemma_in(
            c, m->anchor,
            (const char *const[]){"secure", "guard", "protect", "patrol", "control", NULL})) {
        *why = "police securing a place: no occupation";
        return "";
    }
    /* "to help boost the Philippines' maritime security": a posture is one's own; another
     * state's forces or security strengthened is help, no show of force */
    if (code_is(code, "15") && source >= 0 && target >= 0 && target != source &&
        verb_lemma_in(c, m->anchor,
                      (const char *const[]){"boost", "bolster", "strengthen", "enhance", "beef",
                                            "reinforce", "improve", "build", NULL}) &&
        (long)c->afirst[target] > (long)m->anchor && is_possessive(c, (long)c->alast[target] + 1) &&
        mention(c, target)->country && mention(c, source)->country &&
        strcmp(mention(c, target)->country, mention(c, source)->country) != 0) {
        *why = "another state's security strengthened: help, no show of force";
        return "";
    }
    /* "fired a flare", "fired warning shots": a show of force, no dismissal or attack */
    if (strcmp(code, "150") != 0 && lemma_is(c, m->anchor, "fire") &&
        span_has(c, ofirst, olast, warning_words)) {
        *why = "a warning shot or flare fired: a show of force";
        return "150";
    }
    if (code_is(code, "172") && lemma_is(c, m->anchor, "fire") &&
        span_has(c, ofirst, olast, instruments)) {
        *why = "a weapon fired: force, no dismissal";
        return "190";
    }
    /* bombs dropped by a state's aircraft or forces are air strikes (195); a militant's grenade
     * or a suicide, car or roadside bomb stays a non-military bombing (183) */
    if (code_is(code, "183") && strcmp(code, "1831") != 0 && strcmp(code, "1832") != 0 &&
        strcmp(code, "1833") != 0 && state_actor(c, source) && has_target(c, m, target) &&
        !span_has(c, c->afirst[source], clause_end_after(c, m->anchor), bomb_words)) {
        *why = "bombs dropped by a state's aircraft or forces: an air strike";
        return "195";
    }
    /* an attack made with aircraft, drones or missiles employs aerial weapons (195): named
     * after the doer ("U.S. strikes hit", "Russian drones attacked"), as the agent ("was
     * attacked by drones") or the instrument ("attacked the base with drones"), or an "air"
     * attack; not a suicide, car or roadside bomber's */
    if (strcmp(code, "190") == 0 && aerial_means(c, m, source)) {
        *why = "made with aircraft, drones or missiles: aerial weapons";
        return "195";
    }
    /* a killing or an assault by armed forces in an attack is military force (190), not an
     * act of unconventional violence; a suicide or car bomber's stays unconventional */
    if ((strcmp(code, "1823") == 0 ||
         (strcmp(code, "180") == 0 && /* a generic 180 ("fired shells at") only with deaths */
          span_has(c, (long)m->anchor, clause_end_after(c, m->anchor), casualty_words))) &&
        has_target(c, m, target) &&
        (armed_actor(c, source, false) || (state_actor(c, source) && !police_actor(c, source))) &&
        !span_has(c, source >= 0 ? (long)c->afirst[source] : (long)m->first,
                  clause_end_after(c, m->anchor), bomb_words)) {
        *why = "killed or assaulted by armed forces: military force";
        return "190";
    }
    return NULL;
}

sitrep_status events_sense(const clause_ctx *c, const verbmatch *m, const verb_group *vg,
                           long source, long target, const char **code, const char **not_coded)
{
    const char *why = NULL;
    *not_coded = NULL;
    bool posture = code_is(*code, "15");
    /* "killed in a helicopter crash", "died in the floods": an accident or a disaster */
    if (code_is(*code, "18") || code_is(*code, "19") || code_is(*code, "20")) {
        long end =
            (long)m->anchor + 1; /* to the end of the clause ("crash" may be tagged a verb) */
        while (end < (long)c->ntokens && end < (long)m->anchor + OBJECT_WINDOW && !is_punct(c, end))
            end++;
        for (long i = (long)m->anchor + 1; i < end; i++)
            if (word_in(c, i, (const char *const[]){"in", "by", "during", "from", NULL}) &&
                span_has(c, i + 1, i + 5 < end ? i + 5 : end, accident_words) &&
                !span_has(c, 0, end, fire_words)) {
                *not_coded = "an accident or a disaster, not an attack";
                return events_trace(c, "    sense: %s\n", *not_coded);
            }
    }
    if (posture || code_is(*code, "18") || code_is(*code, "19") || code_is(*code, "20")) {
        bool criticise = !posture && span_in(c, m, criticise_words);
        bool contest = !posture && !criticise && span_in(c, m, contest_words);
        bool movement =
            !criticise && !contest && span_in(c, m, posture ? muster_words : movement_words);
        bool strict =
            !posture && !criticise && !contest && !movement && span_in(c, m, strict_words);
        if (criticise || contest || movement || strict) {
            if (read_sense(c, m, vg, source, target, movement, criticise, strict, &why) ==
                READ_CIVIL) {
                if (criticise && target >= 0 && source >= 0) {
                    *code = "111";
                    return events_trace(c, "    sense: not violent (%s): criticism, coded as 111\n",
                                        why);
                }
                *not_coded = criticise ? "not violent: criticism without a target"
                                       : "not violent: a contest, a move or a figure of speech";
                return events_trace(c, "    sense: not violent (%s)\n", why);
            }
            if (events_trace(c, "    sense: violent (%s)\n", why))
                return SITREP_ELIMIT;
        }
    }
    const char *special = special_reading(c, m, source, target, *code, &why);
    if (special && !*special) {
        *not_coded = why;
        return events_trace(c, "    sense: %s\n", why);
    }
    if (special) {
        *code = special;
        return events_trace(c, "    sense: %s, coded as %s\n", why, special);
    }
    return SITREP_OK;
}
