/* Writing a generated draft as an instance directory in the carepool input format. */
#ifndef CAREPOOL_GEN_DRAFT_WRITER_H
#define CAREPOOL_GEN_DRAFT_WRITER_H

#include "gen/draft.h"
#include "util/errors.h"

/* Writes authorities.csv (the members, then every other authority that hosts a service),
 * services.csv, users.csv, quotes.csv, tiers.csv, settings.csv and configurations.csv (all
 * of them, with a header only when empty), row by row, into dir, atomically (see
 * io/output_dir.h). Returns CP_OK, or an error status with the message in errors. */
int cp_gen_draft_write(const cp_gen_draft *draft, const char *dir, cp_errors *errors);

/* The number of authorities written: members and hosts of services. */
size_t cp_gen_draft_listed_authorities(const cp_gen_draft *draft);

#endif
