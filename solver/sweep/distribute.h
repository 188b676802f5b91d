/* Handing a sweep's scenarios to its workers: this process's own (work_here), and, in an MPI
 * build, the other ranks (sweep/mpi/distribute.c). */
#ifndef CAREPOOL_SWEEP_DISTRIBUTE_H
#define CAREPOOL_SWEEP_DISTRIBUTE_H

#include "sweep/queue.h"
#include "sweep/sweep.h"

/* Takes scenarios from queue until none is left or the queue stops, solving each into
 * OUT/runs/ID and recording it. An interrupted solve is not recorded (the next run redoes it)
 * and stops the queue. Returns CP_OK or the journal's error. */
int cp_sweep_work_here(cp_sweep_queue *queue, const cp_sweep_request *request, cp_errors *errors);

/* Removes a results directory: its files, then itself. Returns 0, or -1 with errno set when
 * the directory remains. */
int cp_sweep_remove_directory(const char *directory);

/* The path OUT/runs/ID (caller frees). */
char *cp_sweep_run_directory(const char *output, const char *id);

#ifdef CAREPOOL_MPI
/* Rank 0: hands scenarios to the other ranks as they ask, and solves some itself on a second
 * thread, until the queue is empty and every rank has been told to stop. */
int cp_sweep_mpi_lead(cp_sweep_queue *queue, const cp_sweep_request *request, cp_errors *errors);

/* The other ranks: solve what rank 0 hands out into a private temporary directory and send
 * the files to rank 0, until told to stop or interrupted. */
int cp_sweep_mpi_follow(const cp_sweep_request *request, cp_errors *errors);

/* Rank 0, when it cannot lead (OUT unusable): tells every other rank to stop. */
void cp_sweep_mpi_dismiss(void);
#endif

#endif
