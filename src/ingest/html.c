/* html.c - web page reader (placeholder until the HTML issue lands).
 *
 * Reports that HTML input is not supported yet, so a batch with HTML records still codes its
 * other records. The HTML issue replaces this file with the libxml2-based extractor.
 */
#include "ingest.h"

#include <string.h>

sitrep_status ingest_html(arena *a, const char *bytes, size_t length, const ingest_options *options,
                          document *doc)
{
    (void)bytes;
    (void)length;
    (void)options;
    memset(doc, 0, sizeof *doc);
    warning_add(&doc->warnings, "unsupported", "HTML input is not supported yet");
    return ingest_set_body(a, doc, NULL, 0);
}
