/* sitrep.c - the public API (include/sitrep.h): context, coder, and coding one article.
 *
 * A context holds what is loaded once (data directory, models); a coder holds one arena and
 * one output buffer and is used by one thread at a time.
 */
#include "export/export.h"
#include "pipeline.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define CODER_ARENA_CAP ((size_t)2 << 30)
#define CODER_OUTPUT_CAP ((size_t)1 << 30)

struct sitrep_coder {
    const sitrep_context *context;
    arena arena;
    buf output;
};

sitrep_context *sitrep_context_new(const sitrep_options *options, char *errbuf, size_t errlen)
{
    sitrep_context *c = xcalloc(1, sizeof *c);
    if (options && options->data_dir) {
        snprintf(c->data_dir, sizeof c->data_dir, "%s", options->data_dir);
    } else if (!path_find_data_dir(c->data_dir, sizeof c->data_dir)) {
        if (errbuf)
            snprintf(errbuf, errlen,
                     "cannot find the data directory (tried $SITREP_DATA, "
                     "the source tree and %s); set SITREP_DATA",
                     c->data_dir);
        free(c);
        return NULL;
    }
    if (options && options->published) {
        if (!ingest_parse_date(options->published, strlen(options->published), c->published)) {
            if (errbuf)
                snprintf(errbuf, errlen, "invalid publication date '%s' (expected YYYY-MM-DD)",
                         options->published);
            free(c);
            return NULL;
        }
    }
    /* ---- quantities, dates, places (extras) ---- */
    char places_dir[4200];
    snprintf(places_dir, sizeof places_dir, "%s/places", c->data_dir);
    diag d;
    diag_clear(&d);
    if (!(c->places = gazetteer_load(places_dir, &d))) {
        if (errbuf)
            diag_format(&d, errbuf, errlen);
        tagger_free(c->tagger);
        free(c);
        return NULL;
    }
    return c;
}

void sitrep_context_free(sitrep_context *context)
{
    if (!context)
        return;
    tagger_free(context->tagger);
    gazetteer_free(context->places); /* extras */
    free(context);
}

const char *sitrep_context_data_dir(const sitrep_context *context)
{
    return context->data_dir;
}

sitrep_coder *sitrep_coder_new(const sitrep_context *context)
{
    sitrep_coder *coder = xcalloc(1, sizeof *coder);
    coder->context = context;
    arena_init(&coder->arena, CODER_ARENA_CAP);
    buf_init(&coder->output, CODER_OUTPUT_CAP);
    return coder;
}

void sitrep_coder_free(sitrep_coder *coder)
{
    if (!coder)
        return;
    arena_release(&coder->arena);
    buf_release(&coder->output);
    free(coder);
}

sitrep_status sitrep_code_bytes(sitrep_coder *coder, sitrep_input kind, const char *bytes,
                                size_t length, const char *name, sitrep_format format,
                                const char **json, size_t *json_length, char *errbuf, size_t errlen)
{
    arena_reset(&coder->arena);
    buf_reset(&coder->output);
    *json = NULL;
    *json_length = 0;
    article art;
    diag d;
    diag_clear(&d);
    sitrep_status status =
        pipeline_run(coder->context, &coder->arena, kind, bytes, length, &art, &d);
    if (status == SITREP_OK)
        status = format == SITREP_FORMAT_SENTENCES
                     ? export_sentences(&coder->output, &art)
                     : export_json(&coder->output, &art, format == SITREP_FORMAT_PRETTY);
    if (status) {
        if (errbuf) {
            if (status == SITREP_EPARSE && d.message[0])
                snprintf(errbuf, errlen, "%s", d.message);
            else
                snprintf(errbuf, errlen, "%s%s%s", sitrep_strerror(status), name ? " in " : "",
                         name ? name : "");
        }
        return status;
    }
    *json = coder->output.data;
    *json_length = coder->output.len;
    return SITREP_OK;
}
