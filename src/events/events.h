/* events.h - the events stage (after attribution/, before export/): what happened.
 *
 * The event coder reads the verb and event-noun patterns that matched in each sentence
 * (match/), the actors and the reporting frames, and codes events: source, target, CAMEO
 * code, modality, attribution, and the quantities, place and date of the clause.
 */
#ifndef SITREP_EVENTS_H
#define SITREP_EVENTS_H

#include "../attribution/attribution.h"
#include "../base/base.h"
#include "../extras/extras.h"
#include "../lexicon/lexicon.h"
#include "../syntax/syntax.h"

#define EVENTS_MAX_PER_ARTICLE 100000

typedef enum event_modality {
    MODALITY_ASSERTED = 0,
    MODALITY_NEGATED,
    MODALITY_PLANNED,
    MODALITY_POSSIBLE,
    MODALITY_HYPOTHETICAL
} event_modality;

/* How one side (source or target) of an event was identified. */
typedef enum side_via {
    SIDE_UNKNOWN = 0, /* the text does not say who ("were arrested"); role may still be known */
    SIDE_TEXT,        /* an actor mention that names the side itself ("Russian troops") */
    SIDE_REFERENCE,   /* a pronoun or descriptor resolved to an earlier actor ("he", "the group") */
    SIDE_PLACE,       /* a place standing for its state ("shelled Kherson": UKR) */
    SIDE_CONTEXT /* a role noun that takes its country from where it acts ("police in Lagos") */
} side_via;

/* One side of an event. `code` is NULL when the side is unknown: the text names no one, or
 * only a role without a state ("gunmen": role REB). Strings are static, dictionary-owned or
 * in the article's arena. */
typedef struct event_side {
    int32_t actor;       /* index into article.actors of the mention, -1 */
    int32_t place;       /* index into article.places (SIDE_PLACE, SIDE_CONTEXT), -1 */
    const char *code;    /* CAMEO actor code ("RUSGOV", "NGACOP", "UKR"), NULL when unknown */
    const char *country; /* ISO alpha-3 (KSV for Kosovo), NULL when unknown */
    const char *role;    /* "GOV", "REB", "COP" ..., NULL */
    uint8_t via;         /* side_via */
} event_side;

/* "text", "reference", "place", "context", "unknown". Static string. */
const char *event_side_via_name(side_via via);

/* Where an event's date comes from (`date_source`). */
typedef enum event_date_source {
    EVENT_DATE_NONE = 0,  /* no date: the article has no publication date either */
    EVENT_DATE_CLAUSE,    /* a date expression of the event's own clause */
    EVENT_DATE_REPORT,    /* the date of the statement that reports it ("..., he said Monday") */
    EVENT_DATE_PUBLISHED, /* the article's publication date */
} event_date_source;

/* Where an event's location comes from (`place_source`). */
typedef enum event_place_source {
    EVENT_PLACE_NONE = 0,
    EVENT_PLACE_CLAUSE, /* a place named in the event's clause */
    EVENT_PLACE_TARGET, /* the country of its target ("sanctioned Iran": Iran) */
} event_place_source;

/* "none", "clause", "report", "published" / "none", "clause", "target". Static strings. */
const char *event_date_source_name(event_date_source source);
const char *event_place_source_name(event_place_source source);

/* One coded event: SOURCE does CODE to TARGET in a sentence. */
typedef struct event {
    uint32_t sentence;
    event_side source, target;
    char code[5];            /* CAMEO code ("072") */
    const cameo_code *cameo; /* its table entry (name, Goldstein, quad, PLOVER); may be NULL */
    uint8_t modality;        /* event_modality */
    int32_t attribution;     /* index into article.attributions, -1 when asserted by the text */
    uint32_t start, end;     /* evidence: byte span of the clause material that coded it */
    uint32_t verb_start, verb_end; /* the anchor (verb or event noun) */
    const pattern *rule;           /* the pattern (file, line), owned by the pattern set */
    /* extras of the clause: article.quantities[quantity_first, +nquantities), places, dates */
    uint32_t quantity_first, nquantities;
    int32_t place, date;  /* indices into article.places / article.dates, -1 when none */
    uint8_t date_source;  /* event_date_source: `date`, else the publication date, else none */
    uint8_t place_source; /* event_place_source */
    const place_entry *location; /* where: the clause's place, else the target's country (the
                                  * gazetteer's entry, owned by it); NULL when unknown */
    /* where each side is placed: the place it comes from ("police in Lagos", "shelled
     * Kherson"), else its country; gazetteer entries, NULL when unknown */
    const place_entry *source_geo, *target_geo;
} event;

/* What the coder reads: all long-lived and shared. `patterns` NULL: no events are coded.
 * `tagger` (may be NULL) names XPOS tags (VBN for passives). */
typedef struct event_tables {
    const cameo_table *cameo;
    const lemma_table *lemmas;
    const pattern_set *patterns;
    const tagger *tagger;
    const gazetteer *places; /* for a target country's location; may be NULL */
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
