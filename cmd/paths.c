/* paths.c - the inputs named on a command line: a directory stands for its files (read
 * recursively in sorted order by batch_list_dir), anything else (a file, "-") for itself.
 * Shared by `sitrep code`, `sitrep sentences` and `sitrep ingest`.
 */
#include "cmd.h"
#include "base/base.h"

#include <stdlib.h>
#include <string.h>

bool cmd_expand_paths(char *const *paths, int npaths, char ***files, int *nfiles)
{
    int alloc = *nfiles;
    if (!*files) {
        /* room from the start: the directory walk sorts what it appends in place */
        alloc = 64;
        *files = xmalloc((size_t)alloc * sizeof(char *));
    }
    bool ok = true;
    for (int i = 0; i < npaths; i++) {
        if (strcmp(paths[i], "-") != 0 && path_is_dir(paths[i])) {
            int before = *nfiles;
            if (!batch_list_dir(paths[i], files, nfiles, &alloc))
                ok = false;
            else if (*nfiles == before)
                cmd_error("%s: no files in the directory", paths[i]);
            continue;
        }
        if (*nfiles == alloc) {
            alloc = alloc ? alloc * 2 : 64;
            *files = xrealloc(*files, (size_t)alloc * sizeof(char *));
        }
        (*files)[(*nfiles)++] = xstrdup(paths[i]);
    }
    return ok;
}

void cmd_free_paths(char **files, int nfiles)
{
    for (int i = 0; i < nfiles; i++)
        free(files[i]);
    free(files);
}
