/* The Shapley value estimated by sampling: `samples` random orders of the n players (seeded,
 * so the same seed gives the same orders and values on every run), each player's share the
 * mean of its marginal costs over the orders, with a 95% half-width (1.96 x the standard
 * error of those marginal costs). Every order's marginal costs add up to the grand
 * coalition's value, so the shares sum to it too. Used for pools too large to value every
 * coalition. Two steps: list the coalitions the orders visit, value them, then share. */
#ifndef CAREPOOL_SHARE_SAMPLED_H
#define CAREPOOL_SHARE_SAMPLED_H

#include <stdint.h>

/* The coalitions visited by `samples` orders of n players drawn from seed: every non-empty
 * prefix of every order, as bitmasks (bit i: player i), sorted ascending without duplicates
 * (the grand coalition 2^n - 1 is always the last). Returns their number; *coalitions is
 * allocated here (cp_malloc; the caller frees). 1 <= n <= 64, samples >= 2. */
int cp_share_sampled_coalitions(int n, int samples, uint64_t seed, uint64_t **coalitions);

/* Shares from the values of the coalitions listed by cp_share_sampled_coalitions with the
 * same n, samples and seed: value[k] is the cost of coalitions[k] (n_coalitions entries).
 * Writes the n estimates to share (summing to the grand coalition's value up to rounding)
 * and their 95% half-widths to half_width (0 where every order gave the same marginal). */
void cp_share_sampled(int n, int samples, uint64_t seed, const uint64_t *coalitions,
                      const double *value, int n_coalitions, double *share, double *half_width);

#endif
