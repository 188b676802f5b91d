/* The parallel local search of the heuristic method: from a constructed or given plan, one
 * tabu search per OpenMP thread (heur/tabu.h), each on its own copy of the plan and its own
 * random stream. The threads meet every fixed amount of work: the best plan so far is taken
 * by (rank, thread index), and a thread whose own best has not improved for a few meetings
 * starts again from it after a random kick, or, given an elite pool (heur/elite.h) on a small
 * instance, from a point on a path between two plans of the pool, which is offered the
 * threads' bests at every meeting. The plan returned depends only on the instance, the start,
 * the guide, the seed, the thread count and the pool, unless the clock or a signal stopped the
 * search. */
#ifndef CAREPOOL_HEUR_SEARCH_H
#define CAREPOOL_HEUR_SEARCH_H

#include <stdbool.h>
#include <stdint.h>

#include "core/candidates.h"
#include "heur/elite.h"
#include "heur/state.h"

typedef struct cp_search_params {
    uint64_t seed;
    uint64_t first_stream; /* thread t draws from stream first_stream + t of seed: a caller
                              running several searches gives each its own streams */
    int threads;         /* OpenMP threads to use (>= 1) */
    double deadline;     /* cp_wall_seconds() value at which to stop; INFINITY: none */
    long long max_moves; /* stop after this many moves evaluated, summed over threads; <= 0: none */
    const double *guide; /* per pair, lower is better (NULL: the pair's own cost) */
    const double *guide_unplaced; /* per unit (NULL: the unit's own unplaced cost) */
    bool construct_too; /* with a start: also build a plan from the guide, and start from the
                           better of the two */
    void (*on_meeting)(void *context, double objective); /* NULL, or called by one thread at
                                                            every meeting with the best
                                                            feasible value (INFINITY: none) */
    void *context;
    const cp_state_model *model; /* cp_state_model_create(candidates), to reuse it across runs;
                                    NULL: built and freed here */
    cp_elite *elite; /* NULL, or a pool of good plans of this instance kept across runs: see
                        above */
} cp_search_params;

/* Stop reasons. */
enum { CP_SEARCH_WORK = 0, CP_SEARCH_DEADLINE = 1, CP_SEARCH_INTERRUPT = 2 };

typedef struct cp_search_result {
    int *pair_of_unit; /* n_units entries: a pair index, or -1 for unplaced; caller frees */
    double objective;  /* the full objective (as core/check.c computes it), INFINITY if no
                          feasible plan */
    bool feasible;
    long long moves_evaluated;
    int stopped_by; /* CP_SEARCH_WORK (work budget, or no better plan for STALL_EPOCHS meetings
                       when no other limit is set), _DEADLINE, or _INTERRUPT (util/interrupt.h) */
} cp_search_result;

/* The search params with no limit, one thread, seed 1 and no guide. */
cp_search_params cp_search_defaults(void);

/* Builds a plan (heur/construct.h) when start is NULL (or construct_too), else starts from
 * start (pair per unit, or -1), then improves it until a stop rule; always returns the best
 * feasible plan found (or the least infeasible if none). With neither max_moves nor a deadline it stops once the best
 * plan has not improved for a while. */
void cp_search_run(const cp_candidates *candidates, const int *start,
                   const cp_search_params *params, cp_search_result *result);

#endif
