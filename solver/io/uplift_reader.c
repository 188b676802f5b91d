/* The uplift reader: a percentage, or a provider,uplift_pct file checked cell by cell with the
 * instance reader's field parsers, so its problems read as an instance's do. */
#include "io/uplift_reader.h"

#include "io/csv.h"
#include "io/fields.h"
#include "util/alloc.h"
#include "util/log.h"
#include "util/status.h"
#include "util/strmap.h"

#include <stdlib.h>
#include <string.h>

/* Percentages must be above this: a price cut to nothing is no uplift. */
#define UPLIFT_MIN_PCT (-100.0)

/* Reads the rows of a file whose two columns are at c_provider and c_pct. */
static void read_rows(const cp_csv_table *table, int c_provider, int c_pct, cp_uplift *out,
                      cp_errors *errors)
{
    const cp_range above = {UPLIFT_MIN_PCT, INFINITY, true, false};
    cp_strmap *seen = cp_strmap_create();
    out->items = cp_calloc((size_t)table->n_rows + 1, sizeof *out->items);
    for (int row = 0; row < table->n_rows; row++) {
        cp_cell provider = cp_cell_at(table, row, c_provider, "provider");
        cp_cell pct = cp_cell_at(table, row, c_pct, "uplift_pct");
        double value = 0;
        bool ok = cp_field_number(&pct, above, errors, &value) == CP_OK;
        if (cp_cell_empty(&provider)) {
            cp_cell_problem(&provider, errors, "missing value");
            continue;
        }
        char *name = cp_field_text(&provider);
        int first = cp_strmap_get(seen, name);
        if (first >= 0) {
            cp_cell_problem(&provider, errors, "duplicate provider, first on line %ld",
                            table->line[first]);
            free(name);
        } else if (ok) {
            cp_strmap_put(seen, name, row);
            out->items[out->count++] = (cp_uplift_item){name, value, table->line[row]};
        } else {
            cp_strmap_put(seen, name, row);
            free(name);
        }
    }
    cp_strmap_destroy(seen);
}

/* Warns about each column other than provider and uplift_pct. */
static void warn_unknown_columns(const cp_csv_table *table, const char *path)
{
    for (int c = 0; c < table->n_columns; c++)
        if (strcmp(table->columns[c], "provider") != 0 &&
            strcmp(table->columns[c], "uplift_pct") != 0)
            cp_warning("%s: unknown column '%s' ignored", path, table->columns[c]);
}

static int read_file(const char *path, cp_uplift *out, cp_errors *errors)
{
    cp_csv_table *table = NULL;
    size_t before = errors->count + errors->dropped;
    cp_errors_next_file(errors);
    if (cp_csv_read(path, path, &table, errors) != CP_OK)
        return CP_ERR_INPUT;
    int c_provider = cp_csv_column(table, "provider"), c_pct = cp_csv_column(table, "uplift_pct");
    if (c_provider < 0)
        cp_errors_at(errors, path, 1, "provider", NULL, "missing required column");
    if (c_pct < 0)
        cp_errors_at(errors, path, 1, "uplift_pct", NULL, "missing required column");
    if (c_provider >= 0 && c_pct >= 0) {
        warn_unknown_columns(table, path);
        out->file = cp_strdup(path);
        read_rows(table, c_provider, c_pct, out, errors);
    }
    cp_csv_destroy(table);
    return errors->count + errors->dropped > before ? CP_ERR_INPUT : CP_OK;
}

int cp_uplift_load(const char *spec, cp_uplift *out, cp_errors *errors)
{
    *out = (cp_uplift){0};
    size_t n = strlen(spec);
    if (n > 0 && spec[n - 1] == '%') {
        if (!cp_percent_parse(spec, &out->pct)) {
            cp_errors_add(errors,
                          "--uplift: expected a percentage like +2%% or a file (value "
                          "'%s')",
                          spec);
            return CP_ERR_INPUT;
        }
        if (out->pct <= UPLIFT_MIN_PCT) {
            cp_errors_add(errors, "--uplift: must be above %g%% (value '%s')", UPLIFT_MIN_PCT,
                          spec);
            return CP_ERR_INPUT;
        }
        return CP_OK;
    }
    int status = read_file(spec, out, errors);
    if (status != CP_OK)
        cp_uplift_free(out);
    return status;
}
