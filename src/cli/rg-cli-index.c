/* rg-cli-index.c — regards-cli index: bring the library index up to date
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "regards-cli"

#include "config.h"

#include <stdio.h>
#include <glib/gi18n.h>

#include "rg-cli-commands.h"
#include "rg-cli-display.h"
#include "rg-cli-library.h"

static void
print_json (RgLibrary           *library,
            RgLibraryScanResult *result)
{
  GListModel *failures = rg_library_scan_result_get_failures (result);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *folder = g_filename_display_name (rg_library_get_folder (library));

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "library");
  json_builder_add_string_value (builder, folder);
  json_builder_set_member_name (builder, "added");
  json_builder_add_int_value (builder, rg_library_scan_result_get_n_added (result));
  json_builder_set_member_name (builder, "updated");
  json_builder_add_int_value (builder, rg_library_scan_result_get_n_updated (result));
  json_builder_set_member_name (builder, "removed");
  json_builder_add_int_value (builder, rg_library_scan_result_get_n_removed (result));
  json_builder_set_member_name (builder, "unchanged");
  json_builder_add_int_value (builder, rg_library_scan_result_get_n_unchanged (result));
  json_builder_set_member_name (builder, "failed");
  json_builder_add_int_value (builder, rg_library_scan_result_get_n_failed (result));
  json_builder_set_member_name (builder, "unchecked");
  json_builder_add_int_value (builder, rg_library_scan_result_get_n_unchecked (result));
  json_builder_set_member_name (builder, "failures");
  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (failures); i++)
    {
      g_autoptr(RgLibraryEntry) entry = g_list_model_get_item (failures, i);

      rg_cli_library_json_entry (builder, entry);
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "notice");
  json_builder_add_string_value (builder, rg_library_get_notice (library));
  json_builder_end_object (builder);

  rg_cli_json_print (builder);
}

static void
print_text (RgLibrary           *library,
            RgLibraryScanResult *result)
{
  GListModel *failures = rg_library_scan_result_get_failures (result);

  /* One count per line, so each is translated on its own. */
  g_print (_("Added: %u"), rg_library_scan_result_get_n_added (result));
  g_print ("\n");
  g_print (_("Updated: %u"), rg_library_scan_result_get_n_updated (result));
  g_print ("\n");
  g_print (_("Removed: %u"), rg_library_scan_result_get_n_removed (result));
  g_print ("\n");
  g_print (_("Unchanged: %u"), rg_library_scan_result_get_n_unchanged (result));
  g_print ("\n");
  g_print (_("Failed: %u"), rg_library_scan_result_get_n_failed (result));
  g_print ("\n");
  if (rg_library_scan_result_get_n_unchecked (result) > 0)
    {
      g_print (_("Not checked yet: %u"), rg_library_scan_result_get_n_unchecked (result));
      g_print ("\n");
    }

  for (guint i = 0; i < g_list_model_get_n_items (failures); i++)
    {
      g_autoptr(RgLibraryEntry) entry = g_list_model_get_item (failures, i);
      g_autofree char *path = rg_cli_display_name (rg_library_entry_get_path (entry));
      g_autofree char *reason = rg_cli_display_message (rg_library_entry_get_error_message (entry));

      g_print ("  %s: %s\n", path, reason);
    }
}

/**
 * rg_cli_index:
 *
 * `regards-cli index [--library DIR] [--index-only] [--json]`: scans the
 * library folder, reading new and changed files, and prints how many were
 * added, updated, removed, and which cannot be loaded.
 *
 * Returns: 0 on success, 1 if some files cannot be loaded or the folder
 *   cannot be read, 2 on a usage error
 */
int
rg_cli_index (int    argc,
              char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RgLibrary) library = NULL;
  g_autoptr(RgLibraryScanResult) result = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *database = NULL;
  gboolean json = FALSE;
  gboolean index_only = FALSE;
  const GOptionEntry entries[] = {
    { "library", 'l', 0, G_OPTION_ARG_FILENAME, &folder,
      N_("The library folder (default: the Regards sessions folder)"), N_("DIR") },
    { "database", 0, 0, G_OPTION_ARG_FILENAME, &database,
      N_("The index file (default: one in the user cache folder)"), N_("FILE") },
    { "index-only", 0, 0, G_OPTION_ARG_NONE, &index_only,
      N_("Make new and changed files searchable without checking them; the next run checks them"),
      NULL },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json,
      N_("Print the result as JSON"), NULL },
    { NULL }
  };

  context = g_option_context_new (NULL);
  g_option_context_set_summary (context,
                                _("Bring the library index up to date with the session files, "
                                  "and list the files that cannot be opened."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);

  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      rg_cli_print_error (error);
      return 2;
    }

  if (argc > 1)
    {
      g_autofree char *argument = rg_cli_display_name (argv[1]);

      g_printerr (_("Unexpected argument “%s”."), argument);
      g_printerr ("\n");
      return 2;
    }

  library = rg_cli_library_open (folder, database, json);
  if (library == NULL)
    return 1;

  result = rg_library_scan_with_flags (library,
                                       index_only ? RG_LIBRARY_SCAN_INDEX_ONLY
                                                  : RG_LIBRARY_SCAN_NONE,
                                       NULL, &error);
  if (result == NULL)
    {
      rg_cli_print_error (error);
      return 1;
    }

  if (json)
    print_json (library, result);
  else
    print_text (library, result);

  return rg_library_scan_result_get_n_failed (result) > 0 ? 1 : 0;
}
