/* test_geocodes.c - unit tests for the exports' code tables (lexicon/geocodes.c): FIPS 10-4
 * and ISO alpha-2 codes by ISO alpha-3, region codes, a code for every country the gazetteer
 * places, and malformed tables reported with file and line.
 */
#include "unit.h"

#include "lexicon/lexicon.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static geocodes *codes;

static int setup(void **state)
{
    (void)state;
    diag d;
    codes = geocodes_load("data/codes", &d);
    return codes ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    geocodes_free(codes);
    return 0;
}

static void fips_where_it_differs_from_iso(void **state)
{
    (void)state;
    /* FIPS 10-4 differs from ISO for many countries: GDELT tools expect FIPS */
    assert_string_equal(geocodes_fips(codes, "DEU"), "GM");
    assert_string_equal(geocodes_iso2(codes, "DEU"), "DE");
    assert_string_equal(geocodes_fips(codes, "UKR"), "UP");
    assert_string_equal(geocodes_fips(codes, "RUS"), "RS");
    assert_string_equal(geocodes_fips(codes, "GBR"), "UK");
    assert_string_equal(geocodes_iso2(codes, "GBR"), "GB");
    assert_string_equal(geocodes_fips(codes, "CHN"), "CH");
    assert_string_equal(geocodes_fips(codes, "ISR"), "IS");
    assert_string_equal(geocodes_fips(codes, "IRQ"), "IZ");
    assert_string_equal(geocodes_fips(codes, "USA"), "US");
    assert_string_equal(geocodes_fips(codes, "AFG"), "AF");
    assert_string_equal(geocodes_name(codes, "DEU"), "Germany");
    assert_null(geocodes_fips(codes, "XYZ"));
    assert_null(geocodes_fips(codes, NULL));
    assert_null(geocodes_fips(NULL, "DEU"));
    assert_null(geocodes_name(codes, "XYZ"));
    assert_true(geocodes_count(codes) >= 190);
    assert_int_equal(geocodes_count(NULL), 0);
}

static void regions(void **state)
{
    (void)state;
    const char *fips = NULL, *adm1 = NULL;
    assert_true(geocodes_region(codes, "USA", "Texas", &fips, &adm1));
    assert_string_equal(fips, "US");
    assert_string_equal(adm1, "USTX");
    assert_true(geocodes_region(codes, "USA", "California", &fips, &adm1));
    assert_string_equal(adm1, "USCA");
    assert_true(geocodes_region(codes, "PSE", "Gaza Strip", &fips, &adm1));
    assert_string_equal(fips, "GZ");
    assert_false(geocodes_region(codes, "USA", "Bavaria", &fips, &adm1));
    assert_false(geocodes_region(codes, "DEU", "Texas", &fips, &adm1));
    assert_false(geocodes_region(codes, "USA", NULL, &fips, &adm1));
}

/* Every country of data/places/countries.txt, and every US state of admin1.txt, has codes:
 * no place the coder finds lacks its FIPS code in the GDELT export. */
static void every_gazetteer_country_and_state_has_codes(void **state)
{
    (void)state;
    const char *files[] = {"data/places/countries.txt", "data/places/admin1.txt"};
    size_t countries = 0, states = 0;
    for (size_t f = 0; f < 2; f++) {
        FILE *in = fopen(files[f], "r");
        assert_non_null(in);
        char line[1024];
        while (fgets(line, sizeof line, in)) {
            char kind[16], iso3[8], admin1[64], lat[16], lon[16], names[512];
            if (line[0] == '#' ||
                sscanf(line, "%15[^\t]\t%7[^\t]\t%63[^\t]\t%15[^\t]\t%15[^\t]\t%511[^\t\n]", kind,
                       iso3, admin1, lat, lon, names) != 6)
                continue;
            if (!strcmp(kind, "country")) {
                if (!geocodes_fips(codes, iso3))
                    fail_msg("no FIPS code for %s", iso3);
                countries++;
            } else if (!strcmp(kind, "admin1") && !strcmp(iso3, "USA")) {
                char *bar = strchr(names, '|');
                if (bar)
                    *bar = '\0';
                const char *fips, *adm1;
                if (!geocodes_region(codes, iso3, names, &fips, &adm1))
                    fail_msg("no ADM1 code for the US state %s", names);
                assert_int_equal(strncmp(adm1, fips, 2), 0); /* USTX; Guam is GQ */
                states++;
            }
        }
        fclose(in);
    }
    assert_true(countries >= 190);
    assert_true(states >= 50);
}

static geocodes *parse(const char *countries, const char *regions, diag *d)
{
    return geocodes_parse(countries, strlen(countries), regions, regions ? strlen(regions) : 0,
                          "dir", d);
}

static void malformed_tables_are_errors(void **state)
{
    (void)state;
    diag d;
    geocodes *g = parse("# comment\nDEU\tDE\tGM\tGermany\n", "USA\tUS\tUSTX\tTexas\n", &d);
    assert_non_null(g);
    assert_string_equal(geocodes_fips(g, "DEU"), "GM");
    geocodes_free(g);
    assert_null(parse("DEU\tDE\tGM\tGermany\nFRA\tFR\tF\tFrance\n", NULL, &d));
    assert_int_equal(d.line, 2);
    assert_non_null(strstr(d.path, "dir/countries.txt"));
    assert_non_null(strstr(d.message, "bad FIPS 10-4 code 'F'"));
    assert_null(parse("DE\tDE\tGM\tGermany\n", NULL, &d));
    assert_non_null(strstr(d.message, "ISO alpha-3"));
    assert_null(parse("DEU\tde\tGM\tGermany\n", NULL, &d));
    assert_non_null(strstr(d.message, "ISO alpha-2"));
    assert_null(parse("DEU\tDE\tGM\t\n", NULL, &d));
    assert_non_null(strstr(d.message, "country name"));
    assert_null(parse("DEU\tDE\tGM\tGermany\nDEU\tDE\tGM\tGermany\n", NULL, &d));
    assert_non_null(strstr(d.message, "listed twice"));
    assert_null(parse("DEU\tDE\tGM\tGermany\n", "USA\tUS\tUSTEXAS12\tTexas\n", &d));
    assert_non_null(strstr(d.path, "dir/admin1.txt"));
    assert_non_null(strstr(d.message, "bad ADM1 code"));
    assert_null(parse("DEU\tDE\tGM\tGermany\n", "USA\tUS\tUSTX\n", &d));
    assert_non_null(strstr(d.message, "region name"));
    assert_null(geocodes_load("no/such/dir", &d));
    assert_non_null(strstr(d.path, "countries.txt"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(fips_where_it_differs_from_iso),
        cmocka_unit_test(regions),
        cmocka_unit_test(every_gazetteer_country_and_state_has_codes),
        cmocka_unit_test(malformed_tables_are_errors),
    };
    return cmocka_run_group_tests_name("geocodes", tests, setup, teardown);
}
