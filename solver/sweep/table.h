/* The sweep's results tables, made from each finished scenario's results directory (its
 * summary.json, assignments.csv and authorities.csv), never from a solver's internals:
 * OUT/sweep.csv, one row per finished scenario (its plan row, then its outcome), and
 * OUT/sweep_authorities.csv, the long file of per-council rows. */
#ifndef CAREPOOL_SWEEP_TABLE_H
#define CAREPOOL_SWEEP_TABLE_H

#include "sweep/journal.h"
#include "sweep/plan.h"
#include "util/errors.h"

/* The outcome columns of sweep.csv, after the plan's own columns. */
extern const char *const cp_sweep_outcome_columns[];

/* Writes both tables under out for the scenarios of plan that journal records as finished,
 * in plan order, atomically (both or neither). Returns CP_OK, or an error status with the
 * problem in errors. */
int cp_sweep_write_tables(const cp_sweep_plan *plan, const cp_sweep_journal *journal,
                          const char *out, cp_errors *errors);

#endif
