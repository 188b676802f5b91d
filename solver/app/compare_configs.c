/* The configurations' solves of compare: each one filters, solves with the solve command's
 * method and options, passes the independent checker and has its cost attributed to the
 * authorities. Solves run side by side as memory allows, each on a thread count fixed by
 * --threads and the number of configurations alone, so results never depend on the memory
 * free or the machine's load (only time-limited ones on its speed). */
#include "app/compare.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "app/commands.h"
#include "app/method.h"
#include "core/attribute.h"
#include "core/candidates.h"
#include "util/alloc.h"
#include "util/progress.h"
#include "util/status.h"
#include "util/timer.h"

/* Memory a solve takes per candidate pair: the heuristic's arrays (measured on
 * england-children: 534 MB for 7.0 million pairs on one thread), or GLPK's model, which
 * auto chooses up to 200,000 pairs. */
static const double heuristic_bytes_per_pair = 80, exact_bytes_per_pair = 1000;
enum { EXACT_PAIRS = 200000 };

typedef struct config_jobs {
    const cp_options *options;
    cp_comparison *comparison;
    cp_candidates *first; /* configs[0]'s, built before the workers start */
    int *status;          /* per configuration: CP_OK or an error status */
} config_jobs;

static void no_plan(cp_config_result *r, const char *status, const char *method)
{
    r->info = (cp_run_info){.status = status,
                            .method = method,
                            .bound = INFINITY,
                            .gap = INFINITY,
                            .first_plan_seconds = INFINITY};
}

/* Checks solution's plan, attributes it and fills r; returns CP_OK or CP_ERR_INTERNAL. */
static int take_plan(const cp_instance *instance, cp_config_result *r, cp_solution *solution)
{
    r->info = (cp_run_info){.status = cp_solution_status_name(solution->status),
                            .method = solution->method,
                            .seconds = solution->seconds,
                            .bound = solution->bound,
                            .gap = INFINITY,
                            .moves_evaluated = solution->moves_evaluated,
                            .first_plan_seconds = solution->first_plan_seconds};
    if (!solution->service_of_user)
        return CP_OK;
    cp_check *check = NULL;
    if (cp_check_plan(instance, r->config, solution->service_of_user, &check) > 0) {
        cp_compare_note("internal error: the %s method's plan for '%s' fails the checker: %s",
                        solution->method, r->config->name, check->violations.lines[0]);
        cp_check_destroy(check);
        return CP_ERR_INTERNAL;
    }
    r->plan = solution->service_of_user;
    solution->service_of_user = NULL;
    r->check = check;
    r->info.bound = fmin(solution->bound, check->objective);
    r->info.gap = cp_relative_gap(check->objective, r->info.bound);
    r->authority_cost = cp_malloc((size_t)instance->n_authorities * sizeof *r->authority_cost);
    cp_attribute_costs(instance, r->config, r->plan, check, r->authority_cost);
    return CP_OK;
}

static void solve_one(void *context, int c)
{
    config_jobs *jobs = context;
    cp_comparison *comparison = jobs->comparison;
    cp_config_result *r = &comparison->configs[c];
    double start = cp_wall_seconds();
    cp_candidates *candidates = c == 0 ? jobs->first : NULL;
    cp_errors why = {0};
    if (!candidates &&
        cp_candidates_build(comparison->instance, r->config, &candidates, &why) != CP_OK) {
        cp_compare_note("'%s': infeasible (%s)", r->config->name,
                        why.count ? why.lines[0] : "a person has no compatible service");
        cp_errors_clear(&why);
        no_plan(r, "infeasible", "filters");
        jobs->status[c] = CP_OK;
        return;
    }
    cp_options options = *jobs->options;
    options.threads = comparison->solve_threads;
    options.time_limit = fmax(jobs->options->time_limit - (cp_wall_seconds() - start), 0.001);
    cp_solution solution;
    int status = cp_app_solve(&options, candidates, &solution);
    if (status == CP_OK) {
        status = take_plan(comparison->instance, r, &solution);
        r->info.seconds = cp_wall_seconds() - start;
        cp_solution_free(&solution);
    } else {
        no_plan(r, "no_solution", options.method);
    }
    jobs->status[c] = status;
    if (r->check)
        cp_compare_note("'%s': %.2f a week (%s, %s, gap %.3f%%, %.1f s)", r->config->name,
                        r->check->objective, r->info.status, r->info.method, 100 * r->info.gap,
                        r->info.seconds);
    else
        cp_compare_note("'%s': %s (%s, %.1f s)", r->config->name, r->info.status, r->info.method,
                        r->info.seconds);
    cp_candidates_destroy(candidates);
    if (c == 0)
        jobs->first = NULL;
}

int cp_compare_solve_configs(const cp_options *options, cp_comparison *comparison)
{
    const cp_instance *instance = comparison->instance;
    config_jobs jobs = {.options = options,
                        .comparison = comparison,
                        .status = cp_calloc((size_t)comparison->n_configs, sizeof(int))};
    /* The first configuration's candidates measure what one solve needs. */
    double bytes = 0;
    cp_errors why = {0};
    if (cp_candidates_build(instance, comparison->configs[0].config, &jobs.first, &why) == CP_OK) {
        comparison->standalone_pairs = jobs.first->n_pairs;
        bytes =
            (double)jobs.first->n_pairs *
            (jobs.first->n_pairs <= EXACT_PAIRS ? exact_bytes_per_pair : heuristic_bytes_per_pair);
    } else {
        bytes = (double)instance->n_users * instance->n_services * 4; /* a filter's worst */
    }
    cp_errors_clear(&why);
    int workers = comparison->threads / comparison->solve_threads;
    workers = cp_compare_fit_memory(bytes, workers);
    cp_compare_note("solving %d configurations, %d at a time, %d thread%s each%s",
                    comparison->n_configs, workers, comparison->solve_threads,
                    comparison->solve_threads == 1 ? "" : "s",
                    isfinite(options->time_limit) ? " (time limit per configuration)" : "");
    cp_compare_hush();
    cp_compare_run(comparison->n_configs, workers, solve_one, &jobs);
    cp_compare_unhush();
    int status = CP_OK;
    for (int c = 0; c < comparison->n_configs; c++)
        if (jobs.status[c] != CP_OK)
            status = CP_ERR_INTERNAL;
    cp_candidates_destroy(jobs.first);
    free(jobs.status);
    return status;
}

void cp_compare_free(cp_comparison *comparison)
{
    for (int c = 0; c < comparison->n_configs; c++) {
        cp_config_result *r = &comparison->configs[c];
        for (int p = 0; p < r->n_pools; p++) {
            free(r->pools[p].members);
            free(r->pools[p].shapley_note);
            free(r->pools[p].coalitions);
        }
        free(r->pools);
        free(r->plan);
        cp_check_destroy(r->check);
        free(r->authority_cost);
    }
    free(comparison->configs);
}
