/* Tests of the sweep's journal: records survive a reopen, a last line cut short by a kill is
 * dropped (and the file truncated, so the next record starts a clean line), another plan's
 * journal is refused unless restart, which hands back the ids to discard, and a file that is
 * not a journal is refused. */
#define _POSIX_C_SOURCE 200809L

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "files.h"
#include "scratch.h"
#include "sweep/journal.h"
#include "util/status.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static cp_sweep_journal *open_ok(const char *path, uint64_t fingerprint, bool restart)
{
    cp_errors errors = {0};
    cp_sweep_journal *journal = NULL;
    int status = cp_sweep_journal_open(path, fingerprint, restart, &journal, &errors);
    if (status != CP_OK)
        fail_msg("journal refused: %s", errors.count ? errors.lines[0] : "?");
    cp_errors_clear(&errors);
    return journal;
}

static void record_ok(cp_sweep_journal *journal, const char *id, int exit_status)
{
    cp_errors errors = {0};
    assert_int_equal(cp_sweep_journal_record(journal, id, exit_status, &errors), CP_OK);
}

static void test_records_survive_a_reopen(void **state)
{
    const char *path = file_path(*state, "journal.tsv");
    cp_sweep_journal *journal = open_ok(path, 42, false);
    assert_false(cp_sweep_journal_done(journal, "a", NULL));
    record_ok(journal, "a", 0);
    record_ok(journal, "b", 3);
    cp_sweep_journal_close(journal);

    journal = open_ok(path, 42, false);
    int exit_status = -1;
    assert_true(cp_sweep_journal_done(journal, "a", &exit_status));
    assert_int_equal(exit_status, 0);
    assert_true(cp_sweep_journal_done(journal, "b", &exit_status));
    assert_int_equal(exit_status, 3);
    assert_false(cp_sweep_journal_done(journal, "c", NULL));
    assert_int_equal(cp_sweep_journal_count_discarded(journal), 0);
    cp_sweep_journal_close(journal);
}

static void test_a_cut_short_line_is_dropped(void **state)
{
    const char *path = file_path(*state, "journal.tsv");
    cp_sweep_journal *journal = open_ok(path, 7, false);
    record_ok(journal, "a", 0);
    cp_sweep_journal_close(journal);
    char *text = file_read(path);
    size_t n = strlen(text);
    char *torn = malloc(n + 16);
    snprintf(torn, n + 16, "%sb\t", text); /* killed while writing b's record */
    file_write(path, torn);

    journal = open_ok(path, 7, false);
    assert_true(cp_sweep_journal_done(journal, "a", NULL));
    assert_false(cp_sweep_journal_done(journal, "b", NULL));
    record_ok(journal, "b", 0);
    cp_sweep_journal_close(journal);
    char *after = file_read(path);
    snprintf(torn, n + 16, "%sb\t0\n", text);
    assert_string_equal(after, torn);
    free(after);
    free(torn);
    free(text);
}

static void test_another_plan_is_refused_unless_restart(void **state)
{
    const char *path = file_path(*state, "journal.tsv");
    cp_sweep_journal *journal = open_ok(path, 1, false);
    record_ok(journal, "x", 0);
    record_ok(journal, "y", 0);
    cp_sweep_journal_close(journal);

    cp_errors errors = {0};
    journal = (cp_sweep_journal *)&errors;
    assert_int_equal(cp_sweep_journal_open(path, 2, false, &journal, &errors), CP_ERR_INPUT);
    assert_null(journal);
    assert_non_null(strstr(errors.lines[0], "--restart"));
    cp_errors_clear(&errors);

    journal = open_ok(path, 2, true);
    assert_false(cp_sweep_journal_done(journal, "x", NULL));
    assert_int_equal(cp_sweep_journal_count_discarded(journal), 2);
    assert_string_equal(cp_sweep_journal_discarded(journal, 0), "x");
    assert_string_equal(cp_sweep_journal_discarded(journal, 1), "y");
    cp_sweep_journal_close(journal);
    journal = open_ok(path, 2, false); /* the restart's header is the new plan's */
    assert_false(cp_sweep_journal_done(journal, "y", NULL));
    cp_sweep_journal_close(journal);
}

static void test_a_file_that_is_not_a_journal_is_refused(void **state)
{
    const char *path = file_path(*state, "journal.tsv");
    file_write(path, "id,instance\na,b\n");
    cp_errors errors = {0};
    cp_sweep_journal *journal = NULL;
    assert_int_equal(cp_sweep_journal_open(path, 1, false, &journal, &errors), CP_ERR_INPUT);
    assert_non_null(strstr(errors.lines[0], "not a carepool sweep journal"));
    cp_errors_clear(&errors);
    file_assert_text(path, "id,instance\na,b\n");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_records_survive_a_reopen, scratch_setup,
                                        scratch_teardown),
        cmocka_unit_test_setup_teardown(test_a_cut_short_line_is_dropped, scratch_setup,
                                        scratch_teardown),
        cmocka_unit_test_setup_teardown(test_another_plan_is_refused_unless_restart, scratch_setup,
                                        scratch_teardown),
        cmocka_unit_test_setup_teardown(test_a_file_that_is_not_a_journal_is_refused, scratch_setup,
                                        scratch_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
