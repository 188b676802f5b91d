/* Memory allocation that never returns NULL: out of memory is fatal at once. */
#ifndef CAREPOOL_UTIL_ALLOC_H
#define CAREPOOL_UTIL_ALLOC_H

#include <stddef.h>

/* Each returns usable memory or exits with status 1 after a message. Free with free(). */
void *cp_malloc(size_t size);
void *cp_calloc(size_t count, size_t size);
void *cp_realloc(void *ptr, size_t size);
char *cp_strdup(const char *text);

/* Grows *items (of item_size bytes each) so that it holds at least needed items;
 * *capacity is updated. Amortised doubling. */
void cp_grow(void **items, size_t item_size, size_t *capacity, size_t needed);

#endif
