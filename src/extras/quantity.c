/* quantity.c (extras stage) - how many: numbers in digits and words, with qualifiers, fractions,
 * percentages, money and ranges, each with the thing counted.
 *
 * Works on the tokens of text_analyse alone (the POS tags are used when present). Rules and
 * value conventions are in docs/extras.md; the output is the top-level `quantities` array.
 */
#include "extras.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define QUANTITY_UNIT_MAX_WORDS 4 /* "North Korean artillery shells" */

const char *quantity_qualifier_name(quantity_qualifier q)
{
    static const char *const names[] = {"exact",   "approx",   "at_least",
                                        "at_most", "fraction", "range"};
    return (unsigned)q < ARRAY_LEN(names) ? names[q] : "exact";
}

/* ---- word tables ---- */

typedef struct word_value {
    const char *word;
    double value;
} word_value;

static const word_value small_numbers[] = {
    {"zero", 0},     {"one", 1},      {"two", 2},        {"three", 3},     {"four", 4},
    {"five", 5},     {"six", 6},      {"seven", 7},      {"eight", 8},     {"nine", 9},
    {"ten", 10},     {"eleven", 11},  {"twelve", 12},    {"thirteen", 13}, {"fourteen", 14},
    {"fifteen", 15}, {"sixteen", 16}, {"seventeen", 17}, {"eighteen", 18}, {"nineteen", 19},
    {"twenty", 20},  {"thirty", 30},  {"forty", 40},     {"fifty", 50},    {"sixty", 60},
    {"seventy", 70}, {"eighty", 80},  {"ninety", 90},
};

/* The first SCALE_WORDS entries are words (after digits or number words: "3 million",
 * "three lakh", "1.5 crore"), the next SCALE_ABBREVS abbreviations that may also stand apart
 * after digits ("10 bln", news agencies' style); the rest are suffixes only ("1.2b", "500m":
 * "100 m" is metres). Lakh and crore are the Indian English hundred thousand and ten million. */
#define SCALE_WORDS 8
#define SCALE_ABBREVS 6
static const word_value scales[] = {
    {"thousand", 1e3}, {"million", 1e6}, {"billion", 1e9},   {"trillion", 1e12}, {"lakh", 1e5},
    {"lakhs", 1e5},    {"crore", 1e7},   {"crores", 1e7},    {"bn", 1e9},        {"mn", 1e6},
    {"mln", 1e6},      {"bln", 1e9},     {"tln", 1e12},      {"trn", 1e12},      {"m", 1e6},
    {"tn", 1e12},      {"k", 1e3},       {"thousands", 1e3}, {"millions", 1e6},  {"billions", 1e9},
    {"b", 1e9},        {"mil", 1e6},
};

/* Denominators: "a third", "two fifths". */
static const word_value denominators[] = {
    {"half", 2},     {"halves", 2}, {"third", 3},   {"thirds", 3},   {"quarter", 4},
    {"quarters", 4}, {"fourth", 4}, {"fourths", 4}, {"fifth", 5},    {"fifths", 5},
    {"sixth", 6},    {"sixths", 6}, {"seventh", 7}, {"sevenths", 7}, {"eighth", 8},
    {"eighths", 8},  {"ninth", 9},  {"ninths", 9},  {"tenth", 10},   {"tenths", 10},
};

typedef struct currency_word {
    const char *word;
    const char *code;
} currency_word;

static const currency_word currency_symbols[] = {
    {"$", "USD"},   {"€", "EUR"}, {"£", "GBP"}, {"¥", "JPY"}, {"₹", "INR"},
    {"₽", "RUB"}, {"₴", "UAH"}, {"₪", "ILS"}, {"₩", "KRW"},
};

static const currency_word currency_names[] = {
    {"dollars", "USD"},  {"dollar", "USD"},   {"euros", "EUR"},    {"euro", "EUR"},
    {"pounds", "GBP"},   {"sterling", "GBP"}, {"yen", "JPY"},      {"yuan", "CNY"},
    {"renminbi", "CNY"}, {"roubles", "RUB"},  {"rubles", "RUB"},   {"rupees", "INR"},
    {"hryvnias", "UAH"}, {"hryvnia", "UAH"},  {"shekels", "ILS"},  {"won", "KRW"},
    {"usd", "USD"},      {"eur", "EUR"},      {"gbp", "GBP"},      {"rupee", "INR"},
    {"pound", "GBP"},    {"riyals", "SAR"},   {"riyal", "SAR"},    {"rials", "IRR"},
    {"dirhams", "AED"},  {"lira", "TRY"},     {"liras", "TRY"},    {"rand", "ZAR"},
    {"naira", "NGN"},    {"rupiah", "IDR"},   {"ringgit", "MYR"},  {"baht", "THB"},
    {"zloty", "PLN"},    {"zlotys", "PLN"},   {"forints", "HUF"},  {"kronor", "SEK"},
    {"afghanis", "AFN"}, {"taka", "BDT"},     {"kyat", "MMK"},     {"birr", "ETB"},
    {"cedis", "GHS"},    {"rmb", "CNY"},      {"bolivars", "VES"}, {"tenge", "KZT"},
    {"lari", "GEL"},     {"drams", "AMD"},    {"cny", "CNY"},      {"jpy", "JPY"},
    {"rub", "RUB"},      {"inr", "INR"},      {"chf", "CHF"},      {"cad", "CAD"},
    {"aud", "AUD"},      {"sar", "SAR"},      {"aed", "AED"},      {"uah", "UAH"},
    {"ils", "ILS"},      {"krw", "KRW"},      {"pln", "PLN"},      {"sek", "SEK"},
    {"nok", "NOK"},      {"dkk", "DKK"},      {"mxn", "MXN"},      {"brl", "BRL"},
    {"zar", "ZAR"},      {"hkd", "HKD"},      {"sgd", "SGD"},      {"twd", "TWD"},
};

/* A nationality before a currency noun names the currency: "125 million Australian dollars",
 * "10,000 Swiss francs", "5 billion Egyptian pounds". Nouns that several countries use
 * (francs, dinars, pesos, shillings) count only with their nationality. */
static const char *const currency_nouns[] = {
    "dollars", "dollar", "francs", "franc", "rupees",  "rupee",  "riyals",    "riyal",
    "rials",   "rial",   "pounds", "pound", "pesos",   "peso",   "dinars",    "dinar",
    "dirhams", "dirham", "yen",    "yuan",  "won",     "lira",   "shillings", "shilling",
    "rand",    "naira",  "reais",  "real",  "roubles", "rubles", "hryvnias",  "shekels",
};

typedef struct currency_nationality {
    const char *first, *second; /* second: NULL for one word */
    const char *code;
} currency_nationality;

static const currency_nationality currency_nationalities[] = {
    {"us", NULL, "USD"},         {"u.s.", NULL, "USD"},       {"american", NULL, "USD"},
    {"australian", NULL, "AUD"}, {"canadian", NULL, "CAD"},   {"singapore", NULL, "SGD"},
    {"taiwan", NULL, "TWD"},     {"taiwanese", NULL, "TWD"},  {"swiss", NULL, "CHF"},
    {"cfa", NULL, "XOF"},        {"indian", NULL, "INR"},     {"pakistani", NULL, "PKR"},
    {"nepalese", NULL, "NPR"},   {"saudi", NULL, "SAR"},      {"qatari", NULL, "QAR"},
    {"iranian", NULL, "IRR"},    {"omani", NULL, "OMR"},      {"yemeni", NULL, "YER"},
    {"egyptian", NULL, "EGP"},   {"lebanese", NULL, "LBP"},   {"syrian", NULL, "SYP"},
    {"sudanese", NULL, "SDG"},   {"turkish", NULL, "TRY"},    {"japanese", NULL, "JPY"},
    {"chinese", NULL, "CNY"},    {"russian", NULL, "RUB"},    {"ukrainian", NULL, "UAH"},
    {"israeli", NULL, "ILS"},    {"nigerian", NULL, "NGN"},   {"mexican", NULL, "MXN"},
    {"argentine", NULL, "ARS"},  {"philippine", NULL, "PHP"}, {"colombian", NULL, "COP"},
    {"chilean", NULL, "CLP"},    {"cuban", NULL, "CUP"},      {"brazilian", NULL, "BRL"},
    {"kenyan", NULL, "KES"},     {"ugandan", NULL, "UGX"},    {"tanzanian", NULL, "TZS"},
    {"somali", NULL, "SOS"},     {"jordanian", NULL, "JOD"},  {"iraqi", NULL, "IQD"},
    {"kuwaiti", NULL, "KWD"},    {"libyan", NULL, "LYD"},     {"algerian", NULL, "DZD"},
    {"tunisian", NULL, "TND"},   {"serbian", NULL, "RSD"},    {"bahraini", NULL, "BHD"},
    {"moroccan", NULL, "MAD"},   {"emirati", NULL, "AED"},    {"hong", "kong", "HKD"},
    {"new", "zealand", "NZD"},   {"south", "african", "ZAR"}, {"north", "korean", "KPW"},
    {"south", "korean", "KRW"},  {"sri", "lankan", "LKR"},    {"south", "sudanese", "SSP"},
};

static const char *const after_unit[] = {"above", "below", "beneath", "behind", "ahead",
                                         "away",  "apart", "long",    "wide",   "high",
                                         "deep",  "tall",  "old",     "short",  "inland"};

/* Participles kept after the head: "people killed", "civilians wounded". */
static const char *const unit_participles[] = {"killed",   "wounded",   "injured",  "dead",
                                               "missing",  "displaced", "detained", "arrested",
                                               "captured", "evacuated"};

static bool word_in(const text_result *text, size_t i, const char *const *list, size_t n)
{
    for (size_t k = 0; k < n; k++)
        if (extras_token_is(text, i, list[k]))
            return true;
    return false;
}

static const word_value *word_lookup(const text_result *text, size_t i, const word_value *table,
                                     size_t n)
{
    for (size_t k = 0; k < n; k++)
        if (extras_token_is(text, i, table[k].word))
            return &table[k];
    return NULL;
}

static bool is_kind(const text_result *text, size_t i, token_kind kind)
{
    return i < text->ntokens && text->tokens[i].kind == kind;
}

/* True when token i follows token i-1 without white space ("twenty-five", "$1"). */
static bool joined(const text_result *text, size_t i)
{
    return i < text->ntokens && !(text->tokens[i].flags & TOKEN_SPACE_BEFORE);
}

static bool is_month_word(const text_result *text, size_t i)
{
    static const char *const months[] = {
        "january", "february", "march",    "april", "june", "july", "august", "september",
        "october", "november", "december", "jan.",  "feb.", "mar.", "apr.",   "jun.",
        "jul.",    "aug.",     "sep.",     "sept.", "oct.", "nov.", "dec.",   "may"};
    if (i >= text->ntokens || !(text->tokens[i].flags & TOKEN_UPPER))
        return false;
    return word_in(text, i, months, ARRAY_LEN(months));
}

/* ---- numbers ---- */

/* Parses a digit token: "14,000", "1.5", "1.2bn", "500m", "5km" (unit suffix left in
 * *suffix). Returns false for ordinals, decades, times and identifiers ("3rd", "1990s",
 * "F16"). */
static bool parse_digits(slice s, double *value, slice *suffix, bool *has_comma)
{
    char digits[64];
    size_t n = 0, k = 0, group = 0; /* digits since the start or the last comma */
    bool negative = s.len > 1 && s.ptr[0] == '-', point = false;
    *has_comma = false;
    if (negative)
        k++; /* a minus sign: "-5" (the tokenizer joins it only after a space) */
    while (k < s.len && n + 1 < sizeof digits) {
        char c = s.ptr[k];
        if (c >= '0' && c <= '9') {
            digits[n++] = c;
            group++;
        } else if (c == '.') {
            point = true;
            digits[n++] = c;
        } else if (c == ',') {
            /* thousands come in groups of three: "22,24,26" is a list, "1,3" is not 13 */
            size_t next = 0;
            while (k + 1 + next < s.len && s.ptr[k + 1 + next] >= '0' && s.ptr[k + 1 + next] <= '9')
                next++;
            if (point || next != 3 || group == 0 || (!*has_comma && group > 3) ||
                (*has_comma && group != 3))
                return false;
            group = 0;
            *has_comma = true;
        } else {
            break;
        }
        k++;
    }
    if (n == 0 || n + 1 >= sizeof digits)
        return false;
    digits[n] = '\0';
    *value = strtod(digits, NULL);
    if (negative)
        *value = -*value;
    *suffix = slice_make(s.ptr + k, s.len - k);
    if (suffix->len == 0)
        return true;
    static const char *const bad[] = {"st", "nd", "rd", "th", "s"};
    for (size_t b = 0; b < ARRAY_LEN(bad); b++)
        if (slice_eq_nocase(*suffix, bad[b]))
            return false;
    for (size_t b = 0; b < suffix->len; b++) {
        char c = suffix->ptr[b];
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')))
            return false; /* "10:30"-like or mixed identifiers */
    }
    return true;
}

/* Parses a number written in words from token i: "fourteen thousand", "one hundred and
 * twenty", "twenty-five", "a dozen", "a thousand". Returns the number of tokens used. */
static size_t parse_words(const text_result *text, size_t i, size_t end, double *value)
{
    double total = 0, current = 0, last_scale = 0;
    bool any = false;
    size_t k = i, used = 0;
    if (extras_token_is(text, k, "half") && extras_token_is(text, k + 1, "a") &&
        extras_token_is(text, k + 2, "dozen") && k + 2 < end) {
        *value = 6;
        return 3;
    }
    if (extras_token_is(text, k, "a") || extras_token_is(text, k, "an")) {
        /* "a hundred", "a thousand", "a dozen", "a million" */
        if (k + 1 < end &&
            (extras_token_is(text, k + 1, "hundred") || extras_token_is(text, k + 1, "dozen") ||
             word_lookup(text, k + 1, scales, SCALE_WORDS))) {
            current = 1;
            any = true;
            k++;
        } else {
            return 0;
        }
    }
    while (k < end) {
        const word_value *w = word_lookup(text, k, small_numbers, ARRAY_LEN(small_numbers));
        if (w) {
            current += w->value;
            any = true;
            used = ++k - i;
            /* twenty-five */
            if (w->value >= 20 && k + 1 < end && is_kind(text, k, TOKEN_PUNCT) && joined(text, k) &&
                joined(text, k + 1) && slice_eq_cstr(token_text(text, &text->tokens[k]), "-")) {
                const word_value *u =
                    word_lookup(text, k + 1, small_numbers, ARRAY_LEN(small_numbers));
                if (u && u->value < 10) {
                    current += u->value;
                    k += 2;
                    used = k - i;
                }
            }
            continue;
        }
        if (any && extras_token_is(text, k, "hundred")) {
            current = (current == 0 ? 1 : current) * 100;
            used = ++k - i;
            continue;
        }
        /* "two and a half", "one and a half million", "five and a quarter" */
        const word_value *part =
            any && k + 2 < end && extras_token_is(text, k, "and") &&
                    extras_token_is(text, k + 1, "a")
                ? word_lookup(text, k + 2, denominators, ARRAY_LEN(denominators))
                : NULL;
        if (part && part->value <= 10 && !extras_token_is(text, k + 3, "of")) {
            current += 1.0 / part->value;
            k += 3;
            used = k - i;
            continue;
        }
        if (any && (extras_token_is(text, k, "dozen") || extras_token_is(text, k, "dozens"))) {
            current = (current == 0 ? 1 : current) * 12;
            used = ++k - i;
            continue;
        }
        const word_value *sc = any ? word_lookup(text, k, scales, SCALE_WORDS) : NULL;
        if (sc) {
            if (current == 0 && total > 0 && sc->value > last_scale)
                total *= sc->value; /* "three lakh crore" */
            else
                total += (current == 0 ? 1 : current) * sc->value;
            last_scale = sc->value;
            current = 0;
            used = ++k - i;
            continue;
        }
        /* "one hundred and twenty" */
        if (any && extras_token_is(text, k, "and") && k + 1 < end &&
            word_lookup(text, k + 1, small_numbers, ARRAY_LEN(small_numbers)) &&
            (total > 0 || current >= 100)) {
            k++;
            continue;
        }
        break;
    }
    if (!any)
        return 0;
    *value = total + current;
    return used;
}

/* A number at token i (digits, words, or digits followed by a scale word). Fills value,
 * tokens used and the currency of a unit suffix; returns 0 when there is none. */
/* 16.4 x 1e6 is 16399999.999999998 in binary floating point: snap to the integer. */
static double snap(double v)
{
    double r = round(v);
    return fabs(v - r) <= 1e-9 * fabs(v) ? r : v;
}

static size_t parse_number_raw(const text_result *text, size_t i, size_t end, double *value,
                               slice *suffix);

static size_t parse_number(const text_result *text, size_t i, size_t end, double *value,
                           slice *suffix)
{
    size_t used = parse_number_raw(text, i, end, value, suffix);
    if (used)
        *value = snap(*value);
    return used;
}

/* True when token i is three digits after one space, no-break space or thin space. */
static bool thousands_group_at(const text_result *text, size_t i)
{
    const token *t = &text->tokens[i], *p = &text->tokens[i - 1];
    if (t->kind != TOKEN_NUMBER || t->end - t->start != 3)
        return false;
    for (uint32_t k = t->start; k < t->end; k++)
        if (text->text[k] < '0' || text->text[k] > '9')
            return false;
    slice gap = slice_make(text->text + p->end, t->start - p->end);
    return slice_eq_cstr(gap, " ") || slice_eq_cstr(gap, "\u00a0") ||
           slice_eq_cstr(gap, "\u202f") || slice_eq_cstr(gap, "\u2009");
}

static size_t parse_number_raw(const text_result *text, size_t i, size_t end, double *value,
                               slice *suffix)
{
    *suffix = slice_make(NULL, 0);
    if (i >= end)
        return 0;
    const token *t = &text->tokens[i];
    if (t->kind == TOKEN_NUMBER) {
        bool comma;
        if (!parse_digits(token_text(text, t), value, suffix, &comma))
            return 0;
        /* a suffix that is a scale: 1.2bn, 500m */
        for (size_t s = 0; s < ARRAY_LEN(scales); s++)
            if (suffix->len && slice_eq_nocase(*suffix, scales[s].word)) {
                *value *= scales[s].value;
                *suffix = slice_make(NULL, 0);
                return 1;
            }
        size_t used = 1;
        /* "40 000", "1 234 567" (a space, no-break or thin space between groups of three) */
        slice whole = token_text(text, t);
        if (!comma && suffix->len == 0 && whole.len <= 3 && whole.ptr[0] != '-') {
            while (i + used < end && thousands_group_at(text, i + used)) {
                *value = *value * 1000 + strtod(text->text + text->tokens[i + used].start, NULL);
                used++;
            }
            if (used > 1)
                return used;
        }
        /* 14,000  1.5 million  3 billion */
        if (suffix->len == 0 && i + 1 < end) {
            /* as a separate word only thousand .. trillion, bn, mn: "100 m" is metres */
            const word_value *sc = word_lookup(text, i + 1, scales, SCALE_WORDS + SCALE_ABBREVS);
            if (sc) {
                *value *= sc->value;
                used = 2;
                /* "3 lakh crore" */
                const word_value *sc2 =
                    i + 2 < end ? word_lookup(text, i + 2, scales, SCALE_WORDS) : NULL;
                if (sc2 && sc2->value > sc->value) {
                    *value *= sc2->value;
                    used = 3;
                }
            } else if (extras_token_is(text, i + 1, "hundred")) {
                *value *= 100;
                used = 2;
            } else if (extras_token_is(text, i + 1, "dozen") ||
                       extras_token_is(text, i + 1, "dozens")) {
                *value *= 12;
                used = 2;
            }
        }
        return used;
    }
    if (t->kind == TOKEN_WORD)
        return parse_words(text, i, end, value);
    return 0;
}

/* ---- qualifiers ---- */

typedef struct qualifier_phrase {
    const char *words[4];
    quantity_qualifier qualifier;
} qualifier_phrase;

/* Longer phrases first. */
static const qualifier_phrase qualifier_phrases[] = {
    {{"no", "more", "than"}, QUANTITY_AT_MOST},
    {{"no", "fewer", "than"}, QUANTITY_AT_LEAST},
    {{"no", "less", "than"}, QUANTITY_AT_LEAST},
    {{"as", "many", "as"}, QUANTITY_AT_MOST},
    {{"as", "much", "as"}, QUANTITY_AT_MOST},
    {{"in", "excess", "of"}, QUANTITY_AT_LEAST},
    {{"more", "than"}, QUANTITY_AT_LEAST},
    {{"at", "least"}, QUANTITY_AT_LEAST},
    {{"upwards", "of"}, QUANTITY_AT_LEAST},
    {{"at", "most"}, QUANTITY_AT_MOST},
    {{"up", "to"}, QUANTITY_AT_MOST},
    {{"fewer", "than"}, QUANTITY_AT_MOST},
    {{"less", "than"}, QUANTITY_AT_MOST},
    {{"close", "to"}, QUANTITY_APPROX},
    {{"an", "estimated"}, QUANTITY_APPROX},
    {{"some"}, QUANTITY_APPROX},
    {{"around"}, QUANTITY_APPROX},
    {{"about"}, QUANTITY_APPROX},
    {{"roughly"}, QUANTITY_APPROX},
    {{"approximately"}, QUANTITY_APPROX},
    {{"nearly"}, QUANTITY_APPROX},
    {{"almost"}, QUANTITY_APPROX},
    {{"estimated"}, QUANTITY_APPROX},
    {{"approx."}, QUANTITY_APPROX},
    {{"circa"}, QUANTITY_APPROX},
    {{"over"}, QUANTITY_AT_LEAST},
    {{"above"}, QUANTITY_AT_LEAST},
    {{"under"}, QUANTITY_AT_MOST},
    {{"below"}, QUANTITY_AT_MOST},
    {{"maximum"}, QUANTITY_AT_MOST},
    {{"minimum"}, QUANTITY_AT_LEAST},
};

/* The qualifier phrase ending just before token i, if any: sets *first to its first token. */
static bool qualifier_before(const text_result *text, size_t sentence_first, size_t i,
                             quantity_qualifier *q, size_t *first)
{
    for (size_t p = 0; p < ARRAY_LEN(qualifier_phrases); p++) {
        size_t n = 0;
        while (n < 4 && qualifier_phrases[p].words[n])
            n++;
        if (i < sentence_first + n)
            continue;
        bool ok = true;
        for (size_t k = 0; k < n && ok; k++)
            ok = extras_token_is(text, i - n + k, qualifier_phrases[p].words[k]);
        if (ok) {
            *q = qualifier_phrases[p].qualifier;
            *first = i - n;
            return true;
        }
    }
    return false;
}

/* ---- the unit ---- */

static bool token_is_word_like(const text_result *text, size_t i)
{
    const token *t = &text->tokens[i];
    if (t->kind != TOKEN_WORD && t->kind != TOKEN_ABBREV)
        return false;
    if (t->upos) /* tagged: nouns, adjectives, proper nouns, numbers-as-nouns */
        return t->upos == UPOS_NOUN || t->upos == UPOS_PROPN || t->upos == UPOS_ADJ ||
               t->upos == UPOS_X;
    return true;
}

static bool looks_plural(const text_result *text, size_t i)
{
    static const char *const irregular[] = {
        "people",   "men",  "women", "children", "personnel", "police", "staff",
        "aircraft", "feet", "data",  "militia",  "infantry",  "cattle", "sheep"};
    if (word_in(text, i, irregular, ARRAY_LEN(irregular)))
        return true;
    slice s = token_text(text, &text->tokens[i]);
    return s.len > 3 && (s.ptr[s.len - 1] == 's' || s.ptr[s.len - 1] == 'S') &&
           s.ptr[s.len - 2] != 's' && s.ptr[s.len - 2] != 'u' && s.ptr[s.len - 2] != 'i';
}

/* The noun phrase after a number starting at token i: skips "of", "of all the", "of the"
 * (fractions), then takes up to QUANTITY_UNIT_MAX_WORDS words; the head is the last one.
 * Returns the head's token index (and *last = the last token of the phrase), or SIZE_MAX. */
static size_t find_unit(const text_result *text, size_t i, size_t end, bool after_of, bool share,
                        size_t *last)
{
    size_t k = i;
    if (after_of && extras_token_is(text, k, "of")) {
        k++;
        if (extras_token_is(text, k, "all"))
            k++;
        if (extras_token_is(text, k, "the") || extras_token_is(text, k, "its") ||
            extras_token_is(text, k, "their"))
            k++;
    } else if (share && (extras_token_is(text, k, "the") || extras_token_is(text, k, "its") ||
                         extras_token_is(text, k, "their"))) {
        k++; /* "half the population" */
    }
    /* "every" in rates: "one in every two shells" is handled by the caller */
    size_t head = SIZE_MAX;
    for (size_t n = 0; n < QUANTITY_UNIT_MAX_WORDS && k < end; n++, k++) {
        if (!token_is_word_like(text, k) || extras_np_stop(text, k))
            break;
        /* after a unit, measure adjectives and adverbs end the phrase: "100 m above",
         * "40 miles away", "3 km long" (first, they may start one: "high-ranking") */
        if (head != SIZE_MAX && word_in(text, k, after_unit, ARRAY_LEN(after_unit)))
            break;
        /* a number word is not a unit ("two three") */
        if (word_lookup(text, k, small_numbers, ARRAY_LEN(small_numbers)))
            break;
        head = k;
        /* counted things are plural: the phrase ends at the first plural noun ("North Korean
         * troops", "artillery shells") so a following verb is not read as the unit */
        if (looks_plural(text, k))
            break;
    }
    if (head == SIZE_MAX)
        return SIZE_MAX;
    *last = head;
    if (head + 1 < end && word_in(text, head + 1, unit_participles, ARRAY_LEN(unit_participles)))
        *last = head + 1;
    return head;
}

/* ---- recognition ---- */

typedef struct qlist {
    arena *a;
    quantity *items;
    size_t count, alloc;
} qlist;

static sitrep_status qlist_push(qlist *l, const quantity *q)
{
    if (l->count >= EXTRAS_MAX_MENTIONS)
        return SITREP_ELIMIT;
    quantity *p = arena_array_room(l->a, l->items, l->count, &l->alloc, sizeof *p);
    if (!p)
        return SITREP_ELIMIT;
    l->items = p;
    l->items[l->count++] = *q;
    return SITREP_OK;
}

static const char *currency_symbol_at(const text_result *text, size_t i)
{
    if (i >= text->ntokens || text->tokens[i].kind != TOKEN_SYMBOL)
        return NULL;
    slice s = token_text(text, &text->tokens[i]);
    for (size_t c = 0; c < ARRAY_LEN(currency_symbols); c++)
        if (slice_eq_cstr(s, currency_symbols[c].word))
            return currency_symbols[c].code;
    return NULL;
}

/* The currency named at token i: a nationality and a currency noun ("Swiss francs"), or a
 * currency word ("euros"). Sets *used to the tokens it takes; NULL when there is none. */
static const char *currency_name_at(const text_result *text, size_t i, size_t *used)
{
    char initial = i < text->ntokens ? (char)(text->text[text->tokens[i].start] | 0x20) : 0;
    if (initial >= 'a' && initial <= 'z')
        for (size_t c = 0; c < ARRAY_LEN(currency_nationalities); c++) {
            const currency_nationality *n = &currency_nationalities[c];
            if (n->first[0] != initial || !extras_token_is(text, i, n->first) ||
                (n->second && !extras_token_is(text, i + 1, n->second)))
                continue;
            size_t words = n->second ? 2 : 1;
            if (word_in(text, i + words, currency_nouns, ARRAY_LEN(currency_nouns))) {
                *used = words + 1;
                return n->code;
            }
        }
    *used = 1;
    for (size_t c = 0; c < ARRAY_LEN(currency_names); c++)
        if (extras_token_is(text, i, currency_names[c].word))
            return currency_names[c].code;
    return NULL;
}

/* A vague count: "dozens of", "hundreds of", "tens of thousands of", "several hundred",
 * "a few thousand". Returns tokens used, or 0. */
static size_t parse_vague(const text_result *text, size_t i, size_t end, double *value,
                          quantity_qualifier *q)
{
    static const word_value plurals[] = {
        {"dozens", 12},    {"scores", 20},    {"hundreds", 100}, {"thousands", 1e3},
        {"millions", 1e6}, {"billions", 1e9}, {"tens", 10},
    };
    const word_value *p = word_lookup(text, i, plurals, ARRAY_LEN(plurals));
    if (p && extras_token_is(text, i + 1, "of")) {
        /* "tens of thousands of", "hundreds of thousands of" */
        const word_value *p2 = word_lookup(text, i + 2, plurals, ARRAY_LEN(plurals));
        if (p2 && p2->value > p->value && i + 3 < end && extras_token_is(text, i + 3, "of")) {
            *value = 2 * p->value * p2->value;
            *q = QUANTITY_AT_LEAST;
            return 3; /* "of" stays for the unit */
        }
        *value = 2 * p->value;
        *q = QUANTITY_AT_LEAST;
        return 1;
    }
    /* "several hundred", "a few thousand", "several dozen" */
    size_t k = i;
    double base = 0;
    if (extras_token_is(text, k, "several") || extras_token_is(text, k, "a") ||
        extras_token_is(text, k, "few")) {
        if (extras_token_is(text, k, "a")) {
            if (!extras_token_is(text, k + 1, "few"))
                return 0;
            k++;
        }
        base = 3;
        k++;
    } else {
        return 0;
    }
    double mult = 0;
    if (extras_token_is(text, k, "hundred"))
        mult = 100;
    else if (extras_token_is(text, k, "dozen"))
        mult = 12;
    else if (word_lookup(text, k, scales, SCALE_WORDS))
        mult = word_lookup(text, k, scales, SCALE_WORDS)->value;
    if (mult == 0 || k >= end)
        return 0;
    *value = base * mult;
    *q = QUANTITY_APPROX;
    return k + 1 - i;
}

/* Fractions: "half", "a third", "two thirds", "one in every two", "one out of three". */
static size_t parse_fraction(const text_result *text, size_t i, size_t end, double *value)
{
    double numerator = 1;
    size_t k = i;
    if (extras_token_is(text, k, "a") || extras_token_is(text, k, "one")) {
        k++;
    } else {
        const word_value *w = word_lookup(text, k, small_numbers, ARRAY_LEN(small_numbers));
        size_t hyphen = k + 1 < end && extras_token_is(text, k + 1, "-") && joined(text, k + 1) &&
                                joined(text, k + 2)
                            ? 1
                            : 0;
        if (w && w->value > 1 && w->value < 20 && k + 1 + hyphen < end &&
            word_lookup(text, k + 1 + hyphen, denominators, ARRAY_LEN(denominators))) {
            numerator = w->value;
            k++;
        }
    }
    /* "two-thirds", "one-eighth" */
    if (k > i && !extras_token_is(text, i, "a") && k + 1 < end && extras_token_is(text, k, "-") &&
        joined(text, k) && joined(text, k + 1) &&
        word_lookup(text, k + 1, denominators, ARRAY_LEN(denominators)))
        k++;
    const word_value *d =
        k < end ? word_lookup(text, k, denominators, ARRAY_LEN(denominators)) : NULL;
    if (d && (k > i || extras_token_is(text, k, "half"))) {
        /* "half" alone needs "of" or a following noun: "half of all munitions", "half the" */
        if (k == i && !(extras_token_is(text, k + 1, "of") || extras_token_is(text, k + 1, "the")))
            return 0;
        /* "a third party" is not a fraction: a singular denominator needs "of" after it or
         * the end of the phrase; a plural one is unambiguous ("two thirds", "three quarters") */
        bool plural = numerator > 1;
        bool phrase_end = k + 1 >= end || (text->tokens[k + 1].kind != TOKEN_WORD &&
                                           text->tokens[k + 1].kind != TOKEN_NUMBER);
        if (k > i && !plural && !extras_token_is(text, k + 1, "of") && !phrase_end)
            return 0;
        *value = numerator / d->value;
        return k + 1 - i;
    }
    /* "one in every two", "one in two", "one out of every five" */
    double a, b;
    slice suffix;
    size_t n1 = parse_number(text, i, end, &a, &suffix);
    if (n1 == 0 || suffix.len)
        return 0;
    k = i + n1;
    if (extras_token_is(text, k, "in")) {
        k++;
    } else if (extras_token_is(text, k, "out") && extras_token_is(text, k + 1, "of")) {
        k += 2;
    } else {
        return 0;
    }
    if (extras_token_is(text, k, "every"))
        k++;
    size_t n2 = parse_number(text, k, end, &b, &suffix);
    if (n2 == 0 || suffix.len || b <= 0 || a > b)
        return 0;
    *value = a / b;
    return k + n2 - i;
}

static bool in_dates(const date_mention *dates, size_t ndates, size_t *cursor, size_t tok)
{
    while (*cursor < ndates && dates[*cursor].first_token + dates[*cursor].ntokens <= tok)
        (*cursor)++;
    return *cursor < ndates && dates[*cursor].first_token <= tok;
}

/* A bare four-digit integer reads as a year unless a counted noun follows ("2000 troops"). */
static bool looks_like_year(const text_result *text, size_t i, double value, bool comma, size_t end)
{
    if (comma || value < 1000 || value > 2999 || value != floor(value))
        return false;
    if (i + 1 >= end)
        return true;
    const token *n = &text->tokens[i + 1];
    return n->kind != TOKEN_WORD || (n->flags & TOKEN_UPPER) || extras_np_stop(text, i + 1);
}

static sitrep_status scan_sentence(qlist *l, const text_result *text, size_t si,
                                   const date_mention *dates, size_t ndates, size_t *dcur)
{
    const sentence *s = &text->sentences[si];
    size_t first = s->first_token, end = s->first_token + s->ntokens;
    size_t i = first;
    while (i < end) {
        if (!extras_may_start(text, i) || in_dates(dates, ndates, dcur, i)) {
            i++;
            continue;
        }
        quantity q;
        memset(&q, 0, sizeof q);
        q.sentence = (uint32_t)si;
        size_t start_tok = i, k = i;
        quantity_qualifier qual = QUANTITY_EXACT;
        double value = 0;
        slice suffix = slice_make(NULL, 0);
        size_t used;
        const char *currency = NULL;

        /* fractions first: "one in every two" must not read as the number one */
        if ((used = parse_fraction(text, k, end, &value))) {
            q.fraction = true;
            qual = QUANTITY_FRACTION;
            k += used;
        } else if ((used = parse_vague(text, k, end, &value, &qual))) {
            k += used;
        } else {
            size_t sym = k;
            currency = currency_symbol_at(text, k);
            /* "US$5": the "US" word before a joined "$" */
            if (!currency && extras_token_is(text, k, "us") && currency_symbol_at(text, k + 1) &&
                joined(text, k + 1)) {
                currency = currency_symbol_at(text, k + 1);
                sym = k + 1;
            }
            if (currency)
                k = sym + 1;
            /* "minus 20 degrees", "negative 5 percent" */
            bool minus =
                !currency && k + 1 < end &&
                (extras_token_is(text, k, "minus") || extras_token_is(text, k, "negative")) &&
                (text->tokens[k + 1].kind == TOKEN_NUMBER ||
                 word_lookup(text, k + 1, small_numbers, ARRAY_LEN(small_numbers)));
            if (minus)
                k++;
            used = parse_number(text, k, end, &value, &suffix);
            if (!used) {
                i++;
                continue;
            }
            if (minus)
                value = -value;
            const token *t = &text->tokens[k];
            if (t->kind == TOKEN_NUMBER) {
                bool comma = memchr(text->text + t->start, ',', t->end - t->start) != NULL;
                /* identifiers and dates: "Resolution 2254", "20 January", a bare year */
                quantity_qualifier unused_q;
                size_t unused_first;
                bool after_name = k > first + 1 && (text->tokens[k - 1].flags & TOKEN_UPPER) &&
                                  !qualifier_before(text, first, k, &unused_q, &unused_first) &&
                                  text->tokens[k - 1].kind == TOKEN_WORD && !currency;
                bool time_or_date =
                    (k + 1 < end && joined(text, k + 1) &&
                     (extras_token_is(text, k + 1, ":") || extras_token_is(text, k + 1, "/"))) ||
                    is_month_word(text, k + 1) || (k > first && is_month_word(text, k - 1));
                if (!currency && (after_name || time_or_date ||
                                  (used == 1 && suffix.len == 0 &&
                                   looks_like_year(text, k, value, comma, end)))) {
                    i = k + used;
                    continue;
                }
                /* a hyphenated token pair is a code, not a number: F-16, Su-27; the minutes
                 * of a time (10:30) and parts of 20/01 are not counts either */
                if (k > first && joined(text, k) &&
                    (extras_token_is(text, k - 1, "-") || extras_token_is(text, k - 1, ":") ||
                     extras_token_is(text, k - 1, "/"))) {
                    i = k + used;
                    continue;
                }
            } else {
                /* "one" alone is often a pronoun: "no one", "the one", "one of them" is kept */
                if (!minus && value == 1 && used == 1 &&
                    (k > first &&
                     (extras_token_is(text, k - 1, "no") || extras_token_is(text, k - 1, "the") ||
                      extras_token_is(text, k - 1, "any") ||
                      extras_token_is(text, k - 1, "every") ||
                      extras_token_is(text, k - 1, "this") ||
                      extras_token_is(text, k - 1, "that")))) {
                    i = k + used;
                    continue;
                }
                if (!minus && value == 1 && used == 1 && !extras_token_is(text, k + 1, "of") &&
                    !(k + 1 < end && token_is_word_like(text, k + 1) &&
                      !extras_np_stop(text, k + 1))) {
                    i = k + used;
                    continue;
                }
            }
            k += used;
        }
        size_t number_end = k; /* first token after the number */

        /* qualifier before the phrase */
        size_t qfirst;
        quantity_qualifier before;
        if (qualifier_before(text, first, start_tok, &before, &qfirst)) {
            /* on a share, a bound keeps its name ("at least half" -> 0.5 at_least, fraction
             * true) but "approximately one in two" stays a fraction: a share is an estimate */
            if (!(q.fraction && before == QUANTITY_APPROX))
                qual = before;
            start_tok = qfirst;
        }

        /* percent */
        if (extras_token_is(text, k, "%") || (extras_token_is(text, k, "percent")) ||
            (extras_token_is(text, k, "per") && extras_token_is(text, k + 1, "cent")) ||
            extras_token_is(text, k, "pc")) {
            q.percent = true;
            k += extras_token_is(text, k, "per") ? 2 : 1;
            number_end = k;
        }

        /* range: "25 to 40", "20-30", "between 20 and 30", "from 20 to 30" */
        double high = 0;
        bool range = false;
        if (!q.fraction && !q.percent &&
            (extras_token_is(text, k, "to") || extras_token_is(text, k, "and") ||
             (extras_token_is(text, k, "-") && joined(text, k) && joined(text, k + 1)) ||
             extras_token_is(text, k, "–"))) {
            bool between = start_tok > first && extras_token_is(text, start_tok - 1, "between");
            bool and_ok = !extras_token_is(text, k, "and") || between;
            slice suffix2;
            size_t k2 = k + 1;
            if (currency && currency_symbol_at(text, k2))
                k2++;
            size_t used2 = and_ok ? parse_number(text, k2, end, &high, &suffix2) : 0;
            if (used2 && high > value) {
                range = true;
                if (between || (start_tok > first && extras_token_is(text, start_tok - 1, "from")))
                    start_tok--;
                /* "25-40 million": the scale of the high end applies to both */
                if (suffix.len == 0 && suffix2.len)
                    suffix = suffix2;
                k = k2 + used2;
                number_end = k;
                if (extras_token_is(text, k, "%") || extras_token_is(text, k, "percent")) {
                    q.percent = true;
                    k++;
                    number_end = k;
                }
            }
        }

        /* money after the number: "500 million euros" */
        size_t currency_used;
        if (!currency && (currency = currency_name_at(text, k, &currency_used)) != NULL) {
            k += currency_used;
            number_end = k;
        }

        q.value = value;
        if (range) {
            q.low = value;
            q.high = high;
            if (qual == QUANTITY_EXACT)
                qual = QUANTITY_RANGE;
        }
        q.qualifier = (uint8_t)qual;
        q.currency = currency;

        /* the unit */
        size_t last_tok = number_end - 1;
        if (suffix.len) {
            const token *t = &text->tokens[number_end - 1];
            q.unit_start = (uint32_t)(suffix.ptr - text->text);
            q.unit_end = t->end;
        } else if (!currency && !q.percent) {
            size_t unit_last, head;
            /* "7.8-magnitude", "10-year": a noun joined by a hyphen is the unit */
            size_t from = number_end;
            if (extras_token_is(text, from, "-") && joined(text, from) && joined(text, from + 1) &&
                token_is_word_like(text, from + 1)) {
                head = unit_last = from + 1; /* the compound's noun alone */
            } else {
                head = find_unit(text, from, end, true, q.fraction, &unit_last);
            }
            if (head != SIZE_MAX) {
                q.unit_start = text->tokens[head].start;
                q.unit_end = text->tokens[unit_last].end;
                last_tok = unit_last;
            }
        }
        q.first_token = (uint32_t)start_tok;
        q.ntokens = (uint32_t)(last_tok + 1 - start_tok);
        q.start = text->tokens[start_tok].start;
        q.end = text->tokens[last_tok].end;
        sitrep_status st = qlist_push(l, &q);
        if (st)
            return st;
        i = last_tok + 1 > i ? last_tok + 1 : i + 1;
    }
    return SITREP_OK;
}

sitrep_status quantity_find(arena *a, const text_result *text, const date_mention *dates,
                            size_t ndates, quantity **out, size_t *count)
{
    qlist l = {.a = a};
    size_t dcur = 0;
    sitrep_status st = SITREP_OK;
    for (size_t si = 0; si < text->nsentences && !st; si++)
        st = scan_sentence(&l, text, si, dates, ndates, &dcur);
    *out = l.items;
    *count = l.count;
    return st;
}
