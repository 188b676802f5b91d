/* Tests of the instance writer (io/instance_writer.h) on rows built by hand
 * (io/instance_rows.h): the exact text of a subset of columns in a chosen order, a full
 * instance read back by the instance reader with the same values, awkward ids (commas,
 * quotes, spaces, line breaks) quoted and read back whole, exact numbers and "none", stale
 * instance files removed, and failures (an unknown column, a directory that cannot be made, a
 * file that cannot be created or renamed) that leave no temporary behind. */
#define _XOPEN_SOURCE 700
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <dirent.h>
#include <ftw.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "io/escape.h"
#include "io/instance_reader.h"
#include "io/instance_writer.h"
#include "util/status.h"

typedef struct workspace {
    char root[64];
    char out[128]; /* root/out */
    cp_errors errors;
} workspace;

static int setup(void **state)
{
    workspace *w = calloc(1, sizeof *w);
    snprintf(w->root, sizeof w->root, "/tmp/cp_writer_test_XXXXXX");
    assert_non_null(mkdtemp(w->root));
    snprintf(w->out, sizeof w->out, "%s/out", w->root);
    *state = w;
    return 0;
}

static int remove_entry(const char *path, const struct stat *info, int flag, struct FTW *ftw)
{
    (void)info, (void)flag, (void)ftw;
    return remove(path);
}

static int teardown(void **state)
{
    workspace *w = *state;
    nftw(w->root, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
    cp_errors_clear(&w->errors);
    free(w);
    return 0;
}

static char *read_all(const char *dir, const char *name)
{
    char path[256];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *in = fopen(path, "rb");
    assert_non_null(in);
    fseek(in, 0, SEEK_END);
    long size = ftell(in);
    fseek(in, 0, SEEK_SET);
    char *text = malloc((size_t)size + 1);
    assert_int_equal(fread(text, 1, (size_t)size, in), (size_t)size);
    text[size] = '\0';
    fclose(in);
    return text;
}

static void assert_file(const char *dir, const char *name, const char *expected)
{
    char *text = read_all(dir, name);
    assert_string_equal(text, expected);
    free(text);
}

/* The names in dir, hidden ones too, sorted and joined by spaces. */
static const char *listing(const char *dir)
{
    static char text[2048];
    struct dirent **entries;
    int n = scandir(dir, &entries, NULL, alphasort);
    assert_true(n >= 0);
    text[0] = '\0';
    for (int i = 0; i < n; i++) {
        if (strcmp(entries[i]->d_name, ".") != 0 && strcmp(entries[i]->d_name, "..") != 0) {
            if (text[0])
                strcat(text, " ");
            strcat(text, entries[i]->d_name);
        }
        free(entries[i]);
    }
    free(entries);
    return text;
}

static void write_text(const char *dir, const char *name, const char *text)
{
    char path[256];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *out = fopen(path, "w");
    assert_non_null(out);
    fputs(text, out);
    fclose(out);
}

/* Every file with every column, ids that need quoting, and numbers that need 17 digits. */
static cp_instance_rows *full_rows(void)
{
    cp_instance_rows *rows = cp_instance_rows_create();
    const char *const columns[CP_N_INSTANCE_FILES] = {
        CP_AUTHORITIES_COLUMNS, CP_SERVICES_COLUMNS, CP_USERS_COLUMNS,         CP_QUOTES_COLUMNS,
        CP_TIERS_COLUMNS,       CP_SETTINGS_COLUMNS, CP_CONFIGURATIONS_COLUMNS};
    memcpy(rows->columns, columns, sizeof columns);
    cp_instance_rows_add_authority(rows, (cp_authority_row){"a,1", "\"Big\" Council", 51.5, -0.25});
    cp_instance_rows_add_authority(rows, (cp_authority_row){" b ", "Bee", 52, -1});

    char id[16] = "s\"1\""; /* the rows copy it: overwritten below */
    cp_service_row s = {.id = id,
                        .provider = "p, one",
                        .authority = "a,1",
                        .lat = 51.5,
                        .lon = -0.1,
                        .type = "residential",
                        .capacity = 3,
                        .weekly_price = 1234.56,
                        .rating = "good",
                        .min_age = 18,
                        .max_age = 64,
                        .genders = "female",
                        .max_intensity = 4,
                        .specialisms = "autism;sen",
                        .owner = " b ",
                        .status = "candidate",
                        .fixed_cost = 2500.5,
                        .min_occupancy = 2};
    cp_instance_rows_add_service(rows, s);
    strcpy(id, "junk");
    s = cp_service_row_empty();
    s.id = "s2";
    s.authority = " b ";
    s.type = "supported_living";
    s.capacity = 2.5;
    s.weekly_price = 0.1;
    s.status = "existing";
    cp_instance_rows_add_service(rows, s);

    cp_user_row u = cp_user_row_empty();
    u.id = "u,1";
    u.authority = "a,1";
    u.lat = 51.4;
    u.lon = -0.2;
    u.types = "residential;supported_living";
    u.places = 1;
    u.intensity = 2;
    u.age = 30;
    u.gender = "female";
    u.needs = "autism";
    u.max_distance_km = 25;
    u.current_service = "s\"1\"";
    u.locked = true;
    u.group = "g 1";
    u.spot_cost = INFINITY;
    cp_instance_rows_add_user(rows, u);
    u = cp_user_row_empty();
    u.id = "u\n2";
    u.authority = " b ";
    u.types = "supported_living";
    u.spot_cost = 20000;
    cp_instance_rows_add_user(rows, u);

    cp_instance_rows_add_quote(rows, (cp_quote_row){"u,1", "s\"1\"", 1100.25, NAN});
    cp_instance_rows_add_quote(rows, (cp_quote_row){"u\n2", "s2", 1.0 / 3, 2});
    cp_instance_rows_add_tier(rows, (cp_tier_row){"p, one", 10, 2.5});
    cp_instance_rows_add_setting(rows, (cp_setting_row){"spot_cost", "15000"});
    cp_instance_rows_add_setting(rows, (cp_setting_row){"distance_weight", "3"});
    cp_instance_rows_add_pool(rows, (cp_pool_row){"pair", "a,1", "south"});
    cp_instance_rows_add_pool(rows, (cp_pool_row){"pair", " b ", "south"});
    return rows;
}

static void test_round_trip_through_reader(void **state)
{
    workspace *w = *state;
    cp_instance_rows *rows = full_rows();
    assert_int_equal(cp_instance_write(rows, w->out, &w->errors), CP_OK);
    cp_instance_rows_destroy(rows);
    cp_instance *instance = NULL;
    int status = cp_instance_load(w->out, &instance, &w->errors);
    for (size_t i = 0; i < w->errors.count; i++)
        fprintf(stderr, "unexpected: %s\n", w->errors.lines[i]);
    assert_int_equal(status, CP_OK);

    assert_int_equal(instance->n_authorities, 2);
    assert_string_equal(instance->authorities[0].id, "a,1");
    assert_string_equal(instance->authorities[0].name, "\"Big\" Council");
    /* Quoted, the spaces reach the reader, which trims every id (and every reference). */
    assert_string_equal(instance->authorities[1].id, "b");
    assert_float_equal(instance->authorities[0].lon, -0.25, 0);

    assert_int_equal(instance->n_services, 2);
    const cp_service *s = &instance->services[0];
    assert_string_equal(s->id, "s\"1\"");
    assert_string_equal(instance->providers.name[s->provider], "p, one");
    assert_float_equal(s->weekly_price, 1234.56, 0);
    assert_int_equal(s->rating, CP_RATING_GOOD);
    assert_int_equal(s->min_age, 18);
    assert_int_equal(s->max_intensity, 4);
    assert_int_equal(s->specialisms.count, 2);
    assert_int_equal(s->owner, 1);
    assert_true(s->candidate);
    assert_float_equal(s->fixed_cost, 2500.5, 0);
    assert_float_equal(instance->services[1].capacity, 2.5, 0);
    assert_float_equal(instance->services[1].weekly_price, 0.1, 0);
    assert_false(instance->services[1].candidate);
    assert_int_equal(instance->services[1].min_age, CP_AGE_ANY);

    assert_int_equal(instance->n_users, 2);
    const cp_user *u = &instance->users[0];
    assert_string_equal(u->id, "u,1");
    assert_int_equal(u->n_types, 2);
    assert_int_equal(u->current_service, 0);
    assert_true(u->locked);
    assert_false(u->has_spot_cost);
    assert_float_equal(u->max_distance_km, 25, 0);
    assert_string_equal(instance->users[1].id, "u\n2");
    assert_true(isinf(instance->users[1].max_distance_km));
    assert_float_equal(instance->users[1].spot_cost, 20000, 0);
    assert_int_equal(instance->users[1].age, CP_AGE_ANY);

    assert_int_equal(instance->n_quotes, 2);
    assert_true(isnan(instance->quotes[0].places));
    assert_true(instance->quotes[1].weekly_cost == 1.0 / 3); /* exact: 17 digits */
    assert_float_equal(instance->tiers[s->provider].tiers[0].discount, 0.025, 1e-15);
    assert_float_equal(instance->settings.spot_cost, 15000, 0);
    const cp_config *pair = cp_instance_config(instance, "pair");
    assert_non_null(pair);
    assert_int_equal(pair->n_pools, 1);
    cp_instance_destroy(instance);
}

/* The text: quoting only where needed, numbers exact, "none", "true", empty cells. */
static void test_text_of_awkward_rows(void **state)
{
    workspace *w = *state;
    cp_instance_rows *rows = full_rows();
    assert_int_equal(cp_instance_write(rows, w->out, &w->errors), CP_OK);
    cp_instance_rows_destroy(rows);
    assert_file(w->out, "authorities.csv",
                "id,name,lat,lon\n"
                "\"a,1\",\"\"\"Big\"\" Council\",51.5,-0.25\n"
                "\" b \",Bee,52,-1\n");
    assert_file(w->out, "users.csv",
                CP_USERS_COLUMNS
                "\n"
                "\"u,1\",\"a,1\",51.4,-0.2,residential;supported_living,1,2,30,female,autism,25,"
                "\"s\"\"1\"\"\",true,g 1,none\n"
                "\"u\n2\",\" b \",,,supported_living,,,,,,,,,,20000\n");
    assert_file(w->out, "quotes.csv",
                "user,service,weekly_cost,places\n"
                "\"u,1\",\"s\"\"1\"\"\",1100.25,\n"
                "\"u\n2\",s2,0.33333333333333331,2\n");
    assert_file(w->out, "configurations.csv",
                "configuration,authority,pool\npair,\"a,1\",south\npair,\" b \",south\n");
}

/* Only the files named, with the columns named in the order given; fixed coordinates as
 * printf writes them. */
static void test_chosen_columns(void **state)
{
    workspace *w = *state;
    cp_instance_rows *rows = cp_instance_rows_create();
    rows->columns[CP_FILE_AUTHORITIES] = "lon,id,lat";
    rows->columns[CP_FILE_SERVICES] = "capacity,id";
    rows->coordinate_decimals = 4;
    cp_instance_rows_add_authority(rows, (cp_authority_row){"x", "X", 52, -0.00001});
    cp_service_row s = cp_service_row_empty();
    s.id = "s1";
    s.capacity = 1e21;
    cp_instance_rows_add_service(rows, s);
    assert_int_equal(cp_instance_write(rows, w->out, &w->errors), CP_OK);
    cp_instance_rows_destroy(rows);
    assert_string_equal(listing(w->out), "authorities.csv services.csv");
    assert_file(w->out, "authorities.csv", "lon,id,lat\n-0.0000,x,52.0000\n");
    assert_file(w->out, "services.csv", "capacity,id\n1e+21,s1\n");
}

/* Rows of one authority and one service, in authorities.csv and services.csv only. */
static cp_instance_rows *small_rows(void)
{
    cp_instance_rows *rows = cp_instance_rows_create();
    rows->columns[CP_FILE_AUTHORITIES] = CP_AUTHORITIES_COLUMNS;
    rows->columns[CP_FILE_SERVICES] = "id,authority,type,capacity,weekly_price";
    cp_instance_rows_add_authority(rows, (cp_authority_row){"x", "X", 0, 0});
    cp_service_row s = cp_service_row_empty();
    s.id = "s1";
    s.authority = "x";
    s.type = "t";
    s.capacity = 1;
    s.weekly_price = 0;
    cp_instance_rows_add_service(rows, s);
    return rows;
}

/* An earlier instance's files that these rows do not have are removed; other files stay. */
static void test_stale_files_removed(void **state)
{
    workspace *w = *state;
    assert_int_equal(mkdir(w->out, 0755), 0);
    write_text(w->out, "tiers.csv", "provider,min_places,discount_pct\np,1,1\n");
    write_text(w->out, "users.csv", "id,authority,types\nold,x,t\n");
    write_text(w->out, "keep.txt", "mine\n");
    cp_instance_rows *rows = small_rows();
    assert_int_equal(cp_instance_write(rows, w->out, &w->errors), CP_OK);
    cp_instance_rows_destroy(rows);
    assert_string_equal(listing(w->out), "authorities.csv keep.txt services.csv");
    assert_file(w->out, "services.csv", "id,authority,type,capacity,weekly_price\ns1,x,t,1,0\n");
}

/* A column the file does not have: an error before anything is written. */
static void test_unknown_column(void **state)
{
    workspace *w = *state;
    cp_instance_rows *rows = small_rows();
    rows->columns[CP_FILE_USERS] = "id,nope";
    assert_int_equal(cp_instance_write(rows, w->out, &w->errors), CP_ERR_INTERNAL);
    cp_instance_rows_destroy(rows);
    assert_int_equal(w->errors.count, 1);
    assert_string_equal(w->errors.lines[0], "users.csv: no column 'nope' to write");
    assert_string_equal(listing(w->root), "");
}

/* The directory cannot be made (its parent is a file): an error, nothing written. */
static void test_directory_cannot_be_made(void **state)
{
    workspace *w = *state;
    write_text(w->root, "plain", "");
    char target[160];
    snprintf(target, sizeof target, "%s/plain/sub", w->root);
    cp_instance_rows *rows = small_rows();
    assert_int_equal(cp_instance_write(rows, target, &w->errors), CP_ERR_INTERNAL);
    cp_instance_rows_destroy(rows);
    assert_true(cp_errors_any(&w->errors));
    assert_non_null(strstr(w->errors.lines[0], target));
    assert_string_equal(listing(w->root), "plain");
}

/* The second file cannot be created (a directory holds its temporary name): the first
 * file's temporary is removed and the earlier instance is untouched. */
static void test_failure_leaves_nothing(void **state)
{
    workspace *w = *state;
    assert_int_equal(mkdir(w->out, 0755), 0);
    write_text(w->out, "authorities.csv", "old\n");
    char blocker[256];
    snprintf(blocker, sizeof blocker, "%s/.services.csv.tmp.%ld", w->out, (long)getpid());
    assert_int_equal(mkdir(blocker, 0755), 0);
    cp_instance_rows *rows = small_rows();
    assert_int_equal(cp_instance_write(rows, w->out, &w->errors), CP_ERR_INTERNAL);
    assert_true(cp_errors_any(&w->errors));
    char expected[160];
    snprintf(expected, sizeof expected, ".services.csv.tmp.%ld authorities.csv", (long)getpid());
    assert_string_equal(listing(w->out), expected);
    assert_file(w->out, "authorities.csv", "old\n");

    /* Now a final name that cannot be replaced (a directory that is not empty): the rename
     * fails and no temporary is left. */
    assert_int_equal(rmdir(blocker), 0);
    char services[256];
    snprintf(services, sizeof services, "%s/services.csv", w->out);
    assert_int_equal(mkdir(services, 0755), 0);
    write_text(services, "inside", "");
    cp_errors_clear(&w->errors);
    assert_int_equal(cp_instance_write(rows, w->out, &w->errors), CP_ERR_INTERNAL);
    assert_true(cp_errors_any(&w->errors));
    assert_string_equal(listing(w->out), "authorities.csv services.csv");
    cp_instance_rows_destroy(rows);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_round_trip_through_reader, setup, teardown),
        cmocka_unit_test_setup_teardown(test_text_of_awkward_rows, setup, teardown),
        cmocka_unit_test_setup_teardown(test_chosen_columns, setup, teardown),
        cmocka_unit_test_setup_teardown(test_stale_files_removed, setup, teardown),
        cmocka_unit_test_setup_teardown(test_unknown_column, setup, teardown),
        cmocka_unit_test_setup_teardown(test_directory_cannot_be_made, setup, teardown),
        cmocka_unit_test_setup_teardown(test_failure_leaves_nothing, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
