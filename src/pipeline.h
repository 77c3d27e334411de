/* pipeline.h - the one place that knows the order of the stages.
 *
 * pipeline_run takes the bytes of one article through ingest -> text -> lexicon/match ->
 * extract and leaves the result in an `article` in the caller's arena; the public API in
 * include/sitrep.h (context, coder) wraps it and adds the sink.
 */
#ifndef SITREP_PIPELINE_H
#define SITREP_PIPELINE_H

#include "base/base.h"
#include "extract/extract.h"

struct sitrep_context {
    char data_dir[4096];
    char published[11]; /* default publication date, "" when none */
    tagger *tagger;     /* NULL when no model is installed */
    gazetteer *places;  /* data/places/ (extras); empty when the directory is absent */
};

/* Runs every stage on one input. Fills *art (allocated from a). Returns SITREP_EPARSE with d
 * filled when the record is rejected (malformed JSON line), SITREP_ELIMIT at the arena cap. */
sitrep_status pipeline_run(const sitrep_context *context, arena *a, sitrep_input kind,
                           const char *bytes, size_t length, article *art, diag *d) MUST_CHECK;

#endif
