/* verb_group.c - verb groups and modality for the event coder: the auxiliaries, negation,
 * adverbs and catenatives left of an anchor ("is not planning to deploy"), passive voice,
 * the modality they give (asserted, negated, planned, possible, hypothetical), commitments
 * ("pledged to send": the intent code), infinitives not coded, and obligations.
 */
#include "events_internal.h"

static bool is_past_participle(const clause_ctx *c, long i)
{
    const token *t = &c->tokens[i];
    if (t->upos && c->tables->tagger) {
        const char *x = tagger_xpos_name(c->tables->tagger, t->xpos);
        if (strcmp(x, "_") != 0)
            return strcmp(x, "VBN") == 0 || strcmp(x, "VBD") == 0;
    }
    slice s = token_text(&c->art->text, t);
    return slice_ends_with(s, "ed") || slice_ends_with(s, "en") || slice_ends_with(s, "wn") ||
           slice_ends_with(s, "ne") || slice_ends_with(s, "lt") || slice_ends_with(s, "ught") ||
           slice_ends_with(s, "ld") || slice_ends_with(s, "nt") || slice_ends_with(s, "ck");
}

static bool is_adverb(const clause_ctx *c, long i)
{
    if (upos(c, i) == UPOS_ADV) /* (a name the tagger misread: "Qatar acted as mediator") */
        return !word_in(c, i, subordinators) && actor_covering(c, i) < 0;
    if (upos(c, i))
        return false;
    slice s = token_text(&c->art->text, &c->tokens[i]);
    return s.len > 4 && slice_ends_with(s, "ly") && !(c->tokens[i].flags & TOKEN_UPPER);
}

/* Verbs that deny what they govern, with the words that must follow them before the
 * infinitive's "to" or the gerund: "declined to send", "failed to deliver", "avoided naming",
 * "refrained from attacking", "ruled out sending", "stopped short of imposing", "held off on
 * striking", "shied away from". A verb alone here ("ruled", "stopped") negates nothing. */
static const struct negator {
    const char *verb;
    const char *particles[3];
} negators[] = {
    {"decline", {NULL}},
    {"refuse", {NULL}},
    {"fail", {NULL}},
    {"deny", {NULL}},
    {"neglect", {NULL}},
    {"avoid", {NULL}},
    {"refrain", {"from", NULL}},
    {"abstain", {"from", NULL}},
    {"desist", {"from", NULL}},
    {"rule", {"out", NULL}},
    {"stop", {"short", "of"}},
    {"hold", {"off", "on"}},
    {"hold", {"off", "from"}},
    {"hold", {"back", "from"}},
    {"shy", {"away", "from"}},
    {"back", {"away", "from"}},
    {"steer", {"clear", "of"}},
    {"balk", {"at", NULL}},
    {"baulk", {"at", NULL}},
    {"forgo", {NULL}},
    {"forego", {NULL}},
    {"reluctant", {NULL}},
    {"unwilling", {NULL}},
    {"loath", {NULL}},
    {"hesitant", {NULL}},
    {"wary", {"of", NULL}},
    {"bow", {"out", "of"}},
    /* "has done little to fight", "did nothing to stop" */
    {"do", {"little", NULL}},
    {"do", {"nothing", NULL}},
    {"do", {"precious", "little"}},
};

/* The number of tokens of a negating phrase (negators) that starts at token i, 0 when none. */
static long negator_length(const clause_ctx *c, long i)
{
    if (i < 0 || (size_t)i >= c->ntokens || !c->lemmas[i].len)
        return 0;
    /* by the token's lemma only (runs for every word of every verb group) */
    slice lemma = c->lemmas[i];
    for (size_t k = 0; k < sizeof negators / sizeof negators[0]; k++) {
        const struct negator *n = &negators[k];
        if (lemma.ptr[0] != n->verb[0] || !slice_eq_cstr(lemma, n->verb))
            continue;
        long len = 1;
        while (len <= 2 && n->particles[len - 1] && word_is(c, i + len, n->particles[len - 1]))
            len++;
        if (len > 2 || !n->particles[len - 1])
            return len;
    }
    return 0;
}

/* The first token of a negating phrase that ends at token `last` (the word right before the
 * infinitive's "to" or the gerund), -1 when none. */
static long negator_ending(const clause_ctx *c, long last)
{
    for (long start = last; start >= 0 && last - start <= 2; start--)
        if (negator_length(c, start) == last - start + 1)
            return start;
    return -1;
}

/* "Russia, accused by Britain of ...": a past participle in apposition, with its agent after
 * it; the actor before the comma (index into c->actor) is what the participle is done to. */
long events_apposed_subject(const clause_ctx *c, const verb_group *vg)
{
    long a = vg->anchor;
    if (vg->first != a || a < 2 || !is_comma(c, a - 1) || !word_is(c, a + 1, "by") ||
        !is_past_participle(c, a))
        return -1;
    return actor_ending(c, a - 2);
}

/* "workers held hostage by Iran": a "by" agent within a few words after a participle, with
 * only its complement between. */
static bool by_follows(const clause_ctx *c, long anchor)
{
    for (long i = anchor + 1; i < (long)c->ntokens && i <= anchor + 3; i++) {
        if (word_is(c, i, "by"))
            return i > anchor + 1;
        if (upos(c, i) != UPOS_NOUN && upos(c, i) != UPOS_ADJ) /* "met only by": no */
            return false;
    }
    return false;
}

/* Walks left from the anchor over auxiliaries, negation, adverbs and catenatives. */
/* A participle after a noun is a reduced relative ("soldiers killed in Ukraine") only when the
 * clause has a main verb elsewhere: before the noun ("There were 10 soldiers killed") or a
 * finite verb after it ("troops stationed in Syria left"). "Students protested on Monday"
 * (the tagger may say VBN) has none: the participle is the main verb. */
static bool reduced_relative_has_main_verb(const clause_ctx *c, long anchor)
{
    for (long i = anchor - 2; i >= 0; i--) {
        if (word_is(c, i, ";") || word_is(c, i, ":") || c->tokens[i].kind == TOKEN_QUOTE)
            break;
        /* "said that Israeli forces fired on ...": a clause opened by a conjunction has
         * its own main verb; the verbs before it are the matrix clause's */
        if (upos(c, i) == UPOS_SCONJ || word_in(c, i, subordinators))
            break;
        /* "Iranian-backed militias launched": a participle glued by a hyphen is a modifier */
        if ((upos(c, i) == UPOS_VERB || upos(c, i) == UPOS_AUX) && !hyphen_glued(c, i))
            return true;
    }
    for (long i = anchor + 1; i < (long)c->ntokens; i++) {
        if (word_is(c, i, ";") || word_is(c, i, ":"))
            break;
        const char *x = tagger_xpos_name(c->tables->tagger, c->tokens[i].xpos);
        if (strcmp(x, "VBD") == 0 || strcmp(x, "VBZ") == 0 || strcmp(x, "VBP") == 0 ||
            strcmp(x, "MD") == 0)
            return true;
    }
    return false;
}

/* "air defences shot down 40 drones", "jihadists killed at least 20 soldiers": an object after
 * the participle (past a particle) makes it an active verb; a reduced relative has none
 * ("drones shot down by ...", "soldiers killed in Ukraine", "the town captured this week"). */
static bool object_follows(const clause_ctx *c, long anchor)
{
    static const char *const times[] = {"week",    "weekend", "month", "year",   "day",
                                        "morning", "evening", "night", "summer", "winter",
                                        "spring",  "autumn",  "fall",  NULL};
    long i = anchor + 1;
    if (i < (long)c->ntokens &&
        strcmp(tagger_xpos_name(c->tables->tagger, c->tokens[i].xpos), "RP") == 0)
        i++;
    if (i >= (long)c->ntokens || word_is(c, i, "by"))
        return false;
    if ((word_is(c, i, "at") && word_is(c, i + 1, "least")) ||
        (word_is(c, i, "more") && word_is(c, i + 1, "than")) ||
        word_in(c, i,
                (const char *const[]){"dozens", "hundreds", "thousands", "them", "him", "her", "us",
                                      NULL}))
        return true;
    uint8_t u = upos(c, i);
    if (u == UPOS_DET)
        return !word_in(c, i + 1, times);
    /* the old particle reading: "shot down Russian drones" */
    return u == UPOS_NUM ||
           (i > anchor + 1 && (u == UPOS_ADJ || u == UPOS_NOUN || u == UPOS_PROPN));
}

/* "released six Americans jailed in the country": a past form (the tagger's VBD) right after
 * the object noun phrase of a verb before it (not a verb of saying, whose clause has a subject
 * there: "said protesters marched", nor of wanting: "wants Trump banned") stands for a
 * participle. */
static bool after_object_of_verb(const clause_ctx *c, long anchor)
{
    long i = anchor - 1;
    if (upos(c, i) != UPOS_NOUN && upos(c, i) != UPOS_PROPN)
        return false;
    while (i >= 0 && anchor - i <= 6 &&
           (upos(c, i) == UPOS_NOUN || upos(c, i) == UPOS_PROPN || upos(c, i) == UPOS_ADJ ||
            upos(c, i) == UPOS_NUM || upos(c, i) == UPOS_DET))
        i--;
    return i >= 0 && upos(c, i) == UPOS_VERB && events_finite_verb(c, i) &&
           !verb_lemma_in(c, i, clause_verbs);
}

/* Nouns of intent whose infinitive is planned ("a plan to send", "the offer to mediate"). */
static const char *const intent_nouns[] = {"plan",    "plans",     "proposal",    "proposals",
                                           "offer",   "offers",    "idea",        "suggestion",
                                           "threat",  "threats",   "intention",   "pledge",
                                           "promise", "readiness", "willingness", NULL};

void verb_group_find(const clause_ctx *c, long anchor, verb_group *vg)
{
    memset(vg, 0, sizeof *vg);
    vg->anchor = anchor;
    vg->first = anchor;
    vg->governor = -1;
    long i = anchor - 1;
    bool saw_be = false, saw_to = false;
    bool next_to_anchor = true; /* only adverbs and negation between i and the anchor */
    int adverbs = 0;
    while (i >= 0 && anchor - i < 12) {
        if (word_in(c, i, aux_words) || word_is(c, i, "\xe2\x80\x99ll") ||
            word_is(c, i, "n\xe2\x80\x99t") || word_is(c, i, "\xe2\x80\x99s")) {
            /* "was criticized", "was heavily criticized", "was not criticized" */
            if (next_to_anchor && !saw_to && word_in(c, i, be_forms))
                saw_be = true;
            /* (adverbs of the list keep it: "was reportedly struck", "were later freed") */
            if (!(word_is(c, i, "not") || word_is(c, i, "n't") || word_is(c, i, "n\xe2\x80\x99t") ||
                  word_is(c, i, "never") || upos(c, i) == UPOS_ADV))
                next_to_anchor = false;
            if (word_is(c, i, "to") && vg->first == i + 1)
                saw_to = true;
            if (word_is(c, i, "to") && !(vg->first == i + 1))
                break;
            /* "'s" is a possessive unless a participle or verb follows */
            if ((word_is(c, i, "'s") || word_is(c, i, "\xe2\x80\x99s")) && is_possessive(c, i) &&
                !saw_be)
                break;
            vg->first = i--;
            continue;
        }
        if (is_adverb(c, i) && adverbs < 2) {
            adverbs++;
            vg->first = i--;
            continue;
        }
        /* "have been reported killed", "were feared dead", "are believed kidnapped": a
         * passive verb of report or belief right before the participle passes its voice on */
        if (next_to_anchor && vg->first == i + 1 && i > 0 && is_past_participle(c, i) &&
            is_past_participle(c, anchor) &&
            verb_lemma_in(c, i,
                          (const char *const[]){"report", "believe", "confirm", "fear", "say",
                                                "presume", "think", "know", "feared", NULL}) &&
            word_in(c, i - 1, be_forms)) {
            vg->first = i--;
            continue;
        }
        /* a verb that denies what it governs ("declined to send", "ruled out sending") */
        long negator = -1;
        if (word_is(c, vg->first, "to") ||
            (vg->first == anchor && i == anchor - 1 && is_gerund(c, anchor)))
            negator = negator_ending(c, i);
        if (negator >= 0) {
            next_to_anchor = false;
            if (vg->governor < 0)
                vg->governor = negator;
            vg->first = negator;
            i = negator - 1;
            saw_to = false;
            continue;
        }
        /* a catenative before "to" or before a gerund ("denied sending"; "planes bombed"
         * has no gerund, and "planes" is no "plan") */
        /* (not a noun after a determiner, an adjective or a possessive: "announced a plan to
         * send", "France's plan to send": the noun's owner acts, events_subject_from_group) */
        bool noun = upos(c, i) == UPOS_NOUN && word_in(c, i, intent_nouns) &&
                    (upos(c, i - 1) == UPOS_DET || upos(c, i - 1) == UPOS_ADJ ||
                     upos(c, i - 1) == UPOS_PRON || is_possessive(c, i - 1));
        if (!noun && verb_lemma_in(c, i, catenatives) &&
            (word_is(c, vg->first, "to") ||
             (vg->first == anchor && i == anchor - 1 && is_gerund(c, anchor)))) {
            next_to_anchor = false;
            if (vg->governor < 0)
                vg->governor = i;
            vg->first = i--;
            saw_to = false;
            continue;
        }
        break;
    }
    if (saw_be && is_past_participle(c, anchor))
        vg->passive = true;
    /* a reduced relative ("soldiers killed in Ukraine", "civilians held by ..."): a past
     * participle right after a noun, with no auxiliary */
    if (vg->first == anchor && anchor > 0 && c->tables->tagger && c->tokens[anchor].upos &&
        (strcmp(tagger_xpos_name(c->tables->tagger, c->tokens[anchor].xpos), "VBN") == 0 ||
         (strcmp(tagger_xpos_name(c->tables->tagger, c->tokens[anchor].xpos), "VBD") == 0 &&
          after_object_of_verb(c, anchor))) &&
        (upos(c, anchor - 1) == UPOS_NOUN || upos(c, anchor - 1) == UPOS_PROPN) &&
        (upos(c, anchor + 1) == UPOS_ADP || by_follows(c, anchor)) &&
        actor_starting(c, anchor + 1, 0) < 0 &&
        !(word_is(c, anchor + 1, "up") && word_is(c, anchor + 2, "to")) && /* "fired up to 300" */
        !object_follows(c, anchor) && reduced_relative_has_main_verb(c, anchor))
        vg->passive = true;
    if (events_apposed_subject(c, vg) >= 0)
        vg->passive = true;
    /* "were shot and killed by the police": a participle conjoined with a passive one shares
     * its auxiliaries and its voice */
    /* (not with an object after it: "said it was concerned and urged Beijing to ...") */
    bool object_after = upos(c, anchor + 1) == UPOS_DET || upos(c, anchor + 1) == UPOS_PROPN ||
                        upos(c, anchor + 1) == UPOS_NUM || upos(c, anchor + 1) == UPOS_PRON ||
                        actor_starting(c, anchor + 1, 0) >= 0;
    if (!vg->passive && !object_after && vg->first == anchor && anchor >= 3 &&
        word_is(c, anchor - 1, "and") && is_past_participle(c, anchor) &&
        (is_past_participle(c, anchor - 2) ||
         (upos(c, anchor - 2) == UPOS_ADJ && /* "ambushed", "shot" read as adjectives */
          (slice_ends_with(token_text(&c->art->text, &c->tokens[anchor - 2]), "ed") ||
           word_in(c, anchor - 2,
                   (const char *const[]){"shot", "hit", "beaten", "struck", "taken", "held",
                                         "thrown", NULL}))))) {
        long k = anchor - 3;
        while (k > 0 && upos(c, k) == UPOS_ADV)
            k--;
        if (word_in(c, k,
                    (const char *const[]){"was", "were", "is", "are", "been", "be", "being", "got",
                                          "get", NULL})) {
            vg->passive = true;
            vg->first = k;
        }
    }
    /* "was set on fire by Chinese gunfire and then seized", "were detained by police and
     * later released": past a phrase, a participle after "and" still shares the voice of a
     * passive of its clause (no comma, subject or other verb between) */
    if (!vg->passive && !object_after && is_past_participle(c, anchor)) {
        long a = anchor - 1;
        while (a > 0 && is_adverb(c, a))
            a--;
        for (long k = a - 1; vg->first > a && word_is(c, a, "and") && k >= 0 && a - k <= 12; k--) {
            if (is_punct(c, k) || word_in(c, k, subordinators) || upos(c, k) == UPOS_PRON)
                break;
            if (upos(c, k) != UPOS_VERB && upos(c, k) != UPOS_AUX)
                continue;
            long b = k - 1;
            while (b > 0 && is_adverb(c, b))
                b--;
            /* (the subject is the first conjunct's: arguments.c follows "and") */
            vg->passive = is_past_participle(c, k) && word_in(c, b, be_forms);
            break; /* the nearest verb decides */
        }
    }
    /* "how to neutralise": the adverb of a question opens the infinitive */
    vg->infinitive = word_is(c, vg->first, "to") ||
                     (word_is(c, vg->first + 1, "to") &&
                      word_in(c, vg->first, (const char *const[]){"how", "whether", NULL}));
}

/* Modality from the words of the group [first, anchor] and the clause before it. */
/* True when the verb group is a present tense in an "until", "till" or "before" clause: such a
 * clause speaks of what has not happened yet ("vowed to fight until they gain control of the
 * villages", "leave before the army attacks"); a past tense tells what did ("fought until they
 * took the town"). */
static bool future_time_clause(const clause_ctx *c, const verb_group *vg)
{
    if (!c->tables->tagger || !c->tokens[vg->first].upos)
        return false;
    const char *xpos = tagger_xpos_name(c->tables->tagger, c->tokens[vg->first].xpos);
    if (strcmp(xpos, "VBP") != 0 && strcmp(xpos, "VBZ") != 0)
        return false;
    for (long k = vg->first - 1; k >= 0 && k >= vg->first - 6 && !is_punct(c, k); k--)
        if (word_is(c, k, "until") || word_is(c, k, "till") || word_is(c, k, "before"))
            return true;
    return false;
}

/* "a proposal by France to send peacekeepers", "Russia's plan to annex", "the offer to
 * mediate": an infinitive after a noun of intent (its owner's "by" phrase between) is planned,
 * not done. */
static bool intended_by_noun(const clause_ctx *c, const verb_group *vg)
{
    if (!vg->infinitive || !word_is(c, vg->first, "to"))
        return false;
    long i = vg->first - 1;
    long k = actor_ending(c, i);
    if (k >= 0 && word_in(c, (long)c->afirst[k] - 1, (const char *const[]){"by", "from", NULL}))
        i = (long)c->afirst[k] - 2;
    return upos(c, i) == UPOS_NOUN && word_in(c, i, intent_nouns);
}

bool events_not_ruled_out(const clause_ctx *c, const verb_group *vg)
{
    bool negation = false;
    for (long i = vg->first; i <= vg->anchor; i++) {
        if (word_is(c, i, "not") || word_is(c, i, "n't") || word_is(c, i, "n\xe2\x80\x99t") ||
            word_is(c, i, "never"))
            negation = true;
        else if (negation && ((lemma_is(c, i, "rule") && word_is(c, i + 1, "out")) ||
                              lemma_is(c, i, "exclude")))
            return true;
    }
    return false;
}

/* "US to send more troops to Middle East": a headline's subject and infinitive with no verb
 * before them announce what is to be done. */
static bool headline_infinitive(const clause_ctx *c, const verb_group *vg)
{
    if (!vg->infinitive || !word_is(c, vg->first, "to") || actor_ending(c, vg->first - 1) < 0)
        return false;
    for (long i = 0; i < vg->first; i++)
        if (upos(c, i) == UPOS_VERB || upos(c, i) == UPOS_AUX || is_punct(c, i))
            return false;
    return true;
}

uint8_t events_modality_of(const clause_ctx *c, const verb_group *vg)
{
    bool negated = false, planned = false, possible = false, would = false;
    for (long i = vg->first; i < vg->anchor; i++) {
        /* "has not ruled out using force", "did not refuse to": a denied denial leaves the
         * act open */
        if (negated && negator_length(c, i) > 0) {
            negated = false;
            possible = true;
        } else if (word_is(c, i, "not") || word_is(c, i, "n't") ||
                   word_is(c, i, "n\xe2\x80\x99t") || word_is(c, i, "never") ||
                   (word_is(c, i, "yet") && word_is(c, i + 1, "to")) || negator_length(c, i) > 0 ||
                   lemma_is(c, i, "unable") || (word_is(c, i, "no") && word_is(c, i + 1, "longer")))
            negated = true;
        else if (word_is(c, i, "could") || word_is(c, i, "may") || word_is(c, i, "might") ||
                 word_is(c, i, "can") || lemma_is(c, i, "likely") || lemma_is(c, i, "unlikely") ||
                 lemma_is(c, i, "consider") || lemma_is(c, i, "contemplate") ||
                 lemma_is(c, i, "weigh") || lemma_is(c, i, "mull") || lemma_is(c, i, "discuss"))
            possible = true;
        else if (word_is(c, i, "would") || word_is(c, i, "'d"))
            would = true;
        else if (word_is(c, i, "will") || word_is(c, i, "shall") || word_is(c, i, "'ll") ||
                 word_is(c, i, "\xe2\x80\x99ll") || word_is(c, i, "going") ||
                 verb_lemma_in(c, i,
                               (const char *const[]){"plan", "intend", "expect", "aim", "hope",
                                                     "prepare", "set", "schedule", "want", "seek",
                                                     "ready", "poised", "due", "willing", "propose",
                                                     "mean", "wish", NULL}) ||
                 (word_is(c, i, "about") && word_is(c, i + 1, "to")))
            planned = true;
    }
    /* "if ... would", "without X ... could not": a condition earlier in the sentence */
    bool condition = false;
    if (would || possible || negated) {
        for (long i = vg->first - 1; i >= 0; i--)
            if (word_is(c, i, "if") || word_is(c, i, "unless") || word_is(c, i, "without") ||
                word_is(c, i, "were") /* "were X to ..." */) {
                condition = word_is(c, i, "if") || word_is(c, i, "unless") ||
                            word_is(c, i, "without") || i == 0;
                if (condition)
                    break;
            }
    }
    if (condition && (would || possible || (negated && (would || possible))))
        return MODALITY_HYPOTHETICAL;
    /* the condition itself: "if Iran attacked Israel, ..." (same comma segment), and an
     * open question: "examine whether Trump withheld aid", "asked if troops had crossed" */
    if (events_in_condition(c, vg->first))
        return MODALITY_HYPOTHETICAL;
    if (negated)
        return MODALITY_NEGATED;
    if (would && condition)
        return MODALITY_HYPOTHETICAL;
    if (possible)
        return MODALITY_POSSIBLE;
    if (planned || would || future_time_clause(c, vg) || intended_by_noun(c, vg) ||
        headline_infinitive(c, vg))
        return MODALITY_PLANNED;
    return MODALITY_ASSERTED;
}

/* True when the comma at token k opens or closes a short aside right after a complementiser
 * ("evidence that, say, an agent was killed"): the clause goes on through it. */
static bool aside_after_that(const clause_ctx *c, long k)
{
    if (word_is(c, k - 1, "that"))
        return true;
    for (long j = k - 2; j >= 1 && j >= k - 3; j--)
        if (is_comma(c, j))
            return word_is(c, j - 1, "that");
    return false;
}

/* True when token i stands in a condition or an open question: an "if", "unless" or "whether"
 * earlier in its comma segment ("if Iran attacked Israel, ...", "whether Trump withheld aid"). */
bool events_in_condition(const clause_ctx *c, long i)
{
    for (long k = i - 1;
         k >= 0 && !(is_comma(c, k) && !aside_after_that(c, k)) && !word_is(c, k, ";"); k--)
        if (word_is(c, k, "if") || word_is(c, k, "unless") || word_is(c, k, "whether") ||
            (word_is(c, k, "case") && word_is(c, k - 1, "in")) || /* "in case of a war" */
            (word_is(c, k, "should") && k + 1 < i && /* "should Seoul continue the drills" */
             (upos(c, k + 1) == UPOS_PROPN || upos(c, k + 1) == UPOS_DET ||
              upos(c, k + 1) == UPOS_NOUN)))
            return true;
    return false;
}

/* The verb group of the nearest verb before token `before`, for coordinated and controlled
 * verbs. Matches' anchors are preferred; tags otherwise. */
bool verb_group_previous(const clause_ctx *c, long before, verb_group *out)
{
    for (long i = before - 1; i >= 0; i--) {
        bool anchor = false;
        for (size_t m = 0; m < c->nmatches && !anchor; m++)
            anchor = (long)c->matches[m].anchor == i && !c->matches[m].rule->noun;
        if (anchor || upos(c, i) == UPOS_VERB) {
            verb_group_find(c, i, out);
            return true;
        }
        if (word_is(c, i, ";") || word_is(c, i, ":"))
            return false;
    }
    return false;
}

/* Commissive verbs and adjectives: the subject commits itself to what the infinitive names
 * ("pledged to send aid", "is ready to talk", "threatened to impose sanctions"). CAMEO codes
 * the commitment, an "express intent" (03) or a "threaten" (13) event. */
static const char *const commissives[] = {
    "promise",   "pledge",   "vow",     "offer", "agree",    "commit", "undertake",
    "volunteer", "threaten", "willing", "ready", "prepared", NULL};

/* What committing to an act of code `code` is coded as (CAMEO codebook: "Portugal will
 * support...", "Finland will give ... a grant" are its 032 and 0331 examples): the longest
 * prefix of the act's code decides. Cooperative acts give 03x, hostile acts 13x; a threat
 * ("threatened to") takes only hostile acts, a decision ("agreed to", "offered to") only
 * cooperative ones (NULL otherwise). */
static const char *intent_code(const char *code, bool threat, bool cooperative_only)
{
    static const char *const table[][2] = {
        {"0871", "0356"}, {"0872", "0356"}, {"0873", "0356"}, {"0874", "0356"}, {"087", "0356"},
        {"086", "0355"},  {"085", "0354"},  {"084", "0353"},  {"0831", "0341"}, {"0832", "0342"},
        {"0833", "0343"}, {"0834", "0344"}, {"083", "034"},   {"082", "0352"},  {"081", "0351"},
        {"08", "035"},    {"071", "0331"},  {"072", "0332"},  {"073", "0333"},  {"074", "0334"},
        {"07", "033"},    {"061", "0311"},  {"062", "0312"},  {"063", "0313"},  {"064", "0314"},
        {"06", "031"},    {"057", "030"},   {"05", "032"},    {"045", "039"},   {"04", "036"},
        {"14", "133"},    {"161", "1313"},  {"162", "1311"},  {"163", "1312"},  {"16", "131"},
        {"172", "132"},   {"17", "137"},    {"191", "1381"},  {"192", "1382"},  {"18", "1383"},
        {"19", "138"},    {"204", "1385"},  {"20", "138"}};
    if (code_is(code, "03"))
        return threat ? NULL : code;
    if (code_is(code, "13"))
        return cooperative_only ? NULL : code;
    for (size_t i = 0; i < sizeof table / sizeof table[0]; i++)
        if (code_is(code, table[i][0])) {
            bool hostile = code_is(table[i][1], "13");
            if (threat && !hostile)
                return NULL; /* "threatened to withdraw": the threat pattern decides */
            if (cooperative_only && hostile)
                return NULL; /* "agreed to ban transactions" is a decision, not a threat */
            return table[i][1];
        }
    return NULL;
}

/* True when the governor at `gov` stands right before the infinitive starting at `first`, or
 * with only a short adjunct between them that opens with a preposition or an adverb ("agreed
 * in October to lead", "pledged on Monday to send"). */
static bool adjunct_between(const clause_ctx *c, long gov, long first)
{
    if (gov == first - 1)
        return true;
    if (first - gov > 5 || (upos(c, gov + 1) != UPOS_ADP && upos(c, gov + 1) != UPOS_ADV))
        return false;
    for (long i = gov + 1; i < first; i++)
        if (is_punct(c, i) || upos(c, i) == UPOS_VERB || upos(c, i) == UPOS_AUX)
            return false;
    return true;
}

/* When the infinitive group vg is what its subject commits to ("pledged to send", "is ready
 * to talk"), the intent code for an act of `code` and the modality of the commitment itself
 * ("refused to promise": negated); NULL otherwise. */
const char *events_commitment(const clause_ctx *c, const verb_group *vg, const char *code,
                              uint8_t *modality)
{
    verb_group gov;
    if (vg->governor >= 0 &&
        (word_in(c, vg->governor, commissives) || lemma_in(c, vg->governor, commissives))) {
        gov = *vg;
        gov.anchor = vg->governor;
    } else {
        if (vg->governor >= 0 || !vg->infinitive || !verb_group_previous(c, vg->first, &gov) ||
            !adjunct_between(c, gov.anchor, vg->first) ||
            !verb_lemma_in(c, gov.anchor, commissives))
            return NULL;
    }
    static const char *const deciders[] = {"agree",     "commit", "undertake",
                                           "volunteer", "offer",  NULL};
    /* agreeing to a truce (or to extending one) is the truce itself, not an intent */
    bool truce = code_is(code, "0871") &&
                 verb_lemma_in(c, gov.anchor, (const char *const[]){"agree", "accept", NULL});
    const char *intent =
        truce ? code
              : intent_code(code,
                            verb_lemma_in(c, gov.anchor, (const char *const[]){"threaten", NULL}),
                            verb_lemma_in(c, gov.anchor, deciders));
    if (intent)
        *modality = events_modality_of(c, &gov);
    return intent;
}

long events_skip_date(const clause_ctx *c, long i)
{
    long j = word_in(c, i, (const char *const[]){"on", "in", NULL}) ? i + 1 : i;
    if (j >= (long)c->ntokens)
        return i;
    const article *x = c->art;
    for (size_t k = SORTED_FIRST(date_mention, x->dates, x->ndates, sentence, c->sentence);
         k < x->ndates && x->dates[k].sentence == c->sentence; k++)
        if (token_at(c, x->dates[k].start) == j && x->dates[k].end > x->dates[k].start)
            return token_at(c, x->dates[k].end - 1) + 1;
    return i;
}

/* "the junta ordered police to expel the ambassador", "Putin ordered troops to withdraw": an
 * order to one's own forces (police, troops, intelligence of no other country than the
 * orderer's, named between the order at `order` and "to" before the act at `act`) is how a
 * government acts: the act is coded, not held back as a demand. */
bool events_order_to_own_forces(const clause_ctx *c, long order, long act)
{
    static const char *const orders[] = {"order",     "instruct", "direct", "command", "authorize",
                                         "authorise", "task",     "ask",    NULL};
    static const char *const roles[] = {"MIL", "COP", "SPY", NULL};
    if (!verb_lemma_in(c, order, orders))
        return false;
    bool ask = verb_lemma_in(c, order, (const char *const[]){"ask", NULL});
    const actor_mention *orderer = NULL;
    for (size_t k = 0; k < c->nact; k++)
        if ((long)c->alast[k] < order)
            orderer = mention(c, k);
    for (size_t k = 0; k < c->nact; k++) {
        if ((long)c->afirst[k] <= order || (long)c->afirst[k] >= act)
            continue;
        const actor_mention *am = mention(c, k);
        /* the act is the forces' own infinitive ("ordered troops on Monday to withdraw") */
        long to = events_skip_date(c, (long)c->alast[k] + 1);
        if (!word_is(c, to, "to") || act - to > 6)
            continue;
        bool same = orderer && orderer->country && am->country &&
                    strcmp(orderer->country, am->country) == 0;
        if (!ask && am->role && in_list(am->role, roles) && (!am->country || same))
            return true;
        /* "EU leaders asked their foreign ministers to consider sanctions", "Putin ordered the
         * government to prepare ...": the orderer's own officials */
        static const char *const possessives[] = {"their", "its", "his", "her", NULL};
        bool own = word_in(c, (long)c->afirst[k] - 1, possessives) ||
                   word_in(c, (long)c->afirst[k], possessives) ||
                   (same && word_is(c, (long)c->afirst[k] - 1, "the"));
        bool officials =
            (am->role && strcmp(am->role, "GOV") == 0 && (!am->country || same)) ||
            (orderer && orderer->code && am->code && strcmp(orderer->code, am->code) == 0);
        if (own && officials)
            return true;
    }
    return false;
}

/* Why an infinitive is not an event of its own, or NULL when it is: the verb that governs it
 * directly codes it ("threatened to attack", "agreed to lift"), or it is asked of someone
 * ("urged Russia to withdraw", "pressure from Congress to help"). */
const char *events_infinitive_not_coded(const clause_ctx *c, const verb_group *vg, const char *code)
{
    /* "figured out how to neutralise", "whether to strike": a way or a choice, not an act */
    static const char *const question_words[] = {"how", "whether", "what", "when", NULL};
    if (vg->infinitive &&
        (word_in(c, vg->first - 1, question_words) || word_in(c, vg->first, question_words)))
        return "a way or a choice (\"how to\", \"whether to\"), not an act";
    verb_group gov;
    if (!vg->infinitive || vg->governor >= 0 || !verb_group_previous(c, vg->first, &gov))
        return NULL;
    if (events_order_to_own_forces(c, gov.anchor, vg->anchor))
        return NULL;
    long between = vg->first - gov.anchor - 1;
    if (between <= 1 && !verb_lemma_in(c, gov.anchor, catenatives)) {
        for (size_t j = 0; j < c->nmatches; j++)
            if ((long)c->matches[j].anchor == gov.anchor && !c->matches[j].rule->discard &&
                !c->matches[j].rule->noun && (long)c->matches[j].last >= vg->first)
                return "the verb that governs it codes it (\"threatened to\", \"agreed to\")";
    }
    /* "sent 200 mercenaries to support Haftar", "deployed police to Haiti to help": support
     * the sent are to give is the sending's purpose, which its code (07x) says already; a
     * fight they are sent to wage is coded, planned ("deploy soldiers to defeat the group") */
    if (between >= 1 && events_sending_verb(c, gov.anchor) && code[0] == '0')
        return "the purpose of a sending (\"sent troops to support\"), not an act";
    bool actor_between = false, request = false;
    for (long j = gov.anchor + 1; j < vg->first; j++) {
        actor_between |= actor_covering(c, j) >= 0;
        request |= word_in(c, j, request_nouns);
    }
    if (request || (actor_between && verb_lemma_in(c, gov.anchor, non_implicative)) ||
        (gov.passive && verb_lemma_in(c, gov.anchor, non_implicative)))
        return "it is asked for, not reported as done";
    return NULL;
}

/* True when the anchor of match m sits inside the verb group of another match (a catenative
 * such as "plan" in "is planning to deploy"), or is the cue of a reporting frame that has its
 * content elsewhere. */
bool events_is_catenative_of_other(const clause_ctx *c, size_t mi)
{
    long a = c->matches[mi].anchor;
    for (size_t j = 0; j < c->nmatches; j++) {
        if (j == mi || c->matches[j].rule->discard || c->matches[j].rule->noun)
            continue;
        verb_group vg;
        verb_group_find(c, c->matches[j].anchor, &vg);
        if (vg.first <= a && a < vg.anchor)
            return true;
    }
    return false;
}

/* True when the verb group holds an events_obligation ("must return", "should withdraw", "has to
 * leave", "ought to"): the act is asked for, not done. */
bool events_obligation(const clause_ctx *c, const verb_group *vg)
{
    for (long i = vg->first; i < vg->anchor; i++)
        if (word_is(c, i, "must") || word_is(c, i, "should") || word_is(c, i, "ought"))
            return true;
    return false;
}

const char *event_modality_name(event_modality modality)
{
    switch (modality) {
    case MODALITY_NEGATED:
        return "negated";
    case MODALITY_PLANNED:
        return "planned";
    case MODALITY_POSSIBLE:
        return "possible";
    case MODALITY_HYPOTHETICAL:
        return "hypothetical";
    default:
        return "asserted";
    }
}
