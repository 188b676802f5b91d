/* The GLPK error guard: glp_error_hook jumps back to cp_mip_guard instead of letting GLPK
 * abort. One jump target per thread, so guarded solves may run in parallel threads. */
#include "mip/guard.h"

#include <glpk.h>
#include <setjmp.h>
#include <stddef.h>

static _Thread_local jmp_buf *failure_target;

static void on_glpk_error(void *info)
{
    (void)info;
    longjmp(*failure_target, 1);
}

bool cp_mip_guard(void (*work)(void *context), void *context)
{
    jmp_buf target;
    failure_target = &target;
    if (setjmp(target)) {
        glp_error_hook(NULL, NULL);
        glp_free_env();
        return false;
    }
    glp_error_hook(on_glpk_error, NULL);
    work(context);
    glp_error_hook(NULL, NULL);
    return true;
}
