/* rg-cli-stats.c — regards-cli stats: the figures of agreements and
 * divergences
 *
 * What RgStatistics counts (see src/core/report/rg-statistics.h for the rules),
 * as text for a person or as JSON for a program.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "regards-cli"

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <glib/gi18n.h>

#include "rg-cli-commands.h"
#include "rg-cli-display.h"
#include "rg-cli-json.h"
#include "rg-cli-session.h"

#define N_LINK_TYPES (RG_LINK_TYPE_CLARIFY + 1)

/* Each line is one translated format, so that a translator can place
 * the value (and the colon) as the language wants; @depth levels of
 * indentation put it under its heading. */
static void print_line_at (guint       depth,
                           const char *format,
                           ...) G_GNUC_PRINTF (2, 3);

static void
print_line_at (guint       depth,
               const char *format,
               ...)
{
  g_autofree char *line = NULL;
  va_list args;

  va_start (args, format);
  line = g_strdup_vprintf (format, args);
  va_end (args);

  g_print ("%*s%s\n", (int) depth * 2, "", line);
}

#define print_line(...) print_line_at (0, __VA_ARGS__)
#define print_item(...) print_line_at (1, __VA_ARGS__)

/* A name on one line, whatever it holds */
static char *
one_line (const char *text)
{
  char *copy = g_strdup (text != NULL ? text : "");

  for (char *p = copy; *p != '\0'; p++)
    if ((guchar) *p < 0x20)
      *p = ' ';

  return copy;
}

static guint
percent (guint n,
         guint total)
{
  if (total == 0)
    return 0;

  return (guint) (((guint64) n * 200 + total) / ((guint64) total * 2));
}

/* {{{ Text */

/* How many columns of a terminal @text takes */
static guint
display_width (const char *text)
{
  g_autofree char *composed = g_utf8_normalize (text, -1, G_NORMALIZE_DEFAULT_COMPOSE);
  guint width = 0;

  if (composed == NULL)
    return strlen (text);

  for (const char *p = composed; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iszerowidth (c))
        continue;
      width += g_unichar_iswide (c) ? 2 : 1;
    }

  return width;
}

static void
pad (GString *line,
     guint    n)
{
  for (guint i = 0; i < n; i++)
    g_string_append_c (line, ' ');
}

/* Prints @rows (each a GStrv of the same length), the first column to
 * the left, the others to the right, each as wide as its widest cell. */
static void
print_table (GPtrArray *rows)
{
  g_autofree guint *widths = NULL;
  guint n_columns;

  if (rows->len == 0)
    return;

  n_columns = g_strv_length (g_ptr_array_index (rows, 0));
  widths = g_new0 (guint, n_columns);
  for (guint r = 0; r < rows->len; r++)
    {
      char **cells = g_ptr_array_index (rows, r);

      for (guint c = 0; c < n_columns; c++)
        widths[c] = MAX (widths[c], display_width (cells[c]));
    }

  for (guint r = 0; r < rows->len; r++)
    {
      char **cells = g_ptr_array_index (rows, r);
      g_autoptr(GString) line = g_string_new ("  ");

      for (guint c = 0; c < n_columns; c++)
        {
          guint gap = widths[c] - display_width (cells[c]);

          if (c == 0)
            {
              g_string_append (line, cells[c]);
              pad (line, gap);
            }
          else
            {
              pad (line, gap + 2);
              g_string_append (line, cells[c]);
            }
        }

      /* No spaces at the end of a line */
      while (line->len > 0 && line->str[line->len - 1] == ' ')
        g_string_truncate (line, line->len - 1);
      g_print ("%s\n", line->str);
    }
}

static char *
format_count (guint count,
              guint open)
{
  if (open == 0)
    return g_strdup_printf ("%u", count);

  /* TRANSLATORS: in a table of links: how many, and how many of them are
   * still open, e.g. “4 (2 open)” */
  return g_strdup_printf (_("%u (%u open)"), count, open);
}

/* A row of a table: a NULL-terminated array of cells it owns */
static GPtrArray *
row_new (void)
{
  return g_ptr_array_new_null_terminated (N_LINK_TYPES + 1, g_free, TRUE);
}

static char **
row_end (GPtrArray *row)
{
  return (char **) g_ptr_array_free (row, FALSE);
}

static char **
header_row (const char *first)
{
  GPtrArray *row = row_new ();

  g_ptr_array_add (row, g_strdup (first));
  for (RgLinkType type = 0; type < N_LINK_TYPES; type++)
    g_ptr_array_add (row, g_strdup (rg_link_type_get_label (type)));

  return row_end (row);
}

static void
print_totals (RgStatistics *stats)
{
  guint n_links = rg_statistics_get_n_links (stats);
  guint n_statements = rg_statistics_get_n_statements (stats);
  guint n_agreed = rg_statistics_get_n_agreed (stats);
  guint n_diverging = rg_statistics_get_n_in_open_divergence (stats);
  guint n_unechoed = rg_statistics_get_n_unechoed (stats);

  print_line (g_dngettext (GETTEXT_PACKAGE, "%u link:", "%u links:", n_links), n_links);
  for (RgLinkType type = 0; type < N_LINK_TYPES; type++)
    {
      g_autofree char *count = format_count (rg_statistics_get_count (stats, type),
                                             rg_statistics_get_open_count (stats, type));

      g_print ("  %s: %s\n", rg_link_type_get_label (type), count);
    }

  g_print ("\n");
  print_line (g_dngettext (GETTEXT_PACKAGE, "%u statement:", "%u statements:", n_statements),
              n_statements);
  print_item (_("In at least one agreement: %u (%u%%)"),
              n_agreed, percent (n_agreed, n_statements));
  print_item (_("In an open divergence: %u (%u%%)"),
              n_diverging, percent (n_diverging, n_statements));
  print_item (_("Echoed by no other partner: %u (%u%%)"),
              n_unechoed, percent (n_unechoed, n_statements));
}

static void
print_dimensions (RgSession    *session,
                  RgStatistics *stats)
{
  const char * const *ids = rg_statistics_get_dimension_ids (stats);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

  print_line (_("By dimension:"));
  if (ids[0] == NULL)
    {
      print_item ("%s", _("No dimensions."));
      return;
    }

  g_ptr_array_add (rows, header_row (_("Dimension")));
  for (guint i = 0; ids[i] != NULL; i++)
    {
      RgDimension *dimension = rg_session_find_dimension (session, ids[i]);
      GPtrArray *row = row_new ();

      g_ptr_array_add (row, one_line (rg_dimension_get_name (dimension)));
      for (RgLinkType type = 0; type < N_LINK_TYPES; type++)
        g_ptr_array_add (row,
                         format_count (rg_statistics_get_dimension_count (stats, ids[i], type),
                                       rg_statistics_get_dimension_open_count (stats, ids[i],
                                                                               type)));
      g_ptr_array_add (rows, row_end (row));
    }

  print_table (rows);
}

static char *
pair_name (RgSession  *session,
           const char *a,
           const char *b)
{
  g_autofree char *name_a = one_line (rg_partner_get_name (rg_session_find_partner (session, a)));
  g_autofree char *name_b = one_line (rg_partner_get_name (rg_session_find_partner (session, b)));

  /* TRANSLATORS: two partners, in the table of pairs of partners */
  return g_strdup_printf (_("%s — %s"), name_a, name_b);
}

static guint
pair_total (RgStatistics *stats,
            const char   *a,
            const char   *b)
{
  guint total = 0;

  for (RgLinkType type = 0; type < N_LINK_TYPES; type++)
    total += rg_statistics_get_pair_count (stats, a, b, type);

  return total;
}

static void
print_pairs (RgSession    *session,
             RgStatistics *stats)
{
  const char * const *ids = rg_statistics_get_partner_ids (stats);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

  print_line (_("By pair of partners:"));
  g_ptr_array_add (rows, header_row (_("Partners")));
  for (guint i = 0; ids[i] != NULL; i++)
    for (guint j = i + 1; ids[j] != NULL; j++)
      {
        GPtrArray *row;

        if (pair_total (stats, ids[i], ids[j]) == 0)
          continue;

        row = row_new ();
        g_ptr_array_add (row, pair_name (session, ids[i], ids[j]));
        for (RgLinkType type = 0; type < N_LINK_TYPES; type++)
          g_ptr_array_add (row,
                           format_count (rg_statistics_get_pair_count (stats, ids[i], ids[j], type),
                                         rg_statistics_get_pair_open_count (stats, ids[i], ids[j],
                                                                            type)));
        g_ptr_array_add (rows, row_end (row));
      }

  if (rows->len == 1)
    print_item ("%s", _("No link joins two partners yet."));
  else
    print_table (rows);
}

/* }}} */
/* {{{ JSON */

static void
json_counts (JsonBuilder *builder,
             guint        count,
             guint        open)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "count");
  json_builder_add_int_value (builder, count);
  json_builder_set_member_name (builder, "open");
  json_builder_add_int_value (builder, open);
  json_builder_end_object (builder);
}

static void
json_partner (JsonBuilder *builder,
              RgSession   *session,
              const char  *id)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, id);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder,
                                 rg_partner_get_name (rg_session_find_partner (session, id)));
  json_builder_end_object (builder);
}

static void
print_json (RgSession    *session,
            RgStatistics *stats)
{
  const char * const *dimensions = rg_statistics_get_dimension_ids (stats);
  const char * const *partners = rg_statistics_get_partner_ids (stats);
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);

  json_builder_set_member_name (builder, "n_links");
  json_builder_add_int_value (builder, rg_statistics_get_n_links (stats));
  json_builder_set_member_name (builder, "links");
  json_builder_begin_object (builder);
  for (RgLinkType type = 0; type < N_LINK_TYPES; type++)
    {
      json_builder_set_member_name (builder, rg_link_type_to_string (type));
      json_counts (builder, rg_statistics_get_count (stats, type),
                   rg_statistics_get_open_count (stats, type));
    }
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "n_statements");
  json_builder_add_int_value (builder, rg_statistics_get_n_statements (stats));
  json_builder_set_member_name (builder, "n_agreed");
  json_builder_add_int_value (builder, rg_statistics_get_n_agreed (stats));
  json_builder_set_member_name (builder, "share_agreed");
  json_builder_add_double_value (builder, rg_statistics_get_share_agreed (stats));
  json_builder_set_member_name (builder, "n_in_open_divergence");
  json_builder_add_int_value (builder, rg_statistics_get_n_in_open_divergence (stats));
  json_builder_set_member_name (builder, "share_in_open_divergence");
  json_builder_add_double_value (builder, rg_statistics_get_share_in_open_divergence (stats));
  json_builder_set_member_name (builder, "n_unechoed");
  json_builder_add_int_value (builder, rg_statistics_get_n_unechoed (stats));
  json_builder_set_member_name (builder, "share_unechoed");
  json_builder_add_double_value (builder, rg_statistics_get_share_unechoed (stats));

  json_builder_set_member_name (builder, "dimensions");
  json_builder_begin_array (builder);
  for (guint i = 0; dimensions[i] != NULL; i++)
    {
      RgDimension *dimension = rg_session_find_dimension (session, dimensions[i]);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, dimensions[i]);
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, rg_dimension_get_name (dimension));
      for (RgLinkType type = 0; type < N_LINK_TYPES; type++)
        {
          json_builder_set_member_name (builder, rg_link_type_to_string (type));
          json_counts (builder, rg_statistics_get_dimension_count (stats, dimensions[i], type),
                       rg_statistics_get_dimension_open_count (stats, dimensions[i], type));
        }
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  /* Every pair, with links or not: a program draws the whole picture */
  json_builder_set_member_name (builder, "pairs");
  json_builder_begin_array (builder);
  for (guint i = 0; partners[i] != NULL; i++)
    for (guint j = i + 1; partners[j] != NULL; j++)
      {
        json_builder_begin_object (builder);
        json_builder_set_member_name (builder, "partners");
        json_builder_begin_array (builder);
        json_partner (builder, session, partners[i]);
        json_partner (builder, session, partners[j]);
        json_builder_end_array (builder);
        for (RgLinkType type = 0; type < N_LINK_TYPES; type++)
          {
            json_builder_set_member_name (builder, rg_link_type_to_string (type));
            json_counts (builder,
                         rg_statistics_get_pair_count (stats, partners[i], partners[j], type),
                         rg_statistics_get_pair_open_count (stats, partners[i], partners[j], type));
          }
        json_builder_end_object (builder);
      }
  json_builder_end_array (builder);

  json_builder_end_object (builder);

  rg_cli_json_print (builder);
}

/* }}} */

/**
 * rg_cli_stats:
 *
 * `regards-cli stats FILE [--json]`: prints how many agreements,
 * divergences, complements and things to clarify a session holds, in
 * total, per dimension and per pair of partners, and the share of
 * statements agreed on, in an open divergence, or echoed by no other
 * partner. The text lists the pairs joined by a link; the JSON lists
 * every pair of partners, in the session's order.
 *
 * Returns: 0 on success, 1 if the file cannot be loaded, 2 on a usage
 *   error
 */
int
rg_cli_stats (int    argc,
              char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RgSession) session = NULL;
  g_autoptr(RgStatistics) stats = NULL;
  g_auto(GStrv) paths = NULL;
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json,
      N_("Print the figures as JSON"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &paths, NULL, N_("FILE") },
    { NULL }
  };

  context = g_option_context_new (NULL);
  g_option_context_set_summary (context,
                                _("Print the figures of a session’s agreements and divergences: "
                                  "how many links of each type, in each dimension and between "
                                  "each two partners, and the share of statements agreed on, in "
                                  "an open divergence, or echoed by no other partner."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);

  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      rg_cli_print_error (error);
      return 2;
    }

  if (paths == NULL || paths[0] == NULL)
    {
      g_printerr (_("Give the session file to count."));
      g_printerr ("\n");
      return 2;
    }

  if (paths[1] != NULL)
    {
      g_autofree char *argument = rg_cli_display_name (paths[1]);

      g_printerr (_("Unexpected argument “%s”."), argument);
      g_printerr ("\n");
      return 2;
    }

  session = rg_cli_session_load (paths[0], &error);
  if (session == NULL)
    {
      rg_cli_session_print_error (paths[0], error);
      return 1;
    }

  stats = rg_statistics_new (session);

  if (json)
    {
      print_json (session, stats);
      return 0;
    }

  print_totals (stats);
  g_print ("\n");
  print_dimensions (session, stats);
  g_print ("\n");
  print_pairs (session, stats);

  return 0;
}
