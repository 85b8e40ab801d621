/* rg-window-state.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void rg_window_state_restore (GtkWindow *window,
                              GSettings *settings);
void rg_window_state_save    (GtkWindow *window,
                              GSettings *settings);

G_END_DECLS
