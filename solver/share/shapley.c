/* The exact Shapley value from a table of every coalition's value: player i's share is the
 * sum over coalitions S without i of |S|! (n - |S| - 1)! / n! x (v(S + i) - v(S)), in one
 * pass over the table (O(n 2^n)). */
#include "share/shapley.h"

#include "util/alloc.h"

#include <stdint.h>
#include <stdlib.h>

/* weight[k] = k! (n - k - 1)! / n! = 1 / (n x C(n - 1, k)), for k = 0 .. n - 1. */
static double *order_weights(int n)
{
    double *weight = cp_malloc((size_t)n * sizeof *weight);
    double binomial = 1; /* C(n - 1, k) */
    for (int k = 0; k < n; k++) {
        weight[k] = 1.0 / (n * binomial);
        binomial = binomial * (n - 1 - k) / (k + 1);
    }
    return weight;
}

void cp_share_shapley_exact(int n, const double *value, double *share)
{
    double *weight = order_weights(n);
    uint32_t full = (uint32_t)1 << n;
    for (int i = 0; i < n; i++)
        share[i] = 0;
    for (uint32_t mask = 0; mask < full; mask++) {
        int size = 0;
        for (uint32_t rest = mask; rest; rest &= rest - 1)
            size++;
        for (int i = 0; i < n; i++) {
            uint32_t bit = (uint32_t)1 << i;
            if (!(mask & bit))
                share[i] += weight[size] * (value[mask | bit] - value[mask]);
        }
    }
    free(weight);
}
