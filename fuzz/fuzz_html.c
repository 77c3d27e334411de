/* fuzz_html.c - libFuzzer target for the HTML reader: any bytes must give a document with a
 * valid UTF-8 body (possibly empty) and never crash, leak or overflow. */
#include "base/base.h"
#include "ingest/ingest.h"

#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static arena a;
    static bool ready;
    if (!ready) {
        arena_init(&a, (size_t)1 << 30);
        ready = true;
    }
    document doc;
    if (ingest_html(&a, (const char *)data, size, NULL, &doc) == SITREP_OK) {
        if (utf8_valid_prefix(doc.body, doc.body_len) != doc.body_len)
            abort();
        if (doc.body_len && doc.nparagraphs == 0)
            abort();
        for (size_t i = 0; i < doc.meta.ncaptions; i++)
            if (utf8_valid_prefix(doc.meta.captions[i], strlen(doc.meta.captions[i])) !=
                strlen(doc.meta.captions[i]))
                abort();
    }
    arena_reset(&a);
    return 0;
}
