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
    /* "court-ordered solutions": the second half of a hyphenated word is no verb */
    if (i > first + 1 && is_punct(c, i - 1, '-') && t->start == c->tokens[i - 1].end &&
        c->tokens[i - 1].start == c->tokens[i - 2].end)
        return NULL;
    /* "a group called Lashkar-e-Taiba", "a film called “Selma”": after a common noun, a name
     * follows - the group is named, nobody speaks */
    if ((tok_is(c, i, "called") || tok_is(c, i, "named") || tok_is(c, i, "dubbed")) && i > first &&
        c->tokens[i - 1].upos == UPOS_NOUN && !(c->tokens[i - 1].flags & TOKEN_UPPER) &&
        *cue_end < end &&
        (is_capitalised(c, *cue_end) || attribution_is_opening_quote(c, *cue_end)))
        return NULL;
    /* "He’s claiming": after a pronoun, 's is "is" or "has", whatever the tagger read */
    bool pronoun_aux =
        i > first + 1 && slice_ends_with(s, "ing") &&
        (tok_is(c, i - 1, "'s") || tok_is(c, i - 1, "’s")) &&
        (tok_is(c, i - 2, "he") || tok_is(c, i - 2, "she") || tok_is(c, i - 2, "it") ||
         tok_is(c, i - 2, "that") || tok_is(c, i - 2, "who"));
    /* "the claim", "a report", "his warning": a noun, not a reporting verb; "the partially
     * recognized republic": a participle before its noun */
    size_t before = i;
    while (before > first + 1 && c->tokens[before - 1].upos == UPOS_ADV &&
           slice_ends_with(tok(c, before - 1), "ly"))
        before--;
    if (before > first && !pronoun_aux && TOK_IN(c, before - 1, attribution_determiners))
        return NULL;
    /* "rejected claims that", "dismissed reports of": a plural noun, the object of a verb */
    if (i > first && slice_ends_with(s, "s") && !TOK_IN(c, i - 1, attribution_auxiliaries) &&
        (c->tokens[i - 1].upos == UPOS_VERB ||
         (slice_ends_with(tok(c, i - 1), "ed") &&
          cues_find(c->cues, tok(c, i - 1).ptr, tok(c, i - 1).len))))
        return NULL;
    /* "Trump asserts that", "AROS argues that": after a name or a subject pronoun and before
     * "that", a form ending in -s or -ed is the verb, whatever the tagger read */
    /* "Emails unearthed in the inquiry show that": a plural subject before a bare form */
    bool plural_subject =
        i > first && slice_ends_with(tok(c, i - 1), "s") && !(c->tokens[i - 1].flags & TOKEN_UPPER);
    bool subject_verb =
        !form->verb_only && i > first && *cue_end + 1 < end &&
        (slice_ends_with(s, "s") || slice_ends_with(s, "ed") || plural_subject) &&
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
    } else
        k = attribution_skip_time(c, k, end); /* "Asked on Monday whether" */
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

/* "issued a statement (on Tuesday)(,) saying", "put out a statement saying", "sent a text
 * message to his supporters, asking": the first token of the verb group that issued the document
 * before the participle at i, or SIZE_MAX. */
static size_t issued_document(const frame_ctx *c, size_t first, size_t i)
{
    size_t k = i;
    if (k > first && is_punct(c, k - 1, ','))
        k--;
    for (size_t h = k; h-- > first + 1 && k - h <= 10;) {
        const token *t = &c->tokens[h];
        if (t->upos == UPOS_VERB || t->upos == UPOS_AUX || t->kind == TOKEN_QUOTE ||
            attribution_is_final_punct(c, h) || is_punct(c, h, ';'))
            return SIZE_MAX;
        if (!TOK_IN(c, h, attribution_document_heads) && !tok_is(c, h, "ad") &&
            !tok_is(c, h, "message") && !tok_is(c, h, "statement"))
            continue;
        size_t np = h;
        while (np > first + 1 && h - np < 5 &&
               (c->tokens[np - 1].upos == UPOS_DET || c->tokens[np - 1].upos == UPOS_ADJ ||
                c->tokens[np - 1].upos == UPOS_NOUN || c->tokens[np - 1].upos == UPOS_NUM ||
                is_punct(c, np - 1, '-')))
            np--;
        size_t p = np - 1;
        if (tok_is(c, p, "out") && p > first)
            p--;
        if (c->tokens[p].upos != UPOS_VERB || (c->tokens[p].flags & TOKEN_UPPER))
            return SIZE_MAX;
        static const char *const issuing[] = {
            "issued", "released", "put",       "sent",   "posted",   "published",
            "ran",    "aired",    "unveiled",  "issues", "releases", "puts",
            "sends",  "posts",    "publishes", "runs",   "airs",     "unveils"};
        for (size_t n = 0; n < sizeof issuing / sizeof *issuing; n++)
            if (tok_is(c, p, issuing[n]))
                return verb_group_start(c, first, p);
        return SIZE_MAX;
    }
    return SIZE_MAX;
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
    /* past an apposition of the source, with its relative clause: “A,” said Robert Stone, a
     * 59-year-old from Hilton Head, who already voted. “B.” */
    if (k + 1 < end && is_punct(c, k, ',') && is_word(c, k + 1) &&
        !slice_ends_with(tok(c, k + 1), "ing")) {
        bool relative = false, verb = false;
        size_t x = k + 1;
        for (; x < end && x < k + 30 && !attribution_is_final_punct(c, x) &&
               c->tokens[x].kind != TOKEN_QUOTE;
             x++) {
            if (tok_is(c, x, "who") || tok_is(c, x, "which") || tok_is(c, x, "whose"))
                relative = true;
            else if (!relative &&
                     (c->tokens[x].upos == UPOS_VERB || c->tokens[x].upos == UPOS_AUX) &&
                     !slice_ends_with(tok(c, x), "ed"))
                verb = true;
        }
        if (!verb && x < end && attribution_is_final_punct(c, x))
            k = x;
    }
    /* past a trailing phrase: “A,” he said at a rally in Ohio. “B.” */
    /* ... or one with a clause of its own after "when", "as", "who": “A,” Graham told CBS
     * News on Tuesday, when a dozen states held contests. “B.” */
    bool subordinate = false;
    for (size_t words = 0; k < end && words < 30; k++, words++) {
        if (is_punct(c, k, ',')) {
            if (k + 1 < end && attribution_is_opening_quote(c, k + 1))
                break;
            continue;
        }
        if (!is_word(c, k))
            break;
        if (tok_is(c, k, "when") || tok_is(c, k, "as") || tok_is(c, k, "who") ||
            tok_is(c, k, "which") || tok_is(c, k, "where") || tok_is(c, k, "after") ||
            tok_is(c, k, "before") || tok_is(c, k, "while"))
            subordinate = true;
        else if (!subordinate && words >= 12)
            return;
        /* "... when asked if he had met Trump": the question has its own frame, the speech
         * goes on */
        if (subordinate && tok_is(c, k, "asked") && k > 0 &&
            (tok_is(c, k - 1, "when") || tok_is(c, k - 1, "if")))
            continue;
        if ((c->tokens[k].upos == UPOS_VERB || c->tokens[k].upos == UPOS_AUX) &&
            (!subordinate || cues_find(c->cues, tok(c, k).ptr, tok(c, k).len)))
            return; /* "..., who said there were “too many”": the quotation is its content */
    }
    while (k < end && (attribution_is_final_punct(c, k) || is_punct(c, k, ',') ||
                       is_punct(c, k, ':') || c->tokens[k].kind == TOKEN_DASH))
        k++;
    /* 'he said. But “Donald Trump's candidacy is ...”': a conjunction before the mark */
    if (k == end && k + 1 < c->ntokens && !(c->tokens[k].flags & TOKEN_PARA_START) &&
        (tok_is(c, k, "but") || tok_is(c, k, "and")) && attribution_is_opening_quote(c, k + 1))
        k++, end++;
    /* the next sentence of the same paragraph, or a paragraph that opens with a quotation
     * ("“A,” Trump said.\n\n“B.”": PolNeAR's content runs on) */
    if (k == end && k < c->ntokens &&
        (!(c->tokens[k].flags & TOKEN_PARA_START) || attribution_is_opening_quote(c, k)))
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
    /* a new paragraph goes on with the speech only when its quotation is the whole
     * paragraph ('"Sons of Trump" is an adaptation', '"People were celebrating" before the
     * incident, she said' are not) */
    if ((c->tokens[k].flags & TOKEN_PARA_START) && after < c->ntokens &&
        !(c->tokens[after].flags & TOKEN_PARA_START))
        return;
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

/* "CONTENT, said SOURCE": the content before an inverted cue is a quotation or holds a verb
 * ("Ted Cruz, by contrast, wrote an op-ed" is a subject and an adverbial, no content). */
static bool quoted_or_clause_before(const frame_ctx *c, size_t first, size_t i)
{
    for (size_t k = first; k < i; k++)
        if (c->tokens[k].kind == TOKEN_QUOTE || c->tokens[k].upos == UPOS_VERB ||
            c->tokens[k].upos == UPOS_AUX)
            return true;
    return false;
}

/* 'Closing the department would “send the wrong message,” he said': words of the sentence
 * before the opening mark make the quotation part of a reported clause, which PolNeAR draws
 * whole. */
static bool partial_quotation(const frame_ctx *c, size_t first, size_t open)
{
    size_t words = 0;
    for (size_t k = first; k < open; k++) {
        if (c->tokens[k].kind == TOKEN_QUOTE || is_punct(c, k, ':'))
            return false;
        words += is_word(c, k);
    }
    return words >= 2;
}

sitrep_status attribution_frames_in_sentence(arena *a, frame_ctx *c, size_t sentence_index,
                                             frame_list *list)
{
    const sentence *sent = &c->art->text.sentences[sentence_index];
    size_t first = sent->first_token, end = first + sent->ntokens;
    size_t sentence_frames = list->count;
    sitrep_status status;
    bool headline = attribution_title_case(c, first, end);
    for (size_t i = first; i < end; i++) {
        /* a cue inside a quotation is the speaker's own words, not a frame of the article */
        if (c->quote_end[i] >= 0 && c->quote_end[i] > c->inside_until)
            c->inside_until = c->quote_end[i];
        if ((int32_t)i <= c->inside_until &&
            !((int32_t)i >= c->gap_first && (int32_t)i < c->gap_last))
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
                   (i == first ||
                    (i > first && (tok_is(c, i - 1, "when") || tok_is(c, i - 1, "if") ||
                                   tok_is(c, i - 1, "after"))) ||
                    (i > first + 1 && is_punct(c, i - 1, ',') &&
                     !attribution_is_closing_quote(c, i - 2))) &&
                   cue_end + 1 < end &&
                   asked_content(c, cue_end, end, cue_end > i + 1, &src_s, &src_e) != SIZE_MAX) {
            /* "Asked whether X, Ryan said ...", "When asked about X, ...", "..., Christie
             * said when asked whether ...", "..., Haddad said, asked about X": a question whose
             * asker the text does not name - a frame with no source, its content up to the comma;
             * "Asked by Stephanopoulos to respond, Carson said": the asker after "by" is the source
             */
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
                   !attribution_marked_complement(c, cue_end, end, form) && cue_end < end &&
                   (is_word(c, cue_end) || c->tokens[cue_end].kind == TOKEN_NUMBER) &&
                   !tok_is(c, cue_end, "that") && !TOK_IN(c, cue_end, attribution_auxiliaries) &&
                   !attribution_apposition_before(c, first, i) &&
                   quoted_or_clause_before(c, first, i) &&
                   attribution_inverted_source_ok(
                       c, i, cue_end, attribution_source_after(c, cue_end, end, true))) {
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
                src_e = attribution_coordinated_subject_end(c, first, subject_end - 1);
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
                size_t comma = attribution_comma_outside_quotes(c, cue_end, end);
                if (comma < end)
                    content_end = comma;
            }
            /* "While Rubio supports a path to citizenship, there is ...": in a clause that
             * opens the sentence with a subordinator the content ends at its comma */
            if (content_end == end && src_e > first + 1 && attribution_is_subordinator(c, first) &&
                !attribution_clause_has_comma(c, first, src_e)) {
                size_t comma = attribution_comma_outside_quotes(c, cue_end + 1, end);
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
            /* "Barkley, who said he votes Democratic, said ...": a relative clause that
             * reports has a frame of its own and is no part of this source */
            if (src_e + 2 < phrase_e && is_punct(c, src_e, ',') &&
                (tok_is(c, src_e + 1, "who") || tok_is(c, src_e + 1, "which")) &&
                attribution_reporting_relative(c, src_e + 1, phrase_e))
                phrase_e = src_e;
            /* ", saying ...", ", adding that ...", "Citing X, SOURCE urged": a participle
             * reports what the clause's subject says */
            /* "Trump landed in hot water by saying that ...": the means of the main clause's
             * subject */
            bool from_participle = false;
            bool by_means = v == i && i > first + 2 &&
                            (tok_is(c, i - 1, "by") || tok_is(c, i - 1, "after") ||
                             tok_is(c, i - 1, "before") || tok_is(c, i - 1, "while") ||
                             tok_is(c, i - 1, "without")) &&
                            !is_punct(c, i - 2, ',') && slice_ends_with(tok(c, i), "ing");
            if (v == i && slice_ends_with(tok(c, i), "ing") &&
                (i == first || is_punct(c, i - 1, ',') || c->tokens[i - 1].kind == TOKEN_DASH ||
                 by_means)) {
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
                from_participle = true;
            }
            /* "The campaign issued a statement Tuesday saying ...": PolNeAR's cue runs from
             * the verb that issued the document, whose subject is the source */
            size_t issued = v == i && slice_ends_with(tok(c, i), "ing")
                                ? issued_document(c, first, i)
                                : SIZE_MAX;
            if (issued != SIZE_MAX) {
                cue_s = issued;
                if (src_e > issued || src_s >= issued) {
                    phrase_e = attribution_strip_time(c, first, issued);
                    src_s = attribution_source_start(c, first, issued, &src_e);
                }
            }
            /* raising and passive reporting: "The House is expected to pass the bill",
             * "Talks seemed close to collapse", "It was reported that ...": the subject is part
             * of the content, which has no source */
            bool passive = false;
            for (size_t k = v; k < i; k++)
                passive |= attribution_is_be(c, k);
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
                        /* "was criticised | by Y": PolNeAR leaves "by" out of the cue */
                        attribution_set_span(c, &f.cue, cue_s, cue_end);
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
                /* "Speaking at a rally, Trump attacked X, calling him ...": the participle's
                 * source is the clause's subject, whatever stands before it */
                bool after_comma = after_quote || (!from_participle && src_s > first && src_s < i &&
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
                /* ", calling him a total stiff": after a participle what follows is its content */
                if (k == SIZE_MAX && from_participle && !form->thing && cue_end + 1 < end &&
                    is_word(c, cue_end) &&
                    (form->cue_class == CUE_SPEECH || form->cue_class == CUE_EVALUATION ||
                     form->cue_class == CUE_BELIEF)) {
                    cue_form loose = *form;
                    loose.strict = false;
                    k = attribution_content_start(c, cue_end, end, &loose, &direct);
                }
                size_t rest = after_comma
                                  ? attribution_parenthetical_rest(c, first, src_s, cue_end, end)
                                  : SIZE_MAX;
                bool quoted = after_comma && attribution_after_quotation(c, first, src_s);
                /* "Sunday morning, Clinton slammed the shift": a phrase without a verb before the
                 * comma is reported only when no content follows the cue ("Sorry, Sanders
                 * said.") */
                /* "On Monday, Kabul accused Pakistan ... and recalled its ambassador": a time or
                 * setting phrase is never what is reported */
                bool clause_before = false; /* "As a woman, she raised less suspicion, X said" */
                for (size_t x = first; x < src_s && !clause_before; x++)
                    clause_before = c->tokens[x].upos == UPOS_VERB || c->tokens[x].upos == UPOS_AUX;
                if (after_comma && !quoted && !after_quote && rest == SIZE_MAX &&
                    ((c->tokens[first].upos == UPOS_ADP && !clause_before) ||
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
                /* "Zeke Emanuel, an oncologist who advised Obama on health care, said ...": a
                 * relative clause in an apposition reports no name before it */
                if (after_comma && !quoted && !after_quote && f.relative.end > f.relative.start) {
                    bool verb = false;
                    for (size_t x = first; x < src_s && !verb; x++)
                        verb = c->tokens[x].upos == UPOS_VERB || c->tokens[x].upos == UPOS_AUX;
                    if (!verb)
                        continue;
                }
                if (after_comma &&
                    (attribution_only_trailing(c, cue_end, end, quoted ? 24 : 8, quoted) ||
                     (form->object &&
                      attribution_trailing_object(c, cue_end, end, quoted ? 30 : 10)) ||
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
                             c->quote_start[b - 1] >= 0 &&
                             !partial_quotation(c, first, (size_t)c->quote_start[b - 1]))
                        attribution_set_content(c, &f, (size_t)c->quote_start[b - 1], end, true);
                    else if (b > first)
                        attribution_set_content(c, &f, first, b, false);
                    ok = f.content.end > f.content.start;
                    /* 'Yet Trump is a “change agent,” Cole said. “That's what people want.”':
                     * a clause that closes with a quotation goes on as a quotation does */
                    if (ok && (f.direct || (b > first && attribution_is_closing_quote(c, b - 1))))
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
                    if (k == SIZE_MAX && !form->thing && attribution_np_starts(c, cue_end, end) &&
                        (form->cue_class == CUE_SPEECH || form->cue_class == CUE_EVALUATION ||
                         form->cue_class == CUE_BELIEF)) {
                        cue_form loose = *form;
                        loose.strict = false;
                        k = attribution_content_start(c, cue_end, end, &loose, &direct);
                    }
                    if (k == SIZE_MAX && form->cue_class == CUE_DOCUMENT &&
                        attribution_document_source(c, src_s, src_e)) {
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
                        if (!direct && !tok_is(c, k, "that") &&
                            !TOK_IN(c, k, attribution_wh_words)) {
                            e = attribution_object_end(c, i, k, e);
                            if (!tok_is(c, k, "to"))
                                e = attribution_np_content_end(c, k, e);
                        }
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
                        /* "asked France for more help", "promised Ukraine aid": the object is
                         * PolNeAR's content too, but for the event coder it is the act's
                         * target, not what is reported: the coder's range starts after it */
                        if (ok && !direct && k == cue_end && f.content_first == k &&
                            (form->strict || form->object) && !tok_is(c, k, "that") &&
                            !TOK_IN(c, k, attribution_wh_words) &&
                            !attribution_bare_clause(c, k, end))
                            f.content_first =
                                (uint32_t)attribution_after_object(c, k, f.content_last);
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
        if (attribution_plausible_source(c, src_s, src_e)) {
            attribution_set_span(c, &f.source, src_s, src_e);
            if (phrase_e < src_e)
                phrase_e = src_e;
            while (phrase_e > src_e && is_punct(c, phrase_e - 1, ','))
                phrase_e--;
            attribution_set_span(c, &f.phrase, src_s, phrase_e);
        }
        /* "said in a statement", "said in a written statement": PolNeAR draws the statement
         * into the cue about twice as often as not (train: 58 to 34; "in an interview" and
         * "said Tuesday" stay out: 38 to 63, 87 to 97) */
        size_t statement = cue_end;
        if (cue_end + 2 < c->ntokens && tok_is(c, cue_end, "in") &&
            (tok_is(c, cue_end + 1, "a") || tok_is(c, cue_end + 1, "an"))) {
            statement = cue_end + 2;
            if (statement + 1 < c->ntokens && !tok_is(c, statement, "statement") &&
                is_word(c, statement))
                statement++;
            statement = tok_is(c, statement, "statement") ? statement + 1 : cue_end;
        }
        if (statement > cue_end && (f.content_last <= cue_s || f.content_first >= statement) &&
            (f.content.end <= c->tokens[cue_s].start ||
             f.content.start >= c->tokens[statement - 1].end))
            cue_end = statement;
        attribution_set_span(c, &f.cue, cue_s, cue_end);
        attribution_fronted_relative(c, &f, src_s, cue_end);
        if ((status = attribution_push(a, list, &f)))
            return status;
        if (f.direct && (int32_t)f.content_last > c->inside_until)
            c->inside_until = (int32_t)f.content_last;
        if (f.continuation_last > f.continuation_first &&
            (int32_t)f.continuation_last > c->inside_until) {
            c->inside_until = (int32_t)f.continuation_last;
            if (f.continuation_first > cue_end + 1) {
                c->gap_first = (int32_t)cue_end;
                c->gap_last = (int32_t)f.continuation_first - 1;
            }
        }
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
