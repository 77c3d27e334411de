/* validate.c - `make validate`: runs the peers' functional validation suites (PETRARCH-2 unit
 * tests, UniversalPetrarch's validation records, TABARI's Validate.text) through sitrep with
 * each suite's own dictionaries, giving sitrep only the raw sentence text (never the parse
 * trees), and compares the coded events with the expected ones (docs/peer-dictionaries.md).
 *
 * usage: validate [-v] SUITE petrarch FILE.xml | SUITE tabari FILE.project
 */
#include "../include/sitrep.h"
#include "../src/base/base.h"

#include <cjson/cJSON.h>
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define MAX_RECORDS 4096
#define MAX_EXPECTED 32
#define MAX_CATEGORIES 64

typedef struct expected {
    char source[32], target[32], code[16];
} expected;

typedef struct record {
    char id[64], category[32], published[11];
    char *text;
    expected events[MAX_EXPECTED];
    int nevents;
    bool noevents; /* the record expects no event */
} record;

typedef struct category {
    char name[32];
    int expected, correct, missed, extra;
} category;

static bool verbose;

/* The value of attribute `name` in the tag text (NUL-terminated), "" when absent. Accepts
 * name="v" and name = "v"; a value of "" (or '""') is returned empty. */
static void attribute(const char *tag, const char *name, char *out, size_t cap)
{
    out[0] = '\0';
    size_t n = strlen(name);
    for (const char *p = strstr(tag, name); p; p = strstr(p + 1, name)) {
        if (p > tag && (isalnum((unsigned char)p[-1]) || p[-1] == '_'))
            continue;
        const char *q = p + n;
        while (*q == ' ')
            q++;
        if (*q != '=')
            continue;
        q++;
        while (*q == ' ')
            q++;
        char quote = *q;
        if (quote != '"' && quote != '\'')
            return;
        const char *end = strchr(q + 1, quote);
        if (!end)
            return;
        size_t len = (size_t)(end - q - 1);
        if (len >= cap)
            len = cap - 1;
        memcpy(out, q + 1, len);
        out[len] = '\0';
        if (strcmp(out, "\"\"") == 0)
            out[0] = '\0';
        return;
    }
}

/* "~GOV" and "---" as the suites write null and agent-only codes; ours: "" for none. */
static void normalize_code(char *code)
{
    if (strncmp(code, "---", 3) == 0)
        memmove(code, code + 3, strlen(code + 3) + 1);
    if (code[0] == '~')
        memmove(code, code + 1, strlen(code));
    for (char *p = code; *p; p++)
        *p = (char)toupper((unsigned char)*p);
}

static char *slurp(const char *path)
{
    char *text = NULL;
    size_t length = 0;
    diag d;
    if (file_read_all(path, (size_t)64 << 20, &text, &length, &d) != SITREP_OK) {
        fprintf(stderr, "validate: %s: cannot read\n", path);
        exit(1);
    }
    return text;
}

/* Collapses white space into single spaces and trims. */
static char *clean_text(const char *s, size_t n)
{
    char *out = xmalloc(n + 1);
    size_t o = 0;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (c == '\n' || c == '\r' || c == '\t')
            c = ' ';
        if (c == ' ' && (o == 0 || out[o - 1] == ' '))
            continue;
        out[o++] = c;
    }
    while (o && out[o - 1] == ' ')
        o--;
    out[o] = '\0';
    return out;
}

static void dir_of(const char *path, char *out, size_t cap)
{
    const char *slash = strrchr(path, '/');
    if (!slash)
        snprintf(out, cap, ".");
    else
        snprintf(out, cap, "%.*s", (int)(slash - path), path);
}

/* ---- PETRARCH XML suites ---- */

typedef struct suite {
    char verbs[2048], actors[2048], agents[2048], discards[2048];
    char include[1024]; /* space-separated categories, "" = all */
    int format;         /* 1 TABARI, 2 PETRARCH */
} suite;

static void element(const char *text, const char *name, char *out, size_t cap)
{
    char open[64];
    snprintf(open, sizeof open, "<%s>", name);
    out[0] = '\0';
    const char *p = strstr(text, open);
    if (!p)
        return;
    p += strlen(open);
    const char *end = strchr(p, '<');
    if (!end)
        return;
    snprintf(out, cap, "%.*s", (int)(end - p), p);
}

static bool included(const suite *s, const char *name)
{
    if (!s->include[0])
        return true;
    char copy[1024];
    snprintf(copy, sizeof copy, "%s", s->include);
    for (char *w = strtok(copy, " \t"); w; w = strtok(NULL, " \t"))
        if (strcmp(w, name) == 0)
            return true;
    return false;
}

static size_t read_petrarch(const char *path, suite *s, record *records)
{
    char *text = slurp(path);
    char dir[1024], name[512];
    dir_of(path, dir, sizeof dir);
    s->format = 2;
    element(text, "Verbfile", name, sizeof name);
    snprintf(s->verbs, sizeof s->verbs, "%.1000s/%.1000s", dir, name);
    element(text, "Actorfile", name, sizeof name);
    snprintf(s->actors, sizeof s->actors, "%.1000s/%.1000s", dir, name[0] ? strtok(name, ",") : "");
    element(text, "Agentfile", name, sizeof name);
    snprintf(s->agents, sizeof s->agents, "%.1000s/%.1000s", dir, name[0] ? strtok(name, ",") : "");
    element(text, "Discardfile", name, sizeof name);
    if (name[0])
        snprintf(s->discards, sizeof s->discards, "%.1000s/%.1000s", dir, name);
    element(text, "Include", s->include, sizeof s->include);
    /* "valid" is a flag of the PETRARCH validator, not a category */
    char *valid = strstr(s->include, "valid ");
    if (valid)
        memset(valid, ' ', 5);
    size_t n = 0;
    const char *p = text;
    /* comments may hold sample records: skip <!-- ... --> */
    while ((p = strstr(p, "<Sentence ")) && n < MAX_RECORDS) {
        const char *comment = NULL;
        for (const char *c = strstr(text, "<!--"); c && c < p; c = strstr(c + 4, "<!--")) {
            const char *end = strstr(c, "-->");
            if (end && end > p) {
                comment = end;
                break;
            }
            if (!end)
                break;
        }
        if (comment) {
            p = comment + 3;
            continue;
        }
        const char *tag_end = strchr(p, '>');
        const char *close = strstr(p, "</Sentence>");
        if (!tag_end || !close)
            break;
        char tag[1024];
        snprintf(tag, sizeof tag, "%.*s", (int)(tag_end - p), p);
        record *r = &records[n];
        memset(r, 0, sizeof *r);
        char value[64];
        attribute(tag, "id", r->id, sizeof r->id);
        attribute(tag, "category", r->category, sizeof r->category);
        attribute(tag, "date", value, sizeof value);
        if (strlen(value) == 8)
            snprintf(r->published, sizeof r->published, "%.4s-%.2s-%.2s", value, value + 4,
                     value + 6);
        char evaluate[16], sentence[16];
        attribute(tag, "evaluate", evaluate, sizeof evaluate);
        attribute(tag, "sentence", sentence, sizeof sentence);
        bool skip = strcmp(evaluate, "false") == 0 || strcmp(sentence, "false") == 0 ||
                    !included(s, r->category);
        bool error = false;
        for (const char *e = strstr(tag_end, "<EventCoding"); e && e < close;
             e = strstr(e + 1, "<EventCoding")) {
            const char *e_end = strchr(e, '>');
            char coding[512];
            snprintf(coding, sizeof coding, "%.*s", (int)(e_end - e), e);
            if (strstr(coding, "noevents")) {
                r->noevents = true;
            } else if (strstr(coding, "error")) {
                error = true; /* tests of the parse-tree reader, which we do not use */
            } else if (r->nevents < MAX_EXPECTED) {
                expected *x = &r->events[r->nevents++];
                attribute(coding, "sourcecode", x->source, sizeof x->source);
                attribute(coding, "targetcode", x->target, sizeof x->target);
                attribute(coding, "eventcode", x->code, sizeof x->code);
                normalize_code(x->source);
                normalize_code(x->target);
            }
        }
        const char *t = strstr(tag_end, "<Text>");
        const char *t_end = t ? strstr(t, "</Text>") : NULL;
        p = close + 1;
        if (skip || error || !t || !t_end || t_end > close || (!r->nevents && !r->noevents))
            continue;
        r->text = clean_text(t + 6, (size_t)(t_end - t - 6));
        n++;
    }
    free(text);
    return n;
}

/* ---- TABARI ---- */

static void project_file(const char *text, const char *key, const char *dir, char *out, size_t cap)
{
    out[0] = '\0';
    const char *p = strstr(text, key);
    if (!p)
        return;
    p += strlen(key);
    while (*p == ' ' || *p == '\t')
        p++;
    size_t n = strcspn(p, " \t\r\n");
    snprintf(out, cap, "%.1000s/%.*s", dir, (int)(n > 1000 ? 1000 : n), p);
}

static size_t read_tabari(const char *path, suite *s, record *records)
{
    char *project = slurp(path);
    char dir[1024], textfile[2048];
    dir_of(path, dir, sizeof dir);
    s->format = 1;
    project_file(project, "<actorsfile>", dir, s->actors, sizeof s->actors);
    project_file(project, "<verbsfile>", dir, s->verbs, sizeof s->verbs);
    project_file(project, "<agentsfile>", dir, s->agents, sizeof s->agents);
    project_file(project, "<textfile>", dir, textfile, sizeof textfile);
    free(project);
    char *text = slurp(textfile);
    size_t n = 0;
    char *p = text;
    while (*p && n < MAX_RECORDS) {
        /* a record starts with "YYMMDD  ID" at the start of a line */
        char *line_end = strchr(p, '\n');
        size_t len = line_end ? (size_t)(line_end - p) : strlen(p);
        size_t digits = 0;
        while (digits < len && isdigit((unsigned char)p[digits]))
            digits++;
        if (!((digits == 6 || digits == 8) && digits < len &&
              (p[digits] == ' ' || p[digits] == '\t'))) {
            p = line_end ? line_end + 1 : p + len;
            continue;
        }
        record *r = &records[n];
        memset(r, 0, sizeof *r);
        const char *id = p + digits;
        while (*id == ' ' || *id == '\t')
            id++;
        snprintf(r->id, sizeof r->id, "%.*s", (int)strcspn(id, " \t\r\n"), id);
        snprintf(r->category, sizeof r->category, "%.*s", (int)strcspn(r->id, "-"), r->id);
        if (digits == 6)
            snprintf(r->published, sizeof r->published, "%s%.2s-%.2s-%.2s",
                     p[0] < '5' ? "20" : "19", p, p + 2, p + 4);
        else
            snprintf(r->published, sizeof r->published, "%.4s-%.2s-%.2s", p, p + 4, p + 6);
        char *body = line_end ? line_end + 1 : p + len;
        char *open = strstr(body, "/*");
        char *close = open ? strstr(open, "*/") : NULL;
        if (!open || !close)
            break;
        r->text = clean_text(body, (size_t)(open - body));
        bool option = false,
             stop = strncmp(r->text, "This is the end of the standard validation", 42) == 0;
        for (char *e = strchr(open, '{'); e && e < close; e = strchr(e + 1, '{')) {
            char *e_end = strchr(e, '}');
            if (!e_end || e_end > close)
                break;
            if (e > open && e[-1] == '-') /* -{...}: an event that must not be coded */
                continue;
            char inner[256];
            snprintf(inner, sizeof inner, "%.*s", (int)(e_end - e - 1), e + 1);
            char *slash1 = strchr(inner, '/');
            char *slash2 = slash1 ? strchr(slash1 + 1, '/') : NULL;
            if (strchr(inner, ':')) {
                option = true;
            } else if (slash1 && slash2 && r->nevents < MAX_EXPECTED) {
                *slash1 = *slash2 = '\0';
                expected *x = &r->events[r->nevents++];
                sscanf(inner, "%31s", x->source);
                sscanf(slash1 + 1, "%31s", x->target);
                sscanf(slash2 + 1, "%15s", x->code);
                normalize_code(x->source);
                normalize_code(x->target);
            } else {
                r->noevents = true; /* {+++} {---} {###} {}: nothing to code */
            }
        }
        p = close + 2;
        if (stop) {
            free(r->text);
            break;
        }
        if (option || !r->text[0] || (!r->nevents && !r->noevents)) {
            free(r->text);
            continue;
        }
        n++;
    }
    free(text);
    return n;
}

/* ---- coding and scoring ---- */

static const char *code_of(const cJSON *actor)
{
    const cJSON *code = cJSON_GetObjectItemCaseSensitive(actor, "code");
    return cJSON_IsString(code) ? code->valuestring : "";
}

static category *category_get(category *cats, int *ncats, const char *name)
{
    for (int i = 0; i < *ncats; i++)
        if (strcmp(cats[i].name, name) == 0)
            return &cats[i];
    if (*ncats == MAX_CATEGORIES)
        return &cats[MAX_CATEGORIES - 1];
    category *c = &cats[(*ncats)++];
    memset(c, 0, sizeof *c);
    snprintf(c->name, sizeof c->name, "%s", name);
    return c;
}

int main(int argc, char **argv)
{
    int arg = 1;
    if (arg < argc && strcmp(argv[arg], "-v") == 0) {
        verbose = true;
        arg++;
    }
    if (argc - arg != 3) {
        fprintf(stderr,
                "usage: validate [-v] SUITE petrarch FILE.xml | SUITE tabari FILE.project\n");
        return 2;
    }
    const char *name = argv[arg], *format = argv[arg + 1], *path = argv[arg + 2];
    suite s;
    memset(&s, 0, sizeof s);
    record *records = xcalloc(MAX_RECORDS, sizeof *records);
    size_t n = strcmp(format, "tabari") == 0 ? read_tabari(path, &s, records)
                                             : read_petrarch(path, &s, records);
    sitrep_options options = {.keep_chrome = 1,
                              .dict_format = s.format,
                              .verbs = s.verbs,
                              .actors = s.actors,
                              .agents = s.agents[0] ? s.agents : NULL,
                              .discards = s.discards[0] ? s.discards : NULL};
    char err[1024];
    sitrep_context *context = sitrep_context_new(&options, err, sizeof err);
    if (!context) {
        fprintf(stderr, "validate: %s\n", err);
        for (size_t i = 0; i < n; i++)
            free(records[i].text);
        free(records);
        return 1;
    }
    sitrep_coder *coder = sitrep_coder_new(context);
    category cats[MAX_CATEGORIES];
    int ncats = 0;
    int total = 0, correct = 0, missed = 0, extra = 0;
    buf line;
    buf_init(&line, (size_t)16 << 20);
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    for (size_t i = 0; i < n; i++) {
        record *r = &records[i];
        buf_reset(&line);
        json_writer w;
        json_init(&w, &line, false);
        json_object_begin(&w);
        json_key(&w, "id");
        json_cstr(&w, r->id);
        if (r->published[0]) {
            json_key(&w, "published");
            json_cstr(&w, r->published);
        }
        json_key(&w, "text");
        json_cstr(&w, r->text);
        json_object_end(&w);
        if (json_status(&w))
            die("record too large");
        const char *json;
        size_t json_length;
        cJSON *root = NULL;
        if (sitrep_code_bytes(coder, SITREP_INPUT_JSONL, line.data, line.len, r->id,
                              SITREP_FORMAT_JSONL, &json, &json_length, err,
                              sizeof err) == SITREP_OK)
            root = cJSON_ParseWithLength(json, json_length);
        const cJSON *events = root ? cJSON_GetObjectItemCaseSensitive(root, "events") : NULL;
        int ncoded = cJSON_GetArraySize(events);
        bool used[256] = {false};
        int found = 0;
        for (int k = 0; k < r->nevents; k++) {
            const expected *x = &r->events[k];
            bool hit = false;
            for (int j = 0; j < ncoded && j < 256 && !hit; j++) {
                const cJSON *e = cJSON_GetArrayItem(events, j);
                const cJSON *code = cJSON_GetObjectItemCaseSensitive(e, "cameo");
                if (used[j] || !cJSON_IsString(code) || strcmp(code->valuestring, x->code) ||
                    strcmp(code_of(cJSON_GetObjectItemCaseSensitive(e, "source")), x->source) ||
                    strcmp(code_of(cJSON_GetObjectItemCaseSensitive(e, "target")), x->target))
                    continue;
                used[j] = hit = true;
            }
            found += hit;
        }
        int expect = r->nevents + (r->noevents && !r->nevents);
        if (r->noevents && !r->nevents && ncoded == 0) {
            found = 1;
            ncoded = 1;
        }
        category *c = category_get(cats, &ncats, r->category);
        c->expected += expect;
        c->correct += found;
        c->missed += expect - found;
        c->extra += ncoded - found;
        total += expect;
        correct += found;
        missed += expect - found;
        extra += ncoded - found;
        if (verbose && (found < expect || ncoded > found)) {
            printf("%s %s: %s\n  expected:", name, r->id, r->text);
            if (r->noevents && !r->nevents)
                printf(" (no event)");
            for (int k = 0; k < r->nevents; k++)
                printf(" %s/%s/%s", r->events[k].source, r->events[k].target, r->events[k].code);
            printf("\n  coded:   ");
            for (int j = 0; j < cJSON_GetArraySize(events); j++) {
                const cJSON *e = cJSON_GetArrayItem(events, j);
                const cJSON *code = cJSON_GetObjectItemCaseSensitive(e, "cameo");
                printf(" %s/%s/%s", code_of(cJSON_GetObjectItemCaseSensitive(e, "source")),
                       code_of(cJSON_GetObjectItemCaseSensitive(e, "target")),
                       cJSON_IsString(code) ? code->valuestring : "?");
            }
            printf("\n");
        }
        cJSON_Delete(root);
    }
    clock_gettime(CLOCK_MONOTONIC, &t1);
    double seconds = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
    printf("  %zu records coded in %.3f s (%.0f records/s, one thread)\n", n, seconds,
           seconds > 0 ? (double)n / seconds : 0.0);
    for (int i = 0; i < ncats; i++)
        printf("  %-12s %4d expected  %4d correct  %4d missed  %4d extra\n", cats[i].name,
               cats[i].expected, cats[i].correct, cats[i].missed, cats[i].extra);
    printf("validate %s: %d correct of %d expected (%.2f%%), %d missed, %d extra\n", name, correct,
           total, total ? 100.0 * correct / total : 0.0, missed, extra);
    buf_release(&line);
    for (size_t i = 0; i < n; i++)
        free(records[i].text);
    free(records);
    sitrep_coder_free(coder);
    sitrep_context_free(context);
    return 0;
}
