/* The sweep's ranks in a build without MPI: this one process. mpirun starting copies of such
 * a build is refused: each would run every scenario into the same OUT. */
#include "sweep/ranks.h"

#include "util/status.h"

#include <stdlib.h>

int cp_sweep_ranks_start(cp_errors *errors)
{
    const char *sizes[] = {"OMPI_COMM_WORLD_SIZE", "PMI_SIZE"};
    for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
        const char *size = getenv(sizes[i]);
        if (size && atoi(size) > 1) {
            cp_errors_add(errors,
                          "sweep: started by mpirun with %s ranks, but this carepool is "
                          "built without MPI (cmake -DCAREPOOL_MPI=ON)",
                          size);
            return CP_ERR_INPUT;
        }
    }
    return CP_OK;
}

int cp_sweep_rank(void)
{
    return 0;
}

int cp_sweep_rank_count(void)
{
    return 1;
}

void cp_sweep_ranks_stop(void) {}
