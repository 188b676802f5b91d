/* Tests of the adults' recipe (gen/adults*.c): how many adults each member supports, that
 * every present placement fits its service and the adult's limit, locks, fees, groups,
 * candidates, community support in the national market, that a seed fixes everything, and
 * that seed 23 regenerates the bundled instance instances/sw-london. */
#define _POSIX_C_SOURCE 200809L
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/compat.h"
#include "files.h"
#include "gen/adults.h"
#include "gen/draft_writer.h"
#include "gen/presets.h"
#include "gen/recipes.h"
#include "scratch.h"

/* A preset's world with the adults' recipe run over it. */
typedef struct generated {
    cp_gen_world *world;
    cp_gen_draft *draft;
} generated;

static generated generate(const char *preset_name, uint64_t seed, double scale)
{
    const cp_gen_preset *preset = cp_gen_preset_find(preset_name);
    assert_non_null(preset);
    size_t n;
    const char **codes = cp_gen_preset_members(preset, &n);
    cp_errors errors = {0};
    generated g;
    g.world = cp_gen_world_create(codes, n, &errors);
    free(codes);
    assert_non_null(g.world);
    g.draft = cp_gen_draft_create(g.world, cp_gen_adults_types, cp_gen_adults_n_types,
                                  cp_gen_adults_tags, cp_gen_adults_n_tags);
    cp_gen_adults_ld(g.draft, seed, scale, preset->people, preset->accommodation_only);
    return g;
}

static void release(generated g)
{
    cp_gen_draft_destroy(g.draft);
    cp_gen_world_destroy(g.world);
}

static size_t people_of(const cp_gen_draft *draft, const char *code)
{
    size_t a = cp_gen_world_find(draft->world, code), n = 0;
    for (size_t p = 0; p < draft->n_people; p++)
        n += draft->people[p].authority == a;
    return n;
}

static int accepts_type(const cp_gen_person *adult, int type)
{
    for (int t = 0; t < adult->n_types; t++)
        if (adult->types[t] == type)
            return 1;
    return 0;
}

static const char *setting(const cp_gen_draft *draft, const char *key)
{
    for (size_t s = 0; s < draft->n_settings; s++)
        if (strcmp(draft->settings[s][0], key) == 0)
            return draft->settings[s][1];
    return NULL;
}

static void test_names(void **state)
{
    (void)state;
    assert_int_equal(cp_gen_adults_n_types, 3);
    assert_string_equal(cp_gen_adults_types[A_RESIDENTIAL], "residential");
    assert_string_equal(cp_gen_adults_types[A_SUPPORTED_LIVING], "supported_living");
    assert_string_equal(cp_gen_adults_types[A_COMMUNITY], "community_support");
    assert_int_equal(cp_gen_adults_n_tags, 6);
    assert_string_equal(cp_gen_adults_tags[G_AUTISM], "autism");
    assert_string_equal(cp_gen_adults_tags[G_BEHAVIOUR], "challenging_behaviour");
    assert_string_equal(cp_gen_adults_tags[G_MENTAL], "mental_health");
    assert_string_equal(cp_gen_adults_tags[G_PHYSICAL], "physical_disability");
    assert_string_equal(cp_gen_adults_tags[G_HEALTH], "complex_health");
    assert_string_equal(cp_gen_adults_tags[G_FORENSIC], "forensic");
}

/* 400 adults spread over the six councils by population, largest remainder first; all in
 * accommodation. */
static void test_sw_london_counts(void **state)
{
    (void)state;
    generated g = generate("sw-london", 23, 1.0);
    assert_int_equal(g.draft->n_people, 400);
    assert_int_equal(people_of(g.draft, "CRY"), 103);
    assert_int_equal(people_of(g.draft, "MRT"), 55);
    assert_int_equal(people_of(g.draft, "KTT"), 47);
    assert_int_equal(people_of(g.draft, "RIC"), 53);
    assert_int_equal(people_of(g.draft, "STN"), 55);
    assert_int_equal(people_of(g.draft, "WND"), 87);
    for (size_t p = 0; p < g.draft->n_people; p++) {
        assert_false(accepts_type(&g.draft->people[p], A_COMMUNITY));
        assert_in_range(g.draft->people[p].age, 18, 64);
    }
    for (size_t s = 0; s < g.draft->n_services; s++)
        assert_int_not_equal(g.draft->services[s].type, A_COMMUNITY);
    release(g);
    generated half = generate("sw-london", 23, 0.5);
    assert_int_equal(half.draft->n_people, 200);
    release(half);
}

/* Every present placement meets the adult's types, intensity, needs, age and gender, lies
 * within their limit, and the places taken add up to each service's use, within capacity. */
static void check_present_placements(const cp_gen_draft *draft)
{
    int *taken = calloc(draft->n_services, sizeof *taken);
    assert_non_null(taken);
    size_t placed = 0;
    for (size_t p = 0; p < draft->n_people; p++) {
        const cp_gen_person *adult = &draft->people[p];
        if (adult->current == CP_GEN_NONE)
            continue;
        placed++;
        assert_true(adult->current < draft->n_services);
        const cp_gen_service *service = &draft->services[adult->current];
        assert_false(service->candidate);
        assert_true(accepts_type(adult, service->type));
        assert_true(adult->intensity <= service->max_intensity);
        assert_int_equal(adult->needs & ~service->specialisms, 0);
        assert_true(service->min_age < 0 || adult->age >= service->min_age);
        assert_true(service->max_age < 0 || adult->age <= service->max_age);
        assert_true(service->genders == CP_GEN_ANY || service->genders == adult->gender);
        double km = cp_distance_km(adult->lat, adult->lon, service->lat, service->lon);
        assert_true(km <= adult->max_distance_km);
        taken[adult->current] += adult->places;
    }
    assert_true(placed > draft->n_people / 2);
    for (size_t s = 0; s < draft->n_services; s++) {
        assert_int_equal(taken[s], draft->services[s].used);
        assert_true(draft->services[s].used <= draft->services[s].capacity);
        assert_true(draft->services[s].capacity > 0);
    }
    free(taken);
}

static void test_present_placements_fit(void **state)
{
    (void)state;
    generated scheme = generate("sw-london", 23, 1.0);
    check_present_placements(scheme.draft);
    release(scheme);
    generated national = generate("england-adults-ld", 1, 0.05);
    check_present_placements(national.draft);
    release(national);
}

/* A locked adult stays in a rated-adequate accommodation service and has no spot cost;
 * every other adult has one (their own, or the settings' 9000). */
static void check_locks(const cp_gen_draft *draft)
{
    size_t locked = 0;
    assert_string_equal(setting(draft, "spot_cost"), "9000");
    for (size_t p = 0; p < draft->n_people; p++) {
        const cp_gen_person *adult = &draft->people[p];
        if (!adult->locked) {
            assert_true(isnan(adult->spot_cost) || adult->spot_cost > 0);
            continue;
        }
        locked++;
        assert_true(adult->spot_cost < 0);
        assert_int_not_equal(adult->current, CP_GEN_NONE);
        const cp_gen_service *service = &draft->services[adult->current];
        assert_int_not_equal(service->rating, CP_GEN_INADEQUATE);
        assert_int_not_equal(service->type, A_COMMUNITY);
        assert_true(adult->category == P_FORENSIC ||
                    (service->type == A_SUPPORTED_LIVING && adult->group == 0 &&
                     (adult->category == P_LOW || adult->category == P_MODERATE)));
    }
    assert_true(locked > 0);
}

static void test_locks_and_spot_costs(void **state)
{
    (void)state;
    generated scheme = generate("sw-london", 23, 1.0);
    check_locks(scheme.draft);
    release(scheme);
    generated national = generate("england-adults-ld", 2, 0.05);
    check_locks(national.draft);
    release(national);
}

/* Exactly the adults of intensity 4-5 in an intensity-5 accommodation service have a fee
 * there, capped at 8000 a place; the places are given for those who use two. Those who use
 * two places are specialist and cost 18000 unplaced. */
static void test_fees_and_two_places(void **state)
{
    (void)state;
    generated g = generate("sw-london", 23, 1.0);
    const cp_gen_draft *draft = g.draft;
    size_t expected = 0;
    for (size_t p = 0; p < draft->n_people; p++) {
        const cp_gen_person *adult = &draft->people[p];
        if (adult->current != CP_GEN_NONE && adult->intensity >= 4 &&
            draft->services[adult->current].max_intensity == 5)
            expected++;
        if (adult->places == 2) {
            assert_int_equal(adult->category, P_SPECIALIST);
            assert_true(adult->spot_cost == 18000);
        } else {
            assert_int_equal(adult->places, 1);
        }
    }
    assert_int_equal(draft->n_quotes, expected);
    assert_true(expected > 0);
    for (size_t q = 0; q < draft->n_quotes; q++) {
        const cp_gen_quote *quote = &draft->quotes[q];
        const cp_gen_person *adult = &draft->people[quote->person];
        assert_int_equal(quote->service, adult->current);
        assert_true(quote->weekly_cost > 0 && quote->weekly_cost <= 8000 * adult->places);
        assert_true(fmod(quote->weekly_cost, 5) == 0);
        assert_int_equal(quote->places, adult->places == 2 ? 2 : 0);
    }
    release(g);
}

/* Brothers and sisters follow each other and share home, needs, types, limit and present
 * placement. */
static void test_groups(void **state)
{
    (void)state;
    generated g = generate("sw-london", 23, 1.0);
    const cp_gen_draft *draft = g.draft;
    size_t groups = 0;
    for (size_t p = 0; p < draft->n_people; p++) {
        const cp_gen_person *adult = &draft->people[p];
        if (!adult->group)
            continue;
        if (p == 0 || draft->people[p - 1].group != adult->group) {
            groups++;
            assert_int_equal(adult->group, groups);
            assert_true(p + 1 < draft->n_people);
            const cp_gen_person *sibling = &draft->people[p + 1];
            assert_int_equal(sibling->group, adult->group);
            assert_true(sibling->lat == adult->lat && sibling->lon == adult->lon);
            assert_int_equal(sibling->needs, adult->needs);
            assert_int_equal(sibling->n_types, adult->n_types);
            assert_int_equal(sibling->types[0], adult->types[0]);
            assert_true(sibling->max_distance_km == adult->max_distance_km);
            assert_int_equal(sibling->current, adult->current);
            assert_int_equal(adult->category, P_LOW);
        }
    }
    assert_true(groups > 0);
    release(g);
}

/* sw-london has one candidate scheme: supported living for the challenging-behaviour set,
 * owned by the member that hosts it; England has one per 60 adults of intensity 5 in
 * accommodation, each at a different member. */
static void test_candidates(void **state)
{
    (void)state;
    generated g = generate("sw-london", 23, 1.0);
    size_t found = 0;
    for (size_t s = 0; s < g.draft->n_services; s++) {
        const cp_gen_service *service = &g.draft->services[s];
        if (!service->candidate)
            continue;
        found++;
        assert_int_equal(service->owner, service->authority);
        assert_true(g.world->authorities[service->owner].member);
        assert_int_equal(service->type, A_SUPPORTED_LIVING);
        assert_int_equal(service->capacity, 8);
        assert_int_equal(service->min_occupancy, 6);
        assert_true(service->fixed_cost == 12000);
        assert_true(service->price == 4200);
        assert_int_equal(service->max_intensity, 5);
        assert_int_equal(service->specialisms, CB_SET);
        assert_int_equal(service->rating, CP_GEN_UNRATED);
        assert_int_equal(service->used, 0);
    }
    assert_int_equal(found, 1);
    release(g);

    generated e = generate("england-adults-ld", 1, 0.5);
    double intense = 0;
    for (size_t p = 0; p < e.draft->n_people; p++)
        intense += e.draft->people[p].types[0] != A_COMMUNITY && e.draft->people[p].intensity == 5;
    char *hosts = calloc(e.world->n_authorities, 1);
    assert_non_null(hosts);
    size_t candidates = 0;
    for (size_t s = 0; s < e.draft->n_services; s++)
        if (e.draft->services[s].candidate) {
            candidates++;
            assert_int_equal(hosts[e.draft->services[s].owner], 0);
            hosts[e.draft->services[s].owner] = 1;
        }
    assert_int_equal(candidates, (size_t)lround(intense / 60));
    free(hosts);
    release(e);
}

/* England: 135,205 adults times scale, spread by population; the Isles of Scilly (2,226
 * residents) gets nobody at scale 0.02 (0.1 of a person), everyone somebody at 0.2. People
 * supported at home accept community support only, from an agency of their own council. */
static void test_england(void **state)
{
    (void)state;
    generated small = generate("england-adults-ld", 1, 0.02);
    assert_int_equal(small.draft->n_people, 2704);
    size_t councils = 0;
    for (size_t m = 0; m < small.world->n_members; m++)
        councils += people_of(small.draft,
                              small.world->authorities[small.world->members[m]].place->code) > 0;
    assert_int_equal(small.world->n_members, 153);
    assert_int_equal(councils, 152);
    assert_int_equal(people_of(small.draft, "IOS"), 0);
    release(small);

    generated g = generate("england-adults-ld", 1, 0.2);
    assert_int_equal(g.draft->n_people, 27041);
    for (size_t m = 0; m < g.world->n_members; m++)
        assert_true(people_of(g.draft, g.world->authorities[g.world->members[m]].place->code) > 0);
    size_t community = 0;
    for (size_t p = 0; p < g.draft->n_people; p++) {
        const cp_gen_person *adult = &g.draft->people[p];
        if (adult->types[0] != A_COMMUNITY) {
            assert_false(accepts_type(adult, A_COMMUNITY));
            continue;
        }
        community++;
        assert_int_equal(adult->n_types, 1);
        assert_true(isfinite(adult->max_distance_km));
        if (adult->current != CP_GEN_NONE)
            assert_int_equal(g.draft->services[adult->current].authority, adult->authority);
    }
    /* 57% supported at home: within three standard deviations at 27,041 people. */
    assert_in_range(community, 15100, 15600);
    release(g);
}

static void assert_same_drafts(const cp_gen_draft *a, const cp_gen_draft *b)
{
    assert_int_equal(a->n_people, b->n_people);
    assert_int_equal(a->n_services, b->n_services);
    assert_int_equal(a->n_providers, b->n_providers);
    assert_int_equal(a->n_quotes, b->n_quotes);
    assert_int_equal(a->n_tiers, b->n_tiers);
    for (size_t p = 0; p < a->n_people; p++) {
        const cp_gen_person *x = &a->people[p], *y = &b->people[p];
        assert_true(x->lat == y->lat && x->lon == y->lon);
        assert_int_equal(x->age, y->age);
        assert_int_equal(x->needs, y->needs);
        assert_int_equal(x->current, y->current);
        assert_int_equal(x->locked, y->locked);
        assert_true(x->max_distance_km == y->max_distance_km);
    }
    for (size_t s = 0; s < a->n_services; s++) {
        const cp_gen_service *x = &a->services[s], *y = &b->services[s];
        assert_true(x->lat == y->lat && x->price == y->price);
        assert_int_equal(x->capacity, y->capacity);
        assert_int_equal(x->provider, y->provider);
        assert_int_equal(x->specialisms, y->specialisms);
    }
    for (size_t p = 0; p < a->n_providers; p++)
        assert_string_equal(a->provider_ids[p], b->provider_ids[p]);
}

static void test_seed_fixes_everything(void **state)
{
    (void)state;
    generated a = generate("sw-london", 5, 1.0), b = generate("sw-london", 5, 1.0);
    assert_same_drafts(a.draft, b.draft);
    generated c = generate("sw-london", 6, 1.0);
    size_t differ = 0;
    for (size_t p = 0; p < a.draft->n_people; p++)
        differ += a.draft->people[p].lat != c.draft->people[p].lat;
    assert_true(differ > 300);
    release(a);
    release(b);
    release(c);
    generated e = generate("england-adults-ld", 3, 0.05),
              f = generate("england-adults-ld", 3, 0.05);
    assert_same_drafts(e.draft, f.draft);
    release(e);
    release(f);
}

/* Seed 23 writes, byte for byte, the files of instances/sw-london. */
static void test_bundled_instance(void **state)
{
    (void)state;
    static const char *const files[] = {"authorities.csv",   "services.csv", "users.csv",
                                        "quotes.csv",        "tiers.csv",    "settings.csv",
                                        "configurations.csv"};
    char *dir = scratch_create();
    char out[128];
    snprintf(out, sizeof out, "%s/sw-london", dir);
    generated g = generate("sw-london", 23, 1.0);
    cp_gen_preset_configurations(cp_gen_preset_find("sw-london"), g.draft);
    cp_errors errors = {0};
    assert_int_equal(cp_gen_draft_write(g.draft, out, &errors), 0);
    release(g);
    for (size_t f = 0; f < sizeof files / sizeof files[0]; f++) {
        char made[256], bundled[512];
        snprintf(made, sizeof made, "%s/%s", out, files[f]);
        snprintf(bundled, sizeof bundled, "%s/../../instances/sw-london/%s", TEST_DATA_DIR,
                 files[f]);
        char *x = file_read(made), *y = file_read(bundled);
        assert_string_equal(x, y);
        free(x);
        free(y);
    }
    scratch_remove(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_names),
        cmocka_unit_test(test_sw_london_counts),
        cmocka_unit_test(test_present_placements_fit),
        cmocka_unit_test(test_locks_and_spot_costs),
        cmocka_unit_test(test_fees_and_two_places),
        cmocka_unit_test(test_groups),
        cmocka_unit_test(test_candidates),
        cmocka_unit_test(test_england),
        cmocka_unit_test(test_seed_fixes_everything),
        cmocka_unit_test(test_bundled_instance),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
