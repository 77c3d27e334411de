/* verbs.c - matches the verb and event-noun patterns of lexicon/patterns.c over a sentence.
 *
 * Each token whose lemma anchors patterns is tried against them: words before the anchor are
 * matched leftwards, the rest rightwards with backtracking over optional words, gaps and role
 * slots. Words are compared as integers: each token is mapped once to the pattern-word ids of
 * its lemma and of its lower-case form (lexicon/patterns.c interns every pattern word at
 * load). The event coder (events/) turns the matches and their slots into events.
 */
#include "match.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

typedef struct match_state {
    const char *text;
    const token *tokens;
    size_t ntokens;
    const slice *lemmas;
    const uint32_t *lemma_id, *surface_id; /* per token: pattern_word_id of lemma, of form */
    const pattern *rule;
    int32_t slot[PATTERN_ROLES];
    uint32_t last;
    int words;      /* word elements matched (optional ones included) */
    unsigned steps; /* backtracking steps left for this pattern (a cap on pathological ones) */
} match_state;

#define VERBMATCH_STEPS 20000

static bool token_is_word(const token *t)
{
    return t->kind == TOKEN_WORD || t->kind == TOKEN_ABBREV || t->kind == TOKEN_NUMBER ||
           t->kind == TOKEN_CLITIC;
}

static bool token_word_in(const match_state *m, size_t i, const char *const *words)
{
    if (i >= m->ntokens)
        return false;
    const token *t = &m->tokens[i];
    size_t n = t->end - t->start;
    for (size_t k = 0; words[k]; k++)
        if (strlen(words[k]) == n && strncasecmp(m->text + t->start, words[k], n) == 0)
            return true;
    return false;
}

/* Function words that cannot begin a role's phrase ("fired by Russia": "by" is no target).
 * Tagged tokens are judged by their tag instead. */
static bool slot_can_start(const match_state *m, size_t i)
{
    const token *t = &m->tokens[i];
    if (!token_is_word(t))
        return false;
    /* wh-words open a clause, whatever their tag ("were killed when Russian missiles hit") */
    static const char *const wh[] = {"when", "where", "while",   "which",    "who",
                                     "whom", "whose", "whereas", "whenever", NULL};
    if (t->upos != UPOS_NONE)
        return t->upos != UPOS_ADP && t->upos != UPOS_CCONJ && t->upos != UPOS_SCONJ &&
               t->upos != UPOS_PART && t->upos != UPOS_AUX && t->upos != UPOS_VERB &&
               !((t->upos == UPOS_ADV || t->upos == UPOS_PRON || t->upos == UPOS_DET) &&
                 (m->text[t->start] | 0x20) == 'w' && token_word_in(m, i, wh));
    static const char *const stop[] = {
        "by",     "of",      "at",      "on",      "in",     "to",      "for",     "with",
        "from",   "into",    "onto",    "upon",    "over",   "under",   "about",   "after",
        "before", "that",    "which",   "who",     "whom",   "whose",   "and",     "or",
        "but",    "nor",     "if",      "as",      "than",   "because", "while",   "when",
        "where",  "is",      "are",     "was",     "were",   "be",      "been",    "being",
        "has",    "have",    "had",     "will",    "would",  "could",   "should",  "may",
        "might",  "must",    "can",     "not",     "also",   "then",    "during",  "since",
        "until",  "despite", "without", "against", "across", "through", "between", "among",
        "amid",   "near",    "toward",  "towards"};
    slice word = slice_make(m->text + t->start, t->end - t->start);
    for (size_t k = 0; k < ARRAY_LEN(stop); k++)
        if (slice_eq_nocase(word, stop[k]))
            return false;
    return true;
}

/* Gaps and role phrases do not run over punctuation and dashes (commas end phrases); a
 * hyphen inside a word ("a Turkish-managed vessel", "pro-Russian") is part of the phrase. */
static bool token_blocks(const match_state *m, size_t i)
{
    const token *t = &m->tokens[i];
    if (t->kind != TOKEN_PUNCT && t->kind != TOKEN_DASH)
        return false;
    bool glued = t->end == t->start + 1 && m->text[t->start] == '-' && i > 0 &&
                 i + 1 < m->ntokens && !(t->flags & TOKEN_SPACE_BEFORE) &&
                 !(m->tokens[i + 1].flags & TOKEN_SPACE_BEFORE) &&
                 token_is_word(&m->tokens[i - 1]) && token_is_word(&m->tokens[i + 1]);
    return !glued;
}

/* Number of tokens the alternative (the ids of its words, PATTERN_WORD_NONE-ended) covers
 * starting at token `start`, 0 when it does not match there: a token matches a word by its
 * lemma or its lower-case surface form. */
static size_t alt_match_at(const match_state *m, size_t start, const uint32_t *alt)
{
    size_t count = 0;
    for (; alt[count] != PATTERN_WORD_NONE; count++) {
        size_t i = start + count;
        if (i >= m->ntokens || (m->lemma_id[i] != alt[count] && m->surface_id[i] != alt[count]))
            return 0;
    }
    return count;
}

static size_t alt_words(const uint32_t *alt)
{
    size_t n = 0;
    while (alt[n] != PATTERN_WORD_NONE)
        n++;
    return n;
}

/* Tokens of a short time adjunct starting at token i, 0 when none: "on Monday", "on Friday
 * night", "last week", "this month", "earlier this year", "yesterday". News puts one between
 * a verb and its object ("signed on Monday a historic pact"); a gap skips it without counting
 * it. */
static size_t time_adjunct_len(const match_state *m, size_t i)
{
    static const char *const days[] = {"monday", "tuesday",  "wednesday", "thursday",
                                       "friday", "saturday", "sunday",    NULL};
    static const char *const parts[] = {"morning", "afternoon", "evening", "night", NULL};
    static const char *const units[] = {"week",   "month",  "year",   "weekend", "summer",
                                        "winter", "spring", "autumn", "fall",    NULL};
    static const char *const deictic[] = {"yesterday", "today", "tonight", "overnight", NULL};
    if (i >= m->ntokens || m->tokens[i].end - m->tokens[i].start > 9)
        return 0;
    /* every first word starts with one of these letters: most tokens stop here (a gap that
     * fails calls this on every pattern tried) */
    char first = (char)(m->text[m->tokens[i].start] | 0x20);
    if (!strchr("oltey", first))
        return 0;
    if (token_word_in(m, i, deictic))
        return 1;
    if (token_word_in(m, i, (const char *const[]){"on", NULL}) && token_word_in(m, i + 1, days))
        return token_word_in(m, i + 2, parts) ? 3 : 2;
    size_t k = 0;
    if (token_word_in(m, i, (const char *const[]){"earlier", "later", NULL}))
        k = 1;
    if (token_word_in(m, i + k, (const char *const[]){"last", "this", NULL}) &&
        token_word_in(m, i + k + 1, units))
        return k + 2;
    return 0;
}

/* Tokens of an amount phrase starting at token i that ends in "in", "of" or "worth of", or in
 * "more" or "additional", 0 when none: "another $500 million in (military aid)", "$1.2 billion
 * worth of (weapons)", "an additional 3,000 tonnes of (food)", "four more (Patriot systems)". News
 * puts one between a verb and what it gives; a gap skips it without counting it. */
static size_t amount_len(const match_state *m, size_t i)
{
    static const char *const leads[] = {"another", "additional", "further", "nearly", "about",
                                        "around",  "some",       "over",    NULL};
    static const char *const units[] = {"dollars", "euros",  "pounds", "yuan", "rubles",
                                        "roubles", "rupees", "tonnes", "tons", "units",
                                        "rounds",  "doses",  "pieces", NULL};
    if (i >= m->ntokens)
        return 0;
    char first = (char)(m->text[m->tokens[i].start] | 0x20);
    if (!strchr("$afnso0123456789", first) && !(m->text[m->tokens[i].start] & 0x80) &&
        m->tokens[i].upos != UPOS_NUM) /* "two more", "three additional" */
        return 0;
    size_t k = i;
    if (token_word_in(m, k, (const char *const[]){"a", "an", NULL}) &&
        token_word_in(m, k + 1, (const char *const[]){"additional", "further", NULL}))
        k++;
    if (token_word_in(m, k, leads))
        k++;
    if (k < m->ntokens && m->tokens[k].upos == UPOS_SYM) /* $ € £ */
        k++;
    size_t numbers = 0;
    while (k < m->ntokens && m->tokens[k].upos == UPOS_NUM && numbers < 3) {
        k++;
        numbers++;
    }
    if (!numbers)
        return 0;
    /* "four more Patriot systems", "two additional battalions" */
    if (token_word_in(m, k, (const char *const[]){"more", "additional", "new", "extra", NULL}))
        return k + 1 - i;
    if (token_word_in(m, k, units))
        k++;
    if (token_word_in(m, k, (const char *const[]){"worth", NULL}) &&
        token_word_in(m, k + 1, (const char *const[]){"of", NULL}))
        return k + 2 - i;
    return token_word_in(m, k, (const char *const[]){"in", "of", NULL}) ? k + 1 - i : 0;
}

/* Matches elems[e..] rightwards from token pos. */
static bool match_right(match_state *m, int e, size_t pos)
{
    const pattern *p = m->rule;
    if (m->steps == 0 || --m->steps == 0)
        return false;
    if (e == p->nelems) {
        m->last = (uint32_t)(pos - 1);
        return true;
    }
    const pattern_elem *elem = &p->elems[e];
    switch (elem->kind) {
    case PATTERN_WORD:
        for (size_t k = 0; pos < m->ntokens && k < elem->nwords; k++) {
            size_t n = alt_match_at(m, pos, elem->ids[k]);
            if (n == 0)
                continue;
            m->words += (int)n;
            if (match_right(m, e + 1, pos + n))
                return true;
            m->words -= (int)n;
        }
        return elem->optional && match_right(m, e + 1, pos);
    case PATTERN_GAP: {
        for (size_t k = 0; k <= PATTERN_GAP_MAX && pos + k <= m->ntokens; k++) {
            if (k > 0 && token_blocks(m, pos + k - 1))
                break;
            if (match_right(m, e + 1, pos + k))
                return true;
        }
        size_t t = time_adjunct_len(m, pos); /* "signed on Monday a historic pact" */
        if (!t)
            t = amount_len(m, pos); /* "send another $500 million in military aid" */
        for (size_t k = 0; t > 0 && k <= PATTERN_GAP_MAX && pos + t + k <= m->ntokens; k++) {
            if (k > 0 && token_blocks(m, pos + t + k - 1))
                break;
            if (pos + t + k > pos + PATTERN_GAP_MAX && match_right(m, e + 1, pos + t + k))
                return true;
        }
        return false;
    }
    case PATTERN_SLOT:
        if (pos >= m->ntokens || !slot_can_start(m, pos))
            return false;
        m->slot[elem->role] = (int32_t)pos;
        if (e + 1 == p->nelems) {
            m->last = (uint32_t)pos;
            return true;
        }
        for (size_t k = 1; k <= PATTERN_SLOT_GAP && pos + k < m->ntokens; k++) {
            if (token_blocks(m, pos + k - 1))
                break;
            if (match_right(m, e + 1, pos + k))
                return true;
        }
        m->slot[elem->role] = -1;
        return false;
    default:
        return false;
    }
}

/* Matches elems[e..0] leftwards ending at token pos (pos = index of the token just before
 * what was matched so far, or -1). Sets *first. */
static bool match_left(match_state *m, int e, long pos, long *first)
{
    if (e < 0) {
        *first = pos + 1;
        return true;
    }
    if (m->steps == 0 || --m->steps == 0)
        return false;
    const pattern_elem *elem = &m->rule->elems[e];
    if (elem->kind == PATTERN_GAP) {
        for (long k = 0; k <= PATTERN_GAP_MAX && pos - k >= -1; k++) {
            if (k > 0 && token_blocks(m, (size_t)(pos - k + 1)))
                break;
            if (match_left(m, e - 1, pos - k, first))
                return true;
        }
        return false;
    }
    for (size_t k = 0; pos >= 0 && k < elem->nwords; k++) {
        long n = (long)alt_words(elem->ids[k]);
        if (pos - n + 1 < 0 || alt_match_at(m, (size_t)(pos - n + 1), elem->ids[k]) == 0)
            continue;
        m->words += (int)n;
        if (match_left(m, e - 1, pos - n, first))
            return true;
        m->words -= (int)n;
    }
    return elem->optional && match_left(m, e - 1, pos, first);
}

/* Without tags, a capitalised word inside a sentence that is not in title case is taken for a
 * name ("the author of Bomb Hunters", "Henry James"): it anchors noun patterns only. */
#define VERBMATCH_NOUN_AS_VERB_WORDS 3 /* words a verb pattern on a NOUN-tagged token needs */

/* "lodged a formal protest over the visit": a word the tagger read as a noun after an article
 * (adjectives between) is that noun, not a verb the tagger missed; unless a capitalised
 * adjective names whose act it is ("rejected the French call for a ceasefire"). After a
 * possessive or "no" a missed verb stays possible (TABARI's suite: "postponed their meet",
 * "show no sign with"). */
static bool after_article(const match_state *m, size_t i)
{
    size_t k = i;
    while (k > 0 && (m->tokens[k - 1].upos == UPOS_ADJ || m->tokens[k - 1].upos == UPOS_PROPN)) {
        if (m->tokens[k - 1].flags & TOKEN_UPPER)
            return false;
        k--;
    }
    return k > 0 && token_word_in(m, k - 1, (const char *const[]){"a", "an", "the", NULL});
}

/* True when token i is a participle the tagger read as an adjective after a form of "be"
 * ("have been involved in talks", "were wounded"): a passive verb for the patterns. */
static bool adjectival_participle(const match_state *m, size_t i)
{
    static const char *const be[] = {"be", "is", "are", "was", "were", "been", "being", NULL};
    const token *t = &m->tokens[i];
    size_t n = t->end - t->start;
    if (t->upos != UPOS_ADJ || i == 0 || n < 4 || memcmp(m->text + t->end - 2, "ed", 2) != 0)
        return false;
    const token *b = &m->tokens[i - 1];
    for (size_t k = 0; be[k]; k++)
        if (b->end - b->start == strlen(be[k]) &&
            strncasecmp(m->text + b->start, be[k], b->end - b->start) == 0)
            return true;
    return false;
}

static bool pos_allows(const match_state *m, size_t i, const pattern *p, const token *t,
                       bool name_like)
{
    if (p->discard) /* discards describe word sequences, whatever the tags say */
        return true;
    if (t->upos == UPOS_NONE)
        return p->noun || !name_like;
    if (p->noun)
        return t->upos == UPOS_NOUN || t->upos == UPOS_PROPN;
    return t->upos == UPOS_VERB || t->upos == UPOS_AUX || adjectival_participle(m, i);
}

/* Tries one pattern anchored at token i; fills *out on success and returns its score. */
static bool try_pattern(match_state *m, const pattern *p, size_t i, verbmatch *out, int *score)
{
    m->rule = p;
    for (int r = 0; r < PATTERN_ROLES; r++)
        m->slot[r] = -1;
    m->words = 1; /* the anchor */
    m->steps = VERBMATCH_STEPS;
    long first;
    if (!match_left(m, p->anchor - 1, (long)i - 1, &first))
        return false;
    if (!match_right(m, p->anchor + 1, i + 1))
        return false;
    out->rule = p;
    out->anchor = (uint32_t)i;
    out->first = (uint32_t)first;
    out->last = m->last;
    memcpy(out->slot, m->slot, sizeof out->slot);
    out->words = (uint32_t)m->words;
    *score = m->words;
    return true;
}

/* The first token of the passive subject when token i is a past participle after a form of
 * "be" or "get" (up to two adverbs between: "was reportedly seized"; auxiliaries before it:
 * "had been rammed"), -1 otherwise; *be gets the first auxiliary. The subject runs back from
 * the auxiliary to the clause start (a comma, semicolon, colon, quote, relative word or another
 * verb), at most 10 tokens; right after a relative word it is empty (the first auxiliary). */
static long passive_subject(const match_state *m, size_t i, long *be)
{
    static const char *const aux[] = {"is",    "are", "was",  "were", "be",     "been",
                                      "being", "get", "gets", "got",  "gotten", NULL};
    static const char *const ends[] = {"that", "which", "who", "whom", "whose", NULL};
    /* participles of a state, not an act done to the subject ("were engaged in ethnic
     * cleansing", "is committed to", "are linked to") */
    static const char *const states[] = {
        "engaged",    "involved",  "embroiled", "mired",      "locked",   "bogged",
        "interested", "concerned", "committed", "determined", "prepared", "used",
        "tied",       "linked",    "allied",    "aligned",    NULL};
    const token *t = &m->tokens[i];
    size_t n = t->end - t->start;
    if ((n >= 3 && strncasecmp(m->text + t->end - 3, "ing", 3) == 0) || token_word_in(m, i, states))
        return -1;
    long b = (long)i - 1;
    while (b >= 0 && (long)i - b <= 2 && m->tokens[b].upos == UPOS_ADV)
        b--;
    if (b < 1 || !token_word_in(m, (size_t)b, aux))
        return -1;
    /* "had been rammed", "will be summoned": the auxiliaries before "be" */
    while (b >= 2 && (m->tokens[b - 1].upos == UPOS_AUX ||
                      token_word_in(m, (size_t)b - 1, (const char *const[]){"not", NULL})))
        b--;
    long first = b;
    bool relative = false; /* "a boat that had been rammed by": the antecedent is the subject */
    for (long k = b - 1; k >= 0 && b - k <= 10; k--) {
        const token *w = &m->tokens[k];
        relative = k == b - 1 && token_word_in(m, (size_t)k, ends);
        if (w->kind == TOKEN_PUNCT || w->kind == TOKEN_DASH || w->kind == TOKEN_QUOTE ||
            w->upos == UPOS_VERB || w->upos == UPOS_AUX || token_word_in(m, (size_t)k, ends))
            break;
        first = k;
    }
    *be = b;
    return first < b || relative ? first : -1;
}

/* True when a "by" phrase follows the participle at i within four tokens of its clause: a
 * pattern that only wants a role after its verb ("capture $T") reads a passive only with its
 * agent named ("were captured by Russian troops"; "was hit with the release of a video" or
 * "be fired" are other senses as often as not). */
static bool by_agent(const match_state *m, size_t i)
{
    for (size_t k = i + 1; k < m->ntokens && k <= i + 4; k++) {
        if (token_blocks(m, k))
            return false;
        if (token_word_in(m, k, (const char *const[]){"by", NULL}))
            return k + 1 < m->ntokens && token_is_word(&m->tokens[k + 1]);
    }
    return false;
}

/* A pattern's passive reading ("the Russian ambassador was summoned", "three soldiers were
 * captured by ..."): what the active pattern wants after its verb, one word element or one
 * role slot (gaps aside), is the passive subject. A word element must stand in the subject;
 * a slot is left empty (the coder takes the subject as the target of a passive) and needs a
 * "by" agent. Only for
 * verb patterns and discards anchored on their first element. */
static bool try_passive(match_state *m, const pattern *p, size_t i, verbmatch *out, int *score)
{
    if (p->noun || p->anchor != 0)
        return false;
    const pattern_elem *want = NULL;
    for (int e = 1; e < p->nelems; e++) {
        if (p->elems[e].kind == PATTERN_GAP)
            continue;
        if (want || (p->elems[e].kind != PATTERN_WORD && p->elems[e].kind != PATTERN_SLOT) ||
            p->elems[e].optional)
            return false;
        want = &p->elems[e];
    }
    long be;
    long subject = want ? passive_subject(m, i, &be) : -1;
    if (subject < 0)
        return false;
    int words = 1;
    if (want->kind == PATTERN_WORD) {
        bool found = false;
        /* the word heads the subject: it ends it, or a phrase of "of", "from" or "in" follows
         * ("the ambassador of Russia was summoned"; not "Trump's campaign manager will not be
         * prosecuted", read as "prosecute ... campaign") */
        for (long k = subject; k < be && !found; k++)
            for (size_t a = 0; a < want->nwords && !found; a++) {
                size_t n = alt_match_at(m, (size_t)k, want->ids[a]);
                if (n > 0 && k + (long)n <= be &&
                    (k + (long)n == be ||
                     token_word_in(m, (size_t)(k + (long)n),
                                   (const char *const[]){"of", "from", "in", NULL}))) {
                    found = true;
                    words += (int)n;
                }
            }
        if (!found)
            return false;
    } else if (!by_agent(m, i)) {
        return false;
    }
    out->rule = p;
    out->anchor = out->first = out->last = (uint32_t)i;
    for (int r = 0; r < PATTERN_ROLES; r++)
        out->slot[r] = -1;
    out->words = (uint32_t)words;
    *score = words;
    return true;
}

static bool better(const verbmatch *a, int score_a, const verbmatch *b, int score_b)
{
    if (score_a != score_b)
        return score_a > score_b;
    if (a->rule->discard != b->rule->discard)
        return a->rule->discard; /* at equal specificity an idiom beats an event */
    uint32_t span_a = a->last - a->first, span_b = b->last - b->first;
    if (span_a != span_b)
        return span_a > span_b;
    return a->rule < b->rule; /* earlier in the files */
}

size_t verbmatch_sentence(const pattern_set *set, const char *text, const token *tokens,
                          size_t ntokens, const slice *lemmas, verbmatch *out, size_t max)
{
    /* each token's ids, once: on the stack for ordinary sentences */
    uint32_t stack_ids[2 * 256];
    uint32_t *ids = ntokens <= 256 ? stack_ids : xmalloc(2 * ntokens * sizeof *ids);
    for (size_t i = 0; i < ntokens; i++) {
        ids[i] = pattern_word_id(set, lemmas[i].ptr, lemmas[i].len, false);
        ids[ntokens + i] =
            pattern_word_id(set, text + tokens[i].start, tokens[i].end - tokens[i].start, true);
    }
    match_state m = {.text = text,
                     .tokens = tokens,
                     .ntokens = ntokens,
                     .lemmas = lemmas,
                     .lemma_id = ids,
                     .surface_id = ids + ntokens};
    size_t words = 0, capitalised = 0;
    for (size_t i = 0; i < ntokens; i++) {
        words += tokens[i].kind == TOKEN_WORD;
        capitalised += tokens[i].kind == TOKEN_WORD && (tokens[i].flags & TOKEN_UPPER);
    }
    bool title_case = capitalised * 10 >= words * 6; /* a headline in Title Case */
    verbmatch found[VERBMATCH_MAX];
    size_t nfound = 0, total = 0;
    for (size_t i = 0; i < ntokens; i++) {
        if (tokens[i].kind != TOKEN_WORD)
            continue;
        /* candidates: patterns keyed by the lemma and by the lower-case surface form (equal
         * ids: the same word) */
        size_t slen = tokens[i].end - tokens[i].start;
        const uint32_t *lists[2] = {NULL, NULL};
        size_t counts[2] = {0, 0};
        lists[0] = pattern_set_find_id(set, m.lemma_id[i], &counts[0]);
        if (slen <= LEMMA_MAX_WORD && m.surface_id[i] != m.lemma_id[i])
            lists[1] = pattern_set_find_id(set, m.surface_id[i], &counts[1]);
        verbmatch best;
        int best_score = -1, best_list = 0;
        bool passive_best = false;
        verbmatch active = {0};
        bool had_active = false;
        for (int l = 0; l < 2; l++) {
            for (size_t k = 0; k < counts[l]; k++) {
                if (l == 1 && lists[0]) { /* skip patterns already tried under the lemma */
                    bool dup = false;
                    for (size_t j = 0; j < counts[0] && !dup; j++)
                        dup = lists[0][j] == lists[1][k];
                    if (dup)
                        continue;
                }
                const pattern *p = pattern_set_at(set, lists[l][k]);
                bool name_like =
                    !title_case && i > 0 && (tokens[i].flags & TOKEN_UPPER) &&
                    tokens[i - 1].kind != TOKEN_QUOTE &&
                    !(tokens[i - 1].kind == TOKEN_PUNCT && text[tokens[i - 1].start] == ':');
                /* a verb the tagger took for a noun still anchors a verb pattern when two
                 * more of its words match ("help the army drive Kyiv's forces out of ...") */
                bool noun_as_verb = !p->noun && !p->discard && tokens[i].upos == UPOS_NOUN;
                if (noun_as_verb ? after_article(&m, i)
                                 : !pos_allows(&m, i, p, &tokens[i], name_like))
                    continue;
                verbmatch candidate;
                int score;
                /* at equal words, a pattern written for the inflected form ("left") beats
                 * one for the lemma ("leave") */
                if (try_pattern(&m, p, i, &candidate, &score) &&
                    (!noun_as_verb || score >= VERBMATCH_NOUN_AS_VERB_WORDS) &&
                    (best_score < 0 || (score == best_score && l > best_list) ||
                     (!(score == best_score && l < best_list) &&
                      better(&candidate, score, &best, best_score)))) {
                    best = candidate;
                    best_score = score;
                    best_list = l;
                }
            }
        }
        if (best_score >= 0) {
            active = best;
            had_active = true;
        }
        /* passive readings, a second choice: one wins only with more words than every active
         * match ("was summoned": summon ... ambassador over a bare summon) */
        for (int l = 0; l < 2; l++) {
            for (size_t k = 0; k < counts[l]; k++) {
                const pattern *p = pattern_set_at(set, lists[l][k]);
                verbmatch candidate;
                int score;
                if (pos_allows(&m, i, p, &tokens[i], false) &&
                    try_passive(&m, p, i, &candidate, &score) &&
                    (best_score < 0 || score > best_score ||
                     (score == best_score && passive_best &&
                      better(&candidate, score, &best, best_score)))) {
                    best = candidate;
                    best_score = score;
                    passive_best = true;
                }
            }
        }
        /* "were provided to Vietnam": a role the active reading found after the verb stays */
        if (passive_best && had_active) {
            for (int r = 0; r < PATTERN_ROLES; r++)
                if (best.slot[r] < 0)
                    best.slot[r] = active.slot[r];
            if (active.last > best.last)
                best.last = active.last;
        }
        if (best_score < 0)
            continue;
        total++;
        if (nfound < VERBMATCH_MAX)
            found[nfound++] = best;
    }
    /* a discard removes the events anchored inside its span, and the events whose span
     * holds the discard's anchor ("holding contests before March 1": March is no march); a
     * one-word pattern anchored inside another event's span is dropped ("lifting the
     * embargo" is one event, 085, not also an embargo) */
    bool skip = false; /* a sentence-level discard (SKIP) leaves only the discards */
    for (size_t i = 0; i < nfound; i++)
        skip = skip || found[i].rule->skip;
    size_t kept = 0;
    for (size_t i = 0; i < nfound; i++) {
        bool covered = skip && !found[i].rule->discard;
        for (size_t j = 0; j < nfound && !covered; j++) {
            if (j == i || found[i].rule->discard)
                continue;
            bool inside = found[i].anchor >= found[j].first && found[i].anchor <= found[j].last;
            if (found[j].rule->discard)
                covered = inside ||
                          (found[j].anchor >= found[i].first && found[j].anchor <= found[i].last);
            else /* a bare word inside another event's frame is part of that frame */
                covered = inside && found[i].rule->nelems == 1 && found[j].rule->nelems > 1;
        }
        if (covered) {
            total--;
            continue;
        }
        if (kept < max)
            out[kept] = found[i];
        kept++;
    }
    if (ids != stack_ids)
        free(ids);
    return total > kept ? total : kept;
}

sitrep_status verbmatch_lemmatize_into(const lemma_table *lemmas, arena *a, const char *text,
                                       const token *tokens, size_t ntokens, slice *out)
{
    char word[LEMMA_MAX_WORD + 1];
    for (size_t i = 0; i < ntokens; i++) {
        const token *t = &tokens[i];
        const char *s = text + t->start;
        size_t n = t->end - t->start;
        if (t->kind != TOKEN_WORD || n > LEMMA_MAX_WORD) {
            out[i] = slice_make(s, n);
            continue;
        }
        size_t len = lemma_word(lemmas, s, n, t->upos, word, sizeof word);
        if (len <= n && memcmp(word, s, len) == 0) { /* "forces" -> "force": no copy */
            out[i] = slice_make(s, len);
            continue;
        }
        char *copy = arena_strndup(a, word, len);
        if (!copy)
            return SITREP_ELIMIT;
        out[i] = slice_make(copy, len);
    }
    return SITREP_OK;
}

sitrep_status verbmatch_lemmatize(const lemma_table *lemmas, arena *a, const char *text,
                                  const token *tokens, size_t ntokens, slice **out)
{
    *out = NULL;
    slice *result = arena_alloc(a, (ntokens ? ntokens : 1) * sizeof *result);
    if (!result)
        return SITREP_ELIMIT;
    sitrep_status status = verbmatch_lemmatize_into(lemmas, a, text, tokens, ntokens, result);
    if (status)
        return status;
    *out = result;
    return SITREP_OK;
}
