/* emit.c - emission for the event coder: appending an event (one per pair and root in a
 * sentence), its attribution frame, the explain trace, and attaching the quantities, place and
 * date of each event's clause once a whole article is coded.
 */
#include "events_internal.h"

#include <stdarg.h>
#include <stdio.h>

int32_t events_attribution_of(const clause_ctx *c, long anchor)
{
    uint32_t global = c->first_token + (uint32_t)anchor;
    int32_t best = -1;
    uint32_t best_size = 0;
    for (size_t i = 0; i < c->art->nattributions; i++) {
        const attribution *f = &c->art->attributions[i];
        if (f->content_last <= f->content_first)
            continue;
        if (global >= f->content_first && global < f->content_last) {
            uint32_t size = f->content_last - f->content_first;
            if (best < 0 || size < best_size) {
                best = (int32_t)i;
                best_size = size;
            }
        }
    }
    return best;
}

/* Two sides that code the same actor ("Putin" and "his" in one sentence), or the same
 * unknown side. */
static bool same_side(const event_side *a, const event_side *b)
{
    if (a->code && b->code)
        return strcmp(a->code, b->code) == 0;
    return !a->code && !b->code;
}

static bool is_mention(const event_side *side)
{
    return side->via == SIDE_TEXT || side->via == SIDE_REFERENCE;
}

sitrep_status events_emit(emit_state *st, const clause_ctx *c, const verbmatch *m,
                          const event_side *source, const event_side *target, const char *code,
                          uint8_t modality, long span_first, long span_last)
{
    if (is_mention(source) && is_mention(target) && source->code && target->code &&
        strcmp(source->code, target->code) == 0)
        return SITREP_OK; /* an actor acting on itself */
    for (size_t i = 0; i < st->count; i++) {
        event *e = &st->items[i];
        /* "Militants opened fire on the base ... the base came under fire": an act whose doer
         * is unknown, done to a side that another event of the sentence with the same root
         * has a doer for, is that event */
        if (e->sentence == c->sentence && strncmp(e->code, code, 2) == 0 &&
            same_side(&e->target, target) && target->code && !source->code && e->source.code)
            return SITREP_OK;
        if (e->sentence == c->sentence && strncmp(e->code, code, 2) == 0 &&
            same_side(&e->target, target) && target->code && source->code && !e->source.code) {
            st->count--; /* the doer is named now: replace the event that lacked it */
            memmove(e, e + 1, (st->count - i) * sizeof *e);
            i--;
            continue;
        }
        /* one event per pair and root in a sentence ("sent troops to help": 072, not 070) */
        if (e->sentence == c->sentence && same_side(&e->source, source) &&
            same_side(&e->target, target) && strncmp(e->code, code, 2) == 0) {
            bool general = strlen(code) == 3 && code[2] == '0';
            if (general || strcmp(e->code, code) == 0 ||
                !(strlen(e->code) == 3 && e->code[2] == '0'))
                return SITREP_OK;
            st->count--; /* replace the general code with the specific one */
            memmove(e, e + 1, (st->count - i) * sizeof *e);
            break;
        }
    }
    if (c->trace) {
        if (buf_printf(c->trace, "  event %s %s -> %s (%s) by %s:%u\n", code,
                       source->code ? source->code : "-", target->code ? target->code : "-",
                       event_modality_name(modality), m->rule->file, m->rule->line))
            return SITREP_ELIMIT;
    }
    if (st->count >= EVENTS_MAX_PER_ARTICLE) {
        st->dropped = true;
        return SITREP_OK;
    }
    event *grown = arena_array_room(st->a, st->items, st->count, &st->alloc, sizeof *grown);
    if (!grown)
        return SITREP_ELIMIT;
    st->items = grown;
    event *e = &st->items[st->count++];
    memset(e, 0, sizeof *e);
    e->sentence = c->sentence;
    e->source = *source;
    e->target = *target;
    snprintf(e->code, sizeof e->code, "%s", code);
    e->cameo = c->tables->cameo ? cameo_find(c->tables->cameo, code, strlen(code)) : NULL;
    e->modality = modality;
    e->attribution = events_attribution_of(c, m->anchor);
    if (span_first < 0)
        span_first = 0;
    if ((size_t)span_last >= c->ntokens)
        span_last = (long)c->ntokens - 1;
    e->start = c->tokens[span_first].start;
    e->end = c->tokens[span_last].end;
    e->verb_start = c->tokens[m->anchor].start;
    e->verb_end = c->tokens[m->anchor].end;
    e->rule = m->rule;
    return SITREP_OK;
}

sitrep_status events_emit_actors(emit_state *st, const clause_ctx *c, const verbmatch *m,
                                 long source, long target, const char *code, uint8_t modality,
                                 long span_first, long span_last)
{
    event_side s = events_side_actor(c, source), t = events_side_actor(c, target);
    return events_emit(st, c, m, &s, &t, code, modality, span_first, span_last);
}

sitrep_status events_trace(const clause_ctx *c, const char *format, ...)
{
    if (!c->trace)
        return SITREP_OK;
    char line[512];
    va_list ap;
    va_start(ap, format);
    vsnprintf(line, sizeof line, format, ap);
    va_end(ap);
    return buf_append_str(c->trace, line) ? SITREP_ELIMIT : SITREP_OK;
}

const char *events_actor_label(const clause_ctx *c, long k, char *out, size_t n)
{
    if (k < 0)
        return "none";
    const actor_mention *m = mention(c, k);
    snprintf(out, n, "'%.*s' %s", (int)(m->end - m->start), c->text + m->start,
             m->code ? m->code : "(no code)");
    return out;
}

/* Attaches the extras of each event's clause: the quantities inside its evidence span, the
 * nearest place after its anchor in the sentence (else the nearest inside the span), and the
 * date nearest to its anchor in the sentence. All three arrays are in text order. */
void events_attach_extras(const article *art, event *events, size_t nevents)
{
    for (size_t i = 0; i < nevents; i++) {
        event *e = &events[i];
        e->place = e->date = -1;
        e->quantity_first = e->nquantities = 0;
        for (size_t q = 0; q < art->nquantities; q++) {
            const quantity *m = &art->quantities[q];
            if (m->sentence != e->sentence || m->start < e->start || m->end > e->end)
                continue;
            if (!e->nquantities)
                e->quantity_first = (uint32_t)q;
            if (e->quantity_first + e->nquantities == q)
                e->nquantities++;
        }
        long best = -1;
        for (size_t p = 0; p < art->nplaces; p++) {
            const place_mention *m = &art->places[p];
            if (m->sentence != e->sentence)
                continue;
            if (m->start >= e->verb_end) {
                best = (long)p;
                break;
            }
            if (m->start >= e->start && m->end <= e->end)
                best = (long)p;
        }
        e->place = (int32_t)best;
        /* the date of its own clause: the first after the anchor and before the next event's
         * anchor, else the last before it and after the previous event's anchor */
        uint32_t next = UINT32_MAX, previous = 0;
        for (size_t j = 0; j < nevents; j++) {
            const event *o = &events[j];
            if (o->sentence != e->sentence || o->verb_start == e->verb_start)
                continue;
            if (o->verb_start > e->verb_start && o->verb_start < next)
                next = o->verb_start;
            if (o->verb_end <= e->verb_start && o->verb_end > previous)
                previous = o->verb_end;
        }
        long after = -1, before = -1;
        for (size_t d = 0; d < art->ndates; d++) {
            const date_mention *m = &art->dates[d];
            if (m->sentence != e->sentence)
                continue;
            if (m->start >= e->verb_end && m->start < next && after < 0)
                after = (long)d;
            if (m->end <= e->verb_start && m->start >= previous)
                before = (long)d;
        }
        e->date = (int32_t)(after >= 0 ? after : before);
    }
}
