/* Pooling configurations: the two every instance has (standalone, pooled) and those of
 * configurations.csv, each assigning every authority to exactly one pool. */
#include "io/instance_parts.h"

#include "util/alloc.h"
#include "util/status.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

enum { CONFIGURATION, AUTHORITY, POOL, N_COLUMNS };

static const cp_column columns[N_COLUMNS] = {
    [CONFIGURATION] = {"configuration", true},
    [AUTHORITY] = {"authority", true},
    [POOL] = {"pool", true},
};

/* A configuration being read: its pools, and the line assigning each authority (0: none). */
typedef struct draft {
    cp_names pools;
    long *line;
} draft;

static cp_config *append_config(cp_instance *instance, const char *name)
{
    instance->configs = cp_realloc(instance->configs,
                                   (size_t)(instance->n_configs + 1) * sizeof *instance->configs);
    cp_config *config = &instance->configs[instance->n_configs++];
    *config = (cp_config){.name = cp_strdup(name)};
    config->pool_of_authority =
        cp_calloc((size_t)instance->n_authorities, sizeof *config->pool_of_authority);
    return config;
}

void cp_add_fixed_configs(cp_instance *instance)
{
    int n = instance->n_authorities;
    cp_config *standalone = append_config(instance, "standalone");
    standalone->n_pools = n;
    standalone->pool_name = cp_malloc((size_t)n * sizeof *standalone->pool_name);
    for (int a = 0; a < n; a++) {
        standalone->pool_name[a] = cp_strdup(instance->authorities[a].id);
        standalone->pool_of_authority[a] = a;
    }
    cp_config *pooled = append_config(instance, "pooled");
    pooled->n_pools = 1;
    pooled->pool_name = cp_malloc(sizeof *pooled->pool_name);
    pooled->pool_name[0] = cp_strdup("pooled");
}

/* The configuration named in row, appended with its draft when new; NULL (after a problem)
 * for an empty or reserved name. */
static cp_config *config_of_row(cp_instance *instance, const cp_input *input, int row,
                                cp_strmap *by_name, draft **drafts, cp_errors *errors)
{
    cp_cell cell = cp_input_cell(input, row, CONFIGURATION);
    if (cp_cell_empty(&cell)) {
        cp_cell_problem(&cell, errors, "missing value");
        return NULL;
    }
    char *name = cp_field_text(&cell);
    cp_config *config = NULL;
    int found = cp_strmap_get(by_name, name);
    if (strcasecmp(name, "standalone") == 0 || strcasecmp(name, "pooled") == 0) {
        cp_cell_problem(&cell, errors, "reserved name (standalone and pooled always exist)");
    } else if (found >= 0) {
        config = &instance->configs[found];
    } else {
        int n_listed = instance->n_configs - 2;
        cp_strmap_put(by_name, name, instance->n_configs);
        config = append_config(instance, name);
        *drafts = cp_realloc(*drafts, (size_t)(n_listed + 1) * sizeof **drafts);
        (*drafts)[n_listed] =
            (draft){.line = cp_calloc((size_t)instance->n_authorities, sizeof *(*drafts)->line)};
    }
    free(name);
    return config;
}

static void read_row(cp_instance *instance, const cp_input *input, int row, cp_strmap *by_name,
                     draft **drafts, cp_errors *errors)
{
    cp_config *config = config_of_row(instance, input, row, by_name, drafts, errors);
    int a =
        cp_input_reference(input, row, AUTHORITY, instance->authority_index, "authority", errors);
    cp_cell pool = cp_input_cell(input, row, POOL);
    if (cp_cell_empty(&pool))
        cp_cell_problem(&pool, errors, "missing value");
    if (!config || a == CP_NONE || cp_cell_empty(&pool))
        return;
    draft *d = &(*drafts)[config - instance->configs - 2];
    if (d->line[a] != 0) {
        cp_cell authority = cp_input_cell(input, row, AUTHORITY);
        cp_cell_problem(&authority, errors, "already in a pool of configuration '%s' on line %ld",
                        config->name, d->line[a]);
        return;
    }
    char *name = cp_field_text(&pool);
    config->pool_of_authority[a] = cp_names_intern(&d->pools, name);
    d->line[a] = input->table->line[row];
    free(name);
}

/* Checks that the draft assigns every authority (rows of authorities.csv rejected as
 * duplicates aside), then hands its pools to config. */
static void finish(cp_instance *instance, const cp_input *input, cp_config *config, draft *d,
                   cp_errors *errors)
{
    for (int a = 0; a < instance->n_authorities; a++)
        if (d->line[a] == 0 &&
            cp_strmap_get(instance->authority_index, instance->authorities[a].id) == a)
            cp_errors_at(errors, input->table->name, 0, NULL, NULL,
                         "configuration '%s': authority '%s' has no pool", config->name,
                         instance->authorities[a].id);
    config->n_pools = d->pools.count;
    config->pool_name = d->pools.name;
    cp_strmap_destroy(d->pools.index);
    free(d->line);
}

static void read_configurations(cp_instance *instance, const cp_input *input, cp_errors *errors)
{
    cp_strmap *by_name = cp_strmap_create();
    draft *drafts = NULL;
    for (int row = 0; row < input->table->n_rows; row++)
        read_row(instance, input, row, by_name, &drafts, errors);
    for (int c = 2; c < instance->n_configs; c++)
        finish(instance, input, &instance->configs[c], &drafts[c - 2], errors);
    free(drafts);
    cp_strmap_destroy(by_name);
}

const cp_input_spec cp_configurations_input = {"configurations.csv", false, columns, N_COLUMNS,
                                               read_configurations};
