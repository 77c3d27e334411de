/* die.c - fatal errors and allocation that cannot fail silently.
 *
 * Used for broken invariants and out-of-memory only; bad input is always reported through a
 * status code and a diagnostic instead.
 */
#include "base.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void die(const char *format, ...)
{
    va_list args;
    va_start(args, format);
    fputs("sitrep: fatal: ", stderr);
    vfprintf(stderr, format, args);
    fputc('\n', stderr);
    va_end(args);
    abort();
}

void *xmalloc(size_t size)
{
    void *p = malloc(size ? size : 1);
    if (!p)
        die("out of memory allocating %zu bytes", size);
    return p;
}

void *xcalloc(size_t count, size_t size)
{
    void *p = calloc(count ? count : 1, size ? size : 1);
    if (!p)
        die("out of memory allocating %zu x %zu bytes", count, size);
    return p;
}

void *xrealloc(void *pointer, size_t size)
{
    void *p = realloc(pointer, size ? size : 1);
    if (!p)
        die("out of memory reallocating %zu bytes", size);
    return p;
}

char *xstrdup(const char *string)
{
    size_t n = strlen(string);
    char *p = xmalloc(n + 1);
    memcpy(p, string, n + 1);
    return p;
}
