/* Allocation wrappers: carepool treats out of memory as fatal rather than passing it up. */
#include "util/alloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void out_of_memory(size_t size)
{
    fprintf(stderr, "carepool: out of memory (requested %zu bytes)\n", size);
    exit(1);
}

void *cp_malloc(size_t size)
{
    void *p = malloc(size ? size : 1);
    if (!p)
        out_of_memory(size);
    return p;
}

void *cp_calloc(size_t count, size_t size)
{
    void *p = calloc(count ? count : 1, size ? size : 1);
    if (!p)
        out_of_memory(count * size);
    return p;
}

void *cp_realloc(void *ptr, size_t size)
{
    void *p = realloc(ptr, size ? size : 1);
    if (!p)
        out_of_memory(size);
    return p;
}

char *cp_strdup(const char *text)
{
    size_t n = strlen(text) + 1;
    char *copy = cp_malloc(n);
    memcpy(copy, text, n);
    return copy;
}

void cp_grow(void **items, size_t item_size, size_t *capacity, size_t needed)
{
    if (needed <= *capacity)
        return;
    size_t next = *capacity ? *capacity : 8;
    while (next < needed)
        next *= 2;
    *items = cp_realloc(*items, next * item_size);
    *capacity = next;
}
