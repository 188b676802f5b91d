/* The exact Shapley value of a cost game on n players, from the value of every coalition:
 * each player's average marginal cost over all orders in which the players can join. Used to
 * share a pool's cost among its members when the pool is small enough to value every
 * coalition (compare: up to 10 members). */
#ifndef CAREPOOL_SHARE_SHAPLEY_H
#define CAREPOOL_SHARE_SHAPLEY_H

/* value[mask] for mask in 0 .. 2^n - 1 is the cost of the coalition whose members are the
 * set bits of mask (bit i: player i); value[0] must be 0. Writes the n Shapley values to
 * share; they sum to value[2^n - 1] (up to rounding). 1 <= n <= 20; O(n 2^n) work. */
void cp_share_shapley_exact(int n, const double *value, double *share);

#endif
