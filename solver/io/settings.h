/* Settings as text, outside settings.csv: the keys settings.csv knows, a value given on the
 * command line (`carepool --set KEY=VALUE`) checked exactly as the file's values are, and a
 * setting's value written as the file would hold it (for the instance rewriter). */
#ifndef CAREPOOL_IO_SETTINGS_H
#define CAREPOOL_IO_SETTINGS_H

#include <stddef.h>

#include "core/instance.h"
#include "util/errors.h"

/* The number of keys settings.csv knows, and the k-th (0 <= k < count), in the order of
 * docs/instance-format.md. Static strings. */
int cp_settings_key_count(void);
const char *cp_settings_key(int k);

/* The known key closest to key (by edit distance, at most a third of its length plus one),
 * or NULL when none is that close. */
const char *cp_settings_closest_key(const char *key);

/* Sets key to value in settings, value checked as in settings.csv. Returns CP_OK, or
 * CP_ERR_INPUT with one problem added to errors, settings unchanged: an unknown key
 * ("--set: unknown setting 'KEY' (did you mean 'K'?); known: ...") or a bad value
 * ("--set: column 'KEY': must be >= 0 (value 'V')"). An empty value is a problem (there is no
 * default to keep on the command line). */
int cp_settings_set(cp_settings *settings, const char *key, const char *value, cp_errors *errors);

/* Writes the k-th setting's value into buffer (size bytes) as settings.csv holds it: numbers
 * exactly (they read back to the same double), `none`, a rating name, `true` or `false`. */
void cp_settings_format(const cp_settings *settings, int k, char *buffer, size_t size);

#endif
