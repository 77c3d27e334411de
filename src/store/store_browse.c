/* store_browse.c - reading the event store for the dashboard (`sitrep serve`), on either back
 * end: groups of filtered events (top actors, dyads, counts per day or week, counted in a hash
 * table), one article with the ids of its merged events, and full-text search over sentences.
 * The filter's SQL comes from store_query.c, so the dashboard filters exactly as `sitrep query`.
 */
#include "store_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Groups are counted here rather than by SQLite's GROUP BY: one scan of the matching events
 * into a hash table of at most MAX_GROUPS groups is 3-20x faster on a million events than
 * SQLite's temporary B-trees (which also fight the server's small page cache). */
#define MAX_GROUPS 200000

typedef struct group {
    char *key; /* "KEY\x1fKEY2" (KEY2 empty when NULL) */
    size_t length;
    uint64_t hash;
    long long count, scored;
    double goldstein_sum;
} group;

typedef struct groups {
    group *slots;
    size_t cap, used;
} groups;

static void groups_grow(groups *g)
{
    size_t cap = g->cap ? g->cap * 2 : 1024;
    group *slots = xcalloc(cap, sizeof *slots);
    for (size_t i = 0; i < g->cap; i++) {
        if (!g->slots[i].key)
            continue;
        size_t j = g->slots[i].hash & (cap - 1);
        while (slots[j].key)
            j = (j + 1) & (cap - 1);
        slots[j] = g->slots[i];
    }
    free(g->slots);
    g->slots = slots;
    g->cap = cap;
}

static sitrep_status groups_add(groups *g, const char *key, const char *key2, store_stmt *st,
                                int goldstein_column)
{
    char joined[128];
    size_t n1 = strlen(key), n2 = key2 ? strlen(key2) : 0;
    if (n1 + n2 + 2 > sizeof joined)
        return SITREP_OK; /* no code is that long; such a row is not a group worth showing */
    memcpy(joined, key, n1);
    joined[n1] = '\x1f';
    memcpy(joined + n1 + 1, key2 ? key2 : "", n2);
    joined[n1 + 1 + n2] = '\0';
    int n = (int)(n1 + 1 + n2);
    if (g->used * 2 >= g->cap) {
        if (g->used >= MAX_GROUPS)
            return SITREP_ELIMIT;
        groups_grow(g);
    }
    uint64_t hash = hash_bytes(joined, (size_t)n, 0);
    size_t j = hash & (g->cap - 1);
    while (g->slots[j].key && !(g->slots[j].hash == hash && g->slots[j].length == (size_t)n &&
                                memcmp(g->slots[j].key, joined, (size_t)n) == 0))
        j = (j + 1) & (g->cap - 1);
    group *slot = &g->slots[j];
    if (!slot->key) {
        slot->key = xmalloc((size_t)n + 1);
        memcpy(slot->key, joined, (size_t)n + 1);
        slot->length = (size_t)n;
        slot->hash = hash;
        g->used++;
    }
    slot->count++;
    if (!store_column_null(st, goldstein_column)) {
        slot->scored++;
        slot->goldstein_sum += store_column_double(st, goldstein_column);
    }
    return SITREP_OK;
}

static int by_count(const void *a, const void *b)
{
    const group *x = *(const group *const *)a, *y = *(const group *const *)b;
    if (x->count != y->count)
        return x->count > y->count ? -1 : 1;
    return strcmp(x->key, y->key);
}

static int by_key(const void *a, const void *b)
{
    return strcmp((*(const group *const *)a)->key, (*(const group *const *)b)->key);
}

/* YYYY-MM-DD of a day number (days since 1970-01-01; H. Hinnant's civil_from_days). */
static void day_text(long long z, char out[64])
{
    z += 719468;
    long long era = (z >= 0 ? z : z - 146096) / 146097;
    long long doe = z - era * 146097;
    long long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long long y = yoe + era * 400, doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long long mp = (5 * doy + 2) / 153, d = doy - (153 * mp + 2) / 5 + 1;
    long long m = mp < 10 ? mp + 3 : mp - 9;
    snprintf(out, 64, "%04lld-%02lld-%02lld", y + (m <= 2), m, d);
}

/* Calls fn for the `limit` first groups (0: all) of g, largest first or in key order. */
static sitrep_status emit(groups *g, bool largest_first, long limit, store_bucket_fn fn, void *user)
{
    group **order = xmalloc((g->used + 1) * sizeof *order);
    size_t n = 0;
    for (size_t i = 0; i < g->cap; i++)
        if (g->slots[i].key)
            order[n++] = &g->slots[i];
    qsort(order, n, sizeof *order, largest_first ? by_count : by_key);
    if (limit > 0 && (size_t)limit < n)
        n = (size_t)limit;
    sitrep_status status = SITREP_OK;
    for (size_t i = 0; i < n && !status; i++) {
        char *sep = strchr(order[i]->key, '\x1f');
        *sep = '\0';
        store_bucket b = {
            .key = order[i]->key,
            .key2 = sep[1] ? sep + 1 : NULL,
            .count = order[i]->count,
            .has_goldstein = order[i]->scored > 0,
            .goldstein = order[i]->scored ? order[i]->goldstein_sum / (double)order[i]->scored : 0,
        };
        status = fn(user, &b);
    }
    free(order);
    return status;
}

static void groups_release(groups *g)
{
    for (size_t i = 0; i < g->cap; i++)
        free(g->slots[i].key);
    free(g->slots);
}

static sitrep_status scan_done(store *s, store_stmt *st, sitrep_status status, int rc, diag *d)
{
    if (status == SITREP_ELIMIT)
        diag_set(d, "", 0, "more than %d groups: narrow the filter", MAX_GROUPS);
    if (!status && rc == STORE_STEP_ERROR)
        status = store_sql_error(s, d, "cannot group events");
    store_finalize(st);
    return status;
}

sitrep_status store_actor_facets(store *s, const store_filter *q, long limit,
                                 store_bucket_fn actor_fn, store_bucket_fn dyad_fn, void *user,
                                 diag *d)
{
    store_stmt *st = NULL;
    sitrep_status status = store_prepare_filtered(
        s, q, "SELECT e.source_code, e.target_code, e.goldstein FROM events e WHERE @WHERE", &st,
        d);
    groups actors = {0}, dyads = {0};
    int rc = STORE_STEP_DONE;
    while (!status && (rc = store_step(st)) == STORE_STEP_ROW) {
        const char *source = store_column_text(st, 0), *target = store_column_text(st, 1);
        if (actor_fn && source)
            status = groups_add(&actors, source, NULL, st, 2);
        if (actor_fn && target && !status)
            status = groups_add(&actors, target, NULL, st, 2);
        if (dyad_fn && source && target && !status)
            status = groups_add(&dyads, source, target, st, 2);
    }
    status = scan_done(s, st, status, rc, d);
    if (!status && actor_fn)
        status = emit(&actors, true, limit, actor_fn, user);
    if (!status && dyad_fn)
        status = emit(&dyads, true, limit, dyad_fn, user);
    groups_release(&actors);
    groups_release(&dyads);
    return status;
}

sitrep_status store_facets(store *s, const store_filter *q, store_facet facet, long limit,
                           store_bucket_fn fn, void *user, diag *d)
{
    if (facet == STORE_FACET_ACTOR)
        return store_actor_facets(s, q, limit, fn, NULL, user, d);
    if (facet == STORE_FACET_DYAD)
        return store_actor_facets(s, q, limit, NULL, fn, user, d);
    bool week = facet == STORE_FACET_WEEK || facet == STORE_FACET_WEEK_ROOT;
    bool root = facet == STORE_FACET_DAY_ROOT || facet == STORE_FACET_WEEK_ROOT;
    if ((unsigned)facet > STORE_FACET_WEEK_ROOT)
        return diag_set(d, "", 0, "unknown facet"), SITREP_EUSAGE;
    const char *sql = root ? "SELECT e.day_num, e.root, e.goldstein FROM events e WHERE @WHERE "
                             "AND e.day_num IS NOT NULL"
                           : "SELECT e.day_num, e.quad_class, e.goldstein FROM events e WHERE "
                             "@WHERE AND e.day_num IS NOT NULL";
    store_stmt *st = NULL;
    sitrep_status status = store_prepare_filtered(s, q, sql, &st, d);
    groups g = {0};
    int rc = STORE_STEP_DONE;
    while (!status && (rc = store_step(st)) == STORE_STEP_ROW) {
        long long day = store_column_int64(st, 0);
        if (week) /* back to Monday: day 0, 1970-01-01, was a Thursday */
            day -= ((day % 7) + 10) % 7;
        char text[64];
        day_text(day, text);
        status = groups_add(&g, text, store_column_text(st, 1), st, 2);
    }
    status = scan_done(s, st, status, rc, d);
    if (!status)
        status = emit(&g, false, limit, fn, user);
    groups_release(&g);
    return status;
}

sitrep_status store_article_find(store *s, const char *id, store_article_fn json_fn,
                                 store_event_key_fn event_fn, void *user, bool *found, diag *d)
{
    *found = false;
    store_stmt *st;
    if (store_prepare(s, "SELECT rowid, json FROM articles WHERE id = ?1", &st, d))
        return SITREP_ESQL;
    store_bind_text(st, 1, id);
    int rc = store_step(st);
    sitrep_status status = SITREP_OK;
    long long rowid = 0;
    if (rc == STORE_STEP_ROW) {
        *found = true;
        rowid = store_column_int64(st, 0);
        status = json_fn(user, store_column_text(st, 1), store_column_bytes(st, 1));
    } else if (rc == STORE_STEP_ERROR) {
        status = store_sql_error(s, d, "cannot read the article");
    }
    store_finalize(st);
    if (status || !*found)
        return status;
    if (store_prepare(s, "SELECT key, event FROM mentions WHERE article = ?1 ORDER BY rowid", &st,
                      d))
        return SITREP_ESQL;
    store_bind_int64(st, 1, rowid);
    while (!status && (rc = store_step(st)) == STORE_STEP_ROW)
        status = event_fn(user, store_column_text(st, 0), store_column_int64(st, 1));
    if (!status && rc == STORE_STEP_ERROR)
        status = store_sql_error(s, d, "cannot read the article's events");
    store_finalize(st);
    return status;
}

sitrep_status store_search(store *s, const char *words, long limit, long offset, store_hit_fn fn,
                           void *user, diag *d)
{
    buf match;
    buf_init(&match, 1 << 16);
    sitrep_status status = store_fts_words(s, &match, words);
    if (!status && match.len == 0) {
        diag_set(d, "", 0, "the search needs at least one word");
        status = SITREP_EUSAGE;
    }
    /* the words, then the limit and offset, bound in the same places in both dialects */
    static const char sqlite_sql[] =
        "SELECT a.id, a.headline, a.published, s.n, s.text, "
        "(SELECT count(*) FROM mentions m WHERE m.article = s.article AND "
        "m.sentence = s.n) FROM sentences_fts f "
        "JOIN sentences s ON s.rowid = f.rowid "
        "JOIN articles a ON a.rowid = s.article "
        "WHERE sentences_fts MATCH ?1 ORDER BY f.rowid DESC LIMIT ?2 OFFSET ?3";
    static const char pg_sql[] =
        "SELECT a.id, a.headline, a.published, s.n, s.text, "
        "(SELECT count(*) FROM mentions m WHERE m.article = s.article AND "
        "m.sentence = s.n) FROM sentences s "
        "JOIN articles a ON a.rowid = s.article "
        "WHERE s.tsv @@ plainto_tsquery('simple', ?1) ORDER BY s.rowid DESC LIMIT ?2 OFFSET ?3";
    store_stmt *st = NULL;
    if (!status && store_prepare(s, s->postgres ? pg_sql : sqlite_sql, &st, d))
        status = SITREP_ESQL;
    int rc = STORE_STEP_DONE;
    if (!status) {
        store_bind_text(st, 1, match.data);
        if (limit > 0)
            store_bind_int64(st, 2, limit);
        else if (s->postgres)
            store_bind_null(st, 2); /* LIMIT NULL: no limit */
        else
            store_bind_int64(st, 2, -1);
        store_bind_int64(st, 3, offset > 0 ? offset : 0);
    }
    while (!status && (rc = store_step(st)) == STORE_STEP_ROW) {
        store_hit hit = {
            .article_id = store_column_text(st, 0),
            .headline = store_column_text(st, 1),
            .published = store_column_text(st, 2),
            .sentence = store_column_int64(st, 3),
            .text = store_column_text(st, 4),
            .events = store_column_int64(st, 5),
        };
        status = fn(user, &hit);
    }
    if (!status && rc == STORE_STEP_ERROR)
        status = store_sql_error(s, d, "cannot search");
    store_finalize(st);
    buf_release(&match);
    return status;
}
