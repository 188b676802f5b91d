/* Tests of cp_instance_load on the fixtures tests/data/reader-*: a full instance with every
 * field checked, the defaults, BOM/CRLF/quoted input, exact messages for a problem of every
 * kind, skipping of files whose references cannot be checked, and garbage input. */
#define _POSIX_C_SOURCE 200809L
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "files.h"
#include "io/instance_reader.h"
#include "scratch.h"
#include "util/alloc.h"
#include "util/status.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char *const file_names[] = {"authorities.csv",   "services.csv", "users.csv",
                                         "quotes.csv",        "tiers.csv",    "settings.csv",
                                         "configurations.csv"};
#define N_FILE_NAMES 7

static char *fixture(const char *name)
{
    char *path = cp_malloc(strlen(TEST_DATA_DIR) + strlen(name) + 2);
    sprintf(path, "%s/%s", TEST_DATA_DIR, name);
    return path;
}

static cp_instance *load_valid(const char *name)
{
    char *path = fixture(name);
    cp_errors errors = {0};
    cp_instance *instance = NULL;
    int status = cp_instance_load(path, &instance, &errors);
    for (size_t i = 0; i < errors.count; i++)
        fprintf(stderr, "unexpected: %s\n", errors.lines[i]);
    assert_int_equal(status, CP_OK);
    assert_false(cp_errors_any(&errors));
    assert_non_null(instance);
    assert_string_equal(instance->directory, path);
    free(path);
    return instance;
}

/* Loads directory, which must fail with exactly the expected problems, in order. */
static void assert_load_fails(const char *directory, const char *const *expected, size_t n)
{
    cp_errors errors = {0};
    cp_instance *instance = (cp_instance *)1;
    assert_int_equal(cp_instance_load(directory, &instance, &errors), CP_ERR_INPUT);
    assert_null(instance);
    for (size_t i = 0; i < errors.count && i < n; i++)
        assert_string_equal(errors.lines[i], expected[i]);
    assert_int_equal(errors.count, n);
    assert_int_equal(errors.dropped, 0);
    cp_errors_clear(&errors);
}

/* Redirects stderr (where warnings go) to a temporary file until captured_stderr. */
static FILE *capture;
static int saved_stderr;

static void capture_stderr(void)
{
    fflush(stderr);
    capture = tmpfile();
    assert_non_null(capture);
    saved_stderr = dup(2);
    dup2(fileno(capture), 2);
}

/* Restores stderr; returns what was written to it (caller frees). */
static char *captured_stderr(void)
{
    fflush(stderr);
    dup2(saved_stderr, 2);
    close(saved_stderr);
    long size = ftell(capture);
    char *text = cp_malloc((size_t)size + 1);
    rewind(capture);
    assert_int_equal(fread(text, 1, (size_t)size, capture), (size_t)size);
    text[size] = '\0';
    fclose(capture);
    return text;
}

/* A scratch instance: the files of a fixture, then one file replaced. */
static char *scratch;

static int make_scratch(void **state)
{
    (void)state;
    scratch = scratch_create();
    return 0;
}

static int remove_scratch(void **state)
{
    (void)state;
    scratch_remove(scratch);
    scratch = NULL;
    return 0;
}

static void write_file(const char *name, const char *content, size_t length)
{
    file_write_bytes(file_path(scratch, name), content, length);
}

/* Makes the scratch directory anew with the files of fixture name. */
static void copy_fixture(const char *name)
{
    scratch_remove(scratch);
    scratch = scratch_create();
    char *directory = fixture(name);
    for (int f = 0; f < N_FILE_NAMES; f++) {
        const char *path = file_path(directory, file_names[f]);
        if (!file_exists(path))
            continue;
        char *text = file_read(path);
        file_write(file_path(scratch, file_names[f]), text);
        free(text);
    }
    free(directory);
}

static void valid_authorities_and_configs(void **state)
{
    (void)state;
    cp_instance *in = load_valid("reader-valid");
    assert_int_equal(in->n_authorities, 3);
    assert_string_equal(in->authorities[0].id, "merton");
    assert_string_equal(in->authorities[0].name, "London Borough of Merton");
    assert_true(in->authorities[0].lat == 51.4014 && in->authorities[0].lon == -0.1958);
    assert_string_equal(in->authorities[2].name, "Kent County Council");
    assert_true(in->authorities[2].lat == 51.19 && in->authorities[2].lon == 0.73);
    assert_int_equal(cp_strmap_get(in->authority_index, "kent"), 2);
    assert_int_equal(cp_strmap_get(in->service_index, "s4"), 3);
    assert_int_equal(cp_strmap_get(in->user_index, "u3"), 2);

    assert_int_equal(in->n_configs, 4);
    const char *names[] = {"standalone", "pooled", "hubs", "solo-kent"};
    const int n_pools[] = {3, 1, 2, 2};
    const char *pools[][3] = {
        {"merton", "sutton", "kent"}, {"pooled"}, {"north", "far"}, {"kent", "london"}};
    const int pool_of[][3] = {{0, 1, 2}, {0, 0, 0}, {0, 0, 1}, {1, 1, 0}};
    for (int c = 0; c < 4; c++) {
        const cp_config *config = &in->configs[c];
        assert_string_equal(config->name, names[c]);
        assert_ptr_equal(cp_instance_config(in, names[c]), config);
        assert_int_equal(config->n_pools, n_pools[c]);
        for (int p = 0; p < n_pools[c]; p++)
            assert_string_equal(config->pool_name[p], pools[c][p]);
        for (int a = 0; a < 3; a++)
            assert_int_equal(config->pool_of_authority[a], pool_of[c][a]);
    }
    cp_instance_destroy(in);
}

static void valid_services(void **state)
{
    (void)state;
    cp_instance *in = load_valid("reader-valid");
    assert_int_equal(in->n_services, 4);
    assert_int_equal(in->providers.count, 3);
    assert_string_equal(in->providers.name[0], "Acorn Care");
    assert_string_equal(in->providers.name[1], "s3");
    assert_string_equal(in->providers.name[2], "Merton Council");
    assert_int_equal(in->types.count, 2);
    assert_string_equal(in->types.name[0], "residential");
    assert_string_equal(in->types.name[1], "supported_living");
    assert_int_equal(in->tags.count, 3);
    assert_string_equal(in->tags.name[0], "autism");
    assert_string_equal(in->tags.name[1], "challenging_behaviour");
    assert_string_equal(in->tags.name[2], "complex_health");
    assert_int_equal(in->genders.count, 2);
    assert_string_equal(in->genders.name[0], "female");
    assert_string_equal(in->genders.name[1], "male");

    const cp_service *s = &in->services[0];
    assert_string_equal(s->id, "s1");
    assert_string_equal(s->name, "Acorn House, Mitcham");
    assert_int_equal(s->provider, 0);
    assert_int_equal(s->authority, 0);
    assert_true(s->lat == 51.40 && s->lon == -0.17);
    assert_int_equal(s->type, 0);
    assert_true(s->capacity == 4 && s->weekly_price == 1850.5);
    assert_int_equal(s->rating, CP_RATING_GOOD);
    assert_int_equal(s->min_age, 18);
    assert_int_equal(s->max_age, 64);
    assert_true(s->any_gender);
    assert_int_equal(s->genders.count, 0);
    assert_int_equal(s->max_intensity, 4);
    assert_int_equal(s->specialisms.count, 2);
    assert_int_equal(s->specialisms.ids[0], 0);
    assert_int_equal(s->specialisms.ids[1], 1);
    assert_int_equal(s->owner, CP_NONE);
    assert_false(s->candidate);
    assert_true(s->fixed_cost == 0 && s->min_occupancy == 0);

    s = &in->services[1];
    assert_string_equal(s->name, "Birch Lodge");
    assert_int_equal(s->authority, 1);
    assert_true(s->lat == 51.3618 && s->lon == -0.1945);
    assert_int_equal(s->type, 1);
    assert_int_equal(s->rating, CP_RATING_OUTSTANDING);
    assert_int_equal(s->min_age, CP_AGE_ANY);
    assert_int_equal(s->max_age, CP_AGE_ANY);
    assert_false(s->any_gender);
    assert_int_equal(s->genders.count, 2);
    assert_int_equal(s->genders.ids[0], 0);
    assert_int_equal(s->genders.ids[1], 1);
    assert_int_equal(s->max_intensity, 5);
    assert_int_equal(s->specialisms.count, 0);

    s = &in->services[2];
    assert_int_equal(s->provider, 1);
    assert_true(s->lat == 51.28 && s->lon == 1.08);
    assert_int_equal(s->rating, CP_RATING_REQUIRES_IMPROVEMENT);
    assert_int_equal(s->min_age, 25);
    assert_int_equal(s->max_age, CP_AGE_ANY);
    assert_int_equal(s->genders.count, 1);
    assert_int_equal(s->genders.ids[0], 0);
    assert_int_equal(s->specialisms.count, 1);
    assert_int_equal(s->specialisms.ids[0], 2);

    s = &in->services[3];
    assert_string_equal(s->name, "s4");
    assert_int_equal(s->provider, 2);
    assert_true(s->lat == 51.4014 && s->lon == -0.1958);
    assert_true(s->capacity == 8 && s->weekly_price == 950);
    assert_int_equal(s->rating, CP_RATING_UNRATED);
    assert_int_equal(s->min_age, 18);
    assert_int_equal(s->max_age, 30);
    assert_true(s->any_gender);
    assert_int_equal(s->max_intensity, 3);
    assert_int_equal(s->owner, 0);
    assert_true(s->candidate);
    assert_true(s->fixed_cost == 2500 && s->min_occupancy == 4);
    cp_instance_destroy(in);
}

static void valid_users(void **state)
{
    (void)state;
    cp_instance *in = load_valid("reader-valid");
    assert_int_equal(in->n_users, 4);
    assert_int_equal(in->groups.count, 1);
    assert_string_equal(in->groups.name[0], "sib1");

    const cp_user *u = &in->users[0];
    assert_string_equal(u->id, "u1");
    assert_int_equal(u->authority, 0);
    assert_true(u->lat == 51.41 && u->lon == -0.20);
    assert_int_equal(u->n_types, 2);
    assert_int_equal(u->types[0], 0);
    assert_int_equal(u->types[1], 1);
    assert_true(u->places == 1);
    assert_int_equal(u->intensity, 3);
    assert_int_equal(u->age, 34);
    assert_int_equal(u->gender, 1);
    assert_int_equal(u->needs.count, 1);
    assert_int_equal(u->needs.ids[0], 0);
    assert_true(u->max_distance_km == 50);
    assert_int_equal(u->current_service, 0);
    assert_false(u->locked);
    assert_int_equal(u->group, CP_NONE);
    assert_true(u->has_spot_cost && u->spot_cost == 9000);

    u = &in->users[1];
    assert_true(u->lat == 51.4014 && u->lon == -0.1958);
    assert_int_equal(u->n_types, 1);
    assert_int_equal(u->types[0], 1);
    assert_true(u->places == 1);
    assert_int_equal(u->intensity, 1);
    assert_int_equal(u->age, CP_AGE_ANY);
    assert_int_equal(u->gender, 0);
    assert_int_equal(u->needs.count, 0);
    assert_true(u->max_distance_km == 80);
    assert_int_equal(u->current_service, CP_NONE);
    assert_false(u->locked);
    assert_int_equal(u->group, 0);
    assert_false(u->has_spot_cost);

    u = &in->users[2];
    assert_int_equal(u->n_types, 2);
    assert_int_equal(u->types[0], 1);
    assert_int_equal(u->types[1], 0);
    assert_true(u->places == 2);
    assert_true(isinf(u->max_distance_km));
    assert_int_equal(u->current_service, 1);
    assert_true(u->locked);
    assert_int_equal(u->group, 0);
    assert_true(u->has_spot_cost && u->spot_cost == 4000);

    u = &in->users[3];
    assert_int_equal(u->authority, 1);
    assert_true(u->places == 1.5);
    assert_int_equal(u->intensity, 5);
    assert_int_equal(u->age, 70);
    assert_int_equal(u->needs.count, 2);
    assert_int_equal(u->needs.ids[0], 0);
    assert_int_equal(u->needs.ids[1], 2);
    assert_true(u->max_distance_km == 80);
    assert_int_equal(u->current_service, 2);
    assert_true(u->locked);
    assert_true(u->has_spot_cost && u->spot_cost == 9000);
    cp_instance_destroy(in);
}

static void valid_quotes_tiers_settings(void **state)
{
    (void)state;
    cp_instance *in = load_valid("reader-valid");
    assert_int_equal(in->n_quotes, 3);
    const int user[] = {0, 0, 3}, service[] = {0, 1, 2};
    const double cost[] = {1900, 1300, 3600};
    for (int q = 0; q < 3; q++) {
        assert_int_equal(in->quotes[q].user, user[q]);
        assert_int_equal(in->quotes[q].service, service[q]);
        assert_true(in->quotes[q].weekly_cost == cost[q]);
    }
    assert_true(isnan(in->quotes[0].places));
    assert_true(in->quotes[1].places == 1);
    const int start[] = {0, 2, 2, 2, 3};
    for (int u = 0; u <= 4; u++)
        assert_int_equal(in->quote_start[u], start[u]);
    assert_ptr_equal(cp_instance_quote(in, 0, 1), &in->quotes[1]);
    assert_null(cp_instance_quote(in, 1, 1));

    assert_int_equal(in->tiers[0].count, 2);
    assert_true(in->tiers[0].tiers[0].min_places == 5 && in->tiers[0].tiers[0].discount == 0.05);
    assert_true(in->tiers[0].tiers[1].min_places == 10 && in->tiers[0].tiers[1].discount == 0.075);
    assert_int_equal(in->tiers[1].count, 0);
    assert_int_equal(in->tiers[2].count, 1);
    assert_true(in->tiers[2].tiers[0].min_places == 4 && in->tiers[2].tiers[0].discount == 0.02);

    const cp_settings *s = &in->settings;
    assert_true(s->distance_weight == 2 && s->max_distance_km == 80);
    assert_true(s->has_spot_cost && s->spot_cost == 9000);
    assert_true(s->preference_cost == 150 && s->move_cost == 300 && s->contract_cost == 200);
    assert_true(s->max_provider_share == 0.35 && s->local_km == 25);
    assert_int_equal(s->min_rating, CP_RATING_REQUIRES_IMPROVEMENT);
    assert_false(s->exclude_unrated);
    assert_false(s->quotes_only);
    cp_instance_destroy(in);
}

static void defaults(void **state)
{
    (void)state;
    cp_instance *in = load_valid("reader-minimal");
    assert_string_equal(in->authorities[0].name, "merton");
    const cp_service *s = &in->services[0];
    assert_string_equal(s->name, "s1");
    assert_string_equal(in->providers.name[s->provider], "s1");
    assert_true(s->lat == 51.4014 && s->lon == -0.1958);
    assert_int_equal(s->rating, CP_RATING_UNRATED);
    assert_int_equal(s->min_age, CP_AGE_ANY);
    assert_int_equal(s->max_age, CP_AGE_ANY);
    assert_true(s->any_gender);
    assert_int_equal(s->max_intensity, 5);
    assert_int_equal(s->specialisms.count, 0);
    assert_int_equal(s->owner, CP_NONE);
    assert_false(s->candidate);
    assert_true(s->fixed_cost == 0 && s->min_occupancy == 0);
    const cp_user *u = &in->users[0];
    assert_true(u->lat == 51.4014 && u->lon == -0.1958);
    assert_true(u->places == 1);
    assert_int_equal(u->intensity, 1);
    assert_int_equal(u->age, CP_AGE_ANY);
    assert_int_equal(u->gender, CP_NONE);
    assert_int_equal(u->needs.count, 0);
    assert_true(isinf(u->max_distance_km));
    assert_int_equal(u->current_service, CP_NONE);
    assert_false(u->locked);
    assert_int_equal(u->group, CP_NONE);
    assert_false(u->has_spot_cost);

    const cp_settings *set = &in->settings;
    assert_true(set->distance_weight == 0 && isinf(set->max_distance_km));
    assert_false(set->has_spot_cost);
    assert_true(set->preference_cost == 0 && set->move_cost == 0 && set->contract_cost == 0);
    assert_true(set->max_provider_share == 1 && set->local_km == 32);
    assert_int_equal(set->min_rating, CP_RATING_INADEQUATE);
    assert_false(set->exclude_unrated);
    assert_false(set->quotes_only);
    assert_int_equal(in->n_quotes, 0);
    assert_int_equal(in->quote_start[0], 0);
    assert_int_equal(in->quote_start[1], 0);
    assert_int_equal(in->tiers[0].count, 0);
    assert_int_equal(in->n_configs, 2);
    assert_string_equal(in->configs[0].name, "standalone");
    assert_string_equal(in->configs[0].pool_name[0], "merton");
    assert_string_equal(in->configs[1].name, "pooled");
    assert_string_equal(in->configs[1].pool_name[0], "pooled");
    cp_instance_destroy(in);
}

static void bom_crlf_quotes_and_warnings(void **state)
{
    (void)state;
    capture_stderr();
    cp_instance *in = load_valid("reader-format");
    char *warnings = captured_stderr();
    assert_string_equal(warnings,
                        "carepool: warning: services.csv: unknown column 'notes' ignored\n"
                        "carepool: warning: services.csv:2: service 's1' is existing: "
                        "fixed_cost and min_occupancy apply to candidate services only and are "
                        "ignored\n");
    free(warnings);
    assert_int_equal(in->n_authorities, 2);
    assert_string_equal(in->authorities[0].id, "merton");
    assert_string_equal(in->authorities[0].name, "London Borough\r\nof Merton");
    assert_string_equal(in->authorities[1].name, "Sutton, \"the\" borough");
    assert_int_equal(in->n_users, 2);
    assert_string_equal(in->users[1].id, "u2");
    assert_int_equal(cp_strmap_get(in->user_index, "u2"), 1);
    assert_int_equal(in->users[1].n_types, 2);
    assert_string_equal(in->types.name[in->users[1].types[1]], "supported_living");
    assert_int_equal(in->users[1].current_service, 1);
    cp_instance_destroy(in);

    copy_fixture("reader-format");
    const char authorities[] = "\xEF\xBB\xBFid,name,lat,lon\r\n"
                               "merton,\"London Borough\r\nof Merton\",51.4014,-0.1958\r\n"
                               "\r\n"
                               "sutton,Sutton,51.3618,-190\r\n";
    write_file("authorities.csv", authorities, sizeof authorities - 1);
    const char *expected[] = {
        "authorities.csv:5: column 'lon': must be >= -180 and <= 180 (value '-190')"};
    capture_stderr();
    assert_load_fails(scratch, expected, 1);
    free(captured_stderr());
}

static void a_problem_of_every_kind(void **state)
{
    (void)state;
    const char *expected[] = {
        "authorities.csv:3: column 'lat': must be >= -90 and <= 90 (value '91')",
        "authorities.csv:4: column 'id': duplicate id, first on line 2 (value 'merton')",
        "authorities.csv:5: column 'lon': missing value",
        "authorities.csv:6: column 'lat': not a number (value 'nan')",
        "services.csv:2: column 'capacity': must be > 0 (value '0')",
        "services.csv:3: column 'authority': unknown authority (value 'surrey')",
        "services.csv:3: column 'weekly_price': not a number (value 'inf')",
        "services.csv:4: column 'lon': missing value (give both lat and lon, or neither)",
        "services.csv:4: column 'capacity': must be > 0 (value '-2')",
        "services.csv:4: column 'weekly_price': not a finite number (value '1e999')",
        "services.csv:5: column 'rating': unknown rating (outstanding, good, "
        "requires_improvement, inadequate or unrated) (value 'excellent')",
        "services.csv:5: column 'max_age': below min_age 30 (value '20')",
        "services.csv:5: column 'genders': 'any' cannot be combined with genders "
        "(value 'any;female')",
        "services.csv:5: column 'max_intensity': must be >= 1 and <= 5 (value '6')",
        "services.csv:5: column 'owner': unknown authority (value 'brent')",
        "services.csv:5: column 'status': must be existing or candidate (value 'open')",
        "services.csv:6: column 'fixed_cost': must be >= 0 (value '-5')",
        "services.csv:6: column 'min_occupancy': above capacity 2 (value '3')",
        "services.csv:7: column 'id': duplicate id, first on line 2 (value 's1')",
        "services.csv:8: column 'lat': must be >= -90 and <= 90 (value '200')",
        "services.csv:8: column 'type': missing value",
        "users.csv:2: column 'places': must be > 0 (value '0')",
        "users.csv:3: column 'types': missing value",
        "users.csv:4: column 'types': empty item in ';'-list "
        "(value 'residential;;supported_living')",
        "users.csv:4: column 'intensity': must be >= 1 and <= 5 (value '7')",
        "users.csv:4: column 'age': must be >= 0 and <= 130 (value '131')",
        "users.csv:4: column 'max_distance_km': must be >= 0 (value '-1')",
        "users.csv:4: column 'current_service': unknown service (value 's9')",
        "users.csv:5: column 'locked': a locked person needs a current_service (value 'true')",
        "users.csv:6: column 'locked': not a boolean (true/false, yes/no, 1/0) (value 'maybe')",
        "users.csv:7: column 'spot_cost': not a number (value '12abc')",
        "users.csv:7: column 'group': group members must share one authority "
        "('sutton' here, 'merton' on line 6) (value 'g1')",
        "users.csv:8: column 'id': duplicate id, first on line 2 (value 'u1')",
        "users.csv:8: column 'authority': unknown authority (value 'hackney')",
        "quotes.csv:3: column 'user': unknown user (value 'u9')",
        "quotes.csv:4: column 'service': unknown service (value 's99')",
        "quotes.csv:5: column 'weekly_cost': must be >= 0 (value '-1')",
        "quotes.csv:5: column 'places': must be > 0 (value '0')",
        "quotes.csv:6: column 'service': duplicate quote for user 'u1', first on line 2 "
        "(value 's1')",
        "tiers.csv:4: column 'provider': not the provider of any service (value 'Nobody')",
        "tiers.csv:5: column 'min_places': must be > 0 (value '0')",
        "tiers.csv:5: column 'discount_pct': must be >= 0 and < 100 (value '100')",
        "tiers.csv:3: column 'discount_pct': smaller than the discount of provider 'Acorn' "
        "from 5 places (line 2) (value '3')",
        "tiers.csv:7: column 'min_places': duplicate tier of provider 'Birch', first on line 6 "
        "(value '4')",
        "settings.csv:2: column 'value': must be > 0 and <= 1 (value '1.5')",
        "settings.csv:3: column 'value': not a boolean (true/false, yes/no, 1/0) "
        "(value 'perhaps')",
        "settings.csv:4: column 'value': unrated is not a minimum (see exclude_unrated) "
        "(value 'unrated')",
        "settings.csv:6: column 'value': must be > 0 (value '0')",
        "settings.csv:7: column 'key': duplicate setting, first on line 2 "
        "(value 'max_provider_share')",
        "configurations.csv:4: column 'authority': already in a pool of configuration 'hubs' "
        "on line 2 (value 'merton')",
        "configurations.csv:5: column 'configuration': reserved name (standalone and pooled "
        "always exist) (value 'pooled')",
        "configurations.csv:6: column 'authority': unknown authority (value 'brent')",
        "configurations.csv: configuration 'hubs': authority 'kent' has no pool",
        "configurations.csv: configuration 'hubs': authority 'croydon' has no pool",
    };
    char *path = fixture("reader-errors");
    capture_stderr();
    assert_load_fails(path, expected, sizeof expected / sizeof expected[0]);
    char *warnings = captured_stderr();
    assert_string_equal(warnings,
                        "carepool: warning: settings.csv:5: unknown setting 'colour' ignored\n");
    free(warnings);
    free(path);
}

static void missing_columns_skip_dependent_files(void **state)
{
    (void)state;
    const char *expected[] = {
        "authorities.csv:1: column 'lon': missing required column",
        "services.csv:1: column 'capacity': duplicate column",
        "users.csv:1: column 'types': missing required column",
        "settings.csv:2: column 'value': must be >= 0 (value '-3')",
    };
    char *path = fixture("reader-bad-columns");
    capture_stderr();
    assert_load_fails(path, expected, 4);
    char *warnings = captured_stderr();
    assert_string_equal(warnings, "carepool: warning: users.csv: unknown column 'colour' "
                                  "ignored\n");
    free(warnings);
    free(path);
}

static void missing_files(void **state)
{
    (void)state;
    const char *expected[] = {"services.csv: missing required file",
                              "users.csv: missing required file"};
    char *path = fixture("reader-missing-files");
    assert_load_fails(path, expected, 2);
    free(path);
}

static void not_a_directory(void **state)
{
    (void)state;
    char *path = fixture("reader-minimal/users.csv");
    char *expected = cp_malloc(strlen(path) + 32);
    sprintf(expected, "%s: not a directory", path);
    const char *list[] = {expected};
    assert_load_fails(path, list, 1);
    free(expected);
    free(path);
    const char *absent[] = {"/nonexistent/dir: cannot open instance directory: "
                            "No such file or directory"};
    assert_load_fails("/nonexistent/dir", absent, 1);
}

static void broken_csv_skips_dependent_files(void **state)
{
    (void)state;
    copy_fixture("reader-valid");
    const char users[] = "id,authority,types\nu1,merton,residential,extra\n";
    write_file("users.csv", users, sizeof users - 1);
    const char *expected[] = {"users.csv:2: 4 fields, header has 3"};
    assert_load_fails(scratch, expected, 1);

    copy_fixture("reader-minimal");
    write_file("services.csv", "", 0);
    const char *empty[] = {"services.csv: no header row (empty file)"};
    assert_load_fails(scratch, empty, 1);

    const char header[] = "id,authority,type,capacity,weekly_price\r\n";
    write_file("services.csv", header, sizeof header - 1);
    const char *no_rows[] = {"services.csv: no data rows"};
    assert_load_fails(scratch, no_rows, 1);
}

/* Garbage in any file is reported, never crashes (run this under the sanitizers). */
static void garbage_in_every_file(void **state)
{
    (void)state;
    char bytes[4096];
    unsigned seed = 12345;
    for (int f = 0; f < N_FILE_NAMES; f++) {
        for (int kind = 0; kind < 4; kind++) {
            size_t n = sizeof bytes;
            for (size_t i = 0; i < n; i++) {
                seed = seed * 1103515245u + 12345u;
                bytes[i] = kind == 0   ? (char)(seed >> 16)
                           : kind == 1 ? (char)i
                           : kind == 2 ? ",\"\n\r;"[(seed >> 16) % 5]
                                       : (i % 7 == 6 ? '\n' : ',');
            }
            copy_fixture("reader-valid");
            write_file(file_names[f], bytes, n);
            cp_errors errors = {0};
            cp_instance *instance = (cp_instance *)1;
            capture_stderr();
            int status = cp_instance_load(scratch, &instance, &errors);
            free(captured_stderr());
            assert_int_equal(status, CP_ERR_INPUT);
            assert_null(instance);
            assert_true(cp_errors_any(&errors));
            cp_errors_clear(&errors);
        }
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(valid_authorities_and_configs),
        cmocka_unit_test(valid_services),
        cmocka_unit_test(valid_users),
        cmocka_unit_test(valid_quotes_tiers_settings),
        cmocka_unit_test(defaults),
        cmocka_unit_test(bom_crlf_quotes_and_warnings),
        cmocka_unit_test(a_problem_of_every_kind),
        cmocka_unit_test(missing_columns_skip_dependent_files),
        cmocka_unit_test(missing_files),
        cmocka_unit_test(not_a_directory),
        cmocka_unit_test(broken_csv_skips_dependent_files),
        cmocka_unit_test(garbage_in_every_file),
    };
    return cmocka_run_group_tests(tests, make_scratch, remove_scratch);
}
