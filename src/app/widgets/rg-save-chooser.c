/* rg-save-chooser.c — choosing where to export a file
 *
 * Every export of the app asks the same way: a modal file chooser that
 * offers a name and shows the files of the kind being written, in the
 * folder last exported to (remembered in GSettings); and writes the
 * same way, in one step, private, saying in a toast that it is done,
 * with a button to open what was written, or why it is not.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "rg-save-chooser.h"
#include "rg-undo-toast.h"

#define LAST_FOLDER_KEY "last-export-folder"

/**
 * rg_save_chooser_new:
 * @parent: (nullable): the window it is for
 * @title: the chooser's title
 * @filter_name: the name of the kind of file written
 * @mime_type: its MIME type
 * @current_name: the file name offered
 *
 * Returns: (transfer full): a new save chooser, not shown yet
 */
GtkFileChooserNative *
rg_save_chooser_new (GtkWindow  *parent,
                     const char *title,
                     const char *filter_name,
                     const char *mime_type,
                     const char *current_name)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (title, parent, GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_filter_set_name (filter, filter_name);
  gtk_file_filter_add_mime_type (filter, mime_type);
  /* A type the system may not know (a REFI-QDA project): by its name too */
  if (strrchr (current_name, '.') != NULL)
    gtk_file_filter_add_suffix (filter, strrchr (current_name, '.') + 1);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), current_name);

  return chooser;
}

/**
 * rg_save_chooser_propose_folder:
 * @chooser: a save chooser
 * @fallback: (nullable): the folder to propose when nothing was exported
 *   yet, or the folder last exported to is gone: the session's
 *
 * Opens @chooser in the folder last exported to, else in @fallback.
 */
void
rg_save_chooser_propose_folder (GtkFileChooserNative *chooser,
                                GFile                *fallback)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *path = g_settings_get_string (settings, LAST_FOLDER_KEY);
  g_autoptr(GFile) last = NULL;
  GFile *folder = fallback;

  g_return_if_fail (GTK_IS_FILE_CHOOSER_NATIVE (chooser));
  g_return_if_fail (fallback == NULL || G_IS_FILE (fallback));

  if (path[0] != '\0' && g_file_test (path, G_FILE_TEST_IS_DIR))
    folder = last = g_file_new_for_path (path);

  if (folder != NULL)
    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
}

/**
 * rg_save_chooser_remember_folder:
 * @file: a file just exported
 *
 * Remembers the folder of @file, for the next export to propose.
 */
void
rg_save_chooser_remember_folder (GFile *file)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GFile) folder = NULL;
  g_autofree char *path = NULL;

  g_return_if_fail (G_IS_FILE (file));

  folder = g_file_get_parent (file);
  path = folder != NULL ? g_file_get_path (folder) : NULL;
  if (path != NULL)
    g_settings_set_string (settings, LAST_FOLDER_KEY, path);
}

static void
launched_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  /* No application for the file: the desktop says so better than we could */
  if (!g_app_info_launch_default_for_uri_finish (result, &error))
    g_debug ("Could not open the exported file: %s", error->message);
}

static void
open_clicked_cb (AdwToast *toast,
                 GFile    *file)
{
  g_autoptr(GdkAppLaunchContext) context =
    gdk_display_get_app_launch_context (gdk_display_get_default ());
  g_autofree char *uri = g_file_get_uri (file);

  g_app_info_launch_default_for_uri_async (uri, G_APP_LAUNCH_CONTEXT (context), NULL,
                                           launched_cb, NULL);
}

/**
 * rg_save_chooser_new_toast:
 * @title: what the toast says
 * @file: the file just written
 *
 * A toast saying a file was written, whose Open button opens it in the
 * application the desktop has for it.
 *
 * Returns: (transfer full): a new toast
 */
AdwToast *
rg_save_chooser_new_toast (const char *title,
                           GFile      *file)
{
  AdwToast *toast;

  g_return_val_if_fail (title != NULL, NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Open"));
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (open_clicked_cb),
                         g_object_ref (file), (GClosureNotify) (void (*) (void)) g_object_unref, 0);

  return toast;
}

static void
written_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GtkWidget) widget = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  g_autofree char *name = g_file_get_basename (G_FILE (object));
  GtkWidget *overlay;

  if (!g_file_replace_contents_finish (G_FILE (object), result, NULL, &error))
    {
      /* Translators: "Could not save “carte.png”: No space left on device". */
      message = g_strdup_printf (_("Could not save “%s”: %s"), name, error->message);
      rg_widget_show_toast (widget, message);
      return;
    }

  rg_save_chooser_remember_folder (G_FILE (object));
  /* Translators: a toast after exporting the picture: "Saved “carte.png”". */
  message = g_strdup_printf (_("Saved “%s”"), name);
  if ((overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY)))
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay),
                                 rg_save_chooser_new_toast (message, G_FILE (object)));
}

/**
 * rg_save_chooser_write:
 * @widget: a widget inside a toast overlay, which says how it went
 * @file: where to write
 * @bytes: what to write
 *
 * Writes @bytes to @file in one step, readable by its owner only (what
 * is exported is about a family), in a worker thread.
 */
void
rg_save_chooser_write (GtkWidget *widget,
                       GFile     *file,
                       GBytes    *bytes)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (bytes != NULL);

  g_file_replace_contents_bytes_async (file, bytes, NULL, FALSE,
                                       (G_FILE_CREATE_PRIVATE | G_FILE_CREATE_REPLACE_DESTINATION),
                                       NULL, written_cb, g_object_ref (widget));
}
