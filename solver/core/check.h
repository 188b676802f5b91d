/* The independent checker: from the instance, a configuration and a plan alone, it decides
 * feasibility and recomputes every objective term. Every plan is checked before it is
 * reported, whatever produced it; reports are written from its results. */
#ifndef CAREPOOL_CORE_CHECK_H
#define CAREPOOL_CORE_CHECK_H

#include <stdbool.h>

#include "core/instance.h"
#include "util/errors.h"

/* Weekly GBP. objective = placement - discount + distance + preference + moves + spot +
 * fixed + contracts. */
typedef struct cp_terms {
    double placement;  /* placement prices before discounts */
    double discount;   /* volume discounts earned (subtracted) */
    double distance;   /* distance_weight x km */
    double preference; /* preference_cost x rank */
    double moves;      /* move_cost per person moved */
    double spot;       /* spot costs of the unplaced */
    double fixed;      /* fixed costs of opened candidate services */
    double contracts;  /* contract_cost per (pool, provider) contract in use */
} cp_terms;

double cp_terms_objective(const cp_terms *terms);

typedef struct cp_check {
    cp_terms terms;
    double objective;
    cp_errors violations; /* every infeasibility found; empty for a feasible plan */

    /* per user */
    double *user_km;          /* NAN when unplaced */
    double *user_weekly_cost; /* price less its discount if placed, spot cost if unplaced */
    bool *user_moved;
    /* per service */
    double *service_used; /* places used */
    bool *service_open;   /* existing and used, or candidate and used */
    int n_contracts;      /* (pool, provider) pairs with a placement */
    int n_opened;         /* candidate services opened */
} cp_check;

/* Checks service_of_user (n_users entries, CP_NONE = unplaced) under config. Always fills
 * *out (free with cp_check_destroy); returns the number of violations (0: feasible). */
int cp_check_plan(const cp_instance *instance, const cp_config *config,
                  const int *service_of_user, cp_check **out);

/* Accepts NULL. */
void cp_check_destroy(cp_check *check);

#endif
