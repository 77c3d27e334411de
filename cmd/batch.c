/* batch.c - runs the coder over files and JSON-lines streams, in parallel, in input order.
 *
 * Records are read in batches (a whole file for text and HTML, one line for JSON lines),
 * coded by --jobs worker threads, each with its own coder (its own arena), and written in
 * input order. A record that fails is reported with its file and line and skipped; the rest
 * of the batch is still coded.
 */
#include "cmd.h"

#include <dirent.h>
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#define MAX_FILE_BYTES ((size_t)256 << 20)
#define MAX_LINE_BYTES ((size_t)64 << 20)
#define BATCH_BYTES ((size_t)64 << 20)
#define READ_CHUNK ((size_t)1 << 20)

typedef struct record {
    sitrep_input kind;
    char *bytes;
    size_t length;
    const char *path;
    long line; /* 0 for whole files */
    char *result;
    size_t result_length;
    sitrep_status status;
    bool other_shard; /* --shard: not this process's record */
    char error[512];
} record;

/* A buffered reader of lines that may contain any byte, NUL included. */
typedef struct line_reader {
    FILE *file;
    char *data;
    size_t start, end, alloc;
    bool eof;
    long line;
} line_reader;

static void reader_init(line_reader *r, FILE *f)
{
    memset(r, 0, sizeof *r);
    r->file = f;
    r->alloc = READ_CHUNK;
    r->data = malloc(r->alloc);
    if (!r->data) {
        fputs("sitrep: fatal: out of memory\n", stderr);
        abort();
    }
}

/* Returns the next line (without its newline) in *line and *length, pointing into the reader's
 * buffer until the next call. Returns 0 at the end, 1 for a line, -1 for a line longer than
 * MAX_LINE_BYTES (skipped), -2 on a read error. */
static int reader_next(line_reader *r, const char **line, size_t *length)
{
    bool too_long = false;
    for (;;) {
        char *nl = r->end > r->start ? memchr(r->data + r->start, '\n', r->end - r->start) : NULL;
        if (nl || (r->eof && r->end > r->start)) {
            size_t n = nl ? (size_t)(nl - (r->data + r->start)) : r->end - r->start;
            *line = r->data + r->start;
            *length = n;
            r->start += n + (nl ? 1 : 0);
            r->line++;
            if (too_long)
                return -1;
            if (n && (*line)[n - 1] == '\r')
                (*length)--;
            return 1;
        }
        if (r->eof)
            return too_long ? -1 : 0;
        /* compact, grow if needed, read more */
        if (r->start > 0) {
            memmove(r->data, r->data + r->start, r->end - r->start);
            r->end -= r->start;
            r->start = 0;
        }
        if (r->end > MAX_LINE_BYTES) {
            too_long = true; /* drop what we have of this line and keep reading to its end */
            r->end = 0;
        }
        if (r->alloc - r->end < READ_CHUNK) {
            r->alloc *= 2;
            char *grown = realloc(r->data, r->alloc);
            if (!grown) {
                fputs("sitrep: fatal: out of memory\n", stderr);
                abort();
            }
            r->data = grown;
        }
        size_t got = fread(r->data + r->end, 1, r->alloc - r->end, r->file);
        r->end += got;
        if (got == 0) {
            if (ferror(r->file))
                return -2;
            r->eof = true;
        }
    }
}

int parse_input_kind(const char *value)
{
    if (strcmp(value, "jsonl") == 0)
        return SITREP_INPUT_JSONL;
    if (strcmp(value, "html") == 0)
        return SITREP_INPUT_HTML;
    if (strcmp(value, "text") == 0)
        return SITREP_INPUT_TEXT;
    cmd_error("unknown input kind '%s' (expected jsonl, html or text)", value);
    return -1;
}

static sitrep_input kind_from_path(const char *path)
{
    const char *dot = strrchr(path, '.');
    const char *slash = strrchr(path, '/');
    if (!dot || (slash && dot < slash))
        return SITREP_INPUT_TEXT;
    if (strcasecmp(dot, ".jsonl") == 0 || strcasecmp(dot, ".ndjson") == 0)
        return SITREP_INPUT_JSONL;
    if (strcasecmp(dot, ".html") == 0 || strcasecmp(dot, ".htm") == 0)
        return SITREP_INPUT_HTML;
    return SITREP_INPUT_TEXT;
}

/* ---- workers ---- */

typedef struct work {
    record *records;
    size_t count;
    size_t next; /* guarded by lock */
    pthread_mutex_t lock;
    sitrep_coder **coders;
    sitrep_format format;
    bool passthrough;
    bool stopped;     /* the sink stopped the run: the rest is read and counted, not coded */
    size_t not_taken; /* records read after that */
} work;

static void code_one(sitrep_coder *coder, record *r, sitrep_format format, bool passthrough)
{
    if (r->other_shard) { /* --shard: another process codes it */
        free(r->bytes);
        r->bytes = NULL;
        return;
    }
    if (passthrough) {
        r->status = SITREP_OK;
        r->result = r->bytes;
        r->result_length = r->length;
        r->bytes = NULL;
        return;
    }
    const char *json;
    size_t n;
    r->status = sitrep_code_bytes(coder, r->kind, r->bytes, r->length, r->path, format, &json, &n,
                                  r->error, sizeof r->error);
    if (r->status == SITREP_OK) {
        r->result = malloc(n + 1);
        if (!r->result) {
            fputs("sitrep: fatal: out of memory\n", stderr);
            abort();
        }
        memcpy(r->result, json, n + 1);
        r->result_length = n;
    }
    free(r->bytes);
    r->bytes = NULL;
}

typedef struct worker_arg {
    work *w;
    size_t index;
} worker_arg;

static void *worker_main(void *p)
{
    worker_arg *arg = p;
    work *w = arg->w;
    for (;;) {
        pthread_mutex_lock(&w->lock);
        size_t i = w->next++;
        pthread_mutex_unlock(&w->lock);
        if (i >= w->count)
            break;
        code_one(w->coders[arg->index], &w->records[i], w->format, w->passthrough);
    }
    return NULL;
}

static void process(work *w, int jobs)
{
    if (w->stopped)
        return;
    size_t threads = (size_t)jobs < w->count ? (size_t)jobs : w->count;
    if (w->passthrough)
        threads = 1;
    w->next = 0;
    if (threads <= 1) {
        for (size_t i = 0; i < w->count; i++)
            code_one(w->coders[0], &w->records[i], w->format, w->passthrough);
        return;
    }
    pthread_t ids[256];
    worker_arg args[256];
    size_t started = 0;
    for (size_t t = 0; t < threads && t < 256; t++) {
        args[t].w = w;
        args[t].index = t;
        if (pthread_create(&ids[t], NULL, worker_main, &args[t]) != 0)
            break;
        started++;
    }
    if (started == 0) {
        for (size_t i = 0; i < w->count; i++)
            code_one(w->coders[0], &w->records[i], w->format, w->passthrough);
        return;
    }
    for (size_t t = 0; t < started; t++)
        pthread_join(ids[t], NULL);
}

/* Writes results in order (or hands them to the sink); returns the number of failed
 * records. */
static size_t flush(work *w, const batch_sink *sink)
{
    size_t failed = 0;
    if (sink && w->count && !w->stopped && sink->begin(sink->user) != 0)
        w->stopped = true;
    for (size_t i = 0; i < w->count; i++) {
        record *r = &w->records[i];
        if (w->stopped && sink) {
            w->not_taken++; /* read after the sink stopped the run: counted, not coded */
        } else if (r->other_shard) {
            /* another shard's process codes it */
        } else if (r->status == SITREP_OK && sink) {
            if (!sink->record(sink->user, r->path, r->line, r->result, r->result_length))
                failed++;
        } else if (r->status == SITREP_OK) {
            fwrite(r->result, 1, r->result_length, stdout);
            if (r->result_length)
                fputc('\n', stdout);
        } else {
            failed++;
            if (r->line > 0)
                cmd_error("%s:%ld: %s", r->path, r->line, r->error);
            else
                cmd_error("%s: %s", r->path, r->error);
        }
        free(r->result);
        free(r->bytes);
    }
    if (sink && w->count && !w->stopped && sink->end(sink->user) != 0)
        w->stopped = true;
    fflush(stdout);
    w->count = 0;
    return failed;
}

static char *copy_bytes(const char *p, size_t n)
{
    char *c = malloc(n + 1);
    if (!c) {
        fputs("sitrep: fatal: out of memory\n", stderr);
        abort();
    }
    memcpy(c, p, n);
    c[n] = '\0';
    return c;
}

int batch_run(const sitrep_context *context, const batch_options *options, char **paths, int npaths)
{
    int jobs = options->jobs > 0 ? options->jobs : 1;
    if (jobs > 256)
        jobs = 256;
    size_t max_records = options->batch_records ? options->batch_records : (size_t)jobs * 64;
    work w;
    memset(&w, 0, sizeof w);
    pthread_mutex_init(&w.lock, NULL);
    w.records = calloc(max_records, sizeof(record));
    w.coders = calloc((size_t)jobs, sizeof(sitrep_coder *));
    if (!w.records || !w.coders) {
        fputs("sitrep: fatal: out of memory\n", stderr);
        abort();
    }
    for (int j = 0; j < jobs && !options->passthrough; j++)
        w.coders[j] = sitrep_coder_new(context);
    w.format = options->format;
    w.passthrough = options->passthrough;
    size_t failed = 0, batch_bytes = 0, coded = 0;
    bool show_progress = options->progress && isatty(2);
    char *default_paths[] = {(char *)"-"};
    if (npaths == 0) {
        paths = default_paths;
        npaths = 1;
    }
    for (int p = 0; p < npaths; p++) {
        const char *path = paths[p];
        bool is_stdin = strcmp(path, "-") == 0;
        const char *name = is_stdin ? "<stdin>" : path;
        FILE *f = is_stdin ? stdin : fopen(path, "rb");
        if (!f) {
            cmd_error("%s: cannot open: %s", path, strerror(errno));
            failed++;
            continue;
        }
        int kind = options->input_kind;
        if (kind < 0 && !is_stdin)
            kind = (int)kind_from_path(path);
        if (kind < 0) {
            /* sniff standard input: '{' starts JSON lines, '<' a web page */
            int c;
            while ((c = getc(f)) != EOF && (c == ' ' || c == '\n' || c == '\r' || c == '\t'))
                ;
            kind = c == '{' ? SITREP_INPUT_JSONL : c == '<' ? SITREP_INPUT_HTML : SITREP_INPUT_TEXT;
            if (c != EOF)
                ungetc(c, f);
        }
        line_reader reader;
        reader_init(&reader, f);
        if (kind == SITREP_INPUT_JSONL) {
            const char *line;
            size_t length;
            int got;
            while ((got = reader_next(&reader, &line, &length)) != 0) {
                if (got == -2) {
                    cmd_error("%s:%ld: read error: %s", name, reader.line + 1, strerror(errno));
                    failed++;
                    break;
                }
                if (got == -1) {
                    cmd_error("%s:%ld: line longer than %zu bytes; skipped", name, reader.line,
                              MAX_LINE_BYTES);
                    failed++;
                    continue;
                }
                size_t k = 0;
                while (k < length && (line[k] == ' ' || line[k] == '\t'))
                    k++;
                if (k == length)
                    continue; /* blank lines are allowed */
                record *r = &w.records[w.count++];
                memset(r, 0, sizeof *r);
                r->kind = SITREP_INPUT_JSONL;
                r->bytes = copy_bytes(line, length);
                r->length = length;
                r->path = name;
                r->other_shard =
                    options->shards > 1 && sitrep_record_shard(r->kind, r->bytes, r->length,
                                                               options->shards) != options->shard;
                r->line = reader.line;
                batch_bytes += length;
                if (w.count == max_records || batch_bytes >= BATCH_BYTES) {
                    process(&w, jobs);
                    coded += w.count;
                    failed += flush(&w, options->sink);
                    batch_bytes = 0;
                    if (show_progress)
                        fprintf(stderr, "\rsitrep: %zu articles", coded);
                }
            }
        } else {
            /* a whole file is one article */
            size_t total = 0;
            bool too_big = false, read_error = false;
            int read_errno = 0;
            const char *chunk;
            size_t length;
            char *all = NULL;
            int got;
            while ((got = reader_next(&reader, &chunk, &length)) != 0) {
                if (got == -2) {
                    read_error = true;
                    read_errno = errno;
                    break;
                }
                if (got < 0) {
                    too_big = true;
                    break;
                }
                if (total + length + 1 > MAX_FILE_BYTES) {
                    too_big = true;
                    break;
                }
                char *grown = realloc(all, total + length + 2);
                if (!grown) {
                    fputs("sitrep: fatal: out of memory\n", stderr);
                    abort();
                }
                all = grown;
                memcpy(all + total, chunk, length);
                total += length;
                all[total++] = '\n';
            }
            if (read_error) {
                cmd_error("%s: cannot read: %s", name, strerror(read_errno));
                free(all);
                failed++;
            } else if (too_big) {
                cmd_error("%s: larger than the limit of %zu bytes for one article", name,
                          MAX_FILE_BYTES);
                free(all);
                failed++;
            } else {
                record *r = &w.records[w.count++];
                memset(r, 0, sizeof *r);
                r->kind = (sitrep_input)kind;
                r->bytes = all ? all : copy_bytes("", 0);
                r->length = total;
                r->path = name;
                r->other_shard =
                    options->shards > 1 && sitrep_record_shard(r->kind, r->bytes, r->length,
                                                               options->shards) != options->shard;
                batch_bytes += total;
                if (w.count == max_records || batch_bytes >= BATCH_BYTES) {
                    process(&w, jobs);
                    coded += w.count;
                    failed += flush(&w, options->sink);
                    batch_bytes = 0;
                }
            }
        }
        free(reader.data);
        /* Results name their file, so a batch is finished before the file is closed. */
        process(&w, jobs);
        coded += w.count;
        failed += flush(&w, options->sink);
        batch_bytes = 0;
        if (!is_stdin)
            fclose(f);
    }
    if (show_progress)
        fprintf(stderr, "\rsitrep: %zu articles, %zu failed\n", coded, failed);
    if (options->sink && options->sink->not_taken && w.not_taken)
        options->sink->not_taken(options->sink->user, w.not_taken);
    for (int j = 0; j < jobs; j++)
        sitrep_coder_free(w.coders[j]);
    free(w.coders);
    free(w.records);
    pthread_mutex_destroy(&w.lock);
    return failed || w.stopped ? EXIT_RUNTIME : EXIT_OK;
}

static int compare_paths(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

#define MAX_DIR_DEPTH 32

static bool list_dir(const char *dir, char ***paths, int *npaths, int *alloc, int depth)
{
    DIR *d = opendir(dir);
    if (!d) {
        cmd_error("%s: cannot read the directory: %s", dir, strerror(errno));
        return false;
    }
    int first = *npaths;
    bool ok = true;
    struct dirent *entry;
    while ((entry = readdir(d))) {
        if (entry->d_name[0] == '.')
            continue;
        size_t n = strlen(dir) + strlen(entry->d_name) + 2;
        char *path = malloc(n);
        if (!path) {
            fputs("sitrep: fatal: out of memory\n", stderr);
            abort();
        }
        snprintf(path, n, "%s/%s", dir, entry->d_name);
        struct stat st;
        if (stat(path, &st) != 0 || (!S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode))) {
            free(path);
            continue;
        }
        if (S_ISDIR(st.st_mode)) {
            if (depth < MAX_DIR_DEPTH) {
                /* Directories are listed after sorting, so keep a marker: a trailing '/'. */
                char *marked = realloc(path, n + 1);
                if (!marked) {
                    fputs("sitrep: fatal: out of memory\n", stderr);
                    abort();
                }
                strcat(marked, "/");
                path = marked;
            } else {
                free(path);
                continue;
            }
        }
        if (*npaths == *alloc) {
            *alloc = *alloc ? *alloc * 2 : 64;
            char **grown = realloc(*paths, (size_t)*alloc * sizeof(char *));
            if (!grown) {
                fputs("sitrep: fatal: out of memory\n", stderr);
                abort();
            }
            *paths = grown;
        }
        (*paths)[(*npaths)++] = path;
    }
    closedir(d);
    qsort(*paths + first, (size_t)(*npaths - first), sizeof(char *), compare_paths);
    /* Replace each directory marker by the directory's files, in place and in order. */
    int end = *npaths;
    for (int i = first; i < end && ok; i++) {
        char *entry_path = (*paths)[i];
        size_t n = strlen(entry_path);
        if (entry_path[n - 1] != '/')
            continue;
        entry_path[n - 1] = '\0';
        int before = *npaths;
        ok = list_dir(entry_path, paths, npaths, alloc, depth + 1);
        int added = *npaths - before;
        /* rotate the new entries into position i */
        char **tmp = malloc((size_t)(added > 0 ? added : 1) * sizeof(char *));
        if (!tmp) {
            fputs("sitrep: fatal: out of memory\n", stderr);
            abort();
        }
        memcpy(tmp, *paths + before, (size_t)added * sizeof(char *));
        memmove(*paths + i + added, *paths + i + 1, (size_t)(before - i - 1) * sizeof(char *));
        memcpy(*paths + i, tmp, (size_t)added * sizeof(char *));
        free(tmp);
        free(entry_path);
        *npaths = before - 1 + added;
        end += added - 1;
        i += added - 1;
    }
    return ok;
}

bool batch_list_dir(const char *dir, char ***paths, int *npaths, int *alloc)
{
    return list_dir(dir, paths, npaths, alloc, 0);
}
