/* test_date.c - unit tests for date_find: absolute formats and relative dates resolved
 * against a publication date (Monday 2025-01-20 unless said otherwise). */
#include "unit.h"

#include "extras_util.h"

#include <stdio.h>

typedef struct expect {
    const char *input;
    const char *published;
    const char *text;
    const char *value;
    bool relative;
} expect;

static void check_one(const expect *e)
{
    arena a;
    arena_init(&a, 16 << 20);
    text_result t = analyse(&a, e->input);
    date_mention *d;
    size_t n;
    assert_int_equal(date_find(&a, &t, e->published, &d, &n), SITREP_OK);
    bool found = false;
    for (size_t i = 0; i < n && !found; i++) {
        char text[256];
        snprintf(text, sizeof text, "%.*s", (int)(d[i].end - d[i].start), t.text + d[i].start);
        if (strcmp(text, e->text) != 0)
            continue;
        found = true;
        if (strcmp(d[i].value, e->value) != 0) {
            print_error("%s: value %s, expected %s\n", e->input, d[i].value, e->value);
            fail();
        }
        assert_int_equal(d[i].relative, e->relative);
    }
    if (!found) {
        print_error("%s: '%s' not found (%zu dates)\n", e->input, e->text, n);
        for (size_t i = 0; i < n; i++)
            print_error("  found '%.*s'\n", (int)(d[i].end - d[i].start), t.text + d[i].start);
        fail();
    }
    arena_release(&a);
}

#define PUB "2025-01-20" /* a Monday */

static void absolute_dates(void **state)
{
    (void)state;
    static const expect cases[] = {
        {"The summit opened on 20 January 2025 in Geneva.", PUB, "20 January 2025", "2025-01-20",
         false},
        {"It ended January 20, 2025, without a deal.", PUB, "January 20, 2025", "2025-01-20",
         false},
        {"Talks resume on Jan. 24.", PUB, "Jan. 24", "2025-01-24", false},
        {"The report, dated 2024-11-05, was leaked.", PUB, "2024-11-05", "2024-11-05", false},
        {"Russia annexed Crimea in 2014.", PUB, "2014", "2014", false},
        {"The offensive began in March.", PUB, "March", "2024-03", false},
        {"Elections were held in January.", PUB, "January", "2025-01", false},
        {"The war began in February 2022.", PUB, "February 2022", "2022-02", false},
        {"Relations have warmed since 2014.", PUB, "since 2014", "2014/..", false},
        {"The 2014 annexation was condemned.", PUB, "2014", "2014", false},
        {"It happened on the 5th of May 2023.", PUB, "5th of May 2023", "2023-05-05", false},
        {"Fighting intensified in mid-2023.", PUB, "mid-2023", "2023", false},
        /* numeric dates: year first, day first when it cannot be a month, else month first */
        {"The decree of 2015/08/12 stands.", PUB, "2015/08/12", "2015-08-12", false},
        {"It was signed on 21/04/2016.", PUB, "21/04/2016", "2016-04-21", false},
        {"It was signed on 02/22/2016.", PUB, "02/22/2016", "2016-02-22", false},
        {"It was signed on 3-7-2017.", PUB, "3-7-2017", "2017-03-07", false},
        {"The letter is dated 13.5.2015.", PUB, "13.5.2015", "2015-05-13", false},
        {"The order of 05/05/89 was lifted.", PUB, "05/05/89", "1989-05-05", false},
        /* month abbreviations without a period, a weekday before a date */
        {"Talks resume on Jan 24.", PUB, "Jan 24", "2025-01-24", false},
        {"It ends on 1st Sept 2025.", PUB, "1st Sept 2025", "2025-09-01", false},
        {"It began on Monday, January 13, 2025.", PUB, "Monday, January 13, 2025", "2025-01-13",
         false},
        {"They met on Friday the 17th.", PUB, "Friday the 17th", "2025-01-17", false},
    };
    for (size_t i = 0; i < ARRAY_LEN(cases); i++)
        check_one(&cases[i]);
}

static void relative_dates(void **state)
{
    (void)state;
    static const expect cases[] = {
        {"They signed a pact last year.", PUB, "last year", "2024", true},
        {"The deal collapsed eight years ago.", PUB, "eight years ago", "2017", true},
        {"Moscow backed sanctions until only eight years ago.", PUB, "until only eight years ago",
         "../2017", true},
        {"Officials met on Monday.", PUB, "Monday", "2025-01-20", true},
        {"Officials met on Friday.", PUB, "Friday", "2025-01-17", true},
        {"Officials met last Monday.", PUB, "last Monday", "2025-01-13", true},
        {"They will meet next Friday.", PUB, "next Friday", "2025-01-24", true},
        {"A drone struck yesterday.", PUB, "yesterday", "2025-01-19", true},
        {"Talks continue today.", PUB, "today", "2025-01-20", true},
        {"Talks resume tomorrow.", PUB, "tomorrow", "2025-01-21", true},
        {"Troops arrived earlier this month.", PUB, "earlier this month", "2025-01", true},
        {"Prices rose last month.", PUB, "last month", "2024-12", true},
        {"The vote is next month.", PUB, "next month", "2025-02", true},
        {"Shelling continued last week.", PUB, "last week", "2025-01-13/2025-01-19", true},
        {"Attacks rose in recent days.", PUB, "recent days", "2025-01-13/2025-01-20", true},
        {"The base was built two decades ago.", PUB, "two decades ago", "2005", true},
        {"Three months ago the front collapsed.", PUB, "Three months ago", "2024-10", true},
        {"The strike hit last night.", PUB, "last night", "2025-01-19", true},
        {"Ties have grown since last year.", PUB, "since last year", "2024/..", true},
        {"A ceasefire began on Sunday.", "2024-03-01", "Sunday", "2024-02-25", true},
        {"Two days ago a convoy was hit.", "2024-03-01", "Two days ago", "2024-02-28", true},
        {"He left the day before yesterday.", PUB, "the day before yesterday", "2025-01-18", true},
        {"Talks resume on Friday next week.", PUB, "Friday next week", "2025-01-31", true},
        {"They met next week on Tuesday.", PUB, "next week on Tuesday", "2025-01-28", true},
        {"They met on Tuesday of last week.", PUB, "Tuesday of last week", "2025-01-14", true},
    };
    for (size_t i = 0; i < ARRAY_LEN(cases); i++)
        check_one(&cases[i]);
}

static void interval_anchor(void **state)
{
    (void)state;
    arena a;
    arena_init(&a, 16 << 20);
    text_result t =
        analyse(&a, "Ties warmed since 2014, when Russia annexed Crimea, and last year.");
    date_mention *d;
    size_t n;
    assert_int_equal(date_find(&a, &t, PUB, &d, &n), SITREP_OK);
    assert_int_equal(n, 2);
    assert_string_equal(d[0].value, "2014/..");
    assert_string_equal(d[0].anchor, "2014");
    assert_null(d[1].anchor);
    arena_release(&a);
}

static size_t count_in(const char *input)
{
    arena a;
    arena_init(&a, 16 << 20);
    text_result t = analyse(&a, input);
    date_mention *d;
    size_t n;
    assert_int_equal(date_find(&a, &t, PUB, &d, &n), SITREP_OK);
    arena_release(&a);
    return n;
}

static void not_dates(void **state)
{
    (void)state;
    assert_int_equal(count_in("May God protect the troops."), 0);
    assert_int_equal(count_in("Protesters march on the capital."), 0);
    assert_int_equal(count_in("The army has 2014 tanks."), 0);
    assert_int_equal(count_in("The 1990s were calmer."), 0);
    /* scores, fractions, codes and names are not dates */
    assert_int_equal(count_in("The vote was 9-1-2 and 1/2/3/4 in favour."), 0);
    assert_int_equal(count_in("Since 9/11 and on 20/20 terms."), 0);
    assert_int_equal(count_in("Jan Egeland spoke."), 0);
    /* no usable publication date: the date is found but left unresolved, no crash */
    arena a;
    arena_init(&a, 16 << 20);
    text_result t = analyse(&a, "It happened last year.");
    date_mention *d;
    size_t n;
    assert_int_equal(date_find(&a, &t, "garbage", &d, &n), SITREP_OK);
    assert_int_equal(n, 1);
    assert_null(d[0].value);
    assert_true(d[0].relative);
    arena_release(&a);
}

/* The value of the date written `text` in `input` (NULL when unresolved); fails when absent. */
static const char *value_of(arena *a, const char *input, const char *published, const char *text)
{
    text_result t = analyse(a, input);
    date_mention *d;
    size_t n;
    assert_int_equal(date_find(a, &t, published, &d, &n), SITREP_OK);
    for (size_t i = 0; i < n; i++)
        if (strlen(text) == d[i].end - d[i].start &&
            !memcmp(t.text + d[i].start, text, strlen(text)))
            return d[i].value;
    print_error("%s: '%s' not found\n", input, text);
    fail();
    return NULL;
}

static void without_publication_date(void **state)
{
    (void)state;
    arena a;
    arena_init(&a, 16 << 20);
    /* a written year needs no publication date; a relative date or a day without its year do */
    const char *input =
        "On November 20, 2019, troops left; on March 4 and last week they came back.";
    assert_string_equal(value_of(&a, input, NULL, "November 20, 2019"), "2019-11-20");
    assert_null(value_of(&a, input, NULL, "March 4"));
    assert_null(value_of(&a, input, NULL, "last week"));
    assert_string_equal(value_of(&a, "Russia annexed Crimea in 2014.", NULL, "2014"), "2014");
    arena_release(&a);
}

static void publication_month_or_year(void **state)
{
    (void)state;
    arena a;
    arena_init(&a, 16 << 20);
    /* a month-only publication date keeps its month: a weekday in it is that month */
    assert_string_equal(value_of(&a, "They struck on Wednesday.", "2019-11", "Wednesday"),
                        "2019-11");
    assert_string_equal(value_of(&a, "They struck yesterday.", "2019-11", "yesterday"), "2019-11");
    assert_string_equal(value_of(&a, "They struck last month.", "2019-11", "last month"),
                        "2019-10");
    assert_string_equal(value_of(&a, "They struck last year.", "2019-11", "last year"), "2018");
    assert_string_equal(value_of(&a, "They struck on March 4.", "2019-11", "March 4"),
                        "2019-03-04");
    /* a year-only one: a month or day in it says no more than the year */
    assert_string_equal(value_of(&a, "They struck last month.", "2019", "last month"), "2019");
    assert_string_equal(value_of(&a, "They struck on March 4.", "2019", "March 4"), "2019-03-04");
    assert_string_equal(value_of(&a, "They struck last year.", "2019", "last year"), "2018");
    arena_release(&a);
}

/* date_publication_from_text over `input`'s dates found without a publication date. */
static bool from_text(arena *a, const char *input, char out[11])
{
    text_result t = analyse(a, input);
    date_mention *d;
    size_t n;
    assert_int_equal(date_find(a, &t, NULL, &d, &n), SITREP_OK);
    const date_mention *from = NULL;
    bool found = date_publication_from_text(&t, d, n, out, &from);
    if (found)
        assert_non_null(from);
    return found;
}

static void publication_from_text(void **state)
{
    (void)state;
    arena a;
    arena_init(&a, 16 << 20);
    char out[11];
    /* the latest full date */
    assert_true(
        from_text(&a, "On Nov. 6, 2019, tariffs rose. In June 30, 2019 talks stalled.", out));
    assert_string_equal(out, "2019-11-06");
    /* a date the text speaks of as still to come is not the article's */
    assert_true(from_text(&a,
                          "The tariffs rose on Nov. 6, 2019. New ones will take effect on "
                          "December 15, 2019, and are scheduled for March 1, 2020.",
                          out));
    assert_string_equal(out, "2019-11-06");
    /* one more than a year after all the others is left out */
    assert_true(
        from_text(&a, "Talks began on May 2, 2018. The accord runs to January 1, 2030.", out));
    assert_string_equal(out, "2018-05-02");
    /* a month and year keep their month; a day of that month is later than the month */
    assert_true(from_text(&a, "In October 2019 the ban ended.", out));
    assert_string_equal(out, "2019-10");
    assert_true(from_text(&a, "In October 2019, on October 3, 2019, the ban ended.", out));
    assert_string_equal(out, "2019-10-03");
    /* years alone, relative dates and days without a year date nothing */
    assert_false(from_text(&a, "In 2019, last week, on March 4, they met.", out));
    assert_false(from_text(&a, "No dates here.", out));
    arena_release(&a);
}

static void dateline_year(void **state)
{
    (void)state;
    arena a;
    arena_init(&a, 16 << 20);
    char out[11];
    text_result t = analyse(&a, "The clashes began on February 27, 2020.");
    date_mention *d;
    size_t n;
    assert_int_equal(date_find(&a, &t, NULL, &d, &n), SITREP_OK);
    assert_true(date_complete_year(&t, d, n, 3, 4, out));
    assert_string_equal(out, "2020-03-04");
    /* "January 2" after a text dated at the end of December is in the next year */
    t = analyse(&a, "Fighting resumed on December 30, 2019.");
    assert_int_equal(date_find(&a, &t, NULL, &d, &n), SITREP_OK);
    assert_true(date_complete_year(&t, d, n, 1, 2, out));
    assert_string_equal(out, "2020-01-02");
    /* February 29 only in a leap year; nothing dated: no year */
    t = analyse(&a, "It began in 2021.");
    assert_int_equal(date_find(&a, &t, NULL, &d, &n), SITREP_OK);
    assert_false(date_complete_year(&t, d, n, 2, 29, out));
    t = analyse(&a, "It began last week.");
    assert_int_equal(date_find(&a, &t, NULL, &d, &n), SITREP_OK);
    assert_false(date_complete_year(&t, d, n, 3, 4, out));
    arena_release(&a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(absolute_dates),
        cmocka_unit_test(relative_dates),
        cmocka_unit_test(without_publication_date),
        cmocka_unit_test(publication_month_or_year),
        cmocka_unit_test(publication_from_text),
        cmocka_unit_test(dateline_year),
        cmocka_unit_test(not_dates),
        cmocka_unit_test(interval_anchor),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
