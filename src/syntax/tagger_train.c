/* tagger_train.c - trains the part-of-speech tagger's averaged perceptron from CoNLL-U.
 *
 * Reads a treebank (plain or gzip), learns weights with the perceptron update and lazy
 * averaging, quantises the averaged weights to 16 bits, drops zeros and writes the model
 * format tagger.c loads (docs/tagger.md). Same data and seed give the same bytes.
 */
#include "syntax.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#define TRAIN_MAX_TOKENS ((size_t)8 << 20)
#define TRAIN_MAX_FEATURES ((size_t)16 << 20)
#define TAGLEX_MIN_SHARE 0.1 /* a class in a word's ambiguity class: this share of its uses */

sitrep_status tagger_read_file(const char *path, size_t max_bytes, char **data, size_t *length,
                               diag *d)
{
    char *raw;
    size_t raw_len;
    sitrep_status status = file_read_all(path, max_bytes, &raw, &raw_len, d);
    if (status)
        return status;
    if (raw_len < 2 || (unsigned char)raw[0] != 0x1f || (unsigned char)raw[1] != 0x8b) {
        *data = raw;
        *length = raw_len;
        return SITREP_OK;
    }
    z_stream z;
    memset(&z, 0, sizeof z);
    if (inflateInit2(&z, 16 + MAX_WBITS) != Z_OK) {
        free(raw);
        return diag_set(d, path, 0, "cannot start gzip decompression");
    }
    size_t alloc = raw_len * 4 + 1024, len = 0;
    char *out = xmalloc(alloc);
    z.next_in = (unsigned char *)raw;
    z.avail_in = (uInt)raw_len;
    int rc = Z_OK;
    while (rc != Z_STREAM_END) {
        if (alloc - len < 2) {
            if (alloc > max_bytes) {
                inflateEnd(&z);
                free(raw);
                free(out);
                diag_set(d, path, 0, "uncompressed data is larger than the limit of %zu bytes",
                         max_bytes);
                return SITREP_ELIMIT;
            }
            alloc *= 2;
            out = xrealloc(out, alloc);
        }
        z.next_out = (unsigned char *)out + len;
        z.avail_out = (uInt)(alloc - len - 1);
        rc = inflate(&z, Z_NO_FLUSH);
        len = (size_t)((char *)z.next_out - out);
        if (rc != Z_OK && rc != Z_STREAM_END) {
            inflateEnd(&z);
            free(raw);
            free(out);
            return diag_set(d, path, 0, "corrupt gzip data");
        }
        if (rc == Z_OK && z.avail_in == 0 && z.avail_out != 0) {
            inflateEnd(&z);
            free(raw);
            free(out);
            return diag_set(d, path, 0, "truncated gzip data");
        }
    }
    inflateEnd(&z);
    free(raw);
    out[len] = 0;
    *data = out;
    *length = len;
    return SITREP_OK;
}

/* ---- a treebank in memory ---- */

typedef struct corpus {
    tagger_word *words;
    uint8_t *gold;   /* class per token */
    uint32_t *first; /* first token of each sentence, plus one past the end */
    size_t ntokens, nsentences;
} corpus;

typedef struct tagset {
    char xpos[256][8]; /* 0 is "_" */
    unsigned nxpos;
    uint8_t upos[TAGGER_MAX_CLASSES], xpos_of[TAGGER_MAX_CLASSES];
    unsigned nclasses;
} tagset;

static int xpos_find(const tagset *t, slice name)
{
    for (unsigned i = 0; i < t->nxpos; i++)
        if (slice_eq_cstr(name, t->xpos[i]))
            return (int)i;
    return -1;
}

static int class_find(const tagset *t, unsigned upos, int xpos)
{
    for (unsigned c = 0; c < t->nclasses; c++)
        if (t->upos[c] == upos && t->xpos_of[c] == xpos)
            return (int)c;
    return -1;
}

/* Reads a treebank. With `learn`, new tags extend the tag set (training data); otherwise
 * tokens with unseen tags get class 255 (never predicted, so always wrong). */
static sitrep_status corpus_read(const char *path, tagset *tags, bool learn, corpus *c,
                                 size_t *upos_gold_unknown, diag *d)
{
    memset(c, 0, sizeof *c);
    (void)upos_gold_unknown;
    char *data;
    size_t length;
    sitrep_status status = tagger_read_file(path, TAGGER_CONLLU_MAX_BYTES, &data, &length, d);
    if (status)
        return status;
    size_t alloc_tokens = 1024, alloc_sent = 256;
    c->words = xmalloc(alloc_tokens * sizeof *c->words);
    c->gold = xmalloc(alloc_tokens);
    c->first = xmalloc(alloc_sent * sizeof *c->first);
    tagger_conllu_word *words = xmalloc(TAGGER_CONLLU_MAX_TOKENS * sizeof *words);
    tagger_conllu_reader r;
    tagger_conllu_init(&r, data, length, path);
    for (;;) {
        size_t n;
        slice block;
        if ((status = tagger_conllu_next(&r, words, TAGGER_CONLLU_MAX_TOKENS, &n, &block, d)))
            break;
        if (block.len == 0)
            break;
        if (n == 0)
            continue;
        if (c->ntokens + n > TRAIN_MAX_TOKENS) {
            diag_set(d, path, r.line, "more than %zu tokens", TRAIN_MAX_TOKENS);
            status = SITREP_ELIMIT;
            break;
        }
        while (c->ntokens + n > alloc_tokens) {
            alloc_tokens *= 2;
            c->words = xrealloc(c->words, alloc_tokens * sizeof *c->words);
            c->gold = xrealloc(c->gold, alloc_tokens);
        }
        if (c->nsentences + 2 > alloc_sent) {
            alloc_sent *= 2;
            c->first = xrealloc(c->first, alloc_sent * sizeof *c->first);
        }
        c->first[c->nsentences++] = (uint32_t)c->ntokens;
        for (size_t i = 0; i < n && !status; i++) {
            upos_tag u = upos_from_name(words[i].upos.ptr, words[i].upos.len);
            if (u == UPOS_NONE) {
                status = diag_set(d, path, words[i].line_no, "unknown UPOS '%.*s'",
                                  (int)words[i].upos.len, words[i].upos.ptr);
                break;
            }
            slice xname = words[i].xpos;
            if (xname.len == 0 || xname.len > 7)
                xname = slice_from_cstr("_");
            int x = xpos_find(tags, xname);
            if (x < 0 && learn) {
                if (tags->nxpos >= 256) {
                    status = diag_set(d, path, words[i].line_no, "more than 255 XPOS tags");
                    break;
                }
                x = (int)tags->nxpos++;
                memcpy(tags->xpos[x], xname.ptr, xname.len);
                tags->xpos[x][xname.len] = 0;
            }
            int cls = x < 0 ? -1 : class_find(tags, u, x);
            if (cls < 0 && x >= 0 && learn) {
                if (tags->nclasses >= TAGGER_MAX_CLASSES) {
                    status = diag_set(d, path, words[i].line_no, "more than %d tag pairs",
                                      TAGGER_MAX_CLASSES);
                    break;
                }
                cls = (int)tags->nclasses++;
                tags->upos[cls] = (uint8_t)u;
                tags->xpos_of[cls] = (uint8_t)x;
            }
            tagger_word_init(&c->words[c->ntokens], words[i].form, true);
            c->gold[c->ntokens++] = cls < 0 ? 255 : (uint8_t)cls;
        }
        if (!status)
            tagger_sentence_style(&c->words[c->ntokens - n], n);
        if (status)
            break;
    }
    c->first[c->nsentences] = (uint32_t)c->ntokens;
    free(words);
    free(data);
    if (status) {
        free(c->words);
        free(c->gold);
        free(c->first);
        memset(c, 0, sizeof *c);
    }
    return status;
}

static void corpus_release(corpus *c)
{
    free(c->words);
    free(c->gold);
    free(c->first);
}

/* ---- the tag dictionary ---- */

typedef struct tagdict {
    uint64_t *keys; /* layout of the model file (tagger_dict_find) */
    uint8_t *classes;
    uint32_t nslots, nwords;
} tagdict;

/* Counts the classes of every word form of the training data and keeps the forms seen at
 * least TAGGER_DICT_MIN_COUNT times with one class TAGGER_DICT_MIN_SHARE of the time. */
static void tagdict_build(const corpus *c, unsigned nclasses, tagdict *t)
{
    size_t nslots = 1024;
    while (nslots < c->ntokens * 2 && nslots < ((size_t)1 << 26))
        nslots *= 2;
    uint64_t *keys = xcalloc(nslots, sizeof *keys);
    uint32_t *counts = xcalloc(nslots * nclasses, sizeof *counts);
    for (size_t i = 0; i < c->ntokens; i++) {
        if (c->gold[i] >= nclasses)
            continue;
        uint64_t k = c->words[i].form + (c->words[i].form == 0);
        size_t s = (size_t)(k >> 40) & (nslots - 1);
        while (keys[s] && keys[s] != k)
            s = (s + 1) & (nslots - 1);
        keys[s] = k;
        counts[s * nclasses + c->gold[i]]++;
    }
    size_t kept = 0;
    for (size_t s = 0; s < nslots; s++) {
        uint32_t total = 0, top = 0;
        for (unsigned k = 0; k < nclasses; k++) {
            total += counts[s * nclasses + k];
            top = counts[s * nclasses + k] > top ? counts[s * nclasses + k] : top;
        }
        if (keys[s] && total >= TAGGER_DICT_MIN_COUNT &&
            (double)top >= TAGGER_DICT_MIN_SHARE * (double)total)
            kept++;
        else
            keys[s] = 0;
    }
    t->nslots = 2;
    while (t->nslots < kept * 2 + 2)
        t->nslots *= 2;
    t->nwords = (uint32_t)kept;
    t->keys = xcalloc(t->nslots, sizeof *t->keys);
    t->classes = xcalloc(t->nslots, 1);
    for (size_t s = 0; s < nslots && kept; s++) {
        if (!keys[s])
            continue;
        unsigned best = 0;
        for (unsigned k = 1; k < nclasses; k++)
            if (counts[s * nclasses + k] > counts[s * nclasses + best])
                best = k;
        size_t d = (size_t)(keys[s] >> 40) & (t->nslots - 1);
        while (t->keys[d])
            d = (d + 1) & (t->nslots - 1);
        t->keys[d] = keys[s];
        t->classes[d] = (uint8_t)best;
    }
    free(keys);
    free(counts);
}

static unsigned tagdict_find(const tagdict *t, const tagger_word *w)
{
    return tagger_dict_find(t->keys, t->classes, t->nslots, w->form);
}

/* ---- the lexicon (ambiguity classes) ---- */

typedef struct taglex {
    uint64_t *keys, *ambs; /* layout of the model file (tagger_lexicon_find) */
    uint32_t nslots, nwords;
} taglex;

#define TAGLEX_FOLDS 10

/* The ambiguity class of a word from its class counts: a hash of the classes it had at least
 * TAGLEX_MIN_SHARE of the time, 0 when it was never seen. */
static uint64_t taglex_class(const uint32_t *counts, unsigned nclasses)
{
    uint32_t total = 0;
    for (unsigned k = 0; k < nclasses; k++)
        total += counts[k];
    if (!total)
        return 0;
    uint64_t h = 0x6c62272e07bb0142ULL;
    for (unsigned k = 0; k < nclasses; k++)
        if (counts[k] && (double)counts[k] >= TAGLEX_MIN_SHARE * (double)total)
            h = hash_bytes(&k, sizeof k, h);
    return h + (h == 0);
}

/* Builds the lexicon of the whole training data (for the model) and gives every training
 * token the ambiguity class of its word as the other TAGLEX_FOLDS - 1 folds of sentences
 * see it, so training meets unknown and incompletely known words as tagging will. */
static void taglex_build(corpus *c, unsigned nclasses, taglex *lex)
{
    size_t ntable = 1024;
    while (ntable < c->ntokens * 2 && ntable < ((size_t)1 << 26))
        ntable *= 2;
    uint64_t *keys = xcalloc(ntable, sizeof *keys);
    uint32_t *type_of = xmalloc((c->ntokens + 1) * sizeof *type_of);
    uint32_t *type_slot = xmalloc((c->ntokens + 1) * sizeof *type_slot);
    uint32_t *index = xcalloc(ntable, sizeof *index);
    size_t ntypes = 0;
    for (size_t i = 0; i < c->ntokens; i++) {
        uint64_t k = c->words[i].lower + (c->words[i].lower == 0);
        size_t s = (size_t)(k >> 40) & (ntable - 1);
        while (keys[s] && keys[s] != k)
            s = (s + 1) & (ntable - 1);
        if (!keys[s]) {
            keys[s] = k;
            index[s] = (uint32_t)ntypes;
            type_slot[ntypes++] = (uint32_t)s;
        }
        type_of[i] = index[s];
    }
    uint32_t *total = xcalloc(ntypes * nclasses, sizeof *total);
    uint32_t *fold = xcalloc(ntypes * nclasses, sizeof *fold);
    uint32_t *rest = xmalloc(nclasses * sizeof *rest);
    for (size_t i = 0; i < c->ntokens; i++)
        if (c->gold[i] < nclasses)
            total[(size_t)type_of[i] * nclasses + c->gold[i]]++;
    for (unsigned f = 0; f < TAGLEX_FOLDS; f++) {
        memset(fold, 0, ntypes * nclasses * sizeof *fold);
        for (size_t s = f; s < c->nsentences; s += TAGLEX_FOLDS)
            for (size_t i = c->first[s]; i < c->first[s + 1]; i++)
                if (c->gold[i] < nclasses)
                    fold[(size_t)type_of[i] * nclasses + c->gold[i]]++;
        for (size_t s = f; s < c->nsentences; s += TAGLEX_FOLDS)
            for (size_t i = c->first[s]; i < c->first[s + 1]; i++) {
                size_t t = (size_t)type_of[i] * nclasses;
                for (unsigned k = 0; k < nclasses; k++)
                    rest[k] = total[t + k] - fold[t + k];
                c->words[i].amb = taglex_class(rest, nclasses);
            }
    }
    lex->nslots = 2;
    while (lex->nslots < ntypes * 2 + 2)
        lex->nslots *= 2;
    lex->nwords = 0;
    lex->keys = xcalloc(lex->nslots, sizeof *lex->keys);
    lex->ambs = xcalloc(lex->nslots, sizeof *lex->ambs);
    /* Types in order of first appearance: the table's layout depends only on the data. */
    for (size_t t = 0; t < ntypes; t++) {
        uint64_t amb = taglex_class(&total[t * nclasses], nclasses);
        if (!amb)
            continue;
        uint64_t k = keys[type_slot[t]];
        size_t d = (size_t)(k >> 40) & (lex->nslots - 1);
        while (lex->keys[d])
            d = (d + 1) & (lex->nslots - 1);
        lex->keys[d] = k;
        lex->ambs[d] = amb;
        lex->nwords++;
    }
    free(keys);
    free(type_of);
    free(type_slot);
    free(index);
    free(total);
    free(fold);
    free(rest);
}

/* The sentence's word window for token i (ctx[k] = word i + k - 2). */
static void window(const corpus *c, size_t first, size_t n, size_t i, const tagger_word *ctx[5])
{
    for (int k = 0; k < 5; k++) {
        long j = (long)i + k - 2;
        if (j < 0)
            ctx[k] = tagger_word_boundary((int)j);
        else if ((size_t)j >= n)
            ctx[k] = tagger_word_boundary((size_t)j == n ? 1 : 2);
        else
            ctx[k] = &c->words[first + (size_t)j];
    }
}

/* ---- the perceptron (perceptron.c) ---- */

/* The best class for the features; with `averaged`, by the averaged weights. */
static unsigned perceptron_predict(const perceptron *p, const uint64_t *keys, size_t nkeys,
                                   unsigned nclasses, bool averaged)
{
    int64_t scores[256];
    perceptron_scores(p, keys, nkeys, averaged, scores, nclasses);
    unsigned best = 0;
    for (unsigned c = 1; c < nclasses; c++)
        if (scores[c] > scores[best])
            best = c;
    return best;
}

/* Feature keys of token i of the sentence starting at `first` (n words) for a stage;
 * `right` holds first-pass classes per token (stage 1). */
static size_t token_features(const corpus *c, size_t first, size_t n, size_t i, unsigned stage,
                             unsigned prev1, unsigned prev2, const uint8_t *right,
                             const tagger_train_options *options, uint64_t *keys)
{
    const tagger_word *ctx[5];
    window(c, first, n, i, ctx);
    unsigned r1 = TAGGER_START, r2 = TAGGER_START;
    if (stage) {
        r1 = i + 1 < n ? right[first + i + 1] : TAGGER_START;
        r2 = i + 2 < n ? right[first + i + 2] : TAGGER_START;
    }
    size_t n1 = tagger_features_static_some(ctx, stage, r1, r2, ~options->drop_static, keys);
    return n1 + tagger_features_dynamic_some(ctx, stage, prev1, prev2, r1, ~options->drop_dynamic,
                                             keys + n1);
}

/* ---- the feature count cut-off (tagger_train_options.min_count) ---- */

/* How often each feature key occurs in a stage's training data: an open-addressed table of
 * keys (0 = empty; a key of 0 is counted as 1) and counts, doubled at half full. */
typedef struct key_counts {
    uint64_t *keys;
    uint32_t *counts;
    size_t size, used;
} key_counts;

static size_t key_counts_pos(const key_counts *t, uint64_t key)
{
    size_t mask = t->size - 1, i = (size_t)(key ^ (key >> 31)) & mask;
    while (t->keys[i] && t->keys[i] != key)
        i = (i + 1) & mask;
    return i;
}

static void key_counts_add(key_counts *t, uint64_t key)
{
    key += key == 0;
    if ((t->used + 1) * 2 > t->size) {
        key_counts old = *t;
        t->size = old.size ? old.size * 2 : (size_t)1 << 16;
        t->keys = xcalloc(t->size, sizeof *t->keys);
        t->counts = xcalloc(t->size, sizeof *t->counts);
        for (size_t i = 0; i < old.size; i++)
            if (old.keys[i]) {
                size_t j = key_counts_pos(t, old.keys[i]);
                t->keys[j] = old.keys[i];
                t->counts[j] = old.counts[i];
            }
        free(old.keys);
        free(old.counts);
    }
    size_t i = key_counts_pos(t, key);
    t->used += !t->keys[i];
    t->keys[i] = key;
    t->counts[i] += t->counts[i] < UINT32_MAX;
}

static uint32_t key_counts_get(const key_counts *t, uint64_t key)
{
    key += key == 0;
    size_t i = key_counts_pos(t, key);
    return t->keys[i] ? t->counts[i] : 0;
}

/* Counts the features of every token of the listed sentences, with the gold previous classes
 * (and in stage 1 the jackknifed first-pass classes in `right`). */
static void count_features(const corpus *c, const uint32_t *sentences, size_t nsentences,
                           unsigned stage, const uint8_t *right,
                           const tagger_train_options *options, key_counts *counts)
{
    uint64_t keys[TAGGER_MAX_FEATURES];
    for (size_t k = 0; k < nsentences; k++) {
        size_t first = c->first[sentences[k]], n = c->first[sentences[k] + 1] - first;
        unsigned prev1 = TAGGER_START, prev2 = TAGGER_START;
        for (size_t i = 0; i < n; i++) {
            size_t nkeys =
                token_features(c, first, n, i, stage, prev1, prev2, right, options, keys);
            for (size_t f = 0; f < nkeys; f++)
                key_counts_add(counts, keys[f]);
            prev2 = prev1;
            prev1 = c->gold[first + i];
        }
    }
}

/* Keeps the keys seen at least min_count times; returns how many are left. */
static size_t keep_frequent(const key_counts *counts, unsigned min_count, uint64_t *keys,
                            size_t nkeys)
{
    size_t n = 0;
    for (size_t f = 0; f < nkeys; f++)
        if (key_counts_get(counts, keys[f]) >= min_count)
            keys[n++] = keys[f];
    return n;
}

/* Trains one stage on the sentences listed (shuffled each epoch). */
static sitrep_status train_stage(perceptron *p, const corpus *c, const uint32_t *sentences,
                                 size_t nsentences, unsigned stage, const uint8_t *right,
                                 unsigned nclasses, const tagger_train_options *options,
                                 uint64_t salt, const char *label, diag *d)
{
    p->table_size = 1 << 16;
    p->table = xcalloc(p->table_size, sizeof *p->table);
    uint32_t *order = xmalloc((nsentences + 1) * sizeof *order);
    memcpy(order, sentences, nsentences * sizeof *order);
    uint64_t rng = options->seed ^ (salt * 0x9E3779B97F4A7C15ULL);
    uint64_t keys[TAGGER_MAX_FEATURES];
    sitrep_status status = SITREP_OK;
    key_counts counts = {0};
    if (options->min_count > 1)
        count_features(c, sentences, nsentences, stage, right, options, &counts);
    for (unsigned epoch = 0; epoch < options->epochs && !status; epoch++) {
        for (size_t s = nsentences; s > 1; s--) {
            size_t j = (size_t)(syntax_splitmix(&rng) % s);
            uint32_t t = order[s - 1];
            order[s - 1] = order[j];
            order[j] = t;
        }
        size_t correct = 0, total = 0;
        for (size_t k = 0; k < nsentences && !status; k++) {
            size_t first = c->first[order[k]], n = c->first[order[k] + 1] - first;
            unsigned prev1 = TAGGER_START, prev2 = TAGGER_START;
            for (size_t i = 0; i < n; i++) {
                size_t nkeys =
                    token_features(c, first, n, i, stage, prev1, prev2, right, options, keys);
                if (options->min_count > 1)
                    nkeys = keep_frequent(&counts, options->min_count, keys, nkeys);
                unsigned guess = perceptron_predict(p, keys, nkeys, nclasses, false);
                unsigned gold = c->gold[first + i];
                p->now++;
                total++;
                if (guess != gold) {
                    if (p->nfeatures + nkeys > TRAIN_MAX_FEATURES) {
                        diag_set(d, "train-tagger", 0, "more than %zu features",
                                 TRAIN_MAX_FEATURES);
                        status = SITREP_ELIMIT;
                        break;
                    }
                    for (size_t f = 0; f < nkeys; f++) {
                        perceptron_feature *feat = perceptron_add(p, keys[f]);
                        perceptron_update(p, feat, gold, 1);
                        perceptron_update(p, feat, guess, -1);
                    }
                } else {
                    correct++;
                }
                prev2 = prev1;
                prev1 = guess;
            }
        }
        if (options->progress) {
            char line[200];
            snprintf(line, sizeof line, "%s epoch %u: train accuracy %.2f%%, %zu features", label,
                     epoch + 1, total ? 100.0 * (double)correct / (double)total : 0.0,
                     p->nfeatures);
            options->progress(options->progress_context, line);
        }
    }
    free(order);
    free(counts.keys);
    free(counts.counts);
    return status;
}

/* ---- writing the model ---- */

static sitrep_status put32(buf *b, uint32_t v)
{
    unsigned char x[4] = {(unsigned char)v, (unsigned char)(v >> 8), (unsigned char)(v >> 16),
                          (unsigned char)(v >> 24)};
    return buf_append(b, x, 4);
}

/* Quantises a stage's averaged weights to 16 bits (its own scale: stages are never added
 * together); q[pool index] receives them. Counts kept features and nonzero weights. */
static void quantise(const perceptron *p, int16_t *q, size_t *kept, size_t *nentries)
{
    double max = 0;
    for (size_t i = 0; i < p->nfeatures; i++)
        for (unsigned k = 0; k < p->features[i].n; k++) {
            double a = fabs(perceptron_average(&p->pool[p->features[i].offset + k], p->now));
            if (a > max)
                max = a;
        }
    double scale = max > 0 ? 32767.0 / max : 1.0;
    for (size_t i = 0; i < p->nfeatures; i++) {
        const perceptron_feature *f = &p->features[i];
        size_t nz = 0;
        for (unsigned k = 0; k < f->n; k++) {
            double v = nearbyint(perceptron_average(&p->pool[f->offset + k], p->now) * scale);
            q[f->offset + k] = (int16_t)v;
            nz += v != 0;
        }
        *kept += nz > 0;
        *nentries += nz;
    }
}

static sitrep_status model_write(const perceptron *stages, unsigned nstages, const tagset *tags,
                                 const tagdict *dict, const taglex *lex,
                                 const tagger_train_options *options, buf *out, diag *d)
{
    int16_t *q[TAGGER_MAX_STAGES];
    size_t kept = 0, nentries = 0;
    for (unsigned s = 0; s < nstages; s++) {
        q[s] = xmalloc((stages[s].pool_len + 1) * sizeof *q[s]);
        quantise(&stages[s], q[s], &kept, &nentries);
    }
    size_t nslots = 2; /* load factor at most 3/4 */
    while (nslots * 3 < kept * 4 + 4)
        nslots *= 2;
    if (nslots > ((size_t)1 << 24) || nentries > ((size_t)1 << 26) || nentries == 0 ||
        lex->nslots > ((uint32_t)1 << 22)) {
        for (unsigned s = 0; s < nstages; s++)
            free(q[s]);
        diag_set(d, "model", 0, "model too large or empty (%zu features, %zu weights)", kept,
                 nentries);
        return SITREP_ELIMIT;
    }
    uint32_t *slot_fp = xcalloc(nslots, sizeof *slot_fp);
    uint32_t *slot_off = xcalloc(nslots, sizeof *slot_off);
    unsigned char *entries = xmalloc(nentries * 4);
    size_t e = 0;
    for (unsigned st = 0; st < nstages; st++) {
        const perceptron *p = &stages[st];
        for (size_t i = 0; i < p->nfeatures; i++) {
            const perceptron_feature *f = &p->features[i];
            size_t start = e;
            for (unsigned k = 0; k < f->n; k++) {
                int16_t v = q[st][f->offset + k];
                if (!v)
                    continue;
                entries[e * 4] = p->pool[f->offset + k].cls;
                entries[e * 4 + 1] = 0;
                entries[e * 4 + 2] = (unsigned char)((uint16_t)v & 0xFF);
                entries[e * 4 + 3] = (unsigned char)((uint16_t)v >> 8);
                e++;
            }
            if (e == start)
                continue;
            entries[(e - 1) * 4 + 1] = 1;
            uint32_t fp = (uint32_t)(f->key >> 32);
            fp += fp == 0;
            size_t s = (size_t)f->key & (nslots - 1);
            while (slot_fp[s])
                s = (s + 1) & (nslots - 1);
            slot_fp[s] = fp;
            slot_off[s] = (uint32_t)start;
        }
    }
    size_t from = out->len;
    sitrep_status status = buf_append(out, TAGGER_MAGIC, 8);
    uint64_t drop_static = options->drop_static & ((UINT64_C(1) << TAGGER_MAX_STATIC) - 1);
    uint32_t drop_dynamic = (uint32_t)(options->drop_dynamic & ((1u << TAGGER_MAX_DYNAMIC) - 1));
    uint32_t header[12] = {TAGGER_VERSION,
                           tags->nxpos,
                           tags->nclasses,
                           (uint32_t)nslots,
                           (uint32_t)nentries,
                           (uint32_t)kept,
                           nstages,
                           dict->nslots,
                           lex->nslots,
                           (uint32_t)drop_static,
                           (uint32_t)(drop_static >> 32),
                           drop_dynamic};
    for (int i = 0; i < 12 && !status; i++)
        status = put32(out, header[i]);
    for (unsigned i = 0; i < tags->nxpos && !status; i++) {
        char name[8] = {0};
        memcpy(name, tags->xpos[i], strlen(tags->xpos[i]));
        status = buf_append(out, name, 8);
    }
    for (unsigned c = 0; c < tags->nclasses && !status; c++) {
        unsigned char pair[2] = {tags->upos[c], tags->xpos_of[c]};
        status = buf_append(out, pair, 2);
    }
    for (uint32_t s = 0; s < dict->nslots && !status; s++) {
        unsigned char cls[4] = {dict->keys[s] ? dict->classes[s] : 0, 0, 0, 0};
        if (!(status = put32(out, (uint32_t)dict->keys[s])) &&
            !(status = put32(out, (uint32_t)(dict->keys[s] >> 32))))
            status = buf_append(out, cls, 4);
    }
    for (uint32_t s = 0; s < lex->nslots && !status; s++)
        if (!(status = put32(out, (uint32_t)lex->keys[s])) &&
            !(status = put32(out, (uint32_t)(lex->keys[s] >> 32))) &&
            !(status = put32(out, (uint32_t)lex->ambs[s])))
            status = put32(out, (uint32_t)(lex->ambs[s] >> 32));
    for (size_t s = 0; s < nslots && !status; s++)
        if (!(status = put32(out, slot_fp[s])))
            status = put32(out, slot_off[s]);
    if (!status)
        status = buf_append(out, entries, nentries * 4);
    if (!status)
        status = put32(out, hash_crc32(out->data + from, out->len - from, 0));
    for (unsigned s = 0; s < nstages; s++)
        free(q[s]);
    free(slot_fp);
    free(slot_off);
    free(entries);
    if (status)
        diag_set(d, "model", 0, "model does not fit the output buffer");
    return status;
}

/* Tags the dev text with the model and counts correct UPOS and XPOS. */
static sitrep_status evaluate(const tagger *model, const char *path, const char *data,
                              size_t length, size_t *upos_ok, size_t *xpos_ok, size_t *total,
                              diag *d)
{
    tagger_conllu_reader r;
    tagger_conllu_init(&r, data, length, path);
    tagger_conllu_word *words = xmalloc(TAGGER_CONLLU_MAX_TOKENS * sizeof *words);
    slice *forms = xmalloc(TAGGER_CONLLU_MAX_TOKENS * sizeof *forms);
    uint8_t *upos = xmalloc(TAGGER_CONLLU_MAX_TOKENS), *xpos = xmalloc(TAGGER_CONLLU_MAX_TOKENS);
    *upos_ok = *xpos_ok = *total = 0;
    sitrep_status status;
    for (;;) {
        size_t n;
        slice block;
        if ((status = tagger_conllu_next(&r, words, TAGGER_CONLLU_MAX_TOKENS, &n, &block, d)) ||
            block.len == 0)
            break;
        for (size_t i = 0; i < n; i++)
            forms[i] = words[i].form;
        tagger_tag_words(model, forms, n, upos, xpos);
        for (size_t i = 0; i < n; i++) {
            *upos_ok += slice_eq_cstr(words[i].upos, upos_name((upos_tag)upos[i]));
            *xpos_ok += slice_eq_cstr(words[i].xpos, tagger_xpos_name(model, xpos[i]));
        }
        *total += n;
    }
    free(words);
    free(forms);
    free(upos);
    free(xpos);
    return status;
}

#define JACKKNIFE_FOLDS 5

/* First-pass classes for every training token, each fold tagged by a first-pass model
 * trained on the other folds, so the second pass learns from realistic mistakes. */
static sitrep_status jackknife(const corpus *c, const tagdict *dict, unsigned nclasses,
                               const tagger_train_options *options, uint8_t *right, diag *d)
{
    uint32_t *train = xmalloc((c->nsentences + 1) * sizeof *train);
    uint64_t keys[TAGGER_MAX_FEATURES];
    sitrep_status status = SITREP_OK;
    for (unsigned fold = 0; fold < JACKKNIFE_FOLDS && !status; fold++) {
        size_t ntrain = 0;
        for (size_t s = 0; s < c->nsentences; s++)
            if (s % JACKKNIFE_FOLDS != fold)
                train[ntrain++] = (uint32_t)s;
        perceptron p;
        memset(&p, 0, sizeof p);
        char label[32];
        snprintf(label, sizeof label, "fold %u/%d", fold + 1, JACKKNIFE_FOLDS);
        status =
            train_stage(&p, c, train, ntrain, 0, NULL, nclasses, options, 100 + fold, label, d);
        for (size_t s = fold; s < c->nsentences && !status; s += JACKKNIFE_FOLDS) {
            size_t first = c->first[s], n = c->first[s + 1] - first;
            unsigned prev1 = TAGGER_START, prev2 = TAGGER_START;
            for (size_t i = 0; i < n; i++) {
                unsigned guess = tagdict_find(dict, &c->words[first + i]);
                if (guess == TAGGER_DICT_NONE) {
                    size_t nkeys =
                        token_features(c, first, n, i, 0, prev1, prev2, NULL, options, keys);
                    guess = perceptron_predict(&p, keys, nkeys, nclasses, true);
                }
                right[first + i] = (uint8_t)guess;
                prev2 = prev1;
                prev1 = guess;
            }
        }
        perceptron_release(&p);
    }
    free(train);
    return status;
}

sitrep_status tagger_train(const char *train_path, const char *dev_path,
                           const tagger_train_options *options, buf *model_out,
                           tagger_train_report *report, diag *d)
{
    memset(report, 0, sizeof *report);
    if (options->epochs < 1 || options->epochs > 100)
        return diag_set(d, "train-tagger", 0, "epochs must be 1 to 100"), SITREP_EUSAGE;
    unsigned nstages = options->passes ? options->passes : 1;
    if (nstages > TAGGER_MAX_STAGES)
        return diag_set(d, "train-tagger", 0, "passes must be 1 or 2"), SITREP_EUSAGE;
    tagset *tags = xcalloc(1, sizeof *tags);
    memcpy(tags->xpos[0], "_", 2);
    tags->nxpos = 1;
    corpus train;
    sitrep_status status = corpus_read(train_path, tags, true, &train, NULL, d);
    if (status) {
        free(tags);
        return status;
    }
    report->train_sentences = train.nsentences;
    report->train_tokens = train.ntokens;

    perceptron stages[TAGGER_MAX_STAGES];
    memset(stages, 0, sizeof stages);
    uint32_t *all = xmalloc((train.nsentences + 1) * sizeof *all);
    for (size_t s = 0; s < train.nsentences; s++)
        all[s] = (uint32_t)s;
    uint8_t *right = NULL;
    tagdict dict;
    tagdict_build(&train, tags->nclasses, &dict);
    taglex lex;
    taglex_build(&train, tags->nclasses, &lex);
    status = train_stage(&stages[0], &train, all, train.nsentences, 0, NULL, tags->nclasses,
                         options, 1, "pass 1", d);
    if (!status && nstages > 1) {
        right = xmalloc(train.ntokens + 1);
        status = jackknife(&train, &dict, tags->nclasses, options, right, d);
        if (!status)
            status = train_stage(&stages[1], &train, all, train.nsentences, 1, right,
                                 tags->nclasses, options, 2, "pass 2", d);
    }
    free(all);
    free(right);
    if (!status)
        status = model_write(stages, nstages, tags, &dict, &lex, options, model_out, d);
    free(lex.keys);
    free(lex.ambs);
    free(dict.keys);
    free(dict.classes);
    for (unsigned s = 0; s < nstages; s++)
        perceptron_release(&stages[s]);
    corpus_release(&train);

    if (!status) {
        tagger *model = tagger_load_bytes(model_out->data, model_out->len, "model", d);
        if (!model) {
            status = SITREP_EPARSE;
        } else {
            tagger_get_info(model, &report->info);
            if (dev_path) {
                char *data;
                size_t length;
                status = tagger_read_file(dev_path, TAGGER_CONLLU_MAX_BYTES, &data, &length, d);
                if (!status) {
                    size_t u, x, total;
                    status = evaluate(model, dev_path, data, length, &u, &x, &total, d);
                    report->dev_tokens = total;
                    report->dev_upos = total ? (double)u / (double)total : 0;
                    report->dev_xpos = total ? (double)x / (double)total : 0;
                    free(data);
                }
            }
            tagger_free(model);
        }
    }
    free(tags);
    return status;
}
