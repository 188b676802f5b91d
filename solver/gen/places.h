/* The English local authorities the generator knows: names, points, populations and areas,
 * derived from mySociety's table of UK local authorities (MIT licence) by
 * gen/derive_places.py. */
#ifndef CAREPOOL_GEN_PLACES_H
#define CAREPOOL_GEN_PLACES_H

#include <stddef.h>

typedef struct cp_place {
    const char *code;   /* mySociety local-authority-code, e.g. "MRT" */
    const char *id;     /* instance id: lower-case words of the name joined by '_' */
    const char *name;   /* display name (mySociety nice-name) */
    const char *region; /* English region, e.g. "London" */
    const char *county; /* for a district: the code of its county council; else "" */
    int upper;          /* 1: a council with social care duties; 0: a district */
    double lat, lon;    /* a representative point (see derive_places.py for counties) */
    double population;  /* residents, 2020 */
    double area_km2;
} cp_place;

extern const cp_place cp_places[];
extern const size_t cp_n_places;

/* Returns the place with this code, or NULL. */
const cp_place *cp_place_by_code(const char *code);

#endif
