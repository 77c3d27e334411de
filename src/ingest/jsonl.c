/* jsonl.c - reads one JSON-lines record into a document.
 *
 * A record is {"id", "text" or "html", "url", "published", "title"}; unknown keys are ignored.
 * cJSON parses the line; it accepts invalid UTF-8, so every string is repaired with
 * utf8_sanitize before it enters the document. A "\u0000" escape is read as a space (with a
 * warning) rather than ending the string.
 */
#include "ingest.h"

#include <cjson/cJSON.h>
#include <string.h>

/* Copies a string member (repaired) into the arena; NULL when absent or not a string. */
static sitrep_status string_member(arena *a, const cJSON *object, const char *key, const char **out,
                                   size_t *out_len, bool *present, diag *d)
{
    const cJSON *item = cJSON_GetObjectItemCaseSensitive(object, key);
    *out = NULL;
    if (out_len)
        *out_len = 0;
    if (present)
        *present = item != NULL && !cJSON_IsNull(item);
    if (!item || cJSON_IsNull(item))
        return SITREP_OK;
    if (cJSON_IsNumber(item) && strcmp(key, "id") == 0) {
        /* numeric ids are common in exports: keep them as written */
        char *s = arena_printf(a, "%.17g", item->valuedouble);
        if (!s)
            return SITREP_ELIMIT;
        *out = s;
        return SITREP_OK;
    }
    if (!cJSON_IsString(item))
        return diag_set(d, NULL, 0, "field \"%s\" must be a string", key);
    size_t n = 0;
    char *s = utf8_sanitize(a, item->valuestring, strlen(item->valuestring), &n, NULL);
    if (!s)
        return SITREP_ELIMIT;
    *out = s;
    if (out_len)
        *out_len = n;
    return SITREP_OK;
}

/* cJSON keeps strings NUL-terminated, so a "\u0000" escape would silently end the text there.
 * Each one is rewritten as "\u0020" (same length, so byte offsets in messages still hold): a
 * NUL is read as a space, as a raw NUL byte in text is (utf8_sanitize). Returns the line to
 * parse (the input, or a patched copy in the arena; NULL at the cap) and the count in *nuls. */
static const char *replace_nul_escapes(arena *a, const char *line, size_t length, size_t *nuls)
{
    *nuls = 0;
    char *copy = NULL;
    for (size_t i = 0; i + 1 < length; i++) {
        if (line[i] != '\\')
            continue;
        /* every backslash starts an escape: in "\\u0000" the escape is the first two bytes */
        if (line[i + 1] == 'u' && i + 5 < length && memcmp(line + i + 2, "0000", 4) == 0) {
            if (!copy && !(copy = arena_strndup(a, line, length)))
                return NULL;
            memcpy(copy + i + 2, "0020", 4);
            (*nuls)++;
        }
        i++;
    }
    return copy ? copy : line;
}

sitrep_status ingest_jsonl_record(arena *a, const char *line, size_t length,
                                  const ingest_options *options, document *doc, diag *d)
{
    memset(doc, 0, sizeof *doc);
    size_t nuls;
    if (!(line = replace_nul_escapes(a, line, length, &nuls)))
        return SITREP_ELIMIT;
    const char *end = NULL;
    cJSON *root = cJSON_ParseWithLengthOpts(line, length, &end, false);
    if (!root) {
        size_t offset = end && end >= line ? (size_t)(end - line) : 0;
        return diag_set(d, NULL, 0, "invalid JSON near byte %zu", offset + 1);
    }
    sitrep_status status = SITREP_OK;
    if (!cJSON_IsObject(root)) {
        status = diag_set(d, NULL, 0, "a record must be a JSON object");
        goto done;
    }
    const char *id, *url, *published, *title, *text, *html;
    size_t text_len = 0, html_len = 0;
    bool has_text, has_html;
    if ((status = string_member(a, root, "id", &id, NULL, NULL, d)) ||
        (status = string_member(a, root, "url", &url, NULL, NULL, d)) ||
        (status = string_member(a, root, "published", &published, NULL, NULL, d)) ||
        (status = string_member(a, root, "title", &title, NULL, NULL, d)) ||
        (status = string_member(a, root, "text", &text, &text_len, &has_text, d)) ||
        (status = string_member(a, root, "html", &html, &html_len, &has_html, d)))
        goto done;
    if (!has_text && !has_html) {
        status = diag_set(d, NULL, 0, "a record needs a \"text\" or \"html\" field");
        goto done;
    }
    /* The input's raw bytes are gone once cJSON is freed; everything above is in the arena.
     * A JSON string is Unicode already: no byte-order mark or declared charset counts. */
    ingest_options unicode = options ? *options : (ingest_options){0};
    unicode.unicode = true;
    status = has_text ? ingest_text(a, text, text_len, &unicode, doc)
                      : ingest_html(a, html, html_len, &unicode, doc);
    if (status)
        goto done;
    if (nuls) {
        const char *msg = arena_printf(a, "%zu NUL character%s (\\u0000) read as a space", nuls,
                                       nuls == 1 ? "" : "s");
        warning_add(&doc->warnings, "nul_character", msg ? msg : "NUL characters read as spaces");
    }
    doc->id = id;
    doc->url = url ? url : doc->url;
    if (title)
        doc->meta.headline = title;
    if (published) {
        char date[11];
        if (ingest_parse_date_words(published, strlen(published), date)) {
            doc->published = arena_strndup(a, date, strlen(date));
        } else {
            const char *msg = arena_printf(a,
                                           "published date \"%.40s\" is not a date "
                                           "(YYYY-MM-DD, or as in \"20 Nov 2019\"); ignored",
                                           published);
            warning_add(&doc->warnings, "bad_date", msg ? msg : "published date ignored");
        }
    }
done:
    cJSON_Delete(root);
    return status;
}
