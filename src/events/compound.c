/* compound.c - compound and mutual actors for the event coder: groups of conjoined actors
 * ("Russia, China and Iran", "the two countries"), reciprocal codes and joint objects ("met
 * each other"), and the emission of a clause's events over every source and target conjunct.
 */
#include "events_internal.h"

static void group_add(actor_group *g, long k)
{
    for (size_t i = 0; i < g->n; i++)
        if (g->items[i] == k)
            return;
    if (g->n < GROUP_MAX)
        g->items[g->n++] = k;
}

/* A conjunct may carry a determiner and adjectives ("and the evil awful Gondor", "good
 * Gondor"): conjunct_first is the first token of those before an actor starting at `first`,
 * conjunct_starting the actor after those starting at token i (-1 when none). */
static bool conjunct_modifier(const clause_ctx *c, long i)
{
    return i >= 0 && (size_t)i < c->ntokens &&
           (word_is(c, i, "the") || c->tokens[i].upos == UPOS_ADJ ||
            c->tokens[i].upos == UPOS_NUM ||  /* "and 47 Malian soldiers" */
            word_in(c, i, possessive_dets) || /* "and his French counterpart" */
            (c->tokens[i].upos == UPOS_NOUN && !(c->tokens[i].flags & TOKEN_UPPER) &&
             upos(c, i + 1) == UPOS_ADJ)); /* "the evil awful Gondor" */
}

static long conjunct_first(const clause_ctx *c, long first)
{
    long i = first;
    /* a possessive pronoun is a modifier here, though the actor stage resolves it too ("and
     * his French counterpart") */
    while (first - i < 3 && conjunct_modifier(c, i - 1) &&
           (actor_covering(c, i - 1) < 0 || word_in(c, i - 1, possessive_dets)))
        i--;
    return i;
}

static long conjunct_starting(const clause_ctx *c, long i)
{
    long j = word_in(c, i, possessive_dets) ? -1 : actor_starting(c, i, 0);
    for (int k = 0; j < 0 && k < 3 && conjunct_modifier(c, i + k); k++)
        j = actor_starting(c, i + k + 1, 0);
    return j;
}

/* True when ", and" at token `comma` opens a clause of its own rather than the last item of
 * a list: the actor after it ends at `last` and a verb follows ("expelled an Indian
 * diplomat, and India responded"), and the phrase before the comma, starting at `before`, is
 * not itself a list item after a comma ("Russia, China, and Iran vetoed"). */
static bool clause_after_comma_and(const clause_ctx *c, long before, long last)
{
    long v = last + 1;
    if (upos(c, v) == UPOS_ADV)
        v++; /* "and India quickly responded" */
    return (upos(c, v) == UPOS_AUX || (upos(c, v) == UPOS_VERB && !is_gerund(c, v))) &&
           !is_comma(c, before - 1);
}

/* True when a comma alone joins two subjects in a headline: actor a opens the sentence, a verb
 * follows actor b ("Pakistan, Afghanistan agree to reopen border crossing"). */
static bool headline_pair(const clause_ctx *c, long a, long b)
{
    long first = conjunct_first(c, c->afirst[a]), last = (long)c->alast[b];
    /* both named with their state ("Militant group, Al-Shabab has claimed" is an apposition) */
    return first == 0 && mention(c, a)->country && mention(c, b)->country &&
           (upos(c, last + 1) == UPOS_VERB || upos(c, last + 1) == UPOS_AUX);
}

/* Grows a group from actor k: others with the same span, then conjuncts joined by "and",
 * "or" or commas before and after. */
void events_group_from(const clause_ctx *c, long k, actor_group *g)
{
    g->n = 0;
    g->first = conjunct_first(c, c->afirst[k]);
    g->last = c->alast[k];
    for (size_t j = 0; j < c->nact; j++)
        if (c->afirst[j] == c->afirst[k] && c->alast[j] == c->alast[k])
            group_add(g, (long)j);
    /* leftwards: "Russia, China and Iran" seen from Iran */
    for (;;) {
        long i = g->first - 1;
        if (!(word_is(c, i, "and") || word_is(c, i, "or") || word_is(c, i, "nor") ||
              is_comma(c, i)))
            break;
        if (is_comma(c, i - 1) || word_is(c, i - 1, "and"))
            i--;
        long j = actor_ending(c, i - 1);
        if (j < 0)
            break;
        if (is_comma(c, i) && word_is(c, i + 1, "and") &&
            clause_after_comma_and(c, conjunct_first(c, c->afirst[j]), g->last))
            break;
        /* a comma alone joins only when an "and" follows the group (a list) */
        if (is_comma(c, g->first - 1) && !word_is(c, g->last + 1, "and") &&
            !word_is(c, g->last + 1, ",") &&
            !(g->first - 1 == i && g->n > 0 && headline_pair(c, j, g->items[0]))) {
            bool listed = false;
            for (size_t m = 0; m < g->n && !listed; m++)
                listed = word_is(c, conjunct_first(c, c->afirst[g->items[m]]) - 1, "and");
            if (!listed)
                break;
        }
        for (size_t m = 0; m < c->nact; m++)
            if (c->afirst[m] == c->afirst[j] && c->alast[m] == c->alast[j])
                group_add(g, (long)m);
        g->first = conjunct_first(c, c->afirst[j]);
    }
    /* rightwards: "Russia and North Korea" seen from Russia */
    for (;;) {
        long i = g->last + 1;
        /* "Britain, along with France and Germany, condemned": partners set off by commas */
        if (is_comma(c, i) &&
            ((word_in(c, i + 1, (const char *const[]){"along", "together", NULL}) &&
              word_is(c, i + 2, "with")) ||
             (word_is(c, i + 1, "as") && word_is(c, i + 2, "well") && word_is(c, i + 3, "as")))) {
            long j = conjunct_starting(c, word_is(c, i + 1, "as") ? i + 4 : i + 3);
            if (j < 0)
                break;
            for (size_t m = 0; m < c->nact; m++)
                if (c->afirst[m] == c->afirst[j] && c->alast[m] == c->alast[j])
                    group_add(g, (long)m);
            g->last = c->alast[j];
            continue;
        }
        if (is_comma(c, i) && (word_is(c, i + 1, "and") || word_is(c, i + 1, "or")))
            i++;
        bool joined = word_is(c, i, "and") || word_is(c, i, "or") || word_is(c, i, "nor");
        if (!joined && is_comma(c, i)) {
            /* "Russia, China and Iran": a comma joins when a later "and" closes the list */
            long j = conjunct_starting(c, i + 1);
            if (j < 0 || !(word_is(c, c->alast[j] + 1, "and") || is_comma(c, c->alast[j] + 1) ||
                           (g->last + 1 == i && g->n > 0 && headline_pair(c, g->items[0], j))))
                break;
            joined = true;
        }
        if (!joined)
            break;
        long j = conjunct_starting(c, i + 1);
        if (j < 0)
            break;
        if (is_comma(c, i - 1) && word_is(c, i, "and") &&
            clause_after_comma_and(c, g->first, (long)c->alast[j]))
            break;
        for (size_t m = 0; m < c->nact; m++)
            if (c->afirst[m] == c->afirst[j] && c->alast[m] == c->alast[j])
                group_add(g, (long)m);
        g->last = c->alast[j];
    }
}

/* ---- mutual acts ---- */

/* Codes that describe a joint act: coded in both directions between conjoined actors. */
static bool reciprocal(const char *code)
{
    static const char *const codes[] = {"03", "040", "041", "044", "046", "05", "06", "190", NULL};
    for (const char *const *p = codes; *p; p++)
        if (code_is(code, *p))
            return true;
    return false;
}

/* "Gondor and Osgiliath have postponed their meeting", "... met each other": an object the
 * conjoined subjects share makes the act joint, whatever its code; so does an exchange ("Thai
 * and Cambodian troops exchanged fire", "traded accusations"). */
static bool joint_object(const clause_ctx *c, long anchor)
{
    if (verb_lemma_in(c, anchor, (const char *const[]){"exchange", "trade", NULL}))
        return true;
    for (long i = anchor + 1; i <= anchor + 3 && (size_t)i < c->ntokens; i++) {
        if (is_comma(c, i))
            return false;
        if (word_is(c, i, "their") || (word_is(c, i, "each") && word_is(c, i + 1, "other")) ||
            (word_is(c, i, "one") && word_is(c, i + 1, "another")))
            return true;
    }
    return false;
}

/* Codes of acts done together: coded both ways between a source and its partner ("met",
 * "held talks with", "spoke by phone with", "signed an agreement with", "agreed a truce
 * with"). */
static bool mutual(const char *code)
{
    static const char *const codes[] = {"036", "040", "041", "044", "046", "057", "0871", NULL};
    for (const char *const *p = codes; *p; p++)
        if (strcmp(code, *p) == 0)
            return true;
    return false;
}

/* A protest named as the object of the act (the anchor to the clause's end): "disperse a
 * demonstration", "broke up the rally", "fired tear gas at protests". */
static bool protest_object(const clause_ctx *c, const verbmatch *m)
{
    static const char *const protests[] = {
        "protest",    "protests",   "demonstration", "demonstrations", "rally",  "rallies",
        "march",      "marches",    "crowd",         "crowds",         "sit-in", "gathering",
        "gatherings", "protesters", "demonstrators", "protestors",     "vigil",  NULL};
    for (long i = (long)m->anchor + 1; i < (long)c->ntokens && i < (long)m->anchor + 12; i++) {
        if (word_is(c, i, ";") || word_is(c, i, ".") || is_comma(c, i) || events_target_stop(c, i))
            return false;
        if (word_in(c, i, protests))
            return true;
    }
    return false;
}

/* "clashed with", "engaged in battles with", "exchanged fire with": fighting that both sides
 * do, coded both ways (a fight word, then "with" before the partner). */
static bool fight_with(const clause_ctx *c, const verbmatch *m)
{
    static const char *const fights[] = {"battle",    "battles",    "clash",    "clashes",
                                         "fight",     "fighting",   "gunfight", "gunfights",
                                         "firefight", "firefights", "skirmish", "skirmishes",
                                         "gunbattle", "gunbattles", "exchange", NULL};
    bool fight = false;
    for (long i = (long)m->first; i <= (long)m->last + 3 && i < (long)c->ntokens; i++) {
        if (word_in(c, i, fights) || lemma_in(c, i, fights))
            fight = true;
        else if (fight && word_is(c, i, "with"))
            return true;
        else if (is_punct(c, i))
            break;
    }
    return false;
}

/* True when side t is introduced by "from" ("withdrew from Niger", "pulled out of Mali"). */
static bool from_host(const clause_ctx *c, const event_side *t)
{
    uint32_t start = t->actor >= 0   ? c->art->actors[t->actor].start
                     : t->place >= 0 ? c->art->places[t->place].start
                                     : 0;
    if (!start)
        return false;
    long i = token_at(c, start) - 1;
    if (word_is(c, i, "the"))
        i--;
    return word_is(c, i, "from") || (word_is(c, i, "of") && word_is(c, i - 1, "out"));
}

/* Acts aimed at someone that news often states without naming him in the clause ("fired
 * warning shots after North Korean soldiers crossed the border", "pulled back after the
 * warnings"): force posture and retreats. Fighting is not among them: its victim is usually
 * named, and when it is not the other party of the sentence is often only its narrator. */
static bool counterpart_code(const char *code)
{
    return code_is(code, "15") || code_is(code, "087");
}

/* The other party of the sentence: the one actor (by country) of the sentence other than the
 * sources' countries, outside place phrases, when there is exactly one such country; -1
 * otherwise. */
static long counterpart(const clause_ctx *c, const event_side *sources, size_t ns)
{
    long found = -1;
    for (size_t k = 0; k < c->nact; k++) {
        const actor_mention *am = mention(c, (long)k);
        if (!am->country || !am->code || (am->kind && strcmp(am->kind, "adjective") == 0))
            continue;
        bool own = false;
        for (size_t i = 0; i < ns && !own; i++)
            own = sources[i].country && strcmp(sources[i].country, am->country) == 0;
        if (own || place_covering_token(c, (long)c->afirst[k]))
            continue;
        if (found >= 0 && strcmp(mention(c, found)->country, am->country) != 0)
            return -1;
        if (found < 0)
            found = (long)k;
    }
    return found;
}

/* Acts whose target may be the place they are done to: force posture, coercion, assault,
 * fighting, mass violence, protests, withdrawals from a place ("Israeli forces withdrew from
 * Jenin"), visits to a place abroad. Aid is not among them: on the PolNeAR texts the place
 * after a generic act of help was never the one helped ("helped bridge the divide in
 * Washington", "accept refugees fleeing war in Syria"). */
static bool place_target_code(const char *code)
{
    return events_military_code(code) || code_is(code, "14") || code_is(code, "081") ||
           code_is(code, "162") || code_is(code, "042") || code_is(code, "0874");
}

/* "Biden and Netanyahu spoke on Wednesday about ...", "the two ministers talked for an hour":
 * conjoined subjects who speak or talk (the bare verb's patterns) with no one else named speak
 * with each other. True when the bare verb is not that: one speaker, a target named, or words
 * after the verb (past a few adverbs and dates) other than an end of clause, "about", "for",
 * "over", "via" ("spoke to reporters", "spoke at the rally", "spoke of", "will speak there").
 * False for other patterns. */
static bool not_speaking_together(const clause_ctx *c, const verbmatch *m, const actor_group *sg,
                                  const actor_group *tg)
{
    if (m->rule->noun || m->first != m->last ||
        !verb_lemma_in(c, (long)m->anchor, (const char *const[]){"speak", "talk", NULL}))
        return false;
    if (sg->n < 2 || tg->n > 0)
        return true;
    static const char *const adverbs[] = {"again",     "briefly",  "later",     "earlier",
                                          "also",      "twice",    "privately", "frequently",
                                          "regularly", "directly", "last",      NULL};
    long i = (long)m->last + 1;
    for (long next; i < (long)c->ntokens; i = next) {
        next = word_in(c, i, adverbs) ? i + 1 : events_skip_date(c, i);
        if (next <= i)
            break;
    }
    if (i >= (long)c->ntokens || is_punct(c, i))
        return false;
    return !word_in(c, i, (const char *const[]){"about", "for", "over", "via", NULL});
}

/* Emits the events of a coded clause between the conjoined actors of its source and of its
 * target ("Russia and North Korea signed ..."): a joint act (a reciprocal code, a shared
 * object, a CODE:CODE pattern) between every two conjuncts of the source when there is no
 * target; else every source side to every target side, where a bare role takes its country
 * from where it acts (sides.c), the place acted on is the target of military acts and protests
 * without a target actor, and a side the text does not name is unknown where the policy of
 * events_unknown_side_ok allows it (never both). Mutual codes and paired codes (CODE:PAIR) are
 * coded back. Returns SITREP_ELIMIT at a cap. */
/* "the leaders of Japan and South Korea met in Tokyo": true when the place of a meeting is in
 * the state of one of its parties, so that it is held at no third place (044) but is a
 * meeting (040). */
static bool meeting_at_home(const clause_ctx *c, const verbmatch *m, const event_side *ss,
                            size_t ns, const event_side *ts, size_t nt)
{
    long p = events_site(c, m);
    const char *where = p >= 0 ? c->art->places[p].entry->country : NULL;
    bool home = false;
    for (size_t i = 0; where && i < ns; i++)
        home = home || (ss[i].country && strcmp(ss[i].country, where) == 0);
    for (size_t j = 0; where && j < nt; j++)
        home = home || (ts[j].country && strcmp(ts[j].country, where) == 0);
    return home;
}

sitrep_status events_emit_groups(emit_state *st, clause_ctx *c, const verbmatch *m,
                                 const char *code, long source, long target, bool passive,
                                 uint8_t modality, long span_first, long span_last)
{
    const pattern *rule = m->rule;
    char l1[160];
    actor_group sg = {.n = 0}, tg = {.n = 0};
    if (source >= 0)
        events_group_from(c, source, &sg);
    if (target >= 0)
        events_group_from(c, target, &tg);
    sitrep_status status;
    /* "Reagan and Trump battled staunch opposition": fighting something is not fighting
     * each other; nor is fighting against someone ("French and Malian forces conducted joint
     * operations against jihadists") */
    bool fights_object =
        code_is(code, "19") && !rule->noun &&
        (upos(c, (long)m->last + 1) == UPOS_DET || upos(c, (long)m->last + 1) == UPOS_ADJ ||
         upos(c, (long)m->last + 1) == UPOS_NOUN || upos(c, (long)m->last + 1) == UPOS_NUM ||
         word_is(c, (long)m->last + 1, "against"));
    /* "Malian soldiers and Wagner fighters killed dozens of civilians": people the pattern's
     * own words take in are its object, though they name no state */
    for (long i = (long)m->anchor + 1;
         code_is(code, "19") && !rule->noun && !fights_object && i <= (long)m->last; i++)
        fights_object = actor_covering(c, i) >= 0;
    /* "The US and Russia exchanged prisoners, including an American reporter": a joint act of
     * conjoined subjects whose object belongs to one of them is no act on that object */
    bool own_object = false;
    if (tg.n > 0 && sg.n > 1 && (mutual(code) || code_is(code, "0841") || reciprocal(code))) {
        const char *tc = mention(c, tg.items[0])->country;
        for (size_t i = 0; i < sg.n && tc && !own_object; i++)
            own_object = mention(c, sg.items[i])->country &&
                         strcmp(mention(c, sg.items[i])->country, tc) == 0;
    }
    if (not_speaking_together(c, m, &sg, &tg))
        return events_trace(c, "    not coded: speaking, not with each other\n");
    if ((tg.n == 0 || own_object) && sg.n > 1 &&
        ((reciprocal(code) && !fights_object) || joint_object(c, m->anchor) ||
         strcmp(rule->pair, rule->code) == 0 || code_is(code, "0841"))) { /* a joint act */
        event_side parties[GROUP_MAX];
        for (size_t i = 0; i < sg.n && i < GROUP_MAX; i++)
            parties[i] = events_side_actor(c, sg.items[i]);
        if (strcmp(code, "044") == 0 &&
            meeting_at_home(c, m, parties, sg.n < GROUP_MAX ? sg.n : GROUP_MAX, NULL, 0)) {
            code = "040";
            if (events_trace(c, "    a meeting in one party's own state: 040\n"))
                return SITREP_ELIMIT;
        }
        for (size_t i = 0; i < sg.n; i++)
            for (size_t j = 0; j < sg.n; j++) {
                event_side a = events_side_actor(c, sg.items[i]);
                event_side b = events_side_actor(c, sg.items[j]);
                if (i != j && a.code && b.code &&
                    (status = events_emit(st, c, m, &a, &b, code, modality, span_first, span_last)))
                    return status;
            }
        return SITREP_OK;
    }
    event_side ss[GROUP_MAX], ts[GROUP_MAX];
    size_t ns = 0, nt = 0;
    bool known_source = false, known_target = false;
    for (size_t i = 0; i < sg.n; i++) {
        ss[ns] = events_side_in_context(c, sg.items[i], m, true);
        known_source |= ss[ns++].code != NULL;
    }
    if (sg.n == 0 && c->has_speaker) { /* "we" in a speaker's words */
        ss[ns++] = c->speaker;
        known_source = true;
    }
    for (size_t j = 0; j < tg.n; j++) {
        ts[nt] = events_side_in_context(c, tg.items[j], m, false);
        known_target |= ts[nt++].code != NULL;
    }
    /* "Police raided properties in Germany and arrested a Tunisian man": a role placed for
     * one verb of the sentence is the same actor for the next verb it is the subject of */
    for (size_t i = 0; i < ns; i++) {
        if (ss[i].code || ss[i].actor < 0)
            continue;
        for (size_t e = 0; e < st->count; e++) {
            const event *done = &st->items[e];
            if (done->sentence == c->sentence && done->source.actor == ss[i].actor &&
                done->source.code) {
                ss[i] = done->source;
                known_source = true;
                if (events_trace(c, "    source: placed as for the sentence's earlier verb\n"))
                    return SITREP_ELIMIT;
                break;
            }
        }
    }
    /* "junta troops surrendered to the Arakan Army": a state's forces fighting or dealing
     * with a domestic rebel group are that group's state's */
    if (ns == 1 && nt == 1 && known_source != known_target &&
        events_side_civil(c, known_source ? &ts[0] : &ss[0], known_source ? &ss[0] : &ts[0])) {
        known_source = known_target = true;
        if (events_trace(c, "    %s: the state of the rebel group on the other side\n",
                         ss[0].via == SIDE_CONTEXT ? "source" : "target"))
            return SITREP_ELIMIT;
    }
    /* "Russian forces shelled Kherson", "protested in Belgrade": the country of the place
     * acted on is the target */
    if (!known_target && nt == 0 && place_target_code(rule->code)) {
        long p = events_site(c, m);
        /* "German police raided flats in Berlin": a state coercing in its own territory acts
         * on people the text may name, not on itself */
        if (p >= 0 && code_is(code, "17") && ns > 0 && ss[0].country && ss[0].role &&
            in_list(ss[0].role, (const char *const[]){"COP", "GOV", "MIL", "JUD", "SPY", NULL}) &&
            strcmp(ss[0].country, c->art->places[p].entry->country) == 0)
            p = -1;
        /* "Xi arrived in Belgrade for a state visit": a visit is to the country of the place
         * its pattern names ("arrive in $T"), one visitor's, never to its own country */
        if (p >= 0 && code_is(code, "042") &&
            !(ns == 1 && ss[0].country &&
              strcmp(ss[0].country, c->art->places[p].entry->country) != 0 &&
              m->slot[PATTERN_TARGET] >= 0 &&
              c->art->places[p].start <= c->tokens[m->slot[PATTERN_TARGET]].start &&
              c->tokens[m->slot[PATTERN_TARGET]].end <= c->art->places[p].end))
            p = -1;
        if (p >= 0) {
            const place_mention *pm = &c->art->places[p];
            if (events_trace(c, "    target: the place '%.*s' (%s)\n", (int)(pm->end - pm->start),
                             c->text + pm->start, pm->entry->country))
                return SITREP_ELIMIT;
            if (pm->end > c->tokens[span_last].end)
                span_last = token_at(c, pm->end - 1);
            ts[0] = events_side_place(p, pm);
            nt = 1;
            known_target = true;
        }
    }
    /* "Thousands protested in Tbilisi": protesters the text does not name are the people of
     * the place where they protest */
    if (!known_source && code_is(code, "14")) {
        long p = events_site(c, m);
        const char *people =
            p >= 0 ? arena_printf(c->a, "%sOPP", c->art->places[p].entry->country) : NULL;
        if (people) {
            ss[0] = events_side_place(p, &c->art->places[p]);
            ss[0].code = people;
            ss[0].role = "OPP";
            ss[0].via = SIDE_CONTEXT;
            ns = 1;
            known_source = true;
        }
    }
    /* "police moved to disperse a large demonstration", "fired tear gas to break up the
     * rally": repression of a protest whose people the text does not name is done to the
     * protesters of the place, else of the repressing state (COUNTRY+OPP) */
    if (!known_target && known_source && code_is(code, "17") && protest_object(c, m)) {
        long p = events_site(c, m);
        const char *country = p >= 0 ? c->art->places[p].entry->country : ss[0].country;
        const char *people = country ? arena_printf(c->a, "%sOPP", country) : NULL;
        if (people) {
            ts[0] = p >= 0 ? events_side_place(p, &c->art->places[p]) : events_side_none();
            ts[0].code = people;
            ts[0].country = country;
            ts[0].role = "OPP";
            ts[0].via = SIDE_CONTEXT;
            nt = 1;
            known_target = true;
            if (events_trace(c, "    target: the protesters of %s\n", country))
                return SITREP_ELIMIT;
        }
    }
    /* "Over 200 people were arrested in Lagos": an arrest, expulsion or crackdown whose doer
     * is not named is done by the state where it happens (its police) */
    if (!known_source && passive &&
        (code_is(code, "173") || code_is(code, "174") || code_is(code, "175"))) {
        long p = events_site(c, m);
        const char *police =
            p >= 0 ? arena_printf(c->a, "%sCOP", c->art->places[p].entry->country) : NULL;
        if (police) {
            ss[0] = events_side_place(p, &c->art->places[p]);
            ss[0].code = police;
            ss[0].role = "COP";
            ss[0].via = SIDE_CONTEXT;
            ns = 1;
            known_source = true;
        }
    }
    /* "In Gao, soldiers opened fire on a crowd": when neither side has a state, the people
     * coerced are those of the place where it happens; so are the victims of violence named
     * by a role ("Gunmen kidnapped 30 people in Zamfara state", "Boko Haram seized 270
     * schoolgirls from a school at Chibok") */
    if (!known_target && nt == 1 && ts[0].role && !ts[0].code &&
        ((!known_source && code_is(code, "17")) || code_is(code, "18") || code_is(code, "19") ||
         code_is(code, "20"))) {
        long p = events_site(c, m);
        const char *people =
            p >= 0 ? arena_printf(c->a, "%s%s", c->art->places[p].entry->country, ts[0].role)
                   : NULL;
        if (people) {
            ts[0].code = people;
            ts[0].country = c->art->places[p].entry->country;
            ts[0].place = (int32_t)p;
            ts[0].via = SIDE_CONTEXT;
            known_target = true;
        }
    }
    /* "JNIM killed seven Wagner mercenaries and seized some weapons", "assaulted fishermen,
     * damaged their gear and seized their catch": things seized by the doer of an attack
     * conjoined before it, whose owner is not named, are the attacked side's */
    if (!known_target && known_source && code_is(code, "171") && !rule->noun && ss[0].code &&
        (word_is(c, (long)m->anchor - 1, "and") || is_comma(c, (long)m->anchor - 1))) {
        for (size_t e = st->count; e-- > 0 && st->items[e].sentence == c->sentence;) {
            const event *prior = &st->items[e];
            if (!(code_is(prior->code, "18") || code_is(prior->code, "19")) ||
                !prior->source.code || strcmp(prior->source.code, ss[0].code) != 0 ||
                !prior->target.country)
                continue;
            ts[0] = prior->target;
            nt = 1;
            known_target = true;
            if (events_trace(c, "    target: the side attacked before it, %s\n",
                             prior->target.code))
                return SITREP_ELIMIT;
            break;
        }
    }
    /* "signed an agreement with France to buy 36 jets": the seller is the partner of the
     * agreement the purchase is for */
    if (!known_target && known_source && code_is(code, "062") && !rule->noun &&
        word_is(c, (long)m->anchor - 1, "to")) {
        for (long i = (long)m->anchor - 2; i > 0 && m->anchor - i <= 10; i--) {
            if (is_punct(c, i) || events_finite_verb(c, i))
                break;
            long k = word_is(c, i, "with") ? actor_after_word(c, i) : -1;
            if (k >= 0 && mention(c, k)->code && mention(c, k)->country) {
                ts[0] = events_side_actor(c, k);
                nt = 1;
                known_target = true;
                if (events_trace(c, "    target: the partner of the agreement, %s\n",
                                 events_actor_label(c, k, l1, sizeof l1)))
                    return SITREP_ELIMIT;
                break;
            }
        }
    }
    /* "Cambodia evacuated its embassy in Bangkok", "closed its consulate in Jeddah": a
     * mission reduced in another state's place is reduced towards that state */
    if (!known_target && known_source && code_is(code, "16") && ss[0].country) {
        long p = events_site(c, m);
        const char *host = p >= 0 ? c->art->places[p].entry->country : NULL;
        bool mission = false;
        for (long i = (long)m->anchor + 1; p >= 0 && i < token_at(c, c->art->places[p].start); i++)
            mission = mission ||
                      word_in(c, i,
                              (const char *const[]){"embassy", "embassies", "consulate",
                                                    "consulates", "mission", NULL}) ||
                      events_token_in_classes(c, i, (const char *const[]){"envoy", NULL});
        if (mission && host && strcmp(host, ss[0].country) != 0) {
            ts[0] = events_side_place(p, &c->art->places[p]);
            nt = 1;
            known_target = true;
            if (events_trace(c, "    target: the state of the mission's place, %s\n", host))
                return SITREP_ELIMIT;
        }
    }
    /* (not for an event noun, nor an infinitive: "waiting for them to withdraw") */
    if (!known_target && known_source && counterpart_code(code) && !rule->noun &&
        !word_is(c, (long)m->anchor - 1, "to")) {
        long k = counterpart(c, ss, ns);
        if (k >= 0) {
            if (events_trace(c, "    target: the other party of the sentence, %s\n",
                             events_actor_label(c, k, l1, sizeof l1)))
                return SITREP_ELIMIT;
            ts[0] = events_side_actor(c, k);
            nt = 1;
            known_target = true;
        }
    }
    /* "the army chief visited troops in Omdurman": a visit to one's own state's people is no
     * visit between actors of two states */
    if ((code_is(code, "042") || code_is(code, "043")) && ns > 0 && nt > 0 && ss[0].country &&
        ts[0].country && strcmp(ss[0].country, ts[0].country) == 0)
        return events_trace(c, "    not coded: a visit at home, to its own state's people\n");
    if (!known_source) {
        if (!events_unknown_side_ok(c, m, code, true, passive, &ts[0], ns > 0 ? ss[0].role : NULL))
            return events_trace(c, "    not coded: no source actor\n");
        if (ns == 0)
            ss[ns++] = events_side_none();
    }
    if (!known_target) {
        if (!events_unknown_side_ok(c, m, code, false, passive, &ss[0], nt > 0 ? ts[0].role : NULL))
            return events_trace(c, "    not coded: no target actor\n");
        if (nt == 0)
            ts[nt++] = events_side_none();
    }
    if (!known_source && !known_target)
        return events_trace(c, "    not coded: neither side is named\n");
    if (events_trace(c, "%s%s", known_source ? "" : "    source unknown (policy)\n",
                     known_target ? "" : "    target unknown (policy)\n"))
        return SITREP_ELIMIT;
    /* "withdrew its troops from Niger": pulling one's forces out of another state that hosts
     * them reduces relations (166); pulling back before an adversary stays a retreat (0874) */
    if (strcmp(code, "0874") == 0 && known_source && known_target && ss[0].country &&
        ts[0].country && strcmp(ss[0].country, ts[0].country) != 0 && from_host(c, &ts[0])) {
        code = "166";
        if (events_trace(c, "    withdrawal from a host state: 166\n"))
            return SITREP_ELIMIT;
    }
    /* "Police have raided dozens of properties in Germany": a state's forces arresting in its
     * own territory act on people the text may name, not on the state they are in (a ban
     * "in Northern Ireland" stays the state's act on its province: PLOVER codes it so) */
    if (code_is(code, "173") && ns == 1 && nt == 1 && ss[0].country && ts[0].country &&
        strcmp(ss[0].country, ts[0].country) == 0 && ss[0].role &&
        in_list(ss[0].role, (const char *const[]){"COP", "GOV", "MIL", "JUD", "SPY", NULL}))
        for (size_t k = 0; k < c->nact; k++)
            if (c->actor[k] == ts[0].actor && !ts[0].role &&
                word_in(c, (long)c->afirst[k] - 1,
                        (const char *const[]){"in", "across", "inside", "throughout", NULL}))
                return events_trace(c, "    not coded: forces coercing in their own state, on "
                                       "no one named\n");
    if (strcmp(code, "044") == 0 && meeting_at_home(c, m, ss, ns, ts, nt)) {
        code = "040";
        if (events_trace(c, "    a meeting in one party's own state: 040\n"))
            return SITREP_ELIMIT;
    }
    for (size_t i = 0; i < ns; i++) {
        for (size_t j = 0; j < nt; j++) {
            if (!ss[i].code && !ts[j].code)
                continue;
            if ((status =
                     events_emit(st, c, m, &ss[i], &ts[j], code, modality, span_first, span_last)))
                return status;
            /* a paired code (CODE:PAIR) codes the target back; acts done together are coded
             * both ways. A visit is one event (042 X -> Y): coding its host too (043 Y -> X)
             * added only false events on the real-news set and the PLOVER records. */
            bool both_ways = mutual(code) || (code_is(code, "19") && fight_with(c, m));
            const char *pair = code != rule->code ? (mutual(code) ? code : NULL)
                               : rule->pair[0]    ? rule->pair
                               : both_ways        ? code
                                                  : NULL;
            if (pair && ss[i].code && ts[j].code &&
                (status =
                     events_emit(st, c, m, &ts[j], &ss[i], pair, modality, span_first, span_last)))
                return status;
        }
    }
    return SITREP_OK;
}

sitrep_status events_between(emit_state *st, clause_ctx *c, const verbmatch *m, const char *code,
                             uint8_t modality, bool *done)
{
    *done = false;
    if (!(reciprocal(code) || mutual(code) || code_is(code, "0841") || code_is(code, "19")))
        return SITREP_OK;
    /* "Turkey offered to mediate between Russia and Ukraine": the mediator acts on the parties
     * (its source and targets), the parties do not mediate between each other */
    if (code_is(code, "039") || code_is(code, "045"))
        return SITREP_OK;
    /* the noun, then at most two words ("talks between", "fierce clashes erupted between",
     * "a prisoner exchange between") */
    long at = -1;
    for (long i = (long)m->anchor + 1; i <= (long)m->anchor + 3 && i < (long)c->ntokens; i++) {
        if (word_is(c, i, "between")) {
            at = i;
            break;
        }
        if (is_punct(c, i))
            break;
    }
    if (at < 0)
        return SITREP_OK;
    /* "a lack of reciprocal agreements between ...", "no talks between ...": none held */
    for (long i = (long)m->first - 1; i >= 0 && i >= (long)m->first - 3; i--) {
        if (word_in(c, i, (const char *const[]){"no", "without", "lack", "absence", NULL})) {
            *done = true;
            return events_trace(c, "    not coded: the joint act is said not to exist\n");
        }
        if (is_punct(c, i) || is_verb_token(c, i))
            break;
    }
    long k = actor_starting(c, at + 1, 0);
    if (k < 0 && word_in(c, at + 1, (const char *const[]){"the", "a", NULL}))
        k = actor_starting(c, at + 2, 0);
    if (k < 0)
        return SITREP_OK;
    actor_group g;
    events_group_from(c, k, &g);
    if (g.n < 2)
        return SITREP_OK;
    *done = true;
    if (events_trace(c, "    a joint act of the actors after 'between', coded both ways\n"))
        return SITREP_ELIMIT;
    long span_last = g.last > (long)m->last ? g.last : (long)m->last;
    for (size_t i = 0; i < g.n; i++)
        for (size_t j = 0; j < g.n; j++) {
            if (i == j)
                continue;
            event_side a = events_side_actor(c, g.items[i]);
            event_side b = events_side_actor(c, g.items[j]);
            /* "fighting between the army and the RSF": the army is the RSF's state's */
            if (!a.code)
                events_side_civil(c, &a, &b);
            if (!b.code)
                events_side_civil(c, &b, &a);
            if (!a.code || !b.code)
                continue;
            sitrep_status status =
                events_emit(st, c, m, &a, &b, code, modality, (long)m->first, span_last);
            if (status)
                return status;
        }
    return SITREP_OK;
}
