/* attribution.h - the attribution stage (after actors/, before events/): who says so.
 *
 * Reporting frames (SOURCE says CONTENT, "according to SOURCE") found from our reporting cues
 * (data/cues/reporting.txt), their sources classified and coded from the article's actors,
 * and the quotes among them. The event coder attaches each event to the frame whose content
 * holds it.
 */
#ifndef SITREP_ATTRIBUTION_H
#define SITREP_ATTRIBUTION_H

#include "../actors/actors.h"
#include "../base/base.h"

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
    const char *code; /* actor code of the speaker (from article.actors), NULL when unknown */
} attribution;

typedef struct cue_lexicon cue_lexicon;

/* One form of a reporting cue ("claimed"), as cues_find returns it. */
typedef struct cue_form {
    char text[32]; /* lower case; "according_to" for the multi-word cue */
    uint8_t cue_class;
    bool strict; /* "+that": a cue only when "that", a colon or a quotation follows */
} cue_form;

/* Loads the reporting cues (data/cues/reporting.txt). NULL with d filled ("FILE:LINE: unknown
 * cue kind 'x'") on a bad file. Immutable once loaded; free with cues_free. */
cue_lexicon *cues_load(const char *path, diag *d);
/* Parses cue definitions from memory (`path` names them in messages). Same contract. */
cue_lexicon *cues_parse(const char *text, size_t length, const char *path, diag *d);
void cues_free(cue_lexicon *cues);
/* The cue form of the word s[0, n) (any case; "according_to" for the two-word cue), or NULL.
 * Points into the lexicon. */
const cue_form *cues_find(const cue_lexicon *lex, const char *s, size_t n);

/* Finds the reporting frames of an analysed article and stores them in art->attributions
 * (arena); run after actors_extract so that speakers get their actor codes. SITREP_ELIMIT
 * only at the arena cap. */
sitrep_status attribution_find(arena *a, const cue_lexicon *cues, article *art) MUST_CHECK;

/* "named", "official", "organization", "document", "publisher"; NULL for ATTRIB_NONE. */
const char *attribution_kind_name(attribution_kind kind);

#endif
