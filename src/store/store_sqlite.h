/* store_sqlite.h - private to the SQLite back end of the store (store_sqlite.c, store_put.c,
 * store_query.c, store_browse.c): the store struct, its prepared statements and helpers.
 * Nothing outside src/store/ includes it; the interface is store.h, so a PostgreSQL back end
 * can implement the same functions.
 */
#ifndef SITREP_STORE_SQLITE_H
#define SITREP_STORE_SQLITE_H

#include "store.h"

#include <sqlite3.h>

/* The prepared statements of store.st (SQL text: store_sqlite.c; used by store_put.c). */
enum store_statement {
    ST_FIND_ARTICLE,
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
    ST_INS_QUOTE,
    ST_INS_QUANTITY,
    ST_INS_DATE,
    ST_INS_PLACE,
    ST_INS_WARNING,
    ST_COUNT
};

struct store {
    sqlite3 *db;
    store_options options;
    bool in_batch;
    char now[16];         /* UTC time the batch began, YYYYMMDDHHMMSS */
    sqlite3_stmt *st[20]; /* prepared inserts, see store_sqlite.c */
};

/* Sets d->message to "WHAT: sqlite's message"; returns SITREP_ESQL. */
sitrep_status store_sql_error(store *s, diag *d, const char *what);
/* Runs SQL text that takes no parameters. */
sitrep_status store_exec(store *s, const char *sql, diag *d) MUST_CHECK;

/* Days since 1970-01-01 of a date that starts YYYY-MM-DD (a time may follow after 'T' or a
 * space). Returns false when s is not such a date. */
bool store_day_number(const char *s, long *out);

/* Prepares sql_template with every "@WHERE" replaced by the condition that selects the
 * events (alias e) matching q (q->limit, offset and order are ignored); the filter's values
 * are bound as ?1..?N, so the template must not bind its own. On success *out is the
 * statement (finalize it). Errors as store_query. */
sitrep_status store_prepare_filtered(store *s, const store_filter *q, const char *sql_template,
                                     sqlite3_stmt **out, diag *d) MUST_CHECK;

/* Writes text as an FTS5 query in which every word is a quoted string. */
sitrep_status store_fts_words(buf *out, const char *text) MUST_CHECK;

#endif
