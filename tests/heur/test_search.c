/* The parallel search: it reaches a hand-computed optimum from a poor start and the optimum
 * found by enumeration on random small instances; the same seed and thread count give the
 * same plan; one and two threads both give valid plans, priced as the checker prices them;
 * the stop rules (work, deadline, no progress) and the improvement callback behave. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <string.h>

#include "heur/search.h"
#include "candidates_of.h"
#include "heur/small_instances.h"
#include "util/timer.h"

/* Services s0 (capacity 2, price 100), s1 (capacity 2, price 150, 10% off from 2 places) and
 * candidate c (capacity 3, price 60, fixed cost 100, minimum 3); four people at one point, u3
 * with a spot cost of 90. Without c the best is 2 in s0 and u3 unplaced with one in s1: 200
 * + 135 + 90 = 425 (or both in s1: 200 + 270 = 470). With c: three in c (280) and u3
 * unplaced (90) = 370, the optimum; three in c and u3 in s0 = 380. */
static void test_reaches_hand_optimum(void **state)
{
    (void)state;
    cp_instance *in = tb_create();
    tb_authority(in, "a", 51.0, 0.0);
    tb_service(in, "s0", 0, "home", 2, 100);
    tb_service(in, "s1", 0, "home", 2, 150);
    tb_service(in, "c", 0, "home", 3, 60);
    in->services[2].candidate = true;
    in->services[2].fixed_cost = 100;
    in->services[2].min_occupancy = 3;
    tb_tier(in, "s1", 2, 0.1);
    for (int u = 0; u < 4; u++) {
        char id[4] = {'u', (char)('0' + u), 0};
        tb_user(in, id, 0, "home");
    }
    in->users[3].has_spot_cost = true;
    in->users[3].spot_cost = 90;
    tb_finish(in);
    cp_candidates *c = candidates_of(in, "pooled");
    /* start: u0, u1 in s0; u2, u3 in s1 (pairs are 3 per unit, services ascending) */
    int start[4] = {0, 3, 6 + 1, 9 + 1};
    cp_search_params params = cp_search_defaults();
    params.max_moves = 20000;
    cp_search_result result;
    cp_search_run(c, start, &params, &result);
    assert_true(result.feasible);
    assert_true(fabs(result.objective - 370) < 1e-9);
    assert_true(fabs(checked_objective(c, result.pair_of_unit) - 370) < 1e-9);
    assert_int_equal(result.pair_of_unit[3], -1);
    for (int k = 0; k < 3; k++)
        assert_int_equal(c->pair_service[result.pair_of_unit[k]], 2);
    assert_int_equal(result.stopped_by, CP_SEARCH_WORK);
    free(result.pair_of_unit);
    cp_candidates_destroy(c);
    cp_instance_destroy(in);
}

/* Random small instances: the optimum of the enumeration, or no feasible plan. */
static void test_reaches_enumerated_optimum(void **state)
{
    (void)state;
    for (uint64_t seed = 1; seed <= 30; seed++) {
        cp_instance *in = small_instance(seed, seed % 2 ? 1 : 0.75);
        cp_candidates *c = candidates_of(in, "pooled");
        double optimum = brute_force_optimum(c);
        cp_search_params params = cp_search_defaults();
        params.seed = seed;
        params.max_moves = 100000;
        cp_search_result result;
        cp_search_run(c, NULL, &params, &result);
        assert_int_equal(result.feasible, isfinite(optimum));
        if (isfinite(optimum))
            assert_true(fabs(result.objective - optimum) < 1e-6);
        else
            assert_true(isinf(result.objective));
        free(result.pair_of_unit);
        cp_candidates_destroy(c);
        cp_instance_destroy(in);
    }
}

/* A generalized assignment instance: 150 jobs, 8 agents, costs and sizes drawn, capacities
 * 80% of the mean load (tight, so that the search has work to do). */
static cp_instance *assignment_instance(uint64_t seed)
{
    cp_rng rng;
    cp_rng_seed(&rng, seed, 3);
    cp_instance *in = tb_create();
    tb_authority(in, "a", 51.0, 0.0);
    enum { JOBS = 150, AGENTS = 8 };
    double sizes[AGENTS] = {0};
    int cost[JOBS][AGENTS], size[JOBS][AGENTS];
    for (int j = 0; j < JOBS; j++)
        for (int i = 0; i < AGENTS; i++) {
            size[j][i] = (int)cp_rng_int(&rng, 5, 25);
            cost[j][i] = 60 - size[j][i] + (int)cp_rng_int(&rng, 0, 20);
            sizes[i] += size[j][i];
        }
    for (int i = 0; i < AGENTS; i++) {
        char id[8];
        snprintf(id, sizeof id, "a%d", i);
        tb_service(in, id, 0, "home", (double)(int)(0.8 * sizes[i] / AGENTS), 0);
    }
    for (int j = 0; j < JOBS; j++) {
        char id[8];
        snprintf(id, sizeof id, "j%d", j);
        tb_user(in, id, 0, "home");
        for (int i = 0; i < AGENTS; i++)
            tb_quote(in, j, i, cost[j][i], size[j][i]);
    }
    in->settings.quotes_only = true;
    tb_finish(in);
    return in;
}

static cp_search_result run(const cp_candidates *c, int threads, uint64_t seed, long long moves)
{
    cp_search_params params = cp_search_defaults();
    params.threads = threads;
    params.seed = seed;
    params.max_moves = moves;
    cp_search_result result;
    cp_search_run(c, NULL, &params, &result);
    return result;
}

static void test_same_seed_same_plan(void **state)
{
    (void)state;
    cp_instance *in = assignment_instance(1);
    cp_candidates *c = candidates_of(in, "pooled");
    for (int threads = 1; threads <= 2; threads++) {
        cp_search_result a = run(c, threads, 5, 3000000), b = run(c, threads, 5, 3000000);
        assert_true(a.feasible);
        assert_true(a.objective == b.objective);
        assert_memory_equal(a.pair_of_unit, b.pair_of_unit, (size_t)c->n_units * sizeof(int));
        assert_true(a.moves_evaluated == b.moves_evaluated);
        assert_true(a.moves_evaluated >= 3000000);
        /* the value is the checker's */
        assert_true(fabs(checked_objective(c, a.pair_of_unit) - a.objective) < 1e-6);
        free(a.pair_of_unit);
        free(b.pair_of_unit);
    }
    cp_candidates_destroy(c);
    cp_instance_destroy(in);
}

static void test_one_and_two_threads_valid(void **state)
{
    (void)state;
    cp_instance *in = assignment_instance(2);
    cp_candidates *c = candidates_of(in, "pooled");
    cp_search_result one = run(c, 1, 9, 4000000), two = run(c, 2, 9, 4000000);
    assert_true(one.feasible);
    assert_true(two.feasible);
    assert_true(fabs(checked_objective(c, one.pair_of_unit) - one.objective) < 1e-6);
    assert_true(fabs(checked_objective(c, two.pair_of_unit) - two.objective) < 1e-6);
    /* two searches of the same work end close to each other */
    assert_true(two.objective <= one.objective * 1.02 && one.objective <= two.objective * 1.02);
    free(one.pair_of_unit);
    free(two.pair_of_unit);
    cp_candidates_destroy(c);
    cp_instance_destroy(in);
}

static double last_seen;
static int n_meetings, n_increases;

static void note(void *context, double objective)
{
    (void)context;
    if (n_meetings > 0 && objective > last_seen)
        n_increases++;
    last_seen = objective;
    n_meetings++;
}

/* No limit at all: the search ends by itself once it stops improving (after 20 meetings
 * without a better plan); the callback sees the start and every meeting, never a worse value,
 * the last one being the result. */
static void test_stall_and_callback(void **state)
{
    (void)state;
    cp_instance *in = assignment_instance(3);
    cp_candidates *c = candidates_of(in, "pooled");
    cp_search_params params = cp_search_defaults();
    params.on_meeting = note;
    n_meetings = n_increases = 0;
    cp_search_result result;
    cp_search_run(c, NULL, &params, &result);
    assert_int_equal(result.stopped_by, CP_SEARCH_WORK);
    assert_true(n_meetings >= 21);
    assert_int_equal(n_increases, 0);
    assert_true(fabs(last_seen - result.objective) < 1e-6);
    free(result.pair_of_unit);
    cp_candidates_destroy(c);
    cp_instance_destroy(in);
}

/* A deadline already passed: the plan built, unchanged. */
static void test_deadline(void **state)
{
    (void)state;
    cp_instance *in = assignment_instance(4);
    cp_candidates *c = candidates_of(in, "pooled");
    cp_search_params params = cp_search_defaults();
    params.deadline = cp_wall_seconds() - 1;
    params.threads = 2;
    cp_search_result result;
    cp_search_run(c, NULL, &params, &result);
    assert_int_equal(result.stopped_by, CP_SEARCH_DEADLINE);
    assert_true(result.moves_evaluated == 0);
    double value = checked_objective(c, result.pair_of_unit);
    assert_int_equal(result.feasible, isfinite(value));
    free(result.pair_of_unit);
    cp_candidates_destroy(c);
    cp_instance_destroy(in);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_reaches_hand_optimum),
        cmocka_unit_test(test_reaches_enumerated_optimum),
        cmocka_unit_test(test_same_seed_same_plan),
        cmocka_unit_test(test_one_and_two_threads_valid),
        cmocka_unit_test(test_stall_and_callback),
        cmocka_unit_test(test_deadline),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
