/* attribution_json.c (export) - writes reporting frames and quotations of an article.
 *
 * `attributions` lists every frame with source, cue and content spans (byte offsets into the
 * body); `quotes` (DESIGN.md section 2) lists what was said - the frames with a speech cue or
 * a quotation - with the speaker resolved through pronouns.
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

static const char *cue_class_name(uint8_t cue_class)
{
    return cue_class == CUE_BELIEF ? "belief" : cue_class == CUE_DOCUMENT ? "document" : "speech";
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
        if (f->resolved_from_pronoun)
            write_span(w, art, "resolved", f->speaker);
        json_key(w, "kind");
        json_cstr(w, attribution_kind_name((attribution_kind)f->kind));
        json_key(w, "code");
        json_cstr(w, f->code);
        write_span(w, art, "cue", f->cue);
        json_key(w, "cue_class");
        json_cstr(w, cue_class_name(f->cue_class));
        write_span(w, art, "content", f->content);
        json_key(w, "direct");
        json_bool(w, f->direct);
        json_object_end(w);
    }
    json_array_end(w);
}

void export_quotes(json_writer *w, const article *art)
{
    const char *text = art->text.text;
    json_key(w, "quotes");
    json_array_begin(w);
    for (size_t i = 0; i < art->nattributions; i++) {
        const attribution *f = &art->attributions[i];
        if (!f->direct && f->cue_class != CUE_SPEECH)
            continue;
        json_object_begin(w);
        json_key(w, "sentence");
        json_int(w, f->sentence);
        /* the speaker's name without its apposition: "Edward Howell, an expert on ..." */
        size_t speaker_len = f->speaker.end - f->speaker.start;
        if (f->kind == ATTRIB_NAMED)
            for (size_t k = 0; k + 1 < speaker_len; k++)
                if (text[f->speaker.start + k] == ',') {
                    speaker_len = k;
                    break;
                }
        json_key(w, "speaker");
        json_object_begin(w);
        json_key(w, "text");
        json_string(w, text + f->speaker.start, speaker_len);
        json_key(w, "kind");
        json_cstr(w, attribution_kind_name((attribution_kind)f->kind));
        json_key(w, "code");
        json_cstr(w, f->code);
        json_object_end(w);
        json_key(w, "cue");
        json_string(w, text + f->cue.start, f->cue.end - f->cue.start);
        json_key(w, "text");
        json_string(w, text + f->content.start, f->content.end - f->content.start);
        json_key(w, "start");
        json_int(w, f->content.start);
        json_key(w, "end");
        json_int(w, f->content.end);
        json_key(w, "direct");
        json_bool(w, f->direct);
        json_object_end(w);
    }
    json_array_end(w);
}
