/* rg-menu-button.c — a menu button whose menu is made when it opens
 *
 * A menu button given a menu model makes its popover menu at once,
 * with a widget for each entry (1.4 ms for the library window's main
 * menu), and a session has a menu on every partner's and dimension's
 * header. Most are never opened.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rg-menu-button.h"

static void
make_menu (GtkMenuButton *button,
           gpointer       menu)
{
  if (gtk_menu_button_get_menu_model (button) == NULL)
    gtk_menu_button_set_menu_model (button, menu);
}

/**
 * rg_menu_button_set_menu_later:
 * @button: a #GtkMenuButton with no menu nor popover
 * @menu: the menu it opens
 *
 * Gives @button the menu it opens, made when it first opens: by a
 * click, by its key, or by F10 for the window's main menu.
 */
void
rg_menu_button_set_menu_later (GtkMenuButton *button,
                               GMenuModel    *menu)
{
  g_return_if_fail (GTK_IS_MENU_BUTTON (button));
  g_return_if_fail (G_IS_MENU_MODEL (menu));

  gtk_menu_button_set_create_popup_func (button, make_menu, g_object_ref (menu), g_object_unref);
}
