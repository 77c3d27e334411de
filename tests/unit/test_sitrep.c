/* test_sitrep.c - unit tests for the public API (src/sitrep.c) around data and limits: a data
 * directory without its marker file or actors is refused, what else it lacks is a warning;
 * an article over the memory limit is refused with a message that names the limit; the
 * sentence cap keeps the first sentences with a warning; a result can be taken over. A context
 * loaded for sentences (or tags) only needs no other data and refuses the other formats.
 * Run from the source tree (data/ is the shipped data directory).
 */
#include "unit.h"

#include "pipeline.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char source_data[PATH_MAX];

static int setup(void **state)
{
    (void)state;
    char cwd[PATH_MAX - 16];
    if (!getcwd(cwd, sizeof cwd))
        return -1;
    snprintf(source_data, sizeof source_data, "%s/data", cwd);
    return 0;
}

/* A temporary data directory: the marker when `marker`, actors/ linked to the shipped ones when
 * `actors`, models/ with the shipped tagger when `model`. */
static void make_data(char *dir, bool marker, bool actors, bool model)
{
    strcpy(dir, "/tmp/sitrep-test-data-XXXXXX");
    assert_non_null(mkdtemp(dir));
    char path[PATH_MAX + 64], target[PATH_MAX + 64];
    if (marker) {
        snprintf(path, sizeof path, "%s/sitrep-data.txt", dir);
        FILE *f = fopen(path, "w");
        assert_non_null(f);
        fputs("test data\n", f);
        fclose(f);
    }
    if (actors) {
        snprintf(path, sizeof path, "%s/actors", dir);
        snprintf(target, sizeof target, "%s/actors", source_data);
        assert_int_equal(symlink(target, path), 0);
    }
    if (model) {
        snprintf(path, sizeof path, "%s/models", dir);
        snprintf(target, sizeof target, "%s/models", source_data);
        assert_int_equal(symlink(target, path), 0);
    }
}

static void remove_data(const char *dir)
{
    char command[PATH_MAX + 32];
    snprintf(command, sizeof command, "rm -rf '%s'", dir);
    assert_int_equal(system(command), 0);
}

typedef struct seen {
    int fatal, warnings;
    char last[1200];
} seen;

static void note(void *user, const char *message, int fatal)
{
    seen *s = user;
    if (fatal)
        s->fatal++;
    else
        s->warnings++;
    snprintf(s->last, sizeof s->last, "%s", message);
}

static void data_directory_must_be_one(void **state)
{
    (void)state;
    char dir[64], err[2048];
    /* no marker: refused, whatever else is there */
    make_data(dir, false, true, true);
    sitrep_options options = {.data_dir = dir};
    sitrep_context *c = sitrep_context_new(&options, err, sizeof err);
    assert_null(c);
    assert_non_null(strstr(err, "not a sitrep data directory (it has no sitrep-data.txt)"));
    remove_data(dir);
    /* no actors: refused */
    make_data(dir, true, false, true);
    c = sitrep_context_new(&options, err, sizeof err);
    assert_null(c);
    assert_non_null(strstr(err, "/actors: missing: no actors can be recognised"));
    seen s = {0};
    assert_int_equal(sitrep_data_check(dir, note, &s), 1);
    remove_data(dir);
    /* actors/ with files that hold no entry: refused */
    make_data(dir, true, false, true);
    char path[PATH_MAX];
    snprintf(path, sizeof path, "%s/actors", dir);
    mkdir(path, 0755);
    snprintf(path, sizeof path, "%s/actors/countries.txt", dir);
    FILE *f = fopen(path, "w");
    fputs("# nothing yet\n", f);
    fclose(f);
    c = sitrep_context_new(&options, err, sizeof err);
    assert_null(c);
    assert_non_null(strstr(err, "no actor dictionary entries"));
    remove_data(dir);
}

static void missing_parts_are_warnings(void **state)
{
    (void)state;
    char dir[64], err[2048];
    make_data(dir, true, true, false);
    sitrep_options options = {.data_dir = dir};
    sitrep_context *c = sitrep_context_new(&options, err, sizeof err);
    assert_non_null(c);
    size_t count;
    const char *const *warnings = sitrep_context_warnings(c, &count);
    /* model, verbs, cues, places (the CAMEO table is not needed without verbs) */
    assert_int_equal(count, 4);
    assert_non_null(strstr(warnings[0], "models/tagger.bin: missing: parts of speech"));
    bool verbs = false;
    for (size_t i = 0; i < count; i++)
        verbs = verbs || strstr(warnings[i], "verbs: missing: no event patterns");
    assert_true(verbs);
    sitrep_context_free(c);
    seen s = {0};
    assert_int_equal(sitrep_data_check(dir, note, &s), 0);
    assert_int_equal(s.warnings, 4);
    remove_data(dir);
    /* the shipped data directory lacks nothing */
    s = (seen){0};
    assert_int_equal(sitrep_data_check(source_data, note, &s), 0);
    assert_int_equal(s.warnings, 0);
}

static void article_memory_limit_is_named(void **state)
{
    (void)state;
    char err[2048];
    sitrep_options options = {.data_dir = source_data, .article_memory = (size_t)1 << 20};
    sitrep_context *c = sitrep_context_new(&options, err, sizeof err);
    assert_non_null(c);
    sitrep_coder *coder = sitrep_coder_new(c);
    size_t n = 4 << 20;
    char *text = malloc(n);
    for (size_t i = 0; i < n; i++)
        text[i] = "Troops left. "[i % 13];
    const char *json;
    size_t length;
    assert_int_equal(sitrep_code_bytes(coder, SITREP_INPUT_TEXT, text, n, "big.txt",
                                       SITREP_FORMAT_JSONL, &json, &length, err, sizeof err),
                     SITREP_ELIMIT);
    assert_non_null(strstr(err, "needs more than the 1 MiB of memory allowed per article"));
    /* the coder is still usable, and a result can be taken over */
    assert_int_equal(sitrep_code_bytes(coder, SITREP_INPUT_TEXT, text, 26, "small.txt",
                                       SITREP_FORMAT_JSONL, &json, &length, err, sizeof err),
                     SITREP_OK);
    size_t taken_length;
    char *taken = sitrep_coder_take_result(coder, &taken_length);
    assert_non_null(taken);
    assert_int_equal(taken_length, length);
    assert_non_null(strstr(taken, "\"text\":\"Troops left.\""));
    free(taken);
    assert_null(sitrep_coder_take_result(coder, &taken_length));
    free(text);
    sitrep_coder_free(coder);
    sitrep_context_free(c);
}

/* The arena's peak for one article of `count` copies of the sentence `one`. */
static size_t article_peak(const sitrep_context *c, const char *one, size_t count)
{
    size_t unit = strlen(one), n = unit * count;
    char *text = malloc(n);
    for (size_t i = 0; i < n; i++)
        text[i] = one[i % unit];
    arena a;
    arena_init(&a, (size_t)1 << 30);
    article art;
    diag d;
    diag_clear(&d);
    assert_int_equal(pipeline_run(c, &a, SITREP_INPUT_TEXT, text, n, NULL, PIPELINE_FULL, &art, &d),
                     SITREP_OK);
    assert_int_equal(art.text.nsentences, count);
    size_t peak = a.peak;
    arena_release(&a);
    free(text);
    return peak;
}

/* Memory per sentence stays well under 1 KB: what 4,000 more sentences add to an article,
 * for short sentences and for sentences with actors, an event, a place, a date and an
 * attribution each (before: about 3 KB and 5 KB). */
static void memory_per_sentence(void **state)
{
    (void)state;
    static const struct {
        const char *sentence;
        size_t budget;
    } cases[] = {
        {"Troops left. ", 300},
        {"Russian forces attacked Kharkiv on Monday, officials said. ", 1000},
    };
    char err[2048];
    sitrep_options options = {.data_dir = source_data, .published = "2025-03-03"};
    sitrep_context *c = sitrep_context_new(&options, err, sizeof err);
    assert_non_null(c);
    for (size_t k = 0; k < ARRAY_LEN(cases); k++) {
        size_t small = article_peak(c, cases[k].sentence, 4000);
        size_t large = article_peak(c, cases[k].sentence, 8000);
        size_t per_sentence = (large - small) / 4000;
        print_message("%zu bytes per sentence: '%s'\n", per_sentence, cases[k].sentence);
        assert_true(per_sentence < cases[k].budget);
    }
    sitrep_context_free(c);
}

static void sentence_cap_keeps_the_first(void **state)
{
    (void)state;
    char err[2048];
    sitrep_options options = {.data_dir = source_data};
    sitrep_context *c = sitrep_context_new(&options, err, sizeof err);
    assert_non_null(c);
    sitrep_coder *coder = sitrep_coder_new(c);
    size_t sentences = 25000, n = sentences * 13;
    char *text = malloc(n);
    for (size_t i = 0; i < n; i++)
        text[i] = "Troops left. "[i % 13];
    const char *json;
    size_t length;
    assert_int_equal(sitrep_code_bytes(coder, SITREP_INPUT_TEXT, text, n, "many.txt",
                                       SITREP_FORMAT_SENTENCES, &json, &length, err, sizeof err),
                     SITREP_OK);
    size_t lines = length ? 1 : 0; /* one line per sentence, none ending the output */
    for (size_t i = 0; i < length; i++)
        lines += json[i] == '\n';
    assert_int_equal(lines, 20000);
    assert_int_equal(sitrep_code_bytes(coder, SITREP_INPUT_TEXT, text, n, "many.txt",
                                       SITREP_FORMAT_JSONL, &json, &length, err, sizeof err),
                     SITREP_OK);
    assert_non_null(strstr(json, "sentence limit of 20000 reached; text after byte 259999"));
    free(text);
    sitrep_coder_free(coder);
    sitrep_context_free(c);
}

static const char api_article[] = "The army said on Friday that it had destroyed two drones.\n";

static void text_context_needs_no_data(void **state)
{
    (void)state;
    char dir[] = "/tmp/sitrep-test-api-XXXXXX";
    assert_non_null(mkdtemp(dir));
    /* no marker, no actors, a verbs/ folder without the CAMEO table: a full load fails, a
     * text load reads nothing */
    char verbs[64];
    snprintf(verbs, sizeof verbs, "%s/verbs", dir);
    assert_int_equal(mkdir(verbs, 0700), 0);
    char err[512] = "";
    sitrep_options full = {.data_dir = dir};
    assert_null(sitrep_context_new(&full, err, sizeof err));
    assert_true(err[0] != 0);
    sitrep_options text = {.data_dir = dir, .load = SITREP_LOAD_TEXT};
    sitrep_context *c = sitrep_context_new(&text, err, sizeof err);
    assert_non_null(c);
    sitrep_coder *coder = sitrep_coder_new(c);
    const char *out;
    size_t len;
    assert_int_equal(sitrep_code_bytes(coder, SITREP_INPUT_TEXT, api_article,
                                       sizeof api_article - 1, "a.txt", SITREP_FORMAT_SENTENCES,
                                       &out, &len, err, sizeof err),
                     SITREP_OK);
    assert_non_null(strstr(out, "The army said on Friday"));
    err[0] = 0;
    assert_int_equal(sitrep_code_bytes(coder, SITREP_INPUT_TEXT, api_article,
                                       sizeof api_article - 1, "a.txt", SITREP_FORMAT_JSONL, &out,
                                       &len, err, sizeof err),
                     SITREP_EUSAGE);
    assert_string_equal(err, "the context was loaded for sentences only");
    assert_int_equal(sitrep_code_bytes(coder, SITREP_INPUT_TEXT, api_article,
                                       sizeof api_article - 1, "a.txt", SITREP_FORMAT_TAGS, &out,
                                       &len, err, sizeof err),
                     SITREP_EUSAGE);
    sitrep_coder_free(coder);
    sitrep_context_free(c);
    rmdir(verbs);
    rmdir(dir);
}

static void tags_context_tags_and_refuses_events(void **state)
{
    (void)state;
    char err[512] = "";
    sitrep_options tags = {.data_dir = source_data, .load = SITREP_LOAD_TAGS};
    sitrep_context *c = sitrep_context_new(&tags, err, sizeof err);
    assert_non_null(c);
    sitrep_coder *coder = sitrep_coder_new(c);
    const char *out;
    size_t len;
    assert_int_equal(sitrep_code_bytes(coder, SITREP_INPUT_TEXT, api_article,
                                       sizeof api_article - 1, "a.txt", SITREP_FORMAT_TAGS, &out,
                                       &len, err, sizeof err),
                     SITREP_OK);
    assert_non_null(strstr(out, "3\tsaid\t_\tVERB\tVBD\t"));
    assert_int_equal(sitrep_code_bytes(coder, SITREP_INPUT_TEXT, api_article,
                                       sizeof api_article - 1, "a.txt", SITREP_FORMAT_EXPLAIN, &out,
                                       &len, err, sizeof err),
                     SITREP_EUSAGE);
    assert_string_equal(err, "the context was loaded for sentences and tags only");
    sitrep_coder_free(coder);
    sitrep_context_free(c);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(data_directory_must_be_one),
        cmocka_unit_test(missing_parts_are_warnings),
        cmocka_unit_test(article_memory_limit_is_named),
        cmocka_unit_test(memory_per_sentence),
        cmocka_unit_test(sentence_cap_keeps_the_first),
        cmocka_unit_test(text_context_needs_no_data),
        cmocka_unit_test(tags_context_tags_and_refuses_events),
    };
    return cmocka_run_group_tests_name("sitrep", tests, setup, NULL);
}
