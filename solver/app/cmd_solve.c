/* carepool solve: load, filter, solve, check independently, write the results atomically and
 * print a short summary on stdout. */
#include "app/commands.h"

#include "core/check.h"
#include "core/solution.h"
#include "io/output_dir.h"
#include "io/report_writer.h"
#include "mip/solve.h"
#include "util/interrupt.h"
#include "util/progress.h"
#include "util/status.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

static cp_mip_options mip_options(const cp_options *options)
{
    cp_mip_options mip = cp_mip_options_default();
    mip.time_limit = options->time_limit;
    mip.gap = options->gap;
    mip.formulation =
        strcmp(options->formulation, "weak") == 0 ? CP_FORMULATION_WEAK : CP_FORMULATION_STRONG;
    mip.cuts = strcmp(options->cuts, "off") == 0   ? CP_CUTS_NONE
               : strcmp(options->cuts, "all") == 0 ? CP_CUTS_ALL
                                                   : CP_CUTS_DEFAULT;
    mip.branching = strcmp(options->branching, "glpk") == 0 ? CP_BRANCHING_GLPK
                                                           : CP_BRANCHING_DECISIONS;
    mip.solver_output = options->glpk_output;
    return mip;
}

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
    printf("%s under '%s' (%d pools), method %s: %s in %.2f s\n", instance->directory,
           config->name, config->n_pools, info->method, info->status, info->seconds);
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
static int solve_and_report(const cp_options *options, const cp_instance *instance,
                            const cp_config *config, const cp_candidates *candidates)
{
    cp_mip_options mip = mip_options(options);
    cp_solution solution;
    int status = cp_mip_solve(candidates, &mip, &solution);
    if (status != CP_OK)
        return status;

    cp_run_info info = {.status = cp_solution_status_name(solution.status),
                        .method = solution.method,
                        .seconds = solution.seconds,
                        .seed = (uint64_t)options->seed,
                        .threads = (int)options->threads,
                        .bound = solution.bound,
                        .gap = INFINITY};
    cp_check *check = NULL;
    if (solution.service_of_user) {
        if (cp_check_plan(instance, config, solution.service_of_user, &check) > 0) {
            fprintf(stderr, "internal error: the %s method's plan fails the checker:\n",
                    solution.method);
            cp_app_print_errors(&check->violations);
            cp_check_destroy(check);
            cp_solution_free(&solution);
            return CP_ERR_INTERNAL;
        }
        /* The checker's value is the one reported; a bound never exceeds it. */
        info.bound = fmin(solution.bound, check->objective);
        info.gap = cp_relative_gap(check->objective, info.bound);
    }
    status = write_results(options->output, instance, config, solution.service_of_user, check,
                           &info);
    if (status == CP_OK && check)
        print_summary(instance, config, check, &info, options->output);
    else if (status == CP_OK)
        printf("%s under '%s': %s\n", instance->directory, config->name, info.status);
    if (status == CP_OK)
        status = exit_status(solution.status);
    cp_check_destroy(check);
    cp_solution_free(&solution);
    return status;
}

int cp_cmd_solve(const cp_options *options)
{
    if (!options->output) {
        fprintf(stderr, "solve: -o DIR is required\n");
        return CP_ERR_INPUT;
    }
    cp_instance *instance = NULL;
    const cp_config *config = NULL;
    int status = cp_app_load(options->positional[0], options->config, &instance, &config);
    if (status != CP_OK)
        return status;
    cp_interrupt_install();

    cp_candidates *candidates = NULL;
    status = cp_app_candidates(instance, config, &candidates);
    if (status == CP_ERR_INFEASIBLE) {
        cp_run_info info = {.status = "infeasible", .method = "filters", .seed = (uint64_t)options->seed,
                            .threads = (int)options->threads, .bound = INFINITY, .gap = INFINITY};
        if (write_results(options->output, instance, config, NULL, NULL, &info) != CP_OK)
            status = CP_ERR_INTERNAL;
    } else if (status == CP_OK) {
        status = solve_and_report(options, instance, config, candidates);
    }
    cp_candidates_destroy(candidates);
    cp_instance_destroy(instance);
    return status;
}
