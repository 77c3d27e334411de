/* cues.c - the reporting cues of the attribution stage (data/cues/reporting.txt): verbs and
 * their inflections with their class (speech, belief, document, intent, evaluation,
 * perception), the complements they take and the particles of their group, loaded once into a
 * hash table that frames.c probes per token (a shape test rejects most tokens before hashing).
 */
#include "attribution.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define CUE_MAX_FORMS 4096

struct cue_lexicon {
    cue_form *forms;
    size_t count;
    uint32_t *slots; /* open addressing: index + 1, 0 = empty */
    size_t nslots;
    /* shapes[n] bit k: some form has n bytes and starts with letter k (k = 26: not a-z); a
     * token whose shape is absent is rejected before hashing (most tokens are not cues) */
    uint32_t shapes[32];
};

static const char *const particle_names[CUE_PARTICLES] = {"of",   "about",   "on",   "for", "to",
                                                          "at",   "against", "with", "out", "up",
                                                          "back", "off",     "into", "as"};

const char *cues_particle_name(unsigned bit)
{
    return bit < CUE_PARTICLES ? particle_names[bit] : "";
}

static uint8_t cue_class_of(const char *kind)
{
    static const char *const names[] = {"speech", "belief",     "document",
                                        "intent", "evaluation", "perception"};
    for (size_t i = 0; i < ARRAY_LEN(names); i++)
        if (strcmp(kind, names[i]) == 0)
            return (uint8_t)(CUE_SPEECH + i);
    return 0;
}

static unsigned first_letter(char c)
{
    c = (char)(c | 0x20);
    return c >= 'a' && c <= 'z' ? (unsigned)(c - 'a') : 26;
}

static uint64_t form_hash(const char *s, size_t n)
{
    return hash_bytes(s, n, 0xC0E5);
}

const cue_form *cues_find(const cue_lexicon *lex, const char *s, size_t n)
{
    if (n == 0 || n >= sizeof lex->forms[0].text || !(lex->shapes[n] >> first_letter(s[0]) & 1))
        return NULL;
    char lower[32];
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        lower[i] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
    }
    size_t mask = lex->nslots - 1;
    for (size_t i = form_hash(lower, n) & mask;; i = (i + 1) & mask) {
        uint32_t slot = lex->slots[i];
        if (!slot)
            return NULL;
        const cue_form *f = &lex->forms[slot - 1];
        if (strlen(f->text) == n && memcmp(f->text, lower, n) == 0)
            return f;
    }
}

void cues_free(cue_lexicon *lex)
{
    if (!lex)
        return;
    free(lex->forms);
    free(lex->slots);
    free(lex);
}

cue_lexicon *cues_load(const char *path, diag *d)
{
    char *data;
    size_t length;
    if (file_read_all(path, (size_t)4 << 20, &data, &length, d))
        return NULL;
    cue_lexicon *lex = cues_parse(data, length, path, d);
    free(data);
    return lex;
}

cue_lexicon *cues_parse(const char *text, size_t length, const char *path, diag *d)
{
    /* a private, NUL-terminated copy that strtok may cut up */
    char *data = xmalloc(length + 1);
    memcpy(data, text, length);
    data[length] = '\0';
    for (size_t i = 0; i < length; i++)
        if (data[i] == '\0')
            data[i] = ' ';
    cue_lexicon *lex = xcalloc(1, sizeof *lex);
    lex->forms = xcalloc(CUE_MAX_FORMS, sizeof(cue_form));
    long line_number = 0;
    char *save = NULL;
    bool failed = false;
    for (char *line = data; line && !failed; line = save) {
        char *nl = strchr(line, '\n');
        save = nl ? nl + 1 : NULL;
        if (nl)
            *nl = '\0';
        line_number++;
        char *hash = strchr(line, '#');
        if (hash)
            *hash = '\0';
        char *words[64];
        size_t n = 0;
        char *word_save = NULL;
        for (char *w = strtok_r(line, " \t\r", &word_save); w && n < 64;
             w = strtok_r(NULL, " \t\r", &word_save))
            words[n++] = w;
        if (n == 0)
            continue;
        if (n < 3) {
            diag_set(d, path, line_number, "expected LEMMA KIND FORM..., got %zu words", n);
            failed = true;
            break;
        }
        char *kind = words[1];
        cue_form proto;
        memset(&proto, 0, sizeof proto);
        /* flags: KIND+that+to+obj+v */
        for (char *plus = strchr(kind, '+'); plus && !failed;) {
            *plus = '\0';
            char *flag = plus + 1;
            plus = strchr(flag, '+');
            if (plus)
                *plus = '\0';
            if (strcmp(flag, "that") == 0)
                proto.strict = true;
            else if (strcmp(flag, "to") == 0)
                proto.infinitive = true;
            else if (strcmp(flag, "obj") == 0)
                proto.object = true;
            else if (strcmp(flag, "v") == 0)
                proto.verb_only = true;
            else if (strcmp(flag, "raise") == 0)
                proto.raise = true;
            else if (strcmp(flag, "p") == 0)
                proto.particle_only = true;
            else if (strcmp(flag, "thing") == 0)
                proto.thing = true;
            else {
                diag_set(d, path, line_number,
                         "unknown flag '+%s' (expected +that, +to, +obj, +v, +p, +raise or +thing)",
                         flag);
                failed = true;
            }
            if (plus)
                *plus = '+';
        }
        if (failed)
            break;
        proto.cue_class = cue_class_of(kind);
        if (!proto.cue_class) {
            diag_set(d, path, line_number,
                     "unknown cue kind '%s' (expected speech, belief, document, intent, "
                     "evaluation or perception)",
                     kind);
            failed = true;
            break;
        }
        /* particles: /of /about ... anywhere after the kind */
        for (size_t i = 2; i < n && !failed; i++) {
            if (words[i][0] != '/')
                continue;
            unsigned bit = 0;
            while (bit < CUE_PARTICLES && strcmp(particle_names[bit], words[i] + 1) != 0)
                bit++;
            if (bit == CUE_PARTICLES) {
                diag_set(d, path, line_number, "unknown particle '%s'", words[i]);
                failed = true;
            } else
                proto.particles |= (uint16_t)(1u << bit);
        }
        for (size_t i = 2; i < n && !failed; i++) {
            if (words[i][0] == '/')
                continue;
            if (strlen(words[i]) >= sizeof lex->forms[0].text || lex->count >= CUE_MAX_FORMS) {
                diag_set(d, path, line_number, "form '%.40s' is too long or too many forms",
                         words[i]);
                failed = true;
                break;
            }
            cue_form *f = &lex->forms[lex->count++];
            *f = proto;
            snprintf(f->text, sizeof f->text, "%s", words[i]);
            for (char *c = f->text; *c; c++)
                if (*c >= 'A' && *c <= 'Z')
                    *c = (char)(*c + 32);
        }
    }
    free(data);
    if (failed) {
        cues_free(lex);
        return NULL;
    }
    lex->nslots = 64;
    while (lex->nslots < lex->count * 2)
        lex->nslots *= 2;
    lex->slots = xcalloc(lex->nslots, sizeof(uint32_t));
    size_t mask = lex->nslots - 1;
    for (size_t k = 0; k < lex->count; k++) {
        const char *t = lex->forms[k].text;
        size_t i = form_hash(t, strlen(t)) & mask;
        while (lex->slots[i]) {
            const cue_form *other = &lex->forms[lex->slots[i] - 1];
            if (strcmp(other->text, t) == 0)
                break; /* a form listed twice keeps its first lemma */
            i = (i + 1) & mask;
        }
        if (!lex->slots[i])
            lex->slots[i] = (uint32_t)(k + 1);
        lex->shapes[strlen(t)] |= 1u << first_letter(t[0]);
    }
    return lex;
}
