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

/* Where the publication date came from (meta.published_source). */
typedef enum published_source {
    PUBLISHED_NONE = 0, /* no date anywhere: relative dates stay unresolved */
    PUBLISHED_GIVEN,    /* the record, the page's metadata or URL, a date line, --published */
    PUBLISHED_DATELINE, /* the dateline's date ("ISTANBUL, March 4 (Reuters) -") */
    PUBLISHED_TEXT      /* the latest full date of the article's own text */
} published_source;

/* "none", "given", "dateline", "text". Static string. */
const char *ingest_published_source_name(published_source source);

/* The dateline that opens a wire story: "ISTANBUL, March 4 (Reuters) -", "BUFFALO, N.Y. -",
 * "NEW DELHI:", "November 20, 2019 -". Byte offsets into the body; end == 0: none. */
typedef struct dateline {
    uint32_t start, end;             /* the dateline, its separator excluded */
    uint32_t place_start, place_end; /* the place written first ("BUFFALO"); equal: none */
    int year, month, day;            /* its date; 0 for a part it does not give */
    bool certain; /* a dash, an agency or a date follow the place: a dateline whatever the place
                   * is; otherwise (a colon, a line of its own) only when the place is known */
} dateline;

typedef struct document {
    const char *id;           /* given id, or NULL until the pipeline assigns a content hash */
    const char *url;          /* NULL when unknown */
    const char *published;    /* YYYY-MM-DD (or a prefix: YYYY-MM, YYYY) or NULL */
    uint8_t published_source; /* published_source: set by the pipeline */
    dateline dateline;        /* found by ingest_find_dateline */
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
    bool unicode;       /* the bytes are already UTF-8 (a JSON string): no byte-order mark or
                           declared charset is looked for */
} ingest_options;

/* ---- character sets (charset.c, ICU's converters) ---- */

/* The charset a byte-order mark at the start of bytes names (UTF-8, UTF-16LE/BE, UTF-32LE/BE,
 * GB18030), with the mark's length in *bom; NULL (and *bom 0) when there is none. The name is
 * static. */
const char *ingest_charset_bom(const char *bytes, size_t length, size_t *bom);
/* The converter name for a charset label as browsers read it (WHATWG: "latin1" and
 * "iso-8859-1" are windows-1252, "gb2312" is GBK, ...); other labels are copied into buffer
 * as they are. Returns NULL for an empty label or one longer than size - 1. */
const char *ingest_charset_name(const char *label, size_t length, char *buffer, size_t size);
/* True when ICU has a converter for name; with ascii_compatible, only one that reads ASCII
 * bytes as ASCII (a charset declared inside a page: not UTF-16, UTF-7, ISO-2022-KR ...). */
bool ingest_charset_known(const char *name, bool ascii_compatible);
/* Converts bytes in charset `name` to NUL-terminated UTF-8 in the arena (*out, *out_len).
 * Bytes not valid in the charset become U+FFFD; *replaced counts them. The result may hold
 * NULs and controls (repair it with utf8_sanitize). Returns SITREP_ENOTFOUND for a name ICU
 * does not know, SITREP_ELIMIT at the arena cap. */
sitrep_status ingest_charset_decode(arena *a, const char *name, const char *bytes, size_t length,
                                    char **out, size_t *out_len, size_t *replaced) MUST_CHECK;
/* Bytes in charset (NULL: UTF-8) to valid UTF-8 in the arena: converted and repaired (NUL
 * and C0 controls become spaces). Bytes invalid in the charset add a warning "encoding",
 * invalid UTF-8 a warning "invalid_utf8". Returns SITREP_ELIMIT at the arena cap. */
sitrep_status ingest_to_utf8(arena *a, const char *charset, const char *bytes, size_t length,
                             char **out, size_t *out_len, warning_list *warnings) MUST_CHECK;
/* The charset of a plain-text file: the one its byte-order mark names (mark length in *bom),
 * else windows-1252 when the bytes are not UTF-8 and hold no UTF-8 sequence beyond ASCII,
 * else NULL for UTF-8. The name is static. */
const char *ingest_text_charset(const char *bytes, size_t length, size_t *bom);

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

/* Finds the dateline at the start of the body's first paragraph and fills doc->dateline
 * (zeroed when there is none). Reads only doc->body; never fails. */
void ingest_find_dateline(document *doc);

/* Checks a date string: returns true and copies a canonical YYYY-MM-DD, YYYY-MM or YYYY into
 * out[11] when `s` starts with one (an ISO timestamp's date part is accepted). */
bool ingest_parse_date(const char *s, size_t length, char out[11]);

/* Finds a full date YYYY-MM-DD between separators (_ - . space, or the ends) in the base name
 * of path, as PolNeAR's "publisher_2016-10-04_slug.txt"; copies it into out[11] and returns
 * true, or returns false when there is none (an impossible date such as 2016-02-30 is none). */
bool ingest_date_from_name(const char *path, char out[11]);
/* A date written in words or digits, as pages put it in their metadata and date lines: "Wed, 20
 * Nov 2019 08:02 GMT", "November 19, 2019, 07:47 PM EST", "Nov. 18, 2019", "2019/11/19",
 * "19.11.2019", else an ISO date (ingest_parse_date). Times of day, weekdays and other words
 * are passed over; two months, days or years in one string are not one date. Returns true and
 * writes YYYY-MM-DD (or YYYY-MM for a month and year) into out[11]. */
bool ingest_parse_date_words(const char *s, size_t length, char out[11]);
/* The parts of such a date: year (0 when the string has none: "March 4"), month 1-12 and day
 * (0 when none: "November 2019"). False unless there is a month and a day or year. */
bool ingest_date_parts(const char *s, size_t length, int *year, int *month, int *day);
/* The month (1-12) a word names: "November", "Nov", "Nov.", "Sept"; 0 for any other word. */
int ingest_month_word(const char *word, size_t length);

/* Builds the body from paragraphs: joins them with "\n\n", fills doc->body and
 * doc->paragraphs. Used by every reader. */
sitrep_status ingest_set_body(arena *a, document *doc, const slice *paragraphs,
                              size_t count) MUST_CHECK;

#endif
