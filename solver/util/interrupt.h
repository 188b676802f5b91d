/* SIGINT and SIGTERM ask a running solve to stop cleanly and write its best plan. */
#ifndef CAREPOOL_UTIL_INTERRUPT_H
#define CAREPOOL_UTIL_INTERRUPT_H

#include <stdbool.h>

/* Installs the handlers; a second signal of the same kind ends the process at once. */
void cp_interrupt_install(void);

/* Whether a stop was asked for since the handlers were installed. */
bool cp_interrupt_requested(void);

#endif
