/* speakers.c - who a frame's source is (attribution stage): its kind (named person, official,
 * organisation, document, anonymous, the publisher), the speaker a pronoun stands for across
 * the text (the actor stage's antecedent, else the nearest named person before it: a new named
 * speaker ends the old one), and the speaker's actor code. Actor mentions are in text order,
 * so every lookup is a binary search, never a scan of the article.
 */
#include "attribution_internal.h"

#include <ctype.h>

/* ---- actor mentions by offset ---- */

/* The first mention that starts at or after `offset`. */
static size_t mention_at_or_after(const article *art, uint32_t offset)
{
    size_t lo = 0, hi = art->nactors;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (art->actors[mid].start < offset)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

static bool kind_is(const actor_mention *m, const char *kind)
{
    return m->kind && m->kind[0] == kind[0] && strcmp(m->kind, kind) == 0;
}

/* The mention that covers byte `offset`, or -1. */
static int32_t mention_covering(const article *art, uint32_t offset)
{
    size_t k = mention_at_or_after(art, offset + 1);
    while (k-- > 0) {
        const actor_mention *m = &art->actors[k];
        if (m->start <= offset && offset < m->end)
            return (int32_t)k;
        if (m->end <= offset && offset - m->end > 64)
            break; /* mentions are short: nothing further left covers it */
    }
    return -1;
}

/* ---- names ---- */

/* Two or more capitalised name words in a row in [from, to) (titles such as "Gen." may lead;
 * institution words and acronyms are not name words). */
static bool has_name_run(const frame_ctx *c, size_t from, size_t to)
{
    size_t run = 0;
    for (size_t i = from; i < to; i++) {
        bool name_word = is_capitalised(c, i) && !tok_is(c, i, "the") && !tok_is(c, i, "a") &&
                         !tok_is(c, i, "an");
        if (name_word &&
            (TOK_IN(c, i, attribution_institution_words) || c->tokens[i].flags & TOKEN_ALL_UPPER))
            name_word = false;
        if (name_word) {
            if (++run >= 2)
                return true;
        } else if (!(c->tokens[i].kind == TOKEN_ABBREV && (c->tokens[i].flags & TOKEN_UPPER) &&
                     run == 0)) {
            run = 0;
        }
    }
    return false;
}

/* Phrases that make a source anonymous on purpose. */
static bool anonymous_phrase(const frame_ctx *c, size_t s, size_t e)
{
    for (size_t i = s; i + 1 < e; i++) {
        if ((tok_is(c, i, "familiar") || tok_is(c, i, "close")) &&
            (tok_is(c, i + 1, "with") || tok_is(c, i + 1, "to")))
            return true;
        if (tok_is(c, i, "anonymity") || tok_is(c, i, "unnamed") || tok_is(c, i, "anonymous") ||
            (tok_is(c, i, "not") && (tok_is(c, i + 1, "authorized") ||
                                     tok_is(c, i + 1, "authorised") || tok_is(c, i + 1, "to"))))
            return true;
    }
    return false;
}

attribution_kind attribution_classify(const frame_ctx *c, size_t s, size_t e, size_t *name_start)
{
    *name_start = s;
    /* the head: the last word before "of", "for", "at", "on", a comma or "who" */
    size_t head_end = e;
    for (size_t i = s; i < e; i++)
        if (is_punct(c, i, ',') || tok_is(c, i, "of") || tok_is(c, i, "for") ||
            tok_is(c, i, "at") || tok_is(c, i, "on") || tok_is(c, i, "who") || tok_is(c, i, "in") ||
            tok_is(c, i, "from") || tok_is(c, i, "with") || tok_is(c, i, "familiar") ||
            tok_is(c, i, "close") || tok_is(c, i, "that") || is_punct(c, i, '(')) {
            head_end = i;
            break;
        }
    if (head_end == s)
        head_end = e;
    size_t head = head_end - 1;
    if (TOK_IN(c, head, attribution_document_heads) || tok_is(c, s, "according"))
        return ATTRIB_DOCUMENT;
    if (has_name_run(c, s, head_end))
        return ATTRIB_NAMED;
    /* the name after the description: "A spokesman for the group, Yahya Saree" */
    for (size_t i = e; i-- > s + 1;)
        if (is_punct(c, i, ',')) {
            if (e - (i + 1) <= 5 && has_name_run(c, i + 1, e)) {
                *name_start = i + 1;
                return ATTRIB_NAMED;
            }
            break;
        }
    if (TOK_IN(c, head, attribution_anonymous_heads) && !tok_is(c, head, "people") &&
        !tok_is(c, head, "person"))
        return ATTRIB_ANONYMOUS;
    if (anonymous_phrase(c, s, e))
        return ATTRIB_ANONYMOUS;
    if (TOK_IN(c, head, attribution_official_heads))
        return ATTRIB_OFFICIAL;
    /* a bare surname ("Ghani added", "Mr. Lou declined") is a person unless it is an
     * institution word, an acronym or the actor stage knows it as something else */
    size_t words = 0, caps = 0;
    for (size_t i = s; i < head_end; i++)
        if (is_word(c, i)) {
            words++;
            caps += is_capitalised(c, i) && !(c->tokens[i].flags & TOKEN_ALL_UPPER) &&
                    !TOK_IN(c, i, attribution_institution_words) && !tok_is(c, i, "the");
        }
    if (words >= 1 && words <= 2 && caps == words) {
        int32_t m = mention_covering(c->art, c->tokens[head].start);
        if (m < 0 || kind_is(&c->art->actors[m], "person"))
            return ATTRIB_NAMED;
    }
    if (words == 2 && caps == 1 && c->tokens[s].kind == TOKEN_ABBREV &&
        (tok_is(c, s, "Mr.") || tok_is(c, s, "Mrs.") || tok_is(c, s, "Ms.") ||
         tok_is(c, s, "Dr.") || tok_is(c, s, "Sen.") || tok_is(c, s, "Rep.") ||
         tok_is(c, s, "Gen.") || tok_is(c, s, "Gov.")))
        return ATTRIB_NAMED;
    return ATTRIB_ORGANIZATION;
}

/* ---- the speaker of each frame ---- */

/* The root of a mention's chain of antecedents. */
static int32_t root_mention(const article *art, int32_t k)
{
    for (int guard = 0; k >= 0 && art->actors[k].antecedent >= 0 && guard < 64; guard++)
        k = art->actors[k].antecedent;
    return k;
}

/* The last mention of a person that ends before `offset`, within `window` bytes, or -1.
 * Pronouns count through their antecedents. */
static int32_t last_person_before(const article *art, uint32_t offset, uint32_t window)
{
    size_t k = mention_at_or_after(art, offset);
    while (k-- > 0) {
        const actor_mention *m = &art->actors[k];
        if (m->end > offset)
            continue;
        if (offset - m->end > window)
            break;
        if (kind_is(m, "person"))
            return (int32_t)k;
        if (kind_is(m, "pronoun") && m->antecedent >= 0) {
            int32_t root = root_mention(art, (int32_t)k);
            if (root >= 0 && kind_is(&art->actors[root], "person"))
                return root;
        }
    }
    return -1;
}

static bool singular_person_pronoun(const frame_ctx *c, size_t i)
{
    return tok_is(c, i, "he") || tok_is(c, i, "she");
}

/* The speaker of a pronoun source at token s. Tries, in order: the antecedent the actor stage
 * found for the pronoun; for he/she the nearest person before it - a person mention or a
 * named frame source, whichever is later; for they/it the last frame whose source is a group
 * or organisation. I and we outside a quotation are the writer. */
static void resolve_pronoun(const frame_ctx *c, frame_list *list, size_t index, size_t s)
{
    attribution *f = &list->items[index];
    const article *art = c->art;
    bool singular = singular_person_pronoun(c, s);
    int32_t m = mention_covering(art, c->tokens[s].start);
    if (m >= 0 && kind_is(&art->actors[m], "pronoun") && art->actors[m].antecedent >= 0) {
        int32_t root = root_mention(art, m);
        const actor_mention *r = &art->actors[root];
        if (!singular || kind_is(r, "person")) {
            f->speaker.start = r->start;
            f->speaker.end = r->end;
            f->speaker_actor = root;
            f->kind = kind_is(r, "person") ? ATTRIB_NAMED : ATTRIB_ORGANIZATION;
            f->resolved_from_pronoun = true;
            return;
        }
    }
    if (tok_is(c, s, "i") || tok_is(c, s, "we")) {
        f->kind = ATTRIB_PUBLISHER;
        return;
    }
    /* the nearest earlier frame of the right kind */
    int32_t frame = -1;
    for (size_t k = index; k-- > 0 && index - k <= 64;) {
        const attribution *prev = &list->items[k];
        if (prev->resolved_from_pronoun && !singular)
            continue;
        if (singular ? prev->kind == ATTRIB_NAMED
                     : prev->kind != ATTRIB_NAMED && prev->kind != ATTRIB_PUBLISHER &&
                           prev->kind != ATTRIB_NONE) {
            frame = (int32_t)k;
            break;
        }
    }
    if (singular) {
        uint32_t at = c->tokens[s].start;
        int32_t person = last_person_before(art, at, 4000);
        uint32_t frame_at = frame >= 0 ? list->items[frame].speaker.start : 0;
        if (person >= 0 && (frame < 0 || art->actors[person].start > frame_at)) {
            f->speaker.start = art->actors[person].start;
            f->speaker.end = art->actors[person].end;
            f->speaker_actor = person;
            f->kind = ATTRIB_NAMED;
            f->resolved_from_pronoun = true;
            return;
        }
    }
    if (frame >= 0) {
        const attribution *prev = &list->items[frame];
        f->kind = prev->kind;
        f->speaker = prev->speaker;
        f->speaker_actor = prev->speaker_actor;
        f->resolved_from_pronoun = true;
        return;
    }
    f->kind = singular ? ATTRIB_NAMED : ATTRIB_ORGANIZATION;
}

/* The actor code of a speaker, from the actor mentions inside its head phrase (before an
 * apposition's comma: "Edward Howell, an expert on North Korea" is not PRK). A named speaker
 * takes a person's code first; any other takes the last coded mention of the phrase, its head
 * ("Yemen's Houthi rebels" is the rebels' code, not Yemen's). */
static const char *speaker_code(const article *art, attribution *f)
{
    if (f->speaker_actor >= 0 && art->actors[f->speaker_actor].code)
        return art->actors[f->speaker_actor].code;
    span s = f->speaker;
    for (uint32_t k = s.start; k < s.end; k++)
        if (art->text.text[k] == ',') {
            s.end = k;
            break;
        }
    const char *last = NULL;
    int32_t last_index = -1;
    for (size_t i = mention_at_or_after(art, s.start); i < art->nactors; i++) {
        const actor_mention *m = &art->actors[i];
        if (m->start >= s.end)
            break;
        if (m->end > s.end || !m->code)
            continue;
        if (f->kind == ATTRIB_NAMED && kind_is(m, "person")) {
            f->speaker_actor = (int32_t)i;
            return m->code;
        }
        last = m->code;
        last_index = (int32_t)i;
    }
    if (last_index >= 0 && f->speaker_actor < 0)
        f->speaker_actor = last_index;
    return last;
}

/* Does the source's head phrase (before any comma) start with a mention the actor stage knows
 * as a person? */
static bool speaker_is_person(const article *art, const attribution *f)
{
    span s = f->speaker;
    size_t i = mention_at_or_after(art, s.start);
    if (i >= art->nactors || art->actors[i].start >= s.end)
        return false;
    const actor_mention *m = &art->actors[i];
    for (uint32_t k = s.start; k < m->start; k++)
        if (art->text.text[k] == ',')
            return false;
    return kind_is(m, "person");
}

/* The last word of a span of the body ("Lowell" of "press secretary Karen Lowell"). */
static span last_word(const char *text, span s)
{
    uint32_t e = s.end;
    while (e > s.start && !isalnum((unsigned char)text[e - 1]))
        e--;
    uint32_t b = e;
    while (b > s.start && text[b - 1] != ' ' && text[b - 1] != '\n')
        b--;
    return (span){b, e};
}

/* A person named again by surname ("Lowell told reporters"), or a pronoun whose antecedent
 * has no code ("she" for "Karen Lowell"): the nearest earlier named frame (at most 64 back)
 * whose speaker ends with the same word lends its full name (for a bare surname) and its
 * code. */
static void same_person_before(const frame_ctx *c, frame_list *list, size_t index, bool surname)
{
    attribution *f = &list->items[index];
    span w = last_word(c->text, f->speaker);
    if (w.end <= w.start || !isupper((unsigned char)c->text[w.start]))
        return;
    for (size_t k = index; k-- > 0 && index - k <= 64;) {
        const attribution *prev = &list->items[k];
        if (prev->kind != ATTRIB_NAMED || prev->speaker.end <= prev->speaker.start)
            continue;
        span v = last_word(c->text, prev->speaker);
        if (v.end - v.start != w.end - w.start ||
            memcmp(c->text + v.start, c->text + w.start, w.end - w.start) != 0)
            continue;
        if (surname &&
            prev->speaker.end - prev->speaker.start > f->speaker.end - f->speaker.start) {
            f->speaker = prev->speaker;
            f->speaker_actor = prev->speaker_actor;
        }
        if (!f->code)
            f->code = prev->code;
        return;
    }
}

void attribution_resolve_speakers(const frame_ctx *c, frame_list *list)
{
    for (size_t i = 0; i < list->count; i++) {
        attribution *f = &list->items[i];
        if (f->source.end <= f->source.start) {
            f->speaker = f->source;
            continue;
        }
        size_t s = attribution_token_at(c, f->source.start);
        size_t e = attribution_token_at(c, f->source.end);
        size_t pe =
            attribution_token_at(c, f->phrase.end > f->source.end ? f->phrase.end : f->source.end);
        f->speaker = f->source;
        if (e == s + 1 && TOK_IN(c, s, attribution_pronouns)) {
            resolve_pronoun(c, list, i, s);
        } else if (f->kind == ATTRIB_NONE) { /* frames.c presets the kind of a few shapes */
            size_t name_start;
            f->kind = (uint8_t)attribution_classify(c, s, pe, &name_start);
            if (name_start > s)
                f->speaker.start = c->tokens[name_start].start;
            if (f->cue_class == CUE_DOCUMENT && f->kind == ATTRIB_ORGANIZATION &&
                TOK_IN(c, e - 1, attribution_document_heads))
                f->kind = ATTRIB_DOCUMENT;
        }
        /* the actor stage knows people the capitalisation rule cannot see ("Fidan said") */
        if (f->kind != ATTRIB_NAMED && f->kind != ATTRIB_ANONYMOUS && !f->resolved_from_pronoun &&
            speaker_is_person(c->art, f))
            f->kind = ATTRIB_NAMED;
        /* a named speaker without its apposition: "Edward Howell, an expert on ..." */
        if (f->kind == ATTRIB_NAMED && !f->resolved_from_pronoun)
            for (uint32_t k = f->speaker.start; k < f->speaker.end; k++)
                if (c->text[k] == ',') {
                    uint32_t end = k;
                    while (end > f->speaker.start && c->text[end - 1] == ' ')
                        end--;
                    if (end > f->speaker.start)
                        f->speaker.end = end;
                    break;
                }
        f->code = speaker_code(c->art, f);
        /* the name without its title: "White House press secretary Karen Lowell" speaks as
         * "Karen Lowell" (the code stays the phrase's: USAGOV) */
        if (f->kind == ATTRIB_NAMED && !f->resolved_from_pronoun)
            for (size_t m = mention_at_or_after(c->art, f->speaker.start);
                 m < c->art->nactors && c->art->actors[m].start < f->speaker.end; m++)
                if (kind_is(&c->art->actors[m], "person") &&
                    c->art->actors[m].end <= f->speaker.end) {
                    f->speaker.start = c->art->actors[m].start;
                    f->speaker.end = c->art->actors[m].end;
                    break;
                }
        /* "Lowell said", after "press secretary Karen Lowell said": the same person */
        bool surname = f->kind == ATTRIB_NAMED && !f->resolved_from_pronoun && e == s + 1;
        if (f->kind == ATTRIB_NAMED && (surname || !f->code))
            same_person_before(c, list, i, surname);
    }
}
