/* The incremental evaluator of a plan over a cp_candidates: each unit sits in one of its pairs
 * or is unplaced, and the state keeps, move by move, the full objective and every constraint
 * exactly as core/check.c would recompute them (placement price less the all-units tier
 * discount per (pool, provider), pair costs, unplaced costs, fixed costs of used candidate
 * services, contract costs; capacity, minimum occupancy, market share, mandatory units).
 *
 * The model (cp_state_model) is read-only and shared by every thread; each thread owns its
 * cp_state. A move is a few units each sent to another of its pairs or to unplaced (a shift is
 * one unit, a swap two); its deltas are exact and cost O(units moved) apart from tier lookups
 * and, when a market-share cap is set, O(log contracts of the pool) heap work.
 *
 * Besides the objective the state keeps a penalty for infeasibility, used by the search to
 * cross infeasible plans: scale x (sum over services of weight_s x (capacity excess + minimum
 * occupancy shortfall) + sum over pools of pool_weight x market-share excess) + a large fixed
 * weight per mandatory unit left unplaced. The weights are the search's to adapt.
 *
 * Debug builds (NDEBUG not defined) audit cp_state_apply on the first moves and then every
 * 1024th: the change made must be the one cp_state_delta predicted, every incrementally kept
 * total must equal a recomputation from the plan, and the objective the checker's. */
#ifndef CAREPOOL_HEUR_STATE_H
#define CAREPOOL_HEUR_STATE_H

#include <stdbool.h>

#include "core/candidates.h"

/* Most units one move may send at once. */
#define CP_STATE_MAX_MOVES 3

/* Read-only data derived from candidates, shared by all states. Fields are read by the other
 * heur/ modules; only state.c writes them. */
typedef struct cp_state_model {
    const cp_candidates *candidates;
    const cp_instance *instance;
    int n_units, n_pairs, n_services, n_pools;

    double *unit_unplaced; /* n_units: what the checker charges for leaving the unit unplaced */
    bool *unit_mandatory;  /* n_units: cannot be left unplaced */
    double *pair_total;    /* n_pairs: pair_price + pair_cost (before discounts) */

    /* (pool, provider) contracts reachable by some pair, grouped by pool */
    int n_contracts;
    int *pair_contract;       /* n_pairs */
    int *contract_provider;   /* n_contracts */
    int *contract_pool;       /* n_contracts */
    int *pool_contract_start; /* n_pools + 1 */

    double *service_capacity; /* n_services */
    double *service_fixed;    /* fixed cost if a candidate service, else 0 */
    double *service_minimum;  /* min_occupancy if a candidate service, else 0 */
    double *service_limit;    /* cp_rules_ceiling(capacity) */
    double *service_floor;    /* cp_rules_floor(minimum) */

    bool track_contracts; /* tiers, contract costs or a share cap exist */
    bool share_active;    /* max_provider_share < 1 */
    double share;
    double contract_cost;
    double mandatory_weight; /* penalty per mandatory unit left unplaced */
    double cost_scale;       /* a typical |pair cost| per place: the unit of penalty weights */
} cp_state_model;

/* Builds the model of candidates (kept by pointer: must outlive it). Memory: about 20 bytes
 * per pair. Free with cp_state_model_destroy (accepts NULL). */
cp_state_model *cp_state_model_create(const cp_candidates *candidates);
void cp_state_model_destroy(cp_state_model *model);

/* One unit sent to pair `to` (a pair of that unit) or to -1 (unplaced). */
typedef struct cp_move {
    int unit;
    int to;
} cp_move;

/* Exact change of a move: score = objective + penalty. */
typedef struct cp_delta {
    double objective;
    double penalty;
    int violations; /* change in the number of violated services, pools and mandatory units */
} cp_delta;

/* A plan under evaluation. Fields are read by the other heur/ modules; change them only
 * through the functions below. */
typedef struct cp_state {
    const cp_state_model *model;
    int *pair_of_unit; /* n_units: pair index or -1 */

    /* units placed in each service, as doubly linked lists */
    int *head, *next, *prev;
    double *used;  /* places used per service */
    int *positive; /* members with places > 0 per service: the service is open when > 0 */

    double *contract_places, *contract_price; /* per contract, over placed units */
    int *contract_count;
    double *pool_places;
    int *heap, *heap_pos; /* share cap only: per pool, a max-heap of its contracts by places */

    /* penalty weights */
    double *weight;      /* per service */
    double *pool_weight; /* per pool */
    double scale;

    double objective;
    double weighted;     /* sum of weight x violation amount (before scale) */
    double violation;    /* sum of violation amounts, unweighted */
    int n_mandatory_out; /* mandatory units unplaced */
    /* violated services and pools (amount > 0), as sets with positions */
    int *violated, *violated_pos, n_violated;
    int *pool_violated, *pool_violated_pos, n_pool_violated;
    unsigned long applied; /* calls of cp_state_apply: debug builds audit some (state.c) */
} cp_state;

/* A state holding plan (n_units pair indices or -1; NULL: every unit unplaced), with every
 * weight 1 and scale model->cost_scale. Free with cp_state_destroy (accepts NULL). */
cp_state *cp_state_create(const cp_state_model *model, const int *plan);
void cp_state_destroy(cp_state *state);

/* Replaces the plan (same contract as create); weights are kept. Recomputes every total. */
void cp_state_load(cp_state *state, const int *plan);

/* Recomputes the objective and penalty from scratch (drops rounding drift). */
void cp_state_refresh(cp_state *state);

/* Penalty of the current plan: scale x weighted + mandatory weight x mandatory units out. */
double cp_state_penalty(const cp_state *state);

/* What the search minimises: the objective plus the penalty. */
static inline double cp_state_score(const cp_state *state)
{
    return state->objective + cp_state_penalty(state);
}

/* Whether the plan meets every constraint (within the checker's tolerance). */
bool cp_state_feasible(const cp_state *state);

/* What the objective charges for unit in pair (or -1: unplaced), before discounts. */
static inline double cp_state_unit_cost(const cp_state_model *model, int unit, int pair)
{
    return pair < 0 ? model->unit_unplaced[unit] : model->pair_total[pair];
}

/* Capacity excess, or minimum occupancy shortfall of an open candidate, beyond tolerance, of
 * service s holding `used` places from `positive` members with places. */
static inline double cp_state_service_amount(const cp_state_model *model, int s, double used,
                                             int positive)
{
    if (used > model->service_limit[s])
        return used - model->service_capacity[s];
    if (positive > 0 && used < model->service_floor[s])
        return model->service_minimum[s] - used;
    return 0;
}

/* The change of service s's own terms (fixed cost, weighted violation) if places and members
 * with places were added to it. Without contracts to track (model->track_contracts false) a
 * move's delta is the sum of its units' cost changes and of this for each service it touches
 * (each service once, with the move's net change there). */
static inline cp_delta cp_state_service_delta(const cp_state *state, int s, double places,
                                              int positive)
{
    const cp_state_model *model = state->model;
    int before = state->positive[s], after = before + positive;
    double used = state->used[s];
    cp_delta d = {0, 0, 0};
    if (model->service_fixed[s] != 0)
        d.objective = ((after > 0) - (before > 0)) * model->service_fixed[s];
    double was = cp_state_service_amount(model, s, used, before);
    double will = cp_state_service_amount(model, s, used + places, after);
    if (will != was) {
        d.penalty = state->scale * state->weight[s] * (will - was);
        d.violations = (will > 0) - (was > 0);
    }
    return d;
}

/* Number of violated services and pools plus mandatory units left unplaced (0: feasible). */
static inline int cp_state_violations(const cp_state *state)
{
    return state->n_violated + state->n_pool_violated + state->n_mandatory_out;
}

/* The change n moves (distinct units, n <= CP_STATE_MAX_MOVES, each `to` a pair of its unit
 * or -1) would make. Moves that leave a unit where it is are allowed. */
cp_delta cp_state_delta(const cp_state *state, const cp_move *moves, int n);

/* Makes the moves (same contract as cp_state_delta). */
void cp_state_apply(cp_state *state, const cp_move *moves, int n);

/* The pair of unit at service, or -1 when the unit has none there. */
int cp_state_pair_at(const cp_state_model *model, int unit, int service);

/* Raises the weight of every violated service and pool by the factor 1 + ratio x its
 * violation / the largest violation. */
void cp_state_bump_violated(cp_state *state, double ratio);

/* Multiplies scale by factor (> 0); keeps it within a range by folding it into the weights. */
void cp_state_rescale(cp_state *state, double factor);

/* Copies the plan into plan (n_units entries). */
void cp_state_plan(const cp_state *state, int *plan);

/* Writes service_of_user (n_users entries) for cp_check_plan: each member of a unit gets its
 * pair's service, CP_NONE when unplaced. */
void cp_state_model_services_of_users(const cp_state_model *model, const int *plan,
                                      int *service_of_user);

#endif
