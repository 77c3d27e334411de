/* bench_actors.c - in-process throughput of actor recognition on already tokenized text
 * (target: 50 MB/s per core), and the time to load the actor dictionaries.
 *
 * usage: bench_actors DICT_DIR FILE [ROUNDS] [MAX_MB]   FILE is plain text, cut into ~4 KB
 * articles at blank lines and tokenized once (up to MAX_MB, default 16); then actors_extract
 * runs ROUNDS times over every article. Bytes counted are the articles' text bytes; the
 * time is the process's CPU time (a per-core figure even on a busy machine).
 */
#include "actors/actors.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* CPU seconds of this process since t0 (so that a busy machine does not lower the per-core
 * figure), or wall seconds for the load time. */
static double seconds_since(clockid_t clock, const struct timespec *t0)
{
    struct timespec t1;
    clock_gettime(clock, &t1);
    return (double)(t1.tv_sec - t0->tv_sec) + (double)(t1.tv_nsec - t0->tv_nsec) / 1e9;
}

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: bench_actors DICT_DIR FILE [ROUNDS] [MAX_MB]\n");
        return 2;
    }
    int rounds = argc > 3 ? atoi(argv[3]) : 3;
    size_t max_bytes = (size_t)(argc > 4 ? atoi(argv[4]) : 16) << 20;
    diag d;
    struct timespec t0;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    dict *dt = dict_load_dir(argv[1], &d);
    double load = seconds_since(CLOCK_MONOTONIC, &t0);
    if (!dt) {
        fprintf(stderr, "bench_actors: %s:%ld: %s\n", d.path, d.line, d.message);
        return 1;
    }
    printf("actor dictionaries: %zu entries loaded in %.1f ms\n", dict_entry_count(dt),
           load * 1000);

    char *data;
    size_t length;
    if (file_read_all(argv[2], (size_t)1 << 30, &data, &length, &d)) {
        fprintf(stderr, "bench_actors: %s\n", d.message);
        return 1;
    }
    if (length > max_bytes)
        length = max_bytes;
    arena keep, work;
    arena_init(&keep, (size_t)4 << 30);
    arena_init(&work, (size_t)1 << 30);
    size_t cap = length / 1024 + 16, count = 0;
    article *articles = calloc(cap, sizeof *articles);
    size_t pos = 0, bytes = 0;
    while (pos < length && count < cap) {
        size_t end = pos + 4096 < length ? pos + 4096 : length;
        const char *cut = end < length ? strstr(data + end, "\n\n") : NULL;
        end = cut && (size_t)(cut - data) < length ? (size_t)(cut - data) : length;
        article *art = &articles[count++];
        document *doc = arena_calloc(&keep, 1, sizeof *doc);
        text_result *t = &art->text;
        if (!doc) {
            fprintf(stderr, "bench_actors: out of memory\n");
            return 1;
        }
        doc->published = "2025-01-01";
        doc->body = data + pos;
        doc->body_len = end - pos;
        art->doc = doc;
        t->text = data + pos;
        t->length = end - pos;
        if (text_tokenize(&keep, t->text, t->length, &t->tokens, &t->ntokens) ||
            text_split_sentences(&keep, t->text, t->tokens, t->ntokens, NULL, 0, &t->sentences,
                                 &t->nsentences)) {
            fprintf(stderr, "bench_actors: limit reached\n");
            return 1;
        }
        bytes += end - pos;
        pos = end;
    }
    size_t mentions = 0;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t0);
    for (int r = 0; r < rounds; r++) {
        for (size_t i = 0; i < count; i++) {
            if (actors_extract(&work, dt, &articles[i])) {
                fprintf(stderr, "bench_actors: limit reached\n");
                return 1;
            }
            mentions += articles[i].nactors;
            arena_reset(&work);
        }
    }
    double s = seconds_since(CLOCK_PROCESS_CPUTIME_ID, &t0);
    printf("actors (recognition on tokenized text, 1 thread, CPU time): %.1f MB/s, %.0f "
           "mentions/s "
           "(%zu articles, %.1f MB x %d rounds)\n",
           (double)bytes * rounds / s / 1e6, (double)mentions / s, count, (double)bytes / 1e6,
           rounds);
    free(articles);
    free(data);
    arena_release(&keep);
    arena_release(&work);
    dict_free(dt);
    return 0;
}
