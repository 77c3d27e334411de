/* tagger.c - part-of-speech tagger (placeholder until the tagger issue lands).
 *
 * tagger_load reports that no model format is implemented yet, so the pipeline runs without
 * tags. The tagger issue replaces this file with the averaged perceptron.
 */
#include "text.h"

tagger *tagger_load(const char *path, diag *d)
{
    diag_set(d, path, 0, "the part-of-speech tagger is not built yet");
    return NULL;
}

void tagger_free(tagger *model)
{
    (void)model;
}

void tagger_tag_sentence(const tagger *model, const text_result *text, token *tokens,
                         size_t ntokens)
{
    (void)model;
    (void)text;
    (void)tokens;
    (void)ntokens;
}

const char *tagger_xpos_name(const tagger *model, uint8_t xpos)
{
    (void)model;
    (void)xpos;
    return "_";
}
