/* Atomic output directory: each result file is written as dir/.NAME.tmp.PID, then flushed,
 * synced and renamed to dir/NAME on commit (rename is atomic within one directory), or removed
 * on abort. */
#define _POSIX_C_SOURCE 200809L

#include "io/output_dir.h"

#include "util/alloc.h"
#include "util/status.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

typedef struct entry {
    char *name; /* final name, relative to the directory */
    char *temp; /* full path of the temporary file */
    FILE *stream;
} entry;

struct cp_output {
    char *dir;
    cp_errors *errors;
    entry *entries;
    size_t count, capacity;
};

/* mkdir -p: creates path and its missing parents. Returns 0, or -1 with errno set. */
static int make_dirs(const char *path)
{
    char *copy = cp_strdup(path);
    int result = 0;
    for (char *p = copy + 1; *p && result == 0; p++) {
        if (*p != '/')
            continue;
        *p = '\0';
        if (mkdir(copy, 0777) != 0 && errno != EEXIST)
            result = -1;
        *p = '/';
    }
    if (result == 0 && mkdir(copy, 0777) != 0 && errno != EEXIST)
        result = -1;
    free(copy);
    return result;
}

static char *join(const char *dir, const char *name)
{
    size_t n = strlen(dir) + strlen(name) + 2;
    char *path = cp_malloc(n);
    snprintf(path, n, "%s/%s", dir, name);
    return path;
}

cp_output *cp_output_open(const char *dir, cp_errors *errors)
{
    struct stat info;
    if (make_dirs(dir) != 0 || stat(dir, &info) != 0) {
        cp_errors_add(errors, "%s: cannot create output directory: %s", dir, strerror(errno));
        return NULL;
    }
    if (!S_ISDIR(info.st_mode)) {
        cp_errors_add(errors, "%s: cannot create output directory: not a directory", dir);
        return NULL;
    }
    cp_output *output = cp_calloc(1, sizeof *output);
    output->dir = cp_strdup(dir);
    output->errors = errors;
    return output;
}

FILE *cp_output_file(cp_output *output, const char *name)
{
    for (size_t i = 0; i < output->count; i++)
        if (strcmp(output->entries[i].name, name) == 0)
            return output->entries[i].stream;

    size_t n = strlen(name) + 64;
    char *hidden = cp_malloc(n);
    snprintf(hidden, n, ".%s.tmp.%ld", name, (long)getpid());
    char *temp = join(output->dir, hidden);
    free(hidden);
    FILE *stream = fopen(temp, "wb");
    if (!stream) {
        cp_errors_add(output->errors, "%s: cannot create: %s", temp, strerror(errno));
        free(temp);
        return NULL;
    }
    cp_grow((void **)&output->entries, sizeof *output->entries, &output->capacity,
            output->count + 1);
    output->entries[output->count++] = (entry){cp_strdup(name), temp, stream};
    return stream;
}

/* Flushes, syncs and closes one stream. Returns 0, or errno of the first failure. */
static int finish(FILE *stream)
{
    int error = 0;
    errno = 0;
    if (fflush(stream) != 0 || ferror(stream))
        error = errno ? errno : EIO;
    else if (fsync(fileno(stream)) != 0)
        error = errno;
    if (fclose(stream) != 0 && error == 0)
        error = errno;
    return error;
}

/* Frees the output; removes the temporaries of entries[from..) that still exist. */
static void release(cp_output *output, size_t from)
{
    for (size_t i = 0; i < output->count; i++) {
        if (i >= from)
            remove(output->entries[i].temp);
        free(output->entries[i].name);
        free(output->entries[i].temp);
    }
    free(output->entries);
    free(output->dir);
    free(output);
}

/* Makes the renames durable. Best effort: some file systems cannot sync a directory, and
 * the files are complete under their names either way. */
static void sync_directory(const char *dir)
{
    int fd = open(dir, O_RDONLY);
    if (fd < 0)
        return;
    fsync(fd);
    close(fd);
}

int cp_output_commit(cp_output *output)
{
    int status = CP_OK;
    size_t renamed = 0;
    for (size_t i = 0; i < output->count; i++) {
        int error = finish(output->entries[i].stream);
        output->entries[i].stream = NULL;
        if (error != 0 && status == CP_OK) {
            cp_errors_add(output->errors, "%s: cannot write: %s", output->entries[i].temp,
                          strerror(error));
            status = CP_ERR_INTERNAL;
        }
    }
    while (status == CP_OK && renamed < output->count) {
        entry *e = &output->entries[renamed];
        char *final = join(output->dir, e->name);
        if (rename(e->temp, final) == 0) {
            renamed++;
        } else {
            cp_errors_add(output->errors, "%s: cannot rename into place: %s", final,
                          strerror(errno));
            status = CP_ERR_INTERNAL;
        }
        free(final);
    }
    if (status == CP_OK)
        sync_directory(output->dir);
    release(output, renamed);
    return status;
}

void cp_output_abort(cp_output *output)
{
    if (!output)
        return;
    for (size_t i = 0; i < output->count; i++)
        fclose(output->entries[i].stream);
    release(output, 0);
}
