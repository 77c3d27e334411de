/* store_sqlite.c - the SQLite back end of the event store (the embedded default): open and
 * migrate (store_schema.c), batches (one transaction each, WAL journal, so a killed process
 * leaves whole batches only), the statement calls of store_backend, and the checks only SQLite
 * needs. A read-only file whose journal cannot be shared is read as it is on disk.
 */
#include "store_internal.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

typedef struct sqlite_store {
    store base;
    sqlite3 *db;
} sqlite_store;

typedef struct sqlite_stmt {
    store_stmt base;
    sqlite3_stmt *st;
} sqlite_stmt;

static sqlite3 *db_of(store *s)
{
    return ((sqlite_store *)s)->db;
}

static sqlite3_stmt *stmt_of(store_stmt *st)
{
    return ((sqlite_stmt *)st)->st;
}

static const char *sqlite_error(store *s)
{
    return sqlite3_errmsg(db_of(s));
}

static sitrep_status sqlite_exec(store *s, const char *sql, diag *d)
{
    char *message = NULL;
    if (sqlite3_exec(db_of(s), sql, NULL, NULL, &message) != SQLITE_OK) {
        diag_set(d, "", 0, "%s", message ? message : sqlite3_errmsg(db_of(s)));
        sqlite3_free(message);
        return SITREP_ESQL;
    }
    return SITREP_OK;
}

/* Like sqlite_exec, but waits out SQLITE_BUSY and SQLITE_LOCKED for up to the busy timeout.
 * Switching a new database to WAL needs an exclusive lock, and SQLite reports that conflict at
 * once instead of calling the busy handler, so two processes opening one new database would
 * otherwise fail with "database is locked". */
static sitrep_status exec_retry(store *s, const char *sql, diag *d)
{
    long waited_ms = 0;
    for (;;) {
        char *message = NULL;
        int rc = sqlite3_exec(db_of(s), sql, NULL, NULL, &message);
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
        diag_set(d, "", 0, "%s", message ? message : sqlite3_errmsg(db_of(s)));
        sqlite3_free(message);
        return SITREP_ESQL;
    }
}

/* ---- statements ---- */

static sitrep_status sqlite_prepare(store *s, const char *sql, store_stmt **out, diag *d)
{
    sqlite3_stmt *st;
    if (sqlite3_prepare_v3(db_of(s), sql, -1, SQLITE_PREPARE_PERSISTENT, &st, NULL) != SQLITE_OK)
        return store_sql_error(s, d, "cannot prepare a statement");
    sqlite_stmt *wrapped = xcalloc(1, sizeof *wrapped);
    wrapped->base.owner = s;
    wrapped->st = st;
    *out = &wrapped->base;
    return SITREP_OK;
}

static void sqlite_bind_text(store_stmt *st, int i, const char *text, int length)
{
    if (text)
        sqlite3_bind_text(stmt_of(st), i, text, length, SQLITE_STATIC);
    else
        sqlite3_bind_null(stmt_of(st), i);
}

static void sqlite_bind_text_free(store_stmt *st, int i, char *text)
{
    if (text)
        sqlite3_bind_text(stmt_of(st), i, text, -1, free);
    else
        sqlite3_bind_null(stmt_of(st), i);
}

static long long sqlite_inserted_id(store *s)
{
    return sqlite3_changes(db_of(s)) > 0 ? sqlite3_last_insert_rowid(db_of(s)) : 0;
}

static void sqlite_bind_int64(store_stmt *st, int i, long long value)
{
    sqlite3_bind_int64(stmt_of(st), i, value);
}

static void sqlite_bind_double(store_stmt *st, int i, double value)
{
    sqlite3_bind_double(stmt_of(st), i, value);
}

static void sqlite_bind_null(store_stmt *st, int i)
{
    sqlite3_bind_null(stmt_of(st), i);
}

static int sqlite_step(store_stmt *st)
{
    int rc = sqlite3_step(stmt_of(st));
    return rc == SQLITE_ROW    ? STORE_STEP_ROW
           : rc == SQLITE_DONE ? STORE_STEP_DONE
                               : STORE_STEP_ERROR;
}

static bool sqlite_column_null(store_stmt *st, int i)
{
    return sqlite3_column_type(stmt_of(st), i) == SQLITE_NULL;
}

static const char *sqlite_column_text(store_stmt *st, int i)
{
    return (const char *)sqlite3_column_text(stmt_of(st), i);
}

static size_t sqlite_column_bytes(store_stmt *st, int i)
{
    return (size_t)sqlite3_column_bytes(stmt_of(st), i);
}

static long long sqlite_column_int64(store_stmt *st, int i)
{
    return sqlite3_column_int64(stmt_of(st), i);
}

static double sqlite_column_double(store_stmt *st, int i)
{
    return sqlite3_column_double(stmt_of(st), i);
}

static void sqlite_reset(store_stmt *st)
{
    sqlite3_reset(stmt_of(st));
    sqlite3_clear_bindings(stmt_of(st));
}

static void sqlite_finalize(store_stmt *st)
{
    sqlite3_finalize(stmt_of(st));
    free(st);
}

/* ---- open and migrate ---- */

static sitrep_status user_version(store *s, int *version, int *code, diag *d)
{
    sqlite3_stmt *st;
    *code = SQLITE_OK;
    int rc = sqlite3_prepare_v2(db_of(s), "PRAGMA user_version", -1, &st, NULL);
    if (rc != SQLITE_OK) {
        *code = sqlite3_extended_errcode(db_of(s));
        return store_sql_error(s, d, "cannot read the schema version");
    }
    rc = sqlite3_step(st);
    *version = rc == SQLITE_ROW ? sqlite3_column_int(st, 0) : 0;
    if (rc != SQLITE_ROW)
        *code = sqlite3_extended_errcode(db_of(s));
    sqlite3_finalize(st);
    if (rc != SQLITE_ROW)
        return store_sql_error(s, d, "cannot read the schema version");
    return SITREP_OK;
}

static sitrep_status migrate(store *s, int version, diag *d)
{
    if ((size_t)version > store_nmigrations) {
        diag_set(d, "", 0, "the database has schema version %d; this sitrep knows up to %zu",
                 version, store_nmigrations);
        return SITREP_ESQL;
    }
    int code;
    sitrep_status status;
    while ((size_t)version < store_nmigrations) {
        if (s->options.read_only) {
            diag_set(d, "", 0,
                     "the database needs upgrading (schema %d of %zu); open it for "
                     "writing once",
                     version, store_nmigrations);
            return SITREP_ESQL;
        }
        if ((status = sqlite_exec(s, "BEGIN IMMEDIATE", d)))
            return status;
        /* Another process may have migrated while we waited for the write lock. */
        if ((status = user_version(s, &version, &code, d))) {
            sqlite_exec(s, "ROLLBACK", d);
            return status;
        }
        if ((size_t)version >= store_nmigrations) {
            sqlite3_exec(db_of(s), "ROLLBACK", NULL, NULL, NULL);
            break;
        }
        char pragma[64];
        snprintf(pragma, sizeof pragma, "PRAGMA user_version = %d", version + 1);
        for (const char *const *sql = store_migrations[version]; *sql && !status; sql++)
            status = sqlite_exec(s, *sql, d);
        if (status || (status = sqlite_exec(s, pragma, d)) ||
            (status = sqlite_exec(s, "COMMIT", d))) {
            sqlite3_exec(db_of(s), "ROLLBACK", NULL, NULL, NULL);
            return status;
        }
        version++;
    }
    return SITREP_OK;
}

/* Opens path read-only as it is on disk ("immutable": no journal, no locks). Used when the
 * WAL journal's shared-memory file can neither be opened nor made (a read-only file or
 * folder), and only when no unfinished WAL journal holds writes the file lacks. */
static sitrep_status open_as_on_disk(store *s, const char *path, diag *d)
{
    char wal[4096];
    struct stat st;
    snprintf(wal, sizeof wal, "%s-wal", path);
    if (stat(wal, &st) == 0 && st.st_size > 0) {
        diag_set(d, path, 0,
                 "cannot read the database: its journal %s holds writes this user cannot "
                 "share (open it once as its owner, e.g. `sitrep stats --db %s`)",
                 wal, path);
        return SITREP_EIO;
    }
    sqlite3_close(db_of(s));
    ((sqlite_store *)s)->db = NULL;
    buf uri;
    buf_init(&uri, 3 * 4096 + 64);
    sitrep_status status = buf_append_str(&uri, "file:");
    for (const unsigned char *p = (const unsigned char *)path; *p && !status; p++)
        status = (*p == '%' || *p == '?' || *p == '#' || *p < 0x20)
                     ? buf_printf(&uri, "%%%02X", *p)
                     : buf_append_char(&uri, (char)*p);
    if (!status)
        status = buf_append_str(&uri, "?immutable=1");
    if (status || sqlite3_open_v2(uri.data, &((sqlite_store *)s)->db,
                                  SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX,
                                  NULL) != SQLITE_OK) {
        diag_set(d, path, 0, "cannot open the database: %s",
                 db_of(s) ? sqlite3_errmsg(db_of(s)) : "the path is too long");
        status = SITREP_EIO;
    }
    buf_release(&uri);
    return status;
}

static bool is_memory(const char *path)
{
    return path[0] == '\0' || strcmp(path, ":memory:") == 0;
}

sitrep_status store_sqlite_open(const char *path, const store_options *options, store **out,
                                diag *d)
{
    struct stat st;
    if (options->must_exist && !is_memory(path) && stat(path, &st) != 0) {
        diag_set(d, path, 0, "no database here (`sitrep ingest --db %s` makes one)", path);
        return SITREP_EIO;
    }
    sqlite_store *ss = xcalloc(1, sizeof *ss);
    store *s = &ss->base;
    s->backend = &store_sqlite_backend;
    s->options = *options;
    int flags =
        s->options.read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
    if (sqlite3_open_v2(path, &ss->db, flags | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK) {
        diag_set(d, path, 0, "cannot open the database: %s",
                 ss->db ? sqlite3_errmsg(ss->db) : "out of memory");
        store_free(s);
        return SITREP_EIO;
    }
    sqlite3_busy_timeout(ss->db, s->options.busy_timeout_ms);
    sitrep_status status = SITREP_OK;
    int version = 0, code = SQLITE_OK;
    if (s->options.read_only) {
        /* The first read opens the WAL journal's shared memory, which fails (READONLY or
         * CANTOPEN) when this user may not write the file or its folder. */
        status = user_version(s, &version, &code, d);
        int primary = code & 0xFF;
        if (status && (primary == SQLITE_READONLY || primary == SQLITE_CANTOPEN)) {
            diag_clear(d);
            status = open_as_on_disk(s, path, d);
            if (!status) {
                sqlite3_busy_timeout(ss->db, s->options.busy_timeout_ms);
                status = user_version(s, &version, &code, d);
            }
        }
    } else {
        status = exec_retry(s, "PRAGMA journal_mode = WAL", d);
    }
    if (!status)
        /* A large page cache and rarer checkpoints keep a batch's index pages in memory
         * (about 3x faster ingest than the defaults); NORMAL sync is durable in WAL mode
         * except for the last transactions before a power cut, never inconsistent. */
        status = sqlite_exec(s,
                             "PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL; "
                             "PRAGMA cache_size = -131072; PRAGMA temp_store = MEMORY; "
                             "PRAGMA wal_autocheckpoint = 8192",
                             d);
    if (!status && s->options.cache_kib > 0) {
        char pragma[64];
        snprintf(pragma, sizeof pragma, "PRAGMA cache_size = -%d", s->options.cache_kib);
        status = sqlite_exec(s, pragma, d);
    }
    if (!status && !s->options.read_only)
        status = user_version(s, &version, &code, d);
    if (!status)
        status = migrate(s, version, d);
    if (status) {
        if (!d->path[0])
            snprintf(d->path, sizeof d->path, "%s", path);
        store_free(s);
        return status;
    }
    *out = s;
    return SITREP_OK;
}

static void sqlite_close(store *s)
{
    sqlite3_close(db_of(s));
    free(s);
}

/* ---- batches ---- */

static sitrep_status sqlite_begin(store *s, diag *d)
{
    /* IMMEDIATE takes the write lock now, so two writers queue instead of deadlocking. */
    sitrep_status status = sqlite_exec(s, "BEGIN IMMEDIATE", d);
    if (status)
        return status;
    s->in_batch = true;
    time_t now = time(NULL);
    struct tm tm;
    gmtime_r(&now, &tm);
    strftime(s->now, sizeof s->now, "%Y%m%d%H%M%S", &tm);
    return SITREP_OK;
}

static void sqlite_rollback(store *s)
{
    if (!sqlite3_get_autocommit(db_of(s)))
        sqlite3_exec(db_of(s), "ROLLBACK", NULL, NULL, NULL);
    s->in_batch = false;
}

static sitrep_status sqlite_commit(store *s, diag *d)
{
    sitrep_status status = sqlite_exec(s, "COMMIT", d);
    if (status) {
        sqlite_rollback(s);
        return status;
    }
    s->in_batch = false;
    return SITREP_OK;
}

/* No savepoint per article: FTS5 flushes its pending index data at every savepoint, which
 * made ingest about 3x slower. The article was checked whole, so a failure now is the
 * database's, and the caller rolls the batch back. */
static sitrep_status sqlite_put(store *s, store_article *a, store_outcome *outcome, diag *d)
{
    sitrep_status status = store_write_article(s, a, outcome, NULL, NULL, NULL, d);
    if (!status && *outcome == STORE_ADDED)
        s->batch.added++;
    else if (!status)
        s->batch.duplicates++;
    store_article_release(a);
    return status;
}

/* ---- checks ---- */

static sitrep_status sqlite_check(store *s, diag *d)
{
    sitrep_status status;
    if ((status = store_expect_none(s, "PRAGMA integrity_check", "integrity check failed", d)) ||
        (status = store_expect_none(
             s, "SELECT \"table\" || ' row ' || rowid FROM pragma_foreign_key_check",
             "a row points at nothing", d)) ||
        (status = store_check_counts(s, d)))
        return status;
    /* FTS5's own check, against the sentences table too (rank 1). */
    if (sqlite_exec(s,
                    "INSERT INTO sentences_fts (sentences_fts, rank) VALUES "
                    "('integrity-check', 1)",
                    d))
        return diag_set(d, "", 0, "the full-text index is out of step with the sentences");
    return SITREP_OK;
}

static sitrep_status sqlite_data_version(store *s, long long *out, diag *d)
{
    return store_scalar(s, "PRAGMA data_version", out, d);
}

const store_backend store_sqlite_backend = {
    .name = "SQLite",
    .close = sqlite_close,
    .exec = sqlite_exec,
    .begin = sqlite_begin,
    .commit = sqlite_commit,
    .rollback = sqlite_rollback,
    .put = sqlite_put,
    .check = sqlite_check,
    .data_version = sqlite_data_version,
    .prepare = sqlite_prepare,
    .bind_text = sqlite_bind_text,
    .bind_text_free = sqlite_bind_text_free,
    .bind_int64 = sqlite_bind_int64,
    .bind_double = sqlite_bind_double,
    .bind_null = sqlite_bind_null,
    .step = sqlite_step,
    .column_null = sqlite_column_null,
    .column_text = sqlite_column_text,
    .column_bytes = sqlite_column_bytes,
    .column_int64 = sqlite_column_int64,
    .column_double = sqlite_column_double,
    .reset = sqlite_reset,
    .finalize = sqlite_finalize,
    .error = sqlite_error,
    .inserted_id = sqlite_inserted_id,
};
