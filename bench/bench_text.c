/* bench_text.c - in-process throughput of the text stage (tokenise + split sentences), the
 * figure the text stage aims at (150 MB/s per core), without JSON or I/O costs. Time is
 * the process CPU time, so other load on the machine does not distort the figure.
 *
 * usage: bench_text FILE [ROUNDS]   FILE is plain text; it is cut into articles at blank-line
 * pairs of about 4 KB so that per-article costs count as they do in real use.
 */
#include "text/text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: bench_text FILE [ROUNDS]\n");
        return 2;
    }
    int rounds = argc > 2 ? atoi(argv[2]) : 5;
    char *data;
    size_t length;
    diag d;
    if (file_read_all(argv[1], (size_t)1 << 30, &data, &length, &d)) {
        fprintf(stderr, "bench_text: %s\n", d.message);
        return 1;
    }
    arena a;
    arena_init(&a, (size_t)1 << 30);
    size_t tokens = 0, sentences = 0, bytes = 0;
    struct timespec t0, t1;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t0);
    for (int r = 0; r < rounds; r++) {
        size_t pos = 0;
        while (pos < length) {
            size_t end = pos + 4096 < length ? pos + 4096 : length;
            const char *cut = end < length ? strstr(data + end, "\n\n") : NULL;
            end = cut ? (size_t)(cut - data) : length;
            token *tok = NULL;
            size_t ntok = 0;
            sentence *sent = NULL;
            size_t nsent = 0;
            if (text_tokenize(&a, data + pos, end - pos, &tok, &ntok) ||
                text_split_sentences(&a, data + pos, tok, ntok, NULL, 0, &sent, &nsent)) {
                fprintf(stderr, "bench_text: limit reached\n");
                return 1;
            }
            tokens += ntok;
            sentences += nsent;
            bytes += end - pos;
            arena_reset(&a);
            pos = end;
        }
    }
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t1);
    double s = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
    printf("text stage (tokenise + sentences, 1 thread): %.1f MB/s, %.0f sentences/s, "
           "%.1f M tokens/s\n",
           (double)bytes / s / 1e6, (double)sentences / s, (double)tokens / s / 1e6);
    arena_release(&a);
    free(data);
    return 0;
}
