/* The compatibility filters of the model, applied to one (person, service) pair in the order
 * the model states them. Candidate generation, the checker and infeasibility reports all ask
 * here, so there is one definition of "compatible". */
#include "core/compat.h"

#include "core/rules.h"

#include <math.h>

static const double earth_radius_km = 6371.0;

double cp_distance_km(double lat1, double lon1, double lat2, double lon2)
{
    const double rad = 3.14159265358979323846 / 180.0;
    double dlat = (lat2 - lat1) * rad, dlon = (lon2 - lon1) * rad;
    double a = sin(dlat / 2) * sin(dlat / 2) +
               cos(lat1 * rad) * cos(lat2 * rad) * sin(dlon / 2) * sin(dlon / 2);
    return 2 * earth_radius_km * asin(fmin(1.0, sqrt(a)));
}

int cp_type_rank(const cp_user *user, int type)
{
    for (int i = 0; i < user->n_types; i++)
        if (user->types[i] == type)
            return i;
    return -1;
}

static bool rating_ok(const cp_settings *settings, cp_rating rating)
{
    if (rating == CP_RATING_UNRATED)
        return !settings->exclude_unrated;
    return rating >= settings->min_rating;
}

static bool age_ok(const cp_user *user, const cp_service *service)
{
    if (service->min_age == CP_AGE_ANY && service->max_age == CP_AGE_ANY)
        return true;
    if (user->age == CP_AGE_ANY)
        return false; /* an unknown age cannot be shown to fit a restricted service */
    return (service->min_age == CP_AGE_ANY || user->age >= service->min_age) &&
           (service->max_age == CP_AGE_ANY || user->age <= service->max_age);
}

static bool gender_ok(const cp_user *user, const cp_service *service)
{
    if (service->any_gender)
        return true;
    return user->gender != CP_NONE && cp_idlist_contains(&service->genders, user->gender);
}

cp_filter cp_compat_check(const cp_instance *instance, const cp_config *config, int user,
                          int service)
{
    const cp_user *u = &instance->users[user];
    const cp_service *s = &instance->services[service];
    const cp_settings *settings = &instance->settings;

    if (cp_type_rank(u, s->type) < 0)
        return CP_FILTER_TYPE;
    if (u->intensity > s->max_intensity)
        return CP_FILTER_INTENSITY;
    if (!age_ok(u, s))
        return CP_FILTER_AGE;
    if (!gender_ok(u, s))
        return CP_FILTER_GENDER;
    if (!cp_idlist_subset(&u->needs, &s->specialisms))
        return CP_FILTER_NEEDS;
    if (!rating_ok(settings, s->rating))
        return CP_FILTER_RATING;
    if (isfinite(u->max_distance_km) &&
        cp_distance_km(u->lat, u->lon, s->lat, s->lon) > u->max_distance_km)
        return CP_FILTER_DISTANCE;
    if (cp_rules_owner_closes(instance, config, service, config->pool_of_authority[u->authority]))
        return CP_FILTER_OWNER;
    if (settings->quotes_only && !cp_instance_quote(instance, user, service))
        return CP_FILTER_QUOTES_ONLY;
    return CP_FILTER_NONE;
}

const char *cp_filter_name(cp_filter filter)
{
    static const char *const names[CP_FILTER_COUNT] = {
        [CP_FILTER_NONE] = "none",
        [CP_FILTER_TYPE] = "types",
        [CP_FILTER_INTENSITY] = "max_intensity",
        [CP_FILTER_AGE] = "age",
        [CP_FILTER_GENDER] = "genders",
        [CP_FILTER_NEEDS] = "specialisms",
        [CP_FILTER_RATING] = "min_rating",
        [CP_FILTER_DISTANCE] = "max_distance_km",
        [CP_FILTER_OWNER] = "owner",
        [CP_FILTER_QUOTES_ONLY] = "quotes_only",
    };
    return names[filter];
}
