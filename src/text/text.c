/* text.c - the text stage entry point (text_analyse): normalise the body and the metadata
 * strings, tokenise, split sentences, with warnings for the caps reached. Runs after ingest/
 * (a document); the syntax stage tags the tokens next.
 */
#include "text.h"

#include <string.h>

/* Normalises a metadata string in place (NULL stays NULL). */
static sitrep_status normalize_field(arena *a, const char **field)
{
    if (!*field)
        return SITREP_OK;
    size_t n;
    const char *normal = text_normalize(a, *field, strlen(*field), &n);
    if (!normal)
        return SITREP_ELIMIT;
    *field = normal;
    return SITREP_OK;
}

/* Offsets of paragraphs must follow the body through normalisation, which may change byte
 * lengths; paragraphs are separated by "\n\n", which NFC never changes, so they are found
 * again in the normalised text. */
static sitrep_status refind_paragraphs(arena *a, document *doc)
{
    size_t count = 1;
    for (size_t i = 0; i + 1 < doc->body_len; i++)
        if (doc->body[i] == '\n' && doc->body[i + 1] == '\n') {
            count++;
            i++;
        }
    uint32_t *starts = arena_alloc(a, count * sizeof(uint32_t));
    if (!starts)
        return SITREP_ELIMIT;
    size_t n = 0;
    starts[n++] = 0;
    for (size_t i = 0; i + 1 < doc->body_len; i++)
        if (doc->body[i] == '\n' && doc->body[i + 1] == '\n') {
            starts[n++] = (uint32_t)(i + 2);
            i++;
        }
    doc->paragraphs = starts;
    doc->nparagraphs = doc->body_len ? n : 0;
    return SITREP_OK;
}

sitrep_status text_analyse(arena *a, document *doc, text_result *out)
{
    memset(out, 0, sizeof *out);
    sitrep_status status;
    size_t n;
    const char *normal = text_normalize(a, doc->body, doc->body_len, &n);
    if (!normal)
        return SITREP_ELIMIT;
    if (normal != doc->body) {
        doc->body = normal;
        doc->body_len = n;
        if ((status = refind_paragraphs(a, doc)))
            return status;
    }
    document_meta *m = &doc->meta;
    const char **fields[] = {&m->publisher, &m->tagline, &m->section,
                             &m->headline,  &m->byline,  &m->bio};
    for (size_t f = 0; f < ARRAY_LEN(fields); f++)
        if ((status = normalize_field(a, fields[f])))
            return status;
    for (size_t c = 0; c < m->ncaptions; c++)
        if ((status = normalize_field(a, &m->captions[c])))
            return status;

    out->text = doc->body;
    out->length = doc->body_len;
    status = text_tokenize(a, doc->body, doc->body_len, &out->tokens, &out->ntokens);
    if (status == SITREP_ELIMIT) {
        const char *msg = arena_printf(a,
                                       "token limit of %zu reached; text after byte %u is "
                                       "not analysed",
                                       (size_t)TEXT_MAX_TOKENS,
                                       out->ntokens ? out->tokens[out->ntokens - 1].end : 0);
        warning_add(&doc->warnings, "truncated", msg ? msg : "token limit reached");
    } else if (status) {
        return status;
    }
    status = text_split_sentences(a, doc->body, out->tokens, out->ntokens, doc->paragraphs,
                                  doc->nparagraphs, &out->sentences, &out->nsentences);
    if (status)
        return status;
    if (out->nsentences > TEXT_MAX_SENTENCES) {
        const sentence *last = &out->sentences[TEXT_MAX_SENTENCES - 1];
        const char *msg = arena_printf(a,
                                       "sentence limit of %d reached; text after byte %u is "
                                       "not analysed",
                                       TEXT_MAX_SENTENCES, last->end);
        warning_add(&doc->warnings, "truncated", msg ? msg : "sentence limit reached");
        out->nsentences = TEXT_MAX_SENTENCES;
        out->ntokens = (size_t)last->first_token + last->ntokens;
    }
    size_t long_runs = 0;
    for (size_t i = 0; i < out->nsentences; i++)
        if (out->sentences[i].ntokens >= TEXT_MAX_SENTENCE_TOKENS)
            long_runs++;
    if (long_runs) {
        const char *msg = arena_printf(a, "%zu runs of %d tokens without a sentence end were cut",
                                       long_runs, TEXT_MAX_SENTENCE_TOKENS);
        warning_add(&doc->warnings, "long_sentence", msg ? msg : "long sentences were cut");
    }
    return SITREP_OK;
}
