/* stance.c - claims and denials as structure (attribution stage): what a source does with its
 * content. "Russia denied that its troops shelled the plant", "rejected claims that ...",
 * "dismissed reports of ..." deny a claim; "doubted that", "questioned whether", "does not
 * believe that", "it is unclear whether" doubt it; "there is no evidence that" denies it in
 * the article's own voice. Each frame gets its stance and the claim it denies or doubts; the
 * event coder makes an event inside a denied claim negated (events/emit.c).
 */
#include "attribution_internal.h"

/* Verbs that deny whatever they take: "denied shelling the plant", "refuted the report". */
static const char *const deny_always[] = {"deny",     "denies",  "denied",   "denying", "refute",
                                          "refutes",  "refuted", "refuting", "rebut",   "rebuts",
                                          "rebutted", "debunk",  "debunked"};

static const char *const deny_words[] = {
    "deny",     "denies",    "denied",     "denying",      "reject",    "rejects",
    "rejected", "rejecting", "dismiss",    "dismisses",    "dismissed", "dismissing",
    "refute",   "refutes",   "refuted",    "refuting",     "rebut",     "rebuts",
    "rebutted", "rebutting", "dispute",    "disputes",     "disputed",  "disputing",
    "disavow",  "disavowed", "contradict", "contradicted", "debunk",    "debunked"};

static const char *const doubt_words[] = {
    "doubt",      "doubts",      "doubted",   "doubting",   "question",    "questions",
    "questioned", "questioning", "challenge", "challenged", "challenges",  "wonder",
    "wondered",   "wonders",     "skeptical", "sceptical",  "unconvinced", "unsure"};

/* Cues whose negation doubts the content: "does not believe that", "could not confirm". */
static const char *const negatable_words[] = {
    "believe", "believes", "believed", "think", "thinks", "thought",  "expect",
    "expects", "expected", "know",     "knows", "knew",   "confirm",  "confirmed",
    "verify",  "verified", "see",      "sees",  "saw",    "convinced"};

/* Nouns that name a claim: "rejected claims that ...", "dismissed reports of ...". */
static const char *const claim_nouns[] = {"claim",       "claims",           "report",
                                          "reports",     "allegation",       "allegations",
                                          "accusation",  "accusations",      "suggestion",
                                          "suggestions", "assertion",        "assertions",
                                          "charge",      "charges",          "rumor",
                                          "rumors",      "rumour",           "rumours",
                                          "speculation", "notion",           "idea",
                                          "story",       "stories",          "assessment",
                                          "contention",  "characterization", "characterisation",
                                          "narrative",   "statement",        "statements",
                                          "remarks",     "comments",         "criticism",
                                          "insinuation", "insinuations"};

static bool word_in(const frame_ctx *c, size_t i, const char *const *list, size_t n)
{
    word_list l = {list, n};
    return attribution_tok_in(c, i, &l);
}

#define WORD_IN(c, i, list) word_in(c, i, list, ARRAY_LEN(list))

/* The claim inside a content [k, e): after its "that", after "claims that" or "reports of". */
static void set_claim(const frame_ctx *c, attribution *f, size_t k, size_t e)
{
    if (k < e && tok_is(c, k, "that"))
        k++;
    else {
        size_t j = k;
        while (j < e && j < k + 4 &&
               (TOK_IN(c, j, attribution_determiners) || c->tokens[j].upos == UPOS_ADJ))
            j++;
        if (j < e && WORD_IN(c, j, claim_nouns) && j + 1 < e &&
            (tok_is(c, j + 1, "that") || tok_is(c, j + 1, "of") || tok_is(c, j + 1, "about")))
            k = j + 2;
    }
    if (k >= e)
        return;
    f->claim.start = c->tokens[k].start;
    f->claim.end = c->tokens[e - 1].end;
}

/* Does the content [k, e) state a claim: a that-clause, or a noun naming one ("claims that",
 * "the report", "allegations of")? */
static bool names_claim(const frame_ctx *c, size_t k, size_t e)
{
    if (k < e && tok_is(c, k, "that"))
        return true;
    for (size_t j = k; j < e && j < k + 5; j++)
        if (WORD_IN(c, j, claim_nouns))
            return true;
    return false;
}

/* "there is no evidence that", "no evidence has emerged that", "it is unclear whether":
 * the token after the pattern (its "that"/"whether" included) and its stance, or 0. */
static size_t evidence_pattern(const frame_ctx *c, size_t i, size_t end, uint8_t *stance)
{
    /* (there|it) (is|was|has been|remains) (no|little|not) ... */
    if (tok_is(c, i, "no") || tok_is(c, i, "little")) {
        size_t j = i + 1;
        while (j < end && j < i + 4 &&
               (c->tokens[j].upos == UPOS_ADJ || tok_is(c, j, "hard") || tok_is(c, j, "public") ||
                tok_is(c, j, "credible")))
            j++;
        if (j < end && tok_is(c, j, "evidence")) {
            size_t k = j + 1;
            if (k + 2 < end && (tok_is(c, k, "has") || tok_is(c, k, "had")) &&
                (tok_is(c, k + 1, "emerged") || tok_is(c, k + 1, "surfaced")))
                k += 2;
            if (k < end && (tok_is(c, k, "that") || tok_is(c, k, "of") || tok_is(c, k, "to"))) {
                *stance = tok_is(c, i, "no") ? STANCE_DENIES : STANCE_DOUBTS;
                return k;
            }
        }
        return 0;
    }
    if ((tok_is(c, i, "unclear") || (tok_is(c, i, "clear") && i > 0 &&
                                     (tok_is(c, i - 1, "not") || tok_is(c, i - 1, "n't")))) &&
        i + 1 < end && (tok_is(c, i + 1, "whether") || tok_is(c, i + 1, "if"))) {
        *stance = STANCE_DOUBTS;
        return i + 1;
    }
    return 0;
}

/* The first token of the pattern's clause: "there", "it", or the pattern word itself. */
static size_t pattern_start(const frame_ctx *c, size_t first, size_t i)
{
    size_t s = i;
    while (s > first && s + 5 > i &&
           (TOK_IN(c, s - 1, attribution_auxiliaries) || tok_is(c, s - 1, "there") ||
            tok_is(c, s - 1, "it") || tok_is(c, s - 1, "remains") || tok_is(c, s - 1, "seems")))
        s--;
    return s;
}

sitrep_status attribution_read_stance(arena *a, const frame_ctx *c, frame_list *list)
{
    /* the frames' own cues */
    for (size_t n = 0; n < list->count; n++) {
        attribution *f = &list->items[n];
        if (f->content.end <= f->content.start || f->cue.end <= f->cue.start)
            continue;
        size_t cs = attribution_token_at(c, f->cue.start), ce = attribution_token_at(c, f->cue.end);
        bool negated = false, deny = false, doubt = false, negatable = false, always = false;
        for (size_t k = cs; k < ce && k < c->ntokens; k++) {
            negated |= tok_is(c, k, "not") || tok_is(c, k, "n't") || tok_is(c, k, "n’t") ||
                       tok_is(c, k, "never");
            deny |= WORD_IN(c, k, deny_words);
            always |= WORD_IN(c, k, deny_always);
            doubt |= WORD_IN(c, k, doubt_words);
            negatable |= WORD_IN(c, k, negatable_words);
        }
        /* "rejected the French call for a ceasefire" rejects a proposal, not a claim: reject,
         * dismiss, dispute deny only a that-clause or a claim ("rejected claims that ...") */
        if (deny && !always && !names_claim(c, f->content_first, f->content_last))
            deny = false;
        uint8_t stance = deny && !negated                 ? STANCE_DENIES
                         : doubt && !negated              ? STANCE_DOUBTS
                         : negated && (negatable || deny) ? STANCE_DOUBTS
                                                          : STANCE_ASSERTS;
        size_t k = f->content_first, e = f->content_last;
        /* "said there is no evidence that ...": the content denies its own claim */
        if (stance == STANCE_ASSERTS && !f->direct) {
            for (size_t j = k; j < e && j < k + 8; j++) {
                uint8_t inner;
                size_t after = evidence_pattern(c, j, e, &inner);
                if (after) {
                    stance = inner;
                    k = after;
                    break;
                }
            }
        }
        f->stance = stance;
        if (stance != STANCE_ASSERTS)
            set_claim(c, f, k, e);
    }
    /* the article's own voice: "There is no evidence that the drone came from Iran." */
    size_t frame = 0, original = list->count;
    for (size_t s = 0; s < c->art->text.nsentences; s++) {
        const sentence *sent = &c->art->text.sentences[s];
        size_t first = sent->first_token, end = first + sent->ntokens;
        bool covered = false;
        while (frame < original && list->items[frame].sentence < s)
            frame++;
        for (size_t j = frame; j < original && list->items[j].sentence == s; j++)
            covered = true;
        if (covered)
            continue;
        for (size_t i = first; i < end; i++) {
            if (c->quote_end[i] >= 0) {
                i = (size_t)c->quote_end[i];
                continue;
            }
            uint8_t stance;
            size_t after = evidence_pattern(c, i, end, &stance);
            if (!after)
                continue;
            attribution f;
            memset(&f, 0, sizeof f);
            f.sentence = (uint32_t)s;
            f.parent = -1;
            f.speaker_actor = -1;
            f.kind = ATTRIB_PUBLISHER;
            f.cue_class = CUE_BELIEF;
            f.stance = stance;
            size_t ps = pattern_start(c, first, i);
            f.cue.start = c->tokens[ps].start;
            f.cue.end = c->tokens[after - 1].end;
            attribution_set_content(c, &f, after, end, false);
            if (f.content.end <= f.content.start)
                break;
            set_claim(c, &f, after, f.content_last);
            sitrep_status status = attribution_push(a, list, &f);
            if (status)
                return status;
            break;
        }
    }
    return SITREP_OK;
}
