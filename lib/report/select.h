/*
 * -S/--select: LVM2's selection language for reports.
 *
 *   expr      := and_expr (("||" | "#") and_expr)*
 *   and_expr  := unary (("&&" | ",") unary)*
 *   unary     := "!" "(" expr ")" | "(" expr ")" | statement
 *   statement := field cmp_op value
 *   cmp_op    := "=~" "!~" "=" "!=" ">=" ">" "<=" "<"
 *                "since" "after" "until" "before"   (time fields)
 *   value     := 'text' | "text" | bare-word | list
 *   list      := "[" items "]" (the exact set) | "{" items "}" (a subset);
 *                items are separated by "," / "&&" (all) or "||" / "#" (any).
 *
 * Sizes take a unit (lower case binary, upper case SI, 'm' by default),
 * numbers accept -1 / "undefined" for "no value", binary fields accept
 * 0/1, yes/no and their own word (pv_allocatable=allocatable).
 */
#ifndef OPENLVM_REPORT_SELECT_H
#define OPENLVM_REPORT_SELECT_H

#include <stdio.h>

#include "report/report.h"

struct report;
struct row;
struct selection;

/*
 * Compiles text for a report of the given type.  NULL after log_error
 * naming the bad field, operator or value.
 */
struct selection *select_compile(struct report *r, enum report_type type, const char *text);
void select_free(struct selection *s);

/* OBJ_BIT mask (lib/report/report_int.h) of the objects its fields read. */
unsigned select_objs(const struct selection *s);

/* Whether the row (lib/report/report_int.h) matches. */
int select_match(struct report *r, const struct selection *s, const struct row *row);

/* Prints the operand and operator summary of `-S help`. */
void select_help(FILE *out);

#endif
