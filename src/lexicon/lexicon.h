/* lexicon.h - the lexicon stage (after syntax/, before match/): dictionaries for matching.
 *
 * Everything here is loaded once from data files (data/actors, data/cameo, data/verbs,
 * WordNet), immutable afterwards and shared by threads: the actor dictionaries (a vocabulary
 * of folded token text -> id and a trie over token ids, so matching never compares strings;
 * phrases are split with text_tokenize exactly like article text; docs/dictionaries.md), the
 * CAMEO code tables, verb lemmas and the verb and event-noun patterns (docs/patterns.md).
 */
#ifndef SITREP_LEXICON_H
#define SITREP_LEXICON_H

#include "../base/base.h"
#include "../syntax/syntax.h"

/* ---- actor dictionaries ---- */

#define VOCAB_NONE UINT32_MAX     /* id of a token that no dictionary uses */
#define VOCAB_MAX_TOKEN 64        /* longest token (bytes, folded) a dictionary may hold */
#define DICT_MAX_PHRASE_TOKENS 16 /* longest phrase, in tokens */
#define DICT_MAX_CODES 64         /* codes per entry */
#define DICT_MAX_LINE 8192        /* bytes per line */
#define DICT_MAX_ENTRIES 1000000  /* entries per dictionary set */
#define DICT_MAX_FILE ((size_t)64 << 20)

/* A vocabulary: interned folded token texts. Immutable once the dictionary is built. */
typedef struct vocab vocab;

/* Folds a token's text for case-insensitive matching: ASCII and Unicode letters to lower
 * case, typographic apostrophes (’ ‘ ʼ) to ', Unicode hyphens to -. Writes at most `cap`
 * bytes to out and returns the folded length, or 0 when the result does not fit. */
size_t vocab_fold(const char *s, size_t length, char *out, size_t cap);
/* Returns the id of an already folded token, or VOCAB_NONE. */
uint32_t vocab_find(const vocab *v, const char *folded, size_t length);
/* Folds then finds. */
uint32_t vocab_lookup(const vocab *v, const char *s, size_t length);
size_t vocab_size(const vocab *v);
/* Building (dict.c only): a new empty vocabulary (free with vocab_free); vocab_intern returns
 * the id of a folded token, adding it when new. */
vocab *vocab_new(void);
void vocab_free(vocab *v);
uint32_t vocab_intern(vocab *v, const char *folded, size_t length);

/* A trie over token ids. Each node that ends a phrase holds `dict_value`s. */
typedef struct trie trie;
/* Returns the child of `node` for token id `id`, or 0 when there is none (0 is the root and
 * never a child). */
uint32_t trie_child(const trie *t, uint32_t node, uint32_t id);
/* Building (dict.c only): trie_new/trie_free; trie_insert returns the node that ends the
 * phrase ids[0..n), creating nodes as needed. */
trie *trie_new(void);
void trie_free(trie *t);
uint32_t trie_insert(trie *t, const uint32_t *ids, size_t n);
size_t trie_node_count(const trie *t);

/* What a dictionary phrase refers to. The file it comes from decides the kind. */
typedef enum dict_kind {
    DICT_COUNTRY = 0, /* a country's name (countries.txt) -> "RUS" */
    DICT_ADJECTIVE,   /* "Russian" -> RUS, combines with a following role */
    DICT_DEMONYM,     /* "Russians" -> RUS */
    DICT_CAPITAL,     /* "Moscow" -> RUSGOV */
    DICT_METONYM,     /* "the Kremlin" -> RUSGOV (metonyms.txt) */
    DICT_PERSON,      /* people*.txt */
    DICT_ORGANIZATION,
    DICT_GROUP, /* armed non-state groups */
    DICT_AGENT, /* a role noun: "troops" -> MIL (agents.txt) */
    DICT_TITLE, /* a title: "president" -> GOV (titles.txt); also a role */
    DICT_KIND_COUNT
} dict_kind;

/* Returns "country", "adjective", ... Static string. */
const char *dict_kind_name(dict_kind kind);

/* A code with an optional validity range; dates are YYYYMMDD numbers, 0 = open end. A code
 * with from == to == 0 and `fallback` set is used when no dated code covers the date. */
typedef struct dict_code {
    char code[16];
    int32_t from, to;
    bool dated;
} dict_code;

typedef struct dict_entry {
    uint8_t kind;        /* dict_kind */
    uint16_t ncodes;     /* codes[first_code .. first_code + ncodes) */
    uint32_t first_code; /* index into the dictionary's code table */
    uint32_t file;       /* index into the file names */
    uint32_t line;       /* 1-based line of the entry */
    const char *name;    /* the entry's first phrase (NUL-terminated) */
} dict_entry;

/* One phrase ending at a trie node. */
typedef struct dict_value {
    uint32_t entry;   /* index into the entries */
    uint32_t exact;   /* offset+1 of the exact-case token texts (see dict_value_exact), 0 */
    uint16_t ntokens; /* tokens in the phrase */
    uint8_t acronym;  /* 1: one word written in capitals in the dictionary ("CAR", "UN") */
} dict_value;

/* A loaded set of dictionaries. Immutable after dict_builder_finish; share it freely. */
typedef struct dict dict;
typedef struct dict_builder dict_builder;

/* How a file's lines are read: the general entry format with full codes (people,
 * organisations, groups, metonyms), with role codes (agents, titles), or the one-line-per-
 * country format. dict_file_kind_for_name picks it from the file name. */
typedef enum dict_file_kind {
    DICT_FILE_PEOPLE = 0,
    DICT_FILE_ORGANIZATIONS,
    DICT_FILE_GROUPS,
    DICT_FILE_METONYMS,
    DICT_FILE_AGENTS,
    DICT_FILE_TITLES,
    DICT_FILE_COUNTRIES,
    DICT_FILE_UNKNOWN,
    DICT_FILE_PEER_ACTORS, /* converted TABARI/PETRARCH actors: full codes, act as countries */
    DICT_FILE_PEER_AGENTS  /* converted TABARI/PETRARCH agents: any 3-letter roles */
} dict_file_kind;

/* Returns the kind for a file name (base name "people.txt", "people-core.txt", ...):
 * countries*, people*, organizations*, groups*, metonyms*, agents*, titles*; else
 * DICT_FILE_UNKNOWN. */
dict_file_kind dict_file_kind_for_name(const char *name);

/* Problems found by the builder. `fatal` problems (malformed lines) make loading fail; the
 * others (duplicates, conflicting codes, overlapping ranges) are only reported by
 * `sitrep dict check`. The callback may be NULL. */
typedef void (*dict_report_fn)(void *user, const diag *d, bool fatal);

/* Creates a builder. Free with dict_builder_free unless it was passed to _finish. */
dict_builder *dict_builder_new(dict_report_fn report, void *user);
void dict_builder_free(dict_builder *b);
/* Parses the text of one file (`path` is used in diagnostics and kept). On the first
 * malformed line returns SITREP_EPARSE with d filled ("PATH:LINE: message"); with
 * `keep_going` it reports every malformed line through the callback, skips them and returns
 * SITREP_EPARSE at the end. SITREP_ELIMIT past DICT_MAX_ENTRIES. */
sitrep_status dict_builder_add_text(dict_builder *b, const char *path, const char *text,
                                    size_t length, dict_file_kind kind, bool keep_going,
                                    diag *d) MUST_CHECK;
/* Compiles the trie and runs the consistency checks (reported through the callback, never
 * fatal). Consumes the builder. Returns the dictionary (free with dict_free). */
dict *dict_builder_finish(dict_builder *b);
/* Number of non-fatal problems the consistency checks of _finish reported. */
size_t dict_problems(const dict *d);

/* Loads every dictionary file of DIR (the known names above, sorted; other files are
 * ignored). Returns NULL with d filled on an unreadable or malformed file; a missing
 * directory gives an empty dictionary. Free with dict_free. */
dict *dict_load_dir(const char *dir, diag *d);
/* Same, but reports every problem (fatal or not) through the callback and never stops;
 * returns the number of problems. For `sitrep dict check`. */
size_t dict_check_dir(const char *dir, dict_report_fn report, void *user);
void dict_free(dict *d);

const vocab *dict_vocab(const dict *d);
const trie *dict_trie(const dict *d);
size_t dict_entry_count(const dict *d);
const dict_entry *dict_entry_get(const dict *d, uint32_t index);
const char *dict_file_name(const dict *d, uint32_t file);
/* The values of a trie node (count in *n; NULL when it ends no phrase). */
const dict_value *dict_node_values(const dict *d, uint32_t node, size_t *n);
/* The exact-case texts of a value's tokens, concatenated without separators (NUL-ended). */
const char *dict_value_exact(const dict *d, const dict_value *v);
/* Returns the code of an entry valid on `date` (YYYYMMDD; 0 = ignore dates: the fallback or
 * else the last code), or NULL when the entry has only dated codes and none covers the date.
 * Sets *dated when a date range decided. The string lives as long as the dictionary. */
const char *dict_entry_code(const dict *d, const dict_entry *e, int32_t date, bool *dated);
/* The vocabulary id of a folded article token: its own, else (when the dictionary has stems,
 * phrases written "Word*") that of the longest stem it begins with, at most 6 bytes shorter;
 * VOCAB_NONE when none. */
#define DICT_MIN_STEM 3
uint32_t dict_token_id(const dict *d, const char *folded, size_t length);
/* True when `code` (3 letters) is a country code of countries.txt. */
bool dict_is_country(const dict *d, const char *code);

/* Parses YYYY, YYYY-MM or YYYY-MM-DD into YYYYMMDD; a missing month/day becomes the first
 * (or, with `end`, the last) of the period. Returns false on a malformed or impossible date. */
bool dict_parse_date(const char *s, size_t length, bool end, int32_t *out);

/* Converts a TABARI or PETRARCH actor or agent dictionary into our entry format: writes the
 * converted entries to out and one line per construct it could not convert ("LINE: reason")
 * to report. `petrarch` selects PETRARCH conventions. Returns SITREP_ELIMIT at a buffer cap. */
sitrep_status dict_import(const char *text, size_t length, bool petrarch, buf *out,
                          buf *report) MUST_CHECK;

/* ---- peer dictionaries: TABARI and PETRARCH (peer_actors.c, peer_verbs.c) ---- */

typedef struct pattern_set pattern_set;
typedef struct lemma_table lemma_table;

typedef enum peer_format {
    PEER_TABARI = 1, /* TABARI .actors/.agents/.verbs (';' comments, <SYNSETS>, VERB [CODE]) */
    PEER_PETRARCH    /* PETRARCH 1 and 2 ('#' and <!-- --> comments, --- VERB [CODE] --- blocks) */
} peer_format;

/* Loads a peer actor dictionary and/or agent dictionary (either may be NULL) into one dict,
 * through dict_import and the dictionary builder. Constructs that cannot be converted are
 * listed in `report` (may be NULL) as "LINE: reason: text". Returns NULL with d filled
 * ("FILE:LINE: message") when a file cannot be read or a converted line is malformed. Free
 * with dict_free. */
dict *peer_dict_load(const char *actors, const char *agents, peer_format format, buf *report,
                     diag *d);
/* The text of one peer actor (agents false) or agent (agents true) file, converted and added
 * to a builder; `path` names it in messages. SITREP_EPARSE with d filled on a malformed
 * converted line, SITREP_ELIMIT at a cap. */
sitrep_status peer_dict_add_text(dict_builder *b, const char *path, const char *text, size_t length,
                                 peer_format format, bool agents, buf *report, diag *d) MUST_CHECK;

/* Translates a peer verbs dictionary into our pattern language: word classes (one
 * "@name word ..." line per synset) into `classes`, patterns into `patterns` (each on the line
 * number of its source line where possible). What cannot be translated is listed in report.
 * TABARI verbs written without a final '_' are stems ("RESTOR"): with `lemmas` (may be NULL)
 * a stem that is no verb becomes the WordNet verbs it begins (at most 8). Returns
 * SITREP_ELIMIT at a buffer cap. */
sitrep_status peer_verbs_translate(const char *text, size_t length, peer_format format,
                                   const lemma_table *lemmas, buf *classes, buf *patterns,
                                   buf *report) MUST_CHECK;
/* Translates a PETRARCH discards list: each phrase becomes a SKIP pattern (a sentence that
 * holds it codes nothing). */
sitrep_status peer_discards_translate(const char *text, size_t length, buf *patterns,
                                      buf *report) MUST_CHECK;
/* Reads and translates a verbs file (and a discards file, may be NULL) and parses the result
 * with pattern_set_parse_free. Returns SITREP_EIO/ENOTFOUND (unreadable file) or SITREP_EPARSE
 * (d filled); on success *out is the set (free with pattern_set_free). */
sitrep_status peer_verbs_load(const char *verbs_path, const char *discards_path, peer_format format,
                              const lemma_table *lemmas, pattern_set **out, buf *report,
                              diag *d) MUST_CHECK;

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
/* The 16 PLOVER event types of the PLOVER ontology (AGREE ... ASSAULT): returns the type's
 * canonical upper-case name (static) when name is one of them in any case, else NULL. */
const char *cameo_plover_type_find(const char *name, size_t length);
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
/* The WordNet verbs that start with prefix[0..length): writes up to max of them (sorted,
 * owned by the table) to out and returns how many there are (which may exceed max). */
size_t lemma_verbs_with_prefix(const lemma_table *table, const char *prefix, size_t length,
                               const char **out, size_t max);
bool lemma_is_noun(const lemma_table *table, const char *lemma, size_t length);

/* -- verb and event-noun patterns (patterns.c) -- */

/* The pattern files of data/verbs/ (format: docs/patterns.md) compiled into a table keyed by
 * the anchor lemma. Immutable once loaded; shared by threads. */
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
#define PATTERN_MAX_ALTS 128 /* alternatives in one element, after class expansion */
#define PATTERN_GAP_MAX 4    /* tokens skipped by "..." */
#define PATTERN_SLOT_GAP 8   /* tokens a slot's phrase may span before the next element */
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
    char pair[5];   /* "CODE:PAIR": the code of the paired event target -> source ("" none) */
    bool discard;   /* an idiom or non-event: suppresses matches on its span */
    bool skip;      /* SKIP: a sentence-level discard (the whole sentence codes nothing) */
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
/* Like pattern_set_parse for translated peer dictionaries (lexicon/peer_verbs.c): codes are
 * free (1-4 letters or digits, as TABARI and PETRARCH dictionaries use WEIS and private
 * codes) and are not checked against a CAMEO table. */
sitrep_status pattern_set_parse_free(const char *name, const char *text, size_t length,
                                     const char *classes, size_t classes_length, pattern_set **out,
                                     diag *d) MUST_CHECK;
void pattern_set_free(pattern_set *set);
size_t pattern_set_count(const pattern_set *set);
const pattern *pattern_set_at(const pattern_set *set, size_t i);
/* True when the n bytes at `word` (lower case) are a word of class @name of classes.txt. */
bool pattern_class_has(const pattern_set *set, const char *name, const char *word, size_t n);
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

/* ---- codes of places for the exports (geocodes.c) ---- */

/* Each country's ISO 3166-1 alpha-2 and FIPS 10-4 codes by our ISO alpha-3 (KSV for Kosovo),
 * and the GDELT ADM1 codes of the first-level regions we know them for: data/codes/
 * countries.txt and admin1.txt (format: docs/exports.md). Immutable once loaded. */
typedef struct geocodes geocodes;

/* Loads DIR/countries.txt and DIR/admin1.txt (optional). NULL with d filled ("PATH:LINE:
 * bad FIPS 10-4 code 'x'") on a malformed line or an unreadable file. Free with
 * geocodes_free. */
geocodes *geocodes_load(const char *dir, diag *d);
/* The same from memory (`regions` may be NULL); `path` names the directory in messages. */
geocodes *geocodes_parse(const char *countries, size_t countries_length, const char *regions,
                         size_t regions_length, const char *path, diag *d);
void geocodes_free(geocodes *g); /* NULL is a no-op */
size_t geocodes_count(const geocodes *g);
/* The FIPS 10-4 / ISO alpha-2 code of a country ("AFG": "AF" / "AF"; "DEU": "GM" / "DE"), or
 * NULL (also for a NULL table or code). Owned by the table. */
const char *geocodes_fips(const geocodes *g, const char *iso3);
const char *geocodes_iso2(const geocodes *g, const char *iso3);
/* The country's name in English ("Afghanistan"), or NULL. Owned by the table. */
const char *geocodes_name(const geocodes *g, const char *iso3);
/* The codes of a first-level region named `admin1` (as data/places names it) of country
 * `iso3`: *fips the country code GDELT gives its places (GZ for the Gaza Strip, else the
 * country's), *adm1 its ADM1 code ("USCA"). False when the table does not know it. */
bool geocodes_region(const geocodes *g, const char *iso3, const char *admin1, const char **fips,
                     const char **adm1);

#endif
