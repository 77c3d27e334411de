/* gazetteer.c (extras stage) - our place gazetteer: loads the *.txt files of data/places once into
 * an immutable hash table keyed by the lower-cased token sequence of every name and alias.
 *
 * Used by place.c to find the longest place name at a token. Format: docs/places.md.
 * Loaded in sitrep_context_new, shared by threads, never written after loading.
 */
#include "extras.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define GAZETTEER_MAX_ENTRIES 200000
#define GAZETTEER_MAX_NAME_TOKENS 6
#define GAZETTEER_MAX_FILE ((size_t)64 << 20)
#define GAZETTEER_SEED 0x706c616365ULL

typedef struct gaz_slot {
    uint64_t hash;
    uint32_t first; /* index into refs */
    uint16_t count; /* entries with exactly this name (0: only a prefix of longer names) */
    uint8_t used;
    uint8_t prefix; /* some longer name starts with this token sequence */
} gaz_slot;

struct gazetteer {
    arena strings; /* names and codes */
    place_entry *entries;
    size_t nentries;
    const place_entry **refs; /* entries grouped by key */
    size_t nrefs;
    gaz_slot *slots;
    size_t mask;
    const place_entry **countries; /* the country entries, by ISO code */
    size_t ncountries;
};

typedef struct key_pair {
    uint64_t hash;
    uint32_t entry;
    uint32_t order;
} key_pair;

/* The hash of one lower-cased token, chained on the previous tokens' hash. Tokens longer than
 * 63 bytes never match (returns false). */
static bool chain_hash(const char *s, size_t len, uint64_t *h)
{
    char lower[64];
    if (len >= sizeof lower)
        return false;
    for (size_t k = 0; k < len; k++) {
        char c = s[k];
        lower[k] = (c >= 'A' && c <= 'Z') ? (char)(c + 32) : c;
    }
    *h = hash_bytes(lower, len, *h);
    return true;
}

static gaz_slot *slot_find(const gazetteer *g, uint64_t hash)
{
    if (!g->slots)
        return NULL;
    for (size_t p = hash & g->mask;; p = (p + 1) & g->mask) {
        gaz_slot *s = &g->slots[p];
        if (!s->used)
            return NULL;
        if (s->hash == hash)
            return s;
    }
}

static gaz_slot *slot_insert(gazetteer *g, uint64_t hash)
{
    for (size_t p = hash & g->mask;; p = (p + 1) & g->mask) {
        gaz_slot *s = &g->slots[p];
        if (!s->used) {
            s->used = 1;
            s->hash = hash;
            return s;
        }
        if (s->hash == hash)
            return s;
    }
}

static int compare_pairs(const void *a, const void *b)
{
    const key_pair *x = a, *y = b;
    if (x->hash != y->hash)
        return x->hash < y->hash ? -1 : 1;
    return x->order < y->order ? -1 : x->order > y->order;
}

static const char *const kind_names[] = {"country", "admin1", "city", "region", "water"};

static int parse_kind(const char *s, bool *capital)
{
    *capital = false;
    if (strcmp(s, "capital") == 0) {
        *capital = true;
        return PLACE_CITY;
    }
    for (size_t k = 0; k < ARRAY_LEN(kind_names); k++)
        if (strcmp(s, kind_names[k]) == 0)
            return (int)k;
    return -1;
}

static bool parse_coordinate(const char *s, double lo, double hi, double *out)
{
    char *end;
    errno = 0;
    double v = strtod(s, &end);
    if (end == s || *end || errno || !(v >= lo && v <= hi))
        return false;
    *out = v;
    return true;
}

static char *store(gazetteer *g, const char *s)
{
    char *p = arena_strndup(&g->strings, s, strlen(s));
    if (!p)
        die("gazetteer: string arena full");
    return p;
}

/* Splits a line on tabs into at most n fields; returns the count. */
static size_t split_tabs(char *line, char **fields, size_t n)
{
    size_t count = 0;
    char *p = line;
    while (count < n) {
        fields[count++] = p;
        char *tab = strchr(p, '\t');
        if (!tab)
            break;
        *tab = '\0';
        p = tab + 1;
    }
    return count;
}

typedef struct loader {
    gazetteer *g;
    key_pair *pairs;
    size_t npairs, apairs;
    uint64_t *prefixes;
    size_t nprefixes, aprefixes;
    arena scratch;
} loader;

static void push_pair(loader *l, uint64_t hash, uint32_t entry)
{
    if (l->npairs == l->apairs) {
        l->apairs = l->apairs ? l->apairs * 2 : 1024;
        l->pairs = xrealloc(l->pairs, l->apairs * sizeof *l->pairs);
    }
    l->pairs[l->npairs] = (key_pair){hash, entry, (uint32_t)l->npairs};
    l->npairs++;
}

static void push_prefix(loader *l, uint64_t hash)
{
    if (l->nprefixes == l->aprefixes) {
        l->aprefixes = l->aprefixes ? l->aprefixes * 2 : 1024;
        l->prefixes = xrealloc(l->prefixes, l->aprefixes * sizeof *l->prefixes);
    }
    l->prefixes[l->nprefixes++] = hash;
}

/* Tokenises one name as the text stage would and records its key and prefixes. */
static sitrep_status add_name(loader *l, const char *name, uint32_t entry, const char *path,
                              long line, diag *d)
{
    token *tokens = NULL;
    size_t n = 0;
    arena_reset(&l->scratch);
    if (text_tokenize(&l->scratch, name, strlen(name), &tokens, &n) || n == 0)
        return diag_set(d, path, line, "cannot tokenise name '%s'", name);
    if (n > GAZETTEER_MAX_NAME_TOKENS)
        return diag_set(d, path, line, "name '%s' has more than %d tokens", name,
                        GAZETTEER_MAX_NAME_TOKENS);
    uint64_t h = GAZETTEER_SEED;
    for (size_t k = 0; k < n; k++) {
        if (!chain_hash(name + tokens[k].start, tokens[k].end - tokens[k].start, &h))
            return diag_set(d, path, line, "a word of '%s' is too long", name);
        if (k + 1 < n)
            push_prefix(l, h);
    }
    push_pair(l, h, entry);
    return SITREP_OK;
}

static sitrep_status load_file(loader *l, const char *path, diag *d)
{
    gazetteer *g = l->g;
    char *data;
    size_t length;
    sitrep_status st = file_read_all(path, GAZETTEER_MAX_FILE, &data, &length, d);
    if (st)
        return st;
    if (utf8_valid_prefix(data, length) != length) {
        free(data);
        return diag_set(d, path, 0, "not valid UTF-8");
    }
    long lineno = 0;
    char *p = data, *end = data + length;
    while (p < end && !st) {
        char *nl = memchr(p, '\n', (size_t)(end - p));
        char *line_end = nl ? nl : end;
        *line_end = '\0';
        lineno++;
        char *line = p;
        p = line_end + 1;
        size_t len = strlen(line);
        if (len != (size_t)(line_end - line)) {
            st = diag_set(d, path, lineno, "NUL byte in line");
            break;
        }
        if (len && line[len - 1] == '\r')
            line[--len] = '\0';
        if (len == 0 || line[0] == '#')
            continue;
        char *f[7];
        size_t nf = split_tabs(line, f, 7);
        if (nf != 6) {
            st = diag_set(d, path, lineno, "expected 6 tab-separated fields, found %zu", nf);
            break;
        }
        bool capital;
        int kind = parse_kind(f[0], &capital);
        if (kind < 0) {
            st = diag_set(d, path, lineno, "unknown kind '%s'", f[0]);
            break;
        }
        bool no_country = strcmp(f[1], "-") == 0;
        if (!no_country &&
            !(strlen(f[1]) == 3 && f[1][0] >= 'A' && f[1][0] <= 'Z' && f[1][1] >= 'A' &&
              f[1][1] <= 'Z' && f[1][2] >= 'A' && f[1][2] <= 'Z')) {
            st = diag_set(d, path, lineno, "country '%s' is not an ISO alpha-3 code or '-'", f[1]);
            break;
        }
        if (no_country && kind != PLACE_REGION && kind != PLACE_WATER) {
            st = diag_set(d, path, lineno, "a %s needs a country", f[0]);
            break;
        }
        double lat, lon;
        if (!parse_coordinate(f[3], -90, 90, &lat)) {
            st = diag_set(d, path, lineno, "bad latitude '%s'", f[3]);
            break;
        }
        if (!parse_coordinate(f[4], -180, 180, &lon)) {
            st = diag_set(d, path, lineno, "bad longitude '%s'", f[4]);
            break;
        }
        if (g->nentries >= GAZETTEER_MAX_ENTRIES) {
            st = diag_set(d, path, lineno, "more than %d entries", GAZETTEER_MAX_ENTRIES);
            break;
        }
        /* names: "Kyiv|Kiev"; the first is canonical */
        char *names = f[5];
        if (!names[0]) {
            st = diag_set(d, path, lineno, "no name");
            break;
        }
        g->entries = xrealloc(g->entries, (g->nentries + 1) * sizeof *g->entries);
        place_entry *e = &g->entries[g->nentries];
        uint32_t index = (uint32_t)g->nentries;
        char *bar = strchr(names, '|');
        if (bar)
            *bar = '\0';
        *e = (place_entry){.name = store(g, names),
                           .country = no_country ? NULL : store(g, f[1]),
                           .admin1 = strcmp(f[2], "-") == 0 ? NULL : store(g, f[2]),
                           .lat = lat,
                           .lon = lon,
                           .kind = (uint8_t)kind,
                           .capital = capital};
        g->nentries++;
        if (bar)
            *bar = '|';
        char *name = names;
        for (;;) {
            char *sep = strchr(name, '|');
            if (sep)
                *sep = '\0';
            if (!name[0]) {
                st = diag_set(d, path, lineno, "empty name between '|'");
                break;
            }
            if ((st = add_name(l, name, index, path, lineno, d)))
                break;
            if (!sep)
                break;
            name = sep + 1;
        }
    }
    free(data);
    return st;
}

static int compare_strings(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static int compare_countries(const void *a, const void *b)
{
    const place_entry *x = *(const place_entry *const *)a, *y = *(const place_entry *const *)b;
    return strcmp(x->country, y->country);
}

static void build_table(gazetteer *g, loader *l)
{
    if (l->npairs) /* qsort(NULL, 0) is undefined behaviour */
        qsort(l->pairs, l->npairs, sizeof *l->pairs, compare_pairs);
    size_t keys = l->npairs + l->nprefixes;
    size_t size = 64;
    while (size < keys * 2)
        size <<= 1;
    g->slots = xcalloc(size, sizeof *g->slots);
    g->mask = size - 1;
    g->refs = xmalloc((l->npairs ? l->npairs : 1) * sizeof *g->refs);
    g->nrefs = l->npairs;
    /* entries are fixed now (no more xrealloc): resolve pointers */
    for (size_t k = 0; k < l->npairs;) {
        size_t j = k;
        while (j < l->npairs && l->pairs[j].hash == l->pairs[k].hash)
            j++;
        gaz_slot *s = slot_insert(g, l->pairs[k].hash);
        s->first = (uint32_t)k;
        s->count = (uint16_t)(j - k > 65535 ? 65535 : j - k);
        for (size_t m = k; m < j; m++)
            g->refs[m] = &g->entries[l->pairs[m].entry];
        k = j;
    }
    for (size_t k = 0; k < l->nprefixes; k++)
        slot_insert(g, l->prefixes[k])->prefix = 1;
    g->countries = xmalloc((g->nentries ? g->nentries : 1) * sizeof *g->countries);
    for (size_t k = 0; k < g->nentries; k++)
        if (g->entries[k].kind == PLACE_COUNTRY && g->entries[k].country)
            g->countries[g->ncountries++] = &g->entries[k];
    if (g->ncountries)
        qsort(g->countries, g->ncountries, sizeof *g->countries, compare_countries);
}

gazetteer *gazetteer_load(const char *dir, diag *d)
{
    gazetteer *g = xcalloc(1, sizeof *g);
    arena_init(&g->strings, (size_t)256 << 20);
    loader l = {.g = g};
    arena_init(&l.scratch, (size_t)1 << 20);
    sitrep_status st = SITREP_OK;
    DIR *dh = opendir(dir);
    char **files = NULL;
    size_t nfiles = 0;
    if (dh) {
        struct dirent *de;
        while ((de = readdir(dh)) != NULL) {
            size_t n = strlen(de->d_name);
            if (n > 4 && strcmp(de->d_name + n - 4, ".txt") == 0 && de->d_name[0] != '.') {
                files = xrealloc(files, (nfiles + 1) * sizeof *files);
                files[nfiles++] = xstrdup(de->d_name);
            }
        }
        closedir(dh);
    }
    if (nfiles) /* deterministic order */
        qsort(files, nfiles, sizeof *files, compare_strings);
    for (size_t k = 0; k < nfiles; k++) {
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", dir, files[k]);
        if (!st)
            st = load_file(&l, path, d);
        free(files[k]);
    }
    free(files);
    if (!st)
        build_table(g, &l);
    free(l.pairs);
    free(l.prefixes);
    arena_release(&l.scratch);
    if (st) {
        gazetteer_free(g);
        return NULL;
    }
    return g;
}

void gazetteer_free(gazetteer *g)
{
    if (!g)
        return;
    arena_release(&g->strings);
    free(g->entries);
    free(g->refs);
    free(g->slots);
    free(g->countries);
    free(g);
}

const char *place_kind_name(place_kind kind)
{
    static const char *const kinds[] = {"country", "admin1", "city", "region", "water"};
    return (unsigned)kind < ARRAY_LEN(kinds) ? kinds[kind] : "region";
}

const char *place_admin1(const place_entry *e)
{
    return e->kind == PLACE_ADMIN1 && !e->admin1 ? e->name : e->admin1;
}

const place_entry *gazetteer_country(const gazetteer *g, const char *code)
{
    if (!g || !code)
        return NULL;
    size_t lo = 0, hi = g->ncountries;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = strcmp(g->countries[mid]->country, code);
        if (c == 0)
            return g->countries[mid];
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return NULL;
}

size_t gazetteer_count(const gazetteer *g)
{
    return g ? g->nentries : 0;
}

size_t gazetteer_find(const gazetteer *g, const char *name, const place_entry **out, size_t max)
{
    if (!g || !name)
        return 0;
    arena scratch;
    arena_init(&scratch, (size_t)1 << 20);
    token *tokens = NULL;
    size_t n = 0, found = 0;
    if (!text_tokenize(&scratch, name, strlen(name), &tokens, &n) && n > 0 &&
        n <= GAZETTEER_MAX_NAME_TOKENS) {
        uint64_t h = GAZETTEER_SEED;
        bool ok = true;
        for (size_t k = 0; k < n && ok; k++)
            ok = chain_hash(name + tokens[k].start, tokens[k].end - tokens[k].start, &h);
        const gaz_slot *s = ok ? slot_find(g, h) : NULL;
        if (s) {
            for (size_t k = 0; k < s->count; k++)
                if (found < max)
                    out[found++] = g->refs[s->first + k];
            found = s->count < max ? s->count : max;
        }
    }
    arena_release(&scratch);
    return found;
}

bool gazetteer_match_at(const gazetteer *g, const text_result *text, size_t i, size_t end,
                        gazetteer_match *out)
{
    if (!g || !g->slots)
        return false;
    uint64_t h = GAZETTEER_SEED;
    bool matched = false;
    for (size_t n = 0; n < GAZETTEER_MAX_NAME_TOKENS && i + n < end; n++) {
        const token *t = &text->tokens[i + n];
        if (n > 0 && t->kind == TOKEN_PUNCT && (t->flags & TOKEN_SPACE_BEFORE))
            break;
        if (!chain_hash(text->text + t->start, t->end - t->start, &h))
            break;
        const gaz_slot *s = slot_find(g, h);
        if (!s)
            break;
        if (s->count) {
            out->entries = &g->refs[s->first];
            out->nentries = s->count;
            out->ntokens = n + 1;
            matched = true;
        }
        if (!s->prefix)
            break;
    }
    return matched;
}
