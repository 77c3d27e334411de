/* events.c - the clause-level event coder: from the patterns that matched in a sentence
 * (match/verbs.c), the actors (actors.c) and the reporting frames (attribution.c), the events
 * each sentence reports: source, target, CAMEO code, modality and attribution.
 *
 * Per match: the verb group left of the anchor (auxiliaries, modals, negation, catenatives),
 * the subject by a leftward scan that skips appositions, relative clauses and prepositional
 * actors, the target from the pattern's $T slot or the first actor after the anchor, passive
 * voice (the "by" agent is the source), compound actors, purpose infinitives, nominal events
 * with possessors, and reporting verbs (a statement without a target is not an event).
 */
#include "events.h"

#include "../match/match.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#define GROUP_MAX 8      /* conjuncts in one compound actor */
#define SCAN_LIMIT 40    /* tokens a subject scan walks left */
#define OBJECT_WINDOW 14 /* tokens after the anchor where a fallback target may start */

/* One sentence being coded. Token indices are sentence-relative. */
typedef struct clause_ctx {
    const event_tables *tables;
    const article *art;
    const char *text;
    const token *tokens;
    size_t ntokens;
    uint32_t sentence;
    uint32_t first_token; /* of the sentence in the article */
    slice *lemmas;
    verbmatch matches[VERBMATCH_MAX];
    size_t nmatches;
    /* actors of the sentence: index into art->actors and token range [first, last] */
    int32_t *actor;
    uint32_t *afirst, *alast;
    size_t nact;
    int8_t *actor_at;     /* per token: 1 when inside an actor */
    buf *trace;           /* explain output, NULL when coding */
    int32_t target_place; /* set by code_match while it emits events against a place */
} clause_ctx;

/* ---- words ---- */

static bool word_is(const clause_ctx *c, long i, const char *w)
{
    if (i < 0 || (size_t)i >= c->ntokens)
        return false;
    const token *t = &c->tokens[i];
    size_t n = t->end - t->start, k = 0;
    const char *s = c->text + t->start;
    for (; k < n && w[k]; k++) {
        char ch = s[k];
        if (ch >= 'A' && ch <= 'Z')
            ch = (char)(ch - 'A' + 'a');
        if (ch != w[k])
            return false;
    }
    return k == n && !w[k];
}

/* The lower-cased text of token i into out (cap bytes, NUL-ended); false when the token is
 * absent or longer than the buffer (no list word is that long). */
static bool lower_token(const clause_ctx *c, long i, char *out, size_t cap)
{
    if (i < 0 || (size_t)i >= c->ntokens)
        return false;
    const token *t = &c->tokens[i];
    size_t n = t->end - t->start;
    if (n + 1 > cap)
        return false;
    for (size_t k = 0; k < n; k++) {
        char ch = c->text[t->start + k];
        out[k] = (ch >= 'A' && ch <= 'Z') ? (char)(ch - 'A' + 'a') : ch;
    }
    out[n] = '\0';
    return true;
}

/* Word lists are scanned for every token the coder looks at: lower-case the token once and
 * compare first bytes before whole strings. */
static bool in_list(const char *word, const char *const *words)
{
    for (; *words; words++)
        if ((*words)[0] == word[0] && strcmp(*words, word) == 0)
            return true;
    return false;
}

static bool word_in(const clause_ctx *c, long i, const char *const *words)
{
    char low[32];
    return lower_token(c, i, low, sizeof low) && in_list(low, words);
}

static bool lemma_is(const clause_ctx *c, long i, const char *w)
{
    if (i < 0 || (size_t)i >= c->ntokens)
        return false;
    return slice_eq_cstr(c->lemmas[i], w);
}

static bool lemma_in(const clause_ctx *c, long i, const char *const *words)
{
    if (i < 0 || (size_t)i >= c->ntokens)
        return false;
    slice l = c->lemmas[i];
    char low[32];
    if (l.len + 1 > sizeof low || l.len == 0)
        return false;
    memcpy(low, l.ptr, l.len);
    low[l.len] = '\0';
    return in_list(low, words);
}

/* Like lemma_in, but with the verb lemma of the surface form, so that a word the tagger took
 * for a noun ("intends" NNS) still counts as the verb it usually is here. */
static bool verb_lemma_in(const clause_ctx *c, long i, const char *const *words)
{
    if (lemma_in(c, i, words))
        return true;
    if (i < 0 || (size_t)i >= c->ntokens || c->tokens[i].kind != TOKEN_WORD)
        return false;
    char lemma[LEMMA_MAX_WORD + 1];
    const token *t = &c->tokens[i];
    size_t n =
        lemma_verb(c->tables->lemmas, c->text + t->start, t->end - t->start, lemma, sizeof lemma);
    return n > 0 && n < sizeof lemma && (lemma[n] = '\0', in_list(lemma, words));
}

/* A token tagged VERB whose word WordNet knows as a verb (the tagger takes "eastern" after
 * "to" for a verb). Untagged tokens are not verbs here. */
static bool is_verb_word(const clause_ctx *c, long i)
{
    if (i < 0 || (size_t)i >= c->ntokens || c->tokens[i].upos != UPOS_VERB)
        return false;
    char lemma[LEMMA_MAX_WORD + 1];
    const token *t = &c->tokens[i];
    size_t n =
        lemma_verb(c->tables->lemmas, c->text + t->start, t->end - t->start, lemma, sizeof lemma);
    return lemma_is_verb(c->tables->lemmas, lemma, n);
}

static bool is_punct(const clause_ctx *c, long i)
{
    if (i < 0 || (size_t)i >= c->ntokens)
        return true;
    uint8_t k = c->tokens[i].kind;
    return k == TOKEN_PUNCT || k == TOKEN_DASH || k == TOKEN_QUOTE;
}

static bool is_comma(const clause_ctx *c, long i)
{
    return word_is(c, i, ",");
}

static bool is_possessive(const clause_ctx *c, long i)
{
    if (i < 0 || (size_t)i >= c->ntokens || c->tokens[i].kind != TOKEN_CLITIC)
        return false;
    return word_is(c, i, "'s") || word_is(c, i, "\xe2\x80\x99s") || word_is(c, i, "'") ||
           word_is(c, i, "\xe2\x80\x99");
}

static uint8_t upos(const clause_ctx *c, long i)
{
    return (i < 0 || (size_t)i >= c->ntokens) ? 0 : c->tokens[i].upos;
}

static const char *const be_forms[] = {"be", "is",  "are", "was",  "were", "been",   "being", "am",
                                       "'s", "'re", "get", "gets", "got",  "gotten", NULL};
static const char *const aux_words[] = {
    "will",       "would",       "shall",    "should",     "can",     "could",       "may",
    "might",      "must",        "'ll",      "'d",         "has",     "have",        "had",
    "'ve",        "do",          "does",     "did",        "be",      "is",          "are",
    "was",        "were",        "been",     "being",      "am",      "'s",          "'re",
    "get",        "got",         "gets",     "not",        "n't",     "never",       "to",
    "yet",        "also",        "still",    "already",    "now",     "reportedly",  "allegedly",
    "just",       "then",        "again",    "soon",       "further", "once",        "jointly",
    "directly",   "repeatedly",  "formally", "officially", "finally", "recently",    "ever",
    "apparently", "reluctantly", "quietly",  "secretly",   "openly",  "effectively", "previously",
    "later",      "first",       "going",    "about",      "no",      "longer",      NULL};
/* Catenative verbs: "is planning to deploy", "denied sending". They shape the modality of
 * the verb they govern; their own patterns (if any) are not events. */
static const char *const catenatives[] = {
    "plan",        "intend",  "expect",   "aim",     "hope",    "prepare", "set",      "schedule",
    "want",        "seek",    "try",      "attempt", "decide",  "deny",    "refuse",   "fail",
    "begin",       "start",   "continue", "appear",  "seem",    "likely",  "unlikely", "able",
    "unable",      "willing", "ready",    "poised",  "due",     "mean",    "wish",     "consider",
    "contemplate", "weigh",   "mull",     "discuss", "propose", "resume",  "keep",     NULL};
/* Verbs whose infinitive complement takes the object as its subject ("urged Russia to
 * withdraw", "help the army drive ..."); others pass their subject down ("sent troops to
 * help"). */
static const char *const object_control[] = {
    "urge",     "ask",    "call",    "force",  "help",      "order",     "allow",    "encourage",
    "persuade", "tell",   "permit",  "enable", "push",      "press",     "pressure", "invite",
    "let",      "make",   "require", "compel", "authorize", "authorise", "instruct", "warn",
    "advise",   "assist", "want",    "need",   "expect",    NULL};
/* Object-control verbs whose complement is asked for, not reported as done ("urged Russia to
 * withdraw": no withdrawal is coded; "helped the army drive ...": the drive is). */
static const char *const non_implicative[] = {
    "urge", "ask",    "call",     "order",  "encourage", "persuade",  "tell",      "permit",
    "push", "press",  "pressure", "invite", "require",   "authorize", "authorise", "instruct",
    "warn", "advise", "want",     "need",   "expect",    "allow",     NULL};
/* Support verbs: their object noun names the event, their subject is its source ("launched an
 * attack", "mounted an invasion", "imposed sanctions", "held talks"). */
static const char *const support_verbs[] = {
    "launch",   "mount",   "carry",     "conduct",  "stage",    "begin",   "start",    "continue",
    "resume",   "step",    "intensify", "escalate", "make",     "hold",    "pay",      "give",
    "offer",    "provide", "impose",    "extend",   "announce", "order",   "deliver",  "undertake",
    "complete", "renew",   "open",      "wage",     "unleash",  "perform", "conclude", NULL};
/* Nouns of request before an infinitive: "pressure from Congress to help", "permission to". */
static const char *const request_nouns[] = {
    "pressure",  "call",    "calls",      "appeal",    "appeals", "request", "requests",
    "demand",    "demands", "plea",       "pleas",     "order",   "orders",  "permission",
    "authority", "mandate", "invitation", "ultimatum", NULL};
static const char *const possessive_dets[] = {"his", "her", "its",  "their",
                                              "our", "my",  "your", NULL};
static const char *const rel_pronouns[] = {"who", "which", "that", "whom", NULL};
static const char *const subordinators[] = {
    "that",    "because", "although", "though", "when",  "if",      "after",
    "before",  "while",   "as",       "since",  "where", "unless",  "until",
    "whether", "once",    "whereas",  "so",     "but",   "despite", NULL};
static const char *const skip_preps[] = {
    "in",     "inside",  "into",       "at",      "near",    "across",  "from",
    "within", "to",      "with",       "against", "for",     "about",   "over",
    "than",   "between", "among",      "on",      "toward",  "towards", "onto",
    "under",  "beyond",  "throughout", "around",  "outside", "like",    "including",
    "via",    "through", "amid",       "during",  NULL};

/* ---- actors of the sentence ---- */

/* The sentence-relative token index holding byte offset `at` (the first token at or after). */
static long token_at(const clause_ctx *c, uint32_t at)
{
    size_t lo = 0, hi = c->ntokens;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (c->tokens[mid].end <= at)
            lo = mid + 1;
        else
            hi = mid;
    }
    return (long)lo;
}

/* Index (into c->actor) of an actor that starts at token i, -1 when none; `from` lets callers
 * iterate over actors sharing a span ("the two countries" gives two). */
static long actor_starting(const clause_ctx *c, long i, size_t from)
{
    for (size_t k = from; k < c->nact; k++)
        if ((long)c->afirst[k] == i)
            return (long)k;
    return -1;
}

static long actor_ending(const clause_ctx *c, long i)
{
    for (size_t k = 0; k < c->nact; k++)
        if ((long)c->alast[k] == i)
            return (long)k;
    return -1;
}

static long actor_covering(const clause_ctx *c, long i)
{
    for (size_t k = 0; k < c->nact; k++)
        if ((long)c->afirst[k] <= i && i <= (long)c->alast[k])
            return (long)k;
    return -1;
}

static const actor_mention *mention(const clause_ctx *c, long k)
{
    return &c->art->actors[c->actor[k]];
}

/* A group of conjoined actors ("Russia and North Korea", "the two countries"). */
typedef struct actor_group {
    long items[GROUP_MAX]; /* indices into c->actor */
    size_t n;
    long first, last; /* token range of the whole group */
} actor_group;

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
static void group_from(const clause_ctx *c, long k, actor_group *g)
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

/* ---- verb groups ---- */

typedef struct verb_group {
    long first;      /* first token of the group (aux, modal, catenative ...) */
    long anchor;     /* the verb */
    bool passive;    /* be/get + past participle */
    bool infinitive; /* the group starts with "to" (or is a bare infinitive after help/make) */
    long governor;   /* the catenative or purpose governor's token, -1 */
    uint8_t modality;
} verb_group;

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
    if (upos(c, i) == UPOS_ADV)
        return !word_in(c, i, subordinators);
    if (upos(c, i))
        return false;
    slice s = token_text(&c->art->text, &c->tokens[i]);
    return s.len > 4 && slice_ends_with(s, "ly") && !(c->tokens[i].flags & TOKEN_UPPER);
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
        if (upos(c, i) == UPOS_VERB || upos(c, i) == UPOS_AUX)
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

static void verb_group_find(const clause_ctx *c, long anchor, verb_group *vg)
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
            if (!(word_is(c, i, "not") || word_is(c, i, "n't") || word_is(c, i, "n\xe2\x80\x99t") ||
                  word_is(c, i, "never")))
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
        /* a catenative before "to" or before a gerund ("denied sending") */
        if (verb_lemma_in(c, i, catenatives) &&
            (word_is(c, vg->first, "to") || (vg->first == anchor && i == anchor - 1))) {
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
        strcmp(tagger_xpos_name(c->tables->tagger, c->tokens[anchor].xpos), "VBN") == 0 &&
        (upos(c, anchor - 1) == UPOS_NOUN || upos(c, anchor - 1) == UPOS_PROPN) &&
        upos(c, anchor + 1) == UPOS_ADP && actor_starting(c, anchor + 1, 0) < 0 &&
        !(word_is(c, anchor + 1, "up") && word_is(c, anchor + 2, "to")) && /* "fired up to 300" */
        reduced_relative_has_main_verb(c, anchor))
        vg->passive = true;
    vg->infinitive = word_is(c, vg->first, "to");
}

/* Modality from the words of the group [first, anchor] and the clause before it. */
static uint8_t modality_of(const clause_ctx *c, const verb_group *vg)
{
    bool negated = false, planned = false, possible = false, would = false;
    for (long i = vg->first; i < vg->anchor; i++) {
        if (word_is(c, i, "not") || word_is(c, i, "n't") || word_is(c, i, "n\xe2\x80\x99t") ||
            word_is(c, i, "never") || (word_is(c, i, "yet") && word_is(c, i + 1, "to")) ||
            verb_lemma_in(c, i, (const char *const[]){"deny", "refuse", "fail", NULL}) ||
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
    /* the condition itself: "if Iran attacked Israel, ..." (same comma segment) */
    for (long i = vg->first - 1; i >= 0 && !is_comma(c, i) && !word_is(c, i, ";"); i--)
        if (word_is(c, i, "if") || word_is(c, i, "unless"))
            return MODALITY_HYPOTHETICAL;
    if (negated)
        return MODALITY_NEGATED;
    if (would && condition)
        return MODALITY_HYPOTHETICAL;
    if (possible)
        return MODALITY_POSSIBLE;
    if (planned || would)
        return MODALITY_PLANNED;
    return MODALITY_ASSERTED;
}

/* ---- subjects and objects ---- */

static bool code_is(const char *code, const char *prefix)
{
    return strncmp(code, prefix, strlen(prefix)) == 0;
}

/* Rebels, insurgents, militias, unidentified gunmen, opposition: their attacks inside their
 * own country have that country as the target ("the RSF shelled a camp in North Darfur"). */
static bool non_state(const actor_mention *am)
{
    const char *code = am->code;
    return code && (strstr(code, "REB") || strstr(code, "UAF") || strstr(code, "OPP") ||
                    strstr(code, "INS") || strstr(code, "IMG"));
}

/* People who act privately: civilians, refugees, business, media, students, workers, or a
 * people named by its nationality ("Syrians arriving in ..."). Their travel is no visit. */
static bool private_people(const actor_mention *am)
{
    static const char *const roles[] = {"CVL", "REF", "BUS", "MED", "EDU",
                                        "LAB", "CRM", "HLH", "REL", NULL};
    if (am->kind && (strcmp(am->kind, "demonym") == 0 || strcmp(am->kind, "adjective") == 0))
        return true;
    if (!am->role)
        return false;
    for (size_t i = 0; roles[i]; i++)
        if (strcmp(am->role, roles[i]) == 0)
            return true;
    return false;
}

/* Force posture, coercion, assaults, fights, mass violence: their place is their target. */
static bool military_code(const char *code)
{
    return code_is(code, "15") || code_is(code, "17") || code_is(code, "18") ||
           code_is(code, "19") || code_is(code, "20");
}

static bool is_verb_token(const clause_ctx *c, long i)
{
    uint8_t u = upos(c, i);
    return u == UPOS_VERB || u == UPOS_AUX;
}

/* The token where a comma-delimited segment before `comma` starts (after the previous comma
 * or dash), or -1 when the sentence starts first. */
static long segment_start(const clause_ctx *c, long comma)
{
    for (long i = comma - 1; i >= 0; i--)
        if (is_comma(c, i) || c->tokens[i].kind == TOKEN_DASH || word_is(c, i, "("))
            return i;
    return -1;
}

static bool segment_has_verb(const clause_ctx *c, long from, long to)
{
    for (long i = from; i < to; i++)
        if (upos(c, i) == UPOS_VERB || upos(c, i) == UPOS_AUX)
            return true;
    return false;
}

static long subject_from_group(const clause_ctx *c, const verb_group *vg, int depth);

/* The verb group of the nearest verb before token `before`, for coordinated and controlled
 * verbs. Matches' anchors are preferred; tags otherwise. */
static bool previous_verb(const clause_ctx *c, long before, verb_group *out)
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

/* True when token i is a finite verb (VBD, VBZ, VBP) by the tagger. */
static bool finite_verb(const clause_ctx *c, long i)
{
    if (!c->tables->tagger || upos(c, i) != UPOS_VERB)
        return false;
    const char *x = tagger_xpos_name(c->tables->tagger, c->tokens[i].xpos);
    return strcmp(x, "VBD") == 0 || strcmp(x, "VBZ") == 0 || strcmp(x, "VBP") == 0;
}

/* True when a subject pronoun stands right before the verb group starting at `first`, with
 * no actor, verb or comma between it and the verb at token v: "Sudan's army said (on Sunday)
 * it retook ...": the pronoun stands for the subject of v, so the scan goes on to it. */
static bool pronoun_clause_after(const clause_ctx *c, long v, long first)
{
    static const char *const pronouns[] = {"it", "they", "he", "she", "we", NULL};
    if (first - 1 <= v || !word_in(c, first - 1, pronouns))
        return false;
    for (long i = v + 1; i < first - 1; i++) /* "said on Sunday it had retaken" */
        if (actor_covering(c, i) >= 0 || upos(c, i) == UPOS_VERB || is_comma(c, i))
            return false;
    return true;
}

/* The subject actor (index into c->actor) of a verb group, -1 when none is found. */
static long subject_from_group(const clause_ctx *c, const verb_group *vg, int depth)
{
    if (depth > 4)
        return -1;
    long i = vg->first - 1;
    /* an infinitive: the governor's subject or object */
    if (vg->infinitive) {
        verb_group gov;
        if (previous_verb(c, vg->first, &gov)) {
            if (verb_lemma_in(c, gov.anchor, object_control) || vg->governor >= 0) {
                /* "urged Russia to withdraw": the nearest actor between governor and "to" */
                for (long j = vg->first - 1; j > gov.anchor; j--) {
                    long k = actor_covering(c, j);
                    if (k >= 0 && mention(c, k)->code)
                        return k;
                }
            }
            return subject_from_group(c, &gov, depth + 1);
        }
    }
    /* coordinated verbs: "invaded Ukraine and annexed Crimea" */
    if (word_is(c, i, "and") || word_is(c, i, "but") || word_is(c, i, "or")) {
        long j = is_comma(c, i - 1) ? i - 1 : i;
        verb_group prev;
        if (previous_verb(c, j, &prev) && prev.anchor < j)
            return subject_from_group(c, &prev, depth + 1);
    }
    /* bare infinitive after an object-control verb ("help the army drive ...") */
    long fallback = -1;
    int steps = 0;
    while (i >= 0 && steps++ < SCAN_LIMIT) {
        /* "the European Union (EU) agreed": a short bracket before the verb is skipped */
        if (word_is(c, i, ")")) {
            long open = i - 1;
            while (open >= 0 && i - open <= 6 && !word_is(c, open, "(") && !word_is(c, open, ")"))
                open--;
            if (open >= 0 && word_is(c, open, "(")) {
                i = open - 1;
                continue;
            }
        }
        if (word_is(c, i, ";") || word_is(c, i, ":") || word_is(c, i, "(") ||
            c->tokens[i].kind == TOKEN_QUOTE)
            break;
        /* another finite verb between: an actor before it is that verb's subject ("goods
         * that Mexico exports come to the US", "Trump says correctness has run amok") */
        if (finite_verb(c, i) && actor_covering(c, i) < 0 && !pronoun_clause_after(c, i, vg->first))
            break;
        long k = actor_ending(c, i);
        if (k >= 0) {
            long before = (long)c->afirst[k] - 1;
            if (word_in(c, before, skip_preps) || (is_possessive(c, i + 1) && i + 1 < vg->first)) {
                /* "Ithilen's militia vowed": the possessor when the head is no actor */
                if (fallback < 0 && !word_in(c, before, skip_preps))
                    fallback = k;
                i = before;
                continue;
            }
            if (word_is(c, before, "by")) {
                /* a reduced relative's agent ("munitions used by the army"): second choice */
                if (fallback < 0)
                    fallback = k;
                i = before;
                continue;
            }
            if (word_is(c, before, "of")) {
                /* "member of X", "one of X": the head before "of" is the subject; X only if
                 * nothing better precedes */
                if (fallback < 0)
                    fallback = k;
                i = before;
                continue;
            }
            return k;
        }
        if (is_comma(c, i) || c->tokens[i].kind == TOKEN_DASH) {
            /* an apposition or relative clause between commas: skip it when an actor stands
             * before it */
            long s = segment_start(c, i);
            if (s >= 0 && is_comma(c, s) && actor_ending(c, s - 1) >= 0 &&
                (!segment_has_verb(c, s + 1, i) || word_in(c, s + 1, rel_pronouns) ||
                 word_in(c, s + 1, skip_preps))) { /* ", in remarks published on Monday," */
                i = s - 1;
                continue;
            }
            break;
        }
        if (word_in(c, i, rel_pronouns) && i == vg->first - 1) {
            i--;
            if (is_comma(c, i))
                i--;
            continue;
        }
        if (word_in(c, i, subordinators))
            break;
        i--;
    }
    return fallback;
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

/* When the infinitive group vg is what its subject commits to ("pledged to send", "is ready
 * to talk"), the intent code for an act of `code` and the modality of the commitment itself
 * ("refused to promise": negated); NULL otherwise. */
static const char *commitment(const clause_ctx *c, const verb_group *vg, const char *code,
                              uint8_t *modality)
{
    verb_group gov;
    if (vg->governor >= 0 &&
        (word_in(c, vg->governor, commissives) || lemma_in(c, vg->governor, commissives))) {
        gov = *vg;
        gov.anchor = vg->governor;
    } else {
        if (vg->governor >= 0 || !vg->infinitive || !previous_verb(c, vg->first, &gov) ||
            gov.anchor != vg->first - 1 || !verb_lemma_in(c, gov.anchor, commissives))
            return NULL;
    }
    static const char *const deciders[] = {"agree",     "commit", "undertake",
                                           "volunteer", "offer",  NULL};
    const char *intent =
        intent_code(code, verb_lemma_in(c, gov.anchor, (const char *const[]){"threaten", NULL}),
                    verb_lemma_in(c, gov.anchor, deciders));
    if (intent)
        *modality = modality_of(c, &gov);
    return intent;
}

/* Why an infinitive is not an event of its own, or NULL when it is: the verb that governs it
 * directly codes it ("threatened to attack", "agreed to lift"), or it is asked of someone
 * ("urged Russia to withdraw", "pressure from Congress to help"). */
static const char *infinitive_not_coded(const clause_ctx *c, const verb_group *vg)
{
    verb_group gov;
    if (!vg->infinitive || vg->governor >= 0 || !previous_verb(c, vg->first, &gov))
        return NULL;
    long between = vg->first - gov.anchor - 1;
    if (between <= 1 && !verb_lemma_in(c, gov.anchor, catenatives)) {
        for (size_t j = 0; j < c->nmatches; j++)
            if ((long)c->matches[j].anchor == gov.anchor && !c->matches[j].rule->discard &&
                !c->matches[j].rule->noun && (long)c->matches[j].last >= vg->first)
                return "the verb that governs it codes it (\"threatened to\", \"agreed to\")";
    }
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

/* Actors that are not actors here: inside a body of water's name ("the Sea of Japan") or glued
 * to a currency sign ("US$45 million"). */
static bool actor_is_noise(const clause_ctx *c, long k)
{
    const actor_mention *am = mention(c, k);
    for (size_t p = 0; p < c->art->nplaces; p++) {
        const place_mention *pm = &c->art->places[p];
        if (pm->sentence == c->sentence && pm->entry && pm->entry->kind == PLACE_WATER &&
            pm->start <= am->start && am->end <= pm->end)
            return true;
    }
    long next = (long)c->alast[k] + 1;
    return (size_t)next < c->ntokens && !(c->tokens[next].flags & TOKEN_SPACE_BEFORE) &&
           c->tokens[next].kind == TOKEN_SYMBOL;
}

/* True when token i is one of the literal words of m's pattern ("troops" in "deploy ...
 * @troop"): compared by lemma or lower-case surface form, first word of each alternative. */
static bool is_pattern_word(const clause_ctx *c, const verbmatch *m, long i)
{
    const pattern *p = m->rule;
    for (int e = 0; e < p->nelems; e++) {
        const pattern_elem *el = &p->elems[e];
        if (el->kind != PATTERN_WORD || e == p->anchor)
            continue;
        for (int k = 0; k < el->nwords; k++) {
            const char *w = el->words[k];
            size_t n = strcspn(w, " ");
            slice lemma = c->lemmas[i];
            if (lemma.len == n && memcmp(lemma.ptr, w, n) == 0)
                return true;
            char word[64];
            if (n < sizeof word) {
                memcpy(word, w, n);
                word[n] = '\0';
                if (word_is(c, i, word))
                    return true;
            }
        }
    }
    return false;
}

/* An actor the pattern uses as its own material: it holds a literal word of the pattern
 * inside the pattern's span, or starts in the object slot, or (non-military codes) in the
 * place slot. */
static bool excluded_by_pattern(const clause_ctx *c, const verbmatch *m, long k, bool military)
{
    long first = c->afirst[k], last = c->alast[k];
    const actor_mention *am = mention(c, k);
    /* "rejected an Indian proposal", "killed ten Russian soldiers": the owner of the
     * pattern's noun, or the people a violent act is done to, is the target */
    bool owner = am->kind && strcmp(am->kind, "adjective") == 0;
    /* ... except where the pattern's words are what is given, sent or withdrawn ("sent
     * North Korean troops", "withdrew its troops") */
    bool victims = am->country && !code_is(m->rule->code, "06") && !code_is(m->rule->code, "07") &&
                   !code_is(m->rule->code, "08") && !code_is(m->rule->code, "15");
    for (long i = first; i <= last && !owner && !victims; i++)
        if (i > (long)m->anchor && i <= (long)m->last && is_pattern_word(c, m, i))
            return true;
    long object = m->slot[PATTERN_OBJECT], place = m->slot[PATTERN_PLACE];
    if (object >= 0 && first >= object && first <= object + 1)
        return true;
    if (!military && place >= 0 && first >= place && first <= place + PATTERN_SLOT_GAP)
        return true;
    return false;
}

/* True when token i is glued by a hyphen to the word before it ("held" in "government-held"):
 * part of a compound modifier, not a verb of the clause. */
static bool hyphen_glued(const clause_ctx *c, long i)
{
    return i >= 2 && i < (long)c->ntokens && !(c->tokens[i].flags & TOKEN_SPACE_BEFORE) &&
           !(c->tokens[i - 1].flags & TOKEN_SPACE_BEFORE) && word_is(c, i - 1, "-");
}

static const char *const target_stops[] = {
    "that",     "which",  "who",   "whom",   "because", "during",    "after", "before",
    "since",    "when",   "while", "amid",   "despite", "as",        "where", "until",
    "although", "though", "if",    "unless", "whether", "following", "but",   NULL};

/* A comma between two adjectives ("complete, full diplomatic ties") stays inside the phrase. */
static bool adjective_comma(const clause_ctx *c, long i)
{
    return upos(c, i - 1) == UPOS_ADJ && upos(c, i + 1) == UPOS_ADJ;
}

/* True when token i ends a target search: a subordinator or relative word, but not the "as"
 * of a quantity ("as many as 125 vessels", "as much as", "as well as"). */
static bool target_stop(const clause_ctx *c, long i)
{
    if (!word_in(c, i, target_stops))
        return false;
    static const char *const amounts[] = {"many", "much", "few",  "little", "well",
                                          "long", "far",  "high", "large",  NULL};
    return !(word_is(c, i, "as") && (word_in(c, i + 1, amounts) || word_in(c, i - 1, amounts)));
}

/* The first actor (index into c->actor) starting in [from, to) with a country or a full code
 * (bare roles such as "troops" are usually the object, not the target), stopping at clause
 * boundaries; actors that hold the pattern's own words or fill its object or (for non-military
 * codes) place slot are skipped (see excluded_by_pattern). -1 when none. */
static long actor_after(const clause_ctx *c, long from, long to, const verbmatch *m, bool military)
{
    bool cooperative = m && m->rule->code[0] == '0'; /* roots 01-09 */
    for (long i = from; i < to && (size_t)i < c->ntokens; i++) {
        if (word_is(c, i, ";") || word_is(c, i, ":") ||
            (i > from && is_comma(c, i) && !adjective_comma(c, i)) || target_stop(c, i) ||
            c->tokens[i].kind == TOKEN_QUOTE)
            return -1;
        /* a verb ends the object, unless it is a participle after a determiner ("the
         * affected Ithilen villages") */
        if (i > from + 1 && upos(c, i) == UPOS_VERB && actor_covering(c, i) < 0 &&
            !word_is(c, i - 1, "to") && !hyphen_glued(c, i) && upos(c, i - 1) != UPOS_DET)
            return -1;
        /* a purpose infinitive starts a clause of its own ("sent advisers to help X") */
        if (word_is(c, i, "to") && is_verb_word(c, i + 1) &&
            (i > from || (m && i == (long)m->anchor + 1))) /* "agreed to ban ..." */
            return -1;
        /* "lift the sanctions on Iran": a preposition right after a pattern that runs past its
         * anchor takes the pattern's complement, not a topic */
        bool complement = m && (long)m->last > (long)m->anchor && i - 1 == (long)m->last + 1 &&
                          !code_is(m->rule->code, "04");
        for (long k = actor_starting(c, i, 0); k >= 0; k = actor_starting(c, i, (size_t)k + 1)) {
            if (m && excluded_by_pattern(c, m, k, military))
                break;
            /* "met X in Beijing": a place, not a target (military acts keep theirs) */
            if (!military &&
                word_in(c, i - 1,
                        (const char *const[]){"in", "at", "near", "inside", "within", NULL}))
                break;
            /* "met X to discuss sanctions against Israel": for cooperative codes an actor
             * after these prepositions is the topic (the patterns' $T slots name the real
             * partners: "aid to $T", "talks with $T") */
            if (cooperative && !complement &&
                word_in(c, i - 1,
                        (const char *const[]){"against", "about", "over", "on", "regarding",
                                              "concerning", NULL}))
                break;
            const actor_mention *am = mention(c, k);
            if (actor_is_noise(c, k))
                continue;
            if (word_in(c, i, possessive_dets))
                continue; /* "his war": a possessor, not the object */
            if (am->code && (am->country || strlen(am->code) > 3))
                return k;
        }
    }
    return -1;
}

/* True when actor k lies inside the content of a reporting frame whose cue is the anchor:
 * "X claimed that Y ..." - Y belongs to the reported event, not to the statement. */
static bool inside_reported_content(const clause_ctx *c, long anchor, long k)
{
    uint32_t at = c->tokens[anchor].start;
    uint32_t global = c->first_token + c->afirst[k];
    for (size_t i = 0; i < c->art->nattributions; i++) {
        const attribution *f = &c->art->attributions[i];
        if (at >= f->cue.start && at < f->cue.end && global >= f->content_first &&
            global < f->content_last)
            return true;
    }
    if (word_is(c, anchor + 1, "that") && (long)c->afirst[k] > anchor + 1 &&
        (long)c->afirst[k] <= anchor + 3)
        return true;
    /* "said Russia attacked", "hoped French officials would ...": an actor followed by a
     * finite verb is the subject of the reported clause */
    long next = (long)c->alast[k] + 1;
    return (upos(c, next) == UPOS_AUX || upos(c, next) == UPOS_VERB) && !word_is(c, next, "to");
}

/* ---- emitting ---- */

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

typedef struct emit_state {
    arena *a;
    event *items;
    size_t count, alloc;
    bool dropped;
} emit_state;

static int32_t attribution_of(const clause_ctx *c, long anchor)
{
    uint32_t global = c->first_token + (uint32_t)anchor;
    int32_t best = -1;
    uint32_t best_size = 0;
    for (size_t i = 0; i < c->art->nattributions; i++) {
        const attribution *f = &c->art->attributions[i];
        if (f->content_last <= f->content_first)
            continue;
        if (global >= f->content_first && global < f->content_last) {
            uint32_t size = f->content_last - f->content_first;
            if (best < 0 || size < best_size) {
                best = (int32_t)i;
                best_size = size;
            }
        }
    }
    return best;
}

/* Two mentions that code the same actor ("Putin" and "his" in one sentence). */
static bool same_actor(const article *art, int32_t a, int32_t b)
{
    if (a == b)
        return true;
    if (a < 0 || b < 0)
        return false;
    const char *x = art->actors[a].code, *y = art->actors[b].code;
    return x && y && strcmp(x, y) == 0;
}

static sitrep_status emit(emit_state *st, const clause_ctx *c, const verbmatch *m, long source,
                          long target, const char *code, uint8_t modality, long span_first,
                          long span_last)
{
    int32_t s = source >= 0 ? c->actor[source] : -1, t = target >= 0 ? c->actor[target] : -1;
    const actor_mention *ms = s >= 0 ? &c->art->actors[s] : NULL;
    const actor_mention *mt = t >= 0 ? &c->art->actors[t] : NULL;
    if (ms && mt && ms->code && mt->code && strcmp(ms->code, mt->code) == 0)
        return SITREP_OK; /* an actor acting on itself */
    for (size_t i = 0; i < st->count; i++) {
        event *e = &st->items[i];
        /* one event per pair and root in a sentence ("sent troops to help": 072, not 070) */
        if (e->sentence == c->sentence && same_actor(c->art, e->source, s) &&
            same_actor(c->art, e->target, t) && strncmp(e->code, code, 2) == 0) {
            bool general = strlen(code) == 3 && code[2] == '0';
            if (general || strcmp(e->code, code) == 0 ||
                !(strlen(e->code) == 3 && e->code[2] == '0'))
                return SITREP_OK;
            st->count--; /* replace the general code with the specific one */
            memmove(e, e + 1, (st->count - i) * sizeof *e);
            break;
        }
    }
    if (c->trace) {
        if (buf_printf(c->trace, "  event %s %s -> %s (%s) by %s:%u\n", code,
                       ms && ms->code ? ms->code : "-",
                       mt && mt->code ? mt->code
                       : !mt && c->target_place >= 0
                           ? c->art->places[c->target_place].entry->country
                           : "-",
                       event_modality_name(modality), m->rule->file, m->rule->line))
            return SITREP_ELIMIT;
    }
    if (st->count >= EVENTS_MAX_PER_ARTICLE) {
        st->dropped = true;
        return SITREP_OK;
    }
    event *grown = arena_array_room(st->a, st->items, st->count, &st->alloc, sizeof *grown);
    if (!grown)
        return SITREP_ELIMIT;
    st->items = grown;
    event *e = &st->items[st->count++];
    memset(e, 0, sizeof *e);
    e->sentence = c->sentence;
    e->source = s;
    e->target = t;
    snprintf(e->code, sizeof e->code, "%s", code);
    e->cameo = c->tables->cameo ? cameo_find(c->tables->cameo, code, strlen(code)) : NULL;
    e->modality = modality;
    e->attribution = attribution_of(c, m->anchor);
    if (span_first < 0)
        span_first = 0;
    if ((size_t)span_last >= c->ntokens)
        span_last = (long)c->ntokens - 1;
    e->start = c->tokens[span_first].start;
    e->end = c->tokens[span_last].end;
    e->verb_start = c->tokens[m->anchor].start;
    e->verb_end = c->tokens[m->anchor].end;
    e->rule = m->rule;
    e->target_place = t < 0 ? c->target_place : -1;
    return SITREP_OK;
}

static sitrep_status trace(const clause_ctx *c, const char *format, ...) PRINTF_LIKE(2, 3);

static sitrep_status trace(const clause_ctx *c, const char *format, ...)
{
    if (!c->trace)
        return SITREP_OK;
    char line[512];
    va_list ap;
    va_start(ap, format);
    vsnprintf(line, sizeof line, format, ap);
    va_end(ap);
    return buf_append_str(c->trace, line) ? SITREP_ELIMIT : SITREP_OK;
}

static const char *actor_label(const clause_ctx *c, long k, char *out, size_t n)
{
    if (k < 0)
        return "none";
    const actor_mention *m = mention(c, k);
    snprintf(out, n, "'%.*s' %s", (int)(m->end - m->start), c->text + m->start,
             m->code ? m->code : "(no code)");
    return out;
}

/* True when the anchor of match m sits inside the verb group of another match (a catenative
 * such as "plan" in "is planning to deploy"), or is the cue of a reporting frame that has its
 * content elsewhere. */
static bool is_catenative_of_other(const clause_ctx *c, size_t mi)
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

/* The actor in a role slot's phrase: the first actor with a code within PATTERN_SLOT_GAP
 * tokens of the slot's first token ("to eastern and southern areas of Ukraine", "condemned
 * the coup in Niger"). For consultations (`consult`) the phrase ends at "in", "at", "near"
 * (a place, not a partner). */
static long slot_actor(const clause_ctx *c, long slot, bool consult)
{
    if (slot < 0)
        return -1;
    long end = slot + PATTERN_SLOT_GAP + 2;
    for (long i = slot; i < end && i < (long)c->ntokens; i++) {
        /* "a government-held part of Syria": a hyphenated modifier is passed over */
        if (hyphen_glued(c, i + 2) || hyphen_glued(c, i + 1) || hyphen_glued(c, i)) {
            end++;
            continue;
        }
        if (i > slot && (is_punct(c, i) || target_stop(c, i)))
            break;
        /* "visited the memorial in Washington": a place, not the one visited */
        if (i > slot && consult && word_in(c, i, (const char *const[]){"in", "at", "near", NULL}))
            break;
        /* "sent advisers to help X": a verb in the slot starts another clause */
        if (is_verb_word(c, i) && actor_covering(c, i) < 0)
            break;
        /* the head noun of a phrase that is no actor ends the slot, unless "of" follows
         * ("areas of Ukraine") */
        if ((upos(c, i) == UPOS_NOUN || upos(c, i) == UPOS_PROPN) && actor_covering(c, i) < 0 &&
            !word_is(c, i + 1, "of") && !word_is(c, i + 1, "and") && !is_possessive(c, i + 1) &&
            (consult || !word_is(c, i + 1, "in")))
            break;
        long k = actor_starting(c, i, 0);
        if (k < 0 && i == slot)
            k = actor_covering(c, i);
        if (k >= 0 && mention(c, k)->code && !word_in(c, i, possessive_dets) &&
            !actor_is_noise(c, k))
            return k;
    }
    return -1;
}

/* A place with a country named within OBJECT_WINDOW tokens after the anchor of m, in the same
 * clause (index into article.places), or -1. */
static long place_after(const clause_ctx *c, const verbmatch *m)
{
    for (size_t p = 0; p < c->art->nplaces; p++) {
        const place_mention *pm = &c->art->places[p];
        if (pm->sentence != c->sentence || !pm->entry || !pm->entry->country)
            continue;
        long at = token_at(c, pm->start);
        if (at <= (long)m->anchor || at > (long)m->anchor + OBJECT_WINDOW)
            continue;
        for (long i = m->anchor + 1; i < at; i++)
            if (word_is(c, i, ";") || is_comma(c, i) || target_stop(c, i))
                return -1;
        return (long)p;
    }
    return -1;
}

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
                (word_is(c, i, "and") && finite_verb(c, i + 1)))
                inside = false;
        if (inside)
            return d;
    }
    return NULL;
}

/* The first token of the clause that ends before token `before` (back to a comma, ";", ":",
 * "that", "which", "who" or a quote), or `at` when that is earlier: the evidence of a clause
 * whose subject is what is acted on reaches back over the subject, so that its quantities
 * belong to the event. */
static long clause_start(const clause_ctx *c, long before, long at)
{
    for (long k = before - 1; k >= 0 && k < (long)c->ntokens; k--) {
        if (is_comma(c, k) || word_is(c, k, ";") || word_is(c, k, ":") || word_is(c, k, "that") ||
            word_is(c, k, "which") || word_is(c, k, "who") || c->tokens[k].kind == TOKEN_QUOTE)
            break;
        if (k < at)
            at = k;
    }
    return at;
}

/* True when a word of class @name (classes.txt) stands in the clause before token `before`
 * (back to a comma, "that", "which" or the sentence start), by lemma or lower-case form. */
static bool subject_names_class(const clause_ctx *c, long before, const char *name)
{
    for (long k = before - 1; k >= 0; k--) {
        if (is_comma(c, k) || word_is(c, k, ";") || word_is(c, k, "that") || word_is(c, k, "which"))
            break;
        char low[64];
        if (lower_token(c, k, low, sizeof low) &&
            pattern_class_has(c->tables->patterns, name, low, strlen(low)))
            return true;
        slice l = c->lemmas[k];
        if (l.len && pattern_class_has(c->tables->patterns, name, l.ptr, l.len))
            return true;
    }
    return false;
}

/* True when the verb group holds an obligation ("must return", "should withdraw", "has to
 * leave", "ought to"): the act is asked for, not done. */
static bool obligation(const clause_ctx *c, const verb_group *vg)
{
    for (long i = vg->first; i < vg->anchor; i++)
        if (word_is(c, i, "must") || word_is(c, i, "should") || word_is(c, i, "ought"))
            return true;
    return false;
}

/* "Russia said Sudan must return the helicopter": an obligation in what someone says is that
 * speaker's demand (CAMEO 100) of the clause's subject; the act itself is not coded. */
static sitrep_status code_demand(emit_state *st, const clause_ctx *c, const verbmatch *m,
                                 long subject, long span_first, long span_last)
{
    int32_t f = attribution_of(c, m->anchor);
    long speaker = -1;
    if (f >= 0 && c->art->attributions[f].sentence == c->sentence) {
        long t = token_at(c, c->art->attributions[f].source.start);
        speaker = t >= 0 ? actor_covering(c, t) : -1;
    }
    if (speaker < 0 || subject < 0 || speaker == subject || !mention(c, speaker)->code ||
        !mention(c, subject)->code)
        return trace(c, "    not coded: an obligation (must, should) is asked for, not done\n");
    if (trace(c, "    an obligation in what the speaker says: a demand (100) of the subject\n"))
        return SITREP_ELIMIT;
    if (c->afirst[speaker] < span_first)
        span_first = c->afirst[speaker];
    if (c->alast[speaker] > span_last)
        span_last = c->alast[speaker];
    return emit(st, c, m, speaker, subject, "100", MODALITY_ASSERTED, span_first, span_last);
}

static sitrep_status code_match(emit_state *st, clause_ctx *c, size_t mi)
{
    const verbmatch *m = &c->matches[mi];
    const pattern *rule = m->rule;
    char l1[160], l2[160];
    slice verb = token_text(&c->art->text, &c->tokens[m->anchor]);
    if (trace(c, "  rule %s:%u %s '%.*s' -> %s\n", rule->file, rule->line,
              rule->noun ? "noun" : "verb", (int)verb.len, verb.ptr,
              rule->discard ? "DISCARD" : rule->code))
        return SITREP_ELIMIT;
    if (rule->discard)
        return trace(c, "    discard: an idiom or non-event; nothing coded on its span\n");
    if (!code_is(rule->code, "01") && !code_is(rule->code, "02") && !code_is(rule->code, "10")) {
        const verbmatch *d = demanded_by(c, mi);
        if (d)
            return trace(c, "    not coded: asked for in the demand of %s:%u, not done\n",
                         d->rule->file, d->rule->line);
    }
    if (!rule->noun && is_catenative_of_other(c, mi))
        return trace(c, "    not coded: it governs another verb (modality only)\n");

    long source = -1, target = -1;
    const char *code = rule->code; /* or the intent to do it ("pledged to send": 0332) */
    uint8_t modality = MODALITY_ASSERTED;
    long span_first = m->first, span_last = m->last;
    long slot_first = m->slot[PATTERN_TARGET];
    long tslot = slot_actor(c, slot_first, code_is(rule->code, "04"));
    /* "deploy troops to $L", "strikes on $L", "withdrew troops from $L": the country of a
     * military act's place is its target; a meeting's place is not */
    if (tslot < 0 && slot_first < 0 &&
        (code_is(rule->code, "07") || code_is(rule->code, "087") || code_is(rule->code, "162") ||
         code_is(rule->code, "15") || code_is(rule->code, "18") || code_is(rule->code, "19") ||
         code_is(rule->code, "20")))
        tslot = slot_actor(c, m->slot[PATTERN_PLACE], false);
    if (rule->noun) {
        /* "held talks with": a support verb's pattern takes in the noun, which is no event
         * again */
        for (size_t j = 0; j < c->nmatches; j++) {
            const verbmatch *o = &c->matches[j];
            if (j != mi && !o->rule->noun && !o->rule->discard && o->first <= m->anchor &&
                m->anchor <= o->last && verb_lemma_in(c, (long)o->anchor, support_verbs))
                return trace(c, "    not coded: part of the verb pattern %s:%u\n", o->rule->file,
                             o->rule->line);
        }
        source = slot_actor(c, m->slot[PATTERN_SOURCE], false); /* "a visit by $S to $T" */
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
            for (long i = m->anchor + 1; i < (long)c->ntokens && i < m->anchor + OBJECT_WINDOW;
                 i++) {
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
                (code_is(rule->code, "15") || code_is(rule->code, "19") ||
                 code_is(rule->code, "18")))
                source = k;
        }
        target = tslot >= 0 ? tslot
                            : actor_after(c, (long)m->last + 1, (long)m->last + 1 + OBJECT_WINDOW,
                                          m, military_code(rule->code));
        if (target < 0 && slot_first < 0)
            target = actor_after(c, m->anchor + 1, m->anchor + OBJECT_WINDOW, m,
                                 military_code(rule->code));
        if (target == source)
            target = -1;
        /* the verb governing the noun gives the modality ("plans a visit") */
        long v = (long)m->anchor - 1;
        while (v >= 0 && m->anchor - v < 9 &&
               ((!is_verb_token(c, v) && !is_punct(c, v)) || hyphen_glued(c, v) ||
                hyphen_glued(c, v + 1)))
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
                modality = modality_of(c, &vg);
            /* a support verb lends the noun its subject: "Israel mounted its invasion of
             * Lebanon", "Russia launched air strikes on Kyiv", "the UN imposed sanctions" */
            if (source < 0 && support) {
                long k = subject_from_group(c, &vg, 0);
                if (k >= 0 && k != target && mention(c, k)->code) {
                    source = k;
                    if (trace(c, "    source from the support verb '%.*s'\n",
                              (int)(c->tokens[v].end - c->tokens[v].start),
                              c->text + c->tokens[v].start))
                        return SITREP_ELIMIT;
                }
            }
        }
        if (source >= 0 && possessor(c, m->anchor) >= 0)
            span_first = c->afirst[source];
        if (trace(c, "    nominal event: source %s (possessor/by/of), target %s\n",
                  actor_label(c, source, l1, sizeof l1), actor_label(c, target, l2, sizeof l2)))
            return SITREP_ELIMIT;
    } else {
        /* "Israeli-occupied", "Russian-backed": a participle glued to a word by a hyphen
         * modifies a noun; it is no clause */
        if (hyphen_glued(c, m->anchor))
            return trace(c, "    not coded: part of a compound modifier\n");
        verb_group vg;
        verb_group_find(c, m->anchor, &vg);
        modality = modality_of(c, &vg);
        slice first = token_text(&c->art->text, &c->tokens[vg.first]);
        if (trace(c, "    verb group '%.*s'%s%s, modality %s\n",
                  (int)(c->tokens[vg.anchor].end - c->tokens[vg.first].start), first.ptr,
                  vg.passive ? ", passive" : "", vg.infinitive ? ", infinitive" : "",
                  event_modality_name(modality)))
            return SITREP_ELIMIT;
        if (vg.first == vg.anchor && upos(c, vg.anchor) == UPOS_VERB && c->tables->tagger &&
            strcmp(tagger_xpos_name(c->tables->tagger, c->tokens[vg.anchor].xpos), "VBG") == 0 &&
            actor_ending(c, vg.anchor - 1) < 0)
            return trace(c, "    not coded: a participle modifying a noun or clause, not a "
                            "clause of its own\n");
        uint8_t committed;
        code = commitment(c, &vg, rule->code, &committed);
        if (code) {
            modality = committed;
            if (trace(c, "    committed to by the verb before it: coded as %s\n", code))
                return SITREP_ELIMIT;
        } else {
            code = rule->code;
            const char *why = infinitive_not_coded(c, &vg);
            if (why)
                return trace(c, "    not coded: %s\n", why);
        }
        long subject = subject_from_group(c, &vg, 0);
        if (!vg.passive && obligation(c, &vg))
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
                if (agent < 0 && word_is(c, i, "in") && military_code(rule->code)) {
                    long k = actor_starting(c, i + 1, 0);
                    if (k < 0)
                        k = actor_starting(c, i + 2, 0);
                    if (k >= 0 && mention(c, k)->kind &&
                        strcmp(mention(c, k)->kind, "adjective") == 0)
                        agent = k;
                }
            }
            source = agent;
            target = tslot >= 0 && tslot != agent ? tslot : subject;
            /* "munitions ... were supplied by North Korea": what the passive's subject names
             * makes aid military (070 -> 072), as "supply ... @weapon" does in the active */
            if (code_is(code, "07") && strcmp(code, "072") != 0 &&
                subject_names_class(c, vg.first, "weapon"))
                code = "072";
            /* the subject of a passive is what was acted on ("at least half of all the
             * munitions ... were supplied"): the evidence reaches back to the clause start so
             * that its quantities belong to the event */
            span_first = clause_start(c, vg.first, span_first);
        } else if (m->slot[PATTERN_SOURCE] >= 0) {
            /* "most of Ukraine's weapons come from the United States", "one in two shells
             * fired by Russia originates from North Korea": the $S slot gives, the subject's
             * owner or user receives; weapons make the aid military */
            source = slot_actor(c, m->slot[PATTERN_SOURCE], false);
            target = subject;
            if (code_is(code, "07") && strcmp(code, "072") != 0 &&
                subject_names_class(c, vg.first, "weapon"))
                code = "072";
            span_first = clause_start(c, vg.first, span_first); /* what is given, counted */
        } else {
            source = subject;
            target = tslot;
            /* the object after the anchor; the pattern's own words ("deploy ... @troop")
             * and its object slot are what is acted with, not upon */
            if (target < 0 && slot_first < 0 && !code_is(rule->code, "01"))
                target = actor_after(c, m->anchor + 1, m->anchor + OBJECT_WINDOW, m,
                                     military_code(rule->code));
            /* "promised to continue military aid to Mozambique": a pattern that takes in a
             * complement clause ("agree to lift ... sanctions") finds the target after it */
            if (target < 0 && slot_first < 0 && (long)m->last > (long)m->anchor + 1 &&
                !code_is(rule->code, "01"))
                target = actor_after(c, (long)m->last + 1, (long)m->last + 1 + OBJECT_WINDOW, m,
                                     military_code(rule->code));
            /* "arrived in Gondor", "criticized the closure of guest houses in Bree": with
             * no other target, the place one actor acts in is what it acts on (conjoined
             * subjects meeting somewhere act on each other) */
            if (target < 0 && slot_first < 0 && source >= 0 && !code_is(rule->code, "01")) {
                actor_group g;
                group_from(c, source, &g);
                if (g.n == 1)
                    target = actor_after(c, m->anchor + 1, m->anchor + OBJECT_WINDOW, m, true);
                /* a capital after in/at is where it happened ("meeting in Brussels") */
                if (target >= 0 && mention(c, target)->kind &&
                    strcmp(mention(c, target)->kind, "capital") == 0 &&
                    word_in(c, (long)c->afirst[target] - 1,
                            (const char *const[]){"in", "at", NULL}))
                    target = -1;
            }
        }
        if (target == source)
            target = -1;
        if (source >= 0 && (long)c->afirst[source] < span_first)
            span_first = c->afirst[source];
        if (trace(c, "    source %s, target %s\n", actor_label(c, source, l1, sizeof l1),
                  actor_label(c, target, l2, sizeof l2)))
            return SITREP_ELIMIT;
    }
    /* the evidence covers the anchor's pattern, the source and the target */
    if (source >= 0 && (long)c->afirst[source] < span_first)
        span_first = c->afirst[source];
    if (source >= 0 && (long)c->alast[source] > span_last)
        span_last = c->alast[source];
    if (target >= 0 && (long)c->afirst[target] < span_first)
        span_first = c->afirst[target];
    if (target >= 0 && (long)c->alast[target] > span_last)
        span_last = c->alast[target];

    if (target >= 0 && !rule->noun &&
        (code_is(rule->code, "01") || code_is(rule->code, "02") || code_is(rule->code, "03")) &&
        inside_reported_content(c, m->anchor, target)) {
        if (trace(c, "    the target stands in the reported content: it is not the target of "
                     "the statement\n"))
            return SITREP_ELIMIT;
        target = -1;
    }
    /* "demanded that North Korea abandon ...", "urged that Iran stop ...": the subject of
     * the that-clause is the one asked */
    if (target < 0 && !rule->noun && (code_is(rule->code, "02") || code_is(rule->code, "10"))) {
        long that = word_is(c, (long)m->last, "that") ? (long)m->last : (long)m->last + 1;
        if (word_is(c, that, "that")) {
            for (long i = that + 1; i < (long)c->ntokens && i < that + 8; i++) {
                if (is_verb_token(c, i) || is_punct(c, i))
                    break;
                long k = actor_starting(c, i, 0);
                if (k >= 0 && mention(c, k)->code && k != source) {
                    target = k;
                    if (trace(c, "    target: the subject of the that-clause, %s\n",
                              actor_label(c, k, l2, sizeof l2)))
                        return SITREP_ELIMIT;
                    break;
                }
            }
        }
    }
    /* a statement is not the event it reports: code it only with its own target */
    if (code_is(rule->code, "01") && target < 0)
        return trace(c, "    not coded: a statement without a target (the reported content "
                        "is coded on its own)\n");
    if (source < 0 || !mention(c, source)->code)
        return trace(c, "    not coded: no source actor\n");
    if ((code_is(code, "042") || code_is(code, "043")) && private_people(mention(c, source)))
        return trace(c, "    not coded: people or goods travelling are no official visit\n");

    actor_group sg, tg;
    group_from(c, source, &sg);
    if (target >= 0)
        group_from(c, target, &tg);
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
                if (i != j && (status = emit(st, c, m, sg.items[i], sg.items[j], code, modality,
                                             span_first, span_last)))
                    return status;
        return SITREP_OK;
    }
    if (tg.n == 0 && (military_code(rule->code) || code_is(code, "14") ||
                      code_is(rule->code, "081") || code_is(rule->code, "162"))) {
        /* "Russian forces shelled Kherson": the country of the place attacked is the target */
        long p = place_after(c, m);
        const char *country = p >= 0 ? c->art->places[p].entry->country : NULL;
        const char *own = mention(c, source)->country;
        /* a protest in one's own country is against its government: "Serbian students
         * protested in Belgrade" (CAMEO and PLOVER code the country as the target) */
        if (country && (!(own && strcmp(own, country) == 0) || code_is(code, "14") ||
                        non_state(mention(c, source)))) {
            const place_mention *pm = &c->art->places[p];
            if (trace(c, "    target: the place '%.*s' (%s)\n", (int)(pm->end - pm->start),
                      c->text + pm->start, country))
                return SITREP_ELIMIT;
            if (pm->end > c->tokens[span_last].end)
                span_last = token_at(c, pm->end - 1);
            c->target_place = (int32_t)p;
            for (size_t i = 0; i < sg.n; i++)
                if (mention(c, sg.items[i])->code &&
                    (status =
                         emit(st, c, m, sg.items[i], -1, code, modality, span_first, span_last))) {
                    c->target_place = -1;
                    return status;
                }
            c->target_place = -1;
            return SITREP_OK;
        }
    }
    /* protests, strikes and riots, and shows of force are events without a target:
     * "Opponents protested", "North Korea fired two ballistic missiles into the sea" */
    if (tg.n == 0 && (code_is(code, "14") || code_is(code, "15"))) {
        if (trace(c, "    no target: a protest or a show of force needs none\n"))
            return SITREP_ELIMIT;
        for (size_t i = 0; i < sg.n; i++)
            if (mention(c, sg.items[i])->code &&
                (status = emit(st, c, m, sg.items[i], -1, code, modality, span_first, span_last)))
                return status;
        return SITREP_OK;
    }
    if (tg.n == 0)
        return trace(c, "    not coded: no target actor\n");
    for (size_t i = 0; i < sg.n; i++) {
        if (!mention(c, sg.items[i])->code)
            continue;
        for (size_t j = 0; j < tg.n; j++) {
            if ((status = emit(st, c, m, sg.items[i], tg.items[j], code, modality, span_first,
                               span_last)))
                return status;
            /* a paired code (CODE:PAIR) codes the target back; a visit implies a host: 042
             * X -> Y is 043 Y -> X (not when the act was turned into an intent) */
            const char *pair = code != rule->code           ? NULL
                               : rule->pair[0]              ? rule->pair
                               : code_is(rule->code, "042") ? "043"
                                                            : NULL;
            if (pair && (status = emit(st, c, m, tg.items[j], sg.items[i], pair, modality,
                                       span_first, span_last)))
                return status;
        }
    }
    return SITREP_OK;
}

/* Prepares the per-sentence context: lemmas, matches, actor token ranges. */
static sitrep_status sentence_prepare(arena *a, const event_tables *tables, const article *art,
                                      uint32_t n, clause_ctx *c)
{
    const sentence *s = &art->text.sentences[n];
    memset(c, 0, offsetof(clause_ctx, matches));
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
    c->target_place = -1;
    if (!c->ntokens)
        return SITREP_OK;
    sitrep_status status =
        verbmatch_lemmatize(tables->lemmas, a, c->text, c->tokens, c->ntokens, &c->lemmas);
    if (status)
        return status;
    size_t found = verbmatch_sentence(tables->patterns, c->text, c->tokens, c->ntokens, c->lemmas,
                                      c->matches, VERBMATCH_MAX);
    c->nmatches = found < VERBMATCH_MAX ? found : VERBMATCH_MAX;
    if (!c->nmatches)
        return SITREP_OK;
    /* actors of this sentence (art->actors is in text order) */
    size_t lo = 0, hi = art->nactors;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (art->actors[mid].sentence < n)
            lo = mid + 1;
        else
            hi = mid;
    }
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

static sitrep_status code_sentence(arena *a, const event_tables *tables, const article *art,
                                   uint32_t n, emit_state *st, buf *trace_out)
{
    clause_ctx *c = arena_alloc(a, sizeof *c);
    if (!c)
        return SITREP_ELIMIT;
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
            return trace(c, "  nothing coded: no pattern matched\n");
        if (!c->nact && trace(c, "  no actors in this sentence\n"))
            return SITREP_ELIMIT;
    }
    size_t before = st->count;
    for (size_t i = 0; i < c->nmatches; i++)
        if ((status = code_match(st, c, i)))
            return status;
    if (trace_out && st->count == before)
        return trace(c, "  nothing coded in this sentence (see the reasons above)\n");
    return SITREP_OK;
}

/* Attaches the extras of each event's clause: the quantities inside its evidence span, the
 * nearest place after its anchor in the sentence (else the nearest inside the span), and the
 * date nearest to its anchor in the sentence. All three arrays are in text order. */
static void attach_extras(const article *art, event *events, size_t nevents)
{
    for (size_t i = 0; i < nevents; i++) {
        event *e = &events[i];
        e->place = e->date = -1;
        e->quantity_first = e->nquantities = 0;
        for (size_t q = 0; q < art->nquantities; q++) {
            const quantity *m = &art->quantities[q];
            if (m->sentence != e->sentence || m->start < e->start || m->end > e->end)
                continue;
            if (!e->nquantities)
                e->quantity_first = (uint32_t)q;
            if (e->quantity_first + e->nquantities == q)
                e->nquantities++;
        }
        long best = -1;
        for (size_t p = 0; p < art->nplaces; p++) {
            const place_mention *m = &art->places[p];
            if (m->sentence != e->sentence)
                continue;
            if (m->start >= e->verb_end) {
                best = (long)p;
                break;
            }
            if (m->start >= e->start && m->end <= e->end)
                best = (long)p;
        }
        e->place = (int32_t)best;
        /* the date of its own clause: the first after the anchor and before the next event's
         * anchor, else the last before it and after the previous event's anchor */
        uint32_t next = UINT32_MAX, previous = 0;
        for (size_t j = 0; j < nevents; j++) {
            const event *o = &events[j];
            if (o->sentence != e->sentence || o->verb_start == e->verb_start)
                continue;
            if (o->verb_start > e->verb_start && o->verb_start < next)
                next = o->verb_start;
            if (o->verb_end <= e->verb_start && o->verb_end > previous)
                previous = o->verb_end;
        }
        long after = -1, before = -1;
        for (size_t d = 0; d < art->ndates; d++) {
            const date_mention *m = &art->dates[d];
            if (m->sentence != e->sentence)
                continue;
            if (m->start >= e->verb_end && m->start < next && after < 0)
                after = (long)d;
            if (m->end <= e->verb_start && m->start >= previous)
                before = (long)d;
        }
        e->date = (int32_t)(after >= 0 ? after : before);
    }
}

sitrep_status events_code(arena *a, const event_tables *tables, article *art)
{
    art->events = NULL;
    art->nevents = 0;
    if (!tables || !tables->patterns || !tables->lemmas)
        return SITREP_OK;
    emit_state st = {.a = a};
    sitrep_status status;
    for (uint32_t n = 0; n < art->text.nsentences; n++)
        if ((status = code_sentence(a, tables, art, n, &st, NULL)))
            return status;
    attach_extras(art, st.items, st.count);
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
    sitrep_status status;
    for (uint32_t n = 0; n < art->text.nsentences; n++) {
        if (only >= 0 && (long)n != only)
            continue;
        if ((status = code_sentence(a, tables, art, n, &st, out)))
            return status;
    }
    if (only >= 0 && (size_t)only >= art->text.nsentences &&
        buf_printf(out, "no sentence %ld (the article has %zu)\n", only, art->text.nsentences))
        return SITREP_ELIMIT;
    return SITREP_OK;
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
