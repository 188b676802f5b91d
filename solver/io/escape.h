/* Writing values into the output formats: CSV fields quoted per RFC 4180, JSON strings and
 * numbers. Numbers always use '.' as the decimal point, whatever the locale. */
#ifndef CAREPOOL_IO_ESCAPE_H
#define CAREPOOL_IO_ESCAPE_H

#include <stdio.h>

/* For a decimals argument: "%.10g" style, as few digits as the value needs. */
#define CP_DECIMALS_GENERAL (-1)
/* For a decimals argument: the shorter of "%.15g" and "%.17g" that reads back exactly. */
#define CP_DECIMALS_EXACT (-2)

/* Writes text as one CSV field, quoted (with quotes doubled) when it holds a comma, quote, CR
 * or LF, or starts or ends with a space or tab. */
void cp_write_csv_field(FILE *out, const char *text);

/* Writes value with decimals digits after the point (or CP_DECIMALS_GENERAL); an empty field
 * when value is not finite (NaN: not applicable). Never writes "-0". */
void cp_write_csv_number(FILE *out, double value, int decimals);

/* Writes text as a JSON string: quoted, with '"', '\\' and control characters escaped. Bytes
 * from 0x80 up are copied (the text is UTF-8). */
void cp_write_json_string(FILE *out, const char *text);

/* Writes value as a JSON number as cp_write_csv_number does, or null when it is not finite. */
void cp_write_json_number(FILE *out, double value, int decimals);

#endif
