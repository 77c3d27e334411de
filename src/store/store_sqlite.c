/* store_sqlite.c - the SQLite back end of the event store: the default path, open and
 * migrate (store_schema.c), the prepared statements, and batches (one transaction each, WAL
 * journal, so a killed process leaves whole batches only). Storing one coded article is
 * store_put.c; queries are store_query.c and store_browse.c.
 */
#include "store_sqlite.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

_Static_assert(ST_COUNT <= 20, "store.st is too small");

static const char *const statements[ST_COUNT] = {
    [ST_FIND_ARTICLE] = "SELECT 1 FROM articles WHERE id = ?1 UNION ALL "
                        "SELECT 1 FROM articles WHERE content_hash = ?2 LIMIT 1",
    [ST_INS_ARTICLE] = "INSERT INTO articles (id, content_hash, url, published, publisher, "
                       "source_key, section, headline, byline, meta, n_sentences, n_actors, "
                       "n_events, n_quotes, n_quantities, n_dates, n_places, n_warnings, "
                       "ingested, json) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, "
                       "?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20)",
    [ST_INS_SENTENCE] = "INSERT INTO sentences (article, n, start, \"end\", paragraph, text) "
                        "VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    [ST_INS_FTS] = "INSERT INTO sentences_fts (rowid, text) VALUES (?1, ?2)",
    [ST_INS_ACTOR] = "INSERT INTO actors (article, sentence, start, \"end\", text, code) "
                     "VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    [ST_FIND_EVENT] = "SELECT rowid FROM events WHERE cameo IS ?1 AND source_code IS ?2 AND "
                      "target_code IS ?3 AND place_key = ?4 AND day_num BETWEEN ?5 AND ?6 "
                      "ORDER BY abs(day_num - ?7), rowid LIMIT 1",
    [ST_INS_EVENT] = "INSERT INTO events (day, day_num, source_code, source_country, source_role, "
                     "source_text, target_code, target_country, target_role, target_text, cameo, "
                     "root, label, plover, goldstein, quad_class, place_key, place_text, "
                     "place_name, place_country, lat, lon, num_mentions, num_articles, "
                     "num_sources, added) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, "
                     "?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, 1, 1, 1, ?23)",
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
    [ST_INS_QUOTE] = "INSERT INTO quotes (article, sentence, speaker_text, speaker_code, cue, "
                     "text, direct) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    [ST_INS_QUANTITY] = "INSERT INTO quantities (article, mention, value, unit, text, qualifier) "
                        "VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    [ST_INS_DATE] = "INSERT INTO dates (article, text, value, json) VALUES (?1, ?2, ?3, ?4)",
    [ST_INS_PLACE] = "INSERT INTO places (article, text, name, country, lat, lon, json) "
                     "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    [ST_INS_WARNING] = "INSERT INTO warnings (article, kind, message) VALUES (?1, ?2, ?3)",
};

sitrep_status store_sql_error(store *s, diag *d, const char *what)
{
    diag_set(d, "", 0, "%s: %s", what, sqlite3_errmsg(s->db));
    return SITREP_ESQL;
}

sitrep_status store_exec(store *s, const char *sql, diag *d)
{
    char *message = NULL;
    if (sqlite3_exec(s->db, sql, NULL, NULL, &message) != SQLITE_OK) {
        diag_set(d, "", 0, "%s", message ? message : sqlite3_errmsg(s->db));
        sqlite3_free(message);
        return SITREP_ESQL;
    }
    return SITREP_OK;
}

/* Like store_exec, but waits out SQLITE_BUSY and SQLITE_LOCKED for up to the busy timeout.
 * Switching a new database to WAL needs an exclusive lock, and SQLite reports that conflict at
 * once instead of calling the busy handler, so two processes opening one new database would
 * otherwise fail with "database is locked". */
static sitrep_status store_exec_retry(store *s, const char *sql, diag *d)
{
    long waited_ms = 0;
    for (;;) {
        char *message = NULL;
        int rc = sqlite3_exec(s->db, sql, NULL, NULL, &message);
        if (rc == SQLITE_OK)
            return SITREP_OK;
        int primary = rc & 0xFF;
        if ((primary == SQLITE_BUSY || primary == SQLITE_LOCKED) &&
            waited_ms < s->options.busy_timeout_ms) {
            sqlite3_free(message);
            struct timespec pause = {0, 10 * 1000 * 1000};
            nanosleep(&pause, NULL);
            waited_ms += 10;
            continue;
        }
        diag_set(d, "", 0, "%s", message ? message : sqlite3_errmsg(s->db));
        sqlite3_free(message);
        return SITREP_ESQL;
    }
}

/* ---- default path ---- */

static bool make_dirs(char *path)
{
    for (char *p = path + 1; *p; p++) {
        if (*p != '/')
            continue;
        *p = '\0';
        bool ok = mkdir(path, 0755) == 0 || errno == EEXIST;
        *p = '/';
        if (!ok)
            return false;
    }
    return mkdir(path, 0755) == 0 || errno == EEXIST;
}

sitrep_status store_default_path(char *out, size_t outlen, diag *d)
{
    const char *xdg = getenv("XDG_DATA_HOME");
    const char *home = getenv("HOME");
    char dir[4096];
    int n;
    /* The XDG spec says a relative XDG_DATA_HOME is invalid and must be ignored. */
    if (xdg && xdg[0] == '/')
        n = snprintf(dir, sizeof dir, "%s/sitrep", xdg);
    else if (home && home[0])
        n = snprintf(dir, sizeof dir, "%s/.local/share/sitrep", home);
    else
        return diag_set(d, "", 0, "no --db given and neither XDG_DATA_HOME nor HOME is set"),
               SITREP_EIO;
    if (n < 0 || (size_t)n >= sizeof dir || (size_t)n + sizeof "/events.db" > outlen)
        return SITREP_ELIMIT;
    if (!make_dirs(dir)) {
        diag_set(d, dir, 0, "cannot create the directory: %s", strerror(errno));
        return SITREP_EIO;
    }
    snprintf(out, outlen, "%s/events.db", dir);
    return SITREP_OK;
}

/* ---- open and migrate ---- */

static sitrep_status user_version(store *s, int *version, diag *d)
{
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(s->db, "PRAGMA user_version", -1, &st, NULL) != SQLITE_OK)
        return store_sql_error(s, d, "cannot read the schema version");
    int rc = sqlite3_step(st);
    *version = rc == SQLITE_ROW ? sqlite3_column_int(st, 0) : 0;
    sqlite3_finalize(st);
    if (rc != SQLITE_ROW)
        return store_sql_error(s, d, "cannot read the schema version");
    return SITREP_OK;
}

static sitrep_status migrate(store *s, diag *d)
{
    int version;
    sitrep_status status = user_version(s, &version, d);
    if (status)
        return status;
    if ((size_t)version > store_nmigrations) {
        diag_set(d, "", 0, "the database has schema version %d; this sitrep knows up to %zu",
                 version, store_nmigrations);
        return SITREP_ESQL;
    }
    while ((size_t)version < store_nmigrations) {
        if (s->options.read_only) {
            diag_set(d, "", 0,
                     "the database needs upgrading (schema %d of %zu); open it for "
                     "writing once",
                     version, store_nmigrations);
            return SITREP_ESQL;
        }
        if ((status = store_exec(s, "BEGIN IMMEDIATE", d)))
            return status;
        /* Another process may have migrated while we waited for the write lock. */
        if ((status = user_version(s, &version, d))) {
            store_rollback(s);
            return status;
        }
        if ((size_t)version >= store_nmigrations) {
            store_rollback(s);
            break;
        }
        char pragma[64];
        snprintf(pragma, sizeof pragma, "PRAGMA user_version = %d", version + 1);
        for (const char *const *sql = store_migrations[version]; *sql && !status; sql++)
            status = store_exec(s, *sql, d);
        if (status || (status = store_exec(s, pragma, d)) ||
            (status = store_exec(s, "COMMIT", d))) {
            store_rollback(s);
            return status;
        }
        version++;
    }
    return SITREP_OK;
}

sitrep_status store_open(const char *path, const store_options *options, store **out, diag *d)
{
    *out = NULL;
    store *s = xcalloc(1, sizeof *s);
    if (options)
        s->options = *options;
    if (s->options.busy_timeout_ms <= 0)
        s->options.busy_timeout_ms = 60000;
    if (s->options.dedup_days < 0)
        s->options.dedup_days = 0;
    int flags =
        s->options.read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
    if (sqlite3_open_v2(path, &s->db, flags | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK) {
        diag_set(d, path, 0, "cannot open the database: %s",
                 s->db ? sqlite3_errmsg(s->db) : "out of memory");
        store_close(s);
        return SITREP_EIO;
    }
    sqlite3_busy_timeout(s->db, s->options.busy_timeout_ms);
    sitrep_status status = SITREP_OK;
    if (!s->options.read_only)
        status = store_exec_retry(s, "PRAGMA journal_mode = WAL", d);
    if (!status)
        /* A large page cache and rarer checkpoints keep a batch's index pages in memory
         * (about 3x faster ingest than the defaults); NORMAL sync is durable in WAL mode
         * except for the last transactions before a power cut, never inconsistent. */
        status = store_exec(s,
                            "PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL; "
                            "PRAGMA cache_size = -131072; PRAGMA temp_store = MEMORY; "
                            "PRAGMA wal_autocheckpoint = 8192",
                            d);
    if (!status && s->options.cache_kib > 0) {
        char pragma[64];
        snprintf(pragma, sizeof pragma, "PRAGMA cache_size = -%d", s->options.cache_kib);
        status = store_exec(s, pragma, d);
    }
    if (!status)
        status = migrate(s, d);
    for (int i = 0; !status && !s->options.read_only && i < ST_COUNT; i++)
        if (sqlite3_prepare_v3(s->db, statements[i], -1, SQLITE_PREPARE_PERSISTENT, &s->st[i],
                               NULL) != SQLITE_OK)
            status = store_sql_error(s, d, "cannot prepare a statement");
    if (status) {
        if (!d->path[0])
            snprintf(d->path, sizeof d->path, "%s", path);
        store_close(s);
        return status;
    }
    *out = s;
    return SITREP_OK;
}

void store_close(store *s)
{
    if (!s)
        return;
    if (s->in_batch)
        store_rollback(s);
    for (int i = 0; i < ST_COUNT; i++)
        sqlite3_finalize(s->st[i]);
    sqlite3_close(s->db);
    free(s);
}

/* ---- batches ---- */

sitrep_status store_begin(store *s, diag *d)
{
    /* IMMEDIATE takes the write lock now, so two writers queue instead of deadlocking. */
    sitrep_status status = store_exec(s, "BEGIN IMMEDIATE", d);
    if (status)
        return status;
    s->in_batch = true;
    time_t now = time(NULL);
    struct tm tm;
    gmtime_r(&now, &tm);
    strftime(s->now, sizeof s->now, "%Y%m%d%H%M%S", &tm);
    return SITREP_OK;
}

sitrep_status store_commit(store *s, diag *d)
{
    sitrep_status status = store_exec(s, "COMMIT", d);
    if (status) {
        store_rollback(s);
        return status;
    }
    s->in_batch = false;
    return SITREP_OK;
}

void store_rollback(store *s)
{
    if (!sqlite3_get_autocommit(s->db))
        sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
    s->in_batch = false;
}
