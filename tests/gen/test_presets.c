/* Tests of the generator's presets (gen/presets.h): lookup, members of each preset, and the
 * pooling configurations they add to a draft (listed partnerships, regions, cooperatives). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gen/generate.h"
#include "gen/presets.h"

static const char *const names[] = {"sw-london",        "wla",
                                    "london",           "rcc-south-east",
                                    "england-children", "england-adults-ld"};

static void test_find(void **state)
{
    (void)state;
    assert_int_equal(cp_gen_n_presets, 6);
    for (size_t k = 0; k < 6; k++) {
        const cp_gen_preset *preset = cp_gen_preset_find(names[k]);
        assert_non_null(preset);
        assert_ptr_equal(preset, &cp_gen_presets[k]);
        assert_string_equal(preset->name, names[k]);
    }
    assert_null(cp_gen_preset_find("nope"));
    assert_null(cp_gen_preset_find(""));
    assert_null(cp_gen_preset_find("WLA"));
    assert_int_equal(cp_gen_preset_find("sw-london")->population, CP_GEN_ADULTS_LD);
    assert_int_equal(cp_gen_preset_find("england-adults-ld")->population, CP_GEN_ADULTS_LD);
    assert_int_equal(cp_gen_preset_find("wla")->population, CP_GEN_CHILDREN);
    assert_int_equal(cp_gen_preset_find("england-children")->population, CP_GEN_CHILDREN);
    assert_string_equal(cp_generate_preset_names(),
                        "sw-london|wla|london|rcc-south-east|england-children|"
                        "england-adults-ld|gap-c|gap-d|gap-e|facility-small|facility-large|"
                        "facility-local");
}

/* Members of a preset: every code names an upper-tier council, none twice. */
static size_t check_members(const char *name)
{
    size_t n;
    const char **codes = cp_gen_preset_members(cp_gen_preset_find(name), &n);
    assert_null(codes[n]);
    for (size_t k = 0; k < n; k++) {
        const cp_place *place = cp_place_by_code(codes[k]);
        assert_non_null(place);
        assert_int_equal(place->upper, 1);
        for (size_t j = 0; j < k; j++)
            assert_string_not_equal(codes[j], codes[k]);
    }
    free(codes);
    return n;
}

static void test_members(void **state)
{
    (void)state;
    assert_int_equal(check_members("sw-london"), 6);
    assert_int_equal(check_members("wla"), 9);
    assert_int_equal(check_members("london"), 33);
    assert_int_equal(check_members("rcc-south-east"), 19);
    assert_int_equal(check_members("england-children"), 153);
    assert_int_equal(check_members("england-adults-ld"), 153);

    size_t n;
    const char **codes = cp_gen_preset_members(cp_gen_preset_find("wla"), &n);
    static const char *const wla[] = {"BEN", "EAL", "HMF", "HRW", "HIL",
                                      "HNS", "CMD", "KEC", "WSM"};
    for (size_t k = 0; k < 9; k++)
        assert_string_equal(codes[k], wla[k]);
    free(codes);
    codes = cp_gen_preset_members(cp_gen_preset_find("london"), &n);
    for (size_t k = 0; k < n; k++)
        assert_string_equal(cp_place_by_code(codes[k])->region, "London");
    free(codes);
    codes = cp_gen_preset_members(cp_gen_preset_find("rcc-south-east"), &n);
    for (size_t k = 0; k < n; k++)
        assert_string_equal(cp_place_by_code(codes[k])->region, "South East");
    free(codes);
}

/* A world of the preset's members and a draft with its configurations. */
typedef struct fixture {
    cp_gen_world *world;
    cp_gen_draft *draft;
} fixture;

static fixture configured(const char *name)
{
    const cp_gen_preset *preset = cp_gen_preset_find(name);
    size_t n;
    const char **codes = cp_gen_preset_members(preset, &n);
    cp_errors errors = {0};
    fixture f;
    f.world = cp_gen_world_create(codes, n, &errors);
    free(codes);
    assert_non_null(f.world);
    static const char *const no_names[] = {"x"};
    f.draft = cp_gen_draft_create(f.world, no_names, 1, no_names, 1);
    cp_gen_preset_configurations(preset, f.draft);
    return f;
}

static void release(fixture f)
{
    cp_gen_draft_destroy(f.draft);
    cp_gen_world_destroy(f.world);
}

static const cp_gen_config *config(const fixture *f, const char *name)
{
    for (size_t c = 0; c < f->draft->n_configs; c++)
        if (strcmp(f->draft->configs[c].name, name) == 0)
            return &f->draft->configs[c];
    fail_msg("no configuration '%s'", name);
    return NULL;
}

/* The pool of the member with code (its own id when the configuration leaves it alone). */
static const char *pool(const fixture *f, const cp_gen_config *c, const char *code)
{
    size_t a = cp_gen_world_find(f->world, code);
    assert_true(a != (size_t)-1);
    const char *name = c->pool_of_authority[a];
    return name ? name : f->world->authorities[a].place->id;
}

/* Distinct pools among the members; fails if any member has no pool named. */
static size_t distinct_pools(const fixture *f, const cp_gen_config *c)
{
    const char **seen = malloc(f->world->n_members * sizeof *seen);
    size_t n = 0;
    for (size_t m = 0; m < f->world->n_members; m++) {
        const char *name = c->pool_of_authority[f->world->members[m]];
        if (!name)
            fail_msg("'%s' has no pool in '%s'",
                     f->world->authorities[f->world->members[m]].place->code, c->name);
        size_t k = 0;
        while (k < n && strcmp(seen[k], name) != 0)
            k++;
        if (k == n)
            seen[n++] = name;
    }
    free(seen);
    return n;
}

/* No pool holds members of two regions. */
static void assert_pools_within_regions(const fixture *f, const cp_gen_config *c)
{
    for (size_t m = 0; m < f->world->n_members; m++)
        for (size_t j = m + 1; j < f->world->n_members; j++) {
            size_t a = f->world->members[m], b = f->world->members[j];
            if (strcmp(c->pool_of_authority[a], c->pool_of_authority[b]) == 0)
                assert_string_equal(f->world->authorities[a].place->region,
                                    f->world->authorities[b].place->region);
        }
}

static void test_sw_london(void **state)
{
    (void)state;
    fixture f = configured("sw-london");
    assert_int_equal(f.draft->n_configs, 2);
    assert_string_equal(f.draft->configs[0].name, "two-hubs");
    assert_string_equal(f.draft->configs[1].name, "richmond-wandsworth");
    const cp_gen_config *hubs = config(&f, "two-hubs");
    assert_int_equal(distinct_pools(&f, hubs), 2);
    assert_string_equal(pool(&f, hubs, "CRY"), "croydon_sutton_merton");
    assert_string_equal(pool(&f, hubs, "STN"), "croydon_sutton_merton");
    assert_string_equal(pool(&f, hubs, "MRT"), "croydon_sutton_merton");
    assert_string_equal(pool(&f, hubs, "KTT"), "kingston_richmond_wandsworth");
    assert_string_equal(pool(&f, hubs, "RIC"), "kingston_richmond_wandsworth");
    assert_string_equal(pool(&f, hubs, "WND"), "kingston_richmond_wandsworth");
    const cp_gen_config *pair = config(&f, "richmond-wandsworth");
    assert_string_equal(pool(&f, pair, "RIC"), "richmond_wandsworth");
    assert_string_equal(pool(&f, pair, "WND"), "richmond_wandsworth");
    assert_string_equal(pool(&f, pair, "CRY"), "croydon");
    assert_string_equal(pool(&f, pair, "KTT"), "kingston_upon_thames");
    release(f);
}

static void test_wla(void **state)
{
    (void)state;
    static const char *const core[] = {"BEN", "EAL", "HMF", "HRW", "HIL", "HNS"};
    fixture f = configured("wla");
    assert_int_equal(f.draft->n_configs, 3);
    assert_string_equal(f.draft->configs[0].name, "core-six");
    assert_string_equal(f.draft->configs[1].name, "core-six-and-bi-borough");
    assert_string_equal(f.draft->configs[2].name, "tri-borough-split");

    const cp_gen_config *six = config(&f, "core-six");
    for (size_t k = 0; k < 6; k++)
        assert_string_equal(pool(&f, six, core[k]), "wla_core");
    assert_string_equal(pool(&f, six, "CMD"), "camden");
    assert_string_equal(pool(&f, six, "KEC"), "kensington_and_chelsea");
    assert_string_equal(pool(&f, six, "WSM"), "westminster");

    const cp_gen_config *bi = config(&f, "core-six-and-bi-borough");
    for (size_t k = 0; k < 6; k++)
        assert_string_equal(pool(&f, bi, core[k]), "wla_core");
    assert_string_equal(pool(&f, bi, "KEC"), "bi_borough");
    assert_string_equal(pool(&f, bi, "WSM"), "bi_borough");
    assert_string_equal(pool(&f, bi, "CMD"), "camden");

    const cp_gen_config *tri = config(&f, "tri-borough-split");
    assert_string_equal(pool(&f, tri, "HMF"), "tri_borough");
    assert_string_equal(pool(&f, tri, "KEC"), "tri_borough");
    assert_string_equal(pool(&f, tri, "WSM"), "tri_borough");
    static const char *const west[] = {"BEN", "EAL", "HRW", "HIL", "HNS"};
    for (size_t k = 0; k < 5; k++)
        assert_string_equal(pool(&f, tri, west[k]), "wla_west");
    assert_string_equal(pool(&f, tri, "CMD"), "camden");
    release(f);
}

static void test_london_sub_regions(void **state)
{
    (void)state;
    fixture f = configured("london");
    assert_int_equal(f.draft->n_configs, 1);
    const cp_gen_config *c = config(&f, "sub-regions");
    assert_int_equal(distinct_pools(&f, c), 4);
    assert_string_equal(pool(&f, c, "LND"), "central_london_forward");
    assert_string_equal(pool(&f, c, "HAV"), "local_london");
    assert_string_equal(pool(&f, c, "MRT"), "south_london_partnership");
    assert_string_equal(pool(&f, c, "BNE"), "west_london_alliance");
    /* Pools cover members only: no authority outside London is named. */
    for (size_t a = 0; a < f.world->n_authorities; a++)
        if (!f.world->authorities[a].member)
            assert_null(c->pool_of_authority[a]);
    release(f);
}

static void test_south_east_sub_regions(void **state)
{
    (void)state;
    fixture f = configured("rcc-south-east");
    assert_int_equal(f.draft->n_configs, 1);
    const cp_gen_config *c = config(&f, "sub-regions");
    assert_int_equal(distinct_pools(&f, c), 6);
    assert_string_equal(pool(&f, c, "SRY"), "surrey");
    assert_string_equal(pool(&f, c, "MDW"), "kent_and_medway");
    assert_string_equal(pool(&f, c, "IOW"), "hampshire_and_isle_of_wight");
    release(f);
}

static void test_england_children(void **state)
{
    (void)state;
    fixture f = configured("england-children");
    assert_int_equal(f.draft->n_configs, 2);
    assert_string_equal(f.draft->configs[0].name, "regions");
    assert_string_equal(f.draft->configs[1].name, "cooperatives");

    const cp_gen_config *regions = config(&f, "regions");
    assert_int_equal(distinct_pools(&f, regions), 9);
    assert_pools_within_regions(&f, regions);
    assert_string_equal(pool(&f, regions, "MRT"), "london");
    assert_string_equal(pool(&f, regions, "LAN"), "north_west");
    assert_string_equal(pool(&f, regions, "NET"), "north_east");
    assert_string_equal(pool(&f, regions, "KEN"), "south_east");

    const cp_gen_config *cooperatives = config(&f, "cooperatives");
    size_t n = distinct_pools(&f, cooperatives);
    assert_in_range(n, 18, 22);
    assert_pools_within_regions(&f, cooperatives);
    /* Pools of a region are numbered from 1 without gaps: no cluster is left empty. */
    for (size_t m = 0; m < f.world->n_members; m++) {
        const char *name = cooperatives->pool_of_authority[f.world->members[m]];
        const char *number = strrchr(name, '_');
        assert_non_null(number);
        int k = atoi(number + 1);
        assert_true(k >= 1);
        if (k == 1)
            continue;
        char previous[96];
        snprintf(previous, sizeof previous, "%.*s_%d", (int)(number - name), name, k - 1);
        int found = 0;
        for (size_t j = 0; j < f.world->n_members; j++)
            found |= strcmp(cooperatives->pool_of_authority[f.world->members[j]], previous) == 0;
        assert_true(found);
    }
    /* Every region is split into at least one pool, named after it. */
    assert_int_equal(strncmp(pool(&f, cooperatives, "NET"), "north_east_", 11), 0);
    assert_int_equal(strncmp(pool(&f, cooperatives, "MRT"), "london_", 7), 0);
    release(f);
}

static void test_england_adults(void **state)
{
    (void)state;
    fixture f = configured("england-adults-ld");
    assert_int_equal(f.draft->n_configs, 1);
    assert_string_equal(f.draft->configs[0].name, "regions");
    assert_int_equal(distinct_pools(&f, config(&f, "regions")), 9);
    release(f);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_find),
        cmocka_unit_test(test_members),
        cmocka_unit_test(test_sw_london),
        cmocka_unit_test(test_wla),
        cmocka_unit_test(test_london_sub_regions),
        cmocka_unit_test(test_south_east_sub_regions),
        cmocka_unit_test(test_england_children),
        cmocka_unit_test(test_england_adults),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
