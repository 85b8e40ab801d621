/* rg-accessible-names.h — accessible names and states a screen reader can say
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

char *rg_accessible_strip_mnemonic   (const char *label);
void  rg_accessible_names_init       (void);
void  rg_accessible_set_hint         (GtkWidget  *widget,
                                     const char *hint);

G_END_DECLS
