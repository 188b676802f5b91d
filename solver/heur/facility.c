/* The facility location bound: see facility.h.
 *
 * Per pool: each unit's choices are its providers, at the least cost of its pairs there,
 * sorted by cost, and the unplaced option caps v_k (a choice of its own with nothing to pay).
 * v_k starts at the cheapest choice; every provider's slack starts at contract_cost. A pass
 * takes the units in order and raises each v_k to its next choice's cost, or by as much as
 * the least slack of the providers it already reaches allows (each loses what v_k gains);
 * passes repeat until one raises nothing. Raising a unit one level at a time shares the slack
 * out among the units, as in Erlenkotter's DUALOC. */
#include "heur/facility.h"

#include "util/alloc.h"

#include <math.h>
#include <stdlib.h>

enum { MAX_PASSES = 100 };

typedef struct choice {
    double cost;
    int provider;
} choice;

typedef struct pool_work {
    choice *choices; /* the pool's units' choices, unit after unit */
    int *first;      /* per unit of the pool: its choices are [first[i], first[i + 1]) */
    int *reached;    /* per unit: choices [first[i], reached[i]) cost at most v */
    double *v;
    double *slack; /* per provider */
    int *slot;     /* per provider: its choice for the unit under way, or -1 */
} pool_work;

static int by_cost(const void *left, const void *right)
{
    const choice *a = left, *b = right;
    if (a->cost != b->cost)
        return a->cost < b->cost ? -1 : 1;
    return (a->provider > b->provider) - (a->provider < b->provider);
}

/* Unit k's choices, appended at w->choices + n; returns the new n. */
static int unit_choices(const cp_candidates *c, const double *pair_cost, const double *lambda,
                        int k, pool_work *w, int n)
{
    int from = n;
    for (int p = c->pair_start[k]; p < c->pair_start[k + 1]; p++) {
        double cost = pair_cost[p] + lambda[c->pair_service[p]] * c->pair_places[p];
        if (cost == INFINITY)
            continue;
        int provider = c->instance->services[c->pair_service[p]].provider;
        if (w->slot[provider] < 0) {
            w->slot[provider] = n;
            w->choices[n++] = (choice){cost, provider};
        } else if (cost < w->choices[w->slot[provider]].cost) {
            w->choices[w->slot[provider]].cost = cost;
        }
    }
    for (int i = from; i < n; i++)
        w->slot[w->choices[i].provider] = -1;
    qsort(w->choices + from, (size_t)(n - from), sizeof *w->choices, by_cost);
    return n;
}

/* One pass of raises over the pool's n units; returns whether any v rose. */
static bool raise_pass(pool_work *w, const double *cap, int n)
{
    bool raised = false;
    for (int i = 0; i < n; i++) {
        double next = w->reached[i] < w->first[i + 1] ? w->choices[w->reached[i]].cost : INFINITY;
        next = fmin(next, cap[i]);
        double room = INFINITY;
        for (int j = w->first[i]; j < w->reached[i]; j++)
            room = fmin(room, w->slack[w->choices[j].provider]);
        double step = fmin(room, next - w->v[i]);
        if (!(step > 0) || step == INFINITY)
            continue;
        w->v[i] += step;
        for (int j = w->first[i]; j < w->reached[i]; j++)
            w->slack[w->choices[j].provider] = fmax(0, w->slack[w->choices[j].provider] - step);
        while (w->reached[i] < w->first[i + 1] && w->choices[w->reached[i]].cost <= w->v[i])
            w->reached[i]++;
        raised = true;
    }
    return raised;
}

/* The dual ascent of one pool's units; returns the sum of their v. */
static double pool_bound(const cp_candidates *c, const double *pair_cost, const double *lambda,
                         const double *unplaced, double contract_cost, const int *units, int n,
                         pool_work *w, double *cap)
{
    int m = 0;
    for (int i = 0; i < n; i++) {
        w->first[i] = m;
        m = unit_choices(c, pair_cost, lambda, units[i], w, m);
        cap[i] = unplaced[units[i]];
    }
    w->first[n] = m;
    for (int j = 0; j < m; j++)
        w->slack[w->choices[j].provider] = contract_cost;
    for (int i = 0; i < n; i++) {
        bool any = w->first[i] < w->first[i + 1];
        w->v[i] = any ? fmin(w->choices[w->first[i]].cost, cap[i]) : cap[i];
        if (w->v[i] == INFINITY)
            return INFINITY;
        w->reached[i] = w->first[i];
        while (w->reached[i] < w->first[i + 1] && w->choices[w->reached[i]].cost <= w->v[i])
            w->reached[i]++;
    }
    for (int pass = 0; pass < MAX_PASSES && raise_pass(w, cap, n); pass++)
        ;
    double sum = 0;
    for (int i = 0; i < n; i++)
        sum += w->v[i];
    return sum;
}

double cp_facility_bound(const cp_candidates *c, const double *pair_cost, const double *lambda,
                         const double *unplaced, double contract_cost)
{
    int n_providers = c->instance->providers.count;
    int *start;
    int *order = cp_candidates_units_by_pool(c, &start);
    pool_work w = {
        .choices = cp_malloc((size_t)c->n_pairs * sizeof *w.choices + 1),
        .first = cp_malloc(((size_t)c->n_units + 1) * sizeof *w.first),
        .reached = cp_malloc((size_t)c->n_units * sizeof *w.reached + 1),
        .v = cp_malloc((size_t)c->n_units * sizeof *w.v + 1),
        .slack = cp_malloc((size_t)n_providers * sizeof *w.slack + 1),
        .slot = cp_malloc((size_t)n_providers * sizeof *w.slot + 1),
    };
    double *cap = cp_malloc((size_t)c->n_units * sizeof *cap + 1);
    for (int v = 0; v < n_providers; v++)
        w.slot[v] = -1;
    double total = 0;
    for (int pool = 0; pool < c->config->n_pools && total < INFINITY; pool++)
        total += pool_bound(c, pair_cost, lambda, unplaced, contract_cost, order + start[pool],
                            start[pool + 1] - start[pool], &w, cap);
    free(cap);
    free(w.slot);
    free(w.slack);
    free(w.v);
    free(w.reached);
    free(w.first);
    free(w.choices);
    free(order);
    free(start);
    return total;
}
