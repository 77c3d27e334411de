/* test_peer.c - unit tests for the TABARI and PETRARCH dictionary readers
 * (lexicon/peer_verbs.c, lexicon/peer_actors.c): small dictionaries written here in each
 * format are translated, loaded into our pattern set and dictionary, and matched.
 */
#include "unit.h"

#include "lexicon/lexicon.h"
#include "match/match.h"

#include <string.h>

static lemma_table *lemmas;

static int setup(void **state)
{
    (void)state;
    diag d;
    return lemma_load(NULL, &lemmas, &d) == SITREP_OK ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    lemma_free(lemmas);
    return 0;
}

static const char petrarch_verbs[] = "<!-- a comment\n"
                                     "   over two lines -->\n"
                                     "&TIES_\n"
                                     "+MILITARY\n"
                                     "+ECONOMIC TRADE   # a two-word member\n"
                                     "\n"
                                     "--- RESTORE [064] ---\n"
                                     "RESTORE\n"
                                     "RENEW {RENEWS RENEWED}\n"
                                     "KLM_+MEND [002]\n"
                                     "- * &TIES RELATIONS [065]\n"
                                     "- SAID * WITH + [066:067]\n"
                                     "- $ * {FULL TIES} (WITH +) [068]\n"
                                     "- * AWAY [---]\n"
                                     "- * &UNDEFINED [069]\n"
                                     "- % * TOGETHER [070]\n";

typedef struct translated {
    buf classes, patterns, report;
} translated;

static void translate(translated *t, const char *text, peer_format format)
{
    buf_init(&t->classes, 1 << 20);
    buf_init(&t->patterns, 1 << 20);
    buf_init(&t->report, 1 << 20);
    assert_int_equal(peer_verbs_translate(text, strlen(text), format, lemmas, &t->classes,
                                          &t->patterns, &t->report),
                     SITREP_OK);
}

static void release(translated *t)
{
    buf_release(&t->classes);
    buf_release(&t->patterns);
    buf_release(&t->report);
}

static bool has_line(const buf *b, const char *line)
{
    size_t n = strlen(line);
    for (const char *p = b->data; p && (p = strstr(p, line)) != NULL; p++)
        if ((p == b->data || p[-1] == '\n') && (p[n] == '\n' || p[n] == '\0'))
            return true;
    return false;
}

static void petrarch_verbs_translate_to_our_patterns(void **state)
{
    (void)state;
    translated t;
    translate(&t, petrarch_verbs, PEER_PETRARCH);
    assert_true(has_line(&t.classes, "@ties military economic_trade"));
    assert_true(has_line(&t.patterns, "064 *restore|renew|renews|renewed"));
    assert_true(has_line(&t.patterns, "002 klm *mend"));
    assert_true(has_line(&t.patterns, "065 *restore|renew|renews|renewed ... @ties ... relations"));
    assert_true(
        has_line(&t.patterns, "066:067 said ... *restore|renew|renews|renewed ... with $T"));
    /* a slot before the verb is left to the coder; { } is a phrase, ( ) a prepositional one */
    assert_true(
        has_line(&t.patterns, "068 *restore|renew|renews|renewed ... full ties ... with $T"));
    assert_true(has_line(&t.patterns, "DISCARD *restore|renew|renews|renewed ... away"));
    /* "% *": a compound subject acting jointly is coded both ways */
    assert_true(has_line(&t.patterns, "070:070 *restore|renew|renews|renewed ... together"));
    /* what cannot be translated is reported with its line, never guessed */
    assert_non_null(strstr(t.report.data, "15: unknown synset: &UNDEFINED"));
    assert_false(strstr(t.patterns.data, "069"));
    /* patterns keep their source line: "- * &TIES RELATIONS" is line 11 */
    int line = 1;
    const char *p = t.patterns.data;
    for (; *p && strncmp(p, "065 ", 4) != 0; p = strchr(p, '\n') + 1)
        line++;
    assert_int_equal(line, 11);
    release(&t);
}

static void tabari_verbs_translate_to_our_patterns(void **state)
{
    (void)state;
    const char *text = "<SYNSETS>\n"
                       "&TIES\n"
                       "+MILITARY\n"
                       "</SYNSETS>\n"
                       "<TIME>\n"
                       "YESTERDAY [-1]\n"
                       "</TIME>\n"
                       "RESTORE  [064] ;pas 15 Jul 2003\n"
                       "{ RESTORED_ RESTORING }\n"
                       "- * { FULL | PARTIAL } &TIES TIES [065]\n"
                       "- ^ * IN_ + [066]\n"
                       "SOCCER [###]\n"
                       "BLAST [+++]\n"
                       "CONDEM [122]\n"   /* a stem: the verbs it begins */
                       "CONDEM_ [123]\n"; /* '_' ends the word: as written */
    translated t;
    translate(&t, text, PEER_TABARI);
    assert_true(has_line(&t.patterns, "064 *restore|restored|restoring"));
    assert_true(has_line(&t.patterns,
                         "065 *restore|restored|restoring ... full|partial ... @ties ... ties"));
    assert_true(has_line(&t.patterns, "066 *restore|restored|restoring ... in $T"));
    assert_true(has_line(&t.patterns, "SKIP *soccer")); /* ### : do not code the sentence */
    assert_null(strstr(t.patterns.data, "yesterday"));  /* <TIME> is not a verb */
    assert_non_null(strstr(t.report.data, "13: verb code not translated: BLAST"));
    assert_true(has_line(&t.patterns, "122 *condem|condemn"));
    assert_true(has_line(&t.patterns, "123 *condem"));
    release(&t);
}

static void discards_become_sentence_skips(void **state)
{
    (void)state;
    const char *text = "# story-level with '+'\nMONTHS LATER\n+World Cup   # pas\n";
    buf patterns;
    buf_init(&patterns, 1 << 20);
    assert_int_equal(peer_discards_translate(text, strlen(text), &patterns, NULL), SITREP_OK);
    assert_true(has_line(&patterns, "SKIP months later"));
    assert_true(has_line(&patterns, "SKIP world cup"));
    buf_release(&patterns);
}

/* Matches text against the translated set; returns the first non-discard match's code. */
static const char *first_code(const pattern_set *set, const char *text, arena *a, int *target,
                              const char **pair)
{
    token *tokens = NULL;
    size_t ntokens = 0;
    slice *lem;
    assert_int_equal(text_tokenize(a, text, strlen(text), &tokens, &ntokens), SITREP_OK);
    assert_int_equal(verbmatch_lemmatize(lemmas, a, text, tokens, ntokens, &lem), SITREP_OK);
    verbmatch m[VERBMATCH_MAX];
    size_t n = verbmatch_sentence(set, text, tokens, ntokens, lem, m, VERBMATCH_MAX);
    for (size_t i = 0; i < n && i < VERBMATCH_MAX; i++)
        if (!m[i].rule->discard) {
            if (target)
                *target = m[i].slot[PATTERN_TARGET];
            if (pair)
                *pair = m[i].rule->pair;
            return m[i].rule->code;
        }
    return NULL;
}

static void translated_patterns_match_sentences(void **state)
{
    (void)state;
    translated t;
    translate(&t, petrarch_verbs, PEER_PETRARCH);
    buf skips;
    buf_init(&skips, 1 << 20);
    const char *discards = "SOCCER MATCH\n";
    assert_int_equal(peer_discards_translate(discards, strlen(discards), &skips, NULL), SITREP_OK);
    assert_int_equal(buf_append(&t.patterns, skips.data, skips.len), SITREP_OK);
    pattern_set *set;
    diag d;
    assert_int_equal(pattern_set_parse_free("v.txt", t.patterns.data, t.patterns.len,
                                            t.classes.data, t.classes.len, &set, &d),
                     SITREP_OK);
    arena a;
    arena_init(&a, 1 << 20);
    int target = -1;
    const char *pair = NULL;
    assert_string_equal(
        first_code(set, "Arnor restored economic trade relations .", &a, NULL, NULL), "065");
    assert_string_equal(first_code(set, "Arnor renewed ties .", &a, NULL, NULL), "064");
    assert_string_equal(
        first_code(set, "Officials said Arnor renews its pact with Gondor .", &a, &target, &pair),
        "066");
    assert_string_equal(pair, "067");
    assert_int_equal(target, 7); /* Gondor */
    /* [---] is a discard; a SKIP phrase anywhere silences the sentence */
    assert_null(first_code(set, "Arnor restored order and went away .", &a, NULL, NULL));
    assert_null(first_code(set, "Arnor restored ties after the soccer match .", &a, NULL, NULL));
    arena_release(&a);
    pattern_set_free(set);
    buf_release(&skips);
    release(&t);
}

static void our_pattern_language_takes_paired_codes_and_skips(void **state)
{
    (void)state;
    cameo_table *codes;
    diag d;
    assert_int_equal(cameo_load("data/cameo", &codes, &d), SITREP_OK);
    const char *good = "042:043 visit $T\nSKIP football match\n";
    pattern_set *set;
    assert_int_equal(pattern_set_parse("p.txt", good, strlen(good), NULL, 0, codes, &set, &d),
                     SITREP_OK);
    assert_string_equal(pattern_set_at(set, 0)->pair, "043");
    assert_true(pattern_set_at(set, 1)->skip && pattern_set_at(set, 1)->discard);
    pattern_set_free(set);
    const char *bad = "042:999 visit $T\n";
    assert_int_equal(pattern_set_parse("p.txt", bad, strlen(bad), NULL, 0, codes, &set, &d),
                     SITREP_EPARSE);
    assert_non_null(strstr(d.message, "unknown CAMEO code '042:999'"));
    /* free codes are for peer dictionaries only */
    const char *free_code = "075A accord\n";
    assert_int_equal(
        pattern_set_parse("p.txt", free_code, strlen(free_code), NULL, 0, codes, &set, &d),
        SITREP_EPARSE);
    assert_int_equal(
        pattern_set_parse_free("p.txt", free_code, strlen(free_code), NULL, 0, &set, &d),
        SITREP_OK);
    assert_string_equal(pattern_set_at(set, 0)->code, "075A");
    pattern_set_free(set);
    cameo_free(codes);
}

static const char *lookup(const dict *dt, const char *phrase, int32_t date)
{
    /* one-token phrases only: the trie child of the root */
    uint32_t id = vocab_lookup(dict_vocab(dt), phrase, strlen(phrase));
    if (id == VOCAB_NONE)
        return NULL;
    uint32_t node = trie_child(dict_trie(dt), 0, id);
    size_t n;
    const dict_value *v = node ? dict_node_values(dt, node, &n) : NULL;
    if (!v)
        return NULL;
    bool dated;
    return dict_entry_code(dt, dict_entry_get(dt, v->entry), date, &dated);
}

static void tabari_stems_match_the_words_they_begin(void **state)
{
    (void)state;
    const char *actors = "ERIADOR [ERI]\nGONDOR_ [GON]\nUN [IGOUNO]\n";
    dict_builder *b = dict_builder_new(NULL, NULL);
    diag d;
    assert_int_equal(
        peer_dict_add_text(b, "t.actors", actors, strlen(actors), PEER_TABARI, false, NULL, &d),
        SITREP_OK);
    dict *dt = dict_builder_finish(b);
    const char *words[] = {"eriadori", "eriadorian", "eriador", "gondorian", "eri", "unity"};
    const bool known[] = {true, true, true, false, false, false};
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++) {
        uint32_t id = dict_token_id(dt, words[i], strlen(words[i]));
        if ((id != VOCAB_NONE) != known[i])
            fail_msg("'%s' %s", words[i], known[i] ? "not matched" : "matched");
    }
    assert_int_equal(dict_token_id(dt, "eriadori", 8), dict_token_id(dt, "eriador", 7));
    dict_free(dt);
    /* the same dictionary read as PETRARCH has no stems */
    b = dict_builder_new(NULL, NULL);
    assert_int_equal(
        peer_dict_add_text(b, "p.actors", actors, strlen(actors), PEER_PETRARCH, false, NULL, &d),
        SITREP_OK);
    dt = dict_builder_finish(b);
    assert_int_equal(dict_token_id(dt, "eriadori", 8), VOCAB_NONE);
    dict_free(dt);
}

static void peer_actors_and_agents_load_into_our_dictionary(void **state)
{
    (void)state;
    const char *actors = "<!-- PETRARCH-style comment -->\n"
                         "ARNOR_ [ARN]\n"
                         "+ARNORIAN\n"
                         "ELESSAR [ARNGOV 950101-991231] [ARNELI]\n"
                         "elves [elf]\n"
                         "BOROMIR [---]\n";
    const char *agents = "!PERSON! = MAN, MEN\n"
                         "CONGRESS!PERSON! [~LEG]\n"
                         "AMBASSADOR [~GOV]\n"
                         "FOREIGN_MINISTER {FOREIGN_MINISTERS} [~GOVFRM]\n";
    dict_builder *b = dict_builder_new(NULL, NULL);
    diag d;
    buf report;
    buf_init(&report, 1 << 20);
    assert_int_equal(
        peer_dict_add_text(b, "a.txt", actors, strlen(actors), PEER_PETRARCH, false, &report, &d),
        SITREP_OK);
    assert_int_equal(
        peer_dict_add_text(b, "g.txt", agents, strlen(agents), PEER_PETRARCH, true, &report, &d),
        SITREP_OK);
    dict *dt = dict_builder_finish(b);
    assert_string_equal(lookup(dt, "Arnorian", 0), "ARN");
    assert_string_equal(lookup(dt, "Elessar", 19960101), "ARNGOV"); /* date-restricted */
    assert_string_equal(lookup(dt, "Elessar", 20050101), "ARNELI");
    assert_string_equal(lookup(dt, "elves", 0), "ELF"); /* PETRARCH codes in any case */
    assert_null(lookup(dt, "Boromir", 0));              /* [---]: no code, reported */
    assert_non_null(strstr(report.data, "no code"));
    assert_string_equal(lookup(dt, "ambassadors", 0), "GOV"); /* regular plural made */
    assert_string_equal(lookup(dt, "congressmen", 0), "LEG"); /* !PERSON! substituted */
    assert_null(lookup(dt, "congressmens", 0));               /* the macro gives the forms */
    /* peer actors combine with agents as countries do ("Arnor's ambassador" -> ARNGOV) */
    assert_true(dict_is_country(dt, "ARN"));
    assert_true(dict_is_country(dt, "ELF"));
    dict_free(dt);
    buf_release(&report);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(petrarch_verbs_translate_to_our_patterns),
        cmocka_unit_test(tabari_verbs_translate_to_our_patterns),
        cmocka_unit_test(discards_become_sentence_skips),
        cmocka_unit_test(translated_patterns_match_sentences),
        cmocka_unit_test(our_pattern_language_takes_paired_codes_and_skips),
        cmocka_unit_test(tabari_stems_match_the_words_they_begin),
        cmocka_unit_test(peer_actors_and_agents_load_into_our_dictionary),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
