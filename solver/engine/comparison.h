/* The results of `carepool compare` as its report writers read them: every configuration's
 * checked plan with its cost per authority, and inside each pool the game that shares the
 * pool's cost among its members (coalition values, proportional and Shapley shares,
 * blocking coalitions). Filled by engine/ (compare*.c), freed by cp_compare_free. */
#ifndef CAREPOOL_ENGINE_COMPARISON_H
#define CAREPOOL_ENGINE_COMPARISON_H

#include <stdbool.h>
#include <stdint.h>

#include "core/check.h"
#include "core/instance.h"
#include "engine/result.h"

/* Weekly GBP: a share above a cost, or a coalition's share sum above its value, by no more
 * than a penny is not flagged (the values are rounded sums of many terms). */
#define CP_SHARE_TOLERANCE 0.01

/* One coalition S of a pool's members, as valued: S and the rest of the pool (P \ S) solved
 * together as two pools; S's value is its members' attributed costs in that plan, and the
 * same solve values the complement. */
typedef struct cp_coalition_result {
    uint64_t mask;           /* bit m: the pool's member m (cp_pool_result.members[m]) */
    double value;            /* v(S), weekly GBP; NAN: no plan */
    double rest_value;       /* v(P \ S) from the same plan; 0 for the whole pool */
    double bound;            /* lower bound on the solve's total (value + rest_value); NAN: none */
    const char *status;      /* "optimal", "feasible", "infeasible", "no_solution", "not_solved" */
    const char *method;      /* "search" (from the plan), "heuristic"; "plan" for the pool */
    double seconds;          /* of the solve (S's and its complement's rows share it) */
    double proportional_sum; /* the members' proportional shares, summed */
    double shapley_sum;      /* the members' Shapley shares, summed; NAN: no Shapley value */
    bool blocks_proportional, blocks_shapley; /* share sum > value + tolerance */
} cp_coalition_result;

/* One member of a pool's game. */
typedef struct cp_member_share {
    int authority;
    double standalone;   /* its attributed cost in the standalone configuration's plan */
    double alone;        /* v({i}): its cost alone in the market the other pools leave; NAN */
    double pooled;       /* its attributed cost in this configuration's plan */
    double proportional; /* v(P) x standalone / sum of standalone */
    double shapley;      /* NAN when not computed */
    double half_width;   /* 95% half-width of a sampled Shapley share; 0 exact; NAN none */
} cp_member_share;

/* The game of one pool with at least two members in it. Members are the pool's authorities
 * with people or services of their own, in authority order (any other member changes no
 * coalition's market, so its share is 0 under both rules and it is left out). */
typedef struct cp_pool_result {
    int pool; /* index into the configuration's pools */
    int n_members;
    cp_member_share *members;
    double value;        /* v(P): the members' attributed costs, summed */
    const char *shapley; /* "exact", "sampled" or "none" */
    char *shapley_note;  /* how it was computed, or why not */
    const char *checked; /* stability checked over: "all", "sampled" or "none" */
    int n_coalitions;
    cp_coalition_result *coalitions; /* ascending mask; the whole pool last */
    int n_blocking;                  /* coalitions that block under either rule */
} cp_pool_result;

/* One configuration's outcome. Without a plan (infeasible, no plan within the limits) plan,
 * check and authority_cost are NULL. */
typedef struct cp_config_result {
    const cp_config *config;
    int *plan;
    cp_check *check;
    double *authority_cost; /* n_authorities, weekly GBP; sums to check->objective */
    cp_run_info info;       /* status, method, seconds, bound, gap, ... */
    int n_pools;            /* games: pools with at least two members in them */
    cp_pool_result *pools;
} cp_config_result;

typedef struct cp_comparison {
    const cp_instance *instance;
    int n_configs;
    cp_config_result *configs; /* [0] standalone, [1] pooled, then those asked for */
    int best;                  /* least weekly cost among those with a plan; -1: none */
    double seconds;            /* wall time of the whole comparison */
    double peak_memory_mb;
    uint64_t seed;
    int threads;                /* worker threads in all */
    int solve_threads;          /* threads of each configuration's solve */
    int shapley_samples;        /* orders sampled for pools above exact_max members */
    int shapley_exact_max;      /* pools up to this size: every coalition valued */
    int shapley_max_members;    /* pools above this size: proportional shares only */
    double coalition_work;      /* budget of each two-pool solve: moves evaluated per pair */
    double time_limit;          /* of each configuration's solve; INFINITY: none */
    long long standalone_pairs; /* candidate pairs under standalone (memory estimates) */
} cp_comparison;

/* A configuration's weekly saving against standalone (configs[0]): the point value (standalone's
 * cost less the configuration's, and as a per cent of standalone's cost) and the range the
 * bounds certify, whatever the optima: at least standalone's bound less the configuration's
 * cost, at most standalone's cost less the configuration's bound (standalone's own range is
 * 0 to 0). Every field NAN without both plans; low (high) NAN without standalone's (the
 * configuration's) finite bound. */
typedef struct cp_saving {
    double value, pct, low, high;
} cp_saving;

cp_saving cp_comparison_saving(const cp_comparison *comparison, int c);

/* Whether configurations a and b, both with a plan, can be ranked at the gaps reached: the
 * cost of one is below the bound of the other by more than CP_SHARE_TOLERANCE. */
bool cp_comparison_apart(const cp_comparison *comparison, int a, int b);

/* Whether configurations a and b are two with a plan that cannot be ranked at the gaps
 * reached (not apart): each names the other in indistinguishable_from. */
bool cp_comparison_tied(const cp_comparison *comparison, int a, int b);

/* Whether the best configuration is certainly the cheapest: tied with no other. False
 * without a best. */
bool cp_comparison_best_certified(const cp_comparison *comparison);

#endif
