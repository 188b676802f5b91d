/* An elite pool for path relinking, after Yagiura, Ibaraki and Glover (2006, "A path
 * relinking approach with ejection chains for the generalized assignment problem"): a few
 * distinct feasible plans, the best met so far, kept across the rounds of the heuristic; and
 * points on the path from one of them towards another, from which the search restarts instead
 * of always from the one best plan. A path changes, a unit at a time, where the two plans
 * differ, each step the change of least penalised score, so its points mix the two plans'
 * good parts and stay near feasible. */
#ifndef CAREPOOL_HEUR_ELITE_H
#define CAREPOOL_HEUR_ELITE_H

#include <stdbool.h>
#include <stdint.h>

#include "heur/state.h"

typedef struct cp_elite cp_elite;

/* An empty pool of at most capacity (>= 2) plans of model's units, drawing its choices from
 * stream `stream` of seed. Its plans differ pairwise in at least spread units (values below 1
 * count as 1). Memory: a plan's n_units ints for each plan kept. Free with cp_elite_destroy
 * (accepts NULL). */
cp_elite *cp_elite_create(const cp_state_model *model, int capacity, int spread, uint64_t seed,
                          uint64_t stream);
void cp_elite_destroy(cp_elite *elite);

/* Offers a feasible plan (n_units pair indices or -1) of value objective. When it differs from
 * some member in fewer than spread units, it replaces the nearest such member (one of the
 * nearest, deterministically) if better than it and not the same plan; otherwise it is kept
 * when the pool has room or it is better than the worst member, which it replaces (ties: the
 * one kept earliest). Returns whether it was kept. */
bool cp_elite_offer(cp_elite *elite, const int *plan, double objective);

/* Plans in the pool. */
int cp_elite_size(const cp_elite *elite);

/* Draws a path (needs two plans): from a random member towards another, where they differ,
 * a unit at a time takes the second's pair, each step the change of least penalised score on
 * a state with unit weights (ties: the lower unit). Writes into plan the point of least
 * penalised score (the first of equals) between a quarter and three quarters of the way.
 * Returns the moves evaluated. Deterministic for the pool's history, seed and stream. */
long cp_elite_relink(cp_elite *elite, int *plan);

#endif
