/* Tests of io/dat_writer.c: the MathProg data for models/placement.mod, written from the small
 * fixtures (a whole file checked line by line; candidates, spot costs, quotes and settings),
 * symbol quoting, ids MathProg cannot hold, and a failing stream. */
#define _POSIX_C_SOURCE 200809L

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "core/candidates.h"
#include "files.h"
#include "io/dat_writer.h"
#include "io/instance_reader.h"
#include "scratch.h"
#include "util/status.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct exported {
    int status;
    char *text; /* what was written, NUL-terminated */
    size_t size;
    cp_errors errors;
} exported;

/* Loads directory, builds the candidates of config and writes the data to memory. */
static exported export_dir(const char *directory, const char *config_name)
{
    cp_errors errors = {0};
    cp_instance *instance = NULL;
    int loaded = cp_instance_load(directory, &instance, &errors);
    if (loaded != CP_OK)
        for (size_t i = 0; i < errors.count; i++)
            print_error("%s\n", errors.lines[i]);
    assert_int_equal(loaded, CP_OK);
    const cp_config *config = cp_instance_config(instance, config_name);
    assert_non_null(config);
    cp_candidates *candidates = NULL;
    assert_int_equal(cp_candidates_build(instance, config, &candidates, &errors), CP_OK);

    exported result = {0};
    FILE *out = open_memstream(&result.text, &result.size);
    assert_non_null(out);
    result.status = cp_dat_write(out, candidates, &result.errors);
    assert_int_equal(fclose(out), 0);
    cp_candidates_destroy(candidates);
    cp_instance_destroy(instance);
    cp_errors_clear(&errors);
    return result;
}

static void exported_free(exported *e)
{
    free(e->text);
    cp_errors_clear(&e->errors);
}

static void assert_contains(const char *text, const char *part)
{
    if (!strstr(text, part)) {
        print_error("expected to find:\n%s\nin:\n%s\n", part, text);
        fail();
    }
}

static void test_small_groups_whole_file(void **state)
{
    (void)state;
    exported e = export_dir(TEST_DATA_DIR "/small-groups", "standalone");
    assert_int_equal(e.status, CP_OK);
    assert_int_equal(e.errors.count, 0);
    /* f1 and f2 (the group) are offered s1 as well: filters ignore capacity. u4 (a2) is not
     * offered s1, owned by a1 under standalone. */
    assert_string_equal(e.text,
                        "# Data for models/placement.mod (carepool export): configuration "
                        "'standalone', 4 users, 3 services, 11 pairs\n"
                        "data;\n"
                        "\n"
                        "set USERS :=\n  'f1'\n  'f2'\n  'u3'\n  'u4';\n"
                        "\n"
                        "set SERVICES :=\n  's1'\n  's2'\n  's3';\n"
                        "\n"
                        "set POOLS :=\n  'a1'\n  'a2';\n"
                        "\n"
                        "set PROVIDERS :=\n  'P'\n  'Q';\n"
                        "\n"
                        "param pool :=\n  'f1' 'a1'\n  'f2' 'a1'\n  'u3' 'a1'\n  'u4' 'a2';\n"
                        "\n"
                        "param provider :=\n  's1' 'P'\n  's2' 'Q'\n  's3' 'P';\n"
                        "\n"
                        "param capacity :=\n  's1' 1\n  's2' 4\n  's3' 2;\n"
                        "\n"
                        "param : CANDIDATE : fixed_cost min_occupancy :=;\n"
                        "\n"
                        "param : PAIRS : price places cost :=\n"
                        "  'f1' 's1' 800 1 0\n  'f1' 's2' 1000 1 0\n  'f1' 's3' 950 1 0\n"
                        "  'f2' 's1' 800 1 0\n  'f2' 's2' 1000 1 0\n  'f2' 's3' 950 1 0\n"
                        "  'u3' 's1' 800 1 200\n  'u3' 's2' 1000 1 200\n  'u3' 's3' 950 1 0\n"
                        "  'u4' 's2' 1000 1 25\n  'u4' 's3' 950 1 25;\n"
                        "\n"
                        "param : SPOT : unplaced_cost :=;\n"
                        "\n"
                        "set GROUPS :=\n  'fam';\n"
                        "set MEMBERS['fam'] :=\n  'f1'\n  'f2';\n"
                        "\n"
                        "param n_tiers :=\n  'Q' 1;\n"
                        "\n"
                        "param : min_places discount :=\n  'Q' 1 3 0.10000000000000001;\n"
                        "\n"
                        "param contract_cost := 0;\n"
                        "param max_share := 1;\n"
                        "\n"
                        "end;\n");
    exported_free(&e);
}

static void test_small_groups_pooled_offers_owned_service(void **state)
{
    (void)state;
    exported e = export_dir(TEST_DATA_DIR "/small-groups", "pooled");
    assert_int_equal(e.status, CP_OK);
    assert_contains(e.text, "set POOLS :=\n  'pooled';\n");
    assert_contains(e.text, "param pool :=\n  'f1' 'pooled'\n  'f2' 'pooled'\n  'u3' 'pooled'\n"
                            "  'u4' 'pooled';\n");
    assert_contains(e.text, "  'u4' 's1' 800 1 25\n");
    exported_free(&e);
}

static void test_small_candidates(void **state)
{
    (void)state;
    exported e = export_dir(TEST_DATA_DIR "/small-candidates", "pooled");
    assert_int_equal(e.status, CP_OK);
    assert_contains(
        e.text, "param : CANDIDATE : fixed_cost min_occupancy :=\n  'c1' 600 3\n  'c2' 2500 1;\n");
    /* u1 has spot_cost none; u4 its own 900; u2 and u3 the settings' 2600 */
    assert_contains(e.text,
                    "param : SPOT : unplaced_cost :=\n  'u2' 2600\n  'u3' 2600\n  'u4' 900;\n");
    /* the quote's price; distance_weight 2 x 1.4974430016 km from Camden to e1 */
    assert_contains(e.text, "  'u3' 'e1' 1200 1 2.99488600320");
    assert_contains(e.text, "  'u2' 'e1' 1500 1 2.99488600320");
    assert_contains(e.text, "  'u1' 'c1' 1000 1 0\n");
    assert_contains(e.text, "set GROUPS :=;\n\nparam n_tiers :=;\n\n"
                            "param : min_places discount :=;\n\n"
                            "param contract_cost := 100;\nparam max_share := 0.75;\n");
    exported_free(&e);
}

static void test_small_tiers_owners_configuration(void **state)
{
    (void)state;
    exported e = export_dir(TEST_DATA_DIR "/small-tiers-owners", "north");
    assert_int_equal(e.status, CP_OK);
    assert_contains(e.text, "configuration 'north', 8 users, 5 services, ");
    assert_contains(e.text, "set POOLS :=\n  'north'\n  'south';\n");
    /* d's quote sets price and places; c (n2) may use h1 (owned by n1) in pool north */
    assert_contains(e.text, "  'd' 't1' 1700 2 0\n");
    assert_contains(e.text, "  'c' 'h1' 700 1 0\n");
    /* the locked e has exactly one pair: m1 */
    assert_contains(e.text, "  'e' 'm1' 980 1 0\n  'g1'");
    assert_contains(e.text, "param n_tiers :=\n  'T' 2;\n");
    assert_contains(e.text, "param : min_places discount :=\n  'T' 1 2 0.050000000000000003\n"
                            "  'T' 2 4 0.12;\n");
    exported_free(&e);

    e = export_dir(TEST_DATA_DIR "/small-tiers-owners", "standalone");
    assert_null(strstr(e.text, "  'c' 'h1'"));
    assert_contains(e.text, "  'c' 'k1' 760 1 0\n");
    exported_free(&e);
}

/* A scratch instance directory with the given users.csv and services.csv bodies; remove it
 * with scratch_remove. */
static char *make_instance(const char *services, const char *users)
{
    char *dir = scratch_create();
    file_write(file_path(dir, "authorities.csv"),
               "id,name,lat,lon\nst_helen's,St Helens,53.45,-2.74\n");
    file_write(file_path(dir, "services.csv"), services);
    file_write(file_path(dir, "users.csv"), users);
    return dir;
}

static void test_quotes_are_doubled(void **state)
{
    (void)state;
    char *dir = make_instance("id,provider,authority,type,capacity,weekly_price\n"
                              "\"home \"\"one\"\"\",o'neill care,st_helen's,residential,1,10\n",
                              "id,authority,types\no'brien,st_helen's,residential\n");
    exported e = export_dir(dir, "standalone");
    assert_int_equal(e.status, CP_OK);
    assert_contains(e.text, "set USERS :=\n  'o''brien';\n");
    assert_contains(e.text, "set SERVICES :=\n  'home \"one\"';\n");
    assert_contains(e.text, "set POOLS :=\n  'st_helen''s';\n");
    assert_contains(e.text, "param provider :=\n  'home \"one\"' 'o''neill care';\n");
    assert_contains(e.text,
                    "param : PAIRS : price places cost :=\n  'o''brien' 'home \"one\"' 10 1 0;\n");
    exported_free(&e);
    scratch_remove(dir);
}

static void test_unrepresentable_ids_write_nothing(void **state)
{
    (void)state;
    char long_id[CP_DAT_MAX_SYMBOL + 2];
    memset(long_id, 'x', CP_DAT_MAX_SYMBOL + 1);
    long_id[CP_DAT_MAX_SYMBOL + 1] = '\0';
    char services[512];
    snprintf(services, sizeof services,
             "id,authority,type,capacity,weekly_price\n%s,st_helen's,residential,1,10\n"
             "\"tab\there\",st_helen's,residential,1,10\n",
             long_id);
    char *dir = make_instance(services, "id,authority,types\nu1,st_helen's,residential\n");
    exported e = export_dir(dir, "standalone");
    assert_int_equal(e.status, CP_ERR_INPUT);
    assert_int_equal(e.size, 0);
    /* each service's provider defaults to its id, so it is reported too */
    assert_int_equal(e.errors.count, 4);
    const char *kinds[] = {"service id", "service id", "provider", "provider"};
    for (int i = 0; i < 4; i++) {
        char expected[512];
        snprintf(expected, sizeof expected,
                 "dat export: %s '%s' cannot be a MathProg symbol (at most 100 bytes, no "
                 "control characters)",
                 kinds[i], i % 2 == 0 ? long_id : "tab\there");
        assert_string_equal(e.errors.lines[i], expected);
    }
    exported_free(&e);

    /* exactly CP_DAT_MAX_SYMBOL bytes is accepted */
    long_id[CP_DAT_MAX_SYMBOL] = '\0';
    snprintf(services, sizeof services,
             "id,authority,type,capacity,weekly_price\n%s,st_helen's,residential,1,10\n", long_id);
    scratch_remove(dir);
    dir = make_instance(services, "id,authority,types\nu1,st_helen's,residential\n");
    e = export_dir(dir, "standalone");
    assert_int_equal(e.status, CP_OK);
    exported_free(&e);
    scratch_remove(dir);
}

static void test_write_failure(void **state)
{
    (void)state;
    cp_errors errors = {0};
    cp_instance *instance = NULL;
    assert_int_equal(cp_instance_load(TEST_DATA_DIR "/small-groups", &instance, &errors), CP_OK);
    cp_candidates *candidates = NULL;
    assert_int_equal(
        cp_candidates_build(instance, cp_instance_config(instance, "pooled"), &candidates, &errors),
        CP_OK);
    FILE *full = fopen("/dev/full", "w");
    assert_non_null(full);
    assert_int_equal(cp_dat_write(full, candidates, &errors), CP_ERR_INTERNAL);
    fclose(full);
    assert_int_equal(errors.count, 1);
    assert_string_equal(errors.lines[0], "dat export: write failed: No space left on device");
    cp_errors_clear(&errors);
    cp_candidates_destroy(candidates);
    cp_instance_destroy(instance);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_small_groups_whole_file),
        cmocka_unit_test(test_small_groups_pooled_offers_owned_service),
        cmocka_unit_test(test_small_candidates),
        cmocka_unit_test(test_small_tiers_owners_configuration),
        cmocka_unit_test(test_quotes_are_doubled),
        cmocka_unit_test(test_unrepresentable_ids_write_nothing),
        cmocka_unit_test(test_write_failure),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
