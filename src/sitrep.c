/* sitrep.c - the public API (include/sitrep.h): context, coder, and coding one article.
 *
 * A context holds what is loaded once (data directory, models); a coder holds one arena and
 * one output buffer and is used by one thread at a time.
 */
#include "export/export.h"
#include "pipeline.h"

#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define CODER_ARENA_CAP ((size_t)2 << 30)
#define CODER_OUTPUT_CAP ((size_t)1 << 30)

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
    c->keep_chrome = options && options->keep_chrome;
    c->no_extras = options && options->no_extras;
    if (options && options->published) {
        if (!ingest_parse_date(options->published, strlen(options->published), c->published)) {
            if (errbuf)
                snprintf(errbuf, errlen, "invalid publication date '%s' (expected YYYY-MM-DD)",
                         options->published);
            free(c);
            return NULL;
        }
    }
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
    }
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
    c->events = (event_tables){
        .cameo = c->cameo, .lemmas = c->lemmas, .patterns = c->patterns, .tagger = c->tagger};
    return c;
}

void sitrep_context_free(sitrep_context *context)
{
    if (!context)
        return;
    tagger_free(context->tagger);
    parser_free(context->parser);
    dict_free(context->actors);
    cues_free(context->cues);
    gazetteer_free(context->places); /* extras */
    pattern_set_free(context->patterns);
    lemma_free(context->lemmas);
    cameo_free(context->cameo);
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
    arena_init(&coder->arena, CODER_ARENA_CAP);
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
    buf_reset(&coder->output);
    *json = NULL;
    *json_length = 0;
    article art;
    diag d;
    diag_clear(&d);
    sitrep_status status =
        pipeline_run(coder->context, &coder->arena, kind, bytes, length,
                     format == SITREP_FORMAT_SENTENCES ? PIPELINE_TEXT : PIPELINE_FULL, &art, &d);
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
            if (status == SITREP_EPARSE && d.message[0])
                snprintf(errbuf, errlen, "%s", d.message);
            else
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
