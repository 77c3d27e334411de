/* fuzz_stream.c - libFuzzer target for the batch reader's streams (base/stream.c): the input is
 * read as lines and whole, plain and (when it is not gzip already) after gzip compression.
 * Checked: the same lines, line numbers and statuses either way; no line over the limit is
 * handed out; buffers stay within the limit; an error always says where and why.
 */
#include "base/base.h"

#include <stdlib.h>
#include <string.h>
#include <zlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* A digest of every line and status of a stream, and the number of lines. */
static uint64_t read_lines(stream *s, size_t max_line, long *lines)
{
    uint64_t h = 0;
    *lines = 0;
    for (int guard = 0; guard < 1 << 20; guard++) {
        const char *line;
        size_t length;
        diag d;
        diag_clear(&d);
        sitrep_status st = stream_next_line(s, max_line, &line, &length, &d);
        if (st) {
            if (!d.message[0] || !d.path[0])
                abort(); /* an error must say where and what */
            h = hash_bytes(&st, sizeof st, h) ^ (uint64_t)d.line;
            if (st != SITREP_ELIMIT || s->failed)
                return h; /* the stream is finished */
            continue;
        }
        if (!line)
            return h;
        if (length > max_line)
            abort();
        if (s->alloc > max_line * 2 + ((size_t)4 << 20))
            abort(); /* the buffer grows with the limit, not with the input */
        h = hash_bytes(line, length, h + 1);
        (*lines)++;
    }
    abort(); /* more lines than bytes */
}

static unsigned char *gzip(const uint8_t *data, size_t size, size_t *out_len)
{
    z_stream z;
    memset(&z, 0, sizeof z);
    if (deflateInit2(&z, 1, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY) != Z_OK)
        abort();
    size_t cap = deflateBound(&z, (uLong)size) + 64;
    unsigned char *out = malloc(cap);
    z.next_in = (unsigned char *)data;
    z.avail_in = (uInt)size;
    z.next_out = out;
    z.avail_out = (uInt)cap;
    if (deflate(&z, Z_FINISH) != Z_STREAM_END)
        abort();
    *out_len = cap - z.avail_out;
    deflateEnd(&z);
    return out;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    size_t max_line = 1 + data[0] % 64; /* small limits reach the limit paths */
    data++;
    size--;
    stream s;
    long plain_lines;
    stream_open_memory(&s, "fuzz", data, size);
    uint64_t plain = read_lines(&s, max_line, &plain_lines);
    bool was_gzip = stream_is_gzip(&s);
    stream_close(&s);

    char *all;
    size_t length;
    diag d;
    diag_clear(&d);
    stream_open_memory(&s, "fuzz", data, size);
    sitrep_status st = stream_read_all(&s, max_line * 4, &all, &length, &d);
    if (st == SITREP_OK) {
        if (length > max_line * 4 || all[length] != '\0' || (!was_gzip && length != size) ||
            (!was_gzip && memcmp(all, data, size) != 0))
            abort();
        free(all);
    } else if (!d.message[0]) {
        abort();
    }
    stream_close(&s);

    if (!was_gzip) {
        /* the same bytes compressed read the same */
        size_t zlen;
        unsigned char *z = gzip(data, size, &zlen);
        long zipped_lines;
        stream_open_memory(&s, "fuzz.gz", z, zlen);
        uint64_t zipped = read_lines(&s, max_line, &zipped_lines);
        if (!stream_is_gzip(&s) || zipped != plain || zipped_lines != plain_lines)
            abort();
        stream_close(&s);
        free(z);
    }
    return 0;
}
