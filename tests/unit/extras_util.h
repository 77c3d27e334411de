/* extras_util.h - shared helper of the extras unit tests (quantities, dates, places): runs the
 * text stage on one string so a recogniser can be called on its tokens. */
#ifndef SITREP_EXTRAS_UTIL_H
#define SITREP_EXTRAS_UTIL_H

#include "extras/extras.h"

#include <string.h>

static inline text_result analyse(arena *a, const char *s)
{
    document *doc = arena_calloc(a, 1, sizeof *doc);
    assert_non_null(doc);
    doc->body = s;
    doc->body_len = strlen(s);
    text_result t;
    assert_int_equal(text_analyse(a, doc, &t), SITREP_OK);
    return t;
}

#endif
