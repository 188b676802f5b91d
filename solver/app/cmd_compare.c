/* carepool compare: loads the instance once, solves standalone, pooled and the configurations
 * asked for (all of configurations.csv by default), shares each pool's cost among its members,
 * writes comparison.csv, authorities.csv, shares.csv, coalitions.csv and summary.json
 * atomically and prints what the comparison shows. */
#include "app/commands.h"

#include "engine/compare.h"
#include "io/output_dir.h"
#include "report/report_writer.h"
#include "util/interrupt.h"
#include "util/memory.h"
#include "util/status.h"
#include "util/timer.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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
    cp_errors errors = {0};
    int n = cp_compare_select(instance, options->configs, &list, &errors);
    cp_app_print_errors(&errors);
    cp_errors_clear(&errors);
    if (n < 0)
        return CP_ERR_INPUT;
    cp_compare_params params = cp_app_compare_params(options);
    cp_comparison comparison;
    cp_interrupt_install();
    int status = cp_engine_compare(&params, instance, list, n, &comparison);
    free(list);
    if (status == CP_OK) {
        comparison.seconds = cp_wall_seconds() - start;
        comparison.peak_memory_mb = cp_peak_memory_mb();
        status = write_results(options->output, &comparison);
    }
    if (status == CP_OK) {
        cp_app_print_comparison(&comparison, options->output);
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
    int status = cp_app_load_what_if(options, "standalone", &instance, &standalone);
    if (status != CP_OK)
        return status;
    status = compare(options, instance, start);
    cp_instance_destroy(instance);
    return status;
}
