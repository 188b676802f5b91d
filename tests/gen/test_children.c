/* Tests of the children's recipe (gen/children*.c): how many children, the placement mix,
 * that every present placement fits its service and the child's distance limit, locks,
 * sibling groups, services and candidates, and that a seed fixes everything. */
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
#include "gen/children.h"
#include "gen/presets.h"
#include "gen/recipes.h"

/* A preset's world with the children's recipe run over it. */
typedef struct generated {
    cp_gen_world *world;
    cp_gen_draft *draft;
} generated;

static generated generate(const char *preset_name, uint64_t seed, double scale)
{
    size_t n;
    const char **codes = cp_gen_preset_members(cp_gen_preset_find(preset_name), &n);
    cp_errors errors = {0};
    generated g;
    g.world = cp_gen_world_create(codes, n, &errors);
    free(codes);
    assert_non_null(g.world);
    g.draft = cp_gen_draft_create(g.world, cp_gen_children_types, cp_gen_children_n_types,
                                  cp_gen_children_tags, cp_gen_children_n_tags);
    cp_gen_children(g.draft, seed, scale);
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

static void test_names(void **state)
{
    (void)state;
    assert_int_equal(cp_gen_children_n_types, 7);
    assert_string_equal(cp_gen_children_types[T_FOSTERING], "fostering");
    assert_string_equal(cp_gen_children_types[T_HOME], "childrens_home");
    assert_string_equal(cp_gen_children_types[T_SUPPORTED], "supported_accommodation");
    assert_string_equal(cp_gen_children_types[T_SECURE], "secure");
    assert_string_equal(cp_gen_children_types[T_KINSHIP], "kinship");
    assert_string_equal(cp_gen_children_types[T_PARENTS], "with_parents");
    assert_string_equal(cp_gen_children_types[T_OTHER], "other");
    assert_int_equal(cp_gen_children_n_tags, 5);
    assert_string_equal(cp_gen_children_tags[G_SEN], "sen");
    assert_string_equal(cp_gen_children_tags[G_AUTISM], "autism");
    assert_string_equal(cp_gen_children_tags[G_BEHAVIOUR], "challenging_behaviour");
    assert_string_equal(cp_gen_children_tags[G_MENTAL], "mental_health");
    assert_string_equal(cp_gen_children_tags[G_HEALTH], "complex_health");
}

/* 83,630 children were looked after in England in March 2024; the count of each council
 * depends on its code alone, not on the seed. */
static void test_england_count(void **state)
{
    (void)state;
    generated a = generate("england-children", 1, 1.0);
    generated b = generate("england-children", 2, 1.0);
    fprintf(stderr, "england-children at scale 1: %zu children\n", a.draft->n_people);
    assert_int_equal(a.draft->n_people, 83585);
    assert_int_equal(b.draft->n_people, 83585);
    assert_true(fabs((double)a.draft->n_people - 83630) <= 836.3);
    for (size_t m = 0; m < a.world->n_members; m++) {
        const char *code = a.world->authorities[a.world->members[m]].place->code;
        assert_int_equal(people_of(a.draft, code), people_of(b.draft, code));
        assert_true(people_of(a.draft, code) > 0);
    }
    release(a);
    release(b);
}

/* A council has the same children whatever the preset: Brent in wla and in london. */
static void test_count_independent_of_preset(void **state)
{
    (void)state;
    generated wla = generate("wla", 5, 1.0);
    generated london = generate("london", 5, 1.0);
    assert_int_equal(wla.draft->n_people, 2260);
    static const char *const codes[] = {"BEN", "EAL", "HMF", "HRW", "HIL",
                                        "HNS", "CMD", "KEC", "WSM"};
    size_t total = 0;
    for (size_t k = 0; k < 9; k++) {
        assert_int_equal(people_of(wla.draft, codes[k]), people_of(london.draft, codes[k]));
        total += people_of(wla.draft, codes[k]);
    }
    assert_int_equal(total, wla.draft->n_people);
    /* London's 9,640 children, within the rounding of 33 councils and the rate limits. */
    assert_true(fabs((double)london.draft->n_people - 9640) <= 96.4);
    release(wla);
    release(london);
}

static void test_scale(void **state)
{
    (void)state;
    generated full = generate("england-children", 3, 1.0);
    generated half = generate("england-children", 3, 0.5);
    double ratio = (double)half.draft->n_people / (double)full.draft->n_people;
    assert_float_equal(ratio, 0.5, 0.01);
    release(full);
    release(half);
    generated none = generate("wla", 3, 0.0001);
    assert_int_equal(none.draft->n_people, 0);
    release(none);
}

/* The placement mix of the statistics, in enum child_category order (percent). */
static void test_category_shares(void **state)
{
    (void)state;
    static const double mix[N_CATEGORIES] = {27.9, 24.8, 15.6, 11.4, 9.8, 6.0, 0.1, 4.4};
    generated g = generate("england-children", 1, 1.0);
    size_t counts[N_CATEGORIES] = {0};
    for (size_t p = 0; p < g.draft->n_people; p++) {
        assert_in_range(g.draft->people[p].category, 0, N_CATEGORIES - 1);
        counts[g.draft->people[p].category]++;
    }
    double n = (double)g.draft->n_people;
    release(g);
    for (int c = 0; c < N_CATEGORIES; c++) {
        double share = 100.0 * (double)counts[c] / n;
        if (fabs(share - mix[c]) > 1.0)
            fail_msg("category %d: %.2f%% of children, statistics %.1f%%", c, share, mix[c]);
    }
}

/* The person's age band and types agree with the category. */
static void assert_profile(const cp_gen_person *child)
{
    assert_in_range(child->age, 0, 17);
    assert_true(child->gender == CP_GEN_MALE || child->gender == CP_GEN_FEMALE);
    assert_in_range(child->intensity, 1, 5);
    assert_in_range(child->n_types, 1, 3);
    assert_int_equal(child->places, 1);
    static const int first_type[N_CATEGORIES] = {
        [C_INHOUSE] = T_FOSTERING, [C_AGENCY] = T_FOSTERING, [C_KINSHIP] = T_KINSHIP,
        [C_HOME] = -1, [C_SUPPORTED] = T_SUPPORTED, [C_PARENTS] = T_PARENTS,
        [C_SECURE] = T_SECURE, [C_OTHER] = T_OTHER};
    if (child->category == C_HOME) {
        int home = 0;
        for (int t = 0; t < child->n_types; t++)
            home |= child->types[t] == T_HOME;
        assert_true(home);
        assert_true(child->age >= 10);
    } else {
        assert_int_equal(child->types[0], first_type[child->category]);
    }
    if (child->category == C_SUPPORTED)
        assert_true(child->age >= 16);
    if (child->category == C_SECURE) {
        assert_true(child->age >= 10);
        assert_int_equal(child->intensity, 5);
    }
}

/* Everything that must hold of a children's draft. */
static void check_draft(const cp_gen_draft *draft)
{
    const cp_gen_world *world = draft->world;
    int *used = calloc(draft->n_services ? draft->n_services : 1, sizeof *used);
    size_t placed = 0, locked = 0;
    for (size_t p = 0; p < draft->n_people; p++) {
        const cp_gen_person *child = &draft->people[p];
        assert_true(world->authorities[child->authority].member);
        assert_profile(child);
        if (child->locked) {
            locked++;
            assert_true(child->current != CP_GEN_NONE);
            assert_true(child->spot_cost < 0);
        } else {
            assert_true(isnan(child->spot_cost));
        }
        if (child->current == CP_GEN_NONE)
            continue;
        placed++;
        assert_true(child->current < draft->n_services);
        const cp_gen_service *service = &draft->services[child->current];
        used[child->current] += child->places;
        int type_ok = 0;
        for (int t = 0; t < child->n_types; t++)
            type_ok |= child->types[t] == service->type;
        assert_true(type_ok);
        assert_true(child->intensity <= service->max_intensity);
        assert_int_equal(child->needs & ~service->specialisms, 0);
        if (service->min_age >= 0)
            assert_true(child->age >= service->min_age);
        if (service->max_age >= 0)
            assert_true(child->age <= service->max_age);
        if (service->genders != CP_GEN_ANY)
            assert_int_equal(child->gender, service->genders);
        assert_false(service->candidate);
        /* An owned service holds only its owner's children. */
        if (service->owner != CP_GEN_NONE)
            assert_int_equal(service->owner, child->authority);
        double km = cp_distance_km(child->lat, child->lon, service->lat, service->lon);
        assert_true(km <= child->max_distance_km);
    }
    assert_true(placed > draft->n_people / 2);
    assert_true(locked > 0);
    /* Candidates: at most one per member, only where 12 or more children are in homes. */
    int *in_homes = calloc(world->n_authorities, sizeof *in_homes);
    int *candidates = calloc(world->n_authorities, sizeof *candidates);
    for (size_t p = 0; p < draft->n_people; p++)
        in_homes[draft->people[p].authority] += draft->people[p].category == C_HOME;
    for (size_t s = 0; s < draft->n_services; s++)
        if (draft->services[s].candidate) {
            size_t a = draft->services[s].authority;
            assert_int_equal(++candidates[a], 1);
            assert_true(in_homes[a] >= 12);
        }
    free(in_homes);
    free(candidates);
    for (size_t s = 0; s < draft->n_services; s++) {
        const cp_gen_service *service = &draft->services[s];
        assert_int_equal(service->used, used[s]);
        assert_true(service->capacity >= 1);
        assert_true(service->used <= service->capacity);
        assert_true(service->price > 0);
        assert_true(fmod(service->price, 5) == 0);
        assert_true(service->provider < draft->n_providers);
        assert_in_range(service->type, 0, cp_gen_children_n_types - 1);
        assert_true(service->authority < world->n_authorities);
        assert_true((unsigned)service->rating <= CP_GEN_UNRATED);
        if (service->candidate) {
            assert_int_equal(service->used, 0);
            assert_int_equal(service->capacity, 4);
            assert_int_equal(service->min_occupancy, 3);
            assert_int_equal(service->owner, service->authority);
            assert_true(world->authorities[service->authority].member);
            /* A therapeutic home: GBP 3,200-3,800 a place and 8,000-10,000 a week fixed,
             * times the regional factor (0.92 to 1.12), rounded to 5. */
            assert_int_equal(service->type, T_HOME);
            assert_int_equal(service->max_intensity, 5);
            assert_int_equal(service->specialisms, TAG(G_SEN) | TAG(G_BEHAVIOUR) |
                                                       TAG(G_MENTAL) | TAG(G_AUTISM));
            assert_int_equal(service->min_age, 10);
            assert_int_equal(service->max_age, 17);
            assert_true(service->price >= 2940 && service->price <= 4260);
            assert_true(fmod(service->fixed_cost, 5) == 0);
            assert_true(service->fixed_cost >= 7360 && service->fixed_cost <= 11200);
            if (strcmp(world->authorities[service->authority].place->region, "London") == 0) {
                assert_true(service->price >= 3585 && service->price <= 4260);
                assert_true(service->fixed_cost >= 8960);
            }
        }
    }
    free(used);
}

static void test_placements_fit_england(void **state)
{
    (void)state;
    generated g = generate("england-children", 4, 1.0);
    check_draft(g.draft);
    release(g);
}

static void test_placements_fit_small_presets(void **state)
{
    (void)state;
    static const char *const presets[] = {"wla", "london", "rcc-south-east"};
    for (size_t k = 0; k < 3; k++)
        for (uint64_t seed = 1; seed <= 3; seed++) {
            generated g = generate(presets[k], seed, 1.0);
            check_draft(g.draft);
            release(g);
        }
}

/* Siblings are consecutive, numbered in order, 2 or 3 to a group, share home, point,
 * category, needs, types, limit, placement and lock, and are under 16 in a family setting. */
static void test_groups(void **state)
{
    (void)state;
    generated g = generate("england-children", 6, 1.0);
    const cp_gen_draft *draft = g.draft;
    size_t last_group = 0, first = 0, members = 0;
    for (size_t p = 0; p <= draft->n_people; p++) {
        const cp_gen_person *child = p < draft->n_people ? &draft->people[p] : NULL;
        if (child && child->group && child->group == last_group) {
            const cp_gen_person *head = &draft->people[first];
            assert_int_equal(first + members, p); /* consecutive */
            members++;
            assert_int_equal(child->authority, head->authority);
            assert_true(child->lat == head->lat && child->lon == head->lon);
            assert_int_equal(child->category, head->category);
            assert_true(child->current == head->current);
            assert_int_equal(child->locked, head->locked);
            assert_int_equal(child->n_types, head->n_types);
            for (int t = 0; t < child->n_types; t++)
                assert_int_equal(child->types[t], head->types[t]);
            assert_int_equal(child->needs, head->needs);
            assert_int_equal(child->intensity, head->intensity);
            assert_true(child->max_distance_km == head->max_distance_km);
            assert_true(child->age < 16);
            continue;
        }
        if (last_group) /* the group just ended */
            assert_in_range(members, 2, 3);
        if (!child || !child->group)
            continue;
        assert_int_equal(child->group, last_group + 1);
        assert_true(child->age < 16);
        assert_true(child->category == C_INHOUSE || child->category == C_AGENCY ||
                    child->category == C_KINSHIP);
        last_group = child->group;
        first = p;
        members = 1;
    }
    /* About 12% of the 60% of children under 16 in a family setting start a group. */
    fprintf(stderr, "groups: %zu of %zu children\n", last_group, draft->n_people);
    assert_in_range(last_group, 4000, 7000);
    release(g);
}

static int same_person(const cp_gen_person *x, const cp_gen_person *y)
{
    int same = x->authority == y->authority && x->lat == y->lat && x->lon == y->lon &&
               x->age == y->age && x->gender == y->gender && x->intensity == y->intensity &&
               x->needs == y->needs && x->n_types == y->n_types && x->places == y->places &&
               x->current == y->current && x->locked == y->locked && x->group == y->group &&
               x->category == y->category &&
               (x->max_distance_km == y->max_distance_km) &&
               (x->spot_cost == y->spot_cost || (isnan(x->spot_cost) && isnan(y->spot_cost)));
    for (int t = 0; same && t < x->n_types; t++)
        same = x->types[t] == y->types[t];
    return same;
}

static int same_service(const cp_gen_service *x, const cp_gen_service *y)
{
    return x->provider == y->provider && x->authority == y->authority && x->lat == y->lat &&
           x->lon == y->lon && x->type == y->type && x->template_kind == y->template_kind &&
           x->capacity == y->capacity && x->price == y->price && x->rating == y->rating &&
           x->min_age == y->min_age && x->max_age == y->max_age && x->genders == y->genders &&
           x->max_intensity == y->max_intensity && x->specialisms == y->specialisms &&
           x->owner == y->owner && x->candidate == y->candidate &&
           x->fixed_cost == y->fixed_cost && x->min_occupancy == y->min_occupancy &&
           x->used == y->used;
}

/* Counts the people and services that differ between two drafts of the same sizes. */
static size_t differences(const cp_gen_draft *a, const cp_gen_draft *b)
{
    size_t n = 0;
    for (size_t p = 0; p < a->n_people && p < b->n_people; p++)
        n += !same_person(&a->people[p], &b->people[p]);
    for (size_t s = 0; s < a->n_services && s < b->n_services; s++)
        n += !same_service(&a->services[s], &b->services[s]);
    return n;
}

static void test_same_seed_same_draft(void **state)
{
    (void)state;
    generated a = generate("london", 11, 1.0);
    generated b = generate("london", 11, 1.0);
    assert_int_equal(a.draft->n_people, b.draft->n_people);
    assert_int_equal(a.draft->n_services, b.draft->n_services);
    assert_int_equal(a.draft->n_providers, b.draft->n_providers);
    assert_int_equal(a.draft->n_tiers, b.draft->n_tiers);
    assert_int_equal(differences(a.draft, b.draft), 0);
    for (size_t p = 0; p < a.draft->n_providers; p++) {
        assert_string_equal(a.draft->provider_ids[p], b.draft->provider_ids[p]);
        assert_string_equal(a.draft->provider_names[p], b.draft->provider_names[p]);
    }
    for (size_t t = 0; t < a.draft->n_tiers; t++) {
        assert_int_equal(a.draft->tiers[t].provider, b.draft->tiers[t].provider);
        assert_int_equal(a.draft->tiers[t].min_places, b.draft->tiers[t].min_places);
    }
    release(a);
    release(b);
}

static void test_other_seed_other_draft(void **state)
{
    (void)state;
    generated a = generate("london", 11, 1.0);
    generated b = generate("london", 12, 1.0);
    assert_int_equal(a.draft->n_people, b.draft->n_people);
    /* Nearly every child is drawn afresh. */
    size_t differ = 0;
    for (size_t p = 0; p < a.draft->n_people; p++)
        differ += !same_person(&a.draft->people[p], &b.draft->people[p]);
    assert_true(differ > a.draft->n_people * 9 / 10);
    release(a);
    release(b);
}

/* Provider ids are unique, and tiers go to organisations with 10 or more services. */
static void test_providers_and_tiers(void **state)
{
    (void)state;
    generated g = generate("england-children", 7, 1.0);
    const cp_gen_draft *draft = g.draft;
    for (size_t p = 0; p < draft->n_providers; p++)
        for (size_t q = p + 1; q < draft->n_providers; q++) {
            assert_string_not_equal(draft->provider_ids[p], draft->provider_ids[q]);
            assert_string_not_equal(draft->provider_names[p], draft->provider_names[q]);
        }
    assert_true(draft->n_tiers > 0);
    assert_int_equal(draft->n_tiers % 3, 0);
    /* Open-market services (not secure homes) of each provider. */
    size_t *services = calloc(draft->n_providers, sizeof *services);
    for (size_t s = 0; s < draft->n_services; s++)
        services[draft->services[s].provider] += draft->services[s].owner == CP_GEN_NONE &&
                                                 draft->services[s].type != T_SECURE;
    size_t with_tiers = 0;
    for (size_t p = 0; p < draft->n_providers; p++)
        with_tiers += services[p] >= 10;
    assert_int_equal(draft->n_tiers, 3 * with_tiers);
    for (size_t t = 0; t < draft->n_tiers; t += 3) {
        size_t provider = draft->tiers[t].provider;
        assert_true(services[provider] >= 10);
        assert_int_equal(draft->tiers[t].min_places, 10);
        assert_int_equal(draft->tiers[t + 1].min_places, 25);
        assert_int_equal(draft->tiers[t + 2].min_places, 50);
        assert_float_equal(draft->tiers[t].discount_pct, 2, 0);
        assert_float_equal(draft->tiers[t + 1].discount_pct, 4, 0);
        assert_float_equal(draft->tiers[t + 2].discount_pct, 6, 0);
        assert_int_equal(draft->tiers[t + 1].provider, provider);
        assert_int_equal(draft->tiers[t + 2].provider, provider);
    }
    free(services);
    release(g);
}

/* Secure homes: no child is placed in London or the West Midlands, and at most 13 councils
 * host them, the same ones for every seed. */
static void test_secure_hosts(void **state)
{
    (void)state;
    generated a = generate("england-children", 8, 1.0);
    generated b = generate("england-children", 9, 1.0);
    char *host_a = calloc(a.world->n_authorities, 1), *host_b = calloc(a.world->n_authorities, 1);
    for (size_t s = 0; s < a.draft->n_services; s++)
        if (a.draft->services[s].type == T_SECURE)
            host_a[a.draft->services[s].authority] = 1;
    for (size_t s = 0; s < b.draft->n_services; s++)
        if (b.draft->services[s].type == T_SECURE)
            host_b[b.draft->services[s].authority] = 1;
    size_t hosts = 0;
    for (size_t h = 0; h < a.world->n_authorities; h++) {
        hosts += host_a[h];
        if (host_a[h] || host_b[h]) {
            const char *region = a.world->authorities[h].place->region;
            assert_string_not_equal(region, "London");
            assert_string_not_equal(region, "West Midlands");
        }
    }
    assert_in_range(hosts, 5, 13);
    /* Each seed's hosts are among the 13 fixed ones: together still at most 13. */
    size_t together = 0;
    for (size_t h = 0; h < a.world->n_authorities; h++)
        together += host_a[h] || host_b[h];
    assert_true(together <= 13);
    free(host_a);
    free(host_b);
    release(a);
    release(b);
}

static void test_settings(void **state)
{
    (void)state;
    generated g = generate("wla", 1, 1.0);
    static const char *const expected[][2] = {
        {"distance_weight", "3"}, {"spot_cost", "15000"},  {"preference_cost", "500"},
        {"move_cost", "1000"},    {"contract_cost", "150"}, {"min_rating", "requires_improvement"},
        {"local_km", "32"}};
    assert_int_equal(g.draft->n_settings, 7);
    for (size_t k = 0; k < 7; k++) {
        assert_string_equal(g.draft->settings[k][0], expected[k][0]);
        assert_string_equal(g.draft->settings[k][1], expected[k][1]);
    }
    release(g);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_names),
        cmocka_unit_test(test_england_count),
        cmocka_unit_test(test_count_independent_of_preset),
        cmocka_unit_test(test_scale),
        cmocka_unit_test(test_category_shares),
        cmocka_unit_test(test_placements_fit_england),
        cmocka_unit_test(test_placements_fit_small_presets),
        cmocka_unit_test(test_groups),
        cmocka_unit_test(test_same_seed_same_draft),
        cmocka_unit_test(test_other_seed_other_draft),
        cmocka_unit_test(test_providers_and_tiers),
        cmocka_unit_test(test_secure_hosts),
        cmocka_unit_test(test_settings),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
