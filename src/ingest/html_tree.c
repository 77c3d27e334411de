/* html_tree.c - small helpers over the libxml2 tree that the HTML reader's files share:
 * element and attribute names, text with white space collapsed, character references. Part of the
 * ingest stage; html_meta.c and html_score.c read the page with them, html.c ties everything
 * together.
 */
#include "html_internal.h"

#include <stdlib.h>
#include <string.h>

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

char *html_unescape(arena *a, const char *s)
{
    size_t n = strlen(s);
    char *out = arena_alloc(a, n + 1);
    if (!out)
        return NULL;
    size_t k = 0;
    for (size_t i = 0; i < n;) {
        uint32_t cp = 0;
        size_t end = i;
        if (s[i] == '&') {
            end = i + 1;
            while (end < n && end - i < 12 && s[end] != ';' && s[end] != '&' && s[end] != ' ')
                end++;
            if (end < n && s[end] == ';' && end > i + 1) {
                char name[16];
                memcpy(name, s + i + 1, end - i - 1);
                name[end - i - 1] = '\0';
                if (name[0] == '#') {
                    bool hex = name[1] == 'x' || name[1] == 'X';
                    char *stop;
                    unsigned long v = strtoul(name + (hex ? 2 : 1), &stop, hex ? 16 : 10);
                    if (*stop == '\0' && stop != name + (hex ? 2 : 1) && v > 0 && v <= 0x10FFFF &&
                        !(v >= 0xD800 && v <= 0xDFFF))
                        cp = (uint32_t)v;
                } else {
                    const htmlEntityDesc *e = htmlEntityLookup((const xmlChar *)name);
                    if (e)
                        cp = e->value;
                }
            }
        }
        if (cp) {
            k += (size_t)utf8_encode(cp, out + k);
            i = end + 1;
        } else {
            out[k++] = s[i++];
        }
    }
    out[k] = '\0';
    return out;
}
