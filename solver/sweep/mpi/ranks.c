/* The sweep's ranks in an MPI build. MPI is started only when a launcher (mpirun, srun with
 * PMI) started this process, so a plain `carepool sweep` of an MPI build runs as one process.
 * Rank 0 runs a second thread that solves while its main thread serves the other ranks; only
 * the main thread calls MPI (MPI_THREAD_FUNNELED). */
#include "sweep/ranks.h"

#include "util/status.h"

#include <mpi.h>
#include <stdbool.h>
#include <stdlib.h>

static bool started;
static int rank, rank_count = 1;

static bool launched_by_mpi(void)
{
    return getenv("OMPI_COMM_WORLD_SIZE") || getenv("PMI_SIZE") || getenv("PMIX_RANK");
}

int cp_sweep_ranks_start(cp_errors *errors)
{
    if (!launched_by_mpi())
        return CP_OK;
    int provided;
    if (MPI_Init_thread(NULL, NULL, MPI_THREAD_FUNNELED, &provided) != MPI_SUCCESS) {
        cp_errors_add(errors, "sweep: MPI could not be started");
        return CP_ERR_INTERNAL;
    }
    started = true;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &rank_count);
    if (provided < MPI_THREAD_FUNNELED && rank_count > 1) {
        cp_errors_add(errors, "sweep: this MPI library cannot run a solving thread beside the "
                              "one that talks to the other ranks (MPI_THREAD_FUNNELED)");
        return CP_ERR_INTERNAL;
    }
    return CP_OK;
}

int cp_sweep_rank(void)
{
    return rank;
}

int cp_sweep_rank_count(void)
{
    return rank_count;
}

void cp_sweep_ranks_stop(void)
{
    if (started)
        MPI_Finalize();
    started = false;
}
