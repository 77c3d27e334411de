/* fuzz_store_json.c - libFuzzer target for the store's coded-JSON reader: each input is
 * stored as one article (inside a batch that is rolled back afterwards, so the database stays
 * small) into an in-memory store that already holds one article to merge with, then the
 * events are queried. Finds crashes, leaks and sanitizer errors in store_put_article_json.
 */
#include "store/store.h"

#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);

static const char seed_article[] =
    "{\"id\":\"seed\",\"url\":\"https://wire.example/1\",\"published\":\"2025-03-10\","
    "\"meta\":{\"publisher\":\"wire\"},\"sentences\":[{\"n\":0,\"text\":\"Seed sentence.\"}],"
    "\"events\":[{\"sentence\":0,\"source\":{\"code\":\"RUSMIL\"},\"target\":{\"code\":"
    "\"UKRMIL\"},\"cameo\":\"190\",\"place\":{\"name\":\"Kharkiv\",\"country\":\"UKR\"}}]}";

static sitrep_status count_event(void *user, const store_event *event)
{
    (void)event;
    (*(int *)user)++;
    return SITREP_OK;
}

static store *fuzz_store(void)
{
    static store *s;
    if (s)
        return s;
    diag d;
    diag_clear(&d);
    store_options options = {.dedup_days = 1};
    store_outcome outcome;
    if (store_open(":memory:", &options, &s, &d) != SITREP_OK || store_begin(s, &d) != SITREP_OK ||
        store_put_article_json(s, seed_article, strlen(seed_article), &outcome, &d) != SITREP_OK ||
        store_commit(s, &d) != SITREP_OK)
        abort();
    return s;
}

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
    store *s = fuzz_store();
    diag d;
    diag_clear(&d);
    if (store_begin(s, &d) != SITREP_OK)
        abort();
    store_outcome outcome;
    sitrep_status status = store_put_article_json(s, (const char *)data, size, &outcome, &d);
    if (status != SITREP_OK && status != SITREP_EPARSE && status != SITREP_ELIMIT)
        abort(); /* the database itself must never fail on bad input */
    if (status == SITREP_OK) {
        int n = 0;
        store_filter all = {.limit = 50};
        store_filter some = {.actor = "RUS", .text = "sentence", .since = "2025", .limit = 5};
        if (store_query(s, &all, count_event, &n, &d) != SITREP_OK ||
            store_query(s, &some, count_event, &n, &d) != SITREP_OK || n < 1)
            abort();
        if (store_check(s, &d) != SITREP_OK)
            abort();
    }
    store_rollback(s);
    return 0;
}
