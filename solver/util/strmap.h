/* A hash map from strings to non-negative ints (ids to indices), open addressing. */
#ifndef CAREPOOL_UTIL_STRMAP_H
#define CAREPOOL_UTIL_STRMAP_H

#include <stddef.h>

typedef struct cp_strmap cp_strmap;

/* The map copies its keys. Destroy accepts NULL. */
cp_strmap *cp_strmap_create(void);
void cp_strmap_destroy(cp_strmap *map);

/* Returns the value for key, or -1 when absent. */
int cp_strmap_get(const cp_strmap *map, const char *key);

/* Sets key to value (value >= 0); returns the previous value or -1 if key was new. */
int cp_strmap_put(cp_strmap *map, const char *key, int value);

size_t cp_strmap_size(const cp_strmap *map);

#endif
