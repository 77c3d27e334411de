/* around.c - the words around a reporting cue (attribution stage): whether the phrase after an
 * inverted cue can be a speaker, whether what follows a cue is only a trailing phrase or an
 * object, where a parenthetical cue splits its content, headlines, possessives, titles and
 * noun phrases. frames.c asks these questions of every cue it reads.
 */
#include "attribution_internal.h"

/* Is the sentence a title-case headline ("Trump Says He Will Win")? There a capital letter
 * does not make a cue a name. */
bool attribution_title_case(const frame_ctx *c, size_t first, size_t end)
{
    size_t words = 0, upper = 0;
    for (size_t i = first; i < end; i++)
        if (c->tokens[i].kind == TOKEN_WORD && c->tokens[i].end - c->tokens[i].start > 3) {
            words++;
            upper += (c->tokens[i].flags & TOKEN_UPPER) != 0;
        }
    return words >= 3 && upper * 10 >= words * 8;
}

/* "Sunday’s", "MSNBC's": a possessive ending, not the auxiliary of "he's going". */
bool attribution_possessive(const frame_ctx *c, size_t k)
{
    return k > 0 && (tok_is(c, k, "'s") || tok_is(c, k, "’s")) &&
           c->tokens[k].start == c->tokens[k - 1].end && is_word(c, k - 1) &&
           !TOK_IN(c, k - 1, attribution_pronouns) && !tok_is(c, k - 1, "that") &&
           !tok_is(c, k - 1, "there") && !tok_is(c, k - 1, "what") && !tok_is(c, k - 1, "who");
}

/* A lower-case word the tagger may read as a verb right before a name ("host" in "MSNBC host
 * Chris Matthews", "aide" in "campaign aide John Smith"): a title, when it has no verb ending. */
bool attribution_title_word(const frame_ctx *c, size_t k, size_t e)
{
    if (k + 1 >= e || !is_word(c, k) || (c->tokens[k].flags & TOKEN_UPPER) ||
        c->tokens[k].upos != UPOS_VERB || !is_capitalised(c, k + 1) ||
        TOK_IN(c, k, attribution_auxiliaries))
        return false;
    slice w = tok(c, k);
    return w.len > 2 && !slice_ends_with(w, "ed") && !slice_ends_with(w, "ing") &&
           !slice_ends_with(w, "s");
}

/* "said retired Army Col. Dana Whitfield", "said the printed campaign flyer", "said Ohio-based
 * strategist Tom Brill": a participle before the noun it describes, first in the phrase (or
 * after its determiner, or the second half of a hyphenated word), is no verb of a clause. */
static bool participle_before_noun(const frame_ctx *c, size_t s, size_t k, size_t e)
{
    if (k + 1 >= e || !is_word(c, k) || (c->tokens[k].flags & TOKEN_UPPER) ||
        !slice_ends_with(tok(c, k), "ed") || tok(c, k).len < 5 || !is_word(c, k + 1))
        return false;
    if (!(k == s || (k == s + 1 && TOK_IN(c, s, attribution_determiners)) ||
          (k > s && is_punct(c, k - 1, '-'))))
        return false;
    const token *next = &c->tokens[k + 1];
    return (next->flags & TOKEN_UPPER) || next->upos == UPOS_NOUN || next->upos == UPOS_PROPN ||
           next->upos == UPOS_ADJ;
}

/* The phrase after an inverted cue must look like a speaker ("said Smith", "said the
 * official, who ..."), not a clause ("said the vessel had been hit", "adding about 10 days"):
 * it starts with a capitalised word or a determiner, holds no verb, and the cue is not an
 * -ing form. */
bool attribution_inverted_source_ok(const frame_ctx *c, size_t cue, size_t s, size_t e)
{
    slice word = tok(c, cue);
    if (word.len > 4 && memcmp(word.ptr + word.len - 3, "ing", 3) == 0)
        return false;
    if (!is_capitalised(c, s) && !tok_is(c, s, "the") && !tok_is(c, s, "a") &&
        !tok_is(c, s, "an") && !tok_is(c, s, "one") && !tok_is(c, s, "another")) {
        /* "said 9/11 widow Terry Strada", "said former senator Bob Dole": a lower-case title
         * or description before the name */
        size_t k = s;
        while (k < e && k < s + 5 && !is_capitalised(c, k) &&
               (c->tokens[k].kind == TOKEN_NUMBER || is_punct(c, k, '/') ||
                attribution_title_word(c, k, e) || participle_before_noun(c, s, k, e) ||
                (is_word(c, k) && c->tokens[k].upos != UPOS_VERB && c->tokens[k].upos != UPOS_AUX &&
                 c->tokens[k].upos != UPOS_ADP && c->tokens[k].upos != UPOS_DET &&
                 c->tokens[k].upos != UPOS_PRON && c->tokens[k].upos != UPOS_CCONJ &&
                 c->tokens[k].upos != UPOS_SCONJ && c->tokens[k].upos != UPOS_PART &&
                 !TOK_IN(c, k, attribution_time_words) && !TOK_IN(c, k, attribution_day_words))) &&
               !TOK_IN(c, k, attribution_pronouns) && !TOK_IN(c, k, attribution_auxiliaries))
            k++;
        if (k == s || k >= e || !is_capitalised(c, k))
            return false;
    }
    for (size_t k = s; k < e; k++) {
        /* an apposition, a relative clause or a parenthesis may hold anything: "said Smith,
         * who ...", "said the man who built ...", "said Mr. Burman (a view echoed by ...)" */
        if (is_punct(c, k, ',') || is_punct(c, k, '(') ||
            (k > s && (tok_is(c, k, "who") || tok_is(c, k, "whose"))))
            break;
        if (attribution_possessive(c, k)) /* "said Clinton's top aide Jake Sullivan" */
            continue;
        /* "said Judicial Watch President Tom Fitton": a capitalised word inside a name is
         * no verb, whatever the tagger read */
        if (k > s && is_capitalised(c, k) && is_capitalised(c, k - 1))
            continue;
        if (attribution_title_word(c, k, e) || /* "said MSNBC host Chris Matthews" */
            participle_before_noun(c, s, k, e))
            continue;
        if (TOK_IN(c, k, attribution_auxiliaries) || c->tokens[k].upos == UPOS_VERB ||
            c->tokens[k].upos == UPOS_AUX)
            return false;
    }
    return e > s;
}

/* Is the source a document ("a new poll", "A Monmouth poll out Monday", "the average of
 * recent polls") or a news outlet ("The New York Times", "CNN")? A document head among its
 * first words. */
bool attribution_document_source(const frame_ctx *c, size_t s, size_t e)
{
    for (size_t k = s; k < e && k < s + 6; k++) {
        if (TOK_IN(c, k, attribution_document_heads) ||
            (is_capitalised(c, k) && TOK_IN(c, k, attribution_outlet_heads)))
            return true;
        if (c->tokens[k].upos == UPOS_ADP && !tok_is(c, k, "of"))
            return false;
    }
    return false;
}

/* The end of an object content [k, e) of the cue at i: before "and" or "but" and a verb of
 * the cue's tense ("accused X of Y and recalled ...", "praises X but warns ..."). */
size_t attribution_object_end(const frame_ctx *c, size_t i, size_t k, size_t e)
{
    slice cue = tok(c, i);
    bool past = slice_ends_with(cue, "ed"), present = !past && slice_ends_with(cue, "s");
    for (size_t x = k + 1; x + 1 < e; x++) {
        if (c->quote_end[x] >= 0) {
            x = (size_t)c->quote_end[x];
            continue;
        }
        if (!tok_is(c, x, "and") && !tok_is(c, x, "but"))
            continue;
        size_t v = x + 1;
        if (v + 1 < e && c->tokens[v].upos == UPOS_ADV)
            v++;
        slice w = tok(c, v);
        if (c->tokens[v].upos != UPOS_VERB || (c->tokens[v].flags & TOKEN_UPPER) ||
            !((past && slice_ends_with(w, "ed")) || (present && slice_ends_with(w, "s"))))
            continue;
        return x > k + 1 && is_punct(c, x - 1, ',') ? x - 1 : x;
    }
    return e;
}

/* Does a noun phrase start at k ("the deal", "those worries", "Bob's account")? */
bool attribution_np_starts(const frame_ctx *c, size_t k, size_t end)
{
    if (k + 1 >= end || !is_word(c, k) || tok_is(c, k, "that"))
        return false;
    upos_tag p = (upos_tag)c->tokens[k].upos;
    return TOK_IN(c, k, attribution_determiners) || p == UPOS_NOUN || p == UPOS_PROPN ||
           p == UPOS_NUM || (p == UPOS_ADJ && c->tokens[k + 1].upos == UPOS_NOUN);
}

/* "“...,” Ramos, 58, told AFP": the comma before the cue closes an apposition of the source
 * before it, so the cue is no inverted one. */
bool attribution_apposition_before(const frame_ctx *c, size_t first, size_t i)
{
    if (i < first + 4 || !is_punct(c, i - 1, ','))
        return false;
    size_t head;
    size_t s = attribution_source_start(c, first, i, &head);
    return s < head && head < i - 1 && is_capitalised(c, s) && is_punct(c, head, ',') &&
           (s == first || is_punct(c, s - 1, ',') || attribution_is_closing_quote(c, s - 1));
}

/* Does the sentence open with a subordinate clause ("While ...", "Although ...")? */
bool attribution_is_subordinator(const frame_ctx *c, size_t k)
{
    return tok_is(c, k, "while") || tok_is(c, k, "although") || tok_is(c, k, "though") ||
           tok_is(c, k, "whereas") || tok_is(c, k, "if") || tok_is(c, k, "because") ||
           tok_is(c, k, "since") || tok_is(c, k, "as") || tok_is(c, k, "when") ||
           tok_is(c, k, "after") || tok_is(c, k, "before") || tok_is(c, k, "unless");
}

bool attribution_clause_has_comma(const frame_ctx *c, size_t s, size_t e)
{
    for (size_t k = s; k < e; k++)
        if (is_punct(c, k, ','))
            return true;
    return false;
}

/* A source of one word must be able to name someone: not "off" ("put off deciding"), "to" or
 * "because" - the tagger's particles, prepositions and conjunctions. */
bool attribution_plausible_source(const frame_ctx *c, size_t s, size_t e)
{
    if (e != s + 1 || is_capitalised(c, s) || TOK_IN(c, s, attribution_pronouns))
        return true;
    upos_tag p = (upos_tag)c->tokens[s].upos;
    return p != UPOS_ADP && p != UPOS_PART && p != UPOS_CCONJ && p != UPOS_SCONJ && p != UPOS_AUX &&
           p != UPOS_ADV && p != UPOS_DET && p != UPOS_PUNCT;
}

/* A stop, a quotation mark or a possessive ending: nothing a trailing phrase counts. */
static bool trailing_mark(const frame_ctx *c, size_t k)
{
    return attribution_is_final_punct(c, k) || c->tokens[k].kind == TOKEN_QUOTE ||
           attribution_possessive(c, k);
}

/* Is everything from k to the sentence end a trailing adverbial ("on Monday", "in a
 * statement", "last week")? Then a cue before it ends the sentence. */
bool attribution_only_trailing(const frame_ctx *c, size_t k, size_t end, size_t limit, bool quoted)
{
    size_t words = 0;
    for (; k < end; k++) {
        if (trailing_mark(c, k))
            continue;
        if (is_punct(c, k, ',') || c->tokens[k].kind == TOKEN_DASH) {
            /* "“A,” Mr. Autor said, “and B.”": the second part goes on with the first */
            if (quoted && k + 1 < end && attribution_is_opening_quote(c, k + 1))
                return true;
            /* "“A,” Cruz said, adding: “B.”": the participle has a frame of its own; "“A?”
             * Trump asked, looking far from displeased.": a participle phrase describes the
             * speaker */
            if (k + 1 < end && slice_ends_with(tok(c, k + 1), "ing") &&
                (cues_find(c->cues, tok(c, k + 1).ptr, tok(c, k + 1).len) ||
                 (c->tokens[k + 1].upos == UPOS_VERB && !(c->tokens[k + 1].flags & TOKEN_UPPER))))
                return true;
            /* "“A,” she said, clapping.", "“A?” she said, but Kevin was drifting off": after a
             * quotation a comma right after the cue closes the frame */
            if (quoted && words == 0)
                return true;
            return words > 0;
        }
        /* "“A,” Christie said when asked whether ...": the question has a frame of its own */
        if ((tok_is(c, k, "when") || tok_is(c, k, "if") || tok_is(c, k, "after")) && k + 1 < end &&
            tok_is(c, k + 1, "asked"))
            return true;
        /* "in a written statement", "in a televised address": a participle inside */
        if (tok_is(c, k, "in")) {
            size_t past = attribution_skip_time(c, k, end);
            if (past > k + 2) {
                words += past - k;
                k = past - 1;
                continue;
            }
        }
        /* a clause is content, not a trailing phrase: "said it would increase patrols" */
        if (TOK_IN(c, k, attribution_time_words)) { /* "he said then", "she said later" */
            words++;
            continue;
        }
        if (TOK_IN(c, k, attribution_auxiliaries) || TOK_IN(c, k, attribution_pronouns) ||
            tok_is(c, k, "that") || c->tokens[k].upos == UPOS_VERB || c->tokens[k].upos == UPOS_AUX)
            return false;
        if (++words > limit)
            return false;
    }
    return true;
}

/* "CLAUSE, SOURCE CUE (trailing phrase), CLAUSE.": the reported clause is split around its
 * source and cue. Returns the first token of the second part, or SIZE_MAX. The first part must
 * hold a verb (not "Later, he said, ...") and the second must not open a new frame. */
size_t attribution_parenthetical_rest(const frame_ctx *c, size_t first, size_t src_s,
                                      size_t cue_end, size_t end)
{
    bool verb = false;
    for (size_t k = first; k < src_s; k++)
        verb |= c->tokens[k].upos == UPOS_VERB || c->tokens[k].upos == UPOS_AUX;
    size_t k = cue_end;
    for (size_t words = 0; k < end && !is_punct(c, k, ','); k++, words++)
        if (words >= 8 || c->tokens[k].upos == UPOS_VERB || c->tokens[k].upos == UPOS_AUX ||
            c->tokens[k].kind == TOKEN_QUOTE || attribution_is_final_punct(c, k) ||
            tok_is(c, k, "that"))
            return SIZE_MAX;
    k++;
    if (k + 3 > end || !is_word(c, k) || attribution_is_opening_quote(c, k) ||
        (tok_is(c, k, "according") && k + 1 < end && tok_is(c, k + 1, "to")))
        return SIZE_MAX;
    slice w = tok(c, k);
    if (slice_ends_with(w, "ing") && cues_find(c->cues, w.ptr, w.len))
        return SIZE_MAX;
    /* "This campaign, he says, is different", "The trouble, Frank writes, began in ...": a
     * subject before the cue and its predicate after it (not "Later, he said, ...") */
    if (!verb) {
        size_t p = k;
        while (p < end && c->tokens[p].upos == UPOS_ADV)
            p++;
        bool subject = false;
        for (size_t x = first; x < src_s && !subject; x++)
            subject = c->tokens[x].upos == UPOS_NOUN || c->tokens[x].upos == UPOS_PROPN ||
                      c->tokens[x].upos == UPOS_PRON;
        if (!subject || p >= end || c->tokens[first].upos == UPOS_ADP ||
            c->tokens[first].upos == UPOS_ADV ||
            (c->tokens[p].upos != UPOS_VERB && c->tokens[p].upos != UPOS_AUX) ||
            slice_ends_with(tok(c, p), "ing"))
            return SIZE_MAX;
    }
    /* "..., he said, and the crowd cheered": a coordinated clause is not reported */
    if (tok_is(c, k, "and") || tok_is(c, k, "but") || tok_is(c, k, "who") ||
        tok_is(c, k, "which") || tok_is(c, k, "while") || tok_is(c, k, "as"))
        return SIZE_MAX;
    return k;
}

/* After "“CONTENT,” SOURCE told": is the rest of the sentence only the object ("told
 * cheering supporters in St. Augustine.")? Up to ten words, no clause. */
bool attribution_trailing_object(const frame_ctx *c, size_t k, size_t end, size_t limit)
{
    size_t words = 0;
    for (; k < end; k++) {
        if (trailing_mark(c, k))
            continue;
        if (is_punct(c, k, ','))
            return words > 0;
        if (tok_is(c, k, "that") || TOK_IN(c, k, attribution_auxiliaries) ||
            (TOK_IN(c, k, attribution_pronouns) && !tok_is(c, k, "it") && !tok_is(c, k, "you")))
            return false;
        if (++words > limit)
            return false;
    }
    return words > 0;
}

/* Does a closing quotation mark (and commas or a dash) stand right before the source at
 * src_s? "“A,” Clinton told reporters Friday at a convention of ... in Washington." */
bool attribution_after_quotation(const frame_ctx *c, size_t first, size_t src_s)
{
    size_t b = src_s;
    while (b > first && (is_punct(c, b - 1, ',') || c->tokens[b - 1].kind == TOKEN_DASH))
        b--;
    if (b > first)
        return attribution_is_closing_quote(c, b - 1);
    return b > 0 && attribution_is_closing_quote(c, b - 1);
}

/* Does a complement marker ("that", a colon, a quotation) follow the cue? Then the cue leads
 * its content ("X, a spokesman, told reporters that ..."), it does not close it. */
bool attribution_marked_complement(const frame_ctx *c, size_t cue_end, size_t end,
                                   const cue_form *form)
{
    cue_form strict = *form;
    strict.strict = true;
    strict.infinitive = false;
    bool direct;
    return attribution_content_start(c, cue_end, end, &strict, &direct) != SIZE_MAX;
}

/* "Russia's foreign ministry called the measures illegal and said ...": the subject of a
 * second verb is the subject of the first: the end of the phrase before the first verb of the
 * clause, or `first` (no source) when there is none within eight tokens. */
size_t attribution_coordinated_subject_end(const frame_ctx *c, size_t first, size_t and_index)
{
    size_t found = first;
    /* "In an interview Thursday, the senator criticized ... and said": past a leading phrase */
    size_t from = first;
    if (c->tokens[first].upos == UPOS_ADP || c->tokens[first].upos == UPOS_SCONJ)
        for (size_t j = first + 1; j < and_index && j < first + 10; j++)
            if (is_punct(c, j, ',')) {
                from = j + 1;
                break;
            }
    size_t limit = from + 8;
    for (size_t j = from + 1; j < and_index && j < limit; j++) {
        /* "Mr. Sanders, whose only win came in Rhode Island, did not attack ... but argued":
         * a relative clause or an apposition between commas is the subject's */
        if (is_punct(c, j, ',') && j + 1 < and_index &&
            (tok_is(c, j + 1, "who") || tok_is(c, j + 1, "whose") || tok_is(c, j + 1, "which") ||
             tok_is(c, j + 1, "a") || tok_is(c, j + 1, "an") || tok_is(c, j + 1, "the"))) {
            size_t close = j + 2;
            while (close < and_index && close < j + 25 && !is_punct(c, close, ',') &&
                   !attribution_is_final_punct(c, close))
                close++;
            if (close < and_index && is_punct(c, close, ',')) {
                limit += close - j;
                j = close;
                continue;
            }
        }
        const token *t = &c->tokens[j];
        if (t->kind != TOKEN_WORD || (t->flags & TOKEN_UPPER))
            continue;
        slice w = tok(c, j);
        if (t->upos == UPOS_VERB || t->upos == UPOS_AUX ||
            (t->upos == UPOS_NONE && w.len > 3 && slice_ends_with(w, "ed"))) {
            found = j;
            break;
        }
    }
    if (found == first)
        return first;
    /* "Merrill says Machado promised to help and said ...": a later clause with a named
     * subject of its own is the nearer conjunct */
    for (size_t j = and_index - 1; j > found + 1; j--)
        if (c->tokens[j].upos == UPOS_VERB && !(c->tokens[j].flags & TOKEN_UPPER) &&
            c->tokens[j - 1].upos == UPOS_PROPN && is_capitalised(c, j - 1)) {
            found = j;
            break;
        }
    /* "Democrats also described ...": an adverb before the verb is not the subject's */
    while (found > first + 1 && TOK_IN(c, found - 1, attribution_auxiliaries))
        found--;
    return found;
}

bool attribution_is_be(const frame_ctx *c, size_t i)
{
    return tok_is(c, i, "is") || tok_is(c, i, "are") || tok_is(c, i, "was") ||
           tok_is(c, i, "were") || tok_is(c, i, "be") || tok_is(c, i, "been") ||
           tok_is(c, i, "being") || tok_is(c, i, "'s") || tok_is(c, i, "’s") ||
           tok_is(c, i, "'re") || tok_is(c, i, "’re");
}
