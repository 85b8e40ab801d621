/* rg-cli-export.c — regards-cli export: a session as a report
 *
 * CSV: three tables (src/core/report/rg-export-csv.h), the statements, the
 * links and the success criteria, written beside each other as
 * OUT-statements.csv, OUT-links.csv and OUT-criteria.csv. HTML
 * (src/core/report/rg-export-html.h), PDF (src/core/report/rg-export-pdf.h)
 * and ODT, to edit in a word processor
 * (src/core/report/rg-export-odt.h): the whole report as one file, written to
 * OUT; none needs a display. With --pseudonymise the report is made
 * from a copy of the session without names
 * (src/core/report/rg-pseudonymise.h). The writing is
 * src/core/report/rg-export.c's, shared with the app.
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
#include "rg-cli-session.h"

static const struct
{
  const char     *name;
  RgExportFormat  format;
} formats[] = {
  { "csv", RG_EXPORT_FORMAT_CSV },
  { "html", RG_EXPORT_FORMAT_HTML },
  { "pdf", RG_EXPORT_FORMAT_PDF },
  { "odt", RG_EXPORT_FORMAT_ODT },
};

/* The format named @name, whatever its case */
static gboolean
lookup_format (const char     *name,
               RgExportFormat *format)
{
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    if (g_ascii_strcasecmp (name, formats[i].name) == 0)
      {
        *format = formats[i].format;
        return TRUE;
      }

  return FALSE;
}

/* "csv, html, pdf, odt" */
static char *
list_formats (void)
{
  g_autoptr(GString) list = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    g_string_append_printf (list, "%s%s", i > 0 ? ", " : "", formats[i].name);

  return g_string_free (g_steal_pointer (&list), FALSE);
}

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
      g_autofree char *name = rg_cli_display_name (path);

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
  RgExportFormat export_format;
  const GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format,
      N_("The format of the report: csv, html, pdf or odt"), N_("FORMAT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Where to write the report; for csv, OUT-statements.csv, OUT-links.csv and "
         "OUT-criteria.csv; for the other formats, OUT itself"), N_("OUT") },
    { "pseudonymise", 0, 0, G_OPTION_ARG_NONE, &pseudonymise,
      N_("Replace the names of the people by their profession or a pseudonym"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &paths, NULL, N_("FILE") },
    { NULL }
  };

  context = g_option_context_new (NULL);
  g_option_context_set_summary (context,
                                _("Export a session as a report. The csv format writes three "
                                  "tables for a spreadsheet: OUT-statements.csv, one row per "
                                  "statement, OUT-links.csv, one row per link, and "
                                  "OUT-criteria.csv, one row per success criterion (a final "
                                  "“.csv” in OUT is left out). The other formats write the "
                                  "whole report as one file, OUT: pdf and html ready to print "
                                  "or send, odt to edit in a word processor."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);

  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      rg_cli_print_error (error);
      return 2;
    }

  if (format == NULL)
    {
      g_autofree char *known = list_formats ();

      /* Translators: %s lists the formats, as in "csv, html, pdf, odt" */
      g_printerr (_("Choose the format of the report with --format (%s)."), known);
      g_printerr ("\n");
      return 2;
    }

  if (!lookup_format (format, &export_format))
    {
      g_autofree char *known = list_formats ();

      /* Translators: the second %s lists the formats, as in "csv, html, pdf, odt" */
      g_printerr (_("Unknown format “%s”. The known formats are: %s."), format, known);
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
      g_autofree char *argument = rg_cli_display_name (paths[1]);

      g_printerr (_("Unexpected argument “%s”."), argument);
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

  return export (session, export_format, output);
}
