/* peer_actors.c (lexicon) - loads TABARI and PETRARCH actor and agent dictionaries into the
 * same dictionary (dict) our own data/actors files build (docs/peer-dictionaries.md).
 *
 * The entries are converted by dict_import (date-restricted codes included) and added as
 * peer actors (full codes whose first three letters combine with agents, as PETRARCH does:
 * "Arnor's ambassador" -> ARNGOV) and peer agents (any 3-letter roles).
 */
#include "lexicon.h"

#include <stdlib.h>
#include <string.h>

sitrep_status peer_dict_add_text(dict_builder *b, const char *path, const char *text, size_t length,
                                 peer_format format, bool agents, buf *report, diag *d)
{
    buf converted, notes;
    buf_init(&converted, DICT_MAX_FILE * 2);
    buf_init(&notes, DICT_MAX_FILE);
    sitrep_status st = dict_import(text, length, format == PEER_PETRARCH, &converted, &notes);
    if (st)
        diag_set(d, path, 0, "converted dictionary too large");
    if (!st && report && notes.len)
        st = buf_printf(report, "%s", notes.data);
    /* the converted text keeps the peer file's name, so messages point at it */
    if (!st)
        st =
            dict_builder_add_text(b, path, converted.data ? converted.data : "", converted.len,
                                  agents ? DICT_FILE_PEER_AGENTS : DICT_FILE_PEER_ACTORS, false, d);
    buf_release(&converted);
    buf_release(&notes);
    return st;
}

static sitrep_status add_file(dict_builder *b, const char *path, peer_format format, bool agents,
                              buf *report, diag *d)
{
    char *text = NULL;
    size_t length = 0;
    sitrep_status st = file_read_all(path, DICT_MAX_FILE, &text, &length, d);
    if (!st)
        st = peer_dict_add_text(b, path, text, length, format, agents, report, d);
    free(text);
    return st;
}

dict *peer_dict_load(const char *actors, const char *agents, peer_format format, buf *report,
                     diag *d)
{
    diag_clear(d);
    dict_builder *b = dict_builder_new(NULL, NULL);
    sitrep_status st = SITREP_OK;
    if (actors)
        st = add_file(b, actors, format, false, report, d);
    if (!st && agents)
        st = add_file(b, agents, format, true, report, d);
    if (st) {
        dict_builder_free(b);
        return NULL;
    }
    return dict_builder_finish(b);
}
