/* diag.c - diagnostics for user files: where (path, line) and what went wrong. Part of base/,
 * under every stage: the dictionary, pattern and cue loaders fill one, the CLI prints it.
 */
#include "base.h"

#include <stdio.h>
#include <string.h>

void diag_clear(diag *d)
{
    if (!d)
        return;
    d->path[0] = '\0';
    d->message[0] = '\0';
    d->line = 0;
    d->column = 0;
}

sitrep_status diag_set(diag *d, const char *path, long line, const char *format, ...)
{
    if (!d)
        return SITREP_EPARSE;
    snprintf(d->path, sizeof d->path, "%s", path ? path : "");
    d->line = line;
    d->column = 0;
    va_list args;
    va_start(args, format);
    vsnprintf(d->message, sizeof d->message, format, args);
    va_end(args);
    return SITREP_EPARSE;
}

void diag_format(const diag *d, char *out, size_t outlen)
{
    if (d->path[0] && d->line > 0)
        snprintf(out, outlen, "%s:%ld: %s", d->path, d->line, d->message);
    else if (d->path[0])
        snprintf(out, outlen, "%s: %s", d->path, d->message);
    else
        snprintf(out, outlen, "%s", d->message);
}

void diag_size(char out[32], unsigned long long bytes)
{
    if (bytes >= ((unsigned long long)1 << 30) && bytes % ((unsigned long long)1 << 30) == 0)
        snprintf(out, 32, "%llu GiB", bytes >> 30);
    else if (bytes >= ((unsigned long long)1 << 20) && bytes % ((unsigned long long)1 << 20) == 0)
        snprintf(out, 32, "%llu MiB", bytes >> 20);
    else if (bytes >= 1024 && bytes % 1024 == 0)
        snprintf(out, 32, "%llu KiB", bytes >> 10);
    else
        snprintf(out, 32, "%llu bytes", bytes);
}
