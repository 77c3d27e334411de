/* serve_api.c - the JSON API of `sitrep serve`: every parameter is checked (400 with a JSON
 * error otherwise), then the store answers through store.h (store_query, store_facets,
 * store_article_find, store_search) and the answer is written with the JSON writer; events use
 * the same object as `sitrep query --format json` (store/store_json.c).
 */
#include "serve.h"

#include "../lexicon/lexicon.h"
#include "../store/store.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { HTTP_OK = 200, HTTP_BAD = 400, HTTP_NOT_FOUND = 404, HTTP_ERROR = 500 };

/* The filters of `sitrep query`, under the same names. */
static const char *const filter_names[] = {
    "actor",         "source",        "target",      "cameo",        "root",
    "plover",        "modality",      "attribution", "since",        "until",
    "country",       "text",          "side",        "place",        "publisher",
    "goldstein_min", "goldstein_max", "min_sources", "min_articles", NULL};

static const char *const modalities[] = {"asserted", "negated",      "planned",
                                         "possible", "hypothetical", NULL};
static const char *const attributions[] = {
    "named", "official", "organization", "document", "publisher", "none", NULL};

sitrep_status serve_filter_check(const store_filter *q, char *error, size_t errlen)
{
    sitrep_status status = SITREP_OK;
    const struct {
        const char *name, *value;
    } codes[] = {{"actor", q->actor},     {"source", q->source}, {"target", q->target},
                 {"country", q->country}, {"cameo", q->cameo},   {"root", q->root}};
    for (size_t i = 0; i < ARRAY_LEN(codes) && !status; i++)
        status = serve_check_code(codes[i].name, codes[i].value, error, errlen);
    if (!status && q->cameo && (!ascii_digits(q->cameo, strlen(q->cameo)) || strlen(q->cameo) > 4))
        status = SITREP_EUSAGE,
        snprintf(error, errlen, "cameo wants 1-4 digits, not '%.20s'", q->cameo);
    if (!status && q->root && (!ascii_digits(q->root, strlen(q->root)) || strlen(q->root) != 2))
        status = SITREP_EUSAGE,
        snprintf(error, errlen, "root wants two digits, not '%.20s'", q->root);
    if (!status && q->plover && !cameo_plover_type_find(q->plover, strlen(q->plover)))
        status = SITREP_EUSAGE, snprintf(error, errlen,
                                         "plover wants a PLOVER type (AGREE, CONSULT, SUPPORT, "
                                         "CONCEDE, COOPERATE, AID, RETREAT, REQUEST, ACCUSE, "
                                         "REJECT, THREATEN, PROTEST, SANCTION, MOBILIZE, COERCE, "
                                         "ASSAULT), not '%.40s'",
                                         q->plover);
    if (!status)
        status = serve_check_word("modality", q->modality, modalities, error, errlen);
    if (!status)
        status = serve_check_word("attribution", q->attribution, attributions, error, errlen);
    if (!status)
        status = serve_check_date("since", q->since, error, errlen);
    if (!status)
        status = serve_check_date("until", q->until, error, errlen);
    if (!status)
        status = serve_check_text("text", q->text, error, errlen);
    static const char *const sides[] = {"source", "target", NULL};
    if (!status)
        status = serve_check_word("side", q->side, sides, error, errlen);
    if (!status && q->side && !q->actor)
        status = SITREP_EUSAGE,
        snprintf(error, errlen, "side needs actor: the side the actor must be on");
    if (!status)
        status = serve_check_text("place", q->place, error, errlen);
    if (!status)
        status = serve_check_text("publisher", q->publisher, error, errlen);
    if (!status && q->has_goldstein_min && q->has_goldstein_max &&
        q->goldstein_min > q->goldstein_max)
        status = SITREP_EUSAGE,
        snprintf(error, errlen, "goldstein_min (%g) is above goldstein_max (%g)", q->goldstein_min,
                 q->goldstein_max);
    return status;
}

/* Reads a Goldstein bound: a number from -10 to 10 with at most one decimal point. */
static bool read_goldstein(const serve_request *r, const char *name, double *out, bool *has,
                           serve_response *resp)
{
    const char *value = serve_param_find(r, name);
    if (!value)
        return true;
    size_t n = strlen(value), digits = 0, points = 0;
    for (size_t i = value[0] == '-'; i < n; i++) {
        if (value[i] == '.')
            points++;
        else if (value[i] >= '0' && value[i] <= '9')
            digits++;
        else
            points = 9; /* nothing else is part of a number here */
    }
    char *end = NULL;
    double number = digits && points <= 1 && n <= 8 ? strtod(value, &end) : 0;
    if (!end || *end || number < -10 || number > 10) {
        serve_error(resp, HTTP_BAD, "%s wants a Goldstein score from -10 to 10, not '%.40s'", name,
                    value);
        return false;
    }
    *out = number;
    *has = true;
    return true;
}

/* Reads and checks the filter parameters into q. Returns false after writing a 400. */
static bool read_filter(const serve_request *r, store_filter *q, serve_response *resp)
{
    char error[400];
    q->actor = serve_param_find(r, "actor");
    q->source = serve_param_find(r, "source");
    q->target = serve_param_find(r, "target");
    q->cameo = serve_param_find(r, "cameo");
    q->root = serve_param_find(r, "root");
    q->plover = serve_param_find(r, "plover");
    q->modality = serve_param_find(r, "modality");
    q->attribution = serve_param_find(r, "attribution");
    q->since = serve_param_find(r, "since");
    q->until = serve_param_find(r, "until");
    q->country = serve_param_find(r, "country");
    q->text = serve_param_find(r, "text");
    q->side = serve_param_find(r, "side");
    q->place = serve_param_find(r, "place");
    q->publisher = serve_param_find(r, "publisher");
    if (!read_goldstein(r, "goldstein_min", &q->goldstein_min, &q->has_goldstein_min, resp) ||
        !read_goldstein(r, "goldstein_max", &q->goldstein_max, &q->has_goldstein_max, resp))
        return false;
    if (serve_check_long("min_sources", serve_param_find(r, "min_sources"), 1, 1000000,
                         &q->min_sources, error, sizeof error) ||
        serve_check_long("min_articles", serve_param_find(r, "min_articles"), 1, 1000000,
                         &q->min_articles, error, sizeof error) ||
        serve_filter_check(q, error, sizeof error)) {
        serve_error(resp, HTTP_BAD, "%s", error);
        return false;
    }
    return true;
}

/* Checks that the request has only the filters and the extra names. */
static bool allowed(const serve_request *r, const char *const *extra, serve_response *resp)
{
    const char *names[ARRAY_LEN(filter_names) + 8];
    size_t n = 0;
    for (size_t i = 0; filter_names[i]; i++)
        names[n++] = filter_names[i];
    for (size_t i = 0; extra && extra[i] && n + 1 < ARRAY_LEN(names); i++)
        names[n++] = extra[i];
    names[n] = NULL;
    char error[300];
    if (serve_params_allowed(r, names, error, sizeof error)) {
        serve_error(resp, HTTP_BAD, "%s", error);
        return false;
    }
    return true;
}

static bool read_long(const serve_request *r, const char *name, long min, long max, long *out,
                      serve_response *resp)
{
    char error[300];
    if (serve_check_long(name, serve_param_find(r, name), min, max, out, error, sizeof error)) {
        serve_error(resp, HTTP_BAD, "%s", error);
        return false;
    }
    return true;
}

/* Turns a store failure into 400 (a bad value the checks let through) or 500. */
static void store_failed(serve_response *resp, sitrep_status status, const diag *d)
{
    const char *message = d->message[0] ? d->message : sitrep_strerror(status);
    if (status == SITREP_EUSAGE)
        serve_error(resp, HTTP_BAD, "%s", message);
    else if (status == SITREP_ELIMIT)
        serve_error(resp, HTTP_ERROR, "%s",
                    d->message[0] ? d->message : "the answer is too large: ask for fewer");
    else
        serve_error(resp, HTTP_ERROR, "the store could not answer: %s", message);
}

/* The end of a JSON answer: closes its object; a failure becomes store_failed's error. */
static void answer_end(json_writer *w, sitrep_status status, const diag *d, serve_response *resp)
{
    json_object_end(w);
    if (!status)
        status = json_status(w);
    if (status)
        store_failed(resp, status, d);
}

/* ---- /api/events ---- */

/* The store_namer of the API: serve_actor_name over the server's names. */
static const char *name_of(const void *user, const char *code, const char *text, char *out,
                           size_t outlen)
{
    return serve_actor_name(user, code, text, out, outlen);
}

typedef struct events_page {
    json_writer *w;
    const serve_names *names;
    long shown, limit;
    bool more;
} events_page;

static sitrep_status page_event(void *user, const store_event *e)
{
    events_page *p = user;
    if (p->shown == p->limit) { /* the one asked beyond the page */
        p->more = true;
        return SITREP_OK;
    }
    p->shown++;
    store_json_event_named(p->w, e, name_of, p->names);
    return json_status(p->w);
}

static sitrep_status append_body(void *user, const char *data, size_t length)
{
    return buf_append(user, data, length);
}

/* The events of the filter as a file: CSV, GDELT 2.0 rows or PLOVER records, written by the
 * store's exporters (the same as `sitrep query --format csv` and `sitrep export`), oldest
 * first, every matching event up to `limit` and the answer's size. */
static void download(const serve_api *api, store *s, const serve_request *r, store_filter *q,
                     const char *format, serve_response *resp)
{
    long limit = 0;
    if (!read_long(r, "limit", 1, 10000000, &limit, resp))
        return;
    if (serve_param_find(r, "offset")) {
        serve_error(resp, HTTP_BAD, "a download has every matching event: offset is not taken");
        return;
    }
    if (strcmp(format, "csv") != 0 && (!api->codes || (!api->cameo && format[0] == 'p'))) {
        serve_error(resp, HTTP_ERROR, "%s downloads need data/codes and data/cameo", format);
        return;
    }
    q->limit = limit;
    q->oldest_first = true;
    store_export x = {.codes = api->codes,
                      .cameo = api->cameo,
                      .header = true,
                      .write = append_body,
                      .user = &resp->body};
    diag d;
    diag_clear(&d);
    sitrep_status status;
    if (strcmp(format, "csv") == 0) {
        status = store_export_csv(s, q, &x, &d);
        resp->content_type = "text/csv; charset=utf-8";
        snprintf(resp->filename, sizeof resp->filename, "sitrep-events.csv");
    } else if (strcmp(format, "gdelt") == 0) {
        status = store_export_gdelt(s, q, &x, &d);
        resp->content_type = "text/tab-separated-values; charset=utf-8";
        snprintf(resp->filename, sizeof resp->filename, "sitrep-events.gdelt.tsv");
    } else {
        status = store_export_plover(s, q, &x, &d);
        resp->content_type = "application/x-ndjson; charset=utf-8";
        snprintf(resp->filename, sizeof resp->filename, "sitrep-events.plover.jsonl");
    }
    if (status == SITREP_ELIMIT && resp->body.full)
        serve_error(resp, HTTP_ERROR,
                    "the download is larger than the %zu MB an answer may have: narrow the "
                    "filter or give a limit",
                    resp->body.cap >> 20);
    else if (status)
        store_failed(resp, status, &d);
}

static void api_events(const serve_api *api, store *s, const serve_request *r, serve_response *resp)
{
    static const char *const extra[] = {"limit", "offset", "format", NULL};
    static const char *const formats[] = {"json", "csv", "gdelt", "plover", NULL};
    store_filter q = {0};
    long limit = 50, offset = 0;
    const char *format = serve_param_find(r, "format");
    char error[300];
    if (!allowed(r, extra, resp) || !read_filter(r, &q, resp))
        return;
    if (serve_check_word("format", format, formats, error, sizeof error)) {
        serve_error(resp, HTTP_BAD, "%s", error);
        return;
    }
    if (format && strcmp(format, "json") != 0) {
        download(api, s, r, &q, format, resp);
        return;
    }
    if (!read_long(r, "limit", 1, 500, &limit, resp) ||
        !read_long(r, "offset", 0, 100000, &offset, resp))
        return;
    q.limit = limit + 1;
    q.offset = offset;
    q.details = true;
    json_writer w;
    json_init(&w, &resp->body, false);
    json_object_begin(&w);
    json_key(&w, "events");
    json_array_begin(&w);
    events_page page = {.w = &w, .names = api->names, .limit = limit};
    diag d;
    diag_clear(&d);
    sitrep_status status = store_query(s, &q, page_event, &page, &d);
    if (status) {
        store_failed(resp, status, &d);
        return;
    }
    json_array_end(&w);
    json_key(&w, "offset");
    json_int(&w, offset);
    json_key(&w, "limit");
    json_int(&w, limit);
    json_key(&w, "more");
    json_bool(&w, page.more);
    json_object_end(&w);
    if (json_status(&w))
        store_failed(resp, json_status(&w), &d);
}

/* ---- /api/events/{id}: one event and every article that reports it ---- */

typedef struct event_answer {
    json_writer *w;
    const serve_names *names;
    bool found;
} event_answer;

static sitrep_status one_event(void *user, const store_event *e)
{
    event_answer *a = user;
    a->found = true;
    json_key(a->w, "event");
    store_json_event_named(a->w, e, name_of, a->names);
    return json_status(a->w);
}

static sitrep_status write_report(void *user, const store_report *r)
{
    event_answer *a = user;
    json_writer *w = a->w;
    json_object_begin(w);
    const struct {
        const char *key, *value;
    } texts[] = {{"article", r->article_id},      {"url", r->url},
                 {"publisher", r->publisher},     {"published", r->published},
                 {"headline", r->headline},       {"sentence_text", r->sentence_text},
                 {"modality", r->modality},       {"verb", r->verb},
                 {"source_text", r->source_text}, {"target_text", r->target_text}};
    for (size_t i = 0; i < ARRAY_LEN(texts); i++) {
        json_key(w, texts[i].key);
        json_cstr(w, texts[i].value);
    }
    json_key(w, "sentence");
    if (r->sentence >= 0)
        json_int(w, r->sentence);
    else
        json_null(w);
    json_key(w, "span");
    if (r->span_start >= 0 && r->span_end > r->span_start) {
        json_object_begin(w);
        json_key(w, "start");
        json_int(w, r->span_start);
        json_key(w, "end");
        json_int(w, r->span_end);
        json_object_end(w);
    } else {
        json_null(w);
    }
    json_key(w, "attribution");
    json_object_begin(w);
    json_key(w, "kind");
    json_cstr(w, r->attribution_kind);
    json_key(w, "text");
    json_cstr(w, r->attribution_text);
    json_key(w, "code");
    json_cstr(w, r->attribution_code);
    json_key(w, "cue");
    json_cstr(w, r->cue);
    json_object_end(w);
    json_key(w, "date");
    json_object_begin(w);
    json_key(w, "text");
    json_cstr(w, r->date_text);
    json_key(w, "value");
    json_cstr(w, r->date_value ? r->date_value : r->published);
    json_key(w, "from");
    json_cstr(w, r->date_text ? "text" : r->published ? "published" : NULL);
    json_object_end(w);
    json_key(w, "quantities");
    if (r->quantities && r->quantities[0] == '[')
        json_raw(w, r->quantities, strlen(r->quantities));
    else
        json_raw(w, "[]", 2);
    json_object_end(w);
    return json_status(w);
}

static void api_event(const serve_api *api, store *s, const char *id_text, serve_response *resp)
{
    long long id = 0;
    size_t n = strlen(id_text);
    if (n == 0 || n > 15 || !ascii_digits(id_text, n) || (id = strtoll(id_text, NULL, 10)) < 1) {
        serve_error(resp, HTTP_BAD, "an event id is a whole number from 1, not '%.40s'", id_text);
        return;
    }
    json_writer w;
    json_init(&w, &resp->body, false);
    json_object_begin(&w);
    event_answer answer = {.w = &w, .names = api->names};
    store_filter q = {.event_id = id, .details = true, .limit = 1};
    diag d;
    diag_clear(&d);
    sitrep_status status = store_query(s, &q, one_event, &answer, &d);
    if (!status && !answer.found) {
        serve_error(resp, HTTP_NOT_FOUND, "no event %lld", id);
        return;
    }
    bool found = false;
    if (!status) {
        json_key(&w, "reports");
        json_array_begin(&w);
        status = store_event_reports(s, id, write_report, &answer, &found, &d);
        json_array_end(&w);
    }
    answer_end(&w, status, &d, resp);
}

/* ---- /api/actors and /api/timeline ---- */

typedef struct bucket_writer {
    json_writer *w;
    const char *key_name, *key2_name;
    bool named;               /* keys are actor codes: each gets a name ("name", "source_name") */
    const serve_names *names; /* may be NULL: the name is then the code */
    bool casualties;          /* "people": the bucket's total */
    bool coordinates;         /* "lat", "lon": the bucket's place */
} bucket_writer;

/* Writes "KEY_name": the actor's name, or the code when it has none. */
static void name_member(json_writer *w, const serve_names *names, const char *key, const char *code)
{
    char member[64], name[512];
    snprintf(member, sizeof member, "%s%sname", strcmp(key, "code") ? key : "",
             strcmp(key, "code") ? "_" : "");
    const char *resolved = serve_actor_name(names, code, NULL, name, sizeof name);
    json_key(w, member);
    json_cstr(w, resolved ? resolved : code);
}

static sitrep_status write_bucket(void *user, const store_bucket *b)
{
    bucket_writer *bw = user;
    json_writer *w = bw->w;
    json_object_begin(w);
    json_key(w, bw->key_name);
    json_cstr(w, b->key);
    if (bw->named)
        name_member(w, bw->names, bw->key_name, b->key);
    if (bw->key2_name) {
        json_key(w, bw->key2_name);
        json_cstr(w, b->key2);
        if (bw->named)
            name_member(w, bw->names, bw->key2_name, b->key2);
    }
    json_key(w, "count");
    json_int(w, b->count);
    if (bw->casualties) {
        json_key(w, "people");
        json_fixed(w, b->total, 0);
        json_object_end(w);
        return json_status(w);
    }
    if (bw->coordinates) {
        json_key(w, "lat");
        json_fixed(w, b->lat, 4);
        json_key(w, "lon");
        json_fixed(w, b->lon, 4);
    }
    json_key(w, "goldstein");
    if (b->has_goldstein)
        json_fixed(w, b->goldstein, 2);
    else
        json_null(w);
    json_object_end(w);
    return json_status(w);
}

typedef struct actor_lists {
    bucket_writer actors, dyads;
    bool in_dyads;
} actor_lists;

static sitrep_status list_actor(void *user, const store_bucket *b)
{
    return write_bucket(&((actor_lists *)user)->actors, b);
}

static sitrep_status list_dyad(void *user, const store_bucket *b)
{
    actor_lists *lists = user;
    if (!lists->in_dyads) {
        json_array_end(lists->dyads.w);
        json_key(lists->dyads.w, "dyads");
        json_array_begin(lists->dyads.w);
        lists->in_dyads = true;
    }
    return write_bucket(&lists->dyads, b);
}

/* The start of a group answer with a `limit` (1 to max) besides the filters: reads and checks
 * them (false after writing a 400), then opens the JSON object in w. */
static bool group_begin(const serve_request *r, long max, long *limit, store_filter *q,
                        json_writer *w, serve_response *resp)
{
    static const char *const extra[] = {"limit", NULL};
    if (!allowed(r, extra, resp) || !read_filter(r, q, resp) ||
        !read_long(r, "limit", 1, max, limit, resp))
        return false;
    json_init(w, &resp->body, false);
    json_object_begin(w);
    return true;
}

static void api_actors(const serve_api *api, store *s, const serve_request *r, serve_response *resp)
{
    store_filter q = {0};
    long limit = 30;
    json_writer w;
    if (!group_begin(r, 500, &limit, &q, &w, resp))
        return;
    diag d;
    diag_clear(&d);
    /* one scan for both: the actors' array is closed when the first dyad arrives */
    actor_lists lists = {.actors = {&w, "code", NULL, true, api->names},
                         .dyads = {&w, "source", "target", true, api->names}};
    json_key(&w, "actors");
    json_array_begin(&w);
    sitrep_status status = store_actor_facets(s, &q, limit, list_actor, list_dyad, &lists, &d);
    if (!status && !lists.in_dyads) {
        json_array_end(&w);
        json_key(&w, "dyads");
        json_array_begin(&w);
    }
    json_array_end(&w);
    answer_end(&w, status, &d, resp);
}

static void api_timeline(const serve_api *api, store *s, const serve_request *r,
                         serve_response *resp)
{
    (void)api;
    static const char *const extra[] = {"interval", "by", NULL};
    static const char *const intervals[] = {"day", "week", NULL};
    static const char *const groupings[] = {"quad", "root", "casualties", NULL};
    store_filter q = {0};
    if (!allowed(r, extra, resp) || !read_filter(r, &q, resp))
        return;
    const char *interval = serve_param_find(r, "interval");
    const char *by = serve_param_find(r, "by");
    char error[300];
    if (serve_check_word("interval", interval, intervals, error, sizeof error) ||
        serve_check_word("by", by, groupings, error, sizeof error)) {
        serve_error(resp, HTTP_BAD, "%s", error);
        return;
    }
    bool day = interval && strcmp(interval, "day") == 0;
    bool root = by && strcmp(by, "root") == 0;
    bool casualties = by && strcmp(by, "casualties") == 0;
    store_facet facet = day ? (root ? STORE_FACET_DAY_ROOT : STORE_FACET_DAY)
                            : (root ? STORE_FACET_WEEK_ROOT : STORE_FACET_WEEK);
    if (casualties)
        facet = day ? STORE_FACET_DAY_CASUALTIES : STORE_FACET_WEEK_CASUALTIES;
    json_writer w;
    json_init(&w, &resp->body, false);
    json_object_begin(&w);
    json_key(&w, "interval");
    json_cstr(&w, day ? "day" : "week");
    json_key(&w, "by");
    json_cstr(&w, casualties ? "casualties" : root ? "root" : "quad");
    diag d;
    diag_clear(&d);
    /* 100,000 buckets: 68 years of days by four quad classes; more is not a chart */
    json_key(&w, "buckets");
    json_array_begin(&w);
    bucket_writer bw = {&w,    "date", casualties ? "kind" : root ? "root" : "quad_class",
                        false, NULL,   casualties,
                        false};
    sitrep_status status = store_facets(s, &q, facet, 100000, write_bucket, &bw, &d);
    json_array_end(&w);
    answer_end(&w, status, &d, resp);
}

/* /api/map: event counts and mean Goldstein per country of the events' places, and the
 * places of city level with their coordinates. */
static void api_map(const serve_api *api, store *s, const serve_request *r, serve_response *resp)
{
    store_filter q = {0};
    long limit = 500;
    json_writer w;
    if (!group_begin(r, 5000, &limit, &q, &w, resp))
        return;
    diag d;
    diag_clear(&d);
    json_key(&w, "countries");
    json_array_begin(&w);
    /* a country code is named as an actor code of the country alone is: "Russia" */
    bucket_writer countries = {&w, "code", NULL, true, api->names, false, false};
    sitrep_status status =
        store_facets(s, &q, STORE_FACET_COUNTRY, 0, write_bucket, &countries, &d);
    json_array_end(&w);
    json_key(&w, "places");
    json_array_begin(&w);
    bucket_writer places = {&w, "place", "country", false, NULL, false, true};
    if (!status)
        status = store_facets(s, &q, STORE_FACET_CITY, limit, write_bucket, &places, &d);
    json_array_end(&w);
    answer_end(&w, status, &d, resp);
}

/* ---- /api/articles/{id} ---- */

typedef struct article_writer {
    json_writer *w;
    bool events_open;
} article_writer;

static sitrep_status article_json(void *user, const char *json, size_t length)
{
    article_writer *aw = user;
    /* The stored object was parsed and checked when it was ingested: embed it as it is. */
    json_key(aw->w, "article");
    json_raw(aw->w, json, length);
    return json_status(aw->w);
}

static sitrep_status article_event(void *user, const char *key, long long event_id)
{
    article_writer *aw = user;
    if (!aw->events_open) {
        json_key(aw->w, "events");
        json_object_begin(aw->w);
        aw->events_open = true;
    }
    json_key(aw->w, key ? key : "");
    json_int(aw->w, event_id);
    return json_status(aw->w);
}

static void api_article(store *s, const char *id, serve_response *resp)
{
    if (!id[0] || strlen(id) > 256) {
        serve_error(resp, HTTP_BAD, "an article id has 1-256 bytes");
        return;
    }
    json_writer w;
    json_init(&w, &resp->body, false);
    json_object_begin(&w);
    article_writer aw = {.w = &w};
    bool found;
    diag d;
    diag_clear(&d);
    sitrep_status status = store_article_find(s, id, article_json, article_event, &aw, &found, &d);
    if (status) {
        store_failed(resp, status, &d);
        return;
    }
    if (!found) {
        serve_error(resp, HTTP_NOT_FOUND, "no article '%.200s'", id);
        return;
    }
    if (!aw.events_open) {
        json_key(&w, "events");
        json_object_begin(&w);
    }
    json_object_end(&w);
    json_object_end(&w);
    if (json_status(&w))
        store_failed(resp, json_status(&w), &d);
}

/* ---- /api/search ---- */

typedef struct hits_page {
    json_writer *w;
    long shown, limit;
    bool more;
} hits_page;

static sitrep_status write_hit(void *user, const store_hit *h)
{
    hits_page *p = user;
    if (p->shown == p->limit) {
        p->more = true;
        return SITREP_OK;
    }
    p->shown++;
    json_writer *w = p->w;
    json_object_begin(w);
    json_key(w, "article");
    json_cstr(w, h->article_id);
    json_key(w, "headline");
    json_cstr(w, h->headline);
    json_key(w, "published");
    json_cstr(w, h->published);
    json_key(w, "sentence");
    json_int(w, h->sentence);
    json_key(w, "text");
    json_cstr(w, h->text);
    json_key(w, "events");
    json_int(w, h->events);
    json_object_end(w);
    return json_status(w);
}

static void api_search(store *s, const serve_request *r, serve_response *resp)
{
    static const char *const names[] = {"q", "limit", "offset", NULL};
    char error[300];
    if (serve_params_allowed(r, names, error, sizeof error)) {
        serve_error(resp, HTTP_BAD, "%s", error);
        return;
    }
    const char *words = serve_param_find(r, "q");
    long limit = 50, offset = 0;
    if (!words) {
        serve_error(resp, HTTP_BAD, "q is required: the words to search for");
        return;
    }
    if (serve_check_text("q", words, error, sizeof error)) {
        serve_error(resp, HTTP_BAD, "%s", error);
        return;
    }
    if (!read_long(r, "limit", 1, 500, &limit, resp) ||
        !read_long(r, "offset", 0, 100000, &offset, resp))
        return;
    json_writer w;
    json_init(&w, &resp->body, false);
    json_object_begin(&w);
    json_key(&w, "hits");
    json_array_begin(&w);
    hits_page page = {.w = &w, .limit = limit};
    diag d;
    diag_clear(&d);
    sitrep_status status = store_search(s, words, limit + 1, offset, write_hit, &page, &d);
    if (status) {
        store_failed(resp, status, &d);
        return;
    }
    json_array_end(&w);
    json_key(&w, "more");
    json_bool(&w, page.more);
    json_object_end(&w);
    if (json_status(&w))
        store_failed(resp, json_status(&w), &d);
}

/* ---- the answer cache of the group endpoints ---- */

static char *cache_key(const serve_request *r)
{
    buf key;
    buf_init(&key, 0);
    sitrep_status status = buf_append_str(&key, r->path);
    for (size_t i = 0; i < r->nparams && !status; i++)
        status = buf_printf(&key, "\x1f%s=%s", r->params[i].name, r->params[i].value);
    if (status) {
        buf_release(&key);
        return NULL;
    }
    return key.data;
}

/* Answers from the cache when the same request was answered since the last change to the
 * database; otherwise runs answer() and keeps a successful, small enough result. */
typedef void (*answer_fn)(const serve_api *, store *, const serve_request *, serve_response *);
static void cached_answer(const serve_api *api, serve_api_worker *worker, const serve_request *r,
                          serve_response *resp, answer_fn answer)
{
    long long version;
    diag d;
    diag_clear(&d);
    char *key = NULL;
    if (store_data_version(worker->store, &version, &d) || !(key = cache_key(r))) {
        answer(api, worker->store, r, resp);
        return;
    }
    serve_cached *slot = NULL; /* an empty slot, else the least recently used */
    for (int i = 0; i < SERVE_API_CACHED; i++) {
        serve_cached *c = &worker->cached[i];
        if (c->key && strcmp(c->key, key) == 0 && c->version == version) {
            c->used = ++worker->clock;
            worker->hits++;
            free(key);
            if (buf_append(&resp->body, c->body, c->length))
                serve_error(resp, HTTP_ERROR, "the answer is too large: ask for fewer");
            return;
        }
        if (!slot || (slot->key && (!c->key || c->used < slot->used)))
            slot = c;
    }
    answer(api, worker->store, r, resp);
    if (resp->status != HTTP_OK || !resp->body.data || resp->body.len > SERVE_API_CACHED_BYTES) {
        free(key);
        return;
    }
    free(slot->key);
    free(slot->body);
    slot->key = key;
    slot->body = xmalloc(resp->body.len + 1);
    memcpy(slot->body, resp->body.data, resp->body.len);
    slot->length = resp->body.len;
    slot->version = version;
    slot->used = ++worker->clock;
}

void serve_api_release(serve_api *api)
{
    for (int w = 0; w < api->nworkers; w++)
        for (int i = 0; i < SERVE_API_CACHED; i++) {
            free(api->workers[w].cached[i].key);
            free(api->workers[w].cached[i].body);
        }
}

void serve_api_handle(void *user, int worker_index, const serve_request *r, serve_response *resp)
{
    serve_api *api = user;
    if (worker_index < 0 || worker_index >= api->nworkers) {
        serve_error(resp, HTTP_ERROR, "no database handle for this worker");
        return;
    }
    serve_api_worker *worker = &api->workers[worker_index];
    store *s = worker->store;
    const char *path = r->path;
    static const char prefix[] = "/api/articles/";
    static const char event_prefix[] = "/api/events/";
    if (strcmp(path, "/api/events") == 0)
        api_events(api, s, r, resp);
    else if (strncmp(path, event_prefix, sizeof event_prefix - 1) == 0 && r->nparams == 0)
        api_event(api, s, path + sizeof event_prefix - 1, resp);
    else if (strncmp(path, event_prefix, sizeof event_prefix - 1) == 0)
        serve_error(resp, HTTP_BAD, "an event takes no parameters");
    else if (strcmp(path, "/api/actors") == 0)
        cached_answer(api, worker, r, resp, api_actors);
    else if (strcmp(path, "/api/timeline") == 0)
        cached_answer(api, worker, r, resp, api_timeline);
    else if (strcmp(path, "/api/map") == 0)
        cached_answer(api, worker, r, resp, api_map);
    else if (strcmp(path, "/api/search") == 0)
        api_search(s, r, resp);
    else if (strncmp(path, prefix, sizeof prefix - 1) == 0 && r->nparams == 0)
        api_article(s, path + sizeof prefix - 1, resp);
    else if (strcmp(path, "/api/article") == 0) {
        /* the same, for ids with a '/' (an encoded slash is refused in a path) */
        static const char *const names[] = {"id", NULL};
        char error[300];
        const char *id = serve_param_find(r, "id");
        if (serve_params_allowed(r, names, error, sizeof error))
            serve_error(resp, HTTP_BAD, "%s", error);
        else if (!id)
            serve_error(resp, HTTP_BAD, "id is required");
        else
            api_article(s, id, resp);
    } else if (strncmp(path, prefix, sizeof prefix - 1) == 0)
        serve_error(resp, HTTP_BAD, "an article takes no parameters");
    else
        serve_error(resp, HTTP_NOT_FOUND, "no such endpoint '%.100s'", path);
}
