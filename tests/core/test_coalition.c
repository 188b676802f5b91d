/* Tests of a coalition's market: only the members' people (with their quotes and groups),
 * the owner rule through the coalition's configuration, the rest of a pool beside it,
 * capacities less reserved places, a candidate opened by others counting as open, and solving
 * and checking on it, including a market-share cap that binds for a council alone but not in
 * the pool. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "assert_near.h"

#include "core/attribute.h"
#include "core/candidates.h"
#include "core/check.h"
#include "core/coalition.h"
#include "core/compat.h"
#include "instance_builder.h"
#include "mip/solve.h"
#include "util/log.h"
#include "util/status.h"

#include <math.h>
#include <string.h>

enum { A, B, C };
enum { S1, S2, SA, SC };
enum { A1, A2, B1, C1, B2 };

/* Councils a, b, c at one point. s1 (3 places, 100), s2 (5, 200), sa owned by a (5, 50), sc
 * owned by c (5, 40). People a1, a2, b1, c1, b2; b1 and b2 are siblings; b2 has a quote of
 * 123 at s2; a2 is locked in s2. */
static cp_instance *market(void)
{
    cp_instance *in = tb_create();
    tb_authority(in, "a", 51.0, 0.0);
    tb_authority(in, "b", 51.0, 0.0);
    tb_authority(in, "c", 51.0, 0.0);
    tb_service(in, "s1", A, "home", 3, 100);
    tb_service(in, "s2", B, "home", 5, 200);
    tb_service(in, "sa", A, "home", 5, 50);
    tb_service(in, "sc", C, "home", 5, 40);
    in->services[SA].owner = A;
    in->services[SC].owner = C;
    tb_user(in, "a1", A, "home");
    tb_user(in, "a2", A, "home");
    tb_user(in, "b1", B, "home");
    tb_user(in, "c1", C, "home");
    tb_user(in, "b2", B, "home");
    tb_group(in, B1, "siblings");
    tb_group(in, B2, "siblings");
    tb_quote(in, B2, S2, 123, NAN);
    in->users[A2].current_service = S2;
    in->users[A2].locked = true;
    tb_finish(in);
    return in;
}

static void create(const cp_instance *in, bool a, bool b, bool c, const double *reserved,
                   cp_coalition *out)
{
    const bool member[3] = {a, b, c};
    cp_coalition_create(in, member, NULL, reserved, out);
}

/* Members' people only, in parent order, with their quotes, groups and locks. */
static void test_members_people_only(void **state)
{
    (void)state;
    cp_instance *in = market();
    cp_coalition co;
    create(in, true, true, false, NULL, &co);
    const cp_instance *ci = co.instance;
    assert_int_equal(ci->n_users, 4);
    static const int expected[4] = {A1, A2, B1, B2};
    for (int i = 0; i < 4; i++) {
        assert_int_equal(co.user_of[i], expected[i]);
        assert_string_equal(ci->users[i].id, in->users[expected[i]].id);
    }
    assert_int_equal(ci->n_quotes, 1);
    const cp_quote *quote = cp_instance_quote(ci, 3, S2);
    assert_non_null(quote);
    assert_near(quote->weekly_cost, 123);
    assert_null(cp_instance_quote(ci, 2, S2));
    assert_true(ci->users[1].locked);
    assert_int_equal(ci->users[1].current_service, S2);
    assert_int_equal(ci->users[2].group, ci->users[3].group);
    assert_string_equal(ci->groups.name[ci->users[2].group], "siblings");
    assert_int_equal(ci->n_services, 4);
    assert_string_equal(co.config.name, "coalition");
    assert_int_equal(co.config.n_pools, 2);
    assert_string_equal(co.config.pool_name[0], "coalition");
    assert_string_equal(co.config.pool_name[1], "c");
    assert_int_equal(co.config.pool_of_authority[A], 0);
    assert_int_equal(co.config.pool_of_authority[B], 0);
    assert_int_equal(co.config.pool_of_authority[C], 1);
    cp_coalition_destroy(&co);
    cp_coalition_destroy(&co); /* emptied: a second destroy is harmless */
    cp_coalition_destroy(NULL);
    cp_instance_destroy(in);
}

/* b alone with the rest of its pool (a) beside it: a's people come too, in a pool "rest" of
 * their own, so a's service sa is closed to b and open to a; c stays out. */
static void test_rest_of_pool(void **state)
{
    (void)state;
    cp_instance *in = market();
    const bool member[3] = {false, true, false}, rest[3] = {true, false, false};
    cp_coalition co;
    cp_coalition_create(in, member, rest, NULL, &co);
    assert_int_equal(co.instance->n_users, 4); /* a1, a2, b1, b2 */
    assert_int_equal(co.config.n_pools, 3);
    assert_string_equal(co.config.pool_name[co.config.pool_of_authority[B]], "coalition");
    assert_string_equal(co.config.pool_name[co.config.pool_of_authority[A]], "rest");
    assert_string_equal(co.config.pool_name[co.config.pool_of_authority[C]], "c");
    assert_int_equal(cp_compat_check(co.instance, &co.config, 0, SA), CP_FILTER_NONE);
    assert_int_equal(cp_compat_check(co.instance, &co.config, 2, SA), CP_FILTER_OWNER);
    cp_coalition_destroy(&co);
    cp_instance_destroy(in);
}

/* sa (owned by member a) is open to every member, b included; sc (owned by c, outside) to
 * none. For b alone, sa is closed too. */
static void test_owner_rule(void **state)
{
    (void)state;
    cp_instance *in = market();
    cp_coalition ab, b;
    create(in, true, true, false, NULL, &ab);
    create(in, false, true, false, NULL, &b);
    /* users of ab: a1, a2, b1, b2 */
    assert_int_equal(cp_compat_check(ab.instance, &ab.config, 0, SA), CP_FILTER_NONE);
    assert_int_equal(cp_compat_check(ab.instance, &ab.config, 2, SA), CP_FILTER_NONE);
    assert_int_equal(cp_compat_check(ab.instance, &ab.config, 0, SC), CP_FILTER_OWNER);
    assert_int_equal(cp_compat_check(ab.instance, &ab.config, 2, SC), CP_FILTER_OWNER);
    /* users of b: b1, b2 */
    assert_int_equal(cp_compat_check(b.instance, &b.config, 0, SA), CP_FILTER_OWNER);
    assert_int_equal(cp_compat_check(b.instance, &b.config, 0, S1), CP_FILTER_NONE);
    /* in the candidates: the sibling unit of ab has s1, s2, sa; b's has s1, s2 */
    cp_candidates *c = NULL;
    cp_errors why = {0};
    assert_int_equal(cp_candidates_build(ab.instance, &ab.config, &c, &why), CP_OK);
    int k = c->unit_of_user[2];
    assert_int_equal(c->unit_of_user[3], k);
    assert_int_equal(c->pair_start[k + 1] - c->pair_start[k], 3);
    assert_int_equal(c->pair_service[c->pair_start[k] + 2], SA);
    cp_candidates_destroy(c);
    assert_int_equal(cp_candidates_build(b.instance, &b.config, &c, &why), CP_OK);
    assert_int_equal(c->n_units, 1);
    assert_int_equal(c->pair_start[1], 2);
    cp_candidates_destroy(c);
    cp_coalition_destroy(&ab);
    cp_coalition_destroy(&b);
    cp_instance_destroy(in);
}

/* Reserving 2 of s1's 3 places leaves 1: placing a1 and the two siblings there breaks the
 * coalition's capacity (3 > 1) but not the parent's; placing only a1 there is feasible, and
 * the group is kept (siblings in sa together, a2 locked in s2): 100 + 200 + 2 x 50 = 400. */
static void test_reserved_capacity_binds(void **state)
{
    (void)state;
    cp_instance *in = market();
    const double reserved[4] = {[S1] = 2, [SC] = 9};
    cp_coalition co;
    create(in, true, true, false, reserved, &co);
    assert_near(co.instance->services[S1].capacity, 1);
    assert_near(co.instance->services[S2].capacity, 5);
    assert_near(co.instance->services[SC].capacity, 0);
    assert_near(in->services[S1].capacity, 3);

    static const int crowded[4] = {S1, S2, S1, S1};
    cp_check *check = NULL;
    assert_int_equal(cp_check_plan(co.instance, &co.config, crowded, &check), 1);
    assert_string_equal(check->violations.lines[0],
                        "service 's1' over capacity: 3 places used, capacity 1");
    cp_check_destroy(check);
    const int parent_plan[5] = {S1, S2, S1, S2, S1};
    assert_int_equal(cp_check_plan(in, cp_instance_config(in, "pooled"), parent_plan, &check), 0);
    cp_check_destroy(check);

    static const int plan[4] = {S1, S2, SA, SA};
    assert_int_equal(cp_check_plan(co.instance, &co.config, plan, &check), 0);
    assert_near(check->objective, 400);
    double cost[3];
    cp_attribute_costs(co.instance, &co.config, plan, check, cost);
    assert_near(cost[A], 300);
    assert_near(cost[B], 100);
    assert_near(cost[C], 0);
    cp_check_destroy(check);
    cp_coalition_destroy(&co);
    cp_instance_destroy(in);
}

/* A candidate (fixed cost 60, min_occupancy 2) where c's person holds a place is open already
 * in the market c leaves: a alone places one person there at 100, opening nothing. With
 * nothing reserved it is a's to open: one person breaks min_occupancy. */
static void test_candidate_opened_by_others(void **state)
{
    (void)state;
    cp_instance *in = tb_create();
    tb_authority(in, "a", 51.0, 0.0);
    tb_authority(in, "c", 51.0, 0.0);
    tb_service(in, "new", 0, "home", 4, 100);
    in->services[0].candidate = true;
    in->services[0].fixed_cost = 60;
    in->services[0].min_occupancy = 2;
    tb_user(in, "a1", 0, "home");
    tb_user(in, "c1", 1, "home");
    tb_finish(in);
    const bool member[2] = {true, false};
    const double reserved[1] = {1};
    static const int plan[1] = {0};
    cp_coalition co;
    cp_check *check = NULL;
    cp_coalition_create(in, member, NULL, reserved, &co);
    assert_false(co.instance->services[0].candidate);
    assert_near(co.instance->services[0].capacity, 3);
    assert_true(in->services[0].candidate);
    assert_int_equal(cp_check_plan(co.instance, &co.config, plan, &check), 0);
    assert_near(check->objective, 100);
    assert_int_equal(check->n_opened, 0);
    cp_check_destroy(check);
    cp_coalition_destroy(&co);
    cp_coalition_create(in, member, NULL, NULL, &co);
    assert_int_equal(cp_check_plan(co.instance, &co.config, plan, &check), 1);
    assert_near(check->objective, 160);
    cp_check_destroy(check);
    cp_coalition_destroy(&co);
    cp_instance_destroy(in);
}

/* Optimum of a coalition's market by the exact method. */
static double solve(const cp_coalition *co, int *plan)
{
    cp_log_set_verbosity(CP_QUIET);
    cp_candidates *c = NULL;
    cp_errors why = {0};
    assert_int_equal(cp_candidates_build(co->instance, &co->config, &c, &why), CP_OK);
    cp_mip_options options = cp_mip_options_default();
    cp_solution s;
    assert_int_equal(cp_mip_solve(c, &options, &s), CP_OK);
    assert_int_equal(s.status, CP_STATUS_OPTIMAL);
    memcpy(plan, s.service_of_user, (size_t)co->instance->n_users * sizeof *plan);
    cp_check *check = NULL;
    assert_int_equal(cp_check_plan(co->instance, &co->config, plan, &check), 0);
    double objective = check->objective;
    assert_near(objective, s.objective);
    cp_check_destroy(check);
    cp_solution_free(&s);
    cp_candidates_destroy(c);
    return objective;
}

/* Solving the siblings' coalition b with s1 reserved down to 1 place: the pair (2 places)
 * cannot go to s1 (100 each) nor sa (a's), so s2: b1 at 200 and b2 at its quote 123. With
 * nothing reserved they take s1: 200. */
static void test_solve_coalition_market(void **state)
{
    (void)state;
    cp_instance *in = market();
    const double reserved[4] = {[S1] = 2};
    cp_coalition co;
    int plan[2];
    create(in, false, true, false, reserved, &co);
    assert_near(solve(&co, plan), 323);
    assert_int_equal(plan[0], S2);
    assert_int_equal(plan[1], S2);
    cp_coalition_destroy(&co);
    create(in, false, true, false, NULL, &co);
    assert_near(solve(&co, plan), 200);
    assert_int_equal(plan[0], S1);
    assert_int_equal(plan[1], S1);
    cp_coalition_destroy(&co);
    cp_instance_destroy(in);
}

/* max_provider_share 0.5. Pooled, a1, a2 in p1 (100 each) and b1, b2 in p2 (150 each) keep
 * each provider at half of the pool's 4 places: a's attributed cost is 200. Alone, a's two
 * people must use two providers: v({a}) = 100 + 150 = 250, the cap binding. */
static void test_share_cap_binds_alone_not_pooled(void **state)
{
    (void)state;
    cp_instance *in = tb_create();
    tb_authority(in, "a", 51.0, 0.0);
    tb_authority(in, "b", 51.0, 0.0);
    tb_service(in, "p1", A, "home", 10, 100);
    tb_service(in, "p2", B, "home", 10, 150);
    tb_user(in, "a1", A, "home");
    tb_user(in, "a2", A, "home");
    tb_user(in, "b1", B, "home");
    tb_user(in, "b2", B, "home");
    in->settings.max_provider_share = 0.5;
    tb_finish(in);

    const cp_config *pooled = cp_instance_config(in, "pooled");
    static const int pooled_plan[4] = {0, 0, 1, 1};
    cp_check *check = NULL;
    assert_int_equal(cp_check_plan(in, pooled, pooled_plan, &check), 0);
    double cost[2];
    cp_attribute_costs(in, pooled, pooled_plan, check, cost);
    assert_near(cost[A], 200);
    assert_near(cost[B], 300);
    cp_check_destroy(check);

    const bool member[2] = {true, false};
    const double reserved[2] = {0, 2}; /* b's places in p2 */
    cp_coalition co;
    cp_coalition_create(in, member, NULL, reserved, &co);
    static const int together[2] = {0, 0};
    assert_int_equal(cp_check_plan(co.instance, &co.config, together, &check), 1);
    cp_check_destroy(check);
    int plan[2];
    assert_near(solve(&co, plan), 250);
    assert_int_not_equal(plan[0], plan[1]);
    cp_coalition_destroy(&co);
    cp_instance_destroy(in);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_members_people_only),
        cmocka_unit_test(test_owner_rule),
        cmocka_unit_test(test_rest_of_pool),
        cmocka_unit_test(test_reserved_capacity_binds),
        cmocka_unit_test(test_candidate_opened_by_others),
        cmocka_unit_test(test_solve_coalition_market),
        cmocka_unit_test(test_share_cap_binds_alone_not_pooled),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
