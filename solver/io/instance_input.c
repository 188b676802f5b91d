/* Helpers shared by the parts of the instance reader: cells by known column, ids, references
 * to other files and map points. */
#include "io/instance_parts.h"

#include "util/alloc.h"
#include "util/status.h"

#include <math.h>
#include <stdlib.h>

cp_cell cp_input_cell(const cp_input *input, int row, int c)
{
    return cp_cell_at(input->table, row, input->index[c], input->columns[c].name);
}

bool cp_input_id(const cp_input *input, int row, int c, cp_strmap *index, cp_errors *errors)
{
    cp_cell cell = cp_input_cell(input, row, c);
    if (cp_cell_empty(&cell)) {
        cp_cell_problem(&cell, errors, "missing value");
        return false;
    }
    char *id = cp_field_text(&cell);
    int first = cp_strmap_get(index, id);
    if (first >= 0)
        cp_cell_problem(&cell, errors, "duplicate id, first on line %ld",
                        input->table->line[first]);
    else
        cp_strmap_put(index, id, row);
    free(id);
    return first < 0;
}

int cp_input_reference(const cp_input *input, int row, int c, const cp_strmap *index,
                       const char *what, cp_errors *errors)
{
    cp_cell cell = cp_input_cell(input, row, c);
    if (cp_cell_empty(&cell)) {
        cp_cell_problem(&cell, errors, "missing value");
        return CP_NONE;
    }
    char *id = cp_field_text(&cell);
    int found = cp_strmap_get(index, id);
    free(id);
    if (found < 0)
        cp_cell_problem(&cell, errors, "unknown %s", what);
    return found < 0 ? CP_NONE : found;
}

void cp_input_point(const cp_input *input, int row, int c_lat, int c_lon, double default_lat,
                    double default_lon, double *lat, double *lon, cp_errors *errors)
{
    cp_cell lat_cell = cp_input_cell(input, row, c_lat);
    cp_cell lon_cell = cp_input_cell(input, row, c_lon);
    bool lat_empty = cp_cell_empty(&lat_cell), lon_empty = cp_cell_empty(&lon_cell);
    *lat = default_lat;
    *lon = default_lon;
    if (lat_empty && lon_empty)
        return;
    if (lat_empty || lon_empty) {
        cp_cell_problem(lat_empty ? &lat_cell : &lon_cell, errors,
                        "missing value (give both lat and lon, or neither)");
        return;
    }
    cp_field_number(&lat_cell, CP_RANGE_LATITUDE, errors, lat);
    cp_field_number(&lon_cell, CP_RANGE_LONGITUDE, errors, lon);
}
