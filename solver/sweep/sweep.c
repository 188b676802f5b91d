/* The sweep on rank 0 (or alone): OUT and its journal, the queue of what is left, the
 * workers, and the results tables from every finished scenario at the end, also after an
 * interrupt, so sweep.csv always shows what is done. */
#define _POSIX_C_SOURCE 200809L
#include "sweep/sweep.h"

#include "io/output_dir.h"
#include "sweep/distribute.h"
#include "sweep/journal.h"
#include "sweep/queue.h"
#include "sweep/ranks.h"
#include "sweep/table.h"
#include "util/alloc.h"
#include "util/interrupt.h"
#include "util/status.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Removes an earlier run's results directory. */
static void remove_run(const char *output, const char *id, cp_errors *errors)
{
    char *directory = cp_sweep_run_directory(output, id);
    if (cp_sweep_remove_directory(directory) != 0 && errno != ENOENT)
        cp_errors_add(errors, "%s: cannot remove the earlier run's results: %s", directory,
                      strerror(errno));
    free(directory);
}

/* OUT (created when absent) and its journal; with restart, the earlier runs removed. */
static int open_output(const cp_sweep_request *request, cp_sweep_journal **journal,
                       cp_errors *errors)
{
    cp_output *probe = cp_output_open(request->output, errors); /* mkdir -p, nothing written */
    if (!probe)
        return CP_ERR_INTERNAL;
    cp_output_abort(probe);
    size_t n = strlen(request->output) + sizeof "/journal.tsv";
    char *path = cp_malloc(n);
    snprintf(path, n, "%s/journal.tsv", request->output);
    int status =
        cp_sweep_journal_open(path, request->plan->fingerprint, request->restart, journal, errors);
    free(path);
    for (int i = 0; status == CP_OK && i < cp_sweep_journal_count_discarded(*journal); i++)
        remove_run(request->output, cp_sweep_journal_discarded(*journal, i), errors);
    return cp_errors_any(errors) && status == CP_OK ? CP_ERR_INTERNAL : status;
}

static int run_workers(cp_sweep_queue *queue, const cp_sweep_request *request, cp_errors *errors)
{
#ifdef CAREPOOL_MPI
    if (cp_sweep_rank_count() > 1)
        return cp_sweep_mpi_lead(queue, request, errors);
#endif
    return cp_sweep_work_here(queue, request, errors);
}

int cp_sweep_run(const cp_sweep_request *request, cp_sweep_outcome *outcome, cp_errors *errors)
{
    *outcome = (cp_sweep_outcome){.total = request->plan->n_scenarios};
#ifdef CAREPOOL_MPI
    if (cp_sweep_rank() > 0) {
        int followed = cp_sweep_mpi_follow(request, errors);
        outcome->interrupted = cp_interrupt_requested();
        return followed;
    }
#endif
    cp_sweep_journal *journal = NULL;
    int status = open_output(request, &journal, errors);
    if (status != CP_OK) {
#ifdef CAREPOOL_MPI
        cp_sweep_mpi_dismiss();
#endif
        cp_sweep_journal_close(journal);
        return status;
    }
    cp_sweep_queue queue;
    cp_sweep_queue_init(&queue, request->plan, journal, request->progress);
    status = run_workers(&queue, request, errors);
    outcome->finished = queue.finished;
    outcome->interrupted = cp_interrupt_requested();
    int written = cp_sweep_write_tables(request->plan, journal, request->output, errors);
    cp_sweep_queue_free(&queue);
    cp_sweep_journal_close(journal);
    return status != CP_OK ? status : written;
}
