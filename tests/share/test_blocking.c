/* Tests of blocking coalitions: a game built so that the Shapley shares are blocked (worked
 * by hand below), ordering by excess, the tolerance, a listed (sampled) set of coalitions,
 * and a stable sharing with no block. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "assert_near.h"

#include <math.h>

#include "share/blocking.h"
#include "share/shapley.h"

#include <stdlib.h>

/* Alone each costs 40; a and b save together (70); any pair with c costs 80, the three 120.
 * Shapley, marginals over the orders abc, acb, bac, bca, cab, cba:
 * a: 40, 40, 30, 40, 40, 40 -> 115/3; b the same; c: 50, 40, 50, 40, 40, 40 -> 130/3. */
static const double game[8] = {0, 40, 40, 70, 40, 80, 80, 120};

/* Excesses: {a,b} 230/3 - 70 = 20/3; {c} 130/3 - 40 = 10/3; {a,c} and {b,c} 245/3 - 80 = 5/3;
 * {a}, {b}: 115/3 < 40, no block. */
static void test_blocks_of_shapley_shares_largest_first(void **state)
{
    (void)state;
    double share[3];
    cp_share_shapley_exact(3, game, share);
    assert_near(share[0], 115.0 / 3);
    assert_near(share[1], 115.0 / 3);
    assert_near(share[2], 130.0 / 3);
    cp_share_block *blocks = NULL;
    int count = cp_share_blocking(3, share, NULL, game, 8, 1e-6, &blocks);
    assert_int_equal(count, 4);
    assert_int_equal(blocks[0].coalition, 3);
    assert_near(blocks[0].excess, 20.0 / 3);
    assert_int_equal(blocks[1].coalition, 4);
    assert_near(blocks[1].excess, 10.0 / 3);
    assert_int_equal(blocks[2].coalition, 5); /* ties by ascending bitmask */
    assert_near(blocks[2].excess, 5.0 / 3);
    assert_int_equal(blocks[3].coalition, 6);
    assert_near(blocks[3].excess, 5.0 / 3);
    free(blocks);
}

static void test_tolerance_drops_small_excesses(void **state)
{
    (void)state;
    double share[3];
    cp_share_shapley_exact(3, game, share);
    cp_share_block *blocks = NULL;
    int count = cp_share_blocking(3, share, NULL, game, 8, 2.0, &blocks);
    assert_int_equal(count, 2);
    assert_int_equal(blocks[0].coalition, 3);
    assert_int_equal(blocks[1].coalition, 4);
    free(blocks);
}

/* Only the listed coalitions are tested; the grand coalition never blocks. */
static void test_listed_coalitions_only(void **state)
{
    (void)state;
    static const double share[3] = {115.0 / 3, 115.0 / 3, 130.0 / 3};
    static const uint64_t listed[3] = {1, 5, 7};
    static const double value[3] = {40, 80, 100};
    cp_share_block *blocks = NULL;
    int count = cp_share_blocking(3, share, listed, value, 3, 1e-6, &blocks);
    assert_int_equal(count, 1);
    assert_int_equal(blocks[0].coalition, 5);
    assert_near(blocks[0].excess, 5.0 / 3);
    free(blocks);
}

/* Costs 100, 80, 60 alone, 150, 140, 120 in pairs, 190 together: the Shapley shares 490/6,
 * 370/6, 280/6 leave every pair and single council better off in the pool. */
static void test_stable_sharing_has_no_block(void **state)
{
    (void)state;
    static const double value[8] = {0, 100, 80, 150, 60, 140, 120, 190};
    double share[3];
    cp_share_shapley_exact(3, value, share);
    cp_share_block *blocks = NULL;
    assert_int_equal(cp_share_blocking(3, share, NULL, value, 8, 1e-6, &blocks), 0);
    assert_null(blocks);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_blocks_of_shapley_shares_largest_first),
        cmocka_unit_test(test_tolerance_drops_small_excesses),
        cmocka_unit_test(test_listed_coalitions_only),
        cmocka_unit_test(test_stable_sharing_has_no_block),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
