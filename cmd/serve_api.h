/* serve_api.h - the JSON API of `sitrep serve` (cmd/serve_api.c): what /api/events, /api/actors,
 * /api/timeline, /api/articles/{id} and /api/search answer, read from the event store.
 * The HTTP side (threads, limits, parsing targets) is src/serve/; docs/serve.md lists the
 * endpoints and their parameters.
 */
#ifndef SITREP_SERVE_API_H
#define SITREP_SERVE_API_H

#include "serve/serve.h"

struct store;

/* One read-only store handle per server worker: worker i uses stores[i] only. */
typedef struct serve_api {
    struct store **stores;
    int nstores;
} serve_api;

/* The serve_api_fn for serve_start: user is a serve_api. Writes JSON into resp->body; bad
 * parameters get 400, unknown endpoints and ids 404, store failures 500, each with
 * {"error": "..."}. */
void serve_api_handle(void *user, int worker_index, const serve_request *request,
                      serve_response *resp);

#endif
