/* carepool compare in steps: choose the configurations, solve each (in parallel where memory
 * allows), value the coalitions of every pool and share its cost (core/coalition.h, share/).
 * The results are an engine/comparison.h cp_comparison, written by report/ and printed by
 * app/. */
#ifndef CAREPOOL_ENGINE_COMPARE_H
#define CAREPOOL_ENGINE_COMPARE_H

#include <stdarg.h>

#include "core/candidates.h"
#include "core/coalition.h"
#include "engine/comparison.h"
#include "engine/params.h"
#include "util/errors.h"

/* Pools up to this many members have every coalition valued (2^(n-1) - 1 two-pool solves);
 * larger ones are sampled. */
enum { CP_COMPARE_EXACT_MAX = 10 };

/* The configurations to compare: standalone, pooled, then those named in names
 * (comma-separated, white space around a name ignored, repeats dropped) or, when names is
 * NULL, every listed one. Returns the count and sets *list (the caller frees it), or returns
 * -1 with each unknown name, and the known ones, in errors. */
int cp_compare_select(const cp_instance *instance, const char *names, const cp_config ***list,
                      cp_errors *errors);

/* The whole comparison of list (n configurations, standalone first) with params: solves,
 * games, shares and the best configuration. Fills every field of *comparison but seconds and
 * peak_memory_mb (the caller's clock); free it with cp_compare_free. Returns CP_OK, or
 * CP_ERR_INTERNAL when a plan failed the checker or a solver failed. */
int cp_engine_compare(const cp_compare_params *params, const cp_instance *instance,
                      const cp_config **list, int n, cp_comparison *comparison);

/* Runs job(context, j) for every j in [0, n_jobs), started in index order, on up to workers
 * threads (the calling one included). Jobs must write only their own results. Every thread
 * started here frees its GLPK environment before it ends. */
void cp_compare_run(int n_jobs, int workers, void (*job)(void *context, int j), void *context);

/* How many jobs of about bytes each fit at once in the memory available now (MemAvailable,
 * less a quarter kept free): from 1 to max. Only the pace depends on it, never a result. */
int cp_compare_fit_memory(double bytes, int max);

/* While solves run in parallel their own progress rows and messages are silenced (unless
 * --verbose) and compare's one-line notes, printed whole from any thread, stand in for them.
 * cp_compare_hush starts, cp_compare_unhush ends such a stretch. */
void cp_compare_hush(void);
void cp_compare_unhush(void);
void cp_compare_note(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Solves comparison->configs[c].config for every c with params (each solve on
 * comparison->solve_threads threads, its time limit counted from its own start) and fills
 * plan, check, authority_cost and info; a configuration without a plan keeps them NULL.
 * Returns CP_OK, or CP_ERR_INTERNAL when a plan fails the checker or a solver fails. */
int cp_compare_solve_configs(const cp_compare_params *params, cp_comparison *comparison);

/* For every configuration with a plan but standalone, and every pool of it with two or more
 * members in the game: values the coalitions the rules need (each with its complement, by
 * one work-bounded heuristic solve of the pool as two pools; in parallel), then the
 * proportional and Shapley shares and the blocking coalitions. Needs the standalone
 * configuration's plan; without it no game is built. */
void cp_compare_share(const cp_compare_params *params, cp_comparison *comparison);

/* The status of a coalition whose plan failed the checker (an internal error). */
#define CP_COALITION_INVALID "invalid"

/* From the values of pool's coalitions (those the heuristic could not value are NAN): each
 * member's value alone, the Shapley shares (exact from every coalition, or from the orders
 * drawn by samples and seed; none when a coalition they need has no value, with the note
 * saying so), each coalition's share sums and whether it blocks. */
void cp_compare_rules(cp_pool_result *pool, int samples, uint64_t seed);

/* The index of mask in pool's coalitions (sorted by mask, and holding it). */
int cp_compare_find(const cp_pool_result *pool, uint64_t mask);

/* Values s (a coalition) and rest (the rest of its pool) from one solve of split (the pool's
 * people as those two pools, core/coalition.h): the search from given (the configuration's
 * plan, of split's parent) on the pool's candidates whole (built with the members as one
 * pool), else the heuristic from scratch, with params->coalition_work moves per pair; each
 * value is its members' attributed costs (member: the pool's authorities). Sets s's value,
 * rest_value, bound, method and status, and rest's value and rest_value. */
void cp_compare_split_value(const cp_compare_params *params, const cp_candidates *whole,
                            const int *given, const cp_coalition *split, const bool *member,
                            cp_coalition_result *s, cp_coalition_result *rest);

/* Frees what the steps allocated (the comparison struct itself is the caller's). */
void cp_compare_free(cp_comparison *comparison);

#endif
