/* store.c - the store's one interface over two back ends: store_open picks SQLite or
 * PostgreSQL from the database name, and every other call goes through the back end's table
 * of operations (store_internal.h). Also the default database path and the statement calls
 * that the SQL written once (store_put.c, store_query.c, store_browse.c) runs through.
 */
#include "store_internal.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sqlite3.h>

bool store_is_postgres(const char *db)
{
    if (!db)
        return false;
    if (strncmp(db, "postgresql://", 13) == 0 || strncmp(db, "postgres://", 11) == 0)
        return true;
    /* a libpq "key=value ..." connection string: no file is named like "dbname=x" */
    return strncmp(db, "dbname=", 7) == 0 || strncmp(db, "host=", 5) == 0 ||
           strncmp(db, "service=", 8) == 0;
}

void store_display_name(const char *db, char *out, size_t outlen)
{
    if (outlen == 0)
        return;
    snprintf(out, outlen, "%s", db ? db : "");
    if (!store_is_postgres(out))
        return;
    char *scheme = strstr(out, "://");
    if (scheme) { /* postgresql://user:password@host/... */
        char *user = scheme + 3;
        char *at = strchr(user, '@');
        char *slash = strchr(user, '/');
        char *colon = strchr(user, ':');
        if (at && (!slash || at < slash) && colon && colon < at && (size_t)(at - colon) > 1) {
            memmove(colon + 4, at, strlen(at) + 1);
            memcpy(colon + 1, "***", 3);
        }
    }
    /* password=... in a connection string or a URL's query */
    for (char *p = strstr(out, "password="); p; p = strstr(p + 1, "password=")) {
        char *value = p + 9, *end = value + strcspn(value, " &");
        if (end - value >= 3) {
            memmove(value + 3, end, strlen(end) + 1);
            memcpy(value, "***", 3);
        }
    }
}

sitrep_status store_open(const char *db, const store_options *options, store **out, diag *d)
{
    *out = NULL;
    store_options o = {0};
    if (options)
        o = *options;
    if (o.busy_timeout_ms <= 0)
        o.busy_timeout_ms = 60000;
    if (o.dedup_days < 0)
        o.dedup_days = 0;
    if (o.read_only)
        o.must_exist = true;
    return store_is_postgres(db) ? store_pg_open(db, &o, out, d)
                                 : store_sqlite_open(db, &o, out, d);
}

void store_close(store *s)
{
    if (!s)
        return;
    if (s->in_batch)
        store_rollback(s);
    store_free(s);
}

sitrep_status store_begin(store *s, diag *d)
{
    if (s->options.read_only)
        return diag_set(d, "", 0, "the store was opened read-only"), SITREP_EUSAGE;
    s->batch = (store_counts){0};
    return s->backend->begin(s, d);
}

sitrep_status store_commit(store *s, diag *d)
{
    sitrep_status status = s->backend->commit(s, d);
    if (status == SITREP_OK)
        s->last = s->batch;
    s->batch = (store_counts){0};
    return status;
}

void store_rollback(store *s)
{
    s->backend->rollback(s);
    s->batch = (store_counts){0};
}

store_counts store_committed(const store *s)
{
    return s->last;
}

sitrep_status store_put_article_json(store *s, const char *json, size_t length,
                                     store_outcome *outcome, diag *d)
{
    *outcome = STORE_DUPLICATE;
    if (!s->in_batch)
        return diag_set(d, "", 0, "no batch is open (store_begin)"), SITREP_EUSAGE;
    store_article a;
    sitrep_status status = store_article_read(&a, json, length, d);
    if (status)
        return status;
    return s->backend->put(s, &a, outcome, d);
}

sitrep_status store_check(store *s, diag *d)
{
    return s->backend->check(s, d);
}

sitrep_status store_data_version(store *s, long long *out, diag *d)
{
    return s->backend->data_version(s, out, d);
}

void store_limit_cache_memory(long long bytes)
{
    sqlite3_soft_heap_limit64(bytes);
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
