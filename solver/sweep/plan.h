/* A sweep's plan: PLAN.csv, one scenario a row. `id` and `instance` (a directory, relative to
 * PLAN.csv) are required; every other column is an option of `carepool solve` (see
 * cp_sweep_plan_flag), whose empty cells take solve's default. */
#ifndef CAREPOOL_SWEEP_PLAN_H
#define CAREPOOL_SWEEP_PLAN_H

#include <stdbool.h>
#include <stdint.h>

#include "util/errors.h"

/* One option of a scenario's solve, e.g. {"--time-limit", "30"} or {"--set",
 * "distance_weight=2"}; the strings are owned by the plan. */
typedef struct cp_sweep_option {
    const char *flag;
    char *value;
    const char *column; /* the plan's column it came from, for messages */
} cp_sweep_option;

typedef struct cp_sweep_scenario {
    char *id;
    char *instance; /* the instance directory, resolved against PLAN.csv's directory */
    long line;      /* PLAN.csv's line, for messages */
    int n_options;
    cp_sweep_option *options;
    double size; /* for the order of work: larger first (people; set by the caller) */
    bool usable; /* its instance directory exists */
} cp_sweep_scenario;

typedef struct cp_sweep_plan {
    char *path;           /* as given */
    char *name;           /* as shown in messages: the file's name */
    uint64_t fingerprint; /* of the file's bytes: a changed plan is a different sweep */
    int n_columns;
    char **columns; /* the header, for the results' input columns */
    int n_scenarios;
    cp_sweep_scenario *scenarios;
    char ***cells; /* per scenario, its n_columns cells as read */
} cp_sweep_plan;

/* Reads path. Returns CP_OK and *out (free with cp_sweep_plan_destroy), with a problem of a row
 * as "PLAN.csv:LINE: column 'X': problem" in errors (a missing id or instance, an id repeated
 * or unusable as a directory name, an instance directory that does not exist: the scenario is
 * then not usable), so that the caller can check the other rows too; or CP_ERR_INPUT and
 * *out NULL when the file cannot be read, a column is unknown or a required one missing, or
 * it has no rows. Option values are checked by the caller, who knows solve's options. */
int cp_sweep_plan_read(const char *path, cp_sweep_plan **out, cp_errors *errors);

/* The solve option a plan column sets ("--config" for `config`, "--set" for `set:KEY`), or
 * NULL for a column that is not an option. */
const char *cp_sweep_plan_flag(const char *column);

/* Accepts NULL. */
void cp_sweep_plan_destroy(cp_sweep_plan *plan);

#endif
