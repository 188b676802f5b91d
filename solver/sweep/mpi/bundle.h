/* A results directory as one buffer, for sending a worker rank's results to rank 0: each
 * file's name, size and bytes. Only the files a solve commits are carried (not hidden
 * temporaries) and only a flat directory, which is what a solve writes. */
#ifndef CAREPOOL_SWEEP_MPI_BUNDLE_H
#define CAREPOOL_SWEEP_MPI_BUNDLE_H

#include <stddef.h>

#include "util/errors.h"

/* Reads every regular file of directory into *bytes (caller frees) of *length bytes. Returns
 * CP_OK, or CP_ERR_INTERNAL with the problem in errors. */
int cp_bundle_pack(const char *directory, char **bytes, size_t *length, cp_errors *errors);

/* Writes the files of a bundle into directory atomically (all renamed into place, or none).
 * Returns CP_OK, or CP_ERR_INTERNAL with the problem in errors (also for a malformed bundle). */
int cp_bundle_unpack(const char *bytes, size_t length, const char *directory, cp_errors *errors);

#endif
