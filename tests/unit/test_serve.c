/* test_serve.c - unit tests of the server's request handling (src/serve/): request heads
 * (strict parsing, every refusal with its status, limits), request targets decoded and
 * checked (traversal, encoded slashes, escapes, UTF-8, limits), parameter checks, and the
 * static file table that only knows the files loaded at start.
 */
#include "unit.h"

#include "serve/serve.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static sitrep_status parse(const char *target, serve_request *r, char *error)
{
    return serve_request_parse(target, strlen(target), r, error, 256);
}

static void parses_path_and_parameters(void **state)
{
    (void)state;
    serve_request *r = malloc(sizeof *r);
    char error[256];
    assert_int_equal(parse("/api/events?actor=RUS&text=drone+strike&since=2025-01&x", r, error),
                     SITREP_OK);
    assert_string_equal(r->path, "/api/events");
    assert_int_equal(r->nparams, 4);
    assert_string_equal(serve_param_find(r, "actor"), "RUS");
    assert_string_equal(serve_param_find(r, "text"), "drone strike");
    assert_string_equal(serve_param_find(r, "x"), "");
    assert_null(serve_param_find(r, "target"));
    assert_int_equal(parse("/api/search?q=%C3%A9t%C3%A9%20%22a%22&&", r, error), SITREP_OK);
    assert_string_equal(serve_param_find(r, "q"), "\xc3\xa9t\xc3\xa9 \"a\"");
    assert_int_equal(parse("/", r, error), SITREP_OK);
    assert_string_equal(r->path, "/");
    assert_int_equal(parse("/vendor/uPlot.min.css", r, error), SITREP_OK);
    free(r);
}

static void refuses_traversal_and_bad_bytes(void **state)
{
    (void)state;
    serve_request *r = malloc(sizeof *r);
    char error[256];
    const char *bad[] = {
        "/../etc/passwd",
        "/%2e%2e/etc/passwd",
        "/a/%2E%2E/b",
        "/vendor%2fx",
        "/vendor%2Fx",
        "/a%5cb",
        "/a\\b",
        "//etc/passwd",
        "/./index.html",
        "/a/.",
        "/a/..",
        "/a//b",
        "/%00",
        "/%zz",
        "/%4",
        "/%",
        "/%ff",
        "/a?q=%c3",
        "/a?q=%0a",
        "/a?=1",
        "/a?q=1&q=2",
        "relative",
        "",
        "/a#frag",
        "/\x01",
    };
    for (size_t i = 0; i < ARRAY_LEN(bad); i++) {
        error[0] = '\0';
        sitrep_status status = parse(bad[i], r, error);
        if (status == SITREP_OK)
            fail_msg("accepted '%s'", bad[i]);
        assert_true(error[0] != '\0');
    }
    free(r);
}

static void enforces_limits(void **state)
{
    (void)state;
    serve_request *r = malloc(sizeof *r);
    char error[256];
    char *big = malloc(SERVE_MAX_TARGET + 10);
    memset(big, 'a', SERVE_MAX_TARGET + 9);
    big[0] = '/';
    big[SERVE_MAX_TARGET + 9] = '\0';
    assert_int_equal(parse(big, r, error), SITREP_ELIMIT);
    char many[1024] = "/a?";
    for (int i = 0; i <= SERVE_MAX_PARAMS; i++)
        snprintf(many + strlen(many), sizeof many - strlen(many), "p%d=1&", i);
    assert_int_equal(parse(many, r, error), SITREP_ELIMIT);
    /* the largest target the storage must hold: every byte a parameter of its own */
    for (size_t i = 3; i < SERVE_MAX_TARGET; i++)
        big[i] = i % 2 ? '&' : 'b';
    big[1] = 'a';
    big[2] = '?';
    big[SERVE_MAX_TARGET] = '\0';
    assert_int_not_equal(parse(big, r, error), SITREP_OK); /* refused, never an overflow */
    char value[SERVE_MAX_VALUE + 20] = "/a?q=";
    memset(value + 5, 'x', SERVE_MAX_VALUE + 1);
    value[5 + SERVE_MAX_VALUE + 1] = '\0';
    assert_int_equal(parse(value, r, error), SITREP_ELIMIT);
    free(big);
    free(r);
}

static void checks_values(void **state)
{
    (void)state;
    char error[256];
    assert_int_equal(serve_check_code("actor", "RUSMIL", error, sizeof error), SITREP_OK);
    assert_int_equal(serve_check_code("actor", NULL, error, sizeof error), SITREP_OK);
    assert_int_equal(serve_check_code("actor", "rus", error, sizeof error), SITREP_EUSAGE);
    assert_int_equal(serve_check_code("actor", "", error, sizeof error), SITREP_EUSAGE);
    assert_int_equal(serve_check_code("actor", "RUS' OR 1", error, sizeof error), SITREP_EUSAGE);
    assert_non_null(strstr(error, "actor"));
    assert_int_equal(serve_check_date("since", "2024", error, sizeof error), SITREP_OK);
    assert_int_equal(serve_check_date("since", "2024-02-29", error, sizeof error), SITREP_OK);
    assert_int_equal(serve_check_date("since", "2023-02-29", error, sizeof error), SITREP_EUSAGE);
    assert_int_equal(serve_check_date("since", "2024-13", error, sizeof error), SITREP_EUSAGE);
    assert_int_equal(serve_check_date("since", "2024-1-1", error, sizeof error), SITREP_EUSAGE);
    assert_int_equal(serve_check_date("since", "20x4", error, sizeof error), SITREP_EUSAGE);
    long n = 7;
    assert_int_equal(serve_check_long("limit", "50", 1, 500, &n, error, sizeof error), SITREP_OK);
    assert_int_equal(n, 50);
    assert_int_equal(serve_check_long("limit", NULL, 1, 500, &n, error, sizeof error), SITREP_OK);
    assert_int_equal(n, 50);
    const char *bad_numbers[] = {"0", "501", "-", "", "1e3", " 5", "99999999999999999999", "-1"};
    for (size_t i = 0; i < ARRAY_LEN(bad_numbers); i++)
        assert_int_equal(serve_check_long("limit", bad_numbers[i], 1, 500, &n, error, sizeof error),
                         SITREP_EUSAGE);
    static const char *const words[] = {"day", "week", NULL};
    assert_int_equal(serve_check_word("interval", "week", words, error, sizeof error), SITREP_OK);
    assert_int_equal(serve_check_word("interval", "Week", words, error, sizeof error),
                     SITREP_EUSAGE);
    assert_non_null(strstr(error, "day, week"));
    assert_int_equal(serve_check_text("text", "drone", error, sizeof error), SITREP_OK);
    assert_int_equal(serve_check_text("text", "\"\" *", error, sizeof error), SITREP_EUSAGE);
    assert_int_equal(serve_check_text("text", "", error, sizeof error), SITREP_EUSAGE);
}

static void static_files_are_a_closed_table(void **state)
{
    (void)state;
    char root[] = "/tmp/sitrep-serve-test-XXXXXX";
    assert_non_null(mkdtemp(root));
    char path[512];
    snprintf(path, sizeof path, "%s/vendor", root);
    assert_int_equal(mkdir(path, 0755), 0);
    const char *names[] = {"index.html", "app.js", "vendor/uPlot.min.css", ".hidden"};
    for (size_t i = 0; i < ARRAY_LEN(names); i++) {
        snprintf(path, sizeof path, "%s/%s", root, names[i]);
        FILE *f = fopen(path, "w");
        assert_non_null(f);
        fprintf(f, "file %zu", i);
        fclose(f);
    }
    snprintf(path, sizeof path, "%s/link.txt", root);
    assert_int_equal(symlink("/etc/passwd", path), 0);
    serve_files files;
    diag d;
    diag_clear(&d);
    assert_int_equal(serve_files_load(&files, root, &d), SITREP_OK);
    assert_int_equal(files.count, 3);
    const serve_file *f = serve_files_find(&files, "/");
    assert_non_null(f);
    assert_string_equal(f->name, "index.html");
    assert_string_equal(f->content_type, "text/html; charset=utf-8");
    assert_non_null(serve_files_find(&files, "/vendor/uPlot.min.css"));
    assert_null(serve_files_find(&files, "/.hidden"));
    assert_null(serve_files_find(&files, "/link.txt"));
    assert_null(serve_files_find(&files, "/vendor"));
    assert_null(serve_files_find(&files, "/../etc/passwd"));
    assert_null(serve_files_find(&files, "index.html"));
    serve_files_release(&files);
    for (size_t i = 0; i < ARRAY_LEN(names); i++) {
        snprintf(path, sizeof path, "%s/%s", root, names[i]);
        unlink(path);
    }
    snprintf(path, sizeof path, "%s/link.txt", root);
    unlink(path);
    snprintf(path, sizeof path, "%s/vendor", root);
    rmdir(path);
    rmdir(root);
    assert_int_equal(serve_files_load(&files, "/nonexistent-sitrep-dir", &d), SITREP_EIO);
}

static int head(const char *text, serve_head *h, char *error)
{
    return serve_head_parse(text, strlen(text), 32768, h, error, 256);
}

static void request_heads_parse(void **state)
{
    (void)state;
    serve_head h;
    char error[256];
    assert_int_equal(head("GET /api/events?limit=1 HTTP/1.1\r\nHost: localhost:8080\r\n"
                          "Connection: keep-alive, Upgrade\r\nX-Other:  spaced  \r\n\r\nNEXT",
                          &h, error),
                     0);
    assert_string_equal(h.method, "GET");
    assert_int_equal(h.minor, 1);
    assert_int_equal(h.target_length, 19);
    assert_memory_equal(h.target, "/api/events?limit=1", 19);
    assert_int_equal(h.host_length, 14);
    assert_memory_equal(h.host, "localhost:8080", 14);
    assert_true(h.keep_alive);
    assert_false(h.close);
    assert_int_equal(h.content_length, -1);
    assert_int_equal(h.length, strlen("GET /api/events?limit=1 HTTP/1.1\r\nHost: localhost:8080\r\n"
                                      "Connection: keep-alive, Upgrade\r\nX-Other:  spaced  "
                                      "\r\n\r\n"));
    /* bare LF line ends, HTTP/1.0 without Host, blank lines before the request */
    assert_int_equal(head("\r\nHEAD / HTTP/1.0\nconnection: CLOSE\n\n", &h, error), 0);
    assert_string_equal(h.method, "HEAD");
    assert_int_equal(h.minor, 0);
    assert_null(h.host);
    assert_true(h.close);
    /* absolute-form: the target's host counts */
    assert_int_equal(
        head("GET http://news.example:8080/app.js HTTP/1.1\r\nHost: other\r\n\r\n", &h, error), 0);
    assert_memory_equal(h.target, "/app.js", 7);
    assert_int_equal(h.host_length, 17);
    assert_memory_equal(h.host, "news.example:8080", 17);
    /* incomplete: more to come, nothing wrong yet */
    assert_int_equal(head("GET /api/ev", &h, error), -1);
    assert_int_equal(head("GET / HTTP/1.1\r\nHost: x\r\nX-A: b\r\n", &h, error), -1);
    assert_int_equal(head("", &h, error), -1);
}

static void request_heads_refused(void **state)
{
    (void)state;
    serve_head h;
    char error[256];
    static const struct {
        const char *text;
        int status;
        const char *message;
    } cases[] = {
        {"GARBAGE\r\n\r\n", 400, "malformed request line"},
        {"\x16\x03\x01\x02", 400, "malformed request line"}, /* TLS: refused before a line end */
        {"GET /\r\n\r\n", 400, "malformed request line"},
        {"GET / HTTP/2.0\r\nHost: x\r\n\r\n", 505, "HTTP/2.0 is not supported"},
        {"GET / HTTP/1.1x\r\n\r\n", 400, "malformed HTTP version"},
        {"GET / HTTP/1.1\r\n\r\n", 400, "needs a Host"},
        {"GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n", 400, "Host given twice"},
        {"GET / HTTP/1.1\r\nHost: a\r\nContent-Length: 0\r\nContent-Length: 0\r\n\r\n", 400,
         "Content-Length given twice"},
        {"GET / HTTP/1.1\r\nHost: a\r\nContent-Length: -1\r\n\r\n", 400,
         "malformed Content-Length"},
        {"GET / HTTP/1.1\r\nHost: a\r\n folded\r\n\r\n", 400, "folded header line"},
        {"GET / HTTP/1.1\r\nHost : a\r\n\r\n", 400, "malformed header line"},
        {"GET / HTTP/1.1\r\nHost: a\x01b\r\n\r\n", 400, "control character in a header"},
        {"GET /a\x01b HTTP/1.1\r\nHost: a\r\n\r\n", 400, "control character in the request"},
    };
    for (size_t i = 0; i < ARRAY_LEN(cases); i++) {
        error[0] = '\0';
        int status = head(cases[i].text, &h, error);
        if (status != cases[i].status || !strstr(error, cases[i].message))
            fail_msg("case %zu: %d '%s', wanted %d '%s'", i, status, error, cases[i].status,
                     cases[i].message);
    }
    /* limits: a request line over the target limit (414), a head over max_head (431), too
     * many lines (431) */
    char *big = malloc(70000);
    size_t n = (size_t)snprintf(big, 70000, "GET /");
    memset(big + n, 'a', 5000);
    n += 5000;
    n += (size_t)snprintf(big + n, 70000 - n, " HTTP/1.1\r\nHost: a\r\n\r\n");
    assert_int_equal(serve_head_parse(big, n, 32768, &h, error, 256), 414);
    assert_int_equal(serve_head_parse(big, 4000, 32768, &h, error, 256), -1);
    assert_int_equal(serve_head_parse(big, 4200, 32768, &h, error, 256), 414);
    n = (size_t)snprintf(big, 70000, "GET / HTTP/1.1\r\nHost: a\r\nX-Big: ");
    memset(big + n, 'b', 40000);
    n += 40000;
    assert_int_equal(serve_head_parse(big, n, 32768, &h, error, 256), 431);
    assert_non_null(strstr(error, "larger than the limit of 32768 bytes"));
    n = (size_t)snprintf(big, 70000, "GET / HTTP/1.1\r\nHost: a\r\n");
    for (int i = 0; i < SERVE_MAX_HEADERS + 1; i++)
        n += (size_t)snprintf(big + n, 70000 - n, "X-%d: y\r\n", i);
    n += (size_t)snprintf(big + n, 70000 - n, "\r\n");
    assert_int_equal(serve_head_parse(big, n, 32768, &h, error, 256), 431);
    free(big);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(parses_path_and_parameters),
        cmocka_unit_test(refuses_traversal_and_bad_bytes),
        cmocka_unit_test(enforces_limits),
        cmocka_unit_test(checks_values),
        cmocka_unit_test(static_files_are_a_closed_table),
        cmocka_unit_test(request_heads_parse),
        cmocka_unit_test(request_heads_refused),
    };
    return cmocka_run_group_tests_name("serve", tests, NULL, NULL);
}
