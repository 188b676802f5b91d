/* Stability of a cost sharing: a coalition blocks when its members' shares add up to more
 * than it would cost them on their own (share sum > value + tolerance); such a group would
 * do better leaving the pool. */
#ifndef CAREPOOL_SHARE_BLOCKING_H
#define CAREPOOL_SHARE_BLOCKING_H

#include <stdint.h>

typedef struct cp_share_block {
    uint64_t coalition; /* bitmask: bit i is member i */
    double excess;      /* sum of the members' shares less the coalition's value (> tolerance) */
} cp_share_block;

/* The blocking coalitions among n_coalitions valued ones: coalitions[k] is a bitmask with
 * value value[k]; coalitions NULL means the full table (value[mask] for mask in 0 .. 2^n - 1,
 * n_coalitions = 2^n). The empty and the grand coalition (2^n - 1) are never tested. Returns
 * their number; *blocks (cp_malloc, the caller frees; NULL when none) lists them largest
 * excess first, ties by ascending bitmask. 1 <= n <= 64. */
int cp_share_blocking(int n, const double *share, const uint64_t *coalitions, const double *value,
                      int n_coalitions, double tolerance, cp_share_block **blocks);

#endif
