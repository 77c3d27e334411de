/* parser_state.c - the parser's arc-hybrid transition system (docs/parser.md, "Design"): a
 * configuration (stack, buffer, the arcs so far with each word's nearest children and the
 * sets of their relations, which the features read), the moves it allows, applying one, and
 * the dynamic oracle's cost of each move (gold arcs it makes unreachable), which training
 * and the beam's global updates use.
 */
#include "syntax.h"

#include <string.h>

void parser_state_init(parser_state *state, const parser_token *tokens, parser_node *nodes,
                       uint16_t *stack, size_t n)
{
    state->n = (uint32_t)n;
    state->b = 1;
    state->depth = 0;
    state->tokens = tokens;
    state->nodes = nodes;
    state->stack = stack;
    memset(nodes, 0, (n + 2) * sizeof *nodes);
}

bool parser_state_allows(const parser_state *s, unsigned move, unsigned relation)
{
    switch (move) {
    case PARSER_SHIFT:
        return s->b <= s->n;
    case PARSER_LEFT:
        if (s->depth == 0)
            return false;
        if (s->b == s->n + 1)
            return s->depth == 1 && relation == DEP_ROOT;
        return relation != DEP_ROOT;
    default:
        return s->depth >= 2 && relation != DEP_ROOT;
    }
}

static inline void attach(parser_state *s, unsigned head, unsigned dependent, unsigned relation)
{
    parser_node *h = &s->nodes[head], *d = &s->nodes[dependent];
    d->head = (uint16_t)head;
    d->relation = (uint8_t)relation;
    if (dependent < head) {
        h->left2 = h->left1;
        h->left1 = (uint16_t)dependent;
        h->nleft += h->nleft < 255;
        h->left_set |= (uint64_t)1 << relation;
    } else {
        h->right2 = h->right1;
        h->right1 = (uint16_t)dependent;
        h->nright += h->nright < 255;
        h->right_set |= (uint64_t)1 << relation;
    }
}

void parser_state_apply(parser_state *s, unsigned move, unsigned relation)
{
    if (move == PARSER_SHIFT) {
        s->stack[s->depth++] = (uint16_t)s->b++;
    } else if (move == PARSER_LEFT) {
        attach(s, s->b, s->stack[s->depth - 1], relation);
        s->depth--;
    } else {
        attach(s, s->stack[s->depth - 2], s->stack[s->depth - 1], relation);
        s->depth--;
    }
}

/* Gold arcs a move makes unreachable (Goldberg and Nivre 2013, arc-hybrid), unlabelled:
 * gold[w] is word w's gold head (n + 1 = the root). */
void parser_move_costs(const parser_state *s, const uint16_t *gold, unsigned cost[3])
{
    unsigned n = s->n, b = s->b, depth = s->depth;
    unsigned s0 = depth ? s->stack[depth - 1] : 0, s1 = depth > 1 ? s->stack[depth - 2] : 0;
    /* words of the buffer whose gold head is s0 (lost by both arcs) */
    unsigned s0_children = 0;
    if (s0)
        for (unsigned w = b; w <= n; w++)
            s0_children += gold[w] == s0;
    cost[PARSER_LEFT] = cost[PARSER_RIGHT] = cost[PARSER_SHIFT] = 0;
    if (s0) {
        cost[PARSER_LEFT] = s0_children + (gold[s0] != b && (gold[s0] == s1 || gold[s0] >= b));
        cost[PARSER_RIGHT] = s0_children + (gold[s0] >= b);
    }
    if (b <= n) {
        unsigned c = 0;
        for (unsigned k = 0; k < depth; k++) {
            unsigned x = s->stack[k];
            c += gold[x] == b;                  /* stack words whose head is b0 */
            c += k + 1 < depth && gold[b] == x; /* b0's head below s0 */
        }
        cost[PARSER_SHIFT] = c;
    }
}
