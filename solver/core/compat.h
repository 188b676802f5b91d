/* Compatibility of a person with a service: the filters of the model, in their stated order.
 * The one definition used by candidate generation, the checker and infeasibility reports. */
#ifndef CAREPOOL_CORE_COMPAT_H
#define CAREPOOL_CORE_COMPAT_H

#include "core/instance.h"

typedef enum cp_filter {
    CP_FILTER_NONE = 0, /* compatible */
    CP_FILTER_TYPE,
    CP_FILTER_INTENSITY,
    CP_FILTER_AGE,
    CP_FILTER_GENDER,
    CP_FILTER_NEEDS,
    CP_FILTER_RATING,
    CP_FILTER_DISTANCE,
    CP_FILTER_OWNER,
    CP_FILTER_QUOTES_ONLY,
    CP_FILTER_COUNT
} cp_filter;

/* The first filter that removes service from user's choices under config, or
 * CP_FILTER_NONE. Ignores locking (a locked person's current service is always allowed). */
cp_filter cp_compat_check(const cp_instance *instance, const cp_config *config, int user,
                          int service);

/* Short name of a filter for messages, e.g. "max_distance_km". */
const char *cp_filter_name(cp_filter filter);

/* Great-circle distance in km (haversine, Earth radius 6371.0 km). */
double cp_distance_km(double lat1, double lon1, double lat2, double lon2);

/* Position of type in user's types list (0 = most preferred), or -1. */
int cp_type_rank(const cp_user *user, int type);

#endif
