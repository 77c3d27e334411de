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

/* ---- quantities, dates, places (extras) ---- */
/* Recognisers that work on tokens alone (quantity.c, date.c, place.c, gazetteer.c). Each
 * mention carries its sentence and token span so the event coder can attach it to the events
 * of the same clause. Arrays live in the per-article arena. Rules: docs/extras.md. */

#define EXTRAS_MAX_MENTIONS 4096 /* per kind and article; more are dropped with ELIMIT */

typedef enum quantity_qualifier {
    QUANTITY_EXACT = 0,
    QUANTITY_APPROX,
    QUANTITY_AT_LEAST,
    QUANTITY_AT_MOST,
    QUANTITY_FRACTION,
    QUANTITY_RANGE,
} quantity_qualifier;

/* Returns "exact", "approx", ... (static string). */
const char *quantity_qualifier_name(quantity_qualifier q);

typedef struct quantity {
    uint32_t sentence;
    uint32_t start, end;           /* byte offsets of the whole phrase */
    uint32_t first_token, ntokens; /* token span */
    double value;                  /* a fraction as 0.5; a range: its low end */
    double low, high;              /* QUANTITY_RANGE only */
    uint8_t qualifier;             /* quantity_qualifier */
    bool fraction;                 /* a share ("half of", "one in two"), whatever qualifier */
    bool percent;                  /* value is in percent ("40%" -> 40) */
    const char *currency;          /* ISO 4217 code ("USD") or NULL */
    uint32_t unit_start, unit_end; /* the thing counted, as a slice of the body; 0,0 none */
} quantity;

typedef struct date_mention {
    uint32_t sentence;
    uint32_t start, end;           /* byte offsets */
    uint32_t first_token, ntokens; /* token span */
    const char *value;             /* "2014", "2024-03", "2025-01-19", "2014/..", "../2017" */
    const char *anchor;            /* for "since X" / "until X": X alone ("2014"), else NULL */
    bool relative;                 /* resolved against the publication date */
} date_mention;

/* A gazetteer entry (gazetteer.c); immutable, owned by the gazetteer. */
typedef enum place_kind {
    PLACE_COUNTRY = 0,
    PLACE_ADMIN1, /* first-level region: oblast, province, state */
    PLACE_CITY,
    PLACE_REGION, /* named region: Crimea, Donbas, the Sahel, the Gaza Strip */
    PLACE_WATER,  /* sea, strait, gulf */
} place_kind;

typedef struct place_entry {
    const char *name;    /* canonical name ("Kursk") */
    const char *country; /* ISO alpha-3, or NULL for places beyond one country (the Red Sea) */
    const char *admin1;  /* first-level region name, or NULL */
    double lat, lon;
    uint8_t kind; /* place_kind */
    bool capital;
} place_entry;

typedef struct gazetteer gazetteer;

/* Loads every *.txt file of `dir` (format: docs/places.md). Returns NULL and fills d
 * ("PATH:LINE: message") on a malformed line or an unreadable file. A missing directory gives
 * an empty gazetteer. The caller frees it with gazetteer_free; immutable once loaded. */
gazetteer *gazetteer_load(const char *dir, diag *d);
void gazetteer_free(gazetteer *g);
size_t gazetteer_count(const gazetteer *g);
/* Finds the entries named by the lower-cased token sequence of `name` ("kursk", "gaza strip"):
 * writes up to max pointers and returns how many there are. Used by tests and place.c. */
size_t gazetteer_find(const gazetteer *g, const char *name, const place_entry **out, size_t max);
/* Internal to place.c: longest match starting at token i (at most max_tokens tokens). Writes
 * the match length in tokens, returns the first entry of the chain or NULL; *next iterates. */
typedef struct gazetteer_match {
    const place_entry *const *entries;
    size_t nentries;
    size_t ntokens;
} gazetteer_match;
bool gazetteer_match_at(const gazetteer *g, const text_result *text, size_t i, size_t end,
                        gazetteer_match *out);

enum {
    PLACE_DIR_NORTH = 1,
    PLACE_DIR_SOUTH = 2,
    PLACE_DIR_EAST = 4,
    PLACE_DIR_WEST = 8,
    PLACE_DIR_CENTRE = 16
};

typedef struct place_mention {
    uint32_t sentence;
    uint32_t start, end;           /* byte offsets, directions and "region" included */
    uint32_t first_token, ntokens; /* token span */
    const place_entry *entry;
    uint8_t directions; /* PLACE_DIR_* bits: "eastern and southern areas of Ukraine" */
    const char *cue;    /* the locative cue or place noun that licensed it ("in", "region") */
} place_mention;

/* Each recogniser appends nothing on failure and returns SITREP_ELIMIT at the arena cap or at
 * EXTRAS_MAX_MENTIONS (the mentions so far are kept). Results are in text order. */

/* Dates, resolved against `published` ("YYYY-MM-DD", "YYYY-MM" or "YYYY"; required: the
 * pipeline passes today's date when the article has none). */
sitrep_status date_find(arena *a, const text_result *text, const char *published,
                        date_mention **out, size_t *count) MUST_CHECK;
/* Quantities. Tokens inside `dates` (may be NULL) are never read as numbers. */
sitrep_status quantity_find(arena *a, const text_result *text, const date_mention *dates,
                            size_t ndates, quantity **out, size_t *count) MUST_CHECK;
/* Places (rule for ambiguous names: docs/places.md). `g` may be NULL: nothing found. */
sitrep_status place_find(arena *a, const gazetteer *g, const text_result *text, place_mention **out,
                         size_t *count) MUST_CHECK;
/* True when token i may start a quantity or a date (a number, a symbol, or one of a few
 * dozen words); the recognisers skip every other token at once. */
bool extras_may_start(const text_result *text, size_t i);
/* ASCII case-insensitive test of token i against a lower-case word; false past the end.
 * Inline: the recognisers call it for many table words per candidate token; it stops at the
 * first mismatch and never measures the word. */
static inline bool extras_token_is(const text_result *text, size_t i, const char *word)
{
    if (i >= text->ntokens)
        return false;
    const token *t = &text->tokens[i];
    const char *p = text->text + t->start;
    size_t n = t->end - t->start;
    for (size_t k = 0; k < n; k++) {
        char c = p[k];
        if (c >= 'A' && c <= 'Z')
            c = (char)(c + 32);
        if (word[k] != c) /* also false at the word's NUL */
            return false;
    }
    return word[n] == '\0';
}

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
    const char *code; /* actor code of the speaker (from article.actors), NULL when unknown */
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
    /* ---- quantities, dates, places (extras) ---- */
    quantity *quantities;
    size_t nquantities;
    date_mention *dates;
    size_t ndates;
    place_mention *places;
    size_t nplaces;
    struct event *events; /* events.c */
    size_t nevents;
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
    /* extras of the clause: article.quantities[quantity_first, +nquantities), places, dates */
    uint32_t quantity_first, nquantities;
    int32_t place, date;  /* indices into article.places / article.dates, -1 when none */
    int32_t target_place; /* no target actor: the place attacked ("shelled Kherson"), index
                           * into article.places whose country is the target; else -1 */
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
