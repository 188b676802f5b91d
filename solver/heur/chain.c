/* Ejection chains: see chain.h.
 *
 * While a chain is built its moves are made on the state: the unit that waits for its next
 * place sits unplaced, so each link's candidates are scored by cp_state_delta on the plan as
 * the chain has left it. The unit waiting is charged what being unplaced costs it (its
 * unplaced cost, and the mandatory penalty); that charge is taken off when links are
 * compared, since the chain will place it. */
#include "heur/chain.h"

#include <math.h>

static double waiting_cost(const cp_state_model *m, int unit)
{
    return m->unit_unplaced[unit] + (m->unit_mandatory[unit] ? m->mandatory_weight : 0);
}

/* Whether unit is one of the chain's (their old places are in undo[0..n]). */
static bool in_chain(const cp_move *undo, int n, int unit)
{
    for (int i = 0; i <= n; i++)
        if (undo[i].unit == unit)
            return true;
    return false;
}

/* Keeps the chain path[0..n) ended by `end` when its score change beats best's. */
static void offer(cp_chain *best, const cp_move *path, int n, cp_move end, double score)
{
    if (!(score < best->score))
        return;
    for (int i = 0; i < n; i++)
        best->moves[i] = path[i];
    best->moves[n] = end;
    best->n = n + 1;
    best->score = score;
}

/* One greedy chain from start; its endings are offered to best. */
static long chain_from(cp_state *st, const cp_scan *scan, const bool *ejectable, int start,
                       double base, cp_chain *best)
{
    const cp_state_model *m = st->model;
    const cp_candidates *c = m->candidates;
    cp_move path[CP_CHAIN_MAX], undo[CP_CHAIN_MAX];
    int n = 0, unit = start;
    long evaluated = 0;
    undo[0] = (cp_move){start, st->pair_of_unit[start]};
    cp_state_apply(st, &(cp_move){start, -1}, 1);
    for (;;) {
        double now = cp_state_score(st);
        if (!m->unit_mandatory[unit] && !cp_scan_is_tabu(scan, unit, -1))
            offer(best, path, n, (cp_move){unit, -1}, now - base);
        int first = c->pair_start[unit], degree = c->pair_start[unit + 1] - first;
        int targets = scan->targets < degree ? scan->targets : degree;
        int next_pair = -1, next_unit = -1;
        double next_score = INFINITY;
        for (int i = 0; i < targets; i++) {
            int p = scan->order[first + i];
            if (p == undo[n].to || cp_scan_is_tabu(scan, unit, p))
                continue;
            cp_move end = {unit, p};
            cp_delta d = cp_state_delta(st, &end, 1);
            evaluated++;
            offer(best, path, n, end, now + d.objective + d.penalty - base);
            if (n + 1 == CP_CHAIN_MAX)
                continue;
            for (int q = st->head[c->pair_service[p]]; q >= 0; q = st->next[q]) {
                if (!ejectable[q] || in_chain(undo, n, q))
                    continue;
                cp_move link[2] = {end, {q, -1}};
                cp_delta d2 = cp_state_delta(st, link, 2);
                evaluated++;
                double score = now + d2.objective + d2.penalty - waiting_cost(m, q);
                if (score < next_score) {
                    next_score = score;
                    next_pair = p;
                    next_unit = q;
                }
            }
        }
        if (next_unit < 0)
            break;
        cp_move link[2] = {{unit, next_pair}, {next_unit, -1}};
        path[n++] = link[0];
        undo[n] = (cp_move){next_unit, st->pair_of_unit[next_unit]};
        cp_state_apply(st, link, 2);
        unit = next_unit;
    }
    for (int i = n; i >= 0; i--)
        cp_state_apply(st, &undo[i], 1);
    return evaluated;
}

long cp_chain_search(cp_state *state, const cp_scan *scan, const bool *ejectable, const int *starts,
                     int n_starts, double below, cp_chain *best)
{
    best->n = 0;
    best->score = below;
    double base = cp_state_score(state);
    long evaluated = 0;
    for (int i = 0; i < n_starts; i++)
        if (state->pair_of_unit[starts[i]] >= 0)
            evaluated += chain_from(state, scan, ejectable, starts[i], base, best);
    return evaluated;
}
