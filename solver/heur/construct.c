/* The initial plan: see construct.h. Three steps.
 *
 * Greedy: units that cannot be unplaced come first (they have the fewest ways out), then by
 * regret (the gap between their two most attractive choices, largest first). Each takes its
 * most attractive pair whose service still has room, or stays unplaced when that is more
 * attractive; a unit that must be placed and finds no room goes where the excess is smallest.
 *
 * Minimum occupancy: a candidate service opened below its minimum is filled with the units
 * that lose least by moving there (only from where they leave no other minimum broken), or,
 * when not enough can come, emptied (its units to their best pair with room in a service that
 * is open or has no minimum) and closed for the rest of the construction.
 *
 * Repair: what is still infeasible (capacity, minimum, market share) is handed to a descent
 * on the state with heavy penalty weights, first over the units involved, then over all. */
#include "heur/construct.h"

#include "core/rules.h"
#include "heur/moves.h"
#include "util/alloc.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

enum {
    FEW_FITS = 3, /* units that fit in fewer services than this go first, fewest first */
    REPAIR_ROUNDS = 50,
    REPAIR_TARGETS = 32, /* a repair move sends a unit to one of its first pairs by guide */
    REPAIR_ONWARD = 8    /* and a member it displaces to one of the member's first pairs */
};
static const double REPAIR_SCALE = 1e3; /* penalty scale during repair, times cost_scale */

typedef struct builder {
    const cp_state_model *m;
    const cp_candidates *c;
    const double *guide, *guide_unplaced;
    double *used;
    int *positive;
    bool *closed;
    int *plan;
} builder;

static double attraction(const builder *b, int p)
{
    return cp_moves_attraction(b->m, b->guide, p);
}

static double unplaced_attraction(const builder *b, int k)
{
    if (b->m->unit_mandatory[k])
        return INFINITY;
    return b->guide_unplaced ? b->guide_unplaced[k] : b->m->unit_unplaced[k];
}

static double room(const builder *b, int s)
{
    return cp_rules_ceiling(b->m->service_capacity[s]) - b->used[s];
}

static bool fits(const builder *b, int p)
{
    int s = b->c->pair_service[p];
    return !b->closed[s] && b->c->pair_places[p] <= room(b, s);
}

/* Moves unit k to pair p (or -1), keeping used and positive. */
static void put(builder *b, int k, int p)
{
    const cp_candidates *c = b->c;
    int old = b->plan[k];
    if (old >= 0) {
        b->used[c->pair_service[old]] -= c->pair_places[old];
        b->positive[c->pair_service[old]] -= c->pair_places[old] > 0;
    }
    if (p >= 0) {
        b->used[c->pair_service[p]] += c->pair_places[p];
        b->positive[c->pair_service[p]] += c->pair_places[p] > 0;
    }
    b->plan[k] = p;
}

/* ---- greedy ---- */

typedef struct ranked {
    int unit;
    bool mandatory;
    int fits; /* pairs whose service could hold the unit at all */
    double regret;
} ranked;

static int by_rank(const void *left, const void *right)
{
    const ranked *a = left, *b = right;
    if (a->mandatory != b->mandatory)
        return a->mandatory ? -1 : 1;
    if (a->fits != b->fits)
        return a->fits < b->fits ? -1 : 1;
    if (a->regret != b->regret)
        return a->regret > b->regret ? -1 : 1;
    return (a->unit > b->unit) - (a->unit < b->unit);
}

static ranked rank_unit(const builder *b, int k)
{
    int fits = 0;
    for (int p = b->c->pair_start[k]; p < b->c->pair_start[k + 1]; p++)
        fits += b->c->pair_places[p] <= b->m->service_limit[b->c->pair_service[p]];
    double first = unplaced_attraction(b, k), second = INFINITY;
    for (int p = b->c->pair_start[k]; p < b->c->pair_start[k + 1]; p++) {
        double a = attraction(b, p);
        if (a < first) {
            second = first;
            first = a;
        } else if (a < second) {
            second = a;
        }
    }
    double regret = isinf(second) ? INFINITY : second - first;
    return (ranked){k, b->m->unit_mandatory[k], fits < FEW_FITS ? fits : FEW_FITS, regret};
}

/* The most attractive pair of k with room and allowed (-1 if none). */
static int best_fitting(const builder *b, int k, bool (*allowed)(const builder *, int))
{
    int best = -1;
    for (int p = b->c->pair_start[k]; p < b->c->pair_start[k + 1]; p++)
        if (fits(b, p) && (!allowed || allowed(b, p)) &&
            (best < 0 || attraction(b, p) < attraction(b, best)))
            best = p;
    return best;
}

/* For a unit that must be placed and finds no room: the open pair of least excess. */
static int least_excess(const builder *b, int k)
{
    int best = -1;
    double best_excess = INFINITY;
    for (int p = b->c->pair_start[k]; p < b->c->pair_start[k + 1]; p++) {
        int s = b->c->pair_service[p];
        double excess = b->c->pair_places[p] - room(b, s);
        if (b->closed[s] && b->c->pair_start[k + 1] - b->c->pair_start[k] > 1)
            continue;
        if (best < 0 || excess < best_excess ||
            (excess == best_excess && attraction(b, p) < attraction(b, best))) {
            best = p;
            best_excess = excess;
        }
    }
    return best;
}

/* Sends k to its best pair with room (allowed), else unplaced if it may be, else where the
 * excess is least. */
static void place(builder *b, int k, bool (*allowed)(const builder *, int))
{
    int p = best_fitting(b, k, allowed);
    if (p >= 0 && attraction(b, p) <= unplaced_attraction(b, k))
        put(b, k, p);
    else if (!b->m->unit_mandatory[k])
        put(b, k, -1);
    else
        put(b, k, least_excess(b, k));
}

static void greedy(builder *b)
{
    int n = b->m->n_units;
    ranked *order = cp_malloc((size_t)n * sizeof *order + 1);
    for (int k = 0; k < n; k++) {
        b->plan[k] = -1;
        order[k] = rank_unit(b, k);
    }
    qsort(order, (size_t)n, sizeof *order, by_rank);
    for (int i = 0; i < n; i++)
        place(b, order[i].unit, NULL);
    free(order);
}

/* ---- minimum occupancy ---- */

/* Pairs of each candidate service with a minimum: at[start[s] .. start[s+1]). */
typedef struct transpose {
    int *start, *pair, *unit;
} transpose;

static transpose pairs_by_service(const builder *b)
{
    const cp_state_model *m = b->m;
    const cp_candidates *c = b->c;
    transpose t = {cp_calloc((size_t)m->n_services + 1, sizeof(int)), NULL, NULL};
    for (int p = 0; p < m->n_pairs; p++)
        if (m->service_minimum[c->pair_service[p]] > 0)
            t.start[c->pair_service[p] + 1]++;
    for (int s = 0; s < m->n_services; s++)
        t.start[s + 1] += t.start[s];
    int total = t.start[m->n_services];
    t.pair = cp_malloc((size_t)total * sizeof(int) + 1);
    t.unit = cp_malloc((size_t)total * sizeof(int) + 1);
    int *fill = cp_malloc((size_t)m->n_services * sizeof(int) + 1);
    memcpy(fill, t.start, (size_t)m->n_services * sizeof(int));
    for (int k = 0; k < m->n_units; k++)
        for (int p = c->pair_start[k]; p < c->pair_start[k + 1]; p++) {
            int s = c->pair_service[p];
            if (m->service_minimum[s] > 0) {
                t.pair[fill[s]] = p;
                t.unit[fill[s]++] = k;
            }
        }
    free(fill);
    return t;
}

static bool below_minimum(const builder *b, int s)
{
    double minimum = b->m->service_minimum[s];
    return b->positive[s] > 0 && cp_rules_under(b->used[s], minimum);
}

/* Whether unit k may leave its pair without breaking its service's minimum. */
static bool may_leave(const builder *b, int k)
{
    int p = b->plan[k];
    if (p < 0)
        return true;
    int s = b->c->pair_service[p];
    double minimum = b->m->service_minimum[s], left = b->used[s] - b->c->pair_places[p];
    return minimum == 0 || left >= cp_rules_floor(minimum) || left <= 0;
}

typedef struct entrant {
    int unit, pair;
    double loss;
} entrant;

static int by_loss(const void *left, const void *right)
{
    const entrant *a = left, *b = right;
    if (a->loss != b->loss)
        return a->loss < b->loss ? -1 : 1;
    return (a->unit > b->unit) - (a->unit < b->unit);
}

/* Brings units into s until its minimum is met; undoes everything and returns false when it
 * cannot be met. */
static bool fill(builder *b, const transpose *t, int s)
{
    int n = t->start[s + 1] - t->start[s];
    entrant *in = cp_malloc((size_t)n * sizeof *in + 1);
    int *who = cp_malloc((size_t)n * sizeof(int) + 1);
    int *from = cp_malloc((size_t)n * sizeof(int) + 1);
    int n_in = 0;
    for (int i = t->start[s]; i < t->start[s + 1]; i++) {
        int k = t->unit[i], p = t->pair[i];
        if (b->plan[k] == p || !may_leave(b, k))
            continue;
        double now = b->plan[k] >= 0 ? attraction(b, b->plan[k]) : unplaced_attraction(b, k);
        in[n_in++] = (entrant){k, p, attraction(b, p) - now};
    }
    qsort(in, (size_t)n_in, sizeof *in, by_loss);
    int moved = 0;
    for (int i = 0; i < n_in && below_minimum(b, s); i++) {
        if (!fits(b, in[i].pair) || !may_leave(b, in[i].unit))
            continue;
        who[moved] = in[i].unit;
        from[moved++] = b->plan[in[i].unit];
        put(b, in[i].unit, in[i].pair);
    }
    bool met = !below_minimum(b, s);
    for (int i = moved - 1; i >= 0 && !met; i--)
        put(b, who[i], from[i]);
    free(in);
    free(who);
    free(from);
    return met;
}

/* A relocation target: a service that is open or has no minimum to meet. */
static bool settled(const builder *b, int p)
{
    int s = b->c->pair_service[p];
    return b->positive[s] > 0 || b->m->service_minimum[s] == 0;
}

/* Moves every unit out of s and closes it to newcomers; a unit with nowhere else to go
 * stays (the repair deals with it). */
static void empty(builder *b, const transpose *t, int s)
{
    b->closed[s] = true;
    for (int i = t->start[s]; i < t->start[s + 1]; i++) {
        int k = t->unit[i];
        if (b->plan[k] != t->pair[i])
            continue;
        int p = best_fitting(b, k, settled);
        if (p >= 0)
            put(b, k, p);
        else if (!b->m->unit_mandatory[k])
            put(b, k, -1);
        else if ((p = least_excess(b, k)) >= 0 && b->c->pair_service[p] != s)
            put(b, k, p);
    }
}

static void meet_minimums(builder *b)
{
    transpose t = pairs_by_service(b);
    for (bool changed = true; changed;) {
        changed = false;
        for (int s = 0; s < b->m->n_services; s++) {
            if (b->closed[s] || !below_minimum(b, s))
                continue;
            changed = true;
            if (!fill(b, &t, s))
                empty(b, &t, s);
        }
    }
    free(t.start);
    free(t.pair);
    free(t.unit);
}

/* ---- repair ---- */

/* Units to try in a repair round: members of violated services, mandatory units left out,
 * and every unit of a pool over its market-share cap. Returns the count. */
static int involved_units(const cp_state *st, int *units, bool *seen)
{
    const cp_state_model *m = st->model;
    const cp_candidates *c = m->candidates;
    int n = 0;
    memset(seen, 0, (size_t)m->n_units * sizeof(bool));
    for (int i = 0; i < st->n_violated; i++)
        for (int k = st->head[st->violated[i]]; k >= 0; k = st->next[k])
            if (!seen[k]) {
                seen[k] = true;
                units[n++] = k;
            }
    for (int k = 0; k < m->n_units; k++) {
        bool pool_over = m->share_active && st->pool_violated_pos[c->unit_pool[k]] >= 0;
        bool out = m->unit_mandatory[k] && st->pair_of_unit[k] < 0;
        if (!seen[k] && (pool_over || out)) {
            seen[k] = true;
            units[n++] = k;
        }
    }
    return n;
}

/* One pass of improving moves over units[0..n). Returns whether any move was made. */
static bool descend(cp_state *st, const cp_scan *scan, const int *units, int n)
{
    bool moved = false;
    double eps = 1e-9 * st->model->cost_scale;
    for (int i = 0; i < n; i++) {
        cp_scan_result found;
        cp_moves_scan(st, scan, units[i], &found);
        if (found.best.n > 0 && found.best.score < -eps) {
            cp_moves_apply(st, &found.best);
            moved = true;
        }
    }
    return moved;
}

static bool repair(const cp_state_model *m, const int *order, const int *rank, int *plan)
{
    cp_state *st = cp_state_create(m, plan);
    cp_state_rescale(st, REPAIR_SCALE);
    cp_scan scan = {.order = order,
                    .rank = rank,
                    .targets = REPAIR_TARGETS,
                    .onward = REPAIR_ONWARD,
                    .compound = true};
    int *units = cp_malloc((size_t)m->n_units * sizeof(int) + 1);
    bool *seen = cp_malloc((size_t)m->n_units * sizeof(bool) + 1);
    int *all = cp_malloc((size_t)m->n_units * sizeof(int) + 1);
    for (int k = 0; k < m->n_units; k++)
        all[k] = k;
    for (int round = 0; round < REPAIR_ROUNDS && !cp_state_feasible(st); round++) {
        int n = involved_units(st, units, seen);
        if (!descend(st, &scan, units, n) && !descend(st, &scan, all, m->n_units))
            break;
    }
    bool feasible = cp_state_feasible(st);
    cp_state_plan(st, plan);
    cp_state_destroy(st);
    free(units);
    free(seen);
    free(all);
    return feasible;
}

bool cp_construct(const cp_state_model *m, const double *guide, const double *guide_unplaced,
                  const int *order, const int *rank, int *plan)
{
    builder b = {
        .m = m,
        .c = m->candidates,
        .guide = guide,
        .guide_unplaced = guide_unplaced,
        .used = cp_calloc((size_t)m->n_services + 1, sizeof(double)),
        .positive = cp_calloc((size_t)m->n_services + 1, sizeof(int)),
        .closed = cp_calloc((size_t)m->n_services + 1, sizeof(bool)),
        .plan = plan,
    };
    greedy(&b);
    meet_minimums(&b);
    free(b.used);
    free(b.positive);
    free(b.closed);

    int *own_rank = NULL, *own_order = NULL;
    if (!order || !rank) {
        own_rank = cp_malloc((size_t)m->n_pairs * sizeof(int) + 1);
        own_order = cp_moves_order(m, guide, 1, own_rank);
    }
    bool feasible = own_order ? repair(m, own_order, own_rank, plan) : repair(m, order, rank, plan);
    free(own_order);
    free(own_rank);
    return feasible;
}
