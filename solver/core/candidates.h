/* Candidate pairs under one configuration: the sparse set of (unit, service) choices left
 * after the filters, with their costs. A unit is one person, or a group of people who must
 * be placed together (all members share one authority). Both solution methods build on it;
 * compare's games restrict a pool's candidates to each split of the pool. */
#ifndef CAREPOOL_CORE_CANDIDATES_H
#define CAREPOOL_CORE_CANDIDATES_H

#include <stdbool.h>

#include "core/instance.h"
#include "util/errors.h"

typedef struct cp_candidates {
    const cp_instance *instance;
    const cp_config *config;

    int n_units;
    int *unit_start;   /* n_units + 1: members are unit_members[unit_start[k] .. [k+1]) */
    int *unit_members; /* user indices */
    int *unit_of_user;
    int *unit_pool;          /* pool of the members' authority under config */
    bool *unit_can_unplace;  /* every member has a spot cost and none is locked */
    double *unit_unplaced_cost; /* sum over members of cp_unplaced_cost */

    /* pairs in unit order: pair_start[k] .. pair_start[k+1] are unit k's, services ascending */
    int *pair_start; /* n_units + 1 */
    int n_pairs;
    int *pair_service;
    double *pair_places; /* summed over members */
    double *pair_price;  /* summed placement price (discountable) */
    double *pair_cost;   /* summed distance + preference + move terms (not discountable) */
} cp_candidates;

/* Builds the candidates of instance under config. Returns CP_OK, or CP_ERR_INFEASIBLE when
 * some person (or group) has no candidate and cannot be left unplaced; then each such case is
 * added to why ("user 'u7' (authority 'merton'): no compatible service; most services removed
 * by max_distance_km (31 of 40)") and *out is NULL. */
int cp_candidates_build(const cp_instance *instance, const cp_config *config,
                        cp_candidates **out, cp_errors *why);

/* The units pool by pool, ascending within a pool: pool p's are order[start[p] ..
 * start[p + 1]), with start (n_pools + 1 entries) put in *pool_start. The caller frees both. */
int *cp_candidates_units_by_pool(const cp_candidates *candidates, int **pool_start);

/* The candidates of whole restricted to a split of its pools: the same units and pairs, less
 * the pairs the owner rule (cp_rules_owner_closes) closes under config, the only filter that
 * depends on pools; a unit whose members are all locked keeps its one pair. config must put
 * no two of whole's pools together (it splits them, as compare's games split a pool into a
 * coalition and the rest), and instance (config's) must have whole's people and services at
 * the same indices (its capacities may differ). The result points to instance and config;
 * free it with cp_candidates_destroy. */
cp_candidates *cp_candidates_restrict(const cp_candidates *whole, const cp_instance *instance,
                                      const cp_config *config);

/* Accepts NULL. */
void cp_candidates_destroy(cp_candidates *candidates);

#endif
