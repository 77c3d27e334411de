/* published.c (extras stage) - when an article was published when nothing given says so: the
 * year of a dateline's day ("ISTANBUL, March 4"), or the latest full date of the article's own
 * text that it does not speak of as still to come. The pipeline tries the given date, the
 * dateline and the text in that order (meta.published_source); rules: docs/extras.md.
 */
#include "extras.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A point date read from a resolved value: "2019", "2019-11", "2019-11-20" (not intervals). */
static bool point_of(const date_mention *m, int *y, int *mo, int *d)
{
    if (!m->value || m->anchor || strchr(m->value, '/'))
        return false;
    *mo = *d = 0;
    int n = sscanf(m->value, "%4d-%2d-%2d", y, mo, d);
    return n >= 1 && *y >= 1000;
}

/* Words before a date (in its sentence, up to eight tokens back) that put it in the future of
 * the story: "will meet on March 4", "talks scheduled for", "the deadline of", "by March". */
static bool spoken_of_as_future(const text_result *text, const date_mention *m)
{
    static const char *const cues[] = {"will",     "'ll",      "shall",    "scheduled", "due",
                                       "expected", "planned",  "plans",    "deadline",  "expires",
                                       "expire",   "upcoming", "starting", "effective", "until",
                                       "begins",   "ahead"};
    const sentence *s = &text->sentences[m->sentence];
    size_t first = m->first_token;
    size_t stop = first > s->first_token + 8 ? first - 8 : s->first_token;
    if (first > s->first_token && extras_token_is(text, first - 1, "by"))
        return true;
    for (size_t k = first; k-- > stop;) {
        for (size_t c = 0; c < ARRAY_LEN(cues); c++)
            if (extras_token_is(text, k, cues[c]))
                return true;
        if (extras_token_is(text, k, ";") || extras_token_is(text, k, "."))
            break;
    }
    return false;
}

typedef struct candidate {
    long day;    /* first day of the point */
    int y, m, d; /* d 0: a month */
    const date_mention *mention;
} candidate;

static int by_day(const void *a, const void *b)
{
    const candidate *x = a, *y = b;
    if (x->day != y->day)
        return x->day < y->day ? -1 : 1;
    /* a month sorts before the days inside it: "November 2019" < "Nov. 6, 2019" */
    return (x->d != 0) - (y->d != 0);
}

/* The article's own dates with a written year, not spoken of as future, at least `precision`
 * fine, sorted; returns how many (a malloc'ed array in *out, freed by the caller). */
static size_t candidates(const text_result *text, const date_mention *dates, size_t n,
                         int precision, candidate **out)
{
    candidate *c = n ? malloc(n * sizeof *c) : NULL;
    size_t count = 0;
    for (size_t i = 0; c && i < n; i++) {
        const date_mention *m = &dates[i];
        int y, mo, d;
        if (m->relative || m->inferred || m->precision < precision || !point_of(m, &y, &mo, &d))
            continue;
        if (spoken_of_as_future(text, m))
            continue;
        c[count++] = (candidate){date_day_number(y, mo ? mo : 1, d ? d : 1), y, mo, d, m};
    }
    if (count)
        qsort(c, count, sizeof *c, by_day);
    *out = c;
    return count;
}

/* Two candidates a year and more apart are not one story's days: a date that far after every
 * other is a reference to the future the cue words missed. */
#define FUTURE_GAP_DAYS 366

bool date_publication_from_text(const text_result *text, const date_mention *dates, size_t n,
                                char out[11], const date_mention **from)
{
    candidate *c;
    size_t count = candidates(text, dates, n, 2, &c);
    size_t pick = count;
    while (pick > 0) {
        pick--;
        if (pick == 0 || c[pick].day - c[pick - 1].day <= FUTURE_GAP_DAYS)
            break;
    }
    bool found = count > 0;
    if (found) {
        const candidate *best = &c[pick];
        if (best->d)
            snprintf(out, 11, "%04d-%02d-%02d", best->y, best->m, best->d);
        else
            snprintf(out, 11, "%04d-%02d", best->y, best->m);
        if (from)
            *from = best->mention;
    }
    free(c);
    return found;
}

bool date_complete_year(const text_result *text, const date_mention *dates, size_t n, int month,
                        int day, char out[11])
{
    candidate *c;
    size_t count = candidates(text, dates, n, 1, &c);
    bool found = count > 0 && month >= 1 && month <= 12 && day >= 1 && day <= 31;
    if (found) {
        /* the latest dated point of the text, the first of its year or month when that is all
         * it gives; the dateline's day is on or after it, a month's slack allowed */
        const candidate *latest = &c[count - 1];
        int year = latest->y;
        if (date_day_number(year, month, day) < latest->day - 31)
            year++;
        snprintf(out, 11, "%04d-%02d-%02d", year, month, day);
        found = day <= date_days_in_month(year, month);
    }
    free(c);
    return found;
}
