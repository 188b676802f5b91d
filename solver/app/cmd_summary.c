/* carepool summary: prints values of a summary.json (of solve or compare) so that scripts,
 * the bench driver first, read results without parsing JSON. With KEYs, their values as one
 * tab-separated row (--header: the keys on a row before); without, every scalar as
 * "key<TAB>value", one a line, its key the dotted path to it. Strings are printed unquoted
 * (a tab, newline, carriage return or backslash inside one as \t, \n, \r, \\), null as an
 * empty field, numbers exactly as written in the file. */
#include "app/commands.h"

#include "io/json_reader.h"
#include "util/alloc.h"
#include "util/status.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static void print_scalar(const cp_json_value *value)
{
    switch (value->type) {
    case CP_JSON_NULL:
        return;
    case CP_JSON_FALSE:
        fputs("false", stdout);
        return;
    case CP_JSON_TRUE:
        fputs("true", stdout);
        return;
    case CP_JSON_NUMBER:
        fputs(value->text, stdout);
        return;
    default:
        break;
    }
    for (const char *c = value->text; c && *c; c++) {
        const char *escaped = *c == '\t'   ? "\\t"
                              : *c == '\n' ? "\\n"
                              : *c == '\r' ? "\\r"
                              : *c == '\\' ? "\\\\"
                                           : NULL;
        if (escaped)
            fputs(escaped, stdout);
        else
            putchar(*c);
    }
}

/* The key of a value inside the one at prefix: "prefix.step", or "step" at the top. The
 * caller frees it. */
static char *child_key(const char *prefix, const char *step)
{
    size_t n = strlen(prefix) + strlen(step) + 2;
    char *key = cp_malloc(n);
    snprintf(key, n, "%s%s%s", prefix, *prefix ? "." : "", step);
    return key;
}

/* Prints every scalar under value, depth first in document order, as "key<TAB>value". */
static void print_all(const cp_json_value *value, const char *prefix)
{
    if (cp_json_is_scalar(value)) {
        printf("%s\t", prefix);
        print_scalar(value);
        putchar('\n');
        return;
    }
    for (size_t i = 0; i < value->count; i++) {
        char index[32];
        snprintf(index, sizeof index, "%zu", i);
        char *key = child_key(prefix, value->type == CP_JSON_OBJECT ? value->names[i] : index);
        print_all(&value->items[i], key);
        free(key);
    }
}

/* The file to read: PATH/summary.json when PATH is a directory, else PATH. The caller frees
 * it. */
static char *summary_file(const char *path)
{
    struct stat info;
    if (stat(path, &info) != 0 || !S_ISDIR(info.st_mode))
        return cp_strdup(path);
    size_t n = strlen(path) + sizeof "/summary.json";
    char *file = cp_malloc(n);
    snprintf(file, n, "%s/summary.json", path);
    return file;
}

/* Looks every key up; fills values (n_keys of them) or adds a problem per key not found. */
static void find_keys(const cp_json_value *root, const char *file, const char *const *keys,
                      int n_keys, const cp_json_value **values, cp_errors *errors)
{
    for (int k = 0; k < n_keys; k++) {
        values[k] = cp_json_find(root, keys[k], file, errors);
        if (values[k] && !cp_json_is_scalar(values[k]))
            cp_errors_add(errors, "%s: key '%s': %s, not a single value (name %s)", file, keys[k],
                          values[k]->type == CP_JSON_OBJECT ? "an object" : "an array",
                          values[k]->type == CP_JSON_OBJECT ? "one of its members"
                                                            : "an element, by index or [NAME]");
    }
}

int cp_cmd_summary(const cp_options *options)
{
    cp_errors errors = {0};
    char *file = summary_file(options->positional[0]);
    cp_json_value *root = NULL;
    const char *const *keys = options->positional + 1;
    int n_keys = options->n_positional - 1;
    const cp_json_value **values = cp_calloc((size_t)n_keys + 1, sizeof *values);
    if (cp_json_read_file(file, &root, &errors) == CP_OK)
        find_keys(root, file, keys, n_keys, values, &errors);
    int status = cp_errors_any(&errors) ? CP_ERR_INPUT : CP_OK;
    if (status != CP_OK) {
        cp_app_print_errors(&errors);
    } else if (n_keys == 0) {
        if (options->header)
            printf("key\tvalue\n");
        print_all(root, "");
    } else {
        for (int k = 0; options->header && k < n_keys; k++)
            printf("%s%c", keys[k], k + 1 < n_keys ? '\t' : '\n');
        for (int k = 0; k < n_keys; k++) {
            print_scalar(values[k]);
            putchar(k + 1 < n_keys ? '\t' : '\n');
        }
    }
    cp_errors_clear(&errors);
    free(values);
    cp_json_destroy(root);
    free(file);
    return status;
}
