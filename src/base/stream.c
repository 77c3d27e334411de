/* stream.c - reading input as a stream: files, pipes, standard input or memory, plain or
 * gzip-compressed (detected by its magic bytes, whatever the name), as lines or whole.
 *
 * Buffers grow geometrically and stop at the caller's limit, so /dev/zero, an endless pipe or
 * a zip bomb ends with an error that names the limit, never with unbounded memory or time.
 * Used by the batch runner (cmd/batch.c) and file_read_all; fuzzed by fuzz/fuzz_stream.c.
 */
#include "base.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#define RAW_CHUNK ((size_t)128 << 10) /* bytes read from the file at a time */
#define FILL_CHUNK ((size_t)64 << 10) /* room made in the decoded buffer before a fill */

static void stream_init(stream *s, const char *name)
{
    memset(s, 0, sizeof *s);
    snprintf(s->name, sizeof s->name, "%s", name);
    s->fd = -1;
}

sitrep_status stream_open(stream *s, const char *path, diag *d)
{
    bool is_stdin = strcmp(path, "-") == 0;
    stream_init(s, is_stdin ? "<stdin>" : path);
    if (is_stdin) {
        s->fd = 0;
        return SITREP_OK;
    }
    s->fd = open(path, O_RDONLY | O_CLOEXEC);
    if (s->fd < 0) {
        diag_set(d, path, 0, "cannot open: %s", strerror(errno));
        return SITREP_EIO;
    }
    s->close_fd = true;
    return SITREP_OK;
}

void stream_open_memory(stream *s, const char *name, const void *data, size_t length)
{
    stream_init(s, name);
    s->memory = data;
    s->memory_length = length;
}

void stream_close(stream *s)
{
    if (s->close_fd && s->fd >= 0)
        close(s->fd);
    if (s->z) {
        inflateEnd(s->z);
        free(s->z);
    }
    free(s->raw);
    free(s->data);
    s->fd = -1;
    s->close_fd = false;
    s->z = NULL;
    s->raw = NULL;
    s->data = NULL;
}

/* Fails the stream: nothing more is read from it. */
static sitrep_status fail(stream *s, sitrep_status status, diag *d, long line, const char *what,
                          ...) PRINTF_LIKE(5, 6);
static sitrep_status fail(stream *s, sitrep_status status, diag *d, long line, const char *what,
                          ...)
{
    char message[400];
    va_list args;
    va_start(args, what);
    vsnprintf(message, sizeof message, what, args);
    va_end(args);
    diag_set(d, s->name, line, "%s", message);
    snprintf(s->error, sizeof s->error, "%s", message);
    s->failure = status;
    s->failed = true;
    s->eof = true;
    return status;
}

/* Reads more raw (possibly compressed) bytes into s->raw. *got is 0 at the end. */
static sitrep_status raw_read(stream *s, size_t *got, diag *d)
{
    *got = 0;
    if (s->raw_eof)
        return SITREP_OK;
    if (!s->raw)
        s->raw = xmalloc(RAW_CHUNK);
    if (s->raw_pos > 0) {
        s->raw_offset += s->raw_pos;
        memmove(s->raw, s->raw + s->raw_pos, s->raw_length - s->raw_pos);
        s->raw_length -= s->raw_pos;
        s->raw_pos = 0;
    }
    size_t room = RAW_CHUNK - s->raw_length;
    if (room == 0)
        return SITREP_OK;
    if (s->fd < 0) {
        size_t n = s->memory_length - s->memory_pos;
        if (n > room)
            n = room;
        if (n)
            memcpy(s->raw + s->raw_length, s->memory + s->memory_pos, n);
        s->memory_pos += n;
        s->raw_length += n;
        *got = n;
    } else {
        ssize_t n;
        do
            n = read(s->fd, s->raw + s->raw_length, room);
        while (n < 0 && errno == EINTR);
        if (n < 0)
            return fail(s, SITREP_EIO, d, 0, "cannot read: %s", strerror(errno));
        s->raw_length += (size_t)n;
        *got = (size_t)n;
    }
    if (*got == 0)
        s->raw_eof = true;
    return SITREP_OK;
}

/* Decides, from the first two bytes, whether the stream is gzip. */
static sitrep_status detect(stream *s, diag *d)
{
    s->detected = true;
    while (s->raw_length - s->raw_pos < 2 && !s->raw_eof) {
        size_t got;
        sitrep_status st = raw_read(s, &got, d);
        if (st)
            return st;
    }
    const unsigned char *p = s->raw ? s->raw + s->raw_pos : NULL;
    if (p && s->raw_length - s->raw_pos >= 2 && p[0] == 0x1f && p[1] == 0x8b) {
        z_stream *z = xcalloc(1, sizeof *z);
        if (inflateInit2(z, 16 + MAX_WBITS) != Z_OK) {
            free(z);
            die("cannot initialise zlib");
        }
        s->z = z;
    }
    return SITREP_OK;
}

/* Makes room for at least FILL_CHUNK more decoded bytes after s->end, moving the unread part
 * to the front first and doubling the buffer when that is not enough. */
static void make_room(stream *s)
{
    if (s->start > 0 && (s->alloc - s->end < FILL_CHUNK || s->start == s->end)) {
        memmove(s->data, s->data + s->start, s->end - s->start);
        s->end -= s->start;
        s->scan -= s->start;
        s->start = 0;
    }
    if (s->alloc - s->end < FILL_CHUNK) {
        size_t size = s->alloc ? s->alloc : FILL_CHUNK * 2;
        while (size - s->end < FILL_CHUNK)
            size *= 2;
        s->data = xrealloc(s->data, size + 1); /* + 1: room for a NUL after a whole read */
        s->alloc = size;
    }
}

/* Appends more decoded bytes to s->data. *got is 0 at the end of the stream. */
static sitrep_status fill(stream *s, size_t *got, diag *d)
{
    *got = 0;
    if (s->failed) /* said again to whoever reads next (a peek does not report it) */
        return diag_set(d, s->name, 0, "%s", s->error), s->failure;
    if (s->eof)
        return SITREP_OK;
    sitrep_status st;
    if (!s->detected && (st = detect(s, d)))
        return st;
    make_room(s);
    size_t room = s->alloc - s->end;
    if (!s->z) {
        if (s->raw_pos == s->raw_length) {
            size_t n;
            if ((st = raw_read(s, &n, d)))
                return st;
        }
        size_t n = s->raw_length - s->raw_pos;
        if (n > room)
            n = room;
        memcpy(s->data + s->end, s->raw + s->raw_pos, n);
        s->raw_pos += n;
        s->end += n;
        *got = n;
        if (n == 0)
            s->eof = true;
        return SITREP_OK;
    }
    z_stream *z = s->z;
    while (*got == 0) {
        if (s->raw_pos == s->raw_length) {
            size_t n;
            if ((st = raw_read(s, &n, d)))
                return st;
            if (n == 0) {
                if (s->member_done) { /* the last member ended with the input */
                    s->eof = true;
                    return SITREP_OK;
                }
                return fail(s, SITREP_EPARSE, d, 0,
                            "truncated gzip data: the compressed stream ends at byte %llu "
                            "before its end",
                            s->raw_offset + s->raw_length);
            }
        }
        if (s->member_done) {
            /* Another member may follow (`cat a.gz b.gz`); anything else is an error, not
             * data silently ignored. */
            const unsigned char *p = s->raw + s->raw_pos;
            size_t left = s->raw_length - s->raw_pos;
            if (left < 2 && !s->raw_eof) {
                size_t n;
                if ((st = raw_read(s, &n, d)))
                    return st;
                continue;
            }
            if (left < 2 || p[0] != 0x1f || p[1] != 0x8b)
                return fail(s, SITREP_EPARSE, d, 0,
                            "data after the end of the gzip stream at byte %llu",
                            s->raw_offset + s->raw_pos);
            inflateReset(z);
            s->member_done = false;
        }
        z->next_in = s->raw + s->raw_pos;
        z->avail_in = (uInt)(s->raw_length - s->raw_pos);
        z->next_out = (unsigned char *)s->data + s->end;
        z->avail_out = (uInt)(room > ((size_t)1 << 30) ? (size_t)1 << 30 : room);
        uInt before_out = z->avail_out;
        uInt before_in = z->avail_in;
        int rc = inflate(z, Z_NO_FLUSH);
        size_t used = before_in - z->avail_in;
        s->raw_pos += used;
        size_t out = before_out - z->avail_out;
        s->end += out;
        *got = out;
        if (rc == Z_STREAM_END) {
            s->member_done = true;
        } else if (rc != Z_OK && !(rc == Z_BUF_ERROR && used == 0 && out == 0)) {
            return fail(s, SITREP_EPARSE, d, 0, "corrupt gzip data near byte %llu: %s",
                        s->raw_offset + s->raw_pos, z->msg ? z->msg : "invalid data");
        }
    }
    return SITREP_OK;
}

bool stream_is_gzip(const stream *s)
{
    return s->z != NULL;
}

long stream_line(const stream *s)
{
    return s->line;
}

int stream_peek_nonspace(stream *s, size_t within, diag *d)
{
    size_t i = s->start;
    for (;;) {
        for (; i < s->end && i - s->start < within; i++) {
            char c = s->data[i];
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
                return (unsigned char)c;
        }
        if (i - s->start >= within)
            return -1;
        size_t got;
        size_t offset = i - s->start;
        if (fill(s, &got, d) || got == 0)
            return -1;
        i = s->start + offset; /* fill may have moved the data */
    }
}

sitrep_status stream_read_all(stream *s, size_t max_bytes, char **data, size_t *length, diag *d)
{
    *data = NULL;
    *length = 0;
    for (;;) {
        if (s->end - s->start > max_bytes) {
            char limit[32];
            diag_size(limit, max_bytes);
            return fail(s, SITREP_ELIMIT, d, 0, "%s than the limit of %s",
                        s->z ? "decompresses to more" : "larger", limit);
        }
        size_t got;
        sitrep_status st = fill(s, &got, d);
        if (st)
            return st;
        if (got == 0)
            break;
    }
    if (s->start > 0)
        memmove(s->data, s->data + s->start, s->end - s->start);
    size_t n = s->end - s->start;
    char *p = s->data ? s->data : xmalloc(1);
    p[n] = '\0';
    *data = p;
    *length = n;
    s->data = NULL;
    s->start = s->end = s->scan = s->alloc = 0;
    return SITREP_OK;
}

sitrep_status stream_next_line(stream *s, size_t max_line, const char **line, size_t *length,
                               diag *d)
{
    *line = NULL;
    *length = 0;
    if (s->failed && s->failure_told)
        return SITREP_OK;
    bool skipping = false;
    unsigned long long skipped = 0;
    for (;;) {
        char *nl = s->scan < s->end ? memchr(s->data + s->scan, '\n', s->end - s->scan) : NULL;
        if (nl || (s->eof && s->end > s->start)) {
            size_t n = nl ? (size_t)(nl - (s->data + s->start)) : s->end - s->start;
            const char *p = s->data + s->start;
            s->start += n + (nl ? 1 : 0);
            s->scan = s->start;
            s->line++;
            if (skipping || n > max_line) {
                char limit[32];
                diag_size(limit, max_line);
                diag_set(d, s->name, s->line, "line is longer than the limit of %s; skipped",
                         limit);
                return SITREP_ELIMIT;
            }
            if (n && p[n - 1] == '\r')
                n--;
            *line = p;
            *length = n;
            return SITREP_OK;
        }
        if (s->eof) {
            if (skipping) { /* the over-long last line had no newline */
                char limit[32];
                diag_size(limit, max_line);
                s->line++;
                diag_set(d, s->name, s->line, "line is longer than the limit of %s; skipped",
                         limit);
                return SITREP_ELIMIT;
            }
            return SITREP_OK;
        }
        s->scan = s->end;
        if (s->end - s->start > max_line) {
            /* Drop what there is of this line and read on to its end, but not forever: a
             * stream with no newline (/dev/zero) is given up. */
            skipped += s->end - s->start;
            skipping = true;
            s->start = s->scan = s->end;
            if (skipped > STREAM_MAX_SKIP) {
                char limit[32], skip[32];
                diag_size(limit, max_line);
                diag_size(skip, STREAM_MAX_SKIP);
                s->failure_told = true;
                return fail(s, SITREP_ELIMIT, d, s->line + 1,
                            "line is longer than the limit of %s and has no end within %s; "
                            "the rest of the input is skipped",
                            limit, skip);
            }
        }
        size_t got;
        sitrep_status st = fill(s, &got, d);
        if (st) {
            d->line = s->line + 1;
            s->failure_told = true;
            return st;
        }
    }
}
