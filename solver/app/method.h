/* The solve methods as the command line offers them: heuristic, exact (started from the
 * heuristic's plan) and auto, which picks one by the instance's size and the time limit. */
#ifndef CAREPOOL_APP_METHOD_H
#define CAREPOOL_APP_METHOD_H

#include "app/options.h"
#include "core/candidates.h"
#include "core/solution.h"

/* Solves candidates with options->method (auto says on stderr which method and why) and
 * fills *out. Every plan handed on, the heuristic's warm start included, has passed the
 * independent checker. Returns CP_OK, or an error status (GLPK failed, or a plan failed
 * the checker). */
int cp_app_solve(const cp_options *options, const cp_candidates *candidates, cp_solution *out);

#endif
