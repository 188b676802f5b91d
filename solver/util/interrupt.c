/* Signal handling: the handler only sets a flag that solvers poll. */
#define _POSIX_C_SOURCE 200809L
#include "util/interrupt.h"

#include <signal.h>
#include <string.h>

static volatile sig_atomic_t requested;

static void on_signal(int signal_number)
{
    requested = 1;
    /* the next signal of this kind takes the default action: stop at once */
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = SIG_DFL;
    sigaction(signal_number, &action, NULL);
}

void cp_interrupt_install(void)
{
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = on_signal;
    sigemptyset(&action.sa_mask);
    sigaction(SIGINT, &action, NULL);
    sigaction(SIGTERM, &action, NULL);
}

bool cp_interrupt_requested(void)
{
    return requested != 0;
}
