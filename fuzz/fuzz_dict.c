/* fuzz_dict.c - libFuzzer target for the actor dictionary parser (lexicon/dict.c) and the
 * TABARI/PETRARCH importer (lexicon/dict_import.c).
 *
 * The first byte picks the file kind and keep-going mode; the rest is the file's text. A
 * parsed dictionary is queried (codes by date, a trie walk) and used to find the actors of
 * the same text read as an article, so the compiled form and recognition are exercised too.
 */
#include "actors/actors.h"
#include "match/match.h"

#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1 || size > (1 << 20))
        return 0;
    dict_file_kind kind = (dict_file_kind)(data[0] % (DICT_FILE_UNKNOWN + 1));
    bool keep_going = data[0] & 0x80;
    const char *text = (const char *)data + 1;
    size_t length = size - 1;

    dict_builder *b = dict_builder_new(NULL, NULL);
    diag d;
    diag_clear(&d);
    sitrep_status s = dict_builder_add_text(b, "fuzz.txt", text, length, kind, keep_going, &d);
    if (s && !keep_going) {
        dict_builder_free(b);
    } else {
        dict *dt = dict_builder_finish(b);
        bool dated;
        for (uint32_t i = 0; i < dict_entry_count(dt); i++) {
            const dict_entry *e = dict_entry_get(dt, i);
            (void)dict_entry_code(dt, e, 20240101, &dated);
            (void)dict_entry_code(dt, e, 0, &dated);
        }
        /* match the text against itself */
        arena a;
        arena_init(&a, (size_t)64 << 20);
        token *tokens = NULL;
        size_t n = 0;
        if (text_tokenize(&a, text, utf8_valid_prefix(text, length), &tokens, &n) == SITREP_OK &&
            n) {
            uint32_t *ids = arena_alloc(&a, n * sizeof *ids);
            if (ids) {
                text_result tr = {.text = text, .length = length, .tokens = tokens, .ntokens = n};
                match_token_ids(dt, &tr, tokens, n, ids);
                match_span spans[DICT_MAX_PHRASE_TOKENS];
                for (size_t i = 0; i < n; i++) {
                    size_t found = match_prefixes(dt, ids, n, i, spans);
                    for (size_t k = 0; k < found; k++) {
                        size_t nv;
                        const dict_value *v = dict_node_values(dt, spans[k].node, &nv);
                        for (size_t j = 0; j < nv && i + v[j].ntokens <= n; j++)
                            (void)match_case_ok(dt, &v[j], &tr, tokens + i);
                    }
                }
            }
        }
        arena_reset(&a);
        /* the text as an article, with this dictionary */
        document *doc = arena_calloc(&a, 1, sizeof *doc);
        ingest_options options = {.detect_chrome = false};
        article art;
        memset(&art, 0, sizeof art);
        if (doc && ingest_text(&a, text, length, &options, doc) == SITREP_OK) {
            doc->published = (data[0] & 2) ? "2020-02-29" : NULL;
            art.doc = doc;
            if (text_analyse(&a, doc, &art.text) == SITREP_OK &&
                actors_extract(&a, dt, &art) == SITREP_OK) {
                for (size_t i = 0; i < art.nactors; i++) {
                    const actor_mention *m = &art.actors[i];
                    if (m->start > m->end || m->end > art.text.length ||
                        (m->antecedent >= 0 && (size_t)m->antecedent >= i))
                        abort();
                }
            }
        }
        arena_release(&a);
        dict_free(dt);
    }

    buf out, report;
    buf_init(&out, (size_t)16 << 20);
    buf_init(&report, (size_t)16 << 20);
    (void)dict_import(text, length, data[0] & 1, &out, &report);
    buf_release(&out);
    buf_release(&report);
    return 0;
}
