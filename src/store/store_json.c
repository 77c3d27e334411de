/* store_json.c - JSON forms of a stored event, shared by `sitrep query --format json`,
 * `sitrep export --format plover` and the API of `sitrep serve` (serve/serve_api.c): the
 * event as one object, its place and its mention counts. Part of the store stage; writes with
 * the JSON writer of base/ and never prints.
 */
#include "store.h"

void store_json_place(json_writer *w, const char *key, const store_event *e, bool with_text)
{
    json_key(w, key);
    json_object_begin(w);
    if (with_text) {
        json_key(w, "text");
        json_cstr(w, e->place_text);
    }
    json_key(w, "name");
    json_cstr(w, e->place_name);
    json_key(w, "country");
    json_cstr(w, e->place_country);
    json_key(w, "lat");
    if (e->has_coordinates)
        json_double(w, e->lat);
    else
        json_null(w);
    json_key(w, "lon");
    if (e->has_coordinates)
        json_double(w, e->lon);
    else
        json_null(w);
    json_object_end(w);
}

void store_json_counts(json_writer *w, const store_event *e)
{
    json_key(w, "num_mentions");
    json_int(w, e->num_mentions);
    json_key(w, "num_articles");
    json_int(w, e->num_articles);
    json_key(w, "num_sources");
    json_int(w, e->num_sources);
}

static void party(json_writer *w, const char *key, const char *code, const char *text,
                  const char *country, const char *role)
{
    json_key(w, key);
    json_object_begin(w);
    json_key(w, "code");
    json_cstr(w, code);
    json_key(w, "text");
    json_cstr(w, text);
    json_key(w, "country");
    json_cstr(w, country);
    json_key(w, "role");
    json_cstr(w, role);
    json_object_end(w);
}

void store_json_event(json_writer *w, const store_event *e)
{
    json_object_begin(w);
    json_key(w, "id");
    json_int(w, e->id);
    json_key(w, "day");
    json_cstr(w, e->day);
    party(w, "source", e->source_code, e->source_text, e->source_country, e->source_role);
    party(w, "target", e->target_code, e->target_text, e->target_country, e->target_role);
    json_key(w, "cameo");
    json_cstr(w, e->cameo);
    json_key(w, "root");
    json_cstr(w, e->root);
    json_key(w, "label");
    json_cstr(w, e->label);
    json_key(w, "plover");
    json_cstr(w, e->plover);
    json_key(w, "goldstein");
    if (e->has_goldstein)
        json_double(w, e->goldstein);
    else
        json_null(w);
    json_key(w, "quad_class");
    if (e->quad_class)
        json_int(w, e->quad_class);
    else
        json_null(w);
    store_json_place(w, "place", e, true);
    store_json_counts(w, e);
    json_key(w, "article");
    json_cstr(w, e->article_id);
    json_key(w, "url");
    json_cstr(w, e->url);
    json_key(w, "publisher");
    json_cstr(w, e->publisher);
    json_key(w, "sentence");
    if (e->sentence >= 0)
        json_int(w, e->sentence);
    else
        json_null(w);
    json_key(w, "sentence_text");
    json_cstr(w, e->sentence_text);
    json_key(w, "modality");
    json_cstr(w, e->modality);
    json_key(w, "attribution");
    json_object_begin(w);
    json_key(w, "kind");
    json_cstr(w, e->attribution_kind);
    json_key(w, "text");
    json_cstr(w, e->attribution_text);
    json_object_end(w);
    json_object_end(w);
}
