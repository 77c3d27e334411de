/* test_lemma.c - unit tests for lexicon/lemma.c: irregular and regular verb forms, noun
 * plurals, tagged and untagged tokens, and a missing WordNet directory.
 */
#include "unit.h"

#include "lexicon/lexicon.h"
#include "text/text.h"

#include <string.h>

static lemma_table *table;

static int setup(void **state)
{
    (void)state;
    diag d;
    return lemma_load(NULL, &table, &d) == SITREP_OK ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    lemma_free(table);
    return 0;
}

typedef size_t (*lemma_fn)(const lemma_table *, const char *, size_t, char *, size_t);

static void check(lemma_fn fn, const char *word, const char *expected)
{
    char out[LEMMA_MAX_WORD + 1];
    size_t n = fn(table, word, strlen(word), out, sizeof out);
    assert_int_equal(n, strlen(out));
    if (strcmp(out, expected) != 0)
        fail_msg("'%s' -> '%s', expected '%s'", word, out, expected);
}

static void verbs(void **state)
{
    (void)state;
    const char *pairs[][2] = {
        {"said", "say"},
        {"went", "go"},
        {"sent", "send"},
        {"struck", "strike"},
        {"fought", "fight"},
        {"was", "be"},
        {"attacked", "attack"},
        {"attacks", "attack"},
        {"attacking", "attack"},
        {"visited", "visit"},
        {"visiting", "visit"},
        {"stopped", "stop"},
        {"planned", "plan"},
        {"banned", "ban"},
        {"shelled", "shell"},
        {"shelling", "shell"},
        {"hoped", "hope"},
        {"hoping", "hope"},
        {"making", "make"},
        {"used", "use"},
        {"using", "use"},
        {"carried", "carry"},
        {"carries", "carry"},
        {"denied", "deny"},
        {"pushes", "push"},
        {"planes", "plane"}, /* not "plan": -es only after a sibilant or an o */
        {"vetoes", "veto"},
        {"reaches", "reach"},
        {"uses", "use"},
        {"lines", "line"},
        {"fined", "fine"},
        {"ceded", "cede"},
        {"freed", "free"},
        {"signed", "sign"},
        {"Signed", "sign"},
        {"ATTACKED", "attack"},
        {"deployed", "deploy"},
        {"mobilising", "mobilise"},
        {"seized", "seize"},
        {"urged", "urge"},
        {"tied", "tie"},
        {"meeting", "meet"},
        {"bombed", "bomb"},
        {"singing", "sing"},
        {"xyzzied", "xyzzied"},
        {"test-fired", "test-fire"},
        {"re-deployed", "re-deploy"},
        {"kyiv", "kyiv"},
    };
    for (size_t i = 0; i < ARRAY_LEN(pairs); i++)
        check(lemma_verb, pairs[i][0], pairs[i][1]);
}

static void nouns(void **state)
{
    (void)state;
    const char *pairs[][2] = {
        {"attacks", "attack"},  {"strikes", "strike"}, {"casualties", "casualty"},
        {"forces", "force"},    {"troops", "troop"},   {"sanctions", "sanction"},
        {"men", "man"},         {"crises", "crisis"},  {"buses", "bus"},
        {"churches", "church"}, {"talks", "talk"},     {"Drones", "drone"},
        {"strike", "strike"},   {"news", "news"},
    };
    for (size_t i = 0; i < ARRAY_LEN(pairs); i++)
        check(lemma_noun, pairs[i][0], pairs[i][1]);
}

static void by_tag(void **state)
{
    (void)state;
    char out[LEMMA_MAX_WORD + 1];
    lemma_word(table, "killings", 8, UPOS_NONE, out, sizeof out);
    assert_string_equal(out, "killing");
    lemma_word(table, "said", 4, UPOS_NONE, out, sizeof out);
    assert_string_equal(out, "say");
    lemma_word(table, "bases", 5, UPOS_VERB, out, sizeof out);
    assert_string_equal(out, "base");
    lemma_word(table, "The", 3, UPOS_DET, out, sizeof out);
    assert_string_equal(out, "the");
    assert_true(lemma_is_verb(table, "attack", 6));
    assert_true(lemma_is_noun(table, "bombardment", 11));
    assert_false(lemma_is_verb(table, "the", 3));
    char long_word[200];
    memset(long_word, 'a', sizeof long_word);
    size_t n = lemma_verb(table, long_word, sizeof long_word, out, sizeof out);
    assert_true(n < sizeof out);
}

static void missing_directory(void **state)
{
    (void)state;
    lemma_table *t = NULL;
    diag d;
    assert_int_equal(lemma_load("/nonexistent/wordnet", &t, &d), SITREP_ENOTFOUND);
    assert_null(t);
    assert_non_null(strstr(d.path, "/nonexistent/wordnet/"));
    assert_non_null(strstr(d.message, "wordnet-base"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(verbs),
        cmocka_unit_test(nouns),
        cmocka_unit_test(by_tag),
        cmocka_unit_test(missing_directory),
    };
    return cmocka_run_group_tests_name("lemma", tests, setup, teardown);
}
