/* mentions.c - the pieces of the actors stage that the sentence scan (scan.c) builds on:
 * token tests and word classes, dictionary units (the longest valid phrase at a token),
 * emitting mentions with their codes on the article's date, and unknown capitalised names
 * and short names (coreference is in coref.c).
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

void scan_words_init(void)
{
    pthread_once(&word_table_once, word_table_build);
}
