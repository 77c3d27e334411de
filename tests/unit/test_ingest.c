/* test_ingest.c - unit tests for the readers: plain text with site chrome, JSON lines, dates. */
#include "unit.h"

#include "ingest/ingest.h"

#include <stdio.h>
#include <string.h>

static document read_text(arena *a, const char *text, bool chrome)
{
    document doc;
    ingest_options options = {.detect_chrome = chrome};
    assert_int_equal(ingest_text(a, text, strlen(text), &options, &doc), SITREP_OK);
    return doc;
}

static void scraped_page_chrome_goes_to_meta(void **state)
{
    (void)state;
    arena a;
    arena_init(&a, 1 << 24);
    const char *page =
        "The Daily Sentinel\n\nNews you can trust from the capital\n\nThe Daily Sentinel\n\n"
        "Defence\n\nArmy chiefs warn of shortages as stocks of shells run low\n\n"
        "Soldiers unload crates at a depot. (Photo: Jane Roe/Sentinel)\n\n"
        "Army chiefs told parliament on Tuesday that stocks of artillery shells had fallen to "
        "their lowest level in a decade, and that replenishing them would take years.\n\n"
        "The warning came as ministers prepared a new spending review.\n\n"
        "Tom Baker is the defence correspondent of The Daily Sentinel. He has reported from "
        "Iraq and Afghanistan.";
    document doc = read_text(&a, page, true);
    assert_string_equal(doc.meta.publisher, "The Daily Sentinel");
    assert_string_equal(doc.meta.tagline, "News you can trust from the capital");
    assert_string_equal(doc.meta.section, "Defence");
    assert_string_equal(doc.meta.headline,
                        "Army chiefs warn of shortages as stocks of shells run low");
    assert_int_equal(doc.meta.ncaptions, 1);
    assert_string_equal(doc.meta.captions[0], "Soldiers unload crates at a depot.");
    assert_string_equal(doc.meta.credits[0], "Jane Roe/Sentinel");
    assert_string_equal(doc.meta.byline, "Tom Baker");
    assert_non_null(strstr(doc.meta.bio, "defence correspondent"));
    assert_int_equal(doc.nparagraphs, 2);
    assert_true(strncmp(doc.body, "Army chiefs told parliament", 27) == 0);
    assert_null(strstr(doc.body, "Tom Baker"));
    assert_null(strstr(doc.body, "Sentinel"));
    assert_int_equal(doc.paragraphs[1], strstr(doc.body, "The warning") - doc.body);
    arena_release(&a);
}

static void byline_and_date_lines(void **state)
{
    (void)state;
    arena a;
    arena_init(&a, 1 << 24);
    const char *page = "Ceasefire collapses in the north\n\nBy Amira Haddad\n\n"
                       "March 3, 2025\n\n"
                       "Fighting resumed along the northern front on Monday after a ceasefire "
                       "brokered last week collapsed, residents and officials said.";
    document doc = read_text(&a, page, true);
    assert_string_equal(doc.meta.headline, "Ceasefire collapses in the north");
    assert_string_equal(doc.meta.byline, "Amira Haddad");
    assert_string_equal(doc.published, "2025-03-03");
    assert_null(doc.meta.publisher);
    assert_int_equal(doc.nparagraphs, 1);
    arena_release(&a);
}

static void wire_text_is_left_alone(void **state)
{
    (void)state;
    arena a;
    arena_init(&a, 1 << 24);
    const char *wire = "KYIV, May 2 (Wire) - Russian forces launched a wave of drones at Kyiv "
                       "overnight, officials said, damaging homes in three districts.\n\n"
                       "Vladimir Putin is the longest-serving Kremlin leader since Stalin, "
                       "analysts noted.";
    document doc = read_text(&a, wire, true);
    assert_null(doc.meta.headline);
    assert_null(doc.meta.bio);
    assert_int_equal(doc.nparagraphs, 2);
    assert_non_null(strstr(doc.body, "Vladimir Putin is the longest-serving"));
    arena_release(&a);
}

static void soft_wrapped_lines_join(void **state)
{
    (void)state;
    arena a;
    arena_init(&a, 1 << 24);
    const char *text = "Talks between the two delegations resumed in Geneva on Monday\n"
                       "after a pause of three weeks, diplomats said, adding that a\n"
                       "deal was not expected before the end of the month.\n"
                       "\n"
                       "Second paragraph here.\r\n";
    document doc = read_text(&a, text, false);
    assert_int_equal(doc.nparagraphs, 2);
    assert_non_null(strstr(doc.body, "Monday after a pause"));
    assert_null(strchr(doc.body, '\r'));
    arena_release(&a);
}

static void invalid_utf8_is_repaired_and_warned(void **state)
{
    (void)state;
    arena a;
    arena_init(&a, 1 << 24);
    /* UTF-8 beyond ASCII (na\xc3\xafve) with one broken byte: repaired as UTF-8 */
    document doc = read_text(&a, "A na\xc3\xafve bad \xFF byte and a NUL-free body.", false);
    assert_non_null(strstr(doc.body, "\xEF\xBF\xBD"));
    assert_non_null(strstr(doc.body, "na\xc3\xafve"));
    assert_int_equal(doc.warnings.count, 1);
    assert_string_equal(doc.warnings.items[0].kind, "invalid_utf8");
    arena_release(&a);
}

static bool has_warning(const document *doc, const char *kind)
{
    for (size_t i = 0; i < doc->warnings.count; i++)
        if (!strcmp(doc->warnings.items[i].kind, kind))
            return true;
    return false;
}

/* Plain text has no declaration: a byte-order mark, else Latin-1/cp1252 when nothing in it
 * is UTF-8 beyond ASCII. */
static void text_charsets(void **state)
{
    (void)state;
    arena a;
    arena_init(&a, 1 << 24);
    document doc =
        read_text(&a, "The caf\xe9 near the d\xe9p\xf4t was hit, \x93officials\x94 said.", false);
    assert_string_equal(doc.body, "The caf\xc3\xa9 near the d\xc3\xa9p\xc3\xb4t was hit, "
                                  "\xe2\x80\x9cofficials\xe2\x80\x9d said.");
    assert_true(has_warning(&doc, "encoding"));
    assert_false(has_warning(&doc, "invalid_utf8"));
    /* a UTF-8 byte-order mark is dropped, not coded */
    doc = read_text(&a, "\xef\xbb\xbfTroops crossed the river.", false);
    assert_string_equal(doc.body, "Troops crossed the river.");
    assert_int_equal(doc.warnings.count, 0);
    /* UTF-16LE and UTF-16BE with marks, a character beyond the BMP in a surrogate pair */
    const char *ascii = "Troops crossed the river \xf0\x9f\x9a\x80 at dawn.";
    static const unsigned char le[] = {
        0xFF, 0xFE, 'T', 0, 'r', 0, 'o', 0, 'o', 0, 'p', 0, 's',  0,    ' ',  0,    'c', 0, 'r', 0,
        'o',  0,    's', 0, 's', 0, 'e', 0, 'd', 0, ' ', 0, 't',  0,    'h',  0,    'e', 0, ' ', 0,
        'r',  0,    'i', 0, 'v', 0, 'e', 0, 'r', 0, ' ', 0, 0x3D, 0xD8, 0x80, 0xDE, ' ', 0, 'a', 0,
        't',  0,    ' ', 0, 'd', 0, 'a', 0, 'w', 0, 'n', 0, '.',  0};
    ingest_options options = {0};
    assert_int_equal(ingest_text(&a, (const char *)le, sizeof le, &options, &doc), SITREP_OK);
    assert_string_equal(doc.body, ascii);
    unsigned char be[sizeof le];
    for (size_t i = 0; i < sizeof le; i += 2) {
        be[i] = le[i + 1];
        be[i + 1] = le[i];
    }
    assert_int_equal(ingest_text(&a, (const char *)be, sizeof be, &options, &doc), SITREP_OK);
    assert_string_equal(doc.body, ascii);
    /* a lone high surrogate: U+FFFD and a warning, never a crash */
    static const unsigned char broken[] = {0xFF, 0xFE, 'A', 0, 0x3D, 0xD8, 'B', 0};
    assert_int_equal(ingest_text(&a, (const char *)broken, sizeof broken, &options, &doc),
                     SITREP_OK);
    assert_string_equal(doc.body, "A\xef\xbf\xbd"
                                  "B");
    assert_true(has_warning(&doc, "encoding"));
    /* from a JSON string (unicode): no mark or legacy charset is looked for */
    options.unicode = true;
    assert_int_equal(ingest_text(&a, "caf\xe9 \xff", 6, &options, &doc), SITREP_OK);
    assert_true(has_warning(&doc, "invalid_utf8"));
    arena_release(&a);
}

static void jsonl_record_fields(void **state)
{
    (void)state;
    arena a;
    arena_init(&a, 1 << 24);
    const char *line =
        "{\"id\":\"r1\",\"url\":\"https://e.org/x\",\"published\":"
        "\"2025-01-20T10:00:00Z\",\"title\":\"T\",\"text\":\"Body \\u201cq\\u201d.\","
        "\"extra\":[1,2]}";
    document doc;
    diag d;
    diag_clear(&d);
    ingest_options options = {.detect_chrome = true};
    assert_int_equal(ingest_jsonl_record(&a, line, strlen(line), &options, &doc, &d), SITREP_OK);
    assert_string_equal(doc.id, "r1");
    assert_string_equal(doc.url, "https://e.org/x");
    assert_string_equal(doc.published, "2025-01-20");
    assert_string_equal(doc.meta.headline, "T");
    assert_string_equal(doc.body, "Body \xE2\x80\x9Cq\xE2\x80\x9D.");
    arena_release(&a);
}

static void jsonl_bad_records(void **state)
{
    (void)state;
    arena a;
    arena_init(&a, 1 << 24);
    document doc;
    diag d;
    ingest_options options = {0};
    const char *bad[] = {"{\"id\":1,", "[1]", "{\"id\":\"x\"}", "{\"text\":5}", "nonsense", ""};
    for (size_t i = 0; i < ARRAY_LEN(bad); i++) {
        diag_clear(&d);
        assert_int_equal(ingest_jsonl_record(&a, bad[i], strlen(bad[i]), &options, &doc, &d),
                         SITREP_EPARSE);
        assert_true(d.message[0] != '\0');
    }
    /* a bad date is a warning, not an error */
    const char *odd = "{\"text\":\"x\",\"published\":\"yesterday\"}";
    assert_int_equal(ingest_jsonl_record(&a, odd, strlen(odd), &options, &doc, &d), SITREP_OK);
    assert_null(doc.published);
    assert_string_equal(doc.warnings.items[0].kind, "bad_date");
    arena_release(&a);
}

static void jsonl_nul_escape_keeps_the_text(void **state)
{
    (void)state;
    arena a;
    arena_init(&a, 1 << 24);
    document doc;
    diag d;
    diag_clear(&d);
    ingest_options options = {0};
    /* "\u0000" used to end the string there; "\\u0000" is a backslash and "u0000" */
    const char *line = "{\"id\":\"n\",\"text\":\"before\\u0000after \\\\u0000 kept\"}";
    assert_int_equal(ingest_jsonl_record(&a, line, strlen(line), &options, &doc, &d), SITREP_OK);
    assert_string_equal(doc.body, "before after \\u0000 kept");
    assert_int_equal(doc.warnings.count, 1);
    assert_string_equal(doc.warnings.items[0].kind, "nul_character");
    /* the caller's line is not changed */
    assert_non_null(strstr(line, "\\u0000after"));
    arena_release(&a);
}

static void dates_parse_strictly(void **state)
{
    (void)state;
    char out[11];
    assert_true(ingest_parse_date("2025-01-20", 10, out));
    assert_string_equal(out, "2025-01-20");
    assert_true(ingest_parse_date("2024-02-29T00:00", 16, out));
    assert_string_equal(out, "2024-02-29");
    assert_false(ingest_parse_date("2023-02-29", 10, out));
    assert_false(ingest_parse_date("2025-13-01", 10, out));
    assert_true(ingest_parse_date("2025-06", 7, out));
    assert_string_equal(out, "2025-06");
    assert_true(ingest_parse_date("2014", 4, out));
    assert_false(ingest_parse_date("20145", 5, out));
    assert_false(ingest_parse_date("May 2", 5, out));
}

static void dates_in_words(void **state)
{
    (void)state;
    char out[11];
    static const struct {
        const char *in, *out;
    } cases[] = {
        {"Wed, 20 Nov 2019 08:02:00 GMT", "2019-11-20"},
        {"Wed Nov 20 2019 08:00:58 GMT+0000", "2019-11-20"},
        {"20 Nov 2019 08:02 GMT", "2019-11-20"},
        {"November 19, 2019, 07:47 PM EST", "2019-11-19"},
        {"01:38:07 PM IST Nov 20, 2019", "2019-11-20"},
        {"Nov. 18, 2019, 4:06 p.m.", "2019-11-18"},
        {"Published 3rd September 2020", "2020-09-03"},
        {"2019/11/19", "2019-11-19"},
        {"19.11.2019", "2019-11-19"},
        {"Sept. 2018", "2018-09"},
        {"2019-11-18T10:15:00+00:00", "2019-11-18"},
        {"2019-11", "2019-11"},
    };
    for (size_t i = 0; i < ARRAY_LEN(cases); i++) {
        if (!ingest_parse_date_words(cases[i].in, strlen(cases[i].in), out)) {
            print_error("'%s' not read as a date\n", cases[i].in);
            fail();
        }
        assert_string_equal(out, cases[i].out);
    }
    /* two dates, a bare slashed date (day or month first?), an impossible day, no month */
    static const char *const not_dates[] = {
        "Nov 20 2019 - Dec 3 2019", "11/10/2019", "February 30, 2019", "20 2019", "Monday", ""};
    for (size_t i = 0; i < ARRAY_LEN(not_dates); i++)
        assert_false(ingest_parse_date_words(not_dates[i], strlen(not_dates[i]), out));
    /* the parts of a date without its year (a dateline's "March 4") */
    int y, m, d;
    assert_true(ingest_date_parts("March 4", 7, &y, &m, &d));
    assert_int_equal(y, 0);
    assert_int_equal(m, 3);
    assert_int_equal(d, 4);
    assert_int_equal(ingest_month_word("Sept.", 5), 9);
    assert_int_equal(ingest_month_word("Marc", 4), 0);
    assert_int_equal(ingest_month_word("Mon", 3), 0);
}

/* The dateline of a one-paragraph body (or none: end 0). */
static dateline dateline_of(const char *body)
{
    document doc;
    memset(&doc, 0, sizeof doc);
    doc.body = body;
    doc.body_len = strlen(body);
    ingest_find_dateline(&doc);
    return doc.dateline;
}

static void datelines(void **state)
{
    (void)state;
    static const struct {
        const char *body;
        const char *text, *place; /* the dateline and its place as written */
        int year, month, day;
        bool certain;
    } cases[] = {
        {"ISTANBUL, March 4 (Reuters) - Turkish forces shelled ...", "ISTANBUL, March 4 (Reuters)",
         "ISTANBUL", 0, 3, 4, true},
        {"KYIV, Ukraine, Feb 24, 2022 (Wire) \xe2\x80\x94 Russia invaded ...",
         "KYIV, Ukraine, Feb 24, 2022 (Wire)", "KYIV", 2022, 2, 24, true},
        {"BUFFALO, N.Y. \xe2\x80\x94 Hours before the game ...", "BUFFALO, N.Y.", "BUFFALO", 0, 0,
         0, true},
        {"WASHINGTON (AP) -- New uncertainty hangs over ...", "WASHINGTON (AP)", "WASHINGTON", 0, 0,
         0, true},
        {"NEW DELHI: Their American dream shattered ...", "NEW DELHI", "NEW DELHI", 0, 0, 0, false},
        {"BAAR, SWITZERLAND\n\nAscom announced ...", "BAAR, SWITZERLAND", "BAAR", 0, 0, 0, false},
        {"November 20, 2019 - 11:28 AMT Verified video shows ...", "November 20, 2019", "", 2019,
         11, 20, true},
    };
    for (size_t i = 0; i < ARRAY_LEN(cases); i++) {
        dateline dl = dateline_of(cases[i].body);
        char text[80], place[40];
        snprintf(text, sizeof text, "%.*s", (int)(dl.end - dl.start), cases[i].body + dl.start);
        snprintf(place, sizeof place, "%.*s", (int)(dl.place_end - dl.place_start),
                 cases[i].body + dl.place_start);
        assert_string_equal(text, cases[i].text);
        assert_string_equal(place, cases[i].place);
        assert_int_equal(dl.year, cases[i].year);
        assert_int_equal(dl.month, cases[i].month);
        assert_int_equal(dl.day, cases[i].day);
        assert_int_equal(dl.certain, cases[i].certain);
    }
    /* capitals that open prose, a hyphenated word, an acronym, a label on its own */
    static const char *const none[] = {"U.S. troops left Syria on Monday.",
                                       "NASA has recruited five companies.",
                                       "CHEER ON Juniors as they ride.",
                                       "NATO-led forces withdrew.",
                                       "GIRLS BASKETBALL",
                                       "MOSCOW said on Monday it would respond.",
                                       "ISTANBUL, a city of 15 million - ...",
                                       ""};
    for (size_t i = 0; i < ARRAY_LEN(none); i++) {
        dateline dl = dateline_of(none[i]);
        if (dl.end) {
            print_error("'%s': dateline found\n", none[i]);
            fail();
        }
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(scraped_page_chrome_goes_to_meta),
        cmocka_unit_test(byline_and_date_lines),
        cmocka_unit_test(wire_text_is_left_alone),
        cmocka_unit_test(soft_wrapped_lines_join),
        cmocka_unit_test(invalid_utf8_is_repaired_and_warned),
        cmocka_unit_test(text_charsets),
        cmocka_unit_test(jsonl_record_fields),
        cmocka_unit_test(jsonl_bad_records),
        cmocka_unit_test(jsonl_nul_escape_keeps_the_text),
        cmocka_unit_test(dates_parse_strictly),
        cmocka_unit_test(dates_in_words),
        cmocka_unit_test(datelines),
    };
    return cmocka_run_group_tests_name("ingest", tests, NULL, NULL);
}
