/* carepool compare: loads the instance once, solves standalone, pooled and the configurations
 * asked for (all of configurations.csv by default), shares each pool's cost among its members,
 * writes comparison.csv, authorities.csv, shares.csv, coalitions.csv and summary.json
 * atomically and prints what the comparison shows. */
#include "app/commands.h"

#include "app/compare.h"
#include "heur/heuristic.h"
#include "io/instance_reader.h"
#include "io/output_dir.h"
#include "util/alloc.h"
#include "util/interrupt.h"
#include "util/memory.h"
#include "util/status.h"
#include "util/timer.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Whether list (n entries) already holds config. */
static bool listed(const cp_config **list, int n, const cp_config *config)
{
    for (int i = 0; i < n; i++)
        if (list[i] == config)
            return true;
    return false;
}

/* standalone, pooled, then the names of --configs (comma-separated, white space around a
 * name ignored, repeats dropped) or every listed configuration. Returns the count, or -1
 * after printing the unknown names. *list is the caller's to free. */
static int resolve(const cp_instance *instance, const char *names, const cp_config ***list)
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
            fprintf(stderr, "--configs: unknown configuration '%s'\n", name);
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
        fprintf(stderr, "known configurations:");
        for (int c = 0; c < instance->n_configs; c++)
            fprintf(stderr, " %s", instance->configs[c].name);
        fprintf(stderr, "\n");
        free(*list);
        *list = NULL;
        return -1;
    }
    return n;
}

/* Writes every file of the comparison, or none. */
static int write_results(const char *directory, const cp_comparison *comparison)
{
    cp_errors errors = {0};
    int status = CP_ERR_INTERNAL;
    cp_output *output = cp_output_open(directory, &errors);
    if (output) {
        if (cp_report_comparison_write(output, comparison) == CP_OK)
            status = cp_output_commit(output);
        else
            cp_output_abort(output);
    }
    cp_app_print_errors(&errors);
    cp_errors_clear(&errors);
    return status;
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

/* 0 when every configuration has a plan; else 3 (one is infeasible) or 4 (no plan found). */
static int exit_status(const cp_comparison *comparison)
{
    int status = CP_OK;
    for (int c = comparison->n_configs - 1; c >= 0; c--)
        if (!comparison->configs[c].check)
            status = strcmp(comparison->configs[c].info.status, "infeasible") == 0
                         ? CP_ERR_INFEASIBLE
                         : CP_ERR_NO_PLAN;
    return status;
}

static int compare(const cp_options *options, const cp_instance *instance, double start)
{
    const cp_config **list = NULL;
    int n = resolve(instance, options->configs, &list);
    if (n < 0)
        return CP_ERR_INPUT;
    cp_comparison comparison = {.instance = instance,
                                .n_configs = n,
                                .best = -1,
                                .seed = (uint64_t)options->seed,
                                .threads = cp_heur_threads((int)options->threads),
                                .shapley_samples = (int)options->shapley_samples,
                                .shapley_exact_max = CP_COMPARE_EXACT_MAX,
                                .shapley_max_members = (int)options->shapley_max_members,
                                .coalition_work = options->coalition_work,
                                .time_limit = options->time_limit};
    /* Each solve's threads follow from --threads and the number of configurations only. */
    comparison.solve_threads = comparison.threads / n > 1 ? comparison.threads / n : 1;
    comparison.configs = cp_calloc((size_t)n, sizeof *comparison.configs);
    for (int c = 0; c < n; c++)
        comparison.configs[c].config = list[c];
    free(list);

    cp_interrupt_install();
    int status = cp_compare_solve_configs(options, &comparison);
    if (status == CP_OK) {
        cp_compare_share(options, &comparison);
        if (invalid_coalition(&comparison))
            status = CP_ERR_INTERNAL;
    }
    if (status == CP_OK) {
        for (int c = 0; c < n; c++) {
            const cp_check *check = comparison.configs[c].check;
            if (check && (comparison.best < 0 ||
                          check->objective < comparison.configs[comparison.best].check->objective))
                comparison.best = c;
        }
        comparison.seconds = cp_wall_seconds() - start;
        comparison.peak_memory_mb = cp_peak_memory_mb();
        status = write_results(options->output, &comparison);
    }
    if (status == CP_OK) {
        cp_compare_print(&comparison, options->output);
        status = exit_status(&comparison);
    }
    cp_compare_free(&comparison);
    return status;
}

int cp_cmd_compare(const cp_options *options)
{
    double start = cp_wall_seconds();
    if (!options->output) {
        fprintf(stderr, "compare: -o DIR is required\n");
        return CP_ERR_INPUT;
    }
    cp_instance *instance = NULL;
    const cp_config *standalone = NULL;
    int status = cp_app_load(options->positional[0], "standalone", &instance, &standalone);
    if (status != CP_OK)
        return status;
    status = compare(options, instance, start);
    cp_instance_destroy(instance);
    return status;
}
