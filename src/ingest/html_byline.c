/* html_byline.c - who signs a web page: what the metadata reader (html_meta.c) found as an
 * author is cleaned here ("By", labels, leads like "Zeige alle Beiträge von", dates and times
 * after the names, character references left in); a byline that only names the site is
 * recognised so that a source naming a writer can take its place, and the site's name is cut
 * from the headline; the markup's weaker signs of a writer ("by <a>Name</a>", a link to an
 * author's page) are read here too.
 */
#include "html_internal.h"

#include <string.h>
#include <strings.h>

/* Is a word (up to a space or the end) a name particle ("von der Leyen", "de la Cruz")? */
static bool name_particle(const char *w)
{
    static const char *const particles[] = {"von", "van", "der", "den", "de",  "la",  "le", "du",
                                            "da",  "di",  "del", "bin", "al",  "ibn", "zu", "y",
                                            "e",   "dos", "das", "ter", "ten", "und", "and"};
    size_t n = strcspn(w, " ");
    for (size_t i = 0; i < ARRAY_LEN(particles); i++)
        if (strlen(particles[i]) == n && !strncmp(w, particles[i], n))
            return true;
    return false;
}

/* Drops what comes before the names when a phrase says who wrote: "Zeige alle Beiträge von
 * Cem Basman", "Veröffentlicht am 8. Februar 2022 von PETA-Team", "Erstellt von ...": the text
 * after the last "von", "by", "par", "por" whose lead holds a word in lower case that is no
 * name particle, or starts with a verb of publishing. "Peter von Matt" keeps its particle. */
static char *after_lead(char *c)
{
    static const char *const preps[] = {" von ", " by ", " par ", " por ", " di ", " door "};
    static const char *const verbs[] = {
        "Erstellt",  "Veröffentlicht", "Geschrieben", "Verfasst", "Posted",  "Written",
        "Published", "Edited",         "Publié",      "Écrit",    "Rédigé",  "Publicado",
        "Escrito",   "Pubblicato",     "Scritto",     "Article",  "Artikel", "Beitrag",
        "Reporting", "Alle ",          "All ",        "More ",    "Mehr ",   "Weitere "};
    char *best = NULL;
    size_t best_len = 0;
    for (size_t i = 0; i < ARRAY_LEN(preps); i++) {
        size_t n = strlen(preps[i]);
        for (char *p = strstr(c, preps[i]); p; p = strstr(p + 1, preps[i]))
            if (p[n] && (!best || p > best)) {
                best = p;
                best_len = n;
            }
    }
    if (!best)
        return c;
    bool lead = false;
    for (size_t i = 0; i < ARRAY_LEN(verbs) && !lead; i++)
        lead = !strncmp(c, verbs[i], strlen(verbs[i]));
    for (const char *w = c; w < best && !lead; w++)
        if ((w == c || w[-1] == ' ') && *w >= 'a' && *w <= 'z' && !name_particle(w))
            lead = true;
    return lead ? best + best_len : c;
}

/* Cuts a byline before a date, a time or a count that follows the names: a word that starts
 * with a digit ("Janic Cathomen, 01.12.2021", "Emily Burack 8"), German "am" before one
 * ("Jörn Mecher am 08.12.2022"), and a weekday abbreviation left before it ("Fr,"). */
static void cut_at_number(char *c)
{
    for (char *p = c + 1; *p; p++) {
        if (p[-1] != ' ' || !(*p >= '0' && *p <= '9'))
            continue;
        /* digits and date marks only: "Bündnis 90/Die Grünen" is a name */
        const char *w = p;
        while (*w && strchr("0123456789./:,-", *w))
            w++;
        if (*w && *w != ' ')
            continue;
        char *end = p - 1;
        bool comma = p - c >= 2 && p[-2] == ',';
        if (end - c >= 3 && !strncmp(end - 3, " am ", 4))
            end -= 3;
        *end = '\0';
        size_t n = strlen(c);
        while (n && (c[n - 1] == ' ' || c[n - 1] == ','))
            c[--n] = '\0';
        char *last = strrchr(c, ' ');
        /* "Fr", "Mon", "Thu": a short capitalised word after a full name, before the date */
        if (last && comma && strlen(last + 1) <= 3 && last[1] >= 'A' && last[1] <= 'Z' &&
            last[2] >= 'a' && last[2] <= 'z' && strchr(c, ' ') != last)
            *last = '\0';
        return;
    }
}

const char *html_clean_byline(arena *a, const char *s)
{
    if (!s)
        return NULL;
    char *c = html_unescape(a, s);
    c = c ? html_clean(a, c, strlen(c)) : NULL;
    /* a paragraph (a writer's biography, a teaser) is no byline, whatever its start */
    if (!c || strlen(c) > 200)
        return NULL;
    /* a label of up to three words before a colon: "Autor: ...", "Interview: ..." */
    char *colon = strstr(c, ": ");
    if (colon && colon > c && colon - c < 32 && colon[2]) {
        size_t words = 1;
        for (const char *p = c; p < colon; p++)
            words += *p == ' ';
        if (words <= 3)
            c = colon + 2;
    }
    static const char *const prefixes[] = {"© ",   "Written by ", "By: ", "By ",  "by ",
                                           "BY ",  "Por ",        "por ", "POR ", "Par ",
                                           "par ", "PAR ",        "Von ", "von ", "VON "};
    for (size_t i = 0; i < ARRAY_LEN(prefixes); i++) {
        size_t n = strlen(prefixes[i]);
        if (!strncmp(c, prefixes[i], n)) {
            c += n;
            break;
        }
    }
    /* "Reporting by Jane Doe; Editing by John Roe": the writer, not the editor */
    static const char *const roles[] = {"; Editing", "; editing", "; Additional reporting",
                                        "; additional reporting"};
    for (size_t i = 0; i < ARRAY_LEN(roles); i++) {
        char *p = strstr(c, roles[i]);
        if (p && p > c)
            *p = '\0';
    }
    c = after_lead(c);
    static const char *const cuts[] = {
        " - ",      " | ",        " • ",      " — ",     " – ",           " —",
        " @",       " Published", " Updated", " Posted", " Last updated", " PUBLISHED",
        " UPDATED", " Published:"};
    for (size_t i = 0; i < ARRAY_LEN(cuts); i++) {
        char *p = strstr(c, cuts[i]);
        if (p && p > c)
            *p = '\0';
    }
    static const char *const months[] = {"January",   "February", "March",    "April",
                                         "May",       "June",     "July",     "August",
                                         "September", "October",  "November", "December"};
    for (size_t i = 0; i < ARRAY_LEN(months); i++) {
        size_t n = strlen(months[i]);
        for (char *p = c + 1; *p; p++)
            if (p[-1] == ' ' && !strncasecmp(p, months[i], n) && p[n] == ' ' && p[n + 1] >= '0' &&
                p[n + 1] <= '9') {
                p[-1] = '\0';
                break;
            }
    }
    /* "Joe Wee Monday, 25 April 2016": a weekday after the names starts the date */
    static const char *const days[] = {" Monday", " Tuesday",  " Wednesday", " Thursday",
                                       " Friday", " Saturday", " Sunday"};
    for (size_t i = 0; i < ARRAY_LEN(days); i++) {
        char *p = strstr(c, days[i]);
        size_t k = strlen(days[i]);
        if (p && p > c && (p[k] == '\0' || p[k] == ' ' || p[k] == ','))
            *p = '\0';
    }
    cut_at_number(c);
    size_t n = strlen(c);
    for (;;) {
        if (n && strchr(" ,-/|:", c[n - 1]))
            c[--n] = '\0';
        else if (n >= 3 && !strcmp(c + n - 3, "／")) /* a full-width slash */
            c[n -= 3] = '\0';
        else
            break;
    }
    if (n == 0 || n > 120)
        return NULL;
    /* "20 Nov 2019 08:00 GMT" in an author's slot: a date, no name */
    size_t lead = strspn(c, "0123456789./:-");
    if (lead && (c[lead] == ' ' || c[lead] == '\0'))
        return NULL;
    /* "Jane Doe Jane Doe": an avatar's caption and the name, read as one text */
    if (n % 2 == 1 && c[n / 2] == ' ' && !strncmp(c, c + n / 2 + 1, n / 2))
        c[n / 2] = '\0';
    /* a prefix left alone ("Von", "Por": the name is in another element), what is left of
     * "Last Updated: ...", "Published ..." and their German, French, Spanish forms: no name */
    static const char *const alone[] = {"By", "by", "Von", "von", "Por", "por", "Par", "par"};
    for (size_t i = 0; i < ARRAY_LEN(alone); i++) {
        size_t k = strlen(alone[i]);
        if (!strcmp(c, alone[i]) || (n > k && c[n - k - 1] == ' ' && !strcmp(c + n - k, alone[i])))
            return NULL; /* "created by": the name is elsewhere */
    }
    static const char *const not_names[] = {
        "Last",       "Updated",    "Published",      "Posted",       "Share",
        "No Author",  "Publiziert", "Veröffentlicht", "Aktualisiert", "Publié",
        "Mis à jour", "Publicado",  "Actualizado",    "Archiv"};
    for (size_t i = 0; i < ARRAY_LEN(not_names); i++)
        if (!strncmp(c, not_names[i], strlen(not_names[i])))
            return NULL;
    /* the name of a content system's default account */
    if (!strcasecmp(c, "admin") || !strcasecmp(c, "administrator"))
        return NULL;
    return c;
}

/* A name reduced for comparison with the site's: ASCII letters and digits lower-cased, other
 * ASCII dropped, other bytes kept ("L'Opinion" and "l-opinion" give "lopinion"). */
static void site_key(const char *s, char *out, size_t cap)
{
    size_t k = 0;
    for (; s && *s && k + 1 < cap; s++) {
        unsigned char c = (unsigned char)*s;
        if (c >= 'A' && c <= 'Z')
            out[k++] = (char)(c + 32);
        else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80)
            out[k++] = (char)c;
    }
    out[k] = '\0';
}

/* Is s an address with no spaces, like "ORF.at" or "jungefreiheit.de" (a known top-level
 * domain after the last dot)? */
static bool bare_domain(const char *s)
{
    static const char *const tlds[] = {"com", "net", "org", "info", "de", "at", "ch", "fr", "es",
                                       "it",  "uk",  "us",  "eu",   "nl", "be", "pl", "cl", "pe",
                                       "br",  "mx",  "ar",  "co",   "io", "ru", "in", "jp", "cn",
                                       "au",  "ca",  "tn",  "ve",   "bo", "uy", "tv", "fm", "news"};
    if (strchr(s, ' '))
        return false;
    const char *dot = strrchr(s, '.');
    if (!dot || dot - s < 2)
        return false;
    for (size_t i = 0; i < ARRAY_LEN(tlds); i++)
        if (!strcasecmp(dot + 1, tlds[i]))
            return true;
    return false;
}

bool html_names_site(const char *byline, const char *const *names, size_t nnames, const char *url)
{
    if (bare_domain(byline) || strstr(byline, "www."))
        return true;
    char key[128], other[128];
    site_key(byline, key, sizeof key);
    if (!key[0])
        return false;
    for (size_t i = 0; i < nnames; i++) {
        if (!names[i])
            continue;
        site_key(names[i], other, sizeof other);
        if (!strcmp(key, other))
            return true;
        /* each part of "Achtsam durch die Krise | Die FURCHE" */
        static const char *const seps[] = {" | ", " - ", " – ", " — ", " · ", ": "};
        for (const char *p = names[i]; *p;) {
            const char *end = NULL;
            size_t skip = 0;
            for (size_t k = 0; k < ARRAY_LEN(seps); k++) {
                const char *q = strstr(p, seps[k]);
                if (q && (!end || q < end)) {
                    end = q;
                    skip = strlen(seps[k]);
                }
            }
            if (!end && p == names[i])
                break; /* one part: compared above */
            size_t n = end ? (size_t)(end - p) : strlen(p);
            char part[128];
            if (n < sizeof part) {
                memcpy(part, p, n);
                part[n] = '\0';
                site_key(part, other, sizeof other);
                if (other[0] && !strcmp(key, other))
                    return true;
            }
            p = end ? end + skip : p + n;
        }
    }
    if (url) {
        const char *host = strstr(url, "://");
        host = host ? host + 3 : url;
        if (!strncmp(host, "www.", 4))
            host += 4;
        size_t n = strcspn(host, "/:?#");
        char h[128];
        if (n >= sizeof h)
            return false;
        memcpy(h, host, n);
        h[n] = '\0';
        site_key(h, other, sizeof other); /* the whole host */
        if (!strcmp(key, other))
            return true;
        char *dot = strrchr(h, '.');
        if (dot)
            *dot = '\0';
        site_key(h, other, sizeof other); /* the host without its top-level domain */
        if (!strcmp(key, other))
            return true;
    }
    return false;
}

/* Does text look like a name or a short list of names: 2-80 bytes, at most eight words, not
 * starting with a digit, none of the marks of a sentence or a label? */
static bool name_shaped(const char *t)
{
    size_t n = strlen(t), words = 1;
    if (n < 2 || n > 80 || (t[0] >= '0' && t[0] <= '9'))
        return false;
    for (const char *p = t; *p; p++) {
        if (strchr(":!?|@()[]{}<>=/\"", *p))
            return false;
        words += *p == ' ';
    }
    return words <= 8;
}

/* The trimmed text of a node (a text node or an element), collapsed, in the arena. */
static char *node_text(arena *a, const xmlNode *n)
{
    if (n->type == XML_TEXT_NODE)
        return n->content
                   ? html_clean(a, (const char *)n->content, strlen((const char *)n->content))
                   : NULL;
    return html_text(a, n, 256);
}

/* The next sibling over white space: an element, or a text node with text in it. */
static const xmlNode *next_content(const xmlNode *n)
{
    for (n = n->next; n; n = n->next) {
        if (n->type == XML_ELEMENT_NODE)
            return n;
        if (n->type == XML_TEXT_NODE && n->content) {
            for (const char *p = (const char *)n->content; *p; p++)
                if (*p != ' ' && *p != '\t' && *p != '\n' && *p != '\r')
                    return n;
        }
    }
    return NULL;
}

/* Is every word of a name capitalised, a particle, a joining word or an initial ("Jane van
 * Doe and J. Roe")? */
static bool capitalised_words(const char *t)
{
    for (const char *w = t; *w;) {
        bool upper = (*w >= 'A' && *w <= 'Z') || (unsigned char)*w >= 0xC3;
        if (!upper && !name_particle(w))
            return false;
        w += strcspn(w, " ");
        while (*w == ' ')
            w++;
    }
    return true;
}

/* A text that is the whole of its element and reads "By Jane Doe", "Von Jane Doe", "Auteur :
 * Jane Doe": the name, or NULL. */
static const char *alone_byline(arena *a, const xmlNode *text, const char *raw, size_t len)
{
    static const char *const leads[] = {
        "By ",  "Von ",    "Par ",   "Por ",     "by ",      "von ",    "par ",
        "por ", "Author:", "Autor:", "Autorin:", "Auteur :", "Auteur:", "Autore:"};
    if (len > 120 || text->prev || text->next || !text->parent ||
        text->parent->type != XML_ELEMENT_NODE)
        return NULL;
    while (*raw == ' ' || *raw == '\t' || *raw == '\n' || *raw == '\r')
        raw++;
    /* the test on the raw text first: most text nodes are no byline, and cost nothing */
    bool lead = false;
    for (size_t i = 0; i < ARRAY_LEN(leads) && !lead; i++)
        lead = !strncmp(raw, leads[i], strlen(leads[i]));
    if (!lead)
        return NULL;
    /* "By Jane Doe | 12/10/2020": the cleaning cuts the date */
    const char *name = html_clean_byline(a, raw);
    if (!name)
        return NULL;
    size_t words = 1;
    for (const char *p = name; *p; p++)
        words += *p == ' ';
    return words <= 5 && name_shaped(name) && capitalised_words(name) ? name : NULL;
}

/* Is the whole of raw (white space aside) one of the markers "by", "von", "par", "por"? */
static bool marker_only(const char *raw)
{
    static const char *const markers[] = {"by",      "von",     "par",      "por",    "door",
                                          "by:",     "von:",    "author:",  "autor:", "autorin:",
                                          "auteur:", "autore:", "auteur :", "autor :"};
    while (*raw == ' ' || *raw == '\t' || *raw == '\n' || *raw == '\r')
        raw++;
    size_t n = strlen(raw);
    while (n &&
           (raw[n - 1] == ' ' || raw[n - 1] == '\t' || raw[n - 1] == '\n' || raw[n - 1] == '\r'))
        n--;
    for (size_t i = 0; i < ARRAY_LEN(markers); i++)
        if (strlen(markers[i]) == n && !strncasecmp(raw, markers[i], n))
            return true;
    return false;
}

/* Is a node inside <code> or <pre> (within 64 levels)? "GROUP BY <span>day</span>" in a code
 * sample is no byline. */
static bool in_code(const xmlNode *n)
{
    int depth = 0;
    for (const xmlNode *p = n->parent; p && depth < 64; p = p->parent, depth++)
        if (html_is(p, "code") || html_is(p, "pre"))
            return true;
    return false;
}

const char *html_byline_after_marker(arena *a, const xmlNode *text)
{
    if (text->type != XML_TEXT_NODE || !text->content)
        return NULL;
    const char *raw = (const char *)text->content;
    size_t len = strlen(raw);
    const char *name = NULL;
    if (len <= 24 && marker_only(raw)) {
        /* "by <a>Name</a>", or "<strong>von</strong> <span>Name</span>" */
        const xmlNode *from = text;
        if (!text->prev && !text->next && text->parent && text->parent->type == XML_ELEMENT_NODE)
            from = text->parent;
        const xmlNode *el = next_content(from);
        char *t = el ? node_text(a, el) : NULL;
        name = t && name_shaped(t) ? t : NULL;
    } else {
        name = alone_byline(a, text, raw, len);
    }
    return name && !in_code(text) ? name : NULL;
}

/* Is a path segment of an address the name of an author's page ("/author/", "/autor/")? */
static bool author_segment(const char *s, size_t n)
{
    static const char *const segments[] = {
        "author",     "authors",    "autor",       "autoren",  "autorin",   "auteur",
        "auteurs",    "autore",     "autori",      "autores",  "writer",    "writers",
        "staff",      "journalist", "journalists", "reporter", "reporters", "columnist",
        "columnists", "redaktion",  "profile",     "profil"};
    for (size_t i = 0; i < ARRAY_LEN(segments); i++)
        if (strlen(segments[i]) == n && !strncasecmp(s, segments[i], n))
            return true;
    return false;
}

const char *html_author_link(arena *a, const xmlNode *link)
{
    const char *href = html_attr(link, "href");
    if (!href)
        return NULL;
    const char *path = strstr(href, "://");
    path = path ? strchr(path + 3, '/') : href;
    if (!path)
        return NULL;
    bool author = strstr(path, "?author=") || strstr(path, "&author=");
    for (const char *p = path; *p && *p != '?' && *p != '#' && !author;) {
        while (*p == '/')
            p++;
        size_t n = strcspn(p, "/?#");
        /* the segment names the kind of page and a segment after it names the writer */
        author = n && author_segment(p, n) && p[n] == '/' && p[n + 1] && p[n + 1] != '?' &&
                 p[n + 1] != '#';
        p += n;
    }
    if (!author)
        return NULL;
    char *name = html_text(a, link, 256);
    return name && name_shaped(name) ? name : NULL;
}

const char *html_strip_site(arena *a, const char *headline, const char *const *names, size_t nnames,
                            const char *url)
{
    static const char *const seps[] = {" | ", " - ", " – ", " — ", " :: ", " » ", " · ", " // "};
    char *h = arena_strndup(a, headline, strlen(headline));
    if (!h)
        return headline;
    /* the last part: "Headline | The Japan Times" */
    char *last = NULL;
    for (size_t i = 0; i < ARRAY_LEN(seps); i++)
        for (char *p = strstr(h, seps[i]); p; p = strstr(p + 1, seps[i]))
            if (p > h && (!last || p > last))
                last = p;
    if (last) {
        const char *tail = last + strcspn(last + 1, " ") + 2;
        if (*tail && html_names_site(tail, names, nnames, url))
            *last = '\0';
    }
    /* the first part: "seelenradio » Headline" */
    char *first = NULL;
    size_t skip = 0;
    for (size_t i = 0; i < ARRAY_LEN(seps); i++) {
        char *p = strstr(h, seps[i]);
        if (p && p > h && (!first || p < first)) {
            first = p;
            skip = strlen(seps[i]);
        }
    }
    if (first && first[skip]) {
        char c = *first;
        *first = '\0';
        bool site = html_names_site(h, names, nnames, url);
        *first = c;
        if (site)
            h = first + skip;
    }
    /* "» Headline" left by "site // » Headline" */
    if (first && h == first + skip)
        while (*h == ' ' || *h == '|' || *h == '/' || *h == ':' || !strncmp(h, "»", 2) ||
               !strncmp(h, "·", 2))
            h += (unsigned char)*h >= 0x80 ? 2 : 1;
    return *h ? h : headline;
}
