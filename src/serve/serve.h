/* serve.h - the serve stage (the last, after store/): the HTTP server behind `sitrep serve`.
 *
 * libmicrohttpd with a thread pool and limits, static files of the dashboard held in memory
 * (nothing outside the web directory can be named), request targets parsed and validated
 * here, and the JSON API over the event store that answers /api/ (serve_api.c).
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
    const char *host;         /* numeric IPv4 or IPv6 address to listen on; NULL: 127.0.0.1 */
    int port;                 /* 0: any free port (serve_port says which) */
    int threads;              /* worker threads (the pool), 1-64 */
    int max_connections;      /* connections open at once; more are refused */
    size_t connection_memory; /* bytes per connection for the request head (MHD's pool) */
    int timeout_seconds;      /* an idle connection is closed after this */
    size_t max_response;      /* bytes of one API response */
    size_t response_budget;   /* bytes of all responses being sent at once; over it: 503 */
    const char *web_root;     /* directory of the dashboard's static files; NULL: none */
    serve_api_fn api;
    void *api_user;
} serve_options;

typedef struct serve serve;

/* Loads the static files under web_root (regular files only, at most 512 files and 32 MB,
 * names of letters, digits, '.', '_' and '-') and starts listening. On success *out is the
 * running server (stop it with serve_stop). Errors: SITREP_EUSAGE (bad host or options),
 * SITREP_EIO (web files unreadable, or the port cannot be bound), SITREP_ELIMIT (too many
 * web files); d->message says what. */
sitrep_status serve_start(const serve_options *options, serve **out, diag *d) MUST_CHECK;

/* The port the server listens on. */
int serve_port(const serve *s);

/* Counters since start, for the log line at shutdown. */
typedef struct serve_stats {
    unsigned long long requests, errors_4xx, errors_5xx, refused_busy;
    unsigned long long abandoned; /* API requests dropped because the client had gone */
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
