/* upos.c - the names of the Universal POS tags ("NOUN", "VERB" ...), in the UD order of
 * upos_tag: the tagger reads and writes them, later stages and `sitrep tag` print them.
 */
#include "syntax.h"

#include <string.h>

static const char *const upos_names[UPOS_COUNT] = {
    "_",   "ADJ",  "ADP",  "ADV",   "AUX",   "CCONJ", "DET", "INTJ", "NOUN",
    "NUM", "PART", "PRON", "PROPN", "PUNCT", "SCONJ", "SYM", "VERB", "X",
};

const char *upos_name(upos_tag tag)
{
    return (unsigned)tag < UPOS_COUNT ? upos_names[tag] : "_";
}

upos_tag upos_from_name(const char *name, size_t length)
{
    for (int t = 1; t < UPOS_COUNT; t++)
        if (strlen(upos_names[t]) == length && memcmp(upos_names[t], name, length) == 0)
            return (upos_tag)t;
    return UPOS_NONE;
}
