/* Blocking coalitions: one pass over the valued coalitions, summing the members' shares of
 * each, then a sort of those whose sum exceeds their value by more than the tolerance. */
#include "share/blocking.h"

#include "util/alloc.h"

#include <stdlib.h>

static int by_excess(const void *left, const void *right)
{
    const cp_share_block *a = left, *b = right;
    if (a->excess != b->excess)
        return a->excess > b->excess ? -1 : 1;
    return (a->coalition > b->coalition) - (a->coalition < b->coalition);
}

int cp_share_blocking(int n, const double *share, const uint64_t *coalitions, const double *value,
                      int n_coalitions, double tolerance, cp_share_block **blocks)
{
    uint64_t grand = n == 64 ? UINT64_MAX : ((uint64_t)1 << n) - 1;
    cp_share_block *found = NULL;
    int count = 0, capacity = 0;
    for (int k = 0; k < n_coalitions; k++) {
        uint64_t mask = coalitions ? coalitions[k] : (uint64_t)k;
        if (mask == 0 || mask == grand)
            continue;
        double sum = 0;
        for (int i = 0; i < n; i++)
            if (mask >> i & 1)
                sum += share[i];
        double excess = sum - value[k];
        if (excess <= tolerance)
            continue;
        if (count == capacity) {
            capacity = capacity ? 2 * capacity : 16;
            found = cp_realloc(found, (size_t)capacity * sizeof *found);
        }
        found[count++] = (cp_share_block){mask, excess};
    }
    if (count)
        qsort(found, (size_t)count, sizeof *found, by_excess);
    *blocks = found;
    return count;
}
