/* The instance writer: a table of the columns each file may hold (the cell's kind and where
 * the record keeps it), a header parsed into that table, and atomic output. */
#define _POSIX_C_SOURCE 200809L
#include "io/instance_writer.h"

#include <errno.h>
#include <math.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "io/escape.h"
#include "io/output_dir.h"
#include "util/alloc.h"
#include "util/status.h"

enum kind {
    TEXT,       /* const char *: empty when NULL */
    NUMBER,     /* double: exact, empty when not finite */
    COORDINATE, /* double: with the rows' coordinate decimals, as printf's %.*f */
    BOOLEAN,    /* bool: "true", or empty */
    OR_NONE     /* double: "none" when INFINITY, else as NUMBER */
};

typedef struct column {
    const char *name;
    enum kind kind;
    size_t offset;
} column;

#define TEXT_OF(type, field)                                                                       \
    {                                                                                              \
#field, TEXT, offsetof(type, field)                                                        \
    }
#define NUMBER_OF(type, field)                                                                     \
    {                                                                                              \
#field, NUMBER, offsetof(type, field)                                                      \
    }

static const column authority_columns[] = {
    TEXT_OF(cp_authority_row, id),
    TEXT_OF(cp_authority_row, name),
    {"lat", COORDINATE, offsetof(cp_authority_row, lat)},
    {"lon", COORDINATE, offsetof(cp_authority_row, lon)},
};

static const column service_columns[] = {
    TEXT_OF(cp_service_row, id),
    TEXT_OF(cp_service_row, provider),
    TEXT_OF(cp_service_row, name),
    TEXT_OF(cp_service_row, authority),
    {"lat", COORDINATE, offsetof(cp_service_row, lat)},
    {"lon", COORDINATE, offsetof(cp_service_row, lon)},
    TEXT_OF(cp_service_row, type),
    NUMBER_OF(cp_service_row, capacity),
    NUMBER_OF(cp_service_row, weekly_price),
    TEXT_OF(cp_service_row, rating),
    NUMBER_OF(cp_service_row, min_age),
    NUMBER_OF(cp_service_row, max_age),
    TEXT_OF(cp_service_row, genders),
    NUMBER_OF(cp_service_row, max_intensity),
    TEXT_OF(cp_service_row, specialisms),
    TEXT_OF(cp_service_row, owner),
    TEXT_OF(cp_service_row, status),
    NUMBER_OF(cp_service_row, fixed_cost),
    NUMBER_OF(cp_service_row, min_occupancy),
};

static const column user_columns[] = {
    TEXT_OF(cp_user_row, id),
    TEXT_OF(cp_user_row, authority),
    {"lat", COORDINATE, offsetof(cp_user_row, lat)},
    {"lon", COORDINATE, offsetof(cp_user_row, lon)},
    TEXT_OF(cp_user_row, types),
    NUMBER_OF(cp_user_row, places),
    NUMBER_OF(cp_user_row, intensity),
    NUMBER_OF(cp_user_row, age),
    TEXT_OF(cp_user_row, gender),
    TEXT_OF(cp_user_row, needs),
    {"max_distance_km", OR_NONE, offsetof(cp_user_row, max_distance_km)},
    TEXT_OF(cp_user_row, current_service),
    {"locked", BOOLEAN, offsetof(cp_user_row, locked)},
    TEXT_OF(cp_user_row, group),
    {"spot_cost", OR_NONE, offsetof(cp_user_row, spot_cost)},
};

static const column quote_columns[] = {
    TEXT_OF(cp_quote_row, user),
    TEXT_OF(cp_quote_row, service),
    NUMBER_OF(cp_quote_row, weekly_cost),
    NUMBER_OF(cp_quote_row, places),
};

static const column tier_columns[] = {
    TEXT_OF(cp_tier_row, provider),
    NUMBER_OF(cp_tier_row, min_places),
    NUMBER_OF(cp_tier_row, discount_pct),
};

static const column setting_columns[] = {
    TEXT_OF(cp_setting_row, key),
    TEXT_OF(cp_setting_row, value),
};

static const column pool_columns[] = {
    TEXT_OF(cp_pool_row, configuration),
    TEXT_OF(cp_pool_row, authority),
    TEXT_OF(cp_pool_row, pool),
};

/* One file: its name, the columns it may hold, and where the rows keep its records. */
typedef struct file_spec {
    const char *name;
    const column *columns;
    size_t n_columns;
    size_t records, count; /* offsets in cp_instance_rows of the array and its length */
    size_t record_size;
} file_spec;

#define FILE_SPEC(file, table, array, type)                                                        \
    {                                                                                              \
        file, table, sizeof table / sizeof table[0], offsetof(cp_instance_rows, array),            \
            offsetof(cp_instance_rows, n_##array), sizeof(type)                                    \
    }

static const file_spec files[CP_N_INSTANCE_FILES] = {
    [CP_FILE_AUTHORITIES] =
        FILE_SPEC("authorities.csv", authority_columns, authorities, cp_authority_row),
    [CP_FILE_SERVICES] = FILE_SPEC("services.csv", service_columns, services, cp_service_row),
    [CP_FILE_USERS] = FILE_SPEC("users.csv", user_columns, users, cp_user_row),
    [CP_FILE_QUOTES] = FILE_SPEC("quotes.csv", quote_columns, quotes, cp_quote_row),
    [CP_FILE_TIERS] = FILE_SPEC("tiers.csv", tier_columns, tiers, cp_tier_row),
    [CP_FILE_SETTINGS] = FILE_SPEC("settings.csv", setting_columns, settings, cp_setting_row),
    [CP_FILE_CONFIGURATIONS] = FILE_SPEC("configurations.csv", pool_columns, pools, cp_pool_row),
};

const char *cp_instance_file_name(enum cp_instance_file file)
{
    return files[file].name;
}

/* The columns of header, in order, as entries of spec's table: an array of *n to free, or
 * NULL with a message when header names a column the file does not have. */
static const column **parse_header(const file_spec *spec, const char *header, size_t *n,
                                   cp_errors *errors)
{
    const column **order = cp_malloc((strlen(header) + 1) * sizeof *order);
    *n = 0;
    for (const char *name = header;; name++) {
        size_t length = strcspn(name, ",");
        const column *found = NULL;
        for (size_t c = 0; c < spec->n_columns && !found; c++)
            if (strlen(spec->columns[c].name) == length &&
                strncmp(spec->columns[c].name, name, length) == 0)
                found = &spec->columns[c];
        if (!found) {
            cp_errors_add(errors, "%s: no column '%.*s' to write", spec->name, (int)length, name);
            free(order);
            return NULL;
        }
        order[(*n)++] = found;
        name += length;
        if (*name == '\0')
            return order;
    }
}

static void write_cell(FILE *out, const column *c, const char *record, int coordinate_decimals)
{
    const char *field = record + c->offset;
    double value = c->kind == TEXT || c->kind == BOOLEAN ? 0 : *(const double *)field;
    switch (c->kind) {
    case TEXT:
        if (*(const char *const *)field)
            cp_write_csv_field(out, *(const char *const *)field);
        break;
    case NUMBER:
        cp_write_csv_number(out, value, CP_DECIMALS_EXACT);
        break;
    case COORDINATE: /* as printf writes it: "-0.0000" for a small negative, as always */
        if (coordinate_decimals >= 0 && isfinite(value))
            fprintf(out, "%.*f", coordinate_decimals, value);
        else
            cp_write_csv_number(out, value, coordinate_decimals);
        break;
    case BOOLEAN:
        if (*(const bool *)field)
            fputs("true", out);
        break;
    case OR_NONE:
        if (value == INFINITY)
            fputs("none", out);
        else
            cp_write_csv_number(out, value, CP_DECIMALS_EXACT);
        break;
    }
}

/* Writes the header and every record of one file. */
static void write_file(FILE *out, const cp_instance_rows *rows, const file_spec *spec,
                       const char *header, const column *const *order, size_t n_order)
{
    fputs(header, out);
    fputc('\n', out);
    const char *records = *(const char *const *)((const char *)rows + spec->records);
    size_t count = *(const size_t *)((const char *)rows + spec->count);
    for (size_t r = 0; r < count; r++) {
        const char *record = records + r * spec->record_size;
        for (size_t c = 0; c < n_order; c++) {
            if (c > 0)
                fputc(',', out);
            write_cell(out, order[c], record, rows->coordinate_decimals);
        }
        fputc('\n', out);
    }
}

/* Removes the instance files rows does not name, left by an earlier instance. */
static int remove_stale(const cp_instance_rows *rows, const char *dir, cp_errors *errors)
{
    int status = CP_OK;
    for (int f = 0; f < CP_N_INSTANCE_FILES; f++) {
        if (rows->columns[f])
            continue;
        size_t size = strlen(dir) + strlen(files[f].name) + 2;
        char *path = cp_malloc(size);
        snprintf(path, size, "%s/%s", dir, files[f].name);
        if (unlink(path) != 0 && errno != ENOENT) {
            cp_errors_add(errors, "%s: cannot remove the earlier instance's file: %s", path,
                          strerror(errno));
            status = CP_ERR_INTERNAL;
        }
        free(path);
    }
    return status;
}

/* Writes every named file through output; false when one cannot be created. */
static bool write_files(const cp_instance_rows *rows, cp_output *output,
                        const column **order[CP_N_INSTANCE_FILES],
                        const size_t n_order[CP_N_INSTANCE_FILES])
{
    for (int f = 0; f < CP_N_INSTANCE_FILES; f++) {
        if (!rows->columns[f])
            continue;
        FILE *out = cp_output_file(output, files[f].name);
        if (!out)
            return false;
        write_file(out, rows, &files[f], rows->columns[f], order[f], n_order[f]);
    }
    return true;
}

int cp_instance_write(const cp_instance_rows *rows, const char *dir, cp_errors *errors)
{
    const column **order[CP_N_INSTANCE_FILES] = {0};
    size_t n_order[CP_N_INSTANCE_FILES] = {0};
    int status = CP_ERR_INTERNAL;
    for (int f = 0; f < CP_N_INSTANCE_FILES; f++)
        if (rows->columns[f] &&
            !(order[f] = parse_header(&files[f], rows->columns[f], &n_order[f], errors)))
            goto cleanup;

    struct stat info;
    bool existed = stat(dir, &info) == 0;
    cp_output *output = cp_output_open(dir, errors);
    if (output) {
        if (write_files(rows, output, order, n_order))
            status = cp_output_commit(output);
        else
            cp_output_abort(output);
    }
    if (status == CP_OK)
        status = remove_stale(rows, dir, errors);
    else if (!existed)
        rmdir(dir);

cleanup:
    for (int f = 0; f < CP_N_INSTANCE_FILES; f++)
        free(order[f]);
    return status;
}
