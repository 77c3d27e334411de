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
            (c->tokens[i].upos == UPOS_NOUN && !(c->tokens[i].flags & TOKEN_UPPER) &&
             upos(c, i + 1) == UPOS_ADJ)); /* "the evil awful Gondor" */
}

static long conjunct_first(const clause_ctx *c, long first)
{
    long i = first;
    while (first - i < 3 && conjunct_modifier(c, i - 1) && actor_covering(c, i - 1) < 0)
        i--;
    return i;
}

static long conjunct_starting(const clause_ctx *c, long i)
{
    long j = actor_starting(c, i, 0);
    for (int k = 0; j < 0 && k < 3 && conjunct_modifier(c, i + k); k++)
        j = actor_starting(c, i + k + 1, 0);
    return j;
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
        /* a comma alone joins only when an "and" follows the group (a list) */
        if (is_comma(c, g->first - 1) && !word_is(c, g->last + 1, "and") &&
            !word_is(c, g->last + 1, ",")) {
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
        if (is_comma(c, i) && (word_is(c, i + 1, "and") || word_is(c, i + 1, "or")))
            i++;
        bool joined = word_is(c, i, "and") || word_is(c, i, "or") || word_is(c, i, "nor");
        if (!joined && is_comma(c, i)) {
            /* "Russia, China and Iran": a comma joins when a later "and" closes the list */
            long j = conjunct_starting(c, i + 1);
            if (j < 0 || !(word_is(c, c->alast[j] + 1, "and") || is_comma(c, c->alast[j] + 1)))
                break;
            joined = true;
        }
        if (!joined)
            break;
        long j = conjunct_starting(c, i + 1);
        if (j < 0)
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
 * conjoined subjects share makes the act joint, whatever its code. */
static bool joint_object(const clause_ctx *c, long anchor)
{
    for (long i = anchor + 1; i <= anchor + 3 && (size_t)i < c->ntokens; i++) {
        if (is_comma(c, i))
            return false;
        if (word_is(c, i, "their") || (word_is(c, i, "each") && word_is(c, i + 1, "other")) ||
            (word_is(c, i, "one") && word_is(c, i + 1, "another")))
            return true;
    }
    return false;
}

/* Emits the events of a coded clause between the conjoined actors of its source and of its
 * target ("Russia and North Korea signed ..."): a joint act (a reciprocal code, a shared
 * object, a CODE:CODE pattern) between every two conjuncts of the source when there is no
 * target; else, for military acts, protests and shows of force without a target actor, against
 * the country of the place acted on or with no target; else every source to every target, and
 * back for a paired code (CODE:PAIR; 042 visit implies 043 host). Returns SITREP_ELIMIT at a
 * cap. */
sitrep_status events_emit_groups(emit_state *st, clause_ctx *c, const verbmatch *m,
                                 const char *code, long source, long target, uint8_t modality,
                                 long span_first, long span_last)
{
    const pattern *rule = m->rule;
    actor_group sg, tg;
    events_group_from(c, source, &sg);
    if (target >= 0)
        events_group_from(c, target, &tg);
    else
        tg.n = 0;
    sitrep_status status;
    /* "Reagan and Trump battled staunch opposition": fighting something is not fighting
     * each other */
    bool fights_object =
        code_is(code, "19") && !rule->noun &&
        (upos(c, (long)m->last + 1) == UPOS_DET || upos(c, (long)m->last + 1) == UPOS_ADJ ||
         upos(c, (long)m->last + 1) == UPOS_NOUN || upos(c, (long)m->last + 1) == UPOS_NUM);
    if (tg.n == 0 && sg.n > 1 &&
        ((reciprocal(code) && !fights_object) || joint_object(c, m->anchor) ||
         strcmp(rule->pair, rule->code) == 0)) { /* CODE:CODE: a joint act */
        for (size_t i = 0; i < sg.n; i++)
            for (size_t j = 0; j < sg.n; j++)
                if (i != j && (status = events_emit_actors(st, c, m, sg.items[i], sg.items[j], code,
                                                           modality, span_first, span_last)))
                    return status;
        return SITREP_OK;
    }
    if (tg.n == 0 && (events_military_code(rule->code) || code_is(code, "14") ||
                      code_is(rule->code, "081") || code_is(rule->code, "162"))) {
        /* "Russian forces shelled Kherson": the country of the place attacked is the target */
        long p = events_place_after(c, m);
        const char *country = p >= 0 ? c->art->places[p].entry->country : NULL;
        const char *own = mention(c, source)->country;
        /* a protest in one's own country is against its government: "Serbian students
         * protested in Belgrade" (CAMEO and PLOVER code the country as the target) */
        if (country && (!(own && strcmp(own, country) == 0) || code_is(code, "14") ||
                        events_non_state(mention(c, source)))) {
            const place_mention *pm = &c->art->places[p];
            if (events_trace(c, "    target: the place '%.*s' (%s)\n", (int)(pm->end - pm->start),
                             c->text + pm->start, country))
                return SITREP_ELIMIT;
            if (pm->end > c->tokens[span_last].end)
                span_last = token_at(c, pm->end - 1);
            event_side place = events_side_place(p, pm);
            for (size_t i = 0; i < sg.n; i++) {
                event_side side = events_side_actor(c, sg.items[i]);
                if (side.code && (status = events_emit(st, c, m, &side, &place, code, modality,
                                                       span_first, span_last)))
                    return status;
            }
            return SITREP_OK;
        }
    }
    /* protests, strikes and riots, and shows of force are events without a target:
     * "Opponents protested", "North Korea fired two ballistic missiles into the sea" */
    if (tg.n == 0 && (code_is(code, "14") || code_is(code, "15"))) {
        if (events_trace(c, "    no target: a protest or a show of force needs none\n"))
            return SITREP_ELIMIT;
        for (size_t i = 0; i < sg.n; i++)
            if (mention(c, sg.items[i])->code &&
                (status = events_emit_actors(st, c, m, sg.items[i], -1, code, modality, span_first,
                                             span_last)))
                return status;
        return SITREP_OK;
    }
    if (tg.n == 0)
        return events_trace(c, "    not coded: no target actor\n");
    for (size_t i = 0; i < sg.n; i++) {
        if (!mention(c, sg.items[i])->code)
            continue;
        for (size_t j = 0; j < tg.n; j++) {
            if ((status = events_emit_actors(st, c, m, sg.items[i], tg.items[j], code, modality,
                                             span_first, span_last)))
                return status;
            /* a paired code (CODE:PAIR) codes the target back; a visit implies a host: 042
             * X -> Y is 043 Y -> X (not when the act was turned into an intent) */
            const char *pair = code != rule->code           ? NULL
                               : rule->pair[0]              ? rule->pair
                               : code_is(rule->code, "042") ? "043"
                                                            : NULL;
            if (pair && (status = events_emit_actors(st, c, m, tg.items[j], sg.items[i], pair,
                                                     modality, span_first, span_last)))
                return status;
        }
    }
    return SITREP_OK;
}
