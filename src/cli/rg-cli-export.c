/* rg-cli-export.c — regards-cli export: a session as a report
 *
 * CSV: four tables (src/core/report/rg-export-csv.h), the statements, the
 * links, the success criteria and the actions, written beside each other
 * as OUT-statements.csv, OUT-links.csv, OUT-criteria.csv and
 * OUT-actions.csv, separated by commas or semicolons as --separator
 * says (by default as the locale's spreadsheets expect). ODS: the same
 * tables as the sheets of one spreadsheet (src/core/report/rg-export-ods.h). HTML
 * (src/core/report/rg-export-html.h), PDF (src/core/report/rg-export-pdf.h)
 * and ODT, to edit in a word processor
 * (src/core/report/rg-export-odt.h): the whole report as one file, written to
 * OUT; none needs a display. With --deidentify the report is made
 * from a de-identified copy of the session
 * (src/core/report/rg-pseudonymise.h): “team”, for the team's
 * partners, without names; “outside”, for outside the team, without
 * code, institutions, days nor the file's ids either. --pseudonymise
 * means “outside”. QDPX, a REFI-QDA project for qualitative research
 * tools (src/core/report/rg-export-qdpx.h), takes one or several
 * sessions, and is de-identified for outside the team unless
 * --no-pseudonymise or --deidentify says otherwise. The
 * writing is src/core/report/rg-export.c's, shared with the app.
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
  { "ods", RG_EXPORT_FORMAT_ODS },
  { "qdpx", RG_EXPORT_FORMAT_QDPX },
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

/* "csv, html, pdf, odt, ods, qdpx" */
static char *
list_formats (void)
{
  g_autoptr(GString) list = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    g_string_append_printf (list, "%s%s", i > 0 ? ", " : "", formats[i].name);

  return g_string_free (g_steal_pointer (&list), FALSE);
}

/* Writes the report or the project and prints the names of the files
 * written */
static const struct
{
  const char     *name;
  RgCsvSeparator  separator;
} separators[] = {
  { "auto", RG_CSV_SEPARATOR_AUTO },
  { "comma", RG_CSV_SEPARATOR_COMMA },
  { "semicolon", RG_CSV_SEPARATOR_SEMICOLON },
};

/* The separator named @name, whatever its case */
static gboolean
lookup_separator (const char     *name,
                  RgCsvSeparator *separator)
{
  for (guint i = 0; i < G_N_ELEMENTS (separators); i++)
    if (g_ascii_strcasecmp (name, separators[i].name) == 0)
      {
        *separator = separators[i].separator;
        return TRUE;
      }

  return FALSE;
}

/* The report of @session, as @format and @separator say */
static GPtrArray *
write_report (RgSession       *session,
              RgExportFormat   format,
              RgCsvSeparator   separator,
              GFile           *file,
              GError         **error)
{
  if (format == RG_EXPORT_FORMAT_CSV)
    return rg_export_write_csv (session, separator, file, error);

  return rg_export_write (session, format, file, error);
}

static int
export (GPtrArray         *sessions,
        RgExportFormat     format,
        RgCsvSeparator     separator,
        RgDeidentifyLevel  level,
        const char        *output)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (output);
  g_autoptr(GPtrArray) written = NULL;
  g_autoptr(GError) error = NULL;

  if (format == RG_EXPORT_FORMAT_QDPX)
    written = rg_export_write_qdpx (sessions,
                                    level == RG_DEIDENTIFY_OUTSIDE
                                    ? RG_EXPORT_QDPX_PSEUDONYMISE | RG_EXPORT_QDPX_OUTSIDE
                                    : level == RG_DEIDENTIFY_TEAM ? RG_EXPORT_QDPX_PSEUDONYMISE
                                                                  : RG_EXPORT_QDPX_NONE,
                                    file, &error);
  else
    {
      g_autoptr(RgSession) copy = rg_session_deidentify (sessions->pdata[0], level);

      written = write_report (copy, format, separator, file, &error);
    }

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
  g_autoptr(GPtrArray) sessions = g_ptr_array_new_with_free_func (g_object_unref);
  g_auto(GStrv) paths = NULL;
  g_autofree char *format = NULL;
  g_autofree char *output = NULL;
  g_autofree char *deidentify = NULL;
  g_autofree char *separator_name = NULL;
  RgCsvSeparator separator = RG_CSV_SEPARATOR_AUTO;
  gboolean pseudonymise = FALSE;
  gboolean keep_names = FALSE;
  RgExportFormat export_format;
  RgDeidentifyLevel level = RG_DEIDENTIFY_NONE;
  const GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format,
      N_("The format of the report: csv, html, pdf, odt, ods, or qdpx for a research project"),
      N_("FORMAT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Where to write the report; for csv, OUT-statements.csv, OUT-links.csv, "
         "OUT-criteria.csv and OUT-actions.csv; for the other formats, OUT itself"), N_("OUT") },
    { "separator", 0, 0, G_OPTION_ARG_STRING, &separator_name,
      N_("For csv, what separates the fields: comma, semicolon, or auto (the default: a "
         "semicolon where the language writes decimals with a comma, as its spreadsheets "
         "expect, else a comma)"), N_("SEPARATOR") },
    { "deidentify", 0, 0, G_OPTION_ARG_STRING, &deidentify,
      N_("De-identify the report: “team”, for the team’s partners, replaces the names of the "
         "people by their profession or a pseudonym; “outside”, for outside the team, also "
         "leaves out the situation’s code, names the school, the institutions and the place "
         "by their kind, keeps only the month of each date, and gives every object a new id "
         "(done for qdpx unless --no-pseudonymise is given)"), N_("LEVEL") },
    { "pseudonymise", 0, 0, G_OPTION_ARG_NONE, &pseudonymise,
      N_("The same as --deidentify=outside"), NULL },
    { "no-pseudonymise", 0, 0, G_OPTION_ARG_NONE, &keep_names,
      N_("Keep the names of the people, for a report or a project that stays in the team"),
      NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &paths, NULL, N_("FILE…") },
    { NULL }
  };

  context = g_option_context_new (NULL);
  g_option_context_set_summary (context,
                                _("Export a session as a report. The csv format writes four "
                                  "tables for a spreadsheet: OUT-statements.csv, one row per "
                                  "statement with its id, OUT-links.csv, one row per link with "
                                  "the ids of its statements, OUT-criteria.csv, one row per "
                                  "success criterion, and OUT-actions.csv, one row per action "
                                  "(a final “.csv” in OUT is left out). A cell that begins with "
                                  "=, +, -, @, a tab or a carriage return is written after an "
                                  "apostrophe (“'=…”), so that no spreadsheet takes it for a "
                                  "formula. The ods format writes the same tables as the sheets "
                                  "of one spreadsheet, OUT. The other formats write the "
                                  "whole report as one file, OUT: pdf and html ready to print "
                                  "or send, odt to edit in a word processor. The qdpx format "
                                  "writes one or several sessions as one REFI-QDA project, OUT, "
                                  "for qualitative research tools (QualCoder, NVivo, MAXQDA, "
                                  "ATLAS.ti); it is pseudonymised unless --no-pseudonymise is "
                                  "given."));
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

  if (separator_name != NULL && !lookup_separator (separator_name, &separator))
    {
      /* Translators: --separator takes the words comma, semicolon and
       * auto as they are, untranslated */
      g_printerr (_("Unknown separator “%s”. Choose comma, semicolon or auto."), separator_name);
      g_printerr ("\n");
      return 2;
    }

  if (separator_name != NULL && export_format != RG_EXPORT_FORMAT_CSV)
    {
      g_printerr (_("--separator is for the csv format only."));
      g_printerr ("\n");
      return 2;
    }

  if (paths == NULL || paths[0] == NULL)
    {
      g_printerr (_("Give the session file to export."));
      g_printerr ("\n");
      return 2;
    }

  if (paths[1] != NULL && export_format != RG_EXPORT_FORMAT_QDPX)
    {
      g_autofree char *argument = rg_cli_display_name (paths[1]);

      g_printerr (_("Unexpected argument “%s”."), argument);
      g_printerr ("\n");
      return 2;
    }

  if (pseudonymise && keep_names)
    {
      g_printerr (_("Choose either --pseudonymise or --no-pseudonymise."));
      g_printerr ("\n");
      return 2;
    }

  if (deidentify != NULL &&
      (!rg_deidentify_level_from_string (deidentify, &level) || level == RG_DEIDENTIFY_NONE))
    {
      g_autofree char *argument = rg_cli_display_name (deidentify);

      /* Translators: “team” and “outside” are the values of
       * --deidentify, not to be translated */
      g_printerr (_("Unknown de-identification level “%s”: choose “team” or “outside”."),
                  argument);
      g_printerr ("\n");
      return 2;
    }

  if (deidentify != NULL && keep_names)
    {
      g_printerr (_("Choose either --deidentify or --no-pseudonymise."));
      g_printerr ("\n");
      return 2;
    }

  if (output == NULL || *output == '\0')
    {
      g_printerr (_("Say where to write the report with -o OUT."));
      g_printerr ("\n");
      return 2;
    }

  for (guint i = 0; paths[i] != NULL; i++)
    {
      RgSession *session = rg_cli_session_load (paths[i], &error);

      if (session == NULL)
        {
          rg_cli_session_print_error (paths[i], error);
          return 1;
        }
      g_ptr_array_add (sessions, session);
    }

  /* A research project leaves the team: de-identified unless asked */
  if (deidentify == NULL && (pseudonymise || (export_format == RG_EXPORT_FORMAT_QDPX && !keep_names)))
    level = RG_DEIDENTIFY_OUTSIDE;

  return export (sessions, export_format, separator, level, output);
}
