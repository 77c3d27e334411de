/* match.h - phrase matching over a sentence's tokens (the third pipeline stage).
 *
 * Tokens are mapped once to vocabulary ids; match_prefixes then walks the dictionary trie
 * from one token and reports every phrase that ends on the way, longest first, so callers
 * take the longest one that suits them.
 */
#ifndef SITREP_MATCH_H
#define SITREP_MATCH_H

#include "../lexicon/lexicon.h"

/* A phrase found by match_prefixes: `ntokens` tokens ending at trie node `node`. */
typedef struct match_span {
    uint32_t node;
    uint32_t ntokens;
} match_span;

/* Writes ids[k] = the vocabulary id of tokens[k] (VOCAB_NONE when no dictionary uses it). */
void match_token_ids(const dict *d, const text_result *text, const token *tokens, size_t n,
                     uint32_t *ids);

/* Walks the trie from token i of ids[0..n) and writes the phrases that end on the way to
 * out[] (at most DICT_MAX_PHRASE_TOKENS), longest first. Returns how many. */
size_t match_prefixes(const dict *d, const uint32_t *ids, size_t n, size_t i, match_span *out);

/* True when the value's case rule holds for the tokens it matched (tokens[0..v->ntokens)):
 * always for case-insensitive phrases, byte equality for "=" phrases. */
bool match_case_ok(const dict *d, const dict_value *v, const text_result *text,
                   const token *tokens);

#endif
