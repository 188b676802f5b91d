/* users.csv: the people to place, their needs and preferences, where they live now and whether
 * they must stay there, the groups that must be placed together. */
#include "io/instance_parts.h"

#include "util/alloc.h"
#include "util/status.h"

#include <math.h>
#include <stdlib.h>

enum {
    ID,
    AUTHORITY,
    LAT,
    LON,
    TYPES,
    PLACES,
    INTENSITY,
    AGE,
    GENDER,
    NEEDS,
    MAX_DISTANCE_KM,
    CURRENT_SERVICE,
    LOCKED,
    GROUP,
    SPOT_COST,
    N_COLUMNS
};

static const cp_column columns[N_COLUMNS] = {
    [ID] = {"id", true},
    [AUTHORITY] = {"authority", true},
    [LAT] = {"lat", false},
    [LON] = {"lon", false},
    [TYPES] = {"types", true},
    [PLACES] = {"places", false},
    [INTENSITY] = {"intensity", false},
    [AGE] = {"age", false},
    [GENDER] = {"gender", false},
    [NEEDS] = {"needs", false},
    [MAX_DISTANCE_KM] = {"max_distance_km", false},
    [CURRENT_SERVICE] = {"current_service", false},
    [LOCKED] = {"locked", false},
    [GROUP] = {"group", false},
    [SPOT_COST] = {"spot_cost", false},
};

/* The authority and line of the first member of a group with a known authority. */
typedef struct group_home {
    int authority; /* CP_NONE until such a member is seen */
    long line;
} group_home;

typedef struct group_homes {
    group_home *home;
    size_t count, capacity;
} group_homes;

/* Interns the cell's trimmed text in names, or returns CP_NONE for an empty cell. */
static int intern_optional(const cp_cell *cell, cp_names *names)
{
    if (cp_cell_empty(cell))
        return CP_NONE;
    char *text = cp_field_text(cell);
    int id = cp_names_intern(names, text);
    free(text);
    return id;
}

/* group: every member has the authority of the group's first member. */
static void read_group(cp_instance *instance, const cp_input *input, int row, cp_user *u,
                       group_homes *homes, cp_errors *errors)
{
    cp_cell cell = cp_input_cell(input, row, GROUP);
    u->group = intern_optional(&cell, &instance->groups);
    if (u->group == CP_NONE || u->authority == CP_NONE)
        return;
    size_t needed = (size_t)instance->groups.count;
    cp_grow((void **)&homes->home, sizeof *homes->home, &homes->capacity, needed);
    for (; homes->count < needed; homes->count++)
        homes->home[homes->count] = (group_home){.authority = CP_NONE};
    group_home *home = &homes->home[u->group];
    if (home->authority == CP_NONE)
        *home = (group_home){.authority = u->authority, .line = input->table->line[row]};
    else if (home->authority != u->authority)
        cp_cell_problem(&cell, errors,
                        "group members must share one authority ('%s' here, '%s' on line %ld)",
                        instance->authorities[u->authority].id,
                        instance->authorities[home->authority].id, home->line);
}

/* max_distance_km and spot_cost: NAN when empty (the settings apply), `none` for no limit
 * or no spot purchase. */
static void read_limits(const cp_input *input, int row, cp_user *u, cp_errors *errors)
{
    cp_cell distance = cp_input_cell(input, row, MAX_DISTANCE_KM);
    cp_cell spot = cp_input_cell(input, row, SPOT_COST);
    bool none;
    u->max_distance_km = NAN;
    if (!cp_cell_empty(&distance) &&
        cp_field_number_or_none(&distance, CP_RANGE_NONNEGATIVE, errors, &none,
                                &u->max_distance_km) == CP_OK &&
        none)
        u->max_distance_km = INFINITY;
    u->spot_cost = NAN;
    if (!cp_cell_empty(&spot) && cp_field_number_or_none(&spot, CP_RANGE_NONNEGATIVE, errors, &none,
                                                         &u->spot_cost) == CP_OK) {
        u->has_spot_cost = !none;
        if (none)
            u->spot_cost = 0;
    }
}

/* current_service and locked: a locked person must have a current service. */
static void read_placement(cp_instance *instance, const cp_input *input, int row, cp_user *u,
                           cp_errors *errors)
{
    cp_cell current = cp_input_cell(input, row, CURRENT_SERVICE);
    cp_cell locked = cp_input_cell(input, row, LOCKED);
    u->current_service = cp_cell_empty(&current)
                             ? CP_NONE
                             : cp_input_reference(input, row, CURRENT_SERVICE,
                                                  instance->service_index, "service", errors);
    if (!cp_cell_empty(&locked) && cp_field_boolean(&locked, errors, &u->locked) == CP_OK &&
        u->locked && cp_cell_empty(&current))
        cp_cell_problem(&locked, errors, "a locked person needs a current_service");
}

static void read_row(cp_instance *instance, const cp_input *input, int row, group_homes *homes,
                     cp_errors *errors)
{
    cp_user *u = &instance->users[row];
    cp_cell id = cp_input_cell(input, row, ID), types = cp_input_cell(input, row, TYPES);
    u->id = cp_field_text(&id);
    cp_input_id(input, row, ID, instance->user_index, errors);
    u->authority =
        cp_input_reference(input, row, AUTHORITY, instance->authority_index, "authority", errors);
    const cp_authority *home = u->authority >= 0 ? &instance->authorities[u->authority] : NULL;
    cp_input_point(input, row, LAT, LON, home ? home->lat : 0, home ? home->lon : 0, &u->lat,
                   &u->lon, errors);
    cp_field_list(&types, &instance->types, errors, &u->types, &u->n_types);

    cp_cell places = cp_input_cell(input, row, PLACES);
    cp_cell intensity = cp_input_cell(input, row, INTENSITY);
    cp_cell age = cp_input_cell(input, row, AGE), gender = cp_input_cell(input, row, GENDER);
    cp_cell needs = cp_input_cell(input, row, NEEDS);
    u->places = 1;
    if (!cp_cell_empty(&places))
        cp_field_number(&places, CP_RANGE_POSITIVE, errors, &u->places);
    u->intensity = 1;
    if (!cp_cell_empty(&intensity))
        cp_field_integer(&intensity, 1, 5, errors, &u->intensity);
    u->age = CP_AGE_ANY;
    if (!cp_cell_empty(&age))
        cp_field_integer(&age, 0, CP_MAX_AGE_YEARS, errors, &u->age);
    u->gender = intern_optional(&gender, &instance->genders);
    if (!cp_cell_empty(&needs))
        cp_field_idlist(&needs, &instance->tags, errors, &u->needs);

    read_limits(input, row, u, errors);
    read_placement(instance, input, row, u, errors);
    read_group(instance, input, row, u, homes, errors);
}

static void read_users(cp_instance *instance, const cp_input *input, cp_errors *errors)
{
    int n = input->table->n_rows;
    group_homes homes = {0};
    instance->users = cp_calloc((size_t)n, sizeof *instance->users);
    instance->n_users = n;
    for (int row = 0; row < n; row++)
        read_row(instance, input, row, &homes, errors);
    free(homes.home);
}

const cp_input_spec cp_users_input = {"users.csv", true, columns, N_COLUMNS, read_users};
