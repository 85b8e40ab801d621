/* rg-save-chooser.c — choosing where to export a file
 *
 * Every export of the app asks the same way: a modal file chooser that
 * offers a name and shows the files of the kind being written; and
 * writes the same way, in one step, private, saying in a toast that it
 * is done or why it is not.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rg-save-chooser.h"
#include "rg-undo-toast.h"

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
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), current_name);

  return chooser;
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

  if (!g_file_replace_contents_finish (G_FILE (object), result, NULL, &error))
    /* Translators: "Could not save “carte.png”: No space left on device". */
    message = g_strdup_printf (_("Could not save “%s”: %s"), name, error->message);
  else
    /* Translators: a toast after exporting the picture: "Saved “carte.png”". */
    message = g_strdup_printf (_("Saved “%s”"), name);

  rg_widget_show_toast (widget, message);
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
