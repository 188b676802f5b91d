/* Lagrangian relaxation of the capacity rows, for a lower bound on every plan the checker
 * accepts.
 *
 * Relaxed costs. A pair's relaxed cost never exceeds what it adds to a plan's true objective:
 * its price less the largest discount its provider could give, plus its distance, preference
 * and move terms, plus shares of the fixed and contract costs it may trigger. A (pool,
 * provider) contract carries at most the places of all the provider's services, and at most
 * the places the pool's units could bring it (each unit its largest pair there): a tier
 * above the smaller of the two is never reached, and charging contract_cost / (that many)
 * per place never charges more than the contract. Under many small pools (standalone) the
 * second is far the tighter. A candidate service pays its fixed cost once opened and then
 * holds at most its capacity (plus the tolerance, core/rules.h) and at most the places of its
 * usable pairs, so charging fixed_cost / (the smaller) per place never charges more than the
 * fixed cost. Minimum occupancy,
 * market share and which tier is actually reached are dropped. Leaving a unit unplaced costs
 * its spot and move costs, or is not allowed. A pair whose places exceed its service's
 * capacity can never be used (relaxed cost INFINITY). So every plan's relaxed cost R(plan) is
 * at most its true objective.
 *
 * Bound. With multipliers lambda >= 0 per service,
 *   L(lambda) = sum_units min(unplaced, min_pairs(relaxed + lambda_s places))
 *               - sum_s lambda_s (capacity_s + tolerance)
 * is at most R(plan) for every plan within the capacities (the checker's tolerance included),
 * hence a valid lower bound whatever lambda is. When every finite relaxed cost is an integer
 * (GAP instances: integral quotes, no discounts, fixed or contract costs), R(plan) is an integer
 * for every plan, so ceil(L - 1e-6) is still at most R(plan): the bound is rounded up
 * (cp_rules_round_bound; the 1e-6 absorbs rounding errors of the sums, compensated and far
 * smaller).
 *
 * Multipliers: projected subgradient steps with Polyak's step size, deflected as Camerini,
 * Fratta and Maffioli (1975) propose. The direction is the subgradient (loads - capacities)
 * plus a share (gamma = 1.5) of the last direction whenever the two point against each other,
 * which damps the zig-zag between services that trade the same units; the share is capped so
 * that the direction keeps half of the subgradient's ascent (d.g >= |g|^2 / 2), else a lone
 * binding service would keep stepping the wrong way. The step is mu (target - L) / |d|^2, and
 * mu is halved after STALL_LIMIT steps without a better bound (the steps go on from where they
 * are; restarting from the best multipliers was no better). Measured against plain steps,
 * restarts and volume-style averaging (d = a g + (1 - a) d): on england-children (7 M pairs)
 * it was within 0.01% of the best after 300 steps and the highest after 1000 (107.05 M against
 * 107.02-107.04 M), and on the Chu-Beasley GAP sets it reaches the LP bound (the Lagrangian
 * dual here equals the LP relaxation) to 1e-5 in 300-500 steps, as fast as the others.
 *
 * Parallel and deterministic: each unit's best choice is computed in an OpenMP loop
 * (schedule(static)) into per-unit arrays; loads and sums are then made in unit order by one
 * thread, so every value is the same, bit for bit, for any thread count. One step costs
 * O(pairs) in parallel and O(units + services) in sequence. */
#include "heur/lagrange.h"

#include "core/rules.h"
#include "heur/facility.h"
#include "util/alloc.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

enum {
    STALL_LIMIT = 20,        /* steps without a better bound before mu is halved */
    PARALLEL_PAIRS = 1 << 18 /* fewer pairs are done by one thread: a step then takes under a
                                millisecond, less than waking others on a busy machine */
};
static const double MU_START = 1.0;
static const double MU_MIN = 1e-6;    /* below this the steps no longer move the bound */
static const double DEFLECTION = 1.5; /* gamma of Camerini, Fratta and Maffioli */
static const double KEEP = 0.5;       /* share of the subgradient's ascent a direction keeps */

struct cp_lagrange {
    const cp_candidates *candidates;
    int n_services;
    double *relaxed;  /* n_pairs: relaxed cost, INFINITY when the pair never fits */
    double *open;     /* n_pairs: the same without the contract's share; NULL without a
                         contract cost */
    double *unplaced; /* n_units: relaxed cost of leaving the unit unplaced, or INFINITY */
    double *capacity; /* n_services: cp_rules_ceiling(capacity) */
    int *active;      /* services whose capacity may bind: the only ones with a multiplier */
    int n_active;
    bool integral; /* every finite relaxed cost is an integer: bounds round up */

    double *lambda, *best_lambda, *gradient, *direction, *load; /* n_services */
    int *choice;        /* n_units: the pair chosen at lambda, or -1 for unplaced */
    double *value;      /* n_units: the chosen relaxed cost at lambda */
    double *pair_costs; /* n_pairs: relaxed + best_lambda x places */

    double bound;                /* best valid bound (rounded when integral) */
    double whole;                /* best bound charging contracts whole (heur/facility.h) */
    long best_changes, whole_at; /* changes of best_lambda; their count at whole's last try */
    double best_value;           /* the unrounded L of best_lambda */
    double mu;
    int stall;
    long iterations;
    bool converged;
};

/* The most places any plan can give one (pool, provider) contract: the capacity of the
 * provider's services (with tolerances) and the places the pool's units could bring it (each
 * unit its largest pair there), whichever is less; and the smallest and largest discount
 * fractions (0 included) of the tiers within that many places. */
typedef struct contract_limits {
    double places, low, high;
} contract_limits;

/* Per provider: the current pool's limits, the capacity, and which pool and unit last
 * touched it; and the providers the current pool touches. */
typedef struct limits_work {
    contract_limits *limits;
    double *capacity;
    double *largest; /* the last unit's largest pair places at the provider */
    int *pool, *unit;
    int *touched, n_touched;
} limits_work;

/* The places each service's usable pairs could bring it: the fixed cost of a candidate is
 * spread over no more than the smaller of this and its capacity. */
static double *service_demand(const cp_lagrange *l)
{
    const cp_candidates *c = l->candidates;
    double *demand = cp_calloc((size_t)l->n_services + 1, sizeof *demand);
    for (int p = 0; p < c->n_pairs; p++)
        if (c->pair_places[p] <= l->capacity[c->pair_service[p]])
            demand[c->pair_service[p]] += c->pair_places[p];
    return demand;
}

/* Fills w->limits for every provider that the units order[from .. to) of one pool reach. */
static void pool_limits(const cp_lagrange *l, limits_work *w, int pool, const int *order, int from,
                        int to)
{
    const cp_candidates *c = l->candidates;
    const cp_instance *instance = c->instance;
    w->n_touched = 0;
    for (int i = from; i < to; i++) {
        int k = order[i];
        for (int p = c->pair_start[k]; p < c->pair_start[k + 1]; p++) {
            double places = c->pair_places[p];
            if (places > l->capacity[c->pair_service[p]])
                continue;
            int v = instance->services[c->pair_service[p]].provider;
            if (w->pool[v] != pool) {
                w->pool[v] = pool;
                w->unit[v] = -1;
                w->limits[v].places = 0;
                w->touched[w->n_touched++] = v;
            }
            if (w->unit[v] != k) {
                w->unit[v] = k;
                w->largest[v] = 0;
            }
            if (places > w->largest[v]) {
                w->limits[v].places += places - w->largest[v];
                w->largest[v] = places;
            }
        }
    }
    for (int i = 0; i < w->n_touched; i++) {
        int v = w->touched[i];
        contract_limits *limit = &w->limits[v];
        limit->places = fmin(cp_rules_ceiling(limit->places), cp_rules_ceiling(w->capacity[v]));
        limit->low = limit->high = 0;
        const cp_tier_list *list = instance->tiers ? &instance->tiers[v] : NULL;
        int top = list ? cp_rules_tier_within(list, limit->places) : -1;
        for (int t = 0; t <= top; t++) {
            limit->low = fmin(limit->low, list->tiers[t].discount);
            limit->high = fmax(limit->high, list->tiers[t].discount);
        }
    }
}

/* The relaxed cost of pair p but for its share of the contract cost, its contract's limits
 * given. */
static double open_cost(const cp_lagrange *l, const contract_limits *limit, const double *demand,
                        int p)
{
    const cp_candidates *c = l->candidates;
    int s = c->pair_service[p];
    const cp_service *service = &c->instance->services[s];
    double places = c->pair_places[p], price = c->pair_price[p];
    if (places > l->capacity[s])
        return INFINITY;
    double cost = price * (1 - (price >= 0 ? limit->high : limit->low)) + c->pair_cost[p];
    if (service->candidate && service->fixed_cost > 0 && places > 0)
        cost += service->fixed_cost * (places / fmin(l->capacity[s], cp_rules_ceiling(demand[s])));
    return cost;
}

/* Fills relaxed[] and unplaced[], and decides whether bounds may be rounded up. */
static void build_relaxed_costs(cp_lagrange *l)
{
    const cp_candidates *c = l->candidates;
    const cp_instance *instance = c->instance;
    int n_providers = instance->providers.count;
    limits_work w = {
        .limits = cp_calloc((size_t)n_providers + 1, sizeof *w.limits),
        .capacity = cp_calloc((size_t)n_providers + 1, sizeof *w.capacity),
        .largest = cp_calloc((size_t)n_providers + 1, sizeof *w.largest),
        .pool = cp_malloc((size_t)n_providers * sizeof *w.pool + 1),
        .unit = cp_malloc((size_t)n_providers * sizeof *w.unit + 1),
        .touched = cp_malloc((size_t)n_providers * sizeof *w.touched + 1),
    };
    for (int v = 0; v < n_providers; v++)
        w.pool[v] = -1;
    for (int s = 0; s < instance->n_services; s++)
        w.capacity[instance->services[s].provider] += l->capacity[s];
    double *demand = service_demand(l);
    int *start;
    int *order = cp_candidates_units_by_pool(c, &start);
    double contract = instance->settings.contract_cost;
    l->integral = true;
    for (int pool = 0; pool < c->config->n_pools; pool++) {
        pool_limits(l, &w, pool, order, start[pool], start[pool + 1]);
        for (int i = start[pool]; i < start[pool + 1]; i++) {
            int k = order[i];
            for (int p = c->pair_start[k]; p < c->pair_start[k + 1]; p++) {
                const contract_limits *limit =
                    &w.limits[instance->services[c->pair_service[p]].provider];
                double cost = open_cost(l, limit, demand, p);
                if (l->open)
                    l->open[p] = cost;
                if (contract > 0 && c->pair_places[p] > 0)
                    cost += contract * (c->pair_places[p] / limit->places);
                l->relaxed[p] = cost;
                l->integral = l->integral && (cost == INFINITY || cost == floor(cost));
            }
        }
    }
    for (int k = 0; k < c->n_units; k++) {
        l->unplaced[k] = c->unit_can_unplace[k] ? c->unit_unplaced_cost[k] : INFINITY;
        if (c->unit_can_unplace[k])
            l->integral = l->integral && l->unplaced[k] == floor(l->unplaced[k]);
    }
    free(order);
    free(start);
    free(demand);
    free(w.touched);
    free(w.unit);
    free(w.pool);
    free(w.largest);
    free(w.capacity);
    free(w.limits);
}

/* Services whose capacity some choice of the units could exceed: all the places of their
 * usable pairs together do not fit. The others keep multiplier 0, which is optimal for them. */
static void find_active_services(cp_lagrange *l)
{
    const cp_candidates *c = l->candidates;
    double *demand = cp_calloc((size_t)l->n_services + 1, sizeof *demand);
    for (int p = 0; p < c->n_pairs; p++)
        if (l->relaxed[p] < INFINITY)
            demand[c->pair_service[p]] += c->pair_places[p];
    l->active = cp_malloc((size_t)l->n_services * sizeof *l->active + 1);
    l->n_active = 0;
    for (int s = 0; s < l->n_services; s++)
        if (demand[s] > l->capacity[s])
            l->active[l->n_active++] = s;
    free(demand);
}

/* Each unit's cheapest choice at lambda into choice[] and value[] (parallel, per unit). */
static void choose(cp_lagrange *l, const double *lambda)
{
    const cp_candidates *c = l->candidates;
    const int *start = c->pair_start, *service = c->pair_service;
    const double *places = c->pair_places, *relaxed = l->relaxed, *unplaced = l->unplaced;
    int *choice = l->choice;
    double *value = l->value;
#pragma omp parallel for schedule(static) if (c->n_pairs >= PARALLEL_PAIRS)
    for (int k = 0; k < c->n_units; k++) {
        double best = unplaced[k];
        int chosen = -1;
        for (int p = start[k]; p < start[k + 1]; p++) {
            double v = relaxed[p] + lambda[service[p]] * places[p];
            if (v < best) {
                best = v;
                chosen = p;
            }
        }
        value[k] = best;
        choice[k] = chosen;
    }
}

/* L(lambda) from the choices of choose(lambda), and the loads they put on services; in unit
 * order, with compensated summation. */
static double evaluate(cp_lagrange *l, const double *lambda)
{
    const cp_candidates *c = l->candidates;
    choose(l, lambda);
    for (int i = 0; i < l->n_active; i++)
        l->load[l->active[i]] = 0;
    double sum = 0, compensation = 0;
    for (int k = 0; k < c->n_units; k++) {
        double v = l->value[k];
        if (v == INFINITY)
            return INFINITY;
        double t = sum + v;
        compensation += fabs(sum) >= fabs(v) ? (sum - t) + v : (v - t) + sum;
        sum = t;
        if (l->choice[k] >= 0)
            l->load[c->pair_service[l->choice[k]]] += c->pair_places[l->choice[k]];
    }
    for (int i = 0; i < l->n_active; i++) {
        int s = l->active[i];
        double v = -lambda[s] * l->capacity[s];
        double t = sum + v;
        compensation += fabs(sum) >= fabs(v) ? (sum - t) + v : (v - t) + sum;
        sum = t;
    }
    return sum + compensation;
}

/* The valid bound reported for the value L. */
static double rounded(const cp_lagrange *l, double value)
{
    return l->integral && isfinite(value) ? cp_rules_round_bound(value) : value;
}

/* pair_costs[] at best_lambda (parallel, per pair). */
static void refresh_pair_costs(cp_lagrange *l)
{
    const cp_candidates *c = l->candidates;
    const int *service = c->pair_service;
    const double *places = c->pair_places, *relaxed = l->relaxed, *lambda = l->best_lambda;
    double *out = l->pair_costs;
#pragma omp parallel for schedule(static) if (c->n_pairs >= PARALLEL_PAIRS)
    for (int p = 0; p < c->n_pairs; p++)
        out[p] = relaxed[p] + lambda[service[p]] * places[p];
}

cp_lagrange *cp_lagrange_create(const cp_candidates *candidates)
{
    cp_lagrange *l = cp_calloc(1, sizeof *l);
    const cp_instance *instance = candidates->instance;
    size_t n_pairs = (size_t)candidates->n_pairs + 1, n_units = (size_t)candidates->n_units + 1;
    size_t n_services = (size_t)instance->n_services + 1;
    l->candidates = candidates;
    l->n_services = instance->n_services;
    l->relaxed = cp_malloc(n_pairs * sizeof *l->relaxed);
    if (instance->settings.contract_cost > 0)
        l->open = cp_malloc(n_pairs * sizeof *l->open);
    l->whole = -INFINITY;
    l->whole_at = -1;
    l->pair_costs = cp_malloc(n_pairs * sizeof *l->pair_costs);
    l->unplaced = cp_malloc(n_units * sizeof *l->unplaced);
    l->choice = cp_malloc(n_units * sizeof *l->choice);
    l->value = cp_malloc(n_units * sizeof *l->value);
    l->capacity = cp_malloc(n_services * sizeof *l->capacity);
    l->lambda = cp_calloc(n_services, sizeof *l->lambda);
    l->best_lambda = cp_calloc(n_services, sizeof *l->best_lambda);
    l->gradient = cp_calloc(n_services, sizeof *l->gradient);
    l->direction = cp_calloc(n_services, sizeof *l->direction);
    l->load = cp_calloc(n_services, sizeof *l->load);
    for (int s = 0; s < l->n_services; s++)
        l->capacity[s] = cp_rules_ceiling(instance->services[s].capacity);

    build_relaxed_costs(l);
    find_active_services(l);
    l->best_value = evaluate(l, l->lambda);
    l->bound = rounded(l, l->best_value);
    l->mu = MU_START;
    l->converged = l->n_active == 0 || l->bound == INFINITY;
    refresh_pair_costs(l);
    return l;
}

void cp_lagrange_destroy(cp_lagrange *l)
{
    if (!l)
        return;
    free(l->relaxed);
    free(l->open);
    free(l->pair_costs);
    free(l->unplaced);
    free(l->choice);
    free(l->value);
    free(l->capacity);
    free(l->active);
    free(l->lambda);
    free(l->best_lambda);
    free(l->gradient);
    free(l->direction);
    free(l->load);
    free(l);
}

/* The level the next step aims at: target when it lies above the bound, else an estimate
 * 5% (and 1) above the best value, which the halving of mu then corrects. */
static double aim(const cp_lagrange *l, double target)
{
    double estimate = l->best_value + 0.05 * fabs(l->best_value) + 1;
    return target < estimate && target > l->best_value ? target : estimate;
}

/* The projected subgradient at lambda (loads in load[]) into gradient[]; returns its squared
 * norm, 0 when lambda is optimal for the relaxation. */
static double subgradient(cp_lagrange *l)
{
    double norm = 0;
    for (int i = 0; i < l->n_active; i++) {
        int s = l->active[i];
        double g = l->load[s] - l->capacity[s];
        l->gradient[s] = l->lambda[s] <= 0 && g < 0 ? 0 : g;
        norm += l->gradient[s] * l->gradient[s];
    }
    return norm;
}

/* One step from lambda, whose value is value and whose loads are in load[]: along the projected
 * subgradient g, deflected by the last direction d when g.d < 0, with the share capped so that
 * the new direction keeps g.d_new >= KEEP |g|^2 (projection only adds to that, so the direction
 * never vanishes). Returns false when g is zero: lambda is optimal for the relaxation. */
static bool step(cp_lagrange *l, double value, double target)
{
    double gradient = subgradient(l);
    if (gradient <= 0)
        return false;
    double dot = 0, previous = 0;
    for (int i = 0; i < l->n_active; i++) {
        int s = l->active[i];
        dot += l->gradient[s] * l->direction[s];
        previous += l->direction[s] * l->direction[s];
    }
    double beta = 0;
    if (dot < 0) {
        double cos2 = dot / gradient * (dot / previous);
        double gamma = fmin(DEFLECTION, (1 - KEEP) / cos2);
        beta = -gamma * dot / previous;
    }
    double norm = 0;
    for (int i = 0; i < l->n_active; i++) {
        int s = l->active[i];
        double d = l->gradient[s] + beta * l->direction[s];
        l->direction[s] = l->lambda[s] <= 0 && d < 0 ? 0 : d;
        norm += l->direction[s] * l->direction[s];
    }
    double t = l->mu * (aim(l, target) - value) / norm;
    for (int i = 0; i < l->n_active; i++) {
        int s = l->active[i];
        l->lambda[s] = fmax(0, l->lambda[s] + t * l->direction[s]);
    }
    return true;
}

double cp_lagrange_improve(cp_lagrange *l, double target, int iterations)
{
    bool improved = false;
    for (int it = 0; it < iterations && !l->converged; it++) {
        if (isfinite(target) && cp_lagrange_bound(l) >= cp_rules_floor(target)) {
            l->converged = true;
            break;
        }
        double value = evaluate(l, l->lambda);
        l->iterations++;
        if (value > l->best_value) {
            l->best_value = value;
            l->bound = rounded(l, value);
            memcpy(l->best_lambda, l->lambda, (size_t)l->n_services * sizeof *l->lambda);
            l->best_changes++;
            l->stall = 0;
            improved = true;
        } else if (++l->stall >= STALL_LIMIT) {
            l->mu /= 2;
            l->stall = 0;
            l->converged = l->mu < MU_MIN;
        }
        if (!l->converged && !step(l, value, target))
            l->converged = true;
    }
    if (improved)
        refresh_pair_costs(l);
    return cp_lagrange_bound(l);
}

double cp_lagrange_charge_contracts(cp_lagrange *l)
{
    if (l->open && l->whole_at != l->best_changes && isfinite(l->bound)) {
        l->whole_at = l->best_changes;
        double value = cp_facility_bound(l->candidates, l->open, l->best_lambda, l->unplaced,
                                         l->candidates->instance->settings.contract_cost);
        for (int i = 0; i < l->n_active; i++)
            value -= l->best_lambda[l->active[i]] * l->capacity[l->active[i]];
        value -= 1e-9 * (1 + fabs(value)); /* the ascent's rounding errors */
        l->whole = fmax(l->whole, value);
    }
    return cp_lagrange_bound(l);
}

double cp_lagrange_bound(const cp_lagrange *l)
{
    return fmax(l->bound, l->whole);
}

const double *cp_lagrange_pair_costs(const cp_lagrange *l)
{
    return l->pair_costs;
}

const double *cp_lagrange_unplaced_costs(const cp_lagrange *l)
{
    return l->unplaced;
}

const double *cp_lagrange_multipliers(const cp_lagrange *l)
{
    return l->best_lambda;
}

long cp_lagrange_iterations(const cp_lagrange *l)
{
    return l->iterations;
}

bool cp_lagrange_converged(const cp_lagrange *l)
{
    return l->converged;
}
