/* Scratch directories for the unit tests (scratch.h): mkdtemp to make one, a depth-first
 * walk (nftw) to remove it with whatever the test left in it. */
#define _XOPEN_SOURCE 700

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "scratch.h"

#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>

#include "util/alloc.h"

/* Up to this many directories open at once during the walk. */
#define SCRATCH_WALK_FDS 16

char *scratch_create(void)
{
    static const char pattern[] = "/tmp/carepool-test-XXXXXX";
    char *dir = cp_strdup(pattern);
    if (!mkdtemp(dir))
        fail_msg("cannot create a scratch directory from %s", pattern);
    return dir;
}

static int remove_entry(const char *path, const struct stat *info, int flag, struct FTW *ftw)
{
    (void)info, (void)flag, (void)ftw;
    if (remove(path) != 0) {
        perror(path);
        return -1;
    }
    return 0;
}

void scratch_remove(char *dir)
{
    if (!dir)
        return;
    int status = nftw(dir, remove_entry, SCRATCH_WALK_FDS, FTW_DEPTH | FTW_PHYS);
    if (status != 0)
        fail_msg("cannot remove the scratch directory %s", dir);
    free(dir);
}

int scratch_setup(void **state)
{
    *state = scratch_create();
    return 0;
}

int scratch_teardown(void **state)
{
    scratch_remove(*state);
    *state = NULL;
    return 0;
}
