/* The exact method: the placement integer program solved by GLPK's branch-and-cut. */
#ifndef CAREPOOL_MIP_SOLVE_H
#define CAREPOOL_MIP_SOLVE_H

#include <stdbool.h>

#include "core/candidates.h"
#include "core/solution.h"

typedef enum cp_formulation {
    /* x[k,s] <= open[s] for every pair at a candidate service and x[k,s] <= contract[p,r]
     * for every pair: the LP relaxation then prices fixed and contract costs per pair. */
    CP_FORMULATION_STRONG,
    /* big-M only: capacity x open[s], and one aggregated row per contract (for comparison) */
    CP_FORMULATION_WEAK
} cp_formulation;

typedef enum cp_cuts {
    CP_CUTS_NONE,    /* GLPK's default: no cut generators */
    CP_CUTS_DEFAULT, /* MIR, cover and clique */
    CP_CUTS_ALL      /* also Gomory mixed-integer cuts */
} cp_cuts;

typedef enum cp_branching {
    CP_BRANCHING_DECISIONS, /* fractional open, contract and tier columns first */
    CP_BRANCHING_GLPK       /* GLPK's default rule on every column */
} cp_branching;

typedef struct cp_mip_options {
    double time_limit;  /* seconds; INFINITY for none */
    double gap;         /* stop when the relative gap is at most this (0: prove optimality) */
    cp_formulation formulation;
    cp_cuts cuts;
    cp_branching branching;
    bool solver_output; /* GLPK's own terminal output (to stderr) */
    double progress_seconds; /* interval between progress rows */
    /* A feasible plan to start from (service per user, CP_NONE unplaced; checked by the
     * caller), handed to branch-and-cut as its first incumbent; NULL: none. */
    const int *start;
    double known_bound; /* a lower bound proven elsewhere (-INFINITY: none) */
} cp_mip_options;

cp_mip_options cp_mip_options_default(void);

/* Solves and fills *out (status, plan, objective, bound, seconds, method "exact"). Time limit,
 * gap and SIGINT/SIGTERM end the search with the best plan found. The plan may be the start
 * plan itself when nothing better was found; when the search ends before branch-and-cut
 * begins (the time limit during the LP relaxation), there is no plan even with a start. Returns CP_OK whatever the
 * outcome (see out->status), or CP_ERR_INTERNAL when GLPK fails. The caller frees the plan
 * with cp_solution_free. */
int cp_mip_solve(const cp_candidates *candidates, const cp_mip_options *options,
                 cp_solution *out);

#endif
