/* Writing an instance directory in the carepool input format from its rows in memory (see
 * io/instance_rows.h): the one writer of instance files, used by `carepool generate` and
 * `carepool import`. */
#ifndef CAREPOOL_IO_INSTANCE_WRITER_H
#define CAREPOOL_IO_INSTANCE_WRITER_H

#include "io/instance_rows.h"
#include "util/errors.h"

/* Writes each file whose columns rows names into dir: the header line exactly as given,
 * then one line per record with each named column's cell; text is quoted as CSV needs (see
 * io/escape.h), numbers are written exactly (lat and lon with the rows' coordinate
 * decimals). dir and its missing parents are created. The files are written under temporary
 * names and renamed into place only when all are complete (io/output_dir.h); then any other
 * instance file left in dir by an earlier instance is removed, so dir holds exactly this
 * instance. Returns CP_OK, or CP_ERR_INTERNAL with a message added to errors (a column no file
 * has, before anything is written; or a file that cannot be written): then no temporary is
 * left and a dir created here is removed again. */
int cp_instance_write(const cp_instance_rows *rows, const char *dir, cp_errors *errors);

/* The file name of an instance file ("services.csv"). */
const char *cp_instance_file_name(enum cp_instance_file file);

#endif
