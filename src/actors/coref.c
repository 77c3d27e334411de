/* coref.c - coreference for the actors stage: what a pronoun ("it", "they", "he"), a
 * description ("the country", "the group", "the Iranian leader") or a pair ("the two
 * countries") refers to, among the mentions the sentence scan (scan.c) has emitted before it.
 * Split from mentions.c (which keeps the token tests, word classes, dictionary units, emitting
 * and unknown names) by purpose; the contracts are in actors_internal.h.
 */
#include "actors_internal.h"

#include <string.h>

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
