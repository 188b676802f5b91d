/* The parallel local search: see search.h.
 *
 * Work is counted in moves evaluated. Each thread runs its tabu search for EPOCH_MOVES (at
 * least; scaled up with the instance) between meetings; at a meeting one thread compares the
 * threads' best plans in thread order, keeps the overall best (ties to the lower thread
 * index), decides the stop, and tells each thread whose own best has not improved for
 * PATIENCE meetings to restart from the overall best with a kick, or with an elite pool from
 * a point on one of its paths (the meeting thread offers the pool the threads' bests and draws
 * the paths, in thread order). No decision reads the clock, so a run stopped by work is the
 * same for the same seed and thread count. */
#include "heur/search.h"

#include "heur/construct.h"
#include "heur/moves.h"
#include "heur/tabu.h"
#include "util/alloc.h"

#include <math.h>
#include <omp.h>
#include <stdlib.h>
#include <string.h>

enum {
    EPOCH_MOVES = 1 << 20, /* moves evaluated per thread between meetings, at least */
    PATIENCE = 1,          /* meetings without a better own plan before a restart */
    STALL_EPOCHS = 20,     /* meetings without a better plan that end an unlimited run */
    LARGE_UNITS = 20000,   /* beyond this many: the wide and shallow neighbourhood */
    PATH_UNITS = 1000,     /* up to this many: restarts on paths of the elite pool (a path
                              costs O(units^2)) */
    WINDOW_MAX = 500,      /* units without an improving move before an escape */
    GUIDED_TARGETS = 3,    /* pairs tried per unit with a guide ... */
    PLAIN_TARGETS = 8,     /* ... and without (its own costs rank the pairs less well) */
    EXTEND = 3,            /* two-unit moves extended by a third unit, per unit */
    CHAIN_STARTS = 20,     /* ejection chains tried at a local optimum */
    LARGE_TARGETS = 64,
    LARGE_ONWARD = 4,
    TENURE_MIN = 1,
    TENURE_MAX = 20,
    KICKS_MIN = 2, /* random shifts at a restart: 1% of the movable units, within these */
    KICKS_MAX = 50
};
enum { RESTART_NONE, RESTART_BEST, RESTART_PATH };
static const double RAISE = 0.05; /* see cp_tabu_setup */
static const double LOWER = 0.95;

cp_search_params cp_search_defaults(void)
{
    return (cp_search_params){.seed = 1, .threads = 1, .deadline = INFINITY};
}

/* What every thread reads and the meeting thread writes. */
typedef struct shared {
    const cp_search_params *params;
    int threads;
    cp_tabu **workers;
    cp_rank best;
    int *best_plan;
    int *restart;         /* per thread: restart at this meeting (a RESTART_ value) */
    cp_elite *elite;      /* params->elite where used, else NULL */
    int **path_plan;      /* with elite: per thread, a plan on a path of the pool */
    int *last_better;     /* per thread: meeting at which its own best last improved */
    cp_rank *own;         /* per thread: its best rank at the last meeting */
    long long *evaluated; /* per thread */
    long long per_thread; /* moves each thread may evaluate in all; <= 0: no limit */
    long long epoch_moves;
    int kicks;
    int best_epoch; /* meeting at which the overall best last improved */
    int stop_flag;  /* cp_tabu_stop: 1 deadline, 2 interrupt */
    bool done;
    int stopped_by;
} shared;

static void report(const shared *sh)
{
    if (sh->params->on_meeting)
        sh->params->on_meeting(sh->params->context,
                               sh->best.feasible ? sh->best.objective : INFINITY);
}

/* The meeting: merge the threads' bests, decide the stop and the restarts. */
static void meet(shared *sh, int epoch)
{
    int winner = -1;
    for (int t = 0; t < sh->threads; t++) {
        cp_rank own = cp_tabu_best(sh->workers[t], NULL);
        if (cp_rank_better(&own, &sh->own[t]))
            sh->last_better[t] = epoch;
        sh->own[t] = own;
        if (cp_rank_better(&own, winner < 0 ? &sh->best : &sh->own[winner]))
            winner = t;
    }
    if (winner >= 0) {
        sh->best = sh->own[winner];
        sh->best_epoch = epoch;
        cp_tabu_best(sh->workers[winner], sh->best_plan);
    }
    report(sh);
    for (int t = 0; sh->elite && t < sh->threads; t++) {
        if (!sh->own[t].feasible)
            continue;
        cp_tabu_best(sh->workers[t], sh->path_plan[t]);
        cp_elite_offer(sh->elite, sh->path_plan[t], sh->own[t].objective);
    }
    bool work_done = sh->per_thread > 0;
    for (int t = 0; t < sh->threads; t++) {
        sh->restart[t] = epoch - sh->last_better[t] >= PATIENCE ? RESTART_BEST : RESTART_NONE;
        if (sh->restart[t])
            sh->last_better[t] = epoch;
        if (sh->restart[t] && sh->elite && cp_elite_size(sh->elite) >= 2) {
            sh->restart[t] = RESTART_PATH;
            sh->evaluated[t] += cp_elite_relink(sh->elite, sh->path_plan[t]);
        }
        work_done = work_done && sh->evaluated[t] >= sh->per_thread;
    }
    bool unlimited = sh->per_thread <= 0 && isinf(sh->params->deadline);
    if (sh->stop_flag) {
        sh->done = true;
        sh->stopped_by = sh->stop_flag;
    } else if (work_done || (unlimited && epoch - sh->best_epoch >= STALL_EPOCHS)) {
        sh->done = true;
        sh->stopped_by = CP_SEARCH_WORK;
    }
}

/* Every thread starts from the best plan (the start) and meets the others every epoch. */
static void run_threads(shared *sh, const cp_tabu_setup *setup)
{
    const cp_search_params *params = sh->params;
    cp_tabu_stop stop = {params->deadline, &sh->stop_flag};
#pragma omp parallel num_threads(sh->threads)
    {
        int t = omp_get_thread_num();
        sh->workers[t] = cp_tabu_create(setup, sh->best_plan, params->seed,
                                      params->first_stream + (uint64_t)t);
#pragma omp barrier
        for (int epoch = 1; !sh->done; epoch++) {
            long long budget = sh->epoch_moves;
            if (sh->per_thread > 0 && sh->per_thread - sh->evaluated[t] < budget)
                budget = sh->per_thread - sh->evaluated[t];
            sh->evaluated[t] += cp_tabu_run(sh->workers[t], budget, &stop);
#pragma omp barrier
#pragma omp single
            meet(sh, epoch);
            /* the implicit barrier of single: every thread sees the meeting's decisions */
            if (!sh->done && sh->restart[t] == RESTART_BEST)
                cp_tabu_restart(sh->workers[t], sh->best_plan, sh->kicks);
            else if (!sh->done && sh->restart[t] == RESTART_PATH)
                cp_tabu_restart(sh->workers[t], sh->path_plan[t], 0);
        }
    }
}

static int clamp(int value, int low, int high)
{
    return value < low ? low : value > high ? high : value;
}

/* The tabu search's parameters for this instance: a descent that escapes after a pass over the
 * units, or WINDOW_MAX of them, without an improving move (making the best move of each pass
 * instead, the classical tabu search, did no better on the GAP sets and worse on b and c
 * types). Up to LARGE_UNITS: each unit
 * tries only its first few pairs by guide, with compound moves of up to three units (on
 * generalized assignment sets a Lagrangian guide's first three pairs hold nearly every move
 * worth making, and a small neighbourhood buys many more iterations), and ejection chains at
 * local optima (Chu-Beasley d20100, mean of 8 seeds at equal work: 6222 before, 6214 with
 * chains and the paths' best points). Beyond: many pairs per unit, compound moves of two
 * units only where the unit alone would not fit. */
static void configure(cp_tabu_setup *setup, const cp_state_model *m, const int *order,
                      const int *rank, const int *movable, bool guided)
{
    bool large = setup->n_movable > LARGE_UNITS;
    int few = guided ? GUIDED_TARGETS : PLAIN_TARGETS;
    setup->model = m;
    setup->movable = movable;
    setup->scan = (cp_scan){
        .order = order,
        .rank = rank,
        .targets = large ? LARGE_TARGETS : few,
        .onward = large ? LARGE_ONWARD : few,
        .compound = true,
        .blocked_only = large,
        .extend = large ? 0 : EXTEND,
    };
    setup->chain_starts = large ? 0 : CHAIN_STARTS;
    setup->window = setup->n_movable < WINDOW_MAX ? setup->n_movable : WINDOW_MAX;
    setup->tenure = clamp(setup->n_movable / 100, TENURE_MIN, TENURE_MAX);
    setup->start_scale = 1;
    setup->raise = RAISE;
    setup->lower = LOWER;
}

/* Units with a choice: another pair, or unplaced when allowed. */
static int *movable_units(const cp_state_model *m, int *n)
{
    const cp_candidates *c = m->candidates;
    int *units = cp_malloc((size_t)m->n_units * sizeof(int) + 1);
    *n = 0;
    for (int k = 0; k < m->n_units; k++) {
        int choices = c->pair_start[k + 1] - c->pair_start[k] + !m->unit_mandatory[k];
        if (choices > 1)
            units[(*n)++] = k;
    }
    return units;
}

static cp_rank rank_plan(const cp_state_model *m, const int *plan)
{
    cp_state *st = cp_state_create(m, plan);
    cp_rank rank = {cp_state_feasible(st), cp_state_violations(st), st->violation, st->objective};
    cp_state_destroy(st);
    return rank;
}

void cp_search_run(const cp_candidates *candidates, const int *start,
                   const cp_search_params *params, cp_search_result *result)
{
    cp_state_model *own_model = params->model ? NULL : cp_state_model_create(candidates);
    const cp_state_model *m = params->model ? params->model : own_model;
    int threads = params->threads > 0 ? params->threads : 1;
    int n_units = m->n_units;

    int *rank = cp_malloc((size_t)m->n_pairs * sizeof(int) + 1);
    int *order = cp_moves_order(m, params->guide, threads, rank);
    int *plan = cp_malloc((size_t)n_units * sizeof(int) + 1);
    bool build = !start || params->construct_too;
    if (build)
        cp_construct(m, params->guide, params->guide_unplaced, order, rank, plan);
    cp_rank plan_rank = build ? rank_plan(m, plan) : (cp_rank){0};
    if (start) {
        cp_rank given = rank_plan(m, start);
        if (!build || !cp_rank_better(&plan_rank, &given)) {
            memcpy(plan, start, (size_t)n_units * sizeof(int));
            plan_rank = given;
        }
    }

    cp_tabu_setup setup;
    int *movable = movable_units(m, &setup.n_movable);
    bool paths = params->elite && setup.n_movable <= PATH_UNITS;
    configure(&setup, m, order, rank, movable, params->guide != NULL);

    shared sh = {.params = params, .threads = threads, .best_plan = plan};
    sh.best = plan_rank;
    report(&sh);
    sh.workers = cp_calloc((size_t)threads, sizeof *sh.workers);
    sh.restart = cp_calloc((size_t)threads, sizeof(int));
    sh.last_better = cp_calloc((size_t)threads, sizeof(int));
    sh.own = cp_malloc((size_t)threads * sizeof(cp_rank));
    sh.evaluated = cp_calloc((size_t)threads, sizeof(long long));
    if (paths) {
        sh.elite = params->elite;
        sh.path_plan = cp_calloc((size_t)threads, sizeof *sh.path_plan);
        for (int t = 0; t < threads; t++)
            sh.path_plan[t] = cp_malloc((size_t)n_units * sizeof(int) + 1);
        if (plan_rank.feasible)
            cp_elite_offer(sh.elite, plan, plan_rank.objective);
    }
    for (int t = 0; t < threads; t++)
        sh.own[t] = sh.best;
    sh.per_thread = params->max_moves > 0 ? (params->max_moves + threads - 1) / threads : 0;
    sh.epoch_moves = EPOCH_MOVES > m->n_pairs / 2 ? EPOCH_MOVES : m->n_pairs / 2;
    sh.kicks = clamp(setup.n_movable / 100, KICKS_MIN, KICKS_MAX);
    if (setup.n_movable > 0)
        run_threads(&sh, &setup);

    result->pair_of_unit = plan;
    cp_rank final = rank_plan(m, plan); /* exact totals, without rounding drift */
    result->feasible = final.feasible;
    result->objective = final.feasible ? final.objective : INFINITY;
    result->moves_evaluated = 0;
    for (int t = 0; t < threads; t++)
        result->moves_evaluated += sh.evaluated[t];
    result->stopped_by = sh.stopped_by;

    for (int t = 0; t < threads && sh.workers; t++)
        cp_tabu_destroy(sh.workers[t]);
    free(sh.workers);
    free(sh.restart);
    free(sh.last_better);
    free(sh.own);
    free(sh.evaluated);
    for (int t = 0; t < threads && sh.path_plan; t++)
        free(sh.path_plan[t]);
    free(sh.path_plan);
    free(movable);
    free(order);
    free(rank);
    cp_state_model_destroy(own_model);
}
