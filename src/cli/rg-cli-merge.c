/* rg-cli-merge.c — regards-cli merge: merge two versions of a session
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "regards-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "rg-cli-commands.h"
#include "rg-cli-display.h"
#include "rg-cli-session.h"

/**
 * rg_cli_merge:
 *
 * `regards-cli merge BASE OURS THEIRS --output FILE`: merges THEIRS into
 * OURS three ways, BASE being the version both started from, as the
 * application does when a session changes on disk while it has edits
 * (see rg_session_merge ()), and writes the result to FILE atomically.
 * Fields both sides changed keep OURS' value and record a conflict
 * holding THEIRS'. Prints one line: what the merge added, removed,
 * updated, and how many conflicts it recorded.
 *
 * Returns: 0 when FILE is written, 1 if a file cannot be read, the
 *   files are not versions of one session, or FILE cannot be written,
 *   2 on a usage error
 */
int
rg_cli_merge (int    argc,
              char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RgSession) base = NULL;
  g_autoptr(RgSession) ours = NULL;
  g_autoptr(RgSession) theirs = NULL;
  g_autoptr(RgSession) check = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *output = NULL;
  g_autofree char *name = NULL;
  g_auto(GStrv) paths = NULL;
  RgMergeStats stats;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("The file to write the merged session to"), N_("FILE") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &paths, NULL,
      N_("BASE OURS THEIRS") },
    { NULL }
  };

  context = g_option_context_new (NULL);
  g_option_context_set_summary (context,
                                _("Merge two versions of a session, OURS and THEIRS, that both "
                                  "started from BASE: objects added on either side are kept, "
                                  "objects deleted on one side go unless the other side edited "
                                  "them, and a field changed on both sides keeps OURS’ value and "
                                  "records THEIRS’ as a conflict for the team to settle."));
  g_option_context_set_description (context,
                                    _("The merged session is written to FILE, replaced at once. "
                                      "A line tells what the merge added, removed and updated, "
                                      "and how many conflicts it recorded."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);

  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      rg_cli_print_error (error);
      return 2;
    }

  if (paths == NULL || g_strv_length (paths) != 3)
    {
      g_printerr (_("Give three session files: the base, ours and theirs."));
      g_printerr ("\n");
      return 2;
    }

  if (output == NULL)
    {
      g_printerr (_("Give the file to write with --output."));
      g_printerr ("\n");
      return 2;
    }

  if (!(base = rg_cli_session_load (paths[0], &error))
      || !(ours = rg_cli_session_load (paths[1], &error))
      || !(theirs = rg_cli_session_load (paths[2], &error)))
    {
      rg_cli_session_print_error (paths[base == NULL ? 0 : ours == NULL ? 1 : 2], error);
      return 1;
    }

  if (!rg_session_merge (ours, base, theirs, &stats, &error))
    {
      rg_cli_print_error (error);
      return 1;
    }

  /* Never a file Regards would then refuse to open */
  bytes = rg_session_to_bytes (ours);
  check = rg_session_new_from_bytes (bytes, &error);
  if (check == NULL)
    {
      rg_cli_session_print_error (output, error);
      return 1;
    }

  file = g_file_new_for_commandline_arg (output);
  if (!rg_file_write_atomic (file, bytes, NULL, NULL, NULL, NULL, &error))
    {
      rg_cli_session_print_error (output, error);
      return 1;
    }

  name = rg_cli_display_name (output);
  /* Translators: %s is a file name, then counts of objects; one line */
  g_print (_("%s: added %u, removed %u, updated %u, conflicts %u"),
           name, stats.added, stats.removed, stats.updated, stats.conflicts);
  g_print ("\n");

  return 0;
}
