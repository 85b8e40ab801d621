/* rg-report-layout.h — a report laid out on pages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <pango/pangocairo.h>

#include "rg-report.h"

G_BEGIN_DECLS

typedef struct _RgReportLayout RgReportLayout;

RgReportLayout *rg_report_layout_new          (RgReport       *report,
                                               PangoContext   *context,
                                               double          width,
                                               double          height);
void            rg_report_layout_free         (RgReportLayout *self);
void            rg_report_layout_set_tagged   (RgReportLayout *self,
                                               gboolean        tagged);
RgReport       *rg_report_layout_get_report   (RgReportLayout *self);
guint           rg_report_layout_get_n_pages  (RgReportLayout *self);
void            rg_report_layout_get_heading_position
                                              (RgReportLayout *self,
                                               guint           index,
                                               guint          *page,
                                               double         *y);
void            rg_report_layout_draw_page    (RgReportLayout *self,
                                               cairo_t        *cr,
                                               guint           page);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RgReportLayout, rg_report_layout_free)

G_END_DECLS
