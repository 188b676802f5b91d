/* Tests of the benchmark presets (gen/bench.h, and through cp_generate): each writes, byte for
 * byte, the instances the awk generators wrote (tests/data/gen-bench), the GAP capacities
 * and ranges keep their type's rules, another seed gives another instance, and sizes and
 * seeds out of range, a missing --size or one given to a population preset are refused with
 * nothing written. */
#define _XOPEN_SOURCE 700
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <dirent.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "gen/bench.h"
#include "gen/generate.h"
#include "util/status.h"

static int setup(void **state)
{
    char *dir = strdup("/tmp/carepool-bench-XXXXXX");
    assert_non_null(mkdtemp(dir));
    *state = dir;
    return 0;
}

static int remove_entry(const char *path, const struct stat *info, int flag, struct FTW *ftw)
{
    (void)info, (void)flag, (void)ftw;
    return remove(path);
}

static int teardown(void **state)
{
    nftw(*state, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
    free(*state);
    return 0;
}

/* The whole file, or NULL when it cannot be read; the caller frees it. */
static char *read_all(const char *path)
{
    FILE *in = fopen(path, "rb");
    if (!in)
        return NULL;
    fseek(in, 0, SEEK_END);
    long size = ftell(in);
    fseek(in, 0, SEEK_SET);
    char *text = malloc((size_t)size + 1);
    assert_non_null(text);
    assert_int_equal(fread(text, 1, (size_t)size, in), (size_t)size);
    text[size] = '\0';
    fclose(in);
    return text;
}

/* The names in dir, sorted and joined by spaces; the caller frees it. */
static char *listing(const char *dir)
{
    struct dirent **entries;
    int n = scandir(dir, &entries, NULL, alphasort);
    assert_true(n >= 0);
    char *text = calloc(1, 1024);
    for (int i = 0; i < n; i++) {
        if (entries[i]->d_name[0] != '.') {
            if (text[0])
                strcat(text, " ");
            strcat(text, entries[i]->d_name);
        }
        free(entries[i]);
    }
    free(entries);
    return text;
}

/* Generates preset at size and seed into dir/out; returns the status. */
static int generate(const char *dir, const char *preset, const char *size, long seed,
                    cp_errors *errors)
{
    char out[256];
    snprintf(out, sizeof out, "%s/out", dir);
    cp_gen_request request = {preset, (uint64_t)seed, 1, size};
    cp_gen_summary summary;
    return cp_generate(&request, out, &summary, errors);
}

/* dir/out holds exactly the files of tests/data/gen-bench/FIXTURE. */
static void assert_same_as_fixture(const char *dir, const char *fixture)
{
    char expected_dir[512], out[256];
    snprintf(expected_dir, sizeof expected_dir, "%s/gen-bench/%s", TEST_DATA_DIR, fixture);
    snprintf(out, sizeof out, "%s/out", dir);
    char *expected_names = listing(expected_dir), *names = listing(out);
    assert_string_equal(names, expected_names);
    char *name = strtok(expected_names, " ");
    for (; name; name = strtok(NULL, " ")) {
        char a[1024], b[1024];
        snprintf(a, sizeof a, "%s/%s", expected_dir, name);
        snprintf(b, sizeof b, "%s/%s", out, name);
        char *x = read_all(a), *y = read_all(b);
        assert_non_null(x);
        assert_non_null(y);
        assert_string_equal(y, x);
        free(x);
        free(y);
    }
    free(expected_names);
    free(names);
}

static void test_same_as_awk_generators(void **state)
{
    static const struct {
        const char *preset, *size;
        long seed;
        const char *fixture;
    } cases[] = {
        {"gap-c", "2x5", 1, "gap-c-2x5-1"},
        {"gap-d", "2x5", 1, "gap-d-2x5-1"},
        {"gap-e", "2x5", 1, "gap-e-2x5-1"},
        {"gap-e", "3x7", 0, "gap-e-3x7-0"},
        {"facility-small", "10x3", 1, "facility-small-10x3-1"},
        {"facility-large", "12x4", 2, "facility-large-12x4-2"},
        {"facility-local", "12x4", 3, "facility-local-12x4-3"},
    };
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        cp_errors errors = {0};
        assert_int_equal(generate(*state, cases[k].preset, cases[k].size, cases[k].seed, &errors),
                         CP_OK);
        assert_same_as_fixture(*state, cases[k].fixture);
        cp_errors_clear(&errors);
    }
}

/* Every pair keeps its type's rule and every capacity is floor(0.8 sum_j a_ij / m). */
static void test_gap_rules(void **state)
{
    (void)state;
    const long m = 6, n = 40;
    for (const char *type = "CDE"; *type; type++) {
        cp_instance_rows *rows = NULL;
        cp_errors errors = {0};
        assert_int_equal(cp_gen_bench_gap(*type, m, n, 5, &rows, &errors), CP_OK);
        assert_int_equal(rows->n_services, m);
        assert_int_equal(rows->n_users, n);
        assert_int_equal(rows->n_quotes, m * n);
        double total[6] = {0};
        for (size_t q = 0; q < rows->n_quotes; q++) {
            double c = rows->quotes[q].weekly_cost, a = rows->quotes[q].places;
            total[q % m] += a;
            if (*type == 'C')
                assert_true(a >= 5 && a <= 25 && c >= 10 && c <= 50);
            else if (*type == 'D')
                assert_true(a >= 1 && a <= 100 && c - 111 + a >= -10 && c - 111 + a <= 10);
            else
                assert_true(a >= 1 && c >= 0 && c <= 1000 / a && c > 1000 / a - 11);
        }
        for (long i = 0; i < m; i++)
            assert_float_equal(rows->services[i].capacity, (long)(0.8 * total[i] / m + 1e-9), 0);
        cp_instance_rows_destroy(rows);
    }
}

/* Another seed, another instance; the same seed, the same one. */
static void test_seeds(void **state)
{
    (void)state;
    cp_instance_rows *a = NULL, *b = NULL, *c = NULL;
    cp_errors errors = {0};
    assert_int_equal(cp_gen_bench_gap('C', 3, 20, 4, &a, &errors), CP_OK);
    assert_int_equal(cp_gen_bench_gap('C', 3, 20, 5, &b, &errors), CP_OK);
    assert_int_equal(cp_gen_bench_gap('C', 3, 20, 4, &c, &errors), CP_OK);
    int differ = 0, same = 1;
    for (size_t q = 0; q < a->n_quotes; q++) {
        differ |= a->quotes[q].weekly_cost != b->quotes[q].weekly_cost;
        same &= a->quotes[q].weekly_cost == c->quotes[q].weekly_cost &&
                a->quotes[q].places == c->quotes[q].places;
    }
    assert_true(differ);
    assert_true(same);
    cp_instance_rows_destroy(a);
    cp_instance_rows_destroy(b);
    cp_instance_rows_destroy(c);
    assert_int_equal(cp_gen_bench_facility("small", 30, 5, 1, &a, &errors), CP_OK);
    assert_int_equal(cp_gen_bench_facility("small", 30, 5, 2, &b, &errors), CP_OK);
    assert_int_equal(a->n_users, 30);
    assert_int_equal(a->n_services, 30 / 25 + 4 + 5);
    assert_true(a->users[0].lat != b->users[0].lat);
    cp_instance_rows_destroy(a);
    cp_instance_rows_destroy(b);
}

/* Each bad request: CP_ERR_INPUT, this message, and no output directory. */
static void test_bad_requests(void **state)
{
    static const struct {
        const char *preset, *size;
        long seed;
        const char *message;
    } cases[] = {
        {"gap-c", "5x9", 1,
         "generate: --size: a GAP needs M agents >= 1, N jobs >= 2 M and M * N <= 1000000 "
         "(value '5x9')"},
        {"gap-c", "0x10", 1,
         "generate: --size: a GAP needs M agents >= 1, N jobs >= 2 M and "
         "M * N <= 1000000 (value '0x10')"},
        {"gap-d", "1000x1001", 1,
         "generate: --size: a GAP needs M agents >= 1, N jobs >= 2 M "
         "and M * N <= 1000000 (value '1000x1001')"},
        {"gap-e", "5x100", 1024,
         "generate: --seed: a GAP takes a seed from 0 to 1023 (value "
         "'1024')"},
        {"gap-c", "5", 1, "generate: --size: expected two whole numbers as AxB (value '5')"},
        {"gap-c", "5x1O0", 1,
         "generate: --size: expected two whole numbers as AxB (value '5x1O0')"},
        {"gap-c", "-5x100", 1,
         "generate: --size: expected two whole numbers as AxB (value '-5x100')"},
        {"gap-c", NULL, 1, "generate: preset 'gap-c' needs --size MxN (M agents, N jobs)"},
        {"facility-local", NULL, 1,
         "generate: preset 'facility-local' needs --size "
         "PEOPLExCANDIDATES"},
        {"facility-small", "10x0", 1,
         "generate: --size: a facility instance needs PEOPLE >= 1 "
         "and CANDIDATES >= 1 (value '10x0')"},
        {"facility-large", "10x3", 0,
         "generate: --seed: a facility instance takes a seed from "
         "1 (value '0')"},
        {"wla", "10x3", 1, "generate: preset 'wla' takes --scale, not --size (value '10x3')"},
    };
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        cp_errors errors = {0};
        assert_int_equal(generate(*state, cases[k].preset, cases[k].size, cases[k].seed, &errors),
                         CP_ERR_INPUT);
        assert_int_equal(errors.count, 1);
        assert_string_equal(errors.lines[0], cases[k].message);
        char *names = listing(*state);
        assert_string_equal(names, "");
        free(names);
        cp_errors_clear(&errors);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_same_as_awk_generators, setup, teardown),
        cmocka_unit_test(test_gap_rules),
        cmocka_unit_test(test_seeds),
        cmocka_unit_test_setup_teardown(test_bad_requests, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
