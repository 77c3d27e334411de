/* batch.c - runs the coder over files and JSON-lines streams, in parallel, in input order.
 *
 * A reader thread turns the inputs (files, pipes, standard input; gzip is decompressed) into
 * records: a whole file for text and HTML, one line for JSON lines. --jobs worker threads code
 * them, each with its own coder, and this thread writes each result as soon as every earlier
 * one is written. Records in flight are bounded (in number and bytes), so memory does not
 * grow with the input; a record that fails is reported with its file and line and skipped.
 */
#include "cmd.h"

#include "base/base.h"

#include <dirent.h>
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#define MAX_FILE_BYTES ((size_t)256 << 20) /* one text or HTML article, decompressed */
#define MAX_LINE_BYTES ((size_t)64 << 20)  /* one JSON line */
#define IN_FLIGHT_BYTES ((size_t)64 << 20) /* input bytes read but not yet written */
#define SLOTS_PER_JOB 4                    /* records in flight per worker */
#define SNIFF_BYTES ((size_t)64 << 10)     /* how far standard input is looked at for its kind */

typedef struct record {
    sitrep_input kind;
    char *bytes;
    size_t length;
    const char *path;
    long line; /* 0 for whole files */
    char *result;
    size_t result_length;
    sitrep_status status;
    bool done;
    char error[600];
} record;

/* The records between reading and writing: a ring of `slots` records; counters only grow
 * (record n lives in ring[n % slots]). head <= next <= tail: [head, next) are being coded or
 * coded and waiting to be written, [next, tail) are waiting for a worker. */
typedef struct runner {
    pthread_mutex_t lock;
    pthread_cond_t changed; /* broadcast on every change of the counters or a record's done */
    record *ring;
    size_t slots;
    size_t head, next, tail;
    size_t bytes_in_flight;
    bool reading_done; /* the reader has pushed its last record */
    bool stopped;      /* the sink stopped the run: the rest is read and counted, not coded */
    size_t not_taken;  /* records read after the run stopped (guarded by lock) */
    unsigned long long bytes_read; /* input bytes handed over so far, for the progress line */
    size_t files_done;             /* inputs read to their end */
    const sitrep_context *context;
    const batch_options *options;
    char **paths;
    int npaths;
} runner;

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

/* The kind a file's name says, looking through a ".gz": .jsonl and .ndjson are JSON lines,
 * .html and .htm web pages, anything else plain text. */
static int kind_from_path(const char *path)
{
    const char *slash = strrchr(path, '/');
    const char *name = slash ? slash + 1 : path;
    size_t n = strlen(name);
    if (n > 3 && strcasecmp(name + n - 3, ".gz") == 0)
        n -= 3;
    static const struct {
        const char *extension;
        sitrep_input kind;
    } kinds[] = {{".jsonl", SITREP_INPUT_JSONL},
                 {".ndjson", SITREP_INPUT_JSONL},
                 {".html", SITREP_INPUT_HTML},
                 {".htm", SITREP_INPUT_HTML}};
    for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++) {
        size_t k = strlen(kinds[i].extension);
        if (n > k && strncasecmp(name + n - k, kinds[i].extension, k) == 0)
            return (int)kinds[i].kind;
    }
    return SITREP_INPUT_TEXT;
}

/* ---- the reader thread ---- */

/* Hands a record to the workers, waiting while the ring is full or holds too many bytes (one
 * record is always let in, however large). Takes over r->bytes. After the sink stopped the run,
 * the record is only counted as not taken and freed (the rest of the input is still read, so
 * that the count is complete). Returns true (reading goes on). */
static bool push(runner *run, record *r)
{
    pthread_mutex_lock(&run->lock);
    while (!run->stopped &&
           (run->tail - run->head == run->slots ||
            (run->tail > run->head && run->bytes_in_flight + r->length > IN_FLIGHT_BYTES)))
        pthread_cond_wait(&run->changed, &run->lock);
    bool stopped = run->stopped;
    if (!stopped) {
        run->ring[run->tail % run->slots] = *r;
        run->tail++;
        run->bytes_in_flight += r->length;
        run->bytes_read += r->length;
        pthread_cond_broadcast(&run->changed);
    } else {
        run->not_taken++;
    }
    pthread_mutex_unlock(&run->lock);
    if (stopped)
        free(r->bytes);
    return true;
}

/* A record that is only an error to report in its place ("FILE:LINE: message"). */
static bool push_error(runner *run, const char *path, const diag *d)
{
    record r;
    memset(&r, 0, sizeof r);
    r.path = path;
    r.line = d->line;
    r.status = SITREP_EIO;
    r.done = true;
    snprintf(r.error, sizeof r.error, "%s", d->message);
    return push(run, &r);
}

/* Hands over one record's bytes (taken over), unless --shard gives it to another process. */
static bool push_bytes(runner *run, sitrep_input kind, const char *path, long line, char *bytes,
                       size_t length)
{
    const batch_options *options = run->options;
    if (options->shards > 1 &&
        sitrep_record_shard(kind, bytes, length, options->shards) != options->shard) {
        free(bytes); /* another shard's process codes it */
        return true;
    }
    record r;
    memset(&r, 0, sizeof r);
    r.kind = kind;
    r.path = path;
    r.line = line;
    r.bytes = bytes;
    r.length = length;
    return push(run, &r);
}

/* Reads one input into records. Returns false when the run was stopped. */
static bool read_input(runner *run, const char *path)
{
    diag d;
    diag_clear(&d);
    stream s;
    if (stream_open(&s, path, &d))
        return push_error(run, path, &d);
    const char *name = s.name;
    bool is_stdin = strcmp(path, "-") == 0;
    if (is_stdin)
        name = "<stdin>";
    int kind = run->options->input_kind;
    if (kind < 0 && !is_stdin)
        kind = kind_from_path(path);
    if (kind < 0) {
        /* standard input: the (decompressed) bytes say: '{' starts JSON lines, '<' a page */
        int c = stream_peek_nonspace(&s, SNIFF_BYTES, &d);
        kind = c == '{' ? SITREP_INPUT_JSONL : c == '<' ? SITREP_INPUT_HTML : SITREP_INPUT_TEXT;
    }
    bool going = true;
    if (kind == SITREP_INPUT_JSONL) {
        for (;;) {
            const char *line;
            size_t length;
            sitrep_status st = stream_next_line(&s, MAX_LINE_BYTES, &line, &length, &d);
            if (st) {
                if (!(going = push_error(run, name, &d)))
                    break;
                if (s.failed)
                    break;
                continue;
            }
            if (!line)
                break;
            size_t k = 0;
            while (k < length && (line[k] == ' ' || line[k] == '\t'))
                k++;
            if (k == length)
                continue; /* blank lines are allowed */
            char *copy = xmalloc(length + 1);
            memcpy(copy, line, length);
            copy[length] = '\0';
            if (!(going = push_bytes(run, SITREP_INPUT_JSONL, name, stream_line(&s), copy, length)))
                break;
        }
    } else {
        char *all;
        size_t length;
        if (stream_read_all(&s, MAX_FILE_BYTES, &all, &length, &d)) {
            d.line = 0;
            going = push_error(run, name, &d);
        } else {
            going = push_bytes(run, (sitrep_input)kind, name, 0, all, length);
        }
    }
    stream_close(&s);
    return going;
}

static void *reader_main(void *p)
{
    runner *run = p;
    for (int i = 0; i < run->npaths; i++) {
        if (!read_input(run, run->paths[i]))
            break;
        pthread_mutex_lock(&run->lock);
        run->files_done++;
        pthread_mutex_unlock(&run->lock);
    }
    pthread_mutex_lock(&run->lock);
    run->reading_done = true;
    pthread_cond_broadcast(&run->changed);
    pthread_mutex_unlock(&run->lock);
    return NULL;
}

/* ---- workers ---- */

static void code_one(sitrep_coder *coder, record *r, const batch_options *options)
{
    if (options->passthrough) {
        r->status = SITREP_OK;
        r->result = r->bytes;
        r->result_length = r->length;
        r->bytes = NULL;
        return;
    }
    const char *json;
    size_t n;
    r->status = sitrep_code_bytes(coder, r->kind, r->bytes, r->length, r->path, options->format,
                                  &json, &n, r->error, sizeof r->error);
    if (r->status == SITREP_OK) {
        (void)json;
        r->result = sitrep_coder_take_result(coder, &r->result_length);
        if (!r->result) /* nothing written (an empty output) */
            r->result = xstrdup("");
        (void)n;
    }
    free(r->bytes);
    r->bytes = NULL;
}

typedef struct worker {
    runner *run;
    sitrep_coder *coder;
    pthread_t thread;
} worker;

static void *worker_main(void *p)
{
    worker *self = p;
    runner *run = self->run;
    pthread_mutex_lock(&run->lock);
    for (;;) {
        while (run->next == run->tail && !run->reading_done && !run->stopped)
            pthread_cond_wait(&run->changed, &run->lock);
        if (run->next == run->tail)
            break; /* everything read has been taken */
        record *r = &run->ring[run->next % run->slots];
        run->next++;
        bool skip = run->stopped || r->done; /* done: an error record from the reader */
        pthread_mutex_unlock(&run->lock);
        if (!skip)
            code_one(self->coder, r, run->options);
        pthread_mutex_lock(&run->lock);
        r->done = true;
        pthread_cond_broadcast(&run->changed);
    }
    pthread_mutex_unlock(&run->lock);
    return NULL;
}

/* ---- the writer (the calling thread) ---- */

typedef struct writer {
    const batch_sink *sink;
    size_t group;    /* records per sink transaction */
    size_t in_group; /* records handed to the open transaction */
    bool open;       /* a transaction is open */
    size_t written, failed;
    size_t not_taken; /* coded records not handed to the sink because it stopped the run */
    bool stopped;
} writer;

static void writer_end(writer *w)
{
    if (w->open && w->sink->end(w->sink->user) != 0)
        w->stopped = true;
    w->open = false;
    w->in_group = 0;
}

static void write_record(writer *w, record *r)
{
    if (r->status != SITREP_OK) {
        w->failed++;
        if (r->line > 0)
            cmd_error("%s:%ld: %s", r->path, r->line, r->error);
        else
            cmd_error("%s: %s", r->path, r->error);
    } else if (w->sink) {
        if (!w->open && !w->stopped) {
            if (w->sink->begin(w->sink->user) != 0)
                w->stopped = true;
            else
                w->open = true;
        }
        if (w->open) {
            if (!w->sink->record(w->sink->user, r->path, r->line, r->result, r->result_length))
                w->failed++;
            if (++w->in_group >= w->group)
                writer_end(w);
        } else {
            w->not_taken++;
        }
    } else {
        fwrite(r->result, 1, r->result_length, stdout);
        if (r->result_length)
            fputc('\n', stdout);
    }
    w->written++;
    free(r->result);
    free(r->bytes);
    r->result = r->bytes = NULL;
}

int batch_run(const sitrep_context *context, const batch_options *options, char **paths, int npaths)
{
    int jobs = options->jobs > 0 ? options->jobs : 1;
    if (jobs > 256)
        jobs = 256;
    if (options->passthrough)
        jobs = 1;
    char *default_paths[] = {(char *)"-"};
    if (npaths == 0) {
        paths = default_paths;
        npaths = 1;
    }
    runner run = {.slots = (size_t)jobs * SLOTS_PER_JOB + 2,
                  .context = context,
                  .options = options,
                  .paths = paths,
                  .npaths = npaths};
    pthread_mutex_init(&run.lock, NULL);
    pthread_cond_init(&run.changed, NULL);
    run.ring = xcalloc(run.slots, sizeof(record));
    worker *workers = xcalloc((size_t)jobs, sizeof(worker));
    int started = 0;
    pthread_t reader;
    bool reader_started = pthread_create(&reader, NULL, reader_main, &run) == 0;
    if (!reader_started)
        die("cannot start a thread: %s", strerror(errno));
    for (int j = 0; j < jobs; j++) {
        workers[j].run = &run;
        if (!options->passthrough)
            workers[j].coder = sitrep_coder_new(context);
        if (pthread_create(&workers[j].thread, NULL, worker_main, &workers[j]) != 0) {
            sitrep_coder_free(workers[j].coder);
            break;
        }
        started++;
    }
    if (started == 0)
        die("cannot start a thread: %s", strerror(errno));

    writer w = {.sink = options->sink,
                .group = options->batch_records ? options->batch_records : (size_t)jobs * 64};
    progress meter;
    progress_start(&meter, options->progress, paths, npaths);
    pthread_mutex_lock(&run.lock);
    for (;;) {
        /* head < next: a worker has taken the record (error records are done before) */
        if (run.head < run.next && run.ring[run.head % run.slots].done) {
            record r = run.ring[run.head % run.slots];
            pthread_mutex_unlock(&run.lock);
            if (w.stopped) {
                w.not_taken++;
                free(r.result);
                free(r.bytes);
            } else {
                write_record(&w, &r);
            }
            pthread_mutex_lock(&run.lock);
            run.head++;
            run.bytes_in_flight -= r.length;
            if (w.stopped)
                run.stopped = true;
            pthread_cond_broadcast(&run.changed);
            progress_update(&meter, w.written, w.failed, run.bytes_read, run.files_done);
            continue;
        }
        if (run.head == run.tail && run.reading_done)
            break;
        if (run.head == run.tail && w.open) {
            /* Nothing is being coded: the input is slow (a pipe). Wait a little, then commit
             * what was stored so far rather than hold it back. */
            struct timespec until;
            clock_gettime(CLOCK_REALTIME, &until);
            until.tv_nsec += 200 * 1000000L;
            if (until.tv_nsec >= 1000000000L) {
                until.tv_sec++;
                until.tv_nsec -= 1000000000L;
            }
            if (pthread_cond_timedwait(&run.changed, &run.lock, &until) == ETIMEDOUT &&
                run.head == run.tail) {
                pthread_mutex_unlock(&run.lock);
                writer_end(&w);
                fflush(stdout);
                pthread_mutex_lock(&run.lock);
                if (w.stopped)
                    run.stopped = true;
                pthread_cond_broadcast(&run.changed);
            }
            continue;
        }
        if (run.head == run.tail)
            fflush(stdout); /* a streaming filter: what is done is passed on while we wait */
        pthread_cond_wait(&run.changed, &run.lock);
    }
    pthread_mutex_unlock(&run.lock);
    if (!w.stopped)
        writer_end(&w);
    fflush(stdout);
    pthread_join(reader, NULL);
    for (int j = 0; j < started; j++) {
        pthread_join(workers[j].thread, NULL);
        sitrep_coder_free(workers[j].coder);
    }
    progress_finish(&meter, w.written, w.failed);
    size_t not_taken = w.not_taken + run.not_taken;
    if (options->sink && options->sink->not_taken && not_taken)
        options->sink->not_taken(options->sink->user, not_taken);
    free(workers);
    free(run.ring);
    pthread_cond_destroy(&run.changed);
    pthread_mutex_destroy(&run.lock);
    return w.failed || w.stopped ? EXIT_RUNTIME : EXIT_OK;
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
