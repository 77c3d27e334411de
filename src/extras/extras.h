/* extras.h - the extras stage (after match/, before actors/): quantities, dates and places.
 *
 * Recognisers over tokens and tags alone: numbers with their qualifier and unit, dates
 * resolved against the publication date, places looked up in our gazetteer (data/places/).
 * The actor stage reads places (metonyms such as "Kyiv"), the event coder attaches all three
 * to the events of the same clause. Rules: docs/extras.md, docs/places.md.
 */
#ifndef SITREP_EXTRAS_H
#define SITREP_EXTRAS_H

#include "../base/base.h"
#include "../syntax/syntax.h"

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
    const char *value;  /* "2014", "2024-03", "2025-01-19", "2014/..", "../2017"; NULL when it
                         * needs a publication date the article does not have */
    const char *anchor; /* for "since X" / "until X": X alone ("2014"), else NULL */
    bool relative;      /* counted from the publication date ("last year", "on Monday") */
    bool inferred;      /* written without its year ("March 4"): the year is the publication's */
    uint8_t precision;  /* of its (first) point: 1 year, 2 month, 3 day */
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

/* "country", "admin1", "city", "region", "water". Static string. */
const char *place_kind_name(place_kind kind);
/* The first-level region an entry lies in: its own name for an admin1 entry, the region a
 * city names, else NULL. */
const char *place_admin1(const place_entry *e);

typedef struct gazetteer gazetteer;

/* Loads every *.txt file of `dir` (format: docs/places.md). Returns NULL and fills d
 * ("PATH:LINE: message") on a malformed line or an unreadable file. A missing directory gives
 * an empty gazetteer. The caller frees it with gazetteer_free; immutable once loaded. */
gazetteer *gazetteer_load(const char *dir, diag *d);
void gazetteer_free(gazetteer *g);
size_t gazetteer_count(const gazetteer *g);
/* The country entry of an ISO alpha-3 code ("AFG"), or NULL (also for a NULL gazetteer). */
const place_entry *gazetteer_country(const gazetteer *g, const char *code);
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

/* Dates, resolved against `published` ("YYYY-MM-DD", "YYYY-MM" or "YYYY"; a month or year
 * keeps its precision: "on Monday" in a "2019-11" article is "2019-11"). With `published`
 * NULL, dates that need it (relative ones, and those written without a year) are found with
 * value NULL. */
sitrep_status date_find(arena *a, const text_result *text, const char *published,
                        date_mention **out, size_t *count) MUST_CHECK;
/* The publication date an article's own text suggests when none is given: the latest full
 * date (day, else month, with its year written) that the text does not speak of as still to
 * come ("will meet on", "scheduled for", "by"), skipping one more than a year after all
 * others. Writes "YYYY-MM-DD" or "YYYY-MM" to out and the mention to *from (may be NULL);
 * false when the text has no such date. `dates` come from date_find with published NULL. */
bool date_publication_from_text(const text_result *text, const date_mention *dates, size_t n,
                                char out[11], const date_mention **from);
/* The year of a dateline's month and day ("ISTANBUL, March 4"): the first that puts it on or
 * after the text's latest dated point (a month's slack allowed). Writes "YYYY-MM-DD"; false
 * when the text dates nothing with a year or the day does not exist. */
bool date_complete_year(const text_result *text, const date_mention *dates, size_t n, int month,
                        int day, char out[11]);
/* Days since 1970-01-01 of a proleptic Gregorian date; the days of a month. */
long date_day_number(int year, int month, int day);
int date_days_in_month(int year, int month);

/* Quantities. Tokens inside `dates` (may be NULL) are never read as numbers. */
sitrep_status quantity_find(arena *a, const text_result *text, const date_mention *dates,
                            size_t ndates, quantity **out, size_t *count) MUST_CHECK;
/* Places (rule for ambiguous names: docs/places.md). `g` may be NULL: nothing found. */
sitrep_status place_find(arena *a, const gazetteer *g, const text_result *text, place_mention **out,
                         size_t *count) MUST_CHECK;
/* The place of a dateline ("ISTANBUL, March 4 (Reuters) -": Istanbul; "BAAR, SWITZERLAND":
 * Switzerland): the gazetteer name at byte `start` that ends by `place_end` (a city first),
 * else the capitalised name after the comma, before byte `end`. Fills *out (cue "dateline");
 * false when the gazetteer knows neither. */
bool place_dateline(const gazetteer *g, const text_result *text, uint32_t start, uint32_t place_end,
                    uint32_t end, place_mention *out);
/* True when token i may start a quantity or a date (a number, a symbol, or one of a few
 * dozen words); the recognisers skip every other token at once. */
bool extras_may_start(const text_result *text, size_t i);
/* True when token i, lower-cased, is a word that ends the noun phrase after a number
 * ("the", "in", "were", "said" ...); false past the end. */
bool extras_np_stop(const text_result *text, size_t i);
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

#endif
