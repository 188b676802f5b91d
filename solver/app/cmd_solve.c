/* carepool solve: load, filter, solve, check independently, write the results atomically and
 * print a short summary on stdout. */
#include "app/commands.h"

#include "engine/solve.h"
#include "io/output_dir.h"
#include "report/report_writer.h"
#include "util/interrupt.h"
#include "util/status.h"
#include "util/timer.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

static void print_summary(const cp_instance *instance, const cp_config *config,
                          const cp_check *check, const cp_run_info *info, const char *output)
{
    const cp_terms *t = &check->terms;
    int placed = 0, moved = 0;
    double km = 0;
    for (int u = 0; u < instance->n_users; u++) {
        moved += check->user_moved[u];
        if (!isnan(check->user_km[u])) {
            placed++;
            km += check->user_km[u];
        }
    }
    printf("%s under '%s' (%d pools), method %s: %s in %.2f s\n", instance->directory, config->name,
           config->n_pools, info->method, info->status, info->seconds);
    printf("  weekly cost  %.2f  (bound %.2f, gap %.4f%%)\n", check->objective, info->bound,
           100 * info->gap);
    printf("  terms        placement %.2f, less discount %.2f, distance %.2f, preference %.2f, "
           "moves %.2f, spot %.2f, fixed %.2f, contracts %.2f\n",
           t->placement, t->discount, t->distance, t->preference, t->moves, t->spot, t->fixed,
           t->contracts);
    printf("  people       %d placed of %d, %d moved, mean %.1f km from home\n", placed,
           instance->n_users, moved, placed ? km / placed : 0.0);
    printf("  services     %d candidate services opened, %d contracts\n", check->n_opened,
           check->n_contracts);
    printf("  results in   %s\n", output);
}

/* Writes every result file, or none. */
static int write_results(const char *directory, const cp_instance *instance,
                         const cp_config *config, const int *plan, const cp_check *check,
                         const cp_run_info *info)
{
    cp_errors errors = {0};
    int status = CP_ERR_INTERNAL;
    cp_output *output = cp_output_open(directory, &errors);
    if (output) {
        if (cp_report_write(output, instance, config, plan, check, info) == CP_OK) {
            status = cp_output_commit(output);
        } else {
            cp_output_abort(output);
        }
    }
    cp_app_print_errors(&errors);
    cp_errors_clear(&errors);
    return status;
}

static int exit_status(cp_solution_status status)
{
    switch (status) {
    case CP_STATUS_OPTIMAL:
    case CP_STATUS_FEASIBLE:
        return CP_OK;
    case CP_STATUS_INFEASIBLE:
        return CP_ERR_INFEASIBLE;
    case CP_STATUS_NO_SOLUTION:
        return CP_ERR_NO_PLAN;
    }
    return CP_ERR_INTERNAL;
}

/* Solves, checks the plan and writes it. Returns the exit status. */
static int solve_and_report(const cp_options *options, const cp_solve_params *params,
                            const cp_instance *instance, const cp_config *config,
                            const cp_candidates *candidates, bool print)
{
    cp_solve_result result;
    int status = cp_engine_solve(params, candidates, &result);
    if (status != CP_OK && result.check) {
        fprintf(stderr, "internal error: the %s method's plan fails the checker:\n",
                result.info.method);
        cp_app_print_errors(&result.check->violations);
    }
    if (status == CP_OK)
        status = write_results(options->output, instance, config, result.plan, result.check,
                               &result.info);
    if (status == CP_OK && result.check && print)
        print_summary(instance, config, result.check, &result.info, options->output);
    else if (status == CP_OK && print)
        printf("%s under '%s': %s\n", instance->directory, config->name, result.info.status);
    if (status == CP_OK)
        status = exit_status(result.status);
    cp_solve_result_free(&result);
    return status;
}

int cp_cmd_solve(const cp_options *options)
{
    return cp_app_solve(options, true);
}

int cp_app_solve(const cp_options *options, bool print)
{
    double start = cp_wall_seconds();
    cp_solve_params params = cp_app_solve_params(options);
    if (!options->output) {
        fprintf(stderr, "solve: -o DIR is required\n");
        return CP_ERR_INPUT;
    }
    cp_instance *instance = NULL;
    const cp_config *config = NULL;
    int status = cp_app_load_what_if(options, options->config, &instance, &config);
    if (status != CP_OK)
        return status;
    cp_interrupt_install();

    cp_candidates *candidates = NULL;
    status = cp_app_candidates(instance, config, &candidates);
    if (status == CP_ERR_INFEASIBLE) {
        cp_solve_result none = cp_solve_result_none(CP_STATUS_INFEASIBLE, "filters");
        none.info.seed = params.seed;
        none.info.threads = cp_engine_threads(&params);
        if (write_results(options->output, instance, config, NULL, NULL, &none.info) != CP_OK)
            status = CP_ERR_INTERNAL;
    } else if (status == CP_OK) {
        /* The time limit counts from the start of the command: loading and filtering a
         * large instance take seconds of it. */
        params.time_limit = fmax(options->time_limit - (cp_wall_seconds() - start), 0.001);
        status = solve_and_report(options, &params, instance, config, candidates, print);
    }
    cp_candidates_destroy(candidates);
    cp_instance_destroy(instance);
    return status;
}
