/* attribution_json.c (export) - writes reporting frames and quotations of an article.
 *
 * `attributions` lists every frame with source, speaker, cue, content (and its continuation
 * after the cue) as spans with byte offsets into the body, its stance and the claim a denial
 * or a doubt is about; `quotes` (DESIGN.md section 2) lists what was said - the frames with a
 * speech cue and a source, or a quotation - with the speaker resolved through pronouns.
 */
#include "export.h"

static void write_span(json_writer *w, const article *art, const char *key, span s)
{
    json_key(w, key);
    if (s.end <= s.start) {
        json_null(w);
        return;
    }
    json_object_begin(w);
    json_key(w, "text");
    json_string(w, art->text.text + s.start, s.end - s.start);
    json_key(w, "start");
    json_int(w, s.start);
    json_key(w, "end");
    json_int(w, s.end);
    json_object_end(w);
}

void export_attributions(json_writer *w, const article *art)
{
    json_key(w, "attributions");
    json_array_begin(w);
    for (size_t i = 0; i < art->nattributions; i++) {
        const attribution *f = &art->attributions[i];
        json_object_begin(w);
        json_key(w, "sentence");
        json_int(w, f->sentence);
        write_span(w, art, "source", f->source);
        write_span(w, art, "speaker", f->speaker);
        json_key(w, "kind");
        json_cstr(w, attribution_kind_name((attribution_kind)f->kind));
        json_key(w, "code");
        json_cstr(w, f->code);
        write_span(w, art, "cue", f->cue);
        json_key(w, "cue_class");
        json_cstr(w, attribution_cue_class_name(f->cue_class));
        write_span(w, art, "content", f->content);
        if (f->continuation.end > f->continuation.start)
            write_span(w, art, "continuation", f->continuation);
        if (f->fronted.end > f->fronted.start)
            write_span(w, art, "fronted", f->fronted);
        json_key(w, "direct");
        json_bool(w, f->direct);
        json_key(w, "stance");
        json_cstr(w, attribution_stance_name(f->stance));
        if (f->stance != STANCE_ASSERTS)
            write_span(w, art, "claim", f->claim);
        if (f->parent >= 0) {
            json_key(w, "within");
            json_int(w, f->parent);
        }
        json_object_end(w);
    }
    json_array_end(w);
}

void export_speaker_fields(json_writer *w, const article *art, const attribution *f)
{
    span who = f->speaker.end > f->speaker.start ? f->speaker : f->source;
    json_key(w, "text");
    if (who.end > who.start)
        json_string(w, art->text.text + who.start, who.end - who.start);
    else
        json_null(w);
    json_key(w, "kind");
    json_cstr(w, attribution_kind_name((attribution_kind)f->kind));
    json_key(w, "code");
    json_cstr(w, f->code);
}

static void write_quote(json_writer *w, const article *art, const attribution *f, span content)
{
    const char *text = art->text.text;
    json_object_begin(w);
    json_key(w, "sentence");
    json_int(w, f->sentence);
    json_key(w, "speaker");
    json_object_begin(w);
    export_speaker_fields(w, art, f);
    json_object_end(w);
    json_key(w, "cue");
    json_string(w, text + f->cue.start, f->cue.end - f->cue.start);
    json_key(w, "text");
    json_string(w, text + content.start, content.end - content.start);
    json_key(w, "start");
    json_int(w, content.start);
    json_key(w, "end");
    json_int(w, content.end);
    json_key(w, "direct");
    json_bool(w, f->direct);
    json_key(w, "stance");
    json_cstr(w, attribution_stance_name(f->stance));
    json_object_end(w);
}

void export_quotes(json_writer *w, const article *art)
{
    json_key(w, "quotes");
    json_array_begin(w);
    for (size_t i = 0; i < art->nattributions; i++) {
        const attribution *f = &art->attributions[i];
        if ((!f->direct && f->cue_class != CUE_SPEECH) || f->content.end <= f->content.start ||
            f->cue.end <= f->cue.start)
            continue;
        /* "when asked about a ceasefire": a question nobody is named to have asked says
         * nothing anyone said */
        if (!f->direct && f->source.end <= f->source.start)
            continue;
        write_quote(w, art, f, f->content);
        /* “A,” he said. “B.”: the quotation that goes on after the cue is a quote too */
        if (f->continuation.end > f->continuation.start)
            write_quote(w, art, f, f->continuation);
    }
    json_array_end(w);
}
