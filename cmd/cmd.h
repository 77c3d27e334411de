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

/* Where coded records go instead of stdout (`sitrep ingest`). A batch of records is handed
 * over as begin, record... (in input order), end. begin and end return 0, or non-zero to stop
 * the run (they have reported why): the rest of the input is then read without being coded,
 * and not_taken (when not NULL) is told at the end how many records were not handed over.
 * record returns true when the record was taken, false when it failed (it has reported why,
 * with path and line; line 0 for whole files). */
typedef struct batch_sink {
    void *user;
    int (*begin)(void *user);
    bool (*record)(void *user, const char *path, long line, const char *json, size_t length);
    int (*end)(void *user);
    void (*not_taken)(void *user, size_t records);
} batch_sink;

/* Input kind forced by --input, or -1 to decide per file (extension, or sniffing stdin). */
typedef struct batch_options {
    int input_kind;
    sitrep_format format;
    int jobs;
    bool progress;          /* progress on stderr when it is a terminal */
    bool passthrough;       /* records are already coded: hand each line over unchanged */
    size_t batch_records;   /* records per batch; 0: 64 per job */
    unsigned shard, shards; /* code only the records of shard `shard` of `shards` (0: all) */
    const batch_sink *sink; /* NULL: write to stdout */
} batch_options;

/* The progress line of a long batch on stderr (progress.c). */
typedef struct progress {
    bool on;            /* asked for, and stderr is a terminal */
    bool shown;         /* a line was drawn (so the last one must end it) */
    bool sizes_unknown; /* standard input or a pipe among the inputs */
    double start, last, delay;
    size_t files_total, files_done, articles, failed;
    unsigned long long bytes_total, bytes_done;
} progress;
/* Starts the clock; `wanted` and a terminal on stderr turn it on. The inputs' sizes give the
 * share read and the time left. Prints nothing yet. */
void progress_start(progress *p, bool wanted, char *const *paths, int npaths);
/* Records what is done so far (articles coded, failed, input bytes handed over, files
 * finished) and redraws the line when the batch has run for a second (SITREP_PROGRESS_DELAY
 * seconds), at most four times a second. */
void progress_update(progress *p, size_t articles, size_t failed, unsigned long long bytes,
                     size_t files);
/* Draws the final line (articles, rate, failures, time taken) ending with a newline, when a
 * line was shown at all. */
void progress_finish(progress *p, size_t articles, size_t failed);

/* Codes every record of every path (files, "-" for stdin) with `context` and writes each
 * result followed by a newline to stdout (or hands it to options->sink), in input order. A
 * record that fails is reported on stderr as "sitrep: FILE:LINE: message" and skipped.
 * Returns EXIT_OK when every record was coded, EXIT_RUNTIME when any file or record failed
 * or the sink stopped the run. `context` may be NULL with passthrough. */
int batch_run(const sitrep_context *context, const batch_options *options, char **paths,
              int npaths);

/* Parses "--input jsonl|html|text". Returns the kind or -1 (and prints an error). */
int parse_input_kind(const char *value);

/* Lists the regular files under a directory (recursively, hidden entries skipped), sorted,
 * appending heap copies to *paths (grown as needed). Returns false (and reports) when the
 * directory cannot be read. */
bool batch_list_dir(const char *dir, char ***paths, int *npaths, int *alloc);

/* Expands the inputs of a command line (paths.c): each directory becomes its regular files
 * (batch_list_dir; an empty one is reported), each other path (a file, "-") is kept. Appends
 * heap copies to *files, which starts empty (NULL, 0); free them with cmd_free_paths. Returns
 * false when a directory could not be read (reported; the others are still expanded). */
bool cmd_expand_paths(char *const *paths, int npaths, char ***files, int *nfiles);
void cmd_free_paths(char **files, int nfiles);

/* The database a store command uses: db, else $SITREP_DB, else the default path (see
 * docs/store.md), written into path. Returns NULL after reporting when there is none. */
const char *cmd_store_path(const char *db, char *path, size_t size);

/* Opens the store at db (NULL: the default path, see docs/store.md). Returns EXIT_OK, or
 * reports the problem and returns EXIT_RUNTIME. Close with store_close. */
struct store;
struct store_options;
int cmd_store_open(const char *db, const struct store_options *options, struct store **out);

int cmd_code(int argc, char **argv);
int cmd_sentences(int argc, char **argv);
int cmd_dict(int argc, char **argv);
int cmd_patterns(int argc, char **argv);
int cmd_tag(int argc, char **argv);
int cmd_train_tagger(int argc, char **argv);
int cmd_parse(int argc, char **argv);
int cmd_train_parser(int argc, char **argv);
int cmd_explain(int argc, char **argv);
int cmd_ingest(int argc, char **argv);
int cmd_query(int argc, char **argv);
int cmd_export(int argc, char **argv);
int cmd_stats(int argc, char **argv);
int cmd_serve(int argc, char **argv);

/* Checks the JSON writer w and prints its buffer `out` as one line on stdout (cmd_query.c):
 * returns the writer's error, SITREP_EIO when stdout fails, else SITREP_OK. */
struct json_writer;
struct buf;
sitrep_status cmd_json_line(const struct json_writer *w, const struct buf *out);

/* Loads a context (sitrep_context_new). On failure prints the error and returns NULL with
 * *rc the exit status (EXIT_USAGE for an invalid --published date, else EXIT_RUNTIME). With
 * `warn`, prints what the data directory lacks ("sitrep: warning: ...") once. */
sitrep_context *cmd_context_new(const sitrep_options *options, bool warn, int *rc);

/* --dict-format tabari|petrarch, --verbs, --actors, --agents, --discards (cmd_code.c): sets
 * the option in o and returns 1, returns -1 after a message for an invalid value, 0 when arg
 * is another option. */
int cmd_peer_option(const char *arg, const char *value, sitrep_options *o);

/* ---- sitrep export (cmd_export.c; the writers are the store's: store_export_gdelt ...) ---- */

struct store;
struct store_filter;
struct store_event;
struct geocodes;
struct cameo_table;
struct diag;
struct buf;

/* Reads one of `sitrep query`'s filter options (--actor, --source, --target, --cameo, --root,
 * --plover, --modality, --attribution, --since, --until, --country, --text, --limit) into q.
 * Returns 1 when arg was one (value taken), 0 when it is another option, -1 after reporting a
 * bad value. The options' lines for --help are cmd_filter_help. */
int cmd_filter_option(const char *arg, const char *value, struct store_filter *q);
extern const char cmd_filter_help[];

/* Loads data/codes (FIPS and ISO codes) and, when cameo is not NULL, data/cameo (PLOVER mode
 * and context) for the exports. Returns false after reporting (both are then NULL). */
bool cmd_load_export_tables(struct geocodes **codes, struct cameo_table **cameo);

/* Writes data to stdout: the store_write_fn of `sitrep query` and `sitrep export`. Returns
 * SITREP_EIO when stdout fails. */
sitrep_status cmd_write_stdout(void *user, const char *data, size_t length);

#endif
