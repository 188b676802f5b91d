/* The options table and its parser. Adding an option is one row here plus its field. */
#include "app/options.h"

#include "util/status.h"
#include "util/version.h"

#include <errno.h>
#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum kind {
    FLAG,
    TEXT,
    CHOICE,
    REAL,
    INTEGER,
    REPEATED /* TEXT given any number of times: a cp_repeated */
};

typedef struct option_spec {
    const char *name;
    char short_name;
    enum kind kind;
    size_t offset;
    unsigned commands;
    const char *value_name;
    const char *choices; /* CHOICE: '|'-separated */
    double low, high;    /* REAL, INTEGER: accepted range (inclusive) */
    const char *help;
} option_spec;

#define FIELD(name) offsetof(cp_options, name)
#define ALL                                                                                        \
    (CP_CMD_SOLVE | CP_CMD_VALIDATE | CP_CMD_CHECK | CP_CMD_EXPORT | CP_CMD_IMPORT |               \
     CP_CMD_GENERATE | CP_CMD_COMPARE | CP_CMD_SUMMARY | CP_CMD_TRANSFORM | CP_CMD_SWEEP)
#define SOLVING (CP_CMD_SOLVE | CP_CMD_COMPARE)
#define WHAT_IF (SOLVING | CP_CMD_TRANSFORM)

static const option_spec specs[] = {
    {"output", 'o', TEXT, FIELD(output),
     WHAT_IF | CP_CMD_EXPORT | CP_CMD_IMPORT | CP_CMD_GENERATE | CP_CMD_SWEEP, "PATH", NULL, 0, 0,
     "results directory (solve, compare, sweep), instance directory (import, generate, "
     "transform) or file (export)"},
    {"config", 0, TEXT, FIELD(config),
     CP_CMD_SOLVE | CP_CMD_CHECK | CP_CMD_EXPORT | CP_CMD_VALIDATE, "NAME", NULL, 0, 0,
     "pooling configuration: standalone, pooled or one of configurations.csv"},
    {"time-limit", 0, REAL, FIELD(time_limit), SOLVING, "SECONDS", NULL, 0.001, 1e9,
     "stop with the best plan found this long after the command started (compare: after "
     "each configuration's solve started) (default: none)"},
    {"work", 0, REAL, FIELD(work), SOLVING, "MOVES", NULL, 0.01, 1e9,
     "the heuristic (alone or as exact's start) evaluates at most this many moves per "
     "candidate pair, all threads together: unlike a time limit, the same plan on any "
     "machine (default: none)"},
    {"gap", 0, REAL, FIELD(gap), SOLVING, "FRACTION", NULL, 0, 0.999999,
     "stop when the relative gap is at most this (0.01 is 1%)"},
    {"method", 0, CHOICE, FIELD(method), SOLVING, "METHOD", "auto|heuristic|exact", 0, 0,
     "heuristic: Lagrangian bound and parallel search; exact: branch-and-cut from the "
     "heuristic's plan; auto: exact when the instance is small enough"},
    {"formulation", 0, CHOICE, FIELD(formulation), SOLVING, "KIND", "strong|weak", 0, 0,
     "strong links every pair to its service's opening and contract; weak is big-M only"},
    {"cuts", 0, CHOICE, FIELD(cuts), SOLVING, "SET", "on|off|all", 0, 0,
     "GLPK cut generators: on = MIR, cover, clique; all = also Gomory"},
    {"branching", 0, CHOICE, FIELD(branching), SOLVING, "RULE", "decisions|glpk", 0, 0,
     "decisions: open, contract and tier choices first; glpk: GLPK's default rule"},
    {"format", 0, CHOICE, FIELD(format), CP_CMD_EXPORT, "FORMAT", "dat|mps|lp", 0, 0,
     "dat: data for models/placement.mod; mps: free MPS; lp: CPLEX LP"},
    {"seed", 0, INTEGER, FIELD(seed), WHAT_IF | CP_CMD_GENERATE, "N", NULL, 0, 2147483647,
     "random seed (recorded in summary.json; generate: the instance drawn; with "
     "--demand-growth: the people copied or removed)"},
    {"set", 0, REPEATED, FIELD(set), WHAT_IF, "KEY=VALUE", NULL, 0, 0,
     "a setting of settings.csv for this run, checked as the file's are; repeatable"},
    {"demand-growth", 0, TEXT, FIELD(demand_growth), WHAT_IF, "SPEC", NULL, 0, 0,
     "people of each council and type more or fewer: +10%, or NAME:PCT,... by service type "
     "or council, e.g. supported_living:+15%,croydon:-5% (factors multiply)"},
    {"uplift", 0, TEXT, FIELD(uplift), WHAT_IF, "PCT|FILE", NULL, 0, 0,
     "prices and quotes raised: +2% for all, or per provider from a CSV file "
     "provider,uplift_pct"},
    {"preset", 0, TEXT, FIELD(preset), CP_CMD_GENERATE, "NAME", NULL, 0, 0,
     "generate: sw-london, wla, london, rcc-south-east, england-children or england-adults-ld; "
     "for the benchmarks gap-c, gap-d, gap-e, facility-small, facility-large or facility-local"},
    {"scale", 0, REAL, FIELD(scale), CP_CMD_GENERATE, "FACTOR", NULL, 0.0001, 100,
     "generate: people and services times this"},
    {"size", 0, TEXT, FIELD(size), CP_CMD_GENERATE, "AxB", NULL, 0, 0,
     "generate: required by the benchmark presets, an error for the others: MxN, M agents "
     "and N jobs (gap-*), or PEOPLExCANDIDATES (facility-*)"},
    {"threads", 0, INTEGER, FIELD(threads), SOLVING, "N", NULL, 0, 1024,
     "worker threads of the heuristic (0: one per processor; branch-and-cut uses one; "
     "compare: of all its solves together)"},
    {"configs", 0, TEXT, FIELD(configs), CP_CMD_COMPARE, "A,B,...", NULL, 0, 0,
     "compare: configurations to compare besides standalone and pooled (default: all)"},
    {"shapley-samples", 0, INTEGER, FIELD(shapley_samples), CP_CMD_COMPARE, "N", NULL, 2, 100000,
     "compare: random orders sampled for the Shapley value of pools of more than 10 members"},
    {"shapley-max-members", 0, INTEGER, FIELD(shapley_max_members), CP_CMD_COMPARE, "N", NULL, 2,
     64, "compare: larger pools get proportional shares only, no coalition valued"},
    {"coalition-work", 0, REAL, FIELD(coalition_work), CP_CMD_COMPARE, "MOVES", NULL, 0.01, 1e6,
     "compare: each two-pool solve of the games evaluates this many moves per candidate pair"},
    {"glpk-output", 0, FLAG, FIELD(glpk_output), CP_CMD_SOLVE, NULL, NULL, 0, 0,
     "show GLPK's own terminal output (on stderr)"},
    {"header", 0, FLAG, FIELD(header), CP_CMD_SUMMARY, NULL, NULL, 0, 0,
     "summary: print the keys (tab-separated) before their values"},
    {"restart", 0, FLAG, FIELD(restart), CP_CMD_SWEEP, NULL, NULL, 0, 0,
     "sweep: discard the results in OUT of another (or the same) plan and start again"},
    {"quiet", 'q', FLAG, FIELD(quiet), ALL, NULL, NULL, 0, 0, "only errors and the summary"},
    {"verbose", 'v', FLAG, FIELD(verbose), ALL, NULL, NULL, 0, 0, "more detail on stderr"},
};
#define N_SPECS (sizeof specs / sizeof specs[0])

static const struct {
    const char *name;
    enum cp_command command;
    int n_positional; /* required; negative: -n_positional required, then up to
                         CP_MAX_POSITIONAL in all */
    const char *usage;
    const char *help;
} commands[] = {
    {"solve", CP_CMD_SOLVE, 1, "solve DIR -o OUT", "find the best plan and write it to OUT"},
    {"validate", CP_CMD_VALIDATE, 1, "validate DIR", "check an instance and print statistics"},
    {"check", CP_CMD_CHECK, 2, "check DIR ASSIGNMENTS.csv", "check a plan and recompute its cost"},
    {"export", CP_CMD_EXPORT, 1, "export DIR --format dat|mps|lp -o FILE",
     "write the model for glpsol or other solvers"},
    {"import", CP_CMD_IMPORT, 2, "import gap FILE -o DIR",
     "turn an OR-Library generalized-assignment file into an instance"},
    {"generate", CP_CMD_GENERATE, 0,
     "generate --preset NAME --seed N -o DIR [--scale F|--size AxB]",
     "write a synthetic instance: realistic, or a benchmark one"},
    {"compare", CP_CMD_COMPARE, 1, "compare DIR [--configs A,B,...] -o OUT",
     "solve every configuration, compare them and share each pool's savings"},
    {"summary", CP_CMD_SUMMARY, -1, "summary PATH [--header] [KEY ...]",
     "print values of summary.json: KEYs tab-separated on one line, or all"},
    {"transform", CP_CMD_TRANSFORM, 1,
     "transform DIR [--demand-growth SPEC] [--uplift PCT|FILE] [--set K=V] -o DIR2",
     "write the instance as a scenario changes it"},
    {"sweep", CP_CMD_SWEEP, 1, "sweep PLAN.csv -o OUT [--restart]",
     "solve every scenario of PLAN.csv, resumably; with MPI, over mpirun's ranks"},
};
#define N_COMMANDS (sizeof commands / sizeof commands[0])

static void set_defaults(cp_options *options)
{
    *options = (cp_options){.config = "pooled",
                            .time_limit = INFINITY,
                            .gap = 0,
                            .method = "auto",
                            .formulation = "strong",
                            .cuts = "on",
                            .branching = "decisions",
                            .seed = 1,
                            .scale = 1,
                            .threads = 0,
                            .shapley_samples = 30,
                            .shapley_max_members = 20,
                            .coalition_work = 10};
}

static const option_spec *find_spec(const char *arg)
{
    for (size_t i = 0; i < N_SPECS; i++) {
        if (arg[1] == '-' && strcmp(arg + 2, specs[i].name) == 0)
            return &specs[i];
        if (arg[1] != '-' && arg[1] == specs[i].short_name && arg[2] == '\0')
            return &specs[i];
    }
    return NULL;
}

static bool choice_ok(const char *choices, const char *value)
{
    size_t n = strlen(value);
    for (const char *p = choices; *p;) {
        const char *end = strchr(p, '|');
        size_t len = end ? (size_t)(end - p) : strlen(p);
        if (len == n && strncmp(p, value, n) == 0)
            return true;
        p += len + (end ? 1 : 0);
    }
    return false;
}

static void store(const option_spec *spec, const char *value, cp_options *options,
                  cp_errors *errors)
{
    char *field = (char *)options + spec->offset;
    char *end = NULL;
    errno = 0;
    switch (spec->kind) {
    case FLAG:
        *(bool *)field = true;
        return;
    case TEXT:
        *(const char **)field = value;
        return;
    case REPEATED: {
        cp_repeated *repeated = (cp_repeated *)field;
        if (repeated->count == CP_MAX_REPEATS)
            cp_errors_add(errors, "--%s: given more than %d times", spec->name, CP_MAX_REPEATS);
        else
            repeated->values[repeated->count++] = value;
        return;
    }
    case CHOICE:
        if (!choice_ok(spec->choices, value))
            cp_errors_add(errors, "--%s: expected one of %s (value '%s')", spec->name,
                          spec->choices, value);
        else
            *(const char **)field = value;
        return;
    case REAL: {
        double x = strtod(value, &end);
        if (end == value || *end || errno || !isfinite(x) || x < spec->low || x > spec->high)
            cp_errors_add(errors, "--%s: expected a number from %g to %g (value '%s')", spec->name,
                          spec->low, spec->high, value);
        else
            *(double *)field = x;
        return;
    }
    case INTEGER: {
        long x = strtol(value, &end, 10);
        if (end == value || *end || errno || x < spec->low || x > spec->high)
            cp_errors_add(errors, "--%s: expected a whole number from %.0f to %.0f (value '%s')",
                          spec->name, spec->low, spec->high, value);
        else
            *(long *)field = x;
        return;
    }
    }
}

int cp_options_parse(int argc, char **argv, cp_options *options, bool *help, cp_errors *errors)
{
    set_defaults(options);
    *help = argc < 2;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0)
            *help = true;
        if (strcmp(argv[i], "--version") == 0)
            options->version = true;
    }
    if (*help || options->version)
        return CP_OK;

    size_t found = N_COMMANDS;
    for (size_t c = 0; c < N_COMMANDS; c++)
        if (strcmp(argv[1], commands[c].name) == 0)
            found = c;
    if (found == N_COMMANDS) {
        cp_errors_add(errors, "unknown command '%s' (try 'carepool --help')", argv[1]);
        return CP_ERR_INPUT;
    }
    options->command = commands[found].command;
    int expected = abs(commands[found].n_positional);
    int most = commands[found].n_positional < 0 ? CP_MAX_POSITIONAL : expected;

    for (int i = 2; i < argc; i++) {
        const char *arg = argv[i];
        if (arg[0] != '-' || arg[1] == '\0') {
            if (options->n_positional < most)
                options->positional[options->n_positional++] = arg;
            else
                cp_errors_add(errors, "%s: unexpected argument '%s'", argv[1], arg);
            continue;
        }
        char name[64];
        const char *inline_value = NULL;
        const char *eq = strchr(arg, '=');
        if (eq && arg[1] == '-' && (size_t)(eq - arg) < sizeof name) {
            memcpy(name, arg, (size_t)(eq - arg));
            name[eq - arg] = '\0';
            inline_value = eq + 1;
            arg = name;
        }
        const option_spec *spec = find_spec(arg);
        if (!spec || !(spec->commands & options->command)) {
            cp_errors_add(errors, "%s: unknown option '%s'", argv[1], arg);
            continue;
        }
        const char *value = inline_value;
        if (spec->kind != FLAG && !value) {
            if (i + 1 >= argc) {
                cp_errors_add(errors, "--%s needs a value %s", spec->name, spec->value_name);
                continue;
            }
            value = argv[++i];
        }
        store(spec, value, options, errors);
    }
    if (options->n_positional < expected)
        cp_errors_add(errors, "%s: missing arguments (usage: carepool %s)", argv[1],
                      commands[found].usage);
    return cp_errors_any(errors) ? CP_ERR_INPUT : CP_OK;
}

void cp_options_print_help(void)
{
    cp_options defaults;
    set_defaults(&defaults);
    printf("carepool %s: who goes where, for councils that commission care together\n\n",
           CAREPOOL_VERSION);
    printf("Usage:\n  carepool %-40s %s\n", "--version", "print the version");
    for (size_t c = 0; c < N_COMMANDS; c++)
        printf("  carepool %-40s %s\n", commands[c].usage, commands[c].help);
    printf("\nOptions:\n");
    for (size_t i = 0; i < N_SPECS; i++) {
        const option_spec *s = &specs[i];
        char left[64];
        char short_part[8] = "    "; /* "-o, ", or blanks that keep the long names aligned */
        if (s->short_name)
            snprintf(short_part, sizeof short_part, "-%c, ", s->short_name);
        snprintf(left, sizeof left, "%s--%s %s", short_part, s->name,
                 s->kind == FLAG ? "" : (s->choices ? s->choices : s->value_name));
        printf("  %-36s %s", left, s->help);
        const char *field = (const char *)&defaults + s->offset;
        if ((s->kind == TEXT || s->kind == CHOICE) && *(const char *const *)field)
            printf(" [%s]", *(const char *const *)field);
        if (s->kind == INTEGER)
            printf(" [%ld]", *(const long *)field);
        if (s->kind == REAL && isfinite(*(const double *)field) && *(const double *)field != 0)
            printf(" [%g]", *(const double *)field);
        printf("\n");
    }
    printf("\nExit status:\n"
           "  0  a plan was written (solve), the input is valid (validate), the plan is\n"
           "     feasible (check), the files were written (export, import, generate)\n"
           "  1  internal error\n"
           "  2  bad input or usage (file:line: column 'name': problem)\n"
           "  3  infeasible: no plan can meet every constraint (check: the plan breaks one)\n"
           "  4  no plan found within the limits\n");
}
