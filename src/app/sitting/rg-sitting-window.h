/* rg-sitting-window.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rg-sitting.h"

G_BEGIN_DECLS

#define RG_TYPE_SITTING_WINDOW (rg_sitting_window_get_type ())

G_DECLARE_FINAL_TYPE (RgSittingWindow, rg_sitting_window, RG, SITTING_WINDOW, AdwApplicationWindow)

RgSittingWindow *rg_sitting_window_new         (GtkApplication  *application,
                                                RgSitting       *sitting,
                                                GFile           *file);
RgSitting       *rg_sitting_window_get_sitting (RgSittingWindow *self);
GFile           *rg_sitting_window_get_file    (RgSittingWindow *self);

G_END_DECLS
