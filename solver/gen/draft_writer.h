/* A generated draft as the rows of an instance directory, and writing them. */
#ifndef CAREPOOL_GEN_DRAFT_WRITER_H
#define CAREPOOL_GEN_DRAFT_WRITER_H

#include "gen/draft.h"
#include "io/instance_rows.h"
#include "util/errors.h"

/* The rows of draft: authorities.csv (the members, then every other authority that hosts a
 * service), services.csv, users.csv, quotes.csv, tiers.csv, settings.csv and
 * configurations.csv, all of them with every column (a header only when empty), coordinates
 * with 4 decimals. The caller destroys them with cp_instance_rows_destroy. */
cp_instance_rows *cp_gen_draft_rows(const cp_gen_draft *draft);

/* Writes the rows of draft into dir, atomically (see io/instance_writer.h). Returns CP_OK, or
 * an error status with the message in errors. */
int cp_gen_draft_write(const cp_gen_draft *draft, const char *dir, cp_errors *errors);

/* The number of authorities written: members and hosts of services. */
size_t cp_gen_draft_listed_authorities(const cp_gen_draft *draft);

#endif
