/* test_sitrep.c - unit tests for the public API (include/sitrep.h): a context loaded for the
 * sentences output only (sitrep_options.load) needs no data files, codes sentences, and refuses
 * formats that need what it did not load, with a message; the tags depth stops after the
 * tagger. Uses the repository's data/ for the tagger model only.
 */
#include "unit.h"
#include "sitrep.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const char article[] = "The army said on Friday that it had destroyed two drones.\n";

static void text_context_needs_no_data(void **state)
{
    (void)state;
    char dir[] = "/tmp/sitrep-test-api-XXXXXX";
    assert_non_null(mkdtemp(dir));
    /* a verbs/ folder without the CAMEO table: a full load fails, a text load reads nothing */
    char verbs[64];
    snprintf(verbs, sizeof verbs, "%s/verbs", dir);
    assert_int_equal(mkdir(verbs, 0700), 0);
    char err[512] = "";
    sitrep_options full = {.data_dir = dir};
    assert_null(sitrep_context_new(&full, err, sizeof err));
    assert_non_null(strstr(err, "cameo"));
    sitrep_options text = {.data_dir = dir, .load = SITREP_LOAD_TEXT};
    sitrep_context *c = sitrep_context_new(&text, err, sizeof err);
    assert_non_null(c);
    sitrep_coder *coder = sitrep_coder_new(c);
    const char *out;
    size_t len;
    assert_int_equal(sitrep_code_bytes(coder, SITREP_INPUT_TEXT, article, sizeof article - 1,
                                       "a.txt", SITREP_FORMAT_SENTENCES, &out, &len, err,
                                       sizeof err),
                     SITREP_OK);
    assert_non_null(strstr(out, "The army said on Friday"));
    err[0] = 0;
    assert_int_equal(sitrep_code_bytes(coder, SITREP_INPUT_TEXT, article, sizeof article - 1,
                                       "a.txt", SITREP_FORMAT_JSONL, &out, &len, err, sizeof err),
                     SITREP_EUSAGE);
    assert_string_equal(err, "the context was loaded for sentences only");
    assert_int_equal(sitrep_code_bytes(coder, SITREP_INPUT_TEXT, article, sizeof article - 1,
                                       "a.txt", SITREP_FORMAT_TAGS, &out, &len, err, sizeof err),
                     SITREP_EUSAGE);
    sitrep_coder_free(coder);
    sitrep_context_free(c);
    rmdir(verbs);
    rmdir(dir);
}

static const char *data_dir(void)
{
    const char *dir = getenv("SITREP_DATA");
    return dir && *dir ? dir : "data";
}

static void tags_context_tags_and_refuses_events(void **state)
{
    (void)state;
    char err[512] = "";
    sitrep_options tags = {.data_dir = data_dir(), .load = SITREP_LOAD_TAGS};
    sitrep_context *c = sitrep_context_new(&tags, err, sizeof err);
    assert_non_null(c);
    sitrep_coder *coder = sitrep_coder_new(c);
    const char *out;
    size_t len;
    assert_int_equal(sitrep_code_bytes(coder, SITREP_INPUT_TEXT, article, sizeof article - 1,
                                       "a.txt", SITREP_FORMAT_TAGS, &out, &len, err, sizeof err),
                     SITREP_OK);
    assert_non_null(strstr(out, "3\tsaid\t_\tVERB\tVBD\t"));
    assert_int_equal(sitrep_code_bytes(coder, SITREP_INPUT_TEXT, article, sizeof article - 1,
                                       "a.txt", SITREP_FORMAT_EXPLAIN, &out, &len, err, sizeof err),
                     SITREP_EUSAGE);
    assert_string_equal(err, "the context was loaded for sentences and tags only");
    sitrep_coder_free(coder);
    sitrep_context_free(c);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(text_context_needs_no_data),
        cmocka_unit_test(tags_context_tags_and_refuses_events),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
