/* html.c - web page reader: bytes to a document with the article's text and metadata.
 *
 * The page is converted to UTF-8 (html_encoding.c), parsed by libxml2's HTML parser in
 * recover mode, then the metadata is read (html_meta.c) and the article found by scoring
 * blocks (html_score.c); the tree helpers they share are html_tree.c.
 */
#include "html_internal.h"

#include <pthread.h>
#include <string.h>

#include <libxml/parser.h>

static pthread_once_t html_once = PTHREAD_ONCE_INIT;

static void html_init(void)
{
    xmlInitParser();
}

/* Splits a JSON-LD articleBody into paragraphs at newlines (used only when the page's own
 * markup gave no text). */
static sitrep_status body_from_text(arena *a, document *doc, const char *text)
{
    size_t cap = 4096, count = 0;
    slice *paras = arena_alloc(a, cap * sizeof *paras);
    if (!paras)
        return SITREP_ELIMIT;
    const char *p = text;
    while (*p && count < cap) {
        const char *nl = strchr(p, '\n');
        size_t n = nl ? (size_t)(nl - p) : strlen(p);
        slice s = slice_trim(slice_make(p, n));
        if (s.len)
            paras[count++] = s;
        p += n + (nl ? 1 : 0);
    }
    return ingest_set_body(a, doc, paras, count);
}

sitrep_status ingest_html(arena *a, const char *bytes, size_t length, const ingest_options *options,
                          document *doc)
{
    /* the HTML reader always separates chrome from the article; options only say whether the
     * bytes are already Unicode */
    memset(doc, 0, sizeof *doc);
    pthread_once(&html_once, html_init);
    char *text = NULL;
    size_t n = 0;
    sitrep_status status =
        html_to_utf8(a, bytes, length, options && options->unicode, &text, &n, &doc->warnings);
    if (status)
        return status;
    if (n > HTML_MAX_PAGE) {
        /* the tree costs several times the page: bound it (cut on a character boundary) */
        n = HTML_MAX_PAGE;
        while (n > 0 && ((unsigned char)text[n] & 0xC0) == 0x80)
            n--;
        warning_add(&doc->warnings, "truncated", "page longer than 64 MB; the rest is ignored");
    }
    int parse_options = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                        HTML_PARSE_NONET | HTML_PARSE_IGNORE_ENC | HTML_PARSE_COMPACT |
                        XML_PARSE_HUGE;
    htmlDocPtr tree = n ? htmlReadMemory(text, (int)n, NULL, "UTF-8", parse_options) : NULL;
    const char *ld_body = NULL;
    if (tree) {
        status = html_read_meta(a, tree, doc, &ld_body);
        if (!status)
            status = html_extract_body(a, tree, doc);
        xmlFreeDoc(tree);
        if (status)
            return status;
    }
    if (!doc->body && (status = ingest_set_body(a, doc, NULL, 0)))
        return status;
    if (doc->body_len == 0 && ld_body && strlen(ld_body) > 200) {
        if ((status = body_from_text(a, doc, ld_body)))
            return status;
        warning_add(&doc->warnings, "html_jsonld_body",
                    "article text taken from the page's JSON-LD articleBody");
    }
    if (doc->body_len == 0)
        warning_add(&doc->warnings, "no_article", "no article text found in the page");
    return SITREP_OK;
}
