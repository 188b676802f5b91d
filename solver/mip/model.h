/* The integer program of the placement model, built in bulk into a GLPK problem from the
 * candidate pairs. The only place, with mip/solve.c and mip/export.c, that knows GLPK. */
#ifndef CAREPOOL_MIP_MODEL_H
#define CAREPOOL_MIP_MODEL_H

#include <glpk.h>
#include <stdbool.h>

#include "core/candidates.h"

typedef enum cp_formulation {
    /* x[k,s] <= open[s] for every pair at a candidate service and x[k,s] <= contract[p,r]
     * for every pair: the LP relaxation then prices fixed and contract costs per pair. */
    CP_FORMULATION_STRONG,
    /* big-M only: capacity x open[s], and one aggregated row per contract (for comparison) */
    CP_FORMULATION_WEAK
} cp_formulation;

typedef struct cp_mip_model {
    glp_prob *prob;
    const cp_candidates *candidates;
    int first_pair_column;     /* pair p is column first_pair_column + p */
    int first_decision_column; /* columns from here on: unplaced, open, tiers, contracts */
} cp_mip_model;

/* Builds the problem. With names, rows and columns get readable names (for exports).
 * Never fails (out of memory is fatal). Free with cp_mip_model_destroy. */
cp_mip_model *cp_mip_model_build(const cp_candidates *candidates, cp_formulation formulation,
                                 bool names);

/* Service of every user (CP_NONE unplaced) from column values col_value[1..n_cols], read as
 * 0/1 with threshold 0.5. out has n_users entries. */
void cp_mip_model_plan(const cp_mip_model *model, const double *col_value, int *out);

/* Accepts NULL. */
void cp_mip_model_destroy(cp_mip_model *model);

#endif
