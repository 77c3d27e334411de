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
    const char *kind;    /* "country", "person", "agent", "pronoun" ... (dict_kind_name) */
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
    struct event *events; /* events.c */
    size_t nevents;
} article;

/* Finds the reporting frames of an analysed article and stores them in art->attributions
 * (arena). SITREP_ELIMIT only at the arena cap. */
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

/* ---- events (coder) ---- */

#define EVENTS_MAX_PER_ARTICLE 100000

typedef enum event_modality {
    MODALITY_ASSERTED = 0,
    MODALITY_NEGATED,
    MODALITY_PLANNED,
    MODALITY_POSSIBLE,
    MODALITY_HYPOTHETICAL
} event_modality;

/* One coded event: SOURCE does CODE to TARGET in a sentence. */
typedef struct event {
    uint32_t sentence;
    int32_t source, target;  /* indices into article.actors; -1 when absent */
    char code[5];            /* CAMEO code ("072") */
    const cameo_code *cameo; /* its table entry (name, Goldstein, quad, PLOVER); may be NULL */
    uint8_t modality;        /* event_modality */
    int32_t attribution;     /* index into article.attributions, -1 when asserted by the text */
    uint32_t start, end;     /* evidence: byte span of the clause material that coded it */
    uint32_t verb_start, verb_end; /* the anchor (verb or event noun) */
    const pattern *rule;           /* the pattern (file, line), owned by the pattern set */
} event;

/* What the coder reads: all long-lived and shared. `patterns` NULL: no events are coded.
 * `tagger` (may be NULL) names XPOS tags (VBN for passives). */
typedef struct event_tables {
    const cameo_table *cameo;
    const lemma_table *lemmas;
    const pattern_set *patterns;
    const tagger *tagger;
} event_tables;

/* Codes the events of an analysed article (text, actors, attributions) into art->events
 * (arena), in sentence order. SITREP_ELIMIT at the arena cap; past EVENTS_MAX_PER_ARTICLE
 * the rest is dropped with a warning. */
sitrep_status events_code(arena *a, const event_tables *tables, article *art) MUST_CHECK;

/* Appends a human-readable account of the coding of each sentence (or only sentence
 * `only` when only >= 0) to out: actors, verb groups, matched rules, the events coded and,
 * when nothing was coded, why not. Runs the coder again on art (which must have been
 * through events_code). SITREP_ELIMIT at a cap. */
sitrep_status events_explain(arena *a, const event_tables *tables, const article *art, long only,
                             buf *out) MUST_CHECK;

/* "asserted", "negated", "planned", "possible", "hypothetical". Static string. */
const char *event_modality_name(event_modality modality);

#endif
