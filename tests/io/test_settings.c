/* Tests of settings outside settings.csv (io/settings.h): --set values checked as the file's
 * (the same messages, the setting unchanged on a problem), an unknown key with its close match
 * and the list of keys, every key formatted so that it reads back the same, and a changed
 * setting reaching the people who take it from the settings but not those with their own. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "io/instance_reader.h"
#include "io/settings.h"
#include "util/log.h"
#include "util/status.h"

#include <math.h>
#include <string.h>

/* Fails unless every setting of a and b is the same (padding aside). */
static void assert_same_settings(const cp_settings *a, const cp_settings *b)
{
    assert_true(a->distance_weight == b->distance_weight);
    assert_true(a->max_distance_km == b->max_distance_km);
    assert_int_equal(a->has_spot_cost, b->has_spot_cost);
    assert_true(a->spot_cost == b->spot_cost);
    assert_true(a->preference_cost == b->preference_cost);
    assert_true(a->move_cost == b->move_cost);
    assert_true(a->contract_cost == b->contract_cost);
    assert_true(a->max_provider_share == b->max_provider_share);
    assert_int_equal(a->min_rating, b->min_rating);
    assert_int_equal(a->exclude_unrated, b->exclude_unrated);
    assert_true(a->local_km == b->local_km);
    assert_int_equal(a->quotes_only, b->quotes_only);
}

static void test_set_checks_values(void **state)
{
    (void)state;
    cp_settings settings = cp_settings_default();
    cp_errors errors = {0};
    assert_int_equal(cp_settings_set(&settings, "distance_weight", "2.5", &errors), CP_OK);
    assert_true(settings.distance_weight == 2.5);
    assert_int_equal(cp_settings_set(&settings, "spot_cost", "9000", &errors), CP_OK);
    assert_true(settings.has_spot_cost && settings.spot_cost == 9000);
    assert_int_equal(cp_settings_set(&settings, "spot_cost", "NONE", &errors), CP_OK);
    assert_false(settings.has_spot_cost);
    assert_int_equal(cp_settings_set(&settings, "min_rating", "good", &errors), CP_OK);
    assert_int_equal(settings.min_rating, CP_RATING_GOOD);
    assert_int_equal(cp_settings_set(&settings, "quotes_only", "yes", &errors), CP_OK);
    assert_true(settings.quotes_only);
    assert_false(cp_errors_any(&errors));

    const struct {
        const char *key, *value, *message;
    } bad[] = {
        {"distance_weight", "-1", "--set: column 'distance_weight': must be >= 0 (value '-1')"},
        {"max_provider_share", "1.5",
         "--set: column 'max_provider_share': must be > 0 and <= 1 (value '1.5')"},
        {"min_rating", "unrated",
         "--set: column 'min_rating': unrated is not a minimum (see exclude_unrated) (value "
         "'unrated')"},
        {"local_km", "", "--set: column 'local_km': missing value"},
        {"quotes_only", "maybe", NULL},
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        cp_settings before = settings;
        assert_int_equal(cp_settings_set(&settings, bad[i].key, bad[i].value, &errors),
                         CP_ERR_INPUT);
        assert_int_equal(errors.count, 1);
        if (bad[i].message)
            assert_string_equal(errors.lines[0], bad[i].message);
        else
            assert_non_null(strstr(errors.lines[0], "--set: column 'quotes_only': "));
        assert_same_settings(&before, &settings);
        cp_errors_clear(&errors);
    }
}

static void test_unknown_key_names_a_close_match(void **state)
{
    (void)state;
    cp_settings settings = cp_settings_default();
    cp_errors errors = {0};
    assert_int_equal(cp_settings_set(&settings, "distance_weigth", "2", &errors), CP_ERR_INPUT);
    assert_string_equal(errors.lines[0],
                        "--set: unknown setting 'distance_weigth' (did you mean "
                        "'distance_weight'?); known: distance_weight, max_distance_km, "
                        "spot_cost, preference_cost, move_cost, contract_cost, "
                        "max_provider_share, min_rating, exclude_unrated, local_km, quotes_only");
    cp_errors_clear(&errors);
    assert_string_equal(cp_settings_closest_key("spotcost"), "spot_cost");
    assert_string_equal(cp_settings_closest_key("Move_Cost"), "move_cost");
    assert_null(cp_settings_closest_key("colour"));
    assert_int_equal(cp_settings_set(&settings, "colour", "red", &errors), CP_ERR_INPUT);
    assert_non_null(strstr(errors.lines[0], "unknown setting 'colour'; known: distance_weight"));
    cp_errors_clear(&errors);
}

/* Every key of a changed set of settings, formatted and set again, gives the same values. */
static void test_format_reads_back(void **state)
{
    (void)state;
    cp_settings settings = cp_settings_default(), copy = cp_settings_default();
    cp_errors errors = {0};
    settings.distance_weight = 0.1 + 0.2;
    settings.max_distance_km = 80;
    settings.has_spot_cost = true;
    settings.spot_cost = 1.0 / 3;
    settings.min_rating = CP_RATING_REQUIRES_IMPROVEMENT;
    settings.exclude_unrated = true;
    settings.max_provider_share = 0.35;
    for (int k = 0; k < cp_settings_key_count(); k++) {
        char value[64];
        cp_settings_format(&settings, k, value, sizeof value);
        assert_int_equal(cp_settings_set(&copy, cp_settings_key(k), value, &errors), CP_OK);
    }
    assert_same_settings(&settings, &copy);
    cp_settings defaults = cp_settings_default();
    char value[64];
    cp_settings_format(&defaults, 1, value, sizeof value);
    assert_string_equal(value, "none");
}

/* reader-valid (settings: spot_cost 9000, max_distance_km 80): u1 has its own limit (50) and
 * takes the spot cost, u2 takes the limit and has its own spot cost (none), u3 has both its
 * own (limit none, spot cost 4000). */
static void test_changed_setting_reaches_who_takes_it(void **state)
{
    (void)state;
    cp_log_set_verbosity(CP_QUIET);
    cp_instance *instance = NULL;
    cp_errors errors = {0};
    assert_int_equal(cp_instance_load(TEST_DATA_DIR "/reader-valid", &instance, &errors), CP_OK);
    int u1 = cp_strmap_get(instance->user_index, "u1");
    int u2 = cp_strmap_get(instance->user_index, "u2");
    int u3 = cp_strmap_get(instance->user_index, "u3");
    assert_int_equal(cp_settings_set(&instance->settings, "spot_cost", "5000", &errors), CP_OK);
    assert_int_equal(cp_settings_set(&instance->settings, "max_distance_km", "10", &errors), CP_OK);
    cp_instance_apply_settings(instance);
    assert_true(instance->users[u1].has_spot_cost && instance->users[u1].spot_cost == 5000);
    assert_false(instance->users[u2].has_spot_cost);
    assert_true(instance->users[u3].spot_cost == 4000);
    assert_true(instance->users[u1].max_distance_km == 50);
    assert_true(instance->users[u2].max_distance_km == 10);
    assert_true(isinf(instance->users[u3].max_distance_km));
    cp_instance_destroy(instance);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_set_checks_values),
        cmocka_unit_test(test_unknown_key_names_a_close_match),
        cmocka_unit_test(test_format_reads_back),
        cmocka_unit_test(test_changed_setting_reaches_who_takes_it),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
