/* events.c - the events stage's coder: from the patterns that matched in a sentence
 * (match/verbs.c), the actors (actors/) and the reporting frames (attribution/), the events
 * each sentence reports. Per match: demands and discards, then the verb group and modality
 * (verb_group.c), source and target (arguments.c; nominal.c for event nouns), passive voice
 * and statements; the events go out over compound actors (compound.c, emit.c).
 */
#include "events_internal.h"

#include <stddef.h>
#include <stdio.h>
#include <string.h>

/* The demand or appeal (verb of root 02 or 10) whose complement holds match mi, or NULL:
 * "demanded that Hamas renounce its armed struggle", "demanded a truce before allowing aid
 * convoys": what is demanded is asked for, not done. The complement runs from the demand to
 * the end of its clause (";", "but", "while", a coordinated finite verb of its own subject). */
static const verbmatch *demanded_by(const clause_ctx *c, size_t mi)
{
    const verbmatch *m = &c->matches[mi];
    for (size_t j = 0; j < c->nmatches; j++) {
        const verbmatch *d = &c->matches[j];
        if (j == mi || d->rule->noun || d->rule->discard || d->anchor >= m->anchor ||
            !(code_is(d->rule->code, "02") || code_is(d->rule->code, "10")))
            continue;
        bool inside = true;
        for (long i = (long)d->anchor + 1; i < (long)m->anchor && inside; i++)
            if (word_is(c, i, ";") || word_is(c, i, ":") || word_is(c, i, "but") ||
                word_is(c, i, "while") || word_is(c, i, "although") ||
                /* "called for calm after police shot dead two protesters", "during a visit to
                 * Egypt": what happened */
                word_in(c, i,
                        (const char *const[]){"after", "following", "because", "since", "when",
                                              "during", "amid", NULL}) ||
                (word_is(c, i, "and") && events_finite_verb(c, i + 1)))
                inside = false;
        if (inside && !events_order_to_own_forces(c, (long)d->anchor, (long)m->anchor))
            return d;
    }
    return NULL;
}

/* "Russia said Sudan must return the helicopter": an obligation in what someone says is that
 * speaker's demand (CAMEO 100) of the clause's subject; the act itself is not coded. */
static sitrep_status code_demand(emit_state *st, const clause_ctx *c, const verbmatch *m,
                                 long subject, long span_first, long span_last)
{
    int32_t f = events_attribution_of(c, m->anchor);
    long speaker = -1;
    if (f >= 0 && c->art->attributions[f].sentence == c->sentence) {
        long t = token_at(c, c->art->attributions[f].source.start);
        speaker = t >= 0 ? actor_covering(c, t) : -1;
    }
    if (speaker < 0 || subject < 0 || speaker == subject || !mention(c, speaker)->code ||
        !mention(c, subject)->code)
        return events_trace(
            c, "    not coded: an events_obligation (must, should) is asked for, not done\n");
    if (events_trace(c,
                     "    an obligation in what the speaker says: a demand (100) of the subject\n"))
        return SITREP_ELIMIT;
    if (c->afirst[speaker] < span_first)
        span_first = c->afirst[speaker];
    if (c->alast[speaker] > span_last)
        span_last = c->alast[speaker];
    return events_emit_actors(st, c, m, speaker, subject, "100", MODALITY_ASSERTED, span_first,
                              span_last);
}

/* A state's forces: armed forces, police, intelligence, peacekeepers with a state. */
static bool forces(const actor_mention *am)
{
    static const char *const roles[] = {"MIL", "COP", "SPY", NULL};
    return am->code && am->country && am->role && in_list(am->role, roles);
}

/* "deployed troops to Haiti to help quell gang violence", "sent 1,000 troops to Mozambique to
 * assist": forces sent with a purpose of help or protection are military protection or
 * peacekeeping (074), not a show of force. */
static bool sent_to_help(const clause_ctx *c, const verbmatch *m)
{
    static const char *const helping[] = {"help",    "assist",    "support",   "protect", "secure",
                                          "restore", "stabilize", "stabilise", "quell",   "keep",
                                          "guard",   "train",     "defend",    "shore",   NULL};
    if (!events_sending_verb(c, m->anchor))
        return false;
    for (long i = (long)m->last + 1; i + 1 < (long)c->ntokens && i < (long)m->last + 16; i++) {
        if (word_is(c, i, ";") || word_is(c, i, ".") || events_target_stop(c, i))
            return false;
        if (word_is(c, i, "to") &&
            (word_in(c, i + 1, helping) ||
             (word_is(c, i + 1, "help") || verb_lemma_in(c, i + 1, helping))))
            return true;
    }
    return false;
}

/* "the partially recognized Kosovo", "its annexed regions", "the disputed islands": a past
 * participle between a determiner or possessive and its noun, with only adverbs before it,
 * describes the noun; it is no clause and no event. */
static bool prenominal_participle(const clause_ctx *c, const verb_group *vg)
{
    long a = (long)vg->anchor, before = (long)vg->first - 1;
    if (!c->tables->tagger || before < 0 || a + 1 >= (long)c->ntokens)
        return false;
    const char *x = tagger_xpos_name(c->tables->tagger, c->tokens[a].xpos);
    if (strcmp(x, "VBN") != 0 && strcmp(x, "JJ") != 0)
        return false;
    for (long i = (long)vg->first; i < a; i++)
        if (upos(c, i) != UPOS_ADV)
            return false;
    bool determiner =
        upos(c, before) == UPOS_DET ||
        strcmp(tagger_xpos_name(c->tables->tagger, c->tokens[before].xpos), "PRP$") == 0;
    uint8_t next = upos(c, a + 1);
    return determiner && (next == UPOS_NOUN || next == UPOS_PROPN || next == UPOS_ADJ);
}

/* "18 years after Washington invaded the country", "decades since the army seized power": a
 * clause dated by a span of time before the main clause is background, not news. */
static bool long_ago_clause(const clause_ctx *c, long first)
{
    static const char *const spans[] = {"years",   "decades",   "months", "weeks",
                                        "century", "centuries", NULL};
    for (long i = first - 1; i >= 1 && first - i <= 6; i--) {
        if (is_punct(c, i) || is_verb_token(c, i))
            return false;
        if (word_in(c, i, (const char *const[]){"after", "since", NULL}))
            return word_in(c, i - 1, spans);
    }
    return false;
}

/* "The US joined Britain and France in condemning ...": for a present participle after "in"
 * whose verb before is "join" with actors as its object, the first of those actors (its
 * conjuncts with it); -1 otherwise. The participle's doer is then the main clause's subject,
 * with the joined actors beside it. */
static long joined_partner(const clause_ctx *c, const verb_group *vg)
{
    if (!word_is(c, (long)vg->anchor - 1, "in"))
        return -1;
    long k = actor_ending(c, (long)vg->anchor - 2);
    if (k < 0)
        return -1;
    actor_group g;
    events_group_from(c, k, &g);
    if (g.n == 0 || !verb_lemma_in(c, (long)g.first - 1, (const char *const[]){"join", NULL}))
        return -1;
    return g.items[0];
}

/* True when the subject of the group vg is "we" in the words of a speaker whose code is known
 * (a quotation or reported clause), with *side set to the speaker's side. */
static bool first_person_speaker(const clause_ctx *c, const verb_group *vg, event_side *side)
{
    long i = (long)vg->first - 1;
    while (i >= 0 && upos(c, i) == UPOS_ADV)
        i--;
    if (!word_in(c, i, (const char *const[]){"we", NULL}))
        return false;
    int32_t f = events_attribution_of(c, (long)vg->anchor);
    if (f < 0)
        return false;
    const attribution *a = &c->art->attributions[f];
    if (!a->code || a->speaker_actor < 0 || (size_t)a->speaker_actor >= c->art->nactors)
        return false;
    *side = events_side_mention(c, a->speaker_actor);
    side->code = a->code; /* the speaker as the attribution resolved it */
    side->via = SIDE_REFERENCE;
    return true;
}

/* The subject of a condition after a threat's verb ("warned it would retaliate if Israel
 * attacked", "unless Kyiv withdraws", "should Washington intervene"): an actor index, else
 * `target`. */
static long threat_condition_actor(const clause_ctx *c, const verbmatch *m, long target)
{
    for (long i = (long)m->anchor + 1; i < (long)c->ntokens && i < (long)m->anchor + 16; i++) {
        if (word_is(c, i, ";") || word_is(c, i, ":"))
            break;
        if (!word_in(c, i, (const char *const[]){"if", "unless", "should", NULL}))
            continue;
        long k = actor_starting(c, i + 1, 0);
        if (k < 0)
            k = actor_starting(c, i + 2, 0); /* "if the United States ..." */
        return k >= 0 && mention(c, k)->code ? k : target;
    }
    return target;
}

/* "was set on fire by Chinese gunfire and then seized": a passive participle conjoined with a
 * passive before it shares that one's agent (index into c->actor, -1 when none). */
static long conjunct_agent(const clause_ctx *c, const verb_group *vg)
{
    long and = vg->first - 1;
    verb_group prev;
    if (!word_is(c, and, "and") || !verb_group_previous(c, and, &prev) || !prev.passive ||
        prev.anchor >= and)
        return -1;
    for (long i = prev.anchor + 1; i < and; i++) {
        if (is_punct(c, i))
            return -1;
        if (word_is(c, i, "by")) {
            long k = actor_starting(c, i + 1, 0);
            return k >= 0 ? k : actor_starting(c, i + 2, 0);
        }
    }
    return -1;
}

/* A pattern whose target slot follows the verb ("hit $T") read in the passive ("was hit by
 * ...": src/match/verbs.c, try_passive). Such a reading is an event only between actors, or by
 * a weapon ("the lira was hit by a wave of selling" is none). */
static bool passive_of_target_pattern(const clause_ctx *c, const verbmatch *m)
{
    const pattern *p = m->rule;
    return !p->noun && p->anchor + 2 == p->nelems && p->elems[p->anchor + 1].kind == PATTERN_SLOT &&
           p->elems[p->anchor + 1].role == PATTERN_TARGET && m->slot[PATTERN_TARGET] < 0 &&
           word_is(c, m->anchor + 1, "by");
}

/* A weapon named in the "by" phrase after the verb ("was hit by a missile"). */
static bool weapon_after_by(const clause_ctx *c, const verbmatch *m)
{
    for (long i = m->anchor + 2; i < (long)c->ntokens && i < m->anchor + 7 && !is_punct(c, i); i++)
        if (events_token_in_classes(c, i, (const char *const[]){"weapon", NULL}))
            return true;
    return false;
}

static sitrep_status code_match(emit_state *st, clause_ctx *c, size_t mi)
{
    c->has_speaker = false;
    const verbmatch *m = &c->matches[mi];
    const pattern *rule = m->rule;
    char l1[160], l2[160];
    slice verb = token_text(&c->art->text, &c->tokens[m->anchor]);
    if (events_trace(c, "  rule %s:%u %s '%.*s' -> %s\n", rule->file, rule->line,
                     rule->noun ? "noun" : "verb", (int)verb.len, verb.ptr,
                     rule->discard ? "DISCARD" : rule->code))
        return SITREP_ELIMIT;
    if (rule->discard)
        return events_trace(c, "    discard: an idiom or non-event; nothing coded on its span\n");
    if (!code_is(rule->code, "01") && !code_is(rule->code, "02") && !code_is(rule->code, "10")) {
        const verbmatch *d = demanded_by(c, mi);
        if (d)
            return events_trace(c, "    not coded: asked for in the demand of %s:%u, not done\n",
                                d->rule->file, d->rule->line);
    }
    /* "a cross-border attack", "a hit-and-run raid": a verb glued by a hyphen to the word
     * after it is part of a compound modifier, not a verb */
    /* "the ethnic Rakhine armed group": a verb inside an actor's name is part of the name */
    long inside = rule->noun ? -1 : actor_covering(c, (long)m->anchor);
    if (inside >= 0 &&
        (upos(c, (long)m->anchor) != UPOS_VERB ||
         ((long)c->afirst[inside] < (long)m->anchor && (long)m->anchor < (long)c->alast[inside])))
        return events_trace(c, "    not coded: part of an actor's name, not a verb\n");
    if (!rule->noun && hyphen_glued(c, (long)m->anchor + 2) &&
        upos(c, (long)m->anchor + 2) != UPOS_VERB) /* (but "test-fired": a compound verb) */
        return events_trace(c, "    not coded: part of a hyphenated compound, not a verb\n");
    /* "sought to strike a balance": an appeal verb alone before an infinitive is an
     * attempt or a wish, not an appeal */
    if (!rule->noun && code_is(rule->code, "02") && m->first == m->last &&
        word_is(c, (long)m->anchor + 1, "to") && upos(c, (long)m->anchor + 2) == UPOS_VERB)
        return events_trace(c, "    not coded: it governs an infinitive (an attempt, not an "
                               "appeal)\n");
    if (!rule->noun && events_is_catenative_of_other(c, mi))
        return events_trace(c, "    not coded: it governs another verb (modality only)\n");

    long source = -1, target = -1;
    long joined = -1;              /* "joined France in condemning": France acts too */
    bool passive = false;          /* an agentless passive: the doer is not named */
    const char *code = rule->code; /* or the intent to do it ("pledged to send": 0332) */
    uint8_t modality = MODALITY_ASSERTED;
    long span_first = m->first, span_last = m->last;
    long slot_first = m->slot[PATTERN_TARGET];
    verb_group vg; /* the anchor's verb group, for a verb */
    const verb_group *group = NULL;
    long tslot = events_slot_actor(c, slot_first, code_is(rule->code, "04"));
    /* "deploy troops to $L", "strikes on $L", "withdrew troops from $L": the country of a
     * military act's place is its target; a meeting's place is not */
    if (tslot < 0 && slot_first < 0 &&
        (code_is(rule->code, "07") || code_is(rule->code, "087") || code_is(rule->code, "162") ||
         code_is(rule->code, "15") || code_is(rule->code, "18") || code_is(rule->code, "19") ||
         code_is(rule->code, "20")))
        tslot = events_slot_actor(c, m->slot[PATTERN_PLACE], false);
    if (rule->noun) {
        bool done = false;
        sitrep_status status = events_nominal(c, mi, tslot, slot_first, &source, &target, &modality,
                                              &span_first, &done);
        if (status || done)
            return status;
        if ((status = events_between(st, c, m, rule->code, modality, &done)) || done)
            return status;
    } else {
        /* "Clashes between X and Y erupted", "Fighting between the army and the RSF
         * continued": a fight word used as a noun */
        bool done = false;
        sitrep_status status = SITREP_OK;
        if (upos(c, m->anchor) != UPOS_AUX &&
            (status = events_between(st, c, m, rule->code, MODALITY_ASSERTED, &done)))
            return status;
        if (done)
            return SITREP_OK;
        /* "Israeli-occupied", "Russian-backed": a participle glued to a word by a hyphen
         * modifies a noun; it is no clause */
        if (hyphen_glued(c, m->anchor))
            return events_trace(c, "    not coded: part of a compound modifier\n");
        verb_group_find(c, m->anchor, &vg);
        /* "five soldiers were wounded": a participle of violence the tagger read as an
         * adjective after "be" is passive ("were concerned", "are involved" stay states) */
        if (!vg.passive && upos(c, m->anchor) == UPOS_ADJ && vg.first < (long)m->anchor &&
            word_in(c, (long)m->anchor - 1, be_forms) &&
            (code_is(rule->code, "17") || code_is(rule->code, "18") || code_is(rule->code, "19") ||
             code_is(rule->code, "20")))
            vg.passive = true;
        if (prenominal_participle(c, &vg))
            return events_trace(c, "    not coded: a participle before its noun ('the partially "
                                   "recognized Kosovo'), no clause\n");
        if (long_ago_clause(c, vg.first))
            return events_trace(c, "    not coded: background, a clause of long ago ('18 years "
                                   "after Washington invaded')\n");
        group = &vg;
        modality = events_modality_of(c, &vg);
        slice first = token_text(&c->art->text, &c->tokens[vg.first]);
        if (events_trace(c, "    verb group '%.*s'%s%s, modality %s\n",
                         (int)(c->tokens[vg.anchor].end - c->tokens[vg.first].start), first.ptr,
                         vg.passive ? ", passive" : "", vg.infinitive ? ", infinitive" : "",
                         event_modality_name(modality)))
            return SITREP_ELIMIT;
        /* a present participle with no actor before it modifies a noun or clause, unless it
         * opens an adverbial clause whose doer is the main clause's subject (", threatening
         * them with tariffs", ", killing two soldiers", "after blaming the rebel group") */
        verb_group main_clause;
        bool adverbial = events_adverbial_participle(c, &vg, &main_clause);
        bool after_word = false; /* "after blaming", a comma: the main clause is the verb before */
        c->adverbial = adverbial;
        if (!adverbial && vg.first == vg.anchor && upos(c, vg.anchor) == UPOS_VERB &&
            c->tables->tagger &&
            strcmp(tagger_xpos_name(c->tables->tagger, c->tokens[vg.anchor].xpos), "VBG") == 0 &&
            actor_ending(c, vg.anchor - 1) < 0) {
            static const char *const adverbial_words[] = {"after", "before", "while", "when",
                                                          "since", "by",     "upon",  NULL};
            /* after a comma with no finite verb found before it (a headline's "Russian forces
             * fired ..., killing"): the nearest verb before is the main clause */
            joined = joined_partner(c, &vg);
            after_word = (word_in(c, vg.anchor - 1, adverbial_words) || joined >= 0 ||
                          (is_comma(c, vg.anchor - 1) && vg.anchor >= 3 &&
                           !events_gerund_subject(c, &vg))) &&
                         !code_is(rule->code, "01");
            if (!after_word)
                return events_trace(c, "    not coded: a participle modifying a noun or clause, "
                                       "not a clause of its own\n");
            c->adverbial = joined < 0; /* a joined act is the clause's own, not an aside */
        }
        uint8_t committed;
        code = events_commitment(c, &vg, rule->code, &committed);
        if (code) {
            modality = committed;
            if (events_trace(c, "    committed to by the verb before it: coded as %s\n", code))
                return SITREP_ELIMIT;
        } else {
            code = rule->code;
            const char *why = events_infinitive_not_coded(c, &vg, code);
            if (why)
                return events_trace(c, "    not coded: %s\n", why);
        }
        long subject = -1;
        if (adverbial) /* ", threatening them with tariffs": the main clause's subject */
            subject = events_subject_from_group(c, &main_clause, 0);
        else if (!after_word)
            subject = events_subject_from_group(c, &vg, 0);
        else if (verb_group_previous(c, vg.anchor - 1, &main_clause))
            subject = events_subject_from_group(c, &main_clause, 0);
        else /* "After summoning the envoy, Chile ...": the main clause follows */
            subject = events_subject_from_group(c, &vg, 0);
        if (c->adverbial &&
            events_trace(c, "    an adverbial participle: the main clause's subject acts\n"))
            return SITREP_ELIMIT;
        if (subject < 0) /* "Russia, accused by Britain of ...": the actor before the comma */
            subject = events_apposed_subject(c, &vg);
        if (!vg.passive && events_obligation(c, &vg))
            return code_demand(st, c, m, subject, span_first, span_last);
        if (vg.passive) {
            long agent = -1;
            for (long i = m->anchor + 1; i < (long)c->ntokens && i < m->anchor + OBJECT_WINDOW;
                 i++) {
                if (word_is(c, i, ";") || is_comma(c, i))
                    break;
                if (word_is(c, i, "by")) {
                    agent = actor_starting(c, i + 1, 0);
                    if (agent < 0)
                        agent = actor_starting(c, i + 2, 0);
                    break;
                }
                /* "were killed in Israeli air strikes": the nation whose attack it was */
                if (agent < 0 && word_is(c, i, "in") && events_military_code(rule->code)) {
                    long k = actor_starting(c, i + 1, 0);
                    if (k < 0)
                        k = actor_starting(c, i + 2, 0);
                    if (k >= 0 && mention(c, k)->kind &&
                        strcmp(mention(c, k)->kind, "adjective") == 0)
                        agent = k;
                }
            }
            if (agent < 0)
                agent = conjunct_agent(c, &vg);
            if (passive_of_target_pattern(c, m) &&
                (subject < 0 || (agent < 0 && !weapon_after_by(c, m))))
                return events_trace(c, "    not coded: a target pattern in the passive needs "
                                       "an actor as subject, and one or a weapon after \"by\"\n");
            source = agent;
            passive = agent < 0;
            target = tslot >= 0 && tslot != agent ? tslot : subject;
            /* "Kenyan police were deployed to Haiti": forces sent somewhere are their own
             * state's act (the sender is theirs) */
            if (agent < 0 && tslot >= 0 && subject >= 0 && subject != tslot &&
                events_sending_verb(c, m->anchor) && forces(mention(c, subject))) {
                source = subject;
                passive = false;
            }
            /* "munitions ... were supplied by North Korea": what the passive's subject names
             * makes aid military (070 -> 072), as "supply ... @weapon" does in the active */
            if (code_is(code, "07") && strcmp(code, "072") != 0 &&
                events_subject_names_class(c, vg.first, "weapon"))
                code = "072";
            /* the subject of a passive is what was acted on ("at least half of all the
             * munitions ... were supplied"): the evidence reaches back to the clause start so
             * that its quantities belong to the event */
            span_first = events_clause_start(c, vg.first, span_first);
        } else if (m->slot[PATTERN_SOURCE] >= 0) {
            /* "most of Ukraine's weapons come from the United States", "one in two shells
             * fired by Russia originates from North Korea": the $S slot gives, the subject's
             * owner or user receives; weapons make the aid military */
            source = events_slot_actor(c, m->slot[PATTERN_SOURCE], false);
            target = subject;
            if (code_is(code, "07") && strcmp(code, "072") != 0 &&
                events_subject_names_class(c, vg.first, "weapon"))
                code = "072";
            span_first = events_clause_start(c, vg.first, span_first); /* what is given, counted */
        } else {
            source = subject;
            target = tslot;
            /* the object after the anchor; the pattern's own words ("deploy ... @troop")
             * and its object slot are what is acted with, not upon */
            if (target < 0 && slot_first < 0 && !code_is(rule->code, "01"))
                target = events_actor_after(c, m->anchor + 1, m->anchor + OBJECT_WINDOW, m,
                                            events_military_code(rule->code));
            /* "promised to continue military aid to Mozambique": a pattern that takes in a
             * complement clause ("agree to lift ... sanctions") finds the target after it */
            if (target < 0 && slot_first < 0 && (long)m->last > (long)m->anchor + 1 &&
                !code_is(rule->code, "01"))
                target = events_actor_after(c, (long)m->last + 1, (long)m->last + 1 + OBJECT_WINDOW,
                                            m, events_military_code(rule->code));
            /* "Iran warned it would retaliate if Israel attacked its sites": a threat with no
             * other target is aimed at whoever the condition names */
            if (code_is(rule->code, "13") && source >= 0 &&
                (target < 0 ||
                 (mention(c, target)->country && mention(c, source)->country &&
                  strcmp(mention(c, target)->country, mention(c, source)->country) == 0)))
                target = threat_condition_actor(c, m, target);
            /* "killed 19 people", "abducted 30 students": the victims named by a role */
            if (target < 0 && (code_is(rule->code, "17") || code_is(rule->code, "18") ||
                               code_is(rule->code, "19") || code_is(rule->code, "20"))) {
                long from = slot_first >= 0 ? slot_first : m->anchor + 1;
                long k = events_role_after(c, from, from + OBJECT_WINDOW, m);
                /* in a pattern's object slot, only people named by a bare role ("detain
                 * party workers"), not for fighting ("attacked law enforcement officers" is
                 * as often words): the slot has already looked for a state */
                /* the role must head the object ("detained 12 party workers"), not stand
                 * after it ("captured seven districts between the rebels and ...") */
                for (long i = from; k >= 0 && i < (long)c->afirst[k]; i++)
                    if (upos(c, i) == UPOS_ADP)
                        k = -1;
                if (k >= 0 &&
                    (slot_first < 0 || (!mention(c, k)->country && !code_is(rule->code, "19"))))
                    target = k;
            }
            /* "arrested dozens of demonstrators outside the Russian embassy": people named by a
             * role as the object are the victims, not the actor of the place phrase after them */
            if (target >= 0 && slot_first < 0 &&
                (code_is(rule->code, "17") || code_is(rule->code, "18") ||
                 code_is(rule->code, "19") || code_is(rule->code, "20"))) {
                long k = events_role_after(c, m->anchor + 1, m->anchor + OBJECT_WINDOW, m);
                long before = (long)c->afirst[target] - 1;
                while (before > 0 && (upos(c, before) == UPOS_DET || upos(c, before) == UPOS_ADJ))
                    before--;
                bool located = word_in(c, before,
                                       (const char *const[]){"outside", "near", "at", "inside",
                                                             "opposite", "beside", NULL}) ||
                               (word_is(c, before, "of") && word_is(c, before - 1, "front"));
                for (long i = m->anchor + 1; k >= 0 && i < (long)c->afirst[k]; i++)
                    if (upos(c, i) == UPOS_ADP && !word_is(c, i, "of"))
                        k = -1; /* "dozens of demonstrators" */
                if (k >= 0 && located && c->afirst[k] < c->afirst[target])
                    target = k;
            }
            /* "arrived in Gondor", "criticized the closure of guest houses in Bree": with
             * no other target, the place one actor acts in is what it acts on (conjoined
             * subjects meeting somewhere act on each other) */
            if (target < 0 && slot_first < 0 && source >= 0 && !code_is(rule->code, "01")) {
                actor_group g;
                events_group_from(c, source, &g);
                if (g.n == 1)
                    target =
                        events_actor_after(c, m->anchor + 1, m->anchor + OBJECT_WINDOW, m, true);
                /* a capital after in/at is where it happened ("meeting in Brussels") */
                if (target >= 0 && mention(c, target)->kind &&
                    strcmp(mention(c, target)->kind, "capital") == 0 &&
                    word_in(c, (long)c->afirst[target] - 1,
                            (const char *const[]){"in", "at", NULL}))
                    target = -1;
            }
        }
        /* "“We attacked the ship,” the Houthi spokesman said": "we" in a speaker's words is
         * the speaker's side */
        c->has_speaker = false;
        if (source < 0 && !passive && !vg.passive)
            c->has_speaker = first_person_speaker(c, &vg, &c->speaker);
        if (c->has_speaker &&
            events_trace(c, "    source: 'we' of the speaker, %s\n", c->speaker.code))
            return SITREP_ELIMIT;
        /* what a criticism names as its object was done by someone: the doer is criticised */
        target = events_criticised_doer(c, m, &vg, target);
        if (target == source)
            target = -1;
        if (source >= 0 && (long)c->afirst[source] < span_first)
            span_first = c->afirst[source];
        if (events_trace(c, "    source %s, target %s\n",
                         events_actor_label(c, source, l1, sizeof l1),
                         events_actor_label(c, target, l2, sizeof l2)))
            return SITREP_ELIMIT;
    }
    uint8_t asserted = modality;
    const char *stance = events_stance(c, m, group, &modality);
    if (stance)
        return events_trace(c, "    not coded: %s\n", stance);
    if (modality != asserted &&
        events_trace(c, "    modality %s: %s\n", event_modality_name(modality),
                     modality == MODALITY_NEGATED ? "a denial governs it"
                                                  : "it stands in a condition or an open question"))
        return SITREP_ELIMIT;
    sitrep_status checked = events_direction(c, m, group, code, &source, &target, &stance);
    if (checked || stance)
        return checked ? checked : events_trace(c, "    not coded: %s\n", stance);
    if (group && source < 0 && events_among_subject(c, group) >= 0)
        passive = true; /* "were among those killed": done to them, by someone unnamed */
    /* the evidence covers the anchor's pattern, the source and the target */
    if (source >= 0 && (long)c->afirst[source] < span_first)
        span_first = c->afirst[source];
    if (source >= 0 && (long)c->alast[source] > span_last)
        span_last = c->alast[source];
    if (target >= 0 && (long)c->afirst[target] < span_first)
        span_first = c->afirst[target];
    if (target >= 0 && (long)c->alast[target] > span_last)
        span_last = c->alast[target];

    /* "is seeking military assistance from the United States to fight the insurgency": an
     * actor in the pattern's own `from $T` slot is the one asked, whatever clause follows */
    bool asked_from = target >= 0 && m->slot[PATTERN_TARGET] > 0 &&
                      word_is(c, (long)m->slot[PATTERN_TARGET] - 1, "from") &&
                      events_slot_actor(c, m->slot[PATTERN_TARGET], false) == target;
    if (target >= 0 && !rule->noun && !asked_from &&
        (code_is(rule->code, "01") || code_is(rule->code, "02") || code_is(rule->code, "03")) &&
        events_inside_reported_content(c, m->anchor, target)) {
        if (events_trace(c,
                         "    the target stands in the reported content: it is not the target of "
                         "the statement\n"))
            return SITREP_ELIMIT;
        target = -1;
    }
    /* "demanded that North Korea abandon ...", "urged that Iran stop ...": the subject of
     * the that-clause is the one asked; "expressed concern that Norway is militarizing",
     * "warned that Iran would ...": the one it is about */
    if (target < 0 && !rule->noun &&
        (code_is(rule->code, "02") || code_is(rule->code, "10") || code_is(rule->code, "11") ||
         code_is(rule->code, "13"))) {
        long that = word_is(c, (long)m->last, "that") ? (long)m->last : (long)m->last + 1;
        if (word_is(c, that, "that")) {
            for (long i = that + 1; i < (long)c->ntokens && i < that + 8; i++) {
                if (word_is(c, i, "-") && hyphen_glued(c, i + 1))
                    continue; /* "that NATO-member Norway" */
                if ((is_verb_token(c, i) && !hyphen_glued(c, i)) || is_punct(c, i))
                    break;
                long k = actor_starting(c, i, 0);
                if (k >= 0 && mention(c, k)->code && k != source) {
                    target = k;
                    if (events_trace(c, "    target: the subject of the that-clause, %s\n",
                                     events_actor_label(c, k, l2, sizeof l2)))
                        return SITREP_ELIMIT;
                    break;
                }
            }
        }
    }
    /* saying is not doing: a statement is the reporting frame of what it reports (the
     * `attributions` array keeps every one); the content is coded on its own, and acts done by
     * speaking (condemning, accusing, appealing, threatening) have patterns of their own roots */
    if (code_is(rule->code, "01"))
        return events_trace(c, "    not coded: a statement is a reporting frame, not an event\n");
    if (source >= 0 && (code_is(code, "042") || code_is(code, "043")) &&
        events_private_people(mention(c, source)))
        return events_trace(c, "    not coded: people or goods travelling are no official visit\n");

    /* "deployed 1,000 troops to Mozambique to assist the nation": where forces are sent is
     * whom they help when the helped is not named as an actor */
    if (target < 0 && source >= 0 && code_is(code, "07") && events_sending_verb(c, m->anchor)) {
        for (long i = m->anchor + 1; i + 1 < (long)c->ntokens && i < m->anchor + OBJECT_WINDOW;
             i++) {
            if (is_punct(c, i) || events_target_stop(c, i))
                break;
            long k = word_is(c, i, "to") ? actor_starting(c, i + 1, 0) : -1;
            if (k >= 0 && k != source && mention(c, k)->country) {
                target = k;
                if (events_trace(c, "    target: where the forces are sent, %s\n",
                                 events_actor_label(c, k, l2, sizeof l2)))
                    return SITREP_ELIMIT;
                break;
            }
        }
    }
    if ((code_is(code, "15") || code_is(code, "07")) && strcmp(code, "074") != 0 &&
        sent_to_help(c, m)) {
        code = "074";
        if (events_trace(c, "    forces sent to help: military protection or peacekeeping, 074\n"))
            return SITREP_ELIMIT;
    }
    /* "has not ruled out using force", "did not rule out a military strike on Iran": force
     * that is not excluded is threatened (138) */
    if (group && events_not_ruled_out(c, group) &&
        (code_is(code, "15") || code_is(code, "18") || code_is(code, "19") || code_is(code, "20") ||
         (code_is(code, "12") && events_violent_object(c, m)))) {
        code = "138";
        modality = MODALITY_ASSERTED;
        if (events_trace(c, "    force not ruled out: a threat of force, 138\n"))
            return SITREP_ELIMIT;
    }
    const char *not_coded;
    sitrep_status status = events_sense(c, m, group, source, target, &code, &not_coded);
    if (status || not_coded)
        return status ? status : events_trace(c, "    not coded: %s\n", not_coded);
    sitrep_status emitted = events_emit_groups(st, c, m, code, source, target, passive, modality,
                                               span_first, span_last);
    /* "The US joined France and Germany in condemning ...": the joined act theirs too */
    if (!emitted && joined >= 0 && joined != target && source >= 0) {
        if (events_trace(c, "    joined in the act: %s\n",
                         events_actor_label(c, joined, l1, sizeof l1)))
            return SITREP_ELIMIT;
        emitted = events_emit_groups(st, c, m, code, joined, target, false, modality, span_first,
                                     span_last);
    }
    return emitted;
}

/* Prepares the per-sentence context: lemmas, matches, actor token ranges. */
static sitrep_status sentence_prepare(arena *a, const event_tables *tables, const article *art,
                                      uint32_t n, clause_ctx *c)
{
    const sentence *s = &art->text.sentences[n];
    slice *lemmas = c->lemmas;
    size_t lemmas_room = c->lemmas_room;
    memset(c, 0, offsetof(clause_ctx, matches));
    if (s->ntokens > lemmas_room) {
        lemmas_room = s->ntokens < 64 ? 64 : s->ntokens;
        if (!(lemmas = arena_alloc(a, lemmas_room * sizeof *lemmas)))
            return SITREP_ELIMIT;
    }
    c->lemmas = lemmas;
    c->lemmas_room = lemmas_room;
    c->tables = tables;
    c->art = art;
    c->text = art->text.text;
    c->tokens = art->text.tokens + s->first_token;
    c->ntokens = s->ntokens;
    c->sentence = n;
    c->first_token = s->first_token;
    c->nmatches = 0;
    c->nact = 0;
    c->trace = NULL;
    c->a = a;
    /* places are in text order */
    c->place_first = SORTED_FIRST(place_mention, art->places, art->nplaces, sentence, n);
    if (!c->ntokens)
        return SITREP_OK;
    c->tokens = events_repair_tags(a, tables, c->text, c->tokens, c->ntokens);
    sitrep_status status =
        verbmatch_lemmatize_into(tables->lemmas, a, c->text, c->tokens, c->ntokens, c->lemmas);
    if (status)
        return status;
    size_t found = verbmatch_sentence(tables->patterns, c->text, c->tokens, c->ntokens, c->lemmas,
                                      c->matches, VERBMATCH_MAX);
    c->nmatches = found < VERBMATCH_MAX ? found : VERBMATCH_MAX;
    if (!c->nmatches)
        return SITREP_OK;
    /* actors of this sentence (art->actors is in text order) */
    size_t lo = SORTED_FIRST(actor_mention, art->actors, art->nactors, sentence, n);
    size_t end = lo;
    while (end < art->nactors && art->actors[end].sentence == n)
        end++;
    size_t count = end - lo; /* art->actors is in text order (actors_extract) */
    if (!count)
        return SITREP_OK;
    c->actor = arena_alloc(a, count * sizeof *c->actor);
    c->afirst = arena_alloc(a, count * sizeof *c->afirst);
    c->alast = arena_alloc(a, count * sizeof *c->alast);
    if (!c->actor || !c->afirst || !c->alast)
        return SITREP_ELIMIT;
    for (size_t i = lo; i < end; i++) {
        const actor_mention *m = &art->actors[i];
        if (m->sentence != n || m->end <= m->start)
            continue;
        long first = token_at(c, m->start), last = token_at(c, m->end - 1);
        if (first >= (long)c->ntokens || last >= (long)c->ntokens)
            continue;
        c->actor[c->nact] = (int32_t)i;
        c->afirst[c->nact] = (uint32_t)first;
        c->alast[c->nact] = (uint32_t)last;
        c->nact++;
    }
    return SITREP_OK;
}

/* c is the caller's, reused from sentence to sentence: its match table alone is a few KB, too
 * much to take from the arena once per sentence. */
static sitrep_status code_sentence(arena *a, const event_tables *tables, const article *art,
                                   uint32_t n, emit_state *st, clause_ctx *c, buf *trace_out)
{
    sitrep_status status = sentence_prepare(a, tables, art, n, c);
    if (status)
        return status;
    c->trace = trace_out;
    if (trace_out) {
        const sentence *s = &art->text.sentences[n];
        if (buf_printf(trace_out, "sentence %u: %.*s\n", n, (int)(s->end - s->start),
                       c->text + s->start))
            return SITREP_ELIMIT;
        for (size_t i = 0; i < art->nactors; i++) {
            const actor_mention *m = &art->actors[i];
            if (m->sentence == n &&
                buf_printf(trace_out, "  actor '%.*s' %s\n", (int)(m->end - m->start),
                           c->text + m->start, m->code ? m->code : "(no code)"))
                return SITREP_ELIMIT;
        }
        if (!c->nmatches)
            return events_trace(c, "  nothing coded: no pattern matched\n");
        if (!c->nact && events_trace(c, "  no actors in this sentence\n"))
            return SITREP_ELIMIT;
    }
    size_t before = st->count;
    for (size_t i = 0; i < c->nmatches; i++)
        if ((status = code_match(st, c, i)))
            return status;
    if (trace_out && st->count == before)
        return events_trace(c, "  nothing coded in this sentence (see the reasons above)\n");
    return SITREP_OK;
}

sitrep_status events_code(arena *a, const event_tables *tables, article *art)
{
    art->events = NULL;
    art->nevents = 0;
    if (!tables || !tables->patterns || !tables->lemmas)
        return SITREP_OK;
    emit_state st = {.a = a};
    clause_ctx *c = arena_calloc(a, 1, sizeof *c);
    if (!c)
        return SITREP_ELIMIT;
    sitrep_status status;
    for (uint32_t n = 0; n < art->text.nsentences; n++)
        if ((status = code_sentence(a, tables, art, n, &st, c, NULL)))
            return status;
    events_attach_extras(art, tables, st.items, st.count);
    if (st.dropped)
        warning_add(&art->doc->warnings, "events_truncated",
                    "too many events in one article: the rest were dropped");
    art->events = st.items;
    art->nevents = st.count;
    return SITREP_OK;
}

sitrep_status events_explain(arena *a, const event_tables *tables, const article *art, long only,
                             buf *out)
{
    if (!tables || !tables->patterns || !tables->lemmas)
        return buf_append_str(out, "no event patterns are loaded\n") ? SITREP_ELIMIT : SITREP_OK;
    emit_state st = {.a = a};
    clause_ctx *c = arena_calloc(a, 1, sizeof *c);
    if (!c)
        return SITREP_ELIMIT;
    sitrep_status status;
    for (uint32_t n = 0; n < art->text.nsentences; n++) {
        if (only >= 0 && (long)n != only)
            continue;
        if ((status = code_sentence(a, tables, art, n, &st, c, out)))
            return status;
    }
    if (only >= 0 && (size_t)only >= art->text.nsentences &&
        buf_printf(out, "no sentence %ld (the article has %zu)\n", only, art->text.nsentences))
        return SITREP_ELIMIT;
    return SITREP_OK;
}
