/* Internals of the instance reader (io/instance_reader.c): one part per file of the instance
 * directory, each described by a cp_input_spec, and the helpers they share. */
#ifndef CAREPOOL_IO_INSTANCE_PARTS_H
#define CAREPOOL_IO_INSTANCE_PARTS_H

#include <stdbool.h>

#include "core/instance.h"
#include "io/csv.h"
#include "io/fields.h"
#include "util/errors.h"

#define CP_RANGE_LATITUDE ((cp_range){-90, 90, false, false})
#define CP_RANGE_LONGITUDE ((cp_range){-180, 180, false, false})

/* Ages are whole years from 0 to this. */
#define CP_MAX_AGE_YEARS 130

/* One column a file may have. */
typedef struct cp_column {
    const char *name;
    bool required; /* the column must be in the header (its cells may still be empty) */
} cp_column;

/* A file of the instance being read: its table and where each known column is. */
typedef struct cp_input {
    const cp_csv_table *table;
    const cp_column *columns;
    int *index; /* table column of each entry of columns, -1 when absent */
} cp_input;

/* One file: its name, columns and the part that reads its rows into the instance (called
 * only when the file and the files it depends on were read with every required column). */
typedef struct cp_input_spec {
    const char *name;
    bool required;
    const cp_column *columns;
    int n_columns;
    void (*read)(cp_instance *instance, const cp_input *input, cp_errors *errors);
} cp_input_spec;

/* The parts, in reading order. While they run, a user's max_distance_km and spot_cost are NAN
 * when not given; cp_instance_load applies the settings to them once every file is read. */
extern const cp_input_spec cp_authorities_input, cp_services_input, cp_users_input, cp_quotes_input,
    cp_tiers_input, cp_settings_input, cp_configurations_input;

/* The cell of row in known column c (an index into input->columns). */
cp_cell cp_input_cell(const cp_input *input, int row, int c);

/* Reads the id in column c of row and records it in index (value: row). Returns true when it
 * is non-empty and new; otherwise adds "missing value" or "duplicate id, first on line N". */
bool cp_input_id(const cp_input *input, int row, int c, cp_strmap *index, cp_errors *errors);

/* The entry named in column c of row, looked up in index. Returns it, or CP_NONE after adding
 * "missing value" or "unknown WHAT" (e.g. what = "authority"). */
int cp_input_reference(const cp_input *input, int row, int c, const cp_strmap *index,
                       const char *what, cp_errors *errors);

/* The point in columns c_lat, c_lon of row: both given, or neither (then the default). Adds a
 * problem for a bad coordinate or for one given without the other. */
void cp_input_point(const cp_input *input, int row, int c_lat, int c_lon, double default_lat,
                    double default_lon, double *lat, double *lon, cp_errors *errors);

/* Adds the two configurations every instance has: [0] standalone (one pool per authority,
 * named by its id) and [1] pooled (one pool named "pooled"). */
void cp_add_fixed_configs(cp_instance *instance);

#endif
