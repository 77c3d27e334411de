/* progress.c - the progress line of long batches (`code`, `sentences`, `ingest`) on stderr:
 * files done of all, articles, articles per second, the share of the input's bytes read and
 * the time left at the rate so far. Only on a terminal, only once a batch has run a second,
 * rewritten in place at most four times a second, and ended with a newline.
 */
#include "cmd.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

void progress_start(progress *p, bool wanted, char *const *paths, int npaths)
{
    memset(p, 0, sizeof *p);
    p->on = wanted && isatty(2);
    if (!p->on)
        return;
    p->start = now();
    /* SITREP_PROGRESS_DELAY: seconds before the first line (tests set 0) */
    const char *delay = getenv("SITREP_PROGRESS_DELAY");
    p->delay = delay && *delay ? atof(delay) : 1.0;
    p->files_total = (size_t)npaths;
    for (int i = 0; i < npaths; i++) {
        struct stat st;
        if (strcmp(paths[i], "-") == 0 || stat(paths[i], &st) != 0 || !S_ISREG(st.st_mode)) {
            p->bytes_total = 0; /* standard input or a pipe: the size is unknown */
            p->sizes_unknown = true;
            break;
        }
        p->bytes_total += (unsigned long long)st.st_size;
    }
}

/* "1:05:07", "4:02", "0:09" */
static void format_duration(char *out, size_t size, double seconds)
{
    long s = seconds < 0 ? 0 : (long)(seconds + 0.5);
    if (s >= 3600)
        snprintf(out, size, "%ld:%02ld:%02ld", s / 3600, s / 60 % 60, s % 60);
    else
        snprintf(out, size, "%ld:%02ld", s / 60, s % 60);
}

static void draw(progress *p, double t, bool last)
{
    double elapsed = t - p->start;
    double rate = elapsed > 0 ? (double)p->articles / elapsed : 0;
    char line[256];
    int n = snprintf(line, sizeof line, "sitrep: %zu/%zu files, %zu articles, %.1f articles/s",
                     p->files_done, p->files_total, p->articles, rate);
    if (!last && !p->sizes_unknown && p->bytes_total > 0 && p->bytes_done > 0 && n > 0 &&
        (size_t)n < sizeof line) {
        double share = (double)p->bytes_done / (double)p->bytes_total;
        if (share > 1)
            share = 1;
        char left[32];
        format_duration(left, sizeof left, elapsed / share - elapsed);
        snprintf(line + n, sizeof line - (size_t)n, ", %.0f%% read, %s left", 100 * share, left);
    } else if (last && n > 0 && (size_t)n < sizeof line) {
        char took[32];
        format_duration(took, sizeof took, elapsed);
        snprintf(line + n, sizeof line - (size_t)n, ", %zu failed, %s", p->failed, took);
    }
    /* \r returns to the start of the line, \033[K clears what a longer line left */
    fprintf(stderr, "\r%s\033[K%s", line, last ? "\n" : "");
    fflush(stderr);
    p->shown = true;
    p->last = t;
}

void progress_update(progress *p, size_t articles, size_t failed, unsigned long long bytes,
                     size_t files)
{
    if (!p->on)
        return;
    p->articles = articles;
    p->failed = failed;
    p->bytes_done = bytes;
    p->files_done = files;
    double t = now();
    if (t - p->start < p->delay || (p->shown && t - p->last < 0.25))
        return;
    draw(p, t, false);
}

void progress_finish(progress *p, size_t articles, size_t failed)
{
    if (!p->on || !p->shown)
        return;
    p->articles = articles;
    p->failed = failed;
    draw(p, now(), true);
}
