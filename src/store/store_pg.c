#include "store_internal.h"
const char *const *const store_pg_migrations[] = {NULL};
const size_t store_pg_nmigrations = 0;
const store_backend store_pg_backend = {.name = "PostgreSQL"};
sitrep_status store_pg_open(const char *url, const store_options *options, store **out, diag *d)
{
    (void)url; (void)options; (void)out;
    return diag_set(d, "", 0, "no"), SITREP_ESQL;
}
