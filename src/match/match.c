/* match.c - longest whole-token matching of dictionary phrases over token ids.
 *
 * The hot loop of actor recognition: one vocabulary probe per token, then one trie probe per
 * token of a candidate phrase.
 */
#include "match.h"

#include <string.h>

void match_token_ids(const dict *d, const text_result *text, const token *tokens, size_t n,
                     uint32_t *ids)
{
    for (size_t k = 0; k < n; k++) {
        const token *t = &tokens[k];
        char folded[VOCAB_MAX_TOKEN];
        size_t len = vocab_fold(text->text + t->start, t->end - t->start, folded, sizeof folded);
        ids[k] = len ? dict_token_id(d, folded, len) : VOCAB_NONE;
    }
}

size_t match_prefixes(const dict *d, const uint32_t *ids, size_t n, size_t i, match_span *out)
{
    const trie *t = dict_trie(d);
    uint32_t node = 0;
    size_t found = 0;
    for (size_t k = i; k < n && k - i < DICT_MAX_PHRASE_TOKENS; k++) {
        if (ids[k] == VOCAB_NONE || !(node = trie_child(t, node, ids[k])))
            break;
        size_t nvalues;
        if (dict_node_values(d, node, &nvalues)) {
            /* shift so the longest stays first */
            memmove(out + 1, out, found * sizeof *out);
            out[0].node = node;
            out[0].ntokens = (uint32_t)(k - i + 1);
            found++;
        }
    }
    return found;
}

bool match_case_ok(const dict *d, const dict_value *v, const text_result *text, const token *tokens)
{
    const char *exact = dict_value_exact(d, v);
    if (!exact)
        return true;
    size_t off = 0;
    for (size_t k = 0; k < v->ntokens; k++) {
        size_t len = tokens[k].end - tokens[k].start;
        if (strncmp(exact + off, text->text + tokens[k].start, len) != 0)
            return false;
        off += len;
    }
    return exact[off] == '\0';
}
