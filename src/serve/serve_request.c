/* serve_request.c - parsing and checking HTTP requests for `sitrep serve`: the request head
 * (request line and header fields, strictly, with limits), then the raw target as the client
 * sent it, percent-decoded here (not trusted to anyone else), its path checked so that it can
 * never name anything outside the web directory, its query split into parameters, and API
 * parameter values checked. Fuzzed by fuzz/fuzz_serve_request.c and fuzz/fuzz_serve_head.c.
 */
#include "serve.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static sitrep_status fail(sitrep_status status, char *error, size_t errlen, const char *format, ...)
    PRINTF_LIKE(4, 5);
static sitrep_status fail(sitrep_status status, char *error, size_t errlen, const char *format, ...)
{
    va_list args;
    va_start(args, format);
    if (errlen)
        vsnprintf(error, errlen, format, args);
    va_end(args);
    return status;
}

static int hex_value(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

/* Decodes s[0..n) into out (which has room for n + 1 bytes) and NUL-terminates it. In a path,
 * an encoded '/' or '\\' is refused (it would hide a segment boundary); in a query, '+' is a
 * space. The result must be valid UTF-8 without control characters. */
static sitrep_status decode(const char *s, size_t n, bool query, char *out, size_t *outlen,
                            char *error, size_t errlen)
{
    size_t len = 0;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (c == '%') {
            int high = i + 2 < n ? hex_value(s[i + 1]) : -1;
            int low = i + 2 < n ? hex_value(s[i + 2]) : -1;
            if (high < 0 || low < 0)
                return fail(SITREP_EUSAGE, error, errlen, "malformed percent escape");
            c = (char)(high * 16 + low);
            i += 2;
            if (!query && (c == '/' || c == '\\'))
                return fail(SITREP_EUSAGE, error, errlen, "encoded slash in the path");
        } else if (query && c == '+') {
            c = ' ';
        }
        if ((unsigned char)c < 0x20 || c == 0x7f)
            return fail(SITREP_EUSAGE, error, errlen, "control character in the request");
        out[len++] = c;
    }
    out[len] = '\0';
    if (utf8_valid_prefix(out, len) != len)
        return fail(SITREP_EUSAGE, error, errlen, "invalid UTF-8 in the request");
    *outlen = len;
    return SITREP_OK;
}

/* A decoded path must be '/' followed by segments that are not empty, "." or "..", with no
 * backslash (so it names the same thing on every system). "/" alone is allowed. */
static sitrep_status check_path(const char *path, char *error, size_t errlen)
{
    if (path[0] != '/')
        return fail(SITREP_EUSAGE, error, errlen, "the path must start with '/'");
    if (path[1] == '\0')
        return SITREP_OK;
    const char *p = path + 1;
    for (;;) {
        const char *end = strchr(p, '/');
        size_t n = end ? (size_t)(end - p) : strlen(p);
        if (n == 0 && end)
            return fail(SITREP_EUSAGE, error, errlen, "empty segment in the path");
        if ((n == 1 && p[0] == '.') || (n == 2 && p[0] == '.' && p[1] == '.'))
            return fail(SITREP_EUSAGE, error, errlen, "'.' or '..' in the path");
        if (memchr(p, '\\', n))
            return fail(SITREP_EUSAGE, error, errlen, "backslash in the path");
        if (!end)
            return SITREP_OK;
        p = end + 1;
    }
}

sitrep_status serve_request_parse(const char *target, size_t length, serve_request *out,
                                  char *error, size_t errlen)
{
    out->path = NULL;
    out->nparams = 0;
    if (length > SERVE_MAX_TARGET)
        return fail(SITREP_ELIMIT, error, errlen, "the request target is longer than %d bytes",
                    SERVE_MAX_TARGET);
    if (length == 0 || target[0] != '/')
        return fail(SITREP_EUSAGE, error, errlen, "the request target must start with '/'");
    const char *query = memchr(target, '?', length);
    size_t path_len = query ? (size_t)(query - target) : length;
    /* A fragment is never sent by browsers; refuse it rather than guess. */
    if (memchr(target, '#', length))
        return fail(SITREP_EUSAGE, error, errlen, "'#' in the request target");
    char *store = out->storage;
    size_t used = 0, n;
    sitrep_status status = decode(target, path_len, false, store, &n, error, errlen);
    if (status)
        return status;
    if ((status = check_path(store, error, errlen)))
        return status;
    out->path = store;
    used = n + 1;
    if (!query)
        return SITREP_OK;
    const char *p = query + 1, *end = target + length;
    while (p < end) {
        const char *amp = memchr(p, '&', (size_t)(end - p));
        const char *stop = amp ? amp : end;
        if (stop == p) { /* "a=1&&b=2" or a trailing '&': nothing to name */
            p = stop + 1;
            continue;
        }
        if (out->nparams == SERVE_MAX_PARAMS)
            return fail(SITREP_ELIMIT, error, errlen, "more than %d parameters", SERVE_MAX_PARAMS);
        const char *eq = memchr(p, '=', (size_t)(stop - p));
        const char *name_end = eq ? eq : stop;
        char *name = store + used;
        if ((status = decode(p, (size_t)(name_end - p), true, name, &n, error, errlen)))
            return status;
        used += n + 1;
        if (n == 0)
            return fail(SITREP_EUSAGE, error, errlen, "a parameter without a name");
        char *value = store + used;
        if (eq) {
            if ((status = decode(eq + 1, (size_t)(stop - eq - 1), true, value, &n, error, errlen)))
                return status;
        } else {
            value[0] = '\0';
            n = 0;
        }
        used += n + 1;
        if (n > SERVE_MAX_VALUE)
            return fail(SITREP_ELIMIT, error, errlen, "parameter '%.40s' is longer than %d bytes",
                        name, SERVE_MAX_VALUE);
        if (serve_param_find(out, name))
            return fail(SITREP_EUSAGE, error, errlen, "parameter '%.40s' given twice", name);
        out->params[out->nparams].name = name;
        out->params[out->nparams].value = value;
        out->nparams++;
        p = stop + 1;
    }
    return SITREP_OK;
}

const char *serve_param_find(const serve_request *r, const char *name)
{
    for (size_t i = 0; i < r->nparams; i++)
        if (strcmp(r->params[i].name, name) == 0)
            return r->params[i].value;
    return NULL;
}

sitrep_status serve_params_allowed(const serve_request *r, const char *const *allowed, char *error,
                                   size_t errlen)
{
    for (size_t i = 0; i < r->nparams; i++) {
        bool known = false;
        for (const char *const *a = allowed; *a && !known; a++)
            known = strcmp(*a, r->params[i].name) == 0;
        if (!known)
            return fail(SITREP_EUSAGE, error, errlen, "unknown parameter '%.40s'",
                        r->params[i].name);
    }
    return SITREP_OK;
}

sitrep_status serve_check_code(const char *name, const char *value, char *error, size_t errlen)
{
    if (!value)
        return SITREP_OK;
    size_t n = strlen(value);
    bool ok = n >= 1 && n <= 16;
    for (size_t i = 0; i < n && ok; i++)
        ok = (value[i] >= 'A' && value[i] <= 'Z') || (value[i] >= '0' && value[i] <= '9');
    if (!ok)
        return fail(SITREP_EUSAGE, error, errlen,
                    "%s wants a code of 1-16 capital letters and digits, not '%.40s'", name, value);
    return SITREP_OK;
}

sitrep_status serve_check_date(const char *name, const char *value, char *error, size_t errlen)
{
    if (!value)
        return SITREP_OK;
    size_t n = strlen(value);
    bool ok = (n == 4 || n == 7 || n == 10) && ascii_digits(value, 4);
    int month = 1, day = 1;
    if (ok && n >= 7) {
        ok = value[4] == '-' && ascii_digits(value + 5, 2);
        month = ok ? atoi(value + 5) : 0;
        ok = ok && month >= 1 && month <= 12;
    }
    if (ok && n == 10) {
        ok = value[7] == '-' && ascii_digits(value + 8, 2);
        static const int days[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
        day = ok ? atoi(value + 8) : 0;
        int year = atoi(value);
        bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
        int last = month == 2 && !leap ? 28 : days[month - 1];
        ok = ok && day >= 1 && day <= last;
    }
    if (!ok)
        return fail(SITREP_EUSAGE, error, errlen,
                    "%s wants a date YYYY, YYYY-MM or YYYY-MM-DD, not '%.40s'", name, value);
    return SITREP_OK;
}

sitrep_status serve_check_word(const char *name, const char *value, const char *const *words,
                               char *error, size_t errlen)
{
    if (!value)
        return SITREP_OK;
    for (const char *const *w = words; *w; w++)
        if (strcmp(*w, value) == 0)
            return SITREP_OK;
    char list[256] = "";
    size_t used = 0;
    for (const char *const *w = words; *w && used < sizeof list; w++) {
        int k = snprintf(list + used, sizeof list - used, "%s%s", w == words ? "" : ", ", *w);
        if (k < 0)
            break;
        used += (size_t)k;
    }
    return fail(SITREP_EUSAGE, error, errlen, "%s must be one of %s, not '%.40s'", name, list,
                value);
}

sitrep_status serve_check_long(const char *name, const char *value, long min, long max, long *out,
                               char *error, size_t errlen)
{
    if (!value)
        return SITREP_OK;
    size_t n = strlen(value);
    bool ok = n >= 1 && n <= 12 && ascii_digits(value + (value[0] == '-'), n - (value[0] == '-')) &&
              n > (size_t)(value[0] == '-');
    long number = 0;
    if (ok) {
        errno = 0;
        number = strtol(value, NULL, 10);
        ok = errno == 0 && number >= min && number <= max;
    }
    if (!ok)
        return fail(SITREP_EUSAGE, error, errlen,
                    "%s wants a whole number from %ld to %ld, not '%.40s'", name, min, max, value);
    *out = number;
    return SITREP_OK;
}

sitrep_status serve_check_text(const char *name, const char *value, char *error, size_t errlen)
{
    if (!value)
        return SITREP_OK;
    size_t n = strlen(value);
    bool word = false;
    for (size_t i = 0; i < n && !word; i++) {
        unsigned char c = (unsigned char)value[i];
        word = (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') || c >= 0x80;
    }
    if (n == 0 || n > 200 || !word)
        return fail(SITREP_EUSAGE, error, errlen,
                    "%s wants 1-200 bytes of text with a letter or digit", name);
    return SITREP_OK;
}

/* ---- request heads ---- */

/* Fills error and gives the HTTP status to refuse the request with. */
#define REFUSE(status, ...) (fail(SITREP_EUSAGE, error, errlen, __VA_ARGS__), (status))

static bool is_tchar(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           (c && strchr("!#$%&'*+-.^_`|~", c));
}

static bool name_is(const char *name, size_t n, const char *want)
{
    return strlen(want) == n && strncasecmp(name, want, n) == 0;
}

/* Does the comma-separated token list value[0..n) hold `token` (any case)? */
static bool list_has(const char *value, size_t n, const char *token)
{
    size_t k = strlen(token);
    for (size_t i = 0; i < n;) {
        while (i < n && (value[i] == ' ' || value[i] == '\t' || value[i] == ','))
            i++;
        size_t start = i;
        while (i < n && value[i] != ',')
            i++;
        size_t end = i;
        while (end > start && (value[end - 1] == ' ' || value[end - 1] == '\t'))
            end--;
        if (end - start == k && strncasecmp(value + start, token, k) == 0)
            return true;
    }
    return false;
}

/* The end of the line that starts at p (the LF), or NULL when it has not arrived. */
static const char *line_end(const char *p, const char *end)
{
    return memchr(p, '\n', (size_t)(end - p));
}

/* Parses the request line "METHOD SP TARGET SP HTTP/1.x"; line[0..n) without its line end. */
static int request_line(const char *line, size_t n, serve_head *out, char *error, size_t errlen)
{
    size_t i = 0;
    while (i < n && is_tchar((unsigned char)line[i]))
        i++;
    if (i == 0 || i >= sizeof out->method || i >= n || line[i] != ' ')
        return REFUSE(400, "malformed request line");
    memcpy(out->method, line, i);
    out->method[i] = '\0';
    size_t target = ++i;
    while (i < n && line[i] != ' ') {
        unsigned char c = (unsigned char)line[i];
        if (c <= 0x20 || c == 0x7f)
            return REFUSE(400, "control character in the request target");
        i++;
    }
    if (i == target || i >= n)
        return REFUSE(400, "malformed request line");
    out->target = line + target;
    out->target_length = i - target;
    const char *version = line + i + 1;
    size_t vn = n - i - 1;
    if (vn != 8 || memcmp(version, "HTTP/", 5) != 0 || version[6] != '.' || version[5] < '0' ||
        version[5] > '9' || version[7] < '0' || version[7] > '9')
        return REFUSE(400, "malformed HTTP version");
    if (version[5] != '1')
        return REFUSE(505, "HTTP version %.8s is not supported (1.0 and 1.1 are)", version);
    out->minor = version[7] - '0';
    /* absolute-form ("http://host/path", as a proxy would send it): the host is the target's */
    if (out->target_length > 7 && strncasecmp(out->target, "http://", 7) == 0) {
        const char *authority = out->target + 7, *stop = out->target + out->target_length;
        const char *slash = memchr(authority, '/', (size_t)(stop - authority));
        out->absolute_host = authority;
        out->absolute_host_length = (size_t)((slash ? slash : stop) - authority);
        out->target = slash ? slash : "/";
        out->target_length = slash ? (size_t)(stop - slash) : 1;
    }
    return 0;
}

int serve_head_parse(const char *data, size_t length, size_t max_head, serve_head *out, char *error,
                     size_t errlen)
{
    memset(out, 0, sizeof *out);
    out->content_length = -1;
    const char *p = data, *end = data + length;
    /* blank lines before a request are allowed (RFC 9112, 2.2) */
    while (p < end && (*p == '\r' || *p == '\n'))
        p++;
    const char *nl = line_end(p, end);
    if (!nl) {
        if (length > max_head || (size_t)(end - p) > SERVE_MAX_TARGET + 64)
            return REFUSE(414, "the request line is longer than %d bytes", SERVE_MAX_TARGET);
        /* refuse what can never become a request line before it is complete */
        for (const char *q = p; q < end && *q != ' '; q++)
            if (!is_tchar((unsigned char)*q) || q - p >= (long)sizeof out->method)
                return REFUSE(400, "malformed request line");
        return -1;
    }
    size_t n = (size_t)(nl - p) - (nl > p && nl[-1] == '\r');
    if (n > SERVE_MAX_TARGET + 64)
        return REFUSE(414, "the request line is longer than %d bytes", SERVE_MAX_TARGET);
    int status = request_line(p, n, out, error, errlen);
    if (status)
        return status;
    size_t headers = 0;
    for (p = nl + 1;;) {
        if (!(nl = line_end(p, end))) {
            if (length > max_head)
                return REFUSE(431, "the request header is larger than the limit of %zu bytes",
                              max_head);
            return -1;
        }
        const char *line = p;
        n = (size_t)(nl - p) - (nl > p && nl[-1] == '\r');
        p = nl + 1;
        if (n == 0)
            break; /* the blank line: the head is complete */
        if ((size_t)(p - data) > max_head)
            return REFUSE(431, "the request header is larger than the limit of %zu bytes",
                          max_head);
        if (++headers > SERVE_MAX_HEADERS)
            return REFUSE(431, "more than %d header lines", SERVE_MAX_HEADERS);
        if (line[0] == ' ' || line[0] == '\t')
            return REFUSE(400, "folded header line");
        size_t colon = 0;
        while (colon < n && is_tchar((unsigned char)line[colon]))
            colon++;
        if (colon == 0 || colon >= n || line[colon] != ':')
            return REFUSE(400, "malformed header line");
        size_t v = colon + 1, vend = n;
        while (v < vend && (line[v] == ' ' || line[v] == '\t'))
            v++;
        while (vend > v && (line[vend - 1] == ' ' || line[vend - 1] == '\t'))
            vend--;
        for (size_t k = v; k < vend; k++) {
            unsigned char c = (unsigned char)line[k];
            if ((c < 0x20 && c != '\t') || c == 0x7f)
                return REFUSE(400, "control character in a header");
        }
        const char *value = line + v;
        size_t vn = vend - v;
        if (name_is(line, colon, "Host")) {
            if (out->host)
                return REFUSE(400, "Host given twice");
            out->host = value;
            out->host_length = vn;
        } else if (name_is(line, colon, "Content-Length")) {
            if (out->content_length >= 0)
                return REFUSE(400, "Content-Length given twice");
            if (vn == 0 || vn > 15 || !ascii_digits(value, vn))
                return REFUSE(400, "malformed Content-Length");
            out->content_length = 0;
            for (size_t k = 0; k < vn; k++)
                out->content_length = out->content_length * 10 + (value[k] - '0');
        } else if (name_is(line, colon, "Transfer-Encoding")) {
            out->transfer_encoding = true;
        } else if (name_is(line, colon, "Connection")) {
            if (list_has(value, vn, "close"))
                out->close = true;
            if (list_has(value, vn, "keep-alive"))
                out->keep_alive = true;
        }
    }
    out->length = (size_t)(p - data);
    if (out->minor >= 1 && !out->host)
        return REFUSE(400, "an HTTP/1.1 request needs a Host header");
    if (out->absolute_host) {
        out->host = out->absolute_host;
        out->host_length = out->absolute_host_length;
    }
    return 0;
}
