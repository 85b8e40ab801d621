/* rg-save-chooser.h — choosing where to export a file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

GtkFileChooserNative *rg_save_chooser_new (GtkWindow  *parent,
                                           const char *title,
                                           const char *filter_name,
                                           const char *mime_type,
                                           const char *current_name);
void                  rg_save_chooser_propose_folder  (GtkFileChooserNative *chooser,
                                                       GFile                *fallback);
void                  rg_save_chooser_remember_folder (GFile                *file);
AdwToast             *rg_save_chooser_new_toast       (const char           *title,
                                                       GFile                *file);
void                  rg_save_chooser_write (GtkWidget  *widget,
                                             GFile      *file,
                                             GBytes     *bytes);

G_END_DECLS
