/* language.c - is the article in English? Part of the text stage, after tokenising.
 *
 * sitrep's dictionaries, patterns and tagger are English; an article in another language
 * codes (almost) nothing, silently. So an article whose words are not English gets a
 * `language` warning naming what it looks like. A fast test first: in English news about one
 * word in four is one of a few dozen function words ("the", "of", "said"); when the share is
 * high enough the article is English and nothing else runs. Otherwise libexttextcat (n-gram
 * profiles of about 160 languages, Debian's libexttextcat-data) names the language.
 */
#include "text.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <textcat.h>
#include <unistd.h>

/* Words of English that other languages written in Latin letters rarely use. */
static const char *const english_words[] = {
    "the",  "of",    "and",  "to",    "that",  "for",    "with",  "was",   "said",
    "from", "his",   "are",  "have",  "has",   "this",   "were",  "which", "who",
    "will", "their", "been", "would", "they",  "after",  "it",    "by",    "not",
    "but",  "had",   "its",  "he",    "she",   "her",    "there", "about", "into",
    "than", "also",  "when", "what",  "could", "should", "be",    "an",    "or"};

/* The share of those words at or above which the article is English without asking textcat.
 * Measured over words of letters: PolNeAR's 1,012 English news texts have a median of 0.29
 * (1st percentile 0.19, lowest 0.11); the 20 pages of article-extraction-benchmark that are
 * not English are all below 0.09 (16 of them below 0.01). Below the share, textcat decides;
 * figures: tools/accuracy/language.sh. */
#define ENGLISH_SHARE 0.15
/* Fewer words than this: too short to tell; no warning. */
#define MIN_WORDS 25
/* The share is taken over the first words: enough to tell, and bounded. */
#define SAMPLE_WORDS 600
/* textcat reads this much of the body at most. */
#define SAMPLE_BYTES 4096

struct language_model {
    char conf[1024];
    pthread_mutex_t lock; /* textcat is loaded on first use and its handle is not shared */
    void *textcat;
    bool failed;
};

/* A word of the list, in any case: the words are two to six letters long, and a word is
 * compared only with the list's words of its own first letter. */
static bool is_english_word(const char *s, size_t n)
{
    if (n < 2 || n > 6)
        return false;
    char first = (char)(s[0] >= 'A' && s[0] <= 'Z' ? s[0] - 'A' + 'a' : s[0]);
    for (size_t i = 0; i < ARRAY_LEN(english_words); i++) {
        const char *w = english_words[i];
        if (w[0] != first || strlen(w) != n)
            continue;
        size_t k = 1;
        while (k < n && (s[k] == w[k] || s[k] - 'A' + 'a' == w[k]))
            k++;
        if (k == n)
            return true;
    }
    return false;
}

language_model *language_model_new(const char *conf)
{
    language_model *m = xcalloc(1, sizeof *m);
    snprintf(m->conf, sizeof m->conf, "%s", conf ? conf : LANGUAGE_TEXTCAT_CONF);
    pthread_mutex_init(&m->lock, NULL);
    return m;
}

void language_model_free(language_model *m)
{
    if (!m)
        return;
    if (m->textcat)
        textcat_Done(m->textcat);
    pthread_mutex_destroy(&m->lock);
    free(m);
}

/* The fingerprint files are named relative to the configuration's folder. */
static void load(language_model *m)
{
    /* libexttextcat prints when it cannot open its configuration; a library must not */
    if (access(m->conf, R_OK) != 0) {
        m->failed = true;
        return;
    }
    char prefix[1024];
    snprintf(prefix, sizeof prefix, "%s", m->conf);
    char *slash = strrchr(prefix, '/');
    if (slash)
        slash[1] = '\0';
    else
        prefix[0] = '\0';
    m->textcat = special_textcat_Init(m->conf, prefix);
    m->failed = !m->textcat;
}

/* Names of the languages news comes in most; other codes are shown as they are. */
static const struct {
    const char *code, *name;
} names[] = {{"fr", "French"},  {"de", "German"},   {"es", "Spanish"},   {"pt", "Portuguese"},
             {"it", "Italian"}, {"nl", "Dutch"},    {"ru", "Russian"},   {"uk", "Ukrainian"},
             {"pl", "Polish"},  {"cs", "Czech"},    {"tr", "Turkish"},   {"ar", "Arabic"},
             {"fa", "Persian"}, {"he", "Hebrew"},   {"zh", "Chinese"},   {"ja", "Japanese"},
             {"ko", "Korean"},  {"hi", "Hindi"},    {"ur", "Urdu"},      {"id", "Indonesian"},
             {"sv", "Swedish"}, {"ro", "Romanian"}, {"hu", "Hungarian"}, {"el", "Greek"},
             {"sr", "Serbian"}, {"hr", "Croatian"}, {"bg", "Bulgarian"}, {"fi", "Finnish"},
             {"da", "Danish"},  {"nb", "Norwegian"}};

const char *language_name(const char *code)
{
    for (size_t i = 0; i < ARRAY_LEN(names); i++)
        if (strcmp(names[i].code, code) == 0)
            return names[i].name;
    return NULL;
}

bool language_guess(language_model *m, const text_result *text, char code[16])
{
    code[0] = '\0';
    size_t words = 0, english = 0;
    for (size_t i = 0; i < text->ntokens && words < SAMPLE_WORDS; i++) {
        const token *t = &text->tokens[i];
        if (t->kind != TOKEN_WORD)
            continue;
        words++;
        english += is_english_word(text->text + t->start, t->end - t->start);
    }
    if (words < MIN_WORDS || (double)english >= ENGLISH_SHARE * (double)words)
        return false;
    if (!m) {
        memcpy(code, "und", 4); /* not English, but nothing to name it with */
        return true;
    }
    size_t n = text->length < SAMPLE_BYTES ? text->length : SAMPLE_BYTES;
    while (n > 0 && n < text->length && ((unsigned char)text->text[n] & 0xC0) == 0x80)
        n--; /* whole characters only */
    pthread_mutex_lock(&m->lock);
    if (!m->textcat && !m->failed)
        load(m);
    bool found = false;
    if (m->textcat) {
        candidate_t *candidates = textcat_GetClassifyFullOutput(m->textcat);
        int count = candidates ? textcat_ClassifyFull(m->textcat, text->text, n, candidates) : 0;
        /* one clear winner, or several of which English is none */
        /* Scots is English to an n-gram profile: telegraphic English (headlines, short
         * wire sentences with few function words) comes out as Scots */
        bool english_among = false;
        for (int i = 0; i < count; i++)
            english_among |= strncmp(candidates[i].name, "en-", 3) == 0 ||
                             strncmp(candidates[i].name, "sco-", 4) == 0;
        if (count >= 1 && !english_among) {
            size_t k = strcspn(candidates[0].name, "-");
            if (k > 0 && k < 16) {
                memcpy(code, candidates[0].name, k);
                code[k] = '\0';
                found = true;
            }
        }
        if (candidates)
            textcat_ReleaseClassifyFullOutput(m->textcat, candidates);
    }
    if (m->failed) {
        memcpy(code, "und", 4);
        found = true;
    }
    pthread_mutex_unlock(&m->lock);
    return found;
}

sitrep_status language_warn(language_model *m, arena *a, const text_result *text,
                            warning_list *warnings)
{
    char code[16];
    if (!language_guess(m, text, code))
        return SITREP_OK;
    const char *name = language_name(code);
    const char *message =
        strcmp(code, "und") == 0
            ? arena_printf(a, "the text does not look like English (and the language models "
                              "of libexttextcat-data could not be read to name its language): "
                              "sitrep's dictionaries and patterns are English, so few events "
                              "will be found")
            : arena_printf(a,
                           "the text looks like %s (%s), not English: sitrep's "
                           "dictionaries and patterns are English, so few events "
                           "will be found",
                           name ? name : code, code);
    if (!message)
        return SITREP_ELIMIT;
    warning_add(warnings, "language", message);
    return SITREP_OK;
}
