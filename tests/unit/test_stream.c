/* test_stream.c - unit tests for base/stream.c: lines with any byte, CRLF, over-long lines
 * skipped with their line number and the limit, streams without a newline given up, gzip
 * (one or several members) decoded the same as plain bytes, corrupt, truncated and trailing
 * gzip data reported, whole reads stopped at their limit, standard input sniffing.
 */
#include "unit.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>

/* gzip-compresses n bytes into a heap buffer. */
static unsigned char *gzip_bytes(const void *data, size_t n, size_t *out_len)
{
    z_stream z;
    memset(&z, 0, sizeof z);
    assert_int_equal(deflateInit2(&z, 6, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY), Z_OK);
    size_t cap = deflateBound(&z, (uLong)n) + 64;
    unsigned char *out = malloc(cap);
    z.next_in = (unsigned char *)data;
    z.avail_in = (uInt)n;
    z.next_out = out;
    z.avail_out = (uInt)cap;
    assert_int_equal(deflate(&z, Z_FINISH), Z_STREAM_END);
    *out_len = cap - z.avail_out;
    deflateEnd(&z);
    return out;
}

/* All lines of a stream joined by '|', statuses as "!LIMIT@N" / "!ERR@N". */
static void collect(stream *s, size_t max_line, char *out, size_t outlen)
{
    out[0] = '\0';
    size_t used = 0;
    for (int guard = 0; guard < 1000; guard++) {
        const char *line;
        size_t length;
        diag d;
        diag_clear(&d);
        sitrep_status st = stream_next_line(s, max_line, &line, &length, &d);
        int k;
        if (st == SITREP_ELIMIT)
            k = snprintf(out + used, outlen - used, "!LIMIT@%ld|", d.line);
        else if (st)
            k = snprintf(out + used, outlen - used, "!ERR@%ld|", d.line);
        else if (!line)
            break;
        else
            k = snprintf(out + used, outlen - used, "%.*s|", (int)length, line);
        used += (size_t)k;
        if (st && s->failed)
            break;
    }
}

static void lines_keep_every_byte(void **state)
{
    (void)state;
    static const char text[] = "one\r\ntwo\0nul\n\nlast";
    stream s;
    stream_open_memory(&s, "mem", text, sizeof text - 1);
    const char *line;
    size_t length;
    diag d;
    assert_int_equal(stream_next_line(&s, 100, &line, &length, &d), SITREP_OK);
    assert_int_equal(length, 3);
    assert_memory_equal(line, "one", 3);
    assert_int_equal(stream_next_line(&s, 100, &line, &length, &d), SITREP_OK);
    assert_int_equal(length, 7);
    assert_memory_equal(line, "two\0nul", 7);
    assert_int_equal(stream_next_line(&s, 100, &line, &length, &d), SITREP_OK);
    assert_int_equal(length, 0);
    assert_int_equal(stream_next_line(&s, 100, &line, &length, &d), SITREP_OK);
    assert_int_equal(length, 4);
    assert_int_equal(stream_line(&s), 4);
    assert_int_equal(stream_next_line(&s, 100, &line, &length, &d), SITREP_OK);
    assert_null(line);
    stream_close(&s);
}

static void long_line_is_skipped_with_its_number(void **state)
{
    (void)state;
    size_t n = 3 << 20;
    char *text = malloc(n);
    memset(text, 'x', n);
    memcpy(text, "a\nb\n", 4);
    memcpy(text + n - 4, "\nzz\n", 4);
    stream s;
    stream_open_memory(&s, "big.jsonl", text, n);
    const char *line;
    size_t length;
    diag d;
    assert_int_equal(stream_next_line(&s, 1 << 20, &line, &length, &d), SITREP_OK);
    assert_int_equal(stream_next_line(&s, 1 << 20, &line, &length, &d), SITREP_OK);
    diag_clear(&d);
    assert_int_equal(stream_next_line(&s, 1 << 20, &line, &length, &d), SITREP_ELIMIT);
    assert_int_equal(d.line, 3);
    assert_string_equal(d.path, "big.jsonl");
    assert_non_null(strstr(d.message, "limit of 1 MiB"));
    assert_int_equal(stream_next_line(&s, 1 << 20, &line, &length, &d), SITREP_OK);
    assert_int_equal(length, 2);
    assert_memory_equal(line, "zz", 2);
    assert_int_equal(stream_line(&s), 4);
    /* the buffer never held the whole long line */
    assert_true(s.alloc < (size_t)(3 << 20));
    stream_close(&s);
    free(text);
}

static void endless_line_is_given_up(void **state)
{
    (void)state;
    /* /dev/zero: no newline ever; the stream ends with an error after STREAM_MAX_SKIP */
    stream s;
    diag d;
    diag_clear(&d);
    assert_int_equal(stream_open(&s, "/dev/zero", &d), SITREP_OK);
    const char *line;
    size_t length;
    assert_int_equal(stream_next_line(&s, 1 << 20, &line, &length, &d), SITREP_ELIMIT);
    assert_int_equal(d.line, 1);
    assert_non_null(strstr(d.message, "no end within 1 GiB"));
    assert_true(s.failed);
    assert_int_equal(stream_next_line(&s, 1 << 20, &line, &length, &d), SITREP_OK);
    assert_null(line);
    stream_close(&s);
}

static void gzip_reads_like_plain(void **state)
{
    (void)state;
    char text[4000];
    size_t n = 0;
    for (int i = 0; i < 200; i++)
        n += (size_t)snprintf(text + n, sizeof text - n, "line %d\n", i);
    size_t zlen;
    unsigned char *z = gzip_bytes(text, n, &zlen);
    char plain[8000], unzipped[8000];
    stream s;
    stream_open_memory(&s, "p", text, n);
    collect(&s, 100, plain, sizeof plain);
    stream_close(&s);
    stream_open_memory(&s, "z", z, zlen);
    collect(&s, 100, unzipped, sizeof unzipped);
    assert_true(stream_is_gzip(&s));
    stream_close(&s);
    assert_string_equal(plain, unzipped);
    assert_non_null(strstr(plain, "line 199|"));
    free(z);
}

static void gzip_members_are_concatenated(void **state)
{
    (void)state;
    size_t a_len, b_len;
    unsigned char *a = gzip_bytes("first\nsec", 9, &a_len);
    unsigned char *b = gzip_bytes("ond\nthird\n", 10, &b_len);
    unsigned char *both = malloc(a_len + b_len);
    memcpy(both, a, a_len);
    memcpy(both + a_len, b, b_len);
    stream s;
    char out[200];
    stream_open_memory(&s, "ab.gz", both, a_len + b_len);
    collect(&s, 100, out, sizeof out);
    stream_close(&s);
    assert_string_equal(out, "first|second|third|");
    free(a);
    free(b);
    free(both);
}

static void gzip_damage_is_reported(void **state)
{
    (void)state;
    char text[1000];
    for (size_t i = 0; i < sizeof text; i++)
        text[i] = i % 50 == 49 ? '\n' : (char)('a' + i % 26);
    size_t zlen;
    unsigned char *z = gzip_bytes(text, sizeof text, &zlen);
    stream s;
    char *all;
    size_t n;
    diag d;
    /* truncated */
    stream_open_memory(&s, "cut.gz", z, zlen - 10);
    diag_clear(&d);
    assert_int_equal(stream_read_all(&s, 1 << 20, &all, &n, &d), SITREP_EPARSE);
    assert_non_null(strstr(d.message, "truncated gzip"));
    stream_close(&s);
    /* a flipped byte in the compressed data or the checksum */
    unsigned char *bad = malloc(zlen);
    memcpy(bad, z, zlen);
    bad[zlen - 6] ^= 0x55;
    stream_open_memory(&s, "bad.gz", bad, zlen);
    diag_clear(&d);
    assert_int_equal(stream_read_all(&s, 1 << 20, &all, &n, &d), SITREP_EPARSE);
    assert_non_null(strstr(d.message, "corrupt gzip"));
    stream_close(&s);
    /* trailing junk after the last member */
    unsigned char *junk = malloc(zlen + 3);
    memcpy(junk, z, zlen);
    memcpy(junk + zlen, "xyz", 3);
    stream_open_memory(&s, "junk.gz", junk, zlen + 3);
    diag_clear(&d);
    assert_int_equal(stream_read_all(&s, 1 << 20, &all, &n, &d), SITREP_EPARSE);
    assert_non_null(strstr(d.message, "after the end of the gzip stream"));
    stream_close(&s);
    free(z);
    free(bad);
    free(junk);
}

static void read_all_stops_at_the_limit(void **state)
{
    (void)state;
    /* a zip bomb: 8 MiB of zeros compress to a few KB; the limit is on what comes out */
    size_t n = 8 << 20;
    char *zeros = calloc(1, n);
    size_t zlen;
    unsigned char *z = gzip_bytes(zeros, n, &zlen);
    assert_true(zlen < 64 * 1024);
    stream s;
    char *all;
    size_t len;
    diag d;
    diag_clear(&d);
    stream_open_memory(&s, "bomb.txt.gz", z, zlen);
    assert_int_equal(stream_read_all(&s, 1 << 20, &all, &len, &d), SITREP_ELIMIT);
    assert_string_equal(d.path, "bomb.txt.gz");
    assert_non_null(strstr(d.message, "decompresses to more than the limit of 1 MiB"));
    assert_true(s.alloc < (size_t)(4 << 20));
    stream_close(&s);
    /* under the limit: everything, NUL-terminated */
    stream_open_memory(&s, "ok", "abc", 3);
    assert_int_equal(stream_read_all(&s, 3, &all, &len, &d), SITREP_OK);
    assert_int_equal(len, 3);
    assert_string_equal(all, "abc");
    free(all);
    stream_close(&s);
    free(z);
    free(zeros);
}

static void peek_does_not_consume(void **state)
{
    (void)state;
    stream s;
    diag d;
    stream_open_memory(&s, "in", "  \n\t{\"a\":1}\n", 13);
    assert_int_equal(stream_peek_nonspace(&s, 1024, &d), '{');
    const char *line;
    size_t length;
    assert_int_equal(stream_next_line(&s, 100, &line, &length, &d), SITREP_OK);
    assert_int_equal(length, 2);
    assert_int_equal(stream_next_line(&s, 100, &line, &length, &d), SITREP_OK);
    assert_memory_equal(line, "\t{\"a\":1}", 8);
    stream_close(&s);
    stream_open_memory(&s, "blank", "   ", 3);
    assert_int_equal(stream_peek_nonspace(&s, 1024, &d), -1);
    stream_close(&s);
}

static void files_open_errors_and_directories(void **state)
{
    (void)state;
    stream s;
    diag d;
    diag_clear(&d);
    assert_int_equal(stream_open(&s, "/nonexistent/x.txt", &d), SITREP_EIO);
    assert_non_null(strstr(d.message, "cannot open"));
    char *all;
    size_t n;
    assert_int_equal(stream_open(&s, "/", &d), SITREP_OK);
    diag_clear(&d);
    assert_int_equal(stream_read_all(&s, 100, &all, &n, &d), SITREP_EIO);
    assert_non_null(strstr(d.message, "Is a directory"));
    stream_close(&s);
    /* file_read_all goes through a stream: a gzip file reads decompressed */
    char path[] = "/tmp/sitrep-test-stream-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    size_t zlen;
    unsigned char *z = gzip_bytes("hello gzip\n", 11, &zlen);
    assert_int_equal(write(fd, z, zlen), (ssize_t)zlen);
    close(fd);
    assert_int_equal(file_read_all(path, 100, &all, &n, &d), SITREP_OK);
    assert_string_equal(all, "hello gzip\n");
    free(all);
    unlink(path);
    free(z);
}

static void sizes_are_named(void **state)
{
    (void)state;
    char out[32];
    diag_size(out, (unsigned long long)256 << 20);
    assert_string_equal(out, "256 MiB");
    diag_size(out, (unsigned long long)1 << 30);
    assert_string_equal(out, "1 GiB");
    diag_size(out, 4096);
    assert_string_equal(out, "4 KiB");
    diag_size(out, 1000);
    assert_string_equal(out, "1000 bytes");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(lines_keep_every_byte),
        cmocka_unit_test(long_line_is_skipped_with_its_number),
        cmocka_unit_test(endless_line_is_given_up),
        cmocka_unit_test(gzip_reads_like_plain),
        cmocka_unit_test(gzip_members_are_concatenated),
        cmocka_unit_test(gzip_damage_is_reported),
        cmocka_unit_test(read_all_stops_at_the_limit),
        cmocka_unit_test(peek_does_not_consume),
        cmocka_unit_test(files_open_errors_and_directories),
        cmocka_unit_test(sizes_are_named),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
