/* Reading an --uplift: a percentage for every price, or a CSV file of per-provider uplifts
 * (`provider,uplift_pct`), into core/scenario.h's cp_uplift. */
#ifndef CAREPOOL_IO_UPLIFT_READER_H
#define CAREPOOL_IO_UPLIFT_READER_H

#include "core/scenario.h"
#include "util/errors.h"

/* spec is a percentage ("+2%", as cp_percent_parse reads it, above -100%) or the path of a
 * CSV file with columns `provider` and `uplift_pct` (a number above -100; one row per
 * provider, no provider twice; other columns are ignored with a warning as in an instance).
 * Returns CP_OK with *out (free with cp_uplift_free), or CP_ERR_INPUT with every problem added
 * to errors ("FILE:LINE: column 'uplift_pct': must be > -100 (value '-150')") and *out empty.
 * Whether the providers exist is checked by cp_scenario_uplift. */
int cp_uplift_load(const char *spec, cp_uplift *out, cp_errors *errors);

#endif
