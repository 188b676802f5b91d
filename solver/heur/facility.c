/* The facility location bound: see facility.h.
 *
 * Facilities. A pool's facilities are its providers at full price (tier 0) and, for each
 * volume tier that the pool's units could reach (each unit its largest usable pair at the
 * provider), the provider at that tier's discount. A plan is priced exactly by opening, for
 * each provider a pool uses, the facility of the tier the checker finds it reaches, and that
 * plan's places there are at least the tier's minimum (less the checker's tolerance), so the
 * multiplier's term, x (minimum - places), is never positive: every plan costs at least its
 * value here. Opening more than one facility of a provider only costs more.
 *
 * Per pool: each unit's choices are its facilities, at the least cost of its pairs there,
 * sorted by cost, and the unplaced option caps v_k (a choice of its own with nothing to pay).
 * v_k starts at the cheapest choice; every facility's slack starts at its opening cost. A
 * pass takes the units in order and raises each v_k to its next choice's cost, or by as much
 * as the least slack of the facilities it already reaches allows (each loses what v_k
 * gains); passes repeat until one raises nothing. Raising a unit one level at a time shares
 * the slack out among the units, as in Erlenkotter's DUALOC. The primal opens the facilities
 * left without slack and sends each unit to the cheaper of its best pair among them and
 * staying unplaced (its cheapest choice when it reaches none and must be placed).
 *
 * Parallel and deterministic: pools are independent; each thread has its own work arrays, and
 * each pool's value and each unit's choice are stored, then summed in pool and unit order. */
#include "heur/facility.h"

#include "core/rules.h"

#include "util/alloc.h"

#include <math.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

enum {
    MAX_PASSES = 100,
    PARALLEL_PAIRS = 1 << 15 /* fewer pairs are done by one thread */
};

typedef struct choice {
    double cost;
    int facility, pair, tier; /* tier: its multiplier, or -1 at full price */
} choice;

/* A tier a pool could reach with a provider: a facility with a multiplier. */
typedef struct reachable {
    int facility;    /* tier_base[provider] + the tier's index + 1 */
    double discount; /* the tier's fraction */
    double places;   /* its minimum places, less the checker's tolerance */
} reachable;

struct cp_facility {
    const cp_candidates *candidates;
    const double *pair_cost, *unplaced;
    double contract_cost;
    int *order, *start; /* units by pool (cp_candidates_units_by_pool) */
    int *tier_base;     /* per provider: its facility at full price; its tiers follow */
    int n_facilities;
    reachable *tiers;          /* the tier multipliers, pool after pool */
    int *tier_start;           /* per pool: its tiers are tiers[tier_start[pool] .. [pool + 1]) */
    int max_units, max_pairs;  /* of one pool */
    double *pool_value;        /* n_pools */
    int *chosen, *chosen_tier; /* n_units, in order[]'s order: the primal's pair and tier */
    bool *tier_used;           /* per tier multiplier: whether the primal uses its facility */
};

typedef struct pool_work {
    choice *choices; /* the pool's units' choices, unit after unit */
    int *first;      /* per unit of the pool: its choices are [first[i], first[i + 1]) */
    int *reached;    /* per unit: choices [first[i], reached[i]) cost at most v */
    double *v, *cap; /* per unit: its price, and the cost of leaving it unplaced */
    double *slack;   /* per facility */
    int *slot;       /* per facility: its choice for the unit under way, or -1 */
    int *tier;       /* per facility: its multiplier in this pool, or -1 */
    double *largest; /* per provider: the largest places of the unit under way */
    double *reach;   /* per provider: the places the pool's units could bring it */
} pool_work;

static int by_cost(const void *left, const void *right)
{
    const choice *a = left, *b = right;
    if (a->cost != b->cost)
        return a->cost < b->cost ? -1 : 1;
    return (a->facility > b->facility) - (a->facility < b->facility);
}

/* Puts cost at facility (pair p, tier multiplier t) among the choices from n on; returns n. */
static int offer(pool_work *w, int n, int facility, double cost, int p, int t)
{
    if (w->slot[facility] < 0) {
        w->slot[facility] = n;
        w->choices[n++] = (choice){cost, facility, p, t};
    } else if (cost < w->choices[w->slot[facility]].cost) {
        w->choices[w->slot[facility]] = (choice){cost, facility, p, t};
    }
    return n;
}

/* Unit k's choices, appended at w->choices + n; returns the new n. */
static int unit_choices(const cp_facility *f, const double *x, int k, pool_work *w, int n)
{
    const cp_candidates *c = f->candidates;
    const cp_instance *instance = c->instance;
    int from = n, n_services = instance->n_services;
    for (int p = c->pair_start[k]; p < c->pair_start[k + 1]; p++) {
        int s = c->pair_service[p];
        double cost = f->pair_cost[p] + x[s] * c->pair_places[p];
        if (cost == INFINITY)
            continue;
        int provider = instance->services[s].provider, base = f->tier_base[provider];
        n = offer(w, n, base, cost, p, -1);
        int count = instance->tiers ? instance->tiers[provider].count : 0;
        for (int t = 0; t < count; t++) {
            int i = w->tier[base + t + 1];
            if (i >= 0)
                n = offer(w, n, base + t + 1,
                          cost - f->tiers[i].discount * c->pair_price[p] -
                              x[n_services + i] * c->pair_places[p],
                          p, i);
        }
    }
    for (int i = from; i < n; i++)
        w->slot[w->choices[i].facility] = -1;
    qsort(w->choices + from, (size_t)(n - from), sizeof *w->choices, by_cost);
    return n;
}

/* One pass of raises over the pool's n units; returns whether any v rose. */
static bool raise_pass(pool_work *w, int n)
{
    bool raised = false;
    for (int i = 0; i < n; i++) {
        double next = w->reached[i] < w->first[i + 1] ? w->choices[w->reached[i]].cost : INFINITY;
        next = fmin(next, w->cap[i]);
        double room = INFINITY;
        for (int j = w->first[i]; j < w->reached[i]; j++)
            room = fmin(room, w->slack[w->choices[j].facility]);
        double step = fmin(room, next - w->v[i]);
        if (!(step > 0) || step == INFINITY)
            continue;
        w->v[i] += step;
        for (int j = w->first[i]; j < w->reached[i]; j++)
            w->slack[w->choices[j].facility] = fmax(0, w->slack[w->choices[j].facility] - step);
        while (w->reached[i] < w->first[i + 1] && w->choices[w->reached[i]].cost <= w->v[i])
            w->reached[i]++;
        raised = true;
    }
    return raised;
}

/* The primal of the ascent into chosen[0 .. n) and chosen_tier[0 .. n). */
static void pool_primal(const pool_work *w, int n, int *chosen, int *chosen_tier)
{
    for (int i = 0; i < n; i++) {
        double best = w->cap[i];
        int pick = -1;
        for (int j = w->first[i]; j < w->first[i + 1]; j++)
            if (w->slack[w->choices[j].facility] <= 0 && w->choices[j].cost < best) {
                best = w->choices[j].cost;
                pick = j;
            }
        if (best == INFINITY && w->first[i] < w->first[i + 1])
            pick = w->first[i];
        chosen[i] = pick < 0 ? -1 : w->choices[pick].pair;
        chosen_tier[i] = pick < 0 ? -1 : w->choices[pick].tier;
    }
}

/* The opening costs of the pool's m choices' facilities into slack[]. */
static void opening_costs(const cp_facility *f, const double *x, int pool, pool_work *w, int m)
{
    int n_services = f->candidates->instance->n_services;
    for (int j = 0; j < m; j++)
        w->slack[w->choices[j].facility] = f->contract_cost;
    for (int i = f->tier_start[pool]; i < f->tier_start[pool + 1]; i++)
        w->slack[f->tiers[i].facility] += x[n_services + i] * f->tiers[i].places;
}

/* The dual ascent of one pool's units; returns the sum of their v. */
static double pool_bound(const cp_facility *f, const double *x, int pool, pool_work *w)
{
    const int *units = f->order + f->start[pool];
    int n = f->start[pool + 1] - f->start[pool], m = 0;
    for (int i = f->tier_start[pool]; i < f->tier_start[pool + 1]; i++)
        w->tier[f->tiers[i].facility] = i;
    for (int i = 0; i < n; i++) {
        w->first[i] = m;
        m = unit_choices(f, x, units[i], w, m);
        w->cap[i] = f->unplaced[units[i]];
    }
    w->first[n] = m;
    for (int i = f->tier_start[pool]; i < f->tier_start[pool + 1]; i++)
        w->tier[f->tiers[i].facility] = -1;
    opening_costs(f, x, pool, w, m);
    for (int i = 0; i < n; i++) {
        bool any = w->first[i] < w->first[i + 1];
        w->v[i] = any ? fmin(w->choices[w->first[i]].cost, w->cap[i]) : w->cap[i];
        if (w->v[i] == INFINITY)
            return INFINITY;
        w->reached[i] = w->first[i];
        while (w->reached[i] < w->first[i + 1] && w->choices[w->reached[i]].cost <= w->v[i])
            w->reached[i]++;
    }
    for (int pass = 0; pass < MAX_PASSES && raise_pass(w, n); pass++)
        ;
    pool_primal(w, n, f->chosen + f->start[pool], f->chosen_tier + f->start[pool]);
    double sum = 0;
    for (int i = 0; i < n; i++)
        sum += w->v[i];
    return sum;
}

static pool_work work_create(const cp_facility *f)
{
    size_t units = (size_t)f->max_units + 1, facilities = (size_t)f->n_facilities + 1;
    size_t providers = (size_t)f->candidates->instance->providers.count + 1;
    pool_work w = {
        .choices = cp_malloc(((size_t)f->max_pairs + 1) * sizeof *w.choices),
        .first = cp_malloc((units + 1) * sizeof *w.first),
        .reached = cp_malloc(units * sizeof *w.reached),
        .v = cp_malloc(units * sizeof *w.v),
        .cap = cp_malloc(units * sizeof *w.cap),
        .slack = cp_malloc(facilities * sizeof *w.slack),
        .slot = cp_malloc(facilities * sizeof *w.slot),
        .tier = cp_malloc(facilities * sizeof *w.tier),
        .largest = cp_calloc(providers, sizeof *w.largest),
        .reach = cp_calloc(providers, sizeof *w.reach),
    };
    for (size_t i = 0; i < facilities; i++)
        w.slot[i] = w.tier[i] = -1;
    return w;
}

static void work_destroy(pool_work *w)
{
    free(w->choices);
    free(w->first);
    free(w->reached);
    free(w->v);
    free(w->cap);
    free(w->slack);
    free(w->slot);
    free(w->tier);
    free(w->largest);
    free(w->reach);
}

/* The places the pool's units could bring each provider (each unit its largest usable pair
 * there) into w->reach, the providers they touch into touched; returns how many. */
static int pool_reach(const cp_facility *f, int pool, pool_work *w, int *touched)
{
    const cp_candidates *c = f->candidates;
    int n_touched = 0;
    for (int i = f->start[pool]; i < f->start[pool + 1]; i++) {
        int k = f->order[i];
        for (int p = c->pair_start[k]; p < c->pair_start[k + 1]; p++) {
            int v = c->instance->services[c->pair_service[p]].provider;
            if (f->pair_cost[p] == INFINITY || c->pair_places[p] <= w->largest[v])
                continue;
            if (w->reach[v] == 0 && w->largest[v] == 0)
                touched[n_touched++] = v;
            w->reach[v] += c->pair_places[p] - w->largest[v];
            w->largest[v] = c->pair_places[p];
        }
        for (int p = c->pair_start[k]; p < c->pair_start[k + 1]; p++)
            w->largest[c->instance->services[c->pair_service[p]].provider] = 0;
    }
    return n_touched;
}

/* The tiers each pool could reach: f->tiers and f->tier_start. */
static void find_tiers(cp_facility *f)
{
    const cp_instance *instance = f->candidates->instance;
    int n_pools = f->candidates->config->n_pools, n = 0, room = 16;
    pool_work w = work_create(f);
    int *touched = cp_malloc((size_t)instance->providers.count * sizeof *touched + 1);
    f->tier_start = cp_malloc(((size_t)n_pools + 1) * sizeof *f->tier_start);
    f->tiers = cp_malloc((size_t)room * sizeof *f->tiers);
    for (int pool = 0; pool < n_pools; pool++) {
        f->tier_start[pool] = n;
        int n_touched = pool_reach(f, pool, &w, touched);
        for (int i = 0; i < n_touched; i++) {
            int v = touched[i];
            const cp_tier_list *list = instance->tiers ? &instance->tiers[v] : NULL;
            /* the tiers up to the one the pool's reach attains, each with the least places
             * that attain it under the checker's rule */
            int highest = list ? cp_rules_tier_reached(list, w.reach[v]) : -1;
            for (int t = 0; t <= highest; t++) {
                double least = list->tiers[t].min_places;
                if (n == room)
                    f->tiers = cp_realloc(f->tiers, (size_t)(room *= 2) * sizeof *f->tiers);
                f->tiers[n++] = (reachable){f->tier_base[v] + t + 1, list->tiers[t].discount,
                                            cp_rules_floor(least)};
            }
            w.reach[v] = 0;
        }
    }
    f->tier_start[n_pools] = n;
    free(touched);
    work_destroy(&w);
}

cp_facility *cp_facility_create(const cp_candidates *c, const double *pair_cost,
                                const double *unplaced, double contract_cost)
{
    const cp_instance *instance = c->instance;
    int n_providers = instance->providers.count;
    cp_facility *f = cp_calloc(1, sizeof *f);
    *f = (cp_facility){.candidates = c,
                       .pair_cost = pair_cost,
                       .unplaced = unplaced,
                       .contract_cost = contract_cost};
    f->order = cp_candidates_units_by_pool(c, &f->start);
    f->tier_base = cp_malloc(((size_t)n_providers + 1) * sizeof *f->tier_base);
    for (int v = 0; v < n_providers; v++) {
        f->tier_base[v] = f->n_facilities;
        f->n_facilities += 1 + (instance->tiers ? instance->tiers[v].count : 0);
    }
    for (int pool = 0; pool < c->config->n_pools; pool++) {
        int from = f->start[pool], to = f->start[pool + 1];
        int pairs = 0;
        for (int i = from; i < to; i++)
            pairs += c->pair_start[f->order[i] + 1] - c->pair_start[f->order[i]];
        f->max_units = to - from > f->max_units ? to - from : f->max_units;
        f->max_pairs = pairs > f->max_pairs ? pairs : f->max_pairs;
    }
    find_tiers(f);
    /* a pair is a choice at full price and at each tier of its provider */
    int most_tiers = 0;
    for (int v = 0; instance->tiers && v < n_providers; v++)
        most_tiers = instance->tiers[v].count > most_tiers ? instance->tiers[v].count : most_tiers;
    f->max_pairs *= 1 + most_tiers;
    f->pool_value = cp_malloc((size_t)c->config->n_pools * sizeof *f->pool_value + 1);
    f->chosen = cp_malloc((size_t)c->n_units * sizeof *f->chosen + 1);
    f->chosen_tier = cp_malloc((size_t)c->n_units * sizeof *f->chosen_tier + 1);
    f->tier_used = cp_calloc((size_t)cp_facility_tiers(f) + 1, sizeof *f->tier_used);
    return f;
}

void cp_facility_destroy(cp_facility *f)
{
    if (!f)
        return;
    free(f->order);
    free(f->start);
    free(f->tier_base);
    free(f->tiers);
    free(f->tier_start);
    free(f->pool_value);
    free(f->chosen);
    free(f->chosen_tier);
    free(f->tier_used);
    free(f);
}

int cp_facility_tiers(const cp_facility *f)
{
    return f->tier_start[f->candidates->config->n_pools];
}

/* The subgradient's terms of the primal into load[] (n_services + tiers entries). */
static void primal_loads(const cp_facility *f, double *load)
{
    const cp_candidates *c = f->candidates;
    int n_services = c->instance->n_services, n_tiers = cp_facility_tiers(f);
    memset(load, 0, ((size_t)n_services + (size_t)n_tiers) * sizeof *load);
    double *tier_load = load + n_services;
    for (int i = 0; i < c->n_units; i++)
        if (f->chosen[i] >= 0) {
            double places = c->pair_places[f->chosen[i]];
            load[c->pair_service[f->chosen[i]]] += places;
            int t = f->chosen_tier[i];
            if (t >= 0 && !f->tier_used[t]) /* the first unit there: the facility's minimum */
                tier_load[t] += f->tiers[t].places;
            if (t >= 0) {
                tier_load[t] -= places;
                f->tier_used[t] = true;
            }
        }
    memset(f->tier_used, 0, (size_t)n_tiers * sizeof *f->tier_used);
}

double cp_facility_solve(cp_facility *f, const double *x, double *load)
{
    const cp_candidates *c = f->candidates;
    int n_pools = c->config->n_pools;
#pragma omp parallel if (n_pools > 1 && c->n_pairs >= PARALLEL_PAIRS)
    {
        pool_work w = work_create(f);
#pragma omp for schedule(dynamic)
        for (int pool = 0; pool < n_pools; pool++)
            f->pool_value[pool] = pool_bound(f, x, pool, &w);
        work_destroy(&w);
    }
    double total = 0;
    for (int pool = 0; pool < n_pools; pool++)
        total += f->pool_value[pool];
    if (load && total < INFINITY)
        primal_loads(f, load);
    return total;
}

double cp_facility_bound(const cp_candidates *c, const double *pair_cost, const double *lambda,
                         const double *unplaced, double contract_cost)
{
    cp_facility *f = cp_facility_create(c, pair_cost, unplaced, contract_cost);
    size_t n_services = (size_t)c->instance->n_services;
    double *x = cp_calloc(n_services + (size_t)cp_facility_tiers(f) + 1, sizeof *x);
    memcpy(x, lambda, n_services * sizeof *x);
    double value = cp_facility_solve(f, x, NULL);
    free(x);
    cp_facility_destroy(f);
    return value;
}
