/* rg-cli-show.c — regards-cli show: a session in a few lines of text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "regards-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "rg-cli-commands.h"
#include "rg-cli-display.h"
#include "rg-cli-session.h"

/* Each line is one translated format, so that a translator can place
 * the value (and the colon) as the language wants. */
static void print_line (const char *format,
                        ...) G_GNUC_PRINTF (1, 2);

static void
print_line (const char *format,
            ...)
{
  g_autofree char *line = NULL;
  va_list args;

  va_start (args, format);
  line = g_strdup_vprintf (format, args);
  va_end (args);

  g_print ("%s\n", line);
}

static gboolean
has_text (const char *text)
{
  return text != NULL && text[0] != '\0';
}

static const char *
or_empty (const char *text)
{
  return text != NULL ? text : "";
}

static void
print_heading (RgSession *session)
{
  const char *code = rg_session_get_situation_code (session);
  const char *label = or_empty (rg_session_get_situation_label (session));
  g_autofree char *situation = NULL;

  if (has_text (code))
    situation = g_strdup_printf ("%s (%s)", label, code);
  else
    situation = g_strdup (label);

  print_line (_("Title: %s"), or_empty (rg_session_get_title (session)));
  print_line (_("Date: %s"), or_empty (rg_session_get_date (session)));
  print_line (_("Situation: %s"), situation);
  print_line (_("Status: %s"), rg_session_status_get_label (rg_session_get_status (session)));
  if (rg_session_get_kind (session) == RG_SESSION_KIND_CONTRIBUTION)
    print_line (_("Kind: %s"), rg_session_kind_get_label (RG_SESSION_KIND_CONTRIBUTION));
  if (has_text (rg_session_get_place (session)))
    print_line (_("Place: %s"), rg_session_get_place (session));
  if (has_text (rg_session_get_facilitator (session)))
    print_line (_("Facilitator: %s"), rg_session_get_facilitator (session));
  if (has_text (rg_session_get_next_review (session)))
    print_line (_("Next review: %s"), rg_session_get_next_review (session));
}

static void
print_partners (RgSession *session)
{
  GListModel *partners = rg_session_get_partners (session);
  guint n = g_list_model_get_n_items (partners);

  print_line (g_dngettext (GETTEXT_PACKAGE, "%u partner:", "%u partners:", n), n);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RgPartner) partner = g_list_model_get_item (partners, i);
      const char *profession = rg_partner_get_profession (partner);
      const char *institution = rg_partner_get_institution (partner);
      RgPartnerRole role = rg_partner_get_role (partner);
      g_autoptr(GString) line = g_string_new ("  ");

      g_string_append (line, or_empty (rg_partner_get_name (partner)));
      if (role != RG_PARTNER_ROLE_PROFESSIONAL)
        g_string_append_printf (line, " (%s)", rg_partner_role_get_label (role));
      if (has_text (profession) || has_text (institution))
        g_string_append (line, " — ");
      if (has_text (profession))
        g_string_append (line, profession);
      if (has_text (profession) && has_text (institution))
        g_string_append (line, ", ");
      if (has_text (institution))
        g_string_append (line, institution);

      g_print ("%s\n", line->str);
    }
}

static void
print_dimensions (RgSession *session)
{
  GListModel *dimensions = rg_session_get_dimensions (session);
  GListModel *statements = rg_session_get_statements (session);
  guint n = g_list_model_get_n_items (dimensions);
  guint n_statements = g_list_model_get_n_items (statements);

  print_line (g_dngettext (GETTEXT_PACKAGE, "%u dimension:", "%u dimensions:", n), n);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RgDimension) dimension = g_list_model_get_item (dimensions, i);
      const char *id = rg_dimension_get_id (dimension);
      guint count = 0;

      for (guint j = 0; j < n_statements; j++)
        {
          g_autoptr(RgStatement) statement = g_list_model_get_item (statements, j);

          if (g_strcmp0 (rg_statement_get_dimension_id (statement), id) == 0)
            count++;
        }

      g_print ("  %s: ", or_empty (rg_dimension_get_name (dimension)));
      g_print (g_dngettext (GETTEXT_PACKAGE, "%u statement", "%u statements", count), count);
      g_print ("\n");
    }
}

static void
print_statement_kinds (RgSession *session)
{
  GListModel *statements = rg_session_get_statements (session);
  guint n = g_list_model_get_n_items (statements);
  guint counts[RG_STATEMENT_KIND_PROPOSAL + 1] = { 0 };

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RgStatement) statement = g_list_model_get_item (statements, i);
      RgStatementKind kind = rg_statement_get_kind (statement);

      if (kind <= RG_STATEMENT_KIND_PROPOSAL)
        counts[kind]++;
    }

  print_line (g_dngettext (GETTEXT_PACKAGE, "%u statement:", "%u statements:", n), n);
  for (guint kind = 0; kind < G_N_ELEMENTS (counts); kind++)
    g_print ("  %s: %u\n", rg_statement_kind_get_label (kind), counts[kind]);
}

static void
print_link_types (RgSession *session)
{
  GListModel *links = rg_session_get_links (session);
  guint n = g_list_model_get_n_items (links);
  guint counts[RG_LINK_TYPE_CLARIFY + 1] = { 0 };

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RgLink) link = g_list_model_get_item (links, i);
      RgLinkType type = rg_link_get_link_type (link);

      if (type <= RG_LINK_TYPE_CLARIFY)
        counts[type]++;
    }

  print_line (g_dngettext (GETTEXT_PACKAGE, "%u link:", "%u links:", n), n);
  for (guint type = 0; type < G_N_ELEMENTS (counts); type++)
    g_print ("  %s: %u\n", rg_link_type_get_label (type), counts[type]);
}

static void
print_other_counts (RgSession *session)
{
  GListModel *categories = rg_session_get_categories (session);
  guint n_terms = g_list_model_get_n_items (rg_session_get_terms (session));
  guint n_actions = g_list_model_get_n_items (rg_session_get_actions (session));
  guint n_criteria = 0;

  for (guint i = 0; i < g_list_model_get_n_items (categories); i++)
    {
      g_autoptr(RgCategory) category = g_list_model_get_item (categories, i);

      n_criteria += g_list_model_get_n_items (rg_category_get_criteria (category));
    }

  print_line (g_dngettext (GETTEXT_PACKAGE, "%u glossary term", "%u glossary terms", n_terms),
               n_terms);
  print_line (g_dngettext (GETTEXT_PACKAGE, "%u success criterion", "%u success criteria",
                            n_criteria),
               n_criteria);
  print_line (g_dngettext (GETTEXT_PACKAGE, "%u action", "%u actions", n_actions), n_actions);
}

/**
 * rg_cli_show:
 *
 * `regards-cli show FILE`: prints what a session is about (title, date,
 * situation, status), who takes part, and how many statements, links,
 * glossary terms, criteria and actions it holds.
 *
 * Returns: 0 on success, 1 if the file cannot be loaded, 2 on a usage
 *   error
 */
int
rg_cli_show (int    argc,
             char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RgSession) session = NULL;
  g_auto(GStrv) paths = NULL;
  const GOptionEntry entries[] = {
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &paths, NULL, N_("FILE") },
    { NULL }
  };

  context = g_option_context_new (NULL);
  g_option_context_set_summary (context,
                                _("Print a summary of a session: its title, date, situation and "
                                  "status, the partners, the statements in each dimension, and "
                                  "how many links, glossary terms, success criteria and actions "
                                  "it holds."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);

  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      rg_cli_print_error (error);
      return 2;
    }

  if (paths == NULL || paths[0] == NULL)
    {
      g_printerr (_("Give the session file to show."));
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

  print_heading (session);
  g_print ("\n");
  print_partners (session);
  g_print ("\n");
  print_dimensions (session);
  g_print ("\n");
  print_statement_kinds (session);
  g_print ("\n");
  print_link_types (session);
  g_print ("\n");
  print_other_counts (session);

  return 0;
}
