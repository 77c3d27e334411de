/* html_meta.c - the metadata of a web page: headline, byline, publisher, date, section, url,
 * figure captions and their credits.
 *
 * Sources in order of trust: JSON-LD (parsed with cJSON), then meta tags in a fixed order
 * (Dublin Core, Open Graph, name=title/author, Twitter, Parse.ly), then the markup itself
 * (<title> minus the site name, <h1>, rel=author and "byline" elements - the innermost name
 * inside a byline block -, <time datetime>, breadcrumbs), finally the URL (a date, the site).
 */
#include "html_internal.h"

#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define META_TEXT_CAP 2048

/* A meta value and the rank of the tag it came from (lower is more trusted). */
typedef struct ranked {
    const char *value;
    int rank;
} ranked;

/* What one pass over the tree finds; every string is in the arena or the tree. */
typedef struct meta_found {
    ranked title_meta, author_meta;
    const char *site_name, *og_url, *canonical;
    const char *published_meta, *published_other, *section, *author_other;
    const char *title, *h1, *rel_author, *itemprop_author, *byline_el, *time_dt, *time_pub;
    const char *breadcrumb;
    const xmlNode *byline_node; /* the first byline block: a name inside it is better */
    const char *inner_name;     /* inside it, the first element marked as a name */
    const char *inner_author;   /* inside it, the first other element marked as an author */
    const char *byline_alt[3];  /* the texts of later byline blocks, outside the first */
    size_t nalt;
    const xmlNode *byline_alt_node; /* the last of them */
    const char *marker_name;        /* the name after a lone "by", "von": "by <a>Jane Doe</a>" */
    const char *author_link;        /* the text of the first link to an author's page */
    /* JSON-LD */
    const char *ld_headline, *ld_name, *ld_author, *ld_date, *ld_section, *ld_publisher, *ld_body;
    const char *ld_page_author;  /* the author of a JSON-LD WebPage (Yoast puts it there) */
    const char *ld_other_date;   /* datePublished of a JSON-LD object that is not an article,
                                  * or read from JSON-LD that does not parse */
    const char *published_named; /* a <meta> whose name speaks of a publication date */
} meta_found;

/* Keeps the value of the best-ranked tag; of two tags of one rank, the later. */
static void keep_ranked(ranked *slot, const char *value, int rank)
{
    if (!value || !*value)
        return;
    if (!slot->value || rank <= slot->rank) {
        slot->value = value;
        slot->rank = rank;
    }
}

static bool has_word(const char *value, const char *word)
{
    if (!value)
        return false;
    size_t n = strlen(word);
    for (const char *p = value; (p = strstr(p, word)) != NULL; p++) {
        bool start = p == value || p[-1] == ' ';
        bool end = p[n] == '\0' || p[n] == ' ';
        if (start && end)
            return true;
    }
    return false;
}

/* Does a space-separated list hold a word that ends with `suffix` ("article__author")? */
static bool has_suffix_word(const char *value, const char *suffix)
{
    size_t n = strlen(suffix);
    for (const char *p = value; (p = strstr(p, suffix)) != NULL; p++)
        if (p[n] == '\0' || p[n] == ' ')
            return true;
    return false;
}

static bool contains_nocase(const char *s, const char *needle)
{
    if (!s)
        return false;
    size_t n = strlen(needle);
    for (; *s; s++) {
        size_t i = 0;
        while (i < n && s[i] && (s[i] | 0x20) == needle[i])
            i++;
        if (i == n)
            return true;
    }
    return false;
}

static void keep_first(const char **slot, const char *value)
{
    if (!*slot && value && *value)
        *slot = value;
}

static bool looks_like_url(const char *s)
{
    return s && (strncmp(s, "http://", 7) == 0 || strncmp(s, "https://", 8) == 0 ||
                 strncmp(s, "//", 2) == 0 || s[0] == '/');
}

/* ---- JSON-LD ---- */

static bool ld_is_article(const cJSON *type)
{
    static const char *const kinds[] = {
        "Article",         "BlogPosting",        "Report",
        "NewsArticle",     "ReportageNews",      "AnalysisNewsArticle",
        "LiveBlogPosting", "OpinionNewsArticle", "Posting"};
    if (cJSON_IsArray(type)) {
        const cJSON *t;
        cJSON_ArrayForEach(t, type) if (ld_is_article(t)) return true;
        return false;
    }
    if (!cJSON_IsString(type))
        return false;
    for (size_t i = 0; i < ARRAY_LEN(kinds); i++)
        if (strstr(type->valuestring, kinds[i]))
            return true;
    return false;
}

static const char *ld_string(arena *a, const cJSON *item)
{
    if (cJSON_IsArray(item))
        item = cJSON_GetArrayItem(item, 0);
    if (cJSON_IsObject(item))
        item = cJSON_GetObjectItemCaseSensitive(item, "name");
    if (!cJSON_IsString(item) || !item->valuestring[0])
        return NULL;
    size_t n = strlen(item->valuestring);
    char *s = utf8_sanitize(a, item->valuestring, n, &n, NULL);
    return s ? html_clean(a, s, n) : NULL;
}

/* The object of a JSON-LD document whose "@id" is `id` and that has a name: at the top, in a
 * top-level array or in a @graph ("author": {"@id": ".../#/schema/person/..."} points there). */
static const cJSON *ld_find_id(const cJSON *root, const char *id)
{
    const cJSON *lists[2] = {cJSON_IsArray(root) ? root : NULL,
                             cJSON_IsObject(root) ? cJSON_GetObjectItemCaseSensitive(root, "@graph")
                                                  : NULL};
    if (cJSON_IsObject(root)) {
        const cJSON *own = cJSON_GetObjectItemCaseSensitive(root, "@id");
        if (cJSON_IsString(own) && !strcmp(own->valuestring, id) &&
            cJSON_GetObjectItemCaseSensitive(root, "name"))
            return root;
    }
    for (size_t i = 0; i < ARRAY_LEN(lists); i++) {
        const cJSON *it;
        if (!cJSON_IsArray(lists[i]))
            continue;
        cJSON_ArrayForEach(it, lists[i])
        {
            const cJSON *own = cJSON_GetObjectItemCaseSensitive(it, "@id");
            if (cJSON_IsString(own) && !strcmp(own->valuestring, id) &&
                cJSON_GetObjectItemCaseSensitive(it, "name"))
                return it;
            /* one level down: a graph inside an array of documents */
            const cJSON *graph = cJSON_GetObjectItemCaseSensitive(it, "@graph"), *g;
            if (cJSON_IsArray(graph))
                cJSON_ArrayForEach(g, graph)
                {
                    own = cJSON_GetObjectItemCaseSensitive(g, "@id");
                    if (cJSON_IsString(own) && !strcmp(own->valuestring, id) &&
                        cJSON_GetObjectItemCaseSensitive(g, "name"))
                        return g;
                }
        }
    }
    return NULL;
}

/* One author: a string, a Person or Organization with a name, or a reference by "@id" to one
 * elsewhere in the document. */
static const char *ld_person(arena *a, const cJSON *root, const cJSON *item)
{
    if (cJSON_IsObject(item) && !cJSON_GetObjectItemCaseSensitive(item, "name")) {
        const cJSON *id = cJSON_GetObjectItemCaseSensitive(item, "@id");
        const cJSON *found = cJSON_IsString(id) ? ld_find_id(root, id->valuestring) : NULL;
        if (found)
            item = found;
    }
    return ld_string(a, item);
}

/* Authors: one, or an array of them, joined with ", ". */
static const char *ld_authors(arena *a, const cJSON *root, const cJSON *item)
{
    if (!cJSON_IsArray(item))
        return ld_person(a, root, item);
    buf b;
    buf_init(&b, 1024);
    const cJSON *it;
    cJSON_ArrayForEach(it, item)
    {
        const char *name = ld_person(a, root, it);
        if (!name || !*name || looks_like_url(name))
            continue;
        if (b.len && buf_append_str(&b, ", ") != SITREP_OK)
            break;
        if (buf_append_str(&b, name) != SITREP_OK)
            break;
    }
    char *out = b.len ? arena_strndup(a, b.data, b.len) : NULL;
    buf_release(&b);
    return out;
}

static void ld_article(arena *a, const cJSON *root, const cJSON *o, meta_found *m)
{
    keep_first(&m->ld_headline, ld_string(a, cJSON_GetObjectItemCaseSensitive(o, "headline")));
    keep_first(&m->ld_name, ld_string(a, cJSON_GetObjectItemCaseSensitive(o, "name")));
    const char *author = ld_authors(a, root, cJSON_GetObjectItemCaseSensitive(o, "author"));
    if (!looks_like_url(author))
        keep_first(&m->ld_author, author);
    keep_first(&m->ld_date, ld_string(a, cJSON_GetObjectItemCaseSensitive(o, "datePublished")));
    keep_first(&m->ld_section, ld_string(a, cJSON_GetObjectItemCaseSensitive(o, "articleSection")));
    keep_first(&m->ld_publisher, ld_string(a, cJSON_GetObjectItemCaseSensitive(o, "publisher")));
    const cJSON *body = cJSON_GetObjectItemCaseSensitive(o, "articleBody");
    if (cJSON_IsString(body) && !m->ld_body) {
        size_t n = strlen(body->valuestring);
        m->ld_body = utf8_sanitize(a, body->valuestring, n, &n, NULL);
    }
}

/* The author of a JSON-LD object that is no article but a page (WebPage, ItemPage ...). */
static void ld_page(arena *a, const cJSON *root, const cJSON *o, meta_found *m)
{
    const cJSON *type = cJSON_GetObjectItemCaseSensitive(o, "@type");
    if (cJSON_IsArray(type))
        type = cJSON_GetArrayItem(type, 0);
    if (m->ld_page_author || !cJSON_IsString(type) || !strstr(type->valuestring, "Page") ||
        ld_is_article(type))
        return;
    const char *author = ld_authors(a, root, cJSON_GetObjectItemCaseSensitive(o, "author"));
    if (!looks_like_url(author))
        m->ld_page_author = author;
}

/* Reads the article objects of one JSON-LD object: itself and the members of its @graph. */
static void ld_object(arena *a, const cJSON *root, const cJSON *o, meta_found *m)
{
    if (!cJSON_IsObject(o))
        return;
    if (ld_is_article(cJSON_GetObjectItemCaseSensitive(o, "@type")))
        ld_article(a, root, o, m);
    ld_page(a, root, o, m);
    /* a WebPage, ClaimReview or MedicalWebPage dates the page too, after any article */
    keep_first(&m->ld_other_date,
               ld_string(a, cJSON_GetObjectItemCaseSensitive(o, "datePublished")));
    const cJSON *graph = cJSON_GetObjectItemCaseSensitive(o, "@graph");
    const cJSON *g;
    if (cJSON_IsArray(graph))
        cJSON_ArrayForEach(g, graph)
        {
            if (!cJSON_IsObject(g))
                continue;
            if (ld_is_article(cJSON_GetObjectItemCaseSensitive(g, "@type")))
                ld_article(a, root, g, m);
            ld_page(a, root, g, m);
            keep_first(&m->ld_other_date,
                       ld_string(a, cJSON_GetObjectItemCaseSensitive(g, "datePublished")));
        }
}

/* Visits objects at the top, in a top-level array and in @graph (no deeper: cJSON's own
 * nesting limit bounds the parse). */
static void ld_parse(arena *a, const char *text, meta_found *m)
{
    /* some pages wrap the JSON in a CDATA section; what follows the JSON is ignored */
    while (*text == ' ' || *text == '\t' || *text == '\n' || *text == '\r')
        text++;
    if (!strncmp(text, "<![CDATA[", 9))
        text += 9;
    cJSON *root = cJSON_Parse(text);
    if (!root) {
        /* broken JSON-LD (a stray character, a cut script): its datePublished string still
         * dates the page */
        const char *key = strstr(text, "\"datePublished\"");
        if (key && !m->ld_other_date) {
            const char *p = key + 15;
            while (*p == ' ' || *p == ':' || *p == '\t')
                p++;
            const char *end = *p == '"' ? strchr(p + 1, '"') : NULL;
            if (end && end - p < 64)
                m->ld_other_date = arena_strndup(a, p + 1, (size_t)(end - p - 1));
        }
        return;
    }
    if (cJSON_IsArray(root)) {
        const cJSON *it;
        cJSON_ArrayForEach(it, root) ld_object(a, root, it, m);
    } else {
        ld_object(a, root, root, m);
    }
    cJSON_Delete(root);
}

/* ---- meta tags and markup ---- */

/* Title and author tags in the order of trust (Readability's, which readers expect): Dublin
 * Core, Open Graph, name=title/author, Twitter, Parse.ly. A property attribute ranks just
 * above the same key in a name attribute ("dc:title" over "DC.title"). */
static const struct {
    const char *key;
    bool author;
    int rank;
} ranked_keys[] = {{"dc:title", false, 1},
                   {"dcterm:title", false, 2},
                   {"dcterms:title", false, 2},
                   {"og:title", false, 3},
                   {"weibo:article:title", false, 4},
                   {"weibo:webpage:title", false, 5},
                   {"title", false, 6},
                   {"twitter:title", false, 7},
                   {"parsely-title", false, 8},
                   {"dc:creator", true, 1},
                   {"dcterm:creator", true, 2},
                   {"dcterms:creator", true, 2},
                   {"author", true, 3},
                   {"parsely-author", true, 4},
                   {"byl", true, 5},
                   {"sailthru.author", true, 6},
                   {"og:article:author", true, 7},
                   {"article:author", true, 8}};

/* One key of a meta tag: "DC.Title" and "dc:title" are the same key. */
static void meta_key(meta_found *m, const char *key, size_t n, const char *content, bool property)
{
    char k[64];
    if (n >= sizeof k)
        return;
    for (size_t i = 0; i < n; i++)
        k[i] = (char)(key[i] >= 'A' && key[i] <= 'Z' ? key[i] - 'A' + 'a' : key[i]);
    k[n] = '\0';
    if (!strncmp(k, "dc.", 3) || !strncmp(k, "dcterm.", 7) || !strncmp(k, "dcterms.", 8))
        *strchr(k, '.') = ':';
    for (size_t i = 0; i < ARRAY_LEN(ranked_keys); i++)
        if (!strcmp(k, ranked_keys[i].key)) {
            if (ranked_keys[i].author && looks_like_url(content))
                return;
            keep_ranked(ranked_keys[i].author ? &m->author_meta : &m->title_meta, content,
                        ranked_keys[i].rank * 2 + (property ? 0 : 1));
            return;
        }
    if (!strcmp(k, "og:site_name"))
        keep_first(&m->site_name, content);
    else if (!strcmp(k, "og:url"))
        keep_first(&m->og_url, content);
    else if (!strcmp(k, "article:published_time") || !strcmp(k, "datepublished") ||
             !strcmp(k, "article.published") || !strcmp(k, "og:published_time"))
        keep_first(&m->published_meta, content);
    else if (!strcmp(k, "pubdate") || !strcmp(k, "publishdate") || !strcmp(k, "date") ||
             !strcmp(k, "dc:date") || !strcmp(k, "dc:date.issued") || !strcmp(k, "sailthru.date") ||
             !strcmp(k, "parsely-pub-date") || !strcmp(k, "dcterms:created"))
        keep_first(&m->published_other, content);
    /* other names sites give the date: "sn-post-date", "publish-date", "article:pubdate";
     * read last (after every name above) and only when the content reads as a date */
    else if ((strstr(k, "pub") || strstr(k, "post-date") || strstr(k, "post_date")) &&
             strstr(k, "date") && !strstr(k, "modif") && !strstr(k, "updat"))
        keep_first(&m->published_named, content);
    else if (!strcmp(k, "article:section") || !strcmp(k, "section") ||
             !strcmp(k, "parsely-section"))
        keep_first(&m->section, content);
    else if (!strcmp(k, "article:author")) {
        if (!looks_like_url(content))
            keep_first(&m->author_other, content);
    }
}

static void meta_tag(const xmlNode *n, meta_found *m)
{
    const char *content = html_attr(n, "content");
    if (!content || !*content)
        return;
    /* a property may hold several keys: property="dc:creator twitter:site_name" */
    const char *property = html_attr(n, "property");
    if (property) {
        for (const char *p = property; *p;) {
            while (*p == ' ' || *p == '\t' || *p == '\n')
                p++;
            const char *e = p;
            while (*e && *e != ' ' && *e != '\t' && *e != '\n')
                e++;
            if (e > p)
                meta_key(m, p, (size_t)(e - p), content, true);
            p = e;
        }
        return;
    }
    const char *key = html_attr(n, "name");
    if (!key)
        key = html_attr(n, "itemprop");
    if (key)
        meta_key(m, key, strlen(key), content, false);
}

/* Lower-cased class and id of an element, joined by a space, in out[cap]. */
static void hints_of(const xmlNode *n, char *out, size_t cap)
{
    const char *c = html_attr(n, "class"), *id = html_attr(n, "id");
    size_t k = 0;
    for (int pass = 0; pass < 2; pass++) {
        const char *s = pass ? id : c;
        if (!s)
            continue;
        if (k && k < cap - 1)
            out[k++] = ' ';
        for (; *s && k < cap - 1; s++)
            out[k++] = (char)(*s >= 'A' && *s <= 'Z' ? *s - 'A' + 'a' : *s);
    }
    out[k] = '\0';
}

static sitrep_status add_caption(arena *a, const xmlNode *fig, document *doc)
{
    document_meta *meta = &doc->meta;
    if (meta->ncaptions >= INGEST_MAX_CAPTIONS)
        return SITREP_OK;
    /* credits marked in the markup are taken out of the caption */
    buf cap, cred;
    buf_init(&cap, META_TEXT_CAP);
    buf_init(&cred, META_TEXT_CAP);
    for (const xmlNode *n = fig->children; n;) {
        char hints[256];
        bool descend = false;
        if (n->type == XML_ELEMENT_NODE) {
            hints_of(n, hints, sizeof hints);
            if (strstr(hints, "credit") || strstr(hints, "copyright") ||
                strstr(hints, "photographer") || strstr(hints, "attribution") ||
                strstr(hints, "source")) {
                html_text_append(&cred, n);
            } else {
                descend = n->children != NULL;
            }
        } else if (n->type == XML_TEXT_NODE) {
            html_text_append(&cap, n);
        }
        if (descend) {
            n = n->children;
            continue;
        }
        while (n != fig && !n->next)
            n = n->parent;
        if (n == fig)
            break;
        n = n->next;
    }
    char *caption = html_clean(a, cap.data ? cap.data : "", cap.len);
    char *credit = html_clean(a, cred.data ? cred.data : "", cred.len);
    buf_release(&cap);
    buf_release(&cred);
    if (!caption || !credit)
        return SITREP_ELIMIT;
    /* else a trailing "Photo: ...", "(Credit ...)", "© ..." is the credit */
    static const char *const marks[] = {"Photo:",    "Photograph:", "Credit:", "Image:", "Picture:",
                                        "Photo by ", "(Photo",      "(Credit", "©"};
    if (!*credit) {
        for (size_t i = 0; i < ARRAY_LEN(marks); i++) {
            char *p = strstr(caption, marks[i]);
            if (!p || p == caption)
                continue;
            slice c = slice_trim(slice_make(p, strlen(p)));
            if (c.len && c.ptr[0] == '(' && c.ptr[c.len - 1] == ')') {
                c.ptr++;
                c.len -= 2;
            }
            credit = arena_strndup(a, c.ptr, c.len);
            if (!credit)
                return SITREP_ELIMIT;
            while (p > caption && (p[-1] == ' ' || p[-1] == '|' || p[-1] == '-'))
                p--;
            *p = '\0';
            break;
        }
    }
    if (*caption)
        meta->captions[meta->ncaptions++] = caption;
    if (*credit && meta->ncredits < INGEST_MAX_CAPTIONS)
        meta->credits[meta->ncredits++] = credit;
    return SITREP_OK;
}

/* Removes a trailing or leading site name ("Headline | Site") from a <title>. */
static const char *clean_title(arena *a, const char *title, const char *site)
{
    static const char *const seps[] = {" | ", " - ", " – ", " — ", " :: ", " » ", " · "};
    const char *best = NULL;
    size_t best_len = 0;
    for (size_t i = 0; i < ARRAY_LEN(seps); i++) {
        const char *last = NULL;
        for (const char *p = title; (p = strstr(p, seps[i])) != NULL; p++)
            last = p;
        if (last && (!best || last > best)) {
            best = last;
            best_len = strlen(seps[i]);
        }
    }
    if (!best)
        return title;
    const char *tail = best + best_len;
    size_t head_len = (size_t)(best - title);
    size_t words = 1;
    for (size_t i = 0; i < head_len; i++)
        words += title[i] == ' ';
    /* the part before the last separator, unless it is too short to be a headline and the
     * tail is not the site's name */
    if (words >= 3 || (site && contains_nocase(tail, site)))
        return arena_strndup(a, title, head_len);
    return title;
}

/* A date in the URL written another way: /2019/nov/18/ (month in letters) or -20191115/ (eight
 * digits between separators, a valid date from 1990 on). */
static bool url_date_other(const char *url, char out[11])
{
    for (const char *p = url; *p; p++) {
        if (!(p[0] == '/' || p[0] == '-' || p[0] == '_'))
            continue;
        const char *y = p + 1;
        size_t digits = 0;
        while (y[digits] >= '0' && y[digits] <= '9')
            digits++;
        char tmp[16];
        int year = 0, month = 0, day = 0;
        if (digits == 8 && (y[8] == '/' || y[8] == '-' || y[8] == '.' || y[8] == '_' || !y[8])) {
            sscanf(y, "%4d%2d%2d", &year, &month, &day);
        } else if (digits == 4 && y[4] == '/') {
            const char *mo = y + 5;
            size_t n = 0;
            while ((mo[n] >= 'a' && mo[n] <= 'z') || (mo[n] >= 'A' && mo[n] <= 'Z'))
                n++;
            if (mo[n] != '/' || !(month = ingest_month_word(mo, n)))
                continue;
            year = atoi(y);
            const char *d = mo + n + 1;
            if (d[0] >= '0' && d[0] <= '9' &&
                (d[1] == '/' || (d[1] >= '0' && d[1] <= '9' && d[2] == '/')))
                day = atoi(d);
        } else {
            continue;
        }
        if (year < 1990 || year > 2100)
            continue;
        if (day)
            snprintf(tmp, sizeof tmp, "%04d-%02d-%02d", year, month, day);
        else
            snprintf(tmp, sizeof tmp, "%04d-%02d", year, month);
        if (ingest_parse_date(tmp, strlen(tmp), out) && strlen(out) == strlen(tmp))
            return true;
    }
    return false;
}

/* Date in the URL: /2024/03/15/ or -2024-03-15 or /2024/03/; else url_date_other. */
static bool url_date(const char *url, char out[11])
{
    if (!url)
        return false;
    for (const char *p = url; *p; p++) {
        if (!(p[0] == '/' || p[0] == '-' || p[0] == '_'))
            continue;
        const char *y = p + 1;
        int i = 0;
        while (i < 4 && y[i] >= '0' && y[i] <= '9')
            i++;
        if (i != 4 || (y[4] != '/' && y[4] != '-'))
            continue;
        char sep = y[4];
        const char *mo = y + 5;
        if (!(mo[0] >= '0' && mo[0] <= '1' && mo[1] >= '0' && mo[1] <= '9'))
            continue;
        char tmp[11];
        memcpy(tmp, y, 4);
        tmp[4] = '-';
        tmp[5] = mo[0];
        tmp[6] = mo[1];
        size_t len = 7;
        if (mo[2] == sep && mo[3] >= '0' && mo[3] <= '3' && mo[4] >= '0' && mo[4] <= '9' &&
            !(mo[5] >= '0' && mo[5] <= '9')) {
            tmp[7] = '-';
            tmp[8] = mo[3];
            tmp[9] = mo[4];
            len = 10;
        } else if (mo[2] != '/') {
            continue;
        }
        int year = (y[0] - '0') * 1000 + (y[1] - '0') * 100 + (y[2] - '0') * 10 + (y[3] - '0');
        if (year < 1990 || year > 2100)
            continue;
        if (ingest_parse_date(tmp, len, out))
            return true;
    }
    return url_date_other(url, out);
}

static bool inside(const xmlNode *n, const xmlNode *ancestor)
{
    for (const xmlNode *p = n->parent; p; p = p->parent)
        if (p == ancestor)
            return true;
    return false;
}

/* Is n inside the page's furniture: a nav, footer or aside, or an element whose class or id
 * says sidebar, widget, related, teaser, menu, footer or comment (within 16 levels)? Lists of
 * the site's writers sit there. */
static bool in_furniture(const xmlNode *n)
{
    static const char *const words[] = {"sidebar", "widget",  "related",   "teaser",  "menu",
                                        "footer",  "comment", "recommend", "popular", "nav"};
    char hints[256];
    int depth = 0;
    for (const xmlNode *p = n->parent; p && depth < 16; p = p->parent, depth++) {
        if (p->type != XML_ELEMENT_NODE)
            continue;
        if (html_is(p, "nav") || html_is(p, "footer") || html_is(p, "aside"))
            return true;
        hints_of(p, hints, sizeof hints);
        for (size_t i = 0; i < ARRAY_LEN(words); i++)
            if (strstr(hints, words[i]))
                return true;
    }
    return false;
}

/* Is n inside a comment (an ancestor within 8 levels whose class or id says so)? Readers'
 * comments have bylines and user names of their own. */
static bool in_comment(const xmlNode *n)
{
    char hints[256];
    int depth = 0;
    for (const xmlNode *p = n->parent; p && depth < 8; p = p->parent, depth++) {
        if (p->type != XML_ELEMENT_NODE)
            continue;
        hints_of(p, hints, sizeof hints);
        if (strstr(hints, "comment"))
            return true;
    }
    return false;
}

static const char *text_or_null(arena *a, const xmlNode *n)
{
    char *t = html_text(a, n, META_TEXT_CAP);
    return t && *t ? t : NULL;
}

/* One pre-order pass collecting everything the metadata needs. */
static sitrep_status scan(arena *a, xmlNode *root, meta_found *m, document *doc)
{
    char hints[256];
    for (xmlNode *n = root; n;) {
        bool descend = n->children != NULL;
        if (n->type == XML_ELEMENT_NODE) {
            if (html_is(n, "meta")) {
                meta_tag(n, m);
            } else if (html_is(n, "link")) {
                const char *rel = html_attr(n, "rel");
                if (rel && has_word(rel, "canonical"))
                    keep_first(&m->canonical, html_attr(n, "href"));
            } else if (html_is(n, "title")) {
                if (!m->title)
                    m->title = text_or_null(a, n);
                descend = false;
            } else if (html_is(n, "h1")) {
                if (!m->h1)
                    m->h1 = text_or_null(a, n);
                descend = false;
            } else if (html_is(n, "script")) {
                const char *type = html_attr(n, "type");
                if (type && contains_nocase(type, "ld+json") && n->children && n->children->content)
                    ld_parse(a, (const char *)n->children->content, m);
                descend = false;
            } else if (html_is(n, "style") || html_is(n, "noscript")) {
                descend = false;
            } else if (html_is(n, "figcaption")) {
                sitrep_status st = add_caption(a, n, doc);
                if (st)
                    return st;
                descend = false;
            } else if (html_is(n, "time")) {
                const char *dt = html_attr(n, "datetime");
                const char *ip = html_attr(n, "itemprop");
                hints_of(n, hints, sizeof hints);
                if (dt &&
                    ((ip && contains_nocase(ip, "datepublished")) || strstr(hints, "publish")))
                    keep_first(&m->time_pub, dt);
                keep_first(&m->time_dt, dt);
            } else {
                const char *rel = html_attr(n, "rel");
                const char *ip = html_attr(n, "itemprop");
                if (rel && has_word(rel, "author") && !m->rel_author)
                    m->rel_author = text_or_null(a, n);
                if (ip && has_word(ip, "author") && !m->itemprop_author) {
                    const char *c = html_attr(n, "content");
                    m->itemprop_author = c && *c ? c : text_or_null(a, n);
                }
                if (ip && has_word(ip, "datePublished")) {
                    const char *c = html_attr(n, "content");
                    if (!c)
                        c = html_attr(n, "datetime");
                    keep_first(&m->time_pub, c);
                }
                if (!m->author_link && html_is(n, "a")) {
                    const char *name = html_author_link(a, n);
                    if (name && !in_furniture(n))
                        m->author_link = name;
                }
                if (m->byline_el && m->breadcrumb && (m->inner_name || !m->byline_node) &&
                    m->nalt == ARRAY_LEN(m->byline_alt))
                    goto next;
                /* NITF's <byline>, kept by some sites */
                bool byline_tag = html_is(n, "byline");
                if (!byline_tag && !html_attr(n, "class") && !html_attr(n, "id"))
                    goto next;
                hints_of(n, hints, sizeof hints);
                /* comments and comment forms have authors too */
                bool authorish =
                    !strstr(hints, "comment") &&
                    (byline_tag || strstr(hints, "byline") || strstr(hints, "author-name") ||
                     has_word(hints, "autor") || has_word(hints, "auteur") ||
                     strstr(hints, "authorname") || strstr(hints, "writtenby") ||
                     has_word(hints, "author") || has_suffix_word(hints, "__author") ||
                     has_suffix_word(hints, "-author"));
                if (!m->byline_el && authorish && !in_comment(n)) {
                    const char *t = text_or_null(a, n);
                    /* an avatar's initial ("J") is no byline: a later block may be */
                    if (t && strlen(t) > 2 && strlen(t) < 200) {
                        m->byline_el = t;
                        m->byline_node = n;
                    }
                } else if (m->byline_node && authorish && m->nalt < ARRAY_LEN(m->byline_alt) &&
                           n != m->byline_node && !inside(n, m->byline_node) &&
                           !(m->nalt && inside(n, m->byline_alt_node)) && !in_comment(n)) {
                    /* a later byline block: the first may hold only a date ("Publiziert am") */
                    const char *t = text_or_null(a, n);
                    if (t && strlen(t) > 2 && strlen(t) < 200) {
                        m->byline_alt[m->nalt++] = t;
                        m->byline_alt_node = n;
                    }
                } else if (m->byline_node && !m->inner_name && n != m->byline_node &&
                           inside(n, m->byline_node)) {
                    /* "<div class=byline><span class=author>Tom Davies</span><span
                     * class=publication>Associated Press</span> Published ...": the name */
                    if (strstr(hints, "name") || has_word(hints, "fn"))
                        m->inner_name = text_or_null(a, n);
                    else if (!m->inner_author && strstr(hints, "author"))
                        m->inner_author = text_or_null(a, n);
                }
                if (!m->breadcrumb && strstr(hints, "breadcrumb")) {
                    /* the last link of the trail names the section */
                    const char *last = NULL;
                    for (xmlNode *c = n->children; c;) {
                        if (html_is(c, "a")) {
                            const char *t = text_or_null(a, c);
                            if (t)
                                last = t;
                        }
                        if (c->children && !html_is(c, "a")) {
                            c = c->children;
                            continue;
                        }
                        while (c != n && !c->next)
                            c = c->parent;
                        if (c == n)
                            break;
                        c = c->next;
                    }
                    m->breadcrumb = last;
                }
            }
        } else {
            descend = false;
            if (n->type == XML_TEXT_NODE && !m->marker_name) {
                const char *name = html_byline_after_marker(a, n);
                if (name && !in_furniture(n))
                    m->marker_name = name;
            }
        }
    next:
        if (descend) {
            n = n->children;
            continue;
        }
        while (n && !n->next)
            n = n->parent;
        if (n)
            n = n->next;
    }
    return SITREP_OK;
}

static const char *first_of(const char *const *list, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (list[i] && *list[i])
            return list[i];
    return NULL;
}

/* JSON-LD's title: its headline, or its name when that is what the <title> says ("New Zealand -
 * Wikipedia" over the headline "constitutional monarchy in Oceania"). */
static const char *ld_title(const meta_found *m)
{
    if (m->ld_name && m->ld_headline && strcmp(m->ld_name, m->ld_headline) != 0 && m->title &&
        !strncmp(m->title, m->ld_name, strlen(m->ld_name)) && !strstr(m->title, m->ld_headline))
        return m->ld_name;
    return m->ld_headline;
}

/* Is a site name an edition or a section rather than a publisher ("U.S.", "World")? */
static bool edition_label(const char *s)
{
    static const char *const labels[] = {"U.S.",          "US",     "UK",   "U.K.",   "World",
                                         "International", "Europe", "Asia", "Africa", "Americas",
                                         "News",          "Home"};
    for (size_t i = 0; i < ARRAY_LEN(labels); i++)
        if (!strcmp(s, labels[i]))
            return true;
    return false;
}

/* The site's name from its address: "https://www.reuters.com/..." -> "Reuters". */
static const char *domain_name(arena *a, const char *url)
{
    if (!url)
        return NULL;
    const char *p = strstr(url, "://");
    p = p ? p + 3 : url;
    if (!strncmp(p, "www.", 4))
        p += 4;
    const char *dot = strchr(p, '.');
    if (!dot || dot == p || dot - p > 40)
        return NULL;
    char *name = arena_strndup(a, p, (size_t)(dot - p));
    if (name && name[0] >= 'a' && name[0] <= 'z')
        name[0] = (char)(name[0] - 32);
    return name;
}

/* The publisher: JSON-LD's publisher, else og:site_name (not an address, not an edition label
 * like Reuters' "U.S.", its tagline cut: "LinkNaija | Nigeria's popular news platform"), else
 * the site's domain when the page names an edition. */
/* A site name that is a slug or an address ("detroitnews", "livescience.com"), not a name. */
static bool slug_or_domain(const char *s)
{
    bool upper = false, space = false;
    for (const char *p = s; *p; p++) {
        upper |= *p >= 'A' && *p <= 'Z';
        space |= *p == ' ';
    }
    const char *dot = strrchr(s, '.');
    bool domain = dot && dot > s && dot[1] >= 'a' && dot[1] <= 'z' && strlen(dot) <= 4 && !space;
    return (!upper && !space) || domain;
}

static const char *publisher_of(arena *a, const meta_found *m)
{
    /* the site's own name first: a wire story's JSON-LD names the agency ("Associated Press"
     * on the Connecticut Post); JSON-LD when the site name is a slug, an address or missing */
    const char *site = m->site_name && !slug_or_domain(m->site_name) ? m->site_name : NULL;
    const char *candidates[] = {site, m->ld_publisher, m->site_name};
    for (size_t i = 0; i < ARRAY_LEN(candidates); i++) {
        const char *s = candidates[i];
        if (!s || !*s || looks_like_url(s) || strstr(s, "www."))
            continue;
        char *c = html_clean(a, s, strlen(s));
        if (!c || !*c)
            continue;
        static const char *const cuts[] = {" | ", " - ", " – ", " — ", ": "};
        for (size_t k = 0; k < ARRAY_LEN(cuts); k++) {
            char *p = strstr(c, cuts[k]);
            if (p && p > c)
                *p = '\0';
        }
        if (edition_label(c))
            return domain_name(a, first_of((const char *const[]){m->canonical, m->og_url}, 2));
        return c;
    }
    return NULL;
}

sitrep_status html_read_meta(arena *a, xmlDoc *tree, document *doc, const char **ld_body)
{
    meta_found m;
    memset(&m, 0, sizeof m);
    *ld_body = NULL;
    xmlNode *root = xmlDocGetRootElement(tree);
    if (!root)
        return SITREP_OK;
    sitrep_status status = scan(a, root, &m, doc);
    if (status)
        return status;
    *ld_body = m.ld_body;

    const char *site = publisher_of(a, &m);
    const char *title = m.title ? clean_title(a, m.title, site) : NULL;
    const char *const headlines[] = {ld_title(&m), m.title_meta.value, title, m.h1};
    const char *headline = first_of(headlines, ARRAY_LEN(headlines));
    const char *url = first_of((const char *const[]){m.canonical, m.og_url}, 2);
    const char *const site_names[] = {site, m.site_name, m.ld_publisher};
    /* a headline escaped twice by its page ("&#8216;"), and the site's name beside it in
     * og:title or JSON-LD as in <title> */
    if (headline && strchr(headline, '&'))
        headline = html_unescape(a, headline);
    if (headline && (headline = html_clean(a, headline, strlen(headline))) && *headline)
        doc->meta.headline = html_strip_site(a, headline, site_names, ARRAY_LEN(site_names), url);
    if (site)
        doc->meta.publisher = site;
    const char *section = first_of((const char *const[]){m.section, m.ld_section, m.breadcrumb}, 3);
    if (section)
        doc->meta.section = html_clean(a, section, strlen(section));
    const char *byline_el = m.inner_name     ? m.inner_name
                            : m.inner_author ? m.inner_author
                                             : m.byline_el;
    /* a WebPage's author comes last: it is often the account that posted, not the writer */
    const char *const authors[] = {m.ld_author,       m.author_meta.value, m.author_other,
                                   m.itemprop_author, m.rel_author,        byline_el,
                                   m.byline_alt[0],   m.byline_alt[1],     m.byline_alt[2],
                                   m.marker_name,     m.author_link,       m.ld_page_author};
    /* a meta author, a JSON-LD Organization or an itemprop that names the publisher or the
     * domain gives way to a later source that names someone else; when none does, the site's
     * name stands (a personal blog is named after its writer, "BBC News" signs its own) */
    const char *site_byline = NULL;
    for (size_t i = 0; i < ARRAY_LEN(authors) && !doc->meta.byline; i++) {
        const char *byline = html_clean_byline(a, authors[i]);
        if (byline && html_names_site(byline, site_names, ARRAY_LEN(site_names), url))
            keep_first(&site_byline, byline);
        else if (byline)
            doc->meta.byline = byline;
    }
    if (!doc->meta.byline)
        doc->meta.byline = site_byline;
    if (url && (!strncmp(url, "http://", 7) || !strncmp(url, "https://", 8)))
        doc->url = html_clean(a, url, strlen(url));
    const char *const dates[] = {m.published_meta, m.ld_date,         m.time_pub, m.published_other,
                                 m.ld_other_date,  m.published_named, m.time_dt};
    char date[11];
    for (size_t i = 0; i < ARRAY_LEN(dates) && !doc->published; i++)
        if (dates[i] && ingest_parse_date_words(dates[i], strlen(dates[i]), date))
            doc->published = arena_strndup(a, date, strlen(date));
    if (!doc->published && url_date(doc->url, date))
        doc->published = arena_strndup(a, date, strlen(date));
    return SITREP_OK;
}
