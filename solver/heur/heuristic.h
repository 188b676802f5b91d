/* The heuristic method: a Lagrangian lower bound (heur/lagrange.h) and a parallel tabu
 * search (heur/search.h) guided by it, alternated in rounds of fixed work until the time
 * limit, the gap, a signal, or a stall. Every answer carries the bound. */
#ifndef CAREPOOL_HEUR_HEURISTIC_H
#define CAREPOOL_HEUR_HEURISTIC_H

#include <stdint.h>

#include "core/candidates.h"
#include "core/solution.h"

typedef struct cp_heur_options {
    double time_limit;       /* seconds; INFINITY: until the search stalls */
    double gap;              /* stop once the relative gap is at most this */
    uint64_t seed;
    int threads;             /* >= 1 */
    double progress_seconds; /* interval between progress rows */
    long long max_moves;     /* work budget (moves evaluated, all threads); <= 0: none */
} cp_heur_options;

cp_heur_options cp_heur_options_default(void);

/* The threads to use for a request: requested when > 0, else one per processor. */
int cp_heur_threads(int requested);

/* What the run did, for reports and benchmarks. */
typedef struct cp_heur_stats {
    long long moves_evaluated;
    long lagrange_iterations;
    int rounds;
    double first_plan_seconds; /* when the first feasible plan was found; INFINITY: none */
} cp_heur_stats;

/* Solves and fills *out (status, plan, objective, bound, seconds, method "heuristic") and
 * *stats (may be NULL). The status is optimal when the gap closed to options->gap, feasible
 * with a plan otherwise, infeasible when the bound proves that no plan meets the capacities,
 * no_solution when no feasible plan was found. Deterministic for a given instance, seed and
 * thread count unless the time limit or a signal ends the run. Returns CP_OK. The caller
 * frees the plan with cp_solution_free. */
int cp_heur_solve(const cp_candidates *candidates, const cp_heur_options *options,
                  cp_solution *out, cp_heur_stats *stats);

#endif
