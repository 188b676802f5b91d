/* Importing a generalized assignment problem (OR-Library format) as a carepool instance. */
#ifndef CAREPOOL_IO_GAP_IMPORT_H
#define CAREPOOL_IO_GAP_IMPORT_H

#include "io/instance_rows.h"
#include "util/errors.h"

/* Reads the GAP file at path (whitespace separated, lines may wrap: m n; m rows of n costs;
 * m rows of n resources; m capacities) and writes the equivalent instance into out_dir:
 * one authority `gap`, one service per agent (a1..am, capacity b_i), one user per job
 * (j1..jn), a quote for every (job, agent) pair with weekly_cost c_ij and places a_ij, and
 * settings quotes_only = true, spot_cost = none. Solving it is exactly the GAP (minimise).
 *
 * The files are written atomically by io/instance_writer.h, so a failure leaves nothing
 * behind. out_dir may exist only as an empty directory; missing parents are created. Returns CP_OK;
 * CP_ERR_INPUT with every problem of the file added to errors, each as "PATH:LINE: token K (what it
 * is): problem (value 'X')" (not a number, negative, truncated, trailing tokens, m or n not
 * positive), or when out_dir exists and is not an empty directory; CP_ERR_INTERNAL when the output
 * cannot be written. Nothing is written unless CP_OK is returned. */
int cp_gap_import(const char *path, const char *out_dir, cp_errors *errors);

/* The instance of the GAP with m agents and n jobs (cost and resource agent-major: entry
 * i * n + j is agent i's for job j; capacity per agent), as cp_gap_import writes it. The caller
 * destroys the rows with cp_instance_rows_destroy. */
cp_instance_rows *cp_gap_rows(long m, long n, const double *cost, const double *resource,
                              const double *capacity);

#endif
