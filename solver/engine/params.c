/* Names of the engine's parameters. */
#include "engine/params.h"

#include <string.h>

static const char *const method_names[] = {
    [CP_METHOD_AUTO] = "auto", [CP_METHOD_HEURISTIC] = "heuristic", [CP_METHOD_EXACT] = "exact"};

const char *cp_method_name(cp_method method)
{
    return method_names[method];
}

bool cp_method_parse(const char *name, cp_method *method)
{
    for (int m = 0; m < (int)(sizeof method_names / sizeof *method_names); m++)
        if (strcmp(name, method_names[m]) == 0) {
            *method = (cp_method)m;
            return true;
        }
    return false;
}
