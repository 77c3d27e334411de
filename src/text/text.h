/* text.h - the second pipeline stage (after ingest/): normalisation, tokens and sentences.
 *
 * text_analyse turns a document's body into NFC-normalised text, tokens with byte offsets
 * and sentences. The syntax stage (syntax/syntax.h) then fills each token's tags. Later
 * stages read tokens from here and never tokenise again.
 */
#ifndef SITREP_TEXT_H
#define SITREP_TEXT_H

#include "../base/base.h"
#include "../ingest/ingest.h"

/* Caps per article. Past them the rest of the text is not analysed, with a warning. */
#define TEXT_MAX_TOKENS ((size_t)4 << 20)
#define TEXT_MAX_SENTENCE_TOKENS 300 /* longer runs are split (a warning counts them) */
/* Sentences coded per article (a long report has a few thousand); with every later stage's
 * data per sentence this bounds an article's memory. */
#define TEXT_MAX_SENTENCES 20000

typedef enum token_kind {
    TOKEN_WORD = 0, /* letters, digits, internal hyphens/apostrophes: Kim, Jong-un, F-16 */
    TOKEN_NUMBER,   /* starts with a digit: 14,000  1.5  1990s  3rd */
    TOKEN_ABBREV,   /* abbreviation or initial with its period: U.S.  Gen.  J. */
    TOKEN_CLITIC,   /* 's  n't  're  ’s ... */
    TOKEN_PUNCT,    /* . , ; : ! ? ( ) [ ] ... and the ellipsis */
    TOKEN_QUOTE,    /* " ' “ ” ‘ ’ « » */
    TOKEN_DASH,     /* – — -- and a spaced hyphen */
    TOKEN_SYMBOL,   /* $ € % & + / and other symbols */
    TOKEN_URL,      /* http://... www.... and e-mail addresses */
    TOKEN_HANDLE,   /* @name and #tag */
} token_kind;

/* Token flags. */
enum {
    TOKEN_SPACE_BEFORE = 1 << 0, /* white space precedes the token */
    TOKEN_LINE_START = 1 << 1,   /* first token after a line break */
    TOKEN_PARA_START = 1 << 2,   /* first token of a paragraph */
    TOKEN_UPPER = 1 << 3,        /* first character is an upper-case letter */
    TOKEN_ALL_UPPER = 1 << 4,    /* two or more letters, all upper case */
    TOKEN_ASCII = 1 << 5,        /* only ASCII bytes */
};

typedef struct token {
    uint32_t start, end; /* byte offsets into the normalised body */
    uint8_t kind;        /* token_kind */
    uint8_t flags;       /* TOKEN_* flags */
    uint8_t upos;        /* syntax stage: upos_tag (syntax/syntax.h), 0 = not tagged */
    uint8_t xpos;        /* syntax stage: index into the tagger's XPOS table, 0 = none */
    uint8_t deprel;      /* syntax stage: dep_relation (syntax/syntax.h), 0 = not parsed */
    uint16_t head;       /* syntax stage: the head's 1-based position in the sentence, 0 for
                            the root (deprel DEP_ROOT) or when not parsed */
    uint32_t sentence;   /* index of the sentence that holds it */
} token;

typedef struct sentence {
    uint32_t start, end; /* byte offsets into the body; text is body[start, end) */
    uint32_t first_token;
    uint32_t ntokens;
    uint32_t paragraph;
} sentence;

/* The result of analysing one body. Arrays live in the arena passed to text_analyse. */
typedef struct text_result {
    const char *text; /* the normalised body (doc->body is updated to it too) */
    size_t length;
    token *tokens;
    size_t ntokens;
    sentence *sentences;
    size_t nsentences;
} text_result;

/* Normalises to NFC with ICU (ASCII text is returned as is without a copy). Input must be
 * valid UTF-8. Returns the normalised copy (arena) or the input itself; NULL at the cap. */
const char *text_normalize(arena *a, const char *s, size_t length, size_t *out_length);

/* Splits text into tokens. Appends to a growable arena array; returns SITREP_ELIMIT when
 * TEXT_MAX_TOKENS is reached (the tokens so far are kept and *count is set). */
sitrep_status text_tokenize(arena *a, const char *s, size_t length, token **tokens, size_t *count);

/* Groups tokens into sentences (abbreviations, initials, numbers, ellipses, closing quotes
 * and brackets, paragraph breaks and lines without final punctuation are handled). Sets each
 * token's `sentence`. `paragraphs` gives each paragraph's start offset (may be NULL). */
sitrep_status text_split_sentences(arena *a, const char *s, token *tokens, size_t ntokens,
                                   const uint32_t *paragraphs, size_t nparagraphs,
                                   sentence **sentences, size_t *nsentences) MUST_CHECK;

/* The whole stage: normalise doc->body (and its metadata strings), tokenise and split.
 * Tokens come out untagged (syntax_tag tags them). Past TEXT_MAX_TOKENS or
 * TEXT_MAX_SENTENCES the rest of the body is left out, with a "truncated" warning naming the
 * limit and the byte where analysis stopped. Warnings go to doc->warnings. */
sitrep_status text_analyse(arena *a, document *doc, text_result *out) MUST_CHECK;

/* ---- language (language.c): is the article English? ---- */

/* libexttextcat's configuration: its list of language fingerprints (Debian's path). */
#ifndef LANGUAGE_TEXTCAT_CONF
#define LANGUAGE_TEXTCAT_CONF "/usr/share/libexttextcat/fpdb.conf"
#endif

/* Names the language of articles that are not English. Created once per context and shared
 * by threads; libexttextcat's models are read on first need (an English article never needs
 * them). */
typedef struct language_model language_model;
/* conf: a libexttextcat fpdb.conf (NULL: LANGUAGE_TEXTCAT_CONF). Never fails: a configuration
 * that cannot be read makes language_guess answer "und" for text that is not English. */
language_model *language_model_new(const char *conf);
void language_model_free(language_model *model);
/* True when the text is not English: a share of English function words below 15% over at
 * least 25 words, and libexttextcat does not count English among its best guesses. Writes
 * the guessed language's code ("fr", "zh", "und" when it cannot be named) into code. False
 * for English text and text too short to tell. m may be NULL (code "und"). Thread-safe. */
bool language_guess(language_model *m, const text_result *text, char code[16]);
/* The English name of a language code ("fr" -> "French"), NULL when not in the table. */
const char *language_name(const char *code);
/* Adds a warning "language" to warnings when language_guess finds the text is not English.
 * Returns SITREP_ELIMIT at the arena cap. */
sitrep_status language_warn(language_model *m, arena *a, const text_result *text,
                            warning_list *warnings) MUST_CHECK;

/* The index of the first token that starts at or after byte `at` (ntokens when none): tokens
 * are in text order, so this is a binary search. */
static inline size_t text_token_from(const text_result *text, uint32_t at)
{
    size_t lo = 0, hi = text->ntokens;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (text->tokens[mid].start < at)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* Returns the token's text as a slice of the normalised body. */
static inline slice token_text(const text_result *text, const token *t)
{
    return slice_make(text->text + t->start, t->end - t->start);
}

#endif
