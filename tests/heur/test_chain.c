/* Ejection chains: a three-service cycle that no move of one or two units improves is found,
 * and not when its last link is tabu; on random small instances with every feature of the
 * model, each chain found scores exactly what making it changes, and the search leaves the
 * state as it found it. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/candidates.h"
#include "heur/chain.h"
#include "heur/moves.h"
#include "heur/state.h"
#include "model_fixture.h"
#include "small_instances.h"

/* Three services of one place; person i sits in s_i at 100 a week, would pay 90 in s_(i+1)
 * and 200 in s_(i+2): the plan costs 300, the cycle of all three to their next service 270. */
static cp_instance *cycle_instance(void)
{
    cp_instance *in = tb_create();
    tb_authority(in, "a", 51.0, 0.0);
    const char *services[] = {"s0", "s1", "s2"}, *people[] = {"u0", "u1", "u2"};
    for (int s = 0; s < 3; s++)
        tb_service(in, services[s], 0, "home", 1, 100);
    for (int u = 0; u < 3; u++)
        tb_user(in, people[u], 0, "home");
    for (int u = 0; u < 3; u++) {
        tb_quote(in, u, u, 100, 1);
        tb_quote(in, u, (u + 1) % 3, 90, 1);
        tb_quote(in, u, (u + 2) % 3, 200, 1);
    }
    tb_finish(in);
    return in;
}

typedef struct fixture {
    model_fixture model;
    int *order;
    bool *ejectable;
} fixture;

static fixture prepare(cp_instance *in)
{
    fixture f = {.model = model_fixture_of(in)};
    const cp_state_model *m = f.model.m;
    const cp_candidates *c = f.model.c;
    f.order = cp_moves_order(m, NULL, 1, NULL);
    f.ejectable = malloc((size_t)m->n_units * sizeof(bool));
    for (int k = 0; k < m->n_units; k++)
        f.ejectable[k] = c->pair_start[k + 1] - c->pair_start[k] + !m->unit_mandatory[k] > 1;
    return f;
}

static void release(fixture *f)
{
    free(f->ejectable);
    free(f->order);
    model_fixture_release(&f->model);
}

static cp_scan scan_of(const fixture *f, int targets)
{
    return (cp_scan){.order = f->order, .targets = targets};
}

/* The cycle instance's plan of 300: person i in s_i. */
static cp_state *everyone_in_own_service(const fixture *f)
{
    int plan[3];
    for (int u = 0; u < 3; u++)
        plan[u] = cp_state_pair_at(f->model.m, u, u);
    return cp_state_create(f->model.m, plan);
}

static void test_finds_cycle(void **state)
{
    (void)state;
    fixture f = prepare(cycle_instance());
    cp_state *st = everyone_in_own_service(&f);
    cp_scan scan = scan_of(&f, 3);
    int start = 0;
    cp_chain chain;
    cp_chain_search(st, &scan, f.ejectable, &start, 1, 0, &chain);

    assert_int_equal(chain.n, 3);
    assert_true(fabs(chain.score + 30) < 1e-9);
    for (int i = 0; i < 3; i++) {
        int u = chain.moves[i].unit;
        assert_int_equal(u, i);
        assert_int_equal(chain.moves[i].to, cp_state_pair_at(f.model.m, u, (u + 1) % 3));
    }
    assert_true(fabs(st->objective - 300) < 1e-9); /* left as it was */
    cp_state_destroy(st);
    release(&f);
}

/* With u2's way to s0 tabu the cycle cannot close, from any start, and no other chain
 * improves. */
static void test_respects_tabu(void **state)
{
    (void)state;
    fixture f = prepare(cycle_instance());
    cp_state *st = everyone_in_own_service(&f);
    int *tabu = calloc((size_t)f.model.m->n_pairs, sizeof(int));
    tabu[cp_state_pair_at(f.model.m, 2, 0)] = 10;
    cp_scan scan = scan_of(&f, 3);
    scan.tabu = tabu;
    scan.now = 5;
    int starts[3] = {0, 1, 2};
    cp_chain chain;
    cp_chain_search(st, &scan, f.ejectable, starts, 3, 0, &chain);
    assert_int_equal(chain.n, 0);
    free(tabu);
    cp_state_destroy(st);
    release(&f);
}

/* A plan of random pairs (unplaced where allowed, now and then). */
static void random_plan(const fixture *f, cp_rng *rng, int *plan)
{
    for (int k = 0; k < f->model.m->n_units; k++) {
        int first = f->model.c->pair_start[k], degree = f->model.c->pair_start[k + 1] - first;
        bool out = !f->model.m->unit_mandatory[k] && cp_rng_chance(rng, 0.2);
        plan[k] = out || degree == 0 ? -1 : first + (int)cp_rng_int(rng, 0, degree - 1);
    }
}

static void test_scores_are_exact(void **state)
{
    (void)state;
    int found = 0;
    for (uint64_t seed = 1; seed <= 60; seed++) {
        fixture f = prepare(small_instance(seed, seed % 3 == 0 ? 0.6 : 1));
        cp_rng rng;
        cp_rng_seed(&rng, seed, 1);
        int *plan = malloc((size_t)f.model.m->n_units * sizeof(int));
        int *after = malloc((size_t)f.model.m->n_units * sizeof(int));
        random_plan(&f, &rng, plan);
        cp_state *st = cp_state_create(f.model.m, plan);
        double before = cp_state_score(st);
        int starts[8];
        for (int i = 0; i < 8; i++)
            starts[i] = (int)cp_rng_int(&rng, 0, f.model.m->n_units - 1);
        cp_scan scan = scan_of(&f, 4);
        cp_chain chain;
        cp_chain_search(st, &scan, f.ejectable, starts, 8, INFINITY, &chain);

        cp_state_plan(st, after);
        assert_memory_equal(plan, after, (size_t)f.model.m->n_units * sizeof(int));
        assert_true(fabs(cp_state_score(st) - before) < 1e-6);
        if (chain.n > 0) {
            found++;
            for (int i = 0; i < chain.n; i++)
                cp_state_apply(st, &chain.moves[i], 1);
            cp_state *fresh = cp_state_create(f.model.m, NULL);
            cp_state_plan(st, after);
            cp_state_load(fresh, after);
            assert_true(fabs(cp_state_score(fresh) - before - chain.score) <
                        1e-6 * (1 + fabs(before)));
            cp_state_destroy(fresh);
        }
        cp_state_destroy(st);
        free(after);
        free(plan);
        release(&f);
    }
    assert_true(found > 30);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_finds_cycle),
        cmocka_unit_test(test_respects_tabu),
        cmocka_unit_test(test_scores_are_exact),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
