/* direction.c - who acts on whom, checked once a clause's source and target are found, for the
 * event coder: a relative clause acts through its antecedent ("forces, which have used force
 * to crush protests"; "the group that has carried out attacks"); a killing with no object
 * happened to its subject; the subject of an infinitive after "for", an ally ("on the Eritrean
 * side"), a hyphenated modifier and an actor of another clause are no targets; and the nation
 * whose aid it is gives it ("withheld US military aid to Ukraine"); an adverbial participle
 * (", threatening them with tariffs") is done by the main clause's subject.
 */
#include "events_internal.h"

/* Nouns of an arrangement whose "for X to" subject is no target ("an agreement for US troops
 * to begin leaving"). */
static const char *const arrangement_nouns[] = {
    "agreement", "agreements", "deal",        "deals",       "pact",       "plan",    "plans",
    "timetable", "deadline",   "framework",   "arrangement", "conditions", "roadmap", "accord",
    "way",       "path",       "opportunity", "chance",      NULL};

/* Nouns of aid and arms a nationality adjective qualifies: "US military aid", "German tanks". */
static const char *const aid_nouns[] = {"aid", "weapon", NULL};
/* Places other actors locate: "districts between Armenia and Karabakh" */
static const char *const located_places[] = {"sense_territory", "stronghold", NULL};

/* The subject of a relative clause whose verb group starts at `first`: the antecedent of
 * "who", "which" or "that" right before it (", which have used"), or of "in which", "by
 * whom" with its own subject noun. Sets *subject to the antecedent actor (index into
 * c->actor) and returns 1; returns -1 when the subject is a noun that is no actor ("the
 * drinking that killed him", "the attack in which a knifeman killed"); 0 when the verb heads
 * no relative clause. */
/* "Islamic State claimed responsibility for the bombing, which killed 30 people": an attack
 * noun at token `noun` claimed (or whose responsibility is claimed, admitted or accepted) by
 * the subject of the verb before it is that subject's act. Returns 1 with *subject set, else
 * 0 (the attack's doer is unnamed). */
static int claimed_attack(const clause_ctx *c, long noun, long *subject)
{
    long p = noun - 1;
    while (p >= 0 && noun - p < 4 &&
           (upos(c, p) == UPOS_DET || upos(c, p) == UPOS_ADJ || upos(c, p) == UPOS_NOUN))
        p--;
    if (word_is(c, p, "for") &&
        word_in(c, p - 1, (const char *const[]){"responsibility", "credit", NULL}))
        p -= 2;
    verb_group vg;
    if (p < 0 || !verb_lemma_in(c, p, (const char *const[]){"claim", "admit", "accept", NULL}))
        return 0;
    verb_group_find(c, p, &vg);
    if (vg.passive)
        return 0;
    long k = events_subject_from_group(c, &vg, 0);
    if (k < 0 || !mention(c, k)->code)
        return 0;
    *subject = k;
    return 1;
}

static int relative_subject(const clause_ctx *c, long first, long *subject)
{
    static const char *const relatives[] = {"who", "which", "that", NULL};
    long i = first - 1;
    if (word_in(c, i, relatives)) {
        bool comma = is_comma(c, i - 1);
        long a = comma ? i - 2 : i - 1; /* ", which" */
        long k = actor_covering(c, a);
        /* "explosions at the White House that had injured ...": without a comma the clause
         * belongs to the head noun before the actor's preposition */
        if (k >= 0 && !comma && upos(c, (long)c->afirst[k] - 1) == UPOS_ADP &&
            upos(c, (long)c->afirst[k] - 2) == UPOS_NOUN &&
            actor_covering(c, (long)c->afirst[k] - 2) < 0)
            return -1;
        if (k < 0 && upos(c, a) == UPOS_NOUN) {
            /* "prosecutors and agents who conducted": a conjunct that is an actor */
            long p = events_before_noun_phrase(c, a + 1, NULL);
            if (word_in(c, p, (const char *const[]){"and", "or", NULL}))
                k = actor_ending(c, p - 1);
            /* "the attack that targeted a village": an attack acts (events.c finds its side) */
            if (k < 0 && events_token_in_classes(
                             c, a, (const char *const[]){"attacknoun", "violence", NULL}))
                return claimed_attack(c, a, subject);
            if (k < 0)
                return -1;
        }
        if (k >= 0) {
            *subject = k;
            return 1;
        }
        return 0;
    }
    /* "(the attack) in which a knife-wielding man killed": the subject is the noun phrase */
    if ((upos(c, i) != UPOS_NOUN && upos(c, i) != UPOS_PROPN) || actor_covering(c, i) >= 0)
        return 0;
    long p = events_before_noun_phrase(c, i + 1, NULL);
    return word_in(c, p, (const char *const[]){"which", "whom", NULL}) && upos(c, p - 1) == UPOS_ADP
               ? -1
               : 0;
}

/* True when the -ing verb of vg is the subject of the finite verb after its phrase (",
 * actually signing a deal has proved elusive"): no subject of its own and no "and" between. */
bool events_gerund_subject(const clause_ctx *c, const verb_group *vg)
{
    for (long k = vg->anchor + 1; k < (long)c->ntokens && !is_punct(c, k); k++) {
        if (word_in(c, k, (const char *const[]){"and", "or", "but", NULL}))
            return false;
        if (events_finite_verb(c, k) || upos(c, k) == UPOS_AUX)
            return upos(c, k - 1) != UPOS_PRON;
    }
    return false;
}

/* An adverbial participle: a bare -ing verb that opens a clause after a comma (", publicly
 * threatening them with tariffs", ", killing two soldiers") when a finite verb stands before
 * the comma. Its doer is the subject of that verb: *main gets that verb's group. */
bool events_adverbial_participle(const clause_ctx *c, const verb_group *vg, verb_group *main)
{
    if (vg->passive || vg->infinitive || !c->tables->tagger || upos(c, vg->anchor) != UPOS_VERB ||
        strcmp(tagger_xpos_name(c->tables->tagger, c->tokens[vg->anchor].xpos), "VBG") != 0)
        return false;
    long i = vg->first - 1;
    while (i >= 0 && vg->first - i <= 2 && upos(c, i) == UPOS_ADV)
        i--;
    if (!is_comma(c, i) || events_gerund_subject(c, vg))
        return false;
    /* the main verb before the comma: the nearest verb with a finite form or an auxiliary in
     * its group, over participles ("including Europe, Japan and Mexico, threatening ...") */
    for (long k = i - 1; k >= 0; k--) {
        if (word_is(c, k, ";") || word_is(c, k, ":"))
            return false;
        if (upos(c, k) != UPOS_VERB)
            continue;
        verb_group_find(c, k, main);
        for (long j = main->first; j <= main->anchor; j++)
            if (events_finite_verb(c, j) || upos(c, j) == UPOS_AUX)
                return !main->infinitive;
        /* "Israeli forces fired on the bases, injuring ...": a past form right after its
         * subject that the tagger read as a participle is the main verb */
        if (events_clause_verb(c, main))
            return true;
        k = main->first;
    }
    return false;
}

long events_among_subject(const clause_ctx *c, const verb_group *vg)
{
    static const char *const fillers[] = {"the",    "those",    "people",    "persons", "others",
                                          "dozens", "hundreds", "civilians", NULL};
    for (long j = vg->first; j < vg->anchor; j++) /* "those reportedly beaten" */
        if (upos(c, j) != UPOS_ADV)
            return -1;
    long i = vg->first - 1;
    while (i >= 0 && vg->first - i <= 4 &&
           (word_in(c, i, fillers) || upos(c, i) == UPOS_NUM || word_is(c, i, "at") ||
            word_is(c, i, "least")))
        i--;
    if (i < 2 || !word_is(c, i, "among") ||
        !word_in(c, i - 1, (const char *const[]){"were", "was", "are", "is", NULL}))
        return -1;
    long k = actor_ending(c, i - 2);
    return k >= 0 && mention(c, k)->code ? k : -1;
}

/* A killing or wounding with no object after it and no auxiliary before it ("eleven police
 * killed, dozens wounded in a car bomb attack"): a headline's passive, done to the subject. */
static bool suffered(const clause_ctx *c, const verbmatch *m, const verb_group *vg, long target)
{
    long a = m->anchor, next = a + 1;
    static const char *const places[] = {"in", "near", "during", "amid", NULL};
    if (vg->first != a || vg->passive ||
        (target >= 0 && !word_in(c, (long)c->afirst[target] - 1, places)) ||
        !verb_lemma_in(c, a, (const char *const[]){"kill", "wound", "injure", "hurt", NULL}))
        return false;
    return next >= (long)c->ntokens || is_punct(c, next) ||
           (word_in(c, next, places) && !word_is(c, next + 1, "least"));
}

sitrep_status events_direction(const clause_ctx *c, const verbmatch *m, const verb_group *group,
                               const char *code, long *source, long *target, const char **not_coded)
{
    char l1[160];
    *not_coded = NULL;
    if (!m->rule->noun) {
        verb_group vg;
        if (group)
            vg = *group;
        else
            verb_group_find(c, m->anchor, &vg);
        long subject = -1;
        int rel = vg.passive ? 0 : relative_subject(c, vg.first, &subject);
        /* "forces, which have used force to crush protests": the infinitive's governor's
         * relative clause */
        verb_group gov;
        if (!rel && vg.infinitive && verb_group_previous(c, vg.first, &gov) && !gov.passive)
            rel = relative_subject(c, gov.first, &subject);
        /* "ELEVEN POLICE KILLED, DOZENS WOUNDED": a killing with no object and no agent
         * happened to its subject */
        /* "Two Americans were among those killed", "... were among 20 people detained": the
         * subject of "were among" suffered it; its doer is the "by" agent or unnamed */
        long among = events_among_subject(c, &vg);
        if (among >= 0) {
            *target = among;
            long agent =
                word_is(c, (long)vg.anchor + 1, "by") ? actor_after_word(c, vg.anchor + 1) : -1;
            *source = agent >= 0 && mention(c, agent)->code ? agent : -1;
            return events_trace(c, "    target: the subject of 'were among', %s\n",
                                events_actor_label(c, among, l1, sizeof l1));
        }
        if (!rel && suffered(c, m, &vg, *target)) {
            *not_coded = "its subject suffered it (a killing with no object or agent)";
            return SITREP_OK;
        }
        if (rel < 0) {
            *not_coded = "the subject of its relative clause is no actor";
            return SITREP_OK;
        }
        /* "the base came under mortar fire", "came under attack": the subject suffered it */
        if (lemma_is(c, (long)m->anchor, "come") && word_is(c, (long)m->anchor + 1, "under") &&
            *source >= 0 && *target < 0) {
            *target = *source;
            *source = -1;
            if (events_trace(c, "    target: the subject that came under it, %s\n",
                             events_actor_label(c, *target, l1, sizeof l1)))
                return SITREP_ELIMIT;
        }
        if (rel > 0 && subject != *source && subject != *target && mention(c, subject)->code) {
            *source = subject;
            if (events_trace(c, "    source: the antecedent of the relative clause, %s\n",
                             events_actor_label(c, subject, l1, sizeof l1)))
                return SITREP_ELIMIT;
        }
        /* "murdered by his own people": the possessor in a "by" agent of a noun that is no
         * actor is not the doer */
        if (*source >= 0 && word_in(c, c->afirst[*source], possessive_dets) &&
            c->afirst[*source] == c->alast[*source] &&
            word_is(c, (long)c->afirst[*source] - 1, "by")) {
            long n = (long)c->alast[*source] + 1;
            while (n < (long)c->ntokens && upos(c, n) == UPOS_ADJ)
                n++;
            long owned = actor_covering(c, n);
            if (upos(c, n) == UPOS_NOUN && owned < 0) {
                *not_coded = "its doer is a noun its possessor only owns (\"his own people\")";
                return SITREP_OK;
            }
            if (owned >= 0 && owned != *source && mention(c, owned)->code) {
                *source = owned; /* "by his own people": the people */
                if (events_trace(c, "    source: what the possessor owns, %s\n",
                                 events_actor_label(c, owned, l1, sizeof l1)))
                    return SITREP_ELIMIT;
            }
        }
    }
    if (*target < 0)
        return SITREP_OK;
    long t = *target, first = c->afirst[t], last = c->alast[t];
    /* "fighting on the Eritrean side": an ally, no target ("representations with the
     * Vietnamese side" names a counterpart) */
    bool on = word_is(c, first - 1, "on") ||
              (word_is(c, first - 1, "the") && word_is(c, first - 2, "on"));
    if (on && (word_in(c, last + 1, (const char *const[]){"side", "sides", NULL}) ||
               word_in(c, last, (const char *const[]){"side", "sides", NULL}) ||
               (is_possessive(c, last + 1) && word_is(c, last + 2, "side")))) {
        *target = -1;
        return events_trace(c, "    target: none (an actor whose side it is, not a target)\n");
    }
    /* "seizing seven districts between Armenia and Karabakh": a place named by the actors
     * around it, not what is acted on */
    if (!m->rule->noun && word_is(c, first - 1, "between") &&
        events_token_in_classes(c, first - 2, located_places)) {
        *target = -1;
        return events_trace(c, "    target: none (it locates the object: \"between X and Y\")\n");
    }
    /* "U.S.-backed South Vietnam": an actor in a hyphenated modifier is no target */
    if (hyphen_glued(c, last + 2) && word_is(c, last + 1, "-")) {
        *target = -1;
        return events_trace(c, "    target: none (part of a hyphenated modifier)\n");
    }
    /* "Russia's annexation of Crimea renewed fears along Europe's flank": an event noun's
     * target stays before the next verb */
    if (m->rule->noun && first > (long)m->anchor) {
        /* ... unless the noun is the subject of the harm done ("a rocket attack by X damaged
         * a Greek-owned ship", "an air strike killed three soldiers") */
        static const char *const harm[] = {"kill", "wound",  "injure", "damage", "destroy", "hit",
                                           "sink", "strike", "target", "maim",   "cripple", NULL};
        bool harmed = false;
        for (long i = (long)m->anchor + 1; i < first && !harmed; i++) {
            if (events_finite_verb(c, i) && !verb_lemma_in(c, i, harm))
                break;
            harmed = is_verb_token(c, i) && verb_lemma_in(c, i, harm) && !hyphen_glued(c, i);
        }
        for (long i = (long)m->anchor + 1; i < first && !harmed; i++)
            if (events_finite_verb(c, i) || /* "alarmed Turkey", not "associated with" */
                (is_verb_token(c, i) && !hyphen_glued(c, i) && upos(c, i + 1) != UPOS_ADP)) {
                *target = -1;
                return events_trace(c, "    target: none (the actor is in another clause)\n");
            }
    }
    /* "an agreement for US troops to begin leaving": the infinitive's own subject, after a noun
     * of an arrangement (not "called for Russia to withdraw", "raised its voice for Bree to
     * win": the one asked or backed is the target) */
    if (word_is(c, first - 1, "for") && word_is(c, last + 1, "to") && is_verb_token(c, last + 2) &&
        word_in(c, first - 2, arrangement_nouns)) {
        *target = -1;
        return events_trace(c, "    target: none ('%.*s' is the subject of an infinitive)\n",
                            (int)(c->tokens[last].end - c->tokens[first].start),
                            c->text + c->tokens[first].start);
    }
    /* "withheld US military aid to Ukraine": the aid's nation gives it; the target follows */
    if ((code_is(code, "07") || code_is(code, "162")) && mention(c, t)->kind &&
        (strcmp(mention(c, t)->kind, "adjective") == 0 ||
         strcmp(mention(c, t)->kind, "country") == 0)) {
        long noun = last + 1;
        while (noun < (long)c->ntokens && noun <= last + 3 && upos(c, noun) == UPOS_ADJ)
            noun++;
        if (events_token_in_classes(c, noun, aid_nouns)) {
            long to = -1;
            for (long i = noun + 1; i < (long)c->ntokens && i <= noun + OBJECT_WINDOW; i++) {
                if (is_punct(c, i) || is_verb_token(c, i))
                    break;
                if (word_is(c, i, "to")) {
                    to = actor_after_word(c, i);
                    break;
                }
            }
            *target = to;
            return events_trace(c, "    target: %s (the aid's own nation gives it)\n",
                                events_actor_label(c, to, l1, sizeof l1));
        }
    }
    return SITREP_OK;
}
