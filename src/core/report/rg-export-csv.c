/* rg-export-csv.c — a session's statements, links and criteria as CSV tables
 *
 * Three tables, to open in a spreadsheet: one row per statement, one
 * row per link, one row per success criterion. The files follow RFC
 * 4180: a header row, fields separated by commas, lines ended by CRLF,
 * and a field put between double quotes when it holds a comma, a double
 * quote, a CR or a LF, its quotes doubled. A newline inside a statement stays a newline inside its
 * quoted field.
 *
 * The text is UTF-8, preceded by a byte order mark (EF BB BF): without
 * it LibreOffice Calc and Excel guess a legacy encoding when a file is
 * opened by a double click, and accents come out garbled. RFC 4180
 * readers that do not expect it see it as part of the first header
 * name, which is harmless.
 *
 * Columns are named in the user's language; kinds, types and statuses
 * are their translated labels, as the application shows them. Partners
 * and dimensions are given by name, statements and links by their ids,
 * which tie the two tables together.
 *
 * A field that holds one text of the session holds it as it is, direction
 * controls and all: it is data, and a spreadsheet sets each cell apart.
 * Only where several names share a field does each go through
 * rg_bidi_isolate (), so that none turns the next ones around.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rg-export-csv"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "rg-bidi.h"
#include "rg-export-csv.h"

#define CSV_BOM "\xEF\xBB\xBF"

/* @names joined by @separator, each kept to its own direction */
static char *
join_isolated (GPtrArray  *names,
               const char *separator)
{
  GString *joined = g_string_new (NULL);

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *name = rg_bidi_isolate (g_ptr_array_index (names, i));

      if (i > 0)
        g_string_append (joined, separator);
      g_string_append (joined, name);
    }

  return g_string_free (joined, FALSE);
}

static void
append_field (GString    *csv,
              const char *value,
              gboolean    first)
{
  if (!first)
    g_string_append_c (csv, ',');

  if (value == NULL)
    return;

  if (strpbrk (value, ",\"\r\n") == NULL)
    {
      g_string_append (csv, value);
      return;
    }

  g_string_append_c (csv, '"');
  for (const char *p = value; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (csv, '"');
      g_string_append_c (csv, *p);
    }
  g_string_append_c (csv, '"');
}

static void
append_row (GString            *csv,
            const char * const *values,
            guint               n_values)
{
  for (guint i = 0; i < n_values; i++)
    append_field (csv, values[i], i == 0);
  g_string_append (csv, "\r\n");
}

/* A new table, its first row naming its columns, given untranslated. */
static GString *
csv_new (const char * const *columns,
         guint               n_columns)
{
  GString *csv = g_string_new (CSV_BOM);
  const char **header = g_newa (const char *, n_columns);

  for (guint i = 0; i < n_columns; i++)
    header[i] = _(columns[i]);
  append_row (csv, header, n_columns);

  return csv;
}

static GBytes *
csv_free_to_bytes (GString *csv)
{
  return g_string_free_to_bytes (csv);
}

/* The ids of the links @statement_id belongs to, separated by spaces */
static char *
link_ids_of (GListModel *links,
             const char *statement_id)
{
  g_autoptr(GString) ids = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (links); i++)
    {
      g_autoptr(RgLink) link = g_list_model_get_item (links, i);

      if (!rg_link_has_member (link, statement_id))
        continue;
      if (ids->len > 0)
        g_string_append_c (ids, ' ');
      g_string_append (ids, rg_link_get_id (link));
    }

  return g_string_free (g_steal_pointer (&ids), FALSE);
}

/**
 * rg_export_csv_statements:
 * @session: a #RgSession
 *
 * Writes the statements of @session as a CSV table (see the top of
 * rg-export-csv.c for the format), one row per statement in the
 * session's order, with the columns: dimension, partner, profession,
 * kind, text and the ids of the statement's links, separated by spaces.
 *
 * Returns: (transfer full): the UTF-8 text of the table
 */
GBytes *
rg_export_csv_statements (RgSession *session)
{
  static const char * const columns[] = {
    N_("Dimension"), N_("Partner"), N_("Profession"), N_("Kind"), N_("Statement"), N_("Links"),
  };
  GString *csv;
  GListModel *statements;
  GListModel *links;

  g_return_val_if_fail (RG_IS_SESSION (session), NULL);

  csv = csv_new (columns, G_N_ELEMENTS (columns));

  statements = rg_session_get_statements (session);
  links = rg_session_get_links (session);
  for (guint i = 0; i < g_list_model_get_n_items (statements); i++)
    {
      g_autoptr(RgStatement) statement = g_list_model_get_item (statements, i);
      RgDimension *dimension = rg_session_find_dimension (session, rg_statement_get_dimension_id (statement));
      RgPartner *partner = rg_session_find_partner (session, rg_statement_get_partner_id (statement));
      g_autofree char *link_ids = link_ids_of (links, rg_statement_get_id (statement));
      const char *row[G_N_ELEMENTS (columns)];

      row[0] = dimension != NULL ? rg_dimension_get_name (dimension) : NULL;
      row[1] = partner != NULL ? rg_partner_get_name (partner) : NULL;
      row[2] = partner != NULL ? rg_partner_get_profession (partner) : NULL;
      row[3] = rg_statement_kind_get_label (rg_statement_get_kind (statement));
      row[4] = rg_statement_get_text (statement);
      row[5] = link_ids;
      append_row (csv, row, G_N_ELEMENTS (row));
    }

  return csv_free_to_bytes (csv);
}

/**
 * rg_export_csv_links:
 * @session: a #RgSession
 *
 * Writes the links of @session as a CSV table (see the top of
 * rg-export-csv.c for the format), one row per link in the session's
 * order, with the columns: id, type, status, note, the ids of its
 * statements separated by spaces, and the names of the dimensions they
 * belong to, each once, separated by “ ; ”.
 *
 * Returns: (transfer full): the UTF-8 text of the table
 */
GBytes *
rg_export_csv_links (RgSession *session)
{
  static const char * const columns[] = {
    N_("Link"), N_("Type"), N_("Status"), N_("Note"), N_("Statements"), N_("Dimensions"),
  };
  GString *csv;
  GListModel *links;

  g_return_val_if_fail (RG_IS_SESSION (session), NULL);

  csv = csv_new (columns, G_N_ELEMENTS (columns));

  links = rg_session_get_links (session);
  for (guint i = 0; i < g_list_model_get_n_items (links); i++)
    {
      g_autoptr(RgLink) link = g_list_model_get_item (links, i);
      const char * const *members = rg_link_get_members (link);
      g_autoptr(GPtrArray) dimensions = g_ptr_array_new ();
      g_autofree char *statement_ids = NULL;
      g_autofree char *dimension_names = NULL;
      const char *row[G_N_ELEMENTS (columns)];

      for (guint j = 0; members != NULL && members[j] != NULL; j++)
        {
          RgStatement *statement = rg_session_find_statement (session, members[j]);
          RgDimension *dimension;
          const char *name;

          if (statement == NULL)
            continue;
          dimension = rg_session_find_dimension (session, rg_statement_get_dimension_id (statement));
          if (dimension == NULL)
            continue;
          name = rg_dimension_get_name (dimension);
          if (name != NULL &&
              !g_ptr_array_find_with_equal_func (dimensions, name, g_str_equal, NULL))
            g_ptr_array_add (dimensions, (gpointer) name);
        }
      statement_ids = members != NULL ? g_strjoinv (" ", (char **) members) : NULL;
      dimension_names = join_isolated (dimensions, " ; ");

      row[0] = rg_link_get_id (link);
      row[1] = rg_link_type_get_label (rg_link_get_link_type (link));
      row[2] = rg_link_status_get_label (rg_link_get_status (link));
      row[3] = rg_link_get_note (link);
      row[4] = statement_ids;
      row[5] = dimension_names;
      append_row (csv, row, G_N_ELEMENTS (row));
    }

  return csv_free_to_bytes (csv);
}

static const char *
yes_or_no (gboolean value)
{
  /* Translators: in a table, whether a criterion is agreed, or met */
  return value ? C_("criterion", "yes") : C_("criterion", "no");
}

/**
 * rg_export_csv_criteria:
 * @session: a #RgSession
 *
 * Writes the success criteria of @session as a CSV table (see the top
 * of rg-export-csv.c for the format), one row per criterion in the
 * session's order, with the columns: category, criterion, indicators
 * one a line, the names of the partners who proposed it separated by
 * “ ; ”, whether the team agreed on it and whether it judged it met
 * (“yes” or “no”, translated).
 *
 * Returns: (transfer full): the UTF-8 text of the table
 */
GBytes *
rg_export_csv_criteria (RgSession *session)
{
  static const char * const columns[] = {
    N_("Category"), N_("Criterion"), N_("Indicators"), N_("Proposed by"), N_("Agreed"), N_("Met"),
  };
  GString *csv;
  GListModel *categories;

  g_return_val_if_fail (RG_IS_SESSION (session), NULL);

  csv = csv_new (columns, G_N_ELEMENTS (columns));

  categories = rg_session_get_categories (session);
  for (guint i = 0; i < g_list_model_get_n_items (categories); i++)
    {
      g_autoptr(RgCategory) category = g_list_model_get_item (categories, i);
      GListModel *criteria = rg_category_get_criteria (category);

      for (guint j = 0; j < g_list_model_get_n_items (criteria); j++)
        {
          g_autoptr(RgCriterion) criterion = g_list_model_get_item (criteria, j);
          const char * const *indicators = rg_criterion_get_indicators (criterion);
          const char * const *proposed_by = rg_criterion_get_proposed_by (criterion);
          g_autoptr(GPtrArray) names = g_ptr_array_new ();
          g_autofree char *indicator_lines = NULL;
          g_autofree char *partner_names = NULL;
          const char *row[G_N_ELEMENTS (columns)];

          for (guint k = 0; proposed_by != NULL && proposed_by[k] != NULL; k++)
            {
              RgPartner *partner = rg_session_find_partner (session, proposed_by[k]);

              if (partner != NULL)
                g_ptr_array_add (names, (gpointer) rg_partner_get_name (partner));
            }
          indicator_lines = indicators != NULL ? g_strjoinv ("\n", (char **) indicators) : NULL;
          partner_names = join_isolated (names, " ; ");

          row[0] = rg_category_get_name (category);
          row[1] = rg_criterion_get_text (criterion);
          row[2] = indicator_lines;
          row[3] = partner_names;
          row[4] = yes_or_no (rg_criterion_get_agreed (criterion));
          row[5] = yes_or_no (rg_criterion_get_met (criterion));
          append_row (csv, row, G_N_ELEMENTS (row));
        }
    }

  return csv_free_to_bytes (csv);
}
