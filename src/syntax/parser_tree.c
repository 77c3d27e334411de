/* parser_tree.c - reading a parse: the span of the words a word governs, and the clause a
 * reporting verb reports ("said that the army attacked the town", "the army attacked the
 * town, officials said"). For later stages (attribution, events) that want a clause rather
 * than single heads; they work on the tokens of one sentence after syntax_parse.
 */
#include "syntax.h"

/* Whether word i (0-based) descends from word w, or is w. Heads are 1-based, 0 the root. */
static bool descends(const token *words, size_t n, size_t i, size_t w)
{
    for (size_t steps = 0; steps <= n; steps++) {
        if (i == w)
            return true;
        unsigned h = words[i].head;
        if (h == 0 || h > n)
            return false;
        i = h - 1;
    }
    return false; /* a cycle: not a tree */
}

static bool parsed(const token *words, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (words[i].deprel == DEP_NONE || words[i].head > n)
            return false;
    return n > 0;
}

bool syntax_subtree(const token *words, size_t n, size_t w, size_t *first, size_t *last)
{
    if (w >= n || !parsed(words, n))
        return false;
    size_t lo = w, hi = w;
    for (size_t i = 0; i < n; i++)
        if (descends(words, n, i, w)) {
            lo = i < lo ? i : lo;
            hi = i > hi ? i : hi;
        }
    *first = lo;
    *last = hi;
    return true;
}

/* Narrows [*first, *last] past punctuation at either edge; false when nothing is left. */
static bool trim_punct(const token *words, size_t *first, size_t *last)
{
    while (*first <= *last && words[*first].deprel == DEP_PUNCT)
        (*first)++;
    while (*last > *first && words[*last].deprel == DEP_PUNCT)
        (*last)--;
    return *first <= *last && words[*first].deprel != DEP_PUNCT;
}

bool syntax_reported_clause(const token *words, size_t n, size_t verb, size_t *first, size_t *last)
{
    if (verb >= n || !parsed(words, n))
        return false;
    /* The verb's own clausal complement: ccomp first, else a parataxis or a colon-led clause
     * among its dependents ("said: the army ..."), the nearest first. */
    static const uint8_t wanted[] = {DEP_CCOMP, DEP_PARATAXIS};
    for (size_t k = 0; k < sizeof wanted; k++) {
        size_t best = n;
        for (size_t i = 0; i < n; i++)
            if (words[i].head == verb + 1 && words[i].deprel == wanted[k] &&
                (best == n ||
                 (i > verb ? i - verb : verb - i) < (best > verb ? best - verb : verb - best)))
                best = i;
        if (best < n && syntax_subtree(words, n, best, first, last))
            return trim_punct(words, first, last);
    }
    /* The verb as a parenthetical of the clause it reports ("..., officials said"): its
     * head's clause without the verb's own words. */
    if (words[verb].deprel == DEP_PARATAXIS && words[verb].head) {
        size_t head = words[verb].head - 1, lo, hi, vlo, vhi;
        if (!syntax_subtree(words, n, head, &lo, &hi) ||
            !syntax_subtree(words, n, verb, &vlo, &vhi))
            return false;
        if (vlo > head) {
            if (vlo == 0)
                return false;
            hi = vlo - 1;
        } else {
            lo = vhi + 1;
        }
        *first = lo;
        *last = hi;
        return trim_punct(words, first, last);
    }
    return false;
}
