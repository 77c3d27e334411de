/* file.c - reading whole files (through stream.c) and finding the data directory.
 *
 * The data directory is found the same way by every command, so a binary run from the source
 * tree, an installed binary and a test with $SITREP_DATA all see their own dictionaries.
 */
#include "base.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#ifndef SITREP_DATADIR
#define SITREP_DATADIR "/usr/local/share/sitrep"
#endif

sitrep_status file_read_all(const char *path, size_t max_bytes, char **data, size_t *length,
                            diag *d)
{
    *data = NULL;
    *length = 0;
    stream s;
    sitrep_status status = stream_open(&s, path, d);
    if (status)
        return status;
    status = stream_read_all(&s, max_bytes, data, length, d);
    stream_close(&s);
    return status;
}

bool path_is_dir(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

const char *path_extension(const char *path)
{
    const char *slash = strrchr(path, '/');
    const char *dot = strrchr(slash ? slash + 1 : path, '.');
    return dot && dot[1] ? dot + 1 : "";
}

/* A directory is a data directory when it holds this marker file. */
static bool is_data_dir(const char *dir)
{
    char marker[PATH_MAX + 64];
    snprintf(marker, sizeof marker, "%s/sitrep-data.txt", dir);
    return access(marker, R_OK) == 0;
}

bool path_find_data_dir(char *out, size_t outlen)
{
    const char *env = getenv("SITREP_DATA");
    if (env && *env) {
        snprintf(out, outlen, "%s", env);
        return path_is_dir(out);
    }
    char dir[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", dir, sizeof dir - 1);
    if (n > 0) {
        dir[n] = '\0';
        /* Walk up from the binary's directory: build/sitrep and build/asan/sitrep find the
         * source tree's data/, PREFIX/bin/sitrep finds PREFIX/share/sitrep. */
        for (int up = 0; up < 3; up++) {
            char *slash = strrchr(dir, '/');
            if (!slash || slash == dir)
                break;
            *slash = '\0';
            char candidate[PATH_MAX + 32];
            snprintf(candidate, sizeof candidate, "%s/data", dir);
            if (is_data_dir(candidate)) {
                snprintf(out, outlen, "%s", candidate);
                return true;
            }
            snprintf(candidate, sizeof candidate, "%s/share/sitrep", dir);
            if (is_data_dir(candidate)) {
                snprintf(out, outlen, "%s", candidate);
                return true;
            }
        }
    }
    snprintf(out, outlen, "%s", SITREP_DATADIR);
    return path_is_dir(out);
}
