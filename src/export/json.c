/* json.c (export) - writes an article as the DESIGN.md section 2 JSON object.
 *
 * Field order is fixed so that output is byte-for-byte deterministic (golden tests diff it).
 * Arrays that later stages have not filled yet are written empty, never left out.
 */
#include "export.h"

#include <string.h>

static void write_meta(json_writer *w, const document *doc)
{
    const document_meta *m = &doc->meta;
    json_key(w, "meta");
    json_object_begin(w);
    json_key(w, "published_source");
    json_cstr(w, ingest_published_source_name((published_source)doc->published_source));
    json_key(w, "dateline");
    if (doc->dateline.end > doc->dateline.start && doc->dateline.end <= doc->body_len)
        json_string(w, doc->body + doc->dateline.start, doc->dateline.end - doc->dateline.start);
    else
        json_null(w);
    json_key(w, "publisher");
    json_cstr(w, m->publisher);
    json_key(w, "tagline");
    json_cstr(w, m->tagline);
    json_key(w, "section");
    json_cstr(w, m->section);
    json_key(w, "headline");
    json_cstr(w, m->headline);
    json_key(w, "byline");
    json_cstr(w, m->byline);
    json_key(w, "captions");
    json_array_begin(w);
    for (size_t i = 0; i < m->ncaptions; i++)
        json_cstr(w, m->captions[i]);
    json_array_end(w);
    json_key(w, "credits");
    json_array_begin(w);
    for (size_t i = 0; i < m->ncredits; i++)
        json_cstr(w, m->credits[i]);
    json_array_end(w);
    json_key(w, "bio");
    json_cstr(w, m->bio);
    json_object_end(w);
}

static void write_sentences(json_writer *w, const article *art)
{
    const text_result *t = &art->text;
    json_key(w, "sentences");
    json_array_begin(w);
    for (size_t i = 0; i < t->nsentences; i++) {
        const sentence *s = &t->sentences[i];
        json_object_begin(w);
        json_key(w, "n");
        json_int(w, (long long)i);
        json_key(w, "start");
        json_int(w, s->start);
        json_key(w, "end");
        json_int(w, s->end);
        json_key(w, "paragraph");
        json_int(w, s->paragraph);
        json_key(w, "text");
        json_string(w, t->text + s->start, s->end - s->start);
        json_object_end(w);
    }
    json_array_end(w);
}

sitrep_status export_json(buf *out, const article *art, bool pretty)
{
    const document *doc = art->doc;
    json_writer w;
    json_init(&w, out, pretty);
    json_object_begin(&w);
    json_key(&w, "id");
    json_cstr(&w, doc->id);
    json_key(&w, "url");
    json_cstr(&w, doc->url);
    json_key(&w, "published");
    json_cstr(&w, doc->published);
    write_meta(&w, doc);
    write_sentences(&w, art);
    export_actors(&w, art);
    export_events(&w, art);
    export_quotes(&w, art);
    export_extras_json(&w, art); /* quantities, dates, places (extras_json.c) */
    export_attributions(&w, art);
    json_key(&w, "warnings");
    json_array_begin(&w);
    for (size_t i = 0; i < doc->warnings.count; i++) {
        json_object_begin(&w);
        json_key(&w, "kind");
        json_cstr(&w, doc->warnings.items[i].kind);
        json_key(&w, "message");
        json_cstr(&w, doc->warnings.items[i].message);
        json_object_end(&w);
    }
    json_array_end(&w);
    json_object_end(&w);
    return json_status(&w);
}
