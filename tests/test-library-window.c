/* test-library-window.c — the library window, driven for real under Xvfb
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "rg-application.h"
#include "rg-library-window.h"
#include "rg-test-utils.h"

static void
iterate_until_idle (void)
{
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

typedef void (*AppTestFunc) (RgApplication *app);

static void
on_activate (GApplication *app,
             gpointer      user_data)
{
  AppTestFunc func = user_data;

  iterate_until_idle ();
  func (RG_APPLICATION (app));

  /* Closing every window ends g_application_run(). */
  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
}

/* Runs @func inside a real, running application, then checks that it
 * quits with no window left and nothing holding on to it. */
static void
run_in_application (AppTestFunc func)
{
  RgApplication *app = rg_application_new ();

  /* Tests must not find a running Regards on the session bus. */
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_signal_connect_after (app, "activate", G_CALLBACK (on_activate), func);
  g_assert_cmpint (g_application_run (G_APPLICATION (app), 0, NULL), ==, 0);
  g_assert_null (gtk_application_get_windows (GTK_APPLICATION (app)));
  g_assert_finalize_object (app);
}

static void
empty_state (RgApplication *app)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));
  GtkStack *stack;
  GtkWidget *page;

  g_assert_true (RG_IS_LIBRARY_WINDOW (window));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (window)));

  stack = GTK_STACK (gtk_widget_get_template_child (GTK_WIDGET (window),
                                                    RG_TYPE_LIBRARY_WINDOW, "stack"));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "empty");
  page = gtk_stack_get_visible_child (stack);
  g_assert_true (ADW_IS_STATUS_PAGE (page));
  g_assert_true (gtk_widget_get_mapped (page));
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (page)), ==, "No Sessions Yet");

}

static void
window_size_remembered (RgApplication *app)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));
  GSettings *settings = rg_application_get_settings (app);

  gtk_window_set_default_size (window, 900, 640);
  gtk_window_close (window);
  iterate_until_idle ();

  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 900);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 640);
}

static void
about_and_shortcuts (RgApplication *app)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));
  GtkWindow *overlay;
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint before = g_list_model_get_n_items (toplevels);

  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
  iterate_until_idle ();
  g_assert_cmpuint (g_list_model_get_n_items (toplevels), ==, before + 1);

  overlay = GTK_WINDOW (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)));
  g_assert_nonnull (overlay);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
  iterate_until_idle ();
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (overlay)));

}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *root = rg_test_init_environment ();

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_data_func ("/library-window/empty-state",
                        empty_state, (GTestDataFunc) run_in_application);
  g_test_add_data_func ("/library-window/size-remembered",
                        window_size_remembered, (GTestDataFunc) run_in_application);
  g_test_add_data_func ("/library-window/about-and-shortcuts",
                        about_and_shortcuts, (GTestDataFunc) run_in_application);

  return g_test_run ();
}
