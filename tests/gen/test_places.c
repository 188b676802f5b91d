/* The generator's table of English local authorities (gen/places_table.c, derived by
 * gen/derive_places.py): counts, lookups, derived county points and table invariants. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include <math.h>
#include <string.h>

#include "gen/places.h"

/* Great-circle distance in km between two points given in degrees. */
static double distance_km(double lat1, double lon1, double lat2, double lon2)
{
    const double rad = 3.14159265358979323846 / 180.0;
    double dp = (lat2 - lat1) * rad, dl = (lon2 - lon1) * rad;
    double h = sin(dp / 2) * sin(dp / 2) +
               cos(lat1 * rad) * cos(lat2 * rad) * sin(dl / 2) * sin(dl / 2);
    return 2.0 * 6371.0 * asin(sqrt(h));
}

static void test_counts(void **state)
{
    (void)state;
    size_t upper = 0, districts = 0;
    for (size_t i = 0; i < cp_n_places; i++) {
        if (cp_places[i].upper)
            upper++;
        else
            districts++;
    }
    assert_int_equal(upper, 153);
    assert_int_equal(districts, 164);
    assert_int_equal(cp_n_places, 317);
}

static void test_merton(void **state)
{
    (void)state;
    const cp_place *p = cp_place_by_code("MRT");
    assert_non_null(p);
    assert_string_equal(p->code, "MRT");
    assert_string_equal(p->id, "merton");
    assert_string_equal(p->name, "Merton");
    assert_string_equal(p->region, "London");
    assert_string_equal(p->county, "");
    assert_int_equal(p->upper, 1);
    assert_float_equal(p->lat, 51.409950, 1e-6);
    assert_float_equal(p->lon, -0.197250, 1e-6);
    assert_float_equal(p->population, 206453.0, 0.5);
    assert_float_equal(p->area_km2, 38.0, 0.05);
}

static void test_lancashire_point_near_preston(void **state)
{
    (void)state;
    const cp_place *p = cp_place_by_code("LAN");
    assert_non_null(p);
    assert_int_equal(p->upper, 1);
    assert_true(distance_km(p->lat, p->lon, 53.76, -2.70) < 40.0);
    assert_float_equal(p->population, 1227076.0, 0.5);
}

static void test_ids_from_names(void **state)
{
    (void)state;
    assert_string_equal(cp_place_by_code("KTT")->id, "kingston_upon_thames");
    assert_string_equal(cp_place_by_code("BPC")->id, "bournemouth_christchurch_and_poole");
    assert_string_equal(cp_place_by_code("SHN")->id, "st_helens");
    assert_string_equal(cp_place_by_code("ADU")->county, "WSX");
    assert_float_equal(cp_place_by_code("ADU")->area_km2, 42.0, 0.05);
}

/* The table reads the wrong region for Derbyshire and Lincolnshire; the script corrects
 * them, which leaves the ONS counts of upper-tier councils per region. */
static void test_upper_tier_per_region(void **state)
{
    (void)state;
    static const struct {
        const char *region;
        size_t count;
    } expected[] = {
        {"North East", 12},
        {"North West", 24},
        {"Yorkshire and The Humber", 15},
        {"East Midlands", 10},
        {"West Midlands", 14},
        {"East of England", 11},
        {"London", 33},
        {"South East", 19},
        {"South West", 15},
    };
    size_t total = 0;
    for (size_t r = 0; r < sizeof expected / sizeof expected[0]; r++) {
        size_t count = 0;
        for (size_t i = 0; i < cp_n_places; i++)
            if (cp_places[i].upper && strcmp(cp_places[i].region, expected[r].region) == 0)
                count++;
        assert_int_equal(count, expected[r].count);
        total += count;
    }
    assert_int_equal(total, 153);
    assert_string_equal(cp_place_by_code("DBY")->region, "East Midlands");
    assert_string_equal(cp_place_by_code("LIN")->region, "East Midlands");
}

static void test_districts_have_upper_tier_counties(void **state)
{
    (void)state;
    for (size_t i = 0; i < cp_n_places; i++) {
        const cp_place *p = &cp_places[i];
        if (p->upper) {
            assert_string_equal(p->county, "");
            continue;
        }
        const cp_place *county = cp_place_by_code(p->county);
        assert_non_null(county);
        assert_int_equal(county->upper, 1);
        assert_string_equal(county->region, p->region);
        assert_true(distance_km(p->lat, p->lon, county->lat, county->lon) < 80.0);
    }
}

static void test_codes_sorted_unique_and_values_set(void **state)
{
    (void)state;
    for (size_t i = 0; i < cp_n_places; i++) {
        const cp_place *p = &cp_places[i];
        if (i > 0)
            assert_true(strcmp(cp_places[i - 1].code, p->code) < 0);
        assert_ptr_equal(cp_place_by_code(p->code), p);
        assert_true(p->lat >= 49.8 && p->lat <= 55.9);
        assert_true(p->lon >= -6.5 && p->lon <= 1.8);
        assert_true(p->population > 0.0);
        assert_true(p->area_km2 > 0.0);
    }
}

static void test_ids_unique(void **state)
{
    (void)state;
    for (size_t i = 0; i < cp_n_places; i++)
        for (size_t j = i + 1; j < cp_n_places; j++)
            assert_string_not_equal(cp_places[i].id, cp_places[j].id);
}

static void test_unknown_code(void **state)
{
    (void)state;
    assert_null(cp_place_by_code("nope"));
    assert_null(cp_place_by_code(""));
    assert_null(cp_place_by_code("AAA"));
    assert_null(cp_place_by_code("ZZZ"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_counts),
        cmocka_unit_test(test_merton),
        cmocka_unit_test(test_lancashire_point_near_preston),
        cmocka_unit_test(test_ids_from_names),
        cmocka_unit_test(test_upper_tier_per_region),
        cmocka_unit_test(test_districts_have_upper_tier_counties),
        cmocka_unit_test(test_codes_sorted_unique_and_values_set),
        cmocka_unit_test(test_ids_unique),
        cmocka_unit_test(test_unknown_code),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
