/* fuzz_geocodes.c - libFuzzer target: geocodes_parse on arbitrary tables (data/codes format:
 * the bytes up to the first NUL as countries.txt, the rest as admin1.txt), then lookups; a
 * malformed table must give a diagnostic with its line, never a crash. */
#include "lexicon/lexicon.h"

#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *text = (const char *)data;
    const char *nul = memchr(text, '\0', size);
    size_t countries = nul ? (size_t)(nul - text) : size;
    const char *regions = nul ? nul + 1 : NULL;
    size_t nregions = nul ? size - countries - 1 : 0;
    diag d;
    diag_clear(&d);
    geocodes *g = geocodes_parse(text, countries, regions, nregions, "fuzz", &d);
    if (!g) {
        if (!d.message[0] || d.line < 1)
            abort(); /* a failure always says why and where */
        return 0;
    }
    const char *fips, *adm1;
    const char *fips_deu = geocodes_fips(g, "DEU");
    if (fips_deu && strlen(fips_deu) != 2)
        abort();
    if (geocodes_region(g, "USA", "Texas", &fips, &adm1) && (strlen(fips) != 2 || !*adm1))
        abort();
    (void)geocodes_name(g, "AFG");
    (void)geocodes_iso2(g, "AFG");
    geocodes_free(g);
    return 0;
}
