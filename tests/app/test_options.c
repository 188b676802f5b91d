/* The options table: defaults, both value syntaxes, range and choice checks. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include <math.h>

#include "app/options.h"
#include "util/status.h"

static int parse(int argc, char **argv, cp_options *options, cp_errors *errors)
{
    bool help = false;
    return cp_options_parse(argc, argv, options, &help, errors);
}

static void test_defaults_and_values(void **state)
{
    (void)state;
    char *argv[] = {"carepool", "solve", "dir", "-o", "out", "--time-limit=2.5", "--gap",
                    "0.01", "--cuts", "off", "-q", "--work", "12.5"};
    cp_options o;
    cp_errors errors = {0};
    assert_int_equal(parse(13, argv, &o, &errors), CP_OK);
    assert_int_equal(o.command, CP_CMD_SOLVE);
    assert_string_equal(o.positional[0], "dir");
    assert_string_equal(o.output, "out");
    assert_true(o.time_limit == 2.5);
    assert_true(o.gap == 0.01);
    assert_true(o.work == 12.5);
    assert_string_equal(o.cuts, "off");
    assert_string_equal(o.formulation, "strong");
    assert_string_equal(o.config, "pooled");
    assert_int_equal(o.seed, 1);
    assert_string_equal(o.method, "auto");
    assert_int_equal(o.threads, 0);
    assert_true(o.quiet);

    char *plain[] = {"carepool", "solve", "dir", "-o", "out"};
    assert_int_equal(parse(5, plain, &o, &errors), CP_OK);
    assert_true(o.work == 0); /* no work limit */
    char *no_work[] = {"carepool", "solve", "dir", "-o", "out", "--work", "0"};
    assert_int_equal(parse(7, no_work, &o, &errors), CP_ERR_INPUT);
    assert_string_equal(errors.lines[0], "--work: expected a number from 0.01 to 1e+09 (value '0')");
    cp_errors_clear(&errors);

    char *method[] = {"carepool", "solve", "dir", "-o", "out", "--method", "fast"};
    assert_int_equal(parse(7, method, &o, &errors), CP_ERR_INPUT);
    assert_string_equal(errors.lines[0],
                        "--method: expected one of auto|heuristic|exact (value 'fast')");
    cp_errors_clear(&errors);
}

static void test_problems(void **state)
{
    (void)state;
    char *argv[] = {"carepool", "validate", "dir", "extra", "--time-limit", "5", "--threads"};
    cp_options o;
    cp_errors errors = {0};
    assert_int_equal(parse(7, argv, &o, &errors), CP_ERR_INPUT);
    assert_int_equal(errors.count, 4);
    assert_string_equal(errors.lines[0], "validate: unexpected argument 'extra'");
    assert_string_equal(errors.lines[1], "validate: unknown option '--time-limit'");
    assert_string_equal(errors.lines[2], "validate: unexpected argument '5'");
    assert_string_equal(errors.lines[3], "validate: unknown option '--threads'");
    cp_errors_clear(&errors);

    char *argv2[] = {"carepool", "solve", "--threads", "-1", "--time-limit", "inf", "--seed"};
    assert_int_equal(parse(7, argv2, &o, &errors), CP_ERR_INPUT);
    assert_int_equal(errors.count, 4);
    assert_string_equal(errors.lines[0],
                        "--threads: expected a whole number from 0 to 1024 (value '-1')");
    assert_string_equal(errors.lines[1],
                        "--time-limit: expected a number from 0.001 to 1e+09 (value 'inf')");
    assert_string_equal(errors.lines[2], "--seed needs a value N");
    assert_string_equal(errors.lines[3],
                        "solve: missing arguments (usage: carepool solve DIR -o OUT)");
    cp_errors_clear(&errors);
}

/* --set is repeatable, in both syntaxes, in order; the what-ifs reach transform and compare but
 * not validate. */
static void test_what_ifs(void **state)
{
    (void)state;
    char *argv[] = {"carepool",
                    "transform",
                    "dir",
                    "--set",
                    "spot_cost=none",
                    "--set=move_cost=10",
                    "--demand-growth",
                    "+5%",
                    "--uplift",
                    "u.csv",
                    "--seed",
                    "3",
                    "-o",
                    "out"};
    cp_options o;
    cp_errors errors = {0};
    assert_int_equal(parse(14, argv, &o, &errors), CP_OK);
    assert_int_equal(o.command, CP_CMD_TRANSFORM);
    assert_int_equal(o.set.count, 2);
    assert_string_equal(o.set.values[0], "spot_cost=none");
    assert_string_equal(o.set.values[1], "move_cost=10");
    assert_string_equal(o.demand_growth, "+5%");
    assert_string_equal(o.uplift, "u.csv");
    assert_int_equal(o.seed, 3);
    char *compare[] = {"carepool", "compare", "dir", "-o", "out", "--set", "local_km=5"};
    assert_int_equal(parse(7, compare, &o, &errors), CP_OK);
    assert_int_equal(o.set.count, 1);
    assert_null(o.demand_growth);
    char *validate[] = {"carepool", "validate", "dir", "--set", "local_km=5"};
    assert_int_equal(parse(5, validate, &o, &errors), CP_ERR_INPUT);
    assert_string_equal(errors.lines[0], "validate: unknown option '--set'");
    cp_errors_clear(&errors);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_defaults_and_values),
        cmocka_unit_test(test_problems),
        cmocka_unit_test(test_what_ifs),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
