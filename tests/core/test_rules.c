/* The model's rules (core/rules.h): the tolerance at its edges, the tier a contract reaches
 * (against the two scans the checker and the heuristic used to make, forward and backward, on
 * tier tables with equal min_places, zero discounts and places at or near a threshold), the
 * owner rule and the rounding of bounds. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>

#include <cmocka.h>

#include <math.h>

#include "core/compat.h"
#include "core/rules.h"
#include "instance_builder.h"

static void test_tolerance_is_absolute_plus_relative(void **state)
{
    (void)state;
    assert_true(cp_rules_tolerance(0) == 1e-6);
    assert_true(cp_rules_tolerance(1000) == 1e-6 + 1e-9 * 1000);
    assert_true(cp_rules_tolerance(-1000) == cp_rules_tolerance(1000));
    assert_true(cp_rules_ceiling(3) == 3 + cp_rules_tolerance(3));
    assert_true(cp_rules_floor(3) == 3 - cp_rules_tolerance(3));
}

static void test_over_and_under_at_their_edges(void **state)
{
    (void)state;
    /* at the limit, and within the tolerance of it, a quantity meets it */
    assert_false(cp_rules_over(3, 3));
    assert_false(cp_rules_over(3 + 5e-7, 3));
    assert_false(cp_rules_over(cp_rules_ceiling(3), 3));
    assert_true(cp_rules_over(3 + 2e-6, 3));
    assert_true(cp_rules_over(nextafter(cp_rules_ceiling(3), INFINITY), 3));
    assert_false(cp_rules_under(3, 3));
    assert_false(cp_rules_under(3 - 5e-7, 3));
    assert_false(cp_rules_under(cp_rules_floor(3), 3));
    assert_true(cp_rules_under(3 - 2e-6, 3));
    /* the relative part: 1e-9 of a large limit */
    assert_false(cp_rules_over(1e6 + 1e-3, 1e6));
    assert_true(cp_rules_over(1e6 + 2e-3, 1e6));
    /* a limit of 0 (no market share yet, no minimum) */
    assert_false(cp_rules_over(0, 0));
    assert_false(cp_rules_under(0, 0));
    assert_true(cp_rules_over(1e-5, 0));
}

/* core/check.c's former scan: forward, the last tier within places + tolerance counts. */
static int forward_scan(const cp_tier_list *list, double places)
{
    int reached = -1;
    for (int t = 0; t < list->count; t++)
        if (list->tiers[t].min_places <= places + (1e-6 + 1e-9 * fabs(places)))
            reached = t;
    return reached;
}

/* heur/state.c's former scan: backward, the first tier from the top within places + tolerance. */
static int backward_scan(const cp_tier_list *list, double places)
{
    double slack = places + (1e-6 + 1e-9 * fabs(places));
    for (int t = list->count - 1; t >= 0; t--)
        if (list->tiers[t].min_places <= slack)
            return t;
    return -1;
}

/* Checks both former scans and cp_rules_tier_reached agree on list at places near every
 * threshold (exactly at it, within and beyond the tolerance either side) and far from all. */
static void assert_scans_agree(const cp_tier_list *list)
{
    double offsets[] = {0, 5e-7, -5e-7, 9e-7, -9e-7, 2e-6, -2e-6, 0.5, -0.5};
    int n_offsets = (int)(sizeof offsets / sizeof offsets[0]);
    double far[] = {0, 0.25, 1e6};
    for (int i = 0; i < list->count + 3; i++)
        for (int j = 0; j < n_offsets; j++) {
            double places = i < list->count ? list->tiers[i].min_places + offsets[j]
                                            : far[i - list->count] + fabs(offsets[j]);
            int reached = cp_rules_tier_reached(list, places);
            assert_int_equal(forward_scan(list, places), reached);
            assert_int_equal(backward_scan(list, places), reached);
        }
}

static void test_tier_scans_agree_on_tricky_tables(void **state)
{
    (void)state;
    cp_tier equal[] = {{2, 0.05}, {2, 0.10}, {5, 0.10}, {5, 0.20}};
    cp_tier zero[] = {{1, 0}, {3, 0}, {6, 0.1}};
    cp_tier all_zero[] = {{1, 0}, {4, 0}};
    cp_tier fractional[] = {{0.5, 0.01}, {2.5, 0.02}, {7.75, 0.03}};
    cp_tier large[] = {{1000, 0.05}, {10000, 0.07}, {1000000, 0.09}};
    cp_tier from_zero[] = {{0, 0.01}, {0, 0.02}, {1e-6, 0.03}};
    cp_tier_list lists[] = {
        {NULL, 0},       {equal, 4}, {zero, 3},      {all_zero, 2},
        {fractional, 3}, {large, 3}, {from_zero, 3},
    };
    for (size_t i = 0; i < sizeof lists / sizeof lists[0]; i++)
        assert_scans_agree(&lists[i]);
}

static void test_tier_reached_at_and_near_a_threshold(void **state)
{
    (void)state;
    cp_tier tiers[] = {{2, 0.05}, {2, 0.10}, {5, 0.20}};
    cp_tier_list list = {tiers, 3};
    assert_int_equal(cp_rules_tier_reached(&list, 1), -1);
    assert_int_equal(cp_rules_tier_reached(&list, 2), 1); /* the last of equal min_places */
    assert_int_equal(cp_rules_tier_reached(&list, 2 - 5e-7), 1);
    assert_int_equal(cp_rules_tier_reached(&list, 2 - 2e-6), -1);
    assert_int_equal(cp_rules_tier_reached(&list, 4.9999999), 2);
    assert_int_equal(cp_rules_tier_reached(&list, 4.99), 1);
    assert_int_equal(cp_rules_tier_reached(&list, 50), 2);
    /* within: no tolerance added */
    assert_int_equal(cp_rules_tier_within(&list, 2 - 5e-7), -1);
    assert_int_equal(cp_rules_tier_within(&list, 5), 2);
    cp_tier_list empty = {NULL, 0};
    assert_int_equal(cp_rules_tier_reached(&empty, 100), -1);
}

static void test_tier_discount_of_a_provider(void **state)
{
    (void)state;
    cp_instance *in = tb_create();
    tb_authority(in, "a", 51, 0);
    tb_service(in, "acme", 0, "home", 10, 100);
    tb_service(in, "solo", 0, "home", 10, 100);
    assert_true(in->tiers == NULL);
    assert_true(cp_rules_tier_discount(in, 0, 100) == 0); /* no tiers at all */
    tb_tier(in, "acme", 3, 0);
    tb_tier(in, "acme", 4, 0.1);
    tb_tier(in, "acme", 8, 0.15);
    tb_finish(in);
    assert_true(cp_rules_tier_discount(in, 0, 2) == 0);
    assert_true(cp_rules_tier_discount(in, 0, 3) == 0); /* a zero tier reached */
    assert_true(cp_rules_tier_discount(in, 0, 4 - 5e-7) == 0.1);
    assert_true(cp_rules_tier_discount(in, 0, 7.5) == 0.1);
    assert_true(cp_rules_tier_discount(in, 0, 8) == 0.15);
    assert_true(cp_rules_tier_discount(in, 1, 100) == 0); /* a provider without tiers */
    cp_instance_destroy(in);
}

static void test_owner_closes_services_to_other_pools(void **state)
{
    (void)state;
    cp_instance *in = tb_create();
    tb_authority(in, "a", 51, 0);
    tb_authority(in, "b", 51, 0.1);
    tb_authority(in, "c", 51, 0.2);
    int own_a = tb_service(in, "own_a", 0, "home", 4, 100);
    int market = tb_service(in, "market", 1, "home", 4, 100);
    tb_user(in, "ua", 0, "home");
    tb_user(in, "uc", 2, "home");
    in->services[own_a].owner = 0;
    const char *const ab[3] = {"ab", "ab", "c"};
    tb_config(in, "ab", ab);
    tb_finish(in);
    const cp_config *standalone = cp_instance_config(in, "standalone");
    const cp_config *pooled = cp_instance_config(in, "pooled");
    const cp_config *pair = cp_instance_config(in, "ab");

    for (int pool = 0; pool < 3; pool++) /* open market: closed to no pool */
        assert_false(cp_rules_owner_closes(in, standalone, market, pool));
    assert_false(cp_rules_owner_closes(in, standalone, own_a, standalone->pool_of_authority[0]));
    assert_true(cp_rules_owner_closes(in, standalone, own_a, standalone->pool_of_authority[1]));
    assert_false(cp_rules_owner_closes(in, pooled, own_a, pooled->pool_of_authority[2]));
    assert_false(cp_rules_owner_closes(in, pair, own_a, pair->pool_of_authority[1]));
    assert_true(cp_rules_owner_closes(in, pair, own_a, pair->pool_of_authority[2]));

    /* the compatibility filter applies the same rule */
    assert_int_equal(cp_compat_check(in, standalone, 0, own_a), CP_FILTER_NONE);
    assert_int_equal(cp_compat_check(in, pair, 1, own_a), CP_FILTER_OWNER);
    assert_int_equal(cp_compat_check(in, pooled, 1, own_a), CP_FILTER_NONE);
    assert_int_equal(cp_compat_check(in, standalone, 1, market), CP_FILTER_NONE);
    cp_instance_destroy(in);
}

static void test_round_bound_absorbs_rounding_errors(void **state)
{
    (void)state;
    assert_true(cp_rules_round_bound(42) == 42);
    assert_true(cp_rules_round_bound(41.9999999) == 42);
    assert_true(cp_rules_round_bound(42.0000001) == 42);
    assert_true(cp_rules_round_bound(42.00001) == 43);
    assert_true(cp_rules_round_bound(41.5) == 42);
    assert_true(cp_rules_round_bound(-3.2) == -3);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_tolerance_is_absolute_plus_relative),
        cmocka_unit_test(test_over_and_under_at_their_edges),
        cmocka_unit_test(test_tier_scans_agree_on_tricky_tables),
        cmocka_unit_test(test_tier_reached_at_and_near_a_threshold),
        cmocka_unit_test(test_tier_discount_of_a_provider),
        cmocka_unit_test(test_owner_closes_services_to_other_pools),
        cmocka_unit_test(test_round_bound_absorbs_rounding_errors),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
