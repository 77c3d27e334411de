/* store_internal.h - private to src/store/: the store struct, the table of operations a back
 * end implements (store_backend: connection, batches, statements), and what the files of the
 * stage share. store.c picks the back end from the database URL and dispatches; the SQL of
 * store_put.c, store_query.c and store_browse.c is written once and runs on both back ends
 * through the statement calls below. Nothing outside src/store/ includes it.
 */
#ifndef SITREP_STORE_INTERNAL_H
#define SITREP_STORE_INTERNAL_H

#include "store.h"

#include <cjson/cJSON.h>

/* ---- statements ---- */

/* A prepared statement of either back end (each extends this struct). SQL text numbers its
 * parameters ?1..?N; the PostgreSQL back end rewrites them as $1..$N. */
typedef struct store_stmt {
    store *owner;
    bool reused; /* run many times (the writer's): the back end may keep it prepared */
    bool kept;   /* one of the reader's kept statements (store_prepare_kept) */
    bool lent;   /* a kept statement in use (a callback's query gets a statement of its own) */
} store_stmt;

/* What store_step returns. */
enum { STORE_STEP_ERROR = -1, STORE_STEP_DONE = 0, STORE_STEP_ROW = 1 };

/* The writer's prepared statements (SQL text: store_put.c), prepared on first use. */
enum store_statement {
    ST_INS_ARTICLE,
    ST_INS_SENTENCE,
    ST_INS_FTS,
    ST_INS_ACTOR,
    ST_FIND_EVENT,
    ST_INS_EVENT,
    ST_UPD_EVENT,
    ST_HAS_MENTION,
    ST_HAS_SOURCE,
    ST_INS_MENTION,
    ST_MERGE_EVENT, /* PostgreSQL: event upsert and mention in one statement */
    ST_LOCK_GROUP,  /* PostgreSQL: a transaction lock on an event's merge group */
    ST_INS_QUOTE,
    ST_INS_QUANTITY,
    ST_INS_QUANTITY_LAST, /* PostgreSQL: a quantity of the session's last mention */
    ST_INS_DATE,
    ST_INS_PLACE,
    ST_INS_WARNING,
    ST_COUNT
};

/* ---- one coded article, read and checked (store_article.c) ---- */

/* One event of an article, as the writer needs it: its JSON, the day it counts on and the
 * merge group (cameo, source, target and place) that equal events share. */
typedef struct store_event_in {
    const cJSON *json;
    long day_num;
    bool dated;
    char day[11];
    char group[33]; /* hash of cameo, source, target and place key; "" when undated */
    char place_key[512];
    char root[3];      /* the CAMEO root when the event gives none */
    long long article; /* rowid of its article (set by the writer) */
    const char *source_key;
    long sequence; /* position in the batch (ties keep input order) */
} store_event_in;

typedef struct store_article {
    cJSON *root;
    const char *id, *published, *url, *publisher;
    char hash[33];
    char source_key[256];
    const char *json; /* the object as given (owned by the caller, or by the batch) */
    size_t length;
} store_article;

/* Reads and checks one coded article (DESIGN.md section 2) so that writing it cannot fail on
 * its data. On SITREP_OK a->root must be freed with store_article_release. Errors:
 * SITREP_EPARSE or SITREP_ELIMIT with d->message set; nothing to release then. */
sitrep_status store_article_read(store_article *a, const char *json, size_t length,
                                 diag *d) MUST_CHECK;
void store_article_release(store_article *a);

/* Fills e for the event object json of an article published on `published`. */
void store_event_prepare(store_event_in *e, const cJSON *json, const char *published);

/* Field readers that never fail once the article was checked: NULL / false when absent. */
const char *store_jstr(const cJSON *object, const char *key);
bool store_jnum(const cJSON *object, const char *key, double *value);
const cJSON *store_jobj(const cJSON *object, const char *key);
const cJSON *store_jarr(const cJSON *object, const char *key);

/* ---- the back end ---- */

enum { STORE_KEPT = 8 }; /* statements store_prepare_kept keeps per store */

typedef struct store_backend {
    const char *name; /* "SQLite", "PostgreSQL" */
    void (*close)(store *s);
    sitrep_status (*exec)(store *s, const char *sql, diag *d);
    sitrep_status (*begin)(store *s, diag *d);
    sitrep_status (*commit)(store *s, diag *d);
    void (*rollback)(store *s);
    /* Stores (or queues until commit) one checked article; takes a->root. */
    sitrep_status (*put)(store *s, store_article *a, store_outcome *outcome, diag *d);
    sitrep_status (*check)(store *s, diag *d);
    sitrep_status (*data_version)(store *s, long long *out, diag *d);
    sitrep_status (*prepare)(store *s, const char *sql, store_stmt **out, diag *d);
    /* text must stay unchanged until the statement is reset (NULL: null) */
    void (*bind_text)(store_stmt *st, int i, const char *text, int length);
    void (*bind_text_free)(store_stmt *st, int i, char *text); /* the back end frees it */
    void (*bind_int64)(store_stmt *st, int i, long long value);
    void (*bind_double)(store_stmt *st, int i, double value);
    void (*bind_null)(store_stmt *st, int i);
    int (*step)(store_stmt *st); /* STORE_STEP_ROW, _DONE or _ERROR */
    bool (*column_null)(store_stmt *st, int i);
    const char *(*column_text)(store_stmt *st, int i); /* NULL when null */
    size_t (*column_bytes)(store_stmt *st, int i);
    long long (*column_int64)(store_stmt *st, int i);
    double (*column_double)(store_stmt *st, int i);
    void (*reset)(store_stmt *st); /* ready to bind and step again; bindings cleared */
    void (*finalize)(store_stmt *st);
    const char *(*error)(store *s); /* the last error's message */
    /* the rowid the last insert made, 0 when it made none (SQLite; PostgreSQL uses RETURNING) */
    long long (*inserted_id)(store *s);
} store_backend;

struct store {
    const store_backend *backend;
    store_options options;
    bool postgres; /* the SQL dialect: PostgreSQL, else SQLite */
    bool in_batch;
    char now[16];             /* UTC time the batch began, YYYYMMDDHHMMSS */
    store_counts batch, last; /* the open batch's counts and the last committed batch's */
    store_stmt *st[ST_COUNT]; /* the writer's statements, prepared on first use */
    /* the reader's last queries, kept prepared by their SQL text (store_prepare_kept): a server
     * worker answers the same few page queries over and over */
    store_stmt *kept[STORE_KEPT];
    char *kept_sql[STORE_KEPT];
    unsigned long kept_used[STORE_KEPT], kept_clock;
};

extern const store_backend store_sqlite_backend;
extern const store_backend store_pg_backend;

/* Opens each back end (store_sqlite.c, store_pg.c); errors as store_open. */
sitrep_status store_sqlite_open(const char *path, const store_options *options, store **out,
                                diag *d) MUST_CHECK;
sitrep_status store_pg_open(const char *url, const store_options *options, store **out,
                            diag *d) MUST_CHECK;

/* Finalizes the writer's statements and closes the back end (store_close without the
 * rollback; what a back end calls when its open fails). */
void store_free(store *s);

/* Statement calls, dispatched to the back end (store_stmt.c). */
sitrep_status store_prepare(store *s, const char *sql, store_stmt **out, diag *d) MUST_CHECK;
/* text must stay unchanged until the statement is reset; store_bind_text_free takes a
 * malloc'd string and frees it when done. */
void store_bind_text(store_stmt *st, int i, const char *text);
void store_bind_text_free(store_stmt *st, int i, char *text);
void store_bind_int64(store_stmt *st, int i, long long value);
void store_bind_double(store_stmt *st, int i, double value);
void store_bind_null(store_stmt *st, int i);
int store_step(store_stmt *st);
bool store_column_null(store_stmt *st, int i);
const char *store_column_text(store_stmt *st, int i);
size_t store_column_bytes(store_stmt *st, int i);
long long store_column_int64(store_stmt *st, int i);
double store_column_double(store_stmt *st, int i);
void store_reset(store_stmt *st);
void store_finalize(store_stmt *st); /* NULL is a no-op */
/* store_prepare for a query that is asked again and again with other values (a page of
 * events): on SQLite the statement of the same SQL text is kept prepared per store (the least
 * recently used of STORE_KEPT is dropped), which saves parsing and planning it each time. The
 * store owns the statement: give it back with store_done, never store_finalize. */
sitrep_status store_prepare_kept(store *s, const char *sql, store_stmt **out, diag *d) MUST_CHECK;
/* Ends a statement of store_prepare or store_prepare_kept: a kept one is reset (its bindings
 * cleared, its read transaction ended) for the next use, another finalized. NULL is a no-op. */
void store_done(store_stmt *st);

/* Sets d->message to "WHAT: the back end's message"; returns SITREP_ESQL. */
sitrep_status store_sql_error(store *s, diag *d, const char *what);
/* Runs SQL text that takes no parameters. */
sitrep_status store_exec(store *s, const char *sql, diag *d) MUST_CHECK;
/* Runs a query that returns one integer (0 when it returns no row). */
sitrep_status store_scalar(store *s, const char *sql, long long *out, diag *d) MUST_CHECK;
/* The writer's statement `which`, prepared on first use (NULL and d set on failure). */
store_stmt *store_statement(store *s, int which, diag *d);

/* Writes one checked article's rows with the writer's statements (store_put.c). The article
 * row is inserted first: *outcome says whether it was new. Events are written at once when
 * events is NULL, else appended to it (with *nevents, grown as needed) for the caller to
 * write with store_write_event. Errors: SITREP_ESQL with d set. */
sitrep_status store_write_article(store *s, store_article *a, store_outcome *outcome,
                                  store_event_in **events, size_t *nevents, size_t *cap,
                                  diag *d) MUST_CHECK;
/* The two halves of store_write_article: the article's insert statement, bound (it gives
 * back the new rowid, or no row when the article was already there), and the rest of its
 * rows once the rowid is known. */
store_stmt *store_bind_article(store *s, const store_article *a, diag *d);
sitrep_status store_write_rows(store *s, const store_article *a, long long article,
                               store_event_in **events, size_t *nevents, size_t *cap,
                               diag *d) MUST_CHECK;
sitrep_status store_write_event(store *s, const store_event_in *e, diag *d) MUST_CHECK;

/* Runs a check query: it must return no row, or a single "ok" (SQLite's integrity_check);
 * else SITREP_EPARSE with d->message "PROBLEM: the row's first column". */
sitrep_status store_expect_none(store *s, const char *sql, const char *problem, diag *d) MUST_CHECK;

/* The checks of store_check that both back ends run (store_query.c): every article stored
 * completely and every event's counts equal to its mentions. */
sitrep_status store_check_counts(store *s, diag *d) MUST_CHECK;

/* Days since 1970-01-01 of a date that starts YYYY-MM-DD (a time may follow after 'T' or a
 * space). Returns false when s is not such a date. */
bool store_day_number(const char *s, long *out);

/* Prepares sql_template with every "@WHERE" replaced by the condition that selects the
 * events (alias e) matching q (q->limit, offset and order are ignored); the filter's values
 * are bound as ?1..?N, so the template must not bind its own. On success *out is the
 * statement (finalize it). Errors as store_query. */
sitrep_status store_prepare_filtered(store *s, const store_filter *q, const char *sql_template,
                                     store_stmt **out, diag *d) MUST_CHECK;

/* Writes text as a full-text query: for SQLite an FTS5 query in which every word is a quoted
 * string, for PostgreSQL the words as given (plainto_tsquery reads them as plain words). */
sitrep_status store_fts_words(store *s, buf *out, const char *text) MUST_CHECK;

/* Migration N (0-based) takes the schema from version N to N+1: a NULL-terminated list of
 * statements (store_schema.c for SQLite, store_pg_schema.c for PostgreSQL). */
extern const char *const *const store_migrations[];
extern const size_t store_nmigrations;
extern const char *const *const store_pg_migrations[];
extern const size_t store_pg_nmigrations;

#endif
