/* spans.c - the spans of a reporting frame as PolNeAR draws them (attribution stage): the
 * source noun phrase (no time phrase, no apposition before the cue, no leading conjunction),
 * the content after a leading cue (with its "that" or "to", after an object such as "told
 * reporters"), and where a reported clause ends. frames.c calls these for every cue it finds.
 */
#include "attribution_internal.h"

/* "on Sunday", "on Jan. 5", "late Monday", "last week", "this month", "earlier this year",
 * "Tuesday night", "yesterday": the length of a time phrase starting at k, 0 when none. */
static size_t time_phrase_at(const frame_ctx *c, size_t k, size_t end)
{
    if (k >= end || !is_word(c, k))
        return 0;
    size_t j = k;
    if (tok_is(c, j, "on") || tok_is(c, j, "late") || tok_is(c, j, "early") ||
        tok_is(c, j, "earlier") || tok_is(c, j, "last") || tok_is(c, j, "this") ||
        tok_is(c, j, "next") || tok_is(c, j, "in")) {
        bool in = tok_is(c, j, "in");
        j++;
        if (j < end && (tok_is(c, j, "this") || tok_is(c, j, "last") || tok_is(c, j, "the")) && !in)
            j++;
        if (j >= end)
            return 0;
        if (in) {
            /* "in March", "in 2015"; not "Six in 10" */
            slice w = tok(c, j);
            if (TOK_IN(c, j, attribution_day_words) ||
                (c->tokens[j].kind == TOKEN_NUMBER && w.len == 4 &&
                 (w.ptr[0] == '1' || w.ptr[0] == '2')))
                j++;
            else
                return 0;
        } else if (TOK_IN(c, j, attribution_day_words) || c->tokens[j].kind == TOKEN_NUMBER ||
                   tok_is(c, j, "week") || tok_is(c, j, "month") || tok_is(c, j, "year") ||
                   tok_is(c, j, "night") || tok_is(c, j, "weekend") || tok_is(c, j, "morning") ||
                   tok_is(c, j, "evening") || tok_is(c, j, "afternoon") || tok_is(c, j, "summer") ||
                   tok_is(c, j, "spring") || tok_is(c, j, "fall") || tok_is(c, j, "winter"))
            j++;
        else
            return 0;
    } else if (TOK_IN(c, j, attribution_day_words) && !tok_is(c, j, "may") &&
               !tok_is(c, j, "march")) {
        j++;
    } else if (tok_is(c, j, "yesterday") || tok_is(c, j, "today") || tok_is(c, j, "tonight")) {
        j++;
    } else if (tok_is(c, j, "at") && j + 2 < end && tok_is(c, j + 1, "the") &&
               tok_is(c, j + 2, "time")) {
        j += 3; /* "Trump at the time said" */
    } else
        return 0;
    while (j < end &&
           (TOK_IN(c, j, attribution_day_words) || c->tokens[j].kind == TOKEN_NUMBER ||
            tok_is(c, j, "night") || tok_is(c, j, "morning") || tok_is(c, j, "evening") ||
            tok_is(c, j, "afternoon") ||
            (is_punct(c, j, ',') && j + 1 < end && c->tokens[j + 1].kind == TOKEN_NUMBER)))
        j++;
    return j - k;
}

size_t attribution_skip_time(const frame_ctx *c, size_t k, size_t end)
{
    if (k >= end)
        return k;
    if (TOK_IN(c, k, attribution_time_words) && !tok_is(c, k, "once"))
        return k + 1;
    size_t n = time_phrase_at(c, k, end);
    if (n)
        return k + n;
    if (tok_is(c, k, "in") && k + 2 < end &&
        (tok_is(c, k + 1, "a") || tok_is(c, k + 1, "an") || tok_is(c, k + 1, "his") ||
         tok_is(c, k + 1, "her") || tok_is(c, k + 1, "its") || tok_is(c, k + 1, "their"))) {
        /* "in a statement", "in a televised address on Monday": up to "that", a colon or a
         * comma */
        for (size_t j = k + 2; j < end && j < k + 8; j++)
            if (tok_is(c, j, "that") || is_punct(c, j, ',') || is_punct(c, j, ':') ||
                attribution_is_final_punct(c, j))
                return j;
        /* "..., the family said in a written statement": the phrase closes the sentence */
        if (end <= k + 8)
            return end;
    }
    return k;
}

/* "released" in "a report released Tuesday", "conducted" in "a poll conducted in
 * February": a past participle after a noun (a reduced relative clause). */
static bool reduced_relative_verb(const frame_ctx *c, size_t j)
{
    if (j == 0 || c->tokens[j].upos != UPOS_VERB || (c->tokens[j].flags & TOKEN_UPPER))
        return false;
    slice w = tok(c, j);
    uint8_t before = c->tokens[j - 1].upos;
    /* "Politico responded late Friday": after a bare name the verb is finite */
    bool after_name = before == UPOS_PROPN && j > 1 &&
                      (c->tokens[j - 2].upos == UPOS_DET || c->tokens[j - 2].upos == UPOS_ADJ ||
                       c->tokens[j - 2].upos == UPOS_NOUN || c->tokens[j - 2].upos == UPOS_PROPN);
    return w.len > 3 && (slice_ends_with(w, "ed") || slice_ends_with(w, "en")) &&
           (before == UPOS_NOUN || after_name);
}

/* The end of a source after taking off a time phrase that closes it: "Amnesty International
 * on Tuesday (said)" -> "Amnesty International". */
size_t attribution_strip_time(const frame_ctx *c, size_t first, size_t end)
{
    /* "DeSantis, who was elected to the House in 2012, said": inside a relative clause the
     * time belongs to the clause */
    for (size_t k = end > first + 12 ? end - 12 : first; k + 1 < end; k++)
        if ((tok_is(c, k, "who") || tok_is(c, k, "which")) && k > first && is_punct(c, k - 1, ','))
            return end;
    /* the first time phrase that closes the source, the first lower-case one preferred */
    size_t any = end, lower = end;
    for (size_t k = end > first + 6 ? end - 6 : first + 1; k < end; k++)
        if (time_phrase_at(c, k, end) == end - k) {
            if (any == end)
                any = k;
            if (!is_capitalised(c, k)) {
                lower = k;
                break;
            }
        }
    /* "a report released Tuesday", "a poll taken last week": after a participle that
     * follows a noun the time belongs to the participle */
    if (any < end && any > first + 1 && reduced_relative_verb(c, any - 1))
        return end;
    return lower < end ? lower : any;
}

/* Is [s, e) a state or party label ("Pa.", "R-Ky.", "D-N.Y.")? A short capitalised word
 * with a full stop, after a party letter and a hyphen or not. */
static bool state_label(const frame_ctx *c, size_t s, size_t e)
{
    if (s + 2 < e && c->tokens[s].end - c->tokens[s].start == 1 && is_punct(c, s + 1, '-'))
        s += 2;
    if (s + 1 != e || !is_capitalised(c, s))
        return false;
    slice w = tok(c, s);
    return w.len >= 3 && w.len <= 5 && w.ptr[w.len - 1] == '.';
}

/* Is [s, e) one or more capitalised words? */
static bool capitalised_run(const frame_ctx *c, size_t s, size_t e)
{
    for (size_t k = s; k < e; k++)
        if (!is_capitalised(c, k) || c->tokens[k].kind != TOKEN_WORD)
            return false;
    return e > s;
}

/* Does [from, to) look like a list of names closed by "and" ("Cruz and Kasich")? */
static bool name_list_tail(const frame_ctx *c, size_t from, size_t to)
{
    bool and_seen = false;
    for (size_t k = from; k < to; k++) {
        if (tok_is(c, k, "and") || tok_is(c, k, "or"))
            and_seen = true;
        else if (!is_capitalised(c, k) && !is_punct(c, k, ','))
            return false;
    }
    return and_seen;
}

/* Is the last verb in the clause before the conjunction at j (up to ten words, no punctuation
 * between) a reporting verb of a clause of its own? */
static bool clause_verb_before(const frame_ctx *c, size_t first, size_t j)
{
    for (size_t k = j; k > first && j - k < 10; k--) {
        const token *t = &c->tokens[k - 1];
        if (t->kind == TOKEN_PUNCT || t->kind == TOKEN_QUOTE || t->kind == TOKEN_DASH)
            return false;
        if ((t->upos == UPOS_VERB || t->upos == UPOS_AUX) && !(t->flags & TOKEN_UPPER) &&
            t->kind != TOKEN_CLITIC) {
            /* a reporting verb of a clause of its own, not a relative clause or a
             * participle inside the source ("a lawyer who represented X and Y") */
            slice w = tok(c, k - 1);
            return t->upos == UPOS_VERB && !slice_ends_with(w, "ing") &&
                   !reduced_relative_verb(c, k - 1) && k >= 2 && !tok_is(c, k - 2, "who") &&
                   !tok_is(c, k - 2, "that") && !tok_is(c, k - 2, "which") &&
                   cues_find(c->cues, w.ptr, w.len) != NULL;
        }
    }
    return false;
}

bool attribution_reporting_relative(const frame_ctx *c, size_t rel, size_t end)
{
    /* "who asked not to be named", "who spoke on condition of anonymity": the clause that
     * makes the source anonymous stays with it */
    for (size_t v = rel + 1; v < end && v < rel + 25 && !is_punct(c, v, ','); v++)
        if (tok_is(c, v, "named") || tok_is(c, v, "anonymity") || tok_is(c, v, "anonymously") ||
            tok_is(c, v, "identified") || tok_is(c, v, "authorized") || tok_is(c, v, "authorised"))
            return false;
    for (size_t v = rel + 1; v < rel + 4 && v < end; v++)
        if (c->tokens[v].upos == UPOS_VERB && cues_find(c->cues, tok(c, v).ptr, tok(c, v).len))
            return true;
    return false;
}

size_t attribution_source_start(const frame_ctx *c, size_t first, size_t end, size_t *head_end)
{
    end = attribution_strip_time(c, first, end);
    *head_end = end;
    size_t s = end;
    /* "The three scholars -- Ann Tribe, Bea Epstein and Cy Amar -- said": a pair of dashes
     * closes an apposition of the source, whose head stands before the opening dash (the
     * phrase runs to the closing dash) */
    if (s > first + 3 && c->tokens[s - 1].kind == TOKEN_DASH) {
        size_t open = s - 2;
        while (open > first && s - open < ATTRIBUTION_MAX_SOURCE_TOKENS &&
               c->tokens[open].kind != TOKEN_DASH && !attribution_is_final_punct(c, open) &&
               c->tokens[open].kind != TOKEN_QUOTE)
            open--;
        if (open > first && open + 2 < s && c->tokens[open].kind == TOKEN_DASH &&
            is_word(c, open - 1)) {
            size_t head;
            size_t start = attribution_source_start(c, first, open, &head);
            if (start < head) {
                *head_end = head;
                return start;
            }
        }
    }
    /* "NAME, a senior member of X, said": the comma that closes an apposition */
    bool closing_comma = false;
    if (s > first + 2 && is_punct(c, s - 1, ',')) {
        s--;
        closing_comma = true;
    }
    size_t apposition_comma = SIZE_MAX;
    /* "Derek Mitchell, who served as ambassador until earlier this year, said": a relative
     * clause between commas belongs to the phrase, whatever words it holds */
    if (closing_comma) {
        for (size_t rel = s; rel > first + 1 && s - rel < 30; rel--) {
            size_t j = rel - 1;
            if (attribution_is_final_punct(c, j) || c->tokens[j].kind == TOKEN_QUOTE ||
                is_punct(c, j, ';') || is_punct(c, j, ':') || is_punct(c, j, ','))
                break;
            if ((tok_is(c, j, "who") || tok_is(c, j, "which") || tok_is(c, j, "whose")) &&
                j > first + 1 && is_punct(c, j - 1, ',') && is_word(c, j - 2) &&
                (is_capitalised(c, j - 2) || c->tokens[j - 2].upos == UPOS_NOUN ||
                 c->tokens[j - 2].upos == UPOS_PROPN)) {
                apposition_comma = j - 1;
                s = j - 1;
                closing_comma = false;
                break;
            }
        }
    }
    while (s > first && end - s < ATTRIBUTION_MAX_SOURCE_TOKENS) {
        size_t j = s - 1;
        const token *t = &c->tokens[j];
        /* "Sen. Lindsey Graham (R-S.C.) said": a short parenthesis after a name stays inside */
        if (is_punct(c, j, ')') && j > first + 1) {
            size_t open = j;
            while (open > first && j - open < 8 && !is_punct(c, open - 1, '('))
                open--;
            if (open > first + 1 && j - open < 8 && is_punct(c, open - 1, '(') &&
                is_capitalised(c, open - 2)) {
                s = open - 1;
                continue;
            }
        }
        /* "more than half of white women", "as many as three-fourths of them": a quantity */
        if (j > first &&
            ((tok_is(c, j, "than") && (tok_is(c, j - 1, "more") || tok_is(c, j - 1, "fewer") ||
                                       tok_is(c, j - 1, "less"))) ||
             (tok_is(c, j, "as") && tok_is(c, j - 1, "many") && j > first + 1 &&
              tok_is(c, j - 2, "as"))) &&
            s < end &&
            (c->tokens[s].kind == TOKEN_NUMBER || c->tokens[s].upos == UPOS_NUM ||
             tok_is(c, s, "half") || tok_is(c, s, "a"))) {
            s = tok_is(c, j, "than") ? j - 1 : j - 2;
            continue;
        }
        if (t->kind == TOKEN_QUOTE || t->kind == TOKEN_DASH || is_punct(c, j, ';') ||
            is_punct(c, j, ':') || is_punct(c, j, '(') || is_punct(c, j, ')') ||
            attribution_is_final_punct(c, j) || TOK_IN(c, j, attribution_left_boundaries))
            break;
        /* a finite verb before the phrase ends it ("When Sanders said", but not "so-called") */
        /* an auxiliary ends it too ("... are easily refuted"), but not the possessive 's */
        if (t->upos == UPOS_AUX && t->kind != TOKEN_CLITIC && !(t->flags & TOKEN_UPPER)) {
            /* "a former official who is now a fellow at ...", "Katie Packer, who is chairman
             * of ...": a relative clause with "be" belongs to the phrase */
            if (j > first + 1 && (tok_is(c, j - 1, "who") || tok_is(c, j - 1, "that")) &&
                (c->tokens[j - 2].upos == UPOS_NOUN || c->tokens[j - 2].upos == UPOS_PROPN ||
                 (tok_is(c, j - 1, "who") && is_punct(c, j - 2, ',')))) {
                s = j - 1;
                continue;
            }
            break;
        }
        /* "asked for calm and the president said": after a verb, "and" or "but" opens a new
         * clause whose subject is the source */
        if ((tok_is(c, j, "and") || tok_is(c, j, "but")) && clause_verb_before(c, first, j))
            break;
        /* "a policy-focused conservative", "the highest-ranking Republican": a hyphen inside
         * a word joins it */
        bool hyphenated = j > first + 1 && is_punct(c, j - 1, '-') &&
                          c->tokens[j - 1].start == c->tokens[j - 2].end &&
                          c->tokens[j].start == c->tokens[j - 1].end;
        if (t->upos == UPOS_VERB && !(t->flags & TOKEN_UPPER) &&
            !(j > first && c->tokens[j - 1].kind == TOKEN_DASH) && !hyphenated) {
            /* a participle that modifies a noun ("the resulting toll", "a retired worker",
             * "Trump's hand-picked") stays inside */
            slice w = tok(c, j);
            bool participle =
                (w.len > 3 && (slice_ends_with(w, "ing") || slice_ends_with(w, "ed"))) ||
                reduced_relative_verb(c, j);
            uint8_t before = j > first ? c->tokens[j - 1].upos : UPOS_NONE;
            /* "Fiorina, speaking to Iowans, said": a participial apposition */
            if (participle && closing_comma && j > first + 1 && is_punct(c, j - 1, ',') &&
                is_word(c, j - 2)) {
                apposition_comma = j - 1;
                s = j - 1;
                closing_comma = false;
                continue;
            }
            /* "Foreign ministers meeting in Brussels agreed": a reduced relative clause */
            bool relative = participle && (before == UPOS_NOUN || before == UPOS_PROPN) &&
                            s < end &&
                            (c->tokens[s].upos == UPOS_ADP ||
                             (reduced_relative_verb(c, j) && time_phrase_at(c, s, end)));
            /* "Voters surveyed said", "those polled said": a past participle right before the
             * cue describes the people before it (two verbs in a row make no clause) */
            if (participle && j + 1 == end && j > first && slice_ends_with(w, "ed") &&
                (before == UPOS_NOUN || before == UPOS_PROPN || tok_is(c, j - 1, "those")))
                relative = true;
            /* "a senior official who spoke on the condition of anonymity said": a relative
             * clause without commas belongs to the phrase */
            if (j > first + 1 && (!participle || tok_is(c, j - 1, "who")) &&
                (tok_is(c, j - 1, "who") || tok_is(c, j - 1, "that")) &&
                (c->tokens[j - 2].upos == UPOS_NOUN || c->tokens[j - 2].upos == UPOS_PROPN)) {
                s = j - 1;
                continue;
            }
            /* "Smith, who said he had visited Patna, declined": the relative clause before the
             * closing comma belongs to the phrase */
            if (closing_comma) {
                size_t rel = j;
                while (rel > first + 1 && j - rel < 20 && !tok_is(c, rel, "who") &&
                       !tok_is(c, rel, "which") && !tok_is(c, rel, "whose"))
                    rel--;
                if (rel > first + 1 && j - rel < 20 && is_punct(c, rel - 1, ',') &&
                    is_word(c, rel - 2)) {
                    apposition_comma = rel - 1;
                    s = rel - 1;
                    closing_comma = false;
                    continue;
                }
            }
            if (!participle ||
                !(relative || before == UPOS_DET || before == UPOS_ADJ || before == UPOS_ADV ||
                  before == UPOS_NUM || (j > first && c->tokens[j - 1].kind == TOKEN_CLITIC)))
                break;
        }
        if (is_punct(c, j, ',')) {
            /* "the EU's naval mission, Aspides, said": a short name in commas */
            if (closing_comma && j > first && end - s <= 5 && is_capitalised(c, s) &&
                !is_capitalised(c, j - 1)) {
                s = j;
                closing_comma = false;
                continue;
            }
            /* an apposition: keep going left when the phrase after the comma starts like a
             * description or a relative clause and a name stands before */
            if (closing_comma && j > first && s < end && !is_punct(c, s, ',') &&
                (tok_is(c, s, "a") || tok_is(c, s, "an") || tok_is(c, s, "the") ||
                 tok_is(c, s, "former") || tok_is(c, s, "who") || tok_is(c, s, "whose") ||
                 tok_is(c, s, "one") || tok_is(c, s, "its") || tok_is(c, s, "his") ||
                 tok_is(c, s, "her") || tok_is(c, s, "their") ||
                 (s + 1 < end && c->tokens[s + 1].kind == TOKEN_CLITIC) ||
                 /* "Lindsey Graham, Republican of South Carolina,", "Pantucci, at the
                  * Royal United Services Institute," */
                 (s + 1 < end && is_capitalised(c, s) && tok_is(c, s + 1, "of")) ||
                 tok_is(c, s, "at") ||
                 /* "Karen Janes, 67, of Exeter, N.H.," */
                 ((tok_is(c, s, "of") || tok_is(c, s, "from")) && s + 1 < end &&
                  is_capitalised(c, s + 1)) ||
                 (closing_comma && !is_capitalised(c, s) &&
                  (c->tokens[s].upos == UPOS_NOUN || c->tokens[s].upos == UPOS_ADJ)) ||
                 /* "Fiorina, 61,", "Tina Tchen, Mrs. Obama's chief of staff," */
                 (c->tokens[s].kind == TOKEN_NUMBER && (end - s <= 2 || is_punct(c, s + 1, ','))) ||
                 (s + 2 < end && is_capitalised(c, s) && c->tokens[s + 2].kind == TOKEN_CLITIC)) &&
                (is_capitalised(c, j - 1) || c->tokens[j - 1].kind == TOKEN_NUMBER ||
                 /* "Rep. Elijah Cummings (D-Md.), chair of the committee," */
                 (is_punct(c, j - 1, ')') && j > first + 1))) {
                apposition_comma = j;
                s = j;
                continue;
            }
            /* "Mitch McConnell, R-Ky., said", "a retiree in Allentown, Pa., said": a state
             * or party label between commas belongs to the phrase before it */
            size_t segment_end = apposition_comma != SIZE_MAX ? apposition_comma : end - 1;
            bool closed = closing_comma || apposition_comma != SIZE_MAX;
            if (closed && j > first && segment_end - s <= 3 && is_capitalised(c, s) &&
                state_label(c, s, segment_end) && is_capitalised(c, j - 1)) {
                s = j;
                continue;
            }
            /* "a philanthropist from Monsey, New York, said": the state after a place */
            if (closed && j > first + 2 && segment_end - s <= 2 &&
                capitalised_run(c, s, segment_end) && is_capitalised(c, j - 1)) {
                size_t p = j - 1;
                while (p > first && p + 3 > j && is_capitalised(c, p - 1))
                    p--;
                if (p > first && (tok_is(c, p - 1, "from") || tok_is(c, p - 1, "in") ||
                                  tok_is(c, p - 1, "of") || tok_is(c, p - 1, "near"))) {
                    s = j;
                    continue;
                }
            }
            /* "Rubio, Cruz and Kasich said": a list of names */
            if (j > first && is_capitalised(c, j - 1) && name_list_tail(c, s, end)) {
                s = j;
                continue;
            }
            break;
        }
        s = j;
    }
    /* leading conjunctions, sentence adverbs and commas are not part of the source */
    while (s < end &&
           (tok_is(c, s, "but") || tok_is(c, s, "and") || tok_is(c, s, "so") ||
            tok_is(c, s, "however") || tok_is(c, s, "meanwhile") || tok_is(c, s, "still") ||
            tok_is(c, s, "now") || tok_is(c, s, "then") || tok_is(c, s, "instead") ||
            tok_is(c, s, "also") || tok_is(c, s, "or") || is_punct(c, s, ',')))
        s++;
    /* a time phrase that opens the sentence: "Tuesday, X said" is cut by the comma; "Last
     * week X said" is not */
    size_t n = time_phrase_at(c, s, end);
    if (n && s + n < end)
        s += n;
    /* "In a Bloomberg interview Trump said", "with footage of Clinton saying": a phrase that
     * opens with a preposition is no source; the name at its end is */
    if (s + 2 < end && c->tokens[s].upos == UPOS_ADP && !tok_is(c, s, "of") &&
        !tok_is(c, s, "for") && apposition_comma == SIZE_MAX) {
        size_t j = end;
        while (j > s + 1 && is_capitalised(c, j - 1) && c->tokens[j - 1].kind == TOKEN_WORD)
            j--;
        if (j < end && j > s + 1 && !is_capitalised(c, j - 1))
            s = j;
    }
    /* "(talks) with experts", "(a deal) with Russia": the preposition is not the source's */
    if (s + 1 < end && c->tokens[s].upos == UPOS_ADP &&
        (tok_is(c, s, "with") || tok_is(c, s, "by") || tok_is(c, s, "from") ||
         tok_is(c, s, "among") || tok_is(c, s, "via") || tok_is(c, s, "like") ||
         tok_is(c, s, "unlike") || tok_is(c, s, "including")))
        s++;
    if (apposition_comma != SIZE_MAX && apposition_comma > s)
        *head_end = apposition_comma;
    return s;
}

/* After the comma that follows an inverted source, does an apposition start at k? "said
 * Paloma Wu, legal director for the ACLU", "said Sen. Chris Coons, Democrat of Delaware", "said
 * Rev. Kyev Tatum, then senior pastor at ...", "said Karen Janes, 67, of Exeter, N.H." */
static bool inverted_apposition(const frame_ctx *c, size_t k, size_t end)
{
    if (k + 1 >= end)
        return false;
    if (tok_is(c, k, "then") || tok_is(c, k, "now") || tok_is(c, k, "formerly"))
        return true;
    if (tok_is(c, k, "of") || tok_is(c, k, "from"))
        return is_capitalised(c, k + 1);
    if (tok_is(c, k, "Democrat") || tok_is(c, k, "Republican") || tok_is(c, k, "Independent"))
        return tok_is(c, k + 1, "of") || tok_is(c, k + 1, "from") || is_punct(c, k + 1, ',') ||
               attribution_is_final_punct(c, k + 1);
    /* "R-S.C." */
    if (k + 1 < end && is_capitalised(c, k) &&
        (state_label(c, k, k + 1) || (k + 3 <= end && state_label(c, k, k + 3))))
        return true;
    /* a lower-case adjective before the title's nouns: "legal director", "executive vice
     * president of", or an organisation's name before them: "CrowdTangle chief executive" */
    size_t j = k;
    if (is_capitalised(c, j) && c->tokens[j].upos != UPOS_VERB)
        while (j < end && j < k + 3 && is_capitalised(c, j))
            j++;
    else if (is_capitalised(c, j) || c->tokens[j].upos != UPOS_ADJ)
        return false;
    else
        j++;
    size_t nouns = 0;
    while (j < end && nouns < 3 && !is_capitalised(c, j) &&
           (c->tokens[j].upos == UPOS_NOUN || c->tokens[j].upos == UPOS_ADJ)) {
        nouns += c->tokens[j].upos == UPOS_NOUN;
        j++;
    }
    return nouns > 0 && j < end && c->tokens[j - 1].upos == UPOS_NOUN &&
           (tok_is(c, j, "of") || tok_is(c, j, "for") || tok_is(c, j, "at") ||
            is_punct(c, j, ',') || attribution_is_final_punct(c, j));
}

size_t attribution_source_after(const frame_ctx *c, size_t start, size_t end, bool loose)
{
    size_t k = start;
    bool apposition = false;
    while (k < end && k - start < ATTRIBUTION_MAX_SOURCE_TOKENS) {
        /* "said Rob Ellery when asked about the vote", "said Smith as he left the court": a
         * subordinate clause after the name is no part of the source (inside an apposition it
         * may be: "said Smith, who served as envoy") */
        if (loose && !apposition && k > start && !(c->tokens[k].flags & TOKEN_UPPER) &&
            (tok_is(c, k, "when") || tok_is(c, k, "as") || tok_is(c, k, "while") ||
             tok_is(c, k, "after") || tok_is(c, k, "before") || tok_is(c, k, "because")))
            break;
        if (attribution_is_final_punct(c, k) || is_punct(c, k, ';') ||
            c->tokens[k].kind == TOKEN_QUOTE || c->tokens[k].kind == TOKEN_DASH)
            break;
        if (is_punct(c, k, ',')) {
            /* "said Beck, who said there were ...": a relative clause that reports has its own
             * frame */
            bool reports = false;
            if (k + 2 < end && tok_is(c, k + 1, "who"))
                for (size_t x = k + 2; x < end && x < k + 5 && !reports; x++)
                    reports = cues_find(c->cues, tok(c, x).ptr, tok(c, x).len) != NULL;
            if (reports)
                break;
            /* "said Hugh Griffiths, a former UN expert." keeps the apposition */
            if (k + 1 < end &&
                (tok_is(c, k + 1, "a") || tok_is(c, k + 1, "an") || tok_is(c, k + 1, "the") ||
                 tok_is(c, k + 1, "who") ||
                 (loose &&
                  (tok_is(c, k + 1, "whose") || tok_is(c, k + 1, "one") ||
                   tok_is(c, k + 1, "its") || tok_is(c, k + 1, "his") || tok_is(c, k + 1, "her") ||
                   tok_is(c, k + 1, "their") || c->tokens[k + 1].kind == TOKEN_NUMBER ||
                   (k + 2 < end && c->tokens[k + 2].kind == TOKEN_CLITIC) ||
                   (!is_capitalised(c, k + 1) && c->tokens[k + 1].upos == UPOS_NOUN) ||
                   inverted_apposition(c, k + 1, end)))))
                apposition = true;
            else
                break;
        }
        /* after "according to" and "by", a preposition other than "of" and "for" ends the
         * source ("condemned by the European Union over the strike") */
        if (!loose && k > start && c->tokens[k].upos == UPOS_ADP && !tok_is(c, k, "of") &&
            !tok_is(c, k, "for"))
            break;
        /* "said Smith on Tuesday", "said Smith in a statement": a trailing phrase */
        if (k > start &&
            (time_phrase_at(c, k, end) || (tok_is(c, k, "in") && k + 1 < end &&
                                           (tok_is(c, k + 1, "a") || tok_is(c, k + 1, "an")))))
            break;
        k++;
    }
    return k;
}

/* "WASHINGTON (Reuters) - ", "LOS ANGELES, Feb. 2 (UPI) — ": a dateline that opens a
 * content is the wire's, not what was said. The first token after it, or k. */
static size_t dateline_end(const frame_ctx *c, size_t k, size_t e)
{
    if (k >= e || !(c->tokens[k].flags & TOKEN_UPPER))
        return k;
    bool agency = false;
    for (size_t j = k + 1; j + 1 < e && j < k + 12; j++) {
        if (is_punct(c, j, '(') && j + 2 < e && is_punct(c, j + 2, ')') && is_capitalised(c, j + 1))
            agency = true;
        if (c->tokens[j].kind == TOKEN_DASH)
            return agency ? j + 1 : k;
        if (c->tokens[j].upos == UPOS_VERB || c->tokens[j].upos == UPOS_AUX ||
            c->tokens[j].kind == TOKEN_QUOTE || attribution_is_final_punct(c, j))
            return k;
    }
    return k;
}

void attribution_set_content(const frame_ctx *c, attribution *f, size_t k, size_t e, bool direct)
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
    k = dateline_end(c, k, e);
    /* 'said reform “is a question of when. It is not a question of if.”': a quotation that
     * opens inside the content goes on to its closing mark, past the sentence end */
    for (size_t j = k; j < e; j++)
        if (attribution_is_opening_quote(c, j) && c->quote_end[j] >= (int32_t)e &&
            c->quote_end[j] - (int32_t)j < 200) {
            e = (size_t)c->quote_end[j] + 1;
            break;
        }
    /* a question or exclamation mark is part of what was said (PolNeAR keeps it) */
    while (e > k &&
           ((attribution_is_final_punct(c, e - 1) && !is_punct(c, e - 1, '!') &&
             !is_punct(c, e - 1, '?')) ||
            is_punct(c, e - 1, ',') || is_punct(c, e - 1, ';') || is_punct(c, e - 1, ':') ||
            c->tokens[e - 1].kind == TOKEN_QUOTE || c->tokens[e - 1].kind == TOKEN_DASH))
        e--;
    while (k < e && (is_punct(c, k, ',') || c->tokens[k].kind == TOKEN_DASH))
        k++;
    if (e <= k) {
        f->content.start = f->content.end = 0;
        f->content_first = f->content_last = 0;
        return;
    }
    f->content.start = c->tokens[k].start;
    f->content.end = c->tokens[e - 1].end;
    f->content_first = (uint32_t)k;
    f->content_last = (uint32_t)e;
    f->direct = false;
}

/* Is token k a preposition of the cue's group ("about" in "complained about")? */
static bool took_particle(const frame_ctx *c, const cue_form *form, size_t k)
{
    if (!form->particles || !(c->tokens[k].upos == UPOS_ADP || c->tokens[k].upos == UPOS_PART))
        return false;
    for (unsigned bit = 0; bit < CUE_PARTICLES; bit++)
        if ((form->particles >> bit & 1) && tok_is(c, k, cues_particle_name(bit)))
            return !tok_is(c, k, "out") && !tok_is(c, k, "up") && !tok_is(c, k, "back") &&
                   !tok_is(c, k, "off");
    return false;
}

/* Does a clause without "that" start at k: "implied he was biased", "indicated the court
 * would rule"? A subject pronoun, or a short noun phrase after a determiner, then a finite
 * auxiliary or verb. */
bool attribution_bare_clause(const frame_ctx *c, size_t k, size_t end)
{
    if (k + 1 >= end || !is_word(c, k))
        return false;
    if (TOK_IN(c, k, attribution_pronouns) && !tok_is(c, k, "it") && !tok_is(c, k, "you"))
        return c->tokens[k + 1].upos == UPOS_AUX || c->tokens[k + 1].upos == UPOS_VERB;
    /* "stressed it was time": "it" before an auxiliary is a subject, not an object */
    if (tok_is(c, k, "it"))
        return c->tokens[k + 1].upos == UPOS_AUX && !tok_is(c, k + 1, "to");
    /* "hoped electric utilities would", "feared his campaign could": a bare noun phrase or one
     * after a possessive works as well, when a modal or auxiliary follows it */
    bool det = tok_is(c, k, "the") || tok_is(c, k, "a") || tok_is(c, k, "an");
    bool bare = !det && !(c->tokens[k].flags & TOKEN_UPPER) &&
                (c->tokens[k].upos == UPOS_NOUN || c->tokens[k].upos == UPOS_ADJ ||
                 tok_is(c, k, "his") || tok_is(c, k, "her") || tok_is(c, k, "their") ||
                 tok_is(c, k, "its") || tok_is(c, k, "our"));
    if (!det && !bare)
        return false;
    for (size_t j = k + 1; j < end && j < k + 6; j++) {
        if (c->tokens[j].upos == UPOS_AUX && !tok_is(c, j, "'s") && !tok_is(c, j, "’s"))
            return j > k + 1;
        if (j > k + 1 && (tok_is(c, j, "'s") || tok_is(c, j, "’s")) &&
            c->tokens[j].start == c->tokens[j - 1].end)
            continue; /* "the state's own standards are" */
        if (!is_word(c, j) || (c->tokens[j].upos != UPOS_NOUN && c->tokens[j].upos != UPOS_ADJ &&
                               c->tokens[j].upos != UPOS_PROPN))
            return false;
    }
    return false;
}

size_t attribution_content_start(const frame_ctx *c, size_t cue_end, size_t end,
                                 const cue_form *form, bool *direct)
{
    size_t k = cue_end;
    *direct = false;
    bool marked = false;
    if (form->infinitive && k + 1 < end && tok_is(c, k, "to") && is_word(c, k + 1))
        return k;
    if (form->object) {
        /* "told reporters", "told the BBC", "told a parliamentary hearing two weeks ago that",
         * "told The Post he was", "urged Israel to halt": an object of up to ten tokens, then
         * a complement */
        size_t limit = k + 10 < end ? k + 10 : end;
        for (size_t j = k; j < limit; j++) {
            /* "called the businessman “unhinged”", "blamed the law on “knuckleheaded
             * politicians”": a short quotation after the object is part of what is said about
             * it; the object belongs to the content */
            if (j > k && attribution_is_opening_quote(c, j) && is_word(c, j - 1) &&
                c->quote_end[j] > (int32_t)j && c->quote_end[j] - (int32_t)j <= 8)
                return k;
            if (tok_is(c, j, "that") || is_punct(c, j, ':') || attribution_is_opening_quote(c, j) ||
                (is_punct(c, j, ',') && j + 1 < end && attribution_is_opening_quote(c, j + 1))) {
                k = j;
                break;
            }
            if (form->infinitive && j > k && tok_is(c, j, "to") && j + 1 < end &&
                (c->tokens[j + 1].kind == TOKEN_WORD || attribution_is_opening_quote(c, j + 1)))
                return k; /* the object belongs to the content: "urged Israel to halt",
                             "asking supporters to “donate $3 ...”" */
            /* "asked Sanders how he was feeling": a wh-clause after the object */
            if (j > k && (form->cue_class == CUE_SPEECH || form->cue_class == CUE_BELIEF) &&
                TOK_IN(c, j, attribution_wh_words) && j + 1 < end && is_word(c, j + 1))
                return j;
            /* a subject pronoun after the object starts a clause: "told CNN he would" */
            if (j > k && TOK_IN(c, j, attribution_pronouns) && !tok_is(c, j, "it") &&
                is_word(c, j - 1) && !TOK_IN(c, j - 1, attribution_determiners) && j + 1 < end &&
                c->tokens[j + 1].kind == TOKEN_WORD)
                return j;
            /* "told POLITICO Florida the state's standards are not perfect": a clause with a
             * noun phrase subject after the object (not after a verb: "told reporters her
             * members never met the owners and said the strike ..." - the object has no verb) */
            if (j > k && tok_is(c, j, "the") && is_word(c, j - 1) &&
                !TOK_IN(c, j - 1, attribution_determiners) && c->tokens[j - 1].upos != UPOS_ADP &&
                c->tokens[j - 1].upos != UPOS_VERB && c->tokens[j - 1].upos != UPOS_AUX &&
                attribution_bare_clause(c, j, end))
                return j;
            /* "told reporters this was the only chance", "told CNN there were": a demonstrative
             * or expletive subject before an auxiliary */
            if (j > k && j + 1 < end &&
                (tok_is(c, j, "it") || tok_is(c, j, "this") || tok_is(c, j, "there") ||
                 tok_is(c, j, "these") || tok_is(c, j, "those")) &&
                is_word(c, j - 1) && !TOK_IN(c, j - 1, attribution_determiners) &&
                c->tokens[j - 1].upos != UPOS_ADP && c->tokens[j - 1].upos != UPOS_VERB &&
                (c->tokens[j + 1].upos == UPOS_AUX || c->tokens[j + 1].upos == UPOS_VERB))
                return j;
            if (is_punct(c, j, ',') || attribution_is_final_punct(c, j))
                break;
        }
    }
    k = attribution_skip_time(c, k, end);
    /* "said during a rally in Michigan that", "said on its website that", "tweeted in the early
     * morning hours that", "said at a stop in Toledo, Ohio, that": a setting phrase before
     * "that" is neither cue nor content */
    if (k < end && c->tokens[k].upos == UPOS_ADP && !tok_is(c, k, "that") && !tok_is(c, k, "for") &&
        !tok_is(c, k, "of") && !tok_is(c, k, "about") && !tok_is(c, k, "to"))
        for (size_t j = k + 1; j < end && j < k + 16; j++) {
            /* "promised Sunday at a Las Vegas rally to end the program" */
            if (form->infinitive && tok_is(c, j, "to") && j + 1 < end &&
                c->tokens[j + 1].kind == TOKEN_WORD && c->tokens[j + 1].upos == UPOS_VERB)
                return j;
            if (tok_is(c, j, "that")) {
                bool clause =
                    j + 1 < end && (is_word(c, j + 1) || attribution_is_opening_quote(c, j + 1) ||
                                    is_punct(c, j + 1, ','));
                /* "..., Ohio, that": a comma before "that" closes a place, not a clause */
                if (clause && (!is_punct(c, j - 1, ',') ||
                               (j > k + 2 && c->tokens[j - 2].kind != TOKEN_PUNCT)))
                    k = j;
                break;
            }
            if (c->tokens[j].upos == UPOS_VERB || c->tokens[j].upos == UPOS_AUX ||
                TOK_IN(c, j, attribution_pronouns) || attribution_is_final_punct(c, j) ||
                c->tokens[j].kind == TOKEN_QUOTE || is_punct(c, j, ':') || is_punct(c, j, ';'))
                break;
        }
    /* "asked whether", "asked Sanders how he was", "explained why": a question or wh-clause
     * is what is said (or known) */
    bool wh_class = form->cue_class == CUE_SPEECH || form->cue_class == CUE_BELIEF;
    if (wh_class && form->object)
        for (size_t j = k; j < k + 6 && j + 1 < end; j++) {
            if (is_punct(c, j, ',') || attribution_is_final_punct(c, j) || tok_is(c, j, "that"))
                break;
            if (TOK_IN(c, j, attribution_wh_words) && is_word(c, j + 1) &&
                (j == k || !TOK_IN(c, j - 1, attribution_determiners))) {
                k = j;
                break;
            }
        }
    if (wh_class && k + 1 < end && TOK_IN(c, k, attribution_wh_words) && is_word(c, k + 1))
        marked = true;
    /* "called for reducing the tax", "pressed for talks": a demand's object is its content */
    if (form->cue_class == CUE_SPEECH && k == cue_end && k > 0 && tok_is(c, k - 1, "for") &&
        k < end && is_word(c, k) && !TOK_IN(c, k, attribution_day_words))
        marked = true;
    /* "complained about his mic", "responded to the charge", "warned of a crisis": after a
     * preposition the cue group took, its object is the content PolNeAR draws */
    if (k == cue_end && k > 0 && k < end && is_word(c, k) && !TOK_IN(c, k, attribution_day_words) &&
        took_particle(c, form, k - 1))
        marked = true;
    /* "added, though, that": an interrupter between commas stands between cue and content */
    if (k + 2 < end && is_punct(c, k, ',') && TOK_IN(c, k + 1, attribution_interrupters)) {
        size_t j = k + 1;
        while (j < end && j < k + 4 && TOK_IN(c, j, attribution_interrupters))
            j++;
        if (j + 1 < end && is_punct(c, j, ',') &&
            (tok_is(c, j + 1, "that") || attribution_is_opening_quote(c, j + 1)))
            k = j + 1;
    }
    if (k < end && (is_punct(c, k, ':') || is_punct(c, k, ','))) {
        if (k + 1 < end && attribution_is_opening_quote(c, k + 1)) {
            k++;
            marked = true;
        } else if (is_punct(c, k, ':')) {
            k++;
            marked = true;
        }
    }
    if (k < end && tok_is(c, k, "that") && !(k + 1 < end && is_punct(c, k + 1, '.'))) {
        marked = true; /* the content keeps its "that", as PolNeAR draws it */
    }
    if (k < end && attribution_is_opening_quote(c, k)) {
        *direct = true;
        return k;
    }
    if (form->infinitive && k + 1 < end && tok_is(c, k, "to") && is_word(c, k + 1))
        return k;
    if (form->strict && !marked && !attribution_bare_clause(c, k, end))
        return SIZE_MAX;
    return k;
}

/* Participles that open a new frame of the same source: ", saying ...", ", adding ...". */
static bool participle_cue(const frame_ctx *c, size_t k)
{
    slice w = tok(c, k);
    if (w.len < 5 || !slice_ends_with(w, "ing"))
        return false;
    const cue_form *form = cues_find(c->cues, w.ptr, w.len);
    return form != NULL;
}

size_t attribution_content_end(const frame_ctx *c, size_t k, size_t end)
{
    for (size_t j = k + 1; j + 1 < end; j++) {
        if (c->quote_end[j] >= 0) {
            j = (size_t)c->quote_end[j];
            /* "that he has “expanded the Republican party,” claiming that ...": the comma
             * inside the closing mark ends the clause as well */
            if (j + 1 < end && j > 0 && is_punct(c, j - 1, ',') &&
                (participle_cue(c, j + 1) ||
                 (tok_is(c, j + 1, "according") && j + 2 < end && tok_is(c, j + 2, "to"))))
                return j + 1;
            continue;
        }
        /* "...; the Center for Federal Tax Policy puts the figure at": a new clause */
        if (is_punct(c, j, ';'))
            return j;
        if (!is_punct(c, j, ',') && c->tokens[j].kind != TOKEN_DASH)
            continue;
        if (participle_cue(c, j + 1))
            return j;
        /* "the health of Donald Trump, who is 70", "..., which the Supreme Court upheld": a
         * relative clause that closes the sentence is the writer's aside */
        if (is_punct(c, j, ',') && (tok_is(c, j + 1, "who") || tok_is(c, j + 1, "which")) &&
            attribution_comma_outside_quotes(c, j + 2, end) == end)
            return j;
        /* "... in his hands, which he said were at his side when ...": a relative clause that
         * reports has a frame of its own, which PolNeAR draws outside this content */
        if (is_punct(c, j, ',') && (tok_is(c, j + 1, "who") || tok_is(c, j + 1, "which")) &&
            attribution_reporting_relative(c, j + 1, end))
            return j;
        if (tok_is(c, j + 1, "according") && j + 2 < end && tok_is(c, j + 2, "to"))
            return j;
        /* "..., but that wasn't the case", "..., but her plan would require ...": a clause
         * of its own after ", but" is the writer's */
        if (is_punct(c, j, ',') && j + 3 < end && tok_is(c, j + 1, "but") &&
            !(c->tokens[j + 1].flags & TOKEN_UPPER)) {
            bool subject = false, finite = false;
            for (size_t x = j + 2; x < end && x < j + 7 && !finite; x++) {
                if (c->tokens[x].upos == UPOS_AUX ||
                    (c->tokens[x].upos == UPOS_VERB && !slice_ends_with(tok(c, x), "ing")))
                    finite = subject;
                else if (c->tokens[x].upos == UPOS_NOUN || c->tokens[x].upos == UPOS_PROPN ||
                         c->tokens[x].upos == UPOS_PRON)
                    subject = true;
                else if (!is_word(c, x) || c->tokens[x].upos == UPOS_ADP)
                    break;
            }
            if (finite)
                return j;
        }
        /* "..., compared with 64 percent who say the same of Sanders", "..., despite a small
         * number of complaints": the writer's comparison or concession (PolNeAR train: 10 of
         * 16 and 9 of 15 left out) */
        if (is_punct(c, j, ',') && j + 2 < end &&
            ((tok_is(c, j + 1, "compared") &&
              (tok_is(c, j + 2, "with") || tok_is(c, j + 2, "to"))) ||
             tok_is(c, j + 1, "despite")))
            return j;
        /* "..., a swipe at the recent disturbances", "Bush, the former Florida governor": a
         * noun phrase without a finite verb that closes the sentence is the writer's aside */
        if (is_punct(c, j, ',') && j + 2 < end &&
            (tok_is(c, j + 1, "a") || tok_is(c, j + 1, "an") || tok_is(c, j + 1, "the")) &&
            attribution_comma_outside_quotes(c, j + 2, end) == end) {
            bool finite = false;
            for (size_t x = j + 2; x < end && !finite; x++)
                finite = c->tokens[x].upos == UPOS_AUX ||
                         (c->tokens[x].upos == UPOS_VERB && !slice_ends_with(tok(c, x), "ing") &&
                          !slice_ends_with(tok(c, x), "ed")) ||
                         c->tokens[x].kind == TOKEN_QUOTE;
            if (!finite)
                return j;
        }
    }
    return end;
}

size_t attribution_after_object(const frame_ctx *c, size_t k, size_t last)
{
    for (size_t j = k; j < last && j < k + 10; j++) {
        if (tok_is(c, j, "to") && j + 1 < last && c->tokens[j + 1].upos == UPOS_VERB)
            return j;
        if (j > k && tok_is(c, j, "of")) {
            /* "accused Pakistan of", "accused him of": after a name or a pronoun "of" opens
             * the complement; "the deaths of two soldiers" goes on */
            upos_tag p = (upos_tag)c->tokens[j - 1].upos;
            if (p == UPOS_PROPN || p == UPOS_PRON)
                return j;
            continue;
        }
        if (j > k && c->tokens[j].upos == UPOS_ADP && !tok_is(c, j, "'s") && !tok_is(c, j, "’s"))
            return j;
        if (c->tokens[j].kind == TOKEN_PUNCT || c->tokens[j].kind == TOKEN_QUOTE ||
            c->tokens[j].upos == UPOS_VERB || c->tokens[j].upos == UPOS_AUX)
            break;
    }
    return last;
}

void attribution_fronted_relative(const frame_ctx *c, attribution *f, size_t src_s, size_t cue_end)
{
    f->fronted.start = f->fronted.end = 0;
    if (f->direct || src_s == 0 || f->content.end <= f->content.start ||
        f->continuation_last > f->continuation_first || f->content_first < cue_end)
        return;
    size_t w = src_s - 1;
    if (tok_is(c, w, "which") || tok_is(c, w, "what") || tok_is(c, w, "who") ||
        tok_is(c, w, "whom"))
        attribution_set_span(c, &f->fronted, w, w + 1);
}

/* "those worries on Sunday at a university forum", "Clinton during a rally Friday", "a new
 * nickname in a Sunday tweet": the end of a noun-phrase content before a time phrase or a
 * setting (the act's, not the content's); e when the content holds a verb. */
size_t attribution_np_content_end(const frame_ctx *c, size_t k, size_t e)
{
    for (size_t j = k + 1; j < e; j++) {
        if (c->tokens[j].upos == UPOS_VERB || c->tokens[j].upos == UPOS_AUX ||
            c->tokens[j].kind == TOKEN_QUOTE || tok_is(c, j, "that"))
            return e;
        if (tok_is(c, j, "during"))
            return j;
        size_t n = time_phrase_at(c, j, e);
        if (n && !is_capitalised(c, j) &&
            (j + n == e || !is_word(c, j + n) || c->tokens[j + n].upos == UPOS_ADP))
            return j;
        if ((tok_is(c, j, "in") || tok_is(c, j, "at") || tok_is(c, j, "on")) && j + 2 < e) {
            for (size_t x = j + 1; x < e && x < j + 5; x++) {
                if (TOK_IN(c, x, attribution_setting_heads))
                    return j;
                if (!is_word(c, x))
                    break;
            }
        }
    }
    return e;
}
