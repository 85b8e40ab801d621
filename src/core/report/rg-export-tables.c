/* rg-export-tables.c — a session's tables, for the CSV and ODS exports
 *
 * Four tables, to open in a spreadsheet: one row per statement, one row
 * per link, one row per success criterion, one row per action. Each is
 * built once here, as rows of typed cells, and written by
 * rg-export-csv.c as text and by rg-export-ods.c as a sheet.
 *
 * Columns are named in the user's language; kinds, types and statuses
 * are their translated labels, as the application shows them. Partners
 * and dimensions are given by name. Statements and links are given by
 * their ids, in a first column of their own tables and in the columns
 * of the other tables that refer to them, so that the tables join: a
 * link's statements are found by their ids in the statements table,
 * and a statement's links in the links table.
 *
 * A field that holds one text of the session holds it as it is, direction
 * controls and all: it is data, and a spreadsheet sets each cell apart.
 * Only where several names share a field does each go through
 * rg_bidi_isolate (), so that none turns the next ones around.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rg-export-tables"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "rg-bidi.h"
#include "rg-export-tables-private.h"

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
clear_cell (RgCell *cell)
{
  g_clear_pointer (&cell->text, g_free);
}

static RgTable *
table_new (const char         *name,
           const char         *title,
           const char * const *columns,
           guint               n_columns)
{
  RgTable *table = g_new0 (RgTable, 1);

  table->name = name;
  table->title = title;
  table->n_columns = n_columns;
  table->cells = g_array_new (FALSE, TRUE, sizeof (RgCell));
  g_array_set_clear_func (table->cells, (GDestroyNotify) clear_cell);
  for (guint i = 0; i < n_columns; i++)
    {
      RgCell cell = { _RG_CELL_TEXT, g_strdup (_(columns[i])), 0 };

      g_array_append_val (table->cells, cell);
    }

  return table;
}

static void
add_text (RgTable    *table,
          const char *text)
{
  RgCell cell = { _RG_CELL_TEXT, g_strdup (text), 0 };

  g_array_append_val (table->cells, cell);
}

static void
add_number (RgTable *table,
            guint    number)
{
  RgCell cell = { _RG_CELL_NUMBER, g_strdup_printf ("%u", number), number };

  g_array_append_val (table->cells, cell);
}

/* A date, typed as such when it is a whole one; a date cut to its
 * month (2026-11), as a de-identified session has them, stays text */
static void
add_date (RgTable    *table,
          const char *date)
{
  RgCell cell = { _RG_CELL_TEXT, g_strdup (date), 0 };

  if (date != NULL && strlen (date) == 10 && rg_date_is_valid (date))
    cell.type = _RG_CELL_DATE;
  if (date != NULL && *date == '\0')
    g_clear_pointer (&cell.text, g_free);
  g_array_append_val (table->cells, cell);
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

/* Columns: id, dimension, partner, profession, kind, text, and the ids
 * of the statement's links, separated by spaces */
static RgTable *
statements_table (RgSession *session)
{
  static const char * const columns[] = {
    /* Translators: a column of the statements table, their identifiers */
    N_("Id"), N_("Dimension"), N_("Partner"), N_("Profession"), N_("Kind"), N_("Statement"),
    N_("Links"),
  };
  RgTable *table = table_new ("statements", _("Statements"), columns, G_N_ELEMENTS (columns));
  GListModel *statements = rg_session_get_statements (session);
  GListModel *links = rg_session_get_links (session);

  for (guint i = 0; i < g_list_model_get_n_items (statements); i++)
    {
      g_autoptr(RgStatement) statement = g_list_model_get_item (statements, i);
      RgDimension *dimension = rg_session_find_dimension (session, rg_statement_get_dimension_id (statement));
      RgPartner *partner = rg_session_find_partner (session, rg_statement_get_partner_id (statement));
      g_autofree char *link_ids = link_ids_of (links, rg_statement_get_id (statement));

      add_text (table, rg_statement_get_id (statement));
      add_text (table, dimension != NULL ? rg_dimension_get_name (dimension) : NULL);
      add_text (table, partner != NULL ? rg_partner_get_name (partner) : NULL);
      add_text (table, partner != NULL ? rg_partner_get_profession (partner) : NULL);
      add_text (table, rg_statement_kind_get_label (rg_statement_get_kind (statement)));
      add_text (table, rg_statement_get_text (statement));
      add_text (table, link_ids);
    }

  return table;
}

/* Columns: id, type, status, note, the ids of its statements separated
 * by spaces, the names of the dimensions they belong to, each once,
 * separated by “ ; ”, and the number of its statements */
static RgTable *
links_table (RgSession *session)
{
  static const char * const columns[] = {
    N_("Link"), N_("Type"), N_("Status"), N_("Note"), N_("Statements"), N_("Dimensions"),
    /* Translators: a column of the links table, how many statements each joins */
    N_("Number of statements"),
  };
  RgTable *table = table_new ("links", _("Links"), columns, G_N_ELEMENTS (columns));
  GListModel *links = rg_session_get_links (session);

  for (guint i = 0; i < g_list_model_get_n_items (links); i++)
    {
      g_autoptr(RgLink) link = g_list_model_get_item (links, i);
      const char * const *members = rg_link_get_members (link);
      g_autoptr(GPtrArray) dimensions = g_ptr_array_new ();
      g_autofree char *statement_ids = NULL;
      g_autofree char *dimension_names = NULL;

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

      add_text (table, rg_link_get_id (link));
      add_text (table, rg_link_type_get_label (rg_link_get_link_type (link)));
      add_text (table, rg_link_status_get_label (rg_link_get_status (link)));
      add_text (table, rg_link_get_note (link));
      add_text (table, statement_ids);
      add_text (table, dimension_names);
      add_number (table, members != NULL ? g_strv_length ((char **) members) : 0);
    }

  return table;
}

static const char *
yes_or_no (gboolean value)
{
  /* Translators: in a table, whether a criterion is agreed, or met */
  return value ? C_("criterion", "yes") : C_("criterion", "no");
}

/* Columns: category, criterion, indicators one a line, the names of the
 * partners who proposed it separated by “ ; ”, whether the team agreed
 * on it and whether it judged it met (“yes” or “no”, translated) */
static RgTable *
criteria_table (RgSession *session)
{
  static const char * const columns[] = {
    N_("Category"), N_("Criterion"), N_("Indicators"), N_("Proposed by"), N_("Agreed"), N_("Met"),
  };
  RgTable *table = table_new ("criteria", _("Success criteria"), columns, G_N_ELEMENTS (columns));
  GListModel *categories = rg_session_get_categories (session);

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

          for (guint k = 0; proposed_by != NULL && proposed_by[k] != NULL; k++)
            {
              RgPartner *partner = rg_session_find_partner (session, proposed_by[k]);

              if (partner != NULL)
                g_ptr_array_add (names, (gpointer) rg_partner_get_name (partner));
            }
          indicator_lines = indicators != NULL ? g_strjoinv ("\n", (char **) indicators) : NULL;
          partner_names = join_isolated (names, " ; ");

          add_text (table, rg_category_get_name (category));
          add_text (table, rg_criterion_get_text (criterion));
          add_text (table, indicator_lines);
          add_text (table, partner_names);
          add_text (table, yes_or_no (rg_criterion_get_agreed (criterion)));
          add_text (table, yes_or_no (rg_criterion_get_met (criterion)));
        }
    }

  return table;
}

/* Columns: the action, its owner (a partner's name, or the name of
 * someone from outside the team), its due date and its status */
static RgTable *
actions_table (RgSession *session)
{
  static const char * const columns[] = {
    N_("Action"), N_("Owner"), N_("Due"), N_("Status"),
  };
  RgTable *table = table_new ("actions", _("Actions"), columns, G_N_ELEMENTS (columns));
  GListModel *actions = rg_session_get_actions (session);

  for (guint i = 0; i < g_list_model_get_n_items (actions); i++)
    {
      g_autoptr(RgAction) action = g_list_model_get_item (actions, i);
      const char *owner_id = rg_action_get_owner_id (action);
      RgPartner *partner = owner_id != NULL ? rg_session_find_partner (session, owner_id) : NULL;
      const char *owner = partner != NULL ? rg_partner_get_name (partner) : NULL;

      if (owner == NULL)
        owner = rg_action_get_owner_name (action);

      add_text (table, rg_action_get_what (action));
      add_text (table, owner);
      add_date (table, rg_action_get_due (action));
      add_text (table, rg_action_status_get_label (rg_action_get_status (action)));
    }

  return table;
}

/**
 * _rg_export_table_new:
 * @session: a #RgSession
 * @kind: which table
 *
 * Returns: (transfer full): the table, its header row first
 */
RgTable *
_rg_export_table_new (RgSession   *session,
                      RgTableKind  kind)
{
  switch (kind)
    {
    case _RG_TABLE_STATEMENTS:
      return statements_table (session);
    case _RG_TABLE_LINKS:
      return links_table (session);
    case _RG_TABLE_CRITERIA:
      return criteria_table (session);
    case _RG_TABLE_ACTIONS:
      return actions_table (session);
    case _RG_N_TABLES:
    default:
      g_return_val_if_reached (NULL);
    }
}

/* The number of rows, the header row included */
guint
_rg_export_table_get_n_rows (RgTable *table)
{
  return table->cells->len / table->n_columns;
}

RgCell *
_rg_export_table_get_cell (RgTable *table,
                           guint    row,
                           guint    column)
{
  return &g_array_index (table->cells, RgCell, row * table->n_columns + column);
}

void
_rg_export_table_free (RgTable *table)
{
  if (table == NULL)
    return;

  g_array_unref (table->cells);
  g_free (table);
}
