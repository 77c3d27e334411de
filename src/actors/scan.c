/* scan.c - the sentence scan of the actors stage: at each token, the longest dictionary unit
 * and what it combines with (country + role: "North Korean troops", "Russia's army"; owner +
 * role: "Kim's regime"; titles before names; datelines; leaders' compounds), places that are
 * not actors, and what a unit must leave to a longer place name. actors.c runs it per
 * sentence (scan_step) and holds the helpers it calls.
 */
#include "actors_internal.h"

#include <string.h>

/* ---- the sentence scan ---- */

/* True when the role at token i is definite: "the" before it, adjectives between ("the ethnic
 * rebel group"). */
static bool definite_before(const scan *s, size_t i)
{
    size_t k = i;
    while (k > 0 && s->tagged && s->tokens[k - 1].upos == UPOS_ADJ && i - k < 3)
        k--;
    return k > 0 && has(s, k - 1, W_THE) && s->tokens[k - 1].start >= s->consumed_end;
}

/* The mention a definite description of role `code` ("REB", "GOV" ...) refers to: the last
 * mention of that role with a state, within two sentences; -1 when none. Only groups and
 * governments are described this way ("the group", "the junta"); "the police" or "the army" in
 * a report are usually the reporting country's, not the last one named. */
static long described_antecedent(const scan *s, const char *code)
{
    static const char *const described[] = {"REB", "INS", "UAF", "CRM", "GOV", NULL};
    bool known = false;
    for (const char *const *d = described; *d && !known; d++)
        known = strcmp(code, *d) == 0;
    if (!known)
        return -1;
    for (size_t k = s->count; k-- > 0;) {
        const actor_mention *m = &s->mentions[k];
        if (m->sentence + 2 < s->sentence)
            break;
        if (m->code && m->country && m->role && strcmp(m->role, code) == 0 &&
            m->kind != ACTOR_KIND_PERSON && m->kind != ACTOR_KIND_TITLE)
            return (long)k;
    }
    return -1;
}

/* True when tokens [i, j) are a word for peacekeepers ("peacekeepers", "peacekeeping
 * troops", "blue helmets"). */
static bool peacekeepers_at(const scan *s, size_t i, size_t j)
{
    for (size_t k = i; k < j; k++) {
        slice w = token_text(s->text, &s->tokens[k]);
        if (w.len >= 11 &&
            (strncmp(w.ptr, "peacekeep", 9) == 0 || strncmp(w.ptr, "Peacekeep", 9) == 0))
            return true;
    }
    return false;
}

/* The last UN body or mission (a code starting IGOUNO) named within two sentences, -1 if none. */
static long un_mission_before(const scan *s)
{
    for (size_t k = s->count; k-- > 0;) {
        const actor_mention *m = &s->mentions[k];
        if (m->sentence + 2 < s->sentence)
            break;
        if (m->code && strncmp(m->code, "IGOUNO", 6) == 0)
            return (long)k;
    }
    return -1;
}

static const char *holder_kind(const dict_entry *e)
{
    static const char *const names[DICT_KIND_COUNT] = {
        ACTOR_KIND_COUNTRY, ACTOR_KIND_ADJECTIVE, ACTOR_KIND_DEMONYM,      ACTOR_KIND_CAPITAL,
        ACTOR_KIND_METONYM, ACTOR_KIND_PERSON,    ACTOR_KIND_ORGANIZATION, ACTOR_KIND_GROUP,
        ACTOR_KIND_AGENT,   ACTOR_KIND_TITLE,
    };
    return e->kind < DICT_KIND_COUNT ? names[e->kind] : ACTOR_KIND_AGENT;
}

/* True when tokens j, j+1 are "-" and one of the NULL-ended words glued to the word before. */
static bool glued_word_at(const scan *s, size_t j, const char *const *words)
{
    if (j + 1 >= s->n || (s->tokens[j].flags & TOKEN_SPACE_BEFORE) ||
        (s->tokens[j + 1].flags & TOKEN_SPACE_BEFORE) ||
        !slice_eq_cstr(token_text(s->text, &s->tokens[j]), "-"))
        return false;
    slice w = token_text(s->text, &s->tokens[j + 1]);
    for (size_t k = 0; words[k]; k++)
        if (slice_eq_cstr(w, words[k]))
            return true;
    return false;
}

/* True when a participle is glued to the word before token j ("-held" in "government-held"):
 * that word modifies what follows. */
static bool compound_modifier_at(const scan *s, size_t j)
{
    static const char *const participles[] = {
        "held",      "controlled", "run",       "occupied", "backed",    "led",    "linked",
        "allied",    "aligned",    "based",     "owned",    "dominated", "funded", "supported",
        "sponsored", "appointed",  "installed", "friendly", "member",    NULL};
    return glued_word_at(s, j, participles);
}

/* True when a participle of registry is glued to the word before token j ("-flagged" in
 * "British-flagged"): the state named before owns or flags what follows. */
static bool registry_modifier_at(const scan *s, size_t j)
{
    static const char *const participles[] = {"flagged",  "registered", "owned",
                                              "operated", "managed",    NULL};
    return glued_word_at(s, j, participles);
}

/* The end of the common nouns (and adjectives before them) from token j on: "peace plan" in
 * "a Senegalese peace plan". j when there is none. Untagged text: the next lower-case word
 * that is not a stop word. */
static size_t adjective_phrase_end(const scan *s, size_t j)
{
    size_t end = j;
    for (size_t k = j; k < s->n && k < j + 3; k++) {
        if (s->tokens[k].kind != TOKEN_WORD || scan_is_cap(s, k) ||
            has(s, k, W_STOP | W_AND | W_OF))
            break;
        if (s->tagged) {
            if (s->tokens[k].upos == UPOS_NOUN && end > j && scan_verb_before_object(s, k))
                break; /* "Russian army drive Kyiv's forces": a missed verb */
            if (s->tokens[k].upos == UPOS_NOUN)
                end = k + 1;
            else if (s->tokens[k].upos != UPOS_ADJ || end > j)
                break; /* adjectives, then nouns: "new naval bases" */
        } else {
            return k + 1; /* untagged: the next word only */
        }
    }
    return end;
}

/* True when tokens [i, j) lie in the article's dateline, or open the sentence in capitals and a
 * dateline's punctuation follows ("KHARTOUM (Reuters) -", "MOSCOW, March 3 -", "GAZA CITY:"). */
static bool dateline_at(const scan *s, size_t i, size_t j)
{
    /* the dateline the ingest stage found ("BERLIN --", "HANOI, Vietnam (AP) -") */
    const dateline *dl = s->art->doc ? &s->art->doc->dateline : NULL;
    if (dl && dl->end && j > i && s->tokens[i].start >= dl->start &&
        s->tokens[j - 1].end <= dl->end)
        return true;
    if (i != 0 || j >= s->n)
        return false;
    for (size_t k = i; k < j; k++)
        if (!(s->tokens[k].flags & TOKEN_ALL_UPPER))
            return false;
    slice w = token_text(s->text, &s->tokens[j]);
    return slice_eq_cstr(w, ",") || slice_eq_cstr(w, "(") || slice_eq_cstr(w, "-") ||
           slice_eq_cstr(w, ":") || slice_eq_cstr(w, "\xe2\x80\x93") ||
           slice_eq_cstr(w, "\xe2\x80\x94");
}

/* True when token j starts a word for a leader's government: "the Biden administration",
 * "the Putin regime", "the Netanyahu government". */
static bool leader_compound(const scan *s, size_t j)
{
    static const char *const words[] = {"administration", "government", "regime",
                                        "cabinet",        "presidency", NULL};
    if (j >= s->n)
        return false;
    slice w = token_text(s->text, &s->tokens[j]);
    for (size_t k = 0; words[k]; k++)
        if (slice_eq_cstr(w, words[k]))
            return true;
    return false;
}

/* True when the title r at token k is followed by a capitalised name ("Portuguese President
 * Mario Soares"): the title heads the name, it does not modify a noun. */
static bool title_before_name(const scan *s, const unit *r, size_t k)
{
    size_t next = k + r->len;
    return r->role->kind == DICT_TITLE && next < s->n && scan_is_cap(s, next) &&
           !has(s, next, W_STOP);
}

/* The country of the place mention (from the places stage) that starts at token i, or NULL;
 * *len gets its length in tokens. */
static const char *place_country_at(const scan *s, size_t i, size_t *len)
{
    if (i >= s->n)
        return NULL;
    uint32_t at = s->tokens[i].start;
    for (size_t p = s->place_first; p < s->art->nplaces; p++) {
        const place_mention *pm = &s->art->places[p];
        if (pm->start > at)
            break;
        if (pm->start == at && pm->entry && pm->entry->country && pm->entry->kind != PLACE_WATER) {
            size_t k = i;
            while (k < s->n && s->tokens[k].start < pm->end)
                k++;
            *len = k - i;
            return pm->entry->country;
        }
    }
    return NULL;
}

/* True when one place mention covers tokens [i, j). */
static bool place_covering(const scan *s, size_t i, size_t j)
{
    uint32_t start = s->tokens[i].start, end = s->tokens[j - 1].end;
    for (size_t p = s->place_first; p < s->art->nplaces; p++) {
        const place_mention *pm = &s->art->places[p];
        if (pm->start > start)
            break;
        if (pm->end >= end)
            return true;
    }
    return false;
}

/* True when a place mention overlaps tokens [i, j) and runs on past them ("the West" in "the
 * West Bank"). */
static bool longer_place_over(const scan *s, size_t i, size_t j)
{
    uint32_t start = s->tokens[i].start, end = s->tokens[j - 1].end;
    for (size_t p = s->place_first; p < s->art->nplaces; p++) {
        const place_mention *pm = &s->art->places[p];
        if (pm->start >= end)
            break;
        if (pm->end > end && pm->start >= start)
            return true;
    }
    return false;
}

/* True when the places stage found a place at token i after a cue of location ("in", "at",
 * "near" ...; not "to": "a visit to Moscow" is to the government). */
static bool located_place_at(const scan *s, size_t i)
{
    static const char *const cues[] = {"in",     "at",     "near",       "inside", "outside",
                                       "across", "around", "throughout", "within", NULL};
    uint32_t at = s->tokens[i].start;
    for (size_t p = s->place_first; p < s->art->nplaces; p++) {
        const place_mention *pm = &s->art->places[p];
        if (pm->start > at)
            break;
        if (pm->start == at && pm->cue)
            for (size_t k = 0; cues[k]; k++)
                if (strcmp(pm->cue, cues[k]) == 0)
                    return true;
    }
    return false;
}

/* True for the codes of world regions ("EUR", "ASA", "MEA" ...), which stand in the country
 * position of CAMEO codes. */
static bool region_code(const char *code)
{
    static const char *const regions[] = {"EUR", "AFR", "ASA", "MEA", "LAM", "WST", NULL};
    for (size_t k = 0; code && regions[k]; k++)
        if (strcmp(code, regions[k]) == 0)
            return true;
    return false;
}

/* True when a locative word ("in", "across", "throughout") stands before token i, over "the"
 * ("in the Middle East"). */
static bool located_region_at(const scan *s, size_t i)
{
    static const char *const cues[] = {"in", "across", "throughout", "around", "within", NULL};
    size_t k = i;
    if (k > 0 && has(s, k - 1, W_THE))
        k--;
    if (k == 0)
        return false;
    slice w = token_text(s->text, &s->tokens[k - 1]);
    for (size_t c = 0; cues[c]; c++)
        if (slice_eq_cstr(w, cues[c]))
            return true;
    return false;
}

/* The country that owns a bare role through a following phrase: "the mayor of Nablus", "the
 * government of Iraq", "a court in Guyana", "dissidents from Egypt" (a country, capital or
 * metonym from the dictionary, or a place the places stage found). "in" does not give troops
 * a country ("troops in Syria" are often foreign). NULL when none; *end gets the token after
 * the phrase. */
static const char *role_owner(scan *s, const dict_entry *role, size_t j, size_t *end)
{
    if (j >= s->n)
        return NULL;
    slice w = token_text(s->text, &s->tokens[j]);
    bool of = has(s, j, W_OF), from = slice_eq_cstr(w, "from"), in = slice_eq_cstr(w, "in");
    if (!of && !from && !in)
        return NULL;
    const char *code = scan_entry_code(s, role);
    if ((in || from) && (!code || strcmp(code, "MIL") == 0))
        return NULL; /* "troops in Syria", "withdraw its troops from Lebanon": often foreign */
    if (in && role->kind == DICT_TITLE)
        return NULL;
    /* "an embassy in Tehran", "diplomats in Moscow": a country's envoys live abroad */
    if (in && has(s, j - 1, W_ENVOY))
        return NULL;
    size_t k = j + 1;
    if (has(s, k, W_THE))
        k++;
    unit h = scan_find_unit(s, k);
    /* "fighters of the Arakan Army", "militants from Boko Haram", "guerrillas of the ELN":
     * members of a group are the group */
    if (h.holder && h.holder->kind == DICT_GROUP && (of || from) &&
        !scan_is_possessive(s, k + h.len)) {
        const char *hc = scan_entry_code(s, h.holder);
        if (hc) {
            *end = k + h.len;
            /* "fighters from the M23 rebel group": the role after the name is the name's */
            unit tail = scan_find_unit(s, *end);
            if (tail.role && !tail.holder && tail.role->kind == DICT_AGENT)
                *end += tail.len;
            return hc;
        }
    }
    if (h.holder && h.holder->kind != DICT_PERSON && h.holder->kind != DICT_ORGANIZATION &&
        h.holder->kind != DICT_GROUP && !scan_is_possessive(s, k + h.len)) {
        const char *hc = scan_entry_code(s, h.holder);
        const char *country = hc ? scan_country_of(s, hc) : NULL;
        if (country) {
            *end = k + h.len;
            return country;
        }
    }
    if (h.len)
        return NULL;
    size_t len;
    const char *country = place_country_at(s, k, &len);
    if (country && !scan_is_possessive(s, k + len)) {
        *end = k + len;
        return country;
    }
    return NULL;
}

/* A title or role after a country or owner: emits the combined mention. Returns the end. */
static size_t combined(scan *s, size_t start, size_t k, const unit *r, const char *country,
                       const dict_entry *owner, bool ethnic)
{
    size_t end = k + r->len;
    /* "Russian President Vladimir Putin": the person, title and adjective included */
    if (r->role->kind == DICT_TITLE) {
        unit p = scan_find_unit(s, end);
        if (p.holder && p.holder->kind == DICT_PERSON) {
            /* a person whose dated roles do not reach the article's date (a former or late
             * minister) still holds the title the text gives: "Iranian Foreign Minister X" */
            const char *code = scan_entry_code(s, p.holder);
            const char *title = scan_entry_code(s, r->role);
            if (!code && country && title)
                code = scan_combine(s, country, title);
            scan_emit(s, start, end + p.len, code, ACTOR_KIND_PERSON, p.holder_index,
                      scan_last_mention_of(s, p.holder_index));
            return end + p.len;
        }
        bool is_org;
        size_t run = scan_unknown_run(s, end, &is_org);
        if (run && !is_org) {
            const char *role = scan_entry_code(s, r->role);
            scan_emit(s, start, end + run,
                      country && role ? scan_combine(s, country, role)
                      : owner         ? scan_entry_code(s, owner)
                                      : NULL,
                      ACTOR_KIND_PERSON, NO_ENTRY, -1);
            return end + run;
        }
    }
    const char *role = scan_entry_code(s, r->role);
    /* "Tuareg rebels", "Tigrayan forces": the armed men of a people fight as its state's
     * rebels */
    if (ethnic && role &&
        (strcmp(role, "MIL") == 0 || strcmp(role, "UAF") == 0 || strcmp(role, "CRM") == 0 ||
         strcmp(role, "GOV") == 0))
        role = "REB";
    const char *code;
    if (country && role)
        code = scan_combine(s, country, role);
    else if (owner)
        code = scan_entry_code(s, owner);
    else
        code = role;
    long antecedent = -1;
    if (r->role->kind == DICT_TITLE && country) {
        antecedent = scan_recent_person(s, 5, country);
        if (antecedent >= 0)
            code = s->mentions[antecedent].code;
    }
    scan_emit(s, scan_with_article(s, start), end, code,
              r->role->kind == DICT_TITLE ? ACTOR_KIND_TITLE : ACTOR_KIND_AGENT, NO_ENTRY,
              antecedent);
    return end;
}

/* True when most word tokens of the sentence are capitalised (a headline in Title Case):
 * there capitals say nothing about names. */
static bool title_case_sentence(const scan *s)
{
    size_t words = 0, caps = 0;
    for (size_t k = 0; k < s->n; k++) {
        if (s->tokens[k].kind != TOKEN_WORD)
            continue;
        words++;
        caps += scan_is_cap(s, k);
    }
    return words >= 3 && caps * 10 >= words * 6;
}

/* "Puerto Jordan", "Mocimboa da Praia", "Michael Jordan": a country or capital name at token i
 * that ends a longer proper name (after an unknown capitalised word, or after a Romance
 * connector that follows one) is part of that name, not the state. */
/* "Kenya Defence Forces", "Afghan National Army", "Iraqi Federal Police": a name made of a
 * state and capitalised words whose last word is a role of state forces is that state's role
 * (KENMIL); any other name (a newspaper, a council, a party) has no code. `end` is the name's
 * end token. */
static const char *national_body(scan *s, size_t end, const char *country)
{
    static const char *const forces[] = {"MIL", "COP", "SPY", NULL};
    if (!country || strlen(country) != 3 || end < 1)
        return NULL;
    unit r = scan_find_unit(s, end - 1);
    const char *role = r.role && !r.holder && r.len == 1 ? scan_entry_code(s, r.role) : NULL;
    for (const char *const *f = forces; role && *f; f++)
        if (strcmp(role, *f) == 0)
            return scan_combine(s, country, role);
    return NULL;
}

static bool ends_longer_name(const scan *s, size_t i)
{
    static const char *const romance[] = {"da",    "de", "do", "dos", "das", "del",
                                          "della", "di", "du", "des", NULL};
    if (i >= 2 && !scan_is_cap(s, i - 1) && scan_is_cap(s, i - 2)) {
        slice w = token_text(s->text, &s->tokens[i - 1]);
        for (const char *const *r = romance; *r; r++)
            if (slice_eq_cstr(w, *r))
                return !title_case_sentence(s);
    }
    if (i < 1 || !scan_is_cap(s, i - 1) || has(s, i - 1, W_STOP) ||
        s->tokens[i - 1].kind != TOKEN_WORD || !(s->tokens[i].flags & TOKEN_SPACE_BEFORE))
        return false;
    if (s->tagged && s->tokens[i - 1].upos != UPOS_PROPN)
        return false;
    if (scan_find_unit(s, i - 1).len)
        return false; /* "Syrian Kurdistan", "President Jordan": a known word before it */
    return !title_case_sentence(s);
}

size_t scan_step(scan *s, size_t i)
{
    /* the places (in text order) that end before this token concern no later lookup */
    while (s->place_first < s->art->nplaces &&
           s->art->places[s->place_first].end <= s->tokens[i].start)
        s->place_first++;
    unit u = scan_find_unit(s, i);
    if (!u.len) {
        size_t used = scan_pair_reference(s, i);
        if (!used)
            used = scan_description(s, i);
        if (!used)
            used = scan_pronoun(s, i);
        if (used)
            return i + used;
        /* "Later Kovalenko said": a capitalised first word before a known short name */
        if (i == 0 && !scan_is_cap(s, i + 2) && scan_short_name(s, i + 1) >= 0)
            return i + 1;
        bool is_org;
        size_t run = scan_unknown_run(s, i, &is_org);
        if (run) {
            /* "West Bank", "Gaza City": a place the places stage knows is no actor; nor is
             * the dateline's place ("SIOUX FALLS, S.D. -") */
            if (!place_covering(s, i, i + run) && !dateline_at(s, i, i + run))
                scan_emit(s, i, i + run, NULL, is_org ? ACTOR_KIND_ORGANIZATION : ACTOR_KIND_PERSON,
                          NO_ENTRY, -1);
            return i + run;
        }
        long earlier = scan_is_cap(s, i + 1) ? -1 : scan_short_name(s, i);
        if (earlier >= 0) {
            const actor_mention *m = &s->mentions[earlier];
            /* "Kim's regime" with "Kim" known only as a short name */
            unit r = scan_is_possessive(s, i + 1) ? scan_find_unit(s, i + 2) : (unit){0};
            const char *role = r.role && !r.holder && !scan_role_is_modifier(s, i + 1 + r.len)
                                   ? scan_entry_code(s, r.role)
                                   : NULL;
            if (role && m->country) {
                scan_emit(s, i, i + 2 + r.len, scan_combine(s, m->country, role), ACTOR_KIND_AGENT,
                          NO_ENTRY, earlier);
                return i + 2 + r.len;
            }
            scan_emit(s, i, i + 1, m->code, ACTOR_KIND_PERSON, NO_ENTRY, earlier);
        }
        return i + 1;
    }
    size_t j = i + u.len;
    const char *country = NULL;
    bool ethnic = false; /* an adjective of a people within a state ("Tuareg") */
    if (u.holder && !u.adj) {
        /* an organisation or group keeps its own code ("Hezbollah fighters") */
        const char *code = scan_entry_code(s, u.holder);
        if (u.holder->kind != DICT_ORGANIZATION && u.holder->kind != DICT_GROUP)
            country = code ? scan_country_of(s, code) : NULL;
    } else if (u.adj) {
        const char *code = scan_entry_code(s, u.adj);
        country = scan_country_of(s, code);
        ethnic = code && strlen(code) > 3;
    }
    /* "a British-Iranian aid worker", "a French-Algerian man": a dual national is coded by
     * the first state (news names the foreign one first); the second adjective is skipped */
    if (u.adj && country && j + 2 < s->n && !(s->tokens[j].flags & TOKEN_SPACE_BEFORE) &&
        !(s->tokens[j + 1].flags & TOKEN_SPACE_BEFORE) &&
        slice_eq_cstr(token_text(s->text, &s->tokens[j]), "-") &&
        !slice_eq_cstr(token_text(s->text, &s->tokens[j + 1]), "American")) {
        /* (a person only: "the Israeli-Palestinian conflict" is both sides'; and "an
         * Iranian-American" is an American) */
        static const char *const people[] = {
            "man",        "woman",    "men",      "women",       "national",
            "nationals",  "citizen",  "citizens", "journalist",  "worker",
            "researcher", "academic", "student",  "businessman", "businesswoman",
            "activist",   "dual",     "reporter", "scholar",     "lawyer",
            "engineer",   "doctor",   "pastor",   "tourist",     NULL};
        unit second = scan_find_unit(s, j + 1);
        unit after = scan_find_unit(s, j + 2);
        slice w = token_text(s->text, &s->tokens[j + 2]);
        bool person = (after.role && !after.holder);
        for (const char *const *p = people; *p && !person; p++)
            person = slice_eq_cstr(w, *p);
        if (second.adj && !second.holder && second.len == 1 && person)
            j += 2;
    }
    /* "the Saudi-led coalition", "US-led forces": the leading country's forces */
    if (country && j + 2 < s->n && !(s->tokens[j].flags & TOKEN_SPACE_BEFORE) &&
        slice_eq_cstr(token_text(s->text, &s->tokens[j]), "-") &&
        slice_eq_cstr(token_text(s->text, &s->tokens[j + 1]), "led")) {
        size_t k = j + 2;
        unit r = scan_find_unit(s, k);
        slice w = token_text(s->text, &s->tokens[k]);
        size_t len = r.role && !r.holder ? r.len : 0;
        if (!len && (slice_eq_cstr(w, "coalition") || slice_eq_cstr(w, "alliance") ||
                     slice_eq_cstr(w, "mission") || slice_eq_cstr(w, "operation")))
            len = 1;
        if (len) {
            const char *role = r.role && !r.holder ? scan_entry_code(s, r.role) : "MIL";
            scan_emit(s, scan_with_article(s, i), k + len,
                      scan_combine(s, country, role ? role : "MIL"), ACTOR_KIND_AGENT, NO_ENTRY,
                      -1);
            return k + len;
        }
    }
    /* "the Gulf of Oman", "the Sea of Japan": water named after a state is a place */
    if (u.holder && u.holder->kind == DICT_COUNTRY && i >= 2 && has(s, i - 1, W_OF) &&
        has(s, i - 2, W_WATER) && scan_is_cap(s, i - 2))
        return j;
    /* "a Turkish-managed cargo vessel", "British-flagged tanker", "the Cook Islands-registered
     * Eagle S": a ship or aircraft flagged, registered, owned, operated or managed in a state
     * is that state's property, as "a Turkish cargo vessel" is */
    if (country && !ethnic && registry_modifier_at(s, j)) {
        size_t end = adjective_phrase_end(s, j + 2);
        if (end == j + 2 && end < s->n && scan_is_cap(s, end))
            while (end < s->n && end < j + 5 && scan_is_cap(s, end))
                end++; /* a name: "Eagle S" */
        if (end > j + 2) {
            scan_emit(s, i, end, country, ACTOR_KIND_ADJECTIVE, NO_ENTRY, -1);
            return end;
        }
    }
    /* "Iran-backed militias", "Russian-occupied", "Kremlin-linked": a name glued to a
     * participle modifies what follows, which is not that state's (backing is not
     * nationality); the phrase names no actor */
    if ((country || u.holder) && compound_modifier_at(s, j))
        return j + 2;
    bool possessive = u.holder && scan_is_possessive(s, j);
    /* "the Kremlin leader", "Pentagon officials", "NATO troops": a name used as a modifier;
     * a leader's name before the government he leads too ("the Biden administration") */
    bool compound =
        u.holder && !possessive && (u.holder->kind != DICT_PERSON || leader_compound(s, j));
    /* "Washington Post", "China Daily News": a place name that starts an organisation's */
    if (u.holder && !possessive &&
        (u.holder->kind == DICT_CAPITAL || u.holder->kind == DICT_COUNTRY ||
         u.holder->kind == DICT_METONYM) &&
        scan_is_cap(s, j) && !scan_find_unit(s, j).len) {
        bool is_org;
        size_t run = scan_unknown_run(s, i, &is_org);
        if (run > u.len && is_org) {
            scan_emit(s, i, i + run,
                      u.holder->kind == DICT_COUNTRY
                          ? national_body(s, i + run, scan_entry_code(s, u.holder))
                          : NULL,
                      ACTOR_KIND_ORGANIZATION, NO_ENTRY, -1);
            return i + run;
        }
    }
    if (u.adj || possessive || compound) {
        size_t k = possessive ? j + 1 : j;
        unit r = scan_find_unit(s, k);
        /* "Afghan National Army", "Iraqi Federal Police": a capitalised name after the
         * adjective that ends in a role of state forces */
        if (!r.len && u.adj && !possessive && country && scan_is_cap(s, k)) {
            bool is_org;
            size_t run = scan_unknown_run(s, k, &is_org);
            const char *body = run ? national_body(s, k + run, country) : NULL;
            if (body) {
                scan_emit(s, scan_with_article(s, i), k + run, body, ACTOR_KIND_AGENT, NO_ENTRY,
                          -1);
                return k + run;
            }
        }
        /* "Ukraine's former commander", "the Russian top brass": one modifier may intervene */
        if (!r.len && has(s, k, W_MODIFIER)) {
            unit after = scan_find_unit(s, k + 1);
            if (after.role && !after.holder) {
                r = after;
                k++;
            }
        }
        /* "Norwegian Refugee Council": capitalised words go on, so it is a name */
        if (r.role && r.role->kind == DICT_AGENT && !possessive && scan_is_cap(s, k) &&
            scan_is_cap(s, k + r.len)) {
            bool is_org;
            size_t run = scan_unknown_run(s, i, &is_org);
            if (run > k + r.len - i) {
                scan_emit(s, i, i + run, country ? national_body(s, i + run, country) : NULL,
                          is_org ? ACTOR_KIND_ORGANIZATION : ACTOR_KIND_PERSON, NO_ENTRY, -1);
                return i + run;
            }
        }
        /* "M23 rebel fighters", "Syrian army officers": a role that modifies the next role
         * joins it */
        if (r.role && !r.holder && scan_role_is_modifier(s, k + r.len - 1)) {
            unit r2 = scan_find_unit(s, k + r.len);
            if (r2.role && !r2.holder && !scan_role_is_modifier(s, k + r.len + r2.len - 1)) {
                k += r.len;
                r = r2;
            }
        }
        if (r.role && !r.holder &&
            (title_before_name(s, &r, k) || !scan_role_is_modifier(s, k + r.len - 1)))
            return combined(s, i, k, &r, country, u.holder, ethnic);
        /* "US and British activists", "French and Egyptian warships", "the Chinese and US
         * defence ministers", "Israeli and Hamas negotiators": the first adjective shares the
         * role of the second (which the next step codes on its own) */
        if (u.adj && country && !possessive && has(s, j, W_AND)) {
            unit a2 = scan_find_unit(s, j + 1);
            bool named = a2.adj || (a2.holder && (a2.holder->kind == DICT_COUNTRY ||
                                                  a2.holder->kind == DICT_GROUP ||
                                                  a2.holder->kind == DICT_ORGANIZATION));
            unit r2 = named ? scan_find_unit(s, j + 1 + a2.len) : (unit){0};
            if (r2.role && !r2.holder &&
                (r2.role->kind == DICT_AGENT || r2.role->kind == DICT_TITLE)) {
                const char *role = scan_entry_code(s, r2.role);
                scan_emit(s, i, j, role ? scan_combine(s, country, role) : country,
                          ACTOR_KIND_AGENT, NO_ENTRY, -1);
                return j;
            }
        }
        if (compound && !u.adj) {
            /* not followed by a role: the name alone, below */
        } else if (u.adj && !u.holder) {
            unit p = scan_find_unit(s, j);
            if (p.holder && p.holder->kind == DICT_PERSON) {
                scan_emit(s, i, j + p.len, scan_entry_code(s, p.holder), ACTOR_KIND_PERSON,
                          p.holder_index, scan_last_mention_of(s, p.holder_index));
                return j + p.len;
            }
            /* "an Indian proposal", "Iraqi towns": a noun phrase headed by an adjective of
             * nationality stands for its country, as in PETRARCH and TABARI; an adjective
             * alone ("speaks Russian") is not an actor */
            size_t end = adjective_phrase_end(s, j);
            if (end > j && country && !ethnic) {
                scan_emit(s, i, end, country, ACTOR_KIND_ADJECTIVE, NO_ENTRY, -1);
                return end;
            }
            return j;
        }
    }
    if (u.holder) {
        /* "Kim Hughes" is not Kim Jong-un: a one-word person followed by an unknown name */
        if (u.holder->kind == DICT_PERSON && u.len == 1 && !possessive && scan_is_cap(s, j) &&
            !scan_find_unit(s, j).len && !has(s, j, W_STOP)) {
            bool is_org;
            size_t run = scan_unknown_run(s, i, &is_org);
            if (run) {
                scan_emit(s, i, i + run, NULL, is_org ? ACTOR_KIND_ORGANIZATION : ACTOR_KIND_PERSON,
                          NO_ENTRY, -1);
                return i + run;
            }
        }
        /* "KHARTOUM (Reuters) -", "MOSCOW, March 3 -": a dateline is a place */
        if (dateline_at(s, i, j))
            return j;
        /* "USS Carney", "HMS Diamond": a warship's prefix codes its navy; the name is the
         * ship's, not a person's */
        if (u.holder->kind == DICT_METONYM && has(s, i, W_SHIP) && j < s->n && scan_is_cap(s, j)) {
            size_t end = j + 1;
            while (end < s->n && scan_is_cap(s, end) && end < j + 3)
                end++;
            scan_emit(s, i, end, scan_entry_code(s, u.holder), ACTOR_KIND_METONYM, u.holder_index,
                      -1);
            return end;
        }
        /* "talks in Moscow", "a memorial in Washington": a capital after a locative cue is
         * the place (the places stage has it), not the government */
        if (u.holder->kind == DICT_CAPITAL && !possessive && located_place_at(s, i))
            return j;
        /* "its oldest ally in Asia", "across Europe": a region after a locative word is where,
         * not who */
        if (u.holder->kind == DICT_COUNTRY && !possessive &&
            region_code(scan_entry_code(s, u.holder)) && located_region_at(s, i))
            return j;
        if ((u.holder->kind == DICT_COUNTRY || u.holder->kind == DICT_CAPITAL) && !possessive &&
            ends_longer_name(s, i))
            return j;
        /* "the West Bank": a name inside a longer place name is not itself */
        if (u.holder->kind != DICT_PERSON && longer_place_over(s, i, j))
            return j;
        scan_emit(s, i, j, scan_entry_code(s, u.holder), holder_kind(u.holder), u.holder_index,
                  u.holder->kind == DICT_PERSON ? scan_last_mention_of(s, u.holder_index) : -1);
        return j;
    }
    /* "government-held", "rebel-controlled": a role in a compound modifier is no actor */
    if (compound_modifier_at(s, j))
        return j + 2;
    /* a role or title alone */
    if (u.role->kind == DICT_TITLE && scan_is_cap(s, i)) {
        unit p = scan_find_unit(s, j);
        if (p.holder && p.holder->kind == DICT_PERSON) {
            scan_emit(s, i, j + p.len, scan_entry_code(s, p.holder), ACTOR_KIND_PERSON,
                      p.holder_index, scan_last_mention_of(s, p.holder_index));
            return j + p.len;
        }
        bool is_org;
        size_t run = scan_unknown_run(s, j, &is_org);
        /* "King Hassan": one capitalised name word after a title */
        if (!run && j < s->n && scan_is_cap(s, j) && !has(s, j, W_STOP) &&
            !scan_find_unit(s, j).len && (!s->tagged || s->tokens[j].upos == UPOS_PROPN) &&
            !scan_is_cap(s, j + 1))
            run = 1;
        if (run && !is_org) {
            /* "President Mario Soares", a person we do not know: the title's role at least,
             * and the country after "of" ("King Hassan of Morocco") */
            const char *role = scan_entry_code(s, u.role);
            size_t end;
            const char *owner = role_owner(s, u.role, j + run, &end);
            if (owner && role) {
                scan_emit(s, i, end, strlen(owner) == 3 ? scan_combine(s, owner, role) : owner,
                          ACTOR_KIND_PERSON, NO_ENTRY, -1);
                return end;
            }
            scan_emit(s, i, j + run, role, ACTOR_KIND_PERSON, NO_ENTRY, -1);
            return j + run;
        }
    }
    /* "University of Oxford", "Security Service of Ukraine": a capitalised role word that
     * starts a longer name is part of that name */
    if (scan_is_cap(s, i) && (i > 0 || scan_is_cap(s, i + 1))) {
        bool is_org;
        size_t run = scan_unknown_run(s, i, &is_org);
        if (run > u.len) {
            scan_emit(s, i, i + run, NULL, is_org ? ACTOR_KIND_ORGANIZATION : ACTOR_KIND_PERSON,
                      NO_ENTRY, -1);
            return i + run;
        }
    }
    {
        size_t end;
        const char *owner = role_owner(s, u.role, j, &end);
        if (owner) {
            const char *role = scan_entry_code(s, u.role);
            scan_emit(s, scan_with_article(s, i), end,
                      role && strlen(owner) == 3 ? scan_combine(s, owner, role) : owner,
                      u.role->kind == DICT_TITLE ? ACTOR_KIND_TITLE : ACTOR_KIND_AGENT, NO_ENTRY,
                      -1);
            return end;
        }
    }
    if (scan_role_is_modifier(s, j - 1)) {
        /* "an opposition blogger", "government troops", "student protesters": a role
         * modifying another role is the head's */
        unit head = scan_find_unit(s, j);
        if (head.role && !head.holder && head.role->kind == DICT_AGENT &&
            !scan_role_is_modifier(s, j + head.len - 1)) {
            scan_emit(s, scan_with_article(s, i), j + head.len, scan_entry_code(s, head.role),
                      ACTOR_KIND_AGENT, NO_ENTRY, -1);
            return j + head.len;
        }
        return j;
    }
    long antecedent = -1;
    const char *code = scan_entry_code(s, u.role);
    /* "the president", "the minister": the person last named */
    if (u.role->kind == DICT_TITLE && i > 0 && has(s, i - 1, W_THE)) {
        antecedent = scan_recent_person(s, 3, NULL);
        if (antecedent >= 0)
            code = s->mentions[antecedent].code;
    }
    /* "armed groups like Boko Haram", "militias such as the Wagner Group": the example named
     * is what the role stands for */
    if (antecedent < 0 && u.role->kind == DICT_AGENT) {
        size_t k = j;
        if (k < s->n && slice_eq_cstr(token_text(s->text, &s->tokens[k]), "like"))
            k++;
        else if (k + 1 < s->n && slice_eq_cstr(token_text(s->text, &s->tokens[k]), "such") &&
                 slice_eq_cstr(token_text(s->text, &s->tokens[k + 1]), "as"))
            k += 2;
        if (k > j) {
            if (has(s, k, W_THE))
                k++;
            unit g = scan_find_unit(s, k);
            const char *gc =
                g.holder && g.holder->kind == DICT_GROUP ? scan_entry_code(s, g.holder) : NULL;
            if (gc) {
                scan_emit(s, scan_with_article(s, i), k + g.len, gc, ACTOR_KIND_GROUP,
                          g.holder_index, -1);
                return k + g.len;
            }
        }
    }
    /* "the rebel group", "the militia", "the junta": a definite description of a group or a
     * government refers to the last one of its kind named (within two sentences) */
    if (antecedent < 0 && u.role->kind == DICT_AGENT && code && definite_before(s, i)) {
        antecedent = described_antecedent(s, code);
        if (antecedent >= 0)
            code = s->mentions[antecedent].code;
    }
    /* "UNIFIL said Israeli forces fired on peacekeepers": peacekeepers with no state named are
     * the UN mission's named within two sentences */
    if (antecedent < 0 && u.role->kind == DICT_AGENT && peacekeepers_at(s, i, j)) {
        antecedent = un_mission_before(s);
        if (antecedent >= 0)
            code = s->mentions[antecedent].code;
    }
    scan_emit(s, scan_with_article(s, i), j, code,
              u.role->kind == DICT_TITLE ? ACTOR_KIND_TITLE : ACTOR_KIND_AGENT, NO_ENTRY,
              antecedent);
    return j;
}
