/* extras.c - what the recognisers of the extras stage share: the cheap test of whether a
 * token may start a quantity or a date (every other token is skipped at once), and the words
 * that end a noun phrase after a number. Used by quantity.c and date.c.
 */
#include "extras.h"

#include <pthread.h>
#include <string.h>

/* Words that can start a quantity or a date (sorted: binary search). Every other word token
 * is skipped at once, which keeps the recognisers cheap on ordinary prose. */
static const char *const start_words[] = {
    "a",
    "an",
    "apr.",
    "april",
    "aug.",
    "august",
    "billions",
    "coming",
    "dec.",
    "december",
    "dozens",
    "earlier",
    "eight",
    "eighteen",
    "eighty",
    "eleven",
    "feb.",
    "february",
    "few",
    "fifteen",
    "fifty",
    "five",
    "forty",
    "four",
    "fourteen",
    "friday",
    "half",
    "hundreds",
    "jan.",
    "january",
    "jul.",
    "july",
    "jun.",
    "june",
    "last",
    "later",
    "mar.",
    "march",
    "may",
    "millions",
    "minus",
    "monday",
    "negative",
    "next",
    "nine",
    "nineteen",
    "ninety",
    "nov.",
    "november",
    "oct.",
    "october",
    "one",
    "past",
    "recent",
    "saturday",
    "scores",
    "sep.",
    "sept.",
    "september",
    "seven",
    "seventeen",
    "seventy",
    "several",
    "six",
    "sixteen",
    "sixty",
    "sunday",
    "ten",
    "tens",
    "thirteen",
    "thirty",
    "this",
    "thousands",
    "three",
    "thursday",
    "today",
    "tomorrow",
    "tonight",
    "tuesday",
    "twelve",
    "twenty",
    "two",
    "us",
    "wednesday",
    "yesterday",
    "zero",
    /* month abbreviations without a period ("Jan 20", "1st Jan"; date.c checks the number) */
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
};

/* Words that end the noun phrase after a number (its head is the last word before them). */
static const char *const np_stop[] = {
    "a",      "an",      "the",    "and",       "or",        "but",     "nor",     "to",
    "in",     "on",      "at",     "from",      "for",       "with",    "by",      "of",
    "into",   "onto",    "over",   "under",     "about",     "against", "across",  "through",
    "during", "after",   "before", "since",     "until",     "per",     "than",    "as",
    "that",   "which",   "who",    "whom",      "whose",     "were",    "was",     "are",
    "is",     "be",      "been",   "being",     "have",      "has",     "had",     "will",
    "would",  "could",   "should", "may",       "might",     "must",    "can",     "do",
    "does",   "did",     "not",    "this",      "these",     "those",   "it",      "its",
    "they",   "their",   "he",     "she",       "we",        "there",   "here",    "when",
    "where",  "while",   "if",     "so",        "now",       "also",    "still",   "each",
    "every",  "all",     "some",   "ago",       "more",      "less",    "most",    "least",
    "up",     "out",     "down",   "off",       "back",      "last",    "next",    "year",
    "said",   "says",    "say",    "according", "including", "like",    "between", "among",
    "toward", "towards", "within", "without",   "near",      "via",     "i",       "you",
    "his",    "her",     "our",    "my",
};
static const size_t np_stop_count = ARRAY_LEN(np_stop);

/* Word sets: open-addressing tables of lower-case words, built once (thread-safe) and
 * probed with one hash per token instead of a comparison per listed word. */
#define WORD_SET_SLOTS 1024 /* power of two, more than twice any list */

typedef struct word_set {
    const char *slots[WORD_SET_SLOTS];
} word_set;

static word_set start_set, stop_set, after_a_set;

static const char *const after_a_words[] = {
    "hundred", "dozen",   "thousand", "million", "billion", "trillion", "few",
    "third",   "quarter", "fifth",    "sixth",   "seventh", "eighth",   "ninth",
    "tenth",   "year",    "month",    "week",    "day",     "decade",   "fortnight",
};
static pthread_once_t sets_once = PTHREAD_ONCE_INIT;

/* FNV-1a: for words of a few bytes it is cheaper than hash_bytes, and it runs per token. */
static inline size_t word_hash(const char *s, size_t len)
{
    uint32_t h = 2166136261u;
    for (size_t k = 0; k < len; k++)
        h = (h ^ (unsigned char)s[k]) * 16777619u;
    return h ^ (h >> 15);
}

static void word_set_add_all(word_set *set, const char *const *words, size_t n)
{
    for (size_t w = 0; w < n; w++) {
        size_t len = strlen(words[w]);
        size_t slot = word_hash(words[w], len) & (WORD_SET_SLOTS - 1);
        while (set->slots[slot])
            slot = (slot + 1) & (WORD_SET_SLOTS - 1);
        set->slots[slot] = words[w];
    }
}

/* start_shape[c][d][n]: some start word begins with the lower-case letters c, d (d = 26 for a
 * non-letter) and has n bytes. Checked before hashing: most tokens stop here. */
static bool start_shape[26][27][16];

static int letter_index(char c)
{
    if (c >= 'A' && c <= 'Z')
        c = (char)(c + 32);
    return c >= 'a' && c <= 'z' ? c - 'a' : 26;
}

static void sets_build(void)
{
    word_set_add_all(&start_set, start_words, ARRAY_LEN(start_words));
    for (size_t w = 0; w < ARRAY_LEN(start_words); w++) {
        size_t len = strlen(start_words[w]);
        int c0 = letter_index(start_words[w][0]);
        int c1 = len > 1 ? letter_index(start_words[w][1]) : 26;
        if (c0 < 26 && len < 16)
            start_shape[c0][c1][len] = true;
    }
    word_set_add_all(&stop_set, np_stop, np_stop_count);
    word_set_add_all(&after_a_set, after_a_words, ARRAY_LEN(after_a_words));
}

/* True when token i, lower-cased, is in the set (tokens over 15 bytes never are). */
static bool word_set_has(const word_set *set, const text_result *text, size_t i)
{
    if (i >= text->ntokens)
        return false;
    const token *t = &text->tokens[i];
    size_t len = t->end - t->start;
    if (len >= 16)
        return false;
    const char *s = text->text + t->start;
    char lower[16];
    for (size_t k = 0; k < len; k++)
        lower[k] = (s[k] >= 'A' && s[k] <= 'Z') ? (char)(s[k] + 32) : s[k];
    pthread_once(&sets_once, sets_build);
    size_t slot = word_hash(lower, len) & (WORD_SET_SLOTS - 1);
    for (const char *w; (w = set->slots[slot]) != NULL; slot = (slot + 1) & (WORD_SET_SLOTS - 1))
        if (strncmp(w, lower, len) == 0 && w[len] == '\0')
            return true;
    return false;
}

bool extras_may_start(const text_result *text, size_t i)
{
    const token *t = &text->tokens[i];
    if (t->kind == TOKEN_NUMBER || t->kind == TOKEN_SYMBOL)
        return true;
    if (t->kind != TOKEN_WORD && t->kind != TOKEN_ABBREV)
        return false;
    size_t len = t->end - t->start;
    if (len >= 10)
        return false; /* the longest start word is "wednesday" (9) */
    const char *s = text->text + t->start;
    if (len == 8 && (s[0] == 'm' || s[0] == 'M') && s[3] == '-')
        return true; /* mid-2023 */
    int c0 = letter_index(s[0]);
    if (c0 == 26)
        return false;
    pthread_once(&sets_once, sets_build);
    if (!start_shape[c0][len > 1 ? letter_index(s[1]) : 26][len])
        return false;
    if (!word_set_has(&start_set, text, i))
        return false;
    /* "a"/"an" (very common) start something only before a scale, a denominator or a unit
     * of time: "a dozen", "a third of", "a year ago" */
    if ((len == 1 && (s[0] == 'a' || s[0] == 'A')) ||
        (len == 2 && (s[0] == 'a' || s[0] == 'A') && (s[1] == 'n' || s[1] == 'N')))
        return word_set_has(&after_a_set, text, i + 1);
    return true;
}

bool extras_np_stop(const text_result *text, size_t i)
{
    return word_set_has(&stop_set, text, i);
}
