/* Candidate pairs: units for groups, summed pair terms, locking, infeasibility reports, and
 * the restriction to a split of the pools. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>

#include <cmocka.h>

#include <math.h>
#include <string.h>

#include "candidates_of.h"
#include "core/candidates.h"
#include "instance_builder.h"
#include "util/status.h"

static void test_units_and_pair_sums(void **state)
{
    (void)state;
    cp_instance *in = tb_create();
    tb_authority(in, "a", 51.0, 0.0);
    tb_authority(in, "b", 52.0, 0.0); /* 111.19 km north of a */
    tb_service(in, "s_a", 0, "home", 3, 100);
    tb_service(in, "s_b", 1, "home", 3, 200);
    tb_user(in, "u0", 0, "home");
    tb_user(in, "sib1", 0, "home");
    tb_user(in, "u2", 0, "flat;home");
    tb_user(in, "sib2", 0, "home");
    tb_group(in, 1, "siblings");
    tb_group(in, 3, "siblings");
    in->users[3].places = 2;
    in->users[2].current_service = 1;
    in->settings.distance_weight = 1;
    in->settings.preference_cost = 7;
    in->settings.move_cost = 30;
    tb_finish(in);

    cp_candidates *c = NULL;
    cp_errors why = {0};
    assert_int_equal(cp_candidates_build(in, cp_instance_config(in, "pooled"), &c, &why), CP_OK);
    assert_int_equal(c->n_units, 3);
    assert_int_equal(c->unit_of_user[0], 0);
    assert_int_equal(c->unit_of_user[1], 1);
    assert_int_equal(c->unit_of_user[3], 1);
    assert_int_equal(c->unit_of_user[2], 2);
    assert_int_equal(c->unit_start[2] - c->unit_start[1], 2);
    assert_int_equal(c->n_pairs, 6);

    /* the sibling group at s_b: places 1 + 2, price 200 x 3, distance 2 x 111.19 km */
    int p = c->pair_start[1] + 1;
    assert_int_equal(c->pair_service[p], 1);
    assert_true(c->pair_places[p] == 3);
    assert_true(c->pair_price[p] == 600);
    assert_true(fabs(c->pair_cost[p] - 2 * 111.195) < 0.01);

    /* u2 prefers 'flat' (none exist): home is rank 1; moving from s_b to s_a costs 30 */
    p = c->pair_start[2];
    assert_int_equal(c->pair_service[p], 0);
    assert_true(fabs(c->pair_cost[p] - (7 + 30)) < 1e-9);
    assert_true(fabs(c->pair_cost[p + 1] - (111.195 + 7)) < 0.01);
    assert_false(c->unit_can_unplace[0]);
    cp_candidates_destroy(c);
    cp_instance_destroy(in);
}

static void test_locked_person_keeps_current_service(void **state)
{
    (void)state;
    cp_instance *in = tb_create();
    tb_authority(in, "a", 51.0, 0.0);
    tb_service(in, "old", 0, "residential", 1, 100);
    tb_service(in, "new", 0, "supported_living", 1, 50);
    tb_user(in, "u", 0, "supported_living");
    in->users[0].current_service = 0;
    in->users[0].locked = true;
    in->users[0].has_spot_cost = true;
    in->users[0].spot_cost = 10;
    tb_finish(in);
    cp_candidates *c = NULL;
    cp_errors why = {0};
    assert_int_equal(cp_candidates_build(in, cp_instance_config(in, "pooled"), &c, &why), CP_OK);
    assert_int_equal(c->n_pairs, 1);
    assert_int_equal(c->pair_service[0], 0);
    assert_false(c->unit_can_unplace[0]); /* locked: cannot be left unplaced */
    assert_true(c->pair_cost[0] == 0);    /* type not in the list: no preference cost */
    cp_candidates_destroy(c);
    cp_instance_destroy(in);
}

static void test_infeasible_reports_the_worst_filter(void **state)
{
    (void)state;
    cp_instance *in = tb_create();
    tb_authority(in, "merton", 51.41, -0.19);
    tb_authority(in, "aberdeen", 57.15, -2.09);
    tb_service(in, "far1", 1, "home", 1, 100);
    tb_service(in, "far2", 1, "home", 1, 100);
    tb_service(in, "flat", 0, "flat", 1, 100);
    tb_user(in, "u7", 0, "home");
    in->users[0].max_distance_km = 50;
    tb_user(in, "g1", 0, "home");
    tb_user(in, "g2", 0, "home"); /* no distance limit: reaches far1 and far2 */
    tb_group(in, 1, "pair");
    tb_group(in, 2, "pair");
    in->users[1].max_distance_km = 50; /* g1 can reach nothing; g2 could */
    tb_finish(in);
    cp_candidates *c = NULL;
    cp_errors why = {0};
    assert_int_equal(cp_candidates_build(in, cp_instance_config(in, "pooled"), &c, &why),
                     CP_ERR_INFEASIBLE);
    assert_null(c);
    assert_int_equal(why.count, 2);
    assert_string_equal(why.lines[0],
                        "user 'u7' (authority 'merton'): no compatible service and no spot "
                        "cost; most services removed by max_distance_km (2 of 3)");
    assert_string_equal(why.lines[1],
                        "user 'g1' (authority 'merton'): no compatible service and no spot "
                        "cost; most services removed by max_distance_km (2 of 3)");
    cp_errors_clear(&why);
    cp_instance_destroy(in);
}

static void test_group_without_common_service(void **state)
{
    (void)state;
    cp_instance *in = tb_create();
    tb_authority(in, "a", 51.0, 0.0);
    tb_service(in, "s1", 0, "home", 2, 100);
    tb_service(in, "s2", 0, "home", 2, 100);
    tb_user(in, "g1", 0, "home");
    tb_user(in, "g2", 0, "home");
    tb_group(in, 0, "siblings");
    tb_group(in, 1, "siblings");
    in->services[0].max_intensity = 2;
    in->services[1].min_age = 10;
    in->users[1].intensity = 3; /* g2 only fits s2 */
    in->users[0].age = 5;       /* g1 only fits s1 */
    in->users[1].age = 12;
    tb_finish(in);
    cp_candidates *c = NULL;
    cp_errors why = {0};
    assert_int_equal(cp_candidates_build(in, cp_instance_config(in, "pooled"), &c, &why),
                     CP_ERR_INFEASIBLE);
    assert_int_equal(why.count, 1);
    assert_string_equal(why.lines[0],
                        "group 'siblings' (authority 'a'): no service accepts all 2 members "
                        "together, and not every member has a spot cost");
    cp_errors_clear(&why);
    cp_instance_destroy(in);
}

/* Unit k's services under c, as a bit set of service indices. */
static unsigned services_of(const cp_candidates *c, int k)
{
    unsigned set = 0;
    for (int p = c->pair_start[k]; p < c->pair_start[k + 1]; p++)
        set |= 1u << c->pair_service[p];
    return set;
}

static void test_restrict_to_a_split_applies_the_owner_rule(void **state)
{
    (void)state;
    cp_instance *in = tb_create();
    tb_authority(in, "a", 51.0, 0.0);
    tb_authority(in, "b", 51.0, 0.1);
    tb_authority(in, "c", 51.0, 0.2);
    int own_a = tb_service(in, "own_a", 0, "home", 4, 100);
    int own_b = tb_service(in, "own_b", 1, "home", 4, 120);
    int market = tb_service(in, "market", 2, "home", 4, 90);
    tb_user(in, "ua", 0, "home");
    tb_user(in, "ub", 1, "home");
    tb_user(in, "locked", 1, "home");
    tb_user(in, "g1", 0, "home");
    tb_user(in, "g2", 0, "home");
    tb_group(in, 3, "pair");
    tb_group(in, 4, "pair");
    in->services[own_a].owner = 0;
    in->services[own_b].owner = 1;
    in->users[2].current_service = own_a;
    in->users[2].locked = true;
    const char *const whole_pools[3] = {"ab", "ab", "c"};
    const char *const split_pools[3] = {"coalition", "rest", "c"};
    tb_config(in, "whole", whole_pools);
    tb_config(in, "split", split_pools);
    tb_finish(in);

    cp_candidates *whole = candidates_of(in, "whole");
    const cp_config *split = cp_instance_config(in, "split");
    cp_candidates *c = cp_candidates_restrict(whole, in, split);
    assert_ptr_equal(c->instance, in);
    assert_ptr_equal(c->config, split);
    assert_int_equal(c->n_units, 4);
    unsigned all = 1u << own_a | 1u << own_b | 1u << market;
    assert_int_equal(services_of(whole, 0), all);
    assert_int_equal(services_of(c, 0), 1u << own_a | 1u << market); /* ua: not b's */
    assert_int_equal(services_of(c, 1), 1u << own_b | 1u << market); /* ub: not a's */
    assert_int_equal(services_of(c, 2), 1u << own_a);                /* locked in a's: stays */
    assert_int_equal(services_of(c, 3), 1u << own_a | 1u << market); /* the group, of a */

    /* the same as building the candidates under the split from scratch */
    cp_candidates *direct = candidates_of(in, "split");
    assert_int_equal(c->n_pairs, direct->n_pairs);
    for (int k = 0; k < c->n_units; k++) {
        assert_int_equal(c->unit_pool[k], direct->unit_pool[k]);
        assert_int_equal(c->pair_start[k + 1], direct->pair_start[k + 1]);
        assert_int_equal(c->unit_can_unplace[k], direct->unit_can_unplace[k]);
    }
    for (int p = 0; p < c->n_pairs; p++) {
        assert_int_equal(c->pair_service[p], direct->pair_service[p]);
        assert_true(c->pair_places[p] == direct->pair_places[p]);
        assert_true(c->pair_price[p] == direct->pair_price[p]);
        assert_true(c->pair_cost[p] == direct->pair_cost[p]);
    }
    cp_candidates_destroy(direct);
    cp_candidates_destroy(c);
    cp_candidates_destroy(whole);
    cp_instance_destroy(in);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_units_and_pair_sums),
        cmocka_unit_test(test_locked_person_keeps_current_service),
        cmocka_unit_test(test_infeasible_reports_the_worst_filter),
        cmocka_unit_test(test_group_without_common_service),
        cmocka_unit_test(test_restrict_to_a_split_applies_the_owner_rule),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
