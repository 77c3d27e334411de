/* cmd_export.c - `sitrep export`: the stored events, all or those `sitrep query`'s filters
 * select, as the GDELT 2.0 event table (export_gdelt.c), PLOVER records (export_plover.c), or
 * our own JSON-lines contract (the stored articles, as coded). docs/exports.md.
 */
#include "cmd.h"
#include "lexicon/lexicon.h"
#include "store/store.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char export_help[] =
    "usage: sitrep export [--db FILE|URL] --format gdelt|plover|jsonl [--header] [FILTERS]\n"
    "\n"
    "Writes the stored events (all, or those the filters select, as in `sitrep query`) to\n"
    "standard output, oldest first:\n"
    "  gdelt   the GDELT 2.0 event table: one merged event per line, 61 tab-separated\n"
    "          columns in the codebook's order, FIPS 10-4 country codes; events without a\n"
    "          date are left out and counted (--header adds a line with the column names)\n"
    "  plover  one PLOVER JSON record per event per line (the PLOVER data fields); root-01\n"
    "          statements, which PLOVER does not code, are left out and counted\n"
    "  jsonl   the stored articles, one JSON object per line, as `sitrep code` wrote them\n"
    "          (with filters: the articles that first reported the selected events)\n"
    "Filters:\n";

static const char export_help_tail[] =
    "  --limit N        at most N events (default: all)\n"
    "  --db FILE|URL    an SQLite file or a PostgreSQL URL (default: $SITREP_DB, else\n"
    "                   $XDG_DATA_HOME/sitrep/events.db); read-only\n"
    "Columns and fields: docs/exports.md.\n";

static sitrep_status article_line(void *user, const char *json, size_t length)
{
    (void)user;
    fwrite(json, 1, length, stdout);
    fputc('\n', stdout);
    return ferror(stdout) ? SITREP_EIO : SITREP_OK;
}

static sitrep_status no_event_key(void *user, const char *key, long long event_id)
{
    (void)user, (void)key, (void)event_id;
    return SITREP_OK;
}

/* jsonl with filters: the article that first reported each selected event, once. */
typedef struct article_pick {
    store *s;
    char **seen;
    size_t nseen, alloc;
    diag *d;
} article_pick;

static sitrep_status pick_article(void *user, const store_event *e)
{
    article_pick *p = user;
    if (!e->article_id)
        return SITREP_OK;
    for (size_t i = 0; i < p->nseen; i++) /* exports of a filter are small; a scan will do */
        if (!strcmp(p->seen[i], e->article_id))
            return SITREP_OK;
    if (p->nseen == p->alloc) {
        p->alloc = p->alloc ? p->alloc * 2 : 64;
        p->seen = xrealloc(p->seen, p->alloc * sizeof *p->seen);
    }
    p->seen[p->nseen++] = xstrdup(e->article_id);
    return SITREP_OK;
}

static sitrep_status export_articles(store *s, const store_filter *q, bool filtered, diag *d)
{
    if (!filtered)
        return store_articles(s, article_line, NULL, d);
    article_pick p = {.s = s, .d = d};
    sitrep_status status = store_query(s, q, pick_article, &p, d);
    for (size_t i = 0; i < p.nseen; i++) {
        bool found;
        if (!status)
            status = store_article_find(s, p.seen[i], article_line, no_event_key, NULL, &found, d);
        free(p.seen[i]);
    }
    free(p.seen);
    return status;
}

/* Loads data/codes (FIPS and ISO codes) and data/cameo (PLOVER mode and context). */
static bool load_tables(geocodes **codes, cameo_table **cameo)
{
    char dir[4096], path[4200];
    if (!path_find_data_dir(dir, sizeof dir)) {
        cmd_error("cannot find the data directory (set SITREP_DATA)");
        return false;
    }
    diag d;
    diag_clear(&d);
    snprintf(path, sizeof path, "%s/codes", dir);
    if (!(*codes = geocodes_load(path, &d))) {
        cmd_error("%s:%ld: %s", d.path, d.line, d.message);
        return false;
    }
    snprintf(path, sizeof path, "%s/cameo", dir);
    if (cameo && cameo_load(path, cameo, &d)) {
        cmd_error("%s:%ld: %s", d.path[0] ? d.path : path, d.line, d.message);
        geocodes_free(*codes);
        *codes = NULL;
        return false;
    }
    return true;
}

int cmd_export(int argc, char **argv)
{
    const char *db = NULL, *format = NULL;
    bool header = false, filtered = false;
    store_filter q = {.oldest_first = true};
    for (int i = 1; i < argc; i++) {
        const char *arg = argv[i];
        if (strcmp(arg, "--help") == 0 || strcmp(arg, "-h") == 0) {
            fputs(export_help, stdout);
            fputs(cmd_filter_help, stdout);
            fputs(export_help_tail, stdout);
            return EXIT_OK;
        }
        if (strcmp(arg, "--header") == 0) {
            header = true;
            continue;
        }
        if (i + 1 >= argc) {
            cmd_error("%s '%s' (see --help)",
                      arg[0] == '-' ? "missing value after" : "unexpected argument", arg);
            return EXIT_USAGE;
        }
        const char *value = argv[++i];
        int filter = cmd_filter_option(arg, value, &q);
        if (filter < 0)
            return EXIT_USAGE;
        if (filter) {
            filtered = true;
        } else if (strcmp(arg, "--db") == 0) {
            db = value;
        } else if (strcmp(arg, "--format") == 0) {
            format = value;
        } else {
            cmd_error("unknown option '%s' (see --help)", arg);
            return EXIT_USAGE;
        }
    }
    if (!format || (strcmp(format, "gdelt") != 0 && strcmp(format, "plover") != 0 &&
                    strcmp(format, "jsonl") != 0)) {
        cmd_error("--format wants gdelt, plover or jsonl");
        return EXIT_USAGE;
    }
    geocodes *codes = NULL;
    cameo_table *cameo = NULL;
    if (strcmp(format, "jsonl") != 0 &&
        !load_tables(&codes, strcmp(format, "plover") == 0 ? &cameo : NULL))
        return EXIT_RUNTIME;
    store *s;
    store_options options = {.read_only = true};
    int rc = cmd_store_open(db, &options, &s);
    if (rc != EXIT_OK) {
        geocodes_free(codes);
        cameo_free(cameo);
        return rc;
    }
    diag d;
    diag_clear(&d);
    sitrep_status status;
    if (strcmp(format, "gdelt") == 0) {
        gdelt_export x = {.codes = codes, .header = header};
        status = export_gdelt(s, &q, &x, &d);
        if (!status && x.undated)
            fprintf(stderr,
                    "sitrep: %lld event(s) without a date left out (a GDELT row needs SQLDATE)\n",
                    x.undated);
    } else if (strcmp(format, "plover") == 0) {
        plover_export x = {.codes = codes, .cameo = cameo};
        status = export_plover(s, &q, &x, &d);
        if (!status && x.untyped)
            fprintf(stderr,
                    "sitrep: %lld event(s) without a PLOVER type left out (root 01 statements: "
                    "PLOVER does not code them)\n",
                    x.untyped);
        if (!status && x.undated)
            fprintf(stderr,
                    "sitrep: %lld event(s) without a date left out (a PLOVER record needs one)\n",
                    x.undated);
    } else {
        status = export_articles(s, &q, filtered, &d);
    }
    store_close(s);
    geocodes_free(codes);
    cameo_free(cameo);
    if (status) {
        cmd_error("%s", d.message[0] ? d.message : sitrep_strerror(status));
        return status == SITREP_EUSAGE ? EXIT_USAGE : EXIT_RUNTIME;
    }
    return fflush(stdout) == 0 ? EXIT_OK : EXIT_RUNTIME;
}
