/* ingest.h - the first pipeline stage: bytes in, one `document` out.
 *
 * Readers for plain-text articles and scraped pages (site chrome separated from the body),
 * JSON-lines records and (ingest_html) web pages. A document holds the article's metadata
 * and its body: valid UTF-8, paragraphs separated by one blank line ("\n\n"), with the
 * paragraph offsets recorded. Everything is allocated from the caller's arena.
 */
#ifndef SITREP_INGEST_H
#define SITREP_INGEST_H

#include "../base/base.h"

/* Caps for one article. Past them the input is truncated with a warning. */
#define INGEST_MAX_BODY ((size_t)64 << 20)
#define INGEST_MAX_CAPTIONS 64
#define INGEST_MAX_WARNINGS 64

/* A warning about one article, written to its `warnings` array. */
typedef struct warning {
    const char *kind;    /* stable machine name: "invalid_utf8", "truncated", ... */
    const char *message; /* human sentence */
} warning;

typedef struct warning_list {
    warning items[INGEST_MAX_WARNINGS];
    size_t count;
} warning_list;

/* Appends a warning (silently dropped past INGEST_MAX_WARNINGS). Strings must outlive the
 * article (arena or static). */
void warning_add(warning_list *list, const char *kind, const char *message);

/* Metadata that is not coded: site chrome, captions, byline. NULL when absent. */
typedef struct document_meta {
    const char *publisher;
    const char *tagline;
    const char *section;
    const char *headline;
    const char *byline;
    const char *bio; /* the author's biography, removed from the body */
    const char *captions[INGEST_MAX_CAPTIONS];
    size_t ncaptions;
    const char *credits[INGEST_MAX_CAPTIONS]; /* photo credits ("EPA-EFE/Kona") */
    size_t ncredits;
} document_meta;

typedef struct document {
    const char *id;        /* given id, or NULL until the pipeline assigns a content hash */
    const char *url;       /* NULL when unknown */
    const char *published; /* YYYY-MM-DD (or a prefix: YYYY-MM, YYYY) or NULL */
    document_meta meta;
    const char *body; /* NUL-terminated valid UTF-8 */
    size_t body_len;
    uint32_t *paragraphs; /* start offset of each paragraph in body */
    size_t nparagraphs;
    warning_list warnings;
} document;

/* Options shared by the readers. */
typedef struct ingest_options {
    bool detect_chrome; /* separate site chrome and author bio from the body */
} ingest_options;

/* Reads a plain-text article. The text is repaired (invalid UTF-8 -> U+FFFD, counted in a
 * warning), line ends normalised, paragraphs found (blank lines, or one paragraph per line on
 * line-oriented pages), and, with detect_chrome, the publisher, tagline, section, headline,
 * captions with credits, byline and author bio moved from the body to `meta`.
 * Fills *doc (zeroed first). Returns SITREP_ELIMIT only at the arena cap. */
sitrep_status ingest_text(arena *a, const char *bytes, size_t length, const ingest_options *options,
                          document *doc) MUST_CHECK;

/* Parses one JSON-lines record {"id","text"|"html","url","published","title"} and reads its
 * text (or HTML) into *doc; `title` becomes the headline. On malformed input returns
 * SITREP_EPARSE with a message in d (path and line are left for the caller to set). */
sitrep_status ingest_jsonl_record(arena *a, const char *line, size_t length,
                                  const ingest_options *options, document *doc, diag *d) MUST_CHECK;

/* Reads a web page: finds the article and its metadata. Implemented in html.c. Never fails on
 * bad markup (a page with no article gives an empty body and a warning). */
sitrep_status ingest_html(arena *a, const char *bytes, size_t length, const ingest_options *options,
                          document *doc) MUST_CHECK;

/* Checks a date string: returns true and copies a canonical YYYY-MM-DD, YYYY-MM or YYYY into
 * out[11] when `s` starts with one (an ISO timestamp's date part is accepted). */
bool ingest_parse_date(const char *s, size_t length, char out[11]);

/* Builds the body from paragraphs: joins them with "\n\n", fills doc->body and
 * doc->paragraphs. Used by every reader. */
sitrep_status ingest_set_body(arena *a, document *doc, const slice *paragraphs,
                              size_t count) MUST_CHECK;

#endif
