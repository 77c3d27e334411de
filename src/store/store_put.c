/* store_put.c - storing one coded article in the SQLite store: the DESIGN.md section 2 JSON
 * object is read with cJSON and checked whole before anything is written, then its rows go in
 * under a savepoint inside the batch transaction (store_sqlite.c), so a bad article leaves
 * nothing behind. Events are merged across articles by the rule in docs/store.md.
 */
#include "store_sqlite.h"

#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_ITEMS 100000 /* per array of one article */

/* ---- reading the contract ---- */

typedef struct reader {
    diag *d;
    bool bad;
    const char *where; /* "event 3" */
} reader;

static void bad_field(reader *r, const char *key, const char *want)
{
    if (!r->bad)
        diag_set(r->d, "", 0, "%s%s'%s' is not %s", r->where ? r->where : "", r->where ? ": " : "",
                 key, want);
    r->bad = true;
}

/* A string field: NULL when absent or null. */
static const char *jstr(reader *r, const cJSON *object, const char *key)
{
    const cJSON *item = object ? cJSON_GetObjectItemCaseSensitive(object, key) : NULL;
    if (!item || cJSON_IsNull(item))
        return NULL;
    if (!cJSON_IsString(item)) {
        bad_field(r, key, "a string");
        return NULL;
    }
    return item->valuestring;
}

/* A number field: false when absent or null. */
static bool jnum(reader *r, const cJSON *object, const char *key, double *value)
{
    const cJSON *item = object ? cJSON_GetObjectItemCaseSensitive(object, key) : NULL;
    if (!item || cJSON_IsNull(item))
        return false;
    if (!cJSON_IsNumber(item)) {
        bad_field(r, key, "a number");
        return false;
    }
    *value = item->valuedouble;
    return true;
}

static const cJSON *jtyped(reader *r, const cJSON *object, const char *key, int type,
                           const char *want)
{
    const cJSON *item = object ? cJSON_GetObjectItemCaseSensitive(object, key) : NULL;
    if (!item || cJSON_IsNull(item))
        return NULL;
    if ((item->type & 0xff) != type) {
        bad_field(r, key, want);
        return NULL;
    }
    return item;
}

static const cJSON *jobj(reader *r, const cJSON *object, const char *key)
{
    return jtyped(r, object, key, cJSON_Object, "an object");
}

static const cJSON *jarr(reader *r, const cJSON *object, const char *key)
{
    return jtyped(r, object, key, cJSON_Array, "an array");
}

static int count_items(const cJSON *array)
{
    return array ? cJSON_GetArraySize(array) : 0;
}

static void bind_text(sqlite3_stmt *st, int i, const char *s)
{
    if (s)
        sqlite3_bind_text(st, i, s, -1, SQLITE_STATIC);
    else
        sqlite3_bind_null(st, i);
}

static void bind_num(reader *r, sqlite3_stmt *st, int i, const cJSON *object, const char *key)
{
    double v;
    if (jnum(r, object, key, &v))
        sqlite3_bind_double(st, i, v);
    else
        sqlite3_bind_null(st, i);
}

static void bind_int(reader *r, sqlite3_stmt *st, int i, const cJSON *object, const char *key)
{
    double v;
    if (jnum(r, object, key, &v) && v >= -9e15 && v <= 9e15)
        sqlite3_bind_int64(st, i, (sqlite3_int64)v);
    else
        sqlite3_bind_null(st, i);
}

/* Runs a bound insert; returns its rowid or -1 (and sets the diag) on error. */
static sqlite3_int64 run(store *s, int which, diag *d)
{
    sqlite3_stmt *st = s->st[which];
    int rc = sqlite3_step(st);
    sqlite3_int64 id = rc == SQLITE_DONE ? sqlite3_last_insert_rowid(s->db) : -1;
    if (rc != SQLITE_DONE)
        store_sql_error(s, d, "cannot store the article");
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
    return id;
}

/* Days since 1970-01-01 of a YYYY-MM-DD date (Howard Hinnant's days_from_civil). */
bool store_day_number(const char *s, long *out)
{
    if (!s || strlen(s) < 10)
        return false;
    for (int i = 0; i < 10; i++)
        if (i == 4 || i == 7 ? s[i] != '-' : (s[i] < '0' || s[i] > '9'))
            return false;
    if (s[10] && s[10] != 'T' && s[10] != ' ')
        return false;
    long y = atol(s), m = (s[5] - '0') * 10 + (s[6] - '0'), dd = (s[8] - '0') * 10 + (s[9] - '0');
    if (m < 1 || m > 12 || dd < 1 || dd > 31)
        return false;
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + dd - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    *out = era * 146097 + doe - 719468;
    return true;
}

/* The publisher that counts as one source: meta.publisher, else the URL's host, else "". */
static const char *source_key(char *out, size_t outlen, const char *publisher, const char *url)
{
    if (publisher && publisher[0])
        return publisher;
    if (url) {
        const char *host = strstr(url, "://");
        host = host ? host + 3 : url;
        size_t n = strcspn(host, "/?#:");
        if (n && n < outlen) {
            for (size_t i = 0; i < n; i++)
                out[i] = (host[i] >= 'A' && host[i] <= 'Z') ? (char)(host[i] + 32) : host[i];
            out[n] = '\0';
            if (strncmp(out, "www.", 4) == 0)
                memmove(out, out + 4, n - 3);
            return out;
        }
    }
    return "";
}

/* 128-bit content hash of the headline and sentence texts, as 32 hex digits. */
static sitrep_status content_hash(reader *r, const cJSON *meta, const cJSON *sentences,
                                  const char *id, char out[33])
{
    buf text;
    buf_init(&text, (size_t)1 << 30);
    sitrep_status status = SITREP_OK;
    const char *headline = jstr(r, meta, "headline");
    if (headline)
        status = buf_append_str(&text, headline);
    const cJSON *sentence;
    cJSON_ArrayForEach(sentence, sentences)
    {
        const char *t = jstr(r, sentence, "text");
        if (t && !status && !(status = buf_append_char(&text, '\n')))
            status = buf_append_str(&text, t);
    }
    if (!status && text.len == 0)
        status = buf_append_str(&text, id); /* an empty article is only itself */
    if (!status) {
        uint64_t a = hash_bytes(text.data, text.len, 0x73697472657031ULL);
        uint64_t b = hash_bytes(text.data, text.len, 0x636f6e74656e74ULL);
        snprintf(out, 33, "%016llx%016llx", (unsigned long long)a, (unsigned long long)b);
    }
    buf_release(&text);
    return status;
}

static bool is_valid_utf8(const char *s)
{
    size_t n = strlen(s);
    return utf8_valid_prefix(s, n) == n;
}

/* cJSON turns \u escapes into UTF-8 without checking them, so check every string. */
static bool strings_valid(const cJSON *item)
{
    for (; item; item = item->next) {
        if (item->string && !is_valid_utf8(item->string))
            return false;
        if (cJSON_IsString(item) && !is_valid_utf8(item->valuestring))
            return false;
        if (item->child && !strings_valid(item->child))
            return false;
    }
    return true;
}

/* ---- validation: an article is checked whole before anything is written ---- */

/* What a field must be: 's' string, 'n' number, 'o' object, 'a' array (or absent/null). */
typedef struct field_rule {
    const char *key;
    char type;
} field_rule;

static const field_rule article_rules[] = {
    {"id", 's'},     {"url", 's'},      {"published", 's'}, {"meta", 'o'},       {"sentences", 'a'},
    {"actors", 'a'}, {"events", 'a'},   {"quotes", 'a'},    {"quantities", 'a'}, {"dates", 'a'},
    {"places", 'a'}, {"warnings", 'a'}, {NULL, 0}};
static const field_rule meta_rules[] = {
    {"publisher", 's'}, {"section", 's'}, {"headline", 's'}, {"byline", 's'}, {NULL, 0}};
static const field_rule sentence_rules[] = {{"n", 'n'},         {"start", 'n'}, {"end", 'n'},
                                            {"paragraph", 'n'}, {"text", 's'},  {NULL, 0}};
static const field_rule actor_rules[] = {{"sentence", 'n'}, {"start", 'n'}, {"end", 'n'},
                                         {"text", 's'},     {"code", 's'},  {NULL, 0}};
static const field_rule event_rules[] = {
    {"id", 's'},         {"sentence", 'n'}, {"source", 'o'},
    {"target", 'o'},     {"cameo", 's'},    {"root", 's'},
    {"label", 's'},      {"plover", 's'},   {"goldstein", 'n'},
    {"quad_class", 'n'}, {"modality", 's'}, {"attribution", 'o'},
    {"quantities", 'a'}, {"place", 'o'},    {"date", 'o'},
    {"evidence", 'o'},   {NULL, 0}};
static const field_rule party_rules[] = {
    {"text", 's'}, {"code", 's'}, {"country", 's'}, {"role", 's'}, {NULL, 0}};
static const field_rule attribution_rules[] = {
    {"text", 's'}, {"kind", 's'}, {"code", 's'}, {"cue", 's'}, {NULL, 0}};
static const field_rule place_rules[] = {{"text", 's'}, {"name", 's'}, {"country", 's'},
                                         {"lat", 'n'},  {"lon", 'n'},  {NULL, 0}};
static const field_rule date_rules[] = {{"text", 's'}, {"value", 's'}, {NULL, 0}};
static const field_rule evidence_rules[] = {
    {"start", 'n'}, {"end", 'n'}, {"verb", 's'}, {"rule", 's'}, {NULL, 0}};
static const field_rule quantity_rules[] = {
    {"value", 'n'}, {"unit", 's'}, {"text", 's'}, {"qualifier", 's'}, {NULL, 0}};
static const field_rule quote_rules[] = {
    {"sentence", 'n'}, {"speaker", 'o'}, {"cue", 's'}, {"text", 's'}, {NULL, 0}};
static const field_rule speaker_rules[] = {{"text", 's'}, {"code", 's'}, {NULL, 0}};
static const field_rule warning_rules[] = {{"kind", 's'}, {"message", 's'}, {NULL, 0}};

/* Checks the fields of an object (NULL: absent, fine). */
static bool check_fields(reader *r, const cJSON *object, const field_rule *rules)
{
    for (const field_rule *rule = rules; object && rule->key && !r->bad; rule++) {
        switch (rule->type) {
        case 's':
            (void)jstr(r, object, rule->key);
            break;
        case 'n': {
            double ignored;
            (void)jnum(r, object, rule->key, &ignored);
            break;
        }
        case 'o':
            (void)jobj(r, object, rule->key);
            break;
        default:
            (void)jarr(r, object, rule->key);
            break;
        }
    }
    return !r->bad;
}

/* Checks every element of an array is an object (or, for warnings, a string) with the
 * given fields. */
static bool check_items(reader *r, const cJSON *array, const char *key, const field_rule *rules,
                        bool strings_allowed)
{
    const cJSON *item;
    int index = 0;
    char where[64];
    cJSON_ArrayForEach(item, array)
    {
        snprintf(where, sizeof where, "%s %d", key, index++);
        r->where = where;
        if (strings_allowed && cJSON_IsString(item))
            continue;
        if (!cJSON_IsObject(item)) {
            bad_field(r, key, "an array of objects");
            return false;
        }
        if (!check_fields(r, item, rules))
            return false;
    }
    r->where = NULL;
    return true;
}

static int compare_ints(const void *a, const void *b)
{
    long long x = *(const long long *)a, y = *(const long long *)b;
    return (x > y) - (x < y);
}

/* Checks the whole article so that writing it cannot fail on its data. */
static bool validate_article(reader *r, const cJSON *root)
{
    if (!check_fields(r, root, article_rules) ||
        !check_fields(r, jobj(r, root, "meta"), meta_rules))
        return false;
    const cJSON *sentences = jarr(r, root, "sentences"), *events = jarr(r, root, "events");
    const cJSON *quotes = jarr(r, root, "quotes");
    if (!check_items(r, sentences, "sentence", sentence_rules, false) ||
        !check_items(r, jarr(r, root, "actors"), "actor", actor_rules, false) ||
        !check_items(r, events, "event", event_rules, false) ||
        !check_items(r, quotes, "quote", quote_rules, false) ||
        !check_items(r, jarr(r, root, "quantities"), "quantity", quantity_rules, false) ||
        !check_items(r, jarr(r, root, "dates"), "date", date_rules, false) ||
        !check_items(r, jarr(r, root, "places"), "place", place_rules, false) ||
        !check_items(r, jarr(r, root, "warnings"), "warning", warning_rules, true))
        return false;
    const cJSON *item;
    int index = 0;
    char where[64];
    cJSON_ArrayForEach(item, events)
    {
        snprintf(where, sizeof where, "event %d", index++);
        r->where = where;
        if (!check_fields(r, jobj(r, item, "source"), party_rules) ||
            !check_fields(r, jobj(r, item, "target"), party_rules) ||
            !check_fields(r, jobj(r, item, "attribution"), attribution_rules) ||
            !check_fields(r, jobj(r, item, "place"), place_rules) ||
            !check_fields(r, jobj(r, item, "date"), date_rules) ||
            !check_fields(r, jobj(r, item, "evidence"), evidence_rules) ||
            !check_items(r, jarr(r, item, "quantities"), "quantity", quantity_rules, false))
            return false;
        r->where = NULL;
    }
    cJSON_ArrayForEach(item, quotes)
    {
        if (!check_fields(r, jobj(r, item, "speaker"), speaker_rules))
            return false;
    }
    /* sentence numbers must be whole, in range and unique (they key the sentences table) */
    index = 0;
    cJSON_ArrayForEach(item, sentences)
    {
        double n;
        if (jnum(r, item, "n", &n) && !(n >= 0 && n <= INT32_MAX && n == (double)(long long)n)) {
            diag_set(r->d, "", 0, "sentence %d: 'n' is not a whole number from 0 to %d", index,
                     INT32_MAX);
            r->bad = true;
            return false;
        }
        index++;
    }
    int count = count_items(sentences);
    if (count > 1 && count <= MAX_ITEMS) {
        long long *numbers = xmalloc((size_t)count * sizeof *numbers);
        int i = 0;
        cJSON_ArrayForEach(item, sentences)
        {
            double n;
            numbers[i] = jnum(r, item, "n", &n) ? (long long)n : i;
            i++;
        }
        qsort(numbers, (size_t)count, sizeof *numbers, compare_ints);
        for (i = 1; i < count && !r->bad; i++)
            if (numbers[i] == numbers[i - 1]) {
                diag_set(r->d, "", 0, "two sentences are numbered %lld", numbers[i]);
                r->bad = true;
            }
        free(numbers);
    }
    return !r->bad;
}

typedef struct article_ctx {
    store *s;
    reader *r;
    diag *d;
    sqlite3_int64 article;
    const char *source_key;
    const char *published;
} article_ctx;

static sitrep_status put_quantity(article_ctx *a, const cJSON *q, sqlite3_int64 mention)
{
    sqlite3_stmt *st = a->s->st[ST_INS_QUANTITY];
    if (!cJSON_IsObject(q)) {
        bad_field(a->r, "quantities", "an array of objects");
        return SITREP_EPARSE;
    }
    sqlite3_bind_int64(st, 1, a->article);
    if (mention > 0)
        sqlite3_bind_int64(st, 2, mention);
    else
        sqlite3_bind_null(st, 2);
    bind_num(a->r, st, 3, q, "value");
    bind_text(st, 4, jstr(a->r, q, "unit"));
    bind_text(st, 5, jstr(a->r, q, "text"));
    bind_text(st, 6, jstr(a->r, q, "qualifier"));
    if (a->r->bad) {
        sqlite3_reset(st);
        sqlite3_clear_bindings(st);
        return SITREP_EPARSE;
    }
    return run(a->s, ST_INS_QUANTITY, a->d) < 0 ? SITREP_ESQL : SITREP_OK;
}

static sitrep_status put_event(article_ctx *a, const cJSON *ev, int index)
{
    store *s = a->s;
    reader *r = a->r;
    char where[32];
    snprintf(where, sizeof where, "event %d", index);
    r->where = where;
    if (!cJSON_IsObject(ev)) {
        bad_field(r, "events", "an array of objects");
        return SITREP_EPARSE;
    }
    const cJSON *source = jobj(r, ev, "source"), *target = jobj(r, ev, "target");
    const cJSON *attribution = jobj(r, ev, "attribution"), *place = jobj(r, ev, "place");
    const cJSON *date = jobj(r, ev, "date"), *evidence = jobj(r, ev, "evidence");
    const cJSON *quantities = jarr(r, ev, "quantities");
    const char *cameo = jstr(r, ev, "cameo"), *root = jstr(r, ev, "root");
    const char *source_code = jstr(r, source, "code"), *target_code = jstr(r, target, "code");
    const char *place_name = jstr(r, place, "name"), *place_country = jstr(r, place, "country");
    const char *date_value = jstr(r, date, "value");
    char root_buf[3];
    if (!root && cameo && strlen(cameo) >= 2) {
        memcpy(root_buf, cameo, 2);
        root_buf[2] = '\0';
        root = root_buf;
    }
    if (r->bad)
        return SITREP_EPARSE;

    /* The event's day: its own resolved date when it is a full date, else publication. */
    long day_num = 0;
    char day[11] = "";
    const char *day_source = store_day_number(date_value, &day_num)     ? date_value
                             : store_day_number(a->published, &day_num) ? a->published
                                                                        : NULL;
    if (day_source) {
        memcpy(day, day_source, 10);
        day[10] = '\0';
    }
    char place_key[512];
    snprintf(place_key, sizeof place_key, "%s|%s", place_country ? place_country : "",
             place_name ? place_name : "");
    for (char *p = place_key; *p; p++)
        if (*p >= 'A' && *p <= 'Z')
            *p = (char)(*p + 32);

    sqlite3_int64 event = 0;
    if (day_source) { /* undated events never merge */
        sqlite3_stmt *st = s->st[ST_FIND_EVENT];
        bind_text(st, 1, cameo);
        bind_text(st, 2, source_code);
        bind_text(st, 3, target_code);
        sqlite3_bind_text(st, 4, place_key, -1, SQLITE_STATIC);
        sqlite3_bind_int64(st, 5, day_num - s->options.dedup_days);
        sqlite3_bind_int64(st, 6, day_num + s->options.dedup_days);
        sqlite3_bind_int64(st, 7, day_num);
        int rc = sqlite3_step(st);
        if (rc == SQLITE_ROW)
            event = sqlite3_column_int64(st, 0);
        sqlite3_reset(st);
        sqlite3_clear_bindings(st);
        if (rc != SQLITE_ROW && rc != SQLITE_DONE)
            return store_sql_error(s, a->d, "cannot look up events");
    }
    if (event) {
        sqlite3_stmt *st = s->st[ST_HAS_MENTION];
        sqlite3_bind_int64(st, 1, event);
        sqlite3_bind_int64(st, 2, a->article);
        int rc = sqlite3_step(st);
        sqlite3_reset(st);
        if (rc != SQLITE_ROW && rc != SQLITE_DONE)
            return store_sql_error(s, a->d, "cannot look up mentions");
        bool new_article = rc == SQLITE_DONE;
        st = s->st[ST_HAS_SOURCE];
        sqlite3_bind_int64(st, 1, event);
        sqlite3_bind_text(st, 2, a->source_key, -1, SQLITE_STATIC);
        rc = sqlite3_step(st);
        sqlite3_reset(st);
        sqlite3_clear_bindings(st);
        if (rc != SQLITE_ROW && rc != SQLITE_DONE)
            return store_sql_error(s, a->d, "cannot look up mentions");
        bool new_source = rc == SQLITE_DONE;
        st = s->st[ST_UPD_EVENT];
        sqlite3_bind_int64(st, 1, event);
        sqlite3_bind_int(st, 2, new_article);
        sqlite3_bind_int(st, 3, new_source);
        if (run(s, ST_UPD_EVENT, a->d) < 0)
            return SITREP_ESQL;
    } else {
        sqlite3_stmt *st = s->st[ST_INS_EVENT];
        if (day_source) {
            sqlite3_bind_text(st, 1, day, -1, SQLITE_STATIC);
            sqlite3_bind_int64(st, 2, day_num);
        }
        bind_text(st, 3, source_code);
        bind_text(st, 4, jstr(r, source, "country"));
        bind_text(st, 5, jstr(r, source, "role"));
        bind_text(st, 6, jstr(r, source, "text"));
        bind_text(st, 7, target_code);
        bind_text(st, 8, jstr(r, target, "country"));
        bind_text(st, 9, jstr(r, target, "role"));
        bind_text(st, 10, jstr(r, target, "text"));
        bind_text(st, 11, cameo);
        bind_text(st, 12, root);
        bind_text(st, 13, jstr(r, ev, "label"));
        bind_text(st, 14, jstr(r, ev, "plover"));
        bind_num(r, st, 15, ev, "goldstein");
        bind_int(r, st, 16, ev, "quad_class");
        sqlite3_bind_text(st, 17, place_key, -1, SQLITE_STATIC);
        bind_text(st, 18, jstr(r, place, "text"));
        bind_text(st, 19, place_name);
        bind_text(st, 20, place_country);
        bind_num(r, st, 21, place, "lat");
        bind_num(r, st, 22, place, "lon");
        sqlite3_bind_text(st, 23, s->now, -1, SQLITE_STATIC);
        if (r->bad) {
            sqlite3_reset(st);
            sqlite3_clear_bindings(st);
            return SITREP_EPARSE;
        }
        if ((event = run(s, ST_INS_EVENT, a->d)) < 0)
            return SITREP_ESQL;
    }

    sqlite3_stmt *st = s->st[ST_INS_MENTION];
    sqlite3_bind_int64(st, 1, event);
    sqlite3_bind_int64(st, 2, a->article);
    bind_text(st, 3, jstr(r, ev, "id"));
    bind_int(r, st, 4, ev, "sentence");
    bind_text(st, 5, jstr(r, ev, "modality"));
    bind_text(st, 6, jstr(r, attribution, "kind"));
    bind_text(st, 7, jstr(r, attribution, "text"));
    bind_text(st, 8, jstr(r, attribution, "code"));
    bind_text(st, 9, jstr(r, attribution, "cue"));
    bind_text(st, 10, jstr(r, source, "text"));
    bind_text(st, 11, jstr(r, target, "text"));
    bind_text(st, 12, jstr(r, date, "text"));
    bind_text(st, 13, date_value);
    bind_text(st, 14, jstr(r, place, "text"));
    bind_int(r, st, 15, evidence, "start");
    bind_int(r, st, 16, evidence, "end");
    bind_text(st, 17, jstr(r, evidence, "verb"));
    bind_text(st, 18, jstr(r, evidence, "rule"));
    if (r->bad) {
        sqlite3_reset(st);
        sqlite3_clear_bindings(st);
        return SITREP_EPARSE;
    }
    sqlite3_int64 mention = run(s, ST_INS_MENTION, a->d);
    if (mention < 0)
        return SITREP_ESQL;
    const cJSON *q;
    cJSON_ArrayForEach(q, quantities)
    {
        sitrep_status status = put_quantity(a, q, mention);
        if (status)
            return status;
    }
    r->where = NULL;
    return SITREP_OK;
}

/* Stores the rows of one article; the caller wraps it in a savepoint. */
static sitrep_status put_rows(article_ctx *a, const cJSON *root, const char *json, size_t length,
                              const char *id, const char *hash)
{
    store *s = a->s;
    reader *r = a->r;
    const cJSON *meta = jobj(r, root, "meta");
    const cJSON *sentences = jarr(r, root, "sentences"), *actors = jarr(r, root, "actors");
    const cJSON *events = jarr(r, root, "events"), *quotes = jarr(r, root, "quotes");
    const cJSON *quantities = jarr(r, root, "quantities"), *dates = jarr(r, root, "dates");
    const cJSON *places = jarr(r, root, "places"), *warnings = jarr(r, root, "warnings");
    const char *url = jstr(r, root, "url"), *publisher = jstr(r, meta, "publisher");
    if (r->bad)
        return SITREP_EPARSE;
    const cJSON *arrays[] = {sentences,  actors, events, quotes,
                             quantities, dates,  places, warnings};
    char host[256];
    a->source_key = source_key(host, sizeof host, publisher, url);

    sqlite3_stmt *st = s->st[ST_INS_ARTICLE];
    char *meta_json = meta ? cJSON_PrintUnformatted(meta) : NULL;
    sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, hash, -1, SQLITE_STATIC);
    bind_text(st, 3, url);
    bind_text(st, 4, a->published);
    bind_text(st, 5, publisher);
    sqlite3_bind_text(st, 6, a->source_key, -1, SQLITE_STATIC);
    bind_text(st, 7, jstr(r, meta, "section"));
    bind_text(st, 8, jstr(r, meta, "headline"));
    bind_text(st, 9, jstr(r, meta, "byline"));
    if (meta_json)
        sqlite3_bind_text(st, 10, meta_json, -1, free);
    for (size_t i = 0; i < ARRAY_LEN(arrays); i++)
        sqlite3_bind_int(st, 11 + (int)i, count_items(arrays[i]));
    sqlite3_bind_text(st, 19, s->now, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 20, json, (int)length, SQLITE_STATIC);
    if (r->bad) {
        sqlite3_reset(st);
        sqlite3_clear_bindings(st);
        return SITREP_EPARSE;
    }
    if ((a->article = run(s, ST_INS_ARTICLE, a->d)) < 0)
        return SITREP_ESQL;

    const cJSON *item;
    int n = 0;
    cJSON_ArrayForEach(item, sentences)
    {
        st = s->st[ST_INS_SENTENCE];
        const char *text = jstr(r, item, "text");
        double number;
        sqlite3_bind_int64(st, 1, a->article);
        /* validate_article made sure n is a whole number from 0 to INT32_MAX */
        sqlite3_bind_int(st, 2, jnum(r, item, "n", &number) ? (int)number : n);
        bind_int(r, st, 3, item, "start");
        bind_int(r, st, 4, item, "end");
        bind_int(r, st, 5, item, "paragraph");
        sqlite3_bind_text(st, 6, text ? text : "", -1, SQLITE_STATIC);
        if (r->bad || !cJSON_IsObject(item)) {
            bad_field(r, "sentences", "an array of objects");
            sqlite3_reset(st);
            sqlite3_clear_bindings(st);
            return SITREP_EPARSE;
        }
        sqlite3_int64 sentence = run(s, ST_INS_SENTENCE, a->d);
        if (sentence < 0)
            return SITREP_ESQL;
        st = s->st[ST_INS_FTS];
        sqlite3_bind_int64(st, 1, sentence);
        sqlite3_bind_text(st, 2, text ? text : "", -1, SQLITE_STATIC);
        if (run(s, ST_INS_FTS, a->d) < 0)
            return SITREP_ESQL;
        n++;
    }
    cJSON_ArrayForEach(item, actors)
    {
        st = s->st[ST_INS_ACTOR];
        sqlite3_bind_int64(st, 1, a->article);
        bind_int(r, st, 2, item, "sentence");
        bind_int(r, st, 3, item, "start");
        bind_int(r, st, 4, item, "end");
        bind_text(st, 5, jstr(r, item, "text"));
        bind_text(st, 6, jstr(r, item, "code"));
        if (r->bad || !cJSON_IsObject(item)) {
            bad_field(r, "actors", "an array of objects");
            sqlite3_reset(st);
            sqlite3_clear_bindings(st);
            return SITREP_EPARSE;
        }
        if (run(s, ST_INS_ACTOR, a->d) < 0)
            return SITREP_ESQL;
    }
    n = 0;
    cJSON_ArrayForEach(item, events)
    {
        sitrep_status status = put_event(a, item, n++);
        if (status)
            return status;
    }
    cJSON_ArrayForEach(item, quotes)
    {
        st = s->st[ST_INS_QUOTE];
        const cJSON *speaker = jobj(r, item, "speaker");
        const cJSON *direct = cJSON_GetObjectItemCaseSensitive(item, "direct");
        sqlite3_bind_int64(st, 1, a->article);
        bind_int(r, st, 2, item, "sentence");
        bind_text(st, 3, jstr(r, speaker, "text"));
        bind_text(st, 4, jstr(r, speaker, "code"));
        bind_text(st, 5, jstr(r, item, "cue"));
        bind_text(st, 6, jstr(r, item, "text"));
        if (cJSON_IsBool(direct))
            sqlite3_bind_int(st, 7, cJSON_IsTrue(direct));
        if (r->bad || !cJSON_IsObject(item)) {
            bad_field(r, "quotes", "an array of objects");
            sqlite3_reset(st);
            sqlite3_clear_bindings(st);
            return SITREP_EPARSE;
        }
        if (run(s, ST_INS_QUOTE, a->d) < 0)
            return SITREP_ESQL;
    }
    cJSON_ArrayForEach(item, quantities)
    {
        sitrep_status status = put_quantity(a, item, 0);
        if (status)
            return status;
    }
    cJSON_ArrayForEach(item, dates)
    {
        st = s->st[ST_INS_DATE];
        if (!cJSON_IsObject(item)) {
            bad_field(r, "dates", "an array of objects");
            return SITREP_EPARSE;
        }
        sqlite3_bind_int64(st, 1, a->article);
        bind_text(st, 2, jstr(r, item, "text"));
        bind_text(st, 3, jstr(r, item, "value"));
        sqlite3_bind_text(st, 4, cJSON_PrintUnformatted(item), -1, free);
        if (r->bad) {
            sqlite3_reset(st);
            sqlite3_clear_bindings(st);
            return SITREP_EPARSE;
        }
        if (run(s, ST_INS_DATE, a->d) < 0)
            return SITREP_ESQL;
    }
    cJSON_ArrayForEach(item, places)
    {
        st = s->st[ST_INS_PLACE];
        if (!cJSON_IsObject(item)) {
            bad_field(r, "places", "an array of objects");
            return SITREP_EPARSE;
        }
        sqlite3_bind_int64(st, 1, a->article);
        bind_text(st, 2, jstr(r, item, "text"));
        bind_text(st, 3, jstr(r, item, "name"));
        bind_text(st, 4, jstr(r, item, "country"));
        bind_num(r, st, 5, item, "lat");
        bind_num(r, st, 6, item, "lon");
        sqlite3_bind_text(st, 7, cJSON_PrintUnformatted(item), -1, free);
        if (r->bad) {
            sqlite3_reset(st);
            sqlite3_clear_bindings(st);
            return SITREP_EPARSE;
        }
        if (run(s, ST_INS_PLACE, a->d) < 0)
            return SITREP_ESQL;
    }
    cJSON_ArrayForEach(item, warnings)
    {
        st = s->st[ST_INS_WARNING];
        sqlite3_bind_int64(st, 1, a->article);
        if (cJSON_IsString(item)) {
            bind_text(st, 3, item->valuestring);
        } else if (cJSON_IsObject(item)) {
            bind_text(st, 2, jstr(r, item, "kind"));
            bind_text(st, 3, jstr(r, item, "message"));
        } else {
            bad_field(r, "warnings", "an array of objects");
        }
        if (r->bad) {
            sqlite3_reset(st);
            sqlite3_clear_bindings(st);
            return SITREP_EPARSE;
        }
        if (run(s, ST_INS_WARNING, a->d) < 0)
            return SITREP_ESQL;
    }
    return SITREP_OK;
}

sitrep_status store_put_article_json(store *s, const char *json, size_t length,
                                     store_outcome *outcome, diag *d)
{
    *outcome = STORE_DUPLICATE;
    reader r = {.d = d};
    if (length > INT32_MAX)
        return diag_set(d, "", 0, "article larger than 2 GB"), SITREP_ELIMIT;
    if (utf8_valid_prefix(json, length) != length)
        return diag_set(d, "", 0, "invalid UTF-8 in the coded article");
    cJSON *root = cJSON_ParseWithLength(json, length);
    if (!root)
        return diag_set(d, "", 0, "not a JSON object (a coded article is expected)");
    sitrep_status status = SITREP_OK;
    const char *id = NULL;
    if (!cJSON_IsObject(root))
        status = diag_set(d, "", 0, "not a JSON object (a coded article is expected)");
    else if (!strings_valid(root->child))
        status = diag_set(d, "", 0, "invalid UTF-8 in a JSON string escape");
    else if (!(id = jstr(&r, root, "id")) || !id[0])
        status = r.bad ? SITREP_EPARSE : diag_set(d, "", 0, "the article has no \"id\"");
    char hash[33];
    const char *published = NULL;
    if (!status) {
        const cJSON *meta = jobj(&r, root, "meta");
        const cJSON *sentences = jarr(&r, root, "sentences");
        published = jstr(&r, root, "published");
        if (r.bad)
            status = SITREP_EPARSE;
        else
            status = content_hash(&r, meta, sentences, id, hash);
        if (!status && r.bad)
            status = SITREP_EPARSE;
    }
    if (!status) {
        sqlite3_stmt *st = s->st[ST_FIND_ARTICLE];
        sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 2, hash, -1, SQLITE_STATIC);
        int rc = sqlite3_step(st);
        sqlite3_reset(st);
        sqlite3_clear_bindings(st);
        if (rc == SQLITE_ROW) {
            cJSON_Delete(root);
            return SITREP_OK; /* already stored: nothing changes */
        }
        if (rc != SQLITE_DONE)
            status = store_sql_error(s, d, "cannot look up the article");
    }
    if (!status && !validate_article(&r, root))
        status = SITREP_EPARSE;
    static const char *const arrays[] = {"sentences",  "actors", "events", "quotes",
                                         "quantities", "dates",  "places", "warnings"};
    for (size_t i = 0; i < ARRAY_LEN(arrays) && !status; i++)
        if (count_items(jarr(&r, root, arrays[i])) > MAX_ITEMS) {
            diag_set(d, "", 0, "more than %d %s in one article", MAX_ITEMS, arrays[i]);
            status = SITREP_ELIMIT;
        }
    if (!status) {
        /* No savepoint per article: FTS5 flushes its pending index data at every savepoint,
         * which made ingest about 3x slower. The article was validated whole above, so a
         * failure now is the database's, and the caller rolls the batch back. */
        article_ctx a = {.s = s, .r = &r, .d = d, .published = published};
        status = put_rows(&a, root, json, length, id, hash);
        if (status == SITREP_OK)
            *outcome = STORE_ADDED;
        else if (status != SITREP_ESQL) {
            if (!d->message[0])
                diag_set(d, "", 0, "%s", sitrep_strerror(status));
            status = SITREP_ESQL;
        }
    }
    cJSON_Delete(root);
    return status;
}
