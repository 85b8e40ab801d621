/* test-preferences-window.c — the preferences, changed through their rows
 *
 * A real application, its real settings (the memory backend), the real
 * preferences window: each row is changed the way a person changes it
 * (keys, the file chooser), and the setting follows at once; a new
 * library folder is the one the application then lists.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "rg-application.h"
#include "rg-export-dialog.h"
#include "rg-library-window.h"
#include "rg-preferences-window.h"
#include "rg-session-window.h"
#include "rg-test-app.h"
#include "rg-test-utils.h"

static char *test_root;

static gboolean
is_row_titled (GtkWidget     *widget,
               gconstpointer  title)
{
  return ADW_IS_PREFERENCES_ROW (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

/* The control of type @type in the row titled @title */
static gpointer
find_control (RgPreferencesWindow *window,
              const char          *title,
              GType                type)
{
  GtkWidget *row = rg_test_find_widget (GTK_WIDGET (window), is_row_titled, title);
  GtkWidget *control;

  g_assert_nonnull (row);
  control = rg_test_find_widget (row, rg_test_is_of_type, GSIZE_TO_POINTER (type));
  g_assert_nonnull (control);

  return control;
}

static RgPreferencesWindow *
open_preferences (RgApplication *app)
{
  GtkWindow *library = gtk_application_get_active_window (GTK_APPLICATION (app));
  RgPreferencesWindow *window;

  g_assert_true (RG_IS_LIBRARY_WINDOW (library));
  /* Ctrl+, from the library window */
  g_assert_true (rg_test_press_shortcut (library, GDK_KEY_comma, GDK_CONTROL_MASK) ||
                 gtk_widget_activate_action (GTK_WIDGET (library), "app.preferences", NULL));
  rg_test_iterate_until_idle ();
  window = rg_test_find_window (RG_TYPE_PREFERENCES_WINDOW);
  g_assert_nonnull (window);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (window)));

  return window;
}

/* Up on a focused number steps it, as the keyboard does */
static void
step_up (RgPreferencesWindow *window,
         GtkSpinButton       *spin)
{
  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (spin)));
  g_assert_true (rg_test_press_shortcut (GTK_WINDOW (window), GDK_KEY_Up, 0));
}

static gboolean
pseudonymise_off (gpointer settings)
{
  return !g_settings_get_boolean (settings, "export-pseudonymise");
}

static void
numbers_and_switch (RgApplication *app)
{
  GSettings *settings = rg_application_get_settings (app);
  RgPreferencesWindow *window = open_preferences (app);
  GtkSpinButton *autosave = find_control (window, "_Autosave Delay, in Seconds",
                                          GTK_TYPE_SPIN_BUTTON);
  GtkSpinButton *retention = find_control (window, "_Retention Period, in Years",
                                           GTK_TYPE_SPIN_BUTTON);
  GtkSwitch *pseudonymise = find_control (window, "_Pseudonymise Exports by Default",
                                          GTK_TYPE_SWITCH);
  GtkWidget *row;

  g_assert_cmpuint (g_settings_get_uint (settings, "autosave-delay"), ==, 1);
  g_assert_cmpuint (g_settings_get_uint (settings, "retention-years"), ==, 2);
  g_assert_true (g_settings_get_boolean (settings, "export-pseudonymise"));
  g_assert_cmpint (gtk_spin_button_get_value_as_int (autosave), ==, 1);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (retention), ==, 2);
  g_assert_true (gtk_switch_get_active (pseudonymise));


  step_up (window, autosave);
  g_assert_cmpuint (g_settings_get_uint (settings, "autosave-delay"), ==, 2);
  step_up (window, retention);
  step_up (window, retention);
  g_assert_cmpuint (g_settings_get_uint (settings, "retention-years"), ==, 4);

  /* The schema's bounds are the rows' */
  gtk_spin_button_set_value (autosave, 50);
  g_assert_cmpuint (g_settings_get_uint (settings, "autosave-delay"), ==, 10);

  /* The switch, from its row as Enter or a click on the row does */
  row = gtk_widget_get_ancestor (GTK_WIDGET (pseudonymise), ADW_TYPE_ACTION_ROW);
  g_assert_true (gtk_widget_grab_focus (row));
  g_assert_true (rg_test_press_shortcut (GTK_WINDOW (window), GDK_KEY_space, 0));
  /* The switch moves, then turns off */
  g_assert_true (rg_test_wait_for (pseudonymise_off, settings, 5));

  /* And back from the settings to the rows */
  g_settings_set_uint (settings, "retention-years", 7);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (retention), ==, 7);

  gtk_window_close (GTK_WINDOW (window));
  rg_test_iterate_until_idle ();
  g_settings_reset (settings, "autosave-delay");
  g_settings_reset (settings, "retention-years");
  g_settings_reset (settings, "export-pseudonymise");
}

static gboolean
library_is_in (gpointer data)
{
  gpointer *args = data;
  RgLibrary *library = rg_application_get_library (args[0]);

  return library != NULL && g_strcmp0 (rg_library_get_folder (library), args[1]) == 0;
}

static gboolean
has_chooser (gpointer data)
{
  return rg_test_find_window (GTK_TYPE_FILE_CHOOSER_DIALOG) != NULL;
}

static gboolean
chooser_in_folder (gpointer chooser)
{
  g_autoptr(GFile) folder = gtk_file_chooser_get_current_folder (chooser);

  return folder != NULL;
}

static gboolean
folder_is_set (gpointer settings)
{
  g_autofree char *folder = g_settings_get_string (settings, "library-folder");

  return folder[0] != '\0';
}

static void
library_folder (RgApplication *app)
{
  GSettings *settings = rg_application_get_settings (app);
  g_autofree char *chosen = g_build_filename (test_root, "Bibliothèque PRE", NULL);
  g_autoptr(GFile) chosen_file = g_file_new_for_path (chosen);
  RgPreferencesWindow *window;
  AdwActionRow *row;
  GtkWidget *button;
  GtkWidget *chooser;
  gpointer args[2] = { app, chosen };

  g_assert_cmpint (g_mkdir_with_parents (chosen, 0700), ==, 0);
  window = open_preferences (app);
  row = ADW_ACTION_ROW (rg_test_find_widget (GTK_WIDGET (window), is_row_titled,
                                             "Library Folder"));
  g_assert_nonnull (row);
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (row), "default"));

  /* The first control has the focus: the button that chooses */
  button = gtk_window_get_focus (GTK_WINDOW (window));
  g_assert_true (GTK_IS_BUTTON (button));
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (button)), ==,
                   "preferences.choose-folder");
  g_assert_true (rg_test_press_shortcut (GTK_WINDOW (window), GDK_KEY_space, 0));

  /* Without portals, GTK's own chooser, once the button is let go */
  g_assert_true (rg_test_wait_for (has_chooser, NULL, 5));
  chooser = rg_test_find_window (GTK_TYPE_FILE_CHOOSER_DIALOG);
  g_assert_cmpint (gtk_file_chooser_get_action (GTK_FILE_CHOOSER (chooser)), ==,
                   GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER);
  g_assert_true (gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), chosen_file,
                                                      NULL));
  /* The chooser looks the folder up before it goes there */
  g_assert_true (rg_test_wait_for (chooser_in_folder, chooser, 5));
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);
  g_assert_true (rg_test_wait_for (folder_is_set, settings, 5));
  {
    g_autofree char *folder = g_settings_get_string (settings, "library-folder");

    g_assert_cmpstr (folder, ==, chosen);
  }
  g_assert_cmpstr (adw_action_row_get_subtitle (row), ==, chosen);

  /* The application lists the new folder */
  g_assert_true (rg_test_wait_for (library_is_in, args, 5));

  /* Back to the default, with the button that appeared */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "preferences.default-folder",
                                             NULL));
  {
    g_autofree char *folder = g_settings_get_string (settings, "library-folder");

    g_assert_cmpstr (folder, ==, "");
  }

  gtk_window_close (GTK_WINDOW (window));
  rg_test_iterate_until_idle ();
}

/* The export dialog starts from the preference */
static void
export_starts_from_setting (RgApplication *app)
{
  GSettings *settings = rg_application_get_settings (app);
  g_autoptr(GFile) file = rg_test_copy_example (test_root, "exemple.regards");
  RgSessionWindow *window = rg_test_open_session (app, file);
  RgSession *session = rg_document_get_session (rg_session_window_get_document (window));
  RgExportDialog *dialog;

  dialog = rg_export_dialog_new (GTK_WINDOW (window), session);
  g_assert_true (rg_export_dialog_get_pseudonymise (dialog));
  gtk_window_destroy (GTK_WINDOW (dialog));

  g_settings_set_boolean (settings, "export-pseudonymise", FALSE);
  dialog = rg_export_dialog_new (GTK_WINDOW (window), session);
  g_assert_false (rg_export_dialog_get_pseudonymise (dialog));
  g_assert_cmpint (rg_export_dialog_get_purpose (dialog), ==, RG_EXPORT_PURPOSE_TEAM);
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_settings_reset (settings, "export-pseudonymise");

  gtk_window_close (GTK_WINDOW (window));
  rg_test_iterate_until_idle ();
}

int
main (int   argc,
      char *argv[])
{
  test_root = rg_test_init_environment ();

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  rg_test_add_app_func ("/preferences-window/numbers-and-switch", numbers_and_switch);
  rg_test_add_app_func ("/preferences-window/library-folder", library_folder);
  rg_test_add_app_func ("/preferences-window/export-starts-from-setting",
                        export_starts_from_setting);

  return g_test_run ();
}
