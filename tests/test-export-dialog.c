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
#include "rg-test-utils.h"

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

static void
export_from_window (RgApplication *app,
                    gpointer       data)
{
  static const char *names[] = { "Roussel", "Perrin", "Kessler", "Aubry", "Fontaine", "Benali" };
  g_autoptr(GFile) file = rg_test_copy_example (test_dir, "export.regards");
  RgSessionWindow *window = rg_test_open_session (app, file);
  g_autofree char *html_path = g_build_filename (test_dir, "rapport.html", NULL);
  g_autofree char *csv_path = g_build_filename (test_dir, "tableaux.csv", NULL);
  g_autofree char *statements_path = g_build_filename (test_dir, "tableaux-statements.csv", NULL);
  g_autofree char *folder_path = g_build_filename (test_dir, "dossier", NULL);
  g_autoptr(GFile) html_file = g_file_new_for_path (html_path);
  g_autoptr(GFile) csv_file = g_file_new_for_path (csv_path);
  g_autoptr(GFile) folder_file = g_file_new_for_path (folder_path);
  g_autoptr(GPtrArray) written = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *html = NULL;
  g_autofree char *statements = NULL;
  RgExportDialog *dialog;

  /* Ctrl+E's action opens the dialog over the window */
  g_assert_null (rg_test_find_window (RG_TYPE_EXPORT_DIALOG));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "session.export", NULL));
  rg_test_iterate_until_idle ();
  dialog = rg_test_find_window (RG_TYPE_EXPORT_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (window));

  /* By default: a printable report, to send, so without names */
  g_assert_cmpint (rg_export_dialog_get_format (dialog), ==, RG_EXPORT_FORMAT_HTML);
  g_assert_cmpint (rg_export_dialog_get_purpose (dialog), ==, RG_EXPORT_PURPOSE_SEND);
  g_assert_true (rg_export_dialog_get_pseudonymise (dialog));

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

  /* For the team's own file, the names stay; the choice follows the
   * purpose, and can still be changed by hand. */
  rg_export_dialog_set_purpose (dialog, RG_EXPORT_PURPOSE_TEAM);
  g_assert_false (rg_export_dialog_get_pseudonymise (dialog));
  rg_export_dialog_set_purpose (dialog, RG_EXPORT_PURPOSE_SEND);
  g_assert_true (rg_export_dialog_get_pseudonymise (dialog));
  rg_export_dialog_set_pseudonymise (dialog, FALSE);

  rg_export_dialog_set_format (dialog, RG_EXPORT_FORMAT_CSV);
  written = rg_export_dialog_export_to (dialog, csv_file, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (written->len, ==, 2);
  statements = read_text (statements_path);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    g_assert_nonnull (strstr (statements, names[i]));
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

static void
run_in_application (gconstpointer data)
{
  rg_test_run_in_application ((RgTestAppFunc) data, NULL);
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

  g_test_add_data_func ("/export-dialog/export-from-window", export_from_window, run_in_application);

  return g_test_run ();
}
