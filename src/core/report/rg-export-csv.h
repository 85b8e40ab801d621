/* rg-export-csv.h — a session's statements, links, criteria and actions as CSV tables
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rg-session.h"

G_BEGIN_DECLS

/**
 * RgCsvSeparator:
 * @RG_CSV_SEPARATOR_AUTO: the one the user's spreadsheet expects: a
 *   semicolon where the decimal mark is a comma, a comma elsewhere
 * @RG_CSV_SEPARATOR_COMMA: a comma, as RFC 4180 says
 * @RG_CSV_SEPARATOR_SEMICOLON: a semicolon
 */
typedef enum
{
  RG_CSV_SEPARATOR_AUTO,
  RG_CSV_SEPARATOR_COMMA,
  RG_CSV_SEPARATOR_SEMICOLON,
} RgCsvSeparator;

char    rg_csv_separator_get_char (RgCsvSeparator separator);

GBytes *rg_export_csv_statements (RgSession *session);
GBytes *rg_export_csv_links      (RgSession *session);
GBytes *rg_export_csv_criteria   (RgSession *session);
GBytes *rg_export_csv_actions    (RgSession *session);

GBytes *rg_export_csv_table      (RgSession      *session,
                                  const char     *name,
                                  RgCsvSeparator  separator);

G_END_DECLS
