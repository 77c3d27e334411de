/* pipeline.c - the one place that knows the stage order.
 *
 * ingest -> text -> (lexicon/match -> extract, as they land) for one article, all in the
 * caller's arena. The sink (export) is called by the public API in sitrep.c.
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

sitrep_status pipeline_run(const sitrep_context *context, arena *a, sitrep_input kind,
                           const char *bytes, size_t length, pipeline_depth depth, article *art,
                           diag *d)
{
    memset(art, 0, sizeof *art);
    document *doc = arena_calloc(a, 1, sizeof *doc);
    if (!doc)
        return SITREP_ELIMIT;
    art->doc = doc;
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
    if (!doc->published && context->published[0])
        doc->published = context->published;

    if ((status =
             text_analyse(a, doc, depth == PIPELINE_FULL ? context->tagger : NULL, &art->text)))
        return status;
    if (depth == PIPELINE_TEXT)
        goto done;

    /* actors (issue 4) */
    if ((status = actors_extract(a, context->actors, art)))
        return status;
    /* who says so */
    if ((status = attribution_find(a, context->cues, art)))
        return status;
done:
    if (!doc->id && !(doc->id = content_id(a, doc)))
        return SITREP_ELIMIT;
    return SITREP_OK;
}
