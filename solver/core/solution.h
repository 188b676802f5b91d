/* What a solution method hands back: a plan (a service per person) and what it knows of
 * its quality. Reports never read solver internals, only this and the checker's results. */
#ifndef CAREPOOL_CORE_SOLUTION_H
#define CAREPOOL_CORE_SOLUTION_H

typedef enum cp_solution_status {
    CP_STATUS_OPTIMAL,    /* plan proven optimal (within the requested gap) */
    CP_STATUS_FEASIBLE,   /* plan found, optimality not proven */
    CP_STATUS_INFEASIBLE, /* proven: no feasible plan exists */
    CP_STATUS_NO_SOLUTION /* no plan found within the limits */
} cp_solution_status;

typedef struct cp_solution {
    cp_solution_status status;
    int n_users;
    int *service_of_user; /* n_users entries, CP_NONE for unplaced; NULL without a plan */
    double objective;     /* the method's own value of the plan (the checker's is reported) */
    double bound;         /* a valid lower bound on the optimum; -INFINITY when unknown */
    double seconds;       /* wall time of the method */
    const char *method;   /* "exact", ... (static string) */
    long long moves_evaluated; /* the heuristic's work (0 for exact alone) */
    double first_plan_seconds; /* when the first feasible plan was found; INFINITY: none */
} cp_solution;

/* "optimal", "feasible", "infeasible", "no_solution" (the summary.json values). */
const char *cp_solution_status_name(cp_solution_status status);

/* Frees the plan; the struct itself is the caller's. Accepts NULL. */
void cp_solution_free(cp_solution *solution);

#endif
