/* serve_api.h - the JSON API of `sitrep serve` (cmd/serve_api.c): what /api/events, /api/actors,
 * /api/timeline, /api/articles/{id} and /api/search answer, read from the event store.
 * The HTTP side (threads, limits, parsing targets) is src/serve/; docs/serve.md lists the
 * endpoints and their parameters.
 */
#ifndef SITREP_SERVE_API_H
#define SITREP_SERVE_API_H

#include "serve/serve.h"

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
    struct store *store;
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
