/* fuzz_cues.c - libFuzzer target for the reporting-cue dictionary parser. A file either
 * loads or is rejected with a message; then the lexicon is used on a fixed sentence. */
#include "attribution/attribution.h"

#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    diag d;
    diag_clear(&d);
    cue_lexicon *cues = cues_parse((const char *)data, size, "fuzz.txt", &d);
    if (!cues) {
        if (d.message[0] == '\0' || d.line <= 0)
            abort(); /* a rejection must say where and why */
        return 0;
    }
    arena a;
    arena_init(&a, 1 << 24);
    const char *text = "Officials said on Monday that talks \xE2\x80\x9Cwould resume,\xE2\x80\x9D "
                       "according to a statement. He added: \xE2\x80\x9CWe are ready.\xE2\x80\x9D";
    document doc;
    ingest_options options = {0};
    article art;
    memset(&art, 0, sizeof art);
    art.doc = &doc;
    if (ingest_text(&a, text, strlen(text), &options, &doc) == SITREP_OK &&
        text_analyse(&a, &doc, &art.text) == SITREP_OK)
        (void)attribution_find(&a, cues, &art);
    arena_release(&a);
    cues_free(cues);
    return 0;
}
