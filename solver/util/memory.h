/* The process's own memory use, for reports and benchmarks. */
#ifndef CAREPOOL_UTIL_MEMORY_H
#define CAREPOOL_UTIL_MEMORY_H

/* Peak resident memory of this process so far, in MB; 0 when the system does not say. */
double cp_peak_memory_mb(void);

#endif
