/* Tests of the scenario transforms (core/scenario.h): percentages and --demand-growth specs
 * parsed or refused, growth that copies people (ids that cannot clash, no placement, the
 * source's quotes, never a locked source) and removes them (never the locked or a group's
 * members), factors of type and council that multiply, the same draw for the same seed, +0%
 * that changes nothing, names that are unknown or ambiguous, and uplifts on every price or
 * one provider's. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "core/scenario.h"
#include "instance_builder.h"
#include "util/alloc.h"
#include "util/log.h"
#include "util/status.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { A, B };
enum { S1, S2 };

/* Councils a and b; s1 (a, residential, 1000) and s2 (b, supported_living, 800), each its own
 * provider. a: r1..r4 residential, r5 residential locked in s1, r6 residential in group g,
 * l1 and l2 supported_living; b: b1 residential, b2..b5 supported_living. r1 has a quote of
 * 500 at s1. */
static cp_instance *people(void)
{
    cp_instance *in = tb_create();
    tb_authority(in, "a", 51.0, 0.0);
    tb_authority(in, "b", 51.0, 0.1);
    tb_service(in, "s1", A, "residential", 10, 1000);
    tb_service(in, "s2", B, "supported_living", 10, 800);
    const char *residential[] = {"r1", "r2", "r3", "r4", "r5", "r6"};
    for (int i = 0; i < 6; i++)
        tb_user(in, residential[i], A, "residential;supported_living");
    in->users[4].current_service = S1;
    in->users[4].locked = true;
    tb_group(in, 5, "g");
    tb_user(in, "l1", A, "supported_living");
    tb_user(in, "l2", A, "supported_living");
    tb_user(in, "b1", B, "residential");
    const char *living[] = {"b2", "b3", "b4", "b5"};
    for (int i = 0; i < 4; i++)
        tb_user(in, living[i], B, "supported_living");
    tb_quote(in, 0, S1, 500, NAN);
    tb_finish(in);
    return in;
}

static int quiet(void **state)
{
    (void)state;
    cp_log_set_verbosity(CP_QUIET);
    return 0;
}

/* Parses spec and applies it with seed; asserts both succeed. */
static void grow(cp_instance *in, const char *spec, uint64_t seed)
{
    cp_growth growth;
    cp_errors errors = {0};
    assert_int_equal(cp_growth_parse(spec, &growth, &errors), CP_OK);
    assert_int_equal(cp_scenario_grow(in, &growth, spec, seed, &errors), CP_OK);
    assert_false(cp_errors_any(&errors));
    cp_growth_free(&growth);
}

/* The ids of the people, joined by spaces, in a static buffer. */
static const char *ids(const cp_instance *in)
{
    static char text[1024];
    text[0] = '\0';
    for (int u = 0; u < in->n_users; u++)
        snprintf(text + strlen(text), sizeof text - strlen(text), "%s%s", u ? " " : "",
                 in->users[u].id);
    return text;
}

/* Fails unless the user index, the quotes' users and the quote offsets agree. */
static void assert_consistent(const cp_instance *in)
{
    for (int u = 0; u < in->n_users; u++) {
        assert_int_equal(cp_strmap_get(in->user_index, in->users[u].id), u);
        for (int q = in->quote_start[u]; q < in->quote_start[u + 1]; q++)
            assert_int_equal(in->quotes[q].user, u);
    }
    assert_int_equal(in->quote_start[in->n_users], in->n_quotes);
    assert_int_equal((int)cp_strmap_size(in->user_index), in->n_users);
}

static void test_percent_parse(void **state)
{
    (void)state;
    const struct {
        const char *text;
        double pct;
    } good[] = {{"+10%", 10}, {"-2.5%", -2.5}, {"3%", 3}, {".5%", 0.5}, {"-100%", -100}};
    for (size_t i = 0; i < sizeof good / sizeof good[0]; i++) {
        double pct = NAN;
        assert_true(cp_percent_parse(good[i].text, &pct));
        assert_true(pct == good[i].pct);
    }
    const char *bad[] = {"10", "%", "+%", "1e2%", "abc%", "1.2.3%", " 5%", "5 %", "--5%", ".%"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        double pct = 0;
        assert_false(cp_percent_parse(bad[i], &pct));
    }
}

static void test_growth_parse(void **state)
{
    (void)state;
    cp_growth growth;
    cp_errors errors = {0};
    assert_int_equal(
        cp_growth_parse("supported_living:+15%, residential:-10% ,croydon:+5%", &growth, &errors),
        CP_OK);
    assert_int_equal(growth.count, 3);
    assert_string_equal(growth.items[0].name, "supported_living");
    assert_true(growth.items[0].pct == 15);
    assert_string_equal(growth.items[1].name, "residential");
    assert_true(growth.items[1].pct == -10);
    assert_string_equal(growth.items[2].name, "croydon");
    cp_growth_free(&growth);
    assert_int_equal(cp_growth_parse(" +10% ", &growth, &errors), CP_OK);
    assert_int_equal(growth.count, 1);
    assert_null(growth.items[0].name);
    cp_growth_free(&growth);

    const char *bad[] = {"",       "x:",          ":5%",     "x:5",    "x:-101%",
                         "+1001%", "x:+5%,x:+6%", "+5%,-5%", "x:+5%,", "x:+5%%"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        assert_int_equal(cp_growth_parse(bad[i], &growth, &errors), CP_ERR_INPUT);
        assert_int_equal(growth.count, 0);
        assert_int_equal(errors.count, 1);
        assert_non_null(strstr(errors.lines[0], "--demand-growth: "));
        cp_errors_clear(&errors);
    }
}

static void test_zero_growth_changes_nothing(void **state)
{
    (void)state;
    cp_instance *in = people();
    char before[1024];
    snprintf(before, sizeof before, "%s", ids(in));
    grow(in, "+0%,a:+0%,residential:0%", 1);
    assert_string_equal(ids(in), before);
    assert_int_equal(in->n_quotes, 1);
    assert_int_equal(in->what_if.people_added, 0);
    assert_int_equal(in->what_if.people_removed, 0);
    assert_string_equal(in->what_if.demand_growth, "+0%,a:+0%,residential:0%");
    cp_instance_destroy(in);
}

/* residential +50%: a's 6 become 9 (3 copies of r1..r4 or r6, never the locked r5), b's one
 * becomes 2 (1.5, halves up). */
static void test_growth_copies_people(void **state)
{
    (void)state;
    cp_instance *in = people();
    grow(in, "residential:+50%", 1);
    assert_int_equal(in->n_users, 13 + 4);
    assert_int_equal(in->what_if.people_added, 4);
    assert_consistent(in);
    int copies_of_r1 = 0;
    for (int u = 13; u < in->n_users; u++) {
        const cp_user *user = &in->users[u];
        char source[8];
        snprintf(source, sizeof source, "%.*s", (int)strcspn(user->id, "."), user->id);
        int s = cp_strmap_get(in->user_index, source);
        assert_true(s >= 0 && s < 13 && s != 4);
        assert_non_null(strstr(user->id, ".g"));
        assert_int_equal(user->authority, in->users[s].authority);
        assert_int_equal(user->types[0], in->users[s].types[0]);
        assert_int_equal(user->current_service, CP_NONE);
        assert_false(user->locked);
        assert_int_equal(user->group, CP_NONE);
        if (s == 0) {
            copies_of_r1++;
            const cp_quote *quote = cp_instance_quote(in, u, S1);
            assert_non_null(quote);
            assert_true(quote->weekly_cost == 500);
        }
    }
    assert_int_equal(in->n_quotes, 1 + copies_of_r1);
    assert_string_equal(in->users[16].id, "b1.g1");
    cp_instance_destroy(in);
}

/* Over 20 seeds, no copy of the locked r5 (copying everyone alike would pick it about 42% of
 * the time a seed). */
static void test_locked_never_copied(void **state)
{
    (void)state;
    for (uint64_t seed = 1; seed <= 20; seed++) {
        cp_instance *in = people();
        grow(in, "residential:+50%", seed);
        for (int u = 13; u < in->n_users; u++)
            assert_null(strstr(in->users[u].id, "r5."));
        cp_instance_destroy(in);
    }
}

static void test_same_seed_same_draw(void **state)
{
    (void)state;
    char first[1024];
    cp_instance *one = people(), *two = people(), *other = people();
    grow(one, "a:+200%,b:-50%", 7);
    grow(two, "a:+200%,b:-50%", 7);
    grow(other, "a:+200%,b:-50%", 8);
    snprintf(first, sizeof first, "%s", ids(one));
    assert_string_equal(ids(two), first);
    assert_string_not_equal(ids(other), first);
    cp_instance_destroy(one);
    cp_instance_destroy(two);
    cp_instance_destroy(other);
}

/* supported_living x2 and b x1.5: a's 2 become 4, b's 4 become 12, b's residential 1 becomes
 * 2 (1.5); a's residential 6 stay. */
static void test_factors_multiply(void **state)
{
    (void)state;
    cp_instance *in = people();
    grow(in, "supported_living:+100%,b:+50%", 3);
    assert_int_equal(in->what_if.people_added, 2 + 8 + 1);
    int count[2][2] = {{0}};
    for (int u = 0; u < in->n_users; u++)
        count[in->users[u].authority][in->users[u].types[0]]++;
    int residential = cp_names_find(&in->types, "residential");
    int living = cp_names_find(&in->types, "supported_living");
    assert_int_equal(count[A][residential], 6);
    assert_int_equal(count[A][living], 4);
    assert_int_equal(count[B][residential], 2);
    assert_int_equal(count[B][living], 12);
    assert_consistent(in);
    cp_instance_destroy(in);
}

/* a -100%: everyone of a who is neither locked (r5) nor in a group (r6) goes, r1's quote
 * with them; the rest keep their order. */
static void test_removal_spares_locked_and_groups(void **state)
{
    (void)state;
    cp_instance *in = people();
    grow(in, "a:-100%", 1);
    assert_string_equal(ids(in), "r5 r6 b1 b2 b3 b4 b5");
    assert_int_equal(in->what_if.people_removed, 6);
    assert_int_equal(in->n_quotes, 0);
    assert_consistent(in);
    assert_true(in->users[0].locked);
    assert_int_equal(in->users[0].current_service, S1);
    cp_instance_destroy(in);
}

static void test_unknown_or_ambiguous_name(void **state)
{
    (void)state;
    cp_instance *in = people();
    cp_growth growth;
    cp_errors errors = {0};
    assert_int_equal(cp_growth_parse("nursing:+5%", &growth, &errors), CP_OK);
    assert_int_equal(cp_scenario_grow(in, &growth, "nursing:+5%", 1, &errors), CP_ERR_INPUT);
    assert_string_equal(errors.lines[0], "--demand-growth: 'nursing' is neither a service type "
                                         "nor a council of the instance");
    assert_int_equal(in->n_users, 13);
    assert_null(in->what_if.demand_growth);
    cp_growth_free(&growth);
    cp_errors_clear(&errors);
    cp_instance_destroy(in);

    in = tb_create();
    tb_authority(in, "residential", 51, 0);
    tb_service(in, "s1", 0, "residential", 1, 1);
    tb_user(in, "u1", 0, "residential");
    tb_finish(in);
    assert_int_equal(cp_growth_parse("residential:+5%", &growth, &errors), CP_OK);
    assert_int_equal(cp_scenario_grow(in, &growth, "residential:+5%", 1, &errors), CP_ERR_INPUT);
    assert_non_null(strstr(errors.lines[0], "is both a service type and a council"));
    cp_growth_free(&growth);
    cp_errors_clear(&errors);
    cp_instance_destroy(in);
}

static void test_uplift_every_price(void **state)
{
    (void)state;
    cp_instance *in = people();
    cp_uplift uplift = {.pct = 10};
    cp_errors errors = {0};
    assert_int_equal(cp_scenario_uplift(in, &uplift, "+10%", &errors), CP_OK);
    assert_true(in->services[S1].weekly_price == 1000 * 1.1);
    assert_true(in->services[S2].weekly_price == 800 * 1.1);
    assert_true(in->quotes[0].weekly_cost == 500 * 1.1);
    assert_int_equal(in->what_if.services_uplifted, 2);
    assert_int_equal(in->what_if.quotes_uplifted, 1);
    assert_string_equal(in->what_if.uplift, "+10%");
    cp_instance_destroy(in);
}

static void test_uplift_per_provider(void **state)
{
    (void)state;
    cp_instance *in = people();
    cp_uplift uplift = {
        .items = cp_calloc(1, sizeof(cp_uplift_item)), .count = 1, .file = cp_strdup("uplift.csv")};
    uplift.items[0] = (cp_uplift_item){cp_strdup("s2"), 2, 2};
    cp_errors errors = {0};
    assert_int_equal(cp_scenario_uplift(in, &uplift, "uplift.csv", &errors), CP_OK);
    assert_true(in->services[S1].weekly_price == 1000);
    assert_true(in->services[S2].weekly_price == 800 * 1.02);
    assert_true(in->quotes[0].weekly_cost == 500);
    assert_int_equal(in->what_if.services_uplifted, 1);
    assert_int_equal(in->what_if.quotes_uplifted, 0);

    free(uplift.items[0].provider);
    uplift.items[0] = (cp_uplift_item){cp_strdup("nobody"), 2, 3};
    assert_int_equal(cp_scenario_uplift(in, &uplift, "uplift.csv", &errors), CP_ERR_INPUT);
    assert_string_equal(errors.lines[0],
                        "uplift.csv:3: column 'provider': unknown provider (value 'nobody')");
    assert_true(in->services[S2].weekly_price == 800 * 1.02);
    cp_errors_clear(&errors);
    cp_uplift_free(&uplift);
    cp_instance_destroy(in);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_percent_parse),
        cmocka_unit_test(test_growth_parse),
        cmocka_unit_test(test_zero_growth_changes_nothing),
        cmocka_unit_test(test_growth_copies_people),
        cmocka_unit_test(test_locked_never_copied),
        cmocka_unit_test(test_same_seed_same_draw),
        cmocka_unit_test(test_factors_multiply),
        cmocka_unit_test(test_removal_spares_locked_and_groups),
        cmocka_unit_test(test_unknown_or_ambiguous_name),
        cmocka_unit_test(test_uplift_every_price),
        cmocka_unit_test(test_uplift_per_provider),
    };
    return cmocka_run_group_tests(tests, quiet, NULL);
}
