/* cmd_patterns.c - `sitrep patterns check [DIR]`: checks the verb and event-noun pattern
 * files (bad codes, duplicates, anchors WordNet does not know) and prints counts per root.
 */
#include "cmd.h"

#include "lexicon/lexicon.h"
#include "match/match.h"

#include <stdio.h>
#include <stdlib.h>
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
    fprintf(out, "usage: sitrep patterns check [--wordnet DIR] [DIR]\n"
                 "       sitrep patterns match [--wordnet DIR] FILE|-\n\n"
                 "Checks the pattern files of DIR (default: the data directory's verbs/): CAMEO\n"
                 "codes not in cameo/codes.txt, duplicate patterns, anchor words WordNet does\n"
                 "not know (WordNet from --wordnet DIR, default " LEMMA_DEFAULT_DIR ").\n"
                 "Prints the counts per CAMEO root. Exit 1 when there are problems.\n"
                 "`match` prints, sentence by sentence, the patterns that match plain text\n"
                 "(CODE FILE:LINE anchor [roles]) - a debugging aid for pattern writers.\n");
}

/* `patterns match`: tokenises the file, splits sentences and prints each match. */
static int run_match(const char *path, const char *verbs, const cameo_table *codes,
                     const lemma_table *lemmas)
{
    diag d;
    pattern_set *set;
    char message[1200];
    if (pattern_set_load(verbs, codes, &set, &d) != SITREP_OK) {
        diag_format(&d, message, sizeof message);
        cmd_error("%s", message);
        return EXIT_RUNTIME;
    }
    char *text;
    size_t length;
    if (file_read_all(path, (size_t)64 << 20, &text, &length, &d) != SITREP_OK) {
        diag_format(&d, message, sizeof message);
        cmd_error("%s", message);
        pattern_set_free(set);
        return EXIT_RUNTIME;
    }
    arena a;
    arena_init(&a, (size_t)1 << 30);
    token *tokens = NULL;
    size_t ntokens = 0;
    sentence *sentences = NULL;
    size_t nsentences = 0;
    slice *lemma_of = NULL;
    int result = EXIT_OK;
    if (utf8_valid_prefix(text, length) != length ||
        text_tokenize(&a, text, length, &tokens, &ntokens) != SITREP_OK ||
        text_split_sentences(&a, text, tokens, ntokens, NULL, 0, &sentences, &nsentences) !=
            SITREP_OK ||
        verbmatch_lemmatize(lemmas, &a, text, tokens, ntokens, &lemma_of) != SITREP_OK) {
        cmd_error("%s: cannot analyse the text (invalid UTF-8 or too large)", path);
        result = EXIT_RUNTIME;
    }
    for (size_t s = 0; result == EXIT_OK && s < nsentences; s++) {
        const sentence *sent = &sentences[s];
        verbmatch found[VERBMATCH_MAX];
        size_t n = verbmatch_sentence(set, text, tokens + sent->first_token, sent->ntokens,
                                      lemma_of + sent->first_token, found, VERBMATCH_MAX);
        if (n == 0)
            continue;
        printf("%.*s\n", (int)(sent->end - sent->start), text + sent->start);
        for (size_t i = 0; i < n && i < VERBMATCH_MAX; i++) {
            const verbmatch *m = &found[i];
            const token *anchor = &tokens[sent->first_token + m->anchor];
            printf("  %-7s %s:%u  '%.*s'", m->rule->discard ? "DISCARD" : m->rule->code,
                   m->rule->file, (unsigned)m->rule->line, (int)(anchor->end - anchor->start),
                   text + anchor->start);
            for (int r = 0; r < PATTERN_ROLES; r++) {
                if (m->slot[r] < 0)
                    continue;
                const token *t = &tokens[sent->first_token + (size_t)m->slot[r]];
                printf(" %c='%.*s'", "STOL"[r], (int)(t->end - t->start), text + t->start);
            }
            printf("\n");
        }
    }
    arena_release(&a);
    free(text);
    pattern_set_free(set);
    return result;
}

int cmd_patterns(int argc, char **argv)
{
    if (argc < 2 || strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
        usage(argc < 2 ? stderr : stdout);
        return argc < 2 ? EXIT_USAGE : EXIT_OK;
    }
    bool match = strcmp(argv[1], "match") == 0;
    if (!match && strcmp(argv[1], "check") != 0) {
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
    if (match) {
        int result = run_match(dir ? dir : "-", verbs, codes, lemmas);
        lemma_free(lemmas);
        cameo_free(codes);
        return result;
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
