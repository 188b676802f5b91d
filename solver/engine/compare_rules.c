/* The sharing rules applied to one pool's valued game: the members' values alone, the
 * Shapley shares (share/shapley.h exact, share/sampled.h sampled), and the stability check
 * (share/blocking.h) of both the proportional and the Shapley shares over every valued
 * coalition. The proportional shares are set with the game (they need no coalition). */
#include "engine/compare.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "share/blocking.h"
#include "share/sampled.h"
#include "share/shapley.h"
#include "util/alloc.h"

int cp_compare_find(const cp_pool_result *pool, uint64_t mask)
{
    int low = 0, high = pool->n_coalitions - 1;
    while (low < high) {
        int middle = (low + high) / 2;
        if (pool->coalitions[middle].mask < mask)
            low = middle + 1;
        else
            high = middle;
    }
    return low;
}

/* Marks the coalitions that block share among the n_valued of masks and values. */
static void mark_blocking(cp_pool_result *pool, const double *share, const uint64_t *masks,
                          const double *values, int n_valued, bool shapley)
{
    cp_share_block *blocks = NULL;
    int n = cp_share_blocking(pool->n_members, share, masks, values, n_valued, CP_SHARE_TOLERANCE,
                              &blocks);
    for (int b = 0; b < n; b++) {
        cp_coalition_result *s = &pool->coalitions[cp_compare_find(pool, blocks[b].coalition)];
        if (shapley)
            s->blocks_shapley = true;
        else
            s->blocks_proportional = true;
    }
    free(blocks);
}

/* The Shapley shares from the valued coalitions, or false when one they need has no value. */
static bool shapley(cp_pool_result *pool, const double *values, int samples, uint64_t seed,
                    double *share, double *half_width)
{
    int n = pool->n_members;
    for (int k = 0; k < pool->n_coalitions; k++)
        if (isnan(pool->coalitions[k].value) && strcmp(pool->shapley, "none") != 0)
            return false;
    if (strcmp(pool->shapley, "exact") == 0) {
        size_t size = (size_t)1 << n;
        double *table = cp_malloc(size * sizeof *table);
        table[0] = 0;
        for (int k = 0; k < pool->n_coalitions; k++) /* every mask 1 .. 2^n - 1, in order */
            table[k + 1] = values[k];
        cp_share_shapley_exact(n, table, share);
        for (int i = 0; i < n; i++)
            half_width[i] = 0;
        free(table);
        return true;
    }
    if (strcmp(pool->shapley, "sampled") == 0) {
        uint64_t *masks = cp_malloc((size_t)pool->n_coalitions * sizeof *masks);
        for (int k = 0; k < pool->n_coalitions; k++)
            masks[k] = pool->coalitions[k].mask;
        cp_share_sampled(n, samples, seed, masks, values, pool->n_coalitions, share, half_width);
        free(masks);
        return true;
    }
    return false;
}

void cp_compare_rules(cp_pool_result *pool, int samples, uint64_t seed)
{
    int n = pool->n_members, n_valued = 0, missing = 0;
    double *values = cp_malloc((size_t)pool->n_coalitions * sizeof *values);
    uint64_t *masks = cp_malloc((size_t)pool->n_coalitions * sizeof *masks);
    for (int k = 0; k < pool->n_coalitions; k++) {
        const cp_coalition_result *s = &pool->coalitions[k];
        values[k] = s->value;
        missing += isnan(s->value);
        if (__builtin_popcountll(s->mask) == 1)
            pool->members[__builtin_ctzll(s->mask)].alone = s->value;
    }
    double *share = cp_malloc((size_t)n * sizeof *share);
    double *half_width = cp_malloc((size_t)n * sizeof *half_width);
    bool have_shapley = shapley(pool, values, samples, seed, share, half_width);
    if (!have_shapley && strcmp(pool->shapley, "none") != 0) {
        free(pool->shapley_note);
        char note[160];
        snprintf(note, sizeof note,
                 "none: %d of %d coalitions have no value (no plan found, "
                 "or interrupted)",
                 missing, pool->n_coalitions - 1);
        pool->shapley_note = cp_strdup(note);
        pool->shapley = "none";
    }
    for (int i = 0; i < n && have_shapley; i++) {
        pool->members[i].shapley = share[i];
        pool->members[i].half_width = half_width[i];
    }

    /* share sums of every coalition; the stability check over the valued ones */
    double *proportional = cp_malloc((size_t)n * sizeof *proportional);
    for (int i = 0; i < n; i++)
        proportional[i] = pool->members[i].proportional;
    for (int k = 0; k < pool->n_coalitions; k++) {
        cp_coalition_result *s = &pool->coalitions[k];
        s->proportional_sum = 0;
        s->shapley_sum = have_shapley ? 0 : NAN;
        for (int i = 0; i < n; i++)
            if (s->mask >> i & 1) {
                s->proportional_sum += proportional[i];
                s->shapley_sum += have_shapley ? share[i] : 0;
            }
        if (!isnan(s->value)) {
            masks[n_valued] = s->mask;
            values[n_valued++] = s->value;
        }
    }
    mark_blocking(pool, proportional, masks, values, n_valued, false);
    if (have_shapley)
        mark_blocking(pool, share, masks, values, n_valued, true);
    for (int k = 0; k < pool->n_coalitions; k++)
        pool->n_blocking +=
            pool->coalitions[k].blocks_proportional || pool->coalitions[k].blocks_shapley;
    free(proportional);
    free(share);
    free(half_width);
    free(values);
    free(masks);
}
