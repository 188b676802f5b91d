/* The two-pool solves of compare's games, made cheap enough for thousands of them: the pool's
 * candidates are built once (all members as one pool), and each split of the pool into a
 * coalition and the rest takes them restricted to the split (cp_candidates_restrict: the owner
 * rule, the only filter that depends on pools); the search then starts from the configuration's
 * plan, which fits the split's market (the capacity the other pools leave) but for the people in
 * services the split closes to them, who start in their cheapest open pair with room, and
 * services that this leaves below their minimum occupancy, which are emptied the same way.
 * Its plan then goes through the closing moves (heur/close.h), which matter here: each of
 * the two pools pays its own contracts. Where that search ends without a feasible plan, the
 * whole heuristic runs from scratch. */
#include "engine/compare.h"

#include <math.h>
#include <stdlib.h>

#include "core/attribute.h"
#include "core/check.h"
#include "core/rules.h"
#include "heur/close.h"
#include "heur/heuristic.h"
#include "heur/search.h"
#include "util/alloc.h"

/* The pair of unit k with service, or -1 (pairs are in ascending service order). */
static int pair_of(const cp_candidates *c, int k, int service)
{
    int low = c->pair_start[k], high = c->pair_start[k + 1];
    while (service != CP_NONE && low < high) {
        int middle = (low + high) / 2;
        if (c->pair_service[middle] < service)
            low = middle + 1;
        else
            high = middle;
    }
    return service != CP_NONE && low < c->pair_start[k + 1] && c->pair_service[low] == service ? low
                                                                                               : -1;
}

/* Moves unit k to its cheapest pair with room left in a service that is not closed, or -1. */
static void move_cheapest(const cp_candidates *c, int k, double *used, const bool *closed,
                          int *start)
{
    const cp_instance *instance = c->instance;
    if (start[k] >= 0)
        used[c->pair_service[start[k]]] -= c->pair_places[start[k]];
    start[k] = -1;
    double best = INFINITY;
    for (int p = c->pair_start[k]; p < c->pair_start[k + 1]; p++) {
        int s = c->pair_service[p];
        if (!closed[s] &&
            used[s] + c->pair_places[p] <= cp_rules_ceiling(instance->services[s].capacity) &&
            c->pair_price[p] + c->pair_cost[p] < best) {
            best = c->pair_price[p] + c->pair_cost[p];
            start[k] = p;
        }
    }
    if (start[k] >= 0)
        used[c->pair_service[start[k]]] += c->pair_places[start[k]];
}

/* A start for a search on c (split's candidates): per unit the pair of the service plan (of
 * split's parent) gives its first member, repaired as the file's comment says. */
static int *split_start(const cp_candidates *c, const cp_coalition *split, const int *plan)
{
    const cp_instance *instance = split->instance;
    int *start = cp_malloc((size_t)c->n_units * sizeof *start + 1);
    double *used = cp_calloc((size_t)instance->n_services + 1, sizeof *used);
    bool *closed = cp_calloc((size_t)instance->n_services + 1, sizeof *closed);
    for (int k = 0; k < c->n_units; k++) {
        start[k] = pair_of(c, k, plan[split->user_of[c->unit_members[c->unit_start[k]]]]);
        if (start[k] >= 0)
            used[c->pair_service[start[k]]] += c->pair_places[start[k]];
    }
    /* A unit whose service the split closes goes to its cheapest pair with room left. */
    for (int k = 0; k < c->n_units; k++)
        if (start[k] < 0 && plan[split->user_of[c->unit_members[c->unit_start[k]]]] != CP_NONE)
            move_cheapest(c, k, used, closed, start);
    /* A service left below its minimum occupancy is closed and its people moved. */
    for (int s = 0; s < instance->n_services; s++)
        closed[s] = used[s] > 0 && cp_rules_under(used[s], instance->services[s].min_occupancy);
    for (int k = 0; k < c->n_units; k++)
        if (start[k] >= 0 && closed[c->pair_service[start[k]]])
            move_cheapest(c, k, used, closed, start);
    free(used);
    free(closed);
    return start;
}

/* A plan (service per user of split's market) found by the search from the configuration's
 * plan, or where that ends infeasible by the whole heuristic (Lagrangian bound and search
 * from scratch) with the same work budget; NULL when neither finds one. Sets s's method. */
static int *plan_split(const cp_compare_params *params, const cp_candidates *c, const int *given,
                       const cp_coalition *split, cp_coalition_result *s)
{
    long long budget = (long long)ceil(params->coalition_work * c->n_pairs) + 1;
    int *start = split_start(c, split, given);
    cp_search_params search = cp_search_defaults();
    search.seed = params->solve.seed;
    search.threads = 1;
    search.max_moves = budget;
    cp_state_model *model = cp_state_model_create(c);
    search.model = model;
    cp_search_result result;
    cp_search_run(c, start, &search, &result);
    free(start);
    int *plan = NULL;
    if (result.feasible) {
        cp_close_improve(model, result.pair_of_unit, CP_CLOSE_MAX_UNITS, &result.objective);
        plan = cp_malloc((size_t)split->instance->n_users * sizeof *plan + 1);
        for (int k = 0; k < c->n_units; k++)
            for (int i = c->unit_start[k]; i < c->unit_start[k + 1]; i++)
                plan[c->unit_members[i]] =
                    result.pair_of_unit[k] < 0 ? CP_NONE : c->pair_service[result.pair_of_unit[k]];
        s->status = "feasible";
    } else {
        cp_heur_options heur = cp_heur_options_default();
        heur.gap = params->solve.gap;
        heur.seed = params->solve.seed;
        heur.progress_seconds = INFINITY;
        heur.max_moves = budget;
        cp_solution solution;
        cp_heur_solve(c, &heur, &solution, NULL);
        s->method = "heuristic";
        s->status = cp_solution_status_name(solution.status);
        s->bound = solution.bound;
        plan = solution.service_of_user;
    }
    free(result.pair_of_unit);
    cp_state_model_destroy(model);
    return plan;
}

void cp_compare_split_value(const cp_compare_params *params, const cp_candidates *whole,
                            const int *given, const cp_coalition *split, const bool *member,
                            cp_coalition_result *s, cp_coalition_result *rest)
{
    const cp_instance *instance = split->instance;
    cp_candidates *c = cp_candidates_restrict(whole, split->instance, &split->config);
    int *plan = plan_split(params, c, given, split, s);
    cp_check *check = NULL;
    if (plan && cp_check_plan(split->instance, &split->config, plan, &check)) {
        cp_compare_note("internal error: a coalition's plan fails the checker: %s",
                        check->violations.lines[0]);
        s->status = CP_COALITION_INVALID;
    } else if (plan) {
        double *cost = cp_malloc((size_t)instance->n_authorities * sizeof *cost);
        cp_attribute_costs(split->instance, &split->config, plan, check, cost);
        s->value = rest->value = 0;
        for (int a = 0; a < instance->n_authorities; a++)
            if (split->config.pool_of_authority[a] == 0)
                s->value += cost[a];
            else if (member[a])
                rest->value += cost[a];
        s->rest_value = rest->value;
        rest->rest_value = s->value;
        if (!isnan(s->bound)) /* the heuristic's; the search from the plan has none */
            s->bound = fmin(s->bound, check->objective);
        free(cost);
    }
    cp_check_destroy(check);
    free(plan);
    cp_candidates_destroy(c);
}
