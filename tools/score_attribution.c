/* score_attribution.c - scores sitrep's attribution frames against PolNeAR annotations.
 *
 * usage: score_attribution TEXT_DIR ANN_DIR JSON_DIR [SPLIT]
 * For every NAME_ANNOTATOR.ann in ANN_DIR it reads the article TEXT_DIR/NAME.txt and sitrep's
 * output JSON_DIR/NAME_ANNOTATOR.json (`sitrep code --no-chrome`). Spans are compared on the
 * sequence of non-space characters (so white-space differences between the file and sitrep's body
 * do not matter; where normalisation changed a character the two sequences are aligned), with
 * quotation marks and punctuation at span edges ignored. For each role
 * (source, cue, content) it prints precision, recall and F1 of exact and of overlapping spans.
 * Frames inside another frame's content ("within") are left out: PolNeAR labels each token
 * once, so it never draws them. With $SCORE_ATTRIBUTION_DUMP set to a file name, every missed
 * gold span and every wrong prediction is written there with its text and the overlapping span
 * of the other side, the byte offset of the span in the file, and the non-space character ranges
 * of the span and its partner (-1 -1 for none), the roles of the other side's spans it
 * overlaps (S, Q for cue, C), for sorting errors by cause (missed, spurious,
 * edge too far left or right); the file stays outside the repository.
 */
#include "base/base.h"

#include <cjson/cJSON.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { ROLE_SOURCE, ROLE_CUE, ROLE_CONTENT, ROLES };
static const char *const role_names[ROLES] = {"source", "cue", "content"};

typedef struct nspan {
    long start, end; /* non-space character indexes, [start, end] inclusive; -1 when empty */
} nspan;

typedef struct span_list {
    nspan *items;
    size_t count, cap;
} span_list;

static void push(span_list *l, nspan s)
{
    if (s.start < 0 || s.end < s.start)
        return;
    if (l->count == l->cap) {
        l->cap = l->cap ? l->cap * 2 : 64;
        l->items = xrealloc(l->items, l->cap * sizeof *l->items);
    }
    l->items[l->count++] = s;
}

/* For each code point of s: its non-space index (or -1 for white space), and for each byte
 * offset the code point index. */
typedef struct mapping {
    long *by_codepoint; /* non-space index of code point k, -1 for space */
    long *by_byte;      /* code point index of byte b */
    uint32_t *chars;    /* code point k */
    size_t ncodepoints;
} mapping;

static bool is_space_cp(uint32_t cp)
{
    return cp == ' ' || cp == '\n' || cp == '\t' || cp == '\r' || cp == 0xA0 || cp == 0x2009 ||
           cp == 0x200B || cp == 0x202F;
}

static void map_build(mapping *m, const char *s, size_t n)
{
    m->by_codepoint = xcalloc(n + 1, sizeof(long));
    m->by_byte = xcalloc(n + 1, sizeof(long));
    m->chars = xcalloc(n + 1, sizeof(uint32_t));
    long ns = 0;
    size_t k = 0;
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        int len = utf8_decode((const unsigned char *)s + i, n - i, &cp);
        if (!len) {
            cp = 0xFFFD;
            len = 1;
        }
        for (int b = 0; b < len; b++)
            m->by_byte[i + (size_t)b] = (long)k;
        m->chars[k] = cp;
        m->by_codepoint[k] = is_space_cp(cp) ? -1 : ns++;
        k++;
        i += (size_t)len;
    }
    m->by_byte[n] = (long)k;
    m->ncodepoints = k;
}

static void map_free(mapping *m)
{
    free(m->by_codepoint);
    free(m->by_byte);
    free(m->chars);
}

static bool is_edge_char(uint32_t cp)
{
    return cp == '"' || cp == '\'' || cp == ',' || cp == '.' || cp == ':' || cp == ';' ||
           cp == 0x201C || cp == 0x201D || cp == 0x2018 || cp == 0x2019 || cp == '(' || cp == ')' ||
           cp == '-' || cp == 0x2013 || cp == 0x2014 || is_space_cp(cp);
}

/* Code point range [a, b) -> non-space span with edge punctuation trimmed. */
static nspan to_nspan(const mapping *m, size_t a, size_t b)
{
    while (a < b && is_edge_char(m->chars[a]))
        a++;
    while (b > a && is_edge_char(m->chars[b - 1]))
        b--;
    nspan s = {-1, -1};
    if (a >= b)
        return s;
    s.start = m->by_codepoint[a];
    s.end = m->by_codepoint[b - 1];
    return s;
}

static char *read_file(const char *path, size_t *n)
{
    char *data;
    diag d;
    if (file_read_all(path, (size_t)64 << 20, &data, n, &d))
        return NULL;
    return data;
}

static void read_gold(const char *path, const mapping *m, span_list gold[ROLES])
{
    size_t n;
    char *data = read_file(path, &n);
    if (!data)
        return;
    char *save = NULL;
    for (char *line = strtok_r(data, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
        if (line[0] != 'T')
            continue;
        char *tab = strchr(line, '\t');
        if (!tab)
            continue;
        char type[32];
        int consumed = 0;
        if (sscanf(tab + 1, "%31s%n", type, &consumed) != 1)
            continue;
        int role = strcmp(type, "Source") == 0    ? ROLE_SOURCE
                   : strcmp(type, "Cue") == 0     ? ROLE_CUE
                   : strcmp(type, "Content") == 0 ? ROLE_CONTENT
                                                  : -1;
        if (role < 0)
            continue;
        /* offsets: "A B" or "A B;C D" (discontinuous): take the hull */
        char *p = tab + 1 + consumed;
        long lo = -1, hi = -1, a, b;
        int used;
        while (sscanf(p, " %ld %ld%n", &a, &b, &used) == 2) {
            if (lo < 0 || a < lo)
                lo = a;
            if (b > hi)
                hi = b;
            p += used;
            if (*p == ';')
                p++;
            else
                break;
        }
        if (lo < 0 || (size_t)hi > m->ncodepoints)
            continue;
        push(&gold[role], to_nspan(m, (size_t)lo, (size_t)hi));
    }
    free(data);
}

static nspan json_span(const mapping *m, const cJSON *obj)
{
    nspan none = {-1, -1};
    const cJSON *start = cJSON_GetObjectItemCaseSensitive(obj, "start");
    const cJSON *end = cJSON_GetObjectItemCaseSensitive(obj, "end");
    if (!cJSON_IsNumber(start) || !cJSON_IsNumber(end))
        return none;
    return to_nspan(m, (size_t)m->by_byte[(size_t)start->valuedouble],
                    (size_t)m->by_byte[(size_t)end->valuedouble]);
}

static void read_predicted(const char *path, span_list pred[ROLES], mapping *body_map,
                           char **body_out)
{
    size_t n;
    char *data = read_file(path, &n);
    if (!data)
        return;
    cJSON *root = cJSON_Parse(data);
    free(data);
    if (!root)
        return;
    /* rebuild the body from the sentences' offsets is not possible in general; the output
     * carries sentence texts with offsets, which is enough to rebuild it byte for byte */
    const cJSON *sentences = cJSON_GetObjectItemCaseSensitive(root, "sentences");
    size_t body_len = 0;
    const cJSON *s;
    cJSON_ArrayForEach(s, sentences)
    {
        size_t e = (size_t)cJSON_GetObjectItemCaseSensitive(s, "end")->valuedouble;
        if (e > body_len)
            body_len = e;
    }
    char *body = xcalloc(body_len + 1, 1);
    memset(body, ' ', body_len);
    cJSON_ArrayForEach(s, sentences)
    {
        size_t st = (size_t)cJSON_GetObjectItemCaseSensitive(s, "start")->valuedouble;
        const char *t = cJSON_GetObjectItemCaseSensitive(s, "text")->valuestring;
        memcpy(body + st, t, strlen(t));
    }
    map_build(body_map, body, body_len);
    const cJSON *frames = cJSON_GetObjectItemCaseSensitive(root, "attributions");
    const cJSON *f;
    cJSON_ArrayForEach(f, frames)
    {
        /* PolNeAR gives each token one label, so a frame inside another's content ("He said
         * officials believe ...": "officials believe") is never drawn: compare outer frames */
        if (cJSON_IsNumber(cJSON_GetObjectItemCaseSensitive(f, "within")))
            continue;
        const char *keys[ROLES] = {"source", "cue", "content"};
        for (int r = 0; r < ROLES; r++) {
            const cJSON *obj = cJSON_GetObjectItemCaseSensitive(f, keys[r]);
            if (!cJSON_IsObject(obj))
                continue;
            nspan sp = json_span(body_map, obj);
            /* “A,” he said. “B.”: PolNeAR draws one content over both parts (the scorer takes
             * the hull of a discontinuous span on both sides) */
            const cJSON *more = cJSON_GetObjectItemCaseSensitive(f, "continuation");
            if (r == ROLE_CONTENT && cJSON_IsObject(more)) {
                nspan m = json_span(body_map, more);
                if (m.start >= 0 && sp.start >= 0 && m.end > sp.end)
                    sp.end = m.end;
            }
            /* "which he said was ...": PolNeAR's content runs from the relative word */
            const cJSON *lead = cJSON_GetObjectItemCaseSensitive(f, "fronted");
            if (r == ROLE_CONTENT && cJSON_IsObject(lead)) {
                nspan m = json_span(body_map, lead);
                if (m.start >= 0 && sp.start >= 0 && m.start < sp.start)
                    sp.start = m.start;
            }
            push(&pred[r], sp);
        }
    }
    cJSON_Delete(root);
    *body_out = body;
}

/* The non-space code points of a text, in order. */
static uint32_t *nonspace_chars(const mapping *m, long *count)
{
    uint32_t *out = xcalloc(m->ncodepoints + 1, sizeof *out);
    long n = 0;
    for (size_t k = 0; k < m->ncodepoints; k++)
        if (m->by_codepoint[k] >= 0)
            out[n++] = m->chars[k];
    *count = n;
    return out;
}

/* Maps the body's non-space indexes to the file's. The two sequences hold the same characters
 * except where sitrep's normalisation changed the text (NFC joins "A" + U+0303 into one code
 * point; a byte-order mark or an escape character is dropped): at a difference the walk resyncs
 * on the nearest point where four characters agree again. Returns the map (xmalloc'd, one
 * entry per body index) and the number of body characters that matched nothing. */
static long *align_nonspace(const mapping *body, const mapping *file, long *unmatched)
{
    long nb, nf;
    uint32_t *b = nonspace_chars(body, &nb), *f = nonspace_chars(file, &nf);
    long *map = xcalloc((size_t)nb + 1, sizeof *map);
    long i = 0, j = 0;
    *unmatched = 0;
    while (i < nb && j < nf) {
        if (b[i] == f[j]) {
            map[i++] = j++;
            continue;
        }
        long best_i = -1, best_j = -1;
        for (long total = 1; total <= 16 && best_i < 0; total++)
            for (long di = 0; di <= total && best_i < 0; di++) {
                long dj = total - di, k = 0;
                while (k < 4 && i + di + k < nb && j + dj + k < nf &&
                       b[i + di + k] == f[j + dj + k])
                    k++;
                if (k == 4 || (k > 0 && (i + di + k == nb || j + dj + k == nf))) {
                    best_i = i + di;
                    best_j = j + dj;
                }
            }
        if (best_i < 0) { /* no resync nearby: take it as a substitution */
            best_i = i + 1;
            best_j = j + 1;
        }
        for (; i < best_i; i++) {
            map[i] = j < nf ? j : nf - 1;
            ++*unmatched;
        }
        j = best_j;
    }
    for (; i < nb; i++)
        map[i] = nf > 0 ? nf - 1 : 0;
    map[nb] = nf;
    free(b);
    free(f);
    return map;
}

static long nonspace_total(const mapping *m)
{
    long n = 0;
    for (size_t k = 0; k < m->ncodepoints; k++)
        n += m->by_codepoint[k] >= 0;
    return n;
}

static void map_spans(span_list *l, const long *map)
{
    for (size_t k = 0; k < l->count; k++) {
        l->items[k].start = map[l->items[k].start];
        l->items[k].end = map[l->items[k].end];
    }
}

typedef struct tally {
    long pred, gold, pred_exact, gold_exact, pred_overlap, gold_overlap;
} tally;

static bool overlaps(nspan a, nspan b)
{
    return a.start <= b.end && b.start <= a.end;
}

static void score(const span_list *pred, const span_list *gold, tally *t)
{
    t->pred += (long)pred->count;
    t->gold += (long)gold->count;
    for (size_t i = 0; i < pred->count; i++) {
        bool exact = false, over = false;
        for (size_t j = 0; j < gold->count; j++) {
            exact |= pred->items[i].start == gold->items[j].start &&
                     pred->items[i].end == gold->items[j].end;
            over |= overlaps(pred->items[i], gold->items[j]);
        }
        t->pred_exact += exact;
        t->pred_overlap += over;
    }
    for (size_t j = 0; j < gold->count; j++) {
        bool exact = false, over = false;
        for (size_t i = 0; i < pred->count; i++) {
            exact |= pred->items[i].start == gold->items[j].start &&
                     pred->items[i].end == gold->items[j].end;
            over |= overlaps(pred->items[i], gold->items[j]);
        }
        t->gold_exact += exact;
        t->gold_overlap += over;
    }
}

static void print_prf(const char *what, long pred_ok, long pred, long gold_ok, long gold)
{
    double p = pred ? (double)pred_ok / (double)pred : 0,
           r = gold ? (double)gold_ok / (double)gold : 0;
    double f = p + r > 0 ? 2 * p * r / (p + r) : 0;
    printf(" %s P %.3f R %.3f F1 %.3f", what, p, r, f);
}

static int compare_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* NAME_ef2d -> NAME (annotation files carry the annotator's id). */
static void article_of(const char *name, char *out, size_t n)
{
    snprintf(out, n, "%s", name);
    char *underscore = strrchr(out, '_');
    if (underscore)
        *underscore = '\0';
}

/* Human agreement: for the articles several people annotated, every annotator's spans scored
 * against every other's (ordered pairs, so precision = recall). The ceiling a system can be
 * expected to reach. */
static void agreement(const char *text_dir, const char *ann_dir, char **names, size_t count)
{
    tally totals[ROLES] = {{0}};
    long articles = 0;
    for (size_t i = 0; i < count;) {
        char article[512], other[512];
        article_of(names[i], article, sizeof article);
        size_t j = i + 1;
        while (j < count &&
               (article_of(names[j], other, sizeof other), strcmp(article, other) == 0))
            j++;
        if (j - i >= 2) {
            char path[1200];
            size_t n;
            snprintf(path, sizeof path, "%s/%s.txt", text_dir, article);
            char *text = read_file(path, &n);
            if (text) {
                mapping file_map;
                map_build(&file_map, text, n);
                size_t k = j - i;
                span_list(*gold)[ROLES] = xcalloc(k, sizeof *gold);
                for (size_t a = 0; a < k; a++) {
                    snprintf(path, sizeof path, "%s/%s.ann", ann_dir, names[i + a]);
                    read_gold(path, &file_map, gold[a]);
                }
                for (size_t a = 0; a < k; a++)
                    for (size_t b = 0; b < k; b++)
                        for (int r = 0; a != b && r < ROLES; r++)
                            score(&gold[a][r], &gold[b][r], &totals[r]);
                for (size_t a = 0; a < k; a++)
                    for (int r = 0; r < ROLES; r++)
                        free(gold[a][r].items);
                free(gold);
                map_free(&file_map);
                free(text);
                articles++;
            }
        }
        i = j;
    }
    if (!articles)
        return;
    printf("attribution: human agreement on %ld articles several people annotated:", articles);
    for (int r = 0; r < ROLES; r++) {
        const tally *t = &totals[r];
        double exact = t->pred ? (double)t->pred_exact / (double)t->pred : 0;
        double over = t->pred ? (double)t->pred_overlap / (double)t->pred : 0;
        printf(" %s %.3f (overlap %.3f)%s", role_names[r], exact, over, r + 1 < ROLES ? "," : "\n");
    }
}

/* The text of non-space span s of the file, white space included, into out. */
static size_t span_text(const mapping *m, const char *text, nspan s, char *out, size_t n)
{
    long a = -1, b = -1;
    for (size_t k = 0; k < m->ncodepoints; k++) {
        if (m->by_codepoint[k] == s.start && a < 0)
            a = (long)k;
        if (m->by_codepoint[k] == s.end)
            b = (long)k;
    }
    out[0] = '\0';
    if (a < 0 || b < a)
        return 0;
    /* code point index -> byte offset: walk the text */
    size_t byte = 0, bytes_a = 0, bytes_b = 0, total = strlen(text);
    for (long k = 0; k <= b && byte < total; k++) {
        if (k == a)
            bytes_a = byte;
        uint32_t cp;
        int len = utf8_decode((const unsigned char *)text + byte, total - byte, &cp);
        byte += len ? (size_t)len : 1;
        bytes_b = byte;
    }
    size_t len = bytes_b - bytes_a;
    if (len >= n)
        len = n - 1;
    memcpy(out, text + bytes_a, len);
    out[len] = '\0';
    for (char *c = out; *c; c++)
        if (*c == '\n' || *c == '\t')
            *c = ' ';
    return bytes_a;
}

/* Writes the spans of one side that have no exact partner on the other, with the text of the
 * overlapping partner if any. */
static void dump_side(FILE *out, const char *name, const char *role, const char *kind,
                      const span_list *side, const span_list *other, const span_list *all_other,
                      const mapping *m, const char *text)
{
    static char a[4096], b[4096];
    for (size_t i = 0; i < side->count; i++) {
        bool exact = false;
        long partner = -1;
        for (size_t j = 0; j < other->count; j++) {
            if (side->items[i].start == other->items[j].start &&
                side->items[i].end == other->items[j].end)
                exact = true;
            else if (partner < 0 && overlaps(side->items[i], other->items[j]))
                partner = (long)j;
        }
        if (exact)
            continue;
        size_t at = span_text(m, text, side->items[i], a, sizeof a);
        b[0] = '\0';
        if (partner >= 0)
            span_text(m, text, other->items[partner], b, sizeof b);
        nspan o = partner >= 0 ? other->items[partner] : (nspan){-1, -1};
        /* the roles of the other side's spans it overlaps, any role */
        char roles[32] = "";
        for (int r = 0; r < ROLES; r++)
            for (size_t j = 0; j < all_other[r].count; j++)
                if (overlaps(side->items[i], all_other[r].items[j])) {
                    strcat(roles, role_names[r][0] == 's'   ? "S"
                                  : role_names[r][1] == 'u' ? "Q"
                                                            : "C");
                    break;
                }
        fprintf(out, "%s\t%s\t%s\t%s\t%s\t%zu\t%ld\t%ld\t%ld\t%ld\t%s\n", kind, role, name, a, b,
                at, side->items[i].start, side->items[i].end, o.start, o.end, roles);
    }
}

int main(int argc, char **argv)
{
    if (argc != 4 && argc != 5) {
        fprintf(stderr, "usage: score_attribution TEXT_DIR ANN_DIR JSON_DIR [SPLIT]\n");
        return 2;
    }
    DIR *dir = opendir(argv[2]);
    if (!dir) {
        perror(argv[2]);
        return 1;
    }
    char **names = NULL;
    size_t count = 0, cap = 0;
    struct dirent *e;
    while ((e = readdir(dir))) {
        size_t len = strlen(e->d_name);
        if (len < 5 || len > 500 || strcmp(e->d_name + len - 4, ".ann") != 0)
            continue;
        if (count == cap) {
            cap = cap ? cap * 2 : 256;
            names = xrealloc(names, cap * sizeof *names);
        }
        names[count] = xmalloc(len - 3);
        snprintf(names[count], len - 3, "%.*s", (int)(len - 4), e->d_name);
        count++;
    }
    closedir(dir);
    if (count)
        qsort(names, count, sizeof *names, compare_names);
    tally totals[ROLES] = {{0}};
    long files = 0, misaligned = 0;
    const char *dump_path = getenv("SCORE_ATTRIBUTION_DUMP");
    FILE *dump = dump_path && *dump_path ? fopen(dump_path, "w") : NULL;
    if (dump_path && *dump_path && !dump)
        perror(dump_path);
    for (size_t i = 0; i < count; i++) {
        const char *name = names[i];
        char path[1200], article_name[512];
        size_t n;
        article_of(name, article_name, sizeof article_name);
        snprintf(path, sizeof path, "%s/%s.txt", argv[1], article_name);
        char *text = read_file(path, &n);
        if (!text)
            continue;
        mapping file_map;
        map_build(&file_map, text, n);
        span_list gold[ROLES] = {{0}}, pred[ROLES] = {{0}};
        snprintf(path, sizeof path, "%s/%s.ann", argv[2], name);
        read_gold(path, &file_map, gold);
        mapping body_map = {0};
        char *body = NULL;
        snprintf(path, sizeof path, "%s/%s.json", argv[3], name);
        read_predicted(path, pred, &body_map, &body);
        if (body) {
            long unmatched;
            long *map = align_nonspace(&body_map, &file_map, &unmatched);
            for (int r = 0; r < ROLES; r++)
                map_spans(&pred[r], map);
            free(map);
            if (unmatched > 16 && unmatched * 50 > nonspace_total(&body_map)) {
                misaligned++;
                fprintf(stderr,
                        "score_attribution: %s: %ld characters of the body match nothing in %s\n",
                        name, unmatched, article_name);
            }
        }
        for (int r = 0; dump && r < ROLES; r++) {
            dump_side(dump, name, role_names[r], "MISS", &gold[r], &pred[r], pred, &file_map, text);
            dump_side(dump, name, role_names[r], "WRONG", &pred[r], &gold[r], gold, &file_map,
                      text);
        }
        for (int r = 0; r < ROLES; r++) {
            score(&pred[r], &gold[r], &totals[r]);
            free(gold[r].items);
            free(pred[r].items);
        }
        files++;
        map_free(&file_map);
        if (body) {
            map_free(&body_map);
            free(body);
        }
        free(text);
    }
    for (int r = 0; r < ROLES; r++) {
        tally *t = &totals[r];
        printf("attribution %-7s (%ld gold, %ld predicted):", role_names[r], t->gold, t->pred);
        print_prf("exact", t->pred_exact, t->pred, t->gold_exact, t->gold);
        print_prf(" | overlap", t->pred_overlap, t->pred, t->gold_overlap, t->gold);
        printf("\n");
    }
    printf("attribution: %ld articles (PolNeAR %s split)%s\n", files, argc == 5 ? argv[4] : "test",
           misaligned
               ? "; WARNING: some bodies differ from their files in more than 2% of characters"
               : "");
    if (dump)
        fclose(dump);
    agreement(argv[1], argv[2], names, count);
    for (size_t i = 0; i < count; i++)
        free(names[i]);
    free(names);
    return 0;
}
