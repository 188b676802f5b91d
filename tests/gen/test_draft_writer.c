/* Tests of writing a generator draft (gen/draft_writer.h): the exact text of every file for a
 * small hand-built draft, that the instance reader accepts it, optional files with a header
 * only, overwriting an older instance, the width of ids, and a failure to write. */
#define _POSIX_C_SOURCE 200809L

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <dirent.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "files.h"
#include "gen/draft_writer.h"
#include "io/instance_reader.h"
#include "scratch.h"
#include "util/status.h"

static const char *const type_names[] = {"residential", "supported_living"};
static const char *const tag_names[] = {"autism", "sen"};

static cp_gen_world *merton_and_croydon(void)
{
    static const char *const codes[] = {"MRT", "CRY"};
    cp_errors errors = {0};
    cp_gen_world *world = cp_gen_world_create(codes, 2, &errors);
    assert_non_null(world);
    return world;
}

/* The hand-built draft: two members (Merton, Croydon); a service hosted in Sutton (not a
 * member) and a candidate in Merton owned by Croydon; a locked person with no spot purchase;
 * a group of two without a distance limit; two quotes, a tier, two settings and a
 * configuration that also names an authority that is not listed. */
static cp_gen_draft *small_draft(const cp_gen_world *world)
{
    size_t merton = cp_gen_world_find(world, "MRT"), croydon = cp_gen_world_find(world, "CRY");
    size_t sutton = cp_gen_world_find(world, "STN"), kent = cp_gen_world_find(world, "KEN");
    cp_gen_draft *draft = cp_gen_draft_create(world, type_names, 2, tag_names, 2);
    assert_int_equal(cp_gen_add_provider(draft, "acme", "Acme Care"), 0);

    cp_gen_service *s = cp_gen_add_service(draft);
    assert_true(s->owner == CP_GEN_NONE);
    assert_int_equal(s->min_age, -1);
    assert_int_equal(s->max_age, -1);
    s->provider = 0;
    s->authority = sutton;
    s->lat = 51.3621;
    s->lon = -0.1776;
    s->type = 0;
    s->capacity = 4;
    s->price = 1200.5;
    s->rating = CP_GEN_GOOD;
    s->min_age = 18;
    s->max_age = 64;
    s->genders = CP_GEN_FEMALE;
    s->max_intensity = 4;
    s->specialisms = 3;
    s->used = 1;

    s = cp_gen_add_service(draft);
    s->provider = 0;
    s->authority = merton;
    s->lat = 51.41;
    s->lon = -0.2;
    s->type = 1;
    s->capacity = 3;
    s->price = 900;
    s->rating = CP_GEN_UNRATED;
    s->max_intensity = 5;
    s->owner = croydon;
    s->candidate = 1;
    s->fixed_cost = 2500;
    s->min_occupancy = 2;

    cp_gen_person *p = cp_gen_add_person(draft);
    assert_true(p->current == CP_GEN_NONE);
    assert_int_equal(p->places, 1);
    assert_int_equal(p->age, -1);
    p->authority = merton;
    p->lat = 51.4;
    p->lon = -0.19;
    p->types[0] = 0;
    p->types[1] = 1;
    p->n_types = 2;
    p->intensity = 2;
    p->age = 30;
    p->gender = CP_GEN_FEMALE;
    p->needs = 1;
    p->max_distance_km = 25;
    p->current = 0;
    p->locked = 1;
    p->spot_cost = -1;
    for (int k = 0; k < 2; k++) {
        p = cp_gen_add_person(draft);
        p->authority = croydon;
        p->lat = 51.35;
        p->lon = -0.08;
        p->types[0] = 1;
        p->n_types = 1;
        p->intensity = 1;
        p->max_distance_km = INFINITY;
        p->group = 1;
        p->spot_cost = k == 0 ? NAN : 20000;
    }

    cp_gen_add_quote(draft, 0, 0, 1100.25, 0);
    cp_gen_add_quote(draft, 1, 1, 950, 2);
    cp_gen_add_tier(draft, 0, 10, 2.5);
    cp_gen_add_setting(draft, "spot_cost", "15000");
    cp_gen_add_setting(draft, "distance_weight", "3");
    cp_gen_config *config = cp_gen_add_config(draft, "pair");
    cp_gen_set_pool(config, croydon, "first");
    cp_gen_set_pool(config, croydon, "south");
    cp_gen_set_pool(config, sutton, "south");
    cp_gen_set_pool(config, kent, "south");
    return draft;
}

static void test_files_of_small_draft(void **state)
{
    const char *dir = *state;
    cp_gen_world *world = merton_and_croydon();
    cp_gen_draft *draft = small_draft(world);
    cp_errors errors = {0};
    assert_int_equal(cp_gen_draft_listed_authorities(draft), 3);
    assert_int_equal(cp_gen_draft_write(draft, dir, &errors), CP_OK);
    assert_false(cp_errors_any(&errors));
    assert_string_equal(file_listing(dir), "authorities.csv configurations.csv quotes.csv "
                                           "services.csv settings.csv tiers.csv users.csv");
    file_assert_text(file_path(dir, "authorities.csv"), "id,name,lat,lon\n"
                                                        "merton,Merton,51.4100,-0.1973\n"
                                                        "croydon,Croydon,51.3553,-0.0872\n"
                                                        "sutton,Sutton,51.3621,-0.1776\n");
    file_assert_text(file_path(dir, "services.csv"),
                     "id,provider,authority,lat,lon,type,capacity,weekly_price,rating,min_age,"
                     "max_age,genders,max_intensity,specialisms,owner,status,fixed_cost,"
                     "min_occupancy\n"
                     "s001,acme,sutton,51.3621,-0.1776,residential,4,1200.5,good,18,64,female,4,"
                     "autism;sen,,existing,,\n"
                     "s002,acme,merton,51.4100,-0.2000,supported_living,3,900,unrated,,,any,5,,"
                     "croydon,candidate,2500,2\n");
    file_assert_text(file_path(dir, "users.csv"),
                     "id,authority,lat,lon,types,places,intensity,age,gender,needs,max_distance_km,"
                     "current_service,locked,group,spot_cost\n"
                     "u001,merton,51.4000,-0.1900,residential;supported_living,1,2,30,female,"
                     "autism,25,s001,true,,none\n"
                     "u002,croydon,51.3500,-0.0800,supported_living,1,1,,,,,,,g001,\n"
                     "u003,croydon,51.3500,-0.0800,supported_living,1,1,,,,,,,g001,20000\n");
    file_assert_text(file_path(dir, "quotes.csv"), "user,service,weekly_cost,places\n"
                                                   "u001,s001,1100.25,\n"
                                                   "u002,s002,950,2\n");
    file_assert_text(file_path(dir, "tiers.csv"),
                     "provider,min_places,discount_pct\nacme,10,2.5\n");
    file_assert_text(file_path(dir, "settings.csv"),
                     "key,value\nspot_cost,15000\ndistance_weight,3\n");
    file_assert_text(file_path(dir, "configurations.csv"), "configuration,authority,pool\n"
                                                           "pair,merton,merton\n"
                                                           "pair,croydon,south\n"
                                                           "pair,sutton,south\n");
    cp_gen_draft_destroy(draft);
    cp_gen_world_destroy(world);
}

static void test_reader_accepts_small_draft(void **state)
{
    const char *dir = *state;
    cp_gen_world *world = merton_and_croydon();
    cp_gen_draft *draft = small_draft(world);
    cp_errors errors = {0};
    assert_int_equal(cp_gen_draft_write(draft, dir, &errors), CP_OK);
    cp_instance *instance = NULL;
    int status = cp_instance_load(dir, &instance, &errors);
    for (size_t i = 0; i < errors.count; i++)
        fprintf(stderr, "unexpected: %s\n", errors.lines[i]);
    assert_int_equal(status, CP_OK);
    assert_non_null(instance);
    assert_int_equal(instance->n_authorities, 3);
    assert_int_equal(instance->n_services, 2);
    assert_int_equal(instance->n_users, 3);
    assert_int_equal(instance->n_quotes, 2);
    assert_int_equal(instance->groups.count, 1);
    assert_int_equal(instance->providers.count, 1);
    assert_int_equal(instance->tiers[0].count, 1);
    assert_float_equal(instance->tiers[0].tiers[0].discount, 0.025, 1e-12);

    const cp_service *candidate = &instance->services[1];
    assert_true(candidate->candidate);
    assert_string_equal(instance->authorities[candidate->owner].id, "croydon");
    assert_float_equal(candidate->fixed_cost, 2500, 0);
    assert_float_equal(candidate->min_occupancy, 2, 0);
    assert_int_equal(instance->services[0].owner, CP_NONE);
    assert_int_equal(instance->services[0].min_age, 18);
    assert_int_equal(instance->services[1].min_age, CP_AGE_ANY);

    const cp_user *locked = &instance->users[0];
    assert_true(locked->locked);
    assert_false(locked->has_spot_cost);
    assert_int_equal(locked->current_service, 0);
    assert_float_equal(locked->max_distance_km, 25, 0);
    assert_int_equal(locked->n_types, 2);
    assert_true(isinf(instance->users[1].max_distance_km));
    assert_true(instance->users[1].has_spot_cost);
    assert_float_equal(instance->users[1].spot_cost, 15000, 0);
    assert_float_equal(instance->users[2].spot_cost, 20000, 0);
    assert_int_equal(instance->users[1].group, instance->users[2].group);
    assert_int_equal(instance->users[1].age, CP_AGE_ANY);
    assert_int_equal(instance->users[1].gender, CP_NONE);
    assert_float_equal(instance->settings.distance_weight, 3, 0);

    const cp_config *pair = cp_instance_config(instance, "pair");
    assert_non_null(pair);
    assert_int_equal(pair->n_pools, 2);
    assert_int_equal(pair->pool_of_authority[1], pair->pool_of_authority[2]);
    assert_int_not_equal(pair->pool_of_authority[0], pair->pool_of_authority[1]);
    cp_instance_destroy(instance);
    cp_gen_draft_destroy(draft);
    cp_gen_world_destroy(world);
}

/* A draft of one service and one person: only the members are listed when every service is
 * in a member. */
static cp_gen_draft *minimal_draft(const cp_gen_world *world)
{
    size_t merton = cp_gen_world_find(world, "MRT");
    cp_gen_draft *draft = cp_gen_draft_create(world, type_names, 2, tag_names, 2);
    cp_gen_add_provider(draft, "solo", "Solo");
    cp_gen_service *s = cp_gen_add_service(draft);
    s->authority = merton;
    s->lat = 51.4;
    s->lon = -0.2;
    s->capacity = 1;
    s->price = 100;
    s->rating = CP_GEN_OUTSTANDING;
    s->max_intensity = 1;
    cp_gen_person *p = cp_gen_add_person(draft);
    p->authority = merton;
    p->lat = 51.4;
    p->lon = -0.2;
    p->n_types = 1;
    p->intensity = 1;
    p->age = 0;
    p->gender = CP_GEN_MALE;
    p->max_distance_km = 12.5;
    p->spot_cost = 0;
    return draft;
}

/* Without quotes, tiers, settings and configurations their files hold a header only. */
static void test_empty_optional_files(void **state)
{
    const char *dir = *state;
    cp_gen_world *world = merton_and_croydon();
    cp_gen_draft *draft = minimal_draft(world);
    cp_errors errors = {0};
    assert_int_equal(cp_gen_draft_listed_authorities(draft), 2);
    assert_int_equal(cp_gen_draft_write(draft, dir, &errors), CP_OK);
    assert_string_equal(file_listing(dir), "authorities.csv configurations.csv quotes.csv "
                                           "services.csv settings.csv tiers.csv users.csv");
    file_assert_text(file_path(dir, "quotes.csv"), "user,service,weekly_cost,places\n");
    file_assert_text(file_path(dir, "tiers.csv"), "provider,min_places,discount_pct\n");
    file_assert_text(file_path(dir, "settings.csv"), "key,value\n");
    file_assert_text(file_path(dir, "configurations.csv"), "configuration,authority,pool\n");
    file_assert_text(file_path(dir, "authorities.csv"), "id,name,lat,lon\n"
                                                        "merton,Merton,51.4100,-0.1973\n"
                                                        "croydon,Croydon,51.3553,-0.0872\n");
    file_assert_text(file_path(dir, "services.csv"),
                     "id,provider,authority,lat,lon,type,capacity,weekly_price,rating,min_age,"
                     "max_age,genders,max_intensity,specialisms,owner,status,fixed_cost,"
                     "min_occupancy\n"
                     "s001,solo,merton,51.4000,-0.2000,residential,1,100,outstanding,,,any,1,,,"
                     "existing,,\n");
    file_assert_text(file_path(dir, "users.csv"),
                     "id,authority,lat,lon,types,places,intensity,age,gender,needs,max_distance_km,"
                     "current_service,locked,group,spot_cost\n"
                     "u001,merton,51.4000,-0.2000,residential,1,1,0,male,,12.5,,,,0\n");
    cp_instance *instance = NULL;
    assert_int_equal(cp_instance_load(dir, &instance, &errors), CP_OK);
    assert_int_equal(instance->n_quotes, 0);
    assert_int_equal(instance->n_configs, 2); /* standalone and pooled */
    cp_instance_destroy(instance);
    cp_gen_draft_destroy(draft);
    cp_gen_world_destroy(world);
}

/* Writing over a directory that holds another instance leaves none of its rows behind. */
static void test_overwrite_leaves_nothing_stale(void **state)
{
    const char *dir = *state;
    cp_gen_world *world = merton_and_croydon();
    cp_gen_draft *full = small_draft(world), *minimal = minimal_draft(world);
    cp_errors errors = {0};
    assert_int_equal(cp_gen_draft_write(full, dir, &errors), CP_OK);
    assert_int_equal(cp_gen_draft_write(minimal, dir, &errors), CP_OK);
    assert_false(cp_errors_any(&errors));
    assert_string_equal(file_listing(dir), "authorities.csv configurations.csv quotes.csv "
                                           "services.csv settings.csv tiers.csv users.csv");
    file_assert_text(file_path(dir, "quotes.csv"), "user,service,weekly_cost,places\n");
    file_assert_text(file_path(dir, "tiers.csv"), "provider,min_places,discount_pct\n");
    file_assert_text(file_path(dir, "configurations.csv"), "configuration,authority,pool\n");
    cp_instance *instance = NULL;
    assert_int_equal(cp_instance_load(dir, &instance, &errors), CP_OK);
    assert_int_equal(instance->n_users, 1);
    assert_int_equal(instance->n_quotes, 0);
    cp_instance_destroy(instance);
    cp_gen_draft_destroy(full);
    cp_gen_draft_destroy(minimal);
    cp_gen_world_destroy(world);
}

/* Ids widen past 999: u0001 .. u1000, and references use the width of what they name. */
static void test_id_width(void **state)
{
    const char *dir = *state;
    cp_gen_world *world = merton_and_croydon();
    size_t croydon = cp_gen_world_find(world, "CRY");
    cp_gen_draft *draft = cp_gen_draft_create(world, type_names, 2, tag_names, 2);
    cp_gen_add_provider(draft, "p", "P");
    cp_gen_service *s = cp_gen_add_service(draft);
    s->authority = croydon;
    s->capacity = 1000;
    s->price = 10;
    s->max_intensity = 5;
    for (size_t k = 0; k < 1000; k++) {
        cp_gen_person *p = cp_gen_add_person(draft);
        p->authority = croydon;
        p->n_types = 1;
        p->intensity = 1;
        p->max_distance_km = INFINITY;
        p->spot_cost = NAN;
        p->current = k == 999 ? 0 : CP_GEN_NONE;
        p->group = k >= 998 ? 12 : 0;
    }
    cp_gen_add_quote(draft, 999, 0, 10, 0);
    cp_errors errors = {0};
    assert_int_equal(cp_gen_draft_write(draft, dir, &errors), CP_OK);
    char *users = file_read(file_path(dir, "users.csv"));
    assert_non_null(strstr(users, "\nu0001,croydon,0.0000,0.0000,residential,1,1,,,,,,,,\n"));
    assert_non_null(strstr(users, "\nu0999,croydon,0.0000,0.0000,residential,1,1,,,,,,,g012,\n"));
    assert_non_null(
        strstr(users, "\nu1000,croydon,0.0000,0.0000,residential,1,1,,,,,s001,,g012,\n"));
    free(users);
    file_assert_text(file_path(dir, "quotes.csv"),
                     "user,service,weekly_cost,places\nu1000,s001,10,\n");
    cp_gen_draft_destroy(draft);
    cp_gen_world_destroy(world);
}

/* A directory that cannot be made: an error status and a message, no files. */
static void test_write_failure(void **state)
{
    const char *dir = *state;
    char file[512], target[600];
    snprintf(file, sizeof file, "%s/plain", dir);
    file_write(file, "");
    snprintf(target, sizeof target, "%s/sub", file);
    cp_gen_world *world = merton_and_croydon();
    cp_gen_draft *draft = small_draft(world);
    cp_errors errors = {0};
    assert_int_equal(cp_gen_draft_write(draft, target, &errors), CP_ERR_INTERNAL);
    assert_true(cp_errors_any(&errors));
    assert_non_null(strstr(errors.lines[0], target));
    assert_string_equal(file_listing(dir), "plain");
    cp_errors_clear(&errors);
    cp_gen_draft_destroy(draft);
    cp_gen_world_destroy(world);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_files_of_small_draft, scratch_setup, scratch_teardown),
        cmocka_unit_test_setup_teardown(test_reader_accepts_small_draft, scratch_setup,
                                        scratch_teardown),
        cmocka_unit_test_setup_teardown(test_empty_optional_files, scratch_setup, scratch_teardown),
        cmocka_unit_test_setup_teardown(test_overwrite_leaves_nothing_stale, scratch_setup,
                                        scratch_teardown),
        cmocka_unit_test_setup_teardown(test_id_width, scratch_setup, scratch_teardown),
        cmocka_unit_test_setup_teardown(test_write_failure, scratch_setup, scratch_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
