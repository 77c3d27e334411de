/* cmd_explain.c - `sitrep explain`: sentence by sentence, the actors, verb groups and rules
 * that matched, the events coded and, when nothing was coded, why not (events_explain).
 */
#include "cmd.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char explain_help[] =
    "usage: sitrep explain [--sentence N] [--input jsonl|html|text] [--published D]\n"
    "                      [--no-chrome] [--dict DIR] FILE|-\n"
    "\n"
    "Explains the event coding of each sentence of an article: the actors found, each\n"
    "pattern that matched (data/verbs/FILE:LINE), its verb group and modality, the source\n"
    "and target chosen, the events coded and, when nothing was coded, why not (no pattern,\n"
    "a discard, no source actor, a statement without a target ...).\n"
    "\n"
    "  --sentence N    only sentence N (numbered from 0, as in `sitrep sentences`)\n"
    "  --input K       treat the input as jsonl, html or text\n"
    "  --published D   publication date for articles that give none\n"
    "  --no-chrome     plain text is all article body (no site-chrome detection)\n"
    "  --dict DIR      data directory\n"
    "  --dict-format tabari|petrarch --verbs F --actors F --agents F [--discards F]\n"
    "                  explain coding with TABARI or PETRARCH dictionaries\n";

int cmd_explain(int argc, char **argv)
{
    batch_options options = {.input_kind = -1, .format = SITREP_FORMAT_EXPLAIN, .jobs = 1};
    sitrep_options context_options = {0};
    char **paths = calloc((size_t)argc + 1, sizeof(char *));
    int npaths = 0;
    if (!paths)
        return EXIT_RUNTIME;
    int rc = -1, peer;
    for (int i = 1; i < argc && rc < 0; i++) {
        const char *arg = argv[i];
        const char *value = i + 1 < argc ? argv[i + 1] : NULL;
        if (strcmp(arg, "--help") == 0 || strcmp(arg, "-h") == 0) {
            fputs(explain_help, stdout);
            rc = EXIT_OK;
        } else if (strcmp(arg, "-") == 0 || arg[0] != '-') {
            paths[npaths++] = argv[i];
        } else if (strcmp(arg, "--no-chrome") == 0) {
            context_options.keep_chrome = 1;
        } else if (!value) {
            cmd_error("option '%s' needs a value (see --help)", arg);
            rc = EXIT_USAGE;
        } else if (strcmp(arg, "--sentence") == 0) {
            char *end;
            long n = strtol(value, &end, 10);
            if (*end || n < 0 || n > 100000000) {
                cmd_error("--sentence wants a sentence number (0, 1, ...), not '%s'", value);
                rc = EXIT_USAGE;
            }
            context_options.explain_sentence = n + 1;
            i++;
        } else if (strcmp(arg, "--input") == 0) {
            if ((options.input_kind = parse_input_kind(value)) < 0)
                rc = EXIT_USAGE;
            i++;
        } else if (strcmp(arg, "--published") == 0) {
            context_options.published = value;
            i++;
        } else if (strcmp(arg, "--dict") == 0) {
            context_options.data_dir = value;
            i++;
        } else if ((peer = cmd_peer_option(arg, value, &context_options)) != 0) {
            rc = peer < 0 ? EXIT_USAGE : -1;
            i++;
        } else {
            cmd_error("unknown option '%s' (see --help)", arg);
            rc = EXIT_USAGE;
        }
    }
    if (rc < 0 && npaths != 1) {
        cmd_error("explain reads one file (see --help)");
        rc = EXIT_USAGE;
    }
    if (rc < 0) {
        sitrep_context *context = cmd_context_new(&context_options, true, &rc);
        if (!context) {
            rc = rc == EXIT_OK ? EXIT_RUNTIME : rc;
        } else {
            rc = batch_run(context, &options, paths, npaths);
            sitrep_context_free(context);
        }
    }
    free(paths);
    return rc;
}
