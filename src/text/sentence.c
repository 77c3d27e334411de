/* sentence.c - groups tokens into sentences.
 *
 * News needs more than a full stop: abbreviations and titles (U.S., Gen., Lt. Col., No.)
 * rarely end a sentence, initials never do, closing quotes and brackets belong to the
 * sentence they close, a "?" or "!" followed by a lower-case word ("he asked") does not end
 * it, and paragraph breaks always do (headlines and captions have no final punctuation).
 * Runs of more than TEXT_MAX_SENTENCE_TOKENS tokens are cut so later stages stay bounded.
 */
#include "text.h"

#include <string.h>

/* Abbreviations that precede a name or number and so never end a sentence. */
static const char *const title_abbreviations[] = {
    "Mr.",   "Mrs.",   "Ms.",  "Dr.",   "Prof.", "Gen.",  "Lt.",   "Col.",    "Maj.", "Capt.",
    "Cpt.",  "Sgt.",   "Cpl.", "Pvt.",  "Adm.",  "Brig.", "Cmdr.", "Cdr.",    "Gov.", "Sen.",
    "Rep.",  "Rev.",   "Hon.", "Pres.", "Amb.",  "Insp.", "Supt.", "Fr.",     "St.",  "Mt.",
    "Ft.",   "No.",    "Nos.", "Vol.",  "Fig.",  "Art.",  "Gens.", "Messrs.", "Sec.", "Atty.",
    "Cmdt.", "Lieut.", "pp.",  "p.",    "vs.",   "cf.",
};

/* Capitalised words that start sentences far more often than they continue names, so that
 * "... in the U.S. The talks ..." ends after "U.S.". */
static const char *const sentence_starters[] = {
    "The",       "A",       "An",     "He",      "She",      "It",     "They",      "We",
    "I",         "You",     "This",   "That",    "These",    "Those",  "But",       "And",
    "Or",        "In",      "On",     "At",      "For",      "If",     "When",      "While",
    "As",        "After",   "Before", "Since",   "Although", "Though", "However",   "Meanwhile",
    "There",     "His",     "Her",    "Their",   "Its",      "Our",    "My",        "Some",
    "Many",      "Most",    "Such",   "So",      "Yet",      "Still",  "Then",      "Now",
    "Officials", "Both",    "Each",   "Neither", "No",       "Not",    "What",      "Why",
    "How",       "Who",     "Where",  "Last",    "Earlier",  "Later",  "According", "Under",
    "During",    "Despite",
};

static bool in_list(slice s, const char *const *list, size_t count)
{
    for (size_t i = 0; i < count; i++)
        if (s.len && list[i][0] == s.ptr[0] && slice_eq_cstr(s, list[i]))
            return true;
    return false;
}

static slice text_of(const char *s, const token *t)
{
    return slice_make(s + t->start, t->end - t->start);
}

static bool is_terminal(const char *s, const token *t)
{
    if (t->kind == TOKEN_ABBREV)
        return true;
    if (t->kind != TOKEN_PUNCT)
        return false;
    slice x = text_of(s, t);
    return (x.len >= 1 && (x.ptr[0] == '.' || x.ptr[0] == '!' || x.ptr[0] == '?')) ||
           slice_eq_cstr(x, "\xE2\x80\xA6");
}

static bool is_closing(const char *s, const token *t)
{
    slice x = text_of(s, t);
    if (t->kind == TOKEN_QUOTE) {
        /* typographic closers, or a straight quote glued to the punctuation before it */
        if (slice_eq_cstr(x, "\xE2\x80\x9D") || slice_eq_cstr(x, "\xE2\x80\x99") ||
            slice_eq_cstr(x, "\xC2\xBB"))
            return true;
        return !(t->flags & TOKEN_SPACE_BEFORE) &&
               (slice_eq_cstr(x, "\"") || slice_eq_cstr(x, "'") || slice_eq_cstr(x, "''"));
    }
    if (t->kind == TOKEN_PUNCT && x.len == 1)
        return (x.ptr[0] == ')' || x.ptr[0] == ']' || x.ptr[0] == '}') &&
               !(t->flags & TOKEN_SPACE_BEFORE);
    /* "!?" "?!" and repeated marks: "What?!" */
    return t->kind == TOKEN_PUNCT && x.len >= 1 && (x.ptr[0] == '!' || x.ptr[0] == '?') &&
           !(t->flags & TOKEN_SPACE_BEFORE);
}

/* Can token t begin a new sentence after a full stop? */
static bool opens_sentence(const char *s, const token *t)
{
    if (t->flags & TOKEN_UPPER)
        return true;
    if (t->kind == TOKEN_NUMBER || t->kind == TOKEN_DASH || t->kind == TOKEN_HANDLE)
        return true;
    slice x = text_of(s, t);
    if (t->kind == TOKEN_QUOTE)
        return true;
    if (t->kind == TOKEN_PUNCT && x.len == 1 && (x.ptr[0] == '(' || x.ptr[0] == '['))
        return true;
    /* a non-ASCII letter that is upper case is flagged TOKEN_UPPER already */
    return false;
}

static bool push(arena *a, sentence **out, size_t *n, size_t *cap, const token *tokens,
                 size_t first, size_t last_exclusive, const uint32_t *paragraphs,
                 size_t nparagraphs, size_t *para_cursor)
{
    sentence *grown = arena_array_room(a, *out, *n, cap, sizeof(sentence));
    if (!grown)
        return false;
    *out = grown;
    sentence *sent = &(*out)[*n];
    sent->start = tokens[first].start;
    sent->end = tokens[last_exclusive - 1].end;
    sent->first_token = (uint32_t)first;
    sent->ntokens = (uint32_t)(last_exclusive - first);
    while (paragraphs && *para_cursor + 1 < nparagraphs &&
           paragraphs[*para_cursor + 1] <= sent->start)
        (*para_cursor)++;
    sent->paragraph = (uint32_t)*para_cursor;
    (*n)++;
    return true;
}

sitrep_status text_split_sentences(arena *a, const char *s, token *tokens, size_t ntokens,
                                   const uint32_t *paragraphs, size_t nparagraphs,
                                   sentence **sentences, size_t *nsentences)
{
    sentence *out = NULL;
    size_t n = 0, cap = 0, para = 0, start = 0;
    size_t i = 0;
    while (i < ntokens) {
        size_t boundary = 0; /* index of the first token of the next sentence, 0 = none */
        if (i > start && (tokens[i].flags & TOKEN_PARA_START)) {
            boundary = i;
        } else if (i - start + 1 >= TEXT_MAX_SENTENCE_TOKENS) {
            boundary = i + 1;
        } else if (is_terminal(s, &tokens[i])) {
            size_t j = i + 1;
            while (j < ntokens && j - start < TEXT_MAX_SENTENCE_TOKENS &&
                   !(tokens[j].flags & TOKEN_PARA_START) && is_closing(s, &tokens[j]))
                j++;
            if (j >= ntokens || (tokens[j].flags & TOKEN_PARA_START)) {
                boundary = j;
            } else if (tokens[i].kind == TOKEN_ABBREV) {
                slice x = text_of(s, &tokens[i]);
                bool title = in_list(x, title_abbreviations, ARRAY_LEN(title_abbreviations));
                bool initial = x.len == 2 && (tokens[i].flags & TOKEN_UPPER);
                /* "Sen. David Perdue (R-Ga.) said": a closing mark after the abbreviation
                 * ends the sentence only when what follows can open one */
                bool closed = j > i + 1 && j < ntokens && opens_sentence(s, &tokens[j]);
                if (!title && !initial &&
                    (closed || in_list(text_of(s, &tokens[j]), sentence_starters,
                                       ARRAY_LEN(sentence_starters))))
                    boundary = j;
            } else if (opens_sentence(s, &tokens[j])) {
                boundary = j;
            }
        }
        if (boundary && boundary > start) {
            size_t end = boundary;
            for (size_t k = start; k < end; k++)
                tokens[k].sentence = (uint32_t)n;
            if (!push(a, &out, &n, &cap, tokens, start, end, paragraphs, nparagraphs, &para))
                return SITREP_ELIMIT;
            start = end;
            i = end;
            continue;
        }
        i++;
    }
    if (start < ntokens) {
        for (size_t k = start; k < ntokens; k++)
            tokens[k].sentence = (uint32_t)n;
        if (!push(a, &out, &n, &cap, tokens, start, ntokens, paragraphs, nparagraphs, &para))
            return SITREP_ELIMIT;
    }
    *sentences = out;
    *nsentences = n;
    return SITREP_OK;
}
