/* rg-window-host.c — what the windows of Regards ask of the application
 *
 * The application makes the windows, so it knows them; they know it
 * only through this interface, which it implements: its settings, the
 * library of the folder they name, and the session windows it opens. A
 * window or a dialog finds it as the application of its window.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rg-window-host"

#include "config.h"

#include "rg-window-host.h"

G_DEFINE_INTERFACE (RgWindowHost, rg_window_host, GTK_TYPE_APPLICATION)

static void
rg_window_host_default_init (RgWindowHostInterface *iface)
{
  /**
   * RgWindowHost:library:
   *
   * The library of the folder the settings name, or %NULL when its
   * index cannot be opened. It changes with the library folder.
   */
  g_object_interface_install_property (iface,
                                       g_param_spec_object ("library", NULL, NULL,
                                                            RG_TYPE_LIBRARY,
                                                            (G_PARAM_READABLE |
                                                             G_PARAM_EXPLICIT_NOTIFY |
                                                             G_PARAM_STATIC_STRINGS)));

  /**
   * RgWindowHost:library-error:
   *
   * Why the library could not be opened or read, or %NULL.
   */
  g_object_interface_install_property (iface,
                                       g_param_spec_string ("library-error", NULL, NULL,
                                                            NULL,
                                                            (G_PARAM_READABLE |
                                                             G_PARAM_EXPLICIT_NOTIFY |
                                                             G_PARAM_STATIC_STRINGS)));
}

/**
 * rg_window_host_get_for_widget:
 * @widget: a widget
 *
 * Returns: (transfer none) (nullable): the host of @widget's window: its
 *   application, or %NULL when the window has none (yet, or any more)
 */
RgWindowHost *
rg_window_host_get_for_widget (GtkWidget *widget)
{
  GtkRoot *root;
  GtkApplication *application;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);

  if (!(root = gtk_widget_get_root (widget)) || !GTK_IS_WINDOW (root) ||
      !(application = gtk_window_get_application (GTK_WINDOW (root))) ||
      !RG_IS_WINDOW_HOST (application))
    return NULL;

  return RG_WINDOW_HOST (application);
}

/**
 * rg_window_host_get_settings:
 * @self: a #RgWindowHost
 *
 * Returns: (transfer none): the application's settings
 */
GSettings *
rg_window_host_get_settings (RgWindowHost *self)
{
  g_return_val_if_fail (RG_IS_WINDOW_HOST (self), NULL);

  return RG_WINDOW_HOST_GET_IFACE (self)->get_settings (self);
}

/**
 * rg_window_host_get_library:
 * @self: a #RgWindowHost
 *
 * Returns: (transfer none) (nullable): the library, or %NULL when its
 *   index cannot be opened (RgWindowHost:library-error says why)
 */
RgLibrary *
rg_window_host_get_library (RgWindowHost *self)
{
  g_return_val_if_fail (RG_IS_WINDOW_HOST (self), NULL);

  return RG_WINDOW_HOST_GET_IFACE (self)->get_library (self);
}

/**
 * rg_window_host_get_library_error:
 * @self: a #RgWindowHost
 *
 * Returns: (transfer none) (nullable): why the library could not be
 *   opened or read, in words for the coordinator, or %NULL
 */
const char *
rg_window_host_get_library_error (RgWindowHost *self)
{
  g_return_val_if_fail (RG_IS_WINDOW_HOST (self), NULL);

  return RG_WINDOW_HOST_GET_IFACE (self)->get_library_error (self);
}

/**
 * rg_window_host_get_library_dir:
 * @self: a #RgWindowHost
 *
 * Returns: (transfer full): the folder of the session files, as the
 *   settings say, or the default one
 */
char *
rg_window_host_get_library_dir (RgWindowHost *self)
{
  g_return_val_if_fail (RG_IS_WINDOW_HOST (self), NULL);

  return RG_WINDOW_HOST_GET_IFACE (self)->get_library_dir (self);
}

/**
 * rg_window_host_open_file:
 * @self: a #RgWindowHost
 * @file: a session file
 *
 * Opens @file in a session window, or presents the window that already
 * shows it.
 */
void
rg_window_host_open_file (RgWindowHost *self,
                          GFile        *file)
{
  g_return_if_fail (RG_IS_WINDOW_HOST (self));
  g_return_if_fail (G_IS_FILE (file));

  RG_WINDOW_HOST_GET_IFACE (self)->open_file (self, file);
}

/**
 * rg_window_host_open_file_at:
 * @self: a #RgWindowHost
 * @file: a session file
 * @view: (nullable): the view to show when there is no @object_id
 * @object_id: (nullable): what to show in it: the id of an action, a
 *   consent, a link, a review item or a partner
 *
 * Opens @file as rg_window_host_open_file() does, then shows
 * @object_id in the view that holds it, its row focused, or else @view.
 */
void
rg_window_host_open_file_at (RgWindowHost *self,
                             GFile        *file,
                             const char   *view,
                             const char   *object_id)
{
  g_return_if_fail (RG_IS_WINDOW_HOST (self));
  g_return_if_fail (G_IS_FILE (file));

  RG_WINDOW_HOST_GET_IFACE (self)->open_file_at (self, file, view, object_id);
}

/**
 * rg_window_host_open_sitting_item:
 * @self: a #RgWindowHost
 * @sitting: a prepared sitting
 * @index: the position of a situation on its agenda
 * @meeting_mode: whether the session opens in meeting mode
 * @replacing: (nullable): a window the session takes the place of: it
 *   gets its size (in meeting mode, its screen), then @replacing closes,
 *   saving what it holds as closing always does
 *
 * Opens the session the sitting holds about its @index-th situation
 * (the file its agenda names, in the library folder), its window
 * knowing the sitting: it shows the slot and moves to the previous and
 * next situations.
 */
void
rg_window_host_open_sitting_item (RgWindowHost *self,
                                  RgSitting    *sitting,
                                  guint         index,
                                  gboolean      meeting_mode,
                                  GtkWindow    *replacing)
{
  g_return_if_fail (RG_IS_WINDOW_HOST (self));
  g_return_if_fail (RG_IS_SITTING (sitting));
  g_return_if_fail (replacing == NULL || GTK_IS_WINDOW (replacing));

  RG_WINDOW_HOST_GET_IFACE (self)->open_sitting_item (self, sitting, index, meeting_mode, replacing);
}

/**
 * rg_window_host_find_session_window:
 * @self: a #RgWindowHost
 * @file: a session file
 *
 * Returns: (transfer none) (nullable): the session window showing @file,
 *   or %NULL when @file is not open
 */
GtkWindow *
rg_window_host_find_session_window (RgWindowHost *self,
                                    GFile        *file)
{
  g_return_val_if_fail (RG_IS_WINDOW_HOST (self), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  return RG_WINDOW_HOST_GET_IFACE (self)->find_session_window (self, file);
}
