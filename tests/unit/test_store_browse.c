/* test_store_browse.c - unit tests for what the dashboard asks the store (store_browse.c and
 * the paging of store_query): top actors and dyads with mean Goldstein scores, counts per day
 * and per week (weeks named by their Monday, across a year end and before 1970), filters on
 * groups, one article with its events' ids, full-text search with FTS syntax typed by a user;
 * the dashboard's filters (side, Goldstein range, sources, articles, publisher, place, one
 * event), one event's reports, and the CSV and GDELT writers through a callback; the map's
 * groups (countries, cities with coordinates) and the people killed and wounded per day (the
 * largest figure of an event's reports, roots 18-20 only).
 */
#include "unit.h"

#include "store/store.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

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

typedef struct ids {
    long long id[16];
    int count;
    bool details;
    long long span_start;
    char quantities[32];
} ids;

static sitrep_status collect(void *user, const store_event *e)
{
    ids *got = user;
    if (got->count < 16)
        got->id[got->count++] = e->id;
    got->details = e->has_details;
    got->span_start = e->span_start;
    snprintf(got->quantities, sizeof got->quantities, "%s", e->quantities ? e->quantities : "-");
    return SITREP_OK;
}

static int count_events(store *s, const store_filter *q)
{
    ids got = {0};
    diag d;
    diag_clear(&d);
    assert_int_equal(store_query(s, q, collect, &got, &d), SITREP_OK);
    return got.count;
}

static sitrep_status report_publisher(void *user, const store_report *r)
{
    seen *s = user;
    if (s->count < 16)
        snprintf(s->lines[s->count++], sizeof s->lines[0], "%s|%s|%s", r->publisher, r->article_id,
                 r->sentence_text ? r->sentence_text : "-");
    return SITREP_OK;
}

static sitrep_status to_buf(void *user, const char *data, size_t length)
{
    return buf_append(user, data, length);
}

static void dashboard_filters_reports_and_downloads(void **state)
{
    (void)state;
    store *s = sample();
    diag d;
    diag_clear(&d);
    /* a second report of a2's event by another publisher: merged, 2 articles, 2 sources */
    assert_int_equal(store_begin(s, &d), SITREP_OK);
    put(s, "a5", "2025-01-05", "RUSMIL", "UKRMIL", "193", -9, 4, "Drones struck Odesa.");
    assert_int_equal(store_commit(s, &d), SITREP_OK);

    store_filter q = {.actor = "RUS"};
    assert_int_equal(count_events(s, &q), 4);
    q.side = "source";
    assert_int_equal(count_events(s, &q), 2);
    q.side = "target";
    assert_int_equal(count_events(s, &q), 2);

    store_filter g = {.goldstein_min = 0, .has_goldstein_min = true};
    assert_int_equal(count_events(s, &g), 2);
    g = (store_filter){.goldstein_max = -9.5, .has_goldstein_max = true};
    assert_int_equal(count_events(s, &g), 1);
    g.goldstein_min = -9, g.has_goldstein_min = true, g.goldstein_max = -9;
    assert_int_equal(count_events(s, &g), 1);

    store_filter m = {.min_articles = 2};
    ids got = {0};
    assert_int_equal(store_query(s, &m, collect, &got, &d), SITREP_OK);
    assert_int_equal(got.count, 1);
    long long merged = got.id[0];
    m = (store_filter){.min_sources = 2};
    assert_int_equal(count_events(s, &m), 1);
    m = (store_filter){.min_sources = 3};
    assert_int_equal(count_events(s, &m), 0);
    store_filter p = {.publisher = "pa5"};
    assert_int_equal(count_events(s, &p), 1);
    p.publisher = "pa1";
    assert_int_equal(count_events(s, &p), 1);
    p.publisher = "nobody";
    assert_int_equal(count_events(s, &p), 0);
    store_filter place = {.place = "Kharkiv"};
    assert_int_equal(count_events(s, &place), 0);

    /* one event, with its details */
    store_filter one = {.event_id = merged, .details = true};
    got = (ids){0};
    assert_int_equal(store_query(s, &one, collect, &got, &d), SITREP_OK);
    assert_int_equal(got.count, 1);
    assert_int_equal(got.id[0], merged);
    assert_true(got.details);
    assert_int_equal(got.span_start, -1); /* no evidence offsets in these articles */
    assert_string_equal(got.quantities, "[]");

    /* every report of it, oldest article first */
    seen reports = {0};
    bool found = false;
    assert_int_equal(store_event_reports(s, merged, report_publisher, &reports, &found, &d),
                     SITREP_OK);
    assert_true(found);
    assert_int_equal(reports.count, 2);
    assert_string_equal(reports.lines[0], "pa2|a2|Drones hit Odesa again.");
    assert_string_equal(reports.lines[1], "pa5|a5|Drones struck Odesa.");
    reports = (seen){0};
    assert_int_equal(store_event_reports(s, 999, report_publisher, &reports, &found, &d),
                     SITREP_OK);
    assert_false(found);
    assert_int_equal(reports.count, 0);

    /* the writers of the downloads: a header, then one line per event */
    buf out;
    buf_init(&out, 0);
    store_export x = {.header = true, .write = to_buf, .user = &out};
    store_filter fight = {.root = "19", .oldest_first = true};
    assert_int_equal(store_export_csv(s, &fight, &x, &d), SITREP_OK);
    assert_int_equal(x.rows, 2);
    assert_non_null(strstr(out.data, "id,day,source,target,cameo,"));
    assert_non_null(strstr(out.data, ",RUSMIL,UKRMIL,193,19,"));
    assert_non_null(strstr(out.data, ",a1,0,Shelling hit Kharkiv.\n"));
    buf_reset(&out);
    x = (store_export){.header = true, .write = to_buf, .user = &out};
    assert_int_equal(store_export_gdelt(s, &fight, &x, &d), SITREP_OK);
    assert_int_equal(x.rows, 2);
    int lines = 0, tabs = 0;
    for (const char *c = out.data; *c; c++)
        lines += *c == '\n', tabs += *c == '\t';
    assert_int_equal(lines, 3);
    assert_int_equal(tabs, 3 * (GDELT_COLUMNS - 1));
    buf_release(&out);
    store_close(s);
}

/* An article with one event placed at `place` (a JSON place object or null), the quantities
 * linked to it (a JSON array) and its verb. */
static void put_placed(store *s, const char *id, const char *day, const char *cameo,
                       const char *place, const char *quantities, const char *verb)
{
    char json[4096];
    snprintf(json, sizeof json,
             "{\"id\":\"%s\",\"url\":null,\"published\":\"%s\",\"meta\":{\"publisher\":\"p%s\"},"
             "\"sentences\":[{\"n\":0,\"start\":0,\"end\":20,\"text\":\"Report %s.\"}],"
             "\"actors\":[],\"events\":[{\"id\":\"e1\",\"sentence\":0,"
             "\"source\":{\"text\":\"x\",\"code\":\"TALREB\"},"
             "\"target\":{\"text\":\"y\",\"code\":\"AFGCVL\"},\"cameo\":\"%s\","
             "\"root\":\"%.2s\",\"goldstein\":-9,\"quad_class\":4,\"modality\":\"asserted\","
             "\"attribution\":null,\"quantities\":%s,\"place\":%s,\"date\":null,"
             "\"evidence\":{\"start\":0,\"end\":9,\"verb\":\"%s\"}}],\"quotes\":[],"
             "\"quantities\":[],\"dates\":[],\"places\":[],\"warnings\":[]}",
             id, day, id, id, cameo, cameo, quantities, place, verb);
    diag d;
    diag_clear(&d);
    store_outcome outcome;
    if (store_put_article_json(s, json, strlen(json), &outcome, &d))
        fail_msg("%s: %s", id, d.message);
    assert_int_equal(outcome, STORE_ADDED);
}

static sitrep_status remember_total(void *user, const store_bucket *b)
{
    seen *s = user;
    if (s->count < 16)
        snprintf(s->lines[s->count++], sizeof s->lines[0], "%s|%s|%lld|%g|%.2f,%.2f", b->key,
                 b->key2 ? b->key2 : "-", b->count, b->total, b->lat, b->lon);
    return SITREP_OK;
}

static void groups_places_and_casualties(void **state)
{
    (void)state;
    store *s = NULL;
    diag d;
    diag_clear(&d);
    assert_int_equal(store_open(":memory:", NULL, &s, &d), SITREP_OK);
    assert_int_equal(store_begin(s, &d), SITREP_OK);
    static const char kabul[] = "{\"text\":\"Kabul\",\"name\":\"Kabul\",\"kind\":\"city\","
                                "\"country\":\"AFG\",\"lat\":34.53,\"lon\":69.17}";
    static const char pakistan[] = "{\"text\":\"Pakistan\",\"name\":\"Pakistan\","
                                   "\"kind\":\"country\",\"country\":\"PAK\",\"lat\":30,"
                                   "\"lon\":70}";
    /* one attack reported twice with a rising toll: 15 killed, not 12 + 15 */
    put_placed(s, "k1", "2025-03-03", "190", kabul,
               "[{\"value\":12,\"unit\":\"civilians\",\"text\":\"12 civilians\"}]", "killed");
    put_placed(s, "k2", "2025-03-03", "190", kabul,
               "[{\"value\":15,\"unit\":\"people killed\",\"text\":\"15 people killed\"}]",
               "attacked");
    /* wounded, two days later, in a country without a city */
    put_placed(s, "k3", "2025-03-05", "180", pakistan,
               "[{\"value\":3,\"unit\":\"wounded\",\"text\":\"3 wounded\"},"
               "{\"value\":40,\"unit\":\"percent\",\"text\":\"40 percent\"}]",
               "attacked");
    /* not an assault, fight or mass violence: its "killed" is not counted */
    put_placed(s, "k4", "2025-03-04", "042", kabul,
               "[{\"value\":40,\"unit\":\"people killed\",\"text\":\"40 people killed\"}]",
               "visited");
    /* civilians in a fight whose verb is not "kill": neither killed nor wounded */
    put_placed(s, "k5", "2025-03-04", "193", "null",
               "[{\"value\":7,\"unit\":\"civilians\",\"text\":\"7 civilians\"}]", "shelled");
    assert_int_equal(store_commit(s, &d), SITREP_OK);

    store_filter all = {0};
    seen got = {0};
    assert_int_equal(store_facets(s, &all, STORE_FACET_COUNTRY, 0, remember, &got, &d), SITREP_OK);
    assert_int_equal(got.count, 2);
    assert_string_equal(got.lines[0], "AFG|-|2|-9.00");
    assert_string_equal(got.lines[1], "PAK|-|1|-9.00");
    memset(&got, 0, sizeof got);
    assert_int_equal(store_facets(s, &all, STORE_FACET_CITY, 0, remember_total, &got, &d),
                     SITREP_OK);
    assert_int_equal(got.count, 1);
    assert_string_equal(got.lines[0], "Kabul|AFG|2|0|34.53,69.17");
    memset(&got, 0, sizeof got);
    assert_int_equal(store_facets(s, &all, STORE_FACET_DAY_CASUALTIES, 0, remember_total, &got, &d),
                     SITREP_OK);
    assert_int_equal(got.count, 2);
    assert_string_equal(got.lines[0], "2025-03-03|killed|1|15|0.00,0.00");
    assert_string_equal(got.lines[1], "2025-03-05|wounded|1|3|0.00,0.00");
    memset(&got, 0, sizeof got);
    assert_int_equal(
        store_facets(s, &all, STORE_FACET_WEEK_CASUALTIES, 0, remember_total, &got, &d), SITREP_OK);
    assert_int_equal(got.count, 2);
    assert_string_equal(got.lines[0], "2025-03-03|killed|1|15|0.00,0.00");
    assert_string_equal(got.lines[1], "2025-03-03|wounded|1|3|0.00,0.00");
    /* the filter applies: Pakistan's events only */
    store_filter pak = {.country = "PAK"};
    memset(&got, 0, sizeof got);
    assert_int_equal(store_facets(s, &pak, STORE_FACET_DAY_CASUALTIES, 0, remember_total, &got, &d),
                     SITREP_OK);
    assert_int_equal(got.count, 1);
    assert_string_equal(got.lines[0], "2025-03-05|wounded|1|3|0.00,0.00");
    memset(&got, 0, sizeof got);
    assert_int_equal(store_facets(s, &pak, STORE_FACET_CITY, 0, remember, &got, &d), SITREP_OK);
    assert_int_equal(got.count, 0);
    store_close(s);
}

typedef struct nested {
    store *s;
    const store_filter *q;
    int outer, inner;
} nested;

/* Asks the same query again for every row of it. */
static sitrep_status ask_again(void *user, const store_event *e)
{
    (void)e;
    nested *n = user;
    if (++n->outer > 10) /* the outer query restarted: stop instead of looping */
        return SITREP_ELIMIT;
    n->inner += count_events(n->s, n->q);
    return SITREP_OK;
}

/* The page queries are kept prepared per store (store_prepare_kept): asked again they give the
 * same rows with other values bound, see rows another connection has committed since (the
 * kept statement holds no read transaction between requests), work inside their own callback,
 * and more shapes than are kept are still answered. */
static void kept_queries_rebind_refresh_and_nest(void **state)
{
    (void)state;
    char path[] = "/tmp/sitrep-test-kept-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    close(fd);
    store *writer = NULL, *reader = NULL;
    diag d;
    diag_clear(&d);
    assert_int_equal(store_open(path, NULL, &writer, &d), SITREP_OK);
    assert_int_equal(store_begin(writer, &d), SITREP_OK);
    put(writer, "a1", "2024-12-30", "RUSMIL", "UKRMIL", "190", -10, 4, "Shelling hit Kharkiv.");
    put(writer, "a2", "2025-01-05", "UKRMIL", "RUSMIL", "193", -9, 4, "Drones hit Belgorod.");
    assert_int_equal(store_commit(writer, &d), SITREP_OK);
    store_options read_only = {.read_only = true};
    assert_int_equal(store_open(path, &read_only, &reader, &d), SITREP_OK);

    store_filter by_source = {.actor = "RUS", .side = "source", .limit = 10, .details = true};
    assert_int_equal(count_events(reader, &by_source), 1);
    for (int i = 0; i < 3; i++) { /* the same statement, other values */
        by_source.actor = i % 2 ? "RUS" : "UKR";
        ids got = {0};
        assert_int_equal(store_query(reader, &by_source, collect, &got, &d), SITREP_OK);
        assert_int_equal(got.count, 1);
        assert_int_equal(got.id[0], i % 2 ? 1 : 2);
    }
    store_filter page = {.limit = 10, .details = true};
    assert_int_equal(count_events(reader, &page), 2);
    assert_int_equal(store_begin(writer, &d), SITREP_OK);
    put(writer, "a3", "2025-01-06", "UKRGOV", "RUSGOV", "043", 1, 1, "Talks in Istanbul.");
    assert_int_equal(store_commit(writer, &d), SITREP_OK);
    assert_int_equal(count_events(reader, &page), 3);

    nested n = {.s = reader, .q = &page};
    assert_int_equal(store_query(reader, &page, ask_again, &n, &d), SITREP_OK);
    assert_int_equal(n.outer, 3);
    assert_int_equal(n.inner, 9);

    for (int round = 0; round < 2; round++) /* 12 shapes (limits) for 8 kept statements */
        for (long limit = 1; limit <= 12; limit++) {
            store_filter q = {.limit = limit, .details = round == 1};
            assert_int_equal(count_events(reader, &q), limit < 3 ? (int)limit : 3);
        }
    store_close(reader);
    store_close(writer);
    const char *suffixes[] = {"", "-wal", "-shm"};
    for (size_t i = 0; i < ARRAY_LEN(suffixes); i++) {
        char name[64];
        snprintf(name, sizeof name, "%s%s", path, suffixes[i]);
        unlink(name);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(groups_actors_and_dyads),
        cmocka_unit_test(groups_days_and_weeks),
        cmocka_unit_test(finds_articles_searches_and_pages),
        cmocka_unit_test(dashboard_filters_reports_and_downloads),
        cmocka_unit_test(groups_places_and_casualties),
        cmocka_unit_test(kept_queries_rebind_refresh_and_nest),
    };
    return cmocka_run_group_tests_name("store_browse", tests, NULL, NULL);
}
