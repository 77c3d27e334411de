/* export.h - the sink: writers that turn a coded article into output formats.
 *
 * export_json writes the DESIGN.md section 2 contract, one object per article. Field names
 * are fixed by that contract; more may be added, never renamed.
 */
#ifndef SITREP_EXPORT_H
#define SITREP_EXPORT_H

#include "../base/base.h"
#include "../events/events.h"

/* Appends the article as one JSON object (no trailing newline) to out. `pretty` indents.
 * Returns SITREP_ELIMIT when out's cap is reached (out then holds a partial object that the
 * caller must discard). */
sitrep_status export_json(buf *out, const article *art, bool pretty) MUST_CHECK;

/* The "text", "code", "country" and "role" keys of an actor mention (the core that the
 * top-level actors and each event's source and target share; actors_json.c). */
void export_actor_fields(json_writer *w, const article *art, const actor_mention *m);
/* Writes the `actors` member (actors_json.c). */
void export_actors(json_writer *w, const article *art);
/* Write the `attributions` and `quotes` members of an article object (attribution_json.c). */
void export_attributions(json_writer *w, const article *art);
void export_quotes(json_writer *w, const article *art);
/* The "text", "kind" and "code" keys of a frame's speaker (null text when the frame has no
 * source): what each quote's speaker and each event's attribution share. */
void export_speaker_fields(json_writer *w, const article *art, const struct attribution *f);
/* Writes the `events` member (events_json.c). */
void export_events(json_writer *w, const article *art);

/* Appends one line per sentence: "ID<TAB>N<TAB>START<TAB>END<TAB>TEXT" (line breaks and tabs
 * inside the text become spaces), with no final newline after the last line. */
sitrep_status export_sentences(buf *out, const article *art) MUST_CHECK;

/* Appends each sentence as CoNLL-U-like lines: "# sent_id = ID-N", "# text = ...", then per
 * token ID, FORM, _, UPOS, XPOS (names from model, which may be NULL) and five "_" columns,
 * and a blank line between sentences (none after the last). */
sitrep_status export_tags(buf *out, const article *art, const tagger *model) MUST_CHECK;

/* Writes the "quantities", "dates" and "places" keys and arrays (extras_json.c). Errors are
 * sticky in w. */
void export_extras_json(json_writer *w, const article *art);

#endif
