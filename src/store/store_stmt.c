/* store_stmt.c - the statement calls of the store (store_internal.h), the bottom of the
 * stage: each dispatches to the back end's table of operations, so that the SQL written once
 * (store_put.c, store_query.c, store_browse.c) runs on SQLite and PostgreSQL alike. Also the
 * helpers every file of the stage shares: errors, one-shot statements, freeing a store.
 */
#include "store_internal.h"

#include <stdlib.h>
#include <string.h>

sitrep_status store_prepare(store *s, const char *sql, store_stmt **out, diag *d)
{
    *out = NULL;
    return s->backend->prepare(s, sql, out, d);
}

void store_bind_text(store_stmt *st, int i, const char *text)
{
    st->owner->backend->bind_text(st, i, text, -1);
}

void store_bind_text_free(store_stmt *st, int i, char *text)
{
    st->owner->backend->bind_text_free(st, i, text);
}

void store_bind_int64(store_stmt *st, int i, long long value)
{
    st->owner->backend->bind_int64(st, i, value);
}

void store_bind_double(store_stmt *st, int i, double value)
{
    st->owner->backend->bind_double(st, i, value);
}

void store_bind_null(store_stmt *st, int i)
{
    st->owner->backend->bind_null(st, i);
}

int store_step(store_stmt *st)
{
    return st->owner->backend->step(st);
}

bool store_column_null(store_stmt *st, int i)
{
    return st->owner->backend->column_null(st, i);
}

const char *store_column_text(store_stmt *st, int i)
{
    return st->owner->backend->column_text(st, i);
}

size_t store_column_bytes(store_stmt *st, int i)
{
    return st->owner->backend->column_bytes(st, i);
}

long long store_column_int64(store_stmt *st, int i)
{
    return st->owner->backend->column_int64(st, i);
}

double store_column_double(store_stmt *st, int i)
{
    return st->owner->backend->column_double(st, i);
}

void store_reset(store_stmt *st)
{
    st->owner->backend->reset(st);
}

void store_finalize(store_stmt *st)
{
    if (st)
        st->owner->backend->finalize(st);
}

sitrep_status store_sql_error(store *s, diag *d, const char *what)
{
    diag_set(d, "", 0, "%s: %s", what, s->backend->error(s));
    return SITREP_ESQL;
}

sitrep_status store_exec(store *s, const char *sql, diag *d)
{
    return s->backend->exec(s, sql, d);
}

sitrep_status store_scalar(store *s, const char *sql, long long *out, diag *d)
{
    store_stmt *st;
    *out = 0;
    if (store_prepare(s, sql, &st, d))
        return SITREP_ESQL;
    int rc = store_step(st);
    if (rc == STORE_STEP_ROW)
        *out = store_column_int64(st, 0);
    sitrep_status status = rc == STORE_STEP_ERROR ? store_sql_error(s, d, "cannot count") : 0;
    store_finalize(st);
    return status;
}

sitrep_status store_prepare_kept(store *s, const char *sql, store_stmt **out, diag *d)
{
    *out = NULL;
    if (s->postgres) /* its statements are prepared per call (store_pg.c) */
        return store_prepare(s, sql, out, d);
    int slot = -1;
    for (int i = 0; i < STORE_KEPT; i++) {
        if (s->kept_sql[i] && strcmp(s->kept_sql[i], sql) == 0) {
            if (s->kept[i]->lent) /* the same query inside its own callback */
                return store_prepare(s, sql, out, d);
            s->kept_used[i] = ++s->kept_clock;
            s->kept[i]->lent = true;
            *out = s->kept[i];
            return SITREP_OK;
        }
        if (!(s->kept[i] && s->kept[i]->lent) && (slot < 0 || s->kept_used[i] < s->kept_used[slot]))
            slot = i;
    }
    sitrep_status status = store_prepare(s, sql, out, d);
    if (status || slot < 0) /* every kept statement is in use: this one is not kept */
        return status;
    store_finalize(s->kept[slot]);
    free(s->kept_sql[slot]);
    s->kept[slot] = *out;
    s->kept_sql[slot] = xstrdup(sql);
    s->kept_used[slot] = ++s->kept_clock;
    (*out)->kept = true;
    (*out)->lent = true;
    return SITREP_OK;
}

void store_done(store_stmt *st)
{
    if (st && st->kept) {
        st->owner->backend->reset(st);
        st->lent = false;
    } else
        store_finalize(st);
}

void store_free(store *s)
{
    for (int i = 0; i < ST_COUNT; i++)
        store_finalize(s->st[i]);
    for (int i = 0; i < STORE_KEPT; i++) {
        store_finalize(s->kept[i]);
        free(s->kept_sql[i]);
    }
    s->backend->close(s);
}
