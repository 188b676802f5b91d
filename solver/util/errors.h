/* A list of user-facing problems found in input, each one line of text. */
#ifndef CAREPOOL_UTIL_ERRORS_H
#define CAREPOOL_UTIL_ERRORS_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>

/* Most problems kept per file; later ones are counted but not kept. */
#define CP_ERRORS_PER_FILE 50

typedef struct cp_errors {
    char **lines;
    size_t count, capacity;
    size_t dropped; /* problems beyond the per-file limit */
    size_t in_file; /* problems of the current file so far */
} cp_errors;

/* Zeroed storage is an empty list. cp_errors_clear frees the lines and empties it. */
void cp_errors_clear(cp_errors *errors);

/* Starts counting toward CP_ERRORS_PER_FILE afresh (call when moving to a new file). */
void cp_errors_next_file(cp_errors *errors);

/* Adds one problem, formatted like printf. */
void cp_errors_add(cp_errors *errors, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Adds "FILE:LINE: column 'NAME': PROBLEM (value 'VALUE')"; line <= 0 omits the line,
 * column NULL omits the column, value NULL omits the value. */
void cp_errors_at(cp_errors *errors, const char *file, long line, const char *column,
                  const char *value, const char *problem_fmt, ...)
    __attribute__((format(printf, 6, 7)));

/* cp_errors_at with the problem's arguments as a va_list. */
void cp_errors_vat(cp_errors *errors, const char *file, long line, const char *column,
                   const char *value, const char *problem_fmt, va_list ap);

bool cp_errors_any(const cp_errors *errors);

#endif
