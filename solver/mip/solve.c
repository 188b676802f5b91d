/* Exact solve: the LP relaxation by glp_simplex (with the LP presolver), then branch-and-cut
 * by glp_intopt on the model's own columns, with cuts and a callback that branches on the
 * structural decisions first, tracks the global bound, prints progress and ends the search
 * at the time limit or on a signal.
 *
 * Branching first on fractional opening, contract and tier decisions (whose fixed charges
 * the LP spreads thinly over many pairs) settles facility-location structure in seconds
 * where GLPK's default rule stalls for minutes (bench/RESULTS.md). The callback needs the
 * original column numbers, which is why the MIP presolver stays off. */
#include "mip/solve.h"

#include "core/rules.h"
#include "mip/model.h"
#include "mip/guard.h"

#include "util/alloc.h"
#include "util/interrupt.h"
#include "util/log.h"
#include "util/progress.h"
#include "util/status.h"
#include "util/timer.h"

#include <float.h>
#include <limits.h>
#include <math.h>

#include <stdio.h>
#include <stdlib.h>

/* Models with more non-zeros than this skip the LP presolver (see solve_relaxation). */
enum { PRESOLVE_MAX_NONZEROS = 1000000 };

cp_mip_options cp_mip_options_default(void)
{
    return (cp_mip_options){.time_limit = INFINITY,
                            .gap = 0,
                            .formulation = CP_FORMULATION_STRONG,
                            .cuts = CP_CUTS_DEFAULT,
                            .branching = CP_BRANCHING_DECISIONS,
                            .solver_output = false,
                            .progress_seconds = 5,
                            .start = NULL,
                            .known_bound = -INFINITY};
}

typedef struct search {
    const cp_mip_options *options;
    int first_decision_column;
    bool integral; /* every plan's objective is an integer: bounds round up */
    double start, last_progress;
    double bound; /* best global bound seen */
    bool stopped; /* the time limit or a signal ended the search */
    bool gap_reached; /* stopped because the incumbent is within the gap of the bound */
    double *start_columns; /* the start plan's column values, until handed over; NULL */
    double first_plan;     /* seconds to the first incumbent; INFINITY: none yet */
} search;

/* Records a valid lower bound if it improves on the best one (rounded up when every plan's
 * objective is an integer). */
static void raise_bound(search *s, double bound)
{
    if (s->integral)
        bound = cp_rules_round_bound(bound);
    if (bound > s->bound)
        s->bound = bound;
}

/* GLPK's tm_lim for what is left of the time limit, in ms; INT_MAX (GLPK: none) without one. */
static int milliseconds_left(const search *s)
{
    double left = s->options->time_limit - (cp_wall_seconds() - s->start);
    return (int)fmin(fmax(left, 0.001) * 1000, (double)INT_MAX);
}

static double incumbent_of(glp_tree *tree)
{
    if (glp_ios_mip_gap(tree) == DBL_MAX)
        return INFINITY;
    return glp_mip_obj_val(glp_ios_get_prob(tree));
}

/* Branches on the most fractional decision column, if any, and explores its up-branch first
 * (opened or contracted: the side where plans are easy to complete); else GLPK's own rule
 * applies. */
static void branch_on_decisions(glp_tree *tree, int first)
{
    glp_prob *prob = glp_ios_get_prob(tree);
    int n = glp_get_num_cols(prob), best = 0;
    double best_fraction = 0;
    for (int j = first; j <= n; j++) {
        if (!glp_ios_can_branch(tree, j))
            continue;
        double v = glp_get_col_prim(prob, j);
        double fraction = fmin(v - floor(v), ceil(v) - v);
        if (fraction > best_fraction) {
            best_fraction = fraction;
            best = j;
        }
    }
    if (best)
        glp_ios_branch_upon(tree, best, GLP_UP_BRNCH);
}

static void on_tree(glp_tree *tree, void *info)
{
    search *s = info;
    int reason = glp_ios_reason(tree);
    if (s->options->branching == CP_BRANCHING_DECISIONS && reason == GLP_IBRANCH)
        branch_on_decisions(tree, s->first_decision_column);
    if (reason == GLP_IHEUR && s->start_columns) {
        glp_ios_heur_sol(tree, s->start_columns);
        free(s->start_columns);
        s->start_columns = NULL;
    }
    int node = glp_ios_best_node(tree);
    if (node)
        raise_bound(s, glp_ios_node_bound(tree, node));
    double now = cp_wall_seconds() - s->start;
    double incumbent = incumbent_of(tree);
    if (isfinite(incumbent) && !isfinite(s->first_plan))
        s->first_plan = now;
    /* GLPK's own gap rule does not know a bound proven elsewhere: test it here too. */
    if (s->options->gap > 0 && isfinite(incumbent) &&
        cp_relative_gap(incumbent, s->bound) <= s->options->gap) {
        s->gap_reached = true;
        glp_ios_terminate(tree);
        return;
    }
    if (cp_interrupt_requested() || now >= s->options->time_limit) {
        s->stopped = true;
        glp_ios_terminate(tree);
        return; /* the final row follows the search */
    }
    if (now - s->last_progress >= s->options->progress_seconds) {
        s->last_progress = now;
        cp_progress_line("exact", now, incumbent_of(tree), s->bound);
    }
}

/* GLPK's terminal output: to stderr when asked for, else nowhere (GLPK 5 prints some cut
 * generator lines even with msg_lev off). */
static int terminal_hook(void *info, const char *text)
{
    const bool *show = info;
    if (*show)
        fputs(text, stderr);
    return 1; /* handled: GLPK prints nothing itself */
}

static void set_parameters(glp_iocp *parm, const cp_mip_options *options, search *s)
{
    glp_init_iocp(parm);
    parm->msg_lev = options->solver_output ? GLP_MSG_ON : GLP_MSG_OFF;
    parm->presolve = GLP_OFF; /* the LP is solved (and presolved) before */
    parm->binarize = GLP_OFF;
    parm->mip_gap = options->gap;
    parm->cb_func = on_tree;
    parm->cb_info = s;
    parm->tm_lim = milliseconds_left(s);
    /* MIR, cover and clique cuts pay on the GAP sets and sw-london (though not on
     * capacity-bound facility instances); Gomory cuts cost more than they save on the GAP
     * sets (bench/RESULTS.md), so they are opt-in. */
    if (options->cuts != CP_CUTS_NONE) {
        parm->gmi_cuts = options->cuts == CP_CUTS_ALL ? GLP_ON : GLP_OFF;
        parm->mir_cuts = GLP_ON;
        parm->cov_cuts = GLP_ON;
        parm->clq_cuts = GLP_ON;
    }
}

/* Whether every column with a cost is integer with an integral cost (as in the GAP sets). */
static bool integral_objective(glp_prob *prob)
{
    for (int j = 1; j <= glp_get_num_cols(prob); j++) {
        double cost = glp_get_obj_coef(prob, j);
        if (cost != 0 && (glp_get_col_kind(prob, j) == GLP_CV || cost != floor(cost)))
            return false;
    }
    return true;
}

/* Solves the LP relaxation to an optimal basis, as glp_intopt needs without its presolver,
 * and records its value as the first bound. Returns 0, or glp_intopt's code for the
 * outcome: GLP_ENOPFS (infeasible), GLP_ETMLIM, or another failure. */
static int solve_relaxation(glp_prob *prob, search *s)
{
    glp_smcp parm;
    glp_init_smcp(&parm);
    parm.msg_lev = s->options->solver_output ? GLP_MSG_ON : GLP_MSG_OFF;
    /* GLPK's LP presolver does not look at the clock: on a large model it takes longer than
     * the time limit allows (12 s on London's 900,000 rows), while the simplex itself stops
     * on time. */
    parm.presolve = glp_get_num_nz(prob) <= PRESOLVE_MAX_NONZEROS ? GLP_ON : GLP_OFF;
    parm.tm_lim = milliseconds_left(s);
    int code = glp_simplex(prob, &parm);
    if (code == GLP_ENOPFS || (code == 0 && glp_get_status(prob) == GLP_NOFEAS))
        return GLP_ENOPFS;
    if (code == GLP_ETMLIM)
        return GLP_ETMLIM;
    if (code != 0 || glp_get_status(prob) != GLP_OPT)
        return code ? code : GLP_EFAIL;
    raise_bound(s, glp_get_obj_val(prob));
    return 0;
}

/* Reads GLPK's outcome into the solution status, plan and bound. */
static int record_outcome(const cp_mip_model *model, int code, const search *s, cp_solution *out)
{
    glp_prob *prob = model->prob;
    int mip_status = glp_mip_status(prob);
    bool has_plan = mip_status == GLP_OPT || mip_status == GLP_FEAS;
    out->bound = s->bound;

    switch (code) {
    case 0:
        if (mip_status == GLP_NOFEAS) {
            out->status = CP_STATUS_INFEASIBLE;
            return CP_OK;
        }
        out->status = has_plan ? CP_STATUS_OPTIMAL : CP_STATUS_NO_SOLUTION;
        break;
    case GLP_ENOPFS:
        out->status = CP_STATUS_INFEASIBLE;
        return CP_OK;
    case GLP_EMIPGAP:
        out->status = CP_STATUS_OPTIMAL;
        break;
    case GLP_ETMLIM:
    case GLP_ESTOP:
        out->status = has_plan ? (s->gap_reached ? CP_STATUS_OPTIMAL : CP_STATUS_FEASIBLE)
                               : CP_STATUS_NO_SOLUTION;
        break;
    default:
        cp_warning("GLPK failed (glp_intopt returned %d)", code);
        return CP_ERR_INTERNAL;
    }
    if (!has_plan)
        return CP_OK;

    int n_cols = glp_get_num_cols(prob);
    double *value = cp_malloc(((size_t)n_cols + 1) * sizeof(double));
    for (int j = 1; j <= n_cols; j++)
        value[j] = glp_mip_col_val(prob, j);
    out->service_of_user = cp_malloc((size_t)out->n_users * sizeof(int) + 1);
    cp_mip_model_plan(model, value, out->service_of_user);
    free(value);

    out->objective = glp_mip_obj_val(prob);
    /* A completed search proves the incumbent optimal; otherwise the tracked bound holds. */
    out->bound = code == 0 ? out->objective : fmin(s->bound, out->objective);
    return CP_OK;
}

/* What a guarded solve works on (see cp_mip_guard). */
typedef struct guarded {
    const cp_candidates *candidates;
    const cp_mip_options *options;
    search *s;
    cp_mip_model *model;
    cp_solution *out;
    int status;
} guarded;

static void solve_model(void *context)
{
    guarded *g = context;
    const cp_mip_options *options = g->options;
    search *s = g->s;
    glp_term_hook(terminal_hook, (void *)&options->solver_output);
    g->model = cp_mip_model_build(g->candidates, options->formulation, false);
    glp_prob *prob = g->model->prob;
    cp_verbose("exact: %d rows, %d columns (%d integer), %d non-zeros", glp_get_num_rows(prob),
               glp_get_num_cols(prob), glp_get_num_int(prob), glp_get_num_nz(prob));

    s->integral = integral_objective(prob);
    s->first_decision_column = g->model->first_decision_column;
    raise_bound(s, options->known_bound);
    if (options->start) {
        s->start_columns = cp_malloc(((size_t)glp_get_num_cols(prob) + 1) * sizeof(double));
        cp_mip_model_columns_of_plan(g->model, options->start, s->start_columns);
    }
    int code = solve_relaxation(prob, s);
    if (code == 0) {
        glp_iocp parm;
        set_parameters(&parm, options, s);
        code = glp_intopt(prob, &parm);
    }
    if ((s->stopped || s->gap_reached) && code == 0 && glp_mip_status(prob) != GLP_OPT)
        code = GLP_ESTOP;
    g->status = record_outcome(g->model, code, s, g->out);
    cp_mip_model_destroy(g->model);
    g->model = NULL;
    glp_term_hook(NULL, NULL);
}

int cp_mip_solve(const cp_candidates *candidates, const cp_mip_options *options,
                 cp_solution *out)
{
    search s = {.options = options,
                .start = cp_wall_seconds(),
                .bound = -INFINITY,
                .first_plan = INFINITY};
    *out = (cp_solution){.status = CP_STATUS_NO_SOLUTION,
                         .n_users = candidates->instance->n_users,
                         .objective = INFINITY,
                         .bound = -INFINITY,
                         .method = "exact",
                         .first_plan_seconds = INFINITY};
    guarded g = {.candidates = candidates, .options = options, .s = &s, .out = out};
    if (!cp_mip_guard(solve_model, &g)) {
        /* GLPK's objects went with its environment; ours are freed here */
        if (g.model)
            g.model->prob = NULL;
        cp_mip_model_destroy(g.model);
        free(s.start_columns);
        cp_solution_free(out);
        out->status = CP_STATUS_NO_SOLUTION;
        cp_warning("GLPK failed with an internal error; branch-and-cut abandoned");
        return CP_ERR_INTERNAL;
    }
    free(s.start_columns);
    out->seconds = cp_wall_seconds() - s.start;
    if (out->service_of_user)
        out->first_plan_seconds = fmin(s.first_plan, out->seconds);
    if (g.status == CP_OK)
        cp_progress_line("exact", out->seconds, out->objective, out->bound);
    return g.status;
}
