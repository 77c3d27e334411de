/* charset.c - bytes in any character set to UTF-8, with ICU's converters, before a reader
 * looks at them (part of ingest). Used for a web page's declared charset and for a byte-order
 * mark on pages and plain text. Labels are read as browsers read them (the WHATWG Encoding
 * standard: "iso-8859-1" means windows-1252, "gb2312" means GBK); any other label ICU knows
 * is taken as it is. Bytes that are not valid in the charset become U+FFFD and are counted.
 */
#include "ingest.h"

#include <string.h>
#include <strings.h>
#include <unicode/ucnv.h>
#include <unicode/ucnv_cb.h>

/* Labels whose meaning in browsers differs from ICU's, by the WHATWG Encoding standard. */
static const struct {
    const char *label, *name;
} browser_labels[] = {{"ascii", "windows-1252"},
                      {"us-ascii", "windows-1252"},
                      {"iso-8859-1", "windows-1252"},
                      {"iso8859-1", "windows-1252"},
                      {"iso_8859-1", "windows-1252"},
                      {"iso88591", "windows-1252"},
                      {"latin1", "windows-1252"},
                      {"latin-1", "windows-1252"},
                      {"l1", "windows-1252"},
                      {"cp819", "windows-1252"},
                      {"ibm819", "windows-1252"},
                      {"csisolatin1", "windows-1252"},
                      {"iso-ir-100", "windows-1252"},
                      {"x-cp1252", "windows-1252"},
                      {"iso-8859-9", "windows-1254"},
                      {"iso8859-9", "windows-1254"},
                      {"latin5", "windows-1254"},
                      {"l5", "windows-1254"},
                      {"iso-8859-11", "windows-874"},
                      {"tis-620", "windows-874"},
                      {"gb2312", "GBK"},
                      {"csgb2312", "GBK"},
                      {"chinese", "GBK"},
                      {"x-gbk", "GBK"},
                      {"iso-ir-58", "GBK"},
                      {"ks_c_5601-1987", "windows-949"},
                      {"euc-kr", "windows-949"},
                      {"korean", "windows-949"},
                      {"csksc56011987", "windows-949"},
                      {"big5", "Big5-HKSCS"},
                      {"x-x-big5", "Big5-HKSCS"},
                      {"cn-big5", "Big5-HKSCS"},
                      {"iso-8859-8-i", "ISO-8859-8"},
                      {"x-user-defined", "windows-1252"},
                      {"x-sjis", "Shift_JIS"},
                      {"ms_kanji", "Shift_JIS"},
                      {"windows-31j", "Shift_JIS"},
                      {"x-mac-roman", "macintosh"},
                      {"x-mac-cyrillic", "x-mac-cyrillic"}};

const char *ingest_charset_bom(const char *bytes, size_t length, size_t *bom)
{
    const unsigned char *u = (const unsigned char *)bytes;
    *bom = 0;
    if (length >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF)
        return *bom = 3, "UTF-8";
    /* UTF-32LE's mark starts like UTF-16LE's, so it is tried first */
    if (length >= 4 && u[0] == 0xFF && u[1] == 0xFE && u[2] == 0 && u[3] == 0)
        return *bom = 4, "UTF-32LE";
    if (length >= 4 && u[0] == 0 && u[1] == 0 && u[2] == 0xFE && u[3] == 0xFF)
        return *bom = 4, "UTF-32BE";
    if (length >= 2 && u[0] == 0xFF && u[1] == 0xFE)
        return *bom = 2, "UTF-16LE";
    if (length >= 2 && u[0] == 0xFE && u[1] == 0xFF)
        return *bom = 2, "UTF-16BE";
    if (length >= 4 && u[0] == 0x84 && u[1] == 0x31 && u[2] == 0x95 && u[3] == 0x33)
        return *bom = 4, "GB18030";
    return NULL;
}

const char *ingest_charset_name(const char *label, size_t length, char *buffer, size_t size)
{
    while (length && (label[length - 1] == ' ' || label[length - 1] == '\t'))
        length--;
    if (length == 0 || length >= size)
        return NULL;
    memcpy(buffer, label, length);
    buffer[length] = '\0';
    for (size_t i = 0; i < sizeof browser_labels / sizeof browser_labels[0]; i++)
        if (strcasecmp(buffer, browser_labels[i].label) == 0)
            return browser_labels[i].name;
    return buffer;
}

/* The number of bytes that were not valid in the charset; the converter's callback counts. */
typedef struct replaced_count {
    size_t bytes;
} replaced_count;

/* Writes U+FFFD for each invalid or unmapped sequence (ICU's own substitute is U+001A for
 * some single-byte charsets) and counts its bytes. */
static void substitute(const void *context, UConverterToUnicodeArgs *args, const char *units,
                       int32_t length, UConverterCallbackReason reason, UErrorCode *error)
{
    (void)units;
    if (reason > UCNV_IRREGULAR)
        return; /* reset, close, clone: nothing to write */
    ((replaced_count *)context)->bytes += (size_t)(length > 0 ? length : 1);
    static const UChar replacement = 0xFFFD;
    *error = U_ZERO_ERROR;
    ucnv_cbToUWriteUChars(args, &replacement, 1, 0, error);
}

bool ingest_charset_known(const char *name, bool ascii_compatible)
{
    UErrorCode error = U_ZERO_ERROR;
    UConverter *c = ucnv_open(name, &error);
    if (U_FAILURE(error) || !c)
        return false;
    bool ok = true;
    if (ascii_compatible) {
        /* a charset named inside the bytes must read those bytes as ASCII does */
        UConverterType type = ucnv_getType(c);
        ok = ucnv_getMinCharSize(c) == 1 && type != UCNV_UTF7 && type != UCNV_SCSU &&
             type != UCNV_BOCU1 && type != UCNV_IMAP_MAILBOX;
        /* of the ISO-2022 family browsers read only the Japanese one (-KR, -CN: replaced) */
        if (type == UCNV_ISO_2022) {
            UErrorCode e = U_ZERO_ERROR;
            const char *canonical = ucnv_getName(c, &e);
            ok = U_SUCCESS(e) && canonical && strstr(canonical, "locale=ja");
        }
    }
    ucnv_close(c);
    return ok;
}

sitrep_status ingest_charset_decode(arena *a, const char *name, const char *bytes, size_t length,
                                    char **out, size_t *out_len, size_t *replaced)
{
    *out = NULL;
    *out_len = 0;
    *replaced = 0;
    UErrorCode error = U_ZERO_ERROR;
    UConverter *from = ucnv_open(name, &error);
    if (U_FAILURE(error) || !from)
        return SITREP_ENOTFOUND;
    UConverter *to = ucnv_open("UTF-8", &error);
    if (U_FAILURE(error) || !to) {
        ucnv_close(from);
        return SITREP_ENOTFOUND;
    }
    replaced_count count = {0};
    ucnv_setToUCallBack(from, substitute, &count, NULL, NULL, &error);
    /* Three UTF-8 bytes per input byte covers every charset but a few whose single bytes
     * map to several code points; those get a larger buffer on a second pass. */
    sitrep_status status = SITREP_OK;
    for (size_t factor = 3; factor <= 12; factor *= 2) {
        if (length > (SIZE_MAX - 8) / factor) {
            status = SITREP_ELIMIT;
            break;
        }
        size_t capacity = length * factor + 8;
        char *target = arena_alloc(a, capacity);
        if (!target) {
            status = SITREP_ELIMIT;
            break;
        }
        char *cursor = target;
        const char *source = bytes;
        UChar pivot[1024];
        UChar *pivot_source = pivot, *pivot_target = pivot;
        count.bytes = 0;
        error = U_ZERO_ERROR;
        ucnv_convertEx(to, from, &cursor, target + capacity - 1, &source, bytes + length, pivot,
                       &pivot_source, &pivot_target, pivot + 1024, true, true, &error);
        if (error == U_BUFFER_OVERFLOW_ERROR)
            continue;
        if (U_FAILURE(error)) {
            status = SITREP_EPARSE;
            break;
        }
        *cursor = '\0';
        *out = target;
        *out_len = (size_t)(cursor - target);
        *replaced = count.bytes;
        break;
    }
    if (!*out && status == SITREP_OK)
        status = SITREP_ELIMIT;
    ucnv_close(from);
    ucnv_close(to);
    return status;
}

sitrep_status ingest_to_utf8(arena *a, const char *charset, const char *bytes, size_t length,
                             char **out, size_t *out_len, warning_list *warnings)
{
    char *text = NULL;
    size_t n = 0, invalid = 0;
    if (charset) {
        sitrep_status status =
            ingest_charset_decode(a, charset, bytes, length, &text, &n, &invalid);
        if (status == SITREP_ELIMIT)
            return status;
        if (status == SITREP_OK) {
            if (invalid) {
                const char *msg = arena_printf(a, "%zu bytes not valid in %s replaced by U+FFFD",
                                               invalid, charset);
                warning_add(warnings, "encoding", msg ? msg : "invalid bytes replaced");
            }
            /* the converted text may hold NULs and controls: the same repair as UTF-8 */
            if (!(text = utf8_sanitize(a, text, n, &n, NULL)))
                return SITREP_ELIMIT;
            *out = text;
            *out_len = n;
            return SITREP_OK;
        }
        /* ICU has no such converter after all: read as UTF-8 */
    }
    if (!(text = utf8_sanitize(a, bytes, length, &n, &invalid)))
        return SITREP_ELIMIT;
    if (invalid) {
        const char *msg = arena_printf(a, "%zu invalid UTF-8 bytes replaced by U+FFFD", invalid);
        warning_add(warnings, "invalid_utf8", msg ? msg : "invalid UTF-8 replaced");
    }
    *out = text;
    *out_len = n;
    return SITREP_OK;
}

const char *ingest_text_charset(const char *bytes, size_t length, size_t *bom)
{
    const char *name = ingest_charset_bom(bytes, length, bom);
    if (name)
        return strcmp(name, "UTF-8") == 0 ? NULL : name;
    /* No mark: UTF-8 unless some bytes are invalid in it and none is a valid sequence beyond
     * ASCII, which is Western text in its legacy charset (a file of Latin-1 or cp1252) rather
     * than UTF-8 with a few broken bytes. */
    size_t valid = utf8_valid_prefix(bytes, length);
    if (valid == length)
        return NULL; /* the common case, decided at the speed of the UTF-8 check */
    const unsigned char *u = (const unsigned char *)bytes;
    for (size_t i = 0; i < length;) {
        uint32_t cp;
        int n = u[i] < 0x80 ? 1 : utf8_decode(u + i, length - i, &cp);
        if (n > 1)
            return NULL; /* UTF-8 beyond ASCII: UTF-8 with broken bytes */
        i += 1;
    }
    return "windows-1252";
}
