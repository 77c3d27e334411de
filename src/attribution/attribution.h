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
    ATTRIB_NAMED,        /* a named person ("Ghani", "Afghan President Ashraf Ghani") */
    ATTRIB_OFFICIAL,     /* an unnamed official, expert or group of people */
    ATTRIB_ORGANIZATION, /* a government, army, agency, company, newspaper ... */
    ATTRIB_DOCUMENT,     /* a report, a statement, a study ... */
    ATTRIB_PUBLISHER,    /* the article's own publisher */
    ATTRIB_ANONYMOUS     /* sources who are not named on purpose ("people familiar with") */
} attribution_kind;

/* Cue classes (data/cues/reporting.txt). */
enum {
    CUE_SPEECH = 1, /* said, claimed, warned */
    CUE_BELIEF,     /* believe, fear, expect */
    CUE_DOCUMENT,   /* reported, wrote, showed */
    CUE_INTENT,     /* want, plan, seek, refuse */
    CUE_EVALUATION, /* support, oppose, criticise, praise */
    CUE_PERCEPTION  /* seem, appear, see */
};

/* What the source does with its content. */
typedef enum attribution_stance {
    STANCE_ASSERTS = 0, /* says, believes, reports it */
    STANCE_DENIES,      /* denies, rejects, refutes it; "there is no evidence that" */
    STANCE_DOUBTS       /* doubts, questions it; "it is unclear whether" */
} attribution_stance;

/* One reporting frame: SOURCE says (CUE) CONTENT. Spans are drawn as PolNeAR draws them: the
 * source is the noun phrase as written, its apposition included but no time words or
 * prepositional tails ("Richard Revesz, director of the institute"; the speaker is "Richard
 * Revesz"), the cue the reporting verb group ("has repeatedly said", "called on"), the content
 * the reported clause with its "that" or the quotation without its marks. */
typedef struct attribution {
    uint32_t sentence;      /* sentence of the cue */
    span source;            /* the source as written ("He", "Miller, a retired worker") */
    span speaker;           /* who speaks: the name the source resolves to, without apposition
                               ("Ashraf Ghani" for "he"); the source itself when it names no one */
    span phrase;            /* the source with its apposition (once speakers are resolved, the
                               source is this phrase) */
    span cue;               /* "claimed", "has said", "according to" */
    span content;           /* what is attributed (without quotation marks) */
    span continuation;      /* the same speech going on after the cue: “A,” he said. “B.” */
    span fronted;           /* the content's relative word before its source: "which" in "the
                               wall, which he said Mexico would pay for" (PolNeAR's content runs
                               from it); empty when none */
    span claim;             /* denies/doubts: the claim denied ("its troops shelled the plant") */
    span relative;          /* "Smith, who said ...": the relative pronoun, which PolNeAR draws as
                               the source (the speaker stays the antecedent); empty when none */
    uint32_t content_first; /* token range of the content: [first, last) */
    uint32_t content_last;
    uint32_t continuation_first; /* token range of the continuation, first == last: none */
    uint32_t continuation_last;
    int32_t parent;        /* the frame whose content holds this cue, -1 (PolNeAR draws only the
                              outer frame: each token has one label) */
    int32_t speaker_actor; /* index in article.actors of the speaker's mention, -1 */
    uint8_t kind;          /* attribution_kind */
    uint8_t cue_class;     /* CUE_* */
    uint8_t stance;        /* attribution_stance */
    bool direct;           /* the content is a quotation */
    bool resolved_from_pronoun;
    const char *code; /* actor code of the speaker (from article.actors), NULL when unknown */
} attribution;

typedef struct cue_lexicon cue_lexicon;

/* Particles a cue may take into its group ("called on", "warned of"): bits of cue_form. */
enum {
    CUE_P_OF = 1 << 0,
    CUE_P_ABOUT = 1 << 1,
    CUE_P_ON = 1 << 2,
    CUE_P_FOR = 1 << 3,
    CUE_P_TO = 1 << 4,
    CUE_P_AT = 1 << 5,
    CUE_P_AGAINST = 1 << 6,
    CUE_P_WITH = 1 << 7,
    CUE_P_OUT = 1 << 8,
    CUE_P_UP = 1 << 9,
    CUE_P_BACK = 1 << 10,
    CUE_P_OFF = 1 << 11,
    CUE_P_INTO = 1 << 12,
    CUE_P_AS = 1 << 13
};
#define CUE_PARTICLES 14

/* One form of a reporting cue ("claimed"), as cues_find returns it. */
typedef struct cue_form {
    char text[32]; /* lower case; "according_to" for the multi-word cue */
    uint8_t cue_class;
    bool strict;        /* "+that": a cue before its content only when "that", a colon, a quotation
                           (or, with +to, an infinitive) follows */
    bool infinitive;    /* "+to": "vowed to retaliate" - the infinitive is the content */
    bool object;        /* "+obj": an object may stand before the complement ("told reporters
                           that", "urged Israel to halt") */
    bool verb_only;     /* "+v": a cue only where the tagger reads a verb ("support", "plans") */
    bool particle_only; /* "+p": a cue only with one of its particles ("fired back") */
    bool raise;         /* "+raise": the subject belongs to the content, which has no source
                           ("The House is expected to pass the bill", "Talks seemed close") */
    bool thing;         /* "+thing": a noun phrase after the verb is a thing it acts on, not
                           what it reports ("recalled its envoy", "added 500 troops") */
    uint16_t particles; /* CUE_P_* the cue takes into its group */
} cue_form;

/* The particle word of a CUE_P_* bit index (0 .. CUE_PARTICLES-1): "of", "about" ... */
const char *cues_particle_name(unsigned bit);

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
 * (arena), in text order of their cues; run after actors_extract so that speakers get their
 * actor codes. SITREP_ELIMIT only at the arena cap. */
sitrep_status attribution_find(arena *a, const cue_lexicon *cues, article *art) MUST_CHECK;

/* "named", "official", "organization", "document", "publisher", "anonymous"; NULL for
 * ATTRIB_NONE. */
const char *attribution_kind_name(attribution_kind kind);
/* "speech", "belief", "document", "intent", "evaluation", "perception". */
const char *attribution_cue_class_name(uint8_t cue_class);
/* "asserts", "denies", "doubts". */
const char *attribution_stance_name(uint8_t stance);

/* The frame whose content (or continuation) holds token `token_index`, the innermost when
 * several do, or -1. Binary search over the frames in text order: O(log n) per call. */
int32_t attribution_frame_of_token(const article *art, uint32_t token_index);

#endif
