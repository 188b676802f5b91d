/* Tests of cost attribution on a small in-memory market worked by hand: a volume tier reached
 * only thanks to another council's places, contracts counted once per (pool, provider) and
 * split by places, a candidate service's fixed cost split by places, spot and move costs,
 * and every configuration's attributed costs summing to the checker's objective. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "assert_near.h"

#include "core/attribute.h"
#include "core/check.h"
#include "instance_builder.h"

#include <math.h>

/* km between (51, 0) and (52, 0): one degree on a sphere of radius 6371 */
#define K 111.19492664455873
enum { A, B, C };
enum { S1, S2, S3 };
enum { A1, A2, B1, B3, A3, B2, C1, C2, N_USERS };

/* Councils a and b at (51, 0), c at (52, 0). Providers s1 (home, 100 a place, 10% off from 3
 * places), s2 (a candidate home at a: 200 a place, fixed cost 60) and s3 (at c, 50).
 * Contracts 30 per (pool, provider); preference 5 per rank; move 20; distance 1 per km.
 * The plan: a1, a2, b1, b3 (prefers a flat: rank 1) and c1 (moved from s3) in s1; a3 (quote
 * 150 for 2 places) and b2 in s2; c2 unplaced at spot cost 500. Configuration "ab": a and b
 * pool, c alone. */
static cp_instance *market(void)
{
    cp_instance *in = tb_create();
    tb_authority(in, "a", 51.0, 0.0);
    tb_authority(in, "b", 51.0, 0.0);
    tb_authority(in, "c", 52.0, 0.0);
    tb_service(in, "s1", A, "home", 10, 100);
    tb_service(in, "s2", A, "home", 5, 200);
    tb_service(in, "s3", C, "home", 5, 50);
    in->services[S2].candidate = true;
    in->services[S2].fixed_cost = 60;
    tb_tier(in, "s1", 3, 0.10);
    tb_user(in, "a1", A, "home");
    tb_user(in, "a2", A, "home");
    tb_user(in, "b1", B, "home");
    tb_user(in, "b3", B, "flat;home");
    tb_user(in, "a3", A, "home");
    tb_user(in, "b2", B, "home");
    tb_user(in, "c1", C, "home");
    tb_user(in, "c2", C, "home");
    tb_quote(in, A3, S2, 150, 2);
    in->users[C1].current_service = S3;
    in->users[C2].has_spot_cost = true;
    in->users[C2].spot_cost = 500;
    in->settings.distance_weight = 1;
    in->settings.preference_cost = 5;
    in->settings.move_cost = 20;
    in->settings.contract_cost = 30;
    static const char *const ab[3] = {"ab", "ab", "c"};
    tb_config(in, "ab", ab);
    tb_finish(in);
    return in;
}

static const int plan[N_USERS] = {
    [A1] = S1, [A2] = S1, [B1] = S1, [B3] = S1, [A3] = S2, [B2] = S2, [C1] = S1, [C2] = CP_NONE,
};

/* Checks the plan under the named configuration and attributes its cost. */
static double attribute(const char *name, double cost[3])
{
    cp_instance *in = market();
    const cp_config *config = cp_instance_config(in, name);
    cp_check *check = NULL;
    assert_int_equal(cp_check_plan(in, config, plan, &check), 0);
    cp_attribute_costs(in, config, plan, check, cost);
    double objective = check->objective;
    cp_check_destroy(check);
    cp_instance_destroy(in);
    return objective;
}

/* Under "ab", pool ab has 4 places with s1: the 10% tier, reached only with b's places.
 * a: s1 2 x 90 + a3's quote 150 + contracts (s1: 30 x 2/4, s2: 30 x 2/3) 15 + 20
 *    + fixed 60 x 2/3 = 40 -> 405.
 * b: s1 2 x 90 + preference 5 + s2 200 + contracts 15 + 10 + fixed 20 -> 430.
 * c: s1 100 (1 place, no tier) + K km + move 20 + its own contract 30 + spot 500 -> 650 + K.
 * The checker: placement 850 - discount 40 + K + 5 + 20 + 500 + fixed 60 + 3 contracts 90. */
static void test_tier_reached_with_another_council(void **state)
{
    (void)state;
    double cost[3];
    double objective = attribute("ab", cost);
    assert_near(cost[A], 405);
    assert_near(cost[B], 430);
    assert_near(cost[C], 650 + K);
    assert_near(objective, 1485 + K);
    assert_near(cost[A] + cost[B] + cost[C], objective);
}

/* Standalone, a's and b's 2 places each reach no tier and each council signs its own
 * contracts: a: 200 + 150 + 30 + 30 + 40 = 450; b: 200 + 5 + 200 + 30 + 30 + 20 = 485. */
static void test_standalone_reaches_no_tier(void **state)
{
    (void)state;
    double cost[3];
    double objective = attribute("standalone", cost);
    assert_near(cost[A], 450);
    assert_near(cost[B], 485);
    assert_near(cost[C], 650 + K);
    assert_near(cost[A] + cost[B] + cost[C], objective);
}

/* Pooled, s1 holds 5 places of one pool: one contract split 2/5, 2/5, 1/5 (12, 12, 6), all
 * at 90; s2's contract 20 + 10. a: 180 + 150 + 12 + 20 + 40 = 402; b: 180 + 5 + 200 + 12 +
 * 10 + 20 = 427; c: 90 + K + 20 + 6 + 500 = 616 + K. */
static void test_pooled_contracts_counted_once(void **state)
{
    (void)state;
    double cost[3];
    double objective = attribute("pooled", cost);
    assert_near(cost[A], 402);
    assert_near(cost[B], 427);
    assert_near(cost[C], 616 + K);
    assert_near(objective, 1445 + K);
    assert_near(cost[A] + cost[B] + cost[C], objective);
}

/* The fixed cost alone: with every other price and cost zero, s2's 60 splits 2 : 1 by places
 * (a3 uses 2 places, b2 1); an unplaced person with a current service pays spot + move. */
static void test_fixed_cost_split_by_places(void **state)
{
    (void)state;
    cp_instance *in = market();
    for (int s = 0; s < in->n_services; s++)
        in->services[s].weekly_price = 0;
    in->quotes[0].weekly_cost = 0;
    in->settings.distance_weight = 0;
    in->settings.preference_cost = 0;
    in->settings.contract_cost = 0;
    in->users[C2].current_service = S3; /* unplaced: moved, pays spot 500 + move 20 */
    const cp_config *config = cp_instance_config(in, "pooled");
    cp_check *check = NULL;
    assert_int_equal(cp_check_plan(in, config, plan, &check), 0);
    double cost[3];
    cp_attribute_costs(in, config, plan, check, cost);
    assert_near(cost[A], 40);
    assert_near(cost[B], 20);
    assert_near(cost[C], 20 + 500 + 20); /* c1 moved, c2 moved and unplaced */
    assert_near(cost[A] + cost[B] + cost[C], check->objective);
    cp_check_destroy(check);
    cp_instance_destroy(in);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_tier_reached_with_another_council),
        cmocka_unit_test(test_standalone_reaches_no_tier),
        cmocka_unit_test(test_pooled_contracts_counted_once),
        cmocka_unit_test(test_fixed_cost_split_by_places),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
