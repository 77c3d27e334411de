/* attribution_internal.h - what the files of the attribution stage share and no other stage
 * should see: the per-article frame context, token tests, the word lists the rules read, and
 * the functions one file offers another (frames.c finds frames, spans.c draws their spans,
 * speakers.c classifies, resolves and codes sources, stance.c reads denials and doubts).
 */
#ifndef SITREP_ATTRIBUTION_INTERNAL_H
#define SITREP_ATTRIBUTION_INTERNAL_H

#include "attribution.h"

#include <string.h>

#define ATTRIBUTION_MAX_SOURCE_TOKENS 40
#define ATTRIBUTION_MAX_QUOTE_TOKENS 600
#define ATTRIBUTION_MAX_PER_ARTICLE 4096

/* One article being read: its tokens and the quotation marks paired once. */
typedef struct frame_ctx {
    const article *art;
    const token *tokens;
    const char *text;
    size_t ntokens;
    const cue_lexicon *cues;
    int32_t *quote_end;   /* for an opening quote token: index of its closing quote, else -1 */
    int32_t *quote_start; /* for a closing quote token: index of its opening quote, else -1 */
    int32_t inside_until; /* cues up to this token are inside a quotation: skipped */
} frame_ctx;

typedef struct frame_list {
    attribution *items;
    size_t count, cap;
} frame_list;

/* ---- token tests (inline: they run for every token of every article) ---- */

static inline slice tok(const frame_ctx *c, size_t i)
{
    return slice_make(c->text + c->tokens[i].start, c->tokens[i].end - c->tokens[i].start);
}

static inline bool tok_is(const frame_ctx *c, size_t i, const char *word)
{
    return slice_eq_nocase(tok(c, i), word);
}

static inline bool is_punct(const frame_ctx *c, size_t i, char p)
{
    const token *t = &c->tokens[i];
    return t->kind == TOKEN_PUNCT && t->end == t->start + 1 && c->text[t->start] == p;
}

static inline bool is_word(const frame_ctx *c, size_t i)
{
    return c->tokens[i].kind == TOKEN_WORD || c->tokens[i].kind == TOKEN_ABBREV;
}

static inline bool is_capitalised(const frame_ctx *c, size_t i)
{
    return is_word(c, i) && (c->tokens[i].flags & TOKEN_UPPER);
}

/* A word list: sorted for nothing, compared first letter first (most entries differ there). */
typedef struct word_list {
    const char *const *words;
    size_t count;
} word_list;

bool attribution_tok_in(const frame_ctx *c, size_t i, const word_list *list);
#define TOK_IN(c, i, list) attribution_tok_in(c, i, &(list))

/* The lists (words.c). */
extern const word_list attribution_auxiliaries;       /* has, was, also, repeatedly ... */
extern const word_list attribution_left_boundaries;   /* that, because, while ... */
extern const word_list attribution_determiners;       /* the, a, his, 's ... */
extern const word_list attribution_pronouns;          /* he, she, they, it, we, i, you */
extern const word_list attribution_document_heads;    /* report, statement, poll ... */
extern const word_list attribution_official_heads;    /* official, spokesman, analysts ... */
extern const word_list attribution_anonymous_heads;   /* source, sources, insiders ... */
extern const word_list attribution_institution_words; /* Ministry, Council, Army ... */
extern const word_list attribution_day_words;         /* monday ... december */
extern const word_list attribution_wh_words;          /* whether, if, how, why, what ... */
extern const word_list attribution_time_words;        /* yesterday, today, earlier ... */
extern const word_list attribution_interrupters;      /* meanwhile, though, for his part ... */

bool attribution_is_opening_quote(const frame_ctx *c, size_t i);
bool attribution_is_closing_quote(const frame_ctx *c, size_t i);
bool attribution_is_final_punct(const frame_ctx *c, size_t i);
/* The first token that starts at or after byte `offset` (binary search). */
size_t attribution_token_at(const frame_ctx *c, uint32_t offset);
/* Is token i a verb as the tagger sees it (or untagged: any lower-case word)? */
bool attribution_is_verb(const frame_ctx *c, size_t i);

/* ---- spans (spans.c) ---- */

/* Skips a time or setting phrase at k ("on Sunday", "last week", "in a statement"); returns
 * the first token after it (k when there is none). */
size_t attribution_skip_time(const frame_ctx *c, size_t k, size_t end);
/* `end` without a time phrase that closes [first, end) ("Sanders on Saturday", "the
 * candidates Thursday", "Trump at the time"). */
size_t attribution_strip_time(const frame_ctx *c, size_t first, size_t end);
/* Scans left from `end` (exclusive) for the start of the source noun phrase; `*phrase_start`
 * receives the start of the phrase with any apposition before the cue ("Miller, a retired
 * worker, said": source "Miller", phrase "Miller, a retired worker"). */
size_t attribution_source_start(const frame_ctx *c, size_t first, size_t end, size_t *phrase_end);
/* The end (exclusive) of the source phrase after an inverted cue: "said Smith, a ...". With
 * `loose`, more kinds of apposition go with it ("said Smith, 45,", "said Smith, spokesman for
 * X"): after "according to" a comma usually ends the source. */
size_t attribution_source_after(const frame_ctx *c, size_t start, size_t end, bool loose);
/* Content from token k (inclusive) to e (exclusive), trimming final punctuation; a quotation
 * at k spans to its closing mark. */
void attribution_set_content(const frame_ctx *c, attribution *f, size_t k, size_t e, bool direct);
/* The first token of the content that follows a leading cue group ending at cue_end, or
 * SIZE_MAX when the cue needs a complement marker and none follows. */
size_t attribution_content_start(const frame_ctx *c, size_t cue_end, size_t end,
                                 const cue_form *form, bool *direct);
/* Where a reported clause that starts at k ends (exclusive), at most `end`: a new clause with
 * its own source or a participle phrase (", saying ...") ends it. */
size_t attribution_content_end(const frame_ctx *c, size_t k, size_t end);

/* ---- sources (speakers.c) ---- */

/* The kind of the source [s, e) and, for a description followed by a name ("A spokesman for
 * the group, Yahya Saree"), the name's first token in *name_start (else s). */
attribution_kind attribution_classify(const frame_ctx *c, size_t s, size_t e, size_t *name_start);
/* Resolves pronoun sources, gives every frame its speaker, kind and actor code. */
void attribution_resolve_speakers(const frame_ctx *c, frame_list *list);

/* ---- stance (stance.c) ---- */

/* Sets stance and claim of every frame (denies, doubts), and adds the frames the article
 * itself states without a source ("there is no evidence that ..."). SITREP_ELIMIT at the cap. */
sitrep_status attribution_read_stance(arena *a, const frame_ctx *c, frame_list *list) MUST_CHECK;

/* ---- frames (frames.c) ---- */

static inline void attribution_frame_init(attribution *f, size_t sentence_index)
{
    memset(f, 0, sizeof *f);
    f->sentence = (uint32_t)sentence_index;
    f->parent = -1;
    f->speaker_actor = -1;
}

/* The span from token `first` to token `last` (exclusive); empty when last <= first. */
static inline void attribution_set_span(const frame_ctx *c, span *s, size_t first, size_t last)
{
    if (last <= first) {
        s->start = s->end = 0;
        return;
    }
    s->start = c->tokens[first].start;
    s->end = c->tokens[last - 1].end;
}

sitrep_status attribution_push(arena *a, frame_list *list, const attribution *f) MUST_CHECK;
/* Finds the frames of one sentence and appends them to list. */
sitrep_status attribution_frames_in_sentence(arena *a, frame_ctx *c, size_t sentence_index,
                                             frame_list *list) MUST_CHECK;

/* ---- frames without a reporting verb (shapes.c) ---- */

/* "Donald Trump: “...”": a short capitalised source before a colon that opens a sentence. */
bool attribution_colon_frame(const frame_ctx *c, size_t first, size_t end, attribution *f);
/* "In a new CBS poll, Trump leads": a poll or study opening the sentence is the source. */
bool attribution_in_document_frame(const frame_ctx *c, size_t first, size_t end, attribution *f);
/* "As Haddad put it, ..." / "..., as Haddad put it": token i is "put". */
bool attribution_put_it_frame(const frame_ctx *c, size_t i, size_t first, size_t end,
                              attribution *f);

#endif
