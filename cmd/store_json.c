/* store_json.c - JSON pieces shared by `sitrep query --format json` and `sitrep export
 * --format plover`: a stored event's place, its mention counts, and writing one line.
 */
#include "cmd.h"
#include "store/store.h"

#include <stdio.h>

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

sitrep_status store_json_line(const json_writer *w, const buf *out)
{
    sitrep_status status = json_status(w);
    if (status)
        return status;
    fwrite(out->data, 1, out->len, stdout);
    fputc('\n', stdout);
    return ferror(stdout) ? SITREP_EIO : SITREP_OK;
}
