/* cmd_serve.c - `sitrep serve`: the dashboard and its JSON API over the event store. Opens one
 * read-only store handle per worker thread, works out the memory budget from the limits,
 * starts the server (src/serve/) and waits for SIGINT or SIGTERM to stop it cleanly.
 */
#include "cmd.h"
#include "serve/serve.h"
#include "store/store.h"

#include <limits.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

static const char serve_help[] =
    "usage: sitrep serve [--db FILE|URL] [--host ADDRESS] [--port P] [--web DIR] [--threads N]\n"
    "                    [--max-connections N] [--max-per-address N] [--connection-memory KB]\n"
    "                    [--header-timeout S] [--timeout S] [--allow-host NAME]...\n"
    "                    [--memory-limit MB]\n"
    "\n"
    "Serves the dashboard and its JSON API (/api/events, /api/actors, /api/timeline,\n"
    "/api/articles/ID, /api/search) over the event store, read-only. Stops cleanly on\n"
    "SIGINT (Ctrl-C) or SIGTERM. Every error is a JSON object {\"error\": \"...\"}.\n"
    "  --db FILE|URL          an SQLite file or a PostgreSQL URL (default: $SITREP_DB,\n"
    "                         else $XDG_DATA_HOME/sitrep/events.db)\n"
    "  --host ADDRESS         numeric address to listen on (default 127.0.0.1: this machine\n"
    "                         only; 0.0.0.0 opens it to the network, without authentication)\n"
    "  --port P               port (default 8080; 0 picks a free one)\n"
    "  --web DIR              the dashboard's files (default: web/ next to the program, or\n"
    "                         the installed share/sitrep/web)\n"
    "  --threads N            worker threads, each with its own database handle (default 4)\n"
    "  --max-connections N    connections open at once (default 1024); past it the one idle\n"
    "                         or slow the longest makes room, else 503\n"
    "  --max-per-address N    connections open at once from one address (default 64)\n"
    "  --connection-memory KB the largest request head (request line and headers; default 32)\n"
    "  --header-timeout S     a request head must arrive whole within S seconds (default 10)\n"
    "  --timeout S            idle connections are closed after S seconds (default 30)\n"
    "  --allow-host NAME      answer requests for NAME too (the Host header): by default only\n"
    "                         localhost, 127.0.0.1, ::1 and the address listened on are, so\n"
    "                         that a web page cannot reach the API by DNS rebinding\n"
    "  --memory-limit MB      the memory the server plans for (default 256): connections,\n"
    "                         database caches and answers being sent share it; answers\n"
    "                         beyond it are refused with 503 until others are sent\n";

/* Memory the program itself takes besides the budgeted parts: code, libraries, the static
 * files, thread stacks touched, allocator slack. Measured RSS of an idle server is ~12 MB. */
#define BASE_MB 40
#define DB_CACHE_MB 8 /* page cache per worker's database handle */
/* Per connection besides its request head: its state and a parsed request target. */
#define CONNECTION_BYTES ((long long)sizeof(serve_request) + 2048)

static bool parse_number(const char *option, const char *value, long min, long max, long *out)
{
    char *end;
    long n = strtol(value, &end, 10);
    if (*end || end == value || n < min || n > max) {
        cmd_error("%s wants a number from %ld to %ld, not '%s'", option, min, max, value);
        return false;
    }
    *out = n;
    return true;
}

/* The web directory: --web, else web/ beside the executable (the build tree), else the
 * installed one. */
static bool find_web_root(const char *given, char out[PATH_MAX], size_t outlen)
{
    struct stat st;
    if (given) {
        snprintf(out, outlen, "%s", given);
        return stat(out, &st) == 0 && S_ISDIR(st.st_mode);
    }
    char exe[PATH_MAX - 32]; /* room for "/web/index.html" in out */
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n > 0) {
        exe[n] = '\0';
        char *slash = strrchr(exe, '/');
        if (slash) {
            *slash = '\0';
            snprintf(out, outlen, "%s/web/index.html", exe);
            if (stat(out, &st) == 0) {
                snprintf(out, outlen, "%s/web", exe);
                return true;
            }
        }
    }
    snprintf(out, outlen, "%s/web", SITREP_DATADIR);
    return stat(out, &st) == 0 && S_ISDIR(st.st_mode);
}

/* Lets the process hold max_connections sockets plus the database and web files. */
static void raise_file_limit(long max_connections)
{
    struct rlimit rl;
    if (getrlimit(RLIMIT_NOFILE, &rl) != 0)
        return;
    rlim_t want = (rlim_t)max_connections + 64;
    if (rl.rlim_cur < want) {
        rl.rlim_cur = rl.rlim_max == RLIM_INFINITY || rl.rlim_max > want ? want : rl.rlim_max;
        if (setrlimit(RLIMIT_NOFILE, &rl) != 0 || rl.rlim_cur < want)
            cmd_error("warning: only %llu open files allowed; fewer than %ld connections "
                      "will be served",
                      (unsigned long long)rl.rlim_cur, max_connections);
    }
}

int cmd_serve(int argc, char **argv)
{
    const char *db = NULL, *web = NULL;
    serve_options options = {
        .host = "127.0.0.1",
        .port = 8080,
        .threads = 4,
        .max_connections = 1024,
        .max_per_address = 64,
        .connection_memory = 32 * 1024,
        .header_timeout_seconds = 10,
        .timeout_seconds = 30,
        .max_response = 16 << 20,
    };
    long memory_mb = 256;
    const char **allowed = xcalloc((size_t)argc + 1, sizeof *allowed);
    size_t nallowed = 0;
    options.allowed_hosts = allowed;
    for (int i = 1; i < argc; i++) {
        const char *arg = argv[i];
        if (strcmp(arg, "--help") == 0 || strcmp(arg, "-h") == 0) {
            fputs(serve_help, stdout);
            free(allowed);
            return EXIT_OK;
        }
        if (i + 1 >= argc) {
            cmd_error("%s (see --help)",
                      arg[0] == '-' ? "option needs a value" : "unexpected argument");
            free(allowed);
            return EXIT_USAGE;
        }
        const char *value = argv[++i];
        static const struct {
            const char *name;
            long min, max;
        } numbers[] = {{"--port", 0, 65535},
                       {"--threads", 1, 64},
                       {"--max-connections", 1, 100000},
                       {"--connection-memory", 8, 1024},
                       {"--timeout", 1, 3600},
                       {"--memory-limit", 32, 1 << 20},
                       {"--max-per-address", 1, 100000},
                       {"--header-timeout", 1, 3600}};
        long n[ARRAY_LEN(numbers)];
        size_t which = ARRAY_LEN(numbers);
        for (size_t k = 0; k < ARRAY_LEN(numbers); k++)
            if (strcmp(arg, numbers[k].name) == 0)
                which = k;
        if (which < ARRAY_LEN(numbers) &&
            !parse_number(arg, value, numbers[which].min, numbers[which].max, &n[which])) {
            free(allowed);
            return EXIT_USAGE;
        }
        if (strcmp(arg, "--db") == 0)
            db = value;
        else if (strcmp(arg, "--web") == 0)
            web = value;
        else if (strcmp(arg, "--host") == 0)
            options.host = value;
        else if (which == 0)
            options.port = (int)n[0];
        else if (which == 1)
            options.threads = (int)n[1];
        else if (which == 2)
            options.max_connections = (size_t)n[2];
        else if (which == 3)
            options.connection_memory = (size_t)n[3] * 1024;
        else if (which == 4)
            options.timeout_seconds = (int)n[4];
        else if (which == 5)
            memory_mb = n[5];
        else if (which == 6)
            options.max_per_address = (int)n[6];
        else if (which == 7)
            options.header_timeout_seconds = (int)n[7];
        else if (strcmp(arg, "--allow-host") == 0)
            allowed[nallowed++] = value;
        else {
            cmd_error("unknown option '%s' (see --help)", arg);
            free(allowed);
            return EXIT_USAGE;
        }
    }
    /* The budget: connections' request memory and the database caches first; what is left,
     * less the program's own, is for answers being sent. */
    long long connections = (long long)options.max_connections *
                            ((long long)options.connection_memory + CONNECTION_BYTES);
    long long caches = (long long)options.threads *
                       (((long long)DB_CACHE_MB << 20) +
                        (long long)SERVE_API_CACHED * (long long)SERVE_API_CACHED_BYTES);
    long long left =
        ((long long)memory_mb << 20) - ((long long)BASE_MB << 20) - connections - caches;
    if (left < (8 << 20)) {
        cmd_error("--memory-limit %ld MB is too small for %zu connections of %zu KB and %d "
                  "threads (needs at least %lld MB)",
                  memory_mb, options.max_connections, options.connection_memory / 1024,
                  options.threads,
                  (((long long)BASE_MB << 20) + connections + caches + (8 << 20)) >> 20);
        free(allowed);
        return EXIT_USAGE;
    }
    /* Each worker may be building one answer while the others' are being sent: keep room for
     * one answer per worker outside the budget of answers being sent (half of what is left
     * at most), so the total stays within the limit. */
    if (options.max_response > (size_t)left / 2 / (size_t)options.threads)
        options.max_response = (size_t)left / 2 / (size_t)options.threads;
    options.response_budget = (size_t)left - options.max_response * (size_t)options.threads;
    char web_root[PATH_MAX];
    if (!find_web_root(web, web_root, sizeof web_root)) {
        cmd_error("%s: no dashboard files there (build them with `make`, or give --web DIR)",
                  web_root);
        free(allowed);
        return EXIT_RUNTIME;
    }
    options.web_root = web_root;
    raise_file_limit((long)options.max_connections);
    /* SQLite frees cache pages beyond this instead of growing (all handles together). */
    store_limit_cache_memory((long long)options.threads * ((long long)DB_CACHE_MB << 20) +
                             (8 << 20));

    serve_api api = {.workers = xcalloc((size_t)options.threads, sizeof(serve_api_worker)),
                     .nworkers = options.threads};
    store_options store_opts = {.read_only = true, .cache_kib = DB_CACHE_MB * 1024};
    int rc = EXIT_OK;
    for (int i = 0; i < options.threads && rc == EXIT_OK; i++)
        rc = cmd_store_open(db, &store_opts, &api.workers[i].store);
    serve *server = NULL;
    if (rc == EXIT_OK) {
        /* SIGINT and SIGTERM are taken by sigwait below: blocked before the workers start, so
         * that they inherit the mask and never run the default action. */
        sigset_t stop;
        /* A shell starts background jobs with SIGINT ignored; an ignored signal is discarded
         * and sigwait would never see it. The server is stopped on purpose: take both. */
        signal(SIGINT, SIG_DFL);
        signal(SIGTERM, SIG_DFL);
        sigemptyset(&stop);
        sigaddset(&stop, SIGINT);
        sigaddset(&stop, SIGTERM);
        pthread_sigmask(SIG_BLOCK, &stop, NULL);
        signal(SIGPIPE, SIG_IGN);
        options.api = serve_api_handle;
        options.api_user = &api;
        diag d;
        diag_clear(&d);
        sitrep_status status = serve_start(&options, &server, &d);
        if (status) {
            char message[1200];
            diag_format(&d, message, sizeof message);
            cmd_error("%s", message);
            rc = status == SITREP_EUSAGE ? EXIT_USAGE : EXIT_RUNTIME;
        } else {
            const char *host = options.host;
            bool v6 = strchr(host, ':') != NULL;
            if (strncmp(host, "127.", 4) != 0 && strcmp(host, "::1") != 0)
                cmd_error("warning: listening on %s: anyone who can reach this machine can read "
                          "the database (there is no authentication)",
                          host);
            fprintf(stderr,
                    "sitrep: serving http://%s%s%s:%d/ (%d threads, up to %zu connections, "
                    "memory limit %ld MB); Ctrl-C stops\n",
                    v6 ? "[" : "", host, v6 ? "]" : "", serve_port(server), options.threads,
                    options.max_connections, memory_mb);
            int signal_number = 0;
            sigwait(&stop, &signal_number);
            serve_stats stats;
            serve_get_stats(server, &stats);
            serve_stop(server);
            unsigned long long hits = 0;
            for (int i = 0; i < options.threads; i++)
                hits += api.workers[i].hits;
            fprintf(stderr,
                    "sitrep: stopped on %s after %llu requests (%llu client errors, %llu "
                    "server errors, %llu refused as busy, %llu dropped: the client had gone; "
                    "%llu connections refused over a limit, %llu request heads too slow; "
                    "%llu answered from the cache)\n",
                    signal_number == SIGINT ? "SIGINT" : "SIGTERM", stats.requests,
                    stats.errors_4xx, stats.errors_5xx, stats.refused_busy, stats.abandoned,
                    stats.refused_connections, stats.header_timeouts, hits);
        }
    }
    for (int i = 0; i < options.threads; i++)
        store_close(api.workers[i].store);
    serve_api_release(&api);
    free(api.workers);
    free(allowed);
    return rc;
}
