/* pipeline.c - the one place that knows the stage order.
 *
 * ingest -> text -> syntax -> extras -> actors -> attribution -> events for one article, all
 * in the caller's arena. lexicon/ and match/ hold what the actor and event stages look up
 * (dictionaries, patterns); the sink (export/) is called by the public API in sitrep.c.
 */
#include "pipeline.h"

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

/* The extras stage: quantities, dates, places. Dates first (quantities skip their tokens).
 * A cap reached keeps what was found, with a warning; only the arena cap stops the article. */
static sitrep_status pipeline_extras(const sitrep_context *context, arena *a, article *art)
{
    document *doc = art->doc;
    const char *published = doc->published;
    if (!published) {
        char *today = arena_alloc(a, 11);
        if (!today)
            return SITREP_ELIMIT;
        clock_today(today);
        published = today;
    }
    sitrep_status st = date_find(a, &art->text, published, &art->dates, &art->ndates);
    bool relative = false;
    for (size_t i = 0; i < art->ndates && !relative; i++)
        relative = art->dates[i].relative;
    if (relative && !doc->published)
        warning_add(&doc->warnings, "date",
                    "no publication date: relative dates resolved against today");
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
    return SITREP_OK;
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

    /* text/: normalise, tokenise, split sentences */
    if ((status = text_analyse(a, doc, &art->text)))
        return status;
    if (depth == PIPELINE_TEXT)
        goto done;
    /* an article not in English is coded all the same, with a warning that says so */
    if ((status = language_warn(context->language, a, &art->text, &doc->warnings)))
        return status;
    /* syntax/: parts of speech, and dependency parses when the context has a parser */
    syntax_tag(context->tagger, &art->text);
    if (context->parser)
        syntax_parse(context->parser, context->tagger, &art->text);
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
