/* A lower bound that charges contract costs whole. Drop the capacities (the caller prices
 * them into the pair costs with Lagrangian multipliers) and what is left falls apart by pool:
 * each pool chooses the providers it contracts with, at contract_cost each, and sends each of
 * its units to a pair at one of them or leaves it unplaced: an uncapacitated facility
 * location problem. Erlenkotter's (1978) dual ascent gives a feasible solution of the dual of
 * its linear relaxation, whose value bounds the problem from below: each unit's price v_k
 * rises from its cheapest choice while every provider's contract can still pay, out of
 * contract_cost, the sum over units of v_k less the unit's cost there. Where pools are small
 * (standalone) this is far above what spreading a contract's cost over the places it could
 * hold gives. */
#ifndef CAREPOOL_HEUR_FACILITY_H
#define CAREPOOL_HEUR_FACILITY_H

#include "core/candidates.h"

/* The dual ascent's value: the sum over units of v_k, where unit k may use pair p at
 * pair_cost[p] + lambda[service of p] x places (INFINITY: never) or stay unplaced at
 * unplaced[k] (INFINITY: not allowed), and a pool pays contract_cost (> 0) for each provider
 * it uses. INFINITY when some unit has no choice at all. Deterministic; one thread. */
double cp_facility_bound(const cp_candidates *candidates, const double *pair_cost,
                         const double *lambda, const double *unplaced, double contract_cost);

#endif
