/* rg-row-slicer.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define RG_TYPE_ROW_SLICER (rg_row_slicer_get_type ())

G_DECLARE_FINAL_TYPE (RgRowSlicer, rg_row_slicer, RG, ROW_SLICER, GObject)

RgRowSlicer *rg_row_slicer_new          (GListStore  *rows);
void         rg_row_slicer_set_items    (RgRowSlicer *self,
                                         gpointer    *items,
                                         guint        n_items);
void         rg_row_slicer_set_deferred (RgRowSlicer *self,
                                         gboolean     deferred);
gboolean     rg_row_slicer_get_deferred (RgRowSlicer *self);
void         rg_row_slicer_flush        (RgRowSlicer *self);
gboolean     rg_row_slicer_is_pending   (RgRowSlicer *self);

G_END_DECLS
