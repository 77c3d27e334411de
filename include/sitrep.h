/* sitrep.h - public API of libsitrep.
 *
 * sitrep turns news articles into structured, sourced event data. This header is what a
 * program embedding the library sees: status codes, an opaque shared context (dictionaries
 * and models, loaded once, read-only, shareable by threads) and an opaque per-worker coder
 * (its own arena) that turns one article into one JSON object (DESIGN.md section 2).
 */
#ifndef SITREP_H
#define SITREP_H

#include <stddef.h>

#define SITREP_VERSION "0.1.0"

#if defined(__GNUC__)
#define SITREP_MUST_CHECK __attribute__((warn_unused_result))
#else
#define SITREP_MUST_CHECK
#endif

/* Status codes returned by every fallible function. SITREP_OK is zero. */
typedef enum sitrep_status {
    SITREP_OK = 0,
    SITREP_ENOMEM,   /* allocation failed */
    SITREP_EIO,      /* a file could not be read or written */
    SITREP_EPARSE,   /* input is malformed (a diagnostic says where) */
    SITREP_ELIMIT,   /* a cap was exceeded (size, count) */
    SITREP_ESQL,     /* the store reported an error */
    SITREP_EUSAGE,   /* the caller passed an invalid argument */
    SITREP_ENOTFOUND /* a required file or resource is missing */
} sitrep_status;

/* Returns a static, lower-case name for a status ("parse error"). Never NULL. */
const char *sitrep_strerror(sitrep_status status);

/* Input kinds for sitrep_code_bytes. */
typedef enum sitrep_input {
    SITREP_INPUT_TEXT = 0, /* a plain-text article or scraped page */
    SITREP_INPUT_HTML,     /* a web page */
    SITREP_INPUT_JSONL     /* one JSON record {"id","text"|"html","url","published","title"} */
} sitrep_input;

/* Output formats. */
typedef enum sitrep_format {
    SITREP_FORMAT_JSONL = 0, /* one compact JSON object per line */
    SITREP_FORMAT_PRETTY,    /* indented JSON */
    SITREP_FORMAT_SENTENCES, /* "ID<TAB>N<TAB>START<TAB>END<TAB>TEXT" per sentence */
    SITREP_FORMAT_TAGS,      /* CoNLL-U-like lines with part-of-speech tags per token */
    SITREP_FORMAT_EXPLAIN    /* why each event was (or was not) coded, sentence by sentence */
} sitrep_format;

typedef struct sitrep_context sitrep_context;
typedef struct sitrep_coder sitrep_coder;

/* What a context loads (sitrep_options.load): everything, or only what the sentences or the
 * tags output needs. A context loaded for less codes only those formats. */
typedef enum sitrep_load {
    SITREP_LOAD_ALL = 0, /* every dictionary and model: any format */
    SITREP_LOAD_TEXT,    /* nothing: SITREP_FORMAT_SENTENCES only */
    SITREP_LOAD_TAGS     /* the part-of-speech model: SENTENCES and TAGS only */
} sitrep_load;

/* Options for a context. Zero-initialise, then set what you need. */
typedef struct sitrep_options {
    const char *data_dir;    /* NULL: $SITREP_DATA, the source tree, or PREFIX/share/sitrep */
    const char *published;   /* default publication date (YYYY-MM-DD) for undated articles */
    int published_from_name; /* nonzero: an undated article takes a YYYY-MM-DD in its file
                                name ("cnn_2016-10-04_slug.txt"), before `published` */
    int keep_chrome;         /* nonzero: plain text is all body (no site-chrome detection) */
    int no_extras; /* nonzero: skip quantities, dates, places and attribution (to measure) */
    long explain_sentence; /* SITREP_FORMAT_EXPLAIN: N+1 to explain only sentence N; 0: all */
    sitrep_load load;      /* what to load (default: everything) */
    /* nonzero: parse every sentence after tagging (DATA/models/parser.bin, an error when it
     * is missing; docs/parser.md); SITREP_FORMAT_TAGS then prints heads and relations */
    int parse;
    /* with parse: decode with a beam of this width (1: greedy, at most 16) instead of the one
     * the model was trained with (0); narrower is faster and less accurate */
    int parse_beam;
    /* Peer dictionaries (docs/peer-dictionaries.md): dict_format 1 = TABARI, 2 = PETRARCH, 0 =
     * ours. With a peer format, the files given replace our verb patterns (verbs, discards)
     * and our actor dictionaries (actors, agents). */
    int dict_format;
    const char *verbs, *actors, *agents, *discards;
    size_t article_memory; /* bytes of memory one article may use (0: 1 GiB); past it the
                              article is refused with an error that names the limit */
} sitrep_options;

/* Loads dictionaries and models. On failure returns NULL and, if errbuf is not NULL, writes
 * a message ("data/models/tagger.bin: checksum mismatch") into errbuf. The context is
 * immutable once returned and may be shared by any number of coders on any threads. Free it
 * with sitrep_context_free after every coder using it is freed. */
sitrep_context *sitrep_context_new(const sitrep_options *options, char *errbuf,
                                   size_t errlen) SITREP_MUST_CHECK;
void sitrep_context_free(sitrep_context *context);

/* Returns the data directory the context uses (owned by the context). */
const char *sitrep_context_data_dir(const sitrep_context *context);

/* What the context's data directory lacks that coding can go on without, one message each
 * ("DATA/models/tagger.bin: missing: parts of speech are not tagged, so fewer actors and
 * events are found"): the part-of-speech model, the verb patterns, the reporting cues, the
 * gazetteer. Sets *count; the strings are owned by the context. */
#define SITREP_MAX_WARNINGS 8
const char *const *sitrep_context_warnings(const sitrep_context *context, size_t *count);

/* Checks that dir is a data directory (it holds sitrep-data.txt) with actor dictionaries
 * (actors/ with at least one dictionary file): problems of which are fatal (a context cannot
 * be made). A missing part-of-speech model, verb patterns, CAMEO tables, reporting cues or
 * gazetteer are not fatal. Calls report(user, message, fatal) for each problem and returns the
 * number of fatal ones. sitrep_context_new runs the same check. */
int sitrep_data_check(const char *dir, void (*report)(void *user, const char *message, int fatal),
                      void *user);

/* A coder owns one arena; use one coder per thread. */
sitrep_coder *sitrep_coder_new(const sitrep_context *context) SITREP_MUST_CHECK;
void sitrep_coder_free(sitrep_coder *coder);

/* Codes one article (bytes of the given kind; `name` is used in messages and as a fallback
 * id source). On success *json points at a NUL-terminated JSON object (no trailing newline)
 * owned by the coder and valid until the next call on it. On SITREP_EPARSE the record was
 * rejected and errbuf says why; on SITREP_ELIMIT errbuf names the limit the article exceeded
 * (memory per article, output per article); SITREP_EUSAGE: the context was loaded for less
 * than the format needs (sitrep_options.load). The coder stays usable. The pipeline stops
 * after the stage the format needs: sentences after text/, tags after syntax/. */
sitrep_status sitrep_code_bytes(sitrep_coder *coder, sitrep_input kind, const char *bytes,
                                size_t length, const char *name, sitrep_format format,
                                const char **json, size_t *json_length, char *errbuf,
                                size_t errlen) SITREP_MUST_CHECK;

/* Which of `count` shards (0 .. count-1) a record belongs to, for `sitrep code --shard I/N`:
 * a 64-bit hash of its "id" (a JSON line that has one), else of its bytes, modulo count. The
 * same on every machine, so N processes on N hosts split an input without talking. */
unsigned sitrep_record_shard(sitrep_input kind, const char *bytes, size_t length, unsigned count);

/* Hands over the JSON of the last successful sitrep_code_bytes on this coder: returns it as a
 * NUL-terminated heap buffer of *json_length bytes that the caller frees (the coder starts a
 * new one), or NULL when there is none. Saves a copy of a large result. */
char *sitrep_coder_take_result(sitrep_coder *coder, size_t *json_length) SITREP_MUST_CHECK;

#endif
