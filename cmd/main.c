/* main.c - the sitrep command table: dispatches `sitrep COMMAND ...` to cmd_<name>.c, and
 * prints errors (cmd_error). The command layer over the library, no pipeline stage of its own.
 */
#include "cmd.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static int cmd_version(int argc, char **argv);
static int cmd_help(int argc, char **argv);

static const command commands[] = {
    {"code", cmd_code, "code articles into event data (JSON lines)"},
    {"sentences", cmd_sentences, "print the sentences sitrep finds (stage debugging)"},
    {"dict", cmd_dict, "check actor dictionaries, import TABARI/PETRARCH ones"},
    {"patterns", cmd_patterns, "check the event pattern files (`patterns check [DIR]`)"},
    {"tag", cmd_tag, "print tokens with part-of-speech tags (raw text or CoNLL-U)"},
    {"train-tagger", cmd_train_tagger, "train the part-of-speech tagger from CoNLL-U"},
    {"parse", cmd_parse, "print dependency parses (raw text or CoNLL-U)"},
    {"train-parser", cmd_train_parser, "train the dependency parser from CoNLL-U"},
    {"ingest", cmd_ingest, "code articles and keep them in the event store (SQLite)"},
    {"query", cmd_query, "list stored events by actor, code, date, place or words"},
    {"export", cmd_export, "write stored events as GDELT 2.0, PLOVER JSON or our JSON lines"},
    {"stats", cmd_stats, "summarise (and with --check, verify) the event store"},
    {"serve", cmd_serve, "serve the dashboard and its JSON API over the event store"},
    {"explain", cmd_explain, "why each event was (or was not) coded, sentence by sentence"},
    {"version", cmd_version, "print the version"},
    {"help", cmd_help, "list the commands, or `help COMMAND` for one"},
};

void cmd_error(const char *format, ...)
{
    va_list args;
    va_start(args, format);
    fputs("sitrep: ", stderr);
    vfprintf(stderr, format, args);
    fputc('\n', stderr);
    va_end(args);
}

static int cmd_version(int argc, char **argv)
{
    (void)argv;
    if (argc > 1 && (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)) {
        printf("usage: sitrep version\n\nPrints the version of sitrep.\n");
        return EXIT_OK;
    }
    printf("sitrep %s\n", SITREP_VERSION);
    return EXIT_OK;
}

static void usage(FILE *out)
{
    fprintf(out, "usage: sitrep COMMAND [OPTIONS] [FILE|-]...\n\n"
                 "sitrep turns national-security news into structured, sourced event data.\n\n"
                 "commands:\n");
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        fprintf(out, "  %-13s %s\n", commands[i].name, commands[i].summary);
    fprintf(out, "\n`sitrep COMMAND --help` describes a command. Exit codes: 0 success, "
                 "1 runtime failure, 2 usage error.\n");
}

static const command *find_command(const char *name)
{
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        if (strcmp(commands[i].name, name) == 0)
            return &commands[i];
    return NULL;
}

static int cmd_help(int argc, char **argv)
{
    if (argc > 1 && strcmp(argv[1], "--help") != 0 && strcmp(argv[1], "-h") != 0) {
        const command *c = find_command(argv[1]);
        if (!c) {
            cmd_error("unknown command '%s'", argv[1]);
            return EXIT_USAGE;
        }
        char *sub[] = {argv[1], (char *)"--help", NULL};
        return c->run(2, sub);
    }
    usage(stdout);
    return EXIT_OK;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        usage(stderr);
        return EXIT_USAGE;
    }
    if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)
        return cmd_help(1, argv + 1);
    if (strcmp(argv[1], "--version") == 0)
        return cmd_version(1, argv + 1);
    const command *c = find_command(argv[1]);
    if (!c) {
        cmd_error("unknown command '%s' (try 'sitrep help')", argv[1]);
        return EXIT_USAGE;
    }
    return c->run(argc - 1, argv + 1);
}
