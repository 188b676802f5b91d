/* The sampled Shapley value: orders of the players drawn from one seeded stream (Fisher-Yates
 * shuffles), so that listing the coalitions and sharing from their values see the same
 * orders. Each player's share is the mean of its marginal costs over the orders (a
 * telescoping sum per order, hence shares summing to the grand coalition's value) and its
 * half-width 1.96 x the sample standard deviation / sqrt(samples), both accumulated by
 * Welford's updates (exactly 0 spread when every marginal is the same). */
#include "share/sampled.h"

#include "util/alloc.h"
#include "util/rng.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

/* Fills order[0..n) with the next random order of the players. */
static void draw_order(cp_rng *rng, int n, int *order)
{
    for (int i = 0; i < n; i++)
        order[i] = i;
    for (int i = n - 1; i > 0; i--) {
        int j = (int)cp_rng_int(rng, 0, i);
        int t = order[i];
        order[i] = order[j];
        order[j] = t;
    }
}

static void seed_orders(cp_rng *rng, uint64_t seed)
{
    cp_rng_seed(rng, seed, cp_rng_stream_of("shapley-orders"));
}

static int by_mask(const void *left, const void *right)
{
    uint64_t a = *(const uint64_t *)left, b = *(const uint64_t *)right;
    return (a > b) - (a < b);
}

int cp_share_sampled_coalitions(int n, int samples, uint64_t seed, uint64_t **coalitions)
{
    cp_rng rng;
    seed_orders(&rng, seed);
    int *order = cp_malloc((size_t)n * sizeof *order);
    uint64_t *mask = cp_malloc((size_t)samples * (size_t)n * sizeof *mask);
    size_t count = 0;
    for (int r = 0; r < samples; r++) {
        draw_order(&rng, n, order);
        uint64_t prefix = 0;
        for (int j = 0; j < n; j++) {
            prefix |= (uint64_t)1 << order[j];
            mask[count++] = prefix;
        }
    }
    qsort(mask, count, sizeof *mask, by_mask);
    size_t unique = 0;
    for (size_t k = 0; k < count; k++)
        if (unique == 0 || mask[k] != mask[unique - 1])
            mask[unique++] = mask[k];
    free(order);
    *coalitions = cp_realloc(mask, unique * sizeof *mask);
    return (int)unique;
}

/* The value of coalition mask (0 for the empty one); a coalition missing from the list is a
 * caller's error and aborts. */
static double value_of(uint64_t mask, const uint64_t *coalitions, const double *value, int n)
{
    if (mask == 0)
        return 0;
    const uint64_t *found = bsearch(&mask, coalitions, (size_t)n, sizeof mask, by_mask);
    if (!found) {
        fprintf(stderr, "carepool: sampled Shapley: coalition %#llx was not valued\n",
                (unsigned long long)mask);
        abort();
    }
    return value[found - coalitions];
}

void cp_share_sampled(int n, int samples, uint64_t seed, const uint64_t *coalitions,
                      const double *value, int n_coalitions, double *share, double *half_width)
{
    cp_rng rng;
    seed_orders(&rng, seed);
    int *order = cp_malloc((size_t)n * sizeof *order);
    double *mean = cp_calloc((size_t)n, sizeof *mean);
    double *spread = cp_calloc((size_t)n, sizeof *spread); /* sum of squared deviations */
    for (int r = 0; r < samples; r++) {
        draw_order(&rng, n, order);
        uint64_t prefix = 0;
        double before = 0;
        for (int j = 0; j < n; j++) {
            prefix |= (uint64_t)1 << order[j];
            double after = value_of(prefix, coalitions, value, n_coalitions);
            double marginal = after - before;
            int i = order[j];
            double delta = marginal - mean[i];
            mean[i] += delta / (r + 1);
            spread[i] += delta * (marginal - mean[i]);
            before = after;
        }
    }
    for (int i = 0; i < n; i++) {
        double variance = spread[i] / (samples - 1);
        share[i] = mean[i];
        half_width[i] = variance > 0 ? 1.96 * sqrt(variance / samples) : 0;
    }
    free(order);
    free(mean);
    free(spread);
}
