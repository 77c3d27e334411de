/* fuzz_serve_request.c - libFuzzer target for `sitrep serve`'s request handling: each input is
 * a raw request target, parsed and checked as the server does (serve_request_parse), then every
 * parameter value goes through the API's value checks. Properties checked besides the
 * sanitizers: an accepted path never holds a "." or ".." segment, a backslash or an empty
 * segment, and every decoded string is valid UTF-8 without control characters.
 */
#include "serve/serve.h"

#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);

static void check_string(const char *s)
{
    size_t n = strlen(s);
    if (utf8_valid_prefix(s, n) != n)
        abort();
    for (size_t i = 0; i < n; i++)
        if ((unsigned char)s[i] < 0x20 || s[i] == 0x7f)
            abort();
}

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
    static serve_request request;
    char error[256];
    if (serve_request_parse((const char *)data, size, &request, error, sizeof error) != SITREP_OK)
        return 0;
    const char *path = request.path;
    check_string(path);
    if (path[0] != '/' || strstr(path, "/../") || strstr(path, "/./") || strstr(path, "//") ||
        strchr(path, '\\'))
        abort();
    size_t n = strlen(path);
    if ((n >= 3 && strcmp(path + n - 3, "/..") == 0) || (n >= 2 && strcmp(path + n - 2, "/.") == 0))
        abort();
    static const char *const words[] = {"asserted", "negated", NULL};
    for (size_t i = 0; i < request.nparams; i++) {
        const char *value = request.params[i].value;
        check_string(request.params[i].name);
        check_string(value);
        long number = 0;
        (void)serve_check_code("p", value, error, sizeof error);
        (void)serve_check_date("p", value, error, sizeof error);
        (void)serve_check_long("p", value, -1000, 1000, &number, error, sizeof error);
        (void)serve_check_word("p", value, words, error, sizeof error);
        (void)serve_check_text("p", value, error, sizeof error);
        if (serve_param_find(&request, request.params[i].name) != value)
            abort(); /* names are unique */
    }
    return 0;
}
