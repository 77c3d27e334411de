/* cameo.c - the CAMEO event code table: names, Goldstein weights, quad classes, PLOVER.
 *
 * Loads data/cameo/codes.txt and data/cameo/plover.txt (format in their headers and in
 * docs/cameo.md) into an immutable table indexed directly by the code's digits.
 */
#include "lexicon.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

struct cameo_table {
    cameo_code *codes;
    size_t count;
    int16_t index[3][10000]; /* [digits - 2][value] -> codes index + 1, 0 = absent */
    char *strings;           /* names and PLOVER words, one block */
    size_t strings_len, strings_alloc;
};

bool cameo_is_code_syntax(const char *s, size_t length)
{
    if (length < 2 || length > 4)
        return false;
    for (size_t i = 0; i < length; i++)
        if (s[i] < '0' || s[i] > '9')
            return false;
    return true;
}

static int16_t *slot_of(cameo_table *t, const char *s, size_t length)
{
    if (!cameo_is_code_syntax(s, length))
        return NULL;
    int v = 0;
    for (size_t i = 0; i < length; i++)
        v = v * 10 + (s[i] - '0');
    return &t->index[length - 2][v];
}

const cameo_code *cameo_find(const cameo_table *table, const char *code, size_t length)
{
    if (!table || !code)
        return NULL;
    int16_t *slot = slot_of((cameo_table *)table, code, length);
    if (!slot || *slot == 0)
        return NULL;
    return &table->codes[*slot - 1];
}

int cameo_root(const char *code)
{
    if (!code || code[0] < '0' || code[0] > '9' || code[1] < '0' || code[1] > '9')
        return 0;
    int root = (code[0] - '0') * 10 + (code[1] - '0');
    return root >= 1 && root <= 20 ? root : 0;
}

/* Strings are kept as offsets while loading (the block moves) and fixed up at the end. */
static size_t store_string(cameo_table *t, const char *s, size_t length)
{
    if (t->strings_len + length + 1 > t->strings_alloc) {
        t->strings_alloc = (t->strings_len + length + 1) * 2 + 4096;
        t->strings = xrealloc(t->strings, t->strings_alloc);
    }
    size_t at = t->strings_len;
    memcpy(t->strings + at, s, length);
    t->strings[at + length] = '\0';
    t->strings_len += length + 1;
    return at + 1; /* 0 means "none" */
}

/* Splits the next white-space separated field off *s (within end). */
static slice next_field(const char **s, const char *end)
{
    const char *p = *s;
    while (p < end && (*p == ' ' || *p == '\t'))
        p++;
    const char *q = p;
    while (q < end && *q != ' ' && *q != '\t')
        q++;
    *s = q;
    return slice_make(p, (size_t)(q - p));
}

static sitrep_status read_file(const char *dir, const char *name, char **text, size_t *length,
                               char *path, size_t pathlen, diag *d)
{
    snprintf(path, pathlen, "%s/%s", dir, name);
    sitrep_status status = file_read_all(path, (size_t)4 << 20, text, length, d);
    if (status == SITREP_EIO && errno == ENOENT)
        return SITREP_ENOTFOUND;
    return status;
}

static sitrep_status parse_codes(cameo_table *t, const char *path, const char *text, size_t length,
                                 size_t *name_offsets, diag *d)
{
    const char *cursor = text, *end = text + length;
    long line = 0;
    slice s;
    while (slice_next_line(&cursor, end, &line, &s)) {
        const char *p = s.ptr, *e = s.ptr + s.len;
        slice code = next_field(&p, e);
        slice quad = next_field(&p, e);
        slice weight = next_field(&p, e);
        slice name = slice_trim(slice_make(p, (size_t)(e - p)));
        if (!cameo_is_code_syntax(code.ptr, code.len))
            return diag_set(d, path, line, "bad code '%.*s' (expected 2-4 digits)", (int)code.len,
                            code.ptr);
        if (quad.len != 1 || quad.ptr[0] < '1' || quad.ptr[0] > '4')
            return diag_set(d, path, line, "bad quad class '%.*s' (expected 1-4)", (int)quad.len,
                            quad.ptr);
        char number[32];
        if (weight.len == 0 || weight.len >= sizeof number)
            return diag_set(d, path, line, "missing Goldstein weight");
        memcpy(number, weight.ptr, weight.len);
        number[weight.len] = '\0';
        char *stop;
        double g = strtod(number, &stop);
        if (*stop || !(g >= -10.0 && g <= 10.0))
            return diag_set(d, path, line, "bad Goldstein weight '%s' (expected -10..10)", number);
        if (name.len == 0)
            return diag_set(d, path, line, "code '%.*s' has no name", (int)code.len, code.ptr);
        if (cameo_root(code.ptr) == 0)
            return diag_set(d, path, line, "code '%.*s' is not under a root 01-20", (int)code.len,
                            code.ptr);
        int16_t *slot = slot_of(t, code.ptr, code.len);
        if (*slot)
            return diag_set(d, path, line, "duplicate code '%.*s'", (int)code.len, code.ptr);
        if (code.len > 2) {
            /* the parent must come first: 0211 needs 021, 021 needs 02 */
            if (!cameo_find(t, code.ptr, code.len - 1))
                return diag_set(d, path, line, "code '%.*s' has no parent '%.*s' above it",
                                (int)code.len, code.ptr, (int)code.len - 1, code.ptr);
        }
        if (t->count >= CAMEO_MAX_CODES)
            return diag_set(d, path, line, "more than %d codes", CAMEO_MAX_CODES);
        cameo_code *c = &t->codes[t->count];
        memset(c, 0, sizeof *c);
        memcpy(c->code, code.ptr, code.len);
        c->quad = (uint8_t)(quad.ptr[0] - '0');
        c->goldstein = (float)g;
        name_offsets[t->count * 4] = store_string(t, name.ptr, name.len);
        t->count++;
        *slot = (int16_t)t->count;
    }
    return SITREP_OK;
}

static const cameo_code *plover_holder(const cameo_table *table, const char *code);

/* The PLOVER ontology's event types, in its order (cooperation to conflict). */
static const char *const plover_types[] = {
    "AGREE",  "CONSULT", "SUPPORT",  "CONCEDE", "COOPERATE", "AID",      "RETREAT", "REQUEST",
    "ACCUSE", "REJECT",  "THREATEN", "PROTEST", "SANCTION",  "MOBILIZE", "COERCE",  "ASSAULT"};

const char *cameo_plover_type_find(const char *name, size_t length)
{
    for (size_t i = 0; i < ARRAY_LEN(plover_types); i++)
        if (strlen(plover_types[i]) == length && strncasecmp(plover_types[i], name, length) == 0)
            return plover_types[i];
    return NULL;
}

static sitrep_status parse_plover(cameo_table *t, const char *path, const char *text, size_t length,
                                  size_t *offsets, diag *d)
{
    const char *cursor = text, *end = text + length;
    long line = 0;
    slice s;
    while (slice_next_line(&cursor, end, &line, &s)) {
        const char *p = s.ptr, *e = s.ptr + s.len;
        slice f[4];
        for (int i = 0; i < 4; i++)
            f[i] = next_field(&p, e);
        if (f[3].len == 0 || next_field(&p, e).len)
            return diag_set(d, path, line, "expected 4 fields: CODE TYPE MODE CONTEXT");
        int16_t *slot = slot_of(t, f[0].ptr, f[0].len);
        if (!slot)
            return diag_set(d, path, line, "bad code '%.*s'", (int)f[0].len, f[0].ptr);
        if (!*slot)
            return diag_set(d, path, line, "code '%.*s' is not in codes.txt", (int)f[0].len,
                            f[0].ptr);
        size_t i = (size_t)(*slot - 1);
        if (offsets[i * 4 + 1])
            return diag_set(d, path, line, "duplicate PLOVER line for '%.*s'", (int)f[0].len,
                            f[0].ptr);
        if (!(f[1].len == 1 && f[1].ptr[0] == '-') && !cameo_plover_type_find(f[1].ptr, f[1].len))
            return diag_set(d, path, line, "unknown PLOVER type '%.*s'", (int)f[1].len, f[1].ptr);
        for (int k = 1; k < 4; k++)
            if (!(f[k].len == 1 && f[k].ptr[0] == '-'))
                offsets[i * 4 + (size_t)k] = store_string(t, f[k].ptr, f[k].len);
        if (!offsets[i * 4 + 1])
            return diag_set(d, path, line, "missing PLOVER type");
    }
    return SITREP_OK;
}

sitrep_status cameo_load(const char *dir, cameo_table **out, diag *d)
{
    *out = NULL;
    diag_clear(d);
    cameo_table *t = xcalloc(1, sizeof *t);
    t->codes = xcalloc(CAMEO_MAX_CODES, sizeof *t->codes);
    size_t *offsets = xcalloc(CAMEO_MAX_CODES * 4, sizeof *offsets);
    char path[1024];
    char *text = NULL;
    size_t length = 0;
    sitrep_status status = read_file(dir, "codes.txt", &text, &length, path, sizeof path, d);
    if (status == SITREP_OK) {
        status = parse_codes(t, path, text, length, offsets, d);
        free(text);
        text = NULL;
    }
    if (status == SITREP_OK)
        status = read_file(dir, "plover.txt", &text, &length, path, sizeof path, d);
    if (status == SITREP_OK) {
        status = parse_plover(t, path, text, length, offsets, d);
        free(text);
    }
    if (status == SITREP_OK && t->count == 0)
        status = diag_set(d, path, 0, "no codes");
    if (status != SITREP_OK) {
        free(offsets);
        cameo_free(t);
        return status;
    }
    for (size_t i = 0; i < t->count; i++) {
        const char **fields[4] = {&t->codes[i].name, &t->codes[i].plover, &t->codes[i].mode,
                                  &t->codes[i].context};
        for (int k = 0; k < 4; k++)
            *fields[k] =
                offsets[i * 4 + (size_t)k] ? t->strings + offsets[i * 4 + (size_t)k] - 1 : NULL;
    }
    free(offsets);
    /* a code without a PLOVER line of its own takes its nearest ancestor's (020 -> 02) */
    for (size_t i = 0; i < t->count; i++) {
        cameo_code *c = &t->codes[i];
        if (c->plover)
            continue;
        const cameo_code *h = plover_holder(t, c->code);
        if (h) {
            c->plover = h->plover;
            c->mode = h->mode;
            c->context = h->context;
        }
    }
    *out = t;
    return SITREP_OK;
}

void cameo_free(cameo_table *table)
{
    if (!table)
        return;
    free(table->codes);
    free(table->strings);
    free(table);
}

size_t cameo_count(const cameo_table *table)
{
    return table ? table->count : 0;
}

const cameo_code *cameo_at(const cameo_table *table, size_t i)
{
    return table && i < table->count ? &table->codes[i] : NULL;
}

static const cameo_code *find_cstr(const cameo_table *table, const char *code)
{
    return code ? cameo_find(table, code, strlen(code)) : NULL;
}

const char *cameo_name(const cameo_table *table, const char *code)
{
    const cameo_code *c = find_cstr(table, code);
    return c ? c->name : NULL;
}

double cameo_goldstein(const cameo_table *table, const char *code)
{
    const cameo_code *c = find_cstr(table, code);
    return c ? c->goldstein : 0.0;
}

int cameo_quad_class(const cameo_table *table, const char *code)
{
    const cameo_code *c = find_cstr(table, code);
    return c ? c->quad : 0;
}

/* The code or its nearest ancestor with a PLOVER line; a root falls back to its "x0". */
static const cameo_code *plover_holder(const cameo_table *table, const char *code)
{
    const cameo_code *c = find_cstr(table, code);
    if (!c)
        return NULL;
    char digits[5];
    memcpy(digits, c->code, sizeof digits);
    for (size_t n = strlen(digits); n >= 2; n--) {
        const cameo_code *p = cameo_find(table, digits, n);
        if (p && p->plover)
            return p;
    }
    char general[4] = {digits[0], digits[1], '0', '\0'};
    const cameo_code *g = cameo_find(table, general, 3);
    return g && g->plover ? g : NULL;
}

const char *cameo_plover_type(const cameo_table *table, const char *code)
{
    const cameo_code *c = find_cstr(table, code); /* filled from its ancestor at load */
    return c ? c->plover : NULL;
}

const char *cameo_plover_mode(const cameo_table *table, const char *code)
{
    const cameo_code *c = find_cstr(table, code); /* filled from its ancestor at load */
    return c ? c->mode : NULL;
}

const char *cameo_plover_context(const cameo_table *table, const char *code)
{
    const cameo_code *c = find_cstr(table, code); /* filled from its ancestor at load */
    return c ? c->context : NULL;
}
