/* score_events.c - scores coded events against gold CAMEO events (make accuracy, events.sh).
 *
 * Gold: lines "ID<TAB>CODE<TAB>SOURCE<TAB>TARGET" (or "ID<TAB>-" for a sentence without
 * events). System: `sitrep code` JSON lines whose "id" is the sentence id. Per sentence, the
 * multiset of (source country, target country, root) and of (source country, target country,
 * code) tuples are compared; precision, recall and F1 are micro-averaged over all sentences.
 * An actor's country is the first three letters of its code ("USAMIL" -> USA, "IGOUNO" -> IGO).
 * With --plover the gold CODE is a PLOVER event type and is compared with each event's "plover"
 * field (make accuracy, plover.sh).
 */
#include "base/base.h"

#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_SENTENCES 4096
#define MAX_TUPLES 64

typedef struct tuple {
    char source[4], target[4], code[16];
} tuple;

typedef struct record {
    char id[128];
    tuple gold[MAX_TUPLES], system[MAX_TUPLES];
    int ngold, nsystem;
    bool seen; /* sitrep produced a line for it */
} record;

static record records[MAX_SENTENCES];
static const char *code_field = "cameo"; /* or "plover" */
static int nrecords;

static record *find(const char *id, bool add)
{
    for (int i = 0; i < nrecords; i++)
        if (strcmp(records[i].id, id) == 0)
            return &records[i];
    if (!add || nrecords >= MAX_SENTENCES)
        return NULL;
    record *r = &records[nrecords++];
    memset(r, 0, sizeof *r);
    snprintf(r->id, sizeof r->id, "%s", id);
    return r;
}

static void country(const char *code, char out[4])
{
    if (!code || strlen(code) < 3) {
        snprintf(out, 4, "---");
        return;
    }
    memcpy(out, code, 3);
    out[3] = '\0';
}

static int load_gold(const char *path)
{
    FILE *f = fopen(path, "r");
    if (!f) {
        fprintf(stderr, "score_events: %s: cannot open\n", path);
        return -1;
    }
    char line[1024];
    while (fgets(line, sizeof line, f)) {
        line[strcspn(line, "\r\n")] = '\0';
        char *fields[4] = {0};
        int n = 0;
        for (char *p = line; p && n < 4; n++) {
            fields[n] = p;
            p = strchr(p, '\t');
            if (p)
                *p++ = '\0';
        }
        if (n < 2)
            continue;
        record *r = find(fields[0], true);
        if (!r || strcmp(fields[1], "-") == 0 || n < 4 || r->ngold >= MAX_TUPLES)
            continue;
        tuple *t = &r->gold[r->ngold++];
        country(fields[2], t->source);
        country(fields[3], t->target);
        snprintf(t->code, sizeof t->code, "%.15s", fields[1]);
    }
    fclose(f);
    return 0;
}

static const char *actor_country(const cJSON *actor)
{
    const cJSON *c = cJSON_GetObjectItemCaseSensitive(actor, "country");
    if (cJSON_IsString(c))
        return c->valuestring;
    const cJSON *code = cJSON_GetObjectItemCaseSensitive(actor, "code");
    const cJSON *role = cJSON_GetObjectItemCaseSensitive(actor, "role");
    /* a bare agent ("the government": code GOV, no country) is PETRARCH's "---GOV" */
    if (cJSON_IsString(code) && cJSON_IsString(role) &&
        !strcmp(code->valuestring, role->valuestring))
        return NULL;
    return cJSON_IsString(code) ? code->valuestring : NULL;
}

static int load_system(const char *path)
{
    char *data;
    size_t length;
    diag d;
    if (file_read_all(path, (size_t)1 << 30, &data, &length, &d)) {
        fprintf(stderr, "score_events: %s: cannot read\n", path);
        return -1;
    }
    char *line = data;
    while (line < data + length) {
        char *end = memchr(line, '\n', (size_t)(data + length - line));
        if (!end)
            end = data + length;
        cJSON *o = cJSON_ParseWithLength(line, (size_t)(end - line));
        line = end + 1;
        if (!o)
            continue;
        const cJSON *id = cJSON_GetObjectItemCaseSensitive(o, "id");
        record *r = cJSON_IsString(id) ? find(id->valuestring, false) : NULL;
        if (r) {
            r->seen = true;
            const cJSON *e;
            cJSON_ArrayForEach(e, cJSON_GetObjectItemCaseSensitive(o, "events"))
            {
                const cJSON *code = cJSON_GetObjectItemCaseSensitive(e, code_field);
                if (!cJSON_IsString(code) || r->nsystem >= MAX_TUPLES)
                    continue;
                tuple *t = &r->system[r->nsystem++];
                country(actor_country(cJSON_GetObjectItemCaseSensitive(e, "source")), t->source);
                country(actor_country(cJSON_GetObjectItemCaseSensitive(e, "target")), t->target);
                snprintf(t->code, sizeof t->code, "%.15s", code->valuestring);
            }
        }
        cJSON_Delete(o);
    }
    free(data);
    return 0;
}

/* Matches tuples one to one; `digits` of the code are compared (2 = root, 4 = all). */
static int matches(const record *r, int digits)
{
    bool used[MAX_TUPLES] = {false};
    int hits = 0;
    for (int i = 0; i < r->nsystem; i++)
        for (int j = 0; j < r->ngold; j++) {
            const tuple *s = &r->system[i], *g = &r->gold[j];
            if (used[j] || strcmp(s->source, g->source) || strcmp(s->target, g->target))
                continue;
            bool same =
                digits == 2 ? strncmp(s->code, g->code, 2) == 0 : strcmp(s->code, g->code) == 0;
            if (same) {
                used[j] = true;
                hits++;
                break;
            }
        }
    return hits;
}

static void report(const char *what, int digits)
{
    int hits = 0, system = 0, gold = 0;
    for (int i = 0; i < nrecords; i++) {
        hits += matches(&records[i], digits);
        system += records[i].nsystem;
        gold += records[i].ngold;
    }
    double p = system ? (double)hits / system : 0, r = gold ? (double)hits / gold : 0;
    double f = p + r > 0 ? 2 * p * r / (p + r) : 0;
    printf("events %-34s precision %.3f (%d/%d)  recall %.3f (%d/%d)  F1 %.3f\n", what, p, hits,
           system, r, hits, gold, f);
}

int main(int argc, char **argv)
{
    bool plover = argc == 4 && !strcmp(argv[1], "--plover");
    if (plover) {
        code_field = "plover";
        argv++;
        argc--;
    }
    if (argc != 3) {
        fprintf(stderr, "usage: score_events [--plover] GOLD.tsv SYSTEM.jsonl\n");
        return 2;
    }
    if (load_gold(argv[1]) || load_system(argv[2]))
        return 1;
    int seen = 0, with_gold = 0;
    for (int i = 0; i < nrecords; i++) {
        seen += records[i].seen;
        with_gold += records[i].ngold > 0;
    }
    printf("events sentences %d (%d with gold events, %d coded by sitrep)\n", nrecords, with_gold,
           seen);
    if (plover) {
        report("(source country, target country, PLOVER type)", 0);
        return 0;
    }
    report("(source country, target country, root)", 2);
    report("(source country, target country, code)", 4);
    return 0;
}
