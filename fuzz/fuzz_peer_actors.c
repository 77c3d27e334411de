/* fuzz_peer_actors.c - libFuzzer target for the TABARI/PETRARCH actor and agent readers
 * (lexicon/peer_actors.c, lexicon/dict_import.c). The first byte picks the format and whether
 * the rest is an actors or an agents file; the dictionary is then built and looked up.
 */
#include "lexicon/lexicon.h"

#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    peer_format format = (data[0] & 1) ? PEER_PETRARCH : PEER_TABARI;
    bool agents = (data[0] & 2) != 0;
    dict_builder *b = dict_builder_new(NULL, NULL);
    diag d;
    diag_clear(&d);
    buf report;
    buf_init(&report, (size_t)1 << 24);
    if (peer_dict_add_text(b, "fuzz", (const char *)data + 1, size - 1, format, agents, &report,
                           &d) != SITREP_OK) {
        dict_builder_free(b);
        buf_release(&report);
        return 0;
    }
    dict *dt = dict_builder_finish(b);
    for (size_t i = 0; i < dict_entry_count(dt); i++) {
        const dict_entry *e = dict_entry_get(dt, (uint32_t)i);
        bool dated;
        (void)dict_entry_code(dt, e, 19950101, &dated);
        (void)dict_entry_code(dt, e, 0, &dated);
    }
    (void)vocab_lookup(dict_vocab(dt), "arnor", 5);
    dict_free(dt);
    buf_release(&report);
    return 0;
}
