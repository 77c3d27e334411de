/* stance.c - what the words around an event's anchor make of it, for the event coder: a
 * denial ("denied that its jets struck ...") negates it; a disputed claim ("rejected claims
 * that ...", "described the idea that ... as absurd", "there is no evidence that ...") or an
 * allegation ("accused of executing ...") is not coded; neither is the purpose of a
 * diplomatic act ("summoned the ambassador to protest").
 */
#include "events_internal.h"

/* Nouns that name a claim someone makes: "claims that", "reports of". */
static const char *const claim_nouns[] = {
    "claim",       "claims",      "allegation",   "allegations", "accusation",
    "accusations", "report",      "reports",      "suggestion",  "suggestions",
    "idea",        "notion",      "assertion",    "assertions",  "rumour",
    "rumours",     "rumor",       "rumors",       "speculation", "charge",
    "charges",     "story",       "stories",      "theory",      "theories",
    "contention",  "insinuation", "insinuations", "narrative",   "version",
    "assessment",  "accounts",    "speculations", NULL};
/* Verbs that dispute a claim: "rejected claims that", "dismissed reports of". */
static const char *const disputers[] = {
    "reject",   "deny",      "dismiss", "refute", "rebut",   "debunk",     "dispute",
    "contest",  "ridicule",  "mock",    "deride", "scoff",   "brush",      "laugh",
    "discount", "discredit", "decry",   "slam",   "counter", "contradict", NULL};
/* What a claim is called when it is denied: "false claims", "described ... as absurd". */
static const char *const false_words[] = {"false",
                                          "baseless",
                                          "unfounded",
                                          "groundless",
                                          "absurd",
                                          "ridiculous",
                                          "nonsense",
                                          "nonsensical",
                                          "untrue",
                                          "fabricated",
                                          "fabrication",
                                          "fabrications",
                                          "lie",
                                          "lies",
                                          "bogus",
                                          "fake",
                                          "unsubstantiated",
                                          "spurious",
                                          "preposterous",
                                          "ludicrous",
                                          "laughable",
                                          "fiction",
                                          "fantasy",
                                          "propaganda",
                                          "disinformation",
                                          "misinformation",
                                          "slander",
                                          "smear",
                                          "outlandish",
                                          "incorrect",
                                          "inaccurate",
                                          "erroneous",
                                          "misleading",
                                          "rubbish",
                                          "hoax",
                                          "fantastical",
                                          "unjustified",
                                          "invented",
                                          "imaginary",
                                          "fictitious",
                                          "concocted",
                                          "falsehood",
                                          "falsehoods",
                                          "libel",
                                          "libellous",
                                          "slanderous",
                                          "defamatory",
                                          "wrong",
                                          NULL};
/* Verbs that name what a claim is: "called the reports baseless", "branded ... lies". */
static const char *const naming_verbs[] = {"call",  "brand", "label",    "term",    "deem",
                                           "judge", "find",  "consider", "declare", NULL};
/* Nouns of evidence: "there is no evidence that", "no sign of". */
static const char *const evidence_nouns[] = {"evidence",   "proof",       "sign",         "signs",
                                             "indication", "indications", "confirmation", NULL};
/* Verbs of accusation whose complement is the act alleged: "accused X of executing",
 * "suspected of planning", "charged with attacking", "blamed for the bombing". */
static const char *const accusers[] = {"accuse", "suspect", "charge",    "blame", "indict",
                                       "allege", "convict", "implicate", NULL};
/* Verbs of a diplomatic act whose purpose infinitive is no second event: "summoned the
 * ambassador to protest", "met to discuss", "called in the envoy to demand". */
static const char *const diplomatic_acts[] = {
    "summon", "meet",  "visit",   "travel", "fly",      "phone",   "telephone",
    "call",   "write", "convene", "send",   "dispatch", "receive", "host",
    "gather", "hold",  "arrive",  "come",   "go",       "recall",  NULL};

/* Verbs that prepare someone for an act: their object's infinitive is a purpose. */
static const char *const preparers[] = {"train", "equip", "arm",   "prepare",
                                        "teach", "drill", "groom", NULL};

static bool is_adverb_word(const clause_ctx *c, long i)
{
    return upos(c, i) == UPOS_ADV || word_in(c, i, (const char *const[]){"so", "very", NULL});
}

/* The first token before the noun phrase that ends before `head`, not walking over the
 * nouns of a claim or of evidence ("rejected [claims] that", "no [evidence] of"). */
static long phrase_before(const clause_ctx *c, long head)
{
    static const char *const *const stops[] = {claim_nouns, evidence_nouns, NULL};
    return events_before_noun_phrase(c, head, stops);
}

/* True when a word that calls a claim false follows token `from` in the sentence: "described
 * the idea that ... as (certainly) "absurd"", "the claim that ... is false"; after a verb of
 * naming (`named`: "called the allegations that ... baseless") the word alone. */
static bool called_false_after(const clause_ctx *c, long from, bool named)
{
    for (long i = from; i < (long)c->ntokens; i++) {
        if (word_is(c, i, ";"))
            return false;
        if (named && word_in(c, i, false_words))
            return true;
        if (!word_is(c, i, "as") && !word_in(c, i, be_forms))
            continue;
        for (long k = i + 1, seen = 0; k < (long)c->ntokens && seen < 4; k++) {
            if (c->tokens[k].kind == TOKEN_QUOTE)
                continue;
            seen++;
            if (word_in(c, k, false_words))
                return true;
            if (!is_adverb_word(c, k) &&
                !word_in(c, k,
                         (const char *const[]){"a", "an", "pure", "complete", "total", "utter",
                                               "not", "simply", NULL}))
                break;
        }
    }
    return false;
}

/* The claim noun at token n is disputed: a false word before it ("baseless allegations"), a
 * disputing verb before it ("rejected claims", "dismissed as false the reports"), a false
 * word after the claim's content (`end`: "... as absurd", "... is false"), or no evidence
 * ("there is no evidence that"). */
static bool claim_disputed(const clause_ctx *c, long n, long end)
{
    for (long i = n - 1; i >= 0 && n - i <= 3; i--)
        if (word_in(c, i, false_words))
            return true;
    bool named = false;
    for (long i = n - 1; i >= 0 && n - i <= 6; i--) {
        if (is_punct(c, i))
            break;
        if (verb_lemma_in(c, i, disputers))
            return true;
        named |= verb_lemma_in(c, i, naming_verbs);
    }
    return called_false_after(c, end, named);
}

/* True when the evidence noun at token n is denied: "no evidence", "not any sign". */
static bool evidence_denied(const clause_ctx *c, long n)
{
    for (long i = n - 1; i >= 0 && n - i <= 3; i--)
        if (word_in(c, i, (const char *const[]){"no", "not", "n't", "without", "little", NULL}))
            return true;
    return false;
}

/* The complementizer "that" (or, for an event noun, "of") that opens the clause of the anchor
 * ("claims that Russia attacked", "reports of a Russian attack"), walking left inside the
 * clause; -1 when the clause has none. */
static long clause_opener(const clause_ctx *c, long anchor, bool noun)
{
    if (noun) {
        long p = phrase_before(c, anchor);
        if (word_is(c, p, "of") || word_is(c, p, "that"))
            return p;
    }
    for (long i = anchor - 1; i >= 0 && anchor - i <= 25; i--) {
        if (word_is(c, i, ";") || word_is(c, i, ":") || is_comma(c, i))
            return -1;
        if (word_is(c, i, "that"))
            return i;
    }
    return -1;
}

/* The accusation whose complement holds the anchor ("accused the junta of executing and
 * raping civilians", "suspected of planning attacks", "blamed for the bombing", "accused of
 * blocking aid in an attempt to force ..."): a preposition before the anchor over the
 * complement's non-finite material, and an accusing verb within a few words before it. */
static bool alleged(const clause_ctx *c, long anchor, bool noun)
{
    if (!noun) { /* a gerund, or an infinitive inside the complement ("... to force") */
        slice s = token_text(&c->art->text, &c->tokens[anchor]);
        if (!slice_ends_with(s, "ing") && !word_is(c, anchor - 1, "to"))
            return false;
    }
    /* over the non-finite material of the complement ("accused of creating a disaster by
     * blocking aid in an attempt to force ..."): no finite verb, ";", "that" or comma */
    for (long i = anchor - 1; i >= 0 && anchor - i <= 30; i--) {
        if (word_is(c, i, ";") || word_is(c, i, ":") || word_is(c, i, "that") || is_comma(c, i) ||
            events_finite_verb(c, i) || upos(c, i) == UPOS_AUX)
            return false;
        if (!word_in(c, i, (const char *const[]){"of", "with", "for", NULL}))
            continue;
        for (long k = i - 1; k >= 0 && i - k <= 6; k--) {
            if (is_punct(c, k) && !is_comma(c, k))
                break;
            if (verb_lemma_in(c, k, accusers))
                return true;
        }
    }
    return false;
}

/* The infinitive of match m states the purpose of a diplomatic act before it ("summoned the
 * ambassador to protest", "flew to Beijing to discuss", "met the envoy to demand"): verbal
 * acts (statements, appeals, consultations, demands, disapproval, rejection, threats,
 * protests) said at the meeting are its content, not a second event; what an agreement is
 * for ("struck a deal to eliminate the arsenal") and what people are trained or equipped for
 * ("training the forces to fight") are not done yet. */
static bool purpose_of_diplomatic_act(const clause_ctx *c, const verbmatch *m, const verb_group *vg)
{
    const char *code = m->rule->code;
    static const char *const verbal[] = {"01", "02", "04", "10", "11", "12", "13", "14", NULL};
    bool is_verbal = false;
    for (size_t k = 0; verbal[k] && !is_verbal; k++)
        is_verbal = code_is(code, verbal[k]);
    verb_group gov;
    if (m->rule->noun || !vg->infinitive || vg->governor >= 0 ||
        !verb_group_previous(c, vg->first, &gov))
        return false;
    /* "struck a deal to eliminate the arsenal": what an agreement is for is not done yet
     * (but an agreement signed to buy arms is the purchase: "signed an agreement with France
     * to buy 36 jets") */
    for (size_t j = 0; j < c->nmatches && !code_is(code, "062"); j++)
        if ((long)c->matches[j].anchor == gov.anchor && !c->matches[j].rule->discard &&
            code_is(c->matches[j].rule->code, "05") && vg->first - gov.anchor > 2)
            return true;
    /* "training the opposition forces to fight against Islamic State": what people are
     * trained, equipped or prepared for is not reported as done */
    for (long k = vg->first - 2; k >= 0 && vg->first - k <= 25; k--) {
        if (word_in(c, k, (const char *const[]){";", ":", ".", NULL}))
            break;
        if (upos(c, k) == UPOS_VERB && verb_lemma_in(c, k, preparers))
            return true;
    }
    if (!is_verbal)
        return false;
    if (verb_lemma_in(c, gov.anchor, diplomatic_acts))
        return true;
    /* or a matched consultation or diplomatic pattern of its own ("held talks ... to") */
    for (size_t j = 0; j < c->nmatches; j++) {
        const pattern *r = c->matches[j].rule;
        if ((long)c->matches[j].anchor == gov.anchor && !r->discard &&
            (code_is(r->code, "04") || code_is(r->code, "114") || code_is(r->code, "161")))
            return true;
    }
    return false;
}

/* An infinitive with its own subject after "for" ("the pressure must continue for Damascus
 * to allow ...", "an agreement for US troops to begin leaving"): wanted or needed, not done. */
static bool for_infinitive(const clause_ctx *c, const verb_group *vg)
{
    if (!vg->infinitive)
        return false;
    for (long i = vg->first - 1; i >= 0 && vg->first - i <= 6; i--) {
        if (word_is(c, i, "for"))
            return i < vg->first - 1;
        if (is_punct(c, i) || is_verb_token(c, i))
            return false;
    }
    return false;
}

/* A gerund in a comparison ("saw it as tantamount to investigating Biden", "akin to
 * invading"): likened, not done. */
static bool compared_gerund(const clause_ctx *c, long anchor)
{
    slice s = token_text(&c->art->text, &c->tokens[anchor]);
    return slice_ends_with(s, "ing") && word_is(c, anchor - 1, "to") &&
           word_in(c, anchor - 2,
                   (const char *const[]){"tantamount", "akin", "equivalent", "equal", "similar",
                                         "comparable", "analogous", "tantamount", NULL});
}

/* A gerund that names a topic ("his address about fighting terrorism", "little to say about
 * defeating the group"): talked about, not done. */
static bool topic_gerund(const clause_ctx *c, long anchor)
{
    slice s = token_text(&c->art->text, &c->tokens[anchor]);
    long before = anchor - 1; /* "bragging about sexually assaulting" */
    if (upos(c, before) == UPOS_ADV &&
        slice_ends_with(token_text(&c->art->text, &c->tokens[before]), "ly"))
        before--;
    return slice_ends_with(s, "ing") && word_is(c, before, "about");
}

/* A question is no assertion ("Would it make ISIL less committed to kill Americans?"). */
static bool in_question(const clause_ctx *c)
{
    for (long i = (long)c->ntokens - 1; i >= 0 && c->tokens[i].kind != TOKEN_WORD; i--)
        if (word_is(c, i, "?"))
            return true;
    return false;
}

/* What an infinitive inherits from the verb it serves ("would consider sending troops to
 * fight": possible; "will deploy soldiers to defeat": planned; "must act to fight": asked
 * for). Returns false when it is asked for (not coded); sets *modality otherwise. */
static bool infinitive_inherits(const clause_ctx *c, const verb_group *group, uint8_t *modality)
{
    verb_group vg = *group, gov;
    /* "to control gun violence and fight ...": a coordinated bare verb shares the infinitive */
    verb_group first;
    if (!vg.infinitive && word_in(c, vg.first - 1, (const char *const[]){"and", "or", NULL}) &&
        verb_group_previous(c, vg.first - 1, &first) && first.infinitive)
        vg = first;
    if (!vg.infinitive || vg.governor >= 0 || !verb_group_previous(c, vg.first, &gov))
        return true;
    if (events_obligation(c, &gov))
        return false;
    uint8_t inherited = events_modality_of(c, &gov);
    if (*modality == MODALITY_ASSERTED && inherited != MODALITY_NEGATED)
        *modality = inherited;
    return true;
}

/* A gerund that a picture shows ("a cartoon of Trump electrocuting Clinton", "footage of
 * soldiers beating ..."): depicted, not reported. */
static bool depicted_gerund(const clause_ctx *c, long anchor)
{
    static const char *const pictures[] = {
        "cartoon",      "cartoons",   "image",      "images",  "picture",   "pictures",
        "photo",        "photos",     "photograph", "drawing", "meme",      "painting",
        "illustration", "caricature", "mural",      "video",   "animation", NULL};
    slice s = token_text(&c->art->text, &c->tokens[anchor]);
    long k = actor_ending(c, anchor - 1);
    long before = k >= 0 ? (long)c->afirst[k] - 1 : anchor - 1;
    if (!slice_ends_with(s, "ing") || !word_is(c, before, "of"))
        return false;
    /* "a cartoon (on social media) of Trump electrocuting ..." */
    for (long i = before - 1; i >= 0 && before - i <= 5; i--) {
        if (is_punct(c, i) || is_verb_token(c, i))
            return false;
        if (word_in(c, i, pictures))
            return true;
    }
    return false;
}

const char *events_stance(const clause_ctx *c, const verbmatch *m, const verb_group *group,
                          uint8_t *modality)
{
    long anchor = m->anchor;
    bool noun = m->rule->noun;
    if (!noun && depicted_gerund(c, anchor))
        return "a picture of it, not the act (\"a cartoon of X doing\")";
    if (!noun && topic_gerund(c, anchor))
        return "a gerund after \"about\": a topic, not an act";
    verb_group vg;
    if (!noun) {
        if (group)
            vg = *group;
        else
            verb_group_find(c, anchor, &vg);
    }
    if (!noun && !infinitive_inherits(c, &vg, modality))
        return "it serves a verb that is asked for (\"must act to\"), not done";
    if (!noun && for_infinitive(c, &vg))
        return "an infinitive after \"for X\": wanted or needed, not done";
    if (!noun && compared_gerund(c, anchor))
        return "a gerund in a comparison (\"tantamount to\"): likened, not done";
    if (!noun && purpose_of_diplomatic_act(c, m, &vg))
        return "the purpose of the act before it (a diplomatic act, a training), not a second "
               "event";
    if (alleged(c, anchor, noun))
        return "an allegation: the accusation is coded, not the act alleged";
    long opener = clause_opener(c, anchor, noun);
    if (opener >= 1) {
        long n = opener - 1;
        /* "claims by Ukraine that", "reports in the media that" */
        for (long k = n; k >= 0 && opener - k <= 4 && !word_in(c, n, claim_nouns); k--)
            if (word_in(c, k, claim_nouns))
                n = k;
        if (word_in(c, n, claim_nouns) && claim_disputed(c, n, anchor + 1))
            return "a claim that is disputed, not an event (\"rejected claims that\")";
        /* "allegations that he assaulted her": the allegation is the event, not its content */
        if (word_is(c, opener, "that") &&
            word_in(c, n,
                    (const char *const[]){"allegation", "allegations", "accusation", "accusations",
                                          NULL}))
            return "an allegation: the accusation is coded, not the act alleged";
        if (word_in(c, n, evidence_nouns) && evidence_denied(c, n))
            return "no evidence is said to exist for it (\"no evidence that\")";
        /* "denied that its forces attacked", "flatly denies that" */
        long v = opener - 1;
        while (v >= 0 && opener - v <= 3 && is_adverb_word(c, v))
            v--;
        if (word_is(c, opener, "that") &&
            verb_lemma_in(c, v, (const char *const[]){"deny", "refute", NULL}) &&
            !events_negated_before(c, v)) {
            *modality = MODALITY_NEGATED;
            return NULL;
        }
    }
    /* "Russia denied its troops had attacked": a clause without "that" */
    if (!noun) {
        long v = phrase_before(c, vg.first);
        if (v < vg.first - 1 && verb_lemma_in(c, v, (const char *const[]){"deny", NULL}) &&
            upos(c, v) == UPOS_VERB && !events_negated_before(c, v)) {
            *modality = MODALITY_NEGATED;
            return NULL;
        }
    }
    if ((events_in_condition(c, anchor) || in_question(c)) && *modality != MODALITY_NEGATED)
        *modality = MODALITY_HYPOTHETICAL;
    return NULL;
}
