/* jsonq.c - a test tool: checks that every line of stdin is one valid JSON value (with valid
 * UTF-8 in every string) and prints the value at a path for each line.
 *
 * usage: jsonq [PATH]   PATH is dot-separated keys and array indexes: meta.byline,
 *        sentences.0.text, events.length (the number of elements). Strings print raw.
 * Exit status 1 names the first invalid line.
 */
#include "base/base.h"

#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static bool strings_valid(const cJSON *item)
{
    for (; item; item = item->next) {
        if (item->string &&
            utf8_valid_prefix(item->string, strlen(item->string)) != strlen(item->string))
            return false;
        if (cJSON_IsString(item) &&
            utf8_valid_prefix(item->valuestring, strlen(item->valuestring)) !=
                strlen(item->valuestring))
            return false;
        if (item->child && !strings_valid(item->child))
            return false;
    }
    return true;
}

static void print_path(const cJSON *root, const char *path)
{
    const cJSON *node = root;
    char *copy = xstrdup(path);
    for (char *part = strtok(copy, "."); part && node; part = strtok(NULL, ".")) {
        if (strcmp(part, "length") == 0 && cJSON_IsArray(node)) {
            printf("%d\n", cJSON_GetArraySize(node));
            free(copy);
            return;
        }
        char *end;
        long index = strtol(part, &end, 10);
        if (*end == '\0' && cJSON_IsArray(node))
            node = cJSON_GetArrayItem(node, (int)index);
        else
            node = cJSON_GetObjectItemCaseSensitive(node, part);
    }
    free(copy);
    if (!node)
        printf("<missing>\n");
    else if (cJSON_IsString(node))
        printf("%s\n", node->valuestring);
    else {
        char *text = cJSON_PrintUnformatted(node);
        printf("%s\n", text);
        free(text);
    }
}

int main(int argc, char **argv)
{
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    long number = 0;
    while ((n = getline(&line, &cap, stdin)) > 0) {
        number++;
        if (memchr(line, '\0', (size_t)n)) {
            fprintf(stderr, "jsonq: line %ld: NUL byte\n", number);
            return 1;
        }
        cJSON *root = cJSON_ParseWithLength(line, (size_t)n);
        if (!root || !strings_valid(root)) {
            fprintf(stderr, "jsonq: line %ld: invalid JSON\n", number);
            return 1;
        }
        if (argc > 1)
            print_path(root, argv[1]);
        cJSON_Delete(root);
    }
    free(line);
    return 0;
}
