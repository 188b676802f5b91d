/* carepool sweep's engine room: run every scenario of a plan that has not finished yet, each
 * into OUT/runs/ID, recording each in the journal as it finishes, on one process or spread
 * over MPI's ranks (sweep/ranks.h), then write the results tables (sweep/table.h). What a
 * scenario's solve is, the caller says: this layer knows plans, journals and ranks only. */
#ifndef CAREPOOL_SWEEP_SWEEP_H
#define CAREPOOL_SWEEP_SWEEP_H

#include <stdbool.h>

#include "sweep/plan.h"
#include "util/errors.h"

/* Solves scenario into the results directory directory (which it creates, writing its files
 * atomically) and returns its exit status (util/status.h). Called by one thread at a time. */
typedef int (*cp_sweep_solve_fn)(const cp_sweep_scenario *scenario, const char *directory,
                                 void *context);

typedef struct cp_sweep_request {
    const cp_sweep_plan *plan; /* scenario sizes set: the larger run first */
    const char *output;        /* OUT */
    bool restart;              /* discard the results of an earlier sweep into OUT */
    bool progress;             /* a line on stderr as each scenario finishes */
    cp_sweep_solve_fn solve;
    void *context;
} cp_sweep_request;

typedef struct cp_sweep_outcome {
    int total;        /* scenarios in the plan */
    int finished;     /* recorded in the journal, this run or before */
    bool interrupted; /* SIGINT or SIGTERM stopped the sweep before the end */
} cp_sweep_outcome;

/* On rank 0 (or without MPI): runs the sweep and writes OUT/sweep.csv and
 * OUT/sweep_authorities.csv for every finished scenario. On the other ranks: solves what
 * rank 0 hands out and writes nothing under OUT. Returns CP_OK (also when interrupted: see
 * outcome), CP_ERR_INPUT (OUT holds another plan's sweep and restart is false) or
 * CP_ERR_INTERNAL, with messages in errors. */
int cp_sweep_run(const cp_sweep_request *request, cp_sweep_outcome *outcome, cp_errors *errors);

#endif
