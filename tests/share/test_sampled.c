/* Tests of the sampled Shapley value: the coalitions listed, agreement with the exact value
 * of a 3-council game within the stated half-width, shares summing to the grand coalition's
 * cost, exact reproducibility for a seed, and zero half-widths on an additive game. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "assert_near.h"

#include "share/sampled.h"
#include "share/shapley.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* The 3-council game of test_shapley: exact shares 490/6, 370/6, 280/6. */
static const double three[8] = {0, 100, 80, 150, 60, 140, 120, 190};

/* Values of the listed coalitions from a full table. */
static double *values_of(const uint64_t *coalitions, int count, const double *table)
{
    double *value = malloc((size_t)count * sizeof *value);
    for (int k = 0; k < count; k++)
        value[k] = table[coalitions[k]];
    return value;
}

static void test_many_orders_visit_every_coalition(void **state)
{
    (void)state;
    uint64_t *coalitions = NULL;
    int count = cp_share_sampled_coalitions(3, 200, 7, &coalitions);
    assert_int_equal(count, 7);
    for (int k = 0; k < 7; k++)
        assert_int_equal(coalitions[k], k + 1);
    free(coalitions);
}

/* Two orders of 64 players: at most 2 x 64 - 1 distinct prefixes, sorted, the grand
 * coalition last. */
static void test_coalitions_sorted_unique_grand_last(void **state)
{
    (void)state;
    uint64_t *coalitions = NULL;
    int count = cp_share_sampled_coalitions(64, 2, 3, &coalitions);
    assert_true(count >= 64 && count <= 127);
    for (int k = 1; k < count; k++)
        assert_true(coalitions[k - 1] < coalitions[k]);
    assert_true(coalitions[count - 1] == UINT64_MAX);
    free(coalitions);
}

/* Over 20 seeds of 2000 orders each, the 95% intervals of the three members cover the exact
 * values at least 54 times in 60, and the shares always sum to v(N) = 190. Council a's
 * marginals (100, 100, 70, 70, 80, 70) have variance 1083.33/6 = 180.56, so its half-width is
 * about 1.96 x sqrt(180.56 / 2000) = 0.589. */
static void test_agrees_with_exact_within_half_width(void **state)
{
    (void)state;
    double exact[3], share[3], half[3];
    cp_share_shapley_exact(3, three, exact);
    int covered = 0;
    for (uint64_t seed = 1; seed <= 20; seed++) {
        uint64_t *coalitions = NULL;
        int count = cp_share_sampled_coalitions(3, 2000, seed, &coalitions);
        double *value = values_of(coalitions, count, three);
        cp_share_sampled(3, 2000, seed, coalitions, value, count, share, half);
        for (int i = 0; i < 3; i++)
            covered += fabs(share[i] - exact[i]) <= half[i];
        assert_true(fabs(half[0] - 0.589) < 0.03);
        assert_near(share[0] + share[1] + share[2], 190);
        free(coalitions);
        free(value);
    }
    assert_true(covered >= 54);
}

static void test_same_seed_same_shares(void **state)
{
    (void)state;
    double first[3], first_half[3], again[3], again_half[3], other[3], other_half[3];
    uint64_t *coalitions = NULL;
    int count = cp_share_sampled_coalitions(3, 50, 5, &coalitions);
    double *value = values_of(coalitions, count, three);
    cp_share_sampled(3, 50, 5, coalitions, value, count, first, first_half);
    cp_share_sampled(3, 50, 5, coalitions, value, count, again, again_half);
    assert_memory_equal(first, again, sizeof first);
    assert_memory_equal(first_half, again_half, sizeof first_half);
    cp_share_sampled(3, 50, 6, coalitions, value, count, other, other_half);
    assert_memory_not_equal(first, other, sizeof first);
    free(coalitions);
    free(value);
}

/* Additive: every order gives each player its own cost, so the estimate is exact. */
static void test_additive_game_is_exact_with_zero_half_width(void **state)
{
    (void)state;
    static const double own[6] = {1, 2, 4, 8, 16, 32.5};
    double table[64], share[6], half[6];
    for (int mask = 0; mask < 64; mask++) {
        table[mask] = 0;
        for (int i = 0; i < 6; i++)
            if (mask >> i & 1)
                table[mask] += own[i];
    }
    uint64_t *coalitions = NULL;
    int count = cp_share_sampled_coalitions(6, 10, 1, &coalitions);
    double *value = values_of(coalitions, count, table);
    cp_share_sampled(6, 10, 1, coalitions, value, count, share, half);
    for (int i = 0; i < 6; i++) {
        assert_near(share[i], own[i]);
        assert_true(half[i] == 0);
    }
    free(coalitions);
    free(value);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_many_orders_visit_every_coalition),
        cmocka_unit_test(test_coalitions_sorted_unique_grand_last),
        cmocka_unit_test(test_agrees_with_exact_within_half_width),
        cmocka_unit_test(test_same_seed_same_shares),
        cmocka_unit_test(test_additive_game_is_exact_with_zero_half_width),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
