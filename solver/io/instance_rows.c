/* The rows of an instance in memory: growable arrays of records, and their strings copied
 * into blocks of at least 64 KiB that never move, so a record's text stays valid. */
#include "io/instance_rows.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "io/escape.h"
#include "util/alloc.h"

enum { BLOCK_SIZE = 1 << 16 };

struct cp_string_block {
    cp_string_block *next;
    size_t used, size;
    char text[];
};

cp_instance_rows *cp_instance_rows_create(void)
{
    cp_instance_rows *rows = cp_calloc(1, sizeof *rows);
    rows->coordinate_decimals = CP_DECIMALS_EXACT;
    return rows;
}

void cp_instance_rows_destroy(cp_instance_rows *rows)
{
    if (!rows)
        return;
    for (cp_string_block *block = rows->strings, *next; block; block = next) {
        next = block->next;
        free(block);
    }
    free(rows->authorities);
    free(rows->services);
    free(rows->users);
    free(rows->quotes);
    free(rows->tiers);
    free(rows->settings);
    free(rows->pools);
    free(rows);
}

/* A copy of text that lives as long as the rows; NULL stays NULL. */
static const char *keep(cp_instance_rows *rows, const char *text)
{
    if (!text)
        return NULL;
    size_t length = strlen(text) + 1;
    cp_string_block *block = rows->strings;
    if (!block || block->size - block->used < length) {
        size_t size = length > BLOCK_SIZE ? length : BLOCK_SIZE;
        block = cp_malloc(sizeof *block + size);
        *block = (cp_string_block){.next = rows->strings, .size = size};
        rows->strings = block;
    }
    char *copy = block->text + block->used;
    memcpy(copy, text, length);
    block->used += length;
    return copy;
}

/* Makes room for one more item in *items (holding *count) and returns the new slot. */
static void *slot(void *items, size_t item_size, size_t *count, size_t *capacity)
{
    cp_grow((void **)items, item_size, capacity, *count + 1);
    return *(char **)items + item_size * (*count)++;
}

#define APPEND(rows, kind)                                                                         \
    slot(&(rows)->kind, sizeof *(rows)->kind, &(rows)->n_##kind, &(rows)->kind##_capacity)

void cp_instance_rows_add_authority(cp_instance_rows *rows, cp_authority_row row)
{
    row.id = keep(rows, row.id);
    row.name = keep(rows, row.name);
    *(cp_authority_row *)APPEND(rows, authorities) = row;
}

void cp_instance_rows_add_service(cp_instance_rows *rows, cp_service_row row)
{
    row.id = keep(rows, row.id);
    row.provider = keep(rows, row.provider);
    row.name = keep(rows, row.name);
    row.authority = keep(rows, row.authority);
    row.type = keep(rows, row.type);
    row.rating = keep(rows, row.rating);
    row.genders = keep(rows, row.genders);
    row.specialisms = keep(rows, row.specialisms);
    row.owner = keep(rows, row.owner);
    row.status = keep(rows, row.status);
    *(cp_service_row *)APPEND(rows, services) = row;
}

void cp_instance_rows_add_user(cp_instance_rows *rows, cp_user_row row)
{
    row.id = keep(rows, row.id);
    row.authority = keep(rows, row.authority);
    row.types = keep(rows, row.types);
    row.gender = keep(rows, row.gender);
    row.needs = keep(rows, row.needs);
    row.current_service = keep(rows, row.current_service);
    row.group = keep(rows, row.group);
    *(cp_user_row *)APPEND(rows, users) = row;
}

void cp_instance_rows_add_quote(cp_instance_rows *rows, cp_quote_row row)
{
    row.user = keep(rows, row.user);
    row.service = keep(rows, row.service);
    *(cp_quote_row *)APPEND(rows, quotes) = row;
}

void cp_instance_rows_add_tier(cp_instance_rows *rows, cp_tier_row row)
{
    row.provider = keep(rows, row.provider);
    *(cp_tier_row *)APPEND(rows, tiers) = row;
}

void cp_instance_rows_add_setting(cp_instance_rows *rows, cp_setting_row row)
{
    row.key = keep(rows, row.key);
    row.value = keep(rows, row.value);
    *(cp_setting_row *)APPEND(rows, settings) = row;
}

void cp_instance_rows_add_pool(cp_instance_rows *rows, cp_pool_row row)
{
    row.configuration = keep(rows, row.configuration);
    row.authority = keep(rows, row.authority);
    row.pool = keep(rows, row.pool);
    *(cp_pool_row *)APPEND(rows, pools) = row;
}

cp_service_row cp_service_row_empty(void)
{
    return (cp_service_row){.lat = NAN,
                            .lon = NAN,
                            .capacity = NAN,
                            .weekly_price = NAN,
                            .min_age = NAN,
                            .max_age = NAN,
                            .max_intensity = NAN,
                            .fixed_cost = NAN,
                            .min_occupancy = NAN};
}

cp_user_row cp_user_row_empty(void)
{
    return (cp_user_row){.lat = NAN,
                         .lon = NAN,
                         .places = NAN,
                         .intensity = NAN,
                         .age = NAN,
                         .max_distance_km = NAN,
                         .spot_cost = NAN};
}
