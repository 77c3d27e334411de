/* fuzz_extras.c - libFuzzer target: the text stage then the date, quantity and place
 * recognisers on arbitrary bytes (the gazetteer is the repository's data/places). */
#include "extras/extras.h"

#include <stdlib.h>
#include <string.h>

static gazetteer *places;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!places) {
        diag d;
        const char *dir = getenv("SITREP_PLACES");
        places = gazetteer_load(dir ? dir : "data/places", &d);
        if (!places)
            abort();
    }
    arena a;
    arena_init(&a, (size_t)256 << 20);
    size_t invalid, length;
    char *body = utf8_sanitize(&a, (const char *)data, size, &length, &invalid);
    document *doc = arena_calloc(&a, 1, sizeof *doc);
    if (body && doc) {
        doc->body = body;
        doc->body_len = length;
        text_result t;
        if (text_analyse(&a, doc, &t) == SITREP_OK) {
            date_mention *dates;
            size_t ndates;
            quantity *q;
            size_t nq;
            place_mention *p;
            size_t np;
            if (date_find(&a, &t, "2025-01-20", &dates, &ndates) == SITREP_OK &&
                quantity_find(&a, &t, dates, ndates, &q, &nq) == SITREP_OK &&
                place_find(&a, places, &t, &p, &np) == SITREP_OK) {
                for (size_t i = 0; i < nq; i++)
                    if (q[i].start > q[i].end || q[i].end > t.length)
                        abort();
                for (size_t i = 0; i < ndates; i++)
                    if (dates[i].start > dates[i].end || dates[i].end > t.length)
                        abort();
                for (size_t i = 0; i < np; i++)
                    if (p[i].start > p[i].end || p[i].end > t.length)
                        abort();
            }
        }
    }
    arena_release(&a);
    return 0;
}

int LLVMFuzzerInitialize(int *argc, char ***argv);

/* The data is loaded here, once, so that its load (seconds under the sanitizers on a busy
 * machine) is not counted against the first input's time limit. */
int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc, (void)argv;
    static const uint8_t empty[1];
    return LLVMFuzzerTestOneInput(empty, 0);
}
