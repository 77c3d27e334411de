/* parser_features.c - the parser's feature templates (docs/parser.md, "Features"): the keys
 * of the move classifier's features from a configuration (after Zhang and Nivre 2011, adapted
 * to arc-hybrid) and of the relation classifier's for an arc about to be made. Keys made only
 * of tags, relations and numbers carry PARSER_TAG_KEY. Changing a template changes the
 * feature set number that parser.c checks in model files.
 */
#include "syntax.h"

#include <string.h>

/* The key of a feature: its template and up to three values (word and tag hashes, small
 * numbers). One multiply-xorshift round after the sum is enough to spread them over the
 * bits the tables use (low bits: the bucket; high bits: the fingerprint). */
static inline uint64_t key3(unsigned template_id, uint64_t a, uint64_t b, uint64_t c)
{
    uint64_t h = a * 0x9E3779B97F4A7C15ULL + b * 0xC2B2AE3D27D4EB4FULL + c * 0x165667B19E3779F9ULL +
                 (template_id + 1) * 0x27D4EB2F165667C5ULL;
    h ^= h >> 29;
    h *= 0xd6e8feb86659fd93ULL;
    return h ^ h >> 32;
}

static inline unsigned bucket(unsigned d)
{
    return d <= 5 ? d : d <= 7 ? 6 : d <= 10 ? 7 : d <= 15 ? 8 : 9;
}

size_t parser_features(const parser_state *s, uint64_t *out, size_t *tags)
{
    const parser_token *t = s->tokens;
    const parser_node *nd = s->nodes;
    unsigned n = s->n, depth = s->depth;
    unsigned s0 = depth > 0 ? s->stack[depth - 1] : 0;
    unsigned s1 = depth > 1 ? s->stack[depth - 2] : 0;
    unsigned s2 = depth > 2 ? s->stack[depth - 3] : 0;
    unsigned b0 = s->b;
    unsigned b1 = b0 + 1 <= n + 1 ? b0 + 1 : 0;
    unsigned b2 = b0 + 2 <= n + 1 ? b0 + 2 : 0;
    const parser_node *S0 = &nd[s0], *S1 = &nd[s1], *B0 = &nd[b0];
    unsigned s0l1 = S0->left1, s0l2 = S0->left2, s0r1 = S0->right1, s0r2 = S0->right2;
    unsigned b0l1 = B0->left1, b0l2 = B0->left2, s1r1 = S1->right1, s1l1 = S1->left1;
    unsigned dist = s0 ? bucket(b0 - s0) : 0;
    unsigned dist1 = s1 ? bucket(s0 - s1) : 0;
#define W(x) t[x].word
#define P(x) t[x].tag
#define WP(x) t[x].word_tag
#define L(x) nd[x].relation
#define U(x) t[x].upos
    unsigned k = 0;
    /* tag keys from the front of out, word keys from the back */
    unsigned ntag = 0, nword = 0;
#define TAG(a, b, c) (out[ntag++] = key3(k++, (a), (b), (c)) | PARSER_TAG_KEY)
#define LEX(a, b, c)                                                                               \
    (out[PARSER_MAX_FEATURES - 1 - nword++] = key3(k++, (a), (b), (c)) & ~PARSER_TAG_KEY)
    TAG(0, 0, 0); /* bias */
    /* single words */
    LEX(W(s0), 0, 0);
    TAG(P(s0), 0, 0);
    LEX(W(b0), 0, 0);
    TAG(P(b0), 0, 0);
    LEX(W(b1), 0, 0);
    TAG(P(b1), 0, 0);
    LEX(WP(b1), 0, 0);
    TAG(P(b2), 0, 0);
    LEX(W(s1), 0, 0);
    TAG(P(s1), 0, 0);
    LEX(WP(s1), 0, 0);
    /* pairs */
    LEX(WP(s0), WP(b0), 0);
    LEX(WP(s0), W(b0), 0);
    LEX(W(s0), WP(b0), 0);
    LEX(P(s0), WP(b0), 0);
    LEX(W(s0), W(b0), 0);
    TAG(P(b0), P(b1), 0);
    LEX(P(s1), WP(s0), 0);
    TAG(P(s1), P(b0), 0);
    /* triples of tags */
    TAG(P(b0), P(b1), P(b2));
    TAG(P(s0), P(b0), P(b1));
    TAG(P(s1), P(s0), P(b0));
    TAG(P(s0), P(s0l1), P(b0));
    TAG(P(s0), P(s0r1), P(b0));
    TAG(P(s0), P(b0), P(b0l1));
    TAG(P(s2), P(s1), P(s0));
    TAG(P(s1), P(s0), P(s0l1));
    /* distance */
    LEX(W(s0), dist, 0);
    TAG(P(s0), dist, 0);
    LEX(W(b0), dist, 0);
    TAG(P(b0), dist, 0);
    LEX(W(s0), W(b0), dist);
    TAG(P(s0), P(b0), dist);
    TAG(P(s1), P(s0), dist1);
    /* valency */
    unsigned s0vl = S0->nleft < 8 ? S0->nleft : 8, s0vr = S0->nright < 8 ? S0->nright : 8;
    unsigned b0vl = B0->nleft < 8 ? B0->nleft : 8;
    unsigned s1v = (S1->nleft < 8 ? S1->nleft : 8) * 16 + (S1->nright < 8 ? S1->nright : 8);
    TAG(P(s0), s0vr, 0);
    LEX(W(s0), s0vl, 0);
    LEX(W(b0), b0vl, 0);
    TAG(P(b0), b0vl, 0);
    TAG(P(s1), s1v, 0);
    /* children */
    LEX(W(s0l1), 0, 0);
    TAG(P(s0l1), 0, 0);
    TAG(L(s0l1), 0, 0);
    TAG(P(s0r1), 0, 0);
    TAG(L(s0r1), 0, 0);
    LEX(W(b0l1), 0, 0);
    TAG(P(b0l1), 0, 0);
    TAG(L(b0l1), 0, 0);
    TAG(L(s1r1), 0, 0);
    TAG(P(s1l1), L(s1l1), 0);
    /* second children */
    LEX(W(s0l2), 0, 0);
    TAG(P(s0l2), 0, 0);
    TAG(L(s0l2), 0, 0);
    LEX(W(b0l2), 0, 0);
    TAG(P(b0l2), 0, 0);
    TAG(L(b0l2), 0, 0);
    TAG(P(s0), P(s0r1), P(s0r2));
    TAG(P(b0), P(b0l1), P(b0l2));
    /* label sets */
    TAG(P(s0), S0->right_set, 0);
    LEX(W(s0), S0->left_set, 0);
    LEX(W(b0), B0->left_set, 0);
    TAG(P(b0), B0->left_set, 0);
    TAG(P(s1), S1->right_set, S1->left_set);
    /* UPOS alone */
    TAG(U(s0), 0, 0);
    TAG(U(b0), 0, 0);
    TAG(U(s1), 0, 0);
    TAG(U(b1), 0, 0);
    TAG(U(s0), U(b0), 0);
    TAG(U(s0), U(b0), U(b1));
#undef U
#undef TAG
#undef LEX
#undef W
#undef P
#undef WP
#undef L
    memmove(out + ntag, out + PARSER_MAX_FEATURES - nword, nword * sizeof *out);
    *tags = ntag;
    return k;
}

size_t parser_label_features(const parser_state *s, unsigned move, uint64_t *out, size_t *tags)
{
    const parser_token *t = s->tokens;
    const parser_node *nd = s->nodes;
    unsigned depth = s->depth;
    unsigned dep = s->stack[depth - 1];
    unsigned head = move == PARSER_LEFT ? s->b : s->stack[depth - 2];
    const parser_node *D = &nd[dep], *H = &nd[head];
    unsigned dl1 = D->left1, dr1 = D->right1, hl1 = H->left1, hr1 = H->right1;
    unsigned dist = bucket(dep < head ? head - dep : dep - head);
    unsigned dnext = dep + 1 <= s->n ? dep + 1 : 0;
    uint64_t dir = move;
#define W(x) t[x].word
#define P(x) t[x].tag
#define WP(x) t[x].word_tag
#define L(x) nd[x].relation
    unsigned k = 0;
    /* every key names the direction: a feature's weights are for one direction's relations */
    unsigned base = move == PARSER_LEFT ? 128 : 192;
    unsigned ntag = 0, nword = 0;
#define TAG(a, b, c) (out[ntag++] = key3(base + k++, (a), (b), (c)) | PARSER_TAG_KEY)
#define LEX(a, b, c)                                                                               \
    (out[PARSER_MAX_LABEL_FEATURES - 1 - nword++] =                                                \
         key3(base + k++, (a), (b), (c)) & ~PARSER_TAG_KEY)
    TAG(dir, 0, 0); /* bias */
    LEX(W(dep), dir, 0);
    TAG(P(dep), dir, 0);
    LEX(WP(dep), dir, 0);
    LEX(W(head), dir, 0);
    TAG(P(head), dir, 0);
    TAG(P(dep), P(head), dir);
    LEX(W(dep), P(head), dir);
    LEX(P(dep), W(head), dir);
    TAG(P(dep), P(head), dist * 4 + dir);
    /* the dependent's children: case markers, determiners, clauses */
    TAG(P(dep), D->left_set, dir);
    LEX(W(dl1), P(dep), dir);
    LEX(W(dl1), P(head), dir);
    LEX(W(dl1), W(head), dir);
    TAG(P(dl1), L(dl1), P(dep));
    TAG(P(dr1), L(dr1), P(dep));
    LEX(W(D->left2), P(dep), dir);
    /* the head's children so far (a passive auxiliary, an object already there) */
    TAG(P(head), H->left_set, dir);
    TAG(P(head), H->right_set, dir);
    TAG(L(hl1), P(dep), dir);
    TAG(L(hr1), P(dep), dir);
    TAG(P(hr1), P(dep), P(head));
    /* neighbours */
    TAG(P(dep), P(dnext), dir);
    TAG(P(s->b), P(dep), dir);
    TAG(P(head), P(head + 1 <= s->n ? head + 1 : 0), dir);
    /* more words (the classifier runs once per arc, so it can afford them) */
    LEX(W(dl1), W(dep), dir);
    TAG(P(dep), D->left_set, P(head));
    TAG(P(dep), L(dl1), P(head));
#undef TAG
#undef LEX
#undef W
#undef P
#undef WP
#undef L
    memmove(out + ntag, out + PARSER_MAX_LABEL_FEATURES - nword, nword * sizeof *out);
    *tags = ntag;
    return k;
}
