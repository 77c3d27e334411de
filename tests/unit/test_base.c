/* test_base.c - unit tests for base/: arena, buf, utf8, json writer, hashing, dates. */
#include "unit.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include <string.h>

static void arena_allocates_aligned_and_resets(void **state)
{
    (void)state;
    arena a;
    arena_init(&a, 1 << 20);
    char *p = arena_alloc(&a, 3);
    char *q = arena_alloc(&a, 5);
    assert_non_null(p);
    assert_non_null(q);
    assert_int_equal((uintptr_t)q % 16, 0);
    assert_true(q >= p + 3);
    arena_reset(&a);
    assert_int_equal(a.used_total, 0);
    arena_release(&a);
}

static void arena_cap_returns_null(void **state)
{
    (void)state;
    arena a;
    arena_init(&a, 1000);
    assert_non_null(arena_alloc(&a, 500));
    assert_null(arena_alloc(&a, 600));
    arena_release(&a);
}

static void arena_grow_keeps_contents(void **state)
{
    (void)state;
    arena a;
    arena_init(&a, 64 << 20);
    int *v = arena_alloc(&a, 4 * sizeof(int));
    for (int i = 0; i < 4; i++)
        v[i] = i;
    int *w = arena_grow(&a, v, 4 * sizeof(int), 1000000 * sizeof(int));
    assert_non_null(w);
    for (int i = 0; i < 4; i++)
        assert_int_equal(w[i], i);
    arena_release(&a);
}

static void arena_array_room_doubles(void **state)
{
    (void)state;
    arena a;
    arena_init(&a, 1 << 20);
    int *items = NULL;
    size_t cap = 0;
    for (size_t n = 0; n < 100; n++) {
        items = arena_array_room(&a, items, n, &cap, sizeof *items);
        assert_non_null(items);
        assert_true(cap > n);
        items[n] = (int)n;
    }
    assert_int_equal(cap, 128);
    for (int i = 0; i < 100; i++)
        assert_int_equal(items[i], i);
    arena_release(&a);
    arena_init(&a, 256);
    items = NULL;
    cap = 0;
    assert_null(arena_array_room(&a, items, 0, &cap, 1024)); /* past the arena cap */
    arena_release(&a);
}

static void buf_cap_is_enforced(void **state)
{
    (void)state;
    buf b;
    buf_init(&b, 10);
    assert_int_equal(buf_append_str(&b, "hello"), SITREP_OK);
    assert_int_equal(buf_append_str(&b, "world!"), SITREP_ELIMIT);
    assert_string_equal(b.data, "hello");
    assert_int_equal(buf_printf(&b, "%d", 12345), SITREP_OK);
    assert_string_equal(b.data, "hello12345");
    buf_release(&b);
}

static void utf8_decode_rejects_bad_sequences(void **state)
{
    (void)state;
    uint32_t cp;
    assert_int_equal(utf8_decode((const unsigned char *)"\xE2\x80\x99", 3, &cp), 3);
    assert_int_equal(cp, 0x2019);
    assert_int_equal(utf8_decode((const unsigned char *)"\xC0\xAF", 2, &cp), 0);     /* overlong */
    assert_int_equal(utf8_decode((const unsigned char *)"\xED\xA0\x80", 3, &cp), 0); /* surrogate */
    assert_int_equal(utf8_decode((const unsigned char *)"\xF4\x90\x80\x80", 4, &cp), 0);
    assert_int_equal(utf8_decode((const unsigned char *)"\xE2\x80", 2, &cp), 0); /* truncated */
}

static void utf8_sanitize_replaces_and_counts(void **state)
{
    (void)state;
    arena a;
    arena_init(&a, 1 << 20);
    size_t n, bad;
    const char in[] = "ok\xFF\xFEyes\0no\x01";
    char *out = utf8_sanitize(&a, in, sizeof in - 1, &n, &bad);
    assert_int_equal(bad, 2);
    assert_string_equal(out, "ok\xEF\xBF\xBD\xEF\xBF\xBDyes no ");
    assert_int_equal(utf8_valid_prefix(out, n), n);
    arena_release(&a);
}

static void json_writer_escapes_and_repairs(void **state)
{
    (void)state;
    buf b;
    buf_init(&b, 0);
    json_writer w;
    json_init(&w, &b, false);
    json_object_begin(&w);
    json_key(&w, "s");
    json_cstr(&w, "a\"b\\c\n\x01\xFF");
    json_key(&w, "n");
    json_null(&w);
    json_key(&w, "a");
    json_array_begin(&w);
    json_int(&w, -3);
    json_double(&w, 8.3);
    json_double(&w, 40);
    json_double(&w, -0.25);
    json_bool(&w, true);
    json_array_end(&w);
    json_object_end(&w);
    assert_int_equal(json_status(&w), SITREP_OK);
    assert_string_equal(
        b.data,
        "{\"s\":\"a\\\"b\\\\c\\n\\u0001\xEF\xBF\xBD\",\"n\":null,\"a\":[-3,8.3,40,-0.25,true]}");
    buf_release(&b);
}

/* The shortest %.*g that reads back, as json_double wrote every number before its fast path. */
static void shortest_g(double value, char *out, size_t size)
{
    if (value == floor(value) && fabs(value) < 1e15) {
        snprintf(out, size, "%.0f", value);
        return;
    }
    for (int precision = 1; precision <= 17; precision++) {
        snprintf(out, size, "%.*g", precision, value);
        if (strtod(out, NULL) == value)
            return;
    }
}

/* Coordinates, scores and odd values: json_double writes what the printf loop writes. */
static void json_double_matches_the_shortest_g(void **state)
{
    (void)state;
    double fixed[] = {50.4501,
                      30.5234,
                      -122.4194,
                      0.05,
                      0.001,
                      0.0009765625,
                      1e-5,
                      -0.1,
                      0.3,
                      2.675,
                      1e9 + 0.5,
                      123456.789,
                      8.3,
                      -10.0,
                      1.0 / 3,
                      0.1 + 0.2,
                      99999999.99999999,
                      4503599627370495.5,
                      1e15 + 0.5};
    unsigned long long seed = 12345;
    char expected[64];
    for (int i = 0; i < 200000; i++) {
        double value;
        if (i < (int)(sizeof fixed / sizeof fixed[0])) {
            value = fixed[i];
        } else {
            seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
            long long whole = (long long)(seed >> 33) % 2000000 - 1000000;
            int decimals = (int)(seed >> 20) % 10;
            double scale = pow(10, decimals);
            value = (double)whole / scale; /* 5 to 7 digits with 0-9 decimals */
            if (i % 7 == 0)
                value = (double)(seed >> 11) / 9007199254740992.0 * 360 - 180; /* full precision */
        }
        buf b;
        buf_init(&b, 0);
        json_writer w;
        json_init(&w, &b, false);
        json_double(&w, value);
        shortest_g(value, expected, sizeof expected);
        if (strcmp(b.data, expected) != 0)
            fail_msg("json_double(%.17g) wrote %s, the printf loop %s", value, b.data, expected);
        buf_release(&b);
    }
}

static void json_writer_embeds_raw_values(void **state)
{
    (void)state;
    buf b;
    buf_init(&b, 0);
    json_writer w;
    json_init(&w, &b, false);
    json_object_begin(&w);
    json_key(&w, "a");
    json_raw(&w, "{\"x\":[1,2]}", 11);
    json_key(&w, "b");
    json_array_begin(&w);
    json_raw(&w, "null", 4);
    json_raw(&w, "3", 1);
    json_array_end(&w);
    json_object_end(&w);
    assert_int_equal(json_status(&w), SITREP_OK);
    assert_string_equal(b.data, "{\"a\":{\"x\":[1,2]},\"b\":[null,3]}");
    buf_release(&b);
}

static void json_writer_pretty_prints(void **state)
{
    (void)state;
    buf b;
    buf_init(&b, 0);
    json_writer w;
    json_init(&w, &b, true);
    json_object_begin(&w);
    json_key(&w, "x");
    json_array_begin(&w);
    json_array_end(&w);
    json_key(&w, "y");
    json_int(&w, 1);
    json_object_end(&w);
    assert_string_equal(b.data, "{\n  \"x\": [],\n  \"y\": 1\n}");
    buf_release(&b);
}

static void hash_is_stable(void **state)
{
    (void)state;
    assert_true(hash_bytes("abc", 3, 0) == hash_bytes("abc", 3, 0));
    assert_true(hash_bytes("abc", 3, 0) != hash_bytes("abd", 3, 0));
    assert_true(hash_bytes("abc", 3, 0) != hash_bytes("abc", 3, 1));
    /* the standard CRC-32 check value */
    assert_int_equal(hash_crc32("123456789", 9, 0), 0xCBF43926u);
    /* eight bytes at a time, a tail, and continuing a running CRC */
    const char *fox = "The quick brown fox jumps over the lazy dog";
    assert_int_equal(hash_crc32(fox, 43, 0), 0x414FA339u);
    assert_int_equal(hash_crc32(fox + 17, 26, hash_crc32(fox, 17, 0)), 0x414FA339u);
}

static void diag_formats_file_and_line(void **state)
{
    (void)state;
    diag d;
    diag_clear(&d);
    assert_int_equal(diag_set(&d, "data/x.txt", 42, "unknown role '%s'", "GOVT"), SITREP_EPARSE);
    char out[256];
    diag_format(&d, out, sizeof out);
    assert_string_equal(out, "data/x.txt:42: unknown role 'GOVT'");
}

/* sorted_first_u32: the first item whose field is >= the key, over runs of equal keys, at
 * both ends and for an empty array; the field is found by its offset, not the first one. */
static void sorted_first_finds_runs(void **state)
{
    (void)state;
    typedef struct item {
        double pad;
        uint32_t sentence;
    } item;
    const item items[] = {{0, 1}, {0, 1}, {0, 3}, {0, 3}, {0, 3}, {0, 7}};
    size_t n = ARRAY_LEN(items);
    assert_int_equal(SORTED_FIRST(item, items, n, sentence, 0), 0);
    assert_int_equal(SORTED_FIRST(item, items, n, sentence, 1), 0);
    assert_int_equal(SORTED_FIRST(item, items, n, sentence, 2), 2);
    assert_int_equal(SORTED_FIRST(item, items, n, sentence, 3), 2);
    assert_int_equal(SORTED_FIRST(item, items, n, sentence, 4), 5);
    assert_int_equal(SORTED_FIRST(item, items, n, sentence, 7), 5);
    assert_int_equal(SORTED_FIRST(item, items, n, sentence, 8), 6);
    assert_int_equal(SORTED_FIRST(item, items, 0, sentence, 3), 0);
    assert_int_equal(SORTED_FIRST(item, items, 1, sentence, UINT32_MAX), 1);
}

static void slices_compare(void **state)
{
    (void)state;
    slice s = slice_trim(slice_from_cstr("  Hello \n"));
    assert_true(slice_eq_cstr(s, "Hello"));
    assert_true(slice_eq_nocase(s, "hELLO"));
    assert_true(slice_starts_with(s, "He"));
    assert_true(slice_ends_with(s, "lo"));
    assert_false(slice_ends_with(s, "xlo"));
}

static void dictionary_lines_skip_comments(void **state)
{
    (void)state;
    const char text[] = "# header\n\n  alpha beta  # trailing\n\t\ngamma";
    const char *cursor = text, *end = text + sizeof text - 1;
    long line = 0;
    slice s;
    assert_true(slice_next_line(&cursor, end, &line, &s));
    assert_true(slice_eq_cstr(s, "alpha beta"));
    assert_int_equal(line, 3);
    assert_true(slice_next_line(&cursor, end, &line, &s));
    assert_true(slice_eq_cstr(s, "gamma"));
    assert_int_equal(line, 5);
    assert_false(slice_next_line(&cursor, end, &line, &s));
}

static void today_can_be_pinned(void **state)
{
    (void)state;
    char day[11];
    setenv("SITREP_TODAY", "2024-02-29", 1);
    clock_today(day);
    assert_string_equal(day, "2024-02-29");
    /* not a date: the clock decides */
    setenv("SITREP_TODAY", "yesterday", 1);
    clock_today(day);
    assert_int_equal(strlen(day), 10);
    assert_true(day[4] == '-' && day[7] == '-' && day[0] == '2');
    assert_string_not_equal(day, "yesterday");
    unsetenv("SITREP_TODAY");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(today_can_be_pinned),
        cmocka_unit_test(arena_allocates_aligned_and_resets),
        cmocka_unit_test(arena_cap_returns_null),
        cmocka_unit_test(arena_grow_keeps_contents),
        cmocka_unit_test(arena_array_room_doubles),
        cmocka_unit_test(buf_cap_is_enforced),
        cmocka_unit_test(utf8_decode_rejects_bad_sequences),
        cmocka_unit_test(utf8_sanitize_replaces_and_counts),
        cmocka_unit_test(json_writer_escapes_and_repairs),
        cmocka_unit_test(json_writer_pretty_prints),
        cmocka_unit_test(json_double_matches_the_shortest_g),
        cmocka_unit_test(json_writer_embeds_raw_values),
        cmocka_unit_test(hash_is_stable),
        cmocka_unit_test(diag_formats_file_and_line),
        cmocka_unit_test(slices_compare),
        cmocka_unit_test(sorted_first_finds_runs),
        cmocka_unit_test(dictionary_lines_skip_comments),
    };
    return cmocka_run_group_tests_name("base", tests, NULL, NULL);
}
