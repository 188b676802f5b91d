/* The elite pool: it keeps distinct plans, the best, replacing the worst (the oldest of equal
 * worst), and a plan near a member competes with that member alone; a path from one member
 * towards another changes the units where they differ, each to the other's pair, cheapest
 * change first, its point of least cost between a quarter and three quarters of the way is the
 * restart, and it counts its evaluations; the same seed and offers give the same path. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "heur/elite.h"
#include "instance_builder.h"
#include "model_fixture.h"

enum { JOBS = 6 };

/* Six jobs and two agents of ample capacity: job k costs 50 at a0 and 50 - gain[k] at a1, so
 * that from all-a0 the changes to a1 are cheapest first in the order 3, 1, 5, 2, 4, 0. Pairs
 * are two per job, agents ascending: job k's pair at agent i is 2k + i. */
static const int gain[JOBS] = {1, 5, 3, 6, 2, 4};

static cp_instance *two_agents(void)
{
    cp_instance *in = tb_create();
    tb_authority(in, "a", 51.0, 0.0);
    tb_service(in, "a0", 0, "home", 100, 0);
    tb_service(in, "a1", 0, "home", 100, 0);
    for (int k = 0; k < JOBS; k++) {
        char id[8];
        snprintf(id, sizeof id, "j%d", k);
        tb_user(in, id, 0, "home");
        tb_quote(in, k, 0, 50, 1);
        tb_quote(in, k, 1, 50 - gain[k], 1);
    }
    in->settings.quotes_only = true;
    tb_finish(in);
    return in;
}

static model_fixture fixture_create(void)
{
    model_fixture f = model_fixture_of(two_agents());
    assert_int_equal(f.c->n_pairs, 2 * JOBS);
    return f;
}

/* The plan with job k at agent (mask >> k) & 1. */
static void plan_of(int mask, int *plan)
{
    for (int k = 0; k < JOBS; k++)
        plan[k] = 2 * k + ((mask >> k) & 1);
}

static bool offer(cp_elite *e, int mask, double objective)
{
    int plan[JOBS];
    plan_of(mask, plan);
    return cp_elite_offer(e, plan, objective);
}

static void test_keeps_distinct_best(void **state)
{
    (void)state;
    model_fixture f = fixture_create();
    cp_elite *e = cp_elite_create(f.m, 3, 1, 1, 0);
    assert_int_equal(cp_elite_size(e), 0);
    assert_true(offer(e, 1, 10));  /* pool A10 */
    assert_false(offer(e, 1, 10)); /* the same plan */
    assert_false(offer(e, 1, 9));  /* the same plan, whatever its value */
    assert_true(offer(e, 2, 12));  /* A10 B12 */
    assert_true(offer(e, 3, 11));  /* A10 B12 C11 */
    assert_int_equal(cp_elite_size(e), 3);
    assert_false(offer(e, 4, 13));   /* worse than the worst */
    assert_false(offer(e, 4, 12));   /* no better than the worst */
    assert_true(offer(e, 4, 11));    /* replaces B12: A10 C11 D11 */
    assert_false(offer(e, 2, 11.5)); /* B is gone, but 11.5 is not better than 11 */
    assert_true(offer(e, 5, 10.5));  /* replaces C, the older of the two 11s: A10 E10.5 D11 */
    assert_true(offer(e, 3, 10.2));  /* C is gone: comes back in place of D11 */
    assert_false(offer(e, 4, 10.6)); /* not better than the worst, E10.5 */
    assert_false(offer(e, 3, 10.1)); /* better, but C is in: no duplicate */
    assert_int_equal(cp_elite_size(e), 3);
    cp_elite_destroy(e);
    model_fixture_release(&f);
}

/* Spread 2: a plan one unit from a member competes with that member alone. */
static void test_spread(void **state)
{
    (void)state;
    model_fixture f = fixture_create();
    cp_elite *e = cp_elite_create(f.m, 3, 2, 1, 0);
    assert_true(offer(e, 0, 300));
    assert_false(offer(e, 1, 310)); /* one unit from 0, and worse */
    assert_true(offer(e, 1, 290));  /* one unit from 0, better: replaces it */
    assert_int_equal(cp_elite_size(e), 1);
    assert_false(offer(e, 3, 295)); /* one unit from 1 (two from 0, gone), worse than 1 */
    assert_true(offer(e, 7, 400));  /* two units from 1: kept beside it */
    assert_int_equal(cp_elite_size(e), 2);
    assert_true(offer(e, 0, 280)); /* one unit from 1 (three from 7): replaces 1 */
    assert_int_equal(cp_elite_size(e), 2);
    assert_false(offer(e, 1, 285)); /* one unit from 0, worse than it */
    assert_false(offer(e, 0, 270)); /* the same plan as a member */
    assert_true(offer(e, 56, 500)); /* far from both: room for it */
    assert_int_equal(cp_elite_size(e), 3);
    cp_elite_destroy(e);
    model_fixture_release(&f);
}

/* Moves evaluated by a path of `steps` steps over JOBS differing units. */
static long path_cost(int steps)
{
    long evaluated = 0;
    for (int s = 0; s < steps; s++)
        evaluated += JOBS - s;
    return evaluated;
}

/* Pool: all at a0 (300) and all at a1 (279). From all-a0 every change lowers the cost, so the
 * cheapest changes come first and the path's best point is its last, three quarters of the way
 * (4 of 6 units at a1); from all-a1 every change raises it, the least first, and the best point
 * is the first, a quarter of the way: the same plan. */
static void test_relink_best_point(void **state)
{
    (void)state;
    model_fixture f = fixture_create();
    const int towards_a1[JOBS] = {3, 1, 5, 2, 4, 0}; /* cheapest first from all-a0 */
    for (uint64_t seed = 1; seed <= 20; seed++) {
        cp_elite *e = cp_elite_create(f.m, 4, 1, seed, 5);
        assert_true(offer(e, 0, 300));  /* all at a0 */
        assert_true(offer(e, 63, 279)); /* all at a1 */
        int plan[JOBS];
        long evaluated = cp_elite_relink(e, plan);
        for (int i = 0; i < JOBS; i++)
            assert_int_equal(plan[towards_a1[i]], 2 * towards_a1[i] + (i < 4));
        assert_int_equal(evaluated, path_cost(4)); /* 4 steps from all-a0; from all-a1 the
                                                      path is walked to 4 steps as well */
        cp_elite_destroy(e);
    }
    model_fixture_release(&f);
}

static void test_relink_deterministic(void **state)
{
    (void)state;
    model_fixture f = fixture_create();
    int plans[2][3][JOBS];
    for (int run = 0; run < 2; run++) {
        cp_elite *e = cp_elite_create(f.m, 3, 1, 7, 2);
        assert_true(offer(e, 0, 300));
        assert_true(offer(e, 63, 279));
        assert_true(offer(e, 21, 290));
        for (int i = 0; i < 3; i++)
            cp_elite_relink(e, plans[run][i]);
        cp_elite_destroy(e);
    }
    assert_memory_equal(plans[0], plans[1], sizeof plans[0]);
    model_fixture_release(&f);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_keeps_distinct_best),
        cmocka_unit_test(test_spread),
        cmocka_unit_test(test_relink_best_point),
        cmocka_unit_test(test_relink_deterministic),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
