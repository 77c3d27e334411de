/* fuzz_pipeline.c - libFuzzer target for the whole pipeline through the public API: the
 * first byte picks the input kind, the rest is the article; the JSON produced must be valid
 * UTF-8 without NUL bytes.
 */
#include "base/base.h"
#include "sitrep.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static sitrep_context *context;
static sitrep_coder *coder;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!context) {
        char err[512];
        sitrep_options options = {0};
        context = sitrep_context_new(&options, err, sizeof err);
        if (!context) {
            fprintf(stderr, "fuzz_pipeline: %s\n", err);
            abort();
        }
        coder = sitrep_coder_new(context);
    }
    if (size == 0)
        return 0;
    sitrep_input kind = (sitrep_input)(data[0] % 3);
    const char *json;
    size_t n;
    char err[512];
    sitrep_status status = sitrep_code_bytes(coder, kind, (const char *)data + 1, size - 1, "fuzz",
                                             SITREP_FORMAT_JSONL, &json, &n, err, sizeof err);
    if (status == SITREP_OK) {
        if (strlen(json) != n || utf8_valid_prefix(json, n) != n)
            abort();
    }
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
