/* Lagrangian lower bound: the capacity rows of the placement model of a cp_candidates are
 * moved into the objective with one multiplier per service, and the multipliers are improved
 * by subgradient steps run in parallel with OpenMP. Every bound returned is valid for every
 * plan the checker accepts, and the same for any thread count. */
#ifndef CAREPOOL_HEUR_LAGRANGE_H
#define CAREPOOL_HEUR_LAGRANGE_H

#include <stdbool.h>

#include "core/candidates.h"

typedef struct cp_lagrange cp_lagrange;

/* Prepares the relaxation of candidates (kept by pointer; must outlive it) at multipliers 0.
 * Memory: two doubles per pair and a few values per unit and service. Free with
 * cp_lagrange_destroy. */
cp_lagrange *cp_lagrange_create(const cp_candidates *candidates);

/* Accepts NULL. */
void cp_lagrange_destroy(cp_lagrange *lagrange);

/* Runs up to iterations subgradient steps aimed at target (the best known plan's value, or
 * INFINITY when none: a target is then estimated above the bound and adapted). Stops early
 * when the bound reaches target or the steps have shrunk to nothing (see
 * cp_lagrange_converged). Later calls continue from where this one stopped. Returns the best
 * valid lower bound so far (rounded up when every relaxed cost is an integer, as on GAP
 * instances): INFINITY when no plan can meet the capacities (some unit has no allowed choice
 * that fits). One step costs O(pairs), and a call that improved the bound refreshes the pair
 * costs once more. Uses the OpenMP threads in effect; the same result, bit for bit, for any
 * thread count. */
double cp_lagrange_improve(cp_lagrange *lagrange, double target, int iterations);

/* The best valid lower bound so far (before any step: the bound at multipliers 0). */
double cp_lagrange_bound(const cp_lagrange *lagrange);

/* With a contract cost: also bounds by charging each (pool, provider) contract whole
 * (heur/facility.h), with multipliers of their own: up to iterations subgradient steps aimed
 * at target (as cp_lagrange_improve), steered by the loads of the facility problems' primal,
 * from the best multipliers of cp_lagrange_improve whenever these give a better bound. A step
 * costs O(pairs log pairs), the pools shared out among the OpenMP threads (the same result,
 * bit for bit, for any thread count). Returns the best bound. */
double cp_lagrange_charge_contracts(cp_lagrange *lagrange, double target, int iterations);

/* Per pair (n_pairs entries): relaxed cost + multiplier of its service x its places, at the
 * multipliers of the best bound; INFINITY for a pair that can never fit its service. Guides
 * construction heuristics: smaller is more attractive. Owned by lagrange; updated by
 * cp_lagrange_improve. */
const double *cp_lagrange_pair_costs(const cp_lagrange *lagrange);

/* Per unit (n_units entries): the relaxed cost of leaving it unplaced, INFINITY when it
 * cannot be. Owned by lagrange. */
const double *cp_lagrange_unplaced_costs(const cp_lagrange *lagrange);

/* Per service (n_services of the instance): the multipliers of the best bound, >= 0 (0 for a
 * service whose capacity can never bind). Owned by lagrange; updated by cp_lagrange_improve. */
const double *cp_lagrange_multipliers(const cp_lagrange *lagrange);

/* Subgradient steps done by all calls of cp_lagrange_improve so far. */
long cp_lagrange_iterations(const cp_lagrange *lagrange);

/* Whether further steps are pointless (cp_lagrange_improve then returns at once): the bound
 * reached a target (within the checker's tolerance), or the multipliers are optimal for the
 * relaxation, or the steps have shrunk to nothing. */
bool cp_lagrange_converged(const cp_lagrange *lagrange);

#endif
