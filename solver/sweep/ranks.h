/* The processes of a sweep: one, or the ranks of an MPI job when carepool is built with
 * -DCAREPOOL_MPI=ON and started by mpirun. Rank 0 leads: it alone writes OUT. */
#ifndef CAREPOOL_SWEEP_RANKS_H
#define CAREPOOL_SWEEP_RANKS_H

#include "util/errors.h"

/* Starts MPI where built with it. Without MPI, refuses (CP_ERR_INPUT) when the environment
 * shows that mpirun started several copies, which would each run the whole plan. */
int cp_sweep_ranks_start(cp_errors *errors);

/* This process's rank (0 leads) and the number of ranks. */
int cp_sweep_rank(void);
int cp_sweep_rank_count(void);

/* Ends MPI where it was started. */
void cp_sweep_ranks_stop(void);

#endif
