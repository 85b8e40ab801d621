/* rg-save-chooser.h — choosing where to export a file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

GtkFileChooserNative *rg_save_chooser_new (GtkWindow  *parent,
                                           const char *title,
                                           const char *filter_name,
                                           const char *mime_type,
                                           const char *current_name);
void                  rg_save_chooser_write (GtkWidget  *widget,
                                             GFile      *file,
                                             GBytes     *bytes);

G_END_DECLS
