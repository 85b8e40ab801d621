/* rg-shortcuts.h — every keyboard shortcut, in one table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void rg_shortcuts_set_accels                (GtkApplication *application);
void rg_shortcuts_add_controller            (GtkWidget      *widget,
                                             const char     *prefix);
void rg_shortcuts_add_controller_for_action (GtkWidget      *widget,
                                             const char     *action);
void rg_shortcuts_add_window_action         (GtkApplicationWindow *window,
                                             const char           *section);

G_END_DECLS
