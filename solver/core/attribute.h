/* Cost attribution: splits a checked plan's weekly objective over the authorities, so that
 * each council sees its own cost in a configuration and the shares of a pool can be judged. */
#ifndef CAREPOOL_CORE_ATTRIBUTE_H
#define CAREPOOL_CORE_ATTRIBUTE_H

#include "core/check.h"
#include "core/instance.h"

/* Splits the checked objective of service_of_user under config over the authorities
 * (n_authorities entries of authority_cost, weekly GBP); they sum to check->objective.
 * A person's own terms (price less the discount of the tier its (pool, provider) reached,
 * distance, preference, move, spot) go to the person's authority; a candidate service's fixed
 * cost is split over the authorities of the people placed in it, by places; a (pool, provider)
 * contract's cost over the pool's authorities by their places with that provider.
 * check must be cp_check_plan's result for the same instance, config and plan. */
void cp_attribute_costs(const cp_instance *instance, const cp_config *config,
                        const int *service_of_user, const cp_check *check, double *authority_cost);

#endif
