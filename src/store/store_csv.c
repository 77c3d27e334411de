/* store_csv.c - stored events as CSV (RFC 4180): `sitrep query --format csv` and the
 * dashboard's download of the current filter. One row per merged event with its first
 * mention; fields with a comma, quote or line break are quoted. Lines go to the caller's write
 * function; nothing is printed here.
 */
#include "store.h"

#include <stdio.h>
#include <string.h>

const char *const store_csv_columns[STORE_CSV_COLUMNS] = {
    "id",          "day",          "source",       "target",       "cameo",
    "root",        "plover",       "goldstein",    "quad_class",   "country",
    "place",       "num_mentions", "num_articles", "num_sources",  "modality",
    "attribution", "article",      "sentence",     "sentence_text"};

static sitrep_status csv_field(buf *out, const char *s, bool last)
{
    sitrep_status status = SITREP_OK;
    if (s && strpbrk(s, ",\"\r\n")) {
        status = buf_append_char(out, '"');
        for (; *s && !status; s++)
            status = *s == '"' ? buf_append_str(out, "\"\"") : buf_append_char(out, *s);
        if (!status)
            status = buf_append_char(out, '"');
    } else if (s) {
        status = buf_append_str(out, s);
    }
    return status ? status : buf_append_char(out, last ? '\n' : ',');
}

static sitrep_status csv_row(void *user, const store_event *e)
{
    store_export *x = user;
    char id[32], mentions[32], articles[32], sources[32], goldstein[32], quad[8], sentence[32];
    snprintf(id, sizeof id, "%lld", e->id);
    snprintf(mentions, sizeof mentions, "%lld", e->num_mentions);
    snprintf(articles, sizeof articles, "%lld", e->num_articles);
    snprintf(sources, sizeof sources, "%lld", e->num_sources);
    snprintf(goldstein, sizeof goldstein, e->has_goldstein ? "%g" : "", e->goldstein);
    snprintf(quad, sizeof quad, e->quad_class ? "%d" : "", e->quad_class);
    snprintf(sentence, sizeof sentence, e->sentence >= 0 ? "%lld" : "", e->sentence);
    const char *fields[STORE_CSV_COLUMNS] = {id,
                                             e->day,
                                             e->source_code,
                                             e->target_code,
                                             e->cameo,
                                             e->root,
                                             e->plover,
                                             goldstein,
                                             quad,
                                             e->place_country,
                                             e->place_name,
                                             mentions,
                                             articles,
                                             sources,
                                             e->modality,
                                             e->attribution_kind,
                                             e->article_id,
                                             sentence,
                                             e->sentence_text};
    buf_reset(&x->line);
    sitrep_status status = SITREP_OK;
    for (size_t i = 0; i < STORE_CSV_COLUMNS && !status; i++)
        status = csv_field(&x->line, fields[i], i + 1 == STORE_CSV_COLUMNS);
    x->rows++;
    return status ? status : x->write(x->user, x->line.data, x->line.len);
}

sitrep_status store_export_csv(store *s, const store_filter *q, store_export *x, diag *d)
{
    buf_init(&x->line, 1 << 26);
    sitrep_status status = SITREP_OK;
    for (size_t i = 0; x->header && i < STORE_CSV_COLUMNS && !status; i++)
        status = csv_field(&x->line, store_csv_columns[i], i + 1 == STORE_CSV_COLUMNS);
    if (!status && x->header)
        status = x->write(x->user, x->line.data, x->line.len);
    if (!status)
        status = store_query(s, q, csv_row, x, d);
    buf_release(&x->line);
    return status;
}
