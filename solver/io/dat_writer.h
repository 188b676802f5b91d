/* Writing the MathProg data section for models/placement.mod: one configuration's candidate
 * pairs, per person, so that glpsol can solve an instance independently of solver/mip/. */
#ifndef CAREPOOL_IO_DAT_WRITER_H
#define CAREPOOL_IO_DAT_WRITER_H

#include <stdio.h>

#include "core/candidates.h"
#include "util/errors.h"

/* Longest symbol (in bytes, after unquoting) that MathProg accepts. */
#define CP_DAT_MAX_SYMBOL 100

/* Writes the data section for candidates (its instance and configuration) to out. Every id
 * (users, services, pools, providers, groups) is checked before anything is written.
 * Returns CP_OK; CP_ERR_INPUT when an id cannot be a MathProg symbol (longer than
 * CP_DAT_MAX_SYMBOL bytes, or holding a control character), each such id added to errors and
 * nothing written; CP_ERR_INTERNAL when writing or flushing out fails (added to errors).
 * The caller opens and closes out. */
int cp_dat_write(FILE *out, const cp_candidates *candidates, cp_errors *errors);

#endif
