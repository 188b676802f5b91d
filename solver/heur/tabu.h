/* One thread's search: a tabu search over shifts and swaps with adaptive penalties for
 * infeasibility (capacity, minimum occupancy, market share), in the manner of Diaz and
 * Fernandez (2001) and Yagiura, Ibaraki and Glover (2004), made to scale by taking units in
 * turn: a unit's best admissible move is made at once when it improves the penalised score;
 * after `window` units in a row without one, the best admissible move among them is made (an
 * escape: the plan may get worse) and the penalty weights adapt (up on violated services and
 * pools when the plan is infeasible and cheaper than the best feasible one, all down
 * otherwise). A unit may not go back to the pair it left for a random tenure.
 *
 * Everything depends only on the start, the seed and the stream: no clock is read except to
 * stop. */
#ifndef CAREPOOL_HEUR_TABU_H
#define CAREPOOL_HEUR_TABU_H

#include <stdbool.h>
#include <stdint.h>

#include "heur/moves.h"
#include "heur/state.h"

typedef struct cp_tabu_setup {
    const cp_state_model *model;
    const int *movable; /* units with a choice */
    int n_movable;
    cp_scan scan; /* the neighbourhood (order, rank, targets, compound moves); the tabu marks
                     and aspiration are the search's own */
    int window;            /* units evaluated without an improving move before an escape */
    int tenure;            /* tabu tenure draws are in [tenure, 2 tenure] moves */
    double start_scale;    /* the penalty scale starts at this times the model's cost_scale */
    double raise;          /* violated weights grow by up to this fraction at a local optimum */
    double lower;          /* all weights shrink by this factor at a local optimum (1: never) */
    int chain_starts;      /* at a local optimum, ejection chains (heur/chain.h) from this many
                              random units are tried before the escape (0: none) */
} cp_tabu_setup;

/* When to stop early: *flag (shared by the threads) becomes non-zero when the deadline
 * passes (1) or an interrupt is asked for (2). */
typedef struct cp_tabu_stop {
    double deadline;
    int *flag;
} cp_tabu_stop;

/* How a plan ranks: feasible before infeasible; feasible by objective; infeasible by number of
 * violations, then their size, then objective. */
typedef struct cp_rank {
    bool feasible;
    int violations;
    double violation;
    double objective;
} cp_rank;

/* Whether a is strictly better than b (objectives compared with a small tolerance). */
bool cp_rank_better(const cp_rank *a, const cp_rank *b);

typedef struct cp_tabu cp_tabu;

/* A search starting at plan, drawing from stream `stream` of seed. setup (and what it points
 * to) must outlive it. Free with cp_tabu_destroy (accepts NULL). */
cp_tabu *cp_tabu_create(const cp_tabu_setup *setup, const int *plan, uint64_t seed,
                        uint64_t stream);
void cp_tabu_destroy(cp_tabu *tabu);

/* Searches until about budget more moves are evaluated (it stops after the unit under way) or
 * stop says so. Returns the moves evaluated. */
long long cp_tabu_run(cp_tabu *tabu, long long budget, const cp_tabu_stop *stop);

/* The best plan met so far and its rank; plan may be NULL. */
cp_rank cp_tabu_best(const cp_tabu *tabu, int *plan);

/* Continues from plan (taken as the best so far) after `kicks` random shifts. */
void cp_tabu_restart(cp_tabu *tabu, const int *plan, int kicks);

#endif
