/* Whole-file helpers for the unit tests (files.h): stdio for reading and writing, scandir
 * for listings. Paths and listings live in static buffers sized for test directories. */
#define _POSIX_C_SOURCE 200809L

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "files.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "util/alloc.h"

/* file_path's rotating buffers, and the room for one path or listing. */
#define FILE_PATH_BUFFERS 4
#define FILE_PATH_MAX 512
#define FILE_LISTING_MAX 4096

const char *file_path(const char *dir, const char *name)
{
    static char paths[FILE_PATH_BUFFERS][FILE_PATH_MAX];
    static int next = 0;
    char *path = paths[next];
    next = (next + 1) % FILE_PATH_BUFFERS;
    if (snprintf(path, FILE_PATH_MAX, "%s/%s", dir, name) >= FILE_PATH_MAX)
        fail_msg("path too long: %s/%s", dir, name);
    return path;
}

char *file_read(const char *path)
{
    FILE *in = fopen(path, "rb");
    if (!in)
        fail_msg("cannot open %s", path);
    size_t size = 0, capacity = 4096;
    char *text = cp_malloc(capacity);
    size_t n;
    while ((n = fread(text + size, 1, capacity - size - 1, in)) > 0) {
        size += n;
        if (size + 1 == capacity)
            text = cp_realloc(text, capacity *= 2);
    }
    int failed = ferror(in);
    fclose(in);
    if (failed)
        fail_msg("cannot read %s", path);
    text[size] = '\0';
    return text;
}

void file_assert_text(const char *path, const char *expected)
{
    char *text = file_read(path);
    if (strcmp(text, expected) != 0)
        fail_msg("%s holds\n%s\nexpected\n%s", path, text, expected);
    free(text);
}

void file_write_bytes(const char *path, const void *bytes, size_t length)
{
    FILE *out = fopen(path, "wb");
    if (!out)
        fail_msg("cannot create %s", path);
    size_t written = fwrite(bytes, 1, length, out);
    if (fclose(out) != 0 || written != length)
        fail_msg("cannot write %s", path);
}

void file_write(const char *path, const char *text)
{
    file_write_bytes(path, text, strlen(text));
}

bool file_exists(const char *path)
{
    struct stat info;
    return stat(path, &info) == 0;
}

const char *file_listing(const char *dir)
{
    static char text[FILE_LISTING_MAX];
    struct dirent **entries;
    int n = scandir(dir, &entries, NULL, alphasort);
    if (n < 0)
        fail_msg("cannot list %s", dir);
    size_t length = 0;
    text[0] = '\0';
    for (int i = 0; i < n; i++) {
        const char *name = entries[i]->d_name;
        if (strcmp(name, ".") != 0 && strcmp(name, "..") != 0) {
            int wrote =
                snprintf(text + length, sizeof text - length, "%s%s", length ? " " : "", name);
            if (wrote < 0 || (size_t)wrote >= sizeof text - length)
                fail_msg("listing of %s too long", dir);
            length += (size_t)wrote;
        }
        free(entries[i]);
    }
    free(entries);
    return text;
}
