/* The model's rules that more than one part of carepool applies, each defined once here: the
 * feasibility tolerance, the volume tier a (pool, provider) contract reaches and the discount
 * it earns, the owner rule, and the rounding of a bound on an integral objective. The checker,
 * the heuristic, the exact model and compare all ask here, so a plan the heuristic deems
 * feasible is one the checker accepts, and every part prices a contract alike. The tolerance
 * and tier lookups sit on the heuristic's innermost path, hence inline. */
#ifndef CAREPOOL_CORE_RULES_H
#define CAREPOOL_CORE_RULES_H

#include <math.h>
#include <stdbool.h>

#include "core/instance.h"

/* The feasibility tolerance: the slack allowed when a quantity is compared with a limit of
 * about `reference` (capacity, minimum occupancy, market share cap, a tier's min_places):
 * 1e-6 absolute plus 1e-9 relative, so sums of fractional places that should meet a limit
 * exactly are not refused for their rounding errors. */
static inline double cp_rules_tolerance(double reference)
{
    return 1e-6 + 1e-9 * fabs(reference);
}

/* The most a quantity may be and still meet the upper limit `limit` (a capacity, a market
 * share cap): limit plus its tolerance. */
static inline double cp_rules_ceiling(double limit)
{
    return limit + cp_rules_tolerance(limit);
}

/* The least a quantity may be and still meet the lower limit `minimum` (a minimum
 * occupancy): minimum less its tolerance. */
static inline double cp_rules_floor(double minimum)
{
    return minimum - cp_rules_tolerance(minimum);
}

/* Whether quantity breaks the upper limit `limit` (beyond the tolerance). */
static inline bool cp_rules_over(double quantity, double limit)
{
    return quantity > cp_rules_ceiling(limit);
}

/* Whether quantity falls short of the lower limit `minimum` (beyond the tolerance). */
static inline bool cp_rules_under(double quantity, double minimum)
{
    return quantity < cp_rules_floor(minimum);
}

/* The largest index t of list with tiers[t].min_places at most places, exactly (no tolerance),
 * or -1 when none: for callers whose places already include their slack. The tiers are sorted
 * by min_places ascending (cp_tier_list), so the tiers within places are tiers[0 .. result];
 * among tiers of equal min_places the last one counts. */
static inline int cp_rules_tier_within(const cp_tier_list *list, double places)
{
    int t = list->count - 1;
    while (t >= 0 && list->tiers[t].min_places > places)
        t--;
    return t;
}

/* The tier a contract of places places reaches: the highest tier of list whose min_places is
 * at most places plus the tolerance, or -1 when none. The discount of that one tier applies to
 * the contract's whole spend (all-units discount). */
static inline int cp_rules_tier_reached(const cp_tier_list *list, double places)
{
    return cp_rules_tier_within(list, places + cp_rules_tolerance(places));
}

/* The discount fraction a (pool, provider) contract of places places earns with provider:
 * the discount of the tier it reaches, 0 when it reaches none or the instance has no tiers. */
static inline double cp_rules_tier_discount(const cp_instance *instance, int provider,
                                            double places)
{
    if (!instance->tiers)
        return 0;
    const cp_tier_list *list = &instance->tiers[provider];
    int t = cp_rules_tier_reached(list, places);
    return t < 0 ? 0 : list->tiers[t].discount;
}

/* The owner rule: whether service is closed to the people of pool under config, i.e. it is
 * owned by an authority that config puts in another pool. Open-market services (no owner) are
 * closed to no pool. A locked person's current service stands whatever this says (the caller
 * decides). */
bool cp_rules_owner_closes(const cp_instance *instance, const cp_config *config, int service,
                           int pool);

/* A lower bound on an objective known to be an integer, rounded up to the next integer; the
 * 1e-6 absorbs the rounding errors of the sums that gave bound (so 41.9999999 gives 42, not
 * 43; and a bound of 42.0000001 stays 42). */
double cp_rules_round_bound(double bound);

#endif
