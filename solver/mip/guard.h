/* GLPK ends the process on an internal error (for example a failed assertion on an
 * ill-conditioned basis). The guard turns such an error into a return value so that a solve
 * can fall back on the plan it already has. */
#ifndef CAREPOOL_MIP_GUARD_H
#define CAREPOOL_MIP_GUARD_H

#include <stdbool.h>

/* Runs work(context). Returns true when it returned; false when GLPK raised a fatal error
 * inside it, in which case GLPK's whole environment of this thread has been freed (as GLPK's
 * manual requires): every problem object made before is gone and must not be touched, and
 * GLPK may be used afresh. Guards do not nest. */
bool cp_mip_guard(void (*work)(void *context), void *context);

#endif
