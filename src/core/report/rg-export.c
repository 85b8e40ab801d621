/* rg-export.c — writing a session's report to files
 *
 * One place for what the app's export dialog and regards-cli export
 * both do. HTML, PDF and ODT: the whole report in OUTPUT. CSV: four
 * tables beside each other, OUTPUT-statements.csv, OUTPUT-links.csv,
 * OUTPUT-criteria.csv and OUTPUT-actions.csv (a final ".csv" in OUTPUT
 * is left out), separated as rg_export_write_csv() is told. ODS: the
 * same tables as the sheets of one spreadsheet, OUTPUT. QDPX: one
 * or several sessions as a research project in OUTPUT, through
 * rg_export_write_qdpx(), which pseudonymises them itself so that the
 * project's identifiers owe nothing to the files. The files are written
 * atomically and readable by their owner only, like the sessions
 * themselves: a report says as much about a family as the session it
 * comes from.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "rg-export.h"
#include "rg-export-csv.h"
#include "rg-export-html.h"
#include "rg-export-odt.h"
#include "rg-export-ods.h"
#include "rg-export-pdf.h"
#include "rg-file-io.h"

/* The whole report in one file, as @format lays it out */
static GBytes *
write_report (RgSession       *session,
              RgExportFormat   format,
              GError         **error)
{
  switch (format)
    {
    case RG_EXPORT_FORMAT_HTML:
      return rg_export_html (session, error);
    case RG_EXPORT_FORMAT_PDF:
      return rg_export_pdf (session, error);
    case RG_EXPORT_FORMAT_ODT:
      return rg_export_odt (session, error);
    case RG_EXPORT_FORMAT_ODS:
      return rg_export_ods (session, error);
    case RG_EXPORT_FORMAT_CSV:
    case RG_EXPORT_FORMAT_QDPX:
    default:
      g_return_val_if_reached (NULL);
    }
}

/* Writes each of @contents to the file of @files at its index */
static gboolean
write_files (GPtrArray  *files,
             GPtrArray  *contents,
             GError    **error)
{
  for (guint i = 0; i < files->len; i++)
    if (!rg_file_write_atomic (files->pdata[i], contents->pdata[i], NULL, NULL, NULL, NULL, error))
      return FALSE;

  return TRUE;
}

/* OUTPUT with ".csv" left out, then @suffix */
static GFile *
csv_sibling (GFile      *output,
             const char *suffix)
{
  g_autoptr(GFile) parent = g_file_get_parent (output);
  g_autofree char *name = g_file_get_basename (output);
  g_autofree char *base = NULL;
  g_autofree char *sibling = NULL;

  base = g_str_has_suffix (name, ".csv") ? g_strndup (name, strlen (name) - 4)
                                         : g_strdup (name);
  sibling = g_strconcat (base, suffix, NULL);

  return parent != NULL ? g_file_get_child (parent, sibling) : g_file_new_for_path (sibling);
}

/**
 * rg_export_write:
 * @session: the session to report on, pseudonymised or not
 * @format: the format of the report, any but %RG_EXPORT_FORMAT_QDPX (see
 *   rg_export_write_qdpx())
 * @output: where to write it (for CSV, the start of the four names)
 * @error: return location for an error
 *
 * CSV tables are separated as the locale's spreadsheets expect them
 * (%RG_CSV_SEPARATOR_AUTO).
 *
 * Returns: (transfer full) (element-type GFile) (nullable): the files written, in
 *   order, or %NULL with @error set
 */
GPtrArray *
rg_export_write (RgSession       *session,
                 RgExportFormat   format,
                 GFile           *output,
                 GError         **error)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) contents = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);

  g_return_val_if_fail (RG_IS_SESSION (session), NULL);
  g_return_val_if_fail (G_IS_FILE (output), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  switch (format)
    {
    case RG_EXPORT_FORMAT_HTML:
    case RG_EXPORT_FORMAT_PDF:
    case RG_EXPORT_FORMAT_ODT:
    case RG_EXPORT_FORMAT_ODS:
      {
        GBytes *report = write_report (session, format, error);

        if (report == NULL)
          return NULL;
        g_ptr_array_add (files, g_object_ref (output));
        g_ptr_array_add (contents, report);
      }
      break;

    case RG_EXPORT_FORMAT_CSV:
      return rg_export_write_csv (session, RG_CSV_SEPARATOR_AUTO, output, error);

    case RG_EXPORT_FORMAT_QDPX:
    default:
      g_return_val_if_reached (NULL);
    }

  if (!write_files (files, contents, error))
    return NULL;

  return g_steal_pointer (&files);
}

/**
 * rg_export_write_csv:
 * @session: the session to report on, pseudonymised or not
 * @separator: what separates the fields
 * @output: the start of the four names: OUTPUT-statements.csv,
 *   OUTPUT-links.csv, OUTPUT-criteria.csv and OUTPUT-actions.csv
 * @error: return location for an error
 *
 * Returns: (transfer full) (element-type GFile) (nullable): the files
 *   written, in order, or %NULL with @error set
 */
GPtrArray *
rg_export_write_csv (RgSession       *session,
                     RgCsvSeparator   separator,
                     GFile           *output,
                     GError         **error)
{
  static const char *tables[] = { "statements", "links", "criteria", "actions" };
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) contents = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);

  g_return_val_if_fail (RG_IS_SESSION (session), NULL);
  g_return_val_if_fail (G_IS_FILE (output), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autofree char *suffix = g_strdup_printf ("-%s.csv", tables[i]);

      g_ptr_array_add (files, csv_sibling (output, suffix));
      g_ptr_array_add (contents, rg_export_csv_table (session, tables[i], separator));
    }

  if (!write_files (files, contents, error))
    return NULL;

  return g_steal_pointer (&files);
}

/**
 * rg_export_write_qdpx:
 * @sessions: (element-type RgSession): the sessions, at least one
 * @flags: whether to pseudonymise them
 * @output: where to write the project
 * @error: return location for an error
 *
 * Writes @sessions as one REFI-QDA project (rg_export_qdpx()).
 *
 * Returns: (transfer full) (element-type GFile) (nullable): the file
 *   written, or %NULL with @error set
 */
GPtrArray *
rg_export_write_qdpx (GPtrArray          *sessions,
                      RgExportQdpxFlags   flags,
                      GFile              *output,
                      GError            **error)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) contents = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  GBytes *project;

  g_return_val_if_fail (sessions != NULL && sessions->len > 0, NULL);
  g_return_val_if_fail (G_IS_FILE (output), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  project = rg_export_qdpx (sessions, flags, error);
  if (project == NULL)
    return NULL;
  g_ptr_array_add (files, g_object_ref (output));
  g_ptr_array_add (contents, project);

  if (!write_files (files, contents, error))
    return NULL;

  return g_steal_pointer (&files);
}
