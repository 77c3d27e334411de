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

/* The doer an event noun names itself (match m): its $S slot ("a visit by $S to $T"), its
 * possessor ("Putin's visit"), a nationality adjective of its phrase ("the Russian invasion",
 * "an Israeli air strike") or a "by" phrase after it ("the deployment of troops by X"); -1
 * when none. */
static long noun_doer(const clause_ctx *c, const verbmatch *m)
{
    long source = events_slot_actor(c, m->slot[PATTERN_SOURCE], false);
    if (source < 0)
        source = possessor(c, m->anchor);
    if (source < 0) {
        long k = actor_covering(c, m->anchor);
        if (k >= 0 && mention(c, k)->kind && strcmp(mention(c, k)->kind, "adjective") == 0)
            source = k;
    }
    if (source < 0) {
        for (long i = m->anchor + 1; i < (long)c->ntokens && i < m->anchor + OBJECT_WINDOW; i++) {
            /* (not the agent of a passive the noun is the subject of: "the talks were
             * mediated by Qatar") */
            if (is_punct(c, i) || events_finite_verb(c, i) ||
                (upos(c, i) == UPOS_AUX && upos(c, i + 1) == UPOS_VERB))
                break;
            if (word_is(c, i, "by")) {
                source = actor_after_word(c, i); /* "by the European Union" */
                break;
            }
        }
    }
    return source;
}

long events_criticised_doer(const clause_ctx *c, const verbmatch *m, const verb_group *vg,
                            long target)
{
    const char *code = m->rule->code;
    if (!((code_is(code, "11") && !code_is(code, "110")) || code_is(code, "12")))
        return target;
    long start = vg->passive ? events_clause_start(c, vg->first, vg->first) : 0;
    for (size_t j = 0; j < c->nmatches; j++) {
        const verbmatch *n = &c->matches[j];
        long a = (long)n->anchor;
        if (!n->rule->noun || n->rule->discard)
            continue;
        /* the object: the noun heading the passive's subject ("The arrest of ... was
         * condemned"), or right after the active verb when no target was found ("condemned
         * the missile launch by North Korea") */
        long from = vg->passive ? start : (long)m->anchor + 1;
        long to = vg->passive ? (long)vg->first : from + 5;
        /* (or the target found is the act's victim: "condemned the killing of a British aid
         * worker by Israeli forces") */
        bool victim = !vg->passive && target >= 0 && (long)c->afirst[target] > a &&
                      (long)c->afirst[target] <= a + 3 && word_is(c, a + 1, "of");
        if (a < from || a >= to || a - from > 5 || (!vg->passive && target >= 0 && !victim))
            continue;
        bool clear = true;
        for (long i = from; i < a && clear; i++)
            clear = !is_punct(c, i) && !is_verb_token(c, i) && upos(c, i) != UPOS_ADP;
        long doer = clear ? noun_doer(c, n) : -1;
        if (doer >= 0 && mention(c, doer)->code)
            return doer;
    }
    return target;
}

/* "Al-Shabaab claimed responsibility for the attack", "Iran was behind the bombing", "the
 * group is responsible for the attack", "took credit for": whoever claims an act or is said to
 * be behind it did it. The subject (index into c->actor) of that clause, -1 when none. */
static long claimed_by(const clause_ctx *c, long first)
{
    long i = first - 1;
    while (i >= 0 && first - i < 4 &&
           (upos(c, i) == UPOS_DET || upos(c, i) == UPOS_ADJ || upos(c, i) == UPOS_NUM))
        i--;
    long v;
    if (word_is(c, i, "for") &&
        word_in(c, i - 1, (const char *const[]){"responsibility", "responsible", "credit", NULL}))
        v = i - 2;
    else if (word_is(c, i, "behind"))
        v = i - 1;
    else
        return -1;
    while (v >= 0 && i - v < 5 && !is_verb_token(c, v))
        v--;
    if (v < 0 || !is_verb_token(c, v))
        return -1;
    verb_group vg;
    verb_group_find(c, v, &vg);
    return events_subject_from_group(c, &vg, 0);
}

/* A verb, or an -ed form the tagger read as an adjective ("wounded", "hit" as VERB). */
static bool verb_or_ed_adjective(const clause_ctx *c, long i)
{
    return upos(c, i) == UPOS_VERB ||
           (upos(c, i) == UPOS_ADJ &&
            slice_ends_with(token_text(&c->art->text, &c->tokens[i]), "ed"));
}

/* Who a violent act named by a noun is done to, when the noun is no object: the subject of a
 * passive whose agent the noun is ("Ukrainian positions were hit by Russian airstrikes", "the
 * police were overwhelmed by a series of attacks"), or of "be the target of" the act ("the
 * army post was the target of an attack by jihadists", "became the target of an ambush").
 * Index into c->actor, -1 when the noun stands in neither. */
static long done_to_subject(const clause_ctx *c, long first)
{
    long p = first - 1;
    while (p >= 0 && first - p < 4 &&
           (upos(c, p) == UPOS_DET || upos(c, p) == UPOS_ADJ || upos(c, p) == UPOS_NUM))
        p--;
    /* "a series of", "a wave of", "a spate of" */
    if (word_is(c, p, "of") &&
        word_in(c, p - 1,
                (const char *const[]){"series", "wave", "waves", "spate", "string", "barrage",
                                      "volley", "salvo", "flurry", "round", "rounds", NULL})) {
        p -= 2;
        while (p >= 0 && (upos(c, p) == UPOS_DET || upos(c, p) == UPOS_ADJ))
            p--;
    }
    long v = -1;
    if (word_is(c, p, "by") && p >= 1) {
        long q = p - 1;
        if (upos(c, q) == UPOS_ADV) /* "were hit hard by" */
            q--;
        if (q >= 0 && verb_or_ed_adjective(c, q)) {
            verb_group vg;
            verb_group_find(c, q, &vg);
            return vg.passive ? events_subject_from_group(c, &vg, 0) : -1;
        }
        return -1;
    }
    if (word_is(c, p, "of") &&
        word_in(c, p - 1, (const char *const[]){"target", "targets", "object", NULL})) {
        long q = p - 2;
        while (q >= 0 && (upos(c, q) == UPOS_DET || upos(c, q) == UPOS_ADJ))
            q--; /* "the main target", "a frequent target" */
        static const char *const be[] = {"be", "become", NULL};
        if (q >= 0 && verb_lemma_in(c, q, be))
            v = q;
    }
    if (v < 0)
        return -1;
    verb_group vg;
    verb_group_find(c, v, &vg);
    return events_subject_from_group(c, &vg, 0);
}

long events_before_noun_phrase(const clause_ctx *c, long head, const char *const *const *stops)
{
    long i = head - 1;
    for (int steps = 0; i >= 0 && steps < 8; steps++) {
        uint8_t u = upos(c, i);
        bool stop = false;
        for (size_t k = 0; stops && stops[k] && !stop; k++)
            stop = word_in(c, i, stops[k]);
        if (stop)
            break;
        if (actor_covering(c, i) >= 0 || is_possessive(c, i) || word_is(c, i, "-") ||
            hyphen_glued(c, i) || u == UPOS_ADJ || u == UPOS_NUM || u == UPOS_DET ||
            u == UPOS_NOUN || u == UPOS_PROPN || word_in(c, i, possessive_dets))
            i--;
        else if (word_is(c, i, "of") && /* "any sort of trade deal" */
                 word_in(c, i - 1, (const char *const[]){"sort", "kind", "type", "form", NULL}))
            i -= 2;
        else
            break;
    }
    return i;
}

/* Why the event noun at `anchor` is background, not a new event, or NULL: it stands in a
 * reason, time, comparison or purpose adjunct - "in response to the attack", "in retaliation
 * for the expulsion", "18 years after the invasion", "amid the war", "over ceasefire
 * violations", "the deadliest since the 2014 war", "to prevent attacks". "During" is left
 * out: what happens during a visit or talks is usually reported with it ("signed a pact
 * during Putin's visit to Pyongyang"). */
static const char *background_adjunct(const clause_ctx *c, long anchor)
{
    static const char *const time_or_comparison[] = {
        "after",   "before", "since", "following", "until", "till",  "amid", "amidst",
        "despite", "than",   "like",  "unlike",    "over",  "ahead", NULL};
    /* the word before "of", "to" or "for" that makes the phrase an adjunct */
    static const char *const before_of[] = {
        "wake",   "aftermath", "anniversary", "eve",     "memory", "victims",     "survivors",
        "result", "because",   "ahead",       "instead", "spite",  "lead",        "run",
        "causes", "cause",     "legacy",      "scars",   "ruins",  "remembrance", NULL};
    static const char *const before_to[] = {
        "response", "reaction", "reply",      "retaliation", "prior",     "due",    "owing",
        "similar",  "compared", "comparable", "up",          "prelude",   "thanks", "contrary",
        "respond",  "react",    "reply",      "answer",      "retaliate", NULL};
    static const char *const before_for[] = {
        "retaliation",  "revenge",    "reprisal", "reprisals", "retribution", "vengeance",
        "payback",      "punishment", "response", "apology",   "apologise",   "apologize",
        "compensation", "retaliate",  "revenge",  "avenge",    "punish",      NULL};
    /* verbs whose object event is prevented, ended, probed or remembered, not reported */
    static const char *const preventers[] = {
        "prevent",  "stop",   "end",       "halt",        "avert",   "deter", "avoid",
        "thwart",   "foil",   "forestall", "investigate", "probe",   "mourn", "commemorate",
        "remember", "recall", "forget",    "avenge",      "protest", "mark",  "drop",
        "abandon",  "close",  "suspend",   "shelve",      NULL};
    long p = events_before_noun_phrase(c, anchor, NULL);
    if (p < 0 || p == anchor)
        return NULL;
    if (word_in(c, p, time_or_comparison))
        return "background: it stands in a time, reason or comparison adjunct (\"after the "
               "invasion\", \"over the violations\")";
    if ((word_is(c, p, "of") && word_in(c, p - 1, before_of)) ||
        (word_is(c, p, "to") && verb_lemma_in(c, p - 1, before_to)) ||
        (word_is(c, p, "for") && verb_lemma_in(c, p - 1, before_for)))
        return "background: it stands in a reason or time adjunct (\"in response to the "
               "attack\", \"in retaliation for\", \"in the wake of\")";
    /* "the prospects for a trade deal", "fears of an invasion": hoped or feared, not done */
    if ((word_is(c, p, "of") || word_is(c, p, "for")) &&
        word_in(c, p - 1,
                (const char *const[]){"prospect", "prospects", "hope",        "hopes",
                                      "chance",   "chances",   "possibility", "likelihood",
                                      "risk",     "risks",     "threat",      "threats",
                                      "fear",     "fears",     "danger",      "spectre",
                                      "specter",  "odds",      "prospective", NULL}))
        return "a prospect or a fear, not an event (\"the prospects for a deal\")";
    /* "a moral equivalence between the killings of ... and ...": compared, not reported */
    long between = p;
    if (word_is(c, p, "and")) /* the second of the two: "between A and B" */
        for (long k = p - 1; k >= 0 && p - k <= 12 && !is_punct(c, k) && !is_verb_token(c, k); k--)
            if (word_is(c, k, "between")) {
                between = k;
                break;
            }
    if (word_is(c, between, "between") &&
        word_in(c, between - 1,
                (const char *const[]){"equivalence", "comparison", "comparisons", "parallel",
                                      "parallels", "difference", "differences", "distinction",
                                      "analogy", NULL}))
        return "background: it is compared with another (\"an equivalence between\")";
    if ((upos(c, p) == UPOS_VERB || word_is(c, p - 1, "to")) && verb_lemma_in(c, p, preventers))
        return "background: what is prevented, ended, dropped, probed or remembered is no new "
               "event";
    return NULL;
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
    const char *background = background_adjunct(c, (long)m->first);
    if (background) {
        *done = true;
        return events_trace(c, "    not coded: %s\n", background);
    }
    source = noun_doer(c, m);
    if (source < 0 && word_is(c, m->anchor + 1, "of")) {
        /* "the deployment of North Korean troops": the actor deployed acts */
        long k = actor_starting(c, m->anchor + 2, 0);
        if (k >= 0 && k != tslot && mention(c, k)->country && rule->code[0] == '1' &&
            (code_is(rule->code, "15") || code_is(rule->code, "19") || code_is(rule->code, "18")))
            source = k;
    }
    if (source < 0) {
        source = claimed_by(c, (long)m->first);
        if (source >= 0 && events_trace(c, "    source: who claims the act or is behind it\n"))
            return SITREP_ELIMIT;
    }
    target = tslot >= 0
                 ? tslot
                 : events_actor_after(c, (long)m->last + 1, (long)m->last + 1 + OBJECT_WINDOW, m,
                                      events_military_code(rule->code));
    if (target < 0 && slot_first < 0)
        target = events_actor_after(c, m->anchor + 1, m->anchor + OBJECT_WINDOW, m,
                                    events_military_code(rule->code));
    /* "a drone attack carried out by X(, an Iran-backed group,) wounded three soldiers": past
     * the doer and its apposition, the victim */
    if (target == source && source >= 0 && tslot < 0) {
        long from = (long)c->alast[source] + 1;
        if (is_comma(c, from))
            for (long i = from + 1; i < from + 10 && i < (long)c->ntokens; i++) {
                if (events_finite_verb(c, i))
                    break;
                if (is_comma(c, i)) {
                    from = i + 1;
                    break;
                }
            }
        target =
            events_actor_after(c, from, from + OBJECT_WINDOW, m, events_military_code(rule->code));
        /* only as the object of the verb the noun is the subject of ("... wounded three
         * soldiers"), not in a phrase that goes on describing the doer ("the parents of a
         * soldier killed by a bomber") */
        bool verb = false;
        for (long i = from; target >= 0 && i < (long)c->afirst[target] && !verb; i++)
            verb = events_finite_verb(c, i) ||
                   (verb_or_ed_adjective(c, i) && !hyphen_glued(c, i) && !word_is(c, i + 1, "by") &&
                    !is_gerund(c, i)); /* "wounded" misread, not "killed by" */
        if (!verb)
            target = -1;
    }
    /* "an attack by Al Qaeda's affiliate Ansar al-Sharia": past a doer named after the noun,
     * only a phrase that a preposition of direction opens names the victim ("by X on Y") */
    if (target >= 0 && tslot < 0 && m->slot[PATTERN_SOURCE] > (int32_t)m->anchor) {
        long p = (long)c->afirst[target] - 1;
        while (p > (long)m->anchor && (upos(c, p) == UPOS_DET || upos(c, p) == UPOS_ADJ))
            p--;
        if (!word_in(c, p,
                     (const char *const[]){"on", "against", "into", "in", "at", "near", "targeting",
                                           NULL}))
            target = -1;
    }
    /* "an attack by guerrillas of the ELN": the doer's own phrase names no victim */
    if (target == source ||
        (target >= 0 && source >= 0 && mention(c, target)->code && mention(c, source)->code &&
         strcmp(mention(c, target)->code, mention(c, source)->code) == 0 &&
         c->afirst[target] > c->afirst[source]))
        target = -1;
    if (target < 0 && tslot < 0 &&
        (code_is(rule->code, "18") || code_is(rule->code, "19") || code_is(rule->code, "20"))) {
        long k = done_to_subject(c, (long)m->first);
        if (k >= 0 && k != source) {
            target = k;
            if (events_trace(c, "    target: the subject the act is done to (\"were hit by\", "
                                "\"the target of\")\n"))
                return SITREP_ELIMIT;
        }
    }
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
        bool direct = m->anchor - v < 8;
        for (long k = v + 1; k < (long)m->anchor && direct; k++)
            direct = upos(c, k) != UPOS_ADP && !is_punct(c, k);
        /* "condemned Russia's annexation of parts of Ukraine", "condemns the Rwandan army's
         * support for this group": what a condemnation or rejection names is its object,
         * reported before; the condemnation is the news */
        for (size_t j = 0; j < c->nmatches && direct; j++) {
            const verbmatch *g = &c->matches[j];
            if ((long)g->anchor == v && !g->rule->discard && !g->rule->noun &&
                ((code_is(g->rule->code, "11") && !code_is(g->rule->code, "110")) ||
                 code_is(g->rule->code, "12")))
                return events_trace(c, "    not coded: the object of a condemnation or "
                                       "rejection, not a new event\n");
        }
        /* a ceasefire or deal that a verb brings about is as real as that act ("failed to
         * broker a ceasefire between Israel and Hamas": no ceasefire) */
        static const char *const bringing[] = {"broker", "reach", "secure",    "achieve",
                                               "clinch", "seal",  "negotiate", NULL};
        bool brought = object && verb_lemma_in(c, v, bringing);
        /* the object of a verb that is an event of its own ("did not condemn the invasion",
         * "avoided condemning the invasion") is presupposed: its modality is not the noun's */
        for (size_t j = 0; j < c->nmatches && object && !support; j++)
            object = !((long)c->matches[j].anchor == v && !c->matches[j].rule->discard &&
                       !c->matches[j].rule->noun);
        if (object || support || brought)
            modality = events_modality_of(c, &vg);
        /* ("is trying to broker a truce": the truce is not yet) */
        for (long k = vg.first; brought && modality == MODALITY_ASSERTED && k < v; k++)
            if (verb_lemma_in(c, k,
                              (const char *const[]){"try", "attempt", "seek", "push", "work",
                                                    "strive", "scramble", NULL}))
                modality = MODALITY_PLANNED;

        /* "asked ministers to consider new sanctions on Russia", "is discussing a new round
         * of sanctions": what is deliberated is possible, and the deliberating do it */
        static const char *const deliberation[] = {"consider", "weigh", "mull", "contemplate",
                                                   NULL};
        /* (talk about an act may be about one done: "discussed the attack") */
        static const char *const talk[] = {"discuss", "debate", "explore", NULL};
        bool measure = code_is(rule->code, "16") || code_is(rule->code, "05") ||
                       code_is(rule->code, "06") || code_is(rule->code, "07");
        bool deliberated = verb_lemma_in(c, v, deliberation) ||
                           (measure && verb_lemma_in(c, v, talk)); /* "a new round of sanctions" */
        for (long k = v + 1; k < (long)m->anchor && deliberated; k++)
            deliberated = upos(c, k) != UPOS_ADP || word_is(c, k, "of");
        /* (what is not discussed is no event: the deliberation lends nothing then) */
        if (deliberated && events_modality_of(c, &vg) != MODALITY_NEGATED) {
            modality = MODALITY_POSSIBLE;
            long k = events_subject_from_group(c, &vg, 0);
            if (source < 0 && k >= 0 && k != target && mention(c, k)->code) {
                source = k;
                if (events_trace(c, "    source: who deliberates it, and it is possible\n"))
                    return SITREP_ELIMIT;
            }
        }
        /* "called for a ceasefire during a visit to Egypt", "arrived on a state visit to
         * Serbia": a visit in a time adjunct is the clause subject's */
        long p = events_before_noun_phrase(c, (long)m->anchor, NULL);
        if (source < 0 && code_is(rule->code, "042") &&
            word_in(c, p, (const char *const[]){"during", "on", NULL})) {
            long k = events_subject_from_group(c, &vg, 0);
            if (k >= 0 && k != target && mention(c, k)->code) {
                source = k;
                if (events_trace(c, "    source: the visitor is the clause's subject\n"))
                    return SITREP_ELIMIT;
            }
        }
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
    /* "Russia denied any involvement in the attack on the pipeline": the denier's act,
     * negated */
    long denial = events_denied_involvement(c, m);
    if (denial >= 0) {
        verb_group dg;
        verb_group_find(c, denial, &dg);
        long k = events_subject_from_group(c, &dg, 0);
        if (source < 0 && k >= 0 && k != target && mention(c, k)->code) {
            source = k;
            span_first = c->afirst[k];
        }
        if (source == k && k >= 0) {
            modality = MODALITY_NEGATED;
            if (events_trace(c, "    denied: who denies a part in it is its doer, negated\n"))
                return SITREP_ELIMIT;
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
