/* json.c - a streaming JSON writer over buf.
 *
 * The sink of the pipeline and every command that prints JSON use it. Strings are validated
 * as they are escaped: invalid UTF-8 becomes U+FFFD, so no input can make the output invalid.
 */
#include "base.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void json_init(json_writer *w, buf *out, bool pretty)
{
    memset(w, 0, sizeof *w);
    w->out = out;
    w->pretty = pretty;
}

/* Appends n bytes. The common case (room left, under the cap) copies inline: the writer puts
 * a few bytes at a time, several times per value. */
static inline void put(json_writer *w, const char *s, size_t n)
{
    buf *b = w->out;
    if (w->status != SITREP_OK)
        return;
    if (b->len + n < b->alloc && (!b->cap || b->len + n <= b->cap)) {
        memcpy(b->data + b->len, s, n);
        b->len += n;
        b->data[b->len] = '\0';
        return;
    }
    w->status = buf_append(b, s, n);
}

static void newline_indent(json_writer *w)
{
    static const char spaces[] = "                                                        ";
    put(w, "\n", 1);
    size_t n = (size_t)w->depth * 2;
    while (n > 0) {
        size_t k = n < sizeof spaces - 1 ? n : sizeof spaces - 1;
        put(w, spaces, k);
        n -= k;
    }
}

/* Emits the separator a new value needs: a comma after a sibling, indentation when pretty. */
static void before_value(json_writer *w)
{
    if (w->after_key) {
        w->after_key = false;
        return;
    }
    if (w->depth > 0) {
        int d = w->depth < 64 ? w->depth : 63;
        if (w->need_comma[d])
            put(w, ",", 1);
        w->need_comma[d] = true;
        if (w->pretty)
            newline_indent(w);
    }
}

static void open_container(json_writer *w, char c)
{
    before_value(w);
    put(w, &c, 1);
    w->depth++;
    if (w->depth < 64)
        w->need_comma[w->depth] = false;
}

static void close_container(json_writer *w, char c)
{
    int d = w->depth < 64 ? w->depth : 63;
    bool had_items = w->need_comma[d];
    w->depth--;
    if (w->pretty && had_items)
        newline_indent(w);
    put(w, &c, 1);
}

void json_object_begin(json_writer *w)
{
    open_container(w, '{');
}
void json_object_end(json_writer *w)
{
    close_container(w, '}');
}
void json_array_begin(json_writer *w)
{
    open_container(w, '[');
}
void json_array_end(json_writer *w)
{
    close_container(w, ']');
}

sitrep_status json_escape(buf *b, const char *s, size_t length)
{
    static const char hex[] = "0123456789abcdef";
    const unsigned char *p = (const unsigned char *)s;
    sitrep_status status = buf_reserve(b, length + 2);
    if (status)
        return status;
    size_t i = 0;
    while (i < length) {
        /* Copy the longest run that needs no escaping in one step (room was reserved). */
        size_t run = i;
        while (run < length && (unsigned)(p[run] - 0x20) < 0x60 && p[run] != '"' && p[run] != '\\')
            run++;
        if (run > i) {
            if ((status = buf_reserve(b, run - i)))
                return status;
            memcpy(b->data + b->len, s + i, run - i);
            b->len += run - i;
            b->data[b->len] = '\0';
            i = run;
            continue;
        }
        unsigned char c = p[i];
        char esc[8];
        size_t n = 0;
        if (c == '"' || c == '\\') {
            esc[0] = '\\';
            esc[1] = (char)c;
            n = 2;
        } else if (c == '\n') {
            memcpy(esc, "\\n", 2);
            n = 2;
        } else if (c == '\t') {
            memcpy(esc, "\\t", 2);
            n = 2;
        } else if (c == '\r') {
            memcpy(esc, "\\r", 2);
            n = 2;
        } else if (c < 0x20) {
            memcpy(esc, "\\u00", 4);
            esc[4] = hex[c >> 4];
            esc[5] = hex[c & 15];
            n = 6;
        } else {
            uint32_t cp;
            int k = utf8_decode(p + i, length - i, &cp);
            if (k) {
                if ((status = buf_append(b, s + i, (size_t)k)))
                    return status;
                i += (size_t)k;
                continue;
            }
            memcpy(esc, "\xEF\xBF\xBD", 3);
            n = 3;
        }
        if ((status = buf_append(b, esc, n)))
            return status;
        i++;
    }
    return SITREP_OK;
}

void json_key(json_writer *w, const char *key)
{
    before_value(w);
    /* Keys are program literals: plain ASCII, written with their quotes and colon in one
     * append (the output has about one key per value, so this is a hot path). */
    char plain[64];
    size_t n = 0;
    while (n < sizeof plain - 4 && key[n] >= 0x20 && key[n] != '"' && key[n] != '\\' &&
           (unsigned char)key[n] < 0x80) {
        plain[n + 1] = key[n];
        n++;
    }
    if (!key[n] && !w->pretty) {
        plain[0] = '"';
        plain[n + 1] = '"';
        plain[n + 2] = ':';
        put(w, plain, n + 3);
    } else {
        put(w, "\"", 1);
        if (w->status == SITREP_OK)
            w->status = json_escape(w->out, key, strlen(key));
        put(w, w->pretty ? "\": " : "\":", w->pretty ? 3 : 2);
    }
    w->after_key = true;
}

void json_string(json_writer *w, const char *s, size_t length)
{
    if (!s) {
        json_null(w);
        return;
    }
    before_value(w);
    /* Plain ASCII (most names, codes and short strings) is copied with its quotes in one
     * pass; anything to escape or validate takes the general path below. */
    buf *b = w->out;
    if (w->status == SITREP_OK && length < 256 && buf_reserve(b, length + 2) == SITREP_OK) {
        char *d = b->data + b->len;
        size_t k = 0;
        while (k < length && (unsigned)((unsigned char)s[k] - 0x20) < 0x60 && s[k] != '"' &&
               s[k] != '\\') {
            d[k + 1] = s[k];
            k++;
        }
        if (k == length) {
            d[0] = '"';
            d[length + 1] = '"';
            b->len += length + 2;
            b->data[b->len] = '\0';
            return;
        }
    }
    put(w, "\"", 1);
    if (w->status == SITREP_OK)
        w->status = json_escape(w->out, s, length);
    put(w, "\"", 1);
}

void json_cstr(json_writer *w, const char *s)
{
    json_string(w, s, s ? strlen(s) : 0);
}

/* Writes the decimal digits of value into the end of tmp[32]; returns the first byte. A digit
 * loop, not snprintf: json_int is called for every offset of every item written. */
static char *format_int(char tmp[32], long long value)
{
    char *p = tmp + 32;
    unsigned long long u = value < 0 ? 0ULL - (unsigned long long)value : (unsigned long long)value;
    do {
        *--p = (char)('0' + u % 10);
        u /= 10;
    } while (u);
    if (value < 0)
        *--p = '-';
    return p;
}

void json_int(json_writer *w, long long value)
{
    char tmp[32];
    char *p = format_int(tmp, value);
    before_value(w);
    put(w, p, (size_t)(tmp + 32 - p));
}

/* The common case of json_double without printf or strtod (a page of events has a hundred
 * coordinates and scores): a value of 0.001 <= |value| < 1e9 that is k / 10^d exactly as a
 * double for the smallest d <= 8 is written as k with d decimals, which is what the %.*g loop
 * below writes (k / 10^d, both exact, rounds as strtod of the text does; the smallest d is the
 * fewest digits; below 10^15 the decimals are further apart than a double's precision, so
 * only one of them reads back as the value). Returns the length written into out (at least 40
 * bytes), 0 when the value needs the loop. */
static int short_decimal(double value, char *out)
{
    static const double powers[] = {1, 10, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8};
    double magnitude = fabs(value);
    if (!(magnitude >= 1e-3 && magnitude < 1e9))
        return 0;
    for (int d = 1; d < (int)(sizeof powers / sizeof powers[0]); d++) {
        double scaled = nearbyint(magnitude * powers[d]);
        if (scaled >= 1e15) /* two d-decimals may then round to the same double */
            return 0;
        if (scaled / powers[d] != magnitude)
            continue;
        unsigned long long k = (unsigned long long)scaled;
        char digits[32];
        int nd = 0;
        for (; k || nd <= d; k /= 10) /* at least d + 1 digits: 0.05 is "005" */
            digits[nd++] = (char)('0' + k % 10);
        int n = 0;
        if (value < 0)
            out[n++] = '-';
        for (int i = nd - 1; i >= 0; i--) {
            out[n++] = digits[i];
            if (i == d)
                out[n++] = '.';
        }
        return n;
    }
    return 0;
}

void json_double(json_writer *w, double value)
{
    if (!isfinite(value)) {
        json_null(w);
        return;
    }
    char tmp[40];
    int n = 0;
    if (value == floor(value) && fabs(value) < 1e15) {
        /* whole numbers as integers: 40, not 4e+01 */
        n = snprintf(tmp, sizeof tmp, "%.0f", value);
    } else if (!(n = short_decimal(value, tmp))) {
        /* The shortest of %.1g..%.17g that reads back as the same double. */
        for (int precision = 1; precision <= 17; precision++) {
            n = snprintf(tmp, sizeof tmp, "%.*g", precision, value);
            if (strtod(tmp, NULL) == value)
                break;
        }
    }
    before_value(w);
    put(w, tmp, (size_t)n);
}

void json_bool(json_writer *w, bool value)
{
    before_value(w);
    put(w, value ? "true" : "false", value ? 4 : 5);
}

void json_null(json_writer *w)
{
    before_value(w);
    put(w, "null", 4);
}

void json_raw(json_writer *w, const char *json, size_t length)
{
    before_value(w);
    put(w, json, length);
}

sitrep_status json_status(const json_writer *w)
{
    return w->status;
}

void json_fixed(json_writer *w, double value, int decimals)
{
    static const double scale[] = {1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9};
    if (!isfinite(value) || decimals < 0 || decimals > 9 || fabs(value) >= 1e9) {
        json_double(w, value);
        return;
    }
    /* integer arithmetic on the scaled value: no printf (coordinates are written often) */
    double scaled = value * scale[decimals];
    long long units = (long long)(scaled < 0 ? scaled - 0.5 : scaled + 0.5);
    bool negative = units < 0;
    unsigned long long magnitude =
        negative ? 0ULL - (unsigned long long)units : (unsigned long long)units;
    unsigned long long divisor = (unsigned long long)scale[decimals];
    unsigned long long whole = magnitude / divisor, fraction = magnitude % divisor;
    char tmp[64];
    size_t n = 0;
    if (negative && magnitude)
        tmp[n++] = '-';
    char digits[32];
    char *p = format_int(digits, (long long)whole);
    size_t len = (size_t)(digits + 32 - p);
    memcpy(tmp + n, p, len);
    n += len;
    if (fraction) { /* 51.70 -> 51.7 */
        tmp[n++] = '.';
        int places = decimals;
        while (fraction % 10 == 0) {
            fraction /= 10;
            places--;
        }
        for (int k = places - 1; k >= 0; k--) {
            tmp[n + (size_t)k] = (char)('0' + fraction % 10);
            fraction /= 10;
        }
        n += (size_t)places;
    }
    before_value(w);
    put(w, tmp, n);
}
