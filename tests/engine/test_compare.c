/* Which configurations compare takes: standalone and pooled first, then the names asked for
 * (white space trimmed, repeats dropped) or every listed one; unknown names are errors. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>

#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "engine/compare.h"
#include "instance_builder.h"

static cp_instance *three_councils(void)
{
    cp_instance *in = tb_create();
    int a = tb_authority(in, "a", 51.5, -0.2);
    tb_authority(in, "b", 51.4, -0.1);
    tb_authority(in, "c", 51.3, -0.1);
    tb_service(in, "s", a, "residential", 3, 900);
    tb_user(in, "p", a, "residential");
    const char *const pairs[] = {"ab", "ab", "c"};
    const char *const west[] = {"w", "e", "e"};
    tb_config(in, "pairs", pairs);
    tb_config(in, "west", west);
    tb_finish(in);
    return in;
}

static void selects_all_by_default(void **state)
{
    (void)state;
    cp_instance *in = three_councils();
    const cp_config **list = NULL;
    cp_errors errors = {0};
    assert_int_equal(cp_compare_select(in, NULL, &list, &errors), 4);
    assert_string_equal(list[0]->name, "standalone");
    assert_string_equal(list[1]->name, "pooled");
    assert_string_equal(list[2]->name, "pairs");
    assert_string_equal(list[3]->name, "west");
    assert_int_equal(errors.count, 0);
    free(list);
    cp_instance_destroy(in);
}

static void selects_named_once_each(void **state)
{
    (void)state;
    cp_instance *in = three_councils();
    const cp_config **list = NULL;
    cp_errors errors = {0};
    assert_int_equal(cp_compare_select(in, " west ,pooled,west", &list, &errors), 3);
    assert_string_equal(list[2]->name, "west");
    free(list);
    cp_instance_destroy(in);
}

static void unknown_names_are_errors(void **state)
{
    (void)state;
    cp_instance *in = three_councils();
    const cp_config **list = NULL;
    cp_errors errors = {0};
    assert_int_equal(cp_compare_select(in, "west,east,North", &list, &errors), -1);
    assert_null(list);
    assert_int_equal(errors.count, 3);
    assert_non_null(strstr(errors.lines[0], "'east'"));
    assert_non_null(strstr(errors.lines[1], "'North'"));
    assert_string_equal(errors.lines[2], "known configurations: standalone pooled pairs west");
    cp_errors_clear(&errors);
    cp_instance_destroy(in);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(selects_all_by_default),
        cmocka_unit_test(selects_named_once_each),
        cmocka_unit_test(unknown_names_are_errors),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
