/* cmd_patterns.c - `sitrep patterns check [DIR]`: checks the verb and event-noun pattern
 * files (bad codes, duplicates, anchors WordNet does not know) and prints counts per root.
 */
#include "cmd.h"

#include "lexicon/lexicon.h"

#include <stdio.h>
#include <string.h>

static void print_problem(void *user, const char *path, long line, const char *message)
{
    (void)user;
    if (line > 0)
        cmd_error("%s:%ld: %s", path, line, message);
    else
        cmd_error("%s: %s", path, message);
}

static void usage(FILE *out)
{
    fprintf(out, "usage: sitrep patterns check [--wordnet DIR] [DIR]\n\n"
                 "Checks the pattern files of DIR (default: the data directory's verbs/): CAMEO\n"
                 "codes not in cameo/codes.txt, duplicate patterns, anchor words WordNet does\n"
                 "not know (WordNet from --wordnet DIR, default " LEMMA_DEFAULT_DIR ").\n"
                 "Prints the counts per CAMEO root. Exit 1 when there are problems.\n");
}

int cmd_patterns(int argc, char **argv)
{
    if (argc < 2 || strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
        usage(argc < 2 ? stderr : stdout);
        return argc < 2 ? EXIT_USAGE : EXIT_OK;
    }
    if (strcmp(argv[1], "check") != 0) {
        cmd_error("unknown patterns subcommand '%s' (try 'sitrep patterns --help')", argv[1]);
        return EXIT_USAGE;
    }
    const char *dir = NULL, *wordnet = NULL;
    for (int i = 2; i < argc; i++) {
        if (strcmp(argv[i], "--wordnet") == 0 && i + 1 < argc) {
            wordnet = argv[++i];
        } else if (argv[i][0] == '-') {
            cmd_error("unknown option '%s'", argv[i]);
            return EXIT_USAGE;
        } else if (!dir) {
            dir = argv[i];
        } else {
            cmd_error("too many arguments");
            return EXIT_USAGE;
        }
    }
    char data[1024], verbs[1100], cameo[1100];
    if (!path_find_data_dir(data, sizeof data)) {
        cmd_error("cannot find the data directory (set SITREP_DATA)");
        return EXIT_RUNTIME;
    }
    snprintf(verbs, sizeof verbs, "%s/verbs", data);
    snprintf(cameo, sizeof cameo, "%s/cameo", data);
    if (!dir)
        dir = verbs;
    diag d;
    cameo_table *codes;
    if (cameo_load(cameo, &codes, &d) != SITREP_OK) {
        char message[1200];
        diag_format(&d, message, sizeof message);
        cmd_error("%s", message);
        return EXIT_RUNTIME;
    }
    lemma_table *lemmas;
    if (lemma_load(wordnet, &lemmas, &d) != SITREP_OK) {
        char message[1200];
        diag_format(&d, message, sizeof message);
        cmd_error("%s", message);
        cameo_free(codes);
        return EXIT_RUNTIME;
    }
    pattern_stats stats;
    sitrep_status status = pattern_check_dir(dir, codes, lemmas, print_problem, NULL, &stats);
    if (status == SITREP_OK) {
        printf("patterns %zu (verbs %zu, nouns %zu, discards %zu), codes used %zu of %zu\n",
               stats.patterns, stats.verbs, stats.nouns, stats.discards, stats.codes_used,
               cameo_count(codes));
        for (int root = 1; root <= 20; root++)
            printf("root %02d  %-36s %6zu\n", root,
                   cameo_name(codes,
                              (char[3]){(char)('0' + root / 10), (char)('0' + root % 10), '\0'}),
                   stats.per_root[root]);
        printf("problems %zu\n", stats.problems);
    }
    lemma_free(lemmas);
    cameo_free(codes);
    return status == SITREP_OK && stats.problems == 0 ? EXIT_OK : EXIT_RUNTIME;
}
