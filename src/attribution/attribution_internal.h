/* attribution_internal.h - what the files of the attribution stage share and no other stage
 * should see: the per-article frame context, token tests, the word lists the rules read, and
 * the functions one file offers another (frames.c finds frames around the cues verbs.c finds,
 * quotations.c goes on with their quotations, spans.c draws their spans, speakers.c
 * classifies, resolves and codes sources, stance.c reads denials and doubts).
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
    int32_t gap_first;    /* ... except in [gap_first, gap_last): the words between a frame's
                             cue and its continuation ("“A,” X said when asked if ... “B.”") */
    int32_t gap_last;
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
extern const word_list attribution_setting_heads;     /* rally, speech, interview, tweet */
extern const word_list attribution_outlet_heads;      /* Times, CNN, Reuters (capitalised) */
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
/* The first comma in [from, end) outside quotation marks, or end. */
size_t attribution_comma_outside_quotes(const frame_ctx *c, size_t from, size_t end);
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
/* The end of a noun-phrase content [k, e) before a time phrase or a setting ("those worries
 * on Sunday at a forum", "Clinton during a rally"); e when the content holds a verb. */
size_t attribution_np_content_end(const frame_ctx *c, size_t k, size_t e);
/* Does the relative clause whose pronoun is at `rel` report ("who said he votes ...")? Then
 * it has a frame of its own. */
bool attribution_reporting_relative(const frame_ctx *c, size_t rel, size_t end);
/* "the wall, which he said Mexico would pay for", "what he calls corruption": a relative word
 * just before the source of a frame whose content follows the cue is the content's fronted
 * part; sets f->fronted (empty otherwise). */
void attribution_fronted_relative(const frame_ctx *c, attribution *f, size_t src_s, size_t cue_end);
/* The first token of the content that follows a leading cue group ending at cue_end, or
 * SIZE_MAX when the cue needs a complement marker and none follows. */
size_t attribution_content_start(const frame_ctx *c, size_t cue_end, size_t end,
                                 const cue_form *form, bool *direct);
/* Does a clause without "that" start at k ("implied he was biased", "hoped electric
 * utilities would")? */
bool attribution_bare_clause(const frame_ctx *c, size_t k, size_t end);
/* Where the event coder's part of an object content [k, last) starts: the preposition or
 * infinitive after the object noun phrase ("asked France | for more help", "accused Pakistan |
 * of sheltering"), or `last` when none follows ("stressed those concerns"). */
size_t attribution_after_object(const frame_ctx *c, size_t k, size_t last);
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

/* ---- the words around a cue (around.c) ---- */

/* Is the sentence a title-case headline ("Trump Says He Will Win")? There a capital letter
 * does not make a cue a name. */
bool attribution_title_case(const frame_ctx *c, size_t first, size_t end);
/* "Sunday’s", "MSNBC's": a possessive ending, not the auxiliary of "he's going". */
bool attribution_possessive(const frame_ctx *c, size_t k);
/* A lower-case word the tagger may read as a verb right before a name ("host" in "MSNBC host
 * Chris Matthews", "aide" in "campaign aide John Smith"): a title, when it has no verb ending. */
bool attribution_title_word(const frame_ctx *c, size_t k, size_t e);
/* The phrase after an inverted cue must look like a speaker ("said Smith", "said the
 * official, who ..."), not a clause ("said the vessel had been hit", "adding about 10 days"):
 * it starts with a capitalised word or a determiner, holds no verb, and the cue is not an
 * -ing form. */
bool attribution_inverted_source_ok(const frame_ctx *c, size_t cue, size_t s, size_t e);
/* Is the source a document ("a new poll", "A Monmouth poll out Monday", "the average of
 * recent polls")? A document head among its first words. */
bool attribution_document_source(const frame_ctx *c, size_t s, size_t e);
/* The end of an object content [k, e) of the cue at i: before "and" or "but" and a verb of
 * the cue's tense ("accused X of Y and recalled ...", "praises X but warns ..."). */
size_t attribution_object_end(const frame_ctx *c, size_t i, size_t k, size_t e);
/* Does a noun phrase start at k ("the deal", "those worries", "Bob's account")? */
bool attribution_np_starts(const frame_ctx *c, size_t k, size_t end);
/* "“...,” Ramos, 58, told AFP": the comma before the cue closes an apposition of the source
 * before it, so the cue is no inverted one. */
bool attribution_apposition_before(const frame_ctx *c, size_t first, size_t i);
/* Does the sentence open with a subordinate clause ("While ...", "Although ...")? */
bool attribution_is_subordinator(const frame_ctx *c, size_t k);
bool attribution_clause_has_comma(const frame_ctx *c, size_t s, size_t e);
/* A source of one word must be able to name someone: not "off" ("put off deciding"), "to" or
 * "because" - the tagger's particles, prepositions and conjunctions. */
bool attribution_plausible_source(const frame_ctx *c, size_t s, size_t e);
/* Is everything from k to the sentence end a trailing adverbial ("on Monday", "in a
 * statement", "last week")? Then a cue before it ends the sentence. */
bool attribution_only_trailing(const frame_ctx *c, size_t k, size_t end, size_t limit, bool quoted);
/* "CLAUSE, SOURCE CUE (trailing phrase), CLAUSE.": the reported clause is split around its
 * source and cue. Returns the first token of the second part, or SIZE_MAX. The first part must
 * hold a verb (not "Later, he said, ...") and the second must not open a new frame. */
size_t attribution_parenthetical_rest(const frame_ctx *c, size_t first, size_t src_s,
                                      size_t cue_end, size_t end);
/* After "“CONTENT,” SOURCE told": is the rest of the sentence only the object ("told
 * cheering supporters in St. Augustine.")? Up to ten words, no clause. */
bool attribution_trailing_object(const frame_ctx *c, size_t k, size_t end, size_t limit);
/* Does a closing quotation mark (and commas or a dash) stand right before the source at
 * src_s? "“A,” Clinton told reporters Friday at a convention of ... in Washington." */
bool attribution_after_quotation(const frame_ctx *c, size_t first, size_t src_s);
/* Does a complement marker ("that", a colon, a quotation) follow the cue? Then the cue leads
 * its content ("X, a spokesman, told reporters that ..."), it does not close it. */
bool attribution_marked_complement(const frame_ctx *c, size_t cue_end, size_t end,
                                   const cue_form *form);
/* "Russia's foreign ministry called the measures illegal and said ...": the subject of a
 * second verb is the subject of the first: the end of the phrase before the first verb of the
 * clause, or `first` (no source) when there is none within eight tokens. */
size_t attribution_coordinated_subject_end(const frame_ctx *c, size_t first, size_t and_index);
bool attribution_is_be(const frame_ctx *c, size_t i);

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

/* ---- the cue word and its verb group (verbs.c) ---- */

/* The cue form at token i, or NULL; *cue_end receives the token after the cue word(s). The
 * form is the lexicon's (owned by it). */
const cue_form *attribution_cue_at(const frame_ctx *c, size_t i, size_t first, size_t end,
                                   bool headline, size_t *cue_end);
/* After "asked" (and its particle, when `particle`: "asked about X"): an optional "by ASKER"
 * (the asker's tokens into *src_s, *src_e) and adverbs, then the question - a wh-word, "about"
 * or "to". Returns the question's first token, or SIZE_MAX. */
size_t attribution_asked_content(const frame_ctx *c, size_t k, size_t end, bool particle,
                                 size_t *src_s, size_t *src_e);
/* The subject's end for a leading cue at i: auxiliaries and adverbs before it ("has repeatedly
 * said") join the cue group. */
size_t attribution_verb_group_start(const frame_ctx *c, size_t first, size_t i);
/* The subject a participial cue at i takes ("X hewed to the line, noting that ..."): the source
 * of the sentence's last frame before it (frames from `sentence_frames` on), else the subject of
 * the sentence's first verb. Tokens into *src_s, *src_e; false when there is none. */
bool attribution_participle_source(const frame_ctx *c, const frame_list *list,
                                   size_t sentence_frames, size_t first, size_t end, size_t i,
                                   size_t *src_s, size_t *src_e);
/* "issued a statement (on Tuesday)(,) saying": the first token of the verb group that issued
 * the document before the participle at i, or SIZE_MAX. */
size_t attribution_issued_document(const frame_ctx *c, size_t first, size_t i);

/* ---- quotations around a frame (quotations.c) ---- */

/* "“A,” he said. “B.”" or "“A,” he said, “B.”": sets f's continuation to the quotation after
 * the cue that goes on with the same speech, if any. j is the first token after the frame's
 * source and cue, end the sentence's end. */
void attribution_continue_quotation(const frame_ctx *c, attribution *f, size_t j, size_t end);
/* "CONTENT, said SOURCE": is [first, i) a quotation or a clause with a verb? */
bool attribution_quoted_or_clause_before(const frame_ctx *c, size_t first, size_t i);
/* Do words of the sentence before the opening mark at `open` make the quotation part of a
 * reported clause ('Closing the department would “send the wrong message,” he said')? */
bool attribution_partial_quotation(const frame_ctx *c, size_t first, size_t open);

/* ---- frames without a reporting verb (shapes.c) ---- */

/* "Donald Trump: “...”": a short capitalised source before a colon that opens a sentence. */
bool attribution_colon_frame(const frame_ctx *c, size_t first, size_t end, attribution *f);
/* "In a new CBS poll, Trump leads": a poll or study opening the sentence is the source. */
bool attribution_in_document_frame(const frame_ctx *c, size_t first, size_t end, attribution *f);
/* "As Haddad put it, ..." / "..., as Haddad put it": token i is "put". */
bool attribution_put_it_frame(const frame_ctx *c, size_t i, size_t first, size_t end,
                              attribution *f);

#endif
