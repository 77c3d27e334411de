/* attribution.c - who says so: reporting frames (source, cue, content) and quotations.
 *
 * News reports claims. For every reporting cue (said, claimed, believe, according to ...)
 * this finds the frame around it in the forms news uses: "SOURCE CUE (that) CONTENT",
 * "CONTENT, SOURCE CUE.", "“CONTENT,” CUE SOURCE", "SOURCE CUE: “CONTENT”" (a quotation may
 * run over several sentences) and "according to SOURCE, CONTENT"; classifies the source
 * (named person, unnamed official, organisation, document) and resolves pronoun sources to the
 * last named speaker. The event coder attaches frames to the events inside their content.
 */
#include "attribution.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ATTRIBUTION_MAX_SOURCE_TOKENS 24
#define ATTRIBUTION_MAX_QUOTE_TOKENS 600
#define ATTRIBUTION_MAX_PER_ARTICLE 4096

/* ---- token helpers ---- */

typedef struct frame_ctx {
    const article *art;
    const token *tokens;
    const char *text;
    int32_t *quote_end;   /* for an opening quote token: index of its closing quote, else -1 */
    int32_t *quote_start; /* for a closing quote token: index of its opening quote, else -1 */
    int32_t inside_until; /* cues up to this token are inside a quotation: skipped */
} frame_ctx;

static slice tok(const frame_ctx *c, size_t i)
{
    return slice_make(c->text + c->tokens[i].start, c->tokens[i].end - c->tokens[i].start);
}

static bool tok_is(const frame_ctx *c, size_t i, const char *word)
{
    return slice_eq_nocase(tok(c, i), word);
}

static bool tok_in(const frame_ctx *c, size_t i, const char *const *list, size_t n)
{
    slice s = tok(c, i);
    if (s.len == 0)
        return false;
    /* compare the first letter before the whole word: most list entries differ there */
    char first = (char)(s.ptr[0] | 0x20);
    for (size_t k = 0; k < n; k++)
        if ((char)(list[k][0] | 0x20) == first && slice_eq_nocase(s, list[k]))
            return true;
    return false;
}

#define TOK_IN(c, i, list) tok_in(c, i, list, ARRAY_LEN(list))

static bool is_opening_quote(const frame_ctx *c, size_t i)
{
    if (c->tokens[i].kind != TOKEN_QUOTE)
        return false;
    slice s = tok(c, i);
    if (slice_eq_cstr(s, "\xE2\x80\x9C") || slice_eq_cstr(s, "\xC2\xAB") ||
        slice_eq_cstr(s, "\xE2\x80\x9E") || slice_eq_cstr(s, "\xE2\x80\x98") ||
        slice_eq_cstr(s, "``"))
        return true;
    return (slice_eq_cstr(s, "\"") || slice_eq_cstr(s, "''")) &&
           (c->tokens[i].flags & (TOKEN_SPACE_BEFORE | TOKEN_LINE_START) || i == 0);
}

static bool is_closing_quote(const frame_ctx *c, size_t i)
{
    if (c->tokens[i].kind != TOKEN_QUOTE)
        return false;
    slice s = tok(c, i);
    if (slice_eq_cstr(s, "\xE2\x80\x9D") || slice_eq_cstr(s, "\xC2\xBB"))
        return true;
    return (slice_eq_cstr(s, "\"") || slice_eq_cstr(s, "''") || slice_eq_cstr(s, "\xE2\x80\x99")) &&
           !(c->tokens[i].flags & TOKEN_SPACE_BEFORE);
}

static bool is_punct(const frame_ctx *c, size_t i, char p)
{
    slice s = tok(c, i);
    return c->tokens[i].kind == TOKEN_PUNCT && s.len == 1 && s.ptr[0] == p;
}

static bool is_final_punct(const frame_ctx *c, size_t i)
{
    slice s = tok(c, i);
    return c->tokens[i].kind == TOKEN_PUNCT && s.len >= 1 &&
           (s.ptr[0] == '.' || s.ptr[0] == '!' || s.ptr[0] == '?' ||
            slice_eq_cstr(s, "\xE2\x80\xA6"));
}

static const char *const auxiliaries[] = {
    "has",        "have",       "had",        "'s",        "is",         "are",      "was",
    "were",       "be",         "been",       "being",     "will",       "would",    "shall",
    "should",     "can",        "could",      "may",       "might",      "must",     "do",
    "does",       "did",        "not",        "n't",       "never",      "also",     "now",
    "repeatedly", "publicly",   "previously", "recently",  "reportedly", "already",  "later",
    "earlier",    "again",      "further",    "privately", "separately", "still",    "even",
    "often",      "widely",     "initially",  "falsely",   "flatly",     "strongly", "firmly",
    "openly",     "officially", "formally",   "long",      "once",       "then",     "first",
    "just",
};

/* Words that end a noun phrase when scanning left from a verb: the source starts after them. */
static const char *const left_boundaries[] = {
    "that",     "as",     "because", "while", "when", "after",   "before",
    "although", "though", "if",      "since", "but",  "whereas", "where",
    "which",    "who",    "whom",    "so",    "yet",  "until",   "unless",
};

static const char *const determiners[] = {
    "the", "a",  "an",   "this",  "that",  "these", "those", "his", "her",  "its", "their",
    "our", "my", "your", "whose", "every", "each",  "any",   "no",  "some", "'s",  "\xE2\x80\x99s",
};

static const char *const pronouns[] = {"he", "she", "they", "it", "we", "i", "you"};

/* Cues with an object before their content: "told reporters that", "warned Iran that". */
static const char *const object_cues[] = {
    "told",    "tells",   "tell",  "telling", "informed", "assured", "warned",  "reminded",
    "assures", "informs", "warns", "reminds", "called",   "calls",   "calling", "call"};

/* Cues whose content may be an infinitive: "vowed to retaliate", "threatened to strike". */
static const char *const commitment_cues[] = {
    "vowed",    "vows",     "vowing",    "pledged",    "pledges",   "pledging",
    "promised", "promises", "promising", "threatened", "threatens", "threatening",
    "vow",      "pledge",   "promise",   "threaten",   "swore",     "vowed"};

/* Cues with an object and an infinitive: "urged Israel to halt", "asked Congress to". */
static const char *const appeal_cues[] = {"urged", "urges", "urging", "urge",
                                          "asked", "asks",  "asking", "ask"};

static const char *const document_heads[] = {
    "report",    "reports",       "statement",  "statements", "study",      "survey",    "document",
    "documents", "memo",          "analysis",   "assessment", "communique", "letter",    "poll",
    "data",      "investigation", "filing",     "dossier",    "video",      "footage",   "images",
    "records",   "paper",         "article",    "book",       "review",     "briefing",  "release",
    "notice",    "decree",        "resolution", "tweet",      "post",       "estimates", "figures",
    "cable",     "transcript",    "audit",      "polls",      "surveys",    "studies",   "findings",
    "results",   "emails",
};

static const char *const official_heads[] = {
    "official",    "officials",  "spokesman",   "spokeswoman",    "spokesperson",
    "spokesmen",   "source",     "sources",     "diplomat",       "diplomats",
    "aide",        "aides",      "officer",     "officers",       "commander",
    "commanders",  "analyst",    "analysts",    "expert",         "experts",
    "observer",    "observers",  "witness",     "witnesses",      "resident",
    "residents",   "people",     "lawmaker",    "lawmakers",      "legislator",
    "legislators", "envoy",      "envoys",      "negotiator",     "negotiators",
    "mediator",    "mediators",  "authorities", "investigators",  "investigator",
    "prosecutors", "prosecutor", "activists",   "activist",       "monitors",
    "member",      "members",    "minister",    "ministers",      "adviser",
    "advisers",    "advisor",    "advisors",    "representative", "representatives",
    "delegate",    "delegates",  "insiders",    "insider",        "planners",
    "chiefs",      "leaders",    "doctors",     "medics",         "rescuers",
    "workers",     "agents",     "staff",       "researchers",    "scientists",
    "economists",  "traders",    "bankers",     "campaigners",    "critics",
    "supporters",  "opponents",  "civilians",   "governor",       "governors",
    "mayor",       "chief",      "head",        "ambassador",     "secretary",
    "general",     "president",  "premier",     "chancellor",     "commissioner",
    "director",    "negotiator", "coordinator", "rapporteur",     "inspector",
    "inspectors",  "police",     "paramedics",
};

/* Capitalised words that belong to organisations and places rather than to people's names. */
static const char *const institution_words[] = {
    "Ministry",    "Council",      "Army",         "Forces",
    "Force",       "Command",      "Government",   "Kremlin",
    "Pentagon",    "Department",   "Office",       "Agency",
    "Service",     "Committee",    "Commission",   "Union",
    "Nations",     "Organization", "Organisation", "Party",
    "Front",       "Group",        "Court",        "Parliament",
    "Assembly",    "Congress",     "Senate",       "House",
    "Bank",        "Fund",         "Institute",    "University",
    "Times",       "Post",         "News",         "Press",
    "Reuters",     "Korea",        "States",       "Kingdom",
    "Republic",    "Emirates",     "Arabia",       "Africa",
    "America",     "Europe",       "Guard",        "Navy",
    "Corps",       "Police",       "Authority",    "Administration",
    "Cabinet",     "Secretariat",  "Bureau",       "Centre",
    "Center",      "Foundation",   "Watch",        "International",
    "Network",     "Alliance",     "Coalition",    "Movement",
    "Brigade",     "Brigades",     "Battalion",    "Division",
    "Staff",       "Headquarters", "Intelligence", "Security",
    "Defence",     "Defense",      "Affairs",      "Street",
    "Hall",        "Palace",       "Agency",       "Tribunal",
    "Observatory", "Red",          "Cross",        "Crescent",
    "Hezbollah",   "Hamas",        "Taliban",      "Houthis",
    "Wagner",      "Gaza",         "Strip",        "Bank",
    "Sea",         "Coast",        "Island",
};

static bool is_capitalised_word(const frame_ctx *c, size_t i)
{
    const token *t = &c->tokens[i];
    return (t->kind == TOKEN_WORD || t->kind == TOKEN_ABBREV) && (t->flags & TOKEN_UPPER);
}

static const char *const day_words[] = {
    "monday",  "tuesday",   "wednesday", "thursday", "friday",   "saturday", "sunday",
    "january", "february",  "march",     "april",    "may",      "june",     "july",
    "august",  "september", "october",   "november", "december", "jan.",     "feb.",
    "aug.",    "sept.",     "oct.",      "nov.",     "dec.",
};

/* Skips a time or setting phrase between a cue and its content: "said on Sunday (that)",
 * "said yesterday", "said last week", "said in a statement (that)". */
static size_t skip_time_adverbial(const frame_ctx *c, size_t k, size_t end)
{
    if (k >= end)
        return k;
    if (tok_is(c, k, "yesterday") || tok_is(c, k, "today") || tok_is(c, k, "tonight") ||
        tok_is(c, k, "earlier") || tok_is(c, k, "later") || tok_is(c, k, "again"))
        return k + 1;
    if ((tok_is(c, k, "on") || tok_is(c, k, "late") || tok_is(c, k, "early")) && k + 1 < end &&
        (TOK_IN(c, k + 1, day_words) || c->tokens[k + 1].kind == TOKEN_NUMBER)) {
        k += 2;
        while (k < end && (TOK_IN(c, k, day_words) || c->tokens[k].kind == TOKEN_NUMBER ||
                           tok_is(c, k, "night") || tok_is(c, k, "morning") ||
                           tok_is(c, k, "evening") || tok_is(c, k, "afternoon")))
            k++;
        return k;
    }
    if (tok_is(c, k, "last") && k + 1 < end &&
        (tok_is(c, k + 1, "week") || tok_is(c, k + 1, "month") || tok_is(c, k + 1, "year") ||
         tok_is(c, k + 1, "night") || TOK_IN(c, k + 1, day_words)))
        return k + 2;
    if (tok_is(c, k, "in") && k + 2 < end && (tok_is(c, k + 1, "a") || tok_is(c, k + 1, "an"))) {
        /* "in a statement", "in a televised address on Monday": up to "that" or a comma */
        for (size_t j = k + 2; j < end && j < k + 8; j++)
            if (tok_is(c, j, "that") || is_punct(c, j, ',') || is_punct(c, j, ':'))
                return j;
    }
    return k;
}

/* The first token index of the content that follows a leading cue, or SIZE_MAX when the cue
 * is strict and nothing marks a complement. Skips "that", a colon, a comma before a quote,
 * and (for tell/inform/assure/warn) a short object: "told reporters that". */
static size_t content_start(const frame_ctx *c, size_t cue, size_t end, bool strict, bool *direct)
{
    size_t k = cue + 1;
    *direct = false;
    bool marked = false;
    /* commitments and appeals: "vowed to retaliate", "urged Israel to halt", "called on
     * both sides to" - the infinitive is what was said */
    bool commits = TOK_IN(c, cue, commitment_cues);
    bool directs = TOK_IN(c, cue, appeal_cues) ||
                   (k < end && tok_is(c, k, "on") && slice_starts_with(tok(c, cue), "call"));
    if (commits && k < end && tok_is(c, k, "to") && k + 1 < end &&
        c->tokens[k + 1].kind == TOKEN_WORD)
        return k;
    bool object_verb = TOK_IN(c, cue, object_cues) || directs;
    if (object_verb) {
        /* "told reporters", "told the BBC", "told a parliamentary hearing two weeks ago that",
         * "told The Post he was": an object of up to ten tokens, then a complement */
        size_t limit = k + 10 < end ? k + 10 : end;
        for (size_t j = k; j < limit; j++) {
            if (tok_is(c, j, "that") || is_punct(c, j, ':') || is_opening_quote(c, j) ||
                (is_punct(c, j, ',') && j + 1 < end && is_opening_quote(c, j + 1))) {
                k = j;
                break;
            }
            if (directs && j > k && tok_is(c, j, "to") && j + 1 < end &&
                c->tokens[j + 1].kind == TOKEN_WORD) {
                return j;
            }
            /* a subject pronoun after the object starts a clause: "told CNN he would" */
            if (j > k && TOK_IN(c, j, pronouns) && !tok_is(c, j, "it") &&
                (c->tokens[j - 1].kind == TOKEN_WORD || c->tokens[j - 1].kind == TOKEN_ABBREV) &&
                !TOK_IN(c, j - 1, determiners) && j + 1 < end &&
                c->tokens[j + 1].kind == TOKEN_WORD) {
                return j;
            }
            if (is_punct(c, j, ',') || is_final_punct(c, j))
                break;
        }
    }
    k = skip_time_adverbial(c, k, end);
    if (k < end && (is_punct(c, k, ':') || is_punct(c, k, ','))) {
        if (k + 1 < end && is_opening_quote(c, k + 1)) {
            k++;
            marked = true;
        } else if (is_punct(c, k, ':')) {
            k++;
            marked = true;
        }
    }
    if (k < end && tok_is(c, k, "that")) {
        k++;
        marked = true;
    }
    if (k < end && is_opening_quote(c, k)) {
        *direct = true;
        return k;
    }
    if (strict && !marked)
        return SIZE_MAX;
    return k;
}

/* Does a complement marker ("that", a colon, a quotation) follow the cue? Then the cue leads
 * its content ("X, a spokesman, told reporters that ..."), it does not close it. */
static bool marked_complement(const frame_ctx *c, size_t cue, size_t end)
{
    bool direct;
    return content_start(c, cue, end, true, &direct) != SIZE_MAX;
}

/* "Russia's foreign ministry called the measures illegal and said ...": the subject of a
 * second verb is the subject of the first. Without a parse, the first verb is taken to be the
 * first lower-case word ending in -ed within eight tokens; returns the end of the subject
 * before it, or `first` (no source) when there is none. */
static size_t coordinated_subject_end(const frame_ctx *c, size_t first, size_t and_index)
{
    for (size_t j = first + 1; j < and_index && j < first + 8; j++) {
        slice w = tok(c, j);
        if (c->tokens[j].kind == TOKEN_WORD && !(c->tokens[j].flags & TOKEN_UPPER) && w.len > 3 &&
            w.ptr[w.len - 2] == 'e' && w.ptr[w.len - 1] == 'd')
            return j;
    }
    return first;
}

/* Scans left from `end` (exclusive) for the start of the noun phrase that is the source. */
static size_t source_start(const frame_ctx *c, size_t first, size_t end)
{
    size_t s = end;
    /* "NAME, a senior member of X, said": the comma that closes an apposition */
    bool closing_comma = false;
    if (s > first + 2 && is_punct(c, s - 1, ',')) {
        s--;
        closing_comma = true;
    }
    while (s > first && end - s < ATTRIBUTION_MAX_SOURCE_TOKENS) {
        size_t j = s - 1;
        const token *t = &c->tokens[j];
        if (t->kind == TOKEN_QUOTE || t->kind == TOKEN_DASH || is_punct(c, j, ';') ||
            is_punct(c, j, ':') || is_punct(c, j, '(') || is_punct(c, j, ')') ||
            is_final_punct(c, j) || TOK_IN(c, j, left_boundaries))
            break;
        if (is_punct(c, j, ',')) {
            /* an apposition: "NAME, a senior member of X, said" - keep going left when the
             * phrase after the comma starts like a description and a name stands before */
            /* "the EU's naval mission, Aspides, said": a short name in commas */
            if (closing_comma && j > first && end - s <= 5 && is_capitalised_word(c, s) &&
                !is_capitalised_word(c, j - 1)) {
                s = j;
                closing_comma = false;
                continue;
            }
            if (j > first && s < end && !is_punct(c, s, ',') &&
                (tok_is(c, s, "a") || tok_is(c, s, "an") || tok_is(c, s, "the") ||
                 tok_is(c, s, "former") || tok_is(c, s, "who") ||
                 (s + 1 < end && c->tokens[s + 1].kind == TOKEN_CLITIC)) &&
                is_capitalised_word(c, j - 1)) {
                s = j;
                continue;
            }
            break;
        }
        s = j;
    }
    /* leading conjunctions and sentence adverbs are not part of the source */
    while (s < end && (tok_is(c, s, "but") || tok_is(c, s, "and") || tok_is(c, s, "so") ||
                       tok_is(c, s, "however") || is_punct(c, s, ',')))
        s++;
    return s;
}

/* The source phrase that follows an inverted cue: "said the official", "said Smith, a ...". */
static size_t source_after(const frame_ctx *c, size_t start, size_t end)
{
    size_t k = start;
    while (k < end && k - start < ATTRIBUTION_MAX_SOURCE_TOKENS) {
        if (is_final_punct(c, k) || is_punct(c, k, ';') || c->tokens[k].kind == TOKEN_QUOTE)
            break;
        if (is_punct(c, k, ',')) {
            /* "said Hugh Griffiths, a former UN expert." keeps the apposition */
            if (k + 1 < end && (tok_is(c, k + 1, "a") || tok_is(c, k + 1, "an") ||
                                tok_is(c, k + 1, "the") || tok_is(c, k + 1, "who")))
                ;
            else
                break;
        }
        k++;
    }
    return k;
}

/* Two or more capitalised name words in a row in [from, to) (titles such as "Gen." may lead;
 * institution words and acronyms are not name words). */
static bool has_name_run(const frame_ctx *c, size_t from, size_t to)
{
    size_t run = 0;
    for (size_t i = from; i < to; i++) {
        bool name_word = is_capitalised_word(c, i) && !tok_is(c, i, "the") && !tok_is(c, i, "a") &&
                         !tok_is(c, i, "an");
        if (name_word && (TOK_IN(c, i, institution_words) || c->tokens[i].flags & TOKEN_ALL_UPPER))
            name_word = false;
        if (name_word) {
            if (++run >= 2)
                return true;
        } else if (!(c->tokens[i].kind == TOKEN_ABBREV && (c->tokens[i].flags & TOKEN_UPPER) &&
                     run == 0)) {
            run = 0;
        }
    }
    return false;
}

/* Classifies the source [s, e). For a named person described first and named after a comma
 * ("A spokesman for the group, Yahya Saree") *name_start is set to the name's first token,
 * otherwise to s. */
static attribution_kind classify_source(const frame_ctx *c, size_t s, size_t e, size_t *name_start)
{
    *name_start = s;
    /* the head: the last word before "of", "for", "at", "on", a comma or "who" */
    size_t head_end = e;
    for (size_t i = s; i < e; i++)
        if (is_punct(c, i, ',') || tok_is(c, i, "of") || tok_is(c, i, "for") ||
            tok_is(c, i, "at") || tok_is(c, i, "on") || tok_is(c, i, "who") || tok_is(c, i, "in") ||
            tok_is(c, i, "from") || tok_is(c, i, "with") || tok_is(c, i, "familiar")) {
            head_end = i;
            break;
        }
    if (head_end == s)
        head_end = e;
    size_t head = head_end - 1;
    if (TOK_IN(c, head, document_heads) || tok_is(c, s, "according"))
        return ATTRIB_DOCUMENT;
    if (has_name_run(c, s, head_end))
        return ATTRIB_NAMED;
    /* the name after the description */
    for (size_t i = e; i-- > s + 1;)
        if (is_punct(c, i, ',')) {
            if (e - (i + 1) <= 5 && has_name_run(c, i + 1, e)) {
                *name_start = i + 1;
                return ATTRIB_NAMED;
            }
            break;
        }
    if (TOK_IN(c, head, official_heads))
        return ATTRIB_OFFICIAL;
    return ATTRIB_ORGANIZATION;
}

typedef struct frame_list {
    attribution *items;
    size_t count, cap;
} frame_list;

static sitrep_status push_frame(arena *a, frame_list *list, const attribution *f)
{
    if (list->count >= ATTRIBUTION_MAX_PER_ARTICLE)
        return SITREP_OK;
    attribution *grown = arena_array_room(a, list->items, list->count, &list->cap, sizeof *grown);
    if (!grown)
        return SITREP_ELIMIT;
    list->items = grown;
    list->items[list->count++] = *f;
    return SITREP_OK;
}

/* Content span from token k (inclusive) to e (exclusive), trimming final punctuation and a
 * trailing comma; a quotation at k spans to its closing mark. */
static void set_content(const frame_ctx *c, attribution *f, size_t k, size_t e, bool direct)
{
    if (direct && c->quote_end[k] >= 0) {
        size_t close = (size_t)c->quote_end[k];
        f->content.start = c->tokens[k + 1 <= close ? k + 1 : k].start;
        f->content.end = c->tokens[close > k + 1 ? close - 1 : k].end;
        f->content_first = (uint32_t)(k + 1);
        f->content_last = (uint32_t)close;
        f->direct = true;
        return;
    }
    while (e > k && (is_final_punct(c, e - 1) || is_punct(c, e - 1, ',') ||
                     c->tokens[e - 1].kind == TOKEN_QUOTE))
        e--;
    if (e <= k) {
        f->content.start = f->content.end = 0;
        f->content_first = f->content_last = 0;
        return;
    }
    f->content.start = c->tokens[k].start;
    f->content.end = c->tokens[e - 1].end;
    f->content_first = (uint32_t)k;
    f->content_last = (uint32_t)e;
}

/* The phrase after an inverted cue must look like a speaker ("said Smith", "said the
 * official, who ..."), not a clause ("said the vessel had been hit", "adding about 10 days"):
 * it starts with a capitalised word or a determiner, holds no verb, and the cue is not an
 * -ing form. */
static bool inverted_source_ok(const frame_ctx *c, size_t cue, size_t s, size_t e)
{
    slice word = tok(c, cue);
    if (word.len > 4 && memcmp(word.ptr + word.len - 3, "ing", 3) == 0)
        return false;
    if (!is_capitalised_word(c, s) && !tok_is(c, s, "the") && !tok_is(c, s, "a") &&
        !tok_is(c, s, "an"))
        return false;
    for (size_t k = s; k < e; k++) {
        if (is_punct(c, k, ','))
            break; /* an apposition may hold anything: "said Smith, who ..." */
        if (TOK_IN(c, k, auxiliaries) || c->tokens[k].upos == UPOS_VERB ||
            c->tokens[k].upos == UPOS_AUX)
            return false;
    }
    return true;
}

/* Is everything from k to the sentence end a trailing adverbial ("on Monday", "in a
 * statement", "last week")? Then a cue before it ends the sentence. */
static bool only_trailing(const frame_ctx *c, size_t k, size_t end)
{
    size_t words = 0;
    for (; k < end; k++) {
        if (is_final_punct(c, k) || c->tokens[k].kind == TOKEN_QUOTE)
            continue;
        if (is_punct(c, k, ','))
            return words == 0 ? false : true;
        /* a clause is content, not a trailing phrase: "said it would increase patrols" */
        if (TOK_IN(c, k, auxiliaries) || TOK_IN(c, k, pronouns) || c->tokens[k].upos == UPOS_VERB ||
            c->tokens[k].upos == UPOS_AUX)
            return false;
        if (++words > 6)
            return false;
    }
    return true;
}

/* After "“CONTENT,” SOURCE told": is the rest of the sentence only the object ("told
 * cheering supporters in St. Augustine.")? Up to ten words, no clause. */
static bool trailing_object(const frame_ctx *c, size_t k, size_t end)
{
    size_t words = 0;
    for (; k < end; k++) {
        if (is_final_punct(c, k) || c->tokens[k].kind == TOKEN_QUOTE)
            continue;
        if (is_punct(c, k, ','))
            return words > 0;
        if (tok_is(c, k, "that") || TOK_IN(c, k, auxiliaries) ||
            (TOK_IN(c, k, pronouns) && !tok_is(c, k, "it") && !tok_is(c, k, "you")))
            return false;
        if (++words > 10)
            return false;
    }
    return words > 0;
}

static void pair_quotes(frame_ctx *c, size_t ntokens)
{
    for (size_t i = 0; i < ntokens; i++)
        c->quote_end[i] = c->quote_start[i] = -1;
    for (size_t i = 0; i < ntokens; i++) {
        if (!is_opening_quote(c, i))
            continue;
        for (size_t j = i + 1; j < ntokens && j - i < ATTRIBUTION_MAX_QUOTE_TOKENS; j++) {
            if (is_closing_quote(c, j)) {
                c->quote_end[i] = (int32_t)j;
                c->quote_start[j] = (int32_t)i;
                i = j;
                break;
            }
            if (is_opening_quote(c, j) && !slice_eq_cstr(tok(c, j), "\"") &&
                !slice_eq_cstr(tok(c, j), "''"))
                break; /* an unclosed quotation: leave it unpaired */
        }
    }
}

/* Resolves a pronoun source to the last frame whose source was a named person (he, she) or
 * any non-pronoun source (they). */
static void resolve_pronoun(const frame_ctx *c, frame_list *list, attribution *f, size_t s)
{
    bool singular = tok_is(c, s, "he") || tok_is(c, s, "she");
    for (size_t k = list->count; k-- > 0;) {
        const attribution *prev = &list->items[k];
        if (prev->resolved_from_pronoun)
            continue;
        if (singular ? prev->kind == ATTRIB_NAMED : prev->kind != ATTRIB_NAMED) {
            f->kind = prev->kind;
            f->speaker = prev->source;
            f->resolved_from_pronoun = true;
            return;
        }
    }
    f->kind = singular ? ATTRIB_NAMED : ATTRIB_ORGANIZATION;
}

static sitrep_status frames_in_sentence(arena *a, frame_ctx *c, const cue_lexicon *cues,
                                        size_t sentence_index, frame_list *list)
{
    const sentence *sent = &c->art->text.sentences[sentence_index];
    size_t first = sent->first_token, end = first + sent->ntokens;
    for (size_t i = first; i < end; i++) {
        /* a cue inside a quotation is the speaker's own words, not a frame of the article */
        if (c->quote_end[i] >= 0 && c->quote_end[i] > c->inside_until)
            c->inside_until = c->quote_end[i];
        if ((int32_t)i <= c->inside_until)
            continue;
        const token *t = &c->tokens[i];
        if (t->kind != TOKEN_WORD)
            continue;
        const cue_form *form = NULL;
        size_t cue_end = i + 1;
        if (tok_is(c, i, "according") && i + 1 < end && tok_is(c, i + 1, "to")) {
            form = cues_find(cues, "according_to", 12);
            cue_end = i + 2;
        } else {
            slice s = tok(c, i);
            form = cues_find(cues, s.ptr, s.len);
        }
        if (!form)
            continue;
        /* a capitalised cue inside a sentence is a name: "Islamic State", "Reuters Reported" */
        if ((t->flags & TOKEN_UPPER) && i > first && c->tokens[i - 1].kind != TOKEN_QUOTE)
            continue;
        /* "the claim", "a report", "his warning": a noun, not a reporting verb */
        if (i > first && TOK_IN(c, i - 1, determiners))
            continue;
        attribution f;
        memset(&f, 0, sizeof f);
        f.sentence = (uint32_t)sentence_index;
        f.cue.start = t->start;
        f.cue.end = c->tokens[cue_end - 1].end;
        f.cue_class = form->cue_class;
        size_t src_s = 0, src_e = 0;
        bool ok = false;

        if (cue_end == i + 2) {
            /* according to SOURCE, CONTENT  |  CONTENT, according to SOURCE */
            src_s = cue_end;
            src_e = source_after(c, src_s, end);
            if (src_e > src_s) {
                size_t lead = first;
                while (lead < i && (is_punct(c, lead, ',') || tok_is(c, lead, "but")))
                    lead++;
                if (lead == i && src_e < end && is_punct(c, src_e, ','))
                    set_content(c, &f, src_e + 1, end, false);
                else
                    set_content(c, &f, first, i, false);
                ok = f.content.end > f.content.start;
            }
        } else if (i > first && (is_punct(c, i - 1, ',') || is_closing_quote(c, i - 1)) &&
                   !marked_complement(c, i, end) && i + 1 < end &&
                   (c->tokens[i + 1].kind == TOKEN_WORD || c->tokens[i + 1].kind == TOKEN_ABBREV) &&
                   !tok_is(c, i + 1, "that") && !TOK_IN(c, i + 1, auxiliaries) &&
                   inverted_source_ok(c, i, i + 1, source_after(c, i + 1, end))) {
            /* inverted: "“CONTENT,” said SOURCE." / "CONTENT, said SOURCE." */
            src_s = i + 1;
            src_e = source_after(c, src_s, end);
            size_t before = i - 1;
            while (before > first && (is_punct(c, before, ',') || is_closing_quote(c, before)))
                before--;
            if (src_e > src_s && is_closing_quote(c, i - 1) && c->quote_start[i - 1] >= 0)
                set_content(c, &f, (size_t)c->quote_start[i - 1], end, true);
            else if (src_e > src_s && is_punct(c, i - 1, ',') && i - 1 > first &&
                     is_closing_quote(c, i - 2) && c->quote_start[i - 2] >= 0)
                set_content(c, &f, (size_t)c->quote_start[i - 2], end, true);
            else if (src_e > src_s)
                set_content(c, &f, first, before + 1, false);
            ok = src_e > src_s && f.content.end > f.content.start;
        } else {
            /* SOURCE (aux/adverbs) CUE ... */
            size_t v = i;
            while (v > first && TOK_IN(c, v - 1, auxiliaries))
                v--;
            /* "Turkey refused to promise ...": the subject of the verb governing "to CUE" */
            while (v > first + 1 && tok_is(c, v - 1, "to") &&
                   (c->tokens[v - 2].upos == UPOS_VERB ||
                    (c->tokens[v - 2].upos == UPOS_NONE && c->tokens[v - 2].kind == TOKEN_WORD &&
                     !(c->tokens[v - 2].flags & TOKEN_UPPER)))) {
                v -= 2;
                while (v > first && TOK_IN(c, v - 1, auxiliaries))
                    v--;
            }
            src_e = v;
            if (v > first + 1 && (tok_is(c, v - 1, "and") || tok_is(c, v - 1, "but")))
                src_e = coordinated_subject_end(c, first, v - 1);
            /* a relative clause: "McClendon, who said he would vote, left" - the antecedent;
             * the content ends with the clause */
            size_t content_end = end;
            if (v >= first + 3 && tok_is(c, v - 1, "who") && is_punct(c, v - 2, ',')) {
                src_e = v - 2;
                for (size_t j = cue_end; j < end; j++)
                    if (is_punct(c, j, ',') && c->quote_end[j] < 0) {
                        content_end = j;
                        break;
                    }
            }
            src_s = source_start(c, first, src_e);
            /* nested: "He said officials believe ...": the source starts after the cue of a
             * frame already found in the sentence (and its "that") */
            for (size_t p = list->count; p-- > 0 && list->items[p].sentence == sentence_index;) {
                uint32_t cue_stop = list->items[p].cue.end;
                if (src_e <= src_s || cue_stop <= c->tokens[src_s].start ||
                    cue_stop > c->tokens[src_e - 1].start)
                    continue;
                while (src_s < src_e && c->tokens[src_s].start < cue_stop)
                    src_s++;
                if (src_s < src_e && tok_is(c, src_s, "that"))
                    src_s++;
            }
            if (src_e > src_s && is_punct(c, src_e - 1, ','))
                src_e--;
            if (src_e > src_s) {
                bool after_comma = src_s > first &&
                                   (is_punct(c, src_s - 1, ',') || is_closing_quote(c, src_s - 1));
                if (after_comma &&
                    (only_trailing(c, cue_end, end) ||
                     (TOK_IN(c, i, object_cues) && trailing_object(c, cue_end, end)))) {
                    /* "CONTENT, SOURCE CUE." or "“CONTENT,” SOURCE CUE." */
                    size_t k = src_s;
                    while (k > first && is_punct(c, k - 1, ','))
                        k--;
                    if (k > first && is_closing_quote(c, k - 1) && c->quote_start[k - 1] >= 0)
                        set_content(c, &f, (size_t)c->quote_start[k - 1], end, true);
                    else if (k > first)
                        set_content(c, &f, first, k, false);
                    ok = f.content.end > f.content.start;
                } else {
                    bool direct;
                    size_t k = content_start(c, i, end, form->strict, &direct);
                    /* "a new poll shows Clinton ahead": a document needs no "that" */
                    if (k == SIZE_MAX && form->cue_class == CUE_DOCUMENT &&
                        TOK_IN(c, src_e - 1, document_heads))
                        k = content_start(c, i, end, false, &direct);
                    if (k != SIZE_MAX && k < content_end) {
                        set_content(c, &f, k, content_end, direct);
                        ok = f.content.end > f.content.start;
                    }
                    /* "He said:" at the end of a sentence introduces the next sentence's
                     * quotation */
                    if (!ok && k != SIZE_MAX && k >= end && end < c->art->text.ntokens &&
                        is_opening_quote(c, end) && i + 1 < end && is_punct(c, i + 1, ':')) {
                        set_content(c, &f, end, c->art->text.ntokens, true);
                        ok = f.content.end > f.content.start;
                    }
                }
            }
        }
        if (!ok || src_e <= src_s)
            continue;
        f.source.start = c->tokens[src_s].start;
        f.source.end = c->tokens[src_e - 1].end;
        f.speaker = f.source;
        if (src_e - src_s == 1 && TOK_IN(c, src_s, pronouns))
            resolve_pronoun(c, list, &f, src_s);
        else {
            size_t name_start;
            f.kind = (uint8_t)classify_source(c, src_s, src_e, &name_start);
            if (name_start > src_s)
                f.speaker.start = c->tokens[name_start].start;
        }
        if (form->cue_class == CUE_DOCUMENT && f.kind == ATTRIB_ORGANIZATION &&
            TOK_IN(c, src_e - 1, document_heads))
            f.kind = ATTRIB_DOCUMENT;
        sitrep_status status = push_frame(a, list, &f);
        if (status)
            return status;
        if (f.direct && (int32_t)f.content_last > c->inside_until)
            c->inside_until = (int32_t)f.content_last;
    }
    return SITREP_OK;
}

/* The actor code of a speaker, from the actor mentions inside its head phrase (before an
 * apposition's comma: "Edward Howell, an expert on North Korea" is not PRK). A named speaker
 * takes a person's code first; any other takes the last coded mention of the phrase, its head
 * ("Yemen's Houthi rebels" is the rebels' code, not Yemen's). */
static const char *speaker_code(const article *art, const attribution *f)
{
    span s = f->speaker;
    for (uint32_t k = s.start; k < s.end; k++)
        if (art->text.text[k] == ',') {
            s.end = k;
            break;
        }
    const char *last = NULL;
    for (size_t i = 0; i < art->nactors; i++) {
        const actor_mention *m = &art->actors[i];
        if (m->start < s.start || m->end > s.end || !m->code)
            continue;
        if (f->kind == ATTRIB_NAMED && m->kind && strcmp(m->kind, "person") == 0)
            return m->code;
        last = m->code;
    }
    return last;
}

/* Does the source's head phrase (before any comma) start with a mention the actor stage
 * knows as a person? */
static bool speaker_is_person(const article *art, const attribution *f)
{
    span s = f->speaker;
    for (size_t i = 0; i < art->nactors; i++) {
        const actor_mention *m = &art->actors[i];
        if (m->start < s.start || m->start >= s.end)
            continue;
        for (uint32_t k = s.start; k < m->start; k++)
            if (art->text.text[k] == ',')
                return false;
        return m->kind && strcmp(m->kind, "person") == 0;
    }
    return false;
}

/* "The Bank urged X to share data, and a new survey shows ...": a reported content ends where
 * a coordinated clause brings its own source (", and SOURCE CUE", "; SOURCE CUE"). A source
 * inside the content without a coordinator is nested attribution ("said officials believe")
 * and stays inside. */
static void end_contents_at_coordinated_frames(const char *text, frame_list *list)
{
    for (size_t i = 0; i < list->count; i++) {
        attribution *f = &list->items[i];
        if (f->direct)
            continue;
        for (size_t j = 0; j < list->count; j++) {
            const attribution *g = &list->items[j];
            uint32_t p = g->source.start;
            if (j == i || g->sentence != f->sentence || p <= f->content.start ||
                p >= f->content.end)
                continue;
            while (p > f->content.start && text[p - 1] == ' ')
                p--;
            if (p >= f->content.start + 4 &&
                (memcmp(text + p - 3, "and", 3) == 0 || memcmp(text + p - 3, "but", 3) == 0) &&
                text[p - 4] == ' ')
                p -= 4;
            while (p > f->content.start && text[p - 1] == ' ')
                p--;
            if (p > f->content.start + 1 && (text[p - 1] == ',' || text[p - 1] == ';') &&
                p - 1 < f->content.end) {
                uint32_t e = p - 1;
                while (e > f->content.start && text[e - 1] == ' ')
                    e--;
                if (e > f->content.start)
                    f->content.end = e;
            }
        }
    }
}

sitrep_status attribution_find(arena *a, const cue_lexicon *cues, article *art)
{
    art->attributions = NULL;
    art->nattributions = 0;
    size_t n = art->text.ntokens;
    if (!cues || n == 0)
        return SITREP_OK;
    frame_ctx c = {.art = art, .tokens = art->text.tokens, .text = art->text.text};
    c.inside_until = -1;
    c.quote_end = arena_alloc(a, n * sizeof(int32_t));
    c.quote_start = arena_alloc(a, n * sizeof(int32_t));
    if (!c.quote_end || !c.quote_start)
        return SITREP_ELIMIT;
    pair_quotes(&c, n);
    frame_list list = {0};
    for (size_t s = 0; s < art->text.nsentences; s++) {
        sitrep_status status = frames_in_sentence(a, &c, cues, s, &list);
        if (status)
            return status;
    }
    end_contents_at_coordinated_frames(art->text.text, &list);
    for (size_t i = 0; i < list.count; i++) {
        attribution *f = &list.items[i];
        /* the actor stage knows people the capitalisation rule cannot see ("Fidan said") */
        if (f->kind != ATTRIB_NAMED && !f->resolved_from_pronoun && speaker_is_person(art, f))
            f->kind = ATTRIB_NAMED;
        f->code = speaker_code(art, f);
    }
    art->attributions = list.items;
    art->nattributions = list.count;
    return SITREP_OK;
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
    default:
        return NULL;
    }
}
