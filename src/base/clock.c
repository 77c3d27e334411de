/* clock.c - today's date, the one reading of the wall clock that coding depends on (the date
 * against which dated actor codes and relative dates are resolved when an article has no
 * publication date). $SITREP_TODAY (YYYY-MM-DD) pins it, so that runs and tests are
 * reproducible on any day.
 */
#include "base/base.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

static bool valid_day(const char *s)
{
    if (strlen(s) != 10 || s[4] != '-' || s[7] != '-')
        return false;
    for (int i = 0; i < 10; i++)
        if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
            return false;
    int month = (s[5] - '0') * 10 + (s[6] - '0'), day = (s[8] - '0') * 10 + (s[9] - '0');
    return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

void clock_today(char out[11])
{
    const char *pinned = getenv("SITREP_TODAY");
    if (pinned && valid_day(pinned)) {
        memcpy(out, pinned, 11);
        return;
    }
    time_t now = time(NULL);
    struct tm tm;
    gmtime_r(&now, &tm);
    strftime(out, 11, "%Y-%m-%d", &tm);
}
