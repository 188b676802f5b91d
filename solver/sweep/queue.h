/* The scenarios still to run, handed out largest first to whichever worker asks, and the
 * record of each as it finishes: the journal entry, and a progress line (done/total, elapsed,
 * estimated time left). Safe to share between threads. */
#ifndef CAREPOOL_SWEEP_QUEUE_H
#define CAREPOOL_SWEEP_QUEUE_H

#include <pthread.h>
#include <stdbool.h>

#include "sweep/journal.h"
#include "sweep/plan.h"

typedef struct cp_sweep_queue {
    const cp_sweep_plan *plan;
    cp_sweep_journal *journal;
    int *pending; /* scenario indices, largest first */
    int n_pending, next;
    int total, finished;             /* scenarios of the plan; finished so far, all runs */
    double size_left, size_done_now; /* for the estimate: sizes still to run, run now */
    double start;                    /* wall clock at the queue's creation */
    bool stopped, progress;
    pthread_mutex_t lock;
} cp_sweep_queue;

/* The scenarios of plan that journal does not record, largest size first (then plan order).
 * progress: print a line on stderr as each finishes. */
void cp_sweep_queue_init(cp_sweep_queue *queue, const cp_sweep_plan *plan,
                         cp_sweep_journal *journal, bool progress);
void cp_sweep_queue_free(cp_sweep_queue *queue);

/* The next scenario's index, or -1 when none is left or the queue was stopped. */
int cp_sweep_queue_take(cp_sweep_queue *queue);

/* Records scenario s as finished with exit_status (journal, synced) and prints progress.
 * Returns CP_OK, or CP_ERR_INTERNAL (the journal cannot be written) after stopping the queue. */
int cp_sweep_queue_finish(cp_sweep_queue *queue, int s, int exit_status, cp_errors *errors);

/* No scenario is handed out after this (an interrupt, an error). */
void cp_sweep_queue_stop(cp_sweep_queue *queue);

#endif
