/* The configurations' solves of compare: each one filters, solves with the solve command's
 * method and options, passes the independent checker and has its cost attributed to the
 * authorities. Solves run side by side as memory allows, each on a thread count fixed by
 * --threads and the number of configurations alone, so results never depend on the memory
 * free or the machine's load (only time-limited ones on its speed). */
#include "engine/compare.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "core/attribute.h"
#include "core/candidates.h"
#include "engine/solve.h"
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
    const cp_compare_params *params;
    cp_comparison *comparison;
    cp_candidates *first; /* configs[0]'s, built before the workers start */
    int *status;          /* per configuration: CP_OK or an error status */
} config_jobs;

/* Moves result's plan into r and attributes its cost to the authorities. */
static void take_plan(const cp_instance *instance, cp_config_result *r, cp_solve_result *result)
{
    r->info = result->info;
    r->plan = result->plan;
    r->check = result->check;
    result->plan = NULL;
    result->check = NULL;
    if (!r->plan)
        return;
    r->authority_cost = cp_malloc((size_t)instance->n_authorities * sizeof *r->authority_cost);
    cp_attribute_costs(instance, r->config, r->plan, r->check, r->authority_cost);
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
        r->info = cp_solve_result_none(CP_STATUS_INFEASIBLE, "filters").info;
        jobs->status[c] = CP_OK;
        return;
    }
    cp_solve_params params = jobs->params->solve;
    params.threads = comparison->solve_threads;
    params.time_limit = fmax(params.time_limit - (cp_wall_seconds() - start), 0.001);
    cp_solve_result result;
    int status = cp_engine_solve(&params, candidates, &result);
    if (status == CP_OK) {
        take_plan(comparison->instance, r, &result);
        r->info.seconds = cp_wall_seconds() - start;
    } else if (result.check) {
        cp_compare_note("internal error: the %s method's plan for '%s' fails the checker: %s",
                        result.info.method, r->config->name, result.check->violations.lines[0]);
        r->info = cp_solve_result_none(CP_STATUS_NO_SOLUTION, result.info.method).info;
    } else {
        r->info = result.info;
    }
    cp_solve_result_free(&result);
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

int cp_compare_solve_configs(const cp_compare_params *params, cp_comparison *comparison)
{
    const cp_instance *instance = comparison->instance;
    config_jobs jobs = {.params = params,
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
                    isfinite(params->solve.time_limit) ? " (time limit per configuration)" : "");
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
