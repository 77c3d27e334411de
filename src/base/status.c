/* status.c - names for the library's status codes (sitrep_strerror). Part of base/: every
 * stage returns a sitrep_status, and the CLI names it in its messages.
 */
#include "base.h"

const char *sitrep_strerror(sitrep_status status)
{
    switch (status) {
    case SITREP_OK:
        return "success";
    case SITREP_ENOMEM:
        return "out of memory";
    case SITREP_EIO:
        return "input/output error";
    case SITREP_EPARSE:
        return "parse error";
    case SITREP_ELIMIT:
        return "limit exceeded";
    case SITREP_ESQL:
        return "database error";
    case SITREP_EUSAGE:
        return "invalid argument";
    case SITREP_ENOTFOUND:
        return "not found";
    }
    return "unknown error";
}
