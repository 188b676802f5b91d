/* Tests of the sweep's queue: scenarios already in the journal are not handed out, the others
 * go largest first (plan order among equals), finishing records them in the journal, and
 * nothing is handed out after a stop. */
#define _POSIX_C_SOURCE 200809L

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "files.h"
#include "scratch.h"
#include "sweep/queue.h"
#include "util/status.h"

#include <string.h>
#include <sys/stat.h>

static cp_sweep_plan *read_plan(const char *dir)
{
    assert_int_equal(mkdir(file_path(dir, "i"), 0700), 0);
    file_write(file_path(dir, "plan.csv"), "id,instance\na,i\nb,i\nc,i\nd,i\n");
    cp_errors errors = {0};
    cp_sweep_plan *plan = NULL;
    assert_int_equal(cp_sweep_plan_read(file_path(dir, "plan.csv"), &plan, &errors), CP_OK);
    double sizes[] = {10, 30, 10, 20};
    for (int s = 0; s < 4; s++)
        plan->scenarios[s].size = sizes[s];
    return plan;
}

static void test_largest_first_and_done_skipped(void **state)
{
    cp_sweep_plan *plan = read_plan(*state);
    cp_errors errors = {0};
    cp_sweep_journal *journal = NULL;
    assert_int_equal(cp_sweep_journal_open(file_path(*state, "j.tsv"), 1, false, &journal, &errors),
                     CP_OK);
    assert_int_equal(cp_sweep_journal_record(journal, "d", 0, &errors), CP_OK);
    cp_sweep_queue queue;
    cp_sweep_queue_init(&queue, plan, journal, false);
    assert_int_equal(queue.finished, 1);
    assert_int_equal(cp_sweep_queue_take(&queue), 1); /* b: 30 */
    assert_int_equal(cp_sweep_queue_finish(&queue, 1, 0, &errors), CP_OK);
    assert_true(cp_sweep_journal_done(journal, "b", NULL));
    assert_int_equal(queue.finished, 2);
    assert_int_equal(cp_sweep_queue_take(&queue), 0); /* a: 10, before c by plan order */
    cp_sweep_queue_stop(&queue);
    assert_int_equal(cp_sweep_queue_take(&queue), -1);
    cp_sweep_queue_free(&queue);

    cp_sweep_queue_init(&queue, plan, journal, false); /* as a resumed run sees it */
    assert_int_equal(cp_sweep_queue_take(&queue), 0);
    assert_int_equal(cp_sweep_queue_take(&queue), 2);
    assert_int_equal(cp_sweep_queue_take(&queue), -1);
    cp_sweep_queue_free(&queue);
    cp_sweep_journal_close(journal);
    cp_sweep_plan_destroy(plan);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_largest_first_and_done_skipped, scratch_setup,
                                        scratch_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
