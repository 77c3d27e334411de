/* dict.c (lexicon) - parses the actor dictionaries (docs/dictionaries.md) into one immutable
 * set: entries with dated codes, a vocabulary and a trie over token ids.
 *
 * Loaded once by sitrep_context_new from DATA/actors/; `sitrep dict check` uses the same
 * parser in keep-going mode and adds the consistency checks (duplicates, conflicting codes,
 * overlapping date ranges).
 */
#include "lexicon.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct pending_value {
    uint32_t node;
    uint32_t seq;
    dict_value value;
} pending_value;

struct dict {
    vocab *vocab;
    trie *trie;
    dict_entry *entries;
    size_t nentries, entries_alloc;
    dict_code *codes;
    size_t ncodes, codes_alloc;
    char **files;
    size_t nfiles;
    buf exact; /* exact-case token texts, NUL-separated */
    pending_value *pending;
    size_t npending, pending_alloc;
    uint32_t *node_first; /* per node: first value index; node_first[nnodes] = total */
    dict_value *values;
    char (*countries)[4];
    size_t ncountries, countries_alloc;
    uint8_t country_bits[36 * 36 * 36 / 8 + 1]; /* one bit per 3-character code */
    size_t problems;
    uint8_t *stems; /* per vocabulary id: 1 when a phrase ends in that word as a stem "Word*" */
    size_t stems_alloc;
    bool has_stems;
};

struct dict_builder {
    dict *d;
    arena scratch;
    dict_report_fn report;
    void *user;
    size_t fatal;
};

static const char *const kind_names[DICT_KIND_COUNT] = {
    "country", "adjective",    "demonym", "capital", "metonym",
    "person",  "organization", "group",   "agent",   "title",
};

const char *dict_kind_name(dict_kind kind)
{
    return (unsigned)kind < DICT_KIND_COUNT ? kind_names[kind] : "unknown";
}

/* The CAMEO role codes a role file (agents, titles) may use. */
static const char *const known_roles[] = {
    "GOV", "MIL", "SPY", "LEG", "JUD", "OPP", "REB", "INS", "CVL", "MED", "BUS", "NGO",
    "REF", "ELI", "COP", "PTY", "LAB", "EDU", "HLH", "CRM", "UAF", "MOD", "RAD", "AGR",
    "ENV", "HRI", "IGO", "NGM", "SET", "REL", "DEV", "IMG", "MNC", "SEP", "CHR", "MUS",
    "JEW", "BUD", "HIN", "ATH", "DIP", "VET", "YTH", "WMN", "PRO", "ELC", "INT", "BOR",
    "CTH", "ORT", "SHI", "SUN", "SFI", "ALE", "DRZ", "MOS", "LEF", "RIG",
};

dict_file_kind dict_file_kind_for_name(const char *name)
{
    static const struct {
        const char *prefix;
        dict_file_kind kind;
    } map[] = {
        {"countries", DICT_FILE_COUNTRIES},
        {"people", DICT_FILE_PEOPLE},
        {"organizations", DICT_FILE_ORGANIZATIONS},
        {"groups", DICT_FILE_GROUPS},
        {"metonyms", DICT_FILE_METONYMS},
        {"agents", DICT_FILE_AGENTS},
        {"titles", DICT_FILE_TITLES},
    };
    const char *base = strrchr(name, '/');
    base = base ? base + 1 : name;
    size_t n = strlen(base);
    if (n < 5 || strcmp(base + n - 4, ".txt") != 0)
        return DICT_FILE_UNKNOWN;
    for (size_t i = 0; i < ARRAY_LEN(map); i++) {
        size_t p = strlen(map[i].prefix);
        if (strncmp(base, map[i].prefix, p) == 0 &&
            (base[p] == '.' || base[p] == '-' || base[p] == '_'))
            return map[i].kind;
    }
    return DICT_FILE_UNKNOWN;
}

/* ---- dates ---- */

static int number(const char *s, size_t n)
{
    int v = 0;
    for (size_t i = 0; i < n; i++)
        v = v * 10 + (s[i] - '0');
    return v;
}

static int days_in_month(int year, int month)
{
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month == 2 && ((year % 4 == 0 && year % 100 != 0) || year % 400 == 0))
        return 29;
    return days[month - 1];
}

bool dict_parse_date(const char *s, size_t length, bool end, int32_t *out)
{
    if (length < 4 || !ascii_digits(s, 4))
        return false;
    int year = number(s, 4), month = end ? 12 : 1, day = 1;
    if (year < 1000)
        return false;
    if (length > 4) {
        if (length < 7 || s[4] != '-' || !ascii_digits(s + 5, 2))
            return false;
        month = number(s + 5, 2);
        if (month < 1 || month > 12)
            return false;
    }
    if (length > 7) {
        if (length != 10 || s[7] != '-' || !ascii_digits(s + 8, 2))
            return false;
        day = number(s + 8, 2);
        if (day < 1 || day > days_in_month(year, month))
            return false;
    } else if (end) {
        day = days_in_month(year, month);
    }
    *out = year * 10000 + month * 100 + day;
    return true;
}

/* ---- building ---- */

dict_builder *dict_builder_new(dict_report_fn report, void *user)
{
    dict_builder *b = xcalloc(1, sizeof *b);
    b->d = xcalloc(1, sizeof *b->d);
    b->d->vocab = vocab_new();
    b->d->trie = trie_new();
    buf_init(&b->d->exact, (size_t)256 << 20);
    arena_init(&b->scratch, (size_t)64 << 20);
    b->report = report;
    b->user = user;
    return b;
}

void dict_free(dict *d)
{
    if (!d)
        return;
    vocab_free(d->vocab);
    trie_free(d->trie);
    for (size_t i = 0; i < d->nentries; i++)
        free((char *)d->entries[i].name);
    free(d->entries);
    free(d->codes);
    for (size_t i = 0; i < d->nfiles; i++)
        free(d->files[i]);
    free(d->files);
    buf_release(&d->exact);
    free(d->pending);
    free(d->node_first);
    free(d->values);
    free(d->countries);
    free(d->stems);
    free(d);
}

void dict_builder_free(dict_builder *b)
{
    if (!b)
        return;
    dict_free(b->d);
    arena_release(&b->scratch);
    free(b);
}

/* A problem in the line being parsed. */
typedef struct line_ctx {
    dict_builder *b;
    const char *path;
    long line;
    uint32_t file;
    diag *d;
    bool countries; /* peer actors: each code's first three letters act as a country */
} line_ctx;

static sitrep_status line_error(line_ctx *c, const char *format, ...) PRINTF_LIKE(2, 3);
static sitrep_status line_error(line_ctx *c, const char *format, ...)
{
    char message[400];
    va_list args;
    va_start(args, format);
    vsnprintf(message, sizeof message, format, args);
    va_end(args);
    return diag_set(c->d, c->path, c->line, "%s", message);
}

static uint32_t add_entry(dict *d, dict_kind kind, uint32_t file, long line, slice name)
{
    if (d->nentries == d->entries_alloc) {
        d->entries_alloc = d->entries_alloc ? d->entries_alloc * 2 : 1024;
        d->entries = xrealloc(d->entries, d->entries_alloc * sizeof *d->entries);
    }
    dict_entry *e = &d->entries[d->nentries];
    memset(e, 0, sizeof *e);
    e->kind = (uint8_t)kind;
    e->file = file;
    e->line = (uint32_t)line;
    e->first_code = (uint32_t)d->ncodes;
    char *copy = xmalloc(name.len + 1);
    memcpy(copy, name.ptr, name.len);
    copy[name.len] = '\0';
    e->name = copy;
    return (uint32_t)d->nentries++;
}

static void add_code(dict *d, dict_entry *e, const dict_code *code)
{
    if (d->ncodes == d->codes_alloc) {
        d->codes_alloc = d->codes_alloc ? d->codes_alloc * 2 : 1024;
        d->codes = xrealloc(d->codes, d->codes_alloc * sizeof *d->codes);
    }
    d->codes[d->ncodes++] = *code;
    e->ncodes++;
}

static bool is_code_char(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

static bool known_role(const char *s)
{
    for (size_t i = 0; i < ARRAY_LEN(known_roles); i++)
        if (strncmp(s, known_roles[i], 3) == 0)
            return true;
    return false;
}

/* Parses one code "RUSGOV" or "RUSGOV 2000-05-07..2008-05-07". Role files want codes made of
 * known 3-letter roles. */
static sitrep_status parse_code(line_ctx *c, slice text, int roles, dict_code *out)
{
    memset(out, 0, sizeof *out);
    text = slice_trim(text);
    size_t n = 0;
    while (n < text.len && text.ptr[n] != ' ' && text.ptr[n] != '\t')
        n++;
    if (n == 0)
        return line_error(c, "empty code");
    for (size_t i = 0; i < n; i++)
        if (!is_code_char(text.ptr[i]))
            return line_error(c, "invalid code '%.*s' (expected capital letters and digits)",
                              (int)n, text.ptr);
    if (n < 3 || n >= sizeof out->code || (roles && n % 3))
        return line_error(c, "invalid code '%.*s' (expected %s)", (int)n, text.ptr,
                          roles ? "one or more 3-letter roles" : "3 to 15 characters");
    memcpy(out->code, text.ptr, n);
    if (roles == 1) /* peer agents (roles == 2) may use any 3-letter roles */
        for (size_t i = 0; i < n; i += 3)
            if (!known_role(out->code + i))
                return line_error(c, "unknown role '%.3s' in '%s'", out->code + i, out->code);
    slice range = slice_trim(slice_make(text.ptr + n, text.len - n));
    if (!range.len)
        return SITREP_OK;
    const char *dots = NULL;
    for (size_t i = 0; i + 1 < range.len; i++)
        if (range.ptr[i] == '.' && range.ptr[i + 1] == '.') {
            dots = range.ptr + i;
            break;
        }
    if (!dots)
        return line_error(c, "invalid date range '%.*s' after '%s' (expected FROM..TO)",
                          (int)range.len, range.ptr, out->code);
    slice from = slice_make(range.ptr, (size_t)(dots - range.ptr));
    slice to = slice_make(dots + 2, range.len - from.len - 2);
    if (!from.len && !to.len)
        return line_error(c, "empty date range after '%s'", out->code);
    if (from.len && !dict_parse_date(from.ptr, from.len, false, &out->from))
        return line_error(c, "invalid date '%.*s' (expected YYYY, YYYY-MM or YYYY-MM-DD)",
                          (int)from.len, from.ptr);
    if (to.len && !dict_parse_date(to.ptr, to.len, true, &out->to))
        return line_error(c, "invalid date '%.*s' (expected YYYY, YYYY-MM or YYYY-MM-DD)",
                          (int)to.len, to.ptr);
    if (out->from && out->to && out->from > out->to)
        return line_error(c, "date range '%.*s' ends before it starts", (int)range.len, range.ptr);
    out->dated = true;
    return SITREP_OK;
}

/* Tokenizes one phrase, interns its tokens and records the value at its trie node. */
static sitrep_status add_phrase(line_ctx *c, uint32_t entry, slice phrase)
{
    dict_builder *b = c->b;
    dict *d = b->d;
    phrase = slice_trim(phrase);
    bool exact = false;
    if (phrase.len && phrase.ptr[0] == '=') {
        exact = true;
        phrase = slice_trim(slice_make(phrase.ptr + 1, phrase.len - 1));
    }
    /* "Eriador*": the last word is a stem that also matches the words it begins */
    bool stem = phrase.len > 1 && phrase.ptr[phrase.len - 1] == '*';
    if (stem)
        phrase = slice_trim(slice_make(phrase.ptr, phrase.len - 1));
    if (!phrase.len)
        return line_error(c, "empty phrase");
    arena_reset(&b->scratch);
    token *tokens = NULL;
    size_t ntokens = 0;
    if (text_tokenize(&b->scratch, phrase.ptr, phrase.len, &tokens, &ntokens) || !ntokens)
        return line_error(c, "phrase '%.*s' has no tokens", (int)phrase.len, phrase.ptr);
    if (ntokens > DICT_MAX_PHRASE_TOKENS)
        return line_error(c, "phrase '%.*s' is longer than %d tokens", (int)phrase.len, phrase.ptr,
                          DICT_MAX_PHRASE_TOKENS);
    uint32_t ids[DICT_MAX_PHRASE_TOKENS];
    for (size_t i = 0; i < ntokens; i++) {
        char folded[VOCAB_MAX_TOKEN];
        const char *t = phrase.ptr + tokens[i].start;
        size_t n = vocab_fold(t, tokens[i].end - tokens[i].start, folded, sizeof folded);
        if (!n)
            return line_error(c, "word '%.*s' is longer than %d bytes",
                              (int)(tokens[i].end - tokens[i].start), t, VOCAB_MAX_TOKEN);
        ids[i] = vocab_intern(d->vocab, folded, n);
        if (i + 1 == ntokens && stem) {
            if (n < DICT_MIN_STEM)
                return line_error(c, "stem '%.*s*' is shorter than %d bytes", (int)n, folded,
                                  DICT_MIN_STEM);
            if (ids[i] >= d->stems_alloc) {
                size_t alloc = (ids[i] + 1) * 2;
                d->stems = xrealloc(d->stems, alloc);
                memset(d->stems + d->stems_alloc, 0, alloc - d->stems_alloc);
                d->stems_alloc = alloc;
            }
            d->stems[ids[i]] = 1;
            d->has_stems = true;
        }
    }
    dict_value v = {.entry = entry, .exact = 0, .ntokens = (uint16_t)ntokens};
    if (ntokens == 1 && phrase.len >= 2) {
        v.acronym = 1;
        for (size_t i = 0; i < phrase.len && v.acronym; i++)
            v.acronym = !(phrase.ptr[i] >= 'a' && phrase.ptr[i] <= 'z');
    }
    if (exact) {
        v.exact = (uint32_t)d->exact.len + 1;
        for (size_t i = 0; i < ntokens; i++)
            if (buf_append(&d->exact, phrase.ptr + tokens[i].start,
                           tokens[i].end - tokens[i].start))
                return line_error(c, "too much exact-case text");
        if (buf_append_char(&d->exact, '\0'))
            return line_error(c, "too much exact-case text");
    }
    uint32_t node = trie_insert(d->trie, ids, ntokens);
    if (d->npending == d->pending_alloc) {
        d->pending_alloc = d->pending_alloc ? d->pending_alloc * 2 : 4096;
        d->pending = xrealloc(d->pending, d->pending_alloc * sizeof *d->pending);
    }
    d->pending[d->npending] = (pending_value){node, (uint32_t)d->npending, v};
    d->npending++;
    return SITREP_OK;
}

/* Adds the phrases of "A | B | =C" to an entry; the first phrase names it. */
static sitrep_status add_phrases(line_ctx *c, dict_kind kind, slice list, const dict_code *codes,
                                 size_t ncodes)
{
    dict *d = c->b->d;
    list = slice_trim(list);
    if (!list.len)
        return line_error(c, "no phrases");
    if (d->nentries >= DICT_MAX_ENTRIES) {
        line_error(c, "more than %d entries", DICT_MAX_ENTRIES);
        return SITREP_ELIMIT;
    }
    const char *bar = memchr(list.ptr, '|', list.len);
    slice first = slice_trim(slice_make(list.ptr, bar ? (size_t)(bar - list.ptr) : list.len));
    if (first.len && first.ptr[0] == '=')
        first = slice_trim(slice_make(first.ptr + 1, first.len - 1));
    uint32_t entry = add_entry(d, kind, c->file, c->line, first);
    for (size_t i = 0; i < ncodes; i++)
        add_code(d, &d->entries[entry], &codes[i]);
    size_t pos = 0;
    while (pos <= list.len) {
        const char *p = list.ptr + pos;
        const char *next = memchr(p, '|', list.len - pos);
        size_t n = next ? (size_t)(next - p) : list.len - pos;
        sitrep_status s = add_phrase(c, entry, slice_make(p, n));
        if (s)
            return s;
        pos += n + 1;
        if (!next)
            break;
    }
    return SITREP_OK;
}

/* "PHRASES => CODES" */
static void add_country(dict *d, const char *code);

static sitrep_status parse_entry(line_ctx *c, slice line, dict_kind kind, int roles)
{
    const char *arrow = NULL;
    for (size_t i = 0; i + 1 < line.len; i++)
        if (line.ptr[i] == '=' && line.ptr[i + 1] == '>') {
            arrow = line.ptr + i;
            break;
        }
    if (!arrow)
        return line_error(c, "missing '=>' (expected PHRASES => CODES)");
    slice phrases = slice_make(line.ptr, (size_t)(arrow - line.ptr));
    slice codes = slice_trim(slice_make(arrow + 2, line.len - phrases.len - 2));
    if (!codes.len)
        return line_error(c, "no codes after '=>'");
    dict_code parsed[DICT_MAX_CODES];
    size_t n = 0;
    size_t pos = 0;
    while (pos <= codes.len) {
        const char *p = codes.ptr + pos;
        const char *comma = memchr(p, ',', codes.len - pos);
        size_t len = comma ? (size_t)(comma - p) : codes.len - pos;
        if (n == DICT_MAX_CODES)
            return line_error(c, "more than %d codes", DICT_MAX_CODES);
        sitrep_status s = parse_code(c, slice_make(p, len), roles, &parsed[n]);
        if (s)
            return s;
        if (c->countries) {
            char country[4] = {parsed[n].code[0], parsed[n].code[1], parsed[n].code[2], '\0'};
            add_country(c->b->d, country);
        }
        n++;
        pos += len + 1;
        if (!comma)
            break;
    }
    return add_phrases(c, kind, phrases, parsed, n);
}

/* The index of a 3-character code in country_bits, or -1 when it has other characters. */
static long country_index(const char *code)
{
    long index = 0;
    for (int i = 0; i < 3; i++) {
        char c = code[i];
        int v = c >= 'A' && c <= 'Z' ? c - 'A' : c >= '0' && c <= '9' ? 26 + c - '0' : -1;
        if (v < 0)
            return -1;
        index = index * 36 + v;
    }
    return index;
}

static void add_country(dict *d, const char *code)
{
    long index = country_index(code);
    if (index >= 0)
        d->country_bits[index / 8] |= (uint8_t)(1u << (index % 8));
    for (size_t i = 0; i < d->ncountries; i++)
        if (memcmp(d->countries[i], code, 4) == 0)
            return;
    if (d->ncountries == d->countries_alloc) {
        d->countries_alloc = d->countries_alloc ? d->countries_alloc * 2 : 256;
        d->countries = xrealloc(d->countries, d->countries_alloc * sizeof *d->countries);
    }
    memcpy(d->countries[d->ncountries++], code, 4);
}

/* "RUS: Russia | Russian Federation ; adj: Russian ; people: Russians ; capital: Moscow" */
static sitrep_status parse_country(line_ctx *c, slice line)
{
    static const struct {
        const char *key;
        dict_kind kind;
    } keys[] = {{"adj", DICT_ADJECTIVE},
                {"people", DICT_DEMONYM},
                {"capital", DICT_CAPITAL},
                {"ethnic", DICT_ADJECTIVE}};
    const char *colon = memchr(line.ptr, ':', line.len);
    slice code = slice_trim(slice_make(line.ptr, colon ? (size_t)(colon - line.ptr) : 0));
    if (!colon || code.len != 3 || !is_code_char(code.ptr[0]) || !is_code_char(code.ptr[1]) ||
        !is_code_char(code.ptr[2]))
        return line_error(c, "expected 'CODE: names ; adj: ... ; people: ... ; capital: ...' "
                             "with a 3-letter country code");
    dict_code country = {0}, government = {0}, ethnic = {0};
    memcpy(country.code, code.ptr, 3);
    memcpy(government.code, code.ptr, 3);
    memcpy(government.code + 3, "GOV", 3);
    /* a people of the state whose armed men fight as its rebels ("Tuareg rebels") */
    memcpy(ethnic.code, code.ptr, 3);
    memcpy(ethnic.code + 3, "REB", 3);
    add_country(c->b->d, country.code);
    size_t pos = (size_t)(colon - line.ptr) + 1;
    bool first = true;
    while (pos <= line.len) {
        const char *p = line.ptr + pos;
        const char *semi = memchr(p, ';', line.len - pos);
        size_t len = semi ? (size_t)(semi - p) : line.len - pos;
        slice field = slice_trim(slice_make(p, len));
        pos += len + 1;
        sitrep_status s;
        if (first) {
            s = add_phrases(c, DICT_COUNTRY, field, &country, 1);
            first = false;
        } else {
            const char *kc = memchr(field.ptr, ':', field.len);
            slice key = slice_trim(slice_make(field.ptr, kc ? (size_t)(kc - field.ptr) : 0));
            size_t k = 0;
            while (k < ARRAY_LEN(keys) && !(kc && slice_eq_cstr(key, keys[k].key)))
                k++;
            if (k == ARRAY_LEN(keys))
                return line_error(c,
                                  "unknown field '%.*s' (expected adj:, people:, capital: or "
                                  "ethnic:)",
                                  (int)(kc ? key.len : field.len), kc ? key.ptr : field.ptr);
            slice value = slice_make(kc + 1, field.len - (size_t)(kc + 1 - field.ptr));
            s = add_phrases(c, keys[k].kind, value,
                            keys[k].kind == DICT_CAPITAL   ? &government
                            : slice_eq_cstr(key, "ethnic") ? &ethnic
                                                           : &country,
                            1);
        }
        if (s)
            return s;
        if (!semi)
            break;
    }
    return SITREP_OK;
}

sitrep_status dict_builder_add_text(dict_builder *b, const char *path, const char *text,
                                    size_t length, dict_file_kind kind, bool keep_going, diag *d)
{
    dict *dt = b->d;
    dt->files = xrealloc(dt->files, (dt->nfiles + 1) * sizeof *dt->files);
    dt->files[dt->nfiles] = xstrdup(path);
    line_ctx c = {b, path, 0, (uint32_t)dt->nfiles, d, kind == DICT_FILE_PEER_ACTORS};
    dt->nfiles++;
    static const dict_kind entry_kinds[] = {
        [DICT_FILE_PEOPLE] = DICT_PERSON,       [DICT_FILE_ORGANIZATIONS] = DICT_ORGANIZATION,
        [DICT_FILE_GROUPS] = DICT_GROUP,        [DICT_FILE_METONYMS] = DICT_METONYM,
        [DICT_FILE_AGENTS] = DICT_AGENT,        [DICT_FILE_TITLES] = DICT_TITLE,
        [DICT_FILE_COUNTRIES] = DICT_COUNTRY,   [DICT_FILE_UNKNOWN] = DICT_ORGANIZATION,
        [DICT_FILE_PEER_ACTORS] = DICT_COUNTRY, [DICT_FILE_PEER_AGENTS] = DICT_AGENT,
    };
    bool failed = false;
    size_t pos = 0;
    while (pos < length) {
        const char *p = text + pos;
        const char *nl = memchr(p, '\n', length - pos);
        size_t n = nl ? (size_t)(nl - p) : length - pos;
        pos += n + 1;
        c.line++;
        sitrep_status s = SITREP_OK;
        const char *hash = memchr(p, '#', n);
        slice line = slice_trim(slice_make(p, hash ? (size_t)(hash - p) : n));
        if (n > DICT_MAX_LINE)
            s = line_error(&c, "line longer than %d bytes", DICT_MAX_LINE);
        else if (memchr(p, '\0', n))
            s = line_error(&c, "NUL byte in line");
        else if (utf8_valid_prefix(p, n) != n)
            s = line_error(&c, "invalid UTF-8");
        else if (!line.len)
            continue;
        else if (kind == DICT_FILE_COUNTRIES)
            s = parse_country(&c, line);
        else
            s = parse_entry(&c, line, entry_kinds[kind],
                            kind == DICT_FILE_AGENTS || kind == DICT_FILE_TITLES ? 1
                            : kind == DICT_FILE_PEER_AGENTS                      ? 2
                                                                                 : 0);
        if (s == SITREP_ELIMIT)
            return s;
        if (s) {
            failed = true;
            b->fatal++;
            if (b->report)
                b->report(b->user, d, true);
            if (!keep_going)
                return s;
        }
    }
    return failed ? SITREP_EPARSE : SITREP_OK;
}

/* ---- compiling and checking ---- */

static int compare_pending(const void *a, const void *b)
{
    const pending_value *x = a, *y = b;
    if (x->node != y->node)
        return x->node < y->node ? -1 : 1;
    return x->seq < y->seq ? -1 : x->seq > y->seq;
}

static void report(dict_builder *b, const dict_entry *e, const char *format, ...) PRINTF_LIKE(3, 4);
static void report(dict_builder *b, const dict_entry *e, const char *format, ...)
{
    b->d->problems++;
    if (!b->report)
        return;
    diag d;
    diag_clear(&d);
    snprintf(d.path, sizeof d.path, "%s", b->d->files[e->file]);
    d.line = e->line;
    va_list args;
    va_start(args, format);
    vsnprintf(d.message, sizeof d.message, format, args);
    va_end(args);
    b->report(b->user, &d, false);
}

static bool same_codes(const dict *d, const dict_entry *a, const dict_entry *b)
{
    if (a->ncodes != b->ncodes)
        return false;
    for (size_t i = 0; i < a->ncodes; i++) {
        const dict_code *x = &d->codes[a->first_code + i], *y = &d->codes[b->first_code + i];
        if (strcmp(x->code, y->code) || x->from != y->from || x->to != y->to ||
            x->dated != y->dated)
            return false;
    }
    return true;
}

/* Days since 0000-03-01 of a YYYYMMDD date, to measure overlaps. */
static long day_number(int32_t date)
{
    long y = date / 10000, m = date / 100 % 100, d = date % 100;
    if (m < 3) {
        y--;
        m += 12;
    }
    return 365 * y + y / 4 - y / 100 + y / 400 + (153 * (m - 3) + 2) / 5 + d;
}

static void check_entry_ranges(dict_builder *b, const dict_entry *e)
{
    const dict *d = b->d;
    for (size_t i = 0; i < e->ncodes; i++) {
        const dict_code *x = &d->codes[e->first_code + i];
        for (size_t j = i + 1; x->dated && j < e->ncodes; j++) {
            const dict_code *y = &d->codes[e->first_code + j];
            if (!y->dated || strcmp(x->code, y->code) == 0)
                continue;
            long start = day_number(x->from > y->from ? x->from : y->from);
            int32_t xt = x->to ? x->to : 99991231, yt = y->to ? y->to : 99991231;
            long end = day_number(xt < yt ? xt : yt);
            /* A shared first/last day (a hand-over) is not an overlap. */
            if (end - start >= 1)
                report(b, e, "overlapping date ranges in '%s': %s and %s", e->name, x->code,
                       y->code);
        }
    }
}

static void check_node(dict_builder *b, const dict_value *values, size_t n)
{
    const dict *d = b->d;
    for (size_t i = 0; i < n; i++) {
        for (size_t j = 0; j < i; j++) {
            const dict_value *x = &values[j], *y = &values[i];
            bool xe = x->exact != 0, ye = y->exact != 0;
            if (xe != ye ||
                (xe && strcmp(d->exact.data + x->exact - 1, d->exact.data + y->exact - 1) != 0))
                continue;
            const dict_entry *ex = &d->entries[x->entry], *ey = &d->entries[y->entry];
            if (x->entry == y->entry) {
                report(b, ey, "duplicate phrase in '%s'", ey->name);
                break;
            }
            /* one country line gives a phrase several kinds on purpose ("New Zealand") */
            if (ex->file == ey->file && ex->line == ey->line)
                continue;
            /* names compete with names (a capital and a person); roles with roles */
            bool xrole = ex->kind == DICT_AGENT || ex->kind == DICT_TITLE;
            bool yrole = ey->kind == DICT_AGENT || ey->kind == DICT_TITLE;
            if (xrole != yrole)
                continue;
            bool same = same_codes(d, ex, ey);
            if (same) {
                report(b, ey, "duplicate phrase of '%s' (also at %s:%u)", ey->name,
                       d->files[ex->file], ex->line);
                break;
            }
            if (ex->kind == ey->kind || !xrole) {
                report(b, ey, "conflicting codes: '%s' is also '%s' (%s:%u) with other codes",
                       ey->name, ex->name, d->files[ex->file], ex->line);
                break;
            }
        }
    }
}

dict *dict_builder_finish(dict_builder *b)
{
    dict *d = b->d;
    size_t nnodes = trie_node_count(d->trie);
    if (d->npending)
        qsort(d->pending, d->npending, sizeof *d->pending, compare_pending);
    d->node_first = xcalloc(nnodes + 1, sizeof *d->node_first);
    d->values = xmalloc((d->npending ? d->npending : 1) * sizeof *d->values);
    for (size_t i = 0; i < d->npending; i++) {
        d->values[i] = d->pending[i].value;
        d->node_first[d->pending[i].node + 1]++;
    }
    for (size_t i = 0; i < nnodes; i++)
        d->node_first[i + 1] += d->node_first[i];
    free(d->pending);
    d->pending = NULL;
    for (size_t node = 0; node < nnodes; node++) {
        size_t n = d->node_first[node + 1] - d->node_first[node];
        if (n > 1)
            check_node(b, d->values + d->node_first[node], n);
    }
    for (size_t i = 0; i < d->nentries; i++)
        check_entry_ranges(b, &d->entries[i]);
    arena_release(&b->scratch);
    free(b);
    return d;
}

size_t dict_problems(const dict *d)
{
    return d ? d->problems : 0;
}

/* ---- loading a directory ---- */

static int compare_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Lists the dictionary files of dir, sorted. Returns the count; *names is heap (free each). */
static size_t list_files(const char *dir, char ***names)
{
    *names = NULL;
    DIR *dp = opendir(dir);
    if (!dp)
        return 0;
    size_t n = 0, alloc = 0;
    struct dirent *de;
    while ((de = readdir(dp))) {
        if (de->d_name[0] == '.' || dict_file_kind_for_name(de->d_name) == DICT_FILE_UNKNOWN)
            continue;
        if (n == alloc) {
            alloc = alloc ? alloc * 2 : 16;
            *names = xrealloc(*names, alloc * sizeof **names);
        }
        (*names)[n++] = xstrdup(de->d_name);
    }
    closedir(dp);
    if (n)
        qsort(*names, n, sizeof **names, compare_names);
    return n;
}

static dict *load(const char *dir, bool keep_going, dict_report_fn fn, void *user, diag *d,
                  size_t *fatal)
{
    dict_builder *b = dict_builder_new(fn, user);
    char **names;
    size_t n = list_files(dir, &names);
    bool ok = true;
    for (size_t i = 0; i < n && (ok || keep_going); i++) {
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        char *data;
        size_t length;
        diag_clear(d);
        if (file_read_all(path, DICT_MAX_FILE, &data, &length, d)) {
            if (!d->path[0])
                snprintf(d->path, sizeof d->path, "%.500s", path);
            b->fatal++;
            if (fn)
                fn(user, d, true);
            ok = false;
            continue;
        }
        if (dict_builder_add_text(b, path, data, length, dict_file_kind_for_name(names[i]),
                                  keep_going, d))
            ok = false;
        free(data);
    }
    for (size_t i = 0; i < n; i++)
        free(names[i]);
    free(names);
    *fatal = b->fatal;
    if (!ok && !keep_going) {
        dict_builder_free(b);
        return NULL;
    }
    return dict_builder_finish(b);
}

dict *dict_load_dir(const char *dir, diag *d)
{
    size_t fatal;
    diag_clear(d);
    return load(dir, false, NULL, NULL, d, &fatal);
}

size_t dict_check_dir(const char *dir, dict_report_fn fn, void *user)
{
    size_t fatal;
    diag d;
    dict *dt = load(dir, true, fn, user, &d, &fatal);
    size_t problems = fatal + dict_problems(dt);
    dict_free(dt);
    return problems;
}

/* ---- queries ---- */

const vocab *dict_vocab(const dict *d)
{
    return d->vocab;
}

const trie *dict_trie(const dict *d)
{
    return d->trie;
}

size_t dict_entry_count(const dict *d)
{
    return d ? d->nentries : 0;
}

const dict_entry *dict_entry_get(const dict *d, uint32_t index)
{
    return &d->entries[index];
}

const char *dict_file_name(const dict *d, uint32_t file)
{
    return file < d->nfiles ? d->files[file] : "";
}

const dict_value *dict_node_values(const dict *d, uint32_t node, size_t *n)
{
    uint32_t first = d->node_first[node], last = d->node_first[node + 1];
    *n = last - first;
    return *n ? d->values + first : NULL;
}

const char *dict_value_exact(const dict *d, const dict_value *v)
{
    return v->exact ? d->exact.data + v->exact - 1 : NULL;
}

const char *dict_entry_code(const dict *d, const dict_entry *e, int32_t date, bool *dated)
{
    const dict_code *codes = d->codes + e->first_code;
    const char *fallback = NULL;
    *dated = false;
    for (size_t i = 0; i < e->ncodes; i++) {
        const dict_code *c = &codes[i];
        if (!c->dated) {
            if (!fallback)
                fallback = c->code;
            continue;
        }
        if (date && (!c->from || date >= c->from) && (!c->to || date <= c->to)) {
            *dated = true;
            return c->code;
        }
    }
    if (fallback)
        return fallback;
    if (!date && e->ncodes)
        return codes[e->ncodes - 1].code;
    if (e->ncodes)
        *dated = true; /* only dated codes, none covering the date: unknown */
    return NULL;
}

uint32_t dict_token_id(const dict *d, const char *folded, size_t length)
{
    uint32_t id = vocab_find(d->vocab, folded, length);
    if (id != VOCAB_NONE || !d->has_stems)
        return id;
    /* the longest stem the word begins with ("Eriadori" -> "eriador*"); UTF-8 safe because
     * stems are whole folded tokens and a cut inside a character finds none */
    for (size_t n = length - 1; n >= DICT_MIN_STEM && n + 6 >= length; n--) {
        id = vocab_find(d->vocab, folded, n);
        if (id != VOCAB_NONE && id < d->stems_alloc && d->stems[id])
            return id;
    }
    return VOCAB_NONE;
}

bool dict_is_country(const dict *d, const char *code)
{
    if (!code[0] || !code[1] || !code[2])
        return false;
    long index = country_index(code);
    return index >= 0 && (d->country_bits[index / 8] & (1u << (index % 8)));
}
