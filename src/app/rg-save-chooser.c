/* rg-save-chooser.c — choosing where to export a file
 *
 * Every export of the app asks the same way: a modal file chooser that
 * offers a name and shows the files of the kind being written.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rg-save-chooser.h"

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
