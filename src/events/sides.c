/* sides.c - who the sides of an event are when the text names them only in part: an actor
 * mention as it is coded, a role noun without a state ("gunmen": unknown, role REB) that takes
 * its country from where it acts ("police in Lagos", "protesters ... in Tbilisi"), the place
 * an act is done to standing for its state ("shelled Kherson"), and the policy for coding an
 * event whose doer or victim the text does not name (docs/events.md, "Unknown sides").
 */
#include "events_internal.h"

#include <stdio.h>

/* A bare role ("troops", "gunmen", "the police"): a code that is only the role, no state. */
static bool bare_role(const actor_mention *am)
{
    return am->code && am->role && !am->country && strcmp(am->code, am->role) == 0;
}

event_side events_side_actor(const clause_ctx *c, long k)
{
    return k < 0 ? events_side_none() : events_side_mention(c, c->actor[k]);
}

event_side events_side_mention(const clause_ctx *c, int32_t index)
{
    const actor_mention *m = &c->art->actors[index];
    return (event_side){.actor = index,
                        .place = -1,
                        .code = bare_role(m) ? NULL : m->code,
                        .country = m->country,
                        .role = m->role,
                        .via = m->antecedent >= 0 ? SIDE_REFERENCE : SIDE_TEXT};
}

event_side events_side_place(long p, const place_mention *pm)
{
    return (event_side){.actor = -1,
                        .place = (int32_t)p,
                        .code = pm->entry->country,
                        .country = pm->entry->country,
                        .via = SIDE_PLACE};
}

event_side events_side_none(void)
{
    return (event_side){.actor = -1, .place = -1, .via = SIDE_UNKNOWN};
}

const char *event_side_via_name(side_via via)
{
    switch (via) {
    case SIDE_TEXT:
        return "text";
    case SIDE_REFERENCE:
        return "reference";
    case SIDE_PLACE:
        return "place";
    case SIDE_CONTEXT:
        return "context";
    default:
        return "unknown";
    }
}

/* The place (index into article.places) that starts at sentence token i, -1 when none. */
static long place_starting(const clause_ctx *c, long i)
{
    if (i < 0 || (size_t)i >= c->ntokens)
        return -1;
    uint32_t at = c->tokens[i].start;
    for (size_t p = c->place_first; p < c->art->nplaces; p++) {
        const place_mention *pm = &c->art->places[p];
        if (pm->sentence != c->sentence || pm->start > at)
            break;
        if (pm->start == at && pm->entry && pm->entry->country)
            return (long)p;
    }
    return -1;
}

/* Words that may stand between "in" and a place: "in the capital, Nairobi" is handled by the
 * apposition; "in northern Mali", "in the north of Mali", "in western Myanmar's Rakhine". */
static long place_in_phrase(const clause_ctx *c, long i, long end)
{
    for (long j = i; j < end && j < i + 6 && (size_t)j < c->ntokens; j++) {
        long p = place_starting(c, j);
        if (p >= 0)
            return p;
        if (is_punct(c, j) || is_verb_token(c, j) || events_target_stop(c, j))
            return -1;
        if (actor_covering(c, j) >= 0 && !place_covering_token(c, j))
            return -1;
    }
    return -1;
}

long events_place_of_actor(const clause_ctx *c, long k)
{
    long i = (long)c->alast[k] + 1;
    if (!word_in(c, i, (const char *const[]){"in", "from", "across", "throughout", "inside", NULL}))
        return -1;
    return place_in_phrase(c, i + 1, i + 8);
}

long events_site(const clause_ctx *c, const verbmatch *m)
{
    /* after the anchor, to the end of the clause: "attacked a village in the Sagaing
     * region", "captured a junta camp in western Myanmar's Rakhine State" */
    long end = (long)c->ntokens;
    /* a time adjunct happens where the clause does: "detained students after a protest in
     * Tehran", "arrested during clashes in Lagos" */
    static const char *const same_place[] = {"after", "during", "following", "amid", NULL};
    for (long i = (long)m->anchor + 1; i < end; i++) {
        if (word_is(c, i, ";") || word_is(c, i, ":") ||
            (events_target_stop(c, i) && !word_in(c, i, same_place)))
            break;
        /* a comma ends the clause unless a place phrase follows it directly ("in Kayah,
         * Karen and ..."), or an apposition names the place ("in the capital, Nairobi") */
        /* ", including at least 24 students," is part of the object */
        if (is_comma(c, i) && word_is(c, i + 1, "including")) {
            long close = i + 2;
            while (close < end && close < i + 12 && !is_comma(c, close) && !is_punct(c, close))
                close++;
            if (close < end && is_comma(c, close)) {
                i = close;
                continue;
            }
        }
        if (is_comma(c, i) && !(place_starting(c, i + 1) >= 0 && i > (long)m->anchor + 1))
            break;
        long p = place_starting(c, i);
        if (p >= 0) {
            /* a place inside an organisation's name is no site ("the UN mission in Libya");
             * "displaced people in North Darfur" (SDNREF) is */
            long k = actor_covering(c, i);
            const char *country = c->art->places[p].entry->country;
            if (k < 0 || place_covering_token(c, (long)c->afirst[k]) ||
                (mention(c, k)->country && strcmp(mention(c, k)->country, country) == 0))
                return p;
        }
    }
    /* a place opening the sentence: "In Gao, soldiers opened fire on a crowd" */
    if (word_in(c, 0, (const char *const[]){"in", "inside", "across", NULL})) {
        long p = place_in_phrase(c, 1, (long)m->anchor);
        if (p >= 0) {
            long close = token_at(c, c->art->places[p].end - 1) + 1;
            if (is_comma(c, close) && close < (long)m->anchor)
                return p;
        }
    }
    return -1;
}

/* Roles that act where they are: police, authorities, courts and prosecutors, security
 * services, opposition and protesters, civilians, workers and students. Armed forces are not
 * among them (troops fight abroad), nor rebels and criminals (a group based somewhere is not
 * that state). */
static bool domestic_role(const char *role)
{
    static const char *const roles[] = {"COP", "GOV", "JUD", "SPY", "OPP", "CVL",
                                        "LAB", "EDU", "LEG", "MED", NULL};
    return role && in_list(role, roles);
}

/* CODE+ROLE from the arena, or NULL at its cap. */
static const char *combined_code(const clause_ctx *c, const char *country, const char *role)
{
    return arena_printf(c->a, "%s%s", country, role);
}

event_side events_side_in_context(const clause_ctx *c, long k, const verbmatch *m, bool as_source)
{
    event_side side = events_side_actor(c, k);
    if (side.code || !side.role)
        return side;
    const actor_mention *am = mention(c, k);
    if (!bare_role(am))
        return side;
    /* "police in Germany", "protesters in Tbilisi", "gangs in Port-au-Prince" */
    long p = events_place_of_actor(c, k);
    /* police raiding, authorities arresting, protesters marching: where they act is whose
     * they are; the victims of an attack or arrest in a place are that state's */
    const char *code = m ? m->rule->code : "";
    /* acts done in person where the actor is: protests, seizures, arrests, expulsions,
     * crackdowns, violence (not bans, sanctions or cyber attacks, done from afar) */
    bool in_person = code_is(code, "14") || code_is(code, "171") || code_is(code, "173") ||
                     code_is(code, "174") || code_is(code, "175") || code_is(code, "18") ||
                     code_is(code, "19") || code_is(code, "20");
    /* "Police raided homes in Mombasa and arrested a Somali man": a place between the doer
     * and a later verb it shares is where it acts */
    if (p < 0 && m && as_source && domestic_role(side.role) && in_person)
        for (long j = (long)c->alast[k] + 1; j + 1 < (long)m->first && p < 0; j++) {
            if (word_is(c, j, ";") || events_target_stop(c, j))
                break;
            if (word_in(c, j, (const char *const[]){"in", "at", "near", "across", NULL}))
                p = place_in_phrase(c, j + 1, (long)m->first);
        }
    /* "Hundreds of opposition supporters were arrested in Minsk": protesters and opposition
     * arrested, expelled or repressed in person are the site's, as protesters dispersed are;
     * other people so coerced ("arrested two men in Berlin") stay unnamed */
    if (p < 0 && m &&
        (as_source ? domestic_role(side.role) && in_person
                   : code_is(code, "14") || code_is(code, "15") || code_is(code, "18") ||
                         code_is(code, "19") || code_is(code, "20") ||
                         (code_is(code, "17") && in_person && strcmp(side.role, "OPP") == 0)))
        p = events_site(c, m);
    if (p < 0)
        return side;
    const place_mention *pm = &c->art->places[p];
    if (as_source && !domestic_role(side.role))
        return side; /* "an armed group based in Tarhouna" stays unknown */
    const char *combined = combined_code(c, pm->entry->country, side.role);
    if (!combined)
        return side;
    side.code = combined;
    side.country = pm->entry->country;
    side.place = (int32_t)p;
    side.via = SIDE_CONTEXT;
    return side;
}

bool events_side_civil(const clause_ctx *c, event_side *bare, const event_side *other)
{
    static const char *const state_roles[] = {"GOV", "MIL", "COP", "SPY", "JUD", NULL};
    static const char *const domestic_foes[] = {"REB", "INS", "OPP", "CRM", "UAF", NULL};
    if (bare->code || !bare->role || !in_list(bare->role, state_roles) || !other->code ||
        !other->country || !other->role || !in_list(other->role, domestic_foes) ||
        other->via == SIDE_CONTEXT || other->via == SIDE_PLACE)
        return false;
    const char *combined = combined_code(c, other->country, bare->role);
    if (!combined)
        return false;
    bare->code = combined;
    bare->country = other->country;
    bare->via = SIDE_CONTEXT;
    return true;
}

/* Roles that fight: armed forces, rebels and militias, unidentified armed men, gangs,
 * police, intelligence services. */
static bool armed_role(const char *role)
{
    static const char *const roles[] = {"MIL", "REB", "UAF", "CRM", "COP", "SPY", "INS", NULL};
    return role && in_list(role, roles);
}

/* Roles of public actors whose acts are news without their state named: officials, forces,
 * courts, parties, rebels, organisations (not civilians, businesses, doctors or reporters). */
static bool public_role(const char *role)
{
    static const char *const roles[] = {"GOV", "MIL", "COP", "JUD", "LEG", "OPP", "REB", "NGO",
                                        "IGO", "SPY", "UAF", "INS", "SEP", "PTY", NULL};
    return role && in_list(role, roles);
}

/* True when an event noun of roots 18-20, or a word of the classes @attacknoun and @violence
 * (classes.txt), stands in the object of match m ("condemned the attack", "denounced the
 * strikes", "called for an end to the fighting"). */
bool events_violent_object(const clause_ctx *c, const verbmatch *m)
{
    for (size_t j = 0; j < c->nmatches; j++) {
        const verbmatch *o = &c->matches[j];
        if (o->rule->noun && !o->rule->discard && o->anchor > m->anchor &&
            o->anchor <= m->anchor + OBJECT_WINDOW &&
            (code_is(o->rule->code, "18") || code_is(o->rule->code, "19") ||
             code_is(o->rule->code, "20")))
            return true;
    }
    for (long i = (long)m->anchor + 1; i <= (long)m->anchor + 8 && i < (long)c->ntokens; i++) {
        if (is_punct(c, i) || events_target_stop(c, i))
            break;
        char low[64];
        if (lower_token(c, i, low, sizeof low) &&
            (pattern_class_has(c->tables->patterns, "attacknoun", low, strlen(low)) ||
             pattern_class_has(c->tables->patterns, "violence", low, strlen(low))))
            return true;
    }
    return false;
}

/* True when the clause before match m names a weapon or an attack as what acts ("a car bomb
 * exploded", "an air strike killed"): an event noun of roots 18-20 or a word of the weapon or
 * explosive classes, back to the clause start, with no actor between. */
static bool violent_subject(const clause_ctx *c, const verbmatch *m)
{
    long from = events_clause_start(c, (long)m->first, (long)m->first);
    /* "the attack that targeted a village": a relative clause's antecedent */
    if (from > 0 && word_in(c, from - 1, (const char *const[]){"that", "which", NULL}) &&
        from - 2 >= 0)
        from = from - 2 - (is_comma(c, from - 2) ? 1 : 0);
    /* from the verb back to the clause start: the nearest noun phrase is the subject
     * ("nine people died when a mortar shell landed on the camp") */
    static const char *const clause_openers[] = {"when",    "after", "as",    "while", "before",
                                                 "because", "until", "since", NULL};
    for (long i = (long)m->anchor - 1; i >= from; i--) {
        if (word_in(c, i, clause_openers))
            break;
        /* (an attack noun may head the doer's phrase: "Greek strikes hit") */
        if (actor_covering(c, i) >= 0 && (long)c->alast[actor_covering(c, i)] != i)
            return false;
        for (size_t j = 0; j < c->nmatches; j++) {
            const verbmatch *o = &c->matches[j];
            if (o->rule->noun && (long)o->anchor == i &&
                (code_is(o->rule->code, "18") || code_is(o->rule->code, "19") ||
                 code_is(o->rule->code, "20")))
                return true;
        }
        char low[64];
        if (lower_token(c, i, low, sizeof low) &&
            (pattern_class_has(c->tables->patterns, "weapon", low, strlen(low)) ||
             pattern_class_has(c->tables->patterns, "explosive", low, strlen(low)) ||
             pattern_class_has(c->tables->patterns, "attacknoun", low, strlen(low)) ||
             pattern_class_has(c->tables->patterns, "violence", low, strlen(low))))
            return true;
        if (actor_covering(c, i) >= 0)
            return false;
    }
    return false;
}

/* True when a "by" agent follows the verb of match m ("was condemned by the UN"). */
static bool passive_agent_named(const clause_ctx *c, const verbmatch *m)
{
    for (long i = (long)m->anchor + 1; i < (long)c->ntokens && i <= (long)m->anchor + 3; i++)
        if (word_is(c, i, "by"))
            return true;
    return false;
}

/* True when the subject of match m is a document with no author named ("The resolution calls
 * on Israel to ...", "The joint statement condemned ...", "The text also demands ..."): a
 * noun of the list below heading a short phrase of determiners, adjectives and nouns that
 * opens the clause, then only adverbs and auxiliaries before the verb. A document that names
 * its author ("a UN report accuses") has an actor and never comes here. */
static bool document_subject(const clause_ctx *c, const verbmatch *m)
{
    static const char *const documents[] = {"resolution", "resolutions", "statement", "communique",
                                            "communiqué", "declaration", "report",    "text",
                                            "letter",     "draft",       "motion",    "document",
                                            "memorandum", NULL};
    long i = (long)m->first - 1;
    while (i >= 0 && (m->first - i) < 4 && (upos(c, i) == UPOS_ADV || upos(c, i) == UPOS_AUX))
        i--;
    /* "a statement from the ministry accused ...": past the author's phrase */
    if (!word_in(c, i, documents)) {
        long k = i;
        while (k >= 0 && i - k < 4 &&
               (upos(c, k) == UPOS_DET || upos(c, k) == UPOS_ADJ || upos(c, k) == UPOS_NOUN ||
                upos(c, k) == UPOS_PROPN))
            k--;
        if (k == i || !word_in(c, k, (const char *const[]){"from", "by", "of", NULL}))
            return false;
        i = k - 1;
        if (!word_in(c, i, documents))
            return false;
    }
    long j = i - 1;
    while (j >= 0 && i - j <= 4 && actor_covering(c, j) < 0 &&
           (upos(c, j) == UPOS_DET || upos(c, j) == UPOS_ADJ || upos(c, j) == UPOS_NOUN ||
            upos(c, j) == UPOS_VERB))
        j--;
    return j < 0 || is_punct(c, j) || upos(c, j) == UPOS_CCONJ || upos(c, j) == UPOS_SCONJ;
}

/* True when the verb of match m is what a form of "deny" right before its group governs
 * ("denied carrying out", "denies that it had attacked"). */
static bool denied_verb(const clause_ctx *c, const verbmatch *m)
{
    if (m->rule->noun)
        return false;
    verb_group vg;
    verb_group_find(c, (long)m->anchor, &vg);
    for (long i = (long)vg.first - 3; i < (long)vg.anchor; i++)
        if (i >= 0 && lemma_is(c, i, "deny"))
            return true;
    return false;
}

long events_denied_involvement(const clause_ctx *c, const verbmatch *m)
{
    static const char *const shares[] = {"involvement", "role",           "part",          "hand",
                                         "complicity",  "responsibility", "participation", NULL};
    if (!m->rule->noun)
        return -1;
    long p = (long)m->first - 1;
    while (p >= 0 && m->first - p < 4 && (upos(c, p) == UPOS_DET || upos(c, p) == UPOS_ADJ))
        p--;
    /* "Belgrade had nothing to do with the attack", "denied that Belgrade had anything to do
     * with the attack": the subject of "had" is the denied doer */
    if (word_is(c, p, "with") && word_is(c, p - 1, "do") && word_is(c, p - 2, "to") &&
        word_in(c, p - 3, (const char *const[]){"nothing", "anything", NULL}) &&
        verb_lemma_in(c, p - 4, (const char *const[]){"have", NULL})) {
        long had = p - 4;
        bool denied = word_is(c, p - 3, "nothing") || events_negated_before(c, had);
        for (long i = had - 1; i >= 0 && had - i <= 6 && !denied; i--)
            denied = verb_lemma_in(c, i, (const char *const[]){"deny", NULL});
        return denied ? had : -1;
    }
    /* "Russia denied the attack on the hospital": the denied act as the object of "deny" */
    if (verb_lemma_in(c, p, (const char *const[]){"deny", NULL}))
        return events_negated_before(c, p) ? -1 : p;
    if (!word_in(c, p, (const char *const[]){"in", "for", "with", NULL}) ||
        !word_in(c, p - 1, shares))
        return -1;
    long v = p - 2;
    while (v >= 0 && p - v < 5 &&
           (upos(c, v) == UPOS_DET || upos(c, v) == UPOS_ADJ || word_in(c, v, possessive_dets)))
        v--;
    if (v < 0 || !verb_lemma_in(c, v, (const char *const[]){"deny", NULL}))
        return -1;
    return events_negated_before(c, v) ? -1 : v; /* "did not deny" */
}

/* Mediation, not a business deal: a pattern of several words ("acted as mediator", "broker a
 * ceasefire"), the verb "mediate", or a talks or truce noun just before the verb ("the talks
 * were mediated by", "a truce brokered by Egypt"; not "deals that he has brokered"). */
static bool mediation_named(const clause_ctx *c, const verbmatch *m)
{
    static const char *const settled[] = {"talks",      "negotiations", "truce",  "ceasefire",
                                          "cease-fire", "agreement",    "accord", "peace",
                                          "exchange",   "swap",         NULL};
    if (m->rule->nliterals >= 2 ||
        verb_lemma_in(c, m->anchor, (const char *const[]){"mediate", NULL}))
        return true;
    for (long i = (long)m->anchor - 1; i >= 0 && m->anchor - i <= 6; i--)
        if (word_in(c, i, settled))
            return true;
    return false;
}

bool events_unknown_side_ok(const clause_ctx *c, const verbmatch *m, const char *code, bool source,
                            bool passive, const event_side *other, const char *named_role)
{
    bool role_named = named_role != NULL;
    /* an event noun names its doer and victim, or is background; but an armed role without
     * a state that the noun's phrase or its support verb names as the doer is an unnamed doer,
     * as it is of a verb ("an attack by jihadists on the army post", "gunmen launched an
     * attack on the police station") */
    bool violent = code_is(code, "18") || code_is(code, "19") || code_is(code, "20");
    /* (and a denied part in violence names no victim: "denied any involvement in the
     * bombing") */
    if (m->rule->noun)
        return violent && (source ? armed_role(named_role) : events_denied_involvement(c, m) >= 0);
    if (source) {
        /* attacks, bombings, killings, abductions, arrests, seizures, crackdowns, protests
         * whose doer the text does not name: in an agentless passive ("were killed"), by a
         * role without a state ("gunmen kidnapped"), or by a weapon ("a car bomb exploded");
         * an unrecognised name or pronoun is not an unknown doer */
        bool unnamed = passive || role_named || violent_subject(c, m);
        if (code_is(code, "14") || code_is(code, "17") || code_is(code, "18") ||
            code_is(code, "19") || code_is(code, "20"))
            return unnamed;
        /* criticism, accusations, protests to envoys, rejections, threats, sanctions and
         * appeals by a kind of public actor the text names without its state ("Human rights
         * groups have accused the Ethiopian authorities", "the ministry delivered a strong
         * protest"); not cooperation, meetings or worries, which such phrases ("officials who
         * met with her", "voters worried about ...") mostly report about people; and
         * accusations, sanctions and economic, military or humanitarian aid in an agentless
         * passive ("the equipment was provided to the Philippines") */
        bool pointed = (code_is(code, "11") && !code_is(code, "110")) || code_is(code, "02") ||
                       code_is(code, "12") || code_is(code, "13") || code_is(code, "16");
        /* the same acts, and demands, by a document whose author is not named ("the
         * resolution calls on ...") */
        if ((pointed || code_is(code, "10")) && !role_named && !passive && document_subject(c, m))
            return true;
        return (pointed && public_role(named_role)) ||
               (passive && (code_is(code, "11") || code_is(code, "163") || code_is(code, "071") ||
                            code_is(code, "072") || code_is(code, "073")));
    }
    /* an adverbial participle adds to its main clause only what it names ("after blaming the
     * group"): no unknown target */
    if (c->adverbial)
        return false;
    /* protests and shows of force need no target */
    if (code_is(code, "14") || code_is(code, "15"))
        return true;
    /* appeals for restraint, a truce, an end to violence, surrender, peacekeepers ("called for
     * an immediate halt to the fighting"), and condemnations of violence ("condemned the
     * attack") whose addressee or author is not named, and mediation between parties the
     * clause does not name ("acted as chief mediator", "talks mediated by Qatar") */
    if (code_is(code, "025") || code_is(code, "0234") || code_is(code, "0256") ||
        (code_is(code, "045") && mediation_named(c, m)))
        return true;
    if ((code_is(code, "02") || code_is(code, "11")) &&
        (events_violent_object(c, m) || (passive_agent_named(c, m) && violent_subject(c, m))))
        return true;
    /* investigations of an incident, crimes or abuses whose culprit is not named ("police
     * are investigating the explosion", "opened an inquiry into the shelling"): the pattern
     * names what is investigated (091-094), or the object is violence */
    if (code_is(code, "09") && (strcmp(code, "090") != 0 || events_violent_object(c, m)))
        return true;
    /* violence against people or places of no named state ("killed 19 people", "captured
     * the town"): by an armed actor, or in words that only name violence (shelling, air
     * strikes, bombings, abductions, massacres), not the generic "attack"/"fight"/"hit" that
     * politics uses too */
    if (code_is(code, "18") || code_is(code, "19") || code_is(code, "20")) {
        /* a denied act of violence names no victim: "Russia denied carrying out the strike",
         * "denied that it had attacked the convoy" */
        if (denied_verb(c, m))
            return true;
        bool generic = strcmp(code, "190") == 0 || strcmp(code, "180") == 0 ||
                       strcmp(code, "1823") == 0 || strcmp(code, "200") == 0;
        /* victims named by a role ("killed 19 people") of a state or armed actor; a
         * politician "attacking law enforcement officers" is words */
        /* (and by a subject that names the violence: "U.S. strikes hit residential
         * buildings") */
        return !generic || armed_role(other->role) || (role_named && !other->role) ||
               violent_subject(c, m);
    }
    return role_named && code_is(code, "17"); /* "arrested two men", not "seized weapons" */
}
