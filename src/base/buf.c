/* buf.c - growable, always NUL-terminated byte buffers with a length cap.
 *
 * Used for output (JSON lines) and for reading records; the cap turns runaway growth into
 * SITREP_ELIMIT instead of unbounded memory use.
 */
#include "base.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void buf_init(buf *b, size_t cap)
{
    b->data = NULL;
    b->len = 0;
    b->alloc = 0;
    b->cap = cap;
    b->full = false;
}

void buf_release(buf *b)
{
    free(b->data);
    buf_init(b, b->cap);
}

void buf_reset(buf *b)
{
    b->len = 0;
    b->full = false;
    if (b->data)
        b->data[0] = '\0';
}

sitrep_status buf_reserve(buf *b, size_t extra)
{
    if (b->cap && (extra > b->cap || b->len > b->cap - extra)) {
        b->full = true;
        return SITREP_ELIMIT;
    }
    size_t need = b->len + extra + 1;
    if (need <= b->alloc)
        return SITREP_OK;
    size_t size = b->alloc ? b->alloc : 256;
    while (size < need)
        size *= 2;
    b->data = xrealloc(b->data, size);
    b->alloc = size;
    return SITREP_OK;
}

sitrep_status buf_append(buf *b, const void *data, size_t length)
{
    sitrep_status status = buf_reserve(b, length);
    if (status)
        return status;
    if (length)
        memcpy(b->data + b->len, data, length);
    b->len += length;
    b->data[b->len] = '\0';
    return SITREP_OK;
}

sitrep_status buf_append_str(buf *b, const char *s)
{
    return buf_append(b, s, strlen(s));
}

sitrep_status buf_append_char(buf *b, char c)
{
    if (b->len + 1 < b->alloc && (!b->cap || b->len < b->cap)) {
        b->data[b->len++] = c;
        b->data[b->len] = '\0';
        return SITREP_OK;
    }
    return buf_append(b, &c, 1);
}

sitrep_status buf_printf(buf *b, const char *format, ...)
{
    va_list args, copy;
    va_start(args, format);
    va_copy(copy, args);
    int n = vsnprintf(NULL, 0, format, copy);
    va_end(copy);
    sitrep_status status = n < 0 ? SITREP_EUSAGE : buf_reserve(b, (size_t)n);
    if (!status) {
        vsnprintf(b->data + b->len, (size_t)n + 1, format, args);
        b->len += (size_t)n;
    }
    va_end(args);
    return status;
}
