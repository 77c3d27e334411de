/* html_internal.h - what the files of the HTML reader share (not part of the stage's API).
 *
 * html_encoding.c turns page bytes into clean UTF-8, html_meta.c reads the metadata (meta
 * tags, JSON-LD, <time>, the URL) and html_byline.c cleans its byline, html_score.c finds the
 * article text by scoring blocks, html_tree.c holds the tree helpers they share, and html.c
 * ties them together behind ingest_html().
 */
#ifndef SITREP_HTML_INTERNAL_H
#define SITREP_HTML_INTERNAL_H

#include "ingest.h"

#include <libxml/HTMLparser.h>

/* Caps: bytes of a page parsed, elements scored per page, text kept per block, blocks per
 * page. */
#define HTML_MAX_PAGE ((size_t)64 << 20)
#define HTML_MAX_NODES ((size_t)2 << 20)
#define HTML_MAX_BLOCK_TEXT ((size_t)1 << 20)
#define HTML_MAX_BLOCKS ((size_t)1 << 20)

/* Converts a page to valid UTF-8 in the arena: detects the encoding (byte-order mark,
 * <meta charset>, http-equiv Content-Type; none with `unicode`, for a page from a JSON
 * string), converts any charset ICU knows (charset.c; bytes invalid in it: a warning
 * "encoding"), and repairs invalid UTF-8 (warning "invalid_utf8"). An unknown declared
 * charset is read as UTF-8 with a warning "encoding". *out may point into bytes. Returns
 * SITREP_ELIMIT at the arena cap. */
sitrep_status html_to_utf8(arena *a, const char *bytes, size_t length, bool unicode, char **out,
                           size_t *out_len, warning_list *warnings) MUST_CHECK;

/* Lower-cased ASCII comparison of an element's name. */
bool html_is(const xmlNode *node, const char *name);

/* The value of an attribute, lower-cased name match; NULL when absent. Points into the tree. */
const char *html_attr(const xmlNode *node, const char *name);

/* Appends s to b collapsing white space (ASCII space characters and U+00A0) to one space;
 * stops silently at b's cap. */
void html_append_collapsed(buf *b, const char *s);

/* Appends the text of a subtree to b with white space collapsed (scripts and styles skipped);
 * iterative, stops silently at b's cap. */
void html_text_append(buf *b, const xmlNode *node);

/* The collapsed, trimmed text of a subtree copied into the arena ("" when empty); NULL only at
 * the arena cap. `cap` bounds the bytes read. */
char *html_text(arena *a, const xmlNode *node, size_t cap);

/* Copies s trimmed, with white space collapsed, into the arena (NULL at the cap). */
char *html_clean(arena *a, const char *s, size_t length);

/* Copies s into the arena with character references decoded ("&oacute;", "&#243;",
 * "&#xF3;"): for metadata escaped twice by its page. An unknown reference stays as it is. NULL
 * at the arena cap. */
char *html_unescape(arena *a, const char *s);

/* A byline cleaned for output, in the arena: character references decoded, white space
 * collapsed, "By"/"Von"/"Par"/"Por" and a short label before a colon ("Autor:") dropped, a lead
 * such as "Veröffentlicht am ... von" dropped, and what follows the names cut (a separator, a
 * date, a time, "Published ..."). NULL when nothing like a name is left, for text of more
 * than 200 bytes, or at the arena cap. */
const char *html_clean_byline(arena *a, const char *s);

/* Does a cleaned byline name the site rather than a writer: equal (letters and digits,
 * case aside) to one of names[0..nnames) (NULLs skipped: the publisher, og:site_name ...),
 * to the host of `url` with or without its top-level domain, or an address itself
 * ("ORF.at", "www.dw.com")? */
bool html_names_site(const char *byline, const char *const *names, size_t nnames, const char *url);

/* A headline without a part that names the site, at its end or start ("Headline | The Japan
 * Times", "Site » Headline"; separators | - – — :: » · //), the site known as for
 * html_names_site. Returns headline itself when nothing is cut, else a copy in the arena. */
const char *html_strip_site(arena *a, const char *headline, const char *const *names, size_t nnames,
                            const char *url);

/* The name after a byline marker: `text` is a text node that is only "by", "von", "par",
 * "por" (any case), alone or as the whole of its element, and the next element (over white
 * space) holds a short name: "by <a>Jane Doe</a>", "<b>von</b> <span>Jane Doe</span>". In the
 * arena; NULL otherwise. */
const char *html_byline_after_marker(arena *a, const xmlNode *text);

/* The text of a link to an author's page (a path segment "author", "autor", "auteur",
 * "staff", "profile" ... followed by another segment, or an "author=" query) when it is
 * shaped like a name. In the arena; NULL otherwise. */
const char *html_author_link(arena *a, const xmlNode *link);

/* Fills the metadata of doc (headline, byline, published, section, publisher, url, captions
 * and credits) from the parsed tree. `ld_body` receives a JSON-LD articleBody if the page has
 * one (or NULL). */
sitrep_status html_read_meta(arena *a, xmlDoc *tree, document *doc,
                             const char **ld_body) MUST_CHECK;

/* Finds the main text of the page by scoring blocks and fills doc's body with its paragraphs.
 * Drops the headline from the body when it repeats doc->meta.headline. */
sitrep_status html_extract_body(arena *a, xmlDoc *tree, document *doc) MUST_CHECK;

#endif
