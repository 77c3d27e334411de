/* httpprobe.c - an HTTP client that behaves well and badly, for `sitrep serve`'s tests
 * (tests/cli/test_serve.sh) and its soak (bench/parts/soak.sh): slow clients that never
 * finish their request head (slowloris), floods of one request, and a timed mix of
 * well-behaved and hostile clients with latency percentiles and the server's memory.
 * Loopback only: it refuses to connect anywhere else.
 *
 * usage: httpprobe slowloris ADDR PORT N INTERVAL_MS SECONDS [SOURCE...]
 *        httpprobe get ADDR PORT N TARGET [CONCURRENCY [SOURCE]]
 *        httpprobe soak ADDR PORT SECONDS SERVER_PID [HOSTILE_SOURCE]
 */
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

static const char *server_address;
static int server_port;

static long long now_ms(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (long long)t.tv_sec * 1000 + t.tv_nsec / 1000000;
}

static void sleep_ms(long ms)
{
    struct timespec t = {ms / 1000, (ms % 1000) * 1000000L};
    nanosleep(&t, NULL);
}

/* A connection to the server from `source` (NULL: any loopback address), with send and
 * receive timeouts. -1 when it cannot connect. */
static int dial(const char *source, int timeout_ms)
{
    struct sockaddr_in to = {.sin_family = AF_INET, .sin_port = htons((uint16_t)server_port)};
    if (inet_pton(AF_INET, server_address, &to.sin_addr) != 1)
        return -1;
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0)
        return -1;
    if (source) {
        struct sockaddr_in from = {.sin_family = AF_INET};
        if (inet_pton(AF_INET, source, &from.sin_addr) != 1 ||
            bind(fd, (struct sockaddr *)&from, sizeof from) != 0) {
            close(fd);
            return -1;
        }
    }
    struct timeval tv = {timeout_ms / 1000, (timeout_ms % 1000) * 1000};
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
    int one = 1;
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    if (connect(fd, (struct sockaddr *)&to, sizeof to) != 0) {
        close(fd);
        return -1;
    }
    return fd;
}

static bool send_all(int fd, const char *data, size_t n)
{
    while (n) {
        ssize_t w = send(fd, data, n, MSG_NOSIGNAL);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            return false;
        data += w;
        n -= (size_t)w;
    }
    return true;
}

/* Reads one response: returns its status (0 when none came), and whether it was JSON with an
 * "error" when it was not 2xx. keep_alive: the body is read by its Content-Length. */
static int read_response(int fd, bool *json_error)
{
    static _Thread_local char data[1 << 20];
    size_t n = 0;
    char *end = NULL;
    *json_error = false;
    while (!end) {
        if (n == sizeof data - 1)
            return 0;
        ssize_t r = recv(fd, data + n, sizeof data - 1 - n, 0);
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0)
            return 0;
        n += (size_t)r;
        data[n] = '\0';
        end = strstr(data, "\r\n\r\n");
    }
    int status = 0;
    if (sscanf(data, "HTTP/1.%*d %d", &status) != 1)
        return 0;
    const char *length_header = strstr(data, "\r\nContent-Length: ");
    size_t length = length_header ? strtoul(length_header + 18, NULL, 10) : 0;
    size_t head = (size_t)(end + 4 - data);
    while (n - head < length && n < sizeof data - 1) {
        ssize_t r = recv(fd, data + n, sizeof data - 1 - n, 0);
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0)
            break;
        n += (size_t)r;
    }
    data[n] = '\0';
    *json_error = strstr(data, "\r\nContent-Type: application/json") && n - head >= length &&
                  strncmp(data + head, "{\"error\":\"", 10) == 0 && data[head + length - 1] == '}';
    return status;
}

static int compare_ll(const void *a, const void *b)
{
    long long x = *(const long long *)a, y = *(const long long *)b;
    return x < y ? -1 : x > y;
}

/* ---- slowloris ---- */

static int slowloris(int argc, char **argv)
{
    if (argc < 3)
        return 2;
    int n = atoi(argv[0]), interval = atoi(argv[1]), seconds = atoi(argv[2]);
    char **sources = argv + 3;
    int nsources = argc - 3;
    if (n < 1 || n > 20000)
        return 2;
    int *fds = calloc((size_t)n, sizeof *fds);
    int refused = 0, timed_out = 0, other = 0, failed = 0, open = 0, not_json = 0;
    long long start = now_ms();
    long long *closed_at = calloc((size_t)n, sizeof *closed_at);
    int nclosed = 0;
    for (int i = 0; i < n; i++) {
        fds[i] = dial(nsources ? sources[i % nsources] : NULL, 2000);
        if (fds[i] < 0 ||
            !send_all(fds[i], "GET /api/events HTTP/1.1\r\nHost: localhost\r\n", 43)) {
            failed++;
            if (fds[i] >= 0)
                close(fds[i]);
            fds[i] = -1;
        }
    }
    while (now_ms() - start < (long long)seconds * 1000) {
        for (int i = 0; i < n; i++) {
            if (fds[i] < 0)
                continue;
            struct pollfd p = {.fd = fds[i], .events = POLLIN};
            if (poll(&p, 1, 0) == 1) { /* the server answered: it is done with us */
                bool json;
                int status = read_response(fds[i], &json);
                if (status == 503)
                    refused++;
                else if (status == 408) {
                    timed_out++;
                    closed_at[nclosed++] = now_ms() - start;
                } else
                    other++;
                if (status && !json)
                    not_json++;
                close(fds[i]);
                fds[i] = -1;
                continue;
            }
            if (!send_all(fds[i], "X-Slow: yes\r\n", 13)) {
                other++;
                close(fds[i]);
                fds[i] = -1;
            }
        }
        sleep_ms(interval);
    }
    for (int i = 0; i < n; i++)
        if (fds[i] >= 0) {
            open++;
            close(fds[i]);
        }
    qsort(closed_at, (size_t)nclosed, sizeof *closed_at, compare_ll);
    printf("connections %d refused %d timed_out %d other %d failed %d still_open %d not_json %d "
           "median_timeout_ms %lld\n",
           n, refused, timed_out, other, failed, open, not_json,
           nclosed ? closed_at[nclosed / 2] : -1);
    free(fds);
    free(closed_at);
    return 0;
}

/* ---- get: N requests on new connections ---- */

typedef struct get_job {
    const char *target, *source;
    int count;
    atomic_int *next;
    long long *latency;
    atomic_int status[600];
    atomic_int not_json, no_answer;
} get_job;

static void *get_thread(void *p)
{
    get_job *job = p;
    char request[16384];
    int length =
        snprintf(request, sizeof request,
                 "GET %s HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n", job->target);
    for (;;) {
        int i = atomic_fetch_add(job->next, 1);
        if (i >= job->count)
            break;
        long long start = now_ms();
        int fd = dial(job->source, 10000);
        bool json = false;
        int status =
            fd >= 0 && send_all(fd, request, (size_t)length) ? read_response(fd, &json) : 0;
        if (fd >= 0)
            close(fd);
        job->latency[i] = now_ms() - start;
        if (status <= 0 || status >= 600)
            atomic_fetch_add(&job->no_answer, 1);
        else
            atomic_fetch_add(&job->status[status], 1);
        if (status >= 400 && !json)
            atomic_fetch_add(&job->not_json, 1);
    }
    return NULL;
}

static int get(int argc, char **argv)
{
    if (argc < 2)
        return 2;
    int n = atoi(argv[0]);
    int concurrency = argc > 2 ? atoi(argv[2]) : 1;
    if (n < 1 || concurrency < 1 || concurrency > 256 || strlen(argv[1]) > 16000)
        return 2;
    atomic_int next = 0;
    get_job *job = calloc(1, sizeof *job);
    *job = (get_job){
        .target = argv[1], .source = argc > 3 ? argv[3] : NULL, .count = n, .next = &next};
    job->latency = calloc((size_t)n, sizeof *job->latency);
    pthread_t threads[256];
    for (int t = 0; t < concurrency; t++)
        pthread_create(&threads[t], NULL, get_thread, job);
    for (int t = 0; t < concurrency; t++)
        pthread_join(threads[t], NULL);
    qsort(job->latency, (size_t)n, sizeof *job->latency, compare_ll);
    for (int s = 100; s < 600; s++)
        if (atomic_load(&job->status[s]))
            printf("status_%d %d ", s, atomic_load(&job->status[s]));
    printf("no_answer %d not_json %d p50_ms %lld p99_ms %lld max_ms %lld\n",
           atomic_load(&job->no_answer), atomic_load(&job->not_json), job->latency[n / 2],
           job->latency[(size_t)n * 99 / 100], job->latency[n - 1]);
    free(job->latency);
    free(job);
    return 0;
}

/* ---- soak: well-behaved clients among hostile ones ---- */

typedef struct soak_state {
    long long until;
    const char *hostile;
    atomic_int stop;
    pthread_mutex_t lock;
    long long *latency;
    size_t nlatency, alatency;
    atomic_long good, refused, hostile_requests;
} soak_state;

static const char *const good_paths[] = {
    "/api/events?limit=50",
    "/api/events?actor=RUS&limit=50",
    "/api/events?root=19&country=UKR&limit=50",
    "/api/events?since=2024-06-01&until=2024-06-30&limit=50",
    "/api/events?limit=50&offset=50",
    "/api/search?q=troops&limit=20",
    "/",
    "/app.js",
};

/* A well-behaved client: one keep-alive connection, a request every 20 ms, any answer that
 * is not 2xx (or no answer) counted as refused. */
static void *good_client(void *p)
{
    soak_state *st = p;
    int fd = -1;
    unsigned i = 0;
    while (!atomic_load(&st->stop) && now_ms() < st->until) {
        if (fd < 0 && (fd = dial("127.0.0.1", 30000)) < 0) {
            atomic_fetch_add(&st->refused, 1);
            sleep_ms(100);
            continue;
        }
        char request[512];
        int n = snprintf(request, sizeof request, "GET %s HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n",
                         good_paths[i++ % (sizeof good_paths / sizeof *good_paths)]);
        long long start = now_ms();
        bool json;
        int status = send_all(fd, request, (size_t)n) ? read_response(fd, &json) : 0;
        long long took = now_ms() - start;
        if (status < 200 || status > 299) {
            if (status == 0 && fd >= 0) { /* the server may close an idle keep-alive: retry */
                close(fd);
                fd = -1;
                continue;
            }
            atomic_fetch_add(&st->refused, 1);
            fprintf(stderr, "httpprobe: a well-behaved request got %d\n", status);
        } else {
            atomic_fetch_add(&st->good, 1);
        }
        pthread_mutex_lock(&st->lock);
        if (st->nlatency == st->alatency) {
            st->alatency = st->alatency ? st->alatency * 2 : 4096;
            st->latency = realloc(st->latency, st->alatency * sizeof *st->latency);
        }
        st->latency[st->nlatency++] = took;
        pthread_mutex_unlock(&st->lock);
        sleep_ms(20);
    }
    if (fd >= 0)
        close(fd);
    return NULL;
}

/* Slow clients: up to 100 connections that send a header line every 2 s and never finish. */
static void *slow_clients(void *p)
{
    soak_state *st = p;
    int fds[100];
    for (int i = 0; i < 100; i++)
        fds[i] = -1;
    while (!atomic_load(&st->stop) && now_ms() < st->until) {
        for (int i = 0; i < 100; i++) {
            if (fds[i] < 0) {
                fds[i] = dial(st->hostile, 2000);
                if (fds[i] >= 0 && !send_all(fds[i], "GET / HTTP/1.1\r\nHost: localhost\r\n", 34)) {
                    close(fds[i]);
                    fds[i] = -1;
                }
                continue;
            }
            struct pollfd pf = {.fd = fds[i], .events = POLLIN};
            if (poll(&pf, 1, 0) == 1 || !send_all(fds[i], "X-Slow: yes\r\n", 13)) {
                close(fds[i]);
                fds[i] = -1;
            }
            atomic_fetch_add(&st->hostile_requests, 1);
        }
        sleep_ms(2000);
    }
    for (int i = 0; i < 100; i++)
        if (fds[i] >= 0)
            close(fds[i]);
    return NULL;
}

/* Bad requests of every kind, one after another, each on a new connection. */
static void *bad_clients(void *p)
{
    soak_state *st = p;
    static char ampersands[800], big[40000], params[3000];
    memset(ampersands, '&', sizeof ampersands - 1);
    memset(big, 'b', sizeof big - 1);
    for (size_t i = 0; i + 4 < sizeof params; i += 4)
        memcpy(params + i, "a=1&", 4);
    char request[50000];
    unsigned kind = 0;
    while (!atomic_load(&st->stop) && now_ms() < st->until) {
        int n = 0;
        bool wait_answer = true;
        switch (kind++ % 12) {
        case 0:
            n = snprintf(request, sizeof request,
                         "GET /api/events?%slimit=1 HTTP/1.1\r\nHost: localhost\r\n\r\n",
                         ampersands);
            break;
        case 1:
            n = snprintf(request, sizeof request,
                         "GET /api/events HTTP/1.1\r\nHost: x\r\nX-Big: %s\r\n\r\n", big);
            break;
        case 2:
            n = snprintf(request, sizeof request,
                         "GET /api/events HTTP/1.1\r\nHost: attacker.example\r\n\r\n");
            break;
        case 3:
            n = snprintf(request, sizeof request,
                         "GET /api/events HTTP/1.1\r\nHost: localhost\r\nContent-Length: "
                         "0\r\nContent-Length: 5\r\n\r\nhello");
            break;
        case 4:
            n = snprintf(
                request, sizeof request,
                "POST /api/events HTTP/1.1\r\nHost: localhost\r\nContent-Length: 5\r\n\r\nhello");
            break;
        case 5:
            n = 16; /* the start of a TLS handshake, then garbage */
            memcpy(request, "\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03garb", 16);
            break;
        case 6:
            n = snprintf(request, sizeof request, "GET /../../etc/passwd HTTP/1.0\r\n\r\n");
            break;
        case 7:
            n = snprintf(request, sizeof request,
                         "GET /api/events?%s HTTP/1.1\r\nHost: localhost\r\n\r\n", params);
            break;
        case 8: /* a request, then gone before the answer */
            n = snprintf(request, sizeof request,
                         "GET /api/actors HTTP/1.1\r\nHost: localhost\r\n\r\n");
            wait_answer = false;
            break;
        case 9: /* connect and close */
            n = 0;
            wait_answer = false;
            break;
        case 10:
            n = snprintf(request, sizeof request, "GET / HTTP/7.1\r\nHost: localhost\r\n\r\n");
            break;
        default:
            n = snprintf(request, sizeof request,
                         "GET /api/events?text=%%ff%%fe HTTP/1.1\r\nHost: localhost\r\n\r\n");
            break;
        }
        int fd = dial(st->hostile, 5000);
        if (fd < 0) {
            sleep_ms(10);
            continue;
        }
        if (n > 0 && send_all(fd, request, (size_t)n) && wait_answer) {
            bool json;
            int status = read_response(fd, &json);
            if (status >= 400 && !json)
                fprintf(stderr, "httpprobe: a %d answer that is not a JSON error\n", status);
        }
        close(fd);
        atomic_fetch_add(&st->hostile_requests, 1);
    }
    return NULL;
}

/* Idle connections opened in bursts beyond the per-address limit and held for a while. */
static void *idle_flood(void *p)
{
    soak_state *st = p;
    while (!atomic_load(&st->stop) && now_ms() < st->until) {
        int fds[150];
        for (int i = 0; i < 150; i++)
            fds[i] = dial(st->hostile, 2000);
        sleep_ms(3000);
        for (int i = 0; i < 150; i++)
            if (fds[i] >= 0)
                close(fds[i]);
        atomic_fetch_add(&st->hostile_requests, 150);
    }
    return NULL;
}

static long rss_kb(long pid)
{
    char path[64], line[256];
    snprintf(path, sizeof path, "/proc/%ld/status", pid);
    FILE *f = fopen(path, "r");
    long kb = -1;
    while (f && fgets(line, sizeof line, f))
        if (strncmp(line, "VmRSS:", 6) == 0)
            kb = atol(line + 6);
    if (f)
        fclose(f);
    return kb;
}

static int soak(int argc, char **argv)
{
    if (argc < 2)
        return 2;
    int seconds = atoi(argv[0]);
    long pid = atol(argv[1]);
    soak_state *st = calloc(1, sizeof *st);
    st->hostile = argc > 2 ? argv[2] : "127.0.0.2";
    st->until = now_ms() + (long long)seconds * 1000;
    pthread_mutex_init(&st->lock, NULL);
    long rss_start = rss_kb(pid), rss_warm = -1, rss_max = rss_start;
    pthread_t threads[8];
    int nthreads = 0;
    for (int i = 0; i < 4; i++)
        pthread_create(&threads[nthreads++], NULL, good_client, st);
    pthread_create(&threads[nthreads++], NULL, slow_clients, st);
    pthread_create(&threads[nthreads++], NULL, bad_clients, st);
    pthread_create(&threads[nthreads++], NULL, bad_clients, st);
    pthread_create(&threads[nthreads++], NULL, idle_flood, st);
    long long start = now_ms(), warm_at = start + (seconds > 120 ? 60000 : seconds * 250LL);
    while (now_ms() < st->until) {
        sleep_ms(1000);
        long rss = rss_kb(pid);
        if (rss < 0) {
            fprintf(stderr, "httpprobe: the server (pid %ld) is gone\n", pid);
            atomic_store(&st->stop, 1);
            break;
        }
        if (rss > rss_max)
            rss_max = rss;
        if (rss_warm < 0 && now_ms() >= warm_at)
            rss_warm = rss;
    }
    for (int i = 0; i < nthreads; i++)
        pthread_join(threads[i], NULL);
    long rss_end = rss_kb(pid);
    qsort(st->latency, st->nlatency, sizeof *st->latency, compare_ll);
    long long p50 = st->nlatency ? st->latency[st->nlatency / 2] : -1;
    long long p99 = st->nlatency ? st->latency[st->nlatency * 99 / 100] : -1;
    long long worst = st->nlatency ? st->latency[st->nlatency - 1] : -1;
    printf("seconds %d good_requests %ld good_refused %ld hostile_requests %ld p50_ms %lld "
           "p99_ms %lld max_ms %lld rss_start_kb %ld rss_warm_kb %ld rss_end_kb %ld "
           "rss_max_kb %ld\n",
           seconds, atomic_load(&st->good), atomic_load(&st->refused),
           atomic_load(&st->hostile_requests), p50, p99, worst, rss_start, rss_warm, rss_end,
           rss_max);
    free(st->latency);
    free(st);
    return 0;
}

int main(int argc, char **argv)
{
    if (argc < 4) {
        fputs("usage: httpprobe slowloris|get|soak ADDR PORT ...\n", stderr);
        return 2;
    }
    server_address = argv[2];
    server_port = atoi(argv[3]);
    if (strncmp(server_address, "127.", 4) != 0) {
        fprintf(stderr, "httpprobe: %s is not a loopback address\n", server_address);
        return 2;
    }
    int rc = 2;
    if (strcmp(argv[1], "slowloris") == 0)
        rc = slowloris(argc - 4, argv + 4);
    else if (strcmp(argv[1], "get") == 0)
        rc = get(argc - 4, argv + 4);
    else if (strcmp(argv[1], "soak") == 0)
        rc = soak(argc - 4, argv + 4);
    if (rc == 2)
        fputs("httpprobe: bad arguments (see the usage at the top of tests/tools/httpprobe.c)\n",
              stderr);
    return rc;
}
