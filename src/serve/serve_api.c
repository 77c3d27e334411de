/* serve_api.c - the JSON API of `sitrep serve`: every parameter is checked (400 with a JSON
 * error otherwise), then the store answers through store.h (store_query, store_facets,
 * store_article_find, store_search) and the answer is written with the JSON writer; events use
 * the same object as `sitrep query --format json` (store/store_json.c).
 */
#include "serve.h"

#include "../lexicon/lexicon.h"
#include "../store/store.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { HTTP_OK = 200, HTTP_BAD = 400, HTTP_NOT_FOUND = 404, HTTP_ERROR = 500 };

/* The filters of `sitrep query`, under the same names. */
static const char *const filter_names[] = {"actor",   "source",   "target",      "cameo", "root",
                                           "plover",  "modality", "attribution", "since", "until",
                                           "country", "text",     NULL};

static const char *const modalities[] = {"asserted", "negated",      "planned",
                                         "possible", "hypothetical", NULL};
static const char *const attributions[] = {
    "named", "official", "organization", "document", "publisher", "none", NULL};

sitrep_status serve_filter_check(const store_filter *q, char *error, size_t errlen)
{
    sitrep_status status = SITREP_OK;
    const struct {
        const char *name, *value;
    } codes[] = {{"actor", q->actor},     {"source", q->source}, {"target", q->target},
                 {"country", q->country}, {"cameo", q->cameo},   {"root", q->root}};
    for (size_t i = 0; i < ARRAY_LEN(codes) && !status; i++)
        status = serve_check_code(codes[i].name, codes[i].value, error, errlen);
    if (!status && q->cameo && (!ascii_digits(q->cameo, strlen(q->cameo)) || strlen(q->cameo) > 4))
        status = SITREP_EUSAGE,
        snprintf(error, errlen, "cameo wants 1-4 digits, not '%.20s'", q->cameo);
    if (!status && q->root && (!ascii_digits(q->root, strlen(q->root)) || strlen(q->root) != 2))
        status = SITREP_EUSAGE,
        snprintf(error, errlen, "root wants two digits, not '%.20s'", q->root);
    if (!status && q->plover && !cameo_plover_type_find(q->plover, strlen(q->plover)))
        status = SITREP_EUSAGE, snprintf(error, errlen,
                                         "plover wants a PLOVER type (AGREE, CONSULT, SUPPORT, "
                                         "CONCEDE, COOPERATE, AID, RETREAT, REQUEST, ACCUSE, "
                                         "REJECT, THREATEN, PROTEST, SANCTION, MOBILIZE, COERCE, "
                                         "ASSAULT), not '%.40s'",
                                         q->plover);
    if (!status)
        status = serve_check_word("modality", q->modality, modalities, error, errlen);
    if (!status)
        status = serve_check_word("attribution", q->attribution, attributions, error, errlen);
    if (!status)
        status = serve_check_date("since", q->since, error, errlen);
    if (!status)
        status = serve_check_date("until", q->until, error, errlen);
    if (!status)
        status = serve_check_text("text", q->text, error, errlen);
    return status;
}

/* Reads and checks the filter parameters into q. Returns false after writing a 400. */
static bool read_filter(const serve_request *r, store_filter *q, serve_response *resp)
{
    char error[400];
    q->actor = serve_param_find(r, "actor");
    q->source = serve_param_find(r, "source");
    q->target = serve_param_find(r, "target");
    q->cameo = serve_param_find(r, "cameo");
    q->root = serve_param_find(r, "root");
    q->plover = serve_param_find(r, "plover");
    q->modality = serve_param_find(r, "modality");
    q->attribution = serve_param_find(r, "attribution");
    q->since = serve_param_find(r, "since");
    q->until = serve_param_find(r, "until");
    q->country = serve_param_find(r, "country");
    q->text = serve_param_find(r, "text");
    if (serve_filter_check(q, error, sizeof error)) {
        serve_error(resp, HTTP_BAD, "%s", error);
        return false;
    }
    return true;
}

/* Checks that the request has only the filters and the extra names. */
static bool allowed(const serve_request *r, const char *const *extra, serve_response *resp)
{
    const char *names[ARRAY_LEN(filter_names) + 8];
    size_t n = 0;
    for (size_t i = 0; filter_names[i]; i++)
        names[n++] = filter_names[i];
    for (size_t i = 0; extra && extra[i] && n + 1 < ARRAY_LEN(names); i++)
        names[n++] = extra[i];
    names[n] = NULL;
    char error[300];
    if (serve_params_allowed(r, names, error, sizeof error)) {
        serve_error(resp, HTTP_BAD, "%s", error);
        return false;
    }
    return true;
}

static bool read_long(const serve_request *r, const char *name, long min, long max, long *out,
                      serve_response *resp)
{
    char error[300];
    if (serve_check_long(name, serve_param_find(r, name), min, max, out, error, sizeof error)) {
        serve_error(resp, HTTP_BAD, "%s", error);
        return false;
    }
    return true;
}

/* Turns a store failure into 400 (a bad value the checks let through) or 500. */
static void store_failed(serve_response *resp, sitrep_status status, const diag *d)
{
    const char *message = d->message[0] ? d->message : sitrep_strerror(status);
    if (status == SITREP_EUSAGE)
        serve_error(resp, HTTP_BAD, "%s", message);
    else if (status == SITREP_ELIMIT)
        serve_error(resp, HTTP_ERROR, "%s",
                    d->message[0] ? d->message : "the answer is too large: ask for fewer");
    else
        serve_error(resp, HTTP_ERROR, "the store could not answer: %s", message);
}

/* ---- /api/events ---- */

typedef struct events_page {
    json_writer *w;
    long shown, limit;
    bool more;
} events_page;

static sitrep_status page_event(void *user, const store_event *e)
{
    events_page *p = user;
    if (p->shown == p->limit) { /* the one asked beyond the page */
        p->more = true;
        return SITREP_OK;
    }
    p->shown++;
    store_json_event(p->w, e);
    return json_status(p->w);
}

static void api_events(store *s, const serve_request *r, serve_response *resp)
{
    static const char *const extra[] = {"limit", "offset", NULL};
    store_filter q = {0};
    long limit = 50, offset = 0;
    if (!allowed(r, extra, resp) || !read_filter(r, &q, resp) ||
        !read_long(r, "limit", 1, 500, &limit, resp) ||
        !read_long(r, "offset", 0, 100000, &offset, resp))
        return;
    q.limit = limit + 1;
    q.offset = offset;
    json_writer w;
    json_init(&w, &resp->body, false);
    json_object_begin(&w);
    json_key(&w, "events");
    json_array_begin(&w);
    events_page page = {.w = &w, .limit = limit};
    diag d;
    diag_clear(&d);
    sitrep_status status = store_query(s, &q, page_event, &page, &d);
    if (status) {
        store_failed(resp, status, &d);
        return;
    }
    json_array_end(&w);
    json_key(&w, "offset");
    json_int(&w, offset);
    json_key(&w, "limit");
    json_int(&w, limit);
    json_key(&w, "more");
    json_bool(&w, page.more);
    json_object_end(&w);
    if (json_status(&w))
        store_failed(resp, json_status(&w), &d);
}

/* ---- /api/actors and /api/timeline ---- */

typedef struct bucket_writer {
    json_writer *w;
    const char *key_name, *key2_name;
} bucket_writer;

static sitrep_status write_bucket(void *user, const store_bucket *b)
{
    bucket_writer *bw = user;
    json_writer *w = bw->w;
    json_object_begin(w);
    json_key(w, bw->key_name);
    json_cstr(w, b->key);
    if (bw->key2_name) {
        json_key(w, bw->key2_name);
        json_cstr(w, b->key2);
    }
    json_key(w, "count");
    json_int(w, b->count);
    json_key(w, "goldstein");
    if (b->has_goldstein)
        json_fixed(w, b->goldstein, 2);
    else
        json_null(w);
    json_object_end(w);
    return json_status(w);
}

static sitrep_status facet_array(store *s, const store_filter *q, json_writer *w, const char *name,
                                 store_facet facet, long limit, const char *key_name,
                                 const char *key2_name, diag *d)
{
    json_key(w, name);
    json_array_begin(w);
    bucket_writer bw = {w, key_name, key2_name};
    sitrep_status status = store_facets(s, q, facet, limit, write_bucket, &bw, d);
    json_array_end(w);
    return status;
}

typedef struct actor_lists {
    bucket_writer actors, dyads;
    bool in_dyads;
} actor_lists;

static sitrep_status list_actor(void *user, const store_bucket *b)
{
    return write_bucket(&((actor_lists *)user)->actors, b);
}

static sitrep_status list_dyad(void *user, const store_bucket *b)
{
    actor_lists *lists = user;
    if (!lists->in_dyads) {
        json_array_end(lists->dyads.w);
        json_key(lists->dyads.w, "dyads");
        json_array_begin(lists->dyads.w);
        lists->in_dyads = true;
    }
    return write_bucket(&lists->dyads, b);
}

static void api_actors(store *s, const serve_request *r, serve_response *resp)
{
    static const char *const extra[] = {"limit", NULL};
    store_filter q = {0};
    long limit = 30;
    if (!allowed(r, extra, resp) || !read_filter(r, &q, resp) ||
        !read_long(r, "limit", 1, 500, &limit, resp))
        return;
    json_writer w;
    json_init(&w, &resp->body, false);
    json_object_begin(&w);
    diag d;
    diag_clear(&d);
    /* one scan for both: the actors' array is closed when the first dyad arrives */
    actor_lists lists = {.actors = {&w, "code", NULL}, .dyads = {&w, "source", "target"}};
    json_key(&w, "actors");
    json_array_begin(&w);
    sitrep_status status = store_actor_facets(s, &q, limit, list_actor, list_dyad, &lists, &d);
    if (!status && !lists.in_dyads) {
        json_array_end(&w);
        json_key(&w, "dyads");
        json_array_begin(&w);
    }
    json_array_end(&w);
    json_object_end(&w);
    if (!status)
        status = json_status(&w);
    if (status)
        store_failed(resp, status, &d);
}

static void api_timeline(store *s, const serve_request *r, serve_response *resp)
{
    static const char *const extra[] = {"interval", "by", NULL};
    static const char *const intervals[] = {"day", "week", NULL};
    static const char *const groupings[] = {"quad", "root", NULL};
    store_filter q = {0};
    if (!allowed(r, extra, resp) || !read_filter(r, &q, resp))
        return;
    const char *interval = serve_param_find(r, "interval");
    const char *by = serve_param_find(r, "by");
    char error[300];
    if (serve_check_word("interval", interval, intervals, error, sizeof error) ||
        serve_check_word("by", by, groupings, error, sizeof error)) {
        serve_error(resp, HTTP_BAD, "%s", error);
        return;
    }
    bool day = interval && strcmp(interval, "day") == 0;
    bool root = by && strcmp(by, "root") == 0;
    store_facet facet = day ? (root ? STORE_FACET_DAY_ROOT : STORE_FACET_DAY)
                            : (root ? STORE_FACET_WEEK_ROOT : STORE_FACET_WEEK);
    json_writer w;
    json_init(&w, &resp->body, false);
    json_object_begin(&w);
    json_key(&w, "interval");
    json_cstr(&w, day ? "day" : "week");
    json_key(&w, "by");
    json_cstr(&w, root ? "root" : "quad");
    diag d;
    diag_clear(&d);
    /* 100,000 buckets: 68 years of days by four quad classes; more is not a chart */
    sitrep_status status =
        facet_array(s, &q, &w, "buckets", facet, 100000, "date", root ? "root" : "quad_class", &d);
    json_object_end(&w);
    if (!status)
        status = json_status(&w);
    if (status)
        store_failed(resp, status, &d);
}

/* ---- /api/articles/{id} ---- */

typedef struct article_writer {
    json_writer *w;
    bool events_open;
} article_writer;

static sitrep_status article_json(void *user, const char *json, size_t length)
{
    article_writer *aw = user;
    /* The stored object was parsed and checked when it was ingested: embed it as it is. */
    json_key(aw->w, "article");
    json_raw(aw->w, json, length);
    return json_status(aw->w);
}

static sitrep_status article_event(void *user, const char *key, long long event_id)
{
    article_writer *aw = user;
    if (!aw->events_open) {
        json_key(aw->w, "events");
        json_object_begin(aw->w);
        aw->events_open = true;
    }
    json_key(aw->w, key ? key : "");
    json_int(aw->w, event_id);
    return json_status(aw->w);
}

static void api_article(store *s, const char *id, serve_response *resp)
{
    if (!id[0] || strlen(id) > 256) {
        serve_error(resp, HTTP_BAD, "an article id has 1-256 bytes");
        return;
    }
    json_writer w;
    json_init(&w, &resp->body, false);
    json_object_begin(&w);
    article_writer aw = {.w = &w};
    bool found;
    diag d;
    diag_clear(&d);
    sitrep_status status = store_article_find(s, id, article_json, article_event, &aw, &found, &d);
    if (status) {
        store_failed(resp, status, &d);
        return;
    }
    if (!found) {
        serve_error(resp, HTTP_NOT_FOUND, "no article '%.200s'", id);
        return;
    }
    if (!aw.events_open) {
        json_key(&w, "events");
        json_object_begin(&w);
    }
    json_object_end(&w);
    json_object_end(&w);
    if (json_status(&w))
        store_failed(resp, json_status(&w), &d);
}

/* ---- /api/search ---- */

typedef struct hits_page {
    json_writer *w;
    long shown, limit;
    bool more;
} hits_page;

static sitrep_status write_hit(void *user, const store_hit *h)
{
    hits_page *p = user;
    if (p->shown == p->limit) {
        p->more = true;
        return SITREP_OK;
    }
    p->shown++;
    json_writer *w = p->w;
    json_object_begin(w);
    json_key(w, "article");
    json_cstr(w, h->article_id);
    json_key(w, "headline");
    json_cstr(w, h->headline);
    json_key(w, "published");
    json_cstr(w, h->published);
    json_key(w, "sentence");
    json_int(w, h->sentence);
    json_key(w, "text");
    json_cstr(w, h->text);
    json_key(w, "events");
    json_int(w, h->events);
    json_object_end(w);
    return json_status(w);
}

static void api_search(store *s, const serve_request *r, serve_response *resp)
{
    static const char *const names[] = {"q", "limit", "offset", NULL};
    char error[300];
    if (serve_params_allowed(r, names, error, sizeof error)) {
        serve_error(resp, HTTP_BAD, "%s", error);
        return;
    }
    const char *words = serve_param_find(r, "q");
    long limit = 50, offset = 0;
    if (!words) {
        serve_error(resp, HTTP_BAD, "q is required: the words to search for");
        return;
    }
    if (serve_check_text("q", words, error, sizeof error)) {
        serve_error(resp, HTTP_BAD, "%s", error);
        return;
    }
    if (!read_long(r, "limit", 1, 500, &limit, resp) ||
        !read_long(r, "offset", 0, 100000, &offset, resp))
        return;
    json_writer w;
    json_init(&w, &resp->body, false);
    json_object_begin(&w);
    json_key(&w, "hits");
    json_array_begin(&w);
    hits_page page = {.w = &w, .limit = limit};
    diag d;
    diag_clear(&d);
    sitrep_status status = store_search(s, words, limit + 1, offset, write_hit, &page, &d);
    if (status) {
        store_failed(resp, status, &d);
        return;
    }
    json_array_end(&w);
    json_key(&w, "more");
    json_bool(&w, page.more);
    json_object_end(&w);
    if (json_status(&w))
        store_failed(resp, json_status(&w), &d);
}

/* ---- the answer cache of the group endpoints ---- */

static char *cache_key(const serve_request *r)
{
    buf key;
    buf_init(&key, 0);
    sitrep_status status = buf_append_str(&key, r->path);
    for (size_t i = 0; i < r->nparams && !status; i++)
        status = buf_printf(&key, "\x1f%s=%s", r->params[i].name, r->params[i].value);
    if (status) {
        buf_release(&key);
        return NULL;
    }
    return key.data;
}

/* Answers from the cache when the same request was answered since the last change to the
 * database; otherwise runs answer() and keeps a successful, small enough result. */
static void cached_answer(serve_api_worker *worker, const serve_request *r, serve_response *resp,
                          void (*answer)(store *, const serve_request *, serve_response *))
{
    long long version;
    diag d;
    diag_clear(&d);
    char *key = NULL;
    if (store_data_version(worker->store, &version, &d) || !(key = cache_key(r))) {
        answer(worker->store, r, resp);
        return;
    }
    serve_cached *slot = NULL; /* an empty slot, else the least recently used */
    for (int i = 0; i < SERVE_API_CACHED; i++) {
        serve_cached *c = &worker->cached[i];
        if (c->key && strcmp(c->key, key) == 0 && c->version == version) {
            c->used = ++worker->clock;
            worker->hits++;
            free(key);
            if (buf_append(&resp->body, c->body, c->length))
                serve_error(resp, HTTP_ERROR, "the answer is too large: ask for fewer");
            return;
        }
        if (!slot || (slot->key && (!c->key || c->used < slot->used)))
            slot = c;
    }
    answer(worker->store, r, resp);
    if (resp->status != HTTP_OK || !resp->body.data || resp->body.len > SERVE_API_CACHED_BYTES) {
        free(key);
        return;
    }
    free(slot->key);
    free(slot->body);
    slot->key = key;
    slot->body = xmalloc(resp->body.len + 1);
    memcpy(slot->body, resp->body.data, resp->body.len);
    slot->length = resp->body.len;
    slot->version = version;
    slot->used = ++worker->clock;
}

void serve_api_release(serve_api *api)
{
    for (int w = 0; w < api->nworkers; w++)
        for (int i = 0; i < SERVE_API_CACHED; i++) {
            free(api->workers[w].cached[i].key);
            free(api->workers[w].cached[i].body);
        }
}

void serve_api_handle(void *user, int worker_index, const serve_request *r, serve_response *resp)
{
    serve_api *api = user;
    if (worker_index < 0 || worker_index >= api->nworkers) {
        serve_error(resp, HTTP_ERROR, "no database handle for this worker");
        return;
    }
    serve_api_worker *worker = &api->workers[worker_index];
    store *s = worker->store;
    const char *path = r->path;
    static const char prefix[] = "/api/articles/";
    if (strcmp(path, "/api/events") == 0)
        api_events(s, r, resp);
    else if (strcmp(path, "/api/actors") == 0)
        cached_answer(worker, r, resp, api_actors);
    else if (strcmp(path, "/api/timeline") == 0)
        cached_answer(worker, r, resp, api_timeline);
    else if (strcmp(path, "/api/search") == 0)
        api_search(s, r, resp);
    else if (strncmp(path, prefix, sizeof prefix - 1) == 0 && r->nparams == 0)
        api_article(s, path + sizeof prefix - 1, resp);
    else if (strcmp(path, "/api/article") == 0) {
        /* the same, for ids with a '/' (an encoded slash is refused in a path) */
        static const char *const names[] = {"id", NULL};
        char error[300];
        const char *id = serve_param_find(r, "id");
        if (serve_params_allowed(r, names, error, sizeof error))
            serve_error(resp, HTTP_BAD, "%s", error);
        else if (!id)
            serve_error(resp, HTTP_BAD, "id is required");
        else
            api_article(s, id, resp);
    } else if (strncmp(path, prefix, sizeof prefix - 1) == 0)
        serve_error(resp, HTTP_BAD, "an article takes no parameters");
    else
        serve_error(resp, HTTP_NOT_FOUND, "no such endpoint '%.100s'", path);
}
