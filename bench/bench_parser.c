/* bench_parser.c - in-process speed of the dependency parser alone: model load time and
 * tokens parsed per second on one thread, over text tokenised, split and tagged beforehand
 * (so the figure excludes the text stage, the tagger, I/O and output).
 *
 * usage: bench_parser PARSER TAGGER FILE [ROUNDS [BEAM]]   FILE is plain text (e.g. news
 * articles); BEAM decodes with another beam width than the model's (parser_set_beam).
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
    if (argc < 4) {
        fprintf(stderr, "usage: bench_parser PARSER TAGGER FILE [ROUNDS [BEAM]]\n");
        return 2;
    }
    int rounds = argc > 4 ? atoi(argv[4]) : 3;
    diag d;
    diag_clear(&d);
    char message[1200];
    /* The load time is the best of five (the first read may come from disk). */
    double load = 1e9;
    parser *model = NULL;
    for (int k = 0; k < 5; k++) {
        struct timespec t0;
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t0);
        parser_free(model);
        model = parser_load(argv[1], &d);
        double s = seconds_since(&t0);
        if (!model)
            break;
        load = s < load ? s : load;
    }
    if (model && argc > 5)
        parser_set_beam(model, (unsigned)atoi(argv[5]));
    tagger *tags = model ? tagger_load(argv[2], &d) : NULL;
    if (!model || !tags) {
        diag_format(&d, message, sizeof message);
        fprintf(stderr, "bench_parser: %s\n", message);
        return 1;
    }
    char *data;
    size_t length;
    if (file_read_all(argv[3], (size_t)1 << 30, &data, &length, &d)) {
        diag_format(&d, message, sizeof message);
        fprintf(stderr, "bench_parser: %s\n", message);
        return 1;
    }
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
        fprintf(stderr, "bench_parser: limit reached\n");
        return 1;
    }
    text_result text = {.text = data,
                        .length = length,
                        .tokens = tokens,
                        .ntokens = ntokens,
                        .sentences = sentences,
                        .nsentences = nsentences};
    for (size_t i = 0; i < nsentences; i++)
        tagger_tag_sentence(tags, &text, tokens + sentences[i].first_token, sentences[i].ntokens);
    struct timespec t0;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t0);
    size_t parsed = 0;
    for (int r = 0; r < rounds; r++)
        for (size_t i = 0; i < nsentences; i++) {
            parser_parse_sentence(model, tags, &text, tokens + sentences[i].first_token,
                                  sentences[i].ntokens);
            parsed += sentences[i].ntokens;
        }
    double s = seconds_since(&t0);
    unsigned checksum = 0;
    for (size_t i = 0; i < ntokens; i++)
        checksum = checksum * 31 + tokens[i].head * 7 + tokens[i].deprel;
    parser_info info;
    parser_get_info(model, &info);
    printf(
        "parser (1 thread, CPU time): %.3f M tokens/s over %zu tokens in %zu sentences x %d "
        "rounds; model load %.1f ms (%.1f MB, %zu move features, %zu relation features, beam %u; "
        "parse checksum %08x)\n",
        (double)parsed / s / 1e6, ntokens, nsentences, rounds, load * 1e3, (double)info.bytes / 1e6,
        info.move_features, info.label_features, info.beam, checksum);
    parser_free(model);
    tagger_free(tags);
    arena_release(&a);
    free(data);
    return 0;
}
