/* A sweep's journal, OUT/journal.tsv: which scenarios have finished, appended, flushed and
 * synced as each one finishes, so that a sweep killed at any moment resumes without losing or
 * repeating a scenario. Its first line names the plan it belongs to. */
#ifndef CAREPOOL_SWEEP_JOURNAL_H
#define CAREPOOL_SWEEP_JOURNAL_H

#include <stdbool.h>
#include <stdint.h>

#include "util/errors.h"

typedef struct cp_sweep_journal cp_sweep_journal;

/* Opens (or creates) the journal at path for the plan with this fingerprint. A journal of
 * another plan is refused (CP_ERR_INPUT, saying to use --restart) unless restart, which
 * empties it; so does restart for the same plan. A last line cut short by a kill is dropped.
 * Returns CP_OK and *out (close with cp_sweep_journal_close), or an error status with a
 * message in errors. */
int cp_sweep_journal_open(const char *path, uint64_t fingerprint, bool restart,
                          cp_sweep_journal **out, cp_errors *errors);

/* Whether scenario id finished in this or an earlier run; its exit status in *exit_status. */
bool cp_sweep_journal_done(const cp_sweep_journal *journal, const char *id, int *exit_status);

/* The ids recorded when the journal was opened, before any restart emptied it: restart's
 * caller removes their results. */
int cp_sweep_journal_count_discarded(const cp_sweep_journal *journal);
const char *cp_sweep_journal_discarded(const cp_sweep_journal *journal, int i);

/* Records that scenario id finished with exit_status: appended, flushed and synced before it
 * returns. Returns CP_OK, or CP_ERR_INTERNAL with a message in errors. */
int cp_sweep_journal_record(cp_sweep_journal *journal, const char *id, int exit_status,
                            cp_errors *errors);

/* Accepts NULL. */
void cp_sweep_journal_close(cp_sweep_journal *journal);

#endif
