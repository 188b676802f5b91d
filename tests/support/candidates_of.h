/* candidates_of(instance, config): the candidates of instance under the configuration named
 * config, failing the cmocka test when they cannot be built. Include after cmocka.h. */
#ifndef CAREPOOL_TESTS_CANDIDATES_OF_H
#define CAREPOOL_TESTS_CANDIDATES_OF_H

#include "core/candidates.h"
#include "util/status.h"

static inline cp_candidates *candidates_of(const cp_instance *instance, const char *config)
{
    cp_candidates *c = NULL;
    cp_errors why = {0};
    if (cp_candidates_build(instance, cp_instance_config(instance, config), &c, &why) != CP_OK)
        fail_msg("no candidates under '%s': %s", config, why.count ? why.lines[0] : "?");
    return c;
}

#endif
