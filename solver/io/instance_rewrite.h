/* A loaded instance as the rows of an instance directory (io/instance_rows.h), so that
 * io/instance_writer.h writes it back: `carepool transform` writes a transformed instance
 * this way. Reading the files written gives the same instance: the same records in the same
 * order, every number exact, the same names interned in the same order, the settings and
 * each person's own limits and spot costs as they were (empty where the setting applies). */
#ifndef CAREPOOL_IO_INSTANCE_REWRITE_H
#define CAREPOOL_IO_INSTANCE_REWRITE_H

#include "core/instance.h"
#include "io/instance_rows.h"

/* The rows of instance: authorities, services, users and settings (every key, its value
 * written out), quotes and tiers when there are any, configurations.csv when the instance
 * has configurations besides standalone and pooled. The caller frees the rows with
 * cp_instance_rows_destroy. */
cp_instance_rows *cp_instance_rows_of(const cp_instance *instance);

#endif
