/* sentences.c (export) - the `sitrep sentences` debugging format: one sentence per line. Part
 * of the sink; the pipeline stops after the text stage for it (PIPELINE_TEXT).
 */
#include "export.h"

#include <string.h>

sitrep_status export_sentences(buf *out, const article *art)
{
    const text_result *t = &art->text;
    const char *id = art->doc->id ? art->doc->id : "";
    sitrep_status status = SITREP_OK;
    for (size_t i = 0; i < t->nsentences && !status; i++) {
        const sentence *s = &t->sentences[i];
        if (i > 0)
            status = buf_append_char(out, '\n');
        if (!status)
            status = buf_printf(out, "%s\t%zu\t%u\t%u\t", id, i, s->start, s->end);
        if (status)
            break;
        size_t from = out->len;
        status = buf_append(out, t->text + s->start, s->end - s->start);
        for (size_t k = from; k < out->len && !status; k++)
            if (out->data[k] == '\n' || out->data[k] == '\t' || out->data[k] == '\r')
                out->data[k] = ' ';
    }
    return status;
}
