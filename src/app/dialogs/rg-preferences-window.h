/* rg-preferences-window.h — what a coordinator may change of Regards
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define RG_TYPE_PREFERENCES_WINDOW (rg_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (RgPreferencesWindow, rg_preferences_window, RG, PREFERENCES_WINDOW,
                      AdwPreferencesWindow)

RgPreferencesWindow *rg_preferences_window_new (GtkWindow *parent,
                                                GSettings *settings);

G_END_DECLS
