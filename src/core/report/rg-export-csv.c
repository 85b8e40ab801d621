/* rg-export-csv.c — a session's statements, links, criteria and actions as CSV tables
 *
 * The tables of rg-export-tables.c as text, one file each. The files
 * follow RFC 4180: a header row, fields separated by commas, lines
 * ended by CRLF, and a field put between double quotes when it holds
 * the separator, a double quote, a CR or a LF, its quotes doubled. A
 * newline inside a statement stays a newline inside its quoted field.
 *
 * The separator may also be a semicolon: a spreadsheet set to a
 * language whose decimal mark is a comma (French, German…) splits the
 * rows of a file it opens at semicolons, not commas.
 * RG_CSV_SEPARATOR_AUTO chooses as the user's spreadsheet would, from
 * the decimal mark of the locale at the time of the export.
 *
 * The text is UTF-8, preceded by a byte order mark (EF BB BF): without
 * it Excel guesses a legacy encoding when a file is opened by a double
 * click, and accents come out garbled. RFC 4180 readers that do not
 * expect it see it as part of the first header name, which is harmless.
 *
 * A spreadsheet takes a cell that begins with “=”, “+”, “-” or “@” for
 * a formula, and runs it: a statement that reads “=HYPERLINK(…)” would
 * become a link, “+33 6…” a sum, “-10 %” a number. So a text field that
 * begins with one of them, or with a tab or a carriage return, is
 * written after an apostrophe (“'=HYPERLINK(…)”), which spreadsheets
 * show as plain text; a reader that is not a spreadsheet sees the
 * apostrophe. Counts and dates are written as they are.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rg-export-csv"

#include "config.h"

#include <langinfo.h>
#include <string.h>

#include "rg-export-csv.h"
#include "rg-export-tables-private.h"

#define CSV_BOM "\xEF\xBB\xBF"

/**
 * rg_csv_separator_get_char:
 * @separator: a #RgCsvSeparator
 *
 * Returns: the character that separates the fields, the decimal mark
 *   of the current locale deciding for %RG_CSV_SEPARATOR_AUTO
 */
char
rg_csv_separator_get_char (RgCsvSeparator separator)
{
  const char *radix;

  switch (separator)
    {
    case RG_CSV_SEPARATOR_COMMA:
      return ',';
    case RG_CSV_SEPARATOR_SEMICOLON:
      return ';';
    case RG_CSV_SEPARATOR_AUTO:
    default:
      radix = nl_langinfo (RADIXCHAR);
      return radix != NULL && g_str_equal (radix, ",") ? ';' : ',';
    }
}

/* Whether a spreadsheet would take a cell beginning with @value for a
 * formula */
static gboolean
looks_like_formula (const char *value)
{
  return value[0] != '\0' && strchr ("=+-@\t\r", value[0]) != NULL;
}

static void
append_field (GString      *csv,
              const RgCell *cell,
              char          separator,
              gboolean      first)
{
  const char *value = cell->text;
  char specials[] = { separator, '"', '\r', '\n', '\0' };
  gboolean inert;

  if (!first)
    g_string_append_c (csv, separator);

  if (value == NULL)
    return;

  inert = cell->type == _RG_CELL_TEXT && looks_like_formula (value);
  if (strpbrk (value, specials) == NULL)
    {
      if (inert)
        g_string_append_c (csv, '\'');
      g_string_append (csv, value);
      return;
    }

  g_string_append_c (csv, '"');
  if (inert)
    g_string_append_c (csv, '\'');
  for (const char *p = value; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (csv, '"');
      g_string_append_c (csv, *p);
    }
  g_string_append_c (csv, '"');
}

static GBytes *
table_to_csv (RgTable *table,
              char     separator)
{
  GString *csv = g_string_new (CSV_BOM);
  guint n_rows = _rg_export_table_get_n_rows (table);

  for (guint row = 0; row < n_rows; row++)
    {
      for (guint column = 0; column < table->n_columns; column++)
        append_field (csv, _rg_export_table_get_cell (table, row, column), separator, column == 0);
      g_string_append (csv, "\r\n");
    }

  return g_string_free_to_bytes (csv);
}

static GBytes *
export_table (RgSession      *session,
              RgTableKind     kind,
              RgCsvSeparator  separator)
{
  g_autoptr(RgTable) table = _rg_export_table_new (session, kind);

  return table_to_csv (table, rg_csv_separator_get_char (separator));
}

/**
 * rg_export_csv_table:
 * @session: a #RgSession
 * @name: which table: "statements", "links", "criteria" or "actions"
 * @separator: what separates the fields
 *
 * Writes a table of @session as CSV (see the top of rg-export-csv.c and
 * of rg-export-tables.c).
 *
 * Returns: (transfer full) (nullable): the UTF-8 text of the table, or
 *   %NULL if @name is none of the tables
 */
GBytes *
rg_export_csv_table (RgSession      *session,
                     const char     *name,
                     RgCsvSeparator  separator)
{
  static const char *names[_RG_N_TABLES] = { "statements", "links", "criteria", "actions" };

  g_return_val_if_fail (RG_IS_SESSION (session), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  for (guint i = 0; i < _RG_N_TABLES; i++)
    if (g_str_equal (name, names[i]))
      return export_table (session, i, separator);

  return NULL;
}

/**
 * rg_export_csv_statements:
 * @session: a #RgSession
 *
 * Writes the statements of @session as a CSV table separated by commas,
 * one row per statement in the session's order, with the columns: id,
 * dimension, partner, profession, kind, text and the ids of the
 * statement's links, separated by spaces.
 *
 * Returns: (transfer full): the UTF-8 text of the table
 */
GBytes *
rg_export_csv_statements (RgSession *session)
{
  g_return_val_if_fail (RG_IS_SESSION (session), NULL);

  return export_table (session, _RG_TABLE_STATEMENTS, RG_CSV_SEPARATOR_COMMA);
}

/**
 * rg_export_csv_links:
 * @session: a #RgSession
 *
 * Writes the links of @session as a CSV table separated by commas, one
 * row per link in the session's order, with the columns: id, type,
 * status, note, the ids of its statements separated by spaces, the
 * names of the dimensions they belong to, each once, separated by
 * “ ; ”, and the number of its statements.
 *
 * Returns: (transfer full): the UTF-8 text of the table
 */
GBytes *
rg_export_csv_links (RgSession *session)
{
  g_return_val_if_fail (RG_IS_SESSION (session), NULL);

  return export_table (session, _RG_TABLE_LINKS, RG_CSV_SEPARATOR_COMMA);
}

/**
 * rg_export_csv_criteria:
 * @session: a #RgSession
 *
 * Writes the success criteria of @session as a CSV table separated by
 * commas, one row per criterion in the session's order, with the
 * columns: category, criterion, indicators one a line, the names of the
 * partners who proposed it separated by “ ; ”, whether the team agreed
 * on it and whether it judged it met (“yes” or “no”, translated).
 *
 * Returns: (transfer full): the UTF-8 text of the table
 */
GBytes *
rg_export_csv_criteria (RgSession *session)
{
  g_return_val_if_fail (RG_IS_SESSION (session), NULL);

  return export_table (session, _RG_TABLE_CRITERIA, RG_CSV_SEPARATOR_COMMA);
}

/**
 * rg_export_csv_actions:
 * @session: a #RgSession
 *
 * Writes the actions of @session as a CSV table separated by commas,
 * one row per action in the session's order, with the columns: action,
 * owner, due date (YYYY-MM-DD) and status.
 *
 * Returns: (transfer full): the UTF-8 text of the table
 */
GBytes *
rg_export_csv_actions (RgSession *session)
{
  g_return_val_if_fail (RG_IS_SESSION (session), NULL);

  return export_table (session, _RG_TABLE_ACTIONS, RG_CSV_SEPARATOR_COMMA);
}
