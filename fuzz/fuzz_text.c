/* fuzz_text.c - libFuzzer target for the text stage: NFC normalisation, tokens, sentences.
 *
 * Input bytes are repaired as the readers would (utf8_sanitize), then analysed; the checks
 * assert the invariants later stages rely on (offsets in range, ordered, sentences covering
 * their tokens).
 */
#include "text/text.h"

#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    arena a;
    arena_init(&a, (size_t)256 << 20);
    size_t n, invalid;
    char *clean = utf8_sanitize(&a, (const char *)data, size, &n, &invalid);
    size_t m;
    const char *normal = text_normalize(&a, clean, n, &m);
    if (!normal)
        abort();
    token *tokens = NULL;
    size_t count = 0;
    (void)text_tokenize(&a, normal, m, &tokens, &count);
    for (size_t i = 0; i < count; i++) {
        if (tokens[i].end <= tokens[i].start || tokens[i].end > m)
            abort();
        if (i && tokens[i].start < tokens[i - 1].end)
            abort();
    }
    sentence *sentences;
    size_t nsentences;
    if (text_split_sentences(&a, normal, tokens, count, NULL, 0, &sentences, &nsentences))
        abort();
    size_t covered = 0;
    for (size_t i = 0; i < nsentences; i++) {
        if (sentences[i].first_token != covered || sentences[i].ntokens == 0 ||
            sentences[i].ntokens > TEXT_MAX_SENTENCE_TOKENS)
            abort();
        covered += sentences[i].ntokens;
    }
    if (covered != count)
        abort();
    arena_release(&a);
    return 0;
}
