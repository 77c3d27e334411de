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
        const cue_form *form = attribution_cue_at(c, i, first, end, headline, &cue_end);
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
                   attribution_asked_content(c, cue_end, end, cue_end > i + 1, &src_s, &src_e) !=
                       SIZE_MAX) {
            /* "Asked whether X, Ryan said ...", "When asked about X, ...", "..., Christie
             * said when asked whether ...", "..., Haddad said, asked about X": a question whose
             * asker the text does not name - a frame with no source, its content up to the comma;
             * "Asked by Stephanopoulos to respond, Carson said": the asker after "by" is the source
             */
            size_t k0 = attribution_asked_content(c, cue_end, end, cue_end > i + 1, &src_s, &src_e);
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
                   attribution_quoted_or_clause_before(c, first, i) &&
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
                attribution_continue_quotation(c, &f, src_e, end);
        } else {
            /* SOURCE (aux/adverbs) CUE ... */
            size_t v = attribution_verb_group_start(c, first, i);
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
                subject_end = attribution_verb_group_start(c, first, subject_end);
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
            /* 'said the plan was “a disaster,” adding that ...': the comma inside the closing
             * mark is the participle's comma */
            bool quoted_comma =
                i > first + 1 && attribution_is_closing_quote(c, i - 1) && is_punct(c, i - 2, ',');
            if (v == i && slice_ends_with(tok(c, i), "ing") &&
                (i == first || is_punct(c, i - 1, ',') || c->tokens[i - 1].kind == TOKEN_DASH ||
                 quoted_comma || by_means)) {
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
                                   attribution_cue_at(c, y, x + 1, end, false, &ignored) != NULL;
                    }
                    if (main_cue)
                        continue;
                }
                if (!attribution_participle_source(c, list, sentence_frames, first, end, i, &src_s,
                                                   &src_e))
                    continue;
                phrase_e = src_e;
                from_participle = true;
            }
            /* "The campaign issued a statement Tuesday saying ...": PolNeAR's cue runs from
             * the verb that issued the document, whose subject is the source */
            size_t issued = v == i && slice_ends_with(tok(c, i), "ing")
                                ? attribution_issued_document(c, first, i)
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
                             !attribution_partial_quotation(c, first,
                                                            (size_t)c->quote_start[b - 1]))
                        attribution_set_content(c, &f, (size_t)c->quote_start[b - 1], end, true);
                    else if (b > first)
                        attribution_set_content(c, &f, first, b, false);
                    ok = f.content.end > f.content.start;
                    /* 'Yet Trump is a “change agent,” Cole said. “That's what people want.”':
                     * a clause that closes with a quotation goes on as a quotation does */
                    if (ok && (f.direct || (b > first && attribution_is_closing_quote(c, b - 1))))
                        attribution_continue_quotation(c, &f, cue_end, end);
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
            while (phrase_e > src_e &&
                   (is_punct(c, phrase_e - 1, ',') || c->tokens[phrase_e - 1].kind == TOKEN_DASH))
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
