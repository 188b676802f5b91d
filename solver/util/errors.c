/* Problem lists for input checking: every problem of a file is reported, up to a limit. */
#include "util/errors.h"

#include "util/alloc.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void cp_errors_clear(cp_errors *errors)
{
    for (size_t i = 0; i < errors->count; i++)
        free(errors->lines[i]);
    free(errors->lines);
    memset(errors, 0, sizeof *errors);
}

void cp_errors_next_file(cp_errors *errors)
{
    errors->in_file = 0;
}

static void add_line(cp_errors *errors, char *line)
{
    errors->in_file++;
    if (errors->in_file > CP_ERRORS_PER_FILE) {
        errors->dropped++;
        free(line);
        return;
    }
    cp_grow((void **)&errors->lines, sizeof *errors->lines, &errors->capacity, errors->count + 1);
    errors->lines[errors->count++] = line;
}

static char *vformat(const char *fmt, va_list ap)
{
    va_list copy;
    va_copy(copy, ap);
    int n = vsnprintf(NULL, 0, fmt, copy);
    va_end(copy);
    char *text = cp_malloc((size_t)(n < 0 ? 0 : n) + 1);
    vsnprintf(text, (size_t)(n < 0 ? 0 : n) + 1, fmt, ap);
    return text;
}

void cp_errors_add(cp_errors *errors, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    add_line(errors, vformat(fmt, ap));
    va_end(ap);
}

void cp_errors_at(cp_errors *errors, const char *file, long line, const char *column,
                  const char *value, const char *problem_fmt, ...)
{
    va_list ap;
    va_start(ap, problem_fmt);
    cp_errors_vat(errors, file, line, column, value, problem_fmt, ap);
    va_end(ap);
}

void cp_errors_vat(cp_errors *errors, const char *file, long line, const char *column,
                   const char *value, const char *problem_fmt, va_list ap)
{
    char *problem = vformat(problem_fmt, ap);

    char where[64] = "";
    if (line > 0)
        snprintf(where, sizeof where, ":%ld", line);
    size_t n = strlen(file) + strlen(where) + strlen(problem) + 64 +
               (column ? strlen(column) : 0) + (value ? strlen(value) : 0);
    char *text = cp_malloc(n);
    int used = snprintf(text, n, "%s%s: ", file, where);
    if (column)
        used += snprintf(text + used, n - (size_t)used, "column '%s': ", column);
    used += snprintf(text + used, n - (size_t)used, "%s", problem);
    if (value)
        snprintf(text + used, n - (size_t)used, " (value '%s')", value);
    free(problem);
    add_line(errors, text);
}

bool cp_errors_any(const cp_errors *errors)
{
    return errors->count > 0 || errors->dropped > 0;
}
