/* cmd_code.c - `sitrep code` and `sitrep sentences`: code articles, print JSON (or sentences).
 * With --shard I/N a process codes only its share of the records, as a map step of a
 * distributed engine (docs/scale.md).
 */
#include "cmd.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char code_help[] =
    "usage: sitrep code [--format jsonl|pretty] [--jobs N] [--input jsonl|html|text]\n"
    "                   [--published YYYY-MM-DD] [--published-from-name] [--dict DIR]\n"
    "                   [--shard I/N] [FILE|DIR|-]...\n"
    "\n"
    "Codes each article and writes one JSON object per article (docs/output.md).\n"
    "A .jsonl file holds one record per line: {\"id\",\"text\"|\"html\",\"url\",\"published\",\n"
    "\"title\"}; .html/.htm files are web pages; anything else is a plain-text article.\n"
    "A directory is read recursively (hidden files skipped, sorted by name). Standard input\n"
    "is sniffed ('{' JSON lines, '<' HTML, else text). gzip-compressed input (x.jsonl.gz,\n"
    "x.txt.gz, x.html.gz, or on standard input) is decompressed as it is read.\n"
    "Limits: 256 MiB per text or HTML file (after decompression), 64 MiB per JSON line,\n"
    "20,000 sentences per article (the rest is left out with a warning).\n"
    "\n"
    "  --format F      jsonl (one object per line, default) or pretty (indented)\n"
    "  --jobs N        code N articles in parallel; output stays in input order\n"
    "  --input K       treat every input as jsonl, html or text\n"
    "  --published D   publication date for articles that give none\n"
    "  --shard I/N     code only shard I (0 to N-1) of N: the records whose id (else whose\n"
    "                  bytes) hashes to I; N processes with I = 0..N-1 code each record once\n"
    "  --published-from-name\n"
    "                  an article that gives no date takes a YYYY-MM-DD in its file name\n"
    "                  (PolNeAR's publisher_2016-10-04_slug.txt) before --published\n"
    "  --no-chrome     plain text is all article body (no site-chrome detection)\n"
    "  --no-extras     skip quantities, dates, places and attribution (to measure their cost)\n"
    "  --dict DIR      data directory (default: $SITREP_DATA, the source tree, or the\n"
    "                  installed share/sitrep)\n"
    "  --dict-format tabari|petrarch --verbs F --actors F --agents F [--discards F]\n"
    "                  code with TABARI or PETRARCH dictionaries instead of ours\n"
    "                  (docs/peer-dictionaries.md)\n"
    "\n"
    "A record that cannot be read is reported on stderr as FILE:LINE: message and skipped.\n"
    "Output is in input order and each record is coded on its own, so the same input (or\n"
    "shard) always gives the same output: a failed run can simply be run again.\n"
    "Exit status: 0 all coded; 1 some input failed (each named on stderr; the other records\n"
    "were written); 2 usage error; killed by a signal: nothing can be assumed, run it again.\n";

static const char sentences_help[] =
    "usage: sitrep sentences [--jobs N] [--input jsonl|html|text] [FILE|DIR|-]...\n"
    "\n"
    "Prints each sentence sitrep finds, one per line: ID<TAB>N<TAB>START<TAB>END<TAB>TEXT\n"
    "(START and END are byte offsets into the article body). For checking the text stage.\n";

/* --dict-format and the peer dictionary files: 1 when arg is one of them (taken), -1 when its
 * value is invalid, 0 for another option. */
int cmd_peer_option(const char *arg, const char *value, sitrep_options *o)
{
    if (strcmp(arg, "--dict-format") == 0) {
        if (strcmp(value, "tabari") == 0)
            o->dict_format = 1;
        else if (strcmp(value, "petrarch") == 0)
            o->dict_format = 2;
        else {
            cmd_error("unknown dictionary format '%s' (expected tabari or petrarch)", value);
            return -1;
        }
        return 1;
    }
    const char **slot = strcmp(arg, "--verbs") == 0      ? &o->verbs
                        : strcmp(arg, "--actors") == 0   ? &o->actors
                        : strcmp(arg, "--agents") == 0   ? &o->agents
                        : strcmp(arg, "--discards") == 0 ? &o->discards
                                                         : NULL;
    if (!slot)
        return 0;
    *slot = value;
    return 1;
}

/* Parses the options shared by code and sentences. Returns -1 to continue, else an exit code.
 * Leaves the positional arguments in paths. */
static int parse(int argc, char **argv, bool allow_format, const char *help, batch_options *options,
                 sitrep_options *context_options, char **paths, int *npaths)
{
    *npaths = 0;
    for (int i = 1; i < argc; i++) {
        const char *arg = argv[i];
        const char *value = i + 1 < argc ? argv[i + 1] : NULL;
        if (strcmp(arg, "--help") == 0 || strcmp(arg, "-h") == 0) {
            fputs(help, stdout);
            return EXIT_OK;
        }
        if (strcmp(arg, "-") == 0 || arg[0] != '-') {
            paths[(*npaths)++] = argv[i];
            continue;
        }
        if (strcmp(arg, "--no-chrome") == 0) {
            context_options->keep_chrome = 1;
            continue;
        }
        if (strcmp(arg, "--no-extras") == 0) {
            context_options->no_extras = 1;
            continue;
        }
        if (strcmp(arg, "--published-from-name") == 0) {
            context_options->published_from_name = 1;
            continue;
        }
        if (strcmp(arg, "--") == 0) {
            while (++i < argc)
                paths[(*npaths)++] = argv[i];
            break;
        }
        if (!value) {
            cmd_error("option '%s' needs a value (see --help)", arg);
            return EXIT_USAGE;
        }
        if (allow_format && strcmp(arg, "--format") == 0) {
            if (strcmp(value, "jsonl") == 0 || strcmp(value, "json") == 0)
                options->format = SITREP_FORMAT_JSONL;
            else if (strcmp(value, "pretty") == 0)
                options->format = SITREP_FORMAT_PRETTY;
            else {
                cmd_error("unknown format '%s' (expected jsonl or pretty)", value);
                return EXIT_USAGE;
            }
        } else if (strcmp(arg, "--jobs") == 0 || strcmp(arg, "-j") == 0) {
            char *end;
            long jobs = strtol(value, &end, 10);
            if (*end || jobs < 1 || jobs > 256) {
                cmd_error("--jobs wants a number from 1 to 256, not '%s'", value);
                return EXIT_USAGE;
            }
            options->jobs = (int)jobs;
        } else if (strcmp(arg, "--shard") == 0) {
            char *slash;
            unsigned long index = strtoul(value, &slash, 10), count = 0;
            char *end = slash;
            if (*slash == '/')
                count = strtoul(slash + 1, &end, 10);
            if (slash == value || *slash != '/' || *end || end == slash + 1 || count < 1 ||
                count > 1000000 || index >= count || value[0] == '-') {
                cmd_error("--shard wants I/N with 0 <= I < N (e.g. 3/8), not '%s'", value);
                return EXIT_USAGE;
            }
            options->shard = (unsigned)index;
            options->shards = (unsigned)count;
        } else if (strcmp(arg, "--input") == 0) {
            if ((options->input_kind = parse_input_kind(value)) < 0)
                return EXIT_USAGE;
        } else if (strcmp(arg, "--published") == 0) {
            context_options->published = value;
        } else if (strcmp(arg, "--dict") == 0) {
            context_options->data_dir = value;
        } else {
            int peer = allow_format ? cmd_peer_option(arg, value, context_options) : 0;
            if (peer < 0)
                return EXIT_USAGE;
            if (peer == 0) {
                cmd_error("unknown option '%s' (see --help)", arg);
                return EXIT_USAGE;
            }
        }
        i++;
    }
    return -1;
}

sitrep_context *cmd_context_new(const sitrep_options *options, bool warn, int *rc)
{
    char err[4400];
    sitrep_context *context = sitrep_context_new(options, err, sizeof err);
    if (!context) {
        cmd_error("%s", err);
        *rc = strstr(err, "invalid publication date") ? EXIT_USAGE : EXIT_RUNTIME;
        return NULL;
    }
    size_t count;
    const char *const *warnings = sitrep_context_warnings(context, &count);
    for (size_t i = 0; warn && i < count; i++)
        cmd_error("warning: %s", warnings[i]);
    *rc = EXIT_OK;
    return context;
}

static int run(int argc, char **argv, bool is_code)
{
    batch_options options = {.input_kind = -1,
                             .format = is_code ? SITREP_FORMAT_JSONL : SITREP_FORMAT_SENTENCES,
                             .jobs = 1,
                             .progress = true};
    /* sentences needs no dictionary or model */
    sitrep_options context_options = {.load = is_code ? SITREP_LOAD_ALL : SITREP_LOAD_TEXT};
    char **paths = calloc((size_t)argc + 1, sizeof(char *));
    int npaths = 0;
    if (!paths)
        return EXIT_RUNTIME;
    int rc = parse(argc, argv, is_code, is_code ? code_help : sentences_help, &options,
                   &context_options, paths, &npaths);
    if (rc >= 0) {
        free(paths);
        return rc;
    }
    if (!context_options.dict_format && (context_options.verbs || context_options.actors ||
                                         context_options.agents || context_options.discards)) {
        cmd_error("--verbs, --actors, --agents and --discards need --dict-format");
        free(paths);
        return EXIT_USAGE;
    }
    /* directories become their files, as in `sitrep ingest` */
    char **files = NULL;
    int nfiles = 0;
    bool listed = cmd_expand_paths(paths, npaths, &files, &nfiles);
    free(paths);
    if (npaths > 0 && nfiles == 0) {
        cmd_error("no files to read");
        cmd_free_paths(files, nfiles);
        return EXIT_RUNTIME;
    }
    sitrep_context *context = cmd_context_new(&context_options, is_code, &rc);
    if (!context) {
        cmd_free_paths(files, nfiles);
        return rc;
    }
    rc = batch_run(context, &options, files, nfiles);
    sitrep_context_free(context);
    cmd_free_paths(files, nfiles);
    return listed ? rc : EXIT_RUNTIME;
}

int cmd_code(int argc, char **argv)
{
    return run(argc, argv, true);
}

int cmd_sentences(int argc, char **argv)
{
    return run(argc, argv, false);
}
