/* fuzz_parser_model.c - libFuzzer target for the dependency parser's model loader: any bytes
 * must give a model or a diagnostic, never a crash. The checksum is patched in half of the
 * runs so the fuzzer reaches the table checks behind it; a loaded model then parses a fixed
 * sentence, which must come out as one projective tree.
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
    parser *model = parser_load_bytes(copy, size, "fuzz", &d);
    if (model) {
        static const char *const words[][3] = {
            {"The", "DET", "DT"},    {"troops", "NOUN", "NNS"}, {"were", "AUX", "VBD"},
            {"sent", "VERB", "VBN"}, {"to", "ADP", "IN"},       {"Kursk", "PROPN", "NNP"},
            {"by", "ADP", "IN"},     {"Kim", "PROPN", "NNP"},   {",", "PUNCT", ","},
            {"who", "PRON", "WP"},   {"denied", "VERB", "VBD"}, {"it", "PRON", "PRP"},
            {".", "PUNCT", "."}};
        enum { N = sizeof words / sizeof words[0] };
        parser_word w[N];
        uint16_t head[N];
        uint8_t rel[N];
        for (int i = 0; i < N; i++) {
            w[i].form = slice_from_cstr(words[i][0]);
            w[i].upos = (uint8_t)upos_from_name(words[i][1], strlen(words[i][1]));
            w[i].xpos = slice_from_cstr(words[i][2]);
        }
        parser_parse_words(model, w, N, head, rel);
        int roots = 0;
        for (int i = 0; i < N; i++) {
            if (head[i] > N || rel[i] == DEP_NONE || rel[i] >= DEP_COUNT ||
                (head[i] == 0) != (rel[i] == DEP_ROOT))
                abort();
            roots += head[i] == 0;
            /* no cycle: the heads lead to the root within N steps */
            int k = i + 1, steps = 0;
            while (k != 0 && steps++ <= N)
                k = head[k - 1];
            if (k != 0)
                abort();
        }
        if (roots != 1)
            abort();
        parser_info info;
        parser_get_info(model, &info);
        parser_free(model);
    }
    free(copy);
    return 0;
}
