/* verbs.c - the cue word at a token and the verb group around it (attribution stage): which
 * occurrences of a lexicon word are reporting verbs (not nouns, names or participles before a
 * noun), the auxiliaries and adverbs that join the group, the subject a participle reports for,
 * the question after "asked" and the document a participle follows ("issued a statement saying").
 * frames.c reads frames around what these find.
 */
#include "attribution_internal.h"

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
const cue_form *attribution_cue_at(const frame_ctx *c, size_t i, size_t first, size_t end,
                                   bool headline, size_t *cue_end)
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
size_t attribution_asked_content(const frame_ctx *c, size_t k, size_t end, bool particle,
                                 size_t *src_s, size_t *src_e)
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
size_t attribution_verb_group_start(const frame_ctx *c, size_t first, size_t i)
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
bool attribution_participle_source(const frame_ctx *c, const frame_list *list,
                                   size_t sentence_frames, size_t first, size_t end, size_t i,
                                   size_t *src_s, size_t *src_e)
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
            size_t v = attribution_verb_group_start(c, from, k), head;
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
size_t attribution_issued_document(const frame_ctx *c, size_t first, size_t i)
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
                return attribution_verb_group_start(c, first, p);
        return SIZE_MAX;
    }
    return SIZE_MAX;
}
