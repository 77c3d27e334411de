/* cmd.h - the command-line layer: the command table, shared option parsing and the batch
 * runner. Commands parse arguments, call the library and format output; no language logic
 * lives here.
 */
#ifndef SITREP_CMD_H
#define SITREP_CMD_H

#include "sitrep.h"

#include <stdbool.h>
#include <stddef.h>

/* Exit codes. */
enum { EXIT_OK = 0, EXIT_RUNTIME = 1, EXIT_USAGE = 2 };

typedef struct command {
    const char *name;
    int (*run)(int argc, char **argv);
    const char *summary;
} command;

/* Prints "sitrep: MESSAGE" to stderr. */
void cmd_error(const char *format, ...) __attribute__((format(printf, 1, 2)));

/* Input kind forced by --input, or -1 to decide per file (extension, or sniffing stdin). */
typedef struct batch_options {
    int input_kind;
    sitrep_format format;
    int jobs;
    bool progress; /* progress on stderr when it is a terminal */
} batch_options;

/* Codes every record of every path (files, "-" for stdin) with `context` and writes each
 * result followed by a newline to stdout, in input order. A record that fails is reported on
 * stderr as "sitrep: FILE:LINE: message" and skipped. Returns EXIT_OK when every record was
 * coded, EXIT_RUNTIME when any file or record failed. */
int batch_run(const sitrep_context *context, const batch_options *options, char **paths,
              int npaths);

/* Parses "--input jsonl|html|text". Returns the kind or -1 (and prints an error). */
int parse_input_kind(const char *value);

int cmd_code(int argc, char **argv);
int cmd_sentences(int argc, char **argv);
int cmd_dict(int argc, char **argv);
int cmd_patterns(int argc, char **argv);
int cmd_tag(int argc, char **argv);
int cmd_train_tagger(int argc, char **argv);

#endif
