/* Status codes shared by every module; they are also carepool's exit statuses. */
#ifndef CAREPOOL_UTIL_STATUS_H
#define CAREPOOL_UTIL_STATUS_H

enum cp_status_code {
    CP_OK = 0,
    CP_ERR_INTERNAL = 1,   /* a bug or a system failure (cannot write output, ...) */
    CP_ERR_INPUT = 2,      /* bad input or usage */
    CP_ERR_INFEASIBLE = 3, /* the instance has no feasible plan */
    CP_ERR_NO_PLAN = 4     /* no plan found within the limits */
};

#endif
