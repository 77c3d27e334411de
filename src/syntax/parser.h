/* parser.h - the dependency parser of the syntax stage (docs/parser.md).
 *
 * A greedy transition-based parser (arc-hybrid, the root at the end of the buffer) scored by
 * an averaged perceptron over hashed features, trained with a dynamic oracle on UD English
 * EWT. It reads words with their POS tags (the tagger's output) and gives every word a head
 * and a Universal Dependencies relation. Temporary header: folded into the syntax stage's
 * header when the source tree is reorganised (issue 14).
 */
#ifndef SITREP_PARSER_H
#define SITREP_PARSER_H

#include "../text/text.h"

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

typedef struct parser parser; /* a trained model (parser.c); immutable once loaded */

#define PARSER_MAGIC "SRPARSER"
#define PARSER_VERSION 1u
#define PARSER_FILE_MAX ((size_t)64 << 20) /* larger model files are refused */
#define PARSER_MAX_WORDS 4096 /* longest sentence (CoNLL-U); heads fit 16 bits */

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
} parser_info;
void parser_get_info(const parser *model, parser_info *info);

/* Training (parser_train.c). `progress`, when set, receives one line per epoch. */
typedef struct parser_train_options {
    unsigned epochs;        /* passes over the training data (1..100) */
    uint64_t seed;          /* shuffles the sentences and the exploration; same data and seed,
                               same model bytes */
    unsigned explore_from;  /* first epoch (0-based) that follows the model's own mistakes */
    double explore_rate;    /* share of mistakes followed from then on (0..1) */
    unsigned min_word_count; /* words seen fewer times are unknown (0 = 2) */
    unsigned prune;          /* drop features whose largest quantised weight is below this */
    bool dev_each_epoch;     /* score dev after every epoch (slower) */
    void (*progress)(void *context, const char *line);
    void *progress_context;
} parser_train_options;

typedef struct parser_train_report {
    size_t train_sentences, train_tokens, nonprojective_arcs, dev_tokens;
    double dev_uas, dev_las; /* of the saved model on dev, 0..1 (0 without dev) */
    parser_info info;
} parser_train_report;

/* Trains on a CoNLL-U file (plain or gzip) whose columns 4 and 5 hold the tags the parser
 * will see (predicted, for realistic training) and 7 and 8 the gold tree; writes the model
 * bytes into model_out. dev_path may be NULL; its tags are read as they are. Errors:
 * SITREP_EIO or SITREP_EPARSE with d (path, line), SITREP_ELIMIT when a cap is exceeded,
 * SITREP_EUSAGE for bad options. */
sitrep_status parser_train(const char *train_path, const char *dev_path,
                           const parser_train_options *options, buf *model_out,
                           parser_train_report *report, diag *d) MUST_CHECK;

/* ---- internals shared by parser.c and parser_train.c (not for other stages) ---- */

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
    uint16_t head;           /* 0 while unattached */
    uint16_t left1, left2;   /* leftmost and second leftmost child, 0 = none */
    uint16_t right1, right2; /* rightmost and second rightmost */
    uint8_t relation;        /* dep_relation, 0 while unattached */
    uint8_t nleft, nright;   /* child counts (capped at 255) */
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
size_t parser_label_features(const parser_state *s, unsigned move, uint64_t *keys,
                             size_t *tags);

/* parser_parse_words on words already read (parser_input_init). */
void parser_parse_inputs(const parser *model, const parser_input *words, size_t n,
                         uint16_t *head, uint8_t *relation);

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

#endif
