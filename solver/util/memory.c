/* Peak resident memory from getrusage (Linux reports ru_maxrss in kilobytes). */
#define _DEFAULT_SOURCE
#include "util/memory.h"

#include <sys/resource.h>

double cp_peak_memory_mb(void)
{
    struct rusage usage;
    if (getrusage(RUSAGE_SELF, &usage) != 0)
        return 0;
    return usage.ru_maxrss / 1024.0;
}
