/* base.h - the foundation every pipeline stage builds on.
 *
 * Arena allocation (per-article memory, reset in one step), growable byte buffers with caps,
 * string slices, UTF-8 decoding and repair, hashing, diagnostics for user files, a JSON
 * writer that never emits invalid UTF-8, and file helpers. Nothing here knows about news.
 */
#ifndef SITREP_BASE_H
#define SITREP_BASE_H

#include "sitrep.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define MUST_CHECK SITREP_MUST_CHECK
#define ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))

#if defined(__GNUC__)
#define PRINTF_LIKE(f, a) __attribute__((format(printf, f, a)))
#define NORETURN __attribute__((noreturn))
#else
#define PRINTF_LIKE(f, a)
#define NORETURN
#endif

/* ---- fatal errors and checked allocation (die.c) ---- */

/* Prints "sitrep: fatal: MESSAGE" to stderr and aborts. Only for broken invariants and
 * allocation failure, never for bad input. */
NORETURN void die(const char *format, ...) PRINTF_LIKE(1, 2);

/* malloc/calloc/realloc/strdup that abort with a message on failure. Caller frees. */
void *xmalloc(size_t size);
void *xcalloc(size_t count, size_t size);
void *xrealloc(void *pointer, size_t size);
char *xstrdup(const char *string);

/* ---- arena (arena.c) ---- */

/* A bump allocator made of chunks. Everything one article needs comes from one arena,
 * released all at once by arena_reset. `cap` bounds the total bytes handed out. */
typedef struct arena_chunk arena_chunk;
typedef struct arena {
    arena_chunk *head;  /* current chunk */
    arena_chunk *spare; /* chunks kept for reuse after reset */
    arena_chunk *big;   /* blocks of ARENA_BIG bytes or more, one chunk each */
    size_t used_total;  /* bytes handed out since the last reset */
    size_t cap;         /* maximum bytes between resets */
    size_t peak;        /* highest used_total seen */
    bool exhausted;     /* an allocation failed at the cap since the last reset */
} arena;

void arena_init(arena *a, size_t cap);
void arena_release(arena *a);
/* Forgets every allocation; memory is kept for reuse. */
void arena_reset(arena *a);
/* Returns `size` bytes aligned to 16, or NULL when the arena cap would be exceeded (callers
 * turn that into SITREP_ELIMIT). Aborts on allocation failure. Owned by the arena. */
void *arena_alloc(arena *a, size_t size) MUST_CHECK;
/* Like arena_alloc but zeroed. */
void *arena_calloc(arena *a, size_t count, size_t size) MUST_CHECK;
/* Resizes the most recent allocation in place when possible, a large block (64 KiB or more,
 * which has a chunk of its own) by reallocating its chunk, otherwise copies. Returns NULL at
 * the cap (the old block stays valid). */
void *arena_grow(arena *a, void *old, size_t old_size, size_t new_size) MUST_CHECK;
/* Makes room for element number `count` in an arena array of `size`-byte elements holding
 * room for *cap: when full it doubles (from 16), moving the elements if it must, and updates
 * *cap. Returns the array (moved or not), or NULL at the arena cap (the old array stays
 * valid). Callers keep their own limit on the number of elements. */
void *arena_array_room(arena *a, void *items, size_t count, size_t *cap, size_t size) MUST_CHECK;
/* Copies `length` bytes and a NUL. NULL at the cap. */
char *arena_strndup(arena *a, const char *s, size_t length) MUST_CHECK;
/* printf into the arena. NULL at the cap. */
char *arena_printf(arena *a, const char *format, ...) PRINTF_LIKE(2, 3) MUST_CHECK;

/* ---- growable byte buffer (buf.c) ---- */

/* A heap buffer that is always NUL-terminated. `cap` (0 = unlimited) bounds its length;
 * appends past it fail with SITREP_ELIMIT and leave the buffer unchanged. */
typedef struct buf {
    char *data;
    size_t len;
    size_t alloc;
    size_t cap;
    bool full; /* an append failed at the cap (cleared by buf_reset) */
} buf;

void buf_init(buf *b, size_t cap);
void buf_release(buf *b);
void buf_reset(buf *b); /* len = 0, memory kept */
sitrep_status buf_append(buf *b, const void *data, size_t length) MUST_CHECK;
sitrep_status buf_append_str(buf *b, const char *s) MUST_CHECK;
sitrep_status buf_append_char(buf *b, char c) MUST_CHECK;
sitrep_status buf_printf(buf *b, const char *format, ...) PRINTF_LIKE(2, 3) MUST_CHECK;
sitrep_status buf_reserve(buf *b, size_t extra) MUST_CHECK;

/* ---- slices (str.c) ---- */

typedef struct slice {
    const char *ptr;
    size_t len;
} slice;

static inline slice slice_make(const char *p, size_t n)
{
    slice s = {p, n};
    return s;
}
slice slice_from_cstr(const char *s);
bool slice_eq(slice a, slice b);
bool slice_eq_cstr(slice a, const char *s);
/* ASCII case-insensitive comparison. */
bool slice_eq_nocase(slice a, const char *s);
slice slice_trim(slice s); /* strips ASCII white space at both ends */
bool slice_starts_with(slice s, const char *prefix);
/* Iterates the lines of a dictionary text from *cursor to end: returns false at the end,
 * otherwise the next line with a '#' comment removed and white space trimmed, skipping lines
 * left empty. *line counts lines read (from 1), for diagnostics. */
bool slice_next_line(const char **cursor, const char *end, long *line, slice *out);
bool slice_ends_with(slice s, const char *suffix);
/* True when the n bytes at s are all ASCII digits (true for n = 0). */
bool ascii_digits(const char *s, size_t n);

/* ---- UTF-8 (utf8.c) ---- */

/* Decodes one code point at s[0..n). Returns its length (1-4) and stores the code point, or
 * returns 0 for an invalid or truncated sequence (overlong forms, surrogates and values above
 * U+10FFFF are invalid). n must be > 0. */
int utf8_decode(const unsigned char *s, size_t n, uint32_t *codepoint);
/* Encodes a code point (<= 0x10FFFF) into out[4]; returns its length. */
int utf8_encode(uint32_t codepoint, char *out);
/* Returns the length of the longest valid UTF-8 prefix of s. */
size_t utf8_valid_prefix(const char *s, size_t n);
/* Copies s into the arena replacing each invalid byte by U+FFFD and removing NUL bytes and C0
 * controls other than tab, newline and carriage return (replaced by a space). Writes the
 * number of invalid bytes to *invalid. Returns the NUL-terminated copy and its length in
 * *out_len, or NULL at the arena cap. */
char *utf8_sanitize(arena *a, const char *s, size_t n, size_t *out_len, size_t *invalid);

/* ---- hashing (hash.c) ---- */

/* A fast 64-bit hash of bytes (not cryptographic); stable across runs and machines. */
uint64_t hash_bytes(const void *data, size_t length, uint64_t seed);
/* 32-bit CRC (IEEE 802.3, zlib's crc32_z) for file checksums; pass 0 to start, or the CRC of the
 * bytes before to continue. */
uint32_t hash_crc32(const void *data, size_t length, uint32_t crc);

/* ---- diagnostics (diag.c) ---- */

/* Where and what went wrong in a user file. Filled by parsers, printed by the CLI as
 * "sitrep: PATH:LINE: MESSAGE". line/column 0 means unknown. */
typedef struct diag {
    char path[512];
    long line;
    long column;
    char message[512];
} diag;

void diag_clear(diag *d);
/* Sets every field; returns SITREP_EPARSE for use in `return diag_set(...)`. */
sitrep_status diag_set(diag *d, const char *path, long line, const char *format, ...)
    PRINTF_LIKE(4, 5);
/* Formats "PATH:LINE: MESSAGE" (or "PATH: MESSAGE") into out. */
void diag_format(const diag *d, char *out, size_t outlen);

/* ---- JSON writer (json.c) ---- */

/* Streams JSON into a buf. Strings are escaped and invalid UTF-8 becomes U+FFFD, so the
 * output is always valid JSON. Pretty mode indents with two spaces. Errors (the buffer cap)
 * are sticky: check json_status() once at the end. */
typedef struct json_writer {
    buf *out;
    bool pretty;
    int depth;
    bool need_comma[64];
    bool after_key;
    sitrep_status status;
} json_writer;

void json_init(json_writer *w, buf *out, bool pretty);
void json_object_begin(json_writer *w);
void json_object_end(json_writer *w);
void json_array_begin(json_writer *w);
void json_array_end(json_writer *w);
void json_key(json_writer *w, const char *key);
void json_string(json_writer *w, const char *s, size_t length); /* s may be NULL: null */
void json_cstr(json_writer *w, const char *s);                  /* NULL writes null */
void json_int(json_writer *w, long long value);
void json_double(json_writer *w, double value); /* shortest round-trip-ish %.*g; NaN -> null */
/* value rounded to `decimals` places, trailing zeros dropped (51.70 -> 51.7); cheaper than
 * json_double for data with a known precision such as coordinates. NaN -> null. */
void json_fixed(json_writer *w, double value, int decimals);
void json_bool(json_writer *w, bool value);
void json_null(json_writer *w);
/* Writes json, which must already be one valid JSON value, as it is (e.g. an object stored
 * after it was parsed and checked). */
void json_raw(json_writer *w, const char *json, size_t length);
sitrep_status json_status(const json_writer *w);
/* Appends s escaped as JSON string content (no quotes) to b. */
sitrep_status json_escape(buf *b, const char *s, size_t length) MUST_CHECK;

/* ---- today's date (clock.c) ---- */

/* Writes today's UTC date "YYYY-MM-DD" (NUL-terminated) into out, or $SITREP_TODAY when it
 * holds a valid date of that form (reproducible runs and tests). */
void clock_today(char out[11]);

/* Writes a byte count for a message: "64 MiB", "1 GiB", "4 KiB", else "1234 bytes". */
void diag_size(char out[32], unsigned long long bytes);

/* ---- input streams (stream.c) ---- */

/* How far a line longer than the caller's limit is read on, looking for its end, before the
 * rest of the stream is given up (a stream without newlines, such as /dev/zero). */
#define STREAM_MAX_SKIP ((unsigned long long)1 << 30)

/* A file, pipe, standard input or memory buffer read as a stream of bytes. gzip data (any
 * number of members, recognised by its magic bytes whatever the name) is decompressed as it
 * is read. Buffers grow geometrically and never beyond what the caller's limit needs. */
typedef struct stream {
    char name[512]; /* the path, or "<stdin>", for messages */
    int fd;         /* -1: reading memory */
    bool close_fd;
    const unsigned char *memory;
    size_t memory_length, memory_pos;
    unsigned char *raw; /* bytes as read (compressed or not) */
    size_t raw_length, raw_pos;
    unsigned long long raw_offset; /* bytes of the input before raw[0] */
    bool raw_eof, detected, member_done;
    void *z;    /* z_stream while decompressing gzip */
    char *data; /* decoded bytes not yet handed out: data[start..end) */
    size_t start, end, scan, alloc;
    long line; /* lines handed out so far (stream_next_line) */
    bool eof, failed, failure_told;
    sitrep_status failure; /* when failed: the error, repeated to the next reader */
    char error[400];
} stream;

/* Opens path ("-": standard input) for reading. Fails with SITREP_EIO ("cannot open: ...")
 * in d. Close with stream_close. */
sitrep_status stream_open(stream *s, const char *path, diag *d) MUST_CHECK;
/* A stream over length bytes at data (not copied: they must outlive the stream); name is
 * used in messages. */
void stream_open_memory(stream *s, const char *name, const void *data, size_t length);
void stream_close(stream *s);
/* True once the stream has been recognised as gzip (after the first read). */
bool stream_is_gzip(const stream *s);
/* Lines handed out so far by stream_next_line (the number of the last one). */
long stream_line(const stream *s);
/* The first byte that is not white space among the next `within` bytes, without consuming
 * anything; -1 when there is none (or at the end, or on a read error: the next read says so). */
int stream_peek_nonspace(stream *s, size_t within, diag *d);
/* Reads the rest of the stream into a heap buffer (NUL appended; caller frees *data). Fails
 * with SITREP_ELIMIT when it is (or decompresses to) more than max_bytes ("larger than the
 * limit of 256 MiB"), SITREP_EIO on a read error, SITREP_EPARSE on corrupt or truncated gzip
 * data; d says which (path, and the limit or the byte offset). */
sitrep_status stream_read_all(stream *s, size_t max_bytes, char **data, size_t *length,
                              diag *d) MUST_CHECK;
/* Reads the next line (without its "\n" or "\r\n"; it may hold any byte, NUL included) into
 * *line and *length; *line points into the stream's buffer until the next call and is NULL at
 * the end. A line longer than max_line is skipped and reported as SITREP_ELIMIT with its line
 * number in d ("line is longer than the limit of 64 MiB; skipped"): reading may go on. When
 * the line has no end within STREAM_MAX_SKIP bytes, or on SITREP_EIO or SITREP_EPARSE (corrupt
 * gzip data), the stream is finished: the next call returns the end. */
sitrep_status stream_next_line(stream *s, size_t max_line, const char **line, size_t *length,
                               diag *d) MUST_CHECK;

/* ---- files and paths (file.c) ---- */

/* Reads a whole file (or stdin when path is "-"; gzip is decompressed) into a heap buffer
 * with a NUL appended. Fails with SITREP_EIO (d says why, e.g. "cannot open: No such file or
 * directory"), SITREP_ELIMIT when the file exceeds max_bytes, or SITREP_EPARSE for corrupt
 * gzip data (stream_read_all). Caller frees *data. */
sitrep_status file_read_all(const char *path, size_t max_bytes, char **data, size_t *length,
                            diag *d) MUST_CHECK;
/* Finds the data directory: $SITREP_DATA; else `data/` beside the executable's parent
 * directory (the source tree: build/sitrep -> data/); else ../share/sitrep relative to the
 * executable (an installed PREFIX/bin/sitrep); else the compiled-in SITREP_DATADIR. Writes
 * the path into out and returns true when the directory exists. */
bool path_find_data_dir(char *out, size_t outlen);

bool path_is_dir(const char *path);
/* Returns the extension of a path without the dot ("jsonl"), or "" when there is none. */
const char *path_extension(const char *path);

#endif
