/* search.c - binary search over arrays kept in text order. The per-article arrays (actors,
 * places, dates, quantities, attributions, events) are each sorted by sentence and by byte
 * offset; a stage that needs the items of one sentence or one span finds the first with this
 * instead of scanning the article, so cost per item does not grow with article length.
 */
#include "base.h"

#include <string.h>

size_t sorted_first_u32(const void *items, size_t count, size_t size, size_t offset, uint32_t key)
{
    const unsigned char *base = items;
    size_t lo = 0, hi = count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        uint32_t v;
        memcpy(&v, base + mid * size + offset, sizeof v);
        if (v < key)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}
