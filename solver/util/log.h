/* Levelled terminal output on stderr: warnings, messages, verbose detail. */
#ifndef CAREPOOL_UTIL_LOG_H
#define CAREPOOL_UTIL_LOG_H

enum cp_verbosity { CP_QUIET = 0, CP_NORMAL = 1, CP_VERBOSE = 2 };

void cp_log_set_verbosity(enum cp_verbosity level);
enum cp_verbosity cp_log_verbosity(void);

/* All write one line to stderr (a newline is added). Warnings show unless quiet. */
void cp_warning(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void cp_message(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void cp_verbose(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
