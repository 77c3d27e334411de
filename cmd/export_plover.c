/* export_plover.c - `sitrep export --format plover`: stored events as PLOVER JSON records in
 * the shape of the PLOVER manual's data-fields chapter: `event` list, `actor` and `recipient`
 * entity lists, `event_loc` as a GeoNames-style location, `mode` and `context` from the
 * CAMEO-to-PLOVER table, `cite_info`. Root 01 statements (dropped by PLOVER) are left out and
 * counted. Fields: docs/exports.md; schema: docs/schema/plover-record.schema.json.
 */
#include "cmd.h"
#include "lexicon/lexicon.h"
#include "store/store.h"

#include <cjson/cJSON.h>
#include <stdio.h>
#include <string.h>

#define PLOVER_CODEBOOK "plover-0.8 (CAMEO-to-PLOVER: data/cameo/plover.txt)"

/* PLOVER's quad categories by event type (the manual's table); 0 for a type it lacks. */
static int plover_quad(const char *type)
{
    static const struct {
        const char *type;
        int quad;
    } quads[] = {{"AGREE", 1},     {"CONSULT", 1},    {"SUPPORT", 1}, {"CONCEDE", 1},
                 {"COOPERATE", 2}, {"AID", 2},        {"RETREAT", 2}, {"INVESTIGATE", 2},
                 {"DEMAND", 3},    {"DISAPPROVE", 3}, {"ACCUSE", 3},  {"REJECT", 3},
                 {"SANCTION", 3},  {"THREATEN", 3},   {"PROTEST", 4}, {"CRIME", 4},
                 {"MOBILIZE", 4},  {"COERCE", 4},     {"ASSAULT", 4}};
    for (size_t i = 0; i < ARRAY_LEN(quads); i++)
        if (type && !strcmp(type, quads[i].type))
            return quads[i].quad;
    return 0;
}

/* A GeoNames-style location object (the manual's location table) of a place: name, latitude,
 * longitude, "country code" (ISO alpha-2), cc3, "admin1 code", "feature class" and "feature
 * code". */
static void write_location(json_writer *w, const plover_export *x, const char *name,
                           const char *kind, const char *country, const char *admin1,
                           bool has_coordinates, double lat, double lon)
{
    json_object_begin(w);
    json_key(w, "name");
    json_cstr(w, name);
    json_key(w, "latitude");
    if (has_coordinates)
        json_fixed(w, lat, 4);
    else
        json_null(w);
    json_key(w, "longitude");
    if (has_coordinates)
        json_fixed(w, lon, 4);
    else
        json_null(w);
    json_key(w, "country code");
    json_cstr(w, geocodes_iso2(x->codes, country));
    json_key(w, "cc3");
    json_cstr(w, country);
    const char *fips, *adm1 = NULL;
    if (!geocodes_region(x->codes, country, admin1, &fips, &adm1) &&
        !geocodes_region(x->codes, country, name, &fips, &adm1))
        adm1 = NULL;
    json_key(w, "admin1 code");
    json_cstr(w, adm1);
    json_key(w, "admin1");
    json_cstr(w, admin1);
    /* GeoNames feature classes and codes: A country, state; P city; L region; H water */
    const char *k = kind ? kind : "";
    const char *feature_class = !strcmp(k, "country") || !strcmp(k, "admin1") ? "A"
                                : !strcmp(k, "city")                          ? "P"
                                : !strcmp(k, "region")                        ? "L"
                                : !strcmp(k, "water")                         ? "H"
                                                                              : NULL;
    const char *feature_code = !strcmp(k, "country")  ? "PCLI"
                               : !strcmp(k, "admin1") ? "ADM1"
                               : !strcmp(k, "city")   ? "PPL"
                               : !strcmp(k, "region") ? "RGN"
                                                      : NULL;
    json_key(w, "feature class");
    json_cstr(w, feature_class);
    json_key(w, "feature code");
    json_cstr(w, feature_code);
    json_key(w, "kind"); /* ours: country, admin1, city, region, water */
    json_cstr(w, kind);
    json_object_end(w);
}

/* An actor object of the `actor` or `recipient` list: code (the top-level 3-character code:
 * the country, or IGO, NGO ...), sector (GOV, MIL ...), entity_text as written, entity_name
 * as resolved, the whole CAMEO code, and actor_loc. An empty list when the side is unknown. */
static void write_entities(json_writer *w, const plover_export *x, const char *key,
                           const char *code, const char *country, const char *role,
                           const char *text, const char *name, const char *place_json)
{
    json_key(w, key);
    json_array_begin(w);
    if (code || role) {
        json_object_begin(w);
        json_key(w, "code");
        if (country)
            json_cstr(w, country);
        else if (code && strlen(code) >= 3)
            json_string(w, code, 3);
        else
            json_null(w);
        json_key(w, "sector");
        json_cstr(w, role);
        json_key(w, "entity_text");
        json_cstr(w, text);
        json_key(w, "entity_name");
        json_cstr(w, name);
        json_key(w, "actor_code");
        json_cstr(w, code);
        json_key(w, "actor_loc");
        cJSON *p = place_json ? cJSON_Parse(place_json) : NULL;
        const cJSON *lat = cJSON_GetObjectItemCaseSensitive(p, "lat");
        const cJSON *lon = cJSON_GetObjectItemCaseSensitive(p, "lon");
        const char *place_name = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(p, "name"));
        if (place_name)
            write_location(w, x, place_name,
                           cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(p, "kind")),
                           cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(p, "country")),
                           cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(p, "admin1")),
                           cJSON_IsNumber(lat) && cJSON_IsNumber(lon),
                           cJSON_IsNumber(lat) ? lat->valuedouble : 0,
                           cJSON_IsNumber(lon) ? lon->valuedouble : 0);
        else
            json_null(w);
        cJSON_Delete(p);
        json_object_end(w);
    }
    json_array_end(w);
}

/* The record's context: the table's contexts ("military+economic") as a list. */
static void write_context(json_writer *w, const char *context)
{
    json_key(w, "context");
    json_array_begin(w);
    for (const char *p = context; p && *p;) {
        const char *plus = strchr(p, '+');
        size_t n = plus ? (size_t)(plus - p) : strlen(p);
        if (n)
            json_string(w, p, n);
        p = plus ? plus + 1 : p + n;
    }
    json_array_end(w);
}

static sitrep_status plover_event(void *user, const store_event *e)
{
    plover_export *x = user;
    if (!e->plover) {
        x->untyped++; /* root 01 statements: PLOVER does not code them */
        return SITREP_OK;
    }
    if (!e->day || strlen(e->day) != 10) {
        x->undated++; /* PLOVER requires the date */
        return SITREP_OK;
    }
    buf *out = x->out;
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
    json_key(&w, "event");
    json_array_begin(&w);
    json_cstr(&w, e->plover);
    json_array_end(&w);
    json_key(&w, "mode");
    json_cstr(&w, e->cameo ? cameo_plover_mode(x->cameo, e->cameo) : NULL);
    write_context(&w, e->cameo ? cameo_plover_context(x->cameo, e->cameo) : NULL);
    write_entities(&w, x, "actor", e->source_code, e->source_country, e->source_role,
                   e->source_text, e->source_name, e->source_place);
    write_entities(&w, x, "recipient", e->target_code, e->target_country, e->target_role,
                   e->target_text, e->target_name, e->target_place);
    json_key(&w, "event_loc");
    if (e->place_name || e->place_country)
        write_location(&w, x, e->place_name ? e->place_name : e->place_country, e->place_kind,
                       e->place_country, e->place_admin1, e->has_coordinates, e->lat, e->lon);
    else
        json_null(&w);
    json_key(&w, "event_text");
    json_array_begin(&w);
    if (e->sentence_text)
        json_cstr(&w, e->sentence_text);
    json_array_end(&w);
    json_key(&w, "quad_code");
    int quad = plover_quad(e->plover);
    if (quad || e->quad_class)
        json_int(&w, quad ? quad : e->quad_class);
    else
        json_null(&w);
    json_key(&w, "event_scale"); /* the Goldstein weight of the CAMEO code */
    if (e->has_goldstein)
        json_fixed(&w, e->goldstein, 1);
    else
        json_null(&w);
    /* ours, beyond the chapter: the CAMEO code, modality and report counts */
    json_key(&w, "cameo");
    json_cstr(&w, e->cameo);
    json_key(&w, "modality");
    json_cstr(&w, e->modality);
    store_json_counts(&w, e);
    json_key(&w, "text_info");
    json_object_begin(&w);
    json_key(&w, "sequence");
    if (e->sentence >= 0)
        json_int(&w, e->sentence);
    else
        json_null(&w);
    json_object_end(&w);
    json_key(&w, "cite_info");
    json_object_begin(&w);
    json_key(&w, "citation");
    json_cstr(&w, e->article_id);
    json_key(&w, "url");
    json_cstr(&w, e->url);
    json_key(&w, "publication");
    json_cstr(&w, e->publisher);
    json_key(&w, "coder");
    json_cstr(&w, "sitrep " SITREP_VERSION);
    json_key(&w, "codebook");
    json_cstr(&w, PLOVER_CODEBOOK);
    json_object_end(&w);
    json_key(&w, "coder");
    json_cstr(&w, "sitrep " SITREP_VERSION);
    json_key(&w, "coded_date");
    if (e->added && strlen(e->added) >= 8) {
        char date[11];
        snprintf(date, sizeof date, "%.4s-%.2s-%.2s", e->added, e->added + 4, e->added + 6);
        json_cstr(&w, date);
    } else {
        json_null(&w);
    }
    json_object_end(&w);
    x->records++;
    return cmd_json_line(&w, out);
}

sitrep_status export_plover(store *s, const store_filter *q, plover_export *x, diag *d)
{
    buf out;
    buf_init(&out, 0);
    x->out = &out;
    sitrep_status status = store_query(s, q, plover_event, x, d);
    buf_release(&out);
    x->out = NULL;
    return status;
}
