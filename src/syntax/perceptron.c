/* perceptron.c - the averaged perceptron that trains the tagger (tagger_train.c) and the
 * parser (parser_train.c): hashed features, each with a short list of (class, weight) in a
 * pool, averaged lazily (each weight keeps the sum of its past values and when it last
 * changed), so an update costs the classes it touches. Also the seeded random numbers both
 * trainings shuffle and explore with. Training only: the models are read by tagger.c and
 * parser.c.
 */
#include "syntax.h"

#include <stdlib.h>
#include <string.h>

static size_t table_pos(const perceptron *p, uint64_t key)
{
    size_t mask = p->table_size - 1;
    size_t i = (size_t)(key ^ (key >> 29)) & mask;
    while (p->table[i] && p->features[p->table[i] - 1].key != key)
        i = (i + 1) & mask;
    return i;
}

const perceptron_feature *perceptron_find(const perceptron *p, uint64_t key)
{
    uint32_t slot = p->table[table_pos(p, key)];
    return slot ? &p->features[slot - 1] : NULL;
}

perceptron_feature *perceptron_add(perceptron *p, uint64_t key)
{
    size_t pos = table_pos(p, key);
    if (p->table[pos])
        return &p->features[p->table[pos] - 1];
    if (p->nfeatures == p->alloc_features) {
        p->alloc_features = p->alloc_features ? p->alloc_features * 2 : 4096;
        p->features = xrealloc(p->features, p->alloc_features * sizeof *p->features);
    }
    perceptron_feature *f = &p->features[p->nfeatures++];
    f->key = key;
    f->offset = 0;
    f->n = f->cap = 0;
    p->table[pos] = (uint32_t)p->nfeatures;
    if (p->nfeatures * 2 > p->table_size) {
        free(p->table);
        p->table_size *= 2;
        p->table = xcalloc(p->table_size, sizeof *p->table);
        for (size_t i = 0; i < p->nfeatures; i++)
            p->table[table_pos(p, p->features[i].key)] = (uint32_t)(i + 1);
    }
    return f;
}

void perceptron_update(perceptron *p, perceptron_feature *f, unsigned cls, int delta)
{
    perceptron_weight *w = NULL;
    for (unsigned i = 0; i < f->n; i++)
        if (p->pool[f->offset + i].cls == cls)
            w = &p->pool[f->offset + i];
    if (!w) {
        if (f->n == f->cap) {
            /* Move the feature's list to the end of the pool with twice the room. */
            unsigned cap = f->cap ? f->cap * 2u : 2u;
            if (p->pool_len + cap > p->pool_alloc) {
                p->pool_alloc = (p->pool_len + cap) * 2;
                p->pool = xrealloc(p->pool, p->pool_alloc * sizeof *p->pool);
            }
            if (f->n)
                memcpy(&p->pool[p->pool_len], &p->pool[f->offset], f->n * sizeof *p->pool);
            f->offset = (uint32_t)p->pool_len;
            f->cap = (uint16_t)cap;
            p->pool_len += cap;
        }
        w = &p->pool[f->offset + f->n++];
        memset(w, 0, sizeof *w);
        w->cls = (uint8_t)cls;
        w->ts = p->now;
    }
    w->total += (int64_t)(p->now - w->ts) * w->w;
    w->ts = p->now;
    w->w += delta;
}

/* Scores of every class for the features; with `averaged`, by the averaged weights (scaled
 * by the instance count, which keeps the sums exact). */
void perceptron_scores(const perceptron *p, const uint64_t *keys, size_t nkeys, bool averaged,
                       int64_t *scores, unsigned nclasses)
{
    memset(scores, 0, nclasses * sizeof *scores);
    for (size_t k = 0; k < nkeys; k++) {
        const perceptron_feature *f = perceptron_find(p, keys[k]);
        if (!f)
            continue;
        for (unsigned i = 0; i < f->n; i++) {
            const perceptron_weight *w = &p->pool[f->offset + i];
            scores[w->cls] += averaged ? w->total + (int64_t)(p->now - w->ts) * w->w : w->w;
        }
    }
}

void perceptron_release(perceptron *p)
{
    free(p->table);
    free(p->features);
    free(p->pool);
    memset(p, 0, sizeof *p);
}

uint64_t syntax_splitmix(uint64_t *state)
{
    uint64_t z = (*state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

double perceptron_average(const perceptron_weight *w, uint32_t now)
{
    return ((double)w->total + (double)(now - w->ts) * w->w) / (double)now;
}
