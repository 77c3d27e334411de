/* normalize.c - Unicode NFC normalisation of the body, with an ASCII fast path.
 *
 * ICU works in UTF-16, so non-ASCII text is converted, checked with the quick check, and
 * only normalised and converted back when it is not already NFC (most news is).
 */
#include "text.h"

#include <string.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>

static bool all_ascii(const char *s, size_t n)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0;
    /* eight bytes at a time */
    for (; i + 8 <= n; i += 8) {
        uint64_t w;
        memcpy(&w, p + i, 8);
        if (w & 0x8080808080808080ULL)
            return false;
    }
    for (; i < n; i++)
        if (p[i] & 0x80)
            return false;
    return true;
}

const char *text_normalize(arena *a, const char *s, size_t length, size_t *out_length)
{
    *out_length = length;
    if (all_ascii(s, length) || length > (size_t)INT32_MAX / 2)
        return s;
    UErrorCode err = U_ZERO_ERROR;
    const UNormalizer2 *nfc = unorm2_getNFCInstance(&err);
    if (U_FAILURE(err))
        return s;
    int32_t wide_len = 0;
    err = U_ZERO_ERROR;
    u_strFromUTF8(NULL, 0, &wide_len, s, (int32_t)length, &err);
    if (err != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(err))
        return s;
    UChar *wide = arena_alloc(a, ((size_t)wide_len + 1) * sizeof(UChar));
    if (!wide)
        return NULL;
    err = U_ZERO_ERROR;
    u_strFromUTF8(wide, wide_len + 1, NULL, s, (int32_t)length, &err);
    if (U_FAILURE(err))
        return s;
    int32_t ok_prefix = unorm2_spanQuickCheckYes(nfc, wide, wide_len, &err);
    if (U_FAILURE(err) || ok_prefix == wide_len)
        return s;
    /* NFC output is at most three times the input in UTF-16 units. */
    int32_t cap = wide_len * 3 + 16;
    UChar *normal = arena_alloc(a, (size_t)cap * sizeof(UChar));
    if (!normal)
        return NULL;
    err = U_ZERO_ERROR;
    int32_t normal_len = unorm2_normalize(nfc, wide, wide_len, normal, cap, &err);
    if (U_FAILURE(err))
        return s;
    int32_t utf8_len = 0;
    err = U_ZERO_ERROR;
    u_strToUTF8(NULL, 0, &utf8_len, normal, normal_len, &err);
    char *out = arena_alloc(a, (size_t)utf8_len + 1);
    if (!out)
        return NULL;
    err = U_ZERO_ERROR;
    u_strToUTF8(out, utf8_len + 1, NULL, normal, normal_len, &err);
    if (U_FAILURE(err))
        return s;
    out[utf8_len] = '\0';
    *out_length = (size_t)utf8_len;
    return out;
}
