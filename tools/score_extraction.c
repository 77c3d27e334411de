/* score_extraction.c - scores article extraction the way article-extraction-benchmark does.
 *
 * Usage: score_extraction GROUND_TRUTH.json HTML_DIR      (runs ingest_html on HTML_DIR/ID.html)
 *        score_extraction GROUND_TRUTH.json --peer OUT.json  (scores a peer's recorded output)
 *        score_extraction --dump HTML_DIR/ID.html          (prints the extracted body)
 *        score_extraction --meta PAGES_DIR   (readability test pages: DIR/NAME/source.html vs
 *                                             expected-metadata.json title and byline)
 *        score_extraction --meta-evaldata EVALDATA.json DIR   (trafilatura's evaluation data:
 *                                             its "author" per page vs our byline; DIR holds
 *                                             the pages decompressed)
 * Metric (the benchmark's evaluate.py, reproduced): tokens are runs of Unicode word characters
 * (letters, digits, underscore - Python's \w); shingles are word 4-grams (a shorter text is one
 * shingle); per page tp/fp/fn are multiset overlaps normalised by their sum; precision and
 * recall are averaged over the pages where they are defined and F1 is computed from the two
 * averages. Prints "html: F1 x P x R x on N pages".
 */
#include "base/base.h"
#include "ingest/ingest.h"

#include <cjson/cJSON.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unicode/uchar.h>
#include <unistd.h>

#define SHINGLE_N 4

typedef struct token {
    const char *p;
    size_t n;
} token;

static bool word_char(uint32_t c)
{
    if (c == '_')
        return true;
    switch (u_charType((UChar32)c)) {
    case U_UPPERCASE_LETTER:
    case U_LOWERCASE_LETTER:
    case U_TITLECASE_LETTER:
    case U_MODIFIER_LETTER:
    case U_OTHER_LETTER:
    case U_DECIMAL_DIGIT_NUMBER:
    case U_LETTER_NUMBER:
    case U_OTHER_NUMBER:
        return true;
    default:
        return false;
    }
}

static size_t tokenize(const char *s, token **out)
{
    size_t n = strlen(s), count = 0, cap = 256;
    token *t = xmalloc(cap * sizeof *t);
    size_t i = 0;
    while (i < n) {
        uint32_t c = 0;
        int len = utf8_decode((const unsigned char *)s + i, n - i, &c);
        if (len <= 0) {
            i++;
            continue;
        }
        if (!word_char(c)) {
            i += (size_t)len;
            continue;
        }
        size_t start = i;
        while (i < n) {
            len = utf8_decode((const unsigned char *)s + i, n - i, &c);
            if (len <= 0 || !word_char(c))
                break;
            i += (size_t)len;
        }
        if (count == cap)
            t = xrealloc(t, (cap *= 2) * sizeof *t);
        t[count].p = s + start;
        t[count].n = i - start;
        count++;
    }
    *out = t;
    return count;
}

/* A shingle is identified by its hash (64-bit collisions ignored). */
typedef struct shingles {
    uint64_t *h;
    size_t n;
} shingles;

static int cmp_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

static shingles make_shingles(const char *text)
{
    token *t;
    size_t nt = tokenize(text, &t);
    shingles s;
    size_t count = nt >= SHINGLE_N ? nt - SHINGLE_N + 1 : (nt ? 1 : 0);
    s.h = xmalloc((count ? count : 1) * sizeof *s.h);
    s.n = count;
    for (size_t i = 0; i < count; i++) {
        uint64_t h = 1469598103934665603ULL;
        for (size_t k = i; k < i + SHINGLE_N && k < nt; k++) {
            h = hash_bytes(t[k].p, t[k].n, h);
            h = hash_bytes("\x1f", 1, h);
        }
        s.h[i] = h;
    }
    qsort(s.h, s.n, sizeof *s.h, cmp_u64);
    free(t);
    return s;
}

/* Fills tp, fp, fn normalised by their sum. */
static void match(const char *truth, const char *pred, double out[3])
{
    shingles a = make_shingles(truth), b = make_shingles(pred);
    size_t i = 0, j = 0;
    double tp = 0, fp = 0, fn = 0;
    while (i < a.n || j < b.n) {
        if (j >= b.n || (i < a.n && a.h[i] < b.h[j])) {
            fn++;
            i++;
        } else if (i >= a.n || b.h[j] < a.h[i]) {
            fp++;
            j++;
        } else {
            tp++;
            i++;
            j++;
        }
    }
    double sum = tp + fp + fn;
    out[0] = sum > 0 ? tp / sum : tp;
    out[1] = sum > 0 ? fp / sum : fp;
    out[2] = sum > 0 ? fn / sum : fn;
    free(a.h);
    free(b.h);
}

static char *read_file(const char *path, size_t *len)
{
    char *data = NULL;
    diag d;
    diag_clear(&d);
    if (file_read_all(path, (size_t)512 << 20, &data, len, &d) != SITREP_OK) {
        fprintf(stderr, "score_extraction: %s: %s\n", path, d.message);
        return NULL;
    }
    return data;
}

/* Extracts the body of one page into a heap string ("" when the page cannot be read). */
static char *extract(const char *path)
{
    size_t len = 0;
    char *html = read_file(path, &len);
    if (!html)
        return xstrdup("");
    arena a;
    arena_init(&a, (size_t)1 << 30);
    document doc;
    char *out;
    if (ingest_html(&a, html, len, NULL, &doc) == SITREP_OK)
        out = xstrdup(doc.body);
    else
        out = xstrdup("");
    arena_release(&a);
    free(html);
    return out;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Whitespace collapsed, trimmed; with `byline`, a leading "By", "by", "Written by" or "Par"
 * dropped: Readability's references keep the page's raw text ("By\n\t\t\tScott Cunningham"),
 * sitrep keeps the name. Returns a malloc'd copy. */
static char *normalise(const char *s, bool byline)
{
    char *out = xmalloc(strlen(s) + 1);
    size_t n = 0;
    for (const char *p = s; *p; p++) {
        bool space = *p == ' ' || *p == '\n' || *p == '\t' || *p == '\r';
        if (space && (n == 0 || out[n - 1] == ' '))
            continue;
        out[n++] = space ? ' ' : *p;
    }
    while (n && out[n - 1] == ' ')
        n--;
    out[n] = '\0';
    if (byline) {
        static const char *const prefixes[] = {"Written by ", "By ", "by ", "BY ", "Par ", "par "};
        for (size_t i = 0; i < ARRAY_LEN(prefixes); i++) {
            size_t k = strlen(prefixes[i]);
            if (!strncmp(out, prefixes[i], k)) {
                memmove(out, out + k, n - k + 1);
                break;
            }
        }
    }
    return out;
}

/* Does a value match the reference? An empty or null reference matches no value. */
static bool meta_match(const cJSON *want, const char *got, bool byline, bool normalised)
{
    if (!cJSON_IsString(want) || !want->valuestring[0])
        return got == NULL || (normalised && !got[0]);
    if (!got)
        return false;
    if (!normalised)
        return !strcmp(want->valuestring, got);
    char *a = normalise(want->valuestring, byline), *b = normalise(got, byline);
    bool same = !strcmp(a, b);
    free(a);
    free(b);
    return same;
}

/* Match rates of headline and byline against Readability's expected metadata, exact and
 * normalised (white space collapsed, a leading "By" dropped; an empty reference matches
 * nothing found). */
static int score_meta(const char *dir)
{
    DIR *d = opendir(dir);
    if (!d) {
        fprintf(stderr, "score_extraction: cannot open %s\n", dir);
        return 1;
    }
    char *names[1024];
    size_t count = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL && count < ARRAY_LEN(names))
        if (e->d_name[0] != '.')
            names[count++] = xstrdup(e->d_name);
    closedir(d);
    qsort(names, count, sizeof *names, cmp_str);
    bool verbose = getenv("SCORE_VERBOSE") != NULL;
    size_t pages = 0, titles = 0, bylines = 0, titles_n = 0, bylines_n = 0;
    for (size_t i = 0; i < count; i++) {
        char path[4096];
        size_t len;
        snprintf(path, sizeof path, "%s/%s/expected-metadata.json", dir, names[i]);
        char *text = read_file(path, &len);
        snprintf(path, sizeof path, "%s/%s/source.html", dir, names[i]);
        size_t hlen;
        char *html = text ? read_file(path, &hlen) : NULL;
        cJSON *want = text ? cJSON_Parse(text) : NULL;
        if (want && html) {
            arena a;
            arena_init(&a, (size_t)1 << 30);
            document doc;
            if (ingest_html(&a, html, hlen, NULL, &doc) == SITREP_OK) {
                const cJSON *t = cJSON_GetObjectItemCaseSensitive(want, "title");
                const cJSON *b = cJSON_GetObjectItemCaseSensitive(want, "byline");
                bool tok = cJSON_IsString(t) && doc.meta.headline &&
                           !strcmp(t->valuestring, doc.meta.headline);
                bool bok = cJSON_IsString(b)
                               ? doc.meta.byline && !strcmp(b->valuestring, doc.meta.byline)
                               : doc.meta.byline == NULL;
                bool tn = meta_match(t, doc.meta.headline, false, true);
                bool bn = meta_match(b, doc.meta.byline, true, true);
                titles += tok;
                bylines += bok;
                titles_n += tn;
                bylines_n += bn;
                /* "ok", "near" (a miss only before normalising: white space, "By"), "BAD" */
                if (verbose && (!tok || !bok))
                    printf("%s: title %s [%s] want [%s]; byline %s [%s] want [%s]\n", names[i],
                           tok  ? "ok"
                           : tn ? "near"
                                : "BAD",
                           doc.meta.headline ? doc.meta.headline : "(null)",
                           cJSON_IsString(t) ? t->valuestring : "(null)",
                           bok  ? "ok"
                           : bn ? "near"
                                : "BAD",
                           doc.meta.byline ? doc.meta.byline : "(null)",
                           cJSON_IsString(b) ? b->valuestring : "(null)");
            }
            arena_release(&a);
            pages++;
        }
        cJSON_Delete(want);
        free(text);
        free(html);
        free(names[i]);
    }
    if (!pages) {
        printf("html metadata: no pages in %s\n", dir);
        return 1;
    }
    printf("html metadata: title %.3f byline %.3f exact match on %zu pages\n",
           (double)titles / (double)pages, (double)bylines / (double)pages, pages);
    printf("html metadata: title %.3f byline %.3f normalised (white space, a leading \"By\")\n",
           (double)titles_n / (double)pages, (double)bylines_n / (double)pages);
    return 0;
}

/* A byline reduced for comparison: lower-cased ASCII, white space collapsed, and the words and
 * marks that join names (",", ";", "&", "and", "und", "et", "y") made one separator, so that
 * "Ann Lee and Bo Chan" matches "Ann Lee, Bo Chan". Returns a malloc'd copy. */
static char *names_key(const char *s)
{
    char *flat = normalise(s, true);
    size_t n = strlen(flat);
    char *out = xmalloc(n + 2);
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        char c = flat[i];
        static const char *const joins[] = {" and ", " und ", " et ", " y ", " & "};
        bool joined = false;
        for (size_t j = 0; j < ARRAY_LEN(joins) && !joined; j++) {
            size_t m = strlen(joins[j]);
            if (!strncasecmp(flat + i, joins[j], m)) {
                out[k++] = '|';
                i += m - 1;
                joined = true;
            }
        }
        if (joined)
            continue;
        if (c == ',' || c == ';') {
            out[k++] = '|';
            while (flat[i + 1] == ' ')
                i++;
            continue;
        }
        out[k++] = (char)(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    }
    out[k] = '\0';
    free(flat);
    return out;
}

/* Bylines against trafilatura's evaluation data (evaldata.json: "author" per page, "" when the
 * page names none; pages read from DIR/FILE, decompressed): how often the byline matches
 * (white space and the joining of several names aside), how often one is found where the data
 * has none, and how often none is found where it has one; and the headline against its
 * "title" where it has one (white space aside). */
static int score_evaldata(const char *json_path, const char *dir)
{
    size_t len;
    char *text = read_file(json_path, &len);
    cJSON *data = text ? cJSON_Parse(text) : NULL;
    if (!data) {
        fprintf(stderr, "score_extraction: cannot parse %s\n", json_path);
        free(text);
        return 1;
    }
    bool verbose = getenv("SCORE_VERBOSE") != NULL;
    size_t pages = 0, same = 0, named = 0, named_same = 0, extra = 0, missed = 0, wrong = 0;
    size_t titled = 0, titles = 0;
    const cJSON *item;
    cJSON_ArrayForEach(item, data)
    {
        const cJSON *author = cJSON_GetObjectItemCaseSensitive(item, "author");
        const cJSON *file = cJSON_GetObjectItemCaseSensitive(item, "file");
        if (!cJSON_IsString(author) || !cJSON_IsString(file))
            continue;
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", dir, file->valuestring);
        size_t hlen;
        char *html = access(path, R_OK) == 0 ? read_file(path, &hlen) : NULL;
        if (!html)
            continue;
        arena a;
        arena_init(&a, (size_t)1 << 30);
        document doc;
        if (ingest_html(&a, html, hlen, NULL, &doc) == SITREP_OK) {
            const char *got = doc.meta.byline && *doc.meta.byline ? doc.meta.byline : NULL;
            const char *want = author->valuestring[0] ? author->valuestring : NULL;
            bool ok;
            if (!want || !got) {
                ok = !want && !got;
            } else {
                char *x = names_key(want), *y = names_key(got);
                ok = !strcmp(x, y);
                free(x);
                free(y);
            }
            pages++;
            same += ok;
            named += want != NULL;
            named_same += want && ok;
            extra += got && !want;
            missed += want && !got;
            wrong += want && got && !ok;
            const cJSON *title = cJSON_GetObjectItemCaseSensitive(item, "title");
            if (cJSON_IsString(title) && title->valuestring[0]) {
                titled++;
                bool tok = doc.meta.headline && meta_match(title, doc.meta.headline, false, true);
                titles += tok;
                if (verbose && !tok)
                    printf("%s: title [%s] want [%s]\n", file->valuestring,
                           doc.meta.headline ? doc.meta.headline : "(null)", title->valuestring);
            }
            if (verbose && !ok)
                printf("%s: byline [%s] want [%s]\n", file->valuestring, got ? got : "(null)",
                       want ? want : "(null)");
        }
        arena_release(&a);
        free(html);
    }
    cJSON_Delete(data);
    free(text);
    if (!pages) {
        printf("html bylines: no pages in %s\n", dir);
        return 1;
    }
    printf("html bylines (trafilatura eval): %.3f match on %zu pages; %zu of %zu named found "
           "right, %zu wrong, %zu missed; %zu found where none is named\n",
           (double)same / (double)pages, pages, named_same, named, wrong, missed, extra);
    printf("html titles (trafilatura eval): %.3f match on %zu pages with a title (white space "
           "aside)\n",
           titled ? (double)titles / (double)titled : 0.0, titled);
    return 0;
}

int main(int argc, char **argv)
{
    if (argc == 4 && !strcmp(argv[1], "--meta-evaldata"))
        return score_evaldata(argv[2], argv[3]);
    if (argc == 3 && !strcmp(argv[1], "--meta"))
        return score_meta(argv[2]);
    if (argc == 3 && !strcmp(argv[1], "--dump")) {
        char *body = extract(argv[2]);
        puts(body);
        free(body);
        return 0;
    }
    if (argc != 3 && !(argc == 4 && !strcmp(argv[2], "--peer"))) {
        fputs("usage: score_extraction GROUND_TRUTH.json (HTML_DIR | --peer OUT.json)\n"
              "       score_extraction --dump PAGE.html\n"
              "       score_extraction --meta PAGES_DIR\n"
              "       score_extraction --meta-evaldata EVALDATA.json DIR\n",
              stderr);
        return 2;
    }
    size_t len;
    char *gt_text = read_file(argv[1], &len);
    if (!gt_text)
        return 1;
    cJSON *gt = cJSON_Parse(gt_text);
    cJSON *peer = NULL;
    char *peer_text = NULL;
    if (argc == 4) {
        peer_text = read_file(argv[3], &len);
        peer = peer_text ? cJSON_Parse(peer_text) : NULL;
        if (peer && cJSON_GetObjectItemCaseSensitive(peer, "output"))
            peer = cJSON_DetachItemFromObject(peer, "output"); /* leaks the wrapper: a tool */
        if (!peer) {
            fprintf(stderr, "score_extraction: cannot parse %s\n", argv[3]);
            return 1;
        }
    }
    if (!gt) {
        fprintf(stderr, "score_extraction: cannot parse %s\n", argv[1]);
        return 1;
    }
    bool verbose = getenv("SCORE_VERBOSE") != NULL;
    double psum = 0, rsum = 0;
    size_t pn = 0, rn = 0, pages = 0;
    const cJSON *item;
    cJSON_ArrayForEach(item, gt)
    {
        const cJSON *body = cJSON_GetObjectItemCaseSensitive(item, "articleBody");
        const char *truth = cJSON_IsString(body) ? body->valuestring : "";
        char *pred;
        if (peer) {
            const cJSON *p = cJSON_GetObjectItemCaseSensitive(peer, item->string);
            const cJSON *pb = p ? cJSON_GetObjectItemCaseSensitive(p, "articleBody") : NULL;
            pred = xstrdup(cJSON_IsString(pb) ? pb->valuestring : "");
        } else {
            char path[4096];
            snprintf(path, sizeof path, "%s/%s.html", argv[2], item->string);
            pred = extract(path);
        }
        double m[3];
        match(truth, pred, m);
        double tp = m[0], fp = m[1], fn = m[2];
        double p = -1, r = -1;
        if (tp + fp > 0) {
            p = (fp == 0 && fn == 0) ? 1 : (tp == 0 && fp == 0) ? 0 : tp / (tp + fp);
            psum += p;
            pn++;
        }
        if (tp + fn > 0) {
            r = (fp == 0 && fn == 0) ? 1 : (tp == 0 && fn == 0) ? 0 : tp / (tp + fn);
            rsum += r;
            rn++;
        }
        if (verbose)
            printf("page %s P %.3f R %.3f\n", item->string, p, r);
        free(pred);
        pages++;
    }
    double P = pn ? psum / (double)pn : 0, R = rn ? rsum / (double)rn : 0;
    double F = P + R > 0 ? 2 * P * R / (P + R) : 0;
    printf("html: F1 %.3f P %.3f R %.3f on %zu pages\n", F, P, R, pages);
    cJSON_Delete(gt);
    cJSON_Delete(peer);
    free(gt_text);
    free(peer_text);
    return 0;
}
