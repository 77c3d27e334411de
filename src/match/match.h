/* match.h - the match stage (after lexicon/): phrase matching and verb patterns over tokens.
 *
 * Actor phrases: tokens are mapped once to vocabulary ids; match_prefixes walks the dictionary
 * trie from one token and reports every phrase that ends on the way, longest first. Verb
 * patterns: verbmatch_sentence finds the event patterns anchored in a sentence. Reads tokens
 * (text/) and long-lived dictionaries (lexicon/); never modifies the dictionaries.
 */
#ifndef SITREP_MATCH_H
#define SITREP_MATCH_H

#include "../base/base.h"
#include "../lexicon/lexicon.h"
#include "../text/text.h"

/* ---- actor phrases ---- */

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

/* ---- verb patterns (events) ---- */

#define VERBMATCH_MAX 64 /* matches kept per sentence; more are dropped (counted) */

/* One pattern that matched in a sentence. Token positions are indices into the `tokens`
 * array given to verbmatch_sentence (so sentence-relative when given one sentence). */
typedef struct verbmatch {
    const pattern *rule;         /* the pattern: code, discard flag, file and line (the set's) */
    uint32_t anchor;             /* the anchor token (verb or event noun) */
    uint32_t first, last;        /* the tokens the whole pattern covered */
    int32_t slot[PATTERN_ROLES]; /* first token of each role's phrase, -1 when absent */
    uint32_t words;              /* words the pattern matched (its specificity, for explain) */
} verbmatch;

/* Computes every token's lemma (lemma_word with the token's upos) into the arena: *lemmas
 * gets ntokens slices (lower case; punctuation keeps its text). Returns SITREP_ELIMIT at the
 * arena cap. */
sitrep_status verbmatch_lemmatize(const lemma_table *lemmas, arena *a, const char *text,
                                  const token *tokens, size_t ntokens, slice **out) MUST_CHECK;
/* The same into out, which has room for ntokens slices (reused from sentence to sentence by
 * the event coder); only lemmas that are not a prefix of their token's text take arena
 * memory. */
sitrep_status verbmatch_lemmatize_into(const lemma_table *lemmas, arena *a, const char *text,
                                       const token *tokens, size_t ntokens, slice *out) MUST_CHECK;

/* Finds the patterns of `set` in one sentence: for each token whose lemma (or lower-case
 * surface form) anchors patterns, the best pattern that matches around it (most required
 * words, then the longest span, then the earliest in the files). A discard that matches wins
 * over event patterns with fewer words and removes the events anchored inside its span (and
 * those whose span holds the discard's anchor); it is
 * returned too (rule->discard) so callers can explain why nothing was coded. A tagged token
 * (upos != 0) anchors noun patterns only as a noun and verb patterns only as a verb or
 * auxiliary; untagged tokens anchor both, except that an untagged capitalised word inside a
 * sentence that is not in Title Case anchors noun patterns only (it is probably a name).
 * Discards ignore tags. A one-word pattern anchored inside the span of a
 * longer event pattern is dropped (it is part of that frame); a nominal event with its own
 * frame inside a verb's span is kept ("condemned the attack on Kyiv": 111 and 190) for the
 * coder to judge. Writes up to `max` matches in token order to out
 * and returns how many were found (which may exceed max: the rest were dropped). */
size_t verbmatch_sentence(const pattern_set *set, const char *text, const token *tokens,
                          size_t ntokens, const slice *lemmas, verbmatch *out, size_t max);

#endif
