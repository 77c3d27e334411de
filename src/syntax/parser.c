/* parser.c - the dependency parser: relations, words and tags, model loading and decoding,
 * greedy or with a beam (docs/parser.md); the transition system is in parser_state.c, the
 * feature templates in parser_features.c, the beam in parser_beam.c.
 *
 * Runs in the syntax stage after the tagger: words and their tags in, one head and one
 * Universal Dependencies relation per word out. The model (trained by parser_train.c) is an
 * open-addressed table of feature fingerprints pointing at short runs of (class, weight).
 */
#include "syntax.h"

#include <stdlib.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

/* ---- relations ---- */

static const char *const relation_names[DEP_COUNT] = {
    "_",
    "acl",
    "acl:relcl",
    "advcl",
    "advcl:relcl",
    "advmod",
    "amod",
    "appos",
    "aux",
    "aux:pass",
    "case",
    "cc",
    "cc:preconj",
    "ccomp",
    "clf",
    "compound",
    "compound:prt",
    "conj",
    "cop",
    "csubj",
    "csubj:outer",
    "csubj:pass",
    "dep",
    "det",
    "det:predet",
    "discourse",
    "dislocated",
    "expl",
    "fixed",
    "flat",
    "flat:foreign",
    "goeswith",
    "iobj",
    "list",
    "mark",
    "nmod",
    "nmod:desc",
    "nmod:npmod",
    "nmod:poss",
    "nmod:tmod",
    "nmod:unmarked",
    "nsubj",
    "nsubj:outer",
    "nsubj:pass",
    "nummod",
    "obj",
    "obl",
    "obl:agent",
    "obl:npmod",
    "obl:tmod",
    "obl:unmarked",
    "orphan",
    "parataxis",
    "punct",
    "reparandum",
    "root",
    "vocative",
    "xcomp",
};

const char *dep_relation_name(unsigned relation)
{
    return relation > DEP_NONE && relation < DEP_COUNT ? relation_names[relation] : "_";
}

dep_relation dep_relation_from_name(const char *name, size_t length)
{
    for (int pass = 0; pass < 2; pass++) {
        for (unsigned r = 1; r < DEP_COUNT; r++)
            if (strlen(relation_names[r]) == length && memcmp(relation_names[r], name, length) == 0)
                return (dep_relation)r;
        const char *colon = memchr(name, ':', length);
        if (!colon)
            break;
        length = (size_t)(colon - name);
    }
    return DEP_NONE;
}

/* ---- words and tags ---- */

#define WORD_MAX 64

void parser_input_init(parser_input *in, slice form, unsigned upos, slice xpos)
{
    char lower[WORD_MAX];
    size_t n = 0;
    const unsigned char *p = (const unsigned char *)form.ptr;
    for (size_t i = 0; i < form.len && n < WORD_MAX; i++) {
        unsigned char c = p[i];
        /* Curly quotes read as straight ones (news typography, treebank spelling). */
        if (c == 0xE2 && i + 2 < form.len && p[i + 1] == 0x80 && p[i + 2] >= 0x98 &&
            p[i + 2] <= 0x9D) {
            c = p[i + 2] <= 0x9B ? '\'' : '"';
            i += 2;
        }
        if (c >= 'A' && c <= 'Z')
            c = (unsigned char)(c + 32);
        else if (c >= '0' && c <= '9')
            c = '0';
        lower[n++] = (char)c;
    }
    uint64_t h = hash_bytes(lower, n, 0x7061727365ULL + (form.len > WORD_MAX ? form.len : 0));
    in->word = h + (h == 0);
    in->tag = hash_bytes(xpos.ptr, xpos.len, 0x746167ULL + upos);
    in->upos = (uint8_t)upos;
}

uint64_t parser_upos_hash(unsigned upos)
{
    return (upos + 1) * 0x9E3779B97F4A7C15ULL ^ 0x75706f73ULL;
}

static inline uint64_t mix64(uint64_t h)
{
    h ^= h >> 32;
    h *= 0xd6e8feb86659fd93ULL;
    h ^= h >> 32;
    h *= 0xd6e8feb86659fd93ULL;
    h ^= h >> 32;
    return h;
}

/* The pseudo-words: nothing (an empty stack position, a missing child) and the root. */
#define NONE_WORD 0x2f0b5c1d8e3a7964ULL
#define NONE_TAG 0x5a17e4c3b2d19f08ULL
#define ROOT_WORD 0x7c3e9a15d4b2f061ULL
#define ROOT_TAG 0x1e5d7a3c9b0f4286ULL

void parser_tokens_finish(parser_token *tokens, size_t n)
{
    tokens[0].word = NONE_WORD;
    tokens[0].tag = NONE_TAG;
    tokens[n + 1].word = ROOT_WORD;
    tokens[n + 1].tag = ROOT_TAG;
    tokens[0].upos = NONE_TAG + 1;
    tokens[n + 1].upos = ROOT_TAG + 1;
    for (size_t i = 0; i < n + 2; i++)
        tokens[i].word_tag = mix64(tokens[i].word * 0x9E3779B97F4A7C15ULL + tokens[i].tag);
}

/* ---- the model ---- */

/* Both classifiers keep their features in buckets of one cache line holding eight features,
 * found from the key's low bits (a bucket that is full sends the search on to the next one;
 * a bucket with an empty slot ends it), so a feature costs one cache line to look up. Each
 * classifier has two tables: features with words, and the few, always used features without
 * (keys with PARSER_TAG_KEY), which stay in the cache.
 *
 * The move classifier keeps a feature's three weights in its bucket; a 16-bit fingerprint
 * (bits 47-62 of the key, with the bucket's position about 35 bits) tells features apart, 0
 * marks an empty slot. */
#define BUCKET_SLOTS 8
typedef struct parser_move_bucket {
    uint16_t fingerprint[BUCKET_SLOTS];
    int16_t weight[BUCKET_SLOTS][PARSER_MOVES];
} parser_move_bucket;

/* The relation classifier's features are for one direction of arc; their weights are given
 * per lane, lane i standing for the direction's i-th relation (in id order, root apart). A
 * feature with many weights has a dense row of PARSER_LANES weights (added with vector
 * instructions); the others point at runs of (lane, weight). */
#define DENSE_ROW 0x80000000u /* in a slot's reference: the rest is a row index */
typedef struct parser_relation_bucket {
    uint32_t fingerprint[BUCKET_SLOTS]; /* 0 = empty */
    uint32_t ref[BUCKET_SLOTS];         /* first entry, or DENSE_ROW | row */
} parser_relation_bucket;

typedef struct parser_entry {
    uint8_t lane;
    uint8_t last; /* 1 on the last entry of a feature */
    int16_t weight;
} parser_entry;

/* A table of buckets: nbuckets (a power of two) and the features it holds. */
typedef struct parser_table {
    uint32_t nbuckets, nfeatures;
    void *buckets; /* parser_move_bucket or parser_relation_bucket */
} parser_table;

struct parser {
    /* [0]: features with words, [1]: features without (keys with PARSER_TAG_KEY) */
    parser_table moves[2], labels[2];
    uint32_t nentries, nrows, nvocab;
    uint8_t relations[PARSER_MOVES][PARSER_LANES]; /* the relation of each lane */
    unsigned nrelations[PARSER_MOVES];
    uint64_t *vocab;
    parser_entry *entries;
    int16_t (*rows)[PARSER_LANES]; /* 96 bytes a row: half the cache lines of 32-bit weights */
    size_t bytes;
    unsigned beam;         /* the beam width it decodes with (0 or 1: greedy) */
    unsigned trained_beam; /* the width in the file */
    bool joint;            /* moves and relations scored together (a beam, even of one) */
};

static uint32_t get32(const unsigned char *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static uint16_t get16(const unsigned char *p)
{
    return (uint16_t)(p[0] | p[1] << 8);
}

#define HEADER_BYTES 80
#define MAX_BUCKETS ((uint32_t)1 << 22)
#define MAX_ENTRIES ((uint32_t)1 << 26)
#define MAX_VOCAB ((uint32_t)1 << 22)

static bool power_of_two(uint32_t v, uint32_t max)
{
    return v >= 1 && v <= max && (v & (v - 1)) == 0;
}

static void *aligned_or_die(size_t size)
{
    void *p = aligned_alloc(64, (size + 63) / 64 * 64);
    if (!p)
        die("out of memory (%zu bytes)", size);
    return p;
}

/* Reads a move table of t->nbuckets buckets at q; returns a problem or NULL. */
static const char *read_moves(parser_table *t, const unsigned char *q)
{
    parser_move_bucket *buckets = t->buckets = aligned_or_die((size_t)t->nbuckets * 64);
    uint32_t used = 0;
    for (uint32_t i = 0; i < t->nbuckets; i++, q += 64) {
        parser_move_bucket *b = &buckets[i];
        for (int k = 0; k < BUCKET_SLOTS; k++) {
            b->fingerprint[k] = get16(q + 2 * k);
            used += b->fingerprint[k] != 0;
            for (int mv = 0; mv < PARSER_MOVES; mv++) {
                b->weight[k][mv] = (int16_t)get16(q + 16 + 6 * k + 2 * mv);
                if (!b->fingerprint[k] && b->weight[k][mv])
                    return "bad move slot";
            }
        }
    }
    return used == t->nfeatures ? NULL : "move feature count does not match the table";
}

/* Reads a relation table at q; references must fall inside the entries and rows. */
static const char *read_relations(parser_table *t, const unsigned char *q, uint32_t nentries,
                                  uint32_t nrows)
{
    parser_relation_bucket *buckets = t->buckets = aligned_or_die((size_t)t->nbuckets * 64);
    uint32_t used = 0;
    for (uint32_t i = 0; i < t->nbuckets; i++, q += 64) {
        parser_relation_bucket *b = &buckets[i];
        for (int k = 0; k < BUCKET_SLOTS; k++) {
            b->fingerprint[k] = get32(q + 4 * k);
            b->ref[k] = get32(q + 32 + 4 * k);
            used += b->fingerprint[k] != 0;
            uint32_t r = b->ref[k];
            if (b->fingerprint[k] ? (r & DENSE_ROW ? (r & ~DENSE_ROW) >= nrows : r >= nentries)
                                  : r != 0)
                return "bad relation slot";
        }
    }
    return used == t->nfeatures ? NULL : "relation feature count does not match the table";
}

parser *parser_load_bytes(const char *data, size_t length, const char *name, diag *d)
{
    const unsigned char *p = (const unsigned char *)data;
    if (length < 8 || memcmp(p, PARSER_MAGIC, 8) != 0) {
        diag_set(d, name, 0, "not a sitrep parser model (bad magic)");
        return NULL;
    }
    if (length < HEADER_BYTES + 4) {
        diag_set(d, name, 0, "truncated model (%zu bytes)", length);
        return NULL;
    }
    uint32_t version = get32(p + 8);
    if (version != PARSER_VERSION) {
        diag_set(d, name, 0,
                 "model format version %u, expected %u (retrain with `sitrep train-parser`)",
                 version, PARSER_VERSION);
        return NULL;
    }
    uint32_t feature_set = get32(p + 12);
    if (feature_set != PARSER_FEATURE_SET) {
        diag_set(d, name, 0, "model of feature set %u, expected %u (retrain it)", feature_set,
                 PARSER_FEATURE_SET);
        return NULL;
    }
    parser_table tables[4]; /* moves[0], moves[1], labels[0], labels[1] */
    bool ok = true;
    for (int i = 0; i < 4; i++) {
        tables[i].nbuckets = get32(p + 16 + 8 * i);
        tables[i].nfeatures = get32(p + 20 + 8 * i);
        tables[i].buckets = NULL;
        ok &= power_of_two(tables[i].nbuckets, MAX_BUCKETS) &&
              tables[i].nfeatures < tables[i].nbuckets * BUCKET_SLOTS;
    }
    uint32_t nentries = get32(p + 48), nrows = get32(p + 52), nvocab = get32(p + 56);
    uint64_t left = (uint64_t)get32(p + 64) | (uint64_t)get32(p + 68) << 32;
    uint64_t right = (uint64_t)get32(p + 72) | (uint64_t)get32(p + 76) << 32;
    uint64_t valid = (((uint64_t)1 << DEP_COUNT) - 1) & ~(uint64_t)1;
    if (!ok || nentries > MAX_ENTRIES || nrows > MAX_ENTRIES || nvocab < 2 ||
        !power_of_two(nvocab, MAX_VOCAB) || (get32(p + 60) & 0xffff) > PARSER_BEAM_MAX ||
        (get32(p + 60) >> 16 & ~PARSER_FLAG_JOINT) || (left & ~valid) || (right & ~valid) ||
        !(left >> DEP_ROOT & 1) || (right >> DEP_ROOT & 1) || left == ((uint64_t)1 << DEP_ROOT) ||
        right == 0 || __builtin_popcountll(left) - 1 > PARSER_LANES ||
        __builtin_popcountll(right) > PARSER_LANES) {
        diag_set(d, name, 0, "corrupt model header (counts out of range)");
        return NULL;
    }
    size_t need = HEADER_BYTES + (size_t)nvocab * 8 + (size_t)nentries * 4 +
                  (size_t)nrows * PARSER_LANES * 2 + 4;
    for (int i = 0; i < 4; i++)
        need += (size_t)tables[i].nbuckets * 64;
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
    parser *m = xcalloc(1, sizeof *m);
    m->nentries = nentries;
    m->nrows = nrows;
    m->nvocab = nvocab;
    m->bytes = length;
    m->beam = m->trained_beam = get32(p + 60) & 0xffff;
    m->joint = get32(p + 60) >> 16 & PARSER_FLAG_JOINT;
    for (unsigned r = 1; r < DEP_COUNT; r++) {
        if ((left >> r & 1) && r != DEP_ROOT)
            m->relations[PARSER_LEFT][m->nrelations[PARSER_LEFT]++] = (uint8_t)r;
        if (right >> r & 1)
            m->relations[PARSER_RIGHT][m->nrelations[PARSER_RIGHT]++] = (uint8_t)r;
    }
    m->vocab = xmalloc((size_t)nvocab * sizeof *m->vocab);
    m->entries = xmalloc(((size_t)nentries + 1) * sizeof *m->entries);
    m->rows = aligned_or_die(((size_t)nrows + 1) * sizeof *m->rows);
    const unsigned char *q = p + HEADER_BYTES;
    const char *problem = NULL;
    uint32_t used = 0;
    for (uint32_t i = 0; i < nvocab; i++, q += 8) {
        m->vocab[i] = (uint64_t)get32(q) | (uint64_t)get32(q + 4) << 32;
        used += m->vocab[i] != 0;
    }
    if (used >= nvocab)
        problem = "vocabulary full";
    /* Every table needs an empty slot somewhere, or a search for an absent key never ends:
     * the feature counts are below the slot counts (checked with the header). */
    for (int i = 0; i < 2; i++) {
        m->moves[i] = tables[i];
        const char *why = read_moves(&m->moves[i], q);
        problem = problem ? problem : why;
        q += (size_t)tables[i].nbuckets * 64;
    }
    for (int i = 0; i < 2; i++) {
        m->labels[i] = tables[2 + i];
        const char *why = read_relations(&m->labels[i], q, nentries, nrows);
        problem = problem ? problem : why;
        q += (size_t)tables[2 + i].nbuckets * 64;
    }
    for (uint32_t i = 0; i < nentries && !problem; i++, q += 4) {
        m->entries[i].lane = q[0];
        m->entries[i].last = q[1];
        m->entries[i].weight = (int16_t)get16(q + 2);
        if (q[0] >= PARSER_LANES || q[1] > 1)
            problem = "bad weight entry";
    }
    if (!problem && nentries && !m->entries[nentries - 1].last)
        problem = "unterminated weight list";
    for (uint32_t i = 0; i < nrows && !problem; i++)
        for (int k = 0; k < PARSER_LANES; k++, q += 2)
            m->rows[i][k] = (int16_t)get16(q);
    if (problem) {
        diag_set(d, name, 0, "corrupt model (%s)", problem);
        parser_free(m);
        return NULL;
    }
    return m;
}

parser *parser_load(const char *path, diag *d)
{
    char *data;
    size_t length;
    if (file_read_all(path, PARSER_FILE_MAX, &data, &length, d))
        return NULL;
    parser *m = parser_load_bytes(data, length, path, d);
    free(data);
    return m;
}

void parser_free(parser *model)
{
    if (!model)
        return;
    free(model->vocab);
    for (int i = 0; i < 2; i++) {
        free(model->moves[i].buckets);
        free(model->labels[i].buckets);
    }
    free(model->entries);
    free(model->rows);
    free(model);
}

void parser_get_info(const parser *model, parser_info *info)
{
    info->relations = model->nrelations[PARSER_LEFT] + 1 + model->nrelations[PARSER_RIGHT];
    info->move_features = model->moves[0].nfeatures + model->moves[1].nfeatures;
    info->label_features = model->labels[0].nfeatures + model->labels[1].nfeatures;
    info->label_weights = model->nentries + (size_t)model->nrows * PARSER_LANES;
    size_t words = 0;
    for (uint32_t i = 0; i < model->nvocab; i++)
        words += model->vocab[i] != 0;
    info->words = words;
    info->bytes = model->bytes;
    info->beam = model->beam > 1 ? model->beam : 1;
}

void parser_set_beam(parser *model, unsigned width)
{
    model->beam = width == 0                ? model->trained_beam
                  : width > PARSER_BEAM_MAX ? PARSER_BEAM_MAX
                                            : width;
}

/* ---- parsing ---- */

/* Which slots of a bucket hold fingerprint fp, as a bit mask: bits 2k and 2k + 1 for slot k
 * of 16-bit fingerprints, bits 4k to 4k + 3 for slot k of 32-bit ones. The eight
 * fingerprints are compared at once (SSE2 on x86-64; a plain loop elsewhere). No branch:
 * lookups are as often misses as hits, so a branch would be mispredicted half the time. */
static inline unsigned match16(const uint16_t *slots, uint16_t fp)
{
#ifdef __SSE2__
    __m128i v = _mm_loadu_si128((const __m128i *)(const void *)slots);
    return (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi16(v, _mm_set1_epi16((short)fp)));
#else
    unsigned m = 0;
    for (unsigned k = 0; k < BUCKET_SLOTS; k++)
        m |= (slots[k] == fp ? 3u : 0u) << (2 * k);
    return m;
#endif
}

static inline unsigned match32(const uint32_t *slots, uint32_t fp)
{
#ifdef __SSE2__
    __m128i want = _mm_set1_epi32((int)fp);
    __m128i a = _mm_loadu_si128((const __m128i *)(const void *)slots);
    __m128i b = _mm_loadu_si128((const __m128i *)(const void *)(slots + 4));
    return (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi32(a, want)) |
           (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi32(b, want)) << 16;
#else
    unsigned m = 0;
    for (unsigned k = 0; k < BUCKET_SLOTS; k++)
        m |= (slots[k] == fp ? 15u : 0u) << (4 * k);
    return m;
#endif
}

/* Adds to scores the weights of the keys found in a move table. Every bucket is prefetched
 * before the first is read, so that the cache misses overlap. */
static const int16_t no_weights[PARSER_MOVES];

static void add_move_table(const parser_table *t, const uint64_t *keys, size_t nkeys, bool prefetch,
                           int32_t scores[PARSER_MOVES])
{
    const parser_move_bucket *buckets = t->buckets;
    uint32_t mask = t->nbuckets - 1;
    if (prefetch)
        for (size_t f = 0; f < nkeys; f++)
            __builtin_prefetch(&buckets[(uint32_t)keys[f] & mask]);
    int32_t s0 = 0, s1 = 0, s2 = 0;
    for (size_t f = 0; f < nkeys; f++) {
        uint16_t fp = (uint16_t)(keys[f] >> 47);
        fp += fp == 0;
        uint32_t i = (uint32_t)keys[f] & mask;
        const parser_move_bucket *b = &buckets[i];
        unsigned hit = match16(b->fingerprint, fp), empty = match16(b->fingerprint, 0);
        /* A full bucket without the key sends the search on (rare: at most 3/4 full). */
        while (__builtin_expect((hit | empty) == 0, 0)) {
            i = (i + 1) & mask;
            b = &buckets[i];
            hit = match16(b->fingerprint, fp);
            empty = match16(b->fingerprint, 0);
        }
        const int16_t *w = hit ? b->weight[__builtin_ctz(hit | 0x10000) >> 1] : no_weights;
        s0 += w[0];
        s1 += w[1];
        s2 += w[2];
    }
    scores[0] += s0;
    scores[1] += s1;
    scores[2] += s2;
}

/* The reference (first entry, or DENSE_ROW | row) of a relation feature; UINT32_MAX when the
 * model does not have it. */
static inline uint32_t find_relation_feature(const parser_table *t, uint64_t key)
{
    const parser_relation_bucket *buckets = t->buckets;
    uint32_t fp = (uint32_t)(key >> 31);
    fp += fp == 0;
    uint32_t mask = t->nbuckets - 1;
    uint32_t i = (uint32_t)key & mask;
    const parser_relation_bucket *b = &buckets[i];
    unsigned hit = match32(b->fingerprint, fp), empty = match32(b->fingerprint, 0);
    while (__builtin_expect((hit | empty) == 0, 0)) {
        i = (i + 1) & mask;
        b = &buckets[i];
        hit = match32(b->fingerprint, fp);
        empty = match32(b->fingerprint, 0);
    }
    return hit ? b->ref[__builtin_ctz(hit) >> 2] : UINT32_MAX;
}

typedef int32_t lanes4 __attribute__((vector_size(16)));
typedef int16_t lanes4_16 __attribute__((vector_size(8)));

/* Adds the relation weights of the features found to scores[lane]: dense rows lane by lane
 * (16-bit weights widened, four lanes per vector addition), the other features entry by
 * entry. keys[0..tags) are
 * looked up in the table of tag features, the rest in the table of word features. */
static void add_relation_weights(const parser *model, const uint64_t *keys, size_t nkeys,
                                 size_t tags, int32_t scores[PARSER_LANES])
{
    const parser_table *words = &model->labels[0];
    for (size_t f = tags; f < nkeys; f++)
        __builtin_prefetch((const parser_relation_bucket *)words->buckets +
                           ((uint32_t)keys[f] & (words->nbuckets - 1)));
    uint32_t refs[PARSER_MAX_LABEL_FEATURES];
    size_t nrefs = 0;
    for (size_t f = 0; f < nkeys; f++) {
        uint32_t ref = find_relation_feature(&model->labels[f < tags], keys[f]);
        refs[nrefs] = ref;
        nrefs += ref != UINT32_MAX;
    }
    for (size_t f = 0; f < nrefs; f++) {
        if (refs[f] & DENSE_ROW) {
            const int16_t *row = model->rows[refs[f] & ~DENSE_ROW];
            __builtin_prefetch(row);
            __builtin_prefetch(row + 32);
        } else {
            __builtin_prefetch(&model->entries[refs[f]]);
        }
    }
    /* Dense rows are widened and summed in vector registers: added to scores in place, the
     * loop stayed scalar (scores might alias a row) and was a sixth of the parser's time. */
    lanes4 sum[PARSER_LANES / 4] = {{0}};
    for (size_t f = 0; f < nrefs; f++) {
        if (refs[f] & DENSE_ROW) {
            const lanes4_16 *row = (const lanes4_16 *)model->rows[refs[f] & ~DENSE_ROW];
            for (int k = 0; k < PARSER_LANES / 4; k++)
                sum[k] += __builtin_convertvector(row[k], lanes4);
        }
    }
    for (int k = 0; k < PARSER_LANES; k++)
        scores[k] += sum[k / 4][k % 4];
    for (size_t f = 0; f < nrefs; f++) {
        if (refs[f] & DENSE_ROW)
            continue;
        for (const parser_entry *e = &model->entries[refs[f]];; e++) {
            scores[e->lane] += e->weight;
            if (e->last)
                break;
        }
    }
}

/* The relation of the arc `move` would make: the best-scored of the direction's relations
 * (never root; the first on ties). */
unsigned parser_choose_relation(const parser *model, const parser_state *state, unsigned move)
{
    uint64_t keys[PARSER_MAX_LABEL_FEATURES];
    size_t tags, nkeys = parser_label_features(state, move, keys, &tags);
    int32_t scores[PARSER_LANES] = {0};
    add_relation_weights(model, keys, nkeys, tags, scores);
    unsigned best = 0;
    for (unsigned i = 1; i < model->nrelations[move]; i++)
        if (scores[i] > scores[best])
            best = i;
    return model->relations[move][best];
}

/* The beam's scorer at run time. The items of a beam often see the same words around the
 * same arc (they differ in arcs made further back), so the scores are cached by a signature
 * of the feature keys, in direct-mapped tables reset for each sentence: the move scores of a
 * configuration and every relation's score of an arc. */
#define CACHE_SLOTS 64
typedef struct beam_context {
    const parser *model;
    struct {
        uint64_t signature; /* 0: empty */
        int32_t scores[PARSER_MOVES];
    } moves[CACHE_SLOTS];
    struct {
        uint64_t signature;
        int32_t scores[PARSER_LANES];
    } relations[CACHE_SLOTS];
} beam_context;

/* A signature of a set of keys (never 0). The keys are already well-mixed hashes that name
 * their template, so their xor and their sum, folded, tell sets apart; both are computed in
 * parallel, without a chain of multiplications. */
static inline uint64_t signature(const uint64_t *keys, size_t n, uint64_t seed)
{
    uint64_t x = seed, a = 0;
    for (size_t i = 0; i < n; i++) {
        x ^= keys[i];
        a += keys[i];
    }
    uint64_t h = (x ^ (a << 32 | a >> 32)) * 0x9E3779B97F4A7C15ULL;
    return (h ^ h >> 29) | 1;
}

static void beam_moves(void *context, const parser_state *s, int64_t scores[PARSER_MOVES])
{
    beam_context *c = context;
    uint64_t keys[PARSER_MAX_FEATURES];
    size_t tags, nkeys = parser_features(s, keys, &tags);
    uint64_t sig = signature(keys, nkeys, nkeys);
    unsigned slot = (unsigned)(sig >> 40) & (CACHE_SLOTS - 1);
    int32_t *sum = c->moves[slot].scores;
    if (c->moves[slot].signature != sig) {
        c->moves[slot].signature = sig;
        sum[0] = sum[1] = sum[2] = 0;
        add_move_table(&c->model->moves[0], keys + tags, nkeys - tags, true, sum);
        add_move_table(&c->model->moves[1], keys, tags, false, sum);
    }
    for (int m = 0; m < PARSER_MOVES; m++)
        scores[m] = sum[m];
}

/* The relation classifier's scores of the arc `move` would make, by lane (cached). */
static const int32_t *relation_scores(beam_context *c, const parser_state *s, unsigned move)
{
    uint64_t keys[PARSER_MAX_LABEL_FEATURES];
    size_t tags, nkeys = parser_label_features(s, move, keys, &tags);
    uint64_t sig = signature(keys, nkeys, move);
    unsigned slot = (unsigned)(sig >> 40) & (CACHE_SLOTS - 1);
    int32_t *scores = c->relations[slot].scores;
    if (c->relations[slot].signature != sig) {
        c->relations[slot].signature = sig;
        memset(scores, 0, sizeof c->relations[slot].scores);
        add_relation_weights(c->model, keys, nkeys, tags, scores);
    }
    return scores;
}

static unsigned beam_relation(void *context, const parser_state *s, unsigned move)
{
    beam_context *c = context;
    const int32_t *scores = relation_scores(c, s, move);
    unsigned best = 0;
    for (unsigned i = 1; i < c->model->nrelations[move]; i++)
        if (scores[i] > scores[best])
            best = i;
    return c->model->relations[move][best];
}

/* Every relation's score for the arc `move` would make (joint scoring). */
static unsigned beam_relations(void *context, const parser_state *s, unsigned move,
                               int64_t lanes[PARSER_LANES], const uint8_t **relation_of)
{
    beam_context *c = context;
    const int32_t *scores = relation_scores(c, s, move);
    unsigned n = c->model->nrelations[move];
    for (unsigned i = 0; i < n; i++)
        lanes[i] = scores[i];
    *relation_of = c->model->relations[move];
    return n;
}

/* Parses with the model's beam. */
static void parse_beam(const parser *model, parser_token *tokens, size_t n, uint16_t *head,
                       uint8_t *relation)
{
    parser_beam b;
    parser_beam_init(&b, model->beam, n);
    beam_context *context = xmalloc(sizeof *context);
    context->model = model;
    for (unsigned i = 0; i < CACHE_SLOTS; i++)
        context->moves[i].signature = context->relations[i].signature = 0;
    parser_beam_scorer sc = {.moves = beam_moves,
                             .relation = beam_relation,
                             .relations = model->joint ? beam_relations : NULL,
                             .context = context};
    parser_beam_parse(&b, &sc, tokens, n);
    const parser_node *nodes = b.item[b.gen][0].st.nodes;
    for (size_t i = 0; i < n; i++) {
        head[i] = nodes[i + 1].head == n + 1 ? 0 : nodes[i + 1].head;
        relation[i] = nodes[i + 1].relation;
    }
    parser_beam_release(&b);
    free(context);
}

enum { STACK_WORDS = 320 };

/* Parses tokens[1..n] (filled and finished) into head and relation. */
static void parse_tokens(const parser *model, parser_token *tokens, size_t n, uint16_t *head,
                         uint8_t *relation)
{
    if (model->beam > 1 || model->joint) {
        parse_beam(model, tokens, n, head, relation);
        return;
    }
    parser_node stack_nodes[STACK_WORDS + 2];
    uint16_t stack_stack[STACK_WORDS + 2];
    bool small = n <= STACK_WORDS;
    parser_node *nodes = small ? stack_nodes : xmalloc((n + 2) * sizeof *nodes);
    uint16_t *stack = small ? stack_stack : xmalloc((n + 2) * sizeof *stack);
    parser_state state;
    parser_state_init(&state, tokens, nodes, stack, n);
    uint64_t keys[PARSER_MAX_FEATURES];
    while (!parser_state_done(&state)) {
        unsigned move = PARSER_SHIFT, rel = 0;
        if (state.depth == 0) {
            move = PARSER_SHIFT; /* the only move */
        } else if (state.b == state.n + 1 && state.depth == 1) {
            move = PARSER_LEFT;
            rel = DEP_ROOT;
        } else {
            if (state.b == state.n + 1) {
                move = PARSER_RIGHT; /* only the root is left in the buffer */
            } else {
                /* shift, a left arc or, with two words on the stack, a right arc (the first
                 * best on ties, as in training) */
                int32_t scores[PARSER_MOVES] = {0, 0, 0};
                size_t tags, nkeys = parser_features(&state, keys, &tags);
                add_move_table(&model->moves[0], keys + tags, nkeys - tags, true, scores);
                add_move_table(&model->moves[1], keys, tags, false, scores);
                move = scores[PARSER_LEFT] > scores[PARSER_SHIFT] ? PARSER_LEFT : PARSER_SHIFT;
                if (state.depth >= 2 && scores[PARSER_RIGHT] > scores[move])
                    move = PARSER_RIGHT;
            }
            if (move != PARSER_SHIFT)
                rel = parser_choose_relation(model, &state, move);
        }
        parser_state_apply(&state, move, rel);
    }
    for (size_t i = 0; i < n; i++) {
        head[i] = nodes[i + 1].head == n + 1 ? 0 : nodes[i + 1].head;
        relation[i] = nodes[i + 1].relation;
    }
    if (!small) {
        free(nodes);
        free(stack);
    }
}

/* The token the features read for a word. */
static inline void token_fill(const parser *model, parser_token *t, const parser_input *in)
{
    bool known = parser_vocab_has(model->vocab, model->nvocab, in->word);
    t->word = known ? in->word : PARSER_UNKNOWN_WORD;
    t->tag = in->tag;
    t->upos = parser_upos_hash(in->upos);
}

void parser_parse_inputs(const parser *model, const parser_input *words, size_t n, uint16_t *head,
                         uint8_t *relation)
{
    if (n == 0 || n > PARSER_MAX_WORDS)
        return;
    parser_token stack_tokens[STACK_WORDS + 2];
    parser_token *tokens = n <= STACK_WORDS ? stack_tokens : xmalloc((n + 2) * sizeof *tokens);
    for (size_t i = 0; i < n; i++)
        token_fill(model, &tokens[i + 1], &words[i]);
    parser_tokens_finish(tokens, n);
    parse_tokens(model, tokens, n, head, relation);
    if (tokens != stack_tokens)
        free(tokens);
}

void parser_parse_words(const parser *model, const parser_word *words, size_t n, uint16_t *head,
                        uint8_t *relation)
{
    if (n == 0 || n > PARSER_MAX_WORDS)
        return;
    parser_token stack_tokens[STACK_WORDS + 2];
    parser_token *tokens = n <= STACK_WORDS ? stack_tokens : xmalloc((n + 2) * sizeof *tokens);
    for (size_t i = 0; i < n; i++) {
        parser_input in;
        parser_input_init(&in, words[i].form, words[i].upos, words[i].xpos);
        token_fill(model, &tokens[i + 1], &in);
    }
    parser_tokens_finish(tokens, n);
    parse_tokens(model, tokens, n, head, relation);
    if (tokens != stack_tokens)
        free(tokens);
}

void parser_parse_sentence(const parser *model, const tagger *tags, const text_result *text,
                           token *tokens, size_t ntokens)
{
    enum { PIECE = TEXT_MAX_SENTENCE_TOKENS };
    parser_word words[PIECE];
    uint16_t head[PIECE];
    uint8_t relation[PIECE];
    for (size_t from = 0; from < ntokens; from += PIECE) {
        size_t n = ntokens - from < PIECE ? ntokens - from : PIECE;
        for (size_t i = 0; i < n; i++) {
            const token *t = &tokens[from + i];
            words[i].form = token_text(text, t);
            words[i].xpos = slice_from_cstr(tagger_xpos_name(tags, t->xpos));
            words[i].upos = t->upos;
        }
        parser_parse_words(model, words, n, head, relation);
        for (size_t i = 0; i < n; i++) {
            tokens[from + i].head = head[i];
            tokens[from + i].deprel = relation[i];
        }
    }
}
