/* test_store_browse.c - unit tests for what the dashboard asks the store (store_browse.c and
 * the paging of store_query): top actors and dyads with mean Goldstein scores, counts per day
 * and per week (weeks named by their Monday, across a year end and before 1970), filters on
 * groups, one article with its events' ids, full-text search with FTS syntax typed by a user.
 */
#include "unit.h"

#include "store/store.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* An article with one event: id, day, source, target, cameo, goldstein, quad class, text. */
static void put(store *s, const char *id, const char *day, const char *source, const char *target,
                const char *cameo, double goldstein, int quad, const char *text)
{
    char json[4096];
    snprintf(
        json, sizeof json,
        "{\"id\":\"%s\",\"url\":null,\"published\":\"%s\",\"meta\":{\"publisher\":\"p%s\"},"
        "\"sentences\":[{\"n\":0,\"start\":0,\"end\":40,\"text\":\"%s\"}],"
        "\"actors\":[],\"events\":[{\"id\":\"e1\",\"sentence\":0,"
        "\"source\":{\"text\":\"x\",\"code\":\"%s\"},\"target\":{\"text\":\"y\",\"code\":\"%s\"},"
        "\"cameo\":\"%s\",\"root\":\"%.2s\",\"goldstein\":%g,\"quad_class\":%d,"
        "\"modality\":\"asserted\",\"attribution\":null,\"quantities\":[],\"place\":null,"
        "\"date\":null}],\"quotes\":[],\"quantities\":[],\"dates\":[],\"places\":[],"
        "\"warnings\":[]}",
        id, day, id, text, source, target, cameo, cameo, goldstein, quad);
    diag d;
    diag_clear(&d);
    store_outcome outcome;
    sitrep_status status = store_put_article_json(s, json, strlen(json), &outcome, &d);
    if (status)
        fail_msg("%s: %s", id, d.message);
    assert_int_equal(outcome, STORE_ADDED);
}

static store *sample(void)
{
    store *s = NULL;
    diag d;
    diag_clear(&d);
    assert_int_equal(store_open(":memory:", NULL, &s, &d), SITREP_OK);
    assert_int_equal(store_begin(s, &d), SITREP_OK);
    /* 2024-12-30 is a Monday; 2025-01-05 the Sunday of the same week */
    put(s, "a1", "2024-12-30", "RUSMIL", "UKRMIL", "190", -10, 4, "Shelling hit Kharkiv.");
    put(s, "a2", "2025-01-05", "RUSMIL", "UKRMIL", "193", -9, 4, "Drones hit Odesa again.");
    put(s, "a3", "2025-01-06", "UKRGOV", "RUSGOV", "043", 1, 1,
        "Talks in Istanbul: \\\"OR\\\" NEAR.");
    put(s, "a4", "1969-12-31", "USAGOV", "RUSGOV", "042", 2, 1, "An old visit to Moscow.");
    assert_int_equal(store_commit(s, &d), SITREP_OK);
    return s;
}

typedef struct seen {
    char lines[16][96];
    int count;
} seen;

static sitrep_status remember(void *user, const store_bucket *b)
{
    seen *s = user;
    if (s->count < 16)
        snprintf(s->lines[s->count++], sizeof s->lines[0], "%s|%s|%lld|%.2f", b->key,
                 b->key2 ? b->key2 : "-", b->count, b->has_goldstein ? b->goldstein : 99.0);
    return SITREP_OK;
}

static void groups_actors_and_dyads(void **state)
{
    (void)state;
    store *s = sample();
    diag d;
    diag_clear(&d);
    store_filter all = {0};
    seen got = {0};
    assert_int_equal(store_facets(s, &all, STORE_FACET_ACTOR, 2, remember, &got, &d), SITREP_OK);
    assert_int_equal(got.count, 2);
    assert_string_equal(got.lines[0], "RUSGOV|-|2|1.50");
    assert_string_equal(got.lines[1], "RUSMIL|-|2|-9.50");
    memset(&got, 0, sizeof got);
    assert_int_equal(store_facets(s, &all, STORE_FACET_DYAD, 0, remember, &got, &d), SITREP_OK);
    assert_int_equal(got.count, 3);
    assert_string_equal(got.lines[0], "RUSMIL|UKRMIL|2|-9.50");
    /* the filters of store_query apply */
    store_filter ukr = {.actor = "UKR", .since = "2025"};
    memset(&got, 0, sizeof got);
    assert_int_equal(store_facets(s, &ukr, STORE_FACET_ACTOR, 0, remember, &got, &d), SITREP_OK);
    assert_int_equal(got.count, 4);
    assert_string_equal(got.lines[0], "RUSGOV|-|1|1.00");
    store_close(s);
}

static void groups_days_and_weeks(void **state)
{
    (void)state;
    store *s = sample();
    diag d;
    diag_clear(&d);
    store_filter all = {0};
    seen got = {0};
    assert_int_equal(store_facets(s, &all, STORE_FACET_WEEK, 0, remember, &got, &d), SITREP_OK);
    assert_int_equal(got.count, 3);
    assert_string_equal(got.lines[0], "1969-12-29|1|1|2.00");  /* a Monday before 1970 */
    assert_string_equal(got.lines[1], "2024-12-30|4|2|-9.50"); /* across the year end */
    assert_string_equal(got.lines[2], "2025-01-06|1|1|1.00");
    memset(&got, 0, sizeof got);
    assert_int_equal(store_facets(s, &all, STORE_FACET_DAY_ROOT, 0, remember, &got, &d), SITREP_OK);
    assert_int_equal(got.count, 4);
    assert_string_equal(got.lines[1], "2024-12-30|19|1|-10.00");
    store_filter bad = {.since = "2025-13"};
    assert_int_equal(store_facets(s, &bad, STORE_FACET_DAY, 0, remember, &got, &d), SITREP_EUSAGE);
    store_close(s);
}

typedef struct article_seen {
    char json_start[16];
    char keys[64];
} article_seen;

static sitrep_status article_json(void *user, const char *json, size_t length)
{
    article_seen *a = user;
    snprintf(a->json_start, sizeof a->json_start, "%.*s", (int)(length < 12 ? length : 12), json);
    return SITREP_OK;
}

static sitrep_status article_event(void *user, const char *key, long long id)
{
    article_seen *a = user;
    snprintf(a->keys + strlen(a->keys), sizeof a->keys - strlen(a->keys), "%s=%lld ", key, id);
    return SITREP_OK;
}

static sitrep_status count_hit(void *user, const store_hit *hit)
{
    assert_non_null(hit->article_id);
    assert_int_equal(hit->events, 1);
    (*(int *)user)++;
    return SITREP_OK;
}

static sitrep_status count_event(void *user, const store_event *e)
{
    *(long long *)user = e->id;
    return SITREP_OK;
}

static void finds_articles_searches_and_pages(void **state)
{
    (void)state;
    store *s = sample();
    diag d;
    diag_clear(&d);
    article_seen a = {0};
    bool found = false;
    assert_int_equal(store_article_find(s, "a3", article_json, article_event, &a, &found, &d),
                     SITREP_OK);
    assert_true(found);
    assert_string_equal(a.json_start, "{\"id\":\"a3\",\"");
    assert_string_equal(a.keys, "e1=3 ");
    assert_int_equal(store_article_find(s, "zz", article_json, article_event, &a, &found, &d),
                     SITREP_OK);
    assert_false(found);
    int hits = 0;
    assert_int_equal(store_search(s, "hit", 10, 0, count_hit, &hits, &d), SITREP_OK);
    assert_int_equal(hits, 2);
    hits = 0;
    assert_int_equal(store_search(s, "hit", 10, 1, count_hit, &hits, &d), SITREP_OK);
    assert_int_equal(hits, 1);
    hits = 0; /* FTS syntax is searched as words */
    assert_int_equal(store_search(s, "\"OR\" NEAR", 10, 0, count_hit, &hits, &d), SITREP_OK);
    assert_int_equal(hits, 1);
    assert_int_equal(store_search(s, "  ", 10, 0, count_hit, &hits, &d), SITREP_EUSAGE);
    /* paging: newest first, the offset skips */
    long long id = 0;
    store_filter page = {.limit = 1, .offset = 1};
    assert_int_equal(store_query(s, &page, count_event, &id, &d), SITREP_OK);
    assert_int_equal(id, 2); /* 2025-01-06 (3), then 2025-01-05 (2) */
    store_close(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(groups_actors_and_dyads),
        cmocka_unit_test(groups_days_and_weeks),
        cmocka_unit_test(finds_articles_searches_and_pages),
    };
    return cmocka_run_group_tests_name("store_browse", tests, NULL, NULL);
}
