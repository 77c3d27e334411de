/* frames.c - finding reporting frames in a sentence (attribution stage). For every reporting
 * cue (data/cues/reporting.txt) the frame around it is read in the forms news uses: "SOURCE
 * CUE (that) CONTENT", "CONTENT, SOURCE CUE.", "“CONTENT,” CUE SOURCE", "SOURCE CUE:
 * “CONTENT”" (a quotation may run over several sentences), "according to SOURCE, CONTENT",
 * "SOURCE: CONTENT" (headlines and transcripts) and "In a new poll, CONTENT".
 */
#include "attribution_internal.h"

sitrep_status attribution_push(arena *a, frame_list *list, const attribution *f)
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

/* Is the sentence a title-case headline ("Trump Says He Will Win")? There a capital letter
 * does not make a cue a name. */
static bool title_case(const frame_ctx *c, size_t first, size_t end)
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
static bool possessive(const frame_ctx *c, size_t k)
{
    return k > 0 && (tok_is(c, k, "'s") || tok_is(c, k, "’s")) &&
           c->tokens[k].start == c->tokens[k - 1].end && is_word(c, k - 1) &&
           !TOK_IN(c, k - 1, attribution_pronouns) && !tok_is(c, k - 1, "that") &&
           !tok_is(c, k - 1, "there") && !tok_is(c, k - 1, "what") && !tok_is(c, k - 1, "who");
}

/* A lower-case word the tagger may read as a verb right before a name ("host" in "MSNBC host
 * Chris Matthews", "aide" in "campaign aide John Smith"): a title, when it has no verb ending. */
static bool title_word(const frame_ctx *c, size_t k, size_t e)
{
    if (k + 1 >= e || !is_word(c, k) || (c->tokens[k].flags & TOKEN_UPPER) ||
        c->tokens[k].upos != UPOS_VERB || !is_capitalised(c, k + 1) ||
        TOK_IN(c, k, attribution_auxiliaries))
        return false;
    slice w = tok(c, k);
    return w.len > 2 && !slice_ends_with(w, "ed") && !slice_ends_with(w, "ing") &&
           !slice_ends_with(w, "s");
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
    if (!is_capitalised(c, s) && !tok_is(c, s, "the") && !tok_is(c, s, "a") &&
        !tok_is(c, s, "an") && !tok_is(c, s, "one") && !tok_is(c, s, "another")) {
        /* "said 9/11 widow Terry Strada", "said former senator Bob Dole": a lower-case title
         * or description before the name */
        size_t k = s;
        while (k < e && k < s + 5 && !is_capitalised(c, k) &&
               (c->tokens[k].kind == TOKEN_NUMBER || is_punct(c, k, '/') || title_word(c, k, e) ||
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
        if (possessive(c, k)) /* "said Clinton's top aide Jake Sullivan" */
            continue;
        /* "said Judicial Watch President Tom Fitton": a capitalised word inside a name is
         * no verb, whatever the tagger read */
        if (k > s && is_capitalised(c, k) && is_capitalised(c, k - 1))
            continue;
        if (title_word(c, k, e)) /* "said MSNBC host Chris Matthews" */
            continue;
        if (TOK_IN(c, k, attribution_auxiliaries) || c->tokens[k].upos == UPOS_VERB ||
            c->tokens[k].upos == UPOS_AUX)
            return false;
    }
    return e > s;
}

/* Is the source a document ("a new poll", "A Monmouth poll out Monday", "the average of
 * recent polls")? A document head among its first words. */
static bool document_source(const frame_ctx *c, size_t s, size_t e)
{
    for (size_t k = s; k < e && k < s + 6; k++) {
        if (TOK_IN(c, k, attribution_document_heads))
            return true;
        if (c->tokens[k].upos == UPOS_ADP && !tok_is(c, k, "of"))
            return false;
    }
    return false;
}

/* The end of an object content [k, e) of the cue at i: before "and" or "but" and a verb of
 * the cue's tense ("accused X of Y and recalled ...", "praises X but warns ..."). */
static size_t object_end(const frame_ctx *c, size_t i, size_t k, size_t e)
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
static bool np_starts(const frame_ctx *c, size_t k, size_t end)
{
    if (k + 1 >= end || !is_word(c, k) || tok_is(c, k, "that"))
        return false;
    upos_tag p = (upos_tag)c->tokens[k].upos;
    return TOK_IN(c, k, attribution_determiners) || p == UPOS_NOUN || p == UPOS_PROPN ||
           p == UPOS_NUM || (p == UPOS_ADJ && c->tokens[k + 1].upos == UPOS_NOUN);
}

/* "“...,” Ramos, 58, told AFP": the comma before the cue closes an apposition of the source
 * before it, so the cue is no inverted one. */
static bool apposition_before(const frame_ctx *c, size_t first, size_t i)
{
    if (i < first + 4 || !is_punct(c, i - 1, ','))
        return false;
    size_t head;
    size_t s = attribution_source_start(c, first, i, &head);
    return s < head && head < i - 1 && is_capitalised(c, s) && is_punct(c, head, ',') &&
           (s == first || is_punct(c, s - 1, ',') || attribution_is_closing_quote(c, s - 1));
}

/* Does the sentence open with a subordinate clause ("While ...", "Although ...")? */
static bool is_subordinator(const frame_ctx *c, size_t k)
{
    return tok_is(c, k, "while") || tok_is(c, k, "although") || tok_is(c, k, "though") ||
           tok_is(c, k, "whereas") || tok_is(c, k, "if") || tok_is(c, k, "because") ||
           tok_is(c, k, "since") || tok_is(c, k, "as") || tok_is(c, k, "when") ||
           tok_is(c, k, "after") || tok_is(c, k, "before") || tok_is(c, k, "unless");
}

/* The first comma in [from, end) outside quotation marks, or end. */
static size_t comma_outside_quotes(const frame_ctx *c, size_t from, size_t end)
{
    for (size_t j = from; j < end; j++) {
        if (c->quote_end[j] >= 0) {
            j = (size_t)c->quote_end[j];
            continue;
        }
        if (is_punct(c, j, ','))
            return j;
    }
    return end;
}

static bool clause_has_comma(const frame_ctx *c, size_t s, size_t e)
{
    for (size_t k = s; k < e; k++)
        if (is_punct(c, k, ','))
            return true;
    return false;
}

/* A source of one word must be able to name someone: not "off" ("put off deciding"), "to" or
 * "because" - the tagger's particles, prepositions and conjunctions. */
static bool plausible_source(const frame_ctx *c, size_t s, size_t e)
{
    if (e != s + 1 || is_capitalised(c, s) || TOK_IN(c, s, attribution_pronouns))
        return true;
    upos_tag p = (upos_tag)c->tokens[s].upos;
    return p != UPOS_ADP && p != UPOS_PART && p != UPOS_CCONJ && p != UPOS_SCONJ && p != UPOS_AUX &&
           p != UPOS_ADV && p != UPOS_DET && p != UPOS_PUNCT;
}

/* Is everything from k to the sentence end a trailing adverbial ("on Monday", "in a
 * statement", "last week")? Then a cue before it ends the sentence. */
static bool only_trailing(const frame_ctx *c, size_t k, size_t end, size_t limit, bool quoted)
{
    size_t words = 0;
    for (; k < end; k++) {
        if (attribution_is_final_punct(c, k) || c->tokens[k].kind == TOKEN_QUOTE)
            continue;
        if (possessive(c, k))
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
            return words > 0;
        }
        /* "“A,” Christie said when asked whether ...": the question has a frame of its own */
        if ((tok_is(c, k, "when") || tok_is(c, k, "if") || tok_is(c, k, "after")) &&
            k + 1 < end && tok_is(c, k + 1, "asked"))
            return true;
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
static size_t parenthetical_rest(const frame_ctx *c, size_t first, size_t src_s, size_t cue_end,
                                 size_t end)
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
        if (!subject || p >= end ||
            c->tokens[first].upos == UPOS_ADP || c->tokens[first].upos == UPOS_ADV ||
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
static bool trailing_object(const frame_ctx *c, size_t k, size_t end, size_t limit)
{
    size_t words = 0;
    for (; k < end; k++) {
        if (attribution_is_final_punct(c, k) || c->tokens[k].kind == TOKEN_QUOTE)
            continue;
        if (possessive(c, k))
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
static bool after_quotation(const frame_ctx *c, size_t first, size_t src_s)
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
static bool marked_complement(const frame_ctx *c, size_t cue_end, size_t end, const cue_form *form)
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
static size_t coordinated_subject_end(const frame_ctx *c, size_t first, size_t and_index)
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
    for (size_t j = from + 1; j < and_index && j < from + 8; j++) {
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

static bool is_be(const frame_ctx *c, size_t i)
{
    return tok_is(c, i, "is") || tok_is(c, i, "are") || tok_is(c, i, "was") ||
           tok_is(c, i, "were") || tok_is(c, i, "be") || tok_is(c, i, "been") ||
           tok_is(c, i, "being") || tok_is(c, i, "'s") || tok_is(c, i, "’s") ||
           tok_is(c, i, "'re") || tok_is(c, i, "’re");
}

/* The particle after a cue that belongs to its group ("called on", "warned of"), or 0. */
static size_t particle_after(const frame_ctx *c, const cue_form *form, size_t k, size_t end)
{
    if (!form->particles || k >= end)
        return 0;
    for (unsigned bit = 0; bit < CUE_PARTICLES; bit++)
        if ((form->particles >> bit & 1) && tok_is(c, k, cues_particle_name(bit)))
            return 1;
    return 0;
}

/* The cue form at token i, or NULL; *cue_end receives the token after the cue word(s). */
static const cue_form *cue_at(const frame_ctx *c, size_t i, size_t first, size_t end, bool headline,
                              size_t *cue_end)
{
    const token *t = &c->tokens[i];
    if (t->kind != TOKEN_WORD)
        return NULL;
    *cue_end = i + 1;
    const cue_form *form;
    if (tok_is(c, i, "according") && i + 1 < end && tok_is(c, i + 1, "to")) {
        *cue_end = i + 2;
        return cues_find(c->cues, "according_to", 12);
    }
    slice s = tok(c, i);
    form = cues_find(c->cues, s.ptr, s.len);
    if (!form)
        return NULL;
    /* a capitalised cue inside a sentence is a name: "Islamic State", "Reuters Reported" */
    if ((t->flags & TOKEN_UPPER) && i > first && c->tokens[i - 1].kind != TOKEN_QUOTE && !headline)
        return NULL;
    /* "He’s claiming": after a pronoun, 's is "is" or "has", whatever the tagger read */
    bool pronoun_aux =
        i > first + 1 && slice_ends_with(s, "ing") &&
        (tok_is(c, i - 1, "'s") || tok_is(c, i - 1, "’s")) &&
        (tok_is(c, i - 2, "he") || tok_is(c, i - 2, "she") || tok_is(c, i - 2, "it") ||
         tok_is(c, i - 2, "that") || tok_is(c, i - 2, "who"));
    /* "the claim", "a report", "his warning": a noun, not a reporting verb */
    if (i > first && !pronoun_aux && TOK_IN(c, i - 1, attribution_determiners))
        return NULL;
    /* "rejected claims that", "dismissed reports of": a plural noun, the object of a verb */
    if (i > first && slice_ends_with(s, "s") && !TOK_IN(c, i - 1, attribution_auxiliaries) &&
        (c->tokens[i - 1].upos == UPOS_VERB ||
         (slice_ends_with(tok(c, i - 1), "ed") &&
          cues_find(c->cues, tok(c, i - 1).ptr, tok(c, i - 1).len))))
        return NULL;
    /* "Trump asserts that", "AROS argues that": after a name or a subject pronoun and before
     * "that", a form ending in -s or -ed is the verb, whatever the tagger read */
    bool subject_verb = !form->verb_only && i > first && *cue_end + 1 < end &&
                        (slice_ends_with(s, "s") || slice_ends_with(s, "ed")) &&
                        (c->tokens[i - 1].upos == UPOS_PROPN || c->tokens[i - 1].upos == UPOS_NOUN ||
                         (TOK_IN(c, i - 1, attribution_pronouns) && !tok_is(c, i - 1, "it"))) &&
                        tok_is(c, *cue_end, "that") && is_word(c, *cue_end + 1);
    /* "Trump endorses Cruz", "Clinton plans to visit": after a name, an -s form before an
     * object or an infinitive is the verb */
    if (!subject_verb && i > first && *cue_end + 1 < end && slice_ends_with(s, "s") &&
        !slice_ends_with(s, "ss") && c->tokens[i - 1].upos == UPOS_PROPN &&
        !TOK_IN(c, i - 1, attribution_determiners) &&
        (c->tokens[*cue_end].upos == UPOS_PROPN || c->tokens[*cue_end].upos == UPOS_DET ||
         (tok_is(c, *cue_end, "to") && c->tokens[*cue_end + 1].upos == UPOS_VERB)))
        subject_verb = true;
    /* "Another tweeted": a past form is no noun */
    if (t->upos == UPOS_NOUN && slice_ends_with(s, "ed") && i > first &&
        !TOK_IN(c, i - 1, attribution_determiners))
        subject_verb = true;
    /* the tagger reads a noun or an adjective ("the alleged plot", "peace plans") */
    if (!pronoun_aux && !subject_verb && t->upos != UPOS_NONE && t->upos != UPOS_VERB &&
        t->upos != UPOS_AUX &&
        (form->verb_only || t->upos == UPOS_NOUN || t->upos == UPOS_PROPN || t->upos == UPOS_ADJ))
        return NULL;
    if (form->verb_only && t->upos == UPOS_NONE && (t->flags & TOKEN_UPPER))
        return NULL;
    size_t particle = particle_after(c, form, *cue_end, end);
    if (form->particle_only && !particle)
        return NULL; /* "fired back", "lashed out" - not "fired drones" */
    *cue_end += particle;
    return form;
}

/* After "asked" (and its particle, when `particle`: "asked about X"): an optional "by ASKER"
 * (the asker's tokens into *src_s, *src_e) and adverbs, then the question - a wh-word, "about"
 * or "to". Returns the question's first token, or SIZE_MAX. */
static size_t asked_content(const frame_ctx *c, size_t k, size_t end, bool particle, size_t *src_s,
                            size_t *src_e)
{
    *src_s = *src_e = 0;
    if (particle) /* "asked about X" */
        return k;
    if (k < end && tok_is(c, k, "by")) {
        size_t s = k + 1, e = s;
        while (e < end && e < s + 6 && is_word(c, e) && !tok_is(c, e, "to") &&
               !tok_is(c, e, "about") && !TOK_IN(c, e, attribution_wh_words) &&
               !TOK_IN(c, e, attribution_time_words) && !TOK_IN(c, e, attribution_day_words) &&
               c->tokens[e].upos != UPOS_VERB && c->tokens[e].upos != UPOS_AUX &&
               (e > s || is_capitalised(c, e) || TOK_IN(c, e, attribution_determiners) ||
                c->tokens[e].upos == UPOS_NOUN))
            e++;
        if (e == s)
            return SIZE_MAX;
        *src_s = s;
        *src_e = e;
        k = attribution_skip_time(c, e, end);
    }
    while (k < end && c->tokens[k].upos == UPOS_ADV && slice_ends_with(tok(c, k), "ly"))
        k++;
    if (k + 1 >= end)
        return SIZE_MAX;
    if (tok_is(c, k, "about"))
        return k + 1;
    if (TOK_IN(c, k, attribution_wh_words) || (tok_is(c, k, "to") && is_word(c, k + 1)))
        return k;
    return SIZE_MAX;
}

/* The subject's end for a leading cue: auxiliaries and adverbs before it ("has repeatedly
 * said") join the cue group; "refused to promise" takes the subject of the governing verb. */
static size_t verb_group_start(const frame_ctx *c, size_t first, size_t i)
{
    size_t v = i;
    while (v > first && !tok_is(c, v - 1, "that") &&
           (TOK_IN(c, v - 1, attribution_auxiliaries) ||
            (c->tokens[v - 1].upos == UPOS_ADV && !(c->tokens[v - 1].flags & TOKEN_UPPER) &&
             slice_ends_with(tok(c, v - 1), "ly"))))
        v--;
    return v;
}

/* The subject a participial cue takes ("X hewed to the line, noting that ..."): the source of
 * the sentence's last frame before it, else the subject of the sentence's first verb (for a
 * participle that opens the sentence, the subject after its clause). */
static bool participle_source(const frame_ctx *c, const frame_list *list, size_t sentence_frames,
                              size_t first, size_t end, size_t i, size_t *src_s, size_t *src_e)
{
    for (size_t p = list->count; p-- > sentence_frames;) {
        const attribution *g = &list->items[p];
        if (g->source.end > g->source.start && g->cue.start < c->tokens[i].start) {
            *src_s = attribution_token_at(c, g->source.start);
            *src_e = attribution_token_at(c, g->source.end);
            return *src_e > *src_s;
        }
    }
    size_t from = first, to = i;
    if (i == first) {
        /* "Citing X, SOURCE urged ...": after the participle's clause */
        from = i + 1;
        while (from < end && !is_punct(c, from, ','))
            from++;
        from++;
        to = end;
    }
    for (size_t k = from; k < to; k++) {
        if (c->quote_end[k] >= 0) {
            k = (size_t)c->quote_end[k];
            continue;
        }
        const token *t = &c->tokens[k];
        if ((t->upos == UPOS_VERB || t->upos == UPOS_AUX) && !(t->flags & TOKEN_UPPER) &&
            k > from) {
            size_t v = verb_group_start(c, from, k), head;
            if (v <= from)
                return false;
            *src_s = attribution_source_start(c, from, v, &head);
            *src_e = head;
            return *src_e > *src_s && !TOK_IN(c, *src_s, attribution_left_boundaries);
        }
    }
    return false;
}

/* "“A,” he said. “B.”" or "“A,” he said, “B.”": the quotation after the cue that goes on
 * with the same speech. j is the first token after the frame's source and cue. */
static void continue_quotation(const frame_ctx *c, attribution *f, size_t j, size_t end)
{
    size_t k = j;
    /* past a participial phrase: “A,” said Smith, speaking of the talks. “B.” */
    if (k + 1 < end && is_punct(c, k, ',') && slice_ends_with(tok(c, k + 1), "ing")) {
        /* "..., she said, referring to the big enterprises. “B.”": a participle that reports
         * has a frame of its own, and the quotation after it is its content's neighbour */
        if (cues_find(c->cues, tok(c, k + 1).ptr, tok(c, k + 1).len))
            return;
        size_t x = k + 1;
        while (x < end && !attribution_is_final_punct(c, x) && c->tokens[x].kind != TOKEN_QUOTE)
            x++;
        if (x < end && attribution_is_final_punct(c, x))
            k = x;
    }
    /* past a trailing phrase: “A,” he said at a rally in Ohio. “B.” */
    for (size_t words = 0; k < end && is_word(c, k) && words < 12; k++, words++)
        if (c->tokens[k].upos == UPOS_VERB || c->tokens[k].upos == UPOS_AUX)
            return;
    while (k < end && (attribution_is_final_punct(c, k) || is_punct(c, k, ',') ||
                       is_punct(c, k, ':') || c->tokens[k].kind == TOKEN_DASH))
        k++;
    /* the next sentence of the same paragraph */
    if (k == end && k < c->ntokens && !(c->tokens[k].flags & TOKEN_PARA_START))
        ;
    else if (k != end && k < end && attribution_is_opening_quote(c, k))
        ;
    else
        return;
    if (k >= c->ntokens || !attribution_is_opening_quote(c, k) || c->quote_end[k] < 0)
        return;
    size_t close = (size_t)c->quote_end[k];
    if (close <= k + 1)
        return;
    /* a quotation followed by its own cue has its own frame: “B,” she said. */
    size_t after = close + 1;
    if (after < c->ntokens && (is_punct(c, after, ',') || is_punct(c, after, '.')))
        after++;
    if (after < c->ntokens && !(c->tokens[after].flags & TOKEN_PARA_START)) {
        size_t cue_end;
        for (size_t x = after; x < after + 5 && x < c->ntokens; x++) {
            if (attribution_is_final_punct(c, x) || c->tokens[x].kind == TOKEN_QUOTE)
                break;
            if (cue_at(c, x, after, c->ntokens, false, &cue_end))
                return;
        }
    }
    f->continuation.start = c->tokens[k + 1].start;
    f->continuation.end = c->tokens[close - 1].end;
    f->continuation_first = (uint32_t)(k + 1);
    f->continuation_last = (uint32_t)close;
}

sitrep_status attribution_frames_in_sentence(arena *a, frame_ctx *c, size_t sentence_index,
                                             frame_list *list)
{
    const sentence *sent = &c->art->text.sentences[sentence_index];
    size_t first = sent->first_token, end = first + sent->ntokens;
    size_t sentence_frames = list->count;
    sitrep_status status;
    bool headline = title_case(c, first, end);
    for (size_t i = first; i < end; i++) {
        /* a cue inside a quotation is the speaker's own words, not a frame of the article */
        if (c->quote_end[i] >= 0 && c->quote_end[i] > c->inside_until)
            c->inside_until = c->quote_end[i];
        if ((int32_t)i <= c->inside_until)
            continue;
        if (tok_is(c, i, "put") || tok_is(c, i, "puts")) {
            attribution f;
            attribution_frame_init(&f, sentence_index);
            if (attribution_put_it_frame(c, i, first, end, &f)) {
                if ((status = attribution_push(a, list, &f)))
                    return status;
                continue;
            }
        }
        size_t cue_end;
        const cue_form *form = cue_at(c, i, first, end, headline, &cue_end);
        if (!form)
            continue;
        attribution f;
        attribution_frame_init(&f, sentence_index);
        f.cue_class = form->cue_class;
        size_t src_s = 0, src_e = 0, phrase_e = 0, cue_s = i;
        bool ok = false;

        if (cue_end == i + 2 && tok_is(c, i, "according")) {
            /* according to SOURCE, CONTENT  |  CONTENT, according to SOURCE */
            src_s = cue_end;
            src_e = phrase_e = attribution_source_after(c, src_s, end, false);
            if (src_e > src_s) {
                size_t lead = first;
                while (lead < i &&
                       (is_punct(c, lead, ',') || tok_is(c, lead, "but") || tok_is(c, lead, "and")))
                    lead++;
                /* "According to a report by Politico, X ...", "According to Rush Limbaugh,
                 * the move ...": before its content, the source runs to the first comma (an
                 * apposition only when it is marked: ", a conservative host,") */
                if (lead == i) {
                    size_t comma = src_s;
                    while (comma < end && comma - src_s < ATTRIBUTION_MAX_SOURCE_TOKENS &&
                           !is_punct(c, comma, ',') && !attribution_is_final_punct(c, comma) &&
                           c->tokens[comma].kind != TOKEN_QUOTE)
                        comma++;
                    if (comma < end && comma > src_s && is_punct(c, comma, ',')) {
                        src_e = phrase_e = comma;
                        if (comma + 2 < end &&
                            (tok_is(c, comma + 1, "a") || tok_is(c, comma + 1, "an") ||
                             tok_is(c, comma + 1, "who"))) {
                            size_t next = comma + 2;
                            while (next < end && next < comma + 16 && !is_punct(c, next, ',') &&
                                   !attribution_is_final_punct(c, next))
                                next++;
                            if (next + 1 < end && next < comma + 16 && is_punct(c, next, ','))
                                src_e = phrase_e = next;
                        }
                    }
                }
                if (lead == i && src_e < end && is_punct(c, src_e, ','))
                    attribution_set_content(c, &f, src_e + 1, end, false);
                else
                    attribution_set_content(c, &f, first, i, false);
                ok = f.content.end > f.content.start;
            }
        } else if (tok_is(c, i, "asked") &&
                   (i == first || (i > first && (tok_is(c, i - 1, "when") || tok_is(c, i - 1, "if") ||
                                                 tok_is(c, i - 1, "after")))) &&
                   cue_end + 1 < end &&
                   asked_content(c, cue_end, end, cue_end > i + 1, &src_s, &src_e) != SIZE_MAX) {
            /* "Asked whether X, Ryan said ...", "When asked about X, ...", "..., Christie
             * said when asked whether ...": a question whose asker the text does not name - a
             * frame with no source, its content up to the comma; "Asked by Stephanopoulos to
             * respond, Carson said": the asker after "by" is the source */
            size_t k0 = asked_content(c, cue_end, end, cue_end > i + 1, &src_s, &src_e);
            if (src_e > src_s)
                attribution_set_span(c, &f.source, src_s, src_e);
            f.phrase = f.source;
            size_t e = k0;
            while (e < end && !is_punct(c, e, ',') && !attribution_is_final_punct(c, e))
                e = c->quote_end[e] > (int32_t)e ? (size_t)c->quote_end[e] + 1 : e + 1;
            attribution_set_content(c, &f, k0, e < end ? e : end, false);
            if (f.content.end > f.content.start) {
                attribution_set_span(c, &f.cue, cue_s, cue_end);
                if ((status = attribution_push(a, list, &f)))
                    return status;
            }
            continue;
        } else if (i > first &&
                   (is_punct(c, i - 1, ',') || attribution_is_closing_quote(c, i - 1)) &&
                   !marked_complement(c, cue_end, end, form) && cue_end < end &&
                   (is_word(c, cue_end) || c->tokens[cue_end].kind == TOKEN_NUMBER) &&
                   !tok_is(c, cue_end, "that") && !TOK_IN(c, cue_end, attribution_auxiliaries) &&
                   !apposition_before(c, first, i) &&
                   inverted_source_ok(c, i, cue_end,
                                      attribution_source_after(c, cue_end, end, true))) {
            /* inverted: "“CONTENT,” said SOURCE." / "CONTENT, said SOURCE." */
            src_s = cue_end;
            src_e = phrase_e = attribution_source_after(c, src_s, end, true);
            size_t before = i - 1;
            while (before > first &&
                   (is_punct(c, before, ',') || attribution_is_closing_quote(c, before)))
                before--;
            if (attribution_is_closing_quote(c, i - 1) && c->quote_start[i - 1] >= 0)
                attribution_set_content(c, &f, (size_t)c->quote_start[i - 1], end, true);
            else if (is_punct(c, i - 1, ',') && i - 1 > first &&
                     attribution_is_closing_quote(c, i - 2) && c->quote_start[i - 2] >= 0)
                attribution_set_content(c, &f, (size_t)c->quote_start[i - 2], end, true);
            else
                attribution_set_content(c, &f, first, before + 1, false);
            ok = f.content.end > f.content.start;
            if (ok && f.direct)
                continue_quotation(c, &f, src_e, end);
        } else {
            /* SOURCE (aux/adverbs) CUE ... */
            size_t v = verb_group_start(c, first, i);
            cue_s = v;
            /* "Turkey refused to promise ...": the subject of the verb governing "to CUE" */
            size_t subject_end = v;
            for (;;) {
                /* "refused to promise", "went on to argue", "is set to announce" */
                size_t before_to = subject_end > first + 1 && tok_is(c, subject_end - 1, "to")
                                       ? subject_end - 2
                                       : SIZE_MAX;
                while (before_to != SIZE_MAX && before_to > first &&
                       (tok_is(c, before_to, "on") || tok_is(c, before_to, "ahead") ||
                        tok_is(c, before_to, "out") || tok_is(c, before_to, "up") ||
                        tok_is(c, before_to, "forward") || tok_is(c, before_to, "back") ||
                        tok_is(c, before_to, "set") || tok_is(c, before_to, "able") ||
                        tok_is(c, before_to, "ready") || tok_is(c, before_to, "likely") ||
                        tok_is(c, before_to, "unlikely") || tok_is(c, before_to, "quick") ||
                        tok_is(c, before_to, "eager") || tok_is(c, before_to, "willing") ||
                        tok_is(c, before_to, "unwilling") || tok_is(c, before_to, "reluctant")))
                    before_to--;
                if (before_to != SIZE_MAX && attribution_is_verb(c, before_to) &&
                    !(c->tokens[before_to].flags & TOKEN_UPPER))
                    subject_end = before_to;
                /* "would keep supporting", "began calling": a verb that takes this one */
                else if (subject_end > first && c->tokens[subject_end - 1].upos == UPOS_VERB &&
                         !(c->tokens[subject_end - 1].flags & TOKEN_UPPER) &&
                         slice_ends_with(tok(c, i), "ing"))
                    subject_end -= 1;
                else
                    break;
                subject_end = verb_group_start(c, first, subject_end);
            }
            src_e = subject_end;
            /* "went on to argue", "refused to disclose", "began calling": PolNeAR draws the
             * verb that governs the cue into the cue */
            if (subject_end < v)
                cue_s = subject_end;
            else if (v > first && tok_is(c, v - 1, "to"))
                continue; /* "difficult to predict", "agreed to meet in Istanbul to discuss":
                             no verb governs this one and no source stands before it */
            if (subject_end > first + 1 &&
                (tok_is(c, subject_end - 1, "and") || tok_is(c, subject_end - 1, "but")))
                src_e = coordinated_subject_end(c, first, subject_end - 1);
            size_t relative_end = end;
            /* "critics who say he should ...", "experts who warn that ...": a restrictive
             * relative clause; the pronoun is the source PolNeAR draws, the antecedent the
             * speaker */
            if (src_e >= first + 2 && tok_is(c, src_e - 1, "who") && is_word(c, src_e - 2) &&
                !TOK_IN(c, src_e - 2, attribution_left_boundaries) &&
                (c->tokens[src_e - 2].upos == UPOS_NOUN ||
                 c->tokens[src_e - 2].upos == UPOS_PROPN ||
                 c->tokens[src_e - 2].upos == UPOS_PRON ||
                 c->tokens[src_e - 2].upos == UPOS_NONE)) {
                attribution_set_span(c, &f.relative, src_e - 1, src_e);
                src_e--;
                /* "aid workers who say it is mined have refused": the main clause's verb
                 * group ends the relative clause */
                for (size_t j = cue_end + 2; j < end; j++)
                    if (c->tokens[j].upos == UPOS_AUX && c->tokens[j - 1].upos == UPOS_VERB) {
                        relative_end = j;
                        break;
                    }
            }
            /* a relative clause: "McClendon, who said he would vote, left" - the antecedent;
             * the content ends with the clause */
            size_t content_end = relative_end;
            if (src_e >= first + 3 &&
                (tok_is(c, src_e - 1, "who") || tok_is(c, src_e - 1, "which")) &&
                is_punct(c, src_e - 2, ',')) {
                attribution_set_span(c, &f.relative, src_e - 1, src_e);
                src_e = src_e - 2;
                size_t comma = comma_outside_quotes(c, cue_end, end);
                if (comma < end)
                    content_end = comma;
            }
            /* "While Rubio supports a path to citizenship, there is ...": in a clause that
             * opens the sentence with a subordinator the content ends at its comma */
            if (content_end == end && src_e > first + 1 && is_subordinator(c, first) &&
                !clause_has_comma(c, first, src_e)) {
                size_t comma = comma_outside_quotes(c, cue_end + 1, end);
                if (comma + 2 < end)
                    content_end = comma;
            }
            /* "Hillary Clinton plans to [cue]": a verb the tagger read as a noun before "to"
             * is not part of the source */
            if (src_e > first + 2 && tok_is(c, src_e - 1, "to") &&
                !(c->tokens[src_e - 2].flags & TOKEN_UPPER) &&
                cues_find(c->cues, tok(c, src_e - 2).ptr, tok(c, src_e - 2).len))
                src_e -= 2;
            /* "Hunter, meanwhile, told ...", "Obama, for his part, said ...": the source ends
             * before the parenthetical */
            if (src_e > first + 3 && is_punct(c, src_e - 1, ',')) {
                size_t open = src_e - 2;
                while (open > first && open + 5 > src_e &&
                       TOK_IN(c, open, attribution_interrupters))
                    open--;
                if (open > first && open < src_e - 2 && is_punct(c, open, ',') &&
                    is_word(c, open - 1))
                    src_e = open;
            }
            phrase_e = attribution_strip_time(c, first, src_e); /* "Sanders (I-Vt.) on Saturday" */
            src_s = attribution_source_start(c, first, src_e, &src_e);
            /* ", saying ...", ", adding that ...", "Citing X, SOURCE urged": a participle
             * reports what the clause's subject says */
            if (v == i && slice_ends_with(tok(c, i), "ing") &&
                (i == first || is_punct(c, i - 1, ',') || c->tokens[i - 1].kind == TOKEN_DASH)) {
                /* "Speaking at a rally in Ohio, Trump says ...": the circumstance of the main
                 * frame, not one of its own */
                if (i == first && cue_end < end && c->tokens[cue_end].upos == UPOS_ADP)
                    continue;
                /* "Appearing aware of how voters view her, Mrs. Clinton said ...": the main
                 * clause reports itself */
                if (i == first && !tok_is(c, i, "citing") && !tok_is(c, i, "quoting")) {
                    size_t x = cue_end;
                    while (x < end && !is_punct(c, x, ','))
                        x++;
                    bool main_cue = false;
                    for (size_t y = x + 1; y < end && y < x + 12 && !main_cue; y++) {
                        size_t ignored;
                        main_cue = c->tokens[y].upos == UPOS_VERB &&
                                   cue_at(c, y, x + 1, end, false, &ignored) != NULL;
                    }
                    if (main_cue)
                        continue;
                }
                if (!participle_source(c, list, sentence_frames, first, end, i, &src_s, &src_e))
                    continue;
                phrase_e = src_e;
            }
            /* raising and passive reporting: "The House is expected to pass the bill",
             * "Talks seemed close to collapse", "It was reported that ...": the subject is part
             * of the content, which has no source */
            bool passive = false;
            for (size_t k = v; k < i; k++)
                passive |= is_be(c, k);
            if (slice_ends_with(tok(c, i), "ing"))
                passive = false; /* "Turkey is planning to send": progressive, not passive */
            bool raised =
                src_e > src_s && v == subject_end &&
                ((form->raise && (form->cue_class == CUE_PERCEPTION || passive)) ||
                 (passive && cue_end + 1 < end &&
                  ((tok_is(c, cue_end, "to") && is_word(c, cue_end + 1)) ||
                   (tok_is(c, cue_end, "that") && tok_is(c, src_s, "it") && src_e == src_s + 1))));
            if (raised) {
                size_t k = cue_end;
                bool expletive =
                    tok_is(c, src_s, "it") && src_e == src_s + 1 && k < end && tok_is(c, k, "that");
                size_t e = attribution_content_end(c, k, content_end);
                attribution_set_content(c, &f, expletive ? k : src_s, e, false);
                if (f.content.end > f.content.start && k < end &&
                    !attribution_is_final_punct(c, k)) {
                    attribution_set_span(c, &f.cue, cue_s, cue_end);
                    if ((status = attribution_push(a, list, &f)))
                        return status;
                }
                continue;
            }
            /* the passive: "The country described by the president", "X was criticised by Y":
             * the agent is the source and the subject the content; without an agent there is
             * no source and no frame ("arguments are easily refuted") */
            if (passive && src_e > src_s) {
                if (cue_end + 1 < end && tok_is(c, cue_end, "by")) {
                    size_t agent = cue_end + 1;
                    size_t agent_end = attribution_source_after(c, agent, end, false);
                    attribution_set_content(c, &f, src_s, src_e, false);
                    if (agent_end > agent && f.content.end > f.content.start) {
                        attribution_set_span(c, &f.source, agent, agent_end);
                        f.phrase = f.source;
                        attribution_set_span(c, &f.cue, cue_s, cue_end + 1);
                        if ((status = attribution_push(a, list, &f)))
                            return status;
                    }
                }
                continue;
            }
            /* nested: "He said officials believe ...": the source starts after the cue of a
             * frame already found in the sentence (and its "that") */
            for (size_t p = list->count; p-- > sentence_frames;) {
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
                /* the sentence splitter ends a sentence at "right?”" before "Trump said." */
                bool after_quote =
                    src_s == first && first > 0 && attribution_is_closing_quote(c, first - 1) &&
                    !(c->tokens[first].flags & TOKEN_PARA_START) && c->quote_start[first - 1] >= 0;
                bool after_comma = after_quote || (src_s > first && src_s < i &&
                                                   (is_punct(c, src_s - 1, ',') ||
                                                    attribution_is_closing_quote(c, src_s - 1) ||
                                                    c->tokens[src_s - 1].kind == TOKEN_DASH));
                /* "Citing the report, the senator urged the agency to act": what stands before
                 * the comma is the participle's frame, not this one's content */
                for (size_t p = sentence_frames; p < list->count && after_comma; p++)
                    if (list->items[p].cue.start == c->tokens[first].start ||
                        (first + 1 < end && list->items[p].cue.start == c->tokens[first + 1].start))
                        after_comma = false;
                bool direct;
                size_t k = attribution_content_start(c, cue_end, end, form, &direct);
                size_t rest =
                    after_comma ? parenthetical_rest(c, first, src_s, cue_end, end) : SIZE_MAX;
                bool quoted = after_comma && after_quotation(c, first, src_s);
                /* "Sunday morning, Clinton slammed the shift": a phrase without a verb before the
                 * comma is reported only when no content follows the cue ("Sorry, Sanders
                 * said.") */
                /* "On Monday, Kabul accused Pakistan ... and recalled its ambassador": a time or
                 * setting phrase is never what is reported */
                if (after_comma && !quoted && !after_quote && rest == SIZE_MAX &&
                    (c->tokens[first].upos == UPOS_ADP ||
                     attribution_skip_time(c, first, src_s) + 1 >= src_s)) {
                    after_comma = false;
                    /* the object after the cue is the content then, as PolNeAR draws it */
                    if (k == SIZE_MAX && !form->thing && cue_end + 1 < end && is_word(c, cue_end)) {
                        cue_form loose = *form;
                        loose.strict = false;
                        k = attribution_content_start(c, cue_end, end, &loose, &direct);
                    }
                }
                if (after_comma && !quoted && !after_quote && rest == SIZE_MAX && k != SIZE_MAX &&
                    k < end && !attribution_is_final_punct(c, k)) {
                    bool verb = false;
                    for (size_t x = first; x < src_s && !verb; x++)
                        verb = c->tokens[x].upos == UPOS_VERB || c->tokens[x].upos == UPOS_AUX ||
                               c->tokens[x].kind == TOKEN_QUOTE;
                    after_comma = verb;
                }
                if (after_comma &&
                    (only_trailing(c, cue_end, end, quoted ? 24 : 8, quoted) ||
                     (form->object && trailing_object(c, cue_end, end, quoted ? 30 : 10)) ||
                     rest != SIZE_MAX)) {
                    /* "CONTENT, SOURCE CUE." or "“CONTENT,” SOURCE CUE." */
                    size_t b = src_s;
                    while (b > first &&
                           (is_punct(c, b - 1, ',') || c->tokens[b - 1].kind == TOKEN_DASH))
                        b--;
                    if (after_quote)
                        attribution_set_content(c, &f, (size_t)c->quote_start[first - 1],
                                                c->ntokens, true);
                    else if (b > first && attribution_is_closing_quote(c, b - 1) &&
                             c->quote_start[b - 1] >= 0)
                        attribution_set_content(c, &f, (size_t)c->quote_start[b - 1], end, true);
                    else if (b > first)
                        attribution_set_content(c, &f, first, b, false);
                    ok = f.content.end > f.content.start;
                    if (ok && f.direct)
                        continue_quotation(c, &f, cue_end, end);
                    /* "Mr. Trump is so reckless, the vice president said, that if ...": the
                     * content goes on after the cue */
                    if (ok && !f.direct && rest != SIZE_MAX) {
                        size_t e = attribution_content_end(c, rest, content_end);
                        while (e > rest &&
                               (attribution_is_final_punct(c, e - 1) ||
                                c->tokens[e - 1].kind == TOKEN_QUOTE || is_punct(c, e - 1, ',')))
                            e--;
                        if (e > rest) {
                            f.continuation.start = c->tokens[rest].start;
                            f.continuation.end = c->tokens[e - 1].end;
                            f.continuation_first = (uint32_t)rest;
                            f.continuation_last = (uint32_t)e;
                        }
                    }
                } else {
                    /* "a new poll shows Clinton ahead": a document needs no "that" */
                    /* "Mr. Lew stressed those worries", "Republicans also denounced the deal",
                     * "a second officer backed Bob's account": before a noun phrase a verb of
                     * speech, stance or belief has it as content, as PolNeAR draws it (a
                     * document verb does not: "police found a body") */
                    if (k == SIZE_MAX && !form->thing && np_starts(c, cue_end, end) &&
                        (form->cue_class == CUE_SPEECH || form->cue_class == CUE_EVALUATION ||
                         form->cue_class == CUE_BELIEF)) {
                        cue_form loose = *form;
                        loose.strict = false;
                        k = attribution_content_start(c, cue_end, end, &loose, &direct);
                    }
                    if (k == SIZE_MAX && form->cue_class == CUE_DOCUMENT &&
                        document_source(c, src_s, src_e)) {
                        cue_form loose = *form;
                        loose.strict = false;
                        k = attribution_content_start(c, cue_end, end, &loose, &direct);
                    }
                    if (k != SIZE_MAX && k < content_end) {
                        size_t e =
                            direct ? content_end : attribution_content_end(c, k, content_end);
                        /* "appealed for $45 million, but only ...": a demanded thing ends at
                         * the comma */
                        if (!direct && k > first && tok_is(c, k - 1, "for"))
                            for (size_t x = k + 1; x < e; x++)
                                if (is_punct(c, x, ',')) {
                                    e = x;
                                    break;
                                }
                        /* "accused Pakistan of sheltering the group and recalled its
                         * ambassador": after an object, a verb of the cue's tense coordinated
                         * with it is the source's next act */
                        if (!direct && !tok_is(c, k, "that") && !TOK_IN(c, k, attribution_wh_words))
                            e = object_end(c, i, k, e);
                        attribution_set_content(c, &f, k, e, direct);
                        ok = f.content.end > f.content.start;
                        /* "urged Israel and Hezbollah to exercise restraint": PolNeAR draws the
                         * addressee into the content; the reported clause (the token range the
                         * event coder reads) starts at "to" */
                        if (ok && !direct && form->object && form->infinitive)
                            for (size_t j = f.content_first + 1;
                                 j + 1 < f.content_last && j < f.content_first + 12; j++) {
                                if (is_punct(c, j, ',') || tok_is(c, j, "that"))
                                    break;
                                if (tok_is(c, j, "to") && is_word(c, j + 1)) {
                                    f.content_first = (uint32_t)j;
                                    break;
                                }
                            }
                    }
                    /* "He said:" at the end of a sentence introduces the next sentence's
                     * quotation */
                    if (!ok && k != SIZE_MAX && k >= end && end < c->ntokens &&
                        attribution_is_opening_quote(c, end) && cue_end < end &&
                        is_punct(c, cue_end, ':')) {
                        attribution_set_content(c, &f, end, c->ntokens, true);
                        ok = f.content.end > f.content.start;
                    }
                }
            }
        }
        if (!ok || src_e <= src_s)
            continue;
        /* a word that names no one is no source: the frame stands without one */
        if (plausible_source(c, src_s, src_e)) {
            attribution_set_span(c, &f.source, src_s, src_e);
            if (phrase_e < src_e)
                phrase_e = src_e;
            while (phrase_e > src_e && is_punct(c, phrase_e - 1, ','))
                phrase_e--;
            attribution_set_span(c, &f.phrase, src_s, phrase_e);
        }
        attribution_set_span(c, &f.cue, cue_s, cue_end);
        if ((status = attribution_push(a, list, &f)))
            return status;
        if (f.direct && (int32_t)f.content_last > c->inside_until)
            c->inside_until = (int32_t)f.content_last;
        if (f.continuation_last > f.continuation_first &&
            (int32_t)f.continuation_last > c->inside_until)
            c->inside_until = (int32_t)f.continuation_last;
        /* "said Tim Selaty, organizer of a group called Citizens for Trump": no cue inside a
         * source that follows its cue */
        if (src_s > i && phrase_e > i + 1)
            i = phrase_e - 1;
    }
    /* the shapes without a cue word, where no cue word made a frame */
    if (list->count == sentence_frames && (int32_t)first > c->inside_until) {
        attribution f;
        attribution_frame_init(&f, sentence_index);
        if (attribution_colon_frame(c, first, end, &f) ||
            attribution_in_document_frame(c, first, end, &f)) {
            if ((status = attribution_push(a, list, &f)))
                return status;
            if (f.direct && (int32_t)f.content_last > c->inside_until)
                c->inside_until = (int32_t)f.content_last;
        }
    }
    return SITREP_OK;
}
