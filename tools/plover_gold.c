/* plover_gold.c - turns the PLOVER gold-standard records (PLOVER_GSR_CAMEO.txt, a JSON array of
 * events marked up from the CAMEO manual's example sentences) into what make accuracy feeds
 * sitrep and score_events: INPUT.jsonl ({"id","published","text"} per record) and GOLD.tsv
 * ("ID<TAB>TYPE<TAB>SOURCE<TAB>TARGET", one line per source x target pair; a missing target
 * is "---"). The records use PLOVER 0.5's type names; three were renamed by PLOVER 0.8 (2021),
 * the version of our mapping: DEMAND is REQUEST, DISAPPROVE is ACCUSE, FIGHT is ASSAULT.
 * Usage: plover_gold FILE INPUT.jsonl GOLD.tsv
 */
#include "base/base.h"

#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The actors of a "source"/"target" field: an array of {"code"} objects, or "" for none. */
static int actor_codes(const cJSON *field, const char *codes[], int cap)
{
    int n = 0;
    const cJSON *a;
    if (!cJSON_IsArray(field))
        return 0;
    cJSON_ArrayForEach(a, field)
    {
        const cJSON *code = cJSON_GetObjectItemCaseSensitive(a, "code");
        if (n < cap && cJSON_IsString(code) && code->valuestring[0])
            codes[n++] = code->valuestring;
    }
    return n;
}

/* The PLOVER 0.8 name of a PLOVER 0.5 event type. */
static const char *current_type(const char *type)
{
    static const char *const renamed[][2] = {
        {"DEMAND", "REQUEST"}, {"DISAPPROVE", "ACCUSE"}, {"FIGHT", "ASSAULT"}};
    for (size_t i = 0; i < sizeof renamed / sizeof renamed[0]; i++)
        if (strcmp(type, renamed[i][0]) == 0)
            return renamed[i][1];
    return type;
}

int main(int argc, char **argv)
{
    if (argc != 4) {
        fprintf(stderr, "usage: plover_gold PLOVER_GSR_CAMEO.txt INPUT.jsonl GOLD.tsv\n");
        return 2;
    }
    char *data;
    size_t length;
    diag d;
    if (file_read_all(argv[1], (size_t)1 << 28, &data, &length, &d)) {
        fprintf(stderr, "plover_gold: %s: cannot read\n", argv[1]);
        return 1;
    }
    cJSON *root = cJSON_ParseWithLength(data, length);
    free(data);
    if (!cJSON_IsArray(root)) {
        fprintf(stderr, "plover_gold: %s: not a JSON array\n", argv[1]);
        cJSON_Delete(root);
        return 1;
    }
    FILE *input = fopen(argv[2], "w"), *gold = fopen(argv[3], "w");
    if (!input || !gold) {
        fprintf(stderr, "plover_gold: cannot write %s or %s\n", argv[2], argv[3]);
        return 1;
    }
    const cJSON *r;
    cJSON_ArrayForEach(r, root)
    {
        const cJSON *id = cJSON_GetObjectItemCaseSensitive(r, "id");
        const cJSON *text = cJSON_GetObjectItemCaseSensitive(r, "text");
        const cJSON *event = cJSON_GetObjectItemCaseSensitive(r, "event");
        const cJSON *date = cJSON_GetObjectItemCaseSensitive(r, "date");
        if (!cJSON_IsString(id) || !cJSON_IsString(text) || !cJSON_IsString(event))
            continue; /* the documentation record */
        cJSON *line = cJSON_CreateObject();
        cJSON_AddStringToObject(line, "id", id->valuestring);
        if (cJSON_IsString(date))
            cJSON_AddStringToObject(line, "published", date->valuestring);
        cJSON_AddStringToObject(line, "text", text->valuestring);
        char *json = cJSON_PrintUnformatted(line);
        fprintf(input, "%s\n", json);
        free(json);
        cJSON_Delete(line);
        const char *sources[16], *targets[16];
        int ns = actor_codes(cJSON_GetObjectItemCaseSensitive(r, "source"), sources, 16);
        int nt = actor_codes(cJSON_GetObjectItemCaseSensitive(r, "target"), targets, 16);
        if (ns == 0) {
            sources[0] = "---";
            ns = 1;
        }
        if (nt == 0) {
            targets[0] = "---";
            nt = 1;
        }
        for (int i = 0; i < ns; i++)
            for (int j = 0; j < nt; j++)
                if (ns + nt == 2 || strcmp(sources[i], targets[j]))
                    fprintf(gold, "%s\t%s\t%s\t%s\n", id->valuestring,
                            current_type(event->valuestring), sources[i], targets[j]);
    }
    cJSON_Delete(root);
    fclose(input);
    return fclose(gold) ? 1 : 0;
}
