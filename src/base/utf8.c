/* utf8.c - strict UTF-8 decoding and repair.
 *
 * Everything that enters the pipeline passes through utf8_sanitize, so later stages may
 * assume valid UTF-8 without NUL bytes. Invalid bytes become U+FFFD and are counted.
 */
#include "base.h"

#include <string.h>

int utf8_decode(const unsigned char *s, size_t n, uint32_t *codepoint)
{
    unsigned c = s[0];
    if (c < 0x80) {
        *codepoint = c;
        return 1;
    }
    if (c < 0xC2)
        return 0;
    if (c < 0xE0) {
        if (n < 2 || (s[1] & 0xC0) != 0x80)
            return 0;
        *codepoint = ((c & 0x1Fu) << 6) | (s[1] & 0x3Fu);
        return 2;
    }
    if (c < 0xF0) {
        if (n < 3 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80)
            return 0;
        uint32_t cp = ((c & 0x0Fu) << 12) | ((s[1] & 0x3Fu) << 6) | (s[2] & 0x3Fu);
        if (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))
            return 0;
        *codepoint = cp;
        return 3;
    }
    if (c < 0xF5) {
        if (n < 4 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80 || (s[3] & 0xC0) != 0x80)
            return 0;
        uint32_t cp =
            ((c & 0x07u) << 18) | ((s[1] & 0x3Fu) << 12) | ((s[2] & 0x3Fu) << 6) | (s[3] & 0x3Fu);
        if (cp < 0x10000 || cp > 0x10FFFF)
            return 0;
        *codepoint = cp;
        return 4;
    }
    return 0;
}

int utf8_encode(uint32_t cp, char *out)
{
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (char)(0xC0 | (cp >> 6));
        out[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (char)(0xE0 | (cp >> 12));
        out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (cp >> 18));
    out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

size_t utf8_valid_prefix(const char *s, size_t n)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0;
    while (i < n) {
        if (p[i] < 0x80) {
            i++;
            continue;
        }
        uint32_t cp;
        int k = utf8_decode(p + i, n - i, &cp);
        if (!k)
            break;
        i += (size_t)k;
    }
    return i;
}

static bool needs_space(unsigned char c)
{
    return c < 0x20 && c != '\t' && c != '\n' && c != '\r';
}

char *utf8_sanitize(arena *a, const char *s, size_t n, size_t *out_len, size_t *invalid)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t bad = 0, extra = 0;
    /* First pass: count invalid bytes, since each grows from 1 to 3 bytes. */
    for (size_t i = 0; i < n;) {
        if (p[i] < 0x80) {
            i++;
            continue;
        }
        uint32_t cp;
        int k = utf8_decode(p + i, n - i, &cp);
        if (k) {
            i += (size_t)k;
        } else {
            bad++;
            extra += 2;
            i++;
        }
    }
    char *out = arena_alloc(a, n + extra + 1);
    if (!out)
        return NULL;
    size_t o = 0;
    for (size_t i = 0; i < n;) {
        unsigned char c = p[i];
        if (c < 0x80) {
            out[o++] = needs_space(c) ? ' ' : (char)c;
            i++;
            continue;
        }
        uint32_t cp;
        int k = utf8_decode(p + i, n - i, &cp);
        if (k) {
            memcpy(out + o, p + i, (size_t)k);
            o += (size_t)k;
            i += (size_t)k;
        } else {
            memcpy(out + o, "\xEF\xBF\xBD", 3);
            o += 3;
            i++;
        }
    }
    out[o] = '\0';
    if (out_len)
        *out_len = o;
    if (invalid)
        *invalid = bad;
    return out;
}
