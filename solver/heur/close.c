/* Closing moves: see close.h.
 *
 * The units of a target are read live from the state (a service's list; for a contract, the
 * lists of its provider's services, keeping the units of its pool), so a target that earlier
 * closings filled is seen as it is. Each unit goes to the pair of least score outside the
 * target, under penalty weights far above any cost so that a unit never overfills another
 * service to save money; a move that ends infeasible or no cheaper is undone unit by unit. */
#include "heur/close.h"

#include "util/alloc.h"

#include <math.h>
#include <stdlib.h>

static const double CLOSE_SCALE = 1e3; /* penalty scale while closing, times cost_scale */
enum { PASSES = 3 };

typedef struct target {
    int service;  /* a candidate service, or -1 */
    int contract; /* a contract, or -1 */
    int units;    /* units in it when the pass began: the order of the pass */
} target;

typedef struct closer {
    const cp_state_model *m;
    cp_state *st;
    int *provider_start, *provider_services; /* each provider's services */
    int *units;                              /* the target's units */
    cp_move *undo;                           /* where they were */
} closer;

static void index_providers(closer *cl)
{
    const cp_instance *instance = cl->m->instance;
    int n_providers = instance->providers.count, n_services = cl->m->n_services;
    cl->provider_start = cp_calloc((size_t)n_providers + 2, sizeof(int));
    cl->provider_services = cp_malloc((size_t)n_services * sizeof(int) + 1);
    for (int s = 0; s < n_services; s++)
        cl->provider_start[instance->services[s].provider + 2]++;
    for (int v = 0; v < n_providers; v++)
        cl->provider_start[v + 2] += cl->provider_start[v + 1];
    for (int s = 0; s < n_services; s++)
        cl->provider_services[cl->provider_start[instance->services[s].provider + 1]++] = s;
}

/* The target's units now, into cl->units; returns how many. */
static int units_of(const closer *cl, const target *t)
{
    const cp_state *st = cl->st;
    int n = 0;
    if (t->service >= 0) {
        for (int k = st->head[t->service]; k >= 0; k = st->next[k])
            cl->units[n++] = k;
        return n;
    }
    int provider = cl->m->contract_provider[t->contract];
    for (int i = cl->provider_start[provider]; i < cl->provider_start[provider + 1]; i++)
        for (int k = st->head[cl->provider_services[i]]; k >= 0; k = st->next[k])
            if (cl->m->pair_contract[st->pair_of_unit[k]] == t->contract)
                cl->units[n++] = k;
    return n;
}

static bool inside(const closer *cl, const target *t, int pair)
{
    return t->service >= 0 ? cl->m->candidates->pair_service[pair] == t->service
                           : cl->m->pair_contract[pair] == t->contract;
}

/* The least-score place for unit k outside t (ties: the first pair, unplaced last); -2 when
 * it has none. */
static int best_elsewhere(const closer *cl, const target *t, int k)
{
    const cp_candidates *c = cl->m->candidates;
    int best = -2;
    double best_score = INFINITY;
    for (int p = c->pair_start[k]; p <= c->pair_start[k + 1]; p++) {
        bool unplaced = p == c->pair_start[k + 1];
        if (unplaced ? cl->m->unit_mandatory[k] : inside(cl, t, p))
            continue;
        cp_move move = {k, unplaced ? -1 : p};
        cp_delta d = cp_state_delta(cl->st, &move, 1);
        if (d.objective + d.penalty < best_score) {
            best_score = d.objective + d.penalty;
            best = move.to;
        }
    }
    return best;
}

/* Empties t; keeps the result when feasible and cheaper, else restores the plan. */
static bool try_close(closer *cl, const target *t, int max_units)
{
    int n = units_of(cl, t);
    if (n == 0 || n > max_units)
        return false;
    double before = cl->st->objective;
    int done = 0;
    for (; done < n; done++) {
        int k = cl->units[done];
        int to = best_elsewhere(cl, t, k);
        if (to == -2)
            break;
        cl->undo[done] = (cp_move){k, cl->st->pair_of_unit[k]};
        cp_state_apply(cl->st, &(cp_move){k, to}, 1);
    }
    if (done == n && cp_state_violations(cl->st) == 0 &&
        cl->st->objective < before - 1e-9 * (1 + fabs(before)))
        return true;
    while (done-- > 0)
        cp_state_apply(cl->st, &cl->undo[done], 1);
    return false;
}

static int by_units(const void *left, const void *right)
{
    const target *a = left, *b = right;
    if (a->units != b->units)
        return a->units < b->units ? -1 : 1;
    if (a->service != b->service)
        return a->service < b->service ? -1 : 1;
    return (a->contract > b->contract) - (a->contract < b->contract);
}

/* The open candidate services and the contracts in use with at most max_units units. */
static int list_targets(const closer *cl, int max_units, target *targets)
{
    const cp_state_model *m = cl->m;
    const cp_state *st = cl->st;
    int n = 0;
    for (int s = 0; s < m->n_services; s++) {
        if (m->service_fixed[s] <= 0 || st->positive[s] == 0)
            continue;
        int units = 0;
        for (int k = st->head[s]; k >= 0 && units <= max_units; k = st->next[k])
            units++;
        if (units <= max_units)
            targets[n++] = (target){s, -1, units};
    }
    for (int ct = 0; m->track_contracts && ct < m->n_contracts; ct++)
        if (st->contract_count[ct] > 0 && st->contract_count[ct] <= max_units)
            targets[n++] = (target){-1, ct, st->contract_count[ct]};
    qsort(targets, (size_t)n, sizeof *targets, by_units);
    return n;
}

bool cp_close_improve(const cp_state_model *m, int *plan, int max_units, double *objective)
{
    closer cl = {.m = m, .st = cp_state_create(m, plan)};
    cp_state_rescale(cl.st, CLOSE_SCALE);
    index_providers(&cl);
    cl.units = cp_malloc((size_t)m->n_units * sizeof(int) + 1);
    cl.undo = cp_malloc((size_t)m->n_units * sizeof(cp_move) + 1);
    target *targets =
        cp_malloc(((size_t)m->n_services + (size_t)m->n_contracts) * sizeof *targets + 1);

    bool improved = false;
    for (int pass = 0; pass < PASSES; pass++) {
        bool closed = false;
        int n = list_targets(&cl, max_units, targets);
        for (int i = 0; i < n; i++)
            closed = try_close(&cl, &targets[i], max_units) || closed;
        improved = improved || closed;
        if (!closed)
            break;
    }
    cp_state_refresh(cl.st);
    cp_state_plan(cl.st, plan);
    *objective = cl.st->objective;

    free(targets);
    free(cl.undo);
    free(cl.units);
    free(cl.provider_services);
    free(cl.provider_start);
    cp_state_destroy(cl.st);
    return improved;
}
