/* The terms of the adults' present placements: who may not be moved (court orders in
 * forensic services, settled supported-living tenancies) and the individually negotiated
 * fees of intense needs in specialist services. */
#include "gen/adults.h"

/* Chances that a present placement is locked: a forensic one (a court order) and a
 * low- or moderate-need adult's supported-living tenancy (a settled home). */
static const double court_order = 0.4, settled_tenancy = 0.1;

/* A fee is capped per place below the emergency spot price. */
static const double fee_cap = 8000;

static void lock(cp_gen_person *adult, const cp_gen_service *service, cp_rng *rng)
{
    if (service->rating == CP_GEN_INADEQUATE)
        return;
    int forensic = adult->category == P_FORENSIC;
    int settled = (adult->category == P_LOW || adult->category == P_MODERATE) && !adult->group &&
                  service->type == A_SUPPORTED_LIVING;
    if ((forensic && cp_rng_chance(rng, court_order)) ||
        (settled && cp_rng_chance(rng, settled_tenancy))) {
        adult->locked = 1;
        adult->spot_cost = -1;
    }
}

/* Everyone of intensity 4 or 5 in an intensity-5 service pays an individual fee, agreed
 * when they moved in and uplifted since by less than new placements' prices: the list price
 * times 0.9-1.05 outside the members or 0.85-1.0 inside, capped, times the places. */
static void quote(cp_gen_draft *draft, size_t p, const cp_gen_service *service, cp_rng *rng)
{
    const cp_gen_person *adult = &draft->people[p];
    if (adult->intensity < 4 || service->max_intensity < 5 || service->type == A_COMMUNITY)
        return;
    int inside = draft->world->authorities[service->authority].member;
    double factor = inside ? cp_rng_range(rng, 0.85, 1.0) : cp_rng_range(rng, 0.9, 1.05);
    double fee = service->price * factor;
    fee = fee > fee_cap ? fee_cap : fee;
    cp_gen_add_quote(draft, p, adult->current, cp_gen_round5(fee * adult->places),
                     adult->places > 1 ? adult->places : 0);
}

void cp_gen_adults_locks_and_quotes(cp_gen_draft *draft, uint64_t seed)
{
    cp_rng rng;
    cp_rng_seed(&rng, seed, cp_rng_stream_of("adults' locks and fees"));
    for (size_t p = 0; p < draft->n_people; p++) {
        cp_gen_person *adult = &draft->people[p];
        if (adult->current == CP_GEN_NONE)
            continue;
        const cp_gen_service *service = &draft->services[adult->current];
        if (service->type != A_COMMUNITY)
            lock(adult, service, &rng);
        quote(draft, p, service, &rng);
    }
}
