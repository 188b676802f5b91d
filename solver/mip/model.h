/* The integer program of the placement model, built in bulk into a GLPK problem from the
 * candidate pairs. The only place, with mip/solve.c and mip/export.c, that knows GLPK. */
#ifndef CAREPOOL_MIP_MODEL_H
#define CAREPOOL_MIP_MODEL_H

#include <glpk.h>
#include <stdbool.h>

#include "core/candidates.h"
#include "mip/solve.h"

/* What a column stands for, so that a plan can be turned into column values. */
typedef enum cp_column_role {
    CP_COLUMN_PAIR,       /* x: index is the pair */
    CP_COLUMN_UNPLACED,   /* y: index is the unit */
    CP_COLUMN_OPEN,       /* index is the candidate service */
    CP_COLUMN_TIER,       /* w: tier reached; index is the relation */
    CP_COLUMN_DISCOUNTED, /* v: spend discounted at the tier; index is the relation */
    CP_COLUMN_CONTRACT,   /* index is the relation */
    CP_COLUMN_PLACED      /* placed places of a pool (market share); index is the pool */
} cp_column_role;

typedef struct cp_column {
    cp_column_role role;
    int index;
    int tier; /* CP_COLUMN_TIER and CP_COLUMN_DISCOUNTED: the tier's index */
} cp_column;

typedef struct cp_mip_model {
    glp_prob *prob;
    const cp_candidates *candidates;
    int first_pair_column;     /* pair p is column first_pair_column + p */
    int first_decision_column; /* columns from here on: unplaced, open, tiers, contracts */
    cp_column *columns;        /* columns[1..n_cols] */
    int *relation_of_pair;     /* a relation is a (pool, provider) with candidate pairs */
    int *relation_provider;
    int n_relations;
} cp_mip_model;

/* Builds the problem. With names, rows and columns get readable names (for exports).
 * Never fails (out of memory is fatal). Free with cp_mip_model_destroy. */
cp_mip_model *cp_mip_model_build(const cp_candidates *candidates, cp_formulation formulation,
                                 bool names);

/* Service of every user (CP_NONE unplaced) from column values col_value[1..n_cols], read as
 * 0/1 with threshold 0.5. out has n_users entries. */
void cp_mip_model_plan(const cp_mip_model *model, const double *col_value, int *out);

/* Column values col_value[1..n_cols] of the plan service_of_user (CP_NONE unplaced; each
 * unit's members share one service, which must be one of its candidates): pairs, unplaced,
 * opened services, the highest tier reached and its discounted spend, contracts in use and
 * pools' placed places. For a feasible plan these satisfy every row (warm starts). */
void cp_mip_model_columns_of_plan(const cp_mip_model *model, const int *service_of_user,
                                  double *col_value);

/* Accepts NULL. */
void cp_mip_model_destroy(cp_mip_model *model);

#endif
