/* bench_patterns.c - in-process throughput of verb-pattern matching (lemmatise + match every
 * sentence against data/verbs), the event coder's inner loop, without JSON or I/O costs.
 * Tokenising and sentence splitting are done once up front and not timed.
 *
 * usage: bench_patterns DATA_DIR FILE [ROUNDS]   FILE is plain text (the bench corpus).
 */
#include "match/match.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double seconds(const struct timespec *a, const struct timespec *b)
{
    return (double)(b->tv_sec - a->tv_sec) + (double)(b->tv_nsec - a->tv_nsec) / 1e9;
}

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: bench_patterns DATA_DIR FILE [ROUNDS]\n");
        return 2;
    }
    int rounds = argc > 3 ? atoi(argv[3]) : 3;
    char path[1024], message[1200];
    diag d;
    cameo_table *codes;
    lemma_table *lemmas;
    pattern_set *set;
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    snprintf(path, sizeof path, "%s/cameo", argv[1]);
    if (cameo_load(path, &codes, &d) || lemma_load(NULL, &lemmas, &d)) {
        diag_format(&d, message, sizeof message);
        fprintf(stderr, "bench_patterns: %s\n", message);
        return 1;
    }
    snprintf(path, sizeof path, "%s/verbs", argv[1]);
    if (pattern_set_load(path, codes, &set, &d)) {
        diag_format(&d, message, sizeof message);
        fprintf(stderr, "bench_patterns: %s\n", message);
        return 1;
    }
    clock_gettime(CLOCK_MONOTONIC, &t1);
    printf("patterns: %zu loaded with WordNet lemmas and %zu CAMEO codes in %.0f ms\n",
           pattern_set_count(set), cameo_count(codes), seconds(&t0, &t1) * 1e3);
    char *data;
    size_t length;
    if (file_read_all(argv[2], (size_t)1 << 30, &data, &length, &d)) {
        fprintf(stderr, "bench_patterns: %s\n", d.message);
        return 1;
    }
    arena a;
    arena_init(&a, (size_t)4 << 30);
    token *tokens = NULL;
    size_t ntokens = 0;
    sentence *sentences = NULL;
    size_t nsentences = 0;
    /* at most 64 MB of text keeps the token arrays within the arena */
    size_t used = length < ((size_t)64 << 20) ? length : ((size_t)64 << 20);
    while (used < length && data[used] != '\n')
        used++;
    if (text_tokenize(&a, data, used, &tokens, &ntokens) ||
        text_split_sentences(&a, data, tokens, ntokens, NULL, 0, &sentences, &nsentences)) {
        fprintf(stderr, "bench_patterns: limit reached\n");
        return 1;
    }
    arena work;
    arena_init(&work, (size_t)1 << 30);
    size_t matches = 0, events = 0, sentences_done = 0;
    struct timespec c0, c1; /* CPU time too: the machine is shared, wall time overstates */
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &c0);
    clock_gettime(CLOCK_MONOTONIC, &t0);
    for (int r = 0; r < rounds; r++) {
        for (size_t s = 0; s < nsentences; s++) {
            const sentence *sent = &sentences[s];
            slice *lemma_of;
            if (verbmatch_lemmatize(lemmas, &work, data, tokens + sent->first_token, sent->ntokens,
                                    &lemma_of)) {
                fprintf(stderr, "bench_patterns: arena limit\n");
                return 1;
            }
            verbmatch found[VERBMATCH_MAX];
            size_t n = verbmatch_sentence(set, data, tokens + sent->first_token, sent->ntokens,
                                          lemma_of, found, VERBMATCH_MAX);
            matches += n;
            for (size_t i = 0; i < n && i < VERBMATCH_MAX; i++)
                events += !found[i].rule->discard;
            sentences_done++;
            if ((s & 1023) == 0)
                arena_reset(&work);
        }
        arena_reset(&work);
    }
    clock_gettime(CLOCK_MONOTONIC, &t1);
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &c1);
    double sec = seconds(&t0, &t1), cpu = seconds(&c0, &c1);
    printf("patterns (lemmatise + match, 1 thread): %.0f sentences/s, %.1f MB/s, %.0f matches/s "
           "per CPU second (wall: %.0f sentences/s); %zu sentences, %.2f matches/sentence "
           "(%.2f events)\n",
           (double)sentences_done / cpu, (double)used * rounds / cpu / 1e6, (double)matches / cpu,
           (double)sentences_done / sec, sentences_done, (double)matches / (double)sentences_done,
           (double)events / (double)sentences_done);
    arena_release(&work);
    arena_release(&a);
    free(data);
    pattern_set_free(set);
    lemma_free(lemmas);
    cameo_free(codes);
    return 0;
}
