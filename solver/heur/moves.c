/* The neighbourhood of one unit: see moves.h.
 *
 * A unit's compound moves send it into the service B of one of its targets and a member of B
 * on: back to the unit's own service (a swap), to another of its targets, or to unplaced. On
 * models without contracts to track, a compound move's delta is composed from the two units'
 * cost changes and the touched services' own terms (cp_state_service_delta), which costs a
 * few arithmetic operations; otherwise each is computed by cp_state_delta. Both give the same
 * values. */
#include "heur/moves.h"

#include "util/alloc.h"

#include <math.h>
#include <stdlib.h>

static void keep(cp_unit_move *slot, const cp_move *moves, int n, cp_delta delta, double score)
{
    for (int i = 0; i < n; i++)
        slot->moves[i] = moves[i];
    slot->n = n;
    slot->delta = delta;
    slot->score = score;
}

enum { MAX_EXTEND = 8 };

/* The best two-unit moves whose second unit enters a service, for extension. */
typedef struct prefixes {
    int n, limit;
    cp_unit_move move[MAX_EXTEND];
} prefixes;

static void offer_prefix(prefixes *pre, const cp_move *moves, cp_delta delta, double score)
{
    int i;
    if (pre->n < pre->limit)
        i = pre->n++;
    else if (pre->limit > 0 && score < pre->move[pre->limit - 1].score)
        i = pre->limit - 1;
    else
        return;
    while (i > 0 && score < pre->move[i - 1].score) {
        pre->move[i] = pre->move[i - 1];
        i--;
    }
    keep(&pre->move[i], moves, 2, delta, score);
}

/* Considers moves[0..n), whose change is delta, for *found. */
static void consider(const cp_state *st, const cp_scan *scan, const cp_move *moves, int n,
                     cp_delta delta, cp_scan_result *found)
{
    double score = delta.objective + delta.penalty;
    bool feasible = cp_state_violations(st) + delta.violations == 0;
    if (feasible && (found->feasible.n == 0 || delta.objective < found->feasible.delta.objective))
        keep(&found->feasible, moves, n, delta, score);
    cp_unit_move *best = &found->best;
    if (best->n > 0 && !(score < best->score))
        return;
    bool tabu = false;
    for (int i = 0; i < n; i++)
        tabu = tabu || cp_scan_is_tabu(scan, moves[i].unit, moves[i].to);
    if (tabu && !(feasible && st->objective + delta.objective < scan->aspiration))
        return;
    keep(best, moves, n, delta, score);
}

static void consider_exact(const cp_state *st, const cp_scan *scan, const cp_move *moves, int n,
                           cp_scan_result *found)
{
    consider(st, scan, moves, n, cp_state_delta(st, moves, n), found);
}

static cp_delta add(cp_delta a, cp_delta b)
{
    return (cp_delta){a.objective + b.objective, a.penalty + b.penalty,
                      a.violations + b.violations};
}

/* The change of unit k's own cost going from pair `from` to pair `to` (-1: unplaced). */
static cp_delta unit_change(const cp_state_model *m, int k, int from, int to)
{
    cp_delta d = {cp_state_unit_cost(m, k, to) - cp_state_unit_cost(m, k, from), 0, 0};
    if (m->unit_mandatory[k] && (to < 0) != (from < 0))
        d.violations = to < 0 ? 1 : -1;
    if (d.violations)
        d.penalty = d.violations * m->mandatory_weight;
    return d;
}

/* Where a pair puts its unit: service, places, members with places (one or none). */
typedef struct spot {
    int service;
    double places;
    int positive;
} spot;

static spot spot_of(const cp_candidates *c, int pair)
{
    if (pair < 0)
        return (spot){-1, 0, 0};
    double places = c->pair_places[pair];
    return (spot){c->pair_service[pair], places, places > 0};
}

/* Compound moves of unit (at pair `from`) into the service of pair `to`, composed from parts
 * (models without contracts to track). */
static long compose_into(const cp_state *st, const cp_scan *scan, int unit, int from, int to,
                         cp_scan_result *found, prefixes *pre)
{
    const cp_state_model *m = st->model;
    const cp_candidates *c = m->candidates;
    spot a = spot_of(c, from), b = spot_of(c, to);
    cp_delta mover = unit_change(m, unit, from, to);
    cp_delta leave_a = a.service >= 0
                           ? cp_state_service_delta(st, a.service, -a.places, -a.positive)
                           : (cp_delta){0, 0, 0};
    long evaluated = 0;
    for (int other = st->head[b.service]; other >= 0; other = st->next[other]) {
        int there = st->pair_of_unit[other];
        spot out = spot_of(c, there);
        cp_delta enter_b =
            cp_state_service_delta(st, b.service, b.places - out.places, b.positive - out.positive);
        cp_delta base = add(mover, enter_b);
        int start = c->pair_start[other], end = c->pair_start[other + 1];
        int targets = scan->onward < end - start ? scan->onward : end - start;
        for (int i = -1; i < targets; i++) {
            int next = i < 0 ? -1 : scan->order[start + i];
            if (next < 0 && m->unit_mandatory[other])
                continue;
            spot in = spot_of(c, next);
            if (in.service == b.service)
                continue;
            cp_delta delta = add(base, unit_change(m, other, there, next));
            if (in.service >= 0 && in.service == a.service)
                delta = add(delta, cp_state_service_delta(st, a.service, in.places - a.places,
                                                          in.positive - a.positive));
            else if (in.service >= 0)
                delta = add(add(delta, leave_a),
                            cp_state_service_delta(st, in.service, in.places, in.positive));
            else
                delta = add(delta, leave_a);
            cp_move moves[2] = {{unit, to}, {other, next}};
            consider(st, scan, moves, 2, delta, found);
            if (in.service >= 0 && in.service != a.service)
                offer_prefix(pre, moves, delta, delta.objective + delta.penalty);
            evaluated++;
        }
    }
    return evaluated;
}

/* The same moves, each computed by cp_state_delta. */
static long exact_into(const cp_state *st, const cp_scan *scan, int unit, int to,
                       cp_scan_result *found, prefixes *pre)
{
    const cp_state_model *m = st->model;
    const cp_candidates *c = m->candidates;
    int there = c->pair_service[to];
    long evaluated = 0;
    for (int other = st->head[there]; other >= 0; other = st->next[other]) {
        int start = c->pair_start[other], end = c->pair_start[other + 1];
        int targets = scan->onward < end - start ? scan->onward : end - start;
        for (int i = -1; i < targets; i++) {
            int next = i < 0 ? -1 : scan->order[start + i];
            if (next < 0 ? m->unit_mandatory[other] : c->pair_service[next] == there)
                continue;
            cp_move moves[2] = {{unit, to}, {other, next}};
            cp_delta delta = cp_state_delta(st, moves, 2);
            consider(st, scan, moves, 2, delta, found);
            int from = st->pair_of_unit[unit];
            if (next >= 0 && (from < 0 || c->pair_service[next] != c->pair_service[from]))
                offer_prefix(pre, moves, delta, delta.objective + delta.penalty);
            evaluated++;
        }
    }
    return evaluated;
}

/* Three-unit moves: the two of prefix, and a member of the service the second enters moving on
 * to one of its targets (or to unplaced). Composed from parts without contracts to track:
 * the unit goes from service a to b, the first member from b to c, the second from c to d. */
static long extend(const cp_state *st, const cp_scan *scan, const cp_move *prefix,
                   cp_scan_result *found)
{
    const cp_state_model *m = st->model;
    const cp_candidates *c = m->candidates;
    int unit = prefix[0].unit, first = prefix[1].unit;
    spot a = spot_of(c, st->pair_of_unit[unit]), b = spot_of(c, prefix[0].to);
    spot b_out = spot_of(c, st->pair_of_unit[first]), c_in = spot_of(c, prefix[1].to);
    cp_delta units = add(unit_change(m, unit, st->pair_of_unit[unit], prefix[0].to),
                         unit_change(m, first, st->pair_of_unit[first], prefix[1].to));
    long evaluated = 0;
    for (int other = st->head[c_in.service]; other >= 0; other = st->next[other]) {
        int start = c->pair_start[other], end = c->pair_start[other + 1];
        int targets = scan->onward < end - start ? scan->onward : end - start;
        int there = st->pair_of_unit[other];
        spot c_out = spot_of(c, there);
        for (int i = -1; i < targets; i++) {
            int next = i < 0 ? -1 : scan->order[start + i];
            spot d = spot_of(c, next);
            if (next < 0 ? m->unit_mandatory[other] : d.service == c_in.service)
                continue;
            cp_move moves[3] = {prefix[0], prefix[1], {other, next}};
            if (m->track_contracts) {
                consider_exact(st, scan, moves, 3, found);
                evaluated++;
                continue;
            }
            bool into_a = d.service >= 0 && d.service == a.service;
            bool into_b = d.service >= 0 && d.service == b.service;
            cp_delta delta = add(units, unit_change(m, other, there, next));
            delta = add(delta, cp_state_service_delta(st, c_in.service, c_in.places - c_out.places,
                                                      c_in.positive - c_out.positive));
            delta = add(delta, cp_state_service_delta(
                                   st, b.service, b.places - b_out.places + (into_b ? d.places : 0),
                                   b.positive - b_out.positive + (into_b ? d.positive : 0)));
            if (a.service >= 0)
                delta = add(delta, cp_state_service_delta(st, a.service,
                                                          (into_a ? d.places : 0) - a.places,
                                                          (into_a ? d.positive : 0) - a.positive));
            if (d.service >= 0 && !into_a && !into_b)
                delta = add(delta, cp_state_service_delta(st, d.service, d.places, d.positive));
            consider(st, scan, moves, 3, delta, found);
            evaluated++;
        }
    }
    return evaluated;
}

/* Whether pair's unit alone would take its service over capacity. */
static bool overfills(const cp_state *st, int pair)
{
    const cp_state_model *m = st->model;
    int s = m->candidates->pair_service[pair];
    return st->used[s] + m->candidates->pair_places[pair] > m->service_limit[s];
}

long cp_moves_scan(const cp_state *st, const cp_scan *scan, int unit, cp_scan_result *found)
{
    const cp_state_model *m = st->model;
    const cp_candidates *c = m->candidates;
    int from = st->pair_of_unit[unit];
    int start = c->pair_start[unit], end = c->pair_start[unit + 1];
    int targets = scan->targets < end - start ? scan->targets : end - start;
    long evaluated = 0;
    found->best.n = found->feasible.n = 0;
    found->best.score = found->feasible.score = INFINITY;
    for (int i = 0; i < targets; i++) {
        cp_move move = {unit, scan->order[start + i]};
        if (move.to == from)
            continue;
        consider_exact(st, scan, &move, 1, found);
        evaluated++;
    }
    if (from >= 0 && !m->unit_mandatory[unit]) {
        cp_move move = {unit, -1};
        consider_exact(st, scan, &move, 1, found);
        evaluated++;
    }
    prefixes pre = {.limit = scan->extend < MAX_EXTEND ? scan->extend : MAX_EXTEND};
    for (int i = 0; scan->compound && i < targets; i++) {
        int to = scan->order[start + i];
        if (to == from || (scan->blocked_only && !overfills(st, to)))
            continue;
        evaluated += m->track_contracts ? exact_into(st, scan, unit, to, found, &pre)
                                        : compose_into(st, scan, unit, from, to, found, &pre);
    }
    for (int i = 0; i < pre.n; i++)
        evaluated += extend(st, scan, pre.move[i].moves, found);
    return evaluated;
}

void cp_moves_apply(cp_state *st, const cp_unit_move *move)
{
    if (move->n > 0)
        cp_state_apply(st, move->moves, move->n);
}

double cp_moves_attraction(const cp_state_model *m, const double *guide, int pair)
{
    if (guide)
        return guide[pair];
    const cp_candidates *c = m->candidates;
    int s = c->pair_service[pair];
    double spread = m->service_fixed[s] > 0 && m->service_capacity[s] > 0
                        ? m->service_fixed[s] * c->pair_places[pair] / m->service_capacity[s]
                        : 0;
    return m->pair_total[pair] + spread;
}

/* Insertion sort of one unit's pairs by key, ties by index (units have few pairs). */
static void sort_unit(int *pairs, int n, const double *key)
{
    for (int i = 1; i < n; i++) {
        int p = pairs[i], j = i;
        while (j > 0 &&
               (key[pairs[j - 1]] > key[p] || (key[pairs[j - 1]] == key[p] && pairs[j - 1] > p))) {
            pairs[j] = pairs[j - 1];
            j--;
        }
        pairs[j] = p;
    }
}

int *cp_moves_order(const cp_state_model *m, const double *guide, int threads, int *rank)
{
    const cp_candidates *c = m->candidates;
    int *order = cp_malloc((size_t)m->n_pairs * sizeof(int) + 1);
    double *key = cp_malloc((size_t)m->n_pairs * sizeof(double) + 1);
#pragma omp parallel for schedule(static) num_threads(threads)
    for (int k = 0; k < m->n_units; k++) {
        for (int p = c->pair_start[k]; p < c->pair_start[k + 1]; p++) {
            order[p] = p;
            key[p] = cp_moves_attraction(m, guide, p);
        }
        sort_unit(order + c->pair_start[k], c->pair_start[k + 1] - c->pair_start[k], key);
        for (int i = c->pair_start[k]; rank && i < c->pair_start[k + 1]; i++)
            rank[order[i]] = i - c->pair_start[k];
    }
    free(key);
    return order;
}
