/* patterns.c - parses the verb and event-noun pattern files (data/verbs/NAME.txt) into an
 * immutable pattern_set keyed by the anchor lemma, and checks a pattern directory.
 *
 * Format: docs/patterns.md. Matching over tokens lives in src/match/verbs.c.
 */
#include "lexicon.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PATTERN_MAX_CLASSES 256
#define PATTERN_MAX_CLASS_WORDS PATTERN_MAX_ALTS
#define PATTERN_MAX_FILES 256

typedef struct pattern_class {
    char name[48];
    size_t name_len;
    const char *words[PATTERN_MAX_CLASS_WORDS];
    uint32_t lengths[PATTERN_MAX_CLASS_WORDS]; /* of words[i], compared before the bytes */
    size_t nwords;
} pattern_class;

/* One anchor lemma and the patterns anchored on it. */
typedef struct pattern_bucket {
    const char *lemma; /* owned by the arena; NULL = empty slot */
    uint32_t *items;
    size_t count, alloc;
} pattern_bucket;

/* One interned pattern word (word_slot table, open addressing): id 1.. */
typedef struct word_slot {
    const char *word; /* NULL = empty slot */
    uint32_t length, id;
    uint64_t hash;
} word_slot;

struct pattern_set {
    arena strings; /* words, alternative arrays, file names */
    pattern *patterns;
    size_t count, alloc;
    pattern_bucket *buckets;
    size_t mask, nbuckets;
    word_slot *words; /* every word of every pattern, interned once loaded (index_words) */
    size_t words_mask, nwords, longest_word;
    uint32_t *anchored; /* per word id: its bucket + 1, 0 when it anchors nothing */
    pattern_class *classes;
    size_t nclasses;
    bool free_codes; /* peer dictionaries: any 1-4 letters or digits, not checked */
};

static void *set_alloc(pattern_set *set, size_t size)
{
    void *p = arena_alloc(&set->strings, size);
    if (!p)
        die("pattern strings exceed their cap");
    return p;
}

static const char *set_strdup(pattern_set *set, const char *s, size_t n)
{
    char *p = set_alloc(set, n + 1);
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

static pattern_set *set_new(void)
{
    pattern_set *set = xcalloc(1, sizeof *set);
    arena_init(&set->strings, (size_t)256 << 20);
    set->mask = 4095;
    set->buckets = xcalloc(set->mask + 1, sizeof *set->buckets);
    set->classes = xcalloc(PATTERN_MAX_CLASSES, sizeof *set->classes);
    return set;
}

void pattern_set_free(pattern_set *set)
{
    if (!set)
        return;
    for (size_t i = 0; i <= set->mask; i++)
        free(set->buckets[i].items);
    free(set->buckets);
    free(set->words);
    free(set->anchored);
    free(set->patterns);
    free(set->classes);
    arena_release(&set->strings);
    free(set);
}

size_t pattern_set_count(const pattern_set *set)
{
    return set ? set->count : 0;
}

static const pattern_class *find_class(const pattern_set *set, const char *name, size_t n);

bool pattern_class_has(const pattern_set *set, const char *name, const char *word, size_t n)
{
    const pattern_class *c = set ? find_class(set, name, strlen(name)) : NULL;
    if (!c)
        return false;
    for (size_t i = 0; i < c->nwords; i++)
        if (c->lengths[i] == n && memcmp(c->words[i], word, n) == 0)
            return true;
    return false;
}

const pattern *pattern_set_at(const pattern_set *set, size_t i)
{
    return set && i < set->count ? &set->patterns[i] : NULL;
}

static size_t bucket_slot(const pattern_bucket *buckets, size_t mask, const char *s, size_t n)
{
    size_t i = (size_t)hash_bytes(s, n, 0x7a77e4) & mask;
    while (buckets[i].lemma &&
           !(strncmp(buckets[i].lemma, s, n) == 0 && buckets[i].lemma[n] == '\0'))
        i = (i + 1) & mask;
    return i;
}

const uint32_t *pattern_set_find(const pattern_set *set, const char *lemma, size_t length,
                                 size_t *n)
{
    *n = 0;
    if (!set || length == 0)
        return NULL;
    size_t i = bucket_slot(set->buckets, set->mask, lemma, length);
    if (!set->buckets[i].lemma)
        return NULL;
    *n = set->buckets[i].count;
    return set->buckets[i].items;
}

/* FNV-1a over the bytes, ASCII upper case folded when `lower`: a token's surface form is
 * hashed as its lower-case copy would be, without making the copy. */
static uint64_t word_hash(const char *s, size_t n, bool lower)
{
    uint64_t h = 0xcbf29ce484222325ULL;
    for (size_t k = 0; k < n; k++) {
        unsigned char c = (unsigned char)s[k];
        if (lower && c >= 'A' && c <= 'Z')
            c = (unsigned char)(c - 'A' + 'a');
        h = (h ^ c) * 0x100000001b3ULL;
    }
    return h;
}

static bool word_equal(const char *stored, const char *s, size_t n, bool lower)
{
    for (size_t k = 0; k < n; k++) {
        char c = s[k];
        if (lower && c >= 'A' && c <= 'Z')
            c = (char)(c - 'A' + 'a');
        if (c != stored[k])
            return false;
    }
    return true;
}

static size_t word_slot_of(const word_slot *slots, size_t mask, const char *s, size_t n, uint64_t h,
                           bool lower)
{
    size_t i = (size_t)(h ^ h >> 29) & mask;
    while (slots[i].word &&
           !(slots[i].hash == h && slots[i].length == n && word_equal(slots[i].word, s, n, lower)))
        i = (i + 1) & mask;
    return i;
}

uint32_t pattern_word_id(const pattern_set *set, const char *s, size_t n, bool lower)
{
    if (!set || !set->words || n == 0 || n > set->longest_word)
        return PATTERN_WORD_NONE;
    const word_slot *w =
        &set->words[word_slot_of(set->words, set->words_mask, s, n, word_hash(s, n, lower), lower)];
    return w->word ? w->id : PATTERN_WORD_NONE;
}

const uint32_t *pattern_set_find_id(const pattern_set *set, uint32_t id, size_t *n)
{
    *n = 0;
    if (!set || !set->anchored || id == PATTERN_WORD_NONE || id > set->nwords || !set->anchored[id])
        return NULL;
    const pattern_bucket *b = &set->buckets[set->anchored[id] - 1];
    *n = b->count;
    return b->items;
}

/* The id of the word s[0, n) (stored in the set's strings), interned when new. */
static uint32_t intern_word(pattern_set *set, const char *s, size_t n)
{
    if ((set->nwords + 1) * 2 > set->words_mask) {
        size_t mask = set->words_mask ? set->words_mask * 2 + 1 : 4095;
        word_slot *bigger = xcalloc(mask + 1, sizeof *bigger);
        for (size_t i = 0; set->words && i <= set->words_mask; i++)
            if (set->words[i].word)
                bigger[word_slot_of(bigger, mask, set->words[i].word, set->words[i].length,
                                    set->words[i].hash, false)] = set->words[i];
        free(set->words);
        set->words = bigger;
        set->words_mask = mask;
    }
    uint64_t h = word_hash(s, n, false);
    word_slot *w = &set->words[word_slot_of(set->words, set->words_mask, s, n, h, false)];
    if (!w->word) {
        *w = (word_slot){.word = set_strdup(set, s, n),
                         .length = (uint32_t)n,
                         .id = (uint32_t)++set->nwords,
                         .hash = h};
        if (n > set->longest_word)
            set->longest_word = n;
    }
    return w->id;
}

/* Once every pattern is read: each word of each alternative gets its id (elem->ids), and each
 * anchor word its bucket, so that matching compares integers (src/match/verbs.c). */
static void index_words(pattern_set *set)
{
    for (size_t p = 0; p < set->count; p++) {
        pattern *pat = &set->patterns[p];
        for (int e = 0; e < pat->nelems; e++) {
            pattern_elem *elem = &pat->elems[e];
            if (elem->kind != PATTERN_WORD)
                continue;
            const uint32_t **ids = set_alloc(set, (elem->nwords ? elem->nwords : 1) * sizeof *ids);
            for (size_t k = 0; k < elem->nwords; k++) {
                const char *w = elem->words[k];
                size_t nids = 1;
                for (const char *c = w; *c; c++)
                    nids += *c == ' ';
                uint32_t *alt = set_alloc(set, (nids + 1) * sizeof *alt);
                for (size_t j = 0; j < nids; j++) {
                    size_t n = strcspn(w, " ");
                    alt[j] = intern_word(set, w, n);
                    w += n + (w[n] == ' ');
                }
                alt[nids] = PATTERN_WORD_NONE;
                ids[k] = alt;
            }
            elem->ids = ids;
        }
    }
    for (size_t i = 0; i <= set->mask; i++)
        if (set->buckets[i].lemma)
            intern_word(set, set->buckets[i].lemma, strlen(set->buckets[i].lemma));
    set->anchored = xcalloc(set->nwords + 1, sizeof *set->anchored);
    for (size_t i = 0; i <= set->mask; i++)
        if (set->buckets[i].lemma)
            set->anchored[pattern_word_id(set, set->buckets[i].lemma, strlen(set->buckets[i].lemma),
                                          false)] = (uint32_t)i + 1;
}

static void index_add(pattern_set *set, const char *lemma, uint32_t item)
{
    if ((set->nbuckets + 1) * 2 > set->mask + 1) {
        size_t mask = set->mask * 2 + 1;
        pattern_bucket *bigger = xcalloc(mask + 1, sizeof *bigger);
        for (size_t i = 0; i <= set->mask; i++)
            if (set->buckets[i].lemma)
                bigger[bucket_slot(bigger, mask, set->buckets[i].lemma,
                                   strlen(set->buckets[i].lemma))] = set->buckets[i];
        free(set->buckets);
        set->buckets = bigger;
        set->mask = mask;
    }
    size_t length = strlen(lemma);
    size_t i = bucket_slot(set->buckets, set->mask, lemma, length);
    pattern_bucket *b = &set->buckets[i];
    if (!b->lemma) {
        b->lemma = lemma;
        set->nbuckets++;
    }
    if (b->count && b->items[b->count - 1] == item)
        return; /* the same pattern listed the word twice */
    if (b->count == b->alloc) {
        b->alloc = b->alloc ? b->alloc * 2 : 4;
        b->items = xrealloc(b->items, b->alloc * sizeof *b->items);
    }
    b->items[b->count++] = item;
}

static bool word_char(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '\'' || c == '.' ||
           c == '&' || (unsigned char)c >= 0x80;
}

static const pattern_class *find_class(const pattern_set *set, const char *name, size_t n)
{
    for (size_t i = 0; i < set->nclasses; i++)
        if (set->classes[i].name_len == n && memcmp(set->classes[i].name, name, n) == 0)
            return &set->classes[i];
    return NULL;
}

static slice next_field(const char **s, const char *end)
{
    const char *p = *s;
    while (p < end && (*p == ' ' || *p == '\t' || *p == '\r'))
        p++;
    const char *q = p;
    while (q < end && *q != ' ' && *q != '\t' && *q != '\r')
        q++;
    *s = q;
    return slice_make(p, (size_t)(q - p));
}

/* classes.txt: "@name word word ..." lines; a name seen again adds words. */
static sitrep_status parse_classes(pattern_set *set, const char *name, const char *text,
                                   size_t length, diag *d)
{
    const char *cursor = text, *end = text + length;
    long line = 0;
    slice s;
    while (slice_next_line(&cursor, end, &line, &s)) {
        const char *p = s.ptr, *e = s.ptr + s.len;
        slice head = next_field(&p, e);
        if (head.len < 2 || head.ptr[0] != '@' || head.len > 47)
            return diag_set(d, name, line, "expected '@class word...', got '%.*s'", (int)head.len,
                            head.ptr);
        for (size_t i = 1; i < head.len; i++)
            if (!word_char(head.ptr[i]) && head.ptr[i] != '_')
                return diag_set(d, name, line, "bad class name '%.*s'", (int)head.len, head.ptr);
        pattern_class *c = (pattern_class *)find_class(set, head.ptr + 1, head.len - 1);
        if (!c) {
            if (set->nclasses >= PATTERN_MAX_CLASSES)
                return diag_set(d, name, line, "more than %d classes", PATTERN_MAX_CLASSES);
            c = &set->classes[set->nclasses++];
            memcpy(c->name, head.ptr + 1, head.len - 1);
            c->name[head.len - 1] = '\0';
            c->name_len = head.len - 1;
        }
        for (slice w = next_field(&p, e); w.len; w = next_field(&p, e)) {
            for (size_t i = 0; i < w.len; i++)
                if (!word_char(w.ptr[i]) && !(w.ptr[i] == '_' && i > 0 && i + 1 < w.len))
                    return diag_set(d, name, line,
                                    "bad word '%.*s' in class @%s (lower case "
                                    "letters, digits, - ' . & _)",
                                    (int)w.len, w.ptr, c->name);
            if (c->nwords >= PATTERN_MAX_CLASS_WORDS)
                return diag_set(d, name, line, "class @%s has more than %d words", c->name,
                                PATTERN_MAX_CLASS_WORDS);
            char *copy = (char *)set_strdup(set, w.ptr, w.len);
            for (char *ch = copy; *ch; ch++)
                if (*ch == '_')
                    *ch = ' ';
            c->lengths[c->nwords] = (uint32_t)w.len;
            c->words[c->nwords++] = copy;
        }
        if (c->nwords == 0)
            return diag_set(d, name, line, "class @%s has no words", c->name);
    }
    return SITREP_OK;
}

/* Parses one element (already split off, without the '*' and the parentheses). */
static sitrep_status parse_words(pattern_set *set, const char *name, long line, slice text,
                                 pattern_elem *elem, diag *d)
{
    const char *alts[PATTERN_MAX_ALTS];
    size_t nalts = 0;
    const char *p = text.ptr, *end = text.ptr + text.len;
    while (p <= end) {
        const char *bar = memchr(p, '|', (size_t)(end - p));
        const char *stop = bar ? bar : end;
        slice w = slice_make(p, (size_t)(stop - p));
        if (w.len == 0)
            return diag_set(d, name, line, "empty alternative in '%.*s'", (int)text.len, text.ptr);
        if (w.ptr[0] == '@') {
            const pattern_class *c = find_class(set, w.ptr + 1, w.len - 1);
            if (!c)
                return diag_set(d, name, line, "unknown word class '%.*s'", (int)w.len, w.ptr);
            for (size_t i = 0; i < c->nwords; i++) {
                if (nalts >= PATTERN_MAX_ALTS)
                    return diag_set(d, name, line, "more than %d alternatives in '%.*s'",
                                    PATTERN_MAX_ALTS, (int)text.len, text.ptr);
                alts[nalts++] = c->words[i];
            }
        } else {
            for (size_t i = 0; i < w.len; i++)
                if (!word_char(w.ptr[i]) && w.ptr[i] != '_')
                    return diag_set(d, name, line,
                                    "bad word '%.*s' (lower case letters, digits, - ' . & _; "
                                    "roles are $S $T $O $L)",
                                    (int)w.len, w.ptr);
            if (nalts >= PATTERN_MAX_ALTS)
                return diag_set(d, name, line, "more than %d alternatives in '%.*s'",
                                PATTERN_MAX_ALTS, (int)text.len, text.ptr);
            /* "press_conference": one alternative of several tokens, stored with spaces */
            char *copy = (char *)set_strdup(set, w.ptr, w.len);
            for (char *c = copy; *c; c++)
                if (*c == '_')
                    *c = ' ';
            if (copy[0] == ' ' || copy[w.len - 1] == ' ' || strstr(copy, "  "))
                return diag_set(d, name, line, "bad multi-word alternative '%.*s'", (int)w.len,
                                w.ptr);
            alts[nalts++] = copy;
        }
        if (!bar)
            break;
        p = bar + 1;
    }
    elem->kind = PATTERN_WORD;
    elem->nwords = (uint8_t)nalts;
    elem->words = set_alloc(set, nalts * sizeof *elem->words);
    memcpy(elem->words, alts, nalts * sizeof *alts);
    return SITREP_OK;
}

const char *pattern_role_name(int role)
{
    static const char *const names[PATTERN_ROLES] = {"source", "target", "object", "place"};
    return role >= 0 && role < PATTERN_ROLES ? names[role] : "?";
}

static int role_of(char c)
{
    switch (c) {
    case 'S':
        return PATTERN_SOURCE;
    case 'T':
        return PATTERN_TARGET;
    case 'O':
        return PATTERN_OBJECT;
    case 'L':
        return PATTERN_PLACE;
    default:
        return -1;
    }
}

/* A free code (peer dictionaries): 1-4 ASCII letters or digits. */
static bool free_code_syntax(slice code)
{
    if (code.len == 0 || code.len > 4)
        return false;
    for (size_t i = 0; i < code.len; i++) {
        char c = code.ptr[i];
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')))
            return false;
    }
    return true;
}

static sitrep_status parse_pattern_line(pattern_set *set, const char *name, long line, slice s,
                                        bool noun, bool check_codes, const cameo_table *codes,
                                        pattern *out, diag *d)
{
    memset(out, 0, sizeof *out);
    const char *p = s.ptr, *e = s.ptr + s.len;
    slice code = next_field(&p, e);
    slice pair = slice_make(code.ptr + code.len, 0);
    const char *colon = memchr(code.ptr, ':', code.len);
    if (colon) { /* CODE:PAIR - a paired event (visit / host a visit) */
        pair = slice_make(colon + 1, (size_t)(code.ptr + code.len - colon - 1));
        code.len = (size_t)(colon - code.ptr);
    }
    if (slice_eq_cstr(code, "DISCARD") || slice_eq_cstr(code, "SKIP")) {
        out->discard = true;
        out->skip = code.ptr[0] == 'S';
        if (colon)
            return diag_set(d, name, line, "a discard has no paired code");
    } else if (set->free_codes ? free_code_syntax(code) && (!colon || free_code_syntax(pair))
                               : cameo_is_code_syntax(code.ptr, code.len) &&
                                     (!colon || cameo_is_code_syntax(pair.ptr, pair.len))) {
        memcpy(out->code, code.ptr, code.len);
        memcpy(out->pair, pair.ptr, pair.len);
        if (!set->free_codes &&
            (cameo_root(code.ptr) == 0 || (colon && cameo_root(out->pair) == 0) ||
             (check_codes && codes &&
              (!cameo_find(codes, code.ptr, code.len) ||
               (colon && !cameo_find(codes, pair.ptr, pair.len))))))
            return diag_set(d, name, line, "unknown CAMEO code '%.*s'",
                            (int)(colon ? (size_t)(pair.ptr + pair.len - code.ptr) : code.len),
                            code.ptr);
    } else {
        return diag_set(d, name, line,
                        "expected a CAMEO code or DISCARD (or CODE:PAIR, SKIP), got '%.*s'",
                        (int)code.len, code.ptr);
    }
    out->noun = noun;
    int anchor = -1;
    bool seen_role[PATTERN_ROLES] = {false};
    for (slice f = next_field(&p, e); f.len; f = next_field(&p, e)) {
        if (out->nelems >= PATTERN_MAX_ELEMS)
            return diag_set(d, name, line, "more than %d elements", PATTERN_MAX_ELEMS);
        pattern_elem *elem = &out->elems[out->nelems];
        if (f.len == 3 && memcmp(f.ptr, "...", 3) == 0) {
            elem->kind = PATTERN_GAP;
        } else if (f.ptr[0] == '$') {
            int role = f.len == 2 ? role_of(f.ptr[1]) : -1;
            if (role < 0)
                return diag_set(d, name, line, "unknown role '%.*s' (roles: $S $T $O $L)",
                                (int)f.len, f.ptr);
            if (seen_role[role])
                return diag_set(d, name, line, "role '%.*s' appears twice", (int)f.len, f.ptr);
            seen_role[role] = true;
            elem->kind = PATTERN_SLOT;
            elem->role = (uint8_t)role;
        } else {
            bool star = false;
            if (f.ptr[0] == '*') {
                star = true;
                f.ptr++;
                f.len--;
            }
            if (f.len >= 2 && f.ptr[0] == '(' && f.ptr[f.len - 1] == ')') {
                elem->optional = 1;
                f.ptr++;
                f.len -= 2;
            }
            if (f.len == 0)
                return diag_set(d, name, line, "empty element");
            if (star) {
                if (memchr(f.ptr, '_', f.len))
                    return diag_set(d, name, line, "the anchor must be single words");
                if (anchor >= 0)
                    return diag_set(d, name, line, "two anchors ('*')");
                if (elem->optional)
                    return diag_set(d, name, line, "the anchor cannot be optional");
                anchor = out->nelems;
            }
            sitrep_status status = parse_words(set, name, line, f, elem, d);
            if (status != SITREP_OK)
                return status;
            if (!elem->optional)
                out->nliterals++;
        }
        out->nelems++;
    }
    if (anchor < 0)
        for (int i = 0; i < out->nelems && anchor < 0; i++)
            if (out->elems[i].kind == PATTERN_WORD && !out->elems[i].optional)
                anchor = i;
    if (anchor < 0)
        return diag_set(d, name, line, "no anchor word (a pattern needs a verb or noun)");
    for (size_t k = 0; k < out->elems[anchor].nwords; k++)
        if (strchr(out->elems[anchor].words[k], ' '))
            return diag_set(d, name, line,
                            "the anchor must be single words (mark another "
                            "word with '*')");
    for (int i = 0; i < anchor; i++)
        if (out->elems[i].kind == PATTERN_SLOT)
            return diag_set(d, name, line, "roles cannot come before the anchor");
    for (int i = 1; i < out->nelems; i++)
        if (out->elems[i].kind != PATTERN_WORD && out->elems[i - 1].kind != PATTERN_WORD)
            return diag_set(d, name, line, "two roles or gaps in a row");
    if (out->elems[0].kind == PATTERN_GAP || out->elems[out->nelems - 1].kind == PATTERN_GAP)
        return diag_set(d, name, line, "a pattern cannot start or end with '...'");
    out->anchor = (uint8_t)anchor;
    return SITREP_OK;
}

static sitrep_status parse_patterns(pattern_set *set, const char *name, const char *text,
                                    size_t length, bool noun_default, bool check_codes,
                                    const cameo_table *codes, diag *d)
{
    const char *file = set_strdup(set, name, strlen(name));
    const char *cursor = text, *end = text + length;
    long line = 0;
    bool noun = noun_default;
    slice s;
    if (utf8_valid_prefix(text, length) != length)
        return diag_set(d, name, 0, "not valid UTF-8");
    while (slice_next_line(&cursor, end, &line, &s)) {
        if (slice_eq_cstr(s, "%noun") || slice_eq_cstr(s, "%verb")) {
            noun = s.ptr[1] == 'n';
            continue;
        }
        if (s.ptr[0] == '%')
            return diag_set(d, name, line, "unknown directive '%.*s' (%%noun or %%verb)",
                            (int)s.len, s.ptr);
        if (set->count >= PATTERN_MAX_PATTERNS) {
            diag_set(d, name, line, "more than %d patterns", PATTERN_MAX_PATTERNS);
            return SITREP_ELIMIT;
        }
        if (set->count == set->alloc) {
            set->alloc = set->alloc ? set->alloc * 2 : 1024;
            set->patterns = xrealloc(set->patterns, set->alloc * sizeof *set->patterns);
        }
        pattern *pat = &set->patterns[set->count];
        sitrep_status status =
            parse_pattern_line(set, name, line, s, noun, check_codes, codes, pat, d);
        if (status != SITREP_OK)
            return status;
        pat->file = file;
        pat->line = (uint32_t)line;
        const pattern_elem *a = &pat->elems[pat->anchor];
        for (size_t i = 0; i < a->nwords; i++)
            index_add(set, a->words[i], (uint32_t)set->count);
        set->count++;
    }
    return SITREP_OK;
}

static sitrep_status parse_text(const char *name, const char *text, size_t length,
                                const char *classes, size_t classes_length,
                                const cameo_table *codes, bool free_codes, pattern_set **out,
                                diag *d)
{
    *out = NULL;
    diag_clear(d);
    pattern_set *set = set_new();
    set->free_codes = free_codes;
    sitrep_status status = SITREP_OK;
    if (classes) {
        if (utf8_valid_prefix(classes, classes_length) != classes_length)
            status = diag_set(d, "classes", 0, "not valid UTF-8");
        else
            status = parse_classes(set, "classes", classes, classes_length, d);
    }
    if (status == SITREP_OK)
        status = parse_patterns(set, name, text, length, false, true, codes, d);
    if (status != SITREP_OK) {
        pattern_set_free(set);
        return status;
    }
    index_words(set);
    *out = set;
    return SITREP_OK;
}

sitrep_status pattern_set_parse(const char *name, const char *text, size_t length,
                                const char *classes, size_t classes_length,
                                const cameo_table *codes, pattern_set **out, diag *d)
{
    return parse_text(name, text, length, classes, classes_length, codes, false, out, d);
}

sitrep_status pattern_set_parse_free(const char *name, const char *text, size_t length,
                                     const char *classes, size_t classes_length, pattern_set **out,
                                     diag *d)
{
    return parse_text(name, text, length, classes, classes_length, NULL, true, out, d);
}

static int compare_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static sitrep_status load_dir(const char *dir, const cameo_table *codes, bool check_codes,
                              pattern_set **out, diag *d)
{
    *out = NULL;
    diag_clear(d);
    DIR *directory = opendir(dir);
    if (!directory) {
        diag_set(d, dir, 0, "cannot open the pattern directory");
        return SITREP_EIO;
    }
    char *names[PATTERN_MAX_FILES];
    size_t nnames = 0;
    struct dirent *entry;
    sitrep_status status = SITREP_OK;
    while ((entry = readdir(directory)) != NULL) {
        const char *n = entry->d_name;
        size_t len = strlen(n);
        if (n[0] == '.' || len < 5 || strcmp(n + len - 4, ".txt") != 0 ||
            strcmp(n, "classes.txt") == 0)
            continue;
        if (nnames >= PATTERN_MAX_FILES) {
            status = diag_set(d, dir, 0, "more than %d pattern files", PATTERN_MAX_FILES);
            status = SITREP_ELIMIT;
            break;
        }
        names[nnames++] = xstrdup(n);
    }
    closedir(directory);
    qsort(names, nnames, sizeof *names, compare_names);
    pattern_set *set = set_new();
    char path[1024];
    if (status == SITREP_OK) {
        snprintf(path, sizeof path, "%s/classes.txt", dir);
        char *text = NULL;
        size_t length = 0;
        status = file_read_all(path, PATTERN_MAX_FILE_BYTES, &text, &length, d);
        if (status == SITREP_OK) {
            if (utf8_valid_prefix(text, length) != length)
                status = diag_set(d, path, 0, "not valid UTF-8");
            else
                status = parse_classes(set, path, text, length, d);
        }
        free(text);
    }
    for (size_t i = 0; i < nnames && status == SITREP_OK; i++) {
        snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        char *text = NULL;
        size_t length = 0;
        status = file_read_all(path, PATTERN_MAX_FILE_BYTES, &text, &length, d);
        if (status == SITREP_OK) {
            status = parse_patterns(set, names[i], text, length, strncmp(names[i], "nouns", 5) == 0,
                                    check_codes, codes, d);
            if (status != SITREP_OK && d->path[0] && strcmp(d->path, names[i]) == 0)
                snprintf(d->path, sizeof d->path, "%.500s", path); /* messages name the path */
        }
        free(text);
    }
    for (size_t i = 0; i < nnames; i++)
        free(names[i]);
    if (status == SITREP_OK && set->count == 0) {
        diag_set(d, dir, 0, "no patterns");
        status = SITREP_EPARSE;
    }
    if (status != SITREP_OK) {
        pattern_set_free(set);
        return status;
    }
    index_words(set);
    *out = set;
    return SITREP_OK;
}

sitrep_status pattern_set_load(const char *dir, const cameo_table *codes, pattern_set **out,
                               diag *d)
{
    return load_dir(dir, codes, true, out, d);
}

/* The pattern's text without its code, for duplicate detection. */
static void canonical(const pattern *p, buf *out)
{
    sitrep_status bad = SITREP_OK;
    buf_reset(out);
    bad |= buf_append_str(out, p->noun ? "n:" : "v:");
    for (int i = 0; i < p->nelems; i++) {
        const pattern_elem *e = &p->elems[i];
        if (i == p->anchor)
            bad |= buf_append_char(out, '*');
        if (e->kind == PATTERN_GAP)
            bad |= buf_append_str(out, "...");
        else if (e->kind == PATTERN_SLOT)
            bad |= buf_printf(out, "$%c", "STOL"[e->role]);
        else {
            bad |= buf_append_str(out, e->optional ? "(" : "");
            for (size_t k = 0; k < e->nwords; k++)
                bad |= buf_printf(out, "%s%s", k ? "|" : "", e->words[k]);
            bad |= buf_append_str(out, e->optional ? ")" : "");
        }
        bad |= buf_append_char(out, ' ');
    }
    if (bad)
        die("pattern text does not fit in memory");
}

sitrep_status pattern_check_dir(const char *dir, const cameo_table *codes,
                                const lemma_table *lemmas, pattern_report_fn report, void *user,
                                pattern_stats *stats)
{
    memset(stats, 0, sizeof *stats);
    pattern_set *set;
    diag d;
    sitrep_status status = load_dir(dir, codes, false, &set, &d);
    if (status != SITREP_OK) {
        report(user, d.path, d.line, d.message);
        stats->problems = 1;
        return status;
    }
    char path[1024], message[512];
    bool *used = xcalloc(CAMEO_MAX_CODES, sizeof *used);
    /* duplicates: a hash set of canonical texts, storing the first pattern's index + 1 */
    size_t mask = 1;
    while (mask < set->count * 2 + 2)
        mask = mask * 2 + 1;
    uint32_t *seen = xcalloc(mask + 1, sizeof *seen);
    uint64_t *hashes = xcalloc(mask + 1, sizeof *hashes);
    buf text, other;
    buf_init(&text, 0);
    buf_init(&other, 0);
    for (size_t i = 0; i < set->count; i++) {
        const pattern *p = &set->patterns[i];
        snprintf(path, sizeof path, "%s/%s", dir, p->file);
        stats->patterns++;
        if (p->discard) {
            stats->discards++;
        } else {
            p->noun ? stats->nouns++ : stats->verbs++;
            stats->per_root[cameo_root(p->code)]++;
            const cameo_code *c = cameo_find(codes, p->code, strlen(p->code));
            if (!c) {
                snprintf(message, sizeof message, "unknown CAMEO code '%s'", p->code);
                report(user, path, p->line, message);
                stats->problems++;
            } else if (!used[c - cameo_at(codes, 0)]) {
                used[c - cameo_at(codes, 0)] = true;
                stats->codes_used++;
            }
        }
        canonical(p, &text);
        uint64_t h = hash_bytes(text.data, text.len, 1);
        size_t j = (size_t)h & mask;
        while (seen[j]) {
            if (hashes[j] == h) {
                const pattern *q = &set->patterns[seen[j] - 1];
                canonical(q, &other);
                if (other.len == text.len && memcmp(other.data, text.data, text.len) == 0) {
                    snprintf(message, sizeof message, "duplicate of %s:%u%s", q->file,
                             (unsigned)q->line,
                             strcmp(q->code, p->code) ? " with a different code" : "");
                    report(user, path, p->line, message);
                    stats->problems++;
                    break;
                }
            }
            j = (j + 1) & mask;
        }
        if (!seen[j]) {
            seen[j] = (uint32_t)i + 1;
            hashes[j] = h;
        }
        if (lemmas) {
            const pattern_elem *a = &p->elems[p->anchor];
            for (size_t k = 0; k < a->nwords; k++) {
                const char *w = a->words[k];
                size_t n = strlen(w);
                bool known = p->noun ? lemma_is_noun(lemmas, w, n) || lemma_is_verb(lemmas, w, n)
                                     : lemma_is_verb(lemmas, w, n);
                char base[LEMMA_MAX_WORD + 1];
                if (!known && n <= LEMMA_MAX_WORD) { /* an inflected anchor: "attacks" */
                    size_t bn = p->noun ? lemma_noun(lemmas, w, n, base, sizeof base)
                                        : lemma_verb(lemmas, w, n, base, sizeof base);
                    known =
                        p->noun ? lemma_is_noun(lemmas, base, bn) : lemma_is_verb(lemmas, base, bn);
                }
                /* news words WordNet lacks (airstrike) are declared in classes.txt @known */
                const pattern_class *extra = find_class(set, "known", 5);
                for (size_t x = 0; extra && !known && x < extra->nwords; x++)
                    known = strcmp(extra->words[x], w) == 0;
                if (!known) {
                    snprintf(message, sizeof message, "anchor '%s' is not a WordNet %s", w,
                             p->noun ? "noun" : "verb");
                    report(user, path, p->line, message);
                    stats->problems++;
                }
            }
        }
    }
    buf_release(&text);
    buf_release(&other);
    free(seen);
    free(hashes);
    free(used);
    pattern_set_free(set);
    return SITREP_OK;
}
