/* test_parser.c - unit tests for the dependency parser: relation names, a tiny model trained
 * here on a toy treebank (it must learn it, the same data and seed must give the same bytes),
 * the shape of every parse (one root, no cycle, projective) on random input, the model
 * format's error checks and CoNLL-U rewriting. Needs nothing outside the repository.
 */
#include "unit.h"
#include "syntax/syntax.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* A toy treebank: words, UPOS:XPOS tags, heads and relations. */
static const char *const toy[][4] = {
    {"the dog runs .", "DET:DT NOUN:NN VERB:VBZ PUNCT:.", "2 3 0 3", "det nsubj root punct"},
    {"a cat sleeps .", "DET:DT NOUN:NN VERB:VBZ PUNCT:.", "2 3 0 3", "det nsubj root punct"},
    {"the big dog sees a cat .", "DET:DT ADJ:JJ NOUN:NN VERB:VBZ DET:DT NOUN:NN PUNCT:.",
     "3 3 4 0 6 4 4", "det amod nsubj root det obj punct"},
    {"Kim saw the dog in the park .",
     "PROPN:NNP VERB:VBD DET:DT NOUN:NN ADP:IN DET:DT NOUN:NN PUNCT:.", "2 0 4 2 7 7 2 2",
     "nsubj root det obj case det obl punct"},
    {"the city was attacked by troops .", "DET:DT NOUN:NN AUX:VBD VERB:VBN ADP:IN NOUN:NNS PUNCT:.",
     "2 4 4 0 6 4 4", "det nsubj:pass aux:pass root case obl:agent punct"},
    {"dogs and cats run .", "NOUN:NNS CCONJ:CC NOUN:NNS VERB:VBP PUNCT:.", "4 3 1 0 4",
     "nsubj cc conj root punct"},
    {"Kim , a leader , spoke .", "PROPN:NNP PUNCT:, DET:DT NOUN:NN PUNCT:, VERB:VBD PUNCT:.",
     "6 4 4 1 4 0 6", "nsubj punct det appos punct root punct"},
    {"the man who saw Kim left .", "DET:DT NOUN:NN PRON:WP VERB:VBD PROPN:NNP VERB:VBD PUNCT:.",
     "2 6 4 2 4 0 6", "det nsubj nsubj acl:relcl obj root punct"},
};

static char tmpdir[] = "/tmp/sitrep-test-parser-XXXXXX";

static char *path_in_tmp(const char *name)
{
    static char paths[4][600];
    static int next;
    char *p = paths[next++ % 4];
    snprintf(p, 600, "%s/%s", tmpdir, name);
    return p;
}

static void write_file(const char *path, const char *data, size_t length)
{
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(data, 1, length, f), length);
    assert_int_equal(fclose(f), 0);
}

/* Splits s at spaces into at most max pieces (in place); returns how many. */
static size_t split(char *s, char **out, size_t max)
{
    size_t n = 0;
    char *save;
    for (char *w = strtok_r(s, " ", &save); w && n < max; w = strtok_r(NULL, " ", &save))
        out[n++] = w;
    return n;
}

/* Writes the toy treebank (each sentence `copies` times) as CoNLL-U into b. */
static void toy_conllu(buf *b, int copies)
{
    for (int c = 0; c < copies; c++)
        for (size_t s = 0; s < ARRAY_LEN(toy); s++) {
            assert_int_equal(
                buf_printf(b, "# sent_id = toy-%d-%zu\n# text = %s\n", c, s, toy[s][0]), SITREP_OK);
            char text[4][256];
            char *field[4][32];
            size_t n[4];
            for (int k = 0; k < 4; k++) {
                snprintf(text[k], sizeof text[k], "%s", toy[s][k]);
                n[k] = split(text[k], field[k], 32);
            }
            assert_int_equal(n[1], n[0]);
            assert_int_equal(n[2], n[0]);
            assert_int_equal(n[3], n[0]);
            for (size_t i = 0; i < n[0]; i++) {
                char *colon = strchr(field[1][i], ':');
                *colon = 0;
                assert_int_equal(buf_printf(b, "%zu\t%s\t_\t%s\t%s\t_\t%s\t%s\t_\t_\n", i + 1,
                                            field[0][i], field[1][i], colon + 1, field[2][i],
                                            field[3][i]),
                                 SITREP_OK);
            }
            assert_int_equal(buf_append_char(b, '\n'), SITREP_OK);
        }
}

/* Trains on the toy treebank with `seed` and a beam of `beam` (1: greedy), with max-violation
 * updates when `max_violation` and moves and relations scored together when `joint`; the
 * model bytes go to *model (caller releases). */
static void train_toy_joint(buf *model, uint64_t seed, unsigned beam, bool max_violation,
                            bool joint, parser_train_report *report)
{
    buf text;
    buf_init(&text, 0);
    toy_conllu(&text, 3);
    const char *path = path_in_tmp("toy.conllu");
    write_file(path, text.data, text.len);
    buf_release(&text);
    buf_init(model, PARSER_FILE_MAX);
    parser_train_options options = {
        .epochs = 10, .seed = seed, .explore_from = 2, .explore_rate = 0.9, .min_word_count = 1};
    options.beam = beam;
    options.max_violation = max_violation;
    options.joint = joint;
    diag d;
    diag_clear(&d);
    assert_int_equal(parser_train(path, path, &options, model, report, &d), SITREP_OK);
    assert_int_equal(report->train_sentences, 3 * ARRAY_LEN(toy));
    assert_int_equal(report->info.beam, beam);
}

static void train_toy_options(buf *model, uint64_t seed, unsigned beam, bool max_violation,
                              parser_train_report *report)
{
    train_toy_joint(model, seed, beam, max_violation, false, report);
}

static void train_toy_beam(buf *model, uint64_t seed, unsigned beam, parser_train_report *report)
{
    train_toy_options(model, seed, beam, false, report);
}

static void train_toy(buf *model, uint64_t seed, parser_train_report *report)
{
    train_toy_beam(model, seed, 1, report);
}

static parser *load_toy(uint64_t seed)
{
    buf bytes;
    parser_train_report report;
    train_toy(&bytes, seed, &report);
    diag d;
    diag_clear(&d);
    parser *m = parser_load_bytes(bytes.data, bytes.len, "toy", &d);
    assert_non_null(m);
    buf_release(&bytes);
    return m;
}

/* Parses a toy-style sentence given as "word/UPOS/XPOS ..." into heads and relations. */
static size_t parse_line(const parser *m, const char *line, uint16_t *head, uint8_t *rel)
{
    static char copy[1024];
    snprintf(copy, sizeof copy, "%s", line);
    char *piece[64];
    size_t n = split(copy, piece, 64);
    parser_word words[64];
    for (size_t i = 0; i < n; i++) {
        char *a = strchr(piece[i], '/');
        char *b = strchr(a + 1, '/');
        *a = *b = 0;
        words[i].form = slice_from_cstr(piece[i]);
        words[i].upos = (uint8_t)upos_from_name(a + 1, strlen(a + 1));
        words[i].xpos = slice_from_cstr(b + 1);
    }
    parser_parse_words(m, words, n, head, rel);
    return n;
}

/* Every parse is one tree: a single root, heads in range, no cycle, no crossing arcs, and a
 * relation on every word (root exactly on the root). */
static void assert_tree(const uint16_t *head, const uint8_t *rel, size_t n)
{
    size_t roots = 0;
    for (size_t i = 0; i < n; i++) {
        assert_true(head[i] <= n);
        assert_true(head[i] != i + 1);
        assert_true(rel[i] > DEP_NONE && rel[i] < DEP_COUNT);
        assert_int_equal(head[i] == 0, rel[i] == DEP_ROOT);
        roots += head[i] == 0;
        size_t k = i + 1, steps = 0;
        while (k != 0 && steps++ <= n)
            k = head[k - 1];
        assert_int_equal(k, 0);
    }
    assert_int_equal(roots, 1);
    for (size_t i = 0; i < n; i++) {
        size_t a = i + 1, h = head[i] ? head[i] : n + 1;
        size_t lo = a < h ? a : h, hi = a < h ? h : a;
        for (size_t j = 0; j < n; j++) {
            size_t b = j + 1, g = head[j] ? head[j] : n + 1;
            size_t lo2 = b < g ? b : g, hi2 = b < g ? g : b;
            /* arcs nest or are apart, never cross */
            assert_false(lo < lo2 && lo2 < hi && hi < hi2);
        }
    }
}

static void relation_names_round_trip(void **state)
{
    (void)state;
    for (unsigned r = 1; r < DEP_COUNT; r++) {
        const char *name = dep_relation_name(r);
        assert_int_equal(dep_relation_from_name(name, strlen(name)), r);
    }
    assert_string_equal(dep_relation_name(DEP_NSUBJ_PASS), "nsubj:pass");
    assert_string_equal(dep_relation_name(DEP_OBL_AGENT), "obl:agent");
    assert_string_equal(dep_relation_name(DEP_ACL_RELCL), "acl:relcl");
    assert_string_equal(dep_relation_name(DEP_NONE), "_");
    assert_string_equal(dep_relation_name(DEP_COUNT), "_");
    assert_string_equal(dep_relation_name(200), "_");
    /* an unknown subtype reads as its universal relation */
    assert_int_equal(dep_relation_from_name("obl:in", 6), DEP_OBL);
    assert_int_equal(dep_relation_from_name("nmod:of", 7), DEP_NMOD);
    assert_int_equal(dep_relation_from_name("banana", 6), DEP_NONE);
    assert_int_equal(dep_relation_from_name("", 0), DEP_NONE);
    assert_true(DEP_COUNT <= 64);
}

static void parser_learns_toy_treebank(void **state)
{
    (void)state;
    buf bytes;
    parser_train_report report;
    train_toy(&bytes, 1, &report);
    assert_true(report.dev_uas > 0.95);
    assert_true(report.dev_las > 0.9);
    buf_release(&bytes);

    parser *m = load_toy(1);
    uint16_t head[64];
    uint8_t rel[64];
    size_t n = parse_line(m,
                          "the/DET/DT city/NOUN/NN was/AUX/VBD attacked/VERB/VBN by/ADP/IN "
                          "troops/NOUN/NNS ./PUNCT/.",
                          head, rel);
    assert_tree(head, rel, n);
    assert_int_equal(head[3], 0); /* attacked */
    assert_int_equal(rel[1], DEP_NSUBJ_PASS);
    assert_int_equal(rel[5], DEP_OBL_AGENT);
    n = parse_line(m, "the/DET/DT dog/NOUN/NN runs/VERB/VBZ ./PUNCT/.", head, rel);
    assert_tree(head, rel, n);
    assert_int_equal(head[0], 2);
    assert_int_equal(head[1], 3);
    assert_int_equal(head[2], 0);
    assert_int_equal(rel[1], DEP_NSUBJ);
    parser_info info;
    parser_get_info(m, &info);
    assert_true(info.move_features > 0);
    assert_true(info.relations >= 10);
    parser_free(m);
}

static void parser_training_is_reproducible(void **state)
{
    (void)state;
    buf a, b;
    parser_train_report report;
    train_toy(&a, 7, &report);
    train_toy(&b, 7, &report);
    assert_int_equal(a.len, b.len);
    assert_memory_equal(a.data, b.data, a.len);
    buf_release(&a);
    buf_release(&b);
}

/* Max-violation updates (the gold parse followed past the beam's end) learn the toy treebank
 * too, reproducibly, and make another model than early updates do. */
static void max_violation_parser_learns_toy_treebank(void **state)
{
    (void)state;
    buf a, b, early;
    parser_train_report report;
    train_toy_options(&a, 5, 4, true, &report);
    assert_true(report.dev_uas > 0.95);
    assert_true(report.dev_las > 0.9);
    train_toy_options(&b, 5, 4, true, &report);
    assert_int_equal(a.len, b.len);
    assert_memory_equal(a.data, b.data, a.len);
    train_toy_options(&early, 5, 4, false, &report);
    assert_true(early.len != a.len || memcmp(early.data, a.data, a.len) != 0);
    diag d;
    diag_clear(&d);
    parser *m = parser_load_bytes(a.data, a.len, "mv.bin", &d);
    assert_non_null(m);
    uint16_t head[64];
    uint8_t rel[64];
    size_t n = parse_line(m,
                          "the/DET/DT city/NOUN/NN was/AUX/VBD attacked/VERB/VBN by/ADP/IN "
                          "troops/NOUN/NNS ./PUNCT/.",
                          head, rel);
    assert_tree(head, rel, n);
    assert_int_equal(head[3], 0);
    assert_int_equal(rel[1], DEP_NSUBJ_PASS);
    assert_int_equal(rel[5], DEP_OBL_AGENT);
    parser_free(m);
    buf_release(&a);
    buf_release(&b);
    buf_release(&early);
}

static void parses_are_trees(void **state)
{
    (void)state;
    parser *m = load_toy(1);
    static const char *const vocab[] = {"the", "dog", "runs", ".",   "Kim", ",",
                                        "by",  "who", "cat",  "and", "saw", "unknownword"};
    static const char *const tags[][2] = {
        {"DET", "DT"}, {"NOUN", "NN"}, {"VERB", "VBZ"}, {"PUNCT", "."}, {"PROPN", "NNP"},
        {"ADP", "IN"}, {"PRON", "WP"}, {"CCONJ", "CC"}, {"AUX", "VBD"}, {"X", "FW"}};
    enum { MAX = 700 };
    parser_word *words = calloc(MAX, sizeof *words);
    uint16_t *head = calloc(MAX, sizeof *head);
    uint8_t *rel = calloc(MAX, 1);
    uint64_t rng = 42;
    /* lengths 1..40 many times, and long runs past the on-stack limit (320) */
    for (int round = 0; round < 400; round++) {
        size_t n = round < 380 ? 1 + (size_t)(round % 40) : 300 + (size_t)(round - 380) * 20;
        for (size_t i = 0; i < n; i++) {
            rng = rng * 6364136223846793005ULL + 1442695040888963407ULL;
            unsigned w = (unsigned)(rng >> 33) % ARRAY_LEN(vocab);
            unsigned t = (unsigned)(rng >> 45) % ARRAY_LEN(tags);
            words[i].form = slice_from_cstr(vocab[w]);
            words[i].upos = (uint8_t)upos_from_name(tags[t][0], strlen(tags[t][0]));
            words[i].xpos = slice_from_cstr(tags[t][1]);
        }
        memset(head, 0xFF, MAX * sizeof *head);
        parser_parse_words(m, words, n, head, rel);
        assert_tree(head, rel, n);
    }
    /* nothing to parse, or too much: the arrays are left alone */
    head[0] = 77;
    parser_parse_words(m, words, 0, head, rel);
    assert_int_equal(head[0], 77);
    free(words);
    free(head);
    free(rel);
    parser_free(m);
}

static void expect_load_error(const char *data, size_t length, const char *needle)
{
    diag d;
    diag_clear(&d);
    parser *m = parser_load_bytes(data, length, "bad.bin", &d);
    assert_null(m);
    char message[1200];
    diag_format(&d, message, sizeof message);
    if (!strstr(message, needle) || !strstr(message, "bad.bin"))
        fail_msg("expected '%s' in '%s'", needle, message);
}

static void fix_crc(char *data, size_t length)
{
    uint32_t crc = hash_crc32(data, length - 4, 0);
    for (int i = 0; i < 4; i++)
        data[length - 4 + (size_t)i] = (char)(crc >> (8 * i));
}

static void parser_rejects_bad_model_files(void **state)
{
    (void)state;
    buf model;
    parser_train_report report;
    train_toy(&model, 1, &report);
    char *copy = malloc(model.len + 1);
    expect_load_error("", 0, "bad magic");
    expect_load_error("SRTAGGER\003\000\000\000", 12, "bad magic");
    expect_load_error(model.data, 8, "truncated");
    expect_load_error(model.data, 40, "truncated");
    expect_load_error(model.data, model.len - 1, "truncated");
    expect_load_error(model.data, model.len / 2, "truncated");
    /* another version */
    memcpy(copy, model.data, model.len);
    copy[8] = 9;
    expect_load_error(copy, model.len, "version 9, expected 2");
    /* a model of the previous format (version 1: no joint scoring flag) is told to retrain */
    copy[8] = 1;
    expect_load_error(copy, model.len, "version 1, expected 2 (retrain");
    /* a flipped byte in the tables */
    memcpy(copy, model.data, model.len);
    copy[model.len / 2] ^= 0x40;
    expect_load_error(copy, model.len, "checksum mismatch");
    /* a byte too many */
    memcpy(copy, model.data, model.len);
    copy[model.len] = 0;
    expect_load_error(copy, model.len + 1, "corrupt model");
    /* counts out of range (checksum fixed so the header check is what fails) */
    memcpy(copy, model.data, model.len);
    copy[16] = 3; /* a bucket count that is not a power of two */
    fix_crc(copy, model.len);
    expect_load_error(copy, model.len, "corrupt model header");
    memcpy(copy, model.data, model.len);
    copy[12] = 99; /* feature set */
    fix_crc(copy, model.len);
    expect_load_error(copy, model.len, "feature set 99");
    /* the untouched model loads, from a file too */
    diag d;
    diag_clear(&d);
    parser *m = parser_load_bytes(model.data, model.len, "good.bin", &d);
    assert_non_null(m);
    parser_free(m);
    const char *path = path_in_tmp("good.bin");
    write_file(path, model.data, model.len);
    m = parser_load(path, &d);
    assert_non_null(m);
    parser_free(m);
    diag_clear(&d);
    assert_null(parser_load(path_in_tmp("missing.bin"), &d));
    assert_non_null(strstr(d.path, "missing.bin"));
    free(copy);
    buf_release(&model);
}

/* Moves and relations scored together (--joint): the toy treebank is learnt, reproducibly,
 * into another model than the factored one; the file says so (an unknown flag is refused),
 * and the model parses with any beam width, one included. */
static void joint_parser_learns_toy_treebank(void **state)
{
    (void)state;
    buf a, b, factored;
    parser_train_report report;
    train_toy_joint(&a, 5, 4, true, true, &report);
    assert_true(report.dev_uas > 0.95);
    assert_true(report.dev_las > 0.9);
    train_toy_joint(&b, 5, 4, true, true, &report);
    assert_int_equal(a.len, b.len);
    assert_memory_equal(a.data, b.data, a.len);
    train_toy_options(&factored, 5, 4, true, &report);
    assert_true(factored.len != a.len || memcmp(factored.data, a.data, a.len) != 0);
    assert_int_equal((unsigned char)a.data[62], PARSER_FLAG_JOINT);
    assert_int_equal((unsigned char)factored.data[62], 0);
    diag d;
    diag_clear(&d);
    parser *m = parser_load_bytes(a.data, a.len, "joint.bin", &d);
    assert_non_null(m);
    uint16_t head[64];
    uint8_t rel[64];
    for (unsigned width = 1; width <= 4; width += 3) {
        parser_set_beam(m, width);
        size_t n = parse_line(m,
                              "the/DET/DT city/NOUN/NN was/AUX/VBD attacked/VERB/VBN by/ADP/IN "
                              "troops/NOUN/NNS ./PUNCT/.",
                              head, rel);
        assert_tree(head, rel, n);
        assert_int_equal(head[3], 0);
        assert_int_equal(rel[1], DEP_NSUBJ_PASS);
        assert_int_equal(rel[5], DEP_OBL_AGENT);
    }
    parser_free(m);
    char *copy = malloc(a.len);
    memcpy(copy, a.data, a.len);
    copy[62] = 2; /* a flag this version does not know */
    fix_crc(copy, a.len);
    expect_load_error(copy, a.len, "corrupt model header");
    free(copy);
    buf_release(&a);
    buf_release(&b);
    buf_release(&factored);
}

/* A model trained with a beam learns the toy treebank as well, parses with its beam (the
 * width is in the file), and is reproducible. */
static void beam_parser_learns_toy_treebank(void **state)
{
    (void)state;
    buf a, b;
    parser_train_report report;
    train_toy_beam(&a, 3, 4, &report);
    assert_true(report.dev_uas > 0.95);
    assert_true(report.dev_las > 0.9);
    train_toy_beam(&b, 3, 4, &report);
    assert_int_equal(a.len, b.len);
    assert_memory_equal(a.data, b.data, a.len);
    diag d;
    diag_clear(&d);
    parser *m = parser_load_bytes(a.data, a.len, "beam.bin", &d);
    assert_non_null(m);
    parser_info info;
    parser_get_info(m, &info);
    assert_int_equal(info.beam, 4);
    uint16_t head[64];
    uint8_t rel[64];
    size_t n = parse_line(m,
                          "the/DET/DT city/NOUN/NN was/AUX/VBD attacked/VERB/VBN by/ADP/IN "
                          "troops/NOUN/NNS ./PUNCT/.",
                          head, rel);
    assert_tree(head, rel, n);
    assert_int_equal(head[3], 0);
    assert_int_equal(head[1], 4);
    assert_int_equal(rel[1], DEP_NSUBJ_PASS);
    assert_int_equal(head[5], 4);
    assert_int_equal(rel[5], DEP_OBL_AGENT);
    /* random words still give trees through the beam */
    uint64_t rng = 99;
    for (int round = 0; round < 200; round++) {
        parser_word words[40];
        size_t len = 1 + (size_t)(rng % 40);
        for (size_t i = 0; i < len; i++) {
            rng = rng * 6364136223846793005ULL + 1442695040888963407ULL;
            static const char *const forms[] = {"the", "dog", "saw", ",", "Kim", "by", "zzz"};
            words[i].form = slice_from_cstr(forms[(rng >> 33) % 7]);
            words[i].upos = (uint8_t)((rng >> 40) % UPOS_COUNT);
            words[i].xpos = slice_from_cstr((rng >> 50) & 1 ? "NN" : "VBD");
        }
        parser_parse_words(m, words, len, head, rel);
        assert_tree(head, rel, len);
        /* decoding greedily (a narrower beam than the training's) still gives trees */
        parser_set_beam(m, 1);
        parser_parse_words(m, words, len, head, rel);
        assert_tree(head, rel, len);
        parser_set_beam(m, 0);
    }
    parser_set_beam(m, 1);
    parser_get_info(m, &info);
    assert_int_equal(info.beam, 1);
    parser_set_beam(m, 99);
    parser_get_info(m, &info);
    assert_int_equal(info.beam, PARSER_BEAM_MAX);
    parser_set_beam(m, 0);
    parser_get_info(m, &info);
    assert_int_equal(info.beam, 4);
    parser_free(m);
    /* a beam wider than the format allows is refused */
    char *copy = malloc(a.len);
    memcpy(copy, a.data, a.len);
    copy[60] = PARSER_BEAM_MAX + 1;
    fix_crc(copy, a.len);
    expect_load_error(copy, a.len, "corrupt model header");
    free(copy);
    buf_release(&a);
    buf_release(&b);
}

static void parser_rewrites_conllu_columns(void **state)
{
    (void)state;
    parser *m = load_toy(1);
    const char *in = "# sent_id = c1\n"
                     "# text = the dog runs.\n"
                     "1\tthe\tthe\tDET\tDT\tDefinite=Def\t9\txx\t9:xx\t_\n"
                     "2\tdog\tdog\tNOUN\tNN\t_\t9\txx\t9:xx\t_\n"
                     "3-4\truns.\t_\t_\t_\t_\t_\t_\t_\t_\n"
                     "3\truns\trun\tVERB\tVBZ\t_\t9\txx\t9:xx\tSpaceAfter=No\n"
                     "4\t.\t.\tPUNCT\t.\t_\t9\txx\t9:xx\t_\n"
                     "\n";
    buf out;
    buf_init(&out, 0);
    diag d;
    diag_clear(&d);
    assert_int_equal(parser_parse_conllu(m, NULL, in, strlen(in), "in.conllu", &out, &d),
                     SITREP_OK);
    const char *want = "# sent_id = c1\n"
                       "# text = the dog runs.\n"
                       "1\tthe\tthe\tDET\tDT\tDefinite=Def\t2\tdet\t_\t_\n"
                       "2\tdog\tdog\tNOUN\tNN\t_\t3\tnsubj\t_\t_\n"
                       "3-4\truns.\t_\t_\t_\t_\t_\t_\t_\t_\n"
                       "3\truns\trun\tVERB\tVBZ\t_\t0\troot\t_\tSpaceAfter=No\n"
                       "4\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_\n"
                       "\n";
    assert_string_equal(out.data, want);
    /* a malformed line names file and line */
    buf_reset(&out);
    const char *bad = "1\tthe\n";
    assert_int_equal(parser_parse_conllu(m, NULL, bad, strlen(bad), "bad.conllu", &out, &d),
                     SITREP_EPARSE);
    assert_int_equal(d.line, 1);
    buf_release(&out);
    parser_free(m);
}

static void training_reports_bad_treebanks(void **state)
{
    (void)state;
    buf model;
    buf_init(&model, PARSER_FILE_MAX);
    parser_train_report report;
    parser_train_options options = {.epochs = 2, .seed = 1};
    diag d;
    diag_clear(&d);
    const char *path = path_in_tmp("bad.conllu");
    const char *bad_head = "1\tdog\t_\tNOUN\tNN\t_\t7\tnsubj\t_\t_\n\n";
    write_file(path, bad_head, strlen(bad_head));
    assert_int_equal(parser_train(path, NULL, &options, &model, &report, &d), SITREP_EPARSE);
    assert_int_equal(d.line, 1);
    assert_non_null(strstr(d.message, "HEAD"));
    const char *bad_rel = "1\tdog\t_\tNOUN\tNN\t_\t0\tbanana\t_\t_\n\n";
    write_file(path, bad_rel, strlen(bad_rel));
    assert_int_equal(parser_train(path, NULL, &options, &model, &report, &d), SITREP_EPARSE);
    assert_non_null(strstr(d.message, "banana"));
    options.epochs = 0;
    assert_int_equal(parser_train(path, NULL, &options, &model, &report, &d), SITREP_EUSAGE);
    buf_release(&model);
}

/* Fills n tokens with heads and relations from "h:rel" pairs (heads 1-based, 0 the root). */
static size_t tree(token *words, const char *spec)
{
    char copy[512];
    snprintf(copy, sizeof copy, "%s", spec);
    char *pieces[64];
    size_t n = split(copy, pieces, 64);
    for (size_t i = 0; i < n; i++) {
        char *colon = strchr(pieces[i], ':');
        assert_non_null(colon);
        memset(&words[i], 0, sizeof words[i]);
        words[i].head = (uint16_t)atoi(pieces[i]);
        words[i].deprel = (uint8_t)dep_relation_from_name(colon + 1, strlen(colon + 1));
        assert_int_not_equal(words[i].deprel, DEP_NONE);
    }
    return n;
}

static void subtrees_and_reported_clauses(void **state)
{
    (void)state;
    token w[64];
    size_t first = 99, last = 99;
    /* Officials said that the army shelled the town . */
    size_t n = tree(w, "2:nsubj 0:root 6:mark 5:det 6:nsubj 2:ccomp 8:det 6:obj 2:punct");
    assert_true(syntax_subtree(w, n, 5, &first, &last));
    assert_int_equal(first, 2);
    assert_int_equal(last, 7);
    assert_true(syntax_subtree(w, n, 1, &first, &last));
    assert_int_equal(first, 0);
    assert_int_equal(last, 8);
    assert_true(syntax_reported_clause(w, n, 1, &first, &last));
    assert_int_equal(first, 2); /* "that" ... */
    assert_int_equal(last, 7);  /* ... "town", without the full stop */
    assert_int_equal(w[first].deprel, DEP_MARK);
    /* The army shelled the town , officials said . */
    n = tree(w, "2:det 3:nsubj 0:root 5:det 3:obj 3:punct 8:nsubj 3:parataxis 3:punct");
    assert_true(syntax_reported_clause(w, n, 7, &first, &last));
    assert_int_equal(first, 0);
    assert_int_equal(last, 4); /* the comma is left out */
    /* He said : troops moved in . */
    n = tree(w, "2:nsubj 0:root 5:punct 5:nsubj 2:parataxis 5:compound:prt 2:punct");
    assert_true(syntax_reported_clause(w, n, 1, &first, &last));
    assert_int_equal(first, 3);
    assert_int_equal(last, 5);
    /* A verb that reports nothing, an index out of range, an unparsed sentence. */
    first = last = 99;
    assert_false(syntax_reported_clause(w, n, 3, &first, &last)); /* "troops" */
    assert_false(syntax_subtree(w, n, n, &first, &last));
    w[2].deprel = DEP_NONE;
    assert_false(syntax_subtree(w, n, 1, &first, &last));
    assert_false(syntax_reported_clause(w, n, 1, &first, &last));
    assert_int_equal(first, 99);
    /* A cycle (never made by the parser) is no tree: no word descends from outside it. */
    n = tree(w, "2:nsubj 1:root");
    assert_true(syntax_subtree(w, n, 0, &first, &last));
    assert_int_equal(first, 0);
    assert_int_equal(last, 1);
}

static int setup(void **state)
{
    (void)state;
    return mkdtemp(tmpdir) ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    const char *names[] = {"toy.conllu", "bad.conllu", "good.bin"};
    for (size_t i = 0; i < ARRAY_LEN(names); i++)
        unlink(path_in_tmp(names[i]));
    return rmdir(tmpdir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(relation_names_round_trip),
        cmocka_unit_test(parser_learns_toy_treebank),
        cmocka_unit_test(parser_training_is_reproducible),
        cmocka_unit_test(parses_are_trees),
        cmocka_unit_test(beam_parser_learns_toy_treebank),
        cmocka_unit_test(max_violation_parser_learns_toy_treebank),
        cmocka_unit_test(joint_parser_learns_toy_treebank),
        cmocka_unit_test(parser_rejects_bad_model_files),
        cmocka_unit_test(parser_rewrites_conllu_columns),
        cmocka_unit_test(training_reports_bad_treebanks),
        cmocka_unit_test(subtrees_and_reported_clauses),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
