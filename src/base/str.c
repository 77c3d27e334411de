/* str.c - string slices: views into text that is owned elsewhere (the article body). Part of
 * base/: every stage from text/ on reads tokens as slices of the body.
 */
#include "base.h"

#include <string.h>

slice slice_from_cstr(const char *s)
{
    return slice_make(s, s ? strlen(s) : 0);
}

bool slice_eq(slice a, slice b)
{
    return a.len == b.len && (a.len == 0 || memcmp(a.ptr, b.ptr, a.len) == 0);
}

bool slice_eq_cstr(slice a, const char *s)
{
    return slice_eq(a, slice_from_cstr(s));
}

static int ascii_lower(int c)
{
    return c >= 'A' && c <= 'Z' ? c + 32 : c;
}

bool slice_eq_nocase(slice a, const char *s)
{
    size_t n = strlen(s);
    if (n != a.len)
        return false;
    for (size_t i = 0; i < n; i++)
        if (ascii_lower((unsigned char)a.ptr[i]) != ascii_lower((unsigned char)s[i]))
            return false;
    return true;
}

static bool is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

slice slice_trim(slice s)
{
    while (s.len && is_space(s.ptr[0])) {
        s.ptr++;
        s.len--;
    }
    while (s.len && is_space(s.ptr[s.len - 1]))
        s.len--;
    return s;
}

bool slice_starts_with(slice s, const char *prefix)
{
    size_t n = strlen(prefix);
    return s.len >= n && memcmp(s.ptr, prefix, n) == 0;
}

bool slice_ends_with(slice s, const char *suffix)
{
    size_t n = strlen(suffix);
    return s.len >= n && memcmp(s.ptr + s.len - n, suffix, n) == 0;
}

bool slice_next_line(const char **cursor, const char *end, long *line, slice *out)
{
    while (*cursor < end) {
        const char *p = *cursor;
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *stop = nl ? nl : end;
        *cursor = nl ? nl + 1 : end;
        (*line)++;
        const char *hash = memchr(p, '#', (size_t)(stop - p));
        slice s = slice_trim(slice_make(p, (size_t)((hash ? hash : stop) - p)));
        if (s.len) {
            *out = s;
            return true;
        }
    }
    return false;
}

bool ascii_digits(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] < '0' || s[i] > '9')
            return false;
    return true;
}
