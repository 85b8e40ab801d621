/* rg-sitting-bar.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "rg-sitting.h"

G_BEGIN_DECLS

#define RG_TYPE_SITTING_BAR (rg_sitting_bar_get_type ())

G_DECLARE_FINAL_TYPE (RgSittingBar, rg_sitting_bar, RG, SITTING_BAR, GtkWidget)

GtkWidget  *rg_sitting_bar_new              (void);
void        rg_sitting_bar_set_item         (RgSittingBar *self,
                                             RgSitting    *sitting,
                                             guint         index);
void        rg_sitting_bar_set_large        (RgSittingBar *self,
                                             gboolean      large);
const char *rg_sitting_bar_get_slot_text    (RgSittingBar *self);
const char *rg_sitting_bar_get_position_text (RgSittingBar *self);
const char *rg_sitting_bar_get_overrun_text (RgSittingBar *self);

G_END_DECLS
