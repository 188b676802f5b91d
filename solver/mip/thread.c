/* Releasing a worker thread's GLPK environment. */
#include "mip/thread.h"

#include <glpk.h>

void cp_mip_thread_release(void)
{
    glp_free_env();
}
