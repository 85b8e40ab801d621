/* rg-accessible-description.h — descriptions a screen reader reads, and announcements
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void rg_accessible_set_description (GtkWidget  *widget,
                                    const char *description);
void rg_accessible_announce        (GtkWidget  *widget,
                                    const char *message);
void rg_accessible_set_label       (GtkWidget  *widget,
                                    const char *label);

G_END_DECLS
