/* Scratch directories for cmocka tests: a new empty directory under /tmp, removed with
 * everything in it when the test is done. Include after cmocka.h. */
#ifndef CAREPOOL_TESTS_SCRATCH_H
#define CAREPOOL_TESTS_SCRATCH_H

/* A new empty directory /tmp/carepool-test-XXXXXX; fails the test when it cannot be made.
 * The caller removes it with scratch_remove, which also frees the returned name. */
char *scratch_create(void);
/* Removes dir and everything below it (symbolic links are not followed), then frees dir;
 * fails the test when something cannot be removed. Accepts NULL. */
void scratch_remove(char *dir);
/* cmocka setup and teardown: *state is a scratch directory (char *) for each test. */
int scratch_setup(void **state);
int scratch_teardown(void **state);

#endif
