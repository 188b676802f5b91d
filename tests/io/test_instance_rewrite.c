/* Tests of the instance rewriter (io/instance_rewrite.h): each fixture instance, turned into
 * rows, written and read back, is the same instance field by field (names interned in the
 * same order, numbers exact, a person's own `none` limit kept under a finite setting, settings'
 * defaults left empty), and writing the result again gives byte-identical files. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "files.h"
#include "io/instance_reader.h"
#include "io/instance_rewrite.h"
#include "io/instance_writer.h"
#include "scratch.h"
#include "util/log.h"
#include "util/status.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static cp_instance *load(const char *dir)
{
    cp_instance *instance = NULL;
    cp_errors errors = {0};
    int status = cp_instance_load(dir, &instance, &errors);
    for (size_t i = 0; i < errors.count; i++)
        print_error("%s\n", errors.lines[i]);
    assert_int_equal(status, CP_OK);
    cp_errors_clear(&errors);
    return instance;
}

static void rewrite(const cp_instance *instance, const char *dir)
{
    cp_instance_rows *rows = cp_instance_rows_of(instance);
    cp_errors errors = {0};
    assert_int_equal(cp_instance_write(rows, dir, &errors), CP_OK);
    cp_instance_rows_destroy(rows);
}

/* Doubles equal, NaN equal to NaN. */
static void assert_same_number(double a, double b)
{
    assert_true(a == b || (isnan(a) && isnan(b)));
}

static void assert_same_names(const cp_names *a, const cp_names *b)
{
    assert_int_equal(a->count, b->count);
    for (int i = 0; i < a->count; i++)
        assert_string_equal(a->name[i], b->name[i]);
}

static void assert_same_idlist(const cp_idlist *a, const cp_idlist *b)
{
    assert_int_equal(a->count, b->count);
    for (int i = 0; i < a->count; i++)
        assert_int_equal(a->ids[i], b->ids[i]);
}

static void assert_same_services(const cp_instance *a, const cp_instance *b)
{
    assert_int_equal(a->n_services, b->n_services);
    for (int s = 0; s < a->n_services; s++) {
        const cp_service *x = &a->services[s], *y = &b->services[s];
        assert_string_equal(x->id, y->id);
        assert_string_equal(x->name, y->name);
        assert_int_equal(x->provider, y->provider);
        assert_int_equal(x->authority, y->authority);
        assert_same_number(x->lat, y->lat);
        assert_same_number(x->lon, y->lon);
        assert_int_equal(x->type, y->type);
        assert_same_number(x->capacity, y->capacity);
        assert_same_number(x->weekly_price, y->weekly_price);
        assert_int_equal(x->rating, y->rating);
        assert_int_equal(x->min_age, y->min_age);
        assert_int_equal(x->max_age, y->max_age);
        assert_int_equal(x->any_gender, y->any_gender);
        assert_same_idlist(&x->genders, &y->genders);
        assert_int_equal(x->max_intensity, y->max_intensity);
        assert_same_idlist(&x->specialisms, &y->specialisms);
        assert_int_equal(x->owner, y->owner);
        assert_int_equal(x->candidate, y->candidate);
        assert_same_number(x->candidate ? x->fixed_cost : 0, y->fixed_cost);
        assert_same_number(x->candidate ? x->min_occupancy : 0, y->min_occupancy);
    }
}

static void assert_same_users(const cp_instance *a, const cp_instance *b)
{
    assert_int_equal(a->n_users, b->n_users);
    for (int u = 0; u < a->n_users; u++) {
        const cp_user *x = &a->users[u], *y = &b->users[u];
        assert_string_equal(x->id, y->id);
        assert_int_equal(x->authority, y->authority);
        assert_same_number(x->lat, y->lat);
        assert_same_number(x->lon, y->lon);
        assert_int_equal(x->n_types, y->n_types);
        for (int t = 0; t < x->n_types; t++)
            assert_int_equal(x->types[t], y->types[t]);
        assert_same_number(x->places, y->places);
        assert_int_equal(x->intensity, y->intensity);
        assert_int_equal(x->age, y->age);
        assert_int_equal(x->gender, y->gender);
        assert_same_idlist(&x->needs, &y->needs);
        assert_same_number(x->max_distance_km, y->max_distance_km);
        assert_int_equal(x->own_max_distance_km, y->own_max_distance_km);
        assert_int_equal(x->current_service, y->current_service);
        assert_int_equal(x->locked, y->locked);
        assert_int_equal(x->group, y->group);
        assert_int_equal(x->has_spot_cost, y->has_spot_cost);
        assert_same_number(x->spot_cost, y->spot_cost);
        assert_int_equal(x->own_spot_cost, y->own_spot_cost);
    }
}

static void assert_same_rest(const cp_instance *a, const cp_instance *b)
{
    assert_int_equal(a->n_quotes, b->n_quotes);
    for (int q = 0; q < a->n_quotes; q++) {
        assert_int_equal(a->quotes[q].user, b->quotes[q].user);
        assert_int_equal(a->quotes[q].service, b->quotes[q].service);
        assert_same_number(a->quotes[q].weekly_cost, b->quotes[q].weekly_cost);
        assert_same_number(a->quotes[q].places, b->quotes[q].places);
    }
    for (int p = 0; p < a->providers.count; p++) {
        assert_int_equal(a->tiers[p].count, b->tiers[p].count);
        for (int t = 0; t < a->tiers[p].count; t++) {
            assert_same_number(a->tiers[p].tiers[t].min_places, b->tiers[p].tiers[t].min_places);
            assert_same_number(a->tiers[p].tiers[t].discount, b->tiers[p].tiers[t].discount);
        }
    }
    const cp_settings *x = &a->settings, *y = &b->settings;
    assert_same_number(x->distance_weight, y->distance_weight);
    assert_same_number(x->max_distance_km, y->max_distance_km);
    assert_int_equal(x->has_spot_cost, y->has_spot_cost);
    assert_same_number(x->spot_cost, y->spot_cost);
    assert_same_number(x->preference_cost, y->preference_cost);
    assert_same_number(x->move_cost, y->move_cost);
    assert_same_number(x->contract_cost, y->contract_cost);
    assert_same_number(x->max_provider_share, y->max_provider_share);
    assert_int_equal(x->min_rating, y->min_rating);
    assert_int_equal(x->exclude_unrated, y->exclude_unrated);
    assert_same_number(x->local_km, y->local_km);
    assert_int_equal(x->quotes_only, y->quotes_only);
    assert_int_equal(a->n_configs, b->n_configs);
    for (int c = 0; c < a->n_configs; c++) {
        assert_string_equal(a->configs[c].name, b->configs[c].name);
        assert_int_equal(a->configs[c].n_pools, b->configs[c].n_pools);
        for (int p = 0; p < a->configs[c].n_pools; p++)
            assert_string_equal(a->configs[c].pool_name[p], b->configs[c].pool_name[p]);
        for (int i = 0; i < a->n_authorities; i++)
            assert_int_equal(a->configs[c].pool_of_authority[i],
                             b->configs[c].pool_of_authority[i]);
    }
}

static void assert_same_instance(const cp_instance *a, const cp_instance *b)
{
    assert_int_equal(a->n_authorities, b->n_authorities);
    for (int i = 0; i < a->n_authorities; i++) {
        assert_string_equal(a->authorities[i].id, b->authorities[i].id);
        assert_string_equal(a->authorities[i].name, b->authorities[i].name);
        assert_same_number(a->authorities[i].lat, b->authorities[i].lat);
        assert_same_number(a->authorities[i].lon, b->authorities[i].lon);
    }
    assert_same_names(&a->types, &b->types);
    assert_same_names(&a->tags, &b->tags);
    assert_same_names(&a->genders, &b->genders);
    assert_same_names(&a->providers, &b->providers);
    assert_same_names(&a->groups, &b->groups);
    assert_same_services(a, b);
    assert_same_users(a, b);
    assert_same_rest(a, b);
}

/* Rewrites the instance in dir twice: the same instance, then the same files. */
static void round_trip(const char *dir, const char *scratch)
{
    char one[512], two[512];
    snprintf(one, sizeof one, "%s/one", scratch);
    snprintf(two, sizeof two, "%s/two", scratch);
    cp_instance *original = load(dir);
    rewrite(original, one);
    cp_instance *again = load(one);
    assert_same_instance(original, again);
    rewrite(again, two);
    const char *files = file_listing(one);
    char names[512];
    snprintf(names, sizeof names, "%s", files);
    assert_string_equal(file_listing(two), names);
    for (char *name = strtok(names, " "); name; name = strtok(NULL, " ")) {
        char *a = file_read(file_path(one, name)), *b = file_read(file_path(two, name));
        assert_string_equal(a, b);
        free(a);
        free(b);
    }
    cp_instance_destroy(original);
    cp_instance_destroy(again);
}

static void test_fixtures_round_trip(void **state)
{
    const char *fixtures[] = {"reader-valid", "check-terms",        "compare-three",
                              "small-groups", "small-tiers-owners", "e2e-tiny"};
    for (size_t i = 0; i < sizeof fixtures / sizeof fixtures[0]; i++) {
        char dir[512], scratch[512];
        snprintf(dir, sizeof dir, "%s/%s", TEST_DATA_DIR, fixtures[i]);
        snprintf(scratch, sizeof scratch, "%s/%zu", (const char *)*state, i);
        round_trip(dir, scratch);
    }
}

static void test_bundled_instance_round_trips(void **state)
{
    round_trip(TEST_DATA_DIR "/../../instances/sw-london", *state);
}

/* reader-valid's u3 has its own `none` under a setting of 80 km; u2 takes the setting. */
static void test_own_limits_kept(void **state)
{
    char one[512];
    snprintf(one, sizeof one, "%s/one", (const char *)*state);
    cp_instance *original = load(TEST_DATA_DIR "/reader-valid");
    rewrite(original, one);
    char *users = file_read(file_path(one, "users.csv"));
    assert_non_null(strstr(users, "\nu3,merton,"));
    assert_non_null(strstr(strstr(users, "\nu3,"), ",none,s2,true,sib1,4000\n"));
    assert_non_null(strstr(strstr(users, "\nu2,"), ",,,,sib1,none\n"));
    free(users);
    char *settings = file_read(file_path(one, "settings.csv"));
    assert_non_null(strstr(settings, "\nmax_distance_km,80\n"));
    assert_non_null(strstr(settings, "\nexclude_unrated,false\n"));
    free(settings);
    cp_instance_destroy(original);
}

static int quiet_setup(void **state)
{
    cp_log_set_verbosity(CP_QUIET);
    return scratch_setup(state);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_fixtures_round_trip, quiet_setup, scratch_teardown),
        cmocka_unit_test_setup_teardown(test_bundled_instance_round_trips, quiet_setup,
                                        scratch_teardown),
        cmocka_unit_test_setup_teardown(test_own_limits_kept, quiet_setup, scratch_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
