/* store_put.c - writing one checked coded article (store_article.c) into the store: the
 * article row, its sentences, actors, quotes, quantities, dates, places and warnings, and its
 * events merged with the events already stored by the rule in docs/store.md. The SQL is
 * written once for both back ends; only the merging of an event differs: SQLite's single
 * writer looks the event up and updates it, PostgreSQL's many writers upsert against the
 * (merge_group, day_num) constraint and count mentions in a trigger (store_pg_schema.c).
 */
#include "store_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const statements[ST_COUNT] = {
    [ST_INS_ARTICLE] = "INSERT INTO articles (id, content_hash, url, published, publisher, "
                       "source_key, section, headline, byline, meta, n_sentences, n_actors, "
                       "n_events, n_quotes, n_quantities, n_dates, n_places, n_warnings, "
                       "ingested, json) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, "
                       "?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20) ON CONFLICT DO NOTHING",
    [ST_INS_SENTENCE] = "INSERT INTO sentences (article, n, start, \"end\", paragraph, text) "
                        "VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    [ST_INS_FTS] = "INSERT INTO sentences_fts (rowid, text) VALUES (last_insert_rowid(), ?1)",
    [ST_INS_ACTOR] = "INSERT INTO actors (article, sentence, start, \"end\", text, code) "
                     "VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    [ST_FIND_EVENT] = "SELECT rowid FROM events WHERE cameo IS ?1 AND source_code IS ?2 AND "
                      "target_code IS ?3 AND place_key = ?4 AND day_num BETWEEN ?5 AND ?6 "
                      "ORDER BY abs(day_num - ?7), rowid LIMIT 1",
    [ST_INS_EVENT] = "INSERT INTO events (day, day_num, source_code, source_country, source_role, "
                     "source_text, target_code, target_country, target_role, target_text, cameo, "
                     "root, label, plover, goldstein, quad_class, place_key, place_text, "
                     "place_name, place_country, lat, lon, num_mentions, num_articles, "
                     "num_sources, added, source_name, target_name, source_place, target_place, "
                     "place_kind, place_admin1) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, "
                     "?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, 1, 1, 1, ?23, "
                     "?24, ?25, ?26, ?27, ?28, ?29)",
    [ST_UPD_EVENT] = "UPDATE events SET num_mentions = num_mentions + 1, "
                     "num_articles = num_articles + ?2, num_sources = num_sources + ?3 "
                     "WHERE rowid = ?1",
    [ST_HAS_MENTION] = "SELECT 1 FROM mentions WHERE event = ?1 AND article = ?2 LIMIT 1",
    [ST_HAS_SOURCE] = "SELECT 1 FROM mentions m JOIN articles a ON a.rowid = m.article "
                      "WHERE m.event = ?1 AND a.source_key = ?2 LIMIT 1",
    [ST_INS_MENTION] = "INSERT INTO mentions (event, article, key, sentence, modality, "
                       "attribution_kind, attribution_text, attribution_code, attribution_cue, "
                       "source_text, target_text, date_text, date_value, place_text, "
                       "evidence_start, evidence_end, verb, rule) VALUES (?1, ?2, ?3, ?4, "
                       "?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18)",
    /* The nearest event of the group within the window, else a new one; a concurrent writer's
     * new event of the same group and day is taken over by ON CONFLICT. The mention's
     * trigger counts it (store_pg_schema.c). */
    [ST_MERGE_EVENT] =
        "WITH near AS (SELECT rowid FROM events WHERE merge_group = ?24 AND day_num BETWEEN "
        "?25::bigint AND ?26::bigint ORDER BY abs(day_num - ?2::bigint), rowid LIMIT 1), "
        "ins AS (INSERT INTO events (day, day_num, source_code, source_country, source_role, "
        "source_text, target_code, target_country, target_role, target_text, cameo, root, "
        "label, plover, goldstein, quad_class, place_key, place_text, place_name, "
        "place_country, lat, lon, added, merge_group, num_mentions, num_articles, num_sources, "
        "source_name, target_name, source_place, target_place, place_kind, place_admin1) "
        "SELECT ?1::text, ?2::bigint, ?3::text, ?4::text, ?5::text, ?6::text, ?7::text, "
        "?8::text, ?9::text, ?10::text, ?11::text, ?12::text, ?13::text, ?14::text, "
        "?15::float8, ?16::bigint, ?17::text, ?18::text, ?19::text, ?20::text, ?21::float8, "
        "?22::float8, ?23::text, ?24::text, 0, 0, 0, ?44::text, ?45::text, ?46::text, "
        "?47::text, ?48::text, ?49::text WHERE NOT EXISTS (SELECT 1 FROM near) "
        "ON CONFLICT (merge_group, day_num) DO UPDATE SET merge_group = EXCLUDED.merge_group "
        "RETURNING rowid) "
        "INSERT INTO mentions (event, article, key, sentence, modality, attribution_kind, "
        "attribution_text, attribution_code, attribution_cue, source_text, target_text, "
        "date_text, date_value, place_text, evidence_start, evidence_end, verb, rule) "
        "SELECT coalesce((SELECT rowid FROM near), (SELECT rowid FROM ins)), ?27::bigint, "
        "?28::text, ?29::bigint, ?30::text, ?31::text, ?32::text, ?33::text, ?34::text, "
        "?35::text, ?36::text, ?37::text, ?38::text, ?39::text, ?40::bigint, ?41::bigint, "
        "?42::text, ?43::text",
    [ST_LOCK_GROUP] = "SELECT pg_advisory_xact_lock(?1::bigint)",
    [ST_INS_QUOTE] = "INSERT INTO quotes (article, sentence, speaker_text, speaker_code, cue, "
                     "text, direct) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    [ST_INS_QUANTITY] = "INSERT INTO quantities (article, mention, value, unit, text, qualifier) "
                        "VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    [ST_INS_QUANTITY_LAST] = "INSERT INTO quantities (article, mention, value, unit, text, "
                             "qualifier) VALUES (?1, currval('mentions_rowid_seq'), ?2, ?3, "
                             "?4, ?5)",
    [ST_INS_DATE] = "INSERT INTO dates (article, text, value, json) VALUES (?1, ?2, ?3, ?4)",
    [ST_INS_PLACE] = "INSERT INTO places (article, text, name, country, lat, lon, json) "
                     "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    [ST_INS_WARNING] = "INSERT INTO warnings (article, kind, message) VALUES (?1, ?2, ?3)",
};

store_stmt *store_statement(store *s, int which, diag *d)
{
    if (!s->st[which]) {
        /* PostgreSQL's article insert says its rowid (SQLite's writer asks after it) */
        char sql[2048];
        const char *text = statements[which];
        if (s->postgres && which == ST_INS_ARTICLE) {
            snprintf(sql, sizeof sql, "%s RETURNING rowid", text);
            text = sql;
        }
        if (store_prepare(s, text, &s->st[which], d))
            return NULL;
        s->st[which]->reused = true;
    }
    return s->st[which];
}

/* ---- binding fields of a checked article ---- */

static void bind_num(store_stmt *st, int i, const cJSON *object, const char *key)
{
    double v;
    if (store_jnum(object, key, &v))
        store_bind_double(st, i, v);
    else
        store_bind_null(st, i);
}

static void bind_int(store_stmt *st, int i, const cJSON *object, const char *key)
{
    double v;
    if (store_jnum(object, key, &v) && v >= -9e15 && v <= 9e15)
        store_bind_int64(st, i, (long long)v);
    else
        store_bind_null(st, i);
}

static void bind_str(store_stmt *st, int i, const cJSON *object, const char *key)
{
    store_bind_text(st, i, store_jstr(object, key));
}

/* Runs the bound statement `st`; returns the rowid it gave back (RETURNING) or inserted (0
 * when neither) or -1 (d set) on error. */
static long long run(store *s, store_stmt *st, diag *d)
{
    int rc = store_step(st);
    long long id = rc == STORE_STEP_ROW    ? store_column_int64(st, 0)
                   : rc == STORE_STEP_DONE ? s->backend->inserted_id(s)
                                           : 0;
    if (rc == STORE_STEP_ERROR) {
        store_sql_error(s, d, "cannot store the article");
        id = -1;
    }
    store_reset(st);
    return id;
}

static int count_items(const cJSON *array)
{
    return array ? cJSON_GetArraySize(array) : 0;
}

/* ---- events ---- */

static sitrep_status put_quantity(store *s, long long article, const cJSON *q, long long mention,
                                  diag *d)
{
    store_stmt *st = store_statement(s, ST_INS_QUANTITY, d);
    if (!st)
        return SITREP_ESQL;
    store_bind_int64(st, 1, article);
    if (mention > 0)
        store_bind_int64(st, 2, mention);
    else
        store_bind_null(st, 2);
    bind_num(st, 3, q, "value");
    bind_str(st, 4, q, "unit");
    bind_str(st, 5, q, "text");
    bind_str(st, 6, q, "qualifier");
    return run(s, st, d) < 0 ? SITREP_ESQL : SITREP_OK;
}

/* Binds a side's place (a JSON object) as compact JSON text, or null. */
static void bind_json(store_stmt *st, int i, const cJSON *object)
{
    if (object)
        store_bind_text_free(st, i, cJSON_PrintUnformatted(object));
    else
        store_bind_null(st, i);
}

/* Binds the event's own columns as ?1..?23 (day ... added) of ST_INS_EVENT / ST_MERGE_EVENT,
 * and the six of migration 2 (source_name ... place_admin1) from `more` on. */
static void bind_event(store *s, store_stmt *st, const store_event_in *e, int more)
{
    const cJSON *ev = e->json;
    const cJSON *source = store_jobj(ev, "source"), *target = store_jobj(ev, "target");
    const cJSON *place = store_jobj(ev, "place");
    if (e->dated) {
        store_bind_text(st, 1, e->day);
        store_bind_int64(st, 2, e->day_num);
    } else {
        store_bind_null(st, 1);
        store_bind_null(st, 2);
    }
    bind_str(st, 3, source, "code");
    bind_str(st, 4, source, "country");
    bind_str(st, 5, source, "role");
    bind_str(st, 6, source, "text");
    bind_str(st, 7, target, "code");
    bind_str(st, 8, target, "country");
    bind_str(st, 9, target, "role");
    bind_str(st, 10, target, "text");
    bind_str(st, 11, ev, "cameo");
    store_bind_text(st, 12, e->root[0] ? e->root : store_jstr(ev, "root"));
    bind_str(st, 13, ev, "label");
    bind_str(st, 14, ev, "plover");
    bind_num(st, 15, ev, "goldstein");
    bind_int(st, 16, ev, "quad_class");
    store_bind_text(st, 17, e->place_key);
    bind_str(st, 18, place, "text");
    bind_str(st, 19, place, "name");
    bind_str(st, 20, place, "country");
    bind_num(st, 21, place, "lat");
    bind_num(st, 22, place, "lon");
    store_bind_text(st, 23, s->now);
    bind_str(st, more, source, "name");
    bind_str(st, more + 1, target, "name");
    bind_json(st, more + 2, store_jobj(source, "place"));
    bind_json(st, more + 3, store_jobj(target, "place"));
    bind_str(st, more + 4, place, "kind");
    bind_str(st, more + 5, place, "admin1");
}

/* Binds the mention's columns from `first` on: article, key ... rule (18 values). */
static void bind_mention(store_stmt *st, int first, const store_event_in *e)
{
    const cJSON *ev = e->json;
    const cJSON *attribution = store_jobj(ev, "attribution"), *date = store_jobj(ev, "date");
    const cJSON *evidence = store_jobj(ev, "evidence");
    int i = first;
    store_bind_int64(st, i++, e->article);
    bind_str(st, i++, ev, "id");
    bind_int(st, i++, ev, "sentence");
    bind_str(st, i++, ev, "modality");
    bind_str(st, i++, attribution, "kind");
    bind_str(st, i++, attribution, "text");
    bind_str(st, i++, attribution, "code");
    bind_str(st, i++, attribution, "cue");
    bind_str(st, i++, store_jobj(ev, "source"), "text");
    bind_str(st, i++, store_jobj(ev, "target"), "text");
    bind_str(st, i++, date, "text");
    bind_str(st, i++, date, "value");
    bind_str(st, i++, store_jobj(ev, "place"), "text");
    bind_int(st, i++, evidence, "start");
    bind_int(st, i++, evidence, "end");
    bind_str(st, i++, evidence, "verb");
    bind_str(st, i, evidence, "rule");
}

/* Whether the statement finds a row (*found); false on error (d set). */
static bool exists(store *s, store_stmt *st, bool *found, diag *d)
{
    int rc = store_step(st);
    store_reset(st);
    if (rc == STORE_STEP_ERROR) {
        store_sql_error(s, d, "cannot look up mentions");
        return false;
    }
    *found = rc == STORE_STEP_ROW;
    return true;
}

/* SQLite: one writer at a time, so the event is looked up, then updated or inserted. */
static long long merge_sqlite(store *s, const store_event_in *e, diag *d)
{
    const cJSON *ev = e->json;
    long long event = 0;
    store_stmt *st;
    if (e->dated) { /* undated events never merge */
        if (!(st = store_statement(s, ST_FIND_EVENT, d)))
            return -1;
        bind_str(st, 1, ev, "cameo");
        bind_str(st, 2, store_jobj(ev, "source"), "code");
        bind_str(st, 3, store_jobj(ev, "target"), "code");
        store_bind_text(st, 4, e->place_key);
        store_bind_int64(st, 5, e->day_num - s->options.dedup_days);
        store_bind_int64(st, 6, e->day_num + s->options.dedup_days);
        store_bind_int64(st, 7, e->day_num);
        int rc = store_step(st);
        if (rc == STORE_STEP_ROW)
            event = store_column_int64(st, 0);
        store_reset(st);
        if (rc == STORE_STEP_ERROR)
            return store_sql_error(s, d, "cannot look up events"), -1;
    }
    if (event) {
        bool seen_article, seen_source;
        if (!(st = store_statement(s, ST_HAS_MENTION, d)))
            return -1;
        store_bind_int64(st, 1, event);
        store_bind_int64(st, 2, e->article);
        if (!exists(s, st, &seen_article, d) || !(st = store_statement(s, ST_HAS_SOURCE, d)))
            return -1;
        store_bind_int64(st, 1, event);
        store_bind_text(st, 2, e->source_key);
        if (!exists(s, st, &seen_source, d) || !(st = store_statement(s, ST_UPD_EVENT, d)))
            return -1;
        store_bind_int64(st, 1, event);
        store_bind_int64(st, 2, !seen_article);
        store_bind_int64(st, 3, !seen_source);
        if (run(s, st, d) < 0)
            return -1;
    } else {
        if (!(st = store_statement(s, ST_INS_EVENT, d)))
            return -1;
        bind_event(s, st, e, 24);
        if ((event = run(s, st, d)) <= 0)
            return -1;
    }
    if (!(st = store_statement(s, ST_INS_MENTION, d)))
        return -1;
    store_bind_int64(st, 1, event);
    bind_mention(st, 2, e);
    return run(s, st, d);
}

/* PostgreSQL: many writers. With a window (--dedup-days) the nearest event can be any day of
 * it, which no constraint expresses: the group is locked until the batch commits, so that
 * writers take turns on it. Without one, the unique (merge_group, day_num) decides. */
static long long merge_pg(store *s, const store_event_in *e, diag *d)
{
    store_stmt *st;
    if (e->dated && s->options.dedup_days > 0) {
        if (!(st = store_statement(s, ST_LOCK_GROUP, d)))
            return -1;
        char key[32];
        unsigned long long bits = strtoull(e->group, NULL, 16);
        snprintf(key, sizeof key, "%lld", (long long)bits);
        store_bind_text(st, 1, key);
        if (run(s, st, d) < 0)
            return -1;
    }
    if (!(st = store_statement(s, ST_MERGE_EVENT, d)))
        return -1;
    bind_event(s, st, e, 44);
    if (e->dated) {
        store_bind_text(st, 24, e->group);
        store_bind_int64(st, 25, e->day_num - s->options.dedup_days);
        store_bind_int64(st, 26, e->day_num + s->options.dedup_days);
    } else {
        store_bind_null(st, 24);
        store_bind_null(st, 25);
        store_bind_null(st, 26);
    }
    bind_mention(st, 27, e);
    /* no rowid comes back (the statements may be sent without waiting): the quantities take
     * the session's last mention, and mentions.event NOT NULL refuses an event neither found
     * nor stored */
    return run(s, st, d) < 0 ? -1 : 1;
}

/* PostgreSQL: a quantity of the mention just written (currval of the session). */
static sitrep_status put_quantity_last(store *s, long long article, const cJSON *q, diag *d)
{
    store_stmt *st = store_statement(s, ST_INS_QUANTITY_LAST, d);
    if (!st)
        return SITREP_ESQL;
    store_bind_int64(st, 1, article);
    bind_num(st, 2, q, "value");
    bind_str(st, 3, q, "unit");
    bind_str(st, 4, q, "text");
    bind_str(st, 5, q, "qualifier");
    return run(s, st, d) < 0 ? SITREP_ESQL : SITREP_OK;
}

sitrep_status store_write_event(store *s, const store_event_in *e, diag *d)
{
    long long mention = s->postgres ? merge_pg(s, e, d) : merge_sqlite(s, e, d);
    if (mention <= 0)
        return SITREP_ESQL;
    const cJSON *q;
    cJSON_ArrayForEach(q, store_jarr(e->json, "quantities"))
    {
        sitrep_status status = s->postgres ? put_quantity_last(s, e->article, q, d)
                                           : put_quantity(s, e->article, q, mention, d);
        if (status)
            return status;
    }
    return SITREP_OK;
}

/* ---- the article ---- */

store_stmt *store_bind_article(store *s, const store_article *a, diag *d)
{
    const cJSON *root = a->root, *meta = store_jobj(root, "meta");
    static const char *const arrays[] = {"sentences",  "actors", "events", "quotes",
                                         "quantities", "dates",  "places", "warnings"};
    store_stmt *st = store_statement(s, ST_INS_ARTICLE, d);
    if (!st)
        return NULL;
    char *meta_json = meta ? cJSON_PrintUnformatted(meta) : NULL;
    store_bind_text(st, 1, a->id);
    store_bind_text(st, 2, a->hash);
    store_bind_text(st, 3, a->url);
    store_bind_text(st, 4, a->published);
    store_bind_text(st, 5, a->publisher);
    store_bind_text(st, 6, a->source_key);
    bind_str(st, 7, meta, "section");
    bind_str(st, 8, meta, "headline");
    bind_str(st, 9, meta, "byline");
    store_bind_text_free(st, 10, meta_json);
    for (size_t i = 0; i < ARRAY_LEN(arrays); i++)
        store_bind_int64(st, 11 + (int)i, count_items(store_jarr(root, arrays[i])));
    store_bind_text(st, 19, s->now);
    s->backend->bind_text(st, 20, a->json, (int)a->length);
    return st;
}

/* Inserts the rows of one array with `which`, binding each item with `bind`. */
typedef void (*bind_fn)(store_stmt *st, long long article, const cJSON *item, int index);

static sitrep_status put_items(store *s, int which, long long article, const cJSON *array,
                               bind_fn bind, diag *d)
{
    const cJSON *item;
    int index = 0;
    cJSON_ArrayForEach(item, array)
    {
        store_stmt *st = store_statement(s, which, d);
        if (!st)
            return SITREP_ESQL;
        bind(st, article, item, index++);
        if (run(s, st, d) < 0)
            return SITREP_ESQL;
    }
    return SITREP_OK;
}

static void bind_actor(store_stmt *st, long long article, const cJSON *item, int index)
{
    (void)index;
    store_bind_int64(st, 1, article);
    bind_int(st, 2, item, "sentence");
    bind_int(st, 3, item, "start");
    bind_int(st, 4, item, "end");
    bind_str(st, 5, item, "text");
    bind_str(st, 6, item, "code");
}

static void bind_quote(store_stmt *st, long long article, const cJSON *item, int index)
{
    (void)index;
    const cJSON *speaker = store_jobj(item, "speaker");
    const cJSON *direct = cJSON_GetObjectItemCaseSensitive(item, "direct");
    store_bind_int64(st, 1, article);
    bind_int(st, 2, item, "sentence");
    bind_str(st, 3, speaker, "text");
    bind_str(st, 4, speaker, "code");
    bind_str(st, 5, item, "cue");
    bind_str(st, 6, item, "text");
    if (cJSON_IsBool(direct))
        store_bind_int64(st, 7, cJSON_IsTrue(direct));
    else
        store_bind_null(st, 7);
}

static void bind_date(store_stmt *st, long long article, const cJSON *item, int index)
{
    (void)index;
    char *json = cJSON_PrintUnformatted(item);
    store_bind_int64(st, 1, article);
    bind_str(st, 2, item, "text");
    bind_str(st, 3, item, "value");
    store_bind_text_free(st, 4, json);
}

static void bind_place(store_stmt *st, long long article, const cJSON *item, int index)
{
    (void)index;
    char *json = cJSON_PrintUnformatted(item);
    store_bind_int64(st, 1, article);
    bind_str(st, 2, item, "text");
    bind_str(st, 3, item, "name");
    bind_str(st, 4, item, "country");
    bind_num(st, 5, item, "lat");
    bind_num(st, 6, item, "lon");
    store_bind_text_free(st, 7, json);
}

static void bind_warning(store_stmt *st, long long article, const cJSON *item, int index)
{
    (void)index;
    store_bind_int64(st, 1, article);
    if (cJSON_IsString(item)) {
        store_bind_null(st, 2);
        store_bind_text(st, 3, item->valuestring);
    } else {
        bind_str(st, 2, item, "kind");
        bind_str(st, 3, item, "message");
    }
}

static sitrep_status put_sentences(store *s, long long article, const cJSON *sentences, diag *d)
{
    const cJSON *item;
    int n = 0;
    cJSON_ArrayForEach(item, sentences)
    {
        store_stmt *st = store_statement(s, ST_INS_SENTENCE, d);
        if (!st)
            return SITREP_ESQL;
        const char *text = store_jstr(item, "text");
        double number;
        store_bind_int64(st, 1, article);
        /* store_article_read made sure n is a whole number from 0 to INT32_MAX */
        store_bind_int64(st, 2, store_jnum(item, "n", &number) ? (long long)number : n);
        bind_int(st, 3, item, "start");
        bind_int(st, 4, item, "end");
        bind_int(st, 5, item, "paragraph");
        store_bind_text(st, 6, text ? text : "");
        if (run(s, st, d) < 0)
            return SITREP_ESQL;
        if (!s->postgres) { /* PostgreSQL indexes the sentence's own tsvector column */
            if (!(st = store_statement(s, ST_INS_FTS, d)))
                return SITREP_ESQL;
            store_bind_text(st, 1, text ? text : "");
            if (run(s, st, d) < 0)
                return SITREP_ESQL;
        }
        n++;
    }
    return SITREP_OK;
}

sitrep_status store_write_article(store *s, store_article *a, store_outcome *outcome,
                                  store_event_in **events, size_t *nevents, size_t *cap, diag *d)
{
    *outcome = STORE_DUPLICATE;
    store_stmt *st = store_bind_article(s, a, d);
    long long article = st ? run(s, st, d) : -1;
    if (article <= 0)
        return article < 0 ? SITREP_ESQL : SITREP_OK; /* 0: already stored (same id or content) */
    sitrep_status status = store_write_rows(s, a, article, events, nevents, cap, d);
    if (!status)
        *outcome = STORE_ADDED;
    return status;
}

sitrep_status store_write_rows(store *s, const store_article *a, long long article,
                               store_event_in **events, size_t *nevents, size_t *cap, diag *d)
{
    sitrep_status status;
    const cJSON *root = a->root;
    if ((status = put_sentences(s, article, store_jarr(root, "sentences"), d)) ||
        (status = put_items(s, ST_INS_ACTOR, article, store_jarr(root, "actors"), bind_actor, d)))
        return status;
    const cJSON *item;
    cJSON_ArrayForEach(item, store_jarr(root, "events"))
    {
        store_event_in e;
        store_event_prepare(&e, item, a->published);
        e.article = article;
        e.source_key = a->source_key;
        if (!events) {
            if ((status = store_write_event(s, &e, d)))
                return status;
            continue;
        }
        if (*nevents == *cap) {
            *cap = *cap ? *cap * 2 : 256;
            *events = xrealloc(*events, *cap * sizeof **events);
        }
        e.sequence = (long)*nevents;
        (*events)[(*nevents)++] = e;
    }
    if ((status = put_items(s, ST_INS_QUOTE, article, store_jarr(root, "quotes"), bind_quote, d)))
        return status;
    cJSON_ArrayForEach(item, store_jarr(root, "quantities"))
    {
        if ((status = put_quantity(s, article, item, 0, d)))
            return status;
    }
    if ((status = put_items(s, ST_INS_DATE, article, store_jarr(root, "dates"), bind_date, d)) ||
        (status = put_items(s, ST_INS_PLACE, article, store_jarr(root, "places"), bind_place, d)) ||
        (status =
             put_items(s, ST_INS_WARNING, article, store_jarr(root, "warnings"), bind_warning, d)))
        return status;
    return SITREP_OK;
}
