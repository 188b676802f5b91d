/* Whole-file helpers for cmocka tests: read a file into one string, write one, compare one
 * with its expected text, list a directory, join a path. Each fails the test when the file
 * system refuses. Include after cmocka.h. */
#ifndef CAREPOOL_TESTS_FILES_H
#define CAREPOOL_TESTS_FILES_H

#include <stdbool.h>
#include <stddef.h>

/* dir/name in one of four static buffers, so that up to four results can be used in one
 * expression; the fifth call reuses the first buffer. */
const char *file_path(const char *dir, const char *name);
/* The whole file, NUL-terminated (a NUL inside ends the string early); the caller frees. */
char *file_read(const char *path);
/* Fails the test unless the file at path holds exactly expected. */
void file_assert_text(const char *path, const char *expected);
/* Creates or replaces path with length bytes, or with the text. */
void file_write_bytes(const char *path, const void *bytes, size_t length);
void file_write(const char *path, const char *text);
/* Whether path names an existing file or directory. */
bool file_exists(const char *path);
/* The names in dir, sorted and joined by single spaces ("." and ".." left out), in a static
 * buffer that the next call overwrites. */
const char *file_listing(const char *dir);

#endif
