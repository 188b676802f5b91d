/* Tests of the generator's geography (gen/world.h): members, the nearest-first lists, the
 * rejection of unknown codes and districts, random points inside a council, distances. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/compat.h"
#include "gen/world.h"

static cp_gen_world *create(const char *const *codes, size_t n)
{
    cp_errors errors = {0};
    cp_gen_world *world = cp_gen_world_create(codes, n, &errors);
    assert_non_null(world);
    assert_false(cp_errors_any(&errors));
    return world;
}

static void test_members(void **state)
{
    (void)state;
    static const char *const codes[] = {"MRT", "CRY"};
    cp_gen_world *world = create(codes, 2);
    assert_int_equal(world->n_authorities, 153);
    assert_int_equal(world->n_members, 2);
    size_t merton = cp_gen_world_find(world, "MRT"), croydon = cp_gen_world_find(world, "CRY");
    assert_int_equal(world->members[0], merton);
    assert_int_equal(world->members[1], croydon);
    assert_string_equal(world->authorities[merton].place->code, "MRT");
    assert_string_equal(world->authorities[croydon].place->code, "CRY");
    size_t flagged = 0;
    for (size_t a = 0; a < world->n_authorities; a++) {
        const cp_gen_authority *authority = &world->authorities[a];
        int member = a == merton || a == croydon;
        assert_int_equal(authority->member, member);
        assert_int_equal(authority->used, member);
        flagged += authority->member;
        if (!member) {
            assert_null(authority->nearest);
            assert_null(authority->nearest_km);
        }
    }
    assert_int_equal(flagged, 2);
    cp_gen_world_destroy(world);
}

static void test_nearest_lists(void **state)
{
    (void)state;
    static const char *const codes[] = {"MRT", "CRY"};
    cp_gen_world *world = create(codes, 2);
    for (size_t m = 0; m < world->n_members; m++) {
        size_t a = world->members[m];
        const cp_gen_authority *authority = &world->authorities[a];
        assert_int_equal(authority->nearest[0], a);
        assert_true(authority->nearest_km[0] == 0.0);
        char *seen = calloc(world->n_authorities, 1);
        for (size_t k = 0; k < world->n_authorities; k++) {
            size_t b = authority->nearest[k];
            assert_true(b < world->n_authorities);
            assert_int_equal(seen[b], 0);
            seen[b] = 1;
            if (k > 0) {
                assert_true(authority->nearest_km[k] >= authority->nearest_km[k - 1]);
                assert_true(authority->nearest_km[k] > 0.0);
                assert_float_equal(authority->nearest_km[k], cp_gen_world_km(world, a, b),
                                   1e-9);
            }
        }
        free(seen);
    }
    /* Croydon borders Merton: Merton is among Croydon's five nearest. */
    size_t merton = cp_gen_world_find(world, "MRT"), croydon = cp_gen_world_find(world, "CRY");
    int found = 0;
    for (size_t k = 1; k <= 5; k++)
        found |= world->authorities[croydon].nearest[k] == merton;
    assert_true(found);
    cp_gen_world_destroy(world);
}

static void test_duplicate_member_counted_once(void **state)
{
    (void)state;
    static const char *const codes[] = {"MRT", "MRT", "STN"};
    cp_gen_world *world = create(codes, 3);
    assert_int_equal(world->n_members, 2);
    assert_string_equal(world->authorities[world->members[1]].place->code, "STN");
    cp_gen_world_destroy(world);
}

static void assert_rejected(const char *bad, const char *expected)
{
    const char *codes[] = {"MRT", bad};
    cp_errors errors = {0};
    assert_null(cp_gen_world_create(codes, 2, &errors));
    assert_int_equal(errors.count, 1);
    assert_string_equal(errors.lines[0], expected);
    cp_errors_clear(&errors);
}

static void test_unknown_and_district_codes(void **state)
{
    (void)state;
    assert_rejected("XXX",
                    "generator: 'XXX' is not an English council with social care duties");
    assert_rejected("ADU",
                    "generator: 'ADU' is not an English council with social care duties");
}

static void test_find(void **state)
{
    (void)state;
    static const char *const codes[] = {"MRT"};
    cp_gen_world *world = create(codes, 1);
    size_t merton = cp_gen_world_find(world, "MRT");
    assert_true(merton < world->n_authorities);
    assert_ptr_equal(world->authorities[merton].place, cp_place_by_code("MRT"));
    assert_true(cp_gen_world_find(world, "ADU") == (size_t)-1);
    assert_true(cp_gen_world_find(world, "XXX") == (size_t)-1);
    /* Authorities follow the places table, which is sorted by code. */
    for (size_t a = 1; a < world->n_authorities; a++)
        assert_true(strcmp(world->authorities[a - 1].place->code,
                           world->authorities[a].place->code) < 0);
    cp_gen_world_destroy(world);
}

static void assert_rounded(double x)
{
    assert_float_equal(x * 1e4, round(x * 1e4), 1e-6);
}

static void test_points_in_unitary_council(void **state)
{
    (void)state;
    static const char *const codes[] = {"MRT"};
    cp_gen_world *world = create(codes, 1);
    size_t merton = cp_gen_world_find(world, "MRT");
    assert_int_equal(world->authorities[merton].n_districts, 0);
    const cp_place *place = world->authorities[merton].place;
    cp_rng rng;
    cp_rng_seed(&rng, 1, 2);
    double farthest = 0;
    for (int k = 0; k < 2000; k++) {
        double lat, lon;
        cp_gen_world_point(world, merton, &rng, &lat, &lon);
        assert_rounded(lat);
        assert_rounded(lon);
        double km = cp_distance_km(lat, lon, place->lat, place->lon);
        assert_true(km <= 13.0);
        farthest = fmax(farthest, km);
    }
    /* Merton has 38 km2: a disc of radius max(1, 0.5 * sqrt(38 / pi)) = 1.74 km (+ rounding). */
    assert_true(farthest <= 1.76);
    assert_true(farthest > 1.5);
    cp_gen_world_destroy(world);
}

static void test_points_in_county(void **state)
{
    (void)state;
    static const char *const codes[] = {"WSX"};
    cp_gen_world *world = create(codes, 1);
    size_t county = cp_gen_world_find(world, "WSX");
    const cp_gen_authority *authority = &world->authorities[county];
    assert_int_equal(authority->n_districts, 7);
    int adur = 0;
    for (size_t d = 0; d < authority->n_districts; d++) {
        assert_string_equal(authority->districts[d]->county, "WSX");
        assert_int_equal(authority->districts[d]->upper, 0);
        adur |= strcmp(authority->districts[d]->code, "ADU") == 0;
    }
    assert_true(adur);
    int *hits = calloc(authority->n_districts, sizeof *hits);
    cp_rng rng;
    cp_rng_seed(&rng, 3, 4);
    for (int k = 0; k < 3000; k++) {
        double lat, lon;
        cp_gen_world_point(world, county, &rng, &lat, &lon);
        assert_rounded(lat);
        assert_rounded(lon);
        double best = INFINITY;
        size_t nearest = 0;
        for (size_t d = 0; d < authority->n_districts; d++) {
            double km = cp_distance_km(lat, lon, authority->districts[d]->lat,
                                       authority->districts[d]->lon);
            if (km < best) {
                best = km;
                nearest = d;
            }
        }
        assert_true(best <= 13.0);
        hits[nearest]++;
    }
    /* Every district receives points. */
    for (size_t d = 0; d < authority->n_districts; d++)
        assert_true(hits[d] > 0);
    free(hits);
    cp_gen_world_destroy(world);
}

static void test_points_repeat_with_seed(void **state)
{
    (void)state;
    static const char *const codes[] = {"KEN"};
    cp_gen_world *world = create(codes, 1);
    size_t kent = cp_gen_world_find(world, "KEN");
    cp_rng a, b;
    cp_rng_seed(&a, 9, 9);
    cp_rng_seed(&b, 9, 9);
    for (int k = 0; k < 100; k++) {
        double lat_a, lon_a, lat_b, lon_b;
        cp_gen_world_point(world, kent, &a, &lat_a, &lon_a);
        cp_gen_world_point(world, kent, &b, &lat_b, &lon_b);
        assert_true(lat_a == lat_b && lon_a == lon_b);
    }
    cp_gen_world_destroy(world);
}

static void test_km(void **state)
{
    (void)state;
    static const char *const codes[] = {"MRT"};
    cp_gen_world *world = create(codes, 1);
    size_t merton = cp_gen_world_find(world, "MRT"), newcastle = cp_gen_world_find(world, "NET");
    assert_true(newcastle != (size_t)-1);
    assert_true(cp_gen_world_km(world, merton, merton) == 0.0);
    double there = cp_gen_world_km(world, merton, newcastle);
    assert_true(there == cp_gen_world_km(world, newcastle, merton));
    /* London to Newcastle upon Tyne is about 400 km as the crow flies. */
    assert_in_range((long)there, 380, 420);
    for (size_t a = 0; a < world->n_authorities; a += 7)
        for (size_t b = 0; b < world->n_authorities; b += 11)
            assert_true(cp_gen_world_km(world, a, b) == cp_gen_world_km(world, b, a));
    cp_gen_world_destroy(world);
}

static void test_no_members(void **state)
{
    (void)state;
    cp_gen_world *world = create(NULL, 0);
    assert_int_equal(world->n_members, 0);
    assert_int_equal(world->n_authorities, 153);
    cp_gen_world_destroy(world);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_members),
        cmocka_unit_test(test_nearest_lists),
        cmocka_unit_test(test_duplicate_member_counted_once),
        cmocka_unit_test(test_unknown_and_district_codes),
        cmocka_unit_test(test_find),
        cmocka_unit_test(test_points_in_unitary_council),
        cmocka_unit_test(test_points_in_county),
        cmocka_unit_test(test_points_repeat_with_seed),
        cmocka_unit_test(test_km),
        cmocka_unit_test(test_no_members),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
