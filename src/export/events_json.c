/* events_json.c (export) - writes article.events as the `events` member of the DESIGN.md
 * section 2 object: source, target, CAMEO code and its table facts, modality, attribution and
 * evidence (rule file:line), and the quantities, place and date of the event's clause.
 */
#include "export.h"

#include <stdio.h>
#include <string.h>

/* One side of an event: the mention's text, or the place's; the code, country and role as
 * the coder resolved them; null when nothing is known of it. */
static void write_side(json_writer *w, const article *art, const event_side *side)
{
    const actor_mention *m =
        side->actor >= 0 && (size_t)side->actor < art->nactors ? &art->actors[side->actor] : NULL;
    const place_mention *p =
        side->place >= 0 && (size_t)side->place < art->nplaces ? &art->places[side->place] : NULL;
    if (!m && !p && !side->code && !side->role) {
        json_null(w);
        return;
    }
    json_object_begin(w);
    json_key(w, "text");
    if (m)
        json_string(w, art->text.text + m->start, m->end - m->start);
    else if (p)
        json_string(w, art->text.text + p->start, p->end - p->start);
    else
        json_null(w);
    json_key(w, "code");
    json_cstr(w, side->code);
    json_key(w, "country");
    json_cstr(w, side->country);
    json_key(w, "role");
    json_cstr(w, side->role);
    json_object_end(w);
}

/* The actor code of a frame's speaker: a mention that starts where the speaker does. */
static const char *speaker_code(const article *art, const attribution *f)
{
    span who = f->speaker.end > f->speaker.start ? f->speaker : f->source;
    for (size_t i = 0; i < art->nactors; i++) {
        const actor_mention *m = &art->actors[i];
        if (m->start >= who.start && m->end <= who.end && m->code)
            return m->code;
    }
    return NULL;
}

static void write_attribution(json_writer *w, const article *art, int32_t index)
{
    if (index < 0 || (size_t)index >= art->nattributions) {
        json_null(w);
        return;
    }
    const attribution *f = &art->attributions[index];
    span who = f->speaker.end > f->speaker.start ? f->speaker : f->source;
    json_object_begin(w);
    json_key(w, "text");
    if (who.end > who.start)
        json_string(w, art->text.text + who.start, who.end - who.start);
    else
        json_null(w);
    json_key(w, "kind");
    json_cstr(w, attribution_kind_name((attribution_kind)f->kind));
    json_key(w, "code");
    json_cstr(w, speaker_code(art, f));
    json_key(w, "cue");
    if (f->cue.end > f->cue.start)
        json_string(w, art->text.text + f->cue.start, f->cue.end - f->cue.start);
    else
        json_null(w);
    json_object_end(w);
}

/* The table's weight (a float) to one decimal, so 8.3 prints as 8.3, not 8.30000019. */
static double goldstein(float weight)
{
    double x = (double)weight * 10.0;
    long r = (long)(x < 0 ? x - 0.5 : x + 0.5);
    return (double)r / 10.0;
}

/* The clause's quantities, place and date (extras), in the DESIGN.md section 2 shape. */
static void write_extras(json_writer *w, const article *art, const event *e)
{
    const char *body = art->text.text;
    json_key(w, "quantities");
    json_array_begin(w);
    for (uint32_t i = e->quantity_first; i < e->quantity_first + e->nquantities; i++) {
        if (i >= art->nquantities)
            break;
        const quantity *q = &art->quantities[i];
        json_object_begin(w);
        json_key(w, "value");
        if (q->value > -1e15 && q->value < 1e15 && q->value == (double)(long long)q->value)
            json_int(w, (long long)q->value);
        else
            json_double(w, q->value);
        json_key(w, "unit");
        if (q->unit_end > q->unit_start)
            json_string(w, body + q->unit_start, q->unit_end - q->unit_start);
        else
            json_cstr(w, q->percent ? "percent" : q->currency);
        json_key(w, "text");
        json_string(w, body + q->start, q->end - q->start);
        json_key(w, "qualifier");
        json_cstr(w, quantity_qualifier_name((quantity_qualifier)q->qualifier));
        json_object_end(w);
    }
    json_array_end(w);
    json_key(w, "place");
    if (e->place >= 0 && (size_t)e->place < art->nplaces) {
        const place_mention *p = &art->places[e->place];
        json_object_begin(w);
        json_key(w, "text");
        json_string(w, body + p->start, p->end - p->start);
        json_key(w, "name");
        json_cstr(w, p->entry->name);
        json_key(w, "country");
        json_cstr(w, p->entry->country);
        json_key(w, "lat");
        json_fixed(w, p->entry->lat, 4);
        json_key(w, "lon");
        json_fixed(w, p->entry->lon, 4);
        json_object_end(w);
    } else {
        json_null(w);
    }
    json_key(w, "date");
    if (e->date >= 0 && (size_t)e->date < art->ndates) {
        const date_mention *d = &art->dates[e->date];
        json_object_begin(w);
        json_key(w, "text");
        json_string(w, body + d->start, d->end - d->start);
        json_key(w, "value");
        /* "since 2014, when Russia annexed Crimea": an event after its "since X" phrase
         * happened at X */
        json_cstr(w, d->anchor && d->end <= e->verb_start ? d->anchor : d->value);
        json_object_end(w);
    } else {
        json_null(w);
    }
}

/* Whole weights print as integers (-10, not -1e+01). */
static void write_weight(json_writer *w, double weight)
{
    long whole = (long)weight;
    if ((double)whole == weight)
        json_int(w, whole);
    else
        json_double(w, weight);
}

void export_events(json_writer *w, const article *art)
{
    json_key(w, "events");
    json_array_begin(w);
    for (size_t i = 0; i < art->nevents; i++) {
        const event *e = &art->events[i];
        char id[24];
        snprintf(id, sizeof id, "e%zu", i + 1);
        json_object_begin(w);
        json_key(w, "id");
        json_cstr(w, id);
        json_key(w, "sentence");
        json_int(w, e->sentence);
        json_key(w, "source");
        write_side(w, art, &e->source);
        json_key(w, "target");
        write_side(w, art, &e->target);
        json_key(w, "cameo");
        json_cstr(w, e->code);
        json_key(w, "root");
        json_string(w, e->code, strlen(e->code) >= 2 ? 2 : strlen(e->code));
        json_key(w, "label");
        json_cstr(w, e->cameo ? e->cameo->name : NULL);
        json_key(w, "plover");
        const char *plover = NULL;
        if (e->cameo)
            plover = e->cameo->plover;
        json_cstr(w, plover);
        json_key(w, "goldstein");
        if (e->cameo)
            write_weight(w, goldstein(e->cameo->goldstein));
        else
            json_null(w);
        json_key(w, "quad_class");
        if (e->cameo)
            json_int(w, e->cameo->quad);
        else
            json_null(w);
        json_key(w, "modality");
        json_cstr(w, event_modality_name((event_modality)e->modality));
        json_key(w, "attribution");
        write_attribution(w, art, e->attribution);
        write_extras(w, art, e);
        json_key(w, "evidence");
        json_object_begin(w);
        json_key(w, "start");
        json_int(w, e->start);
        json_key(w, "end");
        json_int(w, e->end);
        json_key(w, "verb");
        json_string(w, art->text.text + e->verb_start, e->verb_end - e->verb_start);
        json_key(w, "rule");
        if (e->rule) {
            char rule[300];
            snprintf(rule, sizeof rule, "%s%s:%u", /* peer dictionaries give their path */
                     strchr(e->rule->file, '/') ? "" : "data/verbs/", e->rule->file, e->rule->line);
            json_cstr(w, rule);
        } else {
            json_null(w);
        }
        json_object_end(w);
        json_object_end(w);
    }
    json_array_end(w);
}
