/* cmd_ingest.c - `sitrep ingest`: code articles (or read already-coded JSON lines) and keep
 * them in the event store, one transaction per batch. Also the --db handling shared by the
 * store commands (query, export, stats, serve): a file, a PostgreSQL URL, or $SITREP_DB.
 */
#include "cmd.h"
#include "store/store.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char ingest_help[] =
    "usage: sitrep ingest [--db FILE|URL] [--coded] [--jobs N] [--input jsonl|html|text]\n"
    "                     [--published YYYY-MM-DD] [--published-from-name] [--dict DIR]\n"
    "                     [--dedup-days N] [--batch N] [FILE|DIR|-]...\n"
    "\n"
    "Codes each article (as `sitrep code` does) and stores the result in the event store:\n"
    "articles, sentences (with a full-text index), actors, events, quotes, quantities, dates\n"
    "and places. A directory is read recursively. Storing the same article again (same id or\n"
    "same text) changes nothing. The same event reported by several articles (same source,\n"
    "target and CAMEO code, same place, same day) is stored once with its number of mentions,\n"
    "articles and distinct publishers.\n"
    "\n"
    "  --db FILE|URL   an SQLite file, or a PostgreSQL server shared by many writers\n"
    "                  (postgresql://USER@HOST/DB); default: $SITREP_DB, else\n"
    "                  $XDG_DATA_HOME/sitrep/events.db, else ~/.local/share/sitrep/events.db\n"
    "  --coded         the input is already coded: one JSON object per line as written by\n"
    "                  `sitrep code` (e.g. coded on another machine)\n"
    "  --jobs N        code N articles in parallel\n"
    "  --input K       treat every input as jsonl, html or text\n"
    "  --published D   publication date for articles that give none\n"
    "  --published-from-name\n"
    "                  an article that gives no date takes a YYYY-MM-DD in its file name\n"
    "                  (PolNeAR's publisher_2016-10-04_slug.txt) before --published\n"
    "  --dict DIR      data directory\n"
    "  --dedup-days N  events up to N days apart still count as one (default 0: same day)\n"
    "  --batch N       articles per transaction (default 500)\n"
    "\n"
    "A record that cannot be read or stored is reported on stderr as FILE:LINE: message and\n"
    "skipped; the rest is stored. Another process writing the same database is waited for\n"
    "(SQLite) or writes at the same time (PostgreSQL). After a database error nothing more is\n"
    "stored; the rest of the input is counted as not stored, and ingesting it again later\n"
    "stores what is missing. Exit status: 0 all stored, 1 something was not stored, 2 usage\n"
    "error.\n";

const char *cmd_store_path(const char *db, char *path, size_t size)
{
    if (!db || !db[0])
        db = getenv("SITREP_DB");
    if (db && db[0])
        return db;
    diag d;
    diag_clear(&d);
    if (store_default_path(path, size, &d) != SITREP_OK) {
        char message[1200];
        diag_format(&d, message, sizeof message);
        cmd_error("%s", message);
        return NULL;
    }
    return path;
}

int cmd_store_open(const char *db, const store_options *options, store **out)
{
    char path[4096], shown[4096];
    if (!(db = cmd_store_path(db, path, sizeof path)))
        return EXIT_RUNTIME;
    diag d;
    diag_clear(&d);
    if (store_open(db, options, out, &d) != SITREP_OK) {
        store_display_name(db, shown, sizeof shown);
        cmd_error("%s: %s", shown, d.message);
        return EXIT_RUNTIME;
    }
    return EXIT_OK;
}

typedef struct ingest_state {
    store *store;
    long long added, unchanged, failed;
    long long batch_taken; /* records put in the open batch */
    long long not_stored;  /* records lost to a database error: rolled back or never tried */
    bool sql_failed;
} ingest_state;

static int sink_begin(void *user)
{
    ingest_state *state = user;
    diag d;
    diag_clear(&d);
    if (store_begin(state->store, &d) != SITREP_OK) {
        cmd_error("cannot start a transaction: %s", d.message);
        return 1;
    }
    state->sql_failed = false;
    state->batch_taken = 0;
    return 0;
}

static bool sink_record(void *user, const char *path, long line, const char *json, size_t length)
{
    ingest_state *state = user;
    if (state->sql_failed) {
        state->not_stored++;
        return false;
    }
    diag d;
    diag_clear(&d);
    store_outcome outcome;
    sitrep_status status = store_put_article_json(state->store, json, length, &outcome, &d);
    if (status == SITREP_OK) {
        state->batch_taken++;
        return true;
    }
    if (line > 0)
        cmd_error("%s:%ld: %s", path, line, d.message);
    else
        cmd_error("%s: %s", path, d.message);
    if (status == SITREP_ESQL) {
        state->sql_failed = true;
        state->not_stored++;
    } else {
        state->failed++;
    }
    return false;
}

static int sink_end(void *user)
{
    ingest_state *state = user;
    diag d;
    diag_clear(&d);
    if (state->sql_failed) {
        store_rollback(state->store);
        state->not_stored += state->batch_taken;
        cmd_error("the database failed; the batch of %lld articles was rolled back",
                  state->batch_taken);
        return 1;
    }
    if (store_commit(state->store, &d) != SITREP_OK) {
        state->not_stored += state->batch_taken;
        cmd_error("cannot commit (%lld articles not stored): %s", state->batch_taken, d.message);
        return 1;
    }
    store_counts counts = store_committed(state->store);
    state->added += counts.added;
    state->unchanged += counts.duplicates;
    return 0;
}

/* After a database error the rest of the input is read, not coded: it counts as not stored. */
static void sink_not_taken(void *user, size_t records)
{
    ((ingest_state *)user)->not_stored += (long long)records;
}

static bool parse_count(const char *option, const char *value, long low, long high, long *out)
{
    char *end;
    long n = strtol(value, &end, 10);
    if (*end || end == value || n < low || n > high) {
        cmd_error("%s wants a number from %ld to %ld, not '%s'", option, low, high, value);
        return false;
    }
    *out = n;
    return true;
}

int cmd_ingest(int argc, char **argv)
{
    batch_options options = {.input_kind = -1,
                             .format = SITREP_FORMAT_JSONL,
                             .jobs = 1,
                             .progress = true,
                             .batch_records = 500};
    sitrep_options context_options = {0};
    store_options store_opts = {0};
    const char *db = NULL;
    int alloc = argc + 1, npaths = 0, rc = -1;
    char **paths = calloc((size_t)alloc, sizeof(char *));
    if (!paths)
        return EXIT_RUNTIME;
    for (int i = 1; i < argc && rc < 0; i++) {
        const char *arg = argv[i];
        const char *value = i + 1 < argc ? argv[i + 1] : NULL;
        long n;
        if (strcmp(arg, "--help") == 0 || strcmp(arg, "-h") == 0) {
            fputs(ingest_help, stdout);
            rc = EXIT_OK;
        } else if (strcmp(arg, "-") == 0 || arg[0] != '-') {
            paths[npaths++] = xstrdup(arg);
        } else if (strcmp(arg, "--coded") == 0) {
            options.passthrough = true;
        } else if (strcmp(arg, "--published-from-name") == 0) {
            context_options.published_from_name = 1;
        } else if (!value) {
            cmd_error("option '%s' needs a value (see --help)", arg);
            rc = EXIT_USAGE;
        } else {
            i++;
            if (strcmp(arg, "--db") == 0)
                db = value;
            else if (strcmp(arg, "--jobs") == 0 || strcmp(arg, "-j") == 0)
                rc = parse_count(arg, value, 1, 256, &n) ? (options.jobs = (int)n, -1) : EXIT_USAGE;
            else if (strcmp(arg, "--batch") == 0)
                rc = parse_count(arg, value, 1, 100000, &n)
                         ? (options.batch_records = (size_t)n, -1)
                         : EXIT_USAGE;
            else if (strcmp(arg, "--dedup-days") == 0)
                rc = parse_count(arg, value, 0, 3650, &n) ? (store_opts.dedup_days = (int)n, -1)
                                                          : EXIT_USAGE;
            else if (strcmp(arg, "--input") == 0)
                rc = (options.input_kind = parse_input_kind(value)) < 0 ? EXIT_USAGE : -1;
            else if (strcmp(arg, "--published") == 0)
                context_options.published = value;
            else if (strcmp(arg, "--dict") == 0)
                context_options.data_dir = value;
            else {
                cmd_error("unknown option '%s' (see --help)", arg);
                rc = EXIT_USAGE;
            }
        }
    }
    /* Directories become their files, in sorted order. */
    char **files = NULL;
    int nfiles = 0;
    bool listing_failed = rc < 0 && !cmd_expand_paths(paths, npaths, &files, &nfiles);
    cmd_free_paths(paths, npaths);
    if (options.passthrough)
        options.input_kind = SITREP_INPUT_JSONL;

    sitrep_context *context = NULL;
    store *s = NULL;
    if (rc < 0 && !options.passthrough) {
        int context_rc;
        if (!(context = cmd_context_new(&context_options, true, &context_rc)))
            rc = context_rc;
    }
    if (rc < 0 && npaths > 0 && nfiles == 0 && !listing_failed) {
        cmd_error("no files to ingest");
        rc = EXIT_RUNTIME;
    }
    char default_db[4096];
    if (rc < 0 && !(db = cmd_store_path(db, default_db, sizeof default_db)))
        rc = EXIT_RUNTIME;
    if (rc < 0) {
        int open_rc = cmd_store_open(db, &store_opts, &s);
        if (open_rc != EXIT_OK)
            rc = open_rc;
    }
    if (rc < 0) {
        ingest_state state = {.store = s};
        batch_sink sink = {&state, sink_begin, sink_record, sink_end, sink_not_taken};
        options.sink = &sink;
        char *stdin_path[] = {(char *)"-"};
        rc = batch_run(context, &options, nfiles ? files : stdin_path, nfiles ? nfiles : 1);
        if (listing_failed)
            rc = EXIT_RUNTIME;
        char shown[4096];
        store_display_name(db, shown, sizeof shown);
        if (state.not_stored) {
            fprintf(stderr,
                    "sitrep: ingest: %lld stored, %lld already there, %lld failed, %lld not "
                    "stored after the database error (in %s; ingest them again once it is fixed: "
                    "what is stored is skipped)\n",
                    state.added, state.unchanged, state.failed, state.not_stored, shown);
            rc = EXIT_RUNTIME;
        } else {
            fprintf(stderr,
                    "sitrep: ingest: %lld stored, %lld already there, %lld failed (in %s)\n",
                    state.added, state.unchanged, state.failed, shown);
        }
    }
    store_close(s);
    sitrep_context_free(context);
    cmd_free_paths(files, nfiles);
    return rc;
}
