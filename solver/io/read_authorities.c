/* authorities.csv: the councils, each with a representative point. */
#include "io/instance_parts.h"

#include "util/alloc.h"

#include <stdlib.h>

enum { ID, NAME, LAT, LON, N_COLUMNS };

static const cp_column columns[N_COLUMNS] = {
    [ID] = {"id", true},
    [NAME] = {"name", true},
    [LAT] = {"lat", true},
    [LON] = {"lon", true},
};

static void read_authorities(cp_instance *instance, const cp_input *input, cp_errors *errors)
{
    int n = input->table->n_rows;
    instance->authorities = cp_calloc((size_t)n, sizeof *instance->authorities);
    instance->n_authorities = n;
    for (int row = 0; row < n; row++) {
        cp_authority *a = &instance->authorities[row];
        cp_cell id = cp_input_cell(input, row, ID), name = cp_input_cell(input, row, NAME);
        cp_cell lat = cp_input_cell(input, row, LAT), lon = cp_input_cell(input, row, LON);
        a->id = cp_field_text(&id);
        cp_input_id(input, row, ID, instance->authority_index, errors);
        a->name = cp_field_text(cp_cell_empty(&name) ? &id : &name);
        cp_field_number(&lat, CP_RANGE_LATITUDE, errors, &a->lat);
        cp_field_number(&lon, CP_RANGE_LONGITUDE, errors, &a->lon);
    }
}

const cp_input_spec cp_authorities_input = {"authorities.csv", true, columns, N_COLUMNS,
                                            read_authorities};
