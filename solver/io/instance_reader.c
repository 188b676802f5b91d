/* Loading an instance directory: opens each file of the input contract in turn, checks its
 * header, hands its rows to the part that reads them (io/instance_parts.h) and, when nothing
 * was wrong, applies the defaults that depend on several files. A file is read only when the
 * files it refers to were read with every required column, so one missing file does not
 * cascade into a flood of "unknown" problems; every other problem of every file is reported. */
#define _POSIX_C_SOURCE 200809L
#include "io/instance_reader.h"

#include "io/instance_parts.h"
#include "util/alloc.h"
#include "util/log.h"
#include "util/status.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

enum { AUTHORITIES, SERVICES, USERS, QUOTES, TIERS, SETTINGS, CONFIGURATIONS, N_FILES };

#define NEEDS(file) (1u << (file))

/* The files in reading order, with the files whose ids they refer to. */
static const struct {
    const cp_input_spec *spec;
    unsigned needs;
} files[N_FILES] = {
    [AUTHORITIES] = {&cp_authorities_input, 0},
    [SERVICES] = {&cp_services_input, NEEDS(AUTHORITIES)},
    [USERS] = {&cp_users_input, NEEDS(AUTHORITIES) | NEEDS(SERVICES)},
    [QUOTES] = {&cp_quotes_input, NEEDS(USERS) | NEEDS(SERVICES)},
    [TIERS] = {&cp_tiers_input, NEEDS(SERVICES)},
    [SETTINGS] = {&cp_settings_input, 0},
    [CONFIGURATIONS] = {&cp_configurations_input, NEEDS(AUTHORITIES)},
};

/* Finds each known column in the header: warns about unknown ones, adds a problem for each
 * missing required one. Returns whether every required column is there. */
static bool find_columns(const cp_csv_table *table, const cp_input_spec *spec, int *index,
                         cp_errors *errors)
{
    bool ok = true;
    for (int c = 0; c < spec->n_columns; c++) {
        index[c] = cp_csv_column(table, spec->columns[c].name);
        if (index[c] < 0 && spec->columns[c].required) {
            cp_errors_at(errors, spec->name, 1, spec->columns[c].name, NULL,
                         "missing required column");
            ok = false;
        }
    }
    for (int i = 0; i < table->n_columns; i++) {
        bool known = false;
        for (int c = 0; c < spec->n_columns && !known; c++)
            known = index[c] == i;
        if (!known)
            cp_warning("%s: unknown column '%s' ignored", spec->name, table->columns[i]);
    }
    return ok;
}

/* Reads directory/spec->name into *table and locates its columns. Returns whether the rows
 * can be read: false when the file is absent, unreadable or lacks a required column. */
static bool open_input(const char *directory, const cp_input_spec *spec, cp_csv_table **table,
                       int *index, cp_errors *errors)
{
    bool ready = false;
    size_t size = strlen(directory) + strlen(spec->name) + 2;
    char *path = cp_malloc(size);
    snprintf(path, size, "%s/%s", directory, spec->name);
    struct stat info;
    if (stat(path, &info) != 0 && errno == ENOENT) {
        if (spec->required)
            cp_errors_at(errors, spec->name, 0, NULL, NULL, "missing required file");
        goto cleanup;
    }
    if (cp_csv_read(path, spec->name, table, errors) != CP_OK)
        goto cleanup;
    if (!find_columns(*table, spec, index, errors))
        goto cleanup;
    if (spec->required && (*table)->n_rows == 0)
        cp_errors_at(errors, spec->name, 0, NULL, NULL, "no data rows");
    ready = true;
cleanup:
    free(path);
    return ready;
}

/* Settings-dependent defaults of users, and the empty quote and tier lists. */
static void apply_defaults(cp_instance *instance)
{
    for (int u = 0; u < instance->n_users; u++) {
        cp_user *user = &instance->users[u];
        user->own_max_distance_km = !isnan(user->max_distance_km);
        user->own_spot_cost = !isnan(user->spot_cost);
    }
    cp_instance_apply_settings(instance);
    if (!instance->quote_start)
        instance->quote_start = cp_calloc((size_t)instance->n_users + 1, sizeof(int));
    if (!instance->tiers)
        instance->tiers = cp_calloc((size_t)instance->providers.count, sizeof(cp_tier_list));
}

static size_t problems(const cp_errors *errors)
{
    return errors->count + errors->dropped;
}

int cp_instance_load(const char *directory, cp_instance **out, cp_errors *errors)
{
    *out = NULL;
    struct stat info;
    if (stat(directory, &info) != 0) {
        cp_errors_add(errors, "%s: cannot open instance directory: %s", directory, strerror(errno));
        return CP_ERR_INPUT;
    }
    if (!S_ISDIR(info.st_mode)) {
        cp_errors_add(errors, "%s: not a directory", directory);
        return CP_ERR_INPUT;
    }
    size_t problems_before = problems(errors);
    cp_instance *instance = cp_calloc(1, sizeof *instance);
    instance->directory = cp_strdup(directory);
    instance->settings = cp_settings_default();
    instance->authority_index = cp_strmap_create();
    instance->service_index = cp_strmap_create();
    instance->user_index = cp_strmap_create();

    unsigned done = 0; /* files handed to their part */
    for (int f = 0; f < N_FILES; f++) {
        const cp_input_spec *spec = files[f].spec;
        cp_csv_table *table = NULL;
        int *index = cp_malloc((size_t)spec->n_columns * sizeof *index);
        cp_errors_next_file(errors);
        if (open_input(directory, spec, &table, index, errors) &&
            (done & files[f].needs) == files[f].needs) {
            cp_input input = {.table = table, .columns = spec->columns, .index = index};
            spec->read(instance, &input, errors);
            done |= NEEDS(f);
            if (f == AUTHORITIES)
                cp_add_fixed_configs(instance);
        }
        cp_csv_destroy(table);
        free(index);
    }
    if (problems(errors) != problems_before) {
        cp_instance_destroy(instance);
        return CP_ERR_INPUT;
    }
    apply_defaults(instance);
    *out = instance;
    return CP_OK;
}
