/* extras_json.c (export) - writes the top-level "quantities", "dates" and "places" arrays of
 * the DESIGN.md section 2 contract, one object per mention with its sentence and byte span.
 *
 * Field order is fixed (golden tests diff it). Field meanings: docs/extras.md.
 */
#include "export.h"

/* Integral values as integers: json_double writes 40 as "4e+01" (its shortest %g form). */
static void write_number(json_writer *w, double value)
{
    /* range first: casting a double outside long long's range is undefined (found by
     * fuzz_events) */
    if (value > -1e15 && value < 1e15 && value == (double)(long long)value)
        json_int(w, (long long)value);
    else
        json_double(w, value);
}

static void write_span(json_writer *w, uint32_t index, uint32_t start, uint32_t end)
{
    json_key(w, "sentence");
    json_int(w, index);
    json_key(w, "start");
    json_int(w, start);
    json_key(w, "end");
    json_int(w, end);
}

static void write_quantity(json_writer *w, const article *art, const quantity *q)
{
    const char *body = art->text.text;
    json_object_begin(w);
    json_key(w, "value");
    write_number(w, q->value);
    json_key(w, "unit");
    if (q->unit_end > q->unit_start)
        json_string(w, body + q->unit_start, q->unit_end - q->unit_start);
    else if (q->percent)
        json_cstr(w, "percent");
    else
        json_cstr(w, q->currency);
    json_key(w, "text");
    json_string(w, body + q->start, q->end - q->start);
    json_key(w, "qualifier");
    json_cstr(w, quantity_qualifier_name((quantity_qualifier)q->qualifier));
    /* optional fields are written only when they say something (keeps output small) */
    if (q->fraction) {
        json_key(w, "fraction");
        json_bool(w, true);
    }
    if (q->percent) {
        json_key(w, "percent");
        json_bool(w, true);
    }
    if (q->currency) {
        json_key(w, "currency");
        json_cstr(w, q->currency);
    }
    if (q->qualifier == QUANTITY_RANGE || q->high > q->low) {
        json_key(w, "low");
        write_number(w, q->low);
        json_key(w, "high");
        write_number(w, q->high);
    }
    write_span(w, q->sentence, q->start, q->end);
    json_object_end(w);
}

static void write_date(json_writer *w, const article *art, const date_mention *d)
{
    json_object_begin(w);
    json_key(w, "text");
    json_string(w, art->text.text + d->start, d->end - d->start);
    json_key(w, "value");
    json_cstr(w, d->value);
    json_key(w, "kind");
    json_cstr(w, d->relative ? "relative" : "absolute");
    if (d->anchor) { /* "since 2014, when Russia annexed Crimea": the event is at the anchor */
        json_key(w, "anchor");
        json_cstr(w, d->anchor);
    }
    write_span(w, d->sentence, d->start, d->end);
    json_object_end(w);
}

static void write_place(json_writer *w, const article *art, const place_mention *p)
{
    static const char *const dirs[] = {"north", "south", "east", "west", "centre"};
    const place_entry *e = p->entry;
    json_object_begin(w);
    json_key(w, "text");
    json_string(w, art->text.text + p->start, p->end - p->start);
    json_key(w, "name");
    json_cstr(w, e->name);
    json_key(w, "kind");
    json_cstr(w, place_kind_name((place_kind)e->kind));
    json_key(w, "country");
    json_cstr(w, e->country);
    const char *admin1 = place_admin1(e);
    if (admin1) {
        json_key(w, "admin1");
        json_cstr(w, admin1);
    }
    json_key(w, "lat");
    json_fixed(w, e->lat, 4);
    json_key(w, "lon");
    json_fixed(w, e->lon, 4);
    if (p->directions) {
        json_key(w, "directions");
        json_array_begin(w);
        for (size_t k = 0; k < ARRAY_LEN(dirs); k++)
            if (p->directions & (1u << k))
                json_cstr(w, dirs[k]);
        json_array_end(w);
    }
    json_key(w, "cue");
    json_cstr(w, p->cue);
    write_span(w, p->sentence, p->start, p->end);
    json_object_end(w);
}

void export_extras_json(json_writer *w, const article *art)
{
    json_key(w, "quantities");
    json_array_begin(w);
    for (size_t i = 0; i < art->nquantities; i++)
        write_quantity(w, art, &art->quantities[i]);
    json_array_end(w);
    json_key(w, "dates");
    json_array_begin(w);
    for (size_t i = 0; i < art->ndates; i++)
        write_date(w, art, &art->dates[i]);
    json_array_end(w);
    json_key(w, "places");
    json_array_begin(w);
    for (size_t i = 0; i < art->nplaces; i++)
        write_place(w, art, &art->places[i]);
    json_array_end(w);
}
