/* store_query.c - reading the event store: filtered event queries, the stored articles,
 * totals and summaries, and the checks of event counts, in SQL that SQLite and PostgreSQL
 * both run (the few differences are chosen by s->postgres).
 *
 * Queries are assembled from fixed SQL fragments only; every user value is bound as a
 * parameter. Code prefixes become index range scans (code >= P AND code < P+1; PostgreSQL's
 * code columns sort bytewise, COLLATE "C", so the range is the same).
 */
#include "store_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_BINDS 32

typedef struct binds {
    const char *text[MAX_BINDS]; /* NULL: the value is number[i], or real[i] when is_real[i] */
    long long number[MAX_BINDS];
    double real[MAX_BINDS];
    bool is_real[MAX_BINDS];
    char owned[MAX_BINDS][64];
    int count;
} binds;

/* Adds the SQL fragment and returns the bind slot (1-based), or 0 when full. */
static int add_bind(binds *b, const char *value)
{
    if (b->count >= MAX_BINDS)
        return 0;
    b->text[b->count] = value;
    return ++b->count;
}

static int add_owned(binds *b, const char *value, const char *suffix)
{
    if (b->count >= MAX_BINDS)
        return 0;
    snprintf(b->owned[b->count], sizeof b->owned[0], "%s%s", value, suffix);
    b->text[b->count] = b->owned[b->count];
    return ++b->count;
}

/* Appends "(COLUMN >= ? AND COLUMN < ?)" for a prefix: the upper bound is the prefix with its
 * last byte incremented. Codes are ASCII; a prefix that cannot be bounded (too long, or
 * ending in 0xFF) falls back to substr(). */
static sitrep_status prefix_clause(buf *sql, binds *b, const char *column, const char *prefix)
{
    size_t n = strlen(prefix);
    if (n == 0)
        return buf_printf(sql, "(%s IS NOT NULL)", column);
    if (n < sizeof b->owned[0] && (unsigned char)prefix[n - 1] < 0xff) {
        int low = add_bind(b, prefix);
        int high = add_owned(b, prefix, "");
        if (!low || !high)
            return SITREP_ELIMIT;
        b->owned[high - 1][n - 1]++;
        return buf_printf(sql, "(%s >= ?%d AND %s < ?%d)", column, low, column, high);
    }
    int slot = add_bind(b, prefix);
    if (!slot)
        return SITREP_ELIMIT;
    return buf_printf(sql, "(substr(%s, 1, length(CAST(?%d AS TEXT))) = ?%d)", column, slot, slot);
}

static int add_number(binds *b, long long value)
{
    if (b->count >= MAX_BINDS)
        return 0;
    b->text[b->count] = NULL;
    b->number[b->count] = value;
    return ++b->count;
}

static int add_real(binds *b, double value)
{
    if (b->count >= MAX_BINDS)
        return 0;
    b->text[b->count] = NULL;
    b->real[b->count] = value;
    b->is_real[b->count] = true;
    return ++b->count;
}

/* The day number of the first (or last) day of YYYY, YYYY-MM or YYYY-MM-DD. */
static bool date_bound(const char *s, bool last, long *out)
{
    size_t n = strlen(s);
    if (n != 4 && n != 7 && n != 10)
        return false;
    for (size_t i = 0; i < n; i++)
        if (i == 4 || i == 7 ? s[i] != '-' : (s[i] < '0' || s[i] > '9'))
            return false;
    char full[32];
    memcpy(full, s, n);
    memcpy(full + n, &"-01-01"[n - 4], 11 - n); /* with the NUL */
    if (n == 10)
        return store_day_number(full, out);
    if (!last)
        return store_day_number(full, out);
    /* the last day: the first day of the next month or year, minus one */
    int year = atoi(full), month = n == 7 ? atoi(full + 5) : 12;
    if (month < 1 || month > 12)
        return false;
    if (month == 12)
        snprintf(full, sizeof full, "%04d-01-01", year + 1);
    else
        snprintf(full, sizeof full, "%04d-%02d-01", year, month + 1);
    if (!store_day_number(full, out))
        return false;
    (*out)--;
    return true;
}

/* Builds an FTS5 query in which every word is a quoted string (so user text is never FTS
 * syntax): `a "b` becomes `"a" """b"`. */
static sitrep_status fts_words(buf *out, const char *text)
{
    sitrep_status status = SITREP_OK;
    const char *p = text;
    while (*p && !status) {
        while (*p == ' ' || *p == '\t' || *p == '\n')
            p++;
        if (!*p)
            break;
        if (out->len)
            status = buf_append_char(out, ' ');
        if (!status)
            status = buf_append_char(out, '"');
        while (*p && *p != ' ' && *p != '\t' && *p != '\n' && !status) {
            status = *p == '"' ? buf_append_str(out, "\"\"") : buf_append_char(out, *p);
            p++;
        }
        if (!status)
            status = buf_append_char(out, '"');
    }
    return status;
}

/* Writes the conditions of q (all but --actor) into sql as " AND ..." fragments. */
static sitrep_status build_where(store *s, buf *sql, binds *b, buf *fts, const store_filter *q,
                                 bool common_words, diag *d)
{
    sitrep_status status = SITREP_OK;
    struct {
        const char *value, *column;
    } prefixes[] = {
        {q->source, "e.source_code"}, {q->target, "e.target_code"}, {q->cameo, "e.cameo"}};
    for (size_t i = 0; i < ARRAY_LEN(prefixes) && !status; i++)
        if (prefixes[i].value && !(status = buf_append_str(sql, " AND ")))
            status = prefix_clause(sql, b, prefixes[i].column, prefixes[i].value);
    int slot;
    if (q->root && !status)
        status = (slot = add_bind(b, q->root)) ? buf_printf(sql, " AND e.root = ?%d", slot)
                                               : SITREP_ELIMIT;
    if (q->plover && !status)
        status = (slot = add_bind(b, q->plover))
                     ? buf_printf(sql, " AND lower(e.plover) = lower(CAST(?%d AS TEXT))", slot)
                     : SITREP_ELIMIT;
    if (q->country && !status)
        status = (slot = add_bind(b, q->country))
                     ? buf_printf(sql, " AND e.place_country = ?%d", slot)
                     : SITREP_ELIMIT;
    if (q->modality && !status)
        status = (slot = add_bind(b, q->modality))
                     ? buf_printf(sql,
                                  " AND EXISTS (SELECT 1 FROM mentions WHERE event = e.rowid "
                                  "AND modality = ?%d)",
                                  slot)
                     : SITREP_ELIMIT;
    if (q->attribution && !status) {
        if (strcmp(q->attribution, "none") == 0)
            status = buf_append_str(sql, " AND EXISTS (SELECT 1 FROM mentions WHERE event = "
                                         "e.rowid AND attribution_kind IS NULL)");
        else
            status = (slot = add_bind(b, q->attribution))
                         ? buf_printf(sql,
                                      " AND EXISTS (SELECT 1 FROM mentions WHERE event = "
                                      "e.rowid AND attribution_kind = ?%d)",
                                      slot)
                         : SITREP_ELIMIT;
    }
    if (q->event_id > 0 && !status)
        status = (slot = add_number(b, q->event_id)) ? buf_printf(sql, " AND e.rowid = ?%d", slot)
                                                     : SITREP_ELIMIT;
    if (q->place && !status)
        status = (slot = add_bind(b, q->place))
                     ? buf_printf(sql, " AND lower(e.place_name) = lower(CAST(?%d AS TEXT))", slot)
                     : SITREP_ELIMIT;
    if (q->publisher && !status)
        status = (slot = add_bind(b, q->publisher))
                     ? buf_printf(sql,
                                  " AND EXISTS (SELECT 1 FROM mentions m3 JOIN articles a3 ON "
                                  "a3.rowid = m3.article WHERE m3.event = e.rowid AND "
                                  "a3.publisher = ?%d)",
                                  slot)
                     : SITREP_ELIMIT;
    if (q->has_goldstein_min && !status)
        status = (slot = add_real(b, q->goldstein_min))
                     ? buf_printf(sql, " AND e.goldstein >= ?%d", slot)
                     : SITREP_ELIMIT;
    if (q->has_goldstein_max && !status)
        status = (slot = add_real(b, q->goldstein_max))
                     ? buf_printf(sql, " AND e.goldstein <= ?%d", slot)
                     : SITREP_ELIMIT;
    if (q->min_sources > 1 && !status)
        status = (slot = add_number(b, q->min_sources))
                     ? buf_printf(sql, " AND e.num_sources >= ?%d", slot)
                     : SITREP_ELIMIT;
    if (q->min_articles > 1 && !status)
        status = (slot = add_number(b, q->min_articles))
                     ? buf_printf(sql, " AND e.num_articles >= ?%d", slot)
                     : SITREP_ELIMIT;
    const char *ends[2] = {q->since, q->until};
    for (int i = 0; i < 2 && !status; i++) {
        long day;
        if (!ends[i])
            continue;
        if (!date_bound(ends[i], i == 1, &day))
            return diag_set(d, "", 0, "'%s' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)", ends[i]),
                   SITREP_EUSAGE;
        status = (slot = add_number(b, day))
                     ? buf_printf(sql, " AND e.day_num %s ?%d", i ? "<=" : ">=", slot)
                     : SITREP_ELIMIT;
    }
    if (q->text && !status) {
        if ((status = store_fts_words(s, fts, q->text)))
            return status;
        if (fts->len == 0)
            return diag_set(d, "", 0, "--text needs at least one word"), SITREP_EUSAGE;
        if (!(slot = add_bind(b, fts->data)))
            return SITREP_ELIMIT;
        /* SQLite, few matching sentences: collect their events first. Many: walk the events
         * in order and ask the index about each one's sentences, which stops at the limit.
         * PostgreSQL's planner picks between the two itself. */
        if (s->postgres)
            status = buf_printf(sql,
                                " AND e.rowid IN (SELECT m2.event FROM sentences s2 "
                                "JOIN mentions m2 ON m2.article = s2.article AND "
                                "m2.sentence = s2.n WHERE s2.tsv @@ plainto_tsquery('simple', "
                                "?%d))",
                                slot);
        else if (common_words)
            status = buf_printf(sql,
                                " AND EXISTS (SELECT 1 FROM mentions m2 JOIN sentences s2 ON "
                                "s2.article = m2.article AND s2.n = m2.sentence "
                                "JOIN sentences_fts f ON f.rowid = s2.rowid "
                                "WHERE m2.event = e.rowid AND sentences_fts MATCH ?%d)",
                                slot);
        else
            status = buf_printf(sql,
                                " AND e.rowid IN (SELECT m2.event FROM sentences_fts f "
                                "JOIN sentences s2 ON s2.rowid = f.rowid "
                                "JOIN mentions m2 ON m2.article = s2.article AND "
                                "m2.sentence = s2.n WHERE sentences_fts MATCH ?%d)",
                                slot);
    }
    return status;
}

/* Whether more than `cap` sentences match an FTS5 query (SQLite). */
static bool fts_common(store *s, const char *match, int cap)
{
    store_stmt *st;
    diag ignored;
    if (store_prepare(s,
                      "SELECT count(*) FROM (SELECT 1 FROM sentences_fts WHERE "
                      "sentences_fts MATCH ?1 LIMIT ?2)",
                      &st, &ignored))
        return false;
    store_bind_text(st, 1, match);
    store_bind_int64(st, 2, cap + 1);
    bool common = store_step(st) == STORE_STEP_ROW && store_column_int64(st, 0) > cap;
    store_finalize(st);
    return common;
}

/* Whether q->text matches so many sentences that events are better walked in order. */
static bool text_is_common(store *s, const store_filter *q)
{
    bool common_words = false;
    if (q->text && !s->postgres) {
        buf words;
        buf_init(&words, 1 << 16);
        if (store_fts_words(s, &words, q->text) == SITREP_OK && words.len)
            common_words = fts_common(s, words.data, 20000);
        buf_release(&words);
    }
    return common_words;
}

/* The first mention's details (store_filter.details): the event's words relative to its
 * sentence, the date, the claimant's code and the linked quantities as a JSON array. */
#define DETAILS_COMMON                                                                             \
    "m.evidence_start - s.start, m.evidence_end - s.start, m.date_text, m.date_value, "            \
    "m.attribution_code, "
#define DETAILS_SQLITE                                                                             \
    DETAILS_COMMON "(SELECT json_group_array(json_object('value', value, 'unit', unit, "           \
                   "'text', text, 'qualifier', qualifier)) FROM quantities WHERE mention = "       \
                   "m.rowid)"
#define DETAILS_PG                                                                                 \
    DETAILS_COMMON "(SELECT coalesce(json_agg(json_build_object('value', value, 'unit', unit, "    \
                   "'text', text, 'qualifier', qualifier)), '[]')::text FROM quantities WHERE "    \
                   "mention = m.rowid)"

/* The query runs in two steps so that only the events shown are joined to their first
 * mention: an inner select picks event ids (from covering indexes where it can) in order
 * with the limit, the outer one fetches the details. --actor becomes a UNION of a source and
 * a target branch, each able to use its own index. */
static sitrep_status build_query(store *s, buf *sql, binds *b, buf *fts, const store_filter *q,
                                 diag *d)
{
    buf where, source, target;
    buf_init(&where, 1 << 16);
    buf_init(&source, 1 << 10);
    buf_init(&target, 1 << 10);
    sitrep_status status = build_where(s, &where, b, fts, q, text_is_common(s, q), d);
    bool by_source = q->actor && q->side && strcmp(q->side, "source") == 0;
    bool by_target = q->actor && q->side && strcmp(q->side, "target") == 0;
    if (!status && q->actor && !(status = prefix_clause(&source, b, "e.source_code", q->actor)))
        status = prefix_clause(&target, b, "e.target_code", q->actor);
    const char *order = q->oldest_first ? " ORDER BY id" : " ORDER BY dn DESC NULLS LAST, id DESC";
    const char *w = where.data ? where.data : ""; /* an empty buf has no data yet */
    if (!status)
        status = buf_append_str(sql, "SELECT e.rowid, e.day, e.source_code, e.source_text, "
                                     "e.source_country, e.source_role, e.target_code, "
                                     "e.target_text, e.target_country, e.target_role, e.cameo, "
                                     "e.root, e.label, e.plover, e.goldstein, e.quad_class, "
                                     "e.place_text, e.place_name, e.place_country, e.lat, e.lon, "
                                     "e.num_mentions, e.num_articles, e.num_sources, e.added, "
                                     "a.id, a.url, a.publisher, m.sentence, s.text, m.modality, "
                                     "m.attribution_kind, m.attribution_text, e.source_name, "
                                     "e.target_name, e.source_place, e.target_place, "
                                     "e.place_kind, e.place_admin1, ");
    if (!status)
        status = buf_append_str(sql, !q->details   ? "NULL, NULL, NULL, NULL, NULL, NULL FROM ("
                                     : s->postgres ? DETAILS_PG " FROM ("
                                                   : DETAILS_SQLITE " FROM (");
    if (!status && (by_source || by_target))
        status = buf_printf(sql, "SELECT e.rowid AS id, e.day_num AS dn FROM events e WHERE %s%s",
                            by_source ? source.data : target.data, w);
    else if (!status && q->actor)
        status = buf_printf(sql,
                            "SELECT e.rowid AS id, e.day_num AS dn FROM events e WHERE %s%s "
                            "UNION SELECT e.rowid, e.day_num FROM events e WHERE %s%s",
                            source.data, w, target.data, w);
    else if (!status)
        status =
            buf_printf(sql, "SELECT e.rowid AS id, e.day_num AS dn FROM events e WHERE true%s", w);
    if (!status)
        status = buf_append_str(sql, order);
    if (!status && q->limit > 0)
        status = buf_printf(sql, " LIMIT %ld", q->limit);
    if (!status && q->limit > 0 && q->offset > 0)
        status = buf_printf(sql, " OFFSET %ld", q->offset);
    if (!status)
        status = buf_printf(sql,
                            ") p JOIN events e ON e.rowid = p.id "
                            "JOIN mentions m ON m.rowid = (SELECT min(rowid) FROM mentions "
                            "WHERE event = e.rowid) "
                            "JOIN articles a ON a.rowid = m.article "
                            "LEFT JOIN sentences s ON s.article = m.article AND s.n = m.sentence"
                            "%s",
                            q->oldest_first ? " ORDER BY p.id"
                                            : " ORDER BY p.dn DESC NULLS LAST, p.id DESC");
    buf_release(&where);
    buf_release(&source);
    buf_release(&target);
    return status;
}

/* Binds the filter's values. */
static void bind_all(store_stmt *st, const binds *b)
{
    for (int i = 0; i < b->count; i++)
        if (b->text[i])
            store_bind_text(st, i + 1, b->text[i]);
        else if (b->is_real[i])
            store_bind_double(st, i + 1, b->real[i]);
        else
            store_bind_int64(st, i + 1, b->number[i]);
}

sitrep_status store_query(store *s, const store_filter *q, store_event_fn fn, void *user, diag *d)
{
    buf sql, fts;
    buf_init(&sql, 1 << 16);
    buf_init(&fts, 1 << 16);
    binds b = {0};
    store_stmt *st = NULL;
    sitrep_status status = build_query(s, &sql, &b, &fts, q, d);
    if (status == SITREP_ELIMIT)
        diag_set(d, "", 0, "the query is too long");
    if (!status && store_prepare_kept(s, sql.data, &st, d))
        status = SITREP_ESQL;
    if (!status)
        bind_all(st, &b);
    int rc = STORE_STEP_DONE;
    while (!status && (rc = store_step(st)) == STORE_STEP_ROW) {
        store_event e;
        memset(&e, 0, sizeof e);
        int c = 0;
        e.id = store_column_int64(st, c++);
        e.day = store_column_text(st, c++);
        e.source_code = store_column_text(st, c++);
        e.source_text = store_column_text(st, c++);
        e.source_country = store_column_text(st, c++);
        e.source_role = store_column_text(st, c++);
        e.target_code = store_column_text(st, c++);
        e.target_text = store_column_text(st, c++);
        e.target_country = store_column_text(st, c++);
        e.target_role = store_column_text(st, c++);
        e.cameo = store_column_text(st, c++);
        e.root = store_column_text(st, c++);
        e.label = store_column_text(st, c++);
        e.plover = store_column_text(st, c++);
        e.has_goldstein = !store_column_null(st, c);
        e.goldstein = store_column_double(st, c++);
        e.quad_class = (int)store_column_int64(st, c++);
        e.place_text = store_column_text(st, c++);
        e.place_name = store_column_text(st, c++);
        e.place_country = store_column_text(st, c++);
        e.has_coordinates = !store_column_null(st, c) && !store_column_null(st, c + 1);
        e.lat = store_column_double(st, c++);
        e.lon = store_column_double(st, c++);
        e.num_mentions = store_column_int64(st, c++);
        e.num_articles = store_column_int64(st, c++);
        e.num_sources = store_column_int64(st, c++);
        e.added = store_column_text(st, c++);
        e.article_id = store_column_text(st, c++);
        e.url = store_column_text(st, c++);
        e.publisher = store_column_text(st, c++);
        e.sentence = store_column_null(st, c) ? -1 : store_column_int64(st, c);
        c++;
        e.sentence_text = store_column_text(st, c++);
        e.modality = store_column_text(st, c++);
        e.attribution_kind = store_column_text(st, c++);
        e.attribution_text = store_column_text(st, c++);
        e.source_name = store_column_text(st, c++);
        e.target_name = store_column_text(st, c++);
        e.source_place = store_column_text(st, c++);
        e.target_place = store_column_text(st, c++);
        e.place_kind = store_column_text(st, c++);
        e.place_admin1 = store_column_text(st, c++);
        e.has_details = q->details;
        e.span_start = store_column_null(st, c) ? -1 : store_column_int64(st, c);
        c++;
        e.span_end = store_column_null(st, c) ? -1 : store_column_int64(st, c);
        c++;
        e.date_text = store_column_text(st, c++);
        e.date_value = store_column_text(st, c++);
        e.attribution_code = store_column_text(st, c++);
        e.quantities = store_column_text(st, c++);
        status = fn(user, &e);
    }
    if (!status && rc == STORE_STEP_ERROR)
        status = store_sql_error(s, d, "cannot query");
    store_done(st); /* before fts goes: it holds bound text */
    buf_release(&sql);
    buf_release(&fts);
    return status;
}

sitrep_status store_articles(store *s, store_article_fn fn, void *user, diag *d)
{
    store_stmt *st;
    if (store_prepare(s, "SELECT json FROM articles ORDER BY rowid", &st, d))
        return SITREP_ESQL;
    sitrep_status status = SITREP_OK;
    int rc = STORE_STEP_DONE;
    while (!status && (rc = store_step(st)) == STORE_STEP_ROW)
        status = fn(user, store_column_text(st, 0), store_column_bytes(st, 0));
    if (!status && rc == STORE_STEP_ERROR)
        status = store_sql_error(s, d, "cannot read articles");
    store_finalize(st);
    return status;
}

sitrep_status store_count(store *s, store_totals *t, diag *d)
{
    memset(t, 0, sizeof *t);
    struct {
        const char *sql;
        long long *out;
    } counts[] = {
        {"SELECT count(*) FROM articles", &t->articles},
        {"SELECT count(*) FROM sentences", &t->sentences},
        {"SELECT count(*) FROM actors", &t->actors},
        {"SELECT count(*) FROM events", &t->events},
        {"SELECT count(*) FROM mentions", &t->mentions},
        {"SELECT count(*) FROM quotes", &t->quotes},
        {"SELECT count(*) FROM quantities", &t->quantities},
        {"SELECT count(*) FROM dates", &t->dates},
        {"SELECT count(*) FROM places", &t->places},
        {"SELECT count(*) FROM events WHERE num_articles > 1", &t->merged},
    };
    for (size_t i = 0; i < ARRAY_LEN(counts); i++) {
        sitrep_status status = store_scalar(s, counts[i].sql, counts[i].out, d);
        if (status)
            return status;
    }
    return SITREP_OK;
}

sitrep_status store_summary(store *s, store_group group, long limit, store_group_fn fn, void *user,
                            diag *d)
{
    static const char *const sql[] = {
        [STORE_BY_ROOT] = "SELECT coalesce(root, '-'), count(*) FROM events GROUP BY root "
                          "ORDER BY 2 DESC, 1",
        [STORE_BY_DYAD] = "SELECT coalesce(source_code, '-') || ' -> ' || "
                          "coalesce(target_code, '-'), count(*) FROM events "
                          "GROUP BY source_code, target_code ORDER BY 2 DESC, 1",
        [STORE_BY_PLOVER] = "SELECT coalesce(plover, '-'), count(*) FROM events GROUP BY "
                            "plover ORDER BY 2 DESC, 1",
    };
    char text[512];
    if (limit > 0)
        snprintf(text, sizeof text, "%s LIMIT %ld", sql[group], limit);
    else
        snprintf(text, sizeof text, "%s", sql[group]);
    store_stmt *st;
    if (store_prepare(s, text, &st, d))
        return SITREP_ESQL;
    sitrep_status status = SITREP_OK;
    int rc = STORE_STEP_DONE;
    while (!status && (rc = store_step(st)) == STORE_STEP_ROW)
        status = fn(user, store_column_text(st, 0), store_column_int64(st, 1));
    if (!status && rc == STORE_STEP_ERROR)
        status = store_sql_error(s, d, "cannot summarise");
    store_finalize(st);
    return status;
}

sitrep_status store_expect_none(store *s, const char *sql, const char *problem, diag *d)
{
    store_stmt *st;
    if (store_prepare(s, sql, &st, d))
        return SITREP_ESQL;
    int rc = store_step(st);
    sitrep_status status = SITREP_OK;
    if (rc == STORE_STEP_ROW) {
        const char *what = store_column_text(st, 0);
        if (!(what && strcmp(what, "ok") == 0))
            status = diag_set(d, "", 0, "%s: %s", problem, what ? what : "?");
    } else if (rc == STORE_STEP_ERROR) {
        status = store_sql_error(s, d, "cannot check");
    }
    store_finalize(st);
    return status;
}

sitrep_status store_check_counts(store *s, diag *d)
{
    static const struct {
        const char *sql, *problem;
    } checks[] = {
        {"SELECT id FROM articles a WHERE "
         "n_sentences != (SELECT count(*) FROM sentences WHERE article = a.rowid) OR "
         "n_actors != (SELECT count(*) FROM actors WHERE article = a.rowid) OR "
         "n_events != (SELECT count(*) FROM mentions WHERE article = a.rowid) OR "
         "n_quotes != (SELECT count(*) FROM quotes WHERE article = a.rowid) OR "
         "n_quantities != (SELECT count(*) FROM quantities WHERE article = a.rowid AND "
         "mention IS NULL) OR "
         "n_dates != (SELECT count(*) FROM dates WHERE article = a.rowid) OR "
         "n_places != (SELECT count(*) FROM places WHERE article = a.rowid) OR "
         "n_warnings != (SELECT count(*) FROM warnings WHERE article = a.rowid) LIMIT 1",
         "an article is stored incompletely"},
        {"SELECT CAST(rowid AS TEXT) FROM events e WHERE "
         "num_mentions != (SELECT count(*) FROM mentions WHERE event = e.rowid) OR "
         "num_articles != (SELECT count(DISTINCT article) FROM mentions WHERE event = e.rowid) "
         "OR num_sources != (SELECT count(DISTINCT a.source_key) FROM mentions m JOIN articles a "
         "ON a.rowid = m.article WHERE m.event = e.rowid) LIMIT 1",
         "an event's counts disagree with its mentions"},
    };
    for (size_t i = 0; i < ARRAY_LEN(checks); i++) {
        sitrep_status status = store_expect_none(s, checks[i].sql, checks[i].problem, d);
        if (status)
            return status;
    }
    return SITREP_OK;
}

sitrep_status store_fts_words(store *s, buf *out, const char *text)
{
    if (!s->postgres)
        return fts_words(out, text);
    /* plainto_tsquery reads plain words: no syntax to escape; blank text has no word */
    const char *p = text;
    while (*p == ' ' || *p == '\t' || *p == '\n')
        p++;
    return *p ? buf_append_str(out, p) : SITREP_OK;
}

sitrep_status store_prepare_filtered(store *s, const store_filter *q, const char *sql_template,
                                     store_stmt **out, diag *d)
{
    *out = NULL;
    buf where, cond, source, target, fts, sql;
    buf_init(&where, 1 << 16);
    buf_init(&cond, 1 << 16);
    buf_init(&source, 1 << 10);
    buf_init(&target, 1 << 10);
    buf_init(&fts, 1 << 16);
    buf_init(&sql, 1 << 17);
    binds b = {0};
    sitrep_status status = build_where(s, &where, &b, &fts, q, text_is_common(s, q), d);
    const char *w = where.data ? where.data : "";
    bool by_source = q->actor && q->side && strcmp(q->side, "source") == 0;
    bool by_target = q->actor && q->side && strcmp(q->side, "target") == 0;
    if (!status && q->actor && !(status = prefix_clause(&source, &b, "e.source_code", q->actor)))
        status = prefix_clause(&target, &b, "e.target_code", q->actor);
    if (!status && (by_source || by_target))
        status = buf_printf(&cond, "%s%s", by_source ? source.data : target.data, w);
    else if (!status && q->actor)
        status = buf_printf(&cond,
                            "e.rowid IN (SELECT e.rowid FROM events e WHERE %s%s UNION "
                            "SELECT e.rowid FROM events e WHERE %s%s)",
                            source.data, w, target.data, w);
    else if (!status)
        status = buf_printf(&cond, "true%s", w);
    /* every "@WHERE" of the template becomes the condition (bind numbers repeat safely) */
    for (const char *p = sql_template; !status && *p;) {
        const char *at = strstr(p, "@WHERE");
        size_t n = at ? (size_t)(at - p) : strlen(p);
        status = buf_append(&sql, p, n);
        if (!status && at)
            status = buf_append_str(&sql, cond.data);
        p += n + (at ? 6 : 0);
    }
    if (status == SITREP_ELIMIT)
        diag_set(d, "", 0, "the query is too long");
    if (!status && store_prepare(s, sql.data, out, d))
        status = SITREP_ESQL;
    if (!status)
        bind_all(*out, &b);
    if (status && *out) {
        store_finalize(*out);
        *out = NULL;
    }
    buf_release(&where);
    buf_release(&cond);
    buf_release(&source);
    buf_release(&target);
    buf_release(&fts);
    buf_release(&sql);
    return status;
}
