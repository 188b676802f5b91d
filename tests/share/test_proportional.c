/* Tests of proportional sharing: shares by weight, and equal shares when no weight. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "assert_near.h"

#include <math.h>

#include "share/proportional.h"

static void test_shares_follow_weights(void **state)
{
    (void)state;
    static const double standalone[3] = {100, 200, 300};
    double share[3];
    cp_share_proportional(3, 240, standalone, share);
    assert_near(share[0], 40);
    assert_near(share[1], 80);
    assert_near(share[2], 120);
}

static void test_zero_weights_share_equally(void **state)
{
    (void)state;
    static const double standalone[4] = {0, 0, 0, 0};
    double share[4];
    cp_share_proportional(4, 10, standalone, share);
    for (int i = 0; i < 4; i++)
        assert_near(share[i], 2.5);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_shares_follow_weights),
        cmocka_unit_test(test_zero_weights_share_equally),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
