/* serve.h - the serve stage (the last, after store/): the HTTP server behind `sitrep serve`.
 *
 * An HTTP/1.1 server of our own (one I/O thread, a pool of API workers, limits on everything
 * a client can make it hold), static files of the dashboard held in memory (nothing outside
 * the web directory can be named), request heads and targets parsed and validated here, and
 * the JSON API over the event store that answers /api/ (serve_api.c).
 * docs/serve.md describes both.
 */
#ifndef SITREP_SERVE_H
#define SITREP_SERVE_H

#include "../base/base.h"

/* ---- request targets (serve_request.c) ---- */

enum {
    SERVE_MAX_TARGET = 4096, /* bytes of a request target; longer ones get 414 */
    SERVE_MAX_PARAMS = 24,   /* query parameters per request */
    SERVE_MAX_VALUE = 512    /* bytes of one decoded parameter value */
};

typedef struct serve_param {
    const char *name, *value; /* decoded, NUL-terminated, valid UTF-8 without controls */
} serve_param;

/* A parsed request target: the decoded path and its query parameters. All strings point into
 * `storage`, so the struct owns everything and can be copied as a whole. */
typedef struct serve_request {
    const char *path; /* "/api/events": decoded, starts with '/' */
    serve_param params[SERVE_MAX_PARAMS];
    size_t nparams;
    char storage[2 * SERVE_MAX_TARGET + 2 * SERVE_MAX_PARAMS + 8];
} serve_request;

/* Parses a raw request target ("/api/events?actor=RUS&limit=10", as the client sent it:
 * percent-encoded). Rejects, with SITREP_EUSAGE and a message in error[errlen]: a target that
 * does not start with '/', is longer than SERVE_MAX_TARGET (SITREP_ELIMIT), has a malformed
 * percent escape, decodes to invalid UTF-8 or control characters, or a path with an encoded
 * slash or backslash, an empty, "." or ".." segment; more than SERVE_MAX_PARAMS parameters
 * (SITREP_ELIMIT), an empty or repeated parameter name, a value longer than SERVE_MAX_VALUE
 * (SITREP_ELIMIT). '+' in the query is a space. */
sitrep_status serve_request_parse(const char *target, size_t length, serve_request *out,
                                  char *error, size_t errlen) MUST_CHECK;

/* The value of parameter name, or NULL when the request has none. */
const char *serve_param_find(const serve_request *r, const char *name);

/* Checks that every parameter of r is one of the NULL-terminated `allowed` names. Returns
 * SITREP_OK, or SITREP_EUSAGE with "unknown parameter 'x'" in error. */
sitrep_status serve_params_allowed(const serve_request *r, const char *const *allowed, char *error,
                                   size_t errlen) MUST_CHECK;

/* Value checks for API parameters; each returns SITREP_OK or SITREP_EUSAGE with a message
 * naming the parameter. NULL values pass (the parameter is absent). */
/* An actor, CAMEO or country code: 1-16 characters A-Z and 0-9 (codes are stored in upper
 * case and compared as given, so lower case is refused rather than silently matching none). */
sitrep_status serve_check_code(const char *name, const char *value, char *error,
                               size_t errlen) MUST_CHECK;
/* YYYY, YYYY-MM or YYYY-MM-DD with a real month and day. */
sitrep_status serve_check_date(const char *name, const char *value, char *error,
                               size_t errlen) MUST_CHECK;
/* One of the NULL-terminated words (exact). */
sitrep_status serve_check_word(const char *name, const char *value, const char *const *words,
                               char *error, size_t errlen) MUST_CHECK;
/* A decimal integer in [min, max]; *out is left unchanged when value is NULL. */
sitrep_status serve_check_long(const char *name, const char *value, long min, long max, long *out,
                               char *error, size_t errlen) MUST_CHECK;
/* Free text of 1-200 bytes with at least one letter or digit. */
sitrep_status serve_check_text(const char *name, const char *value, char *error,
                               size_t errlen) MUST_CHECK;
/* Every filter of q (the filters of `sitrep query` and /api/events) checked as above: codes,
 * 1-4 CAMEO digits, a two-digit root, one of the 16 PLOVER types (any case), the modality and
 * attribution words, dates, text. Returns SITREP_OK, or SITREP_EUSAGE with a message naming
 * the filter in error. Used by the API and by `sitrep query`, so both refuse the same. */
struct store_filter;
sitrep_status serve_filter_check(const struct store_filter *q, char *error,
                                 size_t errlen) MUST_CHECK;

/* ---- request heads (serve_request.c) ---- */

enum { SERVE_MAX_HEADERS = 100 }; /* header lines per request; more get 431 */

/* A parsed request head. Pointers point into the bytes given to serve_head_parse (the target
 * of an absolute-form request without a path, "http://host", is a static "/"). */
typedef struct serve_head {
    char method[16];
    int minor;          /* HTTP/1.minor */
    const char *target; /* the raw request target (origin-form "/path?query") */
    size_t target_length;
    const char *host; /* the Host header, or the host of an absolute-form target; NULL */
    size_t host_length;
    const char *absolute_host;
    size_t absolute_host_length;
    long long content_length; /* -1 when absent */
    bool transfer_encoding;   /* a Transfer-Encoding header was given */
    bool close, keep_alive;   /* Connection: close / keep-alive */
    size_t length;            /* bytes of the head, its blank line included */
} serve_head;

/* Parses the request head at the start of data[0..length) (HTTP/1.0 or 1.1; blank lines
 * before it are skipped). Returns 0 when the head is complete (out filled), -1 when it is not
 * complete yet and nothing in it is wrong so far, or the HTTP status to refuse it with and a
 * message in error: 400 (a malformed request line or header line, a folded or repeated Host
 * or Content-Length, a control character, HTTP/1.1 without Host), 414 (a request line over
 * SERVE_MAX_TARGET + 64 bytes), 431 (a head over max_head bytes, more than SERVE_MAX_HEADERS
 * lines), 505 (an HTTP version other than 1.x). */
int serve_head_parse(const char *data, size_t length, size_t max_head, serve_head *out, char *error,
                     size_t errlen);

/* ---- the server (serve_http.c, serve_files.c) ---- */

/* What an API handler fills in. body is a buf capped at the server's max_response: the
 * handler appends JSON; status is the HTTP status (200 unless set). */
typedef struct serve_response {
    int status;
    buf body;
} serve_response;

/* Fills resp with status and {"error": message}. */
void serve_error(serve_response *resp, int status, const char *format, ...) PRINTF_LIKE(3, 4);

/* Called for every GET or HEAD whose path starts with "/api/", on one of the server's
 * threads (at most `threads` calls at once; the same worker_index is never used by two calls
 * at the same time, so per-worker resources such as a database handle need no lock). */
typedef void (*serve_api_fn)(void *user, int worker_index, const serve_request *request,
                             serve_response *resp);

typedef struct serve_options {
    const char *host;           /* numeric IPv4 or IPv6 address to listen on; NULL: 127.0.0.1 */
    int port;                   /* 0: any free port (serve_port says which) */
    int threads;                /* worker threads answering the API, 1-64 */
    size_t max_connections;     /* connections open at once; past it the one idle (or sending
                                   its head) longest makes room, else 503 */
    int max_per_address;        /* connections open at once from one client address; more: 503 */
    size_t connection_memory;   /* bytes of one request head (request line and headers) */
    int header_timeout_seconds; /* a request head must arrive whole within this (else 408) */
    int timeout_seconds;        /* an idle connection, or one not reading its answer, is closed */
    const char *const *allowed_hosts; /* NULL-terminated Host names answered besides localhost,
                                         127.0.0.1, ::1 and the address listened on; NULL */
    size_t max_response;              /* bytes of one API response */
    size_t response_budget;           /* bytes of all responses being sent at once; over it: 503 */
    const char *web_root;             /* directory of the dashboard's static files; NULL: none */
    serve_api_fn api;
    void *api_user;
} serve_options;

typedef struct serve serve;

/* Loads the static files under web_root (regular files only, at most 512 files and 32 MB,
 * names of letters, digits, '.', '_' and '-') and starts listening: one thread reads and
 * writes every connection, `threads` workers answer the API. Every refusal is a JSON error
 * ({"error": "..."}): 400, 403 (a Host not answered to), 405, 408 (the head too slow), 413,
 * 414, 431, 503 (a connection limit, or the budget of answers being sent), 505. On success
 * *out is the running server (stop it with serve_stop). Errors: SITREP_EUSAGE (bad host or
 * options), SITREP_EIO (web files unreadable, or the port cannot be bound), SITREP_ELIMIT
 * (too many web files); d->message says what. */
sitrep_status serve_start(const serve_options *options, serve **out, diag *d) MUST_CHECK;

/* The port the server listens on. */
int serve_port(const serve *s);

/* Counters since start, for the log line at shutdown. */
typedef struct serve_stats {
    unsigned long long requests, errors_4xx, errors_5xx, refused_busy;
    unsigned long long abandoned;           /* API requests dropped because the client had gone */
    unsigned long long refused_connections; /* over the limits (in all, per address) */
    unsigned long long header_timeouts;     /* heads that did not arrive in time */
} serve_stats;
void serve_get_stats(const serve *s, serve_stats *out);

/* Stops accepting, waits for the worker threads and frees everything. NULL is a no-op. */
void serve_stop(serve *s);

/* ---- static files (serve_files.c) ---- */

typedef struct serve_file {
    char *name; /* "index.html", "vendor/uPlot.min.css": relative, '/'-separated */
    char *data;
    size_t length;
    const char *content_type;
} serve_file;

typedef struct serve_files {
    serve_file *files;
    size_t count;
    size_t bytes;
} serve_files;

/* Reads every regular file under root (recursively; symbolic links and hidden entries are
 * skipped) into memory. Errors as serve_start. Free with serve_files_release. */
sitrep_status serve_files_load(serve_files *files, const char *root, diag *d) MUST_CHECK;
void serve_files_release(serve_files *files);
/* The file for a request path ("/" is "/index.html"), or NULL. Only names loaded at start can
 * be found: a path is never joined to a directory. */
const serve_file *serve_files_find(const serve_files *files, const char *path);

/* ---- the JSON API (serve_api.c): what /api/events, /api/actors, /api/timeline,
 * /api/articles/{id} and /api/search answer, read from the event store ---- */

struct store;

/* Answers of the group endpoints (/api/actors, /api/timeline: a scan of every matching event)
 * kept per worker and given again while the database has not changed. */
enum { SERVE_API_CACHED = 8 };                   /* answers per worker */
#define SERVE_API_CACHED_BYTES ((size_t)1 << 20) /* largest answer kept */

typedef struct serve_cached {
    char *key; /* path and parameters as given; NULL: empty slot */
    char *body;
    size_t length;
    long long version; /* store_data_version when it was computed */
    unsigned long long used;
} serve_cached;

typedef struct serve_api_worker {
    struct store *store; /* store/store.h */
    serve_cached cached[SERVE_API_CACHED];
    unsigned long long clock;
    unsigned long long hits;
} serve_api_worker;

/* One read-only store handle and answer cache per server worker: worker i uses workers[i]
 * only, so nothing is locked. */
typedef struct serve_api {
    serve_api_worker *workers;
    int nworkers;
} serve_api;

/* Frees the cached answers of every worker (the stores are the caller's). */
void serve_api_release(serve_api *api);

/* The serve_api_fn for serve_start: user is a serve_api. Writes JSON into resp->body; bad
 * parameters get 400, unknown endpoints and ids 404, store failures 500, each with
 * {"error": "..."}. */
void serve_api_handle(void *user, int worker_index, const serve_request *request,
                      serve_response *resp);

#endif
