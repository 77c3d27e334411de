/* events_internal.h - what the files of the events stage share (not for other stages; they
 * include events.h): the per-sentence clause context, the word and actor tests over its tokens
 * (static inline: they run for every token the coder looks at), the word lists, and the
 * functions each file offers the others. events.c runs the coder per match and calls into
 * verb_group.c, arguments.c, compound.c, nominal.c and emit.c.
 */
#ifndef SITREP_EVENTS_INTERNAL_H
#define SITREP_EVENTS_INTERNAL_H

#include "events.h"

#include "../match/match.h"

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
    size_t lemmas_room; /* slices allocated at lemmas, reused by the next sentence */
    verbmatch matches[VERBMATCH_MAX];
    size_t nmatches;
    /* actors of the sentence: index into art->actors and token range [first, last] */
    int32_t *actor;
    uint32_t *afirst, *alast;
    size_t nact;
    int8_t *actor_at;   /* per token: 1 when inside an actor */
    buf *trace;         /* explain output, NULL when coding */
    arena *a;           /* the article's arena (codes made of a country and a role) */
    size_t place_first; /* first of the sentence's places in article.places */
    bool adverbial;     /* the match being coded is an adverbial participle ("after blaming") */
    /* the match's subject is a first-person "we" in a speaker's words: the speaker's side
     * stands for it (compound.c) */
    bool has_speaker;
    event_side speaker;
} clause_ctx;

/* ---- words ---- */

static inline bool word_is(const clause_ctx *c, long i, const char *w)
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
static inline bool lower_token(const clause_ctx *c, long i, char *out, size_t cap)
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
static inline bool in_list(const char *word, const char *const *words)
{
    for (; *words; words++)
        if ((*words)[0] == word[0] && strcmp(*words, word) == 0)
            return true;
    return false;
}

static inline bool word_in(const clause_ctx *c, long i, const char *const *words)
{
    char low[32];
    return lower_token(c, i, low, sizeof low) && in_list(low, words);
}

static inline bool lemma_is(const clause_ctx *c, long i, const char *w)
{
    if (i < 0 || (size_t)i >= c->ntokens)
        return false;
    return slice_eq_cstr(c->lemmas[i], w);
}

static inline bool lemma_in(const clause_ctx *c, long i, const char *const *words)
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
static inline bool verb_lemma_in(const clause_ctx *c, long i, const char *const *words)
{
    if (lemma_in(c, i, words))
        return true;
    if (i < 0 || (size_t)i >= c->ntokens || c->tokens[i].kind != TOKEN_WORD)
        return false;
    /* a verb's lemma is already its verb lemma; only nouns, adjectives and untagged words are
     * reduced again (this runs for every word of every verb group) */
    uint8_t u = c->tokens[i].upos;
    if (u != UPOS_NONE && u != UPOS_NOUN && u != UPOS_ADJ && u != UPOS_PROPN && u != UPOS_X)
        return false;
    char lemma[LEMMA_MAX_WORD + 1];
    const token *t = &c->tokens[i];
    size_t n =
        lemma_verb(c->tables->lemmas, c->text + t->start, t->end - t->start, lemma, sizeof lemma);
    return n > 0 && n < sizeof lemma && (lemma[n] = '\0', in_list(lemma, words));
}

/* A token tagged VERB whose word WordNet knows as a verb (the tagger takes "eastern" after
 * "to" for a verb). Untagged tokens are not verbs here. */
static inline bool is_verb_word(const clause_ctx *c, long i)
{
    if (i < 0 || (size_t)i >= c->ntokens || c->tokens[i].upos != UPOS_VERB)
        return false;
    char lemma[LEMMA_MAX_WORD + 1];
    const token *t = &c->tokens[i];
    size_t n =
        lemma_verb(c->tables->lemmas, c->text + t->start, t->end - t->start, lemma, sizeof lemma);
    return lemma_is_verb(c->tables->lemmas, lemma, n);
}

static inline bool is_punct(const clause_ctx *c, long i)
{
    if (i < 0 || (size_t)i >= c->ntokens)
        return true;
    uint8_t k = c->tokens[i].kind;
    return k == TOKEN_PUNCT || k == TOKEN_DASH || k == TOKEN_QUOTE;
}

static inline bool is_comma(const clause_ctx *c, long i)
{
    return word_is(c, i, ",");
}

/* True when a negation stands right before the verb at v ("did not deny", "never denied"). */
static inline bool events_negated_before(const clause_ctx *c, long v)
{
    for (long i = v - 1; i >= 0 && v - i <= 2; i--)
        if (word_in(c, i, (const char *const[]){"not", "n't", "never", NULL}) ||
            word_is(c, i, "n\xe2\x80\x99t"))
            return true;
    return false;
}

static inline bool is_possessive(const clause_ctx *c, long i)
{
    if (i < 0 || (size_t)i >= c->ntokens || c->tokens[i].kind != TOKEN_CLITIC)
        return false;
    return word_is(c, i, "'s") || word_is(c, i, "\xe2\x80\x99s") || word_is(c, i, "'") ||
           word_is(c, i, "\xe2\x80\x99");
}

static inline uint8_t upos(const clause_ctx *c, long i)
{
    return (i < 0 || (size_t)i >= c->ntokens) ? 0 : c->tokens[i].upos;
}

/* True when token i is a finite verb (VBD, VBZ, VBP) by the tagger. */
static inline bool events_finite_verb(const clause_ctx *c, long i)
{
    if (!c->tables->tagger || upos(c, i) != UPOS_VERB)
        return false;
    const char *x = tagger_xpos_name(c->tables->tagger, c->tokens[i].xpos);
    return strcmp(x, "VBD") == 0 || strcmp(x, "VBZ") == 0 || strcmp(x, "VBP") == 0;
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
    "advise",   "assist", "want",    "need",   "expect",    "lead",      "prompt",   "cause",
    "spur",     "drive",  "trigger", NULL};
/* Object-control verbs whose complement is asked for, not reported as done ("urged Russia to
 * withdraw": no withdrawal is coded; "helped the army drive ...": the drive is). */
static const char *const non_implicative[] = {
    "urge", "ask",    "call",     "order",  "encourage", "persuade",  "tell",      "permit",
    "push", "press",  "pressure", "invite", "require",   "authorize", "authorise", "instruct",
    "warn", "advise", "want",     "need",   "expect",    "allow",     NULL};
/* Support verbs: their object noun names the event, their subject is its source ("launched an
 * attack", "mounted an invasion", "imposed sanctions", "held talks"). */
static const char *const support_verbs[] = {
    "launch",   "mount",      "carry",     "conduct",   "stage",       "begin",  "start",
    "continue", "resume",     "step",      "intensify", "escalate",    "make",   "hold",
    "pay",      "give",       "offer",     "provide",   "impose",      "extend", "announce",
    "order",    "deliver",    "undertake", "complete",  "renew",       "open",   "wage",
    "unleash",  "perform",    "conclude",  "engage",    "involve",     "enter",  "initiate",
    "commence", "perpetrate", "commit",    "spearhead", "orchestrate", NULL};
/* Nouns of request before an infinitive: "pressure from Congress to help", "permission to". */
static const char *const request_nouns[] = {
    "pressure",  "call",    "calls",      "appeal",    "appeals", "request", "requests",
    "demand",    "demands", "plea",       "pleas",     "order",   "orders",  "permission",
    "authority", "mandate", "invitation", "ultimatum", NULL};
static const char *const possessive_dets[] = {"his", "her", "its",  "their",
                                              "our", "my",  "your", NULL};
static const char *const rel_pronouns[] = {"who", "which", "that", "whom", NULL};
/* Verbs of saying, thinking and wanting: what follows them is a clause or an object with its
 * own predicate ("said protesters marched", "which said the army carried out", "wants Trump
 * banned"), not the object of a transitive verb. Lemmas. */
static const char *const clause_verbs[] = {
    "say",      "claim", "allege", "believe", "think",   "know",   "report",   "insist",
    "argue",    "deny",  "fear",   "hope",    "suggest", "show",   "find",     "confirm",
    "warn",     "admit", "assert", "state",   "tell",    "add",    "note",     "estimate",
    "expect",   "feel",  "worry",  "charge",  "testify", "reveal", "announce", "indicate",
    "conclude", "want",  "wish",   "need",    "like",    "prefer", NULL};
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
static inline long token_at(const clause_ctx *c, uint32_t at)
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
static inline long actor_starting(const clause_ctx *c, long i, size_t from)
{
    for (size_t k = from; k < c->nact; k++)
        if ((long)c->afirst[k] == i)
            return (long)k;
    return -1;
}

/* The actor right after the word at i ("by the European Union", "to Ukraine"): one starting at
 * i + 1, or at i + 2 over a determiner; -1 when none. */
static inline long actor_after_word(const clause_ctx *c, long i)
{
    long k = actor_starting(c, i + 1, 0);
    return k >= 0 ? k : actor_starting(c, i + 2, 0);
}

static inline long actor_ending(const clause_ctx *c, long i)
{
    for (size_t k = 0; k < c->nact; k++)
        if ((long)c->alast[k] == i)
            return (long)k;
    return -1;
}

static inline long actor_covering(const clause_ctx *c, long i)
{
    for (size_t k = 0; k < c->nact; k++)
        if ((long)c->afirst[k] <= i && i <= (long)c->alast[k])
            return (long)k;
    return -1;
}

static inline const actor_mention *mention(const clause_ctx *c, long k)
{
    return &c->art->actors[c->actor[k]];
}

/* True when the mention's role is one of the NULL-ended list ("CVL", "MED" ...). */
static inline bool role_in(const actor_mention *am, const char *const *roles)
{
    if (!am->role)
        return false;
    for (size_t i = 0; roles[i]; i++)
        if (strcmp(am->role, roles[i]) == 0)
            return true;
    return false;
}

/* ---- codes and verbs ---- */

/* True when a CAMEO code starts with prefix ("072" with "07"). */
static inline bool code_is(const char *code, const char *prefix)
{
    return strncmp(code, prefix, strlen(prefix)) == 0;
}

static inline bool is_verb_token(const clause_ctx *c, long i)
{
    uint8_t u = upos(c, i);
    return u == UPOS_VERB || u == UPOS_AUX;
}

/* True when the verb at `anchor` sends forces somewhere ("deploy", "send", "dispatch"). */
static inline bool events_sending_verb(const clause_ctx *c, long anchor)
{
    static const char *const lemmas[] = {"deploy",   "send", "dispatch", "station",
                                         "redeploy", "post", NULL};
    return verb_lemma_in(c, anchor, lemmas);
}

/* True when token i is glued by a hyphen to the word before it ("held" in "government-held"):
 * part of a compound modifier, not a verb of the clause. */
static inline bool hyphen_glued(const clause_ctx *c, long i)
{
    return i >= 2 && i < (long)c->ntokens && !(c->tokens[i].flags & TOKEN_SPACE_BEFORE) &&
           !(c->tokens[i - 1].flags & TOKEN_SPACE_BEFORE) && word_is(c, i - 1, "-");
}

/* True when token i, by its lower-case form or its lemma, is a word of one of the NULL-ended
 * list of classes of classes.txt ("sense_civil", "weapon"); a class the pattern set lacks has
 * no words. */
static inline bool events_token_in_classes(const clause_ctx *c, long i, const char *const *classes)
{
    char low[64];
    if (!lower_token(c, i, low, sizeof low))
        return false;
    size_t n = strlen(low);
    slice l = c->lemmas[i];
    for (size_t k = 0; classes[k]; k++)
        if (pattern_class_has(c->tables->patterns, classes[k], low, n) ||
            (l.len && pattern_class_has(c->tables->patterns, classes[k], l.ptr, l.len)))
            return true;
    return false;
}

/* True when token i is a form in -ing ("sending", "recalling"). */
static inline bool is_gerund(const clause_ctx *c, long i)
{
    return slice_ends_with(token_text(&c->art->text, &c->tokens[i]), "ing");
}

/* True when token i lies inside a place mention of the sentence. */
static inline bool place_covering_token(const clause_ctx *c, long i)
{
    if (i < 0 || (size_t)i >= c->ntokens)
        return false;
    const token *t = &c->tokens[i];
    for (size_t p = c->place_first; p < c->art->nplaces; p++) {
        const place_mention *pm = &c->art->places[p];
        if (pm->sentence != c->sentence || pm->start >= t->end)
            break;
        if (pm->start <= t->start && t->end <= pm->end)
            return true;
    }
    return false;
}

/* ---- the coder's state ---- */

/* A group of conjoined actors ("Russia and North Korea", "the two countries"). */
typedef struct actor_group {
    long items[GROUP_MAX]; /* indices into c->actor */
    size_t n;
    long first, last; /* token range of the whole group */
} actor_group;

/* The verb group of an anchor: the words left of it that shape its modality. */
typedef struct verb_group {
    long first;      /* first token of the group (aux, modal, catenative ...) */
    long anchor;     /* the verb */
    bool passive;    /* be/get + past participle */
    bool infinitive; /* the group starts with "to" (or is a bare infinitive after help/make) */
    long governor;   /* the catenative or purpose governor's token, -1 */
    uint8_t modality;
} verb_group;

/* The events of one article as they are coded (arena array). */
typedef struct emit_state {
    arena *a;
    event *items;
    size_t count, alloc;
    bool dropped;
} emit_state;

/* ---- verb groups and modality (verb_group.c) ---- */

/* The verb group of the verb at `anchor`: walks left over auxiliaries, negation, adverbs and
 * catenatives ("is not planning to deploy"); passive voice (be/get + participle, or a reduced
 * relative) and infinitives are marked. */
void verb_group_find(const clause_ctx *c, long anchor, verb_group *vg);
/* "Russia, accused by Britain of ...": for a past participle in apposition with a "by" agent
 * after it, the actor before the comma (index into c->actor), which the participle is done
 * to; -1 otherwise. */
long events_apposed_subject(const clause_ctx *c, const verb_group *vg);
/* Modality from the words of the group [first, anchor] and the clause before it. */
uint8_t events_modality_of(const clause_ctx *c, const verb_group *vg);
/* True when the group denies excluding what it governs ("has not ruled out using force",
 * "did not rule out a strike", "never excluded"). */
bool events_not_ruled_out(const clause_ctx *c, const verb_group *vg);
/* True when an event noun of roots 18-20, or a word of the classes @attacknoun and @violence,
 * stands in the object of match m ("condemned the attack", "called for an end to the
 * fighting"). sides.c. */
bool events_violent_object(const clause_ctx *c, const verbmatch *m);
/* True when token i stands in a condition or an open question: an "if", "unless" or "whether"
 * earlier in its comma segment ("if Iran attacked Israel, ...", "whether Trump withheld aid"). */
bool events_in_condition(const clause_ctx *c, long i);
/* The verb group of the nearest verb before token `before`, for coordinated and controlled
 * verbs. Matches' anchors are preferred; tags otherwise. */
bool verb_group_previous(const clause_ctx *c, long before, verb_group *out);
/* Token i, or past the date that starts at it ("on Monday", "last week", "in March"): the
 * first token after the date. */
long events_skip_date(const clause_ctx *c, long i);
/* When the infinitive group vg is what its subject commits to ("pledged to send", "is ready
 * to talk"), the intent code for an act of `code` and the modality of the commitment itself
 * ("refused to promise": negated); NULL otherwise. */
const char *events_commitment(const clause_ctx *c, const verb_group *vg, const char *code,
                              uint8_t *modality);
/* Why an infinitive is not an event of its own, or NULL when it is: the verb that governs it
 * directly codes it ("threatened to attack", "agreed to lift"), it is asked of someone
 * ("urged Russia to withdraw", "pressure from Congress to help"), or it is the support that
 * sent forces are to give (`code` of roots 01-09: "sent mercenaries to support Haftar"). */
/* True when verb group vg heads a clause: a finite verb or an auxiliary in it (and no
 * infinitive), or a lone past form right after an actor that the tagger read as a participle
 * ("Israeli forces fired on ..."). */
bool events_clause_verb(const clause_ctx *c, const verb_group *vg);
/* The subject of "were among" before the participle of vg ("Two Americans were among those
 * killed", "were among 20 people detained"): the target of the participle's act, whose doer
 * is its "by" agent or unnamed; -1 when there is none. */
long events_among_subject(const clause_ctx *c, const verb_group *vg);
const char *events_infinitive_not_coded(const clause_ctx *c, const verb_group *vg,
                                        const char *code);
/* True when the verb at `order` orders one's own forces (police, troops, intelligence of no
 * other country than the orderer's, named before the act at `act`) to act: "the junta ordered
 * police to expel the ambassador" is the junta's act, coded as such. */
bool events_order_to_own_forces(const clause_ctx *c, long order, long act);
/* True when the anchor of match m sits inside the verb group of another match (a catenative
 * such as "plan" in "is planning to deploy"), or is the cue of a reporting frame that has its
 * content elsewhere. */
bool events_is_catenative_of_other(const clause_ctx *c, size_t mi);
/* True when the verb group holds an events_obligation ("must return", "should withdraw", "has to
 * leave", "ought to"): the act is asked for, not done. */
bool events_obligation(const clause_ctx *c, const verb_group *vg);

/* ---- denials, claims, allegations and purposes (stance.c) ---- */

/* What the words around the anchor of match m (vg: its verb group, NULL for an event noun)
 * make of its event: NULL when it is coded, with
 * *modality set to negated for a denial ("denied that its jets struck") and to hypothetical
 * inside a condition or an open question ("whether", "if"); otherwise why it is not coded: a
 * disputed claim ("rejected claims that", "described the idea that ... as absurd", "no
 * evidence that"), an allegation ("accused of executing"), the purpose of a diplomatic act
 * ("summoned the ambassador to protest"). The returned string is static. */
const char *events_stance(const clause_ctx *c, const verbmatch *m, const verb_group *vg,
                          uint8_t *modality);

/* ---- verbs the tagger misread (misread.c) ---- */

/* The tokens of a sentence as the coder reads them: `tokens` itself, or an arena copy in
 * which verbs the tagger misread are VERB again (a past form tagged NOUN after its subject,
 * "Ukraine fought off"; an -ed verb tagged ADJ between subject and object; a gerund tagged
 * ADJ after a preposition, "of imposing sanctions") and a participle that only modifies a noun
 * is ADJ ("the most mistreated people"). Never fails: at the arena cap the tagger's reading
 * stands. */
const token *events_repair_tags(arena *a, const event_tables *tables, const char *text,
                                const token *tokens, size_t ntokens);

/* ---- direction (direction.c) ---- */

/* True when the -ing verb of vg is the subject of the finite verb after its phrase (",
 * actually signing a deal has proved elusive"). */
bool events_gerund_subject(const clause_ctx *c, const verb_group *vg);
/* An adverbial participle: a bare -ing verb that opens a clause after a comma (", publicly
 * threatening them with tariffs", ", killing two soldiers") when a finite verb stands before
 * the comma. Its doer is the subject of that verb: *main gets that verb's group. */
bool events_adverbial_participle(const clause_ctx *c, const verb_group *vg, verb_group *main);

/* Checks who acts on whom once the clause's *source and *target (indices into c->actor, -1
 * for none) of match m (coded `code`; vg its verb group, NULL for an event noun) are found: a
 * relative clause acts through its antecedent
 * (*source replaced; *not_coded set when its subject is no actor: "the drinking that killed
 * him"); the subject of an infinitive after "for" is no target ("an agreement for US troops to
 * begin leaving"); the nation of aid given is its giver ("withheld US military aid to
 * Ukraine": the target is the actor after "to"). *not_coded is static. SITREP_ELIMIT at the
 * explain buffer's cap. */
sitrep_status events_direction(const clause_ctx *c, const verbmatch *m, const verb_group *vg,
                               const char *code, long *source, long *target,
                               const char **not_coded);

/* ---- word senses (senses.c) ---- */

/* The sense of match m's anchor (vg: its verb group, NULL for an event noun) between source
 * and target (indices into c->actor, -1 for none): a word with a violent and a non-violent sense
 * ("attacked", "battling", "crossing into") keeps a code of roots 18-20 only with a violent object,
 * instrument or actor, else becomes criticism (*code = "111") or nothing (*not_coded says why);
 * readings that hang on the actor or object ("a raid by police" 173, "expelled the envoys" 161,
 * troops arriving 154, "charged X with" 173 or 112, "fired warning shots" 150, killings by armed
 * forces 190) replace *code. The strings are static. SITREP_ELIMIT at the explain buffer's cap. */
sitrep_status events_sense(const clause_ctx *c, const verbmatch *m, const verb_group *vg,
                           long source, long target, const char **code, const char **not_coded);

/* ---- subjects, objects and slots (arguments.c) ---- */

/* Rebels, insurgents, militias, unidentified gunmen, opposition: their attacks inside their
 * own country have that country as the target ("the RSF shelled a camp in North Darfur"). */
bool events_non_state(const actor_mention *am);
/* People who act privately: civilians, refugees, business, media, students, workers, or a
 * people named by its nationality ("Syrians arriving in ..."). Their travel is no visit. */
bool events_private_people(const actor_mention *am);
/* Force posture, coercion, assaults, fights, mass violence: their place is their target. */
bool events_military_code(const char *code);
/* The subject actor (index into c->actor) of a verb group, -1 when none is found. */
long events_subject_from_group(const clause_ctx *c, const verb_group *vg, int depth);
/* The first actor (index into c->actor) starting in [from, to) with a country or a full code
 * (bare roles such as "troops" are usually the object, not the target), stopping at clause
 * boundaries; actors that hold the pattern's own words or fill its object or (for non-military
 * codes) place slot are skipped (see excluded_by_pattern). -1 when none. */
long events_actor_after(const clause_ctx *c, long from, long to, const verbmatch *m, bool military);
/* Like events_actor_after, bare roles included: the people a violent or coercive act is done
 * to when the text gives no state ("killed 19 people", "arrested two men"). */
long events_role_after(const clause_ctx *c, long from, long to, const verbmatch *m);
/* True when actor k lies inside the content of a reporting frame whose cue is the anchor:
 * "X claimed that Y ..." - Y belongs to the reported event, not to the statement. */
bool events_inside_reported_content(const clause_ctx *c, long anchor, long k);
/* The actor in a role slot's phrase: the first actor with a code within PATTERN_SLOT_GAP
 * tokens of the slot's first token ("to eastern and southern areas of Ukraine", "condemned
 * the coup in Niger"). For consultations (`consult`) the phrase ends at "in", "at", "near"
 * (a place, not a partner). */
long events_slot_actor(const clause_ctx *c, long slot, bool consult);
/* True when token i ends a target search: a subordinator or relative word, but not the "as"
 * of a quantity ("as many as 125 vessels", "as much as", "as well as"). */
bool events_target_stop(const clause_ctx *c, long i);
/* The first token of the clause that ends before token `before` (back to a comma, ";", ":",
 * "that", "which", "who" or a quote), or `at` when that is earlier: the evidence of a clause
 * whose subject is what is acted on reaches back over the subject, so that its quantities
 * belong to the event. */
long events_clause_start(const clause_ctx *c, long before, long at);
/* True when a word of class @name (classes.txt) stands in the clause before token `before`
 * (back to a comma, "that", "which" or the sentence start), by lemma or lower-case form. */
bool events_subject_names_class(const clause_ctx *c, long before, const char *name);

/* ---- the sides of an event (sides.c) ---- */

/* The "deny" verb when the event noun of match m is what someone denies a part in ("denied
 * any involvement in the attack", "denies a role in the strikes"), -1 otherwise. */
long events_denied_involvement(const clause_ctx *c, const verbmatch *m);
/* The side named by actor k of the clause (index into c->actor): its code, country and role
 * as the mention has them (SIDE_TEXT, or SIDE_REFERENCE for a pronoun or descriptor resolved
 * to an earlier actor); a bare role ("gunmen") has no code, only its role. */
event_side events_side_actor(const clause_ctx *c, long k);
/* The same for the article's mention `index` (index into article.actors), of any sentence. */
event_side events_side_mention(const clause_ctx *c, int32_t index);
/* The state of place p (index into article.places) as a side (SIDE_PLACE). */
event_side events_side_place(long p, const place_mention *pm);
/* No side at all: nothing in the text says who. */
event_side events_side_none(void);
/* Actor k as a side of the event of match m, with a bare role placed where it acts
 * (SIDE_CONTEXT): the place after it ("police in Germany"), else, for police, authorities,
 * protesters and other domestic roles, and for the victims of violence and coercion, the
 * site of the clause. Armed non-state groups as sources stay unknown. The code is in the
 * arena. */
event_side events_side_in_context(const clause_ctx *c, long k, const verbmatch *m, bool as_source);
/* "junta troops surrendered to the Arakan Army", "the army pushed Boko Haram out": when
 * `bare` is a state's role without its state (government, armed forces, police, intelligence,
 * courts) and `other` a rebel, insurgent, opposition or criminal group of one state, `bare`
 * takes that state (SIDE_CONTEXT; a civil conflict; foreign forces are named as foreign).
 * Returns true when it did. The code is in the arena. */
bool events_side_civil(const clause_ctx *c, event_side *bare, const event_side *other);
/* The place (index into article.places) named right after actor k ("police in Germany",
 * "authorities across Mali"), -1 when none. */
long events_place_of_actor(const clause_ctx *c, long k);
/* The place where the clause of match m happens or that it acts on: the first place with a
 * country after the anchor in its clause, else a place opening the sentence before a comma
 * ("In Gao, ..."); -1 when none. */
long events_site(const clause_ctx *c, const verbmatch *m);
/* True when an event of `code` (match m) is coded with its source (source true) or target
 * unknown: the policy of docs/events.md "Unknown sides". `passive`: the clause is an
 * agentless passive; `other`: the side that is known; `named_role`: the role of the unknown
 * side when it is a role noun without a state ("gunmen", "two men"), else NULL. */
bool events_unknown_side_ok(const clause_ctx *c, const verbmatch *m, const char *code, bool source,
                            bool passive, const event_side *other, const char *named_role);

/* ---- compound and mutual actors (compound.c) ---- */

/* Grows a group from actor k: others with the same span, then conjuncts joined by "and",
 * "or" or commas before and after. */
void events_group_from(const clause_ctx *c, long k, actor_group *g);
/* "talks between Russia and Ukraine", "clashes between Armenian and Azerbaijani troops", "a
 * prisoner exchange between X and Y": a joint act (consultation, cooperation, exchange,
 * fighting) whose word is followed by "between" and two or more conjoined actors is coded
 * both ways between each pair; sets *done when it applied. SITREP_ELIMIT at a cap. */
sitrep_status events_between(emit_state *st, clause_ctx *c, const verbmatch *m, const char *code,
                             uint8_t modality, bool *done);
/* Emits the events of a coded clause between the conjoined actors of its source and target
 * (joint acts, places acted on, paired codes; compound.c has the rules). SITREP_ELIMIT at a
 * cap. */
sitrep_status events_emit_groups(emit_state *st, clause_ctx *c, const verbmatch *m,
                                 const char *code, long source, long target, bool passive,
                                 uint8_t modality, long span_first, long span_last);

/* ---- nominal events (nominal.c) ---- */

/* The target of a criticism or rejection (match m, roots 11 but 110, and 12) whose object is
 * an event noun naming its doer: that doer ("condemned the missile launch by North Korea";
 * "Russia's annexation of ... was condemned"); else `target`. An actor index or -1. */
long events_criticised_doer(const clause_ctx *c, const verbmatch *m, const verb_group *vg,
                            long target);
/* The source, target and modality of an event noun (match mi); nominal.c has the rule. Sets
 * *done when the noun is not coded. SITREP_ELIMIT at the explain buffer's cap. */
sitrep_status events_nominal(const clause_ctx *c, size_t mi, long tslot, long slot_first,
                             long *source_out, long *target_out, uint8_t *modality_out,
                             long *span_first_out, bool *done);

/* The first token before the noun phrase that ends before token `head`: its determiners,
 * adjectives, numbers, compound nouns, hyphenated modifiers, possessors and actors ("the
 * latest Russian", "Israel's", "ceasefire") are walked over, but no word of the NULL-ended
 * lists `stops` (may be NULL). -1 when the phrase starts the sentence. */
long events_before_noun_phrase(const clause_ctx *c, long head, const char *const *const *stops);

/* ---- emitting events and explain lines (emit.c) ---- */

/* The reporting frame (index into article.attributions) whose content holds the anchor token
 * (the smallest when frames nest), -1 when the article asserts it itself. */
int32_t events_attribution_of(const clause_ctx *c, long anchor);
/* Appends the event SOURCE -CODE-> TARGET of match m with evidence over the sentence's tokens
 * [span_first, span_last], unless it repeats one already coded in the sentence (a specific
 * code replaces its general root code) or an actor acts on itself; traced when explaining.
 * Past EVENTS_MAX_PER_ARTICLE the event is dropped (st->dropped). Returns SITREP_ELIMIT at a
 * cap. */
sitrep_status events_emit(emit_state *st, const clause_ctx *c, const verbmatch *m,
                          const event_side *source, const event_side *target, const char *code,
                          uint8_t modality, long span_first, long span_last);
/* events_emit between actors of the clause (indices into c->actor, -1 for none). */
sitrep_status events_emit_actors(emit_state *st, const clause_ctx *c, const verbmatch *m,
                                 long source, long target, const char *code, uint8_t modality,
                                 long span_first, long span_last);
/* Appends a printf-formatted line to the explain output (nothing when coding). Returns
 * SITREP_ELIMIT at the output's cap. */
sitrep_status events_trace(const clause_ctx *c, const char *format, ...) PRINTF_LIKE(2, 3);
/* "'TEXT' CODE" of actor k into out (n bytes), or "none" when k < 0: for explain lines. */
const char *events_actor_label(const clause_ctx *c, long k, char *out, size_t n);
/* Attaches the extras of each event's clause: the quantities inside its evidence span, its
 * place and its date (events_place_of, events_date_of). */
void events_attach_extras(const article *art, const event_tables *tables, event *events,
                          size_t nevents);
/* The date of e (when_where.c): the nearest date of its own clause that no background phrase,
 * clause boundary or other event's anchor separates from it (date_source "clause"); else the
 * date of the reporting frame's cue ("report"); else the publication date ("published"), or
 * none. Sets e->date and e->date_source; reads the other events of the sentence. */
void events_date_of(const article *art, const event *events, size_t nevents, event *e);
/* The place of e: the first place after its anchor in its clause (else one inside its
 * evidence span; never the dateline), else its target's country from `places` (may be NULL).
 * Sets e->place, e->place_source and e->location, and where each side is placed (the place
 * it comes from, else its country: e->source_geo, e->target_geo). */
void events_place_of(const article *art, const gazetteer *places, event *e);

#endif
