/* tokenize.c - splits normalised text into tokens with byte offsets.
 *
 * Conventions follow the Universal Dependencies English treebank, on which the tagger is
 * trained: clitics are split ("would" "n't", "Kim" "'s", "Kim" "’s"), hyphenated words are
 * split at the hyphen into adjacent tokens ("Jong" "-" "un") unless the first part is a
 * prefix ("co-operation", "e-mail"), numbers keep their separators ("14,000", "1.5"),
 * abbreviations and initials keep their period ("U.S.", "Gen.", "J."), URLs, e-mail addresses
 * and @handles are single tokens, and every quote mark, dash and ellipsis is a token.
 * ASCII is classified by table; other code points by ICU character properties.
 */
#include "text.h"

#include <string.h>
#include <unicode/uchar.h>

enum {
    C_SPACE = 1,
    C_NEWLINE = 2,
    C_UPPER = 4,
    C_LOWER = 8,
    C_DIGIT = 16,
    C_PUNCT = 32,
    C_SYMBOL = 64,
    C_QUOTE = 128,
};

static const unsigned char ascii_class[128] = {
    ['\t'] = C_SPACE, ['\n'] = C_NEWLINE, ['\r'] = C_SPACE, ['\f'] = C_SPACE, ['\v'] = C_SPACE,
    [' '] = C_SPACE,  ['A'] = C_UPPER,    ['B'] = C_UPPER,  ['C'] = C_UPPER,  ['D'] = C_UPPER,
    ['E'] = C_UPPER,  ['F'] = C_UPPER,    ['G'] = C_UPPER,  ['H'] = C_UPPER,  ['I'] = C_UPPER,
    ['J'] = C_UPPER,  ['K'] = C_UPPER,    ['L'] = C_UPPER,  ['M'] = C_UPPER,  ['N'] = C_UPPER,
    ['O'] = C_UPPER,  ['P'] = C_UPPER,    ['Q'] = C_UPPER,  ['R'] = C_UPPER,  ['S'] = C_UPPER,
    ['T'] = C_UPPER,  ['U'] = C_UPPER,    ['V'] = C_UPPER,  ['W'] = C_UPPER,  ['X'] = C_UPPER,
    ['Y'] = C_UPPER,  ['Z'] = C_UPPER,    ['a'] = C_LOWER,  ['b'] = C_LOWER,  ['c'] = C_LOWER,
    ['d'] = C_LOWER,  ['e'] = C_LOWER,    ['f'] = C_LOWER,  ['g'] = C_LOWER,  ['h'] = C_LOWER,
    ['i'] = C_LOWER,  ['j'] = C_LOWER,    ['k'] = C_LOWER,  ['l'] = C_LOWER,  ['m'] = C_LOWER,
    ['n'] = C_LOWER,  ['o'] = C_LOWER,    ['p'] = C_LOWER,  ['q'] = C_LOWER,  ['r'] = C_LOWER,
    ['s'] = C_LOWER,  ['t'] = C_LOWER,    ['u'] = C_LOWER,  ['v'] = C_LOWER,  ['w'] = C_LOWER,
    ['x'] = C_LOWER,  ['y'] = C_LOWER,    ['z'] = C_LOWER,  ['0'] = C_DIGIT,  ['1'] = C_DIGIT,
    ['2'] = C_DIGIT,  ['3'] = C_DIGIT,    ['4'] = C_DIGIT,  ['5'] = C_DIGIT,  ['6'] = C_DIGIT,
    ['7'] = C_DIGIT,  ['8'] = C_DIGIT,    ['9'] = C_DIGIT,  ['.'] = C_PUNCT,  [','] = C_PUNCT,
    [';'] = C_PUNCT,  [':'] = C_PUNCT,    ['!'] = C_PUNCT,  ['?'] = C_PUNCT,  ['('] = C_PUNCT,
    [')'] = C_PUNCT,  ['['] = C_PUNCT,    [']'] = C_PUNCT,  ['{'] = C_PUNCT,  ['}'] = C_PUNCT,
    ['-'] = C_PUNCT,  ['"'] = C_QUOTE,    ['\''] = C_QUOTE, ['`'] = C_QUOTE,  ['$'] = C_SYMBOL,
    ['%'] = C_SYMBOL, ['&'] = C_SYMBOL,   ['*'] = C_SYMBOL, ['+'] = C_SYMBOL, ['/'] = C_SYMBOL,
    ['<'] = C_SYMBOL, ['='] = C_SYMBOL,   ['>'] = C_SYMBOL, ['@'] = C_SYMBOL, ['#'] = C_SYMBOL,
    ['^'] = C_SYMBOL, ['_'] = C_SYMBOL,   ['|'] = C_SYMBOL, ['~'] = C_SYMBOL, ['\\'] = C_SYMBOL,
};

#define C_ALNUM (C_UPPER | C_LOWER | C_DIGIT)

/* What a non-ASCII code point is, in the terms above. */
static unsigned classify_codepoint(uint32_t cp)
{
    switch (cp) {
    case 0x00A0:
    case 0x1680:
    case 0x2028:
    case 0x2029:
    case 0x202F:
    case 0x205F:
    case 0x3000:
    case 0x200B:
    case 0xFEFF:
    case 0x0085:
        return C_SPACE;
    case 0x2018:
    case 0x2019:
    case 0x201A:
    case 0x201B:
    case 0x201C:
    case 0x201D:
    case 0x201E:
    case 0x201F:
    case 0x00AB:
    case 0x00BB:
    case 0x2039:
    case 0x203A:
        return C_QUOTE;
    default:
        break;
    }
    if (cp >= 0x2000 && cp <= 0x200A)
        return C_SPACE;
    int8_t type = u_charType((UChar32)cp);
    switch (type) {
    case U_UPPERCASE_LETTER:
    case U_TITLECASE_LETTER:
        return C_UPPER;
    case U_LOWERCASE_LETTER:
    case U_MODIFIER_LETTER:
    case U_OTHER_LETTER:
    case U_NON_SPACING_MARK:
    case U_COMBINING_SPACING_MARK:
    case U_ENCLOSING_MARK:
        return C_LOWER;
    case U_DECIMAL_DIGIT_NUMBER:
        return C_DIGIT;
    case U_LETTER_NUMBER:
    case U_OTHER_NUMBER:
        return C_LOWER;
    case U_SPACE_SEPARATOR:
    case U_LINE_SEPARATOR:
    case U_PARAGRAPH_SEPARATOR:
    case U_FORMAT_CHAR:
        return C_SPACE;
    case U_DASH_PUNCTUATION:
    case U_START_PUNCTUATION:
    case U_END_PUNCTUATION:
    case U_CONNECTOR_PUNCTUATION:
    case U_OTHER_PUNCTUATION:
    case U_INITIAL_PUNCTUATION:
    case U_FINAL_PUNCTUATION:
        return C_PUNCT;
    default:
        return C_SYMBOL;
    }
}

typedef struct scanner {
    const unsigned char *s;
    size_t n;
} scanner;

/* Class and byte length of the character at i (i < n). */
static inline unsigned class_at(const scanner *sc, size_t i, int *len, uint32_t *cp_out)
{
    unsigned char c = sc->s[i];
    if (c < 0x80) {
        *len = 1;
        if (cp_out)
            *cp_out = c;
        return ascii_class[c];
    }
    uint32_t cp;
    int k = utf8_decode(sc->s + i, sc->n - i, &cp);
    if (!k) { /* cannot happen on sanitised text; treat as a symbol byte */
        *len = 1;
        if (cp_out)
            *cp_out = 0xFFFD;
        return C_SYMBOL;
    }
    *len = k;
    if (cp_out)
        *cp_out = cp;
    return classify_codepoint(cp);
}

static inline unsigned class_of(const scanner *sc, size_t i)
{
    if (i >= sc->n)
        return C_SPACE;
    if (sc->s[i] < 0x80)
        return ascii_class[sc->s[i]];
    int len;
    return class_at(sc, i, &len, NULL);
}

/* Is there an apostrophe (' or ’) at i? Returns its byte length or 0. */
static int apostrophe_at(const scanner *sc, size_t i)
{
    if (i < sc->n && sc->s[i] == '\'')
        return 1;
    if (i + 2 < sc->n && sc->s[i] == 0xE2 && sc->s[i + 1] == 0x80 && sc->s[i + 2] == 0x99)
        return 3;
    return 0;
}

static int lower_ascii(int c)
{
    return c >= 'A' && c <= 'Z' ? c + 32 : c;
}

/* Length of the run of ASCII letters at i. */
static size_t letters_at(const scanner *sc, size_t i)
{
    size_t k = i;
    while (k < sc->n && sc->s[k] < 0x80 && (ascii_class[sc->s[k]] & (C_UPPER | C_LOWER)))
        k++;
    return k - i;
}

/* Clitics split off a word: 's 're 've 'll 'd 'm (after the apostrophe), and n't. */
static bool is_clitic_tail(const unsigned char *p, size_t len)
{
    static const char *const tails[] = {"s", "re", "ve", "ll", "d", "m"};
    for (size_t t = 0; t < ARRAY_LEN(tails); t++) {
        size_t k = strlen(tails[t]);
        if (k != len)
            continue;
        size_t j = 0;
        while (j < k && lower_ascii(p[j]) == tails[t][j])
            j++;
        if (j == k)
            return true;
    }
    return false;
}

/* Prefixes that stay joined to the rest of a hyphenated word, as in the UD treebank. */
static bool is_hyphen_prefix(const unsigned char *p, size_t len)
{
    static const char *const prefixes[] = {
        "e",     "re",    "non",   "co",    "pre", "post",   "anti",    "pro",
        "semi",  "vice",  "ex",    "self",  "mid", "multi",  "counter", "sub",
        "inter", "mis",   "bi",    "tri",   "neo", "pseudo", "quasi",   "ultra",
        "intra", "extra", "infra", "cyber", "geo", "socio",  "euro",    "trans",
    };
    if (len > 7)
        return false;
    for (size_t t = 0; t < ARRAY_LEN(prefixes); t++) {
        if (strlen(prefixes[t]) != len)
            continue;
        size_t j = 0;
        while (j < len && lower_ascii(p[j]) == prefixes[t][j])
            j++;
        if (j == len)
            return true;
    }
    return false;
}

/* Abbreviations that keep their period (matched case-sensitively, without the period).
 * Titles, military ranks, months, days, corporate and common Latin abbreviations. */
static const char *const abbreviations[] = {
    "Mr",   "Mrs",    "Ms",   "Dr",   "Prof", "Gen",  "Lt",   "Col",   "Maj",  "Capt",  "Cpt",
    "Sgt",  "Cpl",    "Pvt",  "Adm",  "Brig", "Cmdr", "Cdr",  "Gov",   "Sen",  "Rep",   "Rev",
    "Hon",  "Pres",   "Amb",  "Insp", "Supt", "Fr",   "Sr",   "Jr",    "St",   "Mt",    "Ft",
    "Gens", "Messrs", "Mmes", "Reps", "Sens", "Sec",  "Secs", "Atty",  "Cmdt", "Lieut", "Gov",
    "Jan",  "Feb",    "Mar",  "Apr",  "Jun",  "Jul",  "Aug",  "Sep",   "Sept", "Oct",   "Nov",
    "Dec",  "Mon",    "Tue",  "Tues", "Wed",  "Thu",  "Thur", "Thurs", "Fri",  "Sat",   "Sun",
    "No",   "Nos",    "Vol",  "Vols", "Fig",  "Art",  "Arts", "Inc",   "Corp", "Ltd",   "Co",
    "Bros", "Cos",    "Dept", "Univ", "Assn", "Ave",  "Blvd", "Rd",    "vs",   "etc",   "approx",
    "est",  "ext",    "cf",   "al",   "viz",  "ca",   "Ph",   "Calif", "Ariz", "Ark",   "Colo",
    "Conn", "Del",    "Fla",  "Ga",   "Ill",  "Ind",  "Kan",  "Ky",    "La",   "Md",    "Mass",
    "Mich", "Minn",   "Miss", "Mo",   "Mont", "Neb",  "Nev",  "Okla",  "Ore",  "Pa",    "Tenn",
    "Tex",  "Va",     "Vt",   "Wash", "Wis",  "Wyo",  "p",    "pp",    "gen",  "govt",  "min",
    "max",  "mln",    "bln",
};

static bool is_abbreviation(const unsigned char *p, size_t len)
{
    if (len > 7)
        return false;
    for (size_t t = 0; t < ARRAY_LEN(abbreviations); t++)
        if (abbreviations[t][0] == (char)p[0] && strlen(abbreviations[t]) == len &&
            memcmp(abbreviations[t], p, len) == 0)
            return true;
    return false;
}

/* Letter-dot sequences: U.S.  U.N.  e.g.  a.m.  U.S.A. - returns the length including the
 * final period, or 0. Requires at least two letter-dot pairs. */
static size_t dotted_abbreviation(const scanner *sc, size_t i)
{
    size_t k = i, pairs = 0;
    while (k + 1 < sc->n && sc->s[k] < 0x80 && (ascii_class[sc->s[k]] & (C_UPPER | C_LOWER)) &&
           sc->s[k + 1] == '.') {
        k += 2;
        pairs++;
    }
    if (pairs < 2)
        return 0;
    /* "U.S.-led": fine. But a letter straight after the last dot means it is not ours. */
    if (k < sc->n && (class_of(sc, k) & C_ALNUM))
        return 0;
    return k - i;
}

static bool starts_with_ci(const scanner *sc, size_t i, const char *prefix)
{
    size_t n = strlen(prefix);
    if (i + n > sc->n)
        return false;
    for (size_t j = 0; j < n; j++)
        if (lower_ascii(sc->s[i + j]) != prefix[j])
            return false;
    return true;
}

/* Length of the URL at i, or 0. Trailing sentence punctuation is left out. */
static size_t url_at(const scanner *sc, size_t i)
{
    unsigned char first = sc->s[i];
    if (first != 'h' && first != 'H' && first != 'w' && first != 'W')
        return 0;
    if (!starts_with_ci(sc, i, "http://") && !starts_with_ci(sc, i, "https://") &&
        !starts_with_ci(sc, i, "www."))
        return 0;
    size_t k = i;
    while (k < sc->n && sc->s[k] > ' ' && sc->s[k] != '"' && sc->s[k] != '<' && sc->s[k] != '>') {
        if (sc->s[k] >= 0x80) {
            int len;
            unsigned cls = class_at(sc, k, &len, NULL);
            if (cls & (C_SPACE | C_QUOTE))
                break;
            k += (size_t)len;
        } else {
            k++;
        }
    }
    while (k > i && strchr(".,;:!?)]}'", sc->s[k - 1]))
        k--;
    size_t min = starts_with_ci(sc, i, "www.") ? 5 : 9;
    return k - i >= min ? k - i : 0;
}

/* Length of an e-mail address starting at i, or 0. */
static size_t email_at(const scanner *sc, size_t i)
{
    size_t k = i;
    while (k < sc->n && sc->s[k] < 0x80 &&
           ((ascii_class[sc->s[k]] & C_ALNUM) || sc->s[k] == '.' || sc->s[k] == '_' ||
            sc->s[k] == '%' || sc->s[k] == '+' || sc->s[k] == '-'))
        k++;
    if (k == i || k >= sc->n || sc->s[k] != '@')
        return 0;
    size_t at = k++;
    size_t dots = 0, last_dot = 0;
    while (k < sc->n && sc->s[k] < 0x80 &&
           ((ascii_class[sc->s[k]] & C_ALNUM) || sc->s[k] == '.' || sc->s[k] == '-')) {
        if (sc->s[k] == '.') {
            dots++;
            last_dot = k;
        }
        k++;
    }
    while (k > at && sc->s[k - 1] == '.')
        k--;
    if (dots == 0 || last_dot + 1 >= k || k - at < 4)
        return 0;
    return k - i;
}

/* Scans a word or number from i; returns its end and sets *kind. */
static size_t word_end(const scanner *sc, size_t i, uint8_t *kind)
{
    size_t k = i;
    bool number = (class_of(sc, i) & C_DIGIT) != 0;
    for (;;) {
        /* the alphanumeric run */
        while (k < sc->n) {
            int len;
            unsigned cls = class_at(sc, k, &len, NULL);
            if (!(cls & C_ALNUM))
                break;
            k += (size_t)len;
        }
        if (k >= sc->n)
            break;
        unsigned char c = sc->s[k];
        unsigned prev = class_of(sc, k - 1);
        /* 14,000  1.5  2,000.50: separators between digits in a number */
        if (number && (c == ',' || c == '.') && (prev & C_DIGIT) && k + 1 < sc->n &&
            (class_of(sc, k + 1) & C_DIGIT)) {
            k++;
            continue;
        }
        /* hyphen: joined only after a prefix such as co- or e- */
        if (c == '-' && k + 1 < sc->n && (class_of(sc, k + 1) & C_ALNUM) &&
            is_hyphen_prefix(sc->s + i, k - i)) {
            k++;
            continue;
        }
        /* apostrophe inside a word: clitics split, names (O'Brien) stay whole */
        int apo = apostrophe_at(sc, k);
        if (apo && k + (size_t)apo < sc->n && (class_of(sc, k + (size_t)apo) & C_ALNUM)) {
            size_t tail = letters_at(sc, k + (size_t)apo);
            const unsigned char *tp = sc->s + k + (size_t)apo;
            bool after_tail_alnum = (class_of(sc, k + (size_t)apo + tail) & C_ALNUM) != 0;
            if (tail > 0 && !after_tail_alnum && is_clitic_tail(tp, tail))
                break; /* Kim|'s  they|'re */
            if (tail == 1 && lower_ascii(tp[0]) == 't' && !after_tail_alnum && k - i >= 2 &&
                lower_ascii(sc->s[k - 1]) == 'n')
                break; /* handled by the caller: would|n't */
            k += (size_t)apo;
            continue;
        }
        break;
    }
    /* n't: give the n back so that "wouldn't" is "would" + "n't" */
    int apo = apostrophe_at(sc, k);
    if (apo && k - i >= 2 && lower_ascii(sc->s[k - 1]) == 'n' && k + (size_t)apo < sc->n &&
        lower_ascii(sc->s[k + (size_t)apo]) == 't' &&
        !(class_of(sc, k + (size_t)apo + 1) & C_ALNUM))
        k--;
    *kind = number ? TOKEN_NUMBER : TOKEN_WORD;
    return k;
}

static void set_case_flags(const scanner *sc, token *t)
{
    const unsigned char *p = sc->s + t->start, *e = sc->s + t->end;
    size_t letters = 0, upper = 0;
    for (; p < e && *p < 0x80; p++) {
        unsigned cls = ascii_class[*p];
        letters += (cls & (C_UPPER | C_LOWER)) != 0;
        upper += (cls & C_UPPER) != 0;
    }
    if (p == e) {
        if (ascii_class[sc->s[t->start]] & C_UPPER)
            t->flags |= TOKEN_UPPER;
        if (letters >= 2 && upper == letters)
            t->flags |= TOKEN_ALL_UPPER;
        t->flags |= TOKEN_ASCII;
        return;
    }
    int len;
    unsigned first = class_at(sc, t->start, &len, NULL);
    if (first & C_UPPER)
        t->flags |= TOKEN_UPPER;
    bool ascii = true;
    letters = 0;
    upper = 0;
    for (size_t i = t->start; i < t->end;) {
        uint32_t cp;
        unsigned cls = class_at(sc, i, &len, &cp);
        if (cp >= 0x80)
            ascii = false;
        if (cls & (C_UPPER | C_LOWER)) {
            letters++;
            if (cls & C_UPPER)
                upper++;
        }
        i += (size_t)len;
    }
    if (letters >= 2 && upper == letters)
        t->flags |= TOKEN_ALL_UPPER;
    if (ascii)
        t->flags |= TOKEN_ASCII;
}

sitrep_status text_tokenize(arena *a, const char *text, size_t length, token **tokens,
                            size_t *count)
{
    scanner sc = {(const unsigned char *)text, length};
    size_t cap = *count + 64 + length / 5, n = *count;
    if (cap > TEXT_MAX_TOKENS)
        cap = TEXT_MAX_TOKENS;
    token *out = arena_grow(a, *tokens, n * sizeof(token), cap * sizeof(token));
    if (!out)
        return SITREP_ELIMIT;
    unsigned newlines = 2; /* the start of the text counts as a paragraph start */
    bool space = false;
    size_t i = 0;
    while (i < length) {
        unsigned char c = sc.s[i];
        int len = 1;
        uint32_t cp = c;
        unsigned cls = c < 0x80 ? ascii_class[c] : class_at(&sc, i, &len, &cp);
        if (cls & (C_SPACE | C_NEWLINE)) {
            if (cls & C_NEWLINE)
                newlines++;
            space = true;
            i += (size_t)len;
            continue;
        }
        if (n == cap) {
            size_t new_cap = cap * 2 > TEXT_MAX_TOKENS ? TEXT_MAX_TOKENS : cap * 2;
            token *grown = new_cap > cap
                               ? arena_grow(a, out, cap * sizeof(token), new_cap * sizeof(token))
                               : NULL;
            if (!grown) {
                *tokens = out;
                *count = n;
                return SITREP_ELIMIT;
            }
            out = grown;
            cap = new_cap;
        }
        token *t = &out[n];
        memset(t, 0, sizeof *t);
        t->start = (uint32_t)i;
        if (space)
            t->flags |= TOKEN_SPACE_BEFORE;
        if (newlines >= 2)
            t->flags |= TOKEN_PARA_START | TOKEN_LINE_START;
        else if (newlines == 1)
            t->flags |= TOKEN_LINE_START;
        size_t end = i + (size_t)len;
        size_t k;
        if ((k = url_at(&sc, i)) > 0) {
            t->kind = TOKEN_URL;
            end = i + k;
        } else if (cls & C_ALNUM) {
            size_t dotted = (cls & (C_UPPER | C_LOWER)) && i + 1 < length && sc.s[i + 1] == '.'
                                ? dotted_abbreviation(&sc, i)
                                : 0;
            size_t mail = 0;
            if (!dotted) {
                end = word_end(&sc, i, &t->kind);
                unsigned char next = end < length ? sc.s[end] : ' ';
                if (next == '@' || next == '.' || next == '_' || next == '-' || next == '+')
                    mail = email_at(&sc, i);
            }
            if (dotted) {
                t->kind = TOKEN_ABBREV;
                end = i + dotted;
            } else if (mail) {
                t->kind = TOKEN_URL;
                end = i + mail;
            } else {
                if (end < length && sc.s[end] == '.' && t->kind == TOKEN_WORD) {
                    size_t wlen = end - i;
                    bool initial = wlen == 1 && (cls & C_UPPER);
                    if (initial || is_abbreviation(sc.s + i, wlen)) {
                        end++;
                        t->kind = TOKEN_ABBREV;
                    }
                }
            }
        } else if ((c == '@' || c == '#') && i + 1 < length &&
                   (class_of(&sc, i + 1) & (C_UPPER | C_LOWER)) &&
                   !(i > 0 && (class_of(&sc, i - 1) & C_ALNUM))) {
            end = i + 1;
            while (end < length && sc.s[end] < 0x80 &&
                   ((ascii_class[sc.s[end]] & C_ALNUM) || sc.s[end] == '_'))
                end++;
            t->kind = TOKEN_HANDLE;
        } else if (apostrophe_at(&sc, i) && !space && n > 0 && i + (size_t)len < length &&
                   (class_of(&sc, i + (size_t)len) & (C_UPPER | C_LOWER))) {
            /* clitic after a word: 's 're n't was handled in word_end; here 's etc. */
            size_t tail = letters_at(&sc, i + (size_t)len);
            if (tail > 0 && is_clitic_tail(sc.s + i + len, tail) &&
                !(class_of(&sc, i + (size_t)len + tail) & C_ALNUM)) {
                t->kind = TOKEN_CLITIC;
                end = i + (size_t)len + tail;
            } else {
                t->kind = TOKEN_QUOTE;
            }
        } else if (c == '.') {
            end = i + 1;
            while (end < length && sc.s[end] == '.')
                end++;
            t->kind = TOKEN_PUNCT;
        } else if (c == '-') {
            end = i + 1;
            while (end < length && sc.s[end] == '-')
                end++;
            bool spaced = space && (end >= length || (class_of(&sc, end) & (C_SPACE | C_NEWLINE)));
            t->kind = (end - i >= 2 || spaced) ? TOKEN_DASH : TOKEN_PUNCT;
            /* a minus sign before a number: -5 */
            if (end - i == 1 && space && end < length && (class_of(&sc, end) & C_DIGIT)) {
                uint8_t kind;
                end = word_end(&sc, end, &kind);
                t->kind = TOKEN_NUMBER;
            }
        } else if (cls & C_QUOTE) {
            t->kind = TOKEN_QUOTE;
            /* a possessive apostrophe after a plural: forces' */
            if (apostrophe_at(&sc, i) && !space && n > 0 && sc.s[i - 1] == 's')
                t->kind = TOKEN_CLITIC;
            if (c == '`' && i + 1 < length && sc.s[i + 1] == '`')
                end = i + 2;
            else if (c == '\'' && i + 1 < length && sc.s[i + 1] == '\'')
                end = i + 2;
        } else if (cp == 0x2026) {
            t->kind = TOKEN_PUNCT; /* … */
        } else if (cp >= 0x2010 && cp <= 0x2015) {
            t->kind = cp >= 0x2012 ? TOKEN_DASH : TOKEN_PUNCT;
        } else if (cp == 0x2212) {
            t->kind = TOKEN_SYMBOL;
        } else if (cls & C_PUNCT) {
            t->kind = TOKEN_PUNCT;
        } else {
            t->kind = TOKEN_SYMBOL;
        }
        /* "n't": the word before gave its n back in word_end */
        if (t->kind == TOKEN_WORD && !space && n > 0 && (c == 'n' || c == 'N')) {
            int apo = apostrophe_at(&sc, i + 1);
            if (apo && end == i + 2 + (size_t)apo)
                t->kind = TOKEN_CLITIC;
        }
        t->end = (uint32_t)end;
        set_case_flags(&sc, t);
        n++;
        i = end;
        space = false;
        newlines = 0;
    }
    *tokens = out;
    *count = n;
    return SITREP_OK;
}
