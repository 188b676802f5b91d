/* Output escaping for CSV and JSON, and locale-independent number formatting. */
#include "io/escape.h"

#include <locale.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Formats value into buffer (of 512 bytes: enough for any double with few decimals) with '.'
 * as the decimal point and without a sign on zero. */
static void format_number(char *buffer, size_t size, double value, int decimals)
{
    if (decimals == CP_DECIMALS_EXACT) {
        snprintf(buffer, size, "%.15g", value);
        if (strtod(buffer, NULL) != value)
            snprintf(buffer, size, "%.17g", value);
    } else if (decimals < 0) {
        snprintf(buffer, size, "%.10g", value);
    } else {
        snprintf(buffer, size, "%.*f", decimals, value);
    }

    const char *point = localeconv()->decimal_point;
    size_t point_length = strlen(point);
    char *found = point_length > 0 && strcmp(point, ".") != 0 ? strstr(buffer, point) : NULL;
    if (found) {
        *found = '.';
        memmove(found + 1, found + point_length, strlen(found + point_length) + 1);
    }
    if (buffer[0] == '-' && strspn(buffer + 1, "0.") == strlen(buffer + 1))
        memmove(buffer, buffer + 1, strlen(buffer));
}

void cp_write_csv_field(FILE *out, const char *text)
{
    size_t n = strlen(text);
    int quote = strpbrk(text, ",\"\r\n") != NULL ||
                (n > 0 && (strchr(" \t", text[0]) || strchr(" \t", text[n - 1])));
    if (!quote) {
        fputs(text, out);
        return;
    }
    fputc('"', out);
    for (const char *p = text; *p; p++) {
        if (*p == '"')
            fputc('"', out);
        fputc(*p, out);
    }
    fputc('"', out);
}

void cp_write_csv_number(FILE *out, double value, int decimals)
{
    char buffer[512];
    if (!isfinite(value))
        return;
    format_number(buffer, sizeof buffer, value, decimals);
    fputs(buffer, out);
}

void cp_write_json_string(FILE *out, const char *text)
{
    fputc('"', out);
    for (const unsigned char *p = (const unsigned char *)text; *p; p++) {
        switch (*p) {
        case '"':
            fputs("\\\"", out);
            break;
        case '\\':
            fputs("\\\\", out);
            break;
        case '\n':
            fputs("\\n", out);
            break;
        case '\r':
            fputs("\\r", out);
            break;
        case '\t':
            fputs("\\t", out);
            break;
        default:
            if (*p < 0x20)
                fprintf(out, "\\u%04x", *p);
            else
                fputc(*p, out);
        }
    }
    fputc('"', out);
}

void cp_write_json_number(FILE *out, double value, int decimals)
{
    if (isfinite(value))
        cp_write_csv_number(out, value, decimals);
    else
        fputs("null", out);
}
