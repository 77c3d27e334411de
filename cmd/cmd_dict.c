/* cmd_dict.c - `sitrep dict check DIR` and `sitrep dict import --from tabari|petrarch FILE`:
 * validate our actor dictionaries, and convert TABARI/PETRARCH ones into our format.
 */
#include "cmd.h"
#include "base/base.h"
#include "lexicon/lexicon.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char dict_help[] =
    "usage: sitrep dict check [DIR]\n"
    "       sitrep dict import --from tabari|petrarch FILE\n"
    "\n"
    "check   checks a data directory (default: the one sitrep uses) or a folder of actor\n"
    "        dictionaries: prints FILE:LINE: message for each malformed entry, duplicate\n"
    "        phrase, phrase with conflicting codes and overlapping date ranges, and what a\n"
    "        data directory lacks (no sitrep-data.txt or no actors: problems; no model,\n"
    "        verb patterns, cues or gazetteer: warnings). Exit 1 when any problem.\n"
    "import  converts a TABARI or PETRARCH actor or agent dictionary into our format\n"
    "        (docs/dictionaries.md) on stdout; what it could not convert goes to stderr\n"
    "        as LINE: reason, with a count at the end.\n";

/* Problems are collected, then printed sorted by file and line. */
typedef struct problem_list {
    diag *items;
    size_t count, alloc;
} problem_list;

static void collect_problem(void *user, const diag *d, bool fatal)
{
    (void)fatal;
    problem_list *list = user;
    if (list->count == list->alloc) {
        list->alloc = list->alloc ? list->alloc * 2 : 64;
        list->items = xrealloc(list->items, list->alloc * sizeof *list->items);
    }
    list->items[list->count++] = *d;
}

static int compare_problems(const void *a, const void *b)
{
    const diag *x = a, *y = b;
    int c = strcmp(x->path, y->path);
    if (c)
        return c;
    if (x->line != y->line)
        return x->line < y->line ? -1 : 1;
    return strcmp(x->message, y->message);
}

/* Problems of the data directory as a whole (sitrep_data_check): fatal ones are problems,
 * the others warnings. */
typedef struct data_problems {
    size_t fatal, warnings;
} data_problems;

static void report_data_problem(void *user, const char *message, int fatal)
{
    data_problems *p = user;
    if (fatal) {
        p->fatal++;
        cmd_error("%s", message);
    } else {
        p->warnings++;
        cmd_error("warning: %s", message);
    }
}

static int dict_check(int argc, char **argv)
{
    char dir[4200], data[4096];
    if (argc > 2) {
        cmd_error("dict check takes one directory (see sitrep dict --help)");
        return EXIT_USAGE;
    }
    if (argc == 2) {
        snprintf(data, sizeof data, "%s", argv[1]);
    } else if (!path_find_data_dir(data, sizeof data)) {
        cmd_error("cannot find the data directory; give DIR or set SITREP_DATA");
        return EXIT_RUNTIME;
    }
    if (!path_is_dir(data)) {
        cmd_error("%s: not a directory", data);
        return EXIT_RUNTIME;
    }
    /* A data directory (or no DIR) is checked whole; a folder of dictionaries alone. */
    data_problems whole = {0};
    snprintf(dir, sizeof dir, "%s/sitrep-data.txt", data);
    bool is_data = argc < 2 || access(dir, F_OK) == 0;
    if (is_data) {
        sitrep_data_check(data, report_data_problem, &whole);
        snprintf(dir, sizeof dir, "%s/actors", data);
    } else {
        snprintf(dir, sizeof dir, "%s", data);
    }
    problem_list list = {0};
    size_t problems = path_is_dir(dir) ? dict_check_dir(dir, collect_problem, &list) : 0;
    if (list.count)
        qsort(list.items, list.count, sizeof *list.items, compare_problems);
    size_t printed = 0;
    for (size_t i = 0; i < list.count; i++) {
        /* the same problem found through two phrases is printed once */
        if (i && compare_problems(&list.items[i - 1], &list.items[i]) == 0)
            continue;
        printed++;
        char line[1200];
        diag_format(&list.items[i], line, sizeof line);
        fprintf(stderr, "sitrep: %s\n", line);
    }
    free(list.items);
    if (problems && printed)
        problems = printed;
    if (!problems && !whole.fatal && path_is_dir(dir)) {
        /* files that hold no entry at all (only comments) code nothing either */
        diag d;
        dict *loaded = dict_load_dir(dir, &d);
        if (loaded && !dict_entry_count(loaded)) {
            if (is_data)
                cmd_error("%s: no dictionary entries: no actors can be recognised", dir);
            else
                cmd_error("%s: neither a data directory (no sitrep-data.txt) nor a folder of "
                          "actor dictionaries (no entries found)",
                          dir);
            problems++;
        }
        dict_free(loaded);
    }
    problems += whole.fatal;
    if (problems) {
        cmd_error("%zu problem%s in %s", problems, problems == 1 ? "" : "s", data);
        return EXIT_RUNTIME;
    }
    if (whole.warnings)
        printf("%s: no problems in the actor dictionaries; %zu warning%s (see above)\n", data,
               whole.warnings, whole.warnings == 1 ? "" : "s");
    else
        printf("%s: no problems\n", data);
    return EXIT_OK;
}

static int dict_import_cmd(int argc, char **argv)
{
    const char *from = NULL, *path = NULL;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--from") == 0 && i + 1 < argc)
            from = argv[++i];
        else if (argv[i][0] != '-' || strcmp(argv[i], "-") == 0)
            path = argv[i];
        else {
            cmd_error("unknown option '%s' (see sitrep dict --help)", argv[i]);
            return EXIT_USAGE;
        }
    }
    if (!from || (strcmp(from, "tabari") != 0 && strcmp(from, "petrarch") != 0) || !path) {
        cmd_error("usage: sitrep dict import --from tabari|petrarch FILE");
        return EXIT_USAGE;
    }
    char *data;
    size_t length;
    diag d;
    diag_clear(&d);
    if (file_read_all(path, DICT_MAX_FILE * 4, &data, &length, &d)) {
        cmd_error("%s: %s", path, d.message);
        return EXIT_RUNTIME;
    }
    buf out, report;
    buf_init(&out, 0);
    buf_init(&report, 0);
    sitrep_status status = dict_import(data, length, strcmp(from, "petrarch") == 0, &out, &report);
    free(data);
    if (status) {
        cmd_error("%s: %s", path, sitrep_strerror(status));
        buf_release(&out);
        buf_release(&report);
        return EXIT_RUNTIME;
    }
    fwrite(out.data, 1, out.len, stdout);
    size_t notes = 0;
    for (size_t i = 0; i < report.len; i++)
        notes += report.data[i] == '\n';
    /* prefix each report line with the file name */
    const char *p = report.data;
    for (size_t i = 0; i < notes; i++) {
        const char *nl = strchr(p, '\n');
        fprintf(stderr, "sitrep: %s:%.*s\n", path, (int)(nl - p), p);
        p = nl + 1;
    }
    fprintf(stderr, "sitrep: %s: %zu construct%s not converted\n", path, notes,
            notes == 1 ? "" : "s");
    buf_release(&out);
    buf_release(&report);
    return EXIT_OK;
}

int cmd_dict(int argc, char **argv)
{
    if (argc < 2 || strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
        fputs(dict_help, argc < 2 ? stderr : stdout);
        return argc < 2 ? EXIT_USAGE : EXIT_OK;
    }
    if (strcmp(argv[1], "check") == 0)
        return dict_check(argc - 1, argv + 1);
    if (strcmp(argv[1], "import") == 0)
        return dict_import_cmd(argc - 1, argv + 1);
    cmd_error("unknown dict command '%s' (expected check or import)", argv[1]);
    return EXIT_USAGE;
}
