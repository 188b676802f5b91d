/* Writing the placement integer program as free MPS or CPLEX LP, for other solvers. */
#ifndef CAREPOOL_MIP_EXPORT_H
#define CAREPOOL_MIP_EXPORT_H

#include "core/candidates.h"

typedef enum cp_mip_format { CP_MIP_FORMAT_MPS, CP_MIP_FORMAT_LP } cp_mip_format;

/* Writes the strong formulation with readable names to path (via a temporary file and a
 * rename, so path is either complete or untouched). Returns CP_OK or CP_ERR_INTERNAL. */
int cp_mip_export(const cp_candidates *candidates, cp_mip_format format, const char *path);

#endif
