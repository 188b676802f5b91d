/* Closing moves. A candidate service's fixed cost, or a (pool, provider) contract's cost, is
 * saved only when the last unit leaves it, and the tier discount a contract earns moves with
 * many units at once: no single move (nor the search's compound moves of up to three units)
 * sees either, since each unit alone is better where it is. A closing move sends every unit of
 * one open candidate service, or of one contract in use, to its best pair elsewhere, one unit
 * after the other, and is kept only when the plan stays feasible and its objective falls. */
#ifndef CAREPOOL_HEUR_CLOSE_H
#define CAREPOOL_HEUR_CLOSE_H

#include <stdbool.h>

#include "heur/state.h"

/* Targets of more units than this are left alone by the heuristic: emptying a large contract
 * rarely pays, and the tries cost a scan of every pair of their units. */
enum { CP_CLOSE_MAX_UNITS = 50 };

/* Tries to close each open candidate service and each contract in use that hold at most
 * max_units units, smallest first, over passes until one closes nothing (at most a few).
 * plan (n_units pair indices or -1) must be feasible; it is changed in place. Returns whether
 * some closing move was kept, with the plan's objective (recomputed from scratch) in
 * *objective. Deterministic; one thread. */
bool cp_close_improve(const cp_state_model *model, int *plan, int max_units, double *objective);

#endif
