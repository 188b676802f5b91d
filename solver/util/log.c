/* Levelled output. Results go to files and the summary to stdout; everything here is stderr. */
#include "util/log.h"

#include <stdarg.h>
#include <stdio.h>

static enum cp_verbosity verbosity = CP_NORMAL;

void cp_log_set_verbosity(enum cp_verbosity level)
{
    verbosity = level;
}

enum cp_verbosity cp_log_verbosity(void)
{
    return verbosity;
}

static void emit(enum cp_verbosity level, const char *prefix, const char *fmt, va_list ap)
{
    if (verbosity < level)
        return;
    fputs(prefix, stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
}

void cp_warning(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    emit(CP_NORMAL, "carepool: warning: ", fmt, ap);
    va_end(ap);
}

void cp_message(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    emit(CP_NORMAL, "", fmt, ap);
    va_end(ap);
}

void cp_verbose(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    emit(CP_VERBOSE, "", fmt, ap);
    va_end(ap);
}
