/* rg-style.h — what a widget's style says, read the same way on every GTK
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void     rg_style_get_color (GtkWidget *widget,
                             GdkRGBA   *color);
gboolean rg_style_is_dark   (GtkWidget *widget);

G_END_DECLS
