/* The neighbourhood scan: on random plans of random instances, with and without contracts to
 * track (so both the composed and the exact ways of computing deltas are used), the best
 * move found must carry its exact delta, no shift or two-unit move of the unit may score
 * better, and tabu moves are left out unless they reach a better feasible plan; likewise
 * with three-unit moves, whose deltas are checked when one is the best. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "core/candidates.h"
#include "heur/moves.h"
#include "heur/state.h"
#include "instance_builder.h"
#include "util/rng.h"

#define TOLERANCE 1e-9

/* 2 authorities, 6 services (two candidates with fixed cost and minimum), 12 people, some
 * with spot costs and 2 places; tiers and a contract cost only when contracts is true. */
static cp_instance *random_instance(uint64_t seed, bool contracts)
{
    cp_rng rng;
    cp_rng_seed(&rng, seed, 0);
    cp_instance *in = tb_create();
    tb_authority(in, "a", 51.0, 0.0);
    tb_authority(in, "b", 51.3, 0.2);
    for (int s = 0; s < 6; s++) {
        char id[4] = {'s', (char)('0' + s), 0};
        tb_service(in, id, s % 2, "home", (double)cp_rng_int(&rng, 1, 3),
                   (double)cp_rng_int(&rng, 50, 150));
    }
    for (int s = 4; s < 6; s++) {
        in->services[s].candidate = true;
        in->services[s].fixed_cost = 80;
        in->services[s].min_occupancy = 2;
    }
    for (int u = 0; u < 12; u++) {
        char id[4] = {'u', (char)('a' + u), 0};
        tb_user(in, id, u % 2, "home");
        in->users[u].places = cp_rng_chance(&rng, 0.25) ? 2 : 1;
        if (cp_rng_chance(&rng, 0.5)) {
            in->users[u].has_spot_cost = true;
            in->users[u].spot_cost = (double)cp_rng_int(&rng, 100, 300);
        }
    }
    in->settings.distance_weight = 1;
    if (contracts) {
        in->services[1].provider = in->services[0].provider;
        tb_tier(in, "s0", 2, 0.1);
        in->settings.contract_cost = 25;
    }
    tb_finish(in);
    return in;
}

/* The score of moves if admissible under the tabu marks, else INFINITY. */
static double admissible_score(const cp_state *st, const cp_move *moves, int n, const int *tabu,
                               int now, double aspiration)
{
    cp_delta d = cp_state_delta(st, moves, n);
    bool is_tabu = false;
    for (int i = 0; i < n; i++)
        is_tabu = is_tabu || (moves[i].to >= 0 && tabu[moves[i].to] > now);
    bool aspires =
        cp_state_violations(st) + d.violations == 0 && st->objective + d.objective < aspiration;
    return !is_tabu || aspires ? d.objective + d.penalty : INFINITY;
}

/* The best admissible score in unit k's neighbourhood, by brute force over every shift and
 * every compound move (INFINITY if none). */
static double brute_best(const cp_state *st, int k, const int *tabu, int now, double aspiration)
{
    const cp_state_model *m = st->model;
    const cp_candidates *c = m->candidates;
    double best = INFINITY;
    int from = st->pair_of_unit[k];
    for (int target = c->pair_start[k] - 1; target < c->pair_start[k + 1]; target++) {
        int to = target < c->pair_start[k] ? -1 : target;
        if (to == from || (to < 0 && m->unit_mandatory[k]))
            continue;
        cp_move moves[2] = {{k, to}, {0, 0}};
        best = fmin(best, admissible_score(st, moves, 1, tabu, now, aspiration));
        if (to < 0)
            continue;
        int there = c->pair_service[to];
        for (int other = st->head[there]; other >= 0; other = st->next[other]) {
            for (int next = c->pair_start[other] - 1; next < c->pair_start[other + 1]; next++) {
                moves[1] = (cp_move){other, next < c->pair_start[other] ? -1 : next};
                if (moves[1].to < 0 ? m->unit_mandatory[other]
                                    : c->pair_service[moves[1].to] == there)
                    continue;
                best = fmin(best, admissible_score(st, moves, 2, tabu, now, aspiration));
            }
        }
    }
    return best;
}

/* extend: how many two-unit moves each scan extends by a third unit; the brute force knows
 * only shifts and two-unit moves, so with extensions the scan may find better. */
static void check_neighbourhoods(bool contracts, int extend)
{
    int extended = 0;
    for (uint64_t seed = 1; seed <= 20; seed++) {
        cp_instance *in = random_instance(seed, contracts);
        cp_candidates *c = NULL;
        cp_errors why = {0};
        assert_int_equal(cp_candidates_build(in, cp_instance_config(in, "pooled"), &c, &why), 0);
        cp_state_model *m = cp_state_model_create(c);
        assert_int_equal(m->track_contracts, contracts);
        int *rank = malloc((size_t)c->n_pairs * sizeof(int));
        int *order = cp_moves_order(m, NULL, 1, rank);
        int *tabu = calloc((size_t)c->n_pairs, sizeof(int));
        cp_rng rng;
        cp_rng_seed(&rng, seed, 1);
        int *plan = malloc((size_t)c->n_units * sizeof(int));
        for (int k = 0; k < c->n_units; k++)
            plan[k] = c->pair_start[k] + (int)cp_rng_int(&rng, 0, 5);
        cp_state *st = cp_state_create(m, plan);
        for (int p = 0; p < c->n_pairs; p++)
            tabu[p] = cp_rng_chance(&rng, 0.2) ? 10 : 0;
        cp_scan scan = {.order = order,
                        .rank = rank,
                        .targets = INT_MAX,
                        .onward = INT_MAX,
                        .compound = true,
                        .tabu = tabu,
                        .now = 5,
                        .aspiration = 800,
                        .extend = extend};
        for (int k = 0; k < c->n_units; k++) {
            cp_scan_result found;
            long evaluated = cp_moves_scan(st, &scan, k, &found);
            assert_true(evaluated > 0);
            double brute = brute_best(st, k, tabu, 5, 800);
            if (isinf(brute)) {
                assert_int_equal(found.best.n, 0);
                continue;
            }
            assert_true(found.best.n > 0);
            cp_delta exact = cp_state_delta(st, found.best.moves, found.best.n);
            assert_true(fabs(exact.objective - found.best.delta.objective) < TOLERANCE);
            assert_true(fabs(exact.penalty - found.best.delta.penalty) < TOLERANCE);
            assert_int_equal(exact.violations, found.best.delta.violations);
            if (extend == 0)
                assert_true(fabs(found.best.score - brute) < TOLERANCE);
            else
                assert_true(found.best.score < brute + TOLERANCE);
            extended += found.best.n == 3;
            if (found.feasible.n > 0) {
                exact = cp_state_delta(st, found.feasible.moves, found.feasible.n);
                assert_int_equal(cp_state_violations(st) + exact.violations, 0);
                assert_true(fabs(exact.objective - found.feasible.delta.objective) < TOLERANCE);
            }
            /* move on to a new plan so that later units see other states */
            cp_moves_apply(st, &found.best);
        }
        cp_state_destroy(st);
        cp_state_model_destroy(m);
        cp_candidates_destroy(c);
        cp_instance_destroy(in);
        free(plan);
        free(tabu);
        free(order);
        free(rank);
    }
    if (extend > 0) /* three-unit moves were the best often enough to check their deltas */
        assert_true(extended >= 5);
}

static void test_composed_deltas(void **state)
{
    (void)state;
    check_neighbourhoods(false, 0);
    check_neighbourhoods(false, 4);
}

static void test_exact_deltas(void **state)
{
    (void)state;
    check_neighbourhoods(true, 0);
    check_neighbourhoods(true, 4);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_composed_deltas),
        cmocka_unit_test(test_exact_deltas),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
