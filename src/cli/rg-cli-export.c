/* rg-cli-export.c — regards-cli export: a session as a report
 *
 * Two formats. CSV: two tables (src/core/rg-export-csv.h), the
 * statements and the links, written beside each other as
 * OUT-statements.csv and OUT-links.csv. HTML: the whole report as one
 * self-contained, printable file (src/core/rg-export-html.h), written
 * to OUT. With --pseudonymise the report is made from a copy of the
 * session without names (src/core/rg-pseudonymise.h). The writing is
 * src/core/rg-export.c's, shared with the app.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "regards-cli"

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <glib/gi18n.h>

#include "rg-cli-commands.h"
#include "rg-cli-session.h"
#include "rg-export.h"
#include "rg-pseudonymise.h"

/* Writes the report and prints the names of the files written */
static int
export (RgSession      *session,
        RgExportFormat  format,
        const char     *output)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (output);
  g_autoptr(GPtrArray) written = NULL;
  g_autoptr(GError) error = NULL;

  written = rg_export_write (session, format, file, &error);
  if (written == NULL)
    {
      rg_cli_session_print_error (output, error);
      return 1;
    }

  for (guint i = 0; i < written->len; i++)
    {
      g_autofree char *path = g_file_get_path (written->pdata[i]);
      g_autofree char *name = g_filename_display_name (path);

      g_print ("%s\n", name);
    }

  return 0;
}

int
rg_cli_export (int    argc,
               char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RgSession) session = NULL;
  g_auto(GStrv) paths = NULL;
  g_autofree char *format = NULL;
  g_autofree char *output = NULL;
  gboolean pseudonymise = FALSE;
  const GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format,
      N_("The format of the report: csv or html"), N_("FORMAT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Where to write the report; for csv, OUT-statements.csv and OUT-links.csv; for html, OUT itself"), N_("OUT") },
    { "pseudonymise", 0, 0, G_OPTION_ARG_NONE, &pseudonymise,
      N_("Replace the names of the people by their profession or a pseudonym"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &paths, NULL, N_("FILE") },
    { NULL }
  };

  context = g_option_context_new (NULL);
  g_option_context_set_summary (context,
                                _("Export a session as a report. The csv format writes two "
                                  "tables for a spreadsheet: OUT-statements.csv, one row per "
                                  "statement, and OUT-links.csv, one row per link (a final "
                                  "“.csv” in OUT is left out). The html format writes the "
                                  "whole report as one file, OUT, ready to print or send."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);

  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }

  if (format == NULL)
    {
      g_printerr (_("Choose the format of the report with --format (csv or html)."));
      g_printerr ("\n");
      return 2;
    }

  if (g_ascii_strcasecmp (format, "csv") != 0 &&
      g_ascii_strcasecmp (format, "html") != 0)
    {
      g_printerr (_("Unknown format “%s”. The known formats are: csv, html."), format);
      g_printerr ("\n");
      return 2;
    }

  if (paths == NULL || paths[0] == NULL)
    {
      g_printerr (_("Give the session file to export."));
      g_printerr ("\n");
      return 2;
    }

  if (paths[1] != NULL)
    {
      g_printerr (_("Unexpected argument “%s”."), paths[1]);
      g_printerr ("\n");
      return 2;
    }

  if (output == NULL || *output == '\0')
    {
      g_printerr (_("Say where to write the report with -o OUT."));
      g_printerr ("\n");
      return 2;
    }

  session = rg_cli_session_load (paths[0], &error);
  if (session == NULL)
    {
      rg_cli_session_print_error (paths[0], error);
      return 1;
    }

  if (pseudonymise)
    {
      RgSession *copy = rg_session_pseudonymise (session, RG_PSEUDONYMISE_NONE);

      g_object_unref (session);
      session = copy;
    }

  return export (session,
                 g_ascii_strcasecmp (format, "html") == 0 ? RG_EXPORT_FORMAT_HTML
                                                          : RG_EXPORT_FORMAT_CSV,
                 output);
}
