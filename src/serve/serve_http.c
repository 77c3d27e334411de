/* serve_http.c - the HTTP/1.1 server of `sitrep serve`: one thread reads and writes every
 * connection (epoll), a pool of worker threads answers the API from the store. Every byte a
 * client sends is parsed here and in serve_request.c, so every refusal is a JSON error: limits
 * on connections (in all and per address), a deadline for the whole request head, idle and
 * send timeouts, a Host check against DNS rebinding, a budget for the answers being sent.
 */
#include "serve.h"

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <time.h>
#include <unistd.h>

#define DRAIN_SLOTS 64 /* refused connections given time to read their answer */
#define DRAIN_MS 2000  /* how long a connection being closed is read from, at most */
#define EVICT_AFTER_MS                                                                             \
    1000 /* at the connection limit, a connection idle or still sending its                        \
           head for this long may be closed to make room */
#define TAG_LISTEN UINT64_MAX
#define TAG_WAKE (UINT64_MAX - 1)

typedef enum conn_state {
    CONN_FREE = 0,
    CONN_READING,  /* waiting for (the rest of) a request head */
    CONN_WAITING,  /* a worker is answering; the socket is out of the epoll set */
    CONN_WRITING,  /* sending an answer */
    CONN_DRAINING, /* answered and closing: what the client still sends is read and dropped */
} conn_state;

typedef struct conn {
    conn_state state;
    int fd;
    uint32_t generation; /* changes each time the slot is reused (epoll tags carry it) */
    uint32_t address;    /* slot in the address table */
    bool counted;        /* holds one of its address's connections */
    char local[64];      /* the address the client connected to (Host check) */
    char *in;            /* bytes read and not yet consumed */
    size_t in_length, in_alloc;
    long long head_ms;     /* when the current request head began (0: idle between requests) */
    long long activity_ms; /* last read or write */
    bool keep_alive, head_only;
    bool busy; /* process_input is running for it */
    /* the answer */
    char header[1536];
    size_t header_length;
    const char *body;
    size_t body_length;
    char *body_owned; /* the body when it is ours to free (API answers, errors) */
    size_t sent;      /* bytes of header + body sent */
    /* an API request while a worker answers it */
    serve_request *request;
    serve_response response;
    bool abandoned;
} conn;

/* Open connections per client address (IPv4 as ::ffff:a.b.c.d), open addressing. */
typedef struct address_slot {
    unsigned char key[16];
    uint32_t count; /* 0: free */
} address_slot;

struct serve {
    serve_options options;
    serve_files files;
    int listen_fd, epoll_fd, wake[2];
    int port;
    char bound[64]; /* options.host without brackets */
    conn *conns;
    size_t nslots, open;
    address_slot *addresses;
    size_t address_mask;
    pthread_t io_thread;
    pthread_t *workers;
    int nworkers;
    /* API requests waiting for a worker, and answers waiting for the I/O thread */
    pthread_mutex_t lock;
    pthread_cond_t work;
    uint32_t *queue, *done;
    size_t queue_head, queue_tail, done_head, done_tail;
    bool workers_stop;
    atomic_bool stopping;
    atomic_int next_worker;
    atomic_size_t in_flight; /* bytes of API answers not yet sent */
    char date[40];
    time_t date_second;
    long long last_sweep_ms;
    bool accept_paused;
    atomic_ullong requests, errors_4xx, errors_5xx, refused_busy, abandoned, refused_connections,
        header_timeouts;
};

static long long now_ms(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (long long)t.tv_sec * 1000 + t.tv_nsec / 1000000;
}

static void set_nonblocking(int fd)
{
    int flags = fcntl(fd, F_GETFL, 0);
    if (flags >= 0)
        fcntl(fd, F_SETFL, flags | O_NONBLOCK);
    fcntl(fd, F_SETFD, FD_CLOEXEC);
}

/* ---- addresses ---- */

static size_t address_hash(const unsigned char key[16])
{
    return (size_t)hash_bytes(key, 16, 0x61646472);
}

/* The slot of key, or the free slot where it would go. */
static size_t address_find(const serve *s, const unsigned char key[16])
{
    size_t i = address_hash(key) & s->address_mask;
    while (s->addresses[i].count && memcmp(s->addresses[i].key, key, 16) != 0)
        i = (i + 1) & s->address_mask;
    return i;
}

/* Drops one connection of the address in slot i (linear probing: later entries of the same
 * run move back so that every key stays reachable). */
static void address_release(serve *s, size_t i)
{
    if (--s->addresses[i].count)
        return;
    size_t j = i;
    for (;;) {
        j = (j + 1) & s->address_mask;
        if (!s->addresses[j].count)
            return;
        size_t home = address_hash(s->addresses[j].key) & s->address_mask;
        bool between = i <= j ? (home > i && home <= j) : (home > i || home <= j);
        if (!between) {
            s->addresses[i] = s->addresses[j];
            s->addresses[j].count = 0;
            i = j;
        }
    }
}

static void address_key(const struct sockaddr_storage *peer, unsigned char key[16], char *text,
                        size_t textlen)
{
    memset(key, 0, 16);
    if (peer->ss_family == AF_INET) {
        const struct sockaddr_in *v4 = (const struct sockaddr_in *)peer;
        key[10] = key[11] = 0xff;
        memcpy(key + 12, &v4->sin_addr, 4);
        inet_ntop(AF_INET, &v4->sin_addr, text, (socklen_t)textlen);
    } else {
        const struct sockaddr_in6 *v6 = (const struct sockaddr_in6 *)peer;
        memcpy(key, &v6->sin6_addr, 16);
        inet_ntop(AF_INET6, &v6->sin6_addr, text, (socklen_t)textlen);
    }
}

/* ---- answers ---- */

static const char *reason(int status)
{
    static const struct {
        int status;
        const char *text;
    } reasons[] = {{200, "OK"},
                   {400, "Bad Request"},
                   {403, "Forbidden"},
                   {404, "Not Found"},
                   {405, "Method Not Allowed"},
                   {408, "Request Timeout"},
                   {413, "Content Too Large"},
                   {414, "URI Too Long"},
                   {431, "Request Header Fields Too Large"},
                   {500, "Internal Server Error"},
                   {503, "Service Unavailable"},
                   {505, "HTTP Version Not Supported"}};
    for (size_t i = 0; i < ARRAY_LEN(reasons); i++)
        if (reasons[i].status == status)
            return reasons[i].text;
    return "Unknown";
}

static void update_date(serve *s)
{
    time_t t = time(NULL);
    if (t == s->date_second)
        return;
    s->date_second = t;
    struct tm tm;
    gmtime_r(&t, &tm);
    strftime(s->date, sizeof s->date, "%a, %d %b %Y %H:%M:%S GMT", &tm);
}

/* {"error": message} as a heap string. */
static char *error_json(const char *message, size_t *length)
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
        *length = 2;
        return xstrdup("{}");
    }
    *length = b.len;
    return b.data;
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

/* Writes the status line and headers of an answer into c->header. */
static void format_header(serve *s, conn *c, int status, const char *type, size_t length, bool api)
{
    update_date(s);
    int n =
        snprintf(c->header, sizeof c->header,
                 "HTTP/1.1 %d %s\r\nDate: %s\r\nContent-Type: %s\r\nContent-Length: %zu\r\n"
                 "Cache-Control: %s\r\nX-Content-Type-Options: nosniff\r\n"
                 "X-Frame-Options: DENY\r\nReferrer-Policy: no-referrer\r\n"
                 "Content-Security-Policy: default-src 'self'; img-src 'self' data:; "
                 "style-src 'self' 'unsafe-inline'; frame-ancestors 'none'\r\n"
                 "%s%sConnection: %s\r\n\r\n",
                 status, reason(status), s->date, type, length, api ? "no-store" : "no-cache",
                 status == 405 ? "Allow: GET, HEAD\r\n" : "",
                 status == 503 ? "Retry-After: 1\r\n" : "", c->keep_alive ? "keep-alive" : "close");
    c->header_length = n > 0 && (size_t)n < sizeof c->header ? (size_t)n : 0;
    atomic_fetch_add(&s->requests, 1);
    if (status >= 500)
        atomic_fetch_add(&s->errors_5xx, 1);
    else if (status >= 400)
        atomic_fetch_add(&s->errors_4xx, 1);
}

static void epoll_set(serve *s, conn *c, int op, uint32_t events)
{
    struct epoll_event ev = {.events = events,
                             .data.u64 = (uint64_t)(c - s->conns) | (uint64_t)c->generation << 32};
    epoll_ctl(s->epoll_fd, op, c->fd, &ev);
}

static void conn_close(serve *s, conn *c)
{
    if (c->state == CONN_FREE)
        return;
    epoll_ctl(s->epoll_fd, EPOLL_CTL_DEL, c->fd, NULL);
    close(c->fd);
    if (c->body_owned) {
        atomic_fetch_sub(&s->in_flight, c->body_length);
        free(c->body_owned);
    }
    if (c->counted)
        address_release(s, c->address);
    if ((size_t)(c - s->conns) < s->options.max_connections)
        s->open--;
    free(c->in);
    free(c->request);
    buf_release(&c->response.body);
    uint32_t generation = c->generation + 1;
    memset(c, 0, sizeof *c);
    c->generation = generation;
    c->fd = -1;
}

static void conn_write(serve *s, conn *c);

/* Starts sending an answer. body is the caller's (static files) unless owned; an owned body of
 * an API answer counts against the budget until it is sent. */
static void respond(serve *s, conn *c, int status, const char *type, const char *body,
                    size_t length, char *owned, bool api)
{
    format_header(s, c, status, type, length, api);
    c->body = c->head_only ? NULL : body;
    c->body_length = c->head_only ? 0 : length;
    c->body_owned = owned;
    if (owned) {
        if (c->head_only) {
            free(owned);
            c->body_owned = NULL;
        } else {
            atomic_fetch_add(&s->in_flight, length);
        }
    }
    c->sent = 0;
    c->state = CONN_WRITING;
    conn_write(s, c);
}

/* A JSON error; the connection is closed after it unless keep. */
static void respond_error(serve *s, conn *c, int status, bool keep, const char *format, ...)
    PRINTF_LIKE(5, 6);
static void respond_error(serve *s, conn *c, int status, bool keep, const char *format, ...)
{
    char message[700];
    va_list args;
    va_start(args, format);
    vsnprintf(message, sizeof message, format, args);
    va_end(args);
    if (!keep)
        c->keep_alive = false;
    size_t length;
    char *body = error_json(message, &length);
    respond(s, c, status, "application/json", body, length, body, true);
}

/* After an answer: close (reading what the client still sends for a moment, so that our
 * answer is not lost to a reset), or wait for the next request. */
static void finish_answer(serve *s, conn *c, long long now)
{
    if (c->body_owned) {
        atomic_fetch_sub(&s->in_flight, c->body_length);
        free(c->body_owned);
        c->body_owned = NULL;
    }
    c->body = NULL;
    if (!c->keep_alive) {
        shutdown(c->fd, SHUT_WR);
        c->state = CONN_DRAINING;
        c->activity_ms = now;
        epoll_set(s, c, EPOLL_CTL_MOD, EPOLLIN | EPOLLRDHUP);
        return;
    }
    c->state = CONN_READING;
    c->head_ms = c->in_length ? now : 0;
    epoll_set(s, c, EPOLL_CTL_MOD, EPOLLIN | EPOLLRDHUP);
}

static void process_input(serve *s, conn *c, long long now);

static void conn_write(serve *s, conn *c)
{
    long long now = now_ms();
    while (c->sent < c->header_length + c->body_length) {
        struct iovec iov[2];
        int n = 0;
        if (c->sent < c->header_length) {
            iov[n].iov_base = c->header + c->sent;
            iov[n++].iov_len = c->header_length - c->sent;
            if (c->body_length)
                iov[n++] = (struct iovec){(void *)c->body, c->body_length};
        } else {
            size_t off = c->sent - c->header_length;
            iov[n++] = (struct iovec){(void *)(c->body + off), c->body_length - off};
        }
        struct msghdr msg = {.msg_iov = iov, .msg_iovlen = (size_t)n};
        ssize_t w = sendmsg(c->fd, &msg, MSG_NOSIGNAL);
        if (w < 0 && errno == EINTR)
            continue;
        if (w < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
            epoll_set(s, c, EPOLL_CTL_MOD, EPOLLOUT);
            return;
        }
        if (w <= 0) {
            conn_close(s, c);
            return;
        }
        c->sent += (size_t)w;
        c->activity_ms = now;
    }
    finish_answer(s, c, now);
    if (c->state == CONN_READING && c->in_length)
        process_input(s, c, now); /* a pipelined request */
}

/* ---- requests ---- */

/* Is the host (a Host header, port and all) one this server answers to? Browsers send the
 * name they resolved: a page of attacker.example whose name was made to resolve to 127.0.0.1
 * (DNS rebinding) sends "attacker.example", which is refused. */
static bool host_allowed(const serve *s, const conn *c, const char *host, size_t n)
{
    if (n && host[0] == '[') { /* [v6]:port */
        const char *close = memchr(host, ']', n);
        if (!close)
            return false;
        host++;
        n = (size_t)(close - host);
    } else {
        const char *colon = memchr(host, ':', n);
        if (colon) {
            if (!ascii_digits(colon + 1, n - (size_t)(colon + 1 - host)))
                return false;
            n = (size_t)(colon - host);
        }
    }
    if (n && host[n - 1] == '.')
        n--;
    if (n == 0)
        return false;
    const char *fixed[] = {"localhost", "127.0.0.1", "::1", s->bound, c->local};
    for (size_t i = 0; i < ARRAY_LEN(fixed); i++)
        if (strlen(fixed[i]) == n && strncasecmp(fixed[i], host, n) == 0)
            return true;
    if (n > 10 && strncasecmp(host + n - 10, ".localhost", 10) == 0)
        return true; /* RFC 6761: browsers keep *.localhost on this machine */
    for (const char *const *a = s->options.allowed_hosts; a && *a; a++)
        if (strlen(*a) == n && strncasecmp(*a, host, n) == 0)
            return true;
    return false;
}

/* Hands an API request to the workers. */
static void queue_api(serve *s, conn *c)
{
    c->state = CONN_WAITING;
    epoll_ctl(s->epoll_fd, EPOLL_CTL_DEL, c->fd, NULL);
    pthread_mutex_lock(&s->lock);
    s->queue[s->queue_tail++ % s->options.max_connections] = (uint32_t)(c - s->conns);
    pthread_cond_signal(&s->work);
    pthread_mutex_unlock(&s->lock);
}

static void handle_request(serve *s, conn *c, const serve_head *head)
{
    c->head_only = strcmp(head->method, "HEAD") == 0;
    c->keep_alive = head->minor >= 1 ? !head->close : head->keep_alive && !head->close;
    bool get = strcmp(head->method, "GET") == 0 || c->head_only;
    bool body = head->content_length > 0 || head->transfer_encoding;
    char error[256];
    if (!get) {
        respond_error(s, c, 405, !body, "only GET and HEAD are served, not %s", head->method);
        return;
    }
    if (body) {
        respond_error(s, c, 413, false, "requests here have no body");
        return;
    }
    if (head->host && !host_allowed(s, c, head->host, head->host_length)) {
        respond_error(s, c, 403, false,
                      "host '%.*s' is not served here: this server answers to localhost, "
                      "127.0.0.1 and its own address (sitrep serve --allow-host NAME adds one)",
                      (int)(head->host_length > 100 ? 100 : head->host_length), head->host);
        return;
    }
    if (!c->request)
        c->request = xmalloc(sizeof *c->request);
    sitrep_status status =
        serve_request_parse(head->target, head->target_length, c->request, error, sizeof error);
    if (status) {
        respond_error(s, c, status == SITREP_ELIMIT ? 414 : 400, true, "%s", error);
        return;
    }
    const char *path = c->request->path;
    if (strncmp(path, "/api/", 5) == 0 || strcmp(path, "/api") == 0) {
        queue_api(s, c);
        return;
    }
    /* parameters of a page are the dashboard's own (its filters in the address) */
    const serve_file *f = serve_files_find(&s->files, path);
    if (!f) {
        respond_error(s, c, 404, true, "no such file");
        return;
    }
    respond(s, c, 200, f->content_type, f->data, f->length, NULL, false);
}

/* Parses what has arrived and answers each complete head in turn (pipelined requests), or
 * refuses a bad one. An answer sent at once calls this again; `busy` makes that call return
 * and this loop go on, so pipelining does not recurse. */
static void process_input(serve *s, conn *c, long long now)
{
    if (c->busy)
        return;
    c->busy = true;
    while (c->state == CONN_READING && c->in_length) {
        serve_head head;
        char error[256];
        int status = serve_head_parse(c->in, c->in_length, s->options.connection_memory, &head,
                                      error, sizeof error);
        if (status < 0)
            break; /* more to come */
        if (status > 0) {
            respond_error(s, c, status, false, "%s", error);
            break;
        }
        /* What follows the head is set aside while it is answered (the head's pointers are
         * into c->in, which stays as it is meanwhile), then put back. */
        size_t rest = c->in_length - head.length;
        char *copy = rest ? xmalloc(rest) : NULL;
        if (rest)
            memcpy(copy, c->in + head.length, rest);
        c->in_length = 0;
        handle_request(s, c, &head);
        if (c->state == CONN_FREE) {
            free(copy);
            return;
        }
        if (rest) {
            memcpy(c->in, copy, rest);
            c->head_ms = c->head_ms ? c->head_ms : now;
        }
        c->in_length = rest;
        free(copy);
    }
    c->busy = false;
}

static void conn_read(serve *s, conn *c, long long now)
{
    size_t limit = s->options.connection_memory + 1;
    if (c->in_alloc < limit && c->in_alloc - c->in_length < 1024) {
        size_t size = c->in_alloc ? c->in_alloc * 2 : 2048;
        c->in = xrealloc(c->in, size < limit ? size : limit);
        c->in_alloc = size < limit ? size : limit;
    }
    size_t room = c->in_alloc - c->in_length;
    if (room == 0) { /* full: the parser has said what is wrong */
        respond_error(s, c, 431, false, "the request header is larger than the limit of %zu bytes",
                      s->options.connection_memory);
        return;
    }
    ssize_t n = recv(c->fd, c->in + c->in_length, room, 0);
    if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR))
        return;
    if (n <= 0) {
        conn_close(s, c);
        return;
    }
    if (c->in_length == 0 && !c->head_ms)
        c->head_ms = now; /* the first byte of a request after an idle time */
    c->in_length += (size_t)n;
    c->activity_ms = now;
    process_input(s, c, now);
}

/* ---- connections ---- */

/* At the connection limit: closes a connection that is closing anyway, else the one that has
 * been idle, or sending its head, the longest (if for more than EVICT_AFTER_MS), so that a new
 * client is not locked out by slow or sleeping ones. */
static bool evict_one(serve *s, long long now)
{
    conn *oldest = NULL;
    long long oldest_ms = now - EVICT_AFTER_MS;
    for (size_t i = 0; i < s->options.max_connections; i++) {
        conn *c = &s->conns[i];
        if (c->state == CONN_DRAINING) {
            oldest = c;
            break;
        }
        if (c->state != CONN_READING)
            continue;
        long long since = c->head_ms ? c->head_ms : c->activity_ms;
        if (since < oldest_ms) {
            oldest_ms = since;
            oldest = c;
        }
    }
    if (!oldest)
        return false;
    if (oldest->state == CONN_READING && oldest->head_ms)
        atomic_fetch_add(&s->header_timeouts, 1);
    conn_close(s, oldest);
    return true;
}

/* A slot for a connection: one of max_connections, or for a refused one of the few kept to
 * deliver the refusal. */
static conn *free_slot(serve *s, bool refused)
{
    size_t from = refused ? s->options.max_connections : 0;
    size_t to = refused ? s->nslots : s->options.max_connections;
    for (size_t i = from; i < to; i++)
        if (s->conns[i].state == CONN_FREE)
            return &s->conns[i];
    return NULL;
}

static void accept_one(serve *s, int fd, const struct sockaddr_storage *peer, long long now)
{
    set_nonblocking(fd);
    int one = 1;
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    unsigned char key[16];
    char peer_text[64];
    address_key(peer, key, peer_text, sizeof peer_text);
    size_t a = address_find(s, key);
    const char *refusal = NULL;
    char message[300];
    if (s->addresses[a].count >= (uint32_t)s->options.max_per_address) {
        snprintf(message, sizeof message,
                 "too many connections from %s: the limit is %d per address", peer_text,
                 s->options.max_per_address);
        refusal = message;
    } else if (s->open >= s->options.max_connections && !evict_one(s, now)) {
        snprintf(message, sizeof message,
                 "the server has %zu connections open, its limit; try again", s->open);
        refusal = message;
    }
    conn *c = free_slot(s, refusal != NULL);
    if (!c) {
        close(fd);
        atomic_fetch_add(&s->refused_connections, 1);
        return;
    }
    c->fd = fd;
    c->activity_ms = now;
    c->head_ms = now; /* a new connection's head must arrive within the deadline */
    struct sockaddr_storage local;
    socklen_t local_length = sizeof local;
    if (getsockname(fd, (struct sockaddr *)&local, &local_length) == 0) {
        unsigned char ignored[16];
        address_key(&local, ignored, c->local, sizeof c->local);
    }
    c->state = CONN_READING;
    epoll_set(s, c, EPOLL_CTL_ADD, EPOLLIN | EPOLLRDHUP);
    if (refusal) {
        atomic_fetch_add(&s->refused_connections, 1);
        respond_error(s, c, 503, false, "%s", refusal);
        return;
    }
    s->open++;
    if (!s->addresses[a].count)
        memcpy(s->addresses[a].key, key, 16);
    s->addresses[a].count++;
    c->address = (uint32_t)a;
    c->counted = true;
}

static void accept_all(serve *s, long long now)
{
    for (int k = 0; k < 256; k++) {
        struct sockaddr_storage peer;
        socklen_t length = sizeof peer;
        int fd = accept(s->listen_fd, (struct sockaddr *)&peer, &length);
        if (fd < 0) {
            if (errno == EINTR || errno == ECONNABORTED)
                continue;
            if (errno == EMFILE || errno == ENFILE || errno == ENOBUFS || errno == ENOMEM) {
                /* out of descriptors: stop listening until the next sweep rather than be
                 * woken again and again by the waiting connection */
                epoll_ctl(s->epoll_fd, EPOLL_CTL_DEL, s->listen_fd, NULL);
                s->accept_paused = true;
            }
            return;
        }
        accept_one(s, fd, &peer, now);
    }
}

/* Deadlines: the request head, idle keep-alive connections, sending, closing. */
static void sweep(serve *s, long long now)
{
    long long head_ms = (long long)s->options.header_timeout_seconds * 1000;
    long long idle_ms = (long long)s->options.timeout_seconds * 1000;
    for (size_t i = 0; i < s->nslots; i++) {
        conn *c = &s->conns[i];
        if (c->state == CONN_READING && c->head_ms && now - c->head_ms > head_ms) {
            atomic_fetch_add(&s->header_timeouts, 1);
            respond_error(s, c, 408, false, "the request header did not arrive within %d seconds",
                          s->options.header_timeout_seconds);
        } else if ((c->state == CONN_READING && !c->head_ms && now - c->activity_ms > idle_ms) ||
                   (c->state == CONN_WRITING && now - c->activity_ms > idle_ms) ||
                   (c->state == CONN_DRAINING && now - c->activity_ms > DRAIN_MS)) {
            conn_close(s, c);
        }
    }
    if (s->accept_paused) { /* accepting stopped for want of file descriptors */
        s->accept_paused = false;
        struct epoll_event ev = {.events = EPOLLIN, .data.u64 = TAG_LISTEN};
        epoll_ctl(s->epoll_fd, EPOLL_CTL_ADD, s->listen_fd, &ev);
    }
}

/* Answers the workers have finished. */
static void take_answers(serve *s)
{
    char drain[64];
    while (read(s->wake[0], drain, sizeof drain) > 0)
        ;
    for (;;) {
        pthread_mutex_lock(&s->lock);
        if (s->done_head == s->done_tail) {
            pthread_mutex_unlock(&s->lock);
            return;
        }
        uint32_t slot = s->done[s->done_head++ % s->options.max_connections];
        pthread_mutex_unlock(&s->lock);
        conn *c = &s->conns[slot];
        if (c->abandoned) {
            atomic_fetch_add(&s->abandoned, 1);
            conn_close(s, c);
            continue;
        }
        epoll_set(s, c, EPOLL_CTL_ADD, EPOLLOUT);
        serve_response *r = &c->response;
        char *body = r->body.data;
        size_t length = r->body.len;
        buf_init(&r->body, r->body.cap); /* the body is the answer's now */
        if (!body) {
            respond_error(s, c, 500, true, "the handler wrote nothing");
            continue;
        }
        respond(s, c, r->status, "application/json", body, length, body, true);
    }
}

static void handle_event(serve *s, uint64_t tag, uint32_t events, long long now)
{
    conn *c = &s->conns[tag & 0xffffffffu];
    if ((tag & 0xffffffffu) >= s->nslots || c->generation != (uint32_t)(tag >> 32) ||
        c->state == CONN_FREE)
        return; /* closed since the event was queued */
    if (c->state == CONN_WRITING) {
        if (events & (EPOLLERR | EPOLLHUP))
            conn_close(s, c);
        else
            conn_write(s, c);
    } else if (c->state == CONN_READING) {
        conn_read(s, c, now);
    } else if (c->state == CONN_DRAINING) {
        char sink[4096];
        ssize_t n = recv(c->fd, sink, sizeof sink, 0);
        if (n == 0 || (n < 0 && errno != EAGAIN && errno != EINTR) || (events & EPOLLHUP))
            conn_close(s, c);
    }
}

static void *io_main(void *p)
{
    serve *s = p;
    struct epoll_event events[256];
    while (!atomic_load(&s->stopping)) {
        int n = epoll_wait(s->epoll_fd, events, 256, 250);
        long long now = now_ms();
        for (int i = 0; i < n; i++) {
            if (events[i].data.u64 == TAG_LISTEN)
                accept_all(s, now);
            else if (events[i].data.u64 == TAG_WAKE)
                take_answers(s);
            else
                handle_event(s, events[i].data.u64, events[i].events, now);
        }
        if (now - s->last_sweep_ms >= 250) {
            s->last_sweep_ms = now;
            sweep(s, now);
        }
    }
    return NULL;
}

/* ---- workers ---- */

static void *worker_main(void *p)
{
    serve *s = p;
    int index = atomic_fetch_add(&s->next_worker, 1);
    pthread_mutex_lock(&s->lock);
    for (;;) {
        while (!s->workers_stop && s->queue_head == s->queue_tail)
            pthread_cond_wait(&s->work, &s->lock);
        if (s->workers_stop)
            break;
        conn *c = &s->conns[s->queue[s->queue_head++ % s->options.max_connections]];
        pthread_mutex_unlock(&s->lock);
        /* A client that has gone (wrk stopping, a browser leaving the page) still has its
         * request queued here: asking the store for it would delay everyone else's. A peek
         * that reads the end of the stream says so. (A client that half-closes after its
         * request would be dropped too; HTTP clients do not.) */
        char peek;
        c->abandoned = recv(c->fd, &peek, 1, MSG_PEEK | MSG_DONTWAIT) == 0;
        if (!c->abandoned) {
            c->response.status = 200;
            buf_init(&c->response.body, s->options.max_response);
            if (atomic_load(&s->in_flight) > s->options.response_budget) {
                atomic_fetch_add(&s->refused_busy, 1);
                serve_error(&c->response, 503,
                            "the server is busy sending other answers; try again");
            } else {
                s->options.api(s->options.api_user, index, c->request, &c->response);
            }
        }
        pthread_mutex_lock(&s->lock);
        s->done[s->done_tail++ % s->options.max_connections] = (uint32_t)(c - s->conns);
        if (write(s->wake[1], "w", 1) < 0) {
            /* the pipe is full: a wake-up is already pending */
        }
    }
    pthread_mutex_unlock(&s->lock);
    return NULL;
}

/* ---- start and stop ---- */

static int listen_on(const char *host, int port, bool *ipv6, diag *d)
{
    struct sockaddr_storage address;
    memset(&address, 0, sizeof address);
    socklen_t length;
    *ipv6 = strchr(host, ':') != NULL;
    if (*ipv6) {
        struct sockaddr_in6 *v6 = (struct sockaddr_in6 *)&address;
        v6->sin6_family = AF_INET6;
        v6->sin6_port = htons((uint16_t)port);
        if (inet_pton(AF_INET6, host, &v6->sin6_addr) != 1)
            return diag_set(d, "", 0, "'%s' is not a numeric IP address", host), -2;
        length = sizeof *v6;
    } else {
        struct sockaddr_in *v4 = (struct sockaddr_in *)&address;
        v4->sin_family = AF_INET;
        v4->sin_port = htons((uint16_t)port);
        if (inet_pton(AF_INET, host, &v4->sin_addr) != 1)
            return diag_set(d, "", 0, "'%s' is not a numeric IP address", host), -2;
        length = sizeof *v4;
    }
    int fd = socket(address.ss_family, SOCK_STREAM, 0);
    int one = 1;
    if (fd >= 0)
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    if (fd < 0 || bind(fd, (struct sockaddr *)&address, length) != 0 || listen(fd, 1024) != 0) {
        diag_set(d, "", 0, "cannot listen on %s port %d: %s", host, port, strerror(errno));
        if (fd >= 0)
            close(fd);
        return -1;
    }
    set_nonblocking(fd);
    return fd;
}

sitrep_status serve_start(const serve_options *options, serve **out, diag *d)
{
    *out = NULL;
    const char *host = options->host ? options->host : "127.0.0.1";
    if (options->threads < 1 || options->threads > 64 || options->max_connections < 1 ||
        options->max_per_address < 1 || options->connection_memory < 4096 ||
        options->timeout_seconds < 1 || options->header_timeout_seconds < 1 || options->port < 0 ||
        options->port > 65535 || !options->api)
        return diag_set(d, "", 0, "invalid server options"), SITREP_EUSAGE;
    bool ipv6;
    int fd = listen_on(host, options->port, &ipv6, d);
    if (fd < 0)
        return fd == -2 ? SITREP_EUSAGE : SITREP_EIO;
    serve *s = xcalloc(1, sizeof *s);
    s->options = *options;
    s->options.host = host;
    s->listen_fd = fd;
    snprintf(s->bound, sizeof s->bound, "%s", host);
    if (options->web_root) {
        sitrep_status status = serve_files_load(&s->files, options->web_root, d);
        if (status) {
            close(fd);
            free(s);
            return status;
        }
    }
    struct sockaddr_storage bound;
    socklen_t bound_length = sizeof bound;
    getsockname(fd, (struct sockaddr *)&bound, &bound_length);
    s->port = ntohs(bound.ss_family == AF_INET6 ? ((struct sockaddr_in6 *)&bound)->sin6_port
                                                : ((struct sockaddr_in *)&bound)->sin_port);
    s->nslots = options->max_connections + DRAIN_SLOTS;
    s->conns = xcalloc(s->nslots, sizeof *s->conns);
    for (size_t i = 0; i < s->nslots; i++)
        s->conns[i].fd = -1;
    size_t table = 16;
    while (table < (size_t)options->max_connections * 2)
        table *= 2;
    s->addresses = xcalloc(table, sizeof *s->addresses);
    s->address_mask = table - 1;
    s->queue = xcalloc(options->max_connections, sizeof *s->queue);
    s->done = xcalloc(options->max_connections, sizeof *s->done);
    pthread_mutex_init(&s->lock, NULL);
    pthread_cond_init(&s->work, NULL);
    if (pipe(s->wake) != 0)
        die("cannot create a pipe: %s", strerror(errno));
    set_nonblocking(s->wake[0]);
    set_nonblocking(s->wake[1]);
    s->epoll_fd = epoll_create1(EPOLL_CLOEXEC);
    if (s->epoll_fd < 0)
        die("cannot create an epoll set: %s", strerror(errno));
    struct epoll_event ev = {.events = EPOLLIN, .data.u64 = TAG_LISTEN};
    epoll_ctl(s->epoll_fd, EPOLL_CTL_ADD, fd, &ev);
    ev.data.u64 = TAG_WAKE;
    epoll_ctl(s->epoll_fd, EPOLL_CTL_ADD, s->wake[0], &ev);
    s->workers = xcalloc((size_t)options->threads, sizeof *s->workers);
    for (int i = 0; i < options->threads; i++) {
        if (pthread_create(&s->workers[i], NULL, worker_main, s) != 0)
            die("cannot start a thread: %s", strerror(errno));
        s->nworkers++;
    }
    if (pthread_create(&s->io_thread, NULL, io_main, s) != 0)
        die("cannot start a thread: %s", strerror(errno));
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
    out->refused_connections = atomic_load(&s->refused_connections);
    out->header_timeouts = atomic_load(&s->header_timeouts);
}

void serve_stop(serve *s)
{
    if (!s)
        return;
    atomic_store(&s->stopping, true);
    if (write(s->wake[1], "s", 1) < 0) {
        /* full: the I/O thread wakes up anyway */
    }
    pthread_join(s->io_thread, NULL);
    close(s->listen_fd);
    pthread_mutex_lock(&s->lock);
    s->workers_stop = true;
    pthread_cond_broadcast(&s->work);
    pthread_mutex_unlock(&s->lock);
    for (int i = 0; i < s->nworkers; i++)
        pthread_join(s->workers[i], NULL);
    for (size_t i = 0; i < s->nslots; i++)
        conn_close(s, &s->conns[i]);
    close(s->epoll_fd);
    close(s->wake[0]);
    close(s->wake[1]);
    pthread_cond_destroy(&s->work);
    pthread_mutex_destroy(&s->lock);
    serve_files_release(&s->files);
    free(s->workers);
    free(s->conns);
    free(s->addresses);
    free(s->queue);
    free(s->done);
    free(s);
}
