/* fuzz_shard.c - libFuzzer target for `sitrep code --shard`: sitrep_record_shard reads the id
 * of any bytes as a JSON line; the shard must be in range, the same for the same record, and
 * the same for two records with the same id. */
#include "sitrep.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *bytes = (const char *)data;
    unsigned count = size ? 1u + data[0] % 64u : 7u;
    for (int kind = SITREP_INPUT_TEXT; kind <= SITREP_INPUT_JSONL; kind++) {
        unsigned shard = sitrep_record_shard((sitrep_input)kind, bytes, size, count);
        if (shard >= count || shard != sitrep_record_shard((sitrep_input)kind, bytes, size, count))
            abort();
    }
    if (sitrep_record_shard(SITREP_INPUT_JSONL, bytes, size, 1) != 0)
        abort();
    /* a record is sharded by its id, whatever else it holds (ids of printable ASCII) */
    bool printable = size > 0 && size < 200;
    for (size_t i = 0; i < size && printable; i++)
        printable = data[i] >= 0x20 && data[i] < 0x7f && data[i] != '"' && data[i] != '\\';
    if (printable) {
        char a[512], b[512];
        snprintf(a, sizeof a, "{\"id\":\"%.*s\",\"text\":\"one\"}", (int)size, bytes);
        snprintf(b, sizeof b, "{\"text\":\"two\",\"id\":\"%.*s\"}", (int)size, bytes);
        if (sitrep_record_shard(SITREP_INPUT_JSONL, a, strlen(a), 97) !=
            sitrep_record_shard(SITREP_INPUT_JSONL, b, strlen(b), 97))
            abort();
    }
    return 0;
}
