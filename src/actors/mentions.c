/* mentions.c - the pieces of the actors stage that the sentence scan (scan.c) builds on:
 * token tests and word classes, dictionary units (the longest valid phrase at a token),
 * emitting mentions with their codes on the article's date, unknown capitalised names, and
 * coreference (pronouns, short names, "the two countries").
 */
#include "actors_internal.h"

#include <pthread.h>
#include <stdio.h>
#include <string.h>

/* ---- token tests ---- */

bool scan_is_cap(const scan *s, size_t i)
{
    if (i >= s->n)
        return false;
    const token *t = &s->tokens[i];
    return (t->kind == TOKEN_WORD || t->kind == TOKEN_ABBREV) &&
           (t->flags & (TOKEN_UPPER | TOKEN_ALL_UPPER));
}

bool scan_is_possessive(const scan *s, size_t i)
{
    if (i >= s->n || s->tokens[i].kind != TOKEN_CLITIC)
        return false;
    slice t = token_text(s->text, &s->tokens[i]);
    /* the tokenizer makes an apostrophe glued after a plural a clitic ("the Philippines'
     * coast guard", "the United States' envoy") */
    return slice_eq_nocase(t, "'s") || slice_eq_cstr(t, "\xe2\x80\x99s") ||
           slice_eq_cstr(t, "\xe2\x80\x99S") || slice_eq_cstr(t, "'") ||
           slice_eq_cstr(t, "\xe2\x80\x99");
}

/* Capitalised words that do not start a name. */
static const char *const stopwords[] = {
    "the",      "a",         "an",       "but",    "and",       "or",       "if",       "although",
    "though",   "even",      "when",     "while",  "after",     "before",   "since",    "as",
    "at",       "in",        "on",       "of",     "for",       "to",       "from",     "with",
    "without",  "by",        "he",       "she",    "they",      "it",       "we",       "i",
    "you",      "his",       "her",      "their",  "its",       "our",      "this",     "that",
    "these",    "those",     "there",    "here",   "what",      "who",      "which",    "where",
    "why",      "how",       "yes",      "no",     "not",       "also",     "so",       "then",
    "however",  "meanwhile", "last",     "next",   "under",     "over",     "during",   "according",
    "some",     "many",      "most",     "all",    "both",      "monday",   "tuesday",  "wednesday",
    "thursday", "friday",    "saturday", "sunday", "january",   "february", "march",    "april",
    "may",      "june",      "july",     "august", "september", "october",  "november", "december",
    "today",    "yesterday", "tomorrow", "my",     "your",      "one",      "two",      NULL};
/* Lower-case words that may join the capitalised words of one name. */
static const char *const connectors[] = {"of", "and", "for", "the", "de",  "del", "da",
                                         "al", "bin", "ibn", "van", "von", "la",  "le",
                                         "el", "dos", "das", "du",  NULL};
/* Words that make an unknown name an organisation rather than a person. */
static const char *const org_words[] = {
    "council",     "ministry",    "university", "party",      "committee",    "agency",
    "army",        "front",       "forces",     "force",      "organisation", "organization",
    "bank",        "news",        "group",      "institute",  "union",        "company",
    "corporation", "association", "department", "office",     "commission",   "court",
    "parliament",  "assembly",    "brigade",    "brigades",   "movement",     "service",
    "guard",       "navy",        "command",    "foundation", "centre",       "center",
    "network",     "times",       "post",       "journal",    "press",        "coalition",
    "alliance",    "league",      "fund",       "program",    "programme",    "federation",
    "authority",   "board",       "corps",      "battalion",  "regiment",     "division",
    "school",      "college",     "hospital",   "club",       "inc",          "ltd",
    "house",       "project",     "initiative", "nations",    "forum",        "bureau",
    "directorate", "airlines",    "airways",    "railways",   "telecom",      "petroleum",
    "oil",         "motors",      "airport",    NULL};

static const char *const person_pronouns[] = {"he",  "him",     "his",     "she",
                                              "her", "himself", "herself", NULL};
static const char *const female_pronouns[] = {"she", "her", "herself", NULL};
static const char *const male_pronouns[] = {"he", "him", "his", "himself", NULL};
static const char *const plural_pronouns[] = {"they", "them", "their", NULL};
/* Singular nouns for one person: "the woman ... she" refers to the woman, not to the last
 * named person. By sex where the noun says it, and of either sex. */
static const char *const female_nouns[] = {
    "woman",      "girl",          "mother",        "wife",        "daughter",   "sister",
    "actress",    "widow",         "grandmother",   "queen",       "princess",   "spokeswoman",
    "chairwoman", "businesswoman", "congresswoman", "policewoman", "girlfriend", "aunt",
    "niece",      "mum",           "mom",           "lady",        "schoolgirl", NULL};
static const char *const male_nouns[] = {
    "man",       "boy",         "father",    "husband",    "son",         "brother",
    "king",      "prince",      "spokesman", "chairman",   "businessman", "congressman",
    "policeman", "gunman",      "boyfriend", "uncle",      "nephew",      "dad",
    "schoolboy", "grandfather", "fisherman", "serviceman", NULL};
/* Verbs of saying whose clause may open with "it" ("denied that it had", "said it would"). */
static const char *const saying_verbs[] = {
    "said",     "says",         "say",          "claimed",   "claims", "denied",    "denies",
    "insisted", "insists",      "announced",    "announces", "warned", "warns",     "stated",
    "states",   "added",        "adds",         "argued",    "argues", "confirmed", "confirms",
    "believes", "believed",     "hopes",        "hoped",     "fears",  "feared",    "admitted",
    "admits",   "acknowledged", "acknowledges", "vowed",     "vows",   "pledged",   "pledges",
    "promised", "promises",     "threatened",   "threatens", NULL};
static const char *const human_nouns[] = {
    "person",    "victim",    "suspect",    "official", "soldier",      "officer",  "journalist",
    "reporter",  "student",   "teenager",   "child",    "witness",      "resident", "doctor",
    "activist",  "lawyer",    "worker",     "driver",   "pilot",        "attacker", "assailant",
    "shooter",   "protester", "protestor",  "survivor", "prisoner",     "detainee", "hostage",
    "teacher",   "farmer",    "refugee",    "migrant",  "citizen",      "civilian", "defendant",
    "plaintiff", "accuser",   "informant",  "diplomat", "spokesperson", "someone",  "somebody",
    "passenger", "employee",  "contractor", "militant", "fighter",      "bomber",   "sniper",
    NULL};
/* "it", "its": a state, organisation or group ("said that it would", "its airspace") */
static const char *const neuter_pronouns[] = {"it", "its", NULL};
static const char *const pair_nouns[] = {"countries",  "nations",   "states", "governments",
                                         "neighbours", "neighbors", NULL};
static const char *const possessive_pronouns[] = {"his", "her", "their", NULL};
/* Last words of place names: a capitalised run ending with one is a place, not an actor. */
static const char *const place_words[] = {
    "sea",      "ocean",     "gulf",        "strait",   "straits", "strip",     "river",
    "lake",     "mountains", "mountain",    "island",   "islands", "peninsula", "valley",
    "desert",   "canal",     "region",      "province", "oblast",  "district",  "county",
    "street",   "square",    "airport",     "port",     "bay",     "coast",     "heights",
    "plateau",  "basin",     "pass",        "highway",  "shoal",   "shoals",    "reef",
    "reefs",    "atoll",     "archipelago", "channel",  "cape",    "border",    "crossing",
    "corridor", "frontline", "zone",        "bridge",   "dam",     "base",      NULL};
/* Bodies of water named after a state ("the Gulf of Oman", "the Sea of Japan"). */
static const char *const water_words[] = {"gulf",    "sea",   "bay",     "strait",
                                          "straits", "ocean", "channel", NULL};
/* Words that may stand between an owner and its role: "Ukraine's former commander". */
static const char *const role_modifiers[] = {
    "former",    "top",         "new",      "senior",    "deputy", "acting",       "then",
    "outgoing",  "incoming",    "current",  "interim",   "elite",  "regular",      "own",
    "chief",     "main",        "regional", "vice",      "ruling", "transitional", "governing",
    "caretaker", "provisional", "federal",  "embattled", NULL};
/* A country's representatives abroad: "an embassy in Tehran" is not Iran's. */
static const char *const envoy_words[] = {"embassy",    "embassies", "consulate", "consulates",
                                          "ambassador", "diplomats", "diplomat",  "envoy",
                                          "envoys",     "mission",   NULL};
/* Warship prefixes ("USS Carney"): metonyms.txt gives their navies. */
static const char *const ship_prefixes[] = {"uss", "hms", "hmcs", "hmas", "ins", "hnlms", NULL};
/* Plural nouns for two people: "the two leaders". */
static const char *const pair_people[] = {"leaders", "presidents", "men", "women", NULL};

#define WORD_SLOTS 2048 /* power of two, > 4 x the words listed (450 in 2026-12) */
#define WORD_MAX 16

typedef struct word_slot {
    char text[WORD_MAX];
    uint8_t length;
    uint32_t flags;
} word_slot;

static word_slot word_table[WORD_SLOTS];
static pthread_once_t word_table_once = PTHREAD_ONCE_INIT;

static size_t word_hash(const char *s, size_t n)
{
    return (size_t)hash_bytes(s, n, 0x776f7264) & (WORD_SLOTS - 1);
}

static void word_add(const char *const *words, uint32_t flag)
{
    for (; *words; words++) {
        size_t n = strlen(*words);
        size_t i = word_hash(*words, n);
        while (word_table[i].length &&
               !(word_table[i].length == n && memcmp(word_table[i].text, *words, n) == 0))
            i = (i + 1) & (WORD_SLOTS - 1);
        memcpy(word_table[i].text, *words, n);
        word_table[i].length = (uint8_t)n;
        word_table[i].flags |= flag;
    }
}

static void word_table_build(void)
{
    static const char *const the[] = {"the", NULL},
                             *const of[] = {"of", "from", "in", NULL}, /* "soldiers from Gondor" */
                                 *const and[] = {"and", NULL}, *const two[] = {"two", NULL},
                             *const both[] = {"both", NULL};
    word_add(stopwords, W_STOP);
    word_add(connectors, W_CONNECTOR);
    word_add(org_words, W_ORG);
    word_add(person_pronouns, W_PERSON_PRONOUN);
    word_add(plural_pronouns, W_PLURAL_PRONOUN);
    word_add(female_pronouns, W_FEMALE_PRONOUN);
    word_add(male_pronouns, W_MALE_PRONOUN);
    word_add(female_nouns, W_HUMAN_FEMALE);
    word_add(male_nouns, W_HUMAN_MALE);
    word_add(human_nouns, W_HUMAN);
    word_add(neuter_pronouns, W_NEUTER_PRONOUN);
    word_add(pair_nouns, W_PAIR);
    word_add(possessive_pronouns, W_POSSESSIVE_PRONOUN);
    word_add(place_words, W_PLACE);
    word_add(water_words, W_WATER);
    word_add(saying_verbs, W_SAYING);
    word_add(pair_people, W_PAIR_PEOPLE);
    word_add(role_modifiers, W_MODIFIER);
    word_add(envoy_words, W_ENVOY);
    word_add(ship_prefixes, W_SHIP);
    word_add(the, W_THE);
    word_add(of, W_OF);
    word_add(and, W_AND);
    word_add(two, W_TWO);
    word_add(both, W_BOTH);
}

/* The word classes of an ASCII word (folded to lower case), 0 for others. */
uint32_t scan_word_flags(const char *s, size_t n)
{
    if (n == 0 || n >= WORD_MAX)
        return 0;
    char folded[WORD_MAX];
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x80)
            return 0;
        folded[i] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
    }
    for (size_t i = word_hash(folded, n);; i = (i + 1) & (WORD_SLOTS - 1)) {
        const word_slot *w = &word_table[i];
        if (!w->length)
            return 0;
        if (w->length == n && memcmp(w->text, folded, n) == 0)
            return w->flags;
    }
}

/* The kinds of mention (declared in actors_internal.h). */
const char ACTOR_KIND_COUNTRY[] = "country";
const char ACTOR_KIND_ADJECTIVE[] = "adjective";
const char ACTOR_KIND_DEMONYM[] = "demonym";
const char ACTOR_KIND_CAPITAL[] = "capital";
const char ACTOR_KIND_METONYM[] = "metonym";
const char ACTOR_KIND_PERSON[] = "person";
const char ACTOR_KIND_ORGANIZATION[] = "organization";
const char ACTOR_KIND_GROUP[] = "group";
const char ACTOR_KIND_AGENT[] = "agent";
const char ACTOR_KIND_TITLE[] = "title";
const char ACTOR_KIND_PRONOUN[] = "pronoun";
const char ACTOR_KIND_REFERENCE[] = "reference";

/* ---- dictionary units ---- */

static bool is_name_kind(uint8_t kind)
{
    return kind != DICT_AGENT && kind != DICT_TITLE;
}

static int holder_rank(uint8_t kind)
{
    switch (kind) {
    case DICT_COUNTRY:
        return 0;
    case DICT_METONYM:
        return 1;
    case DICT_ORGANIZATION:
        return 2;
    case DICT_GROUP:
        return 3;
    case DICT_CAPITAL:
        return 4;
    case DICT_PERSON:
        return 5;
    default:
        return 6;
    }
}

/* The most recent mention of a dictionary entry, or -1. */
long scan_last_mention_of(const scan *s, uint32_t entry)
{
    size_t stop = s->count > LOOKBACK ? s->count - LOOKBACK : 0;
    for (size_t k = s->count; k-- > stop;)
        if (s->entries[k] == entry + 1)
            return (long)k;
    return -1;
}

unit scan_find_unit(const scan *s, size_t i)
{
    unit u = {0};
    if (i >= s->n)
        return u;
    match_span spans[DICT_MAX_PHRASE_TOKENS];
    size_t nspans = match_prefixes(s->d, s->ids, s->n, i, spans);
    for (size_t k = 0; k < nspans; k++) {
        size_t nvalues;
        const dict_value *values = dict_node_values(s->d, spans[k].node, &nvalues);
        bool any_cap = false;
        for (size_t t = i; t < i + spans[k].ntokens; t++)
            any_cap = any_cap || (s->tokens[t].flags & (TOKEN_UPPER | TOKEN_ALL_UPPER));
        long best_recent = -2;
        for (size_t v = 0; v < nvalues; v++) {
            if (!match_case_ok(s->d, &values[v], s->text, s->tokens + i))
                continue;
            /* in a headline in capitals every word looks like an acronym: "CAR" read as a
             * common noun by the tagger ("TURKEY CAR BOMB") is the word, not the country */
            if (s->in_capitals && s->tagged && values[v].acronym &&
                (s->tokens[i].upos == UPOS_NOUN || s->tokens[i].upos == UPOS_VERB ||
                 s->tokens[i].upos == UPOS_ADJ))
                continue;
            const dict_entry *e = dict_entry_get(s->d, values[v].entry);
            if (is_name_kind(e->kind) && !any_cap)
                continue;
            if (e->kind == DICT_ADJECTIVE) {
                if (!u.adj)
                    u.adj = e;
            } else if (e->kind == DICT_AGENT || e->kind == DICT_TITLE) {
                if (!u.role || (u.role->kind == DICT_AGENT && e->kind == DICT_TITLE))
                    u.role = e;
            } else {
                /* Several holders share the phrase ("Kim"): the one the article mentioned
                 * last wins, then the kind's rank, then the first listed. */
                long recent = scan_last_mention_of(s, values[v].entry);
                if (!u.holder || recent > best_recent ||
                    (recent == best_recent && holder_rank(e->kind) < holder_rank(u.holder->kind))) {
                    u.holder = e;
                    u.holder_index = values[v].entry;
                    best_recent = recent;
                }
            }
        }
        if (u.holder || u.adj || u.role) {
            u.len = spans[k].ntokens;
            return u;
        }
    }
    return u;
}

/* ---- emitting ---- */

const char *scan_country_of(const scan *s, const char *code)
{
    if (!code || strlen(code) < 3 || !dict_is_country(s->d, code))
        return NULL;
    return arena_strndup(s->a, code, 3);
}

static const char *role_of(const scan *s, const char *code)
{
    if (!code)
        return NULL;
    size_t n = strlen(code);
    if (n >= 6 && dict_is_country(s->d, code))
        return arena_strndup(s->a, code + 3, 3);
    return NULL;
}

const char *scan_entry_code(scan *s, const dict_entry *e)
{
    bool dated;
    const char *code = dict_entry_code(s->d, e, s->date, &dated);
    if (dated && s->date_is_today)
        s->used_today = true;
    return code;
}

/* Appends a mention over tokens [first, last) of the sentence. Returns its index or -1. */
long scan_emit(scan *s, size_t first, size_t last, const char *code, const char *kind,
               uint32_t entry, long antecedent)
{
    if (s->full)
        return -1;
    if (s->count == ACTORS_MAX_PER_ARTICLE) {
        s->full = true;
        warning_add(&s->art->doc->warnings, "actors_truncated",
                    "too many actor mentions; the rest of the article was not searched");
        return -1;
    }
    if (s->count == s->alloc) {
        size_t alloc = s->alloc ? s->alloc * 2 : 64;
        actor_mention *m = arena_grow(s->a, s->mentions, s->alloc * sizeof *m, alloc * sizeof *m);
        uint32_t *e = arena_grow(s->a, s->entries, s->alloc * sizeof *e, alloc * sizeof *e);
        if (!m || !e) {
            s->full = true;
            return -1;
        }
        s->mentions = m;
        s->entries = e;
        s->alloc = alloc;
    }
    actor_mention *m = &s->mentions[s->count];
    m->sentence = s->sentence;
    m->start = s->tokens[first].start;
    m->end = s->tokens[last - 1].end;
    m->code = code;
    m->country = scan_country_of(s, code);
    m->role = role_of(s, code);
    if (!m->role && code && !m->country && strlen(code) == 3 && kind &&
        (kind == ACTOR_KIND_AGENT || kind == ACTOR_KIND_TITLE))
        m->role = code;
    m->kind = kind;
    m->antecedent = (int32_t)antecedent;
    s->entries[s->count] = entry == NO_ENTRY ? 0 : entry + 1;
    s->consumed_end = m->end;
    return (long)s->count++;
}

/* The first token of a mention, taking in a preceding "the" that no mention holds. */
size_t scan_with_article(const scan *s, size_t i)
{
    if (i > 0 && has(s, i - 1, W_THE) && s->tokens[i - 1].start >= s->consumed_end)
        return i - 1;
    return i;
}

/* True when the tagger says the role word modifies a noun ("military technology"). */
bool scan_role_is_modifier(const scan *s, size_t last)
{
    if (!s->tagged)
        return false;
    /* (an adjective reading modifies a noun after it; before anything else it is the noun:
     * "a British national in Kabul") */
    if (s->tokens[last].upos == UPOS_ADJ)
        return last + 1 < s->n &&
               (s->tokens[last + 1].upos == UPOS_NOUN || s->tokens[last + 1].upos == UPOS_PROPN ||
                s->tokens[last + 1].upos == UPOS_ADJ);
    /* a capitalised role before a name is a title ("Prime Minister Romendacil") */
    if (last + 1 < s->n && s->tokens[last + 1].upos == UPOS_PROPN &&
        (s->tokens[last].flags & TOKEN_UPPER) && (s->tokens[last + 1].flags & TOKEN_UPPER))
        return false;
    if (last + 1 >= s->n ||
        (s->tokens[last + 1].upos != UPOS_NOUN && s->tokens[last + 1].upos != UPOS_PROPN))
        return false;
    /* "peacekeeper bases", "rebel positions", "army convoys": the role's own places and
     * vehicles stand for it (what is attacked, shelled or seized) */
    static const char *const holdings[] = {
        "base",     "bases",      "position",    "positions",   "convoy",       "convoys",
        "patrol",   "patrols",    "post",        "posts",       "camp",         "camps",
        "outpost",  "outposts",   "checkpoint",  "checkpoints", "headquarters", "vehicle",
        "vehicles", "stronghold", "strongholds", NULL};
    slice next = token_text(s->text, &s->tokens[last + 1]);
    for (const char *const *h = holdings; *h; h++)
        if (slice_eq_cstr(next, *h))
            return false;
    /* "help the Russian army drive Kyiv's forces out": a "noun" followed by the start of an
     * object is a verb the tagger missed, so the role is the head */
    return !(s->tokens[last + 1].upos == UPOS_NOUN && scan_verb_before_object(s, last + 1));
}

/* True when the word at token i, tagged NOUN, stands before what looks like its object: a
 * determiner, a pronoun, or a proper name with a possessive ("drive Kyiv's forces"); or before
 * a resultative "dead" or "and" and a verb ("police shot dead", "police shot and killed"). */
bool scan_verb_before_object(const scan *s, size_t i)
{
    if (i + 1 >= s->n)
        return false;
    uint8_t next = s->tokens[i + 1].upos;
    /* "police shot dead two protesters", "police shot and killed a protester" */
    if (slice_eq_cstr(token_text(s->text, &s->tokens[i + 1]), "dead") ||
        (next == UPOS_CCONJ && i + 2 < s->n && s->tokens[i + 2].upos == UPOS_VERB))
        return true;
    /* (a relative pronoun opens a clause on the noun: "a fishing boat that had been rammed") */
    slice w = token_text(s->text, &s->tokens[i + 1]);
    if (slice_eq_cstr(w, "that") || slice_eq_cstr(w, "which") || slice_eq_cstr(w, "who") ||
        slice_eq_cstr(w, "whom") || slice_eq_cstr(w, "whose"))
        return false;
    return next == UPOS_DET || next == UPOS_PRON ||
           (next == UPOS_PROPN && scan_is_possessive(s, i + 2));
}

const char *scan_combine(scan *s, const char *country, const char *role)
{
    return arena_printf(s->a, "%.3s%s", country, role);
}

static bool mention_is_person(const scan *s, size_t k)
{
    const actor_mention *m = &s->mentions[k];
    return m->kind == ACTOR_KIND_PERSON;
}

/* The root of a mention's chain of antecedents. */
static size_t root_of(const scan *s, size_t k)
{
    while (s->mentions[k].antecedent >= 0)
        k = (size_t)s->mentions[k].antecedent;
    return k;
}

/* The most recent person mentioned within `sentences` sentences (optionally of a country). */
long scan_recent_person(const scan *s, uint32_t sentences, const char *country)
{
    for (size_t k = s->count; k-- > 0;) {
        const actor_mention *m = &s->mentions[k];
        if (m->sentence + sentences < s->sentence)
            break;
        size_t r = root_of(s, k);
        if (!mention_is_person(s, r))
            continue;
        if (country && !(s->mentions[r].country && strcmp(s->mentions[r].country, country) == 0))
            continue;
        return (long)r;
    }
    return -1;
}

/* ---- unknown names ---- */

/* Length of the capitalised name starting at i (0 when none): at least two capitalised
 * words, with connectors between them, no dictionary person/country inside. */
size_t scan_unknown_run(const scan *s, size_t i, bool *is_org)
{
    *is_org = false;
    /* in a headline in capitals every word is capitalised: no name can be told from them */
    if (s->in_capitals || !scan_is_cap(s, i) || has(s, i, W_STOP))
        return 0;
    size_t k = i, ncap = 0, last = i;
    bool proper = false;
    while (k < s->n) {
        if (scan_is_cap(s, k)) {
            if (k > i) {
                unit u = scan_find_unit(s, k);
                bool after_connector = k > 0 && !scan_is_cap(s, k - 1);
                if ((u.holder && !(after_connector && (u.holder->kind == DICT_ORGANIZATION ||
                                                       u.holder->kind == DICT_GROUP))) ||
                    u.adj)
                    break;
            }
            if (s->tokens[k].upos == UPOS_PROPN)
                proper = true;
            ncap++;
            last = k;
            k++;
            /* hyphenated parts: Jong-un, al-Baghdadi */
            while (k + 1 < s->n && !(s->tokens[k].flags & TOKEN_SPACE_BEFORE) &&
                   slice_eq_cstr(token_text(s->text, &s->tokens[k]), "-") &&
                   !(s->tokens[k + 1].flags & TOKEN_SPACE_BEFORE) &&
                   s->tokens[k + 1].kind == TOKEN_WORD) {
                last = k + 1;
                k += 2;
            }
            continue;
        }
        if (has(s, k, W_CONNECTOR) && !scan_is_cap(s, k) && scan_is_cap(s, k + 1) &&
            !(has(s, k, W_AND) && ncap < 2)) {
            k++;
            continue;
        }
        break;
    }
    if (ncap < 2 || has(s, last, W_PLACE))
        return 0;
    /* tagged text: the run holds a proper noun and starts with one or with a capitalised
     * adjective that names are made of ("National Defence and Security Council") */
    if (s->tagged &&
        (!proper || (s->tokens[i].upos != UPOS_PROPN && s->tokens[i].upos != UPOS_ADJ)))
        return 0;
    for (size_t t = i; t <= last; t++)
        if (has(s, t, W_ORG))
            *is_org = true;
    return last + 1 - i;
}

/* True when `word` is the first or the last space-separated word of `name`. */
static bool is_name_word(slice name, slice word)
{
    if (name.len <= word.len)
        return false;
    if (memcmp(name.ptr, word.ptr, word.len) == 0 && name.ptr[word.len] == ' ')
        return true;
    return memcmp(name.ptr + name.len - word.len, word.ptr, word.len) == 0 &&
           name.ptr[name.len - word.len - 1] == ' ';
}

/* An earlier person this capitalised word is the short name of ("Kovalenko" after "Andrii
 * Kovalenko", "Kim" after "Kim Jong-un" when the dictionary has no "Kim"), or -1. For a
 * dictionary person the entry's name is compared, so titles in the mention do not count. */
long scan_short_name(const scan *s, size_t i)
{
    if (!scan_is_cap(s, i) || has(s, i, W_STOP))
        return -1;
    slice word = token_text(s->text, &s->tokens[i]);
    size_t stop = s->count > LOOKBACK ? s->count - LOOKBACK : 0;
    for (size_t k = s->count; k-- > stop;) {
        const actor_mention *m = &s->mentions[k];
        if (!mention_is_person(s, k) || m->antecedent >= 0)
            continue;
        slice name = s->entries[k] ? slice_from_cstr(dict_entry_get(s->d, s->entries[k] - 1)->name)
                                   : slice_make(s->text->text + m->start, m->end - m->start);
        if (is_name_word(name, word))
            return (long)k;
    }
    return -1;
}

/* ---- coreference ---- */

/* "the two countries", "both nations": refers to the last two countries named. Returns the
 * tokens consumed or 0. */
size_t scan_pair_reference(scan *s, size_t i)
{
    size_t len = 0;
    if (has(s, i, W_THE) && has(s, i + 1, W_TWO) && has(s, i + 2, W_PAIR | W_PAIR_PEOPLE))
        len = 3;
    else if (has(s, i, W_BOTH) && has(s, i + 1, W_PAIR | W_PAIR_PEOPLE))
        len = 2;
    if (!len)
        return 0;
    bool people = has(s, i + len - 1, W_PAIR_PEOPLE);
    long found[2] = {-1, -1};
    int nfound = 0;
    size_t stop = s->count > LOOKBACK ? s->count - LOOKBACK : 0;
    for (size_t k = s->count; k-- > stop && nfound < 2;) {
        size_t r = root_of(s, k);
        const actor_mention *m = &s->mentions[r];
        if (!m->country || m->kind == ACTOR_KIND_REFERENCE || (people && !mention_is_person(s, r)))
            continue;
        if (nfound == 1 &&
            (people ? (long)r == found[0] : strcmp(s->mentions[found[0]].country, m->country) == 0))
            continue;
        found[nfound++] = (long)r;
    }
    if (nfound < 2)
        return 0;
    for (int p = 1; p >= 0; p--) {
        const actor_mention *m = &s->mentions[found[p]];
        scan_emit(s, i, i + len, people ? m->code : m->country, ACTOR_KIND_REFERENCE, NO_ENTRY,
                  found[p]);
    }
    return len;
}

/* "the country", "the alliance", "the agency", "the North": a definite description refers to
 * the last actor of its kind named within two sentences (three for the Koreas): a state for
 * country and nation ("the republic" is as often a region); an organisation for alliance, bloc,
 * agency, organisation, union and coalition; North or South Korea for a capitalised "the North" or
 * "the South" when one of them was named; a named group (Hamas, the ELN) for "the group" and
 * "the movement". Returns the tokens used (0: none). */
/* True when mention m's text holds a possessive ("the Democratic Republic of Congo's army"). */
static bool names_possessor(const scan *s, const actor_mention *m)
{
    const char *t = s->text->text;
    for (uint32_t k = m->start; k + 1 < m->end; k++)
        if ((t[k] == '\'' && t[k + 1] == 's') ||
            (k + 3 < m->end && memcmp(t + k, "\xe2\x80\x99s", 4) == 0))
            return true;
    return false;
}

size_t scan_description(scan *s, size_t i)
{
    if (!has(s, i, W_THE) || i + 1 >= s->n)
        return 0;
    static const char *const states[] = {"country", "nation", NULL};
    static const char *const bodies[] = {"alliance",     "bloc",  "agency",    "organisation",
                                         "organization", "union", "coalition", NULL};
    static const char *const groups[] = {"group", "movement", NULL};
    slice w = token_text(s->text, &s->tokens[i + 1]);
    bool state = false, body = false, korea = false, group = false;
    for (const char *const *p = states; *p && !state; p++)
        state = slice_eq_cstr(w, *p);
    /* "the group" (not "the group of protesters"; but "accused the group of killing") */
    bool partitive =
        has(s, i + 2, W_OF) && !(s->tagged && i + 3 < s->n && s->tokens[i + 3].upos == UPOS_VERB);
    for (const char *const *p = groups; *p && !group; p++)
        group = slice_eq_cstr(w, *p) && !partitive;
    for (const char *const *p = bodies; *p && !body; p++)
        body = slice_eq_cstr(w, *p);
    const char *side = slice_eq_cstr(w, "North") ? "PRK" : slice_eq_cstr(w, "South") ? "KOR" : NULL;
    korea = side != NULL && !scan_is_cap(s, i + 2);
    if (!state && !body && !korea && !group)
        return 0;
    /* "returned to the North": a direction, not the state */
    if (korea && i > 0 &&
        (has(s, i - 1, W_OF) || slice_eq_cstr(token_text(s->text, &s->tokens[i - 1]), "to") ||
         slice_eq_cstr(token_text(s->text, &s->tokens[i - 1]), "into") ||
         slice_eq_cstr(token_text(s->text, &s->tokens[i - 1]), "across")))
        return 0;
    /* "the country's army": the state's role; "the country's parliament in Tbilisi" and
     * other possessions are left to what follows */
    unit role = {0};
    bool possessive_place = false;
    if (scan_is_possessive(s, i + 2)) {
        role = state ? scan_find_unit(s, i + 3) : (unit){0};
        /* "in the country's mineral-rich east": the state itself, as "Congo's east" is */
        if (state && (!role.role || role.holder)) {
            role = (unit){0};
            possessive_place = true;
        } else if (!role.role || role.holder)
            return 0;
    }
    uint32_t window = korea ? 3 : 2;
    for (size_t k = s->count; k-- > 0;) {
        const actor_mention *m = &s->mentions[k];
        if (m->sentence + window < s->sentence)
            break;
        size_t r = root_of(s, k);
        const actor_mention *a = &s->mentions[r];
        if (!a->code)
            continue;
        bool fits = false;
        /* a state; before a possessive that names no role ("in the country's east"), one of
         * the same sentence, a state's body named by its possessive included ("Congo's army") */
        if (state)
            fits = (a->kind == ACTOR_KIND_COUNTRY && a->country &&
                    (!possessive_place || m->sentence == s->sentence)) ||
                   (possessive_place && m->sentence == s->sentence && a->country &&
                    a->kind == ACTOR_KIND_AGENT && names_possessor(s, a));
        else if (group)
            fits = a->kind == ACTOR_KIND_GROUP;
        else if (body)
            fits = a->kind == ACTOR_KIND_ORGANIZATION && strncmp(a->code, "IGO", 3) == 0;
        else
            fits = a->country && (strcmp(a->country, "PRK") == 0 || strcmp(a->country, "KOR") == 0);
        if (!fits)
            continue;
        if (korea) {
            scan_emit(s, i, i + 2, side, ACTOR_KIND_REFERENCE, NO_ENTRY, -1);
            return 2;
        }
        if (role.len) {
            const char *code = scan_entry_code(s, role.role);
            scan_emit(s, i, i + 3 + role.len, code ? scan_combine(s, a->country, code) : a->country,
                      ACTOR_KIND_AGENT, NO_ENTRY, -1);
            return 3 + role.len;
        }
        scan_emit(s, i, i + 2, state ? a->country : a->code, ACTOR_KIND_REFERENCE, NO_ENTRY,
                  (long)r);
        return 2;
    }
    return 0;
}

/* The antecedent of "it"/"its" at token i: the last state, capital, metonym, organisation,
 * group or state body ("the Israeli military") named before it, in the same sentence for "it"
 * (which as a subject is more often empty: "it is unclear"), within two sentences for "its". "it"
 * before a form of "be", "seem", "appear" or "remain" is not resolved. -1 when none. */
/* True when mention m starts within the first three tokens of its sentence ("The RSF",
 * "Sudan's army"): the sentence's subject, usually. */
static bool opens_sentence(const scan *s, const actor_mention *m)
{
    if (m->sentence >= s->text->nsentences)
        return false;
    const sentence *st = &s->text->sentences[m->sentence];
    size_t before = 0;
    for (uint32_t t = st->first_token;
         t < st->first_token + st->ntokens && s->text->tokens[t].start < m->start; t++)
        if (++before > 3)
            return false;
    return true;
}

/* True when token i ("it") opens a clause a verb of saying reports, "that" or not ("denied
 * that it had", "said it would"). */
static bool said_clause_subject(const scan *s, size_t i)
{
    if (i == 0)
        return false;
    size_t v = i - 1;
    /* "denied that it", not "the claim that it" (the claim's owner says it) */
    if (slice_eq_cstr(token_text(s->text, &s->tokens[v]), "that")) {
        if (v == 0)
            return false;
        v--;
    }
    return has(s, v, W_SAYING);
}

/* A mention "it" or "its" may refer to: a state, capital, metonym, organisation, group or state
 * body with its state ("the Israeli army"), with a code. */
static bool neuter_candidate(const actor_mention *r)
{
    const char *kind = r->kind;
    return r->code && (kind == ACTOR_KIND_COUNTRY || kind == ACTOR_KIND_CAPITAL ||
                       kind == ACTOR_KIND_METONYM || kind == ACTOR_KIND_ORGANIZATION ||
                       kind == ACTOR_KIND_GROUP || (kind == ACTOR_KIND_AGENT && r->country));
}

/* True when an event noun stands between byte `from` and token i ("denounced the attack ...
 * and said it killed two children": "it" after an event noun is the event, not a state). */
static bool event_noun_between(const scan *s, size_t from, size_t i)
{
    static const char *const events[] = {"attack",    "strike", "bombing",  "blast",
                                         "explosion", "raid",   "assault",  "shelling",
                                         "operation", "war",    "conflict", NULL};
    for (size_t t = i; t-- > 0 && s->tokens[t].start >= from;)
        for (const char *const *e = events; *e; e++)
            if (slice_eq_cstr(token_text(s->text, &s->tokens[t]), *e))
                return true;
    return false;
}

static long neuter_antecedent(const scan *s, size_t i)
{
    bool possessive = slice_eq_cstr(token_text(s->text, &s->tokens[i]), "its") ||
                      slice_eq_cstr(token_text(s->text, &s->tokens[i]), "Its");
    /* "it is unclear", "it was the worst attack", "it's estimated": an empty subject */
    if (!possessive && i + 2 < s->n) {
        static const char *const be[] = {"is",      "was",      "'s",      "\xe2\x80\x99s",
                                         "seems",   "seemed",   "appears", "appeared",
                                         "remains", "remained", NULL};
        static const char *const extraposed[] = {
            "unclear",   "clear",     "likely",   "unlikely",  "possible", "impossible",
            "important", "the",       "a",        "an",        "time",     "not",
            "believed",  "said",      "expected", "estimated", "reported", "understood",
            "thought",   "feared",    "hoped",    "too",       "still",    "also",
            "hard",      "difficult", "easy",     "true",      NULL};
        slice next = token_text(s->text, &s->tokens[i + 1]);
        slice after = token_text(s->text, &s->tokens[i + 2]);
        bool is_be = false, is_extraposed = false;
        for (const char *const *w = be; *w && !is_be; w++)
            is_be = slice_eq_cstr(next, *w);
        for (const char *const *w = extraposed; *w && !is_extraposed; w++)
            is_extraposed = slice_eq_cstr(after, *w);
        if (is_be && is_extraposed)
            return -1;
    }
    long first_here = -1; /* "its": the sentence's first candidate, usually its subject */
    /* "Iran, which backs the Houthis, denied that it had supplied them", "the army said it
     * had launched": "it" opening a clause a verb of saying reports is the sentence's subject,
     * its first candidate (a definite state body without its state too) */
    if (!possessive && said_clause_subject(s, i)) {
        long subject = -1;
        size_t subject_end = 0;
        for (size_t k = s->count; k-- > 0 && s->mentions[k].sentence == s->sentence;) {
            const actor_mention *m = &s->mentions[k];
            if (m->end > s->tokens[i].start)
                continue;
            size_t r = root_of(s, k);
            const char *kind = s->mentions[r].kind;
            bool body = kind == ACTOR_KIND_AGENT && m->role &&
                        (strcmp(m->role, "MIL") == 0 || strcmp(m->role, "GOV") == 0 ||
                         strcmp(m->role, "COP") == 0) &&
                        (s->text->text[m->start] == 't' || s->text->text[m->start] == 'T');
            if (!neuter_candidate(&s->mentions[r]) && !(body && s->mentions[r].code))
                continue;
            subject = (long)r;
            subject_end = m->end;
        }
        if (subject >= 0) {
            /* "denounced the attack ... and said it killed two children": the event */
            return event_noun_between(s, subject_end, i) ? -1 : subject;
        }
    }
    /* "The RSF did not respond. It has accused the army ...": a sentence that opens with "It"
     * and a verb continues the subject of the sentence before (its first candidate) */
    if (!possessive && i == 0 && s->sentence > 0) {
        long first_before = -1;
        for (size_t k = s->count; k-- > 0;) {
            const actor_mention *m = &s->mentions[k];
            if (m->sentence + 1 < s->sentence)
                break;
            size_t r = root_of(s, k);
            if (m->sentence + 1 == s->sentence && opens_sentence(s, m) &&
                neuter_candidate(&s->mentions[r]))
                first_before = (long)r;
        }
        return first_before;
    }
    for (size_t k = s->count; k-- > 0;) {
        const actor_mention *m = &s->mentions[k];
        if (m->sentence + (possessive ? 2 : 0) < s->sentence)
            break;
        if (possessive && m->sentence != s->sentence && first_here >= 0)
            return first_here;
        size_t r = root_of(s, k);
        if (!neuter_candidate(&s->mentions[r]))
            continue;
        if (possessive && m->sentence == s->sentence) {
            first_here = (long)r;
            continue;
        }
        if (!possessive && s->mentions[r].sentence == s->sentence) {
            if (event_noun_between(s, s->mentions[r].end, i))
                return -1;
        }
        return (long)r;
    }
    return first_here;
}

/* Whether a singular noun for a person with word classes `noun` may be what a pronoun with
 * word classes `pronoun` refers to ("the woman" for "she", "the victim" for either). */
static bool person_noun_fits(uint32_t noun, uint32_t pronoun)
{
    if (noun & W_HUMAN)
        return true;
    if (noun & W_HUMAN_FEMALE)
        return (pronoun & W_FEMALE_PRONOUN) != 0;
    if (noun & W_HUMAN_MALE)
        return (pronoun & W_MALE_PRONOUN) != 0;
    return false;
}

/* A singular noun for a person earlier in the pronoun's sentence and after the named
 * antecedent `named` is what the pronoun at token i refers to: "The woman has claimed that she
 * was ..." is about the woman, not about the president named before. Returns the mention of
 * that noun (an agent: "the woman" is CVL), -2 when the noun is not an actor (the pronoun stays
 * unresolved), `named` when there is none. Only within the sentence: across sentences the
 * subject of the last one ("He says the man died") is the likelier referent. */
static long nearer_person_noun(const scan *s, size_t i, long named)
{
    uint32_t pronoun = s->wflags[i];
    uint32_t limit = named >= 0 ? s->mentions[named].end : 0;
    /* in this sentence, by its tokens (a noun the dictionaries do not hold counts too) */
    for (size_t t = i; t-- > 0 && s->tokens[t].start >= limit;) {
        if (s->tokens[t].upos != UPOS_NOUN || !person_noun_fits(s->wflags[t], pronoun))
            continue;
        for (size_t k = s->count; k-- > 0 && s->mentions[k].sentence == s->sentence;) {
            const actor_mention *m = &s->mentions[k];
            if (m->start <= s->tokens[t].start && s->tokens[t].end <= m->end)
                return m->code ? (long)root_of(s, k) : -2;
        }
        return -2;
    }
    return named;
}

/* Whether the mention m is followed by a verb: the subject of its clause ("the police
 * assaulted ..."), which a later "they" more often continues. */
static bool mention_is_subject(const scan *s, const actor_mention *m)
{
    const token *all = s->text->tokens;
    size_t lo = 0, hi = s->text->ntokens;
    while (lo < hi) { /* the first token at or after the mention's end */
        size_t mid = lo + (hi - lo) / 2;
        if (all[mid].start < m->end)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo < s->text->ntokens && all[lo].upos == UPOS_ADV && all[lo].sentence == m->sentence)
        lo++;
    return lo < s->text->ntokens && all[lo].sentence == m->sentence &&
           (all[lo].upos == UPOS_VERB || all[lo].upos == UPOS_AUX);
}

/* Whether the mention m, in this sentence, is the subject of the clause whose object is the
 * token i: only verbs, adverbs, auxiliaries and particles between them ("Turkish troops
 * followed them"). An object pronoun does not refer to its own clause's subject. */
static bool subject_of_same_clause(const scan *s, const actor_mention *m, size_t i)
{
    if (m->sentence != s->sentence || !s->tagged)
        return false;
    size_t k = i;
    while (k > 0 && s->tokens[k - 1].start >= m->end) {
        uint8_t u = s->tokens[--k].upos;
        if (u != UPOS_VERB && u != UPOS_AUX && u != UPOS_ADV && u != UPOS_PART)
            return false;
    }
    return k < i && mention_is_subject(s, m);
}

/* The antecedent of "they"/"them"/"their" at token i: the last agent, group, organisation or
 * people ("Americans") named within two sentences; a subject "they" takes the last such
 * subject when there is one ("the police assaulted the demonstrators; later they shot ...");
 * an object "them" skips the subject of its own clause and refers to no actor when a plural
 * noun for things stands nearer ("condemned the strikes, calling them"). -1 when none. */
/* The nearest plural common noun before token i in the sentence that no mention covers ("the
 * strikes", "the weapons"), -1 when none: an object "them" after it refers to those things. */
static long nearer_plural_thing(const scan *s, size_t i)
{
    for (size_t t = i; t-- > 0;) {
        const token *tok = &s->tokens[t];
        slice w = token_text(s->text, tok);
        if (tok->upos != UPOS_NOUN || w.len < 4 || w.ptr[w.len - 1] != 's' ||
            w.ptr[w.len - 2] == 's')
            continue;
        for (size_t k = s->count; k-- > 0 && s->mentions[k].sentence == s->sentence;)
            if (s->mentions[k].start <= tok->start && tok->end <= s->mentions[k].end)
                return -1; /* the nearest plural noun is an actor's */
        return (long)t;
    }
    return -1;
}

static long plural_antecedent(const scan *s, size_t i)
{
    bool object = slice_eq_nocase(token_text(s->text, &s->tokens[i]), "them");
    long thing = object && s->tagged ? nearer_plural_thing(s, i) : -1;
    bool subject = i + 1 < s->n &&
                   (s->tokens[i + 1].upos == UPOS_VERB || s->tokens[i + 1].upos == UPOS_AUX ||
                    (s->tokens[i + 1].upos == UPOS_ADV && i + 2 < s->n &&
                     (s->tokens[i + 2].upos == UPOS_VERB || s->tokens[i + 2].upos == UPOS_AUX)));
    long nearest = -1;
    for (size_t k = s->count; k-- > 0;) {
        const actor_mention *m = &s->mentions[k];
        if (m->sentence + 2 < s->sentence)
            break;
        size_t r = root_of(s, k);
        const char *kind = s->mentions[r].kind;
        if (!(kind == ACTOR_KIND_AGENT || kind == ACTOR_KIND_GROUP ||
              kind == ACTOR_KIND_ORGANIZATION || kind == ACTOR_KIND_DEMONYM))
            continue;
        if (thing >= 0 && m->sentence == s->sentence && m->end <= s->tokens[thing].start)
            return -1; /* "condemned the strikes, calling them ...": the things, no actor */
        if (object && subject_of_same_clause(s, m, i))
            continue;
        if (nearest < 0)
            nearest = (long)r;
        if (!subject)
            break;
        if (m->sentence + 1 < s->sentence)
            break; /* subjects are looked for in this sentence and the one before */
        if (mention_is_subject(s, m))
            return (long)r;
    }
    return nearest;
}

size_t scan_pronoun(scan *s, size_t i)
{
    bool person = has(s, i, W_PERSON_PRONOUN);
    bool plural = !person && has(s, i, W_PLURAL_PRONOUN);
    bool neuter = !person && !plural && has(s, i, W_NEUTER_PRONOUN);
    if (!person && !plural && !neuter)
        return 0;
    long target = -1;
    if (neuter) {
        target = neuter_antecedent(s, i);
    } else if (person && i == 0 && s->count) {
        /* a subject pronoun opening a sentence usually continues the previous subject: the
         * first person of the last sentence that named one */
        long last = scan_recent_person(s, 3, NULL);
        if (last >= 0) {
            uint32_t within = s->mentions[s->count - 1].sentence;
            for (size_t k = s->count; k-- > 0 && s->mentions[k].sentence + 3 >= s->sentence;) {
                size_t r = root_of(s, k);
                if (mention_is_person(s, r)) {
                    if (s->mentions[k].sentence != within && target >= 0)
                        break;
                    within = s->mentions[k].sentence;
                    target = (long)r;
                }
            }
        }
    } else if (person) {
        target = scan_recent_person(s, 3, NULL);
    } else {
        target = plural_antecedent(s, i);
    }
    /* a reflexive ("blew himself up") is the clause's own subject: left to the coder */
    if (person && !slice_ends_with(token_text(s->text, &s->tokens[i]), "self"))
        target = nearer_person_noun(s, i, target);
    if (target < 0)
        return 0;
    const actor_mention *t = &s->mentions[target];
    /* "his government", "its troops": the antecedent's country with the role */
    bool possessive = has(s, i, W_POSSESSIVE_PRONOUN) ||
                      (neuter && (slice_eq_cstr(token_text(s->text, &s->tokens[i]), "its") ||
                                  slice_eq_cstr(token_text(s->text, &s->tokens[i]), "Its")));
    unit u = possessive ? scan_find_unit(s, i + 1) : (unit){0};
    if (u.role && !u.holder && !scan_role_is_modifier(s, i + u.len)) {
        const char *role = scan_entry_code(s, u.role);
        const char *code = t->country && role ? scan_combine(s, t->country, role) : t->code;
        scan_emit(s, i, i + 1 + u.len, code, ACTOR_KIND_AGENT, NO_ENTRY, target);
        return 1 + u.len;
    }
    scan_emit(s, i, i + 1, t->code, ACTOR_KIND_PRONOUN, NO_ENTRY, target);
    return 1;
}

void scan_words_init(void)
{
    pthread_once(&word_table_once, word_table_build);
}
