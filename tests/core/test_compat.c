/* Compatibility filters, in order, and the distance they use. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include <math.h>
#include <stdlib.h>

#include "core/compat.h"
#include "instance_builder.h"
#include "util/alloc.h"

static void test_distance_london_to_aberdeen(void **state)
{
    (void)state;
    /* Charing Cross (51.5074, -0.1278) to Aberdeen (57.1497, -2.0943): about 640 km */
    double km = cp_distance_km(51.5074, -0.1278, 57.1497, -2.0943);
    assert_true(fabs(km - 639.7) < 1.0);
    assert_true(cp_distance_km(10, 20, 10, 20) == 0);
    /* a quarter of the meridian is R * pi / 2 */
    assert_true(fabs(cp_distance_km(0, 0, 90, 0) - 6371.0 * 3.14159265358979 / 2) < 1e-6);
}

static cp_instance *two_places(void)
{
    cp_instance *in = tb_create();
    tb_authority(in, "merton", 51.41, -0.19);
    tb_authority(in, "cornwall", 50.40, -4.90);
    tb_service(in, "near", 0, "residential", 4, 1000);
    tb_service(in, "far", 1, "residential", 4, 900);
    tb_user(in, "u1", 0, "supported_living;residential");
    return in;
}

static void test_each_filter(void **state)
{
    (void)state;
    cp_instance *in = two_places();
    tb_finish(in);
    const cp_config *pooled = cp_instance_config(in, "pooled");
    cp_user *u = &in->users[0];
    cp_service *near = &in->services[0];
    assert_int_equal(cp_compat_check(in, pooled, 0, 0), CP_FILTER_NONE);

    u->intensity = 4;
    near->max_intensity = 3;
    assert_int_equal(cp_compat_check(in, pooled, 0, 0), CP_FILTER_INTENSITY);
    near->max_intensity = 5;

    near->min_age = 18;
    assert_int_equal(cp_compat_check(in, pooled, 0, 0), CP_FILTER_AGE); /* unknown age */
    u->age = 17;
    assert_int_equal(cp_compat_check(in, pooled, 0, 0), CP_FILTER_AGE);
    u->age = 18;
    assert_int_equal(cp_compat_check(in, pooled, 0, 0), CP_FILTER_NONE);

    near->any_gender = false;
    int female = cp_names_intern(&in->genders, "female");
    near->genders = (cp_idlist){cp_malloc(sizeof(int)), 1};
    near->genders.ids[0] = female;
    assert_int_equal(cp_compat_check(in, pooled, 0, 0), CP_FILTER_GENDER);
    u->gender = female;
    assert_int_equal(cp_compat_check(in, pooled, 0, 0), CP_FILTER_NONE);

    u->needs = (cp_idlist){cp_malloc(sizeof(int)), 1};
    u->needs.ids[0] = cp_names_intern(&in->tags, "autism");
    assert_int_equal(cp_compat_check(in, pooled, 0, 0), CP_FILTER_NEEDS);
    near->specialisms = (cp_idlist){cp_malloc(sizeof(int)), 1};
    near->specialisms.ids[0] = u->needs.ids[0];
    assert_int_equal(cp_compat_check(in, pooled, 0, 0), CP_FILTER_NONE);

    in->settings.exclude_unrated = true;
    assert_int_equal(cp_compat_check(in, pooled, 0, 0), CP_FILTER_RATING);
    near->rating = CP_RATING_REQUIRES_IMPROVEMENT;
    in->settings.min_rating = CP_RATING_GOOD;
    assert_int_equal(cp_compat_check(in, pooled, 0, 0), CP_FILTER_RATING);
    near->rating = CP_RATING_GOOD;
    assert_int_equal(cp_compat_check(in, pooled, 0, 0), CP_FILTER_NONE);

    u->max_distance_km = 50;
    in->services[1].rating = CP_RATING_GOOD;
    in->services[1].min_age = 18;
    in->services[1].specialisms = (cp_idlist){cp_malloc(sizeof(int)), 1};
    in->services[1].specialisms.ids[0] = u->needs.ids[0];
    in->services[1].any_gender = true;
    assert_int_equal(cp_compat_check(in, pooled, 0, 1), CP_FILTER_DISTANCE);

    in->settings.quotes_only = true;
    assert_int_equal(cp_compat_check(in, pooled, 0, 0), CP_FILTER_QUOTES_ONLY);
    cp_instance_destroy(in);
}

static void test_type_rank_and_owner(void **state)
{
    (void)state;
    cp_instance *in = two_places();
    tb_service(in, "other_type", 0, "fostering", 1, 1);
    tb_finish(in);
    const cp_config *standalone = cp_instance_config(in, "standalone");
    const cp_config *pooled = cp_instance_config(in, "pooled");
    assert_int_equal(cp_type_rank(&in->users[0], in->services[0].type), 1);
    assert_int_equal(cp_type_rank(&in->users[0], in->services[2].type), -1);
    assert_int_equal(cp_compat_check(in, pooled, 0, 2), CP_FILTER_TYPE);

    in->services[1].owner = 1; /* owned by cornwall */
    assert_int_equal(cp_compat_check(in, standalone, 0, 1), CP_FILTER_OWNER);
    assert_int_equal(cp_compat_check(in, pooled, 0, 1), CP_FILTER_NONE);
    cp_instance_destroy(in);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_distance_london_to_aberdeen),
        cmocka_unit_test(test_each_filter),
        cmocka_unit_test(test_type_rank_and_owner),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
