/* arguments.c - argument finding for the event coder: the subject by a leftward scan that
 * skips appositions, relative clauses and prepositional actors; the target from a pattern
 * slot or the first actor after the anchor; actors that are noise or part of the pattern;
 * places acted on; and what lies inside reported content.
 */
#include "events_internal.h"

/* Rebels, insurgents, militias, unidentified gunmen, opposition: their attacks inside their
 * own country have that country as the target ("the RSF shelled a camp in North Darfur"). */
bool events_non_state(const actor_mention *am)
{
    const char *code = am->code;
    return code && (strstr(code, "REB") || strstr(code, "UAF") || strstr(code, "OPP") ||
                    strstr(code, "INS") || strstr(code, "IMG"));
}

/* People who act privately: civilians, refugees, business, media, students, workers, or a
 * people named by its nationality ("Syrians arriving in ..."). Their travel is no visit. */
bool events_private_people(const actor_mention *am)
{
    static const char *const roles[] = {"CVL", "REF", "BUS", "MED", "EDU",
                                        "LAB", "CRM", "HLH", "REL", NULL};
    if (am->kind && (strcmp(am->kind, "demonym") == 0 || strcmp(am->kind, "adjective") == 0))
        return true;
    return role_in(am, roles);
}

/* Force posture, coercion, assaults, fights, mass violence: their place is their target. */
bool events_military_code(const char *code)
{
    return code_is(code, "15") || code_is(code, "17") || code_is(code, "18") ||
           code_is(code, "19") || code_is(code, "20");
}

/* The token where a comma-delimited segment before `comma` starts (after the previous comma
 * or dash), or -1 when the sentence starts first. */
static long segment_start(const clause_ctx *c, long comma)
{
    for (long i = comma - 1; i >= 0; i--) {
        /* "Indonesia, current chair of the Association of Southeast Asian Nations (ASEAN),":
         * a short bracket inside the segment is part of it */
        if (word_is(c, i, ")")) {
            long open = i - 1;
            while (open >= 0 && i - open <= 8 && !word_is(c, open, "(") && !word_is(c, open, ")"))
                open--;
            if (open >= 0 && word_is(c, open, "(")) {
                i = open;
                continue;
            }
        }
        if (is_comma(c, i) || c->tokens[i].kind == TOKEN_DASH || word_is(c, i, "("))
            return i;
    }
    return -1;
}

/* True when a verb of a clause stands in [from, to); a verb glued by a hyphen is part of a
 * compound modifier ("the Iran-backed movement") and counts for nothing. */
static bool segment_has_verb(const clause_ctx *c, long from, long to)
{
    for (long i = from; i < to; i++)
        if ((upos(c, i) == UPOS_VERB || upos(c, i) == UPOS_AUX) && !hyphen_glued(c, i))
            return true;
    return false;
}

/* True when the segment between commas that opens at token `from` is an aside on the
 * subject, not a clause of its own: a present participle with no subject of its own
 * (", speaking at a cabinet meeting,", ", facing mounting losses,") or a source cited
 * (", according to Western officials,"). */
static bool parenthetical_aside(const clause_ctx *c, long from)
{
    if (word_is(c, from, "according") && word_is(c, from + 1, "to"))
        return true;
    return upos(c, from) == UPOS_VERB && is_gerund(c, from) && !hyphen_glued(c, from);
}

bool events_clause_verb(const clause_ctx *c, const verb_group *vg)
{
    for (long j = vg->first; j <= vg->anchor; j++)
        if (events_finite_verb(c, j) || upos(c, j) == UPOS_AUX)
            return !vg->infinitive;
    /* "Israeli forces fired on the bases": a past form right after its subject that the
     * tagger read as a participle */
    return vg->first == vg->anchor && !vg->infinitive && c->tables->tagger &&
           actor_ending(c, vg->first - 1) >= 0 &&
           strcmp(tagger_xpos_name(c->tables->tagger, c->tokens[vg->anchor].xpos), "VBN") == 0;
}

/* True when a subject pronoun stands right before the verb group starting at `first`, with
 * no actor, verb or comma between it and the verb at token v: "Sudan's army said (on Sunday)
 * it retook ...": the pronoun stands for the subject of v, so the scan goes on to it. */
static bool pronoun_clause_after(const clause_ctx *c, long v, long first)
{
    static const char *const pronouns[] = {"it", "they", "he", "she", "we", NULL};
    if (first - 1 <= v || !word_in(c, first - 1, pronouns))
        return false;
    /* "said it killed two children": an "it" the actor stage left unresolved stands for a
     * thing (the attack), not for the speaker */
    if (word_is(c, first - 1, "it") && actor_covering(c, first - 1) < 0)
        return false;
    for (long i = v + 1; i < first - 1; i++) /* "said on Sunday it had retaken" */
        if (actor_covering(c, i) >= 0 || upos(c, i) == UPOS_VERB || is_comma(c, i))
            return false;
    return true;
}

/* The subject actor (index into c->actor) of a verb group, -1 when none is found. */
/* "In addition to recalling its diplomat, Pakistan has refused ...", "After meeting Putin,
 * Xi said ...": a gerund in an adjunct that opens the sentence (no finite verb before it)
 * has the main clause's subject, the first coded actor after the adjunct's comma that a verb
 * follows; -1 when there is none. */
static long opening_adjunct_controller(const clause_ctx *c, const verb_group *vg)
{
    if (!is_gerund(c, vg->anchor) || vg->first > 4)
        return -1;
    for (long i = 0; i < vg->first; i++)
        if (is_comma(c, i) || events_finite_verb(c, i))
            return -1;
    long comma = vg->anchor + 1;
    while (comma < (long)c->ntokens && !is_comma(c, comma) && comma < vg->anchor + 20)
        comma++;
    if (comma >= (long)c->ntokens || !is_comma(c, comma))
        return -1;
    long k = actor_starting(c, comma + 1, 0);
    if (k < 0 || !mention(c, k)->code)
        return -1;
    long next = (long)c->alast[k] + 1;
    return upos(c, next) == UPOS_VERB || upos(c, next) == UPOS_AUX ? k : -1;
}

/* True when token i is a past participle by the tagger ("based"), or a verb of belief that
 * opens a reduced relative whatever its tag (", thought to belong to ..."). */
static bool past_participle(const clause_ctx *c, long i)
{
    static const char *const beliefs[] = {"believed", "thought",   "said",  "reported",
                                          "alleged",  "suspected", "known", NULL};
    return word_in(c, i, beliefs) ||
           (c->tables->tagger && upos(c, i) == UPOS_VERB &&
            strcmp(tagger_xpos_name(c->tables->tagger, c->tokens[i].xpos), "VBN") == 0);
}

/* True when the phrase ending at token `end` is an actor followed by a short participle
 * phrase that describes it ("an armed group based in Tarhouna"). */
static bool actor_with_participle(const clause_ctx *c, long end)
{
    for (long i = end; i > 0 && end - i < 6; i--) {
        if (is_punct(c, i) || events_finite_verb(c, i))
            return false;
        if (past_participle(c, i))
            return actor_ending(c, i - 1) >= 0;
    }
    return false;
}

/* True when token i is a noun of an event or a decision, which does nothing itself: the
 * anchor of an event noun's match, a word of the classes @attacknoun and @violence, or one of
 * a few nouns of acts ("the coup that ousted ...", "the law that bans ..."). */
static bool event_noun_at(const clause_ctx *c, long i)
{
    static const char *const acts[] = {"coup",       "war",  "invasion", "decision", "move",
                                       "resolution", "law",  "plan",     "deal",     "agreement",
                                       "policy",     "vote", "ruling",   "order",    NULL};
    for (size_t j = 0; j < c->nmatches; j++)
        if (c->matches[j].rule->noun && !c->matches[j].rule->discard &&
            (long)c->matches[j].anchor == i)
            return true;
    return word_in(c, i, acts) ||
           events_token_in_classes(c, i, (const char *const[]){"attacknoun", "violence", NULL});
}

/* "The attack, which Ukraine blamed on Russia, killed ...": an attack whose relative clause
 * (between the commas at s and end) blames or attributes it on or to an actor was that
 * actor's; the actor's index, -1 otherwise. */
static long blamed_on(const clause_ctx *c, long s, long end)
{
    if (s < 1 || !is_comma(c, s) || !word_in(c, s + 1, rel_pronouns) ||
        !events_token_in_classes(c, s - 1, (const char *const[]){"attacknoun", "violence", NULL}))
        return -1;
    for (long j = s + 2; j < end; j++)
        if (verb_lemma_in(c, j, (const char *const[]){"blame", "attribute", NULL})) {
            for (long p = j + 1; p < end && p < j + 6; p++)
                if (word_in(c, p, (const char *const[]){"on", "to", NULL})) {
                    long k = actor_after_word(c, p);
                    return k >= 0 && mention(c, k)->code ? k : -1;
                }
            return -1;
        }
    return -1;
}

/* Nouns of people who act or speak for someone named after "to" or "for". */
static const char *const agents_of[] = {
    "aide",      "aides",       "adviser",      "advisers",     "advisor",     "advisors",
    "spokesman", "spokeswoman", "spokesperson", "spokespeople", "assistant",   "lawyer",
    "lawyers",   "counsellor",  "counselor",    "negotiator",   "negotiators", NULL};

long events_subject_from_group(const clause_ctx *c, const verb_group *vg, int depth)
{
    if (depth > 4)
        return -1;
    long i = vg->first - 1;
    /* "criticised Washington's decision to sell arms", "the US plan to withdraw": an
     * infinitive after a noun of decision or intent is done by the noun's owner */
    static const char *const decision_nouns[] = {
        "decision", "move",      "plan",      "plans",       "bid",        "attempt",
        "attempts", "effort",    "efforts",   "offer",       "pledge",     "promise",
        "threat",   "readiness", "intention", "willingness", "commitment", "push",
        "drive",    "proposal",  "proposals", "idea",        "suggestion", NULL};
    /* "a proposal by France to send": the agent after the noun is its owner */
    if (vg->infinitive && word_is(c, vg->first, "to") && !is_gerund(c, vg->first + 1)) {
        long k = actor_ending(c, i);
        long by = k >= 0 ? (long)c->afirst[k] - 1 : -1;
        if (k >= 0 && mention(c, k)->code &&
            word_in(c, by, (const char *const[]){"by", "from", NULL}) &&
            upos(c, by - 1) == UPOS_NOUN && word_in(c, by - 1, decision_nouns))
            return k;
    }
    if (vg->infinitive && word_is(c, vg->first, "to") && !is_gerund(c, vg->first + 1) &&
        upos(c, i) == UPOS_NOUN && word_in(c, i, decision_nouns)) {
        long n = i - 1;
        while (n >= 0 && i - n < 3 && upos(c, n) == UPOS_ADJ && actor_covering(c, n) < 0)
            n--; /* "Washington's sudden decision" */
        long owner = -1;
        if (is_possessive(c, n)) {
            owner = actor_ending(c, n - 1);
            if (owner < 0)
                owner = actor_covering(c, n - 1);
        } else if (actor_covering(c, n) >= 0 && mention(c, actor_covering(c, n))->kind &&
                   strcmp(mention(c, actor_covering(c, n))->kind, "adjective") == 0)
            owner = actor_covering(c, n); /* "the US decision to" */
        if (owner >= 0 && mention(c, owner)->code)
            return owner;
    }
    /* an infinitive: the governor's subject or object */
    if (vg->infinitive) {
        verb_group gov;
        if (verb_group_previous(c, vg->first, &gov)) {
            if (verb_lemma_in(c, gov.anchor, object_control) || vg->governor >= 0) {
                /* "urged Russia to withdraw": the nearest actor between governor and "to" */
                for (long j = vg->first - 1; j > gov.anchor; j--) {
                    long k = actor_covering(c, j);
                    if (k < 0 || !mention(c, k)->code)
                        continue;
                    /* "the junta ordered police to expel": forces with no country of their
                     * own act for whoever ordered them */
                    if (!mention(c, k)->country &&
                        events_order_to_own_forces(c, gov.anchor, vg->anchor)) {
                        long orderer = events_subject_from_group(c, &gov, depth + 1);
                        if (orderer >= 0)
                            return orderer;
                    }
                    return k;
                }
            }
            return events_subject_from_group(c, &gov, depth + 1);
        }
    }
    /* coordinated verbs: "invaded Ukraine and annexed Crimea", "killed a police officer then
     * stormed a monastery" ("then" opens the verb's group: it joins like "and" after a noun) */
    if (word_is(c, vg->first, "then") && vg->first + 1 == vg->anchor &&
        events_finite_verb(c, vg->anchor) &&
        (upos(c, i) == UPOS_NOUN || upos(c, i) == UPOS_PROPN || upos(c, i) == UPOS_PRON))
        i = vg->first;
    if (word_is(c, i, "and") || word_is(c, i, "but") || word_is(c, i, "or") ||
        word_is(c, i, "then")) {
        long j = is_comma(c, i - 1) ? i - 1 : i;
        verb_group prev;
        if (verb_group_previous(c, j, &prev) && prev.anchor < j) {
            /* "seized a vessel suspected of damaging a cable and detained its crew": a finite
             * verb is conjoined with the last finite verb before it, over the participles
             * that describe a noun between them */
            verb_group q = prev;
            for (int n = 0; n < 4 && events_finite_verb(c, vg->anchor) &&
                            !events_finite_verb(c, q.anchor) && q.first == q.anchor;
                 n++) {
                verb_group earlier;
                if (!verb_group_previous(c, q.first, &earlier) || earlier.anchor >= q.first)
                    break;
                q = earlier;
            }
            if (events_finite_verb(c, q.anchor))
                prev = q;
            long subject = events_subject_from_group(c, &prev, depth + 1);
            /* "France had condemned the coup that ousted the president and called for ...": a
             * relative clause on an event noun cannot be what the verb continues (a coup does
             * not call for anything); the verb before the relative pronoun can */
            verb_group outer;
            if (subject < 0 && word_in(c, prev.first - 1, rel_pronouns) &&
                event_noun_at(c, is_comma(c, prev.first - 2) ? prev.first - 3 : prev.first - 2) &&
                verb_group_previous(c, prev.first - 1, &outer) && outer.anchor < prev.first - 1)
                subject = events_subject_from_group(c, &outer, depth + 1);
            return subject;
        }
    }
    /* a series of finite verbs ("personnel assaulted 10 fishermen, damaged their gear and
     * seized their catch"): a finite verb right after a comma continues the finite verb
     * before it when no subject stands between */
    if (is_comma(c, i) && events_finite_verb(c, vg->anchor) && vg->first == vg->anchor) {
        verb_group prev;
        bool clear =
            verb_group_previous(c, i, &prev) && prev.anchor < i && events_clause_verb(c, &prev);
        for (long j = prev.anchor + 1; clear && j < i; j++)
            clear =
                !events_finite_verb(c, j) && !is_punct(c, j) && c->tokens[j].kind != TOKEN_QUOTE;
        /* "The attack, which Ukraine blamed on Russia, killed 14 civilians": the comma closes
         * a relative clause; the verb after it is the antecedent's, not the series' */
        long s = segment_start(c, i);
        if (clear && s >= 0 && s < prev.first && word_in(c, s + 1, rel_pronouns))
            clear = false;
        if (clear)
            return events_subject_from_group(c, &prev, depth + 1);
    }
    /* bare infinitive after an object-control verb ("help the army drive ...") */
    long fallback = -1;
    int steps = 0;
    while (i >= 0 && steps++ < SCAN_LIMIT) {
        /* "the European Union (EU) agreed": a short bracket before the verb is skipped */
        if (word_is(c, i, ")")) {
            long open = i - 1;
            while (open >= 0 && i - open <= 6 && !word_is(c, open, "(") && !word_is(c, open, ")"))
                open--;
            if (open >= 0 && word_is(c, open, "(")) {
                i = open - 1;
                continue;
            }
        }
        if (word_is(c, i, ";") || word_is(c, i, ":") || word_is(c, i, "(") ||
            c->tokens[i].kind == TOKEN_QUOTE)
            break;
        /* another finite verb between: an actor before it is that verb's subject ("goods
         * that Mexico exports come to the US", "Trump says correctness has run amok") */
        if (events_finite_verb(c, i) && actor_covering(c, i) < 0 &&
            !pronoun_clause_after(c, i, vg->first))
            break;
        long k = actor_ending(c, i);
        if (k >= 0) {
            long before = (long)c->afirst[k] - 1;
            /* "a top aide to the president", "a spokesman for the group": one who acts or
             * speaks for an actor is that actor (not "Russia's envoy to the UN") */
            if (word_in(c, before, (const char *const[]){"to", "for", NULL}) &&
                word_in(c, before - 1, agents_of) && mention(c, k)->code)
                return k;
            if (word_in(c, before, skip_preps) || (is_possessive(c, i + 1) && i + 1 < vg->first)) {
                /* "Ithilen's militia vowed": the possessor when the head is no actor, nor
                 * others the possessor has ("Ukraine's allies may send", "Russia's critics") */
                static const char *const others[] = {
                    "allies",     "ally",      "partners",   "partner",     "neighbours",
                    "neighbors",  "enemies",   "enemy",      "rivals",      "rival",
                    "critics",    "opponents", "foes",       "adversaries", "backers",
                    "supporters", "friends",   "detractors", NULL};
                bool other = false;
                for (long j = i + 2; j < vg->first && j <= i + 4; j++)
                    other = other || word_in(c, j, others);
                if (fallback < 0 && !word_in(c, before, skip_preps) && !other)
                    fallback = k;
                i = before;
                continue;
            }
            if (word_is(c, before, "by")) {
                /* a reduced relative's agent ("munitions used by the army"): second choice */
                if (fallback < 0)
                    fallback = k;
                i = before;
                continue;
            }
            /* "M23 rebels battling the Congolese army captured the town": the object of a
             * present participle that describes the subject is not the subject */
            long g = before;
            while (g > 0 && before - g < 3 &&
                   (upos(c, g) == UPOS_DET || upos(c, g) == UPOS_ADJ || upos(c, g) == UPOS_PROPN))
                g--;
            if (g > 0 && upos(c, g) == UPOS_VERB && is_gerund(c, g) && !hyphen_glued(c, g)) {
                long doer = actor_ending(c, g - 1);
                if (doer >= 0 && mention(c, doer)->code)
                    return doer;
            }
            /* "the person who posted it was condemned": the object of a relative clause's verb
             * is not the subject; the clause's antecedent is, or none when it is no actor (but
             * "a panel, which said the army carried out ...": a verb of saying or thinking
             * takes a clause whose subject this is) */
            if (g > 0 && upos(c, g) == UPOS_VERB && !hyphen_glued(c, g) &&
                word_in(c, g - 1, rel_pronouns) && !verb_lemma_in(c, g, clause_verbs)) {
                long j = is_comma(c, g - 2) ? g - 3 : g - 2;
                long antecedent = actor_ending(c, j);
                return antecedent >= 0 && mention(c, antecedent)->code ? antecedent : -1;
            }
            if (word_is(c, before, "of")) {
                /* "member of X", "one of X": the head before "of" is the subject; X only if
                 * nothing better precedes */
                if (fallback < 0)
                    fallback = k;
                i = before;
                continue;
            }
            /* "Vietnam's foreign minister, Pham Binh Minh, ... began": a name we cannot code
             * in apposition to a phrase we can (that heads its own noun phrase) is that
             * phrase's actor */
            if (!mention(c, k)->code && is_comma(c, before)) {
                long head = actor_ending(c, before - 1);
                long lead = head >= 0 ? (long)c->afirst[head] - 1 : -1;
                while (lead > 0 && (upos(c, lead) == UPOS_ADJ || upos(c, lead) == UPOS_DET))
                    lead--; /* "of the former president" */
                /* not a phrase inside another ("the son of the former president, X,") */
                if (head >= 0 && mention(c, head)->code && !word_in(c, lead, skip_preps) &&
                    !word_in(c, lead, (const char *const[]){"of", "by", NULL}))
                    return head;
            }
            return k;
        }
        if (is_comma(c, i) || c->tokens[i].kind == TOKEN_DASH) {
            /* an apposition or relative clause between commas: skip it when an actor stands
             * before it */
            long s = segment_start(c, i);
            long blamed = blamed_on(c, s, i);
            if (blamed >= 0)
                return blamed;
            if (s >= 0 && is_comma(c, s) &&
                (actor_ending(c, s - 1) >= 0 || actor_with_participle(c, s - 1)) &&
                (!segment_has_verb(c, s + 1, i) || word_in(c, s + 1, rel_pronouns) ||
                 word_in(c, s + 1, skip_preps) || /* ", in remarks published on Monday," */
                 past_participle(c, s + 1) ||     /* ", believed to be from the minority," */
                 parenthetical_aside(c, s + 1))) {
                i = s - 1;
                continue;
            }
            break;
        }
        if (word_in(c, i, rel_pronouns) && i == vg->first - 1) {
            /* a relative clause's subject is its antecedent, the phrase right before the
             * pronoun, even inside a prepositional phrase ("a comment from the Israeli
             * military, which is waging ..."); an antecedent that is no actor ("the attack
             * that targeted a village") leaves the subject unnamed rather than reaching further
             * left */
            long j = i - 1;
            if (is_comma(c, j))
                j--;
            long antecedent = actor_ending(c, j);
            if (antecedent < 0 && j >= 0 &&
                (upos(c, j) == UPOS_NOUN || upos(c, j) == UPOS_PROPN || upos(c, j) == UPOS_NUM))
                return -1;
            if (antecedent >= 0 && mention(c, antecedent)->code)
                return antecedent;
            i = j;
            continue;
        }
        if (word_in(c, i, subordinators))
            break;
        i--;
    }
    if (fallback < 0)
        fallback = opening_adjunct_controller(c, vg);
    return fallback;
}

/* Actors that are not actors here: inside a body of water's name ("the Sea of Japan"), a
 * state's goods as a vessel's cargo ("carrying Russian oil"), or glued to a currency sign
 * ("US$45 million"). */
static bool actor_is_noise(const clause_ctx *c, long k)
{
    const actor_mention *am = mention(c, k);
    for (size_t p = c->place_first;
         p < c->art->nplaces && c->art->places[p].sentence == c->sentence; p++) {
        const place_mention *pm = &c->art->places[p];
        if (pm->entry && pm->entry->kind == PLACE_WATER && pm->start <= am->start &&
            am->end <= pm->end)
            return true;
    }
    /* "seized a tanker carrying Russian oil": a state's goods a vessel carries are not the
     * state acted on ("banned imports of Russian oil" is an act on Russia) */
    static const char *const carrying[] = {"carrying", "transporting", "shipping", "ferrying",
                                           "hauling",  "laden",        "loaded",   NULL};
    long before = (long)c->afirst[k] - 1;
    if (word_is(c, before, "with"))
        before--;
    char low[64];
    if (am->kind && strcmp(am->kind, "adjective") == 0 && word_in(c, before, carrying) &&
        lower_token(c, (long)c->alast[k], low, sizeof low) &&
        pattern_class_has(c->tables->patterns, "sense_commodity", low, strlen(low)))
        return true;
    long next = (long)c->alast[k] + 1;
    return (size_t)next < c->ntokens && !(c->tokens[next].flags & TOKEN_SPACE_BEFORE) &&
           c->tokens[next].kind == TOKEN_SYMBOL;
}

/* True when token i is one of the literal words of m's pattern ("troops" in "deploy ...
 * @troop"): compared by lemma or lower-case surface form, first word of each alternative. */
static bool is_pattern_word(const clause_ctx *c, const verbmatch *m, long i)
{
    const pattern *p = m->rule;
    for (int e = 0; e < p->nelems; e++) {
        const pattern_elem *el = &p->elems[e];
        if (el->kind != PATTERN_WORD || e == p->anchor)
            continue;
        for (int k = 0; k < el->nwords; k++) {
            const char *w = el->words[k];
            size_t n = strcspn(w, " ");
            slice lemma = c->lemmas[i];
            if (lemma.len == n && memcmp(lemma.ptr, w, n) == 0)
                return true;
            char word[64];
            if (n < sizeof word) {
                memcpy(word, w, n);
                word[n] = '\0';
                if (word_is(c, i, word))
                    return true;
            }
        }
    }
    return false;
}

/* An actor the pattern uses as its own material: it holds a literal word of the pattern
 * inside the pattern's span, or starts in the object slot, or (non-military codes) in the
 * place slot. */
static bool excluded_by_pattern(const clause_ctx *c, const verbmatch *m, long k, bool military)
{
    long first = c->afirst[k], last = c->alast[k];
    const actor_mention *am = mention(c, k);
    /* "rejected an Indian proposal", "killed ten Russian soldiers": the owner of the
     * pattern's noun, or the people a violent act is done to, is the target */
    bool owner = am->kind && strcmp(am->kind, "adjective") == 0;
    /* ... except where the pattern's words are what is given, sent or withdrawn ("sent
     * North Korean troops", "withdrew its troops") */
    bool victims = (am->country || am->role) && !code_is(m->rule->code, "06") &&
                   !code_is(m->rule->code, "07") && !code_is(m->rule->code, "08") &&
                   !code_is(m->rule->code, "15");
    for (long i = first; i <= last && !owner && !victims; i++)
        if (i > (long)m->anchor && i <= (long)m->last && is_pattern_word(c, m, i))
            return true;
    long object = m->slot[PATTERN_OBJECT], place = m->slot[PATTERN_PLACE];
    if (object >= 0 && first >= object && first <= object + 1)
        return true;
    if (!military && place >= 0 && first >= place && first <= place + PATTERN_SLOT_GAP)
        return true;
    return false;
}

static const char *const target_stops[] = {
    "that",     "which",  "who",   "whom",   "because", "during",    "after", "before",
    "since",    "when",   "while", "amid",   "despite", "as",        "where", "until",
    "although", "though", "if",    "unless", "whether", "following", "but",   NULL};

/* A comma between two adjectives ("complete, full diplomatic ties") stays inside the phrase. */
static bool adjective_comma(const clause_ctx *c, long i)
{
    return upos(c, i - 1) == UPOS_ADJ && upos(c, i + 1) == UPOS_ADJ;
}

/* True when token i ends a target search: a subordinator or relative word, but not the "as"
 * of a quantity ("as many as 125 vessels", "as much as", "as well as"). */
bool events_target_stop(const clause_ctx *c, long i)
{
    if (!word_in(c, i, target_stops))
        return false;
    static const char *const amounts[] = {"many", "much", "few",  "little", "well",
                                          "long", "far",  "high", "large",  NULL};
    return !(word_is(c, i, "as") && (word_in(c, i + 1, amounts) || word_in(c, i - 1, amounts)));
}

/* The first actor (index into c->actor) starting in [from, to) with a country or a full code
 * (bare roles such as "troops" are usually the object, not the target), stopping at clause
 * boundaries; actors that hold the pattern's own words or fill its object or (for non-military
 * codes) place slot are skipped (see excluded_by_pattern). -1 when none. */
static long actor_after(const clause_ctx *c, long from, long to, const verbmatch *m, bool military,
                        bool roles)
{
    bool cooperative = m && m->rule->code[0] == '0'; /* roots 01-09 */
    long located = -1; /* an actor after "in": the place of a military act, a second choice */
    for (long i = from; i < to && (size_t)i < c->ntokens; i++) {
        if (word_is(c, i, ";") || word_is(c, i, ":") ||
            (i > from && is_comma(c, i) && !adjective_comma(c, i)) || events_target_stop(c, i) ||
            c->tokens[i].kind == TOKEN_QUOTE)
            return located;
        /* a verb ends the object, unless it is a participle after a determiner ("the
         * affected Ithilen villages") */
        if (i > from + 1 && upos(c, i) == UPOS_VERB && actor_covering(c, i) < 0 &&
            !word_is(c, i - 1, "to") && !hyphen_glued(c, i) && upos(c, i - 1) != UPOS_DET)
            return located;
        /* a purpose infinitive starts a clause of its own ("sent advisers to help X") */
        if (word_is(c, i, "to") && is_verb_word(c, i + 1) &&
            (i > from || (m && i == (long)m->anchor + 1))) /* "agreed to ban ..." */
            return located;
        /* "talked about China and Mexico": for cooperative codes all that follows a topic
         * preposition is the topic (not "lift the sanctions on Iran", below) */
        if (cooperative &&
            word_in(c, i, (const char *const[]){"about", "regarding", "concerning", NULL}) &&
            !((long)m->last > (long)m->anchor && i == (long)m->last + 1))
            return located;
        /* "lift the sanctions on Iran": a preposition right after a pattern that runs past its
         * anchor takes the pattern's complement, not a topic */
        bool complement = m && (long)m->last > (long)m->anchor && i - 1 == (long)m->last + 1 &&
                          !code_is(m->rule->code, "04");
        for (long k = actor_starting(c, i, 0); k >= 0; k = actor_starting(c, i, (size_t)k + 1)) {
            if (m && excluded_by_pattern(c, m, k, military))
                break;
            /* "met X in Beijing", "in the Omani capital": a place, not a target (military acts
             * keep theirs) */
            long before =
                word_in(c, i - 1, (const char *const[]){"the", "a", "an", NULL}) ? i - 2 : i - 1;
            if (!military &&
                word_in(c, before,
                        (const char *const[]){"in", "at", "near", "inside", "within", NULL}))
                break;
            /* "met X to discuss sanctions against Israel": for cooperative codes an actor
             * after these prepositions is the topic (the patterns' $T slots name the real
             * partners: "aid to $T", "talks with $T") */
            if (cooperative && !complement &&
                word_in(c, i - 1,
                        (const char *const[]){"against", "about", "over", "on", "regarding",
                                              "concerning", NULL}))
                break;
            const actor_mention *am = mention(c, k);
            if (actor_is_noise(c, k))
                continue;
            /* "condemned the strikes as a violation of Iraqi sovereignty": a state's
             * sovereignty, airspace or security is what was violated, not who is criticised */
            if (m && (code_is(m->rule->code, "11") || code_is(m->rule->code, "12")) &&
                word_in(c, (long)c->alast[k],
                        (const char *const[]){"sovereignty", "airspace", "integrity", "security",
                                              "independence", "interests", "waters", NULL}))
                continue;
            /* "a junta-manned police station": a name glued to a participle modifies the
             * noun after it */
            long after = (long)c->alast[k] + 1;
            if (word_is(c, after, "-") && hyphen_glued(c, after + 1))
                continue;
            if (word_in(c, i, possessive_dets))
                continue; /* "his war": a possessor, not the object */
            if (am->code && (am->country || strlen(am->code) > 3 || roles)) {
                /* "waging an offensive in Lebanon against Hezbollah": who is fought, before
                 * where */
                if (military && located < 0 &&
                    word_in(c, i - 1, (const char *const[]){"in", "inside", "near", NULL})) {
                    located = k;
                    break;
                }
                return k;
            }
        }
    }
    return located;
}

long events_actor_after(const clause_ctx *c, long from, long to, const verbmatch *m, bool military)
{
    return actor_after(c, from, to, m, military, false);
}

long events_role_after(const clause_ctx *c, long from, long to, const verbmatch *m)
{
    return actor_after(c, from, to, m, true, true);
}

/* True when actor k lies inside the content of a reporting frame whose cue is the anchor:
 * "X claimed that Y ..." - Y belongs to the reported event, not to the statement. */
/* True when frame f reports a clause or a quotation: a noun phrase it attributes ("promised
 * aid to the villages", "welcomed assurances from Bree") holds the act's own target. */
static bool clausal_content(const clause_ctx *c, const attribution *f)
{
    if (f->direct)
        return true;
    for (uint32_t g = f->content_first; g < f->content_last; g++) {
        long i = (long)g - (long)c->first_token;
        if (i >= 0 && i < (long)c->ntokens &&
            (events_finite_verb(c, i) || upos(c, i) == UPOS_AUX || word_is(c, i, "that") ||
             (word_is(c, i, "to") && upos(c, i + 1) == UPOS_VERB)))
            return true;
    }
    return false;
}

bool events_inside_reported_content(const clause_ctx *c, long anchor, long k)
{
    uint32_t at = c->tokens[anchor].start;
    uint32_t global = c->first_token + c->afirst[k];
    /* frames are in text order of their cues; the anchor is in this sentence */
    for (size_t i = SORTED_FIRST(attribution, c->art->attributions, c->art->nattributions, sentence,
                                 c->sentence);
         i < c->art->nattributions && c->art->attributions[i].sentence == c->sentence; i++) {
        const attribution *f = &c->art->attributions[i];
        if (at >= f->cue.start && at < f->cue.end && global >= f->content_first &&
            global < f->content_last && clausal_content(c, f))
            return true;
    }
    if (word_is(c, anchor + 1, "that") && (long)c->afirst[k] > anchor + 1 &&
        (long)c->afirst[k] <= anchor + 3)
        return true;
    /* "said Russia attacked", "hoped French officials would ...": an actor followed by a
     * finite verb is the subject of the reported clause */
    long next = (long)c->alast[k] + 1;
    return (upos(c, next) == UPOS_AUX || upos(c, next) == UPOS_VERB) && !word_is(c, next, "to");
}

/* The actor in a role slot's phrase: the first actor with a code within PATTERN_SLOT_GAP
 * tokens of the slot's first token ("to eastern and southern areas of Ukraine", "condemned
 * the coup in Niger"). For consultations (`consult`) the phrase ends at "in", "at", "near"
 * (a place, not a partner). */
long events_slot_actor(const clause_ctx *c, long slot, bool consult)
{
    if (slot < 0)
        return -1;
    long end = slot + PATTERN_SLOT_GAP + 2;
    for (long i = slot; i < end && i < (long)c->ntokens; i++) {
        /* "a government-held part of Syria": a hyphenated modifier is passed over, unless it
         * is part of an actor ("a Turkish-managed cargo vessel") */
        if (hyphen_glued(c, i + 2) || hyphen_glued(c, i + 1) || hyphen_glued(c, i)) {
            long k = actor_starting(c, i, 0);
            if (k >= 0 && (long)c->alast[k] >= i + 2 && mention(c, k)->code &&
                !actor_is_noise(c, k))
                return k;
            end++;
            continue;
        }
        if (i > slot && (is_punct(c, i) || events_target_stop(c, i)))
            break;
        /* "visited the memorial in Washington": a place, not the one visited */
        if (i > slot && consult && word_in(c, i, (const char *const[]){"in", "at", "near", NULL}))
            break;
        /* "sent advisers to help X": a verb in the slot starts another clause */
        if (is_verb_word(c, i) && actor_covering(c, i) < 0)
            break;
        /* the head noun of a phrase that is no actor ends the slot, unless "of" follows
         * ("areas of Ukraine") or a name it titles ("former prime minister Imran Khan",
         * "journalist Evan Gershkovich") */
        if ((upos(c, i) == UPOS_NOUN || upos(c, i) == UPOS_PROPN) && actor_covering(c, i) < 0 &&
            !word_is(c, i + 1, "of") && !word_is(c, i + 1, "and") && !is_possessive(c, i + 1) &&
            (consult || !word_is(c, i + 1, "in")) &&
            !(upos(c, i) == UPOS_NOUN && upos(c, i + 1) == UPOS_PROPN &&
              actor_starting(c, i + 1, 0) >= 0))
            break;
        long k = actor_starting(c, i, 0);
        if (k < 0 && i == slot)
            k = actor_covering(c, i);
        if (k >= 0 && mention(c, k)->code && !word_in(c, i, possessive_dets) &&
            !actor_is_noise(c, k))
            return k;
    }
    return -1;
}

/* The first token of the clause that ends before token `before` (back to a comma, ";", ":",
 * "that", "which", "who" or a quote), or `at` when that is earlier: the evidence of a clause
 * whose subject is what is acted on reaches back over the subject, so that its quantities
 * belong to the event. */
long events_clause_start(const clause_ctx *c, long before, long at)
{
    for (long k = before - 1; k >= 0 && k < (long)c->ntokens; k--) {
        if (is_comma(c, k) || word_is(c, k, ";") || word_is(c, k, ":") || word_is(c, k, "that") ||
            word_is(c, k, "which") || word_is(c, k, "who") || c->tokens[k].kind == TOKEN_QUOTE)
            break;
        if (k < at)
            at = k;
    }
    return at;
}

/* True when a word of class @name (classes.txt) stands in the clause before token `before`
 * (back to a comma, "that", "which" or the sentence start), by lemma or lower-case form. */
bool events_subject_names_class(const clause_ctx *c, long before, const char *name)
{
    for (long k = before - 1; k >= 0; k--) {
        if (is_comma(c, k) || word_is(c, k, ";") || word_is(c, k, "that") || word_is(c, k, "which"))
            break;
        char low[64];
        if (lower_token(c, k, low, sizeof low) &&
            pattern_class_has(c->tables->patterns, name, low, strlen(low)))
            return true;
        slice l = c->lemmas[k];
        if (l.len && pattern_class_has(c->tables->patterns, name, l.ptr, l.len))
            return true;
    }
    return false;
}
