/* Small helpers on solutions. */
#include "core/solution.h"

#include <stdlib.h>

const char *cp_solution_status_name(cp_solution_status status)
{
    switch (status) {
    case CP_STATUS_OPTIMAL:
        return "optimal";
    case CP_STATUS_FEASIBLE:
        return "feasible";
    case CP_STATUS_INFEASIBLE:
        return "infeasible";
    case CP_STATUS_NO_SOLUTION:
        return "no_solution";
    }
    return "no_solution";
}

void cp_solution_free(cp_solution *solution)
{
    if (!solution)
        return;
    free(solution->service_of_user);
    solution->service_of_user = NULL;
}
