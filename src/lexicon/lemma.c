/* lemma.c - verb lemmas and noun singulars for pattern matching.
 *
 * Irregular forms come from WordNet's verb.exc and noun.exc (Debian's wordnet-base); regular
 * forms are reduced by English suffix rules, each candidate checked against index.verb or
 * index.noun. Loaded once, immutable, shared by threads.
 */
#include "lexicon.h"

#include "../syntax/syntax.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* An open-addressing set/map of words. Keys (and values) are offsets into `blob`. */
typedef struct lemma_map {
    uint32_t *keys;   /* offset + 1 into blob, 0 = empty */
    uint32_t *values; /* offset + 1, 0 = none (a set) */
    size_t mask;
    size_t count;
} lemma_map;

struct lemma_table {
    char *blob;
    size_t blob_len, blob_alloc;
    lemma_map verbs, nouns, verb_exc, noun_exc;
};

#define LEMMA_MAX_FILE ((size_t)64 << 20)

static uint32_t blob_put(lemma_table *t, const char *s, size_t n)
{
    if (t->blob_len + n + 1 > t->blob_alloc) {
        t->blob_alloc = (t->blob_len + n + 1) * 2;
        t->blob = xrealloc(t->blob, t->blob_alloc);
    }
    size_t at = t->blob_len;
    memcpy(t->blob + at, s, n);
    t->blob[at + n] = '\0';
    t->blob_len += n + 1;
    return (uint32_t)(at + 1);
}

static void map_init(lemma_map *m, size_t expected)
{
    size_t size = 16;
    while (size < expected * 2)
        size <<= 1;
    m->keys = xcalloc(size, sizeof *m->keys);
    m->values = xcalloc(size, sizeof *m->values);
    m->mask = size - 1;
    m->count = 0;
}

static void map_release(lemma_map *m)
{
    free(m->keys);
    free(m->values);
}

/* Returns the slot of key (found or the empty slot where it belongs). */
static size_t map_slot(const lemma_table *t, const lemma_map *m, const char *s, size_t n)
{
    size_t i = (size_t)hash_bytes(s, n, 0x5eed) & m->mask;
    for (;;) {
        uint32_t k = m->keys[i];
        if (k == 0)
            return i;
        const char *key = t->blob + k - 1;
        if (strncmp(key, s, n) == 0 && key[n] == '\0')
            return i;
        i = (i + 1) & m->mask;
    }
}

static void map_put(lemma_table *t, lemma_map *m, const char *key, size_t n, const char *value,
                    size_t vn)
{
    if ((m->count + 1) * 2 > m->mask + 1) { /* keep the load under one half */
        lemma_map bigger;
        map_init(&bigger, (m->mask + 1));
        for (size_t i = 0; i <= m->mask; i++) {
            if (!m->keys[i])
                continue;
            const char *k = t->blob + m->keys[i] - 1;
            size_t j = map_slot(t, &bigger, k, strlen(k));
            bigger.keys[j] = m->keys[i];
            bigger.values[j] = m->values[i];
            bigger.count++;
        }
        map_release(m);
        *m = bigger;
    }
    size_t i = map_slot(t, m, key, n);
    if (m->keys[i])
        return; /* the first entry wins (verb.exc lists the usual base first) */
    m->keys[i] = blob_put(t, key, n);
    m->values[i] = value ? blob_put(t, value, vn) : 0;
    m->count++;
}

static const char *map_get(const lemma_table *t, const lemma_map *m, const char *s, size_t n,
                           bool *found)
{
    size_t i = map_slot(t, m, s, n);
    *found = m->keys[i] != 0;
    return *found && m->values[i] ? t->blob + m->values[i] - 1 : NULL;
}

static bool map_has(const lemma_table *t, const lemma_map *m, const char *s, size_t n)
{
    bool found;
    (void)map_get(t, m, s, n, &found);
    return found;
}

/* Reads DIR/NAME; a missing file names the package that provides it. */
static sitrep_status read_wordnet(const char *dir, const char *name, char **text, size_t *length,
                                  diag *d)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    if (access(path, R_OK) != 0) {
        diag_set(d, path, 0,
                 "cannot open WordNet file (install the Debian package wordnet-base or set "
                 "the WordNet directory)");
        return SITREP_ENOTFOUND;
    }
    return file_read_all(path, LEMMA_MAX_FILE, text, length, d);
}

/* index.* lines: "lemma pos ..."; license lines start with spaces. exc lines: "form base". */
static void load_lines(lemma_table *t, lemma_map *m, const char *text, size_t length, bool exc)
{
    const char *p = text, *end = text + length;
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *stop = nl ? nl : end;
        if (p < stop && *p != ' ') {
            const char *sp = memchr(p, ' ', (size_t)(stop - p));
            size_t n = (size_t)((sp ? sp : stop) - p);
            if (exc && sp) {
                const char *v = sp + 1;
                const char *sp2 = memchr(v, ' ', (size_t)(stop - v));
                size_t vn = (size_t)((sp2 ? sp2 : stop) - v);
                if (n && vn && n <= LEMMA_MAX_WORD && vn <= LEMMA_MAX_WORD)
                    map_put(t, m, p, n, v, vn);
            } else if (!exc && n && n <= LEMMA_MAX_WORD) {
                map_put(t, m, p, n, NULL, 0);
            }
        }
        p = nl ? nl + 1 : end;
    }
}

sitrep_status lemma_load(const char *dir, lemma_table **out, diag *d)
{
    *out = NULL;
    diag_clear(d);
    if (!dir || !*dir)
        dir = LEMMA_DEFAULT_DIR;
    lemma_table *t = xcalloc(1, sizeof *t);
    map_init(&t->verbs, 16384);
    map_init(&t->nouns, 131072);
    map_init(&t->verb_exc, 4096);
    map_init(&t->noun_exc, 4096);
    static const char *const files[4] = {"index.verb", "index.noun", "verb.exc", "noun.exc"};
    lemma_map *maps[4] = {&t->verbs, &t->nouns, &t->verb_exc, &t->noun_exc};
    for (int i = 0; i < 4; i++) {
        char *text;
        size_t length;
        sitrep_status status = read_wordnet(dir, files[i], &text, &length, d);
        if (status != SITREP_OK) {
            lemma_free(t);
            return status;
        }
        load_lines(t, maps[i], text, length, i >= 2);
        free(text);
    }
    if (t->verbs.count == 0 || t->nouns.count == 0) {
        lemma_free(t);
        return diag_set(d, dir, 0, "WordNet index files hold no words");
    }
    *out = t;
    return SITREP_OK;
}

void lemma_free(lemma_table *table)
{
    if (!table)
        return;
    map_release(&table->verbs);
    map_release(&table->nouns);
    map_release(&table->verb_exc);
    map_release(&table->noun_exc);
    free(table->blob);
    free(table);
}

bool lemma_is_verb(const lemma_table *table, const char *lemma, size_t length)
{
    return map_has(table, &table->verbs, lemma, length);
}

size_t lemma_verbs_with_prefix(const lemma_table *table, const char *prefix, size_t length,
                               const char **out, size_t max)
{
    size_t found = 0;
    for (size_t i = 0; i <= table->verbs.mask; i++) {
        uint32_t k = table->verbs.keys[i];
        if (k == 0)
            continue;
        const char *key = table->blob + k - 1;
        if (strncmp(key, prefix, length) != 0)
            continue;
        if (found < max)
            out[found] = key;
        found++;
    }
    /* map order depends on hashes only; sort so callers see a stable, readable order */
    size_t n = found < max ? found : max;
    for (size_t i = 1; i < n; i++)
        for (size_t j = i; j > 0 && strcmp(out[j - 1], out[j]) > 0; j--) {
            const char *swap = out[j];
            out[j] = out[j - 1];
            out[j - 1] = swap;
        }
    return found;
}

bool lemma_is_noun(const lemma_table *table, const char *lemma, size_t length)
{
    return map_has(table, &table->nouns, lemma, length);
}

/* Lower-cases ASCII letters into out; other bytes are copied. Returns the length, or 0 when
 * the word does not fit (the caller then copies it as it is). */
static size_t lower(const char *word, size_t length, char *out, size_t outlen)
{
    if (length + 1 > outlen)
        length = outlen - 1;
    for (size_t i = 0; i < length; i++) {
        char c = word[i];
        out[i] = (c >= 'A' && c <= 'Z') ? (char)(c - 'A' + 'a') : c;
    }
    out[length] = '\0';
    return length;
}

static bool is_vowel(char c)
{
    return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

/* consonant-vowel-consonant at the end of s[0..n) (hop, fin, us): "-ed"/"-ing" stems of this
 * shape usually lost an "e" (hoped, fined, using), so stem+e is tried first. */
static bool ends_cvc(const char *s, size_t n)
{
    if (n < 2)
        return false;
    char c = s[n - 1], v = s[n - 2];
    if (is_vowel(c) || c == 'w' || c == 'x' || c == 'y' || !is_vowel(v))
        return false;
    return n == 2 || !is_vowel(s[n - 3]);
}

static size_t copy_out(const char *s, size_t n, char *out, size_t outlen)
{
    if (n + 1 > outlen)
        n = outlen - 1;
    memmove(out, s, n);
    out[n] = '\0';
    return n;
}

/* Tries stem (w[0..n) + add) as a member of `set`; on success writes it to out. */
static bool try_stem(const lemma_table *t, const lemma_map *set, const char *w, size_t n,
                     const char *add, char *out, size_t outlen, size_t *result)
{
    char buffer[LEMMA_MAX_WORD + 8];
    size_t an = strlen(add);
    if (n == 0 || n + an >= sizeof buffer)
        return false;
    memcpy(buffer, w, n);
    memcpy(buffer + n, add, an);
    if (!map_has(t, set, buffer, n + an))
        return false;
    *result = copy_out(buffer, n + an, out, outlen);
    return true;
}

/* Regular verb rules; returns 0 when none gives a WordNet verb. */
static size_t verb_rules(const lemma_table *t, const char *w, size_t n, char *out, size_t outlen)
{
    const lemma_map *v = &t->verbs;
    size_t r;
    if (n > 3 && slice_ends_with(slice_make(w, n), "ies") &&
        try_stem(t, v, w, n - 3, "y", out, outlen, &r))
        return r;
    /* -es only after a sibilant or an o (pushes, fixes, reaches, vetoes); "planes" is plane,
     * not plan */
    slice base = slice_make(w, n > 2 ? n - 2 : 0);
    if (n > 2 && slice_ends_with(slice_make(w, n), "es") &&
        (slice_ends_with(base, "s") || slice_ends_with(base, "x") || slice_ends_with(base, "z") ||
         slice_ends_with(base, "ch") || slice_ends_with(base, "sh") ||
         slice_ends_with(base, "o")) &&
        try_stem(t, v, w, n - 2, "", out, outlen, &r))
        return r;
    if (n > 1 && w[n - 1] == 's' && w[n - 2] != 's' &&
        try_stem(t, v, w, n - 1, "", out, outlen, &r))
        return r;
    size_t cut = 0;
    if (n > 4 && slice_ends_with(slice_make(w, n), "ied") &&
        try_stem(t, v, w, n - 3, "y", out, outlen, &r))
        return r;
    if (n > 3 && slice_ends_with(slice_make(w, n), "ed"))
        cut = 2;
    else if (n > 4 && slice_ends_with(slice_make(w, n), "ing"))
        cut = 3;
    if (cut) {
        size_t stem = n - cut;
        bool cvc = ends_cvc(w, stem);
        if (cvc && try_stem(t, v, w, stem, "e", out, outlen, &r))
            return r;
        if (try_stem(t, v, w, stem, "", out, outlen, &r))
            return r;
        if (!cvc && try_stem(t, v, w, stem, "e", out, outlen, &r))
            return r;
        /* doubled final consonant: stopped, planned, shelling -> shell was tried above */
        if (stem > 2 && w[stem - 1] == w[stem - 2] && !is_vowel(w[stem - 1]) &&
            try_stem(t, v, w, stem - 1, "", out, outlen, &r))
            return r;
        if (cut == 3 && stem > 1 && w[stem - 1] == 'y' && /* dying-style forms are in .exc */
            try_stem(t, v, w, stem - 1, "ie", out, outlen, &r))
            return r;
    }
    return 0;
}

static size_t noun_rules(const lemma_table *t, const char *w, size_t n, char *out, size_t outlen)
{
    const lemma_map *set = &t->nouns;
    slice s = slice_make(w, n);
    size_t r;
    if (n > 3 && slice_ends_with(s, "ies") && try_stem(t, set, w, n - 3, "y", out, outlen, &r))
        return r;
    if (n > 3 && slice_ends_with(s, "men") && try_stem(t, set, w, n - 3, "man", out, outlen, &r))
        return r;
    if (n > 3 &&
        (slice_ends_with(s, "ses") || slice_ends_with(s, "xes") || slice_ends_with(s, "zes") ||
         slice_ends_with(s, "ches") || slice_ends_with(s, "shes")) &&
        try_stem(t, set, w, n - 2, "", out, outlen, &r))
        return r;
    if (n > 2 && w[n - 1] == 's' && w[n - 2] != 's' &&
        try_stem(t, set, w, n - 1, "", out, outlen, &r))
        return r;
    return 0;
}

/* The verb lemma of the lower-cased word out[0..n): WordNet's exceptions, its verb list, then
 * the inflection rules; 0 when none knows the word. w gets a copy of the word either way. */
static size_t verb_known(const lemma_table *table, char *out, size_t n, size_t outlen,
                         char w[LEMMA_MAX_WORD + 1])
{
    memcpy(w, out, n + 1);
    bool found;
    const char *base = map_get(table, &table->verb_exc, out, n, &found);
    if (base)
        return copy_out(base, strlen(base), out, outlen);
    if (map_has(table, &table->verbs, out, n))
        return n;
    return verb_rules(table, w, n, out, outlen);
}

size_t lemma_verb(const lemma_table *table, const char *word, size_t length, char *out,
                  size_t outlen)
{
    size_t n = lower(word, length, out, outlen);
    if (length > LEMMA_MAX_WORD)
        return n;
    char w[LEMMA_MAX_WORD + 1];
    size_t r = verb_known(table, out, n, outlen, w);
    if (r)
        return r;
    /* a hyphenated verb WordNet lacks (test-fired, re-deployed): inflect its last part */
    const char *hyphen = strrchr(w, '-');
    if (hyphen && hyphen > w && hyphen[1]) {
        size_t head = (size_t)(hyphen + 1 - w);
        char tail[LEMMA_MAX_WORD + 1];
        size_t t = lemma_verb(table, hyphen + 1, n - head, tail, sizeof tail);
        if (head + t < outlen) {
            memcpy(out, w, head);
            memcpy(out + head, tail, t + 1);
            return head + t;
        }
    }
    memcpy(out, w, n + 1);
    return n;
}

size_t lemma_noun(const lemma_table *table, const char *word, size_t length, char *out,
                  size_t outlen)
{
    size_t n = lower(word, length, out, outlen);
    if (length > LEMMA_MAX_WORD)
        return n;
    bool found;
    const char *base = map_get(table, &table->noun_exc, out, n, &found);
    if (base)
        return copy_out(base, strlen(base), out, outlen);
    char w[LEMMA_MAX_WORD + 1];
    memcpy(w, out, n + 1);
    /* a plural that WordNet also lists as a noun (arms, talks) still becomes the singular
     * when the singular is a noun too: patterns name the singular */
    size_t r = noun_rules(table, w, n, out, outlen);
    return r ? r : n;
}

size_t lemma_word(const lemma_table *table, const char *word, size_t length, int upos, char *out,
                  size_t outlen)
{
    if (upos == UPOS_NOUN || upos == UPOS_PROPN)
        return lemma_noun(table, word, length, out, outlen);
    if (upos == UPOS_VERB || upos == UPOS_AUX)
        return lemma_verb(table, word, length, out, outlen);
    if (upos != 0) {
        return lower(word, length, out, outlen);
    }
    size_t n = lower(word, length, out, outlen);
    if (length > LEMMA_MAX_WORD)
        return n;
    char w[LEMMA_MAX_WORD + 1];
    size_t r = verb_known(table, out, n, outlen, w);
    if (r)
        return r;
    return lemma_noun(table, w, n, out, outlen);
}
