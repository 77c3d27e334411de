/* sitrep.c - the public API (include/sitrep.h): context, coder, and coding one article.
 *
 * A context holds what is loaded once (data directory, models); a coder holds one arena and
 * one output buffer and is used by one thread at a time.
 */
#include "export/export.h"
#include "pipeline.h"

#include <cjson/cJSON.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Per article. With the text stage's caps (tokens, sentences) real articles stay far below
 * these; they stop hostile input before it takes the machine's memory, once per --jobs. */
#define CODER_ARENA_CAP ((size_t)1 << 30)
#define CODER_OUTPUT_CAP ((size_t)1 << 30)
/* An output buffer grown beyond this by one article is given back rather than kept. */
#define CODER_OUTPUT_KEEP ((size_t)16 << 20)

struct sitrep_coder {
    const sitrep_context *context;
    arena arena;
    buf output;
};

/* Replaces our patterns and actors with TABARI or PETRARCH dictionaries. Frees the context and
 * returns false on an error. */
static bool load_peer(sitrep_context *c, const sitrep_options *options, char *errbuf, size_t errlen)
{
    peer_format format = options->dict_format == 1 ? PEER_TABARI : PEER_PETRARCH;
    diag d;
    diag_clear(&d);
    sitrep_status st = SITREP_OK;
    if (options->actors || options->agents) {
        dict *peer = peer_dict_load(options->actors, options->agents, format, NULL, &d);
        st = peer ? SITREP_OK : SITREP_EPARSE;
        if (peer) {
            dict_free(c->actors);
            c->actors = peer;
        }
    }
    if (!st && options->verbs) {
        pattern_set *set = NULL;
        if (!c->lemmas)
            st = lemma_load(NULL, &c->lemmas, &d);
        if (!st)
            st = peer_verbs_load(options->verbs, options->discards, format, c->lemmas, &set, NULL,
                                 &d);
        if (!st) {
            pattern_set_free(c->patterns);
            c->patterns = set;
        }
    }
    if (st) {
        if (errbuf)
            diag_format(&d, errbuf, errlen);
        sitrep_context_free(c);
        return false;
    }
    return true;
}

/* The parts of a data directory and what coding loses without each. */
static const struct data_part {
    const char *path;
    bool required;
    const char *without;
} data_parts[] = {
    {"actors", true, "no actors can be recognised, so no events are coded"},
    {"models/tagger.bin", false,
     "parts of speech are not tagged, so fewer actors and events are found"},
    {"verbs", false, "no event patterns: no events are coded"},
    {"cameo", false, "no CAMEO code table: events cannot be coded"},
    {"cues/reporting.txt", false, "no reporting cues: attribution and quotes are not found"},
    {"places", false, "no gazetteer: places are not resolved"},
};

/* True when dir holds at least one regular file named *.txt (a dictionary or table). */
static bool has_text_files(const char *dir)
{
    DIR *d = opendir(dir);
    if (!d)
        return false;
    bool found = false;
    struct dirent *entry;
    while (!found && (entry = readdir(d))) {
        size_t n = strlen(entry->d_name);
        found = entry->d_name[0] != '.' && n > 4 && strcmp(entry->d_name + n - 4, ".txt") == 0;
    }
    closedir(d);
    return found;
}

/* sitrep_data_check; parts that peer dictionaries replace (--dict-format) are not looked
 * at: `replaced` names them ("actors", "verbs"). */
static int data_check(const char *dir, const char *const *replaced,
                      void (*report)(void *user, const char *message, int fatal), void *user)
{
    char path[4200], message[4600];
    int fatal = 0;
    if (!path_is_dir(dir)) {
        snprintf(message, sizeof message, "%s: data directory not found", dir);
        report(user, message, 1);
        return 1;
    }
    snprintf(path, sizeof path, "%s/sitrep-data.txt", dir);
    if (access(path, R_OK) != 0) {
        snprintf(message, sizeof message,
                 "%s: not a sitrep data directory (it has no sitrep-data.txt); give the "
                 "directory that holds actors/, verbs/ and models/",
                 dir);
        report(user, message, 1);
        fatal++;
    }
    bool verbs_missing = false;
    for (size_t i = 0; i < ARRAY_LEN(data_parts); i++) {
        const struct data_part *part = &data_parts[i];
        bool skip = false;
        for (const char *const *r = replaced; r && *r && !skip; r++)
            skip = strcmp(*r, part->path) == 0;
        /* without verb patterns the code table is not needed */
        if (skip || (strcmp(part->path, "cameo") == 0 && verbs_missing))
            continue;
        snprintf(path, sizeof path, "%s/%s", dir, part->path);
        bool is_dir = strchr(part->path, '/') == NULL;
        const char *problem = NULL;
        if (is_dir ? !path_is_dir(path) : access(path, R_OK) != 0)
            problem = "missing";
        else if (is_dir && !has_text_files(path))
            problem = "empty (no .txt files)";
        if (!problem)
            continue;
        verbs_missing = verbs_missing || strcmp(part->path, "verbs") == 0;
        snprintf(message, sizeof message, "%s: %s: %s", path, problem, part->without);
        report(user, message, part->required);
        fatal += part->required;
    }
    return fatal;
}

int sitrep_data_check(const char *dir, void (*report)(void *user, const char *message, int fatal),
                      void *user)
{
    return data_check(dir, NULL, report, user);
}

/* Keeps a warning of the data check in the context; the first fatal one goes to errbuf. */
typedef struct check_state {
    sitrep_context *context;
    char *errbuf;
    size_t errlen;
    int fatal;
} check_state;

static void keep_problem(void *user, const char *message, int fatal)
{
    check_state *st = user;
    if (fatal) {
        if (!st->fatal++ && st->errbuf)
            snprintf(st->errbuf, st->errlen, "%s", message);
    } else if (st->context->nwarnings < SITREP_MAX_WARNINGS) {
        st->context->warnings[st->context->nwarnings++] = xstrdup(message);
    }
}

const char *const *sitrep_context_warnings(const sitrep_context *context, size_t *count)
{
    *count = context->nwarnings;
    return (const char *const *)context->warnings;
}

sitrep_context *sitrep_context_new(const sitrep_options *options, char *errbuf, size_t errlen)
{
    sitrep_context *c = xcalloc(1, sizeof *c);
    if (options && options->data_dir) {
        snprintf(c->data_dir, sizeof c->data_dir, "%s", options->data_dir);
        if (!path_is_dir(c->data_dir)) {
            if (errbuf)
                snprintf(errbuf, errlen, "%s: data directory not found", c->data_dir);
            free(c);
            return NULL;
        }
    } else if (!path_find_data_dir(c->data_dir, sizeof c->data_dir)) {
        if (errbuf)
            snprintf(errbuf, errlen,
                     "cannot find the data directory (tried $SITREP_DATA, "
                     "the source tree and %s); set SITREP_DATA",
                     c->data_dir);
        free(c);
        return NULL;
    }
    /* A directory that is not a data directory, or has no actors, would code nothing and
     * exit 0: refuse it. What else is missing is a warning (coding goes on without it). */
    const char *replaced[3] = {NULL, NULL, NULL};
    size_t nreplaced = 0;
    if (options && options->dict_format && (options->actors || options->agents))
        replaced[nreplaced++] = "actors";
    if (options && options->dict_format && options->verbs)
        replaced[nreplaced++] = "verbs";
    check_state check = {.context = c, .errbuf = errbuf, .errlen = errlen};
    /* sentences and tags read no dictionary: a directory of theirs needs none */
    c->load = options ? options->load : SITREP_LOAD_ALL;
    if (c->load == SITREP_LOAD_ALL && data_check(c->data_dir, replaced, keep_problem, &check)) {
        sitrep_context_free(c);
        return NULL;
    }
    c->article_memory =
        options && options->article_memory ? options->article_memory : CODER_ARENA_CAP;
    c->keep_chrome = options && options->keep_chrome;
    c->no_extras = options && options->no_extras;
    c->published_from_name = options && options->published_from_name;
    if (options && options->published && strcmp(options->published, "today") == 0) {
        c->published_today = true;
    } else if (options && options->published) {
        if (!ingest_parse_date(options->published, strlen(options->published), c->published)) {
            if (errbuf)
                snprintf(errbuf, errlen,
                         "invalid publication date '%s' (expected YYYY-MM-DD or 'today')",
                         options->published);
            free(c);
            return NULL;
        }
    }
    if (c->load == SITREP_LOAD_TEXT)
        return c;
    /* the language of articles: libexttextcat's models, read on first need */
    c->language = language_model_new(getenv("SITREP_TEXTCAT_CONF"));
    /* the part-of-speech model; a data directory without one codes without tags */
    char path[sizeof c->data_dir + 32];
    diag d;
    diag_clear(&d);
    snprintf(path, sizeof path, "%s/models/tagger.bin", c->data_dir);
    if (access(path, F_OK) == 0 && !(c->tagger = tagger_load(path, &d))) {
        if (errbuf)
            diag_format(&d, errbuf, errlen);
        sitrep_context_free(c);
        return NULL;
    }
    /* the dependency parser, only when asked for (it needs the tagger's tags) */
    if (options && options->parse) {
        snprintf(path, sizeof path, "%s/models/parser.bin", c->data_dir);
        if (!c->tagger) {
            if (errbuf)
                snprintf(errbuf, errlen,
                         "%s/models/tagger.bin: no part-of-speech model (the parser needs it)",
                         c->data_dir);
            sitrep_context_free(c);
            return NULL;
        }
        if (!(c->parser = parser_load(path, &d))) {
            if (errbuf)
                diag_format(&d, errbuf, errlen);
            sitrep_context_free(c);
            return NULL;
        }
        if (options->parse_beam > 0)
            parser_set_beam(c->parser, (unsigned)options->parse_beam);
    }
    if (c->load == SITREP_LOAD_TAGS)
        return c;
    /* actor dictionaries (data/actors/) */
    snprintf(path, sizeof path, "%s/actors", c->data_dir);
    if (!(c->actors = dict_load_dir(path, &d))) {
        if (errbuf)
            diag_format(&d, errbuf, errlen);
        sitrep_context_free(c);
        return NULL;
    }
    /* reporting cues (attribution); a data directory without them codes no attribution */
    snprintf(path, sizeof path, "%s/cues/reporting.txt", c->data_dir);
    if (access(path, F_OK) == 0 && !(c->cues = cues_load(path, &d))) {
        if (errbuf)
            diag_format(&d, errbuf, errlen);
        sitrep_context_free(c);
        return NULL;
    }
    /* ---- quantities, dates, places (extras) ---- */
    snprintf(path, sizeof path, "%s/places", c->data_dir);
    if (!(c->places = gazetteer_load(path, &d))) {
        if (errbuf)
            diag_format(&d, errbuf, errlen);
        sitrep_context_free(c);
        return NULL;
    }
    /* event coder: CAMEO table, WordNet lemmas, patterns (absent DATA/verbs: no events) */
    char verbs[sizeof c->data_dir + 32], cameo[sizeof c->data_dir + 32];
    snprintf(verbs, sizeof verbs, "%s/verbs", c->data_dir);
    snprintf(cameo, sizeof cameo, "%s/cameo", c->data_dir);
    c->explain_sentence =
        options && options->explain_sentence > 0 ? options->explain_sentence - 1 : -1;
    if (path_is_dir(verbs)) {
        diag_clear(&d);
        if (cameo_load(cameo, &c->cameo, &d) || lemma_load(NULL, &c->lemmas, &d) ||
            pattern_set_load(verbs, c->cameo, &c->patterns, &d)) {
            if (errbuf)
                diag_format(&d, errbuf, errlen);
            sitrep_context_free(c);
            return NULL;
        }
    }
    if (options && options->dict_format && !load_peer(c, options, errbuf, errlen))
        return NULL;
    if (!dict_entry_count(c->actors)) {
        if (errbuf)
            snprintf(errbuf, errlen,
                     "%s/actors: no actor dictionary entries: no actors can be recognised, so "
                     "no events are coded",
                     c->data_dir);
        sitrep_context_free(c);
        return NULL;
    }
    c->events = (event_tables){.cameo = c->cameo,
                               .lemmas = c->lemmas,
                               .patterns = c->patterns,
                               .tagger = c->tagger,
                               .places = c->places};
    return c;
}

void sitrep_context_free(sitrep_context *context)
{
    if (!context)
        return;
    tagger_free(context->tagger);
    parser_free(context->parser);
    language_model_free(context->language);
    dict_free(context->actors);
    cues_free(context->cues);
    gazetteer_free(context->places); /* extras */
    pattern_set_free(context->patterns);
    lemma_free(context->lemmas);
    cameo_free(context->cameo);
    for (size_t i = 0; i < context->nwarnings; i++)
        free(context->warnings[i]);
    free(context);
}

const char *sitrep_context_data_dir(const sitrep_context *context)
{
    return context->data_dir;
}

sitrep_coder *sitrep_coder_new(const sitrep_context *context)
{
    sitrep_coder *coder = xcalloc(1, sizeof *coder);
    coder->context = context;
    arena_init(&coder->arena, context->article_memory);
    buf_init(&coder->output, CODER_OUTPUT_CAP);
    return coder;
}

void sitrep_coder_free(sitrep_coder *coder)
{
    if (!coder)
        return;
    arena_release(&coder->arena);
    buf_release(&coder->output);
    free(coder);
}

sitrep_status sitrep_code_bytes(sitrep_coder *coder, sitrep_input kind, const char *bytes,
                                size_t length, const char *name, sitrep_format format,
                                const char **json, size_t *json_length, char *errbuf, size_t errlen)
{
    arena_reset(&coder->arena);
    if (coder->output.alloc > CODER_OUTPUT_KEEP)
        buf_release(&coder->output);
    buf_reset(&coder->output);
    *json = NULL;
    *json_length = 0;
    article art;
    diag d;
    diag_clear(&d);
    /* each format runs the stages it needs, and those only if the context loaded them */
    pipeline_depth depth = format == SITREP_FORMAT_SENTENCES ? PIPELINE_TEXT
                           : format == SITREP_FORMAT_TAGS    ? PIPELINE_TAGS
                                                             : PIPELINE_FULL;
    pipeline_depth loaded = coder->context->load == SITREP_LOAD_TEXT   ? PIPELINE_TEXT
                            : coder->context->load == SITREP_LOAD_TAGS ? PIPELINE_TAGS
                                                                       : PIPELINE_FULL;
    if (depth > loaded) {
        if (errbuf)
            snprintf(errbuf, errlen, "the context was loaded for sentences%s only",
                     loaded == PIPELINE_TAGS ? " and tags" : "");
        return SITREP_EUSAGE;
    }
    sitrep_status status =
        pipeline_run(coder->context, &coder->arena, kind, bytes, length, name, depth, &art, &d);
    if (status == SITREP_OK)
        status = format == SITREP_FORMAT_SENTENCES ? export_sentences(&coder->output, &art)
                 : format == SITREP_FORMAT_EXPLAIN
                     ? events_explain(&coder->arena, &coder->context->events, &art,
                                      coder->context->explain_sentence, &coder->output)
                 : format == SITREP_FORMAT_TAGS
                     ? export_tags(&coder->output, &art, coder->context->tagger)
                     : export_json(&coder->output, &art, format == SITREP_FORMAT_PRETTY);
    if (status) {
        if (errbuf) {
            char limit[32];
            if (status == SITREP_EPARSE && d.message[0]) {
                snprintf(errbuf, errlen, "%s", d.message);
            } else if (status == SITREP_ELIMIT && coder->arena.exhausted) {
                diag_size(limit, coder->arena.cap);
                snprintf(errbuf, errlen,
                         "the article needs more than the %s of memory allowed per article; "
                         "not coded (split it into smaller articles)",
                         limit);
            } else if (status == SITREP_ELIMIT && coder->output.full) {
                diag_size(limit, coder->output.cap);
                snprintf(errbuf, errlen,
                         "the article's output is larger than the limit of %s per article; "
                         "not coded (split it into smaller articles)",
                         limit);
            } else
                snprintf(errbuf, errlen, "%s%s%s", sitrep_strerror(status), name ? " in " : "",
                         name ? name : "");
        }
        return status;
    }
    *json = coder->output.data;
    *json_length = coder->output.len;
    return SITREP_OK;
}

unsigned sitrep_record_shard(sitrep_input kind, const char *bytes, size_t length, unsigned count)
{
    if (count <= 1)
        return 0;
    uint64_t h = 0;
    bool keyed = false;
    if (kind == SITREP_INPUT_JSONL) {
        cJSON *root = cJSON_ParseWithLength(bytes, length);
        const cJSON *id = root ? cJSON_GetObjectItemCaseSensitive(root, "id") : NULL;
        if (cJSON_IsString(id) && id->valuestring[0]) {
            h = hash_bytes(id->valuestring, strlen(id->valuestring), 0);
            keyed = true;
        }
        cJSON_Delete(root);
    }
    if (!keyed)
        h = hash_bytes(bytes, length, 0);
    return (unsigned)(h % count);
}

char *sitrep_coder_take_result(sitrep_coder *coder, size_t *json_length)
{
    *json_length = 0;
    if (!coder->output.data)
        return NULL;
    char *json = coder->output.data;
    *json_length = coder->output.len;
    buf_init(&coder->output, CODER_OUTPUT_CAP);
    return json;
}
