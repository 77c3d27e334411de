/* fuzz_gazetteer.c - libFuzzer target: gazetteer_load on an arbitrary file (data/places
 * format), then a lookup; a malformed file must give a diagnostic, never a crash. */
#include "extras/extras.h"

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static char dir[64];
    if (!dir[0]) {
        snprintf(dir, sizeof dir, "/tmp/fuzz-gazetteer-%ld", (long)getpid());
        char cmd[96];
        snprintf(cmd, sizeof cmd, "mkdir -p %s", dir);
        if (system(cmd) != 0)
            abort();
    }
    char path[96];
    snprintf(path, sizeof path, "%s/g.txt", dir);
    FILE *f = fopen(path, "wb");
    if (!f)
        abort();
    fwrite(data, 1, size, f);
    fclose(f);
    diag d;
    diag_clear(&d);
    gazetteer *g = gazetteer_load(dir, &d);
    if (g) {
        const place_entry *e[4];
        (void)gazetteer_find(g, "kursk", e, 4);
        gazetteer_free(g);
    } else if (!d.message[0]) {
        abort(); /* a failure always says why */
    }
    return 0;
}
