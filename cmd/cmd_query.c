/* cmd_query.c - `sitrep query` (filtered events as an aligned table, JSON lines or CSV) and
 * `sitrep stats` (totals, events by CAMEO root, dyad and PLOVER type; --check verifies the
 * database). Reads the event store through store.h.
 */
#include "cmd.h"
#include "serve/serve.h"
#include "store/store.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

sitrep_status cmd_json_line(const json_writer *w, const buf *out)
{
    sitrep_status status = json_status(w);
    if (status)
        return status;
    fwrite(out->data, 1, out->len, stdout);
    fputc('\n', stdout);
    return ferror(stdout) ? SITREP_EIO : SITREP_OK;
}

const char cmd_filter_help[] =
    "  --actor C        source or target code starts with C (RUS matches RUSGOV, RUSMIL)\n"
    "  --source C       source code starts with C;  --target C: target code starts with C\n"
    "  --cameo P        CAMEO event code starts with P (19 matches 190-196)\n"
    "  --root R         CAMEO root, exactly (two digits)\n"
    "  --plover T       PLOVER type (ASSAULT, AID, ...), any case\n"
    "  --modality M     a mention is asserted, negated, planned, possible or hypothetical\n"
    "  --attribution K  a mention is attributed to a named person, an official, an\n"
    "                   organization, a document, the publisher, or none\n"
    "  --since D        on or after D; --until D: on or before D (YYYY, YYYY-MM, YYYY-MM-DD)\n"
    "  --country C      the event's place is in country C\n"
    "  --text WORDS     every word occurs in a sentence that reports the event\n";

static const char query_help_head[] =
    "usage: sitrep query [--db FILE|URL] [--actor C] [--source C] [--target C] [--cameo P]\n"
    "                    [--root R] [--plover T] [--modality M] [--attribution KIND]\n"
    "                    [--since D] [--until D] [--country C] [--text WORDS] [--limit N]\n"
    "                    [--format table|json|csv]\n"
    "\n"
    "Lists stored events, newest first, each with its first mention (article, sentence).\n";

static const char query_help_tail[] =
    "  --limit N        at most N events (default 100; 0 for all)\n"
    "  --format F       table (default on a terminal), json (one object per line, default\n"
    "                   otherwise) or csv\n"
    "  --db FILE|URL    the database: an SQLite file or a PostgreSQL URL (default:\n"
    "                   $SITREP_DB, else $XDG_DATA_HOME/sitrep/events.db); read-only\n";

static const char stats_help[] =
    "usage: sitrep stats [--db FILE|URL] [--top N] [--check]\n"
    "\n"
    "Prints how many articles, sentences, events and mentions the store holds, and the\n"
    "largest groups of events by CAMEO root, by dyad (source -> target) and by PLOVER type.\n"
    "  --top N    groups to show (default 10)\n"
    "  --check    also verify the database: SQLite's integrity, foreign-key and full-text\n"
    "             checks, every article stored completely, every event's counts equal to\n"
    "             its mentions; exit status 1 names the first problem\n"
    "  --db FILE|URL  an SQLite file or a PostgreSQL URL (default: $SITREP_DB, else\n"
    "             $XDG_DATA_HOME/sitrep/events.db); it must exist\n";

enum { FORMAT_TABLE, FORMAT_JSON, FORMAT_CSV };

/* ---- table: rows are kept so the columns can be aligned ---- */

#define NCOLUMNS 12
static const char *const table_header[NCOLUMNS] = {"ID",    "DAY",      "SOURCE",   "TARGET",
                                                   "CAMEO", "PLOVER",   "MENTIONS", "ARTS",
                                                   "SRCS",  "MODALITY", "ATTRIB",   "SENTENCE"};

typedef struct table {
    char **cells; /* rows * NCOLUMNS */
    size_t rows, alloc;
} table;

/* Display width in code points (UTF-8 continuation bytes do not count). */
static size_t width(const char *s)
{
    size_t n = 0;
    for (; *s; s++)
        n += ((unsigned char)*s & 0xc0) != 0x80;
    return n;
}

/* Copies at most max code points, replacing tabs and line breaks by spaces. */
static char *clip(const char *s, size_t max)
{
    if (!s)
        return xstrdup("-");
    size_t bytes = 0, points = 0;
    while (s[bytes] && points < max) {
        bytes++;
        while (((unsigned char)s[bytes] & 0xc0) == 0x80)
            bytes++;
        points++;
    }
    bool cut = s[bytes] != '\0';
    char *out = xmalloc(bytes + 4);
    memcpy(out, s, bytes);
    for (size_t i = 0; i < bytes; i++)
        if (out[i] == '\t' || out[i] == '\n' || out[i] == '\r')
            out[i] = ' ';
    if (cut)
        memcpy(out + bytes, "\xe2\x80\xa6", 4); /* an ellipsis */
    else
        out[bytes] = '\0';
    return out;
}

static sitrep_status table_row(void *user, const store_event *e)
{
    table *t = user;
    if (t->rows == t->alloc) {
        t->alloc = t->alloc ? t->alloc * 2 : 64;
        t->cells = xrealloc(t->cells, t->alloc * NCOLUMNS * sizeof(char *));
    }
    char **row = t->cells + t->rows * NCOLUMNS;
    char number[32];
    snprintf(number, sizeof number, "%lld", e->id);
    row[0] = xstrdup(number);
    row[1] = clip(e->day, 10);
    row[2] = clip(e->source_code, 16);
    row[3] = clip(e->target_code, 16);
    row[4] = clip(e->cameo, 6);
    row[5] = clip(e->plover, 12);
    snprintf(number, sizeof number, "%lld", e->num_mentions);
    row[6] = xstrdup(number);
    snprintf(number, sizeof number, "%lld", e->num_articles);
    row[7] = xstrdup(number);
    snprintf(number, sizeof number, "%lld", e->num_sources);
    row[8] = xstrdup(number);
    row[9] = clip(e->modality, 12);
    row[10] = clip(e->attribution_kind, 12);
    row[11] = clip(e->sentence_text, 70);
    t->rows++;
    return SITREP_OK;
}

static void table_print(table *t)
{
    size_t widths[NCOLUMNS];
    for (int c = 0; c < NCOLUMNS; c++)
        widths[c] = width(table_header[c]);
    for (size_t r = 0; r < t->rows; r++)
        for (int c = 0; c < NCOLUMNS; c++) {
            size_t w = width(t->cells[r * NCOLUMNS + c]);
            if (w > widths[c])
                widths[c] = w;
        }
    for (size_t r = 0; r <= t->rows; r++) {
        for (int c = 0; c < NCOLUMNS; c++) {
            const char *cell = r == 0 ? table_header[c] : t->cells[(r - 1) * NCOLUMNS + c];
            bool numeric = c == 0 || (c >= 6 && c <= 8);
            size_t pad = widths[c] - width(cell);
            if (c == NCOLUMNS - 1)
                printf("%s\n", cell);
            else if (numeric)
                printf("%*s%s  ", (int)pad, "", cell);
            else
                printf("%s%*s  ", cell, (int)pad, "");
        }
    }
    for (size_t i = 0; i < t->rows * NCOLUMNS; i++)
        free(t->cells[i]);
    free(t->cells);
}

/* ---- JSON lines ---- */

static sitrep_status json_row(void *user, const store_event *e)
{
    buf *out = user;
    buf_reset(out);
    json_writer w;
    json_init(&w, out, false);
    store_json_event(&w, e);
    return cmd_json_line(&w, out);
}

/* ---- CSV (RFC 4180) ---- */

static void csv_field(const char *s, bool last)
{
    if (s && strpbrk(s, ",\"\r\n")) {
        putchar('"');
        for (; *s; s++) {
            if (*s == '"')
                putchar('"');
            putchar(*s);
        }
        putchar('"');
    } else if (s) {
        fputs(s, stdout);
    }
    putchar(last ? '\n' : ',');
}

static sitrep_status csv_row(void *user, const store_event *e)
{
    (void)user;
    char id[32], mentions[32], articles[32], sources[32], goldstein[32], quad[8], sentence[32];
    snprintf(id, sizeof id, "%lld", e->id);
    snprintf(mentions, sizeof mentions, "%lld", e->num_mentions);
    snprintf(articles, sizeof articles, "%lld", e->num_articles);
    snprintf(sources, sizeof sources, "%lld", e->num_sources);
    snprintf(goldstein, sizeof goldstein, e->has_goldstein ? "%g" : "", e->goldstein);
    snprintf(quad, sizeof quad, e->quad_class ? "%d" : "", e->quad_class);
    snprintf(sentence, sizeof sentence, e->sentence >= 0 ? "%lld" : "", e->sentence);
    const char *fields[] = {id,
                            e->day,
                            e->source_code,
                            e->target_code,
                            e->cameo,
                            e->root,
                            e->plover,
                            goldstein,
                            quad,
                            e->place_country,
                            e->place_name,
                            mentions,
                            articles,
                            sources,
                            e->modality,
                            e->attribution_kind,
                            e->article_id,
                            sentence,
                            e->sentence_text};
    for (size_t i = 0; i < ARRAY_LEN(fields); i++)
        csv_field(fields[i], i + 1 == ARRAY_LEN(fields));
    return ferror(stdout) ? SITREP_EIO : SITREP_OK;
}

int cmd_filter_option(const char *arg, const char *value, store_filter *q)
{
    struct {
        const char *name;
        const char **field;
    } filters[] = {
        {"--actor", &q->actor},       {"--source", &q->source},
        {"--target", &q->target},     {"--cameo", &q->cameo},
        {"--root", &q->root},         {"--plover", &q->plover},
        {"--modality", &q->modality}, {"--attribution", &q->attribution},
        {"--since", &q->since},       {"--until", &q->until},
        {"--country", &q->country},   {"--text", &q->text},
    };
    for (size_t f = 0; f < ARRAY_LEN(filters); f++)
        if (strcmp(arg, filters[f].name) == 0) {
            *filters[f].field = value;
            return 1;
        }
    if (strcmp(arg, "--limit") == 0) {
        char *end;
        q->limit = strtol(value, &end, 10);
        if (*end || end == value || q->limit < 0) {
            cmd_error("--limit wants a number (0 for all), not '%s'", value);
            return -1;
        }
        return 1;
    }
    return 0;
}

int cmd_query(int argc, char **argv)
{
    store_filter q = {.limit = 100};
    const char *db = NULL;
    int format = isatty(1) ? FORMAT_TABLE : FORMAT_JSON;
    for (int i = 1; i < argc; i++) {
        const char *arg = argv[i];
        const char *value = i + 1 < argc ? argv[i + 1] : NULL;
        if (strcmp(arg, "--help") == 0 || strcmp(arg, "-h") == 0) {
            fputs(query_help_head, stdout);
            fputs(cmd_filter_help, stdout);
            fputs(query_help_tail, stdout);
            return EXIT_OK;
        }
        if (!value) {
            cmd_error("%s (see --help)",
                      arg[0] == '-' ? "option needs a value" : "unexpected argument");
            return EXIT_USAGE;
        }
        i++;
        int filter = cmd_filter_option(arg, value, &q);
        if (filter < 0)
            return EXIT_USAGE;
        if (filter)
            continue;
        if (strcmp(arg, "--db") == 0) {
            db = value;
        } else if (strcmp(arg, "--format") == 0) {
            if (strcmp(value, "table") == 0)
                format = FORMAT_TABLE;
            else if (strcmp(value, "json") == 0 || strcmp(value, "jsonl") == 0)
                format = FORMAT_JSON;
            else if (strcmp(value, "csv") == 0)
                format = FORMAT_CSV;
            else {
                cmd_error("unknown format '%s' (expected table, json or csv)", value);
                return EXIT_USAGE;
            }
        } else {
            cmd_error("unknown option '%s' (see --help)", arg);
            return EXIT_USAGE;
        }
    }
    /* The same checks as the API's: a filter that cannot match is a usage error, not an
     * empty answer. */
    char error[400];
    if (serve_filter_check(&q, error, sizeof error)) {
        cmd_error("query: --%s (see --help)", error);
        return EXIT_USAGE;
    }
    store *s;
    store_options options = {.read_only = true};
    int rc = cmd_store_open(db, &options, &s);
    if (rc != EXIT_OK)
        return rc;
    diag d;
    diag_clear(&d);
    sitrep_status status;
    if (format == FORMAT_TABLE) {
        table t = {0};
        status = store_query(s, &q, table_row, &t, &d);
        if (!status)
            table_print(&t);
    } else if (format == FORMAT_JSON) {
        buf out;
        buf_init(&out, 0);
        status = store_query(s, &q, json_row, &out, &d);
        buf_release(&out);
    } else {
        puts("id,day,source,target,cameo,root,plover,goldstein,quad_class,country,place,"
             "num_mentions,num_articles,num_sources,modality,attribution,article,sentence,"
             "sentence_text");
        status = store_query(s, &q, csv_row, NULL, &d);
    }
    store_close(s);
    if (status) {
        cmd_error("%s", d.message[0] ? d.message : sitrep_strerror(status));
        return status == SITREP_EUSAGE ? EXIT_USAGE : EXIT_RUNTIME;
    }
    return fflush(stdout) == 0 ? EXIT_OK : EXIT_RUNTIME;
}

static sitrep_status print_group(void *user, const char *key, long long count)
{
    (void)user;
    printf("  %-28s %lld\n", key, count);
    return SITREP_OK;
}

int cmd_stats(int argc, char **argv)
{
    const char *db = NULL;
    long top = 10;
    bool check = false;
    for (int i = 1; i < argc; i++) {
        const char *arg = argv[i];
        if (strcmp(arg, "--help") == 0 || strcmp(arg, "-h") == 0) {
            fputs(stats_help, stdout);
            return EXIT_OK;
        }
        if (strcmp(arg, "--check") == 0) {
            check = true;
            continue;
        }
        if (i + 1 >= argc || (strcmp(arg, "--db") != 0 && strcmp(arg, "--top") != 0)) {
            cmd_error("unknown option or missing value '%s' (see --help)", arg);
            return EXIT_USAGE;
        }
        const char *value = argv[++i];
        if (strcmp(arg, "--db") == 0) {
            db = value;
        } else {
            char *end;
            top = strtol(value, &end, 10);
            if (*end || end == value || top < 1) {
                cmd_error("--top wants a positive number, not '%s'", value);
                return EXIT_USAGE;
            }
        }
    }
    store *s;
    store_options options = {.read_only = !check, .must_exist = true};
    int rc = cmd_store_open(db, &options, &s);
    if (rc != EXIT_OK)
        return rc;
    diag d;
    diag_clear(&d);
    store_totals t;
    sitrep_status status = store_count(s, &t, &d);
    if (!status) {
        printf("articles %lld, sentences %lld, actors %lld, events %lld (%lld reported by more "
               "than one article), mentions %lld, quotes %lld, quantities %lld, dates %lld, "
               "places %lld\n",
               t.articles, t.sentences, t.actors, t.events, t.merged, t.mentions, t.quotes,
               t.quantities, t.dates, t.places);
        static const struct {
            store_group group;
            const char *title;
        } groups[] = {{STORE_BY_ROOT, "events by CAMEO root"},
                      {STORE_BY_DYAD, "events by dyad"},
                      {STORE_BY_PLOVER, "events by PLOVER type"}};
        for (size_t g = 0; g < ARRAY_LEN(groups) && !status; g++) {
            printf("%s:%s\n", groups[g].title, t.events ? "" : " none yet");
            if (t.events)
                status = store_summary(s, groups[g].group, top, print_group, NULL, &d);
        }
    }
    if (!status && check) {
        status = store_check(s, &d);
        if (!status)
            printf("check: ok\n");
    }
    store_close(s);
    if (status) {
        cmd_error("%s", d.message[0] ? d.message : sitrep_strerror(status));
        return EXIT_RUNTIME;
    }
    return EXIT_OK;
}
