/* plaintext.c - reads plain-text articles and scraped pages into a document.
 *
 * Text is repaired (invalid UTF-8), split into paragraphs (blank lines; inside a block a
 * short line ends a paragraph, a long one is a soft wrap), and, with detect_chrome, the site
 * chrome is moved to metadata by layout rules that hold across sites: the short lines before
 * the first prose paragraph (publisher - the line that repeats or comes first -, tagline,
 * section, headline), photo captions recognised by a bracketed credit, "By NAME" bylines,
 * dateline dates, and a trailing author biography ("NAME is the ... editor ...").
 */
#include "ingest.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#define MAX_PARAGRAPHS (1u << 20)

/* ---- small word helpers over slices ---- */

static size_t count_words(slice s)
{
    size_t words = 0;
    bool in_word = false;
    for (size_t i = 0; i < s.len; i++) {
        bool space = s.ptr[i] == ' ' || s.ptr[i] == '\t' || s.ptr[i] == '\n';
        if (!space && !in_word)
            words++;
        in_word = !space;
    }
    return words;
}

/* The next word of s from *pos (split on spaces), or an empty slice. */
static slice next_word(slice s, size_t *pos)
{
    size_t i = *pos;
    while (i < s.len && (s.ptr[i] == ' ' || s.ptr[i] == '\t' || s.ptr[i] == '\n'))
        i++;
    size_t start = i;
    while (i < s.len && s.ptr[i] != ' ' && s.ptr[i] != '\t' && s.ptr[i] != '\n')
        i++;
    *pos = i;
    return slice_make(s.ptr + start, i - start);
}

static bool is_upper_start(slice w)
{
    if (!w.len)
        return false;
    unsigned char c = (unsigned char)w.ptr[0];
    if (c >= 'A' && c <= 'Z')
        return true;
    /* Latin-1 supplement and Latin Extended capitals (É, Ł, Š ...) in UTF-8 */
    if (c == 0xC3 && w.len > 1)
        return (unsigned char)w.ptr[1] >= 0x80 && (unsigned char)w.ptr[1] <= 0x9E;
    if ((c == 0xC4 || c == 0xC5) && w.len > 1)
        return ((unsigned char)w.ptr[1] & 1) == 0;
    return false;
}

static bool ends_like_prose(slice s)
{
    static const char *const endings[] = {
        ".", "!", "?", "\"", "\xE2\x80\x9D", "\xE2\x80\x99", "'", ".)", "\xE2\x80\xA6"};
    for (size_t i = 0; i < ARRAY_LEN(endings); i++)
        if (slice_ends_with(s, endings[i]))
            return true;
    return false;
}

/* Function words in titles stay lower case ("Reporting the Facts on Security" is still a
 * Title Case line); a line with other lower-case words reads as a sentence (a tagline). */
static bool is_title_case(slice s)
{
    static const char *const minor[] = {"a",    "an", "the", "and",         "or", "of",
                                        "on",   "in", "to",  "for",         "at", "by",
                                        "with", "&",  "-",   "\xE2\x80\x93"};
    size_t pos = 0, words = 0;
    for (slice w = next_word(s, &pos); w.len; w = next_word(s, &pos), words++) {
        if (is_upper_start(w) || (w.ptr[0] >= '0' && w.ptr[0] <= '9'))
            continue;
        bool is_minor = false;
        for (size_t i = 0; i < ARRAY_LEN(minor); i++)
            if (slice_eq_cstr(w, minor[i]))
                is_minor = true;
        if (!is_minor || words == 0)
            return false;
    }
    return words > 0;
}

/* ---- captions and credits ---- */

static const char *const credit_cues[] = {
    "source",       "photo",      "photograph", "image",   "picture", "pic",      "credit",
    "illustration", "file photo", "video",      "footage", "graphic", "courtesy", "via",
};

static const char *const agency_marks[] = {
    "Getty Images", "AFP",    "Reuters", "AP Photo",         "EPA",
    "Shutterstock", "Alamy",  "Xinhua",  "Anadolu",          "TASS",
    "Sputnik",      "Yonhap", "KCNA",    "Associated Press", "Bloomberg",
};

static bool starts_with_nocase(slice s, const char *prefix)
{
    size_t n = strlen(prefix);
    return s.len >= n && strncasecmp(s.ptr, prefix, n) == 0 &&
           (s.len == n || !isalpha((unsigned char)s.ptr[n]));
}

/* Separators between a credit cue and the credit: spaces, colons, dashes, "by". */
static slice skip_credit_separators(slice s)
{
    for (;;) {
        s = slice_trim(s);
        if (s.len && (s.ptr[0] == ':' || s.ptr[0] == '-' || s.ptr[0] == '/')) {
            s.ptr++;
            s.len--;
        } else if (slice_starts_with(s, "\xE2\x80\x93") || slice_starts_with(s, "\xE2\x80\x94")) {
            s.ptr += 3;
            s.len -= 3;
        } else if (starts_with_nocase(s, "by")) {
            s.ptr += 2;
            s.len -= 2;
        } else {
            return s;
        }
    }
}

/* If the credit text names a photo source, returns the credit itself ("EPA-EFE/Kona"). */
static bool credit_text(slice inside, slice *credit)
{
    inside = slice_trim(inside);
    for (size_t i = 0; i < ARRAY_LEN(credit_cues); i++) {
        if (starts_with_nocase(inside, credit_cues[i])) {
            slice rest = inside;
            rest.ptr += strlen(credit_cues[i]);
            rest.len -= strlen(credit_cues[i]);
            /* "Photos from the front" is not a credit: a cue must be followed by a separator
             * or stand alone */
            slice after = slice_trim(rest);
            if (after.len && !(after.ptr[0] == ':' || after.ptr[0] == '-' || after.ptr[0] == '/' ||
                               slice_starts_with(after, "\xE2\x80") ||
                               starts_with_nocase(after, "by") || rest.len == 0))
                continue;
            *credit = skip_credit_separators(rest);
            return true;
        }
    }
    for (size_t i = 0; i < ARRAY_LEN(agency_marks); i++) {
        size_t n = strlen(agency_marks[i]);
        for (size_t k = 0; k + n <= inside.len; k++)
            if (memcmp(inside.ptr + k, agency_marks[i], n) == 0 && count_words(inside) <= 6) {
                *credit = inside;
                return true;
            }
    }
    return false;
}

/* A caption is a short paragraph that carries a credit: "Text. (Source - X)", "Text [Photo:
 * X]", or a paragraph that starts with a cue ("Photo: X"). */
static bool split_caption(slice para, slice *caption, slice *credit)
{
    if (count_words(para) > 60)
        return false;
    char close = para.len ? para.ptr[para.len - 1] : 0;
    if (close == ')' || close == ']') {
        char open = close == ')' ? '(' : '[';
        size_t depth = 0;
        for (size_t i = para.len; i-- > 0;) {
            if (para.ptr[i] == close)
                depth++;
            else if (para.ptr[i] == open && --depth == 0) {
                slice inside = slice_make(para.ptr + i + 1, para.len - i - 2);
                if (!credit_text(inside, credit))
                    return false;
                *caption = slice_trim(slice_make(para.ptr, i));
                return true;
            }
        }
        return false;
    }
    static const char *const leading[] = {
        "Photo:", "Image:", "Picture:", "Credit:", "Photograph:", "Caption:", "Pictured:"};
    for (size_t i = 0; i < ARRAY_LEN(leading); i++)
        if (slice_starts_with(para, leading[i]) && count_words(para) <= 30) {
            slice rest = slice_trim(
                slice_make(para.ptr + strlen(leading[i]), para.len - strlen(leading[i])));
            *caption = rest;
            credit->ptr = NULL;
            credit->len = 0;
            return true;
        }
    return false;
}

/* ---- bylines and biographies ---- */

/* Reads a person's name (two to four capitalised words, initials and particles allowed) at
 * the start of s; returns its length in bytes or 0. */
static size_t name_prefix(slice s)
{
    size_t pos = 0, end = 0, words = 0;
    for (;;) {
        size_t before = pos;
        slice w = next_word(s, &pos);
        if (!w.len)
            break;
        bool particle = slice_eq_cstr(w, "de") || slice_eq_cstr(w, "van") ||
                        slice_eq_cstr(w, "von") || slice_eq_cstr(w, "al-") ||
                        slice_eq_cstr(w, "bin") || slice_eq_cstr(w, "da");
        if (!is_upper_start(w) && !(particle && words > 0)) {
            pos = before;
            break;
        }
        /* strip a trailing comma: "Sean Rayment, the ..." */
        words++;
        end = (size_t)(w.ptr - s.ptr) + w.len;
        if (w.ptr[w.len - 1] == ',') {
            end--;
            break;
        }
        if (words == 4)
            break;
    }
    return words >= 2 ? end : 0;
}

/* Newsroom roles; a biography names one in its first phrase ("the Defence and Security
 * Editor", "a freelance journalist"). Multi-word roles are matched by their last word. */
static const char *const author_roles[] = {
    "editor",     "correspondent", "reporter",     "journalist", "writer",
    "columnist",  "contributor",   "author",       "producer",   "commentator",
    "freelancer", "broadcaster",   "photographer", "presenter",  "chief",
};

/* "NAME is the Defence and Security Editor for ..." / "NAME is a freelance journalist ...":
 * a name, then "is", "was" or "has been", then a determiner, then a role word within the
 * same phrase (before the first comma or full stop, at most ten words). */
static bool is_author_bio(slice para, slice *name)
{
    size_t n = name_prefix(para);
    if (!n)
        return false;
    slice rest = slice_trim(slice_make(para.ptr + n, para.len - n));
    if (rest.len && rest.ptr[0] == ',')
        rest = slice_trim(slice_make(rest.ptr + 1, rest.len - 1));
    size_t pos = 0;
    slice verb = next_word(rest, &pos);
    if (slice_eq_cstr(verb, "has")) {
        if (!slice_eq_cstr(next_word(rest, &pos), "been"))
            return false;
    } else if (!slice_eq_cstr(verb, "is") && !slice_eq_cstr(verb, "was")) {
        return false;
    }
    slice det = next_word(rest, &pos);
    if (!slice_eq_cstr(det, "the") && !slice_eq_cstr(det, "a") && !slice_eq_cstr(det, "an") &&
        !slice_eq_cstr(det, "our"))
        return false;
    for (int words = 0; words < 10; words++) {
        slice w = next_word(rest, &pos);
        if (!w.len)
            break;
        size_t len = w.len;
        bool phrase_ends = w.ptr[len - 1] == ',' || w.ptr[len - 1] == '.';
        while (len && (w.ptr[len - 1] == ',' || w.ptr[len - 1] == '.'))
            len--;
        for (size_t r = 0; r < ARRAY_LEN(author_roles); r++) {
            size_t k = strlen(author_roles[r]);
            if (len == k && strncasecmp(w.ptr, author_roles[r], k) == 0) {
                *name = slice_make(para.ptr, n);
                return true;
            }
        }
        if (phrase_ends)
            break;
    }
    return false;
}

/* "By Sean Rayment" / "By Sean Rayment and Jane Doe, Reuters" */
static bool is_byline(slice para, slice *name)
{
    if (!(slice_starts_with(para, "By ") || slice_starts_with(para, "BY ")) ||
        count_words(para) > 12)
        return false;
    slice rest = slice_trim(slice_make(para.ptr + 3, para.len - 3));
    if (!is_upper_start(rest))
        return false;
    *name = rest;
    return true;
}

/* A line that is only a date: "2025-01-20", "January 20, 2025", "20 January 2025",
 * optionally after "Published", "Updated" or a weekday. Writes YYYY-MM-DD. */
static bool is_date_line(slice para, char out[11])
{
    if (count_words(para) > 8)
        return false;
    size_t pos = 0;
    for (slice w = next_word(para, &pos); w.len; w = next_word(para, &pos)) {
        char tmp[11];
        if (ingest_parse_date(w.ptr, w.len, tmp) && strlen(tmp) == 10) {
            memcpy(out, tmp, 11);
            return true;
        }
    }
    int year, month, day;
    if (!ingest_date_parts(para.ptr, para.len, &year, &month, &day) || !year || !day)
        return false;
    char tmp[48];
    snprintf(tmp, sizeof tmp, "%04d-%02d-%02d", year, month, day);
    return ingest_parse_date(tmp, 10, out);
}

/* ---- paragraphs ---- */

typedef struct para_list {
    slice *items;
    size_t count, cap;
} para_list;

static bool para_push(arena *a, para_list *list, slice s)
{
    s = slice_trim(s);
    if (!s.len)
        return true;
    if (list->count >= MAX_PARAGRAPHS)
        return false;
    slice *grown = arena_array_room(a, list->items, list->count, &list->cap, sizeof(slice));
    if (!grown)
        return false;
    list->items = grown;
    list->items[list->count++] = s;
    return true;
}

/* Splits text into paragraphs. Blank lines always separate; inside a block of lines a line
 * break is a soft wrap (it becomes a space, in place) when the line is long (55 bytes and 60%
 * of the block's longest line) or runs on into a lower-case word; otherwise the line ends
 * its paragraph (headers, labels and captions are short lines). */
static bool split_paragraphs(arena *a, char *text, size_t length, para_list *out)
{
    size_t i = 0;
    while (i < length) {
        /* skip blank lines */
        size_t e = i;
        while (e < length && text[e] != '\n')
            e++;
        if (!slice_trim(slice_make(text + i, e - i)).len) {
            i = e + 1;
            continue;
        }
        /* the block: lines until a blank line or the end */
        size_t block_start = i, block_end = i, longest = 0;
        while (block_end < length) {
            size_t line_end = block_end;
            while (line_end < length && text[line_end] != '\n')
                line_end++;
            size_t len = slice_trim(slice_make(text + block_end, line_end - block_end)).len;
            if (!len)
                break;
            if (len > longest)
                longest = len;
            block_end = line_end < length ? line_end + 1 : line_end;
        }
        size_t para_start = block_start;
        for (size_t k = block_start; k < block_end;) {
            size_t line_end = k;
            while (line_end < block_end && text[line_end] != '\n')
                line_end++;
            size_t len = slice_trim(slice_make(text + k, line_end - k)).len;
            bool last = line_end + 1 >= block_end;
            if (!last && line_end < length) {
                /* a wrapped line is long, or runs on into a lower-case word */
                size_t next = line_end + 1;
                while (next < block_end && (text[next] == ' ' || text[next] == '\t'))
                    next++;
                bool runs_on = next < block_end && text[next] >= 'a' && text[next] <= 'z';
                bool wrapped = (len >= 55 && len * 10 >= longest * 6) || (runs_on && len >= 30);
                if (!wrapped) {
                    if (!para_push(a, out, slice_make(text + para_start, line_end - para_start)))
                        return false;
                    para_start = line_end + 1;
                } else {
                    text[line_end] = ' ';
                }
            }
            k = line_end + 1;
        }
        if (!para_push(a, out, slice_make(text + para_start, block_end - para_start)))
            return false;
        i = block_end;
    }
    return true;
}

/* Collapses "\r\n" and "\r" to "\n" in place; returns the new length. */
static size_t normalize_newlines(char *s, size_t n)
{
    size_t o = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '\r') {
            s[o++] = '\n';
            if (i + 1 < n && s[i + 1] == '\n')
                i++;
        } else {
            s[o++] = s[i];
        }
    }
    s[o] = '\0';
    return o;
}

static const char *dup_slice(arena *a, slice s)
{
    return arena_strndup(a, s.ptr, s.len);
}

/* A paragraph that reads as the start of the article: prose, not a label. */
static bool is_prose(slice para)
{
    size_t words = count_words(para);
    return (words >= 10 && ends_like_prose(para)) || words >= 25;
}

static bool add_caption(arena *a, document_meta *m, slice caption, slice credit)
{
    if (m->ncaptions < INGEST_MAX_CAPTIONS && caption.len) {
        if (!(m->captions[m->ncaptions] = dup_slice(a, caption)))
            return false;
        m->ncaptions++;
    }
    if (credit.ptr && credit.len && m->ncredits < INGEST_MAX_CAPTIONS) {
        if (!(m->credits[m->ncredits] = dup_slice(a, credit)))
            return false;
        m->ncredits++;
    }
    return true;
}

/* Moves chrome from the paragraph list to doc->meta; marks removed paragraphs with len 0. */
static sitrep_status detect_chrome(arena *a, para_list *paras, document *doc)
{
    document_meta *m = &doc->meta;
    size_t n = paras->count;
    slice *p = paras->items;
    size_t body_start = n;
    for (size_t i = 0; i < n; i++) {
        slice caption, credit;
        if (is_prose(p[i]) && !split_caption(p[i], &caption, &credit)) {
            body_start = i;
            break;
        }
    }
    if (body_start == n)
        body_start = 0; /* no prose at all: leave everything in the body */

    /* the header zone */
    slice cand[64];
    size_t ncand = 0;
    for (size_t i = 0; i < body_start; i++) {
        slice caption, credit, name;
        char date[11];
        if (split_caption(p[i], &caption, &credit)) {
            if (!add_caption(a, m, caption, credit))
                return SITREP_ELIMIT;
        } else if (is_byline(p[i], &name)) {
            if (!m->byline && !(m->byline = dup_slice(a, name)))
                return SITREP_ELIMIT;
        } else if (is_date_line(p[i], date)) {
            if (!doc->published && !(doc->published = arena_strndup(a, date, strlen(date))))
                return SITREP_ELIMIT;
        } else if (ncand < ARRAY_LEN(cand)) {
            cand[ncand++] = p[i];
        }
        p[i].len = 0;
    }
    if (ncand > 0) {
        /* the headline: the last line of four or more words, else the longest line */
        size_t head = ncand;
        for (size_t c = ncand; c-- > 0;)
            if (count_words(cand[c]) >= 4) {
                head = c;
                break;
            }
        if (head == ncand) {
            head = 0;
            for (size_t c = 1; c < ncand; c++)
                if (cand[c].len > cand[head].len)
                    head = c;
        }
        if (!m->headline && !(m->headline = dup_slice(a, cand[head])))
            return SITREP_ELIMIT;
        /* the publisher: a line before the headline that repeats, else the first line when
         * it is a short Title Case name */
        size_t pub = ncand;
        for (size_t c = 0; c < head && pub == ncand; c++)
            for (size_t d = c + 1; d < head; d++)
                if (slice_eq(cand[c], cand[d]))
                    pub = c;
        if (pub == ncand && head > 0 && count_words(cand[0]) <= 6 && is_title_case(cand[0]))
            pub = 0;
        slice pub_text = pub < ncand ? cand[pub] : slice_make(NULL, 0);
        if (pub < ncand && !(m->publisher = dup_slice(a, pub_text)))
            return SITREP_ELIMIT;
        /* the tagline: a sentence-like line right after the publisher */
        if (pub < ncand && pub + 1 < head) {
            slice t = cand[pub + 1];
            size_t words = count_words(t);
            if (words >= 3 && words <= 14 && !is_title_case(t) && !slice_eq(t, pub_text) &&
                !(m->tagline = dup_slice(a, t)))
                return SITREP_ELIMIT;
        }
        /* the section: a short label right before the headline */
        if (head > 0) {
            slice s = cand[head - 1];
            bool is_tagline =
                m->tagline && s.len == strlen(m->tagline) && memcmp(s.ptr, m->tagline, s.len) == 0;
            if (count_words(s) <= 4 && !slice_eq(s, pub_text) && !is_tagline &&
                !(m->section = dup_slice(a, s)))
                return SITREP_ELIMIT;
        }
    }

    /* captions inside the body */
    for (size_t i = body_start; i < n; i++) {
        slice caption, credit;
        if (p[i].len && split_caption(p[i], &caption, &credit)) {
            if (!add_caption(a, m, caption, credit))
                return SITREP_ELIMIT;
            p[i].len = 0;
        }
    }

    /* the author's biography: one of the last two paragraphs */
    for (size_t back = 0; back < 2 && back < n; back++) {
        size_t i = n - 1 - back;
        if (i < body_start || !p[i].len)
            continue;
        slice name;
        if (is_author_bio(p[i], &name)) {
            if (!(m->bio = dup_slice(a, p[i])))
                return SITREP_ELIMIT;
            if (!m->byline && !(m->byline = dup_slice(a, name)))
                return SITREP_ELIMIT;
            for (size_t k = i; k < n; k++)
                p[k].len = 0; /* the bio and anything after it */
            break;
        }
    }
    return SITREP_OK;
}

sitrep_status ingest_text(arena *a, const char *bytes, size_t length, const ingest_options *options,
                          document *doc)
{
    memset(doc, 0, sizeof *doc);
    bool truncated = false;
    if (length > INGEST_MAX_BODY) {
        length = INGEST_MAX_BODY;
        truncated = true;
    }
    size_t bom = 0, n = 0;
    const char *charset = NULL;
    if (!options || !options->unicode) {
        charset = ingest_text_charset(bytes, length, &bom);
        bytes += bom;
        length -= bom;
        /* UTF-16 and UTF-32 come in whole units: a stray final newline byte is one that a
         * line-by-line reader appended (a file read as lines gets a "\n" after its last) */
        size_t unit = !charset                             ? 1
                      : strncmp(charset, "UTF-16", 6) == 0 ? 2
                      : strncmp(charset, "UTF-32", 6) == 0 ? 4
                                                           : 1;
        while (length % unit && bytes[length - 1] == '\n')
            length--;
    }
    char *text;
    sitrep_status status = ingest_to_utf8(a, charset, bytes, length, &text, &n, &doc->warnings);
    if (status)
        return status;
    if (charset && !bom) {
        const char *msg = arena_printf(a, "not UTF-8: read as %s", charset);
        warning_add(&doc->warnings, "encoding", msg ? msg : "not UTF-8");
    }
    if (truncated)
        warning_add(&doc->warnings, "truncated", "article longer than 64 MiB was cut");
    n = normalize_newlines(text, n);
    para_list paras = {0};
    if (!split_paragraphs(a, text, n, &paras)) {
        warning_add(&doc->warnings, "truncated", "too many paragraphs; the rest is dropped");
    }
    if (options && options->detect_chrome && (status = detect_chrome(a, &paras, doc)))
        return status;
    return ingest_set_body(a, doc, paras.items, paras.count);
}
