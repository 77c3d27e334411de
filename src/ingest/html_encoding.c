/* html_encoding.c - page bytes to clean UTF-8 before libxml2 sees them.
 *
 * The encoding is taken from a byte-order mark, else from <meta charset> or an http-equiv
 * Content-Type in the first 4 KB, else UTF-8; any charset ICU knows is converted (charset.c,
 * labels read as browsers read them). A page whose bytes are valid UTF-8 is read as UTF-8
 * whatever it declares (a common mislabelling); invalid UTF-8 is repaired (U+FFFD).
 */
#include "html_internal.h"

#include <string.h>
#include <strings.h>

static char lower(char c)
{
    return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
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

/* The charset the page's bytes are in, as a converter name (NULL: UTF-8), and the bytes
 * without a byte-order mark. Warns when the page declares a charset nobody knows. */
static const char *page_charset(arena *a, const char **bytes, size_t *length, bool unicode,
                                char *buffer, size_t size, warning_list *warnings)
{
    size_t bom = 0;
    const char *name = ingest_charset_bom(*bytes, *length, &bom);
    *bytes += bom;
    *length -= bom;
    if (unicode || (name && strcmp(name, "UTF-8") == 0))
        return NULL;
    if (name)
        return name;
    slice label = declared_charset(*bytes, *length);
    if (label.len == 0)
        return NULL;
    name = ingest_charset_name(label.ptr, label.len, buffer, size);
    /* a page that says UTF-16 in its markup is ASCII-compatible, so it is not UTF-16 */
    if (name && (strcasecmp(name, "utf-8") == 0 || strcasecmp(name, "utf8") == 0 ||
                 strncasecmp(name, "utf-16", 6) == 0 || strcasecmp(name, "unicode") == 0))
        return NULL;
    if (!name || !ingest_charset_known(name, true)) {
        const char *msg = arena_printf(a, "charset \"%.*s\" is not known; read as UTF-8",
                                       (int)(label.len > 40 ? 40 : label.len), label.ptr);
        warning_add(warnings, "encoding", msg ? msg : "unknown charset; read as UTF-8");
        return NULL;
    }
    /* declared, but valid UTF-8 with letters beyond ASCII: the declaration is wrong (common);
     * text in a legacy charset is practically never valid UTF-8 */
    if (utf8_valid_prefix(*bytes, *length) == *length)
        return NULL;
    return name;
}

sitrep_status html_to_utf8(arena *a, const char *bytes, size_t length, bool unicode, char **out,
                           size_t *out_len, warning_list *warnings)
{
    char buffer[64];
    const char *charset =
        page_charset(a, &bytes, &length, unicode, buffer, sizeof buffer, warnings);
    if (!charset && clean_utf8(bytes, length)) {
        /* the common case: nothing to repair, the parser reads the bytes as they are */
        *out = (char *)bytes;
        *out_len = length;
        return SITREP_OK;
    }
    return ingest_to_utf8(a, charset, bytes, length, out, out_len, warnings);
}
