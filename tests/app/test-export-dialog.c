/* test-export-dialog.c — exporting a report from the session window
 *
 * Opens the example session in a running application, opens the export
 * dialog from the window's action, and writes real files with it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "rg-export-dialog.h"
#include "rg-test-app.h"
#include "rg-test-editing.h"
#include "rg-test-pdf.h"
#include "rg-test-utils.h"
#include "rg-test-zip.h"

/* What an ODT package holds 30 bytes in: its type, first and stored */
#define ODT_START "mimetypeapplication/vnd.oasis.opendocument.text"
#define ODS_START "mimetypeapplication/vnd.oasis.opendocument.spreadsheet"

static char *test_dir;

static char *
read_text (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, &error));
  g_assert_no_error (error);

  return text;
}

static gboolean is_row_titled (GtkWidget     *widget,
                               gconstpointer  title);

static void
export_from_window (RgApplication *app)
{
  static const char *names[] = { "Roussel", "Perrin", "Kessler", "Aubry", "Fontaine", "Benali" };
  g_autoptr(GFile) file = rg_test_copy_example (test_dir, "export.regards");
  RgSessionWindow *window = rg_test_open_session (app, file);
  g_autofree char *pdf_path = g_build_filename (test_dir, "rapport.pdf", NULL);
  g_autofree char *html_path = g_build_filename (test_dir, "rapport.html", NULL);
  g_autofree char *csv_path = g_build_filename (test_dir, "tableaux.csv", NULL);
  g_autofree char *statements_path = g_build_filename (test_dir, "tableaux-statements.csv", NULL);
  g_autofree char *ods_path = g_build_filename (test_dir, "tableaux.ods", NULL);
  g_autoptr(GFile) ods_file = g_file_new_for_path (ods_path);
  g_autofree char *ods = NULL;
  gsize ods_size = 0;
  GtkWidget *separator_row;
  g_autofree char *odt_path = g_build_filename (test_dir, "rapport.odt", NULL);
  g_autofree char *folder_path = g_build_filename (test_dir, "dossier", NULL);
  g_autoptr(GFile) odt_file = g_file_new_for_path (odt_path);
  g_autoptr(GFile) pdf_file = g_file_new_for_path (pdf_path);
  g_autoptr(GFile) html_file = g_file_new_for_path (html_path);
  g_autoptr(GFile) csv_file = g_file_new_for_path (csv_path);
  g_autoptr(GFile) folder_file = g_file_new_for_path (folder_path);
  g_autoptr(GPtrArray) written = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *html = NULL;
  g_autofree char *statements = NULL;
  g_autofree char *odt = NULL;
  gsize odt_size = 0;
  RgExportDialog *dialog;

  /* Ctrl+E's action opens the dialog over the window */
  g_assert_null (rg_test_find_window (RG_TYPE_EXPORT_DIALOG));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "session.export", NULL));
  rg_test_iterate_until_idle ();
  dialog = rg_test_find_window (RG_TYPE_EXPORT_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (window));

  /* By default: a PDF report, to send, so without names */
  g_assert_false (rg_export_dialog_get_printing (dialog));
  g_assert_cmpint (rg_export_dialog_get_format (dialog), ==, RG_EXPORT_FORMAT_PDF);
  g_assert_cmpint (rg_export_dialog_get_purpose (dialog), ==, RG_EXPORT_PURPOSE_SEND);
  g_assert_true (rg_export_dialog_get_pseudonymise (dialog));
  /* ... de-identified for outside the team: no code nor school either */
  g_assert_cmpint (rg_export_dialog_get_level (dialog), ==, RG_DEIDENTIFY_OUTSIDE);

  written = rg_export_dialog_export_to (dialog, pdf_file, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (written->len, ==, 1);
  text = rg_test_pdf_to_text (pdf_path, NULL);
  g_assert_nonnull (strstr (text, "Enseignante de CM1"));
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    g_assert_null (strstr (text, names[i]));
  g_assert_null (strstr (text, "PRE-2026-014"));
  g_assert_null (strstr (text, "Tilleuls"));
  g_clear_pointer (&written, g_ptr_array_unref);

  rg_export_dialog_set_format (dialog, RG_EXPORT_FORMAT_HTML);
  g_assert_cmpint (rg_export_dialog_get_format (dialog), ==, RG_EXPORT_FORMAT_HTML);
  written = rg_export_dialog_export_to (dialog, html_file, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (written->len, ==, 1);
  g_assert_true (g_file_equal (written->pdata[0], html_file));
  html = read_text (html_path);
  g_assert_true (g_str_has_prefix (html, "<!DOCTYPE html>"));
  g_assert_nonnull (strstr (html, "Psychologue de l&apos;Éducation nationale"));
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    g_assert_null (strstr (html, names[i]));
  g_clear_pointer (&written, g_ptr_array_unref);

  /* For the team's partners, the names alone are replaced: the code stays */
  rg_export_dialog_set_level (dialog, RG_DEIDENTIFY_TEAM);
  g_assert_true (rg_export_dialog_get_pseudonymise (dialog));
  g_clear_pointer (&html, g_free);
  written = rg_export_dialog_export_to (dialog, html_file, &error);
  g_assert_no_error (error);
  html = read_text (html_path);
  g_assert_nonnull (strstr (html, "PRE-2026-014"));
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    g_assert_null (strstr (html, names[i]));
  g_clear_pointer (&written, g_ptr_array_unref);
  rg_export_dialog_set_level (dialog, RG_DEIDENTIFY_OUTSIDE);

  /* For the team's own file, the names stay; the choice follows the
   * purpose, and can still be changed by hand. */
  rg_export_dialog_set_purpose (dialog, RG_EXPORT_PURPOSE_TEAM);
  g_assert_false (rg_export_dialog_get_pseudonymise (dialog));
  rg_export_dialog_set_purpose (dialog, RG_EXPORT_PURPOSE_SEND);
  g_assert_true (rg_export_dialog_get_pseudonymise (dialog));
  rg_export_dialog_set_pseudonymise (dialog, FALSE);

  /* The separator is offered for CSV only */
  separator_row = rg_test_find_widget (GTK_WIDGET (dialog), is_row_titled, "Column _Separator");
  g_assert_nonnull (separator_row);
  g_assert_false (gtk_widget_get_visible (separator_row));
  rg_export_dialog_set_format (dialog, RG_EXPORT_FORMAT_CSV);
  g_assert_true (gtk_widget_get_visible (separator_row));
  /* The tests run in C.UTF-8: the language's separator is a comma */
  g_assert_cmpint (rg_export_dialog_get_csv_separator (dialog), ==, RG_CSV_SEPARATOR_AUTO);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (separator_row)), ==,
                   "As this language’s spreadsheets expect (comma)");
  written = rg_export_dialog_export_to (dialog, csv_file, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (written->len, ==, 4);
  statements = read_text (statements_path);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    g_assert_nonnull (strstr (statements, names[i]));
  g_assert_true (g_str_has_prefix (statements, "\xEF\xBB\xBFId,Dimension,"));
  g_clear_pointer (&statements, g_free);
  g_clear_pointer (&written, g_ptr_array_unref);

  /* Semicolons, chosen in the row */
  adw_combo_row_set_selected (ADW_COMBO_ROW (separator_row), 2);
  g_assert_cmpint (rg_export_dialog_get_csv_separator (dialog), ==, RG_CSV_SEPARATOR_SEMICOLON);
  written = rg_export_dialog_export_to (dialog, csv_file, &error);
  g_assert_no_error (error);
  statements = read_text (statements_path);
  g_assert_true (g_str_has_prefix (statements, "\xEF\xBB\xBFId;Dimension;"));
  g_clear_pointer (&written, g_ptr_array_unref);

  /* A spreadsheet: one file, an ODF package */
  rg_export_dialog_set_format (dialog, RG_EXPORT_FORMAT_ODS);
  g_assert_cmpint (rg_export_dialog_get_format (dialog), ==, RG_EXPORT_FORMAT_ODS);
  g_assert_false (gtk_widget_get_visible (separator_row));
  written = rg_export_dialog_export_to (dialog, ods_file, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (written->len, ==, 1);
  g_assert_true (g_file_get_contents (ods_path, &ods, &ods_size, &error));
  g_assert_cmpuint (ods_size, >, strlen (ODS_START));
  g_assert_cmpmem (ods + 30, strlen (ODS_START), ODS_START, strlen (ODS_START));
  g_clear_pointer (&written, g_ptr_array_unref);

  /* An OpenDocument text, one file named as chosen */
  rg_export_dialog_set_format (dialog, RG_EXPORT_FORMAT_ODT);
  g_assert_cmpint (rg_export_dialog_get_format (dialog), ==, RG_EXPORT_FORMAT_ODT);
  written = rg_export_dialog_export_to (dialog, odt_file, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (written->len, ==, 1);
  g_assert_true (g_file_equal (written->pdata[0], odt_file));
  g_assert_true (g_file_get_contents (odt_path, &odt, &odt_size, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (odt_size, >, strlen (ODT_START));
  g_assert_cmpmem (odt, 4, "PK\003\004", 4);
  g_assert_cmpmem (odt + 30, strlen (ODT_START), ODT_START, strlen (ODT_START));
  g_clear_pointer (&written, g_ptr_array_unref);

  /* Over a folder: a clear error, and the folder is left alone */
  g_assert_cmpint (g_mkdir (folder_path, 0700), ==, 0);
  rg_export_dialog_set_format (dialog, RG_EXPORT_FORMAT_HTML);
  written = rg_export_dialog_export_to (dialog, folder_file, &error);
  g_assert_null (written);
  g_assert_nonnull (error);
  g_assert_cmpstr (error->message, !=, "");
  g_assert_cmpint (g_file_query_file_type (folder_file, G_FILE_QUERY_INFO_NONE, NULL), ==,
                   G_FILE_TYPE_DIRECTORY);

  /* Cancel (and Escape) close it; the session is left as it was */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "window.close", NULL));
  rg_test_iterate_until_idle ();
  g_assert_null (rg_test_find_window (RG_TYPE_EXPORT_DIALOG));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (window)));
}

static gboolean
is_button_labelled (GtkWidget     *widget,
                    gconstpointer  label)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

static gboolean
is_row_titled (GtkWidget     *widget,
               gconstpointer  title)
{
  return ADW_IS_PREFERENCES_ROW (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

static gboolean
export_dialog_closed (gpointer data)
{
  return rg_test_find_window (RG_TYPE_EXPORT_DIALOG) == NULL;
}

/* The save chooser the export dialog opens: without portals, GTK's own
 * file chooser dialog */
static GtkFileChooser *
open_chooser (RgExportDialog *dialog)
{
  GtkFileChooser *chooser;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "export.choose-file", NULL));
  rg_test_iterate_until_idle ();
  chooser = rg_test_find_window (GTK_TYPE_FILE_CHOOSER_DIALOG);
  g_assert_nonnull (chooser);

  return chooser;
}

static RgExportDialog *
open_export_dialog (RgSessionWindow *window)
{
  RgExportDialog *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "session.export", NULL));
  rg_test_iterate_until_idle ();
  dialog = rg_test_find_window (RG_TYPE_EXPORT_DIALOG);
  g_assert_nonnull (dialog);

  return dialog;
}

static void
propose_name_and_folder (RgApplication *app)
{
  g_autofree char *session_folder = g_build_filename (test_dir, "situation-a", NULL);
  g_autofree char *exports = g_build_filename (test_dir, "envois", NULL);
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *name = NULL;
  g_autofree char *sent_name = NULL;
  g_autofree char *exported_path = NULL;
  g_autofree char *remembered = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GFile) exports_file = g_file_new_for_path (exports);
  g_autoptr(GString) titled = NULL;
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GError) error = NULL;
  RgSessionWindow *window;
  RgExportDialog *dialog;
  GtkFileChooser *chooser;

  g_assert_cmpint (g_mkdir_with_parents (session_folder, 0700), ==, 0);
  g_assert_cmpint (g_mkdir_with_parents (exports, 0700), ==, 0);
  g_assert_cmpstr (g_settings_get_string (settings, "last-export-folder"), ==, "");

  /* A title with the child's name, and characters no file name may have */
  file = rg_test_copy_example (session_folder, "point.regards");
  path = g_file_get_path (file);
  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  titled = g_string_new (contents);
  g_assert_cmpuint (g_string_replace (titled, "<title>Revue de situation — trimestre 1</title>",
                                      "<title>Point sur Adam : école/maison</title>", 1), ==, 1);
  g_assert_true (g_file_set_contents (path, titled->str, -1, &error));
  g_assert_no_error (error);

  window = rg_test_open_session (app, file);
  dialog = open_export_dialog (window);

  /* To send: the title and date as pseudonymised, never "rapport.pdf";
   * outside the team, the date is its month */
  sent_name = rg_export_dialog_dup_file_name (dialog);
  g_assert_true (g_str_has_prefix (sent_name, "Point sur "));
  g_assert_true (g_str_has_suffix (sent_name, " 2026-11.pdf"));
  g_assert_null (strstr (sent_name, "Adam"));
  g_assert_null (strchr (sent_name, '/'));
  g_assert_null (strchr (sent_name, ':'));

  /* For the team, the names stay; the extension follows the format */
  rg_export_dialog_set_purpose (dialog, RG_EXPORT_PURPOSE_TEAM);
  name = rg_export_dialog_dup_file_name (dialog);
  g_assert_cmpstr (name, ==, "Point sur Adam école maison 2026-11-17.pdf");
  g_clear_pointer (&name, g_free);
  rg_export_dialog_set_format (dialog, RG_EXPORT_FORMAT_HTML);
  name = rg_export_dialog_dup_file_name (dialog);
  g_assert_cmpstr (name, ==, "Point sur Adam école maison 2026-11-17.html");
  g_clear_pointer (&name, g_free);
  rg_export_dialog_set_format (dialog, RG_EXPORT_FORMAT_PDF);
  rg_export_dialog_set_purpose (dialog, RG_EXPORT_PURPOSE_SEND);

  /* The chooser offers that name, in the session's folder the first time */
  chooser = open_chooser (dialog);
  name = gtk_file_chooser_get_current_name (chooser);
  g_assert_cmpstr (name, ==, sent_name);
  folder = gtk_file_chooser_get_current_folder (chooser);
  g_assert_nonnull (folder);
  g_assert_cmpstr (g_file_peek_path (folder), ==, session_folder);
  g_clear_object (&folder);

  /* The coordinator picks another folder and exports */
  g_assert_true (gtk_file_chooser_set_current_folder (chooser, exports_file, &error));
  g_assert_no_error (error);
  g_signal_emit_by_name (rg_test_find_widget (GTK_WIDGET (chooser), is_button_labelled, "_Export"),
                         "clicked");
  g_assert_true (rg_test_wait_for (export_dialog_closed, NULL, 10));
  exported_path = g_build_filename (exports, sent_name, NULL);
  g_assert_true (g_file_test (exported_path, G_FILE_TEST_IS_REGULAR));
  g_assert_null (rg_test_find_window (RG_TYPE_EXPORT_DIALOG));

  /* The toast says so, with a button that opens the report */
  g_assert_nonnull (rg_test_find_widget (GTK_WIDGET (window), is_button_labelled, "_Open"));

  /* The folder is remembered, and offered next time */
  remembered = g_settings_get_string (settings, "last-export-folder");
  g_assert_cmpstr (remembered, ==, exports);
  dialog = open_export_dialog (window);
  chooser = open_chooser (dialog);
  folder = gtk_file_chooser_get_current_folder (chooser);
  g_assert_cmpstr (g_file_peek_path (folder), ==, exports);
  g_signal_emit_by_name (rg_test_find_widget (GTK_WIDGET (chooser), is_button_labelled, "_Cancel"),
                         "clicked");
  rg_test_iterate_until_idle ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "window.close", NULL));
  rg_test_iterate_until_idle ();
  g_settings_reset (settings, "last-export-folder");
}

/* Prints through the dialog's print operation, to a PDF file as the
 * print dialog's "Print to File" does; returns the text of its pages */
static char *
print_to_file (RgExportDialog *dialog,
               const char     *path)
{
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  operation = rg_export_dialog_make_print_operation (dialog, &error);
  g_assert_no_error (error);
  gtk_print_operation_set_export_filename (operation, path);
  gtk_print_operation_set_allow_async (operation, FALSE);
  g_assert_cmpint (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, &error),
                   ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  g_assert_no_error (error);

  text = rg_test_pdf_to_text (path, NULL);
  return rg_test_flatten (text);
}

/* Every part of the zip at @path, in lower case; and how many sources */
static char *
read_project_lower (const char *path,
                    guint      *n_sources)
{
  g_autofree char *contents = NULL;
  gsize size = 0;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(RgTestZip) zip = NULL;
  g_autoptr(GString) all = g_string_new (NULL);

  g_assert_true (g_file_get_contents (path, &contents, &size, NULL));
  bytes = g_bytes_new (contents, size);
  zip = rg_test_zip_read (bytes);
  g_assert_cmpstr (zip->names->pdata[0], ==, "project.qde");
  *n_sources = zip->names->len - 1;
  for (guint i = 0; i < zip->names->len; i++)
    {
      g_autofree char *text = rg_test_zip_get_text (zip, zip->names->pdata[i]);

      g_string_append (all, text);
    }

  return g_utf8_strdown (all->str, -1);
}

static void
project_written_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  GError **error = user_data;
  g_autoptr(GPtrArray) written = NULL;

  written = rg_export_dialog_export_files_finish (RG_EXPORT_DIALOG (object), result, error);
  g_assert_true ((written != NULL) == (*error == NULL));
  /* Tells the test it is done, even when it failed */
  if (written != NULL)
    g_object_set_data (object, "done", GINT_TO_POINTER (1));
  else
    g_object_set_data (object, "done", GINT_TO_POINTER (2));
}

static gboolean
project_done (gpointer dialog)
{
  return g_object_get_data (dialog, "done") != NULL;
}

/* The session window's dialog writes the session as a research
 * project; a search's files are written as one, off the main thread */
static void
export_research_project (RgApplication *app)
{
  g_autoptr(GFile) file = rg_test_copy_example (test_dir, "projet.regards");
  g_autoptr(GFile) other = rg_test_copy_example (test_dir, "projet-suivi.regards");
  g_autoptr(GFile) absent = g_file_new_build_filename (test_dir, "absent.regards", NULL);
  RgSessionWindow *window = rg_test_open_session (app, file);
  g_autofree char *path = g_build_filename (test_dir, "projet.qdpx", NULL);
  g_autofree char *both_path = g_build_filename (test_dir, "recherche.qdpx", NULL);
  g_autofree char *failed_path = g_build_filename (test_dir, "incomplet.qdpx", NULL);
  g_autoptr(GFile) output = g_file_new_for_path (path);
  g_autoptr(GFile) both_output = g_file_new_for_path (both_path);
  g_autoptr(GFile) failed_output = g_file_new_for_path (failed_path);
  g_autoptr(GPtrArray) files = g_ptr_array_new ();
  g_autoptr(GPtrArray) written = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *name = NULL;
  RgExportDialog *dialog;
  guint n_sources = 0;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "session.export", NULL));
  rg_test_iterate_until_idle ();
  dialog = rg_test_find_window (RG_TYPE_EXPORT_DIALOG);
  g_assert_nonnull (dialog);

  /* Offered among the formats; without names, as it leaves the team */
  rg_export_dialog_set_format (dialog, RG_EXPORT_FORMAT_QDPX);
  g_assert_cmpint (rg_export_dialog_get_format (dialog), ==, RG_EXPORT_FORMAT_QDPX);
  g_assert_true (rg_export_dialog_get_pseudonymise (dialog));
  name = rg_export_dialog_dup_file_name (dialog);
  g_assert_true (g_str_has_suffix (name, ".qdpx"));
  written = rg_export_dialog_export_to (dialog, output, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (written->len, ==, 1);
  text = read_project_lower (path, &n_sources);
  g_assert_cmpuint (n_sources, ==, 6);
  g_assert_nonnull (strstr (text, "enseignante de cm1"));
  g_assert_null (strstr (text, "roussel"));
  g_assert_null (strstr (text, "benali"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "window.close", NULL));
  rg_test_iterate_until_idle ();

  /* Two files of a search, one project */
  g_ptr_array_add (files, file);
  g_ptr_array_add (files, other);
  dialog = rg_export_dialog_new_for_files (GTK_WINDOW (window), files);
  gtk_window_present (GTK_WINDOW (dialog));
  rg_test_iterate_until_idle ();
  g_assert_cmpint (rg_export_dialog_get_format (dialog), ==, RG_EXPORT_FORMAT_QDPX);
  g_assert_true (rg_export_dialog_get_pseudonymise (dialog));
  g_clear_pointer (&name, g_free);
  name = rg_export_dialog_dup_file_name (dialog);
  g_assert_true (g_str_has_suffix (name, ".qdpx"));

  rg_export_dialog_export_files_async (dialog, both_output, NULL, project_written_cb, &error);
  g_assert_true (rg_test_wait_for (project_done, dialog, 20));
  g_assert_no_error (error);
  g_clear_pointer (&text, g_free);
  text = read_project_lower (both_path, &n_sources);
  g_assert_cmpuint (n_sources, ==, 12);
  g_assert_null (strstr (text, "roussel"));

  /* One file that cannot be read: said, by name, and nothing written */
  g_object_set_data (G_OBJECT (dialog), "done", NULL);
  g_ptr_array_add (files, absent);
  gtk_window_destroy (GTK_WINDOW (dialog));
  dialog = rg_export_dialog_new_for_files (GTK_WINDOW (window), files);
  rg_export_dialog_export_files_async (dialog, failed_output, NULL, project_written_cb, &error);
  g_assert_true (rg_test_wait_for (project_done, dialog, 20));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "absent.regards"));
  g_assert_false (g_file_test (failed_path, G_FILE_TEST_EXISTS));
  gtk_window_destroy (GTK_WINDOW (dialog));
  rg_test_iterate_until_idle ();
}

static void
print_from_window (RgApplication *app)
{
  g_autoptr(GFile) file = rg_test_copy_example (test_dir, "print.regards");
  RgSessionWindow *window = rg_test_open_session (app, file);
  g_autofree char *path = g_build_filename (test_dir, "imprime.pdf", NULL);
  g_autofree char *pdf_path = g_build_filename (test_dir, "exporte.pdf", NULL);
  g_autoptr(GFile) pdf_file = g_file_new_for_path (pdf_path);
  g_autoptr(GPtrArray) written = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sent = NULL;
  g_autofree char *team = NULL;
  RgSession *session;
  GListModel *partners;
  GListModel *dimensions;
  RgExportDialog *dialog;

  /* Ctrl+P's action opens the dialog, to print: no format to choose */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "session.print", NULL));
  rg_test_iterate_until_idle ();
  dialog = rg_test_find_window (RG_TYPE_EXPORT_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_true (rg_export_dialog_get_printing (dialog));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (dialog)), ==, "Print Report");
  g_assert_true (rg_export_dialog_get_pseudonymise (dialog));

  session = rg_session_editor_get_session (rg_session_window_get_editor (window));
  partners = rg_session_get_partners (session);
  dimensions = rg_session_get_dimensions (session);

  /* To send: every dimension and page number, no name */
  sent = print_to_file (dialog, path);
  rg_test_assert_reads (sent, "Page 1 of");
  for (guint i = 0; i < g_list_model_get_n_items (dimensions); i++)
    {
      g_autoptr(RgDimension) dimension = g_list_model_get_item (dimensions, i);

      rg_test_assert_reads (sent, rg_dimension_get_name (dimension));
    }
  for (guint i = 0; i < g_list_model_get_n_items (partners); i++)
    {
      g_autoptr(RgPartner) partner = g_list_model_get_item (partners, i);

      g_assert_null (strstr (sent, rg_partner_get_name (partner)));
    }

  /* For the team: the names, on the pages of the PDF export, A4 and
   * its margins being the print dialog's defaults */
  rg_export_dialog_set_purpose (dialog, RG_EXPORT_PURPOSE_TEAM);
  team = print_to_file (dialog, path);
  for (guint i = 0; i < g_list_model_get_n_items (partners); i++)
    {
      g_autoptr(RgPartner) partner = g_list_model_get_item (partners, i);

      rg_test_assert_reads (team, rg_partner_get_name (partner));
    }
  written = rg_export_write (session, RG_EXPORT_FORMAT_PDF, pdf_file, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rg_test_pdf_count_pages (path), ==, rg_test_pdf_count_pages (pdf_path));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "window.close", NULL));
  rg_test_iterate_until_idle ();
  g_assert_null (rg_test_find_window (RG_TYPE_EXPORT_DIALOG));
}

static gboolean
is_format_row (GtkWidget     *widget,
               gconstpointer  data)
{
  return ADW_IS_COMBO_ROW (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), "_Format") == 0;
}

/* From the keyboard alone: Return on the format opens the list of
 * formats (it exported at once), and Space on one chooses it, as
 * Return does. */
static void
keys_choose_a_format (RgApplication *app)
{
  g_autoptr(GFile) file = rg_test_copy_example (test_dir, "clavier.regards");
  RgSessionWindow *window = rg_test_open_session (app, file);
  RgExportDialog *dialog;
  GtkWidget *row, *popover, *list, *item;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "session.export", NULL));
  rg_test_iterate_until_idle ();
  dialog = rg_test_find_window (RG_TYPE_EXPORT_DIALOG);
  g_assert_nonnull (dialog);
  row = rg_test_find_widget (GTK_WIDGET (dialog), is_format_row, NULL);
  g_assert_nonnull (row);
  popover = rg_test_find_widget (row, rg_test_is_of_type, GSIZE_TO_POINTER (GTK_TYPE_POPOVER));
  g_assert_nonnull (popover);
  g_assert_true (gtk_widget_grab_focus (row));
  rg_test_iterate_until_idle ();

  g_assert_true (rg_test_type_key (GTK_WINDOW (dialog), GDK_KEY_Return, 0));
  g_assert_true (gtk_widget_get_visible (popover));
  g_assert_true (rg_test_find_window (RG_TYPE_EXPORT_DIALOG) == dialog);
  g_assert_cmpint (rg_export_dialog_get_format (dialog), ==, RG_EXPORT_FORMAT_PDF);

  /* Down to the second format, ODT, then Space */
  list = rg_test_find_widget (popover, rg_test_is_of_type, GSIZE_TO_POINTER (GTK_TYPE_LIST_VIEW));
  g_assert_nonnull (list);
  item = gtk_window_get_focus (GTK_WINDOW (dialog));
  g_assert_true (item != NULL && gtk_widget_is_ancestor (item, list));
  g_assert_true (rg_test_type_key (GTK_WINDOW (dialog), GDK_KEY_Down, 0));
  item = gtk_window_get_focus (GTK_WINDOW (dialog));
  g_assert_nonnull (rg_test_find_widget (item, rg_test_is_label_reading, "Report to edit (ODT)"));
  g_assert_true (rg_test_type_key (GTK_WINDOW (dialog), GDK_KEY_space, 0));
  g_assert_cmpint (rg_export_dialog_get_format (dialog), ==, RG_EXPORT_FORMAT_ODT);
  g_assert_false (gtk_widget_get_visible (popover));

  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_close (GTK_WINDOW (window));
  rg_test_iterate_until_idle ();
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *root = rg_test_init_environment ();

  test_dir = g_build_filename (root, "sessions", NULL);
  g_assert_cmpint (g_mkdir_with_parents (test_dir, 0700), ==, 0);

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  rg_test_add_app_func ("/export-dialog/export-from-window", export_from_window);
  rg_test_add_app_func ("/export-dialog/keys-choose-a-format", keys_choose_a_format);
  rg_test_add_app_func ("/export-dialog/research-project", export_research_project);
  rg_test_add_app_func ("/export-dialog/print-from-window", print_from_window);
  rg_test_add_app_func ("/export-dialog/propose-name-and-folder", propose_name_and_folder);

  return g_test_run ();
}
