/* rg-library-window.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define RG_TYPE_LIBRARY_WINDOW (rg_library_window_get_type ())

G_DECLARE_FINAL_TYPE (RgLibraryWindow, rg_library_window, RG, LIBRARY_WINDOW, AdwApplicationWindow)

RgLibraryWindow *rg_library_window_new    (GtkApplication  *application);
void             rg_library_window_search (RgLibraryWindow *self);

G_END_DECLS
