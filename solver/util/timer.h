/* Wall-clock time for limits and progress lines. */
#ifndef CAREPOOL_UTIL_TIMER_H
#define CAREPOOL_UTIL_TIMER_H

/* Seconds from an arbitrary fixed point (monotonic clock). */
double cp_wall_seconds(void);

#endif
