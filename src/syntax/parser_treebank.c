/* parser_treebank.c - CoNLL-U for the dependency parser: treebanks read into memory for
 * training and scoring (gold trees checked, non-projective arcs lifted), and
 * parser_parse_conllu, which rewrites a treebank's HEAD and DEPREL columns with our parse.
 * The column splitter here is the one parser.c and parser_train.c share.
 */
#include "syntax.h"

#include <stdlib.h>
#include <string.h>

#define TREEBANK_MAX_TOKENS ((size_t)8 << 20)

/* ---- CoNLL-U in and out ---- */

int parser_conllu_columns(const char *line, size_t length, slice columns[10])
{
    int n = 0;
    size_t start = 0;
    for (size_t i = 0; i <= length && n < 10; i++)
        if (i == length || line[i] == '\t') {
            columns[n++] = slice_make(line + start, i - start);
            start = i + 1;
        }
    return n;
}

sitrep_status parser_parse_conllu(const parser *model, const tagger *tags, const char *data,
                                  size_t length, const char *path, buf *out, diag *d)
{
    tagger_conllu_reader r;
    tagger_conllu_init(&r, data, length, path);
    enum { MAX = TAGGER_CONLLU_MAX_TOKENS };
    tagger_conllu_word *words = xmalloc(MAX * sizeof *words);
    parser_word *input = xmalloc(MAX * sizeof *input);
    slice *forms = xmalloc(MAX * sizeof *forms);
    uint8_t *upos = xmalloc(MAX), *xpos = xmalloc(MAX), *relation = xmalloc(MAX);
    uint16_t *head = xmalloc(MAX * sizeof *head);
    sitrep_status status = SITREP_OK;
    for (;;) {
        size_t n;
        slice block;
        if ((status = tagger_conllu_next(&r, words, MAX, &n, &block, d)))
            break;
        if (block.len == 0)
            break;
        if (tags) {
            for (size_t i = 0; i < n; i++)
                forms[i] = words[i].form;
            tagger_tag_words(tags, forms, n, upos, xpos);
        }
        for (size_t i = 0; i < n; i++) {
            input[i].form = words[i].form;
            if (tags) {
                input[i].upos = upos[i];
                input[i].xpos = slice_from_cstr(tagger_xpos_name(tags, xpos[i]));
            } else {
                input[i].upos = (uint8_t)upos_from_name(words[i].upos.ptr, words[i].upos.len);
                input[i].xpos = words[i].xpos;
            }
        }
        parser_parse_words(model, input, n, head, relation);
        /* Copy the block line by line, rewriting the columns of word lines. */
        const char *p = block.ptr, *end = block.ptr + block.len;
        size_t w = 0;
        while (p < end && !status) {
            const char *nl = memchr(p, '\n', (size_t)(end - p));
            const char *line_end = nl ? nl : end;
            size_t len = (size_t)(line_end - p);
            if (len && p[len - 1] == '\r')
                len--;
            if (w < n && p == words[w].line) {
                slice col[10];
                parser_conllu_columns(p, len, col);
                if (tags) {
                    status = buf_append(out, p, (size_t)(col[3].ptr - p));
                    if (!status)
                        status = buf_printf(out, "%s\t%s\t", upos_name((upos_tag)upos[w]),
                                            tagger_xpos_name(tags, xpos[w]));
                    if (!status)
                        status = buf_append(out, col[5].ptr, col[5].len);
                } else {
                    status = buf_append(out, p, (size_t)(col[5].ptr + col[5].len - p));
                }
                if (!status)
                    status =
                        buf_printf(out, "\t%u\t%s\t_\t", head[w], dep_relation_name(relation[w]));
                if (!status)
                    status = buf_append(out, col[9].ptr, (size_t)(p + len - col[9].ptr));
                w++;
            } else {
                status = buf_append(out, p, len);
            }
            if (!status)
                status = buf_append_char(out, '\n');
            p = nl ? nl + 1 : end;
        }
        if (!status)
            status = buf_append_char(out, '\n');
        if (status) {
            diag_set(d, path, r.line, "output limit reached");
            break;
        }
    }
    free(words);
    free(input);
    free(forms);
    free(upos);
    free(xpos);
    free(relation);
    free(head);
    return status;
}

/* ---- treebanks for training and scoring ---- */

void parser_treebank_release(parser_treebank *t)
{
    free(t->input);
    free(t->head);
    free(t->relation);
    free(t->first);
    memset(t, 0, sizeof *t);
}

/* Whether heads[1..n] (n + 1 = the root) form one tree with a single root word. */
static bool is_tree(const uint16_t *head, size_t n)
{
    size_t roots = 0;
    for (size_t i = 1; i <= n; i++) {
        if (head[i] < 1 || head[i] > n + 1 || head[i] == i)
            return false;
        roots += head[i] == n + 1;
        /* no cycle: the chain of heads reaches the root within n steps */
        size_t k = i, steps = 0;
        while (k != n + 1 && steps++ <= n)
            k = head[k];
        if (k != n + 1)
            return false;
    }
    return roots == 1;
}

/* Whether the arc to d is projective: every word between d and its head descends from it. */
static bool arc_projective(const uint16_t *head, size_t n, size_t d)
{
    size_t h = head[d];
    size_t lo = d < h ? d : h, hi = d < h ? h : d;
    for (size_t k = lo + 1; k < hi; k++) {
        size_t a = k;
        while (a != h && a != n + 1)
            a = head[a];
        if (a != h)
            return false;
    }
    return true;
}

/* Lifts non-projective arcs (the shortest first) to the head's head until the tree is
 * projective, as pseudo-projective parsing does, without encoding the lift in the relation.
 * Returns the number of lifts. */
static size_t projectivize(uint16_t *head, size_t n)
{
    size_t lifts = 0;
    for (;;) {
        size_t pick = 0, shortest = SIZE_MAX;
        for (size_t d = 1; d <= n; d++) {
            size_t h = head[d], len = d < h ? h - d : d - h;
            if (h != n + 1 && len < shortest && !arc_projective(head, n, d)) {
                pick = d;
                shortest = len;
            }
        }
        if (!pick)
            return lifts;
        head[pick] = head[head[pick]];
        lifts++;
    }
}

static bool parse_number(slice s, long *out)
{
    if (s.len == 0 || s.len > 6)
        return false;
    long v = 0;
    for (size_t i = 0; i < s.len; i++) {
        if (s.ptr[i] < '0' || s.ptr[i] > '9')
            return false;
        v = v * 10 + (s.ptr[i] - '0');
    }
    *out = v;
    return true;
}

/* Reads a treebank: tags as given, gold trees (non-projective arcs lifted when `lift`).
 * Sentences that are not one single-rooted tree are skipped and counted. */
sitrep_status parser_treebank_read(const char *path, bool lift, parser_treebank *t, size_t *lifted,
                                   diag *d)
{
    memset(t, 0, sizeof *t);
    char *data;
    size_t length;
    sitrep_status status = tagger_read_file(path, TAGGER_CONLLU_MAX_BYTES, &data, &length, d);
    if (status)
        return status;
    size_t alloc_tokens = 1024, alloc_sent = 256;
    t->input = xmalloc(alloc_tokens * sizeof *t->input);
    t->head = xmalloc(alloc_tokens * sizeof *t->head);
    t->relation = xmalloc(alloc_tokens);
    t->first = xmalloc(alloc_sent * sizeof *t->first);
    enum { MAX = TAGGER_CONLLU_MAX_TOKENS };
    tagger_conllu_word *words = xmalloc(MAX * sizeof *words);
    uint16_t *head = xmalloc((MAX + 2) * sizeof *head);
    tagger_conllu_reader r;
    tagger_conllu_init(&r, data, length, path);
    for (;;) {
        size_t n;
        slice block;
        if ((status = tagger_conllu_next(&r, words, MAX, &n, &block, d)))
            break;
        if (block.len == 0)
            break;
        if (n == 0)
            continue;
        if (t->ntokens + n > TREEBANK_MAX_TOKENS) {
            diag_set(d, path, r.line, "more than %zu tokens", TREEBANK_MAX_TOKENS);
            status = SITREP_ELIMIT;
            break;
        }
        while (t->ntokens + n > alloc_tokens) {
            alloc_tokens *= 2;
            t->input = xrealloc(t->input, alloc_tokens * sizeof *t->input);
            t->head = xrealloc(t->head, alloc_tokens * sizeof *t->head);
            t->relation = xrealloc(t->relation, alloc_tokens);
        }
        if (t->nsentences + 2 > alloc_sent) {
            alloc_sent *= 2;
            t->first = xrealloc(t->first, alloc_sent * sizeof *t->first);
        }
        size_t base = t->ntokens;
        for (size_t i = 0; i < n && !status; i++) {
            slice col[10];
            parser_conllu_columns(words[i].line, words[i].line_len, col);
            long id, h;
            if (!parse_number(col[0], &id) || (size_t)id != i + 1)
                status = diag_set(d, path, words[i].line_no, "word ID '%.*s', expected %zu",
                                  (int)col[0].len, col[0].ptr, i + 1);
            else if (!parse_number(col[6], &h) || (size_t)h > n)
                status = diag_set(d, path, words[i].line_no, "bad HEAD '%.*s'", (int)col[6].len,
                                  col[6].ptr);
            else {
                dep_relation rel = dep_relation_from_name(col[7].ptr, col[7].len);
                if (rel == DEP_NONE)
                    status = diag_set(d, path, words[i].line_no, "unknown relation '%.*s'",
                                      (int)col[7].len, col[7].ptr);
                if ((h == 0) != (rel == DEP_ROOT) && !status)
                    status = diag_set(d, path, words[i].line_no,
                                      "relation 'root' goes with HEAD 0 and only with it");
                upos_tag u = upos_from_name(words[i].upos.ptr, words[i].upos.len);
                parser_input_init(&t->input[base + i], words[i].form, u, words[i].xpos);
                head[i + 1] = h == 0 ? (uint16_t)(n + 1) : (uint16_t)h;
                t->relation[base + i] = (uint8_t)rel;
            }
        }
        if (status)
            break;
        if (!is_tree(head, n)) {
            t->skipped++;
            continue;
        }
        if (lift)
            *lifted += projectivize(head, n);
        for (size_t i = 0; i < n; i++)
            t->head[base + i] = head[i + 1];
        t->first[t->nsentences++] = (uint32_t)base;
        t->ntokens += n;
    }
    t->first[t->nsentences] = (uint32_t)t->ntokens;
    free(words);
    free(head);
    free(data);
    if (status)
        parser_treebank_release(t);
    return status;
}

/* Keeps the words seen at least min_count times, in order of first appearance. */
void parser_vocab_build(const parser_treebank *t, unsigned min_count, parser_vocab *v)
{
    size_t ntable = 1024;
    while (ntable < t->ntokens * 2)
        ntable *= 2;
    uint64_t *keys = xcalloc(ntable, sizeof *keys);
    uint32_t *counts = xcalloc(ntable, sizeof *counts);
    uint32_t *order = xmalloc((t->ntokens + 1) * sizeof *order);
    size_t ntypes = 0;
    for (size_t i = 0; i < t->ntokens; i++) {
        uint64_t k = t->input[i].word;
        size_t s = (size_t)(k >> 40) & (ntable - 1);
        while (keys[s] && keys[s] != k)
            s = (s + 1) & (ntable - 1);
        if (!keys[s]) {
            keys[s] = k;
            order[ntypes++] = (uint32_t)s;
        }
        counts[s]++;
    }
    size_t kept = 0;
    for (size_t i = 0; i < ntypes; i++)
        kept += counts[order[i]] >= min_count;
    v->nslots = 2;
    while (v->nslots < kept * 2 + 2)
        v->nslots *= 2;
    v->nwords = (uint32_t)kept;
    v->keys = xcalloc(v->nslots, sizeof *v->keys);
    for (size_t i = 0; i < ntypes; i++) {
        if (counts[order[i]] < min_count)
            continue;
        uint64_t k = keys[order[i]];
        size_t s = (size_t)(k >> 40) & (v->nslots - 1);
        while (v->keys[s])
            s = (s + 1) & (v->nslots - 1);
        v->keys[s] = k;
    }
    free(keys);
    free(counts);
    free(order);
}

/* The relations of the training trees by direction: left arcs (a word left of its head; the
 * root arc among them, as the root ends the buffer) and right arcs. */
void parser_relations_build(const parser_treebank *t, uint64_t relations[PARSER_MOVES])
{
    uint64_t left = 0, right = 0;
    for (size_t s = 0; s < t->nsentences; s++)
        for (size_t i = t->first[s]; i < t->first[s + 1]; i++) {
            size_t pos = i - t->first[s] + 1;
            if (t->head[i] > pos)
                left |= (uint64_t)1 << t->relation[i];
            else
                right |= (uint64_t)1 << t->relation[i];
        }
    relations[PARSER_SHIFT] = 0;
    relations[PARSER_LEFT] = left | (uint64_t)1 << DEP_ROOT;
    relations[PARSER_RIGHT] = right & ~((uint64_t)1 << DEP_ROOT);
}
