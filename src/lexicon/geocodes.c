/* geocodes.c - the code tables the exports need for places: each country's ISO 3166-1 alpha-2
 * and FIPS 10-4 codes beside our alpha-3, and the GDELT ADM1 codes of the first-level regions
 * we know them for (data/codes/countries.txt and admin1.txt; format: docs/exports.md).
 * Loaded once, immutable, shared by threads.
 */
#include "lexicon.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct geo_country {
    char iso3[4], iso2[3], fips[3];
    char *name;
} geo_country;

typedef struct geo_admin1 {
    char iso3[4], fips[3], adm1[8];
    char *name;
} geo_admin1;

struct geocodes {
    geo_country *countries;
    size_t ncountries;
    geo_admin1 *regions;
    size_t nregions;
};

#define GEOCODES_MAX_FILE ((size_t)1 << 20)

/* The next tab-separated field of *p (before end); the last field runs to the end. */
static slice tab_field(const char **p, const char *end, bool last)
{
    const char *s = *p, *q = s;
    while (q < end && (last || *q != '\t'))
        q++;
    *p = q < end ? q + 1 : q;
    return slice_trim(slice_make(s, (size_t)(q - s)));
}

static bool upper_code(slice s, size_t length)
{
    if (s.len != length)
        return false;
    for (size_t i = 0; i < s.len; i++)
        if (!((s.ptr[i] >= 'A' && s.ptr[i] <= 'Z') || (s.ptr[i] >= '0' && s.ptr[i] <= '9')))
            return false;
    return true;
}

static sitrep_status read_table(const char *dir, const char *name, char **text, size_t *length,
                                char *path, size_t pathlen, diag *d)
{
    snprintf(path, pathlen, "%s/%s", dir, name);
    return file_read_all(path, GEOCODES_MAX_FILE, text, length, d);
}

static sitrep_status parse_countries(geocodes *g, const char *path, const char *text, size_t length,
                                     diag *d)
{
    const char *cursor = text, *end = text + length;
    long line = 0;
    slice s;
    while (slice_next_line(&cursor, end, &line, &s)) {
        const char *p = s.ptr, *e = s.ptr + s.len;
        slice iso3 = tab_field(&p, e, false), iso2 = tab_field(&p, e, false);
        slice fips = tab_field(&p, e, false), name = tab_field(&p, e, true);
        if (!upper_code(iso3, 3))
            return diag_set(d, path, line, "bad ISO alpha-3 code '%.*s'", (int)iso3.len, iso3.ptr);
        if (!upper_code(iso2, 2))
            return diag_set(d, path, line, "bad ISO alpha-2 code '%.*s'", (int)iso2.len, iso2.ptr);
        if (!upper_code(fips, 2))
            return diag_set(d, path, line, "bad FIPS 10-4 code '%.*s'", (int)fips.len, fips.ptr);
        if (!name.len || utf8_valid_prefix(name.ptr, name.len) != name.len)
            return diag_set(d, path, line, "missing or invalid country name");
        if (geocodes_fips(g, (char[4]){iso3.ptr[0], iso3.ptr[1], iso3.ptr[2], '\0'}))
            return diag_set(d, path, line, "country '%.3s' listed twice", iso3.ptr);
        g->countries = xrealloc(g->countries, (g->ncountries + 1) * sizeof *g->countries);
        geo_country *c = &g->countries[g->ncountries++];
        memcpy(c->iso3, iso3.ptr, 3);
        c->iso3[3] = '\0';
        memcpy(c->iso2, iso2.ptr, 2);
        c->iso2[2] = '\0';
        memcpy(c->fips, fips.ptr, 2);
        c->fips[2] = '\0';
        c->name = xmalloc(name.len + 1);
        memcpy(c->name, name.ptr, name.len);
        c->name[name.len] = '\0';
    }
    return SITREP_OK;
}

static sitrep_status parse_regions(geocodes *g, const char *path, const char *text, size_t length,
                                   diag *d)
{
    const char *cursor = text, *end = text + length;
    long line = 0;
    slice s;
    while (slice_next_line(&cursor, end, &line, &s)) {
        const char *p = s.ptr, *e = s.ptr + s.len;
        slice iso3 = tab_field(&p, e, false), fips = tab_field(&p, e, false);
        slice adm1 = tab_field(&p, e, false), name = tab_field(&p, e, true);
        if (!upper_code(iso3, 3))
            return diag_set(d, path, line, "bad ISO alpha-3 code '%.*s'", (int)iso3.len, iso3.ptr);
        if (!upper_code(fips, 2))
            return diag_set(d, path, line, "bad FIPS 10-4 code '%.*s'", (int)fips.len, fips.ptr);
        if (adm1.len < 2 || adm1.len > 7 || !upper_code(adm1, adm1.len))
            return diag_set(d, path, line, "bad ADM1 code '%.*s' (2-7 capitals or digits)",
                            (int)adm1.len, adm1.ptr);
        if (!name.len || utf8_valid_prefix(name.ptr, name.len) != name.len)
            return diag_set(d, path, line, "missing or invalid region name");
        g->regions = xrealloc(g->regions, (g->nregions + 1) * sizeof *g->regions);
        geo_admin1 *r = &g->regions[g->nregions++];
        memcpy(r->iso3, iso3.ptr, 3);
        r->iso3[3] = '\0';
        memcpy(r->fips, fips.ptr, 2);
        r->fips[2] = '\0';
        memcpy(r->adm1, adm1.ptr, adm1.len);
        r->adm1[adm1.len] = '\0';
        r->name = xmalloc(name.len + 1);
        memcpy(r->name, name.ptr, name.len);
        r->name[name.len] = '\0';
    }
    return SITREP_OK;
}

geocodes *geocodes_parse(const char *countries, size_t countries_length, const char *regions,
                         size_t regions_length, const char *path, diag *d)
{
    geocodes *g = xcalloc(1, sizeof *g);
    char where[4096];
    snprintf(where, sizeof where, "%s/countries.txt", path);
    sitrep_status status = parse_countries(g, where, countries, countries_length, d);
    snprintf(where, sizeof where, "%s/admin1.txt", path);
    if (!status && regions)
        status = parse_regions(g, where, regions, regions_length, d);
    if (status) {
        geocodes_free(g);
        return NULL;
    }
    return g;
}

geocodes *geocodes_load(const char *dir, diag *d)
{
    char path[4096];
    char *countries = NULL, *regions = NULL;
    size_t nc = 0, nr = 0;
    sitrep_status status = read_table(dir, "countries.txt", &countries, &nc, path, sizeof path, d);
    if (!status) {
        status = read_table(dir, "admin1.txt", &regions, &nr, path, sizeof path, d);
        if (status == SITREP_EIO && errno == ENOENT) /* regions are optional */
            status = SITREP_OK;
    }
    geocodes *g = status ? NULL : geocodes_parse(countries, nc, regions, nr, dir, d);
    free(countries);
    free(regions);
    return g;
}

void geocodes_free(geocodes *g)
{
    if (!g)
        return;
    for (size_t i = 0; i < g->nregions; i++)
        free(g->regions[i].name);
    free(g->regions);
    for (size_t i = 0; i < g->ncountries; i++)
        free(g->countries[i].name);
    free(g->countries);
    free(g);
}

static const geo_country *country_of(const geocodes *g, const char *iso3)
{
    if (!g || !iso3)
        return NULL;
    for (size_t i = 0; i < g->ncountries; i++) /* about 200: a scan is as fast as a search */
        if (!strcmp(g->countries[i].iso3, iso3))
            return &g->countries[i];
    return NULL;
}

const char *geocodes_fips(const geocodes *g, const char *iso3)
{
    const geo_country *c = country_of(g, iso3);
    return c ? c->fips : NULL;
}

const char *geocodes_iso2(const geocodes *g, const char *iso3)
{
    const geo_country *c = country_of(g, iso3);
    return c ? c->iso2 : NULL;
}

const char *geocodes_name(const geocodes *g, const char *iso3)
{
    const geo_country *c = country_of(g, iso3);
    return c ? c->name : NULL;
}

size_t geocodes_count(const geocodes *g)
{
    return g ? g->ncountries : 0;
}

bool geocodes_region(const geocodes *g, const char *iso3, const char *admin1, const char **fips,
                     const char **adm1)
{
    if (!g || !iso3 || !admin1)
        return false;
    for (size_t i = 0; i < g->nregions; i++) {
        const geo_admin1 *r = &g->regions[i];
        if (!strcmp(r->iso3, iso3) && !strcmp(r->name, admin1)) {
            *fips = r->fips;
            *adm1 = r->adm1;
            return true;
        }
    }
    return false;
}
