/* tagger.c - the part-of-speech tagger: features, model loading and greedy decoding.
 *
 * An averaged perceptron (trained by tagger_train.c) scores (UPOS, XPOS) classes from hashed
 * features of the word and its neighbours; weights sit in one open-addressed table of feature
 * fingerprints pointing at short runs of (class, weight) pairs. CoNLL-U is read and rewritten
 * in tagger_conllu.c.
 */
#include "syntax.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

/* With GCC on x86-64 the scoring loops are compiled twice, for AVX2 and for the baseline, and
 * the dynamic loader picks one at run time (an ifunc); a dense row is then widened and added 8
 * weights per instruction (add_row_avx2) instead of 8 per seven. Sanitizer builds and clang
 * (the fuzzers) take the baseline path, so `make SANITIZE=... test` checks that it gives the
 * same tags (the golden tests). */
#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__) &&                             \
    !defined(__SANITIZE_ADDRESS__)
#include <immintrin.h>
#define SCORING_CLONES __attribute__((target_clones("avx2", "default")))
#define HAVE_AVX2_ROWS 1
#else
#define SCORING_CLONES
#define HAVE_AVX2_ROWS 0
#endif

/* A feature: its fingerprint and where its weights are. Most features have a few weights, a
 * run of entries; the few thousand with at least DENSE_MIN (the bias, affixes, shapes and
 * previous tags: most of the weights added) have a row of a weight for every class, added with
 * vector instructions. The file holds runs only; the loader makes the rows. */
typedef struct tagger_slot {
    uint32_t fingerprint; /* 0 = empty */
    uint32_t offset;      /* first entry; with SLOT_DENSE set, a row of dense */
} tagger_slot;
#define SLOT_DENSE 0x80000000u
enum { DENSE_MIN = 32, LANES = 8 };
#define SCORES_MAX 256 /* TAGGER_MAX_CLASSES rounded up to LANES */

typedef struct tagger_entry {
    uint8_t cls;
    uint8_t last; /* 1 on the last entry of a feature */
    int16_t weight;
} tagger_entry;

struct tagger {
    uint32_t nxpos, nclasses, nslots, nentries, nfeatures, nstages, ndict;
    uint64_t keep_static, keep_dynamic; /* the templates the model was trained with */
    char (*xpos_names)[8];
    uint64_t *dict_keys; /* the tag dictionary (tagger_dict_find) */
    uint8_t *dict_classes;
    uint64_t *lex_keys, *lex_ambs; /* the lexicon (tagger_lexicon_find) */
    uint32_t nlex;
    uint8_t class_upos[256];
    uint8_t class_xpos[256];
    tagger_slot *slots;
    tagger_entry *entries;
    int16_t *dense; /* rows of `lanes` weights (classes rounded up to LANES, zero padded) */
    uint32_t lanes, ndense;
    bool avx2; /* the processor has AVX2: add_row_avx2 adds the dense rows */
    size_t bytes;
    uint64_t id; /* unique per loaded model: a thread's word cache belongs to one */
};

/* ---- features ---- */

static uint64_t mix64(uint64_t h)
{
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdULL;
    h ^= h >> 33;
    h *= 0xc4ceb9fe1a85ec53ULL;
    h ^= h >> 33;
    return h;
}

static inline uint64_t feature_key(unsigned template_id, uint64_t a, uint64_t b)
{
    uint64_t h = (a + 0x9E3779B97F4A7C15ULL * (template_id + 1)) * 0xff51afd7ed558ccdULL;
    h ^= b + 0x632BE59BD9B4E019ULL + (h << 6) + (h >> 2);
    return mix64(h);
}

#define WORD_MAX 64 /* bytes of a word the features look at */

void tagger_word_init(tagger_word *w, slice word, bool affixes)
{
    char lower[WORD_MAX], form[WORD_MAX], shape[16];
    size_t n = 0, ns = 0;
    char last_class = 0;
    int run = 0;
    size_t upper = 0, letters = 0;
    bool initial_upper = false;
    const unsigned char *p = (const unsigned char *)word.ptr;
    for (size_t i = 0; i < word.len && n < WORD_MAX; i++) {
        unsigned char c = p[i];
        /* Curly quotes (U+2018/2019, U+201C/201D) read as the straight ones news rarely
         * uses and the treebank mostly does. */
        if (c == 0xE2 && i + 2 < word.len && p[i + 1] == 0x80 && p[i + 2] >= 0x98 &&
            p[i + 2] <= 0x9D) {
            c = p[i + 2] <= 0x9B ? '\'' : '"';
            i += 2;
        }
        char sc;
        char lc = (char)c;
        if (c >= 'A' && c <= 'Z') {
            lc = (char)(c + 32);
            sc = 'X';
            initial_upper |= letters == 0;
            letters++;
            upper++;
        } else if (c >= 'a' && c <= 'z') {
            sc = 'x';
            letters++;
        } else if (c >= '0' && c <= '9') {
            lc = '0';
            sc = 'd';
        } else if (c >= 0x80) {
            sc = (c & 0xC0) == 0x80 ? 0 : 'u'; /* one mark per non-ASCII character */
        } else {
            sc = (char)c;
        }
        form[n] = (char)c;
        lower[n++] = lc;
        if (sc) {
            run = sc == last_class ? run + 1 : 1;
            last_class = sc;
            if (run <= 2 && ns < sizeof shape)
                shape[ns++] = sc;
        }
    }
    uint64_t seed = word.len > WORD_MAX ? word.len : 0;
    w->form = hash_bytes(form, n, 0x51 + seed);
    w->lower = hash_bytes(lower, n, 0x52 + seed);
    w->shape = hash_bytes(shape, ns, 0x53);
    for (size_t k = 0; k < 3; k++)
        w->prefix[k] = !affixes ? 0 : n > k + 1 ? hash_bytes(lower, k + 1, 0x60 + k) : w->lower;
    for (size_t k = 0; k < 4; k++)
        w->suffix[k] = !affixes && k != 2 ? 0
                       : n > k + 1        ? hash_bytes(lower + n - (k + 1), k + 1, 0x70 + k)
                                          : w->lower;
    w->affixes = affixes;
    w->amb = 0;
    w->caps = letters == 0                    ? TAGGER_CAPS_NONE
              : upper == letters && upper > 1 ? TAGGER_CAPS_ALL
              : initial_upper                 ? TAGGER_CAPS_INITIAL
                                              : TAGGER_CAPS_LOWER;
    w->style = 0;
}

void tagger_sentence_style(tagger_word *words, size_t n)
{
    size_t count[4] = {0, 0, 0, 0};
    for (size_t i = 0; i < n; i++)
        count[words[i].caps]++;
    size_t alpha = count[1] + count[2] + count[3];
    uint8_t style = 0;
    if (alpha >= 3 && count[3] == alpha)
        style = 3;
    else if (alpha >= 3 && (count[2] + count[3]) * 4 >= alpha * 3)
        style = 2;
    else if (alpha >= 2 && count[2] + count[3] == 0)
        style = 1;
    for (size_t i = 0; i < n; i++)
        words[i].style = style;
}

#define BOUNDARY(h)                                                                                \
    {                                                                                              \
        h, h, h, {h, h, h}, {h, h, h, h}, h, 0, 0, 1                                               \
    }
static const tagger_word boundary_words[4] = {
    BOUNDARY(0x8a5cd789635d2dffULL), BOUNDARY(0x121fd2155c472f96ULL),
    BOUNDARY(0x3f6c1e9b3ab5e8a1ULL), BOUNDARY(0xd6e8feb86659fd93ULL)};

const tagger_word *tagger_word_boundary(int where)
{
    return &boundary_words[where == -2 ? 0 : where == -1 ? 1 : where == 1 ? 2 : 3];
}

/* Template ids: 0-63 features of the word and its neighbours (and first-pass tags), 64-127
 * features of the previous tags; the second pass adds 128 to have its own weights. */
size_t tagger_features_static_some(const tagger_word *const ctx[5], unsigned stage, unsigned right1,
                                   unsigned right2, uint64_t which, uint64_t out[TAGGER_MAX_STATIC])
{
    const tagger_word *w = ctx[2];
    unsigned k = 0, n = 0, base = stage ? 128 : 0;
#define KEY(a, b) ((which >> k & 1 ? (void)(out[n++] = feature_key(k + base, a, b)) : (void)0), k++)
    KEY(0, 0); /* bias */
    KEY(w->lower, 0);
    KEY(w->form, 0);
    for (int s = 0; s < 4; s++)
        KEY(w->suffix[s], 0);
    for (int s = 0; s < 3; s++)
        KEY(w->prefix[s], 0);
    KEY(w->shape, 0);
    KEY(ctx[1]->lower, 0);
    KEY(ctx[1]->suffix[2], 0);
    KEY(ctx[0]->lower, 0);
    KEY(ctx[3]->lower, 0);
    KEY(ctx[3]->suffix[2], 0);
    KEY(ctx[4]->lower, 0);
    KEY(ctx[1]->lower, w->lower);
    KEY(w->lower, ctx[3]->lower);
    KEY(ctx[1]->shape, 0);
    KEY(ctx[3]->shape, 0);
    KEY(ctx[1]->form, 0);
    KEY(ctx[3]->form, 0);
    KEY(ctx[1]->lower, ctx[3]->lower);
    KEY(w->shape, ctx[1] == tagger_word_boundary(-1));
    KEY(ctx[0]->lower, ctx[1]->lower);
    KEY(w->amb, 0);
    KEY(ctx[3]->amb, 0);
    KEY(ctx[4]->amb, 0);
    KEY(ctx[1]->amb, 0);
    KEY(w->amb, ctx[3]->amb);
    KEY(ctx[1]->amb, w->amb);
    KEY(w->lower, ctx[3]->amb);
    KEY(w->style * 8 + w->caps, w->lower);
    KEY(w->style * 8 + w->caps, ctx[1] == tagger_word_boundary(-1));
    KEY(w->style * 8 + w->caps, w->amb);
    if (stage == 0)
        return n;
    KEY(right1, 0);
    KEY(right2, 0);
    KEY(right1, right2);
    KEY(right1, w->lower);
    KEY(right1, w->suffix[2]);
    return n;
#undef KEY
}

size_t tagger_features_static(const tagger_word *const ctx[5], unsigned stage, unsigned right1,
                              unsigned right2, uint64_t out[TAGGER_MAX_STATIC])
{
    return tagger_features_static_some(ctx, stage, right1, right2, ~UINT64_C(0), out);
}

/* The templates of tagger_features_static that read the word alone (its form and what follows
 * from it: lower case, affixes, shape, ambiguity class, capitals) and the sentence's style:
 * bias 0, 1-10, w->amb 26, caps with lower 33, caps with amb 35. Their weights summed depend on
 * the word type, so the decoder caches the sum per thread (word_cache). */
#define WORD_ONLY_TEMPLATES                                                                        \
    (((UINT64_C(1) << 11) - 1) | UINT64_C(1) << 26 | UINT64_C(1) << 33 | UINT64_C(1) << 35)

bool tagger_feature_word_only(size_t template_index)
{
    return template_index < 64 && (WORD_ONLY_TEMPLATES >> template_index & 1);
}

size_t tagger_features_dynamic_some(const tagger_word *const ctx[5], unsigned stage, unsigned prev1,
                                    unsigned prev2, unsigned right1, uint64_t which,
                                    uint64_t out[TAGGER_MAX_DYNAMIC])
{
    const tagger_word *w = ctx[2];
    unsigned k = 0, n = 0, base = stage ? 192 : 64;
#define KEY(a, b) ((which >> k & 1 ? (void)(out[n++] = feature_key(k + base, a, b)) : (void)0), k++)
    KEY(prev1, 0);
    KEY(prev2, 0);
    KEY(prev1, prev2);
    KEY(prev1, w->lower);
    KEY(prev1, w->suffix[2]);
    KEY(prev1, ctx[3]->lower);
    KEY(prev1, w->amb);
    KEY(prev1, ctx[3]->amb);
    if (stage)
        KEY(prev1, right1);
    return n;
#undef KEY
}

size_t tagger_features_dynamic(const tagger_word *const ctx[5], unsigned stage, unsigned prev1,
                               unsigned prev2, unsigned right1, uint64_t out[TAGGER_MAX_DYNAMIC])
{
    return tagger_features_dynamic_some(ctx, stage, prev1, prev2, right1, ~UINT64_C(0), out);
}

/* ---- loading ---- */

static uint32_t get32(const unsigned char *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

#define HEADER_BYTES 56
#define MAX_SLOTS ((uint32_t)1 << 24)
#define MAX_ENTRIES ((uint32_t)1 << 26)
#define MAX_DICT ((uint32_t)1 << 20)
#define MAX_LEXICON ((uint32_t)1 << 22)

/* Gives the features with at least DENSE_MIN weights, or a quarter of the classes (at least
 * 4: small models use rows too, so the unit tests' models exercise them), a dense row; returns
 * a problem or NULL. A run has at most one weight per class (so a walk along one is short). */
static const char *make_dense(tagger *m)
{
    m->lanes = (m->nclasses + LANES - 1) / LANES * LANES;
    uint32_t cap = 0, quarter = m->nclasses / 4 < 4 ? 4 : m->nclasses / 4;
    uint32_t least = quarter < DENSE_MIN ? quarter : DENSE_MIN;
    /* Bit k of `longer` is set when at least `least` entries run from k to the end of its
     * run, found in one pass backwards: a slot needs its run walked only then, and the bits
     * (a bit per entry) stay in cache where a walk through megabytes of entries in hash order
     * would not. The last entry is flagged (checked by the caller). */
    uint64_t *longer = xcalloc((size_t)m->nentries / 64 + 1, sizeof *longer);
    for (uint32_t k = m->nentries, run = 0; k-- > 0;) {
        run = m->entries[k].last ? 1 : run + 1;
        if (run >= least)
            longer[k / 64] |= UINT64_C(1) << (k % 64);
    }
    const char *problem = NULL;
    for (uint32_t i = 0; i < m->nslots && !problem; i++) {
        tagger_slot *s = &m->slots[i];
        if (!s->fingerprint || !(longer[s->offset / 64] >> (s->offset % 64) & 1))
            continue;
        uint32_t count = 1;
        for (const tagger_entry *e = &m->entries[s->offset]; !e->last && count <= m->nclasses; e++)
            count++;
        if (count > m->nclasses)
            problem = "weight list longer than the classes";
        else if (count >= least && m->ndense >= m->nentries / least)
            problem = "weight lists overlap"; /* rows only for runs of their own */
        if (problem || count < least)
            continue;
        if (m->ndense == cap) {
            cap = cap ? cap * 2 : 1024;
            m->dense = xrealloc(m->dense, (size_t)cap * m->lanes * sizeof *m->dense);
        }
        int16_t *row = m->dense + (size_t)m->ndense * m->lanes;
        memset(row, 0, m->lanes * sizeof *row);
        for (const tagger_entry *e = &m->entries[s->offset];; e++) {
            row[e->cls] = (int16_t)(row[e->cls] + e->weight);
            if (e->last)
                break;
        }
        s->offset = SLOT_DENSE | m->ndense++;
    }
    free(longer);
    return problem;
}

tagger *tagger_load_bytes(const char *data, size_t length, const char *name, diag *d)
{
    const unsigned char *p = (const unsigned char *)data;
    if (length < 8 || memcmp(p, TAGGER_MAGIC, 8) != 0) {
        diag_set(d, name, 0, "not a sitrep tagger model (bad magic)");
        return NULL;
    }
    if (length < HEADER_BYTES + 4) {
        diag_set(d, name, 0, "truncated model (%zu bytes)", length);
        return NULL;
    }
    uint32_t version = get32(p + 8);
    if (version != TAGGER_VERSION) {
        diag_set(d, name, 0,
                 "model format version %u, expected %u (retrain with "
                 "`sitrep train-tagger`)",
                 version, TAGGER_VERSION);
        return NULL;
    }
    uint32_t nxpos = get32(p + 12), nclasses = get32(p + 16), nslots = get32(p + 20);
    uint32_t nentries = get32(p + 24), nfeatures = get32(p + 28), nstages = get32(p + 32);
    uint32_t ndict = get32(p + 36), nlex = get32(p + 40);
    uint64_t drop_static = get32(p + 44) | (uint64_t)get32(p + 48) << 32;
    uint64_t drop_dynamic = get32(p + 52);
    if (nxpos < 1 || nxpos > 256 || nclasses < 1 || nclasses > TAGGER_MAX_CLASSES || nslots < 2 ||
        nslots > MAX_SLOTS || (nslots & (nslots - 1)) != 0 || nentries < 1 ||
        nentries > MAX_ENTRIES || nfeatures >= nslots || nstages < 1 ||
        nstages > TAGGER_MAX_STAGES || ndict < 2 || ndict > MAX_DICT ||
        (ndict & (ndict - 1)) != 0 || nlex < 2 || nlex > MAX_LEXICON || (nlex & (nlex - 1)) != 0 ||
        drop_static >> TAGGER_MAX_STATIC || drop_dynamic >> TAGGER_MAX_DYNAMIC) {
        diag_set(d, name, 0, "corrupt model header (counts out of range)");
        return NULL;
    }
    size_t need = HEADER_BYTES + (size_t)nxpos * 8 + (size_t)nclasses * 2 + (size_t)ndict * 12 +
                  (size_t)nlex * 16 + (size_t)nslots * 8 + (size_t)nentries * 4 + 4;
    if (length < need) {
        diag_set(d, name, 0, "truncated model (%zu bytes, expected %zu)", length, need);
        return NULL;
    }
    if (length > need) {
        diag_set(d, name, 0, "corrupt model (%zu bytes, expected %zu)", length, need);
        return NULL;
    }
    if (hash_crc32(p, need - 4, 0) != get32(p + need - 4)) {
        diag_set(d, name, 0, "checksum mismatch (the model file is corrupt)");
        return NULL;
    }
    static atomic_uint_fast64_t next_id = 1;
    tagger *m = xcalloc(1, sizeof *m);
    m->id = atomic_fetch_add(&next_id, 1);
#if HAVE_AVX2_ROWS
    m->avx2 = __builtin_cpu_supports("avx2");
#endif
    m->nxpos = nxpos;
    m->nclasses = nclasses;
    m->nslots = nslots;
    m->nentries = nentries;
    m->nfeatures = nfeatures;
    m->nstages = nstages;
    m->ndict = ndict;
    m->nlex = nlex;
    m->keep_static = ~drop_static;
    m->keep_dynamic = ~drop_dynamic;
    m->bytes = length;
    m->dict_keys = xmalloc((size_t)ndict * sizeof *m->dict_keys);
    m->dict_classes = xmalloc(ndict);
    m->lex_keys = xmalloc((size_t)nlex * sizeof *m->lex_keys);
    m->lex_ambs = xmalloc((size_t)nlex * sizeof *m->lex_ambs);
    m->xpos_names = xcalloc(256, sizeof *m->xpos_names);
    m->slots = xmalloc((size_t)nslots * sizeof *m->slots);
    m->entries = xmalloc((size_t)nentries * sizeof *m->entries);
    const unsigned char *q = p + HEADER_BYTES;
    const char *problem = NULL;
    for (uint32_t i = 0; i < nxpos && !problem; i++, q += 8) {
        memcpy(m->xpos_names[i], q, 8);
        if (m->xpos_names[i][7] != 0 || m->xpos_names[i][0] == 0)
            problem = "bad XPOS name";
        for (int k = 0; k < 7 && m->xpos_names[i][k]; k++)
            if ((unsigned char)m->xpos_names[i][k] <= ' ' ||
                (unsigned char)m->xpos_names[i][k] >= 0x7F)
                problem = "bad XPOS name";
    }
    for (uint32_t i = nxpos; i < 256; i++)
        memcpy(m->xpos_names[i], "_", 2);
    for (uint32_t i = 0; i < nclasses && !problem; i++, q += 2) {
        m->class_upos[i] = q[0];
        m->class_xpos[i] = q[1];
        if (q[0] == 0 || q[0] >= UPOS_COUNT || q[1] >= nxpos)
            problem = "bad class table";
    }
    uint32_t in_dict = 0;
    for (uint32_t i = 0; i < ndict && !problem; i++, q += 12) {
        m->dict_keys[i] = (uint64_t)get32(q) | (uint64_t)get32(q + 4) << 32;
        m->dict_classes[i] = q[8];
        in_dict += m->dict_keys[i] != 0;
        if (m->dict_keys[i] ? q[8] >= nclasses : q[8] != 0)
            problem = "bad tag dictionary entry";
        if (q[9] || q[10] || q[11])
            problem = "bad tag dictionary entry";
    }
    if (!problem && in_dict >= ndict)
        problem = "tag dictionary full";
    uint32_t in_lexicon = 0;
    for (uint32_t i = 0; i < nlex && !problem; i++, q += 16) {
        m->lex_keys[i] = (uint64_t)get32(q) | (uint64_t)get32(q + 4) << 32;
        m->lex_ambs[i] = (uint64_t)get32(q + 8) | (uint64_t)get32(q + 12) << 32;
        in_lexicon += m->lex_keys[i] != 0;
        if (!m->lex_keys[i] && m->lex_ambs[i])
            problem = "bad lexicon entry";
    }
    if (!problem && in_lexicon >= nlex)
        problem = "lexicon full";
    uint32_t occupied = 0;
    for (uint32_t i = 0; i < nslots && !problem; i++, q += 8) {
        m->slots[i].fingerprint = get32(q);
        m->slots[i].offset = get32(q + 4);
        if (m->slots[i].fingerprint) {
            occupied++;
            if (m->slots[i].offset >= nentries)
                problem = "feature offset out of range";
        }
    }
    if (!problem && occupied != nfeatures)
        problem = "feature count does not match the table";
    for (uint32_t i = 0; i < nentries && !problem; i++, q += 4) {
        m->entries[i].cls = q[0];
        m->entries[i].last = q[1];
        m->entries[i].weight = (int16_t)(uint16_t)(q[2] | q[3] << 8);
        if (q[0] >= nclasses || q[1] > 1)
            problem = "bad weight entry";
    }
    if (!problem && !m->entries[nentries - 1].last)
        problem = "unterminated weight list";
    if (!problem)
        problem = make_dense(m);
    if (problem) {
        diag_set(d, name, 0, "corrupt model (%s)", problem);
        tagger_free(m);
        return NULL;
    }
    return m;
}

tagger *tagger_load(const char *path, diag *d)
{
    char *data;
    size_t length;
    if (file_read_all(path, TAGGER_FILE_MAX, &data, &length, d))
        return NULL;
    tagger *m = tagger_load_bytes(data, length, path, d);
    free(data);
    return m;
}

void tagger_free(tagger *model)
{
    if (!model)
        return;
    free(model->xpos_names);
    free(model->dict_keys);
    free(model->dict_classes);
    free(model->lex_keys);
    free(model->lex_ambs);
    free(model->slots);
    free(model->entries);
    free(model->dense);
    free(model);
}

const char *tagger_xpos_name(const tagger *model, uint8_t xpos)
{
    return model && xpos < model->nxpos ? model->xpos_names[xpos] : "_";
}

uint8_t tagger_xpos_find(const tagger *model, const char *name)
{
    for (uint32_t i = 1; model && i < model->nxpos; i++)
        if (strcmp(model->xpos_names[i], name) == 0)
            return (uint8_t)i;
    return 0;
}

void tagger_get_info(const tagger *model, tagger_info *info)
{
    info->classes = model->nclasses;
    info->xpos = model->nxpos;
    info->features = model->nfeatures;
    info->weights = model->nentries;
    info->bytes = model->bytes;
}

/* ---- decoding ---- */

static inline const tagger_slot *find_slot(const tagger *m, uint64_t key)
{
    uint32_t fp = (uint32_t)(key >> 32);
    fp += fp == 0;
    uint32_t mask = m->nslots - 1;
    for (uint32_t i = (uint32_t)key & mask;; i = (i + 1) & mask) {
        const tagger_slot *s = &m->slots[i];
        if (s->fingerprint == fp)
            return s;
        if (s->fingerprint == 0)
            return NULL;
    }
}

typedef int16_t lanes16 __attribute__((vector_size(2 * LANES)));
typedef int32_t lanes32 __attribute__((vector_size(4 * LANES)));

/* Where a feature's weights are, for prefetching. */
static inline const void *weights_of(const tagger *model, const tagger_slot *s)
{
    return s->offset & SLOT_DENSE
               ? (const void *)(model->dense + (size_t)(s->offset & ~SLOT_DENSE) * model->lanes)
               : (const void *)&model->entries[s->offset];
}

#if HAVE_AVX2_ROWS
__attribute__((target("avx2"))) static inline void add_row_avx2(const int16_t *row, int32_t *scores,
                                                                uint32_t lanes)
{
#pragma GCC unroll 4
    for (uint32_t c = 0; c < lanes; c += LANES) {
        __m256i w = _mm256_cvtepi16_epi32(_mm_loadu_si128((const __m128i *)(row + c)));
        __m256i *to = (__m256i *)(scores + c);
        _mm256_storeu_si256(to, _mm256_add_epi32(_mm256_loadu_si256(to), w));
    }
}
#endif

/* Adds the weights of one feature to scores (SCORES_MAX long). */
static inline void add_slot(const tagger *model, const tagger_slot *s, int32_t *scores)
{
    if (s->offset & SLOT_DENSE) {
        /* lanes in a local: the stores to scores could alias model->lanes otherwise, and the
         * loop would read it again every step */
        uint32_t lanes = model->lanes;
        const int16_t *row = model->dense + (size_t)(s->offset & ~SLOT_DENSE) * lanes;
#if HAVE_AVX2_ROWS
        if (model->avx2) {
            add_row_avx2(row, scores, lanes);
            return;
        }
#endif
        for (uint32_t c = 0; c < lanes; c += LANES) {
            lanes16 w;
            lanes32 sum;
            memcpy(&w, row + c, sizeof w);
            memcpy(&sum, scores + c, sizeof sum);
            sum += __builtin_convertvector(w, lanes32);
            memcpy(scores + c, &sum, sizeof sum);
        }
        return;
    }
    for (const tagger_entry *e = &model->entries[s->offset];; e++) {
        scores[e->cls] += e->weight;
        if (e->last)
            break;
    }
}

/* Adds the weights of the features found to scores. The lookups are cache misses in a table
 * of megabytes, so they go in rounds - prefetch every slot, probe them and prefetch the weight
 * lists, then add - letting the misses overlap. */
SCORING_CLONES static void add_weights(const tagger *model, const uint64_t *keys, size_t nkeys,
                                       int32_t *scores)
{
    uint32_t mask = model->nslots - 1;
    for (size_t f = 0; f < nkeys; f++)
        __builtin_prefetch(&model->slots[(uint32_t)keys[f] & mask]);
    const tagger_slot *found[TAGGER_MAX_FEATURES];
    size_t nfound = 0;
    for (size_t f = 0; f < nkeys; f++) {
        const tagger_slot *s = find_slot(model, keys[f]);
        if (s) {
            __builtin_prefetch(weights_of(model, s));
            found[nfound++] = s;
        }
    }
    for (size_t f = 0; f < nfound; f++)
        add_slot(model, found[f], scores);
}

/* ---- the word cache ---- */

/* Each thread keeps, per word type (form, lower case, sentence style and pass), the summed
 * weights of the word-only templates in a direct-mapped table of WORD_CACHE_SLOTS rows: a word
 * seen before costs one row copy instead of 14 lookups in megabytes of weights. Sums of
 * integers do not depend on their order, so the tags are the same with and without it. It
 * belongs to one model (emptied when the thread tags with another) and is freed with its thread. */
enum { WORD_CACHE_SLOTS = 8192 };
typedef struct word_cache_key {
    uint64_t form, lower;
    uint32_t tag; /* 0 = empty */
} word_cache_key;
typedef struct word_cache {
    uint64_t model_id;
    uint32_t lanes;
    word_cache_key *keys;
    int32_t *rows; /* WORD_CACHE_SLOTS rows of `lanes` scores */
} word_cache;

static pthread_key_t cache_key;
static bool cache_key_ok;
static pthread_once_t cache_once = PTHREAD_ONCE_INIT;
static _Thread_local word_cache *thread_cache;

static void word_cache_free(void *p)
{
    word_cache *c = p;
    if (c) {
        free(c->keys);
        free(c->rows);
        free(c);
    }
}

static void word_cache_key_make(void)
{
    cache_key_ok = pthread_key_create(&cache_key, word_cache_free) == 0;
}

/* This thread's cache, empty unless it last served `model`; NULL when the thread cannot have
 * one (no thread-specific key: the scores are then summed for every word). */
static word_cache *word_cache_get(const tagger *model)
{
    word_cache *c = thread_cache;
    if (!c) {
        pthread_once(&cache_once, word_cache_key_make);
        if (!cache_key_ok)
            return NULL;
        c = xcalloc(1, sizeof *c);
        if (pthread_setspecific(cache_key, c) != 0) {
            free(c);
            return NULL;
        }
        thread_cache = c;
    }
    if (c->model_id != model->id) {
        if (c->lanes != model->lanes) {
            free(c->rows);
            c->rows = xmalloc((size_t)WORD_CACHE_SLOTS * model->lanes * sizeof *c->rows);
            c->lanes = model->lanes;
        }
        if (!c->keys)
            c->keys = xmalloc(WORD_CACHE_SLOTS * sizeof *c->keys);
        memset(c->keys, 0, WORD_CACHE_SLOTS * sizeof *c->keys);
        c->model_id = model->id;
    }
    return c;
}

/* Sums the weights of the word-only keys of word ctx[2] (whose text is `word`) in a pass into
 * scores (model->lanes long, zeroed first). Its affixes are hashed first if they were left out. */
static void word_sum(const tagger *model, const tagger_word *const ctx[5], slice word,
                     unsigned stage, int32_t *scores)
{
    tagger_word *w = (tagger_word *)ctx[2]; /* a word of tagger_tag_words' own array */
    if (!w->affixes) {
        uint64_t amb = w->amb;
        uint8_t style = w->style;
        tagger_word_init(w, word, true);
        w->amb = amb;
        w->style = style;
    }
    uint64_t keys[TAGGER_MAX_STATIC];
    size_t nkeys = tagger_features_static_some(ctx, stage, TAGGER_START, TAGGER_START,
                                               WORD_ONLY_TEMPLATES & model->keep_static, keys);
    memset(scores, 0, model->lanes * sizeof *scores);
    add_weights(model, keys, nkeys, scores);
}

/* Sets scores (model->lanes long) to the summed weights of word ctx[2]'s word-only keys in a
 * pass, from the cache when it has them. */
SCORING_CLONES static void word_scores(const tagger *model, word_cache *cache,
                                       const tagger_word *const ctx[5], slice word, unsigned stage,
                                       int32_t *scores)
{
    if (!cache) {
        word_sum(model, ctx, word, stage, scores);
        return;
    }
    const tagger_word *w = ctx[2];
    uint32_t tag = 1u | stage << 1 | (uint32_t)w->style << 2;
    size_t at = mix64(w->form ^ (w->lower + tag)) & (WORD_CACHE_SLOTS - 1);
    word_cache_key *k = &cache->keys[at];
    int32_t *row = cache->rows + at * model->lanes;
    if (k->tag != tag || k->form != w->form || k->lower != w->lower) {
        word_sum(model, ctx, word, stage, row);
        k->form = w->form;
        k->lower = w->lower;
        k->tag = tag;
    }
    memcpy(scores, row, model->lanes * sizeof *scores);
}

enum { STACK_WORDS = 320, CHUNK = 16 };

/* The highest of scores[0..n), in vectors of LANES (the compiler does not vectorise the plain
 * loop at -O2). */
__attribute__((always_inline)) static inline int32_t max_score(const int32_t *scores, unsigned n)
{
    int32_t top = scores[0];
    unsigned c = 0;
    if (n >= LANES) {
        lanes32 v, x;
        memcpy(&v, scores, sizeof v);
        for (c = LANES; c + LANES <= n; c += LANES) {
            memcpy(&x, scores + c, sizeof x);
            lanes32 more = x > v;
            v = (x & more) | (v & ~more);
        }
        for (unsigned k = 0; k < LANES; k++)
            top = v[k] > top ? v[k] : top;
    }
    for (; c < n; c++)
        top = scores[c] > top ? scores[c] : top;
    return top;
}

/* The first class with the highest score (the maximum, then its position), and unless second
 * is NULL the highest score of the other classes in *second. */
__attribute__((always_inline)) static inline unsigned argmax(int32_t *scores, unsigned n,
                                                             int32_t *second)
{
    int32_t top = max_score(scores, n);
    unsigned c = 0;
    while (scores[c] != top)
        c++;
    if (second) {
        scores[c] = INT32_MIN;
        *second = n > 1 ? max_score(scores, n) : INT32_MIN;
        scores[c] = top;
    }
    return c;
}

/* ctx[k] = word i + k - 2 of n. */
static inline void word_window(const tagger_word *info, size_t n, size_t i,
                               const tagger_word *ctx[5])
{
    if (i >= 2 && i + 2 < n) {
        for (int k = 0; k < 5; k++)
            ctx[k] = &info[i + (size_t)k - 2];
        return;
    }
    for (int k = 0; k < 5; k++) {
        size_t j = i + (size_t)k; /* word i + k - 2, shifted by 2 */
        ctx[k] = j < 2        ? tagger_word_boundary((int)j - 2)
                 : j - 2 >= n ? tagger_word_boundary(j - 2 == n ? 1 : 2)
                              : &info[j - 2];
    }
}

SCORING_CLONES void tagger_tag_words(const tagger *model, const slice *words, size_t n,
                                     uint8_t *upos, uint8_t *xpos)
{
    tagger_word stack_words[STACK_WORDS];
    tagger_word *info = n <= STACK_WORDS ? stack_words : xmalloc(n * sizeof *info);
    uint8_t stack_fixed[STACK_WORDS];
    uint8_t *fixed = n <= STACK_WORDS ? stack_fixed : xmalloc(n);
    /* Words of the tag dictionary get their class directly, in every pass. */
    for (size_t i = 0; i < n; i++) {
        tagger_word_init(&info[i], words[i], false); /* the affixes when needed */
        fixed[i] = (uint8_t)tagger_dict_find(model->dict_keys, model->dict_classes, model->ndict,
                                             info[i].form);
        info[i].amb =
            tagger_lexicon_find(model->lex_keys, model->lex_ambs, model->nlex, info[i].lower);
    }
    tagger_sentence_style(info, n);
    word_cache *cache = word_cache_get(model);
    uint64_t keys[CHUNK][TAGGER_MAX_STATIC];
    size_t nkeys[CHUNK];
    int32_t base[CHUNK][SCORES_MAX];
    uint64_t dynamic[TAGGER_MAX_DYNAMIC];
    /* The first pass leaves its classes in upos[]; the second reads those of the next two
     * words (not yet overwritten) before replacing each upos[i] with its own class. */
    for (unsigned stage = 0; stage < model->nstages; stage++) {
        unsigned prev1 = TAGGER_START, prev2 = TAGGER_START;
        for (size_t from = 0; from < n; from += CHUNK) {
            size_t m = n - from < CHUNK ? n - from : CHUNK;
            /* The static features of a chunk of words, scored as one software pipeline:
             * prefetch word j's slots, probe word j - 1's and prefetch its weight lists, add
             * word j - 2's weights - so misses of neighbouring words overlap. */
            for (size_t j = 0; j < m; j++) {
                const tagger_word *ctx[5];
                size_t i = from + j;
                word_window(info, n, i, ctx);
                unsigned right1 = stage && i + 1 < n ? upos[i + 1] : TAGGER_START;
                unsigned right2 = stage && i + 2 < n ? upos[i + 2] : TAGGER_START;
                nkeys[j] = 0;
                if (fixed[i] == TAGGER_DICT_NONE) {
                    /* the word-only features from the cache, the others in the pipeline */
                    nkeys[j] = tagger_features_static_some(
                        ctx, stage, right1, right2, ~WORD_ONLY_TEMPLATES & model->keep_static,
                        keys[j]);
                    word_scores(model, cache, ctx, words[i], stage, base[j]);
                }
            }
            const tagger_slot *lists[2][TAGGER_MAX_STATIC];
            size_t nlists[2] = {0, 0};
            uint32_t mask = model->nslots - 1;
            for (size_t j = 0; j < m + 2; j++) {
                if (j < m)
                    for (size_t f = 0; f < nkeys[j]; f++)
                        __builtin_prefetch(&model->slots[(uint32_t)keys[j][f] & mask]);
                if (j >= 1 && j - 1 < m) {
                    size_t b = (j - 1) & 1, nl = 0;
                    for (size_t f = 0; f < nkeys[j - 1]; f++) {
                        const tagger_slot *s = find_slot(model, keys[j - 1][f]);
                        if (s) {
                            __builtin_prefetch(weights_of(model, s));
                            lists[b][nl++] = s;
                        }
                    }
                    nlists[b] = nl;
                }
                if (j >= 2) {
                    size_t b = (j - 2) & 1;
                    int32_t *scores = base[j - 2];
                    for (size_t f = 0; f < nlists[b]; f++)
                        add_slot(model, lists[b][f], scores);
                }
            }
            /* Then the greedy left-to-right decision with the previous tags. */
            for (size_t j = 0; j < m; j++) {
                const tagger_word *ctx[5];
                size_t i = from + j;
                if (fixed[i] != TAGGER_DICT_NONE) {
                    upos[i] = fixed[i];
                    prev2 = prev1;
                    prev1 = fixed[i];
                    continue;
                }
                word_window(info, n, i, ctx);
                unsigned right1 = stage && i + 1 < n ? upos[i + 1] : TAGGER_START;
                size_t nd = tagger_features_dynamic_some(ctx, stage, prev1, prev2, right1,
                                                         model->keep_dynamic, dynamic);
                add_weights(model, dynamic, nd, base[j]);
                bool gate = stage == 0 && model->nstages > 1;
                int32_t second;
                unsigned best = argmax(base[j], model->nclasses, gate ? &second : NULL);
                upos[i] = (uint8_t)best;
                /* A confident first-pass decision is final: the second pass skips it. */
                if (gate && (int64_t)base[j][best] - second >= TAGGER_PASS2_MARGIN)
                    fixed[i] = (uint8_t)best;
                prev2 = prev1;
                prev1 = best;
            }
        }
    }
    for (size_t i = 0; i < n; i++) {
        xpos[i] = model->class_xpos[upos[i]];
        upos[i] = model->class_upos[upos[i]];
    }
    if (info != stack_words)
        free(info);
    if (fixed != stack_fixed)
        free(fixed);
}

void tagger_tag_sentence(const tagger *model, const text_result *text, token *tokens,
                         size_t ntokens)
{
    enum { PIECE = TEXT_MAX_SENTENCE_TOKENS };
    slice words[PIECE];
    uint8_t upos[PIECE], xpos[PIECE];
    /* Sentences are cut at TEXT_MAX_SENTENCE_TOKENS by the splitter; a longer run would be
     * tagged in pieces. */
    for (size_t from = 0; from < ntokens; from += PIECE) {
        size_t n = ntokens - from < PIECE ? ntokens - from : PIECE;
        for (size_t i = 0; i < n; i++)
            words[i] = token_text(text, &tokens[from + i]);
        tagger_tag_words(model, words, n, upos, xpos);
        for (size_t i = 0; i < n; i++) {
            tokens[from + i].upos = upos[i];
            tokens[from + i].xpos = xpos[i];
        }
    }
}
