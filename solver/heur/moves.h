/* The neighbourhood of one unit, searched on a cp_state: shifts (the unit to another of its
 * pairs, or to unplaced) and compound moves (the unit into a service while one of its members
 * moves on: to the unit's old service, which makes a swap, to another of its own pairs, or to
 * unplaced: an ejection chain of length two). Only each unit's first `targets` pairs by
 * attractiveness are tried, which keeps the neighbourhood small where units have many pairs
 * and, with a Lagrangian guide, leaves out pairs that good plans rarely use. Moves may be
 * tabu; the best admissible one by score (objective + penalty) is returned. Shared by
 * construction (repair) and the search. */
#ifndef CAREPOOL_HEUR_MOVES_H
#define CAREPOOL_HEUR_MOVES_H

#include "heur/state.h"

/* A compound move and its exact change. n = 0: none. */
typedef struct cp_unit_move {
    cp_move moves[CP_STATE_MAX_MOVES];
    int n;
    cp_delta delta;
    double score; /* delta.objective + delta.penalty */
} cp_unit_move;

/* What a scan found: the best admissible move by score, and (tabu or not) the move to the
 * feasible plan of least objective, if any. */
typedef struct cp_scan_result {
    cp_unit_move best;
    cp_unit_move feasible;
} cp_scan_result;

/* How to search. Zeroed: nothing is searched. */
typedef struct cp_scan {
    const int *order;  /* per unit its pairs, most attractive first, laid out like the pairs */
    const int *rank;   /* per pair its position in its unit's order */
    int targets;       /* moves go only to a unit's first this many pairs of order */
    bool compound;     /* search compound moves as well as shifts */
    bool blocked_only; /* compound moves only into services the unit alone would overfill */
    int onward;        /* a displaced member moves on only to its first this many pairs */
    int extend;        /* the best this many two-unit moves are extended by a third unit */
    const int *tabu;   /* per pair: not a target before this iteration; NULL: none */
    const int *tabu_unplaced; /* per unit: may not be unplaced before this iteration */
    int now;
    double aspiration; /* a tabu move is admitted if it gives a feasible plan below this */
} cp_scan;

/* Whether scan's tabu marks forbid sending unit to `to` (a pair, or -1: unplaced). */
static inline bool cp_scan_is_tabu(const cp_scan *scan, int unit, int to)
{
    if (to >= 0)
        return scan->tabu && scan->tabu[to] > scan->now;
    return scan->tabu_unplaced && scan->tabu_unplaced[unit] > scan->now;
}

/* Scans unit's moves into *found (ties: the first in scan order). Returns the number of moves
 * evaluated. */
long cp_moves_scan(const cp_state *state, const cp_scan *scan, int unit, cp_scan_result *found);

/* Each unit's pairs sorted by attractiveness (guide[p], else the pair's own cost plus its
 * service's fixed cost spread over its capacity; ties by pair index), laid out like the pairs,
 * for cp_scan.order; and the rank of each pair in that order into rank (n_pairs entries, or
 * NULL). Sorts with `threads` OpenMP threads; the caller frees. */
int *cp_moves_order(const cp_state_model *model, const double *guide, int threads, int *rank);

/* A pair's attractiveness as cp_moves_order ranks it. */
double cp_moves_attraction(const cp_state_model *model, const double *guide, int pair);

/* Makes the move on state (no-op when best->n is 0). */
void cp_moves_apply(cp_state *state, const cp_unit_move *move);

#endif
