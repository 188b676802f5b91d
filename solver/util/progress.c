/* Progress rows for long runs. */
#include "util/progress.h"

#include "util/log.h"

#include <math.h>
#include <stdio.h>

double cp_relative_gap(double objective, double bound)
{
    if (!isfinite(objective) || !isfinite(bound))
        return INFINITY;
    double gap = fabs(objective - bound) / fmax(fabs(objective), 1e-9);
    return gap < 1e-12 ? 0 : gap;
}

static void format_value(char *text, size_t size, double value)
{
    if (isfinite(value))
        snprintf(text, size, "%.2f", value);
    else
        snprintf(text, size, "-");
}

void cp_progress_line(const char *phase, double seconds, double incumbent, double bound)
{
    char inc[32], bnd[32], gap[32] = "-";
    format_value(inc, sizeof inc, incumbent);
    format_value(bnd, sizeof bnd, bound);
    double g = cp_relative_gap(incumbent, bound);
    if (isfinite(g))
        snprintf(gap, sizeof gap, "%.2f%%", 100 * g);
    cp_message("%8.1fs  %-6s incumbent %s  bound %s  gap %s", seconds, phase, inc, bnd, gap);
}
