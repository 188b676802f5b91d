/* Price and side costs of one placement, before pool volume discounts. */
#include "core/pricing.h"

#include "core/compat.h"

#include <math.h>

cp_pair_terms cp_pair_terms_of(const cp_instance *instance, int user, int service)
{
    const cp_user *u = &instance->users[user];
    const cp_service *s = &instance->services[service];
    const cp_settings *settings = &instance->settings;
    const cp_quote *quote = cp_instance_quote(instance, user, service);

    cp_pair_terms t;
    t.places = quote && !isnan(quote->places) ? quote->places : u->places;
    t.price = quote ? quote->weekly_cost : s->weekly_price * t.places;
    t.km = cp_distance_km(u->lat, u->lon, s->lat, s->lon);
    t.distance = settings->distance_weight * t.km;
    int rank = cp_type_rank(u, s->type);
    t.preference = rank > 0 ? settings->preference_cost * rank : 0;
    t.move = u->current_service != CP_NONE && u->current_service != service ? settings->move_cost
                                                                              : 0;
    return t;
}

double cp_unplaced_cost(const cp_instance *instance, int user)
{
    const cp_user *u = &instance->users[user];
    double move = u->current_service != CP_NONE ? instance->settings.move_cost : 0;
    return u->spot_cost + move;
}
