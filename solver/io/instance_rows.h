/* The rows of an instance directory held in memory before they are written: one record per
 * line of authorities.csv, services.csv, users.csv, quotes.csv, tiers.csv, settings.csv and
 * configurations.csv, with ids and references as text, as the files hold them. The generator
 * (gen/) and the importers (io/gap_import.c) fill it; io/instance_writer.h writes it. Memory
 * grows with the rows; the strings live in a few large blocks owned by the rows. */
#ifndef CAREPOOL_IO_INSTANCE_ROWS_H
#define CAREPOOL_IO_INSTANCE_ROWS_H

#include <stdbool.h>
#include <stddef.h>

/* The files of an instance directory, in the order they are written. */
enum cp_instance_file {
    CP_FILE_AUTHORITIES,
    CP_FILE_SERVICES,
    CP_FILE_USERS,
    CP_FILE_QUOTES,
    CP_FILE_TIERS,
    CP_FILE_SETTINGS,
    CP_FILE_CONFIGURATIONS,
    CP_N_INSTANCE_FILES
};

/* Every column each file may hold, in the generator's order (a header line). */
#define CP_AUTHORITIES_COLUMNS "id,name,lat,lon"
#define CP_SERVICES_COLUMNS                                                                        \
    "id,provider,authority,lat,lon,type,capacity,weekly_price,rating,min_age,max_age,genders,"     \
    "max_intensity,specialisms,owner,status,fixed_cost,min_occupancy"
#define CP_USERS_COLUMNS                                                                           \
    "id,authority,lat,lon,types,places,intensity,age,gender,needs,max_distance_km,"                \
    "current_service,locked,group,spot_cost"
#define CP_QUOTES_COLUMNS "user,service,weekly_cost,places"
#define CP_TIERS_COLUMNS "provider,min_places,discount_pct"
#define CP_SETTINGS_COLUMNS "key,value"
#define CP_CONFIGURATIONS_COLUMNS "configuration,authority,pool"

/* In every record: text NULL and numbers NAN leave the cell empty (the file's default).
 * Lists (types, specialisms, needs, genders) are one text, joined by ';'. */
typedef struct cp_authority_row {
    const char *id, *name;
    double lat, lon;
} cp_authority_row;

typedef struct cp_service_row {
    const char *id, *provider, *name, *authority;
    double lat, lon;
    const char *type;
    double capacity, weekly_price;
    const char *rating;
    double min_age, max_age;
    const char *genders;
    double max_intensity;
    const char *specialisms, *owner, *status; /* status: existing or candidate */
    double fixed_cost, min_occupancy;
} cp_service_row;

typedef struct cp_user_row {
    const char *id, *authority;
    double lat, lon;
    const char *types;
    double places, intensity, age;
    const char *gender, *needs;
    double max_distance_km; /* INFINITY: none (no limit of the person's own) */
    const char *current_service;
    bool locked; /* true: "true"; false: empty */
    const char *group;
    double spot_cost; /* INFINITY: none (the person must be placed) */
} cp_user_row;

typedef struct cp_quote_row {
    const char *user, *service;
    double weekly_cost, places;
} cp_quote_row;

typedef struct cp_tier_row {
    const char *provider;
    double min_places, discount_pct;
} cp_tier_row;

typedef struct cp_setting_row {
    const char *key, *value;
} cp_setting_row;

typedef struct cp_pool_row {
    const char *configuration, *authority, *pool;
} cp_pool_row;

typedef struct cp_string_block cp_string_block;

typedef struct cp_instance_rows {
    /* The header line of each file: its columns, in order, from the file's CP_*_COLUMNS;
     * NULL: the file is not written. Static strings. */
    const char *columns[CP_N_INSTANCE_FILES];
    /* Digits after the point of lat and lon (as printf's %.*f writes them: a small negative
     * is -0.0000), or CP_DECIMALS_EXACT (io/escape.h), as every other number is written. */
    int coordinate_decimals;

    cp_authority_row *authorities;
    size_t n_authorities, authorities_capacity;
    cp_service_row *services;
    size_t n_services, services_capacity;
    cp_user_row *users;
    size_t n_users, users_capacity;
    cp_quote_row *quotes;
    size_t n_quotes, quotes_capacity;
    cp_tier_row *tiers;
    size_t n_tiers, tiers_capacity;
    cp_setting_row *settings;
    size_t n_settings, settings_capacity;
    cp_pool_row *pools;
    size_t n_pools, pools_capacity;

    cp_string_block *strings;
} cp_instance_rows;

/* Empty rows: no file written, every number exact. Free with cp_instance_rows_destroy. */
cp_instance_rows *cp_instance_rows_create(void);

/* Frees the rows and every string they hold. Accepts NULL. */
void cp_instance_rows_destroy(cp_instance_rows *rows);

/* Each appends a copy of row; its strings are copied too, so the caller's may be temporary. */
void cp_instance_rows_add_authority(cp_instance_rows *rows, cp_authority_row row);
void cp_instance_rows_add_service(cp_instance_rows *rows, cp_service_row row);
void cp_instance_rows_add_user(cp_instance_rows *rows, cp_user_row row);
void cp_instance_rows_add_quote(cp_instance_rows *rows, cp_quote_row row);
void cp_instance_rows_add_tier(cp_instance_rows *rows, cp_tier_row row);
void cp_instance_rows_add_setting(cp_instance_rows *rows, cp_setting_row row);
void cp_instance_rows_add_pool(cp_instance_rows *rows, cp_pool_row row);

/* Records whose every number is NAN and every text NULL, to fill in. */
cp_service_row cp_service_row_empty(void);
cp_user_row cp_user_row_empty(void);

#endif
