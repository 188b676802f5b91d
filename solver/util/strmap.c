/* String-keyed hash map (FNV-1a, linear probing, load factor <= 1/2). Lookups of ids while
 * reading instances and assignments are its only workload. */
#include "util/strmap.h"

#include "util/alloc.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

struct cp_strmap {
    char **keys;
    int *values;
    size_t size, slots; /* slots is a power of two */
};

static uint64_t hash(const char *key)
{
    uint64_t h = 1469598103934665603ULL;
    for (const unsigned char *p = (const unsigned char *)key; *p; p++)
        h = (h ^ *p) * 1099511628211ULL;
    return h;
}

cp_strmap *cp_strmap_create(void)
{
    cp_strmap *map = cp_calloc(1, sizeof *map);
    map->slots = 16;
    map->keys = cp_calloc(map->slots, sizeof *map->keys);
    map->values = cp_calloc(map->slots, sizeof *map->values);
    return map;
}

void cp_strmap_destroy(cp_strmap *map)
{
    if (!map)
        return;
    for (size_t i = 0; i < map->slots; i++)
        free(map->keys[i]);
    free(map->keys);
    free(map->values);
    free(map);
}

static size_t find_slot(char *const *keys, size_t slots, const char *key)
{
    size_t i = (size_t)hash(key) & (slots - 1);
    while (keys[i] && strcmp(keys[i], key) != 0)
        i = (i + 1) & (slots - 1);
    return i;
}

int cp_strmap_get(const cp_strmap *map, const char *key)
{
    size_t i = find_slot(map->keys, map->slots, key);
    return map->keys[i] ? map->values[i] : -1;
}

static void rehash(cp_strmap *map)
{
    size_t slots = map->slots * 2;
    char **keys = cp_calloc(slots, sizeof *keys);
    int *values = cp_calloc(slots, sizeof *values);
    for (size_t i = 0; i < map->slots; i++) {
        if (!map->keys[i])
            continue;
        size_t j = find_slot(keys, slots, map->keys[i]);
        keys[j] = map->keys[i];
        values[j] = map->values[i];
    }
    free(map->keys);
    free(map->values);
    map->keys = keys;
    map->values = values;
    map->slots = slots;
}

int cp_strmap_put(cp_strmap *map, const char *key, int value)
{
    size_t i = find_slot(map->keys, map->slots, key);
    if (map->keys[i]) {
        int previous = map->values[i];
        map->values[i] = value;
        return previous;
    }
    map->keys[i] = cp_strdup(key);
    map->values[i] = value;
    if (++map->size * 2 > map->slots)
        rehash(map);
    return -1;
}

size_t cp_strmap_size(const cp_strmap *map)
{
    return map->size;
}
