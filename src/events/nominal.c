/* nominal.c - nominal events for the event coder: an event noun's source ($S slot,
 * possessor, nationality adjective, "by X", "of X"), target and modality (from the verb that
 * governs it; a support verb such as "launched" lends its subject).
 */
#include "events_internal.h"

/* The possessor of a noun anchor ("Putin's visit", "North Korea's supply"), -1 when none. */
static long possessor(const clause_ctx *c, long anchor)
{
    long i = anchor - 1;
    for (int adj = 0; adj < 3 && i >= 0; adj++) {
        if (is_possessive(c, i))
            break;
        if (word_in(c, i, possessive_dets)) /* "his war", "their visit" */
            return actor_starting(c, i, 0);
        uint8_t u = upos(c, i);
        if (u == UPOS_ADJ || u == UPOS_NOUN ||
            (u == 0 && !is_punct(c, i) && !(c->tokens[i].flags & TOKEN_UPPER)))
            i--;
        else
            break;
    }
    if (!is_possessive(c, i))
        return -1;
    long k = actor_ending(c, i - 1);
    if (k < 0) {
        /* the actor may include the possessive ("Kim's regime" style spans end later) */
        k = actor_covering(c, i - 1);
    }
    return k;
}

/* The source, target and modality of the event noun of match mi ("Putin's visit to Kyiv",
 * "the Russian invasion of Ukraine", "Russia launched air strikes on Kyiv"): the $S slot, the
 * possessor, a nationality adjective, "by X" or "of X" give the source; the $T slot (tslot,
 * whose phrase starts at slot_first) or the first actor after the noun the target; the verb
 * governing the noun the modality, and a support verb its subject as source. Sets *done when
 * the noun is not coded (it is part of a verb pattern; the reason is traced). Returns
 * SITREP_ELIMIT at the explain buffer's cap. */
sitrep_status events_nominal(const clause_ctx *c, size_t mi, long tslot, long slot_first,
                             long *source_out, long *target_out, uint8_t *modality_out,
                             long *span_first_out, bool *done)
{
    const verbmatch *m = &c->matches[mi];
    const pattern *rule = m->rule;
    char l1[160], l2[160];
    long source = *source_out, target = *target_out;
    uint8_t modality = *modality_out;
    long span_first = *span_first_out;
    /* "held talks with": a support verb's pattern takes in the noun, which is no event
     * again */
    for (size_t j = 0; j < c->nmatches; j++) {
        const verbmatch *o = &c->matches[j];
        if (j != mi && !o->rule->noun && !o->rule->discard && o->first <= m->anchor &&
            m->anchor <= o->last && verb_lemma_in(c, (long)o->anchor, support_verbs)) {
            *done = true;
            return events_trace(c, "    not coded: part of the verb pattern %s:%u\n", o->rule->file,
                                o->rule->line);
        }
    }
    source = events_slot_actor(c, m->slot[PATTERN_SOURCE], false); /* "a visit by $S to $T" */
    if (source < 0)
        source = possessor(c, m->anchor);
    if (source < 0) {
        /* "the Russian invasion of Ukraine", "an Israeli air strike on Gaza": the
         * nationality adjective of the noun phrase is its source */
        long k = actor_covering(c, m->anchor);
        if (k >= 0 && mention(c, k)->kind && strcmp(mention(c, k)->kind, "adjective") == 0)
            source = k;
    }
    if (source < 0) {
        /* "the deployment of troops by X" */
        for (long i = m->anchor + 1; i < (long)c->ntokens && i < m->anchor + OBJECT_WINDOW; i++) {
            if (is_punct(c, i))
                break;
            if (word_is(c, i, "by")) {
                source = actor_starting(c, i + 1, 0);
                break;
            }
        }
    }
    if (source < 0 && word_is(c, m->anchor + 1, "of")) {
        /* "the deployment of North Korean troops": the actor deployed acts */
        long k = actor_starting(c, m->anchor + 2, 0);
        if (k >= 0 && k != tslot && mention(c, k)->country && rule->code[0] == '1' &&
            (code_is(rule->code, "15") || code_is(rule->code, "19") || code_is(rule->code, "18")))
            source = k;
    }
    target = tslot >= 0
                 ? tslot
                 : events_actor_after(c, (long)m->last + 1, (long)m->last + 1 + OBJECT_WINDOW, m,
                                      events_military_code(rule->code));
    if (target < 0 && slot_first < 0)
        target = events_actor_after(c, m->anchor + 1, m->anchor + OBJECT_WINDOW, m,
                                    events_military_code(rule->code));
    if (target == source)
        target = -1;
    /* the verb governing the noun gives the modality ("plans a visit") */
    long v = (long)m->anchor - 1;
    while (
        v >= 0 && m->anchor - v < 9 &&
        ((!is_verb_token(c, v) && !is_punct(c, v)) || hyphen_glued(c, v) || hyphen_glued(c, v + 1)))
        v--;
    if (v >= 0 && is_verb_token(c, v) && m->anchor - v < 9) {
        verb_group vg;
        verb_group_find(c, v, &vg);
        bool support = verb_lemma_in(c, v, support_verbs);
        /* the governing verb's modality when the noun is its object or it is a support
         * verb ("plans a visit"), not from a verb the noun only follows ("not surprised by
         * the deployment") */
        bool object = m->anchor - v < 5;
        for (long k = v + 1; k < (long)m->anchor && object; k++)
            object = upos(c, k) != UPOS_ADP;
        if (object || support)
            modality = events_modality_of(c, &vg);
        /* a support verb lends the noun its subject: "Israel mounted its invasion of
         * Lebanon", "Russia launched air strikes on Kyiv", "the UN imposed sanctions" */
        if (source < 0 && support) {
            long k = events_subject_from_group(c, &vg, 0);
            if (k >= 0 && k != target && mention(c, k)->code) {
                source = k;
                if (events_trace(c, "    source from the support verb '%.*s'\n",
                                 (int)(c->tokens[v].end - c->tokens[v].start),
                                 c->text + c->tokens[v].start))
                    return SITREP_ELIMIT;
            }
        }
    }
    if (source >= 0 && possessor(c, m->anchor) >= 0)
        span_first = c->afirst[source];
    if (events_trace(c, "    nominal event: source %s (possessor/by/of), target %s\n",
                     events_actor_label(c, source, l1, sizeof l1),
                     events_actor_label(c, target, l2, sizeof l2)))
        return SITREP_ELIMIT;
    *source_out = source;
    *target_out = target;
    *modality_out = modality;
    *span_first_out = span_first;
    return SITREP_OK;
}
