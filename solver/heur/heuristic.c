/* The heuristic driver. Round 0 raises the Lagrangian bound from multipliers 0; each round
 * then runs the tabu search for a fixed amount of work from the best plan so far, guided by
 * the Lagrangian costs (pair cost plus the price of the capacity it takes), and steps the
 * multipliers on towards the incumbent's value, which both tightens the bound and re-prices
 * the guide. Rounds are defined by work, not time, so the run is reproducible; the clock
 * only stops it. */
#include "heur/heuristic.h"

#include <math.h>
#include <omp.h>
#include <stdlib.h>

#include "heur/close.h"
#include "heur/elite.h"
#include "heur/lagrange.h"
#include "heur/search.h"
#include "heur/state.h"
#include "util/alloc.h"
#include "util/interrupt.h"
#include "util/progress.h"
#include "util/status.h"
#include "util/timer.h"

enum {
    FIRST_STEPS = 30,       /* subgradient steps before the first plan: a guide, quickly ... */
    FIRST_STEPS_MAX = 1000, /* ... or up to this many on small instances (the search keeps
                               to each unit's first few pairs by guide: it must be good) */
    SECOND_STEPS = 300,     /* subgradient steps after it: most of the bound's rise */
    ROUND_STEPS = 100,      /* subgradient steps a round */
    WHOLE_STEPS_MIN = 5,    /* steps a round of the bound charging contracts whole: at least, */
    WHOLE_STEPS_MAX = 50,   /* at most, and as many as WHOLE_WORK allows between */
    STEP_BATCH = 10,        /* steps between looks at the clock */
    STALL_ROUNDS = 3,       /* rounds without a better plan or bound that end an unlimited run */
    ELITE_PLANS = 10,       /* plans in the pool that the search's restarts relink ... */
    ELITE_SPREAD = 25       /* ... which differ in at least one unit in this many */
};
static const long long FIRST_WORK = 40000000; /* pairs x steps before the first plan */
/* pairs x steps a round of the bound charging contracts whole (its step sorts each unit's
 * choices: about 80 ms per million pairs); wla standalone gains most in 50 steps */
static const long long WHOLE_WORK = 10000000;
/* A round whose bound closes less than this share of the gap counts as stalled: the bound can
 * creep up for minutes after the last better plan (wla pooled: last plan at 35 s, the bound
 * still closing about 1.7% of the gap every 15 s, over several rounds, at 155 s) */
static const double STALL_GAP_SHARE = 0.01;

cp_heur_options cp_heur_options_default(void)
{
    return (cp_heur_options){.time_limit = INFINITY,
                             .gap = 0,
                             .seed = 1,
                             .threads = 1,
                             .progress_seconds = 5,
                             .max_moves = 0};
}

int cp_heur_threads(int requested)
{
    return requested > 0 ? requested : omp_get_num_procs();
}

typedef struct run {
    const cp_heur_options *options;
    double start, deadline, last_progress;
    double bound;
    double incumbent;
    double first_plan;
} run;

static double elapsed(const run *r)
{
    return cp_wall_seconds() - r->start;
}

static void progress(run *r, bool force)
{
    double now = elapsed(r);
    if (force || now - r->last_progress >= r->options->progress_seconds) {
        r->last_progress = now;
        cp_progress_line("heuristic", now, r->incumbent, r->bound);
    }
}

/* Progress between rounds: the round's best so far, shown (the plan is taken at its end). */
static void on_meeting(void *context, double objective)
{
    run *r = context;
    if (objective < r->incumbent) {
        r->incumbent = objective;
        if (!isfinite(r->first_plan))
            r->first_plan = elapsed(r);
    }
    progress(r, false);
}

static bool out_of_time(const run *r)
{
    return cp_interrupt_requested() || cp_wall_seconds() >= r->deadline;
}

static bool gap_closed(const run *r)
{
    return isfinite(r->incumbent) &&
           (r->bound >= r->incumbent - 1e-9 * fmax(1, fabs(r->incumbent)) ||
            cp_relative_gap(r->incumbent, r->bound) <= r->options->gap);
}

/* Up to steps subgradient steps, a batch at a time while there is time. */
static void raise_bound(run *r, cp_lagrange *lagrange, int steps)
{
    for (int done = 0; done < steps && !out_of_time(r) && !cp_lagrange_converged(lagrange);
         done += STEP_BATCH) {
        double bound = cp_lagrange_improve(lagrange, r->incumbent, STEP_BATCH);
        r->bound = fmax(r->bound, bound);
        progress(r, false);
    }
}

/* A round's steps of the bound charging contracts whole (WHOLE_WORK over n_pairs, within
 * WHOLE_STEPS_MIN .. WHOLE_STEPS_MAX), a batch at a time while there is time. */
static void charge_contracts(run *r, cp_lagrange *lagrange, int n_pairs)
{
    long long work_steps = WHOLE_WORK / (n_pairs + 1);
    int steps = work_steps < WHOLE_STEPS_MIN   ? WHOLE_STEPS_MIN
                : work_steps > WHOLE_STEPS_MAX ? WHOLE_STEPS_MAX
                                               : (int)work_steps;
    for (int done = 0; done < steps && !out_of_time(r); done += STEP_BATCH) {
        double bound = cp_lagrange_charge_contracts(lagrange, r->incumbent, STEP_BATCH);
        r->bound = fmax(r->bound, bound);
        progress(r, false);
    }
}

static void plan_of_units(const cp_candidates *c, const int *pair_of_unit, int *service_of_user)
{
    for (int k = 0; k < c->n_units; k++) {
        int service = pair_of_unit[k] < 0 ? CP_NONE : c->pair_service[pair_of_unit[k]];
        for (int i = c->unit_start[k]; i < c->unit_start[k + 1]; i++)
            service_of_user[c->unit_members[i]] = service;
    }
}

int cp_heur_solve(const cp_candidates *candidates, const cp_heur_options *options, cp_solution *out,
                  cp_heur_stats *stats)
{
    run r = {.options = options,
             .start = cp_wall_seconds(),
             .bound = -INFINITY,
             .incumbent = INFINITY,
             .first_plan = INFINITY};
    r.deadline = r.start + options->time_limit;
    *out = (cp_solution){.status = CP_STATUS_NO_SOLUTION,
                         .n_users = candidates->instance->n_users,
                         .objective = INFINITY,
                         .bound = -INFINITY,
                         .method = "heuristic",
                         .first_plan_seconds = INFINITY};
    cp_heur_stats counted = {.first_plan_seconds = INFINITY};
    omp_set_num_threads(options->threads);

    cp_lagrange *lagrange = cp_lagrange_create(candidates);
    cp_state_model *model = cp_state_model_create(candidates);
    r.bound = cp_lagrange_bound(lagrange);
    long long first_steps = FIRST_WORK / (candidates->n_pairs + 1);
    raise_bound(&r, lagrange,
                first_steps < FIRST_STEPS       ? FIRST_STEPS
                : first_steps > FIRST_STEPS_MAX ? FIRST_STEPS_MAX
                                                : (int)first_steps);

    cp_search_params params = cp_search_defaults();
    params.seed = options->seed;
    params.threads = options->threads;
    params.deadline = r.deadline;
    params.on_meeting = on_meeting;
    params.context = &r;
    params.model = model;
    /* Greedy plans from the multipliers of later rounds beat what the search made of the
     * first plan on large instances (England: 107.3 M against 110.2 M); each round starts
     * from the better. */
    params.construct_too = true;
    params.elite = cp_elite_create(model, ELITE_PLANS, model->n_units / ELITE_SPREAD, options->seed,
                                   UINT64_MAX);
    /* A round's work grows with the instance so that each round moves every unit a few
     * times; the whole budget, when given, is shared out over the rounds. */
    long long round_moves = 4LL * candidates->n_pairs + 40000000;

    int *best = NULL;
    double best_objective = INFINITY; /* r.incumbent may run ahead of it within a round */
    int stalled = 0;
    while (isfinite(r.bound) && !out_of_time(&r) && !gap_closed(&r) && stalled < STALL_ROUNDS) {
        long long left =
            options->max_moves > 0 ? options->max_moves - counted.moves_evaluated : round_moves;
        if (left <= 0)
            break;
        params.max_moves = left < round_moves ? left : round_moves;
        /* each round its own streams: a round that starts where the last one did (no better
         * plan, a converged guide) would otherwise repeat it move for move */
        params.first_stream = (uint64_t)counted.rounds * (uint64_t)options->threads;
        params.guide = cp_lagrange_pair_costs(lagrange);
        params.guide_unplaced = cp_lagrange_unplaced_costs(lagrange);
        cp_search_result result;
        cp_search_run(candidates, best, &params, &result);
        if (result.feasible) /* what no move of the search sees: emptying what costs to open */
            cp_close_improve(model, result.pair_of_unit, CP_CLOSE_MAX_UNITS, &result.objective);
        counted.moves_evaluated += result.moves_evaluated;
        counted.rounds++;
        double before_bound = r.bound, before = best_objective;
        if (result.feasible && result.objective < best_objective - 1e-9) {
            free(best);
            best = result.pair_of_unit;
            best_objective = result.objective;
        } else {
            free(result.pair_of_unit);
        }
        r.incumbent = best_objective; /* the checked totals, not the meetings' running sums */
        if (!isfinite(r.first_plan) && best)
            r.first_plan = elapsed(&r);
        raise_bound(&r, lagrange, counted.rounds == 1 ? SECOND_STEPS : ROUND_STEPS);
        charge_contracts(&r, lagrange, candidates->n_pairs);
        double closed = r.bound - before_bound, gap = before - before_bound;
        bool better = best_objective < before - 1e-9 || closed > fmax(1e-9, STALL_GAP_SHARE * gap);
        /* With a time limit the user has granted the time: only the gap or the clock ends. */
        if (!isfinite(options->time_limit))
            stalled = better ? 0 : stalled + 1;
        if (result.stopped_by != CP_SEARCH_WORK)
            break;
    }

    out->bound = r.bound;
    if (!isfinite(r.bound) && r.bound > 0) {
        out->status = CP_STATUS_INFEASIBLE;
    } else if (best) {
        out->service_of_user = cp_malloc((size_t)out->n_users * sizeof(int) + 1);
        plan_of_units(candidates, best, out->service_of_user);
        out->objective = best_objective;
        out->bound = fmin(r.bound, best_objective);
        out->status = gap_closed(&r) ? CP_STATUS_OPTIMAL : CP_STATUS_FEASIBLE;
    }
    out->seconds = elapsed(&r);
    counted.lagrange_iterations = cp_lagrange_iterations(lagrange);
    counted.first_plan_seconds = r.first_plan;
    out->moves_evaluated = counted.moves_evaluated;
    out->first_plan_seconds = counted.first_plan_seconds;
    if (stats)
        *stats = counted;
    progress(&r, true);
    free(best);
    cp_elite_destroy(params.elite);
    cp_state_model_destroy(model);
    cp_lagrange_destroy(lagrange);
    return CP_OK;
}
