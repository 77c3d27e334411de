/* quotations.c - quotations around a frame (attribution stage): a speech that goes on after its
 * cue into the next quotation ("“A,” he said. “B.”"), and whether the words before a cue are a
 * quotation or a clause it reports. Called by frames.c when it draws a frame's content.
 */
#include "attribution_internal.h"

/* "“A,” he said. “B.”" or "“A,” he said, “B.”": the quotation after the cue that goes on
 * with the same speech. j is the first token after the frame's source and cue. */
void attribution_continue_quotation(const frame_ctx *c, attribution *f, size_t j, size_t end)
{
    size_t k = j;
    /* past a participial phrase: “A,” said Smith, speaking of the talks. “B.” */
    if (k + 1 < end && is_punct(c, k, ',') && slice_ends_with(tok(c, k + 1), "ing")) {
        /* "..., she said, referring to the big enterprises. “B.”": a participle that reports
         * has a frame of its own, and the quotation after it is its content's neighbour */
        if (cues_find(c->cues, tok(c, k + 1).ptr, tok(c, k + 1).len))
            return;
        size_t x = k + 1;
        while (x < end && !attribution_is_final_punct(c, x) && c->tokens[x].kind != TOKEN_QUOTE)
            x++;
        if (x < end && attribution_is_final_punct(c, x))
            k = x;
    }
    /* past an apposition of the source, with its relative clause: “A,” said Robert Stone, a
     * 59-year-old from Hilton Head, who already voted. “B.” */
    if (k + 1 < end && is_punct(c, k, ',') && is_word(c, k + 1) &&
        !slice_ends_with(tok(c, k + 1), "ing")) {
        bool relative = false, verb = false;
        size_t x = k + 1;
        for (; x < end && x < k + 30 && !attribution_is_final_punct(c, x) &&
               c->tokens[x].kind != TOKEN_QUOTE;
             x++) {
            if (tok_is(c, x, "who") || tok_is(c, x, "which") || tok_is(c, x, "whose"))
                relative = true;
            else if (!relative &&
                     (c->tokens[x].upos == UPOS_VERB || c->tokens[x].upos == UPOS_AUX) &&
                     !slice_ends_with(tok(c, x), "ed"))
                verb = true;
        }
        if (!verb && x < end && attribution_is_final_punct(c, x))
            k = x;
    }
    /* past a trailing phrase: “A,” he said at a rally in Ohio. “B.” */
    /* ... or one with a clause of its own after "when", "as", "who": “A,” Graham told CBS
     * News on Tuesday, when a dozen states held contests. “B.” */
    bool subordinate = false;
    for (size_t words = 0; k < end && words < 30; k++, words++) {
        if (is_punct(c, k, ',')) {
            if (k + 1 < end && attribution_is_opening_quote(c, k + 1))
                break;
            continue;
        }
        if (!is_word(c, k))
            break;
        if (tok_is(c, k, "when") || tok_is(c, k, "as") || tok_is(c, k, "who") ||
            tok_is(c, k, "which") || tok_is(c, k, "where") || tok_is(c, k, "after") ||
            tok_is(c, k, "before") || tok_is(c, k, "while"))
            subordinate = true;
        else if (!subordinate && words >= 12)
            return;
        /* "... when asked if he had met Trump": the question has its own frame, the speech
         * goes on */
        if (subordinate && tok_is(c, k, "asked") && k > 0 &&
            (tok_is(c, k - 1, "when") || tok_is(c, k - 1, "if")))
            continue;
        if ((c->tokens[k].upos == UPOS_VERB || c->tokens[k].upos == UPOS_AUX) &&
            (!subordinate || cues_find(c->cues, tok(c, k).ptr, tok(c, k).len)))
            return; /* "..., who said there were “too many”": the quotation is its content */
    }
    while (k < end && (attribution_is_final_punct(c, k) || is_punct(c, k, ',') ||
                       is_punct(c, k, ':') || c->tokens[k].kind == TOKEN_DASH))
        k++;
    /* 'he said. But “Donald Trump's candidacy is ...”': a conjunction before the mark */
    if (k == end && k + 1 < c->ntokens && !(c->tokens[k].flags & TOKEN_PARA_START) &&
        (tok_is(c, k, "but") || tok_is(c, k, "and")) && attribution_is_opening_quote(c, k + 1))
        k++, end++;
    /* the next sentence of the same paragraph, or a paragraph that opens with a quotation
     * ("“A,” Trump said.\n\n“B.”": PolNeAR's content runs on) */
    if (k == end && k < c->ntokens &&
        (!(c->tokens[k].flags & TOKEN_PARA_START) || attribution_is_opening_quote(c, k)))
        ;
    else if (k != end && k < end && attribution_is_opening_quote(c, k))
        ;
    else
        return;
    if (k >= c->ntokens || !attribution_is_opening_quote(c, k) || c->quote_end[k] < 0)
        return;
    size_t close = (size_t)c->quote_end[k];
    if (close <= k + 1)
        return;
    /* a quotation followed by its own cue has its own frame: “B,” she said. */
    size_t after = close + 1;
    if (after < c->ntokens && (is_punct(c, after, ',') || is_punct(c, after, '.')))
        after++;
    /* a new paragraph goes on with the speech only when its quotation is the whole
     * paragraph ('"Sons of Trump" is an adaptation', '"People were celebrating" before the
     * incident, she said' are not) */
    if ((c->tokens[k].flags & TOKEN_PARA_START) && after < c->ntokens &&
        !(c->tokens[after].flags & TOKEN_PARA_START))
        return;
    if (after < c->ntokens && !(c->tokens[after].flags & TOKEN_PARA_START)) {
        size_t cue_end;
        for (size_t x = after; x < after + 5 && x < c->ntokens; x++) {
            if (attribution_is_final_punct(c, x) || c->tokens[x].kind == TOKEN_QUOTE)
                break;
            if (attribution_cue_at(c, x, after, c->ntokens, false, &cue_end))
                return;
        }
    }
    f->continuation.start = c->tokens[k + 1].start;
    f->continuation.end = c->tokens[close - 1].end;
    f->continuation_first = (uint32_t)(k + 1);
    f->continuation_last = (uint32_t)close;
}

/* "CONTENT, said SOURCE": the content before an inverted cue is a quotation or holds a verb
 * ("Ted Cruz, by contrast, wrote an op-ed" is a subject and an adverbial, no content). */
bool attribution_quoted_or_clause_before(const frame_ctx *c, size_t first, size_t i)
{
    for (size_t k = first; k < i; k++)
        if (c->tokens[k].kind == TOKEN_QUOTE || c->tokens[k].upos == UPOS_VERB ||
            c->tokens[k].upos == UPOS_AUX)
            return true;
    return false;
}

/* 'Closing the department would “send the wrong message,” he said': words of the sentence
 * before the opening mark make the quotation part of a reported clause, which PolNeAR draws
 * whole. */
bool attribution_partial_quotation(const frame_ctx *c, size_t first, size_t open)
{
    size_t words = 0;
    for (size_t k = first; k < open; k++) {
        if (c->tokens[k].kind == TOKEN_QUOTE || is_punct(c, k, ':'))
            return false;
        words += is_word(c, k);
    }
    return words >= 2;
}
