/* Proportional sharing: a pool's cost split over its members in proportion to a weight,
 * in compare each member's standalone cost. */
#ifndef CAREPOOL_SHARE_PROPORTIONAL_H
#define CAREPOOL_SHARE_PROPORTIONAL_H

/* share[i] = total x weight[i] / sum_j weight[j] for the n members (weights >= 0); equal
 * shares of total when every weight is 0. The shares sum to total (up to rounding). */
void cp_share_proportional(int n, double total, const double *weight, double *share);

#endif
