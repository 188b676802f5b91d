/* The incremental evaluator against the independent checker: random instances with volume
 * tiers, contract costs, candidate services with fixed costs and minimum occupancy, a
 * market-share cap, groups, locked people, quotes and moves; random sequences of shifts,
 * swaps and three-unit moves. After every move the state's objective and feasibility must be
 * those cp_check_plan computes, and the predicted deltas what the move did. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/candidates.h"
#include "core/check.h"
#include "heur/state.h"
#include "instance_builder.h"
#include "util/rng.h"

#define TOLERANCE 1e-6

/* A random instance: 3 authorities (pools {a, b} and {c} under configuration "pairs"), 9
 * services of 3 shared providers with tiers on two, candidates with fixed cost and minimum
 * occupancy, 16 people (two groups, two locked, some with spot costs, current services and
 * quotes with their own places). */
static cp_instance *random_instance(uint64_t seed, double share)
{
    cp_rng rng;
    cp_rng_seed(&rng, seed, 0);
    cp_instance *in = tb_create();
    tb_authority(in, "a", 51.0, 0.0);
    tb_authority(in, "b", 51.2, 0.1);
    tb_authority(in, "c", 51.5, -0.2);
    const char *types[] = {"home", "flat"};
    const char *providers[] = {"p0", "p1", "p2"};
    for (int s = 0; s < 9; s++) {
        char id[8];
        snprintf(id, sizeof id, "s%d", s);
        tb_service(in, id, s % 3, types[s % 2], (double)cp_rng_int(&rng, 1, 4),
                   (double)cp_rng_int(&rng, 50, 150));
    }
    for (int s = 0; s < 9; s++) {
        cp_service *service = &in->services[s];
        service->provider = cp_names_intern(&in->providers, providers[s % 3]);
        if (s >= 6) {
            service->candidate = true;
            service->fixed_cost = (double)cp_rng_int(&rng, 20, 200);
            service->min_occupancy = (double)cp_rng_int(&rng, 0, 3);
        }
    }
    tb_tier(in, "p0", 2, 0.05);
    tb_tier(in, "p0", 4.5, 0.1);
    tb_tier(in, "p1", 3, 0.08);

    for (int u = 0; u < 16; u++) {
        char id[8];
        snprintf(id, sizeof id, "u%d", u);
        tb_user(in, id, u % 3, cp_rng_chance(&rng, 0.5) ? "home;flat" : "flat;home");
        cp_user *user = &in->users[u];
        user->places = cp_rng_chance(&rng, 0.2) ? 2 : cp_rng_chance(&rng, 0.2) ? 0.5 : 1;
        if (cp_rng_chance(&rng, 0.6)) {
            user->has_spot_cost = true;
            user->spot_cost = (double)cp_rng_int(&rng, 100, 400);
        }
        if (cp_rng_chance(&rng, 0.4))
            user->current_service = (int)cp_rng_int(&rng, 0, 5);
        if (cp_rng_chance(&rng, 0.3))
            tb_quote(in, u, (int)cp_rng_int(&rng, 0, 8), (double)cp_rng_int(&rng, 40, 160),
                     cp_rng_chance(&rng, 0.5) ? NAN : 1.5);
    }
    in->users[3].locked = true;
    in->users[3].current_service = 2;
    in->users[7].locked = true;
    in->users[7].current_service = 7; /* a candidate service */
    tb_group(in, 4, "g1");
    tb_group(in, 10, "g1"); /* both of authority b */
    tb_group(in, 6, "g2");
    tb_group(in, 9, "g2"); /* both of authority a */
    in->users[9].has_spot_cost = in->users[6].has_spot_cost = true;
    in->users[9].spot_cost = in->users[6].spot_cost = 300;

    in->settings.distance_weight = 0.5;
    in->settings.preference_cost = 7;
    in->settings.move_cost = 30;
    in->settings.contract_cost = 40;
    in->settings.max_provider_share = share;
    tb_config(in, "pairs", (const char *const[]){"ab", "ab", "c"});
    tb_finish(in);
    return in;
}

/* Checks the state's objective and feasibility against the checker. Returns feasibility. */
static bool agrees_with_checker(const cp_state *st, int *plan, int *service_of_user)
{
    const cp_state_model *m = st->model;
    cp_state_plan(st, plan);
    cp_state_model_services_of_users(m, plan, service_of_user);
    cp_check *check = NULL;
    int violations = cp_check_plan(m->instance, m->candidates->config, service_of_user, &check);
    assert_true(fabs(check->objective - st->objective) < TOLERANCE);
    assert_int_equal(violations == 0, cp_state_feasible(st));
    assert_int_equal(violations == 0, cp_state_penalty(st) == 0);
    cp_check_destroy(check);
    return violations == 0;
}

/* A random move of n units (distinct), each to a random pair of its own or unplaced. */
static int random_move(const cp_candidates *c, cp_rng *rng, cp_move *moves, int n)
{
    for (int i = 0; i < n; i++) {
        int k;
        bool fresh;
        do {
            k = (int)cp_rng_int(rng, 0, c->n_units - 1);
            fresh = true;
            for (int j = 0; j < i; j++)
                fresh = fresh && moves[j].unit != k;
        } while (!fresh);
        int degree = c->pair_start[k + 1] - c->pair_start[k];
        int pick = (int)cp_rng_int(rng, -1, degree - 1);
        moves[i] = (cp_move){k, pick < 0 ? -1 : c->pair_start[k] + pick};
    }
    return n;
}

/* A swap of two placed units in different services that can trade places, if found. */
static int random_swap(const cp_state *st, cp_rng *rng, cp_move *moves)
{
    const cp_state_model *m = st->model;
    const cp_candidates *c = m->candidates;
    for (int tries = 0; tries < 50; tries++) {
        int a = (int)cp_rng_int(rng, 0, c->n_units - 1),
            b = (int)cp_rng_int(rng, 0, c->n_units - 1);
        int pa = st->pair_of_unit[a], pb = st->pair_of_unit[b];
        if (a == b || pa < 0 || pb < 0 || c->pair_service[pa] == c->pair_service[pb])
            continue;
        int qa = cp_state_pair_at(m, a, c->pair_service[pb]);
        int qb = cp_state_pair_at(m, b, c->pair_service[pa]);
        if (qa < 0 || qb < 0)
            continue;
        moves[0] = (cp_move){a, qa};
        moves[1] = (cp_move){b, qb};
        return 2;
    }
    return 0;
}

/* A swap, or a random move of one to three units. Returns the number of units (0: none). */
static int random_kind(const cp_state *st, cp_rng *rng, cp_move *moves)
{
    int kind = (int)cp_rng_int(rng, 0, 3);
    return kind == 0 ? random_swap(st, rng, moves)
                     : random_move(st->model->candidates, rng, moves, kind);
}

/* Runs steps random moves on the instance under config, checking after each. */
static void run_random_moves(cp_instance *in, const char *config, uint64_t seed, int steps,
                             int *feasible_seen, int *infeasible_seen)
{
    cp_candidates *c = NULL;
    cp_errors why = {0};
    assert_int_equal(cp_candidates_build(in, cp_instance_config(in, config), &c, &why), 0);
    cp_state_model *m = cp_state_model_create(c);
    assert_true(m->track_contracts);
    cp_rng rng;
    cp_rng_seed(&rng, seed, 1);
    int *plan = malloc((size_t)c->n_units * sizeof(int));
    int *service_of_user = malloc((size_t)in->n_users * sizeof(int));
    for (int k = 0; k < c->n_units; k++) {
        int degree = c->pair_start[k + 1] - c->pair_start[k];
        plan[k] = degree > 0 ? c->pair_start[k] + (int)cp_rng_int(&rng, 0, degree - 1) : -1;
    }
    cp_state *st = cp_state_create(m, plan);
    agrees_with_checker(st, plan, service_of_user);
    for (int step = 0; step < steps; step++) {
        cp_move moves[CP_STATE_MAX_MOVES];
        int n = random_kind(st, &rng, moves);
        if (step % 2) { /* half the time the least penalised of 8 draws: toward feasibility */
            cp_move other[CP_STATE_MAX_MOVES];
            for (int draw = 0; draw < 7; draw++) {
                int n_other = random_kind(st, &rng, other);
                if (n_other > 0 && (n == 0 || cp_state_delta(st, other, n_other).penalty <
                                                  cp_state_delta(st, moves, n).penalty)) {
                    n = n_other;
                    memcpy(moves, other, sizeof other);
                }
            }
        }
        if (n == 0)
            continue;
        double objective = st->objective, penalty = cp_state_penalty(st);
        int violations = cp_state_violations(st);
        cp_delta delta = cp_state_delta(st, moves, n);
        cp_state_apply(st, moves, n);
        assert_true(fabs(st->objective - (objective + delta.objective)) < TOLERANCE);
        assert_true(fabs(cp_state_penalty(st) - (penalty + delta.penalty)) < TOLERANCE);
        assert_int_equal(cp_state_violations(st), violations + delta.violations);
        if (agrees_with_checker(st, plan, service_of_user))
            (*feasible_seen)++;
        else
            (*infeasible_seen)++;
        if (step % 97 == 0) { /* the weights adapt during a search: deltas must follow */
            cp_state_bump_violated(st, 0.5);
            cp_state_rescale(st, step % 2 ? 0.7 : 1.3);
        }
        double incremental = cp_state_penalty(st), violation = st->violation;
        if (step % 50 == 0) {
            cp_state_refresh(st);
            assert_true(fabs(cp_state_penalty(st) - incremental) < TOLERANCE);
            assert_true(fabs(st->violation - violation) < TOLERANCE);
        }
    }
    cp_state_destroy(st);
    cp_state_model_destroy(m);
    cp_candidates_destroy(c);
    free(plan);
    free(service_of_user);
}

static void test_random_moves_match_checker(void **state)
{
    (void)state;
    int feasible = 0, infeasible = 0;
    for (uint64_t seed = 1; seed <= 12; seed++) {
        cp_instance *in = random_instance(seed, seed % 3 == 0 ? 1 : 0.7);
        run_random_moves(in, seed % 2 ? "pairs" : "pooled", seed, 3000, &feasible, &infeasible);
        cp_instance_destroy(in);
    }
    /* both kinds of plans were met, so feasibility was compared both ways */
    assert_true(feasible > 0);
    assert_true(infeasible > 0);
}

/* Three services of 5 places (s0 and s1 of one provider), four users, share cap 0.5. */
static cp_instance *share_instance(void)
{
    cp_instance *in = tb_create();
    tb_authority(in, "a", 51.0, 0.0);
    tb_service(in, "s0", 0, "home", 5, 100);
    tb_service(in, "s1", 0, "home", 5, 100);
    tb_service(in, "s2", 0, "home", 5, 100);
    in->services[1].provider = in->services[0].provider; /* s0 and s1: provider 's0' */
    for (int u = 0; u < 4; u++) {
        char id[4] = {'u', (char)('0' + u), 0};
        tb_user(in, id, 0, "home");
    }
    in->settings.max_provider_share = 0.5;
    tb_finish(in);
    return in;
}

/* A hand-made case for the share cap and the heap: pool places 4, provider p0 holds 3. */
static void test_share_cap_by_hand(void **state)
{
    (void)state;
    cp_instance *in = share_instance();
    cp_candidates *c = NULL;
    cp_errors why = {0};
    assert_int_equal(cp_candidates_build(in, cp_instance_config(in, "pooled"), &c, &why), 0);
    cp_state_model *m = cp_state_model_create(c);
    assert_int_equal(m->n_contracts, 2);    /* s0 and s1 share provider s0; s2 */
    int plan[4] = {0, 3 + 1, 6 + 2, 9 + 0}; /* pairs: unit k has pairs 3k..3k+2 */
    cp_state *st = cp_state_create(m, plan);
    assert_false(cp_state_feasible(st)); /* provider s0 has 3 of 4 places: above 2 */
    assert_true(fabs(cp_state_penalty(st) - st->scale * 1.0) < 1e-9);
    /* moving u3 to s2 gives 2 and 2: feasible */
    cp_move move = {3, 9 + 2};
    cp_delta delta = cp_state_delta(st, &move, 1);
    assert_true(fabs(delta.penalty + st->scale * 1.0) < 1e-9);
    assert_true(delta.objective == 0);
    cp_state_apply(st, &move, 1);
    assert_true(cp_state_feasible(st));
    /* unplacing u2 (in s2) without a spot cost: mandatory, and the share breaks (2 of 3) */
    move = (cp_move){2, -1};
    delta = cp_state_delta(st, &move, 1);
    assert_true(fabs(delta.penalty - (m->mandatory_weight + st->scale * 0.5)) < 1e-6);
    assert_true(delta.objective == -100);
    cp_state_destroy(st);
    cp_state_model_destroy(m);
    cp_candidates_destroy(c);
    cp_instance_destroy(in);
}

/* Shrinking the penalties past the scale's range folds the rest into the weights: 30
 * halvings halve the penalty 30 times (the fold comes at the 20th, below 1e-6). */
static void test_rescale_folds_into_weights(void **state)
{
    (void)state;
    cp_instance *in = share_instance();
    cp_candidates *c = NULL;
    cp_errors why = {0};
    assert_int_equal(cp_candidates_build(in, cp_instance_config(in, "pooled"), &c, &why), 0);
    cp_state_model *m = cp_state_model_create(c);
    int plan[4] = {0, 3 + 1, 6 + 2, 9 + 0}; /* provider s0 has 3 of 4 places: 1 above 2 */
    cp_state *st = cp_state_create(m, plan);
    assert_true(cp_state_penalty(st) == m->cost_scale);
    for (int i = 0; i < 30; i++)
        cp_state_rescale(st, 0.5);
    assert_true(st->scale == m->cost_scale * ldexp(1, -10));
    assert_true(cp_state_penalty(st) == m->cost_scale * ldexp(1, -30));
    cp_move move = {3, 9 + 2}; /* u3 to s2: feasible */
    assert_true(cp_state_delta(st, &move, 1).penalty == -m->cost_scale * ldexp(1, -30));
    cp_state_refresh(st);
    assert_true(cp_state_penalty(st) == m->cost_scale * ldexp(1, -30));
    cp_state_destroy(st);
    cp_state_model_destroy(m);
    cp_candidates_destroy(c);
    cp_instance_destroy(in);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_random_moves_match_checker),
        cmocka_unit_test(test_share_cap_by_hand),
        cmocka_unit_test(test_rescale_folds_into_weights),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
