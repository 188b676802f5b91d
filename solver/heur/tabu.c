/* One thread's tabu search: see tabu.h.
 *
 * The best plan is kept without copying the whole plan at each improvement (on large instances
 * the plan improves at almost every move at first): a snapshot plus the journal of moves made
 * since, and the journal length at which the best was met. When the journal fills, its best
 * prefix is folded into the snapshot; moves after the best are then no longer needed unless a
 * better plan comes, in which case the current plan is copied whole (at most once per journal
 * length of moves, so O(1) per move amortised). */
#include "heur/tabu.h"

#include "heur/chain.h"
#include "heur/moves.h"
#include "util/alloc.h"
#include "util/interrupt.h"
#include "util/rng.h"
#include "util/timer.h"

#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

enum {
    STOP_CHECK_UNITS = 32,   /* units between looks at the clock */
    REFRESH_MOVES = 1 << 16, /* moves between recomputations of the totals */
    KICK_CHOICES = 8,        /* a kick sends a unit to one of its first pairs by order */
    FOCUS_EVERY = 4,         /* while infeasible, every this many units one from a violation */
    FOCUS_STEPS = 32         /* it is among the first this many members of a violated service */
};

struct cp_tabu {
    const cp_tabu_setup *setup;
    cp_state *st;
    cp_rng rng;
    int *tabu;          /* per pair */
    int *tabu_unplaced; /* per unit */
    int now;            /* moves made */
    int *perm, cursor;  /* movable units in a random order, renewed at each pass */
    bool *is_movable;   /* per unit */
    int *chain_starts;  /* setup->chain_starts units drawn at a local optimum */
    int since;          /* units evaluated since the last move */
    int unadapted;      /* improving moves since the weights last adapted */
    long long picks;    /* units taken so far */
    cp_unit_move escape;
    long long moves;

    cp_rank best;
    int *snapshot;
    cp_move *journal;
    int n_journal, best_length, journal_capacity;
    bool broken; /* the journal no longer leads from the snapshot to the current plan */
};

bool cp_rank_better(const cp_rank *a, const cp_rank *b)
{
    if (a->feasible != b->feasible)
        return a->feasible;
    double tolerance = 1e-9 * (1 + fabs(b->objective));
    if (!a->feasible) {
        if (a->violations != b->violations)
            return a->violations < b->violations;
        if (fabs(a->violation - b->violation) > 1e-9 * (1 + fabs(b->violation)))
            return a->violation < b->violation;
    }
    return a->objective < b->objective - tolerance;
}

static cp_rank rank_of(const cp_state *st)
{
    return (cp_rank){cp_state_feasible(st), cp_state_violations(st), st->violation, st->objective};
}

/* ---- best plan: snapshot + journal ---- */

static void fold_journal(cp_tabu *t)
{
    for (int i = 0; i < t->best_length; i++)
        t->snapshot[t->journal[i].unit] = t->journal[i].to;
    t->broken = t->best_length < t->n_journal;
    t->n_journal = t->best_length = 0;
}

static void record(cp_tabu *t, const cp_move *moves, int n)
{
    if (t->broken)
        return;
    if (t->n_journal + n > t->journal_capacity)
        fold_journal(t);
    if (t->broken)
        return;
    for (int i = 0; i < n; i++)
        t->journal[t->n_journal++] = moves[i];
}

static void note_best(cp_tabu *t)
{
    cp_rank now = rank_of(t->st);
    if (!cp_rank_better(&now, &t->best))
        return;
    t->best = now;
    if (t->broken) {
        cp_state_plan(t->st, t->snapshot);
        t->broken = false;
        t->n_journal = 0;
    }
    t->best_length = t->n_journal;
}

cp_rank cp_tabu_best(const cp_tabu *t, int *plan)
{
    if (plan) {
        memcpy(plan, t->snapshot, (size_t)t->setup->model->n_units * sizeof(int));
        for (int i = 0; i < t->best_length; i++)
            plan[t->journal[i].unit] = t->journal[i].to;
    }
    return t->best;
}

/* ---- moves ---- */

static int draw_tenure(cp_tabu *t)
{
    int tenure = t->setup->tenure;
    return tenure + (int)cp_rng_int(&t->rng, 0, tenure);
}

static void make(cp_tabu *t, const cp_move *moves, int n)
{
    if (t->now > INT_MAX / 2) { /* restart the clock of the tabu marks */
        memset(t->tabu, 0, (size_t)t->setup->model->n_pairs * sizeof(int));
        memset(t->tabu_unplaced, 0, (size_t)t->setup->model->n_units * sizeof(int));
        t->now = 0;
    }
    for (int i = 0; i < n; i++) {
        int from = t->st->pair_of_unit[moves[i].unit];
        if (from >= 0)
            t->tabu[from] = t->now + draw_tenure(t);
        else
            t->tabu_unplaced[moves[i].unit] = t->now + draw_tenure(t);
    }
    cp_state_apply(t->st, moves, n);
    record(t, moves, n);
    t->now++;
    if (++t->moves % REFRESH_MOVES == 0)
        cp_state_refresh(t->st);
    note_best(t);
}

static void shuffle(cp_tabu *t)
{
    int *perm = t->perm;
    for (int i = t->setup->n_movable - 1; i > 0; i--) {
        int j = (int)cp_rng_int(&t->rng, 0, i), x = perm[i];
        perm[i] = perm[j];
        perm[j] = x;
    }
}

/* A movable member of a violated service, or -1. */
static int focus_unit(cp_tabu *t)
{
    const cp_state *st = t->st;
    if (st->n_violated == 0)
        return -1;
    int s = st->violated[cp_rng_int(&t->rng, 0, st->n_violated - 1)];
    int steps = (int)cp_rng_int(&t->rng, 0, FOCUS_STEPS - 1), k = st->head[s];
    for (int i = 0; i < steps && st->next[k] >= 0; i++)
        k = st->next[k];
    return k >= 0 && t->is_movable[k] ? k : -1;
}

/* The next unit to look at: the movable units in turn, in a random order renewed at each pass,
 * and while the plan is infeasible now and then one from a violated service. */
static int next_unit(cp_tabu *t)
{
    if (++t->picks % FOCUS_EVERY == 0) {
        int k = focus_unit(t);
        if (k >= 0)
            return k;
    }
    if (t->cursor == t->setup->n_movable) {
        shuffle(t);
        t->cursor = 0;
    }
    return t->perm[t->cursor++];
}

/* ---- lifetime ---- */

cp_tabu *cp_tabu_create(const cp_tabu_setup *setup, const int *plan, uint64_t seed, uint64_t stream)
{
    const cp_state_model *m = setup->model;
    cp_tabu *t = cp_calloc(1, sizeof *t);
    t->setup = setup;
    t->st = cp_state_create(m, plan);
    cp_state_rescale(t->st, setup->start_scale);
    cp_rng_seed(&t->rng, seed, stream);
    t->tabu = cp_calloc((size_t)m->n_pairs + 1, sizeof(int));
    t->tabu_unplaced = cp_calloc((size_t)m->n_units + 1, sizeof(int));
    t->perm = cp_malloc((size_t)setup->n_movable * sizeof(int) + 1);
    memcpy(t->perm, setup->movable, (size_t)setup->n_movable * sizeof(int));
    t->is_movable = cp_calloc((size_t)m->n_units + 1, sizeof(bool));
    t->chain_starts = cp_malloc((size_t)setup->chain_starts * sizeof(int) + 1);
    for (int i = 0; i < setup->n_movable; i++)
        t->is_movable[setup->movable[i]] = true;
    t->cursor = setup->n_movable;
    t->snapshot = cp_malloc((size_t)m->n_units * sizeof(int) + 1);
    t->journal_capacity = m->n_units > 1024 ? m->n_units : 1024;
    t->journal = cp_malloc((size_t)t->journal_capacity * sizeof(cp_move));
    cp_state_plan(t->st, t->snapshot);
    t->best = rank_of(t->st);
    return t;
}

void cp_tabu_destroy(cp_tabu *t)
{
    if (!t)
        return;
    cp_state_destroy(t->st);
    free(t->tabu);
    free(t->tabu_unplaced);
    free(t->perm);
    free(t->is_movable);
    free(t->chain_starts);
    free(t->snapshot);
    free(t->journal);
    free(t);
}

void cp_tabu_restart(cp_tabu *t, const int *plan, int kicks)
{
    const cp_state_model *m = t->setup->model;
    const cp_candidates *c = m->candidates;
    cp_state_load(t->st, plan);
    cp_state_plan(t->st, t->snapshot);
    t->n_journal = t->best_length = 0;
    t->broken = false;
    t->best = rank_of(t->st);
    t->since = 0;
    t->escape.n = 0;
    for (int i = 0; i < kicks && t->setup->n_movable > 0; i++) {
        int k = t->setup->movable[cp_rng_int(&t->rng, 0, t->setup->n_movable - 1)];
        int degree = c->pair_start[k + 1] - c->pair_start[k];
        int choices = degree < KICK_CHOICES ? degree : KICK_CHOICES;
        int to = t->setup->scan.order[c->pair_start[k] + cp_rng_int(&t->rng, 0, choices - 1)];
        if (to == t->st->pair_of_unit[k])
            to = m->unit_mandatory[k] ? to : -1;
        cp_move move = {k, to};
        make(t, &move, 1);
    }
}

/* ---- the search ---- */

static bool should_stop(const cp_tabu_stop *stop)
{
    int flag;
#pragma omp atomic read
    flag = *stop->flag;
    if (flag)
        return true;
    int why = cp_interrupt_requested() ? 2 : cp_wall_seconds() >= stop->deadline ? 1 : 0;
    if (why) {
#pragma omp atomic write
        *stop->flag = why;
    }
    return why != 0;
}

/* At a local optimum (Yagiura, Ibaraki and Glover's rule): when the penalised score is no
 * better than the best feasible plan, the penalties are too dear to cross infeasible plans
 * toward better ones: all weights shrink; else the plan is infeasible and cheaper than the
 * best: the weights of what it violates grow, the most violated most. */
static void adapt_penalties(cp_tabu *t)
{
    double score = cp_state_score(t->st);
    if (t->best.feasible && score >= t->best.objective - 1e-9 * (1 + fabs(score)))
        cp_state_rescale(t->st, t->setup->lower);
    else
        cp_state_bump_violated(t->st, t->setup->raise);
    t->unadapted = 0;
}

/* Records a neighbour of the current plan that is better than the best: makes the move and
 * takes it back, outside the tabu bookkeeping. */
static void note_neighbour(cp_tabu *t, const cp_unit_move *move)
{
    if (t->best.feasible && !(t->st->objective + move->delta.objective <
                              t->best.objective - 1e-9 * (1 + fabs(t->best.objective))))
        return;
    cp_move back[CP_STATE_MAX_MOVES];
    for (int i = 0; i < move->n; i++)
        back[i] = (cp_move){move->moves[i].unit, t->st->pair_of_unit[move->moves[i].unit]};
    cp_state_apply(t->st, move->moves, move->n);
    record(t, move->moves, move->n);
    note_best(t);
    cp_state_apply(t->st, back, move->n);
    record(t, back, move->n);
}

/* At a local optimum: into *chain the best ejection chain from a few random units that beats
 * the escape, if any (Yagiura, Ibaraki and Glover's search tries chains where shifts and swaps
 * fail). Returns the moves evaluated. */
static long find_chain(cp_tabu *t, const cp_scan *scan, cp_chain *chain)
{
    const cp_tabu_setup *setup = t->setup;
    for (int i = 0; i < setup->chain_starts; i++)
        t->chain_starts[i] = setup->movable[cp_rng_int(&t->rng, 0, setup->n_movable - 1)];
    double below = t->escape.n > 0 ? t->escape.score : INFINITY;
    return cp_chain_search(t->st, scan, t->is_movable, t->chain_starts, setup->chain_starts, below,
                           chain);
}

long long cp_tabu_run(cp_tabu *t, long long budget, const cp_tabu_stop *stop)
{
    const cp_tabu_setup *setup = t->setup;
    double eps = 1e-9 * setup->model->cost_scale;
    cp_scan scan = setup->scan;
    scan.tabu = t->tabu;
    scan.tabu_unplaced = t->tabu_unplaced;
    long long evaluated = 0;
    for (int units = 0; evaluated < budget && setup->n_movable > 0; units++) {
        if (units % STOP_CHECK_UNITS == 0 && should_stop(stop))
            break;
        int k = next_unit(t);
        scan.now = t->now;
        scan.aspiration = t->best.feasible ? t->best.objective : INFINITY;
        cp_scan_result found;
        evaluated += cp_moves_scan(t->st, &scan, k, &found);
        if (found.feasible.n > 0)
            note_neighbour(t, &found.feasible);
        const cp_unit_move *move = &found.best;
        if (move->n > 0 && move->score < -eps) {
            make(t, move->moves, move->n);
            t->since = 0;
            t->escape.n = 0;
            /* a descent that keeps finding moves elsewhere still lets infeasibility grow dear */
            if (++t->unadapted >= setup->window && !cp_state_feasible(t->st)) {
                cp_state_bump_violated(t->st, setup->raise);
                t->unadapted = 0;
            }
            continue;
        }
        if (move->n > 0 && (t->escape.n == 0 || move->score < t->escape.score))
            t->escape = *move;
        if (++t->since < setup->window)
            continue;
        /* a window without an improving move: a local optimum */
        bool improving = t->escape.n > 0 && t->escape.score < -eps;
        cp_chain chain = {.n = 0};
        if (setup->chain_starts > 0)
            evaluated += find_chain(t, &scan, &chain);
        if (chain.n > 0) {
            improving = chain.score < -eps;
            for (int i = 0; i < chain.n; i++)
                make(t, &chain.moves[i], 1);
        } else if (t->escape.n > 0) {
            make(t, t->escape.moves, t->escape.n);
        }
        if (!improving)
            adapt_penalties(t);
        t->since = 0;
        t->escape.n = 0;
    }
    return evaluated;
}
