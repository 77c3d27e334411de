/* events_json.c (export) - writes article.events as the `events` member of the DESIGN.md
 * section 2 object: source, target, CAMEO code and its table facts, modality, attribution and
 * evidence (rule file:line), and the quantities, place and date of the event's clause.
 */
#include "export.h"

#include <stdio.h>
#include <string.h>

/* A place: {"text" (null when the text does not name it), "name", "kind", "country", "admin1"
 * (when known), "lat", "lon"}. */
static void write_place(json_writer *w, const article *art, const place_mention *p,
                        const place_entry *where)
{
    json_object_begin(w);
    json_key(w, "text");
    if (p)
        json_string(w, art->text.text + p->start, p->end - p->start);
    else
        json_null(w);
    json_key(w, "name");
    json_cstr(w, where->name);
    json_key(w, "kind");
    json_cstr(w, place_kind_name((place_kind)where->kind));
    json_key(w, "country");
    json_cstr(w, where->country);
    const char *admin1 = place_admin1(where);
    if (admin1) {
        json_key(w, "admin1");
        json_cstr(w, admin1);
    }
    json_key(w, "lat");
    json_fixed(w, where->lat, 4);
    json_key(w, "lon");
    json_fixed(w, where->lon, 4);
    json_object_end(w);
}

static bool possessive_word(const char *s, size_t n)
{
    static const char *const words[] = {"its", "his", "her", "their", "our",
                                        "Its", "His", "Her", "Their", "Our"};
    for (size_t i = 0; i < ARRAY_LEN(words); i++)
        if (n == strlen(words[i]) && !memcmp(s, words[i], n))
            return true;
    return false;
}

/* The name of a side as the text resolves it, never a pronoun: a pronoun or reference takes
 * its antecedent's name ("he": "Vladimir Putin"), a possessive its antecedent in its place
 * ("its ambassador": "Kabul's ambassador"); a side from a place the place's name. Written into out;
 * false when there is none (a pronoun without antecedent, an unnamed side). */
static bool side_name(const article *art, const event_side *side, char *out, size_t n)
{
    const actor_mention *m =
        side->actor >= 0 && (size_t)side->actor < art->nactors ? &art->actors[side->actor] : NULL;
    const place_mention *p =
        side->place >= 0 && (size_t)side->place < art->nplaces ? &art->places[side->place] : NULL;
    const char *body = art->text.text;
    if (!m) {
        if (p) /* a side the text places ("protests in Abuja"): the place's name */
            return snprintf(out, n, "%s", p->entry->name) > 0;
        return false;
    }
    /* the first mention of the chain that names someone (chains are short; bounded anyway) */
    const actor_mention *named = m;
    for (int steps = 0;
         steps < 16 && named->antecedent >= 0 && (size_t)named->antecedent < art->nactors &&
         named->kind && (!strcmp(named->kind, "pronoun") || !strcmp(named->kind, "reference"));
         steps++)
        named = &art->actors[named->antecedent];
    if (named->kind && !strcmp(named->kind, "pronoun"))
        return false;
    const char *text = body + named->start;
    size_t len = named->end - named->start;
    /* "its ambassador": the owner's name in place of the possessive */
    size_t first = 0;
    while (first < len && text[first] != ' ')
        first++;
    if (named == m && first < len && possessive_word(text, first) && m->antecedent >= 0 &&
        (size_t)m->antecedent < art->nactors) {
        char owner[256];
        const event_side owner_side = {.actor = m->antecedent, .place = -1, .via = SIDE_TEXT};
        if (side_name(art, &owner_side, owner, sizeof owner))
            return snprintf(out, n, "%s's%.*s", owner, (int)(len - first), text + first) > 0;
        return snprintf(out, n, "%.*s", (int)(len - first - 1), text + first + 1) > 0;
    }
    if (first == len && possessive_word(text, len))
        return false;
    return snprintf(out, n, "%.*s", (int)len, text) > 0;
}

/* One side of an event: the mention's text, or the place's; its resolved name; the code,
 * country and role as the coder resolved them; where it is placed; null when nothing is
 * known of it. */
static void write_side(json_writer *w, const article *art, const event_side *side,
                       const place_entry *geo)
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
    char name[512];
    json_key(w, "name");
    json_cstr(w, side_name(art, side, name, sizeof name) ? name : NULL);
    json_key(w, "code");
    json_cstr(w, side->code);
    json_key(w, "country");
    json_cstr(w, side->country);
    json_key(w, "role");
    json_cstr(w, side->role);
    json_key(w, "place");
    if (geo)
        write_place(w, art, p && p->entry == geo ? p : NULL, geo);
    else
        json_null(w);
    json_object_end(w);
}

static void write_attribution(json_writer *w, const article *art, int32_t index)
{
    if (index < 0 || (size_t)index >= art->nattributions) {
        json_null(w);
        return;
    }
    const attribution *f = &art->attributions[index];
    json_object_begin(w);
    export_speaker_fields(w, art, f);
    json_key(w, "cue");
    if (f->cue.end > f->cue.start)
        json_string(w, art->text.text + f->cue.start, f->cue.end - f->cue.start);
    else
        json_null(w);
    json_key(w, "stance");
    json_cstr(w, attribution_stance_name(f->stance));
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
    const place_mention *p =
        e->place >= 0 && (size_t)e->place < art->nplaces ? &art->places[e->place] : NULL;
    const place_entry *where = p ? p->entry : e->location;
    if (where)
        write_place(w, art, p, where);
    else
        json_null(w);
    json_key(w, "place_source");
    json_cstr(
        w, event_place_source_name(where ? (event_place_source)e->place_source : EVENT_PLACE_NONE));
    json_key(w, "date");
    const date_mention *d =
        e->date >= 0 && (size_t)e->date < art->ndates ? &art->dates[e->date] : NULL;
    event_date_source source = (event_date_source)e->date_source;
    if (d) {
        json_object_begin(w);
        json_key(w, "text");
        json_string(w, body + d->start, d->end - d->start);
        json_key(w, "value");
        /* "since 2014, when Russia annexed Crimea": an event after its "since X" phrase
         * happened at X */
        json_cstr(w, d->anchor && d->end <= e->verb_start ? d->anchor : d->value);
        json_object_end(w);
    } else if (source == EVENT_DATE_PUBLISHED && art->doc->published) {
        json_object_begin(w);
        json_key(w, "text");
        json_null(w);
        json_key(w, "value");
        json_cstr(w, art->doc->published);
        json_object_end(w);
    } else {
        json_null(w);
        source = EVENT_DATE_NONE;
    }
    json_key(w, "date_source");
    json_cstr(w, event_date_source_name(source));
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
        write_side(w, art, &e->source, e->source_geo);
        json_key(w, "target");
        write_side(w, art, &e->target, e->target_geo);
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
