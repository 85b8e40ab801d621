/* rg-test-editing.h — a click, a key and Tab as the user gives them, for
 * the tests of how fields edit (docs/editing.md)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "rg-test-app.h"

/* A single click (@n_press 1) or a double click on @widget, through
 * its own click gestures, as GTK hands them the pointer's press and
 * release. */
static inline void
rg_test_click (GtkWidget *widget,
               int        n_press)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  double x = gtk_widget_get_width (widget) / 2.0;
  double y = MIN (gtk_widget_get_height (widget) / 2.0, 10.0);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_GESTURE_CLICK (controller))
        continue;

      for (int n = 1; n <= n_press; n++)
        {
          g_signal_emit_by_name (controller, "pressed", n, x, y);
          g_signal_emit_by_name (controller, "released", n, x, y);
        }
    }

  rg_test_iterate_until_idle ();
}

/* A key pressed where the window's focus is: it goes to the key
 * handlers of the focus, then of each widget above it, as a key press
 * bubbles up, then to their shortcuts (a focused button's Space), until
 * one takes it. Returns whether one did. */
static inline gboolean
rg_test_type_key (GtkWindow       *window,
                  guint            keyval,
                  GdkModifierType  state)
{
  for (GtkWidget *widget = gtk_window_get_focus (window); widget != NULL;
       widget = gtk_widget_get_parent (widget))
    {
      g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
      gboolean handled = FALSE;

      for (guint i = 0; i < g_list_model_get_n_items (controllers) && !handled; i++)
        {
          g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

          if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
            g_signal_emit_by_name (controller, "key-pressed", keyval, 0, state, &handled);
        }

      if (handled)
        {
          rg_test_iterate_until_idle ();
          return TRUE;
        }
    }

  return rg_test_press_shortcut (window, keyval, state);
}

/* Tab, as GtkWindow moves the focus for it; returns the new focus. */
static inline GtkWidget *
rg_test_press_tab (GtkWindow *window)
{
  gtk_widget_child_focus (GTK_WIDGET (window), GTK_DIR_TAB_FORWARD);
  rg_test_iterate_until_idle ();

  return gtk_window_get_focus (window);
}
