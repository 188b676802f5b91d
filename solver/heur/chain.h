/* Ejection chains, after Yagiura, Ibaraki and Glover (2004, "An ejection chain approach for
 * the generalized assignment problem"): a unit leaves its place for one of its targets, a
 * member there is ejected and goes on to one of its own targets, ejecting another, and so on;
 * the chain ends when the last unit moved takes a place without ejecting anyone. Such a chain
 * moves many units through many services at once, where the search's own moves reach three
 * units; on tight generalized assignment sets it finds improving moves at most of the local
 * optima those leave.
 *
 * A chain is built greedily: at each link the ejection of least penalised score (the ejected
 * unit counted at no cost while it waits) is taken, and every way of ending the chain so far is
 * scored; the best ending over all links and all starts is the move. */
#ifndef CAREPOOL_HEUR_CHAIN_H
#define CAREPOOL_HEUR_CHAIN_H

#include <stdbool.h>

#include "heur/moves.h"
#include "heur/state.h"

/* Most units one chain moves. */
enum { CP_CHAIN_MAX = 10 };

typedef struct cp_chain {
    cp_move moves[CP_CHAIN_MAX]; /* made in this order */
    int n;                       /* 0: none */
    double score;                /* change of objective + penalty */
} cp_chain;

/* Builds a chain from each of starts[0..n_starts) (placed units) on state, going only to the
 * first scan->targets pairs of each unit by scan->order and to none that scan's tabu marks
 * forbid, and ejecting only units with ejectable[unit] true. Writes into *best the chain of
 * least score below `below`, if any (n = 0 otherwise). The state is changed while searching
 * and left as it was. Returns the moves evaluated. */
long cp_chain_search(cp_state *state, const cp_scan *scan, const bool *ejectable, const int *starts,
                     int n_starts, double below, cp_chain *best);

#endif
