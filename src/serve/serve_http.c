/* serve_http.c - the libmicrohttpd daemon of `sitrep serve`: a pool of worker threads, limits
 * on connections, memory and idle time per connection and on the bytes of responses being
 * sent, GET and HEAD only. The raw request target is taken from MHD's URI callback and parsed
 * by serve_request.c; /api/ goes to the API callback, everything else to the static files.
 */
#include "serve.h"

#include <arpa/inet.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct serve {
    serve_options options;
    serve_files files;
    struct MHD_Daemon *daemon;
    int port;
    atomic_int next_worker;
    atomic_size_t in_flight; /* bytes of API responses not yet sent */
    atomic_ullong requests, errors_4xx, errors_5xx, refused_busy, abandoned;
};

/* One request: the raw target as sent, taken before MHD decodes it. */
typedef struct request_ctx {
    size_t length;
    bool seen;     /* the access handler was called once */
    char target[]; /* at most SERVE_MAX_TARGET + 1 bytes are kept */
} request_ctx;

/* A response body being sent: given back to the budget when MHD frees it. */
typedef struct body_ctx {
    serve *server;
    size_t length;
    char *data;
} body_ctx;

/* Which worker of which server this thread is. MHD's pool threads are the only callers, each
 * handling one request at a time, so a thread keeps its index for the server's life. */
static _Thread_local const serve *worker_server;
static _Thread_local int worker_index;

static void no_log(void *cls, const char *format, va_list args)
{
    (void)cls, (void)format, (void)args; /* library code never prints */
}

static void *log_uri(void *cls, const char *uri, struct MHD_Connection *connection)
{
    (void)cls, (void)connection;
    size_t n = strlen(uri);
    size_t keep = n > SERVE_MAX_TARGET ? SERVE_MAX_TARGET + 1 : n;
    request_ctx *ctx = xmalloc(sizeof *ctx + keep + 1);
    ctx->length = n;
    ctx->seen = false;
    memcpy(ctx->target, uri, keep);
    ctx->target[keep] = '\0';
    return ctx;
}

static void completed(void *cls, struct MHD_Connection *connection, void **req_cls,
                      enum MHD_RequestTerminationCode code)
{
    (void)cls, (void)connection, (void)code;
    free(*req_cls);
    *req_cls = NULL;
}

static void body_free(void *cls)
{
    body_ctx *body = cls;
    atomic_fetch_sub(&body->server->in_flight, body->length);
    free(body->data);
    free(body);
}

static void add_headers(struct MHD_Response *r, const char *type, bool api)
{
    MHD_add_response_header(r, MHD_HTTP_HEADER_CONTENT_TYPE, type);
    MHD_add_response_header(r, MHD_HTTP_HEADER_CACHE_CONTROL, api ? "no-store" : "no-cache");
    MHD_add_response_header(r, "X-Content-Type-Options", "nosniff");
    MHD_add_response_header(r, "X-Frame-Options", "DENY");
    MHD_add_response_header(r, "Referrer-Policy", "no-referrer");
    MHD_add_response_header(r, "Content-Security-Policy",
                            "default-src 'self'; img-src 'self' data:; "
                            "style-src 'self' 'unsafe-inline'; frame-ancestors 'none'");
}

static void count_status(serve *s, int status)
{
    atomic_fetch_add(&s->requests, 1);
    if (status >= 500)
        atomic_fetch_add(&s->errors_5xx, 1);
    else if (status >= 400)
        atomic_fetch_add(&s->errors_4xx, 1);
}

/* Queues a response whose body is the heap buffer data (taken over). */
static enum MHD_Result queue_owned(serve *s, struct MHD_Connection *c, int status, const char *type,
                                   char *data, size_t length)
{
    body_ctx *body = xmalloc(sizeof *body);
    body->server = s;
    body->length = length;
    body->data = data;
    atomic_fetch_add(&s->in_flight, length);
    struct MHD_Response *r =
        MHD_create_response_from_buffer_with_free_callback_cls(length, data, body_free, body);
    if (!r) {
        body_free(body);
        return MHD_NO;
    }
    add_headers(r, type, true);
    if (status == MHD_HTTP_METHOD_NOT_ALLOWED)
        MHD_add_response_header(r, MHD_HTTP_HEADER_ALLOW, "GET, HEAD");
    count_status(s, status);
    enum MHD_Result result = MHD_queue_response(c, (unsigned)status, r);
    MHD_destroy_response(r);
    return result;
}

static enum MHD_Result queue_error(serve *s, struct MHD_Connection *c, int status,
                                   const char *message)
{
    buf b;
    buf_init(&b, 4096);
    json_writer w;
    json_init(&w, &b, false);
    json_object_begin(&w);
    json_key(&w, "error");
    json_cstr(&w, message);
    json_object_end(&w);
    if (json_status(&w) || !b.data) {
        buf_release(&b);
        return MHD_NO;
    }
    return queue_owned(s, c, status, "application/json", b.data, b.len);
}

void serve_error(serve_response *resp, int status, const char *format, ...)
{
    char message[600];
    va_list args;
    va_start(args, format);
    vsnprintf(message, sizeof message, format, args);
    va_end(args);
    resp->status = status;
    buf_reset(&resp->body);
    json_writer w;
    json_init(&w, &resp->body, false);
    json_object_begin(&w);
    json_key(&w, "error");
    json_cstr(&w, message);
    json_object_end(&w);
}

static enum MHD_Result serve_static(serve *s, struct MHD_Connection *c, const char *path)
{
    const serve_file *f = serve_files_find(&s->files, path);
    if (!f)
        return queue_error(s, c, MHD_HTTP_NOT_FOUND, "no such file");
    struct MHD_Response *r =
        MHD_create_response_from_buffer(f->length, f->data, MHD_RESPMEM_PERSISTENT);
    if (!r)
        return MHD_NO;
    add_headers(r, f->content_type, false);
    count_status(s, MHD_HTTP_OK);
    enum MHD_Result result = MHD_queue_response(c, MHD_HTTP_OK, r);
    MHD_destroy_response(r);
    return result;
}

static enum MHD_Result answer_api(serve *s, struct MHD_Connection *c, const serve_request *req)
{
    if (worker_server != s) {
        worker_server = s;
        worker_index = atomic_fetch_add(&s->next_worker, 1);
    }
    if (worker_index >= s->options.threads)
        return queue_error(s, c, MHD_HTTP_SERVICE_UNAVAILABLE, "no worker for this thread");
    if (atomic_load(&s->in_flight) > s->options.response_budget) {
        atomic_fetch_add(&s->refused_busy, 1);
        return queue_error(s, c, MHD_HTTP_SERVICE_UNAVAILABLE,
                           "the server is busy sending other answers; try again");
    }
    /* A client that has gone (wrk stopping, a browser leaving the page) still has its request
     * queued here: asking the store for it would delay everyone else's. A peek that reads the
     * end of the stream says so; such a request is dropped. (A client that half-closes after
     * its request would be dropped too; HTTP clients do not.) */
    const union MHD_ConnectionInfo *info =
        MHD_get_connection_info(c, MHD_CONNECTION_INFO_CONNECTION_FD);
    char peek;
    if (info && recv(info->connect_fd, &peek, 1, MSG_PEEK | MSG_DONTWAIT) == 0) {
        atomic_fetch_add(&s->abandoned, 1);
        return MHD_NO;
    }
    serve_response resp = {.status = MHD_HTTP_OK};
    buf_init(&resp.body, s->options.max_response);
    s->options.api(s->options.api_user, worker_index, req, &resp);
    if (!resp.body.data) /* nothing written */
        serve_error(&resp, MHD_HTTP_INTERNAL_SERVER_ERROR, "the handler wrote nothing");
    return queue_owned(s, c, resp.status, "application/json", resp.body.data, resp.body.len);
}

static enum MHD_Result handle(void *cls, struct MHD_Connection *c, const char *url,
                              const char *method, const char *version, const char *upload_data,
                              size_t *upload_data_size, void **req_cls)
{
    (void)url, (void)version, (void)upload_data, (void)upload_data_size;
    serve *s = cls;
    request_ctx *ctx = *req_cls;
    if (!ctx)
        return MHD_NO;
    if (strcmp(method, MHD_HTTP_METHOD_GET) != 0 && strcmp(method, MHD_HTTP_METHOD_HEAD) != 0)
        return queue_error(s, c, MHD_HTTP_METHOD_NOT_ALLOWED, "only GET and HEAD are served");
    const char *length =
        MHD_lookup_connection_value(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_LENGTH);
    if ((length && strcmp(length, "0") != 0) ||
        MHD_lookup_connection_value(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_TRANSFER_ENCODING))
        return queue_error(s, c, MHD_HTTP_CONTENT_TOO_LARGE, "requests here have no body");
    /* MHD keeps a connection alive only when the answer is queued after the first call (the
     * first one comes before MHD knows the request is complete). */
    if (!ctx->seen) {
        ctx->seen = true;
        return MHD_YES;
    }
    if (*upload_data_size)
        return queue_error(s, c, MHD_HTTP_CONTENT_TOO_LARGE, "requests here have no body");
    if (ctx->length > SERVE_MAX_TARGET)
        return queue_error(s, c, MHD_HTTP_URI_TOO_LONG, "the request target is too long");
    serve_request *req = xmalloc(sizeof *req);
    char error[256];
    sitrep_status status = serve_request_parse(ctx->target, ctx->length, req, error, sizeof error);
    enum MHD_Result result;
    if (status == SITREP_ELIMIT)
        result = queue_error(s, c, MHD_HTTP_URI_TOO_LONG, error);
    else if (status)
        result = queue_error(s, c, MHD_HTTP_BAD_REQUEST, error);
    else if (strncmp(req->path, "/api/", 5) == 0 || strcmp(req->path, "/api") == 0)
        result = answer_api(s, c, req);
    else /* parameters of a page are the dashboard's own (its filters in the address) */
        result = serve_static(s, c, req->path);
    free(req);
    return result;
}

sitrep_status serve_start(const serve_options *options, serve **out, diag *d)
{
    *out = NULL;
    const char *host = options->host ? options->host : "127.0.0.1";
    if (options->threads < 1 || options->threads > 64 || options->max_connections < 1 ||
        options->connection_memory < 4096 || options->timeout_seconds < 1 || options->port < 0 ||
        options->port > 65535 || !options->api)
        return diag_set(d, "", 0, "invalid server options"), SITREP_EUSAGE;
    struct sockaddr_in v4;
    struct sockaddr_in6 v6;
    memset(&v4, 0, sizeof v4);
    memset(&v6, 0, sizeof v6);
    struct sockaddr *address;
    bool ipv6 = strchr(host, ':') != NULL;
    if (ipv6) {
        v6.sin6_family = AF_INET6;
        v6.sin6_port = htons((uint16_t)options->port);
        if (inet_pton(AF_INET6, host, &v6.sin6_addr) != 1)
            return diag_set(d, "", 0, "'%s' is not a numeric IP address", host), SITREP_EUSAGE;
        address = (struct sockaddr *)&v6;
    } else {
        v4.sin_family = AF_INET;
        v4.sin_port = htons((uint16_t)options->port);
        if (inet_pton(AF_INET, host, &v4.sin_addr) != 1)
            return diag_set(d, "", 0, "'%s' is not a numeric IP address", host), SITREP_EUSAGE;
        address = (struct sockaddr *)&v4;
    }
    serve *s = xcalloc(1, sizeof *s);
    s->options = *options;
    s->options.host = host;
    if (options->web_root) {
        sitrep_status status = serve_files_load(&s->files, options->web_root, d);
        if (status) {
            free(s);
            return status;
        }
    }
    unsigned flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_AUTO | (ipv6 ? MHD_USE_IPv6 : 0);
    s->daemon = MHD_start_daemon(
        flags, (uint16_t)options->port, NULL, NULL, handle, s, MHD_OPTION_SOCK_ADDR, address,
        MHD_OPTION_THREAD_POOL_SIZE, (unsigned)options->threads, MHD_OPTION_CONNECTION_LIMIT,
        (unsigned)options->max_connections, MHD_OPTION_CONNECTION_MEMORY_LIMIT,
        options->connection_memory, MHD_OPTION_CONNECTION_TIMEOUT,
        (unsigned)options->timeout_seconds, MHD_OPTION_URI_LOG_CALLBACK, log_uri, s,
        MHD_OPTION_NOTIFY_COMPLETED, completed, s, MHD_OPTION_EXTERNAL_LOGGER, no_log, s,
        MHD_OPTION_STRICT_FOR_CLIENT, 1, MHD_OPTION_END);
    if (!s->daemon) {
        diag_set(d, "", 0, "cannot listen on %s port %d (in use, or not an address here?)", host,
                 options->port);
        serve_files_release(&s->files);
        free(s);
        return SITREP_EIO;
    }
    const union MHD_DaemonInfo *info = MHD_get_daemon_info(s->daemon, MHD_DAEMON_INFO_BIND_PORT);
    s->port = info ? info->port : options->port;
    *out = s;
    return SITREP_OK;
}

int serve_port(const serve *s)
{
    return s->port;
}

void serve_get_stats(const serve *s, serve_stats *out)
{
    out->requests = atomic_load(&s->requests);
    out->errors_4xx = atomic_load(&s->errors_4xx);
    out->errors_5xx = atomic_load(&s->errors_5xx);
    out->refused_busy = atomic_load(&s->refused_busy);
    out->abandoned = atomic_load(&s->abandoned);
}

void serve_stop(serve *s)
{
    if (!s)
        return;
    MHD_stop_daemon(s->daemon);
    serve_files_release(&s->files);
    free(s);
}
