/* test_quantity.c - unit tests for quantity_find: numbers in digits and words, qualifiers,
 * fractions, percentages, money, ranges and the thing counted. */
#include "unit.h"

#include "extras_util.h"

#include <math.h>
#include <stdio.h>

typedef struct expect {
    const char *input;
    const char *text; /* the phrase found */
    double value;
    const char *unit; /* NULL: none */
    const char *qualifier;
} expect;

static void check_one(const expect *e)
{
    arena a;
    arena_init(&a, 16 << 20);
    text_result t = analyse(&a, e->input);
    quantity *q;
    size_t n;
    assert_int_equal(quantity_find(&a, &t, NULL, 0, &q, &n), SITREP_OK);
    bool found = false;
    for (size_t i = 0; i < n && !found; i++) {
        char text[256];
        snprintf(text, sizeof text, "%.*s", (int)(q[i].end - q[i].start), t.text + q[i].start);
        if (strcmp(text, e->text) != 0)
            continue;
        found = true;
        if (fabs(q[i].value - e->value) > 1e-3 * (fabs(e->value) + 1)) {
            print_error("%s: value %g, expected %g\n", e->input, q[i].value, e->value);
            fail();
        }
        char unit[128];
        snprintf(unit, sizeof unit, "%.*s", (int)(q[i].unit_end - q[i].unit_start),
                 t.text + q[i].unit_start);
        if (e->unit && strcmp(unit, e->unit) != 0) {
            print_error("%s: unit '%s', expected '%s'\n", e->input, unit, e->unit);
            fail();
        }
        assert_string_equal(quantity_qualifier_name((quantity_qualifier)q[i].qualifier),
                            e->qualifier);
    }
    if (!found) {
        print_error("%s: '%s' not found (%zu quantities)\n", e->input, e->text, n);
        for (size_t i = 0; i < n; i++)
            print_error("  found '%.*s'\n", (int)(q[i].end - q[i].start), t.text + q[i].start);
        fail();
    }
    arena_release(&a);
}

static void news_phrasings(void **state)
{
    (void)state;
    static const expect cases[] = {
        {"Kim has sent around 14,000 troops to Russia.", "around 14,000 troops", 14000, "troops",
         "approx"},
        {"At least half of all the munitions were supplied by Pyongyang.",
         "At least half of all the munitions", 0.5, "munitions", "at_least"},
        {"One in every two artillery shells comes from North Korea.",
         "One in every two artillery shells", 0.5, "shells", "fraction"},
        {"A third of the soldiers deserted.", "A third of the soldiers", 1.0 / 3, "soldiers",
         "fraction"},
        {"Two thirds of the villages were destroyed.", "Two thirds of the villages", 2.0 / 3,
         "villages", "fraction"},
        {"Fourteen thousand people fled.", "Fourteen thousand people", 14000, "people", "exact"},
        {"The army lost 1.5 million shells.", "1.5 million shells", 1.5e6, "shells", "exact"},
        {"A dozen drones were shot down.", "A dozen drones", 12, "drones", "exact"},
        {"Dozens of civilians were killed.", "Dozens of civilians", 24, "civilians", "at_least"},
        {"Hundreds of tanks moved north.", "Hundreds of tanks", 200, "tanks", "at_least"},
        {"Tens of thousands of refugees crossed.", "Tens of thousands of refugees", 20000,
         "refugees", "at_least"},
        {"Up to 300 missiles were fired.", "Up to 300 missiles", 300, "missiles", "at_most"},
        {"More than 40 people killed in the strike were civilians.", "More than 40 people killed",
         40, "people killed", "at_least"},
        {"Nearly 2,000 soldiers surrendered.", "Nearly 2,000 soldiers", 2000, "soldiers", "approx"},
        {"Inflation reached 12% last month.", "12%", 12, NULL, "exact"},
        {"Turnout was 45 per cent.", "45 per cent", 45, NULL, "exact"},
        {"Washington approved $1.2bn in aid.", "$1.2bn", 1.2e9, NULL, "exact"},
        {"The EU pledged €500 million.", "€500 million", 5e8, NULL, "exact"},
        {"London will spend £3 billion.", "£3 billion", 3e9, NULL, "exact"},
        {"Artillery can hit targets 25 to 40 miles away.", "25 to 40 miles", 25, "miles", "range"},
        {"Between 20 and 30 fighters were captured.", "Between 20 and 30 fighters", 20, "fighters",
         "range"},
        {"Some 5,000 Wagner mercenaries remain.", "Some 5,000 Wagner mercenaries", 5000,
         "mercenaries", "approx"},
        {"No more than 12 ships passed.", "No more than 12 ships", 12, "ships", "at_most"},
        {"Twenty-five soldiers died.", "Twenty-five soldiers", 25, "soldiers", "exact"},
        {"Several hundred protesters gathered.", "Several hundred protesters", 300, "protesters",
         "approx"},
        {"The convoy of 3,500 vehicles stretched for 40km.", "40km", 40, "km", "exact"},
        {"Three quarters of the city was destroyed.", "Three quarters of the city", 0.75, "city",
         "fraction"},
        {"Turnout fell by two thirds.", "two thirds", 2.0 / 3, NULL, "fraction"},
        {"The siege lasted two and a half years.", "two and a half years", 2.5, "years", "exact"},
        {"Half a dozen ships were hit.", "Half a dozen ships", 6, "ships", "exact"},
        {"Police seized 3 dozen rifles.", "3 dozen rifles", 36, "rifles", "exact"},
        {"The fund holds $4.5b in reserves.", "$4.5b", 4.5e9, NULL, "exact"},
        {"The drone flew 100 m above the base.", "100 m", 100, "m", "exact"},
        {"More than half the population was displaced.", "More than half the population", 0.5,
         "population", "at_least"},
        {"A 7.8-magnitude earthquake struck.", "7.8-magnitude", 7.8, "magnitude", "exact"},
        /* Indian English scales and agency abbreviations */
        {"The budget sets aside 3 lakh crore rupees.", "3 lakh crore rupees", 3e12, NULL, "exact"},
        {"About 13 lakh people fled.", "About 13 lakh people", 1.3e6, "people", "approx"},
        {"Exports rose to 10 bln dollars.", "10 bln dollars", 1e10, NULL, "exact"},
        /* shares written with a hyphen, and "N and a quarter" */
        {"Two-thirds of the soldiers deserted.", "Two-thirds of the soldiers", 2.0 / 3, "soldiers",
         "fraction"},
        {"The siege lasted two and a half years.", "two and a half years", 2.5, "years", "exact"},
        {"They walked five and a quarter miles.", "five and a quarter miles", 5.25, "miles",
         "exact"},
        /* signs */
        {"Temperatures fell to minus 20 degrees.", "minus 20 degrees", -20, "degrees", "exact"},
        {"Growth was -1.5 percent.", "-1.5 percent", -1.5, NULL, "exact"},
        /* thousands grouped by a space or a thin space */
        {"The census counted 40 000 residents.", "40 000 residents", 40000, "residents", "exact"},
        {"Some 1\u202f234\u202f567 votes were cast.", "Some 1\u202f234\u202f567 votes", 1234567,
         "votes", "approx"},
        /* money named by a nationality */
        {"It paid 125 million Australian dollars.", "125 million Australian dollars", 1.25e8, NULL,
         "exact"},
        {"A fine of 10,000 Swiss francs was set.", "10,000 Swiss francs", 1e4, NULL, "exact"},
    };
    for (size_t i = 0; i < ARRAY_LEN(cases); i++)
        check_one(&cases[i]);
}

static size_t count_in(const char *input)
{
    arena a;
    arena_init(&a, 16 << 20);
    text_result t = analyse(&a, input);
    quantity *q;
    size_t n;
    assert_int_equal(quantity_find(&a, &t, NULL, 0, &q, &n), SITREP_OK);
    arena_release(&a);
    return n;
}

static void not_quantities(void **state)
{
    (void)state;
    /* years, days of months, identifiers, times, pronoun "one", ordinals */
    assert_int_equal(count_in("Russia annexed Crimea in 2014."), 0);
    assert_int_equal(count_in("The talks opened on 20 January."), 0);
    assert_int_equal(count_in("Ukraine asked for more F-16 jets under Resolution 2254."), 0);
    assert_int_equal(count_in("The meeting started at 10:30 in Geneva."), 0);
    assert_int_equal(count_in("No one was hurt, and the one who fled was caught."), 0);
    assert_int_equal(count_in("It was the 3rd attack since the 1990s."), 0);
    assert_int_equal(count_in("A third party mediated."), 0);
    /* thousands come in groups of three: a list of numbers is not one number */
    assert_int_equal(count_in("See exercises 22,24,26."), 0);
    /* a range, a year and a count are not one spaced number */
    assert_int_equal(count_in("In 2014 300 people died."), 1);
}

static void skips_date_tokens(void **state)
{
    (void)state;
    arena a;
    arena_init(&a, 16 << 20);
    text_result t = analyse(&a, "Relations cooled eight years ago, when 300 diplomats left.");
    date_mention *d;
    size_t nd;
    assert_int_equal(date_find(&a, &t, "2025-01-20", &d, &nd), SITREP_OK);
    assert_int_equal(nd, 1);
    quantity *q;
    size_t n;
    assert_int_equal(quantity_find(&a, &t, d, nd, &q, &n), SITREP_OK);
    assert_int_equal(n, 1);
    assert_true(fabs(q[0].value - 300) < 1e-9);
    arena_release(&a);
}

static void money_currency(void **state)
{
    (void)state;
    static const struct {
        const char *input, *currency;
    } cases[] = {
        {"It paid 125 million Australian dollars.", "AUD"},
        {"A fine of 10,000 Swiss francs was set.", "CHF"},
        {"Aid of 5 billion Egyptian pounds arrived.", "EGP"},
        {"The deal is worth 3 billion riyals.", "SAR"},
        {"They paid 420 million Hong Kong dollars.", "HKD"},
        {"It cost 2 million pesos.", NULL}, /* pesos of which country? */
    };
    for (size_t c = 0; c < ARRAY_LEN(cases); c++) {
        arena a;
        arena_init(&a, 16 << 20);
        text_result t = analyse(&a, cases[c].input);
        quantity *q;
        size_t n;
        assert_int_equal(quantity_find(&a, &t, NULL, 0, &q, &n), SITREP_OK);
        assert_int_equal(n, 1);
        if (cases[c].currency)
            assert_string_equal(q[0].currency, cases[c].currency);
        else
            assert_null(q[0].currency);
        arena_release(&a);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(news_phrasings),
        cmocka_unit_test(not_quantities),
        cmocka_unit_test(skips_date_tokens),
        cmocka_unit_test(money_currency),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
