/* parser_train.c - trains the dependency parser's averaged perceptron from CoNLL-U.
 *
 * Reads a treebank (plain or gzip), lifts non-projective arcs, and trains with the dynamic
 * oracle of the arc-hybrid system (Goldberg and Nivre 2013): at every step the perceptron is
 * updated towards the best move that loses no more gold arcs than any other, and from
 * `explore_from` on the parser follows its own mistakes so that it learns to recover. The
 * averaged weights are quantised to 16 bits and written in the format parser.c loads. Same
 * data, options and seed give the same bytes.
 */
#include "syntax.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define TRAIN_MAX_FEATURES ((size_t)32 << 20)

/* ---- the perceptron: perceptron.c ---- */

/* ---- training ---- */

typedef struct trainer {
    const parser_treebank *bank;
    const parser_vocab *words;
    uint64_t relations[PARSER_MOVES];
    /* The relation classifier's classes: lane + 64 for right arcs (lanes: the relations of
     * a direction in id order, root apart) */
    uint8_t lane[PARSER_MOVES][DEP_COUNT], relation_of[PARSER_MOVES][PARSER_LANES];
    unsigned nlanes[PARSER_MOVES];
    perceptron moves, labels;
    parser_token *tokens;
    parser_node *nodes;
    uint16_t *stack, *gold;
    uint8_t *gold_relation; /* gold_relation[w]: word w's gold relation (1-based) */
    unsigned beam;          /* width of the beam of global training; 0: greedy */
    unsigned parse_beam;    /* width the model file says to decode with (0: beam) */
    bool max_violation;
    bool joint; /* moves and relations scored together in the beam, both trained globally */
    /* max-violation updates: the gold parse followed past the beam, and the two histories of
     * the step where the beam's best outscored it by most */
    parser_node *gold_nodes;
    uint16_t *gold_stack, *gold_moves, *violation_gold, *violation_top;
} trainer;

/* Prepares the tokens of sentence s (words through the vocabulary); returns its length. */
static size_t sentence_tokens(trainer *tr, size_t s)
{
    const parser_treebank *t = tr->bank;
    size_t first = t->first[s], n = t->first[s + 1] - first;
    for (size_t i = 0; i < n; i++) {
        const parser_input *in = &t->input[first + i];
        bool known = parser_vocab_has(tr->words->keys, tr->words->nslots, in->word);
        tr->tokens[i + 1].word = known ? in->word : PARSER_UNKNOWN_WORD;
        tr->tokens[i + 1].tag = in->tag;
        tr->tokens[i + 1].upos = parser_upos_hash(in->upos);
        tr->gold[i + 1] = t->head[first + i];
        tr->gold_relation[i + 1] = t->relation[first + i];
    }
    parser_tokens_finish(tr->tokens, n);
    return n;
}

typedef struct epoch_counts {
    size_t moves, move_errors, labels, label_errors;
} epoch_counts;

static bool chance(uint64_t *rng, double rate)
{
    return (double)(syntax_splitmix(rng) >> 11) * 0x1.0p-53 < rate;
}

static sitrep_status update(perceptron *p, const uint64_t *keys, size_t nkeys, unsigned cls,
                            int delta, diag *d)
{
    if (p->nfeatures + nkeys > TRAIN_MAX_FEATURES) {
        diag_set(d, "train-parser", 0, "more than %zu features", TRAIN_MAX_FEATURES);
        return SITREP_ELIMIT;
    }
    for (size_t f = 0; f < nkeys; f++)
        perceptron_update(p, perceptron_add(p, keys[f]), cls, delta);
    return SITREP_OK;
}

/* The relation classifier's class of an arc. */
static unsigned label_class(const trainer *tr, unsigned move, unsigned relation)
{
    return (move == PARSER_RIGHT ? 64u : 0u) + tr->lane[move][relation];
}

/* The best-scored relation of an arc in direction `move` (scores by class). */
static unsigned best_relation(const trainer *tr, const int64_t *scores, unsigned move)
{
    unsigned base = move == PARSER_RIGHT ? 64 : 0, best = 0;
    for (unsigned i = 1; i < tr->nlanes[move]; i++)
        if (scores[base + i] > scores[base + best])
            best = i;
    return tr->relation_of[move][best];
}

/* The best move of a configuration that is not forced, by the move classifier. */
static unsigned best_move(const parser_state *st, const int64_t *scores)
{
    unsigned move = scores[PARSER_LEFT] > scores[PARSER_SHIFT] ? PARSER_LEFT : PARSER_SHIFT;
    if (st->depth >= 2 && scores[PARSER_RIGHT] > scores[move])
        move = PARSER_RIGHT;
    return move;
}

/* One pass over a sentence with the dynamic oracle. The move classifier learns the best
 * move by the oracle's costs (the gold arcs a move makes unreachable; the first best-scored
 * of the cheapest); the relation classifier learns the gold relation of every arc made to a
 * word's gold head. */
static sitrep_status train_sentence(trainer *tr, size_t s, bool explore, double rate, uint64_t *rng,
                                    bool train_moves, epoch_counts *counts, diag *d)
{
    size_t n = sentence_tokens(tr, s);
    const uint8_t *gold_rel = &tr->bank->relation[tr->bank->first[s]];
    parser_state st;
    parser_state_init(&st, tr->tokens, tr->nodes, tr->stack, n);
    uint64_t keys[PARSER_MAX_FEATURES];
    size_t ntags;
    int64_t scores[128];
    sitrep_status status = SITREP_OK;
    while (!parser_state_done(&st) && !status) {
        if (st.depth == 0) {
            parser_state_apply(&st, PARSER_SHIFT, 0);
            continue;
        }
        if (st.b == st.n + 1 && st.depth == 1) {
            parser_state_apply(&st, PARSER_LEFT, DEP_ROOT);
            continue;
        }
        unsigned move = PARSER_RIGHT;
        if (st.b <= st.n) {
            size_t nkeys = parser_features(&st, keys, &ntags);
            perceptron_scores(&tr->moves, keys, nkeys, false, scores, PARSER_MOVES);
            unsigned cost[PARSER_MOVES];
            parser_move_costs(&st, tr->gold, cost);
            unsigned pred = best_move(&st, scores), best = PARSER_SHIFT;
            for (unsigned m = PARSER_LEFT; m < (st.depth >= 2 ? 3u : 2u); m++)
                if (cost[m] < cost[best] || (cost[m] == cost[best] && scores[m] > scores[best]))
                    best = m;
            move = pred;
            if (train_moves) {
                tr->moves.now++;
                counts->moves++;
            }
            if (cost[pred] > cost[best]) {
                if (train_moves) {
                    counts->move_errors++;
                    status = update(&tr->moves, keys, nkeys, best, 1, d);
                    if (!status)
                        status = update(&tr->moves, keys, nkeys, pred, -1, d);
                }
                /* Follow the mistake (to learn what to do after it) or the oracle. */
                if (!(explore && chance(rng, rate)))
                    move = best;
            }
        }
        unsigned rel = 0;
        if (move != PARSER_SHIFT && !status) {
            unsigned dep = st.stack[st.depth - 1];
            unsigned head = move == PARSER_LEFT ? st.b : st.stack[st.depth - 2];
            size_t nkeys = parser_label_features(&st, move, keys, &ntags);
            perceptron_scores(&tr->labels, keys, nkeys, false, scores, 128);
            rel = best_relation(tr, scores, move);
            if (tr->gold[dep] == head) {
                unsigned gold = gold_rel[dep - 1];
                tr->labels.now++;
                counts->labels++;
                if (rel != gold) {
                    counts->label_errors++;
                    status = update(&tr->labels, keys, nkeys, label_class(tr, move, gold), 1, d);
                    if (!status)
                        status =
                            update(&tr->labels, keys, nkeys, label_class(tr, move, rel), -1, d);
                    if (!(explore && chance(rng, rate)))
                        rel = gold;
                }
            }
        }
        parser_state_apply(&st, move, rel);
    }
    return status;
}

/* The perceptrons as the beam's scorer: current weights in training, averaged ones for dev. */
typedef struct train_scorer {
    trainer *tr;
    bool averaged;
} train_scorer;

static void scorer_moves(void *context, const parser_state *s, int64_t scores[PARSER_MOVES])
{
    const train_scorer *ts = context;
    uint64_t keys[PARSER_MAX_FEATURES];
    size_t ntags, nkeys = parser_features(s, keys, &ntags);
    perceptron_scores(&ts->tr->moves, keys, nkeys, ts->averaged, scores, PARSER_MOVES);
}

static unsigned scorer_relation(void *context, const parser_state *s, unsigned move)
{
    const train_scorer *ts = context;
    uint64_t keys[PARSER_MAX_LABEL_FEATURES];
    int64_t scores[128];
    size_t ntags, nkeys = parser_label_features(s, move, keys, &ntags);
    perceptron_scores(&ts->tr->labels, keys, nkeys, ts->averaged, scores, 128);
    return best_relation(ts->tr, scores, move);
}

static unsigned scorer_relations(void *context, const parser_state *s, unsigned move,
                                 int64_t lanes[PARSER_LANES], const uint8_t **relation_of)
{
    const train_scorer *ts = context;
    uint64_t keys[PARSER_MAX_LABEL_FEATURES];
    int64_t scores[128];
    size_t ntags, nkeys = parser_label_features(s, move, keys, &ntags);
    perceptron_scores(&ts->tr->labels, keys, nkeys, ts->averaged, scores, 128);
    unsigned base = move == PARSER_RIGHT ? 64 : 0, n = ts->tr->nlanes[move];
    memcpy(lanes, scores + base, n * sizeof *lanes);
    *relation_of = ts->tr->relation_of[move];
    return n;
}

/* The beam's scorer over the perceptrons (training: current weights; dev: averaged). */
static parser_beam_scorer beam_scorer(trainer *tr, train_scorer *ts, bool with_gold)
{
    parser_beam_scorer sc = {.moves = scorer_moves,
                             .relation = scorer_relation,
                             .relations = tr->joint ? scorer_relations : NULL,
                             .context = ts,
                             .gold = with_gold ? tr->gold : NULL,
                             .gold_relation = with_gold ? tr->gold_relation : NULL};
    return sc;
}

/* Adds delta to the move weights of the scored steps of a history from step `from` on
 * (the steps before it are shared with the other history of the update: they cancel), and
 * with joint scoring to the relation weights of its arcs (root apart). */
static sitrep_status update_history(trainer *tr, size_t n, const uint16_t *history, unsigned steps,
                                    unsigned from, int delta, diag *d)
{
    parser_state st;
    parser_state_init(&st, tr->tokens, tr->nodes, tr->stack, n);
    uint64_t keys[PARSER_MAX_FEATURES];
    sitrep_status status = SITREP_OK;
    for (unsigned i = 0; i < steps && !status; i++) {
        unsigned move = history[i] & 3, rel = history[i] >> 2;
        if (i >= from && st.depth && st.b <= st.n) {
            size_t ntags, nkeys = parser_features(&st, keys, &ntags);
            status = update(&tr->moves, keys, nkeys, move, delta, d);
        }
        if (i >= from && tr->joint && move != PARSER_SHIFT && rel != DEP_ROOT && !status) {
            size_t ntags, nkeys = parser_label_features(&st, move, keys, &ntags);
            status = update(&tr->labels, keys, nkeys, label_class(tr, move, rel), delta, d);
        }
        parser_state_apply(&st, move, rel);
    }
    return status;
}

/* Global training of the move classifier on one sentence with a beam and early update
 * (Collins and Roark 2004; Zhang and Clark 2008): when no item of the beam is free of cost
 * any more (every one has lost a gold arc), or the best complete parse has a cost, the
 * weights move towards the best-scored history without cost and away from the beam's best,
 * and the sentence ends there. The history without cost is latent: any sequence of moves
 * that loses no gold arc (the dynamic oracle's costs) is right. */
static sitrep_status train_sentence_beam(trainer *tr, parser_beam *bm, uint16_t *gold_history,
                                         size_t s, epoch_counts *counts, diag *d)
{
    size_t n = sentence_tokens(tr, s);
    train_scorer ts = {tr, false};
    parser_beam_scorer sc = beam_scorer(tr, &ts, true);
    parser_beam_start(bm, tr->tokens, n);
    tr->moves.now++;
    tr->labels.now += tr->joint;
    counts->moves++;
    bool kept = true;
    while (kept && parser_beam_step(bm, &sc, gold_history, &kept))
        ;
    const parser_beam_item *top = &bm->item[bm->gen][0];
    const uint16_t *gold = gold_history;
    if (kept) {
        if (top->cost == 0)
            return SITREP_OK;
        for (unsigned k = 1; k < bm->count; k++)
            if (bm->item[bm->gen][k].cost == 0) {
                gold = bm->item[bm->gen][k].history;
                break;
            }
    }
    counts->move_errors++;
    unsigned from = 0;
    while (from < bm->steps && gold[from] == top->history[from])
        from++;
    sitrep_status status = update_history(tr, n, gold, bm->steps, from, 1, d);
    if (!status)
        status = update_history(tr, n, top->history, bm->steps, from, -1, d);
    return status;
}

/* The relation of the gold parse's arc (joint scoring): the gold relation when the arc is
 * gold, else the best-scored; returns the relation's score. */
static int64_t gold_lane(trainer *tr, train_scorer *ts, const parser_state *st, unsigned move,
                         unsigned *rel)
{
    int64_t lanes[PARSER_LANES];
    const uint8_t *relation_of;
    unsigned n = scorer_relations(ts, st, move, lanes, &relation_of), best = 0;
    unsigned dep = st->stack[st->depth - 1];
    unsigned head = move == PARSER_LEFT ? st->b : st->stack[st->depth - 2];
    for (unsigned i = 1; i < n; i++)
        if (tr->gold[dep] == head ? relation_of[i] == tr->gold_relation[dep]
                                  : lanes[i] > lanes[best])
            best = i;
    *rel = relation_of[best];
    return lanes[best];
}

/* Max-violation update (Huang, Fayong and Guo 2012): the beam runs to the end; the gold
 * parse is the best item without cost while the beam has one, then goes on by itself (at each
 * step the best-scored move that loses no gold arc). The update is made at the step where the
 * beam's best outscores the gold parse by most, when the final best parse has a cost. */
static sitrep_status train_sentence_violation(trainer *tr, parser_beam *bm, size_t s,
                                              epoch_counts *counts, diag *d)
{
    size_t n = sentence_tokens(tr, s);
    train_scorer ts = {tr, false};
    parser_beam_scorer sc = beam_scorer(tr, &ts, true);
    parser_beam_start(bm, tr->tokens, n);
    tr->moves.now++;
    tr->labels.now += tr->joint;
    counts->moves++;
    parser_state gold;
    parser_state_init(&gold, tr->tokens, tr->gold_nodes, tr->gold_stack, n);
    int64_t gold_score = 0, worst = -1;
    unsigned violation_steps = 0;
    bool kept = true;
    while (true) {
        if (!parser_beam_step(bm, &sc, NULL, &kept))
            break;
        unsigned step = bm->steps - 1;
        if (kept) {
            const parser_beam_item *g = &bm->item[bm->gen][0];
            for (unsigned k = 0; g->cost; k++)
                g = &bm->item[bm->gen][k + 1];
            memcpy(tr->gold_nodes, g->st.nodes, (n + 2) * sizeof *tr->gold_nodes);
            memcpy(tr->gold_stack, g->st.stack, g->st.depth * sizeof *tr->gold_stack);
            memcpy(tr->gold_moves, g->history, bm->steps * sizeof *tr->gold_moves);
            gold.b = g->st.b;
            gold.depth = g->st.depth;
            gold_score = g->score;
        } else {
            unsigned cost[PARSER_MOVES];
            parser_move_costs(&gold, tr->gold, cost);
            int64_t scores[PARSER_MOVES] = {0, 0, 0};
            bool free_choice = gold.depth && gold.b <= gold.n;
            if (free_choice)
                scorer_moves(&ts, &gold, scores);
            unsigned move = PARSER_SHIFT;
            if (gold.depth == 0)
                move = PARSER_SHIFT;
            else if (gold.b == gold.n + 1)
                move = gold.depth == 1 ? PARSER_LEFT : PARSER_RIGHT;
            else {
                bool found = false;
                for (unsigned m = 0; m < (gold.depth >= 2 ? 3u : 2u); m++)
                    if (cost[m] == 0 && (!found || scores[m] > scores[move])) {
                        move = m;
                        found = true;
                    }
            }
            unsigned rel = 0;
            if (move == PARSER_LEFT && gold.b == gold.n + 1)
                rel = DEP_ROOT;
            else if (move != PARSER_SHIFT && tr->joint)
                gold_score += gold_lane(tr, &ts, &gold, move, &rel);
            else if (move != PARSER_SHIFT)
                rel = scorer_relation(&ts, &gold, move);
            gold_score += scores[move];
            tr->gold_moves[step] = (uint16_t)(move | rel << 2);
            parser_state_apply(&gold, move, rel);
        }
        const parser_beam_item *top = &bm->item[bm->gen][0];
        if (top->cost && top->score - gold_score >= worst) {
            worst = top->score - gold_score;
            violation_steps = bm->steps;
            memcpy(tr->violation_top, top->history, bm->steps * sizeof *tr->violation_top);
            memcpy(tr->violation_gold, tr->gold_moves, bm->steps * sizeof *tr->violation_gold);
        }
    }
    if (bm->item[bm->gen][0].cost == 0 || !violation_steps)
        return SITREP_OK;
    counts->move_errors++;
    unsigned from = 0;
    while (from < violation_steps && tr->violation_gold[from] == tr->violation_top[from])
        from++;
    sitrep_status status = update_history(tr, n, tr->violation_gold, violation_steps, from, 1, d);
    if (!status)
        status = update_history(tr, n, tr->violation_top, violation_steps, from, -1, d);
    return status;
}

/* Parses a sentence of n words (prepared by sentence_tokens) with the averaged weights, for
 * dev scores during training. */
static void parse_averaged(trainer *tr, size_t n)
{
    parser_state st;
    parser_state_init(&st, tr->tokens, tr->nodes, tr->stack, n);
    uint64_t keys[PARSER_MAX_FEATURES];
    size_t ntags;
    int64_t scores[128];
    while (!parser_state_done(&st)) {
        unsigned move = PARSER_SHIFT, rel = 0;
        if (st.b == st.n + 1 && st.depth == 1) {
            move = PARSER_LEFT;
            rel = DEP_ROOT;
        } else if (st.b == st.n + 1) {
            move = PARSER_RIGHT;
        } else if (st.depth) {
            size_t nkeys = parser_features(&st, keys, &ntags);
            perceptron_scores(&tr->moves, keys, nkeys, true, scores, PARSER_MOVES);
            move = best_move(&st, scores);
        }
        if (move != PARSER_SHIFT && !rel) {
            size_t nkeys = parser_label_features(&st, move, keys, &ntags);
            perceptron_scores(&tr->labels, keys, nkeys, true, scores, 128);
            rel = best_relation(tr, scores, move);
        }
        parser_state_apply(&st, move, rel);
    }
}

/* ---- writing the model ---- */

static sitrep_status put32(buf *b, uint32_t v)
{
    unsigned char x[4] = {(unsigned char)v, (unsigned char)(v >> 8), (unsigned char)(v >> 16),
                          (unsigned char)(v >> 24)};
    return buf_append(b, x, 4);
}

/* Quantises a perceptron's averaged weights to 16 bits (the largest is 32767) into q (by
 * pool index); features whose largest weight is below `prune` are zeroed. Counts the features
 * kept and their nonzero weights. */
static double largest_weight(const perceptron *p)
{
    double max = 0;
    for (size_t i = 0; i < p->nfeatures; i++)
        for (unsigned k = 0; k < p->features[i].n; k++) {
            double a = fabs(perceptron_average(&p->pool[p->features[i].offset + k], p->now));
            if (a > max)
                max = a;
        }
    return max;
}

static int16_t *quantise(const perceptron *p, double scale, unsigned prune, size_t *kept,
                         size_t *nonzero)
{
    int16_t *q = xcalloc(p->pool_len + 1, sizeof *q);
    *kept = *nonzero = 0;
    for (size_t i = 0; i < p->nfeatures; i++) {
        const perceptron_feature *f = &p->features[i];
        size_t nz = 0;
        int top = 0;
        for (unsigned k = 0; k < f->n; k++) {
            double a =
                p->now ? nearbyint(perceptron_average(&p->pool[f->offset + k], p->now) * scale) : 0;
            q[f->offset + k] = (int16_t)a;
            nz += a != 0;
            top = abs((int)a) > top ? abs((int)a) : top;
        }
        if (nz == 0 || top < (int)prune) {
            for (unsigned k = 0; k < f->n; k++)
                q[f->offset + k] = 0;
            continue;
        }
        (*kept)++;
        *nonzero += nz;
    }
    return q;
}

/* Buckets of eight slots for n features: a power of two, at most three quarters full. */
#define DENSE_MIN 8 /* relation features with this many weights get a dense row */

static size_t buckets_for(size_t features)
{
    size_t n = 1;
    while (n * 8 * 3 < features * 4 + 4)
        n *= 2;
    return n;
}

static void put16_at(unsigned char *p, uint16_t v)
{
    p[0] = (unsigned char)(v & 0xFF);
    p[1] = (unsigned char)(v >> 8);
}

static void put32_at(unsigned char *p, uint32_t v)
{
    for (int i = 0; i < 4; i++)
        p[i] = (unsigned char)(v >> (8 * i));
}

/* The bucket and slot for a new feature: its home bucket or the first one after it with a
 * free slot (fingerprints of `width` bytes at the start of each 64-byte bucket). */
static unsigned char *free_slot(unsigned char *table, size_t nbuckets, uint64_t key, unsigned width,
                                unsigned *slot)
{
    for (size_t b = (size_t)key & (nbuckets - 1);; b = (b + 1) & (nbuckets - 1))
        for (unsigned k = 0; k < 8; k++) {
            const unsigned char *fp = &table[b * 64 + k * width];
            if (fp[0] == 0 && fp[1] == 0 && (width == 2 || (fp[2] == 0 && fp[3] == 0))) {
                *slot = k;
                return &table[b * 64];
            }
        }
}

/* Counts the features of a perceptron whose quantised weights q are not all zero, by table
 * (0: with words, 1: keys with PARSER_TAG_KEY). */
static void count_tables(const perceptron *p, const int16_t *q, size_t count[2])
{
    count[0] = count[1] = 0;
    for (size_t i = 0; i < p->nfeatures; i++) {
        const perceptron_feature *f = &p->features[i];
        bool any = false;
        for (unsigned k = 0; k < f->n; k++)
            any |= q[f->offset + k] != 0;
        count[f->key >> 63] += any;
    }
}

static sitrep_status model_write(const trainer *tr, const parser_vocab *v, unsigned prune, buf *out,
                                 diag *d)
{
    size_t nmove_features, move_weights, nlabel_features, nentries;
    /* Each classifier on its own scale when their scores are never added; one scale for both
     * with joint scoring. */
    double max_moves = largest_weight(&tr->moves), max_labels = largest_weight(&tr->labels);
    if (tr->joint)
        max_moves = max_labels = max_moves > max_labels ? max_moves : max_labels;
    int16_t *qm = quantise(&tr->moves, max_moves > 0 ? 32767.0 / max_moves : 1.0, prune,
                           &nmove_features, &move_weights);
    int16_t *ql = quantise(&tr->labels, max_labels > 0 ? 32767.0 / max_labels : 1.0, prune,
                           &nlabel_features, &nentries);
    size_t nfeat[4], nbuckets[4];
    count_tables(&tr->moves, qm, nfeat);
    count_tables(&tr->labels, ql, nfeat + 2);
    bool too_large = nentries > ((size_t)1 << 26);
    for (int i = 0; i < 4; i++) {
        nbuckets[i] = buckets_for(nfeat[i]);
        too_large |= nbuckets[i] > ((size_t)1 << 22);
    }
    if (too_large) {
        free(qm);
        free(ql);
        diag_set(d, "model", 0, "model too large (%zu move features, %zu relation weights)",
                 nmove_features, nentries);
        return SITREP_ELIMIT;
    }
    unsigned char *tables[4];
    for (int i = 0; i < 4; i++)
        tables[i] = xcalloc(nbuckets[i], 64);
    /* the move tables: fingerprints, then three weights per slot */
    const perceptron *p = &tr->moves;
    for (size_t i = 0; i < p->nfeatures; i++) {
        const perceptron_feature *f = &p->features[i];
        int16_t w[PARSER_MOVES] = {0, 0, 0};
        bool any = false;
        for (unsigned k = 0; k < f->n; k++) {
            w[p->pool[f->offset + k].cls] = qm[f->offset + k];
            any |= qm[f->offset + k] != 0;
        }
        if (!any)
            continue;
        unsigned t = (unsigned)(f->key >> 63);
        uint16_t fp = (uint16_t)(f->key >> 47);
        fp += fp == 0;
        unsigned slot;
        unsigned char *bucket = free_slot(tables[t], nbuckets[t], f->key, 2, &slot);
        put16_at(bucket + 2 * slot, fp);
        for (int k = 0; k < PARSER_MOVES; k++)
            put16_at(bucket + 16 + 6 * slot + 2 * k, (uint16_t)w[k]);
    }
    /* the relation tables: fingerprints and references to runs of (lane, weight) or, for
     * features with at least DENSE_MIN weights, to dense rows */
    unsigned char *entries = xmalloc(nentries * 4 + 4);
    size_t e = 0, nrows = 0, rows_alloc = 1024;
    unsigned char *rows = xmalloc(rows_alloc * PARSER_LANES * 2);
    p = &tr->labels;
    for (size_t i = 0; i < p->nfeatures; i++) {
        const perceptron_feature *f = &p->features[i];
        size_t nz = 0;
        for (unsigned k = 0; k < f->n; k++)
            nz += ql[f->offset + k] != 0;
        if (nz == 0)
            continue;
        uint32_t ref;
        if (nz >= DENSE_MIN) {
            if (nrows == rows_alloc) {
                rows_alloc *= 2;
                rows = xrealloc(rows, rows_alloc * PARSER_LANES * 2);
            }
            unsigned char *row = &rows[nrows * PARSER_LANES * 2];
            memset(row, 0, PARSER_LANES * 2);
            for (unsigned k = 0; k < f->n; k++)
                put16_at(row + 2 * (p->pool[f->offset + k].cls & 63), (uint16_t)ql[f->offset + k]);
            ref = 0x80000000u | (uint32_t)nrows++;
        } else {
            ref = (uint32_t)e;
            for (unsigned k = 0; k < f->n; k++) {
                int16_t val = ql[f->offset + k];
                if (!val)
                    continue;
                entries[e * 4] = p->pool[f->offset + k].cls & 63;
                entries[e * 4 + 1] = 0;
                put16_at(&entries[e * 4 + 2], (uint16_t)val);
                e++;
            }
            entries[(e - 1) * 4 + 1] = 1;
        }
        unsigned t = 2 + (unsigned)(f->key >> 63);
        uint32_t fp = (uint32_t)(f->key >> 31);
        fp += fp == 0;
        unsigned slot;
        unsigned char *bucket = free_slot(tables[t], nbuckets[t], f->key, 4, &slot);
        put32_at(bucket + 4 * slot, fp);
        put32_at(bucket + 32 + 4 * slot, ref);
    }
    size_t from = out->len;
    sitrep_status status = buf_append(out, PARSER_MAGIC, 8);
    uint32_t header[18] = {PARSER_VERSION, PARSER_FEATURE_SET};
    for (int i = 0; i < 4; i++) {
        header[2 + 2 * i] = (uint32_t)nbuckets[i];
        header[3 + 2 * i] = (uint32_t)nfeat[i];
    }
    header[10] = (uint32_t)e;
    header[11] = (uint32_t)nrows;
    header[12] = v->nslots;
    header[13] = (tr->parse_beam ? tr->parse_beam : tr->beam) | (tr->joint ? PARSER_FLAG_JOINT : 0u)
                                                                    << 16;
    header[14] = (uint32_t)tr->relations[PARSER_LEFT];
    header[15] = (uint32_t)(tr->relations[PARSER_LEFT] >> 32);
    header[16] = (uint32_t)tr->relations[PARSER_RIGHT];
    header[17] = (uint32_t)(tr->relations[PARSER_RIGHT] >> 32);
    for (int i = 0; i < 18 && !status; i++)
        status = put32(out, header[i]);
    for (uint32_t s = 0; s < v->nslots && !status; s++)
        if (!(status = put32(out, (uint32_t)v->keys[s])))
            status = put32(out, (uint32_t)(v->keys[s] >> 32));
    for (int i = 0; i < 4 && !status; i++)
        status = buf_append(out, tables[i], nbuckets[i] * 64);
    if (!status)
        status = buf_append(out, entries, e * 4);
    if (!status)
        status = buf_append(out, rows, nrows * PARSER_LANES * 2);
    if (!status)
        status = put32(out, hash_crc32(out->data + from, out->len - from, 0));
    free(qm);
    free(ql);
    for (int i = 0; i < 4; i++)
        free(tables[i]);
    free(entries);
    free(rows);
    if (status)
        diag_set(d, "model", 0, "model does not fit the output buffer");
    return status;
}

/* ---- scoring ---- */

/* Attachment scores of a model on a treebank (read without lifting; every word counts,
 * punctuation included). */
static void evaluate_model(const parser *model, const parser_treebank *t, size_t longest,
                           size_t *uas, size_t *las)
{
    *uas = *las = 0;
    uint16_t *head = xmalloc((longest + 1) * sizeof *head);
    uint8_t *rel = xmalloc(longest + 1);
    for (size_t s = 0; s < t->nsentences; s++) {
        size_t first = t->first[s], n = t->first[s + 1] - first;
        parser_parse_inputs(model, &t->input[first], n, head, rel);
        for (size_t i = 0; i < n; i++) {
            unsigned gold = t->head[first + i] == n + 1 ? 0 : t->head[first + i];
            *uas += head[i] == gold;
            *las += head[i] == gold && rel[i] == t->relation[first + i];
        }
    }
    free(head);
    free(rel);
}

/* Loads the model bytes just written (a check of the writer) for their info and, when dev has
 * sentences, their UAS and LAS on it. */
static sitrep_status score_model(const buf *bytes, const parser_treebank *dev, size_t longest,
                                 parser_info *info, double *uas, double *las, diag *d)
{
    parser *model = parser_load_bytes(bytes->data, bytes->len, "model", d);
    if (!model)
        return SITREP_EPARSE;
    parser_get_info(model, info);
    if (dev->nsentences) {
        size_t heads = 0, labelled = 0;
        evaluate_model(model, dev, longest, &heads, &labelled);
        *uas = (double)heads / (double)dev->ntokens;
        *las = (double)labelled / (double)dev->ntokens;
    }
    parser_free(model);
    return SITREP_OK;
}

sitrep_status parser_train(const char *train_path, const char *dev_path,
                           const parser_train_options *options, buf *model_out,
                           parser_train_report *report, diag *d)
{
    memset(report, 0, sizeof *report);
    if (options->epochs < 1 || options->epochs > 100)
        return diag_set(d, "train-parser", 0, "epochs must be 1 to 100"), SITREP_EUSAGE;
    if (!(options->explore_rate >= 0 && options->explore_rate <= 1))
        return diag_set(d, "train-parser", 0, "the exploration rate must be 0 to 1"), SITREP_EUSAGE;
    parser_treebank bank, dev;
    memset(&dev, 0, sizeof dev);
    size_t lifted = 0, dev_lifted = 0;
    sitrep_status status = parser_treebank_read(train_path, true, &bank, &lifted, d);
    if (status)
        return status;
    if (bank.nsentences == 0) {
        parser_treebank_release(&bank);
        return diag_set(d, train_path, 0, "no sentences to train on");
    }
    if (dev_path && (status = parser_treebank_read(dev_path, false, &dev, &dev_lifted, d))) {
        parser_treebank_release(&bank);
        return status;
    }
    report->train_sentences = bank.nsentences;
    report->train_tokens = bank.ntokens;
    report->nonprojective_arcs = lifted;

    parser_vocab words;
    parser_vocab_build(&bank, options->min_word_count ? options->min_word_count : 2, &words);
    size_t longest = 1;
    for (size_t s = 0; s < bank.nsentences; s++)
        if (bank.first[s + 1] - bank.first[s] > longest)
            longest = bank.first[s + 1] - bank.first[s];
    for (size_t s = 0; s < dev.nsentences; s++)
        if (dev.first[s + 1] - dev.first[s] > longest)
            longest = dev.first[s + 1] - dev.first[s];
    trainer tr;
    memset(&tr, 0, sizeof tr);
    tr.bank = &bank;
    tr.words = &words;
    parser_relations_build(&bank, tr.relations);
    for (unsigned m = PARSER_LEFT; m <= PARSER_RIGHT; m++)
        for (unsigned r = 1; r < DEP_COUNT; r++)
            if ((tr.relations[m] >> r & 1) && r != DEP_ROOT && tr.nlanes[m] < PARSER_LANES) {
                tr.lane[m][r] = (uint8_t)tr.nlanes[m];
                tr.relation_of[m][tr.nlanes[m]++] = (uint8_t)r;
            }
    if (__builtin_popcountll(tr.relations[PARSER_LEFT] & ~((uint64_t)1 << DEP_ROOT)) >
            PARSER_LANES ||
        __builtin_popcountll(tr.relations[PARSER_RIGHT]) > PARSER_LANES) {
        parser_treebank_release(&bank);
        parser_treebank_release(&dev);
        free(words.keys);
        return diag_set(d, train_path, 0, "more than %d relations on left or on right arcs",
                        PARSER_LANES);
    }
    tr.moves.table_size = tr.labels.table_size = 1 << 16;
    tr.moves.table = xcalloc(tr.moves.table_size, sizeof *tr.moves.table);
    tr.labels.table = xcalloc(tr.labels.table_size, sizeof *tr.labels.table);
    tr.tokens = xmalloc((longest + 2) * sizeof *tr.tokens);
    tr.nodes = xmalloc((longest + 2) * sizeof *tr.nodes);
    tr.stack = xmalloc((longest + 2) * sizeof *tr.stack);
    tr.gold = xmalloc((longest + 2) * sizeof *tr.gold);
    tr.gold_relation = xmalloc(longest + 2);

    unsigned beam = options->beam > 1 ? options->beam : 0;
    parser_beam bm;
    parser_beam_init(&bm, beam ? beam : 1, longest);
    uint16_t *gold_history = xmalloc((2 * longest + 2) * sizeof *gold_history);
    tr.beam = beam;
    tr.parse_beam = beam ? options->parse_beam : 0;
    tr.max_violation = options->max_violation;
    tr.joint = beam && options->joint;
    tr.gold_nodes = xmalloc((longest + 2) * sizeof *tr.gold_nodes);
    tr.gold_stack = xmalloc((longest + 2) * sizeof *tr.gold_stack);
    tr.gold_moves = xmalloc((2 * longest + 2) * sizeof *tr.gold_moves);
    tr.violation_gold = xmalloc((2 * longest + 2) * sizeof *tr.violation_gold);
    tr.violation_top = xmalloc((2 * longest + 2) * sizeof *tr.violation_top);
    uint32_t *order = xmalloc((bank.nsentences + 1) * sizeof *order);
    for (size_t s = 0; s < bank.nsentences; s++)
        order[s] = (uint32_t)s;
    uint64_t rng = options->seed * 0x9E3779B97F4A7C15ULL + 0x70617273ULL;
    for (unsigned epoch = 0; epoch < options->epochs && !status; epoch++) {
        for (size_t s = bank.nsentences; s > 1; s--) {
            size_t j = (size_t)(syntax_splitmix(&rng) % s);
            uint32_t x = order[s - 1];
            order[s - 1] = order[j];
            order[j] = x;
        }
        epoch_counts counts = {0, 0, 0, 0};
        bool explore = epoch >= options->explore_from && options->explore_rate > 0;
        for (size_t k = 0; k < bank.nsentences && !status; k++) {
            /* with a beam, the moves are trained globally and the relations on the greedy
             * parse of the same sentence, or with joint scoring globally with the moves */
            if (beam && tr.max_violation)
                status = train_sentence_violation(&tr, &bm, order[k], &counts, d);
            else if (beam)
                status = train_sentence_beam(&tr, &bm, gold_history, order[k], &counts, d);
            if (!status && !tr.joint)
                status = train_sentence(&tr, order[k], explore, options->explore_rate, &rng, !beam,
                                        &counts, d);
        }
        if (status)
            break;
        char line[300];
        double moves = counts.moves ? 100.0 * (double)counts.move_errors / (double)counts.moves : 0;
        double labels =
            counts.labels ? 100.0 * (double)counts.label_errors / (double)counts.labels : 0;
        int used;
        if (tr.joint)
            used = snprintf(line, sizeof line,
                            "epoch %u: %.2f%% of sentences updated (%zu move features, %zu "
                            "relation features, trained with the moves)",
                            epoch + 1, moves, tr.moves.nfeatures, tr.labels.nfeatures);
        else if (beam)
            used = snprintf(line, sizeof line,
                            "epoch %u: %.2f%% of sentences updated (%zu move features), "
                            "relations %.2f%% wrong (%zu features)",
                            epoch + 1, moves, tr.moves.nfeatures, labels, tr.labels.nfeatures);
        else
            used = snprintf(line, sizeof line,
                            "epoch %u: moves %.2f%% wrong (%zu features), relations %.2f%% wrong "
                            "(%zu features)",
                            epoch + 1, moves, tr.moves.nfeatures, labels, tr.labels.nfeatures);
        if (options->dev_each_epoch && dev.nsentences) {
            /* The averaged model on dev (the gold trees of dev are not lifted). */
            trainer dv = tr;
            dv.bank = &dev;
            size_t uas = 0, las = 0;
            for (size_t s = 0; s < dev.nsentences; s++) {
                size_t n = sentence_tokens(&dv, s);
                const parser_node *nodes = dv.nodes;
                if (beam) {
                    train_scorer ts = {&dv, true};
                    parser_beam_scorer sc = beam_scorer(&dv, &ts, false);
                    parser_beam_parse(&bm, &sc, dv.tokens, n);
                    nodes = bm.item[bm.gen][0].st.nodes;
                } else {
                    parse_averaged(&dv, n);
                }
                const uint8_t *rel = &dev.relation[dev.first[s]];
                for (size_t i = 1; i <= n; i++) {
                    bool h = nodes[i].head == dv.gold[i];
                    uas += h;
                    las += h && nodes[i].relation == rel[i - 1];
                }
            }
            snprintf(line + used, sizeof line - (size_t)used, "; dev UAS %.2f%% LAS %.2f%%",
                     100.0 * (double)uas / (double)dev.ntokens,
                     100.0 * (double)las / (double)dev.ntokens);
        }
        if (options->progress)
            options->progress(options->progress_context, line);
    }
    free(order);
    parser_beam_release(&bm);
    free(gold_history);
    free(tr.gold_nodes);
    free(tr.gold_stack);
    free(tr.gold_moves);
    free(tr.violation_gold);
    free(tr.violation_top);
    if (!status)
        status = model_write(&tr, &words, options->prune, model_out, d);
    if (!status && options->also_out)
        status = model_write(&tr, &words, options->also_prune, options->also_out, d);
    perceptron_release(&tr.moves);
    perceptron_release(&tr.labels);
    free(words.keys);
    if (!status)
        status = score_model(model_out, &dev, longest, &report->info, &report->dev_uas,
                             &report->dev_las, d);
    if (!status && options->also_out)
        status = score_model(options->also_out, &dev, longest, &report->also_info,
                             &report->also_dev_uas, &report->also_dev_las, d);
    report->dev_tokens = dev.ntokens;
    free(tr.tokens);
    free(tr.nodes);
    free(tr.stack);
    free(tr.gold);
    free(tr.gold_relation);
    parser_treebank_release(&bank);
    parser_treebank_release(&dev);
    return status;
}
