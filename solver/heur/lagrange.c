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
 * Charging contracts whole (heur/facility.h) is a second ascent with multipliers of its own,
 * the services' and one per volume tier a pool could reach: the same steps, but the loads are
 * those of the facility problems' primal, so its multipliers are tuned for that bound, not for
 * L. It starts from L's best multipliers whenever these give it a better value. Measured on
 * wla standalone (--work 5, 2 threads): 3,227,292 against 3,210,275 when it was only evaluated
 * at L's multipliers with each pool granted the best tier it could reach; most of the gain is
 * deciding the tiers in the pools' problems.
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

/* The state of one projected subgradient ascent over multipliers x >= 0 of rows
 * load(x) <= capacity: the first n_services are the services'. */
typedef struct ascent {
    int size, n_active;
    int *active;      /* the multipliers that may be nonzero */
    double *capacity; /* size */
    double *lambda, *best_lambda, *gradient, *direction, *load; /* size */
    double best_value; /* the unrounded value of best_lambda */
    double mu;
    int stall;
    long best_changes; /* changes of best_lambda */
} ascent;

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

    ascent weak;        /* of L, each unit at its cheapest pair */
    int *choice;        /* n_units: the pair chosen at weak.lambda, or -1 for unplaced */
    double *value;      /* n_units: the chosen relaxed cost at weak.lambda */
    double *pair_costs; /* n_pairs: relaxed + weak.best_lambda x places */
    double bound;       /* best valid bound of L (rounded when integral) */
    long iterations;
    bool converged;

    /* With a contract cost: the ascent of the bound charging contracts whole
     * (heur/facility.h), and the best valid bound it gave */
    cp_facility *facility;
    ascent whole;
    double whole_bound;
    long whole_at; /* weak.best_changes when weak.best_lambda was last tried for whole */
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
                if (l->open) /* at full price: heur/facility.h decides the tier */
                    l->open[p] = open_cost(l, &(contract_limits){0}, demand, p);
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
        l->weak.load[l->active[i]] = 0;
    double sum = 0, compensation = 0;
    for (int k = 0; k < c->n_units; k++) {
        double v = l->value[k];
        if (v == INFINITY)
            return INFINITY;
        double t = sum + v;
        compensation += fabs(sum) >= fabs(v) ? (sum - t) + v : (v - t) + sum;
        sum = t;
        if (l->choice[k] >= 0)
            l->weak.load[c->pair_service[l->choice[k]]] += c->pair_places[l->choice[k]];
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

/* pair_costs[] at weak.best_lambda (parallel, per pair). */
static void refresh_pair_costs(cp_lagrange *l)
{
    const cp_candidates *c = l->candidates;
    const int *service = c->pair_service;
    const double *places = c->pair_places, *relaxed = l->relaxed, *lambda = l->weak.best_lambda;
    double *out = l->pair_costs;
#pragma omp parallel for schedule(static) if (c->n_pairs >= PARALLEL_PAIRS)
    for (int p = 0; p < c->n_pairs; p++)
        out[p] = relaxed[p] + lambda[service[p]] * places[p];
}

/* An ascent of size multipliers from 0: the active services' and those from n_services on,
 * with capacity 0 beyond the services'. */
static void ascent_create(ascent *a, const cp_lagrange *l, int size)
{
    size_t n = (size_t)size + 1;
    *a = (ascent){.size = size,
                  .active = cp_malloc(n * sizeof *a->active),
                  .capacity = cp_calloc(n, sizeof *a->capacity),
                  .lambda = cp_calloc(n, sizeof *a->lambda),
                  .best_lambda = cp_calloc(n, sizeof *a->best_lambda),
                  .gradient = cp_calloc(n, sizeof *a->gradient),
                  .direction = cp_calloc(n, sizeof *a->direction),
                  .load = cp_calloc(n, sizeof *a->load),
                  .best_value = -INFINITY,
                  .mu = MU_START};
    memcpy(a->capacity, l->capacity, (size_t)l->n_services * sizeof *a->capacity);
    memcpy(a->active, l->active, (size_t)l->n_active * sizeof *a->active);
    a->n_active = l->n_active;
    for (int i = l->n_services; i < size; i++)
        a->active[a->n_active++] = i;
}

static void ascent_destroy(ascent *a)
{
    free(a->active);
    free(a->capacity);
    free(a->lambda);
    free(a->best_lambda);
    free(a->gradient);
    free(a->direction);
    free(a->load);
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
    l->pair_costs = cp_malloc(n_pairs * sizeof *l->pair_costs);
    l->unplaced = cp_malloc(n_units * sizeof *l->unplaced);
    l->choice = cp_malloc(n_units * sizeof *l->choice);
    l->value = cp_malloc(n_units * sizeof *l->value);
    l->capacity = cp_malloc(n_services * sizeof *l->capacity);
    for (int s = 0; s < l->n_services; s++)
        l->capacity[s] = cp_rules_ceiling(instance->services[s].capacity);

    build_relaxed_costs(l);
    find_active_services(l);
    ascent_create(&l->weak, l, l->n_services);
    l->weak.best_value = evaluate(l, l->weak.lambda);
    l->bound = rounded(l, l->weak.best_value);
    l->converged = l->n_active == 0 || l->bound == INFINITY;
    refresh_pair_costs(l);
    l->whole_bound = -INFINITY;
    l->whole_at = -1;
    if (l->open) {
        l->facility =
            cp_facility_create(candidates, l->open, l->unplaced, instance->settings.contract_cost);
        ascent_create(&l->whole, l, l->n_services + cp_facility_tiers(l->facility));
    }
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
    ascent_destroy(&l->weak);
    if (l->facility)
        ascent_destroy(&l->whole);
    cp_facility_destroy(l->facility);
    free(l);
}

/* The level the next step of a aims at: target when it lies above its best value, else an
 * estimate 5% (and 1) above that, which the halving of mu then corrects. */
static double aim(const ascent *a, double target)
{
    double estimate = a->best_value + 0.05 * fabs(a->best_value) + 1;
    return target < estimate && target > a->best_value ? target : estimate;
}

/* The projected subgradient at a->lambda (loads in a->load) into a->gradient; returns its
 * squared norm, 0 when lambda is optimal for the relaxation. */
static double subgradient(ascent *a)
{
    double norm = 0;
    for (int i = 0; i < a->n_active; i++) {
        int s = a->active[i];
        double g = a->load[s] - a->capacity[s];
        a->gradient[s] = a->lambda[s] <= 0 && g < 0 ? 0 : g;
        norm += a->gradient[s] * a->gradient[s];
    }
    return norm;
}

/* One step of a from lambda, whose value is value and whose loads are in load[]: along the
 * projected subgradient g, deflected by the last direction d when g.d < 0, with the share
 * capped so that the new direction keeps g.d_new >= KEEP |g|^2 (projection only adds to that,
 * so the direction never vanishes). Returns false when g is zero: lambda is optimal for the
 * relaxation. */
static bool step(ascent *a, double value, double target)
{
    double gradient = subgradient(a);
    if (gradient <= 0)
        return false;
    double dot = 0, previous = 0;
    for (int i = 0; i < a->n_active; i++) {
        int s = a->active[i];
        dot += a->gradient[s] * a->direction[s];
        previous += a->direction[s] * a->direction[s];
    }
    double beta = 0;
    if (dot < 0) {
        double cos2 = dot / gradient * (dot / previous);
        double gamma = fmin(DEFLECTION, (1 - KEEP) / cos2);
        beta = -gamma * dot / previous;
    }
    double norm = 0;
    for (int i = 0; i < a->n_active; i++) {
        int s = a->active[i];
        double d = a->gradient[s] + beta * a->direction[s];
        a->direction[s] = a->lambda[s] <= 0 && d < 0 ? 0 : d;
        norm += a->direction[s] * a->direction[s];
    }
    double t = a->mu * (aim(a, target) - value) / norm;
    for (int i = 0; i < a->n_active; i++) {
        int s = a->active[i];
        a->lambda[s] = fmax(0, a->lambda[s] + t * a->direction[s]);
    }
    return true;
}

/* Records value, a's value at a->lambda: returns whether it is a's best so far; after
 * STALL_LIMIT values that are not, halves mu. */
static bool record(ascent *a, double value)
{
    if (value > a->best_value) {
        a->best_value = value;
        memcpy(a->best_lambda, a->lambda, (size_t)a->size * sizeof *a->lambda);
        a->best_changes++;
        a->stall = 0;
        return true;
    }
    if (++a->stall >= STALL_LIMIT) {
        a->mu /= 2;
        a->stall = 0;
    }
    return false;
}

double cp_lagrange_improve(cp_lagrange *l, double target, int iterations)
{
    bool improved = false;
    for (int it = 0; it < iterations && !l->converged; it++) {
        if (isfinite(target) && cp_lagrange_bound(l) >= cp_rules_floor(target)) {
            l->converged = true;
            break;
        }
        double value = evaluate(l, l->weak.lambda);
        l->iterations++;
        if (record(&l->weak, value)) {
            l->bound = rounded(l, value);
            improved = true;
        }
        l->converged = l->weak.mu < MU_MIN;
        if (!l->converged && !step(&l->weak, value, target))
            l->converged = true;
    }
    if (improved)
        refresh_pair_costs(l);
    return cp_lagrange_bound(l);
}

/* The bound charging contracts whole at multipliers x (heur/facility.h), and the subgradient's
 * terms of its primal in load[]. */
static double whole_value(cp_lagrange *l, const double *x, double *load)
{
    double value = cp_facility_solve(l->facility, x, load);
    for (int i = 0; i < l->n_active; i++)
        value -= x[l->active[i]] * l->capacity[l->active[i]];
    return value;
}

double cp_lagrange_charge_contracts(cp_lagrange *l, double target, int iterations)
{
    if (!l->facility || !isfinite(l->bound))
        return cp_lagrange_bound(l);
    ascent *a = &l->whole;
    if (l->whole_at != l->weak.best_changes) { /* the weak ascent's best may start it higher */
        l->whole_at = l->weak.best_changes;
        double *trial = a->gradient; /* free until the next step */
        memcpy(trial, a->lambda, (size_t)a->size * sizeof *trial);
        memcpy(trial, l->weak.best_lambda, (size_t)l->n_services * sizeof *trial);
        double value = whole_value(l, trial, a->load);
        if (value > a->best_value) {
            memcpy(a->lambda, trial, (size_t)a->size * sizeof *a->lambda);
            memset(a->direction, 0, (size_t)a->size * sizeof *a->direction);
            record(a, value);
            step(a, value, target);
        }
    }
    for (int it = 0; it < iterations && a->mu >= MU_MIN; it++) {
        double value = whole_value(l, a->lambda, a->load);
        record(a, value);
        if (!step(a, value, target))
            break;
    }
    /* less the ascent's rounding errors */
    l->whole_bound = a->best_value - 1e-9 * (1 + fabs(a->best_value));
    return cp_lagrange_bound(l);
}

double cp_lagrange_bound(const cp_lagrange *l)
{
    return fmax(l->bound, l->whole_bound);
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
    return l->weak.best_lambda;
}

long cp_lagrange_iterations(const cp_lagrange *l)
{
    return l->iterations;
}

bool cp_lagrange_converged(const cp_lagrange *l)
{
    return l->converged;
}
