/* rg-cli-validate.c — regards-cli validate: check session files
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
 * rg_cli_validate:
 *
 * `regards-cli validate [--verbose] FILE…`: loads each file as Regards
 * does (same size limit, same checks) and prints one line per file that
 * cannot be loaded, “PATH: reason”, on stderr. With --verbose, each good
 * file gets a line on stdout too.
 *
 * Returns: 0 if every file is a valid session, 1 if one is not, 2 on a
 *   usage error (no file given…)
 */
int
rg_cli_validate (int    argc,
                 char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) paths = NULL;
  gboolean verbose = FALSE;
  int status = 0;
  const GOptionEntry entries[] = {
    { "verbose", 'v', 0, G_OPTION_ARG_NONE, &verbose,
      N_("Also print a line for each valid file"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &paths, NULL, N_("FILE…") },
    { NULL }
  };

  context = g_option_context_new (NULL);
  g_option_context_set_summary (context,
                                _("Check that files are Regards sessions that Regards can open: "
                                  "readable, not too large, well-formed, following the format, "
                                  "with every reference resolved."));
  g_option_context_set_description (context,
                                    _("Each file that cannot be opened gets one line on the error "
                                      "output, “FILE: reason”. The exit status is 0 when every file "
                                      "is valid, 1 when one is not."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);

  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      rg_cli_print_error (error);
      return 2;
    }

  if (paths == NULL || paths[0] == NULL)
    {
      g_printerr (_("Give at least one session file to check."));
      g_printerr ("\n");
      return 2;
    }

  for (guint i = 0; paths[i] != NULL; i++)
    {
      g_autoptr(RgSession) session = NULL;
      g_autoptr(GError) load_error = NULL;

      session = rg_cli_session_load (paths[i], &load_error);
      if (session == NULL)
        {
          rg_cli_session_print_error (paths[i], load_error);
          status = 1;
        }
      else if (verbose)
        {
          g_autofree char *name = rg_cli_display_name (paths[i]);

          /* Translators: %s is a file name */
          g_print (_("%s: valid"), name);
          g_print ("\n");
        }
    }

  return status;
}
