/* actors_json.c (export) - writes actor mentions: the `actors` member of the DESIGN.md
 * section 2 object, and the text, code, country and role that each event's source and target
 * repeat (events_json.c). Part of the sink, the stage after events/.
 */
#include "export.h"

void export_actor_fields(json_writer *w, const article *art, const actor_mention *m)
{
    json_key(w, "text");
    json_string(w, art->text.text + m->start, m->end - m->start);
    json_key(w, "code");
    json_cstr(w, m->code);
    json_key(w, "country");
    json_cstr(w, m->country);
    json_key(w, "role");
    json_cstr(w, m->role);
}

void export_actors(json_writer *w, const article *art)
{
    json_key(w, "actors");
    json_array_begin(w);
    for (size_t i = 0; i < art->nactors; i++) {
        const actor_mention *m = &art->actors[i];
        json_object_begin(w);
        json_key(w, "sentence");
        json_int(w, m->sentence);
        json_key(w, "start");
        json_int(w, m->start);
        json_key(w, "end");
        json_int(w, m->end);
        export_actor_fields(w, art, m);
        json_key(w, "kind");
        json_cstr(w, m->kind);
        json_key(w, "antecedent");
        if (m->antecedent >= 0)
            json_int(w, m->antecedent);
        else
            json_null(w);
        json_object_end(w);
    }
    json_array_end(w);
}
