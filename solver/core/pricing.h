/* The economics of one placement: what it costs before pool discounts, and its side costs.
 * Used to build candidate pairs and model exports. (The checker recomputes on its own.) */
#ifndef CAREPOOL_CORE_PRICING_H
#define CAREPOOL_CORE_PRICING_H

#include "core/instance.h"

typedef struct cp_pair_terms {
    double places; /* capacity used: the quote's places, else the person's */
    double price;  /* quote weekly_cost, else weekly_price x places; tier discounts apply */
    double km;
    double distance;   /* distance_weight x km */
    double preference; /* preference_cost x rank of the service type (0 if not listed) */
    double move;       /* move_cost if the person has a current service and this is another */
} cp_pair_terms;

cp_pair_terms cp_pair_terms_of(const cp_instance *instance, int user, int service);

/* Cost of leaving user unplaced: spot cost plus move cost where the person has a current
 * service. Only meaningful when user has a spot cost. */
double cp_unplaced_cost(const cp_instance *instance, int user);

#endif
