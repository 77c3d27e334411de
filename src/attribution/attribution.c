/* attribution.c - the attribution stage's entry point: who says so. Pairs the quotation marks
 * of an article, finds the reporting frames of each sentence (frames.c), ends a reported
 * content where a coordinated clause brings its own source, reads stances (stance.c), links
 * a frame to the frame whose content holds it, resolves and codes speakers (speakers.c) and
 * indexes, per token, the frame whose content holds it (for the event coder).
 */
#include "attribution_internal.h"

#include <stdlib.h>

/* A single curly quotation mark ("‘", "’"): inside a double quotation it marks a quotation
 * within the quotation ("“... the two words ‘Radical Islam’ she should ...”"). */
static bool single_curly(const frame_ctx *c, size_t i, const char *mark)
{
    return c->tokens[i].kind == TOKEN_QUOTE && slice_eq_cstr(tok(c, i), mark);
}

static void pair_quotes(frame_ctx *c)
{
    size_t ntokens = c->ntokens;
    for (size_t i = 0; i < ntokens; i++)
        c->quote_end[i] = c->quote_start[i] = -1;
    for (size_t i = 0; i < ntokens; i++) {
        if (!attribution_is_opening_quote(c, i))
            continue;
        bool single = single_curly(c, i, "\xE2\x80\x98");
        size_t inner = SIZE_MAX; /* an open single quotation inside this double one */
        for (size_t j = i + 1; j < ntokens && j - i < ATTRIBUTION_MAX_QUOTE_TOKENS; j++) {
            bool right_single = single_curly(c, j, "\xE2\x80\x99");
            if (!single && right_single) {
                /* an apostrophe or the end of an inner quotation, not the end of this one */
                if (inner != SIZE_MAX && attribution_is_closing_quote(c, j)) {
                    c->quote_end[inner] = (int32_t)j;
                    c->quote_start[j] = (int32_t)inner;
                    inner = SIZE_MAX;
                }
                continue;
            }
            if (attribution_is_closing_quote(c, j)) {
                c->quote_end[i] = (int32_t)j;
                c->quote_start[j] = (int32_t)i;
                i = j;
                break;
            }
            if (!single && inner == SIZE_MAX && single_curly(c, j, "\xE2\x80\x98")) {
                inner = j;
                continue;
            }
            if (attribution_is_opening_quote(c, j) && !slice_eq_cstr(tok(c, j), "\"") &&
                !slice_eq_cstr(tok(c, j), "''"))
                break; /* an unclosed quotation: leave it unpaired */
        }
    }
}

/* "The Bank urged X to share data, and a new survey shows ...": a reported content ends where
 * a coordinated clause brings its own source (", and SOURCE CUE", "; SOURCE CUE"). A source
 * inside the content without a coordinator is nested attribution ("said officials believe")
 * and stays inside. The frames of one sentence are neighbours in the list. */
static void end_contents_at_coordinated_frames(const frame_ctx *c, frame_list *list)
{
    size_t sentence_first = 0;
    for (size_t i = 0; i < list->count; i++) {
        attribution *f = &list->items[i];
        if (i > 0 && list->items[i - 1].sentence != f->sentence)
            sentence_first = i;
        if (f->direct)
            continue;
        /* the content's first token (the event coder's part may start later: "asked France |
         * for more help") */
        size_t first = attribution_token_at(c, f->content.start);
        for (size_t j = sentence_first; j < list->count && list->items[j].sentence == f->sentence;
             j++) {
            const attribution *g = &list->items[j];
            if (j == i || g->source.end <= g->source.start)
                continue;
            /* "Authorities announced the arrest of a man and said a curfew would continue":
             * a second verb of the same subject reports its own content */
            size_t q = attribution_token_at(c, g->cue.start);
            /* "Sullivan put off deciding whether X could question Clinton but said ...": a cue
             * whose source stands before this content is no part of it either */
            bool outside = g->source.end <= f->content.start && g->source.end <= f->cue.start &&
                           g->cue.start > f->cue.start;
            if ((g->source.start == f->source.start || outside) && q > first + 1 &&
                q < f->content_last) {
                size_t and_at = q - 1;
                while (and_at > first && TOK_IN(c, and_at, attribution_auxiliaries))
                    and_at--;
                /* only a conjunct of f itself: no other cue between the two */
                bool between = false;
                for (size_t k = 0; k < list->count && !between && !outside; k++)
                    between = k != i && k != j && list->items[k].cue.start > f->cue.start &&
                              list->items[k].cue.start < g->cue.start;
                if (!between && and_at > first &&
                    (tok_is(c, and_at, "and") || tok_is(c, and_at, "but"))) {
                    size_t stop = and_at;
                    if (stop > first + 1 && is_punct(c, stop - 1, ','))
                        stop--;
                    f->content_last = (uint32_t)stop;
                    if (f->content_first > f->content_last)
                        f->content_first = f->content_last;
                    f->content.end = c->tokens[stop - 1].end;
                    continue;
                }
            }
            size_t p = attribution_token_at(c, g->source.start);
            if (p <= first || p >= f->content_last)
                continue;
            bool conjunction = false;
            if (p > first + 1 &&
                (tok_is(c, p - 1, "and") || tok_is(c, p - 1, "but") || tok_is(c, p - 1, "while") ||
                 tok_is(c, p - 1, "whereas") || tok_is(c, p - 1, "although"))) {
                p--;
                conjunction = true;
            }
            /* "... -- but he said": a dash ends the content too, after a clause (not a
             * dateline's: "ISTANBUL, March 4 - Russian negotiators agreed ..., X said") */
            bool clause = conjunction;
            for (size_t x = first; x + 1 < p && !clause; x++)
                clause = c->tokens[x].upos == UPOS_VERB || c->tokens[x].upos == UPOS_AUX;
            /* "spoke about the plan and the president said ...": a conjunction without a
             * comma before a source followed by its cue verb ("the United States and its allies
             * will seek" is a subject, not a new frame) */
            size_t g_src_end = attribution_token_at(c, g->source.end);
            if (conjunction && p > first && !is_punct(c, p - 1, ',') && g_src_end < c->ntokens &&
                attribution_token_at(c, g->cue.start) == g_src_end &&
                c->tokens[g_src_end].upos == UPOS_VERB) {
                f->content_last = (uint32_t)p;
                if (f->content_first > f->content_last)
                    f->content_first = f->content_last;
                f->content.end = c->tokens[p - 1].end;
                continue;
            }
            if (p > first + 1 && (is_punct(c, p - 1, ',') || is_punct(c, p - 1, ';') ||
                                  (clause && c->tokens[p - 1].kind == TOKEN_DASH))) {
                f->content_last = (uint32_t)(p - 1);
                if (f->content_first > f->content_last)
                    f->content_first = f->content_last;
                f->content.end = c->tokens[p - 2].end;
            }
        }
    }
}

static int compare_frames(const void *a, const void *b)
{
    const attribution *x = a, *y = b;
    if (x->cue.start != y->cue.start)
        return x->cue.start < y->cue.start ? -1 : 1;
    return x->content.start < y->content.start ? -1 : x->content.start > y->content.start;
}

typedef struct sized_frame {
    uint32_t size, index;
} sized_frame;

static int compare_sizes(const void *a, const void *b)
{
    const sized_frame *x = a, *y = b;
    if (x->size != y->size)
        return x->size > y->size ? -1 : 1; /* larger first */
    return x->index < y->index ? -1 : x->index > y->index;
}

/* Paints, per token, the innermost frame whose content or continuation holds it: larger
 * contents first, so that smaller ones (nested frames) paint over them. Linear in the tokens
 * the contents cover. Frames that take a stance on a thing rather than report a clause are
 * left out (their content is no claim of theirs), unless they deny or doubt a claim
 * ("rejected claims that its soldiers attacked the convoy"). */
static sitrep_status index_tokens(arena *a, const frame_ctx *c, frame_list *list, int32_t **out)
{
    *out = NULL;
    if (!list->count)
        return SITREP_OK;
    int32_t *map = arena_alloc(a, c->ntokens * sizeof *map);
    sized_frame *order = arena_alloc(a, list->count * sizeof *order);
    if (!map || !order)
        return SITREP_ELIMIT;
    for (size_t i = 0; i < c->ntokens; i++)
        map[i] = -1;
    for (size_t i = 0; i < list->count; i++) {
        const attribution *f = &list->items[i];
        order[i].size =
            f->content_last - f->content_first + f->continuation_last - f->continuation_first;
        order[i].index = (uint32_t)i;
    }
    qsort(order, list->count, sizeof *order, compare_sizes);
    for (size_t n = 0; n < list->count; n++) {
        const attribution *f = &list->items[order[n].index];
        /* "The House is expected to pass the bill": nobody to credit the event to */
        if (f->source.end <= f->source.start)
            continue;
        /* a stance on something ("Israel rejected the French call") does not report it; a
         * stance on a clause ("welcomed that the talks resumed") does */
        if (f->cue_class == CUE_EVALUATION && f->stance == STANCE_ASSERTS &&
            !(f->content_first < c->ntokens && tok_is(c, f->content_first, "that")))
            continue;
        /* "Germany intends to supply tanks", "India agreed to buy jets": an intention is its
         * own subject's act, not a claim the event coder should credit to anyone */
        if (f->cue_class == CUE_INTENT && f->content_first < c->ntokens &&
            tok_is(c, f->content_first, "to"))
            continue;
        for (uint32_t t = f->content_first; t < f->content_last && t < c->ntokens; t++)
            map[t] = (int32_t)order[n].index;
        for (uint32_t t = f->continuation_first; t < f->continuation_last && t < c->ntokens; t++)
            map[t] = (int32_t)order[n].index;
    }
    *out = map;
    return SITREP_OK;
}

sitrep_status attribution_find(arena *a, const cue_lexicon *cues, article *art)
{
    art->attributions = NULL;
    art->nattributions = 0;
    art->frame_of_token = NULL;
    size_t n = art->text.ntokens;
    if (!cues || n == 0)
        return SITREP_OK;
    frame_ctx c = {.art = art,
                   .tokens = art->text.tokens,
                   .text = art->text.text,
                   .ntokens = n,
                   .cues = cues,
                   .inside_until = -1,
                   .gap_first = -1,
                   .gap_last = -1};
    c.quote_end = arena_alloc(a, n * sizeof(int32_t));
    c.quote_start = arena_alloc(a, n * sizeof(int32_t));
    if (!c.quote_end || !c.quote_start)
        return SITREP_ELIMIT;
    pair_quotes(&c);
    frame_list list = {0};
    sitrep_status status;
    for (size_t s = 0; s < art->text.nsentences; s++)
        if ((status = attribution_frames_in_sentence(a, &c, s, &list)))
            return status;
    end_contents_at_coordinated_frames(&c, &list);
    if ((status = attribution_read_stance(a, &c, &list)))
        return status;
    /* the article's own frames were appended: back to text order (the sort is stable in
     * effect: two frames never share a cue start) */
    if (list.count > 1)
        qsort(list.items, list.count, sizeof *list.items, compare_frames);
    int32_t *map;
    if ((status = index_tokens(a, &c, &list, &map)))
        return status;
    /* a frame whose cue lies inside another's content belongs to it */
    for (size_t i = 0; map && i < list.count; i++) {
        attribution *f = &list.items[i];
        size_t t = attribution_token_at(&c, f->cue.start);
        if (t < n && map[t] >= 0 && (size_t)map[t] != i)
            f->parent = map[t];
    }
    attribution_resolve_speakers(&c, &list);
    /* PolNeAR's source is the whole noun phrase, its apposition included ("Richard Revesz,
     * director of the Institute for Policy Integrity"); the speaker stays the name */
    for (size_t i = 0; i < list.count; i++) {
        attribution *f = &list.items[i];
        if (f->phrase.start == f->source.start && f->phrase.end > f->source.end)
            f->source = f->phrase;
        if (f->relative.end > f->relative.start)
            f->source = f->relative;
    }
    art->attributions = list.items;
    art->nattributions = list.count;
    art->frame_of_token = map;
    return SITREP_OK;
}

int32_t attribution_frame_of_token(const article *art, uint32_t token_index)
{
    if (!art->frame_of_token || token_index >= art->text.ntokens)
        return -1;
    return art->frame_of_token[token_index];
}

const char *attribution_kind_name(attribution_kind kind)
{
    switch (kind) {
    case ATTRIB_NAMED:
        return "named";
    case ATTRIB_OFFICIAL:
        return "official";
    case ATTRIB_ORGANIZATION:
        return "organization";
    case ATTRIB_DOCUMENT:
        return "document";
    case ATTRIB_PUBLISHER:
        return "publisher";
    case ATTRIB_ANONYMOUS:
        return "anonymous";
    default:
        return NULL;
    }
}

const char *attribution_cue_class_name(uint8_t cue_class)
{
    static const char *const names[] = {"speech", "belief",     "document",
                                        "intent", "evaluation", "perception"};
    return cue_class >= CUE_SPEECH && cue_class <= CUE_PERCEPTION ? names[cue_class - CUE_SPEECH]
                                                                  : "speech";
}

const char *attribution_stance_name(uint8_t stance)
{
    return stance == STANCE_DENIES ? "denies" : stance == STANCE_DOUBTS ? "doubts" : "asserts";
}
