/* events_util.h - the fixture the event coder's unit tests share (test_events.c,
 * test_senses.c): the CAMEO table, lemmas, actors, cues, tagger and places from the data directory,
 * a pattern set given inline (with its word classes), coding a text through the pipeline up to the
 * events stage, and finding the events coded.
 */
#ifndef SITREP_EVENTS_UTIL_H
#define SITREP_EVENTS_UTIL_H

#include "events/events.h"
#include "export/export.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct events_fixture {
    cameo_table *cameo;
    lemma_table *lemmas;
    pattern_set *patterns;
    dict *actors;
    cue_lexicon *cues;
    tagger *model;
    gazetteer *places;
} events_fixture;

static inline const char *events_data_dir(void)
{
    const char *dir = getenv("SITREP_DATA");
    return dir && *dir ? dir : "data";
}

/* Loads the fixture with the patterns (and word classes, may be NULL) given; -1 with a
 * message on stderr when something is missing. */
static inline int events_fixture_load(events_fixture *fx, const char *patterns, const char *classes)
{
    char path[1024];
    diag d;
    snprintf(path, sizeof path, "%s/cameo", events_data_dir());
    if (cameo_load(path, &fx->cameo, &d) || lemma_load(NULL, &fx->lemmas, &d) ||
        pattern_set_parse("test.txt", patterns, strlen(patterns), classes,
                          classes ? strlen(classes) : 0, fx->cameo, &fx->patterns, &d)) {
        fprintf(stderr, "setup: %s:%ld: %s\n", d.path, d.line, d.message);
        return -1;
    }
    snprintf(path, sizeof path, "%s/actors", events_data_dir());
    if (!(fx->actors = dict_load_dir(path, &d)))
        return -1;
    snprintf(path, sizeof path, "%s/cues/reporting.txt", events_data_dir());
    if (!(fx->cues = cues_load(path, &d)))
        return -1;
    snprintf(path, sizeof path, "%s/models/tagger.bin", events_data_dir());
    if (!(fx->model = tagger_load(path, &d)))
        return -1;
    snprintf(path, sizeof path, "%s/places", events_data_dir());
    if (!(fx->places = gazetteer_load(path, &d)))
        return -1;
    return 0;
}

static inline void events_fixture_free(events_fixture *fx)
{
    pattern_set_free(fx->patterns);
    lemma_free(fx->lemmas);
    cameo_free(fx->cameo);
    dict_free(fx->actors);
    cues_free(fx->cues);
    tagger_free(fx->model);
    gazetteer_free(fx->places);
}

typedef struct result {
    arena a;
    document doc;
    article art;
    event_tables tables;
} result;

/* Codes `text` (one article, no site chrome, published `published`, NULL for none) with the
 * fixture's dictionaries and `model` as tagger (NULL: untagged). Release with done(). */
static inline void code_dated(result *r, const events_fixture *fx, const char *text,
                              const tagger *model, const char *published)
{
    arena_init(&r->a, 1 << 26);
    ingest_options options = {.detect_chrome = false};
    assert_int_equal(ingest_text(&r->a, text, strlen(text), &options, &r->doc), SITREP_OK);
    r->doc.published = published;
    memset(&r->art, 0, sizeof r->art);
    r->art.doc = &r->doc;
    assert_int_equal(text_analyse(&r->a, &r->doc, &r->art.text), SITREP_OK);
    syntax_tag(model, &r->art.text);
    assert_int_equal(date_find(&r->a, &r->art.text, published, &r->art.dates, &r->art.ndates),
                     SITREP_OK);
    /* places, as the pipeline finds them before actors (sides take states from them) */
    assert_int_equal(place_find(&r->a, fx->places, &r->art.text, &r->art.places, &r->art.nplaces),
                     SITREP_OK);
    assert_int_equal(actors_extract(&r->a, fx->actors, &r->art), SITREP_OK);
    assert_int_equal(attribution_find(&r->a, fx->cues, &r->art), SITREP_OK);
    r->tables = (event_tables){.cameo = fx->cameo,
                               .lemmas = fx->lemmas,
                               .patterns = fx->patterns,
                               .tagger = model,
                               .places = fx->places};
    assert_int_equal(events_code(&r->a, &r->tables, &r->art), SITREP_OK);
}

/* The same, published 2025-03-01. */
static inline void code_with(result *r, const events_fixture *fx, const char *text,
                             const tagger *model)
{
    code_dated(r, fx, text, model, "2025-03-01");
}

static inline void done(result *r)
{
    arena_release(&r->a);
}

/* A side as the tests write it: its code, else the role the text gives ("REB"), else "-". */
static inline const char *actor_code(const result *r, event_side side)
{
    (void)r;
    return side.code ? side.code : side.role ? side.role : "-";
}

/* Lists the events for failure messages. */
static inline void describe(const result *r, char *out, size_t n)
{
    size_t used = 0;
    out[0] = '\0';
    for (size_t i = 0; i < r->art.nevents && used < n; i++) {
        const event *e = &r->art.events[i];
        int w =
            snprintf(out + used, n - used, "[%s %s->%s %s] ", e->code, actor_code(r, e->source),
                     actor_code(r, e->target), event_modality_name((event_modality)e->modality));
        if (w < 0)
            break;
        used += (size_t)w;
    }
}

static inline const event *find_event(const result *r, const char *cameo, const char *source,
                                      const char *target)
{
    for (size_t i = 0; i < r->art.nevents; i++) {
        const event *e = &r->art.events[i];
        if (strcmp(e->code, cameo) == 0 && strcmp(actor_code(r, e->source), source) == 0 &&
            strcmp(actor_code(r, e->target), target) == 0)
            return e;
    }
    return NULL;
}

static inline void expect_event(const result *r, const char *cameo, const char *source,
                                const char *target, event_modality modality)
{
    const event *e = find_event(r, cameo, source, target);
    char list[2048];
    describe(r, list, sizeof list);
    if (!e)
        fail_msg("no event %s %s -> %s; got %s", cameo, source, target, list);
    if (e->modality != modality)
        fail_msg("event %s %s -> %s is %s, expected %s", cameo, source, target,
                 event_modality_name((event_modality)e->modality), event_modality_name(modality));
}

/* Codes `text` with the fixture's patterns and tagger, and fails unless no event comes out. */
static inline void expect_no_events(const events_fixture *fx, const char *text)
{
    result r;
    code_with(&r, fx, text, fx->model);
    char list[2048];
    describe(&r, list, sizeof list);
    if (r.art.nevents)
        fail_msg("'%s' should code nothing; got %s", text, list);
    done(&r);
}

/* Codes `text` and fails unless the event CAMEO SOURCE -> TARGET with `modality` is among its
 * events. */
static inline void expect_coded(const events_fixture *fx, const char *text, const char *cameo,
                                const char *source, const char *target, event_modality modality)
{
    result r;
    code_with(&r, fx, text, fx->model);
    expect_event(&r, cameo, source, target, modality);
    done(&r);
}

#endif
