/* Method choice and the exact method's warm start. The heuristic comes first in every
 * method: alone (heuristic), or as the start and first bound of branch-and-cut (exact), so
 * that exact never ends without a plan where the heuristic has one. */
#include "app/method.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/commands.h"
#include "core/check.h"
#include "heur/heuristic.h"
#include "mip/solve.h"
#include "util/log.h"
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

/* The moves --work allows on these candidates; 0: no limit. */
static long long work_moves(const cp_options *options, const cp_candidates *c)
{
    return options->work > 0 ? (long long)ceil(options->work * c->n_pairs) : 0;
}

static cp_heur_options heuristic_options(const cp_options *options, const cp_candidates *c,
                                         double time_limit)
{
    cp_heur_options heur = cp_heur_options_default();
    heur.time_limit = time_limit;
    heur.max_moves = work_moves(options, c);
    heur.gap = options->gap;
    heur.seed = (uint64_t)options->seed;
    heur.threads = (int)options->threads;
    return heur;
}

/* "exact" or "heuristic" for auto, with the reason printed. */
static const char *choose(const cp_options *options, const cp_candidates *c)
{
    if (strcmp(options->method, "auto") != 0)
        return options->method;
    const char *why;
    double needed = exact_seconds_per_pair * c->n_pairs;
    if (c->n_pairs > EXACT_MAX_PAIRS || c->n_units > EXACT_MAX_UNITS)
        why = "too large for branch-and-cut; Lagrangian bound and parallel search";
    else if (options->time_limit < needed)
        why = "the time limit is too short for branch-and-cut to better the heuristic";
    else
        why = NULL;
    cp_message("method auto: %s (%d people or groups, %d candidate pairs: %s)",
               why ? "heuristic" : "exact", c->n_units, c->n_pairs,
               why ? why : "small enough for branch-and-cut, started from the heuristic's plan");
    return why ? "heuristic" : "exact";
}

/* Whether plan passes the checker; prints the violations otherwise. */
static bool plan_checks(const cp_candidates *c, const int *plan, const char *method)
{
    cp_check *check = NULL;
    bool ok = cp_check_plan(c->instance, c->config, plan, &check) == 0;
    if (!ok) {
        fprintf(stderr, "internal error: the %s method's plan fails the checker:\n", method);
        cp_app_print_errors(&check->violations);
    }
    cp_check_destroy(check);
    return ok;
}

/* Branch-and-cut from the heuristic's plan; the better plan and the better bound of the two
 * are the answer. */
static int solve_exact(const cp_options *options, const cp_candidates *c, cp_solution *out)
{
    double start = cp_wall_seconds();
    double warm_limit = options->time_limit * warm_start_share;
    cp_heur_options heur = heuristic_options(options, c, warm_limit);
    long long start_moves = 4LL * c->n_pairs + 1000000; /* a start, not a search */
    if (heur.max_moves <= 0 || heur.max_moves > start_moves)
        heur.max_moves = start_moves;
    cp_solution warm;
    cp_heur_solve(c, &heur, &warm, NULL);
    if (warm.service_of_user && !plan_checks(c, warm.service_of_user, "heuristic")) {
        cp_solution_free(&warm);
        return CP_ERR_INTERNAL;
    }
    if (warm.status == CP_STATUS_OPTIMAL || warm.status == CP_STATUS_INFEASIBLE) {
        *out = warm; /* the bound already meets the plan: nothing left to prove */
        return CP_OK;
    }
    cp_mip_options mip = mip_options(options);
    /* GLPK checks the clock between its steps, and some (root cuts on a large model) take a
     * second or more: a tenth of the time left, at most two seconds, is kept in hand. */
    double left = options->time_limit - (cp_wall_seconds() - start);
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

int cp_app_solve(const cp_options *options, const cp_candidates *candidates, cp_solution *out)
{
    const char *method = choose(options, candidates);
    if (strcmp(method, "exact") == 0)
        return solve_exact(options, candidates, out);
    cp_heur_options heur = heuristic_options(options, candidates, options->time_limit);
    return cp_heur_solve(candidates, &heur, out, NULL);
}
