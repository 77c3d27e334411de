/* place.c (extras stage) - where: finds gazetteer names in the tokens ("in Kursk", "Russia's
 * western Kursk region", "eastern and southern areas of Ukraine", "the Gaza Strip").
 *
 * A country, city or first-level region is coded as a place only with a locative cue or a
 * place noun (a capital without one is a metonym for a government: "Moscow said" is an actor).
 * Rules: docs/places.md. Output is the top-level `places` array.
 */
#include "extras.h"

#include <string.h>

static const char *const locative_cues[] = {
    "in",      "near",    "to",       "from",     "into",     "at",         "across",  "outside",
    "inside",  "around",  "towards",  "toward",   "through",  "throughout", "within",  "over",
    "along",   "via",     "beyond",   "off",      "onto",     "between",    "entered", "invaded",
    "invade",  "enter",   "reach",    "reached",  "captured", "visit",      "visited", "bombed",
    "shelled", "struck",  "attacked", "occupied", "annexed",  "recaptured", "retook",  "seized",
    "overran", "stormed", "raided",
};

/* Nouns of attack before "on" or "of" that make a name the place attacked: "air strikes on
 * Gaza", "the shelling of Kharkiv" (elsewhere "on Moscow" is a government: "sanctions on"). */
static const char *const attack_nouns[] = {
    "strike",      "strikes", "airstrike", "airstrikes", "attack",   "attacks",
    "raid",        "raids",   "assault",   "offensive",  "shelling", "bombing",
    "bombardment", "barrage", "siege",     "invasion",   "blockade", "capture",
    "missiles",    "rockets", "drones",    "advance",    "march",    "push",
};

/* Nouns before "of" that make it locative: "areas of Ukraine", "south of Kyiv". */
static const char *const area_nouns[] = {
    "area",      "areas",       "part",    "parts",     "region",    "regions", "province",
    "provinces", "city",        "town",    "village",   "outskirts", "coast",   "border",
    "north",     "south",       "east",    "west",      "centre",    "center",  "side",
    "territory", "territories", "capital", "districts", "district",  "oblast",  "republic",
    "state",     "port",        "suburbs", "streets",   "skies",     "heart",   "rest",
};

/* Place nouns after the name: "Kursk region", "Donetsk oblast". */
static const char *const admin_nouns[] = {"region",    "oblast",     "province", "governorate",
                                          "state",     "prefecture", "district", "county",
                                          "territory", "krai",       "republic"};
static const char *const city_nouns[] = {"city", "town", "port", "village"};

typedef struct direction_word {
    const char *word;
    uint8_t bits;
} direction_word;

static const direction_word directions[] = {
    {"northern", PLACE_DIR_NORTH},
    {"southern", PLACE_DIR_SOUTH},
    {"eastern", PLACE_DIR_EAST},
    {"western", PLACE_DIR_WEST},
    {"central", PLACE_DIR_CENTRE},
    {"northeastern", PLACE_DIR_NORTH | PLACE_DIR_EAST},
    {"northwestern", PLACE_DIR_NORTH | PLACE_DIR_WEST},
    {"southeastern", PLACE_DIR_SOUTH | PLACE_DIR_EAST},
    {"southwestern", PLACE_DIR_SOUTH | PLACE_DIR_WEST},
    {"north", PLACE_DIR_NORTH},
    {"south", PLACE_DIR_SOUTH},
    {"east", PLACE_DIR_EAST},
    {"west", PLACE_DIR_WEST},
};

static bool word_in(const text_result *text, size_t i, const char *const *list, size_t n)
{
    for (size_t k = 0; k < n; k++)
        if (extras_token_is(text, i, list[k]))
            return true;
    return false;
}

/* True when the words from token i (after a possessive "'s") name an area of the possessor:
 * "Georgia's capital", "Burkina Faso's volatile north", "the country's mineral-rich east":
 * then the possessor is the place. Up to two modifiers may come first. */
static bool possessed_area(const text_result *text, size_t i, size_t end)
{
    for (size_t k = i; k < end && k < i + 5; k++) {
        if (word_in(text, k, area_nouns, ARRAY_LEN(area_nouns)))
            return true;
        const token *t = &text->tokens[k];
        /* the tagger often takes these modifiers for nouns ("volatile north") */
        bool modifier = t->kind == TOKEN_WORD && !(t->flags & TOKEN_UPPER) && t->upos != UPOS_DET &&
                        t->upos != UPOS_ADP && t->upos != UPOS_CCONJ && t->upos != UPOS_PRON &&
                        t->upos != UPOS_AUX;
        bool hyphen = t->kind == TOKEN_PUNCT && extras_token_is(text, k, "-");
        if (!modifier && !hyphen)
            return false;
    }
    return false;
}

/* True when a country named in the gazetteer, followed by "'s", stands right before token
 * `at` and is the country of place e ("Nigeria's Zamfara State", "Syria's Idlib"). */
static bool possessed_by_country(const gazetteer *g, const text_result *text, size_t first,
                                 size_t at, const place_entry *e)
{
    if (at < first + 2 || !e->country || text->tokens[at - 1].kind != TOKEN_CLITIC ||
        !(extras_token_is(text, at - 1, "'s") || extras_token_is(text, at - 1, "\u2019s")))
        return false;
    for (size_t j = at - 2 + 1; j-- > first && at - 2 - j < 3;) {
        gazetteer_match pm;
        if (!gazetteer_match_at(g, text, j, at - 1, &pm) || j + pm.ntokens != at - 1)
            continue;
        for (size_t k = 0; k < pm.nentries; k++)
            if (pm.entries[k]->kind == PLACE_COUNTRY && pm.entries[k]->country &&
                strcmp(pm.entries[k]->country, e->country) == 0)
                return true;
    }
    return false;
}

/* Direction bits of token i ("north-eastern" is north - eastern: three tokens, handled by the
 * caller reading "north" "-" "eastern"). */
static uint8_t direction_at(const text_result *text, size_t i)
{
    for (size_t k = 0; k < ARRAY_LEN(directions); k++)
        if (extras_token_is(text, i, directions[k].word))
            return directions[k].bits;
    return 0;
}

/* Reads a run of coordinated directions ending at token `last` (inclusive), going left:
 * "eastern and southern", "north-eastern", "northern, eastern and southern". Returns the
 * first token of the run (or last + 1 when there is none) and ORs the bits into *bits. */
static size_t directions_before(const text_result *text, size_t first, size_t last, uint8_t *bits)
{
    size_t start = last + 1;
    size_t k = last + 1;
    while (k > first) {
        size_t j = k - 1;
        uint8_t b = direction_at(text, j);
        if (!b)
            break;
        *bits |= b;
        start = j;
        /* north-eastern */
        if (j >= first + 2 && extras_token_is(text, j - 1, "-") && direction_at(text, j - 2)) {
            *bits |= direction_at(text, j - 2);
            start = j - 2;
            j -= 2;
        }
        if (j >= first + 2 &&
            (extras_token_is(text, j - 1, "and") || extras_token_is(text, j - 1, ",") ||
             extras_token_is(text, j - 1, "or")) &&
            direction_at(text, j - 2)) {
            k = j - 1;
            continue;
        }
        break;
    }
    return start;
}

typedef struct plist {
    arena *a;
    place_mention *items;
    size_t count, alloc;
    /* the distinct countries of the places so far, so that choose does not scan them all */
    const char **countries;
    size_t ncountries, countries_alloc;
} plist;

static bool plist_has_country(const plist *l, const char *country)
{
    for (size_t k = 0; k < l->ncountries; k++)
        if (strcmp(l->countries[k], country) == 0)
            return true;
    return false;
}

static sitrep_status plist_push(plist *l, const place_mention *m)
{
    if (l->count >= EXTRAS_MAX_MENTIONS)
        return SITREP_ELIMIT;
    place_mention *p = arena_array_room(l->a, l->items, l->count, &l->alloc, sizeof *p);
    if (!p)
        return SITREP_ELIMIT;
    l->items = p;
    l->items[l->count++] = *m;
    const char *country = m->entry ? m->entry->country : NULL;
    if (country && !plist_has_country(l, country)) {
        const char **c =
            arena_array_room(l->a, l->countries, l->ncountries, &l->countries_alloc, sizeof *c);
        if (!c)
            return SITREP_ELIMIT;
        l->countries = c;
        l->countries[l->ncountries++] = country;
    }
    return SITREP_OK;
}

/* Preference among entries sharing a name: by the noun after it, then by kind, then a country
 * already placed in this article, then file order. */
static const place_entry *choose(const gazetteer_match *m, bool admin_noun, bool city_noun,
                                 const plist *l, size_t at)
{
    /* the place coded just before, when only "and", "or" or a comma lies between */
    const place_mention *listed = l->count ? &l->items[l->count - 1] : NULL;
    if (listed && (listed->first_token + listed->ntokens + 2 < at ||
                   listed->entry->kind != PLACE_ADMIN1 || !listed->entry->country))
        listed = NULL;
    static const int rank_plain[] = {[PLACE_COUNTRY] = 0,
                                     [PLACE_REGION] = 1,
                                     [PLACE_WATER] = 2,
                                     [PLACE_CITY] = 3,
                                     [PLACE_ADMIN1] = 4};
    static const int rank_admin[] = {[PLACE_ADMIN1] = 0,
                                     [PLACE_REGION] = 1,
                                     [PLACE_CITY] = 2,
                                     [PLACE_COUNTRY] = 3,
                                     [PLACE_WATER] = 4};
    static const int rank_city[] = {[PLACE_CITY] = 0,
                                    [PLACE_ADMIN1] = 1,
                                    [PLACE_REGION] = 2,
                                    [PLACE_COUNTRY] = 3,
                                    [PLACE_WATER] = 4};
    const int *rank = admin_noun ? rank_admin : city_noun ? rank_city : rank_plain;
    const place_entry *best = NULL;
    int best_score = 1 << 30;
    for (size_t k = 0; k < m->nentries; k++) {
        const place_entry *e = m->entries[k];
        int score = rank[e->kind] * 4;
        if (e->kind == PLACE_CITY && !e->capital)
            score += 1;
        if (!e->country || !plist_has_country(l, e->country))
            score += 2;
        /* a region listed with a region of the same country just coded is one of its
         * neighbours: "Iowa, New Hampshire and Georgia" is the state, not the country */
        if (e->kind == PLACE_ADMIN1 && listed && e->country &&
            strcmp(listed->entry->country, e->country) == 0)
            score = -1;
        if (score < best_score) {
            best = e;
            best_score = score;
        }
    }
    return best;
}

static sitrep_status scan_sentence(plist *l, const gazetteer *g, const text_result *text, size_t si)
{
    const sentence *s = &text->sentences[si];
    size_t first = s->first_token, end = s->first_token + s->ntokens;
    size_t last_licensed_end = SIZE_MAX; /* token after the previous coded place */
    for (size_t i = first; i < end;) {
        const token *t = &text->tokens[i];
        /* place names are capitalised; this filter keeps the scan cheap */
        if (!(t->flags & TOKEN_UPPER) || (t->kind != TOKEN_WORD && t->kind != TOKEN_ABBREV)) {
            i++;
            continue;
        }
        gazetteer_match m;
        if (!gazetteer_match_at(g, text, i, end, &m)) {
            i++;
            continue;
        }
        /* a short word in capitals inside a sentence is an acronym ("the NARA report"), not
         * the place spelt alike, unless its neighbours are in capitals too (a headline) */
        if (m.ntokens == 1 && i > first && (t->flags & TOKEN_ALL_UPPER) && t->end - t->start <= 4 &&
            !(i + 1 < end && (text->tokens[i + 1].flags & TOKEN_ALL_UPPER)) &&
            !(i > first && (text->tokens[i - 1].flags & TOKEN_ALL_UPPER))) {
            i++;
            continue;
        }
        size_t after = i + m.ntokens; /* first token after the name */
        /* the place noun after the name: "Kursk region", "Kursk-region", "Mosul city" */
        size_t noun_end = after;
        bool admin_noun = false, city_noun = false;
        const char *cue = NULL;
        size_t nk = after;
        if (extras_token_is(text, nk, "-") && nk + 1 < end &&
            !(text->tokens[nk].flags & TOKEN_SPACE_BEFORE))
            nk++;
        else if (extras_token_is(text, nk, "[")) /* an editor's insertion: "Kursk [region]" */
            nk++;
        if (nk < end && word_in(text, nk, admin_nouns, ARRAY_LEN(admin_nouns))) {
            admin_noun = true;
            noun_end = nk + 1;
            cue = "region";
        } else if (nk < end && word_in(text, nk, city_nouns, ARRAY_LEN(city_nouns))) {
            city_noun = true;
            noun_end = nk + 1;
            cue = "city";
        }
        if (noun_end > after && extras_token_is(text, after, "[") &&
            extras_token_is(text, noun_end, "]"))
            noun_end++; /* close the insertion: "Kursk [region]" */
        /* part of a longer capitalised name: "New York Times", "Georgia Tech" */
        /* (a middle initial too: "Leon E. Panetta") */
        if (!admin_noun && !city_noun && after < end && (text->tokens[after].flags & TOKEN_UPPER) &&
            (text->tokens[after].kind == TOKEN_WORD || text->tokens[after].kind == TOKEN_ABBREV) &&
            !gazetteer_match_at(g, text, after, end, &(gazetteer_match){0})) {
            i = after;
            continue;
        }
        /* a possessor is not the place: "Russia's Kursk region" places Kursk, "according to
         * Taiwan's defence ministry" places nothing */
        if (!admin_noun && !city_noun && after < end && text->tokens[after].kind == TOKEN_CLITIC &&
            (extras_token_is(text, after, "'s") || extras_token_is(text, after, "\u2019s")) &&
            !possessed_area(text, after + 1, end)) {
            i = after;
            continue;
        }
        /* skip back over "the", "[" and directions to find the cue */
        size_t start = i;
        uint8_t bits = 0;
        size_t k = i;
        /* "the Gaza Strip", "in [the] Kursk [region]" (an editor's insertion in a quote) */
        if (k > first && extras_token_is(text, k - 1, "]"))
            k--;
        if (k > first && extras_token_is(text, k - 1, "the"))
            k--;
        if (k > first && extras_token_is(text, k - 1, "["))
            k--;
        if (k > first) {
            size_t d = directions_before(text, first, k - 1, &bits);
            if (d <= k - 1) {
                start = d;
                k = d;
                cue = cue ? cue : "direction";
            }
        }
        /* "DIR areas of PLACE", "the south of Lebanon", "the city of Mosul" */
        if (k >= first + 2 && extras_token_is(text, k - 1, "of") &&
            word_in(text, k - 2, area_nouns, ARRAY_LEN(area_nouns))) {
            size_t noun = k - 2;
            uint8_t b = direction_at(text, noun);
            if (b) {
                bits |= b;
                start = noun;
            } else {
                uint8_t more = 0;
                size_t d = directions_before(text, first, noun - 1 < noun ? noun - 1 : noun, &more);
                if (noun > first && d <= noun - 1) {
                    bits |= more;
                    start = d;
                }
            }
            if (extras_token_is(text, noun, "city"))
                city_noun = true;
            k = start;
            cue = cue ? cue : "of";
        }
        size_t c = k;
        if (c > first && extras_token_is(text, c - 1, "the"))
            c--;
        bool according = c >= first + 2 && extras_token_is(text, c - 1, "to") &&
                         extras_token_is(text, c - 2, "according");
        if (c > first && !according &&
            word_in(text, c - 1, locative_cues, ARRAY_LEN(locative_cues))) {
            cue = cue ? cue : "in";
            if (!strcmp(cue, "in")) {
                slice w = token_text(text, &text->tokens[c - 1]);
                char *lower = arena_strndup(l->a, w.ptr, w.len);
                if (!lower)
                    return SITREP_ELIMIT;
                for (char *p = lower; *p; p++) /* "In Sudan" -> cue "in" */
                    if (*p >= 'A' && *p <= 'Z')
                        *p = (char)(*p + 32);
                cue = lower;
            }
        }
        if (!cue && c >= first + 2 &&
            (extras_token_is(text, c - 1, "on") || extras_token_is(text, c - 1, "of")) &&
            word_in(text, c - 2, attack_nouns, ARRAY_LEN(attack_nouns)))
            cue = extras_token_is(text, c - 1, "on") ? "on" : "of";
        /* "in Iraq and Syria": coordinated with a coded place */
        if (!cue && last_licensed_end != SIZE_MAX && c >= first + 1 && c - 1 == last_licensed_end &&
            (extras_token_is(text, c - 1, "and") || extras_token_is(text, c - 1, "or") ||
             extras_token_is(text, c - 1, ",")))
            cue = "and";
        /* the serial comma: "in Iowa, Ohio, and Georgia" */
        if (!cue && last_licensed_end != SIZE_MAX && c >= first + 2 && c - 2 == last_licensed_end &&
            extras_token_is(text, c - 2, ",") &&
            (extras_token_is(text, c - 1, "and") || extras_token_is(text, c - 1, "or")))
            cue = "and";
        const place_entry *e = choose(&m, admin_noun, city_noun, l, i);
        /* "in northwest Nigeria's Zamfara State": a place of the country that possesses it */
        if (!cue && e && possessed_by_country(g, text, first, c, e))
            cue = "of";
        /* named regions and waters are never metonyms for a government */
        if (!cue && e && (e->kind == PLACE_REGION || e->kind == PLACE_WATER))
            cue = "name";
        if (!cue || !e) {
            i = after;
            continue;
        }
        place_mention pm;
        pm.sentence = (uint32_t)si;
        pm.first_token = (uint32_t)start;
        pm.ntokens = (uint32_t)(noun_end - start);
        pm.start = text->tokens[start].start;
        pm.end = text->tokens[noun_end - 1].end;
        pm.entry = e;
        pm.directions = bits;
        pm.cue = cue;
        sitrep_status st = plist_push(l, &pm);
        if (st)
            return st;
        last_licensed_end = noun_end;
        i = noun_end;
    }
    return SITREP_OK;
}

sitrep_status place_find(arena *a, const gazetteer *g, const text_result *text, place_mention **out,
                         size_t *count)
{
    plist l = {.a = a};
    sitrep_status st = SITREP_OK;
    if (g && gazetteer_count(g))
        for (size_t si = 0; si < text->nsentences && !st; si++)
            st = scan_sentence(&l, g, text, si);
    *out = l.items;
    *count = l.count;
    return st;
}

bool place_dateline(const gazetteer *g, const text_result *text, uint32_t start, uint32_t place_end,
                    uint32_t end, place_mention *out)
{
    if (!g || start >= end)
        return false;
    size_t first = text_token_from(text, start), stop = text_token_from(text, end);
    if (first >= stop || stop > text->ntokens)
        return false;
    size_t si = 0;
    while (si + 1 < text->nsentences && text->sentences[si + 1].first_token <= first)
        si++;
    plist none = {0};
    gazetteer_match m;
    /* the place written first is a city ("BUFFALO", "SAN FRANCISCO"), else the region or
     * country after its comma names where ("BAAR, SWITZERLAND") */
    size_t at = first;
    bool city = true;
    if (!gazetteer_match_at(g, text, at, stop, &m) ||
        text->tokens[at + m.ntokens - 1].end > place_end) {
        at = text_token_from(text, place_end);
        if (at < stop && extras_token_is(text, at, ","))
            at++;
        city = false;
        if (at >= stop || !(text->tokens[at].flags & TOKEN_UPPER) ||
            !gazetteer_match_at(g, text, at, stop, &m))
            return false;
    }
    const place_entry *e = choose(&m, false, city, &none, at);
    if (!e)
        return false;
    out->sentence = (uint32_t)si;
    out->first_token = (uint32_t)at;
    out->ntokens = (uint32_t)m.ntokens;
    out->start = text->tokens[at].start;
    out->end = text->tokens[at + m.ntokens - 1].end;
    out->entry = e;
    out->directions = 0;
    out->cue = "dateline";
    return true;
}
