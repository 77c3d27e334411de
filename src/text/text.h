/* text.h - the second pipeline stage: normalisation, tokens, sentences and tags.
 *
 * text_analyse turns a document's body into NFC-normalised text, tokens with byte offsets
 * and sentences, then (when a tagger is loaded) tags every token with UPOS and XPOS. Later
 * stages read tokens and tags from here and never tokenise again.
 */
#ifndef SITREP_TEXT_H
#define SITREP_TEXT_H

#include "../base/base.h"
#include "../ingest/ingest.h"

/* Caps per article. Past them the rest of the text is not analysed, with a warning. */
#define TEXT_MAX_TOKENS ((size_t)4 << 20)
#define TEXT_MAX_SENTENCE_TOKENS 300 /* longer runs are split (a warning counts them) */

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
    uint8_t upos;        /* tagger output (upos_tag), 0 = not tagged */
    uint8_t xpos;        /* tagger output (index into the tagger's XPOS table), 0 = none */
    uint8_t deprel;      /* parser output (dep_relation, syntax/parser.h), 0 = not parsed */
    uint16_t head;       /* parser output: the head's 1-based position in the sentence, 0 for
                            the root (deprel DEP_ROOT) or when not parsed */
    uint32_t sentence;   /* index of the sentence that holds it */
} token;

typedef struct sentence {
    uint32_t start, end; /* byte offsets into the body; text is body[start, end) */
    uint32_t first_token;
    uint32_t ntokens;
    uint32_t paragraph;
} sentence;

/* Universal POS tags, in the UD order. */
typedef enum upos_tag {
    UPOS_NONE = 0,
    UPOS_ADJ,
    UPOS_ADP,
    UPOS_ADV,
    UPOS_AUX,
    UPOS_CCONJ,
    UPOS_DET,
    UPOS_INTJ,
    UPOS_NOUN,
    UPOS_NUM,
    UPOS_PART,
    UPOS_PRON,
    UPOS_PROPN,
    UPOS_PUNCT,
    UPOS_SCONJ,
    UPOS_SYM,
    UPOS_VERB,
    UPOS_X,
    UPOS_COUNT
} upos_tag;

/* Returns "NOUN" etc., "_" for UPOS_NONE. Static string. */
const char *upos_name(upos_tag tag);
/* Returns the tag for a name, or UPOS_NONE. */
upos_tag upos_from_name(const char *name, size_t length);

typedef struct tagger tagger; /* a trained POS model (tagger.c); immutable once loaded */

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

/* The whole stage: normalise doc->body (and its metadata strings), tokenise, split, and tag
 * with `model` when it is not NULL. Warnings go to doc->warnings. */
sitrep_status text_analyse(arena *a, document *doc, const tagger *model,
                           text_result *out) MUST_CHECK;

/* Returns the token's text as a slice of the normalised body. */
static inline slice token_text(const text_result *text, const token *t)
{
    return slice_make(text->text + t->start, t->end - t->start);
}

/* ---- part-of-speech tagger (tagger.c, tagger_train.c; docs/tagger.md) ---- */

/* An averaged perceptron over hashed features predicts one class per token; a class is a
 * (UPOS, XPOS) pair seen in training. Decoding is greedy, left to right, deterministic. */

#define TAGGER_FILE_MAX ((size_t)64 << 20)        /* larger model files are refused */
#define TAGGER_CONLLU_MAX_TOKENS 4096             /* word lines per CoNLL-U sentence */
#define TAGGER_CONLLU_MAX_BYTES ((size_t)1 << 30) /* CoNLL-U input (training, tagging) */

/* Loads a model file. Returns NULL and fills d ("PATH: checksum mismatch", "...: version 2,
 * expected 3", "...: truncated") on a bad file. The caller frees it with tagger_free. */
tagger *tagger_load(const char *path, diag *d);
/* Same from bytes in memory (copied; `name` is used in messages). */
tagger *tagger_load_bytes(const char *data, size_t length, const char *name, diag *d);
void tagger_free(tagger *model);
/* Tags n words: writes upos[i] (upos_tag) and xpos[i] (index for tagger_xpos_name). Any n;
 * deterministic; thread-safe on a shared model. */
void tagger_tag_words(const tagger *model, const slice *words, size_t n, uint8_t *upos,
                      uint8_t *xpos);
/* Tags the tokens of one sentence in place (upos and xpos fields). Deterministic. */
void tagger_tag_sentence(const tagger *model, const text_result *text, token *tokens,
                         size_t ntokens);
/* Returns the XPOS (Penn tag) name for an xpos index ("NN"), "_" when unknown. */
const char *tagger_xpos_name(const tagger *model, uint8_t xpos);
/* Returns the xpos index of a Penn tag name ("VBN") in this model, 0 when it has none. Later
 * stages look indices up once at load time rather than compare names per token. */
uint8_t tagger_xpos_find(const tagger *model, const char *name);
/* Model figures for messages and benchmarks. */
typedef struct tagger_info {
    size_t classes, xpos, features, weights, bytes;
} tagger_info;
void tagger_get_info(const tagger *model, tagger_info *info);

/* Reads CoNLL-U text and appends the same text to out with columns 4 and 5 (UPOS, XPOS) of
 * every word line replaced by predicted tags; comments, multiword-token ranges ("1-2") and
 * empty nodes ("1.1") are copied unchanged. A malformed line fails with SITREP_EPARSE and d
 * (path, line). SITREP_ELIMIT past TAGGER_CONLLU_MAX_TOKENS words in a sentence or out's cap. */
sitrep_status tagger_tag_conllu(const tagger *model, const char *data, size_t length,
                                const char *path, buf *out, diag *d) MUST_CHECK;

/* Training (tagger_train.c). `progress`, when set, receives one line per epoch. */
typedef struct tagger_train_options {
    unsigned epochs; /* passes over the training data (1..100) */
    uint64_t seed;   /* shuffles the sentence order; same data and seed, same model bytes */
    unsigned passes; /* 1 (0 = 1), or 2: a second pass that re-tags the words the first was
                        unsure of (TAGGER_PASS2_MARGIN), also seeing the first's tags of the
                        next two words; trained on 5-fold jackknifed first-pass tags (+0.25 UPOS
                        on EWT, about a quarter slower: docs/tagger.md) */
    void (*progress)(void *context, const char *line);
    void *progress_context;
} tagger_train_options;

typedef struct tagger_train_report {
    size_t train_sentences, train_tokens, dev_tokens;
    double dev_upos, dev_xpos; /* accuracy of the saved model on dev, 0..1 (0 without dev) */
    tagger_info info;
} tagger_train_report;

/* Trains on a CoNLL-U file (plain or gzip-compressed) and writes the model bytes into
 * model_out (tagger_load_bytes reads them). dev_path may be NULL. Errors: SITREP_EIO or
 * SITREP_EPARSE with d (path, line), SITREP_ELIMIT when a cap is exceeded. */
sitrep_status tagger_train(const char *train_path, const char *dev_path,
                           const tagger_train_options *options, buf *model_out,
                           tagger_train_report *report, diag *d) MUST_CHECK;

/* Reads a whole file, gunzipping it when it starts with the gzip magic. Caller frees *data.
 * Errors as file_read_all. */
sitrep_status tagger_read_file(const char *path, size_t max_bytes, char **data, size_t *length,
                               diag *d) MUST_CHECK;

/* ---- tagger internals shared by tagger.c and tagger_train.c (not for other stages) ---- */

#define TAGGER_MAGIC "SRTAGGER"
#define TAGGER_VERSION 3u
#define TAGGER_MAX_STATIC 44  /* features that do not depend on the previous tags (41 used) */
#define TAGGER_MAX_DYNAMIC 10 /* features of the previous tags (9 used) */
#define TAGGER_MAX_FEATURES (TAGGER_MAX_STATIC + TAGGER_MAX_DYNAMIC)
#define TAGGER_MAX_STAGES 2
#define TAGGER_MAX_CLASSES 254
#define TAGGER_START 255u /* "previous tag" before the first word */

#define TAGGER_DICT_MIN_COUNT 20   /* tag dictionary: words seen at least this often ... */
#define TAGGER_DICT_MIN_SHARE 0.97 /* ... with one class at least this share of the time */
#define TAGGER_DICT_NONE 255u      /* tagger_dict_find: the word is not in the dictionary */
/* With two passes, a first-pass class that beats the runner-up by this much (in first-pass
 * weight units, where the largest weight is 32767) is final and the second pass skips the
 * word (twice the speed of re-tagging every word, and no less accurate: docs/tagger.md). */
#define TAGGER_PASS2_MARGIN 10000

/* The hashes of one word the features are made of. `amb` is the word's ambiguity class: a
 * hash of the set of classes the training data gave its lower-case form (the model's
 * lexicon), 0 for a word the lexicon does not know. */
typedef struct tagger_word {
    uint64_t form, lower, shape, prefix[3], suffix[4];
    uint64_t amb;
    uint8_t caps;  /* TAGGER_CAPS_*: how the word is capitalised */
    uint8_t style; /* how the whole sentence is capitalised (tagger_sentence_style) */
} tagger_word;

enum { TAGGER_CAPS_NONE, TAGGER_CAPS_LOWER, TAGGER_CAPS_INITIAL, TAGGER_CAPS_ALL };

/* Sets style on the n words of a sentence: 1 when no word has a capital letter, 2 when most
 * of its words (at least three) start with one (a headline), 3 when they are all capitals,
 * 0 otherwise. Web text and headlines break the link between capitals and proper nouns. */
void tagger_sentence_style(tagger_word *words, size_t n);

/* Fills w for a word (curly quotes are read as straight ones, digits as 0); w->amb is 0 (the
 * caller looks it up with tagger_lexicon_find). */
void tagger_word_init(tagger_word *w, slice word);
/* The pseudo-words before the start (-1, -2) and after the end (1, 2) of a sentence. */
const tagger_word *tagger_word_boundary(int where);
/* Write the feature keys of the word ctx[2] with neighbours ctx[0..4] for a stage (0: the
 * first pass, 1: the second): the static ones (words, and in stage 1 the first pass's classes
 * of the next two words, TAGGER_START past the end), and the dynamic ones (the previous two
 * classes, TAGGER_START at the start). Each returns the number of keys written. */
size_t tagger_features_static(const tagger_word *const ctx[5], unsigned stage, unsigned right1,
                              unsigned right2, uint64_t out[TAGGER_MAX_STATIC]);
size_t tagger_features_dynamic(const tagger_word *const ctx[5], unsigned stage, unsigned prev1,
                               unsigned prev2, unsigned right1, uint64_t out[TAGGER_MAX_DYNAMIC]);

/* The tag dictionary: an open-addressed table of nslots (a power of two, with at least one
 * empty slot) word-form hashes (tagger_word.form, 0 = empty) and their classes. Returns the
 * class of the form, TAGGER_DICT_NONE when it is absent. */
static inline unsigned tagger_dict_find(const uint64_t *keys, const uint8_t *classes,
                                        uint32_t nslots, uint64_t form)
{
    form += form == 0;
    for (uint32_t i = (uint32_t)(form >> 40) & (nslots - 1);; i = (i + 1) & (nslots - 1)) {
        if (keys[i] == form)
            return classes[i];
        if (keys[i] == 0)
            return TAGGER_DICT_NONE;
    }
}

/* The lexicon: an open-addressed table of nslots (a power of two, with at least one empty
 * slot) lower-case-form hashes (tagger_word.lower, 0 = empty) and their ambiguity classes.
 * Returns the ambiguity class of the form, 0 when it is absent. */
static inline uint64_t tagger_lexicon_find(const uint64_t *keys, const uint64_t *ambs,
                                           uint32_t nslots, uint64_t lower)
{
    lower += lower == 0;
    for (uint32_t i = (uint32_t)(lower >> 40) & (nslots - 1);; i = (i + 1) & (nslots - 1)) {
        if (keys[i] == lower)
            return ambs[i];
        if (keys[i] == 0)
            return 0;
    }
}

/* One CoNLL-U word line as read by tagger_conllu_next. */
typedef struct tagger_conllu_word {
    slice form, upos, xpos;
    const char *line; /* start of the line, for rewriting */
    size_t line_len;  /* without the newline */
    long line_no;
} tagger_conllu_word;

/* Iterates over the sentences of CoNLL-U text (blocks separated by blank lines). */
typedef struct tagger_conllu_reader {
    const char *pos, *end;
    const char *path;
    long line; /* lines consumed so far */
} tagger_conllu_reader;

void tagger_conllu_init(tagger_conllu_reader *r, const char *data, size_t length, const char *path);
/* Reads the next sentence: its word lines into words[0..*n) (at most max) and the whole block
 * (comments and lines included, without the blank line) into *block. Returns SITREP_OK with
 * *n == 0 and an empty block at the end; SITREP_EPARSE with d for a line with fewer than 10
 * tab-separated columns or an empty FORM; SITREP_ELIMIT with d past max words. */
sitrep_status tagger_conllu_next(tagger_conllu_reader *r, tagger_conllu_word *words, size_t max,
                                 size_t *n, slice *block, diag *d) MUST_CHECK;

#endif
