/* parser_beam.c - beam search over arc-hybrid configurations (Zhang and Clark 2008; Zhang and
 * Nivre 2011): the `width` best-scored partial parses advance together, a parse's score being
 * the sum of its moves' scores. Used by the parser at run time (a model trained with a beam
 * is decoded with it) and by training, which also tracks each item's cost (gold arcs lost,
 * the dynamic oracle's count) to make the early update of global training.
 */
#include "syntax.h"

#include <stdlib.h>
#include <string.h>

void parser_beam_init(parser_beam *b, unsigned width, size_t longest)
{
    memset(b, 0, sizeof *b);
    if (width < 1)
        width = 1;
    if (width > PARSER_BEAM_MAX)
        width = PARSER_BEAM_MAX;
    b->width = width;
    b->capacity = longest;
    size_t slots = 2 * (size_t)width;
    b->node_pool = xmalloc(slots * (longest + 2) * sizeof *b->node_pool);
    b->stack_pool = xmalloc(slots * (longest + 2) * sizeof *b->stack_pool);
    b->history_pool = xmalloc(slots * (2 * longest + 2) * sizeof *b->history_pool);
}

void parser_beam_release(parser_beam *b)
{
    free(b->node_pool);
    free(b->stack_pool);
    free(b->history_pool);
    memset(b, 0, sizeof *b);
}

/* Points item k of generation g at its own storage. */
static void bind(parser_beam *b, unsigned g, unsigned k)
{
    parser_beam_item *it = &b->item[g][k];
    size_t slot = (size_t)g * b->width + k, n = b->capacity;
    it->st.nodes = b->node_pool + slot * (n + 2);
    it->st.stack = b->stack_pool + slot * (n + 2);
    it->history = b->history_pool + slot * (2 * n + 2);
}

void parser_beam_start(parser_beam *b, const parser_token *tokens, size_t n)
{
    b->gen = 0;
    b->count = 1;
    b->steps = 0;
    bind(b, 0, 0);
    parser_beam_item *it = &b->item[0][0];
    parser_state_init(&it->st, tokens, it->st.nodes, it->st.stack, n);
    it->score = 0;
    it->cost = 0;
}

/* The moves allowed in a configuration, as a bit set; more than one only when none is
 * forced (then the moves are scored). */
static unsigned allowed_moves(const parser_state *s)
{
    if (s->depth == 0)
        return 1u << PARSER_SHIFT;
    if (s->b == s->n + 1)
        return s->depth == 1 ? 1u << PARSER_LEFT : 1u << PARSER_RIGHT;
    return 1u << PARSER_SHIFT | 1u << PARSER_LEFT | (s->depth >= 2 ? 1u << PARSER_RIGHT : 0);
}

typedef struct candidate {
    int64_t score;
    uint32_t cost;
    uint8_t parent, move, relation; /* relation: chosen with the move (joint scoring) */
} candidate;

/* Whether a ranks before b: higher score, then earlier parent, then lower move and relation
 * (so that equal scores give the same parse every time). */
static bool before(const candidate *a, const candidate *b)
{
    if (a->score != b->score)
        return a->score > b->score;
    if (a->parent != b->parent)
        return a->parent < b->parent;
    if (a->move != b->move)
        return a->move < b->move;
    return a->relation < b->relation;
}

/* Makes new item slot of the next generation from a parent and a move. */
static void extend(parser_beam *b, const parser_beam_scorer *sc, unsigned slot, const candidate *c)
{
    const parser_beam_item *p = &b->item[b->gen][c->parent];
    unsigned g = b->gen ^ 1u;
    bind(b, g, slot);
    parser_beam_item *it = &b->item[g][slot];
    size_t n = p->st.n;
    unsigned rel = c->relation;
    if (c->move != PARSER_SHIFT && !rel)
        rel = sc->relation(sc->context, &p->st, c->move);
    parser_node *nodes = it->st.nodes;
    uint16_t *stack = it->st.stack, *history = it->history;
    it->st = p->st;
    it->st.nodes = nodes;
    it->st.stack = stack;
    memcpy(nodes, p->st.nodes, (n + 2) * sizeof *nodes);
    memcpy(stack, p->st.stack, p->st.depth * sizeof *stack);
    memcpy(history, p->history, b->steps * sizeof *history);
    history[b->steps] = (uint16_t)(c->move | rel << 2);
    it->history = history;
    it->score = c->score;
    it->cost = c->cost;
    parser_state_apply(&it->st, c->move, rel);
}

/* Inserts candidate c into the `width` best, kept in rank order. */
static void offer(candidate *top, unsigned *ntop, unsigned width, const candidate *c)
{
    if (*ntop == width && !before(c, &top[*ntop - 1]))
        return;
    unsigned at = *ntop < width ? (*ntop)++ : *ntop - 1;
    while (at > 0 && before(c, &top[at - 1])) {
        top[at] = top[at - 1];
        at--;
    }
    top[at] = *c;
}

/* Tracks the best-scored candidate without cost (training). */
static void offer_gold(const parser_beam_scorer *sc, candidate *gold, bool *have,
                       const candidate *c)
{
    if (sc->gold && c->cost == 0 && (!*have || before(c, gold))) {
        *gold = *c;
        *have = true;
    }
}

bool parser_beam_step(parser_beam *b, const parser_beam_scorer *sc, uint16_t *gold_history,
                      bool *gold_kept)
{
    if (parser_state_done(&b->item[b->gen][0].st))
        return false;
    candidate top[PARSER_BEAM_MAX], gold = {0, UINT32_MAX, 0, 0, 0};
    unsigned ntop = 0;
    bool have_gold = false;
    /* every (item, move) pair with the move's score */
    candidate pairs[PARSER_BEAM_MAX * PARSER_MOVES];
    unsigned npairs = 0;
    for (unsigned k = 0; k < b->count; k++) {
        const parser_state *st = &b->item[b->gen][k].st;
        unsigned moves = allowed_moves(st);
        int64_t scores[PARSER_MOVES] = {0, 0, 0};
        if (moves & (moves - 1))
            sc->moves(sc->context, st, scores);
        unsigned cost[PARSER_MOVES] = {0, 0, 0};
        if (sc->gold)
            parser_move_costs(st, sc->gold, cost);
        for (unsigned m = 0; m < PARSER_MOVES; m++)
            if (moves >> m & 1) {
                bool root = m == PARSER_LEFT && st->b == st->n + 1;
                pairs[npairs++] = (candidate){b->item[b->gen][k].score + scores[m],
                                              b->item[b->gen][k].cost + cost[m], (uint8_t)k,
                                              (uint8_t)m, root ? DEP_ROOT : 0};
            }
    }
    for (unsigned p = 0; p < npairs; p++) {
        const candidate *c = &pairs[p];
        if (c->move == PARSER_SHIFT || c->relation == DEP_ROOT || !sc->relations) {
            offer_gold(sc, &gold, &have_gold, c);
            offer(top, &ntop, b->width, c);
            continue;
        }
        /* joint scoring: one candidate per relation of the arc, the relation's score added
         * to the move's; a wrong relation on a gold arc costs one */
        const parser_state *st = &b->item[b->gen][c->parent].st;
        int64_t lanes[PARSER_LANES];
        const uint8_t *relation_of;
        unsigned nlanes = sc->relations(sc->context, st, c->move, lanes, &relation_of);
        unsigned dep = st->stack[st->depth - 1];
        unsigned head = c->move == PARSER_LEFT ? st->b : st->stack[st->depth - 2];
        bool gold_arc = sc->gold && sc->gold_relation && sc->gold[dep] == head;
        if (!sc->gold && ntop == b->width) {
            /* none of the arc's candidates can enter a full beam below its worst item */
            int64_t best = lanes[0];
            for (unsigned i = 1; i < nlanes; i++)
                best = lanes[i] > best ? lanes[i] : best;
            if (c->score + best < top[ntop - 1].score)
                continue;
        }
        for (unsigned i = 0; i < nlanes; i++) {
            candidate r = *c;
            r.score += lanes[i];
            r.relation = relation_of[i];
            r.cost += gold_arc && relation_of[i] != sc->gold_relation[dep];
            offer_gold(sc, &gold, &have_gold, &r);
            offer(top, &ntop, b->width, &r);
        }
    }
    bool kept = false;
    for (unsigned k = 0; k < ntop; k++) {
        extend(b, sc, k, &top[k]);
        kept |= sc->gold && top[k].cost == 0;
    }
    if (sc->gold && have_gold && gold_history) {
        /* the best-scored candidate that has lost no gold arc, for the update */
        const parser_beam_item *p = &b->item[b->gen][gold.parent];
        memcpy(gold_history, p->history, b->steps * sizeof *gold_history);
        unsigned rel = gold.relation;
        if (gold.move != PARSER_SHIFT && !rel)
            rel = sc->relation(sc->context, &p->st, gold.move);
        gold_history[b->steps] = (uint16_t)(gold.move | rel << 2);
    }
    if (gold_kept)
        *gold_kept = kept;
    b->gen ^= 1u;
    b->count = ntop;
    b->steps++;
    return true;
}

void parser_beam_parse(parser_beam *b, const parser_beam_scorer *sc, const parser_token *tokens,
                       size_t n)
{
    parser_beam_start(b, tokens, n);
    while (parser_beam_step(b, sc, NULL, NULL))
        ;
}
