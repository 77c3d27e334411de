/* test_text.c - unit tests for the text stage: tokens, sentences, NFC normalisation. */
#include "unit.h"

#include "text/text.h"

#include <stdio.h>
#include <string.h>

/* Tokenises s and returns the tokens joined by '|' (kinds are checked separately). */
static const char *tokens_of(arena *a, const char *s, token **out, size_t *n)
{
    static char joined[4096];
    *out = NULL;
    *n = 0;
    assert_int_equal(text_tokenize(a, s, strlen(s), out, n), SITREP_OK);
    size_t len = 0;
    for (size_t i = 0; i < *n; i++) {
        len += (size_t)snprintf(joined + len, sizeof joined - len, "%s%.*s", i ? "|" : "",
                                (int)((*out)[i].end - (*out)[i].start), s + (*out)[i].start);
    }
    joined[len] = '\0';
    return joined;
}

static void check_tokens(const char *input, const char *expected)
{
    arena a;
    arena_init(&a, 1 << 24);
    token *t;
    size_t n;
    const char *got = tokens_of(&a, input, &t, &n);
    if (strcmp(got, expected) != 0)
        fail_msg("tokens of \"%s\":\n  got      %s\n  expected %s", input, got, expected);
    arena_release(&a);
}

static void tokenizer_numbers(void **state)
{
    (void)state;
    check_tokens("around 14,000 troops and 1.5 million shells",
                 "around|14,000|troops|and|1.5|million|shells");
    check_tokens("in the 1990s, 3rd time, $1.2bn, 45%", "in|the|1990s|,|3rd|time|,|$|1.2bn|,|45|%");
    check_tokens("It fell 2,000.50 points.", "It|fell|2,000.50|points|.");
    check_tokens("a -5 reading", "a|-5|reading");
}

static void tokenizer_names_and_clitics(void **state)
{
    (void)state;
    check_tokens("Kim Jong-un's regime", "Kim|Jong|-|un|'s|regime");
    check_tokens("Kim\xE2\x80\x99s regime", "Kim|\xE2\x80\x99s|regime");
    check_tokens("wouldn't, can't, I'm, they're", "would|n't|,|ca|n't|,|I|'m|,|they|'re");
    check_tokens("O'Brien met d'Estaing", "O'Brien|met|d'Estaing");
    check_tokens("co-operation and e-mail", "co-operation|and|e-mail");
    check_tokens("the forces' commander", "the|forces|'|commander");
    check_tokens("a full-scale invasion", "a|full|-|scale|invasion");
}

static void tokenizer_abbreviations(void **state)
{
    (void)state;
    check_tokens("the U.S. and U.N. said", "the|U.S.|and|U.N.|said");
    check_tokens("Lt. Col. J. Smith of No. 10", "Lt.|Col.|J.|Smith|of|No.|10");
    check_tokens("on Jan. 5 at 3 a.m. local", "on|Jan.|5|at|3|a.m.|local");
    check_tokens("ended. Then", "ended|.|Then");
    check_tokens("wait... what\xE2\x80\xA6", "wait|...|what|\xE2\x80\xA6");
}

static void tokenizer_quotes_dashes_urls(void **state)
{
    (void)state;
    check_tokens("He said: \xE2\x80\x9CNo.\xE2\x80\x9D", "He|said|:|\xE2\x80\x9C|No.|\xE2\x80\x9D");
    check_tokens("\"Yes\" \xE2\x80\x93 or \xE2\x80\x94 no -- maybe - fine",
                 "\"|Yes|\"|\xE2\x80\x93|or|\xE2\x80\x94|no|--|maybe|-|fine");
    check_tokens("see https://example.org/a?b=1. Or www.example.com, or @sitrep_news #Kursk",
                 "see|https://example.org/a?b=1|.|Or|www.example.com|,|or|@sitrep_news|#Kursk");
    check_tokens("mail press@example.org now", "mail|press@example.org|now");
}

static void tokenizer_offsets_and_flags(void **state)
{
    (void)state;
    arena a;
    arena_init(&a, 1 << 20);
    const char *s = "NATO said.\n\nRussia\xE2\x80\x99s army";
    token *t;
    size_t n;
    tokens_of(&a, s, &t, &n);
    assert_int_equal(n, 6);
    assert_int_equal(t[0].start, 0);
    assert_int_equal(t[0].end, 4);
    assert_true(t[0].flags & TOKEN_ALL_UPPER);
    assert_true(t[0].flags & TOKEN_PARA_START);
    assert_int_equal(t[1].kind, TOKEN_WORD);
    assert_int_equal(t[2].kind, TOKEN_PUNCT);
    assert_false(t[2].flags & TOKEN_SPACE_BEFORE);
    assert_true(t[3].flags & TOKEN_PARA_START);
    assert_true(t[3].flags & TOKEN_UPPER);
    assert_int_equal(t[4].kind, TOKEN_CLITIC);
    assert_false(t[4].flags & TOKEN_ASCII);
    arena_release(&a);
}

static void tokenizer_survives_junk(void **state)
{
    (void)state;
    arena a;
    arena_init(&a, 1 << 24);
    char junk[4096];
    unsigned x = 12345;
    for (size_t i = 0; i < sizeof junk; i++) {
        x = x * 1103515245u + 12345u;
        junk[i] = (char)(x >> 16);
    }
    size_t n, invalid;
    char *clean = utf8_sanitize(&a, junk, sizeof junk, &n, &invalid);
    token *t = NULL;
    size_t count = 0;
    assert_int_equal(text_tokenize(&a, clean, n, &t, &count), SITREP_OK);
    for (size_t i = 0; i < count; i++) {
        assert_true(t[i].end > t[i].start);
        assert_true(t[i].end <= n);
        if (i)
            assert_true(t[i].start >= t[i - 1].end);
    }
    arena_release(&a);
}

/* Splits s and returns the sentences joined by " || ". */
static void check_sentences(const char *input, const char *expected)
{
    arena a;
    arena_init(&a, 1 << 24);
    token *t = NULL;
    size_t n = 0;
    assert_int_equal(text_tokenize(&a, input, strlen(input), &t, &n), SITREP_OK);
    sentence *s;
    size_t ns;
    assert_int_equal(text_split_sentences(&a, input, t, n, NULL, 0, &s, &ns), SITREP_OK);
    char joined[4096];
    size_t len = 0;
    for (size_t i = 0; i < ns; i++)
        len += (size_t)snprintf(joined + len, sizeof joined - len, "%s%.*s", i ? " || " : "",
                                (int)(s[i].end - s[i].start), input + s[i].start);
    joined[len] = '\0';
    if (strcmp(joined, expected) != 0)
        fail_msg("sentences of \"%s\":\n  got      %s\n  expected %s", input, joined, expected);
    for (size_t i = 0; i < n; i++)
        assert_true(t[i].sentence < ns);
    arena_release(&a);
}

static void sentences_abbreviations_and_titles(void **state)
{
    (void)state;
    check_sentences("Gen. Valery Gerasimov met Lt. Col. Smith. They talked.",
                    "Gen. Valery Gerasimov met Lt. Col. Smith. || They talked.");
    check_sentences("The U.S. Army sent troops. The U.N. objected.",
                    "The U.S. Army sent troops. || The U.N. objected.");
    check_sentences("Troops left the U.S. The talks failed.",
                    "Troops left the U.S. || The talks failed.");
    check_sentences("Mr. Kim arrived on Jan. 5 with J. R. Smith.",
                    "Mr. Kim arrived on Jan. 5 with J. R. Smith.");
    check_sentences("He lives at No. 10 Downing Street.", "He lives at No. 10 Downing Street.");
}

static void sentences_numbers_quotes_brackets(void **state)
{
    (void)state;
    check_sentences("Inflation hit 1.5 percent. Prices rose.",
                    "Inflation hit 1.5 percent. || Prices rose.");
    check_sentences("He said: \xE2\x80\x9CWe will win.\xE2\x80\x9D Then he left.",
                    "He said: \xE2\x80\x9CWe will win.\xE2\x80\x9D || Then he left.");
    check_sentences("\"Why?\" he asked. Nobody knew.", "\"Why?\" he asked. || Nobody knew.");
    check_sentences("The strike (the third this week.) hit Kyiv. Sirens sounded.",
                    "The strike (the third this week.) hit Kyiv. || Sirens sounded.");
    check_sentences("It ended... Then silence.", "It ended... || Then silence.");
    check_sentences("What now?! Nobody knows.", "What now?! || Nobody knows.");
}

static void sentences_paragraphs_and_headlines(void **state)
{
    (void)state;
    check_sentences("Russia strikes Kyiv\n\nMissiles hit the capital overnight.",
                    "Russia strikes Kyiv || Missiles hit the capital overnight.");
    check_sentences("no final stop", "no final stop");
    check_sentences("", "");
}

static void sentences_long_runs_are_cut(void **state)
{
    (void)state;
    arena a;
    arena_init(&a, 1 << 26);
    size_t words = 1000;
    char *s = arena_alloc(&a, words * 6 + 1);
    for (size_t i = 0; i < words; i++)
        memcpy(s + i * 6, "word, ", 6);
    s[words * 6] = '\0';
    token *t = NULL;
    size_t n = 0;
    assert_int_equal(text_tokenize(&a, s, strlen(s), &t, &n), SITREP_OK);
    sentence *sent;
    size_t ns;
    assert_int_equal(text_split_sentences(&a, s, t, n, NULL, 0, &sent, &ns), SITREP_OK);
    assert_true(ns >= n / TEXT_MAX_SENTENCE_TOKENS);
    for (size_t i = 0; i < ns; i++)
        assert_true(sent[i].ntokens <= TEXT_MAX_SENTENCE_TOKENS);
    /* a sentence end followed by a long run of closing marks right at the cap (found by
     * fuzzing): the run is cut too */
    char *t2 = arena_alloc(&a, 299 * 2 + 64);
    size_t len = 0;
    for (size_t i = 0; i < 297; i++) {
        t2[len++] = 'w';
        t2[len++] = ' ';
    }
    memcpy(t2 + len, "end.)))))))))))))))))))))))))))))))))))))))) Next", 47);
    len += 47;
    t = NULL;
    n = 0;
    assert_int_equal(text_tokenize(&a, t2, len, &t, &n), SITREP_OK);
    assert_int_equal(text_split_sentences(&a, t2, t, n, NULL, 0, &sent, &ns), SITREP_OK);
    size_t covered = 0;
    for (size_t i = 0; i < ns; i++) {
        assert_true(sent[i].ntokens <= TEXT_MAX_SENTENCE_TOKENS);
        assert_int_equal(sent[i].first_token, covered);
        covered += sent[i].ntokens;
    }
    assert_int_equal(covered, n);
    arena_release(&a);
}

static void normalize_composes_to_nfc(void **state)
{
    (void)state;
    arena a;
    arena_init(&a, 1 << 20);
    size_t n;
    const char *ascii = "plain ascii";
    assert_ptr_equal(text_normalize(&a, ascii, strlen(ascii), &n), ascii);
    const char *decomposed = "Erdog\xCC\x86"
                             "an"; /* g + combining breve */
    const char *out = text_normalize(&a, decomposed, strlen(decomposed), &n);
    assert_string_equal(out, "Erdo\xC4\x9F"
                             "an");
    assert_int_equal(n, strlen("Erdo\xC4\x9F"
                               "an"));
    const char *composed = "Zelensky\xC3\xBD \xE2\x80\x9Cquote\xE2\x80\x9D";
    assert_ptr_equal(text_normalize(&a, composed, strlen(composed), &n), composed);
    arena_release(&a);
}

/* Analyses text as the pipeline does and asks language_guess about it. */
static bool guess(language_model *m, const char *text, char code[16])
{
    arena a;
    arena_init(&a, 1 << 24);
    document doc = {0};
    ingest_options options = {0};
    assert_int_equal(ingest_text(&a, text, strlen(text), &options, &doc), SITREP_OK);
    text_result result;
    assert_int_equal(text_analyse(&a, &doc, &result), SITREP_OK);
    bool found = language_guess(m, &result, code);
    arena_release(&a);
    return found;
}

static void language_of_articles(void **state)
{
    (void)state;
    static const char english[] =
        "Russian forces shelled the city of Kharkiv overnight, the regional governor said on "
        "Monday, adding that two people had been killed and that rescue teams were still "
        "searching the rubble of a residential building hit by a missile.";
    static const char french[] = "Les forces russes ont bombard\xc3\xa9 la ville de Kharkiv "
                                 "pendant la nuit, a indiqu\xc3\xa9 "
                                 "lundi le gouverneur r\xc3\xa9gional, ajoutant que deux personnes "
                                 "avaient \xc3\xa9t\xc3\xa9 "
                                 "tu\xc3\xa9"
                                 "es et que les secours cherchaient encore dans les d\xc3\xa9"
                                 "combres d'un immeuble "
                                 "r\xc3\xa9sidentiel touch\xc3\xa9"
                                 " par un missile.";
    static const char german[] =
        "Russische Truppen haben die Stadt Charkiw in der Nacht beschossen, sagte der "
        "Gouverneur der Region am Montag. Zwei Menschen wurden get\xc3\xb6tet, und die Rettungskr"
        "\xc3\xa4"
        "fte suchten noch immer in den Tr\xc3\xbcmmern eines Wohnhauses, das von einer "
        "Rakete getroffen wurde.";
    static const char russian[] =
        "\xd0\xa0\xd0\xbe\xd1\x81\xd1\x81\xd0\xb8\xd0\xb9\xd1\x81\xd0\xba\xd0\xb8\xd0\xb5 "
        "\xd0\xb2\xd0\xbe\xd0\xb9\xd1\x81\xd0\xba\xd0\xb0 \xd0\xbe\xd0\xb1\xd1\x81\xd1\x82"
        "\xd1\x80\xd0\xb5\xd0\xbb\xd1\x8f\xd0\xbb\xd0\xb8 \xd0\xb3\xd0\xbe\xd1\x80\xd0\xbe\xd0\xb4 "
        "\xd0\xbd\xd0\xbe\xd1\x87\xd1\x8c\xd1\x8e, \xd1\x81\xd0\xbe\xd0\xbe\xd0\xb1\xd1\x89\xd0\xb8"
        "\xd0\xbb \xd0\xb3\xd1\x83\xd0\xb1\xd0\xb5\xd1\x80\xd0\xbd\xd0\xb0\xd1\x82\xd0\xbe\xd1\x80 "
        "\xd0\xb2 \xd0\xbf\xd0\xbe\xd0\xbd\xd0\xb5\xd0\xb4\xd0\xb5\xd0\xbb\xd1\x8c\xd0\xbd\xd0\xb8"
        "\xd0\xba. \xd0\x94\xd0\xb2\xd0\xb0 "
        "\xd1\x87\xd0\xb5\xd0\xbb\xd0\xbe\xd0\xb2\xd0\xb5\xd0\xba"
        "\xd0\xb0 \xd0\xbf\xd0\xbe\xd0\xb3\xd0\xb8\xd0\xb1\xd0\xbb\xd0\xb8, "
        "\xd1\x81\xd0\xbf\xd0\xb0"
        "\xd1\x81\xd0\xb0\xd1\x82\xd0\xb5\xd0\xbb\xd0\xb8 \xd0\xb8\xd1\x89\xd1\x83\xd1\x82 \xd0\xbb"
        "\xd1\x8e\xd0\xb4\xd0\xb5\xd0\xb9 \xd0\xbf\xd0\xbe\xd0\xb4 \xd0\xb7\xd0\xb0\xd0\xb2\xd0\xb0"
        "\xd0\xbb\xd0\xb0\xd0\xbc\xd0\xb8 \xd0\xb4\xd0\xbe\xd0\xbc\xd0\xb0, "
        "\xd0\xba\xd1\x83\xd0\xb4"
        "\xd0\xb0 \xd0\xbf\xd0\xbe\xd0\xbf\xd0\xb0\xd0\xbb\xd0\xb0 \xd1\x80\xd0\xb0\xd0\xba\xd0\xb5"
        "\xd1\x82\xd0\xb0 \xd0\xb8 \xd1\x80\xd0\xb0\xd0\xb7\xd1\x80\xd1\x83\xd1\x88\xd0\xb8\xd0\xbb"
        "\xd0\xb0 \xd1\x82\xd1\x80\xd0\xb8 \xd1\x8d\xd1\x82\xd0\xb0\xd0\xb6\xd0\xb0 \xd0\xb8 "
        "\xd0\xb4"
        "\xd0\xb2\xd0\xb0 \xd0\xbf\xd0\xbe\xd0\xb4\xd1\x8a\xd0\xb5\xd0\xb7\xd0\xb4\xd0\xb0 \xd1\x81"
        "\xd1\x80\xd0\xb0\xd0\xb7\xd1\x83 \xd0\xbf\xd0\xbe\xd1\x81\xd0\xbb\xd0\xb5 \xd0\xbf\xd0\xbe"
        "\xd0\xbb\xd1\x83\xd0\xbd\xd0\xbe\xd1\x87\xd0\xb8 \xd0\xb2 \xd1\x81\xd0\xb0\xd0\xbc\xd0\xbe"
        "\xd0\xbc \xd1\x86\xd0\xb5\xd0\xbd\xd1\x82\xd1\x80\xd0\xb5 \xd0\xb3\xd0\xbe\xd1\x80\xd0\xbe"
        "\xd0\xb4\xd0\xb0 \xd0\xb8 \xd0\xb5\xd0\xb3\xd0\xbe "
        "\xd0\xbe\xd0\xba\xd1\x80\xd0\xb5\xd1\x81"
        "\xd1\x82\xd0\xbd\xd0\xbe\xd1\x81\xd1\x82\xd0\xb5\xd0\xb9.";
    language_model *m = language_model_new(NULL);
    char code[16];
    assert_false(guess(m, english, code));
    assert_true(guess(m, french, code));
    assert_string_equal(code, "fr");
    assert_string_equal(language_name(code), "French");
    assert_true(guess(m, german, code));
    assert_string_equal(code, "de");
    assert_true(guess(m, russian, code));
    assert_string_equal(code, "ru");
    /* telegraphic English (few function words) that textcat takes for Scots is English */
    static const char headlines[] =
        "Rebels captured the town of Kidal from the Malian army on Sunday.\n\n"
        "Sudanese troops recaptured an air base near Khartoum from the Rapid Support Forces.\n\n"
        "Gunmen opened up with heavy machine guns on a Nigerian army patrol near Maiduguri.\n\n"
        "Militants opened fire with mortars on a Somali army base.\n\n"
        "Insurgents ambushed a Malian military convoy near the Algerian border.\n\n"
        "Kenyan police fought a gun battle with gang members in Port-au-Prince.\n\n"
        "The Indian army repelled an attack by Pakistani troops in Kashmir.\n\n"
        "Israeli soldiers came under fire from Hezbollah fighters near the border.\n\n"
        "A Russian drone struck a bus in Kherson on Tuesday.\n\n"
        "Israeli forces exchanged artillery fire with Hezbollah on Monday.\n\n"
        "Jihadists killed twelve Burkinabe soldiers in an ambush near Djibo.\n";
    assert_false(guess(m, headlines, code));
    /* too short to tell */
    assert_false(guess(m, "Les forces russes ont bombard\xc3\xa9 la ville.", code));
    language_model_free(m);
    /* no models to name it with: still not English, named "und" */
    m = language_model_new("/nonexistent/fpdb.conf");
    assert_true(guess(m, french, code));
    assert_string_equal(code, "und");
    assert_false(guess(m, english, code));
    language_model_free(m);
    assert_true(guess(NULL, german, code));
    assert_string_equal(code, "und");
    assert_null(language_name("xx"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(tokenizer_numbers),
        cmocka_unit_test(tokenizer_names_and_clitics),
        cmocka_unit_test(tokenizer_abbreviations),
        cmocka_unit_test(tokenizer_quotes_dashes_urls),
        cmocka_unit_test(tokenizer_offsets_and_flags),
        cmocka_unit_test(tokenizer_survives_junk),
        cmocka_unit_test(sentences_abbreviations_and_titles),
        cmocka_unit_test(sentences_numbers_quotes_brackets),
        cmocka_unit_test(sentences_paragraphs_and_headlines),
        cmocka_unit_test(sentences_long_runs_are_cut),
        cmocka_unit_test(normalize_composes_to_nfc),
        cmocka_unit_test(language_of_articles),
    };
    return cmocka_run_group_tests_name("text", tests, NULL, NULL);
}
