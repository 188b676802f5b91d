/* Tests of the result files, byte for byte, for the base plan of tests/data/check-terms under
 * the pooled configuration (costs in that fixture's README), plus quoting of free-text ids,
 * unknown bounds and a failing output directory. */
#define _POSIX_C_SOURCE 200809L

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "files.h"
#include "io/instance_reader.h"
#include "report/report_writer.h"
#include "scratch.h"
#include "util/version.h"
#include "util/alloc.h"
#include "util/status.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

typedef struct fixture {
    cp_instance *instance;
    int plan[7];
    char *dir; /* a scratch directory */
} fixture;

static int setup(void **state)
{
    fixture *f = cp_calloc(1, sizeof *f);
    cp_errors errors = {0};
    assert_int_equal(cp_instance_load(TEST_DATA_DIR "/check-terms", &f->instance, &errors), 0);
    static const char *const users[7] = {"u1", "u2", "u3", "u4", "u5", "u6", "u7"};
    static const char *const services[7] = {"s1", "s2", "s1", NULL, "s3", "s4", "s4"};
    for (int i = 0; i < 7; i++)
        f->plan[cp_strmap_get(f->instance->user_index, users[i])] =
            services[i] ? cp_strmap_get(f->instance->service_index, services[i]) : CP_NONE;
    f->dir = scratch_create();
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    scratch_remove(f->dir);
    cp_instance_destroy(f->instance);
    free(f);
    return 0;
}

static const cp_run_info run_info = {
    .status = "optimal",
    .method = "exact",
    .seconds = 1.5,
    .seed = 42,
    .threads = 2,
    .bound = 9000,
    .gap = 0.05,
    .moves_evaluated = 123456,
    .first_plan_seconds = 0.25,
};

/* Checks the plan under config and writes the reports into f->dir; returns the status. */
static int write_reports(fixture *f, const char *config_name, const cp_run_info *info)
{
    const cp_config *config = cp_instance_config(f->instance, config_name);
    cp_check *check = NULL;
    cp_check_plan(f->instance, config, f->plan, &check);
    cp_errors errors = {0};
    cp_output *output = cp_output_open(f->dir, &errors);
    assert_non_null(output);
    int status = cp_report_write(output, f->instance, config, f->plan, check, info);
    if (status == CP_OK)
        status = cp_output_commit(output);
    else
        cp_output_abort(output);
    cp_check_destroy(check);
    cp_errors_clear(&errors);
    return status;
}

static void assert_file(const fixture *f, const char *name, const char *expected)
{
    file_assert_text(file_path(f->dir, name), expected);
}

static void test_assignments(void **state)
{
    fixture *f = *state;
    assert_int_equal(write_reports(f, "pooled", &run_info), CP_OK);
    assert_file(f, "assignments.csv",
                "person,authority,service,provider,type,km,weekly_cost,status,moved\n"
                "u1,a,s1,acme,residential,0.0,900.00,placed,false\n"
                "u2,a,s2,acme,supported_living,111.2,450.00,placed,false\n"
                "u3,b,s1,acme,residential,111.2,1080.00,placed,false\n"
                "u4,b,,,,,3000.00,unplaced,true\n"
                "u5,b,s3,bold,residential,0.0,1600.00,placed,false\n"
                "u6,a,s4,cara,residential,0.0,900.00,placed,false\n"
                "u7,a,s4,cara,residential,0.0,900.00,placed,false\n");
}

static void test_authorities(void **state)
{
    fixture *f = *state;
    assert_int_equal(write_reports(f, "pooled", &run_info), CP_OK);
    /* a: km 0, 0, 0, K (mean K/4, median 0, p90 rank 4); b: km 0, K (median K/2, p90 rank 2);
     * c has nobody */
    assert_file(f, "authorities.csv",
                "authority,people,placed,unplaced,weekly_cost,mean_km,median_km,p90_km,"
                "share_within_local_km,placed_outside_own_authority\n"
                "a,4,4,0,3150.00,27.8,0.0,111.2,0.750,1\n"
                "b,3,2,1,5680.00,55.6,55.6,111.2,0.500,1\n"
                "c,0,0,0,0.00,,,,,0\n");
}

static void test_services(void **state)
{
    fixture *f = *state;
    assert_int_equal(write_reports(f, "pooled", &run_info), CP_OK);
    assert_file(f, "services.csv",
                "service,provider,authority,type,status,capacity,used,utilisation,opened\n"
                "s1,acme,a,residential,existing,4,3,0.750,true\n"
                "s2,acme,b,supported_living,existing,2,1,0.500,true\n"
                "s3,bold,b,residential,candidate,3,2,0.667,true\n"
                "s4,cara,a,residential,existing,2,2,1.000,true\n"
                "s5,cara,b,residential,candidate,2,0,0.000,false\n");
}

static void test_summary(void **state)
{
    fixture *f = *state;
    assert_int_equal(write_reports(f, "pooled", &run_info), CP_OK);
    assert_file(f, "summary.json",
                "{\n"
                "  \"status\": \"optimal\",\n"
                "  \"objective\": 9494.779707,\n"
                "  \"bound\": 9000.000000,\n"
                "  \"gap\": 0.050000,\n"
                "  \"terms\": {\n"
                "    \"placement\": 6100.000000,\n"
                "    \"discount\": 270.000000,\n"
                "    \"distance\": 444.779707,\n"
                "    \"preference\": 10.000000,\n"
                "    \"moves\": 50.000000,\n"
                "    \"spot\": 3000.000000,\n"
                "    \"fixed\": 100.000000,\n"
                "    \"contracts\": 60.000000\n"
                "  },\n"
                "  \"config\": \"pooled\",\n"
                "  \"method\": \"exact\",\n"
                "  \"seconds\": 1.500,\n"
                "  \"seed\": 42,\n"
                "  \"threads\": 2,\n"
                "  \"moves_evaluated\": 123456,\n"
                "  \"first_plan_seconds\": 0.250,\n"
                "  \"version\": \"" CAREPOOL_VERSION "\",\n"
                "  \"people\": 7,\n"
                "  \"placed\": 6,\n"
                "  \"unplaced\": 1,\n"
                "  \"services_opened\": 1,\n"
                "  \"contracts\": 3,\n"
                "  \"violations\": 0,\n"
                "  \"settings_overridden\": {},\n"
                "  \"scenario\": null,\n"
                "  \"instance\": \"check-terms\"\n"
                "}\n");
}

static void test_summary_of_infeasible_plan_without_bound(void **state)
{
    fixture *f = *state;
    cp_run_info info = run_info;
    info.status = "feasible";
    info.bound = -INFINITY;
    info.gap = INFINITY;
    /* s4 is owned by a: u6 and u7 of a may use it standalone, u3 of b may not */
    f->plan[cp_strmap_get(f->instance->user_index, "u3")] =
        cp_strmap_get(f->instance->service_index, "s4");
    f->plan[cp_strmap_get(f->instance->user_index, "u7")] =
        cp_strmap_get(f->instance->service_index, "s1");
    f->plan[cp_strmap_get(f->instance->user_index, "u6")] =
        cp_strmap_get(f->instance->service_index, "s1");
    assert_int_equal(write_reports(f, "standalone", &info), CP_OK);
    char *text = file_read(file_path(f->dir, "summary.json"));
    assert_non_null(strstr(text, "  \"status\": \"feasible\",\n"));
    assert_non_null(strstr(text, "  \"bound\": null,\n  \"gap\": null,\n"));
    assert_non_null(strstr(text, "  \"config\": \"standalone\",\n"));
    assert_non_null(strstr(text, "  \"violations\": 1,\n"));
    free(text);
}

/* A run with --set and scenario transforms says so: the settings as given, the specs and
 * counts. */
static void test_summary_records_what_if(void **state)
{
    fixture *f = *state;
    cp_what_if *what_if = &f->instance->what_if;
    cp_what_if_add_setting(what_if, "distance_weight", "5");
    cp_what_if_add_setting(what_if, "spot_cost", "none");
    what_if->demand_growth = cp_strdup("croydon:+5%");
    what_if->people_added = 3;
    what_if->services_uplifted = 2;
    assert_int_equal(write_reports(f, "pooled", &run_info), CP_OK);
    char *text = file_read(file_path(f->dir, "summary.json"));
    assert_non_null(strstr(text, "  \"settings_overridden\": {\n"
                                 "    \"distance_weight\": \"5\",\n"
                                 "    \"spot_cost\": \"none\"\n"
                                 "  },\n"
                                 "  \"scenario\": {\n"
                                 "    \"demand_growth\": \"croydon:+5%\",\n"
                                 "    \"uplift\": null,\n"
                                 "    \"people_added\": 3,\n"
                                 "    \"people_removed\": 0,\n"
                                 "    \"services_uplifted\": 2,\n"
                                 "    \"quotes_uplifted\": 0\n"
                                 "  },\n"
                                 "  \"instance\": \"check-terms\"\n}\n"));
    free(text);
}

static void test_without_a_plan_only_the_summary(void **state)
{
    fixture *f = *state;
    cp_run_info info = {.status = "infeasible",
                        .method = "filters",
                        .seed = 7,
                        .threads = 1,
                        .bound = INFINITY,
                        .gap = INFINITY,
                        .first_plan_seconds = INFINITY};
    cp_errors errors = {0};
    cp_output *output = cp_output_open(f->dir, &errors);
    assert_int_equal(cp_report_write(output, f->instance,
                                     cp_instance_config(f->instance, "standalone"), NULL, NULL,
                                     &info),
                     CP_OK);
    assert_int_equal(cp_output_commit(output), CP_OK);
    char path[96];
    snprintf(path, sizeof path, "%s/assignments.csv", f->dir);
    assert_int_equal(access(path, F_OK), -1);
    assert_file(f, "summary.json",
                "{\n"
                "  \"status\": \"infeasible\",\n"
                "  \"objective\": null,\n"
                "  \"bound\": null,\n"
                "  \"gap\": null,\n"
                "  \"terms\": null,\n"
                "  \"config\": \"standalone\",\n"
                "  \"method\": \"filters\",\n"
                "  \"seconds\": 0.000,\n"
                "  \"seed\": 7,\n"
                "  \"threads\": 1,\n"
                "  \"moves_evaluated\": 0,\n"
                "  \"first_plan_seconds\": null,\n"
                "  \"version\": \"" CAREPOOL_VERSION "\",\n"
                "  \"people\": 7,\n"
                "  \"placed\": null,\n"
                "  \"unplaced\": null,\n"
                "  \"services_opened\": null,\n"
                "  \"contracts\": null,\n"
                "  \"violations\": null,\n"
                "  \"settings_overridden\": {},\n"
                "  \"scenario\": null,\n"
                "  \"instance\": \"check-terms\"\n"
                "}\n");
}

static void test_free_text_ids_are_quoted(void **state)
{
    fixture *f = *state;
    cp_user *u1 = &f->instance->users[cp_strmap_get(f->instance->user_index, "u1")];
    free(u1->id);
    u1->id = cp_strdup("u1, \"the first\"");
    assert_int_equal(write_reports(f, "pooled", &run_info), CP_OK);
    char *text = file_read(file_path(f->dir, "assignments.csv"));
    assert_non_null(strstr(text, "\n\"u1, \"\"the first\"\"\",a,s1,acme,residential,0.0,900.00,"
                                 "placed,false\nu2,"));
    free(text);
}

static void test_failing_directory_is_internal_error(void **state)
{
    fixture *f = *state;
    const cp_config *config = cp_instance_config(f->instance, "pooled");
    cp_check *check = NULL;
    cp_check_plan(f->instance, config, f->plan, &check);
    cp_errors errors = {0};
    char dir[96];
    snprintf(dir, sizeof dir, "%s/gone", f->dir);
    cp_output *output = cp_output_open(dir, &errors);
    assert_int_equal(rmdir(dir), 0);
    assert_int_equal(cp_report_write(output, f->instance, config, f->plan, check, &run_info),
                     CP_ERR_INTERNAL);
    cp_output_abort(output);
    char expected[160];
    snprintf(expected, sizeof expected, "%s/.assignments.csv.tmp.%ld: cannot create: %s", dir,
             (long)getpid(), strerror(ENOENT));
    assert_int_equal(errors.count, 1);
    assert_string_equal(errors.lines[0], expected);
    cp_errors_clear(&errors);
    cp_check_destroy(check);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_assignments, setup, teardown),
        cmocka_unit_test_setup_teardown(test_authorities, setup, teardown),
        cmocka_unit_test_setup_teardown(test_services, setup, teardown),
        cmocka_unit_test_setup_teardown(test_summary, setup, teardown),
        cmocka_unit_test_setup_teardown(test_summary_of_infeasible_plan_without_bound, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_summary_records_what_if, setup, teardown),
        cmocka_unit_test_setup_teardown(test_without_a_plan_only_the_summary, setup, teardown),
        cmocka_unit_test_setup_teardown(test_free_text_ids_are_quoted, setup, teardown),
        cmocka_unit_test_setup_teardown(test_failing_directory_is_internal_error, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
