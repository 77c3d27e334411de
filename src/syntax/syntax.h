/* syntax.h - the third pipeline stage (after text/): parts of speech and dependency parses.
 *
 * syntax_tag fills the upos and xpos fields of every token of an analysed text with the POS
 * tagger (tagger.c: an averaged perceptron we train ourselves on UD English EWT with
 * tagger_train.c; docs/tagger.md); syntax_parse then fills head and deprel with the
 * dependency parser (parser.c, parser_train.c: arc-hybrid transitions scored by averaged
 * perceptrons, trained on EWT; docs/parser.md). Later stages read both from the tokens.
 */
#ifndef SITREP_SYNTAX_H
#define SITREP_SYNTAX_H

#include "../base/base.h"
#include "../text/text.h"

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

/* The whole stage: tags every sentence of `text` in place with `model` (NULL: the tokens stay
 * untagged). Deterministic; thread-safe on a shared model. */
void syntax_tag(const tagger *model, text_result *text);

typedef struct parser parser; /* a trained dependency parser (parser.c); immutable once loaded */

/* Parses every sentence of a tagged `text` in place (token head and deprel) with `model`;
 * `tags` is the tagger that tagged it. Deterministic; thread-safe on a shared model. */
void syntax_parse(const parser *model, const tagger *tags, text_result *text);

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
/* Reading a parse (parser_tree.c). `words` are the n tokens of one parsed sentence
 * (text->tokens + sentence.first_token), indexes 0-based. Both return false, and leave
 * first and last alone, when the sentence is not parsed or the index is out of range. */

/* The words w governs, itself included: [*first, *last] (a parse is projective, so the span
 * holds nothing else). */
bool syntax_subtree(const token *words, size_t n, size_t w, size_t *first, size_t *last);
/* The clause the reporting verb at `verb` reports, as a span without edge punctuation: the
 * words of its ccomp ("said [that the army shelled the town]": a leading "that" is in the
 * span, its deprel DEP_MARK), else of its nearest parataxis dependent ("said: [...]"); when
 * the verb is itself a parataxis ("[the army shelled the town], officials said"), the words
 * of its head's clause on the far side of the verb's own words. False when the verb reports
 * no clause in the parse. */
bool syntax_reported_clause(const token *words, size_t n, size_t verb, size_t *first, size_t *last);

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
    unsigned epochs;       /* passes over the training data (1..100) */
    uint64_t seed;         /* shuffles the sentence order; same data and seed, same model bytes */
    unsigned passes;       /* 1 (0 = 1), or 2: a second pass that re-tags the words the first was
                              unsure of (TAGGER_PASS2_MARGIN), also seeing the first's tags of the
                              next two words; trained on 5-fold jackknifed first-pass tags (+0.25 UPOS
                              on EWT, about a quarter slower: docs/tagger.md) */
    uint64_t drop_static;  /* templates left out: bit k = static template k */
    uint64_t drop_dynamic; /* bit k = dynamic template k (docs/tagger.md, template ablation) */
    unsigned min_count;    /* features seen fewer times in a stage's training data (with the
                              gold previous tags) are left out; 0 or 1 keeps every feature */
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
#define TAGGER_VERSION 4u
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
    uint8_t caps;    /* TAGGER_CAPS_*: how the word is capitalised */
    uint8_t style;   /* how the whole sentence is capitalised (tagger_sentence_style) */
    uint8_t affixes; /* 1: every prefix and suffix is set; 0: only suffix[2] (the decoder
                        hashes the others when it has no cached sum for the word) */
} tagger_word;

enum { TAGGER_CAPS_NONE, TAGGER_CAPS_LOWER, TAGGER_CAPS_INITIAL, TAGGER_CAPS_ALL };

/* Sets style on the n words of a sentence: 1 when no word has a capital letter, 2 when most
 * of its words (at least three) start with one (a headline), 3 when they are all capitals,
 * 0 otherwise. Web text and headlines break the link between capitals and proper nouns. */
void tagger_sentence_style(tagger_word *words, size_t n);

/* Fills w for a word (curly quotes are read as straight ones, digits as 0); w->amb is 0 (the
 * caller looks it up with tagger_lexicon_find). With affixes false, only suffix[2] of the
 * affixes (what the neighbours' and the dynamic features read; the rest are 0 and
 * w->affixes is 0). */
void tagger_word_init(tagger_word *w, slice word, bool affixes);
/* The pseudo-words before the start (-1, -2) and after the end (1, 2) of a sentence. */
const tagger_word *tagger_word_boundary(int where);
/* Write the feature keys of the word ctx[2] with neighbours ctx[0..4] for a stage (0: the
 * first pass, 1: the second): the static ones (words, and in stage 1 the first pass's classes
 * of the next two words, TAGGER_START past the end), and the dynamic ones (the previous two
 * classes, TAGGER_START at the start). Each returns the number of keys written. */
size_t tagger_features_static(const tagger_word *const ctx[5], unsigned stage, unsigned right1,
                              unsigned right2, uint64_t out[TAGGER_MAX_STATIC]);
/* The keys of tagger_features_static whose template index (position in its output) has its
 * bit set in `which`, in the same order: the decoder computes the word-only ones only when it
 * has no cached sum for the word. */
size_t tagger_features_static_some(const tagger_word *const ctx[5], unsigned stage, unsigned right1,
                                   unsigned right2, uint64_t which,
                                   uint64_t out[TAGGER_MAX_STATIC]);
size_t tagger_features_dynamic(const tagger_word *const ctx[5], unsigned stage, unsigned prev1,
                               unsigned prev2, unsigned right1, uint64_t out[TAGGER_MAX_DYNAMIC]);
/* The keys of tagger_features_dynamic whose template index has its bit set in `which` (a
 * model trained without some templates, tagger_train_options.drop_dynamic, skips them). */
size_t tagger_features_dynamic_some(const tagger_word *const ctx[5], unsigned stage, unsigned prev1,
                                    unsigned prev2, unsigned right1, uint64_t which,
                                    uint64_t out[TAGGER_MAX_DYNAMIC]);
/* True for the templates of tagger_features_static (by index in its output) that read only
 * the word itself and the sentence's style, not its neighbours: the decoder caches their
 * summed weights per word type. */
bool tagger_feature_word_only(size_t template_index);

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

/* ---- dependency parser (parser.c, parser_train.c; docs/parser.md) ---- */

/* A greedy transition-based parser (arc-hybrid, the root at the end of the buffer) scored by
 * averaged perceptrons over hashed features, trained with a dynamic oracle on UD English EWT.
 * It reads words with their POS tags and gives every word a head and a Universal Dependencies
 * relation. */

/* Universal Dependencies relations: the 37 universal ones and the English subtypes of UD
 * English EWT (and of older releases and GUM, so such treebanks train too). Ids are fixed;
 * later stages compare tokens' relations with these constants. A subtype not listed here is
 * read as its universal relation ("nmod:in" -> DEP_NMOD). Fewer than 64, so a set of them
 * fits a uint64_t. */
typedef enum dep_relation {
    DEP_NONE = 0, /* not parsed */
    DEP_ACL,
    DEP_ACL_RELCL,
    DEP_ADVCL,
    DEP_ADVCL_RELCL,
    DEP_ADVMOD,
    DEP_AMOD,
    DEP_APPOS,
    DEP_AUX,
    DEP_AUX_PASS,
    DEP_CASE,
    DEP_CC,
    DEP_CC_PRECONJ,
    DEP_CCOMP,
    DEP_CLF,
    DEP_COMPOUND,
    DEP_COMPOUND_PRT,
    DEP_CONJ,
    DEP_COP,
    DEP_CSUBJ,
    DEP_CSUBJ_OUTER,
    DEP_CSUBJ_PASS,
    DEP_DEP,
    DEP_DET,
    DEP_DET_PREDET,
    DEP_DISCOURSE,
    DEP_DISLOCATED,
    DEP_EXPL,
    DEP_FIXED,
    DEP_FLAT,
    DEP_FLAT_FOREIGN,
    DEP_GOESWITH,
    DEP_IOBJ,
    DEP_LIST,
    DEP_MARK,
    DEP_NMOD,
    DEP_NMOD_DESC,
    DEP_NMOD_NPMOD,
    DEP_NMOD_POSS,
    DEP_NMOD_TMOD,
    DEP_NMOD_UNMARKED,
    DEP_NSUBJ,
    DEP_NSUBJ_OUTER,
    DEP_NSUBJ_PASS,
    DEP_NUMMOD,
    DEP_OBJ,
    DEP_OBL,
    DEP_OBL_AGENT,
    DEP_OBL_NPMOD,
    DEP_OBL_TMOD,
    DEP_OBL_UNMARKED,
    DEP_ORPHAN,
    DEP_PARATAXIS,
    DEP_PUNCT,
    DEP_REPARANDUM,
    DEP_ROOT,
    DEP_VOCATIVE,
    DEP_XCOMP,
    DEP_COUNT
} dep_relation;

/* Returns "nsubj:pass" etc., "_" for DEP_NONE or an id out of range. Static string. */
const char *dep_relation_name(unsigned relation);
/* Returns the relation of a name: exact, else the universal relation before the colon
 * ("obl:in" -> DEP_OBL); DEP_NONE when neither is known. */
dep_relation dep_relation_from_name(const char *name, size_t length);

#define PARSER_MAGIC "SRPARSER"
#define PARSER_VERSION 2u
#define PARSER_FEATURE_SET 5u /* the templates of parser_features and parser_label_features */
/* Model flags (the high half of the beam field): moves and relations scored together. */
#define PARSER_FLAG_JOINT 1u
#define PARSER_FILE_MAX ((size_t)64 << 20) /* larger model files are refused */
#define PARSER_MAX_WORDS 4096              /* longest sentence (CoNLL-U); heads fit 16 bits */

/* Loads a model file. Returns NULL and fills d ("PATH: not a sitrep parser model (bad
 * magic)", "...: truncated model", "...: checksum mismatch", "...: model format version 2,
 * expected 1") on a bad file. The caller frees it with parser_free. */
parser *parser_load(const char *path, diag *d);
/* Same from bytes in memory (copied; `name` is used in messages). */
parser *parser_load_bytes(const char *data, size_t length, const char *name, diag *d);
void parser_free(parser *model);

/* One word to parse: its text, UPOS (upos_tag) and XPOS name ("NN"; any bytes). */
typedef struct parser_word {
    slice form;
    slice xpos;
    uint8_t upos;
} parser_word;

/* Parses n words (1 <= n <= PARSER_MAX_WORDS; other n do nothing): head[i] is 0 when word i
 * is the root, else the 1-based position of its head; relation[i] is its dep_relation. The
 * result is always one tree: exactly one root, no cycles, projective. Deterministic;
 * thread-safe on a shared model. */
void parser_parse_words(const parser *model, const parser_word *words, size_t n, uint16_t *head,
                        uint8_t *relation);
/* Parses the tokens of one sentence in place (head and deprel fields) from their tags;
 * `tags` is the tagger that tagged them (it names their XPOS). Sentences longer than
 * PARSER_MAX_WORDS are parsed in pieces, each with its own root. */
void parser_parse_sentence(const parser *model, const tagger *tags, const text_result *text,
                           token *tokens, size_t ntokens);

/* Reads CoNLL-U text and appends it with every word line's columns 7 and 8 (HEAD, DEPREL)
 * replaced by the parse and column 9 (DEPS) by "_". With a tagger, columns 4 and 5 are first
 * replaced by predicted tags, which the parser reads; without one the file's tags are read.
 * Comments, multiword-token ranges and empty nodes are copied unchanged. Errors as
 * tagger_tag_conllu. */
sitrep_status parser_parse_conllu(const parser *model, const tagger *tags, const char *data,
                                  size_t length, const char *path, buf *out, diag *d) MUST_CHECK;

/* Model figures for messages and benchmarks. */
typedef struct parser_info {
    size_t relations;      /* relations the model can give (left and right arcs counted apart) */
    size_t move_features;  /* features of the move classifier (3 weights each) */
    size_t label_features; /* features of the relation classifier ... */
    size_t label_weights;  /* ... and their nonzero weights */
    size_t words, bytes;
    unsigned beam; /* the width of the beam it parses with (1: greedy) */
} parser_info;
void parser_get_info(const parser *model, parser_info *info);
/* Decodes with a beam of `width` (1: greedy; capped at PARSER_BEAM_MAX) instead of the width
 * the model was trained with (0 restores it). A narrower beam than the training's parses
 * faster and less accurately (docs/parser.md). Not thread-safe: call before sharing the model. */
void parser_set_beam(parser *model, unsigned width);

/* Training (parser_train.c). `progress`, when set, receives one line per epoch. */
typedef struct parser_train_options {
    unsigned epochs;         /* passes over the training data (1..100) */
    uint64_t seed;           /* shuffles the sentences and the exploration; same data and seed,
                                same model bytes */
    unsigned explore_from;   /* first epoch (0-based) that follows the model's own mistakes */
    double explore_rate;     /* share of mistakes followed from then on (0..1) */
    unsigned min_word_count; /* words seen fewer times are unknown (0 = 2) */
    unsigned prune;          /* drop features whose largest quantised weight is below this */
    bool dev_each_epoch;     /* score dev after every epoch (slower) */
    unsigned beam;           /* 2..PARSER_BEAM_MAX: beam search with global training of the
                                moves, and the model is decoded with it; 0 or 1: greedy */
    bool max_violation;      /* with a beam: max-violation updates instead of early updates */
    bool joint;              /* with a beam: every (move, relation) pair a candidate of the
                                beam, relations trained globally with the moves */
    unsigned parse_beam;     /* with a beam: the width the model decodes with by default
                                (0: the training's) */
    buf *also_out;           /* when set, a second model from the same weights, pruned with
                                also_prune instead of prune (one training, two sizes) */
    unsigned also_prune;
    void (*progress)(void *context, const char *line);
    void *progress_context;
} parser_train_options;

typedef struct parser_train_report {
    size_t train_sentences, train_tokens, nonprojective_arcs, dev_tokens;
    double dev_uas, dev_las; /* of the saved model on dev, 0..1 (0 without dev) */
    parser_info info;
    double also_dev_uas, also_dev_las; /* the same of the model in also_out */
    parser_info also_info;
} parser_train_report;

/* Trains on a CoNLL-U file (plain or gzip) whose columns 4 and 5 hold the tags the parser
 * will see (predicted, for realistic training) and 7 and 8 the gold tree; writes the model
 * bytes into model_out. dev_path may be NULL; its tags are read as they are. Errors:
 * SITREP_EIO or SITREP_EPARSE with d (path, line), SITREP_ELIMIT when a cap is exceeded,
 * SITREP_EUSAGE for bad options. */
sitrep_status parser_train(const char *train_path, const char *dev_path,
                           const parser_train_options *options, buf *model_out,
                           parser_train_report *report, diag *d) MUST_CHECK;

/* ---- internals shared by parser.c, parser_train.c and parser_treebank.c (not for other stages)
 * ---- */

/* What the features know of a word: hashes of its (lower-case) form, mapped to one value
 * for words the model's vocabulary does not know, its tags, and both. Index 0 of a sentence
 * is "no word", index n + 1 the root. */
typedef struct parser_token {
    uint64_t word, tag, word_tag;
    uint64_t upos; /* the UPOS alone (a hash): robust to XPOS errors such as VBD for VBN */
} parser_token;

/* The parse so far of one word. Children arrive in order (left ones from the nearest out,
 * right ones from the nearest out), so the newest is always the outermost. */
typedef struct parser_node {
    uint16_t head;                /* 0 while unattached */
    uint16_t left1, left2;        /* leftmost and second leftmost child, 0 = none */
    uint16_t right1, right2;      /* rightmost and second rightmost */
    uint8_t relation;             /* dep_relation, 0 while unattached */
    uint8_t nleft, nright;        /* child counts (capped at 255) */
    uint64_t left_set, right_set; /* relations of the children, one bit each */
} parser_node;

/* An arc-hybrid configuration: the stack, the buffer front b (n + 1 is the root, which ends
 * the buffer) and the nodes (n + 2, as the tokens). */
typedef struct parser_state {
    uint32_t n, b, depth;
    const parser_token *tokens;
    parser_node *nodes;
    uint16_t *stack;
} parser_state;

enum { PARSER_SHIFT = 0, PARSER_LEFT = 1, PARSER_RIGHT = 2, PARSER_MOVES = 3 };
#define PARSER_MAX_FEATURES 96       /* keys of a configuration (parser_features) */
#define PARSER_MAX_LABEL_FEATURES 48 /* keys of an arc (parser_label_features) */
/* Relations a model may have for each direction of arc (40 left and 43 right in EWT): the
 * relation classifier's weights for one feature fit a row of this many 16-bit lanes. */
#define PARSER_LANES 48

/* A word as the parser reads it: hashes of its form the way the vocabulary stores it (lower
 * case, digits as 0, curly quotes as straight ones; the first 64 bytes) and of its tags. */
typedef struct parser_input {
    uint64_t word, tag;
    uint8_t upos;
} parser_input;
/* What the features see of every word the vocabulary does not know. (Telling unknown words
 * apart by their last three letters and capitals was tried: -0.2 dev UAS.) */
#define PARSER_UNKNOWN_WORD 0x6b1f3c7e2a9d4e15ULL

void parser_input_init(parser_input *in, slice form, unsigned upos, slice xpos);
/* The hash of a UPOS alone. */
uint64_t parser_upos_hash(unsigned upos);
/* Completes tokens[0..n+1] once tokens[1..n] have their word (already mapped through the
 * vocabulary) and tag: the pseudo-words at 0 and n + 1, and every word_tag. */
void parser_tokens_finish(parser_token *tokens, size_t n);
/* Resets state for n words over tokens[0..n+1], with nodes and stack of n + 2 entries. */
void parser_state_init(parser_state *state, const parser_token *tokens, parser_node *nodes,
                       uint16_t *stack, size_t n);
static inline bool parser_state_done(const parser_state *s)
{
    return s->depth == 0 && s->b == s->n + 1;
}
/* Whether a move (PARSER_SHIFT/LEFT/RIGHT) with a relation is allowed: the root relation
 * goes only from the last stack word to the root, and only when it is alone on the stack. */
bool parser_state_allows(const parser_state *s, unsigned move, unsigned relation);
/* Applies an allowed move. */
void parser_state_apply(parser_state *s, unsigned move, unsigned relation);
/* Keys of features made of tags, relations, distances and counts only (no words) have this
 * bit set: there are few of them and they are used all the time, so the model keeps them in
 * small tables of their own that stay in the cache. */
#define PARSER_TAG_KEY ((uint64_t)1 << 63)
/* Writes the feature keys of a configuration for choosing the move; returns how many
 * (<= PARSER_MAX_FEATURES). The *tags first are keys of tag features (PARSER_TAG_KEY). */
size_t parser_features(const parser_state *s, uint64_t *keys, size_t *tags);
/* Writes the feature keys for choosing the relation of the arc `move` (PARSER_LEFT: s0 to
 * b0; PARSER_RIGHT: s0 to s1) would make; returns how many (<= PARSER_MAX_LABEL_FEATURES),
 * tag features first as parser_features. */
size_t parser_label_features(const parser_state *s, unsigned move, uint64_t *keys, size_t *tags);

/* parser_parse_words on words already read (parser_input_init). */
void parser_parse_inputs(const parser *model, const parser_input *words, size_t n, uint16_t *head,
                         uint8_t *relation);

/* Gold arcs a move makes unreachable (the dynamic oracle of Goldberg and Nivre 2013 for
 * arc-hybrid, unlabelled): gold[w] is word w's gold head (n + 1 = the root). */
void parser_move_costs(const parser_state *s, const uint16_t *gold, unsigned cost[PARSER_MOVES]);
/* A model's best relation for the arc `move` would make (greedy parsing). */
unsigned parser_choose_relation(const parser *model, const parser_state *s, unsigned move);

/* Beam search (parser_beam.c). The items of generation `gen` are the live ones, best first;
 * each owns its nodes, stack and history (one entry per move made: move | relation << 2). */
#define PARSER_BEAM_MAX 16
typedef struct parser_beam_item {
    parser_state st;
    int64_t score;     /* sum of the scores of its moves */
    uint32_t cost;     /* gold arcs lost so far (with a gold tree) */
    uint16_t *history; /* `steps` entries */
} parser_beam_item;
typedef struct parser_beam {
    unsigned width, gen, count, steps;
    size_t capacity; /* longest sentence the pools hold */
    parser_beam_item item[2][PARSER_BEAM_MAX];
    parser_node *node_pool;
    uint16_t *stack_pool, *history_pool;
} parser_beam;
/* Who scores: moves() fills the scores of the three moves of a configuration where more
 * than one is allowed. Relations: with relations() NULL, relation() names the relation of an
 * arc once the move is chosen; with relations() set (joint scoring, Zhang and Nivre 2011),
 * every relation of an arc is a candidate of its own, relations() giving the score of each
 * lane (added to the move's) and, in *relation_of, the relation of each lane; it returns the
 * number of lanes. gold (training, or NULL) gives each item its cost (gold arcs lost), and
 * with joint scoring gold_relation[w] (1-based) makes a wrong relation on a gold arc cost one. */
typedef struct parser_beam_scorer {
    void (*moves)(void *context, const parser_state *s, int64_t scores[PARSER_MOVES]);
    unsigned (*relation)(void *context, const parser_state *s, unsigned move);
    unsigned (*relations)(void *context, const parser_state *s, unsigned move,
                          int64_t scores[PARSER_LANES], const uint8_t **relation_of);
    void *context;
    const uint16_t *gold;
    const uint8_t *gold_relation;
} parser_beam_scorer;
/* Allocates a beam of width 1..PARSER_BEAM_MAX (clamped) for sentences up to `longest`. */
void parser_beam_init(parser_beam *b, unsigned width, size_t longest);
void parser_beam_release(parser_beam *b);
/* Starts a sentence of n <= capacity words (tokens finished). */
void parser_beam_start(parser_beam *b, const parser_token *tokens, size_t n);
/* Advances every item by one move and keeps the `width` best. Returns false (and does
 * nothing) once the parses are complete. With a gold tree: *gold_kept tells whether an item
 * without cost survived, and gold_history (steps + 1 entries) receives the history of the
 * best-scored candidate without cost. */
bool parser_beam_step(parser_beam *b, const parser_beam_scorer *sc, uint16_t *gold_history,
                      bool *gold_kept);
/* Runs the beam over a whole sentence; the best parse is then item[gen][0]. */
void parser_beam_parse(parser_beam *b, const parser_beam_scorer *sc, const parser_token *tokens,
                       size_t n);

/* The vocabulary: an open-addressed table of word hashes (0 = empty slot, at least one
 * empty). Returns whether the word is in it. */
static inline bool parser_vocab_has(const uint64_t *keys, uint32_t nslots, uint64_t word)
{
    word += word == 0;
    for (uint32_t i = (uint32_t)(word >> 40) & (nslots - 1);; i = (i + 1) & (nslots - 1)) {
        if (keys[i] == word)
            return true;
        if (keys[i] == 0)
            return false;
    }
}

/* Splits a CoNLL-U line into at most 10 tab-separated columns; returns how many. */
int parser_conllu_columns(const char *line, size_t length, slice columns[10]);

/* A treebank in memory (parser_treebank.c), for training and scoring. */
typedef struct parser_treebank {
    parser_input *input; /* per token */
    uint16_t *head;      /* gold head: 1..n, n + 1 for the root */
    uint8_t *relation;   /* gold dep_relation */
    uint32_t *first;     /* first token of each sentence, plus one past the end */
    size_t ntokens, nsentences;
    size_t skipped; /* sentences that are not one tree */
} parser_treebank;

/* Reads a CoNLL-U treebank (plain or gzip): tags as given, gold trees (non-projective arcs
 * lifted to their head's head when `lift`, counted in *lifted). Sentences that are not one
 * single-rooted tree are skipped and counted. Errors name the file and line. */
sitrep_status parser_treebank_read(const char *path, bool lift, parser_treebank *t, size_t *lifted,
                                   diag *d) MUST_CHECK;
void parser_treebank_release(parser_treebank *t);
/* The words of a treebank seen at least min_count times, as a table parser_vocab_has
 * reads (the model file's layout); the caller frees keys. */
typedef struct parser_vocab {
    uint64_t *keys;
    uint32_t nslots, nwords;
} parser_vocab;
void parser_vocab_build(const parser_treebank *t, unsigned min_count, parser_vocab *v);
/* The relations of a treebank's trees by direction, one bit each: [PARSER_LEFT] those of
 * words left of their head, with root (the root ends the buffer); [PARSER_RIGHT] the rest. */
void parser_relations_build(const parser_treebank *t, uint64_t relations[PARSER_MOVES]);

/* ---- the averaged perceptron of training (perceptron.c; tagger_train.c, parser_train.c) ----
 * Zero-initialise a perceptron, give it a table (table_size a power of two, table
 * xcalloc'd), then add features and update their weights; `now` counts the instances seen
 * (the caller increments it), which the averages divide by. */
typedef struct perceptron_weight {
    int64_t total; /* sum of w over the instances before ts */
    int32_t w;
    uint32_t ts;
    uint8_t cls;
} perceptron_weight;

typedef struct perceptron_feature {
    uint64_t key;
    uint32_t offset; /* into the pool */
    uint16_t n, cap;
} perceptron_feature;

typedef struct perceptron {
    uint32_t *table; /* open addressing: feature index + 1, 0 = empty */
    size_t table_size;
    perceptron_feature *features;
    size_t nfeatures, alloc_features;
    perceptron_weight *pool;
    size_t pool_len, pool_alloc;
    uint32_t now; /* instances seen */
} perceptron;

const perceptron_feature *perceptron_find(const perceptron *p, uint64_t key);
/* The feature of key, added (without weights) when new. */
perceptron_feature *perceptron_add(perceptron *p, uint64_t key);
/* Adds delta to the feature's weight for class cls (created at 0 when new). */
void perceptron_update(perceptron *p, perceptron_feature *f, unsigned cls, int delta);
/* scores[0..nclasses) of the features' classes; with `averaged`, the averaged weights scaled by
 * the instance count (exact sums); classes of weights must be below nclasses. */
void perceptron_scores(const perceptron *p, const uint64_t *keys, size_t nkeys, bool averaged,
                       int64_t *scores, unsigned nclasses);
/* A weight's average over the `now` instances seen. */
double perceptron_average(const perceptron_weight *w, uint32_t now);
void perceptron_release(perceptron *p);
/* The next of a seeded sequence of random numbers (splitmix64). */
uint64_t syntax_splitmix(uint64_t *state);

#endif
