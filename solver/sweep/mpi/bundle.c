/* Bundles: for each file, its name's length (4 bytes), its name, its size (8 bytes) and its
 * bytes, in the byte order of the machine (every rank of a job runs the same build). */
#define _POSIX_C_SOURCE 200809L
#include "sweep/mpi/bundle.h"

#include "io/output_dir.h"
#include "util/alloc.h"
#include "util/status.h"

#include <dirent.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static char *join(const char *directory, const char *name)
{
    size_t n = strlen(directory) + strlen(name) + 2;
    char *path = cp_malloc(n);
    snprintf(path, n, "%s/%s", directory, name);
    return path;
}

static void append(char **bytes, size_t *length, size_t *capacity, const void *data, size_t n)
{
    cp_grow((void **)bytes, 1, capacity, *length + n);
    memcpy(*bytes + *length, data, n);
    *length += n;
}

static int append_file(const char *path, const char *name, char **bytes, size_t *length,
                       size_t *capacity, cp_errors *errors)
{
    FILE *file = fopen(path, "rb");
    struct stat st;
    if (!file || fstat(fileno(file), &st) != 0) {
        cp_errors_add(errors, "%s: cannot read: %s", path, strerror(errno));
        if (file)
            fclose(file);
        return CP_ERR_INTERNAL;
    }
    uint32_t name_length = (uint32_t)strlen(name);
    uint64_t size = (uint64_t)st.st_size;
    append(bytes, length, capacity, &name_length, sizeof name_length);
    append(bytes, length, capacity, name, name_length);
    append(bytes, length, capacity, &size, sizeof size);
    cp_grow((void **)bytes, 1, capacity, *length + size);
    size_t got = fread(*bytes + *length, 1, size, file);
    fclose(file);
    if (got != size) {
        cp_errors_add(errors, "%s: cannot read: it changed while read", path);
        return CP_ERR_INTERNAL;
    }
    *length += size;
    return CP_OK;
}

int cp_bundle_pack(const char *directory, char **bytes, size_t *length, cp_errors *errors)
{
    *bytes = NULL;
    *length = 0;
    size_t capacity = 0;
    DIR *dir = opendir(directory);
    if (!dir) {
        cp_errors_add(errors, "%s: cannot read: %s", directory, strerror(errno));
        return CP_ERR_INTERNAL;
    }
    int status = CP_OK;
    struct dirent *entry;
    while (status == CP_OK && (entry = readdir(dir)) != NULL) {
        if (entry->d_name[0] == '.')
            continue;
        char *path = join(directory, entry->d_name);
        status = append_file(path, entry->d_name, bytes, length, &capacity, errors);
        free(path);
    }
    closedir(dir);
    return status;
}

static bool take(const char **at, const char *end, void *out, size_t n)
{
    if ((size_t)(end - *at) < n)
        return false;
    memcpy(out, *at, n);
    *at += n;
    return true;
}

int cp_bundle_unpack(const char *bytes, size_t length, const char *directory, cp_errors *errors)
{
    cp_output *output = cp_output_open(directory, errors);
    if (!output)
        return CP_ERR_INTERNAL;
    const char *at = bytes, *end = bytes + length;
    while (at < end) {
        uint32_t name_length;
        uint64_t size;
        char name[256];
        if (!take(&at, end, &name_length, sizeof name_length) || name_length == 0 ||
            name_length >= sizeof name || !take(&at, end, name, name_length) ||
            (name[name_length] = '\0', strchr(name, '/')) || name[0] == '.' ||
            !take(&at, end, &size, sizeof size) || (uint64_t)(end - at) < size) {
            cp_errors_add(errors, "%s: a worker's results arrived damaged", directory);
            cp_output_abort(output);
            return CP_ERR_INTERNAL;
        }
        FILE *file = cp_output_file(output, name);
        if (!file || fwrite(at, 1, size, file) != size) {
            cp_output_abort(output);
            return CP_ERR_INTERNAL;
        }
        at += size;
    }
    return cp_output_commit(output);
}
