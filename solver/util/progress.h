/* Gap arithmetic and the one progress row of long runs: time, incumbent, bound, gap. */
#ifndef CAREPOOL_UTIL_PROGRESS_H
#define CAREPOOL_UTIL_PROGRESS_H

/* Relative gap between objective and bound: |objective - bound| / max(|objective|, 1e-9);
 * 0 when they meet, INFINITY when either is unknown (not finite). */
double cp_relative_gap(double objective, double bound);

/* Prints to stderr e.g. "   12.3s  incumbent 412345.67  bound 410002.10  gap 0.57%". A non-finite
 * incumbent or bound prints as "-". Silent when the log is quiet. */
void cp_progress_line(const char *phase, double seconds, double incumbent, double bound);

#endif
