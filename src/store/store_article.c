/* store_article.c - reading one coded article for the store: the DESIGN.md section 2 JSON
 * object is parsed with cJSON and checked whole (types of every field, UTF-8, sentence
 * numbers, limits) before any back end writes it, and its content hash, source key and each
 * event's day and merge group are worked out here, the same for SQLite and PostgreSQL.
 */
#include "store_internal.h"

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
static const field_rule party_rules[] = {{"text", 's'},    {"name", 's'}, {"code", 's'},
                                         {"country", 's'}, {"role", 's'}, {"place", 'o'},
                                         {NULL, 0}};
static const field_rule attribution_rules[] = {
    {"text", 's'}, {"kind", 's'}, {"code", 's'}, {"cue", 's'}, {NULL, 0}};
static const field_rule place_rules[] = {{"text", 's'},    {"name", 's'},   {"kind", 's'},
                                         {"country", 's'}, {"admin1", 's'}, {"lat", 'n'},
                                         {"lon", 'n'},     {NULL, 0}};
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
            !check_fields(r, jobj(r, jobj(r, item, "source"), "place"), place_rules) ||
            !check_fields(r, jobj(r, jobj(r, item, "target"), "place"), place_rules) ||
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

/* ---- readers for checked articles ---- */

const char *store_jstr(const cJSON *object, const char *key)
{
    const cJSON *item = object ? cJSON_GetObjectItemCaseSensitive(object, key) : NULL;
    return cJSON_IsString(item) ? item->valuestring : NULL;
}

bool store_jnum(const cJSON *object, const char *key, double *value)
{
    const cJSON *item = object ? cJSON_GetObjectItemCaseSensitive(object, key) : NULL;
    if (!cJSON_IsNumber(item))
        return false;
    *value = item->valuedouble;
    return true;
}

const cJSON *store_jobj(const cJSON *object, const char *key)
{
    const cJSON *item = object ? cJSON_GetObjectItemCaseSensitive(object, key) : NULL;
    return cJSON_IsObject(item) ? item : NULL;
}

const cJSON *store_jarr(const cJSON *object, const char *key)
{
    const cJSON *item = object ? cJSON_GetObjectItemCaseSensitive(object, key) : NULL;
    return cJSON_IsArray(item) ? item : NULL;
}

sitrep_status store_article_read(store_article *a, const char *json, size_t length, diag *d)
{
    memset(a, 0, sizeof *a);
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
    if (!status && !validate_article(&r, root))
        status = SITREP_EPARSE;
    static const char *const arrays[] = {"sentences",  "actors", "events", "quotes",
                                         "quantities", "dates",  "places", "warnings"};
    for (size_t i = 0; i < ARRAY_LEN(arrays) && !status; i++)
        if (count_items(jarr(&r, root, arrays[i])) > MAX_ITEMS) {
            diag_set(d, "", 0, "more than %d %s in one article", MAX_ITEMS, arrays[i]);
            status = SITREP_ELIMIT;
        }
    const cJSON *meta = jobj(&r, root, "meta");
    if (!status)
        status = content_hash(&r, meta, jarr(&r, root, "sentences"), id, a->hash);
    if (status) {
        cJSON_Delete(root);
        return status;
    }
    a->root = root;
    a->id = id;
    a->published = jstr(&r, root, "published");
    a->url = jstr(&r, root, "url");
    a->publisher = jstr(&r, meta, "publisher");
    const char *key = source_key(a->source_key, sizeof a->source_key, a->publisher, a->url);
    if (key != a->source_key)
        snprintf(a->source_key, sizeof a->source_key, "%s", key);
    a->json = json;
    a->length = length;
    return SITREP_OK;
}

void store_article_release(store_article *a)
{
    cJSON_Delete(a->root);
    a->root = NULL;
}

/* Lower-cases ASCII letters in place. */
static void lower_ascii(char *s)
{
    for (; *s; s++)
        if (*s >= 'A' && *s <= 'Z')
            *s = (char)(*s + 32);
}

void store_event_prepare(store_event_in *e, const cJSON *json, const char *published)
{
    memset(e, 0, sizeof *e);
    e->json = json;
    const cJSON *place = store_jobj(json, "place"), *date = store_jobj(json, "date");
    const char *date_value = store_jstr(date, "value");
    /* The event's day: its own resolved date when it is a full date, else publication. */
    const char *day_source = store_day_number(date_value, &e->day_num)  ? date_value
                             : store_day_number(published, &e->day_num) ? published
                                                                        : NULL;
    if (day_source) {
        e->dated = true;
        memcpy(e->day, day_source, 10);
        e->day[10] = '\0';
    }
    const char *place_name = store_jstr(place, "name");
    const char *place_country = store_jstr(place, "country");
    snprintf(e->place_key, sizeof e->place_key, "%s|%s", place_country ? place_country : "",
             place_name ? place_name : "");
    lower_ascii(e->place_key);
    const char *cameo = store_jstr(json, "cameo");
    if (!store_jstr(json, "root") && cameo && strlen(cameo) >= 2) {
        memcpy(e->root, cameo, 2);
        e->root[2] = '\0';
    }
    /* Equal events share cameo, source, target and place: the group is a 128-bit hash of
     * them (NULL codes kept apart from empty ones by a mark). Undated events never merge. */
    if (e->dated) {
        const char *parts[4] = {cameo, store_jstr(store_jobj(json, "source"), "code"),
                                store_jstr(store_jobj(json, "target"), "code"), e->place_key};
        buf key;
        buf_init(&key, (size_t)1 << 20);
        bool ok = true;
        for (int i = 0; i < 4 && ok; i++)
            ok = buf_append_str(&key, parts[i] ? "=" : "-") == SITREP_OK &&
                 buf_append_str(&key, parts[i] ? parts[i] : "") == SITREP_OK &&
                 buf_append_char(&key, '\x1f') == SITREP_OK;
        uint64_t h1 = hash_bytes(key.data, key.len, 0x67726f7570ULL);
        uint64_t h2 = hash_bytes(key.data, key.len, 0x6576656e7473ULL);
        snprintf(e->group, sizeof e->group, "%016llx%016llx", (unsigned long long)h1,
                 (unsigned long long)h2);
        buf_release(&key);
    }
}
