/* trie.c (lexicon) - a trie over token ids for longest whole-token phrase matching.
 *
 * Nodes are numbered from 0 (the root); edges live in one open-addressing hash table keyed by
 * (parent node, token id), which keeps the trie compact and a step one probe on average.
 */
#include "lexicon.h"

#include <stdlib.h>

typedef struct trie_edge {
    uint64_t key; /* parent << 32 | token id; 0 with child 0 = empty */
    uint32_t child;
} trie_edge;

struct trie {
    trie_edge *edges;
    size_t nslots; /* power of two */
    size_t nedges;
    uint32_t nnodes;
};

static inline size_t edge_hash(uint64_t key)
{
    key ^= key >> 33;
    key *= 0xff51afd7ed558ccdULL;
    key ^= key >> 33;
    return (size_t)key;
}

trie *trie_new(void)
{
    trie *t = xcalloc(1, sizeof *t);
    t->nslots = 1024;
    t->edges = xcalloc(t->nslots, sizeof *t->edges);
    t->nnodes = 1;
    return t;
}

void trie_free(trie *t)
{
    if (!t)
        return;
    free(t->edges);
    free(t);
}

size_t trie_node_count(const trie *t)
{
    return t ? t->nnodes : 0;
}

uint32_t trie_child(const trie *t, uint32_t node, uint32_t id)
{
    uint64_t key = (uint64_t)node << 32 | id;
    size_t mask = t->nslots - 1;
    for (size_t i = edge_hash(key) & mask;; i = (i + 1) & mask) {
        const trie_edge *e = &t->edges[i];
        if (!e->child)
            return 0;
        if (e->key == key)
            return e->child;
    }
}

static void trie_put(trie_edge *edges, size_t nslots, uint64_t key, uint32_t child)
{
    size_t mask = nslots - 1;
    size_t i = edge_hash(key) & mask;
    while (edges[i].child)
        i = (i + 1) & mask;
    edges[i].key = key;
    edges[i].child = child;
}

uint32_t trie_insert(trie *t, const uint32_t *ids, size_t n)
{
    uint32_t node = 0;
    for (size_t k = 0; k < n; k++) {
        uint32_t child = trie_child(t, node, ids[k]);
        if (!child) {
            if ((t->nedges + 1) * 2 > t->nslots) {
                size_t nslots = t->nslots * 2;
                trie_edge *edges = xcalloc(nslots, sizeof *edges);
                for (size_t i = 0; i < t->nslots; i++)
                    if (t->edges[i].child)
                        trie_put(edges, nslots, t->edges[i].key, t->edges[i].child);
                free(t->edges);
                t->edges = edges;
                t->nslots = nslots;
            }
            child = t->nnodes++;
            trie_put(t->edges, t->nslots, (uint64_t)node << 32 | ids[k], child);
            t->nedges++;
        }
        node = child;
    }
    return node;
}
