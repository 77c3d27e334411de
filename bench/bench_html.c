/* bench_html.c - speed of the HTML reader (parse, metadata, block scoring) on one core.
 *
 * Usage: bench_html [--seconds S] FILE.html...   measures on the pages given;
 *        bench_html [--seconds S] --generated    measures on a generated news page (nav, share
 *                                                bar, article, related links, comments).
 * Prints "bench_html: NAME: X MB/s of HTML (...)", X measured on CPU time (one thread).
 */
#include "base/base.h"
#include "ingest/ingest.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* CPU time of this process: the figure is per core even on a busy machine. */
static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static double wall(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* A deterministic ~65 KB news page. */
static char *generate(size_t *length)
{
    buf b;
    buf_init(&b, 0);
    static const char *const words[] = {
        "troops",   "border",    "officials", "said",   "the",      "ministry",  "of",
        "defence",  "ceasefire", "talks",     "in",     "Geneva",   "on",        "Monday",
        "shelling", "near",      "Kharkiv",   "drones", "launched", "overnight", "and"};
    unsigned seed = 42;
    int ok = buf_append_str(&b, "<!DOCTYPE html><html><head><meta charset=\"utf-8\">"
                                "<title>Ceasefire talks resume - The Ledger</title>"
                                "<meta property=\"og:site_name\" content=\"The Ledger\">"
                                "<meta property=\"article:published_time\" "
                                "content=\"2025-03-14T08:00:00Z\"></head><body>") == SITREP_OK;
    ok = ok && buf_append_str(&b, "<header><nav><ul>") == SITREP_OK;
    for (int i = 0; i < 60 && ok; i++)
        ok = buf_printf(&b, "<li><a href=\"/s/%d\">Section %d</a></li>", i, i) == SITREP_OK;
    ok = ok && buf_append_str(&b, "</ul></nav></header><main><article><h1>Ceasefire talks "
                                  "resume</h1><div class=\"share-bar\"><a href=\"#\">Share</a>"
                                  "</div><div class=\"article-body\">") == SITREP_OK;
    for (int p = 0; p < 120 && ok; p++) {
        ok = buf_append_str(&b, "<p>") == SITREP_OK;
        for (int w = 0; w < 60 && ok; w++) {
            seed = seed * 1103515245u + 12345u;
            const char *word = words[(seed >> 16) % ARRAY_LEN(words)];
            ok = buf_printf(&b, "%s%s", word, w % 13 == 12 ? ", " : " ") == SITREP_OK;
        }
        ok = ok && buf_append_str(&b, "end.</p>") == SITREP_OK;
        if (p % 10 == 5)
            ok =
                ok && buf_append_str(&b, "<figure><img src=\"x.jpg\"><figcaption>A convoy "
                                         "near the border. Photo: Agency</figcaption></figure>"
                                         "<div class=\"ad-slot\">Advertisement</div>") == SITREP_OK;
    }
    ok = ok && buf_append_str(&b, "</div></article><aside class=\"related\"><ul>") == SITREP_OK;
    for (int i = 0; i < 40 && ok; i++)
        ok = buf_printf(&b,
                        "<li><a href=\"/a/%d\">Related story number %d about the war</a>"
                        "</li>",
                        i, i) == SITREP_OK;
    ok = ok && buf_append_str(&b, "</ul></aside><section id=\"comments\">") == SITREP_OK;
    for (int i = 0; i < 80 && ok; i++)
        ok = buf_printf(&b,
                        "<div class=\"comment\"><p>Reader %d wrote: I think the talks "
                        "will fail again, as they always do.</p></div>",
                        i) == SITREP_OK;
    ok = ok && buf_append_str(&b, "</section></main><footer><p>Copyright The Ledger</p>"
                                  "</footer></body></html>") == SITREP_OK;
    if (!ok)
        die("bench_html: cannot build the page");
    *length = b.len;
    return b.data;
}

int main(int argc, char **argv)
{
    double seconds = 3;
    int first = 1;
    if (argc > 2 && !strcmp(argv[1], "--seconds")) {
        seconds = atof(argv[2]);
        first = 3;
    }
    if (first >= argc) {
        fputs("usage: bench_html [--seconds S] (--generated | FILE.html...)\n", stderr);
        return 2;
    }
    size_t npages = 0;
    char **pages = xcalloc((size_t)argc, sizeof *pages);
    size_t *lengths = xcalloc((size_t)argc, sizeof *lengths);
    const char *name = "pages";
    if (!strcmp(argv[first], "--generated")) {
        pages[0] = generate(&lengths[0]);
        npages = 1;
        name = "generated page";
    } else {
        for (int i = first; i < argc; i++) {
            diag d;
            diag_clear(&d);
            if (file_read_all(argv[i], (size_t)256 << 20, &pages[npages], &lengths[npages], &d)) {
                fprintf(stderr, "bench_html: %s: %s\n", argv[i], d.message);
                return 1;
            }
            npages++;
        }
        name = "benchmark pages";
    }
    size_t total = 0;
    for (size_t i = 0; i < npages; i++)
        total += lengths[i];
    arena a;
    arena_init(&a, (size_t)1 << 30);
    double start = now(), wall_start = wall(), elapsed = 0;
    size_t bytes = 0, rounds = 0, paragraphs = 0;
    do {
        for (size_t i = 0; i < npages; i++) {
            document doc;
            if (ingest_html(&a, pages[i], lengths[i], NULL, &doc) != SITREP_OK)
                die("bench_html: page %zu failed", i);
            paragraphs += doc.nparagraphs;
            arena_reset(&a);
        }
        bytes += total;
        rounds++;
        elapsed = now() - start;
    } while (elapsed < seconds);
    printf("bench_html: %s: %.1f MB/s of HTML (%zu pages x %zu rounds, %zu bytes each round, "
           "%zu paragraphs, %.2f s of CPU, 1 thread; %.1f MB/s by wall clock)\n",
           name, (double)bytes / elapsed / 1e6, npages, rounds, total, paragraphs / rounds, elapsed,
           (double)bytes / (wall() - wall_start) / 1e6);
    arena_release(&a);
    for (size_t i = 0; i < npages; i++)
        free(pages[i]);
    free(pages);
    free(lengths);
    return 0;
}
