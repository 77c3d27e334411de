/* document.c - helpers every reader of the ingest stage shares: warnings, the body and its
 * paragraphs, publication dates. plaintext.c, html*.c and jsonl.c build on it.
 */
#include "ingest.h"

#include <stdio.h>
#include <string.h>

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
