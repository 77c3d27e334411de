/* bench_tagger.c - in-process speed of the part-of-speech tagger alone: model load time and
 * tokens tagged per second on one thread, over text tokenised and split beforehand (so the
 * figure excludes the text stage, I/O and JSON).
 *
 * usage: bench_tagger MODEL FILE [ROUNDS]   FILE is plain text (the bench corpus).
 */
#include "syntax/syntax.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* CPU time of this process: the machine is shared, so wall time would count other work. */
static double seconds_since(const struct timespec *t0)
{
    struct timespec t1;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t1);
    return (double)(t1.tv_sec - t0->tv_sec) + (double)(t1.tv_nsec - t0->tv_nsec) / 1e9;
}

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: bench_tagger MODEL FILE [ROUNDS]\n");
        return 2;
    }
    int rounds = argc > 3 ? atoi(argv[3]) : 3;
    diag d;
    struct timespec t0;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t0);
    tagger *model = tagger_load(argv[1], &d);
    double load = seconds_since(&t0);
    if (!model) {
        char message[1200];
        diag_format(&d, message, sizeof message);
        fprintf(stderr, "bench_tagger: %s\n", message);
        return 1;
    }
    char *data;
    size_t length;
    if (file_read_all(argv[2], (size_t)1 << 30, &data, &length, &d)) {
        fprintf(stderr, "bench_tagger: %s\n", d.message);
        return 1;
    }
    /* At most 64 MB of text, tokenised once into one arena. */
    if (length > ((size_t)64 << 20))
        length = (size_t)64 << 20;
    arena a;
    arena_init(&a, (size_t)8 << 30);
    token *tokens = NULL;
    size_t ntokens = 0;
    sentence *sentences = NULL;
    size_t nsentences = 0;
    if (text_tokenize(&a, data, length, &tokens, &ntokens) ||
        text_split_sentences(&a, data, tokens, ntokens, NULL, 0, &sentences, &nsentences)) {
        fprintf(stderr, "bench_tagger: limit reached\n");
        return 1;
    }
    text_result text = {.text = data,
                        .length = length,
                        .tokens = tokens,
                        .ntokens = ntokens,
                        .sentences = sentences,
                        .nsentences = nsentences};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t0);
    size_t tagged = 0;
    for (int r = 0; r < rounds; r++)
        for (size_t i = 0; i < nsentences; i++) {
            tagger_tag_sentence(model, &text, tokens + sentences[i].first_token,
                                sentences[i].ntokens);
            tagged += sentences[i].ntokens;
        }
    double s = seconds_since(&t0);
    unsigned checksum = 0;
    for (size_t i = 0; i < ntokens; i++)
        checksum = checksum * 31 + tokens[i].upos * 7 + tokens[i].xpos;
    tagger_info info;
    tagger_get_info(model, &info);
    printf("tagger (1 thread, CPU time): %.2f M tokens/s over %zu tokens x %d rounds; model load "
           "%.1f ms "
           "(%.1f MB, %zu features, %zu weights; tags checksum %08x)\n",
           (double)tagged / s / 1e6, ntokens, rounds, load * 1e3, (double)info.bytes / 1e6,
           info.features, info.weights, checksum);
    tagger_free(model);
    arena_release(&a);
    free(data);
    return 0;
}
