/* extract.h - the fourth pipeline stage: the facts an article reports.
 *
 * Defines `article`, everything the pipeline knows about one article once extraction has run
 * (document, text analysis, actors, and - as later issues land - events, quotes, quantities,
 * dates and places). The sink reads an article; nothing else outlives it. All arrays live in
 * the per-article arena.
 */
#ifndef SITREP_EXTRACT_H
#define SITREP_EXTRACT_H

#include "../base/base.h"
#include "../ingest/ingest.h"
#include "../text/text.h"

/* A mention of an actor in the body. */
typedef struct actor_mention {
    uint32_t sentence;
    uint32_t start, end; /* byte offsets into the body */
    const char *code;    /* CAMEO actor code ("RUSGOV"), NULL when unknown */
} actor_mention;

typedef struct article {
    document *doc;
    text_result text;
    actor_mention *actors;
    size_t nactors;
} article;

#endif
