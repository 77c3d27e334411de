/* serve_files.c - the dashboard's static files, read into memory when the server starts.
 * A request can only name a file that was loaded: paths are looked up in a table, never
 * joined to a directory, so no request reaches outside the web directory (or a file added
 * later). Symbolic links and hidden entries are skipped.
 */
#include "serve.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

enum { MAX_FILES = 512, MAX_DEPTH = 6 };
#define MAX_BYTES ((size_t)32 << 20)

static const struct {
    const char *suffix, *type;
} types[] = {
    {".html", "text/html; charset=utf-8"},
    {".js", "text/javascript; charset=utf-8"},
    {".mjs", "text/javascript; charset=utf-8"},
    {".css", "text/css; charset=utf-8"},
    {".json", "application/json"},
    {".geojson", "application/geo+json"},
    {".svg", "image/svg+xml"},
    {".png", "image/png"},
    {".ico", "image/x-icon"},
    {".txt", "text/plain; charset=utf-8"},
    {".map", "application/json"},
};

static const char *content_type(const char *name)
{
    slice s = slice_from_cstr(name);
    for (size_t i = 0; i < ARRAY_LEN(types); i++)
        if (slice_ends_with(s, types[i].suffix))
            return types[i].type;
    return "application/octet-stream";
}

/* Names the server will answer for: letters, digits, '.', '_', '-'; not starting with '.'. */
static bool name_ok(const char *name)
{
    if (name[0] == '.' || name[0] == '\0')
        return false;
    for (const char *p = name; *p; p++)
        if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
              *p == '.' || *p == '_' || *p == '-'))
            return false;
    return true;
}

static int compare_names(const void *a, const void *b)
{
    return strcmp(((const serve_file *)a)->name, ((const serve_file *)b)->name);
}

static sitrep_status load_dir(serve_files *files, const char *dir, const char *prefix, int depth,
                              diag *d)
{
    if (depth > MAX_DEPTH)
        return SITREP_OK;
    DIR *handle = opendir(dir);
    if (!handle) {
        diag_set(d, dir, 0, "cannot read the web directory: %s", strerror(errno));
        return SITREP_EIO;
    }
    sitrep_status status = SITREP_OK;
    struct dirent *entry;
    while (!status && (entry = readdir(handle))) {
        if (!name_ok(entry->d_name))
            continue;
        size_t need = strlen(dir) + strlen(entry->d_name) + 2;
        char *path = xmalloc(need);
        snprintf(path, need, "%s/%s", dir, entry->d_name);
        size_t rel_need = strlen(prefix) + strlen(entry->d_name) + 2;
        char *rel = xmalloc(rel_need);
        snprintf(rel, rel_need, "%s%s%s", prefix, prefix[0] ? "/" : "", entry->d_name);
        struct stat st;
        if (lstat(path, &st) != 0) {
            diag_set(d, path, 0, "cannot read: %s", strerror(errno));
            status = SITREP_EIO;
        } else if (S_ISDIR(st.st_mode)) {
            status = load_dir(files, path, rel, depth + 1, d);
        } else if (S_ISREG(st.st_mode)) {
            if (files->count == MAX_FILES || files->bytes + (size_t)st.st_size > MAX_BYTES) {
                diag_set(d, dir, 0, "the web directory has more than %d files or %zu MB", MAX_FILES,
                         MAX_BYTES >> 20);
                status = SITREP_ELIMIT;
            } else {
                serve_file *f = &files->files[files->count];
                status = file_read_all(path, MAX_BYTES, &f->data, &f->length, d);
                if (!status) {
                    f->name = rel;
                    rel = NULL;
                    f->content_type = content_type(f->name);
                    files->bytes += f->length;
                    files->count++;
                }
            }
        }
        free(rel);
        free(path);
    }
    closedir(handle);
    return status;
}

sitrep_status serve_files_load(serve_files *files, const char *root, diag *d)
{
    memset(files, 0, sizeof *files);
    files->files = xcalloc(MAX_FILES, sizeof *files->files);
    sitrep_status status = load_dir(files, root, "", 0, d);
    if (status) {
        serve_files_release(files);
        return status;
    }
    qsort(files->files, files->count, sizeof *files->files, compare_names);
    return SITREP_OK;
}

void serve_files_release(serve_files *files)
{
    for (size_t i = 0; files->files && i < files->count; i++) {
        free(files->files[i].name);
        free(files->files[i].data);
    }
    free(files->files);
    memset(files, 0, sizeof *files);
}

const serve_file *serve_files_find(const serve_files *files, const char *path)
{
    if (!files->count || path[0] != '/')
        return NULL;
    serve_file key = {.name = (char *)(path[1] ? path + 1 : "index.html")};
    return bsearch(&key, files->files, files->count, sizeof *files->files, compare_names);
}
