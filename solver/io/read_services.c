/* services.csv: units of provider capacity, their prices, the filters they apply and, for
 * candidate services, the cost and viability of opening them. */
#include "io/instance_parts.h"

#include "util/alloc.h"
#include "util/log.h"
#include "util/status.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

enum {
    ID,
    PROVIDER,
    NAME,
    AUTHORITY,
    LAT,
    LON,
    TYPE,
    CAPACITY,
    WEEKLY_PRICE,
    RATING,
    MIN_AGE,
    MAX_AGE,
    GENDERS,
    MAX_INTENSITY,
    SPECIALISMS,
    OWNER,
    STATUS,
    FIXED_COST,
    MIN_OCCUPANCY,
    N_COLUMNS
};

static const cp_column columns[N_COLUMNS] = {
    [ID] = {"id", true},
    [PROVIDER] = {"provider", false},
    [NAME] = {"name", false},
    [AUTHORITY] = {"authority", true},
    [LAT] = {"lat", false},
    [LON] = {"lon", false},
    [TYPE] = {"type", true},
    [CAPACITY] = {"capacity", true},
    [WEEKLY_PRICE] = {"weekly_price", true},
    [RATING] = {"rating", false},
    [MIN_AGE] = {"min_age", false},
    [MAX_AGE] = {"max_age", false},
    [GENDERS] = {"genders", false},
    [MAX_INTENSITY] = {"max_intensity", false},
    [SPECIALISMS] = {"specialisms", false},
    [OWNER] = {"owner", false},
    [STATUS] = {"status", false},
    [FIXED_COST] = {"fixed_cost", false},
    [MIN_OCCUPANCY] = {"min_occupancy", false},
};

/* The text of a cell that must not be empty, interned in names; CP_NONE when empty. */
static int intern_required(const cp_cell *cell, cp_names *names, cp_errors *errors)
{
    if (cp_cell_empty(cell)) {
        cp_cell_problem(cell, errors, "missing value");
        return CP_NONE;
    }
    char *text = cp_field_text(cell);
    int id = cp_names_intern(names, text);
    free(text);
    return id;
}

/* min_age, max_age: each CP_AGE_ANY when empty; max_age not below min_age. */
static void read_ages(const cp_input *input, int row, cp_service *s, cp_errors *errors)
{
    cp_cell min = cp_input_cell(input, row, MIN_AGE), max = cp_input_cell(input, row, MAX_AGE);
    s->min_age = s->max_age = CP_AGE_ANY;
    bool min_ok = !cp_cell_empty(&min) &&
                  cp_field_integer(&min, 0, CP_MAX_AGE_YEARS, errors, &s->min_age) == CP_OK;
    bool max_ok = !cp_cell_empty(&max) &&
                  cp_field_integer(&max, 0, CP_MAX_AGE_YEARS, errors, &s->max_age) == CP_OK;
    if (min_ok && max_ok && s->max_age < s->min_age)
        cp_cell_problem(&max, errors, "below min_age %d", s->min_age);
}

/* genders: `any` (any case, the default) or a list of genders without `any`. */
static void read_genders(cp_instance *instance, const cp_cell *cell, cp_service *s,
                         cp_errors *errors)
{
    char *text = cp_field_text(cell);
    s->any_gender = text[0] == '\0' || strcasecmp(text, "any") == 0;
    free(text);
    if (s->any_gender || cp_field_idlist(cell, &instance->genders, errors, &s->genders) != CP_OK)
        return;
    for (int i = 0; i < s->genders.count; i++) {
        if (strcasecmp(instance->genders.name[s->genders.ids[i]], "any") == 0) {
            cp_cell_problem(cell, errors, "'any' cannot be combined with genders");
            return;
        }
    }
}

/* status, fixed_cost, min_occupancy (at most the capacity; for candidates only). */
static void read_opening(const cp_input *input, int row, cp_service *s, bool capacity_ok,
                         cp_errors *errors)
{
    cp_cell status = cp_input_cell(input, row, STATUS);
    cp_cell fixed = cp_input_cell(input, row, FIXED_COST);
    cp_cell occupancy = cp_input_cell(input, row, MIN_OCCUPANCY);
    char *text = cp_field_text(&status);
    s->candidate = strcasecmp(text, "candidate") == 0;
    if (text[0] != '\0' && !s->candidate && strcasecmp(text, "existing") != 0)
        cp_cell_problem(&status, errors, "must be existing or candidate");
    free(text);
    if (!cp_cell_empty(&fixed))
        cp_field_number(&fixed, CP_RANGE_NONNEGATIVE, errors, &s->fixed_cost);
    if (!cp_cell_empty(&occupancy) &&
        cp_field_number(&occupancy, CP_RANGE_NONNEGATIVE, errors, &s->min_occupancy) == CP_OK &&
        capacity_ok && s->min_occupancy > s->capacity)
        cp_cell_problem(&occupancy, errors, "above capacity %g", s->capacity);
    if (!s->candidate && (s->fixed_cost != 0 || s->min_occupancy != 0))
        cp_warning("%s:%ld: service '%s' is existing: fixed_cost and min_occupancy apply to "
                   "candidate services only and are ignored",
                   input->table->name, input->table->line[row], s->id);
}

static void read_row(cp_instance *instance, const cp_input *input, int row, cp_errors *errors)
{
    cp_service *s = &instance->services[row];
    cp_cell id = cp_input_cell(input, row, ID), name = cp_input_cell(input, row, NAME);
    cp_cell provider = cp_input_cell(input, row, PROVIDER);
    s->id = cp_field_text(&id);
    cp_input_id(input, row, ID, instance->service_index, errors);
    s->name = cp_field_text(cp_cell_empty(&name) ? &id : &name);
    char *provider_name = cp_field_text(cp_cell_empty(&provider) ? &id : &provider);
    s->provider = provider_name[0] ? cp_names_intern(&instance->providers, provider_name) : CP_NONE;
    free(provider_name);
    s->authority =
        cp_input_reference(input, row, AUTHORITY, instance->authority_index, "authority", errors);
    const cp_authority *home = s->authority >= 0 ? &instance->authorities[s->authority] : NULL;
    cp_input_point(input, row, LAT, LON, home ? home->lat : 0, home ? home->lon : 0, &s->lat,
                   &s->lon, errors);

    cp_cell type = cp_input_cell(input, row, TYPE);
    cp_cell capacity = cp_input_cell(input, row, CAPACITY);
    cp_cell price = cp_input_cell(input, row, WEEKLY_PRICE);
    s->type = intern_required(&type, &instance->types, errors);
    bool capacity_ok = cp_field_number(&capacity, CP_RANGE_POSITIVE, errors, &s->capacity) == CP_OK;
    cp_field_number(&price, CP_RANGE_NONNEGATIVE, errors, &s->weekly_price);

    cp_cell rating = cp_input_cell(input, row, RATING);
    cp_cell genders = cp_input_cell(input, row, GENDERS);
    cp_cell intensity = cp_input_cell(input, row, MAX_INTENSITY);
    cp_cell specialisms = cp_input_cell(input, row, SPECIALISMS);
    s->rating = CP_RATING_UNRATED;
    if (!cp_cell_empty(&rating))
        cp_field_rating(&rating, errors, &s->rating);
    read_ages(input, row, s, errors);
    read_genders(instance, &genders, s, errors);
    s->max_intensity = 5;
    if (!cp_cell_empty(&intensity))
        cp_field_integer(&intensity, 1, 5, errors, &s->max_intensity);
    if (!cp_cell_empty(&specialisms))
        cp_field_idlist(&specialisms, &instance->tags, errors, &s->specialisms);

    cp_cell owner = cp_input_cell(input, row, OWNER);
    s->owner =
        cp_cell_empty(&owner)
            ? CP_NONE
            : cp_input_reference(input, row, OWNER, instance->authority_index, "authority", errors);
    read_opening(input, row, s, capacity_ok, errors);
}

static void read_services(cp_instance *instance, const cp_input *input, cp_errors *errors)
{
    int n = input->table->n_rows;
    instance->services = cp_calloc((size_t)n, sizeof *instance->services);
    instance->n_services = n;
    for (int row = 0; row < n; row++)
        read_row(instance, input, row, errors);
}

const cp_input_spec cp_services_input = {"services.csv", true, columns, N_COLUMNS, read_services};
