/* actors.c - the actors stage: finds the actors of an article and gives them CAMEO codes.
 *
 * Runs after the text stage: longest dictionary match over tokens (countries, people,
 * organisations, groups, metonyms), country + role combinations ("North Korean troops",
 * "Russia's army", "Kim's regime"), titles before names, unknown capitalised names (code
 * null), and coreference within the article (pronouns, titles, short names, "the two
 * countries"). POS tags are used when present, never required. This file runs the scan over
 * each sentence (scan.c, mentions.c) and the passes over the whole article after it.
 */
#include "actors_internal.h"

#include <string.h>

/* "Bree Prime Minister Romendacil": a name right after a country + role mention names the
 * office holder, so a name coded with that country alone takes the longer code (BRE ->
 * BREGOV), as a title before a name joins the person. */
static void name_after_role(scan *s)
{
    for (size_t k = 1; k < s->count; k++) {
        actor_mention *left = &s->mentions[k - 1], *right = &s->mentions[k];
        if (left->sentence != right->sentence || !left->code || !right->code ||
            left->end > right->start)
            continue;
        size_t n = strlen(right->code);
        if (strlen(left->code) <= n || strncmp(left->code, right->code, n) != 0)
            continue;
        bool adjacent = true;
        for (uint32_t i = left->end; i < right->start && adjacent; i++)
            adjacent = s->text->text[i] == ' ';
        if (!adjacent)
            continue;
        right->code = left->code;
        right->country = left->country;
        right->role = left->role;
    }
}

/* True when the text between byte offsets [from, to) is only spaces and one of: ",", "and",
 * ", and", "or". */
static bool list_joint(const scan *s, uint32_t from, uint32_t to)
{
    char between[16];
    size_t n = 0;
    for (uint32_t i = from; i < to; i++) {
        if (s->text->text[i] == ' ')
            continue;
        if (n + 1 >= sizeof between)
            return false;
        between[n++] = s->text->text[i];
    }
    between[n] = '\0';
    return strcmp(between, ",") == 0 || strcmp(between, "and") == 0 ||
           strcmp(between, ",and") == 0 || strcmp(between, "or") == 0;
}

/* "the ambassadors of Arnor, Osgiliath and Gondor": the role of a "ROLE of/from COUNTRY"
 * mention goes to the countries listed right after it (OSGGOV, GONGOV). */
static void role_over_list(scan *s)
{
    for (size_t k = 0; k + 1 < s->count; k++) {
        const actor_mention *first = &s->mentions[k];
        if (!first->role || !first->country || first->kind != ACTOR_KIND_AGENT)
            continue;
        const char *t = s->text->text;
        bool of = false;
        for (uint32_t i = first->start; i + 6 <= first->end && !of; i++)
            of = memcmp(t + i, " of ", 4) == 0 || memcmp(t + i, " from ", 6) == 0 ||
                 memcmp(t + i, " in ", 4) == 0;
        if (!of)
            continue;
        uint32_t end = first->end;
        for (size_t j = k + 1; j < s->count; j++) {
            actor_mention *m = &s->mentions[j];
            if (m->sentence != first->sentence || m->start < end || !list_joint(s, end, m->start) ||
                m->kind != ACTOR_KIND_COUNTRY || m->role || !m->country)
                break;
            const char *code = scan_combine(s, m->country, first->role);
            if (code)
                m->code = code, m->role = first->role;
            end = m->end;
        }
    }
}

/* "Danish media and government", "Russia's army and police": a country's role joined by
 * "and" to a bare role lends that role its country (DNKMED, DNKGOV). */
static void country_over_roles(scan *s)
{
    for (size_t k = 0; k + 1 < s->count; k++) {
        const actor_mention *first = &s->mentions[k];
        actor_mention *next = &s->mentions[k + 1];
        if (!first->role || !first->country || first->kind != ACTOR_KIND_AGENT ||
            next->sentence != first->sentence || next->start < first->end ||
            next->kind != ACTOR_KIND_AGENT || next->country || !next->role || !next->code ||
            strcmp(next->code, next->role) != 0 || !list_joint(s, first->end, next->start))
            continue;
        const char *code = scan_combine(s, first->country, next->role);
        if (code)
            next->code = code, next->country = first->country;
    }
}

sitrep_status actors_extract(arena *a, const dict *d, article *art)
{
    art->actors = NULL;
    art->nactors = 0;
    if (!d || !dict_entry_count(d))
        return SITREP_OK;
    const text_result *text = &art->text;
    scan s = {.a = a, .d = d, .art = art, .text = text};
    const char *published = art->doc->published;
    char now[11];
    if (!published || !dict_parse_date(published, strlen(published), false, &s.date)) {
        clock_today(now);
        if (!dict_parse_date(now, 10, false, &s.date))
            s.date = 0;
        s.date_is_today = true;
    }
    scan_words_init();
    uint32_t *ids = NULL;
    uint32_t *wflags = NULL;
    size_t ids_alloc = 0;
    for (size_t si = 0; si < text->nsentences && !s.full; si++) {
        const sentence *sent = &text->sentences[si];
        if (sent->ntokens > ids_alloc) {
            size_t alloc = sent->ntokens * 2;
            if (!(ids = arena_alloc(a, alloc * sizeof *ids)) ||
                !(wflags = arena_alloc(a, alloc * sizeof *wflags)))
                return SITREP_ELIMIT;
            ids_alloc = alloc;
        }
        s.tokens = text->tokens + sent->first_token;
        s.n = sent->ntokens;
        s.ids = ids;
        s.wflags = wflags;
        s.sentence = (uint32_t)si;
        s.tagged = s.n && s.tokens[0].upos != UPOS_NONE;
        /* one fold per token serves the vocabulary and the word classes */
        size_t words = 0, capitals = 0;
        for (size_t k = 0; k < s.n; k++) {
            const token *t = &s.tokens[k];
            if (t->kind == TOKEN_WORD && t->end - t->start > 1) {
                words++;
                capitals += (t->flags & TOKEN_ALL_UPPER) != 0;
            }
            char folded[VOCAB_MAX_TOKEN];
            size_t len =
                vocab_fold(text->text + t->start, t->end - t->start, folded, sizeof folded);
            ids[k] = len ? dict_token_id(d, folded, len) : VOCAB_NONE;
            wflags[k] = t->kind == TOKEN_WORD ? scan_word_flags(folded, len) : 0;
        }
        s.in_capitals = words >= 3 && capitals * 5 >= words * 4;
        for (size_t i = 0; i < s.n && !s.full;)
            i = scan_step(&s, i);
    }
    if (s.full && s.count < ACTORS_MAX_PER_ARTICLE)
        return SITREP_ELIMIT;
    if (s.used_today) {
        char *message = arena_printf(a,
                                     "no publication date: dated actor codes were resolved "
                                     "for today (%s)",
                                     now);
        if (!message)
            return SITREP_ELIMIT;
        warning_add(&art->doc->warnings, "no_published_date", message);
    }
    name_after_role(&s);
    role_over_list(&s);
    country_over_roles(&s);
    art->actors = s.mentions;
    art->nactors = s.count;
    return SITREP_OK;
}
