/* tags.c (export) - the `sitrep tag` format: tokens with their part-of-speech tags as
 * CoNLL-U-like lines, one block per sentence, for reading and checking the tagger.
 */
#include "export.h"
#include "../syntax/syntax.h"

/* Appends s with tabs and line breaks as spaces (CoNLL-U fields and comments are one line). */
static sitrep_status append_flat(buf *out, const char *s, size_t length)
{
    size_t from = out->len;
    sitrep_status status = buf_append(out, s, length);
    for (size_t k = from; k < out->len && !status; k++)
        if (out->data[k] == '\n' || out->data[k] == '\t' || out->data[k] == '\r')
            out->data[k] = ' ';
    return status;
}

sitrep_status export_tags(buf *out, const article *art, const tagger *model)
{
    const text_result *t = &art->text;
    const char *id = art->doc->id ? art->doc->id : "";
    sitrep_status status = SITREP_OK;
    for (size_t i = 0; i < t->nsentences && !status; i++) {
        const sentence *s = &t->sentences[i];
        status = buf_printf(out, "%s# sent_id = %s-%zu\n# text = ", i ? "\n" : "", id, i + 1);
        if (!status)
            status = append_flat(out, t->text + s->start, s->end - s->start);
        for (uint32_t k = 0; k < s->ntokens && !status; k++) {
            const token *tok = &t->tokens[s->first_token + k];
            slice form = token_text(t, tok);
            status = buf_printf(out, "\n%u\t", k + 1);
            if (!status)
                status = append_flat(out, form.ptr, form.len);
            if (!status && tok->deprel)
                status = buf_printf(out, "\t_\t%s\t%s\t_\t%u\t%s\t_\t_", upos_name(tok->upos),
                                    tagger_xpos_name(model, tok->xpos), tok->head,
                                    dep_relation_name(tok->deprel));
            else if (!status)
                status = buf_printf(out, "\t_\t%s\t%s\t_\t_\t_\t_\t_", upos_name(tok->upos),
                                    tagger_xpos_name(model, tok->xpos));
        }
        if (!status)
            status = buf_append_char(out, '\n');
    }
    return status;
}
