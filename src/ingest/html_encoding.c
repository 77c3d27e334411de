/* html_encoding.c - page bytes to clean UTF-8 before libxml2 sees them.
 *
 * The encoding is taken from a byte-order mark, else from <meta charset> or an http-equiv
 * Content-Type in the first 4 KB, else UTF-8. UTF-16, Windows-1252 and Latin-1 are converted
 * here; everything else is repaired as UTF-8 (invalid bytes become U+FFFD).
 */
#include "html_internal.h"

#include <string.h>

typedef enum html_charset { CS_UTF8, CS_UTF16LE, CS_UTF16BE, CS_CP1252, CS_UNKNOWN } html_charset;

/* Windows-1252 0x80-0x9F; the holes map to the C1 controls as browsers do. */
static const uint16_t cp1252_high[32] = {
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0x008D, 0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178};

static char lower(char c)
{
    return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

static bool name_is(const char *s, size_t n, const char *name)
{
    size_t m = strlen(name);
    if (n != m)
        return false;
    for (size_t i = 0; i < n; i++)
        if (lower(s[i]) != name[i])
            return false;
    return true;
}

static html_charset charset_from_name(const char *s, size_t n)
{
    if (name_is(s, n, "utf-8") || name_is(s, n, "utf8") || name_is(s, n, "us-ascii") ||
        name_is(s, n, "ascii"))
        return CS_UTF8;
    /* browsers read every Latin-1 label as Windows-1252 */
    if (name_is(s, n, "windows-1252") || name_is(s, n, "cp1252") || name_is(s, n, "iso-8859-1") ||
        name_is(s, n, "iso8859-1") || name_is(s, n, "latin1") || name_is(s, n, "latin-1") ||
        name_is(s, n, "l1") || name_is(s, n, "x-cp1252") || name_is(s, n, "iso-8859-15") ||
        name_is(s, n, "iso_8859-1"))
        return CS_CP1252;
    /* a page that says UTF-16 in its markup is ASCII-compatible, so it is not UTF-16 */
    if (name_is(s, n, "utf-16") || name_is(s, n, "utf-16le") || name_is(s, n, "utf-16be"))
        return CS_UTF8;
    return CS_UNKNOWN;
}

/* Finds "charset=" in the first bytes (a <meta charset> or an http-equiv content value) and
 * returns the declared name, or a zero-length slice. */
static slice declared_charset(const char *s, size_t n)
{
    if (n > 4096)
        n = 4096;
    static const char key[] = "charset";
    for (size_t i = 0; i + sizeof key < n; i++) {
        size_t k = 0;
        while (k < sizeof key - 1 && lower(s[i + k]) == key[k])
            k++;
        if (k < sizeof key - 1)
            continue;
        size_t j = i + k;
        while (j < n && (s[j] == ' ' || s[j] == '\t'))
            j++;
        if (j >= n || s[j] != '=')
            continue;
        j++;
        while (j < n && (s[j] == ' ' || s[j] == '"' || s[j] == '\''))
            j++;
        size_t start = j;
        while (j < n && ((s[j] >= 'a' && s[j] <= 'z') || (s[j] >= 'A' && s[j] <= 'Z') ||
                         (s[j] >= '0' && s[j] <= '9') || s[j] == '-' || s[j] == '_' ||
                         s[j] == ':' || s[j] == '.'))
            j++;
        if (j > start)
            return slice_make(s + start, j - start);
    }
    return slice_make(s, 0);
}

static char *from_cp1252(arena *a, const unsigned char *s, size_t n, size_t *out_len)
{
    char *out = arena_alloc(a, n * 3 + 1);
    if (!out)
        return NULL;
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        uint32_t c = s[i];
        if (c >= 0x80 && c < 0xA0)
            c = cp1252_high[c - 0x80];
        k += (size_t)utf8_encode(c, out + k);
    }
    out[k] = '\0';
    *out_len = k;
    return out;
}

static char *from_utf16(arena *a, const unsigned char *s, size_t n, bool big, size_t *out_len)
{
    char *out = arena_alloc(a, (n / 2) * 3 + 4);
    if (!out)
        return NULL;
    size_t k = 0;
    for (size_t i = 0; i + 1 < n; i += 2) {
        uint32_t c = big ? (uint32_t)(s[i] << 8 | s[i + 1]) : (uint32_t)(s[i + 1] << 8 | s[i]);
        if (c >= 0xD800 && c < 0xDC00 && i + 3 < n) {
            uint32_t d =
                big ? (uint32_t)(s[i + 2] << 8 | s[i + 3]) : (uint32_t)(s[i + 3] << 8 | s[i + 2]);
            if (d >= 0xDC00 && d < 0xE000) {
                c = 0x10000 + ((c - 0xD800) << 10) + (d - 0xDC00);
                i += 2;
            } else {
                c = 0xFFFD;
            }
        } else if (c >= 0xD800 && c < 0xE000) {
            c = 0xFFFD;
        }
        k += (size_t)utf8_encode(c, out + k);
    }
    out[k] = '\0';
    *out_len = k;
    return out;
}

/* True when s is valid UTF-8 without NUL or C0 controls other than tab, CR, LF and FF.
 * ASCII is checked eight bytes at a time. */
static bool clean_utf8(const char *s, size_t n)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t i = 0;
    while (i < n) {
        if (i + 8 <= n) {
            uint64_t x;
            memcpy(&x, u + i, 8);
            const uint64_t ones = 0x0101010101010101ULL, high = 0x8080808080808080ULL;
            /* no byte >= 0x80 and no byte < 0x20 */
            if (!(x & high) && !((x - ones * 0x20) & ~x & high)) {
                i += 8;
                continue;
            }
        }
        unsigned char c = u[i];
        if (c < 0x80) {
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f')
                return false;
            i++;
            continue;
        }
        uint32_t cp;
        int len = utf8_decode(u + i, n - i, &cp);
        if (len <= 0)
            return false;
        i += (size_t)len;
    }
    return true;
}

sitrep_status html_to_utf8(arena *a, const char *bytes, size_t length, char **out, size_t *out_len,
                           warning_list *warnings)
{
    const unsigned char *u = (const unsigned char *)bytes;
    html_charset cs = CS_UNKNOWN;
    if (length >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF) {
        bytes += 3;
        length -= 3;
        cs = CS_UTF8;
    } else if (length >= 2 && u[0] == 0xFF && u[1] == 0xFE) {
        cs = CS_UTF16LE;
    } else if (length >= 2 && u[0] == 0xFE && u[1] == 0xFF) {
        cs = CS_UTF16BE;
    } else {
        slice name = declared_charset(bytes, length);
        cs = name.len ? charset_from_name(name.ptr, name.len) : CS_UTF8;
        if (cs == CS_UNKNOWN) {
            const char *msg = arena_printf(a, "charset \"%.*s\" is not supported; read as UTF-8",
                                           (int)(name.len > 40 ? 40 : name.len), name.ptr);
            warning_add(warnings, "encoding", msg ? msg : "unsupported charset; read as UTF-8");
            cs = CS_UTF8;
        }
    }
    char *text = NULL;
    size_t n = 0;
    if (cs == CS_CP1252) {
        /* a page declared Latin-1 that is in fact valid UTF-8 (common) stays UTF-8 */
        if (utf8_valid_prefix(bytes, length) == length)
            cs = CS_UTF8;
        else
            text = from_cp1252(a, (const unsigned char *)bytes, length, &n);
    } else if (cs == CS_UTF16LE || cs == CS_UTF16BE) {
        text = from_utf16(a, (const unsigned char *)bytes + 2, length - 2, cs == CS_UTF16BE, &n);
    }
    size_t invalid = 0;
    if (cs == CS_UTF8 && clean_utf8(bytes, length)) {
        /* the common case: nothing to repair, the parser reads the bytes as they are */
        *out = (char *)bytes;
        *out_len = length;
        return SITREP_OK;
    }
    if (cs == CS_UTF8) {
        text = utf8_sanitize(a, bytes, length, &n, &invalid);
    } else if (text) {
        /* the converted text may hold NULs and controls: the same repair */
        text = utf8_sanitize(a, text, n, &n, NULL);
    }
    if (!text)
        return SITREP_ELIMIT;
    if (invalid) {
        const char *msg = arena_printf(a, "%zu invalid UTF-8 bytes replaced", invalid);
        warning_add(warnings, "invalid_utf8", msg ? msg : "invalid UTF-8 replaced");
    }
    *out = text;
    *out_len = n;
    return SITREP_OK;
}
