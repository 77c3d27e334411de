/* document.c - helpers every reader of the ingest stage shares: warnings, the body and its
 * paragraphs, publication dates. plaintext.c, html*.c and jsonl.c build on it.
 */
#include "ingest.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

void warning_add(warning_list *list, const char *kind, const char *message)
{
    if (list->count < INGEST_MAX_WARNINGS) {
        list->items[list->count].kind = kind;
        list->items[list->count].message = message;
        list->count++;
    }
}

sitrep_status ingest_set_body(arena *a, document *doc, const slice *paragraphs, size_t count)
{
    size_t total = 0;
    for (size_t i = 0; i < count; i++)
        total += paragraphs[i].len + 2;
    char *body = arena_alloc(a, total + 1);
    uint32_t *starts = arena_alloc(a, (count ? count : 1) * sizeof(uint32_t));
    if (!body || !starts)
        return SITREP_ELIMIT;
    size_t len = 0, n = 0;
    for (size_t i = 0; i < count; i++) {
        if (paragraphs[i].len == 0)
            continue;
        if (n > 0) {
            body[len++] = '\n';
            body[len++] = '\n';
        }
        starts[n++] = (uint32_t)len;
        memcpy(body + len, paragraphs[i].ptr, paragraphs[i].len);
        len += paragraphs[i].len;
    }
    body[len] = '\0';
    doc->body = body;
    doc->body_len = len;
    doc->paragraphs = starts;
    doc->nparagraphs = n;
    return SITREP_OK;
}

/* Writes the canonical form; the year has four digits, so it always fits in 11 bytes. */
static void format_date(char out[11], int year, int month, int day)
{
    char tmp[40];
    if (day)
        snprintf(tmp, sizeof tmp, "%04d-%02d-%02d", year, month, day);
    else if (month)
        snprintf(tmp, sizeof tmp, "%04d-%02d", year, month);
    else
        snprintf(tmp, sizeof tmp, "%04d", year);
    memcpy(out, tmp, 11);
    out[10] = '\0';
}

bool ingest_date_from_name(const char *path, char out[11])
{
    const char *name = strrchr(path, '/');
    name = name ? name + 1 : path;
    size_t n = strlen(name);
    /* a full date YYYY-MM-DD standing alone between separators, as in
     * "breitbart_2016-10-04_bill-clinton-calls.txt" or "2016-10-04.html" */
    for (size_t i = 0; i + 10 <= n; i++) {
        bool starts = i == 0 || name[i - 1] == '_' || name[i - 1] == '-' || name[i - 1] == '.' ||
                      name[i - 1] == ' ';
        bool ends = i + 10 == n || name[i + 10] == '_' || name[i + 10] == '-' ||
                    name[i + 10] == '.' || name[i + 10] == ' ';
        if (starts && ends && name[i + 4] == '-' && name[i + 7] == '-' &&
            ingest_parse_date(name + i, 10, out) && strlen(out) == 10)
            return true;
    }
    return false;
}

bool ingest_parse_date(const char *s, size_t length, char out[11])
{
    while (length && (*s == ' ' || *s == '\t')) {
        s++;
        length--;
    }
    if (length < 4 || !ascii_digits(s, 4))
        return false;
    int year = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
    if (year < 1000)
        return false;
    if (length == 4 || (length > 4 && s[4] != '-')) {
        if (length > 4 && s[4] >= '0' && s[4] <= '9')
            return false;
        format_date(out, year, 0, 0);
        return true;
    }
    if (length < 7 || !ascii_digits(s + 5, 2))
        return false;
    int month = (s[5] - '0') * 10 + (s[6] - '0');
    if (month < 1 || month > 12)
        return false;
    if (length == 7 || s[7] != '-') {
        if (length > 7 && s[7] >= '0' && s[7] <= '9')
            return false;
        format_date(out, year, month, 0);
        return true;
    }
    if (length < 10 || !ascii_digits(s + 8, 2))
        return false;
    int day = (s[8] - '0') * 10 + (s[9] - '0');
    static const int days[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    if (day < 1 || day > days[month - 1] || (month == 2 && day == 29 && !leap))
        return false;
    if (length > 10 && s[10] >= '0' && s[10] <= '9')
        return false;
    format_date(out, year, month, day);
    return true;
}

/* ---- dates written in words ---- */

static const char *const month_words[] = {"january",   "february", "march",    "april",
                                          "may",       "june",     "july",     "august",
                                          "september", "october",  "november", "december"};

int ingest_month_word(const char *w, size_t n)
{
    while (n && (w[n - 1] == '.' || w[n - 1] == ','))
        n--;
    if (n < 3 || n > 9)
        return 0;
    char lower[10];
    for (size_t i = 0; i < n; i++) {
        char c = w[i];
        if (c >= 'A' && c <= 'Z')
            c = (char)(c + 32);
        if (c < 'a' || c > 'z')
            return 0;
        lower[i] = c;
    }
    lower[n] = '\0';
    for (int m = 0; m < 12; m++) {
        const char *full = month_words[m];
        /* the full name, or an abbreviation of three letters ("Nov") or "Sept" */
        if (!strcmp(lower, full) || (n == 3 && !strncmp(lower, full, 3)) ||
            (n == 4 && m == 8 && !strcmp(lower, "sept")))
            return m + 1;
    }
    return 0;
}

/* One word of a date: the digits of a number (an ordinal suffix allowed), or 0 digits. */
static size_t number_word(const char *w, size_t n, int *value)
{
    size_t k = 0;
    int v = 0;
    while (k < n && k < 5 && w[k] >= '0' && w[k] <= '9')
        v = v * 10 + (w[k++] - '0');
    if (k == 0 || k > 4)
        return 0;
    const char *rest = w + k;
    size_t left = n - k;
    while (left && (rest[left - 1] == ',' || rest[left - 1] == '.'))
        left--;
    if (left && !(left == 2 && (!strncasecmp(rest, "st", 2) || !strncasecmp(rest, "nd", 2) ||
                                !strncasecmp(rest, "rd", 2) || !strncasecmp(rest, "th", 2))))
        return 0;
    *value = v;
    return k;
}

/* All-digit dates with one separator: 2019/11/19, 2019.11.19 (year first) and 19.11.2019
 * (dotted: day first). Slashed dates with the year last are left alone: 11/10/2019 is
 * November 10 in the United States and 11 October elsewhere. */
static bool numeric_date(const char *w, size_t n, int *year, int *month, int *day)
{
    int part[3] = {0, 0, 0};
    size_t digits[3] = {0, 0, 0}, k = 0;
    char sep = 0;
    for (int p = 0; p < 3; p++) {
        while (k < n && w[k] >= '0' && w[k] <= '9' && digits[p] < 5)
            part[p] = part[p] * 10 + (w[k++] - '0'), digits[p]++;
        if (!digits[p])
            return false;
        if (p < 2) {
            if (k >= n || (w[k] != '/' && w[k] != '.') || (sep && w[k] != sep))
                return false;
            sep = w[k++];
        }
    }
    while (k < n && (w[k] == ',' || w[k] == '.'))
        k++;
    if (k != n)
        return false;
    if (digits[0] == 4 && digits[1] <= 2 && digits[2] <= 2) {
        *year = part[0], *month = part[1], *day = part[2];
        return true;
    }
    if (sep == '.' && digits[0] <= 2 && digits[1] <= 2 && digits[2] == 4) {
        *day = part[0], *month = part[1], *year = part[2];
        return true;
    }
    return false;
}

static bool valid_day(int year, int month, int day)
{
    static const int days[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    if (month < 1 || month > 12 || day < 1 || day > days[month - 1])
        return false;
    return !(month == 2 && day == 29 && year && !leap);
}

bool ingest_date_parts(const char *s, size_t length, int *year, int *month, int *day)
{
    int y = 0, m = 0, d = 0;
    size_t i = 0;
    while (i < length) {
        while (i < length && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == ','))
            i++;
        size_t start = i;
        while (i < length && s[i] != ' ' && s[i] != '\t' && s[i] != '\n' && s[i] != ',')
            i++;
        const char *w = s + start;
        size_t n = i - start;
        if (!n)
            break;
        int value, ny, nm, nd, month_here;
        size_t digits;
        if (memchr(w, ':', n))
            continue; /* a time of day: 08:02, 11:28 */
        if (numeric_date(w, n, &ny, &nm, &nd)) {
            if (y || m || d)
                return false;
            y = ny, m = nm, d = nd;
        } else if ((digits = number_word(w, n, &value)) != 0) {
            if (digits == 4 && value >= 1000 && value <= 2999 && !y)
                y = value;
            else if (digits <= 2 && value >= 1 && value <= 31 && !d)
                d = value;
            else
                return false; /* a second day or year, or another number: not one date */
        } else if ((month_here = ingest_month_word(w, n)) != 0) {
            if (m)
                return false;
            m = month_here;
        }
        /* other words (weekdays, "Published", "GMT", "p.m.") are passed over */
    }
    if (!m || (!y && !d) || (d && !valid_day(y, m, d)))
        return false;
    *year = y;
    *month = m;
    *day = d;
    return true;
}

bool ingest_parse_date_words(const char *s, size_t length, char out[11])
{
    int y, m, d;
    if (ingest_date_parts(s, length, &y, &m, &d) && y) {
        format_date(out, y, m, d);
        return true;
    }
    return ingest_parse_date(s, length, out);
}
