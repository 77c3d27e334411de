/* shapes.c - reporting frames whose cue is no reporting verb (attribution stage): a source
 * before a colon ("Donald Trump: “...”"), a poll or study that opens the sentence ("In a new
 * CBS poll, ..."), and the fixed phrase "as X put it" around the content it attributes.
 */
#include "attribution_internal.h"

/* "Donald Trump: “...”", "Q: ...", "Poll: Sanders leads": a short capitalised source before a
 * colon that opens a sentence (headlines, transcripts, social posts). */
bool attribution_colon_frame(const frame_ctx *c, size_t first, size_t end, attribution *f)
{
    static const char *const labels[] = {
        "update",  "updated", "watch",     "read",          "related",     "note",
        "editor",  "photo",   "video",     "image",         "credit",      "listen",
        "see",     "click",   "follow",    "share",         "breaking",    "exclusive",
        "live",    "opinion", "analysis",  "correction",    "source",      "sources",
        "caption", "tags",    "topics",    "filed",         "posted",      "more",
        "also",    "warning", "subscribe", "advertisement", "recommended", "trending",
        "latest"};
    size_t colon = first;
    while (colon < end && colon < first + 7 && !is_punct(c, colon, ':'))
        colon++;
    if (colon == first || colon >= end || colon + 1 >= end || !is_punct(c, colon, ':'))
        return false;
    for (size_t k = first; k < colon; k++) {
        if (!is_capitalised(c, k) && !(k > first && tok_is(c, k, "of")))
            return false;
        for (size_t l = 0; l < ARRAY_LEN(labels); l++)
            if (tok_is(c, k, labels[l]))
                return false;
        if (c->tokens[k].kind == TOKEN_NUMBER)
            return false;
    }
    /* the content is a sentence or a quotation, not a list ("Tags: ...") */
    size_t k = colon + 1;
    bool direct = attribution_is_opening_quote(c, k);
    if (!direct && end - k < 4)
        return false;
    attribution_set_span(c, &f->source, first, colon);
    f->phrase = f->source;
    f->cue.start = c->tokens[colon].start;
    f->cue.end = c->tokens[colon].end;
    f->cue_class = CUE_SPEECH;
    attribution_set_content(c, f, k, direct ? c->ntokens : end, direct);
    return f->content.end > f->content.start;
}

/* "In a new CBS poll, Trump leads by 10 points": a poll, survey or study that opens the
 * sentence is the source of what follows the comma. */
bool attribution_in_document_frame(const frame_ctx *c, size_t first, size_t end, attribution *f)
{
    if (!tok_is(c, first, "in") || first + 3 >= end)
        return false;
    size_t comma = first + 1;
    while (comma < end && comma < first + 14 && !is_punct(c, comma, ','))
        comma++;
    if (comma >= end || !is_punct(c, comma, ',') || comma < first + 3)
        return false;
    bool found = false;
    for (size_t k = first + 1; k < comma; k++) {
        if (tok_is(c, k, "poll") || tok_is(c, k, "survey") || tok_is(c, k, "study") ||
            tok_is(c, k, "polls") || tok_is(c, k, "surveys") || tok_is(c, k, "analysis") ||
            tok_is(c, k, "report"))
            found = true;
        if (c->tokens[k].upos == UPOS_VERB && k + 1 < comma)
            found = found && tok_is(c, k - 1, "poll"); /* "a poll released Sunday" */
    }
    if (!found)
        return false;
    attribution_set_span(c, &f->source, first + 1, comma);
    f->phrase = f->source;
    f->cue.start = c->tokens[first].start;
    f->cue.end = c->tokens[first].end;
    f->cue_class = CUE_DOCUMENT;
    f->kind = ATTRIB_DOCUMENT;
    attribution_set_content(c, f, comma + 1, end, false);
    return f->content.end > f->content.start;
}

/* "As Haddad put it, the talks are over." / "The talks are over, as Haddad put it.": `i` is
 * the token "put" (or "puts"). */
bool attribution_put_it_frame(const frame_ctx *c, size_t i, size_t first, size_t end,
                              attribution *f)
{
    if (i + 1 >= end || !tok_is(c, i + 1, "it") || (!tok_is(c, i, "put") && !tok_is(c, i, "puts")))
        return false;
    size_t as = i;
    while (as > first && i - as < 10 && !tok_is(c, as - 1, "as"))
        as--;
    if (as <= first || !tok_is(c, as - 1, "as") || as == i)
        return false;
    /* the source: what stands between "as" and "put" (up to a "has" or "once") */
    size_t src_e = i;
    while (src_e > as && (tok_is(c, src_e - 1, "has") || tok_is(c, src_e - 1, "have") ||
                          tok_is(c, src_e - 1, "once") || tok_is(c, src_e - 1, "later") ||
                          tok_is(c, src_e - 1, "recently") || tok_is(c, src_e - 1, "memorably")))
        src_e--;
    if (src_e <= as)
        return false;
    for (size_t k = as; k < src_e; k++)
        if (is_punct(c, k, ',') || c->tokens[k].kind == TOKEN_QUOTE)
            return false;
    size_t after = i + 2;
    while (after < end && (TOK_IN(c, after, attribution_time_words) ||
                           tok_is(c, after, "recently") || tok_is(c, after, "once")))
        after++;
    if (as - 1 == first) {
        /* "As Haddad put it, CONTENT" */
        if (after >= end || !is_punct(c, after, ','))
            return false;
        attribution_set_content(c, f, after + 1, end, false);
    } else {
        /* "CONTENT, as Haddad put it" (what follows it is not taken) */
        size_t stop = as - 1;
        if (stop <= first || !is_punct(c, stop - 1, ','))
            return false;
        attribution_set_content(c, f, first, stop, false);
    }
    if (f->content.end <= f->content.start)
        return false;
    attribution_set_span(c, &f->source, as, src_e);
    f->phrase = f->source;
    attribution_set_span(c, &f->cue, i, i + 2);
    f->cue_class = CUE_SPEECH;
    return true;
}
