/* fuzz_plaintext.c - libFuzzer target for the plain-text reader with site-chrome detection,
 * followed by the text stage (as `sitrep code` runs them on a .txt file).
 */
#include "text/text.h"

#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check_string(const char *s)
{
    if (s && utf8_valid_prefix(s, strlen(s)) != strlen(s))
        abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    arena a;
    arena_init(&a, (size_t)256 << 20);
    document doc;
    ingest_options options = {.detect_chrome = true};
    if (ingest_text(&a, (const char *)data, size, &options, &doc) == SITREP_OK) {
        check_string(doc.meta.publisher);
        check_string(doc.meta.headline);
        check_string(doc.meta.byline);
        for (size_t i = 0; i < doc.nparagraphs; i++)
            if (doc.paragraphs[i] > doc.body_len)
                abort();
        text_result text;
        if (text_analyse(&a, &doc, &text) == SITREP_OK)
            for (size_t i = 0; i < text.nsentences; i++)
                if (text.sentences[i].end > text.length)
                    abort();
    }
    arena_release(&a);
    return 0;
}
