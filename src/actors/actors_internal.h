/* actors_internal.h - what the files of the actors stage share (not for other stages; they
 * include actors.h): the per-sentence scan state, the word classes of tokens, the kinds of
 * mention, and the helpers of mentions.c that the sentence scan (scan.c) and the driver
 * (actors.c) call. actors.c calls scan.c, both call mentions.c, and nothing calls back.
 */
#ifndef SITREP_ACTORS_INTERNAL_H
#define SITREP_ACTORS_INTERNAL_H

#include "actors.h"

#include "../match/match.h"

/* What one position of a sentence starts: the longest valid dictionary phrase, split by what
 * its values can play. */
typedef struct unit {
    size_t len;
    const dict_entry *holder; /* a country, person, organisation ... with a code */
    uint32_t holder_index;
    const dict_entry *adj;  /* a country adjective */
    const dict_entry *role; /* an agent or title */
} unit;

typedef struct scan {
    arena *a;
    const dict *d;
    article *art;
    const text_result *text;
    const token *tokens; /* the sentence's tokens */
    const uint32_t *ids;
    const uint32_t *wflags; /* per token: W_* word classes */
    size_t n;
    bool tagged;
    bool in_capitals; /* the sentence is written in capitals (a headline): "CAR BOMB" */
    int32_t date;
    bool date_is_today;
    bool used_today;
    actor_mention *mentions;
    uint32_t *entries; /* per mention: dictionary entry + 1, 0 = none */
    size_t count, alloc;
    bool full;
    uint32_t sentence;
    size_t consumed_end; /* byte offset where the last emitted mention ends */
    size_t place_first;  /* places before it end before the token being read (never needed) */
} scan;

#define NO_ENTRY UINT32_MAX
/* How far back (in mentions) the lookups for earlier mentions go, so that an article with
 * thousands of mentions stays linear. */
#define LOOKBACK 512

/* The kinds of mention, one string each so that kinds compare by pointer (actors.c). */
extern const char ACTOR_KIND_COUNTRY[], ACTOR_KIND_ADJECTIVE[], ACTOR_KIND_DEMONYM[],
    ACTOR_KIND_CAPITAL[], ACTOR_KIND_METONYM[], ACTOR_KIND_PERSON[], ACTOR_KIND_ORGANIZATION[],
    ACTOR_KIND_GROUP[], ACTOR_KIND_AGENT[], ACTOR_KIND_TITLE[], ACTOR_KIND_PRONOUN[],
    ACTOR_KIND_REFERENCE[];

/* Word classes of the function words listed in actors.c, looked up once per token through a small
 * static hash table (built once, then read-only). */
enum {
    W_STOP = 1 << 0,
    W_CONNECTOR = 1 << 1,
    W_ORG = 1 << 2,
    W_PERSON_PRONOUN = 1 << 3,
    W_PLURAL_PRONOUN = 1 << 4,
    W_PAIR = 1 << 5,
    W_THE = 1 << 6,
    W_OF = 1 << 7,
    W_AND = 1 << 8,
    W_TWO = 1 << 9,
    W_BOTH = 1 << 10,
    W_POSSESSIVE_PRONOUN = 1 << 11,
    W_PLACE = 1 << 12,
    W_PAIR_PEOPLE = 1 << 13,
    W_MODIFIER = 1 << 14,
    W_ENVOY = 1 << 15,
    W_SHIP = 1U << 16,
    W_NEUTER_PRONOUN = 1U << 17,
    W_HUMAN_FEMALE = 1U << 18, /* "woman", "mother": a singular noun for one woman */
    W_HUMAN_MALE = 1U << 19,   /* "man", "father" */
    W_HUMAN = 1U << 20,        /* "victim", "official": one person of either sex */
    W_FEMALE_PRONOUN = 1U << 21,
    W_MALE_PRONOUN = 1U << 22,
    W_WATER = 1U << 23,  /* "gulf", "sea": "the Gulf of Oman" names water, not the state */
    W_SAYING = 1U << 24, /* "said", "denies", "vowed": a verb of saying whose clause follows */
};

static inline bool has(const scan *s, size_t i, unsigned flag)
{
    return i < s->n && (s->wflags[i] & flag);
}

/* Reads what starts at token i of the sentence (a dictionary unit with its combinations, a
 * pronoun or pair reference, an unknown name) and emits its mentions. Returns the next token
 * to read (always past i). scan.c. */
size_t scan_step(scan *s, size_t i);
/* The code of a country with a role ("RUS" + "MIL"), from the arena. */
const char *scan_combine(scan *s, const char *country, const char *role);
/* ---- emitting ---- */
const char *scan_country_of(const scan *s, const char *code);
/* Appends a mention over tokens [first, last) of the sentence. Returns its index or -1. */
long scan_emit(scan *s, size_t first, size_t last, const char *code, const char *kind,
               uint32_t entry, long antecedent);
/* The code of a dictionary entry on the article's date (notes when today stood in for it). */
const char *scan_entry_code(scan *s, const dict_entry *e);
/* The longest dictionary phrase that starts at token i and may be read here, split by what its
 * values can play; len 0 when none. */
unit scan_find_unit(const scan *s, size_t i);
/* Token tests: a capitalised word or abbreviation; the possessive clitic ('s, ’s). False past
 * the end of the sentence. */
bool scan_is_cap(const scan *s, size_t i);
bool scan_is_possessive(const scan *s, size_t i);
/* The most recent mention of a dictionary entry, or -1. */
long scan_last_mention_of(const scan *s, uint32_t entry);
/* True when mention k is a person's. */
static inline bool mention_is_person(const scan *s, size_t k)
{
    return s->mentions[k].kind == ACTOR_KIND_PERSON;
}

/* The root of mention k's chain of antecedents. */
static inline size_t root_of(const scan *s, size_t k)
{
    while (s->mentions[k].antecedent >= 0)
        k = (size_t)s->mentions[k].antecedent;
    return k;
}

/* "the two countries", "both nations": refers to the last two countries named. Returns the
 * tokens consumed or 0. */
size_t scan_pair_reference(scan *s, size_t i);
/* "the country", "the alliance", "the North": a definite description emitted with the actor it
 * refers to (coref.c has the kinds). Returns the tokens used (0: none). */
size_t scan_description(scan *s, size_t i);
/* A personal or plural pronoun at token i, emitted with its antecedent. Returns the tokens
 * used (0: none). */
size_t scan_pronoun(scan *s, size_t i);
/* The most recent person mentioned within `sentences` sentences (optionally of a country). */
long scan_recent_person(const scan *s, uint32_t sentences, const char *country);
/* True when the tagger says the role word modifies a noun ("military technology"). */
bool scan_role_is_modifier(const scan *s, size_t last);
/* An earlier person this capitalised word is the short name of ("Kovalenko" after "Andrii
 * Kovalenko", "Kim" after "Kim Jong-un" when the dictionary has no "Kim"), or -1. For a
 * dictionary person the entry's name is compared, so titles in the mention do not count. */
long scan_short_name(const scan *s, size_t i);
/* Length of the capitalised name starting at i (0 when none): at least two capitalised
 * words, with connectors between them, no dictionary person/country inside. */
size_t scan_unknown_run(const scan *s, size_t i, bool *is_org);
/* True when the word at token i, tagged NOUN, stands before what looks like its object: a
 * determiner, a pronoun, or a proper name with a possessive ("drive Kyiv's forces"). */
bool scan_verb_before_object(const scan *s, size_t i);
/* The first token of a mention, taking in a preceding "the" that no mention holds. */
size_t scan_with_article(const scan *s, size_t i);
/* Builds the word-class table once (thread-safe); call before scan_word_flags. */
void scan_words_init(void);
/* The word classes (W_*) of a word folded to lower case, 0 for others. */
uint32_t scan_word_flags(const char *s, size_t n);

#endif
