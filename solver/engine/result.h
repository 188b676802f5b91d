/* A solve's answer as it is reported: the plan, the independent checker's verdict on it and
 * what the run knows besides (status, method, bound, gap, work). Reports read these, never a
 * method's internals. */
#ifndef CAREPOOL_ENGINE_RESULT_H
#define CAREPOOL_ENGINE_RESULT_H

#include <stdint.h>

#include "core/check.h"
#include "core/solution.h"

/* What the run knows besides the plan; strings are static. */
typedef struct cp_run_info {
    const char *status; /* "optimal", "feasible", ... (cp_solution_status_name) */
    const char *method; /* "exact", "heuristic", "filters" ... */
    double seconds;     /* wall time of the method */
    uint64_t seed;
    int threads;
    double bound; /* a lower bound on the optimum; not finite when unknown (JSON null) */
    double gap;   /* relative gap; not finite when unknown (JSON null) */
    long long moves_evaluated; /* the heuristic's work: moves evaluated, all threads */
    double first_plan_seconds; /* when the first feasible plan was found; not finite: none */
} cp_run_info;

typedef struct cp_solve_result {
    cp_solution_status status;
    int *plan;       /* service per user (CP_NONE unplaced); NULL without a plan */
    cp_check *check; /* the checker's results on plan; NULL without a plan */
    cp_run_info info;
} cp_solve_result;

/* A result without a plan: status (infeasible or no solution) found by method. */
cp_solve_result cp_solve_result_none(cp_solution_status status, const char *method);

/* Frees the plan and the check; the struct itself is the caller's. Accepts NULL. */
void cp_solve_result_free(cp_solve_result *result);

#endif
