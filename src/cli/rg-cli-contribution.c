/* rg-cli-contribution.c — regards-cli contribution and import-contributions
 *
 * `contribution` writes the file a partner fills in before the meeting,
 * and records in the session that it was asked; `import-contributions`
 * merges such files into the session file and
 * prints what was added, updated and skipped, and why. Both are
 * src/core/meetings/rg-contribution.c's, shared with the app.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "regards-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "rg-cli-commands.h"
#include "rg-cli-display.h"
#include "rg-cli-session.h"

/* A partner named @name (letter case aside), or whose id it is */
static RgPartner *
find_partner (RgSession  *session,
              const char *name)
{
  GListModel *partners = rg_session_get_partners (session);
  g_autofree char *wanted = g_utf8_casefold (name, -1);

  for (guint i = 0; i < g_list_model_get_n_items (partners); i++)
    {
      g_autoptr(RgPartner) partner = g_list_model_get_item (partners, i);
      g_autofree char *folded = g_utf8_casefold (rg_partner_get_name (partner), -1);

      if (g_str_equal (folded, wanted) || g_str_equal (rg_partner_get_id (partner), name))
        return partner;
    }

  return NULL;
}

static void
print_partners (RgSession *session)
{
  GListModel *partners = rg_session_get_partners (session);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) names = NULL;
  g_autofree char *list = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (partners); i++)
    {
      g_autoptr(RgPartner) partner = g_list_model_get_item (partners, i);

      g_strv_builder_add (builder, rg_partner_get_name (partner));
    }
  names = g_strv_builder_end (builder);
  list = g_strjoinv (", ", names);
  /* Translators: %s is a list of names, "Mme Roussel, Mme Benali" */
  g_printerr (_("The partners of this session are: %s."), list);
  g_printerr ("\n");
}

int
rg_cli_contribution (int    argc,
                     char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RgDocument) session_document = NULL;
  g_autoptr(RgSessionEditor) editor = NULL;
  g_autoptr(RgSession) contribution = NULL;
  g_autoptr(RgDocument) document = NULL;
  g_autoptr(GFile) session_file = NULL;
  g_autoptr(GFile) file = NULL;
  RgSession *session;
  g_auto(GStrv) paths = NULL;
  g_autofree char *partner_name = NULL;
  g_autofree char *output = NULL;
  g_autofree char *display = NULL;
  RgPartner *partner;
  const GOptionEntry entries[] = {
    { "partner", 'p', 0, G_OPTION_ARG_STRING, &partner_name,
      N_("The partner asked, by name"), N_("NAME") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Where to write the contribution"), N_("OUT") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &paths, NULL, N_("FILE") },
    { NULL }
  };

  context = g_option_context_new (NULL);
  g_option_context_set_summary (context,
                                _("Write the contribution a partner fills in before the meeting: "
                                  "a file with the session’s title, situation and dimensions, "
                                  "that partner and their statements, and nothing of the other "
                                  "partners. The session file records the day it was asked."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);

  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      rg_cli_print_error (error);
      return 2;
    }

  if (paths == NULL || paths[0] == NULL || paths[1] != NULL)
    {
      g_printerr (_("Give one session file."));
      g_printerr ("\n");
      return 2;
    }

  if (partner_name == NULL || output == NULL || *output == '\0')
    {
      g_printerr (_("Say which partner with --partner NAME, and where to write with -o OUT."));
      g_printerr ("\n");
      return 2;
    }

  session_file = g_file_new_for_commandline_arg (paths[0]);
  session_document = rg_document_new_from_file (session_file, NULL, &error);
  if (session_document == NULL)
    {
      rg_cli_session_print_error (paths[0], error);
      return 1;
    }
  session = rg_document_get_session (session_document);

  if (!(partner = find_partner (session, partner_name)))
    {
      g_printerr (_("No partner of this session is named “%s”."), partner_name);
      g_printerr ("\n");
      print_partners (session);
      return 1;
    }

  /* Never over a file: it could be a session. */
  file = g_file_new_for_commandline_arg (output);
  display = rg_cli_display_name (output);
  if (g_file_query_exists (file, NULL))
    {
      g_printerr (_("“%s” exists already: choose another name."), display);
      g_printerr ("\n");
      return 1;
    }

  contribution = rg_contribution_new (session, partner);
  document = rg_document_new (contribution, file);
  if (!rg_document_save (document, NULL, &error))
    {
      rg_cli_session_print_error (output, error);
      return 1;
    }

  /* The session remembers the request, so that the coordinator sees
   * whose contribution is awaited; never over a change another program
   * made to it meanwhile. */
  editor = rg_session_editor_new (session);
  rg_contribution_record_asked (editor, partner);
  if (rg_document_get_modified (session_document)
      && !rg_document_save (session_document, NULL, &error))
    {
      rg_cli_session_print_error (paths[0], error);
      return 1;
    }

  g_print ("%s\n", display);
  return 0;
}

static void
print_item (RgContributionItem *item)
{
  const char *labels[] = { N_("Added"), N_("Updated"), N_("Skipped"), N_("Unchanged") };
  const char *text = rg_contribution_item_get_text (item);
  const char *reason = rg_contribution_item_get_reason (item);
  g_autofree char *file_name = rg_cli_display_name (rg_contribution_item_get_file_name (item));
  g_autoptr(GString) line = g_string_new (_(labels[rg_contribution_item_get_outcome (item)]));

  g_string_append_printf (line, ": %s", file_name);
  if (rg_contribution_item_get_partner (item) != NULL)
    g_string_append_printf (line, " · %s", rg_contribution_item_get_partner (item));
  if (rg_contribution_item_get_dimension (item) != NULL)
    g_string_append_printf (line, " · %s", rg_contribution_item_get_dimension (item));
  if (text != NULL)
    g_string_append_printf (line, ": “%s”", text);
  /* Why a file was skipped may quote its name */
  if (reason != NULL)
    {
      g_autofree char *shown = rg_cli_display_message (reason);

      g_string_append_printf (line, " — %s", shown);
    }

  /* One item, one line */
  g_strdelimit (line->str, "\r\n", ' ');
  g_print ("%s\n", line->str);
}

int
rg_cli_import_contributions (int    argc,
                             char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RgDocument) document = NULL;
  g_autoptr(RgSessionEditor) editor = NULL;
  g_autoptr(RgContributionReport) report = NULL;
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GFile) session_file = NULL;
  g_auto(GStrv) paths = NULL;
  GListModel *items;
  guint added, updated, skipped;
  const GOptionEntry entries[] = {
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &paths, NULL,
      N_("SESSION CONTRIBUTION…") },
    { NULL }
  };

  context = g_option_context_new (NULL);
  g_option_context_set_summary (context,
                                _("Import partners’ contributions into a session file: their "
                                  "statements are added to their columns, those changed since a "
                                  "previous import are updated, and what is not imported is "
                                  "listed with why. Exits with 1 when something was skipped."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);

  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      rg_cli_print_error (error);
      return 2;
    }

  if (paths == NULL || paths[0] == NULL || paths[1] == NULL)
    {
      g_printerr (_("Give the session file, then one contribution file or more."));
      g_printerr ("\n");
      return 2;
    }

  session_file = g_file_new_for_commandline_arg (paths[0]);
  document = rg_document_new_from_file (session_file, NULL, &error);
  if (document == NULL)
    {
      rg_cli_session_print_error (paths[0], error);
      return 1;
    }

  for (guint i = 1; paths[i] != NULL; i++)
    g_ptr_array_add (files, g_file_new_for_commandline_arg (paths[i]));

  editor = rg_session_editor_new (rg_document_get_session (document));
  report = rg_contribution_import (editor, (GFile **) files->pdata, files->len, NULL);
  added = rg_contribution_report_count (report, RG_CONTRIBUTION_OUTCOME_ADDED);
  updated = rg_contribution_report_count (report, RG_CONTRIBUTION_OUTCOME_UPDATED);
  skipped = rg_contribution_report_count (report, RG_CONTRIBUTION_OUTCOME_SKIPPED);

  /* The session is written only if it changed (statements, or the day
   * a contribution was received); never over a change another program
   * made meanwhile (a conflict copy gets it then). */
  if (rg_document_get_modified (document) && !rg_document_save (document, NULL, &error))
    {
      rg_cli_session_print_error (paths[0], error);
      return 1;
    }

  items = rg_contribution_report_get_items (report);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(RgContributionItem) item = g_list_model_get_item (items, i);

      print_item (item);
    }
  g_print (_("Added: %u · Updated: %u · Skipped: %u"), added, updated, skipped);
  g_print ("\n");

  return skipped > 0 ? 1 : 0;
}
