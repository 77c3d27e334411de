/* fuzz_tagger_model.c - libFuzzer target for the tagger's model loader: any bytes must give a
 * model or a diagnostic, never a crash. The checksum is patched in half of the runs so the
 * fuzzer reaches the table checks behind it; a loaded model then tags a fixed sentence.
 */
#include "syntax/syntax.h"

#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    /* The first byte chooses whether to fix the trailing CRC-32 up. */
    bool fix = data[0] & 1;
    data++;
    size--;
    char *copy = malloc(size ? size : 1);
    if (!copy)
        return 0;
    if (size)
        memcpy(copy, data, size);
    if (fix && size >= 4) {
        uint32_t crc = hash_crc32(copy, size - 4, 0);
        for (int i = 0; i < 4; i++)
            copy[size - 4 + (size_t)i] = (char)(crc >> (8 * i));
    }
    diag d;
    diag_clear(&d);
    tagger *model = tagger_load_bytes(copy, size, "fuzz", &d);
    if (model) {
        static const char *const words[] = {"The",   "troops", "were",   "deployed", "to",
                                            "Kursk", "on",     "Friday", "."};
        slice s[9];
        uint8_t upos[9], xpos[9];
        for (int i = 0; i < 9; i++)
            s[i] = slice_from_cstr(words[i]);
        tagger_tag_words(model, s, 9, upos, xpos);
        for (int i = 0; i < 9; i++)
            if (upos[i] >= UPOS_COUNT || !tagger_xpos_name(model, xpos[i]))
                abort();
        tagger_free(model);
    }
    free(copy);
    return 0;
}
