/* What the engine is asked to do, as typed parameters: a solve's method and limits, and a
 * comparison's sharing settings. app/ fills every field from the command line's
 * options (whose table holds the defaults); the engine reads nothing else besides the instance. */
#ifndef CAREPOOL_ENGINE_PARAMS_H
#define CAREPOOL_ENGINE_PARAMS_H

#include <stdbool.h>
#include <stdint.h>

#include "mip/solve.h"

typedef enum cp_method {
    CP_METHOD_AUTO,      /* exact when the instance and the time limit allow, else heuristic */
    CP_METHOD_HEURISTIC, /* Lagrangian bound and parallel tabu search */
    CP_METHOD_EXACT      /* branch-and-cut started from the heuristic's plan */
} cp_method;

typedef struct cp_solve_params {
    cp_method method;
    double time_limit; /* seconds from the solve's start; INFINITY: none */
    double work;       /* the heuristic's moves per candidate pair, all threads; 0: none */
    double gap;        /* stop once the relative gap is at most this */
    cp_formulation formulation;
    cp_cuts cuts;
    cp_branching branching;
    uint64_t seed;
    int threads;        /* the heuristic's threads; 0: one per processor */
    bool solver_output; /* GLPK's own terminal output (to stderr) */
} cp_solve_params;

typedef struct cp_compare_params {
    cp_solve_params solve;   /* each configuration's; its time limit counts from its start */
    int shapley_samples;     /* orders sampled for pools above CP_COMPARE_EXACT_MAX members */
    int shapley_max_members; /* larger pools get proportional shares only */
    double coalition_work;   /* moves per candidate pair of each two-pool solve */
} cp_compare_params;

/* "auto", "heuristic", "exact"; and back (returns false for another name). */
const char *cp_method_name(cp_method method);
bool cp_method_parse(const char *name, cp_method *method);

#endif
