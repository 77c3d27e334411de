/* dateline.c (ingest stage) - the dateline that opens a wire story: where it was filed and,
 * often, when ("ISTANBUL, March 4 (Reuters) -", "BUFFALO, N.Y. -", "NEW DELHI:", "November 20,
 * 2019 -"). Read from the first paragraph's bytes by layout alone; the pipeline checks a weak
 * one against the gazetteer, dates the article by it when nothing else does, and places it.
 */
#include "ingest.h"

#include <string.h>

#define DATELINE_MAX 160 /* bytes of the first paragraph looked at */

const char *ingest_published_source_name(published_source source)
{
    switch (source) {
    case PUBLISHED_GIVEN:
        return "given";
    case PUBLISHED_DATELINE:
        return "dateline";
    case PUBLISHED_TEXT:
        return "text";
    default:
        return "none";
    }
}

typedef struct cursor {
    const char *p;
    size_t n, i;
} cursor;

static void skip_spaces(cursor *c)
{
    while (c->i < c->n && c->p[c->i] == ' ')
        c->i++;
}

/* A dash or colon that ends a dateline, spaces around it included: " - ", " -- ", " — ",
 * "—", ": ". Returns its length at c->i (0: none); *dash says which kind. */
static size_t separator_at(const cursor *c, size_t at, bool *dash)
{
    size_t i = at;
    while (i < c->n && c->p[i] == ' ')
        i++;
    const char *s = c->p + i;
    size_t left = c->n - i;
    bool is_dash = true;
    if (left >= 3 && (!memcmp(s, "\xe2\x80\x94", 3) || !memcmp(s, "\xe2\x80\x93", 3)))
        i += 3;
    else if (left >= 2 && !memcmp(s, "--", 2))
        i += 2;
    else if (left >= 1 && s[0] == '-' && i > at) /* "WASHINGTON - ": spaced, not a hyphen */
        i += 1;
    else if (left >= 1 && s[0] == ':' && i == at)
        i += 1, is_dash = false;
    else
        return 0;
    if (i < c->n && c->p[i] != ' ')
        return 0; /* "-based", ":30" */
    while (i < c->n && c->p[i] == ' ')
        i++;
    if (i >= c->n)
        return 0; /* text must follow */
    *dash = is_dash;
    return i - at;
}

/* The word at c->i (up to a space, a comma or a bracket) without moving; its length. */
static size_t word_at(const cursor *c, size_t at)
{
    size_t k = at;
    while (k < c->n && c->p[k] != ' ' && c->p[k] != ',' && c->p[k] != '(' && c->p[k] != ':')
        k++;
    return k - at;
}

/* A word of a place in capitals: "ISTANBUL", "N.Y.", "AL-MUKALLA", "CÔTE"; no lower-case ASCII
 * letter and at least one upper-case one. */
static bool caps_word(const char *w, size_t n)
{
    bool upper = false;
    for (size_t k = 0; k < n; k++) {
        unsigned char ch = (unsigned char)w[k];
        if (ch >= 'a' && ch <= 'z')
            return false;
        if (ch >= 'A' && ch <= 'Z')
            upper = true;
        else if (!(ch == '.' || ch == '\'' || ch == '-' || ch >= 0x80))
            return false;
    }
    return upper;
}

/* A capitalised word of a region after the place: "Calif.", "N.Y.", "Ukraine", "SWITZERLAND". */
static bool region_word(const char *w, size_t n)
{
    return n && ((w[0] >= 'A' && w[0] <= 'Z') || (unsigned char)w[0] >= 0xC3);
}

/* Counts words of p[start, end). */
static size_t words_in(const char *p, size_t start, size_t end)
{
    size_t words = 0;
    bool in = false;
    for (size_t k = start; k < end; k++) {
        bool space = p[k] == ' ';
        if (!space && !in)
            words++;
        in = !space;
    }
    return words;
}

/* "November 20, 2019 - ..." : a full date before a dash opens the paragraph. */
static bool date_first(const cursor *c, dateline *out)
{
    for (size_t at = 1; at < c->n && at < 40; at++) {
        bool dash;
        if (c->p[at - 1] == ' ' || !separator_at(c, at, &dash) || !dash)
            continue;
        int y, m, d;
        if (words_in(c->p, 0, at) > 5 || !ingest_date_parts(c->p, at, &y, &m, &d) || !y || !d)
            return false;
        /* every word is part of the date: "November 20, 2019", "Wednesday, Nov. 20, 2019" */
        for (size_t k = 0; k < at;) {
            while (k < at && (c->p[k] == ' ' || c->p[k] == ','))
                k++;
            size_t w = k;
            while (k < at && c->p[k] != ' ' && c->p[k] != ',')
                k++;
            if (k == w)
                break;
            bool digit = c->p[w] >= '0' && c->p[w] <= '9';
            static const char *const days[] = {"Monday", "Tuesday",  "Wednesday", "Thursday",
                                               "Friday", "Saturday", "Sunday"};
            bool weekday = false;
            for (size_t j = 0; j < ARRAY_LEN(days); j++)
                weekday |= k - w == strlen(days[j]) && !memcmp(c->p + w, days[j], k - w);
            if (!digit && !weekday && !ingest_month_word(c->p + w, k - w))
                return false;
        }
        out->start = 0;
        out->end = (uint32_t)at;
        out->year = y, out->month = m, out->day = d;
        out->certain = true;
        return true;
    }
    return false;
}

void ingest_find_dateline(document *doc)
{
    memset(&doc->dateline, 0, sizeof doc->dateline);
    if (!doc->body || !doc->body_len)
        return;
    size_t n = doc->body_len;
    const char *nl = memchr(doc->body, '\n', n < DATELINE_MAX ? n : DATELINE_MAX);
    if (nl)
        n = (size_t)(nl - doc->body);
    else if (n > DATELINE_MAX)
        n = DATELINE_MAX;
    cursor c = {doc->body, n, 0};
    dateline out;
    memset(&out, 0, sizeof out);
    if (date_first(&c, &out)) {
        doc->dateline = out;
        return;
    }
    /* the place: up to four words in capitals */
    size_t words = 0;
    while (c.i < c.n && words < 4) {
        size_t len = word_at(&c, c.i);
        if (!len || !caps_word(c.p + c.i, len))
            break;
        c.i += len;
        words++;
        out.place_end = (uint32_t)c.i;
        if (c.i < c.n && c.p[c.i] == ' ' && c.i + 1 < c.n && c.p[c.i + 1] != '(')
            c.i++;
        else
            break;
    }
    if (!words || out.place_end < 2)
        return;
    c.i = out.place_end;
    /* ", N.Y.", ", Ukraine", ", March 4", ", 2020": regions and a date, comma-separated */
    bool dated = false, agency = false;
    for (int parts = 0; parts < 3 && c.i < c.n && c.p[c.i] == ','; parts++) {
        size_t start = c.i + 1;
        size_t end = start;
        while (end < c.n && c.p[end] != ',' && c.p[end] != '(' && end - start < 40) {
            bool dash;
            if (separator_at(&c, end, &dash))
                break;
            end++;
        }
        while (start < end && c.p[start] == ' ')
            start++;
        size_t trimmed = end;
        while (trimmed > start && c.p[trimmed - 1] == ' ')
            trimmed--;
        if (trimmed == start || words_in(c.p, start, trimmed) > 3)
            return;
        int y, m, d;
        bool is_year = trimmed - start == 4 && c.p[start] >= '1' && c.p[start] <= '2' &&
                       ascii_digits(c.p + start, 4);
        if (dated && is_year && !out.year) {
            out.year = (c.p[start] - '0') * 1000 + (c.p[start + 1] - '0') * 100 +
                       (c.p[start + 2] - '0') * 10 + (c.p[start + 3] - '0');
        } else if (!dated && ingest_date_parts(c.p + start, trimmed - start, &y, &m, &d) && d) {
            out.year = y, out.month = m, out.day = d;
            dated = true;
        } else if (!dated && region_word(c.p + start, trimmed - start)) {
            /* a region or country */
        } else {
            return;
        }
        c.i = end;
    }
    skip_spaces(&c);
    size_t before_agency = c.i;
    if (c.i < c.n && c.p[c.i] == '(') {
        const char *close = memchr(c.p + c.i, ')', c.n - c.i);
        if (!close || close - (c.p + c.i) > 40)
            return;
        c.i = (size_t)(close - c.p) + 1;
        agency = true;
    }
    size_t end = agency ? c.i : before_agency;
    while (end > 0 && (c.p[end - 1] == ' ' || c.p[end - 1] == ','))
        end--;
    bool dash = false;
    if (separator_at(&c, c.i, &dash)) {
        /* a colon only after the place itself or its agency: "NEW DELHI:", "GAZA CITY:" */
    } else if (c.i >= c.n && c.n < doc->body_len) {
        /* "BAAR, SWITZERLAND" on a line of its own, the article below */
    } else {
        return;
    }
    out.start = 0;
    out.end = (uint32_t)end;
    out.place_start = 0;
    out.certain = dash || agency || dated;
    doc->dateline = out;
}
