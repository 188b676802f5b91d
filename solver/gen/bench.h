/* The benchmark presets of `carepool generate`: generalized assignment problems of types C, D
 * and E (gap-c, gap-d, gap-e) and facility-location-style instances (facility-small,
 * facility-large, facility-local), each drawn from the minimal standard generator of Park
 * and Miller so that every number is exact and the same on every machine. They are the
 * instances bench/ measures the solver on; their rules are in the source files. */
#ifndef CAREPOOL_GEN_BENCH_H
#define CAREPOOL_GEN_BENCH_H

#include "io/instance_rows.h"
#include "util/errors.h"

/* The GAP of type 'C', 'D' or 'E' with m agents, n jobs and seed, as the instance
 * `carepool import gap` makes of it. Needs m >= 1, n >= 2 m, m n <= 1000000 and seed 0 to
 * 1023: returns CP_OK with *rows (destroy with cp_instance_rows_destroy), or CP_ERR_INPUT
 * with a message naming --size or --seed. */
int cp_gen_bench_gap(char type, long m, long n, long seed, cp_instance_rows **rows,
                     cp_errors *errors);

/* The facility-location instance of profile "small", "large" or "local" with people,
 * candidate services and seed, all at least 1: returns CP_OK with *rows (destroy with
 * cp_instance_rows_destroy), or CP_ERR_INPUT with a message naming --size or --seed. */
int cp_gen_bench_facility(const char *profile, long people, long candidates, long seed,
                          cp_instance_rows **rows, cp_errors *errors);

#endif
