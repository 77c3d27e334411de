/* date.c (extras stage) - when: absolute dates ("20 January 2025", "Jan. 20", "2025-01-20",
 * "in 2014") and relative ones ("last year", "eight years ago", "on Monday", "since 2014")
 * resolved against the publication date.
 *
 * Works on tokens alone; output is the top-level `dates` array. Rules: docs/extras.md.
 */
#include "extras.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- calendar arithmetic (proleptic Gregorian, days since 1970-01-01) ---- */

long date_day_number(int y, int m, int d)
{
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

static void civil_from_days(long z, int *y, int *m, int *d)
{
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = (int)(yoe + era * 400 + (*m <= 2));
}

/* 0 = Monday ... 6 = Sunday */
static int weekday(long days)
{
    long w = (days + 3) % 7; /* 1970-01-01 was a Thursday */
    return (int)(w < 0 ? w + 7 : w);
}

int date_days_in_month(int y, int m)
{
    static const int n[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
        return 29;
    return n[m - 1];
}

/* A resolved point: precision 1 = year, 2 = month, 3 = day. */
typedef struct when {
    int y, m, d;
    int precision;
} when;

static when when_day(long days)
{
    when w = {0, 0, 0, 3};
    civil_from_days(days, &w.y, &w.m, &w.d);
    return w;
}

static when when_month(int y, int m)
{
    while (m < 1) {
        m += 12;
        y--;
    }
    while (m > 12) {
        m -= 12;
        y++;
    }
    when w = {y, m, 1, 2};
    return w;
}

static when when_year(int y)
{
    when w = {y, 1, 1, 1};
    return w;
}

static int format_when(char *out, size_t n, when w)
{
    if (w.precision == 1)
        return snprintf(out, n, "%04d", w.y);
    if (w.precision == 2)
        return snprintf(out, n, "%04d-%02d", w.y, w.m);
    return snprintf(out, n, "%04d-%02d-%02d", w.y, w.m, w.d);
}

/* ---- word tables ---- */

static int month_of(const text_result *text, size_t i)
{
    static const char *const full[] = {"january",   "february", "march",    "april",
                                       "may",       "june",     "july",     "august",
                                       "september", "october",  "november", "december"};
    static const char *const abbr[] = {"jan.", "feb.", "mar.",  "apr.", "may",  "jun.",
                                       "jul.", "aug.", "sept.", "oct.", "nov.", "dec."};
    if (i >= text->ntokens)
        return 0;
    /* lower-case "may" and "march" are a modal and a verb: only capitalised, or before a
     * day or year number ("march 2" in lower-cased text) */
    if (!(text->tokens[i].flags & TOKEN_UPPER) &&
        (extras_token_is(text, i, "may") || extras_token_is(text, i, "march")) &&
        !(i + 1 < text->ntokens && text->tokens[i + 1].kind == TOKEN_NUMBER))
        return 0;
    for (int m = 0; m < 12; m++)
        if (extras_token_is(text, i, full[m]) || extras_token_is(text, i, abbr[m]))
            return m + 1;
    if (extras_token_is(text, i, "sep."))
        return 9;
    return 0;
}

/* A capitalised month abbreviation without its period ("Jan", "Sept"): a month only next to a
 * day or year number ("1st Jan", "Jan 20"), since "Jan" is also a name. */
static int month_bare_abbr(const text_result *text, size_t i)
{
    static const char *const abbr[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                       "jul", "aug", "sep", "oct", "nov", "dec"};
    if (i >= text->ntokens || !(text->tokens[i].flags & TOKEN_UPPER))
        return 0;
    for (int m = 0; m < 12; m++)
        if (extras_token_is(text, i, abbr[m]))
            return m + 1;
    if (extras_token_is(text, i, "sept"))
        return 9;
    return 0;
}

static int weekday_of(const text_result *text, size_t i)
{
    static const char *const days[] = {"monday", "tuesday",  "wednesday", "thursday",
                                       "friday", "saturday", "sunday"};
    if (i >= text->ntokens)
        return -1;
    for (int d = 0; d < 7; d++)
        if (extras_token_is(text, i, days[d]))
            return d;
    return -1;
}

/* An integer token of 1-4 plain digits (an ordinal suffix allowed when `ordinal`). */
static bool int_token(const text_result *text, size_t i, bool ordinal, int *value, size_t *digits)
{
    if (i >= text->ntokens || text->tokens[i].kind != TOKEN_NUMBER)
        return false;
    slice s = token_text(text, &text->tokens[i]);
    size_t k = 0;
    int v = 0;
    while (k < s.len && k < 5 && s.ptr[k] >= '0' && s.ptr[k] <= '9')
        v = v * 10 + (s.ptr[k++] - '0');
    if (k == 0 || k > 4)
        return false;
    if (k < s.len) {
        slice rest = slice_make(s.ptr + k, s.len - k);
        if (!ordinal || !(slice_eq_nocase(rest, "st") || slice_eq_nocase(rest, "nd") ||
                          slice_eq_nocase(rest, "rd") || slice_eq_nocase(rest, "th")))
            return false;
    }
    *value = v;
    if (digits)
        *digits = k;
    return true;
}

static bool year_token(const text_result *text, size_t i, int *year)
{
    size_t digits;
    int v;
    if (!int_token(text, i, false, &v, &digits) || digits != 4 || v < 1000 || v > 2999)
        return false;
    *year = v;
    return true;
}

static bool day_token(const text_result *text, size_t i, int *day)
{
    size_t digits;
    int v;
    if (!int_token(text, i, true, &v, &digits) || digits > 2 || v < 1 || v > 31)
        return false;
    *day = v;
    return true;
}

/* Counts in words or digits for "eight years ago": returns tokens used. */
static size_t small_count(const text_result *text, size_t i, int *value)
{
    static const char *const words[] = {
        "a",        "one",     "two",     "three",     "four",     "five",     "six",
        "seven",    "eight",   "nine",    "ten",       "eleven",   "twelve",   "thirteen",
        "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty"};
    for (size_t w = 0; w < ARRAY_LEN(words); w++)
        if (extras_token_is(text, i, words[w])) {
            *value = w == 0 ? 1 : (int)w;
            return 1;
        }
    if (extras_token_is(text, i, "an")) {
        *value = 1;
        return 1;
    }
    if (extras_token_is(text, i, "several") || extras_token_is(text, i, "few")) {
        *value = 3;
        return 1;
    }
    size_t digits;
    if (int_token(text, i, false, value, &digits) && digits <= 3)
        return 1;
    return 0;
}

/* ---- recognition ---- */

typedef struct scanner {
    const text_result *text;
    size_t first, end; /* the sentence's tokens */
    when pub;
    long pub_days;
} scanner;

typedef struct found {
    size_t ntokens;
    size_t back;   /* tokens before the start that belong to the phrase: "the day before" */
    when from, to; /* to.precision 0: a point */
    bool relative;
    bool inferred;             /* the year (or month) came from the publication date */
    bool open_start, open_end; /* "../X", "X/.." */
} found;

static bool is_word(const scanner *sc, size_t i, const char *w)
{
    return i < sc->end && extras_token_is(sc->text, i, w);
}

/* The most recent `month` on or before the publication month (past-tense news); the
 * publication year itself when only the year is known. Marks the date as resolved against the
 * publication date. */
static int infer_year(const scanner *sc, found *f, int month)
{
    f->inferred = true;
    if (sc->pub.precision < 2)
        return sc->pub.y;
    return month <= sc->pub.m ? sc->pub.y : sc->pub.y - 1;
}

/* Up to three numbers of a numeric date starting at token i: "02/22/2016" (tokens 02 / 22 /
 * 2016 joined without spaces) or "13.5.2015" (one token). Returns the tokens used, or 0. */
static size_t numeric_parts(const scanner *sc, size_t i, int part[3], size_t digits[3],
                            char *separator)
{
    const text_result *text = sc->text;
    if (i >= sc->end || text->tokens[i].kind != TOKEN_NUMBER)
        return 0;
    slice s = token_text(text, &text->tokens[i]);
    if (memchr(s.ptr, '.', s.len)) { /* one token: 13.5.2015 */
        size_t n = 0, k = 0;
        while (n < 3) {
            int v = 0;
            size_t len = 0;
            while (k < s.len && s.ptr[k] >= '0' && s.ptr[k] <= '9' && len < 5)
                v = v * 10 + (s.ptr[k++] - '0'), len++;
            if (len == 0)
                return 0;
            part[n] = v;
            digits[n++] = len;
            if (k == s.len)
                break;
            if (s.ptr[k++] != '.')
                return 0;
        }
        *separator = '.';
        return n == 3 && k == s.len ? 1 : 0;
    }
    for (size_t n = 0; n < 3; n++) {
        size_t t = i + 2 * n;
        if (t >= sc->end || !int_token(text, t, false, &part[n], &digits[n]))
            return 0;
        if (n > 0 && (text->tokens[t].flags & TOKEN_SPACE_BEFORE))
            return 0;
        if (n < 2) {
            if (t + 1 >= sc->end || (text->tokens[t + 1].flags & TOKEN_SPACE_BEFORE))
                return 0;
            slice sep = token_text(text, &text->tokens[t + 1]);
            if (sep.len != 1 || (sep.ptr[0] != '/' && sep.ptr[0] != '-'))
                return 0;
            if (n == 0)
                *separator = sep.ptr[0];
            else if (sep.ptr[0] != *separator)
                return 0;
        }
    }
    /* "1/2/3/4" or "2-1-0-1" continue: not a date */
    if (i + 5 < sc->end && !(text->tokens[i + 5].flags & TOKEN_SPACE_BEFORE) &&
        (is_word(sc, i + 5, "/") || is_word(sc, i + 5, "-")))
        return 0;
    return 5;
}

/* A numeric date: year first (2015/08/12, 2015.5.13), else day first when the first number
 * cannot be a month (21/04/2016), else month first as in American usage (02/22/2016,
 * 3-7-2017); dotted dates are day first (13.5.2015). A two-digit year is 19xx from 50 on. */
static bool match_numeric(const scanner *sc, size_t i, found *f)
{
    int part[3];
    size_t digits[3];
    char separator = 0;
    size_t used = numeric_parts(sc, i, part, digits, &separator);
    if (!used)
        return false;
    int y, m, d;
    if (digits[0] == 4) {
        if (separator == '-') /* 2025-01-20 is read by the ISO rule */
            return false;
        y = part[0];
        m = part[1];
        d = part[2];
        if (digits[1] > 2 || digits[2] > 2)
            return false;
    } else {
        if (digits[0] > 2 || digits[1] > 2 || (digits[2] != 4 && digits[2] != 2))
            return false;
        y = digits[2] == 4 ? part[2] : part[2] >= 50 ? 1900 + part[2] : 2000 + part[2];
        if (separator == '.' || part[0] > 12) {
            d = part[0];
            m = part[1];
        } else {
            m = part[0];
            d = part[1];
        }
    }
    if (y < 1000 || y > 2999 || m < 1 || m > 12 || d < 1 || d > date_days_in_month(y, m))
        return false;
    f->ntokens = used;
    f->from = (when){y, m, d, 3};
    return true;
}

static bool match_absolute(const scanner *sc, size_t i, found *f)
{
    const text_result *text = sc->text;
    int y, m, d;
    if (match_numeric(sc, i, f))
        return true;
    /* a weekday before a date: "Monday, January 12, 2016", "Wednesday 22 January" */
    if (weekday_of(text, i) >= 0 && i + 1 < sc->end) {
        size_t k = is_word(sc, i + 1, ",") ? i + 2 : i + 1;
        found inner;
        memset(&inner, 0, sizeof inner);
        if (k < sc->end && weekday_of(text, k) < 0 && match_absolute(sc, k, &inner) &&
            inner.from.precision == 3) {
            *f = inner;
            f->ntokens = k - i + inner.ntokens;
            return true;
        }
        /* "Friday the 15th": that day of this month, or of the last one if still ahead */
        if (is_word(sc, i + 1, "the") && day_token(text, i + 2, &d) && i + 2 < sc->end &&
            month_of(text, i + 3) == 0) {
            f->inferred = true;
            y = sc->pub.y;
            m = sc->pub.m;
            if (sc->pub.precision == 3 && d > sc->pub.d) {
                m--;
                if (m == 0) {
                    m = 12;
                    y--;
                }
            }
            if (d > date_days_in_month(y, m))
                return false;
            f->ntokens = 3;
            f->from = (when){y, m, d, 3};
            return true;
        }
    }
    /* 2025-01-20 */
    if (year_token(text, i, &y) && i + 4 < sc->end && is_word(sc, i + 1, "-") &&
        is_word(sc, i + 3, "-") && !(text->tokens[i + 1].flags & TOKEN_SPACE_BEFORE) &&
        !(text->tokens[i + 2].flags & TOKEN_SPACE_BEFORE) &&
        !(text->tokens[i + 3].flags & TOKEN_SPACE_BEFORE) &&
        !(text->tokens[i + 4].flags & TOKEN_SPACE_BEFORE) &&
        int_token(text, i + 2, false, &m, NULL) && int_token(text, i + 4, false, &d, NULL) &&
        m >= 1 && m <= 12 && d >= 1 && d <= date_days_in_month(y, m)) {
        f->ntokens = 5;
        f->from = (when){y, m, d, 3};
        return true;
    }
    /* 20 January 2025, 20th January */
    size_t mi = is_word(sc, i + 1, "of") ? i + 2 : i + 1; /* 20th of January */
    if (day_token(text, i, &d) && mi < sc->end &&
        ((m = month_of(text, mi)) != 0 || (m = month_bare_abbr(text, mi)) != 0)) {
        size_t k = mi + 1;
        if (k < sc->end && year_token(text, k, &y)) {
            f->ntokens = k + 1 - i;
        } else {
            y = infer_year(sc, f, m);
            f->ntokens = mi + 1 - i;
        }
        if (d > date_days_in_month(y, m))
            return false;
        f->from = (when){y, m, d, 3};
        return true;
    }
    /* January 20, 2025 / January 20 / January 2025 ("Jan 20" too) */
    int bare = month_of(text, i) ? 0 : month_bare_abbr(text, i);
    if (bare && (day_token(text, i + 1, &d) || year_token(text, i + 1, &y)))
        m = bare;
    else
        m = month_of(text, i);
    if (m != 0) {
        /* "May" and "March" are also words: need a following number or a cue before */
        if (day_token(text, i + 1, &d) && i + 1 < sc->end) {
            size_t k = i + 2;
            if (is_word(sc, k, ",") && year_token(text, k + 1, &y) && k + 1 < sc->end) {
                f->ntokens = 4;
            } else if (k < sc->end && year_token(text, k, &y)) {
                f->ntokens = 3;
            } else {
                y = infer_year(sc, f, m);
                f->ntokens = 2;
            }
            if (d > date_days_in_month(y, m))
                return false;
            f->from = (when){y, m, d, 3};
            return true;
        }
        if (i + 1 < sc->end && year_token(text, i + 1, &y)) {
            f->ntokens = 2;
            f->from = when_month(y, m);
            return true;
        }
        static const char *const cues[] = {
            "in",  "since",  "until",  "till",  "by", "from",    "early",      "late",
            "mid", "during", "before", "after", "of", "through", "throughout", "to"};
        if (i > sc->first) {
            for (size_t c = 0; c < ARRAY_LEN(cues); c++)
                if (is_word(sc, i - 1, cues[c])) {
                    f->ntokens = 1;
                    f->from = when_month(infer_year(sc, f, m), m);
                    return true;
                }
        }
        return false;
    }
    /* "mid-2023" is one token (the tokenizer joins the prefix "mid-") */
    if (i < sc->end) {
        slice w = token_text(text, &text->tokens[i]);
        if (w.len == 8 && slice_starts_with(w, "mid-") && w.ptr[4] >= '1' && w.ptr[4] <= '2') {
            int v = 0;
            bool ok = true;
            for (size_t k = 4; k < 8 && ok; k++) {
                ok = w.ptr[k] >= '0' && w.ptr[k] <= '9';
                v = v * 10 + (w.ptr[k] - '0');
            }
            if (ok) {
                f->ntokens = 1;
                f->from = when_year(v);
                return true;
            }
        }
    }
    /* a year after a cue: "in 2014", "since 2014", "the 2014 annexation", "mid-2014" */
    if (year_token(text, i, &y) && i > sc->first) {
        static const char *const cues[] = {"in",         "since",  "until",   "till",   "by",
                                           "from",       "before", "after",   "during", "through",
                                           "throughout", "to",     "and",     "early",  "late",
                                           "mid",        "of",     "between", "around", "circa"};
        bool cue = false;
        for (size_t c = 0; c < ARRAY_LEN(cues) && !cue; c++)
            cue = is_word(sc, i - 1, cues[c]);
        if (!cue && is_word(sc, i - 1, "-") && i >= sc->first + 2 && is_word(sc, i - 2, "mid"))
            cue = true;
        /* "the 2014 annexation": a year used as a modifier */
        if (!cue && is_word(sc, i - 1, "the") && i + 1 < sc->end &&
            text->tokens[i + 1].kind == TOKEN_WORD && !(text->tokens[i + 1].flags & TOKEN_UPPER))
            cue = true;
        if (!cue)
            return false;
        f->ntokens = 1;
        f->from = when_year(y);
        return true;
    }
    return false;
}

static bool match_relative(const scanner *sc, size_t i, found *f)
{
    const text_result *text = sc->text;
    long today = sc->pub_days;
    f->relative = true;
    /* yesterday, today, tomorrow, tonight */
    /* "the day before yesterday", "the day after tomorrow" */
    bool day_before = i >= sc->first + 2 && is_word(sc, i - 2, "day") &&
                      (is_word(sc, i - 1, "before") || is_word(sc, i - 1, "after"));
    if (day_before && (is_word(sc, i, "yesterday") || is_word(sc, i, "tomorrow"))) {
        bool before = is_word(sc, i - 1, "before");
        if (before != is_word(sc, i, "yesterday"))
            day_before = false; /* "the day after yesterday" is today: leave it */
        else {
            f->ntokens = 1;
            f->back = i >= sc->first + 3 && is_word(sc, i - 3, "the") ? 3 : 2;
            f->from = when_day(today + (before ? -2 : 2));
            return true;
        }
    }
    if (is_word(sc, i, "yesterday")) {
        f->ntokens = 1;
        f->from = when_day(today - 1);
        return true;
    }
    if (is_word(sc, i, "today") || is_word(sc, i, "tonight")) {
        f->ntokens = 1;
        f->from = when_day(today);
        return true;
    }
    if (is_word(sc, i, "tomorrow")) {
        f->ntokens = 1;
        f->from = when_day(today + 1);
        return true;
    }
    /* weekdays: [last|next|this] Monday */
    int wd;
    size_t k = i;
    int shift = 0; /* 0 plain/this, -1 last, +1 next */
    if (is_word(sc, k, "last") || is_word(sc, k, "past")) {
        shift = -1;
        k++;
    } else if (is_word(sc, k, "next") || is_word(sc, k, "coming")) {
        shift = 1;
        k++;
    } else if (is_word(sc, k, "this")) {
        k++;
    }
    if (k < sc->end && (wd = weekday_of(text, k)) >= 0) {
        /* "Friday next week", "Tuesday of last week": that day of the week named */
        size_t w = is_word(sc, k + 1, "of") ? k + 2 : k + 1;
        int week_shift = is_word(sc, w, "last") ? -1 : is_word(sc, w, "next") ? 1 : 0;
        if (k == i && w + 1 < sc->end && (week_shift || is_word(sc, w, "this")) &&
            is_word(sc, w + 1, "week")) {
            f->ntokens = w + 2 - i;
            f->from = when_day(today - weekday(today) + 7L * week_shift + wd);
            return true;
        }
        int pub_wd = weekday(today);
        long back = (pub_wd - wd + 7) % 7;    /* days back to the most recent such day */
        long forward = (wd - pub_wd + 7) % 7; /* days ahead to the next such day */
        long day;
        if (shift < 0)
            day = today - (back == 0 ? 7 : back);
        else if (shift > 0)
            day = today + (forward == 0 ? 7 : forward);
        else
            day = today - back;
        f->ntokens = k + 1 - i;
        f->from = when_day(day);
        return true;
    }
    /* last/this/next week|month|year|weekend; "last night", "this morning" */
    if (k > i && k < sc->end) {
        if (is_word(sc, k, "night") || is_word(sc, k, "morning") || is_word(sc, k, "afternoon") ||
            is_word(sc, k, "evening")) {
            if (shift > 0)
                return false;
            f->ntokens = k + 1 - i;
            f->from = when_day(shift < 0 && !is_word(sc, k, "night") ? today - 1 : today);
            if (shift < 0 && is_word(sc, k, "night"))
                f->from = when_day(today - 1);
            return true;
        }
        if (is_word(sc, k, "year")) {
            f->ntokens = k + 1 - i;
            f->from = when_year(sc->pub.y + shift);
            return true;
        }
        if (is_word(sc, k, "month")) {
            f->ntokens = k + 1 - i;
            f->from = when_month(sc->pub.y, sc->pub.m + shift);
            return true;
        }
        if (is_word(sc, k, "week") || is_word(sc, k, "weekend")) {
            long monday = today - weekday(today) + 7L * shift;
            /* "next week on Friday", "this week Friday" */
            size_t on = is_word(sc, k + 1, "on") ? k + 2 : k + 1;
            int day_of_week = is_word(sc, k, "week") && on < sc->end ? weekday_of(text, on) : -1;
            if (day_of_week >= 0) {
                f->ntokens = on + 1 - i;
                f->from = when_day(monday + day_of_week);
                return true;
            }
            f->ntokens = k + 1 - i;
            if (is_word(sc, k, "weekend")) {
                long saturday = monday + 5;
                if (shift == 0 && saturday > today) /* "this weekend" in past news: the last */
                    saturday -= 7;
                f->from = when_day(saturday);
                f->to = when_day(saturday + 1);
            } else {
                f->from = when_day(monday);
                f->to = when_day(monday + 6);
            }
            return true;
        }
        if (is_word(sc, k, "decade")) {
            f->ntokens = k + 1 - i;
            int y0 = sc->pub.y - sc->pub.y % 10 + 10 * shift;
            f->from = when_year(y0);
            f->to = when_year(y0 + 9);
            return true;
        }
    }
    /* earlier/later this week|month|year */
    if ((is_word(sc, i, "earlier") || is_word(sc, i, "later")) && is_word(sc, i + 1, "this")) {
        if (is_word(sc, i + 2, "month")) {
            f->ntokens = 3;
            f->from = when_month(sc->pub.y, sc->pub.m);
            return true;
        }
        if (is_word(sc, i + 2, "year")) {
            f->ntokens = 3;
            f->from = when_year(sc->pub.y);
            return true;
        }
        if (is_word(sc, i + 2, "week")) {
            long monday = today - weekday(today);
            f->ntokens = 3;
            f->from = when_day(monday);
            f->to = when_day(monday + 6);
            return true;
        }
    }
    /* N days|weeks|months|years|decades ago */
    int n;
    size_t used = small_count(text, i, &n);
    if (used && i + used + 1 < sc->end && is_word(sc, i + used + 1, "ago")) {
        size_t u = i + used;
        f->ntokens = used + 2;
        if (is_word(sc, u, "day") || is_word(sc, u, "days")) {
            f->from = when_day(today - n);
        } else if (is_word(sc, u, "week") || is_word(sc, u, "weeks")) {
            f->from = when_day(today - 7L * n);
        } else if (is_word(sc, u, "month") || is_word(sc, u, "months")) {
            f->from = when_month(sc->pub.y, sc->pub.m - n);
        } else if (is_word(sc, u, "year") || is_word(sc, u, "years")) {
            f->from = when_year(sc->pub.y - n);
        } else if (is_word(sc, u, "decade") || is_word(sc, u, "decades")) {
            f->from = when_year(sc->pub.y - 10 * n);
        } else {
            return false;
        }
        return true;
    }
    /* in recent days|weeks|months; in the past|last few days */
    if (is_word(sc, i, "recent") ||
        (is_word(sc, i, "past") && i > sc->first && is_word(sc, i - 1, "the"))) {
        size_t u = i + 1;
        if (is_word(sc, u, "few"))
            u++;
        long days_back = 0;
        if (is_word(sc, u, "days"))
            days_back = 7;
        else if (is_word(sc, u, "weeks"))
            days_back = 28;
        else if (is_word(sc, u, "months"))
            days_back = 91;
        if (days_back && u < sc->end) {
            f->ntokens = u + 1 - i;
            f->from = when_day(today - days_back);
            f->to = when_day(today);
            return true;
        }
    }
    f->relative = false;
    return false;
}

typedef struct dlist {
    arena *a;
    date_mention *items;
    size_t count, alloc;
} dlist;

static sitrep_status dlist_push(dlist *l, const date_mention *m)
{
    if (l->count >= EXTRAS_MAX_MENTIONS)
        return SITREP_ELIMIT;
    date_mention *p = arena_array_room(l->a, l->items, l->count, &l->alloc, sizeof *p);
    if (!p)
        return SITREP_ELIMIT;
    l->items = p;
    l->items[l->count++] = *m;
    return SITREP_OK;
}

/* "YYYY-MM-DD", "YYYY-MM" or "YYYY", with its precision: a month-only date keeps its month
 * (day 1 stands in for the arithmetic, and results finer than the month are cut to it). */
static bool parse_published(const char *s, when *w)
{
    int y = 0, m = 1, d = 1, precision = 1;
    size_t n = s ? strlen(s) : 0;
    if (n < 4 || sscanf(s, "%4d", &y) != 1)
        return false;
    if (n >= 7 && (precision = 2, sscanf(s + 5, "%2d", &m) != 1))
        return false;
    if (n >= 10 && (precision = 3, sscanf(s + 8, "%2d", &d) != 1))
        return false;
    if (m < 1 || m > 12 || d < 1 || d > date_days_in_month(y, m))
        return false;
    *w = (when){y, m, d, precision};
    return true;
}

/* A relative date finer than the publication date it was counted from says no more than that
 * date: "on Wednesday" in an article known only as "2019-11" is "2019-11". */
static void cut_to_publication(const scanner *sc, found *f)
{
    if (f->from.precision <= sc->pub.precision)
        return;
    f->from = sc->pub;
    f->to.precision = 0;
}

sitrep_status date_find(arena *a, const text_result *text, const char *published,
                        date_mention **out, size_t *count)
{
    dlist l = {.a = a};
    *out = NULL;
    *count = 0;
    scanner sc = {.text = text};
    /* without a publication date, dates that need one are found but left unresolved; a
     * stand-in date keeps the arithmetic defined */
    bool dated = published && parse_published(published, &sc.pub);
    if (!dated)
        sc.pub = (when){2000, 1, 1, 3};
    sc.pub_days = date_day_number(sc.pub.y, sc.pub.m, sc.pub.d);
    for (size_t si = 0; si < text->nsentences; si++) {
        const sentence *s = &text->sentences[si];
        sc.first = s->first_token;
        sc.end = s->first_token + s->ntokens;
        for (size_t i = sc.first; i < sc.end;) {
            found f;
            memset(&f, 0, sizeof f);
            const token *t = &text->tokens[i];
            /* only tokens that can start a date are tried (speed) */
            bool candidate = t->kind != TOKEN_SYMBOL && extras_may_start(text, i);
            if (!candidate || !(match_absolute(&sc, i, &f) || match_relative(&sc, i, &f))) {
                i++;
                continue;
            }
            size_t first = i - f.back;
            /* interval prefixes: "since 2014" -> 2014/..; "until (only) 2017" -> ../2017 */
            if (first > sc.first) {
                size_t p = first - 1;
                if (is_word(&sc, p, "only") && p > sc.first)
                    p--;
                if (is_word(&sc, p, "since")) {
                    f.open_end = true;
                    first = p;
                } else if (is_word(&sc, p, "until") || is_word(&sc, p, "till")) {
                    f.open_start = true;
                    first = p;
                }
            }
            if (f.relative && dated)
                cut_to_publication(&sc, &f);
            char value[64], from_value[24], end_value[24];
            format_when(from_value, sizeof from_value, f.from);
            if (f.to.precision) {
                format_when(end_value, sizeof end_value, f.to);
                snprintf(value, sizeof value, "%s/%s", from_value, end_value);
            } else if (f.open_end) {
                snprintf(value, sizeof value, "%s/..", from_value);
            } else if (f.open_start) {
                snprintf(value, sizeof value, "../%s", from_value);
            } else {
                snprintf(value, sizeof value, "%s", from_value);
            }
            date_mention m;
            m.sentence = (uint32_t)si;
            m.first_token = (uint32_t)first;
            m.ntokens = (uint32_t)(i + f.ntokens - first);
            m.start = text->tokens[first].start;
            m.end = text->tokens[i + f.ntokens - 1].end;
            m.relative = f.relative;
            m.inferred = f.inferred;
            m.precision = (uint8_t)f.from.precision;
            m.value = m.anchor = NULL;
            bool resolved = dated || !(f.relative || f.inferred);
            if (resolved && !(m.value = arena_strndup(a, value, strlen(value))))
                return SITREP_ELIMIT;
            if (resolved && (f.open_start || f.open_end) &&
                !(m.anchor = arena_strndup(a, from_value, strlen(from_value))))
                return SITREP_ELIMIT;
            sitrep_status st = dlist_push(&l, &m);
            *out = l.items;
            *count = l.count;
            if (st)
                return st;
            i += f.ntokens;
        }
    }
    *out = l.items;
    *count = l.count;
    return SITREP_OK;
}
