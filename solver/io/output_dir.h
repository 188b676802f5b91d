/* Atomic output: result files are written under temporary names in the output directory and
 * renamed into place only when all of them are complete, so nothing partial ever appears
 * under a final name. */
#ifndef CAREPOOL_IO_OUTPUT_DIR_H
#define CAREPOOL_IO_OUTPUT_DIR_H

#include <stdio.h>

#include "util/errors.h"

typedef struct cp_output cp_output;

/* Creates dir (and missing parents) when absent. Returns the output, or NULL with a message
 * added to errors. errors must outlive the output: later failures are added to it too. The
 * output is freed by cp_output_commit or cp_output_abort. */
cp_output *cp_output_open(const char *dir, cp_errors *errors);

/* Opens the temporary file dir/.NAME.tmp.PID for the file that will become dir/NAME and returns
 * its stream (owned by the output: do not close it). Asking again for the same name returns
 * the same stream. Returns NULL with a message added to errors when it cannot be created. */
FILE *cp_output_file(cp_output *output, const char *name);

/* Flushes, syncs and closes every file, then renames each into place. Returns CP_OK, or
 * CP_ERR_INTERNAL with a message added to errors; then the temporaries not yet renamed are
 * removed. Frees the output either way. */
int cp_output_commit(cp_output *output);

/* Closes and removes every temporary file; nothing is renamed. Frees the output. Accepts
 * NULL. */
void cp_output_abort(cp_output *output);

#endif
