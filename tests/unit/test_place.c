/* test_place.c - unit tests for the gazetteer loader (format, diagnostics) and place_find
 * (cues, place nouns, directions, the metonym rule). Uses a small gazetteer written here. */
#include "unit.h"

#include "extras_util.h"

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

static char dir[64];

static void write_file(const char *name, const char *content)
{
    char path[128];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(content, f);
    fclose(f);
}

static void remove_dir(void)
{
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    assert_int_equal(system(cmd), 0);
}

static const char *const good = "# test gazetteer\n"
                                "country\tUKR\t-\t50.45\t30.52\tUkraine\n"
                                "country\tRUS\t-\t55.76\t37.62\tRussia|Russian Federation\n"
                                "capital\tRUS\t-\t55.76\t37.62\tMoscow\n"
                                "capital\tUKR\t-\t50.45\t30.52\tKyiv|Kiev\n"
                                "admin1\tRUS\t-\t51.73\t36.19\tKursk\n"
                                "admin1\tRUS\t-\t51.20\t33.10\tBelgorod Oblast\n"
                                "city\tRUS\tKursk\t51.73\t36.19\tKursk\n"
                                "country\tIRQ\t-\t33.31\t44.36\tIraq\n"
                                "country\tSYR\t-\t33.51\t36.29\tSyria\n"
                                "region\tPSE\t-\t31.42\t34.37\tGaza Strip|Gaza\n"
                                "region\tUKR\t-\t44.95\t34.10\tCrimea\n"
                                "water\t-\t-\t20.0\t38.0\tRed Sea\n"
                                "region\tAZE\t-\t39.82\t46.75\tNagorno-Karabakh\n"
                                "country\tGEO\t-\t41.72\t44.79\tGeorgia\n"
                                "admin1\tUSA\t-\t33.75\t-84.39\tGeorgia\n"
                                "admin1\tUSA\t-\t41.59\t-93.62\tIowa\n";

static gazetteer *load_good(void)
{
    snprintf(dir, sizeof dir, "/tmp/sitrep-test-places-%ld", (long)getpid());
    char cmd[128];
    snprintf(cmd, sizeof cmd, "mkdir -p '%s'", dir);
    assert_int_equal(system(cmd), 0);
    write_file("a.txt", good);
    diag d;
    diag_clear(&d);
    gazetteer *g = gazetteer_load(dir, &d);
    if (!g)
        print_error("%s:%ld: %s\n", d.path, d.line, d.message);
    assert_non_null(g);
    return g;
}

static void loads_and_finds(void **state)
{
    (void)state;
    gazetteer *g = load_good();
    assert_int_equal(gazetteer_count(g), 16);
    const place_entry *e[4];
    assert_int_equal(gazetteer_find(g, "kursk", e, 4), 2);
    assert_int_equal(gazetteer_find(g, "RUSSIAN FEDERATION", e, 4), 1);
    assert_string_equal(e[0]->country, "RUS");
    assert_int_equal(gazetteer_find(g, "Nagorno-Karabakh", e, 4), 1);
    assert_int_equal(gazetteer_find(g, "Narnia", e, 4), 0);
    gazetteer_free(g);
    remove_dir();
}

static void rejects_bad_lines(void **state)
{
    (void)state;
    static const struct {
        const char *content;
        const char *message;
    } bad[] = {
        {"country\tUKR\t-\t50\t30\n", "expected 6"},
        {"town\tUKR\t-\t50\t30\tX\n", "unknown kind"},
        {"country\tUk\t-\t50\t30\tX\n", "ISO alpha-3"},
        {"city\t-\t-\t50\t30\tX\n", "needs a country"},
        {"city\tUKR\t-\t95\t30\tX\n", "bad latitude"},
        {"city\tUKR\t-\t50\teast\tX\n", "bad longitude"},
        {"city\tUKR\t-\t50\t30\tX||Y\n", "empty name"},
        {"city\tUKR\t-\t50\t30\ta b c d e f g\n", "more than 6 tokens"},
    };
    for (size_t i = 0; i < ARRAY_LEN(bad); i++) {
        snprintf(dir, sizeof dir, "/tmp/sitrep-test-places-%ld", (long)getpid());
        char cmd[128];
        snprintf(cmd, sizeof cmd, "mkdir -p '%s'", dir);
        assert_int_equal(system(cmd), 0);
        char content[256];
        snprintf(content, sizeof content, "# header\n%s", bad[i].content);
        write_file("bad.txt", content);
        diag d;
        diag_clear(&d);
        assert_null(gazetteer_load(dir, &d));
        assert_int_equal(d.line, 2);
        assert_non_null(strstr(d.path, "bad.txt"));
        if (!strstr(d.message, bad[i].message)) {
            print_error("message '%s', expected '%s'\n", d.message, bad[i].message);
            fail();
        }
        remove_dir();
    }
    /* a missing directory is an empty gazetteer */
    diag d;
    gazetteer *g = gazetteer_load("/nonexistent/sitrep/places", &d);
    assert_non_null(g);
    assert_int_equal(gazetteer_count(g), 0);
    gazetteer_free(g);
}

typedef struct found {
    char text[128];
    const place_entry *entry;
    uint8_t directions;
} found;

static size_t find(gazetteer *g, const char *input, found *out, size_t max)
{
    arena a;
    arena_init(&a, 16 << 20);
    text_result t = analyse(&a, input);
    place_mention *p;
    size_t n;
    assert_int_equal(place_find(&a, g, &t, &p, &n), SITREP_OK);
    for (size_t i = 0; i < n && i < max; i++) {
        snprintf(out[i].text, sizeof out[i].text, "%.*s", (int)(p[i].end - p[i].start),
                 t.text + p[i].start);
        out[i].entry = p[i].entry;
        out[i].directions = p[i].directions;
    }
    arena_release(&a);
    return n;
}

static void recognises_places(void **state)
{
    (void)state;
    gazetteer *g = load_good();
    found f[8];

    assert_int_equal(find(g, "Troops pushed out of Russia's western Kursk region.", f, 8), 1);
    assert_string_equal(f[0].text, "western Kursk region");
    assert_int_equal(f[0].entry->kind, PLACE_ADMIN1);
    assert_string_equal(f[0].entry->country, "RUS");
    assert_int_equal(f[0].directions, PLACE_DIR_WEST);

    assert_int_equal(find(g, "Forces moved to eastern and southern areas of Ukraine.", f, 8), 1);
    assert_string_equal(f[0].text, "eastern and southern areas of Ukraine");
    assert_int_equal(f[0].directions, PLACE_DIR_EAST | PLACE_DIR_SOUTH);

    /* a place named with its own region word, possessed by its country */
    assert_int_equal(find(g, "Drones hit a depot in Russia's Belgorod Oblast.", f, 8), 1);
    assert_string_equal(f[0].text, "Belgorod Oblast");
    assert_int_equal(find(g, "Drones hit a depot in Ukraine's Belgorod Oblast.", f, 8), 0);

    assert_int_equal(find(g, "Shelling continued in Kursk.", f, 8), 1);
    assert_int_equal(f[0].entry->kind, PLACE_CITY); /* a city without a region noun */

    assert_int_equal(find(g, "Strikes hit northern Gaza.", f, 8), 1);
    assert_string_equal(f[0].text, "northern Gaza");
    assert_int_equal(f[0].directions, PLACE_DIR_NORTH);

    assert_int_equal(find(g, "Russia annexed Crimea and ships sailed the Red Sea.", f, 8), 2);
    assert_string_equal(f[0].entry->name, "Crimea");
    assert_string_equal(f[1].entry->name, "Red Sea");
    assert_null(f[1].entry->country);

    assert_int_equal(find(g, "US troops remain in Iraq and Syria.", f, 8), 2);
    assert_string_equal(f[1].entry->name, "Syria");

    assert_int_equal(find(g, "The attack happened near Kiev.", f, 8), 1);
    assert_string_equal(f[0].entry->name, "Kyiv");

    assert_int_equal(find(g, "Fighting resumed in Nagorno-Karabakh.", f, 8), 1);

    /* a name shared by a country and a region: the region when listed with a region of the
     * same country (the serial comma too), else the country */
    assert_int_equal(find(g, "Campaigns in Iowa, and Georgia.", f, 8), 2);
    assert_string_equal(f[1].entry->country, "USA");
    assert_int_equal(f[1].entry->kind, PLACE_ADMIN1);
    assert_int_equal(find(g, "Talks in Iowa. Russia invaded Georgia.", f, 8), 2);
    assert_string_equal(f[1].entry->country, "GEO");
    assert_int_equal(find(g, "Troops in Iowa, Iraq and Georgia.", f, 8), 3);
    assert_string_equal(f[2].entry->country, "GEO");

    /* an editor's insertion inside a quote */
    assert_int_equal(find(g, "They will wear uniforms, just like in [the] Kursk [region].", f, 8),
                     1);
    assert_string_equal(f[0].text, "Kursk [region]");
    assert_int_equal(f[0].entry->kind, PLACE_ADMIN1);
    gazetteer_free(g);
    remove_dir();
}

static void metonyms_are_not_places(void **state)
{
    (void)state;
    gazetteer *g = load_good();
    found f[4];
    /* a capital or country as the voice of a government: no locative cue, no place noun */
    assert_int_equal(find(g, "Moscow said it would respond.", f, 4), 0);
    assert_int_equal(find(g, "Kyiv's forces advanced.", f, 4), 0);
    assert_int_equal(find(g, "Russia denied the report.", f, 4), 0);
    /* a possessor is not the place; "according to" is not a locative "to" */
    assert_int_equal(find(g, "According to Ukraine's army, troops stayed.", f, 4), 0);
    assert_int_equal(find(g, "Units moved into Russia's Kursk region.", f, 4), 1);
    assert_string_equal(f[0].text, "Kursk region");
    /* a short word in capitals inside a sentence is an acronym, not the place */
    assert_int_equal(find(g, "The panel met in IRAQ and then in Iraq.", f, 4), 1);
    assert_string_equal(f[0].text, "Iraq");
    assert_int_equal(find(g, "Fighting resumed in KURSK REGION.", f, 4), 1);
    /* part of a longer name */
    assert_int_equal(find(g, "He met Moscow Mayor Sobyanin.", f, 4), 0);
    assert_int_equal(find(g, "He was chief of staff to Georgia E. Smith.", f, 4), 0);
    /* no gazetteer: nothing, no crash */
    arena a;
    arena_init(&a, 1 << 20);
    text_result t = analyse(&a, "Troops in Ukraine.");
    place_mention *p;
    size_t n;
    assert_int_equal(place_find(&a, NULL, &t, &p, &n), SITREP_OK);
    assert_int_equal(n, 0);
    arena_release(&a);
    gazetteer_free(g);
    remove_dir();
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(loads_and_finds),
        cmocka_unit_test(rejects_bad_lines),
        cmocka_unit_test(recognises_places),
        cmocka_unit_test(metonyms_are_not_places),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
