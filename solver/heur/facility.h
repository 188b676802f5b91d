/* A lower bound that charges contract costs whole. Drop the capacities (the caller prices
 * them into the pair costs with Lagrangian multipliers) and what is left falls apart by pool:
 * each pool chooses the providers it contracts with, at contract_cost each, and sends each of
 * its units to a pair at one of them or leaves it unplaced: an uncapacitated facility
 * location problem. Erlenkotter's (1978) dual ascent gives a feasible solution of the dual of
 * its linear relaxation, whose value bounds the problem from below: each unit's price v_k
 * rises from its cheapest choice while every provider's contract can still pay, out of
 * contract_cost, the sum over units of v_k less the unit's cost there. Where pools are small
 * (standalone) this is far above what spreading a contract's cost over the places it could
 * hold gives. The ascent's primal (the contracts it leaves without slack, each unit at its
 * cheapest pair there) gives the loads that steer the multipliers towards this bound. A
 * pool's volume discount with a provider is decided within its problem, not granted at the
 * best tier it could reach. */
#ifndef CAREPOOL_HEUR_FACILITY_H
#define CAREPOOL_HEUR_FACILITY_H

#include "core/candidates.h"

typedef struct cp_facility cp_facility;

/* Unit k may use pair p at pair_cost[p] + x[service of p] x places (INFINITY: never) or stay
 * unplaced at unplaced[k] (INFINITY: not allowed), and a pool pays contract_cost (> 0) for
 * each provider it uses. pair_cost is at full price: each volume tier of the provider that
 * the pool's units could reach is a facility of its own, at the tier's discount off the
 * pair's price, whose minimum places are moved into the objective with a multiplier >= 0
 * (x[n_services + i] for the i-th such (pool, provider, tier)): opening it costs that
 * multiplier x the minimum more, and each place there that much less. candidates, pair_cost
 * and unplaced are kept by pointer and must outlive the result. Free with
 * cp_facility_destroy. */
cp_facility *cp_facility_create(const cp_candidates *candidates, const double *pair_cost,
                                const double *unplaced, double contract_cost);

/* Accepts NULL. */
void cp_facility_destroy(cp_facility *facility);

/* The number of tier multipliers. */
int cp_facility_tiers(const cp_facility *facility);

/* The dual ascent's value at multipliers x (n_services + cp_facility_tiers entries, >= 0):
 * the sum over units of v_k; INFINITY when some unit has no choice at all. When load is not
 * NULL it receives (as many entries as x, overwritten) the subgradient's terms of the
 * ascent's primal: per service the places it receives, per tier multiplier the tier's minimum
 * places (when the primal uses that facility) less the places it receives. Pools are shared
 * out among the OpenMP threads in effect; the same result, bit for bit, for any thread
 * count. */
double cp_facility_solve(cp_facility *facility, const double *x, double *load);

/* cp_facility_solve once, without loads, at the service multipliers lambda and tier
 * multipliers 0. */
double cp_facility_bound(const cp_candidates *candidates, const double *pair_cost,
                         const double *lambda, const double *unplaced, double contract_cost);

#endif
