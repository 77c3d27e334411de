/* pipeline.h - the one place that knows the order of the stages.
 *
 * pipeline_run takes the bytes of one article through ingest -> text -> syntax -> extras ->
 * actors -> attribution -> events and leaves the result in an `article` in the caller's
 * arena; the public API in include/sitrep.h (context, coder) wraps it and adds the sink.
 */
#ifndef SITREP_PIPELINE_H
#define SITREP_PIPELINE_H

#include "actors/actors.h"
#include "attribution/attribution.h"
#include "base/base.h"
#include "events/events.h"
#include "extras/extras.h"
#include "ingest/ingest.h"
#include "lexicon/lexicon.h"
#include "syntax/syntax.h"
#include "text/text.h"

struct sitrep_context {
    char data_dir[4096];
    char published[11];       /* default publication date, "" when none */
    bool published_from_name; /* a date in the file name (PolNeAR style) comes before it */
    bool published_today;     /* --published today: undated articles are today's (live feeds) */
    bool keep_chrome;         /* plain text is all body */
    bool no_extras;           /* skip quantities, dates, places and attribution (measuring) */
    tagger *tagger;           /* NULL when no model is installed */
    parser *parser;           /* the dependency parser; NULL unless sitrep_options.parse asked */
    language_model *language; /* the `language` warning for articles not in English */
    cue_lexicon *cues;        /* reporting cues (attribution) */
    dict *actors;             /* actor dictionaries of DATA/actors/ (empty when absent) */
    gazetteer *places;        /* data/places/ (extras); empty when the directory is absent */
    /* event coder: code table, lemmas, patterns; NULL when DATA/verbs is absent */
    cameo_table *cameo;
    lemma_table *lemmas;
    pattern_set *patterns;
    event_tables events;
    long explain_sentence; /* sitrep explain --sentence N: N, or -1 for every sentence */
    size_t article_memory; /* arena cap of each coder (bytes per article) */
    /* what the data directory lacks, coding goes on without it (sitrep_context_warnings) */
    char *warnings[SITREP_MAX_WARNINGS];
    size_t nwarnings;
    sitrep_load load; /* what was loaded: formats needing more are refused */
};

/* How far to take an article: through the text stage only (sentences and tokens, untagged:
 * what `sitrep sentences` needs), through the tagger (`sitrep tag`) or through every stage. */
typedef enum pipeline_depth { PIPELINE_TEXT, PIPELINE_TAGS, PIPELINE_FULL } pipeline_depth;

/* Runs the stages on one input, up to `depth`. `name` is the input's file name (or NULL): with
 * context->published_from_name, a date in it dates an article that gives none. Fills *art
 * (allocated from a). Returns SITREP_EPARSE with d filled when the record is rejected
 * (malformed JSON line), SITREP_ELIMIT at the arena cap. */
sitrep_status pipeline_run(const sitrep_context *context, arena *a, sitrep_input kind,
                           const char *bytes, size_t length, const char *name, pipeline_depth depth,
                           article *art, diag *d) MUST_CHECK;

#endif
