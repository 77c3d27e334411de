/* test_lexicon.c - unit tests for lexicon/ and match/: folding, the dictionary format
 * (entries, countries, roles, dates, case rules), diagnostics, consistency checks, the trie
 * and the TABARI/PETRARCH importer. */
#include "unit.h"

#include "lexicon/lexicon.h"
#include "match/match.h"

#include <string.h>

typedef struct problems {
    int fatal, other;
    char last[1200];
} problems;

static void collect(void *user, const diag *d, bool fatal)
{
    problems *p = user;
    if (fatal)
        p->fatal++;
    else
        p->other++;
    diag_format(d, p->last, sizeof p->last);
}

/* Builds a dictionary from (kind, text) pairs; asserts they parse. */
static dict *build(problems *p, dict_file_kind kind, const char *text)
{
    dict_builder *b = dict_builder_new(collect, p);
    diag d;
    diag_clear(&d);
    sitrep_status s = dict_builder_add_text(b, "test.txt", text, strlen(text), kind, false, &d);
    if (s)
        fail_msg("parse failed: %s:%ld: %s", d.path, d.line, d.message);
    return dict_builder_finish(b);
}

/* Returns the message for a malformed one-line file, "" when it parses. */
static const char *error_of(dict_file_kind kind, const char *text, char *out, size_t cap)
{
    dict_builder *b = dict_builder_new(NULL, NULL);
    diag d;
    diag_clear(&d);
    sitrep_status s = dict_builder_add_text(b, "bad.txt", text, strlen(text), kind, false, &d);
    diag_format(&d, out, cap);
    dict_builder_free(b);
    return s ? out : "";
}

/* The longest phrase at the start of `text`: its first value's entry name, or NULL. */
static const char *longest(const dict *d, const char *text, size_t *ntokens)
{
    static arena a;
    static bool init;
    if (!init) {
        arena_init(&a, 1 << 24);
        init = true;
    }
    arena_reset(&a);
    token *tokens = NULL;
    size_t n = 0;
    assert_int_equal(text_tokenize(&a, text, strlen(text), &tokens, &n), SITREP_OK);
    uint32_t ids[64];
    text_result tr = {.text = text, .length = strlen(text), .tokens = tokens, .ntokens = n};
    match_token_ids(d, &tr, tokens, n, ids);
    match_span spans[DICT_MAX_PHRASE_TOKENS];
    size_t found = match_prefixes(d, ids, n, 0, spans);
    for (size_t k = 0; k < found; k++) {
        size_t nv;
        const dict_value *v = dict_node_values(d, spans[k].node, &nv);
        for (size_t i = 0; i < nv; i++)
            if (match_case_ok(d, &v[i], &tr, tokens)) {
                *ntokens = spans[k].ntokens;
                return dict_entry_get(d, v[i].entry)->name;
            }
    }
    *ntokens = 0;
    return NULL;
}

static void fold_lowercases_and_unifies_apostrophes(void **state)
{
    (void)state;
    char out[64];
    size_t n = vocab_fold("Kim\xe2\x80\x99s", 7, out, sizeof out);
    assert_int_equal(n, 5);
    assert_memory_equal(out, "kim's", 5);
    n = vocab_fold("\xc3\x89LYS\xc3\x89\x45", 8, out, sizeof out); /* ÉLYSÉE */
    assert_int_equal(n, 8);
    assert_memory_equal(out, "\xc3\xa9lys\xc3\xa9\x65", 8);
    assert_int_equal(vocab_fold("abcdef", 6, out, 3), 0); /* does not fit */
}

static void dates_parse_with_period_ends(void **state)
{
    (void)state;
    int32_t v;
    assert_true(dict_parse_date("2024", 4, false, &v));
    assert_int_equal(v, 20240101);
    assert_true(dict_parse_date("2024", 4, true, &v));
    assert_int_equal(v, 20241231);
    assert_true(dict_parse_date("2024-02", 7, true, &v));
    assert_int_equal(v, 20240229);
    assert_true(dict_parse_date("2012-05-07", 10, false, &v));
    assert_int_equal(v, 20120507);
    assert_false(dict_parse_date("2023-02-29", 10, false, &v));
    assert_false(dict_parse_date("2023-13", 7, false, &v));
    assert_false(dict_parse_date("20x3", 4, false, &v));
    assert_false(dict_parse_date("2023-1-01", 9, false, &v));
}

static const char people[] =
    "# leaders\n"
    "Vladimir Putin | Vladimir Vladimirovich Putin | Putin => RUSGOV 1999-08-09..2008-05-07, "
    "RUSGOV 2008-05-08..2012-05-07, RUSGOV 2012-05-07.., RUSELI   # a comment\n"
    "\n"
    "Kim Jong-un | Kim => PRKGOV 2011-12-17..\n"
    "=US | United States => USA\n";

static void entries_match_longest_whole_tokens(void **state)
{
    (void)state;
    problems p = {0};
    dict *d = build(&p, DICT_FILE_PEOPLE, people);
    assert_int_equal(dict_entry_count(d), 3);
    size_t n;
    assert_string_equal(longest(d, "Vladimir Vladimirovich Putin said", &n), "Vladimir Putin");
    assert_int_equal(n, 3);
    assert_string_equal(longest(d, "PUTIN said", &n), "Vladimir Putin");
    assert_int_equal(n, 1);
    /* "Kim Jong-un" tokenizes as Kim|Jong|-|un, like article text */
    assert_string_equal(longest(d, "Kim Jong-un arrived", &n), "Kim Jong-un");
    assert_int_equal(n, 4);
    assert_string_equal(longest(d, "Kim\xe2\x80\x99s regime", &n), "Kim Jong-un");
    assert_int_equal(n, 1);
    assert_null(longest(d, "Putinism", &n)); /* whole tokens only */
    /* "=US" must match its case exactly; "United States" ignores case */
    assert_string_equal(longest(d, "US troops", &n), "US");
    assert_null(longest(d, "us troops", &n));
    assert_string_equal(longest(d, "UNITED STATES", &n), "US");
    assert_int_equal(p.fatal + p.other, 0);
    dict_free(d);
}

static void dated_codes_resolve_by_date_with_fallback(void **state)
{
    (void)state;
    problems p = {0};
    dict *d = build(&p, DICT_FILE_PEOPLE, people);
    const dict_entry *putin = dict_entry_get(d, 0), *kim = dict_entry_get(d, 1);
    bool dated;
    assert_string_equal(dict_entry_code(d, putin, 20050101, &dated), "RUSGOV");
    assert_true(dated);
    assert_string_equal(dict_entry_code(d, putin, 20250101, &dated), "RUSGOV");
    assert_string_equal(dict_entry_code(d, putin, 19950101, &dated), "RUSELI");
    assert_false(dated);
    assert_string_equal(dict_entry_code(d, kim, 20200101, &dated), "PRKGOV");
    assert_null(dict_entry_code(d, kim, 20000101, &dated)); /* no fallback: unknown */
    dict_free(d);
}

static void countries_format_gives_names_adjectives_people_capitals(void **state)
{
    (void)state;
    problems p = {0};
    dict *d = build(&p, DICT_FILE_COUNTRIES,
                    "RUS: Russia | Russian Federation ; adj: Russian ; people: Russians ; "
                    "capital: Moscow\n"
                    "PRK: North Korea | DPRK ; adj: North Korean ; capital: Pyongyang\n"
                    "MLI: Mali ; adj: Malian ; ethnic: Tuareg\n");
    assert_true(dict_is_country(d, "RUS"));
    assert_true(dict_is_country(d, "PRKGOV"));
    assert_false(dict_is_country(d, "GOV"));
    size_t n;
    const char *name = longest(d, "Moscow said", &n);
    assert_string_equal(name, "Moscow");
    bool dated;
    for (uint32_t i = 0; i < dict_entry_count(d); i++) {
        const dict_entry *e = dict_entry_get(d, i);
        const char *code = dict_entry_code(d, e, 0, &dated);
        if (strcmp(e->name, "Moscow") == 0) {
            assert_int_equal(e->kind, DICT_CAPITAL);
            assert_string_equal(code, "RUSGOV");
        } else if (strcmp(e->name, "North Korean") == 0) {
            assert_int_equal(e->kind, DICT_ADJECTIVE);
            assert_string_equal(code, "PRK");
        } else if (strcmp(e->name, "Russians") == 0) {
            assert_int_equal(e->kind, DICT_DEMONYM);
        } else if (strcmp(e->name, "Tuareg") == 0) {
            /* a people within a state: an adjective whose armed men are the state's rebels */
            assert_int_equal(e->kind, DICT_ADJECTIVE);
            assert_string_equal(code, "MLIREB");
        }
    }
    assert_string_equal(longest(d, "North Korean troops", &n), "North Korean");
    assert_int_equal(n, 2);
    dict_free(d);
}

static void malformed_lines_report_file_line_and_problem(void **state)
{
    (void)state;
    char m[1200];
    assert_string_equal(error_of(DICT_FILE_PEOPLE, "# ok\nPutin RUSGOV\n", m, sizeof m),
                        "bad.txt:2: missing '=>' (expected PHRASES => CODES)");
    assert_string_equal(error_of(DICT_FILE_PEOPLE, "Putin =>\n", m, sizeof m),
                        "bad.txt:1: no codes after '=>'");
    assert_string_equal(error_of(DICT_FILE_PEOPLE, "Putin | | P => RUSGOV\n", m, sizeof m),
                        "bad.txt:1: empty phrase");
    assert_string_equal(error_of(DICT_FILE_PEOPLE, "Putin => rusgov\n", m, sizeof m),
                        "bad.txt:1: invalid code 'rusgov' (expected capital letters and digits)");
    assert_string_equal(
        error_of(DICT_FILE_PEOPLE, "Putin => RUSGOV 2012-13-01..\n", m, sizeof m),
        "bad.txt:1: invalid date '2012-13-01' (expected YYYY, YYYY-MM or YYYY-MM-DD)");
    assert_string_equal(error_of(DICT_FILE_PEOPLE, "Putin => RUSGOV 2012..2008\n", m, sizeof m),
                        "bad.txt:1: date range '2012..2008' ends before it starts");
    assert_string_equal(error_of(DICT_FILE_PEOPLE, "Putin => RUSGOV 2012\n", m, sizeof m),
                        "bad.txt:1: invalid date range '2012' after 'RUSGOV' (expected FROM..TO)");
    assert_string_equal(error_of(DICT_FILE_AGENTS, "troops => GOVT\n", m, sizeof m),
                        "bad.txt:1: invalid code 'GOVT' (expected one or more 3-letter roles)");
    assert_string_equal(error_of(DICT_FILE_AGENTS, "troops => XYZ\n", m, sizeof m),
                        "bad.txt:1: unknown role 'XYZ' in 'XYZ'");
    assert_string_equal(error_of(DICT_FILE_COUNTRIES, "Russia ; adj: Russian\n", m, sizeof m),
                        "bad.txt:1: expected 'CODE: names ; adj: ... ; people: ... ; capital: "
                        "...' with a 3-letter country code");
    assert_string_equal(
        error_of(DICT_FILE_COUNTRIES, "RUS: Russia ; noun: Rus\n", m, sizeof m),
        "bad.txt:1: unknown field 'noun' (expected adj:, people:, capital: or ethnic:)");
    assert_string_equal(error_of(DICT_FILE_PEOPLE, "A\xff => RUS\n", m, sizeof m),
                        "bad.txt:1: invalid UTF-8");
    assert_string_equal(error_of(DICT_FILE_PEOPLE, "# only comments\n\n   \n", m, sizeof m), "");
}

static void keep_going_reports_every_malformed_line(void **state)
{
    (void)state;
    problems p = {0};
    dict_builder *b = dict_builder_new(collect, &p);
    const char *text = "A =>\nB => RUS\nC\nD => x\n";
    diag d;
    assert_int_equal(
        dict_builder_add_text(b, "f.txt", text, strlen(text), DICT_FILE_PEOPLE, true, &d),
        SITREP_EPARSE);
    assert_int_equal(p.fatal, 3);
    dict *dt = dict_builder_finish(b);
    assert_int_equal(dict_entry_count(dt), 1);
    dict_free(dt);
}

static void checks_find_duplicates_conflicts_and_overlaps(void **state)
{
    (void)state;
    problems p = {0};
    dict *d = build(&p, DICT_FILE_PEOPLE,
                    "Ann Lee | ann lee => USAGOV\n"                   /* duplicate in entry */
                    "Bo Ray => GBRGOV\nBo Ray => GBRGOV\n"            /* duplicate entries */
                    "Cy Dee => FRAGOV\nCy Dee => DEUGOV\n"            /* conflicting codes */
                    "Di Fo => ITAGOV 2000..2010, ITAMIL 2005..2012\n" /* overlap */
                    "Ed Gu => ESPGOV 2000..2010-01-01, ESPELI 2010-01-01..\n"); /* hand-over */
    assert_int_equal(p.fatal, 0);
    assert_int_equal(p.other, 4);
    assert_int_equal(dict_problems(d), 4);
    dict_free(d);
}

static void checks_compare_names_across_files_but_not_with_roles(void **state)
{
    (void)state;
    problems p = {0};
    dict_builder *b = dict_builder_new(collect, &p);
    diag d;
    const char *countries = "USA: United States ; adj: American ; capital: Washington\n"
                            "NZL: New Zealand ; adj: New Zealand\n";    /* same line: fine */
    const char *persons = "George Washington | Washington => USAELI\n"; /* vs the capital */
    const char *groups = "=IDF => ISRMIL\n";
    const char *metonyms = "=IDF => ISRMIL\n"; /* the same phrase and code in two files */
    const char *agents = "chief => GOV\n";
    const char *titles = "chief => GOV\n"; /* a role twice */
    const char *org = "Chief => IGOXYZ\n"; /* a name and a role may share a phrase */
    struct {
        const char *text;
        dict_file_kind kind;
    } files[] = {{countries, DICT_FILE_COUNTRIES}, {persons, DICT_FILE_PEOPLE},
                 {groups, DICT_FILE_GROUPS},       {metonyms, DICT_FILE_METONYMS},
                 {agents, DICT_FILE_AGENTS},       {titles, DICT_FILE_TITLES},
                 {org, DICT_FILE_ORGANIZATIONS}};
    for (size_t i = 0; i < ARRAY_LEN(files); i++)
        assert_int_equal(dict_builder_add_text(b, "f.txt", files[i].text, strlen(files[i].text),
                                               files[i].kind, false, &d),
                         SITREP_OK);
    dict_free(dict_builder_finish(b));
    assert_int_equal(p.fatal, 0);
    assert_int_equal(p.other, 3); /* Washington, IDF, chief */
}

static void file_kinds_follow_names(void **state)
{
    (void)state;
    assert_int_equal(dict_file_kind_for_name("people.txt"), DICT_FILE_PEOPLE);
    assert_int_equal(dict_file_kind_for_name("dir/people-core.txt"), DICT_FILE_PEOPLE);
    assert_int_equal(dict_file_kind_for_name("countries.txt"), DICT_FILE_COUNTRIES);
    assert_int_equal(dict_file_kind_for_name("agents.txt"), DICT_FILE_AGENTS);
    assert_int_equal(dict_file_kind_for_name("README.md"), DICT_FILE_UNKNOWN);
    assert_int_equal(dict_file_kind_for_name("peoples.txt"), DICT_FILE_UNKNOWN);
}

static void shipped_dictionaries_load_cleanly(void **state)
{
    (void)state;
    diag d;
    dict *dt = dict_load_dir("data/actors", &d);
    if (!dt)
        fail_msg("data/actors: %s:%ld: %s", d.path, d.line, d.message);
    assert_true(dict_entry_count(dt) > 500);
    assert_true(dict_is_country(dt, "UKR"));
    dict_free(dt);
    problems p = {0};
    assert_int_equal(dict_check_dir("data/actors", collect, &p), 0);
}

static void import_converts_petrarch_entries_and_reports_the_rest(void **state)
{
    (void)state;
    const char *src = "# comment\n"
                      "VLADIMIR_PUTIN_  # note\n"
                      "+PUTIN_\n"
                      "\t[RUSGOV 990809-080507]\n"
                      "\t[RUSELI]\n"
                      "THE_KREMLIN_ [RUSGOV]\n"
                      "!PERSON! = MAN, MEN\n"
                      "SOLDIER [~MIL]\n"
                      "CHAMBER_OF_COMMERCE {CHAMBERS_OF_COMMERCE} [~BUS]\n"
                      "NOBODY_ [---]\n"
                      "CONGRESS!PERSON! [~LEG]\n";
    buf out, report;
    buf_init(&out, 0);
    buf_init(&report, 0);
    assert_int_equal(dict_import(src, strlen(src), true, &out, &report), SITREP_OK);
    assert_non_null(strstr(out.data, "Vladimir Putin | Putin => RUSGOV 1999-08-09..2008-05-07, "
                                     "RUSELI\n"));
    assert_non_null(strstr(out.data, "The Kremlin => RUSGOV\n"));
    assert_non_null(strstr(out.data, "Soldier | Soldiers => MIL\n"));
    assert_non_null(strstr(out.data, "Chamber Of Commerce | Chambers Of Commerce => BUS\n"));
    assert_non_null(strstr(out.data, "Congressman | Congressmen => LEG\n")); /* !PERSON! */
    assert_non_null(strstr(report.data, "10: no code (unknown actor) skipped"));
    /* what it writes, we can read */
    problems p = {0};
    dict_builder *b = dict_builder_new(collect, &p);
    diag d;
    assert_int_equal(
        dict_builder_add_text(b, "imp.txt", out.data, out.len, DICT_FILE_PEOPLE, false, &d),
        SITREP_OK);
    dict_free(dict_builder_finish(b));
    buf_release(&out);
    buf_release(&report);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(fold_lowercases_and_unifies_apostrophes),
        cmocka_unit_test(dates_parse_with_period_ends),
        cmocka_unit_test(entries_match_longest_whole_tokens),
        cmocka_unit_test(dated_codes_resolve_by_date_with_fallback),
        cmocka_unit_test(countries_format_gives_names_adjectives_people_capitals),
        cmocka_unit_test(malformed_lines_report_file_line_and_problem),
        cmocka_unit_test(keep_going_reports_every_malformed_line),
        cmocka_unit_test(checks_find_duplicates_conflicts_and_overlaps),
        cmocka_unit_test(checks_compare_names_across_files_but_not_with_roles),
        cmocka_unit_test(file_kinds_follow_names),
        cmocka_unit_test(shipped_dictionaries_load_cleanly),
        cmocka_unit_test(import_converts_petrarch_entries_and_reports_the_rest),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
