/* html_score.c - finds the article in a parsed page by scoring blocks of text.
 *
 * Passes over the tree, all iterative: (1) classify elements and drop what is never article
 * text (scripts, media, form controls); (2) sum text, link text and paragraph text per
 * element; (3) drop boilerplate containers (nav, footer, share bars, comments, related lists,
 * cookie notices, hidden elements) found by tag, class/id and ARIA hints unless they hold most
 * of the page's text; (4) cut the text into blocks; (5) score containers from the blocks they
 * hold (length, commas, link density, tag and class hints); (6) keep the best container, the
 * other chunks of the same article and worthy siblings; (7) emit their blocks, minus the
 * headline, nested teaser articles and link-heavy or boilerplate lines. See docs/html.md.
 */
#include "html_internal.h"

#include <string.h>
#ifdef HTML_DEBUG
#include <stdio.h>
#endif

enum {
    K_INLINE,
    K_BLOCK,
    K_P,
    K_DIV,
    K_HEADING,
    K_H1,
    K_LI,
    K_LIST,
    K_TD,
    K_PRE,
    K_QUOTE,
    K_ARTICLE,
    K_LINK,
    K_BR,
    K_STRUCT, /* nav, aside, footer, header, form, figure...: boilerplate unless it holds most */
    K_SKIP    /* never text: script, style, form controls, media */
};

enum { F_REMOVED = 1, F_CANDIDATE = 2, F_CONTENT = 4, F_KEEP = 8, F_IN_ARTICLE = 16 };

typedef struct ninfo {
    double score;
    const xmlNode *owner; /* nearest block element, self included */
    uint32_t text;        /* bytes of text in the subtree */
    uint32_t link;        /* of which inside links */
    uint32_t ptext;       /* text of <p> elements, links excluded */
    int16_t weight;       /* class/id hints */
    uint8_t kind;
    uint8_t flags;
    uint8_t negative; /* 1: hints say boilerplate */
} ninfo;

typedef struct block {
    const char *text;
    uint32_t len, link;
    uint16_t commas;
    uint8_t kind;
    const xmlNode *owner;
} block;

typedef struct scorer {
    arena *a;
    ninfo *info;
    size_t ninfo, cap;
    bool truncated;
    block *blocks;
    size_t nblocks, blocks_cap;
    uint32_t page_text;
    struct hint_cache_entry *hints; /* HINT_CACHE entries */
} scorer;

static ninfo *info_of(const xmlNode *n)
{
    return n ? (ninfo *)n->_private : NULL;
}

/* ---- tags and hints ---- */

static uint8_t kind_of(const xmlNode *n)
{
    const char *s = (const char *)n->name;
    if (!s)
        return K_INLINE;
    switch (s[0]) {
    case 'a':
        if (!strcmp(s, "a"))
            return K_LINK;
        if (!strcmp(s, "article"))
            return K_ARTICLE;
        if (!strcmp(s, "aside"))
            return K_STRUCT;
        if (!strcmp(s, "address"))
            return K_BLOCK;
        if (!strcmp(s, "audio") || !strcmp(s, "applet"))
            return K_SKIP;
        break;
    case 'b':
        if (!strcmp(s, "br"))
            return K_BR;
        if (!strcmp(s, "blockquote"))
            return K_QUOTE;
        if (!strcmp(s, "body"))
            return K_BLOCK;
        if (!strcmp(s, "button"))
            return K_SKIP;
        break;
    case 'c':
        if (!strcmp(s, "center") || !strcmp(s, "caption"))
            return K_BLOCK;
        if (!strcmp(s, "canvas"))
            return K_SKIP;
        break;
    case 'd':
        if (!strcmp(s, "div"))
            return K_DIV;
        if (!strcmp(s, "dl") || !strcmp(s, "dir"))
            return K_LIST;
        if (!strcmp(s, "dd") || !strcmp(s, "dt"))
            return K_LI;
        if (!strcmp(s, "details"))
            return K_BLOCK;
        if (!strcmp(s, "dialog"))
            return K_STRUCT;
        break;
    case 'e':
        if (!strcmp(s, "embed"))
            return K_SKIP;
        break;
    case 'f':
        if (!strcmp(s, "footer") || !strcmp(s, "form") || !strcmp(s, "figure"))
            return K_STRUCT;
        if (!strcmp(s, "figcaption") || !strcmp(s, "fieldset"))
            return K_STRUCT;
        if (!strcmp(s, "frame") || !strcmp(s, "frameset"))
            return K_SKIP;
        break;
    case 'h':
        if (s[1] >= '2' && s[1] <= '6' && !s[2])
            return K_HEADING;
        if (!strcmp(s, "h1"))
            return K_H1;
        if (!strcmp(s, "header"))
            return K_STRUCT;
        if (!strcmp(s, "hr"))
            return K_BLOCK;
        if (!strcmp(s, "head"))
            return K_SKIP;
        if (!strcmp(s, "hgroup") || !strcmp(s, "html"))
            return K_BLOCK;
        break;
    case 'i':
        if (!strcmp(s, "iframe") || !strcmp(s, "input") || !strcmp(s, "img"))
            return K_SKIP;
        break;
    case 'l':
        if (!strcmp(s, "li"))
            return K_LI;
        if (!strcmp(s, "label") || !strcmp(s, "link"))
            return K_SKIP;
        break;
    case 'm':
        if (!strcmp(s, "main"))
            return K_ARTICLE;
        if (!strcmp(s, "menu"))
            return K_STRUCT;
        if (!strcmp(s, "map") || !strcmp(s, "meta"))
            return K_SKIP;
        break;
    case 'n':
        if (!strcmp(s, "nav"))
            return K_STRUCT;
        if (!strcmp(s, "noscript") || !strcmp(s, "noframes"))
            return K_SKIP;
        break;
    case 'o':
        if (!strcmp(s, "ol"))
            return K_LIST;
        if (!strcmp(s, "object") || !strcmp(s, "option") || !strcmp(s, "optgroup"))
            return K_SKIP;
        break;
    case 'p':
        if (!strcmp(s, "p"))
            return K_P;
        if (!strcmp(s, "pre"))
            return K_PRE;
        if (!strcmp(s, "picture") || !strcmp(s, "param"))
            return K_SKIP;
        break;
    case 's':
        if (!strcmp(s, "section") || !strcmp(s, "summary"))
            return K_BLOCK;
        if (!strcmp(s, "script") || !strcmp(s, "style") || !strcmp(s, "select") ||
            !strcmp(s, "svg") || !strcmp(s, "source"))
            return K_SKIP;
        break;
    case 't':
        if (!strcmp(s, "td") || !strcmp(s, "th"))
            return K_TD;
        if (!strcmp(s, "table") || !strcmp(s, "tr") || !strcmp(s, "tbody") || !strcmp(s, "thead") ||
            !strcmp(s, "tfoot"))
            return K_BLOCK;
        if (!strcmp(s, "textarea") || !strcmp(s, "template") || !strcmp(s, "title") ||
            !strcmp(s, "track"))
            return K_SKIP;
        break;
    case 'u':
        if (!strcmp(s, "ul"))
            return K_LIST;
        break;
    case 'v':
        if (!strcmp(s, "video"))
            return K_SKIP;
        break;
    default:
        break;
    }
    return K_INLINE;
}

/* Class/id words that mark boilerplate (substrings) and article text. */
static const char *const negative_words[] = {"comment",
                                             "disqus",
                                             "share",
                                             "sharing",
                                             "social",
                                             "related",
                                             "recommend",
                                             "newsletter",
                                             "subscri",
                                             "cookie",
                                             "consent",
                                             "gdpr",
                                             "promo",
                                             "advert",
                                             "sponsor",
                                             "outbrain",
                                             "taboola",
                                             "popup",
                                             "modal",
                                             "breadcrumb",
                                             "sidebar",
                                             "footer",
                                             "masthead",
                                             "navbar",
                                             "navigation",
                                             "menu",
                                             "paywall",
                                             "signup",
                                             "sign-up",
                                             "widget",
                                             "trending",
                                             "popular",
                                             "more-stories",
                                             "read-more",
                                             "readmore",
                                             "pagination",
                                             "pager",
                                             "toolbar",
                                             "banner",
                                             "byline",
                                             "dateline",
                                             "author-bio",
                                             "caption",
                                             "hidden",
                                             "sr-only",
                                             "screen-reader",
                                             "visually-hidden",
                                             "skip-",
                                             "newsfeed",
                                             "overlay",
                                             "teaser",
                                             "follow",
                                             "login",
                                             "signin",
                                             "tooltip",
                                             "dropdown",
                                             "carousel",
                                             "gallery",
                                             "slideshow",
                                             "shopping",
                                             "donate",
                                             "supplement",
                                             "utility",
                                             "copyright",
                                             "disclaimer",
                                             "rating",
                                             "header",
                                             "topbar",
                                             "top-bar",
                                             "timestamp",
                                             "jump",
                                             "tags"};
static const char *const negative_tokens[] = {"ad",    "ads",   "nav",   "tag",  "meta", "aside",
                                              "rss",   "print", "email", "date", "time", "author",
                                              "promo", "extra", "links", "more", "cta",  "hide"};
static const char *const positive_words[] = {
    "article", "content", "entry", "story", "post-body", "postbody", "main",
    "text",    "body",    "blog",  "prose", "paragraph", "column",   "permalink"};

static bool token_in(const char *h, const char *tok)
{
    size_t n = strlen(tok);
    for (const char *p = h; (p = strstr(p, tok)) != NULL; p++) {
        bool start = p == h || !((p[-1] >= 'a' && p[-1] <= 'z') || (p[-1] >= '0' && p[-1] <= '9'));
        char c = p[n];
        bool end = !((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'));
        if (start && end)
            return true;
    }
    return false;
}

#define HINT_CACHE 256

typedef struct hint_cache_entry {
    uint64_t key; /* 0: empty */
    int16_t weight;
    uint8_t negative;
} hint_cache_entry;

/* Scores the class and id of an element: negative for boilerplate, positive for content. */
static void hint_weight(const xmlNode *n, ninfo *in, hint_cache_entry *cache)
{
    const char *c = html_attr(n, "class"), *id = html_attr(n, "id");
    const char *role = html_attr(n, "role");
    if (role && (!strcmp(role, "navigation") || !strcmp(role, "banner") ||
                 !strcmp(role, "contentinfo") || !strcmp(role, "complementary") ||
                 !strcmp(role, "menu") || !strcmp(role, "dialog") || !strcmp(role, "alert"))) {
        in->negative = 1;
        in->weight = -25;
    }
    if (!c && !id)
        return;
    char h[512];
    size_t k = 0;
    for (int pass = 0; pass < 2; pass++) {
        const char *s = pass ? id : c;
        if (!s)
            continue;
        if (k && k < sizeof h - 1)
            h[k++] = ' ';
        for (; *s && k < sizeof h - 1; s++)
            h[k++] = (char)(*s >= 'A' && *s <= 'Z' ? *s - 'A' + 'a' : *s);
    }
    h[k] = '\0';
    /* pages repeat their classes: a small direct-mapped cache of verdicts */
    uint64_t key = hash_bytes(h, k, 0x9e3779b97f4a7c15ULL) | 1;
    hint_cache_entry *slot = &cache[key % HINT_CACHE];
    if (slot->key == key) {
        in->weight = (int16_t)(in->weight + slot->weight);
        in->negative |= slot->negative;
        return;
    }
    int16_t before = in->weight;
    bool neg = false, pos = false;
    for (size_t i = 0; i < ARRAY_LEN(negative_words) && !neg; i++)
        neg = strstr(h, negative_words[i]) != NULL;
    for (size_t i = 0; i < ARRAY_LEN(negative_tokens) && !neg; i++)
        neg = token_in(h, negative_tokens[i]);
    for (size_t i = 0; i < ARRAY_LEN(positive_words) && !pos; i++)
        pos = strstr(h, positive_words[i]) != NULL;
    if (neg)
        in->weight -= 25;
    if (pos)
        in->weight += 25;
    if (neg && !pos)
        in->negative = 1;
    slot->key = key;
    slot->weight = (int16_t)(in->weight - before);
    slot->negative = neg && !pos;
}

static bool hidden(const xmlNode *n)
{
    if (html_attr(n, "hidden"))
        return true;
    const char *aria = html_attr(n, "aria-hidden");
    if (aria && !strcmp(aria, "true"))
        return true;
    const char *style = html_attr(n, "style");
    if (!style)
        return false;
    char s[256];
    size_t k = 0;
    for (; *style && k < sizeof s - 1; style++)
        if (*style != ' ')
            s[k++] = (char)(*style >= 'A' && *style <= 'Z' ? *style - 'A' + 'a' : *style);
    s[k] = '\0';
    return strstr(s, "display:none") || strstr(s, "visibility:hidden");
}

/* ---- tree walks ---- */

static bool is_block_kind(uint8_t k)
{
    return k != K_INLINE && k != K_LINK && k != K_BR && k != K_SKIP;
}

/* Next node in pre-order, skipping n's children when !descend; NULL after root. */
static xmlNode *next_node(xmlNode *n, xmlNode *root, bool descend)
{
    if (descend && n->children)
        return n->children;
    while (n != root && !n->next)
        n = n->parent;
    return n == root ? NULL : n->next;
}

/* Pass 1: an info record per element, kind, hints, hard removals. */
static sitrep_status classify(scorer *s, xmlNode *root)
{
    for (xmlNode *n = root; n;) {
        bool descend = false;
        if (n->type == XML_ELEMENT_NODE) {
            if (s->ninfo >= s->cap) {
                s->truncated = true;
                return SITREP_OK;
            }
            ninfo *in = &s->info[s->ninfo++];
            memset(in, 0, sizeof *in);
            n->_private = in;
            in->kind = kind_of(n);
            ninfo *parent = info_of(n->parent);
            in->owner = in->kind == K_INLINE || in->kind == K_LINK || in->kind == K_BR
                            ? (parent ? parent->owner : NULL)
                            : n;
            if (in->kind == K_SKIP) {
                in->flags |= F_REMOVED;
            } else {
                /* hidden elements go with the boilerplate (an anti-flicker hidden <body>
                 * must not take the article with it) */
                if (hidden(n))
                    in->negative = 1;
                /* inline elements rarely frame boilerplate: hints only on blocks */
                if (in->kind != K_LINK)
                    hint_weight(n, in, s->hints);
                descend = true;
            }
        }
        n = next_node(n, root, descend);
    }
    return SITREP_OK;
}

/* Bytes of text that is not white space. */
static uint32_t text_bytes(const xmlChar *c)
{
    uint32_t k = 0;
    for (; c && *c; c++)
        k += !(*c == ' ' || *c == '\n' || *c == '\t' || *c == '\r');
    return k;
}

/* Pass 2 (post-order): text and link text per element, removed subtrees counting zero. */
static void sum_text(xmlNode *root)
{
    for (xmlNode *n = root; n;) {
        ninfo *in = info_of(n);
        if (n->type == XML_ELEMENT_NODE && in) {
            in->text = in->link = in->ptext = 0;
            if (!(in->flags & F_REMOVED) && n->children) {
                n = n->children;
                continue;
            }
        }
        /* finish n, then every ancestor whose last child it is */
        for (;;) {
            ninfo *self = info_of(n);
            ninfo *parent = n != root ? info_of(n->parent) : NULL;
            if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
                if (parent)
                    parent->text += text_bytes(n->content);
            } else if (n->type == XML_ELEMENT_NODE && self) {
                if (self->flags & F_REMOVED)
                    self->text = self->link = self->ptext = 0;
                if (self->kind == K_LINK)
                    self->link = self->text;
                if (self->kind == K_P || self->kind == K_PRE)
                    self->ptext = self->text - self->link;
                if (parent) {
                    parent->text += self->text;
                    parent->link += self->link;
                    parent->ptext += self->ptext;
                }
            }
            if (n == root)
                return;
            if (n->next) {
                n = n->next;
                break;
            }
            n = n->parent;
        }
    }
}

/* Pass 3: boilerplate containers go unless they hold most of the page's text. */
static void drop_boilerplate(xmlNode *root, uint32_t page_text, uint32_t page_ptext)
{
    for (xmlNode *n = root; n;) {
        ninfo *in = info_of(n);
        bool descend = n->type == XML_ELEMENT_NODE && in && !(in->flags & F_REMOVED);
        if (descend && (in->negative || in->kind == K_STRUCT) && in->kind != K_ARTICLE &&
            !html_is(n, "body") && in->text * 2 < page_text &&
            (in->ptext < 200 || (uint64_t)in->ptext * 3 < page_ptext)) {
            in->flags |= F_REMOVED;
            descend = false;
#ifdef HTML_DEBUG
            if (in->text > 500)
                fprintf(stderr, "drop <%s class=%s id=%s> text %u ptext %u of %u\n", n->name,
                        html_attr(n, "class"), html_attr(n, "id"), in->text, in->ptext, page_ptext);
#endif
        }
        n = next_node(n, root, descend);
    }
}

/* ---- blocks ---- */

typedef struct cutter {
    scorer *s;
    buf text;
    uint32_t link;
    int in_link;
    bool last_br;
} cutter;

static sitrep_status flush(cutter *c, const xmlNode *owner)
{
    slice t = slice_trim(slice_make(c->text.data ? c->text.data : "", c->text.len));
    sitrep_status status = SITREP_OK;
    if (t.len && owner) {
        scorer *s = c->s;
        if (s->nblocks == s->blocks_cap) {
            if (s->blocks_cap >= HTML_MAX_BLOCKS) {
                s->truncated = true;
                goto done;
            }
            size_t ncap = s->blocks_cap ? s->blocks_cap * 2 : 256;
            block *nb = arena_grow(s->a, s->blocks, s->blocks_cap * sizeof *nb, ncap * sizeof *nb);
            if (!nb)
                return SITREP_ELIMIT;
            s->blocks = nb;
            s->blocks_cap = ncap;
        }
        block *b = &s->blocks[s->nblocks++];
        b->text = arena_strndup(s->a, t.ptr, t.len);
        if (!b->text)
            return SITREP_ELIMIT;
        b->len = (uint32_t)t.len;
        b->link = c->link > b->len ? b->len : c->link;
        b->commas = 0;
        for (size_t i = 0; i < t.len; i++)
            b->commas += t.ptr[i] == ',';
        b->owner = owner;
        b->kind = info_of(owner)->kind;
    }
done:
    buf_reset(&c->text);
    c->link = 0;
    c->last_br = false;
    return status;
}

/* Pass 4: cuts the kept text into blocks at block elements and double <br>. */
static sitrep_status cut_blocks(scorer *s, xmlNode *root)
{
    cutter c = {.s = s};
    buf_init(&c.text, HTML_MAX_BLOCK_TEXT);
    sitrep_status status = SITREP_OK;
    const xmlNode *owner = NULL;
    for (xmlNode *n = root; n;) {
        ninfo *in = info_of(n);
        bool descend = false;
        if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
            ninfo *p = info_of(n->parent);
            size_t before = c.text.len;
            if (n->content)
                html_append_collapsed(&c.text, (const char *)n->content);
            if (c.in_link)
                c.link += (uint32_t)(c.text.len - before);
            if (p && text_bytes(n->content))
                c.last_br = false;
            owner = p ? p->owner : owner;
        } else if (n->type == XML_ELEMENT_NODE && in && !(in->flags & F_REMOVED)) {
            if (is_block_kind(in->kind)) {
                if ((status = flush(&c, owner)))
                    break;
                owner = n;
            } else if (in->kind == K_BR) {
                if (c.last_br) {
                    if ((status = flush(&c, owner)))
                        break;
                } else {
                    html_append_collapsed(&c.text, " ");
                    c.last_br = true;
                }
            } else if (in->kind == K_LINK) {
                c.in_link++;
            }
            descend = n->children != NULL;
            if (descend) {
                n = n->children;
                continue;
            }
        }
        /* leave n and the ancestors it closes */
        for (;;) {
            ninfo *self = info_of(n);
            if (n->type == XML_ELEMENT_NODE && self && !(self->flags & F_REMOVED)) {
                if (is_block_kind(self->kind)) {
                    if ((status = flush(&c, n)))
                        goto out;
                    ninfo *p = n != root ? info_of(n->parent) : NULL;
                    owner = p ? p->owner : NULL;
                } else if (self->kind == K_LINK && c.in_link > 0) {
                    c.in_link--;
                }
            }
            if (n == root) {
                n = NULL;
                break;
            }
            if (n->next) {
                n = n->next;
                break;
            }
            n = n->parent;
        }
    }
    if (!status)
        status = flush(&c, owner);
out:
    buf_release(&c.text);
    return status;
}

/* ---- scoring ---- */

static double initial_score(const ninfo *in)
{
    double sc = in->weight;
    switch (in->kind) {
    case K_DIV:
        sc += 5;
        break;
    case K_ARTICLE:
        sc += 10;
        break;
    case K_PRE:
    case K_TD:
    case K_QUOTE:
        sc += 3;
        break;
    case K_LIST:
    case K_LI:
    case K_STRUCT:
        sc -= 3;
        break;
    case K_HEADING:
    case K_H1:
        sc -= 5;
        break;
    default:
        break;
    }
    return sc;
}

/* Blocks whose element is itself a paragraph-like unit (not a container of others). */
static bool own_text(uint8_t kind)
{
    return kind == K_P || kind == K_LI || kind == K_PRE || kind == K_HEADING || kind == K_H1 ||
           kind == K_TD || kind == K_QUOTE;
}

static void score_blocks(scorer *s)
{
    for (size_t i = 0; i < s->nblocks; i++) {
        const block *b = &s->blocks[i];
        if (b->len < 25 || b->kind == K_HEADING || b->kind == K_H1)
            continue;
        double ld = (double)b->link / b->len;
        if (ld > 0.5)
            continue;
        double content = 1.0 + b->commas + (b->len / 100 < 3 ? b->len / 100 : 3);
        if (b->kind == K_LI)
            content *= 0.5;
        /* text straight in a container scores the container itself, as if wrapped in <p> */
        const xmlNode *anc = own_text(b->kind) ? b->owner->parent : b->owner;
        for (int level = 0; anc && level < 5; level++, anc = anc->parent) {
            ninfo *in = info_of(anc);
            if (!in || anc->type != XML_ELEMENT_NODE)
                break;
            if (!(in->flags & F_CANDIDATE)) {
                in->flags |= F_CANDIDATE;
                in->score = initial_score(in);
            }
            double div = level == 0 ? 1 : level == 1 ? 2 : level * 3;
            in->score += content / div;
        }
    }
}

static double final_score(const ninfo *in)
{
    double ld = in->text ? (double)in->link / in->text : 0;
    return in->score * (1 - ld);
}

/* An article cut into chunks repeats the best container's tag and class: keep the other
 * chunks that score well too, wherever they sit. */
static void keep_twins(const xmlNode *best, double best_score)
{
    const char *cls = html_attr(best, "class");
    if (!cls || !*cls)
        return;
    xmlNode *root = best->doc ? xmlDocGetRootElement(best->doc) : NULL;
    for (xmlNode *n = root; n;) {
        ninfo *in = info_of(n);
        bool descend = n->type == XML_ELEMENT_NODE && in && !(in->flags & F_REMOVED);
        if (descend && n != best && (in->flags & F_CANDIDATE) && xmlStrEqual(n->name, best->name)) {
            const char *c = html_attr(n, "class");
            double ld = in->text ? (double)in->link / in->text : 1;
            if (c && !strcmp(c, cls) && ld < 0.25 && final_score(in) >= best_score * 0.1) {
                in->flags |= F_KEEP;
                descend = false;
            }
        }
        n = next_node(n, root, descend);
    }
}

/* Marks the best candidate and its siblings worth keeping; returns the best or NULL. */
static const xmlNode *choose(scorer *s)
{
    const xmlNode *best = NULL;
    double best_score = 0;
    for (size_t i = 0; i < s->nblocks; i++) {
        const block *b = &s->blocks[i];
        /* candidates are the first five ancestors of blocks */
        const xmlNode *anc = own_text(b->kind) ? b->owner->parent : b->owner;
        for (int level = 0; anc && level < 5; level++, anc = anc->parent) {
            ninfo *in = info_of(anc);
            if (!in || !(in->flags & F_CANDIDATE))
                continue;
            double sc = final_score(in);
            if (!best || sc > best_score) {
                best = anc;
                best_score = sc;
            }
        }
    }
    if (!best)
        return NULL;
    info_of(best)->flags |= F_KEEP;
    keep_twins(best, best_score);
    const xmlNode *parent = best->parent;
    if (!parent)
        return best;
    double threshold = best_score * 0.2 > 10 ? best_score * 0.2 : 10;
    for (const xmlNode *sib = parent->children; sib; sib = sib->next) {
        ninfo *in = info_of(sib);
        if (sib == best || !in || sib->type != XML_ELEMENT_NODE || (in->flags & F_REMOVED))
            continue;
        double ld = in->text ? (double)in->link / in->text : 1;
        bool keep = (in->flags & F_CANDIDATE) && final_score(in) >= threshold;
        if (!keep && in->kind == K_P)
            keep = (in->text > 80 && ld < 0.25) || (in->text > 0 && ld == 0 && in->text > 30);
        if (keep)
            in->flags |= F_KEEP;
    }
    return best;
}

/* Pass 5: an element is content when it or an ancestor is kept. */
static void mark_content(xmlNode *root)
{
    for (xmlNode *n = root; n;) {
        ninfo *in = info_of(n);
        bool descend = n->type == XML_ELEMENT_NODE && in && !(in->flags & F_REMOVED);
        if (descend) {
            ninfo *p = n != root ? info_of(n->parent) : NULL;
            bool in_article = p && (p->flags & F_IN_ARTICLE);
            /* inside the kept text, an <article> within an <article> is a teaser for
             * another story */
            if (html_is(n, "article") && in_article && !(in->flags & F_KEEP) &&
                (p->flags & F_CONTENT)) {
                n = next_node(n, root, false);
                continue;
            }
            if (in_article || html_is(n, "article"))
                in->flags |= F_IN_ARTICLE;
            if ((in->flags & F_KEEP) || (p && (p->flags & F_CONTENT)))
                in->flags |= F_CONTENT;
        }
        n = next_node(n, root, descend);
    }
}

/* Short lines that are site furniture, whatever page they are on. */
static bool boilerplate_line(const block *b)
{
    static const char *const starts[] = {
        "advertisement", "share this",   "share on",    "read more",
        "read next",     "related:",     "sign up",     "subscribe",
        "follow us",     "click here",   "copyright",   "all rights reserved",
        "comments",      "loading",      "image:",      "photo:",
        "credit:",       "getty images", "more:",       "see also",
        "watch:",        "listen to",    "recommended", "skip to"};
    if (b->len > 80)
        return false;
    char low[96];
    size_t n = b->len < sizeof low - 1 ? b->len : sizeof low - 1;
    for (size_t i = 0; i < n; i++)
        low[i] =
            (char)(b->text[i] >= 'A' && b->text[i] <= 'Z' ? b->text[i] - 'A' + 'a' : b->text[i]);
    low[n] = '\0';
    for (size_t i = 0; i < ARRAY_LEN(starts); i++)
        if (!strncmp(low, starts[i], strlen(starts[i])))
            return true;
    if (strstr(low, "©"))
        return true;
    return false;
}

static bool same_text(const char *a, const char *b)
{
    return a && b && strcmp(a, b) == 0;
}

sitrep_status html_extract_body(arena *a, xmlDoc *tree, document *doc)
{
    xmlNode *root = xmlDocGetRootElement(tree);
    if (!root)
        return ingest_set_body(a, doc, NULL, 0);
    scorer s;
    memset(&s, 0, sizeof s);
    s.a = a;
    s.cap = HTML_MAX_NODES;
    /* one record per element, from the arena (reused from page to page) */
    size_t count = 0;
    for (xmlNode *n = root; n; n = next_node(n, root, true))
        count += n->type == XML_ELEMENT_NODE;
    if (count > HTML_MAX_NODES) {
        count = HTML_MAX_NODES;
        warning_add(&doc->warnings, "truncated", "page has too many elements; the rest is ignored");
    }
    sitrep_status status = SITREP_OK;
    s.info = arena_alloc(a, (count ? count : 1) * sizeof *s.info);
    if (!s.info)
        return SITREP_ELIMIT;
    s.cap = count;
    s.hints = arena_calloc(a, HINT_CACHE, sizeof *s.hints);
    if (!s.hints)
        return SITREP_ELIMIT;
    if ((status = classify(&s, root)))
        goto done;
    sum_text(root);
    ninfo *ri = info_of(root);
    s.page_text = ri ? ri->text : 0;
    drop_boilerplate(root, s.page_text, ri ? ri->ptext : 0);
    sum_text(root);
    if ((status = cut_blocks(&s, root)))
        goto done;
    score_blocks(&s);
    const xmlNode *best = choose(&s);
#ifdef HTML_DEBUG
    if (best)
        fprintf(stderr, "best <%s class=%s id=%s> score %.1f text %u\n", best->name,
                html_attr(best, "class"), html_attr(best, "id"), final_score(info_of(best)),
                info_of(best)->text);
    for (size_t i = 0; i < s.nblocks; i++)
        if (s.blocks[i].len >= 150)
            fprintf(
                stderr, "block %zu <%s class=%s> parent <%s class=%s> len %u: %.60s\n", i,
                s.blocks[i].owner->name, html_attr(s.blocks[i].owner, "class"),
                s.blocks[i].owner->parent ? s.blocks[i].owner->parent->name : (const xmlChar *)"-",
                html_attr(s.blocks[i].owner->parent, "class"), s.blocks[i].len, s.blocks[i].text);
#endif
    size_t np = 0;
    slice *paras = arena_alloc(a, (s.nblocks ? s.nblocks : 1) * sizeof *paras);
    if (!paras) {
        status = SITREP_ELIMIT;
        goto done;
    }
    if (best) {
        mark_content(root);
        for (size_t i = 0; i < s.nblocks; i++) {
            const block *b = &s.blocks[i];
            ninfo *in = info_of(b->owner);
            if (!in || !(in->flags & F_CONTENT))
                continue;
            double ld = (double)b->link / b->len;
            if (b->kind == K_H1 || same_text(b->text, doc->meta.headline))
                continue;
            if (ld > 0.5 || (b->kind == K_LI && ld > 0.3))
                continue;
            if (boilerplate_line(b))
                continue;
            paras[np++] = slice_make(b->text, b->len);
        }
    }
    status = ingest_set_body(a, doc, paras, np);
done:
    /* the tree outlives this call only until xmlFreeDoc; clear our pointers anyway */
    for (xmlNode *n = root; n; n = next_node(n, root, true))
        n->_private = NULL;
    if (s.truncated)
        warning_add(&doc->warnings, "truncated",
                    "page too large to score whole; the rest is ignored");
    return status;
}
