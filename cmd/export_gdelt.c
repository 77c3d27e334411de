/* export_gdelt.c - `sitrep export --format gdelt`: stored events as the GDELT 2.0 event table,
 * 61 tab-separated columns in the codebook's order: geography in FIPS 10-4 codes with
 * ActionGeo_Type by the place's kind, each actor placed where the text puts it, names
 * resolved and upper-case, no row without SQLDATE. Column choices: docs/exports.md.
 */
#include "cmd.h"
#include "lexicon/lexicon.h"
#include "store/store.h"

#include <cjson/cJSON.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* The GDELT 2.0 event table, in the codebook's order. */
const char *const gdelt_columns[GDELT_COLUMNS] = {
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
    G_ACTOR1GEO = 35, /* Type, FullName, CountryCode, ADM1, ADM2, Lat, Long, FeatureID */
    G_ACTOR2GEO = 43,
    G_ACTIONGEO = 51,
    G_DATEADDED = 59,
    G_SOURCEURL = 60
};

/* Cells of one row; values are copied into `text` (tabs and line breaks become spaces). */
typedef struct gdelt_row {
    const char *cell[GDELT_COLUMNS];
    char text[GDELT_COLUMNS][256];
} gdelt_row;

static void put(gdelt_row *row, int column, const char *value)
{
    if (!value || !*value)
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

/* ---- actors ---- */

/* CAMEO codes of regions, sectors and religions: the parts of an actor code that name no
 * particular group (IGOUNODEV is the UN, UNO; USAMIL has no known group). */
static bool generic_part(const char *p)
{
    static const char *const parts[] = {
        /* regions */
        "AFR", "ASA", "BLK", "CAS", "CAU", "CFR", "CRB", "EAF", "EEU", "EIN", "EUR", "LAM", "MEA",
        "NAF", "NMR", "PGS", "SAF", "SAM", "SAS", "SEA", "SCN", "WAF", "WST", "WEU",
        /* types and sectors */
        "AGR", "BUS", "CRM", "CVL", "DEV", "EDU", "ELI", "ENV", "GOV", "HLH", "HRI", "INS", "JUD",
        "LAB", "LEG", "MED", "MIL", "OPP", "REB", "REF", "SEP", "SPY", "UAF", "COP", "MOD", "RAD",
        "AMN", "IGO", "NGO", "IMG", "MNC", "INT", "NGM", "PTY", "SET", "UIS", "PKO",
        /* religions */
        "MUS", "CHR", "JEW", "BUD", "HIN", "SHI", "SUN", "CTH", "ORT", "PRO", "SIK", "JAN", "TAO",
        "ZRO", "ALE", "DRZ", "SFI", "BAH", "MOS"};
    for (size_t i = 0; i < ARRAY_LEN(parts); i++)
        if (!strncmp(p, parts[i], 3))
            return true;
    return false;
}

/* GDELT's KnownGroupCode: the last part of the code that names a particular organisation or
 * group ("IGOUNO": UNO, "IGOWSTNAT": NAT, "IMGMUSALQ": ALQ, "AFGREBTAL": TAL). */
static bool known_group(const char *code, const char *country, char out[4])
{
    size_t n = code ? strlen(code) : 0;
    if (n < 6 || n % 3)
        return false;
    for (size_t at = n - 3; at >= 3; at -= 3) {
        const char *part = code + at;
        if (!generic_part(part) && !(country && !strncmp(part, country, 3))) {
            memcpy(out, part, 3);
            out[3] = '\0';
            return true;
        }
    }
    return false;
}

/* A pronoun as written: lower case or capitalised ("it", "It"), never all capitals ("US" is
 * the United States, "IT" a sector). */
static bool is_pronoun(const char *s)
{
    static const char *const words[] = {"he",    "she",    "it",  "they",  "him",  "her", "them",
                                        "his",   "its",    "we",  "us",    "our",  "i",   "you",
                                        "their", "theirs", "who", "which", "this", "that"};
    char lower[16];
    size_t n = strlen(s);
    if (n == 0 || n >= sizeof lower)
        return false;
    for (size_t i = 0; i < n; i++) {
        if (i > 0 && s[i] >= 'A' && s[i] <= 'Z')
            return false;
        lower[i] = (char)(s[i] >= 'A' && s[i] <= 'Z' ? s[i] + 32 : s[i]);
    }
    lower[n] = '\0';
    if (n == 1 && s[0] == 'I')
        return true;
    for (size_t i = 0; i < ARRAY_LEN(words); i++)
        if (!strcmp(lower, words[i]))
            return true;
    return false;
}

/* The name GDELT writes: the resolved name upper-case, "the" dropped; never a pronoun. */
static void put_name(gdelt_row *row, int column, const char *name, const char *text)
{
    const char *s = name && *name ? name : text;
    if (!s || is_pronoun(s))
        return;
    if (!strncasecmp(s, "the ", 4))
        s += 4;
    char upper[256];
    size_t n = 0;
    for (; s[n] && n + 1 < sizeof upper; n++)
        upper[n] = (char)(s[n] >= 'a' && s[n] <= 'z' ? s[n] - 32 : s[n]);
    upper[n] = '\0';
    put(row, column, upper);
}

static void put_actor(gdelt_row *row, int base, const char *code, const char *name,
                      const char *text, const char *country, const char *role)
{
    if (!code && !role)
        return; /* nobody known: GDELT leaves the actor empty */
    put(row, base + 0, code);
    put_name(row, base + 1, name, text);
    put(row, base + 2, country);
    char group[4];
    if (known_group(code, country, group))
        put(row, base + 3, group);
    put(row, base + 7, role); /* Type1Code: GOV, MIL, REB ... */
}

/* ---- geography ---- */

typedef struct place {
    const char *name, *kind, *country, *admin1;
    double lat, lon;
    bool has_coordinates;
} place;

/* The place object of a side as stored (JSON), or false. The strings point into json. */
static bool place_of_json(const cJSON *json, place *p)
{
    if (!cJSON_IsObject(json))
        return false;
    const cJSON *lat = cJSON_GetObjectItemCaseSensitive(json, "lat");
    const cJSON *lon = cJSON_GetObjectItemCaseSensitive(json, "lon");
    p->name = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(json, "name"));
    p->kind = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(json, "kind"));
    p->country = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(json, "country"));
    p->admin1 = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(json, "admin1"));
    p->has_coordinates = cJSON_IsNumber(lat) && cJSON_IsNumber(lon);
    p->lat = p->has_coordinates ? lat->valuedouble : 0;
    p->lon = p->has_coordinates ? lon->valuedouble : 0;
    return p->name != NULL;
}

/* ActionGeo_Type by the place's kind: 1 country, 2 US state, 3 US city, 4 world city (also a
 * named feature: a sea, a region beyond one country), 5 world state (a first-level region,
 * a named region inside one country). 0 when unknown. */
static int geo_type(const place *p)
{
    bool us = p->country && !strcmp(p->country, "USA");
    const char *k = p->kind ? p->kind : "";
    if (!strcmp(k, "country"))
        return 1;
    if (!strcmp(k, "admin1"))
        return us ? 2 : 5;
    if (!strcmp(k, "city"))
        return us ? 3 : 4;
    if (!strcmp(k, "region"))
        return p->country ? 5 : 4;
    if (!strcmp(k, "water"))
        return 4;
    return p->country ? 1 : 0; /* stored before kinds were kept: as a country-level place */
}

static void put_geo(gdelt_row *row, int base, const place *p, const geocodes *codes)
{
    int type = geo_type(p);
    if (!type)
        return;
    putf(row, base + 0, "%d", type);
    const char *country_name = geocodes_name(codes, p->country);
    char full[256];
    if (type == 1)
        snprintf(full, sizeof full, "%s", country_name ? country_name : p->name);
    else if (p->admin1 && strcmp(p->admin1, p->name) && country_name)
        snprintf(full, sizeof full, "%s, %s, %s", p->name, p->admin1, country_name);
    else if (country_name)
        snprintf(full, sizeof full, "%s, %s", p->name, country_name);
    else
        snprintf(full, sizeof full, "%s", p->name);
    put(row, base + 1, full);
    const char *fips = geocodes_fips(codes, p->country), *adm1 = NULL, *region_fips;
    /* the region the place lies in, else the place itself as a region (the Gaza Strip: GZ) */
    if (geocodes_region(codes, p->country, p->admin1, &region_fips, &adm1) ||
        geocodes_region(codes, p->country, p->name, &region_fips, &adm1))
        fips = region_fips;
    put(row, base + 2, fips);
    if (type == 1)
        adm1 = fips; /* GDELT's ADM1 of a country is the country */
    put(row, base + 3, adm1);
    if (p->has_coordinates) {
        putf(row, base + 5, "%.4f", p->lat);
        putf(row, base + 6, "%.4f", p->lon);
    }
    if (type == 1 || type == 2 || type == 5)
        put(row, base + 7, adm1); /* GDELT's feature id of a country or state is its code */
}

static void put_side_geo(gdelt_row *row, int base, const char *json, const geocodes *codes)
{
    if (!json)
        return;
    cJSON *parsed = cJSON_Parse(json);
    place p;
    if (place_of_json(parsed, &p))
        put_geo(row, base, &p, codes);
    cJSON_Delete(parsed);
}

/* ---- rows ---- */

static int day_of_year(int y, int m, int d)
{
    static const int before[] = {0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334};
    bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return before[m - 1] + d + (leap && m > 2);
}

static sitrep_status gdelt_event(void *user, const store_event *e)
{
    gdelt_export *x = user;
    gdelt_row *row = x->row;
    int y, m, d;
    if (!e->day || sscanf(e->day, "%4d-%2d-%2d", &y, &m, &d) != 3 || m < 1 || m > 12 || d < 1 ||
        d > 31) {
        x->undated++; /* a GDELT row needs its SQLDATE */
        return SITREP_OK;
    }
    memset(row->cell, 0, sizeof row->cell);
    putf(row, G_ID, "%lld", e->id);
    putf(row, G_SQLDATE, "%04d%02d%02d", y, m, d);
    putf(row, G_MONTHYEAR, "%04d%02d", y, m);
    putf(row, G_YEAR, "%04d", y);
    bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    /* the share of the year gone by on that day: 0 to 0.9973 */
    putf(row, G_FRACTIONDATE, "%.4f", y + (day_of_year(y, m, d) - 1) / (leap ? 366.0 : 365.0));
    put_actor(row, G_ACTOR1, e->source_code, e->source_name, e->source_text, e->source_country,
              e->source_role);
    put_actor(row, G_ACTOR2, e->target_code, e->target_name, e->target_text, e->target_country,
              e->target_role);
    /* GDELT's IsRootEvent marks events from the lead paragraph; our nearest fact is the first
     * mention's sentence being the article's first. */
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
    put_side_geo(row, G_ACTOR1GEO, e->source_place, x->codes);
    put_side_geo(row, G_ACTOR2GEO, e->target_place, x->codes);
    if (e->place_name || e->place_country) {
        place p = {.name = e->place_name ? e->place_name : e->place_country,
                   .kind = e->place_kind,
                   .country = e->place_country,
                   .admin1 = e->place_admin1,
                   .lat = e->lat,
                   .lon = e->lon,
                   .has_coordinates = e->has_coordinates};
        put_geo(row, G_ACTIONGEO, &p, x->codes);
    }
    put(row, G_DATEADDED, e->added);
    put(row, G_SOURCEURL, e->url); /* empty rather than an id of ours */
    for (int c = 0; c < GDELT_COLUMNS; c++) {
        if (row->cell[c])
            fputs(row->cell[c], stdout);
        putchar(c == GDELT_COLUMNS - 1 ? '\n' : '\t');
    }
    x->rows++;
    return ferror(stdout) ? SITREP_EIO : SITREP_OK;
}

sitrep_status export_gdelt(store *s, const store_filter *q, gdelt_export *x, diag *d)
{
    if (x->header)
        for (int c = 0; c < GDELT_COLUMNS; c++)
            printf("%s%c", gdelt_columns[c], c == GDELT_COLUMNS - 1 ? '\n' : '\t');
    x->row = xmalloc(sizeof *x->row);
    sitrep_status status = store_query(s, q, gdelt_event, x, d);
    free(x->row);
    x->row = NULL;
    return status;
}
