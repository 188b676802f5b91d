/* Shared by the heur/ tests of construction and search: random small instances with every
 * feature of the model (tiers, contract costs, a candidate service with fixed cost and
 * minimum occupancy, a market-share cap, a group, a locked person, spot costs), and their
 * optimum found by enumerating every plan and pricing it with the independent checker. */
#ifndef CAREPOOL_TESTS_HEUR_SMALL_INSTANCES_H
#define CAREPOOL_TESTS_HEUR_SMALL_INSTANCES_H

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "core/candidates.h"
#include "core/check.h"
#include "instance_builder.h"
#include "util/rng.h"

/* 2 authorities, 4 services of 3 providers (s3 a candidate with fixed cost 60 and minimum 2,
 * p0 with tiers), 7 people of whom two form a group and one is locked in s0; capacities are
 * drawn so that some instances are tight. share < 1 sets the market-share cap. */
static inline cp_instance *small_instance(uint64_t seed, double share)
{
    cp_rng rng;
    cp_rng_seed(&rng, seed, 7);
    cp_instance *in = tb_create();
    tb_authority(in, "a", 51.0, 0.0);
    tb_authority(in, "b", 51.4, 0.3);
    const char *providers[] = {"p0", "p0", "p1", "p2"};
    for (int s = 0; s < 4; s++) {
        char id[4] = {'s', (char)('0' + s), 0};
        tb_service(in, id, s % 2, "home", (double)cp_rng_int(&rng, 2, 4),
                   (double)cp_rng_int(&rng, 60, 140));
    }
    for (int s = 0; s < 4; s++)
        in->services[s].provider = cp_names_intern(&in->providers, providers[s]);
    in->services[3].candidate = true;
    in->services[3].fixed_cost = 60;
    in->services[3].min_occupancy = 2;
    tb_tier(in, "p0", 3, 0.1);
    for (int u = 0; u < 7; u++) {
        char id[4] = {'u', (char)('0' + u), 0};
        tb_user(in, id, u % 2, "home");
        in->users[u].places = cp_rng_chance(&rng, 0.2) ? 2 : 1;
        if (cp_rng_chance(&rng, 0.5)) {
            in->users[u].has_spot_cost = true;
            in->users[u].spot_cost = (double)cp_rng_int(&rng, 150, 400);
        }
        if (cp_rng_chance(&rng, 0.3))
            in->users[u].current_service = (int)cp_rng_int(&rng, 0, 2);
    }
    in->users[5].locked = true;
    in->users[5].current_service = 0;
    tb_group(in, 2, "g");
    tb_group(in, 4, "g"); /* both of authority a */
    in->settings.distance_weight = 2;
    in->settings.move_cost = 40;
    in->settings.contract_cost = 30;
    in->settings.max_provider_share = share;
    tb_finish(in);
    return in;
}

/* Prices plan (pair per unit) with the checker. Returns the objective, INFINITY when the plan
 * is infeasible. */
static inline double checked_objective(const cp_candidates *c, const int *plan)
{
    const cp_instance *in = c->instance;
    int *service_of_user = malloc((size_t)in->n_users * sizeof(int));
    for (int k = 0; k < c->n_units; k++)
        for (int i = c->unit_start[k]; i < c->unit_start[k + 1]; i++)
            service_of_user[c->unit_members[i]] = plan[k] < 0 ? CP_NONE : c->pair_service[plan[k]];
    cp_check *check = NULL;
    int violations = cp_check_plan(in, c->config, service_of_user, &check);
    double objective = violations == 0 ? check->objective : INFINITY;
    cp_check_destroy(check);
    free(service_of_user);
    return objective;
}

/* The least objective of a feasible plan, by enumerating every plan (INFINITY: none). */
static inline double brute_force_optimum(const cp_candidates *c)
{
    int n = c->n_units;
    int *plan = malloc((size_t)n * sizeof(int));
    for (int k = 0; k < n; k++)
        plan[k] = c->unit_can_unplace[k] ? -1 : c->pair_start[k];
    double best = INFINITY;
    for (;;) {
        best = fmin(best, checked_objective(c, plan));
        int k = 0; /* next plan: an odometer over each unit's choices */
        while (k < n) {
            int first = c->unit_can_unplace[k] ? -1 : c->pair_start[k];
            if (plan[k] < 0)
                plan[k] = c->pair_start[k];
            else
                plan[k]++;
            if (plan[k] < c->pair_start[k + 1])
                break;
            plan[k] = first;
            k++;
        }
        if (k == n)
            break;
    }
    free(plan);
    return best;
}

#endif
