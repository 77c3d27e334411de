/* store_pg.c - the PostgreSQL back end of the event store (libpq), for many writers and
 * readers sharing one server: connect and migrate (store_pg_schema.c), the statement calls of
 * store_backend (parameters as text, rows streamed one at a time), and batches that are kept
 * in memory until commit, then written in one transaction with events in the order of their
 * merge groups (writers never wait on each other in a circle), and written again when the
 * server aborts them as a deadlock or serialization failure. A batch's statements are sent in
 * libpq's pipeline mode (hundreds per round trip instead of one), and the plain inserts of an
 * article's sentences, actors, quotes, dates, places and warnings go in by COPY.
 */
#include "store_internal.h"

#include <libpq-fe.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define MAX_PARAMS 64
#define MAX_TRIES 5
#define PIPELINE_DEPTH 512 /* statements sent before their results are read */

typedef struct pg_store {
    store base;
    PGconn *conn;
    char error[1024];     /* the last error's message */
    char sqlstate[6];     /* and its SQLSTATE */
    int next_name;        /* names of prepared statements */
    unsigned random;      /* pauses between tries differ between writers */
    bool pipeline;        /* statements are sent without waiting (a batch being written) */
    bool failed;          /* a statement sent in the pipeline failed (error and sqlstate set) */
    size_t pending;       /* statements sent since the last sync */
    bool copying;         /* plain inserts add rows to their statement's COPY text */
    store_article *queue; /* the open batch's articles (PostgreSQL writes them at commit) */
    size_t nqueue, queue_cap;
} pg_store;

typedef struct pg_stmt {
    store_stmt base;
    char *sql;      /* with $N parameters */
    char *copy_sql; /* "COPY table (columns) FROM STDIN" for a plain insert, else NULL */
    buf copy;       /* rows waiting for it, in COPY's text format */
    char name[16];  /* server-side prepared statement ("" until prepared) */
    char *values[MAX_PARAMS];
    int nparams;
    PGresult *row; /* the current row (single-row mode) */
    bool running;  /* sent; results may be pending */
} pg_stmt;

static pg_store *pg_of(store *s)
{
    return (pg_store *)s;
}

static pg_stmt *stmt_of(store_stmt *st)
{
    return (pg_stmt *)st;
}

static const char *pg_error(store *s)
{
    return pg_of(s)->error;
}

/* Keeps the message (without libpq's trailing newline) and SQLSTATE of an error. */
static void set_error(pg_store *p, const PGresult *result)
{
    const char *message = result ? PQresultErrorMessage(result) : "";
    if (!message || !message[0])
        message = PQerrorMessage(p->conn);
    snprintf(p->error, sizeof p->error, "%s", message && message[0] ? message : "unknown error");
    size_t n = strlen(p->error);
    while (n && (p->error[n - 1] == '\n' || p->error[n - 1] == ' '))
        p->error[--n] = '\0';
    /* one line: libpq's continuation lines ("\n\tIs the server running ...") join with "; " */
    char line[sizeof p->error];
    size_t j = 0;
    for (const char *r = p->error; *r && j + 3 < sizeof line; r++) {
        if (*r == '\n') {
            line[j++] = ';';
            line[j++] = ' ';
            while (r[1] == '\t' || r[1] == ' ')
                r++;
        } else {
            line[j++] = *r == '\t' ? ' ' : *r;
        }
    }
    line[j] = '\0';
    memcpy(p->error, line, j + 1);
    const char *state = result ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : NULL;
    snprintf(p->sqlstate, sizeof p->sqlstate, "%s", state ? state : "");
}

/* Runs a command whose result is not needed; keeps the error. */
static bool command(pg_store *p, const char *sql)
{
    PGresult *result = PQexec(p->conn, sql);
    ExecStatusType status = PQresultStatus(result);
    bool ok = status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK;
    if (!ok)
        set_error(p, result);
    PQclear(result);
    return ok;
}

static sitrep_status pg_exec(store *s, const char *sql, diag *d)
{
    if (command(pg_of(s), sql))
        return SITREP_OK;
    diag_set(d, "", 0, "%s", pg_of(s)->error);
    return SITREP_ESQL;
}

/* libpq prints server notices on stderr by default; library code never prints. */
static void ignore_notice(void *user, const char *message)
{
    (void)user;
    (void)message;
}

/* ---- statements ---- */

/* Rewrites ?N as $N outside quoted strings and identifiers; counts the parameters. */
static char *convert_sql(const char *sql, int *nparams)
{
    size_t n = strlen(sql);
    char *out = xmalloc(n + 1);
    char quote = 0;
    size_t j = 0;
    *nparams = 0;
    for (size_t i = 0; i < n; i++) {
        char c = sql[i];
        if (quote) {
            if (c == quote)
                quote = 0;
        } else if (c == '\'' || c == '"') {
            quote = c;
        } else if (c == '?' && sql[i + 1] >= '0' && sql[i + 1] <= '9') {
            c = '$';
            int number = atoi(sql + i + 1);
            if (number > *nparams)
                *nparams = number;
        }
        out[j++] = c;
    }
    out[j] = '\0';
    return out;
}

/* "COPY t (a, b) FROM STDIN" when sql is exactly "INSERT INTO t (a, b) VALUES (?1, ?2)" (every
 * column a parameter, in order, nothing after), else NULL. */
static char *copy_form(const char *sql)
{
    const char *table = sql + 12, *values = strstr(sql, ") VALUES (");
    if (strncmp(sql, "INSERT INTO ", 12) != 0 || !values || strchr(table, '(') > values)
        return NULL;
    const char *p = values + 10;
    for (int n = 1;; n++) {
        char want[16];
        int w = snprintf(want, sizeof want, "?%d", n);
        if (strncmp(p, want, (size_t)w) != 0)
            return NULL;
        p += w;
        if (strcmp(p, ")") == 0)
            break;
        if (strncmp(p, ", ", 2) != 0)
            return NULL;
        p += 2;
    }
    size_t n = (size_t)(values - table) + 1; /* "t (a, b)" */
    char *copy = xmalloc(n + 32);
    snprintf(copy, n + 32, "COPY %.*s FROM STDIN", (int)n, table);
    return copy;
}

/* Appends the bound values as one line of COPY's text format. */
static void copy_row(pg_stmt *st)
{
    bool ok = true;
    for (int i = 0; i < st->nparams && ok; i++) {
        if (i)
            ok = buf_append_char(&st->copy, '\t') == SITREP_OK;
        const char *v = st->values[i];
        if (!v) {
            ok = ok && buf_append_str(&st->copy, "\\N") == SITREP_OK;
            continue;
        }
        for (; *v && ok; v++) {
            const char *escaped = *v == '\\'   ? "\\\\"
                                  : *v == '\t' ? "\\t"
                                  : *v == '\n' ? "\\n"
                                  : *v == '\r' ? "\\r"
                                               : NULL;
            ok = (escaped ? buf_append_str(&st->copy, escaped) : buf_append_char(&st->copy, *v)) ==
                 SITREP_OK;
        }
    }
    if (!ok || buf_append_char(&st->copy, '\n') != SITREP_OK)
        die("a batch's COPY text passed 1 GiB");
}

static sitrep_status pg_prepare(store *s, const char *sql, store_stmt **out, diag *d)
{
    pg_stmt *st = xcalloc(1, sizeof *st);
    st->base.owner = s;
    st->sql = convert_sql(sql, &st->nparams);
    st->copy_sql = copy_form(sql);
    buf_init(&st->copy, (size_t)1 << 30);
    if (st->nparams > MAX_PARAMS) {
        free(st->sql);
        free(st->copy_sql);
        buf_release(&st->copy);
        free(st);
        return diag_set(d, "", 0, "a statement with more than %d parameters", MAX_PARAMS),
               SITREP_ELIMIT;
    }
    *out = &st->base;
    return SITREP_OK;
}

static void set_value(store_stmt *base, int i, char *value)
{
    pg_stmt *st = stmt_of(base);
    if (i < 1 || i > MAX_PARAMS) {
        free(value);
        return;
    }
    free(st->values[i - 1]);
    st->values[i - 1] = value;
}

static void pg_bind_text(store_stmt *st, int i, const char *text, int length)
{
    if (!text) {
        set_value(st, i, NULL);
        return;
    }
    size_t n = length < 0 ? strlen(text) : (size_t)length;
    char *copy = xmalloc(n + 1);
    memcpy(copy, text, n);
    copy[n] = '\0';
    set_value(st, i, copy);
}

static void pg_bind_text_free(store_stmt *st, int i, char *text)
{
    set_value(st, i, text); /* the values are the statement's until reset */
}

/* PostgreSQL's inserts say their rowid with RETURNING. */
static long long pg_inserted_id(store *s)
{
    (void)s;
    return 0;
}

static void pg_bind_int64(store_stmt *st, int i, long long value)
{
    char *text = xmalloc(24);
    snprintf(text, 24, "%lld", value);
    set_value(st, i, text);
}

static void pg_bind_double(store_stmt *st, int i, double value)
{
    char *text = xmalloc(32);
    snprintf(text, 32, "%.17g", value);
    set_value(st, i, text);
}

static void pg_bind_null(store_stmt *st, int i)
{
    set_value(st, i, NULL);
}

/* Reads and drops what is left of the running statement's results (a reader that stopped
 * early reads the rest of its rows: one connection runs one statement at a time). */
static void drain(pg_stmt *st)
{
    pg_store *p = pg_of(st->base.owner);
    PQclear(st->row);
    st->row = NULL;
    if (!st->running)
        return;
    PGresult *result;
    while ((result = PQgetResult(p->conn)))
        PQclear(result);
    st->running = false;
}

/* Prepares a statement on the server once (pipelines send prepared statements only). */
static bool prepare_named(pg_store *p, pg_stmt *st)
{
    if (st->name[0])
        return true;
    char name[16];
    snprintf(name, sizeof name, "sitrep%d", p->next_name++);
    PGresult *result = PQprepare(p->conn, name, st->sql, st->nparams, NULL);
    bool ok = PQresultStatus(result) == PGRES_COMMAND_OK;
    if (!ok)
        set_error(p, result);
    PQclear(result);
    if (ok)
        memcpy(st->name, name, sizeof name);
    return ok;
}

/* Reads the results of the pipeline up to its next sync point. on_result (may be NULL) gets
 * each statement's result with its number since the last sync. Returns false (the first
 * error kept) when a statement failed. */
typedef void (*result_fn)(void *user, size_t index, const PGresult *result);

static bool pipeline_sync(pg_store *p, result_fn on_result, void *user)
{
    p->pending = 0;
    if (PQpipelineSync(p->conn) != 1) {
        set_error(p, NULL);
        p->failed = true;
        return false;
    }
    size_t index = 0;
    for (;;) {
        PGresult *result = PQgetResult(p->conn);
        if (!result) {
            if (PQstatus(p->conn) != CONNECTION_OK) {
                set_error(p, NULL);
                p->failed = true;
                return false;
            }
            index++; /* the end of one statement's results */
            continue;
        }
        ExecStatusType status = PQresultStatus(result);
        if (status == PGRES_PIPELINE_SYNC) {
            PQclear(result);
            return !p->failed;
        }
        if (status == PGRES_FATAL_ERROR && !p->failed) {
            set_error(p, result);
            p->failed = true;
        } else if (status != PGRES_PIPELINE_ABORTED && on_result) {
            on_result(user, index, result);
        }
        PQclear(result);
    }
}

/* Sends a bound statement into the pipeline; reads results every PIPELINE_DEPTH statements
 * so that neither side's socket fills up. */
static bool pipeline_send(pg_store *p, pg_stmt *st)
{
    if (p->failed)
        return false;
    if (!prepare_named(p, st))
        return false;
    if (!PQsendQueryPrepared(p->conn, st->name, st->nparams, (const char *const *)st->values, NULL,
                             NULL, 0)) {
        set_error(p, NULL);
        p->failed = true;
        return false;
    }
    return ++p->pending < PIPELINE_DEPTH || pipeline_sync(p, NULL, NULL);
}

/* Sends a command without parameters into the pipeline. */
static bool pipeline_command(pg_store *p, const char *sql)
{
    if (p->failed)
        return false;
    if (!PQsendQueryParams(p->conn, sql, 0, NULL, NULL, NULL, NULL, 0)) {
        set_error(p, NULL);
        p->failed = true;
        return false;
    }
    p->pending++;
    return true;
}

static int pg_step(store_stmt *base)
{
    pg_stmt *st = stmt_of(base);
    pg_store *p = pg_of(base->owner);
    PQclear(st->row);
    st->row = NULL;
    if (p->copying && st->copy_sql) { /* sent by copy_flush */
        copy_row(st);
        return STORE_STEP_DONE;
    }
    if (p->pipeline) /* no result comes back now: errors show at the next sync */
        return pipeline_send(p, st) ? STORE_STEP_DONE : STORE_STEP_ERROR;
    if (!st->running) {
        int sent;
        const char *const *values = (const char *const *)st->values;
        if (base->reused) {
            if (!prepare_named(p, st))
                return STORE_STEP_ERROR;
            sent = PQsendQueryPrepared(p->conn, st->name, st->nparams, values, NULL, NULL, 0);
        } else {
            sent = PQsendQueryParams(p->conn, st->sql, st->nparams, NULL, values, NULL, NULL, 0);
        }
        if (!sent) {
            set_error(p, NULL);
            return STORE_STEP_ERROR;
        }
        st->running = true;
        PQsetSingleRowMode(p->conn);
    }
    PGresult *result = PQgetResult(p->conn);
    switch (PQresultStatus(result)) {
    case PGRES_SINGLE_TUPLE:
        st->row = result;
        return STORE_STEP_ROW;
    case PGRES_TUPLES_OK:
    case PGRES_COMMAND_OK:
        PQclear(result);
        drain(st);
        return STORE_STEP_DONE;
    default:
        if (!result) {
            st->running = false;
            return STORE_STEP_DONE;
        }
        set_error(p, result);
        PQclear(result);
        drain(st);
        return STORE_STEP_ERROR;
    }
}

static bool pg_column_null(store_stmt *st, int i)
{
    PGresult *row = stmt_of(st)->row;
    return !row || i >= PQnfields(row) || PQgetisnull(row, 0, i);
}

static const char *pg_column_text(store_stmt *st, int i)
{
    return pg_column_null(st, i) ? NULL : PQgetvalue(stmt_of(st)->row, 0, i);
}

static size_t pg_column_bytes(store_stmt *st, int i)
{
    return pg_column_null(st, i) ? 0 : (size_t)PQgetlength(stmt_of(st)->row, 0, i);
}

static long long pg_column_int64(store_stmt *st, int i)
{
    const char *text = pg_column_text(st, i);
    return text ? strtoll(text, NULL, 10) : 0;
}

static double pg_column_double(store_stmt *st, int i)
{
    const char *text = pg_column_text(st, i);
    return text ? strtod(text, NULL) : 0;
}

static void pg_reset(store_stmt *base)
{
    pg_stmt *st = stmt_of(base);
    drain(st);
    for (int i = 0; i < MAX_PARAMS; i++) {
        free(st->values[i]);
        st->values[i] = NULL;
    }
}

static void pg_finalize(store_stmt *base)
{
    pg_stmt *st = stmt_of(base);
    pg_reset(base);
    free(st->sql);
    free(st->copy_sql);
    buf_release(&st->copy);
    free(st);
}

/* ---- open and migrate ---- */

/* Reads the schema version (0: no sitrep tables yet; -1 on error). */
static int schema_version(pg_store *p)
{
    PGresult *result = PQexec(p->conn, "SELECT CASE WHEN to_regclass('sitrep_schema') IS NULL "
                                       "THEN 0 ELSE -2 END");
    int version = -1;
    if (PQresultStatus(result) == PGRES_TUPLES_OK && PQntuples(result) == 1)
        version = atoi(PQgetvalue(result, 0, 0));
    else
        set_error(p, result);
    PQclear(result);
    if (version != -2)
        return version;
    result = PQexec(p->conn, "SELECT coalesce(max(version), 0) FROM sitrep_schema");
    version = -1;
    if (PQresultStatus(result) == PGRES_TUPLES_OK && PQntuples(result) == 1)
        version = atoi(PQgetvalue(result, 0, 0));
    else
        set_error(p, result);
    PQclear(result);
    return version;
}

/* Runs the missing migrations in one transaction under a lock that other sitrep processes
 * opening the same database wait for (they then find the schema up to date). */
static sitrep_status migrate(pg_store *p, diag *d)
{
    store *s = &p->base;
    int version = schema_version(p);
    if (version < 0)
        return diag_set(d, "", 0, "cannot read the schema version: %s", p->error), SITREP_ESQL;
    if ((size_t)version > store_pg_nmigrations)
        return diag_set(d, "", 0, "the database has schema version %d; this sitrep knows up to %zu",
                        version, store_pg_nmigrations),
               SITREP_ESQL;
    if ((size_t)version == store_pg_nmigrations)
        return SITREP_OK;
    if (s->options.must_exist && version == 0)
        return diag_set(d, "", 0,
                        "no sitrep store in this database (`sitrep ingest --db URL` makes one)"),
               SITREP_EIO;
    if (s->options.read_only)
        return diag_set(d, "", 0,
                        "the database needs upgrading (schema %d of %zu); open it for writing "
                        "once",
                        version, store_pg_nmigrations),
               SITREP_ESQL;
    if (!command(p, "BEGIN") || !command(p, "SELECT pg_advisory_xact_lock(7366947357301)") ||
        !command(p, "CREATE TABLE IF NOT EXISTS sitrep_schema (version integer NOT NULL)") ||
        (version = schema_version(p)) < 0) {
        diag_set(d, "", 0, "cannot migrate the schema: %s", p->error);
        command(p, "ROLLBACK");
        return SITREP_ESQL;
    }
    for (; (size_t)version < store_pg_nmigrations; version++) {
        for (const char *const *sql = store_pg_migrations[version]; *sql; sql++)
            if (!command(p, *sql)) {
                diag_set(d, "", 0, "migration %d failed: %s", version + 1, p->error);
                command(p, "ROLLBACK");
                return SITREP_ESQL;
            }
        char update[96];
        snprintf(update, sizeof update,
                 "DELETE FROM sitrep_schema; INSERT INTO sitrep_schema VALUES (%d)", version + 1);
        if (!command(p, update)) {
            diag_set(d, "", 0, "cannot record the schema version: %s", p->error);
            command(p, "ROLLBACK");
            return SITREP_ESQL;
        }
    }
    if (!command(p, "COMMIT"))
        return diag_set(d, "", 0, "cannot migrate the schema: %s", p->error), SITREP_ESQL;
    return SITREP_OK;
}

sitrep_status store_pg_open(const char *url, const store_options *options, store **out, diag *d)
{
    pg_store *p = xcalloc(1, sizeof *p);
    store *s = &p->base;
    s->backend = &store_pg_backend;
    s->options = *options;
    s->postgres = true;
    p->random = (unsigned)getpid() ^ (unsigned)time(NULL);
    p->conn = PQconnectdb(url);
    sitrep_status status = SITREP_OK;
    if (!p->conn || PQstatus(p->conn) != CONNECTION_OK) {
        set_error(p, NULL);
        diag_set(d, "", 0, "cannot connect to PostgreSQL: %s",
                 p->conn ? p->error : "out of memory");
        status = SITREP_EIO;
    }
    if (!status) {
        PQsetNoticeProcessor(p->conn, ignore_notice, NULL);
        if (PQsetClientEncoding(p->conn, "UTF8") != 0) {
            diag_set(d, "", 0, "the server cannot talk UTF-8");
            status = SITREP_ESQL;
        }
    }
    const char *encoding = status ? NULL : PQparameterStatus(p->conn, "server_encoding");
    if (!status && (!encoding || strcmp(encoding, "UTF8") != 0)) {
        diag_set(d, "", 0, "the database's encoding is %s; sitrep stores UTF-8 (createdb -E UTF8)",
                 encoding ? encoding : "unknown");
        status = SITREP_ESQL;
    }
    if (!status && PQserverVersion(p->conn) < 130000) {
        diag_set(d, "", 0, "PostgreSQL %d.%d is too old: sitrep needs 13 or later",
                 PQserverVersion(p->conn) / 10000, PQserverVersion(p->conn) / 100 % 100);
        status = SITREP_ESQL;
    }
    if (!status && !command(p, "SET application_name = 'sitrep'; SET TIME ZONE 'UTC'"))
        status = (diag_set(d, "", 0, "%s", p->error), SITREP_ESQL);
    if (!status)
        status = migrate(p, d);
    if (!status && s->options.read_only && !command(p, "SET default_transaction_read_only = on"))
        status = (diag_set(d, "", 0, "%s", p->error), SITREP_ESQL);
    if (status) {
        store_free(s);
        return status;
    }
    *out = s;
    return SITREP_OK;
}

static void release_queue(pg_store *p)
{
    for (size_t i = 0; i < p->nqueue; i++) {
        store_article_release(&p->queue[i]);
        free((char *)p->queue[i].json);
    }
    p->nqueue = 0;
}

static void pg_close(store *s)
{
    pg_store *p = pg_of(s);
    release_queue(p);
    free(p->queue);
    PQfinish(p->conn);
    free(p);
}

/* ---- batches ---- */

static sitrep_status pg_begin(store *s, diag *d)
{
    (void)d;
    release_queue(pg_of(s));
    s->in_batch = true;
    time_t now = time(NULL);
    struct tm tm;
    gmtime_r(&now, &tm);
    strftime(s->now, sizeof s->now, "%Y%m%d%H%M%S", &tm);
    return SITREP_OK;
}

static sitrep_status pg_put(store *s, store_article *a, store_outcome *outcome, diag *d)
{
    (void)d;
    pg_store *p = pg_of(s);
    if (p->nqueue == p->queue_cap) {
        p->queue_cap = p->queue_cap ? p->queue_cap * 2 : 64;
        p->queue = xrealloc(p->queue, p->queue_cap * sizeof *p->queue);
    }
    char *json = xmalloc(a->length + 1); /* the caller's buffer lasts only for this call */
    memcpy(json, a->json, a->length);
    json[a->length] = '\0';
    a->json = json;
    p->queue[p->nqueue++] = *a;
    *outcome = STORE_QUEUED;
    return SITREP_OK;
}

/* Writers lock event rows in one global order, so none waits on another in a circle: by merge
 * group, then day (the unique key), then input order. With a window the group's advisory lock
 * comes first and the days of a group follow in input order (the merge depends on it). */
static int by_group_day(const void *a, const void *b)
{
    const store_event_in *x = a, *y = b;
    int c = strcmp(x->group, y->group);
    if (c)
        return c;
    if (x->day_num != y->day_num)
        return x->day_num < y->day_num ? -1 : 1;
    return (x->sequence > y->sequence) - (x->sequence < y->sequence);
}

static int by_group(const void *a, const void *b)
{
    const store_event_in *x = a, *y = b;
    int c = strcmp(x->group, y->group);
    return c ? c : (x->sequence > y->sequence) - (x->sequence < y->sequence);
}

/* Where the rowids of article inserts go: rowids[first + k] for the k-th article result
 * after `skip` other results (BEGIN's). 0 stays when the article was already there. */
typedef struct rowid_sink {
    long long *rowids;
    size_t first, skip;
} rowid_sink;

static void article_rowid(void *user, size_t index, const PGresult *result)
{
    rowid_sink *sink = user;
    if (index >= sink->skip && PQresultStatus(result) == PGRES_TUPLES_OK && PQntuples(result) == 1)
        sink->rowids[sink->first + index - sink->skip] =
            strtoll(PQgetvalue(result, 0, 0), NULL, 10);
}

/* Sends the rows each plain insert collected, one COPY per table (outside the pipeline). */
static bool copy_flush(pg_store *p)
{
    for (int i = 0; i < ST_COUNT && !p->failed; i++) {
        pg_stmt *st = p->base.st[i] ? stmt_of(p->base.st[i]) : NULL;
        if (!st || !st->copy.len)
            continue;
        PGresult *result = PQexec(p->conn, st->copy_sql);
        bool ok = PQresultStatus(result) == PGRES_COPY_IN;
        PQclear(result);
        ok = ok && PQputCopyData(p->conn, st->copy.data, (int)st->copy.len) == 1;
        if (PQputCopyEnd(p->conn, ok ? NULL : "sitrep could not send the rows") != 1)
            ok = false;
        while ((result = PQgetResult(p->conn))) {
            if (PQresultStatus(result) != PGRES_COMMAND_OK && !p->failed) {
                set_error(p, result);
                p->failed = true;
            }
            PQclear(result);
        }
        if (!ok && !p->failed) {
            set_error(p, NULL);
            p->failed = true;
        }
        buf_reset(&st->copy);
    }
    return !p->failed;
}

/* The statements of the PostgreSQL writer, prepared before a pipeline starts. */
static const int pipelined[] = {ST_INS_ARTICLE,  ST_INS_SENTENCE,      ST_INS_ACTOR,
                                ST_MERGE_EVENT,  ST_LOCK_GROUP,        ST_INS_QUOTE,
                                ST_INS_QUANTITY, ST_INS_QUANTITY_LAST, ST_INS_DATE,
                                ST_INS_PLACE,    ST_INS_WARNING};

/* Writes the queued articles in one transaction, in a few round trips: the article rows first
 * (which are new decides what follows), then their other rows by COPY, then the events in
 * lock order, and COMMIT. The counts go to s->batch. */
static sitrep_status write_batch(store *s, diag *d)
{
    pg_store *p = pg_of(s);
    store_event_in *events = NULL;
    size_t nevents = 0, cap = 0;
    s->batch = (store_counts){0};
    for (size_t i = 0; i < ARRAY_LEN(pipelined); i++) {
        store_stmt *st = store_statement(s, pipelined[i], d);
        if (!st || !prepare_named(p, stmt_of(st)))
            return st ? store_sql_error(s, d, "cannot prepare a statement") : SITREP_ESQL;
        buf_reset(&stmt_of(st)->copy); /* what a failed try left */
    }
    long long *rowids = xcalloc(p->nqueue + 1, sizeof *rowids);
    sitrep_status status = SITREP_OK;
    p->failed = false;
    p->pending = 0;
    if (PQenterPipelineMode(p->conn) != 1) {
        set_error(p, NULL);
        p->failed = true;
    }
    p->pipeline = !p->failed;
    bool ok = pipeline_command(p, "BEGIN");
    /* the article inserts in pieces short of the pipeline's depth, so that each piece's
     * rowids are read together */
    for (size_t i = 0; ok && (i < p->nqueue || i == 0);) {
        rowid_sink sink = {rowids, i, i == 0 ? 1 : 0};
        while (ok && i < p->nqueue && p->pending < PIPELINE_DEPTH - 1) {
            store_stmt *st = store_bind_article(s, &p->queue[i++], d);
            ok = st && pipeline_send(p, stmt_of(st));
            if (st)
                store_reset(st);
        }
        ok = ok && pipeline_sync(p, article_rowid, &sink);
        if (p->nqueue == 0)
            break;
    }
    p->copying = true;
    for (size_t i = 0; i < p->nqueue && ok; i++) {
        if (rowids[i] == 0) {
            s->batch.duplicates++;
            continue;
        }
        s->batch.added++;
        ok = store_write_rows(s, &p->queue[i], rowids[i], &events, &nevents, &cap, d) == 0;
    }
    p->copying = false;
    /* COPY is not allowed in a pipeline: leave it (it is idle after the sync) and come back */
    if (ok && PQexitPipelineMode(p->conn) != 1)
        ok = false, set_error(p, NULL), p->failed = true;
    ok = ok && copy_flush(p);
    if (ok && PQenterPipelineMode(p->conn) != 1)
        ok = false, set_error(p, NULL), p->failed = true;
    if (ok && nevents > 1)
        qsort(events, nevents, sizeof *events, s->options.dedup_days ? by_group : by_group_day);
    for (size_t i = 0; i < nevents && ok; i++)
        ok = store_write_event(s, &events[i], d) == SITREP_OK;
    ok = ok && pipeline_command(p, "COMMIT") && pipeline_sync(p, NULL, NULL);
    if (!ok) {
        if (p->pending)
            (void)pipeline_sync(p, NULL, NULL);
        diag_set(d, "", 0, "cannot store the batch: %s", p->error);
        status = SITREP_ESQL;
    }
    p->pipeline = false;
    PQexitPipelineMode(p->conn);
    if (status)
        command(p, "ROLLBACK");
    free(events);
    free(rowids);
    return status;
}

static sitrep_status pg_commit(store *s, diag *d)
{
    pg_store *p = pg_of(s);
    sitrep_status status = SITREP_OK;
    for (int attempt = 1; attempt <= MAX_TRIES; attempt++) {
        diag_clear(d);
        p->sqlstate[0] = '\0';
        status = write_batch(s, d);
        /* 40P01 deadlock, 40001 serialization failure: the server undid the batch; write it
         * again after a pause that grows and differs between writers. */
        bool again = strcmp(p->sqlstate, "40P01") == 0 || strcmp(p->sqlstate, "40001") == 0;
        if (!status || !again)
            break;
        p->random = p->random * 1103515245u + 12345u;
        struct timespec pause = {0, (long)((p->random >> 16) % 50 + 10) * attempt * 1000000L};
        nanosleep(&pause, NULL);
    }
    release_queue(p);
    s->in_batch = false;
    return status;
}

static void pg_rollback(store *s)
{
    pg_store *p = pg_of(s);
    if (PQtransactionStatus(p->conn) != PQTRANS_IDLE)
        command(p, "ROLLBACK");
    release_queue(p);
    s->in_batch = false;
}

/* ---- checks ---- */

static sitrep_status pg_check(store *s, diag *d)
{
    sitrep_status status = store_check_counts(s, d);
    if (status)
        return status;
    long long bad;
    if ((status = store_scalar(s,
                               "SELECT count(*) FROM events e WHERE num_sources != (SELECT "
                               "count(*) FROM event_sources WHERE event = e.rowid)",
                               &bad, d)))
        return status;
    if (bad)
        return diag_set(d, "", 0, "%lld events' publisher counts disagree with event_sources", bad);
    return SITREP_OK;
}

/* The snapshot changes whenever a transaction ends anywhere on the server: a reader's cached
 * answers are right while it stays the same. */
static sitrep_status pg_data_version(store *s, long long *out, diag *d)
{
    store_stmt *st;
    if (store_prepare(s, "SELECT pg_current_snapshot()::text", &st, d))
        return SITREP_ESQL;
    sitrep_status status = SITREP_OK;
    if (store_step(st) == STORE_STEP_ROW) {
        const char *text = store_column_text(st, 0);
        *out = (long long)(hash_bytes(text, strlen(text), 0x76657273ULL) >> 1);
    } else {
        status = store_sql_error(s, d, "cannot read the data version");
    }
    store_finalize(st);
    return status;
}

const store_backend store_pg_backend = {
    .name = "PostgreSQL",
    .close = pg_close,
    .exec = pg_exec,
    .begin = pg_begin,
    .commit = pg_commit,
    .rollback = pg_rollback,
    .put = pg_put,
    .check = pg_check,
    .data_version = pg_data_version,
    .prepare = pg_prepare,
    .bind_text = pg_bind_text,
    .bind_text_free = pg_bind_text_free,
    .bind_int64 = pg_bind_int64,
    .bind_double = pg_bind_double,
    .bind_null = pg_bind_null,
    .step = pg_step,
    .column_null = pg_column_null,
    .column_text = pg_column_text,
    .column_bytes = pg_column_bytes,
    .column_int64 = pg_column_int64,
    .column_double = pg_column_double,
    .reset = pg_reset,
    .finalize = pg_finalize,
    .error = pg_error,
    .inserted_id = pg_inserted_id,
};
