/* rg-cli-export.c — regards-cli export: a session as a report
 *
 * Two formats. CSV: two tables (src/core/rg-export-csv.h), the
 * statements and the links, written beside each other as
 * OUT-statements.csv and OUT-links.csv. HTML: the whole report as one
 * self-contained, printable file (src/core/rg-export-html.h), written
 * to OUT. With --pseudonymise the report is made from a copy of the
 * session without names (src/core/rg-pseudonymise.h). The files are written atomically,
 * readable by their owner only, like the sessions themselves: a report
 * says as much about a family as the session it comes from.
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
#include "rg-export-csv.h"
#include "rg-export-html.h"
#include "rg-file-io.h"
#include "rg-pseudonymise.h"

static gboolean
write_file (const char *path,
            GBytes     *contents)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GError) error = NULL;

  if (!rg_file_write_atomic (file, contents, NULL, NULL, NULL, NULL, &error))
    {
      rg_cli_session_print_error (path, error);
      return FALSE;
    }

  return TRUE;
}

/* OUT-statements.csv and OUT-links.csv; "OUT.csv" counts as OUT */
static int
export_csv (RgSession  *session,
            const char *output)
{
  g_autofree char *base = NULL;
  g_autofree char *statements_path = NULL;
  g_autofree char *links_path = NULL;
  g_autoptr(GBytes) statements = NULL;
  g_autoptr(GBytes) links = NULL;
  g_autofree char *statements_name = NULL;
  g_autofree char *links_name = NULL;

  base = g_str_has_suffix (output, ".csv") ? g_strndup (output, strlen (output) - 4)
                                           : g_strdup (output);
  statements_path = g_strconcat (base, "-statements.csv", NULL);
  links_path = g_strconcat (base, "-links.csv", NULL);

  statements = rg_export_csv_statements (session);
  links = rg_export_csv_links (session);

  if (!write_file (statements_path, statements) ||
      !write_file (links_path, links))
    return 1;

  statements_name = g_filename_display_name (statements_path);
  links_name = g_filename_display_name (links_path);
  g_print ("%s\n%s\n", statements_name, links_name);

  return 0;
}

/* The whole report in OUT, as it is named */
static int
export_html (RgSession  *session,
             const char *output)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) html = NULL;
  g_autofree char *name = NULL;

  html = rg_export_html (session, &error);
  if (html == NULL)
    {
      g_printerr (_("The report could not be made: %s"), error->message);
      g_printerr ("\n");
      return 1;
    }

  if (!write_file (output, html))
    return 1;

  name = g_filename_display_name (output);
  g_print ("%s\n", name);

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

  if (g_ascii_strcasecmp (format, "html") == 0)
    return export_html (session, output);

  return export_csv (session, output);
}
