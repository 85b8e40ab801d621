/* rg-menu-button.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void rg_menu_button_set_menu_later (GtkMenuButton *button,
                                    GMenuModel    *menu);

G_END_DECLS
