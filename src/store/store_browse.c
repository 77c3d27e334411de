/* store_browse.c - reading the SQLite event store for the dashboard (`sitrep serve`): groups
 * of filtered events (top actors, dyads, counts per day or week), one article with the ids of
 * its merged events, and full-text search over sentences. The filter's SQL comes from
 * store_query.c, so the dashboard filters exactly as `sitrep query` does.
 */
#include "store_sqlite.h"

#include <string.h>

static const char *col_text(sqlite3_stmt *st, int i)
{
    return (const char *)sqlite3_column_text(st, i);
}

/* A week's Monday: 1970-01-01 (day 0) was a Thursday; SQLite's % keeps the sign, hence +10. */
#define MONDAY "date((e.day_num - ((e.day_num % 7 + 10) % 7)) * 86400, 'unixepoch')"

sitrep_status store_facets(store *s, const store_filter *q, store_facet facet, long limit,
                           store_bucket_fn fn, void *user, diag *d)
{
    static const char *const sql[] = {
        [STORE_FACET_ACTOR] =
            "SELECT code, NULL, count(*), avg(g) FROM ("
            "SELECT e.source_code AS code, e.goldstein AS g FROM events e WHERE @WHERE "
            "AND e.source_code IS NOT NULL UNION ALL "
            "SELECT e.target_code, e.goldstein FROM events e WHERE @WHERE "
            "AND e.target_code IS NOT NULL) GROUP BY code ORDER BY 3 DESC, 1",
        [STORE_FACET_DYAD] = "SELECT e.source_code, e.target_code, count(*), avg(e.goldstein) "
                             "FROM events e WHERE @WHERE AND e.source_code IS NOT NULL AND "
                             "e.target_code IS NOT NULL GROUP BY 1, 2 ORDER BY 3 DESC, 1, 2",
        [STORE_FACET_DAY] = "SELECT e.day, e.quad_class, count(*), avg(e.goldstein) FROM events e "
                            "WHERE @WHERE AND e.day_num IS NOT NULL GROUP BY e.day_num, 2 "
                            "ORDER BY e.day_num, 2",
        [STORE_FACET_WEEK] = "SELECT " MONDAY ", e.quad_class, count(*), avg(e.goldstein) "
                             "FROM events e WHERE @WHERE AND e.day_num IS NOT NULL "
                             "GROUP BY 1, 2 ORDER BY 1, 2",
        [STORE_FACET_DAY_ROOT] = "SELECT e.day, e.root, count(*), avg(e.goldstein) FROM events e "
                                 "WHERE @WHERE AND e.day_num IS NOT NULL GROUP BY e.day_num, 2 "
                                 "ORDER BY e.day_num, 2",
        [STORE_FACET_WEEK_ROOT] = "SELECT " MONDAY ", e.root, count(*), avg(e.goldstein) "
                                  "FROM events e WHERE @WHERE AND e.day_num IS NOT NULL "
                                  "GROUP BY 1, 2 ORDER BY 1, 2",
    };
    if ((size_t)facet >= ARRAY_LEN(sql))
        return diag_set(d, "", 0, "unknown facet"), SITREP_EUSAGE;
    buf text;
    buf_init(&text, 4096);
    sitrep_status status = buf_append_str(&text, sql[facet]);
    if (!status && limit > 0)
        status = buf_printf(&text, " LIMIT %ld", limit);
    sqlite3_stmt *st = NULL;
    if (!status)
        status = store_prepare_filtered(s, q, text.data, &st, d);
    buf_release(&text);
    int rc = SQLITE_DONE;
    while (!status && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        store_bucket b = {
            .key = col_text(st, 0),
            .key2 = col_text(st, 1),
            .count = sqlite3_column_int64(st, 2),
            .has_goldstein = sqlite3_column_type(st, 3) != SQLITE_NULL,
            .goldstein = sqlite3_column_double(st, 3),
        };
        status = fn(user, &b);
    }
    if (!status && rc != SQLITE_DONE)
        status = store_sql_error(s, d, "cannot group events");
    sqlite3_finalize(st);
    return status;
}

sitrep_status store_article_find(store *s, const char *id, store_article_fn json_fn,
                                 store_event_key_fn event_fn, void *user, bool *found, diag *d)
{
    *found = false;
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(s->db, "SELECT rowid, json FROM articles WHERE id = ?1", -1, &st,
                           NULL) != SQLITE_OK)
        return store_sql_error(s, d, "cannot read the article");
    sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
    int rc = sqlite3_step(st);
    sitrep_status status = SITREP_OK;
    long long rowid = 0;
    if (rc == SQLITE_ROW) {
        *found = true;
        rowid = sqlite3_column_int64(st, 0);
        status = json_fn(user, col_text(st, 1), (size_t)sqlite3_column_bytes(st, 1));
    } else if (rc != SQLITE_DONE) {
        status = store_sql_error(s, d, "cannot read the article");
    }
    sqlite3_finalize(st);
    if (status || !*found)
        return status;
    if (sqlite3_prepare_v2(s->db,
                           "SELECT key, event FROM mentions WHERE article = ?1 ORDER BY rowid", -1,
                           &st, NULL) != SQLITE_OK)
        return store_sql_error(s, d, "cannot read the article's events");
    sqlite3_bind_int64(st, 1, rowid);
    while (!status && (rc = sqlite3_step(st)) == SQLITE_ROW)
        status = event_fn(user, col_text(st, 0), sqlite3_column_int64(st, 1));
    if (!status && rc != SQLITE_DONE)
        status = store_sql_error(s, d, "cannot read the article's events");
    sqlite3_finalize(st);
    return status;
}

sitrep_status store_search(store *s, const char *words, long limit, long offset, store_hit_fn fn,
                           void *user, diag *d)
{
    buf match;
    buf_init(&match, 1 << 16);
    sitrep_status status = store_fts_words(&match, words);
    if (!status && match.len == 0) {
        diag_set(d, "", 0, "the search needs at least one word");
        status = SITREP_EUSAGE;
    }
    sqlite3_stmt *st = NULL;
    if (!status &&
        sqlite3_prepare_v2(s->db,
                           "SELECT a.id, a.headline, a.published, s.n, s.text, "
                           "(SELECT count(*) FROM mentions m WHERE m.article = s.article AND "
                           "m.sentence = s.n) FROM sentences_fts f "
                           "JOIN sentences s ON s.rowid = f.rowid "
                           "JOIN articles a ON a.rowid = s.article "
                           "WHERE sentences_fts MATCH ?1 ORDER BY f.rowid DESC LIMIT ?2 OFFSET ?3",
                           -1, &st, NULL) != SQLITE_OK)
        status = store_sql_error(s, d, "cannot search");
    int rc = SQLITE_DONE;
    if (!status) {
        sqlite3_bind_text(st, 1, match.data, -1, SQLITE_STATIC);
        sqlite3_bind_int64(st, 2, limit > 0 ? limit : -1);
        sqlite3_bind_int64(st, 3, offset > 0 ? offset : 0);
    }
    while (!status && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        store_hit hit = {
            .article_id = col_text(st, 0),
            .headline = col_text(st, 1),
            .published = col_text(st, 2),
            .sentence = sqlite3_column_int64(st, 3),
            .text = col_text(st, 4),
            .events = sqlite3_column_int64(st, 5),
        };
        status = fn(user, &hit);
    }
    if (!status && rc != SQLITE_DONE)
        status = store_sql_error(s, d, "cannot search");
    sqlite3_finalize(st);
    buf_release(&match);
    return status;
}
