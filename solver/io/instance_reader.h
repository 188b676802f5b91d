/* Loading and checking an instance directory (the input contract) into the data model. */
#ifndef CAREPOOL_IO_INSTANCE_READER_H
#define CAREPOOL_IO_INSTANCE_READER_H

#include "core/instance.h"
#include "util/errors.h"

/* Reads every file of directory and checks it completely. Returns CP_OK with *out, or
 * CP_ERR_INPUT with every problem found added to errors (formatted
 * "FILE:LINE: column 'NAME': problem (value 'X')") and *out NULL. Warnings (unknown columns)
 * go to the log. The caller destroys *out with cp_instance_destroy. */
int cp_instance_load(const char *directory, cp_instance **out, cp_errors *errors);

#endif
