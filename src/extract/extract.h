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
#include "../lexicon/lexicon.h"

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

/* ---- attribution and quotes (attribution.c) ---- */

/* A byte range of the body; start == end means absent. */
typedef struct span {
    uint32_t start, end;
} span;

typedef enum attribution_kind {
    ATTRIB_NONE = 0,     /* the article asserts it itself */
    ATTRIB_NAMED,        /* a named person */
    ATTRIB_OFFICIAL,     /* an unnamed official, expert or group of people */
    ATTRIB_ORGANIZATION, /* a government, army, agency, company, newspaper ... */
    ATTRIB_DOCUMENT,     /* a report, a statement, a study ... */
    ATTRIB_PUBLISHER     /* the article's own publisher */
} attribution_kind;

enum { CUE_SPEECH = 1, CUE_BELIEF, CUE_DOCUMENT };

/* One reporting frame: SOURCE says (CUE) CONTENT. */
typedef struct attribution {
    uint32_t sentence;      /* sentence of the cue */
    span source;            /* the source as written ("He", "Intelligence officials") */
    span speaker;           /* the source after pronoun resolution ("Andrii Kovalenko") */
    span cue;               /* "claimed", "according to" */
    span content;           /* what is attributed (without quotation marks) */
    uint32_t content_first; /* token range of the content: [first, last) */
    uint32_t content_last;
    uint8_t kind;      /* attribution_kind */
    uint8_t cue_class; /* CUE_SPEECH, CUE_BELIEF, CUE_DOCUMENT */
    bool direct;       /* the content is a quotation */
    bool resolved_from_pronoun;
    const char *code;  /* actor code of the speaker (from article.actors), NULL when unknown */
} attribution;

typedef struct cue_lexicon cue_lexicon;

/* Loads the reporting cues (data/cues/reporting.txt). NULL with d filled ("FILE:LINE: unknown
 * cue kind 'x'") on a bad file. Immutable once loaded; free with cues_free. */
cue_lexicon *cues_load(const char *path, diag *d);
/* Parses cue definitions from memory (`path` names them in messages). Same contract. */
cue_lexicon *cues_parse(const char *text, size_t length, const char *path, diag *d);
void cues_free(cue_lexicon *cues);

typedef struct article {
    document *doc;
    text_result text;
    actor_mention *actors;
    size_t nactors;
    attribution *attributions; /* attribution.c */
    size_t nattributions;
} article;

/* Finds the reporting frames of an analysed article and stores them in art->attributions
 * (arena); run after actors_extract so that speakers get their actor codes. SITREP_ELIMIT
 * only at the arena cap. */
sitrep_status attribution_find(arena *a, const cue_lexicon *cues, article *art) MUST_CHECK;

/* "named", "official", "organization", "document", "publisher"; NULL for ATTRIB_NONE. */
const char *attribution_kind_name(attribution_kind kind);
/* ---- actors (actors.c) ---- */

#define ACTORS_MAX_PER_ARTICLE 65536

/* Finds the actors of an analysed article (art->text) with dictionary `d` (may be NULL: no
 * actors) and fills art->actors in text order, from the arena. Dated codes are resolved with
 * doc->published (today, with a warning, when absent). Returns SITREP_ELIMIT at the arena
 * cap; past ACTORS_MAX_PER_ARTICLE the rest is dropped with a warning. */
sitrep_status actors_extract(arena *a, const dict *d, article *art) MUST_CHECK;

#endif
