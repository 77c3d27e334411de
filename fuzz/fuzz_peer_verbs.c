/* fuzz_peer_verbs.c - libFuzzer target for the TABARI/PETRARCH verb and discard readers
 * (lexicon/peer_verbs.c). The first byte picks the format (and a discards list); the
 * translation must always parse as our pattern language, and the set is matched against a
 * few fixed sentences.
 */
#include "lexicon/lexicon.h"
#include "match/match.h"

#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *const sentences[] = {
    "Arnor is about to restore full diplomatic ties with Gondor almost five years later.",
    "Gondor and Osgiliath agreed to a peace treaty , officials said .",
};

static void match_all(const pattern_set *set)
{
    for (size_t s = 0; s < sizeof sentences / sizeof sentences[0]; s++) {
        arena a;
        arena_init(&a, 1 << 20);
        const char *text = sentences[s];
        token *tokens = NULL;
        size_t ntokens = 0;
        if (text_tokenize(&a, text, strlen(text), &tokens, &ntokens) == SITREP_OK) {
            slice *lemmas = arena_alloc(&a, (ntokens + 1) * sizeof *lemmas);
            for (size_t i = 0; lemmas && i < ntokens; i++) {
                size_t n = tokens[i].end - tokens[i].start;
                char *w = arena_strndup(&a, text + tokens[i].start, n);
                for (size_t k = 0; w && k < n; k++)
                    if (w[k] >= 'A' && w[k] <= 'Z')
                        w[k] = (char)(w[k] - 'A' + 'a');
                lemmas[i] = slice_make(w ? w : text + tokens[i].start, n);
            }
            verbmatch out[8];
            if (lemmas)
                (void)verbmatch_sentence(set, text, tokens, ntokens, lemmas, out, 8);
        }
        arena_release(&a);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    peer_format format = (data[0] & 1) ? PEER_PETRARCH : PEER_TABARI;
    bool discards = (data[0] & 2) != 0;
    const char *text = (const char *)data + 1;
    size_t length = size - 1;
    buf classes, patterns, report;
    buf_init(&classes, (size_t)1 << 24);
    buf_init(&patterns, (size_t)1 << 24);
    buf_init(&report, (size_t)1 << 24);
    sitrep_status st =
        discards ? peer_discards_translate(text, length, &patterns, &report)
                 : peer_verbs_translate(text, length, format, NULL, &classes, &patterns, &report);
    if (st == SITREP_OK) {
        pattern_set *set = NULL;
        diag d;
        if (pattern_set_parse_free("fuzz", patterns.data ? patterns.data : "", patterns.len,
                                   classes.data ? classes.data : "", classes.len, &set,
                                   &d) != SITREP_OK) {
            /* a translation is always valid pattern text, except past the pattern caps */
            if (!strstr(d.message, "more than"))
                abort();
        } else {
            match_all(set);
            pattern_set_free(set);
        }
    }
    buf_release(&classes);
    buf_release(&patterns);
    buf_release(&report);
    return 0;
}
