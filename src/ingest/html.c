/* html.c - web page reader: bytes to a document with the article's text and metadata.
 *
 * The page is converted to UTF-8 (html_encoding.c), parsed by libxml2's HTML parser in
 * recover mode, then the metadata is read (html_meta.c) and the article found by scoring
 * blocks (html_score.c). Also the small tree helpers the other files share.
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

bool html_is(const xmlNode *node, const char *name)
{
    if (!node || node->type != XML_ELEMENT_NODE || !node->name)
        return false;
    const char *n = (const char *)node->name;
    for (; *n && *name; n++, name++) {
        char c = *n >= 'A' && *n <= 'Z' ? (char)(*n - 'A' + 'a') : *n;
        if (c != *name)
            return false;
    }
    return *n == '\0' && *name == '\0';
}

const char *html_attr(const xmlNode *node, const char *name)
{
    if (!node || node->type != XML_ELEMENT_NODE)
        return NULL;
    for (const xmlAttr *at = node->properties; at; at = at->next) {
        if (!at->name || strcmp((const char *)at->name, name) != 0)
            continue;
        if (at->children && at->children->content)
            return (const char *)at->children->content;
        return "";
    }
    return NULL;
}

static bool skipped_element(const xmlNode *n)
{
    return html_is(n, "script") || html_is(n, "style") || html_is(n, "noscript") ||
           html_is(n, "template");
}

/* Appends text collapsing white space (ASCII space characters and U+00A0) to one space. */
void html_append_collapsed(buf *b, const char *s)
{
    bool space = b->len == 0 || b->data[b->len - 1] == ' ';
    const char *run = s;
    for (const char *p = s;; p++) {
        unsigned char c = (unsigned char)*p;
        bool ws = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
        size_t wlen = ws ? 1 : 0;
        if (c == 0xC2 && (unsigned char)p[1] == 0xA0) {
            ws = true;
            wlen = 2;
        }
        if (c == '\0' || ws) {
            if (p > run && buf_append(b, run, (size_t)(p - run)) != SITREP_OK)
                return;
            if (p > run)
                space = false;
            if (c == '\0')
                return;
            if (!space && buf_append_char(b, ' ') != SITREP_OK)
                return;
            space = true;
            p += wlen - 1;
            run = p + 1;
        }
    }
}

void html_text_append(buf *b, const xmlNode *node)
{
    if (!node)
        return;
    const xmlNode *n = node;
    for (;;) {
        bool descend = false;
        if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
            if (n->content)
                html_append_collapsed(b, (const char *)n->content);
        } else if (n->type == XML_ELEMENT_NODE && !skipped_element(n)) {
            if (html_is(n, "br") || html_is(n, "p") || html_is(n, "div") || html_is(n, "li"))
                html_append_collapsed(b, " ");
            descend = n->children != NULL;
        }
        if (b->cap && b->len + 8 >= b->cap)
            return;
        if (descend) {
            n = n->children;
            continue;
        }
        while (n != node && !n->next)
            n = n->parent;
        if (n == node)
            return;
        n = n->next;
    }
}

char *html_clean(arena *a, const char *s, size_t length)
{
    buf b;
    buf_init(&b, length + 8);
    char *tmp = arena_strndup(a, s, length);
    if (!tmp) {
        buf_release(&b);
        return NULL;
    }
    html_append_collapsed(&b, tmp);
    slice t = slice_trim(slice_make(b.data ? b.data : "", b.len));
    char *out = arena_strndup(a, t.ptr, t.len);
    buf_release(&b);
    return out;
}

char *html_text(arena *a, const xmlNode *node, size_t cap)
{
    buf b;
    buf_init(&b, cap);
    html_text_append(&b, node);
    slice t = slice_trim(slice_make(b.data ? b.data : "", b.len));
    char *out = arena_strndup(a, t.ptr, t.len);
    buf_release(&b);
    return out;
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
    (void)options; /* the HTML reader always separates chrome from the article */
    memset(doc, 0, sizeof *doc);
    pthread_once(&html_once, html_init);
    char *text = NULL;
    size_t n = 0;
    sitrep_status status = html_to_utf8(a, bytes, length, &text, &n, &doc->warnings);
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
