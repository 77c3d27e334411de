/* misread.c - verbs the tagger misread, repaired for the event coder: a past form tagged as a
 * noun after its subject ("Ukraine fought off an attack"), an -ed verb tagged as an adjective
 * between its subject and object ("Erdogan pressured Sweden's government") or before a verb it is
 * coordinated with ("the militia advanced and seized"), a gerund tagged as
 * an adjective after a preposition ("stopped short of imposing sanctions"), a present form tagged
 * as a noun before the verb it governs ("Rwanda denies backing"), and a participle or
 * a base-form verb tagged as a verb that only modifies a noun ("the most mistreated people",
 * "U.S. combat troops"). The coder and the
 * pattern matcher read the repaired copy; the article's own tags are left as they are.
 */
#include "events_internal.h"

/* Words a subject can end with, by tag: nouns, names, pronouns. */
static bool subject_end(const token *t)
{
    return t->upos == UPOS_NOUN || t->upos == UPOS_PROPN || t->upos == UPOS_PRON;
}

/* Words an object can start with (a determiner, a name, a number, a pronoun); `nouns`: also
 * a noun or an adjective. */
static bool object_start(const token *t, bool nouns)
{
    return t->upos == UPOS_DET || t->upos == UPOS_PROPN || t->upos == UPOS_NUM ||
           t->upos == UPOS_PRON || (nouns && (t->upos == UPOS_NOUN || t->upos == UPOS_ADJ));
}

static bool ends_with(const char *w, size_t n, const char *suffix)
{
    size_t k = strlen(suffix);
    return n > k + 1 && memcmp(w + n - k, suffix, k) == 0;
}

/* The XPOS a misread verb at token i should have ("VBD", "VBG"), or NULL when the tagger's
 * reading stands. `w` is the lower-case word (n bytes). */
static const char *misread_verb(const lemma_table *lemmas, const char *text, const token *tokens,
                                size_t ntokens, size_t i, const char *w, size_t n)
{
    const token *t = &tokens[i];
    if ((t->upos != UPOS_NOUN && t->upos != UPOS_ADJ) || i == 0 || i + 1 >= ntokens ||
        t->kind != TOKEN_WORD || (t->flags & TOKEN_UPPER) || !(t->flags & TOKEN_SPACE_BEFORE))
        return NULL;
    const token *before = &tokens[i - 1], *after = &tokens[i + 1];
    bool gerund = ends_with(w, n, "ing"), participle = ends_with(w, n, "ed");
    /* the context first (cheap), the dictionary last */
    const char *xpos = NULL;
    if (gerund) /* "of imposing sanctions": after a preposition, before its object */
        xpos = before->upos == UPOS_ADP && object_start(after, true) ? "VBG" : NULL;
    else if (ends_with(w, n, "s") && subject_end(before) && after->upos == UPOS_VERB)
        xpos = "VBZ"; /* "Rwanda denies backing the rebels": before the verb it governs */
    else if (subject_end(before) && after->kind == TOKEN_WORD)
        /* "Ukraine fought off", "Erdogan pressured Sweden's": between subject and object; an
         * irregular past form also before a preposition */
        xpos = object_start(after, false) || (!participle && after->upos == UPOS_ADP) ||
                       (after->upos == UPOS_ADJ && after->end - after->start == 4 &&
                        memcmp(text + after->start, "dead", 4) == 0) ||
                       /* "the militia advanced and seized": a past form coordinated with a verb */
                       (after->upos == UPOS_CCONJ && i + 2 < ntokens &&
                        tokens[i + 2].upos == UPOS_VERB)
                   ? "VBD"
                   : NULL;
    if (!xpos)
        return NULL;
    char verb[LEMMA_MAX_WORD + 1], noun[LEMMA_MAX_WORD + 1];
    size_t vn = lemma_verb(lemmas, w, n, verb, sizeof verb);
    if (!vn || vn >= sizeof verb || (vn == n && memcmp(verb, w, n) == 0) ||
        !lemma_is_verb(lemmas, verb, vn))
        return NULL; /* not an inflected verb */
    /* "police shot dead two protesters": a verb with a resultative "dead", noun or not */
    if (xpos[2] == 'D' && after->end - after->start == 4 &&
        memcmp(text + after->start, "dead", 4) == 0)
        return xpos;
    size_t nn = lemma_noun(lemmas, w, n, noun, sizeof noun);
    if (nn && nn < sizeof noun && lemma_is_noun(lemmas, noun, nn))
        return NULL; /* a real noun ("planes", "attacks", "bombing") */
    return xpos;
}

/* A past participle tagged as a verb that modifies the noun after it: "the most mistreated
 * people", "a newly elected president" (not "has recently signed deals"). */
static bool attributive_participle(const char *text, const token *tokens, size_t ntokens, size_t i)
{
    const token *t = &tokens[i];
    if (t->upos != UPOS_VERB || i == 0 || i + 1 >= ntokens || t->end - t->start < 3 ||
        memcmp(text + t->end - 2, "ed", 2) != 0)
        return false;
    const token *before = &tokens[i - 1], *after = &tokens[i + 1];
    return after->upos == UPOS_NOUN &&
           (before->upos == UPOS_DET || before->upos == UPOS_ADV ||
            before->upos == UPOS_NUM) && /* "rescued 20 kidnapped students" */
           !(before->upos == UPOS_ADV && i >= 2 &&
             (tokens[i - 2].upos == UPOS_AUX || tokens[i - 2].upos == UPOS_NOUN ||
              tokens[i - 2].upos == UPOS_PROPN || tokens[i - 2].upos == UPOS_PRON));
}

/* A base-form verb that is a noun modifier ("U.S. combat troops": combat/VB): no "to",
 * auxiliary or causative verb before it to license a bare verb, a noun after it, and a noun
 * in WordNet. */
static bool modifier_misread_as_verb(const lemma_table *lemmas, const tagger *model,
                                     const char *text, const token *tokens, size_t ntokens,
                                     size_t i)
{
    const token *t = &tokens[i];
    if (t->upos != UPOS_VERB || i == 0 || i + 1 >= ntokens || tokens[i + 1].upos != UPOS_NOUN ||
        strcmp(tagger_xpos_name(model, t->xpos), "VB") != 0)
        return false;
    uint8_t b = tokens[i - 1].upos;
    if (b != UPOS_PROPN && b != UPOS_ADJ && b != UPOS_DET && b != UPOS_NUM && b != UPOS_NOUN)
        return false;
    for (size_t k = i > 5 ? i - 5 : 0; k < i; k++) {
        const token *p = &tokens[k];
        char lemma[LEMMA_MAX_WORD + 1];
        size_t n = p->end - p->start;
        if ((p->upos == UPOS_AUX || p->upos == UPOS_PART) &&
            (k + 1 == i || (k + 2 == i && tokens[i - 1].upos == UPOS_ADV)))
            return false; /* "will combat", "to combat", "not combat" */
        size_t ln =
            n <= LEMMA_MAX_WORD ? lemma_verb(lemmas, text + p->start, n, lemma, sizeof lemma) : 0;
        if (ln && ln < sizeof lemma && (lemma[ln] = '\0', 1) &&
            in_list(lemma, (const char *const[]){"let", "make", "help", "see", "watch", "have",
                                                 "bid", "hear", "feel", NULL}))
            return false;
    }
    size_t n = t->end - t->start;
    char noun[LEMMA_MAX_WORD + 1];
    size_t nn = n <= LEMMA_MAX_WORD ? lemma_noun(lemmas, text + t->start, n, noun, sizeof noun) : 0;
    return nn && nn < sizeof noun && lemma_is_noun(lemmas, noun, nn);
}

const token *events_repair_tags(arena *a, const event_tables *tables, const char *text,
                                const token *tokens, size_t ntokens)
{
    if (!tables->tagger || !tables->lemmas)
        return tokens;
    token *copy = NULL;
    for (size_t i = 0; i < ntokens; i++) {
        const token *t = &tokens[i];
        size_t n = t->end - t->start;
        uint8_t upos = UPOS_VERB;
        const char *xpos = NULL;
        if (attributive_participle(text, tokens, ntokens, i)) {
            upos = UPOS_ADJ;
            xpos = "JJ";
        } else if (modifier_misread_as_verb(tables->lemmas, tables->tagger, text, tokens, ntokens,
                                            i)) {
            upos = UPOS_NOUN;
            xpos = "NN";
        } else if ((t->upos == UPOS_NOUN || t->upos == UPOS_ADJ) && n >= 4 && n <= LEMMA_MAX_WORD) {
            char w[LEMMA_MAX_WORD + 1];
            for (size_t k = 0; k < n; k++) {
                char ch = text[t->start + k];
                w[k] = (ch >= 'A' && ch <= 'Z') ? (char)(ch - 'A' + 'a') : ch;
            }
            w[n] = '\0';
            xpos = misread_verb(tables->lemmas, text, tokens, ntokens, i, w, n);
        }
        if (!xpos)
            continue;
        if (!copy) {
            copy = arena_alloc(a, ntokens * sizeof *copy);
            if (!copy)
                return tokens; /* at the arena cap the tagger's reading stands */
            memcpy(copy, tokens, ntokens * sizeof *copy);
        }
        copy[i].upos = upos;
        copy[i].xpos = tagger_xpos_find(tables->tagger, xpos);
    }
    return copy ? copy : tokens;
}
