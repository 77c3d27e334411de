/* attribution_util.h - what the attribution unit tests share (test_attribution.c: frame
 * shapes, speakers, stance; test_attribution_edges.c: span edges round by round): the cue
 * lexicon and tagger loaded once per program, the text stage and frames run on one string,
 * and span checks. */
#ifndef SITREP_ATTRIBUTION_UTIL_H
#define SITREP_ATTRIBUTION_UTIL_H

#include "attribution/attribution.h"
#include "syntax/syntax.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static cue_lexicon *cues;
static tagger *model; /* the shipped tagger, for the rules that read part-of-speech tags */

static inline int load_cues(void **state)
{
    (void)state;
    const char *dir = getenv("SITREP_DATA");
    char path[1024];
    snprintf(path, sizeof path, "%s/cues/reporting.txt", dir && *dir ? dir : "data");
    diag d;
    cues = cues_load(path, &d);
    if (!cues)
        fprintf(stderr, "cannot load %s: %s\n", path, d.message);
    snprintf(path, sizeof path, "%s/models/tagger.bin", dir && *dir ? dir : "data");
    model = tagger_load(path, &d);
    if (!model)
        fprintf(stderr, "cannot load %s: %s\n", path, d.message);
    return cues && model ? 0 : -1;
}

static inline int free_cues(void **state)
{
    (void)state;
    cues_free(cues);
    tagger_free(model);
    return 0;
}

typedef struct result {
    arena a;
    article art;
    document doc;
} result;

/* The text stage, with the tagger when `tagged` (as the pipeline runs it), then the frames. */
static inline void analyse_with(result *r, const char *text, bool tagged)
{
    arena_init(&r->a, 1 << 24);
    ingest_options options = {.detect_chrome = false};
    assert_int_equal(ingest_text(&r->a, text, strlen(text), &options, &r->doc), SITREP_OK);
    memset(&r->art, 0, sizeof r->art);
    r->art.doc = &r->doc;
    assert_int_equal(text_analyse(&r->a, &r->doc, &r->art.text), SITREP_OK);
    if (tagged)
        syntax_tag(model, &r->art.text);
    assert_int_equal(attribution_find(&r->a, cues, &r->art), SITREP_OK);
}

static inline void analyse(result *r, const char *text)
{
    analyse_with(r, text, false);
}

static inline void analyse_tagged(result *r, const char *text)
{
    analyse_with(r, text, true);
}

static inline void expect_span(const result *r, span s, const char *expected)
{
    char got[512];
    snprintf(got, sizeof got, "%.*s", (int)(s.end - s.start), r->art.text.text + s.start);
    if (strcmp(got, expected) != 0)
        fail_msg("span: got \"%s\", expected \"%s\"", got, expected);
}

/* The frame whose cue reads `cue`, starting at frame `from`; fails when there is none. */
static inline size_t frame_with_cue(const result *r, size_t from, const char *cue)
{
    for (size_t i = from; i < r->art.nattributions; i++) {
        span s = r->art.attributions[i].cue;
        if (s.end - s.start == strlen(cue) &&
            memcmp(r->art.text.text + s.start, cue, strlen(cue)) == 0)
            return i;
    }
    fail_msg("no frame with the cue \"%s\"", cue);
    return 0;
}

#endif
