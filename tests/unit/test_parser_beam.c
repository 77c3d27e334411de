/* test_parser_beam.c - unit tests for the parser's beam search (parser_beam.c) with scorers
 * made up here: a beam as wide as every partial parse finds the best-scored complete parse
 * that an exhaustive search finds; each item's cost is the gold arcs it lost (the dynamic
 * oracle); and with gold heads the step reports when no parse without cost survives and which
 * history without cost scored best, as global training needs. With joint scoring every
 * relation of an arc is a candidate: the wide beam finds the best (move, relation) parse, and
 * a wrong relation on a gold arc costs one.
 */
#include "unit.h"
#include "syntax/syntax.h"

#include <string.h>

enum { N = 4 };

/* A scorer that rates a move by a hash of the configuration (stack and buffer positions):
 * arbitrary, deterministic, with many ties broken differently by greedy and beam search. */
static void hash_moves(void *context, const parser_state *s, int64_t scores[PARSER_MOVES])
{
    (void)context;
    uint64_t h = s->b * 0x9E3779B97F4A7C15ULL;
    for (unsigned k = 0; k < s->depth; k++)
        h = (h ^ s->stack[k]) * 0xC2B2AE3D27D4EB4FULL;
    for (unsigned m = 0; m < PARSER_MOVES; m++)
        scores[m] = (int64_t)((h >> (8 + 10 * m)) % 1000) - 500;
}

static unsigned fixed_relation(void *context, const parser_state *s, unsigned move)
{
    (void)context;
    (void)s;
    return move == PARSER_LEFT ? DEP_NSUBJ : DEP_OBJ;
}

/* The moves a configuration allows, as parser_beam.c sees them. */
static unsigned allowed(const parser_state *s)
{
    if (s->depth == 0)
        return 1u << PARSER_SHIFT;
    if (s->b == s->n + 1)
        return s->depth == 1 ? 1u << PARSER_LEFT : 1u << PARSER_RIGHT;
    return 1u << PARSER_SHIFT | 1u << PARSER_LEFT | (s->depth >= 2 ? 1u << PARSER_RIGHT : 0);
}

/* Exhaustive search: the best total score of a complete parse from s, and how many partial
 * parses exist after each number of steps (to know the beam held them all). */
static int64_t best_total(const parser_state *s, unsigned step, unsigned *partials)
{
    if (parser_state_done(s))
        return 0;
    unsigned moves = allowed(s);
    int64_t scores[PARSER_MOVES] = {0, 0, 0};
    if (moves & (moves - 1))
        hash_moves(NULL, s, scores);
    int64_t best = INT64_MIN;
    for (unsigned m = 0; m < PARSER_MOVES; m++) {
        if (!(moves >> m & 1))
            continue;
        parser_node nodes[N + 2];
        uint16_t stack[N + 2];
        parser_state t = *s;
        memcpy(nodes, s->nodes, sizeof nodes);
        memcpy(stack, s->stack, sizeof stack);
        t.nodes = nodes;
        t.stack = stack;
        unsigned rel = m == PARSER_SHIFT                    ? 0
                       : m == PARSER_LEFT && t.b == t.n + 1 ? DEP_ROOT
                                                            : fixed_relation(NULL, &t, m);
        parser_state_apply(&t, m, rel);
        partials[step + 1]++;
        int64_t total = scores[m] + best_total(&t, step + 1, partials);
        if (total > best)
            best = total;
    }
    return best;
}

static void tokens_for(parser_token *tokens, size_t n)
{
    memset(tokens, 0, (n + 2) * sizeof *tokens);
    for (size_t i = 1; i <= n; i++)
        tokens[i].word = tokens[i].tag = i;
    parser_tokens_finish(tokens, n);
}

static void wide_beam_finds_the_best_parse(void **state)
{
    (void)state;
    const unsigned n = 3; /* few enough words for every partial parse to fit the beam */
    parser_token tokens[N + 2];
    tokens_for(tokens, n);
    parser_node nodes[N + 2];
    uint16_t stack[N + 2];
    parser_state s;
    parser_state_init(&s, tokens, nodes, stack, n);
    unsigned partials[2 * N + 2] = {0};
    int64_t best = best_total(&s, 0, partials);
    unsigned most = 0;
    for (unsigned k = 0; k <= 2 * n; k++)
        most = partials[k] > most ? partials[k] : most;
    assert_true(most <= PARSER_BEAM_MAX); /* the widest beam holds every partial parse */

    parser_beam wide, narrow;
    parser_beam_init(&wide, PARSER_BEAM_MAX, n);
    parser_beam_init(&narrow, 1, n);
    parser_beam_scorer sc = {.moves = hash_moves, .relation = fixed_relation};
    parser_beam_parse(&wide, &sc, tokens, n);
    const parser_beam_item *top = &wide.item[wide.gen][0];
    assert_true(parser_state_done(&top->st));
    assert_int_equal(wide.steps, 2 * n);
    assert_true(top->score == best);
    /* items are kept best first */
    for (unsigned k = 1; k < wide.count; k++)
        assert_true(wide.item[wide.gen][k - 1].score >= wide.item[wide.gen][k].score);
    /* the history replays to the same tree */
    parser_state r;
    parser_state_init(&r, tokens, nodes, stack, n);
    for (unsigned i = 0; i < wide.steps; i++)
        parser_state_apply(&r, top->history[i] & 3, top->history[i] >> 2);
    for (unsigned w = 1; w <= n; w++) {
        assert_int_equal(nodes[w].head, top->st.nodes[w].head);
        assert_int_equal(nodes[w].relation, top->st.nodes[w].relation);
    }
    /* greedy (width 1) scores no better */
    parser_beam_parse(&narrow, &sc, tokens, n);
    assert_true(narrow.item[narrow.gen][0].score <= best);
    assert_int_equal(narrow.count, 1);
    parser_beam_release(&wide);
    parser_beam_release(&narrow);
}

/* A scorer that prefers the moves the oracle says lose no gold arc, or (contrary) the ones
 * that lose the most. */
typedef struct oracle_scorer {
    const uint16_t *gold;
    int sign;
} oracle_scorer;

static void oracle_moves(void *context, const parser_state *s, int64_t scores[PARSER_MOVES])
{
    const oracle_scorer *o = context;
    unsigned cost[PARSER_MOVES];
    parser_move_costs(s, o->gold, cost);
    for (unsigned m = 0; m < PARSER_MOVES; m++)
        scores[m] = -o->sign * 100 * (int64_t)cost[m] + m;
}

static void beam_tracks_gold_costs(void **state)
{
    (void)state;
    /* "the dog saw Kim": det, nsubj, root, obj (heads 2 3 root 3; the root is n + 1) */
    const uint16_t gold[N + 2] = {0, 2, 3, N + 1, 3, 0};
    parser_token tokens[N + 2];
    tokens_for(tokens, N);
    oracle_scorer good = {gold, 1}, bad = {gold, -1};
    parser_beam b;
    parser_beam_init(&b, 4, N);
    parser_beam_scorer sc = {
        .moves = oracle_moves, .relation = fixed_relation, .context = &good, .gold = gold};
    uint16_t history[2 * N + 2];
    bool kept = false;
    parser_beam_start(&b, tokens, N);
    while (parser_beam_step(&b, &sc, history, &kept))
        assert_true(kept);
    const parser_beam_item *top = &b.item[b.gen][0];
    assert_int_equal(top->cost, 0);
    for (unsigned w = 1; w <= N; w++)
        assert_int_equal(top->st.nodes[w].head, gold[w]);
    /* the last gold history given is the best parse's */
    assert_memory_equal(history, top->history, b.steps * sizeof *history);

    /* Preferring costly moves: the beam loses every parse without cost at some step; the
     * gold history reported then has no cost. */
    sc.context = &bad;
    parser_beam_start(&b, tokens, N);
    kept = true;
    while (kept && parser_beam_step(&b, &sc, history, &kept))
        ;
    assert_false(kept);
    for (unsigned k = 0; k < b.count; k++)
        assert_true(b.item[b.gen][k].cost > 0);
    parser_node nodes[N + 2];
    uint16_t stack[N + 2];
    parser_state r;
    parser_state_init(&r, tokens, nodes, stack, N);
    unsigned lost = 0;
    for (unsigned i = 0; i < b.steps; i++) {
        unsigned cost[PARSER_MOVES];
        parser_move_costs(&r, gold, cost);
        lost += cost[history[i] & 3];
        parser_state_apply(&r, history[i] & 3, history[i] >> 2);
    }
    assert_int_equal(lost, 0);
    /* without gold heads nothing is reported and nothing costs */
    sc.gold = NULL;
    parser_beam_parse(&b, &sc, tokens, N);
    assert_int_equal(b.item[b.gen][0].cost, 0);
    assert_false(parser_beam_step(&b, &sc, history, &kept)); /* complete: nothing to do */
    parser_beam_release(&b);
}

/* Joint scoring: three relations per direction, scored by a hash of the configuration. */
static const uint8_t joint_relations[PARSER_MOVES][3] = {
    {0, 0, 0}, {DEP_NSUBJ, DEP_DET, DEP_AMOD}, {DEP_OBJ, DEP_OBL, DEP_CONJ}};

static unsigned hash_relations(void *context, const parser_state *s, unsigned move,
                               int64_t scores[PARSER_LANES], const uint8_t **relation_of)
{
    (void)context;
    uint64_t h = (s->b + 7 * move) * 0xD6E8FEB86659FD93ULL;
    for (unsigned k = 0; k < s->depth; k++)
        h = (h ^ s->stack[k]) * 0x9E3779B97F4A7C15ULL;
    for (unsigned i = 0; i < 3; i++)
        scores[i] = (int64_t)((h >> (7 + 9 * i)) % 800) - 400;
    *relation_of = joint_relations[move];
    return 3;
}

/* Exhaustive search over moves and relations with the joint scorer. */
static int64_t best_joint(const parser_state *s)
{
    if (parser_state_done(s))
        return 0;
    unsigned moves = allowed(s);
    int64_t scores[PARSER_MOVES] = {0, 0, 0};
    if (moves & (moves - 1))
        hash_moves(NULL, s, scores);
    int64_t best = INT64_MIN;
    for (unsigned m = 0; m < PARSER_MOVES; m++) {
        if (!(moves >> m & 1))
            continue;
        bool root = m == PARSER_LEFT && s->b == s->n + 1;
        int64_t lanes[PARSER_LANES] = {0};
        const uint8_t *relation_of = NULL;
        unsigned nlanes =
            m == PARSER_SHIFT || root ? 1 : hash_relations(NULL, s, m, lanes, &relation_of);
        for (unsigned i = 0; i < nlanes; i++) {
            parser_node nodes[N + 2];
            uint16_t stack[N + 2];
            parser_state t = *s;
            memcpy(nodes, s->nodes, sizeof nodes);
            memcpy(stack, s->stack, sizeof stack);
            t.nodes = nodes;
            t.stack = stack;
            unsigned rel = m == PARSER_SHIFT ? 0 : root ? DEP_ROOT : relation_of[i];
            parser_state_apply(&t, m, rel);
            int64_t total = scores[m] + lanes[i] + best_joint(&t);
            if (total > best)
                best = total;
        }
    }
    return best;
}

static void joint_beam_scores_relations(void **state)
{
    (void)state;
    const unsigned n = 2; /* every partial (move, relation) parse fits the widest beam */
    parser_token tokens[N + 2];
    tokens_for(tokens, n);
    parser_node nodes[N + 2];
    uint16_t stack[N + 2];
    parser_state s;
    parser_state_init(&s, tokens, nodes, stack, n);
    int64_t best = best_joint(&s);
    parser_beam wide;
    parser_beam_init(&wide, PARSER_BEAM_MAX, n);
    parser_beam_scorer sc = {
        .moves = hash_moves, .relation = fixed_relation, .relations = hash_relations};
    parser_beam_parse(&wide, &sc, tokens, n);
    const parser_beam_item *top = &wide.item[wide.gen][0];
    assert_true(parser_state_done(&top->st));
    assert_true(top->score == best);
    /* the relations are the joint scorer's, never fixed_relation's DEP_NSUBJ/DEP_OBJ alone */
    for (unsigned w = 1; w <= n; w++) {
        unsigned rel = top->st.nodes[w].relation;
        assert_true(rel == DEP_ROOT || memchr(joint_relations[PARSER_LEFT], (int)rel, 3) ||
                    memchr(joint_relations[PARSER_RIGHT], (int)rel, 3));
    }
    parser_beam_release(&wide);
}

/* A joint scorer that prefers gold moves and, on every arc, the lane of a relation chosen by
 * `prefer` (the gold relation of the dependent, or another). */
typedef struct gold_relation_scorer {
    const uint16_t *gold;
    const uint8_t *gold_relation;
    bool wrong; /* prefer a relation that is not the gold one */
} gold_relation_scorer;

static void gold_moves(void *context, const parser_state *s, int64_t scores[PARSER_MOVES])
{
    const gold_relation_scorer *g = context;
    unsigned cost[PARSER_MOVES];
    parser_move_costs(s, g->gold, cost);
    for (unsigned m = 0; m < PARSER_MOVES; m++)
        scores[m] = -1000 * (int64_t)cost[m];
}

static unsigned gold_relations(void *context, const parser_state *s, unsigned move,
                               int64_t scores[PARSER_LANES], const uint8_t **relation_of)
{
    const gold_relation_scorer *g = context;
    unsigned dep = s->stack[s->depth - 1];
    for (unsigned i = 0; i < 3; i++) {
        bool is_gold = joint_relations[move][i] == g->gold_relation[dep];
        scores[i] = is_gold != g->wrong ? 50 : 0;
    }
    *relation_of = joint_relations[move];
    return 3;
}

static void joint_beam_costs_wrong_relations(void **state)
{
    (void)state;
    /* "the dog saw Kim": det, nsubj, root, obj */
    const uint16_t gold[N + 2] = {0, 2, 3, N + 1, 3, 0};
    const uint8_t relation[N + 2] = {0, DEP_DET, DEP_NSUBJ, DEP_ROOT, DEP_OBJ, 0};
    parser_token tokens[N + 2];
    tokens_for(tokens, N);
    gold_relation_scorer good = {gold, relation, false}, bad = {gold, relation, true};
    parser_beam b;
    parser_beam_init(&b, 2, N);
    parser_beam_scorer sc = {.moves = gold_moves,
                             .relation = fixed_relation,
                             .relations = gold_relations,
                             .context = &good,
                             .gold = gold,
                             .gold_relation = relation};
    uint16_t history[2 * N + 2];
    bool kept = false;
    parser_beam_start(&b, tokens, N);
    while (parser_beam_step(&b, &sc, history, &kept))
        assert_true(kept);
    const parser_beam_item *top = &b.item[b.gen][0];
    assert_int_equal(top->cost, 0);
    for (unsigned w = 1; w <= N; w++) {
        assert_int_equal(top->st.nodes[w].head, gold[w]);
        assert_int_equal(top->st.nodes[w].relation, relation[w]);
    }
    /* preferring wrong relations (on the right heads): each of the three arcs that are not
     * the root costs one, and the beam of two loses every parse without cost */
    sc.context = &bad;
    parser_beam_parse(&b, &sc, tokens, N);
    top = &b.item[b.gen][0];
    for (unsigned w = 1; w <= N; w++)
        assert_int_equal(top->st.nodes[w].head, gold[w]);
    assert_int_equal(top->cost, 3);
    parser_beam_release(&b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(wide_beam_finds_the_best_parse),
        cmocka_unit_test(beam_tracks_gold_costs),
        cmocka_unit_test(joint_beam_scores_relations),
        cmocka_unit_test(joint_beam_costs_wrong_relations),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
