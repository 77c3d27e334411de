/* fuzz_events.c - libFuzzer target for the event coder: arbitrary text goes through the whole
 * pipeline (ingest, text, tagger, actors, attribution, events) and the explanation; every event
 * must point at real actors, sentences and body bytes, and the JSON must be valid UTF-8.
 */
#include "base/base.h"
#include "export/export.h"
#include "pipeline.h"
#include "sitrep.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A side points at an actor or place of the article, or at nothing; a code has a country or
 * is an organisation's. */
static bool side_valid(const article *art, const event_side *side)
{
    if (side->actor >= 0 && (size_t)side->actor >= art->nactors)
        return false;
    if (side->place >= 0 && (size_t)side->place >= art->nplaces)
        return false;
    return side->via <= SIDE_CONTEXT;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static sitrep_context *context;
static arena work;
static buf out;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!context) {
        char err[512];
        sitrep_options options = {0};
        context = sitrep_context_new(&options, err, sizeof err);
        if (!context || !context->patterns) {
            fprintf(stderr, "fuzz_events: cannot load the data: %s\n",
                    context ? "no event patterns" : err);
            abort();
        }
        arena_init(&work, (size_t)1 << 30);
        buf_init(&out, (size_t)1 << 28);
    }
    arena_reset(&work);
    buf_reset(&out);
    article art;
    diag d;
    diag_clear(&d);
    if (pipeline_run(context, &work, SITREP_INPUT_TEXT, (const char *)data, size, NULL,
                     PIPELINE_FULL, &art, &d))
        return 0;
    for (size_t i = 0; i < art.nevents; i++) {
        const event *e = &art.events[i];
        if (e->sentence >= art.text.nsentences || !side_valid(&art, &e->source) ||
            !side_valid(&art, &e->target) || (!e->source.code && !e->target.code) ||
            (e->attribution >= 0 && (size_t)e->attribution >= art.nattributions) ||
            e->start > e->end || e->end > art.text.length || e->verb_start < e->start ||
            e->verb_end > e->end || !e->rule || e->rule->discard)
            abort();
    }
    if (export_json(&out, &art, false) == SITREP_OK &&
        utf8_valid_prefix(out.data, out.len) != out.len)
        abort();
    buf_reset(&out);
    if (events_explain(&work, &context->events, &art, -1, &out) == SITREP_OK &&
        utf8_valid_prefix(out.data, out.len) != out.len)
        abort();
    return 0;
}

int LLVMFuzzerInitialize(int *argc, char ***argv);

/* The data is loaded here, once, so that its load (seconds under the sanitizers on a busy
 * machine) is not counted against the first input's time limit. */
int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc, (void)argv;
    static const uint8_t empty[1];
    return LLVMFuzzerTestOneInput(empty, 0);
}
