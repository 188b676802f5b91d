/* carepool: assigns people who need care to provider services across pooled councils.
 * Parses the command line and runs one command; its result is the exit status. */
#include "app/commands.h"
#include "app/options.h"
#include "util/log.h"
#include "util/status.h"
#include "util/version.h"

#include <stdio.h>

int main(int argc, char **argv)
{
    cp_options options;
    cp_errors errors = {0};
    bool help = false;
    if (cp_options_parse(argc, argv, &options, &help, &errors) != CP_OK) {
        cp_app_print_errors(&errors);
        cp_errors_clear(&errors);
        return CP_ERR_INPUT;
    }
    if (options.version && !help) {
        printf("carepool %s\n", CAREPOOL_VERSION);
        return CP_OK;
    }
    if (help) {
        cp_options_print_help();
        return argc < 2 ? CP_ERR_INPUT : CP_OK;
    }
    cp_log_set_verbosity(options.quiet ? CP_QUIET : options.verbose ? CP_VERBOSE : CP_NORMAL);

    switch (options.command) {
    case CP_CMD_SOLVE:
        return cp_cmd_solve(&options);
    case CP_CMD_VALIDATE:
        return cp_cmd_validate(&options);
    case CP_CMD_CHECK:
        return cp_cmd_check(&options);
    case CP_CMD_EXPORT:
        return cp_cmd_export(&options);
    case CP_CMD_IMPORT:
        return cp_cmd_import(&options);
    case CP_CMD_GENERATE:
        return cp_cmd_generate(&options);
    case CP_CMD_COMPARE:
        return cp_cmd_compare(&options);
    case CP_CMD_SUMMARY:
        return cp_cmd_summary(&options);
    case CP_CMD_TRANSFORM:
        return cp_cmd_transform(&options);
    case CP_CMD_SWEEP:
        return cp_cmd_sweep(&options);
    }
    return CP_ERR_INTERNAL;
}
