/* tagger_conllu.c - CoNLL-U for the part-of-speech tagger: reads sentences of a treebank
 * (tagger_conllu_next, used by training and evaluation) and rewrites the UPOS and XPOS
 * columns of a file with the tagger's tags (tagger_tag_conllu, `sitrep tag --conllu`).
 */
#include "syntax.h"

#include <stdlib.h>
#include <string.h>

void tagger_conllu_init(tagger_conllu_reader *r, const char *data, size_t length, const char *path)
{
    r->pos = data;
    r->end = data + length;
    r->path = path;
    r->line = 0;
}

/* Splits a line into at most 10 tab-separated columns; returns how many. */
static int split_columns(const char *line, size_t length, slice columns[10])
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

sitrep_status tagger_conllu_next(tagger_conllu_reader *r, tagger_conllu_word *words, size_t max,
                                 size_t *n, slice *block, diag *d)
{
    *n = 0;
    *block = slice_make(r->pos, 0);
    /* Skip blank lines between sentences. */
    while (r->pos < r->end) {
        const char *nl = memchr(r->pos, '\n', (size_t)(r->end - r->pos));
        const char *line_end = nl ? nl : r->end;
        size_t len = (size_t)(line_end - r->pos);
        if (len && r->pos[len - 1] == '\r')
            len--;
        if (len != 0)
            break;
        r->line++;
        r->pos = nl ? nl + 1 : r->end;
    }
    const char *start = r->pos;
    const char *last_end = r->pos;
    while (r->pos < r->end) {
        const char *nl = memchr(r->pos, '\n', (size_t)(r->end - r->pos));
        const char *line_end = nl ? nl : r->end;
        const char *line = r->pos;
        size_t len = (size_t)(line_end - line);
        if (len && line[len - 1] == '\r')
            len--;
        if (len == 0)
            break;
        r->line++;
        r->pos = nl ? nl + 1 : r->end;
        last_end = line + len;
        if (line[0] == '#')
            continue;
        slice col[10];
        if (split_columns(line, len, col) < 10)
            return diag_set(d, r->path, r->line,
                            "expected 10 tab-separated columns in a CoNLL-U word line");
        bool range = memchr(col[0].ptr, '-', col[0].len) || memchr(col[0].ptr, '.', col[0].len);
        if (range)
            continue;
        if (col[0].len == 0 || col[1].len == 0)
            return diag_set(d, r->path, r->line, "empty ID or FORM column");
        if (*n >= max) {
            diag_set(d, r->path, r->line, "sentence longer than %zu words", max);
            return SITREP_ELIMIT;
        }
        tagger_conllu_word *w = &words[(*n)++];
        w->form = col[1];
        w->upos = col[3];
        w->xpos = col[4];
        w->line = line;
        w->line_len = len;
        w->line_no = r->line;
    }
    *block = slice_make(start, (size_t)(last_end - start));
    return SITREP_OK;
}

sitrep_status tagger_tag_conllu(const tagger *model, const char *data, size_t length,
                                const char *path, buf *out, diag *d)
{
    tagger_conllu_reader r;
    tagger_conllu_init(&r, data, length, path);
    tagger_conllu_word *words = xmalloc(TAGGER_CONLLU_MAX_TOKENS * sizeof *words);
    slice *forms = xmalloc(TAGGER_CONLLU_MAX_TOKENS * sizeof *forms);
    uint8_t *upos = xmalloc(TAGGER_CONLLU_MAX_TOKENS);
    uint8_t *xpos = xmalloc(TAGGER_CONLLU_MAX_TOKENS);
    sitrep_status status = SITREP_OK;
    for (;;) {
        size_t n;
        slice block;
        if ((status = tagger_conllu_next(&r, words, TAGGER_CONLLU_MAX_TOKENS, &n, &block, d)))
            break;
        if (block.len == 0)
            break;
        for (size_t i = 0; i < n; i++)
            forms[i] = words[i].form;
        tagger_tag_words(model, forms, n, upos, xpos);
        /* Copy the block line by line, rewriting columns 4 and 5 of word lines. */
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
                split_columns(p, len, col);
                const char *after = col[5].ptr; /* from column 6 to the end of the line */
                status = buf_append(out, p, (size_t)(col[3].ptr - p));
                if (!status)
                    status = buf_printf(out, "%s\t%s\t", upos_name((upos_tag)upos[w]),
                                        tagger_xpos_name(model, xpos[w]));
                if (!status)
                    status = buf_append(out, after, (size_t)(p + len - after));
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
    free(forms);
    free(upos);
    free(xpos);
    return status;
}
