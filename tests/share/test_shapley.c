/* Tests of the exact Shapley value: a 3-council cost game worked by hand over its six
 * orders, a symmetric game (equal shares) and an additive game (each its own cost). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "assert_near.h"

#include <math.h>

#include "share/shapley.h"

/* Weekly costs of councils a (bit 0), b (bit 1), c (bit 2) on their own and together. */
static const double three[8] = {
    0,   /* {} */
    100, /* {a} */
    80,  /* {b} */
    150, /* {a,b} */
    60,  /* {c} */
    140, /* {a,c} */
    120, /* {b,c} */
    190, /* {a,b,c} */
};

/* Marginal costs over the orders abc, acb, bac, bca, cab, cba:
 * a: 100, 100, 70, 70, 80, 70 -> 490 / 6
 * b: 50, 50, 80, 80, 50, 60   -> 370 / 6
 * c: 40, 40, 40, 40, 60, 60   -> 280 / 6 */
static void test_three_councils_by_hand(void **state)
{
    (void)state;
    double share[3];
    cp_share_shapley_exact(3, three, share);
    assert_near(share[0], 490.0 / 6);
    assert_near(share[1], 370.0 / 6);
    assert_near(share[2], 280.0 / 6);
    assert_near(share[0] + share[1] + share[2], 190);
}

/* v(S) depends only on |S|: 0, 50, 90, 120, 140 for 0..4 members; each pays 140 / 4. */
static void test_symmetric_game_shares_equally(void **state)
{
    (void)state;
    static const double by_size[5] = {0, 50, 90, 120, 140};
    double value[16], share[4];
    for (int mask = 0; mask < 16; mask++)
        value[mask] = by_size[__builtin_popcount((unsigned)mask)];
    cp_share_shapley_exact(4, value, share);
    for (int i = 0; i < 4; i++)
        assert_near(share[i], 35);
}

/* v(S) = sum of own costs: every member's Shapley value is its own cost. */
static void test_additive_game_gives_own_costs(void **state)
{
    (void)state;
    static const double own[5] = {10, 20.5, 3, 7.25, 100};
    double value[32], share[5];
    for (int mask = 0; mask < 32; mask++) {
        value[mask] = 0;
        for (int i = 0; i < 5; i++)
            if (mask >> i & 1)
                value[mask] += own[i];
    }
    cp_share_shapley_exact(5, value, share);
    for (int i = 0; i < 5; i++)
        assert_near(share[i], own[i]);
}

/* One player pays its own cost. */
static void test_single_player(void **state)
{
    (void)state;
    static const double value[2] = {0, 42};
    double share[1];
    cp_share_shapley_exact(1, value, share);
    assert_near(share[0], 42);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_three_councils_by_hand),
        cmocka_unit_test(test_symmetric_game_shares_equally),
        cmocka_unit_test(test_additive_game_gives_own_costs),
        cmocka_unit_test(test_single_player),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
