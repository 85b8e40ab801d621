/* rg-icon-label.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define RG_TYPE_ICON_LABEL (rg_icon_label_get_type ())

G_DECLARE_FINAL_TYPE (RgIconLabel, rg_icon_label, RG, ICON_LABEL, GtkWidget)

GtkWidget  *rg_icon_label_new       (void);
void        rg_icon_label_set       (RgIconLabel *self,
                                     const char  *icon_name,
                                     const char  *label);
const char *rg_icon_label_get_label (RgIconLabel *self);

G_END_DECLS
