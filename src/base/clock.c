/* clock.c - today's date for articles without a publication date.
 *
 * The pipeline (relative dates) and the actor stage (dated actor codes) resolve against today
 * when an article gives no date. SITREP_TODAY=YYYY-MM-DD fixes that day, so that tests and
 * re-runs give the same output on every day.
 */
#include "base.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

void clock_today(char out[11])
{
    const char *fixed = getenv("SITREP_TODAY");
    bool valid = fixed && strlen(fixed) == 10;
    for (size_t i = 0; valid && i < 10; i++)
        valid = (i == 4 || i == 7) ? fixed[i] == '-' : fixed[i] >= '0' && fixed[i] <= '9';
    if (valid) {
        memcpy(out, fixed, 11);
        return;
    }
    time_t now = time(NULL);
    struct tm tm;
    gmtime_r(&now, &tm);
    strftime(out, 11, "%Y-%m-%d", &tm);
}
