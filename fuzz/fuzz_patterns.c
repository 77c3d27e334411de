/* fuzz_patterns.c - libFuzzer target for the pattern parser (lexicon/patterns.c) and the
 * matcher (match/verbs.c). The input is a classes file, a line "==", and a pattern file;
 * a parsed set is then matched against a few fixed sentences.
 */
#include "lexicon/lexicon.h"
#include "match/match.h"

#include <stdlib.h>
#include <string.h>

static const char *const sentences[] = {
    "Russia and North Korea signed a mutual defence pact in June during Putin's visit.",
    "Pyongyang sent 14,000 troops to help the Russian army drive Kyiv's forces out of Kursk.",
    "Israeli jets carried out air strikes on Gaza , killing 12 ; the army said .",
    "strike strike strike on on on the the a a war of words balance",
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
            /* lemmas: the lower-case surface forms (no WordNet needed) */
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

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *text = malloc(size + 1);
    memcpy(text, data, size);
    text[size] = '\0';
    const char *classes = NULL;
    size_t classes_length = 0;
    const char *patterns = text;
    size_t patterns_length = size;
    char *split = strstr(text, "\n==\n");
    if (split) {
        classes = text;
        classes_length = (size_t)(split - text);
        patterns = split + 4;
        patterns_length = size - classes_length - 4;
    }
    pattern_set *set = NULL;
    diag d;
    if (pattern_set_parse("fuzz.txt", patterns, patterns_length, classes, classes_length, NULL,
                          &set, &d) == SITREP_OK) {
        match_all(set);
        for (size_t i = 0; i < pattern_set_count(set); i++) {
            const pattern *p = pattern_set_at(set, i);
            if (p->anchor >= p->nelems)
                abort();
        }
        pattern_set_free(set);
    } else if (set != NULL || d.message[0] == '\0') {
        abort(); /* a failed parse leaves no set and always says why */
    }
    free(text);
    return 0;
}
