/* Facility-location-style instances, for measuring formulations: four authorities around one
 * region, a little existing capacity, and many candidate services (fixed cost, minimum
 * occupancy, owner) that must be opened to place most people; distance and preference terms
 * in the objective, and a spot cost so that every instance is feasible. Profiles:
 *   small  candidate schemes of 6-12 places, fixed cost 2000-5000, min_occupancy 3-5,
 *          max_distance_km 70;
 *   large  20-40 places, fixed cost 20000-40000, min_occupancy 5-10, max_distance_km 70:
 *          capacity-bound, the opened schemes run nearly full;
 *   local  as large but max_distance_km 25: coverage-bound, schemes are opened to serve an
 *          area and run far from full (where capacity-only linking is weakest).
 * The stream is Park and Miller's minimal standard, x <- 16807 x mod (2^31 - 1), from
 * (7919 seed) mod (2^31 - 2) + 1; u = x / (2^31 - 1), and an integer in [lo, hi] is
 * lo + floor(u (hi - lo + 1)). Every draw is in the order of the statements below. These
 * are the numbers the awk generator bench/make_facility_instance.sh wrote, which this
 * replaces (tests/data/gen-bench holds some). */
#include "gen/bench.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "util/status.h"

#define MODULUS 2147483647.0 /* 2^31 - 1 */

typedef struct profile {
    const char *name;
    long capacity_lo, capacity_hi, fixed_lo, fixed_hi, occupancy_lo, occupancy_hi;
    const char *max_distance_km;
} profile;

static const profile profiles[] = {
    {"small", 6, 12, 2000, 5000, 3, 5, "70"},
    {"large", 20, 40, 20000, 40000, 5, 10, "70"},
    {"local", 20, 40, 20000, 40000, 5, 10, "25"},
};

static const double authority_lat[4] = {52.35, 52.00, 51.65, 52.00};
static const double authority_lon[4] = {-1.50, -0.95, -1.50, -2.05};
static const char *const types[2] = {"residential", "supported_living"};

typedef struct context {
    uint64_t state;
    cp_instance_rows *rows;
} context;

static double uniform(context *c)
{
    c->state = c->state * 16807 % (uint64_t)MODULUS;
    return (double)c->state / MODULUS;
}

static long between(context *c, long lo, long hi)
{
    return lo + (long)(uniform(c) * (double)(hi - lo + 1));
}

/* A point near authority a (0-based). */
static void near(context *c, int a, double *lat, double *lon)
{
    *lat = authority_lat[a] + (uniform(c) - 0.5) * 0.5;
    *lon = authority_lon[a] + (uniform(c) - 0.5) * 0.8;
}

static const char *pick_rating(context *c)
{
    double r = uniform(c);
    return r < 0.15 ? "outstanding" : r < 0.75 ? "good" : "requires_improvement";
}

/* Adds one service; row holds what the caller drew (authority, capacity, price, intensity
 * and, for candidates, fixed cost, min_occupancy and owner); a is its authority. */
static void add_service(context *c, cp_service_row row, int a)
{
    char provider[32];
    snprintf(provider, sizeof provider, "prov%ld", between(c, 1, 8));
    row.provider = provider;
    near(c, a, &row.lat, &row.lon);
    row.type = types[between(c, 1, 2) - 1];
    row.rating = pick_rating(c);
    row.specialisms = uniform(c) < 0.45 ? "autism" : NULL;
    cp_instance_rows_add_service(c->rows, row);
}

static const char *const authority_ids[4] = {"auth1", "auth2", "auth3", "auth4"};

static void add_services(context *c, const profile *p, long people, long candidates)
{
    long existing = people / 25 + 4;
    char id[32];
    for (long s = 1; s <= existing; s++) {
        cp_service_row row = cp_service_row_empty();
        int a = (int)between(c, 1, 4) - 1;
        snprintf(id, sizeof id, "e%ld", s);
        row.id = id;
        row.authority = authority_ids[a];
        row.capacity = (double)between(c, 3, 6);
        row.weekly_price = (double)between(c, 1100, 1700);
        row.max_intensity = (double)between(c, 3, 5);
        row.status = "existing";
        add_service(c, row, a);
    }
    for (long s = 1; s <= candidates; s++) {
        cp_service_row row = cp_service_row_empty();
        int a = (int)between(c, 1, 4) - 1;
        snprintf(id, sizeof id, "c%ld", s);
        row.id = id;
        row.authority = row.owner = authority_ids[a];
        row.capacity = (double)between(c, p->capacity_lo, p->capacity_hi);
        row.weekly_price = (double)between(c, 800, 1100);
        row.max_intensity = (double)between(c, 4, 5);
        row.status = "candidate";
        row.fixed_cost = (double)between(c, p->fixed_lo, p->fixed_hi);
        row.min_occupancy = (double)between(c, p->occupancy_lo, p->occupancy_hi);
        add_service(c, row, a);
    }
}

static void add_users(context *c, long people)
{
    char id[32];
    for (long u = 1; u <= people; u++) {
        cp_user_row row = cp_user_row_empty();
        int a = (int)between(c, 1, 4) - 1;
        snprintf(id, sizeof id, "u%ld", u);
        row.id = id;
        row.authority = authority_ids[a];
        near(c, a, &row.lat, &row.lon);
        double r = uniform(c);
        row.types = r < 0.4   ? "residential"
                    : r < 0.7 ? "supported_living"
                              : "supported_living;residential";
        row.intensity = (double)between(c, 1, 4);
        row.age = (double)between(c, 18, 85);
        row.needs = uniform(c) < 0.2 ? "autism" : NULL;
        cp_instance_rows_add_user(c->rows, row);
    }
}

static void add_authorities_and_settings(cp_instance_rows *rows, const profile *p)
{
    for (int a = 0; a < 4; a++) {
        char name[32];
        snprintf(name, sizeof name, "Authority %d", a + 1);
        cp_instance_rows_add_authority(
            rows, (cp_authority_row){authority_ids[a], name, authority_lat[a], authority_lon[a]});
    }
    cp_instance_rows_add_setting(rows, (cp_setting_row){"distance_weight", "3"});
    cp_instance_rows_add_setting(rows, (cp_setting_row){"preference_cost", "100"});
    cp_instance_rows_add_setting(rows, (cp_setting_row){"spot_cost", "3500"});
    cp_instance_rows_add_setting(rows, (cp_setting_row){"max_distance_km", p->max_distance_km});
}

int cp_gen_bench_facility(const char *profile_name, long people, long candidates, long seed,
                          cp_instance_rows **rows, cp_errors *errors)
{
    const profile *p = NULL;
    for (size_t k = 0; k < sizeof profiles / sizeof profiles[0]; k++)
        if (strcmp(profiles[k].name, profile_name) == 0)
            p = &profiles[k];
    if (!p || people < 1 || candidates < 1 || seed < 1) {
        if (!p)
            cp_errors_add(errors, "generate: no facility profile '%s' (known: small, large, local)",
                          profile_name);
        else if (seed < 1)
            cp_errors_add(errors,
                          "generate: --seed: a facility instance takes a seed from 1 "
                          "(value '%ld')",
                          seed);
        else
            cp_errors_add(errors,
                          "generate: --size: a facility instance needs PEOPLE >= 1 and "
                          "CANDIDATES >= 1 (value '%ldx%ld')",
                          people, candidates);
        return CP_ERR_INPUT;
    }
    context c = {(uint64_t)seed * 7919 % 2147483646 + 1, cp_instance_rows_create()};
    c.rows->columns[CP_FILE_AUTHORITIES] = CP_AUTHORITIES_COLUMNS;
    c.rows->columns[CP_FILE_SERVICES] =
        "id,provider,authority,lat,lon,type,capacity,weekly_price,rating,max_intensity,"
        "specialisms,status,fixed_cost,min_occupancy,owner";
    c.rows->columns[CP_FILE_USERS] = "id,authority,lat,lon,types,intensity,age,needs";
    c.rows->columns[CP_FILE_SETTINGS] = CP_SETTINGS_COLUMNS;
    c.rows->coordinate_decimals = 4;
    add_authorities_and_settings(c.rows, p);
    add_services(&c, p, people, candidates);
    add_users(&c, people);
    *rows = c.rows;
    return CP_OK;
}
