/* peer_verbs.c (lexicon) - reads TABARI and PETRARCH (1 and 2) verb dictionaries and discard
 * lists into the same pattern_set our own data/verbs files load into (docs/peer-dictionaries.md).
 *
 * Their syntax is translated into our pattern language (docs/patterns.md) and parsed by
 * patterns.c with free codes: synsets &NAME become word classes, `*` the anchor, `$` `+` `%`
 * role slots, `^` and spaces gaps, `_` adjacency, [CODE:PAIR] paired codes, [---] discards.
 */
#include "lexicon.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PEER_MAX_SYNSETS 1024
#define PEER_MAX_MEMBERS 512
#define PEER_MAX_VARIANTS 64
#define PEER_MAX_ITEMS 24
#define PEER_WORD 64

typedef struct peer_synset {
    char name[48];
    char *members[PEER_MAX_MEMBERS]; /* raw upper-case text, heap */
    size_t nmembers;
} peer_synset;

/* One form of a verb: words before the verb word, the verb word, words after. */
typedef struct peer_variant {
    char words[6][PEER_WORD];
    size_t nwords, verb;
    bool stem; /* TABARI: written without a final '_', so it begins words ("RESTOR") */
} peer_variant;

typedef struct peer_block {
    char code[16]; /* the block's (or verb line's) code, "" or "---" when none */
    long line;
    peer_variant variants[PEER_MAX_VARIANTS];
    char vcode[PEER_MAX_VARIANTS][16]; /* a variant's own code ("" = the block's) */
    long vline[PEER_MAX_VARIANTS];
    size_t nvariants;
} peer_block;

typedef struct peer_ctx {
    peer_format format;
    const lemma_table *lemmas;
    peer_synset *synsets;
    size_t nsynsets;
    peer_block block;
    bool in_block;
    buf *patterns, *report;
    long out_line; /* lines written to patterns so far */
    sitrep_status status;
} peer_ctx;

static void note(peer_ctx *c, long line, const char *what, const char *s, size_t n)
{
    if (!c->status && c->report)
        c->status =
            buf_printf(c->report, "%ld: %s: %.*s\n", line, what, (int)(n > 100 ? 100 : n), s);
}

/* Lower-cases a dictionary word, drops a trailing '_' (TABARI's "whole word" mark); false
 * when a character is outside our pattern words (letters, digits, - ' . &). */
static bool convert_word(const char *s, size_t n, char out[PEER_WORD])
{
    while (n && s[n - 1] == '_')
        n--;
    if (n == 0 || n >= PEER_WORD || utf8_valid_prefix(s, n) != n)
        return false;
    for (size_t i = 0; i < n; i++) {
        unsigned char ch = (unsigned char)s[i];
        char lower = (char)tolower(ch);
        if (!((lower >= 'a' && lower <= 'z') || (ch >= '0' && ch <= '9') || ch == '-' ||
              ch == '\'' || ch == '.' || ch >= 0x80))
            return false;
        out[i] = lower;
    }
    out[n] = '\0';
    /* "..." is our gap; a word needs a letter or a digit (or a non-ASCII character) */
    for (size_t i = 0; i < n; i++)
        if (!(out[i] == '-' || out[i] == '\'' || out[i] == '.'))
            return true;
    return false;
}

/* "ECONOMIC_SANCTIONS" or "LOUDLY INCLUDED" -> "economic_sanctions" (our multi-word
 * alternative); false when a word cannot be translated. */
static bool convert_phrase(const char *s, size_t n, char out[PEER_WORD])
{
    size_t o = 0;
    for (size_t i = 0; i < n;) {
        while (i < n && (s[i] == '_' || s[i] == ' '))
            i++;
        size_t e = i;
        while (e < n && s[e] != '_' && s[e] != ' ')
            e++;
        char w[PEER_WORD];
        if (e > i) {
            if (!convert_word(s + i, e - i, w) || o + strlen(w) + 2 >= PEER_WORD)
                return false;
            o += (size_t)snprintf(out + o, PEER_WORD - o, "%s%s", o ? "_" : "", w);
        }
        i = e;
    }
    return o > 0;
}

static void convert_name(const char *s, size_t n, char *out, size_t cap)
{
    while (n && (s[n - 1] == '_' || s[n - 1] == ' '))
        n--;
    size_t o = 0;
    for (size_t i = 0; i < n && o + 1 < cap; i++) {
        unsigned char ch = (unsigned char)s[i];
        out[o++] = isalnum(ch) ? (char)tolower(ch) : '_';
    }
    out[o] = '\0';
}

static peer_synset *find_synset(peer_ctx *c, const char *name)
{
    for (size_t i = 0; i < c->nsynsets; i++)
        if (strcmp(c->synsets[i].name, name) == 0)
            return &c->synsets[i];
    return NULL;
}

/* "[CODE]" / "[CODE:PAIR]" -> "CODE" / "CODE:PAIR" in out; "---" stays "---". False when the
 * code cannot be one of ours (more than 4 characters, other characters). */
static bool convert_code(const char *s, size_t n, char out[16])
{
    while (n && isspace((unsigned char)*s))
        s++, n--;
    while (n && isspace((unsigned char)s[n - 1]))
        n--;
    if (n == 0 || n >= 16)
        return false;
    memcpy(out, s, n);
    out[n] = '\0';
    if (strncmp(out, "---", 3) == 0 || strcmp(out, "###") == 0)
        return true;
    const char *colon = strchr(out, ':');
    size_t first = colon ? (size_t)(colon - out) : n;
    if (colon && strcmp(colon + 1, "---") == 0) { /* no paired event */
        out[first] = '\0';
        n = first;
        colon = NULL;
    }
    for (size_t i = 0; i < n; i++)
        if (!(isalnum((unsigned char)out[i]) || (out + i == colon)))
            return false;
    return first >= 1 && first <= 4 && (!colon || (n - first - 1 >= 1 && n - first - 1 <= 4));
}

/* Parses "KLM_NOP_+RST", "BREAK", "+GO_BY" into a variant. */
static bool parse_variant(const char *s, size_t n, peer_variant *v)
{
    memset(v, 0, sizeof *v);
    if (n && s[0] == '+')
        s++, n--;
    bool have_verb = false;
    size_t i = 0;
    while (i < n) {
        while (i < n && (s[i] == '_' || s[i] == ' ' || s[i] == '\t'))
            i++;
        if (i >= n)
            break;
        bool marked = s[i] == '+';
        if (marked)
            i++;
        size_t start = i;
        while (i < n && s[i] != '_' && s[i] != ' ' && s[i] != '\t')
            i++;
        if (i == start)
            continue;
        if (v->nwords == 6 || !convert_word(s + start, i - start, v->words[v->nwords]))
            return false;
        if (marked && !have_verb) {
            v->verb = v->nwords;
            have_verb = true;
        }
        v->stem = s[i - 1] != '_' && (i >= n || s[i] != '_');
        v->nwords++;
    }
    return v->nwords > 0;
}

static void emit_line(peer_ctx *c, long line, const char *text)
{
    while (!c->status && c->out_line + 1 < line) { /* keep the source's line numbers */
        c->status = buf_append_char(c->patterns, '\n');
        c->out_line++;
    }
    if (!c->status)
        c->status = buf_printf(c->patterns, "%s\n", text);
    c->out_line++;
}

/* A pattern item: a word (or alternatives / class), the anchor, a slot, a gap. */
typedef struct peer_item {
    char text[512]; /* our element text */
    char kind;      /* 'w' word, '*' anchor, 'S' 'T' slot, 'g' gap */
    bool adjacent;  /* joined to the previous item by '_' or a { } group */
} peer_item;

/* Tokenises the pattern text (between '-' and '[') into items. False (with a report) when a
 * construct cannot be translated. */
static bool pattern_items(peer_ctx *c, long line, const char *s, size_t n, peer_item *items,
                          size_t *nitems)
{
    *nitems = 0;
    bool join = false, group = false;
    size_t i = 0;
    while (i < n) {
        char ch = s[i];
        if (ch == ' ' || ch == '\t' || ch == '(' || ch == ')') {
            if (!group)
                join = false;
            i++;
            continue;
        }
        if (ch == '_') {
            join = true;
            i++;
            continue;
        }
        if (ch == '}') {
            group = false;
            join = false;
            i++;
            continue;
        }
        if (*nitems == PEER_MAX_ITEMS) {
            note(c, line, "pattern too long", s, n);
            return false;
        }
        peer_item *it = &items[*nitems];
        memset(it, 0, sizeof *it);
        it->adjacent = join && *nitems > 0;
        if (ch == '{') {
            const char *close = memchr(s + i, '}', n - i);
            const char *bar = close ? memchr(s + i, '|', (size_t)(close - s - i)) : NULL;
            if (!close) {
                note(c, line, "unclosed '{'", s, n);
                return false;
            }
            if (!bar) { /* PETRARCH-2: a phrase of adjacent words */
                group = true;
                join = false;
                i++;
                continue;
            }
            /* TABARI: { A | B | C } alternatives */
            size_t o = 0;
            const char *p = s + i + 1;
            while (p < close) {
                const char *e = p;
                while (e < close && *e != '|')
                    e++;
                const char *a = p, *b = e;
                while (a < b && isspace((unsigned char)*a))
                    a++;
                while (b > a && isspace((unsigned char)b[-1]))
                    b--;
                char word[PEER_WORD];
                char name[48];
                if (a < b && *a == '&') {
                    convert_name(a + 1, (size_t)(b - a - 1), name, sizeof name);
                    if (!find_synset(c, name)) {
                        note(c, line, "unknown synset", a, (size_t)(b - a));
                        return false;
                    }
                    o += (size_t)snprintf(it->text + o, sizeof it->text - o, "%s@%s", o ? "|" : "",
                                          name);
                } else if (a < b && convert_phrase(a, (size_t)(b - a), word)) {
                    o += (size_t)snprintf(it->text + o, sizeof it->text - o, "%s%s", o ? "|" : "",
                                          word);
                } else {
                    note(c, line, "alternative not translated", a, (size_t)(b - a));
                    return false;
                }
                if (o >= sizeof it->text) {
                    note(c, line, "alternatives too long", s, n);
                    return false;
                }
                p = e + 1;
            }
            it->kind = 'w';
            i = (size_t)(close - s) + 1;
            join = false;
            (*nitems)++;
            continue;
        }
        if (ch == '*' || ch == '$' || ch == '+' || ch == '%' || ch == '^') {
            it->kind = ch == '*' ? '*' : ch == '$' ? 'S' : ch == '^' ? 'g' : ch == '%' ? 'J' : 'T';
            i++;
            join = group;
            (*nitems)++;
            continue;
        }
        size_t start = i;
        while (i < n && !strchr(" \t_(){}*$+%^", s[i]))
            i++;
        if (s[start] == '&') {
            char name[48];
            convert_name(s + start + 1, i - start - 1, name, sizeof name);
            if (!find_synset(c, name)) {
                note(c, line, "unknown synset", s + start, i - start);
                return false;
            }
            snprintf(it->text, sizeof it->text, "@%s", name);
        } else if (!convert_word(s + start, i - start, it->text)) {
            note(c, line, "word not translated", s + start, i - start);
            return false;
        }
        it->kind = 'w';
        join = group;
        (*nitems)++;
    }
    return true;
}

/* Writes our pattern for one variant of a verb and the items of a peer pattern. */
static void emit_pattern(peer_ctx *c, long line, const char *code, const char *anchor,
                         const peer_variant *v, const peer_item *items, size_t nitems)
{
    peer_item seq[PEER_MAX_ITEMS + 16];
    size_t n = 0;
    bool anchored = false, joint = false;
    for (size_t k = 0; k < nitems; k++) {
        const peer_item *it = &items[k];
        if (it->kind == '*') {
            if (anchored) {
                note(c, line, "two verb positions", "*", 1);
                return;
            }
            anchored = true;
            /* the verb and its particles: KLM NOP *RST */
            for (size_t w = 0; w < v->nwords; w++) {
                peer_item *o = &seq[n++];
                memset(o, 0, sizeof *o);
                o->kind = w == v->verb ? '*' : 'w';
                o->adjacent = w > 0 || it->adjacent;
                snprintf(o->text, sizeof o->text, "%s", w == v->verb ? anchor : v->words[w]);
            }
            continue;
        }
        if (!anchored && it->kind == 'J')
            joint = true; /* "% *": a compound subject acts jointly */
        if (!anchored && (it->kind == 'S' || it->kind == 'T' || it->kind == 'J'))
            continue; /* the coder finds the subject; a slot before the verb is dropped */
        seq[n++] = *it;
        if (it->kind == 'J')
            seq[n - 1].kind = 'T'; /* after the verb, % is the other party */
    }
    if (!anchored) { /* no '*': the verb comes first */
        memmove(seq + v->nwords, seq, n * sizeof *seq);
        for (size_t w = 0; w < v->nwords; w++) {
            memset(&seq[w], 0, sizeof seq[w]);
            seq[w].kind = w == v->verb ? '*' : 'w';
            seq[w].adjacent = w > 0;
            snprintf(seq[w].text, sizeof seq[w].text, "%s", w == v->verb ? anchor : v->words[w]);
        }
        if (v->nwords < n)
            seq[v->nwords].adjacent = false;
        n += v->nwords;
    }
    /* our elements: gaps between words that are not adjacent, none next to a slot; a joint
     * act is coded both ways: CODE:CODE */
    char text[2048];
    size_t o = (size_t)snprintf(text, sizeof text, "%s", code);
    if (joint && !strchr(code, ':') && strcmp(code, "DISCARD") && strcmp(code, "SKIP"))
        o += (size_t)snprintf(text + o, sizeof text - o, ":%s", code);
    char last = 0; /* kind of the last element written */
    size_t elems = 0;
    bool roles[2] = {false, false};
    for (size_t k = 0; k < n; k++) {
        const peer_item *it = &seq[k];
        bool word = it->kind == 'w' || it->kind == '*';
        bool slot = it->kind == 'S' || it->kind == 'T';
        if (it->kind == 'g') {
            if (last == 'w' || last == '*')
                last = 'G'; /* pending gap */
            continue;
        }
        if (word && elems && (last == 'G' || ((last == 'w' || last == '*') && !it->adjacent))) {
            o += (size_t)snprintf(text + o, sizeof text - o, " ...");
            elems++;
        }
        if (slot) {
            int r = it->kind == 'T';
            if (roles[r] || last == 'S' || last == 'T' || elems == 0)
                continue; /* one slot of each role, never two in a row */
            roles[r] = true;
            o += (size_t)snprintf(text + o, sizeof text - o, " $%c", it->kind);
        } else {
            o += (size_t)snprintf(text + o, sizeof text - o, " %s%s", it->kind == '*' ? "*" : "",
                                  it->text);
        }
        elems++;
        last = it->kind;
        if (o >= sizeof text) {
            note(c, line, "pattern too long", code, strlen(code));
            return;
        }
    }
    if (elems > PATTERN_MAX_ELEMS) {
        note(c, line, "pattern has more than 16 elements", text, strlen(text));
        return;
    }
    emit_line(c, line, text);
}

/* True when `word` is one of the '|'-separated alternatives of list. */
static bool word_in(const char *list, const char *word)
{
    size_t n = strlen(word);
    for (const char *p = list; *p;) {
        size_t len = strcspn(p, "|");
        if (len == n && memcmp(p, word, n) == 0)
            return true;
        p += len + (p[len] == '|');
    }
    return false;
}

/* Writes the block: each verb's bare pattern and the block's patterns for every variant. */
static void flush_block(peer_ctx *c, const char *pattern_lines, const long *pline, size_t np)
{
    peer_block *b = &c->block;
    if (!c->in_block)
        return;
    c->in_block = false;
    /* single-word variants share one anchor element "ban|bans|banned" */
    char single[1024] = "";
    size_t so = 0;
    long single_line = b->line;
    peer_variant one = {.nwords = 1, .verb = 0};
    for (size_t i = 0; i < b->nvariants; i++) {
        const peer_variant *v = &b->variants[i];
        if (v->nwords != 1 || b->vcode[i][0])
            continue;
        const char *words[9] = {v->words[0]};
        size_t nwords = 1, length = strlen(v->words[0]);
        /* a TABARI stem that is no verb itself: the verbs it begins (RESTOR -> restore) */
        if (c->format == PEER_TABARI && v->stem && c->lemmas && length >= 4 &&
            !lemma_is_verb(c->lemmas, v->words[0], length)) {
            size_t found = lemma_verbs_with_prefix(c->lemmas, v->words[0], length, words + 1, 8);
            nwords += found <= 8 ? found : 0;
        }
        for (size_t k = 0; k < nwords; k++)
            if (!strpbrk(words[k], " _") && !word_in(single, words[k]) &&
                so + strlen(words[k]) + 2 < sizeof single)
                so += (size_t)snprintf(single + so, sizeof single - so, "%s%s", so ? "|" : "",
                                       words[k]);
    }
    if (so && b->code[0] && strncmp(b->code, "---", 3) != 0)
        emit_pattern(c, single_line, strcmp(b->code, "###") ? b->code : "SKIP", single, &one, NULL,
                     0);
    for (size_t i = 0; i < b->nvariants; i++) {
        const peer_variant *v = &b->variants[i];
        const char *code = b->vcode[i][0] ? b->vcode[i] : b->code;
        /* a multi-word verb or one with its own code: its bare pattern only */
        if ((v->nwords > 1 || b->vcode[i][0]) && code[0] && strncmp(code, "---", 3) != 0)
            emit_pattern(c, b->vline[i], strcmp(code, "###") ? code : "SKIP", v->words[v->verb], v,
                         NULL, 0);
    }
    if (!so)
        return;
    const char *p = pattern_lines;
    for (size_t k = 0; k < np; k++) {
        const char *text = p;
        p += strlen(p) + 1;
        const char *open = strrchr(text, '[');
        const char *close = open ? strchr(open, ']') : NULL;
        char code[16];
        if (!open || !close || !convert_code(open + 1, (size_t)(close - open - 1), code)) {
            note(c, pline[k], "pattern code not translated", text, strlen(text));
            continue;
        }
        peer_item items[PEER_MAX_ITEMS];
        size_t nitems;
        if (!pattern_items(c, pline[k], text, (size_t)(open - text), items, &nitems))
            continue;
        bool discard = strncmp(code, "---", 3) == 0;
        emit_pattern(c, pline[k],
                     discard               ? "DISCARD"
                     : strcmp(code, "###") ? code
                                           : "SKIP",
                     single, &one, items, nitems);
    }
}

/* Adds a verb line ("PERMIT {PERMITS PERMITTED} [080]") to the current block. */
static void add_verb_line(peer_ctx *c, long line, const char *s, size_t n)
{
    peer_block *b = &c->block;
    size_t end = 0;
    while (end < n && s[end] != '{' && s[end] != '[')
        end++;
    char own[16] = "";
    const char *open = memchr(s, '[', n);
    if (open) {
        const char *close = memchr(open, ']', (size_t)(s + n - open));
        if (!close || !convert_code(open + 1, (size_t)(close - open - 1), own)) {
            note(c, line, "verb code not translated", s, n);
            return;
        }
    }
    size_t first = b->nvariants;
    if (b->nvariants < PEER_MAX_VARIANTS && parse_variant(s, end, &b->variants[b->nvariants])) {
        snprintf(b->vcode[b->nvariants], sizeof b->vcode[0], "%s", own);
        b->vline[b->nvariants++] = line;
    } else {
        note(c, line, "verb not translated", s, n);
    }
    const char *brace = memchr(s, '{', n);
    const char *close = brace ? memchr(brace, '}', (size_t)(s + n - brace)) : NULL;
    for (const char *p = brace ? brace + 1 : NULL; p && p < close;) {
        while (p < close && (*p == ' ' || *p == '\t'))
            p++;
        const char *e = p;
        while (e < close && *e != ' ' && *e != '\t')
            e++;
        if (e > p && b->nvariants < PEER_MAX_VARIANTS &&
            parse_variant(p, (size_t)(e - p), &b->variants[b->nvariants])) {
            snprintf(b->vcode[b->nvariants], sizeof b->vcode[0], "%s", own);
            b->vline[b->nvariants++] = line;
        }
        p = e;
    }
    (void)first;
}

static void start_block(peer_ctx *c, long line, const char *code)
{
    memset(&c->block, 0, sizeof c->block);
    c->block.line = line;
    snprintf(c->block.code, sizeof c->block.code, "%s", code);
    c->in_block = true;
}

/* Writes the synsets as "@name word ..." class lines (nested synsets expanded). */
static void expand_members(peer_ctx *c, const peer_synset *s, buf *out, size_t *count, int depth)
{
    for (size_t i = 0; i < s->nmembers && !c->status; i++) {
        const char *m = s->members[i];
        if (m[0] == '&') {
            char name[48];
            convert_name(m + 1, strlen(m + 1), name, sizeof name);
            const peer_synset *inner = find_synset(c, name);
            if (inner && depth < 4 && inner != s && !strpbrk(m + 1, " _"))
                expand_members(c, inner, out, count, depth + 1);
            else
                note(c, 0, "synset member not translated", m, strlen(m));
            continue;
        }
        char words[512];
        size_t o = 0;
        bool ok = true;
        for (const char *p = m; *p && ok;) {
            while (*p == ' ' || *p == '_')
                p++;
            const char *e = p;
            while (*e && *e != ' ' && *e != '_')
                e++;
            char w[PEER_WORD];
            if (e > p) {
                ok = convert_word(p, (size_t)(e - p), w) && o + strlen(w) + 2 < sizeof words;
                if (ok)
                    o += (size_t)snprintf(words + o, sizeof words - o, "%s%s", o ? "_" : "", w);
            }
            p = e;
        }
        if (!ok || !o) {
            note(c, 0, "synset member not translated", m, strlen(m));
            continue;
        }
        if (*count >= PATTERN_MAX_ALTS) {
            note(c, 0, "synset too large, member dropped", m, strlen(m));
            continue;
        }
        c->status = buf_printf(out, " %s", words);
        (*count)++;
    }
}

sitrep_status peer_verbs_translate(const char *text, size_t length, peer_format format,
                                   const lemma_table *lemmas, buf *classes, buf *patterns,
                                   buf *report)
{
    peer_ctx *c = xcalloc(1, sizeof *c);
    c->format = format;
    c->lemmas = lemmas;
    c->synsets = xcalloc(PEER_MAX_SYNSETS, sizeof *c->synsets);
    c->patterns = patterns;
    c->report = report;
    /* pattern lines of the current block, NUL-separated, with their line numbers */
    buf lines;
    buf_init(&lines, (size_t)64 << 20);
    long *pline = NULL;
    size_t np = 0, palloc = 0;
    peer_synset *synset = NULL; /* the synset receiving '+' members */
    bool in_synset = false;
    bool comment = false, skip_block = false;
    long line = 0;
    size_t pos = 0;
    /* first pass: synsets, so that patterns may use synsets defined after them */
    for (int pass = 0; pass < 2 && !c->status; pass++) {
        pos = 0;
        line = 0;
        comment = skip_block = in_synset = false;
        synset = NULL;
        while (pos < length && !c->status) {
            const char *p = text + pos;
            const char *nl = memchr(p, '\n', length - pos);
            size_t n = nl ? (size_t)(nl - p) : length - pos;
            pos += n + 1;
            line++;
            char row[4096];
            if (n >= sizeof row || memchr(p, '\0', n)) {
                if (pass)
                    note(c, line, "line too long or with a NUL byte", p, n);
                continue;
            }
            memcpy(row, p, n);
            row[n] = '\0';
            /* <!-- comments --> (may span lines) */
            char *r = row;
            for (;;) {
                if (comment) {
                    char *end = strstr(r, "-->");
                    if (!end) {
                        *r = '\0';
                        break;
                    }
                    memmove(r, end + 3, strlen(end + 3) + 1);
                    comment = false;
                }
                char *open = strstr(r, "<!--");
                if (!open)
                    break;
                *open = '\0';
                char *end = strstr(open + 4, "-->");
                if (end) {
                    memmove(open, end + 3, strlen(end + 3) + 1);
                } else {
                    comment = true;
                    break;
                }
            }
            /* comments: '#' (PETRARCH) and ';' (TABARI) to the end of the line */
            char *cut = strpbrk(r, format == PEER_PETRARCH ? "#" : ";");
            if (cut)
                *cut = '\0';
            if (format == PEER_TABARI && r[0] == '#')
                continue;
            size_t len = strlen(r);
            while (len && isspace((unsigned char)r[len - 1]))
                r[--len] = '\0';
            bool indented = len && isspace((unsigned char)r[0]);
            while (*r && isspace((unsigned char)*r))
                r++, len--;
            if (!len)
                continue;
            if (r[0] == '<') { /* TABARI sections: <SYNSETS> <TIME> ... */
                skip_block = strncmp(r, "<TIME>", 6) == 0;
                continue;
            }
            if (skip_block)
                continue;
            if (r[0] == '&') {
                /* '+' lines that follow are members: kept in pass 0, skipped in pass 1 */
                in_synset = true;
                synset = NULL;
                if (pass == 0) {
                    char name[47]; /* "@name" fits our class names (47 bytes) */
                    convert_name(r + 1, strcspn(r + 1, " \t"), name, sizeof name);
                    synset = name[0] ? find_synset(c, name) : NULL;
                    if (!name[0]) {
                        note(c, line, "synset without a name", r, len);
                    } else if (!synset && c->nsynsets < PEER_MAX_SYNSETS) {
                        synset = &c->synsets[c->nsynsets++];
                        snprintf(synset->name, sizeof synset->name, "%s", name);
                    } else if (!synset) {
                        note(c, line, "too many synsets", r, len);
                    }
                }
                continue;
            }
            if (r[0] == '+' && in_synset) {
                if (synset && synset->nmembers < PEER_MAX_MEMBERS)
                    synset->members[synset->nmembers++] = xstrdup(r + 1);
                continue;
            }
            in_synset = false;
            synset = NULL;
            if (pass == 0)
                continue;
            if (r[0] == '-' && r[1] == '-' && r[2] == '-') { /* --- NAME [CODE] --- */
                flush_block(c, lines.data, pline, np);
                buf_reset(&lines);
                np = 0;
                const char *open = strchr(r, '[');
                const char *close = open ? strchr(open, ']') : NULL;
                char code[16] = "";
                if (open && close && !convert_code(open + 1, (size_t)(close - open - 1), code)) {
                    note(c, line, "block code not translated", r, len);
                    code[0] = '\0';
                }
                start_block(c, line, code);
                continue;
            }
            if (r[0] == '-') { /* a pattern of the current block */
                if (!c->in_block) {
                    note(c, line, "pattern outside a verb block", r, len);
                    continue;
                }
                if (np == palloc) {
                    palloc = palloc ? palloc * 2 : 64;
                    pline = xrealloc(pline, palloc * sizeof *pline);
                }
                pline[np++] = line;
                c->status = buf_append(&lines, r + 1, len - 1);
                if (!c->status)
                    c->status = buf_append_char(&lines, '\0');
                continue;
            }
            if (r[0] == '{' && c->in_block && c->block.nvariants) { /* TABARI forms line */
                char forms[4200];
                snprintf(forms, sizeof forms, "%s %s", c->block.variants[0].words[0], r);
                peer_variant keep = c->block.variants[0];
                add_verb_line(c, line, forms, strlen(forms));
                c->block.variants[0] = keep;
                continue;
            }
            /* a verb line: TABARI "VERB [CODE]" starts a block; PETRARCH adds to the block */
            if (format == PEER_TABARI && !indented && strchr(r, '[')) {
                flush_block(c, lines.data, pline, np);
                buf_reset(&lines);
                np = 0;
                const char *open = strchr(r, '[');
                const char *close = strchr(open, ']');
                char code[16] = "";
                if (!close || !convert_code(open + 1, (size_t)(close - open - 1), code)) {
                    note(c, line, "verb code not translated", r, len);
                    code[0] = '\0';
                }
                start_block(c, line, code);
                size_t vlen = (size_t)(open - r);
                add_verb_line(c, line, r, vlen);
                continue;
            }
            if (!c->in_block) {
                if (format == PEER_PETRARCH)
                    start_block(c, line, "");
                else {
                    note(c, line, "line not understood", r, len);
                    continue;
                }
            }
            add_verb_line(c, line, r, len);
        }
        if (pass == 1)
            flush_block(c, lines.data, pline, np);
    }
    /* classes */
    for (size_t i = 0; i < c->nsynsets && !c->status; i++) {
        size_t count = 0;
        buf one;
        buf_init(&one, (size_t)1 << 20);
        expand_members(c, &c->synsets[i], &one, &count, 0);
        if (count && !c->status)
            c->status = buf_printf(classes, "@%s%s\n", c->synsets[i].name, one.data);
        else if (!c->status) /* an empty class still lets patterns name it: never matches */
            c->status = buf_printf(classes, "@%s %s\n", c->synsets[i].name, "-none-");
        buf_release(&one);
    }
    sitrep_status status = c->status;
    for (size_t i = 0; i < c->nsynsets; i++)
        for (size_t k = 0; k < c->synsets[i].nmembers; k++)
            free(c->synsets[i].members[k]);
    free(c->synsets);
    free(pline);
    buf_release(&lines);
    free(c);
    return status;
}

sitrep_status peer_discards_translate(const char *text, size_t length, buf *patterns, buf *report)
{
    sitrep_status st = SITREP_OK;
    long line = 0, out_line = 0;
    size_t pos = 0;
    while (!st && pos < length) {
        const char *p = text + pos;
        const char *nl = memchr(p, '\n', length - pos);
        size_t n = nl ? (size_t)(nl - p) : length - pos;
        pos += n + 1;
        line++;
        size_t cut = 0;
        while (cut < n && p[cut] != '#' && p[cut] != ';')
            cut++;
        size_t start = 0;
        while (start < cut && isspace((unsigned char)p[start]))
            start++;
        if (start < cut && p[start] == '+') /* a story-level discard: we code sentences */
            start++;
        if (start < cut && p[start] == '<')
            continue;
        char out[1024];
        size_t o = 0;
        bool ok = true;
        size_t words = 0;
        for (size_t i = start; i < cut && ok;) {
            while (i < cut && (isspace((unsigned char)p[i]) || p[i] == '_'))
                i++;
            size_t e = i;
            while (e < cut && !isspace((unsigned char)p[e]) && p[e] != '_')
                e++;
            char w[PEER_WORD];
            if (e > i) {
                ok = convert_word(p + i, e - i, w) && words < PATTERN_MAX_ELEMS &&
                     o + strlen(w) + 2 < sizeof out;
                if (ok) {
                    o += (size_t)snprintf(out + o, sizeof out - o, " %s", w);
                    words++;
                }
            }
            i = e;
        }
        if (!words)
            continue;
        if (!ok) {
            if (report)
                st = buf_printf(report, "%ld: discard not translated: %.*s\n", line,
                                (int)(cut - start > 100 ? 100 : cut - start), p + start);
            continue;
        }
        while (!st && out_line + 1 < line) {
            st = buf_append_char(patterns, '\n');
            out_line++;
        }
        if (!st)
            st = buf_printf(patterns, "SKIP%s\n", out);
        out_line++;
    }
    return st;
}

sitrep_status peer_verbs_load(const char *verbs_path, const char *discards_path, peer_format format,
                              const lemma_table *lemmas, pattern_set **out, buf *report, diag *d)
{
    *out = NULL;
    diag_clear(d);
    char *text = NULL;
    size_t length = 0;
    sitrep_status st = file_read_all(verbs_path, PATTERN_MAX_FILE_BYTES, &text, &length, d);
    if (st)
        return st;
    buf classes, patterns;
    buf_init(&classes, (size_t)16 << 20);
    buf_init(&patterns, (size_t)64 << 20);
    st = peer_verbs_translate(text, length, format, lemmas, &classes, &patterns, report);
    free(text);
    if (!st && discards_path) {
        st = file_read_all(discards_path, PATTERN_MAX_FILE_BYTES, &text, &length, d);
        if (!st) {
            /* discards become SKIP patterns after the verbs (their own line numbers lost) */
            buf skips;
            buf_init(&skips, (size_t)16 << 20);
            st = peer_discards_translate(text, length, &skips, report);
            for (size_t i = 0; !st && i < skips.len; i++)
                if (!(skips.data[i] == '\n' && (i == 0 || skips.data[i - 1] == '\n')))
                    st = buf_append_char(&patterns, skips.data[i]);
            buf_release(&skips);
            free(text);
        }
    }
    if (st == SITREP_ELIMIT && !d->message[0])
        diag_set(d, verbs_path, 0, "translated dictionary too large");
    if (!st) {
        st = pattern_set_parse_free(verbs_path, patterns.data ? patterns.data : "", patterns.len,
                                    classes.data ? classes.data : "", classes.len, out, d);
    }
    buf_release(&classes);
    buf_release(&patterns);
    return st;
}
