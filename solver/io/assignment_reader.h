/* Reading a plan back from an assignments CSV (as the report writer writes it, or made by
 * hand) for `carepool check`: columns person and service are used, any others ignored. */
#ifndef CAREPOOL_IO_ASSIGNMENT_READER_H
#define CAREPOOL_IO_ASSIGNMENT_READER_H

#include "core/instance.h"
#include "util/errors.h"

/* Reads path (named as given in messages) into *service_of_user: n_users entries, the service
 * index of each person of instance or CP_NONE where the service cell is empty (unplaced).
 * Cells are trimmed of spaces and tabs. Every person must appear exactly once. Returns CP_OK,
 * or CP_ERR_INPUT with every problem added to errors ("FILE:LINE: column 'service': unknown
 * service (value 's9')", "FILE: person 'u5' does not appear") and *service_of_user NULL. The
 * caller frees *service_of_user. */
int cp_assignment_read(const char *path, const cp_instance *instance, int **service_of_user,
                       cp_errors *errors);

#endif
