/* emit.c - emission for the event coder: appending an event (one per pair and root in a
 * sentence), its attribution frame, the explain trace, and attaching the quantities, place and
 * date of each event's clause once a whole article is coded.
 */
#include "events_internal.h"

#include <strings.h>

#include <stdarg.h>
#include <stdio.h>

int32_t events_attribution_of(const clause_ctx *c, long anchor)
{
    return attribution_frame_of_token(c->art, c->first_token + (uint32_t)anchor);
}

/* Two sides that code the same actor ("Putin" and "his" in one sentence), or the same
 * unknown side. */
static bool same_side(const event_side *a, const event_side *b)
{
    if (a->code && b->code)
        return strcmp(a->code, b->code) == 0;
    return !a->code && !b->code;
}

/* The mention a side's mention refers to, through pronouns and descriptions. */
static int32_t referent(const clause_ctx *c, int32_t k)
{
    for (int hops = 0; k >= 0 && hops < 8 && c->art->actors[k].antecedent >= 0; hops++)
        k = c->art->actors[k].antecedent;
    return k;
}

/* Two sides from the same actor: one mention, one referring to the other ("Putin ... his"), or
 * the same words ("Russia ... Russia"). Two mentions of one code are two actors otherwise, which
 * matters for violence between armed actors: "Serraj's forces struck an LNA position" (LBYMIL
 * on both sides of a civil war). Other acts between two mentions of one code are mostly
 * misreadings ("Trump attacked Romney") and are not coded. */
static bool same_actor(const clause_ctx *c, const event_side *a, const event_side *b)
{
    if (a->actor < 0 || b->actor < 0)
        return true;
    int32_t ra = referent(c, a->actor), rb = referent(c, b->actor);
    if (ra == rb)
        return true;
    const actor_mention *ma = &c->art->actors[ra], *mb = &c->art->actors[rb];
    size_t la = ma->end - ma->start, lb = mb->end - mb->start;
    return la == lb && strncasecmp(c->text + ma->start, c->text + mb->start, la) == 0;
}

/* Armed forces, rebels, police, intelligence, criminals: those whose fights are fights. */
static bool armed(const event_side *side)
{
    static const char *const roles[] = {"MIL", "REB", "INS", "UAF", "COP", "SPY", "CRM", NULL};
    return side->role && in_list(side->role, roles);
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
        strcmp(source->code, target->code) == 0 &&
        (!(code_is(code, "18") || code_is(code, "19") || code_is(code, "20")) || !armed(source) ||
         same_actor(c, source, target)))
        return SITREP_OK; /* an actor acting on itself */
    /* sentences are coded in order: the events of this one are the last ones */
    for (size_t i = SORTED_FIRST(event, st->items, st->count, sentence, c->sentence); i < st->count;
         i++) {
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
    /* the one place the coder takes modality from the frame: inside a claim its source denies
     * ("Russia denied that its troops shelled the plant") the event is negated - once, also
     * when its own verb group was negated already */
    int32_t frame = events_attribution_of(c, m->anchor);
    if (frame >= 0 && c->art->attributions[frame].stance == STANCE_DENIES)
        modality = MODALITY_NEGATED;
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
    e->attribution = frame;
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
    int w = snprintf(out, n, "'%.*s' %s", (int)(m->end - m->start), c->text + m->start,
                     m->code ? m->code : "(no code)");
    /* a long name cut by the buffer is cut at a whole character */
    if (w >= 0 && (size_t)w >= n && n > 0)
        out[utf8_valid_prefix(out, strlen(out))] = '\0';
    return out;
}

/* Attaches the extras of each event's clause: the quantities inside its evidence span, then
 * its place and date (when_where.c). All three arrays are in text order. */
void events_attach_extras(const article *art, const event_tables *tables, event *events,
                          size_t nevents)
{
    for (size_t i = 0; i < nevents; i++) {
        event *e = &events[i];
        e->quantity_first = e->nquantities = 0;
        for (size_t q =
                 SORTED_FIRST(quantity, art->quantities, art->nquantities, sentence, e->sentence);
             q < art->nquantities && art->quantities[q].sentence == e->sentence; q++) {
            const quantity *m = &art->quantities[q];
            if (m->start < e->start || m->end > e->end)
                continue;
            if (!e->nquantities)
                e->quantity_first = (uint32_t)q;
            if (e->quantity_first + e->nquantities == q)
                e->nquantities++;
        }
        events_place_of(art, tables ? tables->places : NULL, e);
        events_date_of(art, events, nevents, e);
    }
}
