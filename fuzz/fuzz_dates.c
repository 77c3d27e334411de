/* fuzz_dates.c - libFuzzer target: when an article was published on arbitrary bytes - dates in
 * words (ingest_parse_date_words), the dateline and its place, the dates found without a
 * publication date, the date the text suggests and a dateline's year. */
#include "extras/extras.h"
#include "ingest/ingest.h"

#include <stdlib.h>
#include <string.h>

static gazetteer *places;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!places) {
        diag d;
        const char *dir = getenv("SITREP_PLACES");
        places = gazetteer_load(dir ? dir : "data/places", &d);
        if (!places)
            abort();
    }
    char out[11];
    if (ingest_parse_date_words((const char *)data, size, out) && strlen(out) > 10)
        abort();
    arena a;
    arena_init(&a, (size_t)256 << 20);
    size_t invalid, length;
    char *body = utf8_sanitize(&a, (const char *)data, size, &length, &invalid);
    document *doc = arena_calloc(&a, 1, sizeof *doc);
    text_result t;
    if (body && doc) {
        doc->body = body;
        doc->body_len = length;
        if (text_analyse(&a, doc, &t) == SITREP_OK) {
            ingest_find_dateline(doc);
            const dateline *dl = &doc->dateline;
            if (dl->start > dl->end || dl->end > doc->body_len || dl->place_end > dl->end ||
                dl->month > 12 || dl->day > 31)
                abort();
            place_mention where;
            if (dl->end &&
                place_dateline(places, &t, dl->place_start, dl->place_end, dl->end, &where) &&
                (where.start > where.end || where.end > t.length))
                abort();
            date_mention *dates;
            size_t n;
            if (date_find(&a, &t, NULL, &dates, &n) == SITREP_OK) {
                const date_mention *from;
                if (date_publication_from_text(&t, dates, n, out, &from) &&
                    (strlen(out) < 7 || from->start > from->end))
                    abort();
                if (dl->month && dl->day &&
                    date_complete_year(&t, dates, n, dl->month, dl->day, out) && strlen(out) != 10)
                    abort();
            }
        }
    }
    arena_release(&a);
    return 0;
}
