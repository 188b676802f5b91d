/* Method choice, the exact method's warm start and the check of the answer. The heuristic
 * comes first in every method: alone (heuristic), or as the start and first bound of
 * branch-and-cut (exact), so that exact never ends without a plan where the heuristic has
 * one. */
#include "engine/solve.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/check.h"
#include "heur/heuristic.h"
#include "mip/solve.h"
#include "util/alloc.h"
#include "util/log.h"
#include "util/progress.h"
#include "util/status.h"
#include "util/timer.h"

/* Above either size branch-and-cut rarely proves anything within hours (bench/RESULTS.md):
 * auto hands such instances to the heuristic. */
enum { EXACT_MAX_PAIRS = 200000, EXACT_MAX_UNITS = 20000 };

/* Below this many seconds a candidate pair, a time limit leaves branch-and-cut no time to
 * better the heuristic's start (wla, 89,665 pairs: optimal in 12 s; with 5 s exact returns
 * its start, 0.5% above the heuristic's plan of the same 5 s). */
static const double exact_seconds_per_pair = 1e-4;

/* Share of the time limit the exact method's warm start may take. */
static const double warm_start_share = 0.2;

static cp_mip_options mip_options(const cp_solve_params *params)
{
    cp_mip_options mip = cp_mip_options_default();
    mip.time_limit = params->time_limit;
    mip.gap = params->gap;
    mip.formulation = params->formulation;
    mip.cuts = params->cuts;
    mip.branching = params->branching;
    mip.solver_output = params->solver_output;
    return mip;
}

/* The moves --work allows on these candidates; 0: no limit. */
static long long work_moves(const cp_solve_params *params, const cp_candidates *c)
{
    return params->work > 0 ? (long long)ceil(params->work * c->n_pairs) : 0;
}

static cp_heur_options heuristic_options(const cp_solve_params *params, const cp_candidates *c,
                                         double time_limit)
{
    cp_heur_options heur = cp_heur_options_default();
    heur.time_limit = time_limit;
    heur.max_moves = work_moves(params, c);
    heur.gap = params->gap;
    heur.seed = params->seed;
    heur.threads = cp_engine_threads(params);
    return heur;
}

/* exact or heuristic for auto, with the reason printed. */
static cp_method choose(const cp_solve_params *params, const cp_candidates *c)
{
    if (params->method != CP_METHOD_AUTO)
        return params->method;
    const char *why;
    double needed = exact_seconds_per_pair * c->n_pairs;
    if (c->n_pairs > EXACT_MAX_PAIRS || c->n_units > EXACT_MAX_UNITS)
        why = "too large for branch-and-cut; Lagrangian bound and parallel search";
    else if (params->time_limit < needed)
        why = "the time limit is too short for branch-and-cut to better the heuristic";
    else
        why = NULL;
    cp_message("method auto: %s (%d people or groups, %d candidate pairs: %s)",
               why ? "heuristic" : "exact", c->n_units, c->n_pairs,
               why ? why : "small enough for branch-and-cut, started from the heuristic's plan");
    return why ? CP_METHOD_HEURISTIC : CP_METHOD_EXACT;
}

/* Checks plan; on violations hands the check to out (the caller reports them) and returns
 * false. */
static bool plan_checks(const cp_candidates *c, const int *plan, const char *method,
                        cp_solve_result *out)
{
    cp_check *check = NULL;
    if (cp_check_plan(c->instance, c->config, plan, &check) == 0) {
        cp_check_destroy(check);
        return true;
    }
    *out = cp_solve_result_none(CP_STATUS_NO_SOLUTION, method);
    out->check = check;
    return false;
}

/* Branch-and-cut from the heuristic's plan; the better plan and the better bound of the two
 * are the answer. Returns CP_ERR_INTERNAL with *failed filled when the heuristic's plan
 * fails the checker. */
static int solve_exact(const cp_solve_params *params, const cp_candidates *c, cp_solution *out,
                       cp_solve_result *failed)
{
    double start = cp_wall_seconds();
    double warm_limit = params->time_limit * warm_start_share;
    cp_heur_options heur = heuristic_options(params, c, warm_limit);
    long long start_moves = 4LL * c->n_pairs + 1000000; /* a start, not a search */
    if (heur.max_moves <= 0 || heur.max_moves > start_moves)
        heur.max_moves = start_moves;
    cp_solution warm;
    cp_heur_solve(c, &heur, &warm, NULL);
    if (warm.service_of_user && !plan_checks(c, warm.service_of_user, "heuristic", failed)) {
        cp_solution_free(&warm);
        return CP_ERR_INTERNAL;
    }
    if (warm.status == CP_STATUS_OPTIMAL || warm.status == CP_STATUS_INFEASIBLE) {
        *out = warm; /* the bound already meets the plan: nothing left to prove */
        return CP_OK;
    }
    cp_mip_options mip = mip_options(params);
    /* GLPK checks the clock between its steps, and some (root cuts on a large model) take a
     * second or more: a tenth of the time left, at most two seconds, is kept in hand. */
    double left = params->time_limit - (cp_wall_seconds() - start);
    mip.time_limit = fmax(left - fmin(0.1 * left, 2), 0.001);
    mip.start = warm.service_of_user;
    mip.known_bound = warm.bound;
    int status = cp_mip_solve(c, &mip, out);
    if (status != CP_OK && !warm.service_of_user) {
        cp_solution_free(&warm);
        return status;
    }
    if (status != CP_OK)
        cp_warning("the heuristic's plan is reported"); /* after GLPK's own failure */
    out->bound = fmax(out->bound, warm.bound);
    if (warm.service_of_user && (!out->service_of_user || warm.objective < out->objective)) {
        /* branch-and-cut ended before it took the start (or found nothing better) */
        free(out->service_of_user);
        out->service_of_user = warm.service_of_user;
        out->objective = warm.objective;
        warm.service_of_user = NULL;
        if (out->status == CP_STATUS_NO_SOLUTION)
            out->status = CP_STATUS_FEASIBLE;
    }
    out->moves_evaluated = warm.moves_evaluated;
    out->first_plan_seconds = isfinite(warm.first_plan_seconds)
                                  ? warm.first_plan_seconds
                                  : warm.seconds + out->first_plan_seconds;
    out->seconds = cp_wall_seconds() - start;
    cp_solution_free(&warm);
    return CP_OK;
}

int cp_engine_threads(const cp_solve_params *params)
{
    return cp_heur_threads(params->threads);
}

/* Checks solution's plan and moves it into *out with the run's figures. */
static int take(const cp_solve_params *params, const cp_candidates *c, cp_solution *solution,
                cp_solve_result *out)
{
    cp_check *check = NULL;
    if (solution->service_of_user &&
        cp_check_plan(c->instance, c->config, solution->service_of_user, &check) > 0) {
        *out = cp_solve_result_none(CP_STATUS_NO_SOLUTION, solution->method);
        out->check = check;
        return CP_ERR_INTERNAL;
    }
    *out = (cp_solve_result){.status = solution->status,
                             .plan = solution->service_of_user,
                             .check = check,
                             .info = {.status = cp_solution_status_name(solution->status),
                                      .method = solution->method,
                                      .seconds = solution->seconds,
                                      .seed = params->seed,
                                      .threads = cp_engine_threads(params),
                                      .bound = solution->bound,
                                      .gap = INFINITY,
                                      .moves_evaluated = solution->moves_evaluated,
                                      .first_plan_seconds = solution->first_plan_seconds}};
    solution->service_of_user = NULL;
    if (check) {
        /* The checker's value is the one reported; a bound never exceeds it. */
        out->info.bound = fmin(out->info.bound, check->objective);
        out->info.gap = cp_relative_gap(check->objective, out->info.bound);
    }
    return CP_OK;
}

int cp_engine_solve(const cp_solve_params *params, const cp_candidates *candidates,
                    cp_solve_result *out)
{
    cp_solution solution;
    int status;
    if (choose(params, candidates) == CP_METHOD_EXACT) {
        status = solve_exact(params, candidates, &solution, out);
        if (status != CP_OK && out->check)
            return status; /* the warm start failed the checker */
    } else {
        cp_heur_options heur = heuristic_options(params, candidates, params->time_limit);
        status = cp_heur_solve(candidates, &heur, &solution, NULL);
    }
    if (status != CP_OK) {
        *out = cp_solve_result_none(CP_STATUS_NO_SOLUTION, cp_method_name(params->method));
        return status;
    }
    status = take(params, candidates, &solution, out);
    cp_solution_free(&solution);
    return status;
}

cp_solve_result cp_solve_result_none(cp_solution_status status, const char *method)
{
    return (cp_solve_result){.status = status,
                             .info = {.status = cp_solution_status_name(status),
                                      .method = method,
                                      .bound = INFINITY,
                                      .gap = INFINITY,
                                      .first_plan_seconds = INFINITY}};
}

void cp_solve_result_free(cp_solve_result *result)
{
    if (!result)
        return;
    free(result->plan);
    cp_check_destroy(result->check);
    result->plan = NULL;
    result->check = NULL;
}
