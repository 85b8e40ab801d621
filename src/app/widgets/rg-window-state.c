/* rg-window-state.c — windows open at the size they were left
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rg-window-state"

#include "config.h"

#include "rg-window-state.h"

/**
 * rg_window_state_restore:
 * @window: a window about to be shown
 * @settings: the application's settings
 *
 * Gives @window the size, and the maximized state, last saved.
 */
void
rg_window_state_restore (GtkWindow *window,
                         GSettings *settings)
{
  g_return_if_fail (GTK_IS_WINDOW (window));
  g_return_if_fail (G_IS_SETTINGS (settings));

  gtk_window_set_default_size (window,
                               g_settings_get_int (settings, "window-width"),
                               g_settings_get_int (settings, "window-height"));
  if (g_settings_get_boolean (settings, "window-maximized"))
    gtk_window_maximize (window);
}

/**
 * rg_window_state_save:
 * @window: a window being closed
 * @settings: the application's settings
 *
 * Remembers the size of @window for the next window.
 */
void
rg_window_state_save (GtkWindow *window,
                      GSettings *settings)
{
  int width, height;

  g_return_if_fail (GTK_IS_WINDOW (window));
  g_return_if_fail (G_IS_SETTINGS (settings));

  g_settings_set_boolean (settings, "window-maximized", gtk_window_is_maximized (window));
  if (gtk_window_is_maximized (window) || gtk_window_is_fullscreen (window))
    return;

  gtk_window_get_default_size (window, &width, &height);
  g_settings_set_int (settings, "window-width", width);
  g_settings_set_int (settings, "window-height", height);
}
