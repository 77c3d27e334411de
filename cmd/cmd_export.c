/* cmd_export.c - `sitrep export`: the whole event store as the GDELT 2.0 event table (61
 * tab-separated columns), PLOVER-style JSON lines, or our own JSON-lines contract (the stored
 * articles, as coded). Column choices are documented in docs/store.md.
 */
#include "cmd.h"
#include "store/store.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char export_help[] =
    "usage: sitrep export [--db FILE|URL] --format gdelt|plover|jsonl [--header]\n"
    "\n"
    "Writes everything in the store to standard output:\n"
    "  gdelt   the GDELT 2.0 event table: one merged event per line, 61 tab-separated\n"
    "          columns in the codebook's order, columns sitrep does not fill left empty\n"
    "          (--header adds a first line with the column names)\n"
    "  plover  one PLOVER-style JSON object per event per line\n"
    "  jsonl   the stored articles, one JSON object per line, as `sitrep code` wrote them\n"
    "--db names an SQLite file or a PostgreSQL URL (default: $SITREP_DB, else\n"
    "$XDG_DATA_HOME/sitrep/events.db); it is opened read-only.\n";

/* The GDELT 2.0 event table, in the codebook's order. */
static const char *const gdelt_columns[] = {
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    /* actor 1, then actor 2 */
    "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode", "Actor1EthnicCode",
    "Actor1Religion1Code", "Actor1Religion2Code", "Actor1Type1Code", "Actor1Type2Code",
    "Actor1Type3Code", "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode",
    "Actor2EthnicCode", "Actor2Religion1Code", "Actor2Religion2Code", "Actor2Type1Code",
    "Actor2Type2Code", "Actor2Type3Code",
    /* the event */
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    /* geography of actor 1, actor 2 and the action */
    "Actor1Geo_Type", "Actor1Geo_FullName", "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code",
    "Actor1Geo_ADM2Code", "Actor1Geo_Lat", "Actor1Geo_Long", "Actor1Geo_FeatureID",
    "Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode", "Actor2Geo_ADM1Code",
    "Actor2Geo_ADM2Code", "Actor2Geo_Lat", "Actor2Geo_Long", "Actor2Geo_FeatureID",
    "ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code",
    "ActionGeo_ADM2Code", "ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID",
    /* bookkeeping */
    "DATEADDED", "SOURCEURL"};

_Static_assert(sizeof gdelt_columns / sizeof gdelt_columns[0] == 61,
               "the GDELT 2.0 event table has 61 columns");

enum {
    G_ID = 0,
    G_SQLDATE,
    G_MONTHYEAR,
    G_YEAR,
    G_FRACTIONDATE,
    G_ACTOR1 = 5,  /* Code, Name, CountryCode, KnownGroup, Ethnic, Rel1, Rel2, Type1.. */
    G_ACTOR2 = 15, /* same ten */
    G_ISROOT = 25,
    G_EVENTCODE,
    G_BASECODE,
    G_ROOTCODE,
    G_QUADCLASS,
    G_GOLDSTEIN,
    G_NUMMENTIONS,
    G_NUMSOURCES,
    G_NUMARTICLES,
    G_AVGTONE,
    G_ACTIONGEO = 51, /* Type, FullName, CountryCode, ADM1, ADM2, Lat, Long, FeatureID */
    G_DATEADDED = 59,
    G_SOURCEURL = 60
};

/* Cells of one row; values are copied into `text` (tabs and line breaks become spaces). */
typedef struct gdelt_row {
    const char *cell[61];
    char text[61][256];
} gdelt_row;

static void put(gdelt_row *row, int column, const char *value)
{
    if (!value)
        return;
    char *out = row->text[column];
    size_t n = strlen(value);
    if (n >= sizeof row->text[0])
        n = sizeof row->text[0] - 1;
    /* do not cut a UTF-8 sequence in half */
    while (n > 0 && ((unsigned char)value[n] & 0xc0) == 0x80)
        n--;
    for (size_t i = 0; i < n; i++)
        out[i] = value[i] == '\t' || value[i] == '\n' || value[i] == '\r' ? ' ' : value[i];
    out[n] = '\0';
    row->cell[column] = out;
}

static void putf(gdelt_row *row, int column, const char *format, ...)
    __attribute__((format(printf, 3, 4)));
static void putf(gdelt_row *row, int column, const char *format, ...)
{
    va_list args;
    va_start(args, format);
    vsnprintf(row->text[column], sizeof row->text[0], format, args);
    va_end(args);
    row->cell[column] = row->text[column];
}

static int day_of_year(int y, int m, int d)
{
    static const int before[] = {0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334};
    bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return before[m - 1] + d + (leap && m > 2);
}

static sitrep_status gdelt_event(void *user, const store_event *e)
{
    gdelt_row *row = user;
    memset(row->cell, 0, sizeof row->cell);
    putf(row, G_ID, "%lld", e->id);
    int y, m, d;
    if (e->day && sscanf(e->day, "%4d-%2d-%2d", &y, &m, &d) == 3 && m >= 1 && m <= 12) {
        putf(row, G_SQLDATE, "%04d%02d%02d", y, m, d);
        putf(row, G_MONTHYEAR, "%04d%02d", y, m);
        putf(row, G_YEAR, "%04d", y);
        putf(row, G_FRACTIONDATE, "%.4f", y + day_of_year(y, m, d) / 365.0);
    }
    const char *codes[2] = {e->source_code, e->target_code};
    const char *names[2] = {e->source_text, e->target_text};
    const char *countries[2] = {e->source_country, e->target_country};
    const char *roles[2] = {e->source_role, e->target_role};
    for (int a = 0; a < 2; a++) {
        int base = a ? G_ACTOR2 : G_ACTOR1;
        put(row, base + 0, codes[a]);
        put(row, base + 1, names[a]);
        put(row, base + 2, countries[a]);
        put(row, base + 7, roles[a]); /* Type1Code: GOV, MIL, REB ... */
    }
    /* GDELT's IsRootEvent marks events from the lead paragraph; our nearest fact is the
     * first mention's sentence being the article's first. */
    if (e->sentence >= 0)
        putf(row, G_ISROOT, "%d", e->sentence == 0);
    put(row, G_EVENTCODE, e->cameo);
    if (e->cameo && strlen(e->cameo) >= 3) {
        char base[4] = {e->cameo[0], e->cameo[1], e->cameo[2], '\0'};
        put(row, G_BASECODE, base);
    } else {
        put(row, G_BASECODE, e->cameo);
    }
    put(row, G_ROOTCODE, e->root);
    if (e->quad_class)
        putf(row, G_QUADCLASS, "%d", e->quad_class);
    if (e->has_goldstein)
        putf(row, G_GOLDSTEIN, "%.1f", e->goldstein);
    putf(row, G_NUMMENTIONS, "%lld", e->num_mentions);
    putf(row, G_NUMSOURCES, "%lld", e->num_sources);
    putf(row, G_NUMARTICLES, "%lld", e->num_articles);
    /* ActionGeo: type 1 is a country, 4 a place inside one (GDELT's "world city"). */
    if (e->place_name || e->place_country) {
        putf(row, G_ACTIONGEO, "%d", e->place_name ? 4 : 1);
        put(row, G_ACTIONGEO + 1, e->place_name ? e->place_name : e->place_country);
        put(row, G_ACTIONGEO + 2, e->place_country);
    }
    if (e->has_coordinates) {
        putf(row, G_ACTIONGEO + 5, "%.4f", e->lat);
        putf(row, G_ACTIONGEO + 6, "%.4f", e->lon);
    }
    put(row, G_DATEADDED, e->added);
    put(row, G_SOURCEURL, e->url ? e->url : e->article_id);
    for (int c = 0; c < 61; c++) {
        if (row->cell[c])
            fputs(row->cell[c], stdout);
        putchar(c == 60 ? '\n' : '\t');
    }
    return ferror(stdout) ? SITREP_EIO : SITREP_OK;
}

static sitrep_status plover_event(void *user, const store_event *e)
{
    buf *out = user;
    buf_reset(out);
    json_writer w;
    json_init(&w, out, false);
    json_object_begin(&w);
    char id[40];
    snprintf(id, sizeof id, "sitrep-%lld", e->id);
    json_key(&w, "id");
    json_cstr(&w, id);
    json_key(&w, "date");
    json_cstr(&w, e->day);
    json_key(&w, "event_type");
    json_cstr(&w, e->plover);
    json_key(&w, "mode");
    json_null(&w);
    json_key(&w, "context");
    json_array_begin(&w);
    json_array_end(&w);
    json_key(&w, "actor");
    json_cstr(&w, e->source_text);
    json_key(&w, "actor_code");
    json_cstr(&w, e->source_code);
    json_key(&w, "actor_country");
    json_cstr(&w, e->source_country);
    json_key(&w, "recipient");
    json_cstr(&w, e->target_text);
    json_key(&w, "recipient_code");
    json_cstr(&w, e->target_code);
    json_key(&w, "recipient_country");
    json_cstr(&w, e->target_country);
    json_key(&w, "cameo");
    json_cstr(&w, e->cameo);
    json_key(&w, "goldstein");
    if (e->has_goldstein)
        json_double(&w, e->goldstein);
    else
        json_null(&w);
    json_key(&w, "modality");
    json_cstr(&w, e->modality);
    store_json_place(&w, "location", e, false);
    store_json_counts(&w, e);
    json_key(&w, "source");
    json_object_begin(&w);
    json_key(&w, "article");
    json_cstr(&w, e->article_id);
    json_key(&w, "url");
    json_cstr(&w, e->url);
    json_key(&w, "publisher");
    json_cstr(&w, e->publisher);
    json_key(&w, "text");
    json_cstr(&w, e->sentence_text);
    json_object_end(&w);
    json_object_end(&w);
    return cmd_json_line(&w, out);
}

static sitrep_status article_line(void *user, const char *json, size_t length)
{
    (void)user;
    fwrite(json, 1, length, stdout);
    fputc('\n', stdout);
    return ferror(stdout) ? SITREP_EIO : SITREP_OK;
}

int cmd_export(int argc, char **argv)
{
    const char *db = NULL, *format = NULL;
    bool header = false;
    for (int i = 1; i < argc; i++) {
        const char *arg = argv[i];
        if (strcmp(arg, "--help") == 0 || strcmp(arg, "-h") == 0) {
            fputs(export_help, stdout);
            return EXIT_OK;
        }
        if (strcmp(arg, "--header") == 0) {
            header = true;
            continue;
        }
        if (i + 1 >= argc || (strcmp(arg, "--db") != 0 && strcmp(arg, "--format") != 0)) {
            cmd_error("unknown option or missing value '%s' (see --help)", arg);
            return EXIT_USAGE;
        }
        if (strcmp(arg, "--db") == 0)
            db = argv[++i];
        else
            format = argv[++i];
    }
    if (!format || (strcmp(format, "gdelt") != 0 && strcmp(format, "plover") != 0 &&
                    strcmp(format, "jsonl") != 0)) {
        cmd_error("--format wants gdelt, plover or jsonl");
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
    store_filter all = {.oldest_first = true};
    if (strcmp(format, "gdelt") == 0) {
        if (header)
            for (int c = 0; c < 61; c++)
                printf("%s%c", gdelt_columns[c], c == 60 ? '\n' : '\t');
        gdelt_row *row = xmalloc(sizeof *row);
        status = store_query(s, &all, gdelt_event, row, &d);
        free(row);
    } else if (strcmp(format, "plover") == 0) {
        buf out;
        buf_init(&out, 0);
        status = store_query(s, &all, plover_event, &out, &d);
        buf_release(&out);
    } else {
        status = store_articles(s, article_line, NULL, &d);
    }
    store_close(s);
    if (status) {
        cmd_error("%s", d.message[0] ? d.message : sitrep_strerror(status));
        return EXIT_RUNTIME;
    }
    return fflush(stdout) == 0 ? EXIT_OK : EXIT_RUNTIME;
}
