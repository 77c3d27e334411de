/* lexicon.h - the long-lived dictionaries of sitrep: code tables, lemmas, patterns.
 *
 * Everything here is loaded once from data files, immutable afterwards and shared by threads.
 * Later stages (match/, extract/) look words and codes up here; nothing here reads articles.
 */
#ifndef SITREP_LEXICON_H
#define SITREP_LEXICON_H

#include "../base/base.h"

/* ---- verbs, lemmas and CAMEO codes (events) ---- */

/* -- CAMEO code table (cameo.c) -- */

/* A CAMEO code is stored as the integer of its digits with its length: "0211" -> 211 with
 * 4 digits. Roots are 2 digits ("19"), base codes 3 ("190", "195"), sub-codes 4 ("1951"). */
typedef struct cameo_code {
    char code[5];        /* "0211", NUL-terminated */
    uint8_t quad;        /* 1 verbal coop., 2 material coop., 3 verbal conflict, 4 material */
    float goldstein;     /* -10 .. +10 */
    const char *name;    /* short description */
    const char *plover;  /* PLOVER event type ("ASSAULT"), NULL when none */
    const char *mode;    /* PLOVER mode ("heavy-weapons"), NULL when none */
    const char *context; /* PLOVER context ("military"), NULL when none */
} cameo_code;

typedef struct cameo_table cameo_table;

#define CAMEO_MAX_CODES 1000

/* Loads DIR/codes.txt and DIR/plover.txt (data/cameo). Returns SITREP_EIO/ENOTFOUND when a
 * file is missing and SITREP_EPARSE on a malformed line (d: "FILE:LINE: message"), e.g. a
 * duplicate code, a sub-code whose parent is missing, a quad class outside 1-4 or a weight
 * outside -10..10. On success *out is the table; free it with cameo_free. */
sitrep_status cameo_load(const char *dir, cameo_table **out, diag *d) MUST_CHECK;
void cameo_free(cameo_table *table);
/* The number of codes and the i-th code in file order (0 <= i < count). Owned by the table. */
size_t cameo_count(const cameo_table *table);
const cameo_code *cameo_at(const cameo_table *table, size_t i);
/* Finds a code by its digits ("0211", "19"); NULL when unknown. Owned by the table. */
const cameo_code *cameo_find(const cameo_table *table, const char *code, size_t length);
/* Accessors; each returns a neutral value (NULL, 0, 0.0) when the code is unknown. The PLOVER
 * accessors follow the code's parents (0211 -> 021 -> 02, a root -> its "x0" code) when the
 * code itself has no PLOVER line, and return NULL when none of them has one. */
const char *cameo_name(const cameo_table *table, const char *code);
double cameo_goldstein(const cameo_table *table, const char *code);
int cameo_quad_class(const cameo_table *table, const char *code);
const char *cameo_plover_type(const cameo_table *table, const char *code);
const char *cameo_plover_mode(const cameo_table *table, const char *code);
const char *cameo_plover_context(const cameo_table *table, const char *code);
/* The root of a code: its first two digits as an integer 1..20, or 0 when malformed. */
int cameo_root(const char *code);
/* True when s is 2-4 ASCII digits. */
bool cameo_is_code_syntax(const char *s, size_t length);

/* -- lemmas (lemma.c) -- */

/* Verb lemmas from WordNet's verb.exc and index.verb plus regular English rules; noun
 * singulars from noun.exc and index.noun plus regular rules. Immutable once loaded. */
typedef struct lemma_table lemma_table;

#define LEMMA_DEFAULT_DIR "/usr/share/wordnet"
#define LEMMA_MAX_WORD 64 /* longer words are returned lower-cased, not lemmatised */

/* Loads verb.exc, index.verb, noun.exc and index.noun from `dir` (NULL: LEMMA_DEFAULT_DIR).
 * A missing file is SITREP_ENOTFOUND with d = "DIR/verb.exc: cannot open: ... (install the
 * Debian package wordnet-base)". Free with lemma_free. */
sitrep_status lemma_load(const char *dir, lemma_table **out, diag *d) MUST_CHECK;
void lemma_free(lemma_table *table);
/* Writes the verb lemma of `word` (said -> say, attacked -> attack, stopping -> stop) into
 * out (size outlen >= LEMMA_MAX_WORD + 1) lower-cased, and returns its length. A word that
 * no rule reduces to a WordNet verb is returned lower-cased. */
size_t lemma_verb(const lemma_table *table, const char *word, size_t length, char *out,
                  size_t outlen);
/* Like lemma_verb for nouns: the singular (strikes -> strike, casualties -> casualty). */
size_t lemma_noun(const lemma_table *table, const char *word, size_t length, char *out,
                  size_t outlen);
/* The lemma of a token given its UPOS tag (upos_tag value; 0 = untagged): nouns and proper
 * nouns take lemma_noun, verbs and auxiliaries lemma_verb; an untagged word takes an
 * irregular verb form first, then a regular verb form, then a noun singular. */
size_t lemma_word(const lemma_table *table, const char *word, size_t length, int upos, char *out,
                  size_t outlen);
/* True when WordNet lists `lemma` (lower case) as a verb / as a noun. */
bool lemma_is_verb(const lemma_table *table, const char *lemma, size_t length);
bool lemma_is_noun(const lemma_table *table, const char *lemma, size_t length);

/* -- verb and event-noun patterns (patterns.c) -- */

/* The pattern files of data/verbs/ (format: docs/patterns.md) compiled into a table keyed by
 * the anchor lemma. Immutable once loaded; shared by threads. */
typedef struct pattern_set pattern_set;

/* Roles a slot can fill. */
typedef enum pattern_role {
    PATTERN_SOURCE = 0, /* $S: who acts (rare in patterns: the coder finds subjects) */
    PATTERN_TARGET,     /* $T: who is acted upon */
    PATTERN_OBJECT,     /* $O: what is given, sent or used (troops, aid, weapons) */
    PATTERN_PLACE,      /* $L: where (the Y of "drive X out of Y") */
    PATTERN_ROLES
} pattern_role;

/* Element kinds of a compiled pattern. */
typedef enum pattern_elem_kind {
    PATTERN_WORD = 0, /* one of `words` (lemma or lower-case surface form) */
    PATTERN_SLOT,     /* a role: the next word token, then a phrase gap before the next elem */
    PATTERN_GAP,      /* ... : skip 0..PATTERN_GAP_MAX tokens */
} pattern_elem_kind;

#define PATTERN_MAX_ELEMS 16
#define PATTERN_MAX_ALTS 64 /* alternatives in one element, after class expansion */
#define PATTERN_GAP_MAX 4   /* tokens skipped by "..." */
#define PATTERN_SLOT_GAP 8  /* tokens a slot's phrase may span before the next element */
#define PATTERN_MAX_PATTERNS 200000
#define PATTERN_MAX_FILE_BYTES ((size_t)16 << 20)

typedef struct pattern_elem {
    uint8_t kind;       /* pattern_elem_kind */
    uint8_t optional;   /* (word): may be absent */
    uint8_t role;       /* for PATTERN_SLOT */
    uint8_t nwords;     /* for PATTERN_WORD */
    const char **words; /* lower-case alternatives, owned by the set */
} pattern_elem;

typedef struct pattern {
    char code[5];   /* CAMEO code, "" for a discard */
    bool discard;   /* an idiom or non-event: suppresses matches on its span */
    bool noun;      /* anchored on an event noun (nominal event) rather than a verb */
    uint8_t anchor; /* index of the anchor element in elems */
    uint8_t nelems;
    uint8_t nliterals; /* required word elements (the pattern's specificity) */
    pattern_elem elems[PATTERN_MAX_ELEMS];
    const char *file; /* file name relative to the pattern directory ("19-fight.txt") */
    uint32_t line;
} pattern;

/* "source", "target", "object", "place" (static strings); "?" for an invalid role. */
const char *pattern_role_name(int role);

/* Loads every *.txt file of `dir` (data/verbs) in name order, with the word classes of
 * classes.txt. Returns SITREP_EPARSE with d = "FILE:LINE: message" on the first malformed
 * line, SITREP_EIO when the directory or a file cannot be read, SITREP_ELIMIT past
 * PATTERN_MAX_PATTERNS. When `codes` is not NULL every code must be in it. Free with
 * pattern_set_free. */
sitrep_status pattern_set_load(const char *dir, const cameo_table *codes, pattern_set **out,
                               diag *d) MUST_CHECK;
/* Parses one file's text (for tests and fuzzing): the same rules, `name` used in messages.
 * `classes` may be NULL (then @class references are errors) or the text of a classes file. */
sitrep_status pattern_set_parse(const char *name, const char *text, size_t length,
                                const char *classes, size_t classes_length,
                                const cameo_table *codes, pattern_set **out, diag *d) MUST_CHECK;
void pattern_set_free(pattern_set *set);
size_t pattern_set_count(const pattern_set *set);
const pattern *pattern_set_at(const pattern_set *set, size_t i);
/* The patterns anchored on `lemma` (lower case): sets *n and returns an array of indices
 * (owned by the set), or NULL with *n = 0. */
const uint32_t *pattern_set_find(const pattern_set *set, const char *lemma, size_t length,
                                 size_t *n);

/* Problems `pattern_check_dir` reports, one call per problem. `path` and `line` locate it. */
typedef void (*pattern_report_fn)(void *user, const char *path, long line, const char *message);

/* Counts of a checked directory. */
typedef struct pattern_stats {
    size_t patterns, discards, nouns, verbs;
    size_t per_root[21]; /* patterns per CAMEO root 1..20 (index 0 unused) */
    size_t codes_used;   /* distinct codes */
    size_t problems;
} pattern_stats;

/* Checks a pattern directory: loads it (a parse error is reported and stops the check), then
 * reports codes not in `codes`, duplicate patterns (same code-independent text), and anchor
 * lemmas WordNet does not know (when `lemmas` is not NULL). Fills *stats. Returns SITREP_OK
 * when the directory loaded (even with problems: see stats->problems), otherwise the load
 * error. */
sitrep_status pattern_check_dir(const char *dir, const cameo_table *codes,
                                const lemma_table *lemmas, pattern_report_fn report, void *user,
                                pattern_stats *stats) MUST_CHECK;

#endif
