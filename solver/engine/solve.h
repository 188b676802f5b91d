/* The solve pipeline: the heuristic, alone or as the start and first bound of branch-and-cut,
 * then the independent checker on the plan handed on. auto picks a method by the instance's
 * size and the time limit. */
#ifndef CAREPOOL_ENGINE_SOLVE_H
#define CAREPOOL_ENGINE_SOLVE_H

#include "core/candidates.h"
#include "engine/params.h"
#include "engine/result.h"

/* Solves candidates with params (auto says on stderr which method and why), checks the plan
 * and fills *out: the checker's objective is the one reported, the bound never above it.
 * Every plan handed on, the heuristic's warm start included, has passed the checker.
 * Returns CP_OK, or CP_ERR_INTERNAL: GLPK failed without a plan (out has none), or a plan
 * failed the checker (out->check holds the violations and out->info.method the method;
 * out->plan is NULL). Free out with cp_solve_result_free either way. */
int cp_engine_solve(const cp_solve_params *params, const cp_candidates *candidates,
                    cp_solve_result *out);

/* The threads a solve of params uses: params->threads, or one per processor when 0. */
int cp_engine_threads(const cp_solve_params *params);

#endif
