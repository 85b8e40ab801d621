/* rg-undo-toast.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void       rg_undo_toast_show  (GtkWidget *widget,
                                const char *title);
GtkWindow *rg_widget_get_window (GtkWidget *widget);
void       rg_widget_show_toast (GtkWidget  *widget,
                                 const char *title);

G_END_DECLS
