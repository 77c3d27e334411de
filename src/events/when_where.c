/* when_where.c (events stage) - the date and the place of each event once a whole article is
 * coded: the date expression of the event's own clause (not one inside a background phrase:
 * "the September 11, 2001 attacks", "18 years after Washington invaded"), else the date of the
 * statement that reports it, else the publication date; the place of its clause, else its
 * target's country. events_attach_extras (emit.c) calls these; rules: docs/events.md.
 */
#include "events_internal.h"

#include <string.h>

const char *event_date_source_name(event_date_source source)
{
    static const char *const names[] = {"none", "clause", "report", "published"};
    return (unsigned)source < ARRAY_LEN(names) ? names[source] : "none";
}

const char *event_place_source_name(event_place_source source)
{
    static const char *const names[] = {"none", "clause", "target"};
    return (unsigned)source < ARRAY_LEN(names) ? names[source] : "none";
}

static bool is_any(const text_result *text, size_t k, const char *const *words, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (extras_token_is(text, k, words[i]))
            return true;
    return false;
}

/* True when token k opens another clause: a subordinator ("after Washington invaded", "that",
 * "because"), a relative word ("which", "who", "where", "when"), or a semicolon, colon,
 * dash, bracket or quotation mark. */
static bool clause_break(const text_result *text, size_t k)
{
    static const char *const words[] = {"which",  "who",    "whom",    "whose",   "where",
                                        "when",   "while",  "whereas", "because", "although",
                                        "though", "unless", "whether"};
    static const char *const marks[] = {";", ":", "(", ")"};
    const token *t = &text->tokens[k];
    if (t->upos == UPOS_SCONJ)
        return true;
    /* dashes (a spaced hyphen too: "Kyiv, 19 January - Russian forces") and quotation marks */
    if (t->kind == TOKEN_DASH || t->kind == TOKEN_QUOTE)
        return true;
    if (t->kind == TOKEN_PUNCT)
        return is_any(text, k, marks, ARRAY_LEN(marks));
    return is_any(text, k, words, ARRAY_LEN(words));
}

/* True when a clause boundary lies strictly between tokens a and b. "On March 4, when troops
 * attacked": a "when" right after the date makes the clause it opens that date's. */
static bool separated(const text_result *text, size_t date_first, size_t date_last, size_t anchor)
{
    if (anchor > date_last) {
        size_t k = date_last + 1;
        if (k < anchor && extras_token_is(text, k, ","))
            k++;
        if (k < anchor && extras_token_is(text, k, "when"))
            k++;
        for (; k < anchor; k++)
            if (clause_break(text, k))
                return true;
        return false;
    }
    for (size_t k = anchor + 1; k < date_first; k++)
        if (clause_break(text, k))
            return true;
    return false;
}

/* True when the phrase that starts at token `first` is the object of a word that relates the
 * act to another event ("after the talks on Monday", "in the wake of the September 11
 * attacks", "ahead of the vote in Kyiv"): back over the phrase and its own preposition, a
 * verb, a comma or another preposition than "of" ends it. */
static bool after_other_event(const text_result *text, const sentence *s, size_t first)
{
    static const char *const relators[] = {"after", "before",     "following", "ahead",
                                           "prior", "wake",       "preceding", "aftermath",
                                           "eve",   "anniversary"};
    /* the phrase's own preposition ("in Geneva", "on Monday") is part of it */
    if (first > s->first_token && text->tokens[first - 1].upos == UPOS_ADP &&
        !is_any(text, first - 1, relators, ARRAY_LEN(relators)))
        first--;
    for (size_t k = first, steps = 0; k > s->first_token && steps < 6; steps++) {
        k--;
        const token *t = &text->tokens[k];
        if (is_any(text, k, relators, ARRAY_LEN(relators)))
            return true;
        if (t->upos == UPOS_VERB || t->upos == UPOS_AUX || extras_token_is(text, k, ",") ||
            (t->upos == UPOS_ADP && !extras_token_is(text, k, "of")))
            break;
    }
    return false;
}

/* True when the date dates something else than the clause's act: a modifier of a noun ("the
 * September 11, 2001 attacks", "the 2014 annexation", "Sunday's vote"), or a phrase relating
 * the act to another event (after_other_event). */
static bool background(const text_result *text, const sentence *s, const date_mention *d)
{
    size_t first = d->first_token, next = d->first_token + d->ntokens;
    size_t end = s->first_token + s->ntokens;
    static const char *const possessive[] = {"'s", "\xe2\x80\x99s", "'", "\xe2\x80\x99"};
    if (next < end && text->tokens[next].kind == TOKEN_CLITIC &&
        is_any(text, next, possessive, ARRAY_LEN(possessive)))
        return true;
    static const char *const determiners[] = {"the", "a",   "an",    "its",  "their", "his",
                                              "her", "our", "whose", "this", "that"};
    static const char *const times[] = {"night",    "morning", "afternoon", "evening", "noon",
                                        "midnight", "time",    "local",     "alone"};
    if (first > s->first_token && is_any(text, first - 1, determiners, ARRAY_LEN(determiners)) &&
        next < end && text->tokens[next].upos == UPOS_NOUN &&
        !(text->tokens[next].flags & TOKEN_UPPER) && !is_any(text, next, times, ARRAY_LEN(times)))
        return true;
    return after_other_event(text, s, first);
}

/* True when a conjunction joins another clause between bytes `from` and `to` ("... on Monday
 * and Z retaliated"); a participle after a comma (", killing 12") is the same clause's. */
static bool coordinated(const text_result *text, uint32_t from, uint32_t to)
{
    static const char *const words[] = {"and", "but", "or", "while", "whereas", "yet"};
    for (size_t k = text_token_from(text, from); k < text->ntokens && text->tokens[k].end <= to;
         k++)
        if (text->tokens[k].upos == UPOS_CCONJ || is_any(text, k, words, ARRAY_LEN(words)))
            return true;
    return false;
}

/* True when another event's anchor lies between the date and this one's, on the date's side
 * after that anchor, in a clause of its own ("X attacked Y on Monday and Z retaliated":
 * Monday is the attack's). */
static bool others_date(const text_result *text, const event *events, size_t nevents,
                        const event *e, const date_mention *d)
{
    for (size_t j = 0; j < nevents; j++) {
        const event *o = &events[j];
        if (o->sentence != e->sentence || o->verb_start == e->verb_start)
            continue;
        if (o->verb_end <= d->start && d->end <= e->verb_start &&
            coordinated(text, d->end, e->verb_start))
            return true; /* B ... D and A */
        if (e->verb_end <= o->verb_start && o->verb_end <= d->start &&
            coordinated(text, e->verb_end, o->verb_start))
            return true; /* A and B ... D */
    }
    return false;
}

static bool inside(const span *s, const date_mention *d)
{
    return s->end > s->start && d->start >= s->start && d->end <= s->end;
}

void events_date_of(const article *art, const event *events, size_t nevents, event *e)
{
    const text_result *text = &art->text;
    e->date = -1;
    e->date_source = art->doc && art->doc->published ? EVENT_DATE_PUBLISHED : EVENT_DATE_NONE;
    if (e->sentence >= text->nsentences)
        return;
    const sentence *s = &text->sentences[e->sentence];
    size_t anchor = text_token_from(text, e->verb_start);
    const attribution *frame = e->attribution >= 0 && (size_t)e->attribution < art->nattributions
                                   ? &art->attributions[e->attribution]
                                   : NULL;
    long best = -1, best_distance = 0;
    for (size_t i = 0; i < art->ndates; i++) {
        const date_mention *d = &art->dates[i];
        if (d->sentence != e->sentence || !d->value)
            continue;
        /* a date outside the reported content is the report's ("..., officials said Monday") */
        if (frame && frame->sentence == e->sentence && !inside(&frame->content, d))
            continue;
        size_t last = d->first_token + d->ntokens - 1;
        if (background(text, s, d) || separated(text, d->first_token, last, anchor) ||
            others_date(text, events, nevents, e, d))
            continue;
        long distance = d->first_token > anchor ? (long)(d->first_token - anchor)
                                                : (long)(anchor - last) + 1; /* ties: after */
        if (best < 0 || distance < best_distance) {
            best = (long)i;
            best_distance = distance;
        }
    }
    if (best >= 0) {
        e->date = (int32_t)best;
        e->date_source = EVENT_DATE_CLAUSE;
        return;
    }
    if (!frame)
        return;
    /* the statement's own date: in the cue's sentence, outside the content, in the cue's
     * clause */
    const sentence *fs = &text->sentences[frame->sentence < text->nsentences ? frame->sentence : 0];
    size_t cue = text_token_from(text, frame->cue.start);
    for (size_t i = 0; i < art->ndates; i++) {
        const date_mention *d = &art->dates[i];
        if (d->sentence != frame->sentence || !d->value || inside(&frame->content, d))
            continue;
        size_t last = d->first_token + d->ntokens - 1;
        if (background(text, fs, d) || separated(text, d->first_token, last, cue))
            continue;
        long distance = d->first_token > cue ? (long)(d->first_token - cue) : (long)(cue - last);
        if (best < 0 || distance < best_distance) {
            best = (long)i;
            best_distance = distance;
        }
    }
    if (best >= 0) {
        e->date = (int32_t)best;
        e->date_source = EVENT_DATE_REPORT;
    }
}

/* Where a side is placed: the place it comes from, else a place named inside its mention
 * ("Police in Lagos"), else its country's entry. */
static const place_entry *side_geo(const article *art, const gazetteer *places,
                                   const event_side *side)
{
    if (side->place >= 0 && (size_t)side->place < art->nplaces)
        return art->places[side->place].entry;
    if (side->actor >= 0 && (size_t)side->actor < art->nactors) {
        const actor_mention *m = &art->actors[side->actor];
        for (size_t p = 0; p < art->nplaces; p++) {
            const place_mention *pm = &art->places[p];
            if (pm->start >= m->end)
                break;
            if (pm->start >= m->start && pm->end <= m->end && pm->start > m->start)
                return pm->entry;
        }
    }
    return gazetteer_country(places, side->country);
}

void events_place_of(const article *art, const gazetteer *places, event *e)
{
    const text_result *text = &art->text;
    e->place = -1;
    e->place_source = EVENT_PLACE_NONE;
    e->location = NULL;
    e->source_geo = side_geo(art, places, &e->source);
    e->target_geo = side_geo(art, places, &e->target);
    size_t anchor = text_token_from(text, e->verb_start);
    long best = -1;
    for (size_t p = 0; p < art->nplaces; p++) {
        const place_mention *m = &art->places[p];
        if (m->sentence != e->sentence || (m->cue && !strcmp(m->cue, "dateline")))
            continue;
        if (m->start >= e->verb_end) {
            /* the first place after the anchor, unless another clause or event holds it */
            if (!separated(text, m->first_token, m->first_token + m->ntokens - 1, anchor) &&
                !after_other_event(text, &text->sentences[m->sentence], m->first_token))
                best = (long)p;
            break;
        }
        if (m->start >= e->start && m->end <= e->end)
            best = (long)p;
    }
    if (best >= 0) {
        e->place = (int32_t)best;
        e->place_source = EVENT_PLACE_CLAUSE;
        e->location = art->places[best].entry;
        return;
    }
    const place_entry *country = gazetteer_country(places, e->target.country);
    if (country) {
        e->place_source = EVENT_PLACE_TARGET;
        e->location = country;
    }
}
