/* lexicon.h - the third pipeline stage's data: dictionaries compiled for matching.
 *
 * Dictionaries are parsed once (at context creation) into immutable structures shared by
 * threads: a vocabulary (folded token text -> id) and a trie over token ids, so that matching
 * an article never compares strings. Phrases are split with text_tokenize, exactly like
 * article text. The format is documented in docs/dictionaries.md.
 */
#ifndef SITREP_LEXICON_H
#define SITREP_LEXICON_H

#include "../base/base.h"
#include "../text/text.h"

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
    DICT_FILE_UNKNOWN
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

#endif
