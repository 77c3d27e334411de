/* test_cameo.c - unit tests for the CAMEO code table (lexicon/cameo.c): every code present
 * once with its root, names, weights, quad classes and the PLOVER map with parent fallback.
 */
#include "unit.h"

#include "lexicon/lexicon.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static cameo_table *table;

static int setup(void **state)
{
    (void)state;
    diag d;
    return cameo_load("data/cameo", &table, &d) == SITREP_OK ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    cameo_free(table);
    return 0;
}

static void every_code_once_with_its_root(void **state)
{
    (void)state;
    /* CAMEO 1.1b3: 20 roots and their 3- and 4-digit codes */
    assert_true(cameo_count(table) >= 310);
    int roots = 0;
    for (size_t i = 0; i < cameo_count(table); i++) {
        const cameo_code *c = cameo_at(table, i);
        size_t n = strlen(c->code);
        assert_true(n >= 2 && n <= 4);
        assert_ptr_equal(cameo_find(table, c->code, n), c); /* exactly once */
        for (size_t j = i + 1; j < cameo_count(table); j++)
            assert_string_not_equal(cameo_at(table, j)->code, c->code);
        char root[3] = {c->code[0], c->code[1], '\0'};
        assert_non_null(cameo_find(table, root, 2));
        if (n == 4)
            assert_non_null(cameo_find(table, c->code, 3));
        if (n == 2)
            roots++;
        assert_true(c->quad >= 1 && c->quad <= 4);
        assert_true(c->goldstein >= -10.0f && c->goldstein <= 10.0f);
        assert_non_null(c->name);
    }
    assert_int_equal(roots, 20);
    const char *expected[] = {"010",  "0211", "0256", "036",  "042",  "043",  "046",
                              "057",  "072",  "0871", "1056", "1125", "1246", "1385",
                              "1454", "155",  "163",  "1663", "173",  "176",  "1834",
                              "186",  "192",  "1951", "1952", "196",  "2042"};
    for (size_t i = 0; i < ARRAY_LEN(expected); i++)
        if (!cameo_find(table, expected[i], strlen(expected[i])))
            fail_msg("code %s missing", expected[i]);
    assert_null(cameo_find(table, "021", 2) ? NULL : cameo_find(table, "0215", 4));
    assert_null(cameo_find(table, "21", 2));
    assert_null(cameo_find(table, "x1", 2));
}

static void accessors(void **state)
{
    (void)state;
    assert_int_equal(cameo_quad_class(table, "042"), 1);
    assert_int_equal(cameo_quad_class(table, "072"), 2);
    assert_int_equal(cameo_quad_class(table, "112"), 3);
    assert_int_equal(cameo_quad_class(table, "190"), 4);
    assert_true(cameo_goldstein(table, "057") > 7.9 && cameo_goldstein(table, "057") < 8.1);
    assert_true(cameo_goldstein(table, "183") <= -10.0);
    assert_true(cameo_goldstein(table, "1952") <= -10.0);
    assert_string_equal(cameo_plover_type(table, "195"), "ASSAULT");
    assert_string_equal(cameo_plover_mode(table, "195"), "heavy-weapons");
    assert_string_equal(cameo_plover_type(table, "1952"), "ASSAULT"); /* from 195 */
    assert_string_equal(cameo_plover_type(table, "057"), "SUPPORT");
    assert_string_equal(cameo_plover_type(table, "0232"), "REQUEST");
    assert_string_equal(cameo_plover_type(table, "19"), "ASSAULT"); /* root -> 190 */
    assert_null(cameo_plover_type(table, "010"));                   /* no PLOVER statement */
    assert_null(cameo_plover_mode(table, "057"));
    assert_string_equal(cameo_plover_context(table, "057"), "diplomatic");
    assert_string_equal(cameo_plover_context(table, "1952"), "military");
    assert_string_equal(cameo_plover_type(table, "173"), "COERCE");
    assert_string_equal(cameo_plover_mode(table, "173"), "arrest");
    assert_null(cameo_name(table, "999"));
    assert_int_equal(cameo_quad_class(table, "999"), 0);
    assert_int_equal(cameo_root("1951"), 19);
    assert_int_equal(cameo_root("0211"), 2);
    assert_int_equal(cameo_root("21"), 0);
    assert_int_equal(cameo_root("x"), 0);
}

/* Writes codes.txt and plover.txt into a temporary directory and loads it. */
static sitrep_status load_text(const char *codes, const char *plover, diag *d)
{
    char dir[] = "/tmp/sitrep-cameo-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char path[128];
    snprintf(path, sizeof path, "%s/codes.txt", dir);
    FILE *f = fopen(path, "w");
    fputs(codes, f);
    fclose(f);
    snprintf(path, sizeof path, "%s/plover.txt", dir);
    if (plover) {
        f = fopen(path, "w");
        fputs(plover, f);
        fclose(f);
    }
    cameo_table *t = NULL;
    sitrep_status status = cameo_load(dir, &t, d);
    cameo_free(t);
    unlink(path);
    snprintf(path, sizeof path, "%s/codes.txt", dir);
    unlink(path);
    rmdir(dir);
    return status;
}

static void malformed_tables_are_errors(void **state)
{
    (void)state;
    diag d;
    assert_int_equal(load_text("01 1 0.0 statement\n010 1 0 make\n", "", &d), SITREP_OK);
    assert_int_equal(load_text("01 1 0.0 statement\n01 1 0 again\n", "", &d), SITREP_EPARSE);
    assert_int_equal(d.line, 2);
    assert_non_null(strstr(d.message, "duplicate code '01'"));
    assert_int_equal(load_text("01 1 0.0 statement\n0111 1 0 orphan\n", "", &d), SITREP_EPARSE);
    assert_non_null(strstr(d.message, "no parent"));
    assert_int_equal(load_text("01 5 0.0 x\n", "", &d), SITREP_EPARSE);
    assert_non_null(strstr(d.message, "quad"));
    assert_int_equal(load_text("01 1 11 x\n", "", &d), SITREP_EPARSE);
    assert_non_null(strstr(d.message, "Goldstein"));
    assert_int_equal(load_text("01 1 0 x\n", "02 REQUEST - -\n", &d), SITREP_EPARSE);
    assert_non_null(strstr(d.message, "not in codes.txt"));
    assert_int_equal(load_text("01 1 0 x\n", "01 REQUEST -\n", &d), SITREP_EPARSE);
    assert_int_equal(load_text("01 1 0 x\n", "01 REQUST - -\n", &d), SITREP_EPARSE);
    assert_non_null(strstr(d.message, "unknown PLOVER type 'REQUST'"));
    assert_int_equal(load_text("01 1 0 x\n", NULL, &d), SITREP_ENOTFOUND);
    assert_non_null(strstr(d.path, "plover.txt"));
}

static void plover_types_are_the_ontology(void **state)
{
    (void)state;
    assert_string_equal(cameo_plover_type_find("assault", 7), "ASSAULT");
    assert_string_equal(cameo_plover_type_find("Agree", 5), "AGREE");
    assert_string_equal(cameo_plover_type_find("COOPERATEX", 9), "COOPERATE");
    assert_null(cameo_plover_type_find("bogus", 5));
    assert_null(cameo_plover_type_find("ASSAUL", 6));
    assert_null(cameo_plover_type_find("", 0));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_code_once_with_its_root),
        cmocka_unit_test(accessors),
        cmocka_unit_test(malformed_tables_are_errors),
        cmocka_unit_test(plover_types_are_the_ontology),
    };
    return cmocka_run_group_tests_name("cameo", tests, setup, teardown);
}
