/* fuzz_jsonl.c - libFuzzer target for the JSON-lines record reader and the text stage. */
#include "text/text.h"

#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    arena a;
    arena_init(&a, (size_t)256 << 20);
    document doc;
    diag d;
    diag_clear(&d);
    ingest_options options = {.detect_chrome = true};
    sitrep_status status = ingest_jsonl_record(&a, (const char *)data, size, &options, &doc, &d);
    if (status == SITREP_OK) {
        if (doc.id && utf8_valid_prefix(doc.id, strlen(doc.id)) != strlen(doc.id))
            abort();
        text_result text;
        (void)text_analyse(&a, &doc, &text);
    } else if (status == SITREP_EPARSE && d.message[0] == '\0') {
        abort(); /* a rejected record must say why */
    }
    arena_release(&a);
    return 0;
}
