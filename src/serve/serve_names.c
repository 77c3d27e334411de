/* serve_names.c - names for actor codes, for the dashboard and its API: "RUSGOV" is "Russia
 * (government)", a person the text names is "Vladimir Putin, RUSGOV", an organisation's or
 * group's own code is its name ("Hezbollah" for LBNREBHEZ), a code without a country is its role's
 * name
 * ("Civilians"). Read once from the actor dictionaries and the country table of data/ when
 * `sitrep serve` starts; immutable after, so every worker shares it.
 */
#include "serve.h"

#include "../lexicon/lexicon.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The CAMEO role codes with the names an analyst reads (CAMEO manual, actor codebook). */
static const struct {
    const char code[4], *name;
} role_names[] = {
    {"AGR", "agriculture"},
    {"ALE", "Alawites"},
    {"ATH", "atheists"},
    {"BOR", "border guards"},
    {"BUD", "Buddhists"},
    {"BUS", "business"},
    {"CHR", "Christians"},
    {"COP", "police"},
    {"CRM", "criminals"},
    {"CTH", "Catholics"},
    {"CVL", "civilians"},
    {"DEV", "development"},
    {"DIP", "diplomats"},
    {"DRZ", "Druze"},
    {"EDU", "education"},
    {"ELC", "election bodies"},
    {"ELI", "elites"},
    {"ENV", "environment"},
    {"GOV", "government"},
    {"HIN", "Hindus"},
    {"HLH", "health"},
    {"HRI", "human rights"},
    {"IGO", "intergovernmental organisation"},
    {"IMG", "migrants"},
    {"INS", "insurgents"},
    {"INT", "international"},
    {"JEW", "Jews"},
    {"JUD", "judiciary"},
    {"LAB", "labour"},
    {"LEF", "left wing"},
    {"LEG", "legislature"},
    {"MED", "media"},
    {"MIL", "military"},
    {"MNC", "multinational corporations"},
    {"MOD", "moderates"},
    {"MOS", "Muslims"},
    {"MUS", "Muslims"},
    {"NGM", "non-governmental movement"},
    {"NGO", "non-governmental organisations"},
    {"OPP", "opposition"},
    {"ORT", "Orthodox"},
    {"PRO", "protesters"},
    {"PTY", "political party"},
    {"RAD", "radicals"},
    {"REB", "rebels"},
    {"REF", "refugees"},
    {"REL", "religious"},
    {"RIG", "right wing"},
    {"SEP", "separatists"},
    {"SET", "settlers"},
    {"SFI", "Sufis"},
    {"SHI", "Shia"},
    {"SPY", "intelligence"},
    {"SUN", "Sunni"},
    {"UAF", "unidentified armed forces"},
    {"VET", "veterans"},
    {"WMN", "women"},
    {"YTH", "youth"},
};

/* CAMEO's regions, which stand where a country code would ("EURGOV"). */
static const struct {
    const char code[4], *name;
} region_names[] = {
    {"AFR", "Africa"},          {"ASA", "Asia"},           {"BLK", "Balkans"},
    {"CAU", "Caucasus"},        {"CFR", "Central Africa"}, {"CAS", "Central Asia"},
    {"CEU", "Central Europe"},  {"CRB", "Caribbean"},      {"EAF", "East Africa"},
    {"EEU", "Eastern Europe"},  {"EIN", "East Indies"},    {"EUR", "Europe"},
    {"LAM", "Latin America"},   {"MDT", "Mediterranean"},  {"MEA", "Middle East"},
    {"NAF", "North Africa"},    {"NAM", "North America"},  {"PGS", "Persian Gulf"},
    {"SAF", "Southern Africa"}, {"SAM", "South America"},  {"SAS", "South Asia"},
    {"SCN", "Scandinavia"},     {"SEA", "Southeast Asia"}, {"WAF", "West Africa"},
    {"WEU", "Western Europe"},  {"WST", "the West"},
};

typedef struct named_code {
    char code[16];
    const char *name; /* the dictionary's */
} named_code;

struct serve_names {
    dict *actors;
    geocodes *countries;
    named_code *codes; /* organisations' and groups' own codes, sorted */
    size_t ncodes;
    /* the name of every three-letter country or region code AAA..ZZZ (NULL: none), filled once
     * so that a page of events does not scan the country table twice per event */
    const char **country_names;
};

enum { LETTERS = 26, COUNTRY_SLOTS = LETTERS * LETTERS * LETTERS };

/* The slot of an upper-case three-letter code, or -1. */
static int country_slot(const char *code)
{
    int slot = 0;
    for (int i = 0; i < 3; i++) {
        if (code[i] < 'A' || code[i] > 'Z')
            return -1;
        slot = slot * LETTERS + (code[i] - 'A');
    }
    return slot;
}

/* The country's or region's name by the country table, then the regions CAMEO adds. */
static const char *country_name_scan(const serve_names *n, const char *country)
{
    const char *name = geocodes_name(n->countries, country);
    for (size_t i = 0; !name && i < ARRAY_LEN(region_names); i++)
        if (memcmp(region_names[i].code, country, 3) == 0)
            name = region_names[i].name;
    return name;
}

/* country is 3 letters and a NUL. */
static const char *name_of_country(const serve_names *n, const char *country)
{
    int slot = country_slot(country);
    return slot >= 0 ? n->country_names[slot] : country_name_scan(n, country);
}

static int compare_codes(const void *a, const void *b)
{
    return strcmp(((const named_code *)a)->code, ((const named_code *)b)->code);
}

serve_names *serve_names_take(dict *actors, geocodes *countries)
{
    serve_names *n = xcalloc(1, sizeof *n);
    n->actors = actors;
    n->countries = countries;
    size_t count = actors ? dict_entry_count(actors) : 0;
    size_t cap = 0;
    for (size_t i = 0; i < count; i++)
        cap += dict_entry_get(actors, (uint32_t)i)->ncodes;
    n->codes = xcalloc(cap + 1, sizeof *n->codes);
    for (size_t i = 0; i < count; i++) {
        const dict_entry *e = dict_entry_get(actors, (uint32_t)i);
        if (e->kind != DICT_ORGANIZATION && e->kind != DICT_GROUP)
            continue;
        /* every code, dated ones too: the Taliban are AFGREBTAL until 2021, then AFGGOV (which
         * country and roles name first, below) */
        const dict_code *codes = dict_entry_codes(actors, e);
        for (size_t c = 0; c < e->ncodes; c++) {
            if (strlen(codes[c].code) >= sizeof n->codes[0].code)
                continue;
            snprintf(n->codes[n->ncodes].code, sizeof n->codes[0].code, "%s", codes[c].code);
            n->codes[n->ncodes++].name = e->name;
        }
    }
    /* the first entry of a code names it: a stable sort keeps the dictionaries' order */
    for (size_t i = 1; i < n->ncodes; i++)
        for (size_t j = i; j > 0 && compare_codes(&n->codes[j - 1], &n->codes[j]) > 0; j--) {
            named_code t = n->codes[j];
            n->codes[j] = n->codes[j - 1];
            n->codes[j - 1] = t;
        }
    size_t kept = 0; /* one name per code */
    for (size_t i = 0; i < n->ncodes; i++)
        if (!kept || strcmp(n->codes[kept - 1].code, n->codes[i].code) != 0)
            n->codes[kept++] = n->codes[i];
    n->ncodes = kept;
    n->country_names = xcalloc(COUNTRY_SLOTS, sizeof *n->country_names);
    for (int slot = 0; slot < COUNTRY_SLOTS; slot++) {
        char country[4] = {(char)('A' + slot / (LETTERS * LETTERS)),
                           (char)('A' + slot / LETTERS % LETTERS), (char)('A' + slot % LETTERS), 0};
        n->country_names[slot] = country_name_scan(n, country);
    }
    return n;
}

serve_names *serve_names_load(const char *data_dir, diag *d)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/actors", data_dir);
    dict *actors = dict_load_dir(path, d);
    if (!actors)
        return NULL;
    snprintf(path, sizeof path, "%s/codes", data_dir);
    geocodes *countries = geocodes_load(path, d);
    if (!countries) {
        dict_free(actors);
        return NULL;
    }
    return serve_names_take(actors, countries);
}

void serve_names_free(serve_names *n)
{
    if (!n)
        return;
    dict_free(n->actors);
    geocodes_free(n->countries);
    free(n->codes);
    free(n->country_names);
    free(n);
}

static const char *role_name(const char *code)
{
    for (size_t i = 0; i < ARRAY_LEN(role_names); i++)
        if (memcmp(role_names[i].code, code, 3) == 0)
            return role_names[i].name;
    return NULL;
}

/* Roles of code[0..length) (3 letters each) as "government, military" into out. False when a
 * part is not a known role. */
static bool roles_text(const char *code, size_t length, char *out, size_t outlen)
{
    if (length == 0 || length % 3 != 0)
        return false;
    size_t used = 0;
    out[0] = '\0';
    for (size_t i = 0; i < length; i += 3) {
        const char *name = role_name(code + i);
        if (!name)
            return false;
        int n = snprintf(out + used, outlen - used, "%s%s", i ? ", " : "", name);
        if (n < 0 || (size_t)n >= outlen - used)
            return false;
        used += (size_t)n;
    }
    return true;
}

/* The person entry whose phrase the text is or ends with ("Russian President Vladimir Putin",
 * "Putin"): words split at spaces and hyphens, folded to lower case (ASCII; the dictionary's
 * vocabulary is case-folded), looked up in the dictionary's trie. */
static const char *person_name(const serve_names *n, const char *text)
{
    if (!n->actors || !text)
        return NULL;
    enum { MAX_WORDS = 16 };
    uint32_t ids[MAX_WORDS];
    size_t nwords = 0;
    char word[128];
    for (const char *p = text; *p && nwords < MAX_WORDS;) {
        while (*p == ' ' || *p == '-')
            p++;
        size_t len = 0;
        while (p[len] && p[len] != ' ' && p[len] != '-')
            len++;
        if (!len)
            break;
        if (len >= sizeof word)
            return NULL;
        for (size_t i = 0; i < len; i++)
            word[i] = (char)(p[i] >= 'A' && p[i] <= 'Z' ? p[i] - 'A' + 'a' : p[i]);
        word[len] = '\0';
        ids[nwords++] = dict_token_id(n->actors, word, len);
        p += len;
    }
    const trie *t = dict_trie(n->actors);
    for (size_t start = 0; start < nwords; start++) { /* the longest tail that is a name */
        uint32_t node = 0;
        size_t i = start;
        for (; i < nwords && ids[i] != VOCAB_NONE; i++)
            if (!(node = trie_child(t, node, ids[i])))
                break;
        if (i < nwords || !node)
            continue;
        size_t nvalues;
        const dict_value *values = dict_node_values(n->actors, node, &nvalues);
        for (size_t v = 0; v < nvalues; v++) {
            const dict_entry *e = dict_entry_get(n->actors, values[v].entry);
            if (e->kind == DICT_PERSON)
                return e->name;
        }
    }
    return NULL;
}

const char *serve_actor_name(const serve_names *n, const char *code, const char *text, char *out,
                             size_t outlen)
{
    if (!n || !code || !code[0] || outlen == 0)
        return NULL;
    const char *person = person_name(n, text);
    if (person) {
        snprintf(out, outlen, "%s, %s", person, code);
        return out;
    }
    size_t length = strlen(code);
    char roles[256];
    char country[4] = {0};
    const char *country_name = NULL;
    if (length >= 3) {
        memcpy(country, code, 3);
        country_name = name_of_country(n, country);
    }
    if (country_name && length == 3) {
        snprintf(out, outlen, "%s", country_name);
        return out;
    }
    /* a country and roles before an organisation's code: ISRMIL is Israel's military whoever
     * else uses that code */
    if (country_name && roles_text(code + 3, length - 3, roles, sizeof roles)) {
        snprintf(out, outlen, "%s (%s)", country_name, roles);
        return out;
    }
    named_code key = {.name = NULL};
    snprintf(key.code, sizeof key.code, "%s", code);
    const named_code *own = length < sizeof key.code ? bsearch(&key, n->codes, n->ncodes,
                                                               sizeof *n->codes, compare_codes)
                                                     : NULL;
    if (own) {
        snprintf(out, outlen, "%s", own->name);
        return out;
    }
    if (country_name) { /* a code of the country we have no name for: keep it visible */
        snprintf(out, outlen, "%s (%s)", country_name, code + 3);
        return out;
    }
    if (roles_text(code, length, roles, sizeof roles)) {
        /* a role without a country: "Civilians", "Government, military" */
        snprintf(out, outlen, "%s", roles);
        if (out[0] >= 'a' && out[0] <= 'z')
            out[0] = (char)(out[0] - 'a' + 'A');
        return out;
    }
    return NULL;
}
