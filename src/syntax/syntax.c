/* syntax.c - the syntax stage entry points: syntax_tag runs every sentence through the POS
 * tagger (tagger.c), syntax_parse through the dependency parser (parser.c). Runs after text/
 * (tokens and sentences) and before lexicon/ and match/, which read the tags.
 */
#include "syntax.h"

void syntax_tag(const tagger *model, text_result *text)
{
    if (model)
        for (size_t i = 0; i < text->nsentences; i++)
            tagger_tag_sentence(model, text, text->tokens + text->sentences[i].first_token,
                                text->sentences[i].ntokens);
}

void syntax_parse(const parser *model, const tagger *tags, text_result *text)
{
    if (model && tags)
        for (size_t i = 0; i < text->nsentences; i++)
            parser_parse_sentence(model, tags, text, text->tokens + text->sentences[i].first_token,
                                  text->sentences[i].ntokens);
}
