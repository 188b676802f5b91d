/* carepool compare as a whole: which configurations, their solves, the games inside their
 * pools and the best configuration. The steps are in compare_configs.c (solves),
 * compare_games.c and compare_split.c (coalition values) and compare_rules.c (shares). */
#include "engine/compare.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine/solve.h"
#include "util/alloc.h"
#include "util/status.h"

/* " a b c": the configurations' names, each after a space. Free the result. */
static char *known_names(const cp_instance *instance)
{
    size_t length = 1;
    for (int c = 0; c < instance->n_configs; c++)
        length += strlen(instance->configs[c].name) + 1;
    char *known = cp_malloc(length), *end = known;
    *end = '\0';
    for (int c = 0; c < instance->n_configs; c++)
        end += sprintf(end, " %s", instance->configs[c].name);
    return known;
}

/* Whether list (n entries) already holds config. */
static bool listed(const cp_config **list, int n, const cp_config *config)
{
    for (int i = 0; i < n; i++)
        if (list[i] == config)
            return true;
    return false;
}

int cp_compare_select(const cp_instance *instance, const char *names, const cp_config ***list,
                      cp_errors *errors)
{
    *list = cp_malloc((size_t)instance->n_configs * sizeof **list);
    int n = 0;
    (*list)[n++] = &instance->configs[0];
    (*list)[n++] = &instance->configs[1];
    if (!names) {
        for (int c = 2; c < instance->n_configs; c++)
            (*list)[n++] = &instance->configs[c];
        return n;
    }
    bool bad = false;
    for (const char *p = names;;) {
        size_t length = strcspn(p, ",");
        const char *begin = p, *end = p + length;
        while (begin < end && (*begin == ' ' || *begin == '\t'))
            begin++;
        while (end > begin && (end[-1] == ' ' || end[-1] == '\t'))
            end--;
        char *name = cp_malloc((size_t)(end - begin) + 1);
        memcpy(name, begin, (size_t)(end - begin));
        name[end - begin] = '\0';
        const cp_config *config = cp_instance_config(instance, name);
        if (!config) {
            cp_errors_add(errors, "--configs: unknown configuration '%s'", name);
            bad = true;
        } else if (!listed(*list, n, config)) {
            (*list)[n++] = config;
        }
        free(name);
        if (!p[length])
            break;
        p += length + 1;
    }
    if (bad) {
        char *known = known_names(instance);
        cp_errors_add(errors, "known configurations:%s", known);
        free(known);
        free(*list);
        *list = NULL;
        return -1;
    }
    return n;
}

/* Whether a coalition's plan failed the checker (an internal error, already reported). */
static bool invalid_coalition(const cp_comparison *comparison)
{
    for (int c = 0; c < comparison->n_configs; c++)
        for (int p = 0; p < comparison->configs[c].n_pools; p++) {
            const cp_pool_result *pool = &comparison->configs[c].pools[p];
            for (int k = 0; k < pool->n_coalitions; k++)
                if (strcmp(pool->coalitions[k].status, CP_COALITION_INVALID) == 0)
                    return true;
        }
    return false;
}

int cp_engine_compare(const cp_compare_params *params, const cp_instance *instance,
                      const cp_config **list, int n, cp_comparison *comparison)
{
    *comparison = (cp_comparison){.instance = instance,
                                  .n_configs = n,
                                  .best = -1,
                                  .seed = params->solve.seed,
                                  .threads = cp_engine_threads(&params->solve),
                                  .shapley_samples = params->shapley_samples,
                                  .shapley_exact_max = CP_COMPARE_EXACT_MAX,
                                  .shapley_max_members = params->shapley_max_members,
                                  .coalition_work = params->coalition_work,
                                  .time_limit = params->solve.time_limit};
    /* Each solve's threads follow from --threads and the number of configurations only. */
    comparison->solve_threads = comparison->threads / n > 1 ? comparison->threads / n : 1;
    comparison->configs = cp_calloc((size_t)n, sizeof *comparison->configs);
    for (int c = 0; c < n; c++)
        comparison->configs[c].config = list[c];
    int status = cp_compare_solve_configs(params, comparison);
    if (status == CP_OK) {
        cp_compare_share(params, comparison);
        if (invalid_coalition(comparison))
            status = CP_ERR_INTERNAL;
    }
    for (int c = 0; status == CP_OK && c < n; c++) {
        const cp_check *check = comparison->configs[c].check;
        if (check && (comparison->best < 0 ||
                      check->objective < comparison->configs[comparison->best].check->objective))
            comparison->best = c;
    }
    return status;
}
