/* The id map: lookups, overwrites and growth past many rehashes. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include <stdio.h>

#include "util/strmap.h"

static void test_put_get_overwrite(void **state)
{
    (void)state;
    cp_strmap *map = cp_strmap_create();
    assert_int_equal(cp_strmap_get(map, "merton"), -1);
    assert_int_equal(cp_strmap_put(map, "merton", 3), -1);
    assert_int_equal(cp_strmap_put(map, "Merton", 4), -1); /* ids are case-sensitive */
    assert_int_equal(cp_strmap_put(map, "merton", 7), 3);
    assert_int_equal(cp_strmap_get(map, "merton"), 7);
    assert_int_equal(cp_strmap_get(map, "Merton"), 4);
    assert_int_equal(cp_strmap_get(map, ""), -1);
    assert_int_equal((int)cp_strmap_size(map), 2);
    cp_strmap_destroy(map);
    cp_strmap_destroy(NULL);
}

static void test_many_keys(void **state)
{
    (void)state;
    cp_strmap *map = cp_strmap_create();
    char key[32];
    for (int i = 0; i < 100000; i++) {
        snprintf(key, sizeof key, "u%d", i);
        assert_int_equal(cp_strmap_put(map, key, i), -1);
    }
    for (int i = 0; i < 100000; i++) {
        snprintf(key, sizeof key, "u%d", i);
        assert_int_equal(cp_strmap_get(map, key), i);
    }
    assert_int_equal(cp_strmap_get(map, "u100000"), -1);
    cp_strmap_destroy(map);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_put_get_overwrite),
        cmocka_unit_test(test_many_keys),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
