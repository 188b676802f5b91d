/* The incremental evaluator of a plan: see state.h. Every total is a sum of per-entity
 * contributions (unit, service, (pool, provider) contract, pool), and a move touches at most
 * two services, contracts and pools per unit moved, so its delta is the difference of the
 * touched entities' contributions before and after, computed on small arrays of changes. The
 * market-share cap needs the largest contract of a pool other than the touched ones: a
 * max-heap per pool gives it by a best-first walk of at most a few nodes. */
#include "heur/state.h"

#include "core/check.h"
#include "core/rules.h"
#include "util/alloc.h"

#include <assert.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#define MAX_CHANGES (2 * CP_STATE_MAX_MOVES)

static const double WEIGHT_MIN = 1e-9, WEIGHT_MAX = 1e9;
static const double SCALE_MIN = 1e-6, SCALE_MAX = 1e6; /* times model->cost_scale */

/* ---- model ---- */

/* Numbers the (pool, provider) pairs that some pair reaches, pool by pool, so that each pool's
 * contracts are contiguous. */
static void build_contracts(cp_state_model *m)
{
    const cp_candidates *c = m->candidates;
    const cp_instance *instance = m->instance;
    int n_providers = instance->providers.count;

    int *pool_start;
    int *unit_order = cp_candidates_units_by_pool(c, &pool_start);

    int *slot = cp_malloc((size_t)n_providers * sizeof(int) + 1);
    for (int v = 0; v < n_providers; v++)
        slot[v] = -1;
    int *touched = cp_malloc((size_t)n_providers * sizeof(int) + 1);
    size_t capacity = 0;
    m->pair_contract = cp_malloc((size_t)m->n_pairs * sizeof(int) + 1);
    m->pool_contract_start = cp_calloc((size_t)m->n_pools + 1, sizeof(int));
    m->contract_provider = NULL;
    m->contract_pool = NULL;
    int i = 0;
    for (int pool = 0; pool < m->n_pools; pool++) {
        m->pool_contract_start[pool] = m->n_contracts;
        int n_touched = 0;
        for (; i < m->n_units && c->unit_pool[unit_order[i]] == pool; i++) {
            int k = unit_order[i];
            for (int p = c->pair_start[k]; p < c->pair_start[k + 1]; p++) {
                int provider = instance->services[c->pair_service[p]].provider;
                if (slot[provider] < 0) {
                    size_t old = capacity;
                    cp_grow((void **)&m->contract_provider, sizeof(int), &capacity,
                            (size_t)m->n_contracts + 1);
                    if (capacity != old)
                        m->contract_pool = cp_realloc(m->contract_pool, capacity * sizeof(int));
                    m->contract_provider[m->n_contracts] = provider;
                    m->contract_pool[m->n_contracts] = pool;
                    slot[provider] = m->n_contracts++;
                    touched[n_touched++] = provider;
                }
                m->pair_contract[p] = slot[provider];
            }
        }
        for (int t = 0; t < n_touched; t++)
            slot[touched[t]] = -1;
    }
    m->pool_contract_start[m->n_pools] = m->n_contracts;
    free(touched);
    free(slot);
    free(pool_start);
    free(unit_order);
}

/* What the checker charges when unit k is unplaced: spot costs where members have one, and
 * move costs of members with a current service. */
static double checker_unplaced(const cp_candidates *c, int k)
{
    const cp_instance *instance = c->instance;
    double cost = 0;
    for (int i = c->unit_start[k]; i < c->unit_start[k + 1]; i++) {
        const cp_user *u = &instance->users[c->unit_members[i]];
        if (u->has_spot_cost)
            cost += u->spot_cost;
        if (u->current_service != CP_NONE)
            cost += instance->settings.move_cost;
    }
    return cost;
}

cp_state_model *cp_state_model_create(const cp_candidates *candidates)
{
    const cp_instance *instance = candidates->instance;
    const cp_settings *settings = &instance->settings;
    cp_state_model *m = cp_calloc(1, sizeof *m);
    m->candidates = candidates;
    m->instance = instance;
    m->n_units = candidates->n_units;
    m->n_pairs = candidates->n_pairs;
    m->n_services = instance->n_services;
    m->n_pools = candidates->config->n_pools;

    double largest = 0;
    m->unit_unplaced = cp_malloc((size_t)m->n_units * sizeof(double) + 1);
    m->unit_mandatory = cp_malloc((size_t)m->n_units * sizeof(bool) + 1);
    for (int k = 0; k < m->n_units; k++) {
        m->unit_mandatory[k] = !candidates->unit_can_unplace[k];
        m->unit_unplaced[k] = candidates->unit_can_unplace[k] ? candidates->unit_unplaced_cost[k]
                                                              : checker_unplaced(candidates, k);
        largest = fmax(largest, fabs(m->unit_unplaced[k]));
    }
    double per_place = 0;
    int n_per_place = 0;
    m->pair_total = cp_malloc((size_t)m->n_pairs * sizeof(double) + 1);
    for (int p = 0; p < m->n_pairs; p++) {
        m->pair_total[p] = candidates->pair_price[p] + candidates->pair_cost[p];
        largest = fmax(largest, fabs(m->pair_total[p]));
        if (candidates->pair_places[p] > 0) {
            per_place += fabs(m->pair_total[p]) / candidates->pair_places[p];
            n_per_place++;
        }
    }
    m->cost_scale = n_per_place > 0 && per_place > 0 ? per_place / n_per_place : 1;

    m->service_capacity = cp_malloc((size_t)m->n_services * sizeof(double) + 1);
    m->service_fixed = cp_malloc((size_t)m->n_services * sizeof(double) + 1);
    m->service_minimum = cp_malloc((size_t)m->n_services * sizeof(double) + 1);
    m->service_limit = cp_malloc((size_t)m->n_services * sizeof(double) + 1);
    m->service_floor = cp_malloc((size_t)m->n_services * sizeof(double) + 1);
    for (int s = 0; s < m->n_services; s++) {
        const cp_service *service = &instance->services[s];
        m->service_capacity[s] = service->capacity;
        m->service_fixed[s] = service->candidate ? service->fixed_cost : 0;
        m->service_minimum[s] = service->candidate ? service->min_occupancy : 0;
        m->service_limit[s] = cp_rules_ceiling(service->capacity);
        m->service_floor[s] = cp_rules_floor(m->service_minimum[s]);
        largest = fmax(largest, fabs(m->service_fixed[s]));
    }

    bool tiers = false;
    for (int v = 0; instance->tiers && v < instance->providers.count; v++)
        tiers = tiers || instance->tiers[v].count > 0;
    m->share = settings->max_provider_share;
    m->share_active = m->share < 1;
    m->contract_cost = settings->contract_cost;
    m->track_contracts = tiers || m->contract_cost != 0 || m->share_active;
    m->mandatory_weight = 1e6 + 10 * (largest + fabs(m->contract_cost));
    build_contracts(m);
    return m;
}

void cp_state_model_destroy(cp_state_model *m)
{
    if (!m)
        return;
    free(m->unit_unplaced);
    free(m->unit_mandatory);
    free(m->pair_total);
    free(m->pair_contract);
    free(m->contract_provider);
    free(m->contract_pool);
    free(m->pool_contract_start);
    free(m->service_capacity);
    free(m->service_fixed);
    free(m->service_minimum);
    free(m->service_limit);
    free(m->service_floor);
    free(m);
}

int cp_state_pair_at(const cp_state_model *model, int unit, int service)
{
    const cp_candidates *c = model->candidates;
    int low = c->pair_start[unit], high = c->pair_start[unit + 1] - 1;
    while (low <= high) {
        int mid = (low + high) / 2, s = c->pair_service[mid];
        if (s == service)
            return mid;
        if (s < service)
            low = mid + 1;
        else
            high = mid - 1;
    }
    return -1;
}

void cp_state_model_services_of_users(const cp_state_model *model, const int *plan,
                                      int *service_of_user)
{
    const cp_candidates *c = model->candidates;
    for (int k = 0; k < c->n_units; k++)
        for (int i = c->unit_start[k]; i < c->unit_start[k + 1]; i++)
            service_of_user[c->unit_members[i]] = plan[k] < 0 ? CP_NONE : c->pair_service[plan[k]];
}

/* ---- per-entity contributions ---- */

static double contract_objective(const cp_state_model *m, int contract, double places, double price,
                                 int count)
{
    if (count == 0)
        return 0;
    return m->contract_cost -
           cp_rules_tier_discount(m->instance, m->contract_provider[contract], places) * price;
}

static double service_objective(const cp_state_model *m, int s, int positive)
{
    return positive > 0 ? m->service_fixed[s] : 0;
}

static double pool_amount(const cp_state_model *m, double largest, double pool_places)
{
    double cap = m->share * pool_places;
    return cp_rules_over(largest, cap) ? largest - cap : 0;
}

/* ---- share heaps ---- */

static double heap_key(const cp_state *st, int base, int i)
{
    return st->contract_places[st->heap[base + i]];
}

static void heap_swap(cp_state *st, int base, int i, int j)
{
    int a = st->heap[base + i], b = st->heap[base + j];
    st->heap[base + i] = b;
    st->heap[base + j] = a;
    st->heap_pos[b] = i;
    st->heap_pos[a] = j;
}

static void heap_sift_down(cp_state *st, int base, int size, int i)
{
    for (;;) {
        int largest = i, l = 2 * i + 1, r = 2 * i + 2;
        if (l < size && heap_key(st, base, l) > heap_key(st, base, largest))
            largest = l;
        if (r < size && heap_key(st, base, r) > heap_key(st, base, largest))
            largest = r;
        if (largest == i)
            return;
        heap_swap(st, base, i, largest);
        i = largest;
    }
}

/* Restores the heap order around contract c after its places changed. */
static void heap_update(cp_state *st, int c)
{
    const cp_state_model *m = st->model;
    int pool = m->contract_pool[c];
    int base = m->pool_contract_start[pool], size = m->pool_contract_start[pool + 1] - base;
    int i = st->heap_pos[c];
    while (i > 0 && heap_key(st, base, (i - 1) / 2) < heap_key(st, base, i)) {
        heap_swap(st, base, i, (i - 1) / 2);
        i = (i - 1) / 2;
    }
    heap_sift_down(st, base, size, i);
}

static double pool_largest(const cp_state *st, int pool)
{
    const cp_state_model *m = st->model;
    int base = m->pool_contract_start[pool];
    return base < m->pool_contract_start[pool + 1] ? heap_key(st, base, 0) : 0;
}

static bool in_list(const int *list, int n, int value)
{
    for (int i = 0; i < n; i++)
        if (list[i] == value)
            return true;
    return false;
}

/* The most places of a contract of pool other than the n excluded ones (0 when none): a
 * best-first walk from the root that expands only excluded nodes. */
static double pool_largest_except(const cp_state *st, int pool, const int *excluded, int n)
{
    const cp_state_model *m = st->model;
    int base = m->pool_contract_start[pool], size = m->pool_contract_start[pool + 1] - base;
    int open[MAX_CHANGES + 2];
    int n_open = 0;
    if (size > 0)
        open[n_open++] = 0;
    while (n_open > 0) {
        int best = 0;
        for (int i = 1; i < n_open; i++)
            if (heap_key(st, base, open[i]) > heap_key(st, base, open[best]))
                best = i;
        int node = open[best];
        if (!in_list(excluded, n, st->heap[base + node]))
            return heap_key(st, base, node);
        open[best] = open[--n_open];
        for (int child = 2 * node + 1; child <= 2 * node + 2 && child < size; child++)
            open[n_open++] = child;
    }
    return 0;
}

/* ---- changes of a move ---- */

typedef struct changes {
    int n_services, n_contracts, n_pools;
    int service[MAX_CHANGES], service_positive[MAX_CHANGES];
    double service_places[MAX_CHANGES];
    int contract[MAX_CHANGES], contract_count[MAX_CHANGES];
    double contract_places[MAX_CHANGES], contract_price[MAX_CHANGES];
    int pool[MAX_CHANGES];
    double pool_places[MAX_CHANGES];
    double base;
    int mandatory_out;
} changes;

static inline void add_service(changes *ch, int s, double places, int positive)
{
    int i = 0;
    while (i < ch->n_services && ch->service[i] != s)
        i++;
    if (i == ch->n_services) {
        ch->n_services++;
        ch->service[i] = s;
        ch->service_places[i] = 0;
        ch->service_positive[i] = 0;
    }
    ch->service_places[i] += places;
    ch->service_positive[i] += positive;
}

static inline void add_contract(changes *ch, int c, double places, double price, int count)
{
    int i = 0;
    while (i < ch->n_contracts && ch->contract[i] != c)
        i++;
    if (i == ch->n_contracts) {
        ch->n_contracts++;
        ch->contract[i] = c;
        ch->contract_places[i] = ch->contract_price[i] = 0;
        ch->contract_count[i] = 0;
    }
    ch->contract_places[i] += places;
    ch->contract_price[i] += price;
    ch->contract_count[i] += count;
}

static inline void add_pool(changes *ch, int pool, double places)
{
    int i = 0;
    while (i < ch->n_pools && ch->pool[i] != pool)
        i++;
    if (i == ch->n_pools) {
        ch->n_pools++;
        ch->pool[i] = pool;
        ch->pool_places[i] = 0;
    }
    ch->pool_places[i] += places;
}

/* Unit k entering (sign +1) or leaving (-1) pair p. */
static inline void add_pair(const cp_state_model *m, changes *ch, int k, int p, int sign)
{
    const cp_candidates *c = m->candidates;
    double places = c->pair_places[p];
    add_service(ch, c->pair_service[p], sign * places, places > 0 ? sign : 0);
    if (!m->track_contracts)
        return;
    add_contract(ch, m->pair_contract[p], sign * places, sign * c->pair_price[p], sign);
    if (m->share_active)
        add_pool(ch, c->unit_pool[k], sign * places);
}

static inline void collect(const cp_state *st, const cp_move *moves, int n, changes *ch)
{
    const cp_state_model *m = st->model;
    ch->n_services = ch->n_contracts = ch->n_pools = 0;
    ch->base = 0;
    ch->mandatory_out = 0;
    for (int i = 0; i < n; i++) {
        int k = moves[i].unit, to = moves[i].to, from = st->pair_of_unit[k];
        if (from == to)
            continue;
        ch->base += cp_state_unit_cost(m, k, to) - cp_state_unit_cost(m, k, from);
        if (m->unit_mandatory[k])
            ch->mandatory_out += (to < 0) - (from < 0);
        if (from >= 0)
            add_pair(m, ch, k, from, -1);
        if (to >= 0)
            add_pair(m, ch, k, to, +1);
    }
}

/* The largest contract of pool after the change: touched contracts at their new places, the
 * others as they are. */
static double pool_largest_after(const cp_state *st, const changes *ch, int pool)
{
    const cp_state_model *m = st->model;
    int excluded[MAX_CHANGES], n = 0;
    double largest = 0;
    for (int i = 0; i < ch->n_contracts; i++) {
        int c = ch->contract[i];
        if (m->contract_pool[c] != pool)
            continue;
        excluded[n++] = c;
        largest = fmax(largest, st->contract_places[c] + ch->contract_places[i]);
    }
    return fmax(largest, pool_largest_except(st, pool, excluded, n));
}

cp_delta cp_state_delta(const cp_state *st, const cp_move *moves, int n)
{
    const cp_state_model *m = st->model;
    changes ch;
    collect(st, moves, n, &ch);
    double objective = ch.base, weighted = 0;
    int violations = ch.mandatory_out;
    for (int i = 0; i < ch.n_services; i++) {
        int s = ch.service[i];
        int positive = st->positive[s], after = positive + ch.service_positive[i];
        double used = st->used[s];
        objective += service_objective(m, s, after) - service_objective(m, s, positive);
        double before_amount = cp_state_service_amount(m, s, used, positive);
        double after_amount = cp_state_service_amount(m, s, used + ch.service_places[i], after);
        if (after_amount != before_amount) {
            weighted += st->weight[s] * (after_amount - before_amount);
            violations += (after_amount > 0) - (before_amount > 0);
        }
    }
    for (int i = 0; i < ch.n_contracts; i++) {
        int c = ch.contract[i];
        double places = st->contract_places[c], price = st->contract_price[c];
        int count = st->contract_count[c];
        objective +=
            contract_objective(m, c, places + ch.contract_places[i], price + ch.contract_price[i],
                               count + ch.contract_count[i]) -
            contract_objective(m, c, places, price, count);
    }
    for (int i = 0; i < ch.n_pools; i++) {
        int pool = ch.pool[i];
        double places = st->pool_places[pool];
        double before_amount = pool_amount(m, pool_largest(st, pool), places);
        double after_amount =
            pool_amount(m, pool_largest_after(st, &ch, pool), places + ch.pool_places[i]);
        if (after_amount != before_amount) {
            weighted += st->pool_weight[pool] * (after_amount - before_amount);
            violations += (after_amount > 0) - (before_amount > 0);
        }
    }
    return (cp_delta){objective, st->scale * weighted + m->mandatory_weight * ch.mandatory_out,
                      violations};
}

/* ---- applying ---- */

static void set_insert(int *set, int *pos, int *n, int x)
{
    if (pos[x] >= 0)
        return;
    pos[x] = *n;
    set[(*n)++] = x;
}

static void set_remove(int *set, int *pos, int *n, int x)
{
    if (pos[x] < 0)
        return;
    int last = set[--(*n)];
    set[pos[x]] = last;
    pos[last] = pos[x];
    pos[x] = -1;
}

static void list_remove(cp_state *st, int k, int s)
{
    if (st->prev[k] >= 0)
        st->next[st->prev[k]] = st->next[k];
    else
        st->head[s] = st->next[k];
    if (st->next[k] >= 0)
        st->prev[st->next[k]] = st->prev[k];
}

static void list_insert(cp_state *st, int k, int s)
{
    st->prev[k] = -1;
    st->next[k] = st->head[s];
    if (st->head[s] >= 0)
        st->prev[st->head[s]] = k;
    st->head[s] = k;
}

static void mark_service(cp_state *st, int s, double amount)
{
    if (amount > 0)
        set_insert(st->violated, st->violated_pos, &st->n_violated, s);
    else
        set_remove(st->violated, st->violated_pos, &st->n_violated, s);
}

static void mark_pool(cp_state *st, int pool, double amount)
{
    if (amount > 0)
        set_insert(st->pool_violated, st->pool_violated_pos, &st->n_pool_violated, pool);
    else
        set_remove(st->pool_violated, st->pool_violated_pos, &st->n_pool_violated, pool);
}

/* Makes the moves: cp_state_apply less its debug-build audit. */
static void apply(cp_state *st, const cp_move *moves, int n)
{
    const cp_state_model *m = st->model;
    const cp_candidates *c = m->candidates;
    changes ch;
    collect(st, moves, n, &ch);

    double pool_before[MAX_CHANGES];
    for (int i = 0; i < ch.n_pools; i++) {
        int pool = ch.pool[i];
        pool_before[i] = pool_amount(m, pool_largest(st, pool), st->pool_places[pool]);
    }
    for (int i = 0; i < n; i++) {
        int k = moves[i].unit, to = moves[i].to, from = st->pair_of_unit[k];
        if (from == to)
            continue;
        if (from >= 0)
            list_remove(st, k, c->pair_service[from]);
        if (to >= 0)
            list_insert(st, k, c->pair_service[to]);
        st->pair_of_unit[k] = to;
    }
    st->objective += ch.base;
    st->n_mandatory_out += ch.mandatory_out;
    for (int i = 0; i < ch.n_services; i++) {
        int s = ch.service[i];
        double before = cp_state_service_amount(m, s, st->used[s], st->positive[s]);
        st->objective -= service_objective(m, s, st->positive[s]);
        st->used[s] += ch.service_places[i];
        st->positive[s] += ch.service_positive[i];
        if (st->positive[s] == 0)
            st->used[s] = 0; /* drop rounding residue of an emptied service */
        st->objective += service_objective(m, s, st->positive[s]);
        double after = cp_state_service_amount(m, s, st->used[s], st->positive[s]);
        st->weighted += st->weight[s] * (after - before);
        st->violation += after - before;
        mark_service(st, s, after);
    }
    for (int i = 0; i < ch.n_contracts; i++) {
        int ct = ch.contract[i];
        st->objective -= contract_objective(m, ct, st->contract_places[ct], st->contract_price[ct],
                                            st->contract_count[ct]);
        st->contract_places[ct] += ch.contract_places[i];
        st->contract_price[ct] += ch.contract_price[i];
        st->contract_count[ct] += ch.contract_count[i];
        if (st->contract_count[ct] == 0)
            st->contract_places[ct] = st->contract_price[ct] = 0;
        st->objective += contract_objective(m, ct, st->contract_places[ct], st->contract_price[ct],
                                            st->contract_count[ct]);
        if (m->share_active)
            heap_update(st, ct);
    }
    for (int i = 0; i < ch.n_pools; i++) {
        int pool = ch.pool[i];
        st->pool_places[pool] += ch.pool_places[i];
        double after = pool_amount(m, pool_largest(st, pool), st->pool_places[pool]);
        st->weighted += st->pool_weight[pool] * (after - pool_before[i]);
        st->violation += after - pool_before[i];
        mark_pool(st, pool, after);
    }
    if (st->n_violated == 0 && st->n_pool_violated == 0)
        st->weighted = st->violation = 0; /* no rounding residue on feasible plans */
}

/* ---- debug-build audit ---- */

#ifndef NDEBUG
/* Applied moves between audits, and the relative disagreement an audit allows. */
enum { AUDIT_EVERY = 1024 };
static const double AUDIT_RELATIVE = 1e-9;

/* Whether a and b agree but for rounding errors on sums of terms of about size. */
static bool agrees(double a, double b, double size)
{
    return fabs(a - b) <= AUDIT_RELATIVE * (1 + fabs(size));
}

/* The sum of the magnitudes of the objective's terms: the scale of its rounding errors. */
static double objective_size(const cp_state *st)
{
    const cp_state_model *m = st->model;
    double size = 0;
    for (int k = 0; k < m->n_units; k++)
        size += fabs(cp_state_unit_cost(m, k, st->pair_of_unit[k]));
    for (int s = 0; s < m->n_services; s++)
        size += fabs(service_objective(m, s, st->positive[s]));
    for (int c = 0; m->track_contracts && c < m->n_contracts; c++)
        size +=
            st->contract_count[c] > 0 ? fabs(m->contract_cost) + fabs(st->contract_price[c]) : 0;
    return size;
}

/* The sum of the magnitudes of the violation amounts' terms (times their weights when
 * weighted): the places used or required, which bound every amount added or removed. */
static double amount_size(const cp_state *st, bool weighted)
{
    const cp_state_model *m = st->model;
    double size = 0;
    for (int s = 0; s < m->n_services; s++)
        size += (weighted ? st->weight[s] : 1) *
                (st->used[s] + m->service_capacity[s] + m->service_minimum[s]);
    for (int pool = 0; m->share_active && pool < m->n_pools; pool++)
        size += (weighted ? st->pool_weight[pool] : 1) * st->pool_places[pool];
    return size;
}

/* Whether st's incrementally kept totals equal a state built afresh from its plan (same
 * weights and scale) and its objective the independent checker's. */
static bool matches_recomputation(const cp_state *st)
{
    const cp_state_model *m = st->model;
    cp_state *fresh = cp_state_create(m, st->pair_of_unit);
    memcpy(fresh->weight, st->weight, (size_t)m->n_services * sizeof *st->weight);
    memcpy(fresh->pool_weight, st->pool_weight, (size_t)m->n_pools * sizeof *st->pool_weight);
    fresh->scale = st->scale;
    cp_state_refresh(fresh);
    double size = objective_size(fresh);
    bool ok = agrees(st->objective, fresh->objective, size) &&
              agrees(st->violation, fresh->violation, amount_size(fresh, false)) &&
              agrees(st->weighted, fresh->weighted, amount_size(fresh, true)) &&
              st->n_violated == fresh->n_violated &&
              st->n_pool_violated == fresh->n_pool_violated &&
              st->n_mandatory_out == fresh->n_mandatory_out;
    for (int s = 0; ok && s < m->n_services; s++)
        ok = st->positive[s] == fresh->positive[s] &&
             agrees(st->used[s], fresh->used[s], st->used[s]);
    for (int c = 0; ok && m->track_contracts && c < m->n_contracts; c++)
        ok = st->contract_count[c] == fresh->contract_count[c] &&
             agrees(st->contract_places[c], fresh->contract_places[c], fresh->contract_places[c]);

    int *service_of_user = cp_malloc((size_t)m->instance->n_users * sizeof(int) + 1);
    cp_state_model_services_of_users(m, st->pair_of_unit, service_of_user);
    cp_check *check = NULL;
    cp_check_plan(m->instance, m->candidates->config, service_of_user, &check);
    ok = ok && agrees(st->objective, check->objective, size);
    cp_check_destroy(check);
    free(service_of_user);
    cp_state_destroy(fresh);
    return ok;
}

/* Whether the change the moves made (objective, penalty, violations before given) is the one
 * cp_state_delta predicted. */
static bool matches_delta(const cp_state *st, cp_delta predicted, cp_delta before)
{
    return agrees(st->objective - before.objective, predicted.objective, objective_size(st)) &&
           agrees(cp_state_penalty(st) - before.penalty, predicted.penalty,
                  st->scale * amount_size(st, true)) &&
           cp_state_violations(st) - before.violations == predicted.violations;
}
#endif

/* Debug builds audit the first applied moves (the 1st, 2nd, 4th, ... ) and every AUDIT_EVERY-th:
 * the delta predicted against the change made, and every total against a recomputation. */
void cp_state_apply(cp_state *st, const cp_move *moves, int n)
{
#ifndef NDEBUG
    unsigned long applied = ++st->applied;
    bool audit = (applied & (applied - 1)) == 0 || applied % AUDIT_EVERY == 0;
    cp_delta predicted = audit ? cp_state_delta(st, moves, n) : (cp_delta){0, 0, 0};
    cp_delta before = {st->objective, cp_state_penalty(st), cp_state_violations(st)};
#endif
    apply(st, moves, n);
#ifndef NDEBUG
    assert(!audit || matches_delta(st, predicted, before));
    assert(!audit || matches_recomputation(st));
#endif
}

/* ---- whole-plan totals ---- */

void cp_state_refresh(cp_state *st)
{
    const cp_state_model *m = st->model;
    double objective = 0, weighted = 0, violation = 0;
    st->n_mandatory_out = 0;
    for (int k = 0; k < m->n_units; k++) {
        objective += cp_state_unit_cost(m, k, st->pair_of_unit[k]);
        if (m->unit_mandatory[k] && st->pair_of_unit[k] < 0)
            st->n_mandatory_out++;
    }
    for (int s = 0; s < m->n_services; s++) {
        objective += service_objective(m, s, st->positive[s]);
        double amount = cp_state_service_amount(m, s, st->used[s], st->positive[s]);
        weighted += st->weight[s] * amount;
        violation += amount;
        mark_service(st, s, amount);
    }
    for (int k = 0; m->track_contracts && k < m->n_contracts; k++)
        objective += contract_objective(m, k, st->contract_places[k], st->contract_price[k],
                                        st->contract_count[k]);
    for (int pool = 0; m->share_active && pool < m->n_pools; pool++) {
        double amount = pool_amount(m, pool_largest(st, pool), st->pool_places[pool]);
        weighted += st->pool_weight[pool] * amount;
        violation += amount;
        mark_pool(st, pool, amount);
    }
    st->objective = objective;
    st->weighted = weighted;
    st->violation = violation;
}

void cp_state_load(cp_state *st, const int *plan)
{
    const cp_state_model *m = st->model;
    const cp_candidates *c = m->candidates;
    for (int s = 0; s < m->n_services; s++) {
        st->head[s] = -1;
        st->used[s] = 0;
        st->positive[s] = 0;
    }
    if (m->track_contracts) {
        memset(st->contract_places, 0, (size_t)m->n_contracts * sizeof(double));
        memset(st->contract_price, 0, (size_t)m->n_contracts * sizeof(double));
        memset(st->contract_count, 0, (size_t)m->n_contracts * sizeof(int));
    }
    if (m->share_active)
        memset(st->pool_places, 0, (size_t)m->n_pools * sizeof(double));
    for (int k = m->n_units - 1; k >= 0; k--) { /* inserting in reverse keeps lists ascending */
        int p = plan ? plan[k] : -1;
        st->pair_of_unit[k] = p;
        if (p < 0)
            continue;
        int s = c->pair_service[p];
        list_insert(st, k, s);
        st->used[s] += c->pair_places[p];
        st->positive[s] += c->pair_places[p] > 0;
        if (!m->track_contracts)
            continue;
        int contract = m->pair_contract[p];
        st->contract_places[contract] += c->pair_places[p];
        st->contract_price[contract] += c->pair_price[p];
        st->contract_count[contract]++;
        if (m->share_active)
            st->pool_places[c->unit_pool[k]] += c->pair_places[p];
    }
    if (m->share_active) {
        for (int pool = 0; pool < m->n_pools; pool++) {
            int base = m->pool_contract_start[pool], end = m->pool_contract_start[pool + 1];
            for (int i = base; i < end; i++) {
                st->heap[i] = i; /* contracts of a pool are numbered contiguously */
                st->heap_pos[i] = i - base;
            }
            for (int i = (end - base) / 2 - 1; i >= 0; i--)
                heap_sift_down(st, base, end - base, i);
        }
    }
    cp_state_refresh(st);
}

cp_state *cp_state_create(const cp_state_model *m, const int *plan)
{
    cp_state *st = cp_calloc(1, sizeof *st);
    st->model = m;
    size_t units = (size_t)m->n_units + 1, services = (size_t)m->n_services + 1;
    size_t contracts = (size_t)m->n_contracts + 1, pools = (size_t)m->n_pools + 1;
    st->pair_of_unit = cp_malloc(units * sizeof(int));
    st->next = cp_malloc(units * sizeof(int));
    st->prev = cp_malloc(units * sizeof(int));
    st->head = cp_malloc(services * sizeof(int));
    st->used = cp_malloc(services * sizeof(double));
    st->positive = cp_malloc(services * sizeof(int));
    st->contract_places = cp_malloc(contracts * sizeof(double));
    st->contract_price = cp_malloc(contracts * sizeof(double));
    st->contract_count = cp_malloc(contracts * sizeof(int));
    st->pool_places = cp_malloc(pools * sizeof(double));
    st->heap = cp_malloc(contracts * sizeof(int));
    st->heap_pos = cp_malloc(contracts * sizeof(int));
    st->weight = cp_malloc(services * sizeof(double));
    st->pool_weight = cp_malloc(pools * sizeof(double));
    st->violated = cp_malloc(services * sizeof(int));
    st->violated_pos = cp_malloc(services * sizeof(int));
    st->pool_violated = cp_malloc(pools * sizeof(int));
    st->pool_violated_pos = cp_malloc(pools * sizeof(int));
    for (int s = 0; s < m->n_services; s++) {
        st->weight[s] = 1;
        st->violated_pos[s] = -1;
    }
    for (int pool = 0; pool < m->n_pools; pool++) {
        st->pool_weight[pool] = 1;
        st->pool_violated_pos[pool] = -1;
    }
    st->scale = m->cost_scale;
    cp_state_load(st, plan);
    return st;
}

void cp_state_destroy(cp_state *st)
{
    if (!st)
        return;
    free(st->pair_of_unit);
    free(st->next);
    free(st->prev);
    free(st->head);
    free(st->used);
    free(st->positive);
    free(st->contract_places);
    free(st->contract_price);
    free(st->contract_count);
    free(st->pool_places);
    free(st->heap);
    free(st->heap_pos);
    free(st->weight);
    free(st->pool_weight);
    free(st->violated);
    free(st->violated_pos);
    free(st->pool_violated);
    free(st->pool_violated_pos);
    free(st);
}

/* ---- queries and weights ---- */

double cp_state_penalty(const cp_state *st)
{
    return st->scale * st->weighted + st->model->mandatory_weight * st->n_mandatory_out;
}

bool cp_state_feasible(const cp_state *st)
{
    return cp_state_violations(st) == 0;
}

void cp_state_bump_violated(cp_state *st, double ratio)
{
    const cp_state_model *m = st->model;
    double largest = 0;
    for (int i = 0; i < st->n_violated; i++) {
        int s = st->violated[i];
        largest = fmax(largest, cp_state_service_amount(m, s, st->used[s], st->positive[s]));
    }
    for (int i = 0; i < st->n_pool_violated; i++) {
        int pool = st->pool_violated[i];
        largest = fmax(largest, pool_amount(m, pool_largest(st, pool), st->pool_places[pool]));
    }
    for (int i = 0; i < st->n_violated; i++) {
        int s = st->violated[i];
        double amount = cp_state_service_amount(m, s, st->used[s], st->positive[s]);
        double w = fmin(WEIGHT_MAX, st->weight[s] * (1 + ratio * amount / largest));
        st->weighted += (w - st->weight[s]) * amount;
        st->weight[s] = w;
    }
    for (int i = 0; i < st->n_pool_violated; i++) {
        int pool = st->pool_violated[i];
        double amount = pool_amount(m, pool_largest(st, pool), st->pool_places[pool]);
        double w = fmin(WEIGHT_MAX, st->pool_weight[pool] * (1 + ratio * amount / largest));
        st->weighted += (w - st->pool_weight[pool]) * amount;
        st->pool_weight[pool] = w;
    }
}

/* Outside [SCALE_MIN, SCALE_MAX] the scale goes back to the model's cost scale and the
 * weights take the rest of the factor (within [WEIGHT_MIN, WEIGHT_MAX]): clamping the scale
 * instead would stop the weights from shrinking while they can still grow. */
void cp_state_rescale(cp_state *st, double factor)
{
    const cp_state_model *m = st->model;
    double unit = m->cost_scale, scale = st->scale * factor;
    if (scale >= SCALE_MIN * unit && scale <= SCALE_MAX * unit) {
        st->scale = scale;
        return;
    }
    double fold = scale / unit;
    for (int s = 0; s < m->n_services; s++)
        st->weight[s] = fmin(WEIGHT_MAX, fmax(WEIGHT_MIN, st->weight[s] * fold));
    for (int pool = 0; pool < m->n_pools; pool++)
        st->pool_weight[pool] = fmin(WEIGHT_MAX, fmax(WEIGHT_MIN, st->pool_weight[pool] * fold));
    st->scale = unit;
    cp_state_refresh(st);
}

void cp_state_plan(const cp_state *st, int *plan)
{
    memcpy(plan, st->pair_of_unit, (size_t)st->model->n_units * sizeof(int));
}
