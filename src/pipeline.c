/* pipeline.c - the one place that knows the stage order.
 *
 * ingest -> text -> syntax -> extras -> actors -> attribution -> events for one article, all
 * in the caller's arena. lexicon/ and match/ hold what the actor and event stages look up
 * (dictionaries, patterns); the sink (export/) is called by the public API in sitrep.c.
 */
#include "pipeline.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

/* The id of an article without one: a hash of its body, so re-coding the same text gives the
 * same id. */
static const char *content_id(arena *a, const document *doc)
{
    uint64_t h = hash_bytes(doc->body, doc->body_len, 0x5175726570ULL);
    if (doc->meta.headline)
        h ^= hash_bytes(doc->meta.headline, strlen(doc->meta.headline), 7);
    return arena_printf(a, "%016llx", (unsigned long long)h);
}

/* A warning whose message is built with printf (kept in the arena); a static fallback at the
 * arena cap. */
static void warn(arena *a, document *doc, const char *kind, const char *fallback,
                 const char *format, ...) PRINTF_LIKE(5, 6);
static void warn(arena *a, document *doc, const char *kind, const char *fallback,
                 const char *format, ...)
{
    char message[300];
    va_list args;
    va_start(args, format);
    vsnprintf(message, sizeof message, format, args);
    va_end(args);
    const char *kept = arena_strndup(a, message, strlen(message));
    warning_add(&doc->warnings, kind, kept ? kept : fallback);
}

/* The dateline: its place from the gazetteer (a dateline that only a colon or a line of its
 * own marks is kept only when the place is known), placed first among the places. */
static sitrep_status pipeline_dateline(const sitrep_context *context, arena *a, article *art)
{
    document *doc = art->doc;
    dateline *dl = &doc->dateline;
    if (!dl->end)
        return SITREP_OK;
    place_mention where;
    bool placed = dl->place_end > dl->place_start &&
                  place_dateline(context->places, &art->text, dl->place_start, dl->place_end,
                                 dl->end, &where);
    if (!placed && !dl->certain) {
        memset(dl, 0, sizeof *dl);
        return SITREP_OK;
    }
    if (!placed)
        return SITREP_OK;
    /* first in text order; a place the scan found inside the dateline gives way to it */
    place_mention *places = arena_alloc(a, (art->nplaces + 1) * sizeof *places);
    if (!places)
        return SITREP_ELIMIT;
    size_t n = 0;
    places[n++] = where;
    for (size_t i = 0; i < art->nplaces; i++)
        if (art->places[i].start >= dl->end)
            places[n++] = art->places[i];
    art->places = places;
    art->nplaces = n;
    return SITREP_OK;
}

/* The publication date when none is given (the record, the page, --published): the dateline's
 * day, else the latest full date of the text; then the dates resolved against it. Without
 * any, relative dates stay unresolved and a warning says so. */
static sitrep_status pipeline_dates(arena *a, article *art)
{
    document *doc = art->doc;
    char inferred[11] = "";
    if (doc->published)
        return date_find(a, &art->text, doc->published, &art->dates, &art->ndates);
    /* nothing given: the dates that need no publication date come first */
    sitrep_status st = date_find(a, &art->text, NULL, &art->dates, &art->ndates);
    if (st)
        return st;
    const dateline *dl = &doc->dateline;
    const char *text = doc->body;
    if (dl->end && dl->month && dl->day && dl->year) {
        snprintf(inferred, sizeof inferred, "%04d-%02d-%02d", dl->year, dl->month, dl->day);
        doc->published_source = PUBLISHED_DATELINE;
    } else if (dl->end && dl->month && dl->day &&
               date_complete_year(&art->text, art->dates, art->ndates, dl->month, dl->day,
                                  inferred)) {
        doc->published_source = PUBLISHED_DATELINE;
    } else if (dl->end && dl->month && dl->day) {
        warn(a, doc, "published", "the dateline's date has no year",
             "the dateline '%.*s' gives no year and the text dates nothing else",
             (int)(dl->end - dl->start), text + dl->start);
    }
    const date_mention *from = NULL;
    if (!inferred[0] &&
        date_publication_from_text(&art->text, art->dates, art->ndates, inferred, &from))
        doc->published_source = PUBLISHED_TEXT;
    if (!inferred[0]) {
        doc->published_source = PUBLISHED_NONE;
        warning_add(&doc->warnings, "published",
                    "no publication date: relative dates are left unresolved and events have "
                    "no date");
        return SITREP_OK;
    }
    if (!(doc->published = arena_strndup(a, inferred, strlen(inferred))))
        return SITREP_ELIMIT;
    if (doc->published_source == PUBLISHED_DATELINE)
        warn(a, doc, "published", "no publication date given: dated by the dateline",
             "no publication date given: dated %s by the dateline '%.*s'", doc->published,
             (int)(dl->end - dl->start), text + dl->start);
    else
        warn(a, doc, "published", "no publication date given: dated by the text",
             "no publication date given: dated %s by the latest full date of the text, '%.*s'",
             doc->published, from ? (int)(from->end - from->start) : 0,
             from ? art->text.text + from->start : "");
    return date_find(a, &art->text, doc->published, &art->dates, &art->ndates);
}

/* The extras stage: dates (with the publication date), quantities, places. Dates first
 * (quantities skip their tokens). A cap reached keeps what was found, with a warning; only
 * the arena cap stops the article. */
static sitrep_status pipeline_extras(const sitrep_context *context, arena *a, article *art)
{
    document *doc = art->doc;
    sitrep_status st = pipeline_dates(a, art);
    if (st == SITREP_ELIMIT && art->ndates >= EXTRAS_MAX_MENTIONS)
        warning_add(&doc->warnings, "limit", "too many dates: the rest are dropped");
    else if (st)
        return st;
    st = quantity_find(a, &art->text, art->dates, art->ndates, &art->quantities, &art->nquantities);
    if (st == SITREP_ELIMIT && art->nquantities >= EXTRAS_MAX_MENTIONS)
        warning_add(&doc->warnings, "limit", "too many quantities: the rest are dropped");
    else if (st)
        return st;
    st = place_find(a, context->places, &art->text, &art->places, &art->nplaces);
    if (st == SITREP_ELIMIT && art->nplaces >= EXTRAS_MAX_MENTIONS)
        warning_add(&doc->warnings, "limit", "too many places: the rest are dropped");
    else if (st)
        return st;
    return pipeline_dateline(context, a, art);
}

sitrep_status pipeline_run(const sitrep_context *context, arena *a, sitrep_input kind,
                           const char *bytes, size_t length, const char *name, pipeline_depth depth,
                           article *art, diag *d)
{
    memset(art, 0, sizeof *art);
    document *doc = arena_calloc(a, 1, sizeof *doc);
    if (!doc)
        return SITREP_ELIMIT;
    art->doc = doc;
    /* ingest/: bytes to a document (metadata, body paragraphs) */
    ingest_options options = {.detect_chrome = !context->keep_chrome};
    sitrep_status status;
    switch (kind) {
    case SITREP_INPUT_JSONL:
        status = ingest_jsonl_record(a, bytes, length, &options, doc, d);
        break;
    case SITREP_INPUT_HTML:
        status = ingest_html(a, bytes, length, &options, doc);
        break;
    default:
        status = ingest_text(a, bytes, length, &options, doc);
        break;
    }
    if (status)
        return status;
    /* The article's own date first, then its file name's (when asked), then --published. */
    char from_name[11];
    if (!doc->published && context->published_from_name && name &&
        ingest_date_from_name(name, from_name) &&
        !(doc->published = arena_strndup(a, from_name, strlen(from_name))))
        return SITREP_ELIMIT;
    if (!doc->published && context->published[0])
        doc->published = context->published;
    if (!doc->published && context->published_today) {
        char *today = arena_alloc(a, 11);
        if (!today)
            return SITREP_ELIMIT;
        clock_today(today);
        doc->published = today;
    }
    if (doc->published)
        doc->published_source = PUBLISHED_GIVEN;

    /* text/: normalise, tokenise, split sentences */
    if ((status = text_analyse(a, doc, &art->text)))
        return status;
    ingest_find_dateline(doc); /* on the normalised body: offsets are the text's */
    if (depth == PIPELINE_TEXT)
        goto done;
    /* an article not in English is coded all the same, with a warning that says so */
    if ((status = language_warn(context->language, a, &art->text, &doc->warnings)))
        return status;
    /* syntax/: parts of speech, and dependency parses when the context has a parser */
    syntax_tag(context->tagger, &art->text);
    if (context->parser)
        syntax_parse(context->parser, context->tagger, &art->text);
    if (depth == PIPELINE_TAGS)
        goto done;
    /* extras/: quantities, dates, places */
    if (!context->no_extras && (status = pipeline_extras(context, a, art)))
        return status;
    /* actors/: who, with dated codes and coreference */
    if ((status = actors_extract(a, context->actors, art)))
        return status;
    /* attribution/: who says so */
    if (!context->no_extras && (status = attribution_find(a, context->cues, art)))
        return status;
    /* events/: what happened */
    if ((status = events_code(a, &context->events, art)))
        return status;
done:
    if (!doc->id && !(doc->id = content_id(a, doc)))
        return SITREP_ELIMIT;
    return SITREP_OK;
}
