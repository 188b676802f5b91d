/* Scenarios over MPI's ranks. Each other rank asks rank 0 for work with a header message,
 * which also carries its last result (followed by the result's files as a bundle); rank 0
 * answers with the next scenario, largest first, or -1 to stop. So the next scenario goes to
 * whichever rank is free, and only rank 0 writes OUT and the journal. Waiting is polled with
 * short sleeps, because a blocking MPI receive spins a core that a solve could use. */
#define _POSIX_C_SOURCE 200809L
#include "sweep/distribute.h"

#include "sweep/mpi/bundle.h"
#include "sweep/ranks.h"
#include "util/alloc.h"
#include "util/interrupt.h"
#include "util/status.h"

#include <limits.h>
#include <mpi.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

enum { TAG_HEADER = 1, TAG_BUNDLE = 2, TAG_ASSIGN = 3 };

/* What a worker's header says: ready for its first scenario, a result (then a bundle), or
 * gone (interrupted or failed: it asks for nothing more). */
enum { READY = 0, RESULT = 1, GONE = 2 };

typedef struct header {
    long long kind, scenario, exit_status, length;
} header;

/* Waits for a message from source with tag. When queue is given, an interrupt stops it. */
static void wait_for(int source, int tag, cp_sweep_queue *queue, MPI_Status *status)
{
    const struct timespec pause = {0, 1000000}; /* 1 ms */
    int arrived = 0;
    for (;;) {
        MPI_Iprobe(source, tag, MPI_COMM_WORLD, &arrived, status);
        if (arrived)
            return;
        if (queue && cp_interrupt_requested())
            cp_sweep_queue_stop(queue);
        nanosleep(&pause, NULL);
    }
}

/* Rank 0 receives a result: its files into OUT/runs/ID, then the journal. Without a queue
 * (dismissing), the bytes are received and dropped. */
static int receive_result(const header *h, int source, cp_sweep_queue *queue,
                          const cp_sweep_request *request, cp_errors *errors)
{
    char *bytes = cp_malloc((size_t)h->length + 1);
    MPI_Recv(bytes, (int)h->length, MPI_BYTE, source, TAG_BUNDLE, MPI_COMM_WORLD,
             MPI_STATUS_IGNORE);
    int status = CP_OK;
    if (queue && h->scenario >= 0 && h->scenario < request->plan->n_scenarios) {
        int s = (int)h->scenario;
        char *directory = cp_sweep_run_directory(request->output, request->plan->scenarios[s].id);
        status = cp_bundle_unpack(bytes, (size_t)h->length, directory, errors);
        if (status == CP_OK)
            status = cp_sweep_queue_finish(queue, s, (int)h->exit_status, errors);
        free(directory);
    }
    free(bytes);
    return status;
}

/* Rank 0's main thread: answers every other rank until each has been told to stop or is
 * gone. queue NULL: there is nothing to hand out (rank 0 could not open OUT). */
static int serve(cp_sweep_queue *queue, const cp_sweep_request *request, cp_errors *errors)
{
    int status = CP_OK;
    for (int active = cp_sweep_rank_count() - 1; active > 0;) {
        MPI_Status probe;
        wait_for(MPI_ANY_SOURCE, TAG_HEADER, queue, &probe);
        header h;
        MPI_Recv(&h, 4, MPI_LONG_LONG, probe.MPI_SOURCE, TAG_HEADER, MPI_COMM_WORLD,
                 MPI_STATUS_IGNORE);
        if (h.kind == RESULT &&
            receive_result(&h, probe.MPI_SOURCE, queue, request, errors) != CP_OK) {
            status = CP_ERR_INTERNAL;
            cp_sweep_queue_stop(queue);
        }
        if (h.kind == GONE) {
            active--;
            continue;
        }
        int next = queue ? cp_sweep_queue_take(queue) : -1;
        MPI_Send(&next, 1, MPI_INT, probe.MPI_SOURCE, TAG_ASSIGN, MPI_COMM_WORLD);
        if (next < 0)
            active--;
    }
    return status;
}

typedef struct local_work {
    cp_sweep_queue *queue;
    const cp_sweep_request *request;
    cp_errors errors;
    int status;
} local_work;

static void *work_here(void *argument)
{
    local_work *work = argument;
    work->status = cp_sweep_work_here(work->queue, work->request, &work->errors);
    return NULL;
}

int cp_sweep_mpi_lead(cp_sweep_queue *queue, const cp_sweep_request *request, cp_errors *errors)
{
    local_work local = {.queue = queue, .request = request};
    pthread_t thread;
    bool threaded = pthread_create(&thread, NULL, work_here, &local) == 0;
    int status = serve(queue, request, errors);
    if (threaded)
        pthread_join(thread, NULL);
    for (size_t i = 0; i < local.errors.count; i++)
        cp_errors_add(errors, "%s", local.errors.lines[i]);
    cp_errors_clear(&local.errors);
    return status != CP_OK ? status : threaded ? local.status : CP_OK;
}

void cp_sweep_mpi_dismiss(void)
{
    serve(NULL, NULL, NULL);
}

/* A private temporary directory for one scenario's results (caller removes and frees). */
static char *temporary_directory(void)
{
    const char *base = getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp";
    char *path = cp_malloc(strlen(base) + sizeof "/carepool-sweep-XXXXXX");
    sprintf(path, "%s/carepool-sweep-XXXXXX", base);
    if (!mkdtemp(path)) {
        free(path);
        return NULL;
    }
    return path;
}

/* Solves scenario s in a temporary directory and packs its files into *bytes. Returns the
 * header to send: a result, or gone when interrupted or the files could not be read. */
static header solve_here(const cp_sweep_request *request, int s, char **bytes, cp_errors *errors)
{
    header h = {.kind = GONE, .scenario = s};
    char *temporary = temporary_directory();
    if (!temporary) {
        cp_errors_add(errors, "sweep: cannot create a temporary directory for a scenario");
        return h;
    }
    const cp_sweep_scenario *scenario = &request->plan->scenarios[s];
    char *directory = cp_sweep_run_directory(temporary, scenario->id);
    h.exit_status = request->solve(scenario, directory, request->context);
    size_t length = 0;
    if (!cp_interrupt_requested() && cp_bundle_pack(directory, bytes, &length, errors) == CP_OK) {
        if (length <= INT_MAX) {
            h.kind = RESULT;
            h.length = (long long)length;
        } else {
            cp_errors_add(errors, "sweep: scenario '%s': results too large to send", scenario->id);
        }
    }
    cp_sweep_remove_directory(directory);
    char *runs = cp_sweep_run_directory(temporary, "");
    cp_sweep_remove_directory(runs);
    cp_sweep_remove_directory(temporary);
    free(runs);
    free(directory);
    free(temporary);
    return h;
}

int cp_sweep_mpi_follow(const cp_sweep_request *request, cp_errors *errors)
{
    header h = {.kind = READY, .scenario = -1};
    char *bytes = NULL;
    for (;;) {
        MPI_Send(&h, 4, MPI_LONG_LONG, 0, TAG_HEADER, MPI_COMM_WORLD);
        if (h.kind == RESULT)
            MPI_Send(bytes, (int)h.length, MPI_BYTE, 0, TAG_BUNDLE, MPI_COMM_WORLD);
        free(bytes);
        bytes = NULL;
        if (h.kind == GONE)
            break;
        MPI_Status probe;
        int next;
        wait_for(0, TAG_ASSIGN, NULL, &probe);
        MPI_Recv(&next, 1, MPI_INT, 0, TAG_ASSIGN, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
        if (next < 0 || next >= request->plan->n_scenarios)
            break;
        h = solve_here(request, next, &bytes, errors);
    }
    for (size_t i = 0; i < errors->count; i++) /* only rank 0 prints the sweep's messages */
        fprintf(stderr, "rank %d: %s\n", cp_sweep_rank(), errors->lines[i]);
    cp_errors_clear(errors);
    return CP_OK;
}
