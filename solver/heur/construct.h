/* An initial plan for the search: units that must be placed first, then by regret, each to
 * its most attractive pair with room; candidate services left below their minimum occupancy
 * are filled from units that may go there, or emptied and closed; what is still infeasible
 * (capacity, minimum occupancy, market share) is repaired by a penalised descent. */
#ifndef CAREPOOL_HEUR_CONSTRUCT_H
#define CAREPOOL_HEUR_CONSTRUCT_H

#include <stdbool.h>

#include "heur/state.h"

/* Writes a plan (n_units pair indices or -1) into plan. guide (per pair) and guide_unplaced
 * (per unit) rank the choices, smaller first; either may be NULL (the model's own costs).
 * order and rank are from cp_moves_order(model, guide, threads, rank), or NULL to build them
 * here (on one thread). Deterministic. Returns whether the plan is feasible. */
bool cp_construct(const cp_state_model *model, const double *guide, const double *guide_unplaced,
                  const int *order, const int *rank, int *plan);

#endif
