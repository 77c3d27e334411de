/* test_tagger.c - unit tests for the part-of-speech tagger: training on a tiny treebank
 * written here, tagging, reproducible model bytes, the model format's error checks, CoNLL-U
 * rewriting and gzip input. Needs nothing outside the repository.
 */
#include "unit.h"
#include "syntax/syntax.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>

/* A toy treebank: determiners, nouns, verbs, adjectives, punctuation in a few patterns. */
static const char *const toy_sentences[][2] = {
    {"the dog runs .", "DET:DT NOUN:NN VERB:VBZ PUNCT:."},
    {"a cat sleeps .", "DET:DT NOUN:NN VERB:VBZ PUNCT:."},
    {"the big dog sleeps .", "DET:DT ADJ:JJ NOUN:NN VERB:VBZ PUNCT:."},
    {"a small cat runs .", "DET:DT ADJ:JJ NOUN:NN VERB:VBZ PUNCT:."},
    {"dogs run .", "NOUN:NNS VERB:VBP PUNCT:."},
    {"the cats sleep .", "DET:DT NOUN:NNS VERB:VBP PUNCT:."},
    {"Kim runs .", "PROPN:NNP VERB:VBZ PUNCT:."},
    {"the dog sees Kim .", "DET:DT NOUN:NN VERB:VBZ PROPN:NNP PUNCT:."},
};

static char tmpdir[] = "/tmp/sitrep-test-tagger-XXXXXX";

static void write_file(const char *path, const char *data, size_t length)
{
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(data, 1, length, f), length);
    assert_int_equal(fclose(f), 0);
}

/* Writes the toy treebank (each sentence `copies` times) as CoNLL-U into buf b. */
static void toy_conllu(buf *b, int copies)
{
    for (int c = 0; c < copies; c++)
        for (size_t s = 0; s < ARRAY_LEN(toy_sentences); s++) {
            assert_int_equal(
                buf_printf(b, "# sent_id = toy-%d-%zu\n# text = %s\n", c, s, toy_sentences[s][0]),
                SITREP_OK);
            char words[256], tags[256];
            snprintf(words, sizeof words, "%s", toy_sentences[s][0]);
            snprintf(tags, sizeof tags, "%s", toy_sentences[s][1]);
            char *wsave, *tsave;
            char *w = strtok_r(words, " ", &wsave), *t = strtok_r(tags, " ", &tsave);
            for (int id = 1; w && t; id++) {
                char *colon = strchr(t, ':');
                *colon = 0;
                assert_int_equal(
                    buf_printf(b, "%d\t%s\t%s\t%s\t%s\t_\t0\tdep\t_\t_\n", id, w, w, t, colon + 1),
                    SITREP_OK);
                w = strtok_r(NULL, " ", &wsave);
                t = strtok_r(NULL, " ", &tsave);
            }
            assert_int_equal(buf_append_char(b, '\n'), SITREP_OK);
        }
}

static char *path_in_tmp(const char *name)
{
    static char paths[4][600];
    static int next;
    char *p = paths[next++ % 4];
    snprintf(p, 600, "%s/%s", tmpdir, name);
    return p;
}

/* Trains on the toy treebank; returns the model bytes in *model (caller releases). */
static void train_toy_passes(buf *model, uint64_t seed, unsigned passes)
{
    buf text;
    buf_init(&text, 0);
    toy_conllu(&text, 3);
    const char *path = path_in_tmp("toy.conllu");
    write_file(path, text.data, text.len);
    buf_release(&text);
    buf_init(model, TAGGER_FILE_MAX);
    tagger_train_options options = {.epochs = 5, .seed = seed, .passes = passes};
    tagger_train_report report;
    diag d;
    diag_clear(&d);
    assert_int_equal(tagger_train(path, path, &options, model, &report, &d), SITREP_OK);
    assert_int_equal(report.train_sentences, 3 * ARRAY_LEN(toy_sentences));
    assert_true(report.dev_upos > 0.99);
}

/* Trains on the toy treebank without the templates of drop_static and drop_dynamic, and
 * without the features seen fewer than min_count times. */
static void train_toy_dropping(buf *model, uint64_t drop_static, uint64_t drop_dynamic,
                               unsigned min_count)
{
    buf text;
    buf_init(&text, 0);
    toy_conllu(&text, 3);
    const char *path = path_in_tmp("toy.conllu");
    write_file(path, text.data, text.len);
    buf_release(&text);
    buf_init(model, TAGGER_FILE_MAX);
    tagger_train_options options = {.epochs = 5,
                                    .seed = 1,
                                    .passes = 2,
                                    .drop_static = drop_static,
                                    .drop_dynamic = drop_dynamic,
                                    .min_count = min_count};
    tagger_train_report report;
    diag d;
    diag_clear(&d);
    assert_int_equal(tagger_train(path, path, &options, model, &report, &d), SITREP_OK);
    assert_true(report.dev_upos > 0.99);
}

static void train_toy(buf *model, uint64_t seed)
{
    train_toy_passes(model, seed, 1);
}

static void tag_text(const tagger *m, const char *text, char *out, size_t outlen)
{
    slice words[16] = {{0}};
    size_t n = 0;
    const char *p = text;
    while (*p && n < 16) {
        const char *sp = strchr(p, ' ');
        size_t len = sp ? (size_t)(sp - p) : strlen(p);
        words[n++] = slice_make(p, len);
        p += len + (sp != NULL);
    }
    uint8_t upos[16], xpos[16];
    tagger_tag_words(m, words, n, upos, xpos);
    out[0] = 0;
    for (size_t i = 0; i < n; i++) {
        size_t used = strlen(out);
        snprintf(out + used, outlen - used, "%s%s/%s", i ? " " : "", upos_name(upos[i]),
                 tagger_xpos_name(m, xpos[i]));
    }
}

static void tagger_learns_toy_treebank(void **state)
{
    (void)state;
    buf model;
    train_toy(&model, 1);
    diag d;
    tagger *m = tagger_load_bytes(model.data, model.len, "toy", &d);
    assert_non_null(m);
    char tags[512];
    tag_text(m, "the cat runs .", tags, sizeof tags);
    assert_string_equal(tags, "DET/DT NOUN/NN VERB/VBZ PUNCT/.");
    tag_text(m, "a big cat sees Kim .", tags, sizeof tags);
    assert_string_equal(tags, "DET/DT ADJ/JJ NOUN/NN VERB/VBZ PROPN/NNP PUNCT/.");
    /* An empty sentence and a one-word sentence do not crash. */
    tag_text(m, "", tags, sizeof tags);
    tag_text(m, "dogs", tags, sizeof tags);
    assert_string_equal(tagger_xpos_name(m, 250), "_");
    uint8_t vbz = tagger_xpos_find(m, "VBZ");
    assert_int_not_equal(vbz, 0);
    assert_string_equal(tagger_xpos_name(m, vbz), "VBZ");
    assert_int_equal(tagger_xpos_find(m, "VBN"), 0); /* not in the toy treebank */
    /* A sentence longer than the tagger's stack buffers and chunks tags like short ones. */
    enum { LONG = 1000 };
    slice *words = xmalloc(LONG * sizeof *words);
    uint8_t *upos = xmalloc(LONG), *xpos = xmalloc(LONG);
    static const char *const pattern[] = {"the", "dog", "sees", "a", "cat", ","};
    for (size_t i = 0; i < LONG; i++)
        words[i] = slice_from_cstr(pattern[i % 6]);
    tagger_tag_words(m, words, LONG, upos, xpos);
    for (size_t i = 6; i < LONG - 6; i++)
        assert_int_equal(upos[i], upos[i % 6 + 6]);
    assert_int_equal(upos[7], UPOS_NOUN);
    assert_int_equal(upos[8], UPOS_VERB);
    free(words);
    free(upos);
    free(xpos);
    tagger_free(m);
    buf_release(&model);
}

static void tagger_two_passes_learn_toy_treebank(void **state)
{
    (void)state;
    buf model, again;
    /* The toy treebank is tiny, so how a sentence it never saw is tagged depends on the seed:
     * "Kim sees the cats" comes out right with about half of the seeds (format 2 models as
     * well as format 3). Seed 1 gets both sentences right. */
    train_toy_passes(&model, 1, 2);
    train_toy_passes(&again, 1, 2);
    assert_int_equal(model.len, again.len);
    assert_memory_equal(model.data, again.data, model.len);
    diag d;
    tagger *m = tagger_load_bytes(model.data, model.len, "toy", &d);
    assert_non_null(m);
    char tags[512];
    tag_text(m, "the small dog sleeps .", tags, sizeof tags);
    assert_string_equal(tags, "DET/DT ADJ/JJ NOUN/NN VERB/VBZ PUNCT/.");
    tag_text(m, "Kim sees the cats .", tags, sizeof tags);
    assert_string_equal(tags, "PROPN/NNP VERB/VBZ DET/DT NOUN/NNS PUNCT/.");
    tagger_free(m);
    buf_release(&model);
    buf_release(&again);
}

static void tagger_training_is_reproducible(void **state)
{
    (void)state;
    buf a, b, c;
    train_toy(&a, 7);
    train_toy(&b, 7);
    train_toy(&c, 8);
    assert_int_equal(a.len, b.len);
    assert_memory_equal(a.data, b.data, a.len);
    assert_true(a.len != c.len || memcmp(a.data, c.data, a.len) != 0);
    buf_release(&a);
    buf_release(&b);
    buf_release(&c);
}

static void expect_load_error(const char *data, size_t length, const char *needle)
{
    const char *path = path_in_tmp("bad.bin");
    write_file(path, data, length);
    diag d;
    diag_clear(&d);
    tagger *m = tagger_load(path, &d);
    assert_null(m);
    assert_string_equal(d.path, path);
    if (!strstr(d.message, needle))
        fail_msg("message '%s' lacks '%s'", d.message, needle);
}

static uint32_t get_le32(const char *p)
{
    const unsigned char *u = (const unsigned char *)p;
    return (uint32_t)u[0] | (uint32_t)u[1] << 8 | (uint32_t)u[2] << 16 | (uint32_t)u[3] << 24;
}

/* Rewrites the trailing CRC-32 of a model after an edit, so the table checks are reached. */
static void fix_crc(char *data, size_t length)
{
    uint32_t crc = hash_crc32(data, length - 4, 0);
    for (int i = 0; i < 4; i++)
        data[length - 4 + (size_t)i] = (char)(crc >> (8 * i));
}

static void tagger_rejects_bad_model_files(void **state)
{
    (void)state;
    buf model;
    train_toy(&model, 1);
    const char *path = path_in_tmp("good.bin");
    write_file(path, model.data, model.len);
    diag d;
    tagger *m = tagger_load(path, &d);
    assert_non_null(m);
    tagger_info info;
    tagger_get_info(m, &info);
    assert_int_equal(info.bytes, model.len);
    tagger_free(m);

    char *copy = xmalloc(model.len);
    memcpy(copy, model.data, model.len);
    copy[model.len / 2] ^= 0x40;
    expect_load_error(copy, model.len, "checksum");
    expect_load_error(model.data, model.len - 3, "truncated");
    expect_load_error(model.data, 20, "truncated");
    expect_load_error("", 0, "magic");
    memcpy(copy, model.data, model.len);
    copy[0] = 'X';
    expect_load_error(copy, model.len, "magic");
    memcpy(copy, model.data, model.len);
    copy[8] = 9; /* version */
    expect_load_error(copy, model.len, "version 9, expected 4");
    memcpy(copy, model.data, model.len);
    copy[8] = 3; /* format 3: no template masks */
    expect_load_error(copy, model.len, "version 3, expected 4");
    /* The dropped-template masks (bytes 44-55) name templates that exist. */
    memcpy(copy, model.data, model.len);
    copy[52] = (char)0x80; /* dynamic template 7... */
    copy[53] = 0x04;       /* ...and 10, which is not one */
    fix_crc(copy, model.len);
    expect_load_error(copy, model.len, "counts out of range");

    /* The tag dictionary (after the header, XPOS names and classes; 12 bytes a slot): the toy
     * treebank's "." (24 times, always PUNCT) is in it. A class out of range, or a class on an
     * empty slot, is refused even with a valid checksum. */
    uint32_t nxpos = get_le32(model.data + 12), nclasses = get_le32(model.data + 16);
    uint32_t ndict = get_le32(model.data + 36);
    size_t dict_at = 56 + (size_t)nxpos * 8 + (size_t)nclasses * 2;
    assert_true(ndict >= 2 && dict_at + (size_t)ndict * 12 < model.len);
    int used = -1, empty = -1;
    for (uint32_t i = 0; i < ndict; i++) {
        bool zero = get_le32(model.data + dict_at + i * 12) == 0 &&
                    get_le32(model.data + dict_at + i * 12 + 4) == 0;
        if (zero && empty < 0)
            empty = (int)i;
        if (!zero && used < 0)
            used = (int)i;
    }
    assert_true(used >= 0 && empty >= 0);
    memcpy(copy, model.data, model.len);
    copy[dict_at + (size_t)used * 12 + 8] = (char)nclasses;
    fix_crc(copy, model.len);
    expect_load_error(copy, model.len, "tag dictionary");
    memcpy(copy, model.data, model.len);
    copy[dict_at + (size_t)empty * 12 + 8] = 1;
    fix_crc(copy, model.len);
    expect_load_error(copy, model.len, "tag dictionary");
    memcpy(copy, model.data, model.len);
    copy[36] = 3; /* dictionary size not a power of two */
    fix_crc(copy, model.len);
    expect_load_error(copy, model.len, "counts out of range");

    /* The lexicon follows the dictionary (16 bytes a slot: form hash, ambiguity class): an
     * ambiguity class on an empty slot, or a size that is not a power of two, is refused. */
    uint32_t nlex = get_le32(model.data + 40);
    size_t lex_at = dict_at + (size_t)ndict * 12;
    assert_true(nlex >= 2 && lex_at + (size_t)nlex * 16 < model.len);
    int lex_empty = -1;
    for (uint32_t i = 0; i < nlex && lex_empty < 0; i++)
        if (get_le32(model.data + lex_at + i * 16) == 0 &&
            get_le32(model.data + lex_at + i * 16 + 4) == 0)
            lex_empty = (int)i;
    assert_true(lex_empty >= 0);
    memcpy(copy, model.data, model.len);
    copy[lex_at + (size_t)lex_empty * 16 + 8] = 1;
    fix_crc(copy, model.len);
    expect_load_error(copy, model.len, "lexicon");
    memcpy(copy, model.data, model.len);
    copy[40] = 3;
    copy[41] = copy[42] = copy[43] = 0;
    fix_crc(copy, model.len);
    expect_load_error(copy, model.len, "counts out of range");
    /* The weights end the file (4 bytes each before the CRC): with every run's end flag
     * cleared but the last, the runs are longer than the classes; a weight list of one class
     * per feature is refused whether or not the loader walks it. */
    uint32_t nentries = get_le32(model.data + 24);
    size_t weights_at = model.len - 4 - (size_t)nentries * 4;
    memcpy(copy, model.data, model.len);
    for (uint32_t i = 0; i + 1 < nentries; i++)
        copy[weights_at + (size_t)i * 4 + 1] = 0;
    fix_crc(copy, model.len);
    expect_load_error(copy, model.len, "weight list longer than the classes");
    memcpy(copy, model.data, model.len);
    copy[weights_at + (size_t)(nentries - 1) * 4 + 1] = 0; /* the last run never ends */
    fix_crc(copy, model.len);
    expect_load_error(copy, model.len, "unterminated weight list");
    free(copy);

    diag_clear(&d);
    assert_null(tagger_load(path_in_tmp("missing.bin"), &d));
    assert_non_null(strstr(d.message, "cannot open"));
    buf_release(&model);
}

static void tagger_rewrites_conllu_columns(void **state)
{
    (void)state;
    buf model;
    train_toy(&model, 1);
    diag d;
    tagger *m = tagger_load_bytes(model.data, model.len, "toy", &d);
    assert_non_null(m);
    const char *in = "# sent_id = x\n"
                     "# text = the dog runs.\n"
                     "1\tthe\tthe\tX\tXX\tF=1\t2\tdet\t_\t_\n"
                     "2-3\truns.\t_\t_\t_\t_\t_\t_\t_\t_\n"
                     "2\tdog\tdog\tX\tXX\t_\t0\troot\t_\tSpaceAfter=No\n"
                     "2.1\tghost\t_\t_\t_\t_\t_\t_\t_\t_\n"
                     "3\truns\trun\tX\tXX\t_\t2\tdep\t_\t_\n"
                     "\n";
    const char *want = "# sent_id = x\n"
                       "# text = the dog runs.\n"
                       "1\tthe\tthe\tDET\tDT\tF=1\t2\tdet\t_\t_\n"
                       "2-3\truns.\t_\t_\t_\t_\t_\t_\t_\t_\n"
                       "2\tdog\tdog\tNOUN\tNN\t_\t0\troot\t_\tSpaceAfter=No\n"
                       "2.1\tghost\t_\t_\t_\t_\t_\t_\t_\t_\n"
                       "3\truns\trun\tVERB\tVBZ\t_\t2\tdep\t_\t_\n"
                       "\n";
    buf out;
    buf_init(&out, 0);
    assert_int_equal(tagger_tag_conllu(m, in, strlen(in), "in", &out, &d), SITREP_OK);
    assert_string_equal(out.data, want);

    buf_reset(&out);
    const char *bad = "1\tthe\tthe\tDET\n";
    diag_clear(&d);
    assert_int_equal(tagger_tag_conllu(m, bad, strlen(bad), "bad.conllu", &out, &d), SITREP_EPARSE);
    assert_int_equal(d.line, 1);
    assert_string_equal(d.path, "bad.conllu");
    buf_release(&out);
    tagger_free(m);
    buf_release(&model);
}

static void tagger_reads_gzip(void **state)
{
    (void)state;
    const char *text = "1\tdog\tdog\tNOUN\tNN\t_\t0\troot\t_\t_\n\n";
    const char *path = path_in_tmp("x.conllu.gz");
    gzFile g = gzopen(path, "wb");
    assert_non_null(g);
    assert_int_equal(gzwrite(g, text, (unsigned)strlen(text)), (int)strlen(text));
    assert_int_equal(gzclose(g), Z_OK);
    char *data;
    size_t length;
    diag d;
    assert_int_equal(tagger_read_file(path, 1 << 20, &data, &length, &d), SITREP_OK);
    assert_int_equal(length, strlen(text));
    assert_memory_equal(data, text, length);
    free(data);
    /* A cut gzip stream is an error, not a short file. */
    FILE *f = fopen(path, "rb");
    char raw[256];
    size_t n = fread(raw, 1, sizeof raw, f);
    fclose(f);
    write_file(path, raw, n - 6);
    diag_clear(&d);
    assert_int_not_equal(tagger_read_file(path, 1 << 20, &data, &length, &d), SITREP_OK);
    assert_non_null(strstr(d.message, "gzip"));
}

static int setup(void **state)
{
    (void)state;
    return mkdtemp(tmpdir) ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    const char *names[] = {"toy.conllu", "bad.bin", "good.bin", "x.conllu.gz"};
    for (size_t i = 0; i < ARRAY_LEN(names); i++)
        unlink(path_in_tmp(names[i]));
    return rmdir(tmpdir);
}

static void upos_names_round_trip(void **state)
{
    (void)state;
    for (int t = 1; t < UPOS_COUNT; t++) {
        const char *name = upos_name((upos_tag)t);
        assert_int_equal(upos_from_name(name, strlen(name)), t);
    }
    assert_int_equal(upos_from_name("NOPE", 4), UPOS_NONE);
}

/* The templates the decoder caches per word type read the word alone: changing every
 * neighbour (and the first pass's classes on the right) changes every other key. */
static void tagger_word_only_templates(void **state)
{
    (void)state;
    tagger_word w, left2, left1, right1, right2, other[4];
    const char *const names[4] = {"Alpha", "beta", "gamma", "delta"};
    const char *const others[4] = {"one", "Two", "Three-4", "four"};
    tagger_word *mine[4] = {&left2, &left1, &right1, &right2};
    tagger_word_init(&w, slice_from_cstr("Pressed"), true);
    w.amb = 11;
    for (int k = 0; k < 4; k++) {
        tagger_word_init(mine[k], slice_from_cstr(names[k]), true);
        mine[k]->amb = (uint64_t)(20 + k);
        tagger_word_init(&other[k], slice_from_cstr(others[k]), true);
        other[k].amb = (uint64_t)(30 + k);
    }
    for (unsigned stage = 0; stage < 2; stage++) {
        const tagger_word *a[5] = {&left2, tagger_word_boundary(-1), &w, &right1, &right2};
        const tagger_word *b[5] = {&other[0], &other[1], &w, &other[2], &other[3]};
        uint64_t ka[TAGGER_MAX_STATIC], kb[TAGGER_MAX_STATIC];
        size_t na = tagger_features_static(a, stage, 3, 4, ka);
        size_t nb = tagger_features_static(b, stage, 5, 6, kb);
        assert_int_equal(na, nb);
        size_t word_only = 0;
        for (size_t f = 0; f < na; f++) {
            if (tagger_feature_word_only(f)) {
                word_only++;
                assert_true(ka[f] == kb[f]);
            } else {
                if (ka[f] == kb[f])
                    fail_msg("template %zu of stage %u reads no neighbour", f, stage);
            }
        }
        assert_int_equal(word_only, 14);
    }
    assert_false(tagger_feature_word_only(11));
    assert_false(tagger_feature_word_only(64));
    assert_false(tagger_feature_word_only(1000));
}

/* The decoder makes the word-only keys apart from the others (tagger_features_static_some)
 * and hashes a word's affixes only when it needs them: the two halves are exactly the keys of
 * tagger_features_static, in its order, and a word without its affixes has the same hashes
 * for everything its neighbours read. */
static void tagger_keys_in_parts(void **state)
{
    (void)state;
    const char *const text[5] = {"The", "\xE2\x80\x9Cquick\xE2\x80\x9D", "Brown-99", "foxes", "."};
    tagger_word full[5], lazy[5];
    for (int k = 0; k < 5; k++) {
        tagger_word_init(&full[k], slice_from_cstr(text[k]), true);
        tagger_word_init(&lazy[k], slice_from_cstr(text[k]), false);
        assert_int_equal(full[k].affixes, 1);
        assert_int_equal(lazy[k].affixes, 0);
        assert_true(full[k].form == lazy[k].form && full[k].lower == lazy[k].lower);
        assert_true(full[k].shape == lazy[k].shape && full[k].suffix[2] == lazy[k].suffix[2]);
        assert_int_equal(full[k].caps, lazy[k].caps);
        full[k].amb = lazy[k].amb = (uint64_t)(40 + k);
    }
    uint64_t word_only = 0;
    for (size_t f = 0; f < 64; f++)
        word_only |= (uint64_t)tagger_feature_word_only(f) << f;
    for (unsigned stage = 0; stage < 2; stage++) {
        const tagger_word *ctx[5] = {&full[0], &full[1], &full[2], &full[3], &full[4]};
        const tagger_word *lazy_ctx[5] = {&lazy[0], &lazy[1], &full[2], &lazy[3], &lazy[4]};
        uint64_t all[TAGGER_MAX_STATIC], mine[TAGGER_MAX_STATIC], rest[TAGGER_MAX_STATIC];
        size_t n = tagger_features_static(ctx, stage, 7, 9, all);
        size_t nw = tagger_features_static_some(ctx, stage, 7, 9, word_only, mine);
        size_t nr = tagger_features_static_some(lazy_ctx, stage, 7, 9, ~word_only, rest);
        assert_int_equal(nw, 14);
        assert_int_equal(nw + nr, n);
        size_t iw = 0, ir = 0;
        for (size_t f = 0; f < n; f++)
            assert_true(all[f] == (word_only >> f & 1 ? mine[iw++] : rest[ir++]));
        /* with the word's own affixes left out, its context keys change */
        const tagger_word *bad[5] = {&lazy[0], &lazy[1], &lazy[2], &lazy[3], &lazy[4]};
        uint64_t some[TAGGER_MAX_STATIC];
        tagger_features_static_some(bad, stage, 7, 9, word_only, some);
        assert_false(some[3] == mine[3]); /* suffix 1 */
    }
}

static void *tag_in_thread(void *arg)
{
    char *out = arg;
    const tagger *m = *(const tagger *const *)(void *)(out + 512);
    tag_text(m, "the small dog sees Kim .", out, 512);
    return NULL;
}

/* The per-thread word cache gives the tags of the first sight of each word: tagging again,
 * with another model in between (its own cache), with a reloaded copy and in another thread
 * gives the same tags. */
static void tagger_word_cache_keeps_tags(void **state)
{
    (void)state;
    buf one, two;
    train_toy_passes(&one, 1, 2);
    train_toy_passes(&two, 8, 1);
    diag d;
    tagger *a = tagger_load_bytes(one.data, one.len, "one", &d);
    tagger *b = tagger_load_bytes(two.data, two.len, "two", &d);
    assert_non_null(a);
    assert_non_null(b);
    static const char *const sentences[] = {"the small dog sees Kim .", "Kim sees the cats .",
                                            "a cat runs .", "dogs sleep ."};
    char first_a[4][512], first_b[4][512], tags[512];
    for (int i = 0; i < 4; i++) {
        tag_text(a, sentences[i], first_a[i], sizeof first_a[i]);
        tag_text(b, sentences[i], first_b[i], sizeof first_b[i]);
    }
    assert_string_equal(first_a[0], "DET/DT ADJ/JJ NOUN/NN VERB/VBZ PROPN/NNP PUNCT/.");
    for (int round = 0; round < 3; round++)
        for (int i = 0; i < 4; i++) {
            tag_text(a, sentences[i], tags, sizeof tags);
            assert_string_equal(tags, first_a[i]);
            tag_text(b, sentences[i], tags, sizeof tags);
            assert_string_equal(tags, first_b[i]);
        }
    tagger_free(a);
    a = tagger_load_bytes(one.data, one.len, "one again", &d);
    assert_non_null(a);
    tag_text(a, sentences[0], tags, sizeof tags);
    assert_string_equal(tags, first_a[0]);
    char out[512 + sizeof(tagger *)];
    memcpy(out + 512, &a, sizeof a);
    pthread_t thread;
    assert_int_equal(pthread_create(&thread, NULL, tag_in_thread, out), 0);
    assert_int_equal(pthread_join(thread, NULL), 0);
    assert_string_equal(out, first_a[0]);
    tagger_free(a);
    tagger_free(b);
    buf_release(&one);
    buf_release(&two);
}

/* Loads a full and a smaller model trained on the toy treebank, gives their infos, and checks
 * that the smaller one still tags the toy sentence right. */
static void smaller_model_tags_toy(const buf *all, const buf *smaller, tagger_info *ia,
                                   tagger_info *ib)
{
    diag d;
    tagger *a = tagger_load_bytes(all->data, all->len, "all", &d);
    tagger *b = tagger_load_bytes(smaller->data, smaller->len, "smaller", &d);
    assert_non_null(a);
    assert_non_null(b);
    tagger_get_info(a, ia);
    tagger_get_info(b, ib);
    char tags[512];
    tag_text(b, "the small dog sees Kim .", tags, sizeof tags);
    assert_string_equal(tags, "DET/DT ADJ/JJ NOUN/NN VERB/VBZ PROPN/NNP PUNCT/.");
    tagger_free(a);
    tagger_free(b);
}

/* A model trained without some templates records them (header bytes 44-55) and has fewer
 * features; the dynamic keys with a mask are the unmasked ones in order, minus the dropped. */
static void tagger_drops_templates(void **state)
{
    (void)state;
    buf all, fewer;
    train_toy_passes(&all, 1, 2);
    uint64_t drop_static = UINT64_C(1) << 2 | UINT64_C(1) << 12 | UINT64_C(1) << 38;
    uint64_t drop_dynamic = 1u << 1 | 1u << 8;
    train_toy_dropping(&fewer, drop_static, drop_dynamic, 0);
    assert_int_equal(get_le32(fewer.data + 44), (uint32_t)drop_static);
    assert_int_equal(get_le32(fewer.data + 48), (uint32_t)(drop_static >> 32));
    assert_int_equal(get_le32(fewer.data + 52), drop_dynamic);
    assert_int_equal(get_le32(all.data + 44) | get_le32(all.data + 48) | get_le32(all.data + 52),
                     0);
    tagger_info ia, ib;
    smaller_model_tags_toy(&all, &fewer, &ia, &ib);
    assert_true(ib.features < ia.features);
    buf_release(&all);
    buf_release(&fewer);

    tagger_word words[5];
    const tagger_word *ctx[5];
    static const char *const text[5] = {"the", "small", "dog", "sees", "Kim"};
    for (int i = 0; i < 5; i++) {
        tagger_word_init(&words[i], slice_from_cstr(text[i]), true);
        ctx[i] = &words[i];
    }
    uint64_t every[TAGGER_MAX_DYNAMIC], some[TAGGER_MAX_DYNAMIC];
    size_t n = tagger_features_dynamic(ctx, 1, 3, 4, 5, every);
    size_t m = tagger_features_dynamic_some(ctx, 1, 3, 4, 5, ~drop_dynamic, some);
    assert_int_equal(n, 9);
    assert_int_equal(m, 7);
    for (size_t k = 0, j = 0; k < n; k++)
        if (!(drop_dynamic >> k & 1))
            assert_true(some[j++] == every[k]);
}

/* With a count cut-off the model keeps only features seen that often in training: fewer
 * features, the toy treebank still learnt; the same cut-off gives the same bytes. */
static void tagger_min_count_keeps_frequent_features(void **state)
{
    (void)state;
    buf all, frequent, again;
    train_toy_dropping(&all, 0, 0, 1);
    train_toy_dropping(&frequent, 0, 0, 3);
    train_toy_dropping(&again, 0, 0, 3);
    assert_int_equal(frequent.len, again.len);
    assert_memory_equal(frequent.data, again.data, frequent.len);
    tagger_info ia, ib;
    smaller_model_tags_toy(&all, &frequent, &ia, &ib);
    assert_true(ib.features < ia.features);
    assert_true(ib.weights < ia.weights);
    buf_release(&all);
    buf_release(&frequent);
    buf_release(&again);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(tagger_learns_toy_treebank),
        cmocka_unit_test(tagger_two_passes_learn_toy_treebank),
        cmocka_unit_test(tagger_training_is_reproducible),
        cmocka_unit_test(tagger_rejects_bad_model_files),
        cmocka_unit_test(tagger_rewrites_conllu_columns),
        cmocka_unit_test(tagger_reads_gzip),
        cmocka_unit_test(upos_names_round_trip),
        cmocka_unit_test(tagger_word_only_templates),
        cmocka_unit_test(tagger_keys_in_parts),
        cmocka_unit_test(tagger_word_cache_keeps_tags),
        cmocka_unit_test(tagger_drops_templates),
        cmocka_unit_test(tagger_min_count_keeps_frequent_features),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
