/* Tests of the independent checker on tests/data/check-terms (see its README for the
 * hand-computed costs): every objective term, tiers reached and not, contracts per pool, the
 * owner restriction, the market share cap, and each kind of violation. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "core/check.h"
#include "core/compat.h"
#include "io/instance_reader.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* km between (0, 0) and (0, 1): one degree on a sphere of radius 6371 */
#define K 111.19492664455873
#define EPS 1e-9

static cp_instance *load(void)
{
    cp_instance *instance = NULL;
    cp_errors errors = {0};
    int status = cp_instance_load(TEST_DATA_DIR "/check-terms", &instance, &errors);
    for (size_t i = 0; i < errors.count; i++)
        fprintf(stderr, "%s\n", errors.lines[i]);
    assert_int_equal(status, 0);
    cp_errors_clear(&errors);
    return instance;
}

static int setup(void **state)
{
    *state = load();
    return 0;
}

static int teardown(void **state)
{
    cp_instance_destroy(*state);
    return 0;
}

static int service(const cp_instance *instance, const char *id)
{
    if (!id)
        return CP_NONE;
    int s = cp_strmap_get(instance->service_index, id);
    assert_true(s >= 0);
    return s;
}

static int user(const cp_instance *instance, const char *id)
{
    int u = cp_strmap_get(instance->user_index, id);
    assert_true(u >= 0);
    return u;
}

/* A plan from service ids of u1..u7 (NULL: unplaced). */
static void plan_of(const cp_instance *instance, const char *const ids[7], int plan[7])
{
    static const char *const users[7] = {"u1", "u2", "u3", "u4", "u5", "u6", "u7"};
    assert_int_equal(instance->n_users, 7);
    for (int i = 0; i < 7; i++)
        plan[user(instance, users[i])] = service(instance, ids[i]);
}

static const char *const base_plan[7] = {"s1", "s2", "s1", NULL, "s3", "s4", "s4"};

static void assert_violations(const cp_check *check, const char *const *expected, size_t n)
{
    for (size_t i = 0; i < check->violations.count; i++)
        fprintf(stderr, "violation: %s\n", check->violations.lines[i]);
    assert_int_equal(check->violations.count, n);
    for (size_t i = 0; i < n; i++)
        assert_string_equal(check->violations.lines[i], expected[i]);
}

static void assert_terms(const cp_terms *t, double placement, double discount, double distance,
                         double preference, double moves, double spot, double fixed,
                         double contracts)
{
    assert_float_equal(t->placement, placement, EPS);
    assert_float_equal(t->discount, discount, EPS);
    assert_float_equal(t->distance, distance, EPS);
    assert_float_equal(t->preference, preference, EPS);
    assert_float_equal(t->moves, moves, EPS);
    assert_float_equal(t->spot, spot, EPS);
    assert_float_equal(t->fixed, fixed, EPS);
    assert_float_equal(t->contracts, contracts, EPS);
}

static void test_objective_adds_terms_and_subtracts_discount(void **state)
{
    (void)state;
    cp_terms t = {.placement = 1000,
                  .discount = 100,
                  .distance = 1,
                  .preference = 2,
                  .moves = 4,
                  .spot = 8,
                  .fixed = 16,
                  .contracts = 32};
    assert_float_equal(cp_terms_objective(&t), 963, 0);
}

static void test_base_plan_pooled_reaches_first_tier(void **state)
{
    cp_instance *instance = *state;
    int plan[7];
    plan_of(instance, base_plan, plan);
    cp_check *check = NULL;
    assert_int_equal(cp_check_plan(instance, cp_instance_config(instance, "pooled"), plan, &check),
                     0);
    assert_violations(check, NULL, 0);
    /* acme has 4 places in the one pool: the 3-place tier (10% of 2700), not the 5-place one */
    assert_terms(&check->terms, 6100, 270, 4 * K, 10, 50, 3000, 100, 60);
    assert_float_equal(check->objective, 9050 + 4 * K, EPS);
    assert_int_equal(check->n_contracts, 3);
    assert_int_equal(check->n_opened, 1);

    static const double km[7] = {0, K, K, NAN, 0, 0, 0};
    static const double cost[7] = {900, 450, 1080, 3000, 1600, 900, 900};
    static const char *const ids[7] = {"u1", "u2", "u3", "u4", "u5", "u6", "u7"};
    for (int i = 0; i < 7; i++) {
        int u = user(instance, ids[i]);
        if (isnan(km[i]))
            assert_true(isnan(check->user_km[u]));
        else
            assert_float_equal(check->user_km[u], km[i], EPS);
        assert_float_equal(check->user_weekly_cost[u], cost[i], EPS);
        assert_int_equal(check->user_moved[u], i == 3);
    }
    static const char *const services[5] = {"s1", "s2", "s3", "s4", "s5"};
    static const double used[5] = {3, 1, 2, 2, 0};
    for (int i = 0; i < 5; i++) {
        int s = service(instance, services[i]);
        assert_float_equal(check->service_used[s], used[i], 0);
        assert_int_equal(check->service_open[s], i < 4);
    }
    cp_check_destroy(check);
}

static void test_base_plan_standalone_reaches_no_tier(void **state)
{
    cp_instance *instance = *state;
    int plan[7];
    plan_of(instance, base_plan, plan);
    cp_check *check = NULL;
    assert_int_equal(
        cp_check_plan(instance, cp_instance_config(instance, "standalone"), plan, &check), 0);
    /* acme: 2 places in a and 2 in b, below the 3-place tier; 4 contracts at 20 */
    assert_terms(&check->terms, 6100, 0, 4 * K, 10, 50, 3000, 100, 80);
    assert_float_equal(check->objective, 9340 + 4 * K, EPS);
    assert_int_equal(check->n_contracts, 4);
    assert_float_equal(check->user_weekly_cost[user(instance, "u3")], 1200, EPS);
    cp_check_destroy(check);
}

static void test_highest_tier_reached_applies(void **state)
{
    cp_instance *instance = *state;
    static const char *const ids[7] = {"s1", "s2", "s1", "s2", "s3", "s4", "s4"};
    int plan[7];
    plan_of(instance, ids, plan);
    cp_check *check = NULL;
    assert_int_equal(cp_check_plan(instance, cp_instance_config(instance, "pooled"), plan, &check),
                     0);
    /* acme 5 places, price 3200: 15%; u4 stays in s2 (no move, no spot) */
    assert_terms(&check->terms, 6600, 480, 4 * K, 10, 0, 0, 100, 60);
    assert_float_equal(check->user_weekly_cost[user(instance, "u4")], 425, EPS);
    assert_float_equal(check->user_weekly_cost[user(instance, "u3")], 1020, EPS);
    assert_false(check->user_moved[user(instance, "u4")]);
    cp_check_destroy(check);
}

static void test_owned_service_only_for_its_pool(void **state)
{
    cp_instance *instance = *state;
    static const char *const ids[7] = {"s1", "s2", "s4", NULL, "s3", "s1", "s1"};
    int plan[7];
    plan_of(instance, ids, plan);
    char expected[128];
    snprintf(expected, sizeof expected, "user 'u3': service 's4' not compatible (%s)",
             cp_filter_name(CP_FILTER_OWNER));
    const char *const violations[1] = {expected};

    cp_check *check = NULL;
    assert_int_equal(
        cp_check_plan(instance, cp_instance_config(instance, "standalone"), plan, &check), 1);
    assert_violations(check, violations, 1);
    cp_check_destroy(check);

    assert_int_equal(cp_check_plan(instance, cp_instance_config(instance, "pooled"), plan, &check),
                     0);
    /* u3 at s4 pays 900 (its quote is for s1); acme has u1, u2, u6, u7: 10% of 3500 */
    assert_terms(&check->terms, 6000, 350, 4 * K, 10, 50, 3000, 100, 60);
    cp_check_destroy(check);
}

static void test_share_cap_binding_passes_and_exceeded_fails(void **state)
{
    cp_instance *instance = *state;
    int plan[7];
    plan_of(instance, base_plan, plan);
    cp_check *check = NULL;
    double saved = instance->settings.max_provider_share;

    /* pooled: acme 4 of 8 places; standalone: 2 of 4 in a (cara 2) and in b (bold 2) */
    instance->settings.max_provider_share = 0.5;
    assert_int_equal(cp_check_plan(instance, cp_instance_config(instance, "pooled"), plan, &check),
                     0);
    cp_check_destroy(check);
    assert_int_equal(
        cp_check_plan(instance, cp_instance_config(instance, "standalone"), plan, &check), 0);
    cp_check_destroy(check);

    instance->settings.max_provider_share = 0.4;
    assert_int_equal(cp_check_plan(instance, cp_instance_config(instance, "pooled"), plan, &check),
                     1);
    const char *const expected[1] = {
        "pool 'pooled': provider 'acme' has 4 of 8 placed places, above max_provider_share 0.4"};
    assert_violations(check, expected, 1);
    cp_check_destroy(check);
    instance->settings.max_provider_share = saved;
}

static void test_every_kind_of_violation(void **state)
{
    cp_instance *instance = *state;
    static const char *const ids[7] = {"s2", NULL, "s1", "s2", "s2", NULL, "s3"};
    int plan[7];
    plan_of(instance, ids, plan);
    plan[user(instance, "u2")] = 99;
    char type_violation[128];
    snprintf(type_violation, sizeof type_violation, "user 'u5': service 's2' not compatible (%s)",
             cp_filter_name(CP_FILTER_TYPE));
    const char *const expected[7] = {
        "user 'u1': locked in service 's1' but placed in 's2'",
        "user 'u2': unknown service index 99",
        type_violation,
        "user 'u6': unplaced without a spot cost",
        "service 's2' over capacity: 4 places used, capacity 2",
        "service 's3' opened below min_occupancy: 1 places used, minimum 2",
        "group 'g1' split: user 'u6' unplaced, user 'u7' in 's3'",
    };

    cp_check *check = NULL;
    assert_int_equal(
        cp_check_plan(instance, cp_instance_config(instance, "standalone"), plan, &check), 7);
    assert_violations(check, expected, 7);
    /* u2 (bad index) is priced as unplaced at the settings' spot cost; u6 has none */
    assert_true(isnan(check->user_km[user(instance, "u2")]));
    assert_float_equal(check->terms.spot, 3000, EPS);
    assert_float_equal(check->terms.moves, 50, EPS);
    assert_float_equal(check->user_weekly_cost[user(instance, "u6")], 0, 0);
    cp_check_destroy(check);
}

static void test_locked_person_unplaced_is_moved(void **state)
{
    cp_instance *instance = *state;
    static const char *const ids[7] = {NULL, "s2", "s1", NULL, "s3", "s4", "s4"};
    int plan[7];
    plan_of(instance, ids, plan);
    cp_check *check = NULL;
    assert_int_equal(cp_check_plan(instance, cp_instance_config(instance, "pooled"), plan, &check),
                     1);
    const char *const expected[1] = {"user 'u1': locked in service 's1' but unplaced"};
    assert_violations(check, expected, 1);
    assert_true(check->user_moved[user(instance, "u1")]);
    /* u1 and u4 moved and unplaced; acme 3 places (u2 1, u3 2) still reach 10% of 1700 */
    assert_terms(&check->terms, 5100, 170, 4 * K, 10, 100, 6000, 100, 60);
    cp_check_destroy(check);
}

static void test_group_split_between_services(void **state)
{
    cp_instance *instance = *state;
    static const char *const ids[7] = {"s1", "s2", "s1", NULL, "s3", "s4", "s1"};
    int plan[7];
    plan_of(instance, ids, plan);
    cp_check *check = NULL;
    assert_int_equal(cp_check_plan(instance, cp_instance_config(instance, "pooled"), plan, &check),
                     1);
    const char *const expected[1] = {"group 'g1' split: user 'u6' in 's4', user 'u7' in 's1'"};
    assert_violations(check, expected, 1);
    cp_check_destroy(check);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_objective_adds_terms_and_subtracts_discount),
        cmocka_unit_test(test_base_plan_pooled_reaches_first_tier),
        cmocka_unit_test(test_base_plan_standalone_reaches_no_tier),
        cmocka_unit_test(test_highest_tier_reached_applies),
        cmocka_unit_test(test_owned_service_only_for_its_pool),
        cmocka_unit_test(test_share_cap_binding_passes_and_exceeded_fails),
        cmocka_unit_test(test_every_kind_of_violation),
        cmocka_unit_test(test_locked_person_unplaced_is_moved),
        cmocka_unit_test(test_group_split_between_services),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
