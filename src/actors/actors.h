/* actors.h - the actors stage (after extras/, before attribution/): who is named.
 *
 * Defines `article`, everything the pipeline knows about one article: the document, the text
 * and its tags, then what each later stage adds (extras, actors, attributions, events). It
 * lives here because the actor stage is the first that takes a whole article; later stages'
 * arrays are declared by their own headers. The sink reads an article; nothing else outlives
 * it. All arrays live in the per-article arena.
 */
#ifndef SITREP_ACTORS_H
#define SITREP_ACTORS_H

#include "../base/base.h"
#include "../extras/extras.h"
#include "../ingest/ingest.h"
#include "../lexicon/lexicon.h"
#include "../syntax/syntax.h"

/* A mention of an actor in the body. */
typedef struct actor_mention {
    uint32_t sentence;
    uint32_t start, end; /* byte offsets into the body */
    const char *code;    /* CAMEO actor code ("RUSGOV"), NULL when unknown */
    const char *country; /* "RUS" when the code starts with a country, else NULL */
    const char *role;    /* "GOV", "MIL" ... when the code has a role, else NULL */
    const char *kind;    /* "country", "person", "organization", "agent", "title",
                          * "pronoun", "reference" ... (docs/dictionaries.md) */
    int32_t antecedent;  /* index in article.actors of the mention this one refers to, -1 */
} actor_mention;

typedef struct article {
    document *doc;
    text_result text;
    actor_mention *actors; /* actors stage */
    size_t nactors;
    struct attribution *attributions; /* attribution stage */
    size_t nattributions;
    int32_t *frame_of_token; /* attribution stage: per token, the innermost frame whose content
                                holds it, -1 (NULL when there are no frames) */
    /* extras stage */
    quantity *quantities;
    size_t nquantities;
    date_mention *dates;
    size_t ndates;
    place_mention *places;
    size_t nplaces;
    struct event *events; /* events stage */
    size_t nevents;
} article;

#define ACTORS_MAX_PER_ARTICLE 65536

/* Finds the actors of an analysed article (art->text) with dictionary `d` (may be NULL: no
 * actors) and fills art->actors in text order, from the arena. Dated codes are resolved with
 * doc->published (today, with a warning, when absent). Returns SITREP_ELIMIT at the arena
 * cap; past ACTORS_MAX_PER_ARTICLE the rest is dropped with a warning. */
sitrep_status actors_extract(arena *a, const dict *d, article *art) MUST_CHECK;

#endif
