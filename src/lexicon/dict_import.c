/* dict_import.c (lexicon) - converts TABARI and PETRARCH actor/agent dictionaries into our
 * entry format (docs/dictionaries.md), for `sitrep dict import`.
 *
 * Handled: NAME_ [CODE] lines, +SYNONYM lines, indented [CODE DATES] blocks (YYMMDD or
 * YYYYMMDD, FROM-TO, >FROM, <TO), agents [~ROLE] with {PLURAL}, !MACRO! = A, B definitions
 * substituted in phrases. Everything else (<NOUN> blocks, unknown codes, malformed dates) is
 * listed in the report, never guessed.
 */
#include "lexicon.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define IMPORT_MAX_PHRASES 256
#define IMPORT_MAX_CODES 32

#define IMPORT_MAX_MACROS 64
#define IMPORT_MAX_MACRO_WORDS 32

/* PETRARCH agent macros: "!PERSON! = MAN, MEN, WOMAN" (substituted where !PERSON! appears). */
typedef struct import_macros {
    char names[IMPORT_MAX_MACROS][32];
    char words[IMPORT_MAX_MACROS][IMPORT_MAX_MACRO_WORDS][48];
    size_t nwords[IMPORT_MAX_MACROS];
    size_t count;
} import_macros;

typedef struct import_entry {
    char phrases[IMPORT_MAX_PHRASES][256];
    size_t nphrases;
    char codes[IMPORT_MAX_CODES][64];
    size_t ncodes;
    long line;
    bool agent;
    bool plural_given; /* a {PLURAL} or {} was written */
    bool stems;        /* TABARI: a phrase without a final '_' is a stem ("Eriador*") */
    const import_macros *macros;
} import_entry;

/* "VLADIMIR_V._PUTIN_" -> "Vladimir V. Putin" */
static void convert_phrase(const char *s, size_t n, char *out, size_t cap)
{
    size_t o = 0;
    bool start = true;
    while (n && (s[n - 1] == '_' || s[n - 1] == ' '))
        n--;
    for (size_t i = 0; i < n && o + 1 < cap; i++) {
        char c = s[i];
        if (c == '_' || c == ' ') {
            if (o && out[o - 1] != ' ')
                out[o++] = ' ';
            start = true;
            continue;
        }
        out[o++] = start ? (char)toupper((unsigned char)c) : (char)tolower((unsigned char)c);
        start = !isalnum((unsigned char)c) && c != '\'';
    }
    out[o] = '\0';
}

/* YYMMDD or YYYYMMDD -> "YYYY-MM-DD"; false when malformed. */
static bool convert_date(const char *s, size_t n, char out[11])
{
    char digits[9];
    if (n == 6) {
        memcpy(digits + 2, s, 6);
        bool recent = s[0] < '2' || (s[0] == '2' && s[1] <= '5'); /* 00-25: 2000s */
        digits[0] = recent ? '2' : '1';
        digits[1] = recent ? '0' : '9';
    } else if (n == 8) {
        memcpy(digits, s, 8);
    } else {
        return false;
    }
    for (int i = 0; i < 8; i++)
        if (!isdigit((unsigned char)digits[i]))
            return false;
    snprintf(out, 11, "%.4s-%.2s-%.2s", digits, digits + 4, digits + 6);
    int32_t check;
    return dict_parse_date(out, 10, false, &check);
}

static sitrep_status note(buf *report, long line, const char *what, const char *s, size_t n)
{
    return buf_printf(report, "%ld: %s: %.*s\n", line, what, (int)(n > 120 ? 120 : n), s);
}

/* Parses "[CODE]", "[CODE 990101-001231]", "[~MIL]", "[CODE >20070101]". */
static sitrep_status parse_bracket(import_entry *e, const char *s, size_t n, long line, buf *report)
{
    char text[128];
    if (n >= sizeof text)
        return note(report, line, "code too long", s, n);
    memcpy(text, s, n);
    text[n] = '\0';
    char *p = text;
    while (*p == ' ' || *p == '\t')
        p++;
    bool agent = *p == '~';
    if (agent)
        p++;
    char *code = p;
    while (*p && *p != ' ' && *p != '\t')
        p++;
    size_t clen = (size_t)(p - code);
    char *dates = p;
    while (*dates == ' ' || *dates == '\t')
        dates++;
    if (clen == 0 || strcmp(code, "---") == 0 || strncmp(code, "---", 3) == 0)
        return note(report, line, "no code (unknown actor) skipped", s, n);
    for (size_t i = 0; i < clen; i++) /* PETRARCH reads codes in any case */
        code[i] = (char)toupper((unsigned char)code[i]);
    for (size_t i = 0; i < clen; i++)
        if (!isupper((unsigned char)code[i]) && !isdigit((unsigned char)code[i]))
            return note(report, line, "code not in our alphabet", s, n);
    if (clen < 3 || clen > 15 || (agent && clen % 3))
        return note(report, line, "code length not convertible", s, n);
    if (e->ncodes == IMPORT_MAX_CODES)
        return note(report, line, "too many codes", s, n);
    char *out = e->codes[e->ncodes];
    snprintf(out, 64, "%.*s", (int)clen, code);
    if (*dates) {
        char from[11] = "", to[11] = "";
        char *dash = strchr(dates, '-');
        bool ok;
        if (dates[0] == '>' || dates[0] == '<') {
            const char *d1 = dates + 1;
            while (*d1 == ' ' || *d1 == '\t')
                d1++;
            ok = convert_date(d1, strcspn(d1, " \t"), dates[0] == '>' ? from : to);
        } else if (dash) {
            char *a = dates, *b = dash + 1;
            size_t al = (size_t)(dash - a);
            while (al && a[al - 1] == ' ')
                al--;
            while (*b == ' ')
                b++;
            size_t bl = strcspn(b, " \t");
            ok = (al || bl) && (!al || convert_date(a, al, from)) &&
                 (!bl || convert_date(b, bl, to));
        } else
            ok = false;
        if (!ok)
            return note(report, line, "date range not convertible", s, n);
        if (from[0] && to[0] && strcmp(from, to) > 0)
            return note(report, line, "date range ends before it starts", s, n);
        snprintf(out + clen, 64 - clen, " %s..%s", from, to);
    }
    e->agent = e->agent || agent;
    e->ncodes++;
    return SITREP_OK;
}

static sitrep_status add_phrase(import_entry *e, const char *s, size_t n, long line, buf *report);

/* Expands the first "!NAME!" of a phrase with each word of the macro (then the rest). */
static sitrep_status expand_macro(import_entry *e, const char *s, size_t n, long line, buf *report)
{
    const char *open = memchr(s, '!', n);
    const char *close = open ? memchr(open + 1, '!', (size_t)(s + n - open - 1)) : NULL;
    const import_macros *m = e->macros;
    for (size_t k = 0; close && m && k < m->count; k++) {
        size_t len = (size_t)(close - open + 1);
        if (strlen(m->names[k]) != len || memcmp(m->names[k], open, len) != 0)
            continue;
        e->plural_given = true; /* the macro lists the forms ("MAN, MEN") */
        for (size_t w = 0; w < m->nwords[k]; w++) {
            char phrase[256];
            int written = snprintf(phrase, sizeof phrase, "%.*s%s%.*s", (int)(open - s), s,
                                   m->words[k][w], (int)(s + n - close - 1), close + 1);
            if (written < 0 || (size_t)written >= sizeof phrase)
                return note(report, line, "phrase too long", s, n);
            sitrep_status st = add_phrase(e, phrase, (size_t)written, line, report);
            if (st)
                return st;
        }
        return SITREP_OK;
    }
    return note(report, line, "unknown macro", s, n);
}

static sitrep_status add_phrase(import_entry *e, const char *s, size_t n, long line, buf *report)
{
    if (memchr(s, '!', n))
        return expand_macro(e, s, n, line, report);
    if (e->nphrases == IMPORT_MAX_PHRASES)
        return note(report, line, "too many synonyms", s, n);
    if (memchr(s, '&', n) || memchr(s, '|', n) || memchr(s, '=', n))
        return note(report, line, "special syntax not converted", s, n);
    size_t words = 1;
    for (size_t i = 0; i < n; i++)
        words += s[i] == '_' || s[i] == ' ' || s[i] == '.' || s[i] == '-';
    if (words > DICT_MAX_PHRASE_TOKENS)
        return note(report, line, "phrase too long", s, n);
    char *out = e->phrases[e->nphrases];
    convert_phrase(s, n, out, sizeof e->phrases[0]);
    size_t len = strlen(out);
    /* TABARI matches a final word written without '_' as a stem: "ERIADOR" is "Eriadori" too */
    if (e->stems && !e->agent && n && s[n - 1] != '_' && len >= 4 &&
        len + 2 < sizeof e->phrases[0] && isalpha((unsigned char)out[len - 1]) &&
        isalpha((unsigned char)out[len - 2]) && isalpha((unsigned char)out[len - 3]))
        memcpy(out + len, "*", 2);
    if (out[0])
        e->nphrases++;
    return SITREP_OK;
}

static sitrep_status flush(import_entry *e, buf *out, buf *report)
{
    sitrep_status s = SITREP_OK;
    if (e->nphrases && !e->ncodes)
        s = buf_printf(report, "%ld: no code: %s\n", e->line, e->phrases[0]);
    else if (e->nphrases) {
        /* PETRARCH and TABARI make agents' regular plurals themselves; we write them out */
        size_t base = e->nphrases;
        for (size_t i = 0; e->agent && !e->plural_given && i < base; i++) {
            const char *ph = e->phrases[i];
            size_t len = strlen(ph);
            if (len && ph[len - 1] == '*')
                continue; /* a stem covers its plural */
            if (e->nphrases == IMPORT_MAX_PHRASES || len + 3 >= sizeof e->phrases[0] || !len)
                break;
            char *pl = e->phrases[e->nphrases++];
            char last = (char)tolower((unsigned char)ph[len - 1]);
            char before = len > 1 ? (char)tolower((unsigned char)ph[len - 2]) : 0;
            if (last == 'y' && before && !strchr("aeiou", before))
                snprintf(pl, sizeof e->phrases[0], "%.*sies", (int)(len - 1), ph);
            else if (last == 's' || last == 'x' ||
                     (last == 'h' && (before == 'c' || before == 's')))
                snprintf(pl, sizeof e->phrases[0], "%ses", ph);
            else
                snprintf(pl, sizeof e->phrases[0], "%ss", ph);
        }
        for (size_t i = 0; i < e->nphrases && !s; i++)
            s = buf_printf(out, "%s%s", i ? " | " : "", e->phrases[i]);
        for (size_t i = 0; i < e->ncodes && !s; i++)
            s = buf_printf(out, "%s%s", i ? ", " : " => ", e->codes[i]);
        if (!s)
            s = buf_append_char(out, '\n');
    }
    memset(e, 0, sizeof *e);
    return s;
}

/* Splits a phrase line into the phrase, optional {PLURAL} and [CODE]s. */
static sitrep_status parse_phrase_line(import_entry *e, const char *s, size_t n, long line,
                                       buf *report)
{
    size_t end = 0;
    while (end < n && s[end] != '[' && s[end] != '{')
        end++;
    size_t plen = end;
    while (plen && (s[plen - 1] == ' ' || s[plen - 1] == '\t'))
        plen--;
    sitrep_status st = add_phrase(e, s, plen, line, report);
    size_t i = end;
    while (!st && i < n) {
        if (s[i] == '{') {
            const char *close = memchr(s + i, '}', n - i);
            if (!close)
                return note(report, line, "unclosed '{'", s, n);
            size_t len = (size_t)(close - (s + i + 1));
            e->plural_given = true;
            if (len)
                st = add_phrase(e, s + i + 1, len, line, report);
            i = (size_t)(close - s) + 1;
        } else if (s[i] == '[') {
            const char *close = memchr(s + i, ']', n - i);
            if (!close)
                return note(report, line, "unclosed '['", s, n);
            st = parse_bracket(e, s + i + 1, (size_t)(close - (s + i + 1)), line, report);
            i = (size_t)(close - s) + 1;
        } else {
            i++;
        }
    }
    return st;
}

/* "!PERSON! = MAN, MEN, WOMAN" */
static sitrep_status define_macro(import_macros *m, const char *s, size_t n, long line, buf *report)
{
    const char *eq = memchr(s, '=', n);
    size_t name = (size_t)(eq - s);
    while (name && (s[name - 1] == ' ' || s[name - 1] == '\t'))
        name--;
    if (name < 3 || name >= sizeof m->names[0] || s[name - 1] != '!' ||
        m->count == IMPORT_MAX_MACROS)
        return note(report, line, "macro definition not converted", s, n);
    size_t k = m->count;
    memcpy(m->names[k], s, name);
    m->names[k][name] = '\0';
    m->nwords[k] = 0;
    for (const char *p = eq + 1; p < s + n;) {
        while (p < s + n && (*p == ' ' || *p == '\t' || *p == ','))
            p++;
        const char *e = p;
        while (e < s + n && *e != ',')
            e++;
        const char *w_end = e;
        while (w_end > p && (w_end[-1] == ' ' || w_end[-1] == '\t'))
            w_end--;
        if (w_end > p) {
            if (m->nwords[k] == IMPORT_MAX_MACRO_WORDS || (size_t)(w_end - p) >= 48 ||
                memchr(p, '!', (size_t)(w_end - p)))
                return note(report, line, "macro definition not converted", s, n);
            memcpy(m->words[k][m->nwords[k]], p, (size_t)(w_end - p));
            m->words[k][m->nwords[k]++][w_end - p] = '\0';
        }
        p = e;
    }
    if (!m->nwords[k])
        return note(report, line, "macro definition not converted", s, n);
    m->count++;
    return SITREP_OK;
}

sitrep_status dict_import(const char *text, size_t length, bool petrarch, buf *out, buf *report)
{
    import_entry *e = xcalloc(1, sizeof *e);
    import_macros *macros = xcalloc(1, sizeof *macros);
    sitrep_status st = buf_printf(out, "# converted by `sitrep dict import --from %s`\n",
                                  petrarch ? "petrarch" : "tabari");
    long line = 0;
    bool in_block = false, in_comment = false;
    size_t pos = 0;
    while (!st && pos < length) {
        const char *p = text + pos;
        const char *nl = memchr(p, '\n', length - pos);
        size_t n = nl ? (size_t)(nl - p) : length - pos;
        pos += n + 1;
        line++;
        /* comments: ';' anywhere; '#' anywhere in PETRARCH, at the line start in TABARI */
        size_t cut = 0;
        while (cut < n && p[cut] != ';' && !(p[cut] == '#' && (petrarch || cut == 0)))
            cut++;
        size_t start = 0;
        while (start < cut && (p[start] == ' ' || p[start] == '\t' || p[start] == '\r'))
            start++;
        size_t end = cut;
        while (end > start && (p[end - 1] == ' ' || p[end - 1] == '\t' || p[end - 1] == '\r'))
            end--;
        const char *s = p + start;
        size_t len = end - start;
        /* <!-- comments --> (PETRARCH), on one line or several; "<! --" too */
        bool opens = len >= 2 && memcmp(s, "<!", 2) == 0;
        if (in_comment || opens) {
            in_comment = true;
            for (size_t i = opens ? (size_t)(s - p) + 2 : 0; i + 3 <= n; i++)
                if (memcmp(p + i, "-->", 3) == 0)
                    in_comment = false;
            bool dashes = false;
            for (size_t i = 0; i + 1 < len && !dashes; i++)
                dashes = s[i] == '-' && s[i + 1] == '-';
            if (opens && in_comment && s[len - 1] == '>' && !dashes)
                in_comment = false; /* <!DOCTYPE ...> */
            continue;
        }
        if (!len)
            continue;
        if (s[0] == '<') {
            if (len > 1 && s[1] != '/') {
                st = flush(e, out, report);
                if (!st)
                    st = note(report, line, "block skipped", s, len);
                in_block = true;
            } else {
                in_block = false;
            }
            continue;
        }
        if (in_block)
            continue;
        if (s[0] == '!' && memchr(s, '=', len)) {
            st = define_macro(macros, s, len, line, report);
            continue;
        }
        if (s[0] == '[') {
            if (!e->nphrases) {
                st = note(report, line, "code without an entry", s, len);
                continue;
            }
            const char *close = memchr(s, ']', len);
            st = close ? parse_bracket(e, s + 1, (size_t)(close - s - 1), line, report)
                       : note(report, line, "unclosed '['", s, len);
        } else if (s[0] == '+') {
            if (!e->nphrases)
                st = note(report, line, "synonym without an entry", s, len);
            else
                st = parse_phrase_line(e, s + 1, len - 1, line, report);
        } else {
            st = flush(e, out, report);
            e->line = line;
            e->stems = !petrarch;
            e->macros = macros;
            if (!st)
                st = parse_phrase_line(e, s, len, line, report);
        }
    }
    if (!st)
        st = flush(e, out, report);
    free(e);
    free(macros);
    return st;
}
